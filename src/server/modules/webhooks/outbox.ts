import { sql } from 'drizzle-orm';
import { rows, type Scope } from '../../db/connection.ts';
import { type AuditLike, eventsForAudit, type WebhookEventType } from './rules.ts';

/**
 * The transactional outbox. An event is written in the transaction of the
 * change it reports, with one pending delivery per enabled endpoint
 * subscribed to its type — or not at all when no endpoint wants it (the
 * common case costs one indexed lookup). The deliveries are posted by the
 * `webhooks-deliver` jobs once the transaction has committed (jobs.ts,
 * service.ts): a rolled-back change sends nothing.
 *
 * Endpoints are matched on the organisation explicitly, not only through
 * RLS: a caller running as the owner must not reach another city's.
 *
 * This file imports nothing that imports the audit service, which calls it.
 */

export async function emitEvent(
  scope: Scope,
  type: WebhookEventType,
  data: Record<string, unknown>,
  dedupeKey: string | null = null,
): Promise<number> {
  const found = await rows<{ n: number | string }>(
    scope.tx,
    sql`WITH ev AS (
          INSERT INTO webhook_events (organisation_id, type, data, dedupe_key)
          SELECT ${scope.organisationId}, ${type}, ${JSON.stringify(data)}::jsonb, ${dedupeKey}
           WHERE EXISTS (SELECT 1 FROM webhook_endpoints
                          WHERE organisation_id = ${scope.organisationId} AND enabled AND ${type} = ANY(events))
          ON CONFLICT (organisation_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
          RETURNING id, organisation_id, type),
        d AS (
          INSERT INTO webhook_deliveries (organisation_id, event_id, endpoint_id)
          SELECT ev.organisation_id, ev.id, e.id
            FROM ev JOIN webhook_endpoints e
              ON e.organisation_id = ev.organisation_id AND e.enabled AND ev.type = ANY(e.events)
          RETURNING 1)
        SELECT count(*) AS n FROM d`,
  );
  return Number(found[0]?.n ?? 0);
}

/** Called by `recordAudit`: the webhook events this audit event stands for. */
export async function emitFromAudit(scope: Scope, audit: AuditLike): Promise<void> {
  for (const event of eventsForAudit(audit)) await emitEvent(scope, event.type, event.data);
}
