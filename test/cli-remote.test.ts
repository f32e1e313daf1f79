import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { checkOrganisation, RemoteError, remoteLabels, remoteTarget } from '../src/cli/remote.ts';
import { createSocleClient, SocleApiError, unwrap } from '../src/client/index.ts';
import { type Agent, createTestApp, json, type TestApp } from './helpers/app.ts';
import { createCatalogue, createOrganisation, createSchool, createUser, PASSWORD, uai } from './helpers/factories.ts';
import { contact, isoDay, makeLoan } from './helpers/loans.ts';

/**
 * The CLI's remote mode and the integrators' client against the real
 * application listening on loopback: the CLI runs as a child process with
 * SOCLE_URL/SOCLE_TOKEN and a DATABASE_URL it could never open, so every
 * byte goes through the HTTP API (as while the server holds PGlite).
 */

const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-cli-remote-'));
let t: TestApp;
let url: string;
let token: string;
let manager: Agent;
let schoolUai: string;
let orgSlug: string;

before(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.db, 'Ville distante');
  orgSlug = org.slug;
  const school = await createSchool(t.db, org.id, 7300001, 'École des Scripts');
  schoolUai = school.uai;
  const catalogue = await createCatalogue(t.db, org.id);
  const user = await createUser(t.db, org.id, { roles: ['manager'] });
  manager = t.agent();
  await manager.login(user.email, PASSWORD);
  const created = await manager.post('/api/auth/tokens', { name: 'scripts' });
  assert.equal(created.statusCode, 201, created.body);
  token = json<{ token: string }>(created).token;

  // One overdue loan: handed over, due ten days ago (set as the owner: the API takes no past due date on purpose).
  const director = await createUser(t.db, org.id, { roles: ['director'], schoolIds: [school.id] });
  const directorAgent = t.agent();
  await directorAgent.login(director.email, PASSWORD);
  const loan = await makeLoan(
    { requester: directorAgent, manager },
    {
      schoolId: school.id,
      modelId: catalogue.tablet,
      pupil: { firstName: 'Télémaque', lastName: 'Distant' },
      contacts: [contact('Pénélope', 'Distant', 'penelope.d@example.org')],
      dueDate: isoDay(30),
    },
  );
  await t.db.owner.execute(sql`UPDATE loans SET due_date = current_date - 10 WHERE id = ${loan.id}`);
  overdueLoanId = loan.id;

  await t.app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
let overdueLoanId: string;

