import {
  aidForAmount,
  type CapBasis,
  type Caps,
  capFor,
  type RateRule,
  ruleProblems,
  spread,
} from '../funding/rules.ts';

/**
 * The budget planner of the socle numérique (issue #7 point 4; DOMAIN.md §3):
 * given every school's gap to the socle, priced, and a budget, which schools
 * to bring to the socle first. Pure and deterministic: the same schools (in
 * any order) and parameters give the same result. Money in integer cents,
 * rates in basis points, aid rounded down (the rules of `funding/rules.ts`).
 *
 * 1. Candidates. A school is a candidate when it is not at the socle, its gap
 *    is complete (everything in it can be priced and bought) and funding the
 *    gap gains something: gap total > 0 and benefit > 0. Otherwise its
 *    decision is `already_at_socle`, `gap_not_priced` or `nothing_to_gain`
 *    (checked in that order). Funding a school's whole gap brings all its
 *    classes to the socle, so the benefit is `classes − classesAtSocle`
 *    (objective `classes`) or the pupils of those classes,
 *    `round(pupils × (classes − classesAtSocle) / classes)` (objective
 *    `pupils`: pupils are assumed spread evenly over the classes).
 * 2. Digital-divide priority. Factors in [0, 1], normalised over the
 *    candidates: `repPlus` 1 for REP+, `rep` 1 for REP; `lowIps` =
 *    (max − ips) / (max − min) (0 when unknown or all equal); `lowDevices` =
 *    (max − devicesPerPupil) / (max − min) (1 when unknown: no devices known;
 *    0 when all equal); `oldEquipment` = (age − min) / (max − min) (0 when
 *    unknown or all equal). Each is multiplied by its weight (0..5) and
 *    `multiplier = 1 + Σ weighted factors`. Non-candidates get the same
 *    breakdown, clamped to [0, 1], for information only.
 * 3. Cost in the budget basis. `total`: the gap total. `own_share`: what the
 *    city pays once the funders have paid their part (`fundingOf`). With
 *    tiers and caps the own share of a school depends on what else is
 *    selected, so the selection test (4) uses the own share of the whole
 *    selection; the RANKING uses the own share of the school funded alone
 *    (the marginal own share against an empty selection) — a fixed order,
 *    explainable school by school.
 * 4. Greedy. Candidates are ranked by `benefit × multiplier / cost in the
 *    basis` (a school costing nothing in the basis first; ties: higher
 *    benefit, then UAI, then id), then scanned in that order: a school is
 *    selected when the basis amount of the selection WITH it (spend, or own
 *    share of the whole selection) stays ≤ the budget, otherwise it is
 *    `over_budget` and the scan goes on (a smaller school may still fit).
 * 5. Totals and funding are those of the final selection.
 *
 * Funding (`fundingOf`): funders stack in rank order (the array order). For
 * each funder and each kind, its rule for that kind on the kind's total
 * (`aidForAmount`, rounded down), limited to what earlier funders left on
 * that kind; summed over kinds, then limited by its caps (`capFor`, with the
 * classes, pupils and number of the selected schools — all their classes in
 * scope and pupils, not only the ones gained), then spread back over the
 * kinds (largest remainder, `spread`) so the next funder sees what is left
 * on each kind. Hence no kind is ever funded above 100 %, and aid ≤ spend.
 */

export type ItemKind = 'equipment' | 'service' | 'works' | 'training';
export const ITEM_KINDS: readonly ItemKind[] = ['equipment', 'service', 'works', 'training'];

export interface PlanGapItem {
  criterionKey: string;
  classId: string | null;
  label: string;
  kind: ItemKind;
  categoryCode: string | null;
  quantity: number;
  unitCents: number;
  installCents: number;
  totalCents: number;
}

export interface PlanSchool {
  id: string;
  uai: string;
  name: string;
  priorityEducation: 'none' | 'REP' | 'REP+';
  /** indice de position sociale (lower = more disadvantaged) */
  ips: number | null;
  /** pupils of the school (in scope) */
  pupils: number;
  /** classes in scope of the grid */
  classes: number;
  /** classes already at the socle now */
  classesAtSocle: number;
  /** the whole school already reaches the socle */
  atSocle: boolean;
  devicesPerPupil: number | null;
  /** average age of the class equipment */
  equipmentAgeYears: number | null;
  /** everything to buy/do so that every class of the school reaches the socle */
  gap: PlanGapItem[];
  /** false when part of the gap cannot be priced or bought (then funding it does not guarantee the socle) */
  gapComplete: boolean;
}

