import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, type Tx } from '../src/server/db/connection.ts';
import * as schema from '../src/server/db/schema.ts';
import type { Actor } from '../src/server/modules/auth/actor.ts';
import { resolveApiToken } from '../src/server/modules/auth/service.ts';
import { AssetListQuerySchema } from '../src/server/modules/inventory/schema.ts';
import { findAssets } from '../src/server/modules/inventory/service.ts';
import { type CsvFile, FIXTURE_VACUUM, fixtureShape, fixtureStatements, writeImportCsv } from './inventory-fixture.ts';
import {
  BENCH,
  cleanupAll,
  cli,
  createPgDatabase,
  DEFAULT_PG_URL,
  distIsStale,
  formatTable,
  freePort,
  gitCommit,
  load1m,
  machine,
  onCleanup,
  packageVersion,
  percentile,
  ROOT,
  round,
  type ServerHow,
  serverArgs,
  serverOptionProblem,
  startChild,
  waitFor200,
  writeResult,
} from './lib.ts';

/**
 * Benchmark `inventory`: a national-scale inventory (by default 1,000,000
 * assets over the 32,091 écoles of the IPS file) generated in the database,
 * then
 *   1. `socle import assets FILE --format socle` of a generated 100,000-row
 *      CSV, in a process of its own: rows/s and peak RSS;
 *   2. GET /api/assets filtered by school and by status under 50 concurrent
 *      connections (autocannon, bearer token), next to the very SQL the
 *      service runs — captured from `findAssets`, replayed in the same
 *      transaction shape (`SET LOCAL ROLE socle_app`, `app.organisation_id`)
 *      by 50 concurrent clients — as the floor; p50/p99 and their ratio;
 * on PostgreSQL and on PGlite. See bench/README.md. Usage:
 *
 *   node --import tsx bench/inventory.ts [--assets 1000000] [--import-rows 100000] [--seed 1]
 */

const ADMIN_EMAIL = 'bench@example.org';
const ADMIN_PASSWORD = 'a-million-devices-in-32091-ecoles';
const DEFAULT_SCHOOLS_FILE = path.resolve(ROOT, '..', 'shared', 'data', 'france_ips_ecoles_2021_2022.csv');
/** Targets of the issue, judged on PostgreSQL. */
const TARGET = { importRowsPerS: 20_000, importRssMiB: 300, listP99Ms: 50, apiOverSql: 2 } as const;

// ---------------------------------------------------------------- options

const USAGE = `Usage: node --import tsx bench/inventory.ts [options]
  --assets <n>         assets generated in the database before measuring (default 1000000)
  --import-rows <n>    rows of the CSV imported with socle import assets (default 100000)
  --seed <n>           seed of the generated inventory and CSV (default 1)
  --targets <list>     comma-separated: pglite,postgres (default both)
  --duration <s>       measured seconds per list query, API and SQL floor alike (default 10)
  --warmup <s>         discarded seconds before each measure, on the same connections (default 2)
  --connections <n>    concurrent connections (API) and clients (SQL floor) (default 50)
  --schools <n>        schools the school-filtered query rotates over (default 100)
  --schools-file <p>   school file imported first (default ../shared/data/france_ips_ecoles_2021_2022.csv)
  --label <name>       result file bench/results/<date>-<label>.json (default inventory-<size>)
  --cli <how>          the measured import runs the CLI bundled from the current sources as an installed
                       Socle runs it (bundle: esbuild → dist/bench-cli/main.js), or bin/socle.mjs, the
                       sources through tsx (source) (default bundle)
  --server <how>       auto (dist/server/main.js when built, else the sources through tsx),
                       source or dist (default auto)
  --pg-url <url>       PostgreSQL admin URL used to create and drop the bench database
                       (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --keep               keep the databases and print where they are (investigation; drop them yourself)
  --help`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      assets: { type: 'string', default: '1000000' },
      'import-rows': { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      targets: { type: 'string', default: 'pglite,postgres' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      schools: { type: 'string', default: '100' },
      'schools-file': { type: 'string', default: DEFAULT_SCHOOLS_FILE },
      label: { type: 'string' },
      cli: { type: 'string', default: 'bundle' },
      server: { type: 'string', default: 'auto' },
      'pg-url': { type: 'string', default: DEFAULT_PG_URL },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const n = Number(raw.replaceAll('_', ''));
    if (!Number.isInteger(n) || n < min || n > max) fail(`--${name} must be an integer in ${min}…${max}, got "${raw}"`);
    return n;
  };
  const targets = values.targets.split(',').map((t) => t.trim());
  for (const t of targets) if (t !== 'pglite' && t !== 'postgres') fail(`unknown target "${t}"; pglite or postgres`);
  const serverProblem = serverOptionProblem(values.server);
  if (serverProblem) fail(serverProblem);
  if (values.cli !== 'bundle' && values.cli !== 'source') fail('--cli must be bundle or source');
  const schoolsFile = path.resolve(values['schools-file']);
  if (!fs.existsSync(schoolsFile)) fail(`no file ${schoolsFile} (--schools-file)`);
  const assets = int('assets', values.assets, 100, 20_000_000);
  const label = values.label ?? `inventory-${sizeLabel(assets)}`;
  if (!/^[a-z0-9-]+$/.test(label)) fail('--label: lower-case letters, digits and dashes only');
  return {
    assets,
    importRows: int('import-rows', values['import-rows'], 1, 5_000_000),
    seed: int('seed', values.seed, 0, 1_000_000),
    targets: targets as ('pglite' | 'postgres')[],
    duration: int('duration', values.duration, 1),
    warmup: int('warmup', values.warmup, 0),
    connections: int('connections', values.connections, 1, 500),
    schools: int('schools', values.schools, 1, 10_000),
    schoolsFile,
    label,
    cli: values.cli as 'bundle' | 'source',
    server: values.server as ServerHow,
    pgUrl: values['pg-url'],
    keep: values.keep,
  };
}

