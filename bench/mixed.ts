import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type RequestOptions, type Result } from 'autocannon';
import {
  cleanupAll,
  createPgDatabase,
  DEFAULT_PG_URL,
  distIsStale,
  formatTable,
  freePort,
  gitCommit,
  load1m,
  machine,
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
import {
  cannonRequests,
  type MixIds,
  type MixStep,
  mixSteps,
  openOwner,
  paced,
  paced2xx,
  provisionDemo,
  readIds,
} from './mix.ts';

/**
 * Benchmark `mixed`: a mixed read/write load (80 % reads, 20 % writes, see
 * bench/mix.ts) on the demo organisation, over a bounded number of
 * keep-alive connections on loopback, through an API token. For each
 * target (PGlite, PostgreSQL) and each subject — the raw-SQL floor (the same
 * operations as plain SQL, no HTTP), the bare-Fastify ceiling (the same
 * routes answering constants) and Socle — it finds the highest request
 * rate that keeps p99 under the target (100 ms): a closed-loop run at
 * saturation, then a bisection of fixed-rate runs. See bench/README.md.
 *
 *   node --import tsx bench/mixed.ts [--duration 10] [--warmup 2] [--connections 20] [--steps 4]
 *        [--p99 100] [--targets pglite,postgres] [--server auto] [--pg-url …]
 */

const USAGE = `Usage: node --import tsx bench/mixed.ts [options]
  --duration <s>       measured seconds of each run (default 10)
  --warmup <s>         discarded seconds before each measure, same connections (default 2)
  --connections <n>    concurrent keep-alive connections / SQL clients (default 20)
  --steps <n>          fixed-rate runs of the bisection after the saturation run (default 4)
  --p99 <ms>           latency target (default 100)
  --targets <list>     comma-separated: pglite,postgres (default both)
  --server <how>       auto (dist/server/main.js when built, else the sources), source or dist (default auto)
  --without <keys>     comma-separated keys of mix requests to leave out (e.g. dashboard); the result
                       file is then <date>-mixed-without-<keys>.json
  --pg-url <url>       PostgreSQL admin URL used to create and drop the bench database
                       (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --help`;

type Target = 'pglite' | 'postgres';

function parseOptions() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '20' },
      steps: { type: 'string', default: '4' },
      p99: { type: 'string', default: '100' },
      targets: { type: 'string', default: 'pglite,postgres' },
      server: { type: 'string', default: 'auto' },
      'pg-url': { type: 'string', default: DEFAULT_PG_URL },
      without: { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const without = values.without
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const keys = mixSteps(PLACEHOLDER_IDS).map((step) => step.key);
  for (const k of without) if (!keys.includes(k)) fail(`unknown mix key "${k}"; one of ${keys.join(', ')}`);
  const int = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer >= ${min}, got "${raw}"`);
    return n;
  };
  const targets = values.targets.split(',').map((t) => t.trim());
  for (const t of targets) if (t !== 'pglite' && t !== 'postgres') fail(`unknown target "${t}"; pglite or postgres`);
  const serverProblem = serverOptionProblem(values.server);
  if (serverProblem) fail(serverProblem);
  return {
    server: values.server as ServerHow,
    duration: int('duration', values.duration, 1),
    warmup: int('warmup', values.warmup, 0),
    connections: int('connections', values.connections, 1),
    steps: int('steps', values.steps, 0),
    p99: int('p99', values.p99, 1),
    targets: targets as Target[],
    pgUrl: values['pg-url'],
    without,
  };
}

const PLACEHOLDER_IDS: MixIds = { organisationId: '', userId: '', schoolId: ':school', assetId: ':asset', modelId: '' };

/** The mix of this run: `mixSteps` less the `--without` keys. */
function stepsOf(ids: MixIds, opts: { without: readonly string[] }): MixStep[] {
  return mixSteps(ids).filter((step) => !opts.without.includes(step.key));
}

function fail(message: string): never {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

type Options = ReturnType<typeof parseOptions>;
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------- one run

interface Run {
  /** Requested rate (req/s), or null for the closed-loop saturation run. */
  rate: number | null;
  /** Responses (or SQL transactions) completed in the measured window, per second. */
  achieved: number;
  requests: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  /** p99 under the target and, at a fixed rate, at least 95 % of that rate achieved. */
  pass: boolean;
  loadAverage1m: number;
  /** Status codes over the whole run, warm-up included (HTTP subjects). */
  statusCodes?: Record<string, number>;
}

class Window {
  readonly start: number;
  readonly end: number;
  readonly latencies: number[] = [];
  /** Latencies of every response completed in the window, sent before it or not (fallback, see `result`). */
  readonly completed: number[] = [];
  requests = 0;
  constructor(opts: Options) {
    this.start = performance.now() + opts.warmup * 1000;
    this.end = this.start + opts.duration * 1000;
  }
  /** Counts a response completed now after `ms`. */
  record(ms: number): void {
    const now = performance.now();
    if (now < this.start || now > this.end) return;
    this.requests++;
    this.completed.push(ms);
    if (now - ms >= this.start) this.latencies.push(ms);
  }
  result(rate: number | null, opts: Options, loadAverage1m: number): Run {
    // When no request was both sent and answered in the window (answers slower than the
    // window), the percentiles come from every answer completed in it.
    const sorted = Float64Array.from(this.latencies.length ? this.latencies : this.completed).sort();
    const achieved = this.requests / opts.duration;
    const p99 = percentile(sorted, 99);
    if (this.requests === 0) throw new Error('no response in the measured window');
    return {
      rate,
      achieved: round(achieved, 1),
      requests: this.requests,
      latencyMs: {
        mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
        p50: round(percentile(sorted, 50)),
        p90: round(percentile(sorted, 90)),
        p99: round(p99),
        max: round(sorted[sorted.length - 1] ?? Number.NaN),
      },
      pass: p99 < opts.p99 && (rate === null || achieved >= 0.95 * rate),
      loadAverage1m,
    };
  }
}

/** Fails loudly unless every response was a 2xx and nothing errored or timed out. */
function assertAll2xx(label: string, result: Result): void {
  const others = Object.keys(result.statusCodeStats).filter((code) => !code.startsWith('2'));
  if (result.non2xx || result.errors || result.timeouts || others.length || result['2xx'] === 0) {
    throw new Error(
      `${label}: not every response was a 2xx — status codes ${JSON.stringify(result.statusCodeStats)}, ` +
        `non2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
    );
  }
}

