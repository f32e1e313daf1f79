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
import { purgePersonalData } from './service.ts';

let t: TestApp;
let orgId: string;
let schoolA: string;
let schoolB: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const as = (role: string) => agents[role] as ReturnType<TestApp['agent']>;

// Fictional, and unusual enough to be searched for in every table afterwards.
const PUPIL = { firstName: 'Zéphyrine', lastName: 'Quintavalle' };
const PARENT = {
  firstName: 'Barnabé',
  lastName: 'Quintavalle',
  addressLine: '12 rue des Écureuils Imaginaires',
  postcode: '72000',
  city: 'Le Mans',
  phone: '06 00 00 00 00',
  email: 'barnabe.quintavalle@example.org',
};

type Loan = {
  id: string;
  status: string;
  items: { tag: string; assetId: string }[];
  household: { pseudonym: string; pupil: unknown; contacts: unknown };
};

async function tablet(schoolId: string) {
  const r = await as('technician').post('/api/assets', { modelId: models.tablet, status: 'deployed', schoolId });
  return json<{ id: string; tag: string }>(r);
}

async function newRequest(extra: Record<string, unknown> = {}, agent = as('director')) {
  const r = await agent.post('/api/loans/requests', {
    schoolId: schoolA,
    pupil: PUPIL,
    household: { contacts: [PARENT] },
    need: { connectivity: false },
    eligibility: { eligible: true, reasonCode: 'no_device_at_home', decidedOn: '2026-11-02' },
    ...extra,
  });
  assert.equal(r.statusCode, 201, r.body);
  return json<{ id: string; status: string; household: { pseudonym: string } }>(r);
}

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Ville prêteuse')).id;
  models = await createCatalogue(t.db, orgId);
  schoolA = (await createSchool(t.db, orgId, 7200901, 'École du Prêt')).id;
  schoolB = (await createSchool(t.db, orgId, 7200902, 'École Voisine')).id;
  for (const role of ['admin', 'manager', 'technician', 'director', 'teacher', 'auditor'] as const) {
    const user = await createUser(t.db, orgId, {
      roles: [role],
      schoolIds: role === 'director' || role === 'teacher' ? [schoolA] : [],
    });
    agents[role] = t.agent();
    await agents[role].login(user.email, PASSWORD);
  }
  const otherDirector = await createUser(t.db, orgId, { roles: ['director'], schoolIds: [schoolB] });
  agents.directorB = t.agent();
  await agents.directorB.login(otherDirector.email, PASSWORD);
});
after(() => t.close());

