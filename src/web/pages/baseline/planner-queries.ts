import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

/**
 * Types, queries and pure helpers of the budget planner (/baseline/planner):
 * the form's state as the API's input, and the API's error paths as the
 * form's field names.
 */

export type PlanInput = Schemas['BaselinePlanParamsInput'];
export type PlanPreview = Schemas['BaselinePlanPreview'];
export type PlanResult = PlanPreview['result'];
export type PlanChoice = PlanResult['choices'][number];
export type PlanTotals = PlanResult['totals'];
export type PlanItem = PlanChoice['items'][number];
export type PlanSummary = Schemas['BaselinePlanSummary'];
export type SavedPlan = Schemas['BaselinePlan'];
export type FundingPreset = Schemas['BaselineFundingPreset'];
export type PlanFunder = PlanInput['funders'][number];
export type PlanRateRule = NonNullable<PlanFunder['rules']['equipment']>;
export type Decision = PlanChoice['decision'];
export type Basis = PlanInput['budgetBasis'];
export type Objective = PlanInput['objective'];

export const SPEND_KINDS = ['equipment', 'service', 'works', 'training'] as const;
export type SpendKind = (typeof SPEND_KINDS)[number];

export const WEIGHTS = ['repPlus', 'rep', 'lowIps', 'lowDevices', 'oldEquipment'] as const;
export type WeightKey = (typeof WEIGHTS)[number];

export const DECISIONS = [
  'selected',
  'over_budget',
  'already_at_socle',
  'gap_not_priced',
  'nothing_to_gain',
] as const satisfies readonly Decision[];

/** The API's ceiling for a budget: one billion euros. */
export const MAX_BUDGET_CENTS = 1_000_000_000_00;
/** At most this many funders stack on a plan (the API's limit). */
export const MAX_FUNDERS = 6;
/** Scenarios compared side by side at most. */
export const MAX_COMPARED = 3;

export const presetsQuery = queryOptions({
  queryKey: ['baseline', 'plans', 'presets'],
  queryFn: () => unwrap(api.GET('/api/baseline/plans/presets')),
  staleTime: Number.POSITIVE_INFINITY,
});

export const plansQuery = queryOptions({
  queryKey: ['baseline', 'plans', 'list'],
  queryFn: () => unwrap(api.GET('/api/baseline/plans')),
});

/** The criteria's names, for the items of a school. */
export const plannerGridQuery = queryOptions({
  queryKey: ['baseline', 'grid'],
  queryFn: () => unwrap(api.GET('/api/baseline/grid')),
  staleTime: 60_000,
});

/** One funder of the form: a preset (rules shown, not edited) or a custom one (a flat rate per kind). */
export interface FunderRow {
  /** Stable React key. */
  readonly key: number;
  readonly source: 'preset' | 'custom';
  readonly presetKey?: string;
  readonly name: string;
  /** Preset rules (source `preset`). */
  readonly rules: PlanFunder['rules'];
  readonly caps?: PlanFunder['caps'];
  /** Typed percentages per kind (source `custom`), blank when the funder pays nothing on that kind. */
  readonly rates: Record<SpendKind, string>;
}

export const NO_RATES: Record<SpendKind, string> = { equipment: '', service: '', works: '', training: '' };

/** Moves row `index` by `delta` places (−1 up, +1 down); unchanged at the ends. */
export function moveRow<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) return [...list];
  const out = [...list];
  const [row] = out.splice(index, 1);
  out.splice(target, 0, row as T);
  return out;
}

/**
 * The form field an error path names: `body.weights.rep` → `weights.rep`,
 * `body.funders.0.rules.equipment.rateBp` → `funders.0.rules.equipment`
 * (a custom funder's rate field) or `funders.0` (the funder's row),
 * `body.period.end` → `period.end`.
 */
export function plannerFieldOf(path: string, customRows: ReadonlySet<number>): string {
  const parts = path.replace(/^(body|query|params)\./, '').split('.');
  const [head, second, third, fourth] = parts;
  if (head === 'funders' && second !== undefined && /^\d+$/.test(second)) {
    if (third === 'rules' && fourth && customRows.has(Number(second))) return `funders.${second}.rules.${fourth}`;
    return `funders.${second}`;
  }
  if ((head === 'weights' || head === 'period') && second) return `${head}.${second}`;
  return head ?? path;
}

/** A scenario's input, read back from a saved plan (the API stores it as it was sent). */
export function inputOf(plan: { input: unknown }): Partial<PlanInput> {
  return plan.input && typeof plan.input === 'object' ? (plan.input as Partial<PlanInput>) : {};
}
