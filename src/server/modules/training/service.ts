import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { can } from '../../../shared/permissions.ts';
import { rows, type Scope } from '../../db/connection.ts';
import {
  rooms,
  schools,
  trainingFeedback,
  trainingRegistrations,
  trainingSessions,
  trainingTrainees,
  userSchools,
  users,
} from '../../db/schema.ts';
import { AppError, type InvalidField, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { canRecordAttendanceAt, canRegisterAt, endsAt, summariseFeedback } from './rules.ts';
import type {
  AttendanceInput,
  CreateRegistrationInput,
  CreateSessionInput,
  FeedbackInput,
  SessionQuery,
  UpdateSessionInput,
} from './schema.ts';

/**
 * Training sessions, registrations, attendance and feedback (issue #8
 * point 3). Every function runs inside `withOrg` (RLS keeps the
 * organisation; lookups filter on it too, since the demo seed runs as the
 * owner). School-scoped roles see the sessions of their schools and the
 * open ones (no school); another school's session is "not found". They see
 * the registrants of their schools only. Every write records its audit
 * event in the same transaction — with ids and counts, never a trainee's
 * name (the audit trail is append-only, so it could not be purged) nor a
 * feedback score given by an identified person (scores are anonymous).
 */

type SessionRow = typeof trainingSessions.$inferSelect;

const invalid = (detail: string, fields: InvalidField[]) => new AppError('VALIDATION_FAILED', detail, { fields });
const field = (path: string, code: string): InvalidField => ({ path, message: code, code });

function reachOf(actor: Actor): 'all' | readonly string[] {
  return schoolScope(actor);
}

function inReach(actor: Actor, schoolId: string | null): boolean {
  const reach = reachOf(actor);
  return reach === 'all' || (schoolId !== null && reach.includes(schoolId));
}

/** Sessions the actor sees: all, or their schools' and the open ones. */
function sessionVisible(actor: Actor): SQL | undefined {
  const reach = reachOf(actor);
  if (reach === 'all') return undefined;
  return reach.length
    ? (or(isNull(trainingSessions.schoolId), inArray(trainingSessions.schoolId, [...reach])) as SQL)
    : isNull(trainingSessions.schoolId);
}

/** Registrations the actor sees: all, or their schools' and their own. */
function registrationVisible(actor: Actor): SQL | undefined {
  const reach = reachOf(actor);
  if (reach === 'all') return undefined;
  return reach.length
    ? (or(inArray(trainingRegistrations.schoolId, [...reach]), eq(trainingRegistrations.userId, actor.userId)) as SQL)
    : eq(trainingRegistrations.userId, actor.userId);
}

// Sessions ------------------------------------------------------------------------------

function sessionQuery(scope: Scope, actor: Actor) {
  // Spelled out: correlated subqueries must not depend on how drizzle qualifies columns.
  const id = sql.raw('"training_sessions"."id"');
  return scope.tx
    .select({
      s: trainingSessions,
      schoolName: schools.name,
      roomName: rooms.name,
      registered: sql<number>`(SELECT count(*) FROM training_registrations r WHERE r.session_id = ${id})::int`,
      present: sql<number>`(SELECT count(*) FILTER (WHERE r.attended) FROM training_registrations r WHERE r.session_id = ${id})::int`,
      recorded: sql<number>`(SELECT count(*) FILTER (WHERE r.attended IS NOT NULL) FROM training_registrations r WHERE r.session_id = ${id})::int`,
      scores: sql<number[]>`(SELECT json_build_array(
          count(*) FILTER (WHERE f.score = 1), count(*) FILTER (WHERE f.score = 2), count(*) FILTER (WHERE f.score = 3),
          count(*) FILTER (WHERE f.score = 4), count(*) FILTER (WHERE f.score = 5))
          FROM training_feedback f WHERE f.session_id = ${id})`,
      self: sql<boolean>`EXISTS (SELECT 1 FROM training_registrations r WHERE r.session_id = ${id} AND r.user_id = ${actor.userId})`,
      selfFeedback: sql<boolean>`EXISTS (SELECT 1 FROM training_registrations r WHERE r.session_id = ${id}
          AND r.user_id = ${actor.userId} AND r.attended AND NOT r.feedback_given)`,
    })
    .from(trainingSessions)
    .leftJoin(schools, eq(schools.id, trainingSessions.schoolId))
    .leftJoin(rooms, eq(rooms.id, trainingSessions.roomId));
}
type SessionJoined = Awaited<ReturnType<typeof sessionQuery>>[number];

function presentSession(actor: Actor, r: SessionJoined, now = new Date()) {
  const s = r.s;
  const manage = can(actor.roles, 'training.manage');
  const registered = Number(r.registered);
  const seatsLeft = s.capacity === null ? null : Math.max(0, s.capacity - registered);
  const distribution = (typeof r.scores === 'string' ? JSON.parse(r.scores) : (r.scores ?? [])) as number[];
  const scores = distribution.flatMap((n, i) => Array.from({ length: Number(n) }, () => i + 1));
  const staffOpen =
    s.audience !== 'families' && s.status !== 'cancelled' && (manage || canRegisterAt(s, now)) && seatsLeft !== 0;
  return {
    id: s.id,
    audience: s.audience,
    topic: s.topic,
    description: s.description,
    startsAt: s.startsAt.toISOString(),
    endsAt: endsAt(s.startsAt, s.durationMinutes).toISOString(),
    durationMinutes: s.durationMinutes,
    schoolId: s.schoolId,
    schoolName: r.schoolName,
    roomId: s.roomId,
    roomName: r.roomName,
    place: s.place,
    online: s.online,
    onlineUrl: s.onlineUrl,
    trainer: s.trainer,
    capacity: s.capacity,
    materials: s.materials,
    status: s.status,
    registered,
    seatsLeft,
    attendees: s.audience === 'families' ? s.headCount : Number(r.recorded) > 0 ? Number(r.present) : null,
    headCount: s.headCount,
    feedback: summariseFeedback(scores),
    registeredSelf: Boolean(r.self),
    can: {
      update: manage,
      delete: manage && registered === 0 && s.status !== 'held' && scores.length === 0,
      register: can(actor.roles, 'training.register') && staffOpen,
      recordAttendance: manage && canRecordAttendanceAt(s, now),
      giveFeedback: s.status === 'held' && (manage || Boolean(r.selfFeedback)),
    },
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
export type TrainingSession = ReturnType<typeof presentSession>;

export async function findSessions(scope: Scope, actor: Actor, query: SessionQuery = {}) {
  const found = await sessionQuery(scope, actor)
    .where(
      and(
        eq(trainingSessions.organisationId, scope.organisationId),
        sessionVisible(actor),
        query.audience ? eq(trainingSessions.audience, query.audience) : undefined,
        query.status ? eq(trainingSessions.status, query.status) : undefined,
        query.schoolId
          ? (or(eq(trainingSessions.schoolId, query.schoolId), isNull(trainingSessions.schoolId)) as SQL)
          : undefined,
        query.from ? gte(trainingSessions.startsAt, new Date(`${query.from}T00:00:00Z`)) : undefined,
        query.to ? lte(trainingSessions.startsAt, new Date(`${query.to}T23:59:59.999Z`)) : undefined,
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.topic));
  const now = new Date();
  return found.map((r) => presentSession(actor, r, now));
}

async function registrationsOf(scope: Scope, actor: Actor, session: SessionRow) {
  const found = await scope.tx
    .select({
      r: trainingRegistrations,
      userName: users.displayName,
      traineeName: trainingTrainees.name,
      schoolName: schools.name,
    })
    .from(trainingRegistrations)
    .leftJoin(users, eq(users.id, trainingRegistrations.userId))
    .leftJoin(trainingTrainees, eq(trainingTrainees.id, trainingRegistrations.traineeId))
    .leftJoin(schools, eq(schools.id, trainingRegistrations.schoolId))
    .where(and(eq(trainingRegistrations.sessionId, session.id), registrationVisible(actor)))
    .orderBy(asc(schools.name), asc(sql`lower(coalesce(${users.displayName}, ${trainingTrainees.name}, ''))`));
  const now = new Date();
  return found.map((f) => ({
    id: f.r.id,
    userId: f.r.userId,
    traineeId: f.r.traineeId,
    name: f.userName ?? f.traineeName,
    schoolId: f.r.schoolId,
    schoolName: f.schoolName,
    attended: f.r.attended,
    createdAt: f.r.createdAt.toISOString(),
    can: { unregister: canUnregister(actor, session, f.r, now) },
  }));
}

function canUnregister(
  actor: Actor,
  session: SessionRow,
  r: { userId: string | null; schoolId: string | null },
  now: Date,
): boolean {
  if (session.status !== 'planned') return false;
  if (can(actor.roles, 'training.manage')) return true;
  if (!can(actor.roles, 'training.register') || session.startsAt.getTime() <= now.getTime()) return false;
  return r.userId === actor.userId || (r.schoolId !== null && inReach(actor, r.schoolId));
}

export async function getSession(scope: Scope, actor: Actor, id: string) {
  const [found] = await sessionQuery(scope, actor).where(
    and(eq(trainingSessions.id, id), eq(trainingSessions.organisationId, scope.organisationId), sessionVisible(actor)),
  );
  if (!found) throw notFound('Training session');
  return { ...presentSession(actor, found), registrations: await registrationsOf(scope, actor, found.s) };
}

/** The session, when the actor sees it (404 otherwise): its materials' files follow its visibility. */
export async function visibleSession(scope: Scope, actor: Actor, id: string): Promise<SessionRow> {
  const [row] = await scope.tx
    .select()
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.id, id),
        eq(trainingSessions.organisationId, scope.organisationId),
        sessionVisible(actor),
      ),
    );
  if (!row) throw notFound('Training session');
  return row;
}

