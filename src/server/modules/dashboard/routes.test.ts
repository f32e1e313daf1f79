import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import type { DemoAccount } from '../../bootstrap.ts';
import { rows } from '../../db/connection.ts';
import type { Dashboard } from './schema.ts';
import { monthInstants } from './service.ts';

/**
 * "Dashboard figures equal the counts of the underlying lists" (issue #9),
 * on the demo: every figure is asked of the dashboard and of the list it
 * links to, with the same filters, as the same user.
 */

let t: TestApp;
let accounts: DemoAccount[];
let orgId: string;
let directorSchool: string;
let otherSchool: string;
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const as = (who: string) => agents[who] as ReturnType<TestApp['agent']>;

async function total(who: string, url: string): Promise<number> {
  const r = await as(who).get(url);
  assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
  return json<{ total: number }>(r).total;
}

async function board(who: string, query = ''): Promise<Dashboard> {
  const r = await as(who).get(`/api/dashboard${query}`);
  assert.equal(r.statusCode, 200, r.body);
  return json<Dashboard>(r);
}

type ComplianceRow = { id: string; inScope: boolean; atSocle: boolean; classesTotal: number; classesAtSocle: number };
async function compliance(who: string, query: string) {
  const r = await as(who).get(`/api/baseline/compliance${query}`);
  assert.equal(r.statusCode, 200, r.body);
  return json<{ schools: ComplianceRow[] }>(r).schools;
}

before(async () => {
  t = await createTestApp({}, { seed: 'demo+loans' });
  accounts = t.demoAccounts;
  const [org] = await rows<{ id: string }>(t.db.owner, sql`SELECT id FROM organisations LIMIT 1`);
  orgId = org?.id as string;
  for (const role of ['manager', 'director', 'periscolaire', 'finance']) {
    const account = accounts.find((a) => a.role === role);
    assert.ok(account, role);
    const agent = t.agent();
    await agent.login(account.email, account.password);
    agents[role] = agent;
  }
  const [director] = await rows<{ school_id: string }>(
    t.db.owner,
    sql`SELECT us.school_id FROM user_schools us JOIN users u ON u.id = us.user_id WHERE u.roles @> ARRAY['director']`,
  );
  directorSchool = director?.school_id as string;
  const [other] = await rows<{ id: string }>(
    t.db.owner,
    sql`SELECT id FROM schools WHERE id <> ${directorSchool} AND closed_on IS NULL ORDER BY name LIMIT 1`,
  );
  otherSchool = other?.id as string;
  // Tickets: the demo has none; two at the director's school (one past its targets) and one elsewhere.
  const opened: string[] = [];
  for (const [who, schoolId] of [
    ['director', directorSchool],
    ['director', directorSchool],
    ['manager', otherSchool],
  ] as const) {
    const r = await as(who).post('/api/helpdesk/tickets', {
      schoolId,
      category: 'breakdown',
      title: 'Le vidéoprojecteur ne s’allume plus',
      description: 'Voyant orange.',
    });
    assert.equal(r.statusCode, 201, r.body);
    opened.push(json<{ id: string }>(r).id);
  }
  await t.db.owner.execute(
    sql`UPDATE helpdesk_tickets SET response_due_at = now() - interval '2 hours', resolution_due_at = now() - interval '1 hour'
         WHERE id = ${opened[0] as string}`,
  );
  // The Le Mans file has no circonscriptions: name two, over a dozen schools (the director's among them).
  await t.db.owner.execute(
    sql`UPDATE schools SET circonscription_name = CASE WHEN id = ${directorSchool} OR uai < '0720600' THEN 'Le Mans Nord' ELSE 'Le Mans Sud' END
         WHERE id IN (SELECT id FROM schools ORDER BY uai LIMIT 12) OR id = ${directorSchool}`,
  );
  // A manager attached to nobody sees everything; a user with a role and no school sees nothing of the schools.
  const lonely = await createUser(t.db, orgId, { roles: ['teacher'] });
  agents.lonely = t.agent();
  await as('lonely').login(lonely.email, PASSWORD);
});
after(() => t.close());

