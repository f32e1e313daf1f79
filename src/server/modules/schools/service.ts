import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { can } from '../../../shared/permissions.ts';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import type { Scope } from '../../db/connection.ts';
import { buildings, classes, rooms, schoolNetworks, schools, schoolYears } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import type {
  CreateClassInput,
  CreateRoomInput,
  CreateSchoolInput,
  SchoolListQuery,
  UpdateClassInput,
  UpdateNetworkInput,
  UpdateRoomInput,
  UpdateSchoolInput,
} from './schema.ts';

/**
 * The schools registry. Every read goes through `reachable()`: RLS keeps
 * the organisation, this keeps a director to their own schools — and a
 * school out of reach is "not found", like one that does not exist.
 */

type SchoolRow = typeof schools.$inferSelect;

/** The condition limiting rows to the actor's schools (undefined = all). */
export function reachable(actor: Actor, column: AnyPgColumn = schools.id): SQL | undefined {
  const reach = schoolScope(actor);
  if (reach === 'all') return undefined;
  return reach.length ? inArray(column, [...reach]) : sql`false`;
}

function canReach(actor: Actor, schoolId: string): boolean {
  const reach = schoolScope(actor);
  return reach === 'all' || reach.includes(schoolId);
}

function statusOf(s: Pick<SchoolRow, 'closedOn' | 'closingAnnounced'>): 'open' | 'closing' | 'closed' {
  if (s.closedOn && s.closedOn <= new Date().toISOString().slice(0, 10)) return 'closed';
  return s.closingAnnounced || s.closedOn ? 'closing' : 'open';
}

/** Latest rentrée figures per school, as a lateral subquery. */
const latestYear = sql`(SELECT y.year, y.pupils, y.classes_count FROM school_years y WHERE y.school_id = ${schools.id} ORDER BY y.year DESC LIMIT 1)`;

function listConditions(actor: Actor, q: Partial<SchoolListQuery>): SQL | undefined {
  const pattern = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const today = new Date().toISOString().slice(0, 10);
  return and(
    reachable(actor),
    pattern ? sql`${schools.searchText} LIKE lower(${pattern})` : undefined,
    q.kind ? eq(schools.kind, q.kind) : undefined,
    q.priorityEducation ? eq(schools.priorityEducation, q.priorityEducation) : undefined,
    q.circonscription
      ? or(
          eq(schools.circonscriptionCode, q.circonscription),
          ilike(schools.circonscriptionName, `%${q.circonscription}%`),
        )
      : undefined,
    q.communeCode ? eq(schools.communeCode, q.communeCode) : undefined,
    q.status === 'open' ? or(isNull(schools.closedOn), sql`${schools.closedOn} > ${today}`) : undefined,
    q.status === 'closed' ? and(isNotNull(schools.closedOn), sql`${schools.closedOn} <= ${today}`) : undefined,
  );
}

const summaryColumns = {
  id: schools.id,
  uai: schools.uai,
  name: schools.name,
  usualName: schools.usualName,
  kind: schools.kind,
  sector: schools.sector,
  communeCode: schools.communeCode,
  communeName: schools.communeName,
  priorityEducation: schools.priorityEducation,
  circonscriptionName: schools.circonscriptionName,
  latitude: schools.latitude,
  longitude: schools.longitude,
  ips: schools.ips,
  closedOn: schools.closedOn,
  closingAnnounced: schools.closingAnnounced,
  year: sql<number | null>`latest.year`,
  pupils: sql<number | null>`latest.pupils`,
  classesCount: sql<number | null>`latest.classes_count`,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: unknown } & {
  closedOn: string | null;
  closingAnnounced: boolean;
};

function presentSummary(r: SummaryRow) {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: r.id as string,
    uai: r.uai as string,
    name: r.name as string,
    usualName: (r.usualName as string | null) ?? null,
    kind: r.kind as 'maternelle' | 'elementaire' | 'primaire' | 'application',
    sector: r.sector as 'public' | 'private',
    communeCode: (r.communeCode as string | null) ?? null,
    communeName: (r.communeName as string | null) ?? null,
    priorityEducation: r.priorityEducation as 'none' | 'REP' | 'REP+',
    circonscriptionName: (r.circonscriptionName as string | null) ?? null,
    latitude: num(r.latitude),
    longitude: num(r.longitude),
    ips: num(r.ips),
    status: statusOf(r),
    year: num(r.year),
    pupils: num(r.pupils),
    classesCount: num(r.classesCount),
  };
}

