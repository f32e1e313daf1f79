import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { buildApp, loggerOptions } from '../src/server/app.ts';
import type { App } from '../src/server/http/types.ts';
import { loadSecrets } from '../src/server/secrets.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';
import { createOrganisation, createUser, PASSWORD } from './helpers/factories.ts';

/** Errors, headers, health and logs over the real app and database. */

let t: TestDatabase;
let app: App;
const logLines: string[] = [];

before(async () => {
  t = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await buildApp(
    { config: t.config, db: t.db, jobs: null, secrets: await loadSecrets(t.db, t.config) },
    { webDir: null, logger: { ...(loggerOptions('info') as object), stream } },
  );
  // A route that fails the way a bug would, to see what leaks.
  app.get('/api/test/crash', { config: { public: true } }, async () => {
    throw new Error('secret internal detail: password=hunter2 at /srv/socle/db.ts:42');
  });
  await app.ready();
});
after(async () => {
  await app.close();
  await t.close();
});

const problemOf = (r: { headers: Record<string, unknown>; json(): unknown }) => {
  assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
  return r.json() as {
    type: string;
    title: string;
    status: number;
    code: string;
    detail: string;
    requestId: string;
    errors?: unknown[];
  };
};

describe('problem+json errors', () => {
  it('an unknown error is a 500 with a request id and nothing internal', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/test/crash' });
    assert.equal(r.statusCode, 500);
    const p = problemOf(r);
    assert.equal(p.code, 'INTERNAL');
    assert.equal(p.requestId, r.headers['x-request-id']);
    assert.doesNotMatch(r.body, /hunter2|secret|srv|db\.ts/);
  });

  it('malformed JSON → 400, wrong content type → 415, oversized body → 413, unknown route → 404', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(problemOf(bad).code, 'BAD_REQUEST');
    const type = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    assert.equal(type.statusCode, 415);
    assert.equal(problemOf(type).code, 'UNSUPPORTED_MEDIA_TYPE');
    const big = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(2_000_000) }),
    });
    assert.equal(big.statusCode, 413);
    assert.equal(problemOf(big).code, 'PAYLOAD_TOO_LARGE');
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(missing.statusCode, 404);
    assert.equal(problemOf(missing).code, 'NOT_FOUND');
  });

  it('every problem has type, title, status, code, detail and requestId', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/auth/me' });
    const p = problemOf(r);
    for (const key of ['type', 'title', 'status', 'code', 'detail', 'requestId'] as const) assert.ok(p[key], key);
    assert.equal(p.status, 401);
  });
});

describe('health and readiness', () => {
  it('/api/health and /api/ready answer without authentication', async () => {
    assert.deepEqual((await app.inject({ method: 'GET', url: '/api/health' })).json(), { status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    assert.equal(ready.statusCode, 200);
    const body = ready.json() as { migrations: { applied: number; expected: number } };
    assert.equal(body.migrations.applied, body.migrations.expected);
  });
});

describe('security headers and logs', () => {
  it('sends hardening headers and no-store on the API', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.match(String(r.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.ok(r.headers['x-request-id']);
  });

  it('logs JSON lines with request ids and no personal data or secrets', async () => {
    const org = await createOrganisation(t.db);
    const user = await createUser(t.db, org.id, { email: 'very.personal@example.org' });
    logLines.length = 0;
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login?email=very.personal@example.org',
      payload: { email: user.email, password: PASSWORD },
      remoteAddress: '203.0.113.9',
    });
    assert.equal(login.statusCode, 200);
    const cookie = String(([] as string[]).concat(login.headers['set-cookie'] as string[])[0]).split(';')[0] as string;
    await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie, authorization: 'Bearer socle_pat_secret' },
    });
    await app.inject({ method: 'GET', url: '/api/test/crash' });
    const text = logLines.join('');
    assert.ok(logLines.length > 0);
    for (const line of logLines) JSON.parse(line);
    assert.match(text, /"reqId":"[0-9a-f-]{36}"/);
    // (An unexpected error's own message and stack are logged for diagnosis; database errors log no parameters.)
    for (const forbidden of ['very.personal', PASSWORD, '203.0.113.9', 'socle_session=', 'socle_pat_secret']) {
      assert.ok(!text.includes(forbidden), `log contains ${forbidden}`);
    }
  });
});

describe('deny by default', () => {
  it('every /api route requires authentication unless it is declared public', async () => {
    const publicRoutes = new Set([
      '/api/health',
      '/api/ready',
      '/api/public/info',
      '/api/auth/login',
      '/api/openapi.json',
      '/api/test/crash',
      // Single sign-on: the login page's provider buttons, the redirect to the provider and its way back (identity module).
      '/api/auth/oidc/providers',
      '/api/auth/oidc/00000000-0000-4000-8000-000000000000/start',
      '/api/auth/oidc/callback',
      // Family links: the signed token in the path is the credential.
      '/api/public/family/00000000-0000-4000-8000-000000000000',
      '/api/public/family/00000000-0000-4000-8000-000000000000/convention.pdf',
      '/api/public/family/00000000-0000-4000-8000-000000000000/accept',
      '/api/public/family/00000000-0000-4000-8000-000000000000/messages',
      '/api/public/family/00000000-0000-4000-8000-000000000000/tickets',
      // Calendar feeds: the secret token in the file name is the credential (calendar applications cannot log in).
      '/ical/00000000-0000-4000-8000-000000000000',
      // The transparency page and open data: public when the organisation publishes (publication module).
      '/public',
      '/public/00000000-0000-4000-8000-000000000000',
      '/public/00000000-0000-4000-8000-000000000000/data',
      '/public/00000000-0000-4000-8000-000000000000/data/00000000-0000-4000-8000-000000000000',
    ]);
    const routes: { method: string; url: string }[] = [];
    const specResponse = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(specResponse.statusCode, 200, specResponse.body);
    const spec = specResponse.json() as { paths: Record<string, Record<string, unknown>> };
    for (const [p, ops] of Object.entries(spec.paths)) {
      for (const method of Object.keys(ops))
        routes.push({
          method: method.toUpperCase(),
          url: p.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
        });
    }
    assert.ok(routes.length > 10);
    for (const r of routes) {
      if (publicRoutes.has(r.url)) continue;
      const res = await app.inject({
        method: r.method as 'GET',
        url: r.url,
        payload: r.method === 'GET' ? undefined : {},
      });
      assert.equal(res.statusCode, 401, `${r.method} ${r.url}`);
    }
  });
});
