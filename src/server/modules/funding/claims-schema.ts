import { z } from 'zod';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  FUNDER_KINDS,
  INDICATOR_SOURCES,
  PUBLICITY_KINDS,
} from '../../db/schema/funding.ts';

/**
 * Payment claims, indicators and publicity (issue #6, points 5–7): inputs
 * (all `.strict()`) and outputs. Amounts are integer cents HT.
 */

const IsoDate = z.iso.date({ error: 'invalid_date' });
const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Int = z.number().int();
const text = (max: number) => z.string().trim().max(max);

export const LangQuery = z.object({ lang: z.enum(['fr', 'en']).default('fr') }).strict();

// Claims ---------------------------------------------------------------------

export const CreateClaimSchema = z
  .object({
    conventionId: z.uuid(),
    kind: z.enum(CLAIM_KINDS),
    /** Invoice dates from (inclusive); absent: no lower bound. */
    periodFrom: IsoDate.nullable().optional(),
    /** Invoice dates up to (inclusive). */
    periodTo: IsoDate.nullable().optional(),
    /** Instalment, final: the lines to claim; absent: every claimable line. */
    lineIds: z.array(z.uuid()).max(20_000).optional(),
    /** Advance only: the amount asked; default the convention's advance. */
    advanceCents: Cents.optional(),
    notes: text(5000).optional(),
  })
  .strict()
  .meta({ id: 'CreateClaimInput' });
export type CreateClaimInput = z.infer<typeof CreateClaimSchema>;

export const UpdateClaimSchema = z
  .object({ notes: text(5000) })
  .strict()
  .meta({ id: 'UpdateClaimInput' });
export type UpdateClaimInput = z.infer<typeof UpdateClaimSchema>;

export const ClaimLinesChangeSchema = z
  .object({
    add: z.array(z.uuid()).max(20_000).optional(),
    remove: z.array(z.uuid()).max(20_000).optional(),
  })
  .strict()
  .meta({ id: 'ClaimLinesChangeInput' });
export type ClaimLinesChangeInput = z.infer<typeof ClaimLinesChangeSchema>;

export const SubmitClaimSchema = z.object({ submittedOn: IsoDate }).strict().meta({ id: 'SubmitClaimInput' });
export type SubmitClaimInput = z.infer<typeof SubmitClaimSchema>;

export const CheckClaimSchema = z
  .object({
    checkedOn: IsoDate,
    /** Lines not listed are accepted in full; a reason is required below the claimed aid. */
    lines: z
      .array(z.object({ lineId: z.uuid(), acceptedCents: Cents, reason: text(1000).nullable().optional() }).strict())
      .max(20_000)
      .optional(),
    /** Advance only: the amount accepted (default: as claimed). */
    acceptedCents: Cents.optional(),
  })
  .strict()
  .meta({ id: 'CheckClaimInput' });
export type CheckClaimInput = z.infer<typeof CheckClaimSchema>;

export const PayClaimSchema = z
  .object({ receivedCents: Cents, receivedOn: IsoDate })
  .strict()
  .meta({ id: 'PayClaimInput' });
export type PayClaimInput = z.infer<typeof PayClaimSchema>;

export const ReconciliationSchema = z
  .object({
    aidCents: Int,
    justifiedCents: Int,
    dueCents: Int,
    earlierCents: Int,
    /** due − earlier; negative: to be paid back to the funder. */
    balanceCents: Int,
  })
  .meta({ id: 'ClaimReconciliation' });

export const ClaimSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    conventionId: z.uuid(),
    conventionReference: z.string(),
    funderId: z.uuid(),
    funderName: z.string(),
    funderKind: z.enum(FUNDER_KINDS),
    number: Int,
    /** "FEDER-1-03": convention reference and number, used in file names. */
    label: z.string(),
    kind: z.enum(CLAIM_KINDS),
    status: z.enum(CLAIM_STATUSES),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    lineCount: Int,
    eligibleCents: Int,
    claimedCents: Int,
    acceptedCents: Int.nullable(),
    receivedCents: Int.nullable(),
    submittedOn: z.string().nullable(),
    checkedOn: z.string().nullable(),
    receivedOn: z.string().nullable(),
    notes: z.string(),
    version: Int,
    /** Final claim only: how the advance and instalments are netted. */
    reconciliation: ReconciliationSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FundingClaim' });

export const ClaimLineSchema = z
  .object({
    position: Int,
    expenseLineId: z.uuid(),
    costItemId: z.uuid(),
    costItemCode: z.string(),
    costItemLabel: z.string(),
    supplierName: z.string(),
    supplierSiret: z.string(),
    invoiceId: z.uuid().nullable(),
    invoiceNumber: z.string(),
    invoiceDate: z.string(),
    description: z.string(),
    htCents: Int,
    vatCents: Int,
    ttcCents: Int,
    paidOn: z.string().nullable(),
    mandateNumber: z.string().nullable(),
    eligibleCents: Int,
    aidCents: Int,
    acceptedCents: Int.nullable(),
    rejectionReason: z.string().nullable(),
  })
  .meta({ id: 'FundingClaimLine' });

export const ClaimCostItemTotalSchema = z.object({
  costItemId: z.uuid(),
  code: z.string(),
  label: z.string(),
  lines: Int,
  htCents: Int,
  eligibleCents: Int,
  aidCents: Int,
  acceptedCents: Int.nullable(),
});

export const ClaimDetailSchema = ClaimSchema.extend({
  lines: z.array(ClaimLineSchema),
  costItems: z.array(ClaimCostItemTotalSchema),
  totals: z.object({ htCents: Int, eligibleCents: Int, aidCents: Int, acceptedCents: Int.nullable() }),
}).meta({ id: 'FundingClaimDetail' });

