import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import { labelUrl } from './labels.ts';

let t: TestApp;
let models: Awaited<ReturnType<typeof createCatalogue>>;
let schoolA: string;
let schoolB: string;
let tech: ReturnType<TestApp['agent']>;
let director: ReturnType<TestApp['agent']>;

type Asset = { id: string; tag: string; version: number; status: string };
type Round = {
  id: string;
  status: string;
  counts: { expected: number; found: number; missing: number; unexpected: number; unknown: number };
  missing: { tag: string }[];
  unexpected: { tag: string; registeredAt: string | null }[];
  unknown: string[];
};

before(async () => {
  t = await createTestApp();
  const orgId = (await createOrganisation(t.db)).id;
  models = await createCatalogue(t.db, orgId);
  schoolA = (await createSchool(t.db, orgId, 7200501, 'École des Sources')).id;
  schoolB = (await createSchool(t.db, orgId, 7200502, 'École des Prés')).id;
  const u = await createUser(t.db, orgId, { roles: ['technician'] });
  tech = t.agent();
  await tech.login(u.email, PASSWORD);
  const d = await createUser(t.db, orgId, { roles: ['director'], schoolIds: [schoolA] });
  director = t.agent();
  await director.login(d.email, PASSWORD);
});
after(() => t.close());

const asset = async (body: Record<string, unknown>) => json<Asset>(await tech.post('/api/assets', body));

describe('inventory rounds', () => {
  it('counts found, missing, unexpected and unknown; corrections apply in one confirmed step', async () => {
    const here = [];
    for (let i = 0; i < 4; i++)
      here.push(await asset({ modelId: models.laptop, status: 'deployed', schoolId: schoolA }));
    const elsewhere = await asset({ modelId: models.laptop, status: 'deployed', schoolId: schoolB });
    const started = await director.post('/api/inventory/rounds', { scope: 'school', schoolId: schoolA });
    assert.equal(started.statusCode, 201, started.body);
    const round = json<Round>(started);
    assert.equal(round.counts.expected, 4);
    // Scanned: 3 of the 4 (one through its label URL, one twice), one from another school, one unknown tag.
    const scan = json<{ results: { tag: string; result: string }[]; round: Round }>(
      await director.post(`/api/inventory/rounds/${round.id}/scans`, {
        tags: [
          here[0]?.tag,
          labelUrl('https://socle.example', here[1]?.tag as string),
          here[2]?.tag,
          here[2]?.tag,
          elsewhere.tag,
          'ZZZ-404',
        ],
      }),
    );
    assert.deepEqual(
      scan.results.map((r) => r.result),
      ['found', 'found', 'found', 'already_scanned', 'unexpected', 'unknown'],
    );
    const unexpected = scan.round.unexpected[0];
    assert.equal(
      unexpected?.registeredAt,
      null,
      'a director does not learn where another school’s device is registered',
    );
    const closed = json<Round>(await director.post(`/api/inventory/rounds/${round.id}/close`));
    assert.deepEqual(closed.counts, { expected: 4, found: 3, missing: 1, unexpected: 1, unknown: 1 });
    assert.deepEqual(
      closed.missing.map((m) => m.tag),
      [here[3]?.tag],
    );
    assert.equal(
      (await director.post(`/api/inventory/rounds/${round.id}/scans`, { tags: ['x'] })).statusCode,
      409,
      'closed',
    );

    const pdf = await director.get(`/api/inventory/rounds/${round.id}/export`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.ok(pdf.rawPayload.subarray(0, 5).toString() === '%PDF-');
    const csv = await director.get(`/api/inventory/rounds/${round.id}/export`, { query: { format: 'csv' } });
    assert.match(csv.body, /manquant;/);

    assert.equal(
      (
        await director.post(`/api/inventory/rounds/${round.id}/corrections`, {
          moveUnexpected: true,
          markMissingLost: true,
          confirm: true,
        })
      ).statusCode,
      403,
      'directors audit, technicians correct',
    );
    assert.equal(
      (await tech.post(`/api/inventory/rounds/${round.id}/corrections`, { moveUnexpected: true })).statusCode,
      400,
      'needs confirm',
    );
    const corrected = await tech.post(`/api/inventory/rounds/${round.id}/corrections`, {
      moveUnexpected: true,
      markMissingLost: true,
      confirm: true,
    });
    assert.equal(corrected.statusCode, 200, corrected.body);
    const moved = json<{ school: { id: string } }>(await tech.get(`/api/assets/${elsewhere.id}`));
    assert.equal(moved.school.id, schoolA);
    assert.equal(json<Asset>(await tech.get(`/api/assets/${here[3]?.id}`)).status, 'lost');
    assert.equal(
      (await tech.post(`/api/inventory/rounds/${round.id}/corrections`, { confirm: true })).statusCode,
      409,
      'once only',
    );
  });

  it('audits a cart against its contents', async () => {
    const cart = await asset({ modelId: models.cart, status: 'deployed', schoolId: schoolA });
    const tablets: Asset[] = [];
    for (let i = 0; i < 3; i++) {
      const tab = await asset({ modelId: models.tablet, status: 'preparing' });
      tablets.push(
        json<Asset>(await tech.post(`/api/assets/${tab.id}/cart`, { version: tab.version, cartId: cart.id })),
      );
    }
    const round = json<Round>(await tech.post('/api/inventory/rounds', { scope: 'cart', cartId: cart.id }));
    assert.equal(round.counts.expected, 3);
    await tech.post(`/api/inventory/rounds/${round.id}/scans`, { tags: [tablets[0]?.tag, tablets[1]?.tag] });
    const closed = json<Round>(await tech.post(`/api/inventory/rounds/${round.id}/close`));
    assert.equal(closed.counts.missing, 1);
  });

  it('keeps a director to their own schools', async () => {
    assert.equal(
      (await director.post('/api/inventory/rounds', { scope: 'school', schoolId: schoolB })).statusCode,
      404,
    );
    assert.equal((await director.post('/api/inventory/rounds', { scope: 'room' })).statusCode, 400);
    const theirs = json<Round>(await tech.post('/api/inventory/rounds', { scope: 'school', schoolId: schoolB }));
    assert.equal((await director.get(`/api/inventory/rounds/${theirs.id}`)).statusCode, 404);
    const list = json<{ id: string }[]>(await director.get('/api/inventory/rounds'));
    assert.ok(!list.some((r) => r.id === theirs.id));
  });
});
