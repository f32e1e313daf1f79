import fs from 'node:fs';
import { and, asc, count, desc, eq, inArray, isNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { can } from '../../../shared/permissions.ts';
import type { Config } from '../../config.ts';
import type { Database, Scope } from '../../db/connection.ts';
import {
  assetCategories,
  assetModels,
  assets,
  classes,
  eligibilityReasons,
  files,
  householdContacts,
  households,
  loanIncidents,
  loanItems,
  loanMessages,
  loanRequests,
  loans,
  mailLog,
  organisations,
  pupils,
  schools,
} from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { attachFile, pathOf } from '../files/service.ts';
import { tagFromScan } from '../inventory/labels.ts';
import { putInCart, takeOutOfCart, transitionAsset } from '../inventory/service.ts';
import { parseSettings, type Settings } from '../organisations/settings.ts';
import { type ConventionData, conventionPdf, DEFAULT_TEMPLATES } from './convention.ts';
import { defaultDueDate, newNonce, newPseudonym } from './rules.ts';
import type { CreateLoanRequestInput } from './schema.ts';

/**
 * Family loans. Personal data (pupil, legal representatives, the typed
 * acceptance name) are read only by roles that need them — managers, the
 * directors of the pupil's school, a technician at handover and return —
 * and every such read is written to the audit trail. Audit snapshots and
 * asset history carry ids and pseudonyms, never names.
 */

export const DEFAULT_REASONS = [
  { code: 'no_device_at_home', labelFr: 'Pas d’équipement au domicile', labelEn: 'No device at home', eligible: true },
  {
    code: 'device_shared',
    labelFr: 'Équipement partagé insuffisant',
    labelEn: 'Shared device not enough',
    eligible: true,
  },
  {
    code: 'no_internet_at_home',
    labelFr: 'Pas de connexion au domicile',
    labelEn: 'No internet at home',
    eligible: true,
  },
  {
    code: 'school_closure',
    labelFr: 'Continuité pédagogique (fermeture)',
    labelEn: 'Teaching continuity (closure)',
    eligible: true,
  },
  { code: 'equipped', labelFr: 'Famille déjà équipée', labelEn: 'Family already equipped', eligible: false },
];

export async function ensureDefaultReasons(scope: Scope): Promise<void> {
  await scope.tx
    .insert(eligibilityReasons)
    .values(DEFAULT_REASONS.map((r) => ({ ...r, organisationId: scope.organisationId })))
    .onConflictDoNothing();
}

async function settingsOf(scope: Scope): Promise<Settings & { organisationName: string }> {
  const [org] = await scope.tx
    .select({ name: organisations.name, settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.id, scope.organisationId));
  return { ...parseSettings(org?.settings), organisationName: org?.name ?? '' };
}

function inReach(actor: Actor, schoolId: string): boolean {
  const reach = schoolScope(actor);
  return reach === 'all' || reach.includes(schoolId);
}

function reachCondition(actor: Actor, column: typeof loans.schoolId | typeof loanRequests.schoolId): SQL | undefined {
  const reach = schoolScope(actor);
  if (reach === 'all') return undefined;
  return reach.length ? inArray(column, [...reach]) : sql`false`;
}

/** Who may read a household's personal data, for a loan in this status (null: a request with no loan yet). */
export function canSeePersonalData(actor: Actor, schoolId: string, loanStatus: string | null): boolean {
  if (!inReach(actor, schoolId)) return false;
  if (actor.roles.includes('admin') || actor.roles.includes('manager') || actor.roles.includes('director')) return true;
  // A technician hands devices over and takes them back: the family's names, then only.
  return actor.roles.includes('technician') && (loanStatus === 'accepted' || loanStatus === 'handed_over');
}

async function householdView(scope: Scope, householdId: string, personal: boolean) {
  const [h] = await scope.tx.select().from(households).where(eq(households.id, householdId));
  if (!h) throw notFound('Household');
  const base = {
    id: h.id,
    pseudonym: h.pseudonym,
    locale: (h.locale === 'en' ? 'en' : 'fr') as 'fr' | 'en',
    purged: h.purgedAt !== null,
  };
  if (!personal || h.purgedAt) return { ...base, pupil: null, contacts: null };
  const [pupil] = await scope.tx
    .select({ firstName: pupils.firstName, lastName: pupils.lastName, className: classes.name })
    .from(pupils)
    .leftJoin(classes, eq(classes.id, pupils.classId))
    .where(eq(pupils.householdId, householdId));
  const contacts = await scope.tx
    .select({
      rank: householdContacts.rank,
      firstName: householdContacts.firstName,
      lastName: householdContacts.lastName,
      addressLine: householdContacts.addressLine,
      postcode: householdContacts.postcode,
      city: householdContacts.city,
      phone: householdContacts.phone,
      email: householdContacts.email,
    })
    .from(householdContacts)
    .where(eq(householdContacts.householdId, householdId))
    .orderBy(asc(householdContacts.rank));
  // Every read of a family's personal data is traced (who, when, which household).
  await recordAudit(scope, { action: 'household.read', entityType: 'household', entityId: householdId });
  return { ...base, pupil: pupil ?? null, contacts };
}

// ---- requests ---------------------------------------------------------------

export async function createRequest(scope: Scope, actor: Actor, input: CreateLoanRequestInput) {
  const [school] = await scope.tx.select({ id: schools.id }).from(schools).where(eq(schools.id, input.schoolId));
  if (!school || !inReach(actor, input.schoolId)) {
    throw new AppError('VALIDATION_FAILED', 'Unknown school', {
      fields: [{ path: 'body.schoolId', message: 'unknown school', code: 'unknown_school' }],
    });
  }
  if (input.classId) {
    const [cls] = await scope.tx
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.id, input.classId), eq(classes.schoolId, input.schoolId)));
    if (!cls)
      throw new AppError('VALIDATION_FAILED', 'Unknown class', {
        fields: [{ path: 'body.classId', message: 'unknown class', code: 'unknown_class' }],
      });
  }
  if (input.need.categoryId) {
    const [c] = await scope.tx
      .select({ id: assetCategories.id })
      .from(assetCategories)
      .where(eq(assetCategories.id, input.need.categoryId));
    if (!c) {
      throw new AppError('VALIDATION_FAILED', 'Unknown category', {
        fields: [{ path: 'body.need.categoryId', message: 'unknown category', code: 'unknown_category' }],
      });
    }
  }
  await ensureDefaultReasons(scope);
  const [reason] = await scope.tx
    .select()
    .from(eligibilityReasons)
    .where(and(eq(eligibilityReasons.code, input.eligibility.reasonCode), eq(eligibilityReasons.active, true)));
  if (!reason) {
    throw new AppError('VALIDATION_FAILED', 'Unknown reason', {
      fields: [{ path: 'body.eligibility.reasonCode', message: 'unknown reason', code: 'unknown_reason' }],
    });
  }
  if (reason.eligible !== input.eligibility.eligible) {
    throw new AppError('VALIDATION_FAILED', 'The reason does not match the decision', {
      fields: [
        { path: 'body.eligibility.reasonCode', message: 'reason of the other decision', code: 'reason_mismatch' },
      ],
    });
  }
  let household: typeof households.$inferSelect | undefined;
  for (let attempt = 0; !household && attempt < 5; attempt++) {
    [household] = await scope.tx
      .insert(households)
      .values({
        organisationId: scope.organisationId,
        schoolId: input.schoolId,
        pseudonym: newPseudonym(),
        locale: input.household.locale,
      })
      .onConflictDoNothing()
      .returning();
  }
  if (!household) throw new AppError('INTERNAL');
  await scope.tx.insert(householdContacts).values(
    input.household.contacts.map((c, i) => ({
      organisationId: scope.organisationId,
      householdId: household.id,
      rank: i + 1,
      firstName: c.firstName,
      lastName: c.lastName,
      addressLine: c.addressLine,
      postcode: c.postcode,
      city: c.city,
      phone: c.phone ?? null,
      email: c.email ?? null,
    })),
  );
  await scope.tx.insert(pupils).values({
    organisationId: scope.organisationId,
    householdId: household.id,
    firstName: input.pupil.firstName,
    lastName: input.pupil.lastName,
    classId: input.classId ?? null,
  });
  const settings = await settingsOf(scope);
  const status = !input.eligibility.eligible ? 'rejected' : settings.loanAutoApprove ? 'approved' : 'pending';
  const [request] = await scope.tx
    .insert(loanRequests)
    .values({
      organisationId: scope.organisationId,
      schoolId: input.schoolId,
      householdId: household.id,
      categoryId: input.need.categoryId ?? null,
      needsConnectivity: input.need.connectivity,
      eligible: input.eligibility.eligible,
      reasonCode: input.eligibility.reasonCode,
      decidedBy: actor.userId,
      decidedOn: input.eligibility.decidedOn,
      status,
      requestedBy: actor.userId,
    })
    .returning();
  if (!request) throw new AppError('INTERNAL');
  await recordAudit(scope, {
    action: 'loan_request.created',
    entityType: 'loan_request',
    entityId: request.id,
    after: {
      household: household.pseudonym,
      schoolId: input.schoolId,
      eligible: input.eligibility.eligible,
      reasonCode: input.eligibility.reasonCode,
      status,
    },
  });
  return getRequest(scope, actor, request.id);
}

