import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import { generateClasses } from './rules.ts';

describe('generated classes', () => {
  it('spreads an elementary school’s classes over CP…CM2', () => {
    const c = generateClasses({ kind: 'elementaire', classes: 8, pupils: 196 });
    assert.deepEqual(
      c.map((k) => k.name),
      ['CP A', 'CP B', 'CE1 A', 'CE1 B', 'CE2 A', 'CE2 B', 'CM1', 'CM2'],
    );
    assert.equal(
      c.reduce((s, k) => s + k.pupils, 0),
      196,
    );
  });

  it('makes multi-level classes when there are fewer classes than levels', () => {
    const c = generateClasses({ kind: 'elementaire', classes: 2, pupils: 39 });
    assert.deepEqual(
      c.map((k) => k.levels),
      [
        ['CP', 'CE1', 'CE2'],
        ['CM1', 'CM2'],
      ],
    );
    assert.equal(c[0]?.name, 'CP-CE1-CE2');
  });

  it('splits a primaire between maternelle and élémentaire by pupils', () => {
    const c = generateClasses({
      kind: 'primaire',
      classes: 8,
      pupils: 196,
      pupilsMaternelle: 77,
      pupilsElementaire: 119,
    });
    const mat = c.filter((k) => k.levels.some((l) => ['PS', 'MS', 'GS'].includes(l)));
    assert.equal(mat.length, 3);
    assert.equal(
      mat.reduce((s, k) => s + k.pupils, 0),
      77,
    );
  });

  it('always yields the requested number of classes, unique names, all pupils (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('maternelle', 'elementaire', 'primaire', 'application'),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 400 }),
        (kind, classes, pupils, mat) => {
          const pm = Math.min(mat, pupils);
          const c = generateClasses({ kind, classes, pupils, pupilsMaternelle: pm, pupilsElementaire: pupils - pm });
          assert.equal(c.length, classes);
          assert.equal(new Set(c.map((k) => k.name)).size, c.length);
          if (classes > 0) {
            assert.equal(
              c.reduce((s, k) => s + k.pupils, 0),
              pupils,
            );
          }
          assert.ok(c.every((k) => k.levels.length > 0));
        },
      ),
    );
  });
});

describe('school year', () => {
  it('starts on 1 September', () => {
    assert.equal(currentSchoolYear(new Date('2026-08-31T12:00:00Z')), 2025);
    assert.equal(currentSchoolYear(new Date('2026-09-01T00:00:00Z')), 2026);
    assert.equal(currentSchoolYear(new Date('2027-06-30T00:00:00Z')), 2026);
  });
});
