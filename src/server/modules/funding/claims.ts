import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Scope } from '../../db/connection.ts';
import {
  funders,
  fundingClaimLines,
  fundingClaims,
  fundingConventions,
  fundingCostItems,
  fundingExpenseLines,
  fundingLineShares,
  suppliers,
} from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import {
  advanceAndInstalmentsCents,
  type CandidateLine,
  type ClaimPlan,
  type ClaimState,
  claimableLines,
  type ExistingClaim,
  instalmentCapCents,
  type PlanError,
  type Planned,
  planCheck,
  planClaim,
  planLines,
  type Reconciliation,
  reconcile,
} from './claims-rules.ts';
import type {
  CheckClaimInput,
  ClaimLinesChangeInput,
  CreateClaimInput,
  PayClaimInput,
  SubmitClaimInput,
  UpdateClaimInput,
} from './claims-schema.ts';
import { programmeRow } from './service.ts';
import { ensureShares } from './shares.ts';

/**
 * Payment claims (issue #6, point 5): the database side of `claims-rules.ts`.
 * Creating a claim or changing its lines locks the convention row
 * (`SELECT … FOR UPDATE`) before reading which lines are already claimed, so
 * two concurrent claims to one funder cannot both take a line; the unique
 * key (convention, expense line) of `funding_claim_lines` stays the
 * guarantee (a violation is answered CLAIM_LINE_TAKEN, never a 500).
 */

type ClaimRow = typeof fundingClaims.$inferSelect;
type ConventionInfo = {
  id: string;
  programmeId: string;
  reference: string;
  funderId: string;
  funderName: string;
  funderKind: (typeof funders.$inferSelect)['kind'];
  eligibleFrom: string | null;
  eligibleTo: string | null;
  eligibleCostItemIds: string[] | null;
  advanceCents: number;
  instalmentCapBp: number;
};

const conventionColumns = {
  id: fundingConventions.id,
  programmeId: fundingConventions.programmeId,
  reference: fundingConventions.reference,
  funderId: fundingConventions.funderId,
  funderName: funders.name,
  funderKind: funders.kind,
  eligibleFrom: fundingConventions.eligibleFrom,
  eligibleTo: fundingConventions.eligibleTo,
  eligibleCostItemIds: fundingConventions.eligibleCostItemIds,
  advanceCents: fundingConventions.advanceCents,
  instalmentCapBp: fundingConventions.instalmentCapBp,
};

async function conventionInfo(scope: Scope, conventionId: string, lock: boolean): Promise<ConventionInfo | undefined> {
  const query = scope.tx
    .select(conventionColumns)
    .from(fundingConventions)
    .innerJoin(funders, eq(funders.id, fundingConventions.funderId))
    .where(eq(fundingConventions.id, conventionId));
  const [row] = lock ? await query.for('update', { of: fundingConventions }) : await query;
  return row;
}

export async function programmeConventions(scope: Scope, programmeId: string): Promise<ConventionInfo[]> {
  return scope.tx
    .select(conventionColumns)
    .from(fundingConventions)
    .innerJoin(funders, eq(funders.id, fundingConventions.funderId))
    .where(eq(fundingConventions.programmeId, programmeId))
    .orderBy(asc(fundingConventions.rank));
}

type ClaimsState = Pick<ClaimState, 'aidCents' | 'claims'> & { rows: ClaimRow[] };

/** The programme's lines with this funder's stored share, and every claim of the convention. */
async function loadState(scope: Scope, c: ConventionInfo): Promise<ClaimState & { rows: ClaimRow[] }> {
  const lines: CandidateLine[] = await scope.tx
    .select({
      id: fundingExpenseLines.id,
      costItemId: fundingExpenseLines.costItemId,
      costItemPosition: fundingCostItems.position,
      costItemCode: fundingCostItems.code,
      invoiceDate: fundingExpenseLines.invoiceDate,
      invoiceNumber: fundingExpenseLines.invoiceNumber,
      eligibility: fundingExpenseLines.eligibility,
      eligibleCents: fundingExpenseLines.eligibleCents,
      paidOn: fundingExpenseLines.paidOn,
      shareCents: sql<number>`coalesce(${fundingLineShares.cents}, 0)`.mapWith(Number),
    })
    .from(fundingExpenseLines)
    .innerJoin(fundingCostItems, eq(fundingCostItems.id, fundingExpenseLines.costItemId))
    .leftJoin(
      fundingLineShares,
      and(eq(fundingLineShares.lineId, fundingExpenseLines.id), eq(fundingLineShares.conventionId, c.id)),
    )
    .where(eq(fundingExpenseLines.programmeId, c.programmeId));
  const claims = await loadClaims(
    scope,
    c,
    lines.reduce((s, l) => s + l.shareCents, 0),
  );
  return {
    ...claims,
    instalmentCapBp: c.instalmentCapBp,
    convention: {
      eligibleFrom: c.eligibleFrom,
      eligibleTo: c.eligibleTo,
      eligibleCostItemIds: c.eligibleCostItemIds,
    },
    lines,
  };
}