/** Roles whose accounts are offered for a session's audience (families are never registered by name). */
const CANDIDATE_ROLES: Record<SessionRow['audience'], readonly string[]> = {
  teachers: ['teacher', 'director'],
  periscolaire: ['periscolaire', 'director'],
  technicians: ['technician', 'manager', 'admin'],
  families: [],
};

/**
 * Accounts the actor may register to a session (issue #8 point 3): active
 * staff of the organisation whose roles fit the audience, not registered
 * yet, not the actor (who has "register me"), whose name contains `q`. A
 * session of one school offers that school's staff; otherwise managers see
 * every school's, school-scoped roles their schools' only. Shown: the
 * display name and the schools within reach — no e-mail. At most 20.
 */
export async function registrationCandidates(scope: Scope, actor: Actor, sessionId: string, q: string | undefined) {
  const session = await visibleSession(scope, actor, sessionId);
  const roles = CANDIDATE_ROLES[session.audience];
  if (!roles.length) return [];
  const manage = can(actor.roles, 'training.manage');
  const reach = reachOf(actor);
  const schoolFilter: readonly string[] | 'all' = session.schoolId
    ? [session.schoolId]
    : manage || reach === 'all'
      ? 'all'
      : reach;
  if (schoolFilter !== 'all' && schoolFilter.length === 0) return [];
  const needle = q?.trim() ?? '';
  const found = await rows<{
    id: string;
    display_name: string;
    schools: { id: string; name: string }[] | string | null;
  }>(
    scope.tx,
    sql`SELECT u.id, u.display_name,
               (SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.name), '[]'::json)
                  FROM user_schools us JOIN schools s ON s.id = us.school_id
                 WHERE us.user_id = u.id
                   ${
                     schoolFilter === 'all'
                       ? sql``
                       : sql`AND us.school_id IN (${sql.join(
                           schoolFilter.map((id) => sql`${id}`),
                           sql`, `,
                         )})`
                   }) AS schools
          FROM users u
         WHERE u.organisation_id = ${scope.organisationId}
           AND u.active
           AND u.id <> ${actor.userId}
           AND u.roles && ${sql.raw(`ARRAY[${roles.map((r) => `'${r}'`).join(',')}]::text[]`)}
           ${needle ? sql`AND u.display_name ILIKE ${`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql``}
           ${
             schoolFilter === 'all'
               ? sql``
               : sql`AND EXISTS (SELECT 1 FROM user_schools us WHERE us.user_id = u.id
                       AND us.school_id IN (${sql.join(
                         schoolFilter.map((id) => sql`${id}`),
                         sql`, `,
                       )}))`
           }
           AND NOT EXISTS (SELECT 1 FROM training_registrations r WHERE r.session_id = ${session.id} AND r.user_id = u.id)
         ORDER BY lower(u.display_name), u.id
         LIMIT 20`,
  );
  return found.map((f) => ({
    id: f.id,
    displayName: f.display_name,
    schools: (typeof f.schools === 'string' ? JSON.parse(f.schools) : (f.schools ?? [])) as {
      id: string;
      name: string;
    }[],
  }));
}

async function sessionRow(scope: Scope, actor: Actor, id: string): Promise<SessionRow> {
  const [row] = await scope.tx
    .select()
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.id, id),
        eq(trainingSessions.organisationId, scope.organisationId),
        sessionVisible(actor),
      ),
    )
    .for('update');
  if (!row) throw notFound('Training session');
  return row;
}

