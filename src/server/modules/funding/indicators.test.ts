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
import { assets, classes, purchaseOrderLines, purchaseOrders, rooms, schoolYears, suppliers } from '../../db/schema.ts';
import { demoSiret } from './demo.ts';
import { reachedBp } from './indicators.ts';

/**
 * Indicators through the API on a real database: values computed from
 * schools, classes, rooms, school years and assets (only the programme's
 * schools, its period or its orders, devices in service), manual values,
 * the default set, tenancy and permissions.
 */

type Indicator = {
  id: string;
  code: string;
  source: string;
  target: number;
  value: number | null;
  computed: boolean;
  reachedBp: number | null;
  conventionId: string | null;
};

let t: TestApp;
const ids: Record<string, string> = {};
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const m = () => agents.manager as NonNullable<(typeof agents)['manager']>;
const url = () => `/api/funding/programmes/${ids.programme}/indicators`;

before(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.db, 'Ville A');
  const other = await createOrganisation(t.db, 'Ville B');
  const [s1, s2, s3] = [
    await createSchool(t.db, org.id, 720_401),
    await createSchool(t.db, org.id, 720_402),
    await createSchool(t.db, org.id, 720_403),
  ];
  assert.ok(s1 && s2 && s3);
  for (const [key, orgKey, roles] of [
    ['manager', org.id, ['manager']],
    ['auditor', org.id, ['auditor']],
    ['teacher', org.id, ['teacher']],
    ['otherAdmin', other.id, ['admin']],
  ] as const) {
    const user = await createUser(t.db, orgKey, { roles: [...roles], schoolIds: key === 'teacher' ? [s1.id] : [] });
    agents[key] = t.agent();
    await agents[key]?.login(user.email, PASSWORD);
  }
  const programme = await m().post('/api/funding/programmes', {
    name: 'Plan',
    periodStart: '2020-02-01',
    periodEnd: '2023-04-30',
    schoolIds: [s1.id, s2.id],
  });
  ids.programme = json(programme).id as string;
  const funder = await m().post('/api/funding/funders', { name: 'FEDER', kind: 'eu_feder' });
  const convention = await m().post(`/api/funding/programmes/${ids.programme}/conventions`, {
    funderId: json(funder).id,
    reference: 'FEDER-1',
    rateRule: { kind: 'flat', rateBp: 7869 },
    rank: 1,
  });
  ids.convention = json(convention).id as string;

  const models = await createCatalogue(t.db, org.id);
  const o = t.db.owner;
  const base = { organisationId: org.id };
  await o.insert(schoolYears).values([
    { ...base, schoolId: s1.id, year: 2021, pupils: 180, classesCount: 7 },
    { ...base, schoolId: s1.id, year: 2022, pupils: 200, classesCount: 8 },
    { ...base, schoolId: s2.id, year: 2021, pupils: 100, classesCount: 4 },
    { ...base, schoolId: s2.id, year: 2022, pupils: 120, classesCount: 5 },
    { ...base, schoolId: s3.id, year: 2022, pupils: 999, classesCount: 30 },
  ]);
  const [r1, r2, r3] = await o
    .insert(rooms)
    .values([
      { ...base, schoolId: s1.id, name: 'Salle 1' },
      { ...base, schoolId: s1.id, name: 'Salle 2' },
      { ...base, schoolId: s3.id, name: 'Salle 1' },
    ])
    .returning();
  const [c1, , c3] = await o
    .insert(classes)
    .values([
      { ...base, schoolId: s1.id, year: 2022, name: 'CP', roomId: r1?.id, pupils: 25 },
      { ...base, schoolId: s1.id, year: 2022, name: 'CE1', roomId: r2?.id, pupils: 22 },
      { ...base, schoolId: s1.id, year: 2022, name: 'CE2', pupils: 20 },
      // An earlier year in the same room: only each school's latest year counts.
      { ...base, schoolId: s1.id, year: 2021, name: 'CP', roomId: r1?.id, pupils: 24 },
      { ...base, schoolId: s3.id, year: 2022, name: 'CM1', roomId: r3?.id, pupils: 28 },
    ])
    .returning();
  const [supplier] = await o
    .insert(suppliers)
    .values({ ...base, name: 'S', siret: demoSiret(7) })
    .returning();
  const [order] = await o
    .insert(purchaseOrders)
    .values({
      ...base,
      number: 'BC-1',
      supplierId: supplier?.id as string,
      programmeId: ids.programme,
      orderedOn: '2019-11-01',
    })
    .returning();
  const [orderLine] = await o
    .insert(purchaseOrderLines)
    .values({
      ...base,
      orderId: order?.id as string,
      description: 'ENI',
      quantity: 1,
      unitPriceCents: 100,
      htCents: 100,
    })
    .returning();
  let n = 0;
  const asset = (over: Partial<typeof assets.$inferInsert>) => ({
    ...base,
    tag: `T-${++n}`,
    modelId: models.eni,
    status: 'deployed',
    purchaseDate: '2021-06-01',
    ...over,
  });
  await o.insert(assets).values([
    // Counted: an interactive display in the CP's room, one assigned to the CE2 (no room), a tablet.
    asset({ schoolId: s1.id, roomId: r1?.id }),
    asset({ schoolId: s1.id, classId: c3?.id }),
    asset({ schoolId: s1.id, modelId: models.tablet }),
    // Counted as a device at school 2 (bought in 2019, but on an order of the programme): school 2 equipped.
    asset({ schoolId: s2.id, purchaseDate: '2019-12-01', orderLineId: orderLine?.id }),
    // Not counted: in stock, bought before the period, another school, not equipment of a class.
    asset({ schoolId: s1.id, roomId: r2?.id, status: 'in_stock' }),
    asset({ schoolId: s2.id, purchaseDate: '2019-12-01' }),
    asset({ schoolId: s3.id, roomId: r3?.id }),
  ]);
  assert.ok(c1);
});
after(() => t.close());

