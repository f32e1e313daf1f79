import { Button, Group, Stack, Table, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { setFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { SchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { type Programme, programmesQuery } from './funding-queries.ts';
import { Dialog, FormButtons, fundingFormProblem } from './labels.tsx';

/** The funding programmes (operations), with their period and schools in scope; a new one. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'funding.manage');
  const list = useQuery(programmesQuery);
  const captionId = useId();
  const [creating, setCreating] = useState(false);
  const items = list.data ?? [];
  return (
    <Page
      title={t('funding.programmes.title')}
      actions={
        <Group gap="sm">
          {canManage ? <Button onClick={() => setCreating(true)}>{t('funding.programmes.create')}</Button> : null}
          <AnchorLink to="/funding/suppliers">{t('funding.suppliers.title')}</AnchorLink>
          <AnchorLink to="/funding/funders">{t('funding.funders.title')}</AnchorLink>
        </Group>
      }
    >
      <Text>{t('funding.programmes.intro')}</Text>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      {list.isPending ? <Text>{t('common.loading')}</Text> : null}
      {list.isSuccess && items.length === 0 ? <Text>{t('funding.programmes.none')}</Text> : null}
      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="sm">
            <caption id={captionId}>
              <VisuallyHidden>{t('funding.programmes.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.programmes.name')}</Table.Th>
                <Table.Th scope="col">{t('funding.programmes.period')}</Table.Th>
                <Table.Th scope="col">{t('funding.programmes.schools')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/funding/programmes/$id" params={{ id: p.id }}>
                      {p.name}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>
                    {t('funding.programmes.range', { from: formatDate(p.periodStart), to: formatDate(p.periodEnd) })}
                  </Table.Td>
                  <Table.Td>{formatNumber(p.schoolIds.length)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {creating ? <ProgrammeDialog programme={null} onClose={() => setCreating(false)} /> : null}
    </Page>
  );
}

const KNOWN = ['name', 'description', 'objectives', 'periodStart', 'periodEnd', 'archiveUntil', 'schoolIds'];

/** Creates a programme (then opens its page) or edits one. */
export function ProgrammeDialog({
  programme,
  onClose,
  onSaved,
}: {
  programme: Programme | null;
  onClose: () => void;
  onSaved?: (saved: Programme) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(programme?.name ?? '');
  const [description, setDescription] = useState(programme?.description ?? '');
  const [objectives, setObjectives] = useState(programme?.objectives ?? '');
  const [periodStart, setPeriodStart] = useState(programme?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(programme?.periodEnd ?? '');
  const [archiveUntil, setArchiveUntil] = useState(programme?.archiveUntil ?? '');
  const [schoolIds, setSchoolIds] = useState<string[]>(programme?.schoolIds ?? []);
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name,
        description,
        objectives,
        periodStart,
        periodEnd,
        archiveUntil: archiveUntil || null,
        schoolIds,
      };
      return programme
        ? unwrap(api.PATCH('/api/funding/programmes/{id}', { params: { path: { id: programme.id } }, body }))
        : unwrap(api.POST('/api/funding/programmes', { body }));
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(['funding', 'programme', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['funding'] });
      if (programme) {
        onSaved?.(saved);
        return;
      }
      setFlash(t('funding.programmes.created', { name: saved.name }));
      await navigate({ to: '/funding/programmes/$id', params: { id: saved.id } });
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? fundingFormProblem(t, save.error, KNOWN) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const required = t('errors.fields.required');
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = required;
    if (!periodStart) found.periodStart = required;
    if (!periodEnd) found.periodEnd = required;
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate();
  };
  return (
    <Dialog title={programme ? t('funding.programmes.editTitle') : t('funding.programmes.create')} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('funding.programmes.name')}
            required
            maxLength={300}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Group grow align="start">
            <TextInput
              label={t('funding.programmes.periodStart')}
              type="date"
              required
              value={periodStart}
              onChange={(e) => setPeriodStart(e.currentTarget.value)}
              error={errors.periodStart}
            />
            <TextInput
              label={t('funding.programmes.periodEnd')}
              type="date"
              required
              value={periodEnd}
              onChange={(e) => setPeriodEnd(e.currentTarget.value)}
              error={errors.periodEnd}
            />
          </Group>
          <TextInput
            label={t('funding.programmes.archiveUntil')}
            description={t('funding.programmes.archiveUntilHelp')}
            type="date"
            value={archiveUntil}
            onChange={(e) => setArchiveUntil(e.currentTarget.value)}
            error={errors.archiveUntil}
            maw="20rem"
          />
          <Textarea
            label={t('funding.programmes.description')}
            autosize
            minRows={2}
            maxLength={10_000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <Textarea
            label={t('funding.programmes.objectives')}
            autosize
            minRows={2}
            maxLength={10_000}
            value={objectives}
            onChange={(e) => setObjectives(e.currentTarget.value)}
            error={errors.objectives}
          />
          <SchoolPicker
            label={t('funding.programmes.schools')}
            description={t('funding.programmes.schoolsHelp')}
            value={schoolIds}
            onChange={setSchoolIds}
            error={errors.schoolIds}
          />
          <FormButtons
            onCancel={onClose}
            pending={save.isPending}
            submit={programme ? t('common.save') : t('funding.programmes.createSubmit')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}
