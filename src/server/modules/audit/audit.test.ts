import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { rows } from '../../db/connection.ts';
import { recordAudit, verifyAuditChain } from './service.ts';

let t: TestApp;
let orgId: string;

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Audit city')).id;
});
after(() => t.close());

const ctx = (organisationId: string) => ({ organisationId, userId: null, actorKind: 'system', requestId: 'req-1' });

describe('audit trail', () => {
  it('writes one event per mutation in the same transaction, and none when it rolls back', async () => {
    const admin = await createUser(t.db, orgId, { roles: ['admin'] });
    const agent = t.agent();
    await agent.login(admin.email, PASSWORD);
    const created = await agent.post('/api/users', {
      email: 'new.teacher@example.org',
      displayName: 'New Teacher',
      roles: ['teacher'],
      password: 'a long enough passphrase',
    });
    assert.equal(created.statusCode, 201);
    const id = json<{ id: string }>(created).id;
    const events = json<{
      items: {
        action: string;
        entityId: string;
        actorUserId: string;
        after: Record<string, unknown>;
        requestId: string;
      }[];
    }>(await agent.get('/api/audit/events', { query: { entityId: id } })).items;
    assert.equal(events.length, 1);
    assert.equal(events[0]?.action, 'user.created');
    assert.equal(events[0]?.actorUserId, admin.id);
    assert.ok(events[0]?.requestId);
    assert.equal(JSON.stringify(events[0]?.after).includes('argon2'), false, 'no password hash in the trail');

    const [before] = await rows<{ n: number }>(t.db.owner, sql`SELECT count(*)::int AS n FROM audit_events`);
    await assert.rejects(
      t.db.withOrg(ctx(orgId), async (scope) => {
        await recordAudit(scope, { action: 'doomed', entityType: 'test' });
        throw new Error('rollback');
      }),
      /rollback/,
    );
    const [afterRollback] = await rows<{ n: number }>(t.db.owner, sql`SELECT count(*)::int AS n FROM audit_events`);
    assert.equal(Number(afterRollback?.n), Number(before?.n));
    assert.equal((await verifyAuditChain(t.db, orgId)).firstBreak, null);
  });

  it('chains events per organisation with consecutive sequence numbers', async () => {
    const other = (await createOrganisation(t.db, 'Other')).id;
    for (let i = 0; i < 5; i++) {
      await t.db.withOrg(ctx(i % 2 ? orgId : other), (scope) =>
        recordAudit(scope, { action: `test.${i}`, entityType: 'test', after: { i, text: 'é"|\\' } }),
      );
    }
    for (const org of [orgId, other]) {
      const found = await rows<{ seq: string | number; prev_hash: string; hash: string }>(
        t.db.owner,
        sql`SELECT seq, prev_hash, hash FROM audit_events WHERE organisation_id = ${org} ORDER BY seq`,
      );
      found.forEach((e, i) => {
        assert.equal(Number(e.seq), i + 1);
        assert.equal(e.prev_hash, i === 0 ? '0'.repeat(64) : found[i - 1]?.hash);
      });
    }
    const report = await verifyAuditChain(t.db);
    assert.equal(report.firstBreak, null);
  });

  it('keeps the chain consistent under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.withOrg(ctx(orgId), (scope) => recordAudit(scope, { action: `concurrent.${i}`, entityType: 'test' })),
      ),
    );
    assert.equal((await verifyAuditChain(t.db, orgId)).firstBreak, null);
  });

  it('is browsed by admins and auditors only, filtered and paginated', async () => {
    const auditor = await createUser(t.db, orgId, { roles: ['auditor'] });
    const manager = await createUser(t.db, orgId, { roles: ['manager'] });
    const a = t.agent();
    await a.login(auditor.email, PASSWORD);
    const page1 = json<{ items: { seq: number }[]; nextBefore: number | null }>(
      await a.get('/api/audit/events', { query: { limit: '3' } }),
    );
    assert.equal(page1.items.length, 3);
    assert.ok(page1.nextBefore);
    const page2 = json<{ items: { seq: number }[] }>(
      await a.get('/api/audit/events', { query: { limit: '3', before: String(page1.nextBefore) } }),
    );
    assert.ok(page2.items.every((e) => e.seq < (page1.items.at(-1)?.seq ?? 0)));
    const filtered = json<{ items: { action: string }[] }>(
      await a.get('/api/audit/events', { query: { action: 'concurrent.3' } }),
    );
    assert.deepEqual(
      filtered.items.map((e) => e.action),
      ['concurrent.3'],
    );
    assert.equal(json<{ ok: boolean }>(await a.get('/api/audit/verify')).ok, true);
    const m = t.agent();
    await m.login(manager.email, PASSWORD);
    assert.equal((await m.get('/api/audit/events')).statusCode, 403);
    assert.equal((await t.agent().get('/api/audit/events')).statusCode, 401);
    assert.equal((await a.get('/api/audit/events', { query: { from: 'yesterday' } })).statusCode, 400);
  });

  it('detects a direct edit, a deletion and a truncation of the chain', async () => {
    const local = await createTestApp();
    try {
      const org = (await createOrganisation(local.db, 'Tamper')).id;
      for (let i = 0; i < 4; i++) {
        await local.db.withOrg(ctx(org), (scope) =>
          recordAudit(scope, { action: `e${i}`, entityType: 'test', after: { i } }),
        );
      }
      assert.equal((await verifyAuditChain(local.db)).firstBreak, null);
      await local.db.owner.execute(
        sql`UPDATE audit_events SET after = '{"i": 99}' WHERE organisation_id = ${org} AND seq = 3`,
      );
      assert.deepEqual((await verifyAuditChain(local.db)).firstBreak, {
        organisationId: org,
        seq: 3,
        reason: 'hash_mismatch',
      });
      await local.db.owner.execute(
        sql`UPDATE audit_events SET after = '{"i": 2}' WHERE organisation_id = ${org} AND seq = 3`,
      );
      assert.equal((await verifyAuditChain(local.db)).firstBreak, null, 'restoring the row restores the chain');
      await local.db.owner.execute(sql`DELETE FROM audit_events WHERE organisation_id = ${org} AND seq = 2`);
      assert.deepEqual((await verifyAuditChain(local.db)).firstBreak, { organisationId: org, seq: 2, reason: 'gap' });
    } finally {
      await local.close();
    }
    const truncated = await createTestApp();
    try {
      const org = (await createOrganisation(truncated.db, 'Truncated')).id;
      for (let i = 0; i < 3; i++) {
        await truncated.db.withOrg(ctx(org), (scope) => recordAudit(scope, { action: `e${i}`, entityType: 'test' }));
      }
      await truncated.db.owner.execute(sql`DELETE FROM audit_events WHERE organisation_id = ${org} AND seq = 3`);
      assert.equal((await verifyAuditChain(truncated.db)).firstBreak?.reason, 'head_mismatch');
    } finally {
      await truncated.close();
    }
  });
});

