import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { normaliseSiret, siretProblem } from '../../../shared/siret.ts';
import { rows, type Scope } from '../../db/connection.ts';
import {
  funders,
  fundingConventions,
  fundingCostItems,
  fundingExpenseLineSchools,
  fundingExpenseLines,
  fundingProgrammeSchools,
  fundingProgrammes,
  type StoredRateRule,
  schools,
  suppliers,
} from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { ruleProblems } from './rules.ts';
import type {
  CreateConventionInput,
  CreateCostItemInput,
  CreateExpenseLineInput,
  CreateFunderInput,
  CreateProgrammeInput,
  CreateSupplierInput,
  UpdateConventionInput,
  UpdateCostItemInput,
  UpdateExpenseLineInput,
  UpdateFunderInput,
  UpdateProgrammeInput,
  UpdateSupplierInput,
} from './schema.ts';

/**
 * Programmes, cost items, funders, conventions, suppliers and expense lines
 * (issue #6, stage 1). Every function runs inside `withOrg` (RLS scopes the
 * rows to the organisation: another organisation's id is a 404), writes its
 * audit event in the same transaction, and checks the money rules before
 * the database's CHECKs (the backstop) would.
 */

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

// Programmes -------------------------------------------------------------------

type ProgrammeRow = typeof fundingProgrammes.$inferSelect;

function presentProgramme(p: ProgrammeRow, schoolIds: string[]) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    objectives: p.objectives,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    archiveUntil: p.archiveUntil,
    completedOn: p.completedOn,
    schoolIds,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

async function programmeSchoolIds(scope: Scope, programmeId: string): Promise<string[]> {
  const found = await scope.tx
    .select({ id: fundingProgrammeSchools.schoolId })
    .from(fundingProgrammeSchools)
    .where(eq(fundingProgrammeSchools.programmeId, programmeId));
  return found.map((r) => r.id).sort();
}

async function assertSchoolsVisible(scope: Scope, ids: readonly string[], path: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await scope.tx.select({ id: schools.id }).from(schools).where(inArray(schools.id, unique));
  if (found.length !== unique.length) {
    const seen = new Set(found.map((s) => s.id));
    throw new AppError('NOT_FOUND', 'School not found', {
      fields: unique.filter((id) => !seen.has(id)).map((id) => ({ path, message: `school ${id} not found` })),
    });
  }
}

async function replaceProgrammeSchools(scope: Scope, programmeId: string, schoolIds: readonly string[]) {
  await assertSchoolsVisible(scope, schoolIds, 'body.schoolIds');
  await scope.tx.delete(fundingProgrammeSchools).where(eq(fundingProgrammeSchools.programmeId, programmeId));
  const unique = [...new Set(schoolIds)];
  for (let i = 0; i < unique.length; i += 1000) {
    await scope.tx
      .insert(fundingProgrammeSchools)
      .values(
        unique.slice(i, i + 1000).map((schoolId) => ({ organisationId: scope.organisationId, programmeId, schoolId })),
      );
  }
}

export async function findProgrammes(scope: Scope) {
  const found = await scope.tx.select().from(fundingProgrammes).orderBy(asc(fundingProgrammes.periodStart));
  const links = await scope.tx
    .select({ programmeId: fundingProgrammeSchools.programmeId, schoolId: fundingProgrammeSchools.schoolId })
    .from(fundingProgrammeSchools);
  const byProgramme = new Map<string, string[]>();
  for (const l of links) byProgramme.set(l.programmeId, [...(byProgramme.get(l.programmeId) ?? []), l.schoolId]);
  return found.map((p) => presentProgramme(p, (byProgramme.get(p.id) ?? []).sort()));
}

