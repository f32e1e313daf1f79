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
import { rows } from '../../db/connection.ts';
import { demoSiret } from '../funding/demo.ts';

/** Receiving orders through the API: assets in stock, quantities, serials, atomicity, concurrency, permissions. */

type Problem = { code: string; detail: string; errors?: { path: string; code?: string; message: string }[] };
type Order = {
  id: string;
  number: string;
  status: string;
  version: number;
  lines: { id: string; quantity: number; receivedQuantity: number; modelId: string | null }[];
  deliveries: { id: string; assets: { id: string; tag: string }[] }[];
};
type Delivery = {
  id: string;
  receivedOn: string;
  lines: { orderLineId: string; quantity: number }[];
  assets: { id: string; tag: string; serial: string | null; orderLineId: string }[];
};

let t: TestApp;
let orgId: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
const schoolIds: string[] = [];
let supplierId: string;
let stockId: string;
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const as = (role: string) => agents[role] as ReturnType<TestApp['agent']>;
let seq = 0;

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Ville livrée')).id;
  const other = await createOrganisation(t.db, 'Ville voisine');
  models = await createCatalogue(t.db, orgId);
  for (let i = 0; i < 2; i++) schoolIds.push((await createSchool(t.db, orgId, 720_300 + i, `École ${i}`)).id);
  for (const [key, org, roles, schools] of [
    ['manager', orgId, ['manager'], []],
    ['finance', orgId, ['finance'], []],
    ['technician', orgId, ['technician'], []],
    ['localTech', orgId, ['technician'], [schoolIds[0] as string]],
    ['auditor', orgId, ['auditor'], []],
    ['teacher', orgId, ['teacher'], [schoolIds[0] as string]],
    ['otherAdmin', other.id, ['admin'], []],
  ] as const) {
    const user = await createUser(t.db, org, { roles: [...roles], schoolIds: [...schools] });
    agents[key] = t.agent();
    await as(key).login(user.email, PASSWORD);
  }
  const supplier = await as('manager').post('/api/funding/suppliers', { name: 'Fournisseur', siret: demoSiret(4242) });
  assert.equal(supplier.statusCode, 201, supplier.body);
  supplierId = json(supplier).id as string;
  const stock = await as('manager').post('/api/inventory/stock-locations', {
    name: 'Magasin central',
    kind: 'warehouse',
  });
  assert.equal(stock.statusCode, 201, stock.body);
  stockId = json(stock).id as string;
});
after(() => t.close());

/** A placed order with these lines. */
async function placedOrder(lines: Record<string, unknown>[]): Promise<Order> {
  seq++;
  const created = await as('finance').post('/api/procurement/orders', {
    number: `BC-L-${seq}`,
    supplierId,
    orderedOn: '2021-03-01',
    lines,
  });
  assert.equal(created.statusCode, 201, created.body);
  const placed = await as('finance').post(`/api/procurement/orders/${json(created).id}/place`);
  assert.equal(placed.statusCode, 200, placed.body);
  return json<Order>(placed);
}

const tabletLine = (quantity: number, school = 0) => ({
  modelId: models.tablet,
  description: 'Tablette',
  quantity,
  unitPriceCents: 35_000,
  schoolId: schoolIds[school],
});

