import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isValidSiret, luhnValid, normaliseSiret, siretProblem } from './siret.ts';

describe('SIRET', () => {
  it('accepts real establishments, with or without spaces', () => {
    // From the Annuaire de l'éducation (Val-de-Marne sample in ../shared/data): communes' SIRETs.
    for (const s of ['21940034800195', '219 400 819 00187', '21940046200111']) assert.ok(isValidSiret(s), s);
  });

  it('follows La Poste’s own rule (sum of the digits a multiple of 5)', () => {
    assert.equal(luhnValid('35600000000001'), false);
    assert.equal(siretProblem('35600000000001'), null);
    assert.equal(siretProblem('35600000000002'), 'checksum');
  });

  it('refuses a wrong length, letters and a wrong check digit', () => {
    assert.equal(siretProblem('2172018140001'), 'format');
    assert.equal(siretProblem('2172018140001A'), 'format');
    assert.equal(siretProblem('21720181400012'), 'checksum');
    assert.equal(normaliseSiret(' 217 201 814\u00a000011 '), '21720181400011');
  });

  it('detects every single-digit error (Luhn property)', () => {
    const validSiret = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 })
      .map((d) => d.join(''))
      .filter((head) => !head.startsWith('356000000'))
      .chain((head) =>
        fc
          .constantFrom(...'0123456789'.split(''))
          .filter((c) => luhnValid(head + c))
          .map((c) => head + c),
      )
      .filter((s) => luhnValid(s.slice(0, 9)));
    fc.assert(
      fc.property(validSiret, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (s, at, delta) => {
        assert.equal(siretProblem(s), null);
        const changed = s.slice(0, at) + String((Number(s[at]) + delta) % 10) + s.slice(at + 1);
        assert.equal(siretProblem(changed), 'checksum');
      }),
    );
  });
});
