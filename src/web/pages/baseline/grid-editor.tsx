import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { useFocusFirstProblem } from '../../components/focus-first-problem.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Panel } from '../../components/panel.tsx';
import { formProblem } from '../../errors.ts';
import { numberForInput, parseDecimal } from '../../format.ts';
import { centsForInput } from '../assets/labels.tsx';
import { SERVICE_KINDS } from '../services/labels.tsx';
import {
  type BaselineGrid,
  type BaselineGridBody,
  baselineChanged,
  type GridRule,
  presetsQuery,
  type RuleKind,
} from './baseline-queries.ts';
import { criterionLabel } from './labels.tsx';
import { KINDS } from './search.ts';

/**
 * The grid editor (admins, `baseline.grid`): labels, weight, required and
 * the thresholds of each criterion, the kinds of school in scope, a note.
 * Saving makes a new version. Numbers are typed as text (French or English
 * decimal mark); what cannot be read is sent as null so that the server
 * names the field, and its 400 lands on the right input
 * (`body.criteria.2.rule.minDownMbps` → that criterion's bandwidth box).
 */

const ROLES = [
  'projection',
  'teacher_computer',
  'pupil_device',
  'desktop',
  'document_camera',
  'network_ap',
  'network_switch',
  'server',
  'printer',
  'cart',
  'hotspot',
  'accessory',
  'other',
] as const;

type FieldType = 'int' | 'number' | 'euros' | 'percent' | 'bool' | 'code' | 'roles' | 'serviceKinds' | 'mode';
const RULE_FIELDS: Record<RuleKind, readonly (readonly [name: string, type: FieldType])[]> = {
  class_device: [
    ['roles', 'roles'],
    ['gapCategory', 'code'],
  ],
  pupil_devices: [
    ['devicesPer4Classes', 'int'],
    ['countOnLoan', 'bool'],
    ['requireCart', 'bool'],
    ['requireMdm', 'bool'],
    ['gapCategory', 'code'],
    ['cartCategory', 'code'],
    ['cartCapacity', 'int'],
    ['mdmCostPerDeviceCents', 'euros'],
  ],
  internet: [
    ['minDownMbps', 'number'],
    ['upgradeCostCents', 'euros'],
  ],
  wifi: [
    ['classesPerAccessPoint', 'number'],
    ['requireSwitchableOff', 'bool'],
    ['gapCategory', 'code'],
    ['switchRetrofitCostCents', 'euros'],
  ],
  service: [
    ['serviceKinds', 'serviceKinds'],
    ['mode', 'mode'],
    ['serverCounts', 'bool'],
    ['fallbackCostCents', 'euros'],
  ],
  training: [
    ['minShareBp', 'percent'],
    ['costPerTeacherCents', 'euros'],
  ],
};

type DraftValue = string | boolean | string[];
interface DraftCriterion {
  key: string;
  labelFr: string;
  labelEn: string;
  weight: string;
  required: boolean;
  kind: RuleKind;
  rule: Record<string, DraftValue>;
}
interface Draft {
  name: string;
  schoolKinds: string[];
  note: string;
  preset: string | null;
  criteria: DraftCriterion[];
}

function draftOf(grid: BaselineGridBody | BaselineGrid): Draft {
  return {
    name: grid.name,
    schoolKinds: [...grid.schoolKinds],
    note: grid.note ?? '',
    preset: grid.preset ?? null,
    criteria: grid.criteria.map((c) => {
      const rule: Record<string, DraftValue> = {};
      const source = c.rule as unknown as Record<string, unknown>;
      for (const [name, type] of RULE_FIELDS[c.rule.kind]) {
        const value = source[name];
        if (type === 'bool') rule[name] = value === true;
        else if (type === 'roles' || type === 'serviceKinds') rule[name] = [...((value as string[]) ?? [])];
        else if (type === 'euros') rule[name] = centsForInput(value as number);
        else if (type === 'percent') rule[name] = numberForInput((value as number) / 100);
        else if (type === 'int' || type === 'number') rule[name] = numberForInput(value as number);
        else rule[name] = String(value ?? '');
      }
      return {
        key: c.key,
        labelFr: c.labelFr,
        labelEn: c.labelEn,
        weight: String(c.weight),
        required: c.required,
        kind: c.rule.kind,
        rule,
      };
    }),
  };
}

/** A number read from the form, or null (the server then names the field). */
function readNumber(text: string, factor = 1): number | null {
  const value = parseDecimal(text);
  return value === null || Number.isNaN(value) ? null : Math.round(value * factor * 1e6) / 1e6;
}