describe('GET /api/dashboard: figures equal their lists (demo)', () => {
  it('for a manager, organisation-wide', async () => {
    const d = await board('manager');
    assert.equal(d.current, true);
    assert.equal(d.schoolYear, currentSchoolYear());
    assert.equal(d.schools.count, await total('manager', '/api/schools?status=open&limit=1'));
    assert.ok(d.schools.count > 50, 'the Le Mans schools');

    assert.ok(d.baseline);
    const atSocle = await compliance('manager', '?status=at_socle');
    const notAtSocle = await compliance('manager', '?status=not_at_socle');
    assert.equal(d.baseline.schoolsAtSocle, atSocle.length);
    assert.equal(d.baseline.schoolsInScope, atSocle.length + notAtSocle.length);
    const all = await compliance('manager', '');
    const inScope = all.filter((s) => s.inScope);
    assert.equal(
      d.baseline.classesAtSocle,
      inScope.reduce((n, s) => n + s.classesAtSocle, 0),
    );
    assert.equal(
      d.baseline.classes,
      inScope.reduce((n, s) => n + s.classesTotal, 0),
    );

    assert.ok(d.inventory);
    const inService = await total('manager', '/api/assets?status=deployed,in_cart,on_loan&limit=1');
    assert.ok(inService > 100);
    assert.equal(d.inventory.devicesInService.value, inService);

    assert.ok(d.loans);
    assert.equal(d.loans.open.value, await total('manager', '/api/loans?status=handed_over&limit=1'));
    assert.equal(d.loans.overdue.value, await total('manager', '/api/loans?overdue=true&limit=1'));
    assert.ok(d.loans.overdue.value >= 1, 'the demo has an overdue loan');

    assert.ok(d.helpdesk);
    assert.equal(d.helpdesk.open.value, await total('manager', '/api/helpdesk/tickets?open=true&limit=1'));
    assert.equal(d.helpdesk.open.value, 3);
    assert.equal(
      d.helpdesk.breached.value,
      await total('manager', '/api/helpdesk/tickets?open=true&breached=true&limit=1'),
    );
    assert.equal(d.helpdesk.breached.value, 1);

    // Budget: the programme page's budget, programme by programme.
    assert.ok(d.budget);
    assert.ok(d.budget.programmes.length >= 1);
    for (const p of d.budget.programmes) {
      const r = await as('manager').get(`/api/funding/programmes/${p.id}/budget`);
      const totals = json<{
        totals: {
          plannedCents: number;
          orderedCents: number;
          invoicedCents: number;
          claimedCents: number;
          receivedCents: number;
        };
      }>(r).totals;
      assert.equal(p.plannedCents, totals.plannedCents);
      assert.equal(p.ordered.value, totals.orderedCents);
      assert.equal(p.invoiced.value, totals.invoicedCents);
      assert.equal(p.claimed.value, totals.claimedCents);
      assert.equal(p.received.value, totals.receivedCents);
    }
    assert.equal(d.budget.programmes[0]?.plannedCents, 149_066_600, 'the demo programme: 1,490,666 € HT');

    // The per-school table adds up and matches the lists of a school.
    const sum = (key: 'devicesInService' | 'openLoans' | 'openTickets') =>
      d.perSchool.reduce((n, s) => n + (s[key] ?? 0), 0);
    assert.ok(sum('devicesInService') <= inService);
    assert.equal(sum('openTickets'), 3);
    assert.equal(sum('openLoans'), d.loans.open.value);
    const row = d.perSchool.find((s) => s.id === directorSchool);
    assert.ok(row);
    assert.equal(
      row.devicesInService,
      await total('manager', `/api/assets?status=deployed,in_cart,on_loan&schoolId=${directorSchool}&limit=1`),
    );
    assert.equal(row.openTickets, await total('manager', `/api/helpdesk/tickets?open=true&schoolId=${directorSchool}`));
    assert.equal(row.openLoans, await total('manager', `/api/loans?status=handed_over&schoolId=${directorSchool}`));
    assert.ok(
      d.perSchool.every((s) => s.socle !== null),
      'every school has its socle status',
    );
  });

  it('with the circonscription and priority filters', async () => {
    const d0 = await board('manager');
    assert.deepEqual(d0.options.circonscriptions, ['Le Mans Nord', 'Le Mans Sud']);
    const circonscription = 'Le Mans Nord';
    const query = `?circonscription=${encodeURIComponent(circonscription)}`;
    const d = await board('manager', query);
    assert.deepEqual(d.filters, { circonscription, priority: null, schoolId: null });
    assert.ok(d.schools.count > 0 && d.schools.count < d0.schools.count);
    assert.ok(d.perSchool.every((s) => s.circonscription === circonscription));
    const atSocle = await compliance('manager', `${query}&status=at_socle`);
    const notAtSocle = await compliance('manager', `${query}&status=not_at_socle`);
    assert.equal(d.baseline?.schoolsAtSocle, atSocle.length);
    assert.equal(d.baseline?.schoolsInScope, atSocle.length + notAtSocle.length);
    // The inventory, loans and helpdesk lists filter by school: the figure is the sum of its schools' lists.
    let devices = 0;
    let loans = 0;
    for (const s of d.perSchool) {
      devices += await total('manager', `/api/assets?status=deployed,in_cart,on_loan&schoolId=${s.id}&limit=1`);
      loans += await total('manager', `/api/loans?status=handed_over&schoolId=${s.id}&limit=1`);
    }
    assert.equal(d.inventory?.devicesInService.value, devices);
    assert.equal(d.loans?.open.value, loans);

    const rep = await board('manager', '?priority=REP%2B');
    assert.ok(rep.perSchool.length > 0);
    assert.ok(rep.perSchool.every((s) => s.priorityEducation === 'REP+'));
    assert.equal(
      rep.schools.count,
      await total('manager', '/api/schools?status=open&priorityEducation=REP%2B&limit=1'),
    );
    const repAtSocle = await compliance('manager', '?priority=REP%2B&status=at_socle');
    assert.equal(rep.baseline?.schoolsAtSocle, repAtSocle.length);
  });

  it('keeps the trend reference and the monthly series consistent', async () => {
    const d = await board('manager');
    assert.ok(d.inventory && d.loans && d.helpdesk);
    const points = d.inventory.series;
    assert.ok(points.length >= 1 && points.length <= 12);
    assert.equal(points[0]?.month, `${d.schoolYear}-09`);
    // The last point is now: the figure itself.
    assert.equal(points.at(-1)?.value, d.inventory.devicesInService.value);
    assert.equal(d.loans.series.at(-1)?.value, d.loans.open.value);
    assert.equal(d.helpdesk.series.at(-1)?.value, d.helpdesk.open.value);
    // The demo was recorded today: nothing was in service, lent or open on 1 September.
    assert.equal(d.inventory.devicesInService.reference, 0);
    assert.equal(d.helpdesk.open.reference, 0);
    assert.equal(d.referenceAt, new Date(`${d.schoolYear}-08-31T22:00:00Z`).toISOString());
  });

  it('shows a past school year from the recorded history', async () => {
    const year = currentSchoolYear() - 1;
    const d = await board('manager', `?schoolYear=${year}`);
    assert.equal(d.current, false);
    assert.equal(d.period.start, `${year}-09-01`);
    assert.equal(d.period.end, `${year + 1}-08-31`);
    assert.equal(d.inventory?.series.length, 12);
    // Nothing was recorded before the demo: a past year is empty, not today's figures.
    assert.equal(d.inventory?.devicesInService.value, 0);
    assert.equal(d.helpdesk?.open.value, 0);
  });
});

