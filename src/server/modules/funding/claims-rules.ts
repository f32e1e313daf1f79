import { instalmentProblem } from './rules.ts';

/**
 * Payment claims to one funder (one convention), pure: which expense lines
 * can be claimed, and the arithmetic of advance, instalments and final
 * claim, in integer cents (DOMAIN.md §6). The service loads the state under
 * a lock on the convention row, asks `planClaim` / `planLines` /
 * `planCheck`, and writes what they answer; the property tests
 * (`claims-rules.test.ts`) drive the same functions over random sequences.
 *
 * - A line is **claimable** to a funder when it is eligible or partly
 *   eligible, paid, invoiced within the convention's eligibility window and
 *   the claim's period, of one of the convention's cost items (none listed:
 *   all), has a positive share for this funder, and is in no other claim to
 *   this funder. The claimed aid of a line = the funder's share of it.
 * - **Cap**: the advance and the instalments together (their claimed
 *   amounts, or the accepted ones once checked) stay within
 *   floor(aid × instalment_cap_bp / 10 000) — 80 % by default.
 * - **Final claim** (solde), the reconciliation: the expenses justified over
 *   the whole operation (the aid of the instalments' lines, accepted ones
 *   once checked, plus the final claim's lines) give the aid due,
 *   min(aid, justified). The advance and instalments already claimed are
 *   netted from it: balance = due − (advance + instalments). The final claim
 *   asks for max(0, balance); a negative balance is what the owner must pay
 *   back (the advance was not justified by expenses). Hence the total
 *   claimed never exceeds the aid.
 */

export type ClaimKind = 'advance' | 'instalment' | 'final';
export type ClaimStatus = 'draft' | 'submitted' | 'checked' | 'paid';

export interface CandidateLine {
  readonly id: string;
  readonly costItemId: string;
  readonly costItemPosition: number;
  readonly costItemCode: string;
  readonly invoiceDate: string;
  readonly invoiceNumber: string;
  readonly eligibility: 'eligible' | 'partly' | 'not_eligible';
  readonly eligibleCents: number;
  readonly paidOn: string | null;
  /** This funder's (stored) share of the line. */
  readonly shareCents: number;
}

export interface ConventionScope {
  readonly eligibleFrom: string | null;
  readonly eligibleTo: string | null;
  /** null or empty: every cost item. */
  readonly eligibleCostItemIds: readonly string[] | null;
}

export interface Period {
  readonly from: string | null;
  readonly to: string | null;
}

export interface ClaimLineAmounts {
  readonly lineId: string;
  readonly eligibleCents: number;
  readonly aidCents: number;
  readonly acceptedCents: number | null;
}

export interface ExistingClaim {
  readonly id: string;
  readonly kind: ClaimKind;
  readonly status: ClaimStatus;
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly claimedCents: number;
  readonly acceptedCents: number | null;
  readonly lines: readonly ClaimLineAmounts[];
}

export interface ClaimState {
  /** The funder's aid for the operation (sum of its line shares). */
  readonly aidCents: number;
  readonly instalmentCapBp: number;
  readonly convention: ConventionScope;
  readonly lines: readonly CandidateLine[];
  /** Every claim of this convention. */
  readonly claims: readonly ExistingClaim[];
}

export type NotClaimableReason =
  | 'unknown_line'
  | 'not_eligible'
  | 'not_paid'
  | 'outside_window'
  | 'outside_period'
  | 'cost_item_not_covered'
  | 'no_share';

export type PlanError =
  | { readonly code: 'CLAIM_LINE_TAKEN'; readonly lineId: string; readonly claimId: string }
  | {
      readonly code: 'CLAIM_LINE_NOT_CLAIMABLE';
      readonly lineId: string | null;
      readonly reason: NotClaimableReason | 'none';
    }
  | {
      readonly code: 'CLAIM_CAP_EXCEEDED';
      readonly capCents: number;
      readonly usedCents: number;
      readonly requestedCents: number;
    }
  | {
      readonly code: 'CLAIM_INVALID_STATE';
      readonly reason:
        | 'advance_exists'
        | 'final_exists'
        | 'drafts_open'
        | 'not_draft'
        | 'not_submitted'
        | 'no_lines_on_advance';
    }
  | { readonly code: 'VALIDATION_FAILED'; readonly path: string; readonly reason: string };

