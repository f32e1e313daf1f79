import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { rows } from '../../db/connection.ts';
import { fundingProgrammes, schoolYears } from '../../db/schema.ts';
import { demoSiret } from './demo.ts';
import { freshAllocation } from './shares.ts';

/**
 * The stored shares (migration 0015/0016) must always equal what the rules
 * compute now: after every kind of change that moves them (line amounts and
 * eligibility, conventions, cost items, schools in scope, class counts under
 * a per-class cap, splits), the next read rewrites them; changes that do not
 * move them (payment date) leave the programme fresh.
 */

type Shares = {
  eligibleCents: number;
  ownerCents: number;
  funders: { conventionId: string; aidCents: number }[];
  lines: { lineId: string; shares: { conventionId: string; cents: number }[]; ownerCents: number }[];
  linesTotal: number;
  checks: { addsUp: boolean; linesOver100: number };
};
type Budget = {
  totals: { eligibleCents: number; invoicedCents: number; paidCents: number };
  funders: { conventionId: string; aidCents: number; paidSharesCents: number }[];
  owner: { cents: number; paidSharesCents: number };
  schools: { schoolId: string | null; invoicedCents: number; eligibleCents: number }[];
  timeline: { month: string; invoicedCents: number; paidCents: number }[];
};

let t: TestApp;
let orgId: string;
let agent: ReturnType<TestApp['agent']>;
const schoolIds: string[] = [];
const ids: Record<string, string> = {};
const lineIds: string[] = [];

before(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.db, 'Ville parts');
  orgId = org.id;
  for (let i = 0; i < 3; i++) schoolIds.push((await createSchool(t.db, org.id, 730_100 + i)).id);
  for (const [i, id] of schoolIds.entries()) {
    await t.db.owner
      .insert(schoolYears)
      .values({ organisationId: org.id, schoolId: id, year: 2022, pupils: 100 + i, classesCount: 4 + i });
  }
  const user = await createUser(t.db, org.id, { roles: ['finance'] });
  agent = t.agent();
  await agent.login(user.email, PASSWORD);

  const programme = await agent.post('/api/funding/programmes', {
    name: 'Parts',
    periodStart: '2021-01-01',
    periodEnd: '2023-12-31',
    schoolIds,
  });
  ids.programme = json(programme).id as string;
  for (const [code, position] of [
    ['EQ', 1],
    ['FOR', 2],
  ] as const) {
    const item = await agent.post(`/api/funding/programmes/${ids.programme}/cost-items`, {
      code,
      kind: code === 'EQ' ? 'equipment' : 'training',
      label: code,
      position,
    });
    ids[code] = json(item).id as string;
  }
  const feder = await agent.post('/api/funding/funders', { name: 'FEDER', kind: 'eu_feder' });
  const dep = await agent.post('/api/funding/funders', { name: 'Département', kind: 'departement' });
  const c1 = await agent.post(`/api/funding/programmes/${ids.programme}/conventions`, {
    funderId: json(feder).id,
    reference: 'FEDER-1',
    rateRule: {
      kind: 'tiered',
      mode: 'per_tranche',
      tiers: [
        { upToCents: 500_000, rateBp: 7000 },
        { upToCents: null, rateBp: 5000 },
      ],
    },
    rank: 1,
  });
  assert.equal(c1.statusCode, 201, c1.body);
  ids.feder = json(c1).id as string;
  const c2 = await agent.post(`/api/funding/programmes/${ids.programme}/conventions`, {
    funderId: json(dep).id,
    reference: 'DEP-1',
    rateRule: { kind: 'flat', rateBp: 1000 },
    caps: { perClassCents: 3_333 },
    rank: 2,
  });
  assert.equal(c2.statusCode, 201, c2.body);
  ids.dep = json(c2).id as string;
  const supplier = await agent.post('/api/funding/suppliers', { name: 'Fournisseur', siret: demoSiret(7) });
  ids.supplier = json(supplier).id as string;
  const amounts = [123_457, 98_765, 250_001, 77_777, 301_003, 5];
  for (const [i, ht] of amounts.entries()) {
    const split =
      i % 2 === 0
        ? [
            { schoolId: schoolIds[0] as string, amountCents: Math.floor(ht / 3) },
            { schoolId: schoolIds[1] as string, amountCents: ht - Math.floor(ht / 3) },
          ]
        : [];
    const res = await agent.post(`/api/funding/programmes/${ids.programme}/expense-lines`, {
      costItemId: i < 4 ? ids.EQ : ids.FOR,
      supplierId: ids.supplier,
      invoiceNumber: `F-${i}`,
      invoiceDate: `2022-0${1 + (i % 6)}-15`,
      htCents: ht,
      vatCents: Math.round(ht / 5),
      ttcCents: ht + Math.round(ht / 5),
      paidOn: i % 3 === 0 ? '2022-07-01' : null,
      schools: split,
    });
    assert.equal(res.statusCode, 201, res.body);
    lineIds.push(json(res).id as string);
  }
});
after(() => t.close());