describe('GET /api/dashboard: scoping', () => {
  it('a director sees their school only, and the same counts as their lists', async () => {
    const d = await board('director');
    assert.deepEqual(
      d.perSchool.map((s) => s.id),
      [directorSchool],
    );
    assert.equal(d.schools.count, 1);
    assert.equal(d.budget, null, 'no funding.read');
    assert.ok(d.inventory && d.loans && d.helpdesk && d.baseline);
    assert.equal(
      d.inventory.devicesInService.value,
      await total('director', '/api/assets?status=deployed,in_cart,on_loan'),
    );
    assert.equal(d.loans.open.value, await total('director', '/api/loans?status=handed_over'));
    assert.equal(d.helpdesk.open.value, await total('director', '/api/helpdesk/tickets?open=true'));
    assert.equal(d.helpdesk.open.value, 2, 'not the other school’s ticket');
    assert.equal(d.helpdesk.breached.value, 1);
    assert.equal(d.baseline.schoolsInScope + (d.perSchool[0]?.socle === 'out_of_scope' ? 1 : 0), 1);
    assert.deepEqual(d.options.circonscriptions, ['Le Mans Nord'], 'the circonscriptions of their schools only');
  });

  it('the school dashboard: equipment by category, bookings this week', async () => {
    const d = await board('director', `?schoolId=${directorSchool}`);
    assert.ok(d.inventory);
    assert.equal(
      d.inventory.byCategory.reduce((n, c) => n + c.count, 0),
      d.inventory.devicesInService.value,
    );
    for (const c of d.inventory.byCategory.slice(0, 3)) {
      assert.equal(
        c.count,
        await total(
          'director',
          `/api/assets?status=deployed,in_cart,on_loan&schoolId=${directorSchool}&categoryId=${c.id}`,
        ),
      );
    }
    assert.ok(d.bookings);
    const r = await as('director').get(
      `/api/bookings?from=${d.bookings.weekStart}&to=${d.bookings.weekEnd}&schoolId=${directorSchool}`,
    );
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(d.bookings.count, json<unknown[]>(r).length);
  });

  it('another school is not found for a director; a manager reaches it', async () => {
    const r = await as('director').get(`/api/dashboard?schoolId=${otherSchool}`);
    assert.equal(r.statusCode, 404);
    assert.equal(json<{ code: string }>(r).code, 'NOT_FOUND');
    const d = await board('manager', `?schoolId=${otherSchool}`);
    assert.equal(d.perSchool.length, 1);
    assert.equal(d.helpdesk?.open.value, 1);
  });

  it('panels of modules the user cannot read are absent, not errors', async () => {
    const p = await board('periscolaire');
    assert.equal(p.baseline, null);
    assert.equal(p.loans, null);
    assert.equal(p.budget, null);
    assert.ok(p.inventory && p.helpdesk);
    assert.ok(p.perSchool.length >= 1 && p.perSchool.length <= 2);
    assert.ok(p.perSchool.every((s) => s.socle === null && s.openLoans === null));
    const f = await board('finance');
    assert.equal(f.loans, null);
    assert.equal(f.helpdesk, null);
    assert.ok(f.budget && f.inventory && f.baseline);
    const lonely = await board('lonely');
    assert.equal(lonely.schools.count, 0);
    assert.equal(lonely.inventory?.devicesInService.value, 0);
    assert.equal(lonely.helpdesk?.open.value, 0);
  });
});

