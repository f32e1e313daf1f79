import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashboardQueryOf, figureSearches, listIsExact, parseDashboardSearch, trendOf } from './search.ts';

const SCHOOL = '0b9ad2a4-3c57-4b6f-9a7e-6a1f2f0c1d2e';

describe('dashboard search', () => {
  it('keeps valid filters and drops the rest', () => {
    assert.deepEqual(
      parseDashboardSearch({ year: '2025', circonscription: ' Le Mans Nord ', priority: 'REP+', school: SCHOOL }),
      { year: 2025, circonscription: 'Le Mans Nord', priority: 'REP+', school: SCHOOL },
    );
    assert.deepEqual(parseDashboardSearch({ year: 'x', circonscription: '', priority: 'ZEP', school: 'nope' }), {});
    assert.deepEqual(parseDashboardSearch({ year: 1999 }), {});
  });

  it('turns a search into the API query', () => {
    assert.deepEqual(dashboardQueryOf({}), {});
    assert.deepEqual(dashboardQueryOf({ year: 2025, priority: 'REP', school: SCHOOL }), {
      schoolYear: 2025,
      priority: 'REP',
      schoolId: SCHOOL,
    });
  });

  it('links each figure with the filters its list accepts', () => {
    const org = figureSearches({ circonscription: null, priority: null, schoolId: null });
    assert.deepEqual(org.devices, { status: 'deployed,in_cart,on_loan' });
    assert.deepEqual(org.openTickets, { open: true });
    const one = figureSearches({ circonscription: null, priority: null, schoolId: SCHOOL });
    assert.deepEqual(one.openLoans, { schoolId: SCHOOL, status: 'handed_over' });
    assert.deepEqual(one.breachedTickets, { school: SCHOOL, open: true, breached: true });
    const circ = figureSearches({ circonscription: 'Nord', priority: 'REP', schoolId: null });
    assert.deepEqual(circ.socle, { circonscription: 'Nord', priority: 'REP', status: 'at_socle' });
    assert.deepEqual(circ.devices, { status: 'deployed,in_cart,on_loan' });
  });

  it('says when a list shows exactly the figure', () => {
    const none = { circonscription: null, priority: null, schoolId: null };
    assert.equal(listIsExact(none, true), true);
    assert.equal(listIsExact(none, false), false, 'a past year: the lists show today');
    assert.equal(listIsExact({ ...none, priority: 'REP' }, true), false);
    assert.equal(listIsExact({ ...none, priority: 'REP', schoolId: SCHOOL }, true), true);
  });

  it('computes the trend', () => {
    assert.deepEqual(trendOf(12, 10), { direction: 'up', delta: 2 });
    assert.deepEqual(trendOf(3, 5), { direction: 'down', delta: -2 });
    assert.deepEqual(trendOf(4, 4), { direction: 'same', delta: 0 });
    assert.equal(trendOf(4, null), null);
    assert.deepEqual(trendOf(0.3, 0.1), { direction: 'up', delta: 0.2 });
  });
});
