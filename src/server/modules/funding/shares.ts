import { asc, eq } from 'drizzle-orm';
import type { Scope } from '../../db/connection.ts';
import { fundingCostItems, fundingExpenseLineSchools, fundingExpenseLines, schools } from '../../db/schema.ts';
import { allocate, type FunderInput, ownShareProblem, spread } from './rules.ts';
import { capBasis, conventionsOf, programmeRow } from './service.ts';

/**
 * The shares of a programme (issue #6, point 4) and its budget view
 * (point 8, stage 1), computed on demand from the stored lines with the
 * pure arithmetic of `rules.ts`: nothing derived is stored, so there is
 * nothing to get out of date.
 *
 * A convention covers the eligible and partly eligible lines of its
 * eligible cost items (all when none are listed) invoiced within its
 * eligibility window (open ends allowed). Funders are spread in rank order.
 * Lines come in statement order (cost item position, code, invoice date,
 * invoice number, id), so ties in the largest-remainder method always go
 * to the same line.
 */

const OWN_FUNDS = 'own_funds';

async function loadLines(scope: Scope, programmeId: string) {
  return scope.tx
    .select({
      id: fundingExpenseLines.id,
      costItemId: fundingExpenseLines.costItemId,
      invoiceDate: fundingExpenseLines.invoiceDate,
      htCents: fundingExpenseLines.htCents,
      eligibleCents: fundingExpenseLines.eligibleCents,
      eligibility: fundingExpenseLines.eligibility,
      paidOn: fundingExpenseLines.paidOn,
    })
    .from(fundingExpenseLines)
    .innerJoin(fundingCostItems, eq(fundingCostItems.id, fundingExpenseLines.costItemId))
    .where(eq(fundingExpenseLines.programmeId, programmeId))
    .orderBy(
      asc(fundingCostItems.position),
      asc(fundingCostItems.code),
      asc(fundingExpenseLines.invoiceDate),
      asc(fundingExpenseLines.invoiceNumber),
      asc(fundingExpenseLines.id),
    );
}

async function compute(scope: Scope, programmeId: string) {
  await programmeRow(scope, programmeId);
  const [costItems, conventions, allLines, basis] = [
    await scope.tx
      .select()
      .from(fundingCostItems)
      .where(eq(fundingCostItems.programmeId, programmeId))
      .orderBy(asc(fundingCostItems.position), asc(fundingCostItems.code)),
    await conventionsOf(scope, programmeId),
    await loadLines(scope, programmeId),
    await capBasis(scope, programmeId),
  ];
  const lines = allLines.filter((l) => l.eligibility !== 'not_eligible');
  const funderInputs: FunderInput[] = conventions.map(({ convention: c }) => {
    const items = c.eligibleCostItemIds?.length ? new Set(c.eligibleCostItemIds) : null;
    return {
      id: c.id,
      rule: c.rateRule,
      caps: {
        totalCents: c.capTotalCents,
        perClassCents: c.capPerClassCents,
        perPupilCents: c.capPerPupilCents,
        perSchoolCents: c.capPerSchoolCents,
      },
      lineIds: lines
        .filter(
          (l) =>
            (items === null || items.has(l.costItemId)) &&
            (c.eligibleFrom === null || l.invoiceDate >= c.eligibleFrom) &&
            (c.eligibleTo === null || l.invoiceDate <= c.eligibleTo),
        )
        .map((l) => l.id),
    };
  });
  const allocation = allocate(
    lines.map((l) => ({ id: l.id, eligibleCents: l.eligibleCents })),
    funderInputs,
    basis,
  );
  return { costItems, conventions, allLines, lines, basis, funderInputs, allocation };
}

export async function programmeShares(scope: Scope, programmeId: string) {
  const { costItems, conventions, lines, basis, funderInputs, allocation } = await compute(scope, programmeId);
  const eligibleCents = lines.reduce((s, l) => s + l.eligibleCents, 0);
  const publicAidCents = allocation.aid.reduce(
    (s, a, i) => s + (conventions[i]?.funderKind === OWN_FUNDS ? 0 : a.cents),
    0,
  );
  const ownerCents = allocation.ownerCents;
  const minBp = Math.max(0, ...conventions.map((c) => c.convention.ownShareMinBp));
  const ids = conventions.map((c) => c.convention.id);
  const lineShares = allocation.lines.map((l, i) => ({
    lineId: l.lineId,
    costItemId: lines[i]?.costItemId as string,
    eligibleCents: l.eligibleCents,
    shares: ids.map((id) => ({ conventionId: id, cents: l.shares[id] ?? 0 })),
    ownerCents: l.ownerCents,
  }));
  const linesOver100 = lineShares.filter(
    (l) => l.ownerCents < 0 || l.shares.reduce((s, x) => s + x.cents, 0) > l.eligibleCents,
  ).length;
  const addsUp =
    lineShares.every((l) => l.shares.reduce((s, x) => s + x.cents, 0) + l.ownerCents === l.eligibleCents) &&
    allocation.aid.reduce((s, a) => s + a.cents, 0) + ownerCents === eligibleCents;
  return {
    programmeId,
    eligibleCents,
    ownerCents,
    publicAidCents,
    funders: conventions.map(({ convention: c, funderName, funderKind }, i) => {
      const covered = new Set(funderInputs[i]?.lineIds ?? []);
      return {
        conventionId: c.id,
        funderId: c.funderId,
        funderName,
        funderKind,
        rank: c.rank,
        baseCents: lines.filter((l) => covered.has(l.id)).reduce((s, l) => s + l.eligibleCents, 0),
        aidCents: allocation.aid[i]?.cents ?? 0,
      };
    }),
    costItems: costItems.map((item) => {
      const mine = lineShares.filter((l) => l.costItemId === item.id);
      return {
        costItemId: item.id,
        code: item.code,
        label: item.label,
        eligibleCents: mine.reduce((s, l) => s + l.eligibleCents, 0),
        shares: ids.map((id) => ({
          conventionId: id,
          cents: mine.reduce((s, l) => s + (l.shares.find((x) => x.conventionId === id)?.cents ?? 0), 0),
        })),
        ownerCents: mine.reduce((s, l) => s + l.ownerCents, 0),
      };
    }),
    lines: lineShares,
    checks: {
      ownShare: {
        ok: conventions.length === 0 || ownShareProblem(ownerCents, publicAidCents, minBp) === null,
        minBp,
        ownerBp: publicAidCents === 0 ? null : Math.floor((ownerCents * 10_000) / publicAidCents),
      },
      linesOver100,
      addsUp,
    },
    basis,
  };
}

