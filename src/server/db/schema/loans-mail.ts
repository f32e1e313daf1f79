import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './core.ts';
import { households, loans } from './loans.ts';

/**
 * Outgoing mail (migration 0010): each organisation's SMTP server, and the
 * mail log, which is also the outbox. A message with an idempotency `key`
 * is sent at most once per organisation (unique index); the job that sends
 * reminders relies on it. `recipient` holds a family address only while the
 * household's personal data are kept: the retention purge and the erasure
 * on request clear it; `recipientHash` (keyed) stays.
 */

export const MAIL_SECURITY = ['tls', 'starttls', 'none'] as const;

export const mailSettings = pgTable(
  'mail_settings',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    /** `tls` (implicit TLS, usually 465), `starttls` (required upgrade, usually 587), `none` (tests, local relays). */
    security: text('security').notNull().default('starttls'),
    username: text('username'),
    /** AES-256-GCM with a key derived from the instance secret; never returned by the API. */
    passwordEnc: text('password_enc'),
    fromAddress: text('from_address').notNull(),
    replyTo: text('reply_to'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('mail_settings_port_check', sql`${t.port} between 1 and 65535`),
    check('mail_settings_security_check', sql`${t.security} in ('tls','starttls','none')`),
  ],
);

export const MAIL_STATUSES = ['sending', 'sent', 'failed'] as const;

export const mailLog = pgTable(
  'mail_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Idempotency key (e.g. `loan-reminder:<loan>:due:1`); null for mails that may repeat (test mails). */
    key: text('key'),
    /** Which template: family_link, reminder_before_due, overdue_digest, test… */
    template: text('template').notNull(),
    locale: text('locale').notNull().default('fr'),
    loanId: uuid('loan_id'),
    householdId: uuid('household_id'),
    /** The address, while it may be kept (family addresses are cleared with the household's personal data). */
    recipient: text('recipient'),
    recipientHash: text('recipient_hash').notNull(),
    subject: text('subject').notNull(),
    status: text('status').notNull().default('sending'),
    attempts: integer('attempts').notNull().default(1),
    error: text('error'),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mail_log_key').on(t.organisationId, t.key).where(sql`${t.key} is not null`),
    index('mail_log_org_created_idx').on(t.organisationId, t.createdAt),
    index('mail_log_loan_idx').on(t.loanId),
    index('mail_log_household_idx').on(t.householdId),
    check('mail_log_status_check', sql`${t.status} in ('sending','sent','failed')`),
    check('mail_log_locale_check', sql`${t.locale} in ('fr','en')`),
    foreignKey({
      name: 'mail_log_loan_org_fk',
      columns: [t.loanId, t.organisationId],
      foreignColumns: [loans.id, loans.organisationId],
    }),
    foreignKey({
      name: 'mail_log_household_org_fk',
      columns: [t.householdId, t.organisationId],
      foreignColumns: [households.id, households.organisationId],
    }),
  ],
);