describe('family loan, end to end', () => {
  it('request → approve → allocate → convention → family accepts → hand over → return with wipe', async () => {
    const request = await newRequest();
    assert.equal(request.status, 'pending');
    assert.match(request.household.pseudonym, /^F-[A-Z2-9]{5}$/);
    assert.equal(
      (await as('director').post(`/api/loans/requests/${request.id}/approve`)).statusCode,
      403,
      'managers approve',
    );
    assert.equal(
      json<{ status: string }>(await as('manager').post(`/api/loans/requests/${request.id}/approve`)).status,
      'approved',
    );

    const device = await tablet(schoolA);
    const allocated = await as('technician').post(`/api/loans/requests/${request.id}/allocate`, { tags: [device.tag] });
    assert.equal(allocated.statusCode, 201, allocated.body);
    const loan = json<Loan>(allocated);
    assert.equal(loan.status, 'allocated');
    assert.equal(loan.household.pupil, null, 'a technician does not see the family before the convention is accepted');

    const pdf = await as('director').get(`/api/loans/${loan.id}/convention.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

    const blocked = await as('technician').post(`/api/loans/${loan.id}/handover`, { tags: [device.tag] });
    assert.equal(blocked.statusCode, 409);
    assert.equal(json<{ code: string }>(blocked).code, 'LOAN_NOT_ACCEPTED');

    const link = json<{ url: string; expiresAt: string }>(
      await as('technician').post(`/api/loans/${loan.id}/link`, {}),
    );
    const token = link.url.split('/famille/')[1] as string;
    const family = t.agent();
    const page = json<{ dueDate: string; devices: { tag: string }[]; accepted: boolean }>(
      await family.get(`/api/public/family/${token}`),
    );
    assert.deepEqual(
      page.devices.map((d) => d.tag),
      [device.tag],
    );
    assert.equal(page.accepted, false);
    assert.equal((await family.get(`/api/public/family/${token}/convention.pdf`)).statusCode, 200);
    const refused = await family.post(`/api/public/family/${token}/accept`, { name: 'Barnabé Quintavalle' });
    assert.equal(refused.statusCode, 400, 'confirmation required');
    const accepted = await family.post(`/api/public/family/${token}/accept`, {
      name: 'Barnabé Quintavalle',
      confirm: true,
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(
      (await family.post(`/api/public/family/${token}/accept`, { name: 'x y', confirm: true })).statusCode,
      409,
      'once',
    );

    const out = await as('technician').post(`/api/loans/${loan.id}/handover`, { tags: [device.tag], condition: 'ok' });
    assert.equal(out.statusCode, 200, out.body);
    assert.equal(json<Loan>(out).status, 'handed_over');
    assert.equal(json<{ status: string }>(await as('technician').get(`/api/assets/${device.id}`)).status, 'on_loan');

    const stock = json<{ id: string }>(
      await as('manager').post('/api/inventory/stock-locations', {
        name: 'Réserve école',
        kind: 'school_store',
        schoolId: schoolA,
      }),
    );
    const noWipe = await as('technician').post(`/api/loans/${loan.id}/return`, {
      tags: [device.tag],
      destination: { stockLocationId: stock.id },
    });
    assert.equal(noWipe.statusCode, 400, 'the wipe is required');
    const back = await as('technician').post(`/api/loans/${loan.id}/return`, {
      tags: [device.tag],
      condition: 'ok',
      wiped: true,
      destination: { stockLocationId: stock.id },
    });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(json<Loan>(back).status, 'closed');
    const asset = json<{ status: string; events: { kind: string; note: string | null }[] }>(
      await as('technician').get(`/api/assets/${device.id}`),
    );
    assert.equal(asset.status, 'in_stock');
    assert.ok(asset.events.some((e) => e.note?.includes('wiped')));
    assert.equal(
      (await family.post(`/api/public/family/${token}/accept`, { name: 'x y', confirm: true })).statusCode,
      409,
    );
  });

  it('refuses unknown fields, naming them — no sensitive field can slip in', async () => {
    for (const [body, path] of [
      [{ nationality: 'x' }, 'body'],
      [{ pupil: { ...PUPIL, disability: 'x' } }, 'body.pupil'],
      [{ household: { contacts: [{ ...PARENT, maritalStatus: 'divorced' }] } }, 'body.household.contacts.0'],
      [{ household: { contacts: [PARENT], taxNotice: 'x' } }, 'body.household'],
      [
        { eligibility: { eligible: true, reasonCode: 'no_device_at_home', decidedOn: '2026-11-02', income: 1000 } },
        'body.eligibility',
      ],
    ] as const) {
      const r = await as('director').post('/api/loans/requests', {
        schoolId: schoolA,
        pupil: PUPIL,
        household: { contacts: [PARENT] },
        need: { connectivity: false },
        eligibility: { eligible: true, reasonCode: 'no_device_at_home', decidedOn: '2026-11-02' },
        ...body,
      });
      assert.equal(r.statusCode, 400, JSON.stringify(body));
      const errors = json<{ errors: { path: string; message: string }[] }>(r).errors;
      assert.ok(
        errors.some(
          (e) =>
            e.path === path &&
            /nationality|disability|maritalStatus|taxNotice|income|unrecognized|Unrecognized/i.test(e.message),
        ),
        JSON.stringify(errors),
      );
    }
    const mismatch = await as('director').post('/api/loans/requests', {
      schoolId: schoolA,
      pupil: PUPIL,
      household: { contacts: [PARENT] },
      need: { connectivity: false },
      eligibility: { eligible: true, reasonCode: 'equipped', decidedOn: '2026-11-02' },
    });
    assert.equal(json<{ errors: { code: string }[] }>(mismatch).errors[0]?.code, 'reason_mismatch');
    const noContact = await as('director').post('/api/loans/requests', {
      schoolId: schoolA,
      pupil: PUPIL,
      household: { contacts: [{ ...PARENT, phone: null, email: null }] },
      need: { connectivity: false },
      eligibility: { eligible: true, reasonCode: 'no_device_at_home', decidedOn: '2026-11-02' },
    });
    assert.equal(noContact.statusCode, 400);
    assert.equal(
      (
        await as('directorB').post('/api/loans/requests', {
          schoolId: schoolA,
          pupil: PUPIL,
          household: { contacts: [PARENT] },
          need: {},
          eligibility: { eligible: true, reasonCode: 'no_device_at_home', decidedOn: '2026-11-02' },
        })
      ).statusCode,
      400,
      'another school',
    );
  });

  it('a tampered, revoked or expired link changes nothing', async () => {
    const request = await newRequest();
    await as('manager').post(`/api/loans/requests/${request.id}/approve`);
    const device = await tablet(schoolA);
    const loan = json<Loan>(
      await as('technician').post(`/api/loans/requests/${request.id}/allocate`, { tags: [device.tag] }),
    );
    const link = json<{ url: string }>(await as('technician').post(`/api/loans/${loan.id}/link`, {}));
    const token = link.url.split('/famille/')[1] as string;
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const family = t.agent();
    assert.equal((await family.get(`/api/public/family/${tampered}`)).statusCode, 404);
    assert.equal(
      (await family.post(`/api/public/family/${tampered}/accept`, { name: 'x y', confirm: true })).statusCode,
      404,
    );
    assert.equal((await family.get('/api/public/family/not-a-token-at-all')).statusCode, 404);
    const { familyToken } = await import('./rules.ts');
    const { loadSecrets } = await import('../../secrets.ts');
    const secrets = await loadSecrets(t.db, t.config);
    const [nonce] = await rows<{ link_nonce: string }>(
      t.db.owner,
      sql`SELECT link_nonce FROM loans WHERE id = ${loan.id}`,
    );
    const expired = familyToken(secrets, loan.id, nonce?.link_nonce as string, new Date(Date.now() - 86_400_000));
    assert.equal(
      (await family.post(`/api/public/family/${expired}/accept`, { name: 'x y', confirm: true })).statusCode,
      410,
    );
    await as('technician').post(`/api/loans/${loan.id}/link`, { revokePrevious: true });
    assert.equal((await family.get(`/api/public/family/${token}`)).statusCode, 404, 'revoked');
    const still = json<{ status: string; acceptedAt: string | null }>(await as('manager').get(`/api/loans/${loan.id}`));
    assert.deepEqual({ status: still.status, acceptedAt: still.acceptedAt }, { status: 'allocated', acceptedAt: null });
  });
});

describe('one open loan per device', () => {
  it('50 concurrent allocations of the same device: exactly one succeeds, the others get 409', async () => {
    const device = await tablet(schoolA);
    const requests = [];
    for (let i = 0; i < 50; i++) {
      const r = await newRequest();
      await as('manager').post(`/api/loans/requests/${r.id}/approve`);
      requests.push(r.id);
    }
    const results = await Promise.all(
      requests.map((id) => as('technician').post(`/api/loans/requests/${id}/allocate`, { assetIds: [device.id] })),
    );
    const codes = results.map((r) => r.statusCode);
    assert.equal(codes.filter((c) => c === 201).length, 1, codes.join());
    assert.equal(codes.filter((c) => c === 409).length, 49, codes.join());
    const [open] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM loan_items WHERE asset_id = ${device.id} AND open`,
    );
    assert.equal(Number(open?.n), 1);
  });

  it('50 concurrent handovers of the same loan: exactly one succeeds', async () => {
    const request = await newRequest();
    await as('manager').post(`/api/loans/requests/${request.id}/approve`);
    const device = await tablet(schoolA);
    const loan = json<Loan>(
      await as('technician').post(`/api/loans/requests/${request.id}/allocate`, { tags: [device.tag] }),
    );
    const pdfScan = Buffer.from('%PDF-1.4\n% signed on paper\n');
    const paper = await as('technician').request('POST', `/api/loans/${loan.id}/paper-acceptance`, {
      body: pdfScan,
      headers: { 'content-type': 'application/pdf' },
    });
    assert.equal(paper.statusCode, 200, paper.body);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => as('technician').post(`/api/loans/${loan.id}/handover`, { tags: [device.tag] })),
    );
    const codes = results.map((r) => r.statusCode);
    assert.equal(codes.filter((c) => c === 200).length, 1, codes.join());
    assert.ok(
      codes.every((c) => c === 200 || c === 409),
      codes.join(),
    );
  });
});

