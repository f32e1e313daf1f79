import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { classes, organisations, rooms, schools, users } from './core.ts';

/**
 * Equipment inventory (issue "Equipment inventory and lifecycle"): the
 * catalogue (categories, manufacturers, models), assets with their lifecycle
 * status and location, asset events (the history), stock locations,
 * inventory rounds. Money in integer cents, HT.
 */

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** What a category counts as, for the socle numérique and the demo. */
export const CATEGORY_ROLES = [
  'projection',
  'teacher_computer',
  'pupil_device',
  'desktop',
  'document_camera',
  'network_ap',
  'network_switch',
  'server',
  'printer',
  'cart',
  'hotspot',
  'accessory',
  'other',
] as const;

export const assetCategories = pgTable(
  'asset_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    nameFr: text('name_fr').notNull(),
    nameEn: text('name_en').notNull(),
    role: text('role').notNull().default('other'),
    /** JSON Schema (type object) of the category's custom fields. */
    customFieldsSchema: jsonb('custom_fields_schema').$type<Record<string, unknown>>(),
    /** Reference unit price HT that prices the socle's gaps (migration 0017); null: the models' average. */
    referencePriceCents: bigint('reference_price_cents', { mode: 'number' }),
    /** Reference installation cost HT per unit (migration 0017). */
    installCostCents: bigint('install_cost_cents', { mode: 'number' }),
    archived: boolean('archived').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('asset_categories_org_code_key').on(t.organisationId, t.code),
    check('asset_categories_code_check', sql`${t.code} ~ '^[a-z0-9_]{2,40}$'`),
    check('asset_categories_role_check', sql.raw(`role in (${CATEGORY_ROLES.map((r) => `'${r}'`).join(',')})`)),
  ],
);

export const manufacturers = pgTable(
  'manufacturers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('manufacturers_org_name_key').on(t.organisationId, sql`lower(${t.name})`)],
);

export const assetModels = pgTable(
  'asset_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => assetCategories.id),
    manufacturerId: uuid('manufacturer_id').references(() => manufacturers.id),
    name: text('name').notNull(),
    modelNumber: text('model_number'),
    specs: jsonb('specs').$type<Record<string, unknown>>().notNull().default({}),
    /** Reference unit price HT, in cents. */
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }),
    /** Installation cost HT per unit, in cents (projection devices, access points…). */
    installCostCents: bigint('install_cost_cents', { mode: 'number' }),
    expectedLifeYears: integer('expected_life_years'),
    archived: boolean('archived').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('asset_models_org_name_key').on(t.organisationId, sql`lower(${t.name})`),
    check(
      'asset_models_price_check',
      sql`coalesce(${t.unitPriceCents}, 0) >= 0 and coalesce(${t.installCostCents}, 0) >= 0`,
    ),
    check('asset_models_life_check', sql`${t.expectedLifeYears} is null or ${t.expectedLifeYears} between 1 and 50`),
  ],
);

export const stockLocations = pgTable(
  'stock_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** warehouse (city store), technician (workshop), school_store (a cupboard in a school). */
    kind: text('kind').notNull().default('warehouse'),
    schoolId: uuid('school_id').references(() => schools.id),
    archived: boolean('archived').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('stock_locations_org_name_key').on(t.organisationId, t.name),
    check('stock_locations_kind_check', sql`${t.kind} in ('warehouse','technician','school_store')`),
  ],
);

export const ASSET_STATUSES = [
  'ordered',
  'in_stock',
  'preparing',
  'deployed',
  'in_cart',
  'on_loan',
  'returned',
  'in_repair',
  'lost',
  'stolen',
  'retired',
  'donated',
] as const;

