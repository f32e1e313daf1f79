import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { RateRule } from '../funding/rules.ts';
import {
  fundingOf,
  ITEM_KINDS,
  type ItemKind,
  type PlanFunder,
  type PlanParams,
  type PlanSchool,
  type PlanWeights,
  plan,
} from './planner.ts';

const EUR = 100;
const NO_WEIGHTS: PlanWeights = { repPlus: 0, rep: 0, lowIps: 0, lowDevices: 0, oldEquipment: 0 };

function school(over: Partial<PlanSchool> & { uai: string }, gapCents = 10_000 * EUR, kind: ItemKind = 'equipment') {
  const s: PlanSchool = {
    id: `id-${over.uai}`,
    name: `École ${over.uai}`,
    priorityEducation: 'none',
    ips: 100,
    pupils: 100,
    classes: 4,
    classesAtSocle: 0,
    atSocle: false,
    devicesPerPupil: 0.2,
    equipmentAgeYears: 5,
    gap: [
      {
        criterionKey: 'class_projection',
        classId: null,
        label: 'VPI',
        kind,
        categoryCode: 'vpi',
        quantity: 1,
        unitCents: gapCents,
        installCents: 0,
        totalCents: gapCents,
      },
    ],
    gapComplete: true,
    ...over,
  };
  return s;
}

function params(over: Partial<PlanParams> = {}): PlanParams {
  return {
    budgetCents: 10_000 * EUR,
    budgetBasis: 'total',
    objective: 'classes',
    weights: NO_WEIGHTS,
    funders: [],
    ...over,
  };
}

const kinds = (over: Partial<Record<ItemKind, number>>): Record<ItemKind, number> => ({
  equipment: 0,
  service: 0,
  works: 0,
  training: 0,
  ...over,
});

const decisions = (r: ReturnType<typeof plan>) => Object.fromEntries(r.choices.map((c) => [c.uai, c.decision]));

const SNEE_EQUIPMENT = (mode: 'per_tranche' | 'whole_amount'): RateRule => ({
  kind: 'tiered',
  mode,
  tiers: [
    { upToCents: 200_000 * EUR, rateBp: 7000 },
    { upToCents: 1_000_000 * EUR, rateBp: 5000 },
  ],
});
const SNEE: PlanFunder = {
  name: 'État — SNEE',
  rules: { equipment: SNEE_EQUIPMENT('per_tranche'), service: { kind: 'flat', rateBp: 5000 } },
};

