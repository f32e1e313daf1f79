import { and, asc, count, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { rows, type Scope } from '../../db/connection.ts';
import {
  assetModels,
  contracts,
  deliveries,
  fundingCostItems,
  fundingProgrammes,
  invoices,
  purchaseOrderLines,
  purchaseOrders,
  schools,
  suppliers,
} from '../../db/schema.ts';
import { AppError, type InvalidField, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { deliveriesOf } from './deliveries.ts';
import { discrepanciesOf } from './discrepancies.ts';
import type {
  CreateContractInput,
  CreateOrderInput,
  OrderLineInput,
  OrderQuery,
  UpdateContractInput,
  UpdateOrderInput,
} from './schema.ts';

/**
 * Contracts (marchés) and purchase orders (issue #6 point 3). Every function
 * runs inside `withOrg`: RLS scopes the rows to the organisation, and the
 * lookups filter on it too (the demo seed runs as the owner), so another
 * organisation's id is a clean 404. Every write records its audit event in
 * the same transaction.
 */

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** HT × rate in basis points, rounded half up (BigInt: 10¹² cents × 10⁴ bp exceeds 2⁵³). */
export function vatOf(htCents: number, rateBp: number): number {
  return Number((BigInt(htCents) * BigInt(rateBp) + 5000n) / 10000n);
}

export const missing = (what: string, path: string, message = 'not found') =>
  new AppError('NOT_FOUND', `${what} not found`, { fields: [{ path, message }] });

/** `%text%` for ILIKE, with the wildcards of the text escaped. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const invalid = (detail: string, fields: InvalidField[]) =>
  new AppError('VALIDATION_FAILED', detail, { fields });

// References ----------------------------------------------------------------------

export async function supplierOf(scope: Scope, id: string, path = 'body.supplierId') {
  const [row] = await scope.tx
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.id, id), eq(suppliers.organisationId, scope.organisationId)));
  if (!row) throw missing('Supplier', path);
  return row;
}

async function assertProgramme(scope: Scope, id: string, path = 'body.programmeId') {
  const [row] = await scope.tx
    .select({ id: fundingProgrammes.id })
    .from(fundingProgrammes)
    .where(and(eq(fundingProgrammes.id, id), eq(fundingProgrammes.organisationId, scope.organisationId)));
  if (!row) throw missing('Programme', path);
}

async function assertCostItems(scope: Scope, programmeId: string | null, ids: { id: string; path: string }[]) {
  if (!ids.length) return;
  if (!programmeId) {
    throw invalid(
      'A cost item needs the order’s programme',
      ids.map((c) => ({ path: c.path, message: 'set the order’s programme first', code: 'programme_required' })),
    );
  }
  const found = await scope.tx
    .select({ id: fundingCostItems.id })
    .from(fundingCostItems)
    .where(
      and(
        inArray(fundingCostItems.id, [...new Set(ids.map((c) => c.id))]),
        eq(fundingCostItems.programmeId, programmeId),
        eq(fundingCostItems.organisationId, scope.organisationId),
      ),
    );
  const seen = new Set(found.map((f) => f.id));
  const bad = ids.filter((c) => !seen.has(c.id));
  if (bad.length) {
    throw new AppError('NOT_FOUND', 'Cost item not found in this programme', {
      fields: bad.map((c) => ({ path: c.path, message: 'not found in the programme' })),
    });
  }
}

async function assertSchools(scope: Scope, ids: { id: string; path: string }[]) {
  if (!ids.length) return;
  const found = await scope.tx
    .select({ id: schools.id })
    .from(schools)
    .where(
      and(inArray(schools.id, [...new Set(ids.map((s) => s.id))]), eq(schools.organisationId, scope.organisationId)),
    );
  const seen = new Set(found.map((f) => f.id));
  const bad = ids.filter((s) => !seen.has(s.id));
  if (bad.length) {
    throw new AppError('NOT_FOUND', 'School not found', {
      fields: bad.map((s) => ({ path: s.path, message: 'not found' })),
    });
  }
}

async function assertModels(scope: Scope, ids: { id: string; path: string }[]) {
  if (!ids.length) return;
  const found = await scope.tx
    .select({ id: assetModels.id })
    .from(assetModels)
    .where(
      and(
        inArray(assetModels.id, [...new Set(ids.map((m) => m.id))]),
        eq(assetModels.organisationId, scope.organisationId),
      ),
    );
  const seen = new Set(found.map((f) => f.id));
  const bad = ids.filter((m) => !seen.has(m.id));
  if (bad.length) {
    throw new AppError('NOT_FOUND', 'Catalogue model not found', {
      fields: bad.map((m) => ({ path: m.path, message: 'not found' })),
    });
  }
}

// Contracts -------------------------------------------------------------------------

type ContractRow = typeof contracts.$inferSelect;

async function contractTotals(scope: Scope, ids: readonly string[]) {
  const out = new Map<string, { orderedCents: number; draftCents: number; orderCount: number }>();
  if (!ids.length) return out;
  const found = await rows<{ contract_id: string; ordered: string; draft: string; n: number }>(
    scope.tx,
    sql`SELECT o.contract_id,
               coalesce(sum(l.ht_cents) FILTER (WHERE o.status IN ('ordered','partly_received','received')), 0)::text AS ordered,
               coalesce(sum(l.ht_cents) FILTER (WHERE o.status = 'draft'), 0)::text AS draft,
               count(DISTINCT o.id) FILTER (WHERE o.status <> 'cancelled')::int AS n
          FROM purchase_orders o
          LEFT JOIN purchase_order_lines l ON l.order_id = o.id
         WHERE o.organisation_id = ${scope.organisationId}
           AND o.contract_id IN (${sql.join(
             ids.map((id) => sql`${id}`),
             sql`, `,
           )})
         GROUP BY o.contract_id`,
  );
  for (const r of found) {
    out.set(r.contract_id, { orderedCents: Number(r.ordered), draftCents: Number(r.draft), orderCount: r.n });
  }
  return out;
}

function presentContract(
  c: ContractRow,
  supplierName: string | null,
  totals: { orderedCents: number; draftCents: number; orderCount: number } | undefined,
) {
  const orderedCents = totals?.orderedCents ?? 0;
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    procedure: c.procedure,
    notifiedOn: c.notifiedOn,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    lots: c.lots,
    ceilingCents: c.ceilingCents,
    ugap: c.ugap,
    supplierId: c.supplierId,
    supplierName,
    notes: c.notes,
    generated: c.generated,
    orderedCents,
    draftCents: totals?.draftCents ?? 0,
    overCeiling: c.ceilingCents !== null && orderedCents > c.ceilingCents,
    orderCount: totals?.orderCount ?? 0,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function findContracts(scope: Scope, query: { q?: string | undefined } = {}) {
  const found = await scope.tx
    .select({ c: contracts, supplierName: suppliers.name })
    .from(contracts)
    .leftJoin(suppliers, eq(suppliers.id, contracts.supplierId))
    .where(
      and(
        eq(contracts.organisationId, scope.organisationId),
        query.q
          ? sql`(${contracts.reference} ILIKE ${likePattern(query.q)} OR ${contracts.title} ILIKE ${likePattern(query.q)})`
          : undefined,
      ),
    )
    .orderBy(asc(contracts.reference));
  const totals = await contractTotals(
    scope,
    found.map((f) => f.c.id),
  );
  return found.map((f) => presentContract(f.c, f.supplierName, totals.get(f.c.id)));
}

async function contractRow(scope: Scope, id: string, lock = false): Promise<ContractRow> {
  const query = scope.tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.id, id), eq(contracts.organisationId, scope.organisationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Contract');
  return row;
}

export async function getContract(scope: Scope, id: string) {
  const c = await contractRow(scope, id);
  const supplier = c.supplierId ? await supplierOf(scope, c.supplierId) : null;
  return presentContract(c, supplier?.name ?? null, (await contractTotals(scope, [id])).get(id));
}

function checkContract(c: { startsOn?: string | null; endsOn?: string | null; lots?: { number: number }[] }) {
  const problems: InvalidField[] = [];
  if (c.startsOn && c.endsOn && c.endsOn < c.startsOn)
    problems.push({ path: 'body.endsOn', message: 'before the start', code: 'end_before_start' });
  const numbers = (c.lots ?? []).map((l) => l.number);
  if (new Set(numbers).size !== numbers.length)
    problems.push({ path: 'body.lots', message: 'a lot number appears twice', code: 'lot_duplicate' });
  if (problems.length) throw invalid('Inconsistent contract', problems);
}

async function assertReferenceFree(scope: Scope, reference: string, except?: string) {
  const [dup] = await scope.tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.organisationId, scope.organisationId), eq(contracts.reference, reference)));
  if (dup && dup.id !== except) {
    throw new AppError('CONFLICT', 'A contract has this reference', {
      fields: [{ path: 'body.reference', message: 'already used', code: 'reference_taken' }],
    });
  }
}

export async function createContract(scope: Scope, input: CreateContractInput, generated = false) {
  checkContract(input);
  await assertReferenceFree(scope, input.reference);
  if (input.supplierId) await supplierOf(scope, input.supplierId);
  const [row] = await scope.tx
    .insert(contracts)
    .values({ ...input, generated, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const after = await getContract(scope, row.id);
  await recordAudit(scope, { action: 'procurement.contract_created', entityType: 'contract', entityId: row.id, after });
  return after;
}

export async function updateContract(scope: Scope, id: string, input: UpdateContractInput) {
  const before = await contractRow(scope, id, true);
  checkContract({
    startsOn: input.startsOn !== undefined ? input.startsOn : before.startsOn,
    endsOn: input.endsOn !== undefined ? input.endsOn : before.endsOn,
    lots: input.lots ?? before.lots,
  });
  if (input.reference) await assertReferenceFree(scope, input.reference, id);
  if (input.supplierId) await supplierOf(scope, input.supplierId);
  const beforeView = await getContract(scope, id);
  await scope.tx
    .update(contracts)
    .set({ ...defined(input), updatedAt: new Date() })
    .where(eq(contracts.id, id));
  const after = await getContract(scope, id);
  await recordAudit(scope, {
    action: 'procurement.contract_updated',
    entityType: 'contract',
    entityId: id,
    before: beforeView,
    after,
  });
  return after;
}

/** A contract with orders cannot be deleted (409 CONFLICT). */
export async function deleteContract(scope: Scope, id: string) {
  const before = await getContract(scope, id);
  const [used] = await scope.tx.select({ n: count() }).from(purchaseOrders).where(eq(purchaseOrders.contractId, id));
  if (used && used.n > 0) throw new AppError('CONFLICT', 'Orders were placed against this contract');
  await scope.tx.delete(contracts).where(eq(contracts.id, id));
  await recordAudit(scope, { action: 'procurement.contract_deleted', entityType: 'contract', entityId: id, before });
}

// Purchase orders ----------------------------------------------------------------------

type OrderRow = typeof purchaseOrders.$inferSelect;
type OrderStatus = OrderRow['status'];

export async function orderRow(scope: Scope, id: string, lock = false): Promise<OrderRow> {
  const query = scope.tx
    .select()
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.id, id), eq(purchaseOrders.organisationId, scope.organisationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Order');
  return row;
}

export function assertOrderState(
  order: Pick<OrderRow, 'status' | 'number'>,
  allowed: readonly OrderStatus[],
  what: string,
) {
  if (!allowed.includes(order.status)) {
    throw new AppError('ORDER_INVALID_STATE', `Order ${order.number} is ${order.status}: cannot ${what}`, {
      allowed: [...allowed],
    });
  }
}

async function assertOrderNumberFree(scope: Scope, number: string, except?: string) {
  const [dup] = await scope.tx
    .select({ id: purchaseOrders.id })
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.organisationId, scope.organisationId), eq(purchaseOrders.number, number)));
  if (dup && dup.id !== except) {
    throw new AppError('CONFLICT', 'An order has this number', {
      fields: [{ path: 'body.number', message: 'already used', code: 'number_taken' }],
    });
  }
}