export async function getRequest(scope: Scope, actor: Actor, id: string) {
  const [row] = await scope.tx
    .select({ r: loanRequests, school: schools, categoryName: assetCategories.nameFr })
    .from(loanRequests)
    .innerJoin(schools, eq(schools.id, loanRequests.schoolId))
    .leftJoin(assetCategories, eq(assetCategories.id, loanRequests.categoryId))
    .where(and(eq(loanRequests.id, id), reachCondition(actor, loanRequests.schoolId)));
  if (!row) throw notFound('Loan request');
  const [loan] = await scope.tx
    .select({ id: loans.id, status: loans.status })
    .from(loans)
    .where(and(eq(loans.requestId, id), notInArray(loans.status, ['cancelled'])));
  const personal = canSeePersonalData(actor, row.r.schoolId, loan?.status ?? null);
  return presentRequest(row, await householdView(scope, row.r.householdId, personal), loan?.id ?? null, actor);
}

function presentRequest(
  row: { r: typeof loanRequests.$inferSelect; school: typeof schools.$inferSelect; categoryName: string | null },
  household: Awaited<ReturnType<typeof householdView>>,
  loanId: string | null,
  actor: Actor,
) {
  return {
    id: row.r.id,
    school: {
      id: row.school.id,
      uai: row.school.uai,
      name: row.school.name,
      priorityEducation: row.school.priorityEducation,
    },
    household,
    need: { categoryId: row.r.categoryId, categoryName: row.categoryName, connectivity: row.r.needsConnectivity },
    eligibility: { eligible: row.r.eligible, reasonCode: row.r.reasonCode, decidedOn: row.r.decidedOn },
    status: row.r.status as 'pending' | 'approved' | 'rejected' | 'allocated' | 'cancelled',
    loanId,
    createdAt: row.r.createdAt.toISOString(),
    can: {
      approve: row.r.status === 'pending' && can(actor.roles, 'loans.approve'),
      allocate: row.r.status === 'approved' && can(actor.roles, 'loans.allocate'),
    },
  };
}