export async function programmeBudget(scope: Scope, programmeId: string) {
  const { costItems, conventions, allLines, allocation } = await compute(scope, programmeId);
  const paidLine = new Set(allLines.filter((l) => l.paidOn !== null).map((l) => l.id));
  const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  const amounts = (ls: typeof allLines) => ({
    invoicedCents: sum(ls, (l) => l.htCents),
    paidCents: sum(
      ls.filter((l) => l.paidOn !== null),
      (l) => l.htCents,
    ),
    eligibleCents: sum(ls, (l) => l.eligibleCents),
  });

  // Per school: each line's HT as split; its eligible amount spread over the same split (largest remainder).
  const splitRows = await scope.tx
    .select({
      lineId: fundingExpenseLineSchools.lineId,
      schoolId: fundingExpenseLineSchools.schoolId,
      amountCents: fundingExpenseLineSchools.amountCents,
      uai: schools.uai,
      name: schools.name,
    })
    .from(fundingExpenseLineSchools)
    .innerJoin(fundingExpenseLines, eq(fundingExpenseLines.id, fundingExpenseLineSchools.lineId))
    .innerJoin(schools, eq(schools.id, fundingExpenseLineSchools.schoolId))
    .where(eq(fundingExpenseLines.programmeId, programmeId))
    .orderBy(asc(fundingExpenseLineSchools.lineId), asc(schools.uai));
  const splitsByLine = new Map<string, typeof splitRows>();
  for (const r of splitRows) splitsByLine.set(r.lineId, [...(splitsByLine.get(r.lineId) ?? []), r]);
  type SchoolTotal = {
    schoolId: string | null;
    uai: string | null;
    name: string | null;
    invoicedCents: number;
    paidCents: number;
    eligibleCents: number;
  };
  const bySchool = new Map<string | null, SchoolTotal>();
  const add = (
    key: string | null,
    uai: string | null,
    name: string | null,
    inv: number,
    paid: number,
    elig: number,
  ) => {
    const t = bySchool.get(key) ?? {
      schoolId: key,
      uai,
      name,
      invoicedCents: 0,
      paidCents: 0,
      eligibleCents: 0,
    };
    t.invoicedCents += inv;
    t.paidCents += paid;
    t.eligibleCents += elig;
    bySchool.set(key, t);
  };
  for (const l of allLines) {
    const split = splitsByLine.get(l.id);
    const paid = l.paidOn !== null;
    if (!split?.length) {
      add(null, null, null, l.htCents, paid ? l.htCents : 0, l.eligibleCents);
      continue;
    }
    const eligible = spread(
      l.eligibleCents,
      split.map((s) => s.amountCents),
    );
    split.forEach((s, i) => {
      add(s.schoolId, s.uai, s.name, s.amountCents, paid ? s.amountCents : 0, eligible[i] as number);
    });
  }

  const paidShares = (id: string) => sum(allocation.lines, (l) => (paidLine.has(l.lineId) ? (l.shares[id] ?? 0) : 0));
  return {
    programmeId,
    totals: {
      plannedCents: sum(costItems, (c) => c.budgetCents),
      ...amounts(allLines),
      lines: allLines.length,
    },
    costItems: costItems.map((c) => {
      const mine = allLines.filter((l) => l.costItemId === c.id);
      return {
        costItemId: c.id,
        code: c.code,
        label: c.label,
        kind: c.kind,
        plannedCents: c.budgetCents,
        ...amounts(mine),
        lines: mine.length,
      };
    }),
    funders: conventions.map(({ convention: c, funderName, funderKind }, i) => ({
      conventionId: c.id,
      funderId: c.funderId,
      funderName,
      funderKind,
      aidCents: allocation.aid[i]?.cents ?? 0,
      paidSharesCents: paidShares(c.id),
    })),
    owner: {
      cents: allocation.ownerCents,
      paidSharesCents: sum(allocation.lines, (l) => (paidLine.has(l.lineId) ? l.ownerCents : 0)),
    },
    schools: [...bySchool.values()].sort((a, b) =>
      a.uai === null ? 1 : b.uai === null ? -1 : a.uai.localeCompare(b.uai),
    ),
  };
}