function bodyOf(draft: Draft): BaselineGridBody {
  return {
    name: draft.name,
    schoolKinds: draft.schoolKinds as BaselineGridBody['schoolKinds'],
    note: draft.note,
    preset: draft.preset,
    criteria: draft.criteria.map((c) => {
      const rule: Record<string, unknown> = { kind: c.kind };
      for (const [name, type] of RULE_FIELDS[c.kind]) {
        const value = c.rule[name];
        if (type === 'euros') {
          const euros = readNumber(String(value));
          rule[name] = euros === null ? null : Math.round(euros * 100);
        } else if (type === 'percent') {
          const share = readNumber(String(value));
          rule[name] = share === null ? null : Math.round(share * 100);
        } else if (type === 'int' || type === 'number') rule[name] = readNumber(String(value));
        else rule[name] = value;
      }
      return {
        key: c.key,
        labelFr: c.labelFr,
        labelEn: c.labelEn,
        weight: readNumber(c.weight) as number,
        required: c.required,
        rule: rule as GridRule,
      };
    }),
  };
}

/** Every input's name as the API's error paths give it, without the `body.` prefix. */
function fieldNames(draft: Draft): string[] {
  const names = ['name', 'schoolKinds', 'note', 'criteria'];
  draft.criteria.forEach((c, i) => {
    for (const f of ['key', 'labelFr', 'labelEn', 'weight', 'required', 'rule']) names.push(`criteria.${i}.${f}`);
    for (const [name] of RULE_FIELDS[c.kind]) names.push(`criteria.${i}.rule.${name}`);
  });
  return names;
}

/** `body.criteria.2.rule.roles.0` → `criteria.2.rule.roles`; `body.schoolKinds.1` → `schoolKinds`. */
function gridFieldOf(path: string): string {
  const parts = path.replace(/^body\./, '').split('.');
  const out: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (/^\d+$/.test(part) && out.at(-1) !== 'criteria') break;
    out.push(part);
    if (i > 10) break;
  }
  return out.join('.');
}

