import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Agent, createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import {
  CookieJar,
  followToCallback,
  startTestProvider,
  type TestProvider,
} from '../../../../test/helpers/oidc-provider.ts';
import { rows } from '../../db/connection.ts';
import { loadSecrets } from '../../secrets.ts';
import { decryptSecret, secretKeyOf } from './rules.ts';
import { postLogoutUriOf, redirectUriOf } from './service.ts';

/**
 * Single sign-on against a real OpenID provider (oidc-provider) started on
 * loopback: the whole browser round trip, Socle through Fastify's inject and
 * the provider through fetch.
 */

let t: TestApp;
let idp: TestProvider;
let orgId: string;
let admin: Agent;
let providerId: string;
let schoolA: { id: string; uai: string };
let schoolB: { id: string; uai: string };

type Me = { user: { id: string; roles: string[]; email: string }; schools: { uai: string }[] };

before(async () => {
  t = await createTestApp();
  idp = await startTestProvider({
    redirectUri: redirectUriOf(t.config),
    postLogoutRedirectUri: postLogoutUriOf(t.config),
  });
  orgId = (await createOrganisation(t.db, 'Ville SSO')).id;
  schoolA = await createSchool(t.db, orgId, 7201001);
  schoolB = await createSchool(t.db, orgId, 7201002);
  const adminUser = await createUser(t.db, orgId, { roles: ['admin'] });
  admin = t.agent();
  await admin.login(adminUser.email, PASSWORD);
  const created = await admin.post('/api/identity/providers', {
    name: 'Annuaire de la ville',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    scopes: 'openid email profile groups',
    roleMappings: [
      { group: 'socle-enseignants', role: 'teacher' },
      { group: 'socle-admins', role: 'admin' },
    ],
    schoolMappings: [
      { group: `ecole-${schoolA.uai}`, uai: schoolA.uai },
      { group: `ecole-${schoolB.uai}`, uai: schoolB.uai },
    ],
    jitProvisioning: true,
  });
  assert.equal(created.statusCode, 201, created.body);
  providerId = json<{ id: string }>(created).id;
});
after(async () => {
  await idp?.close();
  await t?.close();
});

/** Starts at Socle, goes through the provider, stops at the callback URL (not yet called). */
async function toCallback(agent: Agent, subject: string): Promise<string> {
  idp.signInAs(subject);
  const start = await agent.get(`/api/auth/oidc/${providerId}/start`);
  assert.equal(start.statusCode, 302, start.body);
  assert.ok(agent.cookies.has('socle_sso'), 'state cookie set');
  const back = await followToCallback(String(start.headers.location), redirectUriOf(t.config), new CookieJar());
  return back.pathname + back.search;
}

async function signIn(subject: string): Promise<{ agent: Agent; location: string }> {
  const agent = t.agent();
  const r = await agent.get(await toCallback(agent, subject));
  assert.equal(r.statusCode, 302);
  return { agent, location: String(r.headers.location) };
}

