import { asc, eq, sql } from 'drizzle-orm';
import { rows, type Scope } from '../../db/connection.ts';
import { fundingCostItems, fundingExpenseLines, fundingLineShares, fundingProgrammes } from '../../db/schema.ts';
import { allocate, type FunderInput, ownShareProblem, spread } from './rules.ts';
import { capBasis, conventionsOf, programmeRow } from './service.ts';

/**
 * The shares of a programme (issue #6, point 4) and its budget view
 * (point 8), from the pure arithmetic of `rules.ts`. The allocation is
 * stored (`funding_line_shares`, and each school's part of a line's eligible
 * amount in `funding_expense_line_schools.eligible_cents`) and rewritten by
 * `ensureShares` on the first read after a change: triggers (migration 0016)
 * mark the programme `shares_stale` whenever lines, splits, conventions, cost
 * items, schools in scope or their class/pupil counts change. Reads are then
 * SQL sums, whatever the number of lines.
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

/** Rows as JSON in one parameter: no limit on the number of bound parameters, one round trip. */
const asJson = (value: unknown) => JSON.stringify(value);
const CHUNK = 20_000;

/**
 * Rewrites the stored shares of a programme when it is stale (no-op
 * otherwise). The stale flag is read without a lock; when set, the
 * programme row is locked and the flag read again, so concurrent readers
 * compute once and never see half-written shares.
 */
export async function ensureShares(scope: Scope, programmeId: string): Promise<void> {
  const first = await programmeRow(scope, programmeId);
  if (!first.sharesStale) return;
  const locked = await programmeRow(scope, programmeId, true);
  if (!locked.sharesStale) return;
  const { allLines, allocation } = await compute(scope, programmeId);

  await scope.tx.delete(fundingLineShares).where(eq(fundingLineShares.programmeId, programmeId));
  const shareRows: [string, string, number][] = [];
  for (const l of allocation.lines) {
    for (const [conventionId, cents] of Object.entries(l.shares))
      if (cents > 0) shareRows.push([l.lineId, conventionId, cents]);
  }
  for (let i = 0; i < shareRows.length; i += CHUNK) {
    await scope.tx.execute(sql`
      insert into funding_line_shares (organisation_id, programme_id, line_id, convention_id, cents)
      select ${scope.organisationId}::uuid, ${programmeId}::uuid, x.l, x.c, x.v
        from jsonb_to_recordset(${asJson(shareRows.slice(i, i + CHUNK).map(([l, c, v]) => ({ l, c, v })))}::jsonb)
             as x(l uuid, c uuid, v bigint)`);
  }

  // Each school's part of the line's eligible amount: the largest-remainder
  // spread over the split in UAI order (ties to the first school).
  const splitRows = await rows<{ line_id: string; school_id: string; amount_cents: string | number }>(
    scope.tx,
    sql`select s.line_id, s.school_id, s.amount_cents
          from funding_expense_line_schools s
          join funding_expense_lines l on l.id = s.line_id
          join schools sc on sc.id = s.school_id
         where l.programme_id = ${programmeId}
         order by s.line_id, sc.uai, s.school_id`,
  );
  const eligibleOf = new Map(allLines.map((l) => [l.id, l.eligibleCents]));
  const parts: { l: string; s: string; e: number }[] = [];
  for (let i = 0; i < splitRows.length; ) {
    let j = i;
    const lineId = splitRows[i]?.line_id as string;
    while (j < splitRows.length && splitRows[j]?.line_id === lineId) j++;
    const group = splitRows.slice(i, j);
    const spreadParts = spread(
      eligibleOf.get(lineId) ?? 0,
      group.map((g) => Number(g.amount_cents)),
    );
    group.forEach((g, k) => {
      parts.push({ l: lineId, s: g.school_id, e: spreadParts[k] as number });
    });
    i = j;
  }
  for (let i = 0; i < parts.length; i += CHUNK) {
    await scope.tx.execute(sql`
      update funding_expense_line_schools t set eligible_cents = x.e
        from jsonb_to_recordset(${asJson(parts.slice(i, i + CHUNK))}::jsonb) as x(l uuid, s uuid, e bigint)
       where t.line_id = x.l and t.school_id = x.s`);
  }
  await scope.tx.update(fundingProgrammes).set({ sharesStale: false }).where(eq(fundingProgrammes.id, programmeId));
}