export interface Reconciliation {
  readonly aidCents: number;
  /** Aid of the expense lines justified over the operation (instalments and this final claim). */
  readonly justifiedCents: number;
  /** min(aid, justified). */
  readonly dueCents: number;
  /** Advance and instalments already claimed (accepted amounts once checked). */
  readonly earlierCents: number;
  /** due − earlier; negative: to be paid back. */
  readonly balanceCents: number;
}

export interface ClaimPlan {
  readonly lines: readonly (ClaimLineAmounts & { readonly position: number })[];
  readonly eligibleCents: number;
  readonly claimedCents: number;
  readonly reconciliation: Reconciliation | null;
}

export type Planned<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PlanError };

const ok = <T>(value: T): Planned<T> => ({ ok: true, value });
const fail = <T>(error: PlanError): Planned<T> => ({ ok: false, error });
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Statement order: cost item position, code, invoice date, invoice number, id. */
export function compareStatement(a: CandidateLine, b: CandidateLine): number {
  return (
    a.costItemPosition - b.costItemPosition ||
    cmp(a.costItemCode, b.costItemCode) ||
    cmp(a.invoiceDate, b.invoiceDate) ||
    cmp(a.invoiceNumber, b.invoiceNumber) ||
    cmp(a.id, b.id)
  );
}

/** Code-point order, the same as PostgreSQL's "C" collation and the ids' text order. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Why a line cannot be claimed to this funder in this period (null: it can), ignoring other claims. */
export function notClaimableReason(
  line: CandidateLine,
  convention: ConventionScope,
  period: Period,
): NotClaimableReason | null {
  if (line.eligibility === 'not_eligible' || line.eligibleCents <= 0) return 'not_eligible';
  const items = convention.eligibleCostItemIds?.length ? convention.eligibleCostItemIds : null;
  if (items && !items.includes(line.costItemId)) return 'cost_item_not_covered';
  if (
    (convention.eligibleFrom !== null && line.invoiceDate < convention.eligibleFrom) ||
    (convention.eligibleTo !== null && line.invoiceDate > convention.eligibleTo)
  )
    return 'outside_window';
  if ((period.from !== null && line.invoiceDate < period.from) || (period.to !== null && line.invoiceDate > period.to))
    return 'outside_period';
  if (line.paidOn === null) return 'not_paid';
  if (line.shareCents <= 0) return 'no_share';
  return null;
}

/** Line id → the claim (of this convention) it is in. */
export function takenLines(claims: readonly ExistingClaim[], exceptClaimId?: string): Map<string, string> {
  const taken = new Map<string, string>();
  for (const c of claims) if (c.id !== exceptClaimId) for (const l of c.lines) taken.set(l.lineId, c.id);
  return taken;
}

/** Every claimable line not yet claimed to this funder, in statement order. */
export function claimableLines(state: ClaimState, period: Period, exceptClaimId?: string): CandidateLine[] {
  const taken = takenLines(state.claims, exceptClaimId);
  return state.lines
    .filter((l) => !taken.has(l.id) && notClaimableReason(l, state.convention, period) === null)
    .sort(compareStatement);
}

/** floor(aid × cap / 10 000), through BigInt. */
export function instalmentCapCents(aidCents: number, capBp: number): number {
  return Number((BigInt(aidCents) * BigInt(capBp)) / 10_000n);
}

/** What a claim counts for: its accepted amount once checked, its claimed amount before. */
export function countedCents(c: Pick<ExistingClaim, 'status' | 'claimedCents' | 'acceptedCents'>): number {
  return (c.status === 'checked' || c.status === 'paid') && c.acceptedCents !== null ? c.acceptedCents : c.claimedCents;
}

