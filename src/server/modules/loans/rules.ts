import { randomBytes } from 'node:crypto';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import type { Secrets } from '../../secrets.ts';

/** Pure rules of family loans: due dates, pseudonyms, family links, reminders. */

/** Default due date: the given month-day of the end of the current school year (e.g. 07-04 → 4 July). */
export function defaultDueDate(monthDay: string, now: Date = new Date()): string {
  const end = currentSchoolYear(now) + 1;
  return `${end}-${monthDay}`;
}

const PSEUDO = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A meaningless, readable household label: F-7K3Q2. */
export function newPseudonym(): string {
  const bytes = randomBytes(5);
  return `F-${[...bytes].map((b) => PSEUDO[b % PSEUDO.length]).join('')}`;
}

export function newNonce(): string {
  return randomBytes(12).toString('base64url');
}

const PURPOSE = 'loan-family-link';

/**
 * A family link: `<loan id, base64url>.<expiry day>.<signature>`. The
 * signature covers the loan id, the expiry and the loan's current nonce: a
 * changed link, a past expiry or a rotated nonce (revocation) all fail.
 */
export function familyToken(secrets: Secrets, loanId: string, nonce: string, expires: Date): string {
  const id = Buffer.from(loanId.replaceAll('-', ''), 'hex').toString('base64url');
  const day = Math.floor(expires.getTime() / 86_400_000).toString(36);
  return `${id}.${day}.${secrets.sign(PURPOSE, `${loanId}|${day}|${nonce}`)}`;
}

export interface ParsedToken {
  loanId: string;
  expires: Date;
  check(nonce: string): boolean;
}

export function parseFamilyToken(secrets: Secrets, token: string): ParsedToken | null {
  const m = /^([A-Za-z0-9_-]{22})\.([0-9a-z]{1,8})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const hex = Buffer.from(m[1] as string, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  const loanId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const day = m[2] as string;
  const expires = new Date(Number.parseInt(day, 36) * 86_400_000);
  return {
    loanId,
    expires,
    check: (nonce) => secrets.verify(PURPOSE, `${loanId}|${day}|${nonce}`, m[3] as string),
  };
}

/** A link stays valid until some time after the due date (the family page shows how to return). */
export function linkExpiry(dueDate: string): Date {
  return new Date(new Date(`${dueDate}T23:59:59Z`).getTime() + 60 * 86_400_000);
}

export type ReminderKind = 'before_due' | 'due' | `overdue_${number}`;

/**
 * The reminder of the period `today` falls in, for a loan due on `due`: the
 * week before, the week of the due date, then one per overdue week. The job
 * sends it when not sent yet, so a missed run catches up the next day.
 */
export function reminderFor(due: string, today: string): ReminderKind | null {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
  if (days >= -7 && days < 0) return 'before_due';
  if (days >= 0 && days < 7) return 'due';
  if (days >= 7) return `overdue_${Math.floor(days / 7)}`;
  return null;
}
