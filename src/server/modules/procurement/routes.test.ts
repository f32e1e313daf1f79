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

/** Contracts, orders, invoices, discrepancies, allocation and documents through the API, on a real database. */

type Problem = { code: string; detail: string; errors?: { path: string; code?: string; message: string }[] };
type Contract = { id: string; orderedCents: number; draftCents: number; overCeiling: boolean; orderCount: number };
type Order = {
  id: string;
  number: string;
  status: string;
  htCents: number;
  vatCents: number;
  ttcCents: number;
  hasDiscrepancies: boolean;
  lines: {
    id: string;
    htCents: number;
    vatCents: number;
    quantity: number;
    receivedQuantity: number;
    invoicedQuantity: number;
  }[];
  invoices: { id: string }[];
  discrepancies: { kind: string }[];
};
type Invoice = {
  id: string;
  number: string;
  htCents: number;
  paidOn: string | null;
  fileId: string | null;
  hasDiscrepancies: boolean;
  allocatedLines: number;
  lines: { id: string; htCents: number; vatCents: number; expenseLineId: string | null; costItemId: string | null }[];
  discrepancies: { kind: string; invoiceLineId: string | null; expected: number; actual: number }[];
};
type ExpenseLine = {
  id: string;
  htCents: number;
  vatCents: number;
  ttcCents: number;
  invoiceNumber: string;
  invoiceDate: string;
  paidOn: string | null;
  mandateNumber: string | null;
  supplierId: string;
  schools: { schoolId: string; amountCents: number }[];
};

let t: TestApp;
let orgId: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
const schoolIds: string[] = [];
const ids: Record<string, string> = {};
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const as = (role: string) => agents[role] as ReturnType<TestApp['agent']>;
const f = () => as('finance');

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Ville acheteuse')).id;
  const other = await createOrganisation(t.db, 'Ville tierce');
  models = await createCatalogue(t.db, orgId);
  for (let i = 0; i < 3; i++) schoolIds.push((await createSchool(t.db, orgId, 720_500 + i, `École ${i}`)).id);
  for (const [key, org, roles] of [
    ['manager', orgId, ['manager']],
    ['finance', orgId, ['finance']],
    ['technician', orgId, ['technician']],
    ['auditor', orgId, ['auditor']],
    ['teacher', orgId, ['teacher']],
    ['otherAdmin', other.id, ['admin']],
  ] as const) {
    const user = await createUser(t.db, org, {
      roles: [...roles],
      schoolIds: key === 'teacher' ? [schoolIds[0] as string] : [],
    });
    agents[key] = t.agent();
    await as(key).login(user.email, PASSWORD);
  }
  for (const [key, agent, n] of [
    ['supplier', 'finance', 1],
    ['supplier2', 'finance', 2],
    ['otherSupplier', 'otherAdmin', 3],
  ] as const) {
    const r = await as(agent).post('/api/funding/suppliers', { name: `Fournisseur ${n}`, siret: demoSiret(5000 + n) });
    assert.equal(r.statusCode, 201, r.body);
    ids[key] = json(r).id as string;
  }
  const programme = await f().post('/api/funding/programmes', {
    name: 'Plan',
    periodStart: '2020-01-01',
    periodEnd: '2023-12-31',
    schoolIds,
  });
  ids.programme = json(programme).id as string;
  const otherProgramme = await f().post('/api/funding/programmes', {
    name: 'Autre plan',
    periodStart: '2020-01-01',
    periodEnd: '2023-12-31',
  });
  ids.otherProgramme = json(otherProgramme).id as string;
  for (const [key, programme, code, kind] of [
    ['EQ', ids.programme, 'EQ', 'equipment'],
    ['SRV', ids.programme, 'SRV', 'services_resources'],
    ['otherItem', ids.otherProgramme, 'X', 'other'],
  ] as const) {
    const r = await f().post(`/api/funding/programmes/${programme}/cost-items`, { code, kind, label: code });
    assert.equal(r.statusCode, 201, r.body);
    ids[key] = json(r).id as string;
  }
  const foreign = await as('otherAdmin').post('/api/funding/programmes', {
    name: 'Ailleurs',
    periodStart: '2020-01-01',
    periodEnd: '2023-12-31',
  });
  ids.foreignProgramme = json(foreign).id as string;
  const foreignItem = await as('otherAdmin').post(`/api/funding/programmes/${ids.foreignProgramme}/cost-items`, {
    code: 'EQ',
    kind: 'equipment',
    label: 'EQ',
  });
  ids.foreignItem = json(foreignItem).id as string;
  const foreignContract = await as('otherAdmin').post('/api/procurement/contracts', {
    reference: 'AILLEURS-1',
    title: 'Marché d’une autre ville',
    procedure: 'procedure_adaptee',
  });
  assert.equal(foreignContract.statusCode, 201, foreignContract.body);
  ids.foreignContract = json(foreignContract).id as string;
});
after(() => t.close());