/** Lists never carry personal data: the pseudonym, school and status; details are one click away (and audited). */
export async function findRequests(
  scope: Scope,
  actor: Actor,
  q: {
    schoolId?: string | undefined;
    status?: string | undefined;
    campaignId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const where = and(
    reachCondition(actor, loanRequests.schoolId),
    q.schoolId ? eq(loanRequests.schoolId, q.schoolId) : undefined,
    q.status ? eq(loanRequests.status, q.status) : undefined,
    q.campaignId ? eq(loanRequests.campaignId, q.campaignId) : undefined,
    // Teachers see the requests they filed.
    actor.roles.every((r) => r === 'teacher') ? eq(loanRequests.requestedBy, actor.userId) : undefined,
  );
  const [total] = await scope.tx.select({ n: count() }).from(loanRequests).where(where);
  const found = await scope.tx
    .select({ r: loanRequests, school: schools, categoryName: assetCategories.nameFr, h: households })
    .from(loanRequests)
    .innerJoin(schools, eq(schools.id, loanRequests.schoolId))
    .innerJoin(households, eq(households.id, loanRequests.householdId))
    .leftJoin(assetCategories, eq(assetCategories.id, loanRequests.categoryId))
    .where(where)
    .orderBy(desc(loanRequests.createdAt))
    .limit(q.limit)
    .offset(q.offset);
  const loanIds = found.length
    ? await scope.tx
        .select({ id: loans.id, requestId: loans.requestId })
        .from(loans)
        .where(
          and(
            inArray(
              loans.requestId,
              found.map((f) => f.r.id),
            ),
            notInArray(loans.status, ['cancelled']),
          ),
        )
    : [];
  return {
    items: found.map((f) =>
      presentRequest(
        f,
        {
          id: f.h.id,
          pseudonym: f.h.pseudonym,
          locale: f.h.locale === 'en' ? 'en' : 'fr',
          purged: f.h.purgedAt !== null,
          pupil: null,
          contacts: null,
        },
        loanIds.find((l) => l.requestId === f.r.id)?.id ?? null,
        actor,
      ),
    ),
    total: Number(total?.n ?? 0),
  };
}

export async function reviewRequest(
  scope: Scope,
  actor: Actor,
  id: string,
  decision: 'approved' | 'rejected' | 'cancelled',
) {
  const [row] = await scope.tx
    .select()
    .from(loanRequests)
    .where(and(eq(loanRequests.id, id), reachCondition(actor, loanRequests.schoolId)))
    .for('update');
  if (!row) throw notFound('Loan request');
  const allowed = decision === 'cancelled' ? ['pending', 'approved'] : ['pending'];
  if (!allowed.includes(row.status)) throw new AppError('LOAN_INVALID_STATE', `The request is ${row.status}`);
  await scope.tx
    .update(loanRequests)
    .set({ status: decision, reviewedBy: actor.userId, reviewedAt: new Date(), updatedAt: new Date() })
    .where(eq(loanRequests.id, id));
  await recordAudit(scope, {
    action: `loan_request.${decision}`,
    entityType: 'loan_request',
    entityId: id,
    before: { status: row.status },
    after: { status: decision },
  });
  return getRequest(scope, actor, id);
}

// ---- loans ---------------------------------------------------------------------

async function resolveAssets(scope: Scope, ids: string[] | undefined, rawTags: string[] | undefined) {
  const tags = (rawTags ?? []).map(tagFromScan);
  const found = await scope.tx
    .select({
      id: assets.id,
      tag: assets.tag,
      status: assets.status,
      schoolId: assets.schoolId,
      version: assets.version,
      role: assetCategories.role,
    })
    .from(assets)
    .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
    .innerJoin(assetCategories, eq(assetCategories.id, assetModels.categoryId))
    .where(or(ids?.length ? inArray(assets.id, ids) : undefined, tags.length ? inArray(assets.tag, tags) : undefined));
  const missing = [
    ...(ids ?? []).filter((id) => !found.some((f) => f.id === id)),
    ...tags.filter((t) => !found.some((f) => f.tag === t)),
  ];
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', `Unknown asset(s): ${missing.join(', ')}`, {
      fields: missing.map((m) => ({ path: 'body.tags', message: `unknown: ${m}`, code: 'unknown_asset' })),
    });
  }
  return found;
}