after(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `socle …` as a child process (async: the server answering it runs in this process). */
function socle(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/socle.mjs', ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          // Never reachable: remote mode must not open a database at all.
          DATABASE_URL: 'postgres://nobody@127.0.0.1:9/never',
          SOCLE_DATA_DIR: path.join(dir, 'never'),
          LOG_LEVEL: 'silent',
          SOCLE_URL: url,
          SOCLE_TOKEN: token,
          ...env,
        },
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('socle CLI against a running server (SOCLE_URL + SOCLE_TOKEN)', () => {
  it('imports schools and assets and writes labels through the API', { timeout: 120_000 }, async () => {
    const schoolsFile = path.join(dir, 'ecoles.csv');
    fs.writeFileSync(
      schoolsFile,
      `uai;nom;type\n${uai(7300002)};École Distante A;primaire\n${uai(7300003)};École Distante B;maternelle\n`,
    );
    const badFile = path.join(dir, 'bad.csv');
    fs.writeFileSync(badFile, `uai;nom;type\n${uai(7300004)};École Valable;primaire\n0720022X;Mauvais;primaire\n`);
    const assetsFile = path.join(dir, 'assets.csv');
    fs.writeFileSync(
      assetsFile,
      [
        'Asset Tag,Model Name,Category,Location,Status',
        `REM-1,ProBook 450,Ordinateur portable enseignant,${schoolUai},Deployed`,
        `REM-2,ProBook 450,Ordinateur portable enseignant,${schoolUai},Deployed`,
        `REM-3,ProBook 450,Ordinateur portable enseignant,${schoolUai},Ready to Deploy`,
      ].join('\n'),
    );
    // Independent commands, run side by side (each child process takes seconds to start).
    const [real, bad, assets] = await Promise.all([
      socle(['import', 'schools', schoolsFile]),
      socle(['import', 'schools', badFile]),
      socle(['import', 'assets', assetsFile, '--create-missing', '--json']),
    ]);
    assert.equal(real.code, 0, real.stderr);
    assert.match(real.stdout, /Format socle .*2 rows read/);
    assert.match(real.stdout, /Created 2, updated 0, unchanged 0/);
    const listed = json<{ items: { uai: string; name: string }[] }>(
      await manager.get('/api/schools', { query: { q: 'Distante' } }),
    );
    assert.deepEqual(listed.items.map((s) => s.uai).sort(), [uai(7300002), uai(7300003)].sort());

    // Invalid rows: the problem's title, detail and every field, exit 1, nothing written.
    assert.equal(bad.code, 1);
    assert.match(
      bad.stderr,
      /^socle: Invalid input: 1 invalid row\(s\); nothing was imported \(HTTP 400 VALIDATION_FAILED\)/,
    );
    assert.match(bad.stderr, /\n {2}line 3, uai: uai_checksum: 0720022X/);
    assert.equal(json<{ total: number }>(await manager.get('/api/schools', { query: { q: 'Valable' } })).total, 0);

    assert.equal(assets.code, 0, assets.stderr);
    const assetReport = JSON.parse(assets.stdout) as { created: number; modelsCreated: string[]; seconds: number };
    assert.equal(assetReport.created, 3);
    assert.deepEqual(assetReport.modelsCreated, ['ProBook 450']);
    const rem = json<{ items: { tag: string; status: string }[] }>(
      await manager.get('/api/assets', { query: { q: 'REM-' } }),
    );
    assert.deepEqual(rem.items.map((a) => a.tag).sort(), ['REM-1', 'REM-2', 'REM-3']);

    const pdfFile = path.join(dir, 'labels.pdf');
    const labels = await socle([
      'labels',
      '--school',
      schoolUai.toLowerCase(),
      '--status',
      'deployed',
      '--layout',
      'a4-4x10',
      '--out',
      pdfFile,
    ]);
    assert.equal(labels.code, 0, labels.stderr);
    // REM-1 and REM-2: not REM-3 (ready to deploy) nor the lent tablet.
    assert.match(labels.stdout, /^2 labels written to /);
    assert.equal(fs.readFileSync(pdfFile).subarray(0, 5).toString(), '%PDF-');
  });

  it('reports a wrong token, an unreachable server and a half configuration clearly', { timeout: 60_000 }, async () => {
    const wrongToken = 'socle_pat_thisIsNotARealTokenAtAll0123456789abcdefgh';
    const wrong = await socle(['import', 'schools', path.join(dir, 'ecoles.csv')], { SOCLE_TOKEN: wrongToken });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /Authentication required: Invalid or revoked API token \(HTTP 401 UNAUTHENTICATED\)/);
    assert.ok(!wrong.stderr.includes(wrongToken) && !wrong.stdout.includes(wrongToken), 'the token is never printed');

    // No server there: exit code 3 (like a database that cannot be opened), the address but no token.
    const down = remoteTarget({ url: 'http://127.0.0.1:9', token });
    assert.ok(down);
    await assert.rejects(remoteLabels(down, { tags: 'REM-1', layout: 'a4-3x8', skip: 0 }), (e: unknown) => {
      assert.ok(e instanceof RemoteError);
      assert.equal(e.exitCode, 3);
      assert.match(e.message, /^Cannot reach http:\/\/127\.0\.0\.1:9: /);
      assert.ok(!e.message.includes(token));
      return true;
    });

    // Half a configuration and a token of another organisation: refused before any upload.
    assert.throws(() => remoteTarget({ token }), /no server: give --url or SOCLE_URL/);
    assert.throws(
      () => remoteTarget({ url }),
      /No API token for http:\/\/127\.0\.0\.1:\d+: give --token or SOCLE_TOKEN/,
    );
    assert.equal(remoteTarget({ url: '', token: '' }), null, 'neither: local mode');
    const target = remoteTarget({ url: `${url}/`, token });
    assert.ok(target);
    await checkOrganisation(target, orgSlug);
    await assert.rejects(checkOrganisation(target, 'elsewhere'), (e: unknown) => {
      assert.ok(e instanceof RemoteError);
      assert.equal(
        e.message,
        `The API token belongs to organisation "${orgSlug}", not "elsewhere"; drop --organisation or use a token of "elsewhere"`,
      );
      return true;
    });
  });

  it('lists the overdue loans with the typed client, as the README example does', { timeout: 60_000 }, async () => {
    const socleClient = createSocleClient({ url, token });
    const overdue = await unwrap(socleClient.GET('/api/loans', { params: { query: { overdue: 'true' } } }));
    assert.deepEqual(
      overdue.items.map((l) => [l.id, l.overdue]),
      [[overdueLoanId, true]],
    );
    await assert.rejects(
      unwrap(createSocleClient({ url, token: 'socle_pat_nope' }).GET('/api/loans')),
      (e: unknown) => e instanceof SocleApiError && e.status === 401 && e.code === 'UNAUTHENTICATED',
    );

    // The README's TypeScript example, run as written (its import pointed at this checkout).
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /<!-- overdue-loans example[^>]*-->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(block, 'README has the overdue-loans example');
    const script = path.join(dir, 'overdue-loans.mts');
    fs.writeFileSync(
      script,
      block.replace("'./src/client/index.ts'", `'${pathToFileURL(path.join(root, 'src/client/index.ts')).href}'`),
    );
    const run = await new Promise<Run>((resolve) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', script],
        { cwd: root, env: { ...process.env, SOCLE_URL: url, SOCLE_TOKEN: token }, encoding: 'utf8' },
        (error, stdout, stderr) => resolve({ code: error ? 1 : 0, stdout, stderr }),
      ),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`${schoolUai} École des Scripts`));
    assert.match(run.stdout, /1 overdue loan\(s\)\n$/);
    assert.ok(!run.stdout.includes('Télémaque') && !run.stdout.includes('Pénélope'), 'pseudonymised');
  });
});
