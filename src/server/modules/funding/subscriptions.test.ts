import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { rows } from '../../db/connection.ts';
import { demoSiret } from './demo.ts';

/**
 * A service subscription declared as an expense line (issue #8 point 4),
 * through the API on a real database: the prorated amount, the period
 * declared once (also under concurrency, and by the database), the link on
 * both sides, and neither side drifting.
 */

type Problem = {
  code: string;
  detail: string;
  errors?: { path: string; code?: string }[];
  conflict?: { expenseLineId: string; programmeName: string; from: string; to: string };
};
type Line = {
  id: string;
  supplierId: string;
  htCents: number;
  vatCents: number;
  ttcCents: number;
  description: string;
  subscriptionId: string | null;
  subscriptionFrom: string | null;
  subscriptionTo: string | null;
  schools: { schoolId: string; amountCents: number }[];
};
type Subscription = {
  id: string;
  expenseLines: { id: string; programmeName: string; from: string; to: string; htCents: number }[];
  can: { declare: boolean };
};

let t: TestApp;
const ids: Record<string, string> = {};
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const as = (key: string) => agents[key] as ReturnType<TestApp['agent']>;
const m = () => as('manager');
const codes = (r: { body: string }) => (JSON.parse(r.body) as Problem).errors?.map((e) => `${e.path}:${e.code}`) ?? [];

async function subscription(body: Record<string, unknown>): Promise<string> {
  const r = await m().post('/api/subscriptions', { schoolId: ids.school, serviceId: ids.service, ...body });
  assert.equal(r.statusCode, 201, r.body);
  return json(r).id as string;
}

const declare = (programme: string, body: Record<string, unknown>) =>
  m().post(`/api/funding/programmes/${programme}/expense-lines/from-subscription`, {
    costItemId: programme === ids.programme ? ids.costItem : ids.costItem2,
    invoiceNumber: 'F-ENT-1',
    invoiceDate: '2024-09-15',
    ...body,
  });

before(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.db, 'Ville abonnée');
  ids.school = (await createSchool(t.db, org.id, 720_950, 'École des abonnés')).id;
  for (const [key, roles, schools] of [
    ['manager', ['manager'], []],
    ['director', ['director'], [ids.school]],
  ] as const) {
    const user = await createUser(t.db, org.id, { roles: [...roles], schoolIds: [...schools] });
    agents[key] = t.agent();
    await as(key).login(user.email, PASSWORD);
  }
  const supplier = await m().post('/api/funding/suppliers', { name: 'Éditeur ENT', siret: demoSiret(8201) });
  assert.equal(supplier.statusCode, 201, supplier.body);
  ids.supplier = json(supplier).id as string;
  const service = await m().post('/api/services', { name: 'e-primo', kind: 'ent', supplierId: ids.supplier });
  assert.equal(service.statusCode, 201, service.body);
  ids.service = json(service).id as string;
  const bare = await m().post('/api/services', { name: 'Ressource sans fournisseur', kind: 'resources' });
  ids.bareService = json(bare).id as string;
  for (const [key, name, periodStart, periodEnd] of [
    ['programme', 'Plan numérique 2024-2025', '2024-01-01', '2025-12-31'],
    ['programme2', 'Autre plan', '2024-01-01', '2026-12-31'],
  ] as const) {
    const p = await m().post('/api/funding/programmes', { name, periodStart, periodEnd, schoolIds: [ids.school] });
    assert.equal(p.statusCode, 201, p.body);
    ids[key] = json(p).id as string;
    const item = await m().post(`/api/funding/programmes/${ids[key]}/cost-items`, {
      code: 'SRV',
      kind: 'services_resources',
      label: 'Services et ressources',
      position: 1,
      budgetCents: 10_000_000,
    });
    assert.equal(item.statusCode, 201, item.body);
    ids[key === 'programme' ? 'costItem' : 'costItem2'] = json(item).id as string;
  }
  // 1,200 € HT a year from 1 September 2024, open-ended.
  ids.sub = await subscription({ startsOn: '2024-09-01', yearlyCostCents: 120_000, seats: 30 });
});
after(() => t.close());

