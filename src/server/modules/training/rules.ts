import { currentSchoolYear } from '../../../shared/school-year.ts';

/**
 * Pure training rules: the validity window of a training, the feedback
 * summary, and the state guards.
 */

/**
 * School years a training counts for: the one of the reference day and the
 * two before. A teacher trained in 2022-2023 still counts in 2024-2025, no
 * longer in 2025-2026 (tools and staff turn over; the plan's accompaniment
 * is renewed every few years).
 */
export const VALIDITY_SCHOOL_YEARS = 3;

/** First day counted: 1 September of the school year `VALIDITY_SCHOOL_YEARS - 1` years before `on`'s. */
export function windowStart(on: string): string {
  const year = currentSchoolYear(new Date(`${on}T12:00:00Z`));
  return `${year - (VALIDITY_SCHOOL_YEARS - 1)}-09-01`;
}

/**
 * Names of trainees without an account are kept while they can count (the
 * validity window) and one more school year for corrections: purged once
 * their last session is older than the start of the window of a day one
 * school year later.
 */
export function purgeBefore(now: Date): string {
  const year = currentSchoolYear(now);
  return `${year - VALIDITY_SCHOOL_YEARS}-09-01`;
}

export function summariseFeedback(scores: readonly number[]): {
  count: number;
  average: number | null;
  distribution: number[];
} {
  const distribution = [0, 0, 0, 0, 0];
  for (const s of scores) if (s >= 1 && s <= 5) distribution[s - 1] = (distribution[s - 1] ?? 0) + 1;
  const count = distribution.reduce((a, b) => a + b, 0);
  const total = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  return { count, average: count ? Math.round((total / count) * 100) / 100 : null, distribution };
}

export function endsAt(startsAt: Date, durationMinutes: number): Date {
  return new Date(startsAt.getTime() + durationMinutes * 60_000);
}

/** Registration is open on planned sessions that have not started yet. */
export function canRegisterAt(s: { status: string; startsAt: Date; audience: string }, now: Date): boolean {
  return s.status === 'planned' && s.audience !== 'families' && s.startsAt.getTime() > now.getTime();
}

/** Attendance is recorded once the session started, unless cancelled. */
export function canRecordAttendanceAt(s: { status: string; startsAt: Date }, now: Date): boolean {
  return s.status !== 'cancelled' && s.startsAt.getTime() <= now.getTime();
}
