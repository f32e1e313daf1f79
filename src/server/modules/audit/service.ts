import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import { type Database, rows, type Scope, type Tx } from '../../db/connection.ts';
import { auditEvents, users } from '../../db/schema.ts';
import { emitFromAudit } from '../webhooks/outbox.ts';

/**
 * The audit trail: one event per mutation, written in the mutation's own
 * transaction. Append-only for the application role; each organisation's
 * events form a hash chain computed by a database trigger (migration 0001),
 * so editing or deleting a past event breaks `verifyAuditChain`.
 * Before/after snapshots are the presented entities, never secrets.
 */

export interface AuditInput {
  readonly action: string;
  readonly entityType: string;
  readonly entityId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

export async function recordAudit(scope: Scope, event: AuditInput): Promise<void> {
  await scope.tx.insert(auditEvents).values({
    organisationId: scope.organisationId,
    actorUserId: scope.userId,
    actorKind: scope.actorKind,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: event.before === undefined ? null : (JSON.parse(JSON.stringify(event.before)) as unknown),
    after: event.after === undefined ? null : (JSON.parse(JSON.stringify(event.after)) as unknown),
    requestId: scope.requestId,
    // Set by the chain trigger; placeholders satisfy NOT NULL.
    seq: 0,
    prevHash: '',
    hash: '',
  });
  // Outbound webhooks: the events this change stands for, in the same transaction (webhooks/outbox.ts).
  await emitFromAudit(scope, event);
}

export interface AuditFilter {
  readonly action?: string | undefined;
  readonly entityType?: string | undefined;
  readonly entityId?: string | undefined;
  readonly actorUserId?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** Keyset pagination: events with seq below this one. */
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
}

export async function findAuditEvents(scope: Scope, filter: AuditFilter) {
  const conditions = [
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.entityType ? eq(auditEvents.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditEvents.entityId, filter.entityId) : undefined,
    filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
    filter.from ? gte(auditEvents.occurredAt, filter.from) : undefined,
    filter.to ? lte(auditEvents.occurredAt, filter.to) : undefined,
    filter.beforeSeq ? lt(auditEvents.seq, filter.beforeSeq) : undefined,
  ].filter((c) => c !== undefined);
  const found = await scope.tx
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      actorUserId: auditEvents.actorUserId,
      actorName: users.displayName,
      actorKind: auditEvents.actorKind,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      requestId: auditEvents.requestId,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit + 1);
  const hasMore = found.length > filter.limit;
  const items = found.slice(0, filter.limit);
  return { items, nextBeforeSeq: hasMore ? (items.at(-1)?.seq ?? null) : null };
}

export interface ChainBreak {
  readonly organisationId: string;
  readonly seq: number;
  readonly reason: 'hash_mismatch' | 'broken_link' | 'gap' | 'head_mismatch';
}

export interface ChainReport {
  readonly organisations: number;
  readonly events: number;
  readonly firstBreak: ChainBreak | null;
}

const ZERO = '0'.repeat(64);

/**
 * Walks each organisation's chain in order, recomputing every digest in the
 * database with the same function the trigger used. Runs as the owner: it
 * must see every organisation. Stops at the first broken link.
 */
export async function verifyAuditChain(db: Database, organisationId?: string): Promise<ChainReport> {
  const orgs = organisationId
    ? [{ id: organisationId }]
    : await rows<{ id: string }>(db.owner, sql`SELECT id FROM organisations ORDER BY created_at, id`);
  let events = 0;
  for (const org of orgs) {
    const result = await verifyOne(db.owner, org.id);
    events += result.events;
    if (result.firstBreak) return { organisations: orgs.length, events, firstBreak: result.firstBreak };
  }
  return { organisations: orgs.length, events, firstBreak: null };
}

async function verifyOne(
  owner: Tx,
  organisationId: string,
): Promise<{ events: number; firstBreak: ChainBreak | null }> {
  const batch = 2000;
  let expectedSeq = 1;
  let prevHash = ZERO;
  let events = 0;
  for (;;) {
    const page = await rows<{ seq: string | number; prev_hash: string; hash: string; recomputed: string }>(
      owner,
      sql`SELECT seq, prev_hash, hash,
                 socle_audit_digest(prev_hash, organisation_id, seq, occurred_at, actor_user_id, actor_kind,
                                    action, entity_type, entity_id, before, after, request_id) AS recomputed
            FROM audit_events
           WHERE organisation_id = ${organisationId} AND seq >= ${expectedSeq}
           ORDER BY seq
           LIMIT ${batch}`,
    );
    for (const e of page) {
      const seq = Number(e.seq);
      const at = (reason: ChainBreak['reason']) => ({ events, firstBreak: { organisationId, seq, reason } });
      if (seq !== expectedSeq) return { events, firstBreak: { organisationId, seq: expectedSeq, reason: 'gap' } };
      if (e.prev_hash !== prevHash) return at('broken_link');
      if (e.recomputed !== e.hash) return at('hash_mismatch');
      prevHash = e.hash;
      expectedSeq++;
      events++;
    }
    if (page.length < batch) break;
  }
  const head = await rows<{ seq: string | number; hash: string }>(
    owner,
    sql`SELECT seq, hash FROM audit_heads WHERE organisation_id = ${organisationId}`,
  );
  const h = head[0];
  if (h ? Number(h.seq) !== events || h.hash !== prevHash : events > 0) {
    // Events were deleted from the end of the chain (or the head was edited).
    return { events, firstBreak: { organisationId, seq: events + 1, reason: 'head_mismatch' } };
  }
  return { events, firstBreak: null };
}
