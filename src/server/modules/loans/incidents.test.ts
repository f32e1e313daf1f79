import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Agent, createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import { contact, isoDay, type MadeLoan, makeLoan, returnLoan } from '../../../../test/helpers/loans.ts';
import { startSmtpServer, type TestSmtp } from '../../../../test/helpers/smtp.ts';
import { rows } from '../../db/connection.ts';
import { loadSecrets } from '../../secrets.ts';
import { sendFamilyLinkMail } from './mails.ts';
import { purgePersonalData } from './service.ts';

let t: TestApp;
let smtp: TestSmtp;
let orgId: string;
let schoolA: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
const agents: Record<string, Agent> = {};
const as = (role: string) => agents[role] as Agent;

type Incident = {
  id: string;
  kind: string;
  outcome: string;
  notes: string | null;
  settledOn: string | null;
  policeReportRef: string | null;
  locationActivatedAt: string | null;
  asset: { id: string; tag: string } | null;
  can: { update: boolean; activateLocation: boolean };
};

before(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer();
  orgId = (await createOrganisation(t.db, 'Ville Incidents')).id;
  models = await createCatalogue(t.db, orgId);
  schoolA = (await createSchool(t.db, orgId, 7201201, 'École du Risque')).id;
  const schoolB = (await createSchool(t.db, orgId, 7201202, 'École Tranquille')).id;
  for (const [name, roles, schools] of [
    ['admin', ['admin'], []],
    ['manager', ['manager'], []],
    ['technician', ['technician'], []],
    ['director', ['director'], [schoolA]],
    ['directorB', ['director'], [schoolB]],
    ['teacher', ['teacher'], [schoolA]],
    ['auditor', ['auditor'], []],
  ] as const) {
    const user = await createUser(t.db, orgId, { roles: [...roles], schoolIds: [...schools] });
    agents[name] = t.agent();
    await as(name).login(user.email, PASSWORD);
  }
});
after(async () => {
  await smtp.close();
  await t.close();
});

const newLoan = (lastName: string, until: 'allocated' | 'handed_over' = 'handed_over') =>
  makeLoan(
    { requester: as('director'), manager: as('manager') },
    {
      schoolId: schoolA,
      modelId: models.tablet,
      pupil: { firstName: 'Incidentine', lastName },
      contacts: [contact('Parent', lastName, `${lastName.toLowerCase()}@example.org`)],
      until,
    },
  );

const assetStatus = async (id: string) => json<{ status: string }>(await as('manager').get(`/api/assets/${id}`)).status;

