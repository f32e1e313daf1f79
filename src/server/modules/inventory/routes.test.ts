import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import { imagesPerPage } from '../../../../test/helpers/pdf.ts';
import { rows } from '../../db/connection.ts';

let t: TestApp;
let orgId: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
let schoolA: string;
let schoolB: string;
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const as = (role: string) => agents[role] as ReturnType<TestApp['agent']>;

type Asset = {
  id: string;
  tag: string;
  status: string;
  version: number;
  school: { id: string } | null;
  cart: { id: string } | null;
  allowedTransitions: string[];
  events: { kind: string }[];
  contents: { id: string }[] | null;
};

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Ville équipée')).id;
  models = await createCatalogue(t.db, orgId);
  schoolA = (await createSchool(t.db, orgId, 7200401, 'École A')).id;
  schoolB = (await createSchool(t.db, orgId, 7200402, 'École B')).id;
  for (const role of ['admin', 'manager', 'technician', 'director', 'teacher', 'auditor'] as const) {
    const user = await createUser(t.db, orgId, {
      roles: [role],
      schoolIds: role === 'director' || role === 'teacher' ? [schoolA] : [],
    });
    agents[role] = t.agent();
    await agents[role].login(user.email, PASSWORD);
  }
});
after(() => t.close());

async function newAsset(body: Record<string, unknown>): Promise<Asset> {
  const r = await as('technician').post('/api/assets', body);
  assert.equal(r.statusCode, 201, r.body);
  return json<Asset>(r);
}