type OrderHeader = {
  supplierId: string;
  contractId: string | null;
  lotNumber: number | null;
  programmeId: string | null;
  costItemId: string | null;
};

/** Supplier, contract (same holder, known lot), programme and default cost item, all of this organisation. */
async function checkOrderHeader(scope: Scope, h: OrderHeader) {
  await supplierOf(scope, h.supplierId);
  if (h.contractId) {
    const [c] = await scope.tx
      .select()
      .from(contracts)
      .where(and(eq(contracts.id, h.contractId), eq(contracts.organisationId, scope.organisationId)));
    if (!c) throw missing('Contract', 'body.contractId');
    if (c.supplierId && c.supplierId !== h.supplierId) {
      throw invalid('The contract is held by another supplier', [
        { path: 'body.contractId', message: 'held by another supplier', code: 'contract_of_other_supplier' },
      ]);
    }
    if (h.lotNumber !== null && c.lots.length && !c.lots.some((l) => l.number === h.lotNumber)) {
      throw invalid('The contract has no such lot', [
        { path: 'body.lotNumber', message: 'not a lot of the contract', code: 'unknown_lot' },
      ]);
    }
  } else if (h.lotNumber !== null) {
    throw invalid('A lot belongs to a contract', [
      { path: 'body.lotNumber', message: 'needs a contract', code: 'contract_required' },
    ]);
  }
  if (h.programmeId) await assertProgramme(scope, h.programmeId);
  if (h.costItemId) await assertCostItems(scope, h.programmeId, [{ id: h.costItemId, path: 'body.costItemId' }]);
}

