import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { rows } from '../../db/connection.ts';

let t: TestApp;
let orgId: string;

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Ville A')).id;
});
after(() => t.close());

const problem = (r: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
  return r.json() as { code: string; status: number; requestId: string; errors?: { path: string; code?: string }[] };
};

describe('login and /me', () => {
  it('signs in, sets hardened cookies and returns the actor; /me works with the cookie', async () => {
    const school = await createSchool(t.db, orgId, 7200221);
    const user = await createUser(t.db, orgId, { roles: ['director'], schoolIds: [school.id] });
    const agent = t.agent();
    const login = await agent.post('/api/auth/login', { email: user.email.toUpperCase(), password: PASSWORD });
    assert.equal(login.statusCode, 200);
    const setCookie = ([] as string[]).concat(login.headers['set-cookie'] as string | string[]);
    const session = setCookie.find((c) => c.startsWith('socle_session='));
    assert.ok(session);
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Lax/);
    assert.doesNotMatch(session, /Secure/, 'no Secure flag outside production');
    const me = await agent.get('/api/auth/me');
    assert.equal(me.statusCode, 200);
    const body = json<{
      user: { roles: string[] };
      schools: { uai: string }[];
      schoolScope: string;
      permissions: string[];
    }>(me);
    assert.deepEqual(body.user.roles, ['director']);
    assert.deepEqual(
      body.schools.map((s) => s.uai),
      [school.uai],
    );
    assert.equal(body.schoolScope, 'attached');
    assert.ok(!body.permissions.includes('users.manage'));
  });

  it('gives a new session id at each login', async () => {
    const user = await createUser(t.db, orgId);
    const a = t.agent();
    await a.login(user.email, PASSWORD);
    const first = a.cookies.get('socle_session');
    await a.login(user.email, PASSWORD);
    assert.notEqual(a.cookies.get('socle_session'), first);
  });

  it('answers 401 problem+json with a code without a session', async () => {
    const r = await t.agent().get('/api/auth/me');
    assert.equal(r.statusCode, 401);
    const p = problem(r);
    assert.equal(p.code, 'UNAUTHENTICATED');
    assert.ok(p.requestId);
  });

  it('refuses a wrong password, an unknown e-mail and an inactive account alike', async () => {
    const user = await createUser(t.db, orgId);
    const inactive = await createUser(t.db, orgId, { active: false });
    for (const [email, password] of [
      [user.email, 'not the right password'],
      ['nobody@example.org', PASSWORD],
      [inactive.email, PASSWORD],
    ] as const) {
      const r = await t.agent().post('/api/auth/login', { email, password });
      assert.equal(r.statusCode, 401);
      assert.equal(problem(r).code, 'INVALID_CREDENTIALS');
    }
  });

  it('names each invalid field on a bad login body', async () => {
    const r = await t.agent().post('/api/auth/login', { email: 'not-an-email', extra: 1 });
    assert.equal(r.statusCode, 400);
    const p = problem(r);
    assert.equal(p.code, 'VALIDATION_FAILED');
    const paths = p.errors?.map((e) => e.path) ?? [];
    assert.ok(paths.includes('body.email'), paths.join());
    assert.ok(paths.includes('body.password'), paths.join());
  });

  it('refuses a login posted from another site (login CSRF)', async () => {
    const user = await createUser(t.db, orgId);
    const r = await t
      .agent()
      .post(
        '/api/auth/login',
        { email: user.email, password: PASSWORD },
        { headers: { origin: 'https://evil.example' } },
      );
    assert.equal(r.statusCode, 403);
    assert.equal(problem(r).code, 'CSRF_FAILED');
  });
});