/**
 * Every claim of the convention with its lines, and the funder's aid (given,
 * or the sum of its stored shares): what a claim's presentation and its
 * reconciliation need, without the programme's lines.
 */
async function loadClaims(scope: Scope, c: ConventionInfo, aidCents?: number): Promise<ClaimsState> {
  let aid = aidCents;
  if (aid === undefined) {
    const [row] = await scope.tx
      .select({ cents: sql<number>`coalesce(sum(${fundingLineShares.cents}), 0)`.mapWith(Number) })
      .from(fundingLineShares)
      .where(eq(fundingLineShares.conventionId, c.id));
    aid = row?.cents ?? 0;
  }
  const rows = await scope.tx
    .select()
    .from(fundingClaims)
    .where(eq(fundingClaims.conventionId, c.id))
    .orderBy(asc(fundingClaims.number));
  const claimLines = await scope.tx
    .select({
      claimId: fundingClaimLines.claimId,
      lineId: fundingClaimLines.expenseLineId,
      eligibleCents: fundingClaimLines.eligibleCents,
      aidCents: fundingClaimLines.aidCents,
      acceptedCents: fundingClaimLines.acceptedCents,
    })
    .from(fundingClaimLines)
    .where(eq(fundingClaimLines.conventionId, c.id));
  const byClaim = new Map<string, ExistingClaim['lines'][number][]>();
  for (const l of claimLines) {
    const list = byClaim.get(l.claimId);
    if (list) list.push(l);
    else byClaim.set(l.claimId, [l]);
  }
  return {
    aidCents: aid,
    claims: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      claimedCents: r.claimedCents,
      acceptedCents: r.acceptedCents,
      lines: byClaim.get(r.id) ?? [],
    })),
    rows,
  };
}

const euros = (cents: number) => `${(cents / 100).toFixed(2)} €`;
export const claimLabel = (reference: string, number: number) => `${reference}-${String(number).padStart(2, '0')}`;

/** A plan's refusal as the API's problem, naming the line. */
async function planProblem(scope: Scope, error: PlanError, path: string, rows: ClaimRow[], c: ConventionInfo) {
  const lineName = async (id: string | null) => {
    if (!id) return '';
    const [l] = await scope.tx
      .select({ n: fundingExpenseLines.invoiceNumber, d: fundingExpenseLines.invoiceDate })
      .from(fundingExpenseLines)
      .where(eq(fundingExpenseLines.id, id));
    return l ? `invoice ${l.n} of ${l.d} (line ${id})` : `line ${id}`;
  };
  switch (error.code) {
    case 'CLAIM_LINE_TAKEN': {
      const other = rows.find((r) => r.id === error.claimId);
      const where = other ? `claim ${claimLabel(c.reference, other.number)}` : 'another claim';
      const name = await lineName(error.lineId);
      return new AppError('CLAIM_LINE_TAKEN', `The expense ${name} is already in ${where} to this funder`, {
        fields: [{ path, message: `${error.lineId} already in ${where}`, code: 'line_taken' }],
      });
    }
    case 'CLAIM_LINE_NOT_CLAIMABLE': {
      if (error.lineId === null)
        return new AppError(
          'CLAIM_LINE_NOT_CLAIMABLE',
          'No expense line can be claimed to this funder in this period',
          {
            fields: [{ path, message: 'nothing to claim', code: 'none_claimable' }],
          },
        );
      const name = await lineName(error.lineId);
      return new AppError(
        'CLAIM_LINE_NOT_CLAIMABLE',
        `The expense ${name} cannot be claimed to this funder: ${error.reason.replaceAll('_', ' ')}`,
        { fields: [{ path, message: `${error.lineId}: ${error.reason.replaceAll('_', ' ')}`, code: error.reason }] },
      );
    }
    case 'CLAIM_CAP_EXCEEDED':
      return new AppError(
        'CLAIM_CAP_EXCEEDED',
        `Advance and instalments would reach ${euros(error.usedCents + error.requestedCents)}, above the cap of ${euros(error.capCents)} (${euros(error.usedCents)} already claimed)`,
        {
          fields: [
            {
              path,
              message: `cap ${error.capCents}, used ${error.usedCents}, requested ${error.requestedCents}`,
              code: 'cap_exceeded',
            },
          ],
        },
      );
    case 'CLAIM_INVALID_STATE': {
      const detail = {
        advance_exists: 'This convention already has an advance claim',
        final_exists: 'This convention already has its final claim',
        drafts_open: 'Submit or delete the draft claims of this convention before the final claim',
        not_draft: 'Only a draft claim can be changed',
        not_submitted: 'Only a submitted claim can be checked',
        no_lines_on_advance: 'An advance claim has no expense lines',
      }[error.reason];
      return new AppError('CLAIM_INVALID_STATE', detail, {
        fields: [{ path: 'body', message: detail, code: error.reason }],
      });
    }
    case 'VALIDATION_FAILED':
      return new AppError('VALIDATION_FAILED', 'Invalid claim input', {
        fields: [{ path: error.path, message: error.reason.replaceAll('_', ' '), code: error.reason.split(':')[0] }],
      });
  }
}