async function programmeRow(scope: Scope, id: string, lock = false): Promise<ProgrammeRow> {
  const query = scope.tx.select().from(fundingProgrammes).where(eq(fundingProgrammes.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Programme');
  return row;
}

export async function getProgramme(scope: Scope, id: string) {
  return presentProgramme(await programmeRow(scope, id), await programmeSchoolIds(scope, id));
}

/** The dates the CHECKs hold, answered as a 400 naming the field rather than a database error. */
function checkPeriod(p: {
  periodStart: string;
  periodEnd: string;
  archiveUntil?: string | null | undefined;
  completedOn?: string | null | undefined;
}) {
  const problems = [];
  if (p.periodEnd < p.periodStart)
    problems.push({ path: 'body.periodEnd', message: 'before the start', code: 'period_end_before_start' });
  if (p.completedOn && p.completedOn < p.periodStart)
    problems.push({ path: 'body.completedOn', message: 'before the start', code: 'completed_before_start' });
  if (p.archiveUntil && p.archiveUntil < p.periodEnd)
    problems.push({ path: 'body.archiveUntil', message: 'before the end of the period', code: 'archive_before_end' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'Inconsistent dates', { fields: problems });
}

export async function createProgramme(scope: Scope, input: CreateProgrammeInput) {
  checkPeriod(input);
  const { schoolIds, ...fields } = input;
  const [row] = await scope.tx
    .insert(fundingProgrammes)
    .values({ ...fields, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  if (schoolIds) await replaceProgrammeSchools(scope, row.id, schoolIds);
  const after = presentProgramme(row, await programmeSchoolIds(scope, row.id));
  await recordAudit(scope, {
    action: 'funding.programme_created',
    entityType: 'funding_programme',
    entityId: row.id,
    after,
  });
  return after;
}

export async function updateProgramme(scope: Scope, id: string, input: UpdateProgrammeInput) {
  const beforeRow = await programmeRow(scope, id, true);
  const before = presentProgramme(beforeRow, await programmeSchoolIds(scope, id));
  const { schoolIds, ...fields } = input;
  checkPeriod({
    periodStart: fields.periodStart ?? beforeRow.periodStart,
    periodEnd: fields.periodEnd ?? beforeRow.periodEnd,
    archiveUntil: fields.archiveUntil !== undefined ? fields.archiveUntil : beforeRow.archiveUntil,
    completedOn: fields.completedOn !== undefined ? fields.completedOn : beforeRow.completedOn,
  });
  const [row] = await scope.tx
    .update(fundingProgrammes)
    .set({ ...defined(fields), updatedAt: new Date() })
    .where(eq(fundingProgrammes.id, id))
    .returning();
  if (!row) throw notFound('Programme');
  if (schoolIds) await replaceProgrammeSchools(scope, id, schoolIds);
  const after = presentProgramme(row, await programmeSchoolIds(scope, id));
  await recordAudit(scope, {
    action: 'funding.programme_updated',
    entityType: 'funding_programme',
    entityId: id,
    before,
    after,
  });
  return after;
}

/** Only an empty programme (no cost item, convention or line) can be deleted; otherwise 409 CONFLICT. */
export async function deleteProgramme(scope: Scope, id: string) {
  const before = await getProgramme(scope, id);
  await scope.tx.delete(fundingProgrammes).where(eq(fundingProgrammes.id, id));
  await recordAudit(scope, {
    action: 'funding.programme_deleted',
    entityType: 'funding_programme',
    entityId: id,
    before,
  });
}

// Cost items -------------------------------------------------------------------

type CostItemRow = typeof fundingCostItems.$inferSelect;
const presentCostItem = (c: CostItemRow) => ({
  id: c.id,
  programmeId: c.programmeId,
  code: c.code,
  kind: c.kind,
  label: c.label,
  position: c.position,
  budgetCents: c.budgetCents,
});

export async function findCostItems(scope: Scope, programmeId: string) {
  await programmeRow(scope, programmeId);
  const found = await scope.tx
    .select()
    .from(fundingCostItems)
    .where(eq(fundingCostItems.programmeId, programmeId))
    .orderBy(asc(fundingCostItems.position), asc(fundingCostItems.code));
  return found.map(presentCostItem);
}

async function assertCostItemCodeFree(scope: Scope, programmeId: string, code: string, except?: string) {
  const [dup] = await scope.tx
    .select({ id: fundingCostItems.id })
    .from(fundingCostItems)
    .where(and(eq(fundingCostItems.programmeId, programmeId), eq(fundingCostItems.code, code)));
  if (dup && dup.id !== except) {
    throw new AppError('CONFLICT', 'A cost item of this programme has this code', {
      fields: [{ path: 'body.code', message: 'already used', code: 'code_taken' }],
    });
  }
}

export async function createCostItem(scope: Scope, programmeId: string, input: CreateCostItemInput) {
  await programmeRow(scope, programmeId);
  await assertCostItemCodeFree(scope, programmeId, input.code);
  const [row] = await scope.tx
    .insert(fundingCostItems)
    .values({ ...input, programmeId, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const after = presentCostItem(row);
  await recordAudit(scope, {
    action: 'funding.cost_item_created',
    entityType: 'funding_cost_item',
    entityId: row.id,
    after,
  });
  return after;
}

async function costItemRow(scope: Scope, id: string): Promise<CostItemRow> {
  const [row] = await scope.tx.select().from(fundingCostItems).where(eq(fundingCostItems.id, id)).for('update');
  if (!row) throw notFound('Cost item');
  return row;
}

export async function updateCostItem(scope: Scope, id: string, input: UpdateCostItemInput) {
  const beforeRow = await costItemRow(scope, id);
  if (input.code) await assertCostItemCodeFree(scope, beforeRow.programmeId, input.code, id);
  const [row] = await scope.tx
    .update(fundingCostItems)
    .set({ ...defined(input), updatedAt: new Date() })
    .where(eq(fundingCostItems.id, id))
    .returning();
  if (!row) throw notFound('Cost item');
  const after = presentCostItem(row);
  await recordAudit(scope, {
    action: 'funding.cost_item_updated',
    entityType: 'funding_cost_item',
    entityId: id,
    before: presentCostItem(beforeRow),
    after,
  });
  return after;
}

/** A cost item with expense lines cannot be deleted (409 CONFLICT from the foreign key). */
export async function deleteCostItem(scope: Scope, id: string) {
  const before = presentCostItem(await costItemRow(scope, id));
  await scope.tx.delete(fundingCostItems).where(eq(fundingCostItems.id, id));
  await recordAudit(scope, {
    action: 'funding.cost_item_deleted',
    entityType: 'funding_cost_item',
    entityId: id,
    before,
  });
}

// Funders --------------------------------------------------------------------

type FunderRow = typeof funders.$inferSelect;
const presentFunder = (f: FunderRow) => ({ id: f.id, name: f.name, kind: f.kind });

export async function findFunders(scope: Scope) {
  return (await scope.tx.select().from(funders).orderBy(asc(funders.name))).map(presentFunder);
}

export async function createFunder(scope: Scope, input: CreateFunderInput) {
  const [row] = await scope.tx
    .insert(funders)
    .values({ ...input, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const after = presentFunder(row);
  await recordAudit(scope, { action: 'funding.funder_created', entityType: 'funder', entityId: row.id, after });
  return after;
}

async function funderRow(scope: Scope, id: string): Promise<FunderRow> {
  const [row] = await scope.tx.select().from(funders).where(eq(funders.id, id));
  if (!row) throw notFound('Funder');
  return row;
}

export async function updateFunder(scope: Scope, id: string, input: UpdateFunderInput) {
  const before = presentFunder(await funderRow(scope, id));
  const [row] = await scope.tx
    .update(funders)
    .set({ ...defined(input), updatedAt: new Date() })
    .where(eq(funders.id, id))
    .returning();
  if (!row) throw notFound('Funder');
  const after = presentFunder(row);
  await recordAudit(scope, { action: 'funding.funder_updated', entityType: 'funder', entityId: id, before, after });
  return after;
}

export async function deleteFunder(scope: Scope, id: string) {
  const before = presentFunder(await funderRow(scope, id));
  await scope.tx.delete(funders).where(eq(funders.id, id));
  await recordAudit(scope, { action: 'funding.funder_deleted', entityType: 'funder', entityId: id, before });
}

// Conventions -------------------------------------------------------------------

type ConventionRow = typeof fundingConventions.$inferSelect;

function presentConvention(c: ConventionRow, funder: Pick<FunderRow, 'name' | 'kind'>) {
  return {
    id: c.id,
    programmeId: c.programmeId,
    funderId: c.funderId,
    funderName: funder.name,
    funderKind: funder.kind,
    reference: c.reference,
    signedOn: c.signedOn,
    eligibleFrom: c.eligibleFrom,
    eligibleTo: c.eligibleTo,
    eligibleCostItemIds: c.eligibleCostItemIds,
    rateRule: c.rateRule,
    caps: {
      totalCents: c.capTotalCents,
      perClassCents: c.capPerClassCents,
      perPupilCents: c.capPerPupilCents,
      perSchoolCents: c.capPerSchoolCents,
    },
    advanceCents: c.advanceCents,
    instalmentCapBp: c.instalmentCapBp,
    ownShareMinBp: c.ownShareMinBp,
    publicityText: c.publicityText,
    publicityFlags: c.publicityFlags,
    rank: c.rank,
  };
}

/** The highest rate a rule can grant (a tiered rule: its highest tier). */
export function maxRateBp(rule: StoredRateRule): number {
  return rule.kind === 'flat' ? rule.rateBp : Math.max(0, ...rule.tiers.map((t) => t.rateBp));
}

async function conventionsOf(scope: Scope, programmeId: string) {
  return scope.tx
    .select({ convention: fundingConventions, funderName: funders.name, funderKind: funders.kind })
    .from(fundingConventions)
    .innerJoin(funders, eq(funders.id, fundingConventions.funderId))
    .where(eq(fundingConventions.programmeId, programmeId))
    .orderBy(asc(fundingConventions.rank));
}

export async function findConventions(scope: Scope, programmeId: string) {
  await programmeRow(scope, programmeId);
  return (await conventionsOf(scope, programmeId)).map((r) =>
    presentConvention(r.convention, { name: r.funderName, kind: r.funderKind }),
  );
}

async function checkConvention(
  scope: Scope,
  programmeId: string,
  candidate: {
    rateRule: StoredRateRule;
    eligibleCostItemIds?: string[] | null | undefined;
    rank: number;
    eligibleFrom?: string | null | undefined;
    eligibleTo?: string | null | undefined;
  },
  exceptId?: string,
) {
  if (candidate.eligibleFrom && candidate.eligibleTo && candidate.eligibleTo < candidate.eligibleFrom) {
    throw new AppError('VALIDATION_FAILED', 'The eligibility window ends before it starts', {
      fields: [{ path: 'body.eligibleTo', message: 'before the start', code: 'window_end_before_start' }],
    });
  }
  const problems = ruleProblems(candidate.rateRule);
  if (problems.length) {
    throw new AppError('FUNDING_RULE_INVALID', `Invalid rate rule: ${problems.join(', ')}`, {
      fields: problems.map((code) => ({ path: 'body.rateRule', message: code.replaceAll('_', ' '), code })),
    });
  }
  if (candidate.eligibleCostItemIds?.length) {
    const ids = [...new Set(candidate.eligibleCostItemIds)];
    const found = await scope.tx
      .select({ id: fundingCostItems.id })
      .from(fundingCostItems)
      .where(and(eq(fundingCostItems.programmeId, programmeId), inArray(fundingCostItems.id, ids)));
    if (found.length !== ids.length) {
      throw new AppError('NOT_FOUND', 'Cost item not found in this programme', {
        fields: [{ path: 'body.eligibleCostItemIds', message: 'unknown cost item' }],
      });
    }
  }
  // No line above 100 %: the conventions' highest rates together stay within 100 %.
  const others = (await conventionsOf(scope, programmeId)).filter((r) => r.convention.id !== exceptId);
  const total = others.reduce((s, r) => s + maxRateBp(r.convention.rateRule), maxRateBp(candidate.rateRule));
  if (total > 10_000) {
    throw new AppError(
      'FUNDING_OVER_100',
      `The conventions' rates would total ${(total / 100).toFixed(2)} % of an expense`,
      { fields: [{ path: 'body.rateRule', message: 'rates above 100 % in total', code: 'over_100' }] },
    );
  }
  if (others.some((r) => r.convention.rank === candidate.rank)) {
    throw new AppError('CONFLICT', 'Another convention of this programme has this rank', {
      fields: [{ path: 'body.rank', message: 'already used', code: 'rank_taken' }],
    });
  }
}

const capColumns = (caps: CreateConventionInput['caps']) =>
  caps === undefined
    ? {}
    : {
        capTotalCents: caps.totalCents ?? null,
        capPerClassCents: caps.perClassCents ?? null,
        capPerPupilCents: caps.perPupilCents ?? null,
        capPerSchoolCents: caps.perSchoolCents ?? null,
      };

export async function createConvention(scope: Scope, programmeId: string, input: CreateConventionInput) {
  await programmeRow(scope, programmeId, true);
  const funder = await funderRow(scope, input.funderId).catch(() => {
    throw new AppError('NOT_FOUND', 'Funder not found', { fields: [{ path: 'body.funderId', message: 'not found' }] });
  });
  await checkConvention(scope, programmeId, input);
  const [dup] = await scope.tx
    .select({ id: fundingConventions.id })
    .from(fundingConventions)
    .where(and(eq(fundingConventions.programmeId, programmeId), eq(fundingConventions.funderId, input.funderId)));
  if (dup) {
    throw new AppError('CONFLICT', 'This funder has a convention for this programme already', {
      fields: [{ path: 'body.funderId', message: 'already has a convention', code: 'funder_taken' }],
    });
  }
  const { caps, ...fields } = input;
  const [row] = await scope.tx
    .insert(fundingConventions)
    .values({ ...fields, ...capColumns(caps), programmeId, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const after = presentConvention(row, funder);
  await recordAudit(scope, {
    action: 'funding.convention_created',
    entityType: 'funding_convention',
    entityId: row.id,
    after,
  });
  return after;
}

async function conventionRow(scope: Scope, id: string) {
  const [found] = await scope.tx
    .select({ convention: fundingConventions, funderName: funders.name, funderKind: funders.kind })
    .from(fundingConventions)
    .innerJoin(funders, eq(funders.id, fundingConventions.funderId))
    .where(eq(fundingConventions.id, id));
  if (!found) throw notFound('Convention');
  return found;
}

export async function updateConvention(scope: Scope, id: string, input: UpdateConventionInput) {
  const found = await conventionRow(scope, id);
  const c = found.convention;
  // Serialise the programme's convention changes (the 100 % check reads the others).
  await programmeRow(scope, c.programmeId, true);
  const funder = { name: found.funderName, kind: found.funderKind };
  await checkConvention(
    scope,
    c.programmeId,
    {
      rateRule: input.rateRule ?? c.rateRule,
      eligibleCostItemIds: input.eligibleCostItemIds,
      rank: input.rank ?? c.rank,
      eligibleFrom: input.eligibleFrom !== undefined ? input.eligibleFrom : c.eligibleFrom,
      eligibleTo: input.eligibleTo !== undefined ? input.eligibleTo : c.eligibleTo,
    },
    id,
  );
  const { caps, ...fields } = input;
  const [row] = await scope.tx
    .update(fundingConventions)
    .set({ ...defined(fields), ...capColumns(caps), updatedAt: new Date() })
    .where(eq(fundingConventions.id, id))
    .returning();
  if (!row) throw notFound('Convention');
  const after = presentConvention(row, funder);
  await recordAudit(scope, {
    action: 'funding.convention_updated',
    entityType: 'funding_convention',
    entityId: id,
    before: presentConvention(c, funder),
    after,
  });
  return after;
}

export async function deleteConvention(scope: Scope, id: string) {
  const found = await conventionRow(scope, id);
  await scope.tx.delete(fundingConventions).where(eq(fundingConventions.id, id));
  await recordAudit(scope, {
    action: 'funding.convention_deleted',
    entityType: 'funding_convention',
    entityId: id,
    before: presentConvention(found.convention, { name: found.funderName, kind: found.funderKind }),
  });
}

// Suppliers -----------------------------------------------------------------------

type SupplierRow = typeof suppliers.$inferSelect;
const presentSupplier = (s: SupplierRow) => ({ id: s.id, name: s.name, siret: s.siret, generated: s.generated });

function checkedSiret(value: string): string {
  const siret = normaliseSiret(value);
  const problem = siretProblem(siret);
  if (problem) {
    throw new AppError(
      'SIRET_INVALID',
      problem === 'format' ? 'A SIRET has 14 digits' : 'The SIRET check digit is wrong',
      {
        fields: [
          {
            path: 'body.siret',
            message: problem === 'format' ? '14 digits expected' : 'wrong check digit',
            code: problem,
          },
        ],
      },
    );
  }
  return siret;
}

async function assertSiretFree(scope: Scope, siret: string, except?: string) {
  const [dup] = await scope.tx
    .select({ id: suppliers.id })
    .from(suppliers)
    // The organisation filter matters for the demo seed, which runs as the owner (RLS does the rest).
    .where(and(eq(suppliers.organisationId, scope.organisationId), eq(suppliers.siret, siret)));
  if (dup && dup.id !== except) {
    throw new AppError('CONFLICT', 'A supplier with this SIRET exists', {
      fields: [{ path: 'body.siret', message: 'already used', code: 'siret_taken' }],
    });
  }
}

export async function findSuppliers(scope: Scope) {
  return (await scope.tx.select().from(suppliers).orderBy(asc(suppliers.name))).map(presentSupplier);
}

export async function createSupplier(scope: Scope, input: CreateSupplierInput, generated = false) {
  const siret = checkedSiret(input.siret);
  await assertSiretFree(scope, siret);
  const [row] = await scope.tx
    .insert(suppliers)
    .values({ name: input.name, siret, generated, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const after = presentSupplier(row);
  await recordAudit(scope, { action: 'funding.supplier_created', entityType: 'supplier', entityId: row.id, after });
  return after;
}

async function supplierRow(scope: Scope, id: string): Promise<SupplierRow> {
  const [row] = await scope.tx.select().from(suppliers).where(eq(suppliers.id, id));
  if (!row) throw notFound('Supplier');
  return row;
}

export async function updateSupplier(scope: Scope, id: string, input: UpdateSupplierInput) {
  const before = presentSupplier(await supplierRow(scope, id));
  const siret = input.siret === undefined ? undefined : checkedSiret(input.siret);
  if (siret) await assertSiretFree(scope, siret, id);
  const [row] = await scope.tx
    .update(suppliers)
    .set({ ...defined({ name: input.name, siret }), updatedAt: new Date() })
    .where(eq(suppliers.id, id))
    .returning();
  if (!row) throw notFound('Supplier');
  const after = presentSupplier(row);
  await recordAudit(scope, { action: 'funding.supplier_updated', entityType: 'supplier', entityId: id, before, after });
  return after;
}

export async function deleteSupplier(scope: Scope, id: string) {
  const before = presentSupplier(await supplierRow(scope, id));
  await scope.tx.delete(suppliers).where(eq(suppliers.id, id));
  await recordAudit(scope, { action: 'funding.supplier_deleted', entityType: 'supplier', entityId: id, before });
}

// Expense lines ---------------------------------------------------------------

type LineRow = typeof fundingExpenseLines.$inferSelect;
type Split = { schoolId: string; amountCents: number };

function presentLine(l: LineRow, supplier: Pick<SupplierRow, 'name' | 'siret'>, split: Split[]) {
  return {
    id: l.id,
    programmeId: l.programmeId,
    costItemId: l.costItemId,
    supplierId: l.supplierId,
    supplierName: supplier.name,
    supplierSiret: supplier.siret,
    invoiceNumber: l.invoiceNumber,
    invoiceDate: l.invoiceDate,
    description: l.description,
    htCents: l.htCents,
    vatCents: l.vatCents,
    ttcCents: l.ttcCents,
    paidOn: l.paidOn,
    mandateNumber: l.mandateNumber,
    eligibility: l.eligibility,
    eligibleCents: l.eligibleCents,
    eligibilityReason: l.eligibilityReason,
    invoiceId: l.invoiceId,
    invoiceLineId: l.invoiceLineId,
    subscriptionId: l.subscriptionId,
    subscriptionFrom: l.subscriptionFrom,
    subscriptionTo: l.subscriptionTo,
    generated: l.generated,
    schools: split,
  };
}

type LineState = {
  htCents: number;
  vatCents: number;
  ttcCents: number;
  eligibility: LineRow['eligibility'];
  eligibleCents: number | null | undefined;
  eligibilityReason: string | null | undefined;
  schools: Split[] | undefined;
};

/** HT + VAT = TTC; the eligible amount follows the eligibility; the school split adds up to the HT. */
function checkAmounts(s: LineState): { eligibleCents: number; eligibilityReason: string | null } {
  const problems: { path: string; message: string; code: string }[] = [];
  if (s.htCents + s.vatCents !== s.ttcCents)
    problems.push({ path: 'body.ttcCents', message: 'HT + VAT must equal TTC', code: 'ht_vat_ttc' });
  let eligibleCents = s.eligibleCents ?? null;
  const reason = s.eligibilityReason?.trim() ? s.eligibilityReason.trim() : null;
  if (s.eligibility === 'eligible') eligibleCents = s.htCents;
  else if (s.eligibility === 'not_eligible') eligibleCents = 0;
  else if (eligibleCents === null || eligibleCents >= s.htCents)
    problems.push({ path: 'body.eligibleCents', message: 'partly eligible: below the HT', code: 'eligible_amount' });
  if (s.eligibility !== 'eligible' && !reason)
    problems.push({ path: 'body.eligibilityReason', message: 'a reason is required', code: 'reason_required' });
  if (s.schools?.length) {
    const sum = s.schools.reduce((t, x) => t + x.amountCents, 0);
    if (sum !== s.htCents)
      problems.push({ path: 'body.schools', message: 'the split must add up to the HT', code: 'split_total' });
    if (new Set(s.schools.map((x) => x.schoolId)).size !== s.schools.length)
      problems.push({ path: 'body.schools', message: 'a school appears twice', code: 'split_duplicate' });
  }
  if (problems.length) throw new AppError('FUNDING_AMOUNTS_INVALID', 'The amounts do not add up', { fields: problems });
  return { eligibleCents: eligibleCents ?? 0, eligibilityReason: s.eligibility === 'eligible' ? null : reason };
}

async function splitsOf(scope: Scope, lineIds: readonly string[]): Promise<Map<string, Split[]>> {
  const out = new Map<string, Split[]>();
  for (let i = 0; i < lineIds.length; i += 1000) {
    const found = await scope.tx
      .select()
      .from(fundingExpenseLineSchools)
      .where(inArray(fundingExpenseLineSchools.lineId, lineIds.slice(i, i + 1000)));
    for (const r of found) {
      out.set(r.lineId, [...(out.get(r.lineId) ?? []), { schoolId: r.schoolId, amountCents: r.amountCents }]);
    }
  }
  return out;
}

async function writeSplit(scope: Scope, lineId: string, split: Split[]) {
  await assertSchoolsVisible(
    scope,
    split.map((s) => s.schoolId),
    'body.schools',
  );
  await scope.tx.delete(fundingExpenseLineSchools).where(eq(fundingExpenseLineSchools.lineId, lineId));
  if (split.length) {
    await scope.tx
      .insert(fundingExpenseLineSchools)
      .values(split.map((s) => ({ ...s, lineId, organisationId: scope.organisationId })));
  }
}

async function assertLineRefs(scope: Scope, programmeId: string, costItemId?: string, supplierId?: string) {
  if (costItemId) {
    const [item] = await scope.tx
      .select({ id: fundingCostItems.id })
      .from(fundingCostItems)
      .where(and(eq(fundingCostItems.id, costItemId), eq(fundingCostItems.programmeId, programmeId)));
    if (!item)
      throw new AppError('NOT_FOUND', 'Cost item not found in this programme', {
        fields: [{ path: 'body.costItemId', message: 'not found' }],
      });
  }
  if (supplierId) {
    const [s] = await scope.tx.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, supplierId));
    if (!s)
      throw new AppError('NOT_FOUND', 'Supplier not found', {
        fields: [{ path: 'body.supplierId', message: 'not found' }],
      });
  }
}

async function getLineRow(scope: Scope, id: string, lock = false) {
  const query = scope.tx
    .select({ line: fundingExpenseLines, supplierName: suppliers.name, supplierSiret: suppliers.siret })
    .from(fundingExpenseLines)
    .innerJoin(suppliers, eq(suppliers.id, fundingExpenseLines.supplierId))
    .where(eq(fundingExpenseLines.id, id));
  const [found] = lock ? await query.for('update', { of: fundingExpenseLines }) : await query;
  if (!found) throw notFound('Expense line');
  return found;
}

export async function getExpenseLine(scope: Scope, id: string) {
  const found = await getLineRow(scope, id);
  const split = (await splitsOf(scope, [id])).get(id) ?? [];
  return presentLine(found.line, { name: found.supplierName, siret: found.supplierSiret }, split);
}

export async function findExpenseLines(
  scope: Scope,
  programmeId: string,
  query: { costItemId?: string | undefined; limit: number; offset: number },
) {
  await programmeRow(scope, programmeId);
  const where = and(
    eq(fundingExpenseLines.programmeId, programmeId),
    query.costItemId ? eq(fundingExpenseLines.costItemId, query.costItemId) : undefined,
  );
  const [{ total } = { total: 0 }] = await scope.tx.select({ total: count() }).from(fundingExpenseLines).where(where);
  const found = await scope.tx
    .select({ line: fundingExpenseLines, supplierName: suppliers.name, supplierSiret: suppliers.siret })
    .from(fundingExpenseLines)
    .innerJoin(suppliers, eq(suppliers.id, fundingExpenseLines.supplierId))
    .innerJoin(fundingCostItems, eq(fundingCostItems.id, fundingExpenseLines.costItemId))
    .where(where)
    .orderBy(
      asc(fundingCostItems.position),
      asc(fundingCostItems.code),
      asc(fundingExpenseLines.invoiceDate),
      asc(fundingExpenseLines.invoiceNumber),
      asc(fundingExpenseLines.id),
    )
    .limit(query.limit)
    .offset(query.offset);
  const splits = await splitsOf(
    scope,
    found.map((f) => f.line.id),
  );
  return {
    total,
    items: found.map((f) =>
      presentLine(f.line, { name: f.supplierName, siret: f.supplierSiret }, splits.get(f.line.id) ?? []),
    ),
  };
}

export async function createExpenseLine(
  scope: Scope,
  programmeId: string,
  input: CreateExpenseLineInput,
  options: {
    generated?: boolean;
    audit?: boolean;
    invoiceId?: string;
    invoiceLineId?: string;
    /** Declared from a service subscription (`subscriptions.ts`) for this period, first and last day included. */
    subscription?: { id: string; from: string; to: string };
  } = {},
) {
  await programmeRow(scope, programmeId);
  await assertLineRefs(scope, programmeId, input.costItemId, input.supplierId);
  const eligibility = input.eligibility ?? 'eligible';
  const checked = checkAmounts({
    ...input,
    eligibility,
    eligibleCents: input.eligibleCents,
    eligibilityReason: input.eligibilityReason,
    schools: input.schools,
  });
  const { schools: split, ...fields } = input;
  const [row] = await scope.tx
    .insert(fundingExpenseLines)
    .values({
      ...fields,
      eligibility,
      ...checked,
      programmeId,
      generated: options.generated ?? false,
      // Made from an invoice line by the procurement module's allocation (one expense line per invoice line).
      invoiceId: options.invoiceId ?? null,
      invoiceLineId: options.invoiceLineId ?? null,
      subscriptionId: options.subscription?.id ?? null,
      subscriptionFrom: options.subscription?.from ?? null,
      subscriptionTo: options.subscription?.to ?? null,
      organisationId: scope.organisationId,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  if (split?.length) await writeSplit(scope, row.id, split);
  const supplier = await supplierRow(scope, row.supplierId);
  const after = presentLine(row, supplier, split ?? []);
  if (options.audit !== false) {
    await recordAudit(scope, {
      action: 'funding.expense_line_created',
      entityType: 'funding_expense_line',
      entityId: row.id,
      after,
    });
  }
  return after;
}

/** What an invoice line fixes: the line made from it follows the invoice (the procurement module updates both). */
const FROM_INVOICE = [
  'supplierId',
  'invoiceNumber',
  'invoiceDate',
  'htCents',
  'vatCents',
  'ttcCents',
  'paidOn',
  'mandateNumber',
] as const;
/** What a subscription and its declared period fix: the amount is the prorated yearly cost (`subscriptions.ts`). */
const FROM_SUBSCRIPTION = ['supplierId', 'htCents'] as const;
/** What a claim beyond its draft has fixed: the statement sent to the funder. */
const CLAIMED = [
  'costItemId',
  'htCents',
  'eligibility',
  'eligibleCents',
  'invoiceDate',
  'invoiceNumber',
  'supplierId',
] as const;

/**
 * An expense line made from an invoice line keeps the invoice's amounts,
 * supplier, dates and mandate (`CONFLICT` naming each field: change the
 * invoice instead); a line in a claim that left its draft keeps what the
 * statement showed.
 */
async function assertLineEditable(scope: Scope, l: LineRow, input: UpdateExpenseLineInput) {
  const changed = (keys: readonly (keyof UpdateExpenseLineInput)[]) =>
    keys.filter((k) => input[k] !== undefined && input[k] !== (l as Record<string, unknown>)[k]);
  if (l.invoiceLineId) {
    const fields = changed(FROM_INVOICE);
    if (fields.length) {
      throw new AppError('CONFLICT', 'This expense line comes from an invoice: change the invoice', {
        fields: fields.map((f) => ({ path: `body.${f}`, message: 'set by the invoice', code: 'from_invoice' })),
      });
    }
  }
  if (l.subscriptionId) {
    const fields: string[] = changed(FROM_SUBSCRIPTION);
    if (input.schools !== undefined) fields.push('schools');
    if (fields.length) {
      throw new AppError(
        'CONFLICT',
        'This expense line declares a service subscription: its amount and school follow it',
        {
          fields: fields.map((f) => ({
            path: `body.${f}`,
            message: 'set by the subscription',
            code: 'from_subscription',
          })),
        },
      );
    }
  }
  const fields = changed(CLAIMED);
  if (!fields.length) return;
  const [claimed] = await rows<{ n: number }>(
    scope.tx,
    sql`select count(*)::int as n from funding_claim_lines cl join funding_claims c on c.id = cl.claim_id
         where cl.expense_line_id = ${l.id} and c.status <> 'draft'`,
  );
  if ((claimed?.n ?? 0) > 0) {
    throw new AppError('CONFLICT', 'This expense line is in a claim already submitted to a funder', {
      fields: fields.map((f) => ({ path: `body.${f}`, message: 'claimed', code: 'claimed' })),
    });
  }
}

export async function updateExpenseLine(scope: Scope, id: string, input: UpdateExpenseLineInput) {
  const found = await getLineRow(scope, id, true);
  const l = found.line;
  const beforeSplit = (await splitsOf(scope, [id])).get(id) ?? [];
  const before = presentLine(l, { name: found.supplierName, siret: found.supplierSiret }, beforeSplit);
  await assertLineRefs(scope, l.programmeId, input.costItemId, input.supplierId);
  await assertLineEditable(scope, l, input);
  const eligibility = input.eligibility ?? l.eligibility;
  const htCents = input.htCents ?? l.htCents;
  const checked = checkAmounts({
    htCents,
    vatCents: input.vatCents ?? l.vatCents,
    ttcCents: input.ttcCents ?? l.ttcCents,
    eligibility,
    eligibleCents: input.eligibleCents !== undefined ? input.eligibleCents : l.eligibleCents,
    eligibilityReason: input.eligibilityReason !== undefined ? input.eligibilityReason : l.eligibilityReason,
    // A changed HT must come with a split that still adds up.
    schools: input.schools ?? (beforeSplit.length ? beforeSplit : undefined),
  });
  const { schools: split, ...fields } = input;
  const [row] = await scope.tx
    .update(fundingExpenseLines)
    .set({ ...defined(fields), eligibility, ...checked, updatedAt: new Date() })
    .where(eq(fundingExpenseLines.id, id))
    .returning();
  if (!row) throw notFound('Expense line');
  if (split) await writeSplit(scope, id, split);
  const supplier = await supplierRow(scope, row.supplierId);
  const after = presentLine(row, supplier, split ?? beforeSplit);
  await recordAudit(scope, {
    action: 'funding.expense_line_updated',
    entityType: 'funding_expense_line',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function deleteExpenseLine(scope: Scope, id: string) {
  const before = await getExpenseLine(scope, id);
  await scope.tx.delete(fundingExpenseLines).where(eq(fundingExpenseLines.id, id));
  await recordAudit(scope, {
    action: 'funding.expense_line_deleted',
    entityType: 'funding_expense_line',
    entityId: id,
    before,
  });
}

// Shares and budget -------------------------------------------------------------

/** Schools, classes and pupils of the programme's schools (the caps' basis): latest known school year. */
export async function capBasis(scope: Scope, programmeId: string) {
  const [basis] = await rows<{ schools: number; classes: number; pupils: number }>(
    scope.tx,
    sql`SELECT count(*)::int AS schools,
               coalesce(sum(y.classes_count), 0)::int AS classes,
               coalesce(sum(y.pupils), 0)::int AS pupils
          FROM funding_programme_schools ps
          LEFT JOIN LATERAL (
            SELECT classes_count, pupils FROM school_years sy
             WHERE sy.school_id = ps.school_id ORDER BY sy.year DESC LIMIT 1) y ON true
         WHERE ps.programme_id = ${programmeId}`,
  );
  return basis ?? { schools: 0, classes: 0, pupils: 0 };
}

export { conventionsOf, programmeRow };
