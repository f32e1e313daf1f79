import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isValidUai, normaliseUai, UAI_LETTERS, uaiCheckLetter, uaiProblem } from './uai.ts';

const digits7 = fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).padStart(7, '0'));

describe('UAI', () => {
  it('accepts real codes', () => {
    for (const code of ['0720022H', '0720481G', '9710648C', '0860076R', '0940176F', '0350122T']) {
      assert.equal(uaiProblem(code), null, code);
    }
  });

  it('normalises case and spaces', () => {
    assert.equal(normaliseUai(' 0720022h '), '0720022H');
    assert.equal(isValidUai(' 0720022h '), true);
  });

  it('names the problem', () => {
    assert.equal(uaiProblem('0720022'), 'format');
    assert.equal(uaiProblem('072002AH'), 'format');
    assert.equal(uaiProblem('0720022I'), 'checksum');
    assert.equal(uaiProblem('0720022J'), 'checksum');
  });

  it('the computed letter always validates; every other letter fails (property)', () => {
    fc.assert(
      fc.property(digits7, (d) => {
        const letter = uaiCheckLetter(d);
        assert.equal(uaiProblem(d + letter), null);
        for (const other of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
          if (other !== letter) assert.equal(uaiProblem(d + other), 'checksum');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never uses I, O or Q, and detects any single-digit change (property)', () => {
    fc.assert(
      fc.property(digits7, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 }), (d, pos, delta) => {
        const letter = uaiCheckLetter(d);
        assert.ok(UAI_LETTERS.includes(letter) && !'IOQ'.includes(letter));
        const changed = d.slice(0, pos) + String((Number(d[pos]) + delta) % 10) + d.slice(pos + 1);
        // A change of k·10^(6-pos) keeps the letter only when that is a multiple of 23: never for one digit.
        assert.notEqual(uaiCheckLetter(changed), letter);
      }),
      { numRuns: 500 },
    );
  });
});