describe('baseline planner: choices', () => {
  it('the REP+ weight decides between two otherwise equal schools', () => {
    const a = school({ uai: '0720002B', priorityEducation: 'REP+' });
    const b = school({ uai: '0720001A' });
    // Without the weight the tie goes to the UAI.
    assert.deepEqual(decisions(plan([a, b], params())), { '0720001A': 'selected', '0720002B': 'over_budget' });
    const r = plan([a, b], params({ weights: { ...NO_WEIGHTS, repPlus: 2 } }));
    assert.deepEqual(decisions(r), { '0720002B': 'selected', '0720001A': 'over_budget' });
    const chosen = r.choices[0];
    assert.equal(chosen?.uai, '0720002B');
    assert.equal(chosen?.rank, 1);
    assert.equal(chosen?.factors.repPlus, 2);
    assert.equal(chosen?.multiplier, 3);
    // 4 classes × 3 per 10,000 € → 1.2 per 1,000 €.
    assert.equal(chosen?.scorePerThousandEuros, 1.2);
    // REP weight does nothing for a REP+ school.
    assert.deepEqual(decisions(plan([a, b], params({ weights: { ...NO_WEIGHTS, rep: 5 } }))), {
      '0720001A': 'selected',
      '0720002B': 'over_budget',
    });
  });

  it('a low-IPS school is preferred with the lowIps weight', () => {
    const poor = school({ uai: '0720002B', ips: 80 });
    const rich = school({ uai: '0720001A', ips: 120 });
    const mid = school({ uai: '0720003C', ips: 110 });
    assert.equal(plan([poor, rich, mid], params()).choices[0]?.uai, '0720001A');
    const r = plan([poor, rich, mid], params({ weights: { ...NO_WEIGHTS, lowIps: 3 } }));
    assert.equal(r.choices[0]?.uai, '0720002B');
    const f = Object.fromEntries(r.choices.map((c) => [c.uai, c.factors.lowIps]));
    assert.deepEqual(f, { '0720002B': 3, '0720001A': 0, '0720003C': 0.75 });
  });

  it('unknown devices count as none; older equipment weighs more', () => {
    const none = school({ uai: '0720001A', devicesPerPupil: null, equipmentAgeYears: null });
    const few = school({ uai: '0720002B', devicesPerPupil: 0.1, equipmentAgeYears: 9 });
    const many = school({ uai: '0720003C', devicesPerPupil: 0.5, equipmentAgeYears: 3 });
    const r = plan([none, few, many], params({ weights: { ...NO_WEIGHTS, lowDevices: 1, oldEquipment: 2 } }));
    const f = Object.fromEntries(r.choices.map((c) => [c.uai, [c.factors.lowDevices, c.factors.oldEquipment]]));
    assert.deepEqual(f, { '0720001A': [1, 0], '0720002B': [1, 2], '0720003C': [0, 0] });
    assert.equal(r.choices[0]?.uai, '0720002B');
  });

  it('a budget exactly equal to the cost selects the school, one cent less does not', () => {
    const s = school({ uai: '0720001A' }, 1_234_567);
    const exact = plan([s], params({ budgetCents: 1_234_567 }));
    assert.equal(exact.choices[0]?.decision, 'selected');
    assert.equal(exact.totals.budgetLeftCents, 0);
    assert.equal(exact.totals.classesReached, 4);
    const short = plan([s], params({ budgetCents: 1_234_566 }));
    assert.equal(short.choices[0]?.decision, 'over_budget');
    assert.equal(short.totals.spendCents, 0);
    assert.equal(short.totals.schoolsOverBudget, 1);
    assert.equal(short.totals.classesLeftOut, 4);
  });

  it('a smaller school further down still gets the budget left', () => {
    const big = school({ uai: '0720001A', classes: 10 }, 20_000 * EUR); // 0.5 class per 1,000 €
    const small = school({ uai: '0720002B', classes: 1 }, 5_000 * EUR); // 0.2 class per 1,000 €
    const mid = school({ uai: '0720003C', classes: 4 }, 12_000 * EUR); // 0.33 class per 1,000 €
    const r = plan([big, small, mid], params({ budgetCents: 26_000 * EUR }));
    assert.deepEqual(
      r.choices.map((c) => [c.uai, c.rank, c.decision]),
      [
        ['0720001A', 1, 'selected'],
        ['0720002B', 3, 'selected'],
        ['0720003C', 2, 'over_budget'],
      ],
    );
    assert.equal(r.totals.budgetLeftCents, 1_000 * EUR);
  });

  it('with the own-share basis and a flat 80 % funder the same budget funds 5× more', () => {
    const schools = ['0720001A', '0720002B', '0720003C', '0720004D', '0720005E'].map((uai) => school({ uai }));
    const flat80: PlanFunder = {
      name: 'Région',
      rules: Object.fromEntries(ITEM_KINDS.map((k) => [k, { kind: 'flat', rateBp: 8000 }])),
    };
    const total = plan(schools, params({ funders: [flat80] }));
    assert.equal(total.totals.schoolsSelected, 1);
    assert.equal(total.totals.spendCents, 10_000 * EUR);
    assert.equal(total.totals.aidCents, 8_000 * EUR);
    const own = plan(schools, params({ funders: [flat80], budgetBasis: 'own_share' }));
    assert.equal(own.totals.schoolsSelected, 5);
    assert.equal(own.totals.spendCents, 50_000 * EUR);
    assert.deepEqual(own.totals.aid, [{ name: 'Région', cents: 40_000 * EUR }]);
    assert.equal(own.totals.ownShareCents, 10_000 * EUR);
    assert.equal(own.totals.budgetUsedCents, 10_000 * EUR);
    assert.equal(own.totals.budgetLeftCents, 0);
    assert.ok(own.choices.every((c) => c.basisCostCents === 2_000 * EUR && c.addedCents === 2_000 * EUR));
  });

  it('objective pupils: the pupils of the classes gained', () => {
    const s = school({ uai: '0720001A', classes: 5, classesAtSocle: 2, pupils: 123 });
    const r = plan([s], params({ objective: 'pupils' }));
    assert.equal(r.choices[0]?.benefit, 74); // round(123 × 3 / 5)
    assert.equal(r.totals.pupilsReached, 74);
    assert.equal(r.totals.classesReached, 3);
    assert.equal(plan([s], params()).choices[0]?.benefit, 3);
  });

  it('schools at the socle, with an unpriced gap or nothing to gain get their decisions', () => {
    const r = plan(
      [
        school({ uai: '0720005E', atSocle: true, classesAtSocle: 4, gap: [] }),
        school({ uai: '0720004D', gapComplete: false }),
        school({ uai: '0720003C', gap: [] }),
        school({ uai: '0720002B', classesAtSocle: 4 }),
        school({ uai: '0720001A', classes: 3, classesAtSocle: 1 }, 30_000 * EUR),
        school({ uai: '0720006F', classes: 2 }),
      ],
      params(),
    );
    assert.deepEqual(
      r.choices.map((c) => [c.uai, c.rank, c.decision, c.benefit]),
      [
        ['0720006F', 1, 'selected', 2],
        ['0720001A', 2, 'over_budget', 2],
        ['0720002B', 3, 'nothing_to_gain', 0],
        ['0720003C', 4, 'nothing_to_gain', 4],
        ['0720004D', 5, 'gap_not_priced', 4],
        ['0720005E', 6, 'already_at_socle', 0],
      ],
    );
    assert.equal(r.totals.schoolsSelected, 1);
    assert.equal(r.totals.schoolsLeftOut, 4);
    assert.equal(r.totals.schoolsOverBudget, 1);
    assert.equal(r.totals.classesLeftOut, 2 + 0 + 4 + 4);
  });

  it('refuses a negative budget or a weight out of 0..5', () => {
    assert.throws(() => plan([], params({ budgetCents: -1 })), RangeError);
    assert.throws(() => plan([], params({ weights: { ...NO_WEIGHTS, rep: 6 } })), RangeError);
  });
});

