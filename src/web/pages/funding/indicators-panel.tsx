import { Alert, Button, Group, Progress, Stack, Table, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n.ts';
import { Dialog, FormButtons, formatRate, fundingFormProblem, today, WordBadge } from './labels.tsx';

/**
 * The programme's indicators (value against target, with progress) and its
 * publicity checklist (due / done / overdue, and the mandatory mentions with
 * the EU emblem's placement), as the funding convention requires them.
 */

type Indicator = Schemas['FundingIndicator'];
type PublicityItem = Schemas['FundingPublicityItem'];

export function IndicatorsPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  const indicators = useQuery({
    queryKey: ['funding', 'programme', programmeId, 'indicators'],
    queryFn: () =>
      unwrap(api.GET('/api/funding/programmes/{id}/indicators', { params: { path: { id: programmeId } } })),
  });
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'funding.manage');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Indicator | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const seed = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/funding/programmes/{id}/indicators/defaults', {
          params: { path: { id: programmeId } },
          body: {},
        }),
      ),
    onSuccess: (list) => {
      queryClient.setQueryData(['funding', 'programme', programmeId, 'indicators'], list);
      setDone(t('funding.indicators.seeded', { count: list.length }));
    },
  });
  const list = indicators.data ?? [];
  return (
    <Panel
      title={t('funding.indicators.title')}
      actions={
        canManage ? (
          <Button variant="default" loading={seed.isPending} onClick={() => seed.mutate()}>
            {t('funding.indicators.seed')}
          </Button>
        ) : null
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {seed.isError ? <FormAlert kind="error">{errorMessage(t, seed.error)}</FormAlert> : null}
      {indicators.isError ? <FormAlert kind="error">{errorMessage(t, indicators.error)}</FormAlert> : null}
      {indicators.isPending ? <Text>{t('common.loading')}</Text> : null}
      {indicators.isSuccess && list.length === 0 ? <Text>{t('funding.indicators.none')}</Text> : null}
      {list.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="sm">
            <caption id={captionId}>
              <VisuallyHidden>{t('funding.indicators.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.indicators.indicator')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.indicators.baseline')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.indicators.value')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('funding.indicators.target')}
                </Table.Th>
                <Table.Th scope="col">{t('funding.indicators.progress')}</Table.Th>
                {canManage ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((i) => {
                const reached = i.reachedBp === null ? null : Math.min(100, i.reachedBp / 100);
                const unit = i.unit ? ` ${i.unit}` : '';
                return (
                  <Table.Tr key={i.id}>
                    <Table.Th scope="row">
                      {i.label}
                      <Text size="xs" fw={400}>
                        {i.code} — {i.computed ? t('funding.indicators.computed') : t('funding.indicators.entered')}
                      </Text>
                    </Table.Th>
                    <Table.Td ta="right">{formatNumber(i.baseline)}</Table.Td>
                    <Table.Td ta="right">{i.value === null ? '—' : `${formatNumber(i.value)}${unit}`}</Table.Td>
                    <Table.Td ta="right">{`${formatNumber(i.target)}${unit}`}</Table.Td>
                    <Table.Td miw="12rem">
                      {reached === null ? (
                        t('funding.indicators.noValue')
                      ) : (
                        <Stack gap={4}>
                          {/* The bar is for the eye; the percentage beside it says the same in words. */}
                          <Progress value={reached} color={reached >= 100 ? '#1e6b34' : '#1d4a87'} aria-hidden="true" />
                          <Text size="sm">{formatRate(i.reachedBp)}</Text>
                        </Stack>
                      )}
                    </Table.Td>
                    {canManage ? (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            setDone(null);
                            setEditing(i);
                          }}
                        >
                          {t('common.edit')}
                          <VisuallyHidden> {i.label}</VisuallyHidden>
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {editing ? (
        <IndicatorDialog
          programmeId={programmeId}
          indicator={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setDone(t('funding.indicators.saved', { label: saved.label }));
          }}
        />
      ) : null}
    </Panel>
  );
}

export function PublicityPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  const items = useQuery({
    queryKey: ['funding', 'programme', programmeId, 'publicity'],
    queryFn: () => unwrap(api.GET('/api/funding/programmes/{id}/publicity', { params: { path: { id: programmeId } } })),
  });
  const lang = currentLanguage();
  const mentions = useQuery({
    queryKey: ['funding', 'programme', programmeId, 'publicity', 'mentions'],
    queryFn: () =>
      unwrap(
        api.GET('/api/funding/programmes/{id}/publicity/mentions', {
          params: { path: { id: programmeId } },
        }),
      ),
  });
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'funding.manage');
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<PublicityItem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const seed = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/funding/programmes/{id}/publicity/defaults', { params: { path: { id: programmeId } } })),
    onSuccess: (list) => {
      queryClient.setQueryData(['funding', 'programme', programmeId, 'publicity'], list);
      setDone(t('funding.publicity.seeded', { count: list.length }));
    },
  });
  const list = items.data ?? [];
  return (
    <Panel
      title={t('funding.publicity.title')}
      actions={
        canManage ? (
          <Button variant="default" loading={seed.isPending} onClick={() => seed.mutate()}>
            {t('funding.publicity.seed')}
          </Button>
        ) : null
      }
    >
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {seed.isError ? <FormAlert kind="error">{errorMessage(t, seed.error)}</FormAlert> : null}
      {items.isError ? <FormAlert kind="error">{errorMessage(t, items.error)}</FormAlert> : null}
      {items.isPending ? <Text>{t('common.loading')}</Text> : null}
      {items.isSuccess && list.length === 0 ? <Text>{t('funding.publicity.none')}</Text> : null}
      {list.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="sm">
            <caption id={captionId}>
              <VisuallyHidden>{t('funding.publicity.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.publicity.item')}</Table.Th>
                <Table.Th scope="col">{t('funding.publicity.dueOn')}</Table.Th>
                <Table.Th scope="col">{t('funding.publicity.state')}</Table.Th>
                <Table.Th scope="col">{t('funding.publicity.evidence')}</Table.Th>
                {canManage ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row">
                    {p.label}
                    <Text size="xs" fw={400}>
                      {t(`funding.publicity.kinds.${p.kind}`, { defaultValue: p.kind })}
                      {p.required ? '' : ` — ${t('funding.publicity.optional')}`}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {p.dueOn ? formatDate(p.dueOn) : p.dueUnknown ? t('funding.publicity.dueUnknown') : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.doneOn ? (
                        <WordBadge colour="#1e6b34">
                          {t('funding.publicity.doneOn', { date: formatDate(p.doneOn) })}
                        </WordBadge>
                      ) : (
                        <WordBadge colour="#495057">{t('funding.publicity.todo')}</WordBadge>
                      )}
                      {p.overdue ? <WordBadge colour="#a51d2d">{t('funding.publicity.overdue')}</WordBadge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {p.evidenceUrl ? (
                      <a href={p.evidenceUrl} rel="noreferrer noopener" target="_blank">
                        {t('funding.publicity.evidenceLink')}
                        <VisuallyHidden> {t('funding.publicity.newWindow')}</VisuallyHidden>
                      </a>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => {
                          setDone(null);
                          setEditing(p);
                        }}
                      >
                        {p.doneOn ? t('common.edit') : t('funding.publicity.markDone')}
                        <VisuallyHidden> {p.label}</VisuallyHidden>
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      <Stack gap="xs">
        <Text fw={700}>{t('funding.publicity.mentions')}</Text>
        {mentions.isError ? <FormAlert kind="error">{errorMessage(t, mentions.error)}</FormAlert> : null}
        {mentions.data?.euEmblem ? (
          <Alert
            color="socle"
            variant="light"
            title={t('funding.publicity.emblemTitle')}
            styles={{ title: { color: '#1a1b1e' }, message: { color: '#1a1b1e' } }}
          >
            {t('funding.publicity.emblemNote')}
          </Alert>
        ) : null}
        {mentions.data?.mentions.map((m) => (
          <Stack gap={2} key={`${m.kind}-${m.funderName ?? ''}`}>
            <Text size="sm" fw={600}>
              {m.funderName ?? t(`funding.publicity.mentionKinds.${m.kind}`, { defaultValue: m.kind })}
            </Text>
            <blockquote lang={lang} style={{ margin: 0, paddingLeft: '0.75rem', borderLeft: '3px solid #1d4a87' }}>
              {lang === 'en' ? m.en : m.fr}
            </blockquote>
          </Stack>
        ))}
        {mentions.data && mentions.data.mentions.length === 0 ? (
          <Text size="sm">{t('funding.publicity.noMentions')}</Text>
        ) : null}
      </Stack>
      {editing ? (
        <PublicityDialog
          programmeId={programmeId}
          item={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setDone(t('funding.publicity.saved', { label: saved.label }));
          }}
        />
      ) : null}
    </Panel>
  );
}

/** A whole number typed in a form; null when blank, NaN when not one. */
function parseCount(text: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!cleaned) return null;
  return /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

function IndicatorDialog({
  programmeId,
  indicator,
  onClose,
  onSaved,
}: {
  programmeId: string;
  indicator: Indicator;
  onClose: () => void;
  onSaved: (saved: Indicator) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [target, setTarget] = useState(String(indicator.target));
  const [baseline, setBaseline] = useState(String(indicator.baseline));
  const [value, setValue] = useState(indicator.manualValue === null ? '' : String(indicator.manualValue));
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: (body: Schemas['UpdateIndicatorInput']) =>
      unwrap(api.PATCH('/api/funding/indicators/{id}', { params: { path: { id: indicator.id } }, body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['funding', 'programme', programmeId, 'indicators'] });
      onSaved(saved);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? fundingFormProblem(t, save.error, ['target', 'baseline', 'manualValue']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const invalid = t('funding.integerInvalid');
    const targetValue = parseCount(target);
    const baselineValue = parseCount(baseline);
    const manualValue = parseCount(value);
    if (targetValue === null || Number.isNaN(targetValue)) found.target = invalid;
    if (baselineValue === null || Number.isNaN(baselineValue)) found.baseline = invalid;
    if (Number.isNaN(manualValue)) found.manualValue = invalid;
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      target: targetValue as number,
      baseline: baselineValue as number,
      ...(indicator.computed ? {} : { manualValue }),
    });
  };
  return (
    <Dialog title={t('funding.indicators.editTitle', { label: indicator.label })} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('funding.indicators.target')}
            required
            inputMode="numeric"
            value={target}
            onChange={(e) => setTarget(e.currentTarget.value)}
            error={errors.target}
            maw="20rem"
          />
          <TextInput
            label={t('funding.indicators.baseline')}
            required
            inputMode="numeric"
            value={baseline}
            onChange={(e) => setBaseline(e.currentTarget.value)}
            error={errors.baseline}
            maw="20rem"
          />
          {indicator.computed ? (
            <Text size="sm">{t('funding.indicators.computedHelp')}</Text>
          ) : (
            <TextInput
              label={t('funding.indicators.value')}
              description={t('funding.indicators.valueHelp')}
              inputMode="numeric"
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={errors.manualValue}
              maw="20rem"
            />
          )}
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('common.save')} />
        </Stack>
      </form>
    </Dialog>
  );
}

