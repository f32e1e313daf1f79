import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { FUNDER_KINDS, type Funder, type FunderKind, fundersQuery } from './funding-queries.ts';
import { Dialog, FormButtons, fundingFormProblem } from './labels.tsx';

/** The funders (EU, State, département, region, the city's own funds…) the conventions name. */
export function FundersPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'funding.manage');
  const queryClient = useQueryClient();
  const captionId = useId();
  const funders = useQuery(fundersQuery);
  const [editing, setEditing] = useState<Funder | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (f: Funder) =>
      unwrap(api.DELETE('/api/funding/funders/{id}', { params: { path: { id: f.id } } })).then(() => f),
    onSuccess: async (f) => {
      setDone(t('funding.funders.deleted', { name: f.name }));
      await queryClient.invalidateQueries({ queryKey: ['funding', 'funders'] });
    },
  });
  const list = funders.data ?? [];
  return (
    <Page
      title={t('funding.funders.title')}
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
              {t('funding.funders.add')}
            </Button>
          ) : null}
        </Group>
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {funders.isError ? <FormAlert kind="error">{errorMessage(t, funders.error)}</FormAlert> : null}
      {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
      {funders.isPending ? <Text>{t('common.loading')}</Text> : null}
      {funders.isSuccess && list.length === 0 ? <Text>{t('funding.funders.none')}</Text> : null}
      {list.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('funding.funders.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.funders.name')}</Table.Th>
                <Table.Th scope="col">{t('funding.funders.kind')}</Table.Th>
                {canManage ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Th scope="row">{f.name}</Table.Th>
                  <Table.Td>{t(`funding.funderKinds.${f.kind}`)}</Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            setDone(null);
                            setEditing(f);
                          }}
                        >
                          {t('common.edit')}
                          <VisuallyHidden> {f.name}</VisuallyHidden>
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="#a51d2d"
                          onClick={() => {
                            setDone(null);
                            if (window.confirm(t('funding.funders.confirmDelete', { name: f.name }))) remove.mutate(f);
                          }}
                        >
                          {t('funding.delete')}
                          <VisuallyHidden> {f.name}</VisuallyHidden>
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
        <FunderDialog
          funder={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setDone(t(created ? 'funding.funders.created' : 'funding.funders.updated', { name: saved.name }));
          }}
        />
      ) : null}
    </Page>
  );
}

function FunderDialog({
  funder,
  onClose,
  onSaved,
}: {
  funder: Funder | null;
  onClose: () => void;
  onSaved: (saved: Funder, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(funder?.name ?? '');
  const [kind, setKind] = useState<FunderKind>(funder?.kind ?? 'eu_feder');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: () =>
      funder
        ? unwrap(api.PATCH('/api/funding/funders/{id}', { params: { path: { id: funder.id } }, body: { name, kind } }))
        : unwrap(api.POST('/api/funding/funders', { body: { name, kind } })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['funding'] });
      onSaved(saved, !funder);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? fundingFormProblem(t, save.error, ['name', 'kind']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setChecked({ name: t('errors.fields.required') });
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate();
  };
  return (
    <Dialog title={funder ? t('funding.funders.editTitle') : t('funding.funders.add')} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('funding.funders.name')}
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <NativeSelect
            label={t('funding.funders.kind')}
            required
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as FunderKind)}
            error={errors.kind}
            data={FUNDER_KINDS.map((k) => ({ value: k, label: t(`funding.funderKinds.${k}`) }))}
          />
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('common.save')} />
        </Stack>
      </form>
    </Dialog>
  );
}