/** Where and for whom: the school (404 out of reach), its room, somewhere to go. */
async function checkSession(
  scope: Scope,
  actor: Actor,
  s: {
    schoolId: string | null;
    roomId: string | null;
    place: string | null;
    online: boolean;
    capacity: number | null;
  },
  registered = 0,
) {
  const problems: InvalidField[] = [];
  if (s.schoolId) {
    const [school] = await scope.tx
      .select({ id: schools.id })
      .from(schools)
      .where(and(eq(schools.id, s.schoolId), eq(schools.organisationId, scope.organisationId)));
    if (!school) problems.push(field('body.schoolId', 'unknown_school'));
    else if (!inReach(actor, s.schoolId)) throw notFound('School');
  }
  if (s.roomId) {
    const [room] = await scope.tx
      .select({ schoolId: rooms.schoolId })
      .from(rooms)
      .where(and(eq(rooms.id, s.roomId), eq(rooms.organisationId, scope.organisationId)));
    if (!room) problems.push(field('body.roomId', 'unknown_room'));
    else if (room.schoolId !== s.schoolId) problems.push(field('body.roomId', 'room_not_in_school'));
  }
  if (!s.online && !s.roomId && !s.place) problems.push(field('body.place', 'place_required'));
  if (s.capacity !== null && s.capacity < registered) problems.push(field('body.capacity', 'below_registrations'));
  if (problems.length) throw invalid('Invalid training session', problems);
}

