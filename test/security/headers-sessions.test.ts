import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp, defaultWebDir } from '../../src/server/app.ts';
import { loadSecrets } from '../../src/server/secrets.ts';
import { type Agent, createTestApp, json, type TestApp } from '../helpers/app.ts';
import { createCatalogue, createOrganisation, createSchool, createUser, PASSWORD } from '../helpers/factories.ts';

/**
 * Security headers and sessions (issue #10 point 3): a strict CSP with no
 * inline script, HSTS and Secure cookies in production, no framing, cookie
 * flags, session fixation, server-side logout, immediate token revocation,
 * and uploads (type sniffed, size limited, always downloaded, never sniffed
 * by the browser).
 */

const UPLOAD_LIMIT = 64 * 1024;
let t: TestApp;
let email: string;
let assetId: string;

before(async () => {
  // Production mode: Secure cookies and HSTS; a small upload limit to test it cheaply.
  t = await createTestApp({ NODE_ENV: 'production', SOCLE_UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT) });
  const org = (await createOrganisation(t.db)).id;
  const catalogue = await createCatalogue(t.db, org);
  const school = await createSchool(t.db, org, 7240001);
  email = (await createUser(t.db, org, { roles: ['admin'] })).email;
  const admin = await signedIn();
  const asset = await admin.post('/api/assets', { modelId: catalogue.tablet, status: 'deployed', schoolId: school.id });
  assert.equal(asset.statusCode, 201, asset.body);
  assetId = json<{ id: string }>(asset).id;
});
after(() => t.close());

async function signedIn(): Promise<Agent> {
  const agent = t.agent();
  await agent.login(email, PASSWORD);
  return agent;
}

const cookieHeaders = (r: { headers: Record<string, unknown> }) =>
  ([] as string[]).concat((r.headers['set-cookie'] as string | string[] | undefined) ?? []);
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? '';

describe('security headers', () => {
  it('a strict Content-Security-Policy: no inline or eval script, no framing', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(r.headers['content-security-policy']);
    const scriptSrc = directive(csp, 'script-src') || directive(csp, 'default-src');
    assert.ok(scriptSrc, csp);
    assert.doesNotMatch(scriptSrc, /'unsafe-inline'|'unsafe-eval'|\*|data:|http:/, scriptSrc);
    assert.match(directive(csp, 'frame-ancestors'), /'none'/);
    assert.match(directive(csp, 'object-src'), /'none'/);
    // Older browsers without frame-ancestors still get X-Frame-Options.
    assert.match(String(r.headers['x-frame-options']), /^(DENY|SAMEORIGIN)$/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.ok(r.headers['referrer-policy']);
  });

  it('the page has no inline script (built index.html when present, else its source)', () => {
    const webDir = defaultWebDir();
    const file = webDir ? path.join(webDir, 'index.html') : path.resolve('index.html');
    const html = fs.readFileSync(file, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length > 0, `${file} has a script`);
    for (const [, attributes, body] of scripts) {
      assert.match(attributes as string, /\bsrc=/, `inline script in ${file}`);
      assert.equal((body as string).trim(), '', `inline script body in ${file}`);
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler');
    assert.doesNotMatch(html, /javascript:/i);
  });

  it('HSTS in production, not in development', async () => {
    const prod = await t.app.inject({ method: 'GET', url: '/api/health' });
    const hsts = String(prod.headers['strict-transport-security']);
    const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1]);
    assert.ok(maxAge >= 15_552_000, hsts);
    const devConfig = { ...t.config, auth: { ...t.config.auth, secureCookies: false } };
    const dev = await buildApp(
      { config: devConfig, db: t.db, jobs: null, secrets: await loadSecrets(t.db, devConfig) },
      { webDir: null, logger: false },
    );
    try {
      const r = await dev.inject({ method: 'GET', url: '/api/health' });
      assert.equal(r.headers['strict-transport-security'], undefined);
    } finally {
      await dev.close();
    }
  });
});

