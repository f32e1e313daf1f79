import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.ts';
import type { Config } from '../../config.ts';
import { type Database, rows, type Scope, type Tx } from '../../db/connection.ts';
import { apiTokens, loginAttempts, sessions, users } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { parseSettings } from '../organisations/settings.ts';
import type { Actor } from './actor.ts';
import { checkPasswordStrength, decideThrottle, newApiToken, normaliseEmail, randomToken, sha256 } from './rules.ts';

// argon2id, OWASP's second recommended profile (19 MiB, 2 passes).
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON);
}

// Verified against when no account matches, so timing does not tell whether an e-mail exists.
let dummyHash: Promise<string> | null = null;

/** `path` names the field in the request, e.g. `body.newPassword`. */
export function assertPasswordStrength(password: string, email?: string, path = 'body.password'): void {
  const problem = checkPasswordStrength(password, email);
  if (problem) {
    throw new AppError('PASSWORD_TOO_WEAK', `Password rejected: ${problem.replaceAll('_', ' ')}`, {
      fields: [{ path, message: problem, code: `password_${problem}` }],
    });
  }
}

interface LoginInput {
  email: string;
  password: string;
  organisation?: string | undefined;
  ip: string;
  requestId: string;
}

export interface NewSession {
  readonly token: string;
  readonly csrfToken: string;
  readonly absoluteExpiresAt: Date;
  readonly actor: Actor;
}

async function countFailures(tx: Tx, scope: 'account' | 'ip', keyHash: string, windowMinutes: number): Promise<Date[]> {
  const found = await rows<{ attempted_at: string | Date }>(
    tx,
    sql`SELECT attempted_at FROM login_attempts
         WHERE scope = ${scope} AND key_hash = ${keyHash} AND NOT succeeded
           AND attempted_at > now() - make_interval(mins => ${windowMinutes})
           AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempts
                                         WHERE scope = ${scope} AND key_hash = ${keyHash} AND succeeded), '-infinity')`,
  );
  return found.map((r) => new Date(r.attempted_at));
}

export async function login(db: Database, config: Config, input: LoginInput): Promise<NewSession> {
  const email = normaliseEmail(input.email);
  const accountKey = sha256(`account:${email}`);
  const ipKey = sha256(`ip:${input.ip}`);
  const { windowMinutes, maxFailuresPerAccount, maxFailuresPerIp } = config.auth;

  const candidates = await db.asApp(async (tx) => {
    const now = new Date();
    for (const [scope, key, max] of [
      ['account', accountKey, maxFailuresPerAccount],
      ['ip', ipKey, maxFailuresPerIp],
    ] as const) {
      const decision = decideThrottle(await countFailures(tx, scope, key, windowMinutes), now, windowMinutes, max);
      if (decision.blocked) {
        throw new AppError('LOGIN_THROTTLED', `Too many failed logins; retry in ${decision.retryAfter} s`, {
          retryAfter: decision.retryAfter,
        });
      }
    }
    return rows<{
      user_id: string;
      organisation_id: string;
      organisation_slug: string;
      organisation_name: string;
      password_hash: string | null;
      active: boolean;
      password_login: boolean;
    }>(tx, sql`SELECT * FROM socle_auth_login_candidates(${email})`);
  });

  const inOrg = input.organisation ? candidates.filter((c) => c.organisation_slug === input.organisation) : candidates;
  const matching = [];
  for (const c of inOrg) {
    // An organisation that turned password sign-in off (single sign-on only, migration 0024) matches nothing here.
    if (
      c.active &&
      c.password_login !== false &&
      c.password_hash &&
      (await argonVerify(c.password_hash, input.password).catch(() => false))
    ) {
      matching.push(c);
    }
  }
  if (inOrg.length === 0) {
    dummyHash ??= hashPassword(randomToken(16));
    await argonVerify(await dummyHash, input.password).catch(() => false);
  }

  if (matching.length !== 1) {
    await db.asApp(async (tx) => {
      await tx.insert(loginAttempts).values([
        { scope: 'account', keyHash: accountKey, succeeded: false },
        { scope: 'ip', keyHash: ipKey, succeeded: false },
      ]);
    });
    if (matching.length > 1) {
      // The same e-mail and password in two organisations: ask which one.
      throw new AppError(
        'ORGANISATION_REQUIRED',
        'This account exists in several organisations; give the organisation',
        {
          organisations: matching.map((m) => ({ slug: m.organisation_slug, name: m.organisation_name })),
        },
      );
    }
    throw new AppError('INVALID_CREDENTIALS', 'Invalid e-mail or password');
  }

  const match = matching[0] as (typeof matching)[number];
  return db.withOrg(
    { organisationId: match.organisation_id, userId: match.user_id, actorKind: 'user', requestId: input.requestId },
    async (scope) => {
      await scope.tx.insert(loginAttempts).values({ scope: 'account', keyHash: accountKey, succeeded: true });
      const session = await createSession(scope, config, match.user_id);
      await scope.tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, match.user_id));
      await recordAudit(scope, { action: 'auth.login', entityType: 'user', entityId: match.user_id });
      return session;
    },
  );
}

