import { and, eq, inArray, isNull, like, lte, sql } from 'drizzle-orm';
import type { ScopeContext } from '../../db/connection.ts';
import { rows } from '../../db/connection.ts';
import { households, loans, mailLog, organisations, userSchools, users } from '../../db/schema.ts';
import { type MailDeps, type Mailer, openMailer, type SendResult } from '../../mail/service.ts';
import { recordAudit } from '../audit/service.ts';
import { parseSettings } from '../organisations/settings.ts';
import {
  type DigestLine,
  familyLink,
  type LoanMailContext,
  loanMailContext,
  overdueDigestMail,
  type ReminderStage,
  reminderMail,
  summarise,
} from './mails.ts';

/**
 * The daily reminder job (pg-boss, `loans-reminders`): for each loan whose
 * devices are out, a mail to each legal representative with an e-mail
 * address — N days before the due date (organisation setting, default 14),
 * on the due date, then once a week while overdue — and, once a week, a
 * digest of the overdue loans to the directors of their schools and to the
 * managers. Every mail has an idempotency key (loan, period, addressee), so
 * a run repeated the same day, or a second process, sends nothing twice; a
 * run missed one day catches up the next (the period lasts until the next
 * one begins). Organisations without a mail server are skipped.
 */

export interface ReminderPeriod {
  readonly stage: ReminderStage;
  /** before_due, due, overdue_1, overdue_2…: one mail per period. */
  readonly period: string;
}

/** The period `today` falls in for a loan due on `due` (ISO dates), or null before the first reminder. */
export function reminderPeriod(due: string, today: string, daysBefore: number): ReminderPeriod | null {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
  if (days < -daysBefore) return null;
  if (days < 0) return { stage: 'before_due', period: 'before_due' };
  if (days < 7) return { stage: 'due', period: 'due' };
  return { stage: 'overdue', period: `overdue_${Math.floor(days / 7)}` };
}

/** ISO 8601 week of a date: 2027-W27. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const jobContext = (organisationId: string): ScopeContext => ({
  organisationId,
  userId: null,
  actorKind: 'job',
  requestId: null,
});

export interface ReminderRun {
  readonly organisations: number;
  /** Organisations skipped for want of a mail server. */
  readonly notConfigured: number;
  readonly reminders: { sent: number; duplicates: number; failed: number };
  readonly digests: { sent: number; duplicates: number; failed: number };
}

export async function sendLoanReminders(deps: MailDeps, now = new Date()): Promise<ReminderRun> {
  const today = now.toISOString().slice(0, 10);
  const orgs = await deps.db.owner
    .select({ id: organisations.id, settings: organisations.settings })
    .from(organisations);
  const reminderResults: SendResult[] = [];
  const digestResults: SendResult[] = [];
  let notConfigured = 0;
  for (const org of orgs) {
    const mailer = await openMailer(deps, org.id);
    if (!mailer) {
      notConfigured++;
      continue;
    }
    try {
      const daysBefore = parseSettings(org.settings).loanReminderDaysBefore;
      const due = await dueReminders(deps, org.id, today, daysBefore);
      const sentHere: SendResult[] = [];
      for (const { context, period } of due) {
        const link = familyLink(deps.config, deps.secrets, context.loanId, context.nonce, context.dueDate);
        for (const contact of context.contacts) {
          const mail = reminderMail(
            period.stage,
            { ...context, contactName: contact.name, ...link },
            today,
            context.locale,
          );
          sentHere.push(
            await mailer.send({
              to: contact.email,
              ...mail,
              key: `loan-reminder:${context.loanId}:${period.period}:${contact.rank}`,
              template: `reminder_${period.stage}`,
              locale: context.locale,
              loanId: context.loanId,
              householdId: context.householdId,
            }),
          );
        }
      }
      reminderResults.push(...sentHere);
      const counts = summarise(sentHere);
      if (counts.sent + counts.failed > 0) {
        // Contacts were read to send these: the job's use of personal data is traced too.
        await deps.db.withOrg(jobContext(org.id), (scope) =>
          recordAudit(scope, {
            action: 'loan.reminders_sent',
            entityType: 'loan',
            after: { date: today, ...counts, loans: due.map((d) => d.context.loanId) },
          }),
        );
      }
      digestResults.push(...(await sendDigests(deps, org.id, today, mailer)));
    } finally {
      mailer.close();
    }
  }
  return {
    organisations: orgs.length,
    notConfigured,
    reminders: summarise(reminderResults),
    digests: summarise(digestResults),
  };
}

