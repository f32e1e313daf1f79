import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import {
  cleanupAll,
  cli,
  createPgDatabase,
  DEFAULT_PG_URL,
  distIsStale,
  formatTable,
  freePort,
  gitCommit,
  machine,
  onCleanup,
  packageVersion,
  percentile,
  ROOT,
  type ServerHow,
  serverArgs,
  serverOptionProblem,
  startChild,
  waitFor200,
  writeResult,
} from './lib.ts';

/**
 * Benchmark `auth-me`: requests/s and latency of GET /api/auth/me with a
 * bearer API token, on the embedded PGlite database and on PostgreSQL, each
 * next to a bare Fastify route returning the same JSON from a constant.
 * See bench/README.md. Usage:
 *
 *   node --import tsx bench/run.ts [--duration 10] [--warmup 2] [--connections 50]
 *        [--targets pglite,postgres] [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
 */

const TOKEN_OWNER = 'admin@ville-du-mans.example';
const ROUTE = '/api/auth/me';

// ---------------------------------------------------------------- options

const USAGE = `Usage: node --import tsx bench/run.ts [options]
  --duration <s>       measured seconds per target (default 10)
  --warmup <s>         warm-up seconds before each measure, discarded (default 2)
  --connections <n>    concurrent connections (default 50)
  --targets <list>     comma-separated: pglite,postgres (default both)
  --server <how>       auto (dist/server/main.js when built, else the sources through tsx),
                       source or dist (default auto)
  --pg-url <url>       PostgreSQL admin URL used to create and drop the bench database
                       (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --help`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      targets: { type: 'string', default: 'pglite,postgres' },
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
  return {
    server: values.server as ServerHow,
    duration: int('duration', values.duration, 1),
    warmup: int('warmup', values.warmup, 0),
    connections: int('connections', values.connections, 1),
    targets: targets as ('pglite' | 'postgres')[],
    pgUrl: values['pg-url'],
  };
}

