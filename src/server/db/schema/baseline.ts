import { bigint, boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './core.ts';

/**
 * The socle numérique (migration 0017; issue #7) and the digital services
 * it counts (issue #8 point 4): services catalogue and subscriptions per
 * school, versioned référentiel grids (immutable rows, the highest version
 * is in force), managers' justified overrides and saved plans. Composite
 * foreign keys keeping links inside one organisation are in the migration.
 */

export const SERVICE_KINDS = [
  'ent',
  'cloud',
  'school_server',
  'resources',
  'software',
  'mdm',
  'filtering',
  'other',
] as const;
export const SERVICE_PRICING = ['per_school', 'per_pupil', 'per_seat'] as const;
export const OVERRIDE_STATUSES = ['met', 'partly', 'missing'] as const;

const cents = (name: string) => bigint(name, { mode: 'number' });
const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const digitalServices = pgTable('digital_services', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  kind: text('kind').$type<(typeof SERVICE_KINDS)[number]>().notNull(),
  supplierId: uuid('supplier_id'),
  description: text('description').notNull().default(''),
  pricing: text('pricing').$type<(typeof SERVICE_PRICING)[number]>().notNull().default('per_school'),
  /** Reference yearly price HT per school, pupil or seat (prices the socle's gaps). */
  unitPriceCents: cents('unit_price_cents'),
  archived: boolean('archived').notNull().default(false),
  ...timestamps,
});

export const schoolSubscriptions = pgTable('school_subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  schoolId: uuid('school_id').notNull(),
  serviceId: uuid('service_id').notNull(),
  seats: integer('seats'),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  /** Last day covered; null = open-ended. */
  endsOn: date('ends_on', { mode: 'string' }),
  yearlyCostCents: cents('yearly_cost_cents'),
  contractId: uuid('contract_id'),
  notes: text('notes').notNull().default(''),
  ...timestamps,
});

export const baselineGrids = pgTable('baseline_grids', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  version: integer('version').notNull(),
  name: text('name').notNull(),
  /** The preset it was made from (`snee_2021`), kept for the history. */
  preset: text('preset'),
  /** School kinds the grid applies to (the SNEE targets écoles élémentaires). */
  schoolKinds: text('school_kinds').array().notNull(),
  /** The criteria (validated by `GridCriteriaSchema` of the baseline module). */
  criteria: jsonb('criteria').$type<unknown[]>().notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const baselineOverrides = pgTable('baseline_overrides', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  schoolId: uuid('school_id').notNull(),
  /** Null: a school-level criterion; set: one class. */
  classId: uuid('class_id'),
  criterionKey: text('criterion_key').notNull(),
  status: text('status').$type<(typeof OVERRIDE_STATUSES)[number]>().notNull(),
  justification: text('justification').notNull(),
  /** What proves it (document reference, URL, visit report). */
  evidence: text('evidence').notNull(),
  /** After this day the computed status applies again. */
  expiresOn: date('expires_on', { mode: 'string' }),
  recordedBy: uuid('recorded_by'),
  ...timestamps,
});

export const baselinePlans = pgTable('baseline_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  gridVersion: integer('grid_version').notNull(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull(),
  result: jsonb('result').$type<Record<string, unknown>>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
