import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../test/helpers/app.ts';
import { createOrganisation, createUser, PASSWORD } from '../../../test/helpers/factories.ts';
import { startSmtpServer, type TestSmtp } from '../../../test/helpers/smtp.ts';
import { rows } from '../db/connection.ts';
import { loadSecrets, secretsFrom } from '../secrets.ts';
import { decryptSecret, encryptSecret } from './crypto.ts';
import { type MailDeps, sendMail } from './service.ts';

let t: TestApp;
let smtp: TestSmtp;
let deps: MailDeps;
let orgId: string;
let adminEmail: string;
const admin = () => agents.admin as ReturnType<TestApp['agent']>;
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const SMTP_PASSWORD = 'pw-Ét3-super-secret';

before(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer({ username: 'socle', password: SMTP_PASSWORD });
  deps = { db: t.db, config: t.config, secrets: await loadSecrets(t.db, t.config) };
  orgId = (await createOrganisation(t.db, 'Ville messagère')).id;
  for (const role of ['admin', 'manager'] as const) {
    const user = await createUser(t.db, orgId, { roles: [role] });
    if (role === 'admin') adminEmail = user.email;
    agents[role] = t.agent();
    await agents[role].login(user.email, PASSWORD);
  }
});
after(async () => {
  await smtp.close();
  await t.close();
});

const settings = (port: number, extra: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  username: 'socle',
  password: SMTP_PASSWORD,
  from: 'prets@ville-messagere.example',
  replyTo: 'ecoles@ville-messagere.example',
  ...extra,
});

describe('stored secrets', () => {
  it('encrypt with the instance key, fail closed on another key or an altered value', () => {
    const a = secretsFrom(Buffer.alloc(32, 1));
    const b = secretsFrom(Buffer.alloc(32, 2));
    const stored = encryptSecret(a, 'hunter2 hunter2');
    assert.ok(!stored.includes('hunter2'));
    assert.notEqual(encryptSecret(a, 'hunter2 hunter2'), stored, 'a fresh IV each time');
    assert.equal(decryptSecret(a, stored), 'hunter2 hunter2');
    assert.equal(decryptSecret(b, stored), null);
    const parts = stored.split('.');
    const body = parts[3] as string;
    parts[3] = `${body.slice(0, -2)}${body.endsWith('AA') ? 'BB' : 'AA'}`;
    assert.equal(decryptSecret(a, parts.join('.')), null);
    assert.equal(decryptSecret(a, 'plain text'), null);
  });
});

