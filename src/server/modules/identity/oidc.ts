import { sql } from 'drizzle-orm';
import * as client from 'openid-client';
import { ROLES, type Role } from '../../../shared/roles.ts';
import type { Config } from '../../config.ts';
import { type Database, rows, type Scope } from '../../db/connection.ts';
import type { Secrets } from '../../secrets.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { randomToken, sha256 } from '../auth/rules.ts';
import { type NewSession, openSession } from '../auth/service.ts';
import {
  claimAt,
  decryptSecret,
  encryptSecret,
  groupsOf,
  issuerPolicy,
  type RoleMapping,
  rolesFromGroups,
  type SchoolMapping,
  secretKeyOf,
  uaisFromGroups,
  verifiedEmail,
} from './rules.ts';
import { findProviderRow, type ProviderRow, postLogoutUriOf, redirectUriOf } from './service.ts';

/**
 * OpenID Connect sign-in (authorisation code + PKCE + state + nonce, all
 * through openid-client). The state, nonce and PKCE verifier travel in an
 * encrypted, short-lived cookie bound to the browser that started; the
 * callback checks them, exchanges the code, reads the claims (ID token, then
 * UserInfo), finds or creates the account, recomputes roles and schools from
 * the groups and opens an ordinary Socle session.
 */

export const SSO_STATE_COOKIE = 'socle_sso';
export const SSO_STATE_PATH = '/api/auth/oidc';
const STATE_TTL_MS = 10 * 60_000;

/** Why a sign-in was refused; the login page shows a message per reason, the log the reason only. */
export type SsoFailure = 'state' | 'provider' | 'denied' | 'email' | 'account' | 'inactive';
export class SsoError extends Error {
  override name = 'SsoError';
  constructor(
    readonly reason: SsoFailure,
    readonly internal?: string,
  ) {
    super(`SSO refused: ${reason}${internal ? ` (${internal})` : ''}`);
  }
}

interface StateCookie {
  /** provider id */
  p: string;
  s: string;
  n: string;
  v: string;
  /** where to go after sign-in */
  r: string;
  /** issued at, ms */
  t: number;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** openid-client's view of a provider, discovered once per provider version and kept in memory. */
function configurationOf(config: Config, secrets: Secrets, p: ProviderRow): Promise<client.Configuration> {
  const key = `${p.id}:${new Date(p.updated_at).getTime()}`;
  const cached = discovered.get(key);
  if (cached) return cached;
  const policy = issuerPolicy(p.issuer, config.env);
  if (!policy) return Promise.reject(new SsoError('provider', 'issuer not allowed'));
  const secret = p.client_secret_enc === null ? null : decryptSecret(secretKeyOf(secrets), p.client_secret_enc);
  if (p.client_secret_enc !== null && secret === null) {
    return Promise.reject(new SsoError('provider', 'client secret not readable with this instance key'));
  }
  const pending = client
    .discovery(
      new URL(p.issuer),
      p.client_id,
      secret === null ? { token_endpoint_auth_method: 'none' } : secret,
      undefined,
      // http issuers: loopback outside production only (rules.issuerPolicy), e.g. the tests' provider.
      policy === 'insecure' ? { execute: [client.allowInsecureRequests] } : undefined,
    )
    .catch((error: unknown) => {
      discovered.delete(key);
      throw error;
    });
  for (const k of discovered.keys()) if (k.startsWith(`${p.id}:`)) discovered.delete(k);
  discovered.set(key, pending);
  return pending;
}

/** The enabled providers of every organisation, for the login page (names only). */
export async function findLoginProviders(db: Database) {
  const found = await db.asApp((tx) =>
    rows<{ id: string; name: string; organisation_slug: string; organisation_name: string }>(
      tx,
      sql`SELECT * FROM socle_identity_login_providers()`,
    ),
  );
  return found.map((p) => ({
    id: p.id,
    name: p.name,
    organisationSlug: p.organisation_slug,
    organisationName: p.organisation_name,
  }));
}

async function organisationOf(db: Database, providerId: string): Promise<string | null> {
  const [row] = await db.asApp((tx) =>
    rows<{ organisation_id: string | null }>(
      tx,
      sql`SELECT socle_identity_provider_organisation(${providerId}::uuid) AS organisation_id`,
    ),
  );
  return row?.organisation_id ?? null;
}

const systemScope = (organisationId: string, requestId: string) => ({
  organisationId,
  userId: null,
  actorKind: 'system',
  requestId,
});

async function enabledProvider(db: Database, providerId: string, requestId: string) {
  const organisationId = await organisationOf(db, providerId);
  if (!organisationId) return null;
  const row = await db.withOrg(systemScope(organisationId, requestId), (scope) => findProviderRow(scope, providerId));
  return row?.enabled ? row : null;
}

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeRedirect(value: string | undefined): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/home';
}

