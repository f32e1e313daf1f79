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
import { contact, makeLoan, spelledDate } from '../../../../test/helpers/loans.ts';
import { startSmtpServer, type TestSmtp } from '../../../../test/helpers/smtp.ts';
import { rows } from '../../db/connection.ts';
import { loadSecrets } from '../../secrets.ts';
import { sendFamilyLinkMail } from './mails.ts';

let t: TestApp;
let smtp: TestSmtp;
let schoolId: string;
let orgId: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
const agents: Record<string, Agent> = {};
const as = (role: string) => agents[role] as Agent;

type LinkResponse = {
  url: string;
  expiresAt: string;
  mail: { status: string; recipients: number; sent: number; duplicates: number; failed: number } | null;
};

before(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer();
  orgId = (await createOrganisation(t.db, 'Ville du Courrier')).id;
  models = await createCatalogue(t.db, orgId);
  schoolId = (await createSchool(t.db, orgId, 7201001, 'École des Lettres')).id;
  for (const role of ['admin', 'manager', 'director', 'teacher'] as const) {
    const user = await createUser(t.db, orgId, {
      roles: [role],
      schoolIds: role === 'director' || role === 'teacher' ? [schoolId] : [],
    });
    agents[role] = t.agent();
    await as(role).login(user.email, PASSWORD);
  }
  const saved = await as('admin').put('/api/organisation/mail', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    from: 'prets@ville-du-courrier.example',
  });
  assert.equal(saved.statusCode, 200, saved.body);
});
after(async () => {
  await smtp.close();
  await t.close();
});

const loanAgents = () => ({ requester: as('director'), manager: as('manager') });

