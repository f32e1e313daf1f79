import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ASSET_STATUSES, allowedTransitions, canTransition, formatTag, isValidTagPattern } from './rules.ts';

describe('asset lifecycle', () => {
  it('follows the CARMO chain', () => {
    for (const [from, to] of [
      ['ordered', 'in_stock'],
      ['in_stock', 'preparing'],
      ['preparing', 'deployed'],
      ['deployed', 'in_cart'],
      ['in_cart', 'deployed'],
      ['in_cart', 'on_loan'],
      ['on_loan', 'returned'],
      ['returned', 'in_stock'],
      ['deployed', 'in_repair'],
      ['in_repair', 'in_cart'],
      ['lost', 'in_stock'],
      ['retired', 'donated'],
    ] as const) {
      assert.equal(canTransition(from, to), true, `${from} → ${to}`);
    }
  });

  it('refuses illegal moves', () => {
    for (const [from, to] of [
      ['retired', 'deployed'],
      ['donated', 'in_stock'],
      ['ordered', 'deployed'],
      ['on_loan', 'deployed'],
      ['returned', 'on_loan'],
      ['in_stock', 'in_stock'],
    ] as const) {
      assert.equal(canTransition(from, to), false, `${from} → ${to}`);
    }
  });

  it('donated is terminal; every active status can go to repair, be lost, stolen, retired (property)', () => {
    assert.deepEqual(allowedTransitions('donated'), []);
    fc.assert(
      fc.property(fc.constantFrom(...ASSET_STATUSES), (from) => {
        const allowed = allowedTransitions(from);
        assert.ok(!allowed.includes(from), 'no self-transition');
        if (!['retired', 'donated'].includes(from)) {
          for (const to of ['lost', 'stolen', 'retired'] as const)
            if (to !== from) assert.ok(allowed.includes(to), `${from} → ${to}`);
        }
      }),
    );
  });
});

describe('inventory tags', () => {
  it('formats patterns', () => {
    assert.equal(formatTag('LM-{YYYY}-{00000}', 2026, 42), 'LM-2026-00042');
    assert.equal(formatTag('{ORG}{YY}{000}', 2026, 7, 'VDM'), 'VDM26007');
    assert.equal(formatTag('X-{00}', 2026, 12345), 'X-12345');
  });

  it('validates patterns', () => {
    assert.equal(isValidTagPattern('LM-{YYYY}-{00000}'), true);
    assert.equal(isValidTagPattern('LM-{YYYY}'), false, 'needs a counter');
    assert.equal(isValidTagPattern('LM {0000}'), false);
  });
});
