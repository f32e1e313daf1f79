import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { rows } from '../../db/connection.ts';
import { demoSiret } from './demo.ts';
import { aidForAmount } from './rules.ts';

/** Funding stage 1 through the API, on a real database: CRUD, checks, tenancy, permissions, shares, budget. */

type Problem = { code: string; errors?: { path: string; code?: string }[] };
type Shares = {
  eligibleCents: number;
  ownerCents: number;
  publicAidCents: number;
  funders: { conventionId: string; baseCents: number; aidCents: number; rank: number }[];
  costItems: {
    costItemId: string;
    eligibleCents: number;
    shares: { conventionId: string; cents: number }[];
    ownerCents: number;
  }[];
  lines: {
    lineId: string;
    eligibleCents: number;
    shares: { conventionId: string; cents: number }[];
    ownerCents: number;
  }[];
  checks: { ownShare: { ok: boolean; minBp: number }; linesOver100: number; addsUp: boolean };
  basis: { schools: number };
};

let t: TestApp;
const ids: Record<string, string> = {};
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const schoolIds: string[] = [];

before(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.db, 'Ville A');
  const other = await createOrganisation(t.db, 'Ville B');
  for (let i = 0; i < 3; i++) schoolIds.push((await createSchool(t.db, org.id, 720_100 + i)).id);
  ids.otherSchool = (await createSchool(t.db, other.id, 720_200)).id;
  for (const [key, orgId, roles] of [
    ['manager', org.id, ['manager']],
    ['finance', org.id, ['finance']],
    ['auditor', org.id, ['auditor']],
    ['teacher', org.id, ['teacher']],
    ['otherAdmin', other.id, ['admin']],
  ] as const) {
    const user = await createUser(t.db, orgId, {
      roles: [...roles],
      schoolIds: key === 'teacher' ? [schoolIds[0] as string] : [],
    });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    agents[key] = agent;
  }
});
after(() => t.close());

const m = () => agents.manager as NonNullable<(typeof agents)['manager']>;