describe('sessions', () => {
  it('session cookie flags: HttpOnly, Secure, SameSite, Path; the CSRF cookie is readable but Secure', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    assert.equal(r.statusCode, 200, r.body);
    const cookies = cookieHeaders(r);
    const session = cookies.find((c) => c.startsWith('socle_session='));
    const csrf = cookies.find((c) => c.startsWith('socle_csrf='));
    assert.ok(session && csrf, cookies.join(' | '));
    assert.match(session, /;\s*HttpOnly/i);
    assert.match(session, /;\s*Secure/i);
    assert.match(session, /;\s*SameSite=(Lax|Strict)/i);
    assert.match(session, /;\s*Path=\//i);
    assert.match(csrf, /;\s*Secure/i);
    assert.doesNotMatch(csrf, /HttpOnly/i);
  });

  it('session fixation: a session id set before login is neither kept nor accepted', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const agent = t.agent();
    agent.cookies.set('socle_session', planted);
    await agent.login(email, PASSWORD);
    const after = agent.cookies.get('socle_session');
    assert.ok(after && after !== planted);
    const victim = t.agent();
    victim.cookies.set('socle_session', planted);
    assert.equal((await victim.get('/api/auth/me')).statusCode, 401);
    // Signing in again replaces a real session id too.
    await agent.login(email, PASSWORD);
    assert.notEqual(agent.cookies.get('socle_session'), after);
  });

  it('logout invalidates the session on the server: the old cookie gets 401', async () => {
    const agent = await signedIn();
    const stolen = agent.cookies.get('socle_session') as string;
    assert.equal((await agent.get('/api/auth/me')).statusCode, 200);
    assert.equal((await agent.post('/api/auth/logout')).statusCode, 204);
    const replay = t.agent();
    replay.cookies.set('socle_session', stolen);
    assert.equal((await replay.get('/api/auth/me')).statusCode, 401);
  });

  it('API token revocation is effective on the next request', async () => {
    const admin = await signedIn();
    const created = await admin.post('/api/auth/tokens', { name: 'revocation test' });
    assert.equal(created.statusCode, 201, created.body);
    const { id, token } = json<{ id: string; token: string }>(created);
    const api = t.agent();
    api.bearer = token;
    assert.equal((await api.get('/api/auth/me')).statusCode, 200);
    assert.equal((await admin.delete(`/api/auth/tokens/${id}`)).statusCode, 204);
    const after = await api.get('/api/auth/me');
    assert.equal(after.statusCode, 401);
    assert.match(String(after.headers['content-type']), /^application\/problem\+json/);
  });
});

describe('uploaded files', () => {
  const PNG = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  const upload = async (admin: Agent, body: Buffer, type: string, name: string) =>
    admin.request('POST', `/api/assets/${assetId}/attachments`, {
      body,
      headers: { 'content-type': type },
      query: { name },
    });

  it('are served as attachments with nosniff', async () => {
    const admin = await signedIn();
    const up = await upload(admin, PNG, 'image/png', 'photo.png');
    assert.equal(up.statusCode, 201, up.body);
    const r = await admin.get(`/api/files/${json<{ id: string }>(up).id}`);
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-disposition']), /^attachment/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.doesNotMatch(String(r.headers['content-type']), /html|javascript|svg/);
  });

  it('are sniffed: HTML sent as a .png is refused', async () => {
    const admin = await signedIn();
    const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');
    const r = await upload(admin, html, 'image/png', 'photo.png');
    assert.ok(r.statusCode === 415 || r.statusCode === 400, `${r.statusCode} ${r.body}`);
    assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const s = await upload(admin, svg, 'image/svg+xml', 'logo.svg');
    assert.ok(s.statusCode === 415 || s.statusCode === 400, `${s.statusCode} ${s.body}`);
  });

  it('are size-limited (413 problem)', async () => {
    const admin = await signedIn();
    const big = Buffer.concat([PNG, Buffer.alloc(UPLOAD_LIMIT + 1024)]);
    const r = await upload(admin, big, 'image/png', 'huge.png');
    assert.equal(r.statusCode, 413, r.body);
    assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
  });
});