describe('baseline planner: funding', () => {
  it('a SNEE-like tiered funder matches the hand computation', () => {
    const basis = { classes: 12, pupils: 300, schools: 3 };
    // 70 % of 200,000 € + 50 % of 100,000 € on equipment, 50 % of services.
    const f = fundingOf(kinds({ equipment: 300_000 * EUR, service: 20_000 * EUR }), [SNEE], basis);
    assert.deepEqual(f.aid, [{ name: 'État — SNEE', cents: (140_000 + 50_000 + 10_000) * EUR }]);
    assert.equal(f.ownShareCents, 120_000 * EUR);
    // For the whole amount instead: 50 % of 300,000 €.
    const whole = { ...SNEE, rules: { ...SNEE.rules, equipment: SNEE_EQUIPMENT('whole_amount') } };
    assert.equal(fundingOf(kinds({ equipment: 300_000 * EUR }), [whole], basis).aidCents, 150_000 * EUR);
    // Beyond 1,000,000 € nothing more: 140,000 + 400,000 €.
    assert.equal(fundingOf(kinds({ equipment: 1_500_000 * EUR }), [SNEE], basis).aidCents, 540_000 * EUR);
    // Rounded down: 200,000.01 € gives 140,000.005 € → 140,000.00 €.
    assert.equal(fundingOf(kinds({ equipment: 200_000 * EUR + 1 }), [SNEE], basis).aidCents, 140_000 * EUR);
    // Works and training are not in its rules.
    assert.equal(fundingOf(kinds({ works: 10_000 * EUR, training: 5_000 * EUR }), [SNEE], basis).aidCents, 0);

    // The same through the planner: three schools of 100,000 € of equipment, one with 20,000 € of services.
    const schools = ['0720001A', '0720002B', '0720003C'].map((uai) => school({ uai }, 100_000 * EUR));
    const withService = schools[0] as PlanSchool;
    withService.gap = [
      ...withService.gap,
      { ...(withService.gap[0] as PlanSchool['gap'][number]), kind: 'service', totalCents: 20_000 * EUR },
    ];
    const r = plan(schools, params({ budgetCents: 1_000_000 * EUR, funders: [SNEE] }));
    assert.equal(r.totals.spendCents, 320_000 * EUR);
    assert.equal(r.totals.aidCents, 200_000 * EUR);
    assert.deepEqual(r.totals.byKind, kinds({ equipment: 300_000 * EUR, service: 20_000 * EUR }));
  });

  it('caps use the classes, pupils and schools of the selection', () => {
    const capped: PlanFunder = { ...SNEE, caps: { perClassCents: 1_000 * EUR, perSchoolCents: 5_000 * EUR } };
    const schools = ['0720001A', '0720002B', '0720003C'].map((uai) => school({ uai }, 100_000 * EUR));
    const r = plan(schools, params({ budgetCents: 1_000_000 * EUR, funders: [capped] }));
    // min(12 classes × 1,000 €, 3 schools × 5,000 €) = 12,000 €.
    assert.equal(r.totals.aidCents, 12_000 * EUR);
  });

  it('stacked funders never exceed 100 % of the spend, nor of a kind', () => {
    const all = (rateBp: number) =>
      Object.fromEntries(ITEM_KINDS.map((k) => [k, { kind: 'flat', rateBp } as RateRule]));
    const basis = { classes: 4, pupils: 100, schools: 1 };
    const f = fundingOf(
      kinds({ equipment: 10_000 * EUR }),
      [
        { name: 'A', rules: all(8000) },
        { name: 'B', rules: all(5000) },
      ],
      basis,
    );
    assert.deepEqual(f.aid, [
      { name: 'A', cents: 8_000 * EUR },
      { name: 'B', cents: 2_000 * EUR },
    ]);
    assert.equal(f.ownShareCents, 0);
    // B cannot take on equipment what A already paid, only on services.
    const g = fundingOf(
      kinds({ equipment: 1_000 * EUR, service: 1_000 * EUR }),
      [
        { name: 'A', rules: { equipment: { kind: 'flat', rateBp: 10_000 } } },
        { name: 'B', rules: { equipment: { kind: 'flat', rateBp: 10_000 }, service: { kind: 'flat', rateBp: 5000 } } },
      ],
      basis,
    );
    assert.deepEqual(
      g.aid.map((a) => a.cents),
      [1_000 * EUR, 500 * EUR],
    );
    assert.equal(g.ownShareCents, 500 * EUR);
  });

  it('refuses a malformed rule', () => {
    assert.throws(
      () =>
        fundingOf(kinds({ equipment: 1 }), [{ name: 'X', rules: { equipment: { kind: 'flat', rateBp: 10_001 } } }], {
          classes: 0,
          pupils: 0,
          schools: 0,
        }),
      RangeError,
    );
  });
});

