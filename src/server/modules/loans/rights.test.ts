import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { type Agent, createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import { contact, isoDay, makeLoan, returnLoan } from '../../../../test/helpers/loans.ts';
import { startSmtpServer, type TestSmtp } from '../../../../test/helpers/smtp.ts';
import { rows } from '../../db/connection.ts';

let t: TestApp;
let smtp: TestSmtp;
let orgId: string;
let schoolA: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
const agents: Record<string, Agent> = {};
const as = (role: string) => agents[role] as Agent;

// Fictional, and unusual enough to be searched for in every table afterwards.
const PUPIL = { firstName: 'Théodebert', lastName: 'Wolkenstein' };
const MOTHER = contact('Radegonde', 'Wolkenstein', 'radegonde.wolkenstein@example.org', '06 12 12 12 12');
const FATHER = contact('Childebrand', 'Pfannkuch', 'childebrand.pfannkuch@example.org');
const NAMES = [
  PUPIL.firstName,
  PUPIL.lastName,
  MOTHER.firstName,
  FATHER.firstName,
  FATHER.lastName,
  MOTHER.addressLine,
  MOTHER.email as string,
  FATHER.email as string,
  '06 12 12 12 12',
  'rayure Wolkenstein',
];

type Export = {
  household: { pseudonym: string; personalDataErasedAt: string | null };
  pupil: { firstName: string; lastName: string } | null;
  legalRepresentatives: { firstName: string; email: string | null }[];
  requests: { status: string }[];
  loans: {
    status: string;
    devices: { tag: string }[];
    incidents: { kind: string; notes: string | null }[];
    acceptance: { via: string | null };
    documents: { name: string }[];
  }[];
  mails: { template: string; recipient: string | null }[];
  events: { action: string }[];
};

before(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer();
  orgId = (await createOrganisation(t.db, 'Ville des Droits')).id;
  models = await createCatalogue(t.db, orgId);
  schoolA = (await createSchool(t.db, orgId, 7201301, 'École des Droits')).id;
  for (const [name, roles, schools] of [
    ['admin', ['admin'], []],
    ['manager', ['manager'], []],
    ['director', ['director'], [schoolA]],
    ['auditor', ['auditor'], []],
  ] as const) {
    const user = await createUser(t.db, orgId, { roles: [...roles], schoolIds: [...schools] });
    agents[name] = t.agent();
    await as(name).login(user.email, PASSWORD);
  }
  await as('admin').put('/api/organisation/mail', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    from: 'prets@ville-des-droits.example',
  });
});
after(async () => {
  await smtp.close();
  await t.close();
});

async function everywhere(names: readonly string[]) {
  const tables = await rows<{ table_name: string }>(
    t.db.owner,
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const found = await rows<{ t: string }>(t.db.owner, sql.raw(`SELECT t::text AS t FROM "${table_name}" t`));
    for (const row of found) for (const n of names) if (row.t.includes(n)) hits.push(`${table_name}: ${n}`);
  }
  return [...new Set(hits)];
}