function sizeLabel(n: number): string {
  if (n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

function fail(message: string): never {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

type Options = ReturnType<typeof parseOptions>;
const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (since: number) => round((performance.now() - since) / 1000, 2);

// ---------------------------------------------------------------- owner access (fixture, capture, floor)

/** The bench's own connection to the database, as its owner (PGlite: in this process; nothing else may open it). */
interface Owner {
  readonly kind: 'pglite' | 'postgres';
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** The raw client, for drizzle. */
  readonly client: pg.Client | PGlite;
}

async function openOwner(databaseUrl: string | null, dataDir: string): Promise<Owner> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return {
      kind: 'postgres',
      client,
      query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
      close: () => client.end(),
    };
  }
  const { newPglite } = await import('../src/server/db/connection.ts');
  const client = newPglite(path.join(dataDir, 'pglite'));
  await client.waitReady;
  return {
    kind: 'pglite',
    client,
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
}

// ---------------------------------------------------------------- fixture

interface FixtureRun {
  assets: number;
  carts: number;
  inCarts: number;
  events: number;
  byStatus: Record<string, number>;
  schoolsWithAssets: number;
  /** INSERT … SELECT statements, in one transaction. */
  generateS: number;
  /** VACUUM (ANALYZE) afterwards. */
  vacuumS: number;
  loadAverage1m: number;
}

async function generateFixture(owner: Owner, organisationId: string, opts: Options): Promise<FixtureRun> {
  const loadAverage1m = load1m();
  const started = performance.now();
  await owner.query('BEGIN');
  try {
    for (const statement of fixtureStatements({ organisationId, assets: opts.assets, seed: opts.seed })) {
      await owner.query(statement);
    }
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  const generateS = seconds(started);
  const vacuumStarted = performance.now();
  await owner.query(FIXTURE_VACUUM);
  const vacuumS = seconds(vacuumStarted);
  const statuses = await owner.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM assets GROUP BY status ORDER BY status',
  );
  const [counts] = await owner.query<{ events: number; schools: number }>(
    `SELECT (SELECT count(*)::int FROM asset_events) AS events,
            (SELECT count(DISTINCT school_id)::int FROM assets) AS schools`,
  );
  const byStatus = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  if (total !== opts.assets) throw new Error(`fixture: ${total} assets generated, ${opts.assets} asked`);
  const shape = fixtureShape(opts.assets);
  return {
    assets: total,
    carts: shape.carts,
    inCarts: shape.inCarts,
    events: Number(counts?.events ?? 0),
    byStatus,
    schoolsWithAssets: Number(counts?.schools ?? 0),
    generateS,
    vacuumS,
    loadAverage1m,
  };
}

// ---------------------------------------------------------------- the measured import

interface CliAssetReport {
  format: string;
  rowsRead: number;
  valid: number;
  created: number;
  rejectedCount: number;
  written: boolean;
  /** Seconds the CLI measured: the import transaction and the ANALYZE after it. */
  seconds: number;
}

interface ImportRun {
  /** The CLI entry: the esbuild bundle (as installed) or bin/socle.mjs (the sources through tsx). */
  cli: string;
  rowsRead: number;
  created: number;
  rejected: number;
  /** Spawn to exit of the import process: Node start, migration check, import. */
  wallS: number;
  /** The CLI's own `seconds`: the import transaction and the ANALYZE after it. */
  importS: number;
  rowsPerS: { import: number; wall: number };
  /** Peak resident set size of the import process (PGlite included; a PostgreSQL server is a process apart). */
  peakRssMiB: number;
  /** Peak RSS of `socle migrate` by the same entry on the same database: the CLI at rest. */
  atRestRssMiB: number;
  loadAverage1m: number;
}

const GNU_TIME = '/usr/bin/time';
const rssMethod: 'gnu-time' | 'preload' =
  fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', '-o', os.devNull, 'true']).status === 0
    ? 'gnu-time'
    : 'preload';

/** Where `--cli bundle` builds the CLI (dist/ is ignored by git; migrations/ is found above it). */
const BENCH_CLI = 'dist/bench-cli/main.js';

/**
 * The CLI as an installed Socle runs it: src/cli/main.ts bundled by esbuild
 * with the options of scripts/build.mjs (dependencies external), from the
 * current sources — dist/cli/main.js may be older than them.
 */
async function bundleCli(): Promise<string> {
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir: path.dirname(BENCH_CLI),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return BENCH_CLI;
}

/** Runs the CLI in a process of its own; wall time and peak RSS. */
async function measuredCli(
  entry: string,
  cliArgs: string[],
  env: NodeJS.ProcessEnv,
  rssFile: string,
): Promise<{ stdout: string; wallS: number; peakRssMiB: number }> {
  const [command, args, childEnv] =
    rssMethod === 'gnu-time'
      ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, entry, ...cliArgs], env]
      : [
          process.execPath,
          ['--import', pathToFileURL(path.join(BENCH, 'maxrss.mjs')).href, entry, ...cliArgs],
          { ...env, BENCH_MAXRSS_FILE: rssFile },
        ];
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const proc = spawn(command, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      proc.stdout.on('data', (c: Buffer) => out.push(c));
      proc.stderr.on('data', (c: Buffer) => err.push(c));
      proc.once('error', reject);
      proc.once('close', (exitCode) =>
        resolve({ code: exitCode, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
      );
    },
  );
  const wallS = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`socle ${cliArgs.join(' ')} exited with ${code}:\n${stdout.slice(0, 4000)}${stderr}`);
  const rssKiB = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
  if (!Number.isFinite(rssKiB) || rssKiB <= 0) throw new Error(`no peak RSS for socle ${cliArgs[0]} (${rssMethod})`);
  return { stdout, wallS, peakRssMiB: round(rssKiB / 1024, 1) };
}