const LENDABLE = ['deployed', 'in_cart', 'in_stock'];

export async function allocate(
  scope: Scope,
  actor: Actor,
  requestId: string,
  input: { assetIds?: string[] | undefined; tags?: string[] | undefined; dueDate?: string | undefined },
) {
  const loan = await allocateLoan(scope, actor, requestId, input);
  return getLoan(scope, actor, loan.id);
}

/**
 * The allocation itself, without presenting the loan (no read of personal
 * data): crisis campaigns confirm thousands of pairs through it.
 */
export async function allocateLoan(
  scope: Scope,
  actor: Actor,
  requestId: string,
  input: { assetIds?: string[] | undefined; tags?: string[] | undefined; dueDate?: string | undefined },
) {
  const [request] = await scope.tx
    .select()
    .from(loanRequests)
    .where(and(eq(loanRequests.id, requestId), reachCondition(actor, loanRequests.schoolId)))
    .for('update');
  if (!request) throw notFound('Loan request');
  if (request.status !== 'approved')
    throw new AppError('LOAN_INVALID_STATE', `The request is ${request.status}, not approved`);
  const chosen = await resolveAssets(scope, input.assetIds, input.tags);
  for (const a of chosen) {
    if (!LENDABLE.includes(a.status)) {
      throw new AppError('LOAN_DEVICE_UNAVAILABLE', `Asset ${a.tag} is ${a.status}: it cannot be lent`, {
        fields: [{ path: 'body.tags', message: a.tag, code: 'unavailable' }],
      });
    }
    if (a.schoolId && a.schoolId !== request.schoolId && !inReach(actor, a.schoolId)) {
      throw new AppError('LOAN_DEVICE_UNAVAILABLE', `Asset ${a.tag} is not available to this school`);
    }
  }
  const dueDate = input.dueDate ?? defaultDueDate((await settingsOf(scope)).loanDueMonthDay);
  const [loan] = await scope.tx
    .insert(loans)
    .values({
      organisationId: scope.organisationId,
      requestId,
      householdId: request.householdId,
      schoolId: request.schoolId,
      dueDate,
      linkNonce: newNonce(),
      allocatedBy: actor.userId,
      campaignId: request.campaignId,
    })
    .returning();
  if (!loan) throw new AppError('INTERNAL');
  try {
    // The partial unique index keeps one open loan per device: a savepoint turns its refusal into a 409.
    await scope.tx.transaction(async (sp) => {
      await sp.insert(loanItems).values(
        chosen.map((a) => ({
          organisationId: scope.organisationId,
          loanId: loan.id,
          assetId: a.id,
          role: a.role === 'hotspot' ? 'hotspot' : a.role === 'accessory' ? 'other' : 'device',
        })),
      );
    });
  } catch (error) {
    const code =
      (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
    if (code === '23505') throw new AppError('LOAN_DEVICE_TAKEN', 'A device of this allocation is already lent');
    throw error;
  }
  await scope.tx
    .update(loanRequests)
    .set({ status: 'allocated', updatedAt: new Date() })
    .where(eq(loanRequests.id, requestId));
  await recordAudit(scope, {
    action: 'loan.allocated',
    entityType: 'loan',
    entityId: loan.id,
    after: { requestId, assets: chosen.map((a) => a.tag), dueDate },
  });
  return loan;
}

async function loanRow(scope: Scope, actor: Actor, id: string, lock = false) {
  const q = scope.tx
    .select()
    .from(loans)
    .where(and(eq(loans.id, id), reachCondition(actor, loans.schoolId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Loan');
  return row;
}

async function itemsOf(scope: Scope, loanId: string) {
  return scope.tx
    .select({
      assetId: loanItems.assetId,
      tag: assets.tag,
      serial: assets.serial,
      model: assetModels.name,
      role: loanItems.role,
      open: loanItems.open,
      status: assets.status,
      version: assets.version,
    })
    .from(loanItems)
    .innerJoin(assets, eq(assets.id, loanItems.assetId))
    .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
    .where(eq(loanItems.loanId, loanId))
    .orderBy(asc(assets.tag));
}

export async function getLoan(scope: Scope, actor: Actor, id: string) {
  const row = await loanRow(scope, actor, id);
  const [school] = await scope.tx.select().from(schools).where(eq(schools.id, row.schoolId));
  const personal = canSeePersonalData(actor, row.schoolId, row.status);
  const items = await itemsOf(scope, id);
  const today = new Date().toISOString().slice(0, 10);
  return {
    id: row.id,
    requestId: row.requestId,
    school: { id: row.schoolId, uai: school?.uai ?? '', name: school?.name ?? '' },
    household: await householdView(scope, row.householdId, personal),
    status: row.status as 'allocated' | 'accepted' | 'handed_over' | 'returned' | 'closed' | 'cancelled',
    dueDate: row.dueDate,
    overdue: row.status === 'handed_over' && row.dueDate < today,
    items: items.map(({ status: _s, version: _v, ...i }) => i),
    allocatedAt: row.allocatedAt.toISOString(),
    acceptedVia: row.acceptedVia as 'link' | 'paper' | null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    handedOverAt: row.handedOverAt?.toISOString() ?? null,
    conditionOut: row.conditionOut,
    conditionOutNotes: personal ? row.conditionOutNotes : null,
    returnedAt: row.returnedAt?.toISOString() ?? null,
    conditionIn: row.conditionIn,
    conditionInNotes: personal ? row.conditionInNotes : null,
    wipedAt: row.wipedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    can: {
      seePersonalData: personal,
      handover: row.status === 'accepted' && can(actor.roles, 'loans.handover'),
      return: row.status === 'handed_over' && can(actor.roles, 'loans.handover'),
      sendLink: ['allocated', 'accepted', 'handed_over'].includes(row.status) && can(actor.roles, 'loans.allocate'),
    },
  };
}

export async function findLoans(
  scope: Scope,
  actor: Actor,
  q: {
    schoolId?: string | undefined;
    status?: string | undefined;
    overdue?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const today = new Date().toISOString().slice(0, 10);
  const where = and(
    reachCondition(actor, loans.schoolId),
    q.schoolId ? eq(loans.schoolId, q.schoolId) : undefined,
    q.status ? eq(loans.status, q.status) : undefined,
    q.overdue === 'true' ? and(eq(loans.status, 'handed_over'), lt(loans.dueDate, today)) : undefined,
  );
  const [total] = await scope.tx.select({ n: count() }).from(loans).where(where);
  const found = await scope.tx
    .select({ l: loans, school: schools, h: households })
    .from(loans)
    .innerJoin(schools, eq(schools.id, loans.schoolId))
    .innerJoin(households, eq(households.id, loans.householdId))
    .where(where)
    .orderBy(asc(loans.dueDate), asc(loans.id))
    .limit(q.limit)
    .offset(q.offset);
  const items = [];
  for (const f of found) {
    const its = await itemsOf(scope, f.l.id);
    items.push({
      id: f.l.id,
      requestId: f.l.requestId,
      school: { id: f.school.id, uai: f.school.uai, name: f.school.name },
      household: {
        id: f.h.id,
        pseudonym: f.h.pseudonym,
        locale: (f.h.locale === 'en' ? 'en' : 'fr') as 'fr' | 'en',
        purged: f.h.purgedAt !== null,
        pupil: null,
        contacts: null,
      },
      status: f.l.status as 'allocated',
      dueDate: f.l.dueDate,
      overdue: f.l.status === 'handed_over' && f.l.dueDate < today,
      items: its.map(({ status: _s, version: _v, ...i }) => i),
      allocatedAt: f.l.allocatedAt.toISOString(),
      acceptedVia: f.l.acceptedVia as 'link' | null,
      acceptedAt: f.l.acceptedAt?.toISOString() ?? null,
      handedOverAt: f.l.handedOverAt?.toISOString() ?? null,
      conditionOut: f.l.conditionOut,
      conditionOutNotes: null,
      returnedAt: f.l.returnedAt?.toISOString() ?? null,
      conditionIn: f.l.conditionIn,
      conditionInNotes: null,
      wipedAt: f.l.wipedAt?.toISOString() ?? null,
      closedAt: f.l.closedAt?.toISOString() ?? null,
      can: { seePersonalData: false, handover: false, return: false, sendLink: false },
    });
  }
  return { items, total: Number(total?.n ?? 0) };
}

// ---- convention ------------------------------------------------------------------

/** Everything the convention says; reads personal data (the caller has checked who asks). */
export async function conventionData(
  scope: Scope,
  loanId: string,
): Promise<{ data: ConventionData; template: string; locale: 'fr' | 'en' }> {
  const [loan] = await scope.tx.select().from(loans).where(eq(loans.id, loanId));
  if (!loan) throw notFound('Loan');
  const settings = await settingsOf(scope);
  const [h] = await scope.tx.select().from(households).where(eq(households.id, loan.householdId));
  if (!h || h.purgedAt) throw new AppError('CONFLICT', 'The personal data of this loan were deleted');
  const [school] = await scope.tx.select({ name: schools.name }).from(schools).where(eq(schools.id, loan.schoolId));
  const [pupil] = await scope.tx.select().from(pupils).where(eq(pupils.householdId, loan.householdId));
  const contacts = await scope.tx
    .select()
    .from(householdContacts)
    .where(eq(householdContacts.householdId, loan.householdId))
    .orderBy(asc(householdContacts.rank));
  const items = await itemsOf(scope, loanId);
  const locale = h.locale === 'en' ? 'en' : 'fr';
  const custom = settings.loanConventionTemplate[locale];
  return {
    locale,
    template: custom || DEFAULT_TEMPLATES[locale],
    data: {
      organisation: settings.organisationName,
      school: school?.name ?? '',
      pupil: pupil ? `${pupil.firstName} ${pupil.lastName}` : '',
      representatives: contacts.map((c) => `${c.firstName} ${c.lastName}, ${c.addressLine}, ${c.postcode} ${c.city}`),
      devices: items.map((i) => ({ tag: i.tag, model: i.model, serial: i.serial })),
      dueDate: loan.dueDate,
      dpoContact: settings.dpoContact,
      retentionDays: settings.loanRetentionDays,
      date: (loan.acceptedAt ?? new Date()).toISOString().slice(0, 10),
      acceptance:
        loan.acceptedAt && loan.acceptedName ? { name: loan.acceptedName, at: loan.acceptedAt.toISOString() } : null,
    },
  };
}

export async function conventionFor(scope: Scope, actor: Actor, loanId: string, locale?: 'fr' | 'en') {
  const loan = await loanRow(scope, actor, loanId);
  if (!canSeePersonalData(actor, loan.schoolId, loan.status))
    throw new AppError('FORBIDDEN', 'The convention holds personal data');
  const c = await conventionData(scope, loanId);
  const lang = locale ?? c.locale;
  await recordAudit(scope, {
    action: 'household.read',
    entityType: 'household',
    entityId: loan.householdId,
    after: { document: 'convention' },
  });
  return conventionPdf(lang === c.locale ? c.template : DEFAULT_TEMPLATES[lang], c.data, lang);
}

export async function rotateLink(scope: Scope, actor: Actor, loanId: string, revokePrevious: boolean) {
  const loan = await loanRow(scope, actor, loanId, true);
  if (!['allocated', 'accepted', 'handed_over'].includes(loan.status))
    throw new AppError('LOAN_INVALID_STATE', `The loan is ${loan.status}`);
  let nonce = loan.linkNonce;
  if (revokePrevious) {
    nonce = newNonce();
    await scope.tx.update(loans).set({ linkNonce: nonce, updatedAt: new Date() }).where(eq(loans.id, loanId));
    await recordAudit(scope, { action: 'loan.link_revoked', entityType: 'loan', entityId: loanId });
  }
  return { loan, nonce };
}

/** The family accepts through its link: name typed, time, and a keyed hash of the address; the accepted PDF is archived. */
export async function acceptLoan(scope: Scope, config: Config, loanId: string, name: string, ipHash: string) {
  const [loan] = await scope.tx.select().from(loans).where(eq(loans.id, loanId)).for('update');
  if (!loan) throw notFound('Loan');
  if (loan.status !== 'allocated')
    throw new AppError('LOAN_INVALID_STATE', loan.acceptedAt ? 'Already accepted' : `The loan is ${loan.status}`);
  const at = new Date();
  await scope.tx
    .update(loans)
    .set({
      status: 'accepted',
      acceptedVia: 'link',
      acceptedAt: at,
      acceptedName: name,
      acceptedIpHash: ipHash,
      updatedAt: at,
    })
    .where(eq(loans.id, loanId));
  const c = await conventionData(scope, loanId);
  const pdf = await conventionPdf(c.template, { ...c.data, acceptance: { name, at: at.toISOString() } }, c.locale);
  const file = await attachFile(
    scope,
    config,
    { type: 'loan', id: loanId },
    pdf,
    `convention-acceptee-${at.toISOString().slice(0, 10)}.pdf`,
  );
  await scope.tx.update(loans).set({ acceptedFileId: file.id }).where(eq(loans.id, loanId));
  await recordAudit(scope, {
    action: 'loan.accepted',
    entityType: 'loan',
    entityId: loanId,
    after: { via: 'link', fileId: file.id },
  });
}

/** The school uploads the paper convention signed by hand. */
export async function acceptOnPaper(scope: Scope, actor: Actor, config: Config, loanId: string, bytes: Uint8Array) {
  const loan = await loanRow(scope, actor, loanId, true);
  if (loan.status !== 'allocated') throw new AppError('LOAN_INVALID_STATE', `The loan is ${loan.status}`);
  const file = await attachFile(scope, config, { type: 'loan', id: loanId }, bytes, 'convention-signee');
  const at = new Date();
  await scope.tx
    .update(loans)
    .set({ status: 'accepted', acceptedVia: 'paper', acceptedAt: at, acceptedFileId: file.id, updatedAt: at })
    .where(eq(loans.id, loanId));
  await recordAudit(scope, {
    action: 'loan.accepted',
    entityType: 'loan',
    entityId: loanId,
    after: { via: 'paper', fileId: file.id },
  });
  return getLoan(scope, actor, loanId);
}

// ---- handover and return -------------------------------------------------------------

function sameTags(expected: string[], scanned: string[]) {
  const a = [...new Set(expected)].sort();
  const b = [...new Set(scanned.map(tagFromScan))].sort();
  return {
    ok: a.length === b.length && a.every((t, i) => t === b[i]),
    missing: a.filter((t) => !b.includes(t)),
    extra: b.filter((t) => !a.includes(t)),
  };
}

export async function handover(
  scope: Scope,
  actor: Actor,
  loanId: string,
  input: { tags: string[]; condition: 'ok' | 'damaged' | 'accessories_missing'; notes?: string | null | undefined },
) {
  const loan = await loanRow(scope, actor, loanId, true);
  if (loan.status === 'allocated')
    throw new AppError('LOAN_NOT_ACCEPTED', 'The convention is not accepted yet: no handover before it is');
  if (loan.status !== 'accepted') throw new AppError('LOAN_INVALID_STATE', `The loan is ${loan.status}`);
  const items = (await itemsOf(scope, loanId)).filter((i) => i.open);
  const check = sameTags(
    items.map((i) => i.tag),
    input.tags,
  );
  if (!check.ok) {
    throw new AppError('VALIDATION_FAILED', 'The scanned devices are not the allocated ones', {
      fields: [
        ...check.missing.map((t) => ({ path: 'body.tags', message: `not scanned: ${t}`, code: 'not_scanned' })),
        ...check.extra.map((t) => ({ path: 'body.tags', message: `not allocated: ${t}`, code: 'not_allocated' })),
      ],
    });
  }
  const options = { note: `loan:${loanId}` };
  for (const item of items) {
    if (item.status === 'in_cart')
      await takeOutOfCart(scope, actor, item.assetId, { version: item.version, to: 'on_loan' }, options);
    else if (item.status === 'in_stock') {
      // The lifecycle has no in_stock → on_loan: a device lent from stock (crisis
      // campaigns) is prepared, then given out at the loan's school.
      let a = await transitionAsset(scope, actor, item.assetId, { version: item.version, to: 'preparing' }, options);
      a = await transitionAsset(
        scope,
        actor,
        item.assetId,
        { version: a.version, to: 'deployed', location: { schoolId: loan.schoolId } },
        options,
      );
      await transitionAsset(scope, actor, item.assetId, { version: a.version, to: 'on_loan' }, options);
    } else await transitionAsset(scope, actor, item.assetId, { version: item.version, to: 'on_loan' }, options);
  }
  await scope.tx
    .update(loans)
    .set({
      status: 'handed_over',
      handedOverAt: new Date(),
      handedOverBy: actor.userId,
      conditionOut: input.condition,
      conditionOutNotes: input.notes || null,
      updatedAt: new Date(),
    })
    .where(eq(loans.id, loanId));
  await recordAudit(scope, {
    action: 'loan.handed_over',
    entityType: 'loan',
    entityId: loanId,
    after: { condition: input.condition, assets: items.map((i) => i.tag), notes: Boolean(input.notes) },
  });
  return getLoan(scope, actor, loanId);
}

export async function returnLoan(
  scope: Scope,
  actor: Actor,
  loanId: string,
  input: {
    tags: string[];
    condition: 'ok' | 'damaged' | 'accessories_missing';
    notes?: string | null | undefined;
    destination: { stockLocationId?: string | undefined; cartId?: string | undefined };
  },
) {
  await returnLoanItems(scope, actor, loanId, input);
  return getLoan(scope, actor, loanId);
}

/**
 * The return itself, without presenting the loan (no read of personal
 * data): return drives take back many loans through it. No destination:
 * in stock at the loan's school.
 */
export async function returnLoanItems(
  scope: Scope,
  actor: Actor,
  loanId: string,
  input: {
    tags: string[];
    condition: 'ok' | 'damaged' | 'accessories_missing';
    /** Notes on the condition; kept from an earlier partial return when absent. */
    notes?: string | null | undefined;
    destination: { stockLocationId?: string | undefined; cartId?: string | undefined };
  },
): Promise<{ status: string; returned: string[]; stillOut: number }> {
  const loan = await loanRow(scope, actor, loanId, true);
  if (loan.status !== 'handed_over') throw new AppError('LOAN_INVALID_STATE', `The loan is ${loan.status}`);
  const open = (await itemsOf(scope, loanId)).filter((i) => i.open);
  const scanned = new Set(input.tags.map(tagFromScan));
  const returning = open.filter((i) => scanned.has(i.tag));
  const unknown = [...scanned].filter((t) => !open.some((i) => i.tag === t));
  if (unknown.length || returning.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'The scanned devices are not out on this loan', {
      fields: (unknown.length ? unknown : ['(none)']).map((t) => ({
        path: 'body.tags',
        message: `not on this loan: ${t}`,
        code: 'not_on_loan',
      })),
    });
  }
  const options = { note: `loan:${loanId}` };
  for (const item of returning) {
    let a = await transitionAsset(scope, actor, item.assetId, { version: item.version, to: 'returned' }, options);
    // Wiped (MDM reset) between users: the device goes back to stock, or on to its cart.
    a = await transitionAsset(
      scope,
      actor,
      item.assetId,
      {
        version: a.version,
        to: 'in_stock',
        wiped: true,
        location: input.destination.stockLocationId
          ? { stockLocationId: input.destination.stockLocationId }
          : { schoolId: loan.schoolId },
      },
      { note: `loan:${loanId} wiped` },
    );
    if (input.destination.cartId) {
      a = await transitionAsset(scope, actor, item.assetId, { version: a.version, to: 'preparing' }, options);
      await putInCart(scope, actor, item.assetId, { version: a.version, cartId: input.destination.cartId }, options);
    }
    await scope.tx
      .update(loanItems)
      .set({ open: false, returnedAt: new Date() })
      .where(and(eq(loanItems.loanId, loanId), eq(loanItems.assetId, item.assetId)));
  }
  const stillOut = open.length - returning.length;
  const now = new Date();
  if (input.notes) {
    await scope.tx.update(loans).set({ conditionInNotes: input.notes, updatedAt: now }).where(eq(loans.id, loanId));
  }
  if (stillOut === 0) {
    const [pending] = await scope.tx
      .select({ n: count() })
      .from(loanIncidents)
      .where(and(eq(loanIncidents.loanId, loanId), eq(loanIncidents.outcome, 'pending')));
    const settled = Number(pending?.n ?? 0) === 0;
    await scope.tx
      .update(loans)
      .set({
        status: settled ? 'closed' : 'returned',
        returnedAt: now,
        returnedBy: actor.userId,
        conditionIn: input.condition,
        wipedAt: now,
        wipedBy: actor.userId,
        closedAt: settled ? now : null,
        updatedAt: now,
      })
      .where(eq(loans.id, loanId));
  }
  await recordAudit(scope, {
    action: 'loan.returned',
    entityType: 'loan',
    entityId: loanId,
    after: {
      condition: input.condition,
      assets: returning.map((i) => i.tag),
      stillOut,
      wiped: true,
      notes: Boolean(input.notes),
    },
  });
  const [after] = await scope.tx.select({ status: loans.status }).from(loans).where(eq(loans.id, loanId));
  return { status: after?.status ?? loan.status, returned: returning.map((i) => i.tag), stillOut };
}

// ---- retention ------------------------------------------------------------------------

/**
 * Deletes the personal data of these households (retention purge, erasure
 * on request): pupil, representatives, the typed acceptance name, what the
 * family wrote, the conventions (files rows; the caller unlinks the
 * returned file ids once committed), incident notes and the family's
 * addresses in the mail log. Kept: the pseudonym, dates, devices, outcomes.
 */
export async function removePersonalData(scope: Scope, ids: string[], now: Date): Promise<{ fileIds: string[] }> {
  await scope.tx.delete(householdContacts).where(inArray(householdContacts.householdId, ids));
  await scope.tx.delete(pupils).where(inArray(pupils.householdId, ids));
  await scope.tx.update(mailLog).set({ recipient: null }).where(inArray(mailLog.householdId, ids));
  const loanRows = await scope.tx.select({ id: loans.id }).from(loans).where(inArray(loans.householdId, ids));
  const loanIds = loanRows.map((l) => l.id);
  let fileIds: string[] = [];
  if (loanIds.length) {
    await scope.tx
      .update(loans)
      .set({
        acceptedName: null,
        acceptedIpHash: null,
        acceptedFileId: null,
        conditionOutNotes: null,
        conditionInNotes: null,
      })
      .where(inArray(loans.id, loanIds));
    await scope.tx.update(loanIncidents).set({ notes: null }).where(inArray(loanIncidents.loanId, loanIds));
    // What the family wrote through its link (migration 0011) goes with the rest.
    await scope.tx.delete(loanMessages).where(inArray(loanMessages.loanId, loanIds));
    // Conventions name the family: they go too.
    const docs = await scope.tx
      .select({ id: files.id })
      .from(files)
      .where(and(eq(files.entityType, 'loan'), inArray(files.entityId, loanIds)));
    fileIds = docs.map((d) => d.id);
    if (fileIds.length) await scope.tx.delete(files).where(inArray(files.id, fileIds));
  }
  await scope.tx
    .update(households)
    .set({ purgedAt: now, updatedAt: now })
    .where(and(inArray(households.id, ids), isNull(households.purgedAt)));
  return { fileIds };
}

/**
 * Daily job: delete the personal data of households whose loans are all
 * closed (incidents settled) or cancelled, and whose requests were
 * decided, for longer than the retention delay. What remains: the
 * pseudonym, the loans' dates and devices — no name, address or contact.
 */
export async function purgePersonalData(
  db: Database,
  config: Config,
  now = new Date(),
): Promise<{ households: number }> {
  const orgs = await db.owner.select({ id: organisations.id, settings: organisations.settings }).from(organisations);
  let purged = 0;
  for (const org of orgs) {
    const days = parseSettings(org.settings).loanRetentionDays;
    const limit = new Date(now.getTime() - days * 86_400_000);
    const unlinks = await db.withOrg(
      { organisationId: org.id, userId: null, actorKind: 'job', requestId: null },
      async (scope) => {
        const due = await scope.tx.execute(sql`
        SELECT h.id, h.pseudonym FROM households h
         WHERE h.purged_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.household_id = h.id
                            AND (l.status NOT IN ('closed', 'cancelled') OR coalesce(l.closed_at, l.updated_at) > ${limit}))
           AND NOT EXISTS (SELECT 1 FROM loan_incidents i JOIN loans l ON l.id = i.loan_id
                            WHERE l.household_id = h.id AND (i.outcome = 'pending' OR i.settled_at > ${limit}))
           AND NOT EXISTS (SELECT 1 FROM loan_requests r WHERE r.household_id = h.id
                            AND (r.status IN ('pending', 'approved') OR r.updated_at > ${limit}))`);
        const rowsDue = (due as unknown as { rows: { id: string; pseudonym: string }[] }).rows;
        if (rowsDue.length === 0) return [];
        const ids = rowsDue.map((r) => r.id);
        const { fileIds } = await removePersonalData(scope, ids, now);
        await recordAudit(scope, {
          action: 'household.purged',
          entityType: 'household',
          after: { households: rowsDue.map((r) => r.pseudonym), retentionDays: days, files: fileIds.length },
        });
        purged += ids.length;
        return fileIds.map((id) => () => fs.rmSync(pathOf(config, org.id, id), { force: true }));
      },
    );
    for (const unlink of unlinks) unlink();
  }
  return { households: purged };
}