export function GridEditor({
  grid,
  onCancel,
  onSaved,
}: {
  grid: BaselineGrid;
  onCancel: () => void;
  onSaved: (saved: BaselineGrid) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const presets = useQuery(presetsQuery);
  const [draft, setDraft] = useState<Draft>(() => draftOf(grid));
  const [restored, setRestored] = useState(false);
  const save = useMutation({
    mutationFn: (body: BaselineGridBody) => unwrap(api.PUT('/api/baseline/grid', { body })),
    onSuccess: async (saved) => {
      await baselineChanged(queryClient);
      onSaved(saved);
    },
  });
  useFocusFirstProblem(form, save.error);
  const problem = save.error ? formProblem(t, save.error, fieldNames(draft), gridFieldOf) : null;
  const fieldError = (name: string) => problem?.fields[name];

  const setCriterion = (index: number, patch: Partial<DraftCriterion>) =>
    setDraft((d) => ({ ...d, criteria: d.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));
  const setRule = (index: number, name: string, value: DraftValue) =>
    setDraft((d) => ({
      ...d,
      criteria: d.criteria.map((c, i) => (i === index ? { ...c, rule: { ...c.rule, [name]: value } } : c)),
    }));

  const restorePreset = () => {
    const preset = presets.data?.find((p) => p.key === 'snee_2021') ?? presets.data?.[0];
    if (!preset) return;
    setDraft(draftOf(preset.grid));
    setRestored(true);
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRestored(false);
    save.mutate(bodyOf(draft));
  };

  return (
    <Panel title={t('baseline.grid.editTitle')}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Text>{t('baseline.grid.editHelp')}</Text>
          <Group>
            <Button variant="default" onClick={restorePreset} disabled={!presets.data}>
              {t('baseline.grid.restorePreset')}
            </Button>
          </Group>
          {restored ? <FormAlert kind="success">{t('baseline.grid.presetRestored')}</FormAlert> : null}
          {problem?.general ? <FormAlert kind="error">{problem.general}</FormAlert> : null}
          <TextInput
            label={t('baseline.grid.name')}
            required
            value={draft.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setDraft((d) => ({ ...d, name }));
            }}
            error={fieldError('name')}
          />
          <Checkbox.Group
            label={t('baseline.grid.schoolKinds')}
            value={draft.schoolKinds}
            onChange={(schoolKinds) => setDraft((d) => ({ ...d, schoolKinds }))}
            error={fieldError('schoolKinds')}
          >
            <Group mt="xs">
              {KINDS.map((k) => (
                <Checkbox key={k} value={k} label={t(`schools.kinds.${k}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            label={t('baseline.grid.note')}
            autosize
            minRows={2}
            value={draft.note}
            onChange={(e) => {
              const note = e.currentTarget.value;
              setDraft((d) => ({ ...d, note }));
            }}
            error={fieldError('note')}
          />
          {fieldError('criteria') ? <FormAlert kind="error">{fieldError('criteria')}</FormAlert> : null}
          {draft.criteria.map((c, i) => (
            <Fieldset
              key={c.key}
              legend={
                <Title order={3} size="h4">
                  {t('baseline.grid.criterionLegend', { n: i + 1, label: criterionLabel(c) })}
                </Title>
              }
            >
              <Stack gap="sm">
                <Text size="sm">
                  {t('baseline.grid.kindLine', { kind: t(`baseline.ruleKinds.${c.kind}`), key: c.key })}
                </Text>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <TextInput
                    label={t('baseline.grid.labelFr')}
                    required
                    value={c.labelFr}
                    onChange={(e) => setCriterion(i, { labelFr: e.currentTarget.value })}
                    error={fieldError(`criteria.${i}.labelFr`)}
                  />
                  <TextInput
                    label={t('baseline.grid.labelEn')}
                    required
                    value={c.labelEn}
                    onChange={(e) => setCriterion(i, { labelEn: e.currentTarget.value })}
                    error={fieldError(`criteria.${i}.labelEn`)}
                  />
                  <TextInput
                    label={t('baseline.grid.weight')}
                    description={t('baseline.grid.weightHelp')}
                    inputMode="numeric"
                    required
                    value={c.weight}
                    onChange={(e) => setCriterion(i, { weight: e.currentTarget.value })}
                    error={fieldError(`criteria.${i}.weight`)}
                  />
                  <Checkbox
                    mt={{ md: 'xl' }}
                    label={t('baseline.grid.requiredLabel')}
                    checked={c.required}
                    onChange={(e) => setCriterion(i, { required: e.currentTarget.checked })}
                    error={fieldError(`criteria.${i}.required`)}
                  />
                </SimpleGrid>
                {fieldError(`criteria.${i}.rule`) ? (
                  <FormAlert kind="error">{fieldError(`criteria.${i}.rule`)}</FormAlert>
                ) : null}
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  {RULE_FIELDS[c.kind].map(([name, type]) => (
                    <RuleField
                      key={name}
                      kind={c.kind}
                      name={name}
                      type={type}
                      value={c.rule[name] ?? ''}
                      onChange={(value) => setRule(i, name, value)}
                      error={fieldError(`criteria.${i}.rule.${name}`)}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            </Fieldset>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('baseline.grid.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}

function RuleField({
  kind,
  name,
  type,
  value,
  onChange,
  error,
}: {
  kind: RuleKind;
  name: string;
  type: FieldType;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const label = t(`baseline.ruleFields.${name}`);
  const description = t(`baseline.ruleHelp.${kind}.${name}`, { defaultValue: '' }) || undefined;
  switch (type) {
    case 'bool':
      return (
        <Checkbox
          label={label}
          description={description}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
        />
      );
    case 'roles':
    case 'serviceKinds': {
      const options = type === 'roles' ? ROLES : SERVICE_KINDS;
      return (
        <Checkbox.Group
          label={label}
          description={description}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          error={error}
          style={{ gridColumn: '1 / -1' }}
        >
          <Group mt="xs" gap="sm">
            {options.map((o) => (
              <Checkbox key={o} value={o} label={t(type === 'roles' ? `assets.roles.${o}` : `services.kind.${o}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    }
    case 'mode':
      return (
        <NativeSelect
          label={label}
          description={description}
          value={String(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          data={[
            { value: 'any', label: t('baseline.grid.modeAny') },
            { value: 'all', label: t('baseline.grid.modeAll') },
          ]}
          error={error}
        />
      );
    default:
      return (
        <TextInput
          label={label}
          description={description}
          required
          inputMode={type === 'code' ? undefined : 'decimal'}
          value={String(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
          rightSection={
            type === 'euros' ? (
              <span aria-hidden="true">€</span>
            ) : type === 'percent' ? (
              <span aria-hidden="true">%</span>
            ) : undefined
          }
          error={error}
        />
      );
  }
}
