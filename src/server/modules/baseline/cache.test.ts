import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation } from '../../../../test/helpers/factories.ts';
import { rows } from '../../db/connection.ts';
import type { Actor } from '../auth/actor.ts';
import { dataVersion, forgetAll } from './cache.ts';
import { evaluate } from './service.ts';

/**
 * The socle's results kept between reads (cache.ts, migration 0025): exact
 * because every committed change to a table the socle reads increments the
 * organisation's data version. These tests prove the counter moves when it
 * must and only then, and that reads follow it.
 */

/** The tables the socle is computed from (facts.ts, its prices and the grid). */
const TABLES = [
  'schools',
  'school_years',
  'classes',
  'assets',
  'asset_models',
  'asset_categories',
  'school_networks',
  'school_subscriptions',
  'digital_services',
  'baseline_grids',
  'baseline_overrides',
  'training_sessions',
  'training_registrations',
];

let t: TestApp;
let orgId: string;
let manager: Actor;

const ctx = () => ({ organisationId: orgId, userId: null, actorKind: 'system', requestId: null });
const version = (organisationId = orgId) =>
  t.db.withOrg({ ...ctx(), organisationId }, (scope) => dataVersion(scope)).then(Number);

before(async () => {
  t = await createTestApp({}, { seed: 'demo' });
  const [org] = await rows<{ id: string; slug: string; name: string }>(
    t.db.owner,
    sql`SELECT id, slug, name FROM organisations ORDER BY created_at LIMIT 1`,
  );
  if (!org) throw new Error('no demo organisation');
  orgId = org.id;
  manager = {
    userId: '00000000-0000-4000-8000-000000000000',
    organisationId: org.id,
    email: 'manager@example.test',
    displayName: 'Manager',
    locale: 'fr',
    roles: ['manager'],
    organisation: org,
    schools: [],
    schoolIds: [],
    via: 'session',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
  };
});
after(() => t.close());

