import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import { findAuditEvents, verifyAuditChain } from './service.ts';

const tags = ['audit'];

const AuditQuerySchema = z.object({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(200).optional(),
  actorUserId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const AuditEventSchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actorUserId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    actorKind: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

const AuditPageSchema = z
  .object({ items: z.array(AuditEventSchema), nextBefore: z.number().int().nullable() })
  .meta({ id: 'AuditPage' });

const AuditVerificationSchema = z
  .object({
    ok: z.boolean(),
    events: z.number().int(),
    firstBreak: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  })
  .meta({ id: 'AuditVerification' });

export function auditRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/audit/events',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: 'Browse the audit trail, newest first (keyset pagination with `before`)',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      const page = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        findAuditEvents(scope, {
          action: q.action,
          entityType: q.entityType,
          entityId: q.entityId,
          actorUserId: q.actorUserId,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          beforeSeq: q.before,
          limit: q.limit,
        }),
      );
      return {
        items: page.items.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
        nextBefore: page.nextBeforeSeq,
      };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit.verify' },
      schema: {
        tags,
        summary: 'Verify the hash chain of this organisation’s audit trail',
        response: { 200: AuditVerificationSchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const report = await verifyAuditChain(db, actor.organisationId);
      return {
        ok: report.firstBreak === null,
        events: report.events,
        firstBreak: report.firstBreak ? { seq: report.firstBreak.seq, reason: report.firstBreak.reason } : null,
      };
    },
  );
}
