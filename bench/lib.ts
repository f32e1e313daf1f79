import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/connection.ts';
import { loadSecrets } from '../src/server/secrets.ts';

/**
 * What the benchmarks share: cleanup on exit, child processes (the Socle
 * server, the CLI), a fresh PostgreSQL database per run, percentiles,
 * machine facts and plain-text tables. Importing this module installs the
 * signal handlers that clean up on Ctrl-C.
 */

export const execFileAsync = promisify(execFile);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH = path.join(ROOT, 'bench');
export const DIST_SERVER = 'dist/server/main.js';
export const DEFAULT_PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// ---------------------------------------------------------------- cleanup

const cleanups: (() => Promise<void>)[] = [];

/** Registers work to undo; run last-in first-out by `cleanupAll`. */
export function onCleanup(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

export async function cleanupAll(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop();
    await fn?.().catch((error: unknown) => console.error(`bench: cleanup failed: ${String(error)}`));
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, cleaning up…`);
    void cleanupAll().then(() => process.exit(130));
  });
}
// Output piped into a closed reader (`| head`) must not kill the run before its cleanup.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);
// Last resort when the run dies anyway: no server outlives it.
const liveChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const proc of liveChildren) proc.kill('SIGKILL');
});

// ---------------------------------------------------------------- processes

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export type ServerHow = 'auto' | 'source' | 'dist';

/** Checks a `--server` value; returns an error message, or null when valid. */
export function serverOptionProblem(how: string): string | null {
  if (how !== 'auto' && how !== 'source' && how !== 'dist') return '--server must be auto, source or dist';
  if (how === 'dist' && !fs.existsSync(path.join(ROOT, DIST_SERVER))) return `${DIST_SERVER} is missing; npm run build`;
  return null;
}

/** How to start the Socle server: the esbuild bundle, or the TypeScript sources through tsx. */
export function serverArgs(how: ServerHow): string[] {
  const built = fs.existsSync(path.join(ROOT, DIST_SERVER));
  return how === 'dist' || (how === 'auto' && built) ? [DIST_SERVER] : ['--import', 'tsx', 'src/server/main.ts'];
}

/** Newest modification time of the server's source files (not tests, not the web UI), in ms. */
export function newestServerSource(): number {
  let newest = 0;
  const src = path.join(ROOT, 'src');
  for (const entry of fs.readdirSync(src, { withFileTypes: true, recursive: true })) {
    const rel = path.relative(src, path.join(entry.parentPath, entry.name));
    if (entry.isFile() && !rel.startsWith(`web${path.sep}`) && !/\.test\.tsx?$/.test(entry.name))
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when the server would run from a bundle older than its sources. */
export function distIsStale(how: ServerHow): boolean {
  return serverArgs(how)[0] === DIST_SERVER && fs.statSync(path.join(ROOT, DIST_SERVER)).mtimeMs < newestServerSource();
}

export interface Child {
  readonly name: string;
  readonly proc: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-16_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  liveChildren.add(proc);
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      liveChildren.delete(proc);
      resolve();
    }),
  );
  const child: Child = {
    name,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  cleanups.push(() => child.stop());
  return child;
}

/** Polls `url` until it answers 200; fails if the child exits or after `timeoutMs`. */
export async function waitFor200(
  child: Child,
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.proc.exitCode !== null) {
      throw new Error(`${child.name} exited with code ${child.proc.exitCode}:\n${child.output()}`);
    }
    try {
      const res = await fetch(url, { headers });
      if (res.status === 200) return res;
      await res.arrayBuffer();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${child.name}: ${url} not 200 after ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs `socle <args>` (bin/socle.mjs) to completion and returns its standard output. */
export async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await execFileAsync(process.execPath, ['bin/socle.mjs', ...args], {
      cwd: ROOT,
      env,
      maxBuffer: 100_000_000,
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`socle ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

// ---------------------------------------------------------------- figures

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

/** Rounds for the JSON report (figures, not noise). */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The 1-minute load average now, rounded. */
export function load1m(): number {
  return round(os.loadavg()[0] ?? 0);
}

/** Left-aligned first column, right-aligned others, a dashed rule under the header. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const [head, ...body] = rows;
  return [line(head ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------- PostgreSQL

/**
 * Creates a fresh database `<prefix>_<time>_<pid>` on the PostgreSQL server
 * (dropped by `cleanupAll` unless `drop` is false), or returns why it cannot.
 */
export async function createPgDatabase(
  adminUrl: string,
  prefix = 'socle_bench',
  drop = true,
): Promise<{ url: string; name: string; serverVersion: string } | { skipped: string }> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    return { skipped: `no PostgreSQL answers at ${redact(adminUrl)} (${(error as Error).message})` };
  }
  try {
    const name = `${prefix}_${Date.now()}_${process.pid}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
    if (drop)
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await c.end();
        }
      });
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), name, serverVersion: version ?? 'unknown' };
  } finally {
    await admin.end();
  }
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://***';
  }
}

// ---------------------------------------------------------------- report

export function packageVersion(name: string): string {
  try {
    const file = path.join(ROOT, 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export async function gitCommit(): Promise<{ commit: string; dirty: boolean } | null> {
  try {
    const { stdout: commit } = await execFileAsync('git', ['rev-parse', 'HEAD'], { cwd: ROOT });
    const { stdout: status } = await execFileAsync('git', ['status', '--porcelain'], { cwd: ROOT });
    return { commit: commit.trim(), dirty: status.trim().length > 0 };
  } catch {
    return null;
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    // An object, not an array: Biome would reformat a short JSON array onto one line.
    loadAverageAtStart: Object.fromEntries(
      ['1m', '5m', '15m'].map((k, i) => [k, Math.round((os.loadavg()[i] ?? 0) * 100) / 100]),
    ),
  };
}

/** Writes `bench/results/<UTC date>-<name>.json` and returns its path. */
export function writeResult(name: string, date: Date, report: unknown): string {
  const dir = path.join(BENCH, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${date.toISOString().slice(0, 10)}-${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** A small deterministic generator (mulberry32): the same dataset on both engines and every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Timed<T> = { ms: number; value: T };
export async function timed<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Inserts rows given as objects through `jsonb_to_recordset`: one parameter per statement. */
export async function insertJson(db: Database, table: string, columns: string, types: string, values: object[]) {
  for (let i = 0; i < values.length; i += 10_000) {
    await db.owner.execute(
      sql.raw(
        `insert into ${table} (${columns}) select ${columns} from jsonb_to_recordset('${JSON.stringify(
          values.slice(i, i + 10_000),
        ).replace(/'/g, "''")}'::jsonb) as x(${types})`,
      ),
    );
  }
}

export type Target = 'pglite' | 'postgres';

/**
 * The command line every in-process benchmark shares: `--targets`,
 * `--pg-url`, `--help`, and positive integers given in camelCase
 * (`linesPerInvoice` is `--lines-per-invoice`). Exits 2 with the usage on a
 * bad value.
 */
export function parseBenchOptions<K extends string>(
  usage: string,
  o: { targets: string; ints: Record<K, string> },
): { targets: Target[]; pgUrl: string } & Record<K, number> {
  const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const options: Record<string, { type: 'string'; default: string } | { type: 'boolean'; default: boolean }> = {
    targets: { type: 'string', default: o.targets },
    'pg-url': { type: 'string', default: DEFAULT_PG_URL },
    help: { type: 'boolean', default: false },
  };
  for (const [k, v] of Object.entries<string>(o.ints)) options[kebab(k)] = { type: 'string', default: v };
  const { values } = parseArgs({ options }) as { values: Record<string, string | boolean> };
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const fail = (message: string): never => {
    console.error(`${message}\n${usage}`);
    process.exit(2);
  };
  const targets = String(values.targets)
    .split(',')
    .map((t) => t.trim());
  if (targets.some((t) => t !== 'pglite' && t !== 'postgres')) fail('--targets: pglite and/or postgres');
  const ints = {} as Record<K, number>;
  for (const k of Object.keys(o.ints) as K[]) {
    const n = Number(values[kebab(k)]);
    if (!Number.isInteger(n) || n < 1) fail(`--${kebab(k)} must be a positive integer`);
    ints[k] = n;
  }
  return { targets: targets as Target[], pgUrl: String(values['pg-url']), ...ints };
}

/**
 * A fresh, migrated database for an in-process benchmark: a temporary
 * PGlite directory, or a new database on the PostgreSQL server (`skipped`
 * when none answers); both removed by the cleanup.
 */
export async function openBenchDatabase(target: Target, pgUrl: string, name: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `socle-bench-${name}-`));
  onCleanup(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  let url: string | null = null;
  let serverVersion: string | null = null;
  if (target === 'postgres') {
    const created = await createPgDatabase(pgUrl);
    if ('skipped' in created) return { skipped: created.skipped };
    url = created.url;
    serverVersion = created.serverVersion;
  }
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SOCLE_DEMO: '0',
    SOCLE_JOBS: '0',
    SOCLE_DATA_DIR: dataDir,
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const db = await openDatabase(config);
  onCleanup(() => db.close());
  await db.migrate();
  const secrets = await loadSecrets(db, config);
  return { db, config, secrets, serverVersion };
}
