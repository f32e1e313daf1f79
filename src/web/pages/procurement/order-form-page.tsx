import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { setFlash } from '../../components/flash.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { errorMessage, fieldMessage } from '../../errors.ts';
import { formatMoney } from '../../format.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import {
  contractsQuery,
  costItemsQuery,
  modelsQuery,
  type Order,
  orderQuery,
  procurementChanged,
  programmesQuery,
  suppliersQuery,
} from './procurement-queries.ts';
import { centsForInput, eurosToCents, formatRate, today, VAT_RATES, vatOf } from './shared.tsx';
import { NewSupplierDialog } from './supplier-dialog.tsx';

type LineInput = NonNullable<Schemas['CreatePurchaseOrderInput']['lines']>[number];

interface LineDraft {
  key: number;
  modelId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  vatRateBp: number;
  schoolId: string;
  costItemId: string;
}

const HEADER_FIELDS = [
  'number',
  'supplierId',
  'contractId',
  'lotNumber',
  'programmeId',
  'costItemId',
  'orderedOn',
  'expectedOn',
  'notes',
];

/** Problems of the API split into header fields, line fields (`lines.2.quantity`) and the rest. */
function orderProblem(t: TFunction, error: unknown) {
  const header: Record<string, string> = {};
  const lines: Record<string, string> = {};
  const rest: string[] = [];
  for (const item of error instanceof ApiError ? (error.problem.errors ?? []) : []) {
    const parts = item.path.split('.').filter((p) => p !== 'body');
    const message = fieldMessage(t, item);
    if (parts[0] === 'lines' && parts[1] !== undefined && parts[2]) lines[`${parts[1]}.${parts[2]}`] ??= message;
    else if (parts[0] && HEADER_FIELDS.includes(parts[0])) header[parts[0]] ??= message;
    else rest.push(message);
  }
  const placed = Object.keys(header).length + Object.keys(lines).length > 0;
  const general = !error ? null : rest.length || !placed ? `${errorMessage(t, error)} ${rest.join(' ')}`.trim() : null;
  return { header, lines, general };
}

export function NewOrderPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('procurement.orderForm.newTitle')}>
      <OrderForm />
    </Page>
  );
}

export function EditOrderPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signedIn/procurement/orders/$id/edit' });
  const order = useQuery(orderQuery(id));
  if (order.error instanceof ApiError && (order.error.status === 404 || order.error.status === 400)) {
    return <NotFoundPage />;
  }
  return (
    <Page
      title={order.data ? t('procurement.orderForm.editTitle', { number: order.data.number }) : t('common.loading')}
    >
      {order.data ? (
        <OrderForm order={order.data} />
      ) : order.isError ? (
        <FormAlert kind="error">{errorMessage(t, order.error)}</FormAlert>
      ) : (
        <Text>{t('common.loading')}</Text>
      )}
    </Page>
  );
}

let lineKeys = 0;
function blankLine(): LineDraft {
  lineKeys += 1;
  return {
    key: lineKeys,
    modelId: '',
    description: '',
    quantity: '1',
    unitPrice: '',
    vatRateBp: 2000,
    schoolId: '',
    costItemId: '',
  };
}