async function checkLines(scope: Scope, lines: readonly OrderLineInput[], programmeId: string | null) {
  await assertModels(
    scope,
    lines.flatMap((l, i) => (l.modelId ? [{ id: l.modelId, path: `body.lines.${i}.modelId` }] : [])),
  );
  await assertSchools(
    scope,
    lines.flatMap((l, i) => (l.schoolId ? [{ id: l.schoolId, path: `body.lines.${i}.schoolId` }] : [])),
  );
  await assertCostItems(
    scope,
    programmeId,
    lines.flatMap((l, i) => (l.costItemId ? [{ id: l.costItemId, path: `body.lines.${i}.costItemId` }] : [])),
  );
}

async function writeLines(scope: Scope, orderId: string, lines: readonly OrderLineInput[]) {
  await scope.tx.delete(purchaseOrderLines).where(eq(purchaseOrderLines.orderId, orderId));
  if (!lines.length) return;
  await scope.tx.insert(purchaseOrderLines).values(
    lines.map((l, i) => ({
      organisationId: scope.organisationId,
      orderId,
      position: i + 1,
      modelId: l.modelId ?? null,
      description: l.description,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      vatRateBp: l.vatRateBp ?? 2000,
      htCents: l.quantity * l.unitPriceCents,
      schoolId: l.schoolId ?? null,
      costItemId: l.costItemId ?? null,
    })),
  );
}

