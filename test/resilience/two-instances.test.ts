import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { rows } from '../../src/server/db/connection.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { engine } from '../helpers/db.ts';
import { createCatalogue, createOrganisation, createSchool, createUser, PASSWORD } from '../helpers/factories.ts';
import { contact, isoDay, makeLoan } from '../helpers/loans.ts';
import { startSmtpServer, type TestSmtp } from '../helpers/smtp.ts';
import { childEnv, HttpAgent, type ServerProcess, startServer } from './helpers.ts';

/**
 * Two Socle processes on one PostgreSQL database (issue #10, point 7), the
 * way a deployment behind a load balancer runs them: a session opened on
 * one is valid on the other and a logout on either ends it everywhere
 * (sessions live in the database); a queued job is run by one process
 * only; reminder jobs started on both send each family one mail (the
 * idempotency key of the mail log). PGlite is one process by design (the
 * data directory is locked): nothing to test there.
 */

const skip = engine === 'pglite' ? 'PGlite is single-process (the data directory is locked): PostgreSQL only' : false;

let t: TestApp;
let smtp: TestSmtp;
let a: ServerProcess;
let b: ServerProcess;
let boss: PgBoss;
let manager = { email: '', password: PASSWORD };
const families = ['cyprien.entard@example.org', 'basile.separe@example.org', 'fulbert.ailleurs@example.org'];

describe('two server processes on one PostgreSQL database', { skip }, () => {
  before(async () => {
    t = await createTestApp();
    smtp = await startSmtpServer();
    const orgId = (await createOrganisation(t.db, 'Ville Deux')).id;
    const models = await createCatalogue(t.db, orgId);
    const school = (await createSchool(t.db, orgId, 7201201, 'École des Deux Rives')).id;
    const admin = t.agent();
    await admin.login((await createUser(t.db, orgId, { roles: ['admin'] })).email, PASSWORD);
    const m = await createUser(t.db, orgId, { roles: ['manager'] });
    manager = { email: m.email, password: PASSWORD };
    const agent = t.agent();
    await agent.login(m.email, PASSWORD);
    const mail = await admin.put('/api/organisation/mail', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      from: 'rappels@ville-deux.example',
    });
    assert.equal(mail.statusCode, 200, mail.body);
    // Three overdue loans: one reminder per family expected, whatever the number of processes.
    for (const [n, who] of families.entries()) {
      const [first, last] = (who.split('@')[0] as string).split('.') as [string, string];
      await makeLoan(
        { requester: agent, manager: agent },
        {
          schoolId: school,
          modelId: models.tablet,
          pupil: { firstName: `Élève${n}`, lastName: 'Deux' },
          contacts: [contact(first, last, who)],
          dueDate: isoDay(-10 - n),
        },
      );
    }
    const env = childEnv({ DATABASE_URL: t.url as string, SOCLE_JOBS: '1' });
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    // A client of the queue only (no workers, no cron): the processes do the work.
    boss = new PgBoss({
      db: t.db.jobsAdapter,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
      migrate: false,
    } as ConstructorParameters<typeof PgBoss>[0]);
    await boss.start();
  });

  after(async () => {
    await boss?.stop({ graceful: false, close: false }).catch(() => undefined);
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await t?.close();
  });

  it('a session opened on A is valid on B; a logout on B ends it on A', { timeout: 60_000 }, async () => {
    const agent = new HttpAgent();
    assert.equal((await agent.request(a.base, 'POST', '/api/auth/login', manager)).status, 200);
    for (const server of [b, a, b]) {
      const me = await agent.request(server.base, 'GET', '/api/auth/me');
      assert.equal(me.status, 200, `session valid on ${server.port}`);
    }
    const cookies = new Map(agent.cookies);
    assert.equal((await agent.request(b.base, 'POST', '/api/auth/logout', {})).status < 300, true);
    // The old cookie, replayed on A after the logout on B.
    const replay = new HttpAgent();
    for (const [k, v] of cookies) replay.cookies.set(k, v);
    assert.equal((await replay.request(a.base, 'GET', '/api/auth/me')).status, 401);
  });

  it('both processes registered each periodic job once; a queued job runs once', { timeout: 60_000 }, async () => {
    const schedules = await rows<{ name: string; n: number }>(
      t.db.owner,
      sql`SELECT name, count(*)::int AS n FROM pgboss.schedule GROUP BY name`,
    );
    assert.ok(schedules.length >= 5, 'the periodic jobs are scheduled');
    assert.ok(
      schedules.every((s) => s.n === 1),
      'one schedule per job, not one per process',
    );
    const id = (await boss.send('sessions-purge', {})) as string;
    const deadline = Date.now() + 45_000;
    for (;;) {
      const job = await boss.getJobById('sessions-purge', id);
      if (job?.state === 'completed') {
        assert.equal(job.retryCount, 0, 'run once, not retried');
        break;
      }
      assert.ok(Date.now() < deadline, `job state ${job?.state}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('reminder jobs started on both processes at once: one mail per family', { timeout: 90_000 }, async () => {
    // Several runs queued at the same instant: each process takes some, in parallel.
    const ids = (await Promise.all([1, 2, 3, 4].map(() => boss.send('loans-reminders', {})))) as string[];
    const deadline = Date.now() + 75_000;
    for (;;) {
      const jobs = await Promise.all(ids.map((id) => boss.getJobById('loans-reminders', id)));
      if (jobs.every((j) => j?.state === 'completed')) break;
      assert.ok(!jobs.some((j) => j?.state === 'failed'), JSON.stringify(jobs.map((j) => j?.output)));
      assert.ok(Date.now() < deadline, `jobs: ${jobs.map((j) => j?.state).join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await smtp.waitFor(families.length, 20_000);
    // A job completes once its mails are accepted by the SMTP server: every mail sent is here.
    for (const family of families) {
      const got = smtp.mails.filter((mail) => mail.to.includes(family));
      assert.equal(got.length, 1, `${family}: ${got.length} reminders`);
    }
  });
});
