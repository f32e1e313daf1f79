import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';

let t: TestApp;
let orgId: string;
let admin: ReturnType<TestApp['agent']>;

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Ville réglée')).id;
  const user = await createUser(t.db, orgId, { roles: ['admin'] });
  admin = t.agent();
  await admin.login(user.email, PASSWORD);
});
after(() => t.close());

describe('organisation settings', () => {
  it('are read by every role, changed by admins only, validated and audited', async () => {
    const org = json<{
      name: string;
      settings: { communes: string[]; technicianScope: string };
      can: { update: boolean };
    }>(await admin.get('/api/organisation'));
    assert.deepEqual(org.settings, {
      communes: [],
      technicianScope: 'all',
      assetTagPattern: '{ORG}-{YYYY}-{00000}',
      warrantyNoticeDays: 60,
      loanAutoApprove: false,
      loanDueMonthDay: '07-04',
      loanRetentionDays: 90,
      loanReminderDaysBefore: 14,
      dpoContact: '',
      loanConventionTemplate: { fr: '', en: '' },
      publication: { published: false },
      accessibility: { status: 'non_evalue', auditedOn: null, auditor: '', complianceRate: null, plan: [] },
      demo: false,
    });
    assert.equal(org.can.update, true);
    const teacher = await createUser(t.db, orgId, { roles: ['teacher'] });
    const ta = t.agent();
    await ta.login(teacher.email, PASSWORD);
    assert.equal(json<{ can: { update: boolean } }>(await ta.get('/api/organisation')).can.update, false);
    assert.equal((await ta.patch('/api/organisation', { name: 'x' })).statusCode, 403);

    const bad = await admin.patch('/api/organisation', { settings: { communes: ['7218'], technicianScope: 'some' } });
    assert.equal(bad.statusCode, 400);
    const paths = json<{ errors: { path: string }[] }>(bad).errors.map((e) => e.path);
    assert.ok(
      paths.includes('body.settings.communes.0') && paths.includes('body.settings.technicianScope'),
      paths.join(),
    );

    const updated = await admin.patch('/api/organisation', {
      name: 'Ville du Test',
      settings: { communes: ['72181', '2A004'] },
    });
    assert.equal(updated.statusCode, 200);
    assert.deepEqual(json<{ settings: { communes: string[] } }>(updated).settings.communes, ['72181', '2A004']);
    const events = json<{ items: { action: string }[] }>(
      await admin.get('/api/audit/events', { query: { action: 'organisation.updated' } }),
    );
    assert.equal(events.items.length, 1);
  });

  it('limits technicians to their assigned schools when the setting says so', async () => {
    const a = (await createSchool(t.db, orgId, 7200301)).id;
    await createSchool(t.db, orgId, 7200302);
    const free = await createUser(t.db, orgId, { roles: ['technician'] });
    const assigned = await createUser(t.db, orgId, { roles: ['technician'], schoolIds: [a] });
    const tf = t.agent();
    await tf.login(free.email, PASSWORD);
    const ta = t.agent();
    await ta.login(assigned.email, PASSWORD);
    const count = async (agent: ReturnType<TestApp['agent']>) =>
      json<{ total: number }>(await agent.get('/api/schools')).total;
    assert.equal(await count(tf), 2, 'unattached technician: all schools');
    assert.equal(await count(ta), 1, 'attached technician: their schools');
    await admin.patch('/api/organisation', { settings: { technicianScope: 'assigned' } });
    assert.equal(await count(tf), 0, 'setting "assigned": no school without attachment');
    assert.equal(await count(ta), 1);
    assert.equal(json<{ schoolScope: string }>(await tf.get('/api/auth/me')).schoolScope, 'attached');
  });
});