function checkLineAmounts(lines: readonly OrderLineInput[]) {
  const problems: InvalidField[] = [];
  for (const [i, l] of lines.entries()) {
    if (!Number.isSafeInteger(l.quantity * l.unitPriceCents))
      problems.push({ path: `body.lines.${i}.unitPriceCents`, message: 'line total too large', code: 'too_large' });
  }
  if (problems.length)
    throw new AppError('FUNDING_AMOUNTS_INVALID', 'The amounts are out of range', { fields: problems });
}

type LineAgg = { orderId: string; ht: number; vat: number; quantity: number; received: number; invoiced: number };

async function orderAggregates(scope: Scope, orderIds: readonly string[]): Promise<Map<string, LineAgg>> {
  const out = new Map<string, LineAgg>();
  if (!orderIds.length) return out;
  const found = await rows<{
    order_id: string;
    ht: string;
    vat: string;
    quantity: string;
    received: string;
    invoiced: string;
  }>(
    scope.tx,
    sql`SELECT l.order_id,
               coalesce(sum(l.ht_cents), 0)::text AS ht,
               coalesce(sum(round(l.ht_cents::numeric * l.vat_rate_bp / 10000)), 0)::text AS vat,
               coalesce(sum(l.quantity), 0)::text AS quantity,
               coalesce(sum(l.received_quantity), 0)::text AS received,
               coalesce(sum((SELECT coalesce(sum(il.ht_cents), 0) FROM invoice_lines il WHERE il.order_line_id = l.id)), 0)::text AS invoiced
          FROM purchase_order_lines l
         WHERE l.order_id IN (${sql.join(
           orderIds.map((id) => sql`${id}`),
           sql`, `,
         )})
         GROUP BY l.order_id`,
  );
  for (const r of found) {
    out.set(r.order_id, {
      orderId: r.order_id,
      ht: Number(r.ht),
      vat: Number(r.vat),
      quantity: Number(r.quantity),
      received: Number(r.received),
      invoiced: Number(r.invoiced),
    });
  }
  return out;
}

