import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatMoney, parseDecimal } from '../../format.ts';
import { centsForInput, eurosToCents } from '../assets/labels.tsx';
import {
  type Convention,
  type CostItem,
  conventionsQuery,
  costItemsQuery,
  fundersQuery,
  type RateRule,
} from './funding-queries.ts';
import { bpForInput, Dialog, FormButtons, formatRate, fundingFormProblem, percentToBp } from './labels.tsx';

/**
 * The funders' conventions of a programme, in rank order, with the rate rule
 * editor (flat, or tiered per tranche / on the whole amount), caps, advance
 * and claim limits. The server checks the rule (FUNDING_RULE_INVALID) and
 * that the rates together stay within 100 % (FUNDING_OVER_100); both land on
 * the rate fields.
 */

/** A rate rule in words: "78,69 %", "par tranche : 70 % jusqu’à 200 000,00 €, puis 50 %". */
export function ruleText(t: TFunction, rule: RateRule): string {
  if (rule.kind === 'flat') return t('funding.rules.flatText', { rate: formatRate(rule.rateBp) });
  const tiers = rule.tiers
    .map((tier) =>
      tier.upToCents === null
        ? t('funding.rules.tierOpen', { rate: formatRate(tier.rateBp) })
        : t('funding.rules.tierUpTo', { rate: formatRate(tier.rateBp), upTo: formatMoney(tier.upToCents) }),
    )
    .join(', ');
  return t(`funding.rules.${rule.mode}Text`, { tiers });
}

function capsText(t: TFunction, caps: Convention['caps']): string {
  const parts = [
    caps.totalCents !== null ? t('funding.caps.totalText', { amount: formatMoney(caps.totalCents) }) : null,
    caps.perClassCents !== null ? t('funding.caps.perClassText', { amount: formatMoney(caps.perClassCents) }) : null,
    caps.perPupilCents !== null ? t('funding.caps.perPupilText', { amount: formatMoney(caps.perPupilCents) }) : null,
    caps.perSchoolCents !== null ? t('funding.caps.perSchoolText', { amount: formatMoney(caps.perSchoolCents) }) : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' ; ') : t('funding.caps.none');
}

function windowText(t: TFunction, c: Convention): string {
  if (!c.eligibleFrom && !c.eligibleTo) return t('funding.conventions.anyDate');
  return t('funding.programmes.range', {
    from: c.eligibleFrom ? formatDate(c.eligibleFrom) : '…',
    to: c.eligibleTo ? formatDate(c.eligibleTo) : '…',
  });
}