/** Loans out (devices not back) whose current reminder period has not been mailed to everyone yet. */
async function dueReminders(deps: MailDeps, organisationId: string, today: string, daysBefore: number) {
  return deps.db.withOrg(jobContext(organisationId), async (scope) => {
    const candidates = await scope.tx
      .select({ id: loans.id, dueDate: loans.dueDate })
      .from(loans)
      .innerJoin(households, eq(households.id, loans.householdId))
      .where(
        and(
          eq(loans.status, 'handed_over'),
          isNull(households.purgedAt),
          lte(loans.dueDate, addDays(today, daysBefore)),
          sql`EXISTS (SELECT 1 FROM loan_items i WHERE i.loan_id = ${loans.id} AND i.open)`,
        ),
      );
    if (candidates.length === 0) return [];
    // Periods already mailed to every address (no failure left to retry) are skipped without reading contacts.
    const logged = await scope.tx
      .select({ key: mailLog.key, status: mailLog.status })
      .from(mailLog)
      .where(
        and(
          inArray(
            mailLog.loanId,
            candidates.map((c) => c.id),
          ),
          like(mailLog.key, 'loan-reminder:%'),
        ),
      );
    const out: { context: LoanMailContext; period: ReminderPeriod }[] = [];
    for (const c of candidates) {
      const period = reminderPeriod(c.dueDate, today, daysBefore);
      if (!period) continue;
      const prefix = `loan-reminder:${c.id}:${period.period}:`;
      const mine = logged.filter((l) => l.key?.startsWith(prefix));
      if (mine.length > 0 && mine.every((l) => l.status === 'sent')) continue;
      const context = await loanMailContext(scope, c.id);
      if (context.contacts.length) out.push({ context, period });
    }
    return out;
  });
}

/** Once a week (ISO week), the overdue loans: a director gets those of their schools, a manager all. */
async function sendDigests(
  deps: MailDeps,
  organisationId: string,
  today: string,
  mailer: Mailer,
): Promise<SendResult[]> {
  const data = await deps.db.withOrg(jobContext(organisationId), async (scope) => {
    const overdue = await rows<{
      id: string;
      school_id: string;
      school: string;
      due_date: string;
      pseudonym: string;
      tags: string[];
    }>(
      scope.tx,
      sql`SELECT l.id, l.school_id, s.name AS school, l.due_date::text AS due_date, h.pseudonym,
                 array_agg(a.tag ORDER BY a.tag) AS tags
            FROM loans l
            JOIN households h ON h.id = l.household_id
            JOIN schools s ON s.id = l.school_id
            JOIN loan_items i ON i.loan_id = l.id AND i.open
            JOIN assets a ON a.id = i.asset_id
           WHERE l.status = 'handed_over' AND l.due_date < ${today}
           GROUP BY l.id, s.name, h.pseudonym
           ORDER BY l.due_date, s.name, h.pseudonym`,
    );
    if (overdue.length === 0) return null;
    const staff = await scope.tx
      .select({ id: users.id, email: users.email, locale: users.locale, roles: users.roles })
      .from(users)
      .where(and(eq(users.active, true), sql`${users.roles} && ARRAY['manager','director']::text[]`));
    const attached = await scope.tx
      .select({ userId: userSchools.userId, schoolId: userSchools.schoolId })
      .from(userSchools)
      .where(
        inArray(
          userSchools.userId,
          staff.map((s) => s.id),
        ),
      );
    const [org] = await scope.tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    return { overdue, staff, attached, organisation: org?.name ?? '' };
  });
  if (!data) return [];
  const week = isoWeek(today);
  const results: SendResult[] = [];
  for (const user of data.staff) {
    const schoolIds = new Set(data.attached.filter((a) => a.userId === user.id).map((a) => a.schoolId));
    const lines: DigestLine[] = data.overdue
      .filter((l) => user.roles.includes('manager') || schoolIds.has(l.school_id))
      .map((l) => ({ pseudonym: l.pseudonym, school: l.school, dueDate: l.due_date, tags: l.tags }));
    if (lines.length === 0) continue;
    const locale = user.locale === 'en' ? 'en' : 'fr';
    const mail = overdueDigestMail(
      lines,
      data.organisation,
      `${deps.config.publicUrl}/loans?overdue=true`,
      today,
      locale,
    );
    results.push(
      await mailer.send({
        to: user.email,
        ...mail,
        key: `overdue-digest:${user.id}:${week}`,
        template: 'overdue_digest',
        locale,
      }),
    );
  }
  return results;
}