describe('privacy', () => {
  it('personal data only for those who need them, every read audited, auditors see pseudonyms', async () => {
    const request = await newRequest();
    const before = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'household.read'`,
    );
    const forManager = json<{ household: { pupil: { firstName: string } | null } }>(
      await as('manager').get(`/api/loans/requests/${request.id}`),
    );
    assert.equal(forManager.household.pupil?.firstName, PUPIL.firstName);
    const afterRead = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'household.read'`,
    );
    assert.equal(Number(afterRead[0]?.n), Number(before[0]?.n) + 1, 'the read is audited');
    for (const role of ['auditor', 'teacher', 'technician']) {
      const view = json<{ household: { pupil: unknown; contacts: unknown; pseudonym: string } }>(
        await as(role).get(`/api/loans/requests/${request.id}`),
      );
      assert.equal(view.household.pupil, null, role);
      assert.equal(view.household.contacts, null, role);
      assert.equal(view.household.pseudonym, request.household.pseudonym);
    }
    assert.equal(
      (await as('directorB').get(`/api/loans/requests/${request.id}`)).statusCode,
      404,
      'another school: not found',
    );
    const list = await as('manager').get('/api/loans/requests');
    assert.ok(!list.body.includes(PUPIL.lastName), 'lists carry no personal data');
    const audit = await rows<{ t: string }>(
      t.db.owner,
      sql`SELECT coalesce(before::text, '') || coalesce(after::text, '') AS t FROM audit_events`,
    );
    assert.ok(
      audit.every((a) => !a.t.includes(PUPIL.lastName) && !a.t.includes(PARENT.email)),
      'the audit trail holds no names',
    );
  });
});

