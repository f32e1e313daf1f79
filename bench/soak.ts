import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
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
import { cannonRequests, mixSteps, openOwner, paced, paced2xx, provisionDemo, readIds } from './mix.ts';

/**
 * Benchmark `soak`: the Socle server under a steady, moderate mixed load
 * (the mix of bench/mixed.ts at a fixed rate) for `--minutes`, its memory
 * and event-loop delay sampled from inside by bench/soak-probe.mjs. Reports
 * the RSS growth between the mean of the 2 minutes after minute 1 and the mean of the last 2 minutes (target < 10 %). See
 * bench/README.md.
 *
 *   node --import tsx bench/soak.ts [--minutes 10] [--rate 20] [--connections 10] [--sample 5]
 *        [--targets pglite] [--server auto] [--pg-url …]
 */

const USAGE = `Usage: node --import tsx bench/soak.ts [options]
  --minutes <n>        length of the load (default 10)
  --rate <n>           requests per second, all connections together (default 20)
  --connections <n>    concurrent keep-alive connections (default 10)
  --sample <s>         seconds between two samples of the server's memory (default 5)
  --targets <list>     comma-separated: pglite,postgres (default pglite)
  --server <how>       auto (dist/server/main.js when built, else the sources), source or dist (default auto)
  --pg-url <url>       PostgreSQL admin URL used to create and drop the bench database
                       (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --help`;

/** The target: RSS at the end at most 10 % above minute 1. */
const MAX_GROWTH = 0.1;

type Target = 'pglite' | 'postgres';

