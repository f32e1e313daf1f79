import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { demoDatabase } from '../../test/resilience/helpers.ts';

/** The `socle` command as users run it, on a real database of its own. */

const root = path.resolve(import.meta.dirname, '../..');
let env: Record<string, string>;
let dir: string | null = null;
let dbName: string | null = null;

before(async () => {
  env = { ...(process.env as Record<string, string>), LOG_LEVEL: 'silent', SOCLE_DEMO: '1', SOCLE_JOBS: '0' };
  // The demo database of the test run (seeded once for every file that needs it): seeding it
  // again here cost ~40 s; `seed demo` then proves it does nothing on a seeded database.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-cli-'));
  let url: string | null = null;
  if (process.env.DATABASE_URL) {
    dbName = `socle_cli_${process.pid}`;
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${dbName}`;
    url = u.toString();
    env.DATABASE_URL = url;
  } else {
    env.SOCLE_DATA_DIR = dir;
    env.DATABASE_URL = '';
  }
  await demoDatabase(dir, url);
});

after(async () => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (dbName && process.env.DATABASE_URL) {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  }
});

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `socle ARGS` in a child process, exactly as users run it (bin/socle.mjs). */
const spawned = (...args: string[]): Run =>
  spawnSync(process.execPath, ['bin/socle.mjs', ...args], { cwd: root, env, encoding: 'utf8' });

/**
 * `socle ARGS` inside this process, through the same `runCli` bin/socle.mjs
 * calls, with the same environment and its output captured: a child process
 * per command cost ~10 s of start-up each (tsx, PGlite), most of this file's
 * time. Commands run one at a time (the test is sequential).
 */
async function socle(...args: string[]): Promise<Run> {
  const { runCli } = await import('./main.ts');
  const saved = { env: { ...process.env }, out: process.stdout.write, err: process.stderr.write };
  let stdout = '';
  let stderr = '';
  Object.assign(process.env, env);
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    await runCli(['node', 'socle', ...args]);
    return { status: process.exitCode ?? 0, stdout, stderr };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.exitCode = undefined;
    for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key];
    Object.assign(process.env, saved.env);
  }
}

describe('socle CLI', () => {
  it('migrates, leaves a seeded demo alone, creates users and tokens, reports bad input clearly', {
    timeout: 180_000,
  }, async () => {
    const migrate = spawned('migrate', '--json');
    assert.equal(migrate.status, 0, migrate.stderr);
    const status = JSON.parse(migrate.stdout) as { applied: number; expected: number };
    assert.equal(status.applied, status.expected);

    const seed = await socle('seed', 'demo', '--json');
    assert.equal(seed.status, 0, seed.stderr);
    assert.equal((JSON.parse(seed.stdout) as { created: boolean }).created, false, 'the demo is there already');

    const created = await socle(
      'user',
      'create',
      '--email',
      'Dir@Example.org',
      '--password',
      'directrice passphrase',
      '--role',
      'director',
      '--school',
      '0720022h',
      '--json',
    );
    assert.equal(created.status, 0, created.stderr);
    assert.equal((JSON.parse(created.stdout) as { created: boolean }).created, true);
    const again = await socle(
      'user',
      'create',
      '--email',
      'dir@example.org',
      '--password',
      'another passphrase',
      '--role',
      'teacher',
      '--json',
    );
    assert.equal((JSON.parse(again.stdout) as { created: boolean }).created, false, 'idempotent: resets the password');

    const weak = await socle('user', 'create', '--email', 'x@example.org', '--password', 'weak', '--role', 'teacher');
    assert.equal(weak.status, 1);
    assert.match(weak.stderr, /too short/);
    // Commander's own argument errors end the process: run it as users do.
    const badRole = spawned(
      'user',
      'create',
      '--email',
      'x@example.org',
      '--password',
      'long enough passphrase',
      '--role',
      'emperor',
    );
    assert.notEqual(badRole.status, 0);
    assert.match(badRole.stderr, /unknown role/);
    const badSchool = await socle(
      'user',
      'create',
      '--email',
      'x@example.org',
      '--password',
      'long enough passphrase',
      '--role',
      'teacher',
      '--school',
      '9999999Z',
    );
    assert.equal(badSchool.status, 1);
    assert.match(badSchool.stderr, /No school with UAI 9999999Z/);

    const token = await socle('token', 'create', '--email', 'dir@example.org', '--name', 'script');
    assert.equal(token.status, 0, token.stderr);
    assert.match(token.stdout.trim(), /^socle_pat_[A-Za-z0-9_-]{43}$/);
    const noUser = await socle('token', 'create', '--email', 'ghost@example.org', '--name', 'script');
    assert.equal(noUser.status, 1);
    assert.match(noUser.stderr, /No account ghost@example.org/);

    const fixture = path.join(root, 'test', 'fixtures', 'sample_annuaire_val-de-marne_ecoles_publiques_2026.csv');
    // The demo organisation keeps only Le Mans (72181) unless told otherwise.
    const filtered = JSON.parse((await socle('import', 'schools', fixture, '--dry-run', '--json')).stdout) as {
      created: number;
      skipped: Record<string, number>;
    };
    assert.equal(filtered.created, 0);
    assert.equal(filtered.skipped.other_commune, 613);
    const dry = await socle('import', 'schools', fixture, '--dry-run', '--all-communes', '--json');
    assert.equal(dry.status, 0, dry.stderr);
    assert.equal((JSON.parse(dry.stdout) as { created: number; written: boolean }).created, 613);
    const real = await socle('import', 'schools', fixture, '--all-communes');
    assert.equal(real.status, 0, real.stderr);
    assert.match(real.stdout, /Created 613, updated 0/);
    const badFile = path.join(os.tmpdir(), `socle-bad-${process.pid}.csv`);
    fs.writeFileSync(badFile, 'uai;nom;type\n0720022H;Courboulay;primaire\n0720022X;Mauvais;primaire\n');
    const bad = await socle('import', 'schools', badFile);
    fs.rmSync(badFile);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /1 invalid row\(s\); nothing was imported\n {2}line 3, uai: uai_checksum: 0720022X/);
    assert.equal((await socle('import', 'schools', '/nonexistent.csv')).status, 1);

    const assetsFile = path.join(os.tmpdir(), `socle-assets-${process.pid}.csv`);
    fs.writeFileSync(
      assetsFile,
      [
        'Asset Tag,Model Name,Category,Location,Status',
        'CLI-1,ProBook 450,Ordinateur portable enseignant,0720022H,Deployed',
        'CLI-2,ProBook 450,Ordinateur portable enseignant,0720022H,Deployed',
        'CLI-1,ProBook 450,Ordinateur portable enseignant,,',
      ].join('\n'),
    );
    const assetsDry = await socle('import', 'assets', assetsFile, '--create-missing', '--dry-run', '--json');
    assert.equal(assetsDry.status, 0, assetsDry.stderr);
    assert.deepEqual(
      (JSON.parse(assetsDry.stdout) as { rejected: { line: number }[] }).rejected.map((r) => r.line),
      [4],
    );
    assert.equal(
      (await socle('import', 'assets', assetsFile, '--create-missing')).status,
      1,
      'invalid rows: nothing written',
    );
    const assetsReal = await socle('import', 'assets', assetsFile, '--create-missing', '--skip-invalid');
    assert.equal(assetsReal.status, 0, assetsReal.stderr);
    assert.match(assetsReal.stdout, /created 2/);
    fs.rmSync(assetsFile);
    const pdfFile = path.join(os.tmpdir(), `socle-labels-${process.pid}.pdf`);
    const labels = await socle(
      'labels',
      '--school',
      '0720022H',
      '--status',
      'deployed',
      '--layout',
      'a4-4x10',
      '--out',
      pdfFile,
    );
    assert.equal(labels.status, 0, labels.stderr);
    assert.match(labels.stdout, /labels written/);
    assert.equal(fs.readFileSync(pdfFile).subarray(0, 5).toString(), '%PDF-');
    fs.rmSync(pdfFile);
    assert.equal((await socle('labels', '--out', pdfFile)).status, 1);

    const verify = await socle('audit', 'verify');
    assert.equal(verify.status, 0, verify.stderr);
  });
});
