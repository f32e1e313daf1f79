import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { rows } from '../../db/connection.ts';
import { demoSiret } from '../funding/demo.ts';
import { activeSubscriptionsBySchool } from './service.ts';

/** The digital services catalogue and the schools' subscriptions through the API, on a real database. */

type Problem = { code: string; detail: string; errors?: { path: string; code?: string; message: string }[] };
type Service = {
  id: string;
  name: string;
  kind: string;
  supplierId: string | null;
  supplierName: string | null;
  pricing: string;
  unitPriceCents: number | null;
  archived: boolean;
  activeSubscriptions: number;
  subscriptionCount: number;
  can: { update: boolean; delete: boolean };
};
type Subscription = {
  id: string;
  schoolId: string;
  schoolName: string;
  schoolUai: string;
  serviceId: string;
  serviceName: string;
  kind: string;
  seats: number | null;
  startsOn: string;
  endsOn: string | null;
  contractReference: string | null;
  status: 'active' | 'future' | 'ended';
  can: { update: boolean; delete: boolean };
};

let t: TestApp;
let orgId: string;
const schoolIds: string[] = [];
const ids: Record<string, string> = {};
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const as = (role: string) => agents[role] as ReturnType<TestApp['agent']>;
const m = () => as('manager');
const paths = (r: { body: string }) => (JSON.parse(r.body) as Problem).errors?.map((e) => e.path).sort() ?? [];
const codes = (r: { body: string }) => (JSON.parse(r.body) as Problem).errors?.map((e) => e.code).sort() ?? [];

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Ville abonnée')).id;
  const other = await createOrganisation(t.db, 'Ville voisine');
  for (let i = 0; i < 3; i++) schoolIds.push((await createSchool(t.db, orgId, 720_800 + i, `École ${i}`)).id);
  ids.foreignSchool = (await createSchool(t.db, other.id, 720_899, 'École voisine')).id;
  for (const [key, org, roles] of [
    ['admin', orgId, ['admin']],
    ['manager', orgId, ['manager']],
    ['technician', orgId, ['technician']],
    ['director', orgId, ['director']],
    ['auditor', orgId, ['auditor']],
    ['otherAdmin', other.id, ['admin']],
  ] as const) {
    const user = await createUser(t.db, org, {
      roles: [...roles],
      schoolIds: key === 'director' ? [schoolIds[0] as string] : [],
    });
    agents[key] = t.agent();
    await as(key).login(user.email, PASSWORD);
  }
  const supplier = await m().post('/api/funding/suppliers', { name: 'Éditeur ENT', siret: demoSiret(8101) });
  assert.equal(supplier.statusCode, 201, supplier.body);
  ids.supplier = json(supplier).id as string;
  const contract = await m().post('/api/procurement/contracts', {
    reference: 'SRV-2021-01',
    title: 'Ressources numériques',
    procedure: 'procedure_adaptee',
  });
  assert.equal(contract.statusCode, 201, contract.body);
  ids.contract = json(contract).id as string;
  const foreignContract = await as('otherAdmin').post('/api/procurement/contracts', {
    reference: 'AILLEURS-1',
    title: 'Marché d’une autre ville',
    procedure: 'procedure_adaptee',
  });
  ids.foreignContract = json(foreignContract).id as string;
});
after(() => t.close());