describe('mail settings', () => {
  it('none at first; admins only; unknown fields and bad addresses refused', async () => {
    const none = json<{ source: string; passwordSet: boolean }>(await admin().get('/api/organisation/mail'));
    assert.deepEqual({ source: none.source, passwordSet: none.passwordSet }, { source: 'none', passwordSet: false });
    assert.equal((await agents.manager?.get('/api/organisation/mail'))?.statusCode, 403);
    assert.equal((await agents.manager?.put('/api/organisation/mail', settings(smtp.port)))?.statusCode, 403);
    assert.equal((await t.agent().get('/api/organisation/mail')).statusCode, 401);
    const unknown = await admin().put('/api/organisation/mail', { ...settings(smtp.port), tls: true });
    assert.equal(unknown.statusCode, 400);
    const badFrom = await admin().put('/api/organisation/mail', settings(smtp.port, { from: 'not an address' }));
    assert.equal(badFrom.statusCode, 400);
    assert.ok(json<{ errors: { path: string }[] }>(badFrom).errors.some((e) => e.path === 'body.from'));
    const badPort = await admin().put('/api/organisation/mail', settings(70000));
    assert.ok(json<{ errors: { path: string }[] }>(badPort).errors.some((e) => e.path === 'body.port'));
    const test = await admin().post('/api/organisation/mail/test', {});
    assert.equal(test.statusCode, 409);
    assert.equal(json<{ code: string }>(test).code, 'MAIL_NOT_CONFIGURED');
  });

  it('keeps the password encrypted, never returns it, and keeps it when omitted', async () => {
    const saved = await admin().put('/api/organisation/mail', settings(smtp.port));
    assert.equal(saved.statusCode, 200, saved.body);
    assert.ok(!saved.body.includes(SMTP_PASSWORD));
    const body = json<{ source: string; passwordSet: boolean; host: string; from: string }>(saved);
    assert.deepEqual(
      { source: body.source, passwordSet: body.passwordSet, host: body.host },
      { source: 'organisation', passwordSet: true, host: '127.0.0.1' },
    );
    const read = await admin().get('/api/organisation/mail');
    assert.ok(!read.body.includes(SMTP_PASSWORD) && !read.body.includes('v1.'));
    const [row] = await rows<{ password_enc: string }>(
      t.db.owner,
      sql`SELECT password_enc FROM mail_settings WHERE organisation_id = ${orgId}`,
    );
    assert.ok(row?.password_enc.startsWith('v1.'));
    assert.ok(!row?.password_enc.includes(SMTP_PASSWORD), 'encrypted at rest');
    const audit = await rows<{ t: string }>(
      t.db.owner,
      sql`SELECT coalesce(before::text, '') || after::text AS t FROM audit_events WHERE action = 'mail_settings.saved'`,
    );
    assert.ok(audit.length >= 1);
    assert.ok(audit.every((a) => !a.t.includes(SMTP_PASSWORD) && !a.t.includes(row?.password_enc as string)));
    // Omitted: kept.
    const { password: _p, ...withoutPassword } = settings(smtp.port);
    const kept = json<{ passwordSet: boolean }>(await admin().put('/api/organisation/mail', withoutPassword));
    assert.equal(kept.passwordSet, true);
  });

  it('sends a test mail through the saved server, with the stored password, and logs it', async () => {
    const before = smtp.mails.length;
    const r = await admin().post('/api/organisation/mail/test', {});
    assert.equal(r.statusCode, 200, r.body);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    assert.deepEqual(mail?.to, [adminEmail]);
    assert.equal(mail?.from, 'prets@ville-messagere.example');
    assert.equal(mail?.user, 'socle');
    assert.match(mail?.subject ?? '', /Ville messagère — message de test/);
    assert.match(mail?.headers['reply-to'] ?? '', /ecoles@ville-messagere\.example/);
    assert.ok(
      smtp.logins.some((l) => l.password === SMTP_PASSWORD),
      'the decrypted password was used',
    );
    const log = json<{ template: string; status: string; recipient: string }[]>(
      await admin().get('/api/organisation/mail/log'),
    );
    assert.equal(log[0]?.template, 'test');
    assert.equal(log[0]?.status, 'sent');
    assert.equal(log[0]?.recipient, adminEmail);
  });

  it('reports a server that cannot be reached (502) and a wrong password, and logs the failure', async () => {
    await admin().put('/api/organisation/mail', settings(smtp.port, { password: 'wrong password' }));
    const refused = await admin().post('/api/organisation/mail/test', {});
    assert.equal(refused.statusCode, 502, refused.body);
    assert.equal(json<{ code: string }>(refused).code, 'MAIL_SEND_FAILED');
    const closed = await startSmtpServer();
    await closed.close();
    await admin().put('/api/organisation/mail', settings(closed.port));
    const unreachable = await admin().post('/api/organisation/mail/test', { to: 'someone@example.org' });
    assert.equal(unreachable.statusCode, 502);
    const log = json<{ status: string; error: string | null }[]>(await admin().get('/api/organisation/mail/log'));
    assert.equal(log[0]?.status, 'failed');
    assert.ok(log[0]?.error);
    await admin().put('/api/organisation/mail', settings(smtp.port));
  });

  it('a key sends once, even asked 10 times at once; a failed key is tried again', async () => {
    const before = smtp.mails.length;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        sendMail(deps, orgId, { to: 'once@example.org', subject: 'Once', text: 'x', key: 'test:once' }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'sent').length, 1, JSON.stringify(results));
    assert.equal(results.filter((r) => r.status === 'duplicate').length, 9);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(smtp.mails.filter((m) => m.to.includes('once@example.org')).length, 1);
    assert.equal(smtp.mails.length, before + 1);

    const closed = await startSmtpServer();
    await closed.close();
    await admin().put('/api/organisation/mail', settings(closed.port));
    const failed = await sendMail(deps, orgId, { to: 'retry@example.org', subject: 'R', text: 'x', key: 'test:retry' });
    assert.equal(failed.status, 'failed');
    await admin().put('/api/organisation/mail', settings(smtp.port));
    const retried = await sendMail(deps, orgId, {
      to: 'retry@example.org',
      subject: 'R',
      text: 'x',
      key: 'test:retry',
    });
    assert.equal(retried.status, 'sent');
    const again = await sendMail(deps, orgId, { to: 'retry@example.org', subject: 'R', text: 'x', key: 'test:retry' });
    assert.equal(again.status, 'duplicate');
    const [row] = await rows<{ attempts: number; status: string }>(
      t.db.owner,
      sql`SELECT attempts, status FROM mail_log WHERE key = 'test:retry'`,
    );
    assert.deepEqual({ attempts: Number(row?.attempts), status: row?.status }, { attempts: 2, status: 'sent' });
  });

  it('falls back to SMTP_URL, shown without its password; removing the settings returns to it', async () => {
    const other = await createTestApp({
      SMTP_URL: `smtp://envuser:env-secret@127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'socle@instance.example',
    });
    try {
      const org = await createOrganisation(other.db, 'Ville sans serveur');
      const user = await createUser(other.db, org.id, { roles: ['admin'] });
      const a = other.agent();
      await a.login(user.email, PASSWORD);
      const env = await a.get('/api/organisation/mail');
      assert.ok(!env.body.includes('env-secret'));
      const view = json<{ source: string; host: string; port: number; passwordSet: boolean; from: string }>(env);
      assert.deepEqual(
        { source: view.source, port: view.port, passwordSet: view.passwordSet, from: view.from },
        { source: 'environment', port: smtp.port, passwordSet: true, from: 'socle@instance.example' },
      );
      await a.put('/api/organisation/mail', settings(smtp.port));
      assert.equal(json<{ source: string }>(await a.get('/api/organisation/mail')).source, 'organisation');
      assert.equal(json<{ source: string }>(await a.delete('/api/organisation/mail')).source, 'environment');
    } finally {
      await other.close();
    }
  });
});