/** Opens a session for a user already authenticated by other means (single sign-on, module identity). */
export const openSession = (scope: Scope, config: Config, userId: string): Promise<NewSession> =>
  createSession(scope, config, userId);

async function createSession(scope: Scope, config: Config, userId: string): Promise<NewSession> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const now = Date.now();
  const absoluteExpiresAt = new Date(now + config.auth.sessionAbsoluteHours * 3_600_000);
  const [row] = await scope.tx
    .insert(sessions)
    .values({
      organisationId: scope.organisationId,
      userId,
      tokenHash: sha256(token),
      csrfToken,
      idleExpiresAt: new Date(now + config.auth.sessionIdleMinutes * 60_000),
      absoluteExpiresAt,
    })
    .returning({ id: sessions.id });
  if (!row) throw new AppError('INTERNAL');
  const [principal] = await rows<PrincipalRow>(
    scope.tx,
    sql`SELECT * FROM socle_auth_principal('session', ${sha256(token)})`,
  );
  const actor = principal ? actorOf(principal, 'session') : null;
  if (!actor) throw new AppError('INVALID_CREDENTIALS');
  return { token, csrfToken, absoluteExpiresAt, actor };
}

/** One row of `socle_auth_principal` (migration 0004). */
interface PrincipalRow {
  credential_id: string;
  csrf_token: string | null;
  last_seen_at: string | Date | null;
  expires_at: string | Date | null;
  idle_expires_at: string | Date | null;
  revoked_at: string | Date | null;
  organisation_id: string;
  organisation_slug: string;
  organisation_name: string;
  organisation_settings: unknown;
  user_id: string;
  email: string;
  display_name: string;
  locale: string;
  roles: string[] | string;
  active: boolean;
  schools: { id: string; uai: string; name: string }[] | string;
}

const asArray = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);
const parsePgArray = (v: string[] | string): string[] =>
  Array.isArray(v)
    ? v
    : v
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);

function actorOf(p: PrincipalRow, via: 'session' | 'token'): Actor | null {
  if (!p.active) return null;
  const schools = asArray(p.schools);
  return {
    userId: p.user_id,
    organisationId: p.organisation_id,
    organisation: { id: p.organisation_id, slug: p.organisation_slug, name: p.organisation_name },
    email: p.email,
    displayName: p.display_name,
    locale: p.locale === 'en' ? 'en' : 'fr',
    roles: parsePgArray(p.roles) as Role[],
    schools,
    schoolIds: schools.map((s) => s.id),
    technicianScope: parseSettings(p.organisation_settings).technicianScope,
    via,
    sessionId: via === 'session' ? p.credential_id : null,
    tokenId: via === 'token' ? p.credential_id : null,
    csrfToken: via === 'session' ? p.csrf_token : null,
  };
}

const TOUCH_AFTER_MS = 60_000;
const time = (v: string | Date | null) => (v === null ? null : new Date(v).getTime());

/**
 * Resolves a session cookie or a bearer token to its actor in ONE query: the
 * SECURITY DEFINER lookup runs as the owner whoever calls it, so it is called
 * outside any transaction. Sliding expiry and last use are written at most
 * once a minute per credential.
 */
async function resolve(db: Database, config: Config, kind: 'session' | 'token', token: string): Promise<Actor | null> {
  const [p] = await rows<PrincipalRow>(db.owner, sql`SELECT * FROM socle_auth_principal(${kind}, ${sha256(token)})`);
  if (!p) return null;
  const now = Date.now();
  const expires = time(p.expires_at);
  const idle = time(p.idle_expires_at);
  if (p.revoked_at || (expires !== null && expires <= now) || (idle !== null && idle <= now)) return null;
  const actor = actorOf(p, kind);
  if (!actor) return null;
  const lastSeen = time(p.last_seen_at);
  if (lastSeen === null || now - lastSeen > TOUCH_AFTER_MS) {
    await db.withOrg(
      { organisationId: actor.organisationId, userId: actor.userId, actorKind: kind, requestId: null },
      ({ tx }) =>
        kind === 'session'
          ? tx
              .update(sessions)
              .set({
                lastSeenAt: new Date(now),
                idleExpiresAt: new Date(now + config.auth.sessionIdleMinutes * 60_000),
              })
              .where(eq(sessions.id, p.credential_id))
          : tx
              .update(apiTokens)
              .set({ lastUsedAt: new Date(now) })
              .where(eq(apiTokens.id, p.credential_id)),
    );
  }
  return actor;
}

