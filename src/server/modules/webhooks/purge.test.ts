import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { rows } from '../../db/connection.ts';
import { purgeWebhookLogs } from './service.ts';

/**
 * The `webhooks-purge` job (webhooks README, "Delivery log"): finished
 * deliveries older than the log's days go with their attempts and events;
 * pending ones, recent ones and the overdue scan's memory of loans still out
 * stay. Rows are written as the owner with the ages the cases need.
 */

let t: TestDatabase;
let org: string;
let endpoint: string;
const NOW = new Date('2026-11-29T02:37:00Z');
const OLD = '2026-07-01T10:00:00Z'; // 151 days before NOW
const RECENT = '2026-11-20T10:00:00Z';

async function event(occurredAt: string, extra: { type?: string; data?: object; dedupeKey?: string } = {}) {
  const [row] = await rows<{ id: string }>(
    t.db.owner,
    sql`INSERT INTO webhook_events (organisation_id, type, occurred_at, data, dedupe_key)
        VALUES (${org}, ${extra.type ?? 'asset.status_changed'}, ${occurredAt}::timestamptz,
                ${JSON.stringify(extra.data ?? {})}::jsonb, ${extra.dedupeKey ?? null})
        RETURNING id`,
  );
  return row?.id as string;
}

async function delivery(eventId: string, status: string, createdAt: string, attemptAt: string | null = createdAt) {
  const [row] = await rows<{ id: string }>(
    t.db.owner,
    sql`INSERT INTO webhook_deliveries (organisation_id, event_id, endpoint_id, status, attempts, created_at)
        VALUES (${org}, ${eventId}, ${endpoint}, ${status}, ${attemptAt ? 1 : 0}, ${createdAt}::timestamptz)
        RETURNING id`,
  );
  const id = row?.id as string;
  if (attemptAt)
    await t.db.owner.execute(
      sql`INSERT INTO webhook_attempts (organisation_id, delivery_id, attempt, attempted_at, status_code, duration_ms)
          VALUES (${org}, ${id}, 1, ${attemptAt}::timestamptz, 200, 12)`,
    );
  return id;
}

const exists = async (table: 'webhook_events' | 'webhook_deliveries', id: string) =>
  (await rows(t.db.owner, sql`SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${id}`)).length === 1;
const attemptsOf = async (deliveryId: string) =>
  (await rows(t.db.owner, sql`SELECT 1 FROM webhook_attempts WHERE delivery_id = ${deliveryId}`)).length;

before(async () => {
  t = await createTestDatabase({}, { seed: 'demo+loans' });
  const [o] = await rows<{ id: string }>(t.db.owner, sql`SELECT id FROM organisations ORDER BY created_at LIMIT 1`);
  org = o?.id as string;
  const [e] = await rows<{ id: string }>(
    t.db.owner,
    sql`INSERT INTO webhook_endpoints (organisation_id, url, events, secret_enc)
        VALUES (${org}, 'https://mdm.example.test/hook', ARRAY['asset.status_changed', 'loan.overdue'], 'unused')
        RETURNING id`,
  );
  endpoint = e?.id as string;
});
after(() => t.close());

describe('webhooks-purge', () => {
  it('removes finished deliveries and their attempts and events past the log days; keeps pending, recent and retried ones', async () => {
    const oldDelivered = await event(OLD);
    const d1 = await delivery(oldDelivered, 'delivered', OLD);
    const oldFailed = await event(OLD);
    const d2 = await delivery(oldFailed, 'failed', OLD);
    const oldPending = await event(OLD);
    const d3 = await delivery(oldPending, 'pending', OLD);
    const redelivered = await event(OLD);
    const d4 = await delivery(redelivered, 'delivered', OLD, RECENT); // redelivered by hand last week
    const recent = await event(RECENT);
    const d5 = await delivery(recent, 'delivered', RECENT);
    const noEndpointLeft = await event(OLD); // its endpoint was deleted: no delivery

    const result = await purgeWebhookLogs(t.db, 90, NOW);

    assert.equal(await exists('webhook_deliveries', d1), false);
    assert.equal(await attemptsOf(d1), 0);
    assert.equal(await exists('webhook_events', oldDelivered), false);
    assert.equal(await exists('webhook_deliveries', d2), false);
    assert.equal(await exists('webhook_events', oldFailed), false);
    assert.equal(await exists('webhook_events', noEndpointLeft), false);
    for (const [d, e] of [
      [d3, oldPending],
      [d4, redelivered],
      [d5, recent],
    ] as const) {
      assert.equal(await exists('webhook_deliveries', d), true);
      assert.equal(await exists('webhook_events', e), true);
    }
    assert.equal(await attemptsOf(d4), 1);
    assert.equal(result.deliveries, 2);
    assert.equal(result.events, 3);

    // A second run finds nothing more.
    assert.deepEqual(
      { ...(await purgeWebhookLogs(t.db, 90, NOW)), cutoff: null },
      { deliveries: 0, events: 0, cutoff: null },
    );
  });

  it('keeps the overdue scan’s event of a loan still out with that due date, so it is not sent again', async () => {
    const loans = await rows<{ id: string; status: string; due_date: string }>(
      t.db.owner,
      sql`SELECT id, status, due_date::text AS due_date FROM loans WHERE organisation_id = ${org} ORDER BY id`,
    );
    const out = loans.find((l) => l.status === 'handed_over');
    const back = loans.find((l) => l.status === 'closed');
    if (!out || !back) throw new Error('the demo has no loan handed over and none closed');
    const overdue = (l: { id: string; due_date: string }, dueDate = l.due_date) =>
      event(OLD, {
        type: 'loan.overdue',
        data: { loanId: l.id, dueDate, daysOverdue: 3 },
        dedupeKey: `loan.overdue:${l.id}:${dueDate}`,
      });
    const stillOut = await overdue(out);
    await delivery(stillOut, 'delivered', OLD);
    const extended = await overdue(out, '2026-01-05'); // an earlier due date, since extended
    const returned = await overdue(back);

    await purgeWebhookLogs(t.db, 90, NOW);

    assert.equal(await exists('webhook_events', stillOut), true, 'the loan is still out with that due date');
    assert.equal(await exists('webhook_events', extended), false);
    assert.equal(await exists('webhook_events', returned), false);
  });

  it('needs a positive number of days', () => {
    // The setting is validated when the configuration loads (SOCLE_WEBHOOK_LOG_DAYS ≥ 1).
    return import('../../config.ts').then(({ loadConfig }) => {
      assert.throws(() => loadConfig({ SOCLE_WEBHOOK_LOG_DAYS: '0' }), /SOCLE_WEBHOOK_LOG_DAYS/);
      assert.equal(loadConfig({}).webhooks.logDays, 90);
    });
  });
});