async function timedImport(entry: string, file: string, env: NodeJS.ProcessEnv, scratch: string): Promise<ImportRun> {
  // The CLI at rest: the same process opening the database and checking the migrations, importing nothing.
  const atRest = await measuredCli(entry, ['migrate'], env, path.join(scratch, 'maxrss-migrate'));
  const loadAverage1m = load1m();
  const run = await measuredCli(
    entry,
    ['import', 'assets', file, '--format', 'socle', '--json'],
    env,
    path.join(scratch, 'maxrss-import'),
  );
  let report: CliAssetReport;
  try {
    report = JSON.parse(run.stdout) as CliAssetReport;
  } catch {
    throw new Error(`socle import assets printed no JSON report:\n${run.stdout.slice(0, 4000)}`);
  }
  return {
    cli: `node ${entry}`,
    rowsRead: report.rowsRead,
    created: report.created,
    rejected: report.rejectedCount,
    wallS: round(run.wallS, 3),
    importS: round(report.seconds, 3),
    rowsPerS: { import: Math.round(report.created / report.seconds), wall: Math.round(report.created / run.wallS) },
    peakRssMiB: run.peakRssMiB,
    atRestRssMiB: atRest.peakRssMiB,
    loadAverage1m,
  };
}

// ---------------------------------------------------------------- list queries

interface ListQuery {
  key: string;
  label: string;
  /** Query strings of GET /api/assets; the measure cycles through them. */
  queries: Record<string, string>[];
}

function listQueries(schoolIds: string[]): ListQuery[] {
  return [
    {
      key: 'school',
      label: `by school (${schoolIds.length} schools in turn)`,
      queries: schoolIds.map((schoolId) => ({ schoolId })),
    },
    { key: 'status-in-repair', label: 'status=in_repair', queries: [{ status: 'in_repair' }] },
    { key: 'status-deployed', label: 'status=deployed', queries: [{ status: 'deployed' }] },
    {
      key: 'school-status',
      label: 'by school, status=deployed',
      queries: schoolIds.map((schoolId) => ({ schoolId, status: 'deployed' })),
    },
  ];
}

const apiPath = (q: Record<string, string>) => `/api/assets?${new URLSearchParams(q).toString()}`;

interface Statement {
  text: string;
  params: unknown[];
}

/** What the service ran for one query string, and what it answered. */
interface Captured {
  path: string;
  statements: Statement[];
  total: number;
  tags: string[];
}

/**
 * Runs `findAssets` once, the way the route does (the query string parsed by
 * the route's schema, in a transaction as `socle_app` with the actor's
 * organisation), on a drizzle instance that records every statement it sends.
 */
async function captureServiceSql(owner: Owner, actor: Actor, query: Record<string, string>): Promise<Captured> {
  const statements: Statement[] = [];
  let recording = false;
  const logger = {
    logQuery(text: string, params: unknown[]) {
      if (recording) statements.push({ text, params: [...params] });
    },
  };
  const d = (owner.kind === 'postgres'
    ? drizzlePg(owner.client as pg.Client, { schema, logger })
    : drizzlePglite(owner.client as PGlite, { schema, logger })) as unknown as Tx;
  const parsed = AssetListQuerySchema.parse(query);
  const result = await d.transaction(async (tx) => {
    // What connection.ts's withOrg does before handing the transaction to a service.
    await tx.execute(sql.raw('SET LOCAL ROLE socle_app'));
    await tx.execute(sql`SELECT set_config('app.organisation_id', ${actor.organisationId}, true)`);
    recording = true;
    try {
      return await findAssets(
        { tx, organisationId: actor.organisationId, userId: actor.userId, actorKind: 'token', requestId: null },
        actor,
        parsed,
      );
    } finally {
      recording = false;
    }
  });
  return { path: apiPath(query), statements, total: result.total, tags: result.items.map((i) => i.tag) };
}

/** The transaction the floor replays: the role setup, then the captured statements. */
function floorTransaction(organisationId: string, captured: Captured): Statement[] {
  return [
    { text: 'SET LOCAL ROLE socle_app', params: [] },
    { text: "SELECT set_config('app.organisation_id', $1, true)", params: [organisationId] },
    ...captured.statements,
  ];
}