export async function createSession(scope: Scope, actor: Actor, input: CreateSessionInput) {
  const values = {
    audience: input.audience,
    topic: input.topic,
    description: input.description ?? '',
    startsAt: new Date(input.startsAt),
    durationMinutes: input.durationMinutes,
    schoolId: input.schoolId ?? null,
    roomId: input.roomId ?? null,
    place: input.place ?? null,
    online: input.online ?? false,
    onlineUrl: input.onlineUrl ?? null,
    trainer: input.trainer,
    capacity: input.capacity ?? null,
    materials: input.materials ?? [],
  };
  await checkSession(scope, actor, values);
  const [row] = await scope.tx
    .insert(trainingSessions)
    .values({ ...values, organisationId: scope.organisationId, createdBy: scope.userId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const after = await getSession(scope, actor, row.id);
  await recordAudit(scope, {
    action: 'training.session_created',
    entityType: 'training_session',
    entityId: row.id,
    after: { ...after, registrations: undefined },
  });
  return after;
}

export async function updateSession(scope: Scope, actor: Actor, id: string, input: UpdateSessionInput) {
  const current = await sessionRow(scope, actor, id);
  if (input.status !== undefined && input.status !== current.status && current.status === 'held') {
    throw new AppError('TRAINING_INVALID_STATE', 'A held session cannot be cancelled or planned again');
  }
  const next = {
    schoolId: input.schoolId !== undefined ? input.schoolId : current.schoolId,
    roomId: input.roomId !== undefined ? input.roomId : current.roomId,
    place: input.place !== undefined ? input.place : current.place,
    online: input.online ?? current.online,
    capacity: input.capacity !== undefined ? input.capacity : current.capacity,
  };
  const [counted] = await rows<{ n: number; other: number }>(
    scope.tx,
    sql`SELECT count(*)::int AS n,
               count(*) FILTER (WHERE ${next.schoolId}::uuid IS NOT NULL AND school_id IS DISTINCT FROM ${next.schoolId}::uuid)::int AS other
          FROM training_registrations WHERE session_id = ${id}`,
  );
  await checkSession(scope, actor, next, Number(counted?.n ?? 0));
  if (Number(counted?.other ?? 0) > 0) {
    throw invalid('Registrants of other schools', [field('body.schoolId', 'registrations_of_other_schools')]);
  }
  const before = await getSession(scope, actor, id);
  const { startsAt, ...rest } = input;
  const set = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  await scope.tx
    .update(trainingSessions)
    .set({ ...set, ...(startsAt ? { startsAt: new Date(startsAt) } : {}), updatedAt: new Date() })
    .where(eq(trainingSessions.id, id));
  const after = await getSession(scope, actor, id);
  await recordAudit(scope, {
    action: 'training.session_updated',
    entityType: 'training_session',
    entityId: id,
    before: { ...before, registrations: undefined },
    after: { ...after, registrations: undefined },
  });
  return after;
}

/** Only a session nobody registered to and not held: otherwise cancel it (status `cancelled`). */
export async function deleteSession(scope: Scope, actor: Actor, id: string) {
  await sessionRow(scope, actor, id);
  const before = await getSession(scope, actor, id);
  if (!before.can.delete) {
    throw new AppError(
      'TRAINING_INVALID_STATE',
      'This session has registrations, attendance or feedback: cancel it instead (PATCH status: cancelled)',
    );
  }
  await scope.tx.delete(trainingSessions).where(eq(trainingSessions.id, id));
  await recordAudit(scope, {
    action: 'training.session_deleted',
    entityType: 'training_session',
    entityId: id,
    before: { ...before, registrations: undefined },
  });
}

// Registrations ---------------------------------------------------------------------------

async function userSchoolIds(scope: Scope, userId: string): Promise<string[]> {
  const found = await scope.tx
    .select({ schoolId: userSchools.schoolId })
    .from(userSchools)
    .where(eq(userSchools.userId, userId));
  return found.map((f) => f.schoolId);
}

/**
 * Registers oneself, an account or a named member of staff without one,
 * within the capacity. The session row is locked first (`FOR UPDATE`), so
 * concurrent requests for the last seat queue behind each other: the first
 * takes it, the next one finds the session full (TRAINING_FULL).
 */
export async function createRegistration(
  scope: Scope,
  actor: Actor,
  sessionId: string,
  input: CreateRegistrationInput,
) {
  const session = await sessionRow(scope, actor, sessionId);
  const manage = can(actor.roles, 'training.manage');
  if (session.audience === 'families') {
    throw new AppError('TRAINING_INVALID_STATE', 'Families are not registered by name: record the head count');
  }
  if (session.status === 'cancelled') throw new AppError('TRAINING_INVALID_STATE', 'The session is cancelled');
  if (!manage && !canRegisterAt(session, new Date())) {
    throw new AppError('TRAINING_INVALID_STATE', 'Registration closed: the session started or was held');
  }
  if (input.userId && input.name) {
    throw invalid('An account or a name, not both', [field('body.name', 'user_or_name')]);
  }
  let userId: string | null = null;
  let traineeId: string | null = null;
  let schoolId: string | null = input.schoolId ?? null;
  if (input.name) {
    if (!schoolId) throw invalid('The school of the person is needed', [field('body.schoolId', 'required')]);
    await assertSchool(scope, actor, schoolId);
  } else {
    userId = input.userId ?? actor.userId;
    const [user] = await scope.tx
      .select({ id: users.id, active: users.active })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.organisationId, scope.organisationId)));
    if (!user?.active) throw invalid('Unknown user', [field('body.userId', 'unknown_user')]);
    const theirs = await userSchoolIds(scope, userId);
    if (schoolId) {
      if (theirs.length && !theirs.includes(schoolId)) {
        throw invalid('Not a school of this person', [field('body.schoolId', 'not_users_school')]);
      }
      await assertSchool(scope, actor, schoolId);
    } else if (session.schoolId && theirs.includes(session.schoolId)) schoolId = session.schoolId;
    else if (theirs.length === 1) schoolId = theirs[0] ?? null;
    else if (theirs.length > 1) {
      throw invalid('Which school is this person counted for?', [field('body.schoolId', 'required')]);
    }
    // Someone else's account: within the actor's schools.
    if (userId !== actor.userId && !manage && !(schoolId && inReach(actor, schoolId))) throw notFound('User');
  }
  if (session.audience === 'teachers' && !schoolId) {
    throw invalid('Teachers are counted per school', [field('body.schoolId', 'required')]);
  }
  if (session.schoolId && schoolId !== session.schoolId) {
    throw invalid('The session is for the staff of its school', [field('body.schoolId', 'not_session_school')]);
  }
  if (input.name && schoolId) {
    // One row per person and school, reused across sessions so people are counted once.
    await scope.tx.execute(
      sql`INSERT INTO training_trainees (organisation_id, school_id, name, created_at)
          VALUES (${scope.organisationId}, ${schoolId}, ${input.name}, now())
          ON CONFLICT (school_id, lower(name)) WHERE name IS NOT NULL DO NOTHING`,
    );
    const [trainee] = await scope.tx
      .select({ id: trainingTrainees.id })
      .from(trainingTrainees)
      .where(and(eq(trainingTrainees.schoolId, schoolId), sql`lower(${trainingTrainees.name}) = lower(${input.name})`));
    if (!trainee) throw new AppError('INTERNAL');
    traineeId = trainee.id;
  }
  const [dup] = await scope.tx
    .select({ id: trainingRegistrations.id })
    .from(trainingRegistrations)
    .where(
      and(
        eq(trainingRegistrations.sessionId, sessionId),
        userId ? eq(trainingRegistrations.userId, userId) : eq(trainingRegistrations.traineeId, traineeId ?? ''),
      ),
    );
  if (dup) {
    throw new AppError('CONFLICT', 'Already registered', {
      fields: [field(input.name ? 'body.name' : 'body.userId', 'already_registered')],
    });
  }
  if (session.capacity !== null) {
    const [taken] = await rows<{ n: number }>(
      scope.tx,
      sql`SELECT count(*)::int AS n FROM training_registrations WHERE session_id = ${sessionId}`,
    );
    if (Number(taken?.n ?? 0) >= session.capacity) {
      throw new AppError('TRAINING_FULL', `All ${session.capacity} seats are taken`);
    }
  }
  const [row] = await scope.tx
    .insert(trainingRegistrations)
    .values({
      organisationId: scope.organisationId,
      sessionId,
      userId,
      traineeId,
      schoolId,
      registeredBy: scope.userId,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(scope, {
    action: 'training.registered',
    entityType: 'training_registration',
    entityId: row.id,
    after: { sessionId, userId, traineeId, schoolId },
  });
  const [presented] = (await registrationsOf(scope, actor, session)).filter((r) => r.id === row.id);
  if (!presented) throw new AppError('INTERNAL');
  return presented;
}

async function assertSchool(scope: Scope, actor: Actor, schoolId: string) {
  const [school] = await scope.tx
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.organisationId, scope.organisationId)));
  if (!school) throw invalid('Unknown school', [field('body.schoolId', 'unknown_school')]);
  if (!can(actor.roles, 'training.manage') && !inReach(actor, schoolId)) throw notFound('School');
}