describe('funding: programme, cost items, funders, conventions, suppliers', () => {
  it('creates a programme with its schools in scope and cost items in order', async () => {
    const created = await m().post('/api/funding/programmes', {
      name: 'Plan numérique test',
      periodStart: '2020-02-01',
      periodEnd: '2023-04-30',
      archiveUntil: '2026-12-31',
      schoolIds,
    });
    assert.equal(created.statusCode, 201, created.body);
    ids.programme = json(created).id as string;
    assert.equal((json(created).schoolIds as string[]).length, 3);

    const bad = await m().post('/api/funding/programmes', {
      name: 'x',
      periodStart: '2021-01-01',
      periodEnd: '2020-01-01',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(json<Problem>(bad).errors?.[0]?.path, 'body.periodEnd');
    const archive = await m().patch(`/api/funding/programmes/${ids.programme}`, { archiveUntil: '2023-01-01' });
    assert.equal(archive.statusCode, 400, 'kept at least until the end of the period');
    assert.equal(json<Problem>(archive).errors?.[0]?.path, 'body.archiveUntil');
    const unknownField = await m().post('/api/funding/programmes', {
      name: 'x',
      periodStart: '2020-01-01',
      periodEnd: '2021-01-01',
      budget: 1,
    });
    assert.equal(unknownField.statusCode, 400, 'strict input');

    for (const [code, kind, position, budgetCents] of [
      ['FOR', 'training', 2, 1_000_000],
      ['EQ', 'equipment', 1, 9_000_000],
    ] as const) {
      const item = await m().post(`/api/funding/programmes/${ids.programme}/cost-items`, {
        code,
        kind,
        label: code,
        position,
        budgetCents,
      });
      assert.equal(item.statusCode, 201, item.body);
      ids[code] = json(item).id as string;
    }
    const dup = await m().post(`/api/funding/programmes/${ids.programme}/cost-items`, {
      code: 'EQ',
      kind: 'equipment',
      label: 'again',
    });
    assert.equal(dup.statusCode, 409);
    const list = json<{ code: string }[]>(await m().get(`/api/funding/programmes/${ids.programme}/cost-items`));
    assert.deepEqual(
      list.map((c) => c.code),
      ['EQ', 'FOR'],
    );
  });

  it('checks SIRETs: a bad one is a 400 naming the field, a duplicate a 409', async () => {
    const bad = await m().post('/api/funding/suppliers', { name: 'Mauvais', siret: '732 829 320 00075' });
    assert.equal(bad.statusCode, 400);
    const problem = json<Problem>(bad);
    assert.equal(problem.code, 'SIRET_INVALID');
    assert.deepEqual(problem.errors?.[0], { path: 'body.siret', message: 'wrong check digit', code: 'checksum' });
    const short = await m().post('/api/funding/suppliers', { name: 'Court', siret: '1234' });
    assert.equal(json<Problem>(short).errors?.[0]?.code, 'format');

    const good = await m().post('/api/funding/suppliers', { name: 'Fournisseur', siret: '732 829 320 00074' });
    assert.equal(good.statusCode, 201, good.body);
    assert.equal(json(good).siret, '73282932000074', 'stored normalised');
    ids.supplier = json(good).id as string;
    const dup = await m().post('/api/funding/suppliers', { name: 'Copie', siret: '73282932000074' });
    assert.equal(dup.statusCode, 409);
    // Unique per organisation only: another city may know the same supplier.
    const elsewhere = await agents.otherAdmin?.post('/api/funding/suppliers', {
      name: 'Même',
      siret: '73282932000074',
    });
    assert.equal(elsewhere?.statusCode, 201);
    ids.otherSupplier = json(elsewhere as never).id as string;
  });

  it('checks conventions: invalid rules and rates above 100 % in total are refused with their codes', async () => {
    for (const [name, kind] of [
      ['FEDER', 'eu_feder'],
      ['Département', 'departement'],
      ['Région', 'region'],
    ] as const) {
      const f = await m().post('/api/funding/funders', { name, kind });
      assert.equal(f.statusCode, 201, f.body);
      ids[name] = json(f).id as string;
    }
    const url = `/api/funding/programmes/${ids.programme}/conventions`;
    const feder = await m().post(url, {
      funderId: ids.FEDER,
      reference: 'FEDER-1',
      eligibleFrom: '2020-02-01',
      eligibleTo: '2023-04-30',
      rateRule: { kind: 'flat', rateBp: 7869 },
      caps: { totalCents: 7_000_000 },
      rank: 1,
    });
    assert.equal(feder.statusCode, 201, feder.body);
    ids.federConvention = json(feder).id as string;
    assert.equal(json(feder).instalmentCapBp, 8000);
    assert.equal(json(feder).ownShareMinBp, 2000);

    const badRule = await m().post(url, {
      funderId: ids.Département,
      reference: 'DEP-1',
      rateRule: {
        kind: 'tiered',
        mode: 'per_tranche',
        tiers: [
          { upToCents: 500_000, rateBp: 1000 },
          { upToCents: 100_000, rateBp: 500 },
        ],
      },
      rank: 2,
    });
    assert.equal(badRule.statusCode, 400);
    assert.equal(json<Problem>(badRule).code, 'FUNDING_RULE_INVALID');
    assert.equal(json<Problem>(badRule).errors?.[0]?.path, 'body.rateRule');
    assert.equal(json<Problem>(badRule).errors?.[0]?.code, 'tiers_not_increasing');

    const over = await m().post(url, {
      funderId: ids.Département,
      reference: 'DEP-1',
      rateRule: { kind: 'flat', rateBp: 2200 },
      rank: 2,
    });
    assert.equal(over.statusCode, 409);
    assert.equal(json<Problem>(over).code, 'FUNDING_OVER_100');

    // The département funds training only, tiered: 10 % up to 5,000 €, then 5 %.
    const dep = await m().post(url, {
      funderId: ids.Département,
      reference: 'DEP-1',
      eligibleCostItemIds: [ids.FOR],
      rateRule: {
        kind: 'tiered',
        mode: 'per_tranche',
        tiers: [
          { upToCents: 500_000, rateBp: 1000 },
          { upToCents: null, rateBp: 500 },
        ],
      },
      rank: 2,
    });
    assert.equal(dep.statusCode, 201, dep.body);
    ids.depConvention = json(dep).id as string;

    const window = await m().patch(`/api/funding/conventions/${ids.depConvention}`, {
      eligibleFrom: '2022-01-01',
      eligibleTo: '2021-01-01',
    });
    assert.equal(window.statusCode, 400);
    assert.equal(json<Problem>(window).errors?.[0]?.path, 'body.eligibleTo');
    const sameRank = await m().post(url, {
      funderId: ids.Région,
      reference: 'REG',
      rateRule: { kind: 'flat', rateBp: 100 },
      rank: 2,
    });
    assert.equal(sameRank.statusCode, 409);
    // Raising the FEDER rate past 100 % in total is refused the same way on update.
    const raise = await m().patch(`/api/funding/conventions/${ids.federConvention}`, {
      rateRule: { kind: 'flat', rateBp: 9500 },
    });
    assert.equal(json<Problem>(raise).code, 'FUNDING_OVER_100');
    const list = json<{ reference: string }[]>(await m().get(url));
    assert.deepEqual(
      list.map((c) => c.reference),
      ['FEDER-1', 'DEP-1'],
    );
  });
});

describe('funding: expense lines', () => {
  it('checks HT + VAT = TTC, the eligible amount and the school split', async () => {
    const url = `/api/funding/programmes/${ids.programme}/expense-lines`;
    const base = {
      costItemId: ids.EQ,
      supplierId: ids.supplier,
      invoiceNumber: 'F-1',
      invoiceDate: '2021-03-01',
    };
    const wrong = await m().post(url, { ...base, htCents: 1000, vatCents: 200, ttcCents: 1201 });
    assert.equal(wrong.statusCode, 400);
    assert.equal(json<Problem>(wrong).code, 'FUNDING_AMOUNTS_INVALID');
    assert.equal(json<Problem>(wrong).errors?.[0]?.path, 'body.ttcCents');
    const partly = await m().post(url, {
      ...base,
      htCents: 1000,
      vatCents: 200,
      ttcCents: 1200,
      eligibility: 'partly',
    });
    assert.deepEqual(
      json<Problem>(partly)
        .errors?.map((e) => e.path)
        .sort(),
      ['body.eligibilityReason', 'body.eligibleCents'],
    );
    const split = await m().post(url, {
      ...base,
      htCents: 1000,
      vatCents: 200,
      ttcCents: 1200,
      schools: [{ schoolId: schoolIds[0], amountCents: 999 }],
    });
    assert.equal(json<Problem>(split).errors?.[0]?.code, 'split_total');
    const foreignSchool = await m().post(url, {
      ...base,
      htCents: 1000,
      vatCents: 200,
      ttcCents: 1200,
      schools: [{ schoolId: ids.otherSchool, amountCents: 1000 }],
    });
    assert.equal(foreignSchool.statusCode, 404, 'another city’s school is not found');
    const foreignSupplier = await m().post(url, {
      ...base,
      supplierId: ids.otherSupplier,
      htCents: 1000,
      vatCents: 200,
      ttcCents: 1200,
    });
    assert.equal(foreignSupplier.statusCode, 404);
  });

  it('records lines whose shares add up to the cent, through the API', async () => {
    const url = `/api/funding/programmes/${ids.programme}/expense-lines`;
    // Odd amounts so that the rounding matters.
    const spec = [
      { item: 'EQ', ht: 1_234_567, date: '2020-03-15', split: [600_000, 634_567, 0] },
      { item: 'EQ', ht: 3_333_333, date: '2021-07-01', split: [1_111_111, 1_111_111, 1_111_111] },
      { item: 'EQ', ht: 2_500_001, date: '2022-01-10' },
      { item: 'FOR', ht: 777_777, date: '2021-09-09', split: [777_777, 0, 0] },
      { item: 'FOR', ht: 12_345, date: '2022-11-30' },
      // Outside the FEDER window: the FEDER takes no part in it.
      { item: 'EQ', ht: 100_000, date: '2019-12-31' },
    ];
    for (const [i, s] of spec.entries()) {
      const vat = Math.round(s.ht / 5);
      const r = await m().post(url, {
        costItemId: ids[s.item],
        supplierId: ids.supplier,
        invoiceNumber: `F-${i}`,
        invoiceDate: s.date,
        htCents: s.ht,
        vatCents: vat,
        ttcCents: s.ht + vat,
        paidOn: i < 3 ? '2023-01-15' : null,
        mandateNumber: i < 3 ? `M-${i}` : null,
        ...(s.split ? { schools: s.split.map((amountCents, j) => ({ schoolId: schoolIds[j], amountCents })) } : {}),
      });
      assert.equal(r.statusCode, 201, r.body);
      ids[`line${i}`] = json(r).id as string;
    }
    // One line partly eligible, one not eligible.
    const partly = await m().patch(`/api/funding/expense-lines/${ids.line2}`, {
      eligibility: 'partly',
      eligibleCents: 2_000_000,
      eligibilityReason: 'Accessoires hors convention',
    });
    assert.equal(partly.statusCode, 200, partly.body);
    const notEligible = await m().post(url, {
      costItemId: ids.FOR,
      supplierId: ids.supplier,
      invoiceNumber: 'F-X',
      invoiceDate: '2021-01-01',
      htCents: 50_000,
      vatCents: 10_000,
      ttcCents: 60_000,
      eligibility: 'not_eligible',
      eligibilityReason: 'Frais de bouche',
    });
    assert.equal(notEligible.statusCode, 201);
    assert.equal(json(notEligible).eligibleCents, 0);

    const res = await m().get(`/api/funding/programmes/${ids.programme}/shares`);
    assert.equal(res.statusCode, 200, res.body);
    const shares = json<Shares>(res);
    const eligible = 1_234_567 + 3_333_333 + 2_000_000 + 777_777 + 12_345 + 100_000;
    assert.equal(shares.eligibleCents, eligible);
    assert.equal(shares.lines.length, 6, 'the line not eligible takes no share');
    // Every line adds up exactly; no line above 100 %.
    for (const l of shares.lines) {
      assert.equal(l.shares.reduce((s, x) => s + x.cents, 0) + l.ownerCents, l.eligibleCents);
      assert.ok(l.ownerCents >= 0);
    }
    // Every funder gets exactly its aid over the lines; the aids and the owner make the total.
    const [feder, dep] = shares.funders;
    assert.ok(feder && dep);
    for (const f of shares.funders) {
      assert.equal(
        shares.lines.reduce((s, l) => s + (l.shares.find((x) => x.conventionId === f.conventionId)?.cents ?? 0), 0),
        f.aidCents,
      );
    }
    assert.equal(feder.aidCents + dep.aidCents + shares.ownerCents, eligible);
    // FEDER: 78.69 % of the lines within its window, capped at 70,000 €.
    assert.equal(feder.baseCents, eligible - 100_000);
    assert.equal(feder.aidCents, Math.min(7_000_000, Math.floor(((eligible - 100_000) * 7869) / 10_000)));
    // Département: training only, tiered per tranche, within what the FEDER left.
    assert.equal(dep.baseCents, 777_777 + 12_345);
    assert.equal(
      dep.aidCents,
      aidForAmount(
        {
          kind: 'tiered',
          mode: 'per_tranche',
          tiers: [
            { upToCents: 500_000, rateBp: 1000 },
            { upToCents: null, rateBp: 500 },
          ],
        },
        790_122,
      ),
    );
    const outOfWindow = shares.lines.find((l) => l.eligibleCents === 100_000);
    assert.equal(outOfWindow?.ownerCents, 100_000);
    for (const l of shares.lines) {
      const isTraining = l.eligibleCents === 777_777 || l.eligibleCents === 12_345;
      if (!isTraining) assert.equal(l.shares.find((x) => x.conventionId === dep.conventionId)?.cents, 0);
    }
    // Per cost item, the same cents.
    assert.equal(
      shares.costItems.reduce((s, c) => s + c.eligibleCents, 0),
      eligible,
    );
    for (const c of shares.costItems) {
      assert.equal(c.shares.reduce((s, x) => s + x.cents, 0) + c.ownerCents, c.eligibleCents);
    }
    assert.equal(shares.checks.linesOver100, 0);
    assert.equal(shares.checks.addsUp, true);
    assert.equal(shares.checks.ownShare.minBp, 2000);
    assert.equal(shares.checks.ownShare.ok, shares.ownerCents * 10_000 >= shares.publicAidCents * 2000);
    assert.equal(shares.basis.schools, 3);
  });

  it('gives the budget view: planned, invoiced, paid, eligible per cost item, funder and school', async () => {
    const res = await m().get(`/api/funding/programmes/${ids.programme}/budget`);
    assert.equal(res.statusCode, 200, res.body);
    const b = json<{
      totals: { plannedCents: number; invoicedCents: number; paidCents: number; eligibleCents: number; lines: number };
      costItems: {
        code: string;
        plannedCents: number;
        invoicedCents: number;
        paidCents: number;
        eligibleCents: number;
      }[];
      funders: { aidCents: number; paidSharesCents: number }[];
      owner: { cents: number; paidSharesCents: number };
      schools: { schoolId: string | null; invoicedCents: number; paidCents: number; eligibleCents: number }[];
    }>(res);
    const invoiced = 1_234_567 + 3_333_333 + 2_500_001 + 777_777 + 12_345 + 100_000 + 50_000;
    const eligible = 1_234_567 + 3_333_333 + 2_000_000 + 777_777 + 12_345 + 100_000;
    assert.equal(b.totals.plannedCents, 10_000_000);
    assert.equal(b.totals.invoicedCents, invoiced);
    assert.equal(b.totals.paidCents, 1_234_567 + 3_333_333 + 2_500_001);
    assert.equal(b.totals.eligibleCents, eligible);
    assert.equal(b.totals.lines, 7);
    assert.deepEqual(
      b.costItems.map((c) => [c.code, c.plannedCents]),
      [
        ['EQ', 9_000_000],
        ['FOR', 1_000_000],
      ],
    );
    for (const key of ['invoicedCents', 'paidCents', 'eligibleCents'] as const) {
      assert.equal(
        b.costItems.reduce((s, c) => s + c[key], 0),
        b.totals[key],
        `cost items add up: ${key}`,
      );
      assert.equal(
        b.schools.reduce((s, c) => s + c[key], 0),
        b.totals[key],
        `schools (and the unassigned rest) add up: ${key}`,
      );
    }
    assert.equal(b.funders.reduce((s, f) => s + f.aidCents, 0) + b.owner.cents, eligible);
    const school0 = b.schools.find((s) => s.schoolId === schoolIds[0]);
    assert.equal(school0?.invoicedCents, 600_000 + 1_111_111 + 777_777);
    assert.equal(school0?.paidCents, 600_000 + 1_111_111);
    assert.ok(
      b.schools.some((s) => s.schoolId === null),
      'lines without a split are shown apart',
    );
  });

  it('lists lines in statement order and audits every write', async () => {
    const list = json<{ total: number; items: { invoiceDate: string; costItemId: string }[] }>(
      await m().get(`/api/funding/programmes/${ids.programme}/expense-lines`, { query: { limit: '3' } }),
    );
    assert.equal(list.total, 7);
    assert.equal(list.items.length, 3);
    assert.ok(
      list.items.every((l) => l.costItemId === ids.EQ),
      'equipment (position 1) first',
    );
    assert.deepEqual(
      list.items.map((l) => l.invoiceDate),
      [...list.items.map((l) => l.invoiceDate)].sort(),
    );
    const events = await rows<{ action: string; n: number }>(
      t.db.owner,
      sql`SELECT action, count(*)::int AS n FROM audit_events WHERE action LIKE 'funding.%' GROUP BY action`,
    );
    const byAction = Object.fromEntries(events.map((e) => [e.action, e.n]));
    assert.equal(byAction['funding.programme_created'], 1);
    assert.equal(byAction['funding.convention_created'], 2);
    assert.equal(byAction['funding.expense_line_created'], 7);
    assert.equal(byAction['funding.expense_line_updated'], 1);
    assert.equal(byAction['funding.supplier_created'], 2);
  });

  it('deletes a line and refuses to delete a cost item that still has lines', async () => {
    const del = await m().delete(`/api/funding/expense-lines/${ids.line5}`);
    assert.equal(del.statusCode, 204);
    assert.equal((await m().get(`/api/funding/expense-lines/${ids.line5}`)).statusCode, 404);
    const item = await m().delete(`/api/funding/cost-items/${ids.FOR}`);
    assert.equal(item.statusCode, 409);
  });
});

describe('funding: access', () => {
  it('another organisation’s ids are 404, never data', async () => {
    const other = agents.otherAdmin as NonNullable<(typeof agents)['otherAdmin']>;
    for (const url of [
      `/api/funding/programmes/${ids.programme}`,
      `/api/funding/programmes/${ids.programme}/shares`,
      `/api/funding/programmes/${ids.programme}/budget`,
      `/api/funding/programmes/${ids.programme}/conventions`,
      `/api/funding/programmes/${ids.programme}/expense-lines`,
      `/api/funding/expense-lines/${ids.line0}`,
    ]) {
      assert.equal((await other.get(url)).statusCode, 404, url);
    }
    assert.equal((await other.patch(`/api/funding/conventions/${ids.federConvention}`, { rank: 5 })).statusCode, 404);
    assert.equal((await other.patch(`/api/funding/suppliers/${ids.supplier}`, { name: 'x' })).statusCode, 404);
    assert.equal((await other.delete(`/api/funding/expense-lines/${ids.line0}`)).statusCode, 404);
    assert.equal(
      (
        await other.post(`/api/funding/programmes/${ids.programme}/cost-items`, {
          code: 'Z',
          kind: 'other',
          label: 'z',
        })
      ).statusCode,
      404,
    );
    assert.deepEqual(json(await other.get('/api/funding/programmes')), []);
  });

  it('teachers may not read funding; auditors read but do not write; finance manages', async () => {
    const teacher = agents.teacher as NonNullable<(typeof agents)['teacher']>;
    assert.equal((await teacher.get('/api/funding/programmes')).statusCode, 403);
    assert.equal((await teacher.get(`/api/funding/programmes/${ids.programme}/shares`)).statusCode, 403);
    const auditor = agents.auditor as NonNullable<(typeof agents)['auditor']>;
    assert.equal((await auditor.get(`/api/funding/programmes/${ids.programme}/budget`)).statusCode, 200);
    assert.equal((await auditor.post('/api/funding/funders', { name: 'x', kind: 'other' })).statusCode, 403);
    const finance = agents.finance as NonNullable<(typeof agents)['finance']>;
    assert.equal((await finance.post('/api/funding/funders', { name: 'Ville', kind: 'own_funds' })).statusCode, 201);
    assert.equal((await t.agent().get('/api/funding/programmes')).statusCode, 401);
  });
});

describe('funding: demo SIRETs', () => {
  it('are valid', async () => {
    const { isValidSiret } = await import('../../../shared/siret.ts');
    for (let n = 0; n < 200; n++) assert.ok(isValidSiret(demoSiret(n)), demoSiret(n));
  });
});
