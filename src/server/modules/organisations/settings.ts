import { z } from 'zod';

/**
 * Organisation settings, stored as JSON in `organisations.settings` and
 * always read through this schema (unknown keys dropped, defaults filled).
 */
export const InseeCodeSchema = z.string().regex(/^([0-9]{2}|2[AB])[0-9]{3}$/, { error: 'invalid_insee_code' });

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
  /** Generated demo data. */
  demo: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}
