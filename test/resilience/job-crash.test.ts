import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { type Database, openDatabase, rows } from '../../src/server/db/connection.ts';
import { prepareQueues } from '../../src/server/jobs/jobs.ts';
import { engine, testConfig } from '../helpers/db.ts';
import {
  childEnv,
  demoDatabase,
  launchServer,
  newestWal,
  scratchDatabase,
  startServer,
  untilWriting,
} from './helpers.ts';

/**
 * A job killed while it runs is run again (issue #10): `sessions-purge`,
 * queued with 300,000 login attempts past their day to delete, is taken by
 * a server started with SOCLE_JOBS=1 and the server is killed with SIGKILL
 * while the job's DELETE is under way. Its transaction is lost (every row is
 * still there) and pg-boss still has the job `active`. A new server on the
 * same data finds it expired (SOCLE_JOB_EXPIRE_SECONDS, 20 s here — more than a run takes;
 * 15 minutes by default), puts it back in the queue, runs it again and it
 * completes: retried once, the rows gone.
 *
 * "While it runs" is observed: on PostgreSQL the job's backend holds a
 * transaction id in a statement on login_attempts; on PGlite (no second
 * connection to a directory a process holds) the write-ahead log moved to a
 * new 16 MB segment, which only the DELETE writes that much of (a segment
 * switch just before the server starts).
 */

const ROWS = 300_000;
const EXPIRE_SECONDS = '20';
const JOB = 'sessions-purge';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-job-crash-'));
const side = {
  dataDir: path.join(dir, 'data'),
  url: null as string | null,
  drop: async (): Promise<void> => undefined,
};
const jobsEnv = { SOCLE_JOBS: '1', SOCLE_JOB_EXPIRE_SECONDS: EXPIRE_SECONDS };
const config = () => testConfig({ SOCLE_DATA_DIR: side.dataDir, SOCLE_JOB_EXPIRE_SECONDS: EXPIRE_SECONDS }, side.url);
const env = (extra: Record<string, string> = {}) =>
  childEnv({ ...(side.url ? { DATABASE_URL: side.url } : { SOCLE_DATA_DIR: side.dataDir }), ...jobsEnv, ...extra });

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(config());
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

interface JobRow {
  state: string;
  retry_count: number;
  expire_seconds: number;
  output: { attempts?: number } | null;
}
const jobRow = async (db: Database, id: string) =>
  (
    await rows<JobRow>(
      db.owner,
      sql`SELECT state::text, retry_count, extract(epoch FROM expire_in)::int AS expire_seconds, output
            FROM pgboss.job WHERE id = ${id}`,
    )
  )[0];
const staleAttempts = async (db: Database) =>
  Number(
    (
      await rows<{ n: number }>(
        db.owner,
        sql`SELECT count(*)::int AS n FROM login_attempts WHERE attempted_at < now() - interval '1 day'`,
      )
    )[0]?.n,
  );

/** Resolves once the purge job is writing (see the file comment); rejects if `alive()` turns false. */
const purgeIsDeleting = (alive: () => boolean, walBefore: string) =>
  untilWriting({
    url: side.url,
    dataDir: side.dataDir,
    walBefore,
    activitySql: "state = 'active' AND query ILIKE '%login_attempts%'",
    alive,
    what: 'the purge job',
    pollMs: 20,
  });

before(async () => {
  if (engine === 'postgres') {
    const scratch = await scratchDatabase('socle_jobcrash');
    side.url = scratch.url;
    side.drop = scratch.drop;
  }
  await demoDatabase(side.dataDir, side.url);
});

after(async () => {
  await side.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`a job killed while it runs (${engine})`, () => {
  it('sessions-purge killed mid-DELETE: rolled back, still active; a new server retries it and it completes', {
    timeout: 240_000,
  }, async () => {
    // The work, and the job in the app's queue (configured by the app's own code, as a server does it).
    const id = await withDb(async (db) => {
      await db.owner.execute(
        sql`INSERT INTO login_attempts (scope, key_hash, succeeded, attempted_at)
            SELECT 'ip', md5(g::text) || md5((g + 1)::text), false, now() - interval '2 days'
              FROM generate_series(1, ${ROWS}) g`,
      );
      const boss = new PgBoss({
        db: db.jobsAdapter,
        schema: 'pgboss',
        supervise: false,
        schedule: false,
      } as ConstructorParameters<typeof PgBoss>[0]);
      await boss.start();
      try {
        await prepareQueues(boss, config());
        const queued = (await boss.send(JOB, {})) as string;
        assert.ok(queued);
        assert.equal((await jobRow(db, queued))?.expire_seconds, Number(EXPIRE_SECONDS), 'the configured expiry');
        if (engine === 'pglite') await db.owner.execute(sql`SELECT pg_switch_wal()`);
        return queued;
      } finally {
        await boss.stop({ graceful: false, close: false });
      }
    });

    // A server takes the job at start; SIGKILL while it deletes.
    const walBefore = engine === 'pglite' ? newestWal(side.dataDir) : '';
    const { server } = await launchServer(env());
    try {
      await purgeIsDeleting(() => server.child.exitCode === null && server.child.signalCode === null, walBefore);
    } finally {
      await server.kill();
    }
    assert.equal(server.child.signalCode, 'SIGKILL');
    await withDb(async (db) => {
      const job = await jobRow(db, id);
      assert.equal(job?.state, 'active', 'killed while running: pg-boss still has it active');
      assert.equal(job?.retry_count, 0);
      assert.equal(await staleAttempts(db), ROWS, 'the killed DELETE was rolled back');
    });

    // A new server on the same data: the job expires, is retried, completes.
    const again = await startServer(env({ LOG_LEVEL: 'info' }));
    try {
      const deadline = Date.now() + 90_000;
      while (!again.output().includes(id)) {
        assert.ok(Date.now() < deadline, `the job was not run again:\n${again.output()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      assert.equal(await again.stop(), 0, 'graceful stop');
    }
    assert.match(again.output(), new RegExp(`"job":"${JOB}","id":"${id}".*"msg":"job done"`));
    await withDb(async (db) => {
      const job = await jobRow(db, id);
      assert.equal(job?.state, 'completed');
      assert.equal(job?.retry_count, 1, 'retried once, after its expiry');
      assert.equal(job?.output?.attempts, ROWS, 'the retry did the whole work');
      assert.equal(await staleAttempts(db), 0);
    });
  });
});