const SORT_COLUMNS = {
  name: schools.name,
  uai: schools.uai,
  commune: schools.communeName,
  pupils: sql`latest.pupils`,
  ips: schools.ips,
} as const;

export async function findSchools(scope: Scope, actor: Actor, q: SchoolListQuery) {
  const where = listConditions(actor, q);
  const [total] = await scope.tx.select({ n: count() }).from(schools).where(where);
  const direction = q.order === 'desc' ? desc : asc;
  const sortColumn = SORT_COLUMNS[q.sort];
  const order = [sql`${direction(sortColumn)} NULLS LAST`, asc(schools.uai)];
  // The page is chosen first, then its latest yearly figures are joined —
  // except when sorting by pupils, which needs them for every school.
  const found =
    q.sort === 'pupils'
      ? await scope.tx
          .select(summaryColumns)
          .from(schools)
          .leftJoinLateral(sql`${latestYear} AS latest`, sql`true`)
          .where(where)
          .orderBy(...order)
          .limit(q.limit)
          .offset(q.offset)
      : await scope.tx
          .select(summaryColumns)
          .from(schools)
          .leftJoinLateral(sql`${latestYear} AS latest`, sql`true`)
          .where(
            inArray(
              schools.id,
              scope.tx
                .select({ id: schools.id })
                .from(schools)
                .where(where)
                .orderBy(...order)
                .limit(q.limit)
                .offset(q.offset),
            ),
          )
          .orderBy(...order);
  return { items: (found as SummaryRow[]).map(presentSummary), total: Number(total?.n ?? 0) };
}

/** Every school matching the filters, for exports (streams through keyset pages). */
export async function* allSchools(scope: Scope, actor: Actor, q: Omit<SchoolListQuery, 'limit' | 'offset'>) {
  let offset = 0;
  for (;;) {
    const page = await findSchools(scope, actor, { ...q, limit: 1000, offset });
    yield* page.items;
    if (page.items.length < 1000) return;
    offset += 1000;
  }
}

/** Small lookups for pickers: by search text, or the given ids (to show what is selected). */
export async function findSchoolOptions(
  scope: Scope,
  actor: Actor,
  q: { q?: string | undefined; ids?: string[] | undefined; limit: number },
) {
  const pattern = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return scope.tx
    .select({ id: schools.id, uai: schools.uai, name: schools.name })
    .from(schools)
    .where(
      and(
        reachable(actor),
        q.ids?.length ? inArray(schools.id, q.ids) : undefined,
        pattern
          ? or(ilike(schools.name, pattern), ilike(schools.usualName, pattern), ilike(schools.uai, pattern))
          : undefined,
      ),
    )
    .orderBy(asc(schools.name))
    .limit(q.limit);
}

export async function findMapPoints(scope: Scope, actor: Actor) {
  return scope.tx
    .select({
      id: schools.id,
      uai: schools.uai,
      name: schools.name,
      kind: schools.kind,
      priorityEducation: schools.priorityEducation,
      latitude: schools.latitude,
      longitude: schools.longitude,
    })
    .from(schools)
    .where(and(reachable(actor), isNotNull(schools.latitude), isNotNull(schools.longitude), isNull(schools.closedOn)))
    .orderBy(asc(schools.name)) as Promise<
    {
      id: string;
      uai: string;
      name: string;
      kind: 'maternelle' | 'elementaire' | 'primaire' | 'application';
      priorityEducation: 'none' | 'REP' | 'REP+';
      latitude: number;
      longitude: number;
    }[]
  >;
}

async function loadSchool(scope: Scope, actor: Actor, id: string, lock = false): Promise<SchoolRow> {
  const query = scope.tx
    .select()
    .from(schools)
    .where(and(eq(schools.id, id), reachable(actor)));
  const [school] = lock ? await query.for('update') : await query;
  if (!school) throw notFound('School');
  return school;
}

function abilities(actor: Actor, schoolId: string) {
  const own = canReach(actor, schoolId);
  return {
    update: can(actor.roles, 'schools.manage'),
    close: can(actor.roles, 'schools.manage'),
    manageClasses: own && can(actor.roles, 'schools.classes.manage'),
    manageRooms: own && can(actor.roles, 'schools.rooms.manage'),
    manageNetwork: own && can(actor.roles, 'schools.network.manage'),
  };
}