/** The allocation as `rules.ts` computes it now, bypassing the stored shares (tests compare both). */
export async function freshAllocation(scope: Scope, programmeId: string) {
  const { conventions, allocation } = await compute(scope, programmeId);
  return { conventionIds: conventions.map((c) => c.convention.id), allocation };
}

const n = (v: unknown) => Number(v ?? 0);

export type SharesPage = { limit: number; offset: number };

export async function programmeShares(
  scope: Scope,
  programmeId: string,
  page: SharesPage = { limit: 1000, offset: 0 },
) {
  await ensureShares(scope, programmeId);
  const [costItems, conventions, basis] = [
    await scope.tx
      .select()
      .from(fundingCostItems)
      .where(eq(fundingCostItems.programmeId, programmeId))
      .orderBy(asc(fundingCostItems.position), asc(fundingCostItems.code)),
    await conventionsOf(scope, programmeId),
    await capBasis(scope, programmeId),
  ];
  const ids = conventions.map((c) => c.convention.id);

  // Eligible totals, per cost item, and per cost item × convention.
  const perItem = await rows<{ cost_item_id: string; eligible: string; lines: string }>(
    scope.tx,
    sql`select cost_item_id, sum(eligible_cents) as eligible, count(*) as lines
          from funding_expense_lines
         where programme_id = ${programmeId} and eligibility <> 'not_eligible'
         group by cost_item_id`,
  );
  const perItemShares = await rows<{ cost_item_id: string; convention_id: string; cents: string }>(
    scope.tx,
    sql`select l.cost_item_id, s.convention_id, sum(s.cents) as cents
          from funding_line_shares s join funding_expense_lines l on l.id = s.line_id
         where s.programme_id = ${programmeId}
         group by l.cost_item_id, s.convention_id`,
  );
  const shareOf = new Map(perItemShares.map((r) => [`${r.cost_item_id}:${r.convention_id}`, n(r.cents)]));
  const eligibleOfItem = new Map(perItem.map((r) => [r.cost_item_id, n(r.eligible)]));
  const eligibleCents = perItem.reduce((s, r) => s + n(r.eligible), 0);
  const linesTotal = perItem.reduce((s, r) => s + n(r.lines), 0);
  const aidOf = (conventionId: string) =>
    perItemShares.filter((r) => r.convention_id === conventionId).reduce((s, r) => s + n(r.cents), 0);
  const aid = ids.map(aidOf);
  const totalAid = aid.reduce((s, a) => s + a, 0);
  const ownerCents = eligibleCents - totalAid;
  const publicAidCents = aid.reduce((s, a, i) => s + (conventions[i]?.funderKind === OWN_FUNDS ? 0 : a), 0);
  const minBp = Math.max(0, ...conventions.map((c) => c.convention.ownShareMinBp));

  // What each convention covers (its base), from the same conditions as `compute`.
  const bases: number[] = [];
  for (const { convention: c } of conventions) {
    const items = c.eligibleCostItemIds?.length ? c.eligibleCostItemIds : null;
    const [row] = await rows<{ base: string | null }>(
      scope.tx,
      sql`select sum(eligible_cents) as base from funding_expense_lines
           where programme_id = ${programmeId} and eligibility <> 'not_eligible'
             ${
               items
                 ? sql`and cost_item_id in (${sql.join(
                     items.map((i) => sql`${i}::uuid`),
                     sql`, `,
                   )})`
                 : sql``
             }
             ${c.eligibleFrom ? sql`and invoice_date >= ${c.eligibleFrom}` : sql``}
             ${c.eligibleTo ? sql`and invoice_date <= ${c.eligibleTo}` : sql``}`,
    );
    bases.push(n(row?.base));
  }

  const [check] = await rows<{ over: string }>(
    scope.tx,
    sql`select count(*) filter (where coalesce(x.total, 0) > l.eligible_cents) as over
          from funding_expense_lines l
          left join (select line_id, sum(cents) as total from funding_line_shares
                      where programme_id = ${programmeId} group by line_id) x on x.line_id = l.id
         where l.programme_id = ${programmeId} and l.eligibility <> 'not_eligible'`,
  );

  // The page of lines, in statement order, with their shares.
  const pageLines = await rows<{ id: string; cost_item_id: string; eligible_cents: string }>(
    scope.tx,
    sql`select l.id, l.cost_item_id, l.eligible_cents
          from funding_expense_lines l join funding_cost_items c on c.id = l.cost_item_id
         where l.programme_id = ${programmeId} and l.eligibility <> 'not_eligible'
         order by c.position, c.code, l.invoice_date, l.invoice_number, l.id
         limit ${page.limit} offset ${page.offset}`,
  );
  const pageShares = pageLines.length
    ? await rows<{ line_id: string; convention_id: string; cents: string }>(
        scope.tx,
        sql`select line_id, convention_id, cents from funding_line_shares
             where line_id in (${sql.join(
               pageLines.map((l) => sql`${l.id}::uuid`),
               sql`, `,
             )})`,
      )
    : [];
  const lineShare = new Map(pageShares.map((r) => [`${r.line_id}:${r.convention_id}`, n(r.cents)]));
  const lines = pageLines.map((l) => {
    const shares = ids.map((id) => ({ conventionId: id, cents: lineShare.get(`${l.id}:${id}`) ?? 0 }));
    return {
      lineId: l.id,
      costItemId: l.cost_item_id,
      eligibleCents: n(l.eligible_cents),
      shares,
      ownerCents: n(l.eligible_cents) - shares.reduce((s, x) => s + x.cents, 0),
    };
  });

  return {
    programmeId,
    eligibleCents,
    ownerCents,
    publicAidCents,
    funders: conventions.map(({ convention: c, funderName, funderKind }, i) => ({
      conventionId: c.id,
      funderId: c.funderId,
      funderName,
      funderKind,
      rank: c.rank,
      baseCents: bases[i] ?? 0,
      aidCents: aid[i] ?? 0,
    })),
    costItems: costItems.map((item) => {
      const shares = ids.map((id) => ({ conventionId: id, cents: shareOf.get(`${item.id}:${id}`) ?? 0 }));
      const eligible = eligibleOfItem.get(item.id) ?? 0;
      return {
        costItemId: item.id,
        code: item.code,
        label: item.label,
        eligibleCents: eligible,
        shares,
        ownerCents: eligible - shares.reduce((s, x) => s + x.cents, 0),
      };
    }),
    lines,
    linesTotal,
    linesPage: page,
    checks: {
      ownShare: {
        ok: conventions.length === 0 || ownShareProblem(ownerCents, publicAidCents, minBp) === null,
        minBp,
        ownerBp: publicAidCents === 0 ? null : Math.floor((ownerCents * 10_000) / publicAidCents),
      },
      linesOver100: n(check?.over),
      addsUp: n(check?.over) === 0 && ownerCents >= 0 && totalAid + ownerCents === eligibleCents,
    },
    basis,
  };
}

