import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Schemas, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage, fieldMessage } from '../../errors.ts';
import { formatDate, formatMoney } from '../../format.ts';
import { type Contract, contractsQuery, procurementChanged, suppliersQuery } from './procurement-queries.ts';
import { centsForInput, Dialog, eurosToCents, FormButtons, PROCEDURES } from './shared.tsx';
import { NewSupplierDialog } from './supplier-dialog.tsx';

type ContractInput = Schemas['CreateContractInput'];

/** Contracts (marchés): reference, procedure, lots, holder, and what was ordered against each ceiling. */
export function ContractsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const list = useQuery(contractsQuery);
  const captionId = useId();
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const manage = hasPermission(me, 'funding.manage');
  const items = list.data ?? [];
  return (
    <Page
      title={t('procurement.contracts.title')}
      actions={
        manage ? (
          <div>
            <Button
              onClick={() => {
                setDone(null);
                setEditing('new');
              }}
            >
              {t('procurement.contracts.new')}
            </Button>
          </div>
        ) : null
      }
    >
      <Text>{t('procurement.contracts.intro')}</Text>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      {list.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text>{t('procurement.contracts.empty')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="sm">
            <caption id={captionId}>{t('procurement.contracts.caption', { count: items.length })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('procurement.contracts.reference')}</Table.Th>
                <Table.Th scope="col">{t('procurement.contracts.contractTitle')}</Table.Th>
                <Table.Th scope="col">{t('procurement.contracts.procedure')}</Table.Th>
                <Table.Th scope="col">{t('procurement.contracts.holder')}</Table.Th>
                <Table.Th scope="col">{t('procurement.contracts.notifiedOn')}</Table.Th>
                <Table.Th scope="col">{t('procurement.contracts.lots')}</Table.Th>
                <Table.Th scope="col">{t('procurement.contracts.orderedVsCeiling')}</Table.Th>
                {manage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">
                    <Text ff="monospace" size="sm" fw={600}>
                      {c.reference}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {c.title}
                    {c.ugap ? <Text size="sm">{t('procurement.contracts.ugapBadge')}</Text> : null}
                  </Table.Td>
                  <Table.Td>{t(`procurement.procedure.${c.procedure}`)}</Table.Td>
                  <Table.Td>{c.supplierName ?? '—'}</Table.Td>
                  <Table.Td>{c.notifiedOn ? formatDate(c.notifiedOn) : '—'}</Table.Td>
                  <Table.Td>
                    {c.lots.length === 0
                      ? '—'
                      : c.lots.map((l) => (
                          <Text key={l.number} size="sm">
                            {t('procurement.lotLabel', { number: l.number, label: l.label })}
                          </Text>
                        ))}
                  </Table.Td>
                  <Table.Td miw="14rem">
                    <CeilingUse contract={c} />
                  </Table.Td>
                  {manage ? (
                    <Table.Td>
                      <Button
                        variant="default"
                        size="compact-sm"
                        aria-label={t('procurement.contracts.editNamed', { reference: c.reference })}
                        onClick={() => {
                          setDone(null);
                          setEditing(c);
                        }}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {editing ? (
        <ContractDialog
          contract={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setDone(text);
          }}
        />
      ) : null}
    </Page>
  );
}

function CeilingUse({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const ordered = formatMoney(contract.orderedCents);
  if (contract.ceilingCents === null) {
    return <Text size="sm">{t('procurement.contracts.noCeiling', { ordered })}</Text>;
  }
  const share = contract.ceilingCents > 0 ? Math.min(100, (contract.orderedCents / contract.ceilingCents) * 100) : 100;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={contract.overCeiling ? 700 : undefined} c={contract.overCeiling ? '#a51d2d' : undefined}>
        {t('procurement.contracts.ofCeiling', { ordered, ceiling: formatMoney(contract.ceilingCents) })}
        {contract.overCeiling ? ` — ${t('procurement.contracts.over')}` : ''}
      </Text>
      {contract.draftCents > 0 ? (
        <Text size="sm">{t('procurement.contracts.drafts', { amount: formatMoney(contract.draftCents) })}</Text>
      ) : null}
      <Progress
        value={share}
        color={contract.overCeiling ? 'red.9' : 'socle.7'}
        aria-label={t('procurement.contracts.ceilingUse', { reference: contract.reference })}
      />
    </Stack>
  );
}

interface LotDraft {
  key: number;
  number: string;
  label: string;
}
let lotKeys = 0;

const KNOWN = [
  'reference',
  'title',
  'procedure',
  'notifiedOn',
  'startsOn',
  'endsOn',
  'lots',
  'ceilingCents',
  'supplierId',
  'notes',
];

function contractProblem(t: TFunction, error: unknown) {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const item of error instanceof ApiError ? (error.problem.errors ?? []) : []) {
    const name = item.path.split('.').filter((p) => p !== 'body')[0] ?? '';
    const message = fieldMessage(t, item);
    if (KNOWN.includes(name)) fields[name] ??= message;
    else rest.push(message);
  }
  if (error instanceof ApiError && error.code === 'CONFLICT' && fields.reference)
    fields.reference = t('procurement.contracts.referenceTaken');
  const general =
    error && (rest.length || Object.keys(fields).length === 0)
      ? `${errorMessage(t, error)} ${rest.join(' ')}`.trim()
      : null;
  return { fields, general };
}

function ContractDialog({
  contract,
  onClose,
  onSaved,
}: {
  contract?: Contract;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const lotsTitle = useId();
  const suppliers = useQuery(suppliersQuery);
  const [reference, setReference] = useState(contract?.reference ?? '');
  const [title, setTitle] = useState(contract?.title ?? '');
  const [procedure, setProcedure] = useState<string>(contract?.procedure ?? 'procedure_adaptee');
  const [notifiedOn, setNotifiedOn] = useState(contract?.notifiedOn ?? '');
  const [startsOn, setStartsOn] = useState(contract?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(contract?.endsOn ?? '');
  const [ceiling, setCeiling] = useState(centsForInput(contract?.ceilingCents));
  const [ugap, setUgap] = useState(contract?.ugap ?? false);
  const [supplierId, setSupplierId] = useState(contract?.supplierId ?? '');
  const [notes, setNotes] = useState(contract?.notes ?? '');
  const [lots, setLots] = useState<LotDraft[]>(() =>
    (contract?.lots ?? []).map((l) => {
      lotKeys += 1;
      return { key: lotKeys, number: String(l.number), label: l.label };
    }),
  );
  const [addingSupplier, setAddingSupplier] = useState(false);
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const save = useMutation({
    mutationFn: (body: ContractInput) =>
      contract
        ? unwrap(api.PATCH('/api/procurement/contracts/{id}', { params: { path: { id: contract.id } }, body }))
        : unwrap(api.POST('/api/procurement/contracts', { body })),
    onSuccess: async (saved) => {
      await procurementChanged(queryClient);
      onSaved(
        contract
          ? t('procurement.contracts.saved', { reference: saved.reference })
          : t('procurement.contracts.created', { reference: saved.reference }),
      );
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? contractProblem(t, save.error) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!reference.trim()) found.reference = t('procurement.contracts.referenceRequired');
    if (!title.trim()) found.title = t('procurement.contracts.titleRequired');
    const ceilingCents = eurosToCents(ceiling);
    if (ceilingCents !== null && Number.isNaN(ceilingCents)) found.ceilingCents = t('procurement.invalidAmount');
    const lotList = lots
      .filter((l) => l.number.trim() || l.label.trim())
      .map((l) => ({ number: Number(l.number), label: l.label.trim() }));
    if (lotList.some((l) => !Number.isInteger(l.number) || l.number < 1 || !l.label))
      found.lots = t('procurement.contracts.lotsInvalid');
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      reference: reference.trim(),
      title: title.trim(),
      procedure: PROCEDURES.find((p) => p === procedure) ?? 'other',
      notifiedOn: notifiedOn || null,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      lots: lotList,
      ceilingCents,
      ugap,
      supplierId: supplierId || null,
      notes,
    });
  };
  return (
    <>
      <Dialog
        title={
          contract
            ? t('procurement.contracts.editTitle', { reference: contract.reference })
            : t('procurement.contracts.new')
        }
        onClose={onClose}
      >
        <form ref={form} onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('common.requiredHint')}</Text>
            {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('procurement.contracts.reference')}
                required
                maxLength={100}
                value={reference}
                onChange={(e) => setReference(e.currentTarget.value)}
                error={errors.reference}
              />
              <TextInput
                label={t('procurement.contracts.contractTitle')}
                required
                maxLength={300}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={errors.title}
              />
              <NativeSelect
                label={t('procurement.contracts.procedure')}
                required
                value={procedure}
                onChange={(e) => setProcedure(e.currentTarget.value)}
                error={errors.procedure}
                data={PROCEDURES.map((p) => ({ value: p, label: t(`procurement.procedure.${p}`) }))}
              />
              <Stack gap={4}>
                <NativeSelect
                  label={t('procurement.contracts.holder')}
                  value={supplierId}
                  onChange={(e) => setSupplierId(e.currentTarget.value)}
                  error={errors.supplierId}
                  data={[
                    { value: '', label: t('procurement.contracts.noHolder') },
                    ...(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.siret})` })),
                  ]}
                />
                <div>
                  <Button variant="subtle" size="compact-sm" onClick={() => setAddingSupplier(true)}>
                    {t('procurement.supplier.new')}
                  </Button>
                </div>
              </Stack>
              <TextInput
                label={t('procurement.contracts.notifiedOn')}
                type="date"
                value={notifiedOn}
                onChange={(e) => setNotifiedOn(e.currentTarget.value)}
                error={errors.notifiedOn}
              />
              <TextInput
                label={t('procurement.contracts.ceiling')}
                description={t('procurement.contracts.ceilingHelp')}
                inputMode="decimal"
                value={ceiling}
                onChange={(e) => setCeiling(e.currentTarget.value)}
                error={errors.ceilingCents}
              />
              <TextInput
                label={t('procurement.contracts.startsOn')}
                type="date"
                value={startsOn}
                onChange={(e) => setStartsOn(e.currentTarget.value)}
                error={errors.startsOn}
              />
              <TextInput
                label={t('procurement.contracts.endsOn')}
                type="date"
                value={endsOn}
                onChange={(e) => setEndsOn(e.currentTarget.value)}
                error={errors.endsOn}
              />
            </SimpleGrid>
            <Checkbox
              label={t('procurement.contracts.ugap')}
              description={t('procurement.contracts.ugapHelp')}
              checked={ugap}
              onChange={(e) => setUgap(e.currentTarget.checked)}
            />
            <Stack gap="xs" component="section" aria-labelledby={lotsTitle}>
              <Title order={3} size="h4" id={lotsTitle}>
                {t('procurement.contracts.lots')}
              </Title>
              {lots.length === 0 ? <Text size="sm">{t('procurement.contracts.noLots')}</Text> : null}
              {lots.map((lot, i) => (
                <Group key={lot.key} align="end" gap="sm" wrap="wrap">
                  <TextInput
                    label={t('procurement.contracts.lotNumber', { n: i + 1 })}
                    inputMode="numeric"
                    w="8rem"
                    value={lot.number}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setLots((list) => list.map((l) => (l.key === lot.key ? { ...l, number: value } : l)));
                    }}
                  />
                  <TextInput
                    label={t('procurement.contracts.lotLabel', { n: i + 1 })}
                    style={{ flex: '1 1 16rem' }}
                    value={lot.label}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setLots((list) => list.map((l) => (l.key === lot.key ? { ...l, label: value } : l)));
                    }}
                  />
                  <Button
                    variant="subtle"
                    color="#a51d2d"
                    aria-label={t('procurement.contracts.removeLot', { n: i + 1 })}
                    onClick={() => setLots((list) => list.filter((l) => l.key !== lot.key))}
                  >
                    {t('procurement.orderForm.removeLine')}
                  </Button>
                </Group>
              ))}
              {errors.lots ? (
                <Text size="sm" c="#a51d2d" role="alert">
                  {errors.lots}
                </Text>
              ) : null}
              <div>
                <Button
                  variant="default"
                  size="compact-sm"
                  onClick={() => {
                    lotKeys += 1;
                    setLots((list) => [...list, { key: lotKeys, number: String(list.length + 1), label: '' }]);
                  }}
                >
                  {t('procurement.contracts.addLot')}
                </Button>
              </div>
            </Stack>
            <Textarea
              label={t('procurement.fields.notes')}
              autosize
              minRows={2}
              maxLength={10_000}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
              error={errors.notes}
            />
            <FormButtons
              onCancel={onClose}
              pending={save.isPending}
              submit={contract ? t('common.save') : t('procurement.contracts.create')}
            />
          </Stack>
        </form>
      </Dialog>
      {addingSupplier ? (
        <NewSupplierDialog
          onClose={() => setAddingSupplier(false)}
          onCreated={(s) => {
            setSupplierId(s.id);
            setAddingSupplier(false);
          }}
        />
      ) : null}
    </>
  );
}
