import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { type Database, rows, type Scope, type ScopeContext } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { decryptSecret, encryptSecret } from '../../mail/crypto.ts';
import { sendMail } from '../../mail/service.ts';
import { loadSecrets, type Secrets } from '../../secrets.ts';
import { recordAudit } from '../audit/service.ts';
import { emitEvent } from './outbox.ts';
import {
  isSuccess,
  PAYLOAD_VERSION,
  PERSONAL_EVENT_TYPES,
  payloadOf,
  retryDelayMs,
  signatureHeader,
  urlProblem,
  WEBHOOK_EVENTS,
  type WebhookEventType,
} from './rules.ts';
import type {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDelivery,
  WebhookDeliveryQuery,
  WebhookEndpoint,
} from './schema.ts';

/** pg-boss queues (declared in jobs/jobs.ts). */
export const WEBHOOK_DELIVER_JOB = 'webhooks-deliver';
export const WEBHOOK_DISPATCH_JOB = 'webhooks-dispatch';
export const WEBHOOK_OVERDUE_JOB = 'webhooks-loans-overdue';

const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());
const num = (v: unknown) => Number(v ?? 0);

// ---- endpoints -----------------------------------------------------------------------

interface EndpointRow {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  include_personal_data: boolean;
  consecutive_failures: number;
  disabled_at: Date | string | null;
  disabled_reason: 'manual' | 'failures' | null;
  created_at: Date | string;
  updated_at: Date | string;
  pending: number | string;
  delivered: number | string;
  failed: number | string;
}

const ENDPOINT_COLUMNS = sql`e.id, e.url, e.description, e.events, e.enabled, e.include_personal_data, e.consecutive_failures,
  e.disabled_at, e.disabled_reason, e.created_at, e.updated_at,
  (SELECT count(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending') AS pending,
  (SELECT count(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = 'delivered') AS delivered,
  (SELECT count(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = 'failed') AS failed`;

function presentEndpoint(r: EndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events,
    enabled: r.enabled,
    includePersonalData: r.include_personal_data,
    consecutiveFailures: r.consecutive_failures,
    disabledAt: iso(r.disabled_at),
    disabledReason: r.disabled_reason,
    createdAt: iso(r.created_at) as string,
    updatedAt: iso(r.updated_at) as string,
    deliveries: { pending: num(r.pending), delivered: num(r.delivered), failed: num(r.failed) },
  };
}

/** What the audit trail keeps of an endpoint: never the secret. */
const snapshot = (e: WebhookEndpoint) => ({
  url: e.url,
  events: e.events,
  enabled: e.enabled,
  includePersonalData: e.includePersonalData,
});

export async function findEndpoints(scope: Scope): Promise<WebhookEndpoint[]> {
  const found = await rows<EndpointRow>(
    scope.tx,
    sql`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints e ORDER BY e.created_at, e.id`,
  );
  return found.map(presentEndpoint);
}

export async function getEndpoint(scope: Scope, id: string): Promise<WebhookEndpoint> {
  const [found] = await rows<EndpointRow>(
    scope.tx,
    sql`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints e WHERE e.id = ${id}`,
  );
  if (!found) throw new AppError('NOT_FOUND', 'No such webhook endpoint');
  return presentEndpoint(found);
}