/** Creating or editing a draft order: header, then lines; totals HT / VAT / TTC as typed. */
function OrderForm({ order }: { order?: Order }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const linesTitle = useId();
  const headerTitle = useId();
  const [number, setNumber] = useState(order?.number ?? '');
  const [supplierId, setSupplierId] = useState(order?.supplierId ?? '');
  const [contractId, setContractId] = useState(order?.contractId ?? '');
  const [lotNumber, setLotNumber] = useState(order?.lotNumber ? String(order.lotNumber) : '');
  const [programmeId, setProgrammeId] = useState(order?.programmeId ?? '');
  const [costItemId, setCostItemId] = useState(order?.costItemId ?? '');
  const [orderedOn, setOrderedOn] = useState(order?.orderedOn ?? today());
  const [expectedOn, setExpectedOn] = useState(order?.expectedOn ?? '');
  const [notes, setNotes] = useState(order?.notes ?? '');
  const [lines, setLines] = useState<LineDraft[]>(() =>
    order?.lines.length
      ? order.lines.map((l) => {
          lineKeys += 1;
          return {
            key: lineKeys,
            modelId: l.modelId ?? '',
            description: l.description,
            quantity: String(l.quantity),
            unitPrice: centsForInput(l.unitPriceCents),
            vatRateBp: l.vatRateBp,
            schoolId: l.schoolId ?? '',
            costItemId: l.costItemId ?? '',
          };
        })
      : [blankLine()],
  );
  const [addingSupplier, setAddingSupplier] = useState(false);
  const [checked, setChecked] = useState<{ header: Record<string, string>; lines: Record<string, string> } | null>(
    null,
  );

  // Fields typed into since the last check: their message of that check is gone. Kept apart from
  // `checked`, whose identity is what moves the focus to the first problem.
  const [edited, setEdited] = useState<ReadonlySet<string>>(() => new Set());

  const suppliers = useQuery(suppliersQuery);
  const contracts = useQuery(contractsQuery);
  const programmes = useQuery(programmesQuery);
  const costItems = useQuery(costItemsQuery(programmeId));
  const models = useQuery(modelsQuery);
  const contract = contracts.data?.find((c) => c.id === contractId);

  const save = useMutation({
    mutationFn: (body: Schemas['CreatePurchaseOrderInput']) =>
      order
        ? unwrap(api.PATCH('/api/procurement/orders/{id}', { params: { path: { id: order.id } }, body }))
        : unwrap(api.POST('/api/procurement/orders', { body })),
    onSuccess: async (saved) => {
      // The order's page shows at once, its heading ready for the focus.
      queryClient.setQueryData(orderQuery(saved.id).queryKey, saved);
      await procurementChanged(queryClient);
      setFlash(order ? t('procurement.orderForm.saved') : t('procurement.orderForm.created'));
      await navigate({ to: '/procurement/orders/$id', params: { id: saved.id } });
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? orderProblem(t, save.error) : null;
  const still = (part: 'header' | 'lines', found: Record<string, string> | undefined) =>
    Object.fromEntries(Object.entries(found ?? {}).filter(([k]) => !edited.has(`${part}:${k}`)));
  const headerErrors: Record<string, string | undefined> = { ...problem?.header, ...still('header', checked?.header) };
  const lineErrors: Record<string, string | undefined> = { ...problem?.lines, ...still('lines', checked?.lines) };

  // A field typed into again loses the message of the last check (the server's stay until the next submit).
  const clearChecked = (part: 'header' | 'lines', key: string) =>
    setEdited((set) => (set.has(`${part}:${key}`) ? set : new Set([...set, `${part}:${key}`])));
  const setLine = (key: number, patch: Partial<LineDraft>) => {
    const index = lines.findIndex((l) => l.key === key);
    for (const field of Object.keys(patch)) {
      clearChecked('lines', `${index}.${field === 'unitPrice' ? 'unitPriceCents' : field}`);
    }
    setLines((list) => list.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  };
  const pickModel = (line: LineDraft, modelId: string) => {
    const model = models.data?.find((m) => m.id === modelId);
    setLine(line.key, {
      modelId,
      // A model fills what is still blank: its name, its reference price.
      description: line.description || (model ? model.name : ''),
      unitPrice: line.unitPrice || (model?.unitPriceCents != null ? centsForInput(model.unitPriceCents) : ''),
    });
  };

  // Totals as typed (a line not yet valid counts for nothing).
  const amounts = lines.map((l) => {
    const qty = Number(l.quantity);
    const unit = eurosToCents(l.unitPrice);
    const ht = Number.isInteger(qty) && qty > 0 && unit !== null && !Number.isNaN(unit) ? qty * unit : 0;
    return { ht, vat: vatOf(ht, l.vatRateBp) };
  });
  const totalHt = amounts.reduce((s, a) => s + a.ht, 0);
  const totalVat = amounts.reduce((s, a) => s + a.vat, 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const header: Record<string, string> = {};
    const lineFound: Record<string, string> = {};
    if (!number.trim()) header.number = t('procurement.orderForm.numberRequired');
    if (!supplierId) header.supplierId = t('procurement.orderForm.supplierRequired');
    if (!orderedOn) header.orderedOn = t('procurement.orderForm.dateRequired');
    const body: LineInput[] = [];
    lines.forEach((l, i) => {
      const qty = Number(l.quantity);
      const unit = eurosToCents(l.unitPrice);
      if (!l.description.trim()) lineFound[`${i}.description`] = t('procurement.orderForm.descriptionRequired');
      if (!Number.isInteger(qty) || qty < 1) lineFound[`${i}.quantity`] = t('procurement.orderForm.quantityInvalid');
      if (unit === null || Number.isNaN(unit)) lineFound[`${i}.unitPriceCents`] = t('procurement.invalidAmount');
      body.push({
        modelId: l.modelId || null,
        description: l.description.trim(),
        quantity: qty,
        unitPriceCents: unit ?? 0,
        vatRateBp: l.vatRateBp,
        schoolId: l.schoolId || null,
        costItemId: l.costItemId || null,
      });
    });
    setEdited(new Set());
    if (Object.keys(header).length || Object.keys(lineFound).length) {
      setChecked({ header, lines: lineFound });
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      number: number.trim(),
      supplierId,
      contractId: contractId || null,
      lotNumber: lotNumber ? Number(lotNumber) : null,
      programmeId: programmeId || null,
      costItemId: costItemId || null,
      orderedOn,
      expectedOn: expectedOn || null,
      notes,
      lines: body,
    });
  };

  const costItemOptions = [
    { value: '', label: t('procurement.orderForm.noCostItem') },
    ...(costItems.data ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.label}` })),
  ];

  return (
    <>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <Paper withBorder p="lg" component="section" aria-labelledby={headerTitle}>
            <Stack gap="md">
              <Title order={2} id={headerTitle}>
                {t('procurement.orderForm.header')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  label={t('procurement.fields.number')}
                  description={t('procurement.orderForm.numberHelp')}
                  required
                  maxLength={50}
                  value={number}
                  onChange={(e) => {
                    setNumber(e.currentTarget.value);
                    clearChecked('header', 'number');
                  }}
                  error={headerErrors.number}
                />
                <Stack gap={4}>
                  <NativeSelect
                    label={t('procurement.fields.supplier')}
                    required
                    value={supplierId}
                    onChange={(e) => {
                      setSupplierId(e.currentTarget.value);
                      clearChecked('header', 'supplierId');
                    }}
                    error={headerErrors.supplierId}
                    data={[
                      { value: '', label: t('procurement.chooseSupplier') },
                      ...(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.siret})` })),
                    ]}
                  />
                  <div>
                    <Button variant="subtle" size="compact-sm" onClick={() => setAddingSupplier(true)}>
                      {t('procurement.supplier.new')}
                    </Button>
                  </div>
                </Stack>
                <NativeSelect
                  label={t('procurement.fields.contract')}
                  value={contractId}
                  onChange={(e) => {
                    setContractId(e.currentTarget.value);
                    setLotNumber('');
                  }}
                  error={headerErrors.contractId}
                  data={[
                    { value: '', label: t('procurement.orderForm.noContract') },
                    ...(contracts.data ?? []).map((c) => ({ value: c.id, label: `${c.reference} — ${c.title}` })),
                  ]}
                />
                <NativeSelect
                  label={t('procurement.fields.lot')}
                  value={lotNumber}
                  onChange={(e) => setLotNumber(e.currentTarget.value)}
                  error={headerErrors.lotNumber}
                  disabled={!contract || contract.lots.length === 0}
                  data={[
                    { value: '', label: t('procurement.orderForm.noLot') },
                    ...(contract?.lots ?? []).map((l) => ({
                      value: String(l.number),
                      label: t('procurement.lotLabel', { number: l.number, label: l.label }),
                    })),
                  ]}
                />
                <NativeSelect
                  label={t('procurement.fields.programme')}
                  value={programmeId}
                  onChange={(e) => {
                    setProgrammeId(e.currentTarget.value);
                    setCostItemId('');
                    setLines((list) => list.map((l) => ({ ...l, costItemId: '' })));
                  }}
                  error={headerErrors.programmeId}
                  data={[
                    { value: '', label: t('procurement.orderForm.noProgramme') },
                    ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
                  ]}
                />
                <NativeSelect
                  label={t('procurement.fields.costItem')}
                  value={costItemId}
                  onChange={(e) => setCostItemId(e.currentTarget.value)}
                  error={headerErrors.costItemId}
                  disabled={!programmeId}
                  data={costItemOptions}
                />
                <TextInput
                  label={t('procurement.fields.orderedOn')}
                  type="date"
                  required
                  value={orderedOn}
                  onChange={(e) => {
                    setOrderedOn(e.currentTarget.value);
                    clearChecked('header', 'orderedOn');
                  }}
                  error={headerErrors.orderedOn}
                />
                <TextInput
                  label={t('procurement.fields.expectedOn')}
                  type="date"
                  value={expectedOn}
                  onChange={(e) => setExpectedOn(e.currentTarget.value)}
                  error={headerErrors.expectedOn}
                />
              </SimpleGrid>
              <Textarea
                label={t('procurement.fields.notes')}
                autosize
                minRows={2}
                maxLength={10_000}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                error={headerErrors.notes}
              />
            </Stack>
          </Paper>

          <Stack gap="md" component="section" aria-labelledby={linesTitle}>
            <Title order={2} id={linesTitle}>
              {t('procurement.orderForm.lines')}
            </Title>
            {lines.map((line, index) => {
              const n = index + 1;
              const err = (field: string) => lineErrors[`${index}.${field}`];
              return (
                <Paper
                  key={line.key}
                  withBorder
                  p="md"
                  component="fieldset"
                  aria-label={t('procurement.orderForm.lineN', { n })}
                >
                  <Stack gap="sm">
                    <Group justify="space-between">
                      <Title order={3} size="h4">
                        {t('procurement.orderForm.lineN', { n })}
                      </Title>
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
                    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                      <NativeSelect
                        label={t('procurement.fields.model')}
                        description={t('procurement.orderForm.modelHelp')}
                        value={line.modelId}
                        onChange={(e) => pickModel(line, e.currentTarget.value)}
                        error={err('modelId')}
                        data={[
                          { value: '', label: t('procurement.orderForm.noModel') },
                          ...(models.data ?? [])
                            .filter((m) => !m.archived || m.id === line.modelId)
                            .map((m) => ({ value: m.id, label: m.name })),
                        ]}
                      />
                      <TextInput
                        label={t('procurement.fields.description')}
                        required
                        maxLength={1000}
                        value={line.description}
                        onChange={(e) => setLine(line.key, { description: e.currentTarget.value })}
                        error={err('description')}
                      />
                      <TextInput
                        label={t('procurement.fields.quantity')}
                        required
                        inputMode="numeric"
                        value={line.quantity}
                        onChange={(e) => setLine(line.key, { quantity: e.currentTarget.value })}
                        error={err('quantity')}
                      />
                      <TextInput
                        label={t('procurement.fields.unitPrice')}
                        description={t('procurement.amountHelp')}
                        required
                        inputMode="decimal"
                        value={line.unitPrice}
                        onChange={(e) => setLine(line.key, { unitPrice: e.currentTarget.value })}
                        error={err('unitPriceCents')}
                      />
                      <NativeSelect
                        label={t('procurement.fields.vatRate')}
                        value={String(line.vatRateBp)}
                        onChange={(e) => setLine(line.key, { vatRateBp: Number(e.currentTarget.value) })}
                        error={err('vatRateBp')}
                        data={VAT_RATES.map((r) => ({ value: String(r), label: formatRate(r) }))}
                      />
                      <NativeSelect
                        label={t('procurement.fields.lineCostItem')}
                        value={line.costItemId}
                        onChange={(e) => setLine(line.key, { costItemId: e.currentTarget.value })}
                        error={err('costItemId')}
                        disabled={!programmeId}
                        data={[
                          { value: '', label: t('procurement.orderForm.orderCostItem') },
                          ...costItemOptions.slice(1),
                        ]}
                      />
                    </SimpleGrid>
                    <OneSchoolPicker
                      label={t('procurement.fields.school')}
                      value={line.schoolId}
                      onChange={(id) => setLine(line.key, { schoolId: id })}
                      error={err('schoolId')}
                      maw="40rem"
                    />
                    <Text size="sm">
                      {t('procurement.orderForm.lineTotal', {
                        ht: formatMoney(amounts[index]?.ht ?? 0),
                        vat: formatMoney(amounts[index]?.vat ?? 0),
                      })}
                    </Text>
                  </Stack>
                </Paper>
              );
            })}
            <div>
              <Button variant="default" onClick={() => setLines((list) => [...list, blankLine()])}>
                {t('procurement.orderForm.addLine')}
              </Button>
            </div>
          </Stack>

          <Table withTableBorder maw="30rem">
            <caption>{t('procurement.orderForm.totals')}</caption>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('procurement.fields.ht')}</Table.Th>
                <Table.Td ta="right">{formatMoney(totalHt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('procurement.fields.vat')}</Table.Th>
                <Table.Td ta="right">{formatMoney(totalVat)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('procurement.fields.ttc')}</Table.Th>
                <Table.Td ta="right">{formatMoney(totalHt + totalVat)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>

          <Group justify="flex-end">
            {order ? (
              <AnchorLink to="/procurement/orders/$id" params={{ id: order.id }}>
                {t('common.cancel')}
              </AnchorLink>
            ) : (
              <AnchorLink to="/procurement/orders">{t('common.cancel')}</AnchorLink>
            )}
            <Button type="submit" loading={save.isPending}>
              {order ? t('common.save') : t('procurement.orderForm.create')}
            </Button>
          </Group>
        </Stack>
      </form>
      {addingSupplier ? (
        <NewSupplierDialog
          onClose={() => setAddingSupplier(false)}
          onCreated={(s) => {
            setSupplierId(s.id);
            clearChecked('header', 'supplierId');
            setAddingSupplier(false);
          }}
        />
      ) : null}
    </>
  );
}
