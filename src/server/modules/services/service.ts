import { and, asc, count, eq, gt, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { can } from '../../../shared/permissions.ts';
import { laterDay } from '../../../shared/prorate.ts';
import type { Scope } from '../../db/connection.ts';
import { contracts, digitalServices, schoolSubscriptions, schools, suppliers } from '../../db/schema.ts';
import { AppError, type InvalidField, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { type Declaration, declarationsOf } from '../funding/subscriptions.ts';
import { reachable } from '../schools/service.ts';
import { subscriptionStatus, todayIso } from './rules.ts';
import type {
  CreateServiceInput,
  CreateSubscriptionInput,
  ServiceQuery,
  SubscriptionQuery,
  UpdateServiceInput,
  UpdateSubscriptionInput,
} from './schema.ts';

/**
 * The digital services catalogue and the schools' subscriptions (issue #8
 * point 4). Every function runs inside `withOrg` (RLS keeps the
 * organisation; the lookups filter on it too, since the demo seed runs as
 * the owner). Subscriptions are read through `reachable()`: a director sees
 * their schools' subscriptions only, another school's is "not found". Every
 * write records its audit event in the same transaction.
 */

type ServiceRow = typeof digitalServices.$inferSelect;
type SubscriptionRow = typeof schoolSubscriptions.$inferSelect;

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const invalid = (detail: string, fields: InvalidField[]) => new AppError('VALIDATION_FAILED', detail, { fields });

/** Subscriptions covering `day` (first and last day included). */
function activeOn(day: string): SQL {
  return and(
    lte(schoolSubscriptions.startsOn, day),
    or(isNull(schoolSubscriptions.endsOn), gte(schoolSubscriptions.endsOn, day)),
  ) as SQL;
}

// Catalogue -------------------------------------------------------------------------

function presentService(
  actor: Actor,
  s: ServiceRow,
  supplierName: string | null,
  counts: { active: number; total: number },
) {
  const manage = can(actor.roles, 'services.manage');
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    supplierId: s.supplierId,
    supplierName,
    description: s.description,
    pricing: s.pricing,
    unitPriceCents: s.unitPriceCents,
    archived: s.archived,
    activeSubscriptions: counts.active,
    subscriptionCount: counts.total,
    can: { update: manage, delete: manage && counts.total === 0 },
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

async function selectServices(scope: Scope, actor: Actor, where: SQL | undefined) {
  const today = todayIso();
  const found = await scope.tx
    .select({
      s: digitalServices,
      supplierName: suppliers.name,
      active: sql<number>`(count(${schoolSubscriptions.id}) FILTER (WHERE ${activeOn(today)}))::int`,
      total: sql<number>`count(${schoolSubscriptions.id})::int`,
    })
    .from(digitalServices)
    .leftJoin(suppliers, eq(suppliers.id, digitalServices.supplierId))
    .leftJoin(
      schoolSubscriptions,
      and(eq(schoolSubscriptions.serviceId, digitalServices.id), reachable(actor, schoolSubscriptions.schoolId)),
    )
    .where(and(eq(digitalServices.organisationId, scope.organisationId), where))
    .groupBy(digitalServices.id, suppliers.name)
    .orderBy(asc(sql`lower(${digitalServices.name})`));
  return found.map((f) =>
    presentService(actor, f.s, f.supplierName, { active: Number(f.active), total: Number(f.total) }),
  );
}

export async function findServices(scope: Scope, actor: Actor, query: ServiceQuery = {}) {
  return selectServices(
    scope,
    actor,
    and(
      query.kind ? eq(digitalServices.kind, query.kind) : undefined,
      query.includeArchived === 'true' ? undefined : eq(digitalServices.archived, false),
    ),
  );
}

export async function getService(scope: Scope, actor: Actor, id: string) {
  const [found] = await selectServices(scope, actor, eq(digitalServices.id, id));
  if (!found) throw notFound('Service');
  return found;
}

async function serviceRow(scope: Scope, id: string, lock = false): Promise<ServiceRow> {
  const query = scope.tx
    .select()
    .from(digitalServices)
    .where(and(eq(digitalServices.id, id), eq(digitalServices.organisationId, scope.organisationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Service');
  return row;
}

async function assertNameFree(scope: Scope, name: string, except?: string) {
  const [dup] = await scope.tx
    .select({ id: digitalServices.id })
    .from(digitalServices)
    .where(
      and(
        eq(digitalServices.organisationId, scope.organisationId),
        sql`lower(${digitalServices.name}) = lower(${name})`,
      ),
    );
  if (dup && dup.id !== except) {
    throw new AppError('CONFLICT', 'A service has this name', {
      fields: [{ path: 'body.name', message: 'already used', code: 'name_taken' }],
    });
  }
}

async function assertSupplier(scope: Scope, id: string) {
  const [row] = await scope.tx
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(and(eq(suppliers.id, id), eq(suppliers.organisationId, scope.organisationId)));
  if (!row) {
    throw invalid('Unknown supplier', [
      { path: 'body.supplierId', message: 'unknown_supplier', code: 'unknown_supplier' },
    ]);
  }
}

export async function createService(scope: Scope, actor: Actor, input: CreateServiceInput) {
  await assertNameFree(scope, input.name);
  if (input.supplierId) await assertSupplier(scope, input.supplierId);
  const [row] = await scope.tx
    .insert(digitalServices)
    .values({ ...defined(input), name: input.name, kind: input.kind, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const after = await getService(scope, actor, row.id);
  await recordAudit(scope, {
    action: 'services.service_created',
    entityType: 'digital_service',
    entityId: row.id,
    after,
  });
  return after;
}

export async function updateService(scope: Scope, actor: Actor, id: string, input: UpdateServiceInput) {
  await serviceRow(scope, id, true);
  if (input.name !== undefined) await assertNameFree(scope, input.name, id);
  if (input.supplierId) await assertSupplier(scope, input.supplierId);
  const before = await getService(scope, actor, id);
  await scope.tx
    .update(digitalServices)
    .set({ ...defined(input), updatedAt: new Date() })
    .where(eq(digitalServices.id, id));
  const after = await getService(scope, actor, id);
  await recordAudit(scope, {
    action: 'services.service_updated',
    entityType: 'digital_service',
    entityId: id,
    before,
    after,
  });
  return after;
}

/** A service some school subscribed to (even in the past) is archived, not deleted: SERVICE_IN_USE. */
export async function deleteService(scope: Scope, actor: Actor, id: string) {
  await serviceRow(scope, id, true);
  const before = await getService(scope, actor, id);
  const [used] = await scope.tx
    .select({ n: count() })
    .from(schoolSubscriptions)
    .where(eq(schoolSubscriptions.serviceId, id));
  if (used && used.n > 0) {
    throw new AppError(
      'SERVICE_IN_USE',
      `${used.n} subscription(s) refer to this service: archive it instead (PATCH archived: true)`,
    );
  }
  await scope.tx.delete(digitalServices).where(eq(digitalServices.id, id));
  await recordAudit(scope, { action: 'services.service_deleted', entityType: 'digital_service', entityId: id, before });
}

// Subscriptions ---------------------------------------------------------------------

function subscriptionQuery(scope: Scope) {
  return scope.tx
    .select({
      sub: schoolSubscriptions,
      serviceName: digitalServices.name,
      kind: digitalServices.kind,
      serviceArchived: digitalServices.archived,
      schoolName: schools.name,
      schoolUai: schools.uai,
      contractReference: contracts.reference,
    })
    .from(schoolSubscriptions)
    .innerJoin(digitalServices, eq(digitalServices.id, schoolSubscriptions.serviceId))
    .innerJoin(schools, eq(schools.id, schoolSubscriptions.schoolId))
    .leftJoin(contracts, eq(contracts.id, schoolSubscriptions.contractId));
}

type SubscriptionJoined = Awaited<ReturnType<typeof subscriptionQuery>>[number];

/**
 * The expense lines declaring a subscription (funding module), shown to
 * those who read funding only: the others get an empty list.
 */
async function declarationsFor(scope: Scope, actor: Actor, ids: readonly string[]) {
  if (!can(actor.roles, 'funding.read')) return new Map<string, Declaration[]>();
  return declarationsOf(scope, ids);
}

function presentSubscription(actor: Actor, r: SubscriptionJoined, day: string, declared: readonly Declaration[] = []) {
  const manage = can(actor.roles, 'services.manage');
  const s = r.sub;
  return {
    id: s.id,
    schoolId: s.schoolId,
    schoolName: r.schoolName,
    schoolUai: r.schoolUai,
    serviceId: s.serviceId,
    serviceName: r.serviceName,
    kind: r.kind,
    serviceArchived: r.serviceArchived,
    seats: s.seats,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    yearlyCostCents: s.yearlyCostCents,
    contractId: s.contractId,
    contractReference: r.contractReference,
    notes: s.notes,
    status: subscriptionStatus(s, day),
    expenseLines: declared.map((d) => ({
      id: d.expenseLineId,
      programmeId: d.programmeId,
      programmeName: d.programmeName,
      from: d.from,
      to: d.to,
      htCents: d.htCents,
    })),
    can: { update: manage, delete: manage, declare: can(actor.roles, 'funding.manage') && s.yearlyCostCents !== null },
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export async function findSubscriptions(scope: Scope, actor: Actor, query: SubscriptionQuery = {}) {
  const day = query.activeOn ?? todayIso();
  const status =
    query.status === 'active'
      ? activeOn(day)
      : query.status === 'future'
        ? gt(schoolSubscriptions.startsOn, day)
        : query.status === 'ended'
          ? lt(schoolSubscriptions.endsOn, day)
          : undefined;
  const found = await subscriptionQuery(scope)
    .where(
      and(
        eq(schoolSubscriptions.organisationId, scope.organisationId),
        reachable(actor, schoolSubscriptions.schoolId),
        query.schoolId ? eq(schoolSubscriptions.schoolId, query.schoolId) : undefined,
        query.serviceId ? eq(schoolSubscriptions.serviceId, query.serviceId) : undefined,
        query.kind ? eq(digitalServices.kind, query.kind) : undefined,
        query.activeOn ? activeOn(query.activeOn) : undefined,
        status,
      ),
    )
    .orderBy(
      asc(schools.name),
      asc(schools.uai),
      asc(sql`lower(${digitalServices.name})`),
      asc(schoolSubscriptions.startsOn),
    );
  const declared = await declarationsFor(
    scope,
    actor,
    found.map((r) => r.sub.id),
  );
  return found.map((r) => presentSubscription(actor, r, day, declared.get(r.sub.id)));
}

export async function getSubscription(scope: Scope, actor: Actor, id: string) {
  const [found] = await subscriptionQuery(scope).where(
    and(
      eq(schoolSubscriptions.id, id),
      eq(schoolSubscriptions.organisationId, scope.organisationId),
      reachable(actor, schoolSubscriptions.schoolId),
    ),
  );
  if (!found) throw notFound('Subscription');
  const declared = await declarationsFor(scope, actor, [id]);
  return presentSubscription(actor, found, todayIso(), declared.get(id));
}

/**
 * The references of a subscription: unknown school, service or contract →
 * 400 naming the field; a school of the organisation out of the actor's
 * reach → 404 like any other school they cannot see.
 */
async function checkReferences(
  scope: Scope,
  actor: Actor,
  s: {
    schoolId?: string | undefined;
    serviceId?: string | undefined;
    contractId?: string | null | undefined;
    startsOn: string;
    endsOn: string | null;
  },
) {
  const problems: InvalidField[] = [];
  if (s.schoolId) {
    const [school] = await scope.tx
      .select({ id: schools.id, reached: sql<boolean>`${reachable(actor) ?? sql`true`}` })
      .from(schools)
      .where(and(eq(schools.id, s.schoolId), eq(schools.organisationId, scope.organisationId)));
    if (!school) problems.push({ path: 'body.schoolId', message: 'unknown_school', code: 'unknown_school' });
    else if (!school.reached) throw notFound('School');
  }
  if (s.serviceId) {
    const [service] = await scope.tx
      .select({ archived: digitalServices.archived })
      .from(digitalServices)
      .where(and(eq(digitalServices.id, s.serviceId), eq(digitalServices.organisationId, scope.organisationId)));
    if (!service) problems.push({ path: 'body.serviceId', message: 'unknown_service', code: 'unknown_service' });
    else if (service.archived)
      problems.push({ path: 'body.serviceId', message: 'service_archived', code: 'service_archived' });
  }
  if (s.contractId) {
    const [contract] = await scope.tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.id, s.contractId), eq(contracts.organisationId, scope.organisationId)));
    if (!contract) problems.push({ path: 'body.contractId', message: 'unknown_contract', code: 'unknown_contract' });
  }
  if (s.endsOn !== null && s.endsOn < s.startsOn) {
    problems.push({ path: 'body.endsOn', message: 'end_before_start', code: 'end_before_start' });
  }
  if (problems.length) throw invalid('Invalid subscription', problems);
}

export async function createSubscription(scope: Scope, actor: Actor, input: CreateSubscriptionInput) {
  await checkReferences(scope, actor, { ...input, endsOn: input.endsOn ?? null });
  const [row] = await scope.tx
    .insert(schoolSubscriptions)
    .values({
      ...defined(input),
      schoolId: input.schoolId,
      serviceId: input.serviceId,
      startsOn: input.startsOn,
      organisationId: scope.organisationId,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const after = await getSubscription(scope, actor, row.id);
  await recordAudit(scope, {
    action: 'services.subscription_created',
    entityType: 'school_subscription',
    entityId: row.id,
    after,
  });
  return after;
}

async function subscriptionRow(scope: Scope, actor: Actor, id: string): Promise<SubscriptionRow> {
  const [row] = await scope.tx
    .select()
    .from(schoolSubscriptions)
    .where(
      and(
        eq(schoolSubscriptions.id, id),
        eq(schoolSubscriptions.organisationId, scope.organisationId),
        reachable(actor, schoolSubscriptions.schoolId),
      ),
    )
    .for('update');
  if (!row) throw notFound('Subscription');
  return row;
}

export async function updateSubscription(scope: Scope, actor: Actor, id: string, input: UpdateSubscriptionInput) {
  const current = await subscriptionRow(scope, actor, id);
  await checkReferences(scope, actor, {
    // An unchanged archived service stays acceptable: only a new choice must be offered.
    serviceId: input.serviceId !== undefined && input.serviceId !== current.serviceId ? input.serviceId : undefined,
    contractId: input.contractId,
    startsOn: input.startsOn ?? current.startsOn,
    endsOn: input.endsOn !== undefined ? input.endsOn : current.endsOn,
  });
  await assertDeclarationsKept(scope, current, input);
  const before = await getSubscription(scope, actor, id);
  await scope.tx
    .update(schoolSubscriptions)
    .set({ ...defined(input), updatedAt: new Date() })
    .where(eq(schoolSubscriptions.id, id));
  const after = await getSubscription(scope, actor, id);
  await recordAudit(scope, {
    action: 'services.subscription_updated',
    entityType: 'school_subscription',
    entityId: id,
    before,
    after,
  });
  return after;
}

/**
 * A subscription declared as expense lines of a funding programme keeps what
 * the lines were computed from — its yearly cost, service and contract —
 * and its dates keep covering every declared period (409 naming each field).
 */
async function assertDeclarationsKept(scope: Scope, current: SubscriptionRow, input: UpdateSubscriptionInput) {
  const declared = (await declarationsOf(scope, [current.id])).get(current.id) ?? [];
  if (!declared.length) return;
  const fields: InvalidField[] = [];
  for (const key of ['yearlyCostCents', 'serviceId', 'contractId'] as const) {
    if (input[key] !== undefined && input[key] !== current[key])
      fields.push({ path: `body.${key}`, message: 'declared as an expense line', code: 'declared' });
  }
  const startsOn = input.startsOn ?? current.startsOn;
  const endsOn = input.endsOn !== undefined ? input.endsOn : current.endsOn;
  const first = declared[0]?.from ?? startsOn;
  const last = declared.reduce((m, d) => laterDay(m, d.to), first);
  if (startsOn > first) fields.push({ path: 'body.startsOn', message: `declared from ${first}`, code: 'declared' });
  if (endsOn !== null && endsOn < last)
    fields.push({ path: 'body.endsOn', message: `declared until ${last}`, code: 'declared' });
  if (fields.length) {
    throw new AppError(
      'CONFLICT',
      `This subscription is declared as expense lines (${declared.map((d) => `“${d.programmeName}” ${d.from} → ${d.to}`).join(', ')}): change the expense lines first`,
      { fields },
    );
  }
}

export async function deleteSubscription(scope: Scope, actor: Actor, id: string) {
  await subscriptionRow(scope, actor, id);
  const declared = (await declarationsOf(scope, [id])).get(id) ?? [];
  if (declared.length) {
    throw new AppError(
      'CONFLICT',
      `This subscription is declared as expense lines (${declared.map((d) => `“${d.programmeName}” ${d.from} → ${d.to}`).join(', ')}): delete them first, or set its end date`,
    );
  }
  const before = await getSubscription(scope, actor, id);
  await scope.tx.delete(schoolSubscriptions).where(eq(schoolSubscriptions.id, id));
  await recordAudit(scope, {
    action: 'services.subscription_deleted',
    entityType: 'school_subscription',
    entityId: id,
    before,
  });
}

// For other modules -----------------------------------------------------------------

export interface ActiveSubscription {
  readonly id: string;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly kind: ServiceRow['kind'];
  readonly startsOn: string;
  readonly endsOn: string | null;
}

/**
 * The subscriptions active on `onDate` (ISO day; first and last day
 * included) to services not archived, by school id, for every school of the
 * organisation — the caller limits the schools it shows. Schools without
 * any are absent from the map. Used by the socle numérique (baseline).
 */
export async function activeSubscriptionsBySchool(
  scope: Scope,
  onDate: string,
  schoolIds: readonly string[] | null = null,
): Promise<Map<string, ActiveSubscription[]>> {
  if (schoolIds !== null && schoolIds.length === 0) return new Map();
  const found = await scope.tx
    .select({
      id: schoolSubscriptions.id,
      schoolId: schoolSubscriptions.schoolId,
      serviceId: schoolSubscriptions.serviceId,
      serviceName: digitalServices.name,
      kind: digitalServices.kind,
      startsOn: schoolSubscriptions.startsOn,
      endsOn: schoolSubscriptions.endsOn,
    })
    .from(schoolSubscriptions)
    .innerJoin(digitalServices, eq(digitalServices.id, schoolSubscriptions.serviceId))
    .where(
      and(
        eq(schoolSubscriptions.organisationId, scope.organisationId),
        eq(digitalServices.archived, false),
        activeOn(onDate),
        schoolIds === null ? undefined : inArray(schoolSubscriptions.schoolId, [...schoolIds]),
      ),
    )
    .orderBy(asc(schoolSubscriptions.schoolId), asc(digitalServices.name), asc(schoolSubscriptions.startsOn));
  const out = new Map<string, ActiveSubscription[]>();
  for (const { schoolId, ...rest } of found) {
    const list = out.get(schoolId);
    if (list) list.push(rest);
    else out.set(schoolId, [rest]);
  }
  return out;
}