export async function deleteRegistration(scope: Scope, actor: Actor, id: string) {
  const [reg] = await scope.tx
    .select()
    .from(trainingRegistrations)
    .where(
      and(
        eq(trainingRegistrations.id, id),
        eq(trainingRegistrations.organisationId, scope.organisationId),
        registrationVisible(actor),
      ),
    );
  if (!reg) throw notFound('Registration');
  const session = await sessionRow(scope, actor, reg.sessionId);
  if (!canUnregister(actor, session, reg, new Date())) {
    if (session.status !== 'planned' || session.startsAt.getTime() <= Date.now()) {
      throw new AppError('TRAINING_INVALID_STATE', 'The session started, was held or cancelled');
    }
    throw notFound('Registration');
  }
  await scope.tx.delete(trainingRegistrations).where(eq(trainingRegistrations.id, id));
  await recordAudit(scope, {
    action: 'training.unregistered',
    entityType: 'training_registration',
    entityId: id,
    before: { sessionId: reg.sessionId, userId: reg.userId, traineeId: reg.traineeId, schoolId: reg.schoolId },
  });
}

// Attendance and feedback -----------------------------------------------------------------

/**
 * After the session: present or absent per registration (staff), or the
 * head count (families, never names). Marks the session held; can be
 * corrected later.
 */