export function ConventionsPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canManage = hasPermission(me, 'funding.manage');
  const queryClient = useQueryClient();
  const captionId = useId();
  const conventions = useQuery(conventionsQuery(programmeId));
  const costItems = useQuery(costItemsQuery(programmeId));
  const [editing, setEditing] = useState<Convention | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (c: Convention) =>
      unwrap(api.DELETE('/api/funding/conventions/{id}', { params: { path: { id: c.id } } })).then(() => c),
    onSuccess: async (c) => {
      setDone(t('funding.conventions.deleted', { reference: c.reference }));
      await queryClient.invalidateQueries({ queryKey: ['funding', 'programme', programmeId] });
    },
  });
  const list = conventions.data ?? [];
  const itemsById = new Map((costItems.data ?? []).map((c) => [c.id, c]));
  return (
    <Panel
      title={t('funding.conventions.title')}
      actions={
        canManage ? (
          <Button
            variant="default"
            onClick={() => {
              setDone(null);
              setEditing('new');
            }}
          >
            {t('funding.conventions.add')}
          </Button>
        ) : null
      }
    >
      <Text size="sm">
        {t('funding.conventions.intro')} <AnchorLink to="/funding/funders">{t('funding.funders.manage')}</AnchorLink>
      </Text>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      {conventions.isError ? <FormAlert kind="error">{errorMessage(t, conventions.error)}</FormAlert> : null}
      {remove.isError ? <FormAlert kind="error">{errorMessage(t, remove.error)}</FormAlert> : null}
      {conventions.isSuccess && list.length === 0 ? <Text>{t('funding.conventions.none')}</Text> : null}
      {list.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="xs">
            <caption id={captionId}>
              <VisuallyHidden>{t('funding.conventions.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('funding.conventions.rank')}</Table.Th>
                <Table.Th scope="col">{t('funding.conventions.funder')}</Table.Th>
                <Table.Th scope="col">{t('funding.conventions.reference')}</Table.Th>
                <Table.Th scope="col">{t('funding.conventions.rule')}</Table.Th>
                <Table.Th scope="col">{t('funding.conventions.caps')}</Table.Th>
                <Table.Th scope="col">{t('funding.conventions.window')}</Table.Th>
                <Table.Th scope="col">{t('funding.conventions.eligibleItems')}</Table.Th>
                <Table.Th scope="col">{t('funding.conventions.limits')}</Table.Th>
                {canManage ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.rank}</Table.Td>
                  <Table.Th scope="row">
                    {c.funderName}
                    <Text size="xs" fw={400}>
                      {t(`funding.funderKinds.${c.funderKind}`)}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {c.reference}
                    {c.signedOn ? (
                      <Text size="xs">{t('funding.conventions.signedOnText', { date: formatDate(c.signedOn) })}</Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{ruleText(t, c.rateRule)}</Table.Td>
                  <Table.Td>{capsText(t, c.caps)}</Table.Td>
                  <Table.Td>{windowText(t, c)}</Table.Td>
                  <Table.Td>
                    {c.eligibleCostItemIds?.length
                      ? c.eligibleCostItemIds.map((id) => itemsById.get(id)?.code ?? '?').join(', ')
                      : t('funding.conventions.allItems')}
                  </Table.Td>
                  <Table.Td>
                    {t('funding.conventions.limitsText', {
                      advance: formatMoney(c.advanceCents),
                      instalments: formatRate(c.instalmentCapBp),
                      own: formatRate(c.ownShareMinBp),
                    })}
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => {
                            setDone(null);
                            setEditing(c);
                          }}
                        >
                          {t('common.edit')}
                          <VisuallyHidden> {t('funding.conventions.the', { name: c.funderName })}</VisuallyHidden>
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="#a51d2d"
                          onClick={() => {
                            setDone(null);
                            if (window.confirm(t('funding.conventions.confirmDelete', { reference: c.reference })))
                              remove.mutate(c);
                          }}
                        >
                          {t('funding.delete')}
                          <VisuallyHidden> {t('funding.conventions.the', { name: c.funderName })}</VisuallyHidden>
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
      {list.some((c) => c.publicityText) ? (
        <Stack gap="xs">
          {list
            .filter((c) => c.publicityText)
            .map((c) => (
              <Text size="sm" key={c.id}>
                <Text span fw={700}>
                  {t('funding.conventions.publicityOf', { name: c.funderName })}
                </Text>{' '}
                {c.publicityText}
              </Text>
            ))}
        </Stack>
      ) : null}
      {editing ? (
        <ConventionDialog
          programmeId={programmeId}
          convention={editing === 'new' ? null : editing}
          costItems={costItems.data ?? []}
          nextRank={Math.max(0, ...list.map((c) => c.rank)) + 1}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setDone(
              t(created ? 'funding.conventions.created' : 'funding.conventions.updated', { name: saved.funderName }),
            );
          }}
        />
      ) : null}
    </Panel>
  );
}

interface TierRow {
  key: number;
  upTo: string;
  rate: string;
}

const KNOWN = [
  'funderId',
  'reference',
  'signedOn',
  'eligibleFrom',
  'eligibleTo',
  'eligibleCostItemIds',
  'rateRule',
  'caps.totalCents',
  'caps.perClassCents',
  'caps.perPupilCents',
  'caps.perSchoolCents',
  'advanceCents',
  'instalmentCapBp',
  'ownShareMinBp',
  'publicityText',
  'rank',
];

const CAPS = ['totalCents', 'perClassCents', 'perPupilCents', 'perSchoolCents'] as const;

function ConventionDialog({
  programmeId,
  convention,
  costItems,
  nextRank,
  onClose,
  onSaved,
}: {
  programmeId: string;
  convention: Convention | null;
  costItems: readonly CostItem[];
  nextRank: number;
  onClose: () => void;
  onSaved: (saved: Convention, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const tiersErrorId = useId();
  const funders = useQuery(fundersQuery);
  const rule = convention?.rateRule;
  const [funderId, setFunderId] = useState(convention?.funderId ?? '');
  const [reference, setReference] = useState(convention?.reference ?? '');
  const [signedOn, setSignedOn] = useState(convention?.signedOn ?? '');
  const [eligibleFrom, setEligibleFrom] = useState(convention?.eligibleFrom ?? '');
  const [eligibleTo, setEligibleTo] = useState(convention?.eligibleTo ?? '');
  const [allItems, setAllItems] = useState(!convention?.eligibleCostItemIds?.length);
  const [itemIds, setItemIds] = useState<string[]>(convention?.eligibleCostItemIds ?? []);
  const [kind, setKind] = useState<'flat' | 'tiered'>(rule?.kind ?? 'flat');
  const [rate, setRate] = useState(rule?.kind === 'flat' ? bpForInput(rule.rateBp) : '');
  const [mode, setMode] = useState<'per_tranche' | 'whole_amount'>(rule?.kind === 'tiered' ? rule.mode : 'per_tranche');
  const [tiers, setTiers] = useState<TierRow[]>(
    rule?.kind === 'tiered'
      ? rule.tiers.map((tier, i) => ({ key: i, upTo: centsForInput(tier.upToCents), rate: bpForInput(tier.rateBp) }))
      : [
          { key: 0, upTo: '', rate: '' },
          { key: 1, upTo: '', rate: '' },
        ],
  );
  const [caps, setCaps] = useState<Record<(typeof CAPS)[number], string>>({
    totalCents: centsForInput(convention?.caps.totalCents),
    perClassCents: centsForInput(convention?.caps.perClassCents),
    perPupilCents: centsForInput(convention?.caps.perPupilCents),
    perSchoolCents: centsForInput(convention?.caps.perSchoolCents),
  });
  const [advance, setAdvance] = useState(centsForInput(convention?.advanceCents ?? 0));
  const [instalmentCap, setInstalmentCap] = useState(bpForInput(convention?.instalmentCapBp ?? 8000));
  const [ownShareMin, setOwnShareMin] = useState(bpForInput(convention?.ownShareMinBp ?? 2000));
  const [publicityText, setPublicityText] = useState(convention?.publicityText ?? '');
  const [rank, setRank] = useState(String(convention?.rank ?? nextRank));
  const [checked, setChecked] = useState<Record<string, string> | null>(null);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      convention
        ? unwrap(
            api.PATCH('/api/funding/conventions/{id}', {
              params: { path: { id: convention.id } },
              body: body as never,
            }),
          )
        : unwrap(
            api.POST('/api/funding/programmes/{id}/conventions', {
              params: { path: { id: programmeId } },
              body: { ...body, funderId } as never,
            }),
          ),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['funding', 'programme', programmeId] });
      onSaved(saved, !convention);
    },
  });
  useFocusFirstProblem(form, save.error ?? checked);
  const problem = save.error ? fundingFormProblem(t, save.error, KNOWN) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = t('errors.fields.required');
    const amount = t('funding.amountInvalid');
    const percent = t('funding.percentInvalid');
    if (!convention && !funderId) found.funderId = required;
    if (!reference.trim()) found.reference = required;
    if (!allItems && itemIds.length === 0) found.eligibleCostItemIds = t('funding.conventions.chooseItems');
    let rateRule: RateRule;
    if (kind === 'flat') {
      const bp = percentToBp(rate);
      if (bp === null || Number.isNaN(bp)) found.rateRule = percent;
      rateRule = { kind: 'flat', rateBp: bp ?? 0 };
    } else {
      const parsed = tiers.map((tier) => ({
        upToCents: eurosToCents(parseDecimal(tier.upTo)),
        rateBp: percentToBp(tier.rate),
      }));
      if (parsed.some((p) => Number.isNaN(p.upToCents) || p.rateBp === null || Number.isNaN(p.rateBp)))
        found.rateRule = t('funding.rules.tiersInvalid');
      rateRule = {
        kind: 'tiered',
        mode,
        tiers: parsed.map((p) => ({ upToCents: p.upToCents, rateBp: p.rateBp ?? 0 })),
      };
    }
    const capValues: Record<string, number | null> = {};
    for (const cap of CAPS) {
      const cents = eurosToCents(parseDecimal(caps[cap]));
      if (Number.isNaN(cents)) found[`caps.${cap}`] = amount;
      capValues[cap] = cents;
    }
    const advanceCents = eurosToCents(parseDecimal(advance));
    if (Number.isNaN(advanceCents)) found.advanceCents = amount;
    const instalmentCapBp = percentToBp(instalmentCap);
    if (instalmentCapBp === null || Number.isNaN(instalmentCapBp)) found.instalmentCapBp = percent;
    const ownShareMinBp = percentToBp(ownShareMin);
    if (ownShareMinBp === null || Number.isNaN(ownShareMinBp)) found.ownShareMinBp = percent;
    const rankValue = Number(rank);
    if (!Number.isInteger(rankValue) || rankValue < 1 || rankValue > 100)
      found.rank = t('funding.conventions.rankInvalid');
    if (Object.keys(found).length) {
      setChecked(found);
      save.reset();
      return;
    }
    setChecked(null);
    save.mutate({
      reference: reference.trim(),
      signedOn: signedOn || null,
      eligibleFrom: eligibleFrom || null,
      eligibleTo: eligibleTo || null,
      eligibleCostItemIds: allItems ? null : itemIds,
      rateRule,
      caps: capValues,
      advanceCents: advanceCents ?? 0,
      instalmentCapBp,
      ownShareMinBp,
      publicityText,
      rank: rankValue,
    });
  };

  const updateTier = (key: number, patch: Partial<TierRow>) =>
    setTiers((list) => list.map((tier) => (tier.key === key ? { ...tier, ...patch } : tier)));

  return (
    <Dialog
      title={
        convention ? t('funding.conventions.editTitle', { name: convention.funderName }) : t('funding.conventions.add')
      }
      onClose={onClose}
      size="xl"
    >
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('common.requiredHint')}</Text>
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          {convention ? null : (
            <NativeSelect
              label={t('funding.conventions.funder')}
              required
              value={funderId}
              onChange={(e) => setFunderId(e.currentTarget.value)}
              error={errors.funderId}
              data={[
                { value: '', label: t('funding.conventions.chooseFunder') },
                ...(funders.data ?? []).map((f) => ({
                  value: f.id,
                  label: `${f.name} (${t(`funding.funderKinds.${f.kind}`)})`,
                })),
              ]}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('funding.conventions.reference')}
              required
              maxLength={200}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={errors.reference}
            />
            <TextInput
              label={t('funding.conventions.rank')}
              description={t('funding.conventions.rankHelp')}
              required
              inputMode="numeric"
              value={rank}
              onChange={(e) => setRank(e.currentTarget.value)}
              error={errors.rank}
            />
            <TextInput
              label={t('funding.conventions.signedOn')}
              type="date"
              value={signedOn}
              onChange={(e) => setSignedOn(e.currentTarget.value)}
              error={errors.signedOn}
            />
          </SimpleGrid>
          <Fieldset legend={t('funding.conventions.eligibility')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('funding.conventions.eligibleFrom')}
                  type="date"
                  value={eligibleFrom}
                  onChange={(e) => setEligibleFrom(e.currentTarget.value)}
                  error={errors.eligibleFrom}
                />
                <TextInput
                  label={t('funding.conventions.eligibleTo')}
                  type="date"
                  value={eligibleTo}
                  onChange={(e) => setEligibleTo(e.currentTarget.value)}
                  error={errors.eligibleTo}
                />
              </SimpleGrid>
              <Checkbox
                label={t('funding.conventions.allItemsLabel')}
                checked={allItems}
                onChange={(e) => setAllItems(e.currentTarget.checked)}
              />
              {allItems ? null : (
                <Checkbox.Group
                  label={t('funding.conventions.eligibleItems')}
                  value={itemIds}
                  onChange={setItemIds}
                  error={errors.eligibleCostItemIds}
                >
                  <Stack gap={4} mt="xs">
                    {costItems.map((c) => (
                      <Checkbox key={c.id} value={c.id} label={`${c.code} — ${c.label}`} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('funding.conventions.rule')}>
            <Stack gap="sm">
              <Radio.Group
                label={t('funding.rules.kind')}
                value={kind}
                onChange={(value) => setKind(value === 'tiered' ? 'tiered' : 'flat')}
              >
                <Group gap="lg" mt="xs">
                  <Radio value="flat" label={t('funding.rules.flat')} />
                  <Radio value="tiered" label={t('funding.rules.tiered')} />
                </Group>
              </Radio.Group>
              {kind === 'flat' ? (
                <TextInput
                  label={t('funding.rules.rate')}
                  description={t('funding.rules.rateHelp')}
                  required
                  inputMode="decimal"
                  value={rate}
                  onChange={(e) => setRate(e.currentTarget.value)}
                  error={errors.rateRule}
                  maw="16rem"
                />
              ) : (
                <>
                  <Radio.Group
                    label={t('funding.rules.mode')}
                    value={mode}
                    onChange={(value) => setMode(value === 'whole_amount' ? 'whole_amount' : 'per_tranche')}
                  >
                    <Stack gap={4} mt="xs">
                      <Radio value="per_tranche" label={t('funding.rules.per_tranche')} />
                      <Radio value="whole_amount" label={t('funding.rules.whole_amount')} />
                    </Stack>
                  </Radio.Group>
                  <Text size="sm">{t('funding.rules.tiersHelp')}</Text>
                  {tiers.map((tier, i) => (
                    <Group key={tier.key} align="end" gap="sm">
                      <TextInput
                        label={t('funding.rules.upTo', { n: i + 1 })}
                        inputMode="decimal"
                        value={tier.upTo}
                        onChange={(e) => updateTier(tier.key, { upTo: e.currentTarget.value })}
                        aria-invalid={errors.rateRule ? true : undefined}
                        aria-describedby={errors.rateRule ? tiersErrorId : undefined}
                      />
                      <TextInput
                        label={t('funding.rules.tierRate', { n: i + 1 })}
                        inputMode="decimal"
                        required
                        value={tier.rate}
                        onChange={(e) => updateTier(tier.key, { rate: e.currentTarget.value })}
                        aria-invalid={errors.rateRule ? true : undefined}
                        aria-describedby={errors.rateRule ? tiersErrorId : undefined}
                      />
                      <Button
                        variant="subtle"
                        color="#a51d2d"
                        disabled={tiers.length <= 1}
                        onClick={() => setTiers((list) => list.filter((x) => x.key !== tier.key))}
                      >
                        {t('funding.rules.removeTier', { n: i + 1 })}
                      </Button>
                    </Group>
                  ))}
                  {errors.rateRule ? <Input.Error id={tiersErrorId}>{errors.rateRule}</Input.Error> : null}
                  <Group>
                    <Button
                      variant="default"
                      disabled={tiers.length >= 20}
                      onClick={() =>
                        setTiers((list) => [
                          ...list,
                          { key: Math.max(0, ...list.map((x) => x.key)) + 1, upTo: '', rate: '' },
                        ])
                      }
                    >
                      {t('funding.rules.addTier')}
                    </Button>
                  </Group>
                </>
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('funding.conventions.caps')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {CAPS.map((cap) => (
                <TextInput
                  key={cap}
                  label={t(`funding.caps.${cap}`)}
                  inputMode="decimal"
                  value={caps[cap]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setCaps((all) => ({ ...all, [cap]: value }));
                  }}
                  error={errors[`caps.${cap}`]}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('funding.conventions.limits')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('funding.conventions.advance')}
                inputMode="decimal"
                value={advance}
                onChange={(e) => setAdvance(e.currentTarget.value)}
                error={errors.advanceCents}
              />
              <TextInput
                label={t('funding.conventions.instalmentCap')}
                description={t('funding.conventions.instalmentCapHelp')}
                inputMode="decimal"
                required
                value={instalmentCap}
                onChange={(e) => setInstalmentCap(e.currentTarget.value)}
                error={errors.instalmentCapBp}
              />
              <TextInput
                label={t('funding.conventions.ownShareMin')}
                description={t('funding.conventions.ownShareMinHelp')}
                inputMode="decimal"
                required
                value={ownShareMin}
                onChange={(e) => setOwnShareMin(e.currentTarget.value)}
                error={errors.ownShareMinBp}
              />
            </SimpleGrid>
          </Fieldset>
          <Textarea
            label={t('funding.conventions.publicityText')}
            description={t('funding.conventions.publicityTextHelp')}
            autosize
            minRows={2}
            maxLength={5000}
            value={publicityText}
            onChange={(e) => setPublicityText(e.currentTarget.value)}
            error={errors.publicityText}
          />
          <FormButtons onCancel={onClose} pending={save.isPending} submit={t('common.save')} />
        </Stack>
      </form>
    </Dialog>
  );
}