/** A funder; the array order is the rank (earlier funders pay first). */
export interface PlanFunder {
  name: string;
  rules: Partial<Record<ItemKind, RateRule>>;
  caps?: Caps;
}

/** Each weight in 0..5. */
export interface PlanWeights {
  repPlus: number;
  rep: number;
  lowIps: number;
  lowDevices: number;
  oldEquipment: number;
}

export interface PlanParams {
  budgetCents: number;
  budgetBasis: 'total' | 'own_share';
  objective: 'classes' | 'pupils';
  weights: PlanWeights;
  funders: PlanFunder[];
  period?: { start: string; end: string } | null;
}

export type PlanDecision = 'selected' | 'over_budget' | 'already_at_socle' | 'gap_not_priced' | 'nothing_to_gain';

export interface PlanChoice {
  schoolId: string;
  uai: string;
  name: string;
  /** 1-based order in the ranking (candidates first, then the others by UAI) */
  rank: number;
  decision: PlanDecision;
  /** classes or pupils gained (the objective) */
  benefit: number;
  /** each weight × normalised factor in [0,1], the score breakdown */
  factors: PlanWeights;
  /** 1 + sum of factors */
  multiplier: number;
  /** gap total */
  costCents: number;
  /** the cost in the budget basis used for the ranking: the gap total, or the own share of the school funded alone */
  basisCostCents: number;
  /**
   * What selecting the school added to the budget used (selected schools
   * only, null otherwise). In the own-share basis it may differ from
   * `basisCostCents` (tiers, caps), even be negative (a per-school cap grows).
   */
  addedCents: number | null;
  /**
   * benefit × multiplier per 1,000 € of cost in the budget basis. A school
   * costing nothing in the basis is scored as if it cost one cent (it ranks
   * first; the number stays finite for JSON).
   */
  scorePerThousandEuros: number;
  items: PlanGapItem[];
}

export interface PlanResult {
  params: PlanParams;
  /** all schools, selected first in selection order, then the others by rank */
  choices: PlanChoice[];
  totals: {
    spendCents: number;
    aid: { name: string; cents: number }[];
    aidCents: number;
    ownShareCents: number;
    /** in the budget basis */
    budgetUsedCents: number;
    budgetLeftCents: number;
    /** classes newly at the socle */
    classesReached: number;
    /** pupils of those classes */
    pupilsReached: number;
    schoolsSelected: number;
    /** schools not at the socle and not selected (over budget, gap not priced, nothing to gain) */
    schoolsLeftOut: number;
    /** classes below the socle in those schools */
    classesLeftOut: number;
    /** candidates left out for lack of budget */
    schoolsOverBudget: number;
    byKind: Record<ItemKind, number>;
  };
}

export interface Funding {
  aid: { name: string; cents: number }[];
  aidCents: number;
  ownShareCents: number;
}

const zeroKinds = (): Record<ItemKind, number> => ({ equipment: 0, service: 0, works: 0, training: 0 });

/** Aid of stacked funders on the spend by kind (see the header comment). */
export function fundingOf(
  totalsByKind: Record<ItemKind, number>,
  funders: readonly PlanFunder[],
  basis: CapBasis,
): Funding {
  const room = ITEM_KINDS.map((k) => totalsByKind[k]);
  for (const [i, r] of room.entries())
    if (!Number.isSafeInteger(r) || r < 0)
      throw new RangeError(`the ${ITEM_KINDS[i]} total must be a non-negative integer of cents`);
  const spend = room.reduce((s, r) => s + r, 0);
  const aid: Funding['aid'] = [];
  for (const f of funders) {
    const raw = ITEM_KINDS.map((k, i) => {
      const rule = f.rules[k];
      if (!rule) return 0;
      const problems = ruleProblems(rule);
      if (problems.length) throw new RangeError(`funder ${f.name}, ${k}: ${problems.join(', ')}`);
      // Never above 100 % of a kind: at most what earlier funders left on it.
      return Math.min(aidForAmount(rule, totalsByKind[k]), room[i] as number);
    });
    const sum = raw.reduce((s, a) => s + a, 0);
    const cap = f.caps ? capFor(f.caps, basis) : null;
    const cents = cap === null ? sum : Math.max(0, Math.min(sum, cap));
    spread(cents, raw, room).forEach((part, i) => {
      room[i] = (room[i] as number) - part;
    });
    aid.push({ name: f.name, cents });
  }
  const aidCents = aid.reduce((s, a) => s + a.cents, 0);
  return { aid, aidCents, ownShareCents: spend - aidCents };
}

