import { z } from 'zod';
import { COST_ITEM_KINDS, ELIGIBILITIES, FUNDER_KINDS } from '../../db/schema/funding.ts';

/**
 * Funding inputs and outputs. Every input is `.strict()`. Amounts are
 * integer cents HT, rates basis points (7869 = 78.69 %). The zod schemas
 * check shapes; the rules that need more than one field (a rate rule's
 * tiers, HT + VAT = TTC, a SIRET's check digit) are checked by the service
 * and answered with their own codes (FUNDING_RULE_INVALID,
 * FUNDING_AMOUNTS_INVALID, SIRET_INVALID), each naming the field.
 */

const IsoDate = z.iso.date({ error: 'invalid_date' });
const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Bp = z.number().int().min(0).max(10_000);
const text = (max: number) => z.string().trim().max(max);

export const IdParams = z.object({ id: z.uuid() });

// Programmes ------------------------------------------------------------

const programmeFields = {
  name: text(300).min(1),
  description: text(10_000).optional(),
  objectives: text(10_000).optional(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  archiveUntil: IsoDate.nullable().optional(),
  /** When the operation was completed: the permanent plaque is due three months later. */
  completedOn: IsoDate.nullable().optional(),
  /** The schools in scope (replaces the list on update). */
  schoolIds: z.array(z.uuid()).max(50_000).optional(),
};

export const CreateProgrammeSchema = z.object(programmeFields).strict().meta({ id: 'CreateProgrammeInput' });
export type CreateProgrammeInput = z.infer<typeof CreateProgrammeSchema>;

export const UpdateProgrammeSchema = z.object(programmeFields).partial().strict().meta({ id: 'UpdateProgrammeInput' });
export type UpdateProgrammeInput = z.infer<typeof UpdateProgrammeSchema>;

export const ProgrammeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    objectives: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    archiveUntil: z.string().nullable(),
    completedOn: z.string().nullable(),
    schoolIds: z.array(z.uuid()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FundingProgramme' });

// Cost items ------------------------------------------------------------

const costItemFields = {
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/, { error: 'invalid_code' }),
  kind: z.enum(COST_ITEM_KINDS),
  label: text(300).min(1),
  position: z.number().int().min(0).max(10_000).optional(),
  /** Planned budget HT. */
  budgetCents: Cents.optional(),
};
export const CreateCostItemSchema = z.object(costItemFields).strict().meta({ id: 'CreateCostItemInput' });
export type CreateCostItemInput = z.infer<typeof CreateCostItemSchema>;
export const UpdateCostItemSchema = z.object(costItemFields).partial().strict().meta({ id: 'UpdateCostItemInput' });
export type UpdateCostItemInput = z.infer<typeof UpdateCostItemSchema>;

export const CostItemSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    code: z.string(),
    kind: z.enum(COST_ITEM_KINDS),
    label: z.string(),
    position: z.number().int(),
    budgetCents: z.number().int(),
  })
  .meta({ id: 'FundingCostItem' });

// Funders ----------------------------------------------------------------

const funderFields = { name: text(200).min(1), kind: z.enum(FUNDER_KINDS) };
export const CreateFunderSchema = z.object(funderFields).strict().meta({ id: 'CreateFunderInput' });
export type CreateFunderInput = z.infer<typeof CreateFunderSchema>;
export const UpdateFunderSchema = z.object(funderFields).partial().strict().meta({ id: 'UpdateFunderInput' });
export type UpdateFunderInput = z.infer<typeof UpdateFunderSchema>;
export const FunderSchema = z
  .object({ id: z.uuid(), name: z.string(), kind: z.enum(FUNDER_KINDS) })
  .meta({ id: 'Funder' });

// Conventions --------------------------------------------------------------