describe('contracts', () => {
  it('CRUD with checks: unique reference, dates, lots; holder of this organisation', async () => {
    const created = await f().post('/api/procurement/contracts', {
      reference: '2021-AO-01',
      title: 'Équipement numérique des écoles',
      procedure: 'appel_offres_ouvert',
      notifiedOn: '2021-02-01',
      startsOn: '2021-02-01',
      endsOn: '2024-01-31',
      lots: [
        { number: 1, label: 'Tablettes' },
        { number: 2, label: 'Vidéoprojecteurs' },
      ],
      ceilingCents: 100_000,
      supplierId: ids.supplier,
    });
    assert.equal(created.statusCode, 201, created.body);
    ids.contract = json(created).id as string;
    assert.equal(json<Contract>(created).orderedCents, 0);

    const dup = await f().post('/api/procurement/contracts', {
      reference: '2021-AO-01',
      title: 'x',
      procedure: 'ugap',
    });
    assert.equal(dup.statusCode, 409);
    assert.equal(json<Problem>(dup).errors?.[0]?.path, 'body.reference');
    const dates = await f().post('/api/procurement/contracts', {
      reference: 'D',
      title: 'x',
      procedure: 'ugap',
      startsOn: '2022-01-01',
      endsOn: '2021-01-01',
    });
    assert.equal(json<Problem>(dates).errors?.[0]?.path, 'body.endsOn');
    const lots = await f().post('/api/procurement/contracts', {
      reference: 'L',
      title: 'x',
      procedure: 'ugap',
      lots: [
        { number: 1, label: 'a' },
        { number: 1, label: 'b' },
      ],
    });
    assert.equal(json<Problem>(lots).errors?.[0]?.code, 'lot_duplicate');
    const badProcedure = await f().post('/api/procurement/contracts', { reference: 'P', title: 'x', procedure: 'gré' });
    assert.equal(badProcedure.statusCode, 400);
    const foreignHolder = await f().post('/api/procurement/contracts', {
      reference: 'F',
      title: 'x',
      procedure: 'ugap',
      supplierId: ids.otherSupplier,
    });
    assert.equal(foreignHolder.statusCode, 404);

    const ugap = await f().post('/api/procurement/contracts', {
      reference: 'UGAP-2021',
      title: 'Ressources',
      procedure: 'ugap',
      ugap: true,
    });
    ids.ugap = json(ugap).id as string;
    const patched = await f().patch(`/api/procurement/contracts/${ids.ugap}`, { notes: 'convention UGAP' });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(json(patched).notes, 'convention UGAP');
    const list = json<{ reference: string }[]>(await as('auditor').get('/api/procurement/contracts'));
    assert.deepEqual(
      list.map((c) => c.reference),
      ['2021-AO-01', 'UGAP-2021'],
    );
    assert.equal(
      json<unknown[]>(await as('auditor').get('/api/procurement/contracts', { query: { q: 'ressou' } })).length,
      1,
    );
    assert.equal((await f().delete(`/api/procurement/contracts/${ids.ugap}`)).statusCode, 204);
    assert.equal((await f().get(`/api/procurement/contracts/${ids.ugap}`)).statusCode, 404);
  });
});