describe('retention', () => {
  it('the purge job removes household personal data of loans closed past the delay, and keeps the device history', async () => {
    const local = await createTestApp();
    try {
      const org = (await createOrganisation(local.db, 'Ville oublieuse')).id;
      const m = await createCatalogue(local.db, org);
      const school = (await createSchool(local.db, org, 7200911)).id;
      const manager = await createUser(local.db, org, { roles: ['manager'] });
      const a = local.agent();
      await a.login(manager.email, PASSWORD);
      await a.patch('/api/organisation', {});
      const device = json<{ id: string; tag: string }>(
        await a.post('/api/assets', { modelId: m.tablet, status: 'deployed', schoolId: school }),
      );
      const req = json<{ id: string }>(
        await a.post('/api/loans/requests', {
          schoolId: school,
          pupil: PUPIL,
          household: { contacts: [PARENT] },
          need: { connectivity: false },
          eligibility: { eligible: true, reasonCode: 'no_device_at_home', decidedOn: '2026-09-10' },
        }),
      );
      await a.post(`/api/loans/requests/${req.id}/approve`);
      const loan = json<{ id: string }>(await a.post(`/api/loans/requests/${req.id}/allocate`, { tags: [device.tag] }));
      const link = json<{ url: string }>(await a.post(`/api/loans/${loan.id}/link`, {}));
      const token = link.url.split('/famille/')[1] as string;
      await local
        .agent()
        .post(`/api/public/family/${token}/accept`, { name: `${PARENT.firstName} ${PARENT.lastName}`, confirm: true });
      await a.post(`/api/loans/${loan.id}/handover`, { tags: [device.tag] });
      const stock = json<{ id: string }>(
        await a.post('/api/inventory/stock-locations', { name: 'Magasin', kind: 'warehouse' }),
      );
      await a.post(`/api/loans/${loan.id}/return`, {
        tags: [device.tag],
        wiped: true,
        destination: { stockLocationId: stock.id },
      });

      const names = [
        PUPIL.firstName,
        PUPIL.lastName,
        PARENT.firstName,
        PARENT.addressLine,
        PARENT.email,
        '06 00 00 00 00',
      ];
      const everywhere = async () => {
        const tables = await rows<{ table_name: string }>(
          local.db.owner,
          sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
        );
        const hits: string[] = [];
        for (const { table_name } of tables) {
          const found = await rows<{ t: string }>(
            local.db.owner,
            sql.raw(`SELECT t::text AS t FROM "${table_name}" t`),
          );
          for (const row of found) for (const n of names) if (row.t.includes(n)) hits.push(`${table_name}: ${n}`);
        }
        return hits;
      };
      assert.ok((await everywhere()).length > 0, 'the data are there before the purge');
      assert.equal((await purgePersonalData(local.db, local.config)).households, 0, 'not before the retention delay');
      const later = new Date(Date.now() + 91 * 86_400_000);
      assert.equal((await purgePersonalData(local.db, local.config, later)).households, 1);
      assert.deepEqual(await everywhere(), [], 'no personal data remains in any table');
      const { default: fs } = await import('node:fs');
      const { default: path } = await import('node:path');
      const dir = path.join(local.config.dataDir, 'files', org);
      const leftovers = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
      assert.deepEqual(leftovers, [], 'the accepted convention (it names the family) is deleted from disk');
      const history = await rows<{ n: number }>(
        local.db.owner,
        sql`SELECT count(*)::int AS n FROM asset_events WHERE asset_id = ${device.id}`,
      );
      assert.ok(Number(history[0]?.n) >= 4, 'the device history stays');
      const after = json<{ household: { purged: boolean; pseudonym: string; pupil: unknown } }>(
        await a.get(`/api/loans/${loan.id}`),
      );
      assert.equal(after.household.purged, true);
      assert.equal(after.household.pupil, null);
    } finally {
      await local.close();
    }
  });
});