function fail(message: string): never {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

type Options = ReturnType<typeof parseOptions>;

// ---------------------------------------------------------------- measuring

interface Stats {
  /** 200 responses completed in the measured window, per second. */
  reqPerSec: number;
  /** Standard deviation of the per-second counts in the window. */
  reqPerSecStddev: number;
  /** 200 responses completed in the measured window. */
  requests: number;
  windowS: number;
  /**
   * Latency in ms of the requests sent and answered within the measured
   * window, from every response time (sub-millisecond: autocannon's own
   * histogram truncates to whole milliseconds).
   */
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  /** Latency of the first request of each connection (all opened at once, in the warm-up). */
  firstRequestMs: { p50: number; max: number };
  bytesPerResponse: number;
  /** Status codes over the whole run, warm-up included. */
  statusCodes: Record<string, number>;
  /** 1-minute load average before the run (includes the previous measure). */
  loadAverage1m: number;
}

/** Fails loudly unless every response was a 200 and nothing errored or timed out. */
function assertAll200(label: string, result: Result): void {
  const codes = Object.entries(result.statusCodeStats);
  const others = codes.filter(([code]) => code !== '200');
  if (result.non2xx || result.errors || result.timeouts || others.length || result['2xx'] === 0) {
    throw new Error(
      `${label}: not every response was a 200 — status codes ${JSON.stringify(result.statusCodeStats)}, ` +
        `non2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
    );
  }
}

/**
 * One autocannon run of warm-up + duration seconds on the same connections;
 * only the last `duration` seconds count. (A separate warm-up run would close
 * its connections and start the measure with a burst of new ones.)
 */
async function measure(label: string, url: string, headers: Record<string, string>, opts: Options): Promise<Stats> {
  process.stderr.write(`  ${label}: ${opts.warmup} s warm-up + ${opts.duration} s… `);
  const loadAverage1m = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  const latencies: number[] = [];
  const firstRequest: number[] = [];
  const seen = new Set<unknown>();
  const perSecond = new Array<number>(opts.duration).fill(0);
  const t0 = performance.now();
  const windowStart = t0 + opts.warmup * 1000;
  const windowEnd = windowStart + opts.duration * 1000;
  const instance = autocannon({
    url,
    headers,
    connections: opts.connections,
    pipelining: 1,
    duration: opts.warmup + opts.duration,
    timeout: 30,
  });
  instance.on('response', (client: unknown, status: number, _bytes: number, ms: number) => {
    if (status !== 200) return;
    const now = performance.now();
    if (!seen.has(client)) {
      seen.add(client);
      firstRequest.push(ms);
    }
    if (now < windowStart || now > windowEnd) return;
    const second = Math.floor((now - windowStart) / 1000);
    perSecond[second] = (perSecond[second] ?? 0) + 1;
    if (now - ms >= windowStart) latencies.push(ms);
  });
  const result = await instance;
  assertAll200(label, result);

  const requests = perSecond.reduce((a, b) => a + b, 0);
  const mean = requests / opts.duration;
  const variance = perSecond.reduce((a, b) => a + (b - mean) ** 2, 0) / opts.duration;
  const sorted = Float64Array.from(latencies).sort();
  const firsts = Float64Array.from(firstRequest).sort();
  const stats: Stats = {
    reqPerSec: mean,
    reqPerSecStddev: Math.sqrt(variance),
    requests,
    windowS: opts.duration,
    latencyMs: {
      mean: latencies.reduce((a, b) => a + b, 0) / sorted.length,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? Number.NaN,
    },
    firstRequestMs: { p50: percentile(firsts, 50), max: firsts[firsts.length - 1] ?? Number.NaN },
    bytesPerResponse: result.throughput.total / Math.max(1, result['2xx']),
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
    loadAverage1m,
  };
  if (requests === 0) throw new Error(`${label}: no response in the measured window`);
  process.stderr.write(`${stats.reqPerSec.toFixed(0)} req/s\n`);
  return stats;
}

// ---------------------------------------------------------------- targets

interface TargetRun {
  target: 'pglite' | 'postgres';
  database: string;
  socle: Stats;
  bare: Stats;
  /** auth/me ÷ bare: below 1 for req/s, above 1 for latencies. */
  ratio: { reqPerSec: number; p50: number; p99: number };
}

async function runTarget(
  target: 'pglite' | 'postgres',
  databaseUrl: string | null,
  opts: Options,
  log: (line: string) => void,
): Promise<TargetRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `socle-bench-${target}-`));
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

  // PGlite opens a data directory from one process at a time: provision and
  // mint the token with the CLI before the server starts.
  log(`  ${target}: bootstrap (demo organisation) and API token…`);
  await cli(['bootstrap'], env);
  const created = JSON.parse(
    await cli(['token', 'create', '--email', TOKEN_OWNER, '--name', 'bench', '--json'], env),
  ) as { token?: string };
  if (!created.token) throw new Error('socle token create --json printed no token');
  const headers = { authorization: `Bearer ${created.token}` };

  const port = await freePort();
  const server = startChild(`socle server (${target})`, serverArgs(opts.server), {
    ...env,
    PORT: String(port),
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor200(server, `${origin}/api/ready`);
  const meResponse = await fetch(`${origin}${ROUTE}`, { headers });
  const body = await meResponse.text();
  if (meResponse.status !== 200) throw new Error(`${ROUTE} answered ${meResponse.status}: ${body}`);

  const bodyFile = path.join(dataDir, 'auth-me.json');
  fs.writeFileSync(bodyFile, body);
  const barePort = await freePort();
  const bare = startChild(`bare server (${target})`, ['--import', 'tsx', 'bench/bare-server.ts'], {
    ...process.env,
    PORT: String(barePort),
    BENCH_BODY_FILE: bodyFile,
  });
  const bareUrl = `http://127.0.0.1:${barePort}${ROUTE}`;
  const bareBody = await (await waitFor200(bare, bareUrl)).text();
  if (bareBody !== body) throw new Error(`the bare route does not return the body of ${ROUTE}`);

  const bareStats = await measure(`bare Fastify (${target} body)`, bareUrl, {}, opts);
  await bare.stop();
  const socleStats = await measure(`Socle ${ROUTE} (${target})`, `${origin}${ROUTE}`, headers, opts);
  await server.stop();

  return {
    target,
    database: target === 'pglite' ? 'PGlite (embedded, in the server process)' : 'PostgreSQL (loopback TCP)',
    socle: socleStats,
    bare: bareStats,
    ratio: {
      reqPerSec: socleStats.reqPerSec / bareStats.reqPerSec,
      p50: socleStats.latencyMs.p50 / bareStats.latencyMs.p50,
      p99: socleStats.latencyMs.p99 / bareStats.latencyMs.p99,
    },
  };
}

/** Creates a fresh database on the PostgreSQL server, or returns why it cannot. */
// ---------------------------------------------------------------- report

function table(runs: TargetRun[]): string {
  const rows: string[][] = [['target', 'req/s', 'p50 ms', 'p99 ms', 'req/s ÷ bare', 'p50 ÷ bare', 'p99 ÷ bare']];
  const f = (n: number, d: number) => n.toFixed(d);
  for (const r of runs) {
    rows.push([
      `bare Fastify (${r.target} body)`,
      f(r.bare.reqPerSec, 0),
      f(r.bare.latencyMs.p50, 2),
      f(r.bare.latencyMs.p99, 2),
      '1.000',
      '1.00',
      '1.00',
    ]);
    rows.push([
      `auth/me on ${r.target}`,
      f(r.socle.reqPerSec, 0),
      f(r.socle.latencyMs.p50, 2),
      f(r.socle.latencyMs.p99, 2),
      f(r.ratio.reqPerSec, 3),
      f(r.ratio.p50, 2),
      f(r.ratio.p99, 2),
    ]);
  }
  return formatTable(rows);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const opts = parseOptions();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const facts = machine();
  const serverEntry = serverArgs(opts.server).join(' ');
  const distStale = distIsStale(opts.server);
  log(
    `bench auth-me: ${opts.duration} s after ${opts.warmup} s warm-up, ${opts.connections} connections; ` +
      `node ${facts.node}, ${facts.cpuModel} × ${facts.cores}; server: node ${serverEntry}`,
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
    runs.push(await runTarget(target, databaseUrl, opts, log));
    await cleanupAll();
  }

  if (runs.length === 0) throw new Error('nothing measured; no result file written');

  const date = new Date();
  const report = {
    benchmark: 'auth-me',
    description: `GET ${ROUTE} with a bearer API token vs a bare Fastify route returning the same JSON`,
    date: date.toISOString(),
    git: await gitCommit(),
    machine: facts,
    settings: {
      durationS: opts.duration,
      warmupS: opts.warmup,
      connections: opts.connections,
      pipelining: 1,
      method: 'one autocannon run of warm-up + duration on the same connections; figures from the last duration s',
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

  const file = writeResult('auth-me', date, report);

  console.log('');
  console.log(table(runs));
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
