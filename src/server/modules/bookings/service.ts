import { and, eq, inArray, sql } from 'drizzle-orm';
import { can } from '../../../shared/permissions.ts';
import { rows, type Scope } from '../../db/connection.ts';
import {
  ACTIVE_BOOKING_STATUSES,
  type BookingStatus,
  bookingSeries,
  bookings,
  type ContentItem,
  type ResourceKind,
  type ReturnCheck,
} from '../../db/schema.ts';
import { AppError, type InvalidField } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import {
  addDays,
  checkContents,
  localDate,
  MAX_OCCURRENCES,
  type Occurrence,
  SCHOOL_TIME_ZONE,
  seriesOccurrences,
  zonedToUtc,
} from './rules.ts';
import type { CalendarQuery, CancelInput, CreateBookingInput, ReturnInput } from './schema.ts';

/**
 * Bookings of carts, devices and rooms (issue #8 point 2). Every function
 * runs inside `withOrg` (RLS), filters on the organisation too, and checks
 * the actor's school reach against the actual rows: outside it is a 404.
 * The service looks for a colliding booking first (a friendly answer naming
 * the slot); the exclusion constraint `bookings_no_overlap` is the backstop
 * for two requests racing each other, and its violation is answered the
 * same way. Every write records its audit event in the same transaction.
 */

type Reach = 'all' | readonly string[];
type ActorLike = Pick<Actor, 'userId' | 'roles' | 'schoolIds' | 'technicianScope'>;