/** Shape only; the service checks the rule with `ruleProblems` (FUNDING_RULE_INVALID). */
export const RateRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('flat'), rateBp: z.number().int() }).strict(),
    z
      .object({
        kind: z.literal('tiered'),
        mode: z.enum(['per_tranche', 'whole_amount']),
        tiers: z.array(z.object({ upToCents: z.number().int().nullable(), rateBp: z.number().int() }).strict()).max(20),
      })
      .strict(),
  ])
  .meta({ id: 'RateRule' });

export const CapsSchema = z
  .object({
    totalCents: Cents.nullable().optional(),
    perClassCents: Cents.nullable().optional(),
    perPupilCents: Cents.nullable().optional(),
    perSchoolCents: Cents.nullable().optional(),
  })
  .strict()
  .meta({ id: 'FundingCaps' });

const conventionFields = {
  funderId: z.uuid(),
  reference: text(200).min(1),
  signedOn: IsoDate.nullable().optional(),
  eligibleFrom: IsoDate.nullable().optional(),
  eligibleTo: IsoDate.nullable().optional(),
  /** null or absent: every cost item of the programme. */
  eligibleCostItemIds: z.array(z.uuid()).max(200).nullable().optional(),
  rateRule: RateRuleSchema,
  caps: CapsSchema.optional(),
  advanceCents: Cents.optional(),
  /** Advance + instalments ≤ this share of the aid (80 % by default). */
  instalmentCapBp: Bp.optional(),
  /** The owner's own share ≥ this share of the public funding (20 % by default). */
  ownShareMinBp: Bp.optional(),
  publicityText: text(5000).optional(),
  publicityFlags: z.record(z.string().regex(/^[a-z0-9_]{1,40}$/), z.boolean()).optional(),
  /** Order in which funders are spread over the lines; 1 first. */
  rank: z.number().int().min(1).max(100),
};
export const CreateConventionSchema = z.object(conventionFields).strict().meta({ id: 'CreateConventionInput' });
export type CreateConventionInput = z.infer<typeof CreateConventionSchema>;
export const UpdateConventionSchema = z
  .object(conventionFields)
  .omit({ funderId: true })
  .partial()
  .strict()
  .meta({ id: 'UpdateConventionInput' });
export type UpdateConventionInput = z.infer<typeof UpdateConventionSchema>;

export const ConventionSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    funderId: z.uuid(),
    funderName: z.string(),
    funderKind: z.enum(FUNDER_KINDS),
    reference: z.string(),
    signedOn: z.string().nullable(),
    eligibleFrom: z.string().nullable(),
    eligibleTo: z.string().nullable(),
    eligibleCostItemIds: z.array(z.uuid()).nullable(),
    rateRule: RateRuleSchema,
    caps: z.object({
      totalCents: z.number().int().nullable(),
      perClassCents: z.number().int().nullable(),
      perPupilCents: z.number().int().nullable(),
      perSchoolCents: z.number().int().nullable(),
    }),
    advanceCents: z.number().int(),
    instalmentCapBp: z.number().int(),
    ownShareMinBp: z.number().int(),
    publicityText: z.string(),
    publicityFlags: z.record(z.string(), z.boolean()),
    rank: z.number().int(),
  })
  .meta({ id: 'FundingConvention' });

// Suppliers ---------------------------------------------------------------

const supplierFields = {
  name: text(200).min(1),
  /** Spaces and dots allowed ("362 521 879 00034"); stored as 14 digits. */
  siret: z.string().max(30),
};
export const CreateSupplierSchema = z.object(supplierFields).strict().meta({ id: 'CreateSupplierInput' });
export type CreateSupplierInput = z.infer<typeof CreateSupplierSchema>;
export const UpdateSupplierSchema = z.object(supplierFields).partial().strict().meta({ id: 'UpdateSupplierInput' });
export type UpdateSupplierInput = z.infer<typeof UpdateSupplierSchema>;
export const SupplierSchema = z
  .object({ id: z.uuid(), name: z.string(), siret: z.string(), generated: z.boolean() })
  .meta({ id: 'Supplier' });

// Expense lines --------------------------------------------------------------

const SchoolSplitSchema = z.object({ schoolId: z.uuid(), amountCents: Cents }).strict();

