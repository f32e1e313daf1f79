import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  aidForAmount,
  allocate,
  capFor,
  instalmentProblem,
  ownShareProblem,
  type RateRule,
  ruleProblems,
  spread,
} from './rules.ts';

const EUR = 100;
const tiered = (mode: 'per_tranche' | 'whole_amount'): RateRule => ({
  kind: 'tiered',
  mode,
  tiers: [
    { upToCents: 200_000 * EUR, rateBp: 7000 },
    { upToCents: 1_000_000 * EUR, rateBp: 5000 },
  ],
});

const arbRule: fc.Arbitrary<RateRule> = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((rateBp) => ({ kind: 'flat', rateBp }) as RateRule),
  fc
    .tuple(
      fc.constantFrom('per_tranche' as const, 'whole_amount' as const),
      fc.uniqueArray(fc.integer({ min: 1, max: 2_000_000_000 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 }),
      fc.boolean(),
    )
    .map(([mode, bounds, rates, open]) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      const tiers = sorted.map((upToCents, i) => ({ upToCents, rateBp: rates[i] as number }));
      if (open) tiers.push({ upToCents: null as unknown as number, rateBp: rates[4] as number });
      return { kind: 'tiered', mode, tiers } as RateRule;
    }),
);

describe('funding: rate rules', () => {
  it('tiered per tranche and for the whole amount, as the conventions write them', () => {
    // 70 % up to 200,000 €, 50 % from 200,000 € to 1,000,000 €.
    assert.equal(aidForAmount(tiered('per_tranche'), 150_000 * EUR), 105_000 * EUR);
    assert.equal(aidForAmount(tiered('whole_amount'), 150_000 * EUR), 105_000 * EUR);
    assert.equal(aidForAmount(tiered('per_tranche'), 500_000 * EUR), (140_000 + 150_000) * EUR);
    assert.equal(aidForAmount(tiered('whole_amount'), 500_000 * EUR), 250_000 * EUR);
    // Beyond the last bound nothing more: the amount counts up to 1,000,000 €.
    assert.equal(aidForAmount(tiered('per_tranche'), 1_500_000 * EUR), (140_000 + 400_000) * EUR);
    assert.equal(aidForAmount(tiered('whole_amount'), 1_500_000 * EUR), 500_000 * EUR);
    // Rounded down to the cent: 0.01 € at 70 % is nothing.
    assert.equal(aidForAmount({ kind: 'flat', rateBp: 7000 }, 1), 0);
    assert.equal(aidForAmount({ kind: 'flat', rateBp: 7000 }, 3), 2);
  });

  it('refuses malformed rules', () => {
    assert.deepEqual(ruleProblems({ kind: 'flat', rateBp: 10_001 }), ['rate_out_of_range']);
    assert.deepEqual(ruleProblems({ kind: 'tiered', mode: 'per_tranche', tiers: [] }), ['no_tiers']);
    assert.deepEqual(
      ruleProblems({
        kind: 'tiered',
        mode: 'per_tranche',
        tiers: [
          { upToCents: 500, rateBp: 10 },
          { upToCents: 400, rateBp: 10 },
        ],
      }),
      ['tiers_not_increasing'],
    );
    assert.deepEqual(
      ruleProblems({
        kind: 'tiered',
        mode: 'whole_amount',
        tiers: [
          { upToCents: null, rateBp: 10 },
          { upToCents: 400, rateBp: 10 },
        ],
      }),
      ['unbounded_tier_not_last'],
    );
  });

  it('per tranche: the aid never exceeds the amount and never decreases when the amount grows', () => {
    fc.assert(
      fc.property(arbRule, fc.nat(4_000_000_000), fc.nat(1_000_000), (rule, amount, more) => {
        const rule2 = rule.kind === 'tiered' ? { ...rule, mode: 'per_tranche' as const } : rule;
        const a = aidForAmount(rule2, amount);
        assert.ok(a >= 0 && a <= amount);
        assert.ok(aidForAmount(rule2, amount + more) >= a);
      }),
    );
  });

  it('caps: the lowest of total, per class, per pupil and per school', () => {
    const basis = { classes: 344, pupils: 7_500, schools: 35 };
    assert.equal(capFor({}, basis), null);
    assert.equal(capFor({ totalCents: 1_173_000 * EUR, perClassCents: 3_000 * EUR }, basis), 1_032_000 * EUR);
    assert.equal(capFor({ perSchoolCents: 40_000 * EUR, perPupilCents: 200 * EUR }, basis), 1_400_000 * EUR);
  });
});

