import { z } from 'zod';
import { BOOKING_STATUSES, RESOURCE_KINDS } from '../../db/schema/bookings.ts';

/**
 * Bookings inputs and outputs (issue #8 point 2). Every input is `.strict()`.
 * Instants are ISO 8601 with an offset; series times are HH:MM school time
 * (Europe/Paris). Rules spanning fields (one-off xor series, class xor
 * activity) are checked by the service, which names each field.
 */

const IsoDate = z.iso.date({ error: 'invalid_date' });
const Instant = z.iso.datetime({ offset: true, error: 'invalid_datetime' });
const HhMm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'invalid_time' });

export const BookingStatusSchema = z.enum(BOOKING_STATUSES).meta({ id: 'BookingStatus' });
export const ResourceKindSchema = z.enum(RESOURCE_KINDS).meta({ id: 'BookableResourceKind' });

export const IdParams = z.object({ id: z.uuid() });

export const SeriesInputSchema = z
  .object({
    /** First possible date; the first occurrence is the first `weekday` from here. */
    startsOn: IsoDate,
    /** Last possible date (inclusive); give this or `count`. */
    endsOn: IsoDate.optional(),
    /** Number of occurrences (1–60); give this or `endsOn`. */
    count: z.number().int().min(1).max(60).optional(),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    startTime: HhMm,
    endTime: HhMm,
  })
  .strict()
  .meta({ id: 'BookingSeriesInput' });

export const CreateBookingSchema = z
  .object({
    resourceKind: ResourceKindSchema,
    /** An asset (cart or device) or a room. */
    resourceId: z.uuid(),
    /** The class it is for… */
    classId: z.uuid().optional(),
    /** …or the périscolaire activity (free label). */
    activity: z.string().trim().min(1).max(200).optional(),
    /** A one-off slot… */
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
    /** …or a weekly series (every occurrence is checked; all or nothing). */
    series: SeriesInputSchema.optional(),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict()
  .meta({ id: 'CreateBookingInput' });
export type CreateBookingInput = z.infer<typeof CreateBookingSchema>;

export const CalendarQuerySchema = z
  .object({
    /** First day (school time), inclusive. */
    from: IsoDate,
    /** Last day (school time), inclusive; at most 62 days after `from`. */
    to: IsoDate,
    schoolId: z.uuid().optional(),
    resourceId: z.uuid().optional(),
    /** Only the signed-in user's bookings. */
    mine: z.enum(['true', 'false']).optional(),
    /** Include cancelled bookings (default: no). */
    cancelled: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type CalendarQuery = z.infer<typeof CalendarQuerySchema>;

export const CancelSchema = z
  .object({
    /** Also cancel the series' later occurrences that are not picked up yet. */
    series: z.boolean().optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .meta({ id: 'CancelBookingInput' });
export type CancelInput = z.infer<typeof CancelSchema>;

export const ReturnSchema = z
  .object({
    /** Tags scanned or declared in the cart at return. */
    tags: z.array(z.string().trim().min(1).max(64)).max(500).default([]),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict()
  .meta({ id: 'ReturnBookingInput' });
export type ReturnInput = z.infer<typeof ReturnSchema>;

export const ResourceSettingsSchema = z
  .object({ requiresApproval: z.boolean() })
  .strict()
  .meta({ id: 'BookableResourceSettingsInput' });

export const ResourceParams = z.object({ kind: ResourceKindSchema, id: z.uuid() });

const Content = z.object({ id: z.uuid(), tag: z.string() });

export const BookingSchema = z
  .object({
    id: z.uuid(),
    schoolId: z.uuid(),
    schoolName: z.string(),
    seriesId: z.uuid().nullable(),
    resource: z.object({ kind: ResourceKindSchema, id: z.uuid(), label: z.string() }),
    classId: z.uuid().nullable(),
    className: z.string().nullable(),
    activity: z.string().nullable(),
    bookedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    startsAt: z.string(),
    endsAt: z.string(),
    status: BookingStatusSchema,
    notes: z.string(),
    pickedUpAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    /** Cart contents at pick-up. */
    expectedContents: z.array(Content).nullable(),
    /** At return: what was scanned, what is missing, what is extra. */
    returnCheck: z
      .object({
        expected: z.array(Content),
        scanned: z.array(z.string()),
        missing: z.array(Content),
        extra: z.array(z.string()),
      })
      .nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    can: z.object({ approve: z.boolean(), cancel: z.boolean(), pickUp: z.boolean(), return: z.boolean() }),
  })
  .meta({ id: 'Booking' });

export const CreatedBookingsSchema = z
  .object({
    /** The booking (one-off) or the first occurrence (series). */
    booking: BookingSchema,
    seriesId: z.uuid().nullable(),
    /** Every occurrence created, in order (one for a one-off booking). */
    occurrences: z.array(z.object({ id: z.uuid(), date: z.string(), startsAt: z.string(), endsAt: z.string() })),
  })
  .meta({ id: 'CreatedBookings' });

export const BookableResourceSchema = z
  .object({
    kind: ResourceKindSchema,
    id: z.uuid(),
    schoolId: z.uuid(),
    label: z.string(),
    requiresApproval: z.boolean(),
    /** Carts: the devices in them now. */
    contentsCount: z.number().int().nullable(),
  })
  .meta({ id: 'BookableResource' });

export const ResourceQuerySchema = z.object({ schoolId: z.uuid() }).strict();

export const FeedKindSchema = z.enum(['school', 'user']).meta({ id: 'BookingFeedKind' });
export const CreateFeedSchema = z
  .object({ kind: FeedKindSchema, schoolId: z.uuid().optional() })
  .strict()
  .meta({ id: 'CreateBookingFeedInput' });
export type CreateFeedInput = z.infer<typeof CreateFeedSchema>;

export const FeedSchema = z
  .object({
    id: z.uuid(),
    kind: FeedKindSchema,
    schoolId: z.uuid().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'BookingFeed' });

export const CreatedFeedSchema = FeedSchema.extend({
  /** The secret URL path (shown once; only its hash is stored). */
  url: z.string(),
  token: z.string(),
}).meta({ id: 'CreatedBookingFeed' });

export const FeedTokenParams = z.object({ file: z.string().max(100) });
