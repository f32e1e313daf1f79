import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, schools } from './core.ts';

/**
 * Programme and co-funding, stage 1 (migration 0012; DOMAIN.md §6). Money in
 * integer cents HT (bigint, read as numbers: 2⁵³ cents is far beyond any
 * programme), rates in basis points. The composite foreign keys that keep
 * links inside one organisation, and the CHECKs (HT + VAT = TTC, the
 * eligibility rules), are in the migration.
 */

export const COST_ITEM_KINDS = [
  'equipment',
  'infrastructure_works',
  'services_resources',
  'training',
  'communication',
  'other',
] as const;
export const FUNDER_KINDS = [
  'eu_feder',
  'eu_react',
  'state_snee',
  'state_dsil',
  'departement',
  'region',
  'own_funds',
  'other',
] as const;
export const ELIGIBILITIES = ['eligible', 'partly', 'not_eligible'] as const;

const cents = (name: string) => bigint(name, { mode: 'number' });
const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const fundingProgrammes = pgTable('funding_programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  objectives: text('objectives').notNull().default(''),
  periodStart: date('period_start', { mode: 'string' }).notNull(),
  periodEnd: date('period_end', { mode: 'string' }).notNull(),
  /** Documents are kept until this date (DOMAIN.md §6, record keeping). */
  archiveUntil: date('archive_until', { mode: 'string' }),
  /** When the operation was completed (the permanent plaque is due 3 months later). */
  completedOn: date('completed_on', { mode: 'string' }),
  /** Set by every change of lines, conventions or cost items; the stored shares are recomputed when read. */
  sharesStale: boolean('shares_stale').notNull().default(true),
  /** The budget view as last computed; dropped by triggers on any change it depends on (0016). */
  budgetCache: jsonb('budget_cache'),
  ...timestamps,
});

export const fundingProgrammeSchools = pgTable(
  'funding_programme_schools',
  {
    organisationId: uuid('organisation_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
  },
  (t) => [primaryKey({ name: 'funding_programme_schools_pk', columns: [t.programmeId, t.schoolId] })],
);

export const fundingCostItems = pgTable(
  'funding_cost_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    code: text('code').notNull(),
    kind: text('kind').$type<(typeof COST_ITEM_KINDS)[number]>().notNull(),
    label: text('label').notNull(),
    position: integer('position').notNull().default(0),
    /** Planned budget HT. */
    budgetCents: cents('budget_cents').notNull().default(0),
    ...timestamps,
  },
  (t) => [unique('funding_cost_items_code_key').on(t.programmeId, t.code)],
);

export const funders = pgTable('funders', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  kind: text('kind').$type<(typeof FUNDER_KINDS)[number]>().notNull(),
  ...timestamps,
});

export type StoredRateRule =
  | { kind: 'flat'; rateBp: number }
  | { kind: 'tiered'; mode: 'per_tranche' | 'whole_amount'; tiers: { upToCents: number | null; rateBp: number }[] };

export const fundingConventions = pgTable('funding_conventions', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  programmeId: uuid('programme_id').notNull(),
  funderId: uuid('funder_id').notNull(),
  reference: text('reference').notNull(),
  signedOn: date('signed_on', { mode: 'string' }),
  eligibleFrom: date('eligible_from', { mode: 'string' }),
  eligibleTo: date('eligible_to', { mode: 'string' }),
  /** null: every cost item of the programme. */
  eligibleCostItemIds: uuid('eligible_cost_item_ids').array(),
  rateRule: jsonb('rate_rule').$type<StoredRateRule>().notNull(),
  capTotalCents: cents('cap_total_cents'),
  capPerClassCents: cents('cap_per_class_cents'),
  capPerPupilCents: cents('cap_per_pupil_cents'),
  capPerSchoolCents: cents('cap_per_school_cents'),
  advanceCents: cents('advance_cents').notNull().default(0),
  instalmentCapBp: integer('instalment_cap_bp').notNull().default(8000),
  ownShareMinBp: integer('own_share_min_bp').notNull().default(2000),
  publicityText: text('publicity_text').notNull().default(''),
  publicityFlags: jsonb('publicity_flags').$type<Record<string, boolean>>().notNull().default({}),
  /** Order in which funders are spread over the lines (1 first). */
  rank: integer('rank').notNull(),
  ...timestamps,
});

export const suppliers = pgTable('suppliers', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  /** 14 digits, normalised, checked (src/shared/siret.ts). */
  siret: text('siret').notNull(),
  generated: boolean('generated').notNull().default(false),
  ...timestamps,
});

export const fundingExpenseLines = pgTable('funding_expense_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  programmeId: uuid('programme_id').notNull(),
  costItemId: uuid('cost_item_id').notNull(),
  supplierId: uuid('supplier_id').notNull(),
  invoiceNumber: text('invoice_number').notNull(),
  invoiceDate: date('invoice_date', { mode: 'string' }).notNull(),
  description: text('description').notNull().default(''),
  htCents: cents('ht_cents').notNull(),
  vatCents: cents('vat_cents').notNull(),
  ttcCents: cents('ttc_cents').notNull(),
  paidOn: date('paid_on', { mode: 'string' }),
  mandateNumber: text('mandate_number'),
  eligibility: text('eligibility').$type<(typeof ELIGIBILITIES)[number]>().notNull().default('eligible'),
  eligibleCents: cents('eligible_cents').notNull(),
  eligibilityReason: text('eligibility_reason'),
  /** The invoice (and invoice line) the expense comes from (migration 0015); one expense line per invoice line. */
  invoiceId: uuid('invoice_id'),
  invoiceLineId: uuid('invoice_line_id'),
  /** The service subscription it declares and the period (inclusive) — migration 0022; never two overlapping periods of one subscription. */
  subscriptionId: uuid('subscription_id'),
  subscriptionFrom: date('subscription_from', { mode: 'string' }),
  subscriptionTo: date('subscription_to', { mode: 'string' }),
  /** Made up by the demo seed. */
  generated: boolean('generated').notNull().default(false),
  ...timestamps,
});

