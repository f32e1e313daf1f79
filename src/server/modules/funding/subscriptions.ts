import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { earlierDay, laterDay, prorateYearlyCents } from '../../../shared/prorate.ts';
import type { Scope } from '../../db/connection.ts';
import {
  contracts,
  digitalServices,
  fundingExpenseLines,
  fundingProgrammes,
  schoolSubscriptions,
  schools,
} from '../../db/schema.ts';
import { AppError, type InvalidField } from '../../http/errors.ts';
import type { SubscriptionLineInput } from './schema.ts';
import { createExpenseLine, programmeRow } from './service.ts';

/**
 * A digital-service subscription (issue #8 point 4) declared as an expense
 * line of a programme, like an invoice line allocated from procurement.
 *
 * - **Period**: by default the days the subscription (`startsOn`..`endsOn`,
 *   open-ended = up to the programme's end) and the programme's period
 *   share; a narrower `from`/`to` inside both may be given (one school year
 *   at a time, say).
 * - **Amount**: the yearly cost HT prorated to the period's days per
 *   subscription year, rounded half up to the cent (`src/shared/prorate.ts`);
 *   VAT = HT × `vatRateBp` (default 20 %), half up; TTC = HT + VAT. The HT is
 *   split to the subscription's school.
 * - **Supplier**: the holder of the subscription's contract, else the
 *   service's supplier; neither is a 400.
 * - **Once**: a period overlapping one already declared for this
 *   subscription, in any programme, is `SUBSCRIPTION_PERIOD_TAKEN` (409)
 *   naming that line, its programme and its period. The subscription row is
 *   locked (`FOR UPDATE`) first, so concurrent declarations queue; an
 *   exclusion constraint is the backstop.
 * - **No drift**: the line keeps its supplier, HT and school (the funding
 *   service refuses changes); the subscription keeps its yearly cost,
 *   service and contract, and its dates keep covering every declared period
 *   (the services module refuses changes, and deleting it).
 */

const invalid = (detail: string, fields: InvalidField[]) => new AppError('VALIDATION_FAILED', detail, { fields });
const field = (path: string, code: string): InvalidField => ({ path, message: code, code });

export interface Declaration {
  readonly expenseLineId: string;
  readonly subscriptionId: string;
  readonly programmeId: string;
  readonly programmeName: string;
  readonly from: string;
  readonly to: string;
  readonly htCents: number;
}

/** The expense lines declaring these subscriptions, by subscription id, in period order. */
export async function declarationsOf(scope: Scope, subscriptionIds: readonly string[]) {
  const out = new Map<string, Declaration[]>();
  if (!subscriptionIds.length) return out;
  for (let i = 0; i < subscriptionIds.length; i += 1000) {
    const found = await scope.tx
      .select({
        expenseLineId: fundingExpenseLines.id,
        subscriptionId: fundingExpenseLines.subscriptionId,
        programmeId: fundingExpenseLines.programmeId,
        programmeName: fundingProgrammes.name,
        from: fundingExpenseLines.subscriptionFrom,
        to: fundingExpenseLines.subscriptionTo,
        htCents: fundingExpenseLines.htCents,
      })
      .from(fundingExpenseLines)
      .innerJoin(fundingProgrammes, eq(fundingProgrammes.id, fundingExpenseLines.programmeId))
      .where(inArray(fundingExpenseLines.subscriptionId, subscriptionIds.slice(i, i + 1000)))
      .orderBy(asc(fundingExpenseLines.subscriptionFrom));
    for (const f of found) {
      if (!f.subscriptionId || !f.from || !f.to) continue;
      const d = { ...f, subscriptionId: f.subscriptionId, from: f.from, to: f.to };
      out.set(d.subscriptionId, [...(out.get(d.subscriptionId) ?? []), d]);
    }
  }
  return out;
}