async function unwrap<T>(
  scope: Scope,
  planned: Planned<T>,
  path: string,
  state: { rows: ClaimRow[] },
  c: ConventionInfo,
): Promise<T> {
  if (planned.ok) return planned.value;
  throw await planProblem(scope, planned.error, path, state.rows, c);
}

const isUniqueViolation = (error: unknown, constraint: string) => {
  const e = error as {
    code?: string;
    constraint?: string;
    message?: string;
    cause?: { code?: string; constraint?: string; message?: string };
  };
  const code = e.cause?.code ?? e.code;
  const name = e.cause?.constraint ?? e.constraint ?? '';
  const message = e.cause?.message ?? e.message ?? '';
  return code === '23505' && (name === constraint || message.includes(constraint));
};

/**
 * The claim's lines, rewritten: one statement per 20,000 lines, the rows
 * passed as one JSON parameter (`jsonb_to_recordset`), not 8 parameters a row.
 */
async function writeLines(scope: Scope, claimId: string, conventionId: string, plan: ClaimPlan) {
  await scope.tx.delete(fundingClaimLines).where(eq(fundingClaimLines.claimId, claimId));
  for (let i = 0; i < plan.lines.length; i += 20_000) {
    const chunk = plan.lines
      .slice(i, i + 20_000)
      .map((l) => ({ l: l.lineId, p: l.position, e: l.eligibleCents, a: l.aidCents }));
    try {
      await scope.tx.execute(sql`
        insert into funding_claim_lines
               (organisation_id, claim_id, convention_id, expense_line_id, position, eligible_cents, aid_cents)
        select ${scope.organisationId}::uuid, ${claimId}::uuid, ${conventionId}::uuid, x.l, x.p, x.e, x.a
          from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(l uuid, p integer, e bigint, a bigint)`);
    } catch (error) {
      // The backstop: only reachable if a line was claimed past the convention lock.
      if (isUniqueViolation(error, 'funding_claim_lines_once_per_funder_key'))
        throw new AppError('CLAIM_LINE_TAKEN', 'An expense of this claim is already claimed to this funder');
      throw error;
    }
  }
}

// Reads -----------------------------------------------------------------------

