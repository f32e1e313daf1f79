import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canRecordAttendanceAt, canRegisterAt, purgeBefore, summariseFeedback, windowStart } from './rules.ts';

describe('training rules', () => {
  it('the validity window covers the school year of the day and the two before', () => {
    assert.equal(windowStart('2026-11-28'), '2024-09-01');
    assert.equal(windowStart('2026-08-31'), '2023-09-01', 'still school year 2025-2026');
    assert.equal(windowStart('2026-09-01'), '2024-09-01');
  });

  it('names are purged one school year after the window', () => {
    assert.equal(purgeBefore(new Date('2026-11-28T00:00:00Z')), '2023-09-01');
    assert.equal(purgeBefore(new Date('2026-06-30T00:00:00Z')), '2022-09-01');
  });

  it('feedback: count, mean with two decimals, distribution', () => {
    assert.deepEqual(summariseFeedback([]), { count: 0, average: null, distribution: [0, 0, 0, 0, 0] });
    assert.deepEqual(summariseFeedback([5, 4, 4]), { count: 3, average: 4.33, distribution: [0, 0, 0, 2, 1] });
  });

  it('state guards: registration before the start of a planned staff session; attendance after the start', () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const later = new Date('2026-12-01T10:00:00Z');
    const earlier = new Date('2026-11-20T10:00:00Z');
    for (const [status, audience, startsAt, expected] of [
      ['planned', 'teachers', later, true],
      ['planned', 'teachers', earlier, false],
      ['planned', 'families', later, false],
      ['held', 'teachers', later, false],
      ['cancelled', 'teachers', later, false],
    ] as const)
      assert.equal(canRegisterAt({ status, audience, startsAt }, now), expected, `${status} ${audience}`);
    for (const [status, startsAt, expected] of [
      ['planned', earlier, true],
      ['held', earlier, true],
      ['planned', later, false],
      ['cancelled', earlier, false],
    ] as const)
      assert.equal(canRecordAttendanceAt({ status, startsAt }, now), expected, status);
  });
});