export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    tag: text('tag').notNull(),
    serial: text('serial'),
    modelId: uuid('model_id')
      .notNull()
      .references(() => assetModels.id),
    status: text('status').notNull(),
    schoolId: uuid('school_id').references(() => schools.id),
    roomId: uuid('room_id').references(() => rooms.id),
    classId: uuid('class_id').references(() => classes.id),
    cartId: uuid('cart_id').references((): AnyPgColumn => assets.id),
    stockLocationId: uuid('stock_location_id').references(() => stockLocations.id),
    /** Where the asset was before `in_repair`, to put it back. */
    previousState: jsonb('previous_state').$type<Record<string, unknown>>(),
    purchaseDate: date('purchase_date', { mode: 'string' }),
    purchasePriceCents: bigint('purchase_price_cents', { mode: 'number' }),
    supplier: text('supplier'),
    orderRef: text('order_ref'),
    invoiceRef: text('invoice_ref'),
    /** The purchase order line and the delivery that brought it (migration 0015; FKs in SQL). */
    orderLineId: uuid('order_line_id'),
    deliveryId: uuid('delivery_id'),
    warrantyEnd: date('warranty_end', { mode: 'string' }),
    mdmEnrolled: boolean('mdm_enrolled').notNull().default(false),
    /** Wifi access points: can be switched off outside teaching (loi 2015-136 art. 7). */
    wifiSwitchableOff: boolean('wifi_switchable_off'),
    notes: text('notes'),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    /** Optimistic concurrency: every change increments it. */
    version: integer('version').notNull().default(1),
    /** Made up by the demo generator. */
    generated: boolean('generated').notNull().default(false),
    lastAuditedAt: timestamp('last_audited_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('assets_org_tag_key').on(t.organisationId, t.tag),
    uniqueIndex('assets_model_serial_key').on(t.modelId, t.serial).where(sql`${t.serial} is not null`),
    index('assets_org_school_status_idx').on(t.organisationId, t.schoolId, t.status),
    index('assets_org_status_idx').on(t.organisationId, t.status),
    index('assets_cart_idx').on(t.cartId),
    index('assets_room_idx').on(t.roomId),
    index('assets_model_idx').on(t.modelId),
    check('assets_status_check', sql.raw(`status in (${ASSET_STATUSES.map((s) => `'${s}'`).join(',')})`)),
    check('assets_not_own_cart', sql`${t.cartId} is null or ${t.cartId} <> ${t.id}`),
    check('assets_cart_status', sql`(${t.cartId} is not null) = (${t.status} = 'in_cart')`),
    check('assets_price_check', sql`coalesce(${t.purchasePriceCents}, 0) >= 0`),
    check('assets_tag_check', sql`length(${t.tag}) between 1 and 64`),
  ],
);

/** The history of an asset. Personal data never goes here (loans keep theirs apart). */
export const assetEvents = pgTable(
  'asset_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    fromLocation: jsonb('from_location').$type<Record<string, unknown>>(),
    toLocation: jsonb('to_location').$type<Record<string, unknown>>(),
    note: text('note'),
    /** Set when the change came from a bulk action or an import. */
    batchId: uuid('batch_id'),
  },
  (t) => [index('asset_events_asset_idx').on(t.assetId, t.occurredAt)],
);

/** Allowed status changes, the database's copy of the state machine (rules.ts). */
export const assetStatusTransitions = pgTable(
  'asset_status_transitions',
  {
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromStatus, t.toStatus] })],
);

/** Next number of generated inventory tags, per organisation and year. */
export const assetTagCounters = pgTable(
  'asset_tag_counters',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    next: integer('next').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);

export const inventoryRounds = pgTable(
  'inventory_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** school, room or cart */
    scopeKind: text('scope_kind').notNull(),
    schoolId: uuid('school_id').references(() => schools.id),
    roomId: uuid('room_id').references(() => rooms.id),
    cartId: uuid('cart_id').references(() => assets.id),
    status: text('status').notNull().default('open'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    startedBy: uuid('started_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    correctionsAppliedAt: timestamp('corrections_applied_at', { withTimezone: true }),
    notes: text('notes'),
  },
  (t) => [
    index('inventory_rounds_org_idx').on(t.organisationId, t.startedAt),
    check('inventory_rounds_scope_check', sql`${t.scopeKind} in ('school','room','cart')`),
    check('inventory_rounds_status_check', sql`${t.status} in ('open','closed','cancelled')`),
  ],
);

/** The assets expected when the round started (a snapshot). */
export const inventoryRoundExpected = pgTable(
  'inventory_round_expected',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => inventoryRounds.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.assetId] })],
);

export const inventoryRoundScans = pgTable(
  'inventory_round_scans',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => inventoryRounds.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    tag: text('tag').notNull(),
    assetId: uuid('asset_id').references(() => assets.id),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull().defaultNow(),
    scannedBy: uuid('scanned_by').references(() => users.id),
  },
  (t) => [uniqueIndex('inventory_round_scans_round_tag_key').on(t.roundId, t.tag)],
);
