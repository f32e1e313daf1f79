import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { type Agent, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import { contact, isoDay, type MadeLoan, makeLoan, returnLoan, spelledDate } from '../../../../test/helpers/loans.ts';
import { type ReceivedMail, startSmtpServer, type TestSmtp } from '../../../../test/helpers/smtp.ts';
import { type Jobs, startJobs } from '../../jobs/jobs.ts';
import { loadSecrets } from '../../secrets.ts';
import { isoWeek, type ReminderRun, reminderPeriod, sendLoanReminders } from './reminders.ts';

describe('reminder periods (pure)', () => {
  it('N days before, on the due date, then one per overdue week; a missed day catches up', () => {
    assert.equal(reminderPeriod('2027-07-04', '2027-06-19', 14), null);
    assert.deepEqual(reminderPeriod('2027-07-04', '2027-06-20', 14), { stage: 'before_due', period: 'before_due' });
    assert.deepEqual(reminderPeriod('2027-07-04', '2027-07-03', 14), { stage: 'before_due', period: 'before_due' });
    assert.deepEqual(reminderPeriod('2027-07-04', '2027-07-04', 14), { stage: 'due', period: 'due' });
    assert.deepEqual(reminderPeriod('2027-07-04', '2027-07-10', 14), { stage: 'due', period: 'due' });
    assert.deepEqual(reminderPeriod('2027-07-04', '2027-07-11', 14), { stage: 'overdue', period: 'overdue_1' });
    assert.deepEqual(reminderPeriod('2027-07-04', '2027-07-18', 14), { stage: 'overdue', period: 'overdue_2' });
    assert.deepEqual(reminderPeriod('2027-07-04', '2027-06-27', 7), { stage: 'before_due', period: 'before_due' });
    assert.equal(reminderPeriod('2027-07-04', '2027-06-26', 7), null);
  });

  it('ISO weeks (the digest goes once per week)', () => {
    assert.equal(isoWeek('2027-01-01'), '2026-W53');
    assert.equal(isoWeek('2027-01-04'), '2027-W01');
    assert.equal(isoWeek('2027-07-04'), '2027-W26');
    assert.equal(isoWeek('2027-07-05'), '2027-W27');
    assert.equal(isoWeek('2024-12-30'), '2025-W01');
  });
});

let t: TestApp;
let smtp: TestSmtp;
let jobs: Jobs;
let schoolA: string;
let schoolB: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
const agents: Record<string, Agent> = {};
const emails: Record<string, string> = {};
const as = (role: string) => agents[role] as Agent;
const loans: Record<string, MadeLoan> = {};
const due: Record<string, string> = {};

before(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer();
  const orgId = (await createOrganisation(t.db, 'Ville Rappel')).id;
  models = await createCatalogue(t.db, orgId);
  schoolA = (await createSchool(t.db, orgId, 7201101, 'École des Tilleuls')).id;
  schoolB = (await createSchool(t.db, orgId, 7201102, 'École des Saules')).id;
  for (const [name, roles, schools] of [
    ['admin', ['admin'], []],
    ['manager', ['manager'], []],
    ['directorA', ['director'], [schoolA]],
    ['directorB', ['director'], [schoolB]],
    ['teacher', ['teacher'], [schoolA]],
  ] as const) {
    const user = await createUser(t.db, orgId, { roles: [...roles], schoolIds: [...schools] });
    emails[name] = user.email;
    agents[name] = t.agent();
    await as(name).login(user.email, PASSWORD);
  }
  await as('admin').put('/api/organisation/mail', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    from: 'rappels@ville-rappel.example',
  });
  const make = async (
    key: string,
    schoolId: string,
    offset: number,
    contacts: ReturnType<typeof contact>[],
    locale: 'fr' | 'en' = 'fr',
  ) => {
    due[key] = isoDay(offset);
    loans[key] = await makeLoan(
      { requester: as('manager'), manager: as('manager') },
      {
        schoolId,
        modelId: models.tablet,
        pupil: { firstName: `Élève${key}`, lastName: 'Rappelé' },
        contacts,
        locale,
        dueDate: due[key],
      },
    );
  };
  await make('soon', schoolA, 14, [contact('Aurèle', 'Bientôt', 'aurele.bientot@example.org')]);
  await make('today', schoolA, 0, [
    contact('Béatrix', 'Séparée', 'beatrix.separee@example.org'),
    contact('Basile', 'Séparé', 'basile.separe@example.org'),
  ]);
  await make('late', schoolA, -10, [contact('Cyprien', 'Entard', 'cyprien.entard@example.org')]);
  await make('later', schoolA, 30, [contact('Désiré', 'Tardif', 'desire.tardif@example.org')]);
  await make('english', schoolA, -3, [contact('Evangeline', 'Late', 'evangeline.late@example.org')], 'en');
  await make('otherSchool', schoolB, -20, [contact('Fulbert', 'Ailleurs', 'fulbert.ailleurs@example.org')]);
  await make('phoneOnly', schoolA, 0, [contact('Gontran', 'Sansmail', null, '06 98 76 54 32')]);
  await make('back', schoolA, -10, [contact('Hortense', 'Rendue', 'hortense.rendue@example.org')]);
  await returnLoan(as('manager'), loans.back as MadeLoan);
  jobs = await startJobs(t.db, t.config, pino({ level: 'silent' }), { pollingIntervalSeconds: 0.5 });
});
after(async () => {
  await jobs.stop();
  await smtp.close();
  await t.close();
});