export async function getSchool(scope: Scope, actor: Actor, id: string) {
  const school = await loadSchool(scope, actor, id);
  const [network] = await scope.tx.select().from(schoolNetworks).where(eq(schoolNetworks.schoolId, id));
  const years = await scope.tx
    .select()
    .from(schoolYears)
    .where(eq(schoolYears.schoolId, id))
    .orderBy(desc(schoolYears.year));
  const latest = years[0];
  return {
    ...presentSummary({
      ...school,
      year: latest?.year ?? null,
      pupils: latest?.pupils ?? null,
      classesCount: latest?.classesCount ?? null,
    } as unknown as SummaryRow),
    address: school.address,
    postcode: school.postcode,
    circonscriptionCode: school.circonscriptionCode,
    ipsYear: school.ipsYear,
    openedOn: school.openedOn,
    closedOn: school.closedOn,
    closingAnnounced: school.closingAnnounced,
    schoolGroup: school.schoolGroup,
    source: school.source,
    network: {
      internetAccess: (network?.internetAccess ?? null) as never,
      bandwidthDownMbps: network?.bandwidthDownMbps ?? null,
      bandwidthUpMbps: network?.bandwidthUpMbps ?? null,
      wiredNetwork: (network?.wiredNetwork ?? null) as never,
      wifiPresent: network?.wifiPresent ?? null,
      conseilEcoleInformedOn: network?.conseilEcoleInformedOn ?? null,
      notes: network?.notes ?? null,
      updatedAt: network?.updatedAt.toISOString() ?? null,
    },
    years: years.map((y) => ({
      year: y.year,
      pupils: y.pupils,
      classesCount: y.classesCount,
      pupilsByLevel: y.pupilsByLevel,
      source: y.source,
    })),
    createdAt: school.createdAt.toISOString(),
    updatedAt: school.updatedAt.toISOString(),
    can: abilities(actor, id),
  };
}

/** The audited view of a school: identity fields only. */
function snapshot(s: SchoolRow) {
  const { createdAt: _c, updatedAt: _u, organisationId: _o, ...rest } = s;
  return rest;
}

export async function createSchool(scope: Scope, actor: Actor, input: CreateSchoolInput) {
  const [existing] = await scope.tx.select({ id: schools.id }).from(schools).where(eq(schools.uai, input.uai));
  if (existing) {
    throw new AppError('CONFLICT', `A school with UAI ${input.uai} exists`, {
      fields: [{ path: 'body.uai', message: 'already used', code: 'uai_taken' }],
    });
  }
  const [row] = await scope.tx
    .insert(schools)
    .values({ ...input, organisationId: scope.organisationId, source: 'manual' })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(scope, { action: 'school.created', entityType: 'school', entityId: row.id, after: snapshot(row) });
  return getSchool(scope, actor, row.id);
}

export async function updateSchool(scope: Scope, actor: Actor, id: string, input: UpdateSchoolInput) {
  const before = await loadSchool(scope, actor, id, true);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(patch).length === 0) return getSchool(scope, actor, id);
  const [after] = await scope.tx
    .update(schools)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(schools.id, id))
    .returning();
  if (!after) throw notFound('School');
  await recordAudit(scope, {
    action: 'school.updated',
    entityType: 'school',
    entityId: id,
    before: snapshot(before),
    after: snapshot(after),
  });
  return getSchool(scope, actor, id);
}

export async function closeSchool(scope: Scope, actor: Actor, id: string, closedOn: string | null) {
  const before = await loadSchool(scope, actor, id, true);
  if (closedOn && before.openedOn && closedOn < before.openedOn) {
    throw new AppError('VALIDATION_FAILED', 'A school cannot close before it opened', {
      fields: [{ path: 'body.closedOn', message: 'before the opening date', code: 'before_opening' }],
    });
  }
  const [after] = await scope.tx
    .update(schools)
    .set({ closedOn, closingAnnounced: closedOn ? before.closingAnnounced : false, updatedAt: new Date() })
    .where(eq(schools.id, id))
    .returning();
  if (!after) throw notFound('School');
  await recordAudit(scope, {
    action: closedOn ? 'school.closed' : 'school.reopened',
    entityType: 'school',
    entityId: id,
    before: { closedOn: before.closedOn },
    after: { closedOn },
  });
  return getSchool(scope, actor, id);
}