describe('incidents', () => {
  it('a damage is declared, its notes shown only to those who see the family, then settled', async () => {
    const loan = await newLoan('Cassetout');
    const r = await as('director').post(`/api/loans/${loan.id}/incidents`, {
      kind: 'damage',
      declaredOn: isoDay(0),
      notes: 'Écran fissuré, signalé par la mère de Incidentine Cassetout',
    });
    assert.equal(r.statusCode, 201, r.body);
    const incident = json<Incident>(r);
    assert.equal(incident.outcome, 'pending');
    assert.equal(incident.asset?.tag, loan.asset.tag);
    assert.equal(await assetStatus(loan.asset.id), 'on_loan', 'a damage does not change the device status');
    const forManager = json<Incident[]>(await as('manager').get(`/api/loans/${loan.id}/incidents`));
    assert.match(forManager[0]?.notes ?? '', /Écran fissuré/);
    const forAuditor = json<Incident[]>(await as('auditor').get(`/api/loans/${loan.id}/incidents`));
    assert.equal(forAuditor[0]?.notes, null, 'auditors see pseudonymised records');
    assert.equal(forAuditor[0]?.kind, 'damage');
    const audit = await rows<{ t: string }>(
      t.db.owner,
      sql`SELECT coalesce(after::text, '') AS t FROM audit_events WHERE action LIKE 'loan.incident%'`,
    );
    assert.ok(audit.length > 0 && audit.every((a) => !a.t.includes('fissuré')), 'notes never in the audit trail');

    const settled = await as('manager').patch(`/api/loans/${loan.id}/incidents/${incident.id}`, {
      outcome: 'repaired',
      settledOn: isoDay(0),
    });
    assert.equal(settled.statusCode, 200, settled.body);
    assert.equal(json<Incident>(settled).settledOn, isoDay(0));
    const found = await as('manager').patch(`/api/loans/${loan.id}/incidents/${incident.id}`, { outcome: 'found' });
    assert.equal(found.statusCode, 400, 'a damaged device is not “found”');
  });

  it('a theft needs the police report reference; it marks the device stolen and ends its line on the loan', async () => {
    const loan = await newLoan('Derobe');
    const noRef = await as('technician').post(`/api/loans/${loan.id}/incidents`, {
      kind: 'theft',
      declaredOn: isoDay(-1),
    });
    assert.equal(noRef.statusCode, 400);
    assert.ok(
      json<{ errors: { path: string; message: string }[] }>(noRef).errors.some(
        (e) => e.path === 'body.policeReportRef' && e.message === 'police_report_required',
      ),
    );
    const future = await as('technician').post(`/api/loans/${loan.id}/incidents`, {
      kind: 'loss',
      declaredOn: isoDay(3),
    });
    assert.equal(future.statusCode, 400);
    const r = await as('technician').post(`/api/loans/${loan.id}/incidents`, {
      kind: 'theft',
      declaredOn: isoDay(-1),
      policeReportRef: 'PV 2027/000123',
    });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(await assetStatus(loan.asset.id), 'stolen', 'through the inventory state machine');
    const l = json<{ status: string; items: { open: boolean }[] }>(await as('manager').get(`/api/loans/${loan.id}`));
    assert.equal(l.status, 'returned', 'nothing left to bring back: waits for the incident to be settled');
    assert.equal(l.items[0]?.open, false);
    const history = await rows<{ note: string }>(
      t.db.owner,
      sql`SELECT note FROM asset_events WHERE asset_id = ${loan.asset.id} AND to_status = 'stolen'`,
    );
    assert.ok(history[0]?.note.startsWith(`loan:${loan.id}`));
  });

  it('MDM location: only after a declared loss or theft, not settled, by those who run the MDM; logged', async () => {
    const loan = await newLoan('Egare');
    const damage = json<Incident>(
      await as('director').post(`/api/loans/${loan.id}/incidents`, { kind: 'damage', declaredOn: isoDay(0) }),
    );
    assert.equal(damage.can.activateLocation, false);
    const refused = await as('technician').post(`/api/loans/${loan.id}/incidents/${damage.id}/location-activation`);
    assert.equal(refused.statusCode, 409);
    assert.equal(json<{ code: string }>(refused).code, 'LOAN_LOCATION_NOT_ALLOWED');

    const loss = json<Incident>(
      await as('director').post(`/api/loans/${loan.id}/incidents`, { kind: 'loss', declaredOn: isoDay(0) }),
    );
    assert.equal(await assetStatus(loan.asset.id), 'lost');
    assert.equal(
      (await as('director').post(`/api/loans/${loan.id}/incidents/${loss.id}/location-activation`)).statusCode,
      403,
      'a director does not locate a family’s device',
    );
    const before = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'loan.location_activated' AND entity_id = ${loan.id}`,
    );
    assert.equal(Number(before[0]?.n), 0);
    const ok = await as('technician').post(`/api/loans/${loan.id}/incidents/${loss.id}/location-activation`);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.ok(json<Incident>(ok).locationActivatedAt);
    const logged = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'loan.location_activated' AND entity_id = ${loan.id}`,
    );
    assert.equal(Number(logged[0]?.n), 1, 'the activation is in the audit trail');
    await as('manager').patch(`/api/loans/${loan.id}/incidents/${loss.id}`, { outcome: 'written_off' });
    const settledRefused = await as('technician').post(
      `/api/loans/${loan.id}/incidents/${loss.id}/location-activation`,
    );
    assert.equal(settledRefused.statusCode, 409, 'settled: no more locating');
    await assert.rejects(
      t.db.owner.execute(sql`UPDATE loan_incidents SET location_activated_at = now() WHERE id = ${damage.id}`),
      'the database refuses it too',
    );
  });

  it('answers 401, 403, 404 and 409 where it should', async () => {
    const loan = await newLoan('Matrice');
    const body = { kind: 'damage', declaredOn: isoDay(0) };
    assert.equal((await t.agent().post(`/api/loans/${loan.id}/incidents`, body)).statusCode, 401);
    assert.equal((await as('teacher').post(`/api/loans/${loan.id}/incidents`, body)).statusCode, 403);
    assert.equal((await as('auditor').post(`/api/loans/${loan.id}/incidents`, body)).statusCode, 403);
    assert.equal((await as('directorB').post(`/api/loans/${loan.id}/incidents`, body)).statusCode, 404);
    assert.equal((await as('directorB').get(`/api/loans/${loan.id}/incidents`)).statusCode, 404);
    const unknown = await as('manager').post(`/api/loans/${loan.id}/incidents`, { ...body, cause: 'x' });
    assert.equal(unknown.statusCode, 400);
    const notLent = await newLoan('PasRemis', 'allocated');
    const early = await as('manager').post(`/api/loans/${notLent.id}/incidents`, body);
    assert.equal(early.statusCode, 409);
    assert.equal(json<{ code: string }>(early).code, 'LOAN_INVALID_STATE');
    assert.equal(
      (await as('manager').patch(`/api/loans/${loan.id}/incidents/00000000-0000-4000-8000-000000000000`, {}))
        .statusCode,
      404,
    );
  });
});

