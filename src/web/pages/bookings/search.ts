/**
 * What the bookings page keeps in the URL (`/bookings?week=2026-11-30&
 * school=…&resource=…&saturday=true`): the week shown (its Monday), the
 * school, the resource filter and whether Saturday shows. Defaults are left
 * out of the URL.
 */

export interface BookingsSearch {
  /** Monday of the week shown (YYYY-MM-DD); default: this week. */
  week?: string;
  school?: string;
  resource?: string;
  /** Show Saturday (périscolaire) besides Monday–Friday. */
  saturday?: true;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseBookingsSearch(search: Record<string, unknown>): BookingsSearch {
  const out: BookingsSearch = {};
  if (typeof search.week === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search.week)) out.week = mondayOf(search.week);
  if (typeof search.school === 'string' && UUID.test(search.school)) out.school = search.school;
  if (typeof search.resource === 'string' && UUID.test(search.resource)) out.resource = search.resource;
  if (search.saturday === true || search.saturday === 'true') out.saturday = true;
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day (YYYY-MM-DD) as a UTC date: day arithmetic without time-zone surprises. */
function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function dayOf(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function addDays(day: string, days: number): string {
  const date = utcDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  return ((utcDay(day).getUTCDay() + 6) % 7) + 1;
}

export function mondayOf(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}

/** Today in school time (Europe/Paris), as YYYY-MM-DD. */
export function schoolToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TZ }).format(now);
}

export const SCHOOL_TZ = 'Europe/Paris';

/** The calendar day (school time) of an instant. */
export function schoolDayOf(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TZ }).format(new Date(iso));
}

/** "10:00", school time. */
export function schoolTimeOf(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: SCHOOL_TZ, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** Minutes Europe/Paris is ahead of UTC at an instant. */
function offsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: SCHOOL_TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** A wall-clock day and time in school time → the ISO instant (whatever the browser's time zone). */
export function schoolInstant(day: string, time: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  let instant = wall - offsetMinutes(wall) * 60_000;
  instant = wall - offsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}
