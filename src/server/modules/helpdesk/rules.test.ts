import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { zonedToUtc } from '../bookings/rules.ts';
import { HelpdeskSettingsSchema } from '../organisations/settings.ts';
import {
  addWorkingMinutes,
  breaches,
  calendarOf,
  canMoveTo,
  canReopen,
  dueTimes,
  isWorkingInstant,
  type WorkingCalendar,
  workingMinutesBetween,
} from './rules.ts';

const defaults = calendarOf(HelpdeskSettingsSchema.parse({}));
const paris = (date: string, time: string) => zonedToUtc(date, time);

describe('working time (default calendar: Mon–Fri 08:00–12:00, 13:30–17:30 Europe/Paris)', () => {
  it('SLA acceptance: opened Friday 17:00, 8 working hours → Monday 17:00; Tuesday 17:00 when Monday is a holiday', () => {
    // Friday 4 December 2026, 17:00: 30 min on Friday, 4 h Monday morning, 3 h 30 Monday afternoon.
    const friday = paris('2026-12-04', '17:00');
    assert.equal(
      addWorkingMinutes(defaults, friday, 8 * 60)?.toISOString(),
      paris('2026-12-07', '17:00').toISOString(),
    );
    const holiday = calendarOf(
      HelpdeskSettingsSchema.parse({ closedDays: [{ from: '2026-12-07', to: '2026-12-07', label: 'Fermeture' }] }),
    );
    assert.equal(addWorkingMinutes(holiday, friday, 8 * 60)?.toISOString(), paris('2026-12-08', '17:00').toISOString());
    // Christmas holidays as a range: opened Friday 18 December 17:00, due Monday 4 January 17:00.
    const christmas = calendarOf(
      HelpdeskSettingsSchema.parse({ closedDays: [{ from: '2026-12-19', to: '2027-01-03' }] }),
    );
    assert.equal(
      addWorkingMinutes(christmas, paris('2026-12-18', '17:00'), 8 * 60)?.toISOString(),
      paris('2027-01-04', '17:00').toISOString(),
    );
    // The response target of a normal ticket (8 h) follows the same calendar.
    const due = dueTimes(
      defaults,
      { responseHours: 8, resolutionHours: 40 },
      {
        openedAt: friday,
        status: 'new',
        pausedMinutes: 0,
      },
    );
    assert.equal(due.responseDueAt?.toISOString(), paris('2026-12-07', '17:00').toISOString());
    assert.equal(due.resolutionDueAt?.toISOString(), paris('2026-12-11', '17:00').toISOString());
  });

  it('starts counting at the next working range; lunch and nights are skipped', () => {
    assert.equal(
      addWorkingMinutes(defaults, paris('2026-12-05', '10:00'), 60)?.toISOString(),
      paris('2026-12-07', '09:00').toISOString(),
      'Saturday → Monday 09:00',
    );
    assert.equal(
      addWorkingMinutes(defaults, paris('2026-12-07', '11:30'), 60)?.toISOString(),
      paris('2026-12-07', '14:00').toISOString(),
    );
    assert.equal(workingMinutesBetween(defaults, paris('2026-12-04', '17:00'), paris('2026-12-07', '09:00')), 90);
    assert.equal(workingMinutesBetween(defaults, paris('2026-12-07', '00:00'), paris('2026-12-14', '00:00')), 40 * 60);
  });

  it('handles the daylight-saving changes (a 24-hour calendar loses an hour in March, gains one in October)', () => {
    const allDay: WorkingCalendar = {
      timeZone: 'Europe/Paris',
      week: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from: '00:00', to: '23:59' }]])),
      closed: [],
    };
    // 28 March 2027: 23 h on the wall, so 00:00–23:59 holds 22 h 59 min.
    assert.equal(
      workingMinutesBetween(allDay, paris('2027-03-28', '00:00'), paris('2027-03-29', '00:00')),
      22 * 60 + 59,
    );
    assert.equal(
      workingMinutesBetween(allDay, paris('2026-10-25', '00:00'), paris('2026-10-26', '00:00')),
      24 * 60 + 59,
    );
    // Office hours do not move in school time across the change.
    assert.equal(
      addWorkingMinutes(defaults, paris('2027-03-26', '17:00'), 60)?.toISOString(),
      paris('2027-03-29', '08:30').toISOString(),
    );
  });

  it('no working time at all: no due time', () => {
    const never: WorkingCalendar = { timeZone: 'Europe/Paris', week: {}, closed: [] };
    assert.equal(addWorkingMinutes(never, new Date('2026-12-01T10:00:00Z'), 60), null);
  });
});

// Property tests ---------------------------------------------------------------------------

