import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.ts';
import { type Database, openDatabase, rows } from '../../src/server/db/connection.ts';
import type { App } from '../../src/server/http/types.ts';
import { loadSecrets } from '../../src/server/secrets.ts';
import { Agent, createTestApp, json, type TestApp } from '../helpers/app.ts';
import { engine } from '../helpers/db.ts';
import { createCatalogue, createOrganisation, createSchool, createUser, PASSWORD } from '../helpers/factories.ts';
import { contact } from '../helpers/loans.ts';

/**
 * The races of the modules (issue #10, point 5) between two application
 * instances, each with its own connection pool, on one database — what two
 * processes behind a load balancer do. Each race has exactly one winner;
 * the loser gets a 409 problem+json with a stable code; the rows stay
 * consistent. On PostgreSQL the requests really run in parallel on
 * separate connections; PGlite is one session, so there both instances share
 * it and the requests are serialised (the assertions are the same).
 *
 * Covered elsewhere, not repeated here: double booking of one cart
 * (bookings/routes.test.ts, plus the exclusion constraint on PostgreSQL),
 * double claim of one expense line (funding/claims.test.ts, CLAIM_LINE_TAKEN),
 * 50 concurrent allocations / handovers through one instance
 * (loans/routes.test.ts).
 */

type Problem = { type: string; code: string; status: number };

let t: TestApp;
let dbB: Database;
let appB: App;
let a: Agent;
let b: Agent;
let schoolId: string;
let orgId: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;

before(async () => {
  t = await createTestApp();
  // Instance B: its own pool on the same PostgreSQL database (PGlite: the same single session).
  dbB = engine === 'postgres' ? await openDatabase(t.config) : t.db;
  appB = await buildApp(
    { config: t.config, db: dbB, jobs: null, secrets: await loadSecrets(dbB, t.config) },
    { webDir: null, logger: false },
  );
  await appB.ready();
  orgId = (await createOrganisation(t.db, 'Ville Course')).id;
  models = await createCatalogue(t.db, orgId);
  schoolId = (await createSchool(t.db, orgId, 7201301, 'École de la Course')).id;
  const manager = await createUser(t.db, orgId, { roles: ['manager'] });
  a = t.agent();
  await a.login(manager.email, PASSWORD);
  // The same session, presented to the other instance.
  b = new Agent(appB);
  for (const [k, v] of a.cookies) b.cookies.set(k, v);
});

after(async () => {
  await appB.close();
  if (dbB !== t.db) await dbB.close();
  await t.close();
});

async function device(status = 'deployed') {
  const r = await a.post('/api/assets', { modelId: models.tablet, status, schoolId });
  assert.equal(r.statusCode, 201, r.body);
  return json<{ id: string; tag: string; version: number }>(r);
}

async function approvedRequest(n: number): Promise<string> {
  const created = await a.post('/api/loans/requests', {
    schoolId,
    pupil: { firstName: `Élève${n}`, lastName: 'Course' },
    household: { locale: 'fr', contacts: [contact('Parent', `Course${n}`, `parent${n}@example.org`)] },
    need: { connectivity: false },
    eligibility: { eligible: true, reasonCode: 'no_device_at_home', decidedOn: '2026-09-07' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = json<{ id: string }>(created).id;
  assert.equal((await a.post(`/api/loans/requests/${id}/approve`)).statusCode, 200);
  return id;
}

function assertProblem409(r: { statusCode: number; headers: Record<string, unknown>; body: string }): Problem {
  assert.equal(r.statusCode, 409, r.body);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  const p = JSON.parse(r.body) as Problem;
  assert.equal(p.status, 409);
  assert.ok(p.code, 'a stable code');
  return p;
}

describe(`races between two instances (${engine}${engine === 'pglite' ? ', serialised' : ', parallel'})`, () => {
  it('the same session is valid on both instances', async () => {
    assert.equal((await a.get('/api/auth/me')).statusCode, 200);
    assert.equal((await b.get('/api/auth/me')).statusCode, 200);
  });

  it('one device allocated to two loans at once, on A and on B: one loan gets it, the other a 409', async () => {
    const tablet = await device();
    const [r1, r2] = [await approvedRequest(1), await approvedRequest(2)];
    const results = await Promise.all([
      a.post(`/api/loans/requests/${r1}/allocate`, { assetIds: [tablet.id] }),
      b.post(`/api/loans/requests/${r2}/allocate`, { assetIds: [tablet.id] }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [201, 409], results.map((r) => r.body).join('\n'));
    assertProblem409(results.find((r) => r.statusCode === 409) as never);
    const [open] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM loan_items WHERE asset_id = ${tablet.id} AND open`,
    );
    assert.equal(Number(open?.n), 1, 'one open loan for the device');
  });

  it('one loan handed over twice at once, on A and on B: one handover, one 409', async () => {
    const tablet = await device();
    const request = await approvedRequest(3);
    const loan = json<{ id: string }>(await a.post(`/api/loans/requests/${request}/allocate`, { tags: [tablet.tag] }));
    const paper = await a.request('POST', `/api/loans/${loan.id}/paper-acceptance`, {
      body: Buffer.from('%PDF-1.4\n% signée\n'),
      headers: { 'content-type': 'application/pdf' },
    });
    assert.equal(paper.statusCode, 200, paper.body);
    const results = await Promise.all([
      a.post(`/api/loans/${loan.id}/handover`, { tags: [tablet.tag] }),
      b.post(`/api/loans/${loan.id}/handover`, { tags: [tablet.tag] }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [200, 409], results.map((r) => r.body).join('\n'));
    assertProblem409(results.find((r) => r.statusCode === 409) as never);
    const [events] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ${loan.id}::text AND action LIKE '%handover%'`,
    );
    assert.ok(Number(events?.n) <= 1, 'one handover in the audit trail');
    const asset = json<{ status: string }>(await a.get(`/api/assets/${tablet.id}`));
    assert.equal(asset.status, 'on_loan');
  });

  it('one asset moved to two places at once, on A and on B: one move, one 409, one new version', async () => {
    const other = await createSchool(t.db, orgId, 7201302);
    const laptop = await device();
    const results = await Promise.all([
      a.post(`/api/assets/${laptop.id}/move`, { version: laptop.version, schoolId: other.id }),
      b.post(`/api/assets/${laptop.id}/move`, { version: laptop.version, schoolId }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [200, 409], results.map((r) => r.body).join('\n'));
    assert.equal(assertProblem409(results.find((r) => r.statusCode === 409) as never).code, 'ASSET_VERSION_CONFLICT');
    const now = json<{ version: number }>(await b.get(`/api/assets/${laptop.id}`));
    assert.equal(now.version, laptop.version + 1);
  });

  it('fifty concurrent moves of one asset, half on each instance: exactly one applies', async () => {
    const laptop = await device();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? a : b).post(`/api/assets/${laptop.id}/move`, { version: laptop.version, schoolId }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    assert.equal(codes.filter((c) => c === 200).length, 1, codes.join());
    assert.equal(codes.filter((c) => c === 409).length, 49, codes.join());
    const [events] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM asset_events WHERE asset_id = ${laptop.id}`,
    );
    assert.ok(Number(events?.n) >= 1);
  });
});