export const fundingExpenseLineSchools = pgTable(
  'funding_expense_line_schools',
  {
    organisationId: uuid('organisation_id').notNull(),
    lineId: uuid('line_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    /** This school's part of the line's HT. */
    amountCents: cents('amount_cents').notNull(),
    /** Its part of the line's eligible amount (largest remainder), written with the stored shares (0016). */
    eligibleCents: cents('eligible_cents'),
  },
  (t) => [primaryKey({ name: 'funding_expense_line_schools_pk', columns: [t.lineId, t.schoolId] })],
);

/**
 * Stage 2 (migration 0015). Stored per-line shares: a cache of `allocate()`
 * for the programme, rewritten when `funding_programmes.shares_stale`.
 */
export const fundingLineShares = pgTable(
  'funding_line_shares',
  {
    organisationId: uuid('organisation_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    lineId: uuid('line_id').notNull(),
    conventionId: uuid('convention_id').notNull(),
    cents: cents('cents').notNull(),
  },
  (t) => [primaryKey({ name: 'funding_line_shares_pk', columns: [t.lineId, t.conventionId] })],
);

export const CLAIM_KINDS = ['advance', 'instalment', 'final'] as const;
export const CLAIM_STATUSES = ['draft', 'submitted', 'checked', 'paid'] as const;

/** A payment claim to one funder (its convention). */
export const fundingClaims = pgTable('funding_claims', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  programmeId: uuid('programme_id').notNull(),
  conventionId: uuid('convention_id').notNull(),
  /** 1, 2, … per convention. */
  number: integer('number').notNull(),
  kind: text('kind').$type<(typeof CLAIM_KINDS)[number]>().notNull(),
  status: text('status').$type<(typeof CLAIM_STATUSES)[number]>().notNull().default('draft'),
  periodFrom: date('period_from', { mode: 'string' }),
  periodTo: date('period_to', { mode: 'string' }),
  /** Eligible total of the claim's lines. */
  eligibleCents: cents('eligible_cents').notNull().default(0),
  /** Aid claimed. */
  claimedCents: cents('claimed_cents').notNull().default(0),
  acceptedCents: cents('accepted_cents'),
  receivedCents: cents('received_cents'),
  submittedOn: date('submitted_on', { mode: 'string' }),
  checkedOn: date('checked_on', { mode: 'string' }),
  receivedOn: date('received_on', { mode: 'string' }),
  notes: text('notes').notNull().default(''),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/** UNIQUE (convention_id, expense_line_id): a line is never claimed twice to one funder. */
export const fundingClaimLines = pgTable(
  'funding_claim_lines',
  {
    organisationId: uuid('organisation_id').notNull(),
    claimId: uuid('claim_id').notNull(),
    conventionId: uuid('convention_id').notNull(),
    expenseLineId: uuid('expense_line_id').notNull(),
    /** Order in the statement (cost item, then the lines' order). */
    position: integer('position').notNull(),
    eligibleCents: cents('eligible_cents').notNull(),
    /** The funder's share of the line, claimed. */
    aidCents: cents('aid_cents').notNull(),
    acceptedCents: cents('accepted_cents'),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [primaryKey({ name: 'funding_claim_lines_pk', columns: [t.claimId, t.expenseLineId] })],
);

export const INDICATOR_SOURCES = [
  'schools_equipped',
  'classes_equipped',
  'devices_deployed',
  'pupils_covered',
  'teachers_trained',
  'co35_capacity',
  'manual',
] as const;

export const fundingIndicators = pgTable('funding_indicators', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  programmeId: uuid('programme_id').notNull(),
  conventionId: uuid('convention_id'),
  code: text('code').notNull(),
  label: text('label').notNull(),
  unit: text('unit').notNull().default(''),
  source: text('source').$type<(typeof INDICATOR_SOURCES)[number]>().notNull(),
  baseline: bigint('baseline', { mode: 'number' }).notNull().default(0),
  target: bigint('target', { mode: 'number' }).notNull(),
  /** The value when `source` is `manual` (or until the module that computes it exists). */
  manualValue: bigint('manual_value', { mode: 'number' }),
  position: integer('position').notNull().default(0),
  ...timestamps,
});

export const PUBLICITY_KINDS = [
  'website_description',
  'a3_poster',
  'permanent_plaque',
  'billboard',
  'communication',
  'other',
] as const;

export const fundingPublicityItems = pgTable('funding_publicity_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  programmeId: uuid('programme_id').notNull(),
  kind: text('kind').$type<(typeof PUBLICITY_KINDS)[number]>().notNull(),
  label: text('label').notNull(),
  required: boolean('required').notNull().default(true),
  dueOn: date('due_on', { mode: 'string' }),
  doneOn: date('done_on', { mode: 'string' }),
  /** Photo or document proving it (files module, entity type `publicity`). */
  evidenceFileId: uuid('evidence_file_id'),
  evidenceUrl: text('evidence_url'),
  notes: text('notes').notNull().default(''),
  position: integer('position').notNull().default(0),
  ...timestamps,
});
