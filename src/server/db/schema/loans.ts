import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { classes, files, organisations, schools, users } from './core.ts';
import { assetCategories, assets } from './inventory.ts';

/**
 * Family loans (DOMAIN.md §5). Personal data live ONLY in `household_contacts`
 * and `pupils` (and in the typed acceptance name on `loans`), deleted by the
 * retention job; everything else refers to a household by id and a
 * pseudonym, which stay. No free-text field on requests: nothing sensitive
 * (income, nationality, health, family situation) can be typed in.
 */

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** Stable, meaningless label (F-7K3Q2) shown to auditors and kept after purge. */
    pseudonym: text('pseudonym').notNull(),
    /** Language of the mails and the family page. */
    locale: text('locale').notNull().default('fr'),
    /** Set when the retention job deleted the personal data. */
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('households_org_pseudonym_key').on(t.organisationId, t.pseudonym),
    check('households_locale_check', sql`${t.locale} in ('fr','en')`),
  ],
);

/** One or two legal representatives; both homes when parents are separated. Personal data. */
export const householdContacts = pgTable(
  'household_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    addressLine: text('address_line').notNull(),
    postcode: text('postcode').notNull(),
    city: text('city').notNull(),
    phone: text('phone'),
    email: text('email'),
  },
  (t) => [
    uniqueIndex('household_contacts_rank_key').on(t.householdId, t.rank),
    check('household_contacts_rank_check', sql`${t.rank} in (1, 2)`),
    check('household_contacts_reach_check', sql`${t.phone} is not null or ${t.email} is not null`),
  ],
);

/** The pupil the device is for. Personal data. */
export const pupils = pgTable('pupils', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  householdId: uuid('household_id')
    .notNull()
    .references(() => households.id, { onDelete: 'cascade' }),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  classId: uuid('class_id').references(() => classes.id),
});

/** Admin-editable reasons of eligibility decisions ("pas d'équipement au domicile"…). */
export const eligibilityReasons = pgTable(
  'eligibility_reasons',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    /** Whether the reason makes the household eligible (true) or not. */
    eligible: boolean('eligible').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.code] }),
    check('eligibility_reasons_code_check', sql`${t.code} ~ '^[a-z0-9_]{2,40}$'`),
  ],
);

export const loanCampaigns = pgTable(
  'loan_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** Why the schools close (migration 0011). */
    reason: text('reason').notNull().default(''),
    /** The closure, when known (migration 0011). */
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    schoolIds: uuid('school_ids').array().notNull(),
    status: text('status').notNull().default('open'),
    /** Due date of the campaign's loans; none = the organisation's default (end of the school year). */
    dueDate: date('due_date', { mode: 'string' }),
    openedBy: uuid('opened_by').references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [check('loan_campaigns_status_check', sql`${t.status} in ('open','closed')`)],
);

export const LOAN_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'allocated', 'cancelled'] as const;

export const loanRequests = pgTable(
  'loan_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    /** What is needed: a category of device, and whether the home needs connectivity (4G hotspot). */
    categoryId: uuid('category_id').references(() => assetCategories.id),
    needsConnectivity: boolean('needs_connectivity').notNull().default(false),
    /** The eligibility decision only — never the documents behind it. */
    eligible: boolean('eligible').notNull(),
    reasonCode: text('reason_code').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    campaignId: uuid('campaign_id').references(() => loanCampaigns.id),
    ...timestamps,
  },
  (t) => [
    index('loan_requests_org_status_idx').on(t.organisationId, t.status, t.createdAt),
    check('loan_requests_status_check', sql.raw(`status in (${LOAN_REQUEST_STATUSES.map((s) => `'${s}'`).join(',')})`)),
  ],
);

export const LOAN_STATUSES = ['allocated', 'accepted', 'handed_over', 'returned', 'closed', 'cancelled'] as const;

