import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DemoAccount, seedDemo } from '../../src/server/bootstrap.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { type Database, newPglite, openDatabase } from '../../src/server/db/connection.ts';
import { migrationsFolder } from '../../src/server/db/migrations.ts';

/**
 * Real databases for tests. Creating a PGlite directory costs ~5 s, so a
 * migrated template is made once per migrations version (a tarball in the
 * OS temp dir) and loaded into memory by each test file (~1 s). On
 * PostgreSQL (DATABASE_URL set) each test file gets its own database cloned
 * from a migrated template database.
 *
 * The demo (`seedDemo`, 20–30 s on PGlite) is seeded the same way: once per
 * run into a second template (`{ seed: 'demo' }`, or `'demo+loans'` for the
 * demo with its family loans, i.e. seeded with a config), which the test
 * files clone; its accounts (random passwords) are kept beside it.
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

/** Which data a test database starts with: nothing (migrated only), or the demo. */
export type TestSeed = 'none' | 'demo' | 'demo+loans';

/**
 * What the demo seed depends on: the migrations, the server's sources and
 * seed files, and the day (the demo's loans and dates are relative to today).
 */
function demoHash(): string {
  const root = path.resolve(migrationsFolder(), '..');
  const hash = createHash('sha256').update(migrationsHash());
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (!/\.test\.tsx?$/.test(entry.name)) hash.update(p).update(fs.readFileSync(p));
    }
  };
  walk(path.join(root, 'src', 'server'));
  walk(path.join(root, 'src', 'shared'));
  hash.update(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }));
  return hash.digest('hex').slice(0, 12);
}

const demoTag = (seed: Exclude<TestSeed, 'none'>) => (seed === 'demo' ? 'demo' : 'demoloans');

/** Waits for `ready()` while another process builds; takes the lock (a directory) when free or stale. */
async function withFileLock(lockDir: string, ready: () => boolean, build: () => Promise<void>): Promise<void> {
  for (;;) {
    if (ready()) return;
    try {
      fs.mkdirSync(lockDir);
    } catch {
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 10 * 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (!ready()) await build();
    } finally {
      fs.rmSync(lockDir, { recursive: true, force: true });
    }
    return;
  }
}

function writeAtomically(file: string, data: Buffer | string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file); // atomic: readers never see half a file
}

/** The demo template of this run (built by the first file that asks): its name (PGlite: `<tmpdir>/<name>.tar`), its accounts. */
export async function prepareDemoTemplate(
  seed: Exclude<TestSeed, 'none'>,
): Promise<{ name: string; accounts: DemoAccount[] }> {
  await prepareTemplate();
  const name = `socle_${demoTag(seed)}_${demoHash()}`;
  // Per engine: the two templates of one name are seeded apart, each with its own random passwords.
  const accountsFile = path.join(os.tmpdir(), `${name}.${engine}.accounts.json`);
  const seedInto = async (db: Database) => {
    const accounts = await seedDemo(db, seed === 'demo+loans' ? testConfig() : undefined);
    writeAtomically(accountsFile, JSON.stringify(accounts));
  };
  if (engine === 'pglite') {
    const file = path.join(os.tmpdir(), `${name}.tar`);
    await withFileLock(
      `${file}.lock`,
      () => fs.existsSync(file) && fs.existsSync(accountsFile),
      async () => {
        const client = newPglite('memory://', { loadDataDir: new Blob([fs.readFileSync(templateFile())]) });
        await client.waitReady;
        const db = await openDatabase(testConfig(), { pglite: client });
        await seedInto(db);
        const blob = await client.dumpDataDir('none');
        await db.close();
        await client.close();
        writeAtomically(file, Buffer.from(await blob.arrayBuffer()));
      },
    );
  } else {
    await withAdminClient(async (c) => {
      await c.query('SELECT pg_advisory_lock(7274593)');
      try {
        const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount && fs.existsSync(accountsFile)) return;
        const building = `${name}_building`;
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
        await c.query(`DROP DATABASE IF EXISTS ${building}`);
        await cloneDatabase(c, building, templateDbName());
        const db = await openDatabase(testConfig({}, serverUrl(building)));
        await seedInto(db);
        await db.close();
        await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      } finally {
        await c.query('SELECT pg_advisory_unlock(7274593)');
      }
    });
  }
  return { name, accounts: JSON.parse(fs.readFileSync(accountsFile, 'utf8')) as DemoAccount[] };
}

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

/** CREATE DATABASE … TEMPLATE, retried while another file is cloning the same template. */
async function cloneDatabase(c: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      if (attempt > 40 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
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
  /** The demo's accounts when the database starts with the demo (`seed`), else empty. */
  readonly demoAccounts: DemoAccount[];
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

/** A fresh, migrated database for one test file: empty, or with the demo (`seed`). */
export async function createTestDatabase(
  extraEnv: Record<string, string> = {},
  options: { seed?: TestSeed } = {},
): Promise<TestDatabase> {
  await prepareTemplate();
  const demo = options.seed && options.seed !== 'none' ? await prepareDemoTemplate(options.seed) : null;
  const demoAccounts = demo?.accounts ?? [];
  if (engine === 'pglite') {
    const source = demo ? path.join(os.tmpdir(), `${demo.name}.tar`) : templateFile();
    const client = newPglite('memory://', { loadDataDir: new Blob([fs.readFileSync(source)]) });
    await client.waitReady;
    const config = testConfig(extraEnv);
    const db = await openDatabase(config, { pglite: client });
    return {
      db,
      config,
      url: null,
      demoAccounts,
      close: async () => {
        await db.close();
        await client.close();
      },
    };
  }
  const name = `socle_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((c) => cloneDatabase(c, name, demo?.name ?? templateDbName()));
  const url = serverUrl(name);
  const config = testConfig(extraEnv, url);
  const db = await openDatabase(config);
  return {
    db,
    config,
    url,
    demoAccounts,
    close: async () => {
      await db.close();
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
