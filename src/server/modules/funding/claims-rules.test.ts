import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  advanceAndInstalmentsCents,
  type CandidateLine,
  type ClaimKind,
  type ClaimState,
  type ConventionScope,
  claimableLines,
  compareStatement,
  countedCents,
  type ExistingClaim,
  instalmentCapCents,
  notClaimableReason,
  type Period,
  planCheck,
  planClaim,
  planLines,
  reconcile,
} from './claims-rules.ts';

/**
 * The claims arithmetic, example-based and property-based: over any
 * sequence of claims to one funder (create, add/remove lines, delete,
 * submit, check, pay), no line is ever in two claims, advance +
 * instalments stay within the cap, the total never exceeds the aid (the
 * final claim reconciles), and every amount is an integer number of cents.
 */

const line = (over: Partial<CandidateLine> & { id: string }): CandidateLine => ({
  costItemId: 'A',
  costItemPosition: 1,
  costItemCode: 'A',
  invoiceDate: '2021-01-01',
  invoiceNumber: 'F',
  eligibility: 'eligible',
  eligibleCents: 1000,
  paidOn: '2021-02-01',
  shareCents: 500,
  ...over,
});
const open: ConventionScope = { eligibleFrom: null, eligibleTo: null, eligibleCostItemIds: null };
const anyPeriod: Period = { from: null, to: null };

describe('funding claims rules: examples', () => {
  it('statement order: cost item position, code, invoice date, number, id', () => {
    const ls = [
      line({ id: 'd', costItemPosition: 2, costItemCode: 'B' }),
      line({ id: 'c', invoiceDate: '2021-01-02' }),
      line({ id: 'b', invoiceNumber: 'G' }),
      line({ id: 'a', invoiceNumber: 'G' }),
      line({ id: 'e', invoiceNumber: 'F' }),
    ];
    assert.deepEqual(
      [...ls].sort(compareStatement).map((l) => l.id),
      ['e', 'a', 'b', 'c', 'd'],
    );
  });

  it('claimability reasons, in the order a manager fixes them', () => {
    const conv: ConventionScope = { eligibleFrom: '2021-01-01', eligibleTo: '2021-12-31', eligibleCostItemIds: ['A'] };
    assert.equal(notClaimableReason(line({ id: 'x' }), conv, anyPeriod), null);
    assert.equal(notClaimableReason(line({ id: 'x', eligibility: 'not_eligible' }), conv, anyPeriod), 'not_eligible');
    assert.equal(notClaimableReason(line({ id: 'x', costItemId: 'B' }), conv, anyPeriod), 'cost_item_not_covered');
    assert.equal(notClaimableReason(line({ id: 'x', invoiceDate: '2022-01-01' }), conv, anyPeriod), 'outside_window');
    assert.equal(
      notClaimableReason(line({ id: 'x' }), conv, { from: '2021-06-01', to: null }),
      'outside_period',
      'the claim’s period',
    );
    assert.equal(notClaimableReason(line({ id: 'x', paidOn: null }), conv, anyPeriod), 'not_paid');
    assert.equal(notClaimableReason(line({ id: 'x', shareCents: 0 }), conv, anyPeriod), 'no_share');
  });

  it('the cap is floor(aid × cap / 10 000), exact beyond 2⁵³ intermediate products', () => {
    assert.equal(instalmentCapCents(117_300_000, 8000), 93_840_000);
    assert.equal(instalmentCapCents(3, 8000), 2);
    assert.equal(instalmentCapCents(900_719_925_474_099, 8000), 720_575_940_379_279);
  });

  it('the final claim nets the advance: a balance to claim, or an overpayment to repay', () => {
    const claims: ExistingClaim[] = [
      {
        id: 'adv',
        kind: 'advance',
        status: 'paid',
        periodFrom: null,
        periodTo: null,
        claimedCents: 300,
        acceptedCents: 300,
        lines: [],
      },
      {
        id: 'i1',
        kind: 'instalment',
        status: 'checked',
        periodFrom: null,
        periodTo: null,
        claimedCents: 500,
        acceptedCents: 400,
        lines: [{ lineId: 'a', eligibleCents: 1000, aidCents: 500, acceptedCents: 400 }],
      },
    ];
    // Aid 1000: justified 400 + 500 = 900 → due 900, earlier 700, balance 200.
    assert.deepEqual(reconcile({ aidCents: 1000, claims }, null, [500]), {
      aidCents: 1000,
      justifiedCents: 900,
      dueCents: 900,
      earlierCents: 700,
      balanceCents: 200,
    });
    // More justified than the aid: due is the aid.
    assert.equal(reconcile({ aidCents: 800, claims }, null, [500]).dueCents, 800);
    // No more expenses: the advance was not justified, 300 to repay.
    assert.equal(reconcile({ aidCents: 1000, claims }, null, []).balanceCents, -300);
    const state: ClaimState = {
      aidCents: 1000,
      instalmentCapBp: 8000,
      convention: open,
      lines: [line({ id: 'a' }), line({ id: 'b', shareCents: 500 })],
      claims,
    };
    const final = planClaim(state, { kind: 'final', period: anyPeriod });
    assert.ok(final.ok);
    assert.equal(final.value.claimedCents, 200);
    assert.deepEqual(
      final.value.lines.map((l) => l.lineId),
      ['b'],
    );
  });
});

