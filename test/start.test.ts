import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

/**
 * The server as `npm start` runs it, as a real process on the embedded
 * database: first start seeds the demo and prints the passwords once; a
 * restart on the same SOCLE_DATA_DIR keeps the data and prints nothing.
 */

const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-start-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function start(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const env = {
    ...process.env,
    DATABASE_URL: '',
    PORT: String(port),
    SOCLE_DATA_DIR: dir,
    SOCLE_JOBS: '0',
    LOG_LEVEL: 'warn',
    SOCLE_ADMIN_EMAIL: 'boot.admin@example.org',
    SOCLE_ADMIN_PASSWORD: 'bootstrap admin passphrase',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += String(d);
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += String(d);
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready: ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, output: () => out };
}

async function stop(child: ChildProcess): Promise<number | null> {
  child.kill('SIGTERM');
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function login(port: number, email: string, password: string): Promise<number> {
  const r = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return r.status;
}

describe('npm start on the embedded database', () => {
  it('seeds once, honours PORT and SOCLE_DATA_DIR, and keeps the data across a restart', {
    timeout: 240_000,
  }, async () => {
    const port = await freePort();
    const first = await start(port);
    const printed = first.output();
    const match = /(manager@ville-du-mans\.example)\s+(\S+)\s+manager/.exec(printed);
    assert.ok(match, `demo accounts printed: ${printed}`);
    assert.match(printed, /Admin account created: boot\.admin@example\.org/);
    assert.equal(await login(port, 'boot.admin@example.org', 'bootstrap admin passphrase'), 200);
    assert.equal(await login(port, match[1] as string, match[2] as string), 200);
    assert.ok(fs.existsSync(path.join(dir, 'pglite')), 'database kept in SOCLE_DATA_DIR');
    assert.equal(await stop(first.child), 0, 'graceful stop');

    const port2 = await freePort();
    const second = await start(port2);
    assert.doesNotMatch(second.output(), /ville-du-mans\.example\s+\S+\s+manager/, 'passwords are printed once only');
    assert.match(second.output(), /Admin account updated/);
    assert.equal(
      await login(port2, match[1] as string, match[2] as string),
      200,
      'the demo account survived the restart',
    );
    const info = (await (await fetch(`http://127.0.0.1:${port2}/api/public/info`)).json()) as {
      organisationName: string;
    };
    assert.equal(info.organisationName, 'Ville du Mans', 'one organisation, not seeded twice');
    assert.equal(await stop(second.child), 0);
  });
});
