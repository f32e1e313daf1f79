import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { setFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage, fieldMessage } from '../../errors.ts';
import { formatMoney } from '../../format.ts';
import { invoiceQuery, type Order, procurementChanged, suppliersQuery } from './procurement-queries.ts';
import { centsForInput, Dialog, eurosToCents, formatRate, today, VAT_RATES, vatOf } from './shared.tsx';

type InvoiceInput = Schemas['CreateInvoiceInput'];

interface LineDraft {
  key: number;
  orderLineId: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  vatRateBp: number;
}

const HEADER = [
  'supplierId',
  'number',
  'invoiceDate',
  'htCents',
  'vatCents',
  'ttcCents',
  'paidOn',
  'mandateNumber',
  'notes',
];

function invoiceProblem(t: TFunction, error: unknown) {
  const header: Record<string, string> = {};
  const lines: Record<string, string> = {};
  const rest: string[] = [];
  for (const item of error instanceof ApiError ? (error.problem.errors ?? []) : []) {
    const parts = item.path.split('.').filter((p) => p !== 'body');
    const message = fieldMessage(t, item);
    if (parts[0] === 'lines' && parts[1] !== undefined && parts[2]) lines[`${parts[1]}.${parts[2]}`] ??= message;
    else if (parts[0] && HEADER.includes(parts[0])) header[parts[0]] ??= message;
    else rest.push(message);
  }
  // The amounts that do not add up: the reason in words on the first field named.
  const first = Object.keys(header)[0];
  if (first && error instanceof ApiError && error.code === 'FUNDING_AMOUNTS_INVALID') {
    header[first] = `${errorMessage(t, error)} ${header[first]}`;
  }
  const placed = Object.keys(header).length + Object.keys(lines).length > 0;
  const general = !error ? null : rest.length || !placed ? `${errorMessage(t, error)} ${rest.join(' ')}`.trim() : null;
  return { header, lines, general };
}

let keys = 0;
function draftsOf(order: Order | undefined): LineDraft[] {
  // From an order: what was received and not invoiced yet, at the order's prices.
  const fromOrder = (order?.lines ?? [])
    .filter((l) => l.receivedQuantity > l.invoicedQuantity)
    .map((l) => {
      keys += 1;
      return {
        key: keys,
        orderLineId: l.id,
        description: l.description,
        quantity: String(l.receivedQuantity - l.invoicedQuantity),
        unitPrice: centsForInput(l.unitPriceCents),
        vatRateBp: l.vatRateBp,
      };
    });
  if (fromOrder.length) return fromOrder;
  keys += 1;
  return [{ key: keys, orderLineId: null, description: '', quantity: '1', unitPrice: '', vatRateBp: 2000 }];
}

/**
 * Recording an invoice: from an order (its lines received and not yet
 * invoiced, prefilled) or free. The header's HT / VAT / TTC follow the lines
 * until typed over (the paper invoice has the last word; the server checks
 * HT + VAT = TTC and answers FUNDING_AMOUNTS_INVALID on the fields).
 */