/** Hard delete only of a school nothing refers to; otherwise close it. */
export async function deleteSchool(scope: Scope, actor: Actor, id: string) {
  const school = await loadSchool(scope, actor, id, true);
  const [refs] = await scope.tx
    .execute(sql`
    SELECT (SELECT count(*) FROM classes WHERE school_id = ${id})
         + (SELECT count(*) FROM rooms WHERE school_id = ${id})
         + (SELECT count(*) FROM buildings WHERE school_id = ${id})
         + (SELECT count(*) FROM user_schools WHERE school_id = ${id})
         + (SELECT count(*) FROM school_subscriptions WHERE school_id = ${id}) AS n`)
    .then((r) => (r as unknown as { rows: { n: number | string }[] }).rows);
  if (Number(refs?.n ?? 0) > 0) {
    throw new AppError(
      'CONFLICT',
      'This school is referenced (classes, rooms, users or subscriptions): close it instead',
    );
  }
  await scope.tx.execute(sql`DELETE FROM baseline_overrides WHERE school_id = ${id}`);
  await scope.tx.delete(schoolYears).where(eq(schoolYears.schoolId, id));
  await scope.tx.delete(schoolNetworks).where(eq(schoolNetworks.schoolId, id));
  await scope.tx.delete(schools).where(eq(schools.id, id));
  await recordAudit(scope, { action: 'school.deleted', entityType: 'school', entityId: id, before: snapshot(school) });
}

function assertAbility(actor: Actor, schoolId: string, ability: 'manageClasses' | 'manageRooms' | 'manageNetwork') {
  if (!abilities(actor, schoolId)[ability]) throw new AppError('FORBIDDEN', 'You cannot change this school');
}

export async function updateNetwork(scope: Scope, actor: Actor, schoolId: string, input: UpdateNetworkInput) {
  await loadSchool(scope, actor, schoolId, true);
  assertAbility(actor, schoolId, 'manageNetwork');
  const [before] = await scope.tx.select().from(schoolNetworks).where(eq(schoolNetworks.schoolId, schoolId));
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const [after] = await scope.tx
    .insert(schoolNetworks)
    .values({ schoolId, organisationId: scope.organisationId, ...patch })
    .onConflictDoUpdate({ target: schoolNetworks.schoolId, set: { ...patch, updatedAt: new Date() } })
    .returning();
  const view = (n: typeof before) =>
    n
      ? {
          internetAccess: n.internetAccess,
          bandwidthDownMbps: n.bandwidthDownMbps,
          bandwidthUpMbps: n.bandwidthUpMbps,
          wiredNetwork: n.wiredNetwork,
          wifiPresent: n.wifiPresent,
          conseilEcoleInformedOn: n.conseilEcoleInformedOn,
          notes: n.notes,
        }
      : null;
  await recordAudit(scope, {
    action: 'school.network_updated',
    entityType: 'school',
    entityId: schoolId,
    before: view(before),
    after: view(after),
  });
  return getSchool(scope, actor, schoolId);
}

// ---- classes ------------------------------------------------------------------

function presentClass(c: typeof classes.$inferSelect, roomName: string | null) {
  return {
    id: c.id,
    schoolId: c.schoolId,
    year: c.year,
    name: c.name,
    levels: c.levels as never[],
    pupils: c.pupils,
    ulis: c.ulis,
    roomId: c.roomId,
    roomName,
    generated: c.generated,
  };
}

export async function findClasses(scope: Scope, actor: Actor, schoolId: string, year?: number) {
  await loadSchool(scope, actor, schoolId);
  const found = await scope.tx
    .select({ c: classes, roomName: rooms.name })
    .from(classes)
    .leftJoin(rooms, eq(rooms.id, classes.roomId))
    .where(and(eq(classes.schoolId, schoolId), eq(classes.year, year ?? currentSchoolYear())))
    .orderBy(asc(classes.name));
  return found.map((r) => presentClass(r.c, r.roomName));
}

