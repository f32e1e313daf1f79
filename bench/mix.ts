import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { RequestOptions } from 'autocannon';
import pg from 'pg';
import { cli, onCleanup } from './lib.ts';

/**
 * What the mixed-load benchmark (`bench/mixed.ts`) and the soak
 * (`bench/soak.ts`) share: the demo organisation provisioned with the CLI,
 * the ids the requests use, and the mix itself — 80 % reads, 20 % writes —
 * as autocannon requests and as the plain SQL of its raw-SQL floor.
 */

export const TOKEN_OWNER = 'admin@ville-du-mans.example';

/** Ids of the demo the requests address, read from the database before the server starts. */
export interface MixIds {
  organisationId: string;
  userId: string;
  schoolId: string;
  assetId: string;
  modelId: string;
}

/** One request of the mix, in the order every connection sends them (then again). */
export interface MixStep {
  key: string;
  method: 'GET' | 'POST';
  /** Path and query string. */
  path: string;
  /** For writes: a fresh JSON body each time (unique asset tags). */
  body?: () => string;
  /** The same operation as plain SQL, run as `socle_app` with the organisation set (the floor). */
  sql: (n: number) => { text: string; params: unknown[] }[];
}

let sequence = 0;
const unique = () => `${process.pid.toString(36)}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

/**
 * The mix: 10 requests per round, 8 reads (schools list, assets of a school,
 * one asset, dashboard, loans list; the first three twice) and 2 writes
 * (create an asset, open a helpdesk ticket).
 */
export function mixSteps(ids: MixIds): MixStep[] {
  const schools: MixStep = {
    key: 'schools list',
    method: 'GET',
    path: '/api/schools?limit=50',
    sql: () => [
      {
        text: 'SELECT id, uai, name, commune_name, kind FROM schools WHERE closed_on IS NULL ORDER BY name LIMIT 50',
        params: [],
      },
      { text: 'SELECT count(*) FROM schools WHERE closed_on IS NULL', params: [] },
    ],
  };
  const assetsOfSchool: MixStep = {
    key: 'assets of a school',
    method: 'GET',
    path: `/api/assets?schoolId=${ids.schoolId}&limit=50`,
    sql: () => [
      { text: 'SELECT * FROM assets WHERE school_id = $1 ORDER BY tag LIMIT 50', params: [ids.schoolId] },
      { text: 'SELECT count(*) FROM assets WHERE school_id = $1', params: [ids.schoolId] },
    ],
  };
  const asset: MixStep = {
    key: 'one asset',
    method: 'GET',
    path: `/api/assets/${ids.assetId}`,
    sql: () => [{ text: 'SELECT * FROM assets WHERE id = $1', params: [ids.assetId] }],
  };
  const dashboard: MixStep = {
    key: 'dashboard',
    method: 'GET',
    path: '/api/dashboard',
    sql: () => [
      { text: 'SELECT status, count(*) FROM assets GROUP BY status', params: [] },
      { text: "SELECT status, count(*) FROM helpdesk_tickets WHERE status <> 'closed' GROUP BY status", params: [] },
      { text: 'SELECT status, count(*) FROM loans GROUP BY status', params: [] },
    ],
  };
  const loans: MixStep = {
    key: 'loans list',
    method: 'GET',
    path: '/api/loans?limit=50',
    sql: () => [
      { text: 'SELECT * FROM loans ORDER BY allocated_at DESC LIMIT 50', params: [] },
      { text: 'SELECT count(*) FROM loans', params: [] },
    ],
  };
  const createAsset: MixStep = {
    key: 'create an asset',
    method: 'POST',
    path: '/api/assets',
    body: () =>
      JSON.stringify({ tag: `MIX-${unique()}`, modelId: ids.modelId, schoolId: ids.schoolId, notes: 'bench mixed' }),
    sql: () => [
      {
        text: "INSERT INTO assets (organisation_id, tag, model_id, status, school_id, notes) VALUES ($1, $2, $3, 'in_stock', $4, 'bench mixed') RETURNING *",
        params: [ids.organisationId, `MIXSQL-${unique()}`, ids.modelId, ids.schoolId],
      },
    ],
  };
  const createTicket: MixStep = {
    key: 'open a ticket',
    method: 'POST',
    path: '/api/helpdesk/tickets',
    body: () => JSON.stringify({ schoolId: ids.schoolId, category: 'request', title: `Bench ${unique()}` }),
    sql: () => [
      {
        text: "INSERT INTO helpdesk_tickets (organisation_id, school_id, category, title, opened_by) VALUES ($1, $2, 'request', $3, $4) RETURNING *",
        params: [ids.organisationId, ids.schoolId, `Bench SQL ${unique()}`, ids.userId],
      },
    ],
  };
  return [schools, assetsOfSchool, asset, dashboard, loans, schools, assetsOfSchool, asset, createAsset, createTicket];
}

/** The mix as autocannon requests (a write gets a fresh body before each send). */
export function cannonRequests(steps: MixStep[], token: string | null): RequestOptions[] {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return steps.map((s) => {
    if (!s.body) return { method: s.method, path: s.path, headers };
    const body = s.body;
    return {
      method: s.method,
      path: s.path,
      headers: { ...headers, 'content-type': 'application/json' },
      body: body(),
      setupRequest: (req: RequestOptions) => ({ ...req, body: body() }),
    };
  });
}

// ---------------------------------------------------------------- paced load

/** What one paced run saw: the status codes answered and the requests that got no answer. */
export interface PacedResult {
  statusCodes: Record<string, number>;
  errors: number;
}

/** Answers of a paced run that were 2xx; throws unless every request got one (`label` names the run). */
export function paced2xx(label: string, result: PacedResult): number {
  const others = Object.keys(result.statusCodes).filter((code) => !code.startsWith('2'));
  const ok = Object.entries(result.statusCodes).reduce((n, [code, count]) => n + (code.startsWith('2') ? count : 0), 0);
  if (result.errors || others.length || ok === 0)
    throw new Error(
      `${label}: not every response was a 2xx — status codes ${JSON.stringify(result.statusCodes)}, errors ${result.errors}`,
    );
  return ok;
}

/**
 * An open-loop load at a fixed rate, evenly spread: `connections` keep-alive
 * connections (one socket each), connection w sending at t0 + w/rate, then
 * every connections/rate seconds — the schedule of the raw-SQL floor's
 * workers. autocannon's `overallRate` is not used for this: it lets every
 * connection send its quota at the top of each second, so "10 req/s" arrives
 * as a burst of 10 simultaneous requests each second. A connection whose
 * answer comes after its next due time sends at once (latency counts from
 * the actual send, as autocannon's does). Each request takes the next step
 * of the mix, as autocannon's `requests` do per connection.
 */
export async function paced(
  origin: string,
  requests: RequestOptions[],
  opts: { rate: number; connections: number; seconds: number },
  onResponse: (status: number, ms: number) => void,
): Promise<PacedResult> {
  const url = new URL(origin);
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  const interval = (opts.connections * 1000) / opts.rate;
  const send = (agent: http.Agent, r: RequestOptions) =>
    new Promise<number>((resolve, reject) => {
      const body = r.setupRequest ? r.setupRequest(r).body : r.body;
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          agent,
          method: r.method,
          path: r.path,
          headers: { ...r.headers },
          timeout: 30_000,
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: opts.connections }, async (_, w) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      let due = t0 + (w * 1000) / opts.rate;
      try {
        while (true) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          due += interval;
          if (performance.now() >= end) break;
          const r = requests[next++ % requests.length] as RequestOptions;
          const sent = performance.now();
          try {
            const status = await send(agent, r);
            statusCodes[status] = (statusCodes[status] ?? 0) + 1;
            onResponse(status, performance.now() - sent);
          } catch {
            errors++;
          }
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  return { statusCodes, errors };
}

// ---------------------------------------------------------------- provisioning

export interface Provisioned {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  token: string;
}

/**
 * A temporary data directory with the demo organisation (`socle bootstrap`,
 * SOCLE_DEMO=1) and an API token of its administrator, both made with the
 * CLI before any server starts (PGlite opens a directory from one process at a time).
 */
export async function provisionDemo(target: string, databaseUrl: string | null): Promise<Provisioned> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `socle-bench-mixed-${target}-`));
  onCleanup(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SOCLE_DATA_DIR: dataDir,
    SOCLE_DEMO: '1',
    SOCLE_JOBS: '0',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  await cli(['bootstrap'], env);
  const created = JSON.parse(
    await cli(['token', 'create', '--email', TOKEN_OWNER, '--name', 'bench-mixed', '--json'], env),
  ) as { token?: string };
  if (!created.token) throw new Error('socle token create --json printed no token');
  return { dataDir, env, token: created.token };
}

// ---------------------------------------------------------------- owner access

/** The bench's own access to the database as its owner (PGlite: in this process; nothing else may open it). */
export interface Owner {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** One transaction as `socle_app` with the organisation set, as the server's `withOrg` does. */
  asApp(organisationId: string, statements: { text: string; params: unknown[] }[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * On PostgreSQL a pool of `poolSize` connections (the server's pool has 10);
 * on PGlite the one in-process instance (one session, as in the server).
 */
export async function openOwner(databaseUrl: string | null, dataDir: string, poolSize = 10): Promise<Owner> {
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
    return {
      query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
      async asApp(organisationId, statements) {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await c.query('SET LOCAL ROLE socle_app');
          await c.query("SELECT set_config('app.organisation_id', $1, true)", [organisationId]);
          for (const s of statements) await c.query(s.text, s.params);
          await c.query('COMMIT');
        } catch (error) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          c.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const { newPglite } = await import('../src/server/db/connection.ts');
  const client: PGlite = newPglite(path.join(dataDir, 'pglite'));
  await client.waitReady;
  return {
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    async asApp(organisationId, statements) {
      await client.transaction(async (tx) => {
        await tx.query('SET LOCAL ROLE socle_app');
        await tx.query("SELECT set_config('app.organisation_id', $1, true)", [organisationId]);
        for (const s of statements) await tx.query(s.text, s.params);
      });
    },
    close: () => client.close(),
  };
}

/** The demo ids the mix addresses: its organisation, admin, the school with most assets, one of its assets, a model. */
export async function readIds(owner: Owner): Promise<MixIds> {
  const [row] = await owner.query<{
    organisation_id: string;
    school_id: string;
    asset_id: string;
    model_id: string;
  }>(
    `SELECT a.organisation_id, a.school_id, a.id AS asset_id, a.model_id
       FROM assets a
       JOIN (SELECT school_id FROM assets WHERE school_id IS NOT NULL GROUP BY school_id ORDER BY count(*) DESC, school_id LIMIT 1) s
         ON s.school_id = a.school_id
      ORDER BY a.tag LIMIT 1`,
  );
  const [user] = await owner.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [TOKEN_OWNER]);
  if (!row || !user) throw new Error('the demo has no asset in a school, or no administrator');
  return {
    organisationId: row.organisation_id,
    userId: user.id,
    schoolId: row.school_id,
    assetId: row.asset_id,
    modelId: row.model_id,
  };
}

// ---------------------------------------------------------------- server memory

/** Resident set size of a process in KiB (Linux `/proc/<pid>/status`), or null elsewhere. */
export function rssKiB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
