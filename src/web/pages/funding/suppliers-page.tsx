import { Anchor, Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseSiret, siretProblem } from '../../../shared/siret.ts';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { type Supplier, suppliersQuery } from './funding-queries.ts';
import { Dialog, FormButtons, fundingFormProblem, WordBadge } from './labels.tsx';

/** "36252187900034" → "362 521 879 00034" (SIREN, then NIC). */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret)
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}

/** Suppliers (name, SIRET checked on its Luhn key here and by the server). */
export function SuppliersPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'funding.manage');
  const queryClient = useQueryClient();
  const captionId = useId();
  const suppliers = useQuery(suppliersQuery);
  const [editing, setEditing] = useState<Supplier | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (s: Supplier) =>
      unwrap(api.DELETE('/api/funding/suppliers/{id}', { params: { path: { id: s.id } } })).then(() => s),
    onSuccess: async (s) => {
      setDone(t('funding.suppliers.deleted', { name: s.name }));
      await queryClient.invalidateQueries({ queryKey: ['funding', 'suppliers'] });
    },
  });
  const list = suppliers.data ?? [];
  return (
    <Page
      title={t('funding.suppliers.title')}
      actions={
        <Group gap="md">
          <Text>
            <Anchor component={Link} to="/funding">
              {t('funding.programmes.backToList')}
            </Anchor>
          </Text>
          {canManage ? (
            <Button
              onClick={() => {
                setDone(null);
                setEditing('new');
              }}
            >
              {t('funding.suppliers.add')}
            </Button>
          ) : null}
        </Group>
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {suppliers.isError ? <FormAlert kind="error">{errorMessage(t, suppliers.error)}</FormAlert> : null}
      {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
      {suppliers.isPending ? <Text>{t('common.loading')}</Text> : null}
      {suppliers.isSuccess && list.length === 0 ? <Text>{t('funding.suppliers.none')}</Text> : null}
      {list.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('funding.suppliers.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.suppliers.name')}</Table.Th>
                <Table.Th scope="col">{t('funding.suppliers.siret')}</Table.Th>
                {canManage ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row">
                    <Group gap="xs">
                      {s.name}
                      {s.generated ? <WordBadge colour="#495057">{t('funding.generated')}</WordBadge> : null}
                    </Group>
                  </Table.Th>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {formatSiret(s.siret)}
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            setDone(null);
                            setEditing(s);
                          }}
                        >
                          {t('common.edit')}
                          <VisuallyHidden> {s.name}</VisuallyHidden>
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="#a51d2d"
                          onClick={() => {
                            setDone(null);
                            if (window.confirm(t('funding.suppliers.confirmDelete', { name: s.name })))
                              remove.mutate(s);
                          }}
                        >
                          {t('funding.delete')}
                          <VisuallyHidden> {s.name}</VisuallyHidden>
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {editing ? (
        <SupplierDialog
          supplier={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setDone(t(created ? 'funding.suppliers.created' : 'funding.suppliers.updated', { name: saved.name }));
          }}
        />
      ) : null}
    </Page>
  );
}

function SupplierDialog({
  supplier,
  onClose,
  onSaved,
}: {
  supplier: Supplier | null;
  onClose: () => void;
  onSaved: (saved: Supplier, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(supplier?.name ?? '');
  const [siret, setSiret] = useState(supplier ? formatSiret(supplier.siret) : '');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: () =>
      supplier
        ? unwrap(
            api.PATCH('/api/funding/suppliers/{id}', { params: { path: { id: supplier.id } }, body: { name, siret } }),
          )
        : unwrap(api.POST('/api/funding/suppliers', { body: { name, siret } })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['funding', 'suppliers'] });
      onSaved(saved, !supplier);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? fundingFormProblem(t, save.error, ['name', 'siret']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('errors.fields.required');
    const siretIssue = siretProblem(normaliseSiret(siret));
    if (siretIssue) found.siret = t(`funding.fieldErrors.${siretIssue}`);
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate();
  };
  return (
    <Dialog title={supplier ? t('funding.suppliers.editTitle') : t('funding.suppliers.add')} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('funding.suppliers.name')}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label={t('funding.suppliers.siret')}
            description={t('funding.suppliers.siretHelp')}
            required
            maxLength={30}
            inputMode="numeric"
            autoComplete="off"
            value={siret}
            onChange={(e) => setSiret(e.currentTarget.value)}
            error={errors.siret}
          />
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('common.save')} />
        </Stack>
      </form>
    </Dialog>
  );
}