// Properties ---------------------------------------------------------------------

const DATES = ['2019-12-15', '2020-03-01', '2020-09-30', '2021-05-05', '2022-01-01', '2022-12-31', '2023-06-30'];

const arbLines = fc
  .array(
    fc.record({
      item: fc.constantFrom('A', 'B'),
      date: fc.constantFrom(...DATES),
      eligibility: fc.constantFrom('eligible', 'eligible', 'partly', 'not_eligible'),
      eligibleCents: fc.integer({ min: 0, max: 50_000_000 }),
      paid: fc.integer({ min: 0, max: 9 }).map((x) => x > 1),
      sharePermille: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(500)),
    }),
    { minLength: 3, maxLength: 14 },
  )
  .map((specs) =>
    specs.map((s, i): CandidateLine => {
      const eligibleCents = s.eligibility === 'not_eligible' ? 0 : s.eligibleCents;
      return {
        id: `l${String(i).padStart(2, '0')}`,
        costItemId: s.item,
        costItemPosition: s.item === 'A' ? 1 : 2,
        costItemCode: s.item,
        invoiceDate: s.date,
        invoiceNumber: `F-${(i * 7) % 5}`,
        eligibility: s.eligibility as CandidateLine['eligibility'],
        eligibleCents,
        paidOn: s.paid ? '2023-07-01' : null,
        shareCents: Math.floor((eligibleCents * s.sharePermille) / 1000),
      };
    }),
  );

const someDate = fc.option(fc.constantFrom(...DATES), { nil: null, freq: 2 });
const arbConvention: fc.Arbitrary<ConventionScope> = fc.record({
  eligibleFrom: someDate,
  eligibleTo: someDate,
  eligibleCostItemIds: fc.constantFrom(null, null, ['A'], ['B'], ['A', 'B']),
});

const arbPeriod: fc.Arbitrary<Period> = fc.record({ from: someDate, to: someDate });
const arbCap = fc.oneof(fc.constant(8000), fc.constant(10_000), fc.integer({ min: 0, max: 10_000 }));

type Op =
  | { op: 'create'; kind: ClaimKind; pick: number[] | null; period: Period; advance: number }
  | { op: 'add' | 'remove'; claim: number; pick: number[] }
  | { op: 'delete' | 'submit' | 'pay'; claim: number }
  | { op: 'check'; claim: number; permille: number[] };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      kind: fc.constantFrom<ClaimKind>('advance', 'instalment', 'instalment', 'instalment', 'final'),
      pick: fc.option(fc.array(fc.nat(20), { minLength: 1, maxLength: 3 }), { nil: null, freq: 3 }),
      period: arbPeriod,
      advance: fc.integer({ min: 0, max: 50_000_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom('add' as const, 'remove' as const),
      claim: fc.nat(8),
      pick: fc.array(fc.nat(20), { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constantFrom('delete' as const, 'submit' as const, 'submit' as const, 'pay' as const),
      claim: fc.nat(8),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('check' as const),
      claim: fc.nat(8),
      permille: fc.array(fc.oneof(fc.constant(1000), fc.integer({ min: 0, max: 1000 })), {
        minLength: 20,
        maxLength: 20,
      }),
    }),
  },
);

