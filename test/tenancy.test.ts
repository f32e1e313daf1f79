import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../src/server/db/connection.ts';
import { auditEvents, schools, users } from '../src/server/db/schema.ts';
import { recordAudit } from '../src/server/modules/audit/service.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';
import { createOrganisation, createSchool, createUser } from './helpers/factories.ts';

/**
 * Row-level security, proven on the real engine: the application role sees
 * nothing without an organisation, and one organisation never sees
 * another's rows, even through queries that forgot their filter.
 */

const BUSINESS_TABLES = ['organisations', 'schools', 'users', 'user_schools', 'sessions', 'api_tokens', 'audit_events'];

let t: TestDatabase;
let a: string;
let b: string;

before(async () => {
  t = await createTestDatabase();
  a = (await createOrganisation(t.db, 'A')).id;
  b = (await createOrganisation(t.db, 'B')).id;
  for (const org of [a, b]) {
    const school = await createSchool(t.db, org, org === a ? 7200001 : 7200002);
    await createUser(t.db, org, { roles: ['director'], schoolIds: [school.id] });
    await t.db.withOrg({ organisationId: org, userId: null, actorKind: 'system', requestId: null }, (scope) =>
      recordAudit(scope, { action: 'test.event', entityType: 'test' }),
    );
  }
  await t.db.owner.execute(sql`
    INSERT INTO sessions (organisation_id, user_id, token_hash, csrf_token, idle_expires_at, absolute_expires_at)
    SELECT organisation_id, id, md5(random()::text), 'x', now() + interval '1 hour', now() + interval '1 hour' FROM users`);
  await t.db.owner.execute(sql`
    INSERT INTO api_tokens (organisation_id, user_id, name, token_hash, token_prefix)
    SELECT organisation_id, id, 'tok', md5(random()::text), 'socle_pat_x' FROM users`);
});
after(() => t.close());

/** Drizzle wraps driver errors: match the message of the error or of its cause. */
async function rejectsMatching(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: Error & { cause?: Error }) => {
    assert.match(`${error.message} ${error.cause?.message ?? ''}`, pattern);
    return true;
  });
}

const ctx = (organisationId: string) => ({ organisationId, userId: null, actorKind: 'system', requestId: null });

describe('row-level security', () => {
  it('every business table has RLS enabled and forced', async () => {
    const found = await rows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      t.db.owner,
      sql`SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );
    for (const table of [...BUSINESS_TABLES, 'audit_heads']) {
      const row = found.find((r) => r.relname === table);
      assert.ok(row, `${table} exists`);
      assert.equal(row.relrowsecurity, true, `${table} has RLS enabled`);
      assert.equal(row.relforcerowsecurity, true, `${table} has RLS forced`);
    }
    // Every table with an organisation_id column is covered.
    const tenantTables = await rows<{ table_name: string }>(
      t.db.owner,
      sql`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organisation_id'`,
    );
    for (const { table_name } of tenantTables) {
      assert.equal(found.find((r) => r.relname === table_name)?.relforcerowsecurity, true, `${table_name} forced RLS`);
    }
  });

  it('the application role cannot bypass RLS and owns nothing', async () => {
    const [role] = await rows<{ rolsuper: boolean; rolbypassrls: boolean }>(
      t.db.owner,
      sql`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'socle_app'`,
    );
    assert.deepEqual(role, { rolsuper: false, rolbypassrls: false });
    const owned = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = 'socle_app')`,
    );
    assert.equal(Number(owned[0]?.n), 0);
  });

  it('with no organisation set, business tables return no rows', async () => {
    await t.db.asApp(async (tx) => {
      const [me] = await rows<{ current_user: string }>(tx, sql`SELECT current_user`);
      assert.equal(me?.current_user, 'socle_app');
      for (const table of BUSINESS_TABLES) {
        const [r] = await rows<{ n: number }>(tx, sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
        assert.equal(Number(r?.n), 0, `${table} returns nothing without an organisation`);
      }
    });
  });

  it('organisation B never sees A’s rows, even through a query without a filter', async () => {
    for (const [mine, theirs] of [
      [a, b],
      [b, a],
    ] as const) {
      await t.db.withOrg(ctx(mine), async ({ tx }) => {
        for (const table of BUSINESS_TABLES) {
          const column = table === 'organisations' ? 'id' : 'organisation_id';
          const found = await rows<{ org: string }>(
            tx,
            sql.raw(`SELECT DISTINCT ${column}::text AS org FROM ${table}`),
          );
          assert.ok(found.length > 0, `${table} has rows of its own organisation`);
          assert.deepEqual(
            found.map((r) => r.org),
            [mine],
            `${table} shows only its organisation`,
          );
        }
        // The ORM without a where clause is no different.
        const everyone = await tx.select().from(users);
        assert.ok(everyone.every((u) => u.organisationId === mine));
        assert.ok(!everyone.some((u) => u.organisationId === theirs));
      });
    }
  });

  it('cannot write rows into another organisation, nor move rows to it', async () => {
    await rejectsMatching(
      t.db.withOrg(ctx(a), ({ tx }) =>
        tx.insert(schools).values({ organisationId: b, uai: '0720003H', name: 'Intruse', kind: 'elementaire' }),
      ),
      /row-level security|violates/i,
    );
    await rejectsMatching(
      t.db.withOrg(ctx(a), ({ tx }) => tx.update(schools).set({ organisationId: b })),
      /row-level security|violates/i,
    );
    // An UPDATE or DELETE aimed at B's rows from A touches nothing.
    const touched = await t.db.withOrg(ctx(a), ({ tx }) =>
      tx.update(users).set({ displayName: 'pwned' }).where(sql`${users.organisationId} = ${b}`).returning(),
    );
    assert.equal(touched.length, 0);
  });

  it('the audit trail is append-only for the application role', async () => {
    await rejectsMatching(
      t.db.withOrg(ctx(a), ({ tx }) => tx.update(auditEvents).set({ action: 'forged' })),
      /permission denied/i,
    );
    await rejectsMatching(
      t.db.withOrg(ctx(a), ({ tx }) => tx.delete(auditEvents)),
      /permission denied/i,
    );
    await rejectsMatching(
      t.db.withOrg(ctx(a), ({ tx }) => tx.execute(sql`UPDATE audit_heads SET seq = 0`)),
      /permission denied/i,
    );
  });

  it('rejects an organisation id that is not a uuid', async () => {
    await assert.rejects(
      t.db.withOrg(ctx("x'; DROP TABLE users; --"), async () => 1),
      /not a uuid/,
    );
  });
});