/** Advance and instalments together (every state, drafts included), but one claim. */
export function advanceAndInstalmentsCents(claims: readonly ExistingClaim[], exceptClaimId?: string): number {
  return sum(claims.filter((c) => c.kind !== 'final' && c.id !== exceptClaimId).map(countedCents));
}

/** The aid of a claim line as it counts: accepted once its claim is checked. */
const lineCounted = (status: ClaimStatus, l: ClaimLineAmounts) =>
  (status === 'checked' || status === 'paid') && l.acceptedCents !== null ? l.acceptedCents : l.aidCents;

/** The final claim's reconciliation, for these line amounts of its own. */
export function reconcile(
  state: Pick<ClaimState, 'aidCents' | 'claims'>,
  finalClaimId: string | null,
  finalLineCents: readonly number[],
): Reconciliation {
  const others = state.claims.filter((c) => c.id !== finalClaimId && c.kind !== 'final');
  const justifiedCents =
    sum(others.filter((c) => c.kind === 'instalment').flatMap((c) => c.lines.map((l) => lineCounted(c.status, l)))) +
    sum(finalLineCents);
  const dueCents = Math.min(state.aidCents, justifiedCents);
  const earlierCents = sum(others.map(countedCents));
  return { aidCents: state.aidCents, justifiedCents, dueCents, earlierCents, balanceCents: dueCents - earlierCents };
}

function amountsOf(
  state: ClaimState,
  kind: ClaimKind,
  claimId: string | null,
  lines: readonly CandidateLine[],
  advanceCents: number,
): Planned<ClaimPlan> {
  const planned = [...lines].sort(compareStatement).map((l, i) => ({
    lineId: l.id,
    eligibleCents: l.eligibleCents,
    aidCents: l.shareCents,
    acceptedCents: null,
    position: i + 1,
  }));
  const eligibleCents = sum(planned.map((l) => l.eligibleCents));
  if (kind === 'final') {
    const reconciliation = reconcile(
      state,
      claimId,
      planned.map((l) => l.aidCents),
    );
    return ok({
      lines: planned,
      eligibleCents,
      claimedCents: Math.max(0, reconciliation.balanceCents),
      reconciliation,
    });
  }
  const requestedCents = kind === 'advance' ? advanceCents : sum(planned.map((l) => l.aidCents));
  const usedCents = advanceAndInstalmentsCents(state.claims, claimId ?? undefined);
  if (instalmentProblem(kind, state.aidCents, usedCents, requestedCents, state.instalmentCapBp) !== null) {
    return fail({
      code: 'CLAIM_CAP_EXCEEDED',
      capCents: instalmentCapCents(state.aidCents, state.instalmentCapBp),
      usedCents,
      requestedCents,
    });
  }
  return ok({ lines: planned, eligibleCents, claimedCents: requestedCents, reconciliation: null });
}

/** Checks picked lines: known, not in another claim to this funder, claimable. */
function pickLines(
  state: ClaimState,
  ids: readonly string[],
  period: Period,
  exceptClaimId: string | null,
): Planned<CandidateLine[]> {
  const byId = new Map(state.lines.map((l) => [l.id, l]));
  const taken = takenLines(state.claims, exceptClaimId ?? undefined);
  const picked: CandidateLine[] = [];
  for (const id of new Set(ids)) {
    const line = byId.get(id);
    if (!line) return fail({ code: 'CLAIM_LINE_NOT_CLAIMABLE', lineId: id, reason: 'unknown_line' });
    const claimId = taken.get(id);
    if (claimId !== undefined) return fail({ code: 'CLAIM_LINE_TAKEN', lineId: id, claimId });
    const reason = notClaimableReason(line, state.convention, period);
    if (reason) return fail({ code: 'CLAIM_LINE_NOT_CLAIMABLE', lineId: id, reason });
    picked.push(line);
  }
  return ok(picked);
}