const reachOf = (actor: ActorLike): Reach => schoolScope(actor);
const inReach = (reach: Reach, schoolId: string) => reach === 'all' || reach.includes(schoolId);
const reachSql = (reach: Reach, column = sql`b.school_id`) =>
  reach === 'all'
    ? sql`true`
    : reach.length === 0
      ? sql`false`
      : sql`${column} IN (${sql.join(
          reach.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;

const invalid = (detail: string, fields: InvalidField[]) => new AppError('VALIDATION_FAILED', detail, { fields });
const missing = (what: string, path: string) =>
  new AppError('NOT_FOUND', `${what} not found`, { fields: [{ path, message: 'not found' }] });

const ACTIVE = sql.raw(`(${ACTIVE_BOOKING_STATUSES.map((s) => `'${s}'`).join(',')})`);
/** Asset statuses in which a cart or a device can be booked. */
const BOOKABLE_ASSET_STATUSES = ['deployed', 'in_stock'];

const hhmm = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: SCHOOL_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

// Resources ---------------------------------------------------------------------------

export interface Resource {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly schoolId: string;
  readonly label: string;
  readonly requiresApproval: boolean;
}

/** The resource, in the actor's reach, bookable as `kind`; answers naming `body.resource*`. */
export async function resourceOf(scope: Scope, actor: ActorLike, kind: ResourceKind, id: string): Promise<Resource> {
  const reach = reachOf(actor);
  if (kind === 'room') {
    const [room] = await rows<{
      id: string;
      school_id: string;
      name: string;
      archived: boolean;
      approval: boolean | null;
    }>(
      scope.tx,
      sql`SELECT r.id, r.school_id, r.name, r.archived_at IS NOT NULL AS archived, s.requires_approval AS approval
            FROM rooms r LEFT JOIN booking_resource_settings s ON s.resource_id = r.id
           WHERE r.id = ${id} AND r.organisation_id = ${scope.organisationId}`,
    );
    if (!room || !inReach(reach, room.school_id)) {
      // An asset id sent as a room: say which kind it is, if the actor may see it.
      throw missing('Room', 'body.resourceId');
    }
    if (room.archived) throw new AppError('BOOKING_RESOURCE_UNAVAILABLE', 'This room is archived');
    return { kind, id: room.id, schoolId: room.school_id, label: room.name, requiresApproval: room.approval ?? false };
  }
  const [asset] = await rows<{
    id: string;
    tag: string;
    status: string;
    school_id: string | null;
    cart_id: string | null;
    model: string;
    role: string;
    approval: boolean | null;
  }>(
    scope.tx,
    sql`SELECT a.id, a.tag, a.status, a.school_id, a.cart_id, m.name AS model, c.role, s.requires_approval AS approval
          FROM assets a
          JOIN asset_models m ON m.id = a.model_id
          JOIN asset_categories c ON c.id = m.category_id
          LEFT JOIN booking_resource_settings s ON s.resource_id = a.id
         WHERE a.id = ${id} AND a.organisation_id = ${scope.organisationId}`,
  );
  if (!asset?.school_id || !inReach(reach, asset.school_id)) throw missing('Asset', 'body.resourceId');
  const isCart = asset.role === 'cart';
  if (isCart !== (kind === 'cart')) {
    throw invalid(`This asset is ${isCart ? 'a cart' : 'not a cart'}`, [
      {
        path: 'body.resourceKind',
        message: isCart ? 'the asset is a cart' : 'the asset is not a cart',
        code: 'kind_mismatch',
      },
    ]);
  }
  if (asset.cart_id) {
    throw new AppError('BOOKING_RESOURCE_UNAVAILABLE', 'This device is in a cart: book the cart');
  }
  if (!BOOKABLE_ASSET_STATUSES.includes(asset.status)) {
    throw new AppError('BOOKING_RESOURCE_UNAVAILABLE', `A ${kind} with status ${asset.status} cannot be booked`);
  }
  return {
    kind,
    id: asset.id,
    schoolId: asset.school_id,
    label: `${asset.tag} · ${asset.model}`,
    requiresApproval: asset.approval ?? false,
  };
}

export async function findResources(scope: Scope, actor: ActorLike, schoolId: string) {
  if (!inReach(reachOf(actor), schoolId)) throw missing('School', 'query.schoolId');
  const assets = await rows<{
    id: string;
    tag: string;
    model: string;
    role: string;
    contents: number;
    approval: boolean | null;
  }>(
    scope.tx,
    sql`SELECT a.id, a.tag, m.name AS model, c.role, s.requires_approval AS approval,
               (SELECT count(*)::int FROM assets x WHERE x.cart_id = a.id) AS contents
          FROM assets a
          JOIN asset_models m ON m.id = a.model_id
          JOIN asset_categories c ON c.id = m.category_id
          LEFT JOIN booking_resource_settings s ON s.resource_id = a.id
         WHERE a.organisation_id = ${scope.organisationId} AND a.school_id = ${schoolId}
           AND a.cart_id IS NULL AND a.status IN ('deployed', 'in_stock')
         ORDER BY (c.role = 'cart') DESC, a.tag`,
  );
  const roomRows = await rows<{ id: string; name: string; approval: boolean | null }>(
    scope.tx,
    sql`SELECT r.id, r.name, s.requires_approval AS approval
          FROM rooms r LEFT JOIN booking_resource_settings s ON s.resource_id = r.id
         WHERE r.organisation_id = ${scope.organisationId} AND r.school_id = ${schoolId} AND r.archived_at IS NULL
         ORDER BY r.name`,
  );
  return [
    ...assets.map((a) => ({
      kind: (a.role === 'cart' ? 'cart' : 'device') as ResourceKind,
      id: a.id,
      schoolId,
      label: `${a.tag} · ${a.model}`,
      requiresApproval: a.approval ?? false,
      contentsCount: a.role === 'cart' ? Number(a.contents) : null,
    })),
    ...roomRows.map((r) => ({
      kind: 'room' as const,
      id: r.id,
      schoolId,
      label: r.name,
      requiresApproval: r.approval ?? false,
      contentsCount: null,
    })),
  ];
}

export async function setResourceSettings(
  scope: Scope,
  actor: ActorLike,
  kind: ResourceKind,
  id: string,
  requiresApproval: boolean,
) {
  const resource = await resourceOf(scope, actor, kind, id);
  const column = kind === 'room' ? sql`room_id` : sql`asset_id`;
  await scope.tx.execute(
    sql`INSERT INTO booking_resource_settings (organisation_id, ${column}, requires_approval)
        VALUES (${scope.organisationId}, ${id}, ${requiresApproval})
        ON CONFLICT (resource_id) DO UPDATE SET requires_approval = excluded.requires_approval, updated_at = now()`,
  );
  await recordAudit(scope, {
    action: 'booking_resource.settings_changed',
    entityType: kind === 'room' ? 'room' : 'asset',
    entityId: id,
    before: { requiresApproval: resource.requiresApproval },
    after: { requiresApproval },
  });
  return { ...resource, requiresApproval, contentsCount: null };
}

// Presenting ----------------------------------------------------------------------------

interface BookingRow {
  id: string;
  school_id: string;
  school_name: string;
  series_id: string | null;
  resource_kind: ResourceKind;
  resource_id: string;
  resource_label: string;
  class_id: string | null;
  class_name: string | null;
  activity: string | null;
  booked_by: string;
  booked_by_name: string;
  starts_at: Date | string;
  ends_at: Date | string;
  status: BookingStatus;
  notes: string;
  picked_up_at: Date | string | null;
  returned_at: Date | string | null;
  expected_contents: ContentItem[] | null;
  return_check: ReturnCheck | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

const SELECT_BOOKINGS = sql`
  SELECT b.id, b.school_id, coalesce(sc.usual_name, sc.name) AS school_name, b.series_id, b.resource_kind, b.resource_id,
         coalesce(a.tag || ' · ' || m.name, r.name) AS resource_label,
         b.class_id, cl.name AS class_name, b.activity, b.booked_by, u.display_name AS booked_by_name,
         b.starts_at, b.ends_at, b.status, b.notes, b.picked_up_at, b.returned_at, b.expected_contents, b.return_check,
         b.version, b.created_at, b.updated_at
    FROM bookings b
    JOIN schools sc ON sc.id = b.school_id
    JOIN users u ON u.id = b.booked_by
    LEFT JOIN assets a ON a.id = b.asset_id
    LEFT JOIN asset_models m ON m.id = a.model_id
    LEFT JOIN rooms r ON r.id = b.room_id
    LEFT JOIN classes cl ON cl.id = b.class_id`;

function present(actor: ActorLike, b: BookingRow) {
  const manage = can(actor.roles, 'bookings.manage') && inReach(reachOf(actor), b.school_id);
  const own = b.booked_by === actor.userId && can(actor.roles, 'bookings.create');
  return {
    id: b.id,
    schoolId: b.school_id,
    schoolName: b.school_name,
    seriesId: b.series_id,
    resource: { kind: b.resource_kind, id: b.resource_id, label: b.resource_label },
    classId: b.class_id,
    className: b.class_name,
    activity: b.activity,
    bookedBy: { id: b.booked_by, displayName: b.booked_by_name },
    startsAt: iso(b.starts_at),
    endsAt: iso(b.ends_at),
    status: b.status,
    notes: b.notes,
    pickedUpAt: isoOrNull(b.picked_up_at),
    returnedAt: isoOrNull(b.returned_at),
    expectedContents: b.expected_contents,
    returnCheck: b.return_check,
    version: b.version,
    createdAt: iso(b.created_at),
    can: {
      approve: manage && b.status === 'requested',
      cancel: (manage || own) && (b.status === 'requested' || b.status === 'confirmed'),
      pickUp: manage && b.status === 'confirmed',
      return: manage && b.status === 'picked_up',
    },
  };
}
export type BookingView = ReturnType<typeof present>;

async function bookingRows(scope: Scope, where: ReturnType<typeof sql>) {
  return rows<BookingRow>(
    scope.tx,
    sql`${SELECT_BOOKINGS} WHERE b.organisation_id = ${scope.organisationId} AND ${where} ORDER BY b.starts_at, b.id`,
  );
}

export async function getBooking(scope: Scope, actor: ActorLike, id: string): Promise<BookingView> {
  const [row] = await bookingRows(scope, sql`b.id = ${id} AND ${reachSql(reachOf(actor))}`);
  if (!row) throw new AppError('NOT_FOUND', 'Booking not found');
  return present(actor, row);
}

/** Bookings between two days (school time), of a school, a resource, or the actor's. */
export async function findBookings(scope: Scope, actor: ActorLike, query: CalendarQuery): Promise<BookingView[]> {
  if (query.to < query.from) {
    throw invalid('The range ends before it starts', [{ path: 'query.to', message: 'before from', code: 'range' }]);
  }
  if (query.to > addDays(query.from, 62)) {
    throw invalid('At most 62 days at once', [
      { path: 'query.to', message: 'more than 62 days after from', code: 'range' },
    ]);
  }
  const reach = reachOf(actor);
  if (query.schoolId && !inReach(reach, query.schoolId)) throw missing('School', 'query.schoolId');
  const from = zonedToUtc(query.from, '00:00');
  const to = zonedToUtc(addDays(query.to, 1), '00:00');
  const found = await bookingRows(
    scope,
    sql`${reachSql(reach)}
        AND b.during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')
        ${query.schoolId ? sql`AND b.school_id = ${query.schoolId}` : sql``}
        ${query.resourceId ? sql`AND b.resource_id = ${query.resourceId}` : sql``}
        ${query.mine === 'true' ? sql`AND b.booked_by = ${actor.userId}` : sql``}
        ${query.cancelled === 'true' ? sql`` : sql`AND b.status <> 'cancelled'`}`,
  );
  return found.map((b) => present(actor, b));
}

// Creating --------------------------------------------------------------------------------

interface Collision {
  i: number;
  id: string;
  starts_at: Date | string;
  ends_at: Date | string;
}

/** The first occurrence (in order) that overlaps a live booking of the resource. */
async function firstCollision(scope: Scope, resourceId: string, occurrences: readonly Occurrence[]) {
  const values = sql.join(
    occurrences.map(
      (o, i) => sql`(${i}::int, ${o.startsAt.toISOString()}::timestamptz, ${o.endsAt.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const [hit] = await rows<Collision>(
    scope.tx,
    sql`SELECT o.i, b.id, b.starts_at, b.ends_at
          FROM (VALUES ${values}) AS o(i, s, e)
          JOIN bookings b ON b.resource_id = ${resourceId} AND b.status IN ${ACTIVE}
                         AND b.during && tstzrange(o.s, o.e, '[)')
         ORDER BY o.i, b.starts_at LIMIT 1`,
  );
  return hit ?? null;
}

function conflictError(resource: Resource, occurrences: readonly Occurrence[], hit: Collision | null, series: boolean) {
  const occurrence = hit ? occurrences[hit.i] : undefined;
  const date = occurrence?.date ?? '';
  const startsAt = hit ? new Date(hit.starts_at) : null;
  const endsAt = hit ? new Date(hit.ends_at) : null;
  const slot = startsAt && endsAt ? ` (booked ${hhmm(startsAt)}–${hhmm(endsAt)})` : '';
  return new AppError(
    'BOOKING_CONFLICT',
    `${resource.label} is already booked on ${date}${slot}${series ? ': nothing of the series was booked' : ''}`,
    {
      conflict: {
        date,
        startsAt: startsAt?.toISOString() ?? '',
        endsAt: endsAt?.toISOString() ?? '',
        bookingId: hit?.id ?? null,
      },
      fields: [
        {
          path: series ? 'body.series' : 'body.startsAt',
          message: `already booked on ${date}`,
          code: 'booking_conflict',
        },
      ],
    },
  );
}

const isExclusionViolation = (error: unknown) => {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  return e.code === '23P01' || e.cause?.code === '23P01';
};

function occurrencesOf(input: CreateBookingInput, now: Date): Occurrence[] {
  const oneOff = input.startsAt !== undefined || input.endsAt !== undefined;
  if (oneOff === (input.series !== undefined)) {
    throw invalid('Give either startsAt and endsAt, or a series', [
      { path: 'body.series', message: 'give either startsAt/endsAt or series', code: 'one_of' },
    ]);
  }
  let list: Occurrence[];
  if (input.series) {
    const s = input.series;
    if ((s.endsOn === undefined) === (s.count === undefined)) {
      throw invalid('A series ends on a date or after a count', [
        { path: 'body.series.endsOn', message: 'give endsOn or count', code: 'one_of' },
      ]);
    }
    if (s.endTime <= s.startTime) {
      throw invalid('The slot ends before it starts', [
        { path: 'body.series.endTime', message: 'not after startTime', code: 'range' },
      ]);
    }
    if (s.endsOn !== undefined && s.endsOn < s.startsOn) {
      throw invalid('The series ends before it starts', [
        { path: 'body.series.endsOn', message: 'before startsOn', code: 'range' },
      ]);
    }
    list = seriesOccurrences(s);
    if (list.length === 0) {
      throw invalid('The series has no occurrence', [
        { path: 'body.series', message: 'no such weekday in the range', code: 'empty' },
      ]);
    }
    if (list.length > MAX_OCCURRENCES) {
      throw invalid(`A series has at most ${MAX_OCCURRENCES} occurrences`, [
        { path: 'body.series.endsOn', message: `more than ${MAX_OCCURRENCES} occurrences`, code: 'too_many' },
      ]);
    }
  } else {
    if (!input.startsAt || !input.endsAt) {
      throw invalid('Give both startsAt and endsAt', [
        { path: input.startsAt ? 'body.endsAt' : 'body.startsAt', message: 'required', code: 'required' },
      ]);
    }
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) {
      throw invalid('The slot ends before it starts', [
        { path: 'body.endsAt', message: 'not after startsAt', code: 'range' },
      ]);
    }
    if (endsAt.getTime() - startsAt.getTime() > 14 * 86_400_000) {
      throw invalid('A booking lasts at most 14 days', [
        { path: 'body.endsAt', message: 'more than 14 days', code: 'range' },
      ]);
    }
    list = [{ date: localDate(startsAt), startsAt, endsAt }];
  }
  if (list.some((o) => o.endsAt <= now)) {
    throw invalid('A slot is already over', [
      { path: input.series ? 'body.series.startsOn' : 'body.endsAt', message: 'in the past', code: 'past' },
    ]);
  }
  return list;
}