export const resolveSession = (db: Database, config: Config, token: string) => resolve(db, config, 'session', token);
export const resolveApiToken = (db: Database, config: Config, token: string) => resolve(db, config, 'token', token);

export async function logout(scope: Scope, actor: Actor): Promise<void> {
  if (!actor.sessionId) return;
  await scope.tx.delete(sessions).where(eq(sessions.id, actor.sessionId));
  await recordAudit(scope, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
}

export async function logoutEverywhere(scope: Scope, actor: Actor): Promise<number> {
  const deleted = await scope.tx
    .delete(sessions)
    .where(eq(sessions.userId, actor.userId))
    .returning({ id: sessions.id });
  await recordAudit(scope, {
    action: 'auth.logout_all',
    entityType: 'user',
    entityId: actor.userId,
    after: { sessionsEnded: deleted.length },
  });
  return deleted.length;
}

export async function changePassword(scope: Scope, actor: Actor, current: string, next: string): Promise<void> {
  const [user] = await scope.tx.select().from(users).where(eq(users.id, actor.userId));
  if (!user?.passwordHash || !(await argonVerify(user.passwordHash, current).catch(() => false))) {
    throw new AppError('VALIDATION_FAILED', 'Current password is wrong', {
      fields: [{ path: 'body.currentPassword', message: 'wrong password', code: 'password_wrong' }],
    });
  }
  assertPasswordStrength(next, user.email, 'body.newPassword');
  await scope.tx
    .update(users)
    .set({ passwordHash: await hashPassword(next), passwordChangedAt: new Date(), updatedAt: new Date() })
    .where(eq(users.id, actor.userId));
  // Other sessions end: whoever knew the old password is out.
  await scope.tx
    .delete(sessions)
    .where(and(eq(sessions.userId, actor.userId), actor.sessionId ? ne(sessions.id, actor.sessionId) : undefined));
  await recordAudit(scope, { action: 'auth.password_changed', entityType: 'user', entityId: actor.userId });
}

export async function updateMe(
  scope: Scope,
  actor: Actor,
  input: { displayName?: string | undefined; locale?: 'fr' | 'en' | undefined },
) {
  const [before] = await scope.tx.select().from(users).where(eq(users.id, actor.userId));
  if (!before) throw new AppError('UNAUTHENTICATED');
  const [after] = await scope.tx
    .update(users)
    .set({
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.locale !== undefined && { locale: input.locale }),
      updatedAt: new Date(),
    })
    .where(eq(users.id, actor.userId))
    .returning();
  if (!after) throw new AppError('UNAUTHENTICATED');
  await recordAudit(scope, {
    action: 'user.profile_updated',
    entityType: 'user',
    entityId: actor.userId,
    before: { displayName: before.displayName, locale: before.locale },
    after: { displayName: after.displayName, locale: after.locale },
  });
  return { ...actor, displayName: after.displayName, locale: (after.locale === 'en' ? 'en' : 'fr') as 'fr' | 'en' };
}

// ---- API tokens -------------------------------------------------------------

function presentToken(t: typeof apiTokens.$inferSelect) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.tokenPrefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiToken(scope: Scope, userId: string, name: string, expiresAt: Date | null) {
  const { token, hash, prefix } = newApiToken();
  const [row] = await scope.tx
    .insert(apiTokens)
    .values({ organisationId: scope.organisationId, userId, name, tokenHash: hash, tokenPrefix: prefix, expiresAt })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const presented = presentToken(row);
  await recordAudit(scope, { action: 'token.created', entityType: 'api_token', entityId: row.id, after: presented });
  return { ...presented, token };
}

export async function findApiTokens(scope: Scope, userId: string) {
  const found = await scope.tx
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
  return found.map(presentToken);
}

export async function revokeApiToken(scope: Scope, userId: string, tokenId: string) {
  const [row] = await scope.tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', 'API token not found');
  await recordAudit(scope, { action: 'token.revoked', entityType: 'api_token', entityId: row.id });
}

/** Daily job: drop expired sessions and old throttle counters, across organisations. */
export async function purgeExpiredSessions(db: Database): Promise<{ sessions: number; attempts: number }> {
  return db.system(async (tx) => {
    const s = await tx
      .delete(sessions)
      .where(sql`${sessions.absoluteExpiresAt} <= now() OR ${sessions.idleExpiresAt} <= now()`)
      .returning({ id: sessions.id });
    const a = await tx
      .delete(loginAttempts)
      .where(sql`${loginAttempts.attemptedAt} < now() - interval '1 day'`)
      .returning({ id: loginAttempts.id });
    return { sessions: s.length, attempts: a.length };
  });
}