describe('deliveries', () => {
  it('creates one asset in stock per unit, linked to the order line and the delivery, visible in /api/assets', async () => {
    const order = await placedOrder([
      tabletLine(4),
      { description: 'Installation', quantity: 1, unitPriceCents: 20_000, vatRateBp: 2000 },
    ]);
    const [tablets, service] = order.lines;
    assert.ok(tablets && service);
    const r = await as('technician').post(`/api/procurement/orders/${order.id}/deliveries`, {
      receivedOn: '2021-03-15',
      noteRef: 'BL-001',
      stockLocationId: stockId,
      lines: [
        { orderLineId: tablets.id, quantity: 3, serials: ['S-1', 'S-2', 'S-3'] },
        { orderLineId: service.id, quantity: 1 },
      ],
    });
    assert.equal(r.statusCode, 201, r.body);
    const delivery = json<Delivery>(r);
    assert.equal(delivery.assets.length, 3, 'a service line creates no asset');
    assert.deepEqual(delivery.assets.map((a) => a.serial).sort(), ['S-1', 'S-2', 'S-3']);
    assert.ok(delivery.assets.every((a) => a.orderLineId === tablets.id));

    const listed = json<{
      items: {
        id: string;
        status: string;
        serial: string;
        school: { id: string } | null;
        stockLocation: { id: string } | null;
      }[];
      total: number;
    }>(await as('manager').get('/api/assets', { query: { modelId: models.tablet, status: 'in_stock' } }));
    const mine = listed.items.filter((a) => delivery.assets.some((d) => d.id === a.id));
    assert.equal(mine.length, 3);
    for (const a of mine) {
      assert.equal(a.status, 'in_stock');
      assert.equal(a.school?.id, schoolIds[0], 'kept for the destination school');
    }
    const [facts] = await rows<{ n: number; linked: number; price: number; events: number; ref: string }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n,
                 count(*) FILTER (WHERE a.order_line_id = ${tablets.id} AND a.delivery_id = ${delivery.id})::int AS linked,
                 min(a.purchase_price_cents)::int AS price, min(a.order_ref) AS ref,
                 (SELECT count(*)::int FROM asset_events e WHERE e.batch_id = ${delivery.id} AND e.kind = 'created') AS events
            FROM assets a WHERE a.delivery_id = ${delivery.id}`,
    );
    assert.deepEqual(facts, { n: 3, linked: 3, price: 35_000, events: 3, ref: order.number });
    const [asset] = await rows<{ purchase_date: string; stock_location_id: string; supplier: string }>(
      t.db.owner,
      sql`SELECT purchase_date::text, stock_location_id, supplier FROM assets WHERE id = ${delivery.assets[0]?.id}`,
    );
    assert.deepEqual(asset, { purchase_date: '2021-03-15', stock_location_id: stockId, supplier: 'Fournisseur' });

    const now = json<Order>(await as('auditor').get(`/api/procurement/orders/${order.id}`));
    assert.equal(now.status, 'partly_received');
    assert.deepEqual(
      now.lines.map((l) => l.receivedQuantity),
      [3, 1],
    );
    assert.equal(now.deliveries[0]?.assets.length, 3);

    const rest = await as('finance').post(`/api/procurement/orders/${order.id}/deliveries`, {
      receivedOn: '2021-03-20',
      lines: [{ orderLineId: tablets.id, quantity: 1 }],
    });
    assert.equal(rest.statusCode, 201, rest.body);
    const listedDeliveries = json<Delivery[]>(
      await as('auditor').get(`/api/procurement/orders/${order.id}/deliveries`),
    );
    assert.equal(listedDeliveries.length, 2);
    assert.equal(listedDeliveries[1]?.assets[0]?.serial, null, 'serials are optional');
    const done = json<Order & { actions: { receive: boolean; cancel: boolean } }>(
      await as('auditor').get(`/api/procurement/orders/${order.id}`),
    );
    assert.equal(done.status, 'received');
    assert.deepEqual([done.actions.receive, done.actions.cancel], [false, false]);
    const again = await as('finance').post(`/api/procurement/orders/${order.id}/deliveries`, {
      receivedOn: '2021-03-21',
      lines: [{ orderLineId: tablets.id, quantity: 1 }],
    });
    assert.equal(again.statusCode, 409);
    assert.equal(json<Problem>(again).code, 'DELIVERY_OVER_ORDERED', 'nothing left to receive');
    const cancel = await as('finance').post(`/api/procurement/orders/${order.id}/cancel`);
    assert.equal(json<Problem>(cancel).code, 'ORDER_INVALID_STATE', 'no cancellation after a delivery');
  });

  it('refuses more than remains (409 DELIVERY_OVER_ORDERED) and lines of other orders', async () => {
    const order = await placedOrder([tabletLine(2)]);
    const line = order.lines[0]?.id as string;
    const over = await as('finance').post(`/api/procurement/orders/${order.id}/deliveries`, {
      receivedOn: '2021-04-01',
      lines: [{ orderLineId: line, quantity: 3 }],
    });
    assert.equal(over.statusCode, 409);
    const problem = json<Problem>(over);
    assert.equal(problem.code, 'DELIVERY_OVER_ORDERED');
    assert.equal(problem.errors?.[0]?.path, 'body.lines.0.quantity');
    const foreign = await placedOrder([tabletLine(1)]);
    const wrong = await as('finance').post(`/api/procurement/orders/${order.id}/deliveries`, {
      receivedOn: '2021-04-01',
      lines: [{ orderLineId: foreign.lines[0]?.id, quantity: 1 }],
    });
    assert.equal(wrong.statusCode, 404);
    assert.equal(json<Problem>(wrong).errors?.[0]?.path, 'body.lines.0.orderLineId');
    const draft = await as('finance').post('/api/procurement/orders', {
      number: `BC-L-draft-${seq}`,
      supplierId,
      orderedOn: '2021-03-01',
      lines: [tabletLine(1)],
    });
    const d = json<Order>(draft);
    const early = await as('finance').post(`/api/procurement/orders/${d.id}/deliveries`, {
      receivedOn: '2021-04-01',
      lines: [{ orderLineId: d.lines[0]?.id, quantity: 1 }],
    });
    assert.equal(json<Problem>(early).code, 'ORDER_INVALID_STATE', 'a draft is not delivered');
  });

  it('checks serials: exactly the quantity, distinct, non-empty, not already used for the model (400, naming the line)', async () => {
    const order = await placedOrder([tabletLine(2), { description: 'Câblage', quantity: 1, unitPriceCents: 10_000 }]);
    const [tablets, works] = order.lines;
    const post = (lines: unknown[]) =>
      as('finance').post(`/api/procurement/orders/${order.id}/deliveries`, { receivedOn: '2021-05-01', lines });
    for (const [serials, code] of [
      [['X-1'], 'count'],
      [['X-1', 'X-1'], 'duplicate'],
      [['X-1', '  '], 'empty'],
      [['S-1', 'X-9'], 'taken'],
    ] as const) {
      const r = await post([{ orderLineId: tablets?.id, quantity: 2, serials }]);
      assert.equal(r.statusCode, 400, `${serials}`);
      const problem = json<Problem>(r);
      assert.equal(problem.code, 'DELIVERY_SERIALS_INVALID');
      assert.equal(problem.errors?.[0]?.path, 'body.lines.0.serials');
      assert.equal(problem.errors?.[0]?.code, code);
      assert.match(problem.detail, /Line 1/);
    }
    const noModel = await post([
      { orderLineId: tablets?.id, quantity: 1 },
      { orderLineId: works?.id, quantity: 1, serials: ['W-1'] },
    ]);
    assert.equal(json<Problem>(noModel).errors?.[0]?.path, 'body.lines.1.serials');
    const [left] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM deliveries WHERE order_id = ${order.id}`,
    );
    assert.equal(left?.n, 0, 'nothing written by refused deliveries');
  });

  it('is all or nothing: a line failing midway leaves no delivery, no asset and no received quantity', async () => {
    // The local technician reaches school 0 only: line 1 creates its assets, line 2 (school 1) fails.
    const order = await placedOrder([tabletLine(2, 0), tabletLine(2, 1)]);
    const [first, second] = order.lines;
    const [before] = await rows<{ assets: number; events: number; counter: string | null }>(
      t.db.owner,
      sql`SELECT (SELECT count(*)::int FROM assets) AS assets, (SELECT count(*)::int FROM asset_events) AS events,
                 (SELECT max(next)::text FROM asset_tag_counters WHERE organisation_id = ${orgId}) AS counter`,
    );
    const r = await as('localTech').post(`/api/procurement/orders/${order.id}/deliveries`, {
      receivedOn: '2021-05-02',
      lines: [
        { orderLineId: first?.id, quantity: 2 },
        { orderLineId: second?.id, quantity: 2 },
      ],
    });
    assert.equal(r.statusCode, 400, r.body);
    assert.equal(json<Problem>(r).errors?.[0]?.path, 'body.lines.1.schoolId');
    const [afterwards] = await rows<{ assets: number; events: number; counter: string | null }>(
      t.db.owner,
      sql`SELECT (SELECT count(*)::int FROM assets) AS assets, (SELECT count(*)::int FROM asset_events) AS events,
                 (SELECT max(next)::text FROM asset_tag_counters WHERE organisation_id = ${orgId}) AS counter`,
    );
    assert.deepEqual(afterwards, before, 'no asset, event or tag consumed');
    const now = json<Order>(await as('manager').get(`/api/procurement/orders/${order.id}`));
    assert.equal(now.status, 'ordered');
    assert.deepEqual(
      now.lines.map((l) => l.receivedQuantity),
      [0, 0],
    );
    assert.equal(now.deliveries.length, 0);
  });

  it('two concurrent deliveries of the last units: exactly one succeeds', async () => {
    const order = await placedOrder([tabletLine(3)]);
    const line = order.lines[0]?.id as string;
    const first = await as('finance').post(`/api/procurement/orders/${order.id}/deliveries`, {
      receivedOn: '2021-06-01',
      lines: [{ orderLineId: line, quantity: 1 }],
    });
    assert.equal(first.statusCode, 201, first.body);
    const body = { receivedOn: '2021-06-02', lines: [{ orderLineId: line, quantity: 2 }] };
    const results = await Promise.all([
      as('finance').post(`/api/procurement/orders/${order.id}/deliveries`, body),
      as('technician').post(`/api/procurement/orders/${order.id}/deliveries`, body),
    ]);
    assert.deepEqual(results.map((x) => x.statusCode).sort(), [201, 409]);
    const loser = results.find((x) => x.statusCode === 409);
    assert.equal(json<Problem>(loser as never).code, 'DELIVERY_OVER_ORDERED');
    const [facts] = await rows<{ received: number; assets: number }>(
      t.db.owner,
      sql`SELECT l.received_quantity AS received, (SELECT count(*)::int FROM assets a WHERE a.order_line_id = l.id) AS assets
            FROM purchase_order_lines l WHERE l.id = ${line}`,
    );
    assert.deepEqual(facts, { received: 3, assets: 3 });
  });

  it('permissions and tenancy: teacher and auditor 403, another organisation 404', async () => {
    const order = await placedOrder([tabletLine(1)]);
    const body = { receivedOn: '2021-07-01', lines: [{ orderLineId: order.lines[0]?.id, quantity: 1 }] };
    assert.equal((await as('teacher').post(`/api/procurement/orders/${order.id}/deliveries`, body)).statusCode, 403);
    assert.equal((await as('auditor').post(`/api/procurement/orders/${order.id}/deliveries`, body)).statusCode, 403);
    assert.equal((await as('teacher').get(`/api/procurement/orders/${order.id}/deliveries`)).statusCode, 403);
    assert.equal((await as('otherAdmin').post(`/api/procurement/orders/${order.id}/deliveries`, body)).statusCode, 404);
    assert.equal((await as('otherAdmin').get(`/api/procurement/orders/${order.id}/deliveries`)).statusCode, 404);
    const otherStock = await as('otherAdmin').post('/api/inventory/stock-locations', {
      name: 'Ailleurs',
      kind: 'warehouse',
    });
    const foreignStock = await as('finance').post(`/api/procurement/orders/${order.id}/deliveries`, {
      ...body,
      stockLocationId: json(otherStock).id,
    });
    assert.equal(foreignStock.statusCode, 404);
    assert.equal(json<Problem>(foreignStock).errors?.[0]?.path, 'body.stockLocationId');
  });
});
