import { z } from 'zod';
import { MAIL_SECURITY, MAIL_STATUSES } from '../db/schema/loans-mail.ts';

export type MailSecurity = (typeof MAIL_SECURITY)[number];

const hostname = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$/, { error: 'invalid_host' });

export const SaveMailSettingsSchema = z
  .object({
    host: hostname,
    port: z.number().int().min(1).max(65535),
    /** `tls`: TLS from the start (port 465); `starttls`: upgrade required (587); `none`: plain (local relay only). */
    security: z.enum(MAIL_SECURITY),
    username: z.string().trim().max(200).nullable().optional(),
    /** Absent: keep the stored password; null or empty: remove it. Never returned. */
    password: z.string().max(500).nullable().optional(),
    from: z.email({ error: 'invalid_email' }).max(254),
    replyTo: z.email({ error: 'invalid_email' }).max(254).nullable().optional(),
  })
  .strict()
  .meta({ id: 'SaveMailSettingsInput' });
export type SaveMailSettingsInput = z.infer<typeof SaveMailSettingsSchema>;

export const MailSettingsSchema = z
  .object({
    /** Where the settings come from: this organisation, the instance default (SMTP_URL), or nowhere. */
    source: z.enum(['organisation', 'environment', 'none']),
    host: z.string().nullable(),
    port: z.number().int().nullable(),
    security: z.enum(MAIL_SECURITY).nullable(),
    username: z.string().nullable(),
    passwordSet: z.boolean(),
    from: z.string().nullable(),
    replyTo: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'MailSettings' });

export const TestMailSchema = z
  .object({
    /** Where to send the test; the signed-in user's address by default. */
    to: z.email({ error: 'invalid_email' }).max(254).optional(),
  })
  .strict()
  .meta({ id: 'TestMailInput' });

export const TestMailResultSchema = z
  .object({ status: z.literal('sent'), to: z.string(), messageId: z.string().nullable() })
  .meta({ id: 'TestMailResult' });

export const MailLogEntrySchema = z
  .object({
    id: z.uuid(),
    template: z.string(),
    /** Null for a family's mail: the household's pseudonym is shown instead. */
    recipient: z.string().nullable(),
    household: z.string().nullable(),
    loanId: z.uuid().nullable(),
    subject: z.string(),
    status: z.enum(MAIL_STATUSES),
    attempts: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'MailLogEntry' });