export const ClaimListSchema = z
  .object({
    claims: z.array(ClaimSchema),
    funders: z.array(
      z.object({
        conventionId: z.uuid(),
        conventionReference: z.string(),
        funderId: z.uuid(),
        funderName: z.string(),
        funderKind: z.enum(FUNDER_KINDS),
        aidCents: Int,
        /** Advance + instalments may not exceed this. */
        instalmentCapCents: Int,
        /** Advance + instalments claimed so far (accepted once checked). */
        advanceAndInstalmentsCents: Int,
        claimedCents: Int,
        acceptedCents: Int,
        receivedCents: Int,
        /** Paid lines not yet in a claim to this funder (whole operation). */
        claimableLines: Int,
        claimableCents: Int,
      }),
    ),
  })
  .meta({ id: 'FundingClaimList' });

export const ClaimableQuery = z.object({ periodFrom: IsoDate.optional(), periodTo: IsoDate.optional() }).strict();

export const ClaimableLinesSchema = z
  .object({
    conventionId: z.uuid(),
    aidCents: Int,
    instalmentCapCents: Int,
    advanceAndInstalmentsCents: Int,
    /** The aid of all the lines listed. */
    totalAidCents: Int,
    items: z.array(
      z.object({
        expenseLineId: z.uuid(),
        costItemId: z.uuid(),
        costItemCode: z.string(),
        costItemLabel: z.string(),
        supplierName: z.string(),
        invoiceNumber: z.string(),
        invoiceDate: z.string(),
        description: z.string(),
        htCents: Int,
        eligibleCents: Int,
        paidOn: z.string().nullable(),
        /** The funder's share: the aid this line would claim. */
        aidCents: Int,
      }),
    ),
  })
  .meta({ id: 'FundingClaimableLines' });

// Indicators -------------------------------------------------------------------

const indicatorFields = {
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,30}$/, { error: 'invalid_code' }),
  label: text(300).min(1),
  unit: text(50).optional(),
  source: z.enum(INDICATOR_SOURCES),
  conventionId: z.uuid().nullable().optional(),
  baseline: Cents.optional(),
  target: Cents,
  /** The value for `manual`; for `teachers_trained`, a figure entered by hand that wins over attendance (older programmes). */
  manualValue: Cents.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
};
export const CreateIndicatorSchema = z.object(indicatorFields).strict().meta({ id: 'CreateIndicatorInput' });
export type CreateIndicatorInput = z.infer<typeof CreateIndicatorSchema>;
export const UpdateIndicatorSchema = z.object(indicatorFields).partial().strict().meta({ id: 'UpdateIndicatorInput' });
export type UpdateIndicatorInput = z.infer<typeof UpdateIndicatorSchema>;

export const IndicatorSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    conventionId: z.uuid().nullable(),
    code: z.string(),
    label: z.string(),
    unit: z.string(),
    source: z.enum(INDICATOR_SOURCES),
    baseline: Int,
    target: Int,
    manualValue: Int.nullable(),
    /** Computed from the data for the computed sources; the manual value otherwise (null: not entered). */
    value: Int.nullable(),
    /** Whether the value is computed (true) or entered. */
    computed: z.boolean(),
    /** value / target in basis points (10 000 = 100 %); null when no value or no target. */
    reachedBp: Int.nullable(),
    position: Int,
  })
  .meta({ id: 'FundingIndicator' });

export const SeedIndicatorsSchema = z
  .object({ classesTarget: Cents.optional() })
  .strict()
  .meta({ id: 'SeedIndicatorsInput' });

// Publicity ------------------------------------------------------------------

const publicityFields = {
  kind: z.enum(PUBLICITY_KINDS),
  label: text(300).min(1),
  required: z.boolean().optional(),
  dueOn: IsoDate.nullable().optional(),
  doneOn: IsoDate.nullable().optional(),
  /** A file of this organisation (files module). */
  evidenceFileId: z.uuid().nullable().optional(),
  evidenceUrl: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\/\S+$/, { error: 'invalid_url' })
    .nullable()
    .optional(),
  notes: text(5000).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
};
export const CreatePublicitySchema = z.object(publicityFields).strict().meta({ id: 'CreatePublicityItemInput' });
export type CreatePublicityInput = z.infer<typeof CreatePublicitySchema>;
export const UpdatePublicitySchema = z
  .object(publicityFields)
  .partial()
  .strict()
  .meta({ id: 'UpdatePublicityItemInput' });
export type UpdatePublicityInput = z.infer<typeof UpdatePublicitySchema>;

export const PublicityItemSchema = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    kind: z.enum(PUBLICITY_KINDS),
    label: z.string(),
    required: z.boolean(),
    dueOn: z.string().nullable(),
    doneOn: z.string().nullable(),
    evidenceFileId: z.uuid().nullable(),
    evidenceUrl: z.string().nullable(),
    notes: z.string(),
    position: Int,
    /** Not done and its due date has passed. */
    overdue: z.boolean(),
    /** Something is missing to know when it is due (the plaque before `completed_on` is set). */
    dueUnknown: z.boolean(),
  })
  .meta({ id: 'FundingPublicityItem' });

const MentionSchema = z.object({
  /** `eu_emblem`, `eu_feder`, `eu_react`, `funder`. */
  kind: z.string(),
  funderName: z.string().nullable(),
  fr: z.string(),
  en: z.string(),
});

export const MentionsSchema = z
  .object({
    /** Whether the EU emblem must be shown (an EU funder). */
    euEmblem: z.boolean(),
    mentions: z.array(MentionSchema),
  })
  .meta({ id: 'FundingPublicityMentions' });
