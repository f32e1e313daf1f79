/**
 * A service subscription's yearly cost declared for part of its life
 * (issue #8 point 4: a subscription as a funding expense line). Shared by
 * the funding service (the amount it writes) and the web UI (the amount it
 * shows before declaring).
 *
 * Rule: the declared period (first and last day included) is cut at the
 * anniversaries of the subscription's first day; each piece costs the yearly
 * cost × its days / the days of that subscription year (365, or 366 when the
 * year holds a 29 February), rounded half up to the cent; the pieces are
 * added. So a whole subscription year costs exactly the yearly cost, and a
 * period never costs more than the years it touches.
 */

const DAY = 86_400_000;

const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, Math.round((toTime(to) - toTime(from)) / DAY) + 1);
}

/** `anchor` moved by `years` (29 February becomes 1 March in other years). */
function anniversary(anchor: string, years: number): number {
  const d = new Date(toTime(anchor));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** The yearly cost (cents) prorated to `from`..`to` (inclusive), subscription years counted from `anchor`. */
export function prorateYearlyCents(yearlyCents: number, anchor: string, from: string, to: string): number {
  if (daysInclusive(from, to) === 0 || yearlyCents === 0) return 0;
  const end = toTime(to) + DAY; // exclusive
  let year = 0;
  // The subscription year holding `from` (a declared period may start before the anchor only by mistake: clamp).
  while (anniversary(anchor, year + 1) <= toTime(from)) year++;
  let total = 0n;
  let cursor = Math.max(toTime(from), anniversary(anchor, year));
  while (cursor < end) {
    const yearStart = anniversary(anchor, year);
    const yearEnd = anniversary(anchor, year + 1);
    const pieceEnd = Math.min(end, yearEnd);
    const days = BigInt(Math.round((pieceEnd - cursor) / DAY));
    const yearDays = BigInt(Math.round((yearEnd - yearStart) / DAY));
    // Half up: floor((2·cost·days + yearDays) / (2·yearDays)).
    total += (2n * BigInt(yearlyCents) * days + yearDays) / (2n * yearDays);
    cursor = pieceEnd;
    year++;
  }
  return Number(total);
}

/** The later of two ISO days, and the earlier. */
export const laterDay = (a: string, b: string) => (a > b ? a : b);
export const earlierDay = (a: string, b: string) => (a < b ? a : b);