describe('login throttling', () => {
  it('answers 429 with Retry-After at the 6th bad password within the window, even with the right one', async () => {
    const user = await createUser(t.db, orgId);
    const agent = t.agent();
    agent.ip = '10.0.0.6';
    for (let i = 0; i < 5; i++) {
      const r = await agent.post('/api/auth/login', { email: user.email, password: `wrong password ${i}` });
      assert.equal(r.statusCode, 401, `attempt ${i + 1}`);
    }
    const sixth = await agent.post('/api/auth/login', { email: user.email, password: 'wrong password 6' });
    assert.equal(sixth.statusCode, 429);
    assert.equal(problem(sixth).code, 'LOGIN_THROTTLED');
    const retryAfter = Number(sixth.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    // From another address too: the counter is per account.
    const other = t.agent();
    other.ip = '10.0.0.7';
    const right = await other.post('/api/auth/login', { email: user.email, password: PASSWORD });
    assert.equal(right.statusCode, 429);
  });

  it('lifts the block when the failures leave the window', async () => {
    const user = await createUser(t.db, orgId);
    const agent = t.agent();
    agent.ip = '10.0.1.1';
    for (let i = 0; i < 5; i++)
      await agent.post('/api/auth/login', { email: user.email, password: 'wrong password xx' });
    assert.equal((await agent.post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode, 429);
    // Age the counters past the 15-minute window.
    await t.db.owner.execute(sql`UPDATE login_attempts SET attempted_at = attempted_at - interval '16 minutes'`);
    assert.equal((await agent.post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode, 200);
  });

  it('a success resets the account counter', async () => {
    const user = await createUser(t.db, orgId);
    const agent = t.agent();
    agent.ip = '10.0.2.1';
    for (let i = 0; i < 4; i++)
      await agent.post('/api/auth/login', { email: user.email, password: 'wrong password yy' });
    assert.equal((await agent.post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode, 200);
    for (let i = 0; i < 4; i++) {
      assert.equal(
        (await agent.post('/api/auth/login', { email: user.email, password: 'wrong password zz' })).statusCode,
        401,
      );
    }
  });

  it('throttles one IP address at its own, higher threshold', async () => {
    const local = await createTestApp({ SOCLE_LOGIN_MAX_FAILURES_IP: '8' });
    try {
      const org = await createOrganisation(local.db);
      const agent = local.agent();
      agent.ip = '10.9.9.9';
      for (let i = 0; i < 8; i++) {
        const r = await agent.post('/api/auth/login', { email: `user${i}@example.org`, password: 'wrong password ww' });
        assert.equal(r.statusCode, 401);
      }
      const user = await createUser(local.db, org.id);
      assert.equal((await agent.post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode, 429);
      const elsewhere = local.agent();
      elsewhere.ip = '10.9.9.10';
      assert.equal(
        (await elsewhere.post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode,
        200,
      );
    } finally {
      await local.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated POST without the token (403), accepts it with the token', async () => {
    const user = await createUser(t.db, orgId);
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    const without = await agent.post('/api/auth/logout', undefined, { noCsrf: true });
    assert.equal(without.statusCode, 403);
    assert.equal(problem(without).code, 'CSRF_FAILED');
    const wrong = await agent.post('/api/auth/logout', undefined, {
      noCsrf: true,
      headers: { 'x-csrf-token': 'forged' },
    });
    assert.equal(wrong.statusCode, 403);
    const ok = await agent.post('/api/auth/logout');
    assert.equal(ok.statusCode, 204);
    assert.equal((await agent.get('/api/auth/me')).statusCode, 401);
  });

  it('does not ask bearer-token requests for a CSRF token', async () => {
    const user = await createUser(t.db, orgId, { roles: ['manager'] });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    const created = json<{ token: string }>(await agent.post('/api/auth/tokens', { name: 'integration' }));
    const api = t.agent();
    api.bearer = created.token;
    const r = await api.post('/api/auth/tokens', { name: 'second' });
    assert.equal(r.statusCode, 201);
  });
});

describe('sessions', () => {
  it('expires an idle session and an absolute one', async () => {
    const user = await createUser(t.db, orgId);
    const idle = t.agent();
    await idle.login(user.email, PASSWORD);
    const abs = t.agent();
    await abs.login(user.email, PASSWORD);
    await t.db.owner.execute(
      sql`UPDATE sessions SET idle_expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256(convert_to(${idle.cookies.get('socle_session')}, 'UTF8')), 'hex')`,
    );
    await t.db.owner.execute(
      sql`UPDATE sessions SET absolute_expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256(convert_to(${abs.cookies.get('socle_session')}, 'UTF8')), 'hex')`,
    );
    for (const a of [idle, abs]) {
      const r = await a.get('/api/auth/me');
      assert.equal(r.statusCode, 401);
      assert.equal(problem(r).code, 'SESSION_EXPIRED');
      assert.equal(a.cookies.has('socle_session'), false, 'cookie cleared');
    }
  });

  it('logs out everywhere', async () => {
    const user = await createUser(t.db, orgId);
    const a = t.agent();
    const b = t.agent();
    await a.login(user.email, PASSWORD);
    await b.login(user.email, PASSWORD);
    assert.equal((await a.post('/api/auth/logout-all')).statusCode, 204);
    assert.equal((await a.get('/api/auth/me')).statusCode, 401);
    assert.equal((await b.get('/api/auth/me')).statusCode, 401);
  });

  it('changes the password: checks the current one and the strength, ends the other sessions', async () => {
    const user = await createUser(t.db, orgId);
    const a = t.agent();
    const b = t.agent();
    await a.login(user.email, PASSWORD);
    await b.login(user.email, PASSWORD);
    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'nope nope nope',
      newPassword: 'a brand new passphrase',
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(problem(wrong).errors?.[0]?.path, 'body.currentPassword');
    const weak = await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    assert.equal(weak.statusCode, 400);
    assert.equal(problem(weak).code, 'PASSWORD_TOO_WEAK');
    assert.equal(problem(weak).errors?.[0]?.path, 'body.newPassword');
    const ok = await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    assert.equal(ok.statusCode, 204);
    assert.equal((await a.get('/api/auth/me')).statusCode, 200, 'this session stays');
    assert.equal((await b.get('/api/auth/me')).statusCode, 401, 'the other one ends');
    assert.equal((await t.agent().post('/api/auth/login', { email: user.email, password: PASSWORD })).statusCode, 401);
    await t.agent().login(user.email, 'a brand new passphrase');
  });

  it('signs out a user who is deactivated', async () => {
    const user = await createUser(t.db, orgId, { roles: ['teacher'] });
    const a = t.agent();
    await a.login(user.email, PASSWORD);
    await t.db.owner.execute(sql`UPDATE users SET active = false WHERE id = ${user.id}`);
    assert.equal((await a.get('/api/auth/me')).statusCode, 401);
  });
});

describe('own profile', () => {
  it('changes one’s display name and language, audited, and nothing else', async () => {
    const user = await createUser(t.db, orgId, { roles: ['teacher'] });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    const r = await agent.patch('/api/auth/me', { displayName: 'Mme Martin', locale: 'en' });
    assert.equal(r.statusCode, 200);
    const me = json<{ user: { displayName: string; locale: string } }>(r);
    assert.deepEqual(me.user, { ...me.user, displayName: 'Mme Martin', locale: 'en' });
    assert.equal(
      (await agent.patch('/api/auth/me', { roles: ['admin'] })).statusCode,
      400,
      'no role change through the profile',
    );
    assert.equal((await agent.patch('/api/auth/me', { locale: 'de' })).statusCode, 400);
    assert.equal((await t.agent().patch('/api/auth/me', { locale: 'fr' })).statusCode, 401);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, carry the owner’s permissions, record last use and can be revoked', async () => {
    const user = await createUser(t.db, orgId, { roles: ['auditor'] });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    const created = await agent.post('/api/auth/tokens', { name: 'export nightly' });
    assert.equal(created.statusCode, 201);
    const token = json<{ id: string; token: string; prefix: string }>(created);
    assert.match(token.token, /^socle_pat_/);
    assert.ok(token.token.startsWith(token.prefix));
    const stored = await rows<{ token_hash: string }>(
      t.db.owner,
      sql`SELECT token_hash FROM api_tokens WHERE id = ${token.id}`,
    );
    assert.notEqual(stored[0]?.token_hash, token.token);
    assert.equal((await agent.get('/api/auth/tokens')).body.includes(token.token), false, 'never listed again');

    const api = t.agent();
    api.bearer = token.token;
    const me = json<{ via: string; user: { roles: string[] }; csrfToken: null }>(await api.get('/api/auth/me'));
    assert.equal(me.via, 'token');
    assert.deepEqual(me.user.roles, ['auditor']);
    assert.equal((await api.get('/api/audit/events')).statusCode, 200);
    assert.equal((await api.get('/api/users')).statusCode, 200);
    assert.equal(
      (await api.post('/api/users', { email: 'x@example.org', displayName: 'X', roles: ['teacher'] })).statusCode,
      403,
    );
    const listed = json<{ id: string; lastUsedAt: string | null }[]>(await agent.get('/api/auth/tokens'));
    assert.ok(listed.find((l) => l.id === token.id)?.lastUsedAt, 'last use recorded');

    assert.equal((await agent.delete(`/api/auth/tokens/${token.id}`)).statusCode, 204);
    const revoked = await api.get('/api/auth/me');
    assert.equal(revoked.statusCode, 401);
    assert.equal((await agent.delete(`/api/auth/tokens/${token.id}`)).statusCode, 404);
  });

  it('refuses a garbage bearer token and an expired one', async () => {
    const api = t.agent();
    api.bearer = 'socle_pat_nonsense';
    assert.equal((await api.get('/api/auth/me')).statusCode, 401);
    const user = await createUser(t.db, orgId, { roles: ['manager'] });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    const token = json<{ id: string; token: string }>(await agent.post('/api/auth/tokens', { name: 'short-lived' }));
    await t.db.owner.execute(
      sql`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = ${token.id}`,
    );
    api.bearer = token.token;
    assert.equal((await api.get('/api/auth/me')).statusCode, 401);
  });

  it('cannot revoke another user’s token (404)', async () => {
    const a = await createUser(t.db, orgId, { roles: ['manager'] });
    const b = await createUser(t.db, orgId, { roles: ['manager'] });
    const agentA = t.agent();
    await agentA.login(a.email, PASSWORD);
    const token = json<{ id: string }>(await agentA.post('/api/auth/tokens', { name: 'mine' }));
    const agentB = t.agent();
    await agentB.login(b.email, PASSWORD);
    assert.equal((await agentB.delete(`/api/auth/tokens/${token.id}`)).statusCode, 404);
  });

  it('is refused to roles without tokens.manage (403)', async () => {
    const user = await createUser(t.db, orgId, { roles: ['teacher'] });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    const r = await agent.post('/api/auth/tokens', { name: 'x' });
    assert.equal(r.statusCode, 403);
    assert.equal(problem(r).code, 'FORBIDDEN');
  });
});

describe('same e-mail in two organisations', () => {
  it('asks for the organisation when the password matches both, and logs into the named one', async () => {
    const other = await createOrganisation(t.db, 'Ville B');
    const email = 'shared@example.org';
    await createUser(t.db, orgId, { email });
    await createUser(t.db, other.id, { email });
    const r = await t.agent().post('/api/auth/login', { email, password: PASSWORD });
    assert.equal(r.statusCode, 409);
    assert.equal(problem(r).code, 'ORGANISATION_REQUIRED');
    const offered = (r.json() as { organisations: { slug: string; name: string }[] }).organisations;
    assert.deepEqual(offered.map((o) => o.name).sort(), ['Ville A', 'Ville B']);
    const ok = await t.agent().post('/api/auth/login', { email, password: PASSWORD, organisation: other.slug });
    assert.equal(ok.statusCode, 200);
    assert.equal(json<{ organisation: { id: string } }>(ok).organisation.id, other.id);
  });
});
