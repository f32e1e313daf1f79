import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { createOrganisation, createSchool } from '../../../../test/helpers/factories.ts';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import type { Scope } from '../../db/connection.ts';
import { classes, schools } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { generateDemoTraining } from './demo.ts';
import { trainedTeachersReport } from './indicators.ts';

/** The demo's training: real attendance meets the socle's threshold, but for two élémentaires. */

let t: TestDatabase;
let orgId: string;
const actor = { roles: ['manager'], schoolIds: [], userId: '00000000-0000-4000-8000-000000000000' } as unknown as Actor;
const inOrg = <T>(fn: (scope: Scope) => Promise<T>) =>
  t.db.withOrg({ organisationId: orgId, userId: null, actorKind: 'system', requestId: null }, fn);

before(async () => {
  t = await createTestDatabase();
  orgId = (await createOrganisation(t.db, 'Ville du Mans')).id;
  const year = currentSchoolYear();
  for (let i = 0; i < 20; i++) {
    const s = await createSchool(t.db, orgId, 720_100 + i);
    await t.db.owner
      .insert(classes)
      .values(
        Array.from({ length: 4 + (i % 5) }, (_, k) => ({ organisationId: orgId, schoolId: s.id, year, name: `C${k}` })),
      );
  }
  const m = await createSchool(t.db, orgId, 720_200, 'École maternelle');
  await t.db.owner.update(schools).set({ kind: 'maternelle' }).where(eq(schools.id, m.id));
});
after(() => t.close());

describe('demo training', () => {
  it('trains at least half of the teachers of every élémentaire but the 5th and 16th; idempotent', async () => {
    const first = await inOrg((scope) => generateDemoTraining(scope));
    assert.ok(first.sessions > 0 && first.trainees > 0);
    assert.deepEqual(await inOrg((scope) => generateDemoTraining(scope)), { sessions: 0, trainees: 0 });
    const report = await inOrg((scope) => trainedTeachersReport(scope, actor));
    const elementary = report.schools.filter((s) => s.name !== 'École maternelle');
    const under = elementary.filter((s) => (s.shareBp ?? 0) < 5_000);
    assert.equal(under.length, 2);
    assert.ok(
      under.every((s) => s.trained > 0),
      'partly, not missing',
    );
    assert.equal(report.schools.find((s) => s.name === 'École maternelle')?.trained, 0);
  });
});