/** The provider's authorisation URL and the encrypted state cookie; null when the provider is unknown or disabled. */
export async function startSso(
  db: Database,
  config: Config,
  secrets: Secrets,
  input: { providerId: string; redirect?: string | undefined; requestId: string },
): Promise<{ url: string; cookie: string } | null> {
  const provider = await enabledProvider(db, input.providerId, input.requestId);
  if (!provider) return null;
  const configuration = await configurationOf(config, secrets, provider);
  const state: StateCookie = {
    p: provider.id,
    s: client.randomState(),
    n: client.randomNonce(),
    v: client.randomPKCECodeVerifier(),
    r: safeRedirect(input.redirect),
    t: Date.now(),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUriOf(config),
    scope: provider.scopes,
    state: state.s,
    nonce: state.n,
    code_challenge: await client.calculatePKCECodeChallenge(state.v),
    code_challenge_method: 'S256',
  });
  return { url: url.href, cookie: encryptSecret(secretKeyOf(secrets), JSON.stringify(state)) };
}

function readState(secrets: Secrets, cookie: string | undefined): StateCookie {
  const text = cookie ? decryptSecret(secretKeyOf(secrets), cookie) : null;
  if (!text) throw new SsoError('state', 'missing or unreadable state cookie');
  const state = JSON.parse(text) as StateCookie;
  if (!(Date.now() - state.t < STATE_TTL_MS)) throw new SsoError('state', 'state cookie expired');
  return state;
}

export interface SsoResult {
  readonly session: NewSession;
  readonly redirect: string;
}

/**
 * Completes the sign-in at the callback. `callbackUrl` is the full URL the
 * provider redirected to (its query carries code and state).
 */
export async function finishSso(
  db: Database,
  config: Config,
  secrets: Secrets,
  input: { cookie: string | undefined; callbackUrl: URL; requestId: string },
): Promise<SsoResult> {
  const error = input.callbackUrl.searchParams.get('error');
  if (error) throw new SsoError('denied', error.slice(0, 100));
  const state = readState(secrets, input.cookie);
  const provider = await enabledProvider(db, state.p, input.requestId);
  if (!provider) throw new SsoError('provider', 'provider gone or disabled');
  const configuration = await configurationOf(config, secrets, provider);

  let claims: Record<string, unknown>;
  let idToken: string | null;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, input.callbackUrl, {
      pkceCodeVerifier: state.v,
      expectedState: state.s,
      expectedNonce: state.n,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoError('provider', 'no ID token');
    claims = { ...idClaims };
    idToken = tokens.id_token ?? null;
    if (configuration.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      // The ID token stays authoritative on the claims both carry.
      claims = { ...info, ...claims };
    }
  } catch (e) {
    if (e instanceof SsoError) throw e;
    // Wrong state, replayed or expired code, bad signature or nonce: all refused alike.
    const code = (e as { code?: string; error?: string }).error ?? (e as { code?: string }).code ?? 'error';
    throw new SsoError('state', String(code).slice(0, 100));
  }

  const session = await db.withOrg(systemScope(provider.organisation_id, input.requestId), (scope) =>
    signIn(scope, config, provider, claims, idToken),
  );
  return { session, redirect: state.r };
}

