import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { createOrganisation, createSchool } from '../../../../test/helpers/factories.ts';
import { schools } from '../../db/schema.ts';
import { generateDemoServices } from './demo.ts';
import { activeSubscriptionsBySchool } from './service.ts';

/** The demo's services: deterministic gaps the socle numérique can find. */

let t: TestDatabase;
let orgId: string;
const elementary: string[] = [];
let maternelle: string;

before(async () => {
  t = await createTestDatabase();
  orgId = (await createOrganisation(t.db, 'Ville du Mans')).id;
  for (let i = 0; i < 35; i++) elementary.push((await createSchool(t.db, orgId, 720_100 + i)).id);
  maternelle = (await createSchool(t.db, orgId, 720_200, 'École maternelle')).id;
  await t.db.owner.update(schools).set({ kind: 'maternelle' }).where(eq(schools.id, maternelle));
  await t.db.withOrg({ organisationId: orgId, userId: null, actorKind: 'system', requestId: null }, (scope) =>
    generateDemoServices(scope),
  );
});
after(() => t.close());

describe('demo services', () => {
  it('ENT for all but 4 écoles élémentaires, resources for all but 5, nothing for the maternelle', async () => {
    const active = await t.db.withOrg(
      { organisationId: orgId, userId: null, actorKind: 'system', requestId: null },
      (scope) => activeSubscriptionsBySchool(scope, '2024-01-15'),
    );
    const without = (kind: string) =>
      elementary.filter((id) => !(active.get(id) ?? []).some((s) => s.kind === kind)).length;
    assert.equal(without('ent'), 4);
    assert.equal(without('resources'), 5);
    assert.equal(without('filtering'), 0);
    assert.equal(active.has(maternelle), false);
    // Before the first wave, nothing.
    const early = await t.db.withOrg(
      { organisationId: orgId, userId: null, actorKind: 'system', requestId: null },
      (scope) => activeSubscriptionsBySchool(scope, '2020-08-31'),
    );
    assert.equal(early.size, 0);
  });
});