function PublicityDialog({
  programmeId,
  item,
  onClose,
  onSaved,
}: {
  programmeId: string;
  item: PublicityItem;
  onClose: () => void;
  onSaved: (saved: PublicityItem) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [dueOn, setDueOn] = useState(item.dueOn ?? '');
  const [doneOn, setDoneOn] = useState(item.doneOn ?? today());
  const [evidenceUrl, setEvidenceUrl] = useState(item.evidenceUrl ?? '');
  const [notes, setNotes] = useState(item.notes);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/funding/publicity/{id}', {
          params: { path: { id: item.id } },
          body: {
            dueOn: dueOn || null,
            doneOn: doneOn || null,
            evidenceUrl: evidenceUrl.trim() || null,
            notes,
          },
        }),
      ),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['funding', 'programme', programmeId, 'publicity'] });
      onSaved(saved);
    },
  });
  useFocusFirstProblem(form, save.error);
  const problem = save.error ? fundingFormProblem(t, save.error, ['dueOn', 'doneOn', 'evidenceUrl', 'notes']) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Dialog title={t('funding.publicity.editTitle', { label: item.label })} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Group grow align="start">
            <TextInput
              label={t('funding.publicity.dueOn')}
              type="date"
              value={dueOn}
              onChange={(e) => setDueOn(e.currentTarget.value)}
              error={errors.dueOn}
            />
            <TextInput
              label={t('funding.publicity.doneOnLabel')}
              description={t('funding.publicity.doneOnHelp')}
              type="date"
              value={doneOn}
              onChange={(e) => setDoneOn(e.currentTarget.value)}
              error={errors.doneOn}
            />
          </Group>
          <TextInput
            label={t('funding.publicity.evidenceUrl')}
            description={t('funding.publicity.evidenceUrlHelp')}
            type="url"
            maxLength={2000}
            value={evidenceUrl}
            onChange={(e) => setEvidenceUrl(e.currentTarget.value)}
            error={errors.evidenceUrl}
          />
          <Textarea
            label={t('funding.claims.notes')}
            autosize
            minRows={2}
            maxLength={5000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
          />
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('common.save')} />
        </Stack>
      </form>
    </Dialog>
  );
}