describe('family link mail', () => {
  it('goes to each representative with an address (both homes), once per link, in French', async () => {
    const loan = await makeLoan(loanAgents(), {
      schoolId,
      modelId: models.tablet,
      pupil: { firstName: 'Philémon', lastName: 'Courtecuisse' },
      contacts: [
        contact('Clothilde', 'Courtecuisse', 'clothilde.courtecuisse@example.org'),
        contact('Anatole', 'Vermeersch', 'anatole.vermeersch@example.org'),
      ],
      dueDate: '2027-07-03',
      until: 'allocated',
    });
    const before = smtp.mails.length;
    const r = await as('manager').post(`/api/loans/${loan.id}/link`, { send: true });
    assert.equal(r.statusCode, 200, r.body);
    const link = json<LinkResponse>(r);
    assert.deepEqual(link.mail, { status: 'sent', recipients: 2, sent: 2, duplicates: 0, failed: 0 });
    const mails = (await smtp.waitFor(before + 2)).slice(before);
    assert.deepEqual(mails.map((m) => m.to[0]).sort(), [
      'anatole.vermeersch@example.org',
      'clothilde.courtecuisse@example.org',
    ]);
    for (const m of mails) {
      assert.equal(m.to.length, 1, 'each home gets its own mail: no address is shown to the other');
      assert.match(m.subject, /^École des Lettres — prêt d’équipement : convention à accepter$/);
      assert.ok(m.text.includes(link.url), 'the signed link');
      assert.ok(m.text.includes('Philémon'));
      assert.ok(m.text.includes(`au plus tard le ${spelledDate('2027-07-03', 'fr')}`), m.text);
      assert.ok(m.text.includes(loan.asset.tag));
      assert.ok(!m.subject.includes('Philémon') && !m.subject.includes('Courtecuisse'), 'no name in the subject');
    }
    assert.ok(mails.some((m) => m.text.startsWith('Bonjour Anatole Vermeersch,')));
    const token = link.url.split('/famille/')[1] as string;
    assert.equal((await t.agent().get(`/api/public/family/${token}`)).statusCode, 200, 'the mailed link works');

    const again = json<LinkResponse>(await as('manager').post(`/api/loans/${loan.id}/link`, { send: true }));
    assert.equal(again.mail?.status, 'already_sent');
    assert.equal(again.url, link.url);
    await new Promise((res) => setTimeout(res, 200));
    assert.equal(smtp.mails.length, before + 2, 'nothing sent twice');

    const fresh = json<LinkResponse>(
      await as('manager').post(`/api/loans/${loan.id}/link`, { send: true, revokePrevious: true }),
    );
    assert.equal(fresh.mail?.sent, 2);
    assert.notEqual(fresh.url, link.url);
    await smtp.waitFor(before + 4);
    assert.ok(smtp.mails.slice(before + 2).every((m) => m.text.includes(fresh.url)));
    assert.equal((await t.agent().get(`/api/public/family/${token}`)).statusCode, 404, 'the old link is revoked');

    const log = await rows<{ recipient: string | null; household_id: string | null; template: string }>(
      t.db.owner,
      sql`SELECT recipient, household_id, template FROM mail_log WHERE loan_id = ${loan.id}`,
    );
    assert.equal(log.length, 4);
    assert.ok(log.every((l) => l.household_id === loan.householdId && l.template === 'family_link'));
    const listed = json<{ loanId: string; recipient: string | null; household: string | null }[]>(
      await as('admin').get('/api/organisation/mail/log'),
    ).filter((l) => l.loanId === loan.id);
    assert.ok(
      listed.every((l) => l.recipient === null && l.household === loan.pseudonym),
      'the log lists pseudonyms, not addresses',
    );
  });

  it('speaks English to an English-speaking household, and says when nobody has an address', async () => {
    const en = await makeLoan(loanAgents(), {
      schoolId,
      modelId: models.tablet,
      pupil: { firstName: 'Hermione', lastName: 'Fairweather' },
      contacts: [contact('Rowena', 'Fairweather', 'rowena.fairweather@example.org')],
      locale: 'en',
      dueDate: '2027-07-03',
      until: 'accepted',
    });
    const before = smtp.mails.length;
    const r = json<LinkResponse>(await as('manager').post(`/api/loans/${en.id}/link`, { send: true }));
    assert.equal(r.mail?.status, 'sent');
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    assert.match(mail?.subject ?? '', /device loan: your family page/, 'accepted: the family page, not acceptance');
    assert.ok(mail?.text.includes(`by ${spelledDate('2027-07-03', 'en')} at the latest`), mail?.text);
    assert.equal(mail?.headers['content-language'], 'en');

    const phoneOnly = await makeLoan(loanAgents(), {
      schoolId,
      modelId: models.tablet,
      pupil: { firstName: 'Ursule', lastName: 'Sanstoile' },
      contacts: [contact('Gaspard', 'Sanstoile', null, '06 11 22 33 44')],
      until: 'allocated',
    });
    const none = json<LinkResponse>(await as('manager').post(`/api/loans/${phoneOnly.id}/link`, { send: true }));
    assert.equal(none.mail?.status, 'no_email');
    assert.ok(none.url, 'the link is there to print');
  });

  it('refuses without a mail server (before revoking anything), without permission, or for a closed loan', async () => {
    const loan = await makeLoan(loanAgents(), {
      schoolId,
      modelId: models.tablet,
      pupil: { firstName: 'Séraphin', lastName: 'Lampion' },
      contacts: [contact('Irma', 'Lampion', 'irma.lampion@example.org')],
      until: 'allocated',
    });
    const first = json<LinkResponse>(await as('manager').post(`/api/loans/${loan.id}/link`, {}));
    assert.equal(first.mail, null, 'no send asked: no mail');
    await as('admin').delete('/api/organisation/mail');
    const refused = await as('manager').post(`/api/loans/${loan.id}/link`, { send: true, revokePrevious: true });
    assert.equal(refused.statusCode, 409);
    assert.equal(json<{ code: string }>(refused).code, 'MAIL_NOT_CONFIGURED');
    const token = first.url.split('/famille/')[1] as string;
    assert.equal((await t.agent().get(`/api/public/family/${token}`)).statusCode, 200, 'the link was not revoked');
    await as('admin').put('/api/organisation/mail', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      from: 'prets@ville-du-courrier.example',
    });
    assert.equal((await as('teacher').post(`/api/loans/${loan.id}/link`, { send: true })).statusCode, 403);
    const deps = { db: t.db, config: t.config, secrets: await loadSecrets(t.db, t.config) };
    // The signature the crisis campaigns call: organisation id, loan id.
    const sent = await sendFamilyLinkMail(deps, orgId, loan.id);
    assert.deepEqual({ status: sent.status, sent: sent.sent }, { status: 'sent', sent: 1 });
    await t.db.owner.execute(sql`UPDATE loans SET status = 'cancelled' WHERE id = ${loan.id}`);
    await assert.rejects(sendFamilyLinkMail(deps, orgId, loan.id), (e: Error & { code?: string }) => {
      return e.code === 'LOAN_INVALID_STATE';
    });
    const audit = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'loan.family_link_mailed' AND entity_id = ${loan.id}`,
    );
    assert.equal(Number(audit[0]?.n), 1, 'each mailing is in the audit trail');
  });
});
