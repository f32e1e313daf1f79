import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Config } from '../config.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import { migrationsFolder, readJournal } from './migrations.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A drizzle handle: the database itself or a transaction (both drivers). */
export type Tx = PgDatabase<PgQueryResultHKT, Schema>;

/** Who acts in a scoped transaction; carried to the audit trail. */
export interface ScopeContext {
  readonly organisationId: string;
  readonly userId: string | null;
  /** `user`, `token`, `system`, `cli`, `job`. */
  readonly actorKind: string;
  readonly requestId: string | null;
}

/** A transaction running as `socle_app` within one organisation. */
export interface Scope extends ScopeContext {
  readonly tx: Tx;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** Owner access (bypasses tenancy): migrations, bootstrap, CLI, cross-tenant jobs. */
  readonly owner: Tx;
  /** One transaction as `socle_app`, restricted to one organisation by RLS. */
  withOrg<T>(ctx: ScopeContext, fn: (scope: Scope) => Promise<T>): Promise<T>;
  /** One transaction as `socle_app` with no organisation: sees no tenant rows. */
  asApp<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** One transaction as the owner. */
  system<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  migrationStatus(): Promise<{ applied: number; expected: number }>;
  /** pg-boss `db` adapter running on this connection. */
  readonly jobsAdapter: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows of a raw query, whatever the driver. */
export async function rows<T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Becomes `socle_app` for the rest of the transaction, within one organisation: one round trip. */
async function enterApp(tx: Tx, organisationId: string | null): Promise<void> {
  if (organisationId === null) {
    await tx.execute(sql.raw(`SELECT set_config('role', 'socle_app', true)`));
    return;
  }
  if (!UUID.test(organisationId)) throw new Error('organisation id is not a uuid');
  await tx.execute(
    sql`SELECT set_config('role', 'socle_app', true), set_config('app.organisation_id', ${organisationId}, true)`,
  );
}

/**
 * The PGlite extensions the migrations use (`btree_gist`: the bookings'
 * exclusion constraint, migration 0018). PGlite loads extensions when the
 * database is opened, so every `new PGlite` of a Socle database goes
 * through this function.
 */
export const PGLITE_EXTENSIONS = { btree_gist } as const;

export function newPglite(dataDir: string, options: Omit<PGliteOptions, 'extensions'> = {}): PGlite {
  return new PGlite(dataDir, { ...options, extensions: PGLITE_EXTENSIONS });
}

export interface OpenOptions {
  /** Use this PGlite instance (tests load a migrated template into memory). */
  pglite?: PGlite;
}

export async function openDatabase(config: Config, options: OpenOptions = {}): Promise<Database> {
  return config.database.kind === 'postgres'
    ? openPostgres(config.database.url)
    : openPglite(config.database.dataDir, options.pglite);
}

async function openPglite(dataDir: string, existing?: PGlite): Promise<Database> {
  let lock: DataDirLock | null = null;
  let client: PGlite;
  if (existing) {
    client = existing;
  } else {
    lock = acquireDataDirLock(dataDir);
    try {
      client = newPglite(dataDir);
      await client.waitReady;
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  const owner = drizzlePglite(client, { schema }) as unknown as Tx;
  const db: Database = {
    kind: 'pglite',
    owner,
    // PGlite is one session: its transaction() holds an exclusive lock, so
    // transactions are serialised and never interleave. Inside one, use only
    // the transaction handle — a query on the database handle would wait for
    // the transaction that is waiting for it.
    withOrg: (ctx, fn) =>
      owner.transaction(async (tx) => {
        await enterApp(tx, ctx.organisationId);
        return fn({ ...ctx, tx });
      }),
    asApp: (fn) =>
      owner.transaction(async (tx) => {
        await enterApp(tx, null);
        return fn(tx);
      }),
    system: (fn) => owner.transaction((tx) => fn(tx)),
    migrate: async () => {
      await migratePglite(owner as never, { migrationsFolder: migrationsFolder() });
    },
    migrationStatus: () => migrationStatus(owner),
    jobsAdapter: {
      async executeSql(text, values) {
        if (values && values.length > 0) {
          const r = await client.query(text, values);
          return { rows: r.rows };
        }
        // Multi-statement SQL (pg-boss migrations) needs the simple protocol.
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    },
    async close() {
      if (!existing) await client.close();
      lock?.release();
    },
  };
  return db;
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, failover, admin
  // command) is discarded by the pool; it must not crash the process.
  pool.on('error', () => undefined);
  // Fail fast with a clear message when the server is unreachable.
  try {
    const c = await pool.connect();
    c.release();
  } catch (error) {
    await pool.end();
    throw error;
  }
  const owner = drizzlePg(pool, { schema }) as unknown as Tx;
  return {
    kind: 'postgres',
    owner,
    withOrg: (ctx, fn) =>
      owner.transaction(async (tx) => {
        await enterApp(tx, ctx.organisationId);
        return fn({ ...ctx, tx });
      }),
    asApp: (fn) =>
      owner.transaction(async (tx) => {
        await enterApp(tx, null);
        return fn(tx);
      }),
    system: (fn) => owner.transaction((tx) => fn(tx)),
    migrate: async () => {
      // Two instances starting together must not both migrate.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(7274591)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: migrationsFolder() });
      } finally {
        await client.query('SELECT pg_advisory_unlock(7274591)').catch(() => undefined);
        client.release();
      }
    },
    migrationStatus: () => migrationStatus(owner),
    jobsAdapter: {
      async executeSql(text, values) {
        const r = await pool.query(text, values as unknown[] | undefined);
        // A multi-statement query yields one result per statement.
        return Array.isArray(r) ? { rows: (r.at(-1) as pg.QueryResult | undefined)?.rows ?? [] } : { rows: r.rows };
      },
    },
    close: () => pool.end(),
  };
}

async function migrationStatus(owner: Tx): Promise<{ applied: number; expected: number }> {
  const expected = readJournal().entries.length;
  const exists = await rows<{ present: boolean }>(
    owner,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!exists[0]?.present) return { applied: 0, expected };
  const applied = await rows<{ n: number | string }>(
    owner,
    sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
  );
  return { applied: Number(applied[0]?.n ?? 0), expected };
}
