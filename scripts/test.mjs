// `npm test`: every test of the project.
//  1. unit + integration tests with Node's test runner (through tsx), on
//     PGlite, or on PostgreSQL when DATABASE_URL is set;
//  2. browser journeys with Playwright in Chromium (axe on every page).
// Without a Chromium the browser tests are skipped LOUDLY — and under CI=true
// that is a failure. Flags: --unit (only 1), --e2e (only 2), or test files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const onlyUnit = args.includes('--unit');
const onlyE2e = args.includes('--e2e');
const files = args.filter((a) => !a.startsWith('--'));
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

function findTests(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'e2e', 'data', '.git'].includes(entry.name)) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) findTests(p, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(path.relative(root, p));
  }
  return out;
}

function run(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

let failed = false;

if (!onlyE2e) {
  const tests = files.length
    ? files
    : [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))].sort();
  // Build the migrated database template once, before the files run in parallel.
  const prep = run(process.execPath, [
    '--import',
    'tsx',
    '-e',
    "await (await import('./test/helpers/db.ts')).prepareTemplate()",
  ]);
  if (prep !== 0) process.exit(prep);
  fs.mkdirSync(path.join(root, '.test-results'), { recursive: true });
  const tap = path.join(root, '.test-results', 'node.tap');
  console.log(`\n▶ ${tests.length} test files on ${engine}\n`);
  const status = run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${Math.max(2, Math.min(4, os.availableParallelism()))}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...tests,
  ]);
  // The summary in TAP form (# tests / # pass / # fail) for CI to read.
  const summary = fs
    .readFileSync(tap, 'utf8')
    .split('\n')
    .filter((l) => /^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /.test(l));
  console.log(`\nNode test runner on ${engine}:\n${summary.join('\n')}\n`);
  if (status !== 0) failed = true;
}

if (!onlyUnit && files.length === 0) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    const banner = `\n${'!'.repeat(78)}\n!!  BROWSER TESTS SKIPPED: no Chromium at ${chromium}\n!!  Install it (apt-get install chromium) or set CHROMIUM_PATH.\n${'!'.repeat(78)}\n`;
    console.error(banner);
    if (process.env.CI === 'true') {
      console.error('CI=true: a skipped browser suite is a failure.');
      failed = true;
    }
  } else {
    console.log(`\n▶ browser journeys (Playwright, ${chromium}) on ${engine}\n`);
    if (process.env.DATABASE_URL && process.env.SOCLE_E2E_AXE !== '1')
      console.log(
        '  axe checks run on the PGlite pass only (pages do not depend on the engine; SOCLE_E2E_AXE=1 to run them here)\n',
      );
    if (run('npm', ['run', 'build', '--silent']) !== 0) failed = true;
    else if (run(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test']) !== 0)
      failed = true;
  }
}

process.exit(failed ? 1 : 0);
