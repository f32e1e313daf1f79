import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isActiveOn, subscriptionStatus, todayIso } from './rules.ts';

describe('subscription periods', () => {
  const closed = { startsOn: '2021-09-01', endsOn: '2022-08-31' };
  const open = { startsOn: '2021-09-01', endsOn: null };

  it('is active from its first to its last day included', () => {
    assert.equal(isActiveOn(closed, '2021-08-31'), false);
    assert.equal(isActiveOn(closed, '2021-09-01'), true);
    assert.equal(isActiveOn(closed, '2022-08-31'), true);
    assert.equal(isActiveOn(closed, '2022-09-01'), false);
  });

  it('an open-ended subscription never ends', () => {
    assert.equal(isActiveOn(open, '2099-12-31'), true);
    assert.equal(isActiveOn(open, '2021-08-31'), false);
  });

  it('status: future before the start, ended after the last day, active in between', () => {
    assert.equal(subscriptionStatus(closed, '2021-08-31'), 'future');
    assert.equal(subscriptionStatus(closed, '2021-09-01'), 'active');
    assert.equal(subscriptionStatus(closed, '2022-08-31'), 'active');
    assert.equal(subscriptionStatus(closed, '2022-09-01'), 'ended');
    assert.equal(subscriptionStatus(open, '2030-01-01'), 'active');
  });

  it('today is an ISO day in UTC', () => {
    assert.equal(todayIso(new Date('2024-03-01T23:30:00Z')), '2024-03-01');
  });
});