async function signIn(
  scope: Scope,
  config: Config,
  provider: ProviderRow,
  claims: Record<string, unknown>,
  idToken: string | null,
): Promise<NewSession> {
  const subject = String(claims.sub);
  const roleMappings = parseJson<RoleMapping>(provider.role_mappings);
  const schoolMappings = parseJson<SchoolMapping>(provider.school_mappings);
  const groups = groupsOf(claims, provider.groups_claim);
  const nameClaim = claimAt(claims, provider.name_claim);
  const name = typeof nameClaim === 'string' && nameClaim.trim() ? nameClaim.trim().slice(0, 200) : null;

  let created = false;
  const [linked] = await rows<{ user_id: string }>(
    scope.tx,
    sql`SELECT user_id FROM user_identities WHERE provider_id = ${provider.id} AND subject = ${subject}`,
  );
  let userId = linked?.user_id ?? null;
  if (!userId) {
    const email = verifiedEmail(claims, provider.email_claim);
    if (!email) throw new SsoError('email', 'no verified e-mail');
    const [existing] = await rows<{ id: string }>(scope.tx, sql`SELECT id FROM users WHERE lower(email) = ${email}`);
    if (existing) {
      userId = existing.id;
    } else if (provider.jit_provisioning) {
      const [user] = await rows<{ id: string }>(
        scope.tx,
        sql`INSERT INTO users (organisation_id, email, display_name, roles)
            VALUES (${scope.organisationId}, ${email}, ${name ?? email}, '{}'::text[]) RETURNING id`,
      );
      if (!user) throw new SsoError('account', 'insert failed');
      userId = user.id;
      created = true;
    } else {
      throw new SsoError('account', 'no account and just-in-time creation is off');
    }
    await scope.tx.execute(
      sql`INSERT INTO user_identities (organisation_id, provider_id, subject, user_id)
          VALUES (${scope.organisationId}, ${provider.id}, ${subject}, ${userId})`,
    );
  }

  const userScope: Scope = { ...scope, userId, actorKind: 'user' };
  const [before] = await rows<{ active: boolean; roles: string[] | string; display_name: string; email: string }>(
    scope.tx,
    sql`SELECT active, roles, display_name, email FROM users WHERE id = ${userId} FOR UPDATE`,
  );
  if (!before?.active) throw new SsoError('inactive', 'account deactivated');
  const beforeRoles = pgArray(before.roles);
  const beforeSchools = await schoolUais(scope, userId);

  let roles: Role[] = rolesFromGroups(groups, roleMappings);
  // The organisation's last active admin keeps the role whatever the groups say: an IdP change must not lock everyone out.
  if (beforeRoles.includes('admin') && !roles.includes('admin')) {
    const [other] = await rows<{ id: string }>(
      scope.tx,
      sql`SELECT id FROM users WHERE active AND 'admin' = ANY(roles) AND id <> ${userId} LIMIT 1`,
    );
    if (!other) roles = ROLES.filter((r) => r === 'admin' || roles.includes(r));
  }
  const uais = uaisFromGroups(groups, schoolMappings);
  const schools = uais.length
    ? await rows<{ id: string; uai: string }>(
        scope.tx,
        sql`SELECT id, uai FROM schools WHERE uai = ANY(${toPgArray(uais)}::text[])`,
      )
    : [];

  await scope.tx.execute(
    sql`UPDATE users SET roles = ${toPgArray(roles)}::text[], display_name = ${name ?? before.display_name},
          last_login_at = now(), updated_at = now() WHERE id = ${userId}`,
  );
  await scope.tx.execute(sql`DELETE FROM user_schools WHERE user_id = ${userId}`);
  for (const s of schools) {
    await scope.tx.execute(
      sql`INSERT INTO user_schools (organisation_id, user_id, school_id) VALUES (${scope.organisationId}, ${userId}, ${s.id})`,
    );
  }
  await scope.tx.execute(
    sql`UPDATE user_identities SET last_login_at = now() WHERE provider_id = ${provider.id} AND subject = ${subject}`,
  );

  const afterSchools = schools.map((s) => s.uai).sort();
  if (created) {
    await recordAudit(userScope, {
      action: 'user.created',
      entityType: 'user',
      entityId: userId,
      after: { email: before.email, roles, schoolUais: afterSchools, via: 'sso', providerId: provider.id },
    });
  } else if (
    beforeRoles.join() !== roles.join() ||
    beforeSchools.join() !== afterSchools.join() ||
    (name !== null && name !== before.display_name)
  ) {
    await recordAudit(userScope, {
      action: 'identity.user_synced',
      entityType: 'user',
      entityId: userId,
      before: { roles: beforeRoles, schoolUais: beforeSchools, displayName: before.display_name },
      after: { roles, schoolUais: afterSchools, displayName: name ?? before.display_name, providerId: provider.id },
    });
  }

  const session = await openSession(userScope, config, userId);
  await scope.tx.execute(
    sql`UPDATE sessions SET identity_provider_id = ${provider.id}, id_token = ${idToken}
         WHERE token_hash = ${sha256(session.token)}`,
  );
  await recordAudit(userScope, {
    action: 'auth.login',
    entityType: 'user',
    entityId: userId,
    after: { via: 'sso', providerId: provider.id },
  });
  return session;
}