describe('services catalogue', () => {
  it('needs a session, and services.manage to write', async () => {
    assert.equal((await t.agent().get('/api/services')).statusCode, 401);
    const r = await as('director').post('/api/services', { name: 'X', kind: 'ent' });
    assert.equal(r.statusCode, 403);
    assert.equal(json<Problem>(r).code, 'FORBIDDEN');
    assert.equal((await as('technician').post('/api/services', { name: 'X', kind: 'ent' })).statusCode, 403);
    assert.equal((await as('auditor').get('/api/services')).statusCode, 200);
  });

  it('creates a service, with its supplier, and records it in the audit trail', async () => {
    const r = await m().post('/api/services', {
      name: 'e-primo',
      kind: 'ent',
      supplierId: ids.supplier,
      description: 'ENT du premier degré',
      pricing: 'per_school',
      unitPriceCents: 0,
    });
    assert.equal(r.statusCode, 201, r.body);
    const s = json<Service>(r);
    assert.equal(s.name, 'e-primo');
    assert.equal(s.supplierName, 'Éditeur ENT');
    assert.equal(s.activeSubscriptions, 0);
    assert.deepEqual(s.can, { update: true, delete: true });
    ids.ent = s.id;
    const events = await rows<{ action: string; entity_type: string }>(
      t.db.owner,
      sql`SELECT action, entity_type FROM audit_events WHERE entity_id = ${s.id}`,
    );
    assert.deepEqual(events, [{ action: 'services.service_created', entity_type: 'digital_service' }]);
    for (const [key, body] of [
      ['resources', { name: 'Ressources', kind: 'resources', pricing: 'per_pupil', unitPriceCents: 350 }],
      ['mdm', { name: 'MDM', kind: 'mdm', pricing: 'per_seat', unitPriceCents: 1200 }],
    ] as const) {
      const c = await m().post('/api/services', body);
      assert.equal(c.statusCode, 201, c.body);
      ids[key] = json(c).id as string;
    }
    const list = json<Service[]>(await as('director').get('/api/services'));
    assert.deepEqual(
      list.map((x) => x.name),
      ['e-primo', 'MDM', 'Ressources'],
    );
    assert.deepEqual(list[0]?.can, { update: false, delete: false });
  });

  it('refuses a name already used, whatever the case, naming the field', async () => {
    const r = await m().post('/api/services', { name: 'E-PRIMO', kind: 'ent' });
    assert.equal(r.statusCode, 409);
    assert.equal(json<Problem>(r).code, 'CONFLICT');
    assert.deepEqual(paths(r), ['body.name']);
    assert.deepEqual(codes(r), ['name_taken']);
    const p = await m().patch(`/api/services/${ids.mdm}`, { name: 'ressources' });
    assert.equal(p.statusCode, 409);
    assert.deepEqual(paths(p), ['body.name']);
    // Renaming a service to its own name in another case is fine.
    const same = await m().patch(`/api/services/${ids.mdm}`, { name: 'Mdm' });
    assert.equal(same.statusCode, 200, same.body);
    assert.equal(json<Service>(same).name, 'Mdm');
    // Another organisation may use the name.
    assert.equal((await as('otherAdmin').post('/api/services', { name: 'e-primo', kind: 'ent' })).statusCode, 201);
  });

  it('validates the body: strict, enumerations, prices, unknown supplier', async () => {
    const r = await m().post('/api/services', { name: '', kind: 'tv', unitPriceCents: -1, colour: 'red' });
    assert.equal(r.statusCode, 400);
    assert.equal(json<Problem>(r).code, 'VALIDATION_FAILED');
    const p = paths(r);
    for (const path of ['body.name', 'body.kind', 'body.unitPriceCents'])
      assert.ok(p.includes(path), `${path} in ${p}`);
    const s = await m().post('/api/services', { name: 'Y', kind: 'other', supplierId: randomUUID() });
    assert.equal(s.statusCode, 400);
    assert.deepEqual(paths(s), ['body.supplierId']);
    assert.deepEqual(codes(s), ['unknown_supplier']);
    assert.equal((await m().get(`/api/services/${randomUUID()}`)).statusCode, 404);
    assert.equal((await as('otherAdmin').get(`/api/services/${ids.ent}`)).statusCode, 404);
    assert.equal((await m().get('/api/services/nope')).statusCode, 400);
  });
});