const stale = async () => {
  const [p] = await t.db.owner
    .select({ stale: fundingProgrammes.sharesStale })
    .from(fundingProgrammes)
    .where(eq(fundingProgrammes.id, ids.programme as string));
  return p?.stale;
};

/** Reads the shares through the API and checks them against a fresh allocation. */
async function assertStoredEqualsFresh(label: string) {
  const res = await agent.get(`/api/funding/programmes/${ids.programme}/shares`);
  assert.equal(res.statusCode, 200, res.body);
  const shares = json<Shares>(res);
  assert.equal(await stale(), false, `${label}: fresh after a read`);
  const fresh = await t.db.withOrg(
    { organisationId: orgId, userId: null, actorKind: 'system', requestId: null },
    (scope) => freshAllocation(scope, ids.programme as string),
  );
  for (const l of fresh.allocation.lines) {
    const stored = shares.lines.find((x) => x.lineId === l.lineId);
    assert.ok(stored, `${label}: line ${l.lineId} listed`);
    for (const id of fresh.conventionIds) {
      assert.equal(stored.shares.find((s) => s.conventionId === id)?.cents ?? 0, l.shares[id] ?? 0, `${label}: share`);
    }
    assert.equal(stored.ownerCents, l.ownerCents, `${label}: owner`);
  }
  assert.equal(shares.lines.length, fresh.allocation.lines.length, `${label}: same lines`);
  fresh.conventionIds.forEach((id, i) => {
    assert.equal(shares.funders.find((f) => f.conventionId === id)?.aidCents, fresh.allocation.aid[i]?.cents, label);
  });
  assert.equal(shares.ownerCents, fresh.allocation.ownerCents, label);
  assert.equal(shares.checks.addsUp, true, label);
  assert.equal(shares.checks.linesOver100, 0, label);
  return shares;
}

