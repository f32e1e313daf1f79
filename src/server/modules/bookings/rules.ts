/**
 * Pure rules of bookings: local school time ↔ UTC, the occurrences of a
 * weekly series, the cart contents check and the iCalendar text. No I/O.
 */

/** Schools' wall-clock time. Every Socle organisation is French (DOMAIN.md). */
export const SCHOOL_TIME_ZONE = 'Europe/Paris';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const partsFormatter = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = partsFormatter.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatter.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock date and time in a zone. A time skipped by the
 * spring change (02:30 on the last Sunday of March) moves forward an hour.
 */
export function zonedToUtc(date: string, time: string, timeZone = SCHOOL_TIME_ZONE): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const o1 = offsetAt(guess, timeZone);
  const o2 = offsetAt(guess - o1, timeZone);
  return new Date(guess - (o1 === o2 ? o1 : o2));
}

/** The wall-clock date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date, timeZone = SCHOOL_TIME_ZONE): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export interface SeriesRule {
  /** First possible date (the first occurrence is the first date on `weekday` from here). */
  readonly startsOn: string;
  /** Last possible date (inclusive), or… */
  readonly endsOn?: string | null | undefined;
  /** …the number of occurrences. */
  readonly count?: number | null | undefined;
  readonly weekday: number;
  /** HH:MM, school time. */
  readonly startTime: string;
  readonly endTime: string;
}

export const MAX_OCCURRENCES = 60;

export interface Occurrence {
  readonly date: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** Every occurrence of a weekly series, in order (at most MAX_OCCURRENCES + 1 so callers can refuse more). */
export function seriesOccurrences(rule: SeriesRule, timeZone = SCHOOL_TIME_ZONE): Occurrence[] {
  const shift = (rule.weekday - isoWeekday(rule.startsOn) + 7) % 7;
  const out: Occurrence[] = [];
  for (let date = addDays(rule.startsOn, shift); ; date = addDays(date, 7)) {
    if (rule.endsOn && date > rule.endsOn) break;
    if (rule.count && out.length >= rule.count) break;
    if (out.length > MAX_OCCURRENCES) break;
    out.push({
      date,
      startsAt: zonedToUtc(date, rule.startTime, timeZone),
      endsAt: zonedToUtc(date, rule.endTime, timeZone),
    });
  }
  return out;
}

export interface ContentsCheck<T extends { id: string; tag: string }> {
  readonly missing: T[];
  readonly extra: string[];
}

/**
 * The cart's contents at return against those at pick-up: expected items
 * whose tag was not scanned are missing; scanned tags not expected are extra.
 * Tags compare case-insensitively, ignoring surrounding blanks.
 */
export function checkContents<T extends { id: string; tag: string }>(
  expected: readonly T[],
  scanned: readonly string[],
): ContentsCheck<T> {
  const norm = (t: string) => t.trim().toUpperCase();
  const seen = new Set(scanned.map(norm).filter(Boolean));
  const wanted = new Set(expected.map((e) => norm(e.tag)));
  return {
    missing: expected.filter((e) => !seen.has(norm(e.tag))),
    extra: [...seen].filter((t) => !wanted.has(t)).sort(),
  };
}

// iCalendar (RFC 5545) ---------------------------------------------------------------

/** TEXT value escaping: backslash, semicolon, comma, newlines. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** UTC date-time form: 20261201T090000Z. */
export function icsDateTime(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(
    d.getUTCMinutes(),
  )}${pad(d.getUTCSeconds())}Z`;
}

export interface IcsEvent {
  readonly uid: string;
  readonly stamp: Date;
  readonly start: Date;
  readonly end: Date;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  readonly sequence: number;
}

/** A VCALENDAR of events, CRLF line ends, folded lines. Times in UTC (every client converts). */
export function buildIcs(name: string, events: readonly IcsEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Socle//Bookings//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(name)}`,
    `X-WR-TIMEZONE:${SCHOOL_TIME_ZONE}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icsDateTime(e.stamp)}`,
      `DTSTART:${icsDateTime(e.start)}`,
      `DTEND:${icsDateTime(e.end)}`,
      `SUMMARY:${escapeIcsText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeIcsText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeIcsText(e.location)}`);
    lines.push(`STATUS:${e.status}`, `SEQUENCE:${e.sequence}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