/**
 * One run of warm-up + duration seconds; the last `duration` s count. The
 * saturation run is autocannon's closed loop; a fixed rate is an evenly
 * paced open loop over as many connections (`paced` in bench/mix.ts: why
 * not autocannon's `overallRate`).
 */
async function cannon(
  label: string,
  origin: string,
  requests: RequestOptions[],
  rate: number | null,
  opts: Options,
): Promise<Run> {
  const loadAverage1m = load1m();
  const window = new Window(opts);
  if (rate !== null) {
    const result = await paced(
      origin,
      requests,
      { rate, connections: opts.connections, seconds: opts.warmup + opts.duration },
      (status, ms) => {
        if (status >= 200 && status < 300) window.record(ms);
      },
    );
    paced2xx(`${label} at ${rate}`, result);
    return { ...window.result(rate, opts, loadAverage1m), statusCodes: result.statusCodes };
  }
  const instance = autocannon({
    url: origin,
    connections: opts.connections,
    pipelining: 1,
    duration: opts.warmup + opts.duration,
    timeout: 30,
    requests,
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) window.record(ms);
  });
  const result = await instance;
  assertAll2xx(`${label} at saturation`, result);
  return {
    ...window.result(rate, opts, loadAverage1m),
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
  };
}

/**
 * The floor: `connections` workers sending the mix's SQL, each operation one
 * transaction as `socle_app` with the organisation set, through the bench's
 * own pool of 10 connections (PostgreSQL) or the one PGlite instance. At a
 * fixed rate each worker sends on its own schedule (rate ÷ workers).
 */
async function sqlFloor(
  owner: Awaited<ReturnType<typeof openOwner>>,
  ids: MixIds,
  steps: MixStep[],
  rate: number | null,
  opts: Options,
): Promise<Run> {
  const loadAverage1m = load1m();
  const window = new Window(opts);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: opts.connections }, async (_, w) => {
      const interval = rate === null ? 0 : (opts.connections * 1000) / rate;
      let due = rate === null ? t0 : t0 + (w * 1000) / rate;
      while (performance.now() < window.end) {
        if (rate !== null) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          due += interval;
          if (performance.now() >= window.end) break;
        }
        const step = steps[next++ % steps.length] as MixStep;
        const sent = performance.now();
        await owner.asApp(ids.organisationId, step.sql(next));
        window.record(performance.now() - sent);
      }
    }),
  );
  return window.result(rate, opts, loadAverage1m);
}

// ---------------------------------------------------------------- the search

interface Search {
  subject: string;
  saturation: Run;
  /** Every run, the saturation run first. */
  runs: Run[];
  /** Highest rate (req/s) measured with p99 under the target; the saturation throughput when it passes. */
  maxRate: number;
  /** The run that gave `maxRate`, or null when none passed. */
  best: Run | null;
}

