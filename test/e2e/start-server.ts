/**
 * Starts the BUILT server (dist/server/main.js; run `npm run build` first)
 * on a fresh database for the browser journeys, and cleans up on exit.
 *
 * - Without DATABASE_URL: embedded PGlite in a new temporary SOCLE_DATA_DIR.
 * - With DATABASE_URL: a new database `socle_e2e_<random>` created on that
 *   server (dropped on exit); the server is pointed at it.
 *
 * Run by Playwright's `webServer` as `node --import tsx test/e2e/start-server.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ADMIN_EMAIL, ADMIN_PASSWORD, E2E_PORT } from './env.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const entry = path.join(root, 'dist', 'server', 'main.js');
if (!fs.existsSync(entry) || !fs.existsSync(path.join(root, 'dist', 'web', 'index.html'))) {
  console.error('start-server: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-e2e-'));
const serverUrl = process.env.DATABASE_URL;
let databaseName: string | null = null;
let databaseUrl: string | undefined;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  if (!serverUrl) return;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (serverUrl) {
  databaseName = `socle_e2e_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${databaseName}`);
  databaseUrl = withDatabase(serverUrl, databaseName);
  console.log(`start-server: PostgreSQL database ${databaseName}`);
} else {
  console.log(`start-server: PGlite in ${dataDir}`);
}

const child: ChildProcess = spawn(process.execPath, [entry], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(E2E_PORT),
    HOST: '127.0.0.1',
    SOCLE_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
    SOCLE_DEMO: '1',
    SOCLE_ADMIN_EMAIL: ADMIN_EMAIL,
    SOCLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SOCLE_JOBS: '0',
    LOG_LEVEL: 'warn',
  },
});

let cleaning: Promise<void> | null = null;
function cleanup(code: number): Promise<void> {
  cleaning ??= (async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseName) {
      await adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch((error) => {
        console.error(`start-server: could not drop ${databaseName}: ${error}`);
      });
    }
    process.exit(code);
  })();
  return cleaning;
}

child.on('exit', (code, signal) => {
  if (!cleaning) {
    console.error(`start-server: the server stopped (${signal ?? code})`);
    void cleanup(code ?? 1);
  }
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void cleanup(0));
}