describe('the data version', () => {
  it('every table the socle reads carries the trigger that increments it', async () => {
    const found = await rows<{ table: string }>(
      t.db.owner,
      sql`SELECT c.relname AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
           WHERE g.tgname = 'baseline_changed' AND NOT g.tgisinternal ORDER BY 1`,
    );
    assert.deepEqual(
      found.map((r) => r.table),
      [...TABLES].sort(),
    );
  });

  it('a committed change to any of those tables increments it, once per transaction, for its organisation only', async () => {
    const other = await createOrganisation(t.db, 'Autre ville');
    const otherBefore = await version(other.id);
    let changed = 0;
    for (const table of TABLES) {
      const [present] = await rows<{ n: number }>(
        t.db.owner,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE organisation_id = ${orgId}`,
      );
      if (!present?.n) continue; // the demo has no grid and no override: the API tests change those
      const v = await version();
      // As the owner (imports, jobs): no organisation setting needed, the row names its organisation.
      await t.db.owner.execute(
        sql`UPDATE ${sql.identifier(table)} SET organisation_id = organisation_id
             WHERE ctid = (SELECT ctid FROM ${sql.identifier(table)} WHERE organisation_id = ${orgId} LIMIT 1)`,
      );
      assert.equal(await version(), v + 1, table);
      changed += 1;
    }
    assert.ok(changed >= 11, `${changed} tables changed`);

    // Many rows of several tables in one transaction: one increment.
    const v = await version();
    await t.db.system(async (tx) => {
      await tx.execute(sql`UPDATE assets SET notes = notes WHERE organisation_id = ${orgId}`);
      await tx.execute(sql`UPDATE classes SET name = name WHERE organisation_id = ${orgId}`);
    });
    assert.equal(await version(), v + 1);

    // Rolled back: unchanged.
    await assert.rejects(
      t.db.system(async (tx) => {
        await tx.execute(sql`UPDATE assets SET notes = notes WHERE organisation_id = ${orgId}`);
        throw new Error('rollback');
      }),
      /rollback/,
    );
    assert.equal(await version(), v + 1);
    assert.equal(await version(other.id), otherBefore);
  });

  it('a change elsewhere (a helpdesk ticket, a session) leaves it as it was', async () => {
    const v = await version();
    const [school] = await rows<{ id: string }>(
      t.db.owner,
      sql`SELECT id FROM schools WHERE organisation_id = ${orgId} LIMIT 1`,
    );
    const [user] = await rows<{ id: string }>(
      t.db.owner,
      sql`SELECT id FROM users WHERE organisation_id = ${orgId} LIMIT 1`,
    );
    await t.db.withOrg(ctx(), (scope) =>
      scope.tx.execute(
        sql`INSERT INTO helpdesk_tickets (organisation_id, school_id, category, title, opened_by)
            VALUES (${orgId}, ${school?.id}, 'request', 'Imprimante', ${user?.id})`,
      ),
    );
    assert.equal(await version(), v);
  });
});

describe('reads', () => {
  it('the whole organisation is computed once while nothing changes, recomputed after a change, and a few schools come from it', async () => {
    forgetAll();
    const first = await t.db.withOrg(ctx(), (scope) => evaluate(scope, manager));
    const second = await t.db.withOrg(ctx(), (scope) => evaluate(scope, manager));
    assert.equal(second, first, 'served from memory');

    const one = first.results.find((r) => r.result.inScope && r.facts.classDevices.length > 0);
    if (!one) throw new Error('no demo school with class devices');
    const alone = await t.db.withOrg(ctx(), (scope) => evaluate(scope, manager, [one.facts.school.id]));
    assert.equal(alone.results.length, 1);
    assert.equal(alone.results[0], one, 'the same result object as in the whole organisation');

    // Retire every class device of that school: the next read recomputes and sees it.
    await t.db.owner.execute(
      sql`UPDATE assets SET status = 'retired', school_id = NULL, room_id = NULL, class_id = NULL, cart_id = NULL
           WHERE id IN (${sql.join(
             one.facts.classDevices.map((d) => sql`${d.id}::uuid`),
             sql`, `,
           )})`,
    );
    const third = await t.db.withOrg(ctx(), (scope) => evaluate(scope, manager));
    assert.notEqual(third, first);
    const now = third.results.find((r) => r.facts.school.id === one.facts.school.id);
    assert.equal(now?.facts.classDevices.length, 0);
    assert.equal(now?.result.atSocle, false);

    // Computed alone when no current entry exists, with the same result as within the whole.
    forgetAll();
    const fresh = await t.db.withOrg(ctx(), (scope) => evaluate(scope, manager, [one.facts.school.id]));
    const whole = await t.db.withOrg(ctx(), (scope) => evaluate(scope, manager));
    assert.deepEqual(
      fresh.results[0],
      whole.results.find((r) => r.facts.school.id === one.facts.school.id),
    );
  });

  it('through the API, the compliance table follows a change made through the API', async () => {
    const agent = t.agent();
    const account = t.demoAccounts.find((a) => a.role === 'manager');
    if (!account) throw new Error('no demo manager');
    await agent.login(account.email, account.password);
    const before = json<{ schools: { id: string; inScope: boolean; atSocle: boolean }[] }>(
      await agent.get('/api/baseline/compliance'),
    );
    const again = json<{ schools: { id: string; inScope: boolean; atSocle: boolean }[] }>(
      await agent.get('/api/baseline/compliance'),
    );
    assert.deepEqual(again, before);
    const target = before.schools.find((s) => s.inScope && s.atSocle);
    if (!target) throw new Error('no school at the socle in the demo');
    const detail = json<{ classes: { criteria: { key: string; evidence: { assets: { id: string }[] } }[] }[] }>(
      await agent.get(`/api/baseline/schools/${target.id}`),
    );
    const asset = detail.classes.flatMap((c) => c.criteria.flatMap((k) => k.evidence.assets))[0];
    if (!asset) throw new Error('no evidence asset');
    const current = json<{ version: number }>(await agent.get(`/api/assets/${asset.id}`));
    const moved = await agent.post(`/api/assets/${asset.id}/transition`, {
      to: 'in_repair',
      version: current.version,
      note: 'Lampe grillée',
    });
    assert.equal(moved.statusCode, 200, moved.body);
    const after = json<{ schools: { id: string; inScope: boolean; atSocle: boolean }[] }>(
      await agent.get('/api/baseline/compliance'),
    );
    assert.equal(after.schools.find((s) => s.id === target.id)?.atSocle, false);
  });
});
