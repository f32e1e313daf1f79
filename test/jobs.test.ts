import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { rows } from '../src/server/db/connection.ts';
import { type Jobs, startJobs } from '../src/server/jobs/jobs.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';
import { createOrganisation, createUser } from './helpers/factories.ts';

let t: TestDatabase;
let jobs: Jobs;

before(async () => {
  t = await createTestDatabase();
  jobs = await startJobs(t.db, t.config, pino({ level: 'silent' }), { pollingIntervalSeconds: 0.5 });
});
after(async () => {
  await jobs.stop();
  await t.close();
});

describe('jobs (pg-boss)', () => {
  it('runs the session purge: expired sessions and old throttle counters go, live ones stay', {
    timeout: 60_000,
  }, async () => {
    const org = await createOrganisation(t.db);
    const user = await createUser(t.db, org.id);
    await t.db.owner.execute(sql`
      INSERT INTO sessions (organisation_id, user_id, token_hash, csrf_token, idle_expires_at, absolute_expires_at) VALUES
        (${org.id}, ${user.id}, 'expired-idle', 'x', now() - interval '1 minute', now() + interval '1 hour'),
        (${org.id}, ${user.id}, 'expired-absolute', 'x', now() + interval '1 hour', now() - interval '1 minute'),
        (${org.id}, ${user.id}, 'alive', 'x', now() + interval '1 hour', now() + interval '2 hours')`);
    await t.db.owner.execute(sql`
      INSERT INTO login_attempts (scope, key_hash, succeeded, attempted_at) VALUES
        ('ip', 'old', false, now() - interval '2 days'), ('ip', 'recent', false, now())`);
    const id = await jobs.send('sessions-purge');
    const result = await jobs.waitFor('sessions-purge', id);
    assert.equal(result.state, 'completed');
    assert.deepEqual(result.output, { sessions: 2, attempts: 1 });
    const left = await rows<{ token_hash: string }>(t.db.owner, sql`SELECT token_hash FROM sessions`);
    assert.deepEqual(
      left.map((r) => r.token_hash),
      ['alive'],
    );
  });

  it('keeps the planner statistics where no autovacuum does (PGlite; PostgreSQL with autovacuum off)', {
    timeout: 60_000,
  }, async () => {
    const org = await createOrganisation(t.db);
    await t.db.owner.execute(sql`INSERT INTO schools (organisation_id, uai, name, kind)
      SELECT ${org.id}, lpad(n::text, 7, '0') || substr('ABCDEFGHJKLMNPRSTUVWXYZ', (n % 23) + 1, 1), 'École ' || n, 'elementaire'
        FROM generate_series(1000001, 1000300) AS n`);
    const id = await jobs.send('db-analyze');
    const result = await jobs.waitFor('db-analyze', id);
    assert.equal(result.state, 'completed');
    const output = result.output as { analyzed: boolean };
    const [autovacuum] = await rows<{ on: boolean }>(
      t.db.owner,
      sql`SELECT current_setting('autovacuum') = 'on' AS on`,
    );
    const unattended = t.db.kind === 'pglite' || !autovacuum?.on;
    assert.equal(output.analyzed, unattended);
    if (unattended) {
      const [stats] = await rows<{ n: number }>(
        t.db.owner,
        sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'schools'`,
      );
      assert.ok(Number(stats?.n) >= 300, `reltuples ${stats?.n}`);
    }
  });

  it('schedules the purge daily', async () => {
    const schedules = (await jobs.boss.getSchedules()) as { name: string; cron: string }[];
    assert.ok(schedules.some((s) => s.name === 'sessions-purge' && s.cron === '17 3 * * *'));
    assert.ok(schedules.some((s) => s.name === 'warranty-digest' && s.cron === '0 6 * * 1'));
    assert.ok(schedules.some((s) => s.name === 'loans-purge'));
    assert.ok(schedules.some((s) => s.name === 'webhooks-purge' && s.cron === '37 2 * * *'));
    assert.ok(schedules.some((s) => s.name === 'db-analyze' && s.cron === '11 * * * *'));
  });
});