export async function recordAttendance(scope: Scope, actor: Actor, sessionId: string, input: AttendanceInput) {
  const session = await sessionRow(scope, actor, sessionId);
  if (!canRecordAttendanceAt(session, new Date())) {
    throw new AppError('TRAINING_INVALID_STATE', 'Attendance is recorded once the session started, unless cancelled');
  }
  if (session.audience === 'families') {
    if (input.entries !== undefined) {
      throw invalid('Families: a head count only', [field('body.entries', 'families_head_count_only')]);
    }
    if (input.headCount === undefined) throw invalid('Head count missing', [field('body.headCount', 'required')]);
  } else {
    if (input.headCount !== undefined) {
      throw invalid('Staff: attendance per registration', [field('body.headCount', 'staff_attendance_per_person')]);
    }
    if (input.entries === undefined) throw invalid('Attendance missing', [field('body.entries', 'required')]);
    const known = new Set(
      (
        await scope.tx
          .select({ id: trainingRegistrations.id })
          .from(trainingRegistrations)
          .where(eq(trainingRegistrations.sessionId, sessionId))
      ).map((r) => r.id),
    );
    const unknown = input.entries.flatMap((e, i) =>
      known.has(e.registrationId) ? [] : [field(`body.entries.${i}.registrationId`, 'unknown_registration')],
    );
    if (unknown.length) throw invalid('Unknown registrations', unknown);
  }
  const before = await getSession(scope, actor, sessionId);
  for (const value of [true, false]) {
    const ids = (input.entries ?? []).filter((e) => e.attended === value).map((e) => e.registrationId);
    if (ids.length)
      await scope.tx
        .update(trainingRegistrations)
        .set({ attended: value, updatedAt: new Date() })
        .where(and(eq(trainingRegistrations.sessionId, sessionId), inArray(trainingRegistrations.id, ids)));
  }
  await scope.tx
    .update(trainingSessions)
    .set({
      status: 'held',
      ...(input.headCount !== undefined ? { headCount: input.headCount } : {}),
      updatedAt: new Date(),
    })
    .where(eq(trainingSessions.id, sessionId));
  const after = await getSession(scope, actor, sessionId);
  await recordAudit(scope, {
    action: 'training.attendance_recorded',
    entityType: 'training_session',
    entityId: sessionId,
    before: { status: before.status, attendees: before.attendees },
    after: {
      status: after.status,
      attendees: after.attendees,
      present: (input.entries ?? []).filter((e) => e.attended).map((e) => e.registrationId),
      absent: (input.entries ?? []).filter((e) => !e.attended).map((e) => e.registrationId),
    },
  });
  return after;
}