describe('subscriptions', () => {
  it('subscribes schools, with the names and the status of each row', async () => {
    const plan = [
      ['ent0', schoolIds[0], ids.ent, '2021-09-01', null],
      ['ent1', schoolIds[1], ids.ent, '2020-09-01', '2022-08-31'],
      ['res0', schoolIds[0], ids.resources, '2021-09-01', '2022-08-31'],
      ['mdm2', schoolIds[2], ids.mdm, '2099-09-01', null],
    ] as const;
    for (const [key, schoolId, serviceId, startsOn, endsOn] of plan) {
      const r = await m().post('/api/subscriptions', {
        schoolId,
        serviceId,
        startsOn,
        endsOn,
        seats: key === 'mdm2' ? 16 : undefined,
        contractId: key === 'res0' ? ids.contract : undefined,
      });
      assert.equal(r.statusCode, 201, r.body);
      ids[key] = json(r).id as string;
    }
    const one = json<Subscription>(await m().get(`/api/subscriptions/${ids.res0}`));
    assert.equal(one.serviceName, 'Ressources');
    assert.equal(one.kind, 'resources');
    assert.equal(one.schoolName, 'École 0');
    assert.match(one.schoolUai, /^0720800/);
    assert.equal(one.contractReference, 'SRV-2021-01');
    assert.equal(one.status, 'ended');
    const byId = new Map(json<Subscription[]>(await m().get('/api/subscriptions')).map((s) => [s.id, s]));
    assert.equal(byId.size, 4);
    assert.equal(byId.get(ids.ent0 as string)?.status, 'active');
    assert.equal(byId.get(ids.ent1 as string)?.status, 'ended');
    assert.equal(byId.get(ids.mdm2 as string)?.status, 'future');
    assert.equal(byId.get(ids.mdm2 as string)?.seats, 16);
    const events = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'services.subscription_created'`,
    );
    assert.equal(events[0]?.n, 4);
    const ent = json<Service>(await m().get(`/api/services/${ids.ent}`));
    assert.equal(ent.activeSubscriptions, 1);
    assert.equal(ent.subscriptionCount, 2);
    assert.equal(ent.can.delete, false);
  });

  it('validates: end before start, seats, unknown school, service or contract, each naming the field', async () => {
    const base = { schoolId: schoolIds[1], serviceId: ids.resources, startsOn: '2022-09-01' };
    const end = await m().post('/api/subscriptions', { ...base, endsOn: '2022-08-31' });
    assert.equal(end.statusCode, 400);
    assert.deepEqual(paths(end), ['body.endsOn']);
    assert.deepEqual(codes(end), ['end_before_start']);
    const seats = await m().post('/api/subscriptions', { ...base, seats: 0 });
    assert.equal(seats.statusCode, 400);
    assert.deepEqual(paths(seats), ['body.seats']);
    const date = await m().post('/api/subscriptions', { ...base, startsOn: '2022-02-30' });
    assert.equal(date.statusCode, 400);
    assert.deepEqual(paths(date), ['body.startsOn']);
    const unknown = await m().post('/api/subscriptions', {
      schoolId: ids.foreignSchool,
      serviceId: randomUUID(),
      contractId: ids.foreignContract,
      startsOn: '2022-09-01',
    });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(paths(unknown), ['body.contractId', 'body.schoolId', 'body.serviceId']);
    assert.deepEqual(codes(unknown), ['unknown_contract', 'unknown_school', 'unknown_service']);
    const strict = await m().post('/api/subscriptions', { ...base, status: 'active' });
    assert.equal(strict.statusCode, 400);
    const patch = await m().patch(`/api/subscriptions/${ids.ent0}`, { endsOn: '2021-08-31' });
    assert.equal(patch.statusCode, 400);
    assert.deepEqual(paths(patch), ['body.endsOn']);
    const move = await m().patch(`/api/subscriptions/${ids.ent0}`, { schoolId: schoolIds[1] });
    assert.equal(move.statusCode, 400, 'a subscription stays with its school');
  });

  it('a director sees their school’s subscriptions only; another school’s is not found', async () => {
    const d = as('director');
    const list = json<Subscription[]>(await d.get('/api/subscriptions'));
    assert.deepEqual([...new Set(list.map((s) => s.schoolId))], [schoolIds[0]]);
    assert.equal(list.length, 2);
    assert.ok(list.every((s) => !s.can.update && !s.can.delete));
    assert.equal((await d.get(`/api/subscriptions/${ids.ent1}`)).statusCode, 404);
    assert.equal((await d.get(`/api/subscriptions/${ids.ent0}`)).statusCode, 200);
    const filtered = json<Subscription[]>(await d.get(`/api/subscriptions?schoolId=${schoolIds[1]}`));
    assert.deepEqual(filtered, []);
    const ent = json<Service[]>(await d.get('/api/services')).find((s) => s.id === ids.ent);
    assert.equal(ent?.subscriptionCount, 1, 'counts cover the director’s schools only');
    assert.equal((await d.patch(`/api/subscriptions/${ids.ent0}`, { notes: 'x' })).statusCode, 403);
    assert.equal((await as('otherAdmin').get(`/api/subscriptions/${ids.ent0}`)).statusCode, 404);
  });

  it('filters by school, service, kind, status and activeOn, first and last day included', async () => {
    const q = async (query: string) =>
      json<Subscription[]>(await m().get(`/api/subscriptions?${query}`))
        .map((s) => s.id)
        .sort();
    const sorted = (...keys: string[]) => keys.map((k) => ids[k] as string).sort();
    assert.deepEqual(await q(`schoolId=${schoolIds[0]}`), sorted('ent0', 'res0'));
    assert.deepEqual(await q(`serviceId=${ids.ent}`), sorted('ent0', 'ent1'));
    assert.deepEqual(await q('kind=mdm'), sorted('mdm2'));
    assert.deepEqual(await q('status=future'), sorted('mdm2'));
    assert.deepEqual(await q('status=ended'), sorted('ent1', 'res0'));
    assert.deepEqual(await q('status=active'), sorted('ent0'));
    assert.deepEqual(await q('activeOn=2021-08-31'), sorted('ent1'));
    assert.deepEqual(await q('activeOn=2021-09-01'), sorted('ent0', 'ent1', 'res0'));
    assert.deepEqual(await q('activeOn=2022-08-31'), sorted('ent0', 'ent1', 'res0'));
    assert.deepEqual(await q('activeOn=2022-09-01'), sorted('ent0'));
    const rowsOn = json<Subscription[]>(await m().get('/api/subscriptions?activeOn=2021-09-01'));
    assert.ok(rowsOn.every((s) => s.status === 'active'));
    assert.deepEqual(await q('status=future&activeOn=2020-01-01'), []);
    const bad = await m().get('/api/subscriptions?activeOn=2021-13-01');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(paths(bad), ['querystring.activeOn']);
  });

  it('activeSubscriptionsBySchool: active on the first and the last day, not after, archived services left out', async () => {
    const on = (day: string) =>
      t.db.withOrg({ organisationId: orgId, userId: null, actorKind: 'system', requestId: null }, (scope) =>
        activeSubscriptionsBySchool(scope, day),
      );
    const before = await on('2020-08-31');
    assert.equal(before.size, 0);
    const first = await on('2020-09-01');
    assert.deepEqual(
      first.get(schoolIds[1] as string)?.map((s) => s.id),
      [ids.ent1],
    );
    const last = await on('2022-08-31');
    assert.deepEqual(
      last
        .get(schoolIds[0] as string)
        ?.map((s) => s.serviceName)
        .sort(),
      ['Ressources', 'e-primo'],
    );
    assert.deepEqual(last.get(schoolIds[1] as string)?.[0], {
      id: ids.ent1,
      serviceId: ids.ent,
      serviceName: 'e-primo',
      kind: 'ent',
      startsOn: '2020-09-01',
      endsOn: '2022-08-31',
    });
    const after = await on('2022-09-01');
    assert.equal(after.has(schoolIds[1] as string), false);
    assert.deepEqual(
      after.get(schoolIds[0] as string)?.map((s) => s.id),
      [ids.ent0],
    );
    assert.equal((await on('2099-09-01')).get(schoolIds[2] as string)?.[0]?.kind, 'mdm');
  });

  it('ends a subscription, edits it, and records each change', async () => {
    const r = await m().patch(`/api/subscriptions/${ids.ent0}`, { endsOn: '2030-08-31', notes: 'Fin du marché' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(json<Subscription>(r).endsOn, '2030-08-31');
    const [event] = await rows<{ before: { endsOn: string | null }; after: { endsOn: string | null } }>(
      t.db.owner,
      sql`SELECT before, after FROM audit_events WHERE action = 'services.subscription_updated' AND entity_id = ${ids.ent0}`,
    );
    assert.equal(event?.before.endsOn, null);
    assert.equal(event?.after.endsOn, '2030-08-31');
  });
});

describe('deleting and archiving', () => {
  it('refuses to delete a service with subscriptions (SERVICE_IN_USE): it is archived instead', async () => {
    const r = await m().delete(`/api/services/${ids.resources}`);
    assert.equal(r.statusCode, 409);
    assert.equal(json<Problem>(r).code, 'SERVICE_IN_USE');
    const a = await m().patch(`/api/services/${ids.resources}`, { archived: true });
    assert.equal(a.statusCode, 200, a.body);
    assert.equal(json<Service>(a).archived, true);
    const list = json<Service[]>(await m().get('/api/services'));
    assert.ok(!list.some((s) => s.id === ids.resources));
    const all = json<Service[]>(await m().get('/api/services?includeArchived=true'));
    assert.ok(all.some((s) => s.id === ids.resources));
    // No new subscription to an archived service; the old ones stay.
    const sub = await m().post('/api/subscriptions', {
      schoolId: schoolIds[2],
      serviceId: ids.resources,
      startsOn: '2022-09-01',
    });
    assert.equal(sub.statusCode, 400);
    assert.deepEqual(codes(sub), ['service_archived']);
    assert.equal((await m().get(`/api/subscriptions/${ids.res0}`)).statusCode, 200);
    const onDay = await t.db.withOrg(
      { organisationId: orgId, userId: null, actorKind: 'system', requestId: null },
      (scope) => activeSubscriptionsBySchool(scope, '2022-01-01'),
    );
    assert.deepEqual(
      onDay.get(schoolIds[0] as string)?.map((s) => s.serviceName),
      ['e-primo'],
      'archived services do not count',
    );
  });

  it('deletes a subscription, then a service no longer used, with audit entries', async () => {
    assert.equal((await as('director').delete(`/api/subscriptions/${ids.mdm2}`)).statusCode, 403);
    assert.equal((await m().delete(`/api/subscriptions/${ids.mdm2}`)).statusCode, 204);
    assert.equal((await m().get(`/api/subscriptions/${ids.mdm2}`)).statusCode, 404);
    assert.equal((await m().delete(`/api/services/${ids.mdm}`)).statusCode, 204);
    assert.equal((await m().get(`/api/services/${ids.mdm}`)).statusCode, 404);
    const events = await rows<{ action: string }>(
      t.db.owner,
      sql`SELECT action FROM audit_events WHERE entity_id IN (${ids.mdm2}, ${ids.mdm}) AND action LIKE '%deleted' ORDER BY seq`,
    );
    assert.deepEqual(
      events.map((e) => e.action),
      ['services.subscription_deleted', 'services.service_deleted'],
    );
  });
});