const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
/** A random week: per day up to three ordered, non-overlapping ranges (night ones included, to cross DST). */
const dayRanges = fc.uniqueArray(clock, { maxLength: 6 }).map((times) => {
  const sorted = [...times].sort();
  const out: { from: string; to: string }[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) out.push({ from: sorted[i] as string, to: sorted[i + 1] as string });
  return out;
});
const calendar: fc.Arbitrary<WorkingCalendar> = fc
  .tuple(
    fc.array(dayRanges, { minLength: 7, maxLength: 7 }),
    fc.array(
      fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 20 })).map(([start, length]) => {
        const from = new Date(Date.UTC(2026, 8, 1 + start)).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2026, 8, 1 + start + length)).toISOString().slice(0, 10);
        return { from, to };
      }),
      { maxLength: 5 },
    ),
  )
  .filter(([week]) => week.some((d) => d.length > 0))
  .map(([week, closed]) => ({
    timeZone: 'Europe/Paris',
    week: Object.fromEntries(week.map((d, i) => [i + 1, d])),
    closed,
  }));
// Instants from September 2026 to December 2027: two spring and autumn changes inside.
const instant = fc.integer({ min: Date.UTC(2026, 8, 1), max: Date.UTC(2027, 11, 1) }).map((t) => new Date(t));
const minutes = fc.integer({ min: 1, max: 200 * 60 });

describe('working time properties (fast-check)', () => {
  const runs = { numRuns: 150 };

  it('adding then measuring gives the same duration', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, start, m) => {
        const end = addWorkingMinutes(cal, start, m);
        if (end === null) return true;
        return Math.abs(workingMinutesBetween(cal, start, end) - m) < 1e-9;
      }),
      runs,
    );
  });

  it('never lands in closed time', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, start, m) => {
        const end = addWorkingMinutes(cal, start, m);
        return end === null || isWorkingInstant(cal, end);
      }),
      runs,
    );
  });

  it('is monotonic in the duration and in the start', () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = addWorkingMinutes(cal, start, lo);
        const y = addWorkingMinutes(cal, start, hi);
        return x === null || y === null || x.getTime() <= y.getTime();
      }),
      runs,
    );
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 10 * 86_400_000 }), minutes, (cal, s1, shift, m) => {
        const x = addWorkingMinutes(cal, s1, m);
        const y = addWorkingMinutes(cal, new Date(s1.getTime() + shift), m);
        return x === null || y === null || x.getTime() <= y.getTime();
      }),
      runs,
    );
  });

  it('measuring is additive over a split point', () => {
    fc.assert(
      fc.property(calendar, instant, fc.nat(20 * 86_400_000), fc.nat(20 * 86_400_000), (cal, a, d1, d2) => {
        const b = new Date(a.getTime() + d1);
        const c = new Date(b.getTime() + d2);
        const whole = workingMinutesBetween(cal, a, c);
        return Math.abs(whole - workingMinutesBetween(cal, a, b) - workingMinutesBetween(cal, b, c)) < 1e-6;
      }),
      runs,
    );
  });
});

describe('tickets', () => {
  it('moves only along the lifecycle', () => {
    assert.ok(canMoveTo('new', 'in_progress'));
    assert.ok(canMoveTo('assigned', 'waiting'));
    assert.ok(canMoveTo('waiting', 'in_progress'));
    assert.ok(canMoveTo('resolved', 'closed'));
    assert.ok(!canMoveTo('new', 'closed'));
    assert.ok(!canMoveTo('closed', 'in_progress'));
    assert.ok(!canMoveTo('resolved', 'waiting'));
  });

  it('reopens within the window only', () => {
    const resolvedAt = new Date('2026-12-01T10:00:00Z');
    assert.ok(canReopen({ status: 'resolved', resolvedAt }, 14, new Date('2026-12-15T09:00:00Z')));
    assert.ok(!canReopen({ status: 'resolved', resolvedAt }, 14, new Date('2026-12-15T11:00:00Z')));
    assert.ok(!canReopen({ status: 'in_progress', resolvedAt: null }, 14, resolvedAt));
  });

  it('breaches: late first response, late resolution, a wait started late stays late', () => {
    const now = new Date('2026-12-10T12:00:00Z');
    const base = {
      status: 'in_progress' as const,
      responseDueAt: new Date('2026-12-08T12:00:00Z'),
      resolutionDueAt: new Date('2026-12-11T12:00:00Z'),
      firstResponseAt: new Date('2026-12-09T12:00:00Z'),
      resolvedAt: null,
      waitingSince: null,
    };
    assert.deepEqual(breaches(base, now), { response: true, resolution: false, any: true });
    const waiting = { ...base, status: 'waiting' as const, resolutionDueAt: new Date('2026-12-09T00:00:00Z') };
    assert.equal(breaches({ ...waiting, waitingSince: new Date('2026-12-08T00:00:00Z') }, now).resolution, false);
    assert.equal(breaches({ ...waiting, waitingSince: new Date('2026-12-09T06:00:00Z') }, now).resolution, true);
  });
});
