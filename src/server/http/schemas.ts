import { z } from 'zod';

/** Response schemas used by many routes (OpenAPI components). */

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
    retryAfter: z.number().int().optional(),
    organisations: z.array(z.object({ slug: z.string(), name: z.string() })).optional(),
    report: z.unknown().optional(),
    allowed: z.array(z.string()).optional(),
    currentVersion: z.number().int().optional(),
    /** BOOKING_CONFLICT: the slot already taken (for a series, its first colliding date). */
    conflict: z
      .object({ date: z.string(), startsAt: z.string(), endsAt: z.string(), bookingId: z.string().nullable() })
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ProblemSchema])) as Record<number, typeof ProblemSchema>;

export const NoContent = z.null().meta({ description: 'No content' });