/** Invoices touching these orders: by their header, or by a line linked to one of the orders' lines. */
async function invoiceIdsOfOrders(scope: Scope, orderIds: readonly string[]) {
  const out = new Map<string, Set<string>>();
  if (!orderIds.length) return out;
  const list = sql.join(
    orderIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const found = await rows<{ order_id: string; invoice_id: string }>(
    scope.tx,
    sql`SELECT order_id, id AS invoice_id FROM invoices WHERE order_id IN (${list})
        UNION
        SELECT l.order_id, il.invoice_id FROM invoice_lines il JOIN purchase_order_lines l ON l.id = il.order_line_id
         WHERE l.order_id IN (${list})`,
  );
  for (const r of found) out.set(r.order_id, (out.get(r.order_id) ?? new Set()).add(r.invoice_id));
  return out;
}

const orderColumns = {
  o: purchaseOrders,
  supplierName: suppliers.name,
  contractReference: contracts.reference,
};

function presentOrderSummary(
  r: { o: OrderRow; supplierName: string; contractReference: string | null },
  agg: LineAgg | undefined,
  hasDiscrepancies: boolean,
) {
  const o = r.o;
  const ht = agg?.ht ?? 0;
  const vat = agg?.vat ?? 0;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    supplierId: o.supplierId,
    supplierName: r.supplierName,
    contractId: o.contractId,
    contractReference: r.contractReference,
    lotNumber: o.lotNumber,
    programmeId: o.programmeId,
    costItemId: o.costItemId,
    orderedOn: o.orderedOn,
    expectedOn: o.expectedOn,
    notes: o.notes,
    generated: o.generated,
    version: o.version,
    htCents: ht,
    vatCents: vat,
    ttcCents: ht + vat,
    quantity: agg?.quantity ?? 0,
    receivedQuantity: agg?.received ?? 0,
    invoicedHtCents: agg?.invoiced ?? 0,
    hasDiscrepancies,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export async function findOrders(scope: Scope, query: OrderQuery) {
  const where = and(
    eq(purchaseOrders.organisationId, scope.organisationId),
    query.status ? eq(purchaseOrders.status, query.status) : undefined,
    query.supplierId ? eq(purchaseOrders.supplierId, query.supplierId) : undefined,
    query.programmeId ? eq(purchaseOrders.programmeId, query.programmeId) : undefined,
    query.contractId ? eq(purchaseOrders.contractId, query.contractId) : undefined,
    query.q ? ilike(purchaseOrders.number, likePattern(query.q)) : undefined,
  );
  const [{ total } = { total: 0 }] = await scope.tx.select({ total: count() }).from(purchaseOrders).where(where);
  const found = await scope.tx
    .select(orderColumns)
    .from(purchaseOrders)
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
    .leftJoin(contracts, eq(contracts.id, purchaseOrders.contractId))
    .where(where)
    .orderBy(desc(purchaseOrders.orderedOn), desc(purchaseOrders.number), asc(purchaseOrders.id))
    .limit(query.limit)
    .offset(query.offset);
  const ids = found.map((f) => f.o.id);
  const aggs = await orderAggregates(scope, ids);
  const invoiceIds = await invoiceIdsOfOrders(scope, ids);
  const flagged = await discrepanciesOf(scope, [...new Set([...invoiceIds.values()].flatMap((s) => [...s]))]);
  return {
    total,
    items: found.map((f) =>
      presentOrderSummary(
        f,
        aggs.get(f.o.id),
        [...(invoiceIds.get(f.o.id) ?? [])].some((i) => (flagged.get(i) ?? []).length > 0),
      ),
    ),
  };
}

export async function orderLinesOf(scope: Scope, orderId: string) {
  const found = await scope.tx
    .select({ l: purchaseOrderLines, modelName: assetModels.name, schoolName: schools.name })
    .from(purchaseOrderLines)
    .leftJoin(assetModels, eq(assetModels.id, purchaseOrderLines.modelId))
    .leftJoin(schools, eq(schools.id, purchaseOrderLines.schoolId))
    .where(eq(purchaseOrderLines.orderId, orderId))
    .orderBy(asc(purchaseOrderLines.position), asc(purchaseOrderLines.id));
  const invoiced = found.length
    ? await rows<{ order_line_id: string; q: string }>(
        scope.tx,
        sql`SELECT order_line_id, sum(quantity)::text AS q FROM invoice_lines
             WHERE order_line_id IN (${sql.join(
               found.map((f) => sql`${f.l.id}`),
               sql`, `,
             )}) GROUP BY order_line_id`,
      )
    : [];
  const byLine = new Map(invoiced.map((r) => [r.order_line_id, Number(r.q)]));
  return found.map(({ l, modelName, schoolName }) => ({
    id: l.id,
    position: l.position,
    modelId: l.modelId,
    modelName,
    description: l.description,
    quantity: l.quantity,
    unitPriceCents: l.unitPriceCents,
    vatRateBp: l.vatRateBp,
    htCents: l.htCents,
    vatCents: vatOf(l.htCents, l.vatRateBp),
    schoolId: l.schoolId,
    schoolName,
    costItemId: l.costItemId,
    receivedQuantity: l.receivedQuantity,
    invoicedQuantity: byLine.get(l.id) ?? 0,
  }));
}

export async function getOrder(scope: Scope, id: string) {
  const [found] = await scope.tx
    .select(orderColumns)
    .from(purchaseOrders)
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
    .leftJoin(contracts, eq(contracts.id, purchaseOrders.contractId))
    .where(and(eq(purchaseOrders.id, id), eq(purchaseOrders.organisationId, scope.organisationId)));
  if (!found) throw notFound('Order');
  const lines = await orderLinesOf(scope, id);
  const invoiceIds = [...((await invoiceIdsOfOrders(scope, [id])).get(id) ?? [])];
  const linked = invoiceIds.length
    ? await scope.tx
        .select()
        .from(invoices)
        .where(inArray(invoices.id, invoiceIds))
        .orderBy(asc(invoices.invoiceDate), asc(invoices.number))
    : [];
  const discrepancies = [...(await discrepanciesOf(scope, invoiceIds)).values()].flat();
  const delivered = await deliveriesOf(scope, id);
  const status = found.o.status;
  const placed = status === 'ordered' || status === 'partly_received' || status === 'received';
  return {
    ...presentOrderSummary(found, (await orderAggregates(scope, [id])).get(id), discrepancies.length > 0),
    lines,
    deliveries: delivered,
    invoices: linked.map((i) => ({
      id: i.id,
      number: i.number,
      invoiceDate: i.invoiceDate,
      htCents: i.htCents,
      ttcCents: i.ttcCents,
      paidOn: i.paidOn,
    })),
    discrepancies,
    actions: {
      editLines: status === 'draft',
      place: status === 'draft' && lines.length > 0,
      cancel: (status === 'draft' || status === 'ordered') && !delivered.length && !linked.length,
      delete: status === 'draft',
      receive: placed && lines.some((l) => l.receivedQuantity < l.quantity),
      invoice: placed,
    },
  };
}

export async function createOrder(
  scope: Scope,
  input: CreateOrderInput,
  options: { generated?: boolean; audit?: boolean } = {},
) {
  const header: OrderHeader = {
    supplierId: input.supplierId,
    contractId: input.contractId ?? null,
    lotNumber: input.lotNumber ?? null,
    programmeId: input.programmeId ?? null,
    costItemId: input.costItemId ?? null,
  };
  await checkOrderHeader(scope, header);
  const lines = input.lines ?? [];
  checkLineAmounts(lines);
  await checkLines(scope, lines, header.programmeId);
  await assertOrderNumberFree(scope, input.number);
  const [row] = await scope.tx
    .insert(purchaseOrders)
    .values({
      ...header,
      organisationId: scope.organisationId,
      number: input.number,
      orderedOn: input.orderedOn,
      expectedOn: input.expectedOn ?? null,
      notes: input.notes ?? '',
      generated: options.generated ?? false,
      createdBy: scope.userId,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await writeLines(scope, row.id, lines);
  const after = await getOrder(scope, row.id);
  if (options.audit !== false) {
    await recordAudit(scope, {
      action: 'procurement.order_created',
      entityType: 'purchase_order',
      entityId: row.id,
      after,
    });
  }
  return after;
}

/** Fields a placed order keeps editable (the rest, and the lines, only while draft). */
const EDITABLE_PLACED = new Set(['notes', 'expectedOn', 'contractId', 'lotNumber', 'programmeId', 'costItemId']);

export async function updateOrder(scope: Scope, id: string, input: UpdateOrderInput) {
  const current = await orderRow(scope, id, true);
  assertOrderState(current, ['draft', 'ordered', 'partly_received', 'received'], 'edit it');
  if (current.status !== 'draft') {
    const locked = Object.entries(input)
      .filter(([k, v]) => v !== undefined && !EDITABLE_PLACED.has(k))
      .map(([k]) => k);
    if (locked.length) {
      throw new AppError(
        'ORDER_INVALID_STATE',
        `Order ${current.number} is ${current.status}: ${locked.join(', ')} can only change while draft`,
        {
          fields: locked.map((k) => ({ path: `body.${k}`, message: 'only while draft', code: 'draft_only' })),
        },
      );
    }
  }
  const header: OrderHeader = {
    supplierId: input.supplierId ?? current.supplierId,
    contractId: input.contractId !== undefined ? input.contractId : current.contractId,
    lotNumber: input.lotNumber !== undefined ? input.lotNumber : current.lotNumber,
    programmeId: input.programmeId !== undefined ? input.programmeId : current.programmeId,
    costItemId: input.costItemId !== undefined ? input.costItemId : current.costItemId,
  };
  // A cleared programme clears the default cost item.
  if (input.programmeId === null && input.costItemId === undefined) header.costItemId = null;
  await checkOrderHeader(scope, header);
  if (input.lines) {
    checkLineAmounts(input.lines);
    await checkLines(scope, input.lines, header.programmeId);
  } else if (header.programmeId !== current.programmeId) {
    // The lines' cost items must still belong to the programme.
    const kept = await scope.tx
      .select({ id: purchaseOrderLines.costItemId, position: purchaseOrderLines.position })
      .from(purchaseOrderLines)
      .where(and(eq(purchaseOrderLines.orderId, id), sql`${purchaseOrderLines.costItemId} IS NOT NULL`));
    await assertCostItems(
      scope,
      header.programmeId,
      kept.map((k) => ({ id: k.id as string, path: `body.programmeId` })),
    );
  }
  if (input.number && input.number !== current.number) await assertOrderNumberFree(scope, input.number, id);
  const before = await getOrder(scope, id);
  await scope.tx
    .update(purchaseOrders)
    .set({
      ...header,
      ...defined({
        number: input.number,
        orderedOn: input.orderedOn,
        expectedOn: input.expectedOn,
        notes: input.notes,
      }),
      version: current.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(purchaseOrders.id, id));
  if (input.lines) await writeLines(scope, id, input.lines);
  const after = await getOrder(scope, id);
  await recordAudit(scope, {
    action: 'procurement.order_updated',
    entityType: 'purchase_order',
    entityId: id,
    before,
    after,
  });
  return after;
}

async function setStatus(scope: Scope, order: OrderRow, status: OrderStatus, action: string) {
  await scope.tx
    .update(purchaseOrders)
    .set({ status, version: order.version + 1, updatedAt: new Date() })
    .where(eq(purchaseOrders.id, order.id));
  await recordAudit(scope, {
    action,
    entityType: 'purchase_order',
    entityId: order.id,
    before: { status: order.status, version: order.version },
    after: { status, version: order.version + 1 },
  });
  return getOrder(scope, order.id);
}

/** draft → ordered; an order without lines is refused. */
export async function placeOrder(scope: Scope, id: string) {
  const order = await orderRow(scope, id, true);
  assertOrderState(order, ['draft'], 'place it');
  const [lines] = await scope.tx
    .select({ n: count() })
    .from(purchaseOrderLines)
    .where(eq(purchaseOrderLines.orderId, id));
  if (!lines?.n) {
    throw invalid('An order needs at least one line', [{ path: 'body.lines', message: 'no line', code: 'no_lines' }]);
  }
  return setStatus(scope, order, 'ordered', 'procurement.order_placed');
}

/** draft or ordered → cancelled; never once something was received or invoiced. */
export async function cancelOrder(scope: Scope, id: string) {
  const order = await orderRow(scope, id, true);
  assertOrderState(order, ['draft', 'ordered'], 'cancel it');
  const [delivered] = await scope.tx.select({ n: count() }).from(deliveries).where(eq(deliveries.orderId, id));
  if (delivered?.n) throw new AppError('ORDER_INVALID_STATE', `Order ${order.number} has deliveries: cannot cancel it`);
  const [invoiced] = await rows<{ n: number }>(
    scope.tx,
    sql`SELECT count(*)::int AS n FROM invoices i WHERE i.order_id = ${id}
           OR EXISTS (SELECT 1 FROM invoice_lines il JOIN purchase_order_lines l ON l.id = il.order_line_id
                       WHERE il.invoice_id = i.id AND l.order_id = ${id})`,
  );
  if (invoiced?.n) throw new AppError('ORDER_INVALID_STATE', `Order ${order.number} is invoiced: cannot cancel it`);
  return setStatus(scope, order, 'cancelled', 'procurement.order_cancelled');
}

/** Only a draft order can be deleted (its lines go with it). */
export async function deleteOrder(scope: Scope, id: string) {
  const order = await orderRow(scope, id, true);
  assertOrderState(order, ['draft'], 'delete it');
  const before = await getOrder(scope, id);
  await scope.tx.delete(purchaseOrders).where(eq(purchaseOrders.id, id));
  await recordAudit(scope, { action: 'procurement.order_deleted', entityType: 'purchase_order', entityId: id, before });
}
