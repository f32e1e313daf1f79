import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import type { Config } from '../config.ts';
import { newPglite } from '../db/connection.ts';
import { acquireDataDirLock } from '../db/lock.ts';
import { readJournal } from '../db/migrations.ts';
import { API_VERSION } from '../version.ts';

/**
 * `socle backup FILE` / `socle restore FILE` (README.md next to this file).
 *
 * A backup file is one line of magic, one line of JSON manifest, then the
 * engine's own payload: the gzipped tarball of the PGlite data directory
 * (`dumpDataDir`) or the output of `pg_dump -Fc`. The manifest carries, per
 * table, the row count and an md5 of its rows' text in a fixed order, taken
 * in the same snapshot as the payload, so a restore can prove it gave back
 * exactly what was saved.
 */

export const BACKUP_MAGIC = 'SOCLE-BACKUP 1';

export interface TableChecksum {
  readonly rows: number;
  readonly md5: string;
}

export interface BackupManifest {
  readonly format: 1;
  readonly socleVersion: string;
  readonly engine: 'pglite' | 'postgres';
  readonly createdAt: string;
  /** Migrations applied in the saved database (drizzle journal entries). */
  readonly migrations: number;
  /** `schema.table` → count and checksum. */
  readonly tables: Readonly<Record<string, TableChecksum>>;
  /** PostgreSQL only: server and pg_dump versions. */
  readonly serverVersion?: string;
  readonly pgDumpVersion?: string;
}

export interface RestoreReport {
  readonly manifest: BackupManifest;
  readonly tables: number;
  readonly rows: number;
  /** Tables whose count or checksum differ after the restore (empty when verified). */
  readonly mismatches: readonly string[];
}

