import type { SubscriptionStatus } from './schema.ts';

/**
 * When a subscription covers a day. `endsOn` is the last day covered (null:
 * open-ended), so a subscription is active on its first and on its last
 * day. ISO days compare as strings.
 */

export interface Period {
  readonly startsOn: string;
  readonly endsOn: string | null;
}

export function isActiveOn(period: Period, day: string): boolean {
  return period.startsOn <= day && (period.endsOn === null || period.endsOn >= day);
}

export function subscriptionStatus(period: Period, day: string): SubscriptionStatus {
  if (period.startsOn > day) return 'future';
  if (period.endsOn !== null && period.endsOn < day) return 'ended';
  return 'active';
}

/** Today as an ISO day (UTC, like the rest of the server). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