export async function createBookings(scope: Scope, actor: ActorLike, input: CreateBookingInput, now = new Date()) {
  if ((input.classId === undefined) === (input.activity === undefined)) {
    throw invalid('A booking is for a class or for a périscolaire activity', [
      { path: 'body.classId', message: 'give classId or activity', code: 'one_of' },
    ]);
  }
  const occurrences = occurrencesOf(input, now);
  const resource = await resourceOf(scope, actor, input.resourceKind, input.resourceId);
  if (input.classId) {
    const [klass] = await rows<{ id: string }>(
      scope.tx,
      sql`SELECT id FROM classes WHERE id = ${input.classId} AND organisation_id = ${scope.organisationId}
            AND school_id = ${resource.schoolId}`,
    );
    if (!klass) throw missing('Class of the resource’s school', 'body.classId');
  }
  const status: BookingStatus =
    resource.requiresApproval && !can(actor.roles, 'bookings.manage') ? 'requested' : 'confirmed';
  const isSeries = input.series !== undefined;

  const before = await firstCollision(scope, resource.id, occurrences);
  if (before) throw conflictError(resource, occurrences, before, isSeries);

  let seriesId: string | null = null;
  if (input.series) {
    const [s] = await scope.tx
      .insert(bookingSeries)
      .values({
        organisationId: scope.organisationId,
        schoolId: resource.schoolId,
        weekday: input.series.weekday,
        startTime: input.series.startTime,
        endTime: input.series.endTime,
        startsOn: input.series.startsOn,
        endsOn: input.series.endsOn ?? null,
        occurrences: input.series.count ?? null,
        bookedBy: actor.userId,
      })
      .returning({ id: bookingSeries.id });
    seriesId = s?.id ?? null;
  }
  let inserted: { id: string }[];
  try {
    // A savepoint: when a concurrent booking took the slot since the check
    // above, the constraint fires and the transaction can still find it.
    inserted = await scope.tx.transaction((sp) =>
      sp
        .insert(bookings)
        .values(
          occurrences.map((o) => ({
            organisationId: scope.organisationId,
            schoolId: resource.schoolId,
            seriesId,
            resourceKind: resource.kind,
            assetId: resource.kind === 'room' ? null : resource.id,
            roomId: resource.kind === 'room' ? resource.id : null,
            classId: input.classId ?? null,
            activity: input.activity ?? null,
            bookedBy: actor.userId,
            startsAt: o.startsAt,
            endsAt: o.endsAt,
            status,
            notes: input.notes ?? '',
          })),
        )
        .returning({ id: bookings.id }),
    );
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    throw conflictError(resource, occurrences, await firstCollision(scope, resource.id, occurrences), isSeries);
  }
  const ids = inserted.map((r) => r.id);
  const found = await bookingRows(scope, sql`b.id = ${ids[0]}`);
  const first = found[0];
  if (!first) throw new Error('booking vanished');
  const view = present(actor, first);
  await recordAudit(scope, {
    action: isSeries ? 'booking.series_created' : 'booking.created',
    entityType: isSeries ? 'booking_series' : 'booking',
    entityId: seriesId ?? view.id,
    after: {
      resource: view.resource,
      classId: view.classId,
      activity: view.activity,
      status,
      occurrences: occurrences.map((o) => ({ startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() })),
    },
  });
  return {
    booking: view,
    seriesId,
    occurrences: occurrences.map((o, i) => ({
      id: ids[i] as string,
      date: o.date,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
    })),
  };
}

