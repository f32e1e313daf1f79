import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './core.ts';

/**
 * Helpdesk (migration 0020; issue #8 point 1): tickets with their SLA due
 * times (computed in working hours by the service and stored), readable
 * numbers and attachments (migration 0021), linked
 * assets (and whether the ticket sent them to repair), public and internal
 * comments. Composite foreign keys and the CHECKs tying statuses to their
 * timestamps are in the migration.
 */

export const TICKET_CATEGORIES = ['breakdown', 'request', 'network', 'account', 'training'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const helpdeskTickets = pgTable('helpdesk_tickets', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  /**
   * Readable number, `T-2026-00042`: given by a trigger at the insert from a
   * per-organisation, per-year counter (migration 0021); never changes. The
   * default only makes it optional in inserts (the trigger always sets it).
   */
  number: text('number').notNull().default(sql`NULL`),
  schoolId: uuid('school_id').notNull(),
  roomId: uuid('room_id'),
  source: text('source').$type<'staff' | 'family'>().notNull().default('staff'),
  category: text('category').$type<TicketCategory>().notNull(),
  priority: text('priority').$type<TicketPriority>().notNull().default('normal'),
  status: text('status').$type<TicketStatus>().notNull().default('new'),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  openedBy: uuid('opened_by'),
  assigneeId: uuid('assignee_id'),
  responseDueAt: timestamp('response_due_at', { withTimezone: true }),
  resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
  firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
  waitingSince: timestamp('waiting_since', { withTimezone: true }),
  /** Working minutes the resolution clock was paused (waiting, resolved before a reopening). */
  pausedMinutes: integer('paused_minutes').notNull().default(0),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  satisfactionScore: smallint('satisfaction_score'),
  satisfactionComment: text('satisfaction_comment'),
  satisfactionAt: timestamp('satisfaction_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const helpdeskTicketAssets = pgTable(
  'helpdesk_ticket_assets',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    ticketId: uuid('ticket_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    sentToRepairAt: timestamp('sent_to_repair_at', { withTimezone: true }),
    backFromRepairAt: timestamp('back_from_repair_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'helpdesk_ticket_assets_pk', columns: [t.ticketId, t.assetId] })],
);

export const helpdeskComments = pgTable('helpdesk_comments', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  ticketId: uuid('ticket_id').notNull(),
  authorId: uuid('author_id'),
  internal: boolean('internal').notNull().default(false),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Last number given per organisation and year (migration 0021; bumped by the numbering trigger only). */
export const helpdeskTicketCounters = pgTable(
  'helpdesk_ticket_counters',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ name: 'helpdesk_ticket_counters_pk', columns: [t.organisationId, t.year] })],
);

/** Files attached to a ticket (bytes and metadata in `files`, entity type `helpdesk_ticket`); internal ones for the helpdesk team. */
export const helpdeskTicketFiles = pgTable('helpdesk_ticket_files', {
  fileId: uuid('file_id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  ticketId: uuid('ticket_id').notNull(),
  internal: boolean('internal').notNull().default(false),
});