async function assertRoomOfSchool(scope: Scope, schoolId: string, roomId: string | null | undefined, field: string) {
  if (!roomId) return;
  const [room] = await scope.tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.id, roomId), eq(rooms.schoolId, schoolId)));
  if (!room) {
    throw new AppError('VALIDATION_FAILED', 'Unknown room for this school', {
      fields: [{ path: field, message: 'unknown room', code: 'unknown_room' }],
    });
  }
}

async function assertRoomFree(scope: Scope, roomId: string | null | undefined, year: number, classId?: string) {
  if (!roomId) return;
  const [taken] = await scope.tx
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(
      and(eq(classes.roomId, roomId), eq(classes.year, year), classId ? sql`${classes.id} <> ${classId}` : undefined),
    );
  if (taken) {
    throw new AppError('CONFLICT', `This room is already the classroom of ${taken.name} this year`, {
      fields: [{ path: 'body.roomId', message: 'room already used', code: 'room_taken' }],
    });
  }
}

async function getClassRow(scope: Scope, actor: Actor, id: string) {
  const [row] = await scope.tx
    .select()
    .from(classes)
    .where(and(eq(classes.id, id), reachable(actor, classes.schoolId)));
  if (!row) throw notFound('Class');
  return row;
}

export async function createClass(scope: Scope, actor: Actor, schoolId: string, input: CreateClassInput) {
  await loadSchool(scope, actor, schoolId, true);
  assertAbility(actor, schoolId, 'manageClasses');
  const year = input.year ?? currentSchoolYear();
  await assertRoomOfSchool(scope, schoolId, input.roomId, 'body.roomId');
  await assertRoomFree(scope, input.roomId, year);
  const [dup] = await scope.tx
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.schoolId, schoolId), eq(classes.year, year), eq(classes.name, input.name)));
  if (dup) {
    throw new AppError('CONFLICT', 'A class with this name exists this year', {
      fields: [{ path: 'body.name', message: 'already used', code: 'name_taken' }],
    });
  }
  const [row] = await scope.tx
    .insert(classes)
    .values({
      organisationId: scope.organisationId,
      schoolId,
      year,
      name: input.name,
      levels: input.levels,
      pupils: input.pupils ?? null,
      ulis: input.ulis,
      roomId: input.roomId ?? null,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(scope, {
    action: 'class.created',
    entityType: 'class',
    entityId: row.id,
    after: presentClass(row, null),
  });
  return (await findClasses(scope, actor, schoolId, year)).find((c) => c.id === row.id) as ReturnType<
    typeof presentClass
  >;
}

export async function updateClass(scope: Scope, actor: Actor, id: string, input: UpdateClassInput) {
  const before = await getClassRow(scope, actor, id);
  assertAbility(actor, before.schoolId, 'manageClasses');
  if (input.roomId !== undefined) {
    await assertRoomOfSchool(scope, before.schoolId, input.roomId, 'body.roomId');
    await assertRoomFree(scope, input.roomId, before.year, id);
  }
  if (input.name && input.name !== before.name) {
    const [dup] = await scope.tx
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.schoolId, before.schoolId), eq(classes.year, before.year), eq(classes.name, input.name)));
    if (dup) {
      throw new AppError('CONFLICT', 'A class with this name exists this year', {
        fields: [{ path: 'body.name', message: 'already used', code: 'name_taken' }],
      });
    }
  }
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const [after] = await scope.tx
    .update(classes)
    .set({ ...patch, generated: false, updatedAt: new Date() })
    .where(eq(classes.id, id))
    .returning();
  if (!after) throw notFound('Class');
  await recordAudit(scope, {
    action: 'class.updated',
    entityType: 'class',
    entityId: id,
    before: presentClass(before, null),
    after: presentClass(after, null),
  });
  return (await findClasses(scope, actor, before.schoolId, before.year)).find((c) => c.id === id) as ReturnType<
    typeof presentClass
  >;
}

export async function deleteClass(scope: Scope, actor: Actor, id: string) {
  const before = await getClassRow(scope, actor, id);
  assertAbility(actor, before.schoolId, 'manageClasses');
  await scope.tx.delete(classes).where(eq(classes.id, id));
  await recordAudit(scope, {
    action: 'class.deleted',
    entityType: 'class',
    entityId: id,
    before: presentClass(before, null),
  });
}

// ---- rooms and buildings ---------------------------------------------------------