describe('socle audit verify (CLI)', () => {
  it('passes on an intact chain and fails (exit 1) after a direct edit of one row', { timeout: 120_000 }, async () => {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      SOCLE_DEMO: '0',
      LOG_LEVEL: 'silent',
    };
    let dir: string | null = null;
    if (t.url) {
      env.DATABASE_URL = t.url;
    } else {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-cli-audit-'));
      env.SOCLE_DATA_DIR = dir;
      env.SOCLE_ADMIN_EMAIL = 'cli-admin@example.org';
      env.SOCLE_ADMIN_PASSWORD = 'cli admin passphrase';
      env.SOCLE_ORGANISATION_NAME = 'CLI city';
    }
    const socle = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/socle.mjs', ...args], {
        env,
        encoding: 'utf8',
        cwd: path.resolve(import.meta.dirname, '../../../..'),
      });
    try {
      if (dir) assert.equal(socle('bootstrap').status, 0);
      const ok = socle('audit', 'verify');
      assert.equal(ok.status, 0, ok.stderr + ok.stdout);
      assert.match(ok.stdout, /intact/);
      // Tamper with one row directly in the database.
      if (t.url) {
        await t.db.owner.execute(sql`UPDATE audit_events SET action = 'forged' WHERE seq = 1`);
      } else {
        const { PGlite } = await import('@electric-sql/pglite');
        const pg = new PGlite(path.join(dir as string, 'pglite'));
        await pg.query(`UPDATE audit_events SET action = 'forged' WHERE seq = 1`);
        await pg.close();
      }
      const broken = socle('audit', 'verify', '--json');
      assert.equal(broken.status, 1, broken.stderr + broken.stdout);
      const report = JSON.parse(broken.stdout) as { ok: boolean; firstBreak: { seq: number; reason: string } };
      assert.equal(report.ok, false);
      assert.equal(report.firstBreak.seq, 1);
      assert.equal(report.firstBreak.reason, 'hash_mismatch');
    } finally {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
