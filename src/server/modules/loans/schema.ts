import { z } from 'zod';
import { LOAN_REQUEST_STATUSES, LOAN_STATUSES } from '../../db/schema/loans.ts';

/**
 * Family loans: every input is `.strict()` — an unknown field (income,
 * nationality, health…) is a 400 naming it, so nothing sensitive can slip in.
 */

const name = z.string().trim().min(1).max(100);
const IsoDate = z.iso.date({ error: 'invalid_date' });

export const ContactInputSchema = z
  .object({
    firstName: name,
    lastName: name,
    addressLine: z.string().trim().min(1).max(300),
    postcode: z
      .string()
      .trim()
      .regex(/^[0-9]{5}$/, { error: 'invalid_postcode' }),
    city: z.string().trim().min(1).max(100),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 .-]{6,20}$/, { error: 'invalid_phone' })
      .nullable()
      .optional(),
    email: z.email({ error: 'invalid_email' }).max(254).nullable().optional(),
  })
  .strict()
  .refine((c) => c.phone || c.email, { error: 'phone_or_email_required', path: ['email'] });

export const CreateLoanRequestSchema = z
  .object({
    schoolId: z.uuid(),
    classId: z.uuid().nullable().optional(),
    pupil: z.object({ firstName: name, lastName: name }).strict(),
    household: z
      .object({
        locale: z.enum(['fr', 'en']).default('fr'),
        /** One or two legal representatives (both homes when parents are separated). */
        contacts: z.array(ContactInputSchema).min(1).max(2),
      })
      .strict(),
    need: z
      .object({
        /** A device category (tablet, pupil laptop…), or none to let the service choose. */
        categoryId: z.uuid().nullable().optional(),
        /** No internet at home: a 4G hotspot goes with the device. */
        connectivity: z.boolean().default(false),
      })
      .strict(),
    eligibility: z
      .object({
        eligible: z.boolean(),
        reasonCode: z.string().regex(/^[a-z0-9_]{2,40}$/, { error: 'invalid_reason' }),
        decidedOn: IsoDate,
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'CreateLoanRequestInput' });
export type CreateLoanRequestInput = z.infer<typeof CreateLoanRequestSchema>;

const ContactSchema = z.object({
  rank: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  addressLine: z.string(),
  postcode: z.string(),
  city: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

/** A household as the reader may see it: the pseudonym always, personal data only when allowed. */
export const HouseholdViewSchema = z
  .object({
    id: z.uuid(),
    pseudonym: z.string(),
    locale: z.enum(['fr', 'en']),
    /** Null for readers without access to personal data, or after the retention purge. */
    pupil: z.object({ firstName: z.string(), lastName: z.string(), className: z.string().nullable() }).nullable(),
    contacts: z.array(ContactSchema).nullable(),
    purged: z.boolean(),
  })
  .meta({ id: 'HouseholdView' });

export const LoanRequestSchema = z
  .object({
    id: z.uuid(),
    school: z.object({ id: z.uuid(), uai: z.string(), name: z.string(), priorityEducation: z.string() }),
    household: HouseholdViewSchema,
    need: z.object({ categoryId: z.uuid().nullable(), categoryName: z.string().nullable(), connectivity: z.boolean() }),
    eligibility: z.object({ eligible: z.boolean(), reasonCode: z.string(), decidedOn: z.string() }),
    status: z.enum(LOAN_REQUEST_STATUSES),
    loanId: z.uuid().nullable(),
    createdAt: z.string(),
    can: z.object({ approve: z.boolean(), allocate: z.boolean() }),
  })
  .meta({ id: 'LoanRequest' });

export const LoanRequestListQuerySchema = z.object({
  schoolId: z.uuid().optional(),
  status: z.enum(LOAN_REQUEST_STATUSES).optional(),
  campaignId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AllocateSchema = z
  .object({
    /** The device and accessories, by id or scanned tag. */
    assetIds: z.array(z.uuid()).max(5).optional(),
    tags: z.array(z.string().trim().min(1).max(300)).max(5).optional(),
    dueDate: IsoDate.optional(),
  })
  .strict()
  .refine((b) => (b.assetIds?.length ?? 0) + (b.tags?.length ?? 0) > 0, { error: 'no_assets', path: ['tags'] })
  .meta({ id: 'AllocateLoanInput' });

export const LoanItemSchema = z.object({
  assetId: z.uuid(),
  tag: z.string(),
  serial: z.string().nullable(),
  model: z.string(),
  role: z.string(),
  open: z.boolean(),
});

export const LoanSchema = z
  .object({
    id: z.uuid(),
    requestId: z.uuid(),
    school: z.object({ id: z.uuid(), uai: z.string(), name: z.string() }),
    household: HouseholdViewSchema,
    status: z.enum(LOAN_STATUSES),
    dueDate: z.string(),
    overdue: z.boolean(),
    items: z.array(LoanItemSchema),
    allocatedAt: z.string(),
    acceptedVia: z.enum(['link', 'paper']).nullable(),
    acceptedAt: z.string().nullable(),
    handedOverAt: z.string().nullable(),
    conditionOut: z.string().nullable(),
    /** Null for readers who do not see the household's personal data, and after the purge. */
    conditionOutNotes: z.string().nullable(),
    returnedAt: z.string().nullable(),
    conditionIn: z.string().nullable(),
    conditionInNotes: z.string().nullable(),
    wipedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    can: z.object({
      seePersonalData: z.boolean(),
      handover: z.boolean(),
      return: z.boolean(),
      sendLink: z.boolean(),
    }),
  })
  .meta({ id: 'Loan' });

export const LoanListQuerySchema = z.object({
  schoolId: z.uuid().optional(),
  status: z.enum(LOAN_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Notes on a device's condition: optional, at most 2,000 characters; empty means none. */
const conditionNotes = z.string().trim().max(2000).nullable().optional();

export const HandoverSchema = z
  .object({
    /** Every device and accessory of the loan, scanned. */
    tags: z.array(z.string().trim().min(1).max(300)).min(1).max(5),
    condition: z.enum(['ok', 'damaged', 'accessories_missing']).default('ok'),
    /** Free notes on the condition (personal data: shown to the roles that see the household, purged). */
    notes: conditionNotes,
  })
  .strict()
  .meta({ id: 'LoanHandoverInput' });

export const ReturnSchema = z
  .object({
    tags: z.array(z.string().trim().min(1).max(300)).min(1).max(5),
    condition: z.enum(['ok', 'damaged', 'accessories_missing']).default('ok'),
    /** Free notes on the condition (personal data: shown to the roles that see the household, purged). */
    notes: conditionNotes,
    /** The MDM reset was done (CARMO v3: devices are wiped between users). */
    wiped: z.literal(true, { error: 'wipe_required' }),
    /** Where the devices go: stock, or back into a cart. */
    destination: z
      .object({ stockLocationId: z.uuid().optional(), cartId: z.uuid().optional() })
      .strict()
      .refine((d) => (d.stockLocationId ? 1 : 0) + (d.cartId ? 1 : 0) === 1, { error: 'one_destination' }),
  })
  .strict()
  .meta({ id: 'LoanReturnInput' });

export const FamilyLinkSchema = z.object({ url: z.string(), expiresAt: z.string() }).meta({ id: 'FamilyLink' });

export const EligibilityReasonSchema = z
  .object({ code: z.string(), labelFr: z.string(), labelEn: z.string(), eligible: z.boolean(), active: z.boolean() })
  .meta({ id: 'EligibilityReason' });

export const EligibilityReasonInputSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{2,40}$/, { error: 'invalid_code' }),
    labelFr: z.string().trim().min(1).max(200),
    labelEn: z.string().trim().min(1).max(200),
    eligible: z.boolean(),
    active: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'SaveEligibilityReasonInput' });

export const FamilyPageSchema = z
  .object({
    organisation: z.string(),
    school: z.string(),
    pupilFirstName: z.string().nullable(),
    status: z.enum(LOAN_STATUSES),
    dueDate: z.string(),
    devices: z.array(z.object({ tag: z.string(), model: z.string(), serial: z.string().nullable() })),
    accepted: z.boolean(),
    acceptedAt: z.string().nullable(),
    locale: z.enum(['fr', 'en']),
    returnInstructions: z.string(),
  })
  .meta({ id: 'FamilyPage' });

export const AcceptSchema = z
  .object({
    /** The name of the legal representative, typed. */
    name: z.string().trim().min(2).max(200),
    confirm: z.literal(true, { error: 'confirmation_required' }),
  })
  .strict()
  .meta({ id: 'FamilyAcceptInput' });
