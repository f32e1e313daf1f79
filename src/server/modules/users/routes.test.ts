import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';

let t: TestApp;
let orgId: string;
let otherOrgId: string;
const agents = new Map<Role, ReturnType<TestApp['agent']>>();
let schoolId: string;
let foreignUserId: string;

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Ville A')).id;
  otherOrgId = (await createOrganisation(t.db, 'Ville B')).id;
  schoolId = (await createSchool(t.db, orgId, 7200101)).id;
  foreignUserId = (await createUser(t.db, otherOrgId, { roles: ['teacher'] })).id;
  for (const role of ROLES) {
    const user = await createUser(t.db, orgId, {
      roles: [role],
      schoolIds: ['director', 'teacher', 'periscolaire'].includes(role) ? [schoolId] : [],
    });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    agents.set(role, agent);
  }
});
after(() => t.close());

const as = (role: Role) => agents.get(role) as ReturnType<TestApp['agent']>;

describe('users: access matrix', () => {
  it('lists users for admin, manager and auditor only; 401 anonymous', async () => {
    for (const role of ROLES) {
      const expected = ['admin', 'manager', 'auditor'].includes(role) ? 200 : 403;
      assert.equal((await as(role).get('/api/users')).statusCode, expected, role);
    }
    assert.equal((await t.agent().get('/api/users')).statusCode, 401);
  });

  it('lets only admins create users', async () => {
    for (const role of ROLES) {
      const r = await as(role).post('/api/users', {
        email: `made-by-${role}@example.org`,
        displayName: 'X',
        roles: ['teacher'],
      });
      assert.equal(r.statusCode, role === 'admin' ? 201 : 403, role);
    }
  });

  it('answers 404 for a user of another organisation (not yours = not found)', async () => {
    assert.equal((await as('admin').get(`/api/users/${foreignUserId}`)).statusCode, 404);
    assert.equal((await as('admin').patch(`/api/users/${foreignUserId}`, { displayName: 'pwned' })).statusCode, 404);
    assert.equal(
      (await as('admin').post(`/api/users/${foreignUserId}/password`, { password: 'a new long passphrase' }))
        .statusCode,
      404,
    );
  });

  it('answers 400 naming the bad fields', async () => {
    const r = await as('admin').post('/api/users', {
      email: 'nope',
      displayName: '',
      roles: ['emperor'],
      shoeSize: 44,
    });
    assert.equal(r.statusCode, 400);
    const paths = json<{ errors: { path: string }[] }>(r).errors.map((e) => e.path);
    for (const p of ['body.email', 'body.displayName', 'body.roles.0'])
      assert.ok(paths.includes(p), `${p} in ${paths.join()}`);
    assert.equal((await as('admin').get('/api/users/not-a-uuid')).statusCode, 400);
    assert.equal((await as('admin').get('/api/users', { query: { limit: '100000' } })).statusCode, 400);
  });
});

