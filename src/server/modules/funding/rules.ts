/**
 * Co-funding arithmetic (DOMAIN.md §6), in integer cents, pure.
 *
 * Rates are in basis points (1 bp = 0.01 %: 7869 = 78.69 %), amounts in
 * cents (HT: communes recover VAT). Intermediate products go through BigInt:
 * 10¹² cents × 10⁴ bp exceeds 2⁵³.
 *
 * Rounding rule (documented in the module README):
 *  1. A funder's aid for an operation = its rate rule applied to the
 *     operation's eligible total, rounded DOWN to the cent (never claim a
 *     fraction of a cent that was not granted), then limited by its caps.
 *  2. That aid is spread over the expense lines in proportion to their
 *     eligible amounts by the largest-remainder method: every line first gets
 *     its share rounded down; the cents left go one by one to the lines with
 *     the largest dropped fractions (ties: the line that comes first).
 *     Funders are spread in their order of rank, each within what earlier
 *     funders left on the line, so no line is ever funded above 100 %.
 *  3. The owner (the city) takes the rest of every line.
 * Hence: per funder, the line shares add up exactly to its aid; per line, the
 * shares of all funders and the owner add up exactly to the line.
 */

export type Tier = {
  /** upper bound of the tranche in cents, null = no bound */ upToCents: number | null;
  rateBp: number;
};

export type RateRule =
  | { kind: 'flat'; rateBp: number }
  | {
      kind: 'tiered';
      /**
       * `per_tranche`: each tranche of the amount at its own rate (like income tax);
       * `whole_amount`: the rate of the tranche the total falls in, applied to the whole total.
       */
      mode: 'per_tranche' | 'whole_amount';
      tiers: Tier[];
    };

export type Caps = {
  totalCents?: number | null;
  perClassCents?: number | null;
  perPupilCents?: number | null;
  perSchoolCents?: number | null;
};

export type CapBasis = { classes: number; pupils: number; schools: number };

const BP = 10_000n;