/** Applies the operations as the service does; answers the states after every step. */
function run(lines: CandidateLine[], convention: ConventionScope, capBp: number, ops: Op[]) {
  let claims: ExistingClaim[] = [];
  const aidCents = lines.reduce((s, l) => s + l.shareCents, 0);
  const state = (): ClaimState => ({ aidCents, instalmentCapBp: capBp, convention, lines, claims });
  const ids = (pick: number[]) => pick.map((i) => lines[i % lines.length]?.id ?? 'unknown');
  const periods = new Map<string, Period>();
  const snapshots: { claims: ExistingClaim[]; aidCents: number }[] = [];
  let n = 0;
  for (const o of ops) {
    const target = 'claim' in o ? claims[o.claim % Math.max(1, claims.length)] : undefined;
    if (o.op === 'create') {
      const plan = planClaim(state(), {
        kind: o.kind,
        period: o.period,
        lineIds: o.pick ? ids(o.pick) : undefined,
        advanceCents: o.kind === 'advance' ? o.advance : undefined,
      });
      if (plan.ok) {
        const id = `c${n++}`;
        periods.set(id, o.period);
        claims = [
          ...claims,
          {
            id,
            kind: o.kind,
            status: 'draft',
            periodFrom: o.period.from,
            periodTo: o.period.to,
            claimedCents: plan.value.claimedCents,
            acceptedCents: null,
            lines: plan.value.lines,
          },
        ];
      }
    } else if (target && (o.op === 'add' || o.op === 'remove')) {
      const plan = planLines(state(), target.id, o.op === 'add' ? { add: ids(o.pick) } : { remove: ids(o.pick) });
      if (plan.ok)
        claims = claims.map((c) =>
          c.id === target.id ? { ...c, claimedCents: plan.value.claimedCents, lines: plan.value.lines } : c,
        );
      else
        assert.ok(target.status !== 'draft' || plan.error.code !== 'CLAIM_INVALID_STATE' || target.kind === 'advance');
    } else if (target && o.op === 'delete' && target.status === 'draft') {
      claims = claims.filter((c) => c.id !== target.id);
    } else if (target && o.op === 'submit' && target.status === 'draft') {
      if (target.kind === 'instalment' && target.lines.length === 0) continue;
      let claimedCents = target.claimedCents;
      if (target.kind === 'final') {
        const plan = planLines(state(), target.id, {});
        assert.ok(plan.ok);
        claimedCents = plan.value.claimedCents;
      }
      claims = claims.map((c) => (c.id === target.id ? { ...c, status: 'submitted', claimedCents } : c));
    } else if (target && o.op === 'check') {
      const plan = planCheck(state(), target.id, {
        lines:
          target.kind === 'advance'
            ? undefined
            : target.lines.map((l, i) => ({
                lineId: l.lineId,
                acceptedCents: Math.floor((l.aidCents * (o.permille[i % 20] ?? 1000)) / 1000),
                reason: 'contrôle',
              })),
        acceptedCents:
          target.kind === 'advance' ? Math.floor((target.claimedCents * (o.permille[0] ?? 0)) / 1000) : undefined,
      });
      assert.equal(plan.ok, target.status === 'submitted');
      if (plan.ok) {
        const accepted = new Map(plan.value.lines.map((l) => [l.lineId, l.acceptedCents]));
        claims = claims.map((c) =>
          c.id === target.id
            ? {
                ...c,
                status: 'checked',
                acceptedCents: plan.value.acceptedCents,
                lines: c.lines.map((l) => ({ ...l, acceptedCents: accepted.get(l.lineId) ?? null })),
              }
            : c,
        );
      }
    } else if (target && o.op === 'pay' && target.status === 'checked') {
      claims = claims.map((c) => (c.id === target.id ? { ...c, status: 'paid' } : c));
    }
    snapshots.push({ claims, aidCents });
  }
  return { snapshots, periods };
}