/**
 * The budget view. Served from `funding_programmes.budget_cache` while
 * nothing it depends on changed (triggers drop the cache); otherwise
 * computed with the programme row locked, so that a concurrent write waits
 * and drops the cache after this one is stored, never before.
 */
export async function programmeBudget(scope: Scope, programmeId: string): Promise<Budget> {
  const [cached] = await scope.tx
    .select({ budget: fundingProgrammes.budgetCache })
    .from(fundingProgrammes)
    .where(eq(fundingProgrammes.id, programmeId));
  if (!cached) await programmeRow(scope, programmeId);
  if (cached?.budget) return cached.budget as Budget;
  const [locked] = await scope.tx
    .select({ budget: fundingProgrammes.budgetCache })
    .from(fundingProgrammes)
    .where(eq(fundingProgrammes.id, programmeId))
    .for('update');
  if (locked?.budget) return locked.budget as Budget;
  const budget = await computeBudget(scope, programmeId);
  await scope.tx
    .update(fundingProgrammes)
    .set({ budgetCache: sql`${JSON.stringify(budget)}::jsonb` })
    .where(eq(fundingProgrammes.id, programmeId));
  return budget;
}

type Budget = Awaited<ReturnType<typeof computeBudget>>;

async function computeBudget(scope: Scope, programmeId: string) {
  await ensureShares(scope, programmeId);
  const costItems = await scope.tx
    .select()
    .from(fundingCostItems)
    .where(eq(fundingCostItems.programmeId, programmeId))
    .orderBy(asc(fundingCostItems.position), asc(fundingCostItems.code));
  const conventions = await conventionsOf(scope, programmeId);

  const perItem = await rows<{
    cost_item_id: string;
    invoiced: string;
    paid: string;
    eligible: string;
    lines: string;
  }>(
    scope.tx,
    sql`select cost_item_id, sum(ht_cents) as invoiced,
               coalesce(sum(ht_cents) filter (where paid_on is not null), 0) as paid,
               sum(eligible_cents) as eligible, count(*) as lines
          from funding_expense_lines where programme_id = ${programmeId}
         group by cost_item_id`,
  );
  const ordered = await rows<{ cost_item_id: string | null; ordered: string }>(
    scope.tx,
    sql`select coalesce(ol.cost_item_id, o.cost_item_id) as cost_item_id, sum(ol.ht_cents) as ordered
          from purchase_orders o join purchase_order_lines ol on ol.order_id = o.id
         where o.programme_id = ${programmeId} and o.status in ('ordered', 'partly_received', 'received')
         group by 1`,
  );
  const perFunder = await rows<{ convention_id: string; aid: string; paid: string }>(
    scope.tx,
    sql`select s.convention_id, sum(s.cents) as aid,
               coalesce(sum(s.cents) filter (where l.paid_on is not null), 0) as paid
          from funding_line_shares s join funding_expense_lines l on l.id = s.line_id
         where s.programme_id = ${programmeId}
         group by s.convention_id`,
  );
  const claims = await rows<{ convention_id: string; claimed: string; accepted: string; received: string }>(
    scope.tx,
    sql`select convention_id,
               coalesce(sum(claimed_cents) filter (where status <> 'draft'), 0) as claimed,
               coalesce(sum(accepted_cents) filter (where status in ('checked', 'paid')), 0) as accepted,
               coalesce(sum(received_cents) filter (where status = 'paid'), 0) as received
          from funding_claims where programme_id = ${programmeId}
         group by convention_id`,
  );
  const perSchool = await rows<{
    school_id: string | null;
    uai: string | null;
    name: string | null;
    invoiced: string;
    paid: string;
    eligible: string;
  }>(
    scope.tx,
    sql`select s.school_id, sc.uai, sc.name, sum(s.amount_cents) as invoiced,
               coalesce(sum(s.amount_cents) filter (where l.paid_on is not null), 0) as paid,
               sum(s.eligible_cents) as eligible
          from funding_expense_line_schools s
          join funding_expense_lines l on l.id = s.line_id
          join schools sc on sc.id = s.school_id
         where l.programme_id = ${programmeId}
         group by s.school_id, sc.uai, sc.name
        union all
        select null, null, null, coalesce(sum(l.ht_cents), 0),
               coalesce(sum(l.ht_cents) filter (where l.paid_on is not null), 0), coalesce(sum(l.eligible_cents), 0)
          from funding_expense_lines l
         where l.programme_id = ${programmeId}
           and not exists (select 1 from funding_expense_line_schools s where s.line_id = l.id)
        having count(*) > 0`,
  );
  const timeline = await rows<{
    month: string;
    ordered: string;
    invoiced: string;
    paid: string;
    claimed: string;
    received: string;
  }>(
    scope.tx,
    sql`with events as (
          select to_char(o.ordered_on, 'YYYY-MM') as month, ol.ht_cents as ordered, 0::bigint as invoiced,
                 0::bigint as paid, 0::bigint as claimed, 0::bigint as received
            from purchase_orders o join purchase_order_lines ol on ol.order_id = o.id
           where o.programme_id = ${programmeId} and o.status in ('ordered', 'partly_received', 'received')
          union all
          select to_char(invoice_date, 'YYYY-MM'), 0, sum(ht_cents), 0, 0, 0
            from funding_expense_lines where programme_id = ${programmeId} group by 1
          union all
          select to_char(paid_on, 'YYYY-MM'), 0, 0, sum(ht_cents), 0, 0
            from funding_expense_lines where programme_id = ${programmeId} and paid_on is not null group by 1
          union all
          select to_char(submitted_on, 'YYYY-MM'), 0, 0, 0, claimed_cents, 0
            from funding_claims where programme_id = ${programmeId} and status <> 'draft' and submitted_on is not null
          union all
          select to_char(received_on, 'YYYY-MM'), 0, 0, 0, 0, received_cents
            from funding_claims where programme_id = ${programmeId} and status = 'paid' and received_on is not null)
        select month, sum(ordered) as ordered, sum(invoiced) as invoiced, sum(paid) as paid,
               sum(claimed) as claimed, sum(received) as received
          from events group by month order by month`,
  );

  const itemRow = new Map(perItem.map((r) => [r.cost_item_id, r]));
  const orderedOf = new Map(ordered.map((r) => [r.cost_item_id, n(r.ordered)]));
  const funderRow = new Map(perFunder.map((r) => [r.convention_id, r]));
  const claimRow = new Map(claims.map((r) => [r.convention_id, r]));
  const sumOf = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  const eligibleTotal = sumOf(perItem, (r) => n(r.eligible));
  const paidEligible = await rows<{ paid: string | null }>(
    scope.tx,
    sql`select sum(eligible_cents) as paid from funding_expense_lines
         where programme_id = ${programmeId} and paid_on is not null`,
  );
  const aidTotal = sumOf(perFunder, (r) => n(r.aid));
  const paidAidTotal = sumOf(perFunder, (r) => n(r.paid));

  return {
    programmeId,
    totals: {
      plannedCents: sumOf(costItems, (c) => c.budgetCents),
      orderedCents: sumOf(ordered, (r) => n(r.ordered)),
      invoicedCents: sumOf(perItem, (r) => n(r.invoiced)),
      paidCents: sumOf(perItem, (r) => n(r.paid)),
      eligibleCents: eligibleTotal,
      claimedCents: sumOf(claims, (r) => n(r.claimed)),
      acceptedCents: sumOf(claims, (r) => n(r.accepted)),
      receivedCents: sumOf(claims, (r) => n(r.received)),
      lines: sumOf(perItem, (r) => n(r.lines)),
    },
    costItems: costItems.map((c) => {
      const r = itemRow.get(c.id);
      return {
        costItemId: c.id,
        code: c.code,
        label: c.label,
        kind: c.kind,
        plannedCents: c.budgetCents,
        orderedCents: orderedOf.get(c.id) ?? 0,
        invoicedCents: n(r?.invoiced),
        paidCents: n(r?.paid),
        eligibleCents: n(r?.eligible),
        lines: n(r?.lines),
      };
    }),
    /** Ordered on lines of the programme's orders with no cost item. */
    unassignedOrderedCents: orderedOf.get(null) ?? 0,
    funders: conventions.map(({ convention: c, funderName, funderKind }) => {
      const f = funderRow.get(c.id);
      const cl = claimRow.get(c.id);
      return {
        conventionId: c.id,
        funderId: c.funderId,
        funderName,
        funderKind,
        aidCents: n(f?.aid),
        paidSharesCents: n(f?.paid),
        claimedCents: n(cl?.claimed),
        acceptedCents: n(cl?.accepted),
        receivedCents: n(cl?.received),
      };
    }),
    owner: {
      cents: eligibleTotal - aidTotal,
      paidSharesCents: n(paidEligible[0]?.paid) - paidAidTotal,
    },
    schools: perSchool
      .map((r) => ({
        schoolId: r.school_id,
        uai: r.uai,
        name: r.name,
        invoicedCents: n(r.invoiced),
        paidCents: n(r.paid),
        eligibleCents: n(r.eligible),
      }))
      .sort((a, b) => (a.uai === null ? 1 : b.uai === null ? -1 : a.uai.localeCompare(b.uai))),
    timeline: timeline.map((r) => ({
      month: r.month,
      orderedCents: n(r.ordered),
      invoicedCents: n(r.invoiced),
      paidCents: n(r.paid),
      claimedCents: n(r.claimed),
      receivedCents: n(r.received),
    })),
  };
}
