import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DemoAccount } from '../../src/server/bootstrap.ts';
import { newPglite } from '../../src/server/db/connection.ts';
import { prepareDemoTemplate } from '../helpers/db.ts';

/**
 * Real processes for the resilience tests: the `socle` command and the
 * server started the way an operator starts them, and scratch PostgreSQL
 * databases next to the test's own.
 */

export const root = path.resolve(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Base environment of a child process: quiet, no demo, no jobs unless asked, on the given database. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    SOCLE_DEMO: '0',
    SOCLE_JOBS: '0',
    DATABASE_URL: '',
    ...extra,
  };
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `socle ARGS` (bin/socle.mjs) to its end. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'socle.mjs'), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += String(d);
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += String(d);
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly base: string;
  output(): string;
  /** SIGKILL and wait for the process to be gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

/** `src/server/main.ts` as a process; resolves once /api/ready answers 200. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const { server, ready } = await launchServer(env);
  await ready;
  return server;
}

/**
 * `src/server/main.ts` as a process, returned at once (for a test that acts
 * while it starts: its jobs may run before it listens); `ready` resolves
 * once /api/ready answers 200, and rejects if it exits or takes too long.
 */
export async function launchServer(env: NodeJS.ProcessEnv): Promise<{ server: ServerProcess; ready: Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += String(d);
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += String(d);
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
  const ready = (async () => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited: ${out}`);
      try {
        const r = await fetch(`${base}/api/ready`);
        if (r.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`server not ready: ${out}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  ready.catch(() => undefined); // the caller may kill it before it is ready
  const server: ServerProcess = {
    child,
    port,
    base,
    output: () => out,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited();
      return child.exitCode;
    },
  };
  return { server, ready };
}

/** A scratch database on the test's PostgreSQL server (DATABASE_URL); dropped by `drop`. */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A tiny cookie-keeping HTTP client for a server process (sends the CSRF header like the web UI). */
export class HttpAgent {
  readonly cookies = new Map<string, string>();

  async request(base: string, method: string, url: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('socle_csrf');
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${base}${url}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, at);
      const value = (pair ?? '').slice(at + 1);
      if (!value || /max-age=0|expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return r;
  }
}

/**
 * A migrated database with the demo organisation, at `dataDir/pglite` (PGlite)
 * or in the database `url` (PostgreSQL, replaced); returns the demo accounts.
 * It is a copy of the demo template of the test run (`test/helpers/db.ts`,
 * `demo+loans`: the demo as `SOCLE_DEMO` seeds it, with its family loans),
 * seeded once per run and shared with the other test files: the PGlite
 * tarball unpacked into the directory, or `CREATE DATABASE … TEMPLATE`.
 */
export async function demoDatabase(dataDir: string, url: string | null): Promise<DemoAccount[]> {
  const template = await prepareDemoTemplate('demo+loans');
  if (url) {
    const name = new URL(url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.name}`);
          break;
        } catch (error) {
          // Another file is cloning the same template at this instant.
          if (attempt > 40 || !/being accessed by other users/.test(String(error))) throw error;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        }
      }
    } finally {
      await admin.end();
    }
    return template.accounts;
  }
  fs.mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
  const client = newPglite(path.join(dataDir, 'pglite'), {
    loadDataDir: new Blob([fs.readFileSync(path.join(os.tmpdir(), `${template.name}.tar`))]),
  });
  await client.waitReady;
  await client.close();
  return template.accounts;
}

/** The WAL segment of a PGlite directory written last (names sort in write order): it changes once ~16 MB of WAL were written. */
export function newestWal(dataDir: string): string {
  const walDir = path.join(dataDir, 'pglite', 'pg_wal');
  return (
    fs
      .readdirSync(walDir)
      .filter((n) => /^[0-9A-F]{24}$/.test(n))
      .map((n) => ({ n, at: fs.statSync(path.join(walDir, n)).mtimeMs }))
      .sort((x, y) => x.at - y.at || x.n.localeCompare(y.n))
      .at(-1)?.n ?? ''
  );
}

/**
 * Resolves once another process is writing: on PostgreSQL a backend with a
 * transaction id whose activity matches `activitySql` (a condition on
 * pg_stat_activity), on PGlite the WAL moving past `walBefore`. Rejects when
 * `alive()` turns false or after two minutes (`what` names the writer).
 */
export async function untilWriting(opts: {
  readonly url: string | null;
  readonly dataDir: string;
  readonly walBefore: string;
  readonly activitySql: string;
  readonly alive: () => boolean;
  readonly what: string;
  readonly pollMs: number;
}): Promise<void> {
  const deadline = Date.now() + 120_000;
  let client: pg.Client | null = null;
  if (opts.url) {
    client = new pg.Client({ connectionString: opts.url });
    await client.connect();
  }
  try {
    for (;;) {
      if (!opts.alive()) throw new Error(`${opts.what} ended before it could be killed`);
      if (client) {
        const r = await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
              AND ${opts.activitySql}`,
        );
        if (r.rows[0].n > 0) return;
      } else if (newestWal(opts.dataDir) !== opts.walBefore) return;
      if (Date.now() > deadline) throw new Error(`${opts.what} did not start writing`);
      await new Promise((r) => setTimeout(r, opts.pollMs));
    }
  } finally {
    await client?.end();
  }
}
