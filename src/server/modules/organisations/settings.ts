import { z } from 'zod';

/**
 * Organisation settings, stored as JSON in `organisations.settings` and
 * always read through this schema (unknown keys dropped, defaults filled).
 */
export const InseeCodeSchema = z.string().regex(/^([0-9]{2}|2[AB])[0-9]{3}$/, { error: 'invalid_insee_code' });

const Clock = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'invalid_time' });
const IsoDay = z.iso.date({ error: 'invalid_date' });
/** Working hours of one weekday: ordered, non-overlapping HH:MM ranges (school time). */
const DayHours = z
  .array(z.object({ from: Clock, to: Clock }).refine((r) => r.from < r.to, { error: 'empty_range' }))
  .max(6)
  .refine((ranges) => ranges.every((r, i) => i === 0 || (ranges[i - 1]?.to ?? '') <= r.from), {
    error: 'overlapping_ranges',
  });
const SCHOOL_DAY = [
  { from: '08:00', to: '12:00' },
  { from: '13:30', to: '17:30' },
];
const SlaTarget = (response: number, resolution: number) =>
  z
    .object({
      /** Working hours until the first assignment or public reply. */
      responseHours: z.number().min(0.25).max(2000).default(response),
      /** Working hours until the resolution (time in `waiting` excluded). */
      resolutionHours: z.number().min(0.25).max(5000).default(resolution),
    })
    .prefault({});

/** SLA targets per priority, in working hours (a missing priority gets its default). */
export const HelpdeskSlaSchema = z.object({
  urgent: SlaTarget(1, 8),
  high: SlaTarget(4, 16),
  normal: SlaTarget(8, 40),
  low: SlaTarget(16, 80),
});
/** Working hours per weekday (a missing day gets the default: Monday–Friday 08:00–12:00 and 13:30–17:30). */
export const WorkingHoursSchema = z
  .object({
    mon: DayHours.default(SCHOOL_DAY),
    tue: DayHours.default(SCHOOL_DAY),
    wed: DayHours.default(SCHOOL_DAY),
    thu: DayHours.default(SCHOOL_DAY),
    fri: DayHours.default(SCHOOL_DAY),
    sat: DayHours.default([]),
    sun: DayHours.default([]),
  })
  .refine((w) => Object.values(w).some((d) => d.length > 0), { error: 'no_working_hours' });
/** Public holidays, school holidays and other closed days: inclusive date ranges. */
export const ClosedDaysSchema = z
  .array(
    z
      .object({ from: IsoDay, to: IsoDay, label: z.string().trim().max(200).default('') })
      .refine((r) => r.from <= r.to, { error: 'empty_range' }),
  )
  .max(500);
/** A resolved (or closed) ticket can be reopened within this many days of its resolution. */
export const ReopenDaysSchema = z.number().int().min(0).max(365);

/** Helpdesk calendar and SLA (module README: src/server/modules/helpdesk). */
export const HelpdeskSettingsSchema = z.object({
  sla: HelpdeskSlaSchema.prefault({}),
  workingHours: WorkingHoursSchema.prefault({}),
  closedDays: ClosedDaysSchema.default([]),
  reopenDays: ReopenDaysSchema.default(14),
});
export type HelpdeskSettings = z.infer<typeof HelpdeskSettingsSchema>;

/** Publication of the transparency page and the open data (module README: src/server/modules/publication). */
export const PublicationSettingsSchema = z.object({
  published: z.boolean().default(false),
});
export type PublicationSettings = z.infer<typeof PublicationSettingsSchema>;

/** RGAA compliance status of the statement: not evaluated until an audit is done. */
export const ACCESSIBILITY_STATUSES = ['non_evalue', 'partiel', 'total'] as const;
/**
 * The accessibility statement's facts that only the organisation knows
 * (page /accessibilite, RGAA obligations): the audit, if any, and the
 * multi-year plan, one entry per year.
 */
export const AccessibilitySettingsSchema = z.object({
  status: z.enum(ACCESSIBILITY_STATUSES).default('non_evalue'),
  /** Date of the last RGAA audit. */
  auditedOn: IsoDay.nullable().default(null),
  /** Who did it (company or service). */
  auditor: z.string().trim().max(200).default(''),
  /** Percentage of the applicable RGAA criteria met at that audit. */
  complianceRate: z.number().min(0).max(100).nullable().default(null),
  /** Multi-year accessibility plan: the actions planned per year. */
  plan: z
    .array(z.object({ year: z.number().int().min(2000).max(2100), actions: z.string().trim().min(1).max(4000) }))
    .max(10)
    .refine((entries) => new Set(entries.map((e) => e.year)).size === entries.length, { error: 'duplicate_year' })
    .default([]),
});
export type AccessibilitySettings = z.infer<typeof AccessibilitySettingsSchema>;

export const SettingsSchema = z.object({
  /** INSEE codes of the organisation's communes: imports of national files keep these. */
  communes: z.array(InseeCodeSchema).max(500).default([]),
  /** Technicians reach every school (`all`) or only those they are attached to (`assigned`). */
  technicianScope: z.enum(['all', 'assigned']).default('all'),
  /** Pattern of generated inventory tags: {ORG}, {YYYY}, {YY} and a counter {00000}. */
  assetTagPattern: z
    .string()
    .max(40)
    .regex(/^[^\s,;]*\{0+\}[^\s,;]*$/, { error: 'invalid_tag_pattern' })
    .default('{ORG}-{YYYY}-{00000}'),
  /** Warranties ending within this many days go into the weekly digest. */
  warrantyNoticeDays: z.number().int().min(7).max(365).default(60),
  /** Family loans: approve requests automatically (no manager step). */
  loanAutoApprove: z.boolean().default(false),
  /** Family loans: default due date, month-day of the end of the school year. */
  loanDueMonthDay: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, { error: 'invalid_month_day' })
    .default('07-04'),
  /** Family loans: days after a loan is closed (and incidents settled) before personal data are deleted. */
  loanRetentionDays: z.number().int().min(0).max(3650).default(90),
  /** Family loans: the first reminder mail goes this many days before the due date. */
  loanReminderDaysBefore: z.number().int().min(1).max(60).default(14),
  /** Contact for personal data rights (DPO of the commune), printed on conventions. */
  dpoContact: z.string().max(300).default(''),
  /** Admin-edited convention texts; empty = the built-in template. */
  loanConventionTemplate: z
    .object({ fr: z.string().max(20000).default(''), en: z.string().max(20000).default('') })
    .default({ fr: '', en: '' }),
  /**
   * Helpdesk: SLA targets, working hours, closed days, reopen window. Absent
   * until first changed (`helpdeskSettingsOf` fills the defaults); changed
   * through `PATCH /api/helpdesk/settings`.
   */
  helpdesk: HelpdeskSettingsSchema.optional(),
  /**
   * Public transparency page and open data (`/public/{slug}`, module
   * src/server/modules/publication): served only when `published` is true.
   */
  publication: PublicationSettingsSchema.prefault({}),
  /** Accessibility statement: audit and multi-year plan (page /accessibilite). */
  accessibility: AccessibilitySettingsSchema.prefault({}),
  /** Generated demo data. */
  demo: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The helpdesk settings of an organisation, defaults filled. */
export function helpdeskSettingsOf(settings: Settings): HelpdeskSettings {
  return settings.helpdesk ?? HelpdeskSettingsSchema.parse({});
}

export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}
