import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loanQueryOf, parseLoanSearch, parseRequestSearch, requestQueryOf, today } from './search.ts';

const SCHOOL = '0b8f2a4e-6c1d-4e7a-9f3b-2d5c8e1a7b90';

test('loan requests search params: good values kept, bad ones dropped', () => {
  assert.deepEqual(parseRequestSearch({ schoolId: SCHOOL.toUpperCase(), status: 'approved', page: 3 }), {
    schoolId: SCHOOL,
    status: 'approved',
    page: 3,
  });
  assert.deepEqual(parseRequestSearch({ schoolId: 'x', status: 'handed_over', page: 1 }), {});
  assert.deepEqual(requestQueryOf({ status: 'pending', page: 2 }), { status: 'pending', limit: 50, offset: 50 });
});

test('loans search params: overdue is a flag, statuses are the loans’ own', () => {
  assert.deepEqual(parseLoanSearch({ status: 'handed_over', overdue: true }), {
    status: 'handed_over',
    overdue: true,
  });
  assert.deepEqual(parseLoanSearch({ status: 'pending', overdue: 'yes', page: -1 }), {});
  assert.deepEqual(parseLoanSearch({ overdue: 'true' }), { overdue: true });
  assert.deepEqual(loanQueryOf({ schoolId: SCHOOL, overdue: true }), {
    schoolId: SCHOOL,
    overdue: 'true',
    limit: 50,
    offset: 0,
  });
});

test('today is the browser’s calendar day', () => {
  assert.equal(today(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
});