export interface ClaimRequest {
  readonly kind: ClaimKind;
  readonly period: Period;
  /** Absent: every claimable line (instalment, final). */
  readonly lineIds?: readonly string[] | undefined;
  /** The advance asked for (advance only). */
  readonly advanceCents?: number | undefined;
}

/** A new claim: its lines, positions and amounts, or why not. */
export function planClaim(state: ClaimState, request: ClaimRequest): Planned<ClaimPlan> {
  const { kind, period } = request;
  if (period.from !== null && period.to !== null && period.to < period.from)
    return fail({ code: 'VALIDATION_FAILED', path: 'body.periodTo', reason: 'period_end_before_start' });
  if (state.claims.some((c) => c.kind === 'final'))
    return fail({ code: 'CLAIM_INVALID_STATE', reason: 'final_exists' });
  if (kind === 'advance') {
    if (state.claims.some((c) => c.kind === 'advance'))
      return fail({ code: 'CLAIM_INVALID_STATE', reason: 'advance_exists' });
    if (request.lineIds?.length) return fail({ code: 'CLAIM_INVALID_STATE', reason: 'no_lines_on_advance' });
    const advanceCents = request.advanceCents ?? 0;
    if (!Number.isSafeInteger(advanceCents) || advanceCents <= 0)
      return fail({ code: 'VALIDATION_FAILED', path: 'body.advanceCents', reason: 'advance_required' });
    return amountsOf(state, kind, null, [], advanceCents);
  }
  if (request.advanceCents !== undefined)
    return fail({ code: 'VALIDATION_FAILED', path: 'body.advanceCents', reason: 'advance_only' });
  // The final claim closes the convention's claims: nothing may still be in draft.
  if (kind === 'final' && state.claims.some((c) => c.status === 'draft'))
    return fail({ code: 'CLAIM_INVALID_STATE', reason: 'drafts_open' });
  let lines: CandidateLine[];
  if (request.lineIds === undefined) {
    lines = claimableLines(state, period);
    if (kind === 'instalment' && lines.length === 0)
      return fail({ code: 'CLAIM_LINE_NOT_CLAIMABLE', lineId: null, reason: 'none' });
  } else {
    const picked = pickLines(state, request.lineIds, period, null);
    if (!picked.ok) return picked;
    lines = picked.value;
  }
  return amountsOf(state, kind, null, lines, 0);
}

/** A draft claim's lines changed: added ones checked like on creation, amounts recomputed. */
export function planLines(
  state: ClaimState,
  claimId: string,
  change: { readonly add?: readonly string[] | undefined; readonly remove?: readonly string[] | undefined },
): Planned<ClaimPlan> {
  const claim = state.claims.find((c) => c.id === claimId);
  if (!claim) throw new Error('unknown claim');
  if (claim.status !== 'draft') return fail({ code: 'CLAIM_INVALID_STATE', reason: 'not_draft' });
  if (claim.kind === 'advance' && change.add?.length)
    return fail({ code: 'CLAIM_INVALID_STATE', reason: 'no_lines_on_advance' });
  const period = { from: claim.periodFrom, to: claim.periodTo };
  const current = new Set(claim.lines.map((l) => l.lineId));
  const added = (change.add ?? []).filter((id) => !current.has(id));
  const picked = pickLines(state, added, period, claimId);
  if (!picked.ok) return picked;
  const removed = new Set(change.remove ?? []);
  const byId = new Map(state.lines.map((l) => [l.id, l]));
  // Kept lines keep the amounts they were claimed with.
  const kept = claim.lines
    .filter((l) => !removed.has(l.lineId))
    .map((l): CandidateLine => {
      const line = byId.get(l.lineId);
      if (!line) throw new Error('claim line without its expense line');
      return { ...line, eligibleCents: l.eligibleCents, shareCents: l.aidCents };
    });
  return amountsOf(
    state,
    claim.kind,
    claimId,
    [...kept, ...picked.value],
    claim.kind === 'advance' ? claim.claimedCents : 0,
  );
}