describe('purchase orders', () => {
  it('creates a draft with lines (model or service), totals HT/VAT/TTC, and checks references', async () => {
    const created = await f().post('/api/procurement/orders', {
      number: 'BC-2021-001',
      supplierId: ids.supplier,
      contractId: ids.contract,
      lotNumber: 1,
      programmeId: ids.programme,
      costItemId: ids.EQ,
      orderedOn: '2021-03-01',
      lines: [
        {
          modelId: models.tablet,
          description: 'Tablette',
          quantity: 5,
          unitPriceCents: 10_001,
          vatRateBp: 2000,
          schoolId: schoolIds[0],
          costItemId: ids.EQ,
        },
        { description: 'Paramétrage', quantity: 1, unitPriceCents: 5_000, vatRateBp: 550, costItemId: ids.SRV },
      ],
    });
    assert.equal(created.statusCode, 201, created.body);
    const order = json<Order>(created);
    ids.order = order.id;
    assert.equal(order.status, 'draft');
    assert.deepEqual(
      order.lines.map((l) => [l.htCents, l.vatCents]),
      [
        [50_005, 10_001],
        [5_000, 275],
      ],
    );
    assert.equal(order.htCents, 55_005);
    assert.equal(order.ttcCents, 55_005 + 10_276);

    const base = { number: 'BC-X', supplierId: ids.supplier, orderedOn: '2021-03-01' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, number: 'BC-2021-001' }, 409, 'body.number'],
      [{ ...base, supplierId: ids.otherSupplier }, 404, 'body.supplierId'],
      [{ ...base, programmeId: ids.foreignProgramme }, 404, 'body.programmeId'],
      [{ ...base, programmeId: ids.programme, costItemId: ids.otherItem }, 404, 'body.costItemId'],
      [{ ...base, programmeId: ids.programme, costItemId: ids.foreignItem }, 404, 'body.costItemId'],
      [{ ...base, contractId: ids.foreignContract }, 404, 'body.contractId'],
      [{ ...base, supplierId: ids.supplier2, contractId: ids.contract }, 400, 'body.contractId'],
      [{ ...base, contractId: ids.contract, lotNumber: 7 }, 400, 'body.lotNumber'],
      [
        { ...base, lines: [{ description: 'x', quantity: 1, unitPriceCents: 1, costItemId: ids.EQ }] },
        400,
        'body.lines.0.costItemId',
      ],
      [
        {
          ...base,
          programmeId: ids.programme,
          lines: [{ description: 'x', quantity: 1, unitPriceCents: 1, schoolId: ids.foreignProgramme }],
        },
        404,
        'body.lines.0.schoolId',
      ],
    ];
    for (const [body, status, path] of cases) {
      const r = await f().post('/api/procurement/orders', body);
      assert.equal(r.statusCode, status, `${path}: ${r.body}`);
      assert.equal(json<Problem>(r).errors?.[0]?.path, path);
    }
    const strict = await f().post('/api/procurement/orders', { ...base, total: 3 });
    assert.equal(strict.statusCode, 400);
  });

  it('follows its states: lines only while draft, place, cancel, delete (ORDER_INVALID_STATE otherwise)', async () => {
    const empty = await f().post('/api/procurement/orders', {
      number: 'BC-EMPTY',
      supplierId: ids.supplier,
      orderedOn: '2021-03-02',
    });
    const emptyId = json(empty).id as string;
    const noLines = await f().post(`/api/procurement/orders/${emptyId}/place`);
    assert.equal(noLines.statusCode, 400);
    assert.equal(json<Problem>(noLines).errors?.[0]?.code, 'no_lines');
    assert.equal((await f().delete(`/api/procurement/orders/${emptyId}`)).statusCode, 204);

    const edited = await f().patch(`/api/procurement/orders/${ids.order}`, {
      lines: [
        {
          modelId: models.tablet,
          description: 'Tablette',
          quantity: 6,
          unitPriceCents: 10_000,
          schoolId: schoolIds[0],
          costItemId: ids.EQ,
        },
        { description: 'Paramétrage', quantity: 1, unitPriceCents: 5_000, costItemId: ids.SRV },
      ],
    });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(json<Order>(edited).htCents, 65_000);
    const placed = await f().post(`/api/procurement/orders/${ids.order}/place`);
    assert.equal(placed.statusCode, 200, placed.body);
    assert.equal(json<Order>(placed).status, 'ordered');
    assert.deepEqual(json<{ actions: Record<string, boolean> }>(placed).actions, {
      editLines: false,
      place: false,
      cancel: true,
      delete: false,
      receive: true,
      invoice: true,
    });
    const twice = await f().post(`/api/procurement/orders/${ids.order}/place`);
    assert.equal(twice.statusCode, 409);
    assert.equal(json<Problem>(twice).code, 'ORDER_INVALID_STATE');
    const lines = await f().patch(`/api/procurement/orders/${ids.order}`, { lines: [] });
    assert.equal(lines.statusCode, 409);
    assert.equal(json<Problem>(lines).code, 'ORDER_INVALID_STATE');
    assert.equal(json<Problem>(lines).errors?.[0]?.path, 'body.lines');
    const notes = await f().patch(`/api/procurement/orders/${ids.order}`, { notes: 'livraison en mars' });
    assert.equal(notes.statusCode, 200);
    assert.equal((await f().delete(`/api/procurement/orders/${ids.order}`)).statusCode, 409);

    const contract = json<Contract>(await as('auditor').get(`/api/procurement/contracts/${ids.contract}`));
    assert.deepEqual(
      { ordered: contract.orderedCents, over: contract.overCeiling, n: contract.orderCount },
      { ordered: 65_000, over: false, n: 1 },
    );
    const second = await f().post('/api/procurement/orders', {
      number: 'BC-2021-002',
      supplierId: ids.supplier,
      contractId: ids.contract,
      orderedOn: '2021-04-01',
      lines: [{ description: 'Vidéoprojecteur', quantity: 1, unitPriceCents: 40_000 }],
    });
    ids.order2 = json(second).id as string;
    assert.equal(json<Contract>(await f().get(`/api/procurement/contracts/${ids.contract}`)).draftCents, 40_000);
    await f().post(`/api/procurement/orders/${ids.order2}/place`);
    const over = json<Contract>(await f().get(`/api/procurement/contracts/${ids.contract}`));
    assert.deepEqual([over.orderedCents, over.overCeiling], [105_000, true], 'reported, not refused');
    const cancelled = await f().post(`/api/procurement/orders/${ids.order2}/cancel`);
    assert.equal(json<Order>(cancelled).status, 'cancelled');
    assert.equal(
      json<Problem>(await f().post(`/api/procurement/orders/${ids.order2}/cancel`)).code,
      'ORDER_INVALID_STATE',
    );
    assert.equal(json<Contract>(await f().get(`/api/procurement/contracts/${ids.contract}`)).orderedCents, 65_000);
    assert.equal((await f().delete(`/api/procurement/contracts/${ids.contract}`)).statusCode, 409);
  });

  it('lists with filters and paging', async () => {
    const all = json<{ items: Order[]; total: number }>(await as('auditor').get('/api/procurement/orders'));
    assert.equal(all.total, 2);
    const byStatus = json<{ items: Order[]; total: number }>(
      await f().get('/api/procurement/orders', { query: { status: 'ordered' } }),
    );
    assert.deepEqual(
      byStatus.items.map((o) => o.number),
      ['BC-2021-001'],
    );
    const byQ = json<{ total: number }>(await f().get('/api/procurement/orders', { query: { q: '002' } }));
    assert.equal(byQ.total, 1);
    const bySupplier = json<{ total: number }>(
      await f().get('/api/procurement/orders', { query: { supplierId: ids.supplier2 as string } }),
    );
    assert.equal(bySupplier.total, 0);
    const page = json<{ items: Order[]; total: number }>(
      await f().get('/api/procurement/orders', { query: { limit: '1', offset: '1' } }),
    );
    assert.deepEqual([page.items.length, page.total], [1, 2]);
    const byProgramme = json<{ total: number }>(
      await f().get('/api/procurement/orders', { query: { programmeId: ids.programme as string } }),
    );
    assert.equal(byProgramme.total, 1);
  });

  it('permissions and tenancy: teacher 403, auditor read-only, another organisation 404', async () => {
    assert.equal((await as('teacher').get('/api/procurement/orders')).statusCode, 403);
    assert.equal((await as('teacher').get('/api/procurement/contracts')).statusCode, 403);
    assert.equal((await as('teacher').get('/api/procurement/invoices')).statusCode, 403);
    assert.equal((await as('technician').get('/api/procurement/orders')).statusCode, 200, 'those who receive');
    assert.equal((await as('technician').get(`/api/procurement/orders/${ids.order}`)).statusCode, 200);
    assert.equal((await as('technician').get('/api/procurement/invoices')).statusCode, 403);
    assert.equal((await as('technician').post(`/api/procurement/orders/${ids.order}/cancel`)).statusCode, 403);
    const write = await as('auditor').post('/api/procurement/contracts', {
      reference: 'A',
      title: 'a',
      procedure: 'ugap',
    });
    assert.equal(write.statusCode, 403);
    assert.equal((await as('otherAdmin').get(`/api/procurement/orders/${ids.order}`)).statusCode, 404);
    assert.equal(
      (await as('otherAdmin').patch(`/api/procurement/orders/${ids.order}`, { notes: 'x' })).statusCode,
      404,
    );
    assert.equal((await as('otherAdmin').post(`/api/procurement/orders/${ids.order}/cancel`)).statusCode, 404);
    assert.equal((await as('otherAdmin').get(`/api/procurement/contracts/${ids.contract}`)).statusCode, 404);
    assert.equal(json<{ total: number }>(await as('otherAdmin').get('/api/procurement/orders')).total, 0);
  });
});