describe('users: management', () => {
  it('creates a user with schools, refuses a duplicate e-mail and a weak password', async () => {
    const admin = as('admin');
    const created = await admin.post('/api/users', {
      email: 'Directrice.Nouvelle@Example.org',
      displayName: 'Directrice Nouvelle',
      roles: ['director'],
      schoolIds: [schoolId],
      password: 'une phrase de passe solide',
    });
    assert.equal(created.statusCode, 201);
    const user = json<{
      id: string;
      email: string;
      schools: { id: string }[];
      hasPassword: boolean;
      can: { update: boolean };
    }>(created);
    assert.equal(user.email, 'directrice.nouvelle@example.org');
    assert.deepEqual(
      user.schools.map((s) => s.id),
      [schoolId],
    );
    assert.equal(user.hasPassword, true);
    assert.equal(user.can.update, true);
    const dup = await admin.post('/api/users', {
      email: 'directrice.nouvelle@example.org',
      displayName: 'Dup',
      roles: ['teacher'],
    });
    assert.equal(dup.statusCode, 409);
    assert.equal(json<{ code: string }>(dup).code, 'EMAIL_TAKEN');
    const weak = await admin.post('/api/users', {
      email: 'weak@example.org',
      displayName: 'Weak',
      roles: ['teacher'],
      password: 'abc',
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(json<{ errors: { code: string }[] }>(weak).errors[0]?.code, 'password_too_short');
    const foreignSchool = (await createSchool(t.db, otherOrgId, 7200102)).id;
    const cross = await admin.post('/api/users', {
      email: 'cross@example.org',
      displayName: 'Cross',
      roles: ['teacher'],
      schoolIds: [foreignSchool],
    });
    assert.equal(cross.statusCode, 400, 'a school of another organisation is unknown');
    // The new account signs in.
    await t.agent().login('directrice.nouvelle@example.org', 'une phrase de passe solide');
  });

  it('a manager sees users but no ability to change them', async () => {
    const list = json<{ items: { can: { update: boolean } }[]; total: number }>(await as('manager').get('/api/users'));
    assert.ok(list.total >= ROLES.length);
    assert.ok(list.items.every((u) => u.can.update === false));
  });

  it('searches, filters and paginates', async () => {
    const admin = as('admin');
    const byRole = json<{ items: { roles: string[] }[] }>(
      await admin.get('/api/users', { query: { role: 'auditor' } }),
    );
    assert.ok(byRole.items.length >= 1 && byRole.items.every((u) => u.roles.includes('auditor')));
    const page = json<{ items: unknown[]; total: number }>(
      await admin.get('/api/users', { query: { limit: '2', offset: '1' } }),
    );
    assert.equal(page.items.length, 2);
    const search = json<{ items: { email: string }[] }>(
      await admin.get('/api/users', { query: { q: 'directrice.nouvelle' } }),
    );
    assert.deepEqual(
      search.items.map((u) => u.email),
      ['directrice.nouvelle@example.org'],
    );
    const none = json<{ items: unknown[] }>(await admin.get('/api/users', { query: { q: '%' } }));
    assert.equal(none.items.length, 0, 'LIKE wildcards are escaped');
  });

  it('updates roles, schools and activity; deactivation signs the user out', async () => {
    const admin = as('admin');
    const target = await createUser(t.db, orgId, { roles: ['teacher'] });
    const session = t.agent();
    await session.login(target.email, PASSWORD);
    const updated = await admin.patch(`/api/users/${target.id}`, {
      roles: ['teacher', 'periscolaire'],
      schoolIds: [schoolId],
    });
    assert.equal(updated.statusCode, 200);
    assert.deepEqual(json<{ roles: string[] }>(updated).roles, ['teacher', 'periscolaire']);
    const me = json<{ schools: { id: string }[] }>(await session.get('/api/auth/me'));
    assert.deepEqual(
      me.schools.map((s) => s.id),
      [schoolId],
    );
    assert.equal((await admin.patch(`/api/users/${target.id}`, { active: false })).statusCode, 200);
    assert.equal((await session.get('/api/auth/me')).statusCode, 401);
    assert.equal((await admin.patch(`/api/users/${target.id}`, {})).statusCode, 200, 'an empty patch changes nothing');
  });

  it('keeps at least one active admin', async () => {
    const local = await createTestApp();
    try {
      const org = (await createOrganisation(local.db)).id;
      const admin = await createUser(local.db, org, { roles: ['admin'] });
      const agent = local.agent();
      await agent.login(admin.email, PASSWORD);
      const demote = await agent.patch(`/api/users/${admin.id}`, { roles: ['manager'] });
      assert.equal(demote.statusCode, 409);
      const deactivate = await agent.patch(`/api/users/${admin.id}`, { active: false });
      assert.equal(deactivate.statusCode, 409);
    } finally {
      await local.close();
    }
  });

  it('sets a password and ends that user’s sessions', async () => {
    const target = await createUser(t.db, orgId, { roles: ['finance'] });
    const session = t.agent();
    await session.login(target.email, PASSWORD);
    const r = await as('admin').post(`/api/users/${target.id}/password`, { password: 'temporary passphrase 2026' });
    assert.equal(r.statusCode, 204);
    assert.equal((await session.get('/api/auth/me')).statusCode, 401);
    await t.agent().login(target.email, 'temporary passphrase 2026');
  });
});

describe('schools list', () => {
  it('shows a director only their schools, a manager all', async () => {
    await createSchool(t.db, orgId, 7200103);
    const director = json<{ items: { id: string }[]; total: number }>(await as('director').get('/api/schools'));
    assert.deepEqual(
      director.items.map((s) => s.id),
      [schoolId],
    );
    assert.equal(director.total, 1);
    const manager = json<{ items: { id: string }[] }>(await as('manager').get('/api/schools'));
    assert.ok(manager.items.length >= 2);
  });
});