type Candidate = {
  school: PlanSchool;
  decision: Exclude<PlanDecision, 'selected' | 'over_budget'> | null;
  gained: number;
  pupilsGained: number;
  benefit: number;
  byKind: Record<ItemKind, number>;
  costCents: number;
  factors: PlanWeights;
  multiplier: number;
  basisCostCents: number;
  /** benefit × multiplier per cent of basis cost (Infinity when free) */
  sortKey: number;
};

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rangeOf(values: readonly (number | null)[]): { min: number; max: number } | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length ? { min: Math.min(...known), max: Math.max(...known) } : null;
}

function assertParams(params: PlanParams): void {
  if (!Number.isSafeInteger(params.budgetCents) || params.budgetCents < 0)
    throw new RangeError('the budget must be a non-negative integer of cents');
  for (const [k, w] of Object.entries(params.weights))
    if (!Number.isFinite(w) || w < 0 || w > 5) throw new RangeError(`weight ${k} must be between 0 and 5`);
}

const basisOf = (schools: readonly PlanSchool[]): CapBasis => ({
  classes: schools.reduce((s, x) => s + x.classes, 0),
  pupils: schools.reduce((s, x) => s + x.pupils, 0),
  schools: schools.length,
});

export function plan(schools: readonly PlanSchool[], params: PlanParams): PlanResult {
  assertParams(params);
  const funders = params.funders;

  // 1. Candidates and benefits.
  const rows = schools.map((school) => {
    const byKind = zeroKinds();
    for (const item of school.gap) byKind[item.kind] += item.totalCents;
    const costCents = ITEM_KINDS.reduce((s, k) => s + byKind[k], 0);
    const gained = Math.max(0, school.classes - school.classesAtSocle);
    const pupilsGained = school.classes > 0 ? Math.round((school.pupils * gained) / school.classes) : 0;
    const benefit = params.objective === 'classes' ? gained : pupilsGained;
    const decision: Candidate['decision'] = school.atSocle
      ? 'already_at_socle'
      : !school.gapComplete
        ? 'gap_not_priced'
        : costCents <= 0 || benefit <= 0
          ? 'nothing_to_gain'
          : null;
    return { school, decision, gained, pupilsGained, benefit, byKind, costCents };
  });

  // 2. Priority factors, normalised over the candidates.
  const inRanking = rows.filter((r) => r.decision === null).map((r) => r.school);
  const ips = rangeOf(inRanking.map((s) => s.ips));
  const dpp = rangeOf(inRanking.map((s) => s.devicesPerPupil));
  const age = rangeOf(inRanking.map((s) => s.equipmentAgeYears));
  const w = params.weights;
  const factorsOf = (s: PlanSchool): PlanWeights => {
    const lowIps = s.ips === null || !ips || ips.max === ips.min ? 0 : clamp01((ips.max - s.ips) / (ips.max - ips.min));
    const lowDevices =
      s.devicesPerPupil === null
        ? 1
        : !dpp || dpp.max === dpp.min
          ? 0
          : clamp01((dpp.max - s.devicesPerPupil) / (dpp.max - dpp.min));
    const oldEquipment =
      s.equipmentAgeYears === null || !age || age.max === age.min
        ? 0
        : clamp01((s.equipmentAgeYears - age.min) / (age.max - age.min));
    return {
      repPlus: w.repPlus * (s.priorityEducation === 'REP+' ? 1 : 0),
      rep: w.rep * (s.priorityEducation === 'REP' ? 1 : 0),
      lowIps: w.lowIps * lowIps,
      lowDevices: w.lowDevices * lowDevices,
      oldEquipment: w.oldEquipment * oldEquipment,
    };
  };

  // 3. Cost in the basis, for the ranking.
  const candidates: Candidate[] = rows.map((r) => {
    const factors = factorsOf(r.school);
    const multiplier = 1 + factors.repPlus + factors.rep + factors.lowIps + factors.lowDevices + factors.oldEquipment;
    const basisCostCents =
      r.decision !== null || params.budgetBasis === 'total'
        ? r.costCents
        : fundingOf(r.byKind, funders, basisOf([r.school])).ownShareCents;
    const value = r.benefit * multiplier;
    const sortKey = r.decision !== null ? 0 : basisCostCents > 0 ? value / basisCostCents : Number.POSITIVE_INFINITY;
    return { ...r, factors, multiplier, basisCostCents, sortKey };
  });

  // 4. Ranking, then the greedy scan.
  const ranked = [...candidates].sort((a, b) => {
    const inA = a.decision === null;
    const inB = b.decision === null;
    if (inA !== inB) return inA ? -1 : 1;
    if (inA && a.sortKey !== b.sortKey) return a.sortKey > b.sortKey ? -1 : 1;
    if (inA && a.benefit !== b.benefit) return b.benefit - a.benefit;
    return compareText(a.school.uai, b.school.uai) || compareText(a.school.id, b.school.id);
  });

  const selected: Candidate[] = [];
  const added = new Map<Candidate, number>();
  const spendByKind = zeroKinds();
  let used = 0;
  for (const c of ranked) {
    if (c.decision !== null) continue;
    const tryKinds = zeroKinds();
    for (const k of ITEM_KINDS) tryKinds[k] = spendByKind[k] + c.byKind[k];
    const withIt =
      params.budgetBasis === 'total'
        ? used + c.costCents
        : fundingOf(tryKinds, funders, basisOf([...selected.map((s) => s.school), c.school])).ownShareCents;
    if (withIt > params.budgetCents) continue;
    added.set(c, withIt - used);
    used = withIt;
    selected.push(c);
    Object.assign(spendByKind, tryKinds);
  }

  // 5. Choices and totals.
  const choiceOf = (c: Candidate, rank: number): PlanChoice => {
    const isSelected = added.has(c);
    return {
      schoolId: c.school.id,
      uai: c.school.uai,
      name: c.school.name,
      rank,
      decision: isSelected ? 'selected' : (c.decision ?? 'over_budget'),
      benefit: c.benefit,
      factors: c.factors,
      multiplier: c.multiplier,
      costCents: c.costCents,
      basisCostCents: c.basisCostCents,
      addedCents: isSelected ? (added.get(c) as number) : null,
      scorePerThousandEuros:
        c.decision !== null ? 0 : (c.benefit * c.multiplier * 100_000) / Math.max(1, c.basisCostCents),
      items: c.school.gap,
    };
  };
  const all = ranked.map((c, i) => choiceOf(c, i + 1));
  const choices = [...all.filter((c) => c.decision === 'selected'), ...all.filter((c) => c.decision !== 'selected')];

  const funding = fundingOf(spendByKind, funders, basisOf(selected.map((s) => s.school)));
  const spendCents = ITEM_KINDS.reduce((s, k) => s + spendByKind[k], 0);
  const budgetUsedCents = params.budgetBasis === 'total' ? spendCents : funding.ownShareCents;
  const leftOut = candidates.filter((c) => !c.school.atSocle && !added.has(c));
  return {
    params,
    choices,
    totals: {
      spendCents,
      aid: funding.aid,
      aidCents: funding.aidCents,
      ownShareCents: funding.ownShareCents,
      budgetUsedCents,
      budgetLeftCents: params.budgetCents - budgetUsedCents,
      classesReached: selected.reduce((s, c) => s + c.gained, 0),
      pupilsReached: selected.reduce((s, c) => s + c.pupilsGained, 0),
      schoolsSelected: selected.length,
      schoolsLeftOut: leftOut.length,
      classesLeftOut: leftOut.reduce((s, c) => s + c.gained, 0),
      schoolsOverBudget: leftOut.filter((c) => c.decision === null).length,
      byKind: spendByKind,
    },
  };
}