export async function createSubscriptionExpenseLine(scope: Scope, programmeId: string, input: SubscriptionLineInput) {
  const programme = await programmeRow(scope, programmeId);
  // The lock queues concurrent declarations of this subscription: the overlap check below then sees the winner.
  const [sub] = await scope.tx
    .select({
      id: schoolSubscriptions.id,
      schoolId: schoolSubscriptions.schoolId,
      startsOn: schoolSubscriptions.startsOn,
      endsOn: schoolSubscriptions.endsOn,
      yearlyCostCents: schoolSubscriptions.yearlyCostCents,
      contractId: schoolSubscriptions.contractId,
      serviceId: schoolSubscriptions.serviceId,
    })
    .from(schoolSubscriptions)
    .where(
      and(
        eq(schoolSubscriptions.id, input.subscriptionId),
        eq(schoolSubscriptions.organisationId, scope.organisationId),
      ),
    )
    .for('update');
  if (!sub) {
    throw new AppError('NOT_FOUND', 'Subscription not found', {
      fields: [field('body.subscriptionId', 'not_found')],
    });
  }
  const [info] = await scope.tx
    .select({
      serviceName: digitalServices.name,
      serviceSupplierId: digitalServices.supplierId,
      schoolName: schools.name,
    })
    .from(digitalServices)
    .innerJoin(schools, eq(schools.id, sub.schoolId))
    .where(eq(digitalServices.id, sub.serviceId));
  let contractSupplierId: string | null = null;
  if (sub.contractId) {
    const [c] = await scope.tx
      .select({ supplierId: contracts.supplierId })
      .from(contracts)
      .where(eq(contracts.id, sub.contractId));
    contractSupplierId = c?.supplierId ?? null;
  }
  const supplierId = contractSupplierId ?? info?.serviceSupplierId ?? null;

  const problems: InvalidField[] = [];
  if (sub.yearlyCostCents === null) problems.push(field('body.subscriptionId', 'no_yearly_cost'));
  if (!supplierId) problems.push(field('body.subscriptionId', 'no_supplier'));
  // The days the subscription and the programme share.
  const first = laterDay(sub.startsOn, programme.periodStart);
  const last = earlierDay(sub.endsOn ?? programme.periodEnd, programme.periodEnd);
  if (last < first) problems.push(field('body.subscriptionId', 'no_common_period'));
  const from = input.from ?? first;
  const to = input.to ?? last;
  if (input.from && (input.from < sub.startsOn || (sub.endsOn !== null && input.from > sub.endsOn)))
    problems.push(field('body.from', 'outside_subscription'));
  else if (input.from && (input.from < programme.periodStart || input.from > programme.periodEnd))
    problems.push(field('body.from', 'outside_programme'));
  if (input.to && (input.to < sub.startsOn || (sub.endsOn !== null && input.to > sub.endsOn)))
    problems.push(field('body.to', 'outside_subscription'));
  else if (input.to && (input.to < programme.periodStart || input.to > programme.periodEnd))
    problems.push(field('body.to', 'outside_programme'));
  if (input.from && input.to && input.to < input.from) problems.push(field('body.to', 'end_before_start'));
  if (problems.length) throw invalid('This subscription cannot be declared for this period', problems);

  const [taken] = await scope.tx
    .select({
      id: fundingExpenseLines.id,
      programmeId: fundingExpenseLines.programmeId,
      programmeName: fundingProgrammes.name,
      invoiceNumber: fundingExpenseLines.invoiceNumber,
      from: fundingExpenseLines.subscriptionFrom,
      to: fundingExpenseLines.subscriptionTo,
    })
    .from(fundingExpenseLines)
    .innerJoin(fundingProgrammes, eq(fundingProgrammes.id, fundingExpenseLines.programmeId))
    .where(
      and(
        eq(fundingExpenseLines.subscriptionId, sub.id),
        lte(fundingExpenseLines.subscriptionFrom, to),
        gte(fundingExpenseLines.subscriptionTo, from),
      ),
    )
    .orderBy(asc(fundingExpenseLines.subscriptionFrom))
    .limit(1);
  if (taken) {
    throw new AppError(
      'SUBSCRIPTION_PERIOD_TAKEN',
      `${taken.from} → ${taken.to} of this subscription is already declared (expense line ${taken.invoiceNumber} of programme “${taken.programmeName}”)`,
      {
        fields: [field(input.from || input.to ? 'body.from' : 'body.subscriptionId', 'period_taken')],
        conflict: {
          expenseLineId: taken.id,
          programmeId: taken.programmeId,
          programmeName: taken.programmeName,
          from: taken.from,
          to: taken.to,
        },
      },
    );
  }

  const htCents = prorateYearlyCents(sub.yearlyCostCents ?? 0, sub.startsOn, from, to);
  const rate = BigInt(input.vatRateBp ?? 2000);
  const vatCents = Number((2n * BigInt(htCents) * rate + 10_000n) / 20_000n);
  const description =
    input.description ?? `Abonnement ${info?.serviceName ?? ''} — ${info?.schoolName ?? ''}, du ${from} au ${to}`;
  try {
    return await scope.tx.transaction((sp) =>
      createExpenseLine(
        { ...scope, tx: sp as unknown as Scope['tx'] },
        programmeId,
        {
          costItemId: input.costItemId,
          supplierId: supplierId ?? '',
          invoiceNumber: input.invoiceNumber,
          invoiceDate: input.invoiceDate,
          description,
          htCents,
          vatCents,
          ttcCents: htCents + vatCents,
          paidOn: input.paidOn,
          mandateNumber: input.mandateNumber,
          eligibility: input.eligibility,
          eligibleCents: input.eligibleCents,
          eligibilityReason: input.eligibilityReason,
          schools: htCents > 0 ? [{ schoolId: sub.schoolId, amountCents: htCents }] : [],
        },
        { subscription: { id: sub.id, from, to } },
      ),
    );
  } catch (error) {
    const e = error as { code?: unknown; cause?: { code?: unknown } };
    if (e.code === '23P01' || e.cause?.code === '23P01') {
      throw new AppError('SUBSCRIPTION_PERIOD_TAKEN', 'This subscription period is already declared', {
        fields: [field('body.from', 'period_taken')],
      });
    }
    throw error;
  }
}