describe('GET /api/dashboard: bad input', () => {
  it('401 without a session, 400 naming the field', async () => {
    const anonymous = await t.agent().get('/api/dashboard');
    assert.equal(anonymous.statusCode, 401);
    for (const [query, field] of [
      [`?schoolYear=${currentSchoolYear() + 1}`, 'querystring.schoolYear'],
      ['?schoolYear=abc', 'querystring.schoolYear'],
      ['?priority=ZEP', 'querystring.priority'],
      ['?schoolId=nope', 'querystring.schoolId'],
      ['?colour=red', 'querystring'],
    ] as const) {
      const r = await as('manager').get(`/api/dashboard${query}`);
      assert.equal(r.statusCode, 400, query);
      const problem = json<{ code: string; errors: { path: string }[] }>(r);
      assert.equal(problem.code, 'VALIDATION_FAILED');
      assert.ok(
        problem.errors.some((e) => e.path === field || e.path.startsWith(`${field}.`)),
        `${query}: ${JSON.stringify(problem.errors)}`,
      );
    }
  });
});

describe('monthInstants', () => {
  it('cuts the school year at month ends, the last point at the given instant', () => {
    const asOf = new Date('2026-11-15T10:00:00Z');
    const points = monthInstants(2026, asOf);
    assert.deepEqual(
      points.map((p) => p.month),
      ['2026-09', '2026-10', '2026-11'],
    );
    assert.equal(points[0]?.at.toISOString(), '2026-09-30T22:00:00.000Z');
    assert.equal(points[1]?.at.toISOString(), '2026-10-31T23:00:00.000Z');
    assert.equal(points[2]?.at.toISOString(), asOf.toISOString());
    const whole = monthInstants(2025, new Date('2026-09-01T00:00:00+02:00'));
    assert.equal(whole.length, 12);
    assert.equal(whole.at(-1)?.month, '2026-08');
  });
});