describe('funding: shares to the cent', () => {
  it('the seed programme: 1,490,666 € HT, FEDER 1,173,000 €, the city 317,666 €', () => {
    // Lines of invented amounts adding up to the programme's eligible cost.
    const amounts = [412_345_67, 301_234_89, 250_000_00, 199_999_99, 187_654_32, 139_431_13];
    assert.equal(
      amounts.reduce((s, a) => s + a, 0),
      1_490_666 * EUR,
    );
    const result = allocate(
      amounts.map((a, i) => ({ id: `L${i}`, eligibleCents: a })),
      [{ id: 'feder', rule: { kind: 'flat', rateBp: 7869 }, caps: { totalCents: 1_173_000 * EUR } }],
      { classes: 344, pupils: 0, schools: 35 },
    );
    assert.deepEqual(result.aid, [{ funderId: 'feder', cents: 1_173_000 * EUR }]);
    assert.equal(result.ownerCents, 317_666 * EUR);
    for (const l of result.lines) assert.equal((l.shares.feder as number) + l.ownerCents, l.eligibleCents);
    assert.equal(ownShareProblem(result.ownerCents, 1_173_000 * EUR), null);
  });

  it('spread: exact total, largest remainders first, ties to the first line', () => {
    assert.deepEqual(spread(100, [1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(spread(2, [1, 1, 1]), [1, 1, 0]);
    assert.deepEqual(spread(10, [5, 3, 2]), [5, 3, 2]);
    // A line held back by its room: the others take what it cannot.
    assert.deepEqual(spread(6, [5, 3, 2], [1, 3, 2]), [1, 3, 2]);
    assert.deepEqual(spread(4, [5, 3, 2], [1, 3, 2]), [1, 2, 1]);
    assert.throws(() => spread(7, [5, 3], [1, 1]), RangeError);
  });

  it('property: for flat and both tiered modes, every line adds up exactly and each funder gets exactly its aid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(50_000_000), { minLength: 1, maxLength: 40 }),
        fc.array(arbRule, { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat(200_000_000), { nil: undefined }),
        (amounts, rules, cap) => {
          const lines = amounts.map((a, i) => ({ id: `L${i}`, eligibleCents: a }));
          const funders = rules.map((rule, i) => ({ id: `F${i}`, rule, caps: { totalCents: i === 0 ? cap : null } }));
          const result = allocate(lines, funders, { classes: 10, pupils: 200, schools: 2 });
          const total = amounts.reduce((s, a) => s + a, 0);
          for (const l of result.lines) {
            const funded = Object.values(l.shares).reduce((s, v) => s + v, 0);
            assert.equal(funded + l.ownerCents, l.eligibleCents, 'a line adds up exactly');
            assert.ok(l.ownerCents >= 0 && Object.values(l.shares).every((v) => v >= 0), 'no line above 100 %');
          }
          for (const a of result.aid) {
            const sum = result.lines.reduce((s, l) => s + (l.shares[a.funderId] as number), 0);
            assert.equal(sum, a.cents, 'a funder gets exactly its aid');
          }
          assert.equal(result.aid.reduce((s, a) => s + a.cents, 0) + result.ownerCents, total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: a funder limited to some lines gets nothing elsewhere, and everything still adds up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(20_000_000), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 30 }),
        arbRule,
        arbRule,
        (spec, ruleA, ruleB) => {
          const lines = spec.map(([a], i) => ({ id: `L${i}`, eligibleCents: a }));
          const onlyA = lines.filter((_, i) => spec[i]?.[1]).map((l) => l.id);
          const onlyB = lines.filter((_, i) => spec[i]?.[2]).map((l) => l.id);
          const result = allocate(
            lines,
            [
              { id: 'A', rule: ruleA, lineIds: onlyA },
              { id: 'B', rule: ruleB, lineIds: onlyB },
            ],
            { classes: 0, pupils: 0, schools: 0 },
          );
          const totalA = lines.filter((l) => onlyA.includes(l.id)).reduce((s, l) => s + l.eligibleCents, 0);
          assert.equal(result.aid[0]?.cents, aidForAmount(ruleA, totalA), 'the rule applies to its lines only');
          result.lines.forEach((l, i) => {
            if (!spec[i]?.[1]) assert.equal(l.shares.A, 0);
            if (!spec[i]?.[2]) assert.equal(l.shares.B, 0);
            assert.equal((l.shares.A as number) + (l.shares.B as number) + l.ownerCents, l.eligibleCents);
            assert.ok(l.ownerCents >= 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: shares are proportional to the lines within a cent', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000_000), { minLength: 1, maxLength: 30 }), fc.nat(10_000), (amounts, bp) => {
        const result = allocate(
          amounts.map((a, i) => ({ id: `L${i}`, eligibleCents: a })),
          [{ id: 'F', rule: { kind: 'flat', rateBp: bp } }],
          { classes: 0, pupils: 0, schools: 0 },
        );
        const total = amounts.reduce((s, a) => s + a, 0);
        const aid = result.aid[0]?.cents ?? 0;
        for (const l of result.lines) {
          const exact = total === 0 ? 0 : (aid * l.eligibleCents) / total;
          assert.ok(Math.abs((l.shares.F as number) - exact) < 1 + 1e-6);
        }
      }),
    );
  });
});

describe('funding: claims', () => {
  it('advance and instalments stay within 80 % of the aid; the final claim may reach it', () => {
    assert.equal(instalmentProblem('advance', 1000, 0, 300), null);
    assert.equal(instalmentProblem('instalment', 1000, 300, 500), null);
    assert.equal(instalmentProblem('instalment', 1000, 800, 1), 'instalment_cap_exceeded');
    assert.equal(instalmentProblem('final', 1000, 800, 200), null);
    assert.equal(instalmentProblem('final', 1000, 800, 201), 'aid_exceeded');
  });

  it('property: whatever claims are accepted, the 80 % cap holds until the final one', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000_000),
        fc.array(fc.tuple(fc.constantFrom('advance' as const, 'instalment' as const), fc.nat(300_000_000))),
        fc.integer({ min: 0, max: 10_000 }),
        (aid, claims, capBp) => {
          let claimed = 0;
          for (const [kind, amount] of claims) {
            if (instalmentProblem(kind, aid, claimed, amount, capBp) === null) claimed += amount;
            assert.ok(BigInt(claimed) * 10_000n <= BigInt(aid) * BigInt(capBp));
          }
        },
      ),
    );
  });

  it('the owner funds at least 20 % of the public funding (setting)', () => {
    assert.equal(ownShareProblem(20, 100), null);
    assert.equal(ownShareProblem(19, 100), 'own_share_too_low');
    assert.equal(ownShareProblem(10, 100, 1000), null);
  });
});