/** EXPLAIN (ANALYZE, BUFFERS) of each captured statement, in the same transaction shape. */
async function explain(owner: Owner, organisationId: string, captured: Captured): Promise<string[][]> {
  const plans: string[][] = [];
  await owner.query('BEGIN');
  try {
    await owner.query('SET LOCAL ROLE socle_app');
    await owner.query("SELECT set_config('app.organisation_id', $1, true)", [organisationId]);
    for (const s of captured.statements) {
      const rows = await owner.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.params);
      plans.push(rows.map((r) => r['QUERY PLAN']));
    }
  } finally {
    await owner.query('ROLLBACK');
  }
  return plans;
}

// ---------------------------------------------------------------- load

interface LoadFigures {
  via: 'api' | 'sql';
  connections: number;
  warmupS: number;
  durationS: number;
  /** Answers completed in the measured window, per second. */
  reqPerSec: number;
  /** Answers completed in the measured window (the latency samples). */
  requests: number;
  ms: { mean: number; p50: number; p90: number; p99: number; max: number };
  /**
   * connections ÷ req/s (Little's law): the mean latency a closed loop must
   * show. A measured mean well below it means some requests waited longer
   * than the window and are missing from the samples (unfair queueing).
   */
  littleMeanMs: number;
  /**
   * Requests still unanswered when the window closed (in a closed loop, one per
   * connection), and how long the oldest had waited then: a wait longer than
   * the window means a connection starved.
   */
  unanswered: { count: number; oldestMs: number };
  /** API: requests given up after autocannon's 30 s timeout (not in the samples). */
  timeouts: number;
  loadAverage1m: number;
}

/** Measured window: after `warmup` seconds, `duration` seconds long. */
function windowOf(opts: Options) {
  const start = performance.now() + opts.warmup * 1000;
  return { start, end: start + opts.duration * 1000 };
}

function figures(
  via: LoadFigures['via'],
  latencies: number[],
  unanswered: number[],
  opts: Options,
  loadAverage1m: number,
): LoadFigures {
  const sorted = Float64Array.from(latencies).sort();
  const reqPerSec = latencies.length / opts.duration;
  return {
    via,
    connections: opts.connections,
    warmupS: opts.warmup,
    durationS: opts.duration,
    reqPerSec: round(reqPerSec, 1),
    requests: latencies.length,
    ms: {
      mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? Number.NaN),
    },
    littleMeanMs: round((opts.connections / reqPerSec) * 1000),
    unanswered: { count: unanswered.length, oldestMs: round(Math.max(0, ...unanswered)) },
    timeouts: 0,
    loadAverage1m,
  };
}

/**
 * The API under load: autocannon, `connections` keep-alive connections, each
 * request taking the next query string in turn. Warm-up then measure on the
 * same connections. Every answer completed in the window is a sample, whenever
 * it was sent; the requests still waiting when the window closes are counted
 * apart (`unanswered`).
 */
async function loadApi(origin: string, token: string, q: ListQuery, opts: Options): Promise<LoadFigures> {
  const paths = q.queries.map(apiPath);
  let next = 0;
  const latencies: number[] = [];
  const loadAverage1m = load1m();
  const started = performance.now();
  const window = windowOf(opts);
  // Closed loop: a connection sends its next request as soon as an answer comes.
  const lastAnswer = new Map<unknown, number>();
  const instance = autocannon({
    url: origin,
    headers: { authorization: `Bearer ${token}` },
    connections: opts.connections,
    pipelining: 1,
    duration: opts.warmup + opts.duration,
    timeout: 30,
    requests: [
      {
        method: 'GET',
        path: paths[0] ?? '/',
        setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] ?? '/' }),
      },
    ],
  });
  instance.on('response', (client: unknown, status: number, _bytes: number, ms: number) => {
    const now = performance.now();
    if (status !== 200 || now > window.end) return;
    lastAnswer.set(client, now);
    if (now >= window.start) latencies.push(ms);
  });
  const result = await instance;
  const others = Object.keys(result.statusCodeStats).filter((code) => code !== '200');
  // A request unanswered after 30 s is a figure (a very slow list), anything else a failure.
  if (result.non2xx || result.errors > result.timeouts || others.length) {
    throw new Error(
      `autocannon ${q.key}: not every response was a 200 — ${JSON.stringify(result.statusCodeStats)}, ` +
        `errors ${result.errors}, timeouts ${result.timeouts}`,
    );
  }
  const unanswered = [...lastAnswer.values()].map((t) => window.end - t);
  for (let i = lastAnswer.size; i < opts.connections; i++) unanswered.push(window.end - started);
  return { ...figures('api', latencies, unanswered, opts, loadAverage1m), timeouts: result.timeouts };
}

/** A closed loop of `workers` concurrent callers, measured like `loadApi`. */
async function closedLoop(
  workers: number,
  opts: Options,
  run: (worker: number) => Promise<void>,
): Promise<{ latencies: number[]; unanswered: number[] }> {
  const latencies: number[] = [];
  const unanswered: number[] = [];
  const window = windowOf(opts);
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < window.end) {
        const sent = performance.now();
        await run(w);
        const done = performance.now();
        if (done > window.end) unanswered.push(window.end - sent);
        else if (done >= window.start) latencies.push(done - sent);
      }
    }),
  );
  return { latencies, unanswered };
}

/**
 * The floor: the captured transactions replayed straight on the database by
 * `connections` concurrent clients — `pg` clients on PostgreSQL; on PGlite,
 * concurrent callers of the one in-process instance (PGlite is one session,
 * which is what the server has too).
 */