describe('invoices', () => {
  it('receives the order, then checks an invoice: HT + VAT = TTC, lines adding up, same supplier', async () => {
    const order = json<Order>(await f().get(`/api/procurement/orders/${ids.order}`));
    const [tablets, service] = order.lines;
    ids.tabletLine = tablets?.id as string;
    ids.serviceLine = service?.id as string;
    const delivered = await as('technician').post(`/api/procurement/orders/${ids.order}/deliveries`, {
      receivedOn: '2021-03-20',
      lines: [
        { orderLineId: ids.tabletLine, quantity: 4 },
        { orderLineId: ids.serviceLine, quantity: 1 },
      ],
    });
    assert.equal(delivered.statusCode, 201, delivered.body);

    const valid = {
      supplierId: ids.supplier,
      orderId: ids.order,
      number: 'F-001',
      invoiceDate: '2021-03-25',
      htCents: 45_000,
      vatCents: 9_000,
      ttcCents: 54_000,
      lines: [
        { orderLineId: ids.tabletLine, description: 'Tablette', quantity: 4, unitPriceCents: 10_000, vatRateBp: 2000 },
        {
          orderLineId: ids.serviceLine,
          description: 'Paramétrage',
          quantity: 1,
          unitPriceCents: 5_000,
          vatRateBp: 2000,
        },
      ],
    };
    const ttc = await f().post('/api/procurement/invoices', { ...valid, ttcCents: 54_001 });
    assert.equal(ttc.statusCode, 400);
    assert.equal(json<Problem>(ttc).code, 'FUNDING_AMOUNTS_INVALID');
    assert.deepEqual(
      json<Problem>(ttc).errors?.map((e) => e.path),
      ['body.ttcCents'],
    );
    const total = await f().post('/api/procurement/invoices', { ...valid, htCents: 44_000, ttcCents: 53_000 });
    assert.deepEqual(
      json<Problem>(total).errors?.map((e) => e.path),
      ['body.htCents'],
    );
    const vat = await f().post('/api/procurement/invoices', { ...valid, vatCents: 8_000, ttcCents: 53_000 });
    assert.deepEqual(
      json<Problem>(vat).errors?.map((e) => e.path),
      ['body.vatCents'],
    );
    const otherSupplier = await f().post('/api/procurement/invoices', { ...valid, supplierId: ids.supplier2 });
    assert.equal(otherSupplier.statusCode, 400);
    assert.equal(json<Problem>(otherSupplier).errors?.[0]?.code, 'order_of_other_supplier');
    const lineOfOtherSupplier = await f().post('/api/procurement/invoices', {
      ...valid,
      supplierId: ids.supplier2,
      orderId: null,
    });
    assert.equal(json<Problem>(lineOfOtherSupplier).errors?.[0]?.path, 'body.lines.0.orderLineId');
    const cancelledOrder = await f().post('/api/procurement/invoices', {
      ...valid,
      orderId: ids.order2,
      lines: [{ description: 'x', quantity: 1, unitPriceCents: 45_000, vatRateBp: 2000 }],
    });
    assert.equal(json<Problem>(cancelledOrder).code, 'ORDER_INVALID_STATE');
    const foreign = await f().post('/api/procurement/invoices', {
      ...valid,
      supplierId: ids.otherSupplier,
      orderId: null,
    });
    assert.equal(foreign.statusCode, 404);

    const created = await f().post('/api/procurement/invoices', valid);
    assert.equal(created.statusCode, 201, created.body);
    const invoice = json<Invoice>(created);
    ids.invoice = invoice.id;
    assert.deepEqual(invoice.discrepancies, []);
    assert.equal(invoice.hasDiscrepancies, false);
    const dup = await f().post('/api/procurement/invoices', valid);
    assert.equal(dup.statusCode, 409, 'same supplier, same number');
  });

  it('computes discrepancies on read: quantity over received or ordered, unit price', async () => {
    const r = await f().post('/api/procurement/invoices', {
      supplierId: ids.supplier,
      orderId: ids.order,
      number: 'F-002',
      invoiceDate: '2021-04-10',
      htCents: 21_002,
      vatCents: 4_200,
      ttcCents: 25_202,
      lines: [
        // 4 already invoiced + 2 = 6: all ordered, but only 4 received; and 10,501 instead of 10,000.
        { orderLineId: ids.tabletLine, description: 'Tablette', quantity: 2, unitPriceCents: 10_501, vatRateBp: 2000 },
      ],
    });
    assert.equal(r.statusCode, 201, r.body);
    const invoice = json<Invoice>(r);
    ids.invoice2 = invoice.id;
    const line = invoice.lines[0]?.id;
    assert.deepEqual(
      invoice.discrepancies.map((d) => [d.kind, d.invoiceLineId, d.expected, d.actual]),
      [
        ['quantity_over_received', line, 4, 6],
        ['unit_price', line, 10_000, 10_501],
      ],
    );
    const third = await f().post('/api/procurement/invoices', {
      supplierId: ids.supplier,
      number: 'F-003',
      invoiceDate: '2021-04-11',
      htCents: 10_000,
      vatCents: 2_000,
      ttcCents: 12_000,
      lines: [{ orderLineId: ids.tabletLine, description: 'T', quantity: 1, unitPriceCents: 10_000, vatRateBp: 2000 }],
    });
    const over = json<Invoice>(third);
    assert.deepEqual(
      over.discrepancies.map((d) => [d.kind, d.expected, d.actual]),
      [['quantity_over_ordered', 6, 7]],
    );
    const list = json<{ items: Invoice[]; total: number }>(await as('auditor').get('/api/procurement/invoices'));
    assert.equal(list.total, 3);
    assert.deepEqual(
      list.items.map((i) => [i.number, i.hasDiscrepancies]),
      [
        ['F-003', true],
        ['F-002', true],
        ['F-001', false],
      ],
    );
    const order = json<Order>(await f().get(`/api/procurement/orders/${ids.order}`));
    assert.equal(order.hasDiscrepancies, true);
    assert.equal(order.lines[0]?.invoicedQuantity, 7);
    assert.equal(order.invoices.length, 3);
    assert.ok(order.discrepancies.some((d) => d.kind === 'unit_price'));
    assert.equal((await f().delete(`/api/procurement/invoices/${over.id}`)).statusCode, 204);
    const byOrder = json<{ total: number }>(
      await f().get('/api/procurement/invoices', { query: { orderId: ids.order as string } }),
    );
    assert.equal(byOrder.total, 2);
    const paid = json<{ total: number }>(await f().get('/api/procurement/invoices', { query: { paid: 'yes' } }));
    assert.equal(paid.total, 0);
    const q = json<{ total: number }>(await f().get('/api/procurement/invoices', { query: { q: '002' } }));
    assert.equal(q.total, 1);
    assert.equal((await as('otherAdmin').get(`/api/procurement/invoices/${ids.invoice}`)).statusCode, 404);
  });

  it('allocates invoice lines to the programme: by the assets’ schools, exactly, once per line', async () => {
    // Three of the four delivered tablets go to school 1, one stays for school 0: 40,000 split 3:1 → 30,000 / 10,000.
    const order = json<{ deliveries: { assets: { id: string }[] }[] }>(
      await f().get(`/api/procurement/orders/${ids.order}`),
    );
    const delivered = order.deliveries[0]?.assets ?? [];
    assert.equal(delivered.length, 4);
    for (const a of delivered.slice(0, 3)) {
      const asset = json<{ version: number }>(await as('technician').get(`/api/assets/${a.id}`));
      const moved = await as('technician').post(`/api/assets/${a.id}/move`, {
        version: asset.version,
        schoolId: schoolIds[1],
      });
      assert.equal(moved.statusCode, 200, moved.body);
    }
    const invoice = json<Invoice>(await f().get(`/api/procurement/invoices/${ids.invoice}`));
    const [tablets, service] = invoice.lines;
    const r = await f().post(`/api/procurement/invoices/${ids.invoice}/allocate`, {
      programmeId: ids.programme,
      lines: [
        { invoiceLineId: tablets?.id, costItemId: ids.EQ, schools: 'by_assets' },
        {
          invoiceLineId: service?.id,
          costItemId: ids.SRV,
          schools: [
            { schoolId: schoolIds[0], amountCents: 2_500 },
            { schoolId: schoolIds[2], amountCents: 2_500 },
          ],
        },
      ],
    });
    assert.equal(r.statusCode, 201, r.body);
    const allocated = json<Invoice>(r);
    assert.equal(allocated.allocatedLines, 2);
    assert.ok(allocated.lines.every((l) => l.expenseLineId));
    const expense = json<ExpenseLine>(await f().get(`/api/funding/expense-lines/${allocated.lines[0]?.expenseLineId}`));
    assert.deepEqual(
      {
        ht: expense.htCents,
        vat: expense.vatCents,
        ttc: expense.ttcCents,
        number: expense.invoiceNumber,
        date: expense.invoiceDate,
        supplier: expense.supplierId,
      },
      { ht: 40_000, vat: 8_000, ttc: 48_000, number: 'F-001', date: '2021-03-25', supplier: ids.supplier },
    );
    const split = new Map(expense.schools.map((s) => [s.schoolId, s.amountCents]));
    assert.deepEqual([split.get(schoolIds[0] as string), split.get(schoolIds[1] as string)], [10_000, 30_000]);
    const [stored] = await rows<{ invoice_id: string; invoice_line_id: string }>(
      t.db.owner,
      sql`SELECT invoice_id, invoice_line_id FROM funding_expense_lines WHERE id = ${expense.id}`,
    );
    assert.deepEqual(stored, { invoice_id: ids.invoice, invoice_line_id: tablets?.id });

    const again = await f().post(`/api/procurement/invoices/${ids.invoice}/allocate`, {
      programmeId: ids.programme,
      lines: [{ invoiceLineId: tablets?.id, costItemId: ids.EQ }],
    });
    assert.equal(again.statusCode, 409);
    assert.equal(json<Problem>(again).code, 'INVOICE_LINE_TAKEN');
    assert.equal(json<Problem>(again).errors?.[0]?.path, 'body.lines.0.invoiceLineId');

    // F-002's line: 21,002 over 2:1:1 tablets (schools 1, 0, 2) still adds up exactly (largest remainder).
    const last = json<{ version: number }>(await as('technician').get(`/api/assets/${delivered[2]?.id}`));
    const moved = await as('technician').post(`/api/assets/${delivered[2]?.id}/move`, {
      version: last.version,
      schoolId: schoolIds[2],
    });
    assert.equal(moved.statusCode, 200, moved.body);
    const second = json<Invoice>(await f().get(`/api/procurement/invoices/${ids.invoice2}`));
    const wrongItem = await f().post(`/api/procurement/invoices/${ids.invoice2}/allocate`, {
      programmeId: ids.programme,
      lines: [{ invoiceLineId: second.lines[0]?.id, costItemId: ids.otherItem, schools: 'by_assets' }],
    });
    assert.equal(wrongItem.statusCode, 404);
    assert.equal(json<Problem>(wrongItem).errors?.[0]?.path, 'body.lines.0.costItemId');
    const r2 = await f().post(`/api/procurement/invoices/${ids.invoice2}/allocate`, {
      programmeId: ids.programme,
      lines: [{ invoiceLineId: second.lines[0]?.id, costItemId: ids.EQ, schools: 'by_assets' }],
    });
    assert.equal(r2.statusCode, 201, r2.body);
    const e2 = json<ExpenseLine>(
      await f().get(`/api/funding/expense-lines/${json<Invoice>(r2).lines[0]?.expenseLineId}`),
    );
    assert.equal(
      e2.schools.reduce((s, x) => s + x.amountCents, 0),
      21_002,
    );
    const bySchool = new Map(e2.schools.map((s) => [s.schoolId, s.amountCents]));
    assert.equal(bySchool.get(schoolIds[1] as string), 10_501);
    assert.deepEqual(
      [bySchool.get(schoolIds[0] as string), bySchool.get(schoolIds[2] as string)].sort(),
      [5_250, 5_251],
      'the cent left goes to one of the tied schools',
    );
  });

  it('propagates the payment to the expense lines; refuses other changes and deletion once allocated', async () => {
    const paid = await f().patch(`/api/procurement/invoices/${ids.invoice}`, {
      paidOn: '2021-04-20',
      mandateNumber: 'M-2021-0042',
    });
    assert.equal(paid.statusCode, 200, paid.body);
    const invoice = json<Invoice>(paid);
    for (const l of invoice.lines) {
      const e = json<ExpenseLine>(await f().get(`/api/funding/expense-lines/${l.expenseLineId}`));
      assert.deepEqual([e.paidOn, e.mandateNumber], ['2021-04-20', 'M-2021-0042']);
    }
    const amount = await f().patch(`/api/procurement/invoices/${ids.invoice}`, { number: 'F-001-bis' });
    assert.equal(amount.statusCode, 409);
    // The expense line follows its invoice: its amounts and dates are not edited on their own.
    const lineId = invoice.lines[0]?.expenseLineId as string;
    const expense = json<ExpenseLine>(await f().get(`/api/funding/expense-lines/${lineId}`));
    const drift = await f().patch(`/api/funding/expense-lines/${lineId}`, {
      htCents: 1,
      vatCents: 0,
      ttcCents: 1,
      paidOn: '2021-04-21',
    });
    assert.equal(drift.statusCode, 409, drift.body);
    assert.deepEqual(
      (json<Problem>(drift).errors ?? []).map((e) => e.path),
      ['body.htCents', 'body.vatCents', 'body.ttcCents', 'body.paidOn'],
    );
    const same = await f().patch(`/api/funding/expense-lines/${lineId}`, {
      paidOn: '2021-04-20',
      description: 'Objet précisé',
    });
    assert.equal(same.statusCode, 200, 'unchanged invoice fields and free fields are accepted');
    assert.equal(json<ExpenseLine>(same).htCents, expense.htCents);
    const del = await f().delete(`/api/procurement/invoices/${ids.invoice}`);
    assert.equal(del.statusCode, 409);
    assert.equal(json<Problem>(del).code, 'CONFLICT');
    const paidList = json<{ items: Invoice[] }>(await f().get('/api/procurement/invoices', { query: { paid: 'yes' } }));
    assert.deepEqual(
      paidList.items.map((i) => i.number),
      ['F-001'],
    );
  });

  it('edits an unallocated invoice; `by_assets` without assets falls back to the order line’s school, or no split', async () => {
    const created = await f().post('/api/procurement/orders', {
      number: 'BC-2021-003',
      supplierId: ids.supplier2,
      orderedOn: '2021-05-01',
      lines: [{ description: 'Câblage école 2', quantity: 2, unitPriceCents: 30_000, schoolId: schoolIds[2] }],
    });
    const order = json<Order>(created);
    await f().post(`/api/procurement/orders/${order.id}/place`);
    const line = order.lines[0]?.id as string;
    const received = await f().post(`/api/procurement/orders/${order.id}/deliveries`, {
      receivedOn: '2021-05-20',
      lines: [{ orderLineId: line, quantity: 2 }],
    });
    assert.equal(json<{ assets: unknown[] }>(received).assets.length, 0, 'works create no asset');
    assert.equal(json<Order>(await f().get(`/api/procurement/orders/${order.id}`)).status, 'received');
    const invoice = json<Invoice>(
      await f().post('/api/procurement/invoices', {
        supplierId: ids.supplier2,
        orderId: order.id,
        number: 'C-1',
        invoiceDate: '2021-05-25',
        htCents: 60_000,
        vatCents: 12_000,
        ttcCents: 72_000,
        lines: [{ orderLineId: line, description: 'Câblage', quantity: 2, unitPriceCents: 30_000, vatRateBp: 2000 }],
      }),
    );
    const badEdit = await f().patch(`/api/procurement/invoices/${invoice.id}`, { htCents: 1 });
    assert.equal(json<Problem>(badEdit).code, 'FUNDING_AMOUNTS_INVALID');
    const edited = await f().patch(`/api/procurement/invoices/${invoice.id}`, {
      htCents: 61_000,
      vatCents: 12_200,
      ttcCents: 73_200,
      lines: [
        { orderLineId: line, description: 'Câblage', quantity: 2, unitPriceCents: 30_000, vatRateBp: 2000 },
        { description: 'Déplacement', quantity: 1, unitPriceCents: 1_000, vatRateBp: 2000 },
      ],
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const lines = json<Invoice>(edited).lines;
    assert.equal(lines.length, 2);
    const foreign = await f().post(`/api/procurement/invoices/${invoice.id}/allocate`, {
      programmeId: ids.foreignProgramme,
      lines: [{ invoiceLineId: lines[0]?.id, costItemId: ids.EQ }],
    });
    assert.equal(foreign.statusCode, 404, 'a programme of another organisation');
    const teacher = await as('teacher').post(`/api/procurement/invoices/${invoice.id}/allocate`, {
      programmeId: ids.programme,
      lines: [{ invoiceLineId: lines[0]?.id, costItemId: ids.EQ }],
    });
    assert.equal(teacher.statusCode, 403);
    const twice = await f().post(`/api/procurement/invoices/${invoice.id}/allocate`, {
      programmeId: ids.programme,
      lines: [
        { invoiceLineId: lines[0]?.id, costItemId: ids.EQ },
        { invoiceLineId: lines[0]?.id, costItemId: ids.EQ },
      ],
    });
    assert.equal(json<Problem>(twice).code, 'INVOICE_LINE_TAKEN', 'twice in one request');
    const r = await f().post(`/api/procurement/invoices/${invoice.id}/allocate`, {
      programmeId: ids.programme,
      lines: [
        { invoiceLineId: lines[0]?.id, costItemId: ids.EQ, schools: 'by_assets' },
        {
          invoiceLineId: lines[1]?.id,
          costItemId: ids.SRV,
          eligibility: 'not_eligible',
          eligibilityReason: 'frais de déplacement',
          schools: 'by_assets',
        },
      ],
    });
    assert.equal(r.statusCode, 201, r.body);
    const [first, second] = json<Invoice>(r).lines;
    const e1 = json<ExpenseLine>(await f().get(`/api/funding/expense-lines/${first?.expenseLineId}`));
    assert.deepEqual(e1.schools, [{ schoolId: schoolIds[2], amountCents: 60_000 }]);
    const e2 = json<ExpenseLine & { eligibility: string }>(
      await f().get(`/api/funding/expense-lines/${second?.expenseLineId}`),
    );
    assert.deepEqual([e2.schools, e2.eligibility], [[], 'not_eligible']);
    assert.equal(second?.costItemId, ids.SRV);
  });

  it('two concurrent allocations of the same invoice line: exactly one expense line', async () => {
    const invoice = json<Invoice>(
      await f().post('/api/procurement/invoices', {
        supplierId: ids.supplier2,
        number: 'C-2',
        invoiceDate: '2021-06-01',
        htCents: 1_000,
        vatCents: 200,
        ttcCents: 1_200,
        lines: [{ description: 'Abonnement', quantity: 1, unitPriceCents: 1_000, vatRateBp: 2000 }],
      }),
    );
    const body = { programmeId: ids.programme, lines: [{ invoiceLineId: invoice.lines[0]?.id, costItemId: ids.SRV }] };
    const results = await Promise.all([
      f().post(`/api/procurement/invoices/${invoice.id}/allocate`, body),
      as('manager').post(`/api/procurement/invoices/${invoice.id}/allocate`, body),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
    assert.equal(json<Problem>(results.find((r) => r.statusCode === 409) as never).code, 'INVOICE_LINE_TAKEN');
    const [made] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM funding_expense_lines WHERE invoice_id = ${invoice.id}`,
    );
    assert.equal(made?.n, 1);
  });

  it('attaches the invoice PDF and contract documents through the files module, with funding permissions', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
    const upload = (agent: ReturnType<TestApp['agent']>, path: string, body: Buffer, type = 'application/pdf') =>
      agent.request('POST', path, { body, headers: { 'content-type': type }, query: { name: 'facture.pdf' } });
    const up = await upload(f(), `/api/procurement/invoices/${ids.invoice}/attachments`, pdf);
    assert.equal(up.statusCode, 201, up.body);
    const fileId = json(up).id as string;
    assert.equal(
      (await upload(as('technician'), `/api/procurement/invoices/${ids.invoice}/attachments`, pdf)).statusCode,
      403,
    );
    assert.equal(
      (await upload(as('otherAdmin'), `/api/procurement/invoices/${ids.invoice}/attachments`, pdf)).statusCode,
      404,
    );
    const set = await f().put(`/api/procurement/invoices/${ids.invoice}/file`, { fileId });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(json<Invoice>(set).fileId, fileId);
    const listed = json<{ id: string }[]>(
      await as('auditor').get(`/api/procurement/invoices/${ids.invoice}/attachments`),
    );
    assert.deepEqual(
      listed.map((x) => x.id),
      [fileId],
    );
    const dl = await as('auditor').get(`/api/files/${fileId}`);
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.headers['content-type'], 'application/pdf');
    assert.equal((await as('teacher').get(`/api/files/${fileId}`)).statusCode, 403, 'teachers read no invoices');
    const elsewhere = await f().put(`/api/procurement/invoices/${ids.invoice2}/file`, { fileId });
    assert.equal(elsewhere.statusCode, 404, 'a file of another invoice');

    const doc = await upload(f(), `/api/procurement/contracts/${ids.contract}/attachments`, pdf);
    assert.equal(doc.statusCode, 201, doc.body);
    assert.equal((await as('teacher').get(`/api/procurement/contracts/${ids.contract}/attachments`)).statusCode, 403);
    assert.equal((await as('technician').delete(`/api/files/${json(doc).id}`)).statusCode, 403);
    assert.equal((await f().delete(`/api/files/${json(doc).id}`)).statusCode, 204);

    assert.equal((await f().delete(`/api/files/${fileId}`)).statusCode, 204);
    assert.equal(json<Invoice>(await f().get(`/api/procurement/invoices/${ids.invoice}`)).fileId, null, 'unset');
  });
});
