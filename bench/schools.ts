import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
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
 * Benchmark `schools`: the national IPS file (32,091 écoles) imported with
 * `socle import schools` into PGlite and into PostgreSQL — wall time,
 * rows/s and peak RSS of the import process, then an idempotent re-import —
 * and the latency of GET /api/schools (first page, deep page, searches,
 * filters, sorts) on that dataset, one request at a time on one connection.
 * See bench/README.md. Usage:
 *
 *   node --import tsx bench/schools.ts [--targets pglite,postgres] [--file FILE] [--requests 200]
 */

const ADMIN_EMAIL = 'bench@example.org';
const ADMIN_PASSWORD = 'national-ips-file-32091-ecoles';
// The bench is not part of the product: it may read the shared reference data.
const DEFAULT_FILE = path.resolve(ROOT, '..', 'shared', 'data', 'france_ips_ecoles_2021_2022.csv');
/** Targets of the issue, checked on PostgreSQL. */
const TARGET_ROWS_PER_S = 10_000;
const TARGET_LIST_P99_MS = 50;

// ---------------------------------------------------------------- options

const USAGE = `Usage: node --import tsx bench/schools.ts [options]
  --file <path>        school file to import (default ../shared/data/france_ips_ecoles_2021_2022.csv)
  --targets <list>     comma-separated: pglite,postgres (default both)
  --requests <n>       measured requests per list query (default 200)
  --warmup <n>         discarded requests per list query before measuring (default 10)
  --analyze            run ANALYZE on schools and school_years (as the table owner) before the list
                       queries: the latency with planner statistics, which Socle does not gather itself
  --cannon <s>         seconds of a 10-connection autocannon run of the first page, after a 2 s
                       warm-up; 0 skips it (default 10)
  --connections <n>    connections of that autocannon run (default 10)
  --server <how>       auto (dist/server/main.js when built, else the sources through tsx),
                       source or dist (default auto)
  --pg-url <url>       PostgreSQL admin URL used to create and drop the bench database
                       (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --help`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: DEFAULT_FILE },
      targets: { type: 'string', default: 'pglite,postgres' },
      requests: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '10' },
      cannon: { type: 'string', default: '10' },
      analyze: { type: 'boolean', default: false },
      connections: { type: 'string', default: '10' },
      server: { type: 'string', default: 'auto' },
      'pg-url': { type: 'string', default: DEFAULT_PG_URL },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer >= ${min}, got "${raw}"`);
    return n;
  };
  const targets = values.targets.split(',').map((t) => t.trim());
  for (const t of targets) if (t !== 'pglite' && t !== 'postgres') fail(`unknown target "${t}"; pglite or postgres`);
  const serverProblem = serverOptionProblem(values.server);
  if (serverProblem) fail(serverProblem);
  const file = path.resolve(values.file);
  if (!fs.existsSync(file)) fail(`no file ${file} (--file)`);
  return {
    file,
    targets: targets as ('pglite' | 'postgres')[],
    requests: int('requests', values.requests, 1),
    warmup: int('warmup', values.warmup, 0),
    cannon: int('cannon', values.cannon, 0),
    analyze: values.analyze,
    connections: int('connections', values.connections, 1),
    server: values.server as ServerHow,
    pgUrl: values['pg-url'],
  };
}

function fail(message: string): never {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

type Options = ReturnType<typeof parseOptions>;
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------- import

/** What `socle import schools --json` prints. */
interface CliImportReport {
  format: string;
  encoding: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  yearsWritten: number;
  rejected: unknown[];
  skipped: Record<string, number>;
  dryRun: boolean;
  written: boolean;
  /** Seconds the CLI measured around the import transaction (parse, upserts, audit, commit). */
  seconds: number;
}

interface ImportRun {
  run: 'first' | 'second';
  rowsRead: number;
  /** Records the importer upserted or found unchanged (rows read minus rejected and duplicate rows). */
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: Record<string, number>;
  written: boolean;
  /** Spawn to exit of `node bin/socle.mjs import schools …`: Node and tsx start, connection, migration check, import. */
  wallS: number;
  /** The CLI's own `seconds`: the import transaction only. */
  importS: number;
  recordsPerS: { import: number; wall: number };
  rowsReadPerS: { import: number; wall: number };
  /** Peak resident set size of the import process (PGlite included; a PostgreSQL server is a process apart). */
  peakRssMiB: number;
  loadAverage1m: number;
}

/** How the peak RSS of the import process is taken: GNU time when it works here, else a preload. */
const GNU_TIME = '/usr/bin/time';
const rssMethod: 'gnu-time' | 'preload' =
  fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', '-o', os.devNull, 'true']).status === 0
    ? 'gnu-time'
    : 'preload';

async function timedImport(
  run: ImportRun['run'],
  file: string,
  env: NodeJS.ProcessEnv,
  scratch: string,
): Promise<ImportRun> {
  const rssFile = path.join(scratch, `maxrss-${run}`);
  const cliArgs = ['bin/socle.mjs', 'import', 'schools', file, '--all-communes', '--json'];
  const [command, args, childEnv] =
    rssMethod === 'gnu-time'
      ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...cliArgs], env]
      : [
          process.execPath,
          ['--import', pathToFileURL(path.join(BENCH, 'maxrss.mjs')).href, ...cliArgs],
          { ...env, BENCH_MAXRSS_FILE: rssFile },
        ];
  const loadAverage1m = load1m();
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
  if (code !== 0) throw new Error(`socle import schools (${run}) exited with ${code}:\n${stdout}${stderr}`);
  let report: CliImportReport;
  try {
    report = JSON.parse(stdout) as CliImportReport;
  } catch {
    throw new Error(`socle import schools (${run}) printed no JSON report:\n${stdout}${stderr}`);
  }
  const rssKiB = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
  if (!Number.isFinite(rssKiB) || rssKiB <= 0) throw new Error(`no peak RSS for the ${run} import (${rssMethod})`);
  const records = report.created + report.updated + report.unchanged;
  return {
    run,
    rowsRead: report.rowsRead,
    records,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected.length,
    skipped: report.skipped,
    written: report.written,
    wallS: round(wallS, 3),
    importS: round(report.seconds, 3),
    recordsPerS: { import: Math.round(records / report.seconds), wall: Math.round(records / wallS) },
    rowsReadPerS: { import: Math.round(report.rowsRead / report.seconds), wall: Math.round(report.rowsRead / wallS) },
    peakRssMiB: round(rssKiB / 1024, 1),
    loadAverage1m,
  };
}

function describeImport(target: string, r: ImportRun): string {
  const skipped = Object.entries(r.skipped)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return (
    `  ${target}: ${r.run} import — ${r.rowsRead} rows read, created ${r.created}, updated ${r.updated}, ` +
    `unchanged ${r.unchanged}, rejected ${r.rejected}, skipped ${skipped || 'none'}; ` +
    `${r.importS.toFixed(2)} s import (${r.recordsPerS.import} records/s), ${r.wallS.toFixed(2)} s wall ` +
    `(${r.recordsPerS.wall}/s), peak RSS ${r.peakRssMiB} MiB`
  );
}

// ---------------------------------------------------------------- list latency

interface ListQuery {
  key: string;
  label: string;
  /** Query string of GET /api/schools. */
  query: Record<string, string>;
}

const LIST_QUERIES: ListQuery[] = [
  { key: 'first-page', label: 'first page (sort name)', query: { limit: '50' } },
  { key: 'deep-page', label: 'page at offset 30000', query: { limit: '50', offset: '30000' } },
  { key: 'search-jean', label: 'search "jean"', query: { limit: '50', q: 'jean' } },
  { key: 'search-moulin', label: 'search "moulin"', query: { limit: '50', q: 'moulin' } },
  { key: 'search-victor-hugo', label: 'search "victor hugo"', query: { limit: '50', q: 'victor hugo' } },
  { key: 'search-uai-0720', label: 'search UAI prefix "0720"', query: { limit: '50', q: '0720' } },
  { key: 'filter-rep-plus', label: 'filter priorityEducation=REP+', query: { limit: '50', priorityEducation: 'REP+' } },
  { key: 'filter-commune', label: 'filter communeCode=72181', query: { limit: '50', communeCode: '72181' } },
  { key: 'sort-pupils-desc', label: 'sort pupils desc', query: { limit: '50', sort: 'pupils', order: 'desc' } },
  { key: 'sort-ips-desc', label: 'sort ips desc', query: { limit: '50', sort: 'ips', order: 'desc' } },
];

const listPath = (q: ListQuery) => `/api/schools?${new URLSearchParams(q.query).toString()}`;

interface LatencyStats {
  label: string;
  path: string;
  /** `total` of the answer (schools matching), and items on the page. */
  total: number;
  items: number;
  bytes: number;
  requests: number;
  ms: { mean: number; p50: number; p95: number; p99: number; max: number; min: number };
}

/** One keep-alive connection; requests one after the other. */
function sequentialClient(origin: string, headers: Record<string, string>) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<net.Socket>();
  const get = (pathname: string) =>
    new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const req = http.get(`${origin}${pathname}`, { agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('error', reject);
        res.once('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
      });
      req.on('socket', (s) => sockets.add(s));
      req.setTimeout(60_000, () => req.destroy(new Error(`${pathname}: no answer in 60 s`)));
      req.once('error', reject);
    });
  return { get, connections: () => sockets.size, close: () => agent.destroy() };
}

/**
 * Warm-up requests per query, then `requests` rounds; each round sends every
 * query once, in turn, so machine noise spreads evenly over the queries.
 */
async function measureLatency(
  origin: string,
  headers: Record<string, string>,
  opts: Options,
): Promise<{ stats: Record<string, LatencyStats>; connectionsOpened: number }> {
  const client = sequentialClient(origin, headers);
  const samples = new Map<string, number[]>(LIST_QUERIES.map((q) => [q.key, []]));
  const answers = new Map<string, { total: number; items: number; bytes: number }>();
  const once = async (q: ListQuery) => {
    const res = await client.get(listPath(q));
    if (res.status !== 200) throw new Error(`GET ${listPath(q)} answered ${res.status}: ${res.body.slice(0, 500)}`);
    const body = JSON.parse(res.body) as { items: unknown[]; total: number };
    const seen = answers.get(q.key);
    if (seen && seen.total !== body.total) throw new Error(`GET ${listPath(q)}: total changed during the run`);
    answers.set(q.key, { total: body.total, items: body.items.length, bytes: Buffer.byteLength(res.body) });
    return res.ms;
  };
  try {
    for (const q of LIST_QUERIES) for (let i = 0; i < opts.warmup; i++) await once(q);
    for (let round = 0; round < opts.requests; round++) {
      for (const q of LIST_QUERIES) samples.get(q.key)?.push(await once(q));
      if ((round + 1) % 50 === 0) process.stderr.write(`    ${round + 1}/${opts.requests} rounds\n`);
    }
  } finally {
    client.close();
  }
  const stats: Record<string, LatencyStats> = {};
  for (const q of LIST_QUERIES) {
    const ms = samples.get(q.key) ?? [];
    const sorted = Float64Array.from(ms).sort();
    const answer = answers.get(q.key) ?? { total: Number.NaN, items: Number.NaN, bytes: Number.NaN };
    stats[q.key] = {
      label: q.label,
      path: listPath(q),
      ...answer,
      requests: ms.length,
      ms: {
        mean: round(ms.reduce((a, b) => a + b, 0) / ms.length),
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        p99: round(percentile(sorted, 99)),
        max: round(sorted[sorted.length - 1] ?? Number.NaN),
        min: round(sorted[0] ?? Number.NaN),
      },
    };
  }
  return { stats, connectionsOpened: client.connections() };
}

interface Throughput {
  path: string;
  connections: number;
  warmupS: number;
  durationS: number;
  reqPerSec: number;
  requests: number;
  ms: { p50: number; p99: number; max: number };
}

/** autocannon, `connections` connections: 2 s warm-up then `seconds` measured, on the same connections. */
async function measureThroughput(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<Throughput> {
  const warmup = 2;
  const latencies: number[] = [];
  let requests = 0;
  const windowStart = performance.now() + warmup * 1000;
  const windowEnd = windowStart + seconds * 1000;
  const instance = autocannon({ url, headers, connections, pipelining: 1, duration: warmup + seconds, timeout: 30 });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    const now = performance.now();
    if (status !== 200 || now < windowStart || now > windowEnd) return;
    requests++;
    if (now - ms >= windowStart) latencies.push(ms);
  });
  const result = await instance;
  const others = Object.keys(result.statusCodeStats).filter((code) => code !== '200');
  if (result.non2xx || result.errors || result.timeouts || others.length || requests === 0) {
    throw new Error(
      `autocannon ${url}: not every response was a 200 — ${JSON.stringify(result.statusCodeStats)}, ` +
        `errors ${result.errors}, timeouts ${result.timeouts}`,
    );
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    path: new URL(url).pathname + new URL(url).search,
    connections,
    warmupS: warmup,
    durationS: seconds,
    reqPerSec: round(requests / seconds, 1),
    requests,
    ms: {
      p50: round(percentile(sorted, 50)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? Number.NaN),
    },
  };
}

/** Peak RSS of a live process (Linux /proc), in MiB; null elsewhere. */
function peakRssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024, 1) : null;
  } catch {
    return null;
  }
}

/** What the query planner knows about `schools` (PGlite runs no autovacuum; it is a single process). */
interface PlannerStats {
  autovacuum: string;
  /** pg_class.reltuples of schools: -1 = never analysed or vacuumed (the planner then guesses). */
  schoolsRowEstimate: number;
  lastAutoanalyze: string | null;
  lastAnalyze: string | null;
  /** The bench ran ANALYZE just before (--analyze). */
  analysedByBench: boolean;
}

const STATS_SQL = `SELECT c.reltuples::float8 AS estimate, s.last_autoanalyze::text AS auto, s.last_analyze::text AS manual,
  current_setting('autovacuum') AS autovacuum
  FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
  WHERE c.oid = 'public.schools'::regclass`;

/** Reads (and with `analyse`, first gathers) the planner statistics, as the table owner. */
async function plannerStats(databaseUrl: string | null, dataDir: string, analyse: boolean): Promise<PlannerStats> {
  type Row = { estimate: number; auto: string | null; manual: string | null; autovacuum: string };
  let row: Row | undefined;
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      if (analyse) await c.query('ANALYZE schools, school_years');
      row = (await c.query<Row>(STATS_SQL)).rows[0];
    } finally {
      await c.end();
    }
  } else {
    // Nothing else has the data directory open at this point (CLI done, server not started).
    const { newPglite } = await import('../src/server/db/connection.ts');
    const db = newPglite(path.join(dataDir, 'pglite'));
    try {
      await db.waitReady;
      if (analyse) await db.exec('ANALYZE schools, school_years');
      row = (await db.query<Row>(STATS_SQL)).rows[0];
      if (row) row.autovacuum = `${row.autovacuum} (but PGlite is one process: no autovacuum worker)`;
    } finally {
      await db.close();
    }
  }
  return {
    autovacuum: row?.autovacuum ?? 'unknown',
    schoolsRowEstimate: Number(row?.estimate ?? Number.NaN),
    lastAutoanalyze: row?.auto ?? null,
    lastAnalyze: row?.manual ?? null,
    analysedByBench: analyse,
  };
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

// ---------------------------------------------------------------- targets

interface TargetRun {
  target: 'pglite' | 'postgres';
  database: string;
  imports: ImportRun[];
  /** The second import created and updated nothing. */
  idempotent: boolean;
  /** Size of the PGlite data directory, or of the PostgreSQL database, after both imports. */
  databaseMiB: number;
  latency: Record<string, LatencyStats>;
  /** Connections the sequential latency client opened (1 = every request on one keep-alive connection). */
  latencyConnections: number;
  throughput: Throughput | null;
  /** Planner statistics of `schools` when the list queries started, and (PostgreSQL) when they ended. */
  plannerStats: { beforeLatency: PlannerStats; afterLatency: PlannerStats | null };
  /** Peak RSS of the server process at the end of the run (Linux), MiB. */
  serverPeakRssMiB: number | null;
  loadAverage1m: { beforeLatency: number; end: number };
}

async function runTarget(target: 'pglite' | 'postgres', databaseUrl: string | null, opts: Options): Promise<TargetRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `socle-bench-schools-${target}-`));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `socle-bench-schools-scratch-`));
  onCleanup(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  });
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

  log(`  ${target}: bootstrap (organisation "Bench", admin ${ADMIN_EMAIL})…`);
  await cli(['bootstrap'], env);

  log(`  ${target}: importing ${path.basename(opts.file)} (measured process)…`);
  const first = await timedImport('first', opts.file, env, scratch);
  log(describeImport(target, first));
  if (!first.written || first.created + first.updated === 0) {
    throw new Error(`${target}: the first import wrote nothing (${JSON.stringify(first)})`);
  }
  const duplicates = first.skipped.duplicate_uai ?? 0;
  const expected = first.rowsRead - first.rejected - duplicates - (first.skipped.other_commune ?? 0);
  if (first.created !== expected) {
    log(`  ${target}: WARNING — created ${first.created}, expected ${expected} (rows read − rejected − duplicates)`);
  }
  log(`  ${target}: re-importing the same file…`);
  const second = await timedImport('second', opts.file, env, scratch);
  log(describeImport(target, second));
  const idempotent = second.created === 0 && second.updated === 0 && second.unchanged === first.records;
  if (!idempotent) log(`  ${target}: WARNING — the re-import was not a no-op (created or updated rows)`);

  let databaseMiB: number;
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const size = await c.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
      databaseMiB = round(Number(size.rows[0]?.n ?? 0) / 2 ** 20, 1);
    } finally {
      await c.end();
    }
  } else {
    databaseMiB = round(directoryBytes(dataDir) / 2 ** 20, 1);
  }

  const created = JSON.parse(
    await cli(['token', 'create', '--email', ADMIN_EMAIL, '--name', 'bench', '--json'], env),
  ) as { token?: string };
  if (!created.token) throw new Error('socle token create --json printed no token');
  const headers = { authorization: `Bearer ${created.token}` };

  const statsBefore = await plannerStats(databaseUrl, dataDir, opts.analyze);
  log(
    `  ${target}: planner statistics of schools — row estimate ${statsBefore.schoolsRowEstimate}` +
      `${opts.analyze ? ' (after ANALYZE)' : ''}, autovacuum ${statsBefore.autovacuum}`,
  );

  const port = await freePort();
  const server = startChild(`socle server (${target})`, serverArgs(opts.server), { ...env, PORT: String(port) });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor200(server, `${origin}/api/ready`);

  const beforeLatency = load1m();
  log(
    `  ${target}: list latency — ${LIST_QUERIES.length} queries × (${opts.warmup} warm-up + ${opts.requests}), ` +
      `one connection (load ${beforeLatency})…`,
  );
  const { stats, connectionsOpened } = await measureLatency(origin, headers, opts);
  const schools = stats['first-page']?.total;
  if (schools !== first.records) {
    throw new Error(`${target}: GET /api/schools says ${schools} schools, the import wrote ${first.records}`);
  }
  let throughput: Throughput | null = null;
  const firstPage = LIST_QUERIES[0];
  if (opts.cannon > 0 && firstPage) {
    log(`  ${target}: first page with autocannon, ${opts.connections} connections, 2 s + ${opts.cannon} s…`);
    throughput = await measureThroughput(`${origin}${listPath(firstPage)}`, headers, opts.cannon, opts.connections);
    log(`    ${throughput.reqPerSec} req/s, p50 ${throughput.ms.p50} ms, p99 ${throughput.ms.p99} ms`);
  }
  const serverPeakRssMiB = peakRssOf(server.proc.pid);
  await server.stop();
  const statsAfter = databaseUrl ? await plannerStats(databaseUrl, dataDir, false) : null;

  return {
    target,
    database: target === 'pglite' ? 'PGlite (embedded, in the CLI or server process)' : 'PostgreSQL (loopback TCP)',
    imports: [first, second],
    idempotent,
    databaseMiB,
    latency: stats,
    latencyConnections: connectionsOpened,
    throughput,
    plannerStats: { beforeLatency: statsBefore, afterLatency: statsAfter },
    serverPeakRssMiB,
    loadAverage1m: { beforeLatency, end: load1m() },
  };
}

// ---------------------------------------------------------------- report

function importTable(runs: TargetRun[]): string {
  const rows = [
    [
      'import',
      'rows read',
      'created',
      'updated',
      'unchanged',
      'rejected',
      'import s',
      'records/s',
      'wall s',
      'records/s wall',
      'peak RSS MiB',
      'load 1m',
    ],
  ];
  for (const r of runs) {
    for (const i of r.imports) {
      rows.push([
        `${r.target} ${i.run}`,
        String(i.rowsRead),
        String(i.created),
        String(i.updated),
        String(i.unchanged),
        String(i.rejected),
        i.importS.toFixed(2),
        String(i.recordsPerS.import),
        i.wallS.toFixed(2),
        String(i.recordsPerS.wall),
        i.peakRssMiB.toFixed(0),
        i.loadAverage1m.toFixed(2),
      ]);
    }
  }
  return formatTable(rows);
}

function latencyTable(runs: TargetRun[]): string {
  const rows = [['GET /api/schools', 'target', 'total', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms']];
  for (const q of LIST_QUERIES) {
    for (const r of runs) {
      const s = r.latency[q.key];
      if (!s) continue;
      rows.push([
        q.label,
        r.target,
        String(s.total),
        s.ms.p50.toFixed(2),
        s.ms.p95.toFixed(2),
        s.ms.p99.toFixed(2),
        s.ms.max.toFixed(2),
      ]);
    }
  }
  return formatTable(rows);
}

function verdicts(runs: TargetRun[]) {
  const pgRun = runs.find((r) => r.target === 'postgres');
  if (!pgRun) return null;
  const first = pgRun.imports[0];
  const worst = Object.entries(pgRun.latency).sort((a, b) => b[1].ms.p99 - a[1].ms.p99)[0];
  const over = Object.entries(pgRun.latency)
    .filter(([, s]) => s.ms.p99 >= TARGET_LIST_P99_MS)
    .map(([k]) => k);
  return {
    importRowsPerS: {
      target: TARGET_ROWS_PER_S,
      import: first?.recordsPerS.import ?? null,
      wall: first?.recordsPerS.wall ?? null,
      metOnImport: (first?.recordsPerS.import ?? 0) >= TARGET_ROWS_PER_S,
      metOnWall: (first?.recordsPerS.wall ?? 0) >= TARGET_ROWS_PER_S,
    },
    listP99Ms: {
      target: TARGET_LIST_P99_MS,
      worst: worst ? { query: worst[0], p99: worst[1].ms.p99 } : null,
      queriesOver: over,
      met: over.length === 0,
    },
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const opts = parseOptions();
  const facts = machine();
  const serverEntry = serverArgs(opts.server).join(' ');
  const distStale = distIsStale(opts.server);
  const bytes = fs.readFileSync(opts.file);
  const dataset = {
    file: opts.file,
    bytes: bytes.length,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
  };
  log(
    `bench schools: ${path.basename(opts.file)} (${(bytes.length / 2 ** 20).toFixed(1)} MiB); ` +
      `${opts.requests} requests per list query; node ${facts.node}, ${facts.cpuModel} × ${facts.cores}; ` +
      `server: node ${serverEntry}; peak RSS by ${rssMethod}`,
  );
  if ((facts.loadAverageAtStart['1m'] ?? 0) > facts.cores / 2) {
    log(
      `  WARNING: the machine is busy (load ${facts.loadAverageAtStart['1m']} on ${facts.cores} cores): noisy figures`,
    );
  }
  if (distStale) log(`  WARNING: ${serverEntry} is older than src/ — run npm run build, or pass --server source`);

  const runs: TargetRun[] = [];
  const skipped: { target: string; reason: string }[] = [];
  let postgresVersion: string | null = null;
  for (const target of opts.targets) {
    let databaseUrl: string | null = null;
    if (target === 'postgres') {
      const db = await createPgDatabase(opts.pgUrl);
      if ('skipped' in db) {
        log(`  postgres: SKIPPED — ${db.skipped}`);
        skipped.push({ target, reason: db.skipped });
        continue;
      }
      databaseUrl = db.url;
      postgresVersion = db.serverVersion;
    }
    runs.push(await runTarget(target, databaseUrl, opts));
    await cleanupAll();
  }
  if (runs.length === 0) throw new Error('nothing measured; no result file written');

  const date = new Date();
  const checks = verdicts(runs);
  const report = {
    benchmark: opts.analyze ? 'schools --analyze' : 'schools',
    description:
      'socle import schools of a national school file into PGlite and PostgreSQL (time, records/s, peak RSS; ' +
      'then an idempotent re-import), and sequential latency of GET /api/schools on the imported dataset',
    date: date.toISOString(),
    git: await gitCommit(),
    machine: { ...facts, loadAverageAtEnd: load1m() },
    dataset,
    settings: {
      requestsPerQuery: opts.requests,
      warmupRequestsPerQuery: opts.warmup,
      analyzeBeforeLatency: opts.analyze,
      latencyMethod:
        'one keep-alive connection, one request at a time; each round sends every query once in turn; ' +
        'time from sending the request to the last byte of the answer; nearest-rank percentiles',
      autocannon: opts.cannon > 0 ? { connections: opts.connections, warmupS: 2, durationS: opts.cannon } : null,
      importCommand: 'node bin/socle.mjs import schools FILE --all-communes --json (CLI from the sources through tsx)',
      peakRssMethod: rssMethod === 'gnu-time' ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS at exit',
      serverEntry: `node ${serverEntry}`,
      distStale,
      env: 'SOCLE_DEMO=0 SOCLE_ADMIN_EMAIL=bench@example.org SOCLE_ORGANISATION_NAME=Bench SOCLE_JOBS=0 LOG_LEVEL=warn',
    },
    versions: {
      fastify: packageVersion('fastify'),
      pglite: packageVersion('@electric-sql/pglite'),
      pg: packageVersion('pg'),
      'csv-parse': packageVersion('csv-parse'),
      autocannon: packageVersion('autocannon'),
      postgresServer: postgresVersion,
    },
    targets: checks,
    runs,
    skipped,
  };
  // A run with --analyze measures another situation: it does not replace the plain result.
  const file = writeResult(opts.analyze ? 'schools-analyze' : 'schools', date, report);

  console.log('');
  console.log(importTable(runs));
  console.log('');
  console.log(latencyTable(runs));
  for (const r of runs) {
    if (r.throughput) {
      console.log(
        `\n${r.target}: first page, ${r.throughput.connections} connections: ${r.throughput.reqPerSec} req/s, ` +
          `p50 ${r.throughput.ms.p50} ms, p99 ${r.throughput.ms.p99} ms`,
      );
    }
  }
  if (checks) {
    const i = checks.importRowsPerS;
    const l = checks.listP99Ms;
    console.log(
      `\nPostgreSQL import ≥ ${TARGET_ROWS_PER_S} records/s: ${i.metOnImport ? 'MET' : 'NOT MET'} on the import ` +
        `(${i.import}/s), ${i.metOnWall ? 'MET' : 'NOT MET'} on the whole process (${i.wall}/s)`,
    );
    console.log(
      `PostgreSQL list p99 < ${TARGET_LIST_P99_MS} ms: ${l.met ? 'MET' : 'NOT MET'} — worst ${l.worst?.query} ` +
        `p99 ${l.worst?.p99} ms${l.queriesOver.length ? `; over: ${l.queriesOver.join(', ')}` : ''}`,
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
  console.error(`\nbench: FAILED — ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanupAll();
}
