import { z } from 'zod';

/**
 * The dashboard's one request (issue #9 points 1 and 2): filters in, every
 * panel the actor may read out. A panel the actor's roles cannot read is
 * absent (null), never an error.
 */

export const PRIORITIES = ['none', 'REP', 'REP+'] as const;

export const DashboardQuerySchema = z
  .object({
    /** The school year by its rentrée (2026 = 2026-2027); default: the current one. */
    schoolYear: z.coerce.number().int().min(2000).max(2100).optional(),
    /** Circonscription name, exactly as the schools carry it (the response lists them). */
    circonscription: z.string().trim().min(1).max(200).optional(),
    priority: z.enum(PRIORITIES).optional(),
    /** One school (the school dashboard of a director); must be within the actor's schools. */
    schoolId: z.uuid().optional(),
  })
  .strict();
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** A stock figure now (or at the end of a past school year) and at the start of the school year. */
const Trend = z
  .object({
    value: z.number(),
    /** The same figure at the start of the school year (1 September, Paris time); null when Socle cannot know it. */
    reference: z.number().nullable(),
  })
  .meta({ id: 'DashboardTrend' });

const MonthPoint = z.object({
  /** YYYY-MM. */
  month: z.string(),
  /** The instant the value was taken: the month's end, or now for the current month. */
  at: z.string(),
  value: z.number().int(),
});

const SocleState = z.enum(['at_socle', 'not_at_socle', 'out_of_scope']);

export const DashboardSchema = z
  .object({
    schoolYear: z.number().int(),
    /** The school year is the current one: the figures are today's and equal their lists. */
    current: z.boolean(),
    period: z.object({ start: z.string(), end: z.string() }),
    /** When the figures were taken: now, or the end of a past school year. */
    asOf: z.string(),
    /** Start of the school year, the trends' reference instant. */
    referenceAt: z.string(),
    filters: z.object({
      circonscription: z.string().nullable(),
      priority: z.enum(PRIORITIES).nullable(),
      schoolId: z.uuid().nullable(),
    }),
    /** Every school year with data, and the circonscriptions of the actor's schools (filter choices). */
    options: z.object({ schoolYears: z.array(z.number().int()), circonscriptions: z.array(z.string()) }),
    schools: z.object({ count: z.number().int(), pupils: z.number().int() }),
    baseline: z
      .object({
        gridVersion: z.number().int(),
        schoolsInScope: z.number().int(),
        schoolsAtSocle: z.number().int(),
        classes: z.number().int(),
        classesAtSocle: z.number().int(),
      })
      .nullable(),
    inventory: z
      .object({
        devicesInService: Trend,
        /** Devices in service at the schools / their pupils (schools with a known head count). */
        devicesPerPupil: Trend,
        series: z.array(MonthPoint),
        /** The school dashboard: devices in service by category. */
        byCategory: z.array(
          z.object({ id: z.uuid(), code: z.string(), nameFr: z.string(), nameEn: z.string(), count: z.number().int() }),
        ),
      })
      .nullable(),
    loans: z.object({ open: Trend, overdue: Trend, series: z.array(MonthPoint) }).nullable(),
    helpdesk: z.object({ open: Trend, breached: Trend, series: z.array(MonthPoint) }).nullable(),
    bookings: z
      .object({
        /** Monday and Sunday of this week (Paris time). */
        weekStart: z.string(),
        weekEnd: z.string(),
        count: z.number().int(),
      })
      .nullable(),
    budget: z
      .object({
        programmes: z.array(
          z.object({
            id: z.uuid(),
            name: z.string(),
            plannedCents: z.number().int(),
            ordered: Trend,
            invoiced: Trend,
            claimed: Trend,
            received: Trend,
          }),
        ),
      })
      .nullable(),
    perSchool: z.array(
      z.object({
        id: z.uuid(),
        uai: z.string(),
        name: z.string(),
        circonscription: z.string().nullable(),
        priorityEducation: z.enum(PRIORITIES),
        latitude: z.number().nullable(),
        longitude: z.number().nullable(),
        pupils: z.number().int().nullable(),
        socle: SocleState.nullable(),
        scorePct: z.number().nullable(),
        classes: z.number().int().nullable(),
        classesAtSocle: z.number().int().nullable(),
        devicesInService: z.number().int().nullable(),
        devicesPerPupil: z.number().nullable(),
        openLoans: z.number().int().nullable(),
        overdueLoans: z.number().int().nullable(),
        openTickets: z.number().int().nullable(),
        breachedTickets: z.number().int().nullable(),
      }),
    ),
    /** Milliseconds the server spent (measured, reported by the journey). */
    tookMs: z.number(),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof DashboardSchema>;