function assertUrl(config: Config, url: string) {
  const problem = urlProblem(url, { production: config.env === 'production', allowHttp: config.webhooks.allowHttp });
  if (problem) {
    throw new AppError('VALIDATION_FAILED', 'The URL must be https (http only to a loopback address in development)', {
      fields: [{ path: 'body.url', message: `url ${problem}`, code: `url_${problem}` }],
    });
  }
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export async function createEndpoint(
  scope: Scope,
  deps: { config: Config; secrets: Secrets },
  input: CreateWebhookEndpointInput,
): Promise<WebhookEndpoint & { secret: string }> {
  assertUrl(deps.config, input.url);
  const secret = newSecret();
  const [row] = await rows<{ id: string }>(
    scope.tx,
    sql`INSERT INTO webhook_endpoints (organisation_id, url, description, events, secret_enc, enabled, include_personal_data, created_by)
        VALUES (${scope.organisationId}, ${input.url}, ${input.description ?? ''},
                ARRAY[${sql.join(
                  input.events.map((e) => sql`${e}`),
                  sql`, `,
                )}]::text[],
                ${encryptSecret(deps.secrets, secret)}, ${input.enabled ?? true}, ${input.includePersonalData ?? false},
                ${scope.userId})
        RETURNING id`,
  );
  if (!row) throw new AppError('INTERNAL');
  const created = await getEndpoint(scope, row.id);
  await recordAudit(scope, {
    action: 'webhook.endpoint_created',
    entityType: 'webhook_endpoint',
    entityId: row.id,
    after: snapshot(created),
  });
  return { ...created, secret };
}

export async function updateEndpoint(
  scope: Scope,
  config: Config,
  id: string,
  input: UpdateWebhookEndpointInput,
): Promise<WebhookEndpoint> {
  const before = await getEndpoint(scope, id);
  if (input.url !== undefined) assertUrl(config, input.url);
  const sets = [sql`updated_at = now()`];
  if (input.url !== undefined) sets.push(sql`url = ${input.url}`);
  if (input.description !== undefined) sets.push(sql`description = ${input.description}`);
  if (input.events !== undefined)
    sets.push(
      sql`events = ARRAY[${sql.join(
        input.events.map((e) => sql`${e}`),
        sql`, `,
      )}]::text[]`,
    );
  if (input.includePersonalData !== undefined) sets.push(sql`include_personal_data = ${input.includePersonalData}`);
  if (input.enabled === true && !before.enabled) {
    // Re-enabling starts a new count; deliveries left pending go out again.
    sets.push(sql`enabled = true, disabled_at = NULL, disabled_reason = NULL, consecutive_failures = 0`);
  } else if (input.enabled === false && before.enabled) {
    sets.push(sql`enabled = false, disabled_at = now(), disabled_reason = 'manual'`);
  }
  await scope.tx.execute(sql`UPDATE webhook_endpoints SET ${sql.join(sets, sql`, `)} WHERE id = ${id}`);
  const after = await getEndpoint(scope, id);
  await recordAudit(scope, {
    action: 'webhook.endpoint_updated',
    entityType: 'webhook_endpoint',
    entityId: id,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

export async function deleteEndpoint(scope: Scope, id: string): Promise<void> {
  const before = await getEndpoint(scope, id);
  await scope.tx.execute(sql`DELETE FROM webhook_attempts a USING webhook_deliveries d
                              WHERE a.delivery_id = d.id AND d.endpoint_id = ${id}`);
  await scope.tx.execute(sql`DELETE FROM webhook_deliveries WHERE endpoint_id = ${id}`);
  await scope.tx.execute(sql`DELETE FROM webhook_endpoints WHERE id = ${id}`);
  await recordAudit(scope, {
    action: 'webhook.endpoint_deleted',
    entityType: 'webhook_endpoint',
    entityId: id,
    before: snapshot(before),
  });
}

/** A new secret (shown once); the old one stops signing at once. */
export async function rotateSecret(scope: Scope, secrets: Secrets, id: string): Promise<{ secret: string }> {
  await getEndpoint(scope, id);
  const secret = newSecret();
  await scope.tx.execute(
    sql`UPDATE webhook_endpoints SET secret_enc = ${encryptSecret(secrets, secret)}, updated_at = now() WHERE id = ${id}`,
  );
  await recordAudit(scope, { action: 'webhook.secret_rotated', entityType: 'webhook_endpoint', entityId: id });
  return { secret };
}

export function webhookCatalogue() {
  return WEBHOOK_EVENTS.map((type) => ({ type, personalData: PERSONAL_EVENT_TYPES.includes(type) }));
}

// ---- deliveries and their log ---------------------------------------------------------

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  type: WebhookEventType;
  occurred_at: Date | string;
  status: WebhookDelivery['status'];
  attempts: number;
  last_status_code: number | null;
  next_attempt_at: Date | string;
  delivered_at: Date | string | null;
  created_at: Date | string;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  attempted_at: Date | string;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  manual: boolean;
}

async function presentDeliveries(scope: Scope, found: DeliveryRow[]): Promise<WebhookDelivery[]> {
  const ids = found.map((d) => d.id);
  const log = ids.length
    ? await rows<AttemptRow>(
        scope.tx,
        sql`SELECT delivery_id, attempt, attempted_at, status_code, duration_ms, error, manual
              FROM webhook_attempts
             WHERE delivery_id IN (${sql.join(
               ids.map((i) => sql`${i}`),
               sql`, `,
             )})
             ORDER BY attempt`,
      )
    : [];
  return found.map((d) => ({
    id: d.id,
    endpointId: d.endpoint_id,
    eventId: d.event_id,
    eventType: d.type,
    occurredAt: iso(d.occurred_at) as string,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.last_status_code,
    nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
    deliveredAt: iso(d.delivered_at),
    createdAt: iso(d.created_at) as string,
    log: log
      .filter((a) => a.delivery_id === d.id)
      .map((a) => ({
        attempt: a.attempt,
        attemptedAt: iso(a.attempted_at) as string,
        statusCode: a.status_code,
        durationMs: a.duration_ms,
        error: a.error,
        manual: a.manual,
      })),
  }));
}

const DELIVERY_COLUMNS = sql`d.id, d.endpoint_id, d.event_id, ev.type, ev.occurred_at, d.status, d.attempts,
  d.last_status_code, d.next_attempt_at, d.delivered_at, d.created_at`;

export async function findDeliveries(
  scope: Scope,
  endpointId: string,
  query: WebhookDeliveryQuery,
): Promise<WebhookDelivery[]> {
  await getEndpoint(scope, endpointId);
  const found = await rows<DeliveryRow>(
    scope.tx,
    sql`SELECT ${DELIVERY_COLUMNS}
          FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id
         WHERE d.endpoint_id = ${endpointId} ${query.status ? sql`AND d.status = ${query.status}` : sql``}
         ORDER BY d.created_at DESC, d.id
         LIMIT ${query.limit}`,
  );
  return presentDeliveries(scope, found);
}

export async function getDelivery(scope: Scope, id: string): Promise<WebhookDelivery> {
  const found = await rows<DeliveryRow>(
    scope.tx,
    sql`SELECT ${DELIVERY_COLUMNS}
          FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id
         WHERE d.id = ${id}`,
  );
  if (!found[0]) throw new AppError('NOT_FOUND', 'No such webhook delivery');
  const [delivery] = await presentDeliveries(scope, found);
  return delivery as WebhookDelivery;
}

/**
 * Manual redelivery: the delivery (whatever its state) is tried again now,
 * with a fresh retry schedule. The caller queues the job after commit.
 */
export async function redeliver(scope: Scope, id: string): Promise<WebhookDelivery> {
  const before = await getDelivery(scope, id);
  await scope.tx.execute(
    sql`UPDATE webhook_deliveries
           SET status = 'pending', failures = 0, next_attempt_at = now(), locked_until = NULL, manual = true
         WHERE id = ${id}`,
  );
  await recordAudit(scope, {
    action: 'webhook.redelivery_requested',
    entityType: 'webhook_delivery',
    entityId: id,
    before: { status: before.status, attempts: before.attempts },
  });
  return getDelivery(scope, id);
}

/** Queues the delivery jobs of these deliveries (after their transaction committed). */
export async function queueDeliveries(
  boss: PgBoss | null,
  organisationId: string,
  deliveryIds: readonly string[],
  startAfter?: Date,
): Promise<number> {
  if (!boss || deliveryIds.length === 0) return 0;
  await boss.insert(
    deliveryIds.map((deliveryId) => ({
      name: WEBHOOK_DELIVER_JOB,
      data: { organisationId, deliveryId },
      ...(startAfter ? { startAfter } : {}),
    })),
  );
  return deliveryIds.length;
}

// ---- jobs ---------------------------------------------------------------------------

const jobContext = (organisationId: string): ScopeContext => ({
  organisationId,
  userId: null,
  actorKind: 'job',
  requestId: null,
});

/**
 * Every minute (and on demand): queues a delivery job for each pending
 * delivery that is due — the outbox's events of the last minute, and any
 * retry whose job was lost (process stopped). A delivery is claimed before
 * it is posted, so a job queued twice posts once.
 */
export async function dispatchDueDeliveries(db: Database, boss: PgBoss | null) {
  const due = await rows<{ id: string; organisation_id: string }>(
    db.owner,
    sql`SELECT d.id, d.organisation_id
          FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.enabled
         WHERE d.status = 'pending' AND d.next_attempt_at <= now()
           AND (d.locked_until IS NULL OR d.locked_until < now())
         ORDER BY d.next_attempt_at
         LIMIT 1000`,
  );
  const byOrg = new Map<string, string[]>();
  for (const d of due) byOrg.set(d.organisation_id, [...(byOrg.get(d.organisation_id) ?? []), d.id]);
  let queued = 0;
  for (const [org, ids] of byOrg) queued += await queueDeliveries(boss, org, ids);
  return { due: due.length, queued };
}

interface Claimed {
  id: string;
  attempts: number;
  failures: number;
  manual: boolean;
  endpoint_id: string;
  url: string;
  secret_enc: string;
  include_personal_data: boolean;
  event_id: string;
  type: WebhookEventType;
  version: number;
  occurred_at: Date | string;
  data: Record<string, unknown>;
}

const DeliverJobData = z.object({ organisationId: z.uuid(), deliveryId: z.uuid() });

let jobSecrets: { db: Database; secrets: Promise<Secrets> } | null = null;

/** The household's contacts of a loan event, for an endpoint allowed personal data (none once purged). */
async function personalData(scope: Scope, type: WebhookEventType, data: Record<string, unknown>) {
  if (!PERSONAL_EVENT_TYPES.includes(type) || typeof data.loanId !== 'string') return null;
  const contacts = await rows<{ first_name: string; last_name: string; email: string | null; phone: string | null }>(
    scope.tx,
    sql`SELECT c.first_name, c.last_name, c.email, c.phone
          FROM loans l JOIN household_contacts c ON c.household_id = l.household_id
         WHERE l.id = ${data.loanId}
         ORDER BY c.rank`,
  );
  return {
    contacts: contacts.map((c) => ({ firstName: c.first_name, lastName: c.last_name, email: c.email, phone: c.phone })),
  };
}

export interface AttemptOutcome {
  readonly status: 'skipped' | 'delivered' | 'retry' | 'failed';
  readonly statusCode?: number | null;
  readonly attempt?: number;
  readonly endpointDisabled?: boolean;
}

/** The job: one attempt at one delivery. */
export async function runDelivery(
  db: Database,
  config: Config,
  data: unknown,
  boss: PgBoss | null,
): Promise<AttemptOutcome> {
  const { organisationId, deliveryId } = DeliverJobData.parse(data);
  if (jobSecrets?.db !== db) jobSecrets = { db, secrets: loadSecrets(db, config) };
  const secrets = await jobSecrets.secrets;
  const lockMs = config.webhooks.timeoutMs + 60_000;

  const claimed = await db.withOrg(jobContext(organisationId), async (scope) => {
    const [row] = await rows<Claimed>(
      scope.tx,
      sql`UPDATE webhook_deliveries d
             SET locked_until = now() + make_interval(secs => ${lockMs / 1000}), attempts = d.attempts + 1
            FROM webhook_endpoints e, webhook_events ev
           WHERE d.id = ${deliveryId} AND e.id = d.endpoint_id AND ev.id = d.event_id AND e.enabled
             AND d.status = 'pending' AND d.next_attempt_at <= now() + interval '2 seconds'
             AND (d.locked_until IS NULL OR d.locked_until < now())
         RETURNING d.id, d.attempts, d.failures, d.manual, e.id AS endpoint_id, e.url, e.secret_enc,
                   e.include_personal_data, ev.id AS event_id, ev.type, ev.version, ev.occurred_at, ev.data`,
    );
    if (!row) return null;
    const extra = row.include_personal_data ? await personalData(scope, row.type, row.data) : null;
    return { row, extra };
  });
  if (!claimed) return { status: 'skipped' };
  const { row, extra } = claimed;

  const body = payloadOf({
    id: row.event_id,
    type: row.type,
    version: row.version ?? PAYLOAD_VERSION,
    occurredAt: iso(row.occurred_at) as string,
    organisationId,
    data: extra ? { ...row.data, household: extra } : row.data,
  });
  const secret = decryptSecret(secrets, row.secret_enc);
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  if (secret === null) {
    error = 'secret unreadable (instance key changed): rotate the secret';
  } else {
    try {
      const response = await fetch(row.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(config.webhooks.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Socle-Webhooks/1',
          'socle-event': row.type,
          'socle-delivery': row.id,
          'socle-signature': signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
      });
      statusCode = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (!isSuccess(statusCode)) error = `HTTP ${statusCode}`;
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      error =
        err.name === 'TimeoutError'
          ? `timeout after ${config.webhooks.timeoutMs} ms`
          : (err.cause?.code ?? err.message).slice(0, 300);
    }
  }
  const durationMs = Date.now() - started;
  const ok = error === null && isSuccess(statusCode);
  const failures = ok ? 0 : row.failures + 1;
  const delay = ok ? null : retryDelayMs(failures, config.webhooks.retryBaseMs);

  const outcome = await db.withOrg(jobContext(organisationId), async (scope) => {
    await scope.tx.execute(
      sql`INSERT INTO webhook_attempts (organisation_id, delivery_id, attempt, status_code, duration_ms, error, manual)
          VALUES (${organisationId}, ${row.id}, ${row.attempts}, ${statusCode}, ${durationMs}, ${error}, ${row.manual})`,
    );
    if (ok) {
      await scope.tx.execute(
        sql`UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), failures = 0, manual = false,
                   last_status_code = ${statusCode}, locked_until = NULL WHERE id = ${row.id}`,
      );
      await scope.tx.execute(sql`UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = ${row.endpoint_id}`);
      return { status: 'delivered' as const, endpointDisabled: false };
    }
    await scope.tx.execute(
      delay === null
        ? sql`UPDATE webhook_deliveries SET status = 'failed', failures = ${failures}, manual = false,
                     last_status_code = ${statusCode}, locked_until = NULL WHERE id = ${row.id}`
        : sql`UPDATE webhook_deliveries SET failures = ${failures}, manual = false, last_status_code = ${statusCode},
                     locked_until = NULL, next_attempt_at = now() + make_interval(secs => ${delay / 1000})
               WHERE id = ${row.id}`,
    );
    const [endpoint] = await rows<{ consecutive_failures: number; enabled: boolean; url: string }>(
      scope.tx,
      sql`UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1
           WHERE id = ${row.endpoint_id} RETURNING consecutive_failures, enabled, url`,
    );
    let endpointDisabled = false;
    if (endpoint?.enabled && endpoint.consecutive_failures >= config.webhooks.maxFailures) {
      await scope.tx.execute(
        sql`UPDATE webhook_endpoints SET enabled = false, disabled_at = now(), disabled_reason = 'failures', updated_at = now()
             WHERE id = ${row.endpoint_id}`,
      );
      await scope.tx.execute(
        sql`INSERT INTO notifications (organisation_id, kind, roles, payload)
            VALUES (${organisationId}, 'webhook_disabled', ARRAY['admin']::text[],
                    ${JSON.stringify({ endpointId: row.endpoint_id, url: endpoint.url, failures: endpoint.consecutive_failures, lastError: error })}::jsonb)`,
      );
      await recordAudit(scope, {
        action: 'webhook.endpoint_auto_disabled',
        entityType: 'webhook_endpoint',
        entityId: row.endpoint_id,
        after: { consecutiveFailures: endpoint.consecutive_failures, lastError: error },
      });
      endpointDisabled = true;
    }
    return { status: delay === null ? ('failed' as const) : ('retry' as const), endpointDisabled, url: endpoint?.url };
  });

  if (outcome.status === 'retry' && delay !== null && !outcome.endpointDisabled) {
    await queueDeliveries(boss, organisationId, [row.id], new Date(Date.now() + delay));
  }
  if (outcome.endpointDisabled) {
    await mailAdminsEndpointDisabled({ db, config, secrets }, organisationId, row.endpoint_id, outcome.url ?? row.url);
  }
  return { status: outcome.status, statusCode, attempt: row.attempts, endpointDisabled: outcome.endpointDisabled };
}

/** The notice to the organisation's admins by mail, besides the in-app notification (when mail is set up). */
async function mailAdminsEndpointDisabled(
  deps: { db: Database; config: Config; secrets: Secrets },
  organisationId: string,
  endpointId: string,
  url: string,
) {
  const admins = await deps.db.withOrg(jobContext(organisationId), (scope) =>
    rows<{ email: string; locale: 'fr' | 'en' }>(
      scope.tx,
      sql`SELECT email, locale FROM users WHERE active AND 'admin' = ANY(roles) ORDER BY email`,
    ),
  );
  const link = `${deps.config.publicUrl}/admin/webhooks`;
  for (const admin of admins) {
    const fr = admin.locale === 'fr';
    await sendMail(deps, organisationId, {
      to: admin.email,
      subject: fr ? 'Socle : un webhook a été désactivé' : 'Socle: a webhook was disabled',
      text: fr
        ? `Le webhook ${url} a échoué trop de fois de suite : il est désactivé. Vérifiez le récepteur puis réactivez-le : ${link}`
        : `The webhook ${url} failed too many times in a row: it is disabled. Check the receiver, then enable it again: ${link}`,
      key: `webhook-disabled:${endpointId}:${new Date().toISOString().slice(0, 13)}:${admin.email}`,
      template: 'webhook_disabled',
      locale: admin.locale,
    }).catch(() => undefined);
  }
}

/**
 * Daily: a `loan.overdue` event for each loan whose devices are still out
 * after its due date — once per loan and due date (a new due date after an
 * extension gives a new event).
 */
export async function emitOverdueLoans(db: Database, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const orgs = await rows<{ organisation_id: string }>(
    db.owner,
    sql`SELECT DISTINCT organisation_id FROM webhook_endpoints WHERE enabled AND 'loan.overdue' = ANY(events)`,
  );
  let events = 0;
  for (const org of orgs) {
    events += await db.withOrg(jobContext(org.organisation_id), async (scope) => {
      const overdue = await rows<{ id: string; school_id: string; due_date: string; status: string }>(
        scope.tx,
        sql`SELECT id, school_id, due_date::text AS due_date, status FROM loans
             WHERE due_date < ${today}::date AND status = 'handed_over'
             ORDER BY due_date, id LIMIT 5000`,
      );
      let n = 0;
      for (const l of overdue) {
        const days = Math.round(
          (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${l.due_date}T00:00:00Z`)) / 86_400_000,
        );
        const sent = await emitEvent(
          scope,
          'loan.overdue',
          { loanId: l.id, schoolId: l.school_id, dueDate: l.due_date, daysOverdue: days },
          `loan.overdue:${l.id}:${l.due_date}`,
        );
        if (sent > 0) n++;
      }
      return n;
    });
  }
  return { organisations: orgs.length, events };
}

/**
 * Daily (`webhooks-purge`): the delivery log does not grow for ever.
 * Deliveries finished (delivered, failed, cancelled) and created more than
 * `days` ago, with no attempt since, go with their attempts; then events
 * older than that with no delivery left. A pending delivery and its event
 * stay whatever their age. An event carrying a dedupe key (`loan.overdue`)
 * stays while its loan is still out with that due date: the daily scan
 * finds it there and does not send the event again.
 */
export async function purgeWebhookLogs(db: Database, days: number, now = new Date()) {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.system(async (tx) => {
    const deliveries = await rows<{ id: string }>(
      tx,
      sql`DELETE FROM webhook_deliveries d
           WHERE d.status <> 'pending' AND d.created_at < ${cutoff}::timestamptz
             AND NOT EXISTS (SELECT 1 FROM webhook_attempts a
                              WHERE a.delivery_id = d.id AND a.attempted_at >= ${cutoff}::timestamptz)
          RETURNING d.id`,
    );
    const events = await rows<{ id: string }>(
      tx,
      sql`DELETE FROM webhook_events e
           WHERE e.occurred_at < ${cutoff}::timestamptz
             AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)
             AND NOT (e.type = 'loan.overdue' AND e.dedupe_key IS NOT NULL AND EXISTS (
                   SELECT 1 FROM loans l
                    WHERE l.organisation_id = e.organisation_id AND l.id::text = e.data->>'loanId'
                      AND l.status = 'handed_over' AND l.due_date::text = e.data->>'dueDate'))
             AND (e.dedupe_key IS NULL OR e.type = 'loan.overdue')
          RETURNING e.id`,
    );
    return { deliveries: deliveries.length, events: events.length, cutoff };
  });
}
