import { and, asc, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can, PERMISSIONS, type Permission } from '../../../shared/permissions.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Config } from '../../config.ts';
import type { Database, Scope } from '../../db/connection.ts';
import {
  assetModels,
  assets,
  files,
  helpdeskComments,
  helpdeskTicketAssets,
  helpdeskTicketFiles,
  helpdeskTickets,
  loanItems,
  loans,
  organisations,
  rooms,
  schools,
  type TicketStatus,
  userSchools,
  users,
} from '../../db/schema.ts';
import { AppError, type InvalidField, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { attachFile, deleteFile } from '../files/service.ts';
import type { AssetStatus } from '../inventory/rules.ts';
import { canTransition } from '../inventory/rules.ts';
import { putInCart, takeOutOfCart, transitionAsset } from '../inventory/service.ts';
import { type HelpdeskSettings, helpdeskSettingsOf, parseSettings } from '../organisations/settings.ts';
import {
  allowedStatuses,
  calendarOf,
  canMoveTo,
  canReopen,
  dueTimes,
  OPEN_STATUSES,
  workingMinutesBetween,
} from './rules.ts';
import type {
  AssignInput,
  BreachQuery,
  CommentInput,
  CreateTicketInput,
  FamilyTicketInput,
  ReopenInput,
  RepairInput,
  SatisfactionInput,
  StatusChangeInput,
  TicketQuery,
  UpdateHelpdeskSettingsInput,
  UpdateTicketInput,
} from './schema.ts';

/**
 * Helpdesk tickets (issue #8 point 1). Every function runs inside `withOrg`
 * (RLS keeps the organisation; lookups filter on it too). School-scoped
 * roles see their schools' tickets only — another school's ticket is "not
 * found" — and never internal comments. Every change records an audit event
 * in the same transaction and recomputes the stored SLA due times (working
 * hours, rules.ts). Functions that should mail someone return `notices`:
 * the route sends them after the commit (mails.ts).
 */

type TicketRow = typeof helpdeskTickets.$inferSelect;

/** Who should hear about a change (sent after the commit). */
export interface Notice {
  readonly kind: 'assigned_to_you' | 'assigned' | 'resolved' | 'comment';
  readonly ticketId: string;
  readonly userId: string;
}

const invalid = (detail: string, fields: InvalidField[]) => new AppError('VALIDATION_FAILED', detail, { fields });
const field = (path: string, code: string): InvalidField => ({ path, message: code, code });

const openerUsers = alias(users, 'opener');
const assigneeUsers = alias(users, 'assignee');
const authorUsers = alias(users, 'author');

export function seesInternal(actor: Pick<Actor, 'roles'>): boolean {
  return can(actor.roles, 'helpdesk.manage') || actor.roles.includes('auditor');
}

function reach(actor: Actor): SQL | undefined {
  const r = schoolScope(actor);
  if (r === 'all') return undefined;
  return r.length ? inArray(helpdeskTickets.schoolId, [...r]) : sql`false`;
}

function inReach(actor: Actor, schoolId: string): boolean {
  const r = schoolScope(actor);
  return r === 'all' || r.includes(schoolId);
}

export async function loadHelpdeskSettings(
  scope: Scope,
): Promise<HelpdeskSettings & { technicianScope: 'all' | 'assigned' }> {
  const [org] = await scope.tx
    .select({ settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.id, scope.organisationId));
  const settings = parseSettings(org?.settings);
  return { ...helpdeskSettingsOf(settings), technicianScope: settings.technicianScope };
}

/** Stored due times from the calendar, the priority's targets and the paused time. */
function duesFor(
  settings: HelpdeskSettings,
  t: Pick<TicketRow, 'createdAt' | 'priority' | 'status' | 'pausedMinutes'>,
) {
  return dueTimes(calendarOf(settings), settings.sla[t.priority], {
    openedAt: t.createdAt,
    status: t.status,
    pausedMinutes: t.pausedMinutes,
  });
}

// Reading ----------------------------------------------------------------------------------

const id = sql.raw('"helpdesk_tickets"."id"');
/** One definition of a breach, for lists, filters and each ticket (rules.ts `breaches` mirrors it). */
const responseBreachSql = sql<boolean>`(${helpdeskTickets.responseDueAt} IS NOT NULL AND coalesce(${helpdeskTickets.firstResponseAt}, now()) > ${helpdeskTickets.responseDueAt})`;
const resolutionBreachSql = sql<boolean>`(${helpdeskTickets.resolutionDueAt} IS NOT NULL AND (CASE WHEN ${helpdeskTickets.status} = 'waiting' THEN ${helpdeskTickets.waitingSince} ELSE coalesce(${helpdeskTickets.resolvedAt}, now()) END) > ${helpdeskTickets.resolutionDueAt})`;
const breachSql = sql<boolean>`(${responseBreachSql} OR ${resolutionBreachSql})`;
/** The next deadline of an open ticket: its response if not answered yet, else its resolution. */
const nextDueSql = sql`(CASE WHEN ${helpdeskTickets.firstResponseAt} IS NULL THEN least(${helpdeskTickets.responseDueAt}, ${helpdeskTickets.resolutionDueAt}) ELSE ${helpdeskTickets.resolutionDueAt} END)`;

function ticketQuery(scope: Scope) {
  return scope.tx
    .select({
      t: helpdeskTickets,
      schoolName: schools.name,
      roomName: rooms.name,
      openerName: openerUsers.displayName,
      assigneeName: assigneeUsers.displayName,
      assetCount: sql<number>`(SELECT count(*) FROM helpdesk_ticket_assets x WHERE x.ticket_id = ${id})::int`,
      breachedResponse: responseBreachSql,
      breachedResolution: resolutionBreachSql,
    })
    .from(helpdeskTickets)
    .innerJoin(schools, eq(schools.id, helpdeskTickets.schoolId))
    .leftJoin(rooms, eq(rooms.id, helpdeskTickets.roomId))
    .leftJoin(openerUsers, eq(openerUsers.id, helpdeskTickets.openedBy))
    .leftJoin(assigneeUsers, eq(assigneeUsers.id, helpdeskTickets.assigneeId));
}
type Joined = Awaited<ReturnType<typeof ticketQuery>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function present(actor: Actor, r: Joined, reopenDays: number, now = new Date()) {
  const t = r.t;
  const manage = can(actor.roles, 'helpdesk.manage');
  const opener = t.openedBy !== null && t.openedBy === actor.userId;
  const closedOrResolved = t.status === 'resolved' || t.status === 'closed';
  const isOpen = OPEN_STATUSES.includes(t.status);
  const response = Boolean(r.breachedResponse);
  const resolution = Boolean(r.breachedResolution);
  return {
    id: t.id,
    number: t.number,
    source: t.source,
    school: { id: t.schoolId, name: r.schoolName },
    room: t.roomId && r.roomName ? { id: t.roomId, name: r.roomName } : null,
    category: t.category,
    priority: t.priority,
    status: t.status,
    title: t.title,
    description: t.description,
    openedBy: t.openedBy ? { id: t.openedBy, displayName: r.openerName ?? '' } : null,
    assignee: t.assigneeId ? { id: t.assigneeId, displayName: r.assigneeName ?? '' } : null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    firstResponseAt: iso(t.firstResponseAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    responseDueAt: iso(t.responseDueAt),
    resolutionDueAt: iso(t.resolutionDueAt),
    paused: t.status === 'waiting',
    breached: { response, resolution, any: response || resolution },
    satisfaction:
      t.satisfactionScore !== null && t.satisfactionAt
        ? { score: t.satisfactionScore, comment: t.satisfactionComment, at: t.satisfactionAt.toISOString() }
        : null,
    assetCount: Number(r.assetCount),
    can: {
      manage,
      comment: t.status !== 'closed' && (manage || can(actor.roles, 'helpdesk.open')),
      commentInternal: manage && t.status !== 'closed',
      reopen: (opener || manage) && canReopen(t, reopenDays, now),
      rate: opener && closedOrResolved && t.satisfactionScore === null,
      repair: manage && t.category === 'breakdown' && isOpen && Number(r.assetCount) > 0,
      assign: manage && isOpen,
      attach: t.status !== 'closed' && (manage || can(actor.roles, 'helpdesk.open')),
      attachInternal: manage && t.status !== 'closed',
      statuses: manage ? [...allowedStatuses(t.status)] : [],
    },
  };
}
export type Ticket = ReturnType<typeof present>;

function filters(actor: Actor, q: Partial<TicketQuery>): SQL | undefined {
  return and(
    reach(actor),
    q.status ? eq(helpdeskTickets.status, q.status) : undefined,
    q.open === true ? inArray(helpdeskTickets.status, [...OPEN_STATUSES]) : undefined,
    q.open === false ? inArray(helpdeskTickets.status, ['resolved', 'closed']) : undefined,
    q.schoolId ? eq(helpdeskTickets.schoolId, q.schoolId) : undefined,
    q.priority ? eq(helpdeskTickets.priority, q.priority) : undefined,
    q.category ? eq(helpdeskTickets.category, q.category) : undefined,
    q.assigneeId === 'none'
      ? isNull(helpdeskTickets.assigneeId)
      : q.assigneeId
        ? eq(helpdeskTickets.assigneeId, q.assigneeId)
        : undefined,
    q.breached === true ? breachSql : q.breached === false ? sql`NOT ${breachSql}` : undefined,
    q.q ? searchSql(q.q) : undefined,
  );
}

/** `%text%` for ILIKE, with the wildcards of the text escaped. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The list's search: a ticket number (`T-2026-00042`, `2026-00042`), its
 * counter alone (`42`, `00042`: that number of any year) or a year
 * (`2026`), or words of the title.
 */
function searchSql(text: string): SQL {
  const q = text.trim();
  const byTitle = sql`${helpdeskTickets.title} ILIKE ${likePattern(q)}`;
  if (/^\d{1,9}$/.test(q)) {
    const counter = sql`${helpdeskTickets.number} LIKE ${`%-${q.replace(/^0+(?=\d)/, '').padStart(5, '0')}`}`;
    const year = q.length === 4 ? sql` OR ${helpdeskTickets.number} LIKE ${`T-${q}-%`}` : sql``;
    return sql`(${counter}${year} OR ${byTitle})`;
  }
  return sql`(${helpdeskTickets.number} ILIKE ${likePattern(q)} OR ${byTitle})`;
}

export async function findTickets(scope: Scope, actor: Actor, q: TicketQuery) {
  const where = and(eq(helpdeskTickets.organisationId, scope.organisationId), filters(actor, q));
  const settings = await loadHelpdeskSettings(scope);
  const [found, [total]] = [
    await ticketQuery(scope)
      .where(where)
      .orderBy(desc(helpdeskTickets.createdAt), desc(helpdeskTickets.id))
      .limit(q.limit)
      .offset(q.offset),
    await scope.tx.select({ n: count() }).from(helpdeskTickets).where(where),
  ];
  const now = new Date();
  return { items: found.map((r) => present(actor, r, settings.reopenDays, now)), total: Number(total?.n ?? 0) };
}

/** A technician's queue: open tickets assigned to them, and the unassigned ones of their schools; next deadline first. */
export async function findQueue(scope: Scope, actor: Actor) {
  const settings = await loadHelpdeskSettings(scope);
  const found = await ticketQuery(scope)
    .where(
      and(
        eq(helpdeskTickets.organisationId, scope.organisationId),
        inArray(helpdeskTickets.status, [...OPEN_STATUSES]),
        or(
          eq(helpdeskTickets.assigneeId, actor.userId),
          and(isNull(helpdeskTickets.assigneeId), reach(actor) ?? sql`true`),
        ),
      ),
    )
    .orderBy(sql`${nextDueSql} ASC NULLS LAST`, asc(helpdeskTickets.createdAt));
  const now = new Date();
  return found.map((r) => present(actor, r, settings.reopenDays, now));
}

/** Tickets that missed a target: the open ones (and, asked, the resolved and closed), most overdue first. */
export async function findBreaches(scope: Scope, actor: Actor, q: BreachQuery) {
  const settings = await loadHelpdeskSettings(scope);
  const found = await ticketQuery(scope)
    .where(
      and(
        eq(helpdeskTickets.organisationId, scope.organisationId),
        filters(actor, { schoolId: q.schoolId, breached: true, ...(q.includeClosed ? {} : { open: true }) }),
      ),
    )
    .orderBy(sql`${nextDueSql} ASC NULLS LAST`, asc(helpdeskTickets.createdAt));
  const now = new Date();
  return found.map((r) => present(actor, r, settings.reopenDays, now));
}

async function ticketRow(scope: Scope, actor: Actor, ticketId: string, lock = false): Promise<TicketRow> {
  const query = scope.tx
    .select()
    .from(helpdeskTickets)
    .where(
      and(eq(helpdeskTickets.id, ticketId), eq(helpdeskTickets.organisationId, scope.organisationId), reach(actor)),
    );
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Ticket');
  return row;
}

async function presentOne(scope: Scope, actor: Actor, ticketId: string) {
  const settings = await loadHelpdeskSettings(scope);
  const [found] = await ticketQuery(scope).where(
    and(eq(helpdeskTickets.id, ticketId), eq(helpdeskTickets.organisationId, scope.organisationId), reach(actor)),
  );
  if (!found) throw notFound('Ticket');
  return present(actor, found, settings.reopenDays);
}

export async function getTicket(scope: Scope, actor: Actor, ticketId: string) {
  const ticket = await presentOne(scope, actor, ticketId);
  const comments = await scope.tx
    .select({ c: helpdeskComments, authorName: authorUsers.displayName })
    .from(helpdeskComments)
    .leftJoin(authorUsers, eq(authorUsers.id, helpdeskComments.authorId))
    .where(
      and(
        eq(helpdeskComments.ticketId, ticketId),
        // Internal notes never leave the server for school staff.
        seesInternal(actor) ? undefined : eq(helpdeskComments.internal, false),
      ),
    )
    .orderBy(asc(helpdeskComments.createdAt), asc(helpdeskComments.id));
  const linked = await scope.tx
    .select({ l: helpdeskTicketAssets, tag: assets.tag, status: assets.status, model: assetModels.name })
    .from(helpdeskTicketAssets)
    .innerJoin(assets, eq(assets.id, helpdeskTicketAssets.assetId))
    .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
    .where(eq(helpdeskTicketAssets.ticketId, ticketId))
    .orderBy(asc(assets.tag));
  const attachments = await findTicketFiles(scope, actor, ticketId);
  const repairable = ticket.can.repair;
  return {
    ...ticket,
    attachments: attachments.map((f) => presentFile(actor, ticket.status, f)),
    comments: comments.map(({ c, authorName }) => ({
      id: c.id,
      author: c.authorId ? { id: c.authorId, displayName: authorName ?? '' } : null,
      internal: c.internal,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
    assets: linked.map(({ l, tag, status, model }) => ({
      id: l.assetId,
      tag,
      status,
      model,
      sentToRepairAt: iso(l.sentToRepairAt),
      backFromRepairAt: iso(l.backFromRepairAt),
      can: {
        // Inventory's lifecycle decides the rest (an asset on loan, retired… answers its own 409).
        repair: repairable && status !== 'in_repair',
        returnFromRepair:
          ticket.can.manage && status === 'in_repair' && l.sentToRepairAt !== null && l.backFromRepairAt === null,
      },
    })),
  };
}

/** What the audit trail keeps of a ticket (no comment text, no satisfaction comment). */
const snapshot = (t: TicketRow) => ({
  status: t.status,
  priority: t.priority,
  category: t.category,
  title: t.title,
  schoolId: t.schoolId,
  roomId: t.roomId,
  assigneeId: t.assigneeId,
  responseDueAt: iso(t.responseDueAt),
  resolutionDueAt: iso(t.resolutionDueAt),
  pausedMinutes: t.pausedMinutes,
});

async function save(scope: Scope, before: TicketRow, patch: Partial<TicketRow>, action: string, extra: object = {}) {
  const [after] = await scope.tx
    .update(helpdeskTickets)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(helpdeskTickets.id, before.id))
    .returning();
  if (!after) throw new AppError('INTERNAL');
  await recordAudit(scope, {
    action: `helpdesk.${action}`,
    entityType: 'helpdesk_ticket',
    entityId: before.id,
    before: snapshot(before),
    after: { ...snapshot(after), ...extra },
  });
  return after;
}

// Opening ----------------------------------------------------------------------------------

async function checkPlace(scope: Scope, schoolId: string, roomId: string | null | undefined) {
  if (!roomId) return;
  const [room] = await scope.tx
    .select({ schoolId: rooms.schoolId })
    .from(rooms)
    .where(and(eq(rooms.id, roomId), eq(rooms.organisationId, scope.organisationId)));
  if (!room) throw invalid('Unknown room', [field('body.roomId', 'unknown_room')]);
  if (room.schoolId !== schoolId) throw invalid('Room of another school', [field('body.roomId', 'room_not_in_school')]);
}

/** Linked assets: of the ticket's school (a device in a cart of that school too). */
async function checkAssets(scope: Scope, schoolId: string, assetIds: readonly string[]) {
  const ids = [...new Set(assetIds)];
  if (!ids.length) return ids;
  const found = await scope.tx
    .select({ id: assets.id, schoolId: assets.schoolId })
    .from(assets)
    .where(and(inArray(assets.id, ids), eq(assets.organisationId, scope.organisationId)));
  const problems = ids.flatMap((a, i) => {
    const asset = found.find((f) => f.id === a);
    if (!asset) return [field(`body.assetIds.${i}`, 'unknown_asset')];
    return asset.schoolId === schoolId ? [] : [field(`body.assetIds.${i}`, 'asset_not_in_school')];
  });
  if (problems.length) throw invalid('Assets of the school only', problems);
  return ids;
}

export async function createTicket(scope: Scope, actor: Actor, input: CreateTicketInput, now = new Date()) {
  const [school] = await scope.tx
    .select({ id: schools.id })
    .from(schools)
    .where(and(eq(schools.id, input.schoolId), eq(schools.organisationId, scope.organisationId)));
  if (!school) throw invalid('Unknown school', [field('body.schoolId', 'unknown_school')]);
  if (!inReach(actor, input.schoolId)) throw notFound('School');
  await checkPlace(scope, input.schoolId, input.roomId);
  const assetIds = await checkAssets(scope, input.schoolId, input.assetIds ?? []);
  const settings = await loadHelpdeskSettings(scope);
  const base = { createdAt: now, priority: input.priority, status: 'new' as const, pausedMinutes: 0 };
  const due = duesFor(settings, base);
  const [row] = await scope.tx
    .insert(helpdeskTickets)
    .values({
      organisationId: scope.organisationId,
      schoolId: input.schoolId,
      roomId: input.roomId ?? null,
      category: input.category,
      priority: input.priority,
      title: input.title,
      description: input.description ?? '',
      openedBy: actor.userId,
      responseDueAt: due.responseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  if (assetIds.length) {
    await scope.tx
      .insert(helpdeskTicketAssets)
      .values(assetIds.map((assetId) => ({ organisationId: scope.organisationId, ticketId: row.id, assetId })));
  }
  await recordAudit(scope, {
    action: 'helpdesk.ticket_opened',
    entityType: 'helpdesk_ticket',
    entityId: row.id,
    after: { ...snapshot(row), assetIds },
  });
  return getTicket(scope, actor, row.id);
}

/**
 * A family reports a problem with the lent device through its loan link.
 * The ticket holds no household data: no opener, no free text, no loan id —
 * only the school and the device. A second report while a family ticket on
 * that device is open adds nothing (the same receipt is returned).
 */
export async function createFamilyTicket(scope: Scope, loanId: string, input: FamilyTicketInput, now = new Date()) {
  const category = input.category ?? 'breakdown';
  if (!FAMILY_PROBLEMS[category].includes(input.problem)) {
    throw invalid('Not a problem of this kind', [field('body.problem', `not_a_${category}_problem`)]);
  }
  const [loan] = await scope.tx
    .select({ id: loans.id, status: loans.status, schoolId: loans.schoolId })
    .from(loans)
    .where(eq(loans.id, loanId));
  if (!loan) throw new AppError('LINK_INVALID', 'This link is not valid');
  if (loan.status !== 'handed_over') {
    throw new AppError('LOAN_INVALID_STATE', 'Only a device in the family’s hands can be reported here');
  }
  const devices = await scope.tx
    .select({ assetId: loanItems.assetId })
    .from(loanItems)
    .where(and(eq(loanItems.loanId, loanId), eq(loanItems.open, true)));
  const assetIds = devices.map((d) => d.assetId);
  if (!assetIds.length) throw new AppError('LOAN_INVALID_STATE', 'No device is lent on this loan');
  const [existing] = await scope.tx
    .select({ id: helpdeskTickets.id, createdAt: helpdeskTickets.createdAt })
    .from(helpdeskTickets)
    .innerJoin(helpdeskTicketAssets, eq(helpdeskTicketAssets.ticketId, helpdeskTickets.id))
    .where(
      and(
        eq(helpdeskTickets.source, 'family'),
        eq(helpdeskTickets.category, category),
        inArray(helpdeskTickets.status, [...OPEN_STATUSES]),
        inArray(helpdeskTicketAssets.assetId, assetIds),
      ),
    )
    .limit(1);
  if (existing) return { received: true as const, receivedAt: existing.createdAt.toISOString() };
  const settings = await loadHelpdeskSettings(scope);
  const due = duesFor(settings, { createdAt: now, priority: 'normal', status: 'new', pausedMinutes: 0 });
  const [row] = await scope.tx
    .insert(helpdeskTickets)
    .values({
      organisationId: scope.organisationId,
      schoolId: loan.schoolId,
      source: 'family',
      category,
      priority: 'normal',
      title:
        category === 'request' && input.problem === 'other'
          ? 'Appareil prêté : autre demande'
          : FAMILY_TITLES[input.problem],
      description: 'Signalé par la famille depuis son lien de prêt (aucune donnée personnelle dans le ticket).',
      openedBy: null,
      responseDueAt: due.responseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await scope.tx
    .insert(helpdeskTicketAssets)
    .values(assetIds.map((assetId) => ({ organisationId: scope.organisationId, ticketId: row.id, assetId })));
  await recordAudit(scope, {
    action: 'helpdesk.ticket_opened',
    entityType: 'helpdesk_ticket',
    entityId: row.id,
    after: { ...snapshot(row), assetIds, source: 'family' },
  });
  return { received: true as const, receivedAt: row.createdAt.toISOString() };
}

/** What a family may choose, per kind of report (the schema's enum holds them all). */
export const FAMILY_PROBLEMS: Record<'breakdown' | 'request', readonly FamilyTicketInput['problem'][]> = {
  breakdown: ['does_not_start', 'screen', 'keyboard', 'battery', 'network', 'other'],
  request: ['accessory', 'how_to', 'other'],
};

const FAMILY_TITLES: Record<FamilyTicketInput['problem'], string> = {
  does_not_start: 'Appareil prêté : ne démarre pas',
  screen: 'Appareil prêté : problème d’écran',
  keyboard: 'Appareil prêté : problème de clavier',
  battery: 'Appareil prêté : batterie ou charge',
  network: 'Appareil prêté : pas de connexion',
  other: 'Appareil prêté : autre problème',
  accessory: 'Appareil prêté : chargeur, câble ou housse manquant',
  how_to: 'Appareil prêté : aide à l’utilisation',
};

// Managing ---------------------------------------------------------------------------------

export async function updateTicket(scope: Scope, actor: Actor, ticketId: string, input: UpdateTicketInput) {
  const before = await ticketRow(scope, actor, ticketId, true);
  if (input.roomId !== undefined) await checkPlace(scope, before.schoolId, input.roomId);
  const patch: Partial<TicketRow> = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (input.priority && input.priority !== before.priority) {
    const settings = await loadHelpdeskSettings(scope);
    const due = duesFor(settings, { ...before, priority: input.priority });
    patch.responseDueAt = due.responseDueAt;
    // A wait in progress keeps its resolution due time until it ends.
    if (before.status !== 'waiting') patch.resolutionDueAt = due.resolutionDueAt;
  }
  await save(scope, before, patch, 'ticket_updated');
  return getTicket(scope, actor, ticketId);
}

/** The assignee reaches the ticket's school and can work tickets (technician, manager, admin). */
async function checkAssignee(scope: Scope, ticket: TicketRow, userId: string, technicianScope: 'all' | 'assigned') {
  const [user] = await scope.tx
    .select({ id: users.id, roles: users.roles, active: users.active })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, scope.organisationId)));
  const schoolIds = (
    await scope.tx.select({ schoolId: userSchools.schoolId }).from(userSchools).where(eq(userSchools.userId, userId))
  ).map((s) => s.schoolId);
  const roles = (user?.roles ?? []) as Role[];
  const reachable = schoolScope({ roles, schoolIds, technicianScope });
  if (
    !user?.active ||
    !can(roles, 'helpdesk.manage') ||
    !(reachable === 'all' || reachable.includes(ticket.schoolId))
  ) {
    throw invalid('Not someone who can take this ticket', [field('body.assigneeId', 'invalid_assignee')]);
  }
}

export async function assignTicket(scope: Scope, actor: Actor, ticketId: string, input: AssignInput, now = new Date()) {
  const before = await ticketRow(scope, actor, ticketId, true);
  if (!OPEN_STATUSES.includes(before.status)) {
    throw new AppError('HELPDESK_INVALID_STATE', `A ${before.status} ticket is not assigned`);
  }
  const notices: Notice[] = [];
  if (input.assigneeId === null) {
    if (before.status !== 'new' && before.status !== 'assigned') {
      throw new AppError('HELPDESK_INVALID_STATE', 'A ticket in progress or waiting keeps an assignee: reassign it');
    }
    await save(scope, before, { assigneeId: null, status: 'new' }, 'ticket_unassigned');
    return { ticket: await getTicket(scope, actor, ticketId), notices };
  }
  const settings = await loadHelpdeskSettings(scope);
  await checkAssignee(scope, before, input.assigneeId, settings.technicianScope);
  if (before.assigneeId !== input.assigneeId) {
    await save(
      scope,
      before,
      {
        assigneeId: input.assigneeId,
        status: before.status === 'new' ? 'assigned' : before.status,
        firstResponseAt: before.firstResponseAt ?? now,
      },
      'ticket_assigned',
    );
    if (input.assigneeId !== actor.userId)
      notices.push({ kind: 'assigned_to_you', ticketId, userId: input.assigneeId });
    if (before.openedBy && before.openedBy !== actor.userId && before.assigneeId === null) {
      notices.push({ kind: 'assigned', ticketId, userId: before.openedBy });
    }
  }
  return { ticket: await getTicket(scope, actor, ticketId), notices };
}

export async function changeStatus(
  scope: Scope,
  actor: Actor,
  ticketId: string,
  input: StatusChangeInput,
  now = new Date(),
) {
  const before = await ticketRow(scope, actor, ticketId, true);
  const to = input.status as TicketStatus;
  if (!canMoveTo(before.status, to)) {
    throw new AppError('HELPDESK_INVALID_TRANSITION', `A ticket cannot go from ${before.status} to ${to}`, {
      from: before.status,
      to,
      allowed: allowedStatuses(before.status),
    });
  }
  const settings = await loadHelpdeskSettings(scope);
  const patch: Partial<TicketRow> = { status: to };
  // Someone working on it answered it.
  if (to !== 'closed') patch.firstResponseAt = before.firstResponseAt ?? now;
  // Taking a ticket in hand (or resolving it) without an assignee makes one the assignee.
  if ((to === 'in_progress' || to === 'waiting' || to === 'resolved') && !before.assigneeId) {
    patch.assigneeId = actor.userId;
  }
  if (to === 'waiting') patch.waitingSince = now;
  if (before.status === 'waiting' && before.waitingSince) {
    const waited = workingMinutesBetween(calendarOf(settings), before.waitingSince, now);
    patch.waitingSince = null;
    patch.pausedMinutes = before.pausedMinutes + Math.round(waited);
    patch.resolutionDueAt = duesFor(settings, { ...before, pausedMinutes: patch.pausedMinutes }).resolutionDueAt;
  }
  if (to === 'resolved') patch.resolvedAt = now;
  if (to === 'closed') patch.closedAt = now;
  const notices: Notice[] = [];
  let repairs: string[] = [];
  if (to === 'resolved') {
    repairs = (await backFromRepair(scope, actor, ticketId, now)).back;
    if (before.openedBy && before.openedBy !== actor.userId) {
      notices.push({ kind: 'resolved', ticketId, userId: before.openedBy });
    }
  }
  await save(scope, before, patch, 'ticket_status_changed', repairs.length ? { backFromRepair: repairs } : {});
  if (input.note) {
    await scope.tx.insert(helpdeskComments).values({
      organisationId: scope.organisationId,
      ticketId,
      authorId: actor.userId,
      internal: false,
      body: input.note,
      createdAt: now,
    });
  }
  return { ticket: await getTicket(scope, actor, ticketId), notices };
}

export async function addComment(scope: Scope, actor: Actor, ticketId: string, input: CommentInput, now = new Date()) {
  const before = await ticketRow(scope, actor, ticketId, true);
  const manage = can(actor.roles, 'helpdesk.manage');
  if (input.internal && !manage) throw new AppError('FORBIDDEN', 'Internal comments are for the helpdesk team');
  if (!manage && !can(actor.roles, 'helpdesk.open')) throw new AppError('FORBIDDEN', 'Read-only access');
  if (before.status === 'closed') throw new AppError('HELPDESK_INVALID_STATE', 'The ticket is closed: reopen it first');
  const [comment] = await scope.tx
    .insert(helpdeskComments)
    .values({
      organisationId: scope.organisationId,
      ticketId,
      authorId: actor.userId,
      internal: input.internal,
      body: input.body,
      createdAt: now,
    })
    .returning({ id: helpdeskComments.id });
  if (!comment) throw new AppError('INTERNAL');
  const answers = !input.internal && manage && actor.userId !== before.openedBy && !before.firstResponseAt;
  await save(scope, before, answers ? { firstResponseAt: now } : {}, 'comment_added', {
    commentId: comment.id,
    internal: input.internal,
  });
  const notices: Notice[] = [];
  if (!input.internal && before.openedBy && before.openedBy !== actor.userId) {
    notices.push({ kind: 'comment', ticketId, userId: before.openedBy });
  }
  return { ticket: await getTicket(scope, actor, ticketId), notices };
}

export async function reopenTicket(scope: Scope, actor: Actor, ticketId: string, input: ReopenInput, now = new Date()) {
  const before = await ticketRow(scope, actor, ticketId, true);
  const manage = can(actor.roles, 'helpdesk.manage');
  if (!manage && before.openedBy !== actor.userId)
    throw new AppError('FORBIDDEN', 'Only the opener or the helpdesk reopen');
  if (before.status !== 'resolved' && before.status !== 'closed') {
    throw new AppError('HELPDESK_INVALID_TRANSITION', `A ${before.status} ticket is not reopened`, {
      from: before.status,
      to: 'reopened',
      allowed: allowedStatuses(before.status),
    });
  }
  const settings = await loadHelpdeskSettings(scope);
  if (!canReopen(before, settings.reopenDays, now)) {
    throw new AppError(
      'HELPDESK_REOPEN_EXPIRED',
      `Resolved more than ${settings.reopenDays} days ago: open a new ticket`,
      { reopenDays: settings.reopenDays },
    );
  }
  // The time between the resolution and the reopening was not the helpdesk's: paused.
  const pausedMinutes =
    before.pausedMinutes + Math.round(workingMinutesBetween(calendarOf(settings), before.resolvedAt ?? now, now));
  const status: TicketStatus = before.assigneeId ? 'assigned' : 'new';
  const due = duesFor(settings, { ...before, pausedMinutes });
  await scope.tx.insert(helpdeskComments).values({
    organisationId: scope.organisationId,
    ticketId,
    authorId: actor.userId,
    internal: false,
    body: input.reason,
    createdAt: now,
  });
  await save(
    scope,
    before,
    {
      status,
      resolvedAt: null,
      closedAt: null,
      pausedMinutes,
      resolutionDueAt: due.resolutionDueAt,
      satisfactionScore: null,
      satisfactionComment: null,
      satisfactionAt: null,
    },
    'ticket_reopened',
  );
  return getTicket(scope, actor, ticketId);
}

export async function rateTicket(
  scope: Scope,
  actor: Actor,
  ticketId: string,
  input: SatisfactionInput,
  now = new Date(),
) {
  const before = await ticketRow(scope, actor, ticketId, true);
  if (before.openedBy !== actor.userId) throw new AppError('FORBIDDEN', 'Only the opener rates the resolution');
  if (before.status !== 'resolved' && before.status !== 'closed') {
    throw new AppError('HELPDESK_INVALID_STATE', 'Satisfaction comes after the resolution');
  }
  if (before.satisfactionScore !== null) throw new AppError('CONFLICT', 'Already rated');
  await save(
    scope,
    before,
    { satisfactionScore: input.score, satisfactionComment: input.comment ?? null, satisfactionAt: now },
    'ticket_rated',
    { score: input.score },
  );
  return getTicket(scope, actor, ticketId);
}

// Repairs ----------------------------------------------------------------------------------

/**
 * Sends linked assets to repair through inventory's lifecycle (its rules,
 * asset events and audit hold): a device in a cart leaves the cart (the
 * cart is remembered in its previous state).
 */
export async function sendToRepair(scope: Scope, actor: Actor, ticketId: string, input: RepairInput, now = new Date()) {
  const ticket = await ticketRow(scope, actor, ticketId, true);
  if (ticket.category !== 'breakdown' || !OPEN_STATUSES.includes(ticket.status)) {
    throw new AppError('HELPDESK_INVALID_STATE', 'Only an open breakdown ticket sends its assets to repair');
  }
  const linked = await scope.tx
    .select({ l: helpdeskTicketAssets, a: assets })
    .from(helpdeskTicketAssets)
    .innerJoin(assets, eq(assets.id, helpdeskTicketAssets.assetId))
    .where(eq(helpdeskTicketAssets.ticketId, ticketId));
  const wanted = input.assetIds ?? linked.map((l) => l.a.id);
  const problems = wanted.flatMap((a, i) =>
    linked.some((l) => l.a.id === a) ? [] : [field(`body.assetIds.${i}`, 'asset_not_linked')],
  );
  if (problems.length) throw invalid('Assets not linked to the ticket', problems);
  const sent: string[] = [];
  for (const { l, a } of linked.filter((x) => wanted.includes(x.a.id))) {
    if (a.status === 'in_repair') continue;
    const options = { note: `Ticket ${ticketId}` };
    if (a.status === 'in_cart') {
      await takeOutOfCart(scope, actor, a.id, { version: a.version, to: 'in_repair' }, options);
    } else await transitionAsset(scope, actor, a.id, { version: a.version, to: 'in_repair' }, options);
    await scope.tx
      .update(helpdeskTicketAssets)
      .set({ sentToRepairAt: now, backFromRepairAt: null })
      .where(and(eq(helpdeskTicketAssets.ticketId, ticketId), eq(helpdeskTicketAssets.assetId, l.assetId)));
    sent.push(a.id);
  }
  await save(scope, ticket, {}, 'assets_sent_to_repair', { assetIds: sent });
  return getTicket(scope, actor, ticketId);
}

/**
 * At the resolution, the assets this ticket sent to repair go back to their
 * previous status and place (inventory keeps `previous_state`); an asset
 * whose previous status cannot be returned to (on loan: the loans module
 * decides) stays in repair for a person to decide.
 */
async function backFromRepair(
  scope: Scope,
  actor: Actor,
  ticketId: string,
  now: Date,
  only?: readonly string[],
): Promise<{ back: string[]; stuck: string[] }> {
  const linked = await scope.tx
    .select({ l: helpdeskTicketAssets, a: assets })
    .from(helpdeskTicketAssets)
    .innerJoin(assets, eq(assets.id, helpdeskTicketAssets.assetId))
    .where(
      and(
        eq(helpdeskTicketAssets.ticketId, ticketId),
        isNull(helpdeskTicketAssets.backFromRepairAt),
        only ? inArray(helpdeskTicketAssets.assetId, [...only]) : undefined,
      ),
    );
  const back: string[] = [];
  const stuck: string[] = [];
  for (const { l, a } of linked) {
    if (!l.sentToRepairAt) continue;
    if (a.status === 'in_repair') {
      const prev = (a.previousState ?? {}) as { status?: AssetStatus; cartId?: string | null };
      const options = { note: `Ticket ${ticketId}` };
      if (prev.status === 'in_cart' && prev.cartId) {
        await putInCart(scope, actor, a.id, { version: a.version, cartId: prev.cartId }, options);
      } else if (prev.status && prev.status !== 'in_cart' && canTransition('in_repair', prev.status)) {
        await transitionAsset(scope, actor, a.id, { version: a.version, to: prev.status }, options);
      } else {
        stuck.push(a.id);
        continue;
      }
    }
    await scope.tx
      .update(helpdeskTicketAssets)
      .set({ backFromRepairAt: now })
      .where(and(eq(helpdeskTicketAssets.ticketId, ticketId), eq(helpdeskTicketAssets.assetId, l.assetId)));
    back.push(a.id);
  }
  return { back, stuck };
}

/**
 * Brings assets this ticket sent to repair back before the resolution (the
 * repair is done, the ticket stays open to check with the school). An asset
 * whose previous status cannot be returned to directly (on loan) is a 409
 * naming it: inventory's asset page decides for it.
 */
export async function returnFromRepair(
  scope: Scope,
  actor: Actor,
  ticketId: string,
  input: RepairInput,
  now = new Date(),
) {
  const ticket = await ticketRow(scope, actor, ticketId, true);
  if (!OPEN_STATUSES.includes(ticket.status)) {
    throw new AppError('HELPDESK_INVALID_STATE', 'A resolved ticket already brought its assets back');
  }
  const inRepair = await scope.tx
    .select({ assetId: helpdeskTicketAssets.assetId })
    .from(helpdeskTicketAssets)
    .innerJoin(assets, eq(assets.id, helpdeskTicketAssets.assetId))
    .where(
      and(
        eq(helpdeskTicketAssets.ticketId, ticketId),
        isNull(helpdeskTicketAssets.backFromRepairAt),
        sql`${helpdeskTicketAssets.sentToRepairAt} IS NOT NULL`,
        eq(assets.status, 'in_repair'),
      ),
    );
  const sent = inRepair.map((r) => r.assetId);
  const wanted = input.assetIds ?? sent;
  const problems = wanted.flatMap((a, i) =>
    sent.includes(a) ? [] : [field(`body.assetIds.${i}`, 'asset_not_in_repair')],
  );
  if (problems.length) throw invalid('Assets this ticket did not send to repair', problems);
  if (!wanted.length) throw new AppError('HELPDESK_INVALID_STATE', 'No asset of this ticket is in repair');
  const { back, stuck } = await backFromRepair(scope, actor, ticketId, now, wanted);
  if (stuck.length) {
    throw new AppError('HELPDESK_INVALID_STATE', 'Its previous status is not returned to here: see the asset page', {
      assetIds: stuck,
    });
  }
  await save(scope, ticket, {}, 'assets_back_from_repair', { assetIds: back });
  return getTicket(scope, actor, ticketId);
}

// Settings -----------------------------------------------------------------------------------

export async function getHelpdeskSettings(scope: Scope): Promise<HelpdeskSettings> {
  const { technicianScope: _t, ...settings } = await loadHelpdeskSettings(scope);
  return settings;
}

/**
 * Changes the SLA targets or the calendar, and recomputes the due times of
 * the open tickets (a wait in progress keeps its resolution due time).
 */
export async function updateHelpdeskSettings(scope: Scope, input: UpdateHelpdeskSettingsInput) {
  const [org] = await scope.tx
    .select({ settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.id, scope.organisationId))
    .for('update');
  const all = parseSettings(org?.settings);
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const current = helpdeskSettingsOf(all);
  const next = { ...all, helpdesk: { ...current, ...changes } as HelpdeskSettings };
  await scope.tx
    .update(organisations)
    .set({ settings: next, updatedAt: new Date() })
    .where(eq(organisations.id, scope.organisationId));
  const open = await scope.tx
    .select()
    .from(helpdeskTickets)
    .where(
      and(
        eq(helpdeskTickets.organisationId, scope.organisationId),
        inArray(helpdeskTickets.status, [...OPEN_STATUSES]),
      ),
    )
    .for('update');
  for (const t of open) {
    const due = duesFor(next.helpdesk, t);
    await scope.tx
      .update(helpdeskTickets)
      .set({
        responseDueAt: due.responseDueAt,
        ...(t.status === 'waiting' ? {} : { resolutionDueAt: due.resolutionDueAt }),
      })
      .where(eq(helpdeskTickets.id, t.id));
  }
  await recordAudit(scope, {
    action: 'helpdesk.settings_updated',
    entityType: 'organisation',
    entityId: scope.organisationId,
    before: current,
    after: { ...next.helpdesk, recomputedTickets: open.length },
  });
  return next.helpdesk;
}

const rolesWith = (permission: Permission): readonly Role[] => PERMISSIONS[permission] as readonly Role[];

// Assignment ---------------------------------------------------------------------------------

/**
 * Who can be assigned this ticket: active users of the organisation with
 * `helpdesk.manage` who reach its school (the same rule `assign` checks),
 * by name. The current assignee is flagged.
 */
export async function findAssignees(scope: Scope, actor: Actor, ticketId: string) {
  const ticket = await ticketRow(scope, actor, ticketId);
  const settings = await loadHelpdeskSettings(scope);
  const workers = rolesWith('helpdesk.manage');
  const candidates = await scope.tx
    .select({ id: users.id, displayName: users.displayName, roles: users.roles })
    .from(users)
    .where(
      and(
        eq(users.organisationId, scope.organisationId),
        eq(users.active, true),
        sql`${users.roles} && ARRAY[${sql.join(
          workers.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  const links = candidates.length
    ? await scope.tx
        .select({ userId: userSchools.userId, schoolId: userSchools.schoolId })
        .from(userSchools)
        .where(
          inArray(
            userSchools.userId,
            candidates.map((c) => c.id),
          ),
        )
    : [];
  return candidates
    .filter((c) => {
      const schoolIds = links.filter((l) => l.userId === c.id).map((l) => l.schoolId);
      const reachable = schoolScope({
        roles: c.roles as Role[],
        schoolIds,
        technicianScope: settings.technicianScope,
      });
      return reachable === 'all' || reachable.includes(ticket.schoolId);
    })
    .map((c) => ({ id: c.id, displayName: c.displayName, current: c.id === ticket.assigneeId }));
}

// Attachments --------------------------------------------------------------------------------

/** Attachments per ticket: enough for photos and a quote, not a file store. */
export const MAX_TICKET_FILES = 20;
export const TICKET_FILE_ENTITY = 'helpdesk_ticket';

async function findTicketFiles(scope: Scope, actor: Actor, ticketId: string) {
  return scope.tx
    .select({ f: files, internal: helpdeskTicketFiles.internal, authorName: authorUsers.displayName })
    .from(helpdeskTicketFiles)
    .innerJoin(files, eq(files.id, helpdeskTicketFiles.fileId))
    .leftJoin(authorUsers, eq(authorUsers.id, files.createdBy))
    .where(
      and(
        eq(helpdeskTicketFiles.ticketId, ticketId),
        // Internal files never leave the server for school staff (like internal comments).
        seesInternal(actor) ? undefined : eq(helpdeskTicketFiles.internal, false),
      ),
    )
    .orderBy(asc(files.createdAt), asc(files.id));
}

function presentFile(
  actor: Actor,
  status: TicketStatus,
  { f, internal, authorName }: Awaited<ReturnType<typeof findTicketFiles>>[number],
) {
  return {
    id: f.id,
    name: f.name,
    mime: f.mime,
    size: f.size,
    createdAt: f.createdAt.toISOString(),
    internal,
    author: f.createdBy ? { id: f.createdBy, displayName: authorName ?? '' } : null,
    can: { delete: canDeleteFile(actor, status, f.createdBy) },
  };
}

/** The helpdesk team always; the author while the ticket is not closed. */
function canDeleteFile(actor: Actor, status: TicketStatus, author: string | null): boolean {
  if (can(actor.roles, 'helpdesk.manage')) return true;
  return author !== null && author === actor.userId && status !== 'closed' && can(actor.roles, 'helpdesk.open');
}

export async function listTicketFiles(scope: Scope, actor: Actor, ticketId: string) {
  const ticket = await ticketRow(scope, actor, ticketId);
  return (await findTicketFiles(scope, actor, ticketId)).map((f) => presentFile(actor, ticket.status, f));
}

/**
 * Attaches a file to a ticket through the files module (type read from the
 * content, size limited, audited as `file.attached`): whoever may comment
 * publicly, and internal files for the helpdesk team; not on a closed ticket.
 */
export async function attachTicketFile(
  scope: Scope,
  actor: Actor,
  config: Config,
  ticketId: string,
  input: { bytes: Uint8Array; name: string | undefined; internal: boolean },
) {
  const ticket = await ticketRow(scope, actor, ticketId, true);
  const manage = can(actor.roles, 'helpdesk.manage');
  if (input.internal && !manage) throw new AppError('FORBIDDEN', 'Internal files are for the helpdesk team');
  if (!manage && !can(actor.roles, 'helpdesk.open')) throw new AppError('FORBIDDEN', 'Read-only access');
  if (ticket.status === 'closed') throw new AppError('HELPDESK_INVALID_STATE', 'The ticket is closed: reopen it first');
  const [existing] = await scope.tx
    .select({ n: count() })
    .from(helpdeskTicketFiles)
    .where(eq(helpdeskTicketFiles.ticketId, ticketId));
  if (Number(existing?.n ?? 0) >= MAX_TICKET_FILES) {
    throw new AppError('CONFLICT', `A ticket holds ${MAX_TICKET_FILES} files at most: delete one first`, {
      max: MAX_TICKET_FILES,
    });
  }
  const file = await attachFile(scope, config, { type: TICKET_FILE_ENTITY, id: ticketId }, input.bytes, input.name);
  await scope.tx.insert(helpdeskTicketFiles).values({
    fileId: file.id,
    organisationId: scope.organisationId,
    ticketId,
    internal: input.internal,
  });
  await scope.tx.update(helpdeskTickets).set({ updatedAt: new Date() }).where(eq(helpdeskTickets.id, ticketId));
  const [row] = (await findTicketFiles(scope, actor, ticketId)).filter((f) => f.f.id === file.id);
  if (!row) throw new AppError('INTERNAL');
  return presentFile(actor, ticket.status, row);
}

/** One attachment of a ticket the actor sees (an internal one only for whom sees internal notes); else 404. */
async function ticketFile(scope: Scope, actor: Actor, ticketId: string, fileId: string) {
  const ticket = await ticketRow(scope, actor, ticketId);
  const [row] = (await findTicketFiles(scope, actor, ticketId)).filter((f) => f.f.id === fileId);
  if (!row) throw notFound('File');
  return { ticket, row };
}

/** What the download route streams (the bytes are read after the transaction). */
export async function getTicketFile(scope: Scope, actor: Actor, ticketId: string, fileId: string) {
  const { row } = await ticketFile(scope, actor, ticketId, fileId);
  return row.f;
}

/** Deletes an attachment (the author while the ticket is open, the helpdesk team always); returns the unlink to run after the commit. */
export async function deleteTicketFile(scope: Scope, actor: Actor, config: Config, ticketId: string, fileId: string) {
  const { ticket, row } = await ticketFile(scope, actor, ticketId, fileId);
  if (!canDeleteFile(actor, ticket.status, row.f.createdBy)) {
    throw new AppError(
      'FORBIDDEN',
      'Only its author (before the ticket is closed) or the helpdesk team deletes a file',
    );
  }
  await scope.tx.delete(helpdeskTicketFiles).where(eq(helpdeskTicketFiles.fileId, fileId));
  return deleteFile(scope, config, fileId);
}

// Automatic closing --------------------------------------------------------------------------

/**
 * Resolved tickets whose reopen window (`reopenDays`) has passed become
 * `closed` (daily `helpdesk-auto-close` job): after that nobody could
 * reopen them anyway. Each closing is audited (`helpdesk.ticket_auto_closed`,
 * actor kind `job`). Per organisation, in its own transaction.
 */
export async function closeExpiredTickets(db: Database, now = new Date()): Promise<{ closed: number }> {
  const orgs = await db.owner.select({ id: organisations.id }).from(organisations);
  let closed = 0;
  for (const org of orgs) {
    closed += await db.withOrg(
      { organisationId: org.id, userId: null, actorKind: 'job', requestId: null },
      async (scope) => {
        const settings = await loadHelpdeskSettings(scope);
        const limit = new Date(now.getTime() - settings.reopenDays * 86_400_000);
        const due = await scope.tx
          .select()
          .from(helpdeskTickets)
          .where(
            and(
              eq(helpdeskTickets.organisationId, org.id),
              eq(helpdeskTickets.status, 'resolved'),
              sql`${helpdeskTickets.resolvedAt} < ${limit}`,
            ),
          )
          .for('update', { skipLocked: true });
        let n = 0;
        for (const ticket of due) {
          if (canReopen(ticket, settings.reopenDays, now)) continue;
          await save(scope, ticket, { status: 'closed', closedAt: now }, 'ticket_auto_closed', {
            reopenDays: settings.reopenDays,
          });
          n += 1;
        }
        return n;
      },
    );
  }
  return { closed };
}
