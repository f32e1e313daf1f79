import type { TicketPriority, TicketStatus } from '../../db/schema/helpdesk.ts';
import { addDays, isoWeekday, localDate, SCHOOL_TIME_ZONE, zonedToUtc } from '../bookings/rules.ts';
import type { HelpdeskSettings } from '../organisations/settings.ts';

/**
 * Pure rules of the helpdesk: the ticket state machine and the working-time
 * arithmetic of the SLA. No I/O.
 *
 * Working time: the organisation calendar gives working ranges per weekday
 * in school time (Europe/Paris) and closed date ranges (holidays). A
 * working range is turned into real instants day by day with `zonedToUtc`,
 * so a daylight-saving change inside a range makes it an hour shorter or
 * longer, exactly as the clock on the wall. Adding and measuring use the
 * same ranges, hence `measure(s, add(s, m)) = m`.
 */

export interface WorkingCalendar {
  readonly timeZone: string;
  /** Index 1 (Monday) … 7 (Sunday): HH:MM ranges. */
  readonly week: Readonly<Record<number, readonly { readonly from: string; readonly to: string }[]>>;
  readonly closed: readonly { readonly from: string; readonly to: string }[];
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function calendarOf(settings: HelpdeskSettings, timeZone = SCHOOL_TIME_ZONE): WorkingCalendar {
  return {
    timeZone,
    week: Object.fromEntries(WEEKDAYS.map((d, i) => [i + 1, settings.workingHours[d]])),
    closed: settings.closedDays.map((c) => ({ from: c.from, to: c.to })),
  };
}

/** Days searched before giving up (a calendar closed for longer than that has no due time). */
const HORIZON_DAYS = 3 * 366;
const MINUTE = 60_000;

export function isClosedDay(calendar: WorkingCalendar, date: string): boolean {
  return calendar.closed.some((c) => c.from <= date && date <= c.to);
}

/** The working ranges of one local date, as instants [start, end) in ms. */
export function workingRangesOn(calendar: WorkingCalendar, date: string): [number, number][] {
  if (isClosedDay(calendar, date)) return [];
  const ranges = calendar.week[isoWeekday(date)] ?? [];
  return ranges
    .map((r) => [
      zonedToUtc(date, r.from, calendar.timeZone).getTime(),
      zonedToUtc(date, r.to, calendar.timeZone).getTime(),
    ])
    .filter(([a, b]) => (b as number) > (a as number)) as [number, number][];
}

/**
 * The instant when `minutes` of working time have passed after `start`.
 * Zero minutes: `start` itself. Otherwise the result is inside working time
 * (possibly the very end of a range). Null when the calendar has no working
 * time within three years.
 */
export function addWorkingMinutes(calendar: WorkingCalendar, start: Date, minutes: number): Date | null {
  if (minutes <= 0) return new Date(start.getTime());
  let left = minutes * MINUTE;
  const from = start.getTime();
  // The day before too: a range of the previous local date cannot reach past midnight, but the zone offset may.
  let date = addDays(localDate(start, calendar.timeZone), -1);
  for (let i = 0; i < HORIZON_DAYS; i++, date = addDays(date, 1)) {
    for (const [a, b] of workingRangesOn(calendar, date)) {
      const s = Math.max(a, from);
      if (s >= b) continue;
      if (b - s >= left) return new Date(s + left);
      left -= b - s;
    }
  }
  return null;
}

/** Working minutes between two instants (0 when `end` is not after `start`). */
export function workingMinutesBetween(calendar: WorkingCalendar, start: Date, end: Date): number {
  const a0 = start.getTime();
  const b0 = end.getTime();
  if (b0 <= a0) return 0;
  let total = 0;
  const last = localDate(end, calendar.timeZone);
  let date = addDays(localDate(start, calendar.timeZone), -1);
  for (let i = 0; date <= last && i < 40 * 366; i++, date = addDays(date, 1)) {
    for (const [a, b] of workingRangesOn(calendar, date)) {
      const s = Math.max(a, a0);
      const e = Math.min(b, b0);
      if (e > s) total += e - s;
    }
  }
  return total / MINUTE;
}

/** Whether an instant lies in working time (a range's start excluded, its end included). */
export function isWorkingInstant(calendar: WorkingCalendar, at: Date): boolean {
  const t = at.getTime();
  const date = localDate(at, calendar.timeZone);
  return [addDays(date, -1), date].some((d) => workingRangesOn(calendar, d).some(([a, b]) => a < t && t <= b));
}

// SLA -----------------------------------------------------------------------------------------

export interface SlaTargets {
  readonly responseHours: number;
  readonly resolutionHours: number;
}

export interface SlaClock {
  readonly openedAt: Date;
  readonly status: TicketStatus;
  /** Working minutes already paused (closed waits, time between a resolution and a reopening). */
  readonly pausedMinutes: number;
}

/**
 * Due times of a ticket. Response: opening + the response target. Resolution:
 * opening + the resolution target + the paused working time. While waiting
 * the stored resolution due time stays the one computed when the wait began
 * (a ticket already late when put on hold stays late); leaving the wait adds
 * the waited working time and recomputes it.
 */
export function dueTimes(calendar: WorkingCalendar, targets: SlaTargets, clock: SlaClock) {
  return {
    responseDueAt: addWorkingMinutes(calendar, clock.openedAt, Math.round(targets.responseHours * 60)),
    resolutionDueAt: addWorkingMinutes(
      calendar,
      clock.openedAt,
      Math.round(targets.resolutionHours * 60) + clock.pausedMinutes,
    ),
  };
}

export interface BreachInput {
  readonly status: TicketStatus;
  readonly responseDueAt: Date | null;
  readonly resolutionDueAt: Date | null;
  readonly firstResponseAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly waitingSince: Date | null;
}

/** Same definition as the SQL of the lists (service.ts `breachSql`). */
export function breaches(t: BreachInput, now: Date) {
  const response = t.responseDueAt !== null && (t.firstResponseAt ?? now).getTime() > t.responseDueAt.getTime();
  const resolution =
    t.resolutionDueAt !== null &&
    (t.status === 'waiting' ? (t.waitingSince ?? now) : (t.resolvedAt ?? now)).getTime() > t.resolutionDueAt.getTime();
  return { response, resolution, any: response || resolution };
}

// State machine -----------------------------------------------------------------------------

/** Status changes through `POST …/status` (reopening has its own operation). */
const NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['in_progress', 'resolved'],
  assigned: ['in_progress', 'waiting', 'resolved'],
  in_progress: ['waiting', 'resolved'],
  waiting: ['in_progress', 'resolved'],
  resolved: ['closed'],
  closed: [],
};

export function allowedStatuses(from: TicketStatus): readonly TicketStatus[] {
  return NEXT[from];
}

export function canMoveTo(from: TicketStatus, to: TicketStatus): boolean {
  return NEXT[from].includes(to);
}

export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'waiting'];

/** Reopening: a resolved or closed ticket, within `days` days of its resolution. */
export function canReopen(t: { status: TicketStatus; resolvedAt: Date | null }, days: number, now: Date): boolean {
  if (!(t.status === 'resolved' || t.status === 'closed') || !t.resolvedAt) return false;
  return now.getTime() - t.resolvedAt.getTime() <= days * 86_400_000;
}

export const PRIORITY_ORDER: Record<TicketPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
