import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, smallint, text, time, timestamp, uuid } from 'drizzle-orm/pg-core';
import { classes, organisations, rooms, schools, users } from './core.ts';
import { assets } from './inventory.ts';

/**
 * Bookings (migration 0018; issue #8 point 2): carts, devices and rooms
 * booked for a class or a périscolaire activity. The exclusion constraint
 * that forbids two live bookings of one resource over overlapping times,
 * the generated `during` range it works on, the composite foreign keys and
 * the CHECKs are in the migration (drizzle cannot express EXCLUDE).
 */

export const BOOKING_STATUSES = ['requested', 'confirmed', 'cancelled', 'picked_up', 'returned'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** The statuses that hold the slot (the exclusion constraint's WHERE). */
export const ACTIVE_BOOKING_STATUSES = ['requested', 'confirmed', 'picked_up'] as const;
export const RESOURCE_KINDS = ['cart', 'device', 'room'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export type ContentItem = { id: string; tag: string };
export type ReturnCheck = {
  expected: ContentItem[];
  scanned: string[];
  missing: ContentItem[];
  /** Tags scanned that were not in the cart at pick-up (unknown tags included). */
  extra: string[];
};

export const bookingResourceSettings = pgTable('booking_resource_settings', {
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  assetId: uuid('asset_id'),
  roomId: uuid('room_id'),
  resourceId: uuid('resource_id').notNull().generatedAlwaysAs(sql`coalesce(asset_id, room_id)`),
  requiresApproval: boolean('requires_approval').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const bookingSeries = pgTable('booking_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => schools.id),
  /** ISO weekday, 1 = Monday. */
  weekday: smallint('weekday').notNull(),
  startTime: time('start_time').notNull(),
  endTime: time('end_time').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  occurrences: integer('occurrences'),
  bookedBy: uuid('booked_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const bookings = pgTable('bookings', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  schoolId: uuid('school_id')
    .notNull()
    .references(() => schools.id),
  seriesId: uuid('series_id').references(() => bookingSeries.id),
  resourceKind: text('resource_kind').$type<ResourceKind>().notNull(),
  assetId: uuid('asset_id').references(() => assets.id),
  roomId: uuid('room_id').references(() => rooms.id),
  resourceId: uuid('resource_id').notNull().generatedAlwaysAs(sql`coalesce(asset_id, room_id)`),
  classId: uuid('class_id').references(() => classes.id),
  activity: text('activity'),
  bookedBy: uuid('booked_by')
    .notNull()
    .references(() => users.id),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  status: text('status').$type<BookingStatus>().notNull(),
  notes: text('notes').notNull().default(''),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  cancelledBy: uuid('cancelled_by'),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  pickedUpBy: uuid('picked_up_by'),
  pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
  /** Cart contents at pick-up: what the return is checked against. */
  expectedContents: jsonb('expected_contents').$type<ContentItem[]>(),
  returnedBy: uuid('returned_by'),
  returnedAt: timestamp('returned_at', { withTimezone: true }),
  returnCheck: jsonb('return_check').$type<ReturnCheck>(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const bookingFeeds = pgTable('booking_feeds', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<'school' | 'user'>().notNull(),
  schoolId: uuid('school_id').references(() => schools.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