async function schoolUais(scope: Scope, userId: string): Promise<string[]> {
  const found = await rows<{ uai: string }>(
    scope.tx,
    sql`SELECT s.uai FROM user_schools us JOIN schools s ON s.id = us.school_id WHERE us.user_id = ${userId} ORDER BY s.uai`,
  );
  return found.map((s) => s.uai);
}

const parseJson = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);
const pgArray = (v: string[] | string): string[] =>
  Array.isArray(v)
    ? v
    : v
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean);
/** A text[] literal of plain words (roles, UAIs): no quoting needed. */
const toPgArray = (values: readonly string[]) => `{${values.join(',')}}`;

/**
 * Ends the session; when it was opened through a provider that offers
 * RP-initiated logout, returns the provider's end-session URL to send the
 * browser to (with the ID token as hint and the login page as the way back).
 */
export async function ssoLogout(
  db: Database,
  config: Config,
  secrets: Secrets,
  actor: Actor,
  requestId: string,
): Promise<string | null> {
  if (!actor.sessionId) return null;
  const scope = { organisationId: actor.organisationId, userId: actor.userId, actorKind: 'user', requestId };
  const found = await db.withOrg(scope, async (s) => {
    const [session] = await rows<{ identity_provider_id: string | null; id_token: string | null }>(
      s.tx,
      sql`SELECT identity_provider_id, id_token FROM sessions WHERE id = ${actor.sessionId}`,
    );
    await s.tx.execute(sql`DELETE FROM sessions WHERE id = ${actor.sessionId}`);
    await recordAudit(s, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
    const provider = session?.identity_provider_id ? await findProviderRow(s, session.identity_provider_id) : null;
    return provider?.enabled ? { provider, idToken: session?.id_token ?? null } : null;
  });
  if (!found) return null;
  try {
    const configuration = await configurationOf(config, secrets, found.provider);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    const params: Record<string, string> = {
      post_logout_redirect_uri: postLogoutUriOf(config),
      client_id: found.provider.client_id,
      state: randomToken(16),
    };
    if (found.idToken) params.id_token_hint = found.idToken;
    return client.buildEndSessionUrl(configuration, params).href;
  } catch {
    // The Socle session is over whatever the provider says.
    return null;
  }
}