describe('retention with incidents', () => {
  it('the purge waits for unsettled incidents, then clears notes and the family’s mail addresses too', async () => {
    const saved = await as('admin').put('/api/organisation/mail', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      from: 'prets@ville-incidents.example',
    });
    assert.equal(saved.statusCode, 200);
    const loan: MadeLoan = await newLoan('Oubliable');
    const deps = { db: t.db, config: t.config, secrets: await loadSecrets(t.db, t.config) };
    assert.equal((await sendFamilyLinkMail(deps, orgId, loan.id)).status, 'sent');
    const damage = json<Incident>(
      await as('manager').post(`/api/loans/${loan.id}/incidents`, {
        kind: 'damage',
        declaredOn: isoDay(0),
        notes: 'Coque cassée chez la famille Oubliable',
      }),
    );
    const back = await returnLoan(as('manager'), loan);
    assert.equal(back.status, 'returned', 'back, but an incident is pending');
    const later = new Date(Date.now() + 91 * 86_400_000);
    const household = async () =>
      (
        await rows<{ purged_at: string | null }>(
          t.db.owner,
          sql`SELECT purged_at FROM households WHERE id = ${loan.householdId}`,
        )
      )[0]?.purged_at;
    await purgePersonalData(t.db, t.config, later);
    assert.equal(await household(), null, 'not purged while the incident is unsettled');
    const settled = await as('manager').patch(`/api/loans/${loan.id}/incidents/${damage.id}`, {
      outcome: 'paid_by_insurance',
    });
    assert.equal(json<Incident>(settled).settledOn, isoDay(0), 'today by default');
    assert.equal(json<{ status: string }>(await as('manager').get(`/api/loans/${loan.id}`)).status, 'closed');
    await purgePersonalData(t.db, t.config, later);
    assert.notEqual(await household(), null, 'purged once settled and past the delay');
    const [incident] = await rows<{ notes: string | null; outcome: string }>(
      t.db.owner,
      sql`SELECT notes, outcome FROM loan_incidents WHERE id = ${damage.id}`,
    );
    assert.deepEqual(incident, { notes: null, outcome: 'paid_by_insurance' }, 'the outcome stays, the notes go');
    const mails = await rows<{ recipient: string | null; recipient_hash: string }>(
      t.db.owner,
      sql`SELECT recipient, recipient_hash FROM mail_log WHERE loan_id = ${loan.id}`,
    );
    assert.ok(mails.length > 0 && mails.every((m) => m.recipient === null && m.recipient_hash));
    const leftovers = await rows<{ t: string }>(
      t.db.owner,
      sql`SELECT concat_ws(' ', l::text, i::text, m::text) AS t FROM loans l
          LEFT JOIN loan_incidents i ON i.loan_id = l.id LEFT JOIN mail_log m ON m.loan_id = l.id
          WHERE l.id = ${loan.id}`,
    );
    assert.ok(leftovers.every((r) => !r.t.includes('Oubliable') && !r.t.includes('oubliable@')));
  });
});