export const loans = pgTable(
  'loans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => loanRequests.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    status: text('status').notNull().default('allocated'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Rotating secret of the family link: a new one revokes the old links. */
    linkNonce: text('link_nonce').notNull(),
    allocatedAt: timestamp('allocated_at', { withTimezone: true }).notNull().defaultNow(),
    allocatedBy: uuid('allocated_by').references(() => users.id),
    /** How the convention was accepted: the family link, or the paper signed by hand. */
    acceptedVia: text('accepted_via'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** The name the family typed (personal data, purged). */
    acceptedName: text('accepted_name'),
    /** SHA-256 of the accepting IP address with the instance secret: no address in clear. */
    acceptedIpHash: text('accepted_ip_hash'),
    acceptedFileId: uuid('accepted_file_id').references(() => files.id),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
    handedOverBy: uuid('handed_over_by').references(() => users.id),
    conditionOut: text('condition_out'),
    /** Free notes on the condition at handover (personal data: purged; migration 0014). */
    conditionOutNotes: text('condition_out_notes'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedBy: uuid('returned_by').references(() => users.id),
    conditionIn: text('condition_in'),
    /** Free notes on the condition at return (personal data: purged; migration 0014). */
    conditionInNotes: text('condition_in_notes'),
    wipedAt: timestamp('wiped_at', { withTimezone: true }),
    wipedBy: uuid('wiped_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    campaignId: uuid('campaign_id').references(() => loanCampaigns.id),
    ...timestamps,
  },
  (t) => [
    index('loans_org_status_idx').on(t.organisationId, t.status, t.dueDate),
    uniqueIndex('loans_request_open_key').on(t.requestId).where(sql`${t.status} not in ('closed','cancelled')`),
    check('loans_status_check', sql.raw(`status in (${LOAN_STATUSES.map((s) => `'${s}'`).join(',')})`)),
    check(
      'loans_condition_out_check',
      sql`${t.conditionOut} is null or ${t.conditionOut} in ('ok','damaged','accessories_missing')`,
    ),
    check(
      'loans_condition_in_check',
      sql`${t.conditionIn} is null or ${t.conditionIn} in ('ok','damaged','accessories_missing')`,
    ),
    check('loans_accepted_via_check', sql`${t.acceptedVia} is null or ${t.acceptedVia} in ('link','paper')`),
  ],
);

/** Devices and accessories of a loan. At most one open loan line per asset, enforced by the database. */
export const loanItems = pgTable(
  'loan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    loanId: uuid('loan_id')
      .notNull()
      .references(() => loans.id),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id),
    /** device, charger, case, hotspot, other */
    role: text('role').notNull().default('device'),
    open: boolean('open').notNull().default(true),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('loan_items_one_open_loan_per_asset').on(t.assetId).where(sql`${t.open}`),
    index('loan_items_loan_idx').on(t.loanId),
    check('loan_items_role_check', sql`${t.role} in ('device','charger','case','hotspot','other')`),
  ],
);

export const loanIncidents = pgTable(
  'loan_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    loanId: uuid('loan_id')
      .notNull()
      .references(() => loans.id),
    assetId: uuid('asset_id').references(() => assets.id),
    kind: text('kind').notNull(),
    declaredOn: date('declared_on', { mode: 'string' }).notNull(),
    policeReportRef: text('police_report_ref'),
    outcome: text('outcome').notNull().default('pending'),
    /** When the outcome was recorded; `settledOn` is the date the incident was settled. */
    settledAt: timestamp('settled_at', { withTimezone: true }),
    settledOn: date('settled_on', { mode: 'string' }),
    /** Free notes (personal data: cleared by the retention purge). */
    notes: text('notes'),
    /** MDM location may be activated only after a declared loss or theft; logged. */
    locationActivatedAt: timestamp('location_activated_at', { withTimezone: true }),
    locationActivatedBy: uuid('location_activated_by').references(() => users.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check('loan_incidents_kind_check', sql`${t.kind} in ('damage','loss','theft')`),
    check(
      'loan_incidents_outcome_check',
      sql`${t.outcome} in ('pending','repaired','replaced','written_off','paid_by_insurance','found')`,
    ),
    check('loan_incidents_police_check', sql`${t.kind} <> 'theft' or ${t.policeReportRef} is not null`),
    check('loan_incidents_location_check', sql`${t.locationActivatedAt} is null or ${t.kind} in ('loss','theft')`),
    check('loan_incidents_settled_check', sql`(${t.outcome} = 'pending') = (${t.settledOn} is null)`),
    index('loan_incidents_loan_idx').on(t.loanId),
  ],
);

/** Reminders already sent, so a job run twice sends nothing twice. */
export const loanReminders = pgTable(
  'loan_reminders',
  {
    loanId: uuid('loan_id')
      .notNull()
      .references(() => loans.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** before_due, due, overdue_<n> */
    kind: text('kind').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.loanId, t.kind] })],
);
