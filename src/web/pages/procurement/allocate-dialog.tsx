import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { errorMessage, fieldMessage } from '../../errors.ts';
import { formatMoney } from '../../format.ts';
import {
  costItemsQuery,
  type Invoice,
  type InvoiceLine,
  invoiceQuery,
  procurementChanged,
  programmesQuery,
} from './procurement-queries.ts';
import { Dialog, eurosToCents } from './shared.tsx';

type AllocateInput = Schemas['AllocateInvoiceInput'];
type Eligibility = 'eligible' | 'partly' | 'not_eligible';
const ELIGIBILITIES: readonly Eligibility[] = ['eligible', 'partly', 'not_eligible'];

interface SplitRow {
  key: number;
  schoolId: string;
  amount: string;
}

interface LineDraft {
  include: boolean;
  costItemId: string;
  eligibility: Eligibility;
  eligibleAmount: string;
  reason: string;
  split: 'by_assets' | 'manual';
  rows: SplitRow[];
}

let rowKeys = 0;
const newRow = (): SplitRow => {
  rowKeys += 1;
  return { key: rowKeys, schoolId: '', amount: '' };
};

/**
 * "Rendre éligible": each invoice line not yet allocated becomes an expense
 * line of a programme — its cost item, its eligibility (eligible; partly,
 * with the eligible amount and the reason; not eligible, with the reason),
 * and its split over schools, by the delivered assets (their schools) or
 * typed. The server checks the amounts (FUNDING_AMOUNTS_INVALID, on the
 * field) and that no invoice line is allocated twice (INVOICE_LINE_TAKEN).
 */
