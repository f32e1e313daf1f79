import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  BACKUP_MAGIC,
  BackupError,
  backupDatabase,
  readBackupHeader,
  restoreDatabase,
  tableChecksums,
} from '../../src/server/backup/backup.ts';
import { type Database, openDatabase, rows } from '../../src/server/db/connection.ts';
import { acquireDataDirLock } from '../../src/server/db/lock.ts';
import { engine, testConfig } from '../helpers/db.ts';
import { childEnv, demoDatabase, runCli, scratchDatabase } from './helpers.ts';

/**
 * `socle backup` / `socle restore` on the engine of the run (PGlite, or
 * PostgreSQL through pg_dump/pg_restore when DATABASE_URL is set): a
 * demo-seeded database goes through a round trip into an empty one; every
 * table comes back with the same row count and checksum, and `socle audit
 * verify` still finds the hash chain intact.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-backup-'));
const file = path.join(dir, 'socle.backup');
const source = {
  dataDir: path.join(dir, 'source'),
  url: null as string | null,
  drop: async (): Promise<void> => undefined,
};
const target = {
  dataDir: path.join(dir, 'target'),
  url: null as string | null,
  drop: async (): Promise<void> => undefined,
};

const configOf = (side: typeof source) => testConfig({ SOCLE_DATA_DIR: side.dataDir }, side.url);
const envOf = (side: typeof source) =>
  childEnv(side.url ? { DATABASE_URL: side.url } : { SOCLE_DATA_DIR: side.dataDir });

async function checksumsOf(db: Database) {
  return tableChecksums(async (text) => rows<Record<string, unknown>>(db.owner, sql.raw(text)));
}

let before_: Awaited<ReturnType<typeof tableChecksums>>;

before(async () => {
  if (engine === 'postgres') {
    for (const [side, prefix] of [
      [source, 'socle_bk_src'],
      [target, 'socle_bk_dst'],
    ] as const) {
      const scratch = await scratchDatabase(prefix);
      side.url = scratch.url;
      side.drop = scratch.drop;
    }
  }
  await demoDatabase(source.dataDir, source.url);
  const db = await openDatabase(configOf(source));
  try {
    before_ = await checksumsOf(db);
  } finally {
    await db.close();
  }
});

after(async () => {
  await source.drop();
  await target.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${engine})`, () => {
  it('round-trips a demo database: same rows and checksums in every table, audit chain intact', {
    timeout: 120_000,
  }, async () => {
    const backup = await runCli(['backup', file, '--json'], envOf(source));
    assert.equal(backup.code, 0, backup.stderr);
    const manifest = JSON.parse(backup.stdout) as { engine: string; migrations: number; tables: object };
    assert.equal(manifest.engine, engine);
    assert.ok(manifest.migrations > 0);
    assert.deepEqual(manifest.tables, before_, 'the manifest describes the database as it was');
    assert.ok((before_['public.assets']?.rows ?? 0) > 0, 'the demo has assets');
    assert.ok((before_['public.audit_events']?.rows ?? 0) > 0, 'the demo has audit events');

    // In process (the command is a thin wrapper, seen above for `backup`): one process start less.
    const report = await restoreDatabase(configOf(target), file);
    assert.deepEqual(report.mismatches, []);
    assert.equal(report.tables, Object.keys(before_).length);

    // Checked again here, independently of the command's own verification.
    const db = await openDatabase(configOf(target));
    try {
      assert.deepEqual(await checksumsOf(db), before_);
    } finally {
      await db.close();
    }

    const verify = await runCli(['audit', 'verify', '--json'], envOf(target));
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.equal((JSON.parse(verify.stdout) as { ok: boolean }).ok, true);
  });

  it('refuses a database that is not empty without --force, a newer migration level, and a foreign file', {
    timeout: 60_000,
  }, async () => {
    await assert.rejects(restoreDatabase(configOf(target), file), (e: Error) => {
      assert.ok(e instanceof BackupError);
      assert.match(e.message, /not empty|holds a database/);
      return true;
    });

    const { manifest, offset } = readBackupHeader(file);
    const newer = path.join(dir, 'newer.backup');
    fs.writeFileSync(
      newer,
      Buffer.concat([
        Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify({ ...manifest, migrations: manifest.migrations + 100 })}\n`),
        fs.readFileSync(file).subarray(offset),
      ]),
    );
    await assert.rejects(restoreDatabase(configOf(target), newer, { force: true }), /newer Socle/);

    const foreign = path.join(dir, 'foreign.backup');
    fs.writeFileSync(foreign, 'PGDMP not ours\n');
    await assert.rejects(restoreDatabase(configOf(target), foreign), /not a Socle backup/);

    await assert.rejects(backupDatabase(configOf(source), file), /exists already/);
  });

  it('with --force replaces the database and verifies it', { timeout: 120_000 }, async () => {
    const report = await restoreDatabase(configOf(target), file, { force: true });
    assert.deepEqual(report.mismatches, []);
    if (engine === 'pglite') {
      const kept = fs.readdirSync(target.dataDir).filter((n) => n.startsWith('pglite.before-restore'));
      assert.equal(kept.length, 1, 'the replaced directory is kept aside, not deleted');
    }
  });

  it('PGlite: refuses to back up a directory a running server holds', {
    skip: engine === 'postgres' ? 'PostgreSQL serves many processes: pg_dump takes a consistent snapshot' : false,
    timeout: 30_000,
  }, async () => {
    const lock = acquireDataDirLock(path.join(source.dataDir, 'pglite'));
    try {
      await assert.rejects(backupDatabase(configOf(source), path.join(dir, 'locked.backup')), /already in use/);
    } finally {
      lock.release();
    }
  });
});