describe('data-subject rights', () => {
  it('export everything held (JSON and PDF, audited); erase refused while a loan is open, then no name remains', async () => {
    const loan = await makeLoan(
      { requester: as('director'), manager: as('manager') },
      { schoolId: schoolA, modelId: models.tablet, pupil: PUPIL, contacts: [MOTHER, FATHER], until: 'accepted' },
    );
    const link = await as('manager').post(`/api/loans/${loan.id}/link`, { send: true });
    assert.equal(json<{ mail: { sent: number } }>(link).mail.sent, 2);
    await as('manager').post(`/api/loans/${loan.id}/handover`, { tags: [loan.asset.tag] });
    const damage = json<{ id: string }>(
      await as('manager').post(`/api/loans/${loan.id}/incidents`, {
        kind: 'damage',
        declaredOn: isoDay(0),
        notes: 'rayure Wolkenstein',
      }),
    );

    const r = await as('manager').get(`/api/loans/households/${loan.householdId}/export`);
    assert.equal(r.statusCode, 200, r.body);
    assert.match(r.headers['content-disposition'] as string, /attachment; filename="donnees-F-/);
    const data = json<Export>(r);
    assert.equal(data.household.pseudonym, loan.pseudonym);
    assert.deepEqual(data.pupil && { f: data.pupil.firstName, l: data.pupil.lastName }, {
      f: PUPIL.firstName,
      l: PUPIL.lastName,
    });
    assert.deepEqual(
      data.legalRepresentatives.map((c) => c.email),
      [MOTHER.email, FATHER.email],
    );
    assert.equal(data.requests[0]?.status, 'allocated');
    assert.equal(data.loans[0]?.status, 'handed_over');
    assert.equal(data.loans[0]?.devices[0]?.tag, loan.asset.tag);
    assert.equal(data.loans[0]?.acceptance.via, 'paper');
    assert.equal(data.loans[0]?.documents.length, 1, 'the signed convention');
    assert.equal(data.loans[0]?.incidents[0]?.notes, 'rayure Wolkenstein');
    assert.deepEqual(data.mails.map((m) => m.recipient).sort(), [FATHER.email, MOTHER.email].sort());
    assert.ok(data.events.some((e) => e.action === 'loan_request.created'));
    const audited = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'household.exported' AND entity_id = ${loan.householdId}`,
    );
    assert.equal(Number(audited[0]?.n), 1, 'the export is audited');

    const pdf = await as('manager').get(`/api/loans/households/${loan.householdId}/export.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const doc = await PDFDocument.load(pdf.rawPayload);
    assert.ok(doc.getPageCount() >= 1);
    assert.match(doc.getTitle() ?? '', new RegExp(loan.pseudonym));

    for (const role of ['auditor', 'director'])
      assert.equal((await as(role).get(`/api/loans/households/${loan.householdId}/export`)).statusCode, 403, role);
    assert.equal((await as('director').delete(`/api/loans/households/${loan.householdId}`)).statusCode, 403);
    assert.equal(
      (await as('manager').get('/api/loans/households/00000000-0000-4000-8000-000000000000/export')).statusCode,
      404,
    );

    const refused = await as('manager').delete(`/api/loans/households/${loan.householdId}`);
    assert.equal(refused.statusCode, 409);
    assert.equal(json<{ code: string }>(refused).code, 'HOUSEHOLD_LOAN_OPEN');
    await returnLoan(as('manager'), loan);
    const stillOpen = await as('manager').delete(`/api/loans/households/${loan.householdId}`);
    assert.equal(stillOpen.statusCode, 409, 'returned, but the incident is not settled');
    await as('manager').patch(`/api/loans/${loan.id}/incidents/${damage.id}`, { outcome: 'repaired' });

    assert.ok((await everywhere(NAMES)).length > 0, 'the data are there before');
    const erased = await as('manager').delete(`/api/loans/households/${loan.householdId}`);
    assert.equal(erased.statusCode, 200, erased.body);
    assert.equal(json<{ pseudonym: string; files: number }>(erased).files, 1);
    assert.deepEqual(await everywhere(NAMES), [], 'no personal data remains in any table');
    const dir = path.join(t.config.dataDir, 'files', orgId);
    const leftovers = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
    assert.deepEqual(leftovers, [], 'the signed convention is deleted from disk');

    const afterwards = json<Export>(await as('manager').get(`/api/loans/households/${loan.householdId}/export`));
    assert.ok(afterwards.household.personalDataErasedAt);
    assert.equal(afterwards.pupil, null);
    assert.deepEqual(afterwards.legalRepresentatives, []);
    assert.equal(afterwards.loans[0]?.devices[0]?.tag, loan.asset.tag, 'the device history stays');
    assert.equal(afterwards.loans[0]?.incidents[0]?.kind, 'damage');
    assert.ok(afterwards.events.some((e) => e.action === 'household.erased'));
    const history = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM asset_events WHERE asset_id = ${loan.asset.id}`,
    );
    assert.ok(Number(history[0]?.n) >= 4);
  });

  it('erasing a household whose request is still pending cancels the request', async () => {
    const created = await as('director').post('/api/loans/requests', {
      schoolId: schoolA,
      pupil: { firstName: 'Frédégonde', lastName: 'Attente' },
      household: { contacts: [contact('Sigebert', 'Attente', 'sigebert.attente@example.org')] },
      need: { connectivity: true },
      eligibility: { eligible: true, reasonCode: 'no_device_at_home', decidedOn: isoDay(0) },
    });
    const request = json<{ id: string; household: { id: string } }>(created);
    const r = await as('admin').delete(`/api/loans/households/${request.household.id}`);
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(json<{ cancelledRequests: number }>(r).cancelledRequests, 1);
    const after = json<{ status: string; household: { purged: boolean; pupil: unknown } }>(
      await as('manager').get(`/api/loans/requests/${request.id}`),
    );
    assert.deepEqual(
      { status: after.status, purged: after.household.purged, pupil: after.household.pupil },
      { status: 'cancelled', purged: true, pupil: null },
    );
    assert.deepEqual(await everywhere(['Frédégonde', 'Sigebert', 'sigebert.attente@example.org']), []);
  });
});