export function AllocateDialog({
  invoice,
  onClose,
  onDone,
}: {
  invoice: Invoice;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const open = invoice.lines.filter((l) => !l.expenseLineId);
  const programmes = useQuery(programmesQuery);
  const [programmeId, setProgrammeId] = useState('');
  const chosenProgramme = programmeId || programmes.data?.[0]?.id || '';
  const costItems = useQuery(costItemsQuery(chosenProgramme));
  const [drafts, setDrafts] = useState<Record<string, LineDraft>>(() =>
    Object.fromEntries(
      open.map((l) => [
        l.id,
        {
          include: true,
          costItemId: '',
          eligibility: 'eligible' as const,
          eligibleAmount: '',
          reason: '',
          split: 'by_assets' as const,
          rows: [newRow()],
        },
      ]),
    ),
  );
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const [sent, setSent] = useState<string[]>([]);

  const allocate = useMutation({
    mutationFn: (body: AllocateInput) =>
      unwrap(api.POST('/api/procurement/invoices/{id}/allocate', { params: { path: { id: invoice.id } }, body })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(invoiceQuery(invoice.id).queryKey, saved);
      await Promise.all([procurementChanged(queryClient), queryClient.invalidateQueries({ queryKey: ['funding'] })]);
      onDone(t('procurement.allocate.done', { count: sent.length }));
    },
  });
  useFocusFirstProblem(form, allocate.error ?? checked);

  // The server names lines by their index in what was sent: back to invoice line ids.
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  if (allocate.error instanceof ApiError) {
    for (const item of allocate.error.problem.errors ?? []) {
      const parts = item.path.split('.').filter((p) => p !== 'body');
      const lineId = parts[0] === 'lines' ? sent[Number(parts[1])] : undefined;
      const field = parts[2] ?? '';
      const message = fieldMessage(t, item);
      if (lineId && ['costItemId', 'eligibleCents', 'eligibilityReason', 'schools', 'invoiceLineId'].includes(field))
        fields[`${lineId}.${field}`] ??= message;
      else if (parts[0] === 'programmeId') fields.programmeId ??= message;
      else rest.push(message);
    }
    const first = Object.keys(fields)[0];
    const code = allocate.error.code;
    if (first && (code === 'FUNDING_AMOUNTS_INVALID' || code === 'INVOICE_LINE_TAKEN')) {
      fields[first] = `${errorMessage(t, allocate.error)} ${fields[first]}`;
    }
  }
  const errors: Record<string, string | undefined> = { ...fields, ...checked };
  const general =
    allocate.error && (rest.length || Object.keys(fields).length === 0)
      ? `${errorMessage(t, allocate.error)} ${rest.join(' ')}`.trim()
      : null;

  const setDraft = (id: string, patch: Partial<LineDraft>) =>
    setDrafts((all) => ({ ...all, [id]: { ...(all[id] as LineDraft), ...patch } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!chosenProgramme) found.programmeId = t('procurement.allocate.programmeRequired');
    const lines: AllocateInput['lines'] = [];
    const ids: string[] = [];
    for (const line of open) {
      const d = drafts[line.id];
      if (!d?.include) continue;
      if (!d.costItemId) found[`${line.id}.costItemId`] = t('procurement.allocate.costItemRequired');
      let eligibleCents: number | null = null;
      if (d.eligibility === 'partly') {
        eligibleCents = eurosToCents(d.eligibleAmount);
        if (eligibleCents === null || Number.isNaN(eligibleCents))
          found[`${line.id}.eligibleCents`] = t('procurement.invalidAmount');
      }
      if (d.eligibility !== 'eligible' && !d.reason.trim())
        found[`${line.id}.eligibilityReason`] = t('procurement.allocate.reasonRequired');
      let schools: AllocateInput['lines'][number]['schools'] = 'by_assets';
      if (d.split === 'manual') {
        const rows = d.rows.filter((r) => r.schoolId || r.amount.trim());
        const split = rows.map((r) => ({ schoolId: r.schoolId, amountCents: eurosToCents(r.amount) }));
        if (split.some((r) => !r.schoolId || r.amountCents === null || Number.isNaN(r.amountCents)))
          found[`${line.id}.schools`] = t('procurement.allocate.splitInvalid');
        schools = split.map((r) => ({ schoolId: r.schoolId, amountCents: r.amountCents ?? 0 }));
      }
      ids.push(line.id);
      lines.push({
        invoiceLineId: line.id,
        costItemId: d.costItemId,
        eligibility: d.eligibility,
        eligibleCents: d.eligibility === 'partly' ? eligibleCents : null,
        eligibilityReason: d.eligibility === 'eligible' ? null : d.reason.trim(),
        schools,
      });
    }
    if (lines.length === 0 && !Object.keys(found).length) found.none = t('procurement.allocate.nothing');
    if (Object.keys(found).length) {
      setChecked(found);
      allocate.reset();
      return;
    }
    setChecked(null);
    setSent(ids);
    allocate.mutate({ programmeId: chosenProgramme, lines });
  };

  return (
    <Dialog title={t('procurement.allocate.title', { number: invoice.number })} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('procurement.allocate.intro')}</Text>
          {general ? <FormAlert kind="error">{general}</FormAlert> : null}
          {errors.none ? <FormAlert kind="error">{errors.none}</FormAlert> : null}
          <NativeSelect
            label={t('procurement.fields.programme')}
            required
            value={chosenProgramme}
            onChange={(e) => {
              setProgrammeId(e.currentTarget.value);
              setDrafts((all) =>
                Object.fromEntries(Object.entries(all).map(([k, d]) => [k, { ...d, costItemId: '' }])),
              );
            }}
            error={errors.programmeId}
            data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            maw="40rem"
          />
          {open.map((line) => {
            const d = drafts[line.id];
            if (!d) return null;
            return (
              <AllocateLine
                key={line.id}
                line={line}
                draft={d}
                onChange={(patch) => setDraft(line.id, patch)}
                costItems={costItems.data ?? []}
                errors={errors}
              />
            );
          })}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={allocate.isPending}>
              {t('procurement.allocate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function AllocateLine({
  line,
  draft,
  onChange,
  costItems,
  errors,
}: {
  line: InvoiceLine;
  draft: LineDraft;
  onChange: (patch: Partial<LineDraft>) => void;
  costItems: readonly Schemas['FundingCostItem'][];
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const err = (field: string) => errors[`${line.id}.${field}`];
  const name = line.description;
  return (
    <Paper withBorder p="md" component="fieldset" aria-label={name}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {name}
        </Title>
        <Text size="sm">{t('procurement.allocate.lineAmounts', { ht: formatMoney(line.htCents) })}</Text>
        <Checkbox
          label={t('procurement.allocate.include', { line: name })}
          checked={draft.include}
          onChange={(e) => onChange({ include: e.currentTarget.checked })}
        />
        {draft.include ? (
          <>
            <NativeSelect
              label={t('procurement.allocate.costItem', { line: name })}
              required
              value={draft.costItemId}
              onChange={(e) => onChange({ costItemId: e.currentTarget.value })}
              error={err('costItemId') ?? err('invoiceLineId')}
              data={[
                { value: '', label: t('procurement.allocate.chooseCostItem') },
                ...costItems.map((c) => ({ value: c.id, label: `${c.code} — ${c.label}` })),
              ]}
              maw="40rem"
            />
            <Radio.Group
              label={t('procurement.allocate.eligibility', { line: name })}
              value={draft.eligibility}
              onChange={(v) => onChange({ eligibility: ELIGIBILITIES.find((e) => e === v) ?? 'eligible' })}
            >
              <Group gap="lg" mt="xs">
                {ELIGIBILITIES.map((e) => (
                  <Radio key={e} value={e} label={t(`procurement.eligibility.${e}`)} />
                ))}
              </Group>
            </Radio.Group>
            {draft.eligibility !== 'eligible' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {draft.eligibility === 'partly' ? (
                  <TextInput
                    label={t('procurement.allocate.eligibleAmount', { line: name })}
                    description={t('procurement.amountHelp')}
                    required
                    inputMode="decimal"
                    value={draft.eligibleAmount}
                    onChange={(e) => onChange({ eligibleAmount: e.currentTarget.value })}
                    error={err('eligibleCents')}
                  />
                ) : null}
                <TextInput
                  label={t('procurement.allocate.reason', { line: name })}
                  required
                  maxLength={1000}
                  value={draft.reason}
                  onChange={(e) => onChange({ reason: e.currentTarget.value })}
                  error={err('eligibilityReason')}
                />
              </SimpleGrid>
            ) : null}
            <Radio.Group
              label={t('procurement.allocate.split', { line: name })}
              value={draft.split}
              onChange={(v) => onChange({ split: v === 'manual' ? 'manual' : 'by_assets' })}
              error={draft.split === 'by_assets' ? err('schools') : undefined}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="by_assets" label={t('procurement.allocate.byAssets')} />
                <Radio value="manual" label={t('procurement.allocate.manual')} />
              </Stack>
            </Radio.Group>
            {draft.split === 'manual' ? (
              <Stack gap="xs">
                {draft.rows.map((row, i) => (
                  <Group key={row.key} align="start" gap="sm" wrap="wrap">
                    <OneSchoolPicker
                      label={t('procurement.allocate.splitSchool', { n: i + 1 })}
                      value={row.schoolId}
                      onChange={(id) =>
                        onChange({ rows: draft.rows.map((r) => (r.key === row.key ? { ...r, schoolId: id } : r)) })
                      }
                      style={{ flex: '1 1 20rem' }}
                    />
                    <TextInput
                      label={t('procurement.allocate.splitAmount', { n: i + 1 })}
                      inputMode="decimal"
                      value={row.amount}
                      onChange={(e) => {
                        const amount = e.currentTarget.value;
                        onChange({ rows: draft.rows.map((r) => (r.key === row.key ? { ...r, amount } : r)) });
                      }}
                      w="10rem"
                    />
                  </Group>
                ))}
                {err('schools') ? (
                  <Text size="sm" c="#a51d2d" role="alert">
                    {err('schools')}
                  </Text>
                ) : null}
                <div>
                  <Button
                    variant="default"
                    size="compact-sm"
                    onClick={() => onChange({ rows: [...draft.rows, newRow()] })}
                  >
                    {t('procurement.allocate.addSchool')}
                  </Button>
                </div>
              </Stack>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