/** Saturation first; when its p99 misses the target, bisect between 0 and the saturation throughput. */
async function search(subject: string, run: (rate: number | null) => Promise<Run>, opts: Options): Promise<Search> {
  const show = (r: Run) =>
    `${r.rate === null ? 'saturation' : `${r.rate} req/s`}: ${r.achieved} req/s, p50 ${r.latencyMs.p50} ms, ` +
    `p99 ${r.latencyMs.p99} ms${r.pass ? '' : ' ✗'} (load ${r.loadAverage1m})`;
  log(`    ${subject}…`);
  const saturation = await run(null);
  log(`      ${show(saturation)}`);
  const runs = [saturation];
  if (saturation.pass) return { subject, saturation, runs, maxRate: Math.floor(saturation.achieved), best: saturation };
  let lo = 0;
  let hi = saturation.achieved;
  let best: Run | null = null;
  for (let i = 0; i < opts.steps; i++) {
    const rate = Math.max(1, Math.round((lo + hi) / 2));
    if (rate <= lo || rate >= hi) break;
    const r = await run(rate);
    log(`      ${show(r)}`);
    runs.push(r);
    if (r.pass) {
      lo = rate;
      best = r;
    } else hi = rate;
  }
  return { subject, saturation, runs, maxRate: lo, best };
}

// ---------------------------------------------------------------- targets

interface TargetRun {
  target: Target;
  database: string;
  ids: MixIds;
  floor: Search;
  bare: Search;
  socle: Search;
  ratios: {
    /** Socle's max rate ÷ the floor's, ÷ the bare server's. */
    maxRateOverFloor: number;
    maxRateOverBare: number;
    /** Same at saturation (closed loop). */
    saturationOverFloor: number;
    saturationOverBare: number;
    /** p50 at saturation, Socle ÷ floor, Socle ÷ bare. */
    p50OverFloor: number;
    p50OverBare: number;
  };
}

async function runTarget(target: Target, databaseUrl: string | null, opts: Options): Promise<TargetRun> {
  log(`  ${target}: bootstrap (demo organisation) and API token…`);
  const { dataDir, env, token } = await provisionDemo(target, databaseUrl);

  // The floor first: PGlite opens its directory from one process at a time.
  const owner = await openOwner(databaseUrl, dataDir);
  let ids: MixIds;
  let floor: Search;
  try {
    ids = await readIds(owner);
    const steps = stepsOf(ids, opts);
    floor = await search('raw-SQL floor', (rate) => sqlFloor(owner, ids, steps, rate, opts), opts);
  } finally {
    await owner.close();
  }
  const steps = stepsOf(ids, opts);

  const port = await freePort();
  const server = startChild(`socle server (${target})`, serverArgs(opts.server), { ...env, PORT: String(port) });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor200(server, `${origin}/api/ready`);

  // Each route once: a 2xx, and its answer for the bare server.
  const routes: { method: string; path: string; status: number; body: unknown }[] = [];
  for (const s of steps) {
    const routePath = s.path.split('?')[0] as string;
    if (routes.some((r) => r.method === s.method && r.path === routePath)) continue;
    const res = await fetch(`${origin}${s.path}`, {
      method: s.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(s.body ? { 'content-type': 'application/json' } : {}),
      },
      body: s.body?.(),
    });
    const text = await res.text();
    if (res.status < 200 || res.status >= 300) throw new Error(`${s.method} ${s.path} answered ${res.status}: ${text}`);
    routes.push({ method: s.method, path: routePath, status: res.status, body: JSON.parse(text) });
  }
  const routesFile = path.join(dataDir, 'mixed-routes.json');
  fs.writeFileSync(routesFile, JSON.stringify(routes));
  const barePort = await freePort();
  const bareServer = startChild(`bare server (${target})`, ['--import', 'tsx', 'bench/mixed-bare-server.ts'], {
    ...process.env,
    PORT: String(barePort),
    BENCH_ROUTES_FILE: routesFile,
  });
  const bareOrigin = `http://127.0.0.1:${barePort}`;
  // Ready when it answers the mix's first read (its routes are those of this run's mix).
  const firstRead = routes.find((r) => r.method === 'GET');
  if (!firstRead) throw new Error('the mix has no read');
  await waitFor200(bareServer, `${bareOrigin}${firstRead.path}`);

  const bare = await search(
    'bare Fastify ceiling',
    (rate) => cannon('bare Fastify', bareOrigin, cannonRequests(steps, null), rate, opts),
    opts,
  );
  await bareServer.stop();
  const socle = await search(
    `Socle on ${target}`,
    (rate) => cannon(`Socle on ${target}`, origin, cannonRequests(steps, token), rate, opts),
    opts,
  );
  await server.stop();

  const div = (a: number, b: number) => (b > 0 ? round(a / b, 3) : Number.NaN);
  return {
    target,
    database: target === 'pglite' ? 'PGlite (embedded, in the server process)' : 'PostgreSQL (loopback TCP)',
    ids,
    floor,
    bare,
    socle,
    ratios: {
      maxRateOverFloor: div(socle.maxRate, floor.maxRate),
      maxRateOverBare: div(socle.maxRate, bare.maxRate),
      saturationOverFloor: div(socle.saturation.achieved, floor.saturation.achieved),
      saturationOverBare: div(socle.saturation.achieved, bare.saturation.achieved),
      p50OverFloor: div(socle.saturation.latencyMs.p50, floor.saturation.latencyMs.p50),
      p50OverBare: div(socle.saturation.latencyMs.p50, bare.saturation.latencyMs.p50),
    },
  };
}