/** Thrown for every refusal (the CLI prints the message, exit code 1). */
export class BackupError extends Error {
  override name = 'BackupError';
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

/**
 * Row count and md5 of every table outside the system schemas. Rows are
 * rendered as text in UTC and sorted byte-wise, so the figure depends on the
 * data only, not on their physical order.
 */
export async function tableChecksums(query: Query): Promise<Record<string, TableChecksum>> {
  await query(`SET TimeZone = 'UTC'`);
  const tables = await query(
    `SELECT schemaname AS s, tablename AS t FROM pg_tables
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg\\_%'
     ORDER BY 1, 2`,
  );
  const out: Record<string, TableChecksum> = {};
  for (const { s, t } of tables as { s: string; t: string }[]) {
    const [r] = await query(
      `SELECT count(*)::text AS n,
              md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text COLLATE "C"), '')) AS h
       FROM ${quoteIdent(s)}.${quoteIdent(t)} x`,
    );
    out[`${s}.${t}`] = { rows: Number(r?.n ?? 0), md5: String(r?.h ?? '') };
  }
  return out;
}

async function migrationLevel(query: Query): Promise<number> {
  const [present] = await query(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS p`);
  if (!present?.p) return 0;
  const [r] = await query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return Number(r?.n ?? 0);
}

export function compareChecksums(
  expected: Readonly<Record<string, TableChecksum>>,
  actual: Readonly<Record<string, TableChecksum>>,
): string[] {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names].sort().filter((n) => expected[n]?.rows !== actual[n]?.rows || expected[n]?.md5 !== actual[n]?.md5);
}

// ---------------------------------------------------------------- file format

async function writeHeader(file: string, manifest: BackupManifest): Promise<fs.WriteStream> {
  const out = fs.createWriteStream(file, { flags: 'wx' });
  await new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', reject);
  });
  out.write(`${BACKUP_MAGIC}\n${JSON.stringify(manifest)}\n`);
  return out;
}

/** The manifest and the byte offset where the payload starts. */
export function readBackupHeader(file: string): { manifest: BackupManifest; offset: number } {
  if (!fs.existsSync(file)) throw new BackupError(`No file ${file}`);
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(4 * 1024 * 1024);
    const n = fs.readSync(fd, chunk, 0, chunk.length, 0);
    const head = chunk.subarray(0, n);
    const first = head.indexOf(0x0a);
    const second = first < 0 ? -1 : head.indexOf(0x0a, first + 1);
    if (first < 0 || second < 0 || head.subarray(0, first).toString('utf8') !== BACKUP_MAGIC) {
      throw new BackupError(`${file} is not a Socle backup`);
    }
    const manifest = JSON.parse(head.subarray(first + 1, second).toString('utf8')) as BackupManifest;
    return { manifest, offset: second + 1 };
  } finally {
    fs.closeSync(fd);
  }
}

function checkLevel(manifest: BackupManifest): void {
  const known = readJournal().entries.length;
  if (manifest.migrations > known) {
    throw new BackupError(
      `The backup comes from a newer Socle (migration level ${manifest.migrations}, this version knows ${known}): upgrade Socle first`,
    );
  }
}

// ---------------------------------------------------------------- PGlite

async function backupPglite(dataDir: string, file: string): Promise<BackupManifest> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupError(`No database in ${dataDir}`);
  // The lock refuses while a server (or another command) has the directory open.
  const lock = acquireDataDirLock(dataDir);
  try {
    const client = newPglite(dataDir);
    await client.waitReady;
    try {
      const query: Query = async (text) => (await client.query<Record<string, unknown>>(text)).rows;
      await client.exec('CHECKPOINT');
      const manifest: BackupManifest = {
        format: 1,
        socleVersion: API_VERSION,
        engine: 'pglite',
        createdAt: new Date().toISOString(),
        migrations: await migrationLevel(query),
        tables: await tableChecksums(query),
      };
      const blob = await client.dumpDataDir('gzip');
      const out = await writeHeader(file, manifest);
      out.write(Buffer.from(await blob.arrayBuffer()));
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      return manifest;
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

async function restorePglite(dataDir: string, file: string, force: boolean): Promise<RestoreReport> {
  const { manifest, offset } = readBackupHeader(file);
  if (manifest.engine !== 'pglite') {
    throw new BackupError('This backup comes from PostgreSQL: restore it with DATABASE_URL set');
  }
  checkLevel(manifest);
  const lock = acquireDataDirLock(dataDir);
  try {
    const occupied = fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0;
    if (occupied) {
      if (!force) throw new BackupError(`${dataDir} holds a database: restore into an empty directory, or use --force`);
      // Kept aside, never deleted: a wrong restore must not lose the database it replaced.
      const aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(dataDir, aside);
      fs.mkdirSync(dataDir, { recursive: true });
    }
    const payload = fs.readFileSync(file).subarray(offset);
    const client = newPglite(dataDir, { loadDataDir: new Blob([payload]) });
    await client.waitReady;
    try {
      const actual = await tableChecksums(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
      return report(manifest, actual);
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

function report(manifest: BackupManifest, actual: Record<string, TableChecksum>): RestoreReport {
  const values = Object.values(actual);
  return {
    manifest,
    tables: values.length,
    rows: values.reduce((sum, t) => sum + t.rows, 0),
    mismatches: compareChecksums(manifest.tables, actual),
  };
}

// ---------------------------------------------------------------- PostgreSQL

function toolMajor(bin: string): number | null {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const m = /(\d+)(?:\.\d+)?/.exec(r.stdout);
  return m ? Number(m[1]) : null;
}

/**
 * `pg_dump`/`pg_restore` of the server's major version (Debian installs them
 * under /usr/lib/postgresql/N/bin), else the one on PATH when it is at least
 * as new as the server (pg_dump refuses older servers' successors).
 */
export function findPgTool(tool: 'pg_dump' | 'pg_restore', serverMajor: number): { bin: string; major: number } {
  const candidates = [path.join('/usr/lib/postgresql', String(serverMajor), 'bin', tool), tool];
  for (const bin of candidates) {
    if (bin.includes('/') && !fs.existsSync(bin)) continue;
    const major = toolMajor(bin);
    if (major !== null && major >= serverMajor) return { bin, major };
  }
  throw new BackupError(
    `${tool} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server and was not found on PATH ` +
      `(on Debian/Ubuntu: apt-get install postgresql-client-${serverMajor})`,
  );
}

async function serverMajor(client: pg.Client): Promise<{ major: number; version: string }> {
  const r = await client.query<{ n: string; v: string }>(
    `SELECT current_setting('server_version_num') AS n, current_setting('server_version') AS v`,
  );
  return { major: Math.floor(Number(r.rows[0]?.n) / 10000), version: String(r.rows[0]?.v) };
}

function waitExit(child: ReturnType<typeof spawn>, what: string, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new BackupError(`${what} could not start: ${error.message}`)));
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${what} failed (exit ${code}): ${stderr().trim()}`)),
    );
  });
}

