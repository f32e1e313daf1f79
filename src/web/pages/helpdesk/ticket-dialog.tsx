import { Checkbox, FileInput, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useSignedInMe } from '../../auth/session.ts';
import { setFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { formProblem } from '../../errors.ts';
import { helpdeskChanged, type TicketDetail } from './helpdesk-queries.ts';
import { Dialog, FormButtons } from './labels.tsx';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type TicketCategory, type TicketPriority } from './search.ts';
import { ACCEPT, uploadTicketFile } from './ticket-files.tsx';

type CreateInput = Schemas['CreateTicketInput'];

const KNOWN = ['schoolId', 'category', 'priority', 'title', 'description', 'assetIds'];

/** Opens a ticket (helpdesk.open): the school (the user's own first), what, how urgent, and the assets concerned. */
export function TicketDialog({
  onClose,
  onSaved,
  initialSchoolId,
  initialAsset,
}: {
  onClose: () => void;
  onSaved: (saved: TicketDetail) => void;
  initialSchoolId?: string | undefined;
  initialAsset?: { id: string; label: string } | undefined;
}) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const attached = me.schoolScope === 'attached';
  const [schoolId, setSchoolId] = useState(initialSchoolId ?? (attached ? (me.schools[0]?.id ?? '') : ''));
  const [category, setCategory] = useState<TicketCategory>('breakdown');
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [assets, setAssets] = useState<ReadonlyMap<string, string>>(
    () => new Map(initialAsset ? [[initialAsset.id, initialAsset.label]] : []),
  );
  const [files, setFiles] = useState<File[]>([]);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [checked, setChecked] = useState<Record<string, string> | null>(null);

  const found = useQuery({
    queryKey: ['helpdesk', 'asset-search', schoolId, debounced],
    queryFn: () =>
      unwrap(
        api.GET('/api/assets', {
          params: { query: { schoolId, q: debounced, limit: 10 } },
        }),
      ),
    enabled: Boolean(schoolId) && debounced.length > 0,
    placeholderData: keepPreviousData,
  });

  const save = useMutation({
    mutationFn: async (body: CreateInput) => {
      const created = await unwrap(api.POST('/api/helpdesk/tickets', { body }));
      // The photos go once the ticket exists; one refused does not undo the ticket.
      const notSent: string[] = [];
      for (const file of files) {
        try {
          await uploadTicketFile(created.id, file);
        } catch {
          notSent.push(file.name);
        }
      }
      if (notSent.length) setFlash(t('helpdesk.files.notSent', { names: notSent.join(', ') }));
      return created;
    },
    onSuccess: async (saved) => {
      await helpdeskChanged(queryClient);
      onSaved(saved);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = formProblem(t, save.error, KNOWN);
  const errors: Record<string, string | undefined> = { ...problem.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!schoolId) missing.schoolId = t('errors.fields.required');
    if (!title.trim()) missing.title = t('errors.fields.required');
    if (Object.keys(missing).length) {
      setChecked(missing);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      schoolId,
      category,
      priority,
      title: title.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(assets.size ? { assetIds: [...assets.keys()] } : {}),
    });
  };

  const toggle = (id: string, label: string, on: boolean) => {
    const next = new Map(assets);
    if (on) next.set(id, label);
    else next.delete(id);
    setAssets(next);
  };
  const results = (found.data?.items ?? []).filter((a) => !assets.has(a.id));

  return (
    <Dialog title={t('helpdesk.newTicket')} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Text size="sm">{t('common.requiredHint')}</Text>
          {attached ? (
            <NativeSelect
              label={t('helpdesk.fields.school')}
              required
              value={schoolId}
              onChange={(e) => {
                setSchoolId(e.currentTarget.value);
                setAssets(new Map());
              }}
              error={errors.schoolId}
              data={me.schools.map((s) => ({ value: s.id, label: s.name }))}
            />
          ) : (
            <OneSchoolPicker
              label={t('helpdesk.fields.school')}
              required
              value={schoolId}
              onChange={(id) => {
                setSchoolId(id);
                setAssets(new Map());
              }}
              error={errors.schoolId}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('helpdesk.fields.category')}
              required
              value={category}
              onChange={(e) => setCategory(TICKET_CATEGORIES.find((c) => c === e.currentTarget.value) ?? 'breakdown')}
              error={errors.category}
              data={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`helpdesk.category.${c}`) }))}
            />
            <NativeSelect
              label={t('helpdesk.fields.priority')}
              required
              value={priority}
              onChange={(e) => setPriority(TICKET_PRIORITIES.find((p) => p === e.currentTarget.value) ?? 'normal')}
              error={errors.priority}
              data={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`helpdesk.priority.${p}`) }))}
            />
          </SimpleGrid>
          <TextInput
            label={t('helpdesk.fields.title')}
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label={t('helpdesk.fields.description')}
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <Stack gap={4}>
            <TextInput
              label={t('helpdesk.assetSearch')}
              description={t('helpdesk.assetSearchHint')}
              type="search"
              value={q}
              disabled={!schoolId}
              onChange={(e) => setQ(e.currentTarget.value)}
              error={errors.assetIds}
            />
            {[...assets].map(([id, label]) => (
              <Checkbox key={id} checked label={label} onChange={() => toggle(id, label, false)} />
            ))}
            {results.map((a) => {
              const label = `${a.tag} — ${a.model.name}`;
              return <Checkbox key={a.id} checked={false} label={label} onChange={() => toggle(a.id, label, true)} />;
            })}
            {debounced && found.data && results.length === 0 ? (
              <Text size="sm" role="status">
                {t('helpdesk.noAssetFound')}
              </Text>
            ) : null}
          </Stack>
          <FileInput
            label={t('helpdesk.files.atCreation')}
            description={t('helpdesk.files.atCreationHelp')}
            accept={ACCEPT}
            multiple
            clearable
            value={files}
            onChange={(chosen) => setFiles(chosen.slice(0, 10))}
          />
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('helpdesk.open')} />
        </Stack>
      </form>
    </Dialog>
  );
}
