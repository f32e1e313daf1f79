import { and, count, desc, eq, gte, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '../../../shared/permissions.ts';
import { type Database, rows, type Scope } from '../../db/connection.ts';
import { households, LOAN_MESSAGE_CATEGORIES, loanMessages, loans, schools, users } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Secrets } from '../../secrets.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { parseFamilyToken } from './rules.ts';

/**
 * "Report a problem" from the family page (no helpdesk module yet): a
 * message to the school, read by its director(s) and the managers. What the
 * family writes is personal data: reading it is audited like any read of a
 * household's personal data, audit events never carry the text, and the
 * retention purge deletes the messages with the rest. The public answer says
 * "received" and nothing else.
 */

// ---- schemas ------------------------------------------------------------------

export const FamilyMessageInputSchema = z
  .object({
    category: z.enum(LOAN_MESSAGE_CATEGORIES).meta({ description: 'breakdown, damage, loss, theft, or a question' }),
    /** What happened, in the family's words. */
    text: z.string().trim().min(1).max(2000),
  })
  .strict()
  .meta({ id: 'FamilyMessageInput', description: 'What the family reports through its link' });
export type FamilyMessageInput = z.infer<typeof FamilyMessageInputSchema>;

export const FamilyMessageReceiptSchema = z
  .object({ received: z.literal(true), receivedAt: z.string() })
  .meta({ id: 'FamilyMessageReceipt', description: 'The message reached the school (nothing else is told)' });

export const LoanMessageSchema = z
  .object({
    id: z.uuid(),
    loanId: z.uuid(),
    school: z.object({ id: z.uuid(), uai: z.string(), name: z.string() }),
    household: z.object({ id: z.uuid(), pseudonym: z.string() }),
    category: z.enum(LOAN_MESSAGE_CATEGORIES),
    /** The family's text (personal data; the read is audited). */
    text: z.string(),
    createdAt: z.string(),
    handledAt: z.string().nullable(),
    handledBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    can: z.object({ handle: z.boolean() }),
  })
  .meta({ id: 'LoanMessage', description: 'A message a family sent through its link' });

export const LoanMessageListSchema = z
  .object({
    items: z.array(LoanMessageSchema),
    total: z.number().int(),
    /** Messages not handled yet, with the same school and category filters. */
    unhandled: z.number().int(),
  })
  .meta({ id: 'LoanMessageList' });