// ---------------------------------------------------------------- report

function table(runs: TargetRun[], opts: Options): string {
  const rows: string[][] = [
    [
      'target / subject',
      'saturation req/s',
      'p50 ms',
      'p99 ms',
      `max rate p99<${opts.p99}`,
      'its p50',
      'its p99',
      'runs',
      'Socle ÷ it',
    ],
  ];
  for (const r of runs) {
    for (const [s, ratio] of [
      [r.floor, r.ratios.maxRateOverFloor],
      [r.bare, r.ratios.maxRateOverBare],
      [r.socle, 1],
    ] as [Search, number][]) {
      rows.push([
        `${r.target} / ${s.subject}`,
        s.saturation.achieved.toFixed(0),
        s.saturation.latencyMs.p50.toFixed(1),
        s.saturation.latencyMs.p99.toFixed(1),
        s.best ? String(s.maxRate) : `< ${Math.min(...s.runs.map((x) => x.rate ?? Number.POSITIVE_INFINITY))}`,
        s.best ? s.best.latencyMs.p50.toFixed(1) : '-',
        s.best ? s.best.latencyMs.p99.toFixed(1) : '-',
        String(s.runs.length),
        s === r.socle ? '1' : ratio.toFixed(3),
      ]);
    }
  }
  return formatTable(rows);
}

async function main(): Promise<void> {
  const opts = parseOptions();
  const facts = machine();
  const serverEntry = serverArgs(opts.server).join(' ');
  const distStale = distIsStale(opts.server);
  log(
    `bench mixed: ${opts.connections} connections, runs of ${opts.warmup} s warm-up + ${opts.duration} s, ` +
      `${opts.steps} bisection steps, target p99 < ${opts.p99} ms; node ${facts.node}, ${facts.cpuModel} × ` +
      `${facts.cores}; server: node ${serverEntry}`,
  );
  if ((facts.loadAverageAtStart['1m'] ?? 0) > facts.cores / 2)
    log(
      `  WARNING: the machine is busy (load ${facts.loadAverageAtStart['1m']} on ${facts.cores} cores): noisy figures`,
    );
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
  const steps = stepsOf(PLACEHOLDER_IDS, opts);
  const report = {
    benchmark: 'mixed',
    description:
      'mixed read/write load (80 % reads, 20 % writes) on the demo through an API token: highest rate with p99 ' +
      'under the target, next to the raw-SQL floor and a bare-Fastify ceiling',
    date: date.toISOString(),
    git: await gitCommit(),
    machine: { ...facts, loadAverageAtEnd: load1m() },
    settings: {
      durationS: opts.duration,
      warmupS: opts.warmup,
      connections: opts.connections,
      bisectionSteps: opts.steps,
      targetP99Ms: opts.p99,
      without: opts.without,
      mix: steps.map((s) => `${s.method} ${s.path}`),
      method:
        'per subject: a closed-loop autocannon run (saturation), then fixed-rate runs, evenly paced open loops ' +
        '(each connection or floor worker on its own schedule, connection w at w/rate s then every ' +
        'connections/rate s; not autocannon overallRate, which sends each connection’s quota at the top of ' +
        'every second) bisecting between 0 and the saturation throughput; a run passes when ' +
        'its p99 is under the target and it achieved ≥ 95 % of the rate. Latency from send to answer ' +
        '(no correction for coordinated omission). Every HTTP answer must be a 2xx.',
      floor:
        'the same operations as plain SQL, each one transaction as socle_app with app.organisation_id set; ' +
        'PostgreSQL: a pool of 10 connections (the server has 10); PGlite: the one instance in the bench process',
      serverEntry: `node ${serverEntry}`,
      distStale,
      serverEnv: 'SOCLE_DEMO=1 SOCLE_JOBS=0 LOG_LEVEL=warn HOST=127.0.0.1',
    },
    versions: {
      autocannon: packageVersion('autocannon'),
      fastify: packageVersion('fastify'),
      pglite: packageVersion('@electric-sql/pglite'),
      pg: packageVersion('pg'),
      postgresServer: postgresVersion,
    },
    runs,
    skipped,
  };
  const name = opts.without.length ? `mixed-without-${opts.without.join('-').replace(/\W+/g, '_')}` : 'mixed';
  const file = writeResult(name, date, report);
  console.log('');
  console.log(table(runs, opts));
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
