import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { can } from '../../../shared/permissions.ts';
import type { Role } from '../../../shared/roles.ts';
import { type Database, rows, type Scope } from '../../db/connection.ts';
import { bookingFeeds } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { parseSettings } from '../organisations/settings.ts';
import { buildIcs, type IcsEvent } from './rules.ts';
import type { CreateFeedInput } from './schema.ts';
import { feedBookings } from './service.ts';

/**
 * Calendar feeds (ICS) at a secret URL: `/ical/<token>.ics`, for calendar
 * applications that cannot sign in. The token (32 random bytes, base64url)
 * is shown once; only its SHA-256 is stored. Creating a feed for a target
 * the user already has one for rotates it (the old URL stops working).
 * At every fetch the owner's account is checked again: an inactive user,
 * a role without `bookings.read` or a school out of reach is a 404.
 */

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** What a feed holds: from 60 days back to a year ahead. */
const PAST_DAYS = 60;
const FUTURE_DAYS = 366;

const presentFeed = (f: typeof bookingFeeds.$inferSelect) => ({
  id: f.id,
  kind: f.kind,
  schoolId: f.schoolId,
  createdAt: f.createdAt.toISOString(),
  lastUsedAt: f.lastUsedAt?.toISOString() ?? null,
});

export async function createFeed(scope: Scope, actor: Actor, input: CreateFeedInput) {
  if ((input.kind === 'school') !== (input.schoolId !== undefined)) {
    throw new AppError('VALIDATION_FAILED', 'A school feed names its school; a personal feed does not', {
      fields: [
        { path: 'body.schoolId', message: input.kind === 'school' ? 'required' : 'not allowed', code: 'one_of' },
      ],
    });
  }
  const schoolId = input.schoolId ?? null;
  if (schoolId) {
    const reach = schoolScope(actor);
    const [school] = await rows<{ id: string }>(
      scope.tx,
      sql`SELECT id FROM schools WHERE id = ${schoolId} AND organisation_id = ${scope.organisationId}`,
    );
    if (!school || (reach !== 'all' && !reach.includes(schoolId))) {
      throw new AppError('NOT_FOUND', 'School not found', {
        fields: [{ path: 'body.schoolId', message: 'not found' }],
      });
    }
  }
  const now = new Date();
  const revoked = await scope.tx
    .update(bookingFeeds)
    .set({ revokedAt: now })
    .where(
      and(
        eq(bookingFeeds.userId, actor.userId),
        eq(bookingFeeds.kind, input.kind),
        schoolId ? eq(bookingFeeds.schoolId, schoolId) : isNull(bookingFeeds.schoolId),
        isNull(bookingFeeds.revokedAt),
      ),
    )
    .returning({ id: bookingFeeds.id });
  const token = randomBytes(32).toString('base64url');
  const [feed] = await scope.tx
    .insert(bookingFeeds)
    .values({
      organisationId: scope.organisationId,
      userId: actor.userId,
      kind: input.kind,
      schoolId,
      tokenHash: hashToken(token),
    })
    .returning();
  if (!feed) throw new Error('feed not created');
  await recordAudit(scope, {
    action: revoked.length ? 'booking_feed.rotated' : 'booking_feed.created',
    entityType: 'booking_feed',
    entityId: feed.id,
    after: { kind: feed.kind, schoolId, replaced: revoked.map((r) => r.id) },
  });
  return { ...presentFeed(feed), url: `/ical/${token}.ics`, token };
}

export async function findFeeds(scope: Scope, actor: Actor) {
  const found = await scope.tx
    .select()
    .from(bookingFeeds)
    .where(
      and(
        eq(bookingFeeds.userId, actor.userId),
        eq(bookingFeeds.organisationId, scope.organisationId),
        isNull(bookingFeeds.revokedAt),
      ),
    )
    .orderBy(bookingFeeds.createdAt);
  return found.map(presentFeed);
}