const to = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
const only = (address: string): ReceivedMail => {
  const found = to(address);
  assert.equal(found.length, 1, `${address}: ${found.length} mails`);
  return found[0] as ReceivedMail;
};

async function runJob(): Promise<ReminderRun> {
  const id = await jobs.send('loans-reminders');
  const result = await jobs.waitFor('loans-reminders', id, 60_000);
  assert.equal(result.state, 'completed', JSON.stringify(result.output));
  return result.output as ReminderRun;
}

describe('reminder job (pg-boss, real SMTP server)', () => {
  it('is scheduled daily', async () => {
    const schedules = (await jobs.boss.getSchedules()) as { name: string; cron: string }[];
    assert.ok(schedules.some((s) => s.name === 'loans-reminders' && s.cron === '0 7 * * *'));
  });

  it('mails each family the reminder of its period, with the right due date, and the digests', {
    timeout: 120_000,
  }, async () => {
    const run = await runJob();
    assert.deepEqual(run.reminders, { sent: 6, duplicates: 0, failed: 0 }, JSON.stringify(run));
    assert.deepEqual(run.digests, { sent: 3, duplicates: 0, failed: 0 });
    await smtp.waitFor(9);

    const soon = only('aurele.bientot@example.org');
    assert.match(soon.subject, /^École des Tilleuls — rappel : équipement prêté à rendre le /);
    assert.ok(soon.text.includes(`au plus tard le ${spelledDate(due.soon as string, 'fr')}.`), soon.text);
    assert.ok(soon.text.includes('ÉlèveSoon') || soon.text.includes('Élèvesoon'), soon.text);
    assert.ok(soon.text.includes(loans.soon?.asset.tag as string));
    assert.ok(soon.text.includes('/famille/'), 'the family page link');

    for (const parent of ['beatrix.separee@example.org', 'basile.separe@example.org']) {
      const m = only(parent);
      assert.ok(m.text.includes(`aujourd’hui, ${spelledDate(due.today as string, 'fr')}.`), m.text);
    }
    const late = only('cyprien.entard@example.org');
    assert.ok(
      late.text.includes(
        `devait être rendu à l’école École des Tilleuls le ${spelledDate(due.late as string, 'fr')}, il y a 10 jours.`,
      ),
      late.text,
    );
    const english = only('evangeline.late@example.org');
    assert.match(english.subject, /lent equipment overdue since/);
    assert.ok(english.text.includes(`on ${spelledDate(due.english as string, 'en')}, 3 days ago.`), english.text);
    assert.ok(english.text.startsWith('Hello Evangeline Late,'));
    assert.equal(only('fulbert.ailleurs@example.org').to.length, 1);
    assert.equal(to('desire.tardif@example.org').length, 0, 'not yet: due in 30 days');
    assert.equal(to('hortense.rendue@example.org').length, 0, 'returned: no reminder');

    const managerDigest = only(emails.manager as string);
    assert.match(managerDigest.subject, /prêts aux familles en retard : 3$/);
    for (const key of ['late', 'english', 'otherSchool'])
      assert.ok(managerDigest.text.includes(loans[key]?.pseudonym as string), key);
    assert.ok(!managerDigest.text.includes('Entard'), 'pseudonyms, no names');
    const digestA = only(emails.directorA as string);
    assert.ok(digestA.text.includes(loans.late?.pseudonym as string));
    assert.ok(!digestA.text.includes(loans.otherSchool?.pseudonym as string), 'a director sees their schools only');
    const digestB = only(emails.directorB as string);
    assert.ok(digestB.text.includes(loans.otherSchool?.pseudonym as string));
    assert.equal(to(emails.admin as string).length + to(emails.teacher as string).length, 0);
  });

  it('run again the same day, it sends nothing twice', { timeout: 120_000 }, async () => {
    const count = smtp.mails.length;
    const run = await runJob();
    assert.equal(run.reminders.sent + run.digests.sent, 0, JSON.stringify(run));
    assert.equal(run.digests.duplicates, 3);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(smtp.mails.length, count);
  });

  it('a week later: the next overdue reminder and a new digest, nothing for a period already mailed', async () => {
    const count = smtp.mails.length;
    const deps = { db: t.db, config: t.config, secrets: await loadSecrets(t.db, t.config) };
    const run = await sendLoanReminders(deps, new Date(Date.now() + 7 * 86_400_000));
    // today (2 homes: overdue_1), late (overdue_2), english (overdue_1), otherSchool (overdue_3).
    assert.deepEqual(run.reminders, { sent: 5, duplicates: 0, failed: 0 }, JSON.stringify(run));
    assert.equal(run.digests.sent, 3);
    await smtp.waitFor(count + 8);
    assert.equal(to('aurele.bientot@example.org').length, 1, 'still in its “before” period: no second mail');
    const second = to('cyprien.entard@example.org')[1];
    assert.ok(second?.text.includes('il y a 17 jours'), second?.text);
    assert.ok(to('beatrix.separee@example.org')[1]?.text.includes('il y a 7 jours'));
  });
});
