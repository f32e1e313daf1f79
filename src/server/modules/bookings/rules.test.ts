import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildIcs,
  checkContents,
  escapeIcsText,
  foldIcsLine,
  isoWeekday,
  localDate,
  seriesOccurrences,
  zonedToUtc,
} from './rules.ts';

describe('school time', () => {
  it('converts Paris wall-clock time to UTC across the daylight-saving changes', () => {
    assert.equal(zonedToUtc('2026-12-01', '10:00').toISOString(), '2026-12-01T09:00:00.000Z');
    assert.equal(zonedToUtc('2026-06-02', '10:00').toISOString(), '2026-06-02T08:00:00.000Z');
    // The Sunday of the spring change: before and after it.
    assert.equal(zonedToUtc('2027-03-28', '01:30').toISOString(), '2027-03-28T00:30:00.000Z');
    assert.equal(zonedToUtc('2027-03-28', '03:00').toISOString(), '2027-03-28T01:00:00.000Z');
    // 02:30 does not exist that day: it moves forward an hour.
    assert.equal(zonedToUtc('2027-03-28', '02:30').toISOString(), '2027-03-28T01:30:00.000Z');
    assert.equal(localDate(new Date('2026-12-01T23:30:00Z')), '2026-12-02');
  });

  it('weekdays are ISO (Monday = 1)', () => {
    assert.equal(isoWeekday('2026-11-30'), 1);
    assert.equal(isoWeekday('2026-12-06'), 7);
  });
});

describe('weekly series', () => {
  it('starts on the first matching weekday, ends on a date or after a count, keeps school time over DST', () => {
    const byCount = seriesOccurrences({
      startsOn: '2027-03-17',
      count: 3,
      weekday: 2,
      startTime: '10:00',
      endTime: '11:00',
    });
    assert.deepEqual(
      byCount.map((o) => [o.date, o.startsAt.toISOString()]),
      [
        ['2027-03-23', '2027-03-23T09:00:00.000Z'],
        ['2027-03-30', '2027-03-30T08:00:00.000Z'],
        ['2027-04-06', '2027-04-06T08:00:00.000Z'],
      ],
    );
    const byDate = seriesOccurrences({
      startsOn: '2026-12-01',
      endsOn: '2026-12-15',
      weekday: 2,
      startTime: '14:00',
      endTime: '15:30',
    });
    assert.deepEqual(
      byDate.map((o) => o.date),
      ['2026-12-01', '2026-12-08', '2026-12-15'],
    );
    assert.equal(byDate[0]?.endsAt.toISOString(), '2026-12-01T14:30:00.000Z');
    const none = seriesOccurrences({
      startsOn: '2026-12-01',
      endsOn: '2026-12-03',
      weekday: 5,
      startTime: '09:00',
      endTime: '10:00',
    });
    assert.equal(none.length, 0);
  });
});

describe('cart contents at return', () => {
  it('lists the missing devices and the extra tags (case and blanks ignored)', () => {
    const expected = [
      { id: 'a', tag: 'LM-1' },
      { id: 'b', tag: 'LM-2' },
      { id: 'c', tag: 'LM-3' },
    ];
    const check = checkContents(expected, [' lm-1', 'LM-3', 'LM-9']);
    assert.deepEqual(check.missing, [{ id: 'b', tag: 'LM-2' }]);
    assert.deepEqual(check.extra, ['LM-9']);
    assert.deepEqual(checkContents(expected, ['LM-1', 'LM-2', 'LM-3']), { missing: [], extra: [] });
  });
});

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    assert.equal(escapeIcsText('a\\b;c,d\ne'), 'a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldIcsLine(line).split('\r\n');
    for (const part of folded) assert.ok(Buffer.byteLength(part, 'utf8') <= 75, part);
    assert.equal(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line);
  });

  it('writes CRLF lines, UTC times, one VEVENT per booking', () => {
    const text = buildIcs('Réservations', [
      {
        uid: 'x@socle',
        stamp: new Date('2026-11-28T10:00:00Z'),
        start: new Date('2026-12-01T09:00:00Z'),
        end: new Date('2026-12-01T10:00:00Z'),
        summary: 'Chariot, CM1',
        status: 'CONFIRMED',
        sequence: 1,
      },
    ]);
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    assert.match(text, /DTSTART:20261201T090000Z\r\n/);
    assert.match(text, /SUMMARY:Chariot\\, CM1\r\n/);
  });
});
