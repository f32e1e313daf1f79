import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { rows } from '../../db/connection.ts';

/**
 * The accessibility statement's own facts (audit, multi-year plan): set by
 * an admin, validated field by field, audited, and shown before sign-in by
 * `/api/public/info` (the page /accessibilite and the footer read it).
 */

let t: TestApp;
let admin: ReturnType<TestApp['agent']>;
let manager: ReturnType<TestApp['agent']>;

before(async () => {
  t = await createTestApp();
  const orgId = (await createOrganisation(t.db, 'Ville accessible')).id;
  const login = async (role: 'admin' | 'manager') => {
    const user = await createUser(t.db, orgId, { roles: [role] });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    return agent;
  };
  admin = await login('admin');
  manager = await login('manager');
});
after(() => t.close());

type Info = {
  accessibilityStatus: string;
  accessibility: { auditedOn: string | null; auditor: string; complianceRate: number | null; plan: unknown[] } | null;
};

describe('accessibility statement settings', () => {
  it('default: not evaluated, no audit, no plan — as the public info says before sign-in', async () => {
    const info = json<Info>(await t.agent().get('/api/public/info'));
    assert.equal(info.accessibilityStatus, 'non_evalue');
    assert.deepEqual(info.accessibility, { auditedOn: null, auditor: '', complianceRate: null, plan: [] });
  });

  it('an admin records an audit and the plan; anonymous visitors read them; the change is audited', async () => {
    const accessibility = {
      status: 'partiel',
      auditedOn: '2026-06-15',
      auditor: 'Cabinet Exemple',
      complianceRate: 72.5,
      plan: [
        { year: 2027, actions: 'Audit de conformité complet ; formation des agents.' },
        { year: 2028, actions: 'Correction des non-conformités relevées.' },
      ],
    };
    const res = await admin.patch('/api/organisation', { settings: { accessibility } });
    assert.equal(res.statusCode, 200, res.body);
    const info = json<Info>(await t.agent().get('/api/public/info'));
    assert.equal(info.accessibilityStatus, 'partiel');
    assert.deepEqual(info.accessibility, {
      auditedOn: '2026-06-15',
      auditor: 'Cabinet Exemple',
      complianceRate: 72.5,
      plan: accessibility.plan,
    });
    const audit = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'organisation.updated'
           AND after -> 'settings' -> 'accessibility' ->> 'status' = 'partiel'`,
    );
    assert.equal(audit[0]?.n, 1);
  });

  it('bad input is refused field by field and nothing changes; only admins may change it', async () => {
    const bad = await admin.patch('/api/organisation', {
      settings: {
        accessibility: {
          status: 'conforme',
          auditedOn: '2026-13-01',
          auditor: '',
          complianceRate: 120,
          plan: [
            { year: 2027, actions: 'a' },
            { year: 2027, actions: 'b' },
          ],
        },
      },
    });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.headers['content-type'], 'application/problem+json');
    const paths = json<{ errors: { path: string }[] }>(bad).errors.map((e) => e.path);
    for (const p of ['status', 'auditedOn', 'complianceRate', 'plan'])
      assert.ok(
        paths.some((x) => x.endsWith(`accessibility.${p}`)),
        `${p} in ${paths.join(', ')}`,
      );
    assert.equal(json<Info>(await t.agent().get('/api/public/info')).accessibilityStatus, 'partiel');

    const denied = await manager.patch('/api/organisation', {
      settings: { accessibility: { status: 'total', auditedOn: null, auditor: '', complianceRate: null, plan: [] } },
    });
    assert.equal(denied.statusCode, 403);
  });
});
