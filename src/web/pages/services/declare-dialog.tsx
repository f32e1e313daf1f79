import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { earlierDay, laterDay, prorateYearlyCents } from '../../../shared/prorate.ts';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { formProblem } from '../../errors.ts';
import { formatDate, formatMoney } from '../../format.ts';
import { costItemsQuery, programmesQuery } from '../funding/funding-queries.ts';
import { Dialog, FormButtons } from './labels.tsx';
import { type Subscription, servicesChanged } from './services-queries.ts';

const KNOWN = ['programmeId', 'costItemId', 'from', 'to', 'invoiceNumber', 'invoiceDate', 'vatRate'];

/** `body.subscriptionId` problems (no cost, no supplier, no common period) concern the choice of programme. */
const fieldOfPath = (path: string) => {
  const name = path.replace(/^body\./, '');
  if (name === 'subscriptionId') return 'programmeId';
  if (name === 'vatRateBp') return 'vatRate';
  return name;
};

/** The line already declaring part of this period (409 SUBSCRIPTION_PERIOD_TAKEN), if that is the error. */
function takenBy(error: unknown): { programmeName: string; from: string; to: string } | null {
  if (!(error instanceof ApiError) || error.code !== 'SUBSCRIPTION_PERIOD_TAKEN') return null;
  const c = (error.problem as { conflict?: { programmeName?: string; from?: string; to?: string } }).conflict;
  return c?.programmeName && c.from && c.to ? { programmeName: c.programmeName, from: c.from, to: c.to } : null;
}

/**
 * "Déclarer en dépense": a subscription becomes an expense line of a funding
 * programme — its yearly cost HT prorated to the days declared (shown before
 * sending, computed by the same rule as the server), split to its school.
 * A period already declared is refused, naming where.
 */
export function DeclareDialog({
  subscription: s,
  onClose,
  onSaved,
}: {
  subscription: Subscription;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const programmes = useQuery(programmesQuery);
  const [programmeId, setProgrammeId] = useState('');
  const programme = programmes.data?.find((p) => p.id === programmeId);
  const costItems = useQuery({ ...costItemsQuery(programmeId), enabled: Boolean(programmeId) });
  const [costItemId, setCostItemId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [invoiceDate, setInvoiceDate] = useState('');
  const [vatRate, setVatRate] = useState('20');
  const [checked, setChecked] = useState<Record<string, string> | null>(null);

  const choose = (id: string) => {
    setProgrammeId(id);
    setCostItemId('');
    const p = programmes.data?.find((x) => x.id === id);
    if (!p) return;
    // The days the subscription and the programme share (what the server declares by default).
    const first = laterDay(s.startsOn, p.periodStart);
    const last = earlierDay(s.endsOn ?? p.periodEnd, p.periodEnd);
    setFrom(last >= first ? first : '');
    setTo(last >= first ? last : '');
  };
  const save = useMutation({
    mutationFn: (body: {
      subscriptionId: string;
      costItemId: string;
      from: string;
      to: string;
      invoiceNumber: string;
      invoiceDate: string;
      vatRateBp: number;
    }) =>
      unwrap(
        api.POST('/api/funding/programmes/{id}/expense-lines/from-subscription', {
          params: { path: { id: programmeId } },
          body,
        }),
      ),
    onSuccess: async (line) => {
      await servicesChanged(queryClient);
      await queryClient.invalidateQueries({ queryKey: ['funding'] });
      onSaved(
        t('services.declare.done', {
          service: s.serviceName,
          school: s.schoolName,
          programme: programme?.name ?? '',
          amount: formatMoney(line.htCents),
        }),
      );
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = formProblem(t, save.error, KNOWN, fieldOfPath);
  const taken = takenBy(save.error);
  const errors: Record<string, string | undefined> = {
    ...problem.fields,
    ...(taken
      ? {
          from: t('services.declare.taken', {
            programme: taken.programmeName,
            from: formatDate(taken.from),
            to: formatDate(taken.to),
          }),
        }
      : {}),
    ...checked,
  };
  const general = taken ? null : problem.general;
  const validPeriod = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && to >= from;
  const preview =
    validPeriod && s.yearlyCostCents !== null ? prorateYearlyCents(s.yearlyCostCents, s.startsOn, from, to) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!programmeId) found.programmeId = t('errors.fields.required');
    if (!costItemId) found.costItemId = t('errors.fields.required');
    if (!from) found.from = t('errors.fields.required');
    if (!to) found.to = t('errors.fields.required');
    else if (from && to < from) found.to = t('errors.fields.end_before_start');
    if (!invoiceNumber.trim()) found.invoiceNumber = t('errors.fields.required');
    if (!invoiceDate) found.invoiceDate = t('errors.fields.required');
    const rate = Number(vatRate.replace(',', '.'));
    if (!vatRate.trim() || !Number.isFinite(rate) || rate < 0 || rate > 100)
      found.vatRate = t('services.declare.vatInvalid');
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      subscriptionId: s.id,
      costItemId,
      from,
      to,
      invoiceNumber: invoiceNumber.trim(),
      invoiceDate,
      vatRateBp: Math.round(rate * 100),
    });
  };
  return (
    <Dialog title={t('services.declare.title', { service: s.serviceName, school: s.schoolName })} onClose={onClose}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          <Text>{t('services.declare.rule')}</Text>
          {general ? <FormAlert kind="error">{general}</FormAlert> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('services.declare.programme')}
              required
              value={programmeId}
              onChange={(e) => choose(e.currentTarget.value)}
              error={errors.programmeId}
              data={[
                { value: '', label: t('services.declare.chooseProgramme') },
                ...(programmes.data ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.name} (${formatDate(p.periodStart)} – ${formatDate(p.periodEnd)})`,
                })),
              ]}
            />
            <NativeSelect
              label={t('services.declare.costItem')}
              required
              disabled={!programmeId}
              value={costItemId}
              onChange={(e) => setCostItemId(e.currentTarget.value)}
              error={errors.costItemId}
              data={[
                { value: '', label: t('services.declare.chooseCostItem') },
                ...(costItems.data ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.label}` })),
              ]}
            />
            <TextInput
              label={t('services.declare.from')}
              type="date"
              required
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={errors.from}
            />
            <TextInput
              label={t('services.declare.to')}
              type="date"
              required
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={errors.to}
            />
            <TextInput
              label={t('services.declare.invoiceNumber')}
              required
              maxLength={100}
              value={invoiceNumber}
              onChange={(e) => setInvoiceNumber(e.currentTarget.value)}
              error={errors.invoiceNumber}
            />
            <TextInput
              label={t('services.declare.invoiceDate')}
              type="date"
              required
              value={invoiceDate}
              onChange={(e) => setInvoiceDate(e.currentTarget.value)}
              error={errors.invoiceDate}
            />
            <TextInput
              label={t('services.declare.vatRate')}
              inputMode="decimal"
              required
              value={vatRate}
              onChange={(e) => setVatRate(e.currentTarget.value)}
              error={errors.vatRate}
            />
          </SimpleGrid>
          <Text role="status" fw={700}>
            {preview === null
              ? t('services.declare.noPreview')
              : t('services.declare.preview', {
                  amount: formatMoney(preview),
                  yearly: formatMoney(s.yearlyCostCents ?? 0),
                  from: formatDate(from),
                  to: formatDate(to),
                })}
          </Text>
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('services.declare.submit')} />
        </Stack>
      </form>
    </Dialog>
  );
}
