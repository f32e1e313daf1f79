import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * One drizzle schema for the whole database. drizzle-kit generates the DDL
 * from it into `migrations/`; row-level security, roles, grants and triggers
 * are appended by hand to those migrations (drizzle-kit does not express
 * them the way we need). Every business table carries `organisation_id`.
 */

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  ...timestamps,
});

/**
 * Schools (DOMAIN.md §2). `name` is the official name (Annuaire),
 * `usualName` what the city calls it. A school is never hard-deleted once
 * referenced: it is closed (`closedOn`).
 */
export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    uai: text('uai').notNull(),
    name: text('name').notNull(),
    usualName: text('usual_name'),
    kind: text('kind').notNull(),
    sector: text('sector').notNull().default('public'),
    address: text('address'),
    postcode: text('postcode'),
    communeCode: text('commune_code'),
    communeName: text('commune_name'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    priorityEducation: text('priority_education').notNull().default('none'),
    circonscriptionCode: text('circonscription_code'),
    circonscriptionName: text('circonscription_name'),
    /** Indice de position sociale (IPS), when known, and its school year. */
    ips: numeric('ips', { precision: 5, scale: 1, mode: 'number' }),
    ipsYear: text('ips_year'),
    openedOn: date('opened_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    closingAnnounced: boolean('closing_announced').notNull().default(false),
    schoolGroup: text('school_group'),
    /** Where the record came from: demo, annuaire, effectifs, ips, socle, manual. */
    source: text('source').notNull().default('manual'),
    /** What the list search looks in, lower-cased once at write time. */
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(name || ' ' || coalesce(usual_name, '') || ' ' || uai || ' ' || coalesce(commune_name, ''))`,
    ),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('schools_org_uai_key').on(t.organisationId, t.uai),
    index('schools_org_name_idx').on(t.organisationId, t.name),
    check('schools_uai_format', sql`${t.uai} ~ '^[0-9]{7}[A-Z]$'`),
    check('schools_kind_check', sql`${t.kind} in ('maternelle','elementaire','primaire','application')`),
    check('schools_sector_check', sql`${t.sector} in ('public','private')`),
    check('schools_priority_check', sql`${t.priorityEducation} in ('none','REP','REP+')`),
    check('schools_lat_check', sql`${t.latitude} between -90 and 90`),
    check('schools_lon_check', sql`${t.longitude} between -180 and 180`),
    check('schools_dates_check', sql`${t.closedOn} is null or ${t.openedOn} is null or ${t.closedOn} >= ${t.openedOn}`),
  ],
);

/** Pupils and classes of one school for one rentrée (2023 = school year 2023-2024). */
export const schoolYears = pgTable(
  'school_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    year: integer('year').notNull(),
    pupils: integer('pupils'),
    classesCount: integer('classes_count'),
    /** Pupils per level as published (CP, CE1…, preelementaire, ulis). */
    pupilsByLevel: jsonb('pupils_by_level').$type<Record<string, number>>().notNull().default({}),
    source: text('source').notNull().default('manual'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('school_years_school_year_key').on(t.schoolId, t.year),
    check('school_years_year_check', sql`${t.year} between 1990 and 2100`),
    check('school_years_counts_check', sql`coalesce(${t.pupils}, 0) >= 0 and coalesce(${t.classesCount}, 0) >= 0`),
  ],
);

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    name: text('name').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('buildings_school_name_key').on(t.schoolId, t.name)],
);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    buildingId: uuid('building_id').references(() => buildings.id),
    name: text('name').notNull(),
    /** classroom, computer_room, library (BCD), staff_room, office, technical, other. */
    kind: text('kind').notNull().default('classroom'),
    floor: text('floor'),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('rooms_school_name_key').on(t.schoolId, t.name),
    check(
      'rooms_kind_check',
      sql`${t.kind} in ('classroom','computer_room','library','staff_room','office','technical','periscolaire','other')`,
    ),
  ],
);

/** A class of one school in one rentrée; its classroom that year. */
export const classes = pgTable(
  'classes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    levels: text('levels').array().notNull().default(sql`'{}'::text[]`),
    pupils: integer('pupils'),
    ulis: boolean('ulis').notNull().default(false),
    roomId: uuid('room_id').references(() => rooms.id),
    /** True when made up from published class counts, not entered by the school. */
    generated: boolean('generated').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('classes_school_year_name_key').on(t.schoolId, t.year, t.name),
    uniqueIndex('classes_room_year_key').on(t.roomId, t.year),
    index('classes_org_year_idx').on(t.organisationId, t.year),
    check('classes_levels_check', sql`${t.levels} <@ array['TPS','PS','MS','GS','CP','CE1','CE2','CM1','CM2']::text[]`),
    check('classes_pupils_check', sql`coalesce(${t.pupils}, 0) >= 0`),
    check('classes_year_check', sql`${t.year} between 1990 and 2100`),
  ],
);

/** Network facts of a school (one row per school). */
export const schoolNetworks = pgTable(
  'school_networks',
  {
    schoolId: uuid('school_id')
      .primaryKey()
      .references(() => schools.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** fibre, vdsl, adsl, cable, 4g_5g, satellite, other, none. */
    internetAccess: text('internet_access'),
    bandwidthDownMbps: numeric('bandwidth_down_mbps', { precision: 9, scale: 2, mode: 'number' }),
    bandwidthUpMbps: numeric('bandwidth_up_mbps', { precision: 9, scale: 2, mode: 'number' }),
    /** yes, partial, no. */
    wiredNetwork: text('wired_network'),
    wifiPresent: boolean('wifi_present'),
    /** Loi n° 2015-136, art. 7: the conseil d'école is informed before a new radio network. */
    conseilEcoleInformedOn: date('conseil_ecole_informed_on', { mode: 'string' }),
    notes: text('notes'),
    ...timestamps,
  },
  (t) => [
    check(
      'school_networks_access_check',
      sql`${t.internetAccess} in ('fibre','vdsl','adsl','cable','4g_5g','satellite','other','none')`,
    ),
    check('school_networks_wired_check', sql`${t.wiredNetwork} in ('yes','partial','no')`),
    check(
      'school_networks_bandwidth_check',
      sql`coalesce(${t.bandwidthDownMbps}, 0) >= 0 and coalesce(${t.bandwidthUpMbps}, 0) >= 0`,
    ),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string; null for accounts that sign in only through SSO. */
    passwordHash: text('password_hash'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    locale: text('locale').notNull().default('fr'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_org_email_key').on(t.organisationId, sql`lower(${t.email})`),
    index('users_email_idx').on(sql`lower(${t.email})`),
    check(
      'users_roles_check',
      sql`${t.roles} <@ array['admin','manager','technician','finance','director','teacher','periscolaire','auditor']::text[]`,
    ),
    check('users_locale_check', sql`${t.locale} in ('fr','en')`),
  ],
);

export const userSchools = pgTable(
  'user_schools',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.schoolId] }), index('user_schools_school_idx').on(t.schoolId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the cookie value: a database leak does not hand out sessions. */
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expiry_idx').on(t.absoluteExpiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, shown in lists so a user can tell tokens apart. */
    tokenPrefix: text('token_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/**
 * Login throttle counters. Platform table (no organisation: the account is
 * not known before the password is checked). Keys are SHA-256 hashes of the
 * normalised e-mail or of the IP address, so the table holds no personal data
 * in clear; rows older than a day are purged by a job.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    scope: text('scope').notNull(),
    keyHash: text('key_hash').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_key_idx').on(t.scope, t.keyHash, t.attemptedAt),
    check('login_attempts_scope_check', sql`${t.scope} in ('account','ip')`),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Position in the organisation's hash chain, set by trigger. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    /** "user", "system", "cli", "token:<name>"… — who acted, without personal data. */
    actorKind: text('actor_kind').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_events_org_seq_key').on(t.organisationId, t.seq),
    index('audit_events_entity_idx').on(t.organisationId, t.entityType, t.entityId),
    index('audit_events_time_idx').on(t.organisationId, t.occurredAt),
  ],
);

/** Head of each organisation's audit chain; written only by the audit trigger. */
export const auditHeads = pgTable('audit_heads', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * In-app notifications for roles of an organisation (digests of jobs, until
 * e-mail carries them too). No personal data: counts and asset references.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    /** Roles that see it. */
    roles: text('roles').array().notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_org_time_idx').on(t.organisationId, t.createdAt)],
);

/**
 * Uploaded files (photos of assets, later ticket attachments). The bytes
 * live under SOCLE_DATA_DIR/files (a shared volume when several processes
 * run); this table holds their metadata. The type is sniffed from the
 * content, never trusted from the client.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_entity_idx').on(t.organisationId, t.entityType, t.entityId),
    check('files_size_check', sql`${t.size} > 0`),
  ],
);

/**
 * Secrets of the instance (signing of family links, hashing of IP
 * addresses), generated at first start when not given in the environment.
 * Owner-only: the application role has no grant on this table.
 */
export const platformSecrets = pgTable('platform_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