function parseOptions() {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      rate: { type: 'string', default: '20' },
      connections: { type: 'string', default: '10' },
      sample: { type: 'string', default: '5' },
      targets: { type: 'string', default: 'pglite' },
      server: { type: 'string', default: 'auto' },
      'pg-url': { type: 'string', default: DEFAULT_PG_URL },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, raw: string) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive integer, got "${raw}"`);
    return n;
  };
  const targets = values.targets.split(',').map((t) => t.trim());
  for (const t of targets) if (t !== 'pglite' && t !== 'postgres') fail(`unknown target "${t}"; pglite or postgres`);
  const serverProblem = serverOptionProblem(values.server);
  if (serverProblem) fail(serverProblem);
  return {
    server: values.server as ServerHow,
    minutes: int('minutes', values.minutes),
    rate: int('rate', values.rate),
    connections: int('connections', values.connections),
    sampleS: int('sample', values.sample),
    targets: targets as Target[],
    pgUrl: values['pg-url'],
  };
}

function fail(message: string): never {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

type Options = ReturnType<typeof parseOptions>;
const log = (line: string) => process.stderr.write(`${line}\n`);
const MiB = (bytes: number) => round(bytes / 2 ** 20, 1);

interface Sample {
  t: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  eventLoopDelayMs: { mean: number | null; p50: number | null; p99: number | null; max: number | null };
}

interface Minute {
  minute: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  rssMiB: number | null;
  heapUsedMiB: number | null;
  eventLoopDelayP99Ms: number | null;
}

interface TargetRun {
  target: Target;
  requests: number;
  /** 2xx answers per second over the run (the requested rate is a ceiling). */
  achievedPerS: number;
  statusCodes: Record<string, number>;
  /** Mean RSS and heap of the samples in [t, t + windowS], t = min(60 s, half the run) after the load began. */
  reference: { t: number; rssMiB: number; heapUsedMiB: number; samples: number };
  /** Mean RSS and heap of the samples in the last windowS seconds, up to t. */
  end: { t: number; rssMiB: number; heapUsedMiB: number; samples: number };
  /** min(120 s, a third of the time from the reference to the end). */
  windowS: number;
  rssGrowth: number;
  heapUsedGrowth: number;
  peakRssMiB: number;
  eventLoopDelayMs: { worstP99: number; max: number };
  minutes: Minute[];
  met: boolean;
  samples: Sample[];
}

async function runTarget(target: Target, databaseUrl: string | null, opts: Options): Promise<TargetRun> {
  log(`  ${target}: bootstrap (demo organisation) and API token…`);
  const { dataDir, env, token } = await provisionDemo(target, databaseUrl);
  const owner = await openOwner(databaseUrl, dataDir, 1);
  const ids = await readIds(owner).finally(() => owner.close());
  const steps = mixSteps(ids);

  const samplesFile = path.join(dataDir, 'soak-samples.jsonl');
  const port = await freePort();
  const spawnedAt = performance.now();
  const server = startChild(
    `socle server (${target})`,
    ['--import', './bench/soak-probe.mjs', ...serverArgs(opts.server)],
    {
      ...env,
      PORT: String(port),
      BENCH_SOAK_FILE: samplesFile,
      BENCH_SOAK_INTERVAL_MS: String(opts.sampleS * 1000),
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitFor200(server, `${origin}/api/ready`);

  log(`  ${target}: ${opts.minutes} min at ${opts.rate} req/s, ${opts.connections} connections (load ${load1m()})…`);
  const perMinute: number[][] = Array.from({ length: opts.minutes }, () => []);
  const t0 = performance.now();
  // An evenly paced open loop (`paced` in bench/mix.ts), not autocannon's bursts at the top of each second.
  const result = await paced(
    origin,
    cannonRequests(steps, token),
    { rate: opts.rate, connections: opts.connections, seconds: opts.minutes * 60 },
    (status, ms) => {
      if (status < 200 || status >= 300) return;
      const minute = Math.min(opts.minutes - 1, Math.floor((performance.now() - t0) / 60_000));
      perMinute[minute]?.push(ms);
    },
  );
  // One more sample after the load.
  await new Promise((r) => setTimeout(r, opts.sampleS * 1000 + 500));
  await server.stop();
  const ok = paced2xx('soak', result);

  const samples = fs
    .readFileSync(samplesFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Sample);
  // Samples count from the probe's start (about when the server was spawned), the load after it was ready.
  const runS = opts.minutes * 60;
  const loadStart = round((t0 - spawnedAt) / 1000, 1);
  const refAt = loadStart + Math.min(60, runS / 2);
  const lastSample = samples[samples.length - 1];
  if (!lastSample || samples.length < 2) throw new Error(`too few memory samples (${samples.length})`);
  // RSS and heap follow the garbage collector's saw-tooth (±60 MiB between two samples under this
  // load): a growth between two single samples says more about where each fell in a GC cycle than
  // about a leak. Compare the mean of a window after minute 1 with the mean of the run's last window.
  const windowS = Math.min(120, (lastSample.t - refAt) / 3);
  const mean = (from: number, to: number) => {
    const w = samples.filter((x) => x.t >= from && x.t <= to);
    if (w.length === 0) throw new Error(`no memory sample between ${from} s and ${to} s`);
    const avg = (f: (x: Sample) => number) => w.reduce((n, x) => n + f(x), 0) / w.length;
    return { t: round(from, 1), rss: avg((x) => x.rss), heapUsed: avg((x) => x.heapUsed), n: w.length };
  };
  const reference = mean(refAt, refAt + windowS);
  const last = { ...mean(lastSample.t - windowS, lastSample.t), t: lastSample.t };
  const sampleAt = (minute: number) => samples.filter((s) => s.t <= loadStart + (minute + 1) * 60).pop() ?? null;
  const minutes: Minute[] = perMinute.map((lat, i) => {
    const sorted = Float64Array.from(lat).sort();
    const s = sampleAt(i);
    const inMinute = samples.filter((x) => x.t > loadStart + i * 60 && x.t <= loadStart + (i + 1) * 60);
    return {
      minute: i + 1,
      requests: lat.length,
      p50Ms: round(percentile(sorted, 50)),
      p99Ms: round(percentile(sorted, 99)),
      rssMiB: s ? MiB(s.rss) : null,
      heapUsedMiB: s ? MiB(s.heapUsed) : null,
      eventLoopDelayP99Ms: inMinute.length ? Math.max(...inMinute.map((x) => x.eventLoopDelayMs.p99 ?? 0)) : null,
    };
  });
  const underLoad = samples.filter((s) => s.t > loadStart + opts.sampleS);
  const rssGrowth = round((last.rss - reference.rss) / reference.rss, 4);
  return {
    target,
    requests: ok,
    achievedPerS: round(ok / runS, 1),
    statusCodes: result.statusCodes,
    reference: {
      t: reference.t,
      rssMiB: MiB(reference.rss),
      heapUsedMiB: MiB(reference.heapUsed),
      samples: reference.n,
    },
    end: { t: last.t, rssMiB: MiB(last.rss), heapUsedMiB: MiB(last.heapUsed), samples: last.n },
    windowS: round(windowS, 1),
    rssGrowth,
    heapUsedGrowth: round((last.heapUsed - reference.heapUsed) / reference.heapUsed, 4),
    peakRssMiB: MiB(Math.max(...samples.map((s) => s.rss))),
    // Under load only: the first samples also hold the server's start.
    eventLoopDelayMs: {
      worstP99: Math.max(0, ...underLoad.map((s) => s.eventLoopDelayMs.p99 ?? 0)),
      max: Math.max(0, ...underLoad.map((s) => s.eventLoopDelayMs.max ?? 0)),
    },
    minutes,
    met: rssGrowth < MAX_GROWTH,
    samples,
  };
}

async function main(): Promise<void> {
  const opts = parseOptions();
  const facts = machine();
  const serverEntry = serverArgs(opts.server).join(' ');
  const distStale = distIsStale(opts.server);
  log(
    `bench soak: ${opts.minutes} min at ${opts.rate} req/s over ${opts.connections} connections, a sample every ` +
      `${opts.sampleS} s; node ${facts.node}, ${facts.cpuModel} × ${facts.cores}; server: node ${serverEntry}`,
  );
  if ((facts.loadAverageAtStart['1m'] ?? 0) > facts.cores / 2)
    log(`  WARNING: the machine is busy (load ${facts.loadAverageAtStart['1m']} on ${facts.cores} cores)`);
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
  const report = {
    benchmark: 'soak',
    description: `the server under a steady mixed load; RSS growth from minute 1 to the end (target < ${MAX_GROWTH * 100} %)`,
    date: date.toISOString(),
    git: await gitCommit(),
    machine: { ...facts, loadAverageAtEnd: load1m() },
    settings: {
      minutes: opts.minutes,
      ratePerS: opts.rate,
      connections: opts.connections,
      load: 'evenly paced open loop: connection w sends at w/rate s, then every connections/rate s (bench/mix.ts paced)',
      sampleS: opts.sampleS,
      mix: mixSteps({ organisationId: '', userId: '', schoolId: ':school', assetId: ':asset', modelId: '' }).map(
        (s) => `${s.method} ${s.path}`,
      ),
      reference:
        'RSS growth = mean RSS of the last window ÷ mean RSS of the window starting min(60 s, half the run) ' +
        'after the load began − 1; window = min(120 s, a third of the time between them)',
      serverEntry: `node --import ./bench/soak-probe.mjs ${serverEntry}`,
      distStale,
      serverEnv: 'SOCLE_DEMO=1 SOCLE_JOBS=0 LOG_LEVEL=warn HOST=127.0.0.1',
    },
    versions: {
      fastify: packageVersion('fastify'),
      pglite: packageVersion('@electric-sql/pglite'),
      pg: packageVersion('pg'),
      postgresServer: postgresVersion,
    },
    runs,
    skipped,
  };
  const file = writeResult(opts.minutes === 10 ? 'soak' : `soak-${opts.minutes}min`, date, report);

  const rows: string[][] = [
    [
      'target',
      'requests',
      'RSS ref MiB (mean)',
      'RSS end MiB (mean)',
      'growth',
      'heap ref',
      'heap end',
      'ELD p99 ms',
      'met',
    ],
  ];
  for (const r of runs)
    rows.push([
      r.target,
      String(r.requests),
      `${r.reference.rssMiB} (${r.reference.t}+${r.windowS} s)`,
      `${r.end.rssMiB} (${r.end.t}-${r.windowS} s)`,
      `${(r.rssGrowth * 100).toFixed(1)} %`,
      String(r.reference.heapUsedMiB),
      String(r.end.heapUsedMiB),
      String(r.eventLoopDelayMs.worstP99),
      r.met ? 'yes' : 'NO',
    ]);
  console.log('');
  console.log(formatTable(rows));
  for (const r of runs) {
    console.log(`\n${r.target}, per minute:`);
    console.log(
      formatTable([
        ['minute', 'requests', 'p50 ms', 'p99 ms', 'RSS MiB', 'heap MiB', 'ELD p99 ms'],
        ...r.minutes.map((m) => [
          String(m.minute),
          String(m.requests),
          String(m.p50Ms),
          String(m.p99Ms),
          String(m.rssMiB ?? '-'),
          String(m.heapUsedMiB ?? '-'),
          String(m.eventLoopDelayP99Ms ?? '-'),
        ]),
      ]),
    );
  }
  for (const r of runs)
    console.log(
      `\n${r.target}: RSS growth (mean of ${r.windowS} s windows) from ${r.reference.t} s to ${r.end.t} s: ${(r.rssGrowth * 100).toFixed(1)} % — ` +
        `target < ${MAX_GROWTH * 100} %: ${r.met ? 'MET' : 'NOT MET'}`,
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