const expenseFields = {
  costItemId: z.uuid(),
  supplierId: z.uuid(),
  invoiceNumber: text(100).min(1),
  invoiceDate: IsoDate,
  description: text(1000).optional(),
  htCents: Cents,
  vatCents: Cents,
  ttcCents: Cents,
  paidOn: IsoDate.nullable().optional(),
  mandateNumber: text(100).nullable().optional(),
  eligibility: z.enum(ELIGIBILITIES).optional(),
  /** Required when `partly`; the HT when `eligible`, 0 when `not_eligible`. */
  eligibleCents: Cents.nullable().optional(),
  /** Required when `partly` or `not_eligible`. */
  eligibilityReason: text(1000).nullable().optional(),
  /** The line's HT split over schools (amounts add up to the HT); replaces the split on update. */
  schools: z.array(SchoolSplitSchema).max(500).optional(),
};
export const CreateExpenseLineSchema = z.object(expenseFields).strict().meta({ id: 'CreateExpenseLineInput' });
export type CreateExpenseLineInput = z.infer<typeof CreateExpenseLineSchema>;
export const UpdateExpenseLineSchema = z
  .object(expenseFields)
  .partial()
  .strict()
  .meta({ id: 'UpdateExpenseLineInput' });
export type UpdateExpenseLineInput = z.infer<typeof UpdateExpenseLineSchema>;

export const ExpenseLineSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    costItemId: z.uuid(),
    supplierId: z.uuid(),
    supplierName: z.string(),
    supplierSiret: z.string(),
    invoiceNumber: z.string(),
    invoiceDate: z.string(),
    description: z.string(),
    htCents: z.number().int(),
    vatCents: z.number().int(),
    ttcCents: z.number().int(),
    paidOn: z.string().nullable(),
    mandateNumber: z.string().nullable(),
    eligibility: z.enum(ELIGIBILITIES),
    eligibleCents: z.number().int(),
    eligibilityReason: z.string().nullable(),
    /** The invoice (and its line) the expense was made from, when allocated from procurement. */
    invoiceId: z.uuid().nullable(),
    invoiceLineId: z.uuid().nullable(),
    /** The service subscription it declares, and the period declared (first and last day included). */
    subscriptionId: z.uuid().nullable(),
    subscriptionFrom: z.string().nullable(),
    subscriptionTo: z.string().nullable(),
    generated: z.boolean(),
    schools: z.array(z.object({ schoolId: z.uuid(), amountCents: z.number().int() })),
  })
  .meta({ id: 'ExpenseLine' });