describe('funding indicators', () => {
  it('seeds the usual set once (classes target 344, CO35 tied to the EU convention), values computed', async () => {
    const r = await m().post(`${url()}/defaults`, { classesTarget: 344 });
    assert.equal(r.statusCode, 200, r.body);
    const list = json<Indicator[]>(r);
    const by = Object.fromEntries(list.map((i) => [i.code, i]));
    assert.deepEqual(
      list.map((i) => i.code),
      ['SCHOOLS', 'CLASSES', 'PUPILS', 'TEACHERS', 'CO35'],
    );
    assert.equal(by.CLASSES?.target, 344);
    assert.equal(by.SCHOOLS?.target, 2, 'the programme’s schools');
    assert.equal(by.CO35?.target, 320, 'pupils of the programme’s schools, latest year');
    assert.equal(by.CO35?.conventionId, ids.convention);
    assert.equal(by.SCHOOLS?.value, 2);
    assert.equal(by.CLASSES?.value, 2, 'the CP (display in its room) and the CE2 (display assigned)');
    assert.equal(by.PUPILS?.value, 45);
    assert.equal(by.CO35?.value, 320, '200 + 120: the equipped schools’ latest pupils');
    assert.equal(by.TEACHERS?.value, 0, 'computed from training attendance: none recorded');
    assert.equal(by.TEACHERS?.computed, true);
    assert.equal(by.CLASSES?.reachedBp, Math.floor((2 * 10_000) / 344));
    const again = json<Indicator[]>(await m().post(`${url()}/defaults`, {}));
    assert.equal(again.length, 5, 'idempotent');
    const devices = await m().post(url(), {
      code: 'DEVICES',
      label: 'Équipements déployés',
      source: 'devices_deployed',
      target: 10,
    });
    assert.equal(devices.statusCode, 201, devices.body);
    assert.equal(json<Indicator>(devices).value, 4);
    assert.equal(json<Indicator>(devices).reachedBp, 4000);
  });

  it('manual values, edits, conflicts, deletion', async () => {
    const list = json<Indicator[]>(await m().get(url()));
    const teachers = list.find((i) => i.code === 'TEACHERS') as Indicator;
    const patched = await m().patch(`/api/funding/indicators/${teachers.id}`, { manualValue: 86 });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(json<Indicator>(patched).value, 86, 'a figure entered by hand wins (older programmes)');
    assert.equal(json<Indicator>(patched).computed, false);
    assert.equal(json<Indicator>(patched).reachedBp, 2500);
    const dup = await m().post(url(), { code: 'CO35', label: 'x', source: 'manual', target: 1 });
    assert.equal(dup.statusCode, 409);
    const badCode = await m().post(url(), { code: 'a b', label: 'x', source: 'manual', target: 1 });
    assert.equal(badCode.statusCode, 400);
    const foreignConvention = await m().post(url(), {
      code: 'X',
      label: 'x',
      source: 'manual',
      target: 1,
      conventionId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(foreignConvention.statusCode, 404);
    const manual = await m().post(url(), { code: 'ULYSSE', label: 'Classes Ulysse', source: 'manual', target: 10 });
    assert.equal(json<Indicator>(manual).value, null);
    assert.equal(json<Indicator>(manual).reachedBp, null);
    assert.equal((await m().delete(`/api/funding/indicators/${json(manual).id}`)).statusCode, 204);
    assert.equal((await m().delete(`/api/funding/indicators/${json(manual).id}`)).statusCode, 404);
  });

  it('tenancy and permissions', async () => {
    const other = agents.otherAdmin as NonNullable<(typeof agents)['otherAdmin']>;
    assert.equal((await other.get(url())).statusCode, 404);
    const list = json<Indicator[]>(await m().get(url()));
    const first = list[0] as Indicator;
    assert.equal((await other.patch(`/api/funding/indicators/${first.id}`, { target: 1 })).statusCode, 404);
    assert.equal((await agents.teacher?.get(url()))?.statusCode, 403);
    assert.equal((await agents.auditor?.get(url()))?.statusCode, 200);
    assert.equal((await agents.auditor?.patch(`/api/funding/indicators/${first.id}`, { target: 1 }))?.statusCode, 403);
    assert.equal((await agents.auditor?.post(`${url()}/defaults`, {}))?.statusCode, 403);
  });

  it('share of the target: rounded down, null without value or target', () => {
    assert.equal(reachedBp(2, 3), 6666);
    assert.equal(reachedBp(null, 3), null);
    assert.equal(reachedBp(5, 0), null);
    assert.equal(reachedBp(400, 344), 11_627, 'beyond the target');
  });
});