// Properties ------------------------------------------------------------------

const arbRule: fc.Arbitrary<RateRule> = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((rateBp) => ({ kind: 'flat', rateBp }) as RateRule),
  fc
    .tuple(
      fc.constantFrom('per_tranche' as const, 'whole_amount' as const),
      fc.uniqueArray(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 }),
      fc.boolean(),
    )
    .map(([mode, bounds, rates, open]) => {
      const tiers: { upToCents: number | null; rateBp: number }[] = [...bounds]
        .sort((a, b) => a - b)
        .map((upToCents, i) => ({ upToCents, rateBp: rates[i] as number }));
      if (open) tiers.push({ upToCents: null, rateBp: rates[3] as number });
      return { kind: 'tiered', mode, tiers } as RateRule;
    }),
);

const arbFunder: fc.Arbitrary<PlanFunder> = fc.record(
  {
    name: fc.constantFrom('État', 'Région', 'Département', 'FEDER'),
    rules: fc.record({ equipment: arbRule, service: arbRule, works: arbRule, training: arbRule }, { requiredKeys: [] }),
    caps: fc.record(
      {
        totalCents: fc.option(fc.integer({ min: 0, max: 10_000_000 })),
        perClassCents: fc.option(fc.integer({ min: 0, max: 500_000 })),
        perPupilCents: fc.option(fc.integer({ min: 0, max: 50_000 })),
        perSchoolCents: fc.option(fc.integer({ min: 0, max: 2_000_000 })),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['name', 'rules'] },
);

const arbItem = fc
  .record({
    kind: fc.constantFrom(...ITEM_KINDS),
    quantity: fc.integer({ min: 1, max: 20 }),
    unitCents: fc.integer({ min: 0, max: 300_000 }),
    installCents: fc.integer({ min: 0, max: 50_000 }),
    classId: fc.option(fc.constantFrom('c1', 'c2')),
  })
  .map((x) => ({
    ...x,
    criterionKey: 'crit',
    label: 'item',
    categoryCode: null,
    totalCents: x.quantity * x.unitCents + x.installCents,
  }));

const arbSchools: fc.Arbitrary<PlanSchool[]> = fc
  .array(
    fc.record({
      uai: fc.constantFrom('0720001A', '0720002B', '0720003C', '0720004D'),
      name: fc.string({ maxLength: 8 }),
      priorityEducation: fc.constantFrom('none' as const, 'REP' as const, 'REP+' as const),
      ips: fc.option(fc.integer({ min: 60, max: 140 })),
      pupils: fc.integer({ min: 0, max: 400 }),
      classes: fc.integer({ min: 0, max: 15 }),
      classesAtSocle: fc.integer({ min: 0, max: 6 }),
      // Mostly candidates, so that the properties are not vacuous.
      atSocle: fc.constantFrom(false, false, false, true),
      devicesPerPupil: fc.option(fc.double({ min: 0, max: 2, noNaN: true })),
      equipmentAgeYears: fc.option(fc.integer({ min: 0, max: 12 })),
      gap: fc.array(arbItem, { minLength: 1, maxLength: 4 }),
      gapComplete: fc.constantFrom(true, true, true, false),
    }),
    { maxLength: 12 },
  )
  .map((rows) => rows.map((r, i) => ({ ...r, id: `s${String(i).padStart(2, '0')}` })));

const arbParams: fc.Arbitrary<PlanParams> = fc.record({
  budgetCents: fc.integer({ min: 0, max: 20_000_000 }),
  budgetBasis: fc.constantFrom('total' as const, 'own_share' as const),
  objective: fc.constantFrom('classes' as const, 'pupils' as const),
  weights: fc.record({
    repPlus: fc.double({ min: 0, max: 5, noNaN: true }),
    rep: fc.double({ min: 0, max: 5, noNaN: true }),
    lowIps: fc.double({ min: 0, max: 5, noNaN: true }),
    lowDevices: fc.double({ min: 0, max: 5, noNaN: true }),
    oldEquipment: fc.double({ min: 0, max: 5, noNaN: true }),
  }),
  funders: fc.array(arbFunder, { maxLength: 3 }),
});

const isCandidate = (s: PlanSchool) =>
  !s.atSocle && s.gapComplete && s.gap.reduce((t, i) => t + i.totalCents, 0) > 0 && s.classes > s.classesAtSocle;

describe('baseline planner: properties', () => {
  it('stays within the budget; spend = aid + own share; aid ≤ spend; only candidates are selected', () => {
    fc.assert(
      fc.property(arbSchools, arbParams, (schools, p) => {
        const r = plan(schools, p);
        const t = r.totals;
        assert.ok(t.budgetUsedCents <= p.budgetCents);
        assert.equal(t.budgetLeftCents, p.budgetCents - t.budgetUsedCents);
        assert.equal(t.spendCents, t.aidCents + t.ownShareCents);
        assert.ok(t.aidCents <= t.spendCents && t.ownShareCents >= 0);
        assert.ok(t.aid.every((a) => a.cents >= 0));
        assert.equal(
          t.spendCents,
          ITEM_KINDS.reduce((s, k) => s + t.byKind[k], 0),
        );
        assert.equal(r.choices.length, schools.length);
        assert.deepEqual(new Set(r.choices.map((c) => c.schoolId)), new Set(schools.map((s) => s.id)));
        assert.deepEqual(
          r.choices.map((c) => c.rank).sort((a, b) => a - b),
          schools.map((_, i) => i + 1),
        );
        const byId = new Map(schools.map((s) => [s.id, s]));
        const selected = r.choices.filter((c) => c.decision === 'selected');
        assert.equal(selected.length, t.schoolsSelected);
        for (const c of selected) {
          const s = byId.get(c.schoolId) as PlanSchool;
          assert.ok(isCandidate(s), `${c.schoolId} is a candidate`);
          assert.ok(c.benefit > 0);
        }
        assert.equal(
          t.spendCents,
          selected.reduce((s, c) => s + c.costCents, 0),
        );
        for (const c of r.choices) {
          for (const v of Object.values(c.factors)) assert.ok(v >= 0 && v <= 5 && Number.isFinite(v));
          assert.ok(Number.isFinite(c.scorePerThousandEuros));
        }
        // Selected first, in rank order.
        const ranks = selected.map((c) => c.rank);
        assert.deepEqual(
          ranks,
          [...ranks].sort((a, b) => a - b),
        );
        assert.ok(r.choices.slice(0, selected.length).every((c) => c.decision === 'selected'));
      }),
      { numRuns: 300 },
    );
  });

  it('with the total basis no left-out candidate fits in the budget left', () => {
    fc.assert(
      fc.property(arbSchools, arbParams, (schools, p) => {
        const r = plan(schools, { ...p, budgetBasis: 'total' });
        for (const c of r.choices.filter((x) => x.decision === 'over_budget'))
          assert.ok(c.costCents > r.totals.budgetLeftCents, `${c.schoolId} would fit`);
      }),
      { numRuns: 300 },
    );
  });

  it('funding never exceeds the spend, whatever the stack', () => {
    fc.assert(
      fc.property(
        fc.record({
          equipment: fc.integer({ min: 0, max: 200_000_000 }),
          service: fc.integer({ min: 0, max: 200_000_000 }),
          works: fc.integer({ min: 0, max: 200_000_000 }),
          training: fc.integer({ min: 0, max: 200_000_000 }),
        }),
        fc.array(arbFunder, { maxLength: 4 }),
        (byKind, funders) => {
          const f = fundingOf(byKind, funders, { classes: 20, pupils: 500, schools: 3 });
          const spend = ITEM_KINDS.reduce((s, k) => s + byKind[k], 0);
          assert.ok(f.aidCents <= spend);
          assert.equal(f.aidCents + f.ownShareCents, spend);
          assert.ok(f.aid.every((a) => a.cents >= 0 && Number.isSafeInteger(a.cents)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same result for the schools in any order', () => {
    fc.assert(
      fc.property(
        arbSchools.chain((schools) =>
          fc.tuple(
            fc.constant(schools),
            fc.shuffledSubarray(schools, { minLength: schools.length, maxLength: schools.length }),
          ),
        ),
        arbParams,
        ([schools, shuffled], p) => {
          assert.deepEqual(plan(shuffled, p), plan(schools, p));
        },
      ),
      { numRuns: 300 },
    );
  });
});