export interface CheckInput {
  /** Lines not listed are accepted in full. */
  readonly lines?:
    | readonly {
        readonly lineId: string;
        readonly acceptedCents: number;
        readonly reason?: string | null | undefined;
      }[]
    | undefined;
  /** Advance only (it has no lines): the amount accepted; default the amount claimed. */
  readonly acceptedCents?: number | undefined;
}

export interface CheckPlan {
  readonly lines: readonly {
    readonly lineId: string;
    readonly acceptedCents: number;
    readonly reason: string | null;
  }[];
  readonly acceptedCents: number;
}

/**
 * The funder's check (contrôle de service fait) of a submitted claim: every
 * line accepted between 0 and its claimed aid, with a reason below it. The
 * claim's accepted amount: the sum of its lines (instalment); for the final
 * claim, the reconciliation redone with the accepted amounts; for the
 * advance, the amount given (at most the amount claimed).
 */
export function planCheck(state: ClaimState, claimId: string, input: CheckInput): Planned<CheckPlan> {
  const claim = state.claims.find((c) => c.id === claimId);
  if (!claim) throw new Error('unknown claim');
  if (claim.status !== 'submitted') return fail({ code: 'CLAIM_INVALID_STATE', reason: 'not_submitted' });
  if (claim.kind === 'advance') {
    if (input.lines?.length) return fail({ code: 'CLAIM_INVALID_STATE', reason: 'no_lines_on_advance' });
    const acceptedCents = input.acceptedCents ?? claim.claimedCents;
    if (acceptedCents < 0 || acceptedCents > claim.claimedCents)
      return fail({ code: 'VALIDATION_FAILED', path: 'body.acceptedCents', reason: 'above_claimed' });
    return ok({ lines: [], acceptedCents });
  }
  if (input.acceptedCents !== undefined)
    return fail({ code: 'VALIDATION_FAILED', path: 'body.acceptedCents', reason: 'advance_only' });
  const given = new Map<string, { acceptedCents: number; reason?: string | null | undefined }>();
  for (const l of input.lines ?? []) {
    if (given.has(l.lineId))
      return fail({ code: 'VALIDATION_FAILED', path: 'body.lines', reason: `duplicate_line:${l.lineId}` });
    given.set(l.lineId, l);
  }
  const inClaim = new Set(claim.lines.map((l) => l.lineId));
  for (const id of given.keys())
    if (!inClaim.has(id)) return fail({ code: 'VALIDATION_FAILED', path: 'body.lines', reason: `not_in_claim:${id}` });
  const lines: { lineId: string; acceptedCents: number; reason: string | null }[] = [];
  for (const l of claim.lines) {
    const g = given.get(l.lineId);
    const acceptedCents = g?.acceptedCents ?? l.aidCents;
    const reason = g?.reason?.trim() ? g.reason.trim() : null;
    if (!Number.isSafeInteger(acceptedCents) || acceptedCents < 0 || acceptedCents > l.aidCents)
      return fail({ code: 'VALIDATION_FAILED', path: 'body.lines', reason: `accepted_out_of_range:${l.lineId}` });
    if (acceptedCents < l.aidCents && !reason)
      return fail({ code: 'VALIDATION_FAILED', path: 'body.lines', reason: `reason_required:${l.lineId}` });
    lines.push({ lineId: l.lineId, acceptedCents, reason: acceptedCents < l.aidCents ? reason : null });
  }
  const acceptedLines = sum(lines.map((l) => l.acceptedCents));
  if (claim.kind === 'instalment') return ok({ lines, acceptedCents: acceptedLines });
  const r = reconcile(
    state,
    claimId,
    lines.map((l) => l.acceptedCents),
  );
  return ok({ lines, acceptedCents: Math.min(claim.claimedCents, Math.max(0, r.balanceCents)) });
}