export function InvoiceDialog({ order, onClose }: { order?: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const linesTitle = useId();
  const suppliers = useQuery(suppliersQuery);
  const [supplierId, setSupplierId] = useState(order?.supplierId ?? '');
  const [number, setNumber] = useState('');
  const [invoiceDate, setInvoiceDate] = useState(today());
  const [paidOn, setPaidOn] = useState('');
  const [mandateNumber, setMandateNumber] = useState('');
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<LineDraft[]>(() => draftsOf(order));
  const [typed, setTyped] = useState<{ ht?: string; vat?: string; ttc?: string }>({});
  const [checked, setChecked] = useState<{ header: Record<string, string>; lines: Record<string, string> } | null>(
    null,
  );

  const amounts = lines.map((l) => {
    const qty = Number(l.quantity);
    const unit = eurosToCents(l.unitPrice);
    const ht = Number.isInteger(qty) && qty > 0 && unit !== null && !Number.isNaN(unit) ? qty * unit : 0;
    return { ht, vat: vatOf(ht, l.vatRateBp) };
  });
  const sumHt = amounts.reduce((s, a) => s + a.ht, 0);
  const sumVat = amounts.reduce((s, a) => s + a.vat, 0);
  const ht = typed.ht ?? centsForInput(sumHt);
  const vat = typed.vat ?? centsForInput(sumVat);
  const ttc = typed.ttc ?? centsForInput(sumHt + sumVat);

  const save = useMutation({
    mutationFn: (body: InvoiceInput) => unwrap(api.POST('/api/procurement/invoices', { body })),
    onSuccess: async (invoice) => {
      queryClient.setQueryData(invoiceQuery(invoice.id).queryKey, invoice);
      await procurementChanged(queryClient);
      setFlash(t('procurement.invoiceForm.created', { number: invoice.number }));
      await navigate({ to: '/procurement/invoices/$id', params: { id: invoice.id } });
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? invoiceProblem(t, save.error) : null;
  const headerErrors: Record<string, string | undefined> = { ...problem?.header, ...checked?.header };
  const lineErrors: Record<string, string | undefined> = { ...problem?.lines, ...checked?.lines };
  const setLine = (key: number, patch: Partial<LineDraft>) =>
    setLines((list) => list.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const header: Record<string, string> = {};
    const lineFound: Record<string, string> = {};
    if (!supplierId) header.supplierId = t('procurement.orderForm.supplierRequired');
    if (!number.trim()) header.number = t('procurement.invoiceForm.numberRequired');
    if (!invoiceDate) header.invoiceDate = t('procurement.orderForm.dateRequired');
    const htCents = eurosToCents(ht);
    const vatCents = eurosToCents(vat);
    const ttcCents = eurosToCents(ttc);
    if (htCents === null || Number.isNaN(htCents)) header.htCents = t('procurement.invalidAmount');
    if (vatCents === null || Number.isNaN(vatCents)) header.vatCents = t('procurement.invalidAmount');
    if (ttcCents === null || Number.isNaN(ttcCents)) header.ttcCents = t('procurement.invalidAmount');
    const body: InvoiceInput['lines'] = [];
    lines.forEach((l, i) => {
      const qty = Number(l.quantity);
      const unit = eurosToCents(l.unitPrice);
      if (!l.description.trim()) lineFound[`${i}.description`] = t('procurement.orderForm.descriptionRequired');
      if (!Number.isInteger(qty) || qty < 1) lineFound[`${i}.quantity`] = t('procurement.orderForm.quantityInvalid');
      if (unit === null || Number.isNaN(unit)) lineFound[`${i}.unitPriceCents`] = t('procurement.invalidAmount');
      body.push({
        orderLineId: l.orderLineId,
        description: l.description.trim(),
        quantity: qty,
        unitPriceCents: unit ?? 0,
        vatRateBp: l.vatRateBp,
      });
    });
    if (Object.keys(header).length || Object.keys(lineFound).length) {
      setChecked({ header, lines: lineFound });
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      supplierId,
      orderId: order?.id ?? null,
      number: number.trim(),
      invoiceDate,
      htCents: htCents ?? 0,
      vatCents: vatCents ?? 0,
      ttcCents: ttcCents ?? 0,
      paidOn: paidOn || null,
      mandateNumber: mandateNumber.trim() || null,
      notes,
      lines: body,
    });
  };

  return (
    <Dialog
      title={
        order
          ? t('procurement.invoiceForm.titleFromOrder', { number: order.number })
          : t('procurement.invoiceForm.title')
      }
      onClose={onClose}
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {order ? (
              <TextInput label={t('procurement.fields.supplier')} value={order.supplierName} readOnly />
            ) : (
              <NativeSelect
                label={t('procurement.fields.supplier')}
                required
                value={supplierId}
                onChange={(e) => setSupplierId(e.currentTarget.value)}
                error={headerErrors.supplierId}
                data={[
                  { value: '', label: t('procurement.chooseSupplier') },
                  ...(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.siret})` })),
                ]}
              />
            )}
            <TextInput
              label={t('procurement.fields.invoiceNumber')}
              required
              maxLength={100}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              error={headerErrors.number}
            />
            <TextInput
              label={t('procurement.fields.invoiceDate')}
              type="date"
              required
              value={invoiceDate}
              onChange={(e) => setInvoiceDate(e.currentTarget.value)}
              error={headerErrors.invoiceDate}
            />
            <TextInput
              label={t('procurement.fields.paidOn')}
              type="date"
              value={paidOn}
              onChange={(e) => setPaidOn(e.currentTarget.value)}
              error={headerErrors.paidOn}
            />
            <TextInput
              label={t('procurement.fields.mandateNumber')}
              maxLength={100}
              value={mandateNumber}
              onChange={(e) => setMandateNumber(e.currentTarget.value)}
              error={headerErrors.mandateNumber}
            />
          </SimpleGrid>

          <Stack gap="sm" component="section" aria-labelledby={linesTitle}>
            <Title order={3} id={linesTitle} size="h4">
              {t('procurement.invoiceForm.lines')}
            </Title>
            {lines.map((line, index) => {
              const n = index + 1;
              const err = (field: string) => lineErrors[`${index}.${field}`];
              return (
                <Paper
                  key={line.key}
                  withBorder
                  p="sm"
                  component="fieldset"
                  aria-label={t('procurement.orderForm.lineN', { n })}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <TextInput
                      label={t('procurement.invoiceForm.lineDescription', { n })}
                      required
                      maxLength={1000}
                      value={line.description}
                      onChange={(e) => setLine(line.key, { description: e.currentTarget.value })}
                      error={err('description')}
                    />
                    <TextInput
                      label={t('procurement.invoiceForm.lineQuantity', { n })}
                      required
                      inputMode="numeric"
                      value={line.quantity}
                      onChange={(e) => setLine(line.key, { quantity: e.currentTarget.value })}
                      error={err('quantity')}
                    />
                    <TextInput
                      label={t('procurement.invoiceForm.lineUnitPrice', { n })}
                      required
                      inputMode="decimal"
                      value={line.unitPrice}
                      onChange={(e) => setLine(line.key, { unitPrice: e.currentTarget.value })}
                      error={err('unitPriceCents')}
                    />
                    <NativeSelect
                      label={t('procurement.invoiceForm.lineVatRate', { n })}
                      value={String(line.vatRateBp)}
                      onChange={(e) => setLine(line.key, { vatRateBp: Number(e.currentTarget.value) })}
                      error={err('vatRateBp')}
                      data={VAT_RATES.map((r) => ({ value: String(r), label: formatRate(r) }))}
                    />
                  </SimpleGrid>
                  <Group justify="space-between" mt="xs">
                    <Text size="sm">
                      {t('procurement.orderForm.lineTotal', {
                        ht: formatMoney(amounts[index]?.ht ?? 0),
                        vat: formatMoney(amounts[index]?.vat ?? 0),
                      })}
                    </Text>
                    {lines.length > 1 ? (
                      <Button
                        variant="subtle"
                        color="#a51d2d"
                        size="compact-sm"
                        onClick={() => setLines((list) => list.filter((l) => l.key !== line.key))}
                        aria-label={t('procurement.orderForm.removeLineN', { n })}
                      >
                        {t('procurement.orderForm.removeLine')}
                      </Button>
                    ) : null}
                  </Group>
                </Paper>
              );
            })}
            <div>
              <Button
                variant="default"
                size="compact-md"
                onClick={() => {
                  keys += 1;
                  setLines((list) => [
                    ...list,
                    { key: keys, orderLineId: null, description: '', quantity: '1', unitPrice: '', vatRateBp: 2000 },
                  ]);
                }}
              >
                {t('procurement.orderForm.addLine')}
              </Button>
            </div>
          </Stack>

          <Text size="sm">{t('procurement.invoiceForm.amountsHelp')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={t('procurement.invoiceForm.ht')}
              required
              inputMode="decimal"
              value={ht}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTyped((v) => ({ ...v, ht: value }));
              }}
              error={headerErrors.htCents}
            />
            <TextInput
              label={t('procurement.invoiceForm.vat')}
              required
              inputMode="decimal"
              value={vat}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTyped((v) => ({ ...v, vat: value }));
              }}
              error={headerErrors.vatCents}
            />
            <TextInput
              label={t('procurement.invoiceForm.ttc')}
              required
              inputMode="decimal"
              value={ttc}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTyped((v) => ({ ...v, ttc: value }));
              }}
              error={headerErrors.ttcCents}
            />
          </SimpleGrid>
          <Textarea
            label={t('procurement.fields.notes')}
            autosize
            minRows={2}
            maxLength={10_000}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('procurement.invoiceForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