export async function revokeFeed(scope: Scope, actor: Actor, id: string) {
  const [feed] = await scope.tx
    .update(bookingFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(bookingFeeds.id, id),
        eq(bookingFeeds.userId, actor.userId),
        eq(bookingFeeds.organisationId, scope.organisationId),
        isNull(bookingFeeds.revokedAt),
      ),
    )
    .returning();
  if (!feed) throw new AppError('NOT_FOUND', 'Feed not found');
  await recordAudit(scope, { action: 'booking_feed.revoked', entityType: 'booking_feed', entityId: id });
}

const gone = () => new AppError('NOT_FOUND', 'No such calendar');

/**
 * The calendar text of a feed token. Events carry the resource, the class
 * or activity, the school and the booker's display name: nothing else about
 * people (no e-mail, no pupils).
 */
export async function feedCalendar(db: Database, token: string, requestId: string, now = new Date()): Promise<string> {
  if (!TOKEN.test(token)) throw gone();
  const [feed] = await db.asApp((tx) =>
    rows<{ id: string; organisation_id: string; user_id: string; kind: 'school' | 'user'; school_id: string | null }>(
      tx,
      sql`SELECT * FROM socle_booking_feed(${hashToken(token)})`,
    ),
  );
  if (!feed) throw gone();
  return db.withOrg(
    { organisationId: feed.organisation_id, userId: feed.user_id, actorKind: 'system', requestId },
    async (scope) => {
      const [owner] = await rows<{ active: boolean; roles: Role[]; display_name: string; settings: unknown }>(
        scope.tx,
        sql`SELECT u.active, u.roles, u.display_name, o.settings
              FROM users u JOIN organisations o ON o.id = u.organisation_id
             WHERE u.id = ${feed.user_id}`,
      );
      if (!owner?.active || !can(owner.roles, 'bookings.read')) throw gone();
      const attached = await rows<{ school_id: string }>(
        scope.tx,
        sql`SELECT school_id FROM user_schools WHERE user_id = ${feed.user_id}`,
      );
      const reach = schoolScope({
        roles: owner.roles,
        schoolIds: attached.map((a) => a.school_id),
        technicianScope: parseSettings(owner.settings).technicianScope,
      });
      let name: string;
      if (feed.kind === 'school') {
        const schoolId = feed.school_id as string;
        if (reach !== 'all' && !reach.includes(schoolId)) throw gone();
        const [school] = await rows<{ name: string }>(
          scope.tx,
          sql`SELECT coalesce(usual_name, name) AS name FROM schools WHERE id = ${schoolId}`,
        );
        name = `Réservations · ${school?.name ?? ''}`;
      } else {
        name = `Réservations · ${owner.display_name}`;
      }
      const from = new Date(now.getTime() - PAST_DAYS * 86_400_000);
      const to = new Date(now.getTime() + FUTURE_DAYS * 86_400_000);
      const found = await feedBookings(
        scope,
        feed.kind === 'school'
          ? { kind: 'school', schoolId: feed.school_id as string }
          : { kind: 'user', userId: feed.user_id, reach },
        from,
        to,
      );
      await scope.tx.update(bookingFeeds).set({ lastUsedAt: now }).where(eq(bookingFeeds.id, feed.id));
      const events: IcsEvent[] = found.map((b) => ({
        uid: `${b.id}@socle`,
        stamp: new Date(b.updated_at),
        start: new Date(b.starts_at),
        end: new Date(b.ends_at),
        summary: `${b.resource_label} · ${b.class_name ?? b.activity ?? ''}`,
        description: `Réservé par ${b.booked_by_name}${b.status === 'requested' ? ' (en attente de validation)' : ''}`,
        location: b.school_name,
        status: b.status === 'requested' ? 'TENTATIVE' : 'CONFIRMED',
        sequence: b.version,
      }));
      return buildIcs(name, events);
    },
  );
}