describe('funding: stored shares follow every change', () => {
  it('computes them on the first read and keeps them while nothing moves', async () => {
    assert.equal(await stale(), true, 'new lines make the programme stale');
    await assertStoredEqualsFresh('first read');
    const again = await agent.get(`/api/funding/programmes/${ids.programme}/budget`);
    assert.equal(again.statusCode, 200);
    assert.equal(await stale(), false);
    const paidBefore = json<Budget>(again).totals.paidCents;
    const paid = await agent.patch(`/api/funding/expense-lines/${lineIds[1]}`, { paidOn: '2022-09-01' });
    assert.equal(paid.statusCode, 200, paid.body);
    assert.equal(await stale(), false, 'a payment date does not move the shares');
    const after = json<Budget>(await agent.get(`/api/funding/programmes/${ids.programme}/budget`));
    assert.equal(after.totals.paidCents, paidBefore + 98_765, 'but the cached budget view is dropped and recomputed');
  });

  it('rewrites them after a change of eligibility, amount or invoice date', async () => {
    const partly = await agent.patch(`/api/funding/expense-lines/${lineIds[2]}`, {
      eligibility: 'partly',
      eligibleCents: 200_000,
      eligibilityReason: 'part hors période',
    });
    assert.equal(partly.statusCode, 200, partly.body);
    assert.equal(await stale(), true);
    await assertStoredEqualsFresh('eligibility');
    const notEligible = await agent.patch(`/api/funding/expense-lines/${lineIds[3]}`, {
      eligibility: 'not_eligible',
      eligibilityReason: 'consommables',
    });
    assert.equal(notEligible.statusCode, 200, notEligible.body);
    const shares = await assertStoredEqualsFresh('not eligible');
    assert.equal(
      shares.lines.some((l) => l.lineId === lineIds[3]),
      false,
    );
    const date = await agent.patch(`/api/funding/expense-lines/${lineIds[0]}`, { invoiceDate: '2023-01-02' });
    assert.equal(date.statusCode, 200, date.body);
    assert.equal(await stale(), true);
    await assertStoredEqualsFresh('invoice date');
  });

  it('rewrites them after a change of convention, cost item, schools in scope or class counts', async () => {
    const rule = await agent.patch(`/api/funding/conventions/${ids.feder}`, {
      rateRule: {
        kind: 'tiered',
        mode: 'whole_amount',
        tiers: [
          { upToCents: 500_000, rateBp: 6000 },
          { upToCents: null, rateBp: 5000 },
        ],
      },
    });
    assert.equal(rule.statusCode, 200, rule.body);
    assert.equal(await stale(), true);
    await assertStoredEqualsFresh('rate rule');

    const window = await agent.patch(`/api/funding/conventions/${ids.dep}`, { eligibleCostItemIds: [ids.FOR] });
    assert.equal(window.statusCode, 200, window.body);
    await assertStoredEqualsFresh('eligible cost items');
    await agent.patch(`/api/funding/conventions/${ids.dep}`, { eligibleCostItemIds: null });

    const before = await assertStoredEqualsFresh('per-class cap');
    const depBefore = before.funders.find((f) => f.conventionId === ids.dep)?.aidCents ?? 0;
    // The département's per-class cap (33.33 € × classes) binds: more classes, more aid.
    await t.db.owner
      .update(schoolYears)
      .set({ classesCount: 40 })
      .where(eq(schoolYears.schoolId, schoolIds[2] as string));
    assert.equal(await stale(), true, 'class counts of a school in scope');
    const after = await assertStoredEqualsFresh('class counts');
    assert.ok((after.funders.find((f) => f.conventionId === ids.dep)?.aidCents ?? 0) > depBefore);

    const scope = await agent.patch(`/api/funding/programmes/${ids.programme}`, {
      schoolIds: schoolIds.slice(0, 2),
    });
    assert.equal(scope.statusCode, 200, scope.body);
    assert.equal(await stale(), true, 'schools in scope');
    await assertStoredEqualsFresh('schools in scope');

    const order = await agent.patch(`/api/funding/cost-items/${ids.FOR}`, { position: 0 });
    assert.equal(order.statusCode, 200, order.body);
    assert.equal(await stale(), true, 'cost item order (statement order)');
    await assertStoredEqualsFresh('cost item order');
  });

  it('spreads each line’s eligible amount over its schools so the budget adds up exactly', async () => {
    const split = await agent.patch(`/api/funding/expense-lines/${lineIds[4]}`, {
      schools: [
        { schoolId: schoolIds[0] as string, amountCents: 100_001 },
        { schoolId: schoolIds[1] as string, amountCents: 100_001 },
        { schoolId: schoolIds[2] as string, amountCents: 101_001 },
      ],
    });
    assert.equal(split.statusCode, 200, split.body);
    assert.equal(await stale(), true, 'a new split');
    const res = await agent.get(`/api/funding/programmes/${ids.programme}/budget`);
    assert.equal(res.statusCode, 200, res.body);
    const budget = json<Budget>(res);
    assert.equal(
      budget.schools.reduce((s, x) => s + x.eligibleCents, 0),
      budget.totals.eligibleCents,
    );
    assert.equal(
      budget.schools.reduce((s, x) => s + x.invoicedCents, 0),
      budget.totals.invoicedCents,
    );
    const parts = await rows<{ line_id: string; eligible: string; total: string }>(
      t.db.owner,
      sql`select s.line_id, sum(s.eligible_cents) as eligible, max(l.eligible_cents) as total
            from funding_expense_line_schools s join funding_expense_lines l on l.id = s.line_id
           where l.programme_id = ${ids.programme} group by s.line_id`,
    );
    for (const p of parts) assert.equal(Number(p.eligible), Number(p.total), 'each line’s parts add up');
    const shares = await assertStoredEqualsFresh('split');
    budget.funders.forEach((f) => {
      assert.equal(f.aidCents, shares.funders.find((x) => x.conventionId === f.conventionId)?.aidCents);
    });
    assert.equal(budget.owner.cents, shares.ownerCents);
    assert.equal(
      budget.timeline.reduce((s, m) => s + m.invoicedCents, 0),
      budget.totals.invoicedCents,
    );
    assert.equal(
      budget.timeline.reduce((s, m) => s + m.paidCents, 0),
      budget.totals.paidCents,
    );
  });

  it('pages the lines of the shares', async () => {
    const page = json<Shares>(await agent.get(`/api/funding/programmes/${ids.programme}/shares?limit=2&offset=1`));
    const all = json<Shares>(await agent.get(`/api/funding/programmes/${ids.programme}/shares`));
    assert.equal(page.linesTotal, all.lines.length);
    assert.deepEqual(
      page.lines.map((l) => l.lineId),
      all.lines.slice(1, 3).map((l) => l.lineId),
    );
    const bad = await agent.get(`/api/funding/programmes/${ids.programme}/shares?limit=0`);
    assert.equal(bad.statusCode, 400);
  });

  it('marks the programme stale when a line is deleted', async () => {
    const del = await agent.delete(`/api/funding/expense-lines/${lineIds[5]}`);
    assert.equal(del.statusCode, 204, del.body);
    assert.equal(await stale(), true);
    await assertStoredEqualsFresh('deleted line');
  });
});