export const SubscriptionLineSchema = z
  .object({
    subscriptionId: z.uuid(),
    /** A cost item of the programme (typically `services_resources`). */
    costItemId: z.uuid(),
    /** First and last day declared; default: the days the subscription and the programme's period share. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** The supplier's invoice for the subscription. */
    invoiceNumber: text(100).min(1),
    invoiceDate: IsoDate,
    /** VAT rate in basis points (default 2000 = 20 %); VAT = HT × rate, rounded half up. */
    vatRateBp: Bp.optional(),
    description: text(1000).optional(),
    paidOn: IsoDate.nullable().optional(),
    mandateNumber: text(100).nullable().optional(),
    eligibility: z.enum(ELIGIBILITIES).optional(),
    eligibleCents: Cents.nullable().optional(),
    eligibilityReason: text(1000).nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateSubscriptionExpenseLineInput' });
export type SubscriptionLineInput = z.infer<typeof SubscriptionLineSchema>;

export const ExpenseLineQuerySchema = z
  .object({
    costItemId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const ExpenseLineListSchema = z
  .object({ items: z.array(ExpenseLineSchema), total: z.number().int() })
  .meta({ id: 'ExpenseLineList' });

// Shares and budget ---------------------------------------------------------

const FunderTotalSchema = z.object({
  conventionId: z.uuid(),
  funderId: z.uuid(),
  funderName: z.string(),
  funderKind: z.enum(FUNDER_KINDS),
  rank: z.number().int(),
  /** The eligible total of the lines this convention covers. */
  baseCents: z.number().int(),
  aidCents: z.number().int(),
});

export const SharesSchema = z
  .object({
    programmeId: z.uuid(),
    eligibleCents: z.number().int(),
    ownerCents: z.number().int(),
    publicAidCents: z.number().int(),
    funders: z.array(FunderTotalSchema),
    costItems: z.array(
      z.object({
        costItemId: z.uuid(),
        code: z.string(),
        label: z.string(),
        eligibleCents: z.number().int(),
        shares: z.array(z.object({ conventionId: z.uuid(), cents: z.number().int() })),
        ownerCents: z.number().int(),
      }),
    ),
    /** One page of the eligible lines in statement order (`limit`/`offset`), with `linesTotal`. */
    lines: z.array(
      z.object({
        lineId: z.uuid(),
        costItemId: z.uuid(),
        eligibleCents: z.number().int(),
        shares: z.array(z.object({ conventionId: z.uuid(), cents: z.number().int() })),
        ownerCents: z.number().int(),
      }),
    ),
    linesTotal: z.number().int(),
    linesPage: z.object({ limit: z.number().int(), offset: z.number().int() }),
    checks: z.object({
      ownShare: z.object({ ok: z.boolean(), minBp: z.number().int(), ownerBp: z.number().int().nullable() }),
      /** Lines whose funders' shares exceed the line (always 0: checked, not assumed). */
      linesOver100: z.number().int(),
      addsUp: z.boolean(),
    }),
    basis: z.object({ schools: z.number().int(), classes: z.number().int(), pupils: z.number().int() }),
  })
  .meta({ id: 'FundingShares' });

const Amounts = {
  invoicedCents: z.number().int(),
  paidCents: z.number().int(),
  eligibleCents: z.number().int(),
};

export const SharesQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const BudgetSchema = z
  .object({
    programmeId: z.uuid(),
    totals: z.object({
      plannedCents: z.number().int(),
      /** Order lines of the programme's placed orders (not drafts or cancelled). */
      orderedCents: z.number().int(),
      ...Amounts,
      /** Aid claimed from the funders (submitted claims onwards), accepted after checks, received. */
      claimedCents: z.number().int(),
      acceptedCents: z.number().int(),
      receivedCents: z.number().int(),
      lines: z.number().int(),
    }),
    costItems: z.array(
      z.object({
        costItemId: z.uuid(),
        code: z.string(),
        label: z.string(),
        kind: z.enum(COST_ITEM_KINDS),
        plannedCents: z.number().int(),
        orderedCents: z.number().int(),
        ...Amounts,
        lines: z.number().int(),
      }),
    ),
    /** Ordered on order lines with no cost item. */
    unassignedOrderedCents: z.number().int(),
    funders: z.array(
      z.object({
        conventionId: z.uuid(),
        funderId: z.uuid(),
        funderName: z.string(),
        funderKind: z.enum(FUNDER_KINDS),
        aidCents: z.number().int(),
        /** The funder's shares of the paid lines. */
        paidSharesCents: z.number().int(),
        claimedCents: z.number().int(),
        acceptedCents: z.number().int(),
        receivedCents: z.number().int(),
      }),
    ),
    owner: z.object({ cents: z.number().int(), paidSharesCents: z.number().int() }),
    schools: z.array(
      z.object({
        schoolId: z.uuid().nullable(),
        uai: z.string().nullable(),
        name: z.string().nullable(),
        ...Amounts,
      }),
    ),
    /** Per month (YYYY-MM): ordered, invoiced and paid HT, aid claimed (by submission date) and received. */
    timeline: z.array(
      z.object({
        month: z.string(),
        orderedCents: z.number().int(),
        invoicedCents: z.number().int(),
        paidCents: z.number().int(),
        claimedCents: z.number().int(),
        receivedCents: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'FundingBudget' });