function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer of cents`);
}

/** Problems of a rule, as codes; [] when it is usable. */
export function ruleProblems(rule: RateRule): string[] {
  const problems: string[] = [];
  const rateOk = (bp: number) => Number.isInteger(bp) && bp >= 0 && bp <= 10_000;
  if (rule.kind === 'flat') {
    if (!rateOk(rule.rateBp)) problems.push('rate_out_of_range');
    return problems;
  }
  if (rule.tiers.length === 0) problems.push('no_tiers');
  let previous = 0;
  rule.tiers.forEach((tier, i) => {
    if (!rateOk(tier.rateBp)) problems.push('rate_out_of_range');
    if (tier.upToCents === null) {
      if (i !== rule.tiers.length - 1) problems.push('unbounded_tier_not_last');
    } else {
      if (!Number.isSafeInteger(tier.upToCents) || tier.upToCents <= previous) problems.push('tiers_not_increasing');
      previous = tier.upToCents;
    }
  });
  return [...new Set(problems)];
}

/**
 * The aid a rule grants on an eligible amount, in cents, rounded down.
 * Beyond the last bounded tier nothing more is granted (the amount counts up
 * to that bound), in both modes.
 */
export function aidForAmount(rule: RateRule, amountCents: number): number {
  assertCents(amountCents, 'amount');
  const amount = BigInt(amountCents);
  if (rule.kind === 'flat') return Number((amount * BigInt(rule.rateBp)) / BP);
  const last = rule.tiers[rule.tiers.length - 1];
  if (!last) return 0;
  const ceiling = last.upToCents === null ? null : BigInt(last.upToCents);
  const base = ceiling !== null && amount > ceiling ? ceiling : amount;
  if (rule.mode === 'whole_amount') {
    const tier = rule.tiers.find((t) => t.upToCents === null || base <= BigInt(t.upToCents)) ?? last;
    return Number((base * BigInt(tier.rateBp)) / BP);
  }
  // Per tranche: sum the exact products, round once at the end.
  let lower = 0n;
  let total = 0n;
  for (const tier of rule.tiers) {
    const upper = tier.upToCents === null ? base : BigInt(tier.upToCents);
    const top = upper < base ? upper : base;
    if (top > lower) total += (top - lower) * BigInt(tier.rateBp);
    if (upper >= base) break;
    lower = upper;
  }
  return Number(total / BP);
}

/** The lowest of the caps that apply (null: none). */
export function capFor(caps: Caps, basis: CapBasis): number | null {
  const limits: number[] = [];
  if (caps.totalCents != null) limits.push(caps.totalCents);
  if (caps.perClassCents != null) limits.push(caps.perClassCents * basis.classes);
  if (caps.perPupilCents != null) limits.push(caps.perPupilCents * basis.pupils);
  if (caps.perSchoolCents != null) limits.push(caps.perSchoolCents * basis.schools);
  return limits.length ? Math.min(...limits) : null;
}

/** A funder's aid for an operation: the rule on the eligible total, then the caps. */
export function funderAid(rule: RateRule, caps: Caps, eligibleTotalCents: number, basis: CapBasis): number {
  const aid = aidForAmount(rule, eligibleTotalCents);
  const cap = capFor(caps, basis);
  return cap === null ? aid : Math.min(aid, cap);
}

/**
 * Spreads `totalCents` over lines in proportion to `weights`, each line
 * limited by `room` (what is left on it; unlimited by default), by the
 * largest-remainder method.
 * Throws when the total does not fit in the room.
 */
export function spread(
  totalCents: number,
  weights: readonly number[],
  room: readonly number[] = weights.map(() => Number.MAX_SAFE_INTEGER),
): number[] {
  assertCents(totalCents, 'total');
  if (weights.length === 0 && totalCents > 0) throw new RangeError('no line to spread the amount over');
  const roomLeft = room.reduce((s, r) => s + Math.min(r, totalCents), 0);
  if (totalCents > roomLeft) throw new RangeError('the amount to spread exceeds what the lines can take');
  const weightSum = BigInt(weights.reduce((s, w) => s + w, 0));
  const out = new Array<number>(weights.length).fill(0);
  if (totalCents === 0 || weights.length === 0) return out;
  const total = BigInt(totalCents);
  const remainders: { i: number; rem: bigint }[] = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = weightSum === 0n ? 0n : total * BigInt(weights[i] as number);
    const floor = weightSum === 0n ? 0 : Number(exact / weightSum);
    const share = Math.min(floor, room[i] as number);
    out[i] = share;
    given += share;
    // Lines held back by their room rank after every line that could take its fraction.
    remainders.push({ i, rem: share < floor ? -1n : weightSum === 0n ? 0n : exact % weightSum });
  }
  remainders.sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  let left = totalCents - given;
  // First pass: one cent each to the largest remainders; then fill any room left, in the same order.
  for (const { i } of remainders) {
    if (left === 0) break;
    if ((out[i] as number) < (room[i] as number)) {
      out[i] = (out[i] as number) + 1;
      left--;
    }
  }
  for (const { i } of remainders) {
    if (left === 0) break;
    const take = Math.min(left, (room[i] as number) - (out[i] as number));
    out[i] = (out[i] as number) + take;
    left -= take;
  }
  return out;
}

export type FunderInput = {
  id: string;
  rule: RateRule;
  caps?: Caps;
  /**
   * The lines this funder takes part in (its convention's eligible cost
   * items and window); all lines when absent. Its rule applies to the total
   * of these lines only, and it is spread over them only.
   */
  lineIds?: readonly string[];
};
export type LineInput = { id: string; eligibleCents: number };
export type Allocation = {
  /** Aid per funder, in the funders' order. */
  aid: { funderId: string; cents: number }[];
  /** Per line: the share of each funder and the owner's rest. */
  lines: { lineId: string; eligibleCents: number; shares: Record<string, number>; ownerCents: number }[];
  ownerCents: number;
};

/** Shares of every funder on every line (see the rounding rule at the top). */
export function allocate(lines: readonly LineInput[], funders: readonly FunderInput[], basis: CapBasis): Allocation {
  for (const l of lines) assertCents(l.eligibleCents, `line ${l.id}`);
  const weights = lines.map((l) => l.eligibleCents);
  const total = weights.reduce((s, w) => s + w, 0);
  const room = [...weights];
  const shares = lines.map(() => ({}) as Record<string, number>);
  const aid: Allocation['aid'] = [];
  for (const f of funders) {
    const problems = ruleProblems(f.rule);
    if (problems.length) throw new RangeError(`funder ${f.id}: ${problems.join(', ')}`);
    const only = f.lineIds ? new Set(f.lineIds) : null;
    const inScope = lines.map((l) => only === null || only.has(l.id));
    const funderWeights = only === null ? weights : weights.map((w, i) => (inScope[i] ? w : 0));
    const funderRoom = only === null ? room : room.map((r, i) => (inScope[i] ? r : 0));
    const funderTotal = only === null ? total : funderWeights.reduce((s, w) => s + w, 0);
    const left = funderRoom.reduce((s, r) => s + r, 0);
    // Never above 100 %: a funder gets at most what earlier ones left.
    const cents = Math.min(funderAid(f.rule, f.caps ?? {}, funderTotal, basis), left);
    const parts = spread(cents, funderWeights, funderRoom);
    parts.forEach((p, i) => {
      (shares[i] as Record<string, number>)[f.id] = p;
      room[i] = (room[i] as number) - p;
    });
    aid.push({ funderId: f.id, cents });
  }
  return {
    aid,
    lines: lines.map((l, i) => ({
      lineId: l.id,
      eligibleCents: l.eligibleCents,
      shares: shares[i] as Record<string, number>,
      ownerCents: room[i] as number,
    })),
    ownerCents: room.reduce((s, r) => s + r, 0),
  };
}

/**
 * The owner's own share must be at least `minBp` of the public funding
 * (CGCT L1111-10: 20 % by default; the setting allows derogations).
 */
export function ownShareProblem(ownerCents: number, publicAidCents: number, minBp = 2000): 'own_share_too_low' | null {
  return BigInt(ownerCents) * BP >= BigInt(publicAidCents) * BigInt(minBp) ? null : 'own_share_too_low';
}

/**
 * Advance and instalments together stay within `capBp` of the aid (80 % in
 * the common guides); only the final claim may reach the aid.
 */
export function instalmentProblem(
  kind: 'advance' | 'instalment' | 'final',
  aidCents: number,
  alreadyClaimedCents: number,
  requestedCents: number,
  capBp = 8000,
): 'instalment_cap_exceeded' | 'aid_exceeded' | null {
  const after = alreadyClaimedCents + requestedCents;
  if (after > aidCents) return 'aid_exceeded';
  if (kind === 'final') return null;
  return BigInt(after) * BP <= BigInt(aidCents) * BigInt(capBp) ? null : 'instalment_cap_exceeded';
}