describe('OpenID Connect sign-in', () => {
  it('stores the client secret encrypted and never returns it', async () => {
    const [row] = await rows<{ client_secret_enc: string }>(
      t.db.owner,
      sql`SELECT client_secret_enc FROM identity_providers WHERE id = ${providerId}`,
    );
    assert.ok(row);
    assert.notEqual(row.client_secret_enc, idp.clientSecret);
    assert.ok(!row.client_secret_enc.includes(idp.clientSecret));
    const secrets = await loadSecrets(t.db, t.config);
    assert.equal(decryptSecret(secretKeyOf(secrets), row.client_secret_enc), idp.clientSecret);
    const got = await admin.get(`/api/identity/providers/${providerId}`);
    assert.equal(got.statusCode, 200);
    assert.ok(!got.body.includes(idp.clientSecret));
    assert.equal(json<{ hasClientSecret: boolean }>(got).hasClientSecret, true);
  });

  it('lists the enabled provider for the login page, without authentication', async () => {
    const r = await t.agent().get('/api/auth/oidc/providers');
    assert.equal(r.statusCode, 200);
    const list = json<{ id: string; name: string }[]>(r);
    assert.ok(list.some((p) => p.id === providerId && p.name === 'Annuaire de la ville'));
  });

  it('signs in (code + PKCE + state + nonce), creates the account just in time with roles and schools from the groups', async () => {
    idp.accounts.set('alice', {
      email: 'alice@ville.example',
      email_verified: true,
      name: 'Alice Martin',
      groups: ['socle-enseignants', `ecole-${schoolA.uai}`, `ecole-${schoolB.uai}`],
    });
    const { agent, location } = await signIn('alice');
    assert.equal(location, '/home');
    assert.ok(agent.cookies.has('socle_session'));
    assert.ok(agent.cookies.has('socle_csrf'));
    assert.ok(!agent.cookies.has('socle_sso'), 'state cookie spent');
    const me = json<Me>(await agent.get('/api/auth/me'));
    assert.equal(me.user.email, 'alice@ville.example');
    assert.deepEqual(me.user.roles, ['teacher']);
    assert.deepEqual(me.schools.map((s) => s.uai).sort(), [schoolA.uai, schoolB.uai].sort());
    // The session behaves like a password one: CSRF-protected mutations work with the token.
    assert.equal((await agent.patch('/api/auth/me', { locale: 'en' })).statusCode, 200);
  });

  it('a user removed from a school group loses that school at the next sign-in', async () => {
    idp.accounts.set('alice', {
      email: 'alice@ville.example',
      email_verified: true,
      name: 'Alice Martin',
      groups: ['socle-enseignants', `ecole-${schoolA.uai}`],
    });
    const { agent } = await signIn('alice');
    const me = json<Me>(await agent.get('/api/auth/me'));
    assert.deepEqual(
      me.schools.map((s) => s.uai),
      [schoolA.uai],
    );
    const [synced] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'identity.user_synced' AND entity_id = ${me.user.id}`,
    );
    assert.equal(synced?.n, 1);
  });

  it('an unmapped group gives no role and no school', async () => {
    idp.accounts.set('bob', {
      email: 'bob@ville.example',
      email_verified: true,
      groups: ['cantine', 'ecole-inconnue'],
    });
    const { agent, location } = await signIn('bob');
    assert.equal(location, '/home');
    const me = json<Me>(await agent.get('/api/auth/me'));
    assert.deepEqual(me.user.roles, []);
    assert.deepEqual(me.schools, []);
  });

  it('returns to the same-site page asked for, never to another site', async () => {
    for (const [asked, expected] of [
      ['/helpdesk?status=open', '/helpdesk?status=open'],
      ['//evil.example/phish', '/home'],
      ['https://evil.example/', '/home'],
    ] as const) {
      const agent = t.agent();
      idp.signInAs('bob');
      const start = await agent.get(`/api/auth/oidc/${providerId}/start`, { query: { redirect: asked } });
      const back = await followToCallback(String(start.headers.location), redirectUriOf(t.config));
      const r = await agent.get(back.pathname + back.search);
      assert.equal(r.headers.location, expected, asked);
    }
  });

  it('refuses a wrong state', async () => {
    idp.accounts.set('carl', { email: 'carl@ville.example', email_verified: true, groups: [] });
    const agent = t.agent();
    const callback = await toCallback(agent, 'carl');
    const forged = callback.replace(/state=[^&]+/, 'state=forged-state-value');
    assert.notEqual(forged, callback);
    const r = await agent.get(forged);
    assert.equal(r.statusCode, 302);
    assert.equal(r.headers.location, '/login?sso=state');
    assert.ok(!agent.cookies.has('socle_session'));
  });

  it('refuses a callback in a browser that did not start the sign-in (no state cookie)', async () => {
    const callback = await toCallback(t.agent(), 'carl');
    const stranger = t.agent();
    const r = await stranger.get(callback);
    assert.equal(r.headers.location, '/login?sso=state');
    assert.ok(!stranger.cookies.has('socle_session'));
  });

  it('refuses a replayed code', async () => {
    const agent = t.agent();
    const callback = await toCallback(agent, 'carl');
    const state = agent.cookies.get('socle_sso') as string;
    assert.equal((await agent.get(callback)).headers.location, '/home');
    const replay = t.agent();
    replay.cookies.set('socle_sso', state);
    const r = await replay.get(callback);
    assert.equal(r.headers.location, '/login?sso=state');
    assert.ok(!replay.cookies.has('socle_session'));
  });

  it('refuses an expired code', async () => {
    const agent = t.agent();
    const callback = await toCallback(agent, 'carl');
    idp.expireCodes();
    const r = await agent.get(callback);
    assert.equal(r.headers.location, '/login?sso=state');
    assert.ok(!agent.cookies.has('socle_session'));
  });

  it('matches an existing account by verified e-mail only, and refuses an unknown e-mail when JIT is off', async () => {
    const patched = await admin.patch(`/api/identity/providers/${providerId}`, { jitProvisioning: false });
    assert.equal(patched.statusCode, 200, patched.body);
    try {
      idp.accounts.set('dora', { email: 'dora@ville.example', email_verified: true, groups: [] });
      const unknown = await signIn('dora');
      assert.equal(unknown.location, '/login?sso=account');
      assert.ok(!unknown.agent.cookies.has('socle_session'));

      const existing = await createUser(t.db, orgId, { roles: ['manager'], email: 'emile@ville.example' });
      idp.accounts.set('emile-unverified', { email: 'emile@ville.example', email_verified: false, groups: [] });
      assert.equal((await signIn('emile-unverified')).location, '/login?sso=email');

      idp.accounts.set('emile', { email: 'Emile@Ville.example', email_verified: true, groups: ['socle-enseignants'] });
      const matched = await signIn('emile');
      assert.equal(matched.location, '/home');
      const me = json<Me>(await matched.agent.get('/api/auth/me'));
      assert.equal(me.user.id, existing.id);
      assert.deepEqual(me.user.roles, ['teacher'], 'roles come from the groups');
    } finally {
      await admin.patch(`/api/identity/providers/${providerId}`, { jitProvisioning: true });
    }
  });

  it('refuses a deactivated account', async () => {
    idp.accounts.set('fanny', { email: 'fanny@ville.example', email_verified: true, groups: [] });
    const first = await signIn('fanny');
    const me = json<Me>(await first.agent.get('/api/auth/me'));
    await t.db.owner.execute(sql`UPDATE users SET active = false WHERE id = ${me.user.id}`);
    assert.equal((await signIn('fanny')).location, '/login?sso=inactive');
  });

  it('logs out of Socle and hands back the provider end-session URL (RP-initiated logout)', async () => {
    const { agent } = await signIn('alice');
    const r = await agent.post('/api/auth/oidc/logout');
    assert.equal(r.statusCode, 200, r.body);
    const { endSessionUrl } = json<{ endSessionUrl: string | null }>(r);
    assert.ok(endSessionUrl?.startsWith(idp.issuer), String(endSessionUrl));
    const url = new URL(String(endSessionUrl));
    assert.ok(url.searchParams.get('id_token_hint'));
    assert.equal(url.searchParams.get('post_logout_redirect_uri'), postLogoutUriOf(t.config));
    assert.equal((await agent.get('/api/auth/me')).statusCode, 401);
    // The provider accepts it.
    const end = await fetch(url, { redirect: 'manual' });
    assert.ok(end.status < 400, String(end.status));
  });

  it('a password session logs out with no provider URL', async () => {
    const user = await createUser(t.db, orgId, { roles: ['manager'] });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    const r = await agent.post('/api/auth/oidc/logout');
    assert.equal(r.statusCode, 200);
    assert.equal(json<{ endSessionUrl: string | null }>(r).endSessionUrl, null);
    assert.equal((await agent.get('/api/auth/me')).statusCode, 401);
  });
});

describe('turning password sign-in off', () => {
  it('refuses unless the admin signed in through an enabled provider; then password sign-in stops for the organisation', async () => {
    const refused = await admin.put('/api/identity/settings', { passwordLogin: false });
    assert.equal(refused.statusCode, 409, refused.body);

    idp.accounts.set('gaelle', { email: 'gaelle@ville.example', email_verified: true, groups: ['socle-admins'] });
    const { agent: ssoAdmin } = await signIn('gaelle');
    assert.deepEqual(json<Me>(await ssoAdmin.get('/api/auth/me')).user.roles, ['admin']);
    const ok = await ssoAdmin.put('/api/identity/settings', { passwordLogin: false });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(json<{ passwordLogin: boolean }>(await ssoAdmin.get('/api/identity/settings')).passwordLogin, false);

    const user = await createUser(t.db, orgId, { roles: ['manager'] });
    const r = await t.agent().post('/api/auth/login', { email: user.email, password: PASSWORD });
    assert.equal(r.statusCode, 401);
    assert.equal(json<{ code: string }>(r).code, 'INVALID_CREDENTIALS');

    // The last enabled provider cannot go while password sign-in is off.
    const disable = await ssoAdmin.patch(`/api/identity/providers/${providerId}`, { enabled: false });
    assert.equal(disable.statusCode, 409);
    assert.equal((await ssoAdmin.delete(`/api/identity/providers/${providerId}`)).statusCode, 409);

    assert.equal((await ssoAdmin.put('/api/identity/settings', { passwordLogin: true })).statusCode, 200);
    await t.agent().login(user.email, PASSWORD);
  });
});
