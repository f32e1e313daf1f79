import {
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { errorMessage } from '../../errors.ts';
import { parseDecimal } from '../../format.ts';
import { eurosToCents } from '../assets/labels.tsx';
import { ruleText } from '../funding/conventions-panel.tsx';
import { programmesQuery } from '../funding/funding-queries.ts';
import { fundingFormProblem, percentToBp } from '../funding/labels.tsx';
import {
  type Basis,
  type FunderRow,
  type FundingPreset,
  MAX_BUDGET_CENTS,
  MAX_FUNDERS,
  moveRow,
  NO_RATES,
  type Objective,
  type PlanFunder,
  type PlanInput,
  plannerFieldOf,
  presetsQuery,
  SPEND_KINDS,
  type SpendKind,
  WEIGHTS,
  type WeightKey,
} from './planner-queries.ts';

/**
 * The planner's parameters: budget and its basis, objective, the weights of
 * the digital-divide priority, an optional period, and the funders in rank
 * order (presets, custom flat rates, or a programme's conventions). Checked
 * here first; the server's field errors land on the same fields.
 */

/** A funder's rules in words, kind by kind ("Équipement : par tranche : 70 % jusqu’à 200 000 €, puis 50 %"). */
export function funderRulesText(t: TFunction, rules: PlanFunder['rules']): string[] {
  return SPEND_KINDS.flatMap((kind) => {
    const rule = rules[kind];
    return rule
      ? [
          t('baseline.planner.funders.ruleOfKind', {
            kind: t(`baseline.planner.kinds.${kind}`),
            rule: ruleText(t, rule),
          }),
        ]
      : [];
  });
}

const DEFAULT_WEIGHTS: Record<WeightKey, string> = {
  repPlus: '0',
  rep: '0',
  lowIps: '0',
  lowDevices: '0',
  oldEquipment: '0',
};

export function PlannerForm({
  pending,
  error,
  onRun,
}: {
  pending: boolean;
  /** The preview's error, if any: its field messages land on the fields. */
  error: unknown;
  onRun: (input: PlanInput) => void;
}) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const canReadFunding = hasPermission(me, 'funding.read');
  const form = useRef<HTMLFormElement>(null);
  const ids = useId();
  const presets = useQuery(presetsQuery);
  const programmes = useQuery({ ...programmesQuery, enabled: canReadFunding });
  const [budget, setBudget] = useState('');
  const [basis, setBasis] = useState<Basis>('total');
  const [objective, setObjective] = useState<Objective>('classes');
  const [weights, setWeights] = useState(DEFAULT_WEIGHTS);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [fundersFrom, setFundersFrom] = useState<'list' | 'programme'>('list');
  const [programmeId, setProgrammeId] = useState('');
  const [funders, setFunders] = useState<FunderRow[]>([]);
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const nextKey = useRef(1);

  // After adding, moving or removing a funder, the focus goes where the user can carry on.
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  useFocusFirstProblem(form, error ?? checked);
  const customRows = new Set(funders.flatMap((f, i) => (f.source === 'custom' ? [i] : [])));
  const known = [
    'budgetCents',
    'budgetBasis',
    'objective',
    ...WEIGHTS.map((w) => `weights.${w}`),
    'period.start',
    'period.end',
    'programmeId',
    ...funders.flatMap((f, i) => [
      `funders.${i}`,
      ...(f.source === 'custom' ? SPEND_KINDS.map((k) => `funders.${i}.rules.${k}`) : []),
    ]),
  ];
  const problem = error ? fundingFormProblem(t, error, known, (path) => plannerFieldOf(path, customRows)) : null;
  const errors: Record<string, string | undefined> = { ...problem?.fields, ...checked };

  const rowId = (key: number, what: string) => `${ids}-funder-${key}-${what}`;

  const addPreset = (preset: FundingPreset) => {
    const key = nextKey.current++;
    setFunders((list) => [
      ...list,
      {
        key,
        source: 'preset',
        presetKey: preset.key,
        name: preset.funder.name,
        rules: preset.funder.rules,
        ...(preset.funder.caps ? { caps: preset.funder.caps } : {}),
        rates: NO_RATES,
      },
    ]);
    setFocusId(rowId(key, 'title'));
  };
  const addCustom = () => {
    const key = nextKey.current++;
    setFunders((list) => [...list, { key, source: 'custom', name: '', rules: {}, rates: NO_RATES }]);
    setFocusId(rowId(key, 'name'));
  };
  const updateRow = (key: number, patch: Partial<FunderRow>) =>
    setFunders((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  const move = (index: number, delta: number, key: number) => {
    setFunders((list) => moveRow(list, index, delta));
    const after = index + delta;
    // At an end the button is disabled: keep the focus on the other one.
    const edge = after === 0 || after === funders.length - 1;
    setFocusId(rowId(key, edge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'));
  };
  const remove = (index: number) => {
    const rest = funders.filter((_, i) => i !== index);
    setFunders(rest);
    const next = rest[index] ?? rest[index - 1];
    setFocusId(next ? rowId(next.key, 'title') : `${ids}-add-custom`);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const required = t('errors.fields.required');
    const euros = parseDecimal(budget);
    const budgetCents = eurosToCents(euros);
    if (budget.trim() === '') found.budgetCents = required;
    else if (budgetCents === null || Number.isNaN(budgetCents) || budgetCents < 1)
      found.budgetCents = t('baseline.planner.form.budgetInvalid');
    else if (budgetCents > MAX_BUDGET_CENTS) found.budgetCents = t('baseline.planner.form.budgetTooBig');
    const weightValues = {} as Record<WeightKey, number>;
    for (const w of WEIGHTS) {
      const value = parseDecimal(weights[w]);
      if (value === null || Number.isNaN(value) || value < 0 || value > 5)
        found[`weights.${w}`] = t('baseline.planner.form.weightInvalid');
      weightValues[w] = value ?? 0;
    }
    if ((start && !end) || (!start && end))
      found[start ? 'period.end' : 'period.start'] = t('baseline.planner.form.periodBoth');
    else if (start && end && end < start) found['period.end'] = t('baseline.planner.form.periodOrder');
    const planFunders: PlanFunder[] = [];
    if (fundersFrom === 'programme') {
      if (!programmeId) found.programmeId = required;
    } else {
      funders.forEach((f, i) => {
        if (f.source === 'preset') {
          planFunders.push({ name: f.name, rules: f.rules, ...(f.caps ? { caps: f.caps } : {}) });
          return;
        }
        if (!f.name.trim()) found[`funders.${i}.name`] = required;
        const rules: PlanFunder['rules'] = {};
        for (const kind of SPEND_KINDS) {
          const bp = percentToBp(f.rates[kind]);
          if (bp === null) continue;
          if (Number.isNaN(bp) || bp < 0 || bp > 10_000)
            found[`funders.${i}.rules.${kind}`] = t('funding.percentInvalid');
          else rules[kind] = { kind: 'flat', rateBp: bp };
        }
        if (SPEND_KINDS.every((k) => f.rates[k].trim() === ''))
          found[`funders.${i}.rules.equipment`] = t('baseline.planner.funders.rateNeeded');
        planFunders.push({ name: f.name.trim(), rules });
      });
    }
    if (Object.keys(found).length) {
      setChecked(found);
      return;
    }
    setChecked(null);
    onRun({
      budgetCents: budgetCents as number,
      budgetBasis: basis,
      objective,
      weights: weightValues,
      funders: planFunders,
      ...(fundersFrom === 'programme' ? { programmeId } : {}),
      ...(start && end ? { period: { start, end } } : {}),
    });
  };

  const presetList = presets.data ?? [];
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('common.requiredHint')}</Text>
        {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
        {presets.isError ? <FormAlert kind="error">{errorMessage(t, presets.error)}</FormAlert> : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <TextInput
            label={t('baseline.planner.form.budget')}
            description={t('baseline.planner.form.budgetHelp')}
            required
            inputMode="decimal"
            autoComplete="off"
            value={budget}
            onChange={(e) => setBudget(e.currentTarget.value)}
            error={errors.budgetCents}
            maw="20rem"
          />
          <Radio.Group
            label={t('baseline.planner.form.basis')}
            description={t('baseline.planner.form.basisHelp')}
            required
            value={basis}
            onChange={(value) => setBasis(value === 'own_share' ? 'own_share' : 'total')}
            error={errors.budgetBasis}
          >
            <Stack gap={4} mt="xs">
              <Radio value="total" label={t('baseline.planner.basis.total')} />
              <Radio value="own_share" label={t('baseline.planner.basis.own_share')} />
            </Stack>
          </Radio.Group>
          <Radio.Group
            label={t('baseline.planner.form.objective')}
            description={t('baseline.planner.form.objectiveHelp')}
            required
            value={objective}
            onChange={(value) => setObjective(value === 'pupils' ? 'pupils' : 'classes')}
            error={errors.objective}
          >
            <Stack gap={4} mt="xs">
              <Radio value="classes" label={t('baseline.planner.objective.classes')} />
              <Radio value="pupils" label={t('baseline.planner.objective.pupils')} />
            </Stack>
          </Radio.Group>
          <Fieldset legend={t('baseline.planner.form.period')}>
            <Stack gap="xs">
              <Text size="sm">{t('baseline.planner.form.periodHelp')}</Text>
              <Group grow align="start">
                <TextInput
                  label={t('baseline.planner.form.periodStart')}
                  type="date"
                  value={start}
                  onChange={(e) => setStart(e.currentTarget.value)}
                  error={errors['period.start']}
                />
                <TextInput
                  label={t('baseline.planner.form.periodEnd')}
                  type="date"
                  value={end}
                  onChange={(e) => setEnd(e.currentTarget.value)}
                  error={errors['period.end']}
                />
              </Group>
            </Stack>
          </Fieldset>
        </SimpleGrid>

        <Fieldset legend={t('baseline.planner.weights.title')}>
          <Stack gap="sm">
            <Text size="sm">{t('baseline.planner.weights.help')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {WEIGHTS.map((w) => (
                <TextInput
                  key={w}
                  label={t(`baseline.planner.weights.${w}`)}
                  description={t(`baseline.planner.weights.${w}Help`)}
                  required
                  inputMode="decimal"
                  autoComplete="off"
                  value={weights[w]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setWeights((all) => ({ ...all, [w]: value }));
                  }}
                  error={errors[`weights.${w}`]}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('baseline.planner.funders.title')}>
          <Stack gap="sm">
            <Text size="sm">{t('baseline.planner.funders.help')}</Text>
            {canReadFunding ? (
              <Radio.Group
                label={t('baseline.planner.funders.from')}
                value={fundersFrom}
                onChange={(value) => setFundersFrom(value === 'programme' ? 'programme' : 'list')}
              >
                <Stack gap={4} mt="xs">
                  <Radio value="list" label={t('baseline.planner.funders.fromList')} />
                  <Radio value="programme" label={t('baseline.planner.funders.fromProgramme')} />
                </Stack>
              </Radio.Group>
            ) : null}
            {fundersFrom === 'programme' ? (
              <NativeSelect
                label={t('baseline.planner.funders.programme')}
                description={t('baseline.planner.funders.programmeHelp')}
                required
                value={programmeId}
                onChange={(e) => setProgrammeId(e.currentTarget.value)}
                error={errors.programmeId}
                data={[
                  { value: '', label: t('baseline.planner.funders.chooseProgramme') },
                  ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
                ]}
              />
            ) : (
              <>
                {funders.length === 0 ? <Text>{t('baseline.planner.funders.none')}</Text> : null}
                {funders.length > 0 ? (
                  <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                    {funders.map((f, i) => (
                      <Paper component="li" withBorder p="sm" key={f.key}>
                        <Stack gap="xs">
                          <Text fw={700} id={rowId(f.key, 'title')} tabIndex={-1}>
                            {t('baseline.planner.funders.rank', { rank: i + 1 })}{' '}
                            {f.source === 'preset' ? f.name : f.name.trim() || t('baseline.planner.funders.custom')}
                          </Text>
                          {f.source === 'preset' ? (
                            <List size="sm">
                              {funderRulesText(t, f.rules).map((line) => (
                                <List.Item key={line}>{line}</List.Item>
                              ))}
                            </List>
                          ) : (
                            <CustomFunder
                              row={f}
                              index={i}
                              nameId={rowId(f.key, 'name')}
                              errors={errors}
                              onChange={(patch) => updateRow(f.key, patch)}
                            />
                          )}
                          {errors[`funders.${i}`] ? (
                            <Text size="sm" c="#a51d2d" role="alert">
                              {errors[`funders.${i}`]}
                            </Text>
                          ) : null}
                          <Group gap="xs">
                            <Button
                              size="xs"
                              variant="default"
                              id={rowId(f.key, 'up')}
                              disabled={i === 0}
                              onClick={() => move(i, -1, f.key)}
                            >
                              {t('baseline.planner.funders.up')}
                              <VisuallyHidden> {t('baseline.planner.funders.the', { rank: i + 1 })}</VisuallyHidden>
                            </Button>
                            <Button
                              size="xs"
                              variant="default"
                              id={rowId(f.key, 'down')}
                              disabled={i === funders.length - 1}
                              onClick={() => move(i, 1, f.key)}
                            >
                              {t('baseline.planner.funders.down')}
                              <VisuallyHidden> {t('baseline.planner.funders.the', { rank: i + 1 })}</VisuallyHidden>
                            </Button>
                            <Button size="xs" variant="subtle" color="#a51d2d" onClick={() => remove(i)}>
                              {t('baseline.planner.funders.remove')}
                              <VisuallyHidden> {t('baseline.planner.funders.the', { rank: i + 1 })}</VisuallyHidden>
                            </Button>
                          </Group>
                        </Stack>
                      </Paper>
                    ))}
                  </Stack>
                ) : null}
                <Group gap="sm">
                  {presetList.map((p) => (
                    <Button
                      key={p.key}
                      variant="default"
                      disabled={funders.length >= MAX_FUNDERS}
                      onClick={() => addPreset(p)}
                    >
                      {t('baseline.planner.funders.addPreset', { name: p.funder.name })}
                    </Button>
                  ))}
                  <Button
                    variant="default"
                    id={`${ids}-add-custom`}
                    disabled={funders.length >= MAX_FUNDERS}
                    onClick={addCustom}
                  >
                    {t('baseline.planner.funders.addCustom')}
                  </Button>
                </Group>
                {presetList.length > 0 ? (
                  <Stack gap={2}>
                    {presetList.map((p) => (
                      <Text size="xs" key={p.key}>
                        {t('baseline.planner.funders.presetText', {
                          name: p.funder.name,
                          rules: funderRulesText(t, p.funder.rules).join(' ; '),
                        })}
                      </Text>
                    ))}
                  </Stack>
                ) : null}
              </>
            )}
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={pending}>
            {t('baseline.planner.form.run')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CustomFunder({
  row,
  index,
  nameId,
  errors,
  onChange,
}: {
  row: FunderRow;
  index: number;
  nameId: string;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<FunderRow>) => void;
}) {
  const { t } = useTranslation();
  const rank = index + 1;
  return (
    <Stack gap="xs">
      <TextInput
        id={nameId}
        label={t('baseline.planner.funders.name', { rank })}
        required
        maxLength={200}
        value={row.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        error={errors[`funders.${index}.name`]}
        maw="30rem"
      />
      <Text size="sm">{t('baseline.planner.funders.ratesHelp')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {SPEND_KINDS.map((kind: SpendKind) => (
          <TextInput
            key={kind}
            label={
              <>
                {t('baseline.planner.funders.rate', { kind: t(`baseline.planner.kinds.${kind}`) })}
                <VisuallyHidden> {t('baseline.planner.funders.ofFunder', { rank })}</VisuallyHidden>
              </>
            }
            inputMode="decimal"
            autoComplete="off"
            value={row.rates[kind]}
            onChange={(e) => onChange({ rates: { ...row.rates, [kind]: e.currentTarget.value } })}
            error={errors[`funders.${index}.rules.${kind}`]}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