export async function findRooms(scope: Scope, actor: Actor, schoolId: string, includeArchived = false) {
  await loadSchool(scope, actor, schoolId);
  const year = currentSchoolYear();
  const found = await scope.tx
    .select({ r: rooms, buildingName: buildings.name, classId: classes.id, className: classes.name })
    .from(rooms)
    .leftJoin(buildings, eq(buildings.id, rooms.buildingId))
    .leftJoin(classes, and(eq(classes.roomId, rooms.id), eq(classes.year, year)))
    .where(and(eq(rooms.schoolId, schoolId), includeArchived ? undefined : isNull(rooms.archivedAt)))
    .orderBy(asc(rooms.name));
  return found.map(({ r, buildingName, classId, className }) => ({
    id: r.id,
    schoolId: r.schoolId,
    buildingId: r.buildingId,
    buildingName,
    name: r.name,
    kind: r.kind as never,
    floor: r.floor,
    notes: r.notes,
    archived: r.archivedAt !== null,
    currentClass: classId && className ? { id: classId, name: className } : null,
  }));
}

async function assertBuildingOfSchool(scope: Scope, schoolId: string, buildingId: string | null | undefined) {
  if (!buildingId) return;
  const [b] = await scope.tx
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.id, buildingId), eq(buildings.schoolId, schoolId)));
  if (!b) {
    throw new AppError('VALIDATION_FAILED', 'Unknown building for this school', {
      fields: [{ path: 'body.buildingId', message: 'unknown building', code: 'unknown_building' }],
    });
  }
}

async function assertRoomNameFree(scope: Scope, schoolId: string, name: string, roomId?: string) {
  const [dup] = await scope.tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.schoolId, schoolId), eq(rooms.name, name), roomId ? sql`${rooms.id} <> ${roomId}` : undefined));
  if (dup) {
    throw new AppError('CONFLICT', 'A room with this name exists in this school', {
      fields: [{ path: 'body.name', message: 'already used', code: 'name_taken' }],
    });
  }
}

export async function createRoom(scope: Scope, actor: Actor, schoolId: string, input: CreateRoomInput) {
  await loadSchool(scope, actor, schoolId, true);
  assertAbility(actor, schoolId, 'manageRooms');
  await assertBuildingOfSchool(scope, schoolId, input.buildingId);
  await assertRoomNameFree(scope, schoolId, input.name);
  const [row] = await scope.tx
    .insert(rooms)
    .values({
      organisationId: scope.organisationId,
      schoolId,
      name: input.name,
      kind: input.kind,
      buildingId: input.buildingId ?? null,
      floor: input.floor ?? null,
      notes: input.notes ?? null,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(scope, {
    action: 'room.created',
    entityType: 'room',
    entityId: row.id,
    after: { name: row.name, kind: row.kind, schoolId },
  });
  return (await findRooms(scope, actor, schoolId)).find((r) => r.id === row.id) as Awaited<
    ReturnType<typeof findRooms>
  >[number];
}

async function getRoomRow(scope: Scope, actor: Actor, id: string) {
  const [row] = await scope.tx
    .select()
    .from(rooms)
    .where(and(eq(rooms.id, id), reachable(actor, rooms.schoolId)));
  if (!row) throw notFound('Room');
  return row;
}

export async function updateRoom(scope: Scope, actor: Actor, id: string, input: UpdateRoomInput) {
  const before = await getRoomRow(scope, actor, id);
  assertAbility(actor, before.schoolId, 'manageRooms');
  if (input.buildingId !== undefined) await assertBuildingOfSchool(scope, before.schoolId, input.buildingId);
  if (input.name && input.name !== before.name) await assertRoomNameFree(scope, before.schoolId, input.name, id);
  const { archived, ...rest } = input;
  const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const [after] = await scope.tx
    .update(rooms)
    .set({
      ...patch,
      ...(archived !== undefined && { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }),
      updatedAt: new Date(),
    })
    .where(eq(rooms.id, id))
    .returning();
  if (!after) throw notFound('Room');
  await recordAudit(scope, {
    action: 'room.updated',
    entityType: 'room',
    entityId: id,
    before: {
      name: before.name,
      kind: before.kind,
      buildingId: before.buildingId,
      archived: before.archivedAt !== null,
    },
    after: { name: after.name, kind: after.kind, buildingId: after.buildingId, archived: after.archivedAt !== null },
  });
  return (await findRooms(scope, actor, before.schoolId, true)).find((r) => r.id === id) as Awaited<
    ReturnType<typeof findRooms>
  >[number];
}

export async function findBuildings(scope: Scope, actor: Actor, schoolId: string) {
  await loadSchool(scope, actor, schoolId);
  return scope.tx
    .select({ id: buildings.id, schoolId: buildings.schoolId, name: buildings.name })
    .from(buildings)
    .where(eq(buildings.schoolId, schoolId))
    .orderBy(asc(buildings.name));
}

export async function createBuilding(scope: Scope, actor: Actor, schoolId: string, name: string) {
  await loadSchool(scope, actor, schoolId, true);
  assertAbility(actor, schoolId, 'manageRooms');
  const [dup] = await scope.tx
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.schoolId, schoolId), eq(buildings.name, name)));
  if (dup) {
    throw new AppError('CONFLICT', 'A building with this name exists', {
      fields: [{ path: 'body.name', message: 'already used', code: 'name_taken' }],
    });
  }
  const [row] = await scope.tx
    .insert(buildings)
    .values({ organisationId: scope.organisationId, schoolId, name })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(scope, {
    action: 'building.created',
    entityType: 'building',
    entityId: row.id,
    after: { name, schoolId },
  });
  return { id: row.id, schoolId, name: row.name };
}