// State changes ------------------------------------------------------------------------------

type Action = 'approve' | 'cancel' | 'pick_up' | 'return';
const FROM: Record<Action, readonly BookingStatus[]> = {
  approve: ['requested'],
  cancel: ['requested', 'confirmed'],
  pick_up: ['confirmed'],
  return: ['picked_up'],
};

async function lockBooking(scope: Scope, actor: ActorLike, id: string) {
  const [row] = await scope.tx
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, id), eq(bookings.organisationId, scope.organisationId)))
    .for('update');
  if (!row || !inReach(reachOf(actor), row.schoolId)) throw new AppError('NOT_FOUND', 'Booking not found');
  return row;
}

function assertFrom(action: Action, status: BookingStatus) {
  if (!FROM[action].includes(status)) {
    throw new AppError('BOOKING_INVALID_STATE', `Cannot ${action.replace('_', ' ')} a booking that is ${status}`, {
      allowed: [...FROM[action]],
    });
  }
}

async function afterChange(scope: Scope, actor: ActorLike, id: string, action: string, before: unknown) {
  const view = await getBooking(scope, actor, id);
  await recordAudit(scope, { action: `booking.${action}`, entityType: 'booking', entityId: id, before, after: view });
  return view;
}

const snapshot = (row: typeof bookings.$inferSelect) => ({ status: row.status, version: row.version });