describe('funding claims rules: properties', () => {
  it('over any sequence of claims to one funder, no line is ever in two claims', () => {
    fc.assert(
      fc.property(
        arbLines,
        arbConvention,
        arbCap,
        fc.array(arbOp, { minLength: 8, maxLength: 30 }),
        (lines, convention, capBp, ops) => {
          for (const { claims } of run(lines, convention, capBp, ops).snapshots) {
            const all = claims.flatMap((c) => c.lines.map((l) => l.lineId));
            assert.equal(new Set(all).size, all.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('advance + instalments never pass the cap; the total never passes the aid; the final claim reconciles', () => {
    fc.assert(
      fc.property(
        arbLines,
        arbConvention,
        arbCap,
        fc.array(arbOp, { minLength: 8, maxLength: 30 }),
        (lines, convention, capBp, ops) => {
          for (const { claims, aidCents } of run(lines, convention, capBp, ops).snapshots) {
            const cap = instalmentCapCents(aidCents, capBp);
            assert.ok(advanceAndInstalmentsCents(claims) <= cap, 'cap');
            const total = claims.reduce((s, c) => s + countedCents(c), 0);
            assert.ok(total <= aidCents, `total ${total} ≤ aid ${aidCents}`);
            const finals = claims.filter((c) => c.kind === 'final');
            assert.ok(finals.length <= 1 && claims.filter((c) => c.kind === 'advance').length <= 1);
            for (const f of finals) assert.ok(f.claimedCents <= aidCents);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every claimed line is claimable in its claim’s period, claimed at the funder’s share; amounts are integer cents', () => {
    fc.assert(
      fc.property(
        arbLines,
        arbConvention,
        arbCap,
        fc.array(arbOp, { minLength: 8, maxLength: 30 }),
        (lines, convention, capBp, ops) => {
          const { snapshots, periods } = run(lines, convention, capBp, ops);
          const byId = new Map(lines.map((l) => [l.id, l]));
          for (const { claims } of snapshots) {
            for (const c of claims) {
              const amounts = [
                c.claimedCents,
                c.acceptedCents ?? 0,
                ...c.lines.flatMap((l) => [l.aidCents, l.eligibleCents, l.acceptedCents ?? 0]),
              ];
              for (const a of amounts) assert.ok(Number.isSafeInteger(a) && a >= 0, `integer cents: ${a}`);
              const positions = c.lines.map((l) => (l as { position?: number }).position);
              assert.deepEqual(
                positions,
                c.lines.map((_, i) => i + 1),
              );
              for (const l of c.lines) {
                const source = byId.get(l.lineId) as CandidateLine;
                assert.equal(notClaimableReason(source, convention, periods.get(c.id) ?? anyPeriod), null);
                assert.equal(l.aidCents, source.shareCents);
                assert.ok(l.aidCents <= l.eligibleCents);
                if (l.acceptedCents !== null) assert.ok(l.acceptedCents <= l.aidCents);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('without picked lines, a claim takes exactly the claimable lines not yet claimed, in statement order', () => {
    fc.assert(
      fc.property(arbLines, arbConvention, arbPeriod, (lines, convention, period) => {
        const state: ClaimState = { aidCents: 0, instalmentCapBp: 10_000, convention, lines, claims: [] };
        const plan = planClaim(
          { ...state, aidCents: lines.reduce((s, l) => s + l.shareCents, 0) },
          {
            kind: 'final',
            period,
          },
        );
        if (period.from !== null && period.to !== null && period.to < period.from) return;
        assert.ok(plan.ok);
        const expected = lines
          .filter((l) => notClaimableReason(l, convention, period) === null)
          .sort(compareStatement)
          .map((l) => l.id);
        assert.deepEqual(
          plan.value.lines.map((l) => l.lineId),
          expected,
        );
        assert.deepEqual(
          claimableLines(state, period).map((l) => l.id),
          expected,
        );
      }),
      { numRuns: 300 },
    );
  });
});
