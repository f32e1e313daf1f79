import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';

let t: TestApp;
let orgId: string;

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Ville IdP')).id;
});
after(() => t.close());

const VALID = {
  name: 'Keycloak de la ville',
  issuer: 'https://sso.ville.example/realms/agents',
  clientId: 'socle',
  clientSecret: 's3cret-value-of-the-client',
};

async function agentWith(role: 'admin' | 'manager' | 'teacher', org = orgId) {
  const user = await createUser(t.db, org, { roles: [role] });
  const agent = t.agent();
  await agent.login(user.email, PASSWORD);
  return agent;
}

describe('identity provider administration', () => {
  it('401 without a session, 403 for a non-admin', async () => {
    assert.equal((await t.agent().get('/api/identity/providers')).statusCode, 401);
    const manager = await agentWith('manager');
    assert.equal((await manager.get('/api/identity/providers')).statusCode, 403);
    assert.equal((await manager.post('/api/identity/providers', VALID)).statusCode, 403);
    assert.equal((await manager.put('/api/identity/settings', { passwordLogin: false })).statusCode, 403);
  });

  it('creates with defaults, lists, reads, updates (secret kept, replaced, removed), deletes; audited without the secret', async () => {
    const admin = await agentWith('admin');
    const created = await admin.post('/api/identity/providers', VALID);
    assert.equal(created.statusCode, 201, created.body);
    const p = json<{ id: string; scopes: string; groupsClaim: string; hasClientSecret: boolean; redirectUri: string }>(
      created,
    );
    assert.equal(p.scopes, 'openid email profile');
    assert.equal(p.groupsClaim, 'groups');
    assert.equal(p.hasClientSecret, true);
    assert.match(p.redirectUri, /\/api\/auth\/oidc\/callback$/);
    assert.ok(!created.body.includes(VALID.clientSecret));

    const list = json<{ id: string }[]>(await admin.get('/api/identity/providers'));
    assert.deepEqual(
      list.map((x) => x.id),
      [p.id],
    );

    const renamed = await admin.patch(`/api/identity/providers/${p.id}`, {
      name: 'Annuaire',
      groupsClaim: 'realm_access.roles',
    });
    assert.equal(renamed.statusCode, 200);
    assert.equal(json<{ hasClientSecret: boolean }>(renamed).hasClientSecret, true, 'absent secret is kept');
    const removed = await admin.patch(`/api/identity/providers/${p.id}`, { clientSecret: null });
    assert.equal(json<{ hasClientSecret: boolean }>(removed).hasClientSecret, false);

    const audit = await admin.get('/api/audit/events', { query: { entityType: 'identity_provider' } });
    assert.equal(audit.statusCode, 200);
    assert.ok(audit.body.includes('identity.provider_updated'));
    assert.ok(!audit.body.includes(VALID.clientSecret));

    assert.equal((await admin.delete(`/api/identity/providers/${p.id}`)).statusCode, 204);
    assert.equal((await admin.get(`/api/identity/providers/${p.id}`)).statusCode, 404);
  });

  it('names each bad field (400): http issuer off loopback, scopes without openid, bad UAI, unknown role', async () => {
    const admin = await agentWith('admin');
    const http = await admin.post('/api/identity/providers', {
      ...VALID,
      name: 'x1',
      issuer: 'http://sso.ville.example',
    });
    assert.equal(http.statusCode, 400);
    assert.equal(json<{ errors: { path: string }[] }>(http).errors[0]?.path, 'body.issuer');
    const bad = await admin.post('/api/identity/providers', {
      ...VALID,
      name: 'x2',
      scopes: 'email profile',
      schoolMappings: [{ group: 'g', uai: 'nope' }],
      roleMappings: [{ group: 'g', role: 'king' }],
    });
    assert.equal(bad.statusCode, 400);
    const paths = json<{ errors: { path: string }[] }>(bad).errors.map((e) => e.path);
    for (const path of ['body.scopes', 'body.schoolMappings.0.uai', 'body.roleMappings.0.role']) {
      assert.ok(paths.includes(path), `${path} in ${paths.join()}`);
    }
  });

  it('refuses a duplicate name (409) and hides other organisations’ providers (404)', async () => {
    const admin = await agentWith('admin');
    const created = json<{ id: string }>(await admin.post('/api/identity/providers', { ...VALID, name: 'Unique' }));
    assert.equal((await admin.post('/api/identity/providers', { ...VALID, name: 'unique' })).statusCode, 409);
    const otherOrg = (await createOrganisation(t.db, 'Ville B')).id;
    const stranger = await agentWith('admin', otherOrg);
    assert.equal((await stranger.get(`/api/identity/providers/${created.id}`)).statusCode, 404);
    assert.equal((await stranger.patch(`/api/identity/providers/${created.id}`, { enabled: false })).statusCode, 404);
    assert.equal((await stranger.delete(`/api/identity/providers/${created.id}`)).statusCode, 404);
  });

  it('starting with an unknown or disabled provider is a 404', async () => {
    const admin = await agentWith('admin');
    const created = json<{ id: string }>(
      await admin.post('/api/identity/providers', { ...VALID, name: 'Disabled', enabled: false }),
    );
    assert.equal((await t.agent().get(`/api/auth/oidc/${created.id}/start`)).statusCode, 404);
    assert.equal((await t.agent().get('/api/auth/oidc/00000000-0000-4000-8000-000000000000/start')).statusCode, 404);
    const list = json<{ id: string }[]>(await t.agent().get('/api/auth/oidc/providers'));
    assert.ok(!list.some((p) => p.id === created.id));
  });

  it('reads the sign-in settings (password sign-in on by default)', async () => {
    const admin = await agentWith('admin');
    assert.deepEqual(json(await admin.get('/api/identity/settings')), { passwordLogin: true });
  });
});