describe('a subscription as an expense line', () => {
  it('declares the days shared with the programme, the yearly cost prorated per subscription year', async () => {
    const r = await declare(ids.programme as string, { subscriptionId: ids.sub });
    assert.equal(r.statusCode, 201, r.body);
    const line = json<Line>(r);
    ids.line = line.id;
    // 2024-09-01 → 2025-08-31: a whole year (1,200 €); 2025-09-01 → 2025-12-31: 122/365 of it (401.10 €).
    assert.equal(line.subscriptionFrom, '2024-09-01');
    assert.equal(line.subscriptionTo, '2025-12-31');
    assert.equal(line.htCents, 120_000 + 40_110);
    assert.equal(line.vatCents, 32_022);
    assert.equal(line.ttcCents, 160_110 + 32_022);
    assert.equal(line.supplierId, ids.supplier);
    assert.equal(line.subscriptionId, ids.sub);
    assert.deepEqual(line.schools, [{ schoolId: ids.school, amountCents: 160_110 }]);
    assert.match(line.description, /e-primo — École des abonnés, du 2024-09-01 au 2025-12-31/);
    const fetched = json<Line>(await m().get(`/api/funding/expense-lines/${line.id}`));
    assert.equal(fetched.subscriptionTo, '2025-12-31');
  });

  it('shows the expense line on the subscription to funding readers only', async () => {
    const seen = json<Subscription>(await m().get(`/api/subscriptions/${ids.sub}`));
    assert.deepEqual(
      seen.expenseLines.map((l) => [l.id, l.programmeName, l.from, l.to, l.htCents]),
      [[ids.line, 'Plan numérique 2024-2025', '2024-09-01', '2025-12-31', 160_110]],
    );
    assert.equal(seen.can.declare, true);
    const listed = json<Subscription[]>(await m().get(`/api/subscriptions?schoolId=${ids.school}`));
    assert.equal(listed.find((s) => s.id === ids.sub)?.expenseLines.length, 1);
    const director = json<Subscription>(await as('director').get(`/api/subscriptions/${ids.sub}`));
    assert.deepEqual(director.expenseLines, []);
    assert.equal(director.can.declare, false);
  });

  it('refuses the same period again, in any programme, naming the line already declaring it', async () => {
    const again = await declare(ids.programme2 as string, {
      subscriptionId: ids.sub,
      from: '2025-06-01',
      to: '2026-05-31',
    });
    assert.equal(again.statusCode, 409, again.body);
    const p = json<Problem>(again);
    assert.equal(p.code, 'SUBSCRIPTION_PERIOD_TAKEN');
    assert.deepEqual(
      p.conflict && [p.conflict.expenseLineId, p.conflict.programmeName, p.conflict.from, p.conflict.to],
      [ids.line, 'Plan numérique 2024-2025', '2024-09-01', '2025-12-31'],
    );
    assert.match(p.detail, /2024-09-01 → 2025-12-31.*Plan numérique 2024-2025/);
    assert.deepEqual(codes(again), ['body.from:period_taken']);
    // The next days are free: 2026 in the other programme, a whole year from its anniversary's share.
    const next = await declare(ids.programme2 as string, { subscriptionId: ids.sub, from: '2026-01-01' });
    assert.equal(next.statusCode, 201, next.body);
    const line = json<Line>(next);
    assert.deepEqual([line.subscriptionFrom, line.subscriptionTo], ['2026-01-01', '2026-12-31']);
    // 243 days of the 2025-26 year (365) + 122 days of the 2026-27 year (365).
    assert.equal(line.htCents, Math.round((120_000 * 243) / 365) + Math.round((120_000 * 122) / 365));
  });

  it('answers problems naming the field', async () => {
    const noCost = await subscription({ startsOn: '2024-09-01' });
    const r1 = await declare(ids.programme as string, { subscriptionId: noCost });
    assert.equal(r1.statusCode, 400);
    assert.deepEqual(codes(r1), ['body.subscriptionId:no_yearly_cost']);
    const noSupplier = await subscription({ serviceId: ids.bareService, startsOn: '2024-09-01', yearlyCostCents: 500 });
    const r2 = await declare(ids.programme as string, { subscriptionId: noSupplier });
    assert.deepEqual(codes(r2), ['body.subscriptionId:no_supplier']);
    const later = await subscription({ startsOn: '2027-01-01', yearlyCostCents: 500 });
    const r3 = await declare(ids.programme as string, { subscriptionId: later });
    assert.deepEqual(codes(r3), ['body.subscriptionId:no_common_period']);
    const r4 = await declare(ids.programme as string, { subscriptionId: later, from: '2023-06-01', to: '2023-01-01' });
    assert.deepEqual(
      codes(r4).sort(),
      [
        'body.from:outside_subscription',
        'body.to:outside_subscription',
        'body.to:end_before_start',
        'body.subscriptionId:no_common_period',
      ].sort(),
    );
    const ok = await subscription({ startsOn: '2023-01-01', endsOn: '2026-06-30', yearlyCostCents: 500 });
    const r5 = await declare(ids.programme as string, { subscriptionId: ok, from: '2023-06-01' });
    assert.deepEqual(codes(r5), ['body.from:outside_programme']);
    const r6 = await declare(ids.programme as string, { subscriptionId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(r6.statusCode, 404);
    const r7 = await as('director').post(`/api/funding/programmes/${ids.programme}/expense-lines/from-subscription`, {
      subscriptionId: ok,
      costItemId: ids.costItem,
      invoiceNumber: 'X',
      invoiceDate: '2024-01-01',
    });
    assert.equal(r7.statusCode, 403);
  });

  it('gives the period to exactly one of concurrent declarations', async () => {
    const sub = await subscription({ startsOn: '2024-01-01', endsOn: '2024-12-31', yearlyCostCents: 36_600 });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        declare(ids.programme as string, { subscriptionId: sub, invoiceNumber: `C-${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409], answers.map((a) => a.body).join('\n'));
    for (const a of answers.filter((x) => x.statusCode === 409))
      assert.equal(json<Problem>(a).code, 'SUBSCRIPTION_PERIOD_TAKEN');
    const won = json<Line>(answers.find((a) => a.statusCode === 201) as (typeof answers)[number]);
    assert.equal(won.htCents, 36_600);
  });

  it('has the database refuse an overlapping period written around the service', async () => {
    await assert.rejects(
      t.db.owner.execute(sql`
        INSERT INTO funding_expense_lines (organisation_id, programme_id, cost_item_id, supplier_id, invoice_number,
          invoice_date, ht_cents, vat_cents, ttc_cents, eligible_cents, subscription_id, subscription_from, subscription_to)
        SELECT organisation_id, programme_id, cost_item_id, supplier_id, 'BACKDOOR', invoice_date, 1, 0, 1, 1,
               subscription_id, '2025-01-01', '2025-01-31'
          FROM funding_expense_lines WHERE id = ${ids.line}`),
      (e: { code?: string; cause?: { code?: string } }) => (e.cause?.code ?? e.code) === '23P01',
    );
  });

  it('keeps the expense line and the subscription from drifting apart', async () => {
    const ht = await m().patch(`/api/funding/expense-lines/${ids.line}`, { htCents: 1, vatCents: 0, ttcCents: 1 });
    assert.equal(ht.statusCode, 409, ht.body);
    assert.deepEqual(codes(ht), ['body.htCents:from_subscription']);
    const split = await m().patch(`/api/funding/expense-lines/${ids.line}`, { schools: [] });
    assert.deepEqual(codes(split), ['body.schools:from_subscription']);
    const paid = await m().patch(`/api/funding/expense-lines/${ids.line}`, {
      paidOn: '2024-10-01',
      mandateNumber: 'M-7',
    });
    assert.equal(paid.statusCode, 200, paid.body);

    const cost = await m().patch(`/api/subscriptions/${ids.sub}`, { yearlyCostCents: 130_000 });
    assert.equal(cost.statusCode, 409, cost.body);
    assert.deepEqual(codes(cost), ['body.yearlyCostCents:declared']);
    const ends = await m().patch(`/api/subscriptions/${ids.sub}`, { endsOn: '2025-12-31' });
    assert.equal(ends.statusCode, 409, ends.body);
    assert.deepEqual(codes(ends), ['body.endsOn:declared']);
    const starts = await m().patch(`/api/subscriptions/${ids.sub}`, { startsOn: '2024-10-01' });
    assert.deepEqual(codes(starts), ['body.startsOn:declared']);
    const fine = await m().patch(`/api/subscriptions/${ids.sub}`, {
      endsOn: '2026-12-31',
      seats: 32,
      notes: 'renouvelé',
    });
    assert.equal(fine.statusCode, 200, fine.body);
    const del = await m().delete(`/api/subscriptions/${ids.sub}`);
    assert.equal(del.statusCode, 409);
    assert.match(json<Problem>(del).detail, /Plan numérique 2024-2025/);

    // Deleting the expense line frees its period.
    assert.equal((await m().delete(`/api/funding/expense-lines/${ids.line}`)).statusCode, 204);
    const [left] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM funding_expense_lines WHERE subscription_id = ${ids.sub}`,
    );
    assert.equal(left?.n, 1);
    const redo = await declare(ids.programme as string, { subscriptionId: ids.sub, to: '2025-08-31' });
    assert.equal(redo.statusCode, 201, redo.body);
    assert.equal(json<Line>(redo).htCents, 120_000);
  });
});
