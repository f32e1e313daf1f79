import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { isValidSiret } from '../../../shared/siret.ts';
import { rows } from '../../db/connection.ts';

/** The demo's programme (DOMAIN.md §1) through the API: the exact figures of the seed programme. */

let t: TestApp;
let manager: ReturnType<TestApp['agent']>;
let programmeId: string;

before(async () => {
  t = await createTestApp({}, { seed: 'demo' });
  const accounts = t.demoAccounts;
  const account = accounts.find((a) => a.role === 'manager');
  assert.ok(account);
  manager = t.agent();
  await manager.login(account.email, account.password);
  const programmes = json<{ id: string; name: string; periodStart: string; periodEnd: string; schoolIds: string[] }[]>(
    await manager.get('/api/funding/programmes'),
  );
  assert.equal(programmes.length, 1);
  const [p] = programmes;
  assert.ok(p);
  assert.equal(p.name, 'Plan numérique des écoles élémentaires');
  assert.equal(p.periodStart, '2020-02-01');
  assert.equal(p.periodEnd, '2023-04-30');
  assert.equal(p.schoolIds.length, 35, 'the 35 écoles élémentaires');
  programmeId = p.id;
});
after(() => t.close());

describe('demo programme', () => {
  it('1,490,666 € HT eligible: FEDER 1,173,000 €, the city 317,666 €, to the cent', async () => {
    const res = await manager.get(`/api/funding/programmes/${programmeId}/shares`);
    assert.equal(res.statusCode, 200, res.body);
    const shares = json<{
      eligibleCents: number;
      ownerCents: number;
      funders: { funderKind: string; aidCents: number }[];
      lines: { eligibleCents: number; shares: { cents: number }[]; ownerCents: number }[];
      checks: { ownShare: { ok: boolean }; linesOver100: number; addsUp: boolean };
    }>(res);
    assert.equal(shares.eligibleCents, 149_066_600);
    assert.equal(shares.funders.length, 1);
    assert.equal(shares.funders[0]?.funderKind, 'eu_feder');
    assert.equal(shares.funders[0]?.aidCents, 117_300_000);
    assert.equal(shares.ownerCents, 31_766_600);
    assert.equal(shares.checks.addsUp, true);
    assert.equal(shares.checks.linesOver100, 0);
    assert.equal(shares.checks.ownShare.ok, true, '21.31 % of the total is above 20 % of the public funding');
    for (const l of shares.lines) {
      assert.equal(l.shares.reduce((s, x) => s + x.cents, 0) + l.ownerCents, l.eligibleCents);
    }
  });

  it('the budget view shows the same amounts, planned = invoiced = paid = eligible, and per school', async () => {
    const res = await manager.get(`/api/funding/programmes/${programmeId}/budget`);
    assert.equal(res.statusCode, 200, res.body);
    const b = json<{
      totals: { plannedCents: number; invoicedCents: number; paidCents: number; eligibleCents: number; lines: number };
      costItems: { code: string; plannedCents: number; invoicedCents: number }[];
      funders: { aidCents: number; paidSharesCents: number }[];
      schools: { schoolId: string | null; eligibleCents: number }[];
    }>(res);
    assert.equal(b.totals.plannedCents, 149_066_600);
    assert.equal(b.totals.invoicedCents, 149_066_600);
    assert.equal(b.totals.paidCents, 149_066_600);
    assert.equal(b.totals.eligibleCents, 149_066_600);
    for (const c of b.costItems) assert.equal(c.invoicedCents, c.plannedCents, c.code);
    assert.deepEqual(
      b.costItems.map((c) => c.code),
      ['EQ', 'INF', 'SRV', 'FOR', 'COM'],
    );
    assert.equal(b.funders[0]?.paidSharesCents, 117_300_000);
    assert.equal(b.schools.filter((s) => s.schoolId !== null).length, 35);
    assert.equal(
      b.schools.reduce((s, x) => s + x.eligibleCents, 0),
      149_066_600,
    );
  });

  it('marks the generated lines and suppliers, with valid SIRETs and dates within the period', async () => {
    const [facts] = await rows<{ lines: number; generated: number; outside: number; ttc: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS lines, count(*) FILTER (WHERE generated)::int AS generated,
                 count(*) FILTER (WHERE invoice_date < '2020-02-01' OR paid_on > '2023-04-30')::int AS outside,
                 count(*) FILTER (WHERE ht_cents + vat_cents <> ttc_cents)::int AS ttc
            FROM funding_expense_lines`,
    );
    assert.ok(facts);
    assert.ok(facts.lines >= 70, `${facts.lines} lines`);
    assert.equal(facts.generated, facts.lines);
    assert.equal(facts.outside, 0);
    assert.equal(facts.ttc, 0);
    const suppliers = await rows<{ siret: string; generated: boolean }>(
      t.db.owner,
      sql`SELECT siret, generated FROM suppliers`,
    );
    assert.ok(suppliers.length >= 5);
    for (const s of suppliers) {
      assert.ok(isValidSiret(s.siret), s.siret);
      assert.equal(s.generated, true);
    }
  });

  it('comes from generated contracts, received orders and invoices: 1,490,666 € HT each, one expense line per invoice line', async () => {
    const orders = json<{
      items: {
        status: string;
        htCents: number;
        generated: boolean;
        receivedQuantity: number;
        quantity: number;
        hasDiscrepancies: boolean;
      }[];
      total: number;
    }>(await manager.get('/api/procurement/orders', { query: { limit: '500' } }));
    assert.ok(orders.total >= 10, `${orders.total} orders`);
    assert.equal(orders.items.length, orders.total);
    assert.equal(
      orders.items.reduce((s, o) => s + o.htCents, 0),
      149_066_600,
      'orders total HT',
    );
    for (const o of orders.items) {
      assert.equal(o.status, 'received');
      assert.equal(o.generated, true);
      assert.equal(o.receivedQuantity, o.quantity);
      assert.equal(o.hasDiscrepancies, false);
    }
    const invoices = json<{
      items: {
        htCents: number;
        generated: boolean;
        paidOn: string | null;
        allocatedLines: number;
        lineCount: number;
        hasDiscrepancies: boolean;
      }[];
      total: number;
    }>(await manager.get('/api/procurement/invoices', { query: { limit: '500' } }));
    assert.equal(invoices.items.length, invoices.total);
    assert.equal(
      invoices.items.reduce((s, i) => s + i.htCents, 0),
      149_066_600,
      'invoices total HT',
    );
    for (const i of invoices.items) {
      assert.equal(i.generated, true);
      assert.ok(i.paidOn);
      assert.equal(i.allocatedLines, i.lineCount, 'every invoice line is an expense line');
      assert.equal(i.hasDiscrepancies, false);
    }
    const [facts] = await rows<{
      lines: number;
      from_invoices: number;
      invoice_lines: number;
      ht: string;
      assets: number;
      contracts: number;
    }>(
      t.db.owner,
      sql`SELECT (SELECT count(*)::int FROM funding_expense_lines) AS lines,
                 (SELECT count(*)::int FROM funding_expense_lines e JOIN invoice_lines il ON il.id = e.invoice_line_id
                   WHERE il.invoice_id = e.invoice_id AND il.ht_cents = e.ht_cents AND il.vat_cents = e.vat_cents) AS from_invoices,
                 (SELECT count(*)::int FROM invoice_lines) AS invoice_lines,
                 (SELECT sum(ht_cents)::text FROM funding_expense_lines) AS ht,
                 (SELECT count(*)::int FROM assets WHERE order_line_id IS NOT NULL OR delivery_id IS NOT NULL) AS assets,
                 (SELECT count(*)::int FROM contracts WHERE generated) AS contracts`,
    );
    assert.deepEqual(facts, {
      lines: facts?.invoice_lines,
      from_invoices: facts?.invoice_lines,
      invoice_lines: facts?.invoice_lines,
      ht: '149066600',
      assets: 0,
      contracts: 4,
    });
    const contracts = json<{ reference: string; orderedCents: number; overCeiling: boolean }[]>(
      await manager.get('/api/procurement/contracts'),
    );
    assert.equal(contracts.length, 4);
    assert.ok(contracts.every((c) => c.orderedCents > 0 && !c.overCeiling));
  });
});

describe('demo programme: indicators and publicity', () => {
  it('holds the target of 344 classes and CO35, computed from the inventory', async () => {
    const res = await manager.get(`/api/funding/programmes/${programmeId}/indicators`);
    assert.equal(res.statusCode, 200, res.body);
    const indicators = json<{ code: string; source: string; target: number; value: number | null }[]>(res);
    const classes = indicators.find((i) => i.source === 'classes_equipped');
    assert.equal(classes?.target, 344);
    assert.ok((classes?.value ?? 0) > 0, 'classes equipped counted from the demo inventory');
    const co35 = indicators.find((i) => i.source === 'co35_capacity');
    assert.ok(co35 && (co35.value ?? 0) > 0, 'CO35: pupils of the equipped schools');
    assert.ok(indicators.some((i) => i.source === 'teachers_trained'));
  });

  it('has its publicity checklist, the plaque due three months after completion, and the EU mentions', async () => {
    const items = json<{ kind: string; dueOn: string | null; doneOn: string | null }[]>(
      await manager.get(`/api/funding/programmes/${programmeId}/publicity`),
    );
    assert.equal(items.find((i) => i.kind === 'permanent_plaque')?.dueOn, '2023-07-30');
    assert.equal(items.find((i) => i.kind === 'website_description')?.doneOn, '2020-03-16');
    assert.equal(items.find((i) => i.kind === 'a3_poster')?.doneOn, '2020-09-01');
    const mentions = await manager.get(`/api/funding/programmes/${programmeId}/publicity/mentions`);
    assert.equal(mentions.statusCode, 200, mentions.body);
    assert.match(mentions.body, /Fonds européen de développement régional/);
  });
});