/**
 * Anonymous scores: stored without the registrant. A present registrant
 * with an account gives one score, once (the registration only remembers
 * *that* they gave one); `training.manage` enters paper forms' scores.
 */
export async function giveFeedback(scope: Scope, actor: Actor, sessionId: string, input: FeedbackInput) {
  const session = await sessionRow(scope, actor, sessionId);
  if (session.status !== 'held') throw new AppError('TRAINING_INVALID_STATE', 'Feedback comes after a held session');
  const manage = can(actor.roles, 'training.manage');
  const [own] = await scope.tx
    .select()
    .from(trainingRegistrations)
    .where(
      and(
        eq(trainingRegistrations.sessionId, sessionId),
        eq(trainingRegistrations.userId, actor.userId),
        eq(trainingRegistrations.attended, true),
      ),
    )
    .for('update');
  const asAttendee = own !== undefined && !own.feedbackGiven;
  if (!asAttendee && !manage) {
    if (own) throw new AppError('CONFLICT', 'You already gave your score for this session');
    throw new AppError('FORBIDDEN', 'Only the attendees of the session give feedback');
  }
  if (asAttendee && !manage && input.scores.length !== 1) {
    throw invalid('One score per attendee', [field('body.scores', 'one_score')]);
  }
  if (asAttendee && input.scores.length === 1) {
    await scope.tx
      .update(trainingRegistrations)
      .set({ feedbackGiven: true })
      .where(eq(trainingRegistrations.id, own.id));
  }
  await scope.tx
    .insert(trainingFeedback)
    .values(input.scores.map((score) => ({ organisationId: scope.organisationId, sessionId, score })));
  await recordAudit(scope, {
    action: asAttendee && input.scores.length === 1 ? 'training.feedback_given' : 'training.feedback_entered',
    entityType: 'training_session',
    entityId: sessionId,
    // Never the score next to an identified attendee.
    after: asAttendee && input.scores.length === 1 ? { count: 1 } : { count: input.scores.length },
  });
  return getSession(scope, actor, sessionId);
}
