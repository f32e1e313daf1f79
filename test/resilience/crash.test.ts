import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { writeImportCsv } from '../../bench/inventory-fixture.ts';
import type { DemoAccount } from '../../src/server/bootstrap.ts';
import { type Database, openDatabase, rows } from '../../src/server/db/connection.ts';
import { startJobs } from '../../src/server/jobs/jobs.ts';
import { verifyAuditChain } from '../../src/server/modules/audit/service.ts';
import { engine, testConfig } from '../helpers/db.ts';
import {
  childEnv,
  demoDatabase,
  HttpAgent,
  newestWal,
  root,
  scratchDatabase,
  startServer,
  untilWriting,
} from './helpers.ts';

/**
 * Crash safety (issue #10, point 4): a 100,000-row asset import is killed
 * with SIGKILL half-way — once in the `socle import assets` process, once
 * in the server handling `POST /api/assets/import` — and the database is
 * opened again: the import is all there or not at all (here: not at all,
 * it was killed before its commit), the audit chain is intact, the server
 * starts again on it (PGlite: the data directory is readable and the lock
 * of the dead process is taken over), and the job queue runs jobs again.
 *
 * "Half-way" is observed, not timed: on PostgreSQL, the import's
 * transaction holds a transaction id (it has written rows); on PGlite,
 * the write-ahead log moved on to a new 16 MB segment (the import writes
 * far more than that before its commit).
 */

const ROWS = 100_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-crash-'));
const side = {
  dataDir: path.join(dir, 'data'),
  url: null as string | null,
  drop: async (): Promise<void> => undefined,
};
const config = () => testConfig({ SOCLE_DATA_DIR: side.dataDir }, side.url);
const env = (extra: Record<string, string> = {}) =>
  childEnv({ ...(side.url ? { DATABASE_URL: side.url } : { SOCLE_DATA_DIR: side.dataDir }), ...extra });
let csvFile: string;
let manager: DemoAccount;

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(config());
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function assetCounts(db: Database) {
  const [r] = await rows<{ all: number; imported: number }>(
    db.owner,
    sql`SELECT count(*)::int AS all, count(*) FILTER (WHERE tag LIKE 'CRASH-%' OR serial LIKE 'CRASH%')::int AS imported FROM assets`,
  );
  return { all: Number(r?.all), imported: Number(r?.imported) };
}

/** Resolves once the import is writing (see the file comment); rejects if `alive()` turns false. */
const importIsWriting = (alive: () => boolean, walBefore: string) =>
  untilWriting({
    url: side.url,
    dataDir: side.dataDir,
    walBefore,
    activitySql: "query ILIKE '%assets%'",
    alive,
    what: 'the import',
    pollMs: 50,
  });

before(async () => {
  if (engine === 'postgres') {
    const scratch = await scratchDatabase('socle_crash');
    side.url = scratch.url;
    side.drop = scratch.drop;
  }
  const accounts = await demoDatabase(side.dataDir, side.url);
  manager = accounts.find((a) => a.role === 'manager') as DemoAccount;
  // The same file on both engines and every run (the demo and the seed are fixed): made once.
  csvFile = path.join(os.tmpdir(), `socle-resilience-assets-${ROWS}.csv`);
  if (!fs.existsSync(csvFile)) {
    await withDb(async (db) => {
      const tmp = `${csvFile}.${process.pid}`;
      await writeImportCsv(
        { query: async <T>(text: string) => rows<T>(db.owner, sql.raw(text)) },
        tmp,
        ROWS,
        42,
        'CRASH',
      );
      fs.renameSync(tmp, csvFile);
    });
  }
});

after(async () => {
  await side.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`crash safety (${engine})`, () => {
  it('socle import assets killed half-way: nothing imported, the database opens, the audit chain holds', {
    timeout: 180_000,
  }, async () => {
    const before_ = await withDb(assetCounts);
    const walBefore = engine === 'pglite' ? newestWal(side.dataDir) : '';
    const child = spawn(
      process.execPath,
      [path.join(root, 'bin', 'socle.mjs'), 'import', 'assets', csvFile, '--format', 'socle', '--json'],
      { cwd: root, env: env(), stdio: 'ignore' },
    );
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await importIsWriting(() => child.exitCode === null, walBefore);
    child.kill('SIGKILL');
    await gone;
    assert.equal(child.signalCode, 'SIGKILL');

    await withDb(async (db) => {
      const after_ = await assetCounts(db);
      assert.deepEqual(after_, before_, 'not one row of the killed import');
      const chain = await verifyAuditChain(db);
      assert.equal(chain.firstBreak, null);
    });
  });

  it('the server killed during POST /api/assets/import: nothing imported, it starts again, jobs run again', {
    timeout: 240_000,
  }, async () => {
    const before_ = await withDb(assetCounts);
    const server = await startServer(env({ SOCLE_JOBS: '1' }));
    try {
      const agent = new HttpAgent();
      const login = await agent.request(server.base, 'POST', '/api/auth/login', {
        email: manager.email,
        password: manager.password,
      });
      assert.equal(login.status, 200);
      const walBefore = engine === 'pglite' ? newestWal(side.dataDir) : '';
      const headers: Record<string, string> = {
        'content-type': 'text/csv',
        cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': agent.cookies.get('socle_csrf') ?? '',
      };
      const upload = fetch(`${server.base}/api/assets/import?format=socle`, {
        method: 'POST',
        headers,
        body: fs.readFileSync(csvFile),
      }).then(
        (r) => r.status,
        () => 'connection lost',
      );
      await importIsWriting(() => server.child.exitCode === null, walBefore);
      await server.kill();
      assert.equal(await upload, 'connection lost', 'the request died with the server');
    } finally {
      await server.kill();
    }

    // The same data directory / database, a new process.
    const again = await startServer(env({ SOCLE_JOBS: '1' }));
    try {
      const agent = new HttpAgent();
      const login = await agent.request(again.base, 'POST', '/api/auth/login', {
        email: manager.email,
        password: manager.password,
      });
      assert.equal(login.status, 200, 'the demo data survived the kill');
      const list = await agent.request(again.base, 'GET', '/api/assets?limit=1');
      assert.equal(list.status, 200);
    } finally {
      assert.equal(await again.stop(), 0, 'graceful stop after the restart');
    }

    await withDb(async (db) => {
      assert.deepEqual(await assetCounts(db), before_, 'not one row of the killed import');
      assert.equal((await verifyAuditChain(db)).firstBreak, null);
      // The queue of the killed process is usable: a job sent now runs to completion.
      const jobs = await startJobs(db, config(), pino({ level: 'silent' }), { pollingIntervalSeconds: 0.5 });
      try {
        const id = await jobs.send('sessions-purge');
        assert.equal((await jobs.waitFor('sessions-purge', id, 60_000)).state, 'completed');
      } finally {
        await jobs.stop();
      }
    });
  });
});