export const LoanMessageListQuerySchema = z.object({
  schoolId: z.uuid().optional().meta({ description: 'One school (default: every school the reader reaches)' }),
  handled: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'Only handled (true) or waiting (false) messages' }),
  category: z.enum(LOAN_MESSAGE_CATEGORIES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type LoanMessageListQuery = z.infer<typeof LoanMessageListQuerySchema>;

export const MarkHandledSchema = z
  .object({ handled: z.boolean().default(true) })
  .strict()
  .meta({ id: 'MarkLoanMessageInput', description: 'Mark a message handled (true) or waiting again (false)' });

export const MarkHandledResultSchema = z
  .object({
    id: z.uuid(),
    handledAt: z.string().nullable(),
    handledBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  })
  .meta({ id: 'LoanMessageHandled' });

// ---- the family link --------------------------------------------------------

/**
 * Checks a family link (signature, nonce, expiry) exactly as the family page
 * does: a tampered or revoked link is 404, an expired one 410, and nothing
 * else is read before the signature is verified.
 */
export async function resolveFamilyLink(
  db: Database,
  secrets: Secrets,
  token: string,
): Promise<{ loanId: string; organisationId: string }> {
  const parsed = parseFamilyToken(secrets, token);
  if (!parsed) throw new AppError('LINK_INVALID', 'This link is not valid');
  const found = await db.asApp((tx) =>
    rows<{ organisation_id: string; link_nonce: string }>(
      tx,
      sql`SELECT * FROM socle_public_loan(${parsed.loanId}::uuid)`,
    ),
  );
  const target = found[0];
  if (!target || !parsed.check(target.link_nonce)) throw new AppError('LINK_INVALID', 'This link is not valid');
  if (parsed.expires.getTime() < Date.now())
    throw new AppError('LINK_EXPIRED', 'This link has expired: ask the school for a new one');
  return { loanId: parsed.loanId, organisationId: target.organisation_id };
}

/** At most this many messages per loan in each window (a family, not a robot). */
export const FAMILY_MESSAGE_LIMITS = [
  { windowMs: 60 * 60_000, max: 5 },
  { windowMs: 24 * 60 * 60_000, max: 20 },
] as const;

/** The family reports a problem (scope: the loan's organisation, actor "family"). */
export async function createFamilyMessage(scope: Scope, loanId: string, input: FamilyMessageInput, now = new Date()) {
  // The row lock serialises a family's concurrent posts, so the limit holds.
  const [loan] = await scope.tx
    .select({ id: loans.id, status: loans.status, schoolId: loans.schoolId, purgedAt: households.purgedAt })
    .from(loans)
    .innerJoin(households, eq(households.id, loans.householdId))
    .where(eq(loans.id, loanId))
    .for('update', { of: loans });
  if (!loan || loan.purgedAt) throw new AppError('LINK_INVALID', 'This link is not valid');
  if (loan.status === 'cancelled') throw new AppError('LOAN_INVALID_STATE', 'This loan was cancelled');
  for (const limit of FAMILY_MESSAGE_LIMITS) {
    const since = new Date(now.getTime() - limit.windowMs);
    const recent = await scope.tx
      .select({ n: count(), first: sql<string>`min(${loanMessages.createdAt})` })
      .from(loanMessages)
      .where(and(eq(loanMessages.loanId, loanId), gte(loanMessages.createdAt, since)));
    const n = Number(recent[0]?.n ?? 0);
    if (n >= limit.max) {
      const first = recent[0]?.first ? new Date(recent[0].first).getTime() : now.getTime();
      const retryAfter = Math.max(1, Math.ceil((first + limit.windowMs - now.getTime()) / 1000));
      throw new AppError('TOO_MANY_REQUESTS', 'Too many messages for this loan: try again later or call the school', {
        retryAfter,
      });
    }
  }
  const [message] = await scope.tx
    .insert(loanMessages)
    .values({
      organisationId: scope.organisationId,
      loanId,
      schoolId: loan.schoolId,
      category: input.category,
      body: input.text,
      createdAt: now,
    })
    .returning({ id: loanMessages.id, createdAt: loanMessages.createdAt });
  if (!message) throw new AppError('INTERNAL');
  // The text stays out of the audit trail (it is personal data, purged with the household).
  await recordAudit(scope, {
    action: 'loan_message.received',
    entityType: 'loan',
    entityId: loanId,
    after: { messageId: message.id, category: input.category },
  });
  return { received: true as const, receivedAt: message.createdAt.toISOString() };
}

// ---- the school's side ----------------------------------------------------------

function reach(actor: Actor): SQL | undefined {
  const schoolsReached = schoolScope(actor);
  if (schoolsReached === 'all') return undefined;
  return schoolsReached.length ? inArray(loanMessages.schoolId, [...schoolsReached]) : sql`false`;
}

async function listMessages(scope: Scope, actor: Actor, where: SQL | undefined, limit: number, offset: number) {
  const found = await scope.tx
    .select({
      m: loanMessages,
      school: { id: schools.id, uai: schools.uai, name: schools.name },
      household: { id: households.id, pseudonym: households.pseudonym },
      handler: { id: users.id, displayName: users.displayName },
    })
    .from(loanMessages)
    .innerJoin(loans, eq(loans.id, loanMessages.loanId))
    .innerJoin(households, eq(households.id, loans.householdId))
    .innerJoin(schools, eq(schools.id, loanMessages.schoolId))
    .leftJoin(users, eq(users.id, loanMessages.handledBy))
    .where(where)
    .orderBy(desc(loanMessages.createdAt), desc(loanMessages.id))
    .limit(limit)
    .offset(offset);
  // Every read of a family's personal data is traced: one event per household shown.
  for (const householdId of new Set(found.map((f) => f.household.id))) {
    await recordAudit(scope, {
      action: 'household.read',
      entityType: 'household',
      entityId: householdId,
      after: { document: 'messages' },
    });
  }
  const handle = can(actor.roles, 'loans.messages');
  return found.map((f) => ({
    id: f.m.id,
    loanId: f.m.loanId,
    school: f.school,
    household: f.household,
    category: f.m.category as FamilyMessageInput['category'],
    text: f.m.body,
    createdAt: f.m.createdAt.toISOString(),
    handledAt: f.m.handledAt?.toISOString() ?? null,
    handledBy: f.m.handledAt && f.handler?.id ? { id: f.handler.id, displayName: f.handler.displayName } : null,
    can: { handle },
  }));
}

/** The school's inbox: messages of the schools the reader reaches, newest first. */
export async function findMessages(scope: Scope, actor: Actor, q: LoanMessageListQuery) {
  const base = and(
    reach(actor),
    q.schoolId ? eq(loanMessages.schoolId, q.schoolId) : undefined,
    q.category ? eq(loanMessages.category, q.category) : undefined,
  );
  const where = and(
    base,
    q.handled === 'true'
      ? isNotNull(loanMessages.handledAt)
      : q.handled === 'false'
        ? isNull(loanMessages.handledAt)
        : undefined,
  );
  const [total] = await scope.tx.select({ n: count() }).from(loanMessages).where(where);
  const [waiting] = await scope.tx
    .select({ n: count() })
    .from(loanMessages)
    .where(and(base, isNull(loanMessages.handledAt)));
  return {
    items: await listMessages(scope, actor, where, q.limit, q.offset),
    total: Number(total?.n ?? 0),
    unhandled: Number(waiting?.n ?? 0),
  };
}

/** The messages of one loan (404 when the loan is out of the reader's reach). */
export async function findLoanMessages(scope: Scope, actor: Actor, loanId: string) {
  const reached = schoolScope(actor);
  const [loan] = await scope.tx
    .select({ id: loans.id })
    .from(loans)
    .where(
      and(
        eq(loans.id, loanId),
        reached === 'all' ? undefined : reached.length ? inArray(loans.schoolId, [...reached]) : sql`false`,
      ),
    );
  if (!loan) throw notFound('Loan');
  const items = await listMessages(scope, actor, and(reach(actor), eq(loanMessages.loanId, loanId)), 500, 0);
  return { items, total: items.length, unhandled: items.filter((m) => m.handledAt === null).length };
}

export async function markHandled(scope: Scope, actor: Actor, messageId: string, handled: boolean) {
  const [message] = await scope.tx
    .select({ id: loanMessages.id, loanId: loanMessages.loanId, handledAt: loanMessages.handledAt })
    .from(loanMessages)
    .where(and(eq(loanMessages.id, messageId), reach(actor)))
    .for('update');
  if (!message) throw notFound('Message');
  const at = handled ? (message.handledAt ?? new Date()) : null;
  await scope.tx
    .update(loanMessages)
    .set({ handledAt: at, handledBy: handled ? actor.userId : null })
    .where(eq(loanMessages.id, messageId));
  await recordAudit(scope, {
    action: handled ? 'loan_message.handled' : 'loan_message.reopened',
    entityType: 'loan_message',
    entityId: messageId,
    before: { handled: message.handledAt !== null },
    after: { handled, loanId: message.loanId },
  });
  return {
    id: messageId,
    handledAt: at?.toISOString() ?? null,
    handledBy: handled ? { id: actor.userId, displayName: actor.displayName } : null,
  };
}
