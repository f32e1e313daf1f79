import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { type Database, newPglite, openDatabase } from '../../src/server/db/connection.ts';
import { migrationsFolder } from '../../src/server/db/migrations.ts';

/**
 * Real databases for tests. Creating a PGlite directory costs ~5 s, so a
 * migrated template is made once per migrations version (a tarball in the
 * OS temp dir) and loaded into memory by each test file (~1 s). On
 * PostgreSQL (DATABASE_URL set) each test file gets its own database cloned
 * from a migrated template database.
 */

export const engine: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';

function migrationsHash(): string {
  const dir = migrationsFolder();
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else hash.update(entry.name).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 12);
}

const templateFile = () => path.join(os.tmpdir(), `socle-test-template-${migrationsHash()}.tar`);
const templateDbName = () => `socle_tpl_${migrationsHash()}`;

function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdminClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Builds the template if missing. Idempotent; safe to call from many processes. */
export async function prepareTemplate(): Promise<void> {
  if (engine === 'pglite') {
    const file = templateFile();
    if (fs.existsSync(file)) return;
    const client = newPglite('memory://');
    await client.waitReady;
    const db = await openDatabase(loadConfig({ LOG_LEVEL: 'silent' }), { pglite: client });
    await db.migrate();
    const blob = await client.dumpDataDir('none');
    await client.close();
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file); // atomic: readers never see half a file
    return;
  }
  const name = templateDbName();
  await withAdminClient(async (c) => {
    // One process builds the template; the others wait on the lock.
    await c.query('SELECT pg_advisory_lock(7274592)');
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      const building = `${name}_building`;
      await c.query(`DROP DATABASE IF EXISTS ${building}`);
      await c.query(`CREATE DATABASE ${building}`);
      const db = await openDatabase(loadConfig({ DATABASE_URL: serverUrl(building), LOG_LEVEL: 'silent' }));
      await db.migrate();
      await db.close();
      await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(7274592)');
    }
  });
}

export interface TestDatabase {
  readonly db: Database;
  readonly config: Config;
  /** Connection string of this test's database (PostgreSQL only). */
  readonly url: string | null;
  close(): Promise<void>;
}

export function testConfig(extra: Record<string, string> = {}, url?: string | null): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SOCLE_DEMO: '0',
    SOCLE_JOBS: '0',
    SOCLE_DATA_DIR: path.join(os.tmpdir(), 'socle-test-unused'),
    ...(url ? { DATABASE_URL: url } : {}),
    ...extra,
  });
}

/** A fresh, migrated, empty database for one test file. */
export async function createTestDatabase(extraEnv: Record<string, string> = {}): Promise<TestDatabase> {
  await prepareTemplate();
  if (engine === 'pglite') {
    const client = newPglite('memory://', { loadDataDir: new Blob([fs.readFileSync(templateFile())]) });
    await client.waitReady;
    const config = testConfig(extraEnv);
    const db = await openDatabase(config, { pglite: client });
    return {
      db,
      config,
      url: null,
      close: async () => {
        await db.close();
        await client.close();
      },
    };
  }
  const name = `socle_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${templateDbName()}`);
        return;
      } catch (error) {
        // Another file may be cloning the same template at this instant.
        if (attempt > 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  const url = serverUrl(name);
  const config = testConfig(extraEnv, url);
  const db = await openDatabase(config);
  return {
    db,
    config,
    url,
    close: async () => {
      await db.close();
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