export async function approveBooking(scope: Scope, actor: ActorLike, id: string) {
  const row = await lockBooking(scope, actor, id);
  assertFrom('approve', row.status);
  await scope.tx
    .update(bookings)
    .set({
      status: 'confirmed',
      decidedBy: actor.userId,
      decidedAt: new Date(),
      version: row.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(bookings.id, id));
  return afterChange(scope, actor, id, 'approved', snapshot(row));
}

/**
 * Cancels a booking (its booker, or someone with `bookings.manage` in its
 * school) and, with `series`, the series' later occurrences not picked up.
 * A cancelled booking frees its slot at once (out of the constraint's WHERE).
 */
export async function cancelBooking(scope: Scope, actor: ActorLike, id: string, input: CancelInput) {
  const row = await lockBooking(scope, actor, id);
  const manage = can(actor.roles, 'bookings.manage');
  if (!manage && row.bookedBy !== actor.userId) {
    throw new AppError('FORBIDDEN', 'Only its booker or a manager of the school may cancel this booking');
  }
  assertFrom('cancel', row.status);
  const now = new Date();
  const targets = [id];
  if (input.series && row.seriesId) {
    const later = await scope.tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(
        and(
          eq(bookings.seriesId, row.seriesId),
          eq(bookings.organisationId, scope.organisationId),
          inArray(bookings.status, ['requested', 'confirmed']),
          sql`${bookings.startsAt} > ${row.startsAt.toISOString()}::timestamptz`,
          manage ? sql`true` : eq(bookings.bookedBy, actor.userId),
        ),
      );
    targets.push(...later.map((l) => l.id));
  }
  await scope.tx
    .update(bookings)
    .set({
      status: 'cancelled',
      cancelledBy: actor.userId,
      cancelledAt: now,
      notes: input.reason ? `${row.notes}${row.notes ? '\n' : ''}${input.reason}`.slice(0, 2000) : row.notes,
      version: sql`${bookings.version} + 1`,
      updatedAt: now,
    })
    .where(and(inArray(bookings.id, targets), eq(bookings.organisationId, scope.organisationId)));
  const view = await afterChange(scope, actor, id, 'cancelled', {
    ...snapshot(row),
    alsoCancelled: targets.length - 1,
  });
  return view;
}

/** Pick-up: a cart's contents now (devices with cart_id = the cart) become what the return is checked against. */
export async function pickUpBooking(scope: Scope, actor: ActorLike, id: string) {
  const row = await lockBooking(scope, actor, id);
  assertFrom('pick_up', row.status);
  let expected: ContentItem[] | null = null;
  if (row.resourceKind === 'cart' && row.assetId) {
    expected = await rows<ContentItem>(
      scope.tx,
      sql`SELECT id, tag FROM assets WHERE cart_id = ${row.assetId} AND organisation_id = ${scope.organisationId} ORDER BY tag`,
    );
  }
  const now = new Date();
  await scope.tx
    .update(bookings)
    .set({
      status: 'picked_up',
      pickedUpBy: actor.userId,
      pickedUpAt: now,
      expectedContents: expected,
      version: row.version + 1,
      updatedAt: now,
    })
    .where(eq(bookings.id, id));
  return afterChange(scope, actor, id, 'picked_up', snapshot(row));
}

/** Return: for a cart, the scanned or declared tags against the contents at pick-up (missing and extra listed). */
export async function returnBooking(scope: Scope, actor: ActorLike, id: string, input: ReturnInput) {
  const row = await lockBooking(scope, actor, id);
  assertFrom('return', row.status);
  let check: ReturnCheck | null = null;
  if (row.resourceKind === 'cart') {
    const expected = row.expectedContents ?? [];
    const scanned = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
    const { missing: lacking, extra } = checkContents(expected, scanned);
    check = { expected, scanned, missing: lacking, extra };
  }
  const now = new Date();
  await scope.tx
    .update(bookings)
    .set({
      status: 'returned',
      returnedBy: actor.userId,
      returnedAt: now,
      returnCheck: check,
      notes: input.notes ? `${row.notes}${row.notes ? '\n' : ''}${input.notes}`.slice(0, 2000) : row.notes,
      version: row.version + 1,
      updatedAt: now,
    })
    .where(eq(bookings.id, id));
  return afterChange(scope, actor, id, 'returned', snapshot(row));
}

/** Rows for a calendar feed: a school's or a user's bookings in a window, cancelled ones left out. */
export async function feedBookings(
  scope: Scope,
  target: { kind: 'school'; schoolId: string } | { kind: 'user'; userId: string; reach: Reach },
  from: Date,
  to: Date,
) {
  return bookingRows(
    scope,
    sql`b.status <> 'cancelled'
        AND b.during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')
        AND ${target.kind === 'school' ? sql`b.school_id = ${target.schoolId}` : sql`b.booked_by = ${target.userId} AND ${reachSql(target.reach)}`}`,
  );
}
export type FeedBookingRow = BookingRow;
