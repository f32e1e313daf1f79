import { createHmac } from 'node:crypto';

/**
 * Pure rules of the outbound webhooks: the event catalogue, which audit
 * action becomes which event (and what of it is sent), the URL policy, the
 * retry schedule and the signature. See README.md.
 */

export const WEBHOOK_EVENTS = [
  'asset.created',
  'asset.updated',
  'asset.status_changed',
  'loan.created',
  'loan.returned',
  'loan.overdue',
  'ticket.created',
  'ticket.resolved',
  'claim.submitted',
  'claim.paid',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Version of the payload envelope and of every event's `data`. */
export const PAYLOAD_VERSION = 1;

export interface AuditLike {
  readonly action: string;
  readonly entityId?: string | null | undefined;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface MappedEvent {
  readonly type: WebhookEventType;
  readonly data: Record<string, unknown>;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Fields of `after` that differ from `before`, as `{ field: { from, to } }`. */
export function changedFields(before: unknown, after: unknown, only?: readonly string[]) {
  const b = obj(before);
  const a = obj(after);
  const keys = only ?? [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of keys) {
    if (k === 'version') continue;
    if (JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
      out[k] = { from: b[k] ?? null, to: a[k] ?? null };
  }
  return out;
}

const ASSET_LOCATION = ['schoolId', 'roomId', 'classId', 'cartId', 'stockLocationId'] as const;

/**
 * The webhook events an audit event stands for (none for most actions).
 * Only ids, statuses, amounts and changed fields go into `data`: the audit
 * snapshots of these actions hold no family personal data, and free texts
 * (notes, ticket titles) are left out.
 */
export function eventsForAudit(audit: AuditLike): MappedEvent[] {
  const id = audit.entityId ?? null;
  const before = obj(audit.before);
  const after = obj(audit.after);
  switch (audit.action) {
    case 'asset.created':
      return [
        {
          type: 'asset.created',
          data: { assetId: id, tag: after.tag ?? null, status: after.status ?? null, ...pick(after, ASSET_LOCATION) },
        },
      ];
    case 'asset.edited': {
      const changed = changedFields(before, after);
      // Notes and custom fields are free text: their names only.
      for (const k of ['notes', 'customFields']) if (changed[k]) changed[k] = { from: null, to: null };
      return [{ type: 'asset.updated', data: { assetId: id, changed } }];
    }
    case 'asset.bulk':
    case 'asset.imported':
    case 'asset.demo_generated':
      return [];
    default:
      break;
  }
  if (audit.action.startsWith('asset.')) {
    // Moves and status changes of one asset (inventory writeEvent).
    const out: MappedEvent[] = [];
    if (before.status !== undefined && after.status !== undefined && before.status !== after.status) {
      out.push({
        type: 'asset.status_changed',
        data: { assetId: id, from: before.status, to: after.status, ...pick(after, ASSET_LOCATION) },
      });
    }
    const moved = changedFields(before, after, ASSET_LOCATION);
    if (Object.keys(moved).length > 0) out.push({ type: 'asset.updated', data: { assetId: id, changed: moved } });
    return out;
  }
  switch (audit.action) {
    case 'loan.allocated':
      return [
        {
          type: 'loan.created',
          data: {
            loanId: id,
            requestId: after.requestId ?? null,
            assetTags: after.assets ?? [],
            dueDate: after.dueDate,
          },
        },
      ];
    case 'loan.returned':
      return [
        {
          type: 'loan.returned',
          data: {
            loanId: id,
            assetTags: after.assets ?? [],
            condition: after.condition ?? null,
            stillOut: after.stillOut ?? [],
          },
        },
      ];
    case 'helpdesk.ticket_opened':
      return [
        {
          type: 'ticket.created',
          data: {
            ticketId: id,
            schoolId: after.schoolId ?? null,
            category: after.category ?? null,
            priority: after.priority ?? null,
            status: after.status ?? null,
            source: after.source ?? 'staff',
            assetIds: after.assetIds ?? [],
          },
        },
      ];
    case 'helpdesk.ticket_status_changed':
      return after.status === 'resolved' && before.status !== 'resolved'
        ? [{ type: 'ticket.resolved', data: { ticketId: id, schoolId: after.schoolId ?? null, from: before.status } }]
        : [];
    case 'funding.claim_submitted':
      return [
        {
          type: 'claim.submitted',
          data: { claimId: id, status: after.status, claimedCents: after.claimedCents ?? null },
        },
      ];
    case 'funding.claim_paid':
      return [
        {
          type: 'claim.paid',
          data: {
            claimId: id,
            status: after.status,
            acceptedCents: after.acceptedCents ?? null,
            receivedCents: after.receivedCents ?? null,
          },
        },
      ];
    default:
      return [];
  }
}

function pick(o: Record<string, unknown>, keys: readonly string[]) {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}

/** Loan events may carry the household's contacts, for endpoints allowed personal data. */
export const PERSONAL_EVENT_TYPES: readonly WebhookEventType[] = ['loan.created', 'loan.returned', 'loan.overdue'];

// ---- URL policy --------------------------------------------------------------------

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export type UrlProblem = 'invalid' | 'scheme' | 'credentials' | null;

/**
 * https anywhere; plain http only to a loopback address outside production,
 * or anywhere when the instance allows it (SOCLE_WEBHOOK_ALLOW_HTTP).
 * No credentials in the URL: the signature authenticates us.
 */
export function urlProblem(raw: string, options: { production: boolean; allowHttp: boolean }): UrlProblem {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'scheme';
  if (options.allowHttp) return null;
  return !options.production && LOOPBACK.test(url.hostname) ? null : 'scheme';
}

// ---- retries -----------------------------------------------------------------------

/** Multipliers of the base delay: 1, 5, 30 min, 2 h, 6 h, 12 h, 24 h with the default one-minute base. */
export const RETRY_STEPS = [1, 5, 30, 120, 360, 720, 1440] as const;

/** Delay before the next try after `failures` failed attempts, or null when the delivery gives up. */
export function retryDelayMs(failures: number, baseMs: number): number | null {
  if (failures < 1) return 0;
  const step = RETRY_STEPS[failures - 1];
  return step === undefined ? null : step * baseMs;
}

/** A response counts as delivered when 2xx. */
export const isSuccess = (status: number | null) => status !== null && status >= 200 && status < 300;

// ---- signature ---------------------------------------------------------------------

/** `Socle-Signature` value: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export interface Envelope {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly organisationId: string;
  readonly data: Record<string, unknown>;
}

/** The body posted to the endpoint: the event envelope, JSON. */
export function payloadOf(envelope: Envelope): string {
  return JSON.stringify({
    id: envelope.id,
    type: envelope.type,
    version: envelope.version,
    occurredAt: envelope.occurredAt,
    organisationId: envelope.organisationId,
    data: envelope.data,
  });
}