function presentClaim(r: ClaimRow, c: ConventionInfo, lineCount: number, reconciliation: Reconciliation | null) {
  return {
    id: r.id,
    programmeId: r.programmeId,
    conventionId: r.conventionId,
    conventionReference: c.reference,
    funderId: c.funderId,
    funderName: c.funderName,
    funderKind: c.funderKind,
    number: r.number,
    label: claimLabel(c.reference, r.number),
    kind: r.kind,
    status: r.status,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    lineCount,
    eligibleCents: r.eligibleCents,
    claimedCents: r.claimedCents,
    acceptedCents: r.acceptedCents,
    receivedCents: r.receivedCents,
    submittedOn: r.submittedOn,
    checkedOn: r.checkedOn,
    receivedOn: r.receivedOn,
    notes: r.notes,
    version: r.version,
    reconciliation,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
export type Claim = ReturnType<typeof presentClaim>;

function claimsOfState(state: ClaimsState, c: ConventionInfo): Claim[] {
  return state.rows.map((r) => {
    const mine = state.claims.find((x) => x.id === r.id);
    const reconciliation =
      r.kind === 'final'
        ? reconcile(
            state,
            r.id,
            (mine?.lines ?? []).map((l) =>
              (r.status === 'checked' || r.status === 'paid') && l.acceptedCents !== null
                ? l.acceptedCents
                : l.aidCents,
            ),
          )
        : null;
    return presentClaim(r, c, mine?.lines.length ?? 0, reconciliation);
  });
}

/** Claims of a programme (per convention, by number) with each funder's totals. */
export async function findClaims(scope: Scope, programmeId: string) {
  await programmeRow(scope, programmeId);
  await ensureShares(scope, programmeId);
  const claims: Claim[] = [];
  const totals = [];
  for (const c of await programmeConventions(scope, programmeId)) {
    const state = await loadState(scope, c);
    const mine = claimsOfState(state, c);
    claims.push(...mine);
    const claimable = claimableLines(state, { from: null, to: null });
    totals.push({
      conventionId: c.id,
      conventionReference: c.reference,
      funderId: c.funderId,
      funderName: c.funderName,
      funderKind: c.funderKind,
      aidCents: state.aidCents,
      instalmentCapCents: instalmentCapCents(state.aidCents, state.instalmentCapBp),
      advanceAndInstalmentsCents: advanceAndInstalmentsCents(state.claims),
      claimedCents: mine.reduce((s, x) => s + x.claimedCents, 0),
      acceptedCents: mine.reduce((s, x) => s + (x.acceptedCents ?? 0), 0),
      receivedCents: mine.reduce((s, x) => s + (x.receivedCents ?? 0), 0),
      claimableLines: claimable.length,
      claimableCents: claimable.reduce((s, l) => s + l.shareCents, 0),
    });
  }
  return { claims, funders: totals };
}

/** The lines a new claim to this funder could take in this period (statement order), with the aid each would claim. */
export async function findClaimableLines(
  scope: Scope,
  conventionId: string,
  period: { periodFrom?: string | undefined; periodTo?: string | undefined },
) {
  const c = await conventionInfo(scope, conventionId, false);
  if (!c) throw notFound('Convention');
  await ensureShares(scope, c.programmeId);
  const state = await loadState(scope, c);
  const claimable = claimableLines(state, { from: period.periodFrom ?? null, to: period.periodTo ?? null });
  const details = new Map<string, { supplierName: string; description: string; htCents: number; label: string }>();
  const ids = claimable.map((l) => l.id);
  for (let i = 0; i < ids.length; i += 1000) {
    const found = await scope.tx
      .select({
        id: fundingExpenseLines.id,
        supplierName: suppliers.name,
        description: fundingExpenseLines.description,
        htCents: fundingExpenseLines.htCents,
        label: fundingCostItems.label,
      })
      .from(fundingExpenseLines)
      .innerJoin(suppliers, eq(suppliers.id, fundingExpenseLines.supplierId))
      .innerJoin(fundingCostItems, eq(fundingCostItems.id, fundingExpenseLines.costItemId))
      .where(inArray(fundingExpenseLines.id, ids.slice(i, i + 1000)));
    for (const f of found) details.set(f.id, f);
  }
  const items = claimable.map((l) => {
    const d = details.get(l.id);
    return {
      expenseLineId: l.id,
      costItemId: l.costItemId,
      costItemCode: l.costItemCode,
      costItemLabel: d?.label ?? '',
      supplierName: d?.supplierName ?? '',
      invoiceNumber: l.invoiceNumber,
      invoiceDate: l.invoiceDate,
      description: d?.description ?? '',
      htCents: d?.htCents ?? 0,
      eligibleCents: l.eligibleCents,
      paidOn: l.paidOn,
      aidCents: l.shareCents,
    };
  });
  return {
    conventionId,
    aidCents: state.aidCents,
    instalmentCapCents: instalmentCapCents(state.aidCents, state.instalmentCapBp),
    advanceAndInstalmentsCents: advanceAndInstalmentsCents(state.claims),
    totalAidCents: items.reduce((s, l) => s + l.aidCents, 0),
    items,
  };
}

async function claimRow(scope: Scope, id: string): Promise<ClaimRow> {
  const [row] = await scope.tx.select().from(fundingClaims).where(eq(fundingClaims.id, id));
  if (!row) throw notFound('Claim');
  return row;
}

/** The claim's lines in statement order, with what the statement shows. */
export async function claimLines(scope: Scope, claimId: string) {
  return scope.tx
    .select({
      position: fundingClaimLines.position,
      expenseLineId: fundingClaimLines.expenseLineId,
      costItemId: fundingExpenseLines.costItemId,
      costItemCode: fundingCostItems.code,
      costItemLabel: fundingCostItems.label,
      supplierId: fundingExpenseLines.supplierId,
      supplierName: suppliers.name,
      supplierSiret: suppliers.siret,
      invoiceId: fundingExpenseLines.invoiceId,
      invoiceNumber: fundingExpenseLines.invoiceNumber,
      invoiceDate: fundingExpenseLines.invoiceDate,
      description: fundingExpenseLines.description,
      htCents: fundingExpenseLines.htCents,
      vatCents: fundingExpenseLines.vatCents,
      ttcCents: fundingExpenseLines.ttcCents,
      paidOn: fundingExpenseLines.paidOn,
      mandateNumber: fundingExpenseLines.mandateNumber,
      eligibleCents: fundingClaimLines.eligibleCents,
      aidCents: fundingClaimLines.aidCents,
      acceptedCents: fundingClaimLines.acceptedCents,
      rejectionReason: fundingClaimLines.rejectionReason,
    })
    .from(fundingClaimLines)
    .innerJoin(fundingExpenseLines, eq(fundingExpenseLines.id, fundingClaimLines.expenseLineId))
    .innerJoin(fundingCostItems, eq(fundingCostItems.id, fundingExpenseLines.costItemId))
    .innerJoin(suppliers, eq(suppliers.id, fundingExpenseLines.supplierId))
    .where(eq(fundingClaimLines.claimId, claimId))
    .orderBy(asc(fundingClaimLines.position));
}
export type ClaimLine = Awaited<ReturnType<typeof claimLines>>[number];

/** Subtotals per cost item, in the order the lines come (statement order). */
export function costItemTotals(lines: readonly ClaimLine[]) {
  const out: {
    costItemId: string;
    code: string;
    label: string;
    lines: number;
    htCents: number;
    eligibleCents: number;
    aidCents: number;
    acceptedCents: number | null;
  }[] = [];
  for (const l of lines) {
    let t = out.at(-1);
    if (!t || t.costItemId !== l.costItemId) {
      t = {
        costItemId: l.costItemId,
        code: l.costItemCode,
        label: l.costItemLabel,
        lines: 0,
        htCents: 0,
        eligibleCents: 0,
        aidCents: 0,
        acceptedCents: null,
      };
      out.push(t);
    }
    t.lines += 1;
    t.htCents += l.htCents;
    t.eligibleCents += l.eligibleCents;
    t.aidCents += l.aidCents;
    if (l.acceptedCents !== null) t.acceptedCents = (t.acceptedCents ?? 0) + l.acceptedCents;
  }
  return out;
}

export async function getClaim(scope: Scope, id: string) {
  return (await claimWithLines(scope, id)).claim;
}

/** The claim as `getClaim` answers it, and its lines as `claimLines` reads them (read once for both). */
export async function claimWithLines(scope: Scope, id: string) {
  const row = await claimRow(scope, id);
  const c = await conventionInfo(scope, row.conventionId, false);
  if (!c) throw notFound('Convention');
  const state = await loadClaims(scope, c);
  const claim = claimsOfState(state, c).find((x) => x.id === id) as Claim;
  const all = await claimLines(scope, id);
  return { claim: presentClaimDetail(claim, all), lines: all };
}

function presentClaimDetail(claim: Claim, all: ClaimLine[]) {
  const lines = all.map(({ supplierId: _, ...l }) => l);
  const accepted = lines.some((l) => l.acceptedCents !== null)
    ? lines.reduce((s, l) => s + (l.acceptedCents ?? 0), 0)
    : null;
  return {
    ...claim,
    lines,
    costItems: costItemTotals(lines as ClaimLine[]),
    totals: {
      htCents: lines.reduce((s, l) => s + l.htCents, 0),
      eligibleCents: lines.reduce((s, l) => s + l.eligibleCents, 0),
      aidCents: lines.reduce((s, l) => s + l.aidCents, 0),
      acceptedCents: accepted,
    },
  };
}

// Writes -----------------------------------------------------------------------

/** Locks the convention (and checks it belongs to the programme), then brings the stored shares up to date. */
async function lockConvention(scope: Scope, conventionId: string, programmeId?: string): Promise<ConventionInfo> {
  const c = await conventionInfo(scope, conventionId, true);
  if (!c || (programmeId !== undefined && c.programmeId !== programmeId)) {
    throw new AppError('NOT_FOUND', 'Convention not found in this programme', {
      fields: [{ path: 'body.conventionId', message: 'not found' }],
    });
  }
  await ensureShares(scope, c.programmeId);
  return c;
}

export async function createClaim(scope: Scope, programmeId: string, input: CreateClaimInput) {
  await programmeRow(scope, programmeId);
  const c = await lockConvention(scope, input.conventionId, programmeId);
  const state = await loadState(scope, c);
  const plan = await unwrap(
    scope,
    planClaim(state, {
      kind: input.kind,
      period: { from: input.periodFrom ?? null, to: input.periodTo ?? null },
      lineIds: input.lineIds,
      advanceCents: input.kind === 'advance' ? (input.advanceCents ?? c.advanceCents) : input.advanceCents,
    }),
    'body.lineIds',
    state,
    c,
  );
  const number = Math.max(0, ...state.rows.map((r) => r.number)) + 1;
  const [row] = await scope.tx
    .insert(fundingClaims)
    .values({
      organisationId: scope.organisationId,
      programmeId,
      conventionId: c.id,
      number,
      kind: input.kind,
      periodFrom: input.periodFrom ?? null,
      periodTo: input.periodTo ?? null,
      eligibleCents: plan.eligibleCents,
      claimedCents: plan.claimedCents,
      notes: input.notes ?? '',
      createdBy: scope.userId,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await writeLines(scope, row.id, c.id, plan);
  const after = await getClaim(scope, row.id);
  await recordAudit(scope, {
    action: 'funding.claim_created',
    entityType: 'funding_claim',
    entityId: row.id,
    after: { ...after, lines: after.lines.map((l) => l.expenseLineId) },
  });
  return after;
}

/** The claim row and its convention, locked in this order (the order every claim write uses). */
async function lockClaim(scope: Scope, id: string) {
  const row = await claimRow(scope, id);
  const c = await lockConvention(scope, row.conventionId);
  const [locked] = await scope.tx.select().from(fundingClaims).where(eq(fundingClaims.id, id)).for('update');
  if (!locked) throw notFound('Claim');
  return { row: locked, c };
}

const bump = (row: ClaimRow) => ({ version: row.version + 1, updatedAt: new Date() });

export async function changeClaimLines(scope: Scope, id: string, input: ClaimLinesChangeInput) {
  const { row, c } = await lockClaim(scope, id);
  const before = await getClaim(scope, id);
  const state = await loadState(scope, c);
  const plan = await unwrap(scope, planLines(state, id, input), 'body.add', state, c);
  await writeLines(scope, id, c.id, plan);
  await scope.tx
    .update(fundingClaims)
    .set({ eligibleCents: plan.eligibleCents, claimedCents: plan.claimedCents, ...bump(row) })
    .where(eq(fundingClaims.id, id));
  const after = await getClaim(scope, id);
  await recordAudit(scope, {
    action: 'funding.claim_lines_changed',
    entityType: 'funding_claim',
    entityId: id,
    before: { claimedCents: before.claimedCents, lines: before.lines.map((l) => l.expenseLineId) },
    after: { claimedCents: after.claimedCents, lines: after.lines.map((l) => l.expenseLineId) },
  });
  return after;
}

export async function updateClaim(scope: Scope, id: string, input: UpdateClaimInput) {
  const { row } = await lockClaim(scope, id);
  await scope.tx
    .update(fundingClaims)
    .set({ notes: input.notes, ...bump(row) })
    .where(eq(fundingClaims.id, id));
  await recordAudit(scope, {
    action: 'funding.claim_updated',
    entityType: 'funding_claim',
    entityId: id,
    before: { notes: row.notes },
    after: { notes: input.notes },
  });
  return getClaim(scope, id);
}

export async function deleteClaim(scope: Scope, id: string) {
  const { row } = await lockClaim(scope, id);
  if (row.status !== 'draft') throw new AppError('CLAIM_INVALID_STATE', 'Only a draft claim can be deleted');
  const before = await getClaim(scope, id);
  await scope.tx.delete(fundingClaims).where(eq(fundingClaims.id, id));
  await recordAudit(scope, {
    action: 'funding.claim_deleted',
    entityType: 'funding_claim',
    entityId: id,
    before: { ...before, lines: before.lines.map((l) => l.expenseLineId) },
  });
}

async function transition(
  scope: Scope,
  id: string,
  from: ClaimRow['status'],
  action: string,
  change: (
    row: ClaimRow,
    c: ConventionInfo,
    state: Awaited<ReturnType<typeof loadState>>,
  ) => Promise<Partial<ClaimRow>>,
) {
  const { row, c } = await lockClaim(scope, id);
  if (row.status !== from)
    throw new AppError('CLAIM_INVALID_STATE', `The claim is ${row.status}; this needs a ${from} claim`, {
      fields: [{ path: 'body', message: `claim is ${row.status}`, code: `not_${from}` }],
    });
  const state = await loadState(scope, c);
  const set = await change(row, c, state);
  await scope.tx
    .update(fundingClaims)
    .set({ ...set, ...bump(row) })
    .where(eq(fundingClaims.id, id));
  const after = await getClaim(scope, id);
  await recordAudit(scope, {
    action,
    entityType: 'funding_claim',
    entityId: id,
    before: { status: row.status, claimedCents: row.claimedCents, acceptedCents: row.acceptedCents },
    after: {
      status: after.status,
      claimedCents: after.claimedCents,
      acceptedCents: after.acceptedCents,
      receivedCents: after.receivedCents,
    },
  });
  return after;
}

/** Draft → submitted. The final claim's balance is computed once more, then frozen. */
export async function submitClaim(scope: Scope, id: string, input: SubmitClaimInput) {
  return transition(scope, id, 'draft', 'funding.claim_submitted', async (row, c, state) => {
    const mine = state.claims.find((x) => x.id === id);
    if (row.kind === 'instalment' && !mine?.lines.length)
      throw new AppError('CLAIM_INVALID_STATE', 'An instalment claim needs expense lines', {
        fields: [{ path: 'body', message: 'no lines', code: 'empty' }],
      });
    if (row.kind === 'final') {
      const plan = await unwrap(scope, planLines(state, id, {}), 'body', state, c);
      return { submittedOn: input.submittedOn, status: 'submitted', claimedCents: plan.claimedCents };
    }
    return { submittedOn: input.submittedOn, status: 'submitted' };
  });
}

/** Submitted → checked: the amounts the funder accepted, per line, with reasons. */
export async function checkClaim(scope: Scope, id: string, input: CheckClaimInput) {
  return transition(scope, id, 'submitted', 'funding.claim_checked', async (_row, c, state) => {
    const plan = await unwrap(scope, planCheck(state, id, input), 'body.lines', state, c);
    for (const l of plan.lines) {
      await scope.tx
        .update(fundingClaimLines)
        .set({ acceptedCents: l.acceptedCents, rejectionReason: l.reason })
        .where(and(eq(fundingClaimLines.claimId, id), eq(fundingClaimLines.expenseLineId, l.lineId)));
    }
    return { status: 'checked', checkedOn: input.checkedOn, acceptedCents: plan.acceptedCents };
  });
}

/** Checked → paid: the amount received. */
export async function payClaim(scope: Scope, id: string, input: PayClaimInput) {
  return transition(scope, id, 'checked', 'funding.claim_paid', async () => ({
    status: 'paid',
    receivedCents: input.receivedCents,
    receivedOn: input.receivedOn,
  }));
}

/** The claim, its convention and its lines, for the exports. */
export async function claimForExport(scope: Scope, id: string) {
  return claimWithLines(scope, id);
}
