import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from '../src/server/db/lock.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('one process per embedded database', () => {
  it('refuses a second lock, takes over a stale one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-lock-'));
    const dataDir = path.join(dir, 'pglite');
    const lock = acquireDataDirLock(dataDir);
    assert.throws(() => acquireDataDirLock(dataDir), DataDirLockedError);
    lock.release();
    // A lock file left by a dead process.
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    assert.equal(dead.status, 0);
    fs.writeFileSync(`${dataDir}.lock`, String(dead.pid));
    const again = acquireDataDirLock(dataDir);
    again.release();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a second socle process on the same data directory says so clearly and exits', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-lock-'));
    const env = {
      ...process.env,
      SOCLE_DATA_DIR: dir,
      SOCLE_DEMO: '0',
      LOG_LEVEL: 'silent',
      SOCLE_JOBS: '0',
      PORT: '0',
      DATABASE_URL: '',
    };
    const first = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('first server did not start')), 90_000);
        first.stdout.on('data', (d: Buffer) => {
          if (String(d).includes('Socle:')) {
            clearTimeout(timer);
            resolve();
          }
        });
        first.on('exit', (code) => reject(new Error(`first server exited ${code}`)));
      });
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(second.status, 3);
      assert.match(second.stderr, /already in use by another Socle process \(pid \d+\)/);
      assert.match(second.stderr, /DATABASE_URL/);
    } finally {
      first.kill('SIGTERM');
      await new Promise((r) => first.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
