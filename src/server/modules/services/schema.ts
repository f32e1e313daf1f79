import { z } from 'zod';
import { SERVICE_KINDS, SERVICE_PRICING } from '../../db/schema/baseline.ts';

/**
 * Digital services inputs and outputs (issue #8 point 4): the catalogue
 * (ENT, cloud, resources, MDM, filtering…) and each school's subscriptions.
 * Every input is `.strict()`. Amounts are integer cents HT; dates ISO days.
 * Rules spanning fields or rows (end before start, unknown school, name
 * taken) are checked by the service, each answer naming the field.
 */

const IsoDate = z.iso.date({ error: 'invalid_date' });
const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Int = z.number().int();
const text = (max: number) => z.string().trim().max(max);

export { SERVICE_KINDS, SERVICE_PRICING };
export const SUBSCRIPTION_STATUSES = ['active', 'future', 'ended'] as const;
export const ServiceKindSchema = z.enum(SERVICE_KINDS).meta({ id: 'DigitalServiceKind' });
export const ServicePricingSchema = z.enum(SERVICE_PRICING).meta({ id: 'DigitalServicePricing' });
export const SubscriptionStatusSchema = z.enum(SUBSCRIPTION_STATUSES).meta({ id: 'SubscriptionStatus' });
export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;

export const IdParams = z.object({ id: z.uuid() });

// Catalogue -----------------------------------------------------------------------

const serviceFields = {
  /** Unique in the organisation, whatever the case. */
  name: text(200).min(1),
  kind: ServiceKindSchema,
  supplierId: z.uuid().nullable().optional(),
  description: text(5000).optional(),
  /** What the reference price counts: per school, per pupil or per seat. */
  pricing: ServicePricingSchema.optional(),
  /** Reference yearly price HT per school, pupil or seat (null: unknown). */
  unitPriceCents: Cents.nullable().optional(),
  /** Archived services stay on past subscriptions but are offered no more. */
  archived: z.boolean().optional(),
};
export const CreateServiceSchema = z.object(serviceFields).strict().meta({ id: 'CreateDigitalServiceInput' });
export type CreateServiceInput = z.infer<typeof CreateServiceSchema>;
export const UpdateServiceSchema = z.object(serviceFields).partial().strict().meta({ id: 'UpdateDigitalServiceInput' });
export type UpdateServiceInput = z.infer<typeof UpdateServiceSchema>;

export const ServiceQuerySchema = z
  .object({
    kind: ServiceKindSchema.optional(),
    /** Archived services are left out unless `true`. */
    includeArchived: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type ServiceQuery = z.infer<typeof ServiceQuerySchema>;

export const ServiceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: ServiceKindSchema,
    supplierId: z.uuid().nullable(),
    supplierName: z.string().nullable(),
    description: z.string(),
    pricing: ServicePricingSchema,
    unitPriceCents: Int.nullable(),
    archived: z.boolean(),
    /** Subscriptions active today (in the schools the actor reaches). */
    activeSubscriptions: Int,
    /** All subscriptions, past and future included (in the schools the actor reaches). */
    subscriptionCount: Int,
    can: z.object({ update: z.boolean(), delete: z.boolean() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DigitalService' });

// Subscriptions -------------------------------------------------------------------

const subscriptionFields = {
  serviceId: z.uuid(),
  /** Seats, accounts or licences (null: the whole school). */
  seats: z.number().int().min(1).max(1_000_000).nullable().optional(),
  startsOn: IsoDate,
  /** Last day covered; null: open-ended. */
  endsOn: IsoDate.nullable().optional(),
  /** What the school's subscription costs per year HT (null: not recorded). */
  yearlyCostCents: Cents.nullable().optional(),
  contractId: z.uuid().nullable().optional(),
  notes: text(5000).optional(),
};
export const CreateSubscriptionSchema = z
  .object({ schoolId: z.uuid(), ...subscriptionFields })
  .strict()
  .meta({ id: 'CreateSubscriptionInput' });
export type CreateSubscriptionInput = z.infer<typeof CreateSubscriptionSchema>;
/** A subscription stays with its school: to move it, end it and add one to the other school. */
export const UpdateSubscriptionSchema = z
  .object(subscriptionFields)
  .partial()
  .strict()
  .meta({ id: 'UpdateSubscriptionInput' });
export type UpdateSubscriptionInput = z.infer<typeof UpdateSubscriptionSchema>;

export const SubscriptionQuerySchema = z
  .object({
    schoolId: z.uuid().optional(),
    serviceId: z.uuid().optional(),
    kind: ServiceKindSchema.optional(),
    /** Only the subscriptions active on this day; `status` is then computed against it. */
    activeOn: IsoDate.optional(),
    /** Computed against `activeOn`, or today. */
    status: SubscriptionStatusSchema.optional(),
  })
  .strict();
export type SubscriptionQuery = z.infer<typeof SubscriptionQuerySchema>;

export const SubscriptionSchema = z
  .object({
    id: z.uuid(),
    schoolId: z.uuid(),
    schoolName: z.string(),
    schoolUai: z.string(),
    serviceId: z.uuid(),
    serviceName: z.string(),
    kind: ServiceKindSchema,
    serviceArchived: z.boolean(),
    seats: Int.nullable(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    yearlyCostCents: Int.nullable(),
    contractId: z.uuid().nullable(),
    contractReference: z.string().nullable(),
    notes: z.string(),
    /** Against `activeOn` when asked, today otherwise: `future` before the start, `ended` after the last day. */
    status: SubscriptionStatusSchema,
    /** Expense lines of funding programmes declaring it (shown to funding readers only; empty otherwise). */
    expenseLines: z.array(
      z.object({
        id: z.uuid(),
        programmeId: z.uuid(),
        programmeName: z.string(),
        from: z.string(),
        to: z.string(),
        htCents: Int,
      }),
    ),
    /** `declare`: may be made an expense line (funding.manage, a yearly cost recorded). */
    can: z.object({ update: z.boolean(), delete: z.boolean(), declare: z.boolean() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SchoolSubscription' });