async function backupPostgres(url: string, file: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const server = await serverMajor(client);
    const dump = findPgTool('pg_dump', server.major);
    // One snapshot for the manifest and the dump: a running server may write meanwhile.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]?.s as string;
    const query: Query = async (text) => (await client.query(text)).rows;
    const manifest: BackupManifest = {
      format: 1,
      socleVersion: API_VERSION,
      engine: 'postgres',
      createdAt: new Date().toISOString(),
      migrations: await migrationLevel(query),
      tables: await tableChecksums(query),
      serverVersion: server.version,
      pgDumpVersion: String(dump.major),
    };
    const out = await writeHeader(file, manifest);
    const child = spawn(dump.bin, ['-Fc', `--snapshot=${snapshot}`, `--dbname=${url}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += String(d);
    });
    try {
      await Promise.all([
        pipeline(child.stdout as NodeJS.ReadableStream, out),
        waitExit(child, 'pg_dump', () => stderr),
      ]);
    } catch (error) {
      fs.rmSync(file, { force: true });
      throw error;
    }
    await client.query('COMMIT');
    return manifest;
  } finally {
    await client.end();
  }
}

async function restorePostgres(url: string, file: string, force: boolean): Promise<RestoreReport> {
  const { manifest, offset } = readBackupHeader(file);
  if (manifest.engine !== 'postgres') {
    throw new BackupError('This backup comes from the embedded database: restore it without DATABASE_URL');
  }
  checkLevel(manifest);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const server = await serverMajor(client);
    const restore = findPgTool('pg_restore', server.major);
    const [present] = (
      await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_tables
         WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg\\_%'`,
      )
    ).rows;
    if ((present?.n ?? 0) > 0) {
      if (!force) throw new BackupError('The database is not empty: restore into an empty database, or use --force');
      await client.query('DROP SCHEMA IF EXISTS pgboss, drizzle CASCADE');
      await client.query('DROP SCHEMA IF EXISTS public CASCADE');
      await client.query('CREATE SCHEMA public');
    }
    // The policies name `socle_app`; a fresh cluster may not have the role yet (migration 0001 does the same).
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'socle_app') THEN
        CREATE ROLE socle_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
      END IF; END $$`);
    const child = spawn(restore.bin, ['--exit-on-error', '--single-transaction', `--dbname=${url}`], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += String(d);
    });
    await Promise.all([
      pipeline(fs.createReadStream(file, { start: offset }), child.stdin as NodeJS.WritableStream),
      waitExit(child, 'pg_restore', () => stderr),
    ]);
    const actual = await tableChecksums(async (text) => (await client.query(text)).rows);
    return report(manifest, actual);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- entry points

/** Writes a backup of the configured database to `file` (which must not exist). */
export async function backupDatabase(config: Config, file: string): Promise<BackupManifest> {
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already: choose a new file name`);
  return config.database.kind === 'postgres'
    ? backupPostgres(config.database.url, file)
    : backupPglite(config.database.dataDir, file);
}

/** Restores `file` into the configured database and verifies every table against the manifest. */
export async function restoreDatabase(config: Config, file: string, options: { force?: boolean } = {}) {
  return config.database.kind === 'postgres'
    ? restorePostgres(config.database.url, file, !!options.force)
    : restorePglite(config.database.dataDir, file, !!options.force);
}