export async function renameBuilding(scope: Scope, actor: Actor, id: string, name: string) {
  const [b] = await scope.tx
    .select()
    .from(buildings)
    .where(and(eq(buildings.id, id), reachable(actor, buildings.schoolId)))
    .for('update');
  if (!b) throw notFound('Building');
  assertAbility(actor, b.schoolId, 'manageRooms');
  const [dup] = await scope.tx
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.schoolId, b.schoolId), eq(buildings.name, name), sql`${buildings.id} <> ${id}`));
  if (dup) {
    throw new AppError('CONFLICT', 'A building with this name exists', {
      fields: [{ path: 'body.name', message: 'already used', code: 'name_taken' }],
    });
  }
  await scope.tx.update(buildings).set({ name, updatedAt: new Date() }).where(eq(buildings.id, id));
  await recordAudit(scope, {
    action: 'building.renamed',
    entityType: 'building',
    entityId: id,
    before: { name: b.name },
    after: { name },
  });
  return { id, schoolId: b.schoolId, name };
}

/** A building goes only when no room refers to it (archive or move the rooms first). */
export async function deleteBuilding(scope: Scope, actor: Actor, id: string) {
  const [b] = await scope.tx
    .select()
    .from(buildings)
    .where(and(eq(buildings.id, id), reachable(actor, buildings.schoolId)))
    .for('update');
  if (!b) throw notFound('Building');
  assertAbility(actor, b.schoolId, 'manageRooms');
  const [used] = await scope.tx.select({ n: count() }).from(rooms).where(eq(rooms.buildingId, id));
  if (Number(used?.n ?? 0) > 0) throw new AppError('CONFLICT', 'Rooms are in this building: move them first');
  await scope.tx.delete(buildings).where(eq(buildings.id, id));
  await recordAudit(scope, {
    action: 'building.deleted',
    entityType: 'building',
    entityId: id,
    before: { name: b.name, schoolId: b.schoolId },
  });
}

/** Values present in the schools the actor reaches, with counts: for filter selects. */
export async function schoolFacets(scope: Scope, actor: Actor) {
  const where = and(reachable(actor), isNull(schools.closedOn));
  const group = async (value: AnyPgColumn, label?: AnyPgColumn) => {
    const found = await scope.tx
      .select({
        value: sql<string>`${value}`,
        label: label ? sql<string | null>`max(${label})` : sql<null>`null`,
        n: count(),
      })
      .from(schools)
      .where(and(where, isNotNull(value)))
      .groupBy(value)
      .orderBy(asc(value));
    return found.map((f) => ({ value: f.value, label: f.label ?? null, count: Number(f.n) }));
  };
  return {
    kinds: await group(schools.kind),
    priorityEducation: await group(schools.priorityEducation),
    circonscriptions: await group(schools.circonscriptionCode, schools.circonscriptionName),
    communes: await group(schools.communeCode, schools.communeName),
  };
}