describe('assets', () => {
  it('registers an asset with a generated tag, and refuses duplicates with field errors', async () => {
    const a = await newAsset({ modelId: models.tablet, serial: 'SN-1', status: 'in_stock' });
    assert.match(a.tag, /^[A-Z0-9]+-\d{4}-\d{5}$/);
    assert.equal(a.events[0]?.kind, 'created');
    const b = await newAsset({ modelId: models.tablet, serial: 'SN-2' });
    assert.notEqual(a.tag, b.tag);
    const dupTag = await as('technician').post('/api/assets', { modelId: models.tablet, tag: a.tag });
    assert.equal(dupTag.statusCode, 409);
    assert.equal(json<{ errors: { code: string }[] }>(dupTag).errors[0]?.code, 'tag_taken');
    const dupSerial = await as('technician').post('/api/assets', { modelId: models.tablet, serial: 'SN-1' });
    assert.equal(json<{ errors: { code: string }[] }>(dupSerial).errors[0]?.code, 'serial_taken');
    assert.equal(
      (await as('technician').post('/api/assets', { modelId: models.laptop, serial: 'SN-1' })).statusCode,
      201,
      'serials are unique per model',
    );
    const bad = await as('technician').post('/api/assets', {
      modelId: '00000000-0000-4000-8000-000000000000',
      status: 'on_loan',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal((await as('teacher').post('/api/assets', { modelId: models.tablet })).statusCode, 403);
  });

  it('follows the lifecycle; an illegal transition is 409 ASSET_INVALID_TRANSITION', async () => {
    let a = await newAsset({ modelId: models.laptop, status: 'in_stock' });
    const step = async (to: string, extra: Record<string, unknown> = {}) => {
      const r = await as('technician').post(`/api/assets/${a.id}/transition`, { version: a.version, to, ...extra });
      return r;
    };
    let r = await step('preparing');
    assert.equal(r.statusCode, 200, r.body);
    a = json<Asset>(r);
    r = await step('deployed');
    assert.equal(r.statusCode, 400, 'a deployed device needs a school');
    r = await step('deployed', { location: { schoolId: schoolA } });
    assert.equal(r.statusCode, 200, r.body);
    a = json<Asset>(r);
    assert.equal(a.school?.id, schoolA);
    r = await step('retired');
    a = json<Asset>(r);
    assert.equal(a.status, 'retired');
    r = await step('deployed', { location: { schoolId: schoolA } });
    assert.equal(r.statusCode, 409);
    const problem = json<{ code: string; allowed: string[] }>(r);
    assert.equal(problem.code, 'ASSET_INVALID_TRANSITION');
    assert.deepEqual(problem.allowed, ['donated']);
    assert.deepEqual(a.allowedTransitions, ['donated']);
  });

  it('the database refuses an illegal status change even past the service', async () => {
    const a = await newAsset({ modelId: models.laptop, status: 'in_stock' });
    await assert.rejects(
      t.db.withOrg({ organisationId: orgId, userId: null, actorKind: 'system', requestId: null }, ({ tx }) =>
        tx.execute(sql`UPDATE assets SET status = 'on_loan' WHERE id = ${a.id}`),
      ),
      (e: Error & { cause?: Error }) => /ASSET_INVALID_TRANSITION/.test(`${e.message} ${e.cause?.message}`),
    );
  });

  it('a stale version is refused: two concurrent moves do not both apply', async () => {
    const a = await newAsset({ modelId: models.laptop, status: 'deployed', schoolId: schoolA });
    const [first, second] = await Promise.all([
      as('technician').post(`/api/assets/${a.id}/move`, { version: a.version, schoolId: schoolB }),
      as('manager').post(`/api/assets/${a.id}/move`, { version: a.version, schoolId: schoolA }),
    ]);
    const codes = [first.statusCode, second.statusCode].sort();
    assert.deepEqual(codes, [200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    assert.equal(json<{ code: string }>(loser).code, 'ASSET_VERSION_CONFLICT');
    const now = json<Asset>(await as('manager').get(`/api/assets/${a.id}`));
    assert.equal(now.version, a.version + 1);
    const edit = await as('manager').patch(`/api/assets/${a.id}`, { version: a.version, notes: 'stale' });
    assert.equal(edit.statusCode, 409);
  });

  it('returned devices go back to stock only once wiped', async () => {
    let a = await newAsset({ modelId: models.tablet, status: 'deployed', schoolId: schoolA });
    for (const to of ['on_loan', 'returned']) {
      a = json<Asset>(await as('technician').post(`/api/assets/${a.id}/transition`, { version: a.version, to }));
      assert.equal(a.status, to);
    }
    const unwiped = await as('technician').post(`/api/assets/${a.id}/transition`, {
      version: a.version,
      to: 'in_stock',
    });
    assert.equal(json<{ code: string }>(unwiped).code, 'ASSET_WIPE_REQUIRED');
    const wiped = await as('technician').post(`/api/assets/${a.id}/transition`, {
      version: a.version,
      to: 'in_stock',
      wiped: true,
    });
    assert.equal(wiped.statusCode, 200);
  });

  it('repair puts a device back where it was', async () => {
    let a = await newAsset({ modelId: models.eni, status: 'deployed', schoolId: schoolA });
    a = json<Asset>(
      await as('technician').post(`/api/assets/${a.id}/transition`, {
        version: a.version,
        to: 'in_repair',
        note: 'écran HS',
      }),
    );
    assert.equal(a.status, 'in_repair');
    a = json<Asset>(
      await as('technician').post(`/api/assets/${a.id}/transition`, { version: a.version, to: 'deployed' }),
    );
    assert.equal(a.school?.id, schoolA);
    assert.deepEqual(
      a.events.slice(0, 2).map((e) => e.kind),
      ['back_from_repair', 'sent_to_repair'],
    );
  });
});

describe('carts', () => {
  it('holds devices, moves them with it, and lets one out', async () => {
    const cart = await newAsset({ modelId: models.cart, status: 'deployed', schoolId: schoolA });
    const tablets: Asset[] = [];
    for (let i = 0; i < 3; i++) {
      const tab = await newAsset({ modelId: models.tablet, status: 'preparing' });
      const r = await as('technician').post(`/api/assets/${tab.id}/cart`, { version: tab.version, cartId: cart.id });
      assert.equal(r.statusCode, 200, r.body);
      tablets.push(json<Asset>(r));
    }
    assert.ok(tablets.every((x) => x.status === 'in_cart' && x.school?.id === schoolA));
    const moved = await as('technician').post(`/api/assets/${cart.id}/move`, {
      version: cart.version,
      schoolId: schoolB,
    });
    assert.equal(moved.statusCode, 200, moved.body);
    const detail = json<Asset>(moved);
    assert.equal(detail.contents?.length, 3);
    const inside = json<{ items: Asset[] }>(await as('manager').get('/api/assets', { query: { cartId: cart.id } }));
    assert.ok(
      inside.items.every((x) => x.school?.id === schoolB),
      'contents moved with the cart',
    );
    const one = inside.items[0] as Asset;
    const direct = await as('technician').post(`/api/assets/${one.id}/move`, {
      version: one.version,
      schoolId: schoolA,
    });
    assert.equal(json<{ code: string }>(direct).code, 'ASSET_IN_CART');
    const out = await as('technician').post(`/api/assets/${one.id}/take-out`, {
      version: one.version,
      to: 'in_repair',
    });
    assert.equal(out.statusCode, 200, out.body);
    assert.equal(json<Asset>(out).cart, null);
    const intoItself = await as('technician').post(`/api/assets/${cart.id}/cart`, {
      version: detail.version,
      cartId: cart.id,
    });
    assert.equal(intoItself.statusCode, 400);
  });
});

describe('bulk actions', () => {
  it('answers per asset in "each" mode and rolls back everything in "all" mode', async () => {
    const ok1 = await newAsset({ modelId: models.laptop, status: 'preparing' });
    const ok2 = await newAsset({ modelId: models.laptop, status: 'preparing' });
    const bad = await newAsset({ modelId: models.laptop, status: 'ordered' });
    const each = json<{
      done: number;
      refused: number;
      results: { tag: string; outcome: string; code: string | null }[];
    }>(
      await as('technician').post('/api/assets/bulk', {
        action: 'status',
        to: 'deployed',
        location: { schoolId: schoolA },
        tags: [ok1.tag, ok2.tag, bad.tag, 'NOPE-0000'],
      }),
    );
    assert.equal(each.done, 2);
    assert.equal(each.refused, 2);
    assert.equal(each.results.find((r) => r.tag === bad.tag)?.code, 'ASSET_INVALID_TRANSITION');
    assert.equal(each.results.find((r) => r.tag === 'NOPE-0000')?.code, 'NOT_FOUND');

    const a1 = await newAsset({ modelId: models.laptop, status: 'preparing' });
    const a2 = await newAsset({ modelId: models.laptop, status: 'ordered' });
    const all = json<{ done: number; results: { id: string; code: string }[] }>(
      await as('technician').post('/api/assets/bulk', {
        action: 'status',
        to: 'deployed',
        location: { schoolId: schoolA },
        ids: [a1.id, a2.id],
        mode: 'all',
      }),
    );
    assert.equal(all.done, 0);
    assert.equal(all.results.find((r) => r.id === a1.id)?.code, 'ROLLED_BACK');
    assert.equal(json<Asset>(await as('manager').get(`/api/assets/${a1.id}`)).status, 'preparing', 'nothing applied');
    assert.equal((await as('technician').post('/api/assets/bulk', { action: 'status' })).statusCode, 400);
  });
});

describe('visibility, lists and exports', () => {
  it('a director sees only the equipment of their school; not theirs = 404', async () => {
    const inB = await newAsset({ modelId: models.eni, status: 'deployed', schoolId: schoolB });
    assert.equal((await as('director').get(`/api/assets/${inB.id}`)).statusCode, 404);
    assert.equal((await as('director').get(`/api/assets/by-tag/${inB.tag}`)).statusCode, 404);
    const list = json<{ items: Asset[] }>(await as('director').get('/api/assets', { query: { limit: '500' } }));
    assert.ok(list.items.length > 0 && list.items.every((a) => a.school?.id === schoolA));
    const summary = await as('director').get('/api/inventory/summary', { query: { schoolId: schoolA } });
    assert.equal(summary.statusCode, 200);
    assert.equal(
      (await as('director').get('/api/inventory/summary', { query: { schoolId: schoolB } })).statusCode,
      404,
    );
    assert.equal(
      (await as('director').post(`/api/assets/${inB.id}/move`, { version: 1, schoolId: schoolA })).statusCode,
      403,
    );
  });

  it('searches, filters, sorts, paginates and exports with formulas neutralised', async () => {
    await newAsset({
      modelId: models.laptop,
      status: 'deployed',
      schoolId: schoolA,
      notes: '=cmd|calc',
      warrantyEnd: '2026-01-01',
    });
    const expired = json<{ items: Asset[]; total: number }>(
      await as('auditor').get('/api/assets', { query: { warrantyBefore: '2026-06-01' } }),
    );
    assert.ok(expired.total >= 1);
    const deployed = json<{ items: Asset[]; total: number }>(
      await as('auditor').get('/api/assets', {
        query: { status: 'deployed,in_cart', limit: '2', sort: 'updatedAt', order: 'desc' },
      }),
    );
    assert.equal(deployed.items.length, 2);
    assert.ok(deployed.total > 2);
    assert.equal((await as('auditor').get('/api/assets', { query: { status: 'flying' } })).statusCode, 400);
    const csv = await as('auditor').get('/api/assets/export', { query: { q: 'cmd' } });
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /'=cmd\|calc/);
  });

  it('looks an asset up by tag (scanning)', async () => {
    const a = await newAsset({ modelId: models.tablet, status: 'deployed', schoolId: schoolA });
    const found = json<Asset>(await as('teacher').get(`/api/assets/by-tag/${encodeURIComponent(a.tag)}`));
    assert.equal(found.id, a.id);
  });
});

describe('catalogue', () => {
  it('is managed by admins and managers, with custom fields as JSON Schema', async () => {
    const created = await as('manager').post('/api/inventory/categories', {
      code: 'robot',
      nameFr: 'Robot pédagogique',
      nameEn: 'Educational robot',
      role: 'pupil_device',
      customFieldsSchema: { type: 'object', properties: { batteryPack: { type: 'boolean', title: 'Batterie' } } },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(
      (await as('manager').post('/api/inventory/categories', { code: 'robot', nameFr: 'x', nameEn: 'x' })).statusCode,
      409,
    );
    assert.equal(
      (await as('technician').post('/api/inventory/categories', { code: 'x1', nameFr: 'x', nameEn: 'x' })).statusCode,
      403,
    );
    const badSchema = await as('manager').post('/api/inventory/categories', {
      code: 'bad',
      nameFr: 'x',
      nameEn: 'x',
      customFieldsSchema: { type: 'object', properties: { 'bad name': { type: 'date' } } },
    });
    assert.equal(badSchema.statusCode, 400);
    const model = await as('manager').post('/api/inventory/models', {
      name: 'Thymio II',
      categoryId: json<{ id: string }>(created).id,
      unitPriceCents: 15900,
    });
    assert.equal(model.statusCode, 201);
    const models = json<{ name: string; assetCount: number }[]>(await as('teacher').get('/api/inventory/models'));
    assert.ok(models.some((m) => m.name === 'Thymio II' && m.assetCount === 0));
  });
});

describe('demo inventory', () => {
  it('gives every class of the demo a projection device and a teacher laptop in its classroom, carts of tablets, APs and switches', async () => {
    const local = await createTestApp({}, { seed: 'demo' });
    try {
      const perClass = await rows<{ classes: number; projection: number; laptops: number }>(
        local.db.owner,
        sql`SELECT count(*)::int AS classes,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assets a JOIN asset_models m ON m.id = a.model_id JOIN asset_categories c ON c.id = m.category_id
                                                 WHERE a.class_id = k.id AND a.room_id = k.room_id AND c.role = 'projection' AND a.status = 'deployed'))::int AS projection,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assets a JOIN asset_models m ON m.id = a.model_id JOIN asset_categories c ON c.id = m.category_id
                                                 WHERE a.class_id = k.id AND c.role = 'teacher_computer'))::int AS laptops
              FROM classes k`,
      );
      const r = perClass[0];
      assert.ok(r && r.classes > 300);
      assert.equal(r.projection, r.classes);
      assert.equal(r.laptops, r.classes);
      const roles = await rows<{ role: string; n: number; generated: boolean }>(
        local.db.owner,
        sql`SELECT c.role, count(*)::int AS n, bool_and(a.generated) AS generated FROM assets a JOIN asset_models m ON m.id = a.model_id
             JOIN asset_categories c ON c.id = m.category_id GROUP BY c.role`,
      );
      for (const role of ['cart', 'pupil_device', 'network_ap', 'network_switch']) {
        assert.ok((roles.find((x) => x.role === role)?.n ?? 0) > 0, role);
      }
      assert.ok(
        roles.every((x) => x.generated),
        'all marked generated',
      );
    } finally {
      await local.close();
    }
  });
});

describe('label sheets', () => {
  it('answers a PDF with one QR per selected asset; unknown ones are named', async () => {
    const a = await newAsset({ modelId: models.tablet, status: 'deployed', schoolId: schoolA });
    const b = await newAsset({ modelId: models.tablet, status: 'deployed', schoolId: schoolA });
    const r = await as('technician').post('/api/assets/labels', { ids: [a.id], tags: [b.tag], layout: 'a4-2x7' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.headers['content-type'], 'application/pdf');
    assert.match(String(r.headers['content-disposition']), /attachment/);
    assert.deepEqual(await imagesPerPage(new Uint8Array(r.rawPayload)), [2]);
    const missing = await as('technician').post('/api/assets/labels', { tags: [a.tag, 'NOPE-1'] });
    assert.equal(missing.statusCode, 400);
    assert.equal((await as('teacher').post('/api/assets/labels', { ids: [a.id] })).statusCode, 403);
  });
});

describe('warranty digest', () => {
  it('lists warranties ending soon, and the weekly job writes a digest notification for managers', async () => {
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const late = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    const a = await newAsset({ modelId: models.eni, status: 'deployed', schoolId: schoolA, warrantyEnd: soon });
    await newAsset({ modelId: models.eni, status: 'deployed', schoolId: schoolA, warrantyEnd: late });
    const digest = json<{ total: number; items: { id: string }[] }>(
      await as('manager').get('/api/inventory/warranties', { query: { days: '30' } }),
    );
    assert.ok(digest.items.some((i) => i.id === a.id));
    assert.ok(digest.total >= 1);
    assert.equal((await as('teacher').get('/api/inventory/warranties')).statusCode, 403);
    const { writeWarrantyDigests } = await import('./warranty.ts');
    const result = await writeWarrantyDigests(t.db);
    assert.ok(result.digests >= 1);
    const forManager = json<{ kind: string; payload: { total: number } }[]>(
      await as('manager').get('/api/notifications'),
    );
    assert.equal(forManager[0]?.kind, 'warranty_digest');
    assert.deepEqual(json<unknown[]>(await as('teacher').get('/api/notifications')), [], 'not for teachers');
  });
});