async function loadSql(
  owner: Owner,
  databaseUrl: string | null,
  transactions: Statement[][],
  opts: Options,
): Promise<LoadFigures> {
  let next = 0;
  const loadAverage1m = load1m();
  if (databaseUrl) {
    const clients = await Promise.all(
      Array.from({ length: opts.connections }, async () => {
        const c = new pg.Client({ connectionString: databaseUrl });
        await c.connect();
        return c;
      }),
    );
    try {
      const { latencies, unanswered } = await closedLoop(opts.connections, opts, async (w) => {
        const c = clients[w] as pg.Client;
        const statements = transactions[next++ % transactions.length] ?? [];
        await c.query('BEGIN');
        try {
          for (const s of statements) await c.query(s.text, s.params);
          await c.query('COMMIT');
        } catch (error) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
      return figures('sql', latencies, unanswered, opts, loadAverage1m);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  }
  const db = owner.client as PGlite;
  const { latencies, unanswered } = await closedLoop(opts.connections, opts, async () => {
    const statements = transactions[next++ % transactions.length] ?? [];
    await db.transaction(async (tx) => {
      for (const s of statements) await tx.query(s.text, s.params);
    });
  });
  return figures('sql', latencies, unanswered, opts, loadAverage1m);
}

// ---------------------------------------------------------------- targets

interface QueryRun {
  key: string;
  label: string;
  /** First query string, and how many the measure cycles through. */
  example: string;
  variants: number;
  /** `total` and items of the first query string (the API's answer equals the floor's). */
  total: number;
  items: number;
  bytes: number;
  statements: Statement[];
  plans: string[][];
  sql: LoadFigures;
  api: LoadFigures;
  ratio: { p50: number; p99: number; reqPerSec: number };
}

interface TargetRun {
  target: 'pglite' | 'postgres';
  database: string;
  schoolsImport: { schools: number; wallS: number };
  fixture: FixtureRun;
  csv: CsvFile;
  import: ImportRun;
  /** Size of the PGlite data directory, or of the PostgreSQL database, after the import. */
  databaseMiB: number;
  queries: QueryRun[];
  /** Peak RSS of the server process at the end of the run (Linux), MiB. */
  serverPeakRssMiB: number | null;
  loadAverage1m: { end: number };
}

function peakRssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024, 1) : null;
  } catch {
    return null;
  }
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

async function runTarget(
  target: 'pglite' | 'postgres',
  databaseUrl: string | null,
  opts: Options,
  cliEntry: string,
): Promise<TargetRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `socle-bench-inventory-${target}-`));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-bench-inventory-scratch-'));
  onCleanup(async () => {
    if (!opts.keep) fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  if (opts.keep) log(`  ${target}: --keep: data directory ${dataDir}${databaseUrl ? `, database ${databaseUrl}` : ''}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SOCLE_DATA_DIR: dataDir,
    SOCLE_DEMO: '0',
    SOCLE_ADMIN_EMAIL: ADMIN_EMAIL,
    SOCLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SOCLE_ORGANISATION_NAME: 'Bench',
    SOCLE_JOBS: '0',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;

  log(`  ${target}: bootstrap, then the schools of ${path.basename(opts.schoolsFile)}…`);
  await cli(['bootstrap'], env);
  const schoolsStarted = performance.now();
  const schoolsReport = JSON.parse(
    await cli(['import', 'schools', opts.schoolsFile, '--all-communes', '--json'], env),
  ) as { created: number };
  const schoolsImport = { schools: schoolsReport.created, wallS: seconds(schoolsStarted) };
  log(`  ${target}: ${schoolsImport.schools} schools in ${schoolsImport.wallS} s`);

  // Fixture and CSV through the bench's own connection (PGlite: nothing else has the directory open).
  let owner = await openOwner(databaseUrl, dataDir);
  let fixture: FixtureRun;
  let csv: CsvFile;
  try {
    const [org] = await owner.query<{ id: string }>("SELECT id FROM organisations WHERE slug = 'bench'");
    if (!org) throw new Error('no organisation "bench" after bootstrap');
    log(`  ${target}: generating ${opts.assets.toLocaleString('en')} assets (seed ${opts.seed}, load ${load1m()})…`);
    fixture = await generateFixture(owner, org.id, opts);
    log(
      `  ${target}: fixture in ${fixture.generateS} s + VACUUM ANALYZE ${fixture.vacuumS} s — ` +
        `${fixture.schoolsWithAssets} schools with assets, ${fixture.events} events`,
    );
    csv = await writeImportCsv(owner, path.join(scratch, 'assets.csv'), opts.importRows, opts.seed);
  } finally {
    await owner.close();
  }

  log(
    `  ${target}: socle import assets (${opts.importRows.toLocaleString('en')} rows, ` +
      `${(csv.bytes / 2 ** 20).toFixed(1)} MiB; measured process, load ${load1m()})…`,
  );
  const imported = await timedImport(cliEntry, csv.path, env, scratch);
  log(
    `  ${target}: created ${imported.created} in ${imported.importS} s (${imported.rowsPerS.import} rows/s), ` +
      `wall ${imported.wallS} s (${imported.rowsPerS.wall} rows/s), peak RSS ${imported.peakRssMiB} MiB`,
  );
  if (imported.created !== opts.importRows || imported.rejected !== 0) {
    throw new Error(`import: created ${imported.created} of ${opts.importRows} rows, ${imported.rejected} rejected`);
  }

  const created = JSON.parse(
    await cli(['token', 'create', '--email', ADMIN_EMAIL, '--name', 'bench', '--json'], env),
  ) as { token?: string };
  if (!created.token) throw new Error('socle token create --json printed no token');
  const token = created.token;

  // Capture the service's SQL, measure the floor and explain, before the server opens the database.
  owner = await openOwner(databaseUrl, dataDir);
  const runs: (Omit<QueryRun, 'api' | 'ratio'> & { query: ListQuery; captured: Captured[] })[] = [];
  let databaseMiB: number;
  let organisationId: string;
  try {
    const db = await openDatabase(loadConfig(env), owner.kind === 'pglite' ? { pglite: owner.client as PGlite } : {});
    let actor: Actor | null;
    try {
      actor = await resolveApiToken(db, loadConfig(env), token);
    } finally {
      await db.close();
    }
    if (!actor) throw new Error('the bench token resolves to no actor');
    organisationId = actor.organisationId;
    // Schools with assets, chosen by the seed and their UAI: the same schools on both engines.
    const schools = await owner.query<{ id: string }>(
      `SELECT s.id FROM schools s WHERE EXISTS (SELECT 1 FROM assets a WHERE a.school_id = s.id)
        ORDER BY md5(s.uai || $1) LIMIT $2`,
      [String(opts.seed), opts.schools],
    );
    for (const q of listQueries(schools.map((s) => s.id))) {
      const captured: Captured[] = [];
      for (const query of q.queries) captured.push(await captureServiceSql(owner, actor, query));
      const first = captured[0] as Captured;
      const plans = await explain(owner, organisationId, first);
      log(`  ${target}: ${q.label} — SQL floor, ${opts.connections} clients (load ${load1m()})…`);
      const floor = await loadSql(
        owner,
        databaseUrl,
        captured.map((c) => floorTransaction(organisationId, c)),
        opts,
      );
      log(`    ${floor.reqPerSec} tx/s, p50 ${floor.ms.p50} ms, p99 ${floor.ms.p99} ms`);
      runs.push({
        key: q.key,
        label: q.label,
        example: first.path,
        variants: captured.length,
        total: first.total,
        items: first.tags.length,
        bytes: 0,
        statements: first.statements,
        plans,
        sql: floor,
        query: q,
        captured,
      });
    }
    if (databaseUrl) {
      const [size] = await owner.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
      databaseMiB = round(Number(size?.n ?? 0) / 2 ** 20, 1);
    } else {
      databaseMiB = round(directoryBytes(dataDir) / 2 ** 20, 1);
    }
  } finally {
    await owner.close();
  }

  const port = await freePort();
  const server = startChild(`socle server (${target})`, serverArgs(opts.server), { ...env, PORT: String(port) });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor200(server, `${origin}/api/ready`, {}, 180_000);
  const headers = { authorization: `Bearer ${token}` };

  const queries: QueryRun[] = [];
  for (const r of runs) {
    // The API answers what the captured SQL answered (first few query strings).
    const { query, captured, ...run } = r;
    for (const c of captured.slice(0, 5)) {
      const res = await fetch(`${origin}${c.path}`, { headers });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`GET ${c.path} answered ${res.status}: ${text.slice(0, 500)}`);
      const body = JSON.parse(text) as { total: number; items: { tag: string }[] };
      if (body.total !== c.total || body.items.map((i) => i.tag).join() !== c.tags.join()) {
        throw new Error(`GET ${c.path}: the API and the captured SQL disagree (total ${body.total} vs ${c.total})`);
      }
      if (c === captured[0]) run.bytes = Buffer.byteLength(text);
    }
    log(`  ${target}: ${r.label} — API, ${opts.connections} connections (load ${load1m()})…`);
    const api = await loadApi(origin, token, query, opts);
    log(`    ${api.reqPerSec} req/s, p50 ${api.ms.p50} ms, p99 ${api.ms.p99} ms`);
    queries.push({
      ...run,
      api,
      ratio: {
        p50: round(api.ms.p50 / run.sql.ms.p50),
        p99: round(api.ms.p99 / run.sql.ms.p99),
        reqPerSec: round(api.reqPerSec / run.sql.reqPerSec),
      },
    });
  }
  const serverPeakRssMiB = peakRssOf(server.proc.pid);
  await server.stop();

  return {
    target,
    database: target === 'pglite' ? 'PGlite (embedded, in the CLI or server process)' : 'PostgreSQL (loopback TCP)',
    schoolsImport,
    fixture,
    csv: { ...csv, path: path.basename(csv.path) },
    import: imported,
    databaseMiB,
    queries,
    serverPeakRssMiB,
    loadAverage1m: { end: load1m() },
  };
}

// ---------------------------------------------------------------- report

function fixtureTable(runs: TargetRun[]): string {
  const rows = [['fixture', 'assets', 'events', 'schools with assets', 'generate s', 'vacuum analyze s', 'load 1m']];
  for (const r of runs) {
    const f = r.fixture;
    rows.push([
      r.target,
      String(f.assets),
      String(f.events),
      String(f.schoolsWithAssets),
      f.generateS.toFixed(1),
      f.vacuumS.toFixed(1),
      f.loadAverage1m.toFixed(2),
    ]);
  }
  return formatTable(rows);
}

function importTable(runs: TargetRun[]): string {
  const rows = [
    [
      'import',
      'rows',
      'created',
      'import s',
      'rows/s',
      'wall s',
      'rows/s wall',
      'peak RSS MiB',
      'at rest MiB',
      'load 1m',
    ],
  ];
  for (const r of runs) {
    const i = r.import;
    rows.push([
      r.target,
      String(i.rowsRead),
      String(i.created),
      i.importS.toFixed(2),
      String(i.rowsPerS.import),
      i.wallS.toFixed(2),
      String(i.rowsPerS.wall),
      i.peakRssMiB.toFixed(0),
      i.atRestRssMiB.toFixed(0),
      i.loadAverage1m.toFixed(2),
    ]);
  }
  return formatTable(rows);
}

/** A figure for the tables; '—' when there is none (no answer in the window). */
const num = (n: number | null, digits: number) => (n === null || !Number.isFinite(n) ? '—' : n.toFixed(digits));

function listTable(runs: TargetRun[]): string {
  const rows = [
    [
      'GET /api/assets',
      'target',
      'via',
      'total',
      'req/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'mean / Little ms',
      'oldest wait ms',
      'p50 ×',
      'p99 ×',
      'load 1m',
    ],
  ];
  const keys = runs[0]?.queries.map((q) => q.key) ?? [];
  for (const key of keys) {
    for (const r of runs) {
      const q = r.queries.find((x) => x.key === key);
      if (!q) continue;
      for (const f of [q.sql, q.api]) {
        rows.push([
          q.label,
          r.target,
          f.via === 'api' ? 'API' : 'SQL floor',
          String(q.total),
          num(f.reqPerSec, 1),
          num(f.ms.p50, 2),
          num(f.ms.p99, 2),
          num(f.ms.max, 2),
          `${num(f.ms.mean, 0)} / ${num(f.littleMeanMs, 0)}`,
          `${num(f.unanswered.oldestMs, 0)}${f.timeouts ? ` (+${f.timeouts} timed out)` : ''}`,
          f.via === 'api' ? num(q.ratio.p50, 2) : '',
          f.via === 'api' ? num(q.ratio.p99, 2) : '',
          f.loadAverage1m.toFixed(2),
        ]);
      }
    }
  }
  return formatTable(rows);
}

function verdicts(runs: TargetRun[]) {
  const pgRun = runs.find((r) => r.target === 'postgres');
  if (!pgRun) return null;
  const i = pgRun.import;
  const worstP99 = [...pgRun.queries].sort((a, b) => b.api.ms.p99 - a.api.ms.p99)[0];
  const worstRatio = [...pgRun.queries].sort(
    (a, b) => Math.max(b.ratio.p50, b.ratio.p99) - Math.max(a.ratio.p50, a.ratio.p99),
  )[0];
  return {
    importRowsPerS: {
      target: TARGET.importRowsPerS,
      import: i.rowsPerS.import,
      wall: i.rowsPerS.wall,
      metOnImport: i.rowsPerS.import >= TARGET.importRowsPerS,
      metOnWall: i.rowsPerS.wall >= TARGET.importRowsPerS,
    },
    importPeakRssMiB: { target: TARGET.importRssMiB, value: i.peakRssMiB, met: i.peakRssMiB < TARGET.importRssMiB },
    listP99Ms: {
      target: TARGET.listP99Ms,
      worst: worstP99 ? { query: worstP99.key, p99: worstP99.api.ms.p99 } : null,
      queriesOver: pgRun.queries.filter((q) => q.api.ms.p99 >= TARGET.listP99Ms).map((q) => q.key),
      met: pgRun.queries.every((q) => q.api.ms.p99 < TARGET.listP99Ms),
    },
    apiOverSql: {
      target: TARGET.apiOverSql,
      worst: worstRatio ? { query: worstRatio.key, p50: worstRatio.ratio.p50, p99: worstRatio.ratio.p99 } : null,
      queriesOver: pgRun.queries
        .filter((q) => q.ratio.p50 > TARGET.apiOverSql || q.ratio.p99 > TARGET.apiOverSql)
        .map((q) => q.key),
      met: pgRun.queries.every((q) => q.ratio.p50 <= TARGET.apiOverSql && q.ratio.p99 <= TARGET.apiOverSql),
    },
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const opts = parseOptions();
  const facts = machine();
  const serverEntry = serverArgs(opts.server).join(' ');
  const distStale = distIsStale(opts.server);
  log(
    `bench inventory: ${opts.assets.toLocaleString('en')} assets, import of ${opts.importRows.toLocaleString('en')} ` +
      `rows, seed ${opts.seed}; ${opts.connections} connections, ${opts.warmup} s + ${opts.duration} s per measure; ` +
      `node ${facts.node}, ${facts.cpuModel} × ${facts.cores}; server: node ${serverEntry}; peak RSS by ${rssMethod}`,
  );
  if ((facts.loadAverageAtStart['1m'] ?? 0) > facts.cores / 2) {
    log(
      `  WARNING: the machine is busy (load ${facts.loadAverageAtStart['1m']} on ${facts.cores} cores): noisy figures`,
    );
  }
  if (distStale) log(`  WARNING: ${serverEntry} is older than src/ — run npm run build, or pass --server source`);

  const cliEntry = opts.cli === 'bundle' ? await bundleCli() : 'bin/socle.mjs';
  const runs: TargetRun[] = [];
  const skipped: { target: string; reason: string }[] = [];
  let postgresVersion: string | null = null;
  for (const target of opts.targets) {
    let databaseUrl: string | null = null;
    if (target === 'postgres') {
      const db = await createPgDatabase(opts.pgUrl, 'socle_bench_inventory', !opts.keep);
      if ('skipped' in db) {
        log(`  postgres: SKIPPED — ${db.skipped}`);
        skipped.push({ target, reason: db.skipped });
        continue;
      }
      databaseUrl = db.url;
      postgresVersion = db.serverVersion;
    }
    runs.push(await runTarget(target, databaseUrl, opts, cliEntry));
    await cleanupAll();
  }
  if (runs.length === 0) throw new Error('nothing measured; no result file written');
  const [first, second] = runs;
  if (first && second && first.csv.sha256 !== second.csv.sha256) {
    log('  WARNING: the two targets imported different CSV files (school list or catalogue differ)');
  }

  const date = new Date();
  const checks = verdicts(runs);
  const report = {
    benchmark: opts.label,
    description:
      'a national inventory generated in the database; socle import assets of a generated CSV (rows/s, peak RSS); ' +
      'GET /api/assets by school and by status under concurrent connections, next to the SQL the service runs ' +
      'replayed by as many concurrent clients (the floor), on PGlite and PostgreSQL',
    date: date.toISOString(),
    git: await gitCommit(),
    machine: { ...facts, loadAverageAtEnd: load1m() },
    settings: {
      assets: opts.assets,
      importRows: opts.importRows,
      seed: opts.seed,
      schoolsFile: path.basename(opts.schoolsFile),
      connections: opts.connections,
      warmupS: opts.warmup,
      durationS: opts.duration,
      schoolsRotated: opts.schools,
      importCommand: `node ${cliEntry} import assets FILE --format socle --json (${
        opts.cli === 'bundle' ? 'the CLI bundled by esbuild from the current sources' : 'the sources through tsx'
      }); before it, node ${cliEntry} migrate for the CLI at rest`,
      peakRssMethod: rssMethod === 'gnu-time' ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS at exit',
      serverEntry: `node ${serverEntry}`,
      distStale,
      latencyMethod:
        'closed loop: each connection (API, autocannon) or client (SQL floor) sends its next request when the ' +
        'previous answer arrives; warm-up then measure on the same connections; req/s = answers completed in the ' +
        'window; latency = requests both sent and answered in it; nearest-rank percentiles',
      floor:
        'the statements findAssets sent (captured with a drizzle logger, same parameters) inside BEGIN; SET LOCAL ' +
        "ROLE socle_app; SELECT set_config('app.organisation_id', $1, true); …; COMMIT — pg clients on PostgreSQL, " +
        'concurrent callers of one in-process PGlite instance on PGlite',
    },
    versions: {
      fastify: packageVersion('fastify'),
      pglite: packageVersion('@electric-sql/pglite'),
      pg: packageVersion('pg'),
      'drizzle-orm': packageVersion('drizzle-orm'),
      autocannon: packageVersion('autocannon'),
      postgresServer: postgresVersion,
    },
    targets: checks,
    runs,
    skipped,
  };
  const file = writeResult(opts.label, date, report);

  console.log('');
  console.log(fixtureTable(runs));
  console.log('');
  console.log(importTable(runs));
  console.log('');
  console.log(listTable(runs));
  if (checks) {
    const c = checks;
    console.log(
      `\nPostgreSQL import ≥ ${TARGET.importRowsPerS} rows/s: ${c.importRowsPerS.metOnImport ? 'MET' : 'NOT MET'} on ` +
        `the import (${c.importRowsPerS.import}/s), ${c.importRowsPerS.metOnWall ? 'MET' : 'NOT MET'} on the whole ` +
        `process (${c.importRowsPerS.wall}/s)`,
    );
    console.log(
      `PostgreSQL import peak RSS < ${TARGET.importRssMiB} MiB: ${c.importPeakRssMiB.met ? 'MET' : 'NOT MET'} ` +
        `(${c.importPeakRssMiB.value} MiB)`,
    );
    console.log(
      `PostgreSQL list p99 < ${TARGET.listP99Ms} ms: ${c.listP99Ms.met ? 'MET' : 'NOT MET'} — worst ` +
        `${c.listP99Ms.worst?.query} p99 ${c.listP99Ms.worst?.p99} ms`,
    );
    console.log(
      `PostgreSQL API ÷ SQL floor ≤ ${TARGET.apiOverSql}: ${c.apiOverSql.met ? 'MET' : 'NOT MET'} — worst ` +
        `${c.apiOverSql.worst?.query} p50 ×${c.apiOverSql.worst?.p50}, p99 ×${c.apiOverSql.worst?.p99}`,
    );
  }
  console.log(
    `Load average 1m: ${facts.loadAverageAtStart['1m']} at start, ${report.machine.loadAverageAtEnd} at end ` +
      `(${facts.cores} cores)`,
  );
  for (const s of skipped) console.log(`${s.target}: skipped — ${s.reason}`);
  console.log(`\nResults: ${path.relative(ROOT, file)}`);
}

try {
  await main();
} catch (error) {
  console.error(`\nbench: FAILED — ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
