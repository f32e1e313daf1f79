import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { rows, type Scope } from '../../db/connection.ts';
import {
  assets,
  files,
  fundingExpenseLines,
  invoiceLines,
  invoices,
  purchaseOrderLines,
  purchaseOrders,
  suppliers,
} from '../../db/schema.ts';
import { AppError, type InvalidField, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { spread } from '../funding/rules.ts';
import { createExpenseLine } from '../funding/service.ts';
import { discrepanciesOf } from './discrepancies.ts';
import type {
  AllocateInput,
  CreateInvoiceInput,
  InvoiceLineInput,
  InvoiceQuery,
  UpdateInvoiceInput,
} from './schema.ts';
import { assertOrderState, invalid, likePattern, missing, supplierOf, vatOf } from './service.ts';

/**
 * Invoices, their lines matched to order lines, their PDF, and their
 * allocation to a programme (an expense line per invoice line). The lines
 * must add up to the header (HT and VAT) and HT + VAT = TTC, answered with
 * FUNDING_AMOUNTS_INVALID naming the field; an invoice and its order have
 * the same supplier. Discrepancies with the order are computed on read.
 */

type InvoiceRow = typeof invoices.$inferSelect;

const money = (fields: InvalidField[]) =>
  new AppError('FUNDING_AMOUNTS_INVALID', 'The amounts do not add up', { fields });

async function invoiceRow(scope: Scope, id: string, lock = false): Promise<InvoiceRow> {
  const query = scope.tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.organisationId, scope.organisationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Invoice');
  return row;
}

type Header = { htCents: number; vatCents: number; ttcCents: number };
type PreparedLine = InvoiceLineInput & { htCents: number; vat: number };

/** Line totals, VAT, and the header they must add up to. */
function checkAmounts(header: Header, lines: readonly InvoiceLineInput[]): PreparedLine[] {
  const problems: InvalidField[] = [];
  const prepared = lines.map((l, i) => {
    const htCents = l.quantity * l.unitPriceCents;
    if (!Number.isSafeInteger(htCents))
      problems.push({ path: `body.lines.${i}.unitPriceCents`, message: 'line total too large', code: 'too_large' });
    return { ...l, htCents, vat: l.vatCents ?? vatOf(htCents, l.vatRateBp) };
  });
  if (header.htCents + header.vatCents !== header.ttcCents)
    problems.push({ path: 'body.ttcCents', message: 'HT + VAT must equal TTC', code: 'ht_vat_ttc' });
  const ht = prepared.reduce((s, l) => s + l.htCents, 0);
  if (ht !== header.htCents)
    problems.push({ path: 'body.htCents', message: `the lines add up to ${ht}`, code: 'lines_total' });
  const vat = prepared.reduce((s, l) => s + l.vat, 0);
  if (vat !== header.vatCents)
    problems.push({ path: 'body.vatCents', message: `the lines' VAT adds up to ${vat}`, code: 'lines_vat' });
  if (problems.length) throw money(problems);
  return prepared;
}

/** The order (same supplier, placed) and the order lines (of that order, or of the supplier's orders). */
async function checkLinks(
  scope: Scope,
  supplierId: string,
  orderId: string | null,
  lines: readonly InvoiceLineInput[],
) {
  if (orderId) {
    const [order] = await scope.tx
      .select()
      .from(purchaseOrders)
      .where(and(eq(purchaseOrders.id, orderId), eq(purchaseOrders.organisationId, scope.organisationId)));
    if (!order) throw missing('Order', 'body.orderId');
    if (order.supplierId !== supplierId) {
      throw invalid('The order is another supplier’s', [
        { path: 'body.orderId', message: 'order of another supplier', code: 'order_of_other_supplier' },
      ]);
    }
    assertOrderState(order, ['ordered', 'partly_received', 'received'], 'invoice it');
  }
  const linked = lines.flatMap((l, i) => (l.orderLineId ? [{ id: l.orderLineId, i }] : []));
  if (!linked.length) return;
  const found = await scope.tx
    .select({
      id: purchaseOrderLines.id,
      orderId: purchaseOrders.id,
      supplierId: purchaseOrders.supplierId,
      status: purchaseOrders.status,
      number: purchaseOrders.number,
    })
    .from(purchaseOrderLines)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.orderId))
    .where(
      and(
        inArray(purchaseOrderLines.id, [...new Set(linked.map((l) => l.id))]),
        eq(purchaseOrderLines.organisationId, scope.organisationId),
      ),
    );
  const byId = new Map(found.map((f) => [f.id, f]));
  const unknown = linked.filter((l) => !byId.has(l.id));
  if (unknown.length) {
    throw new AppError('NOT_FOUND', 'Order line not found', {
      fields: unknown.map((l) => ({ path: `body.lines.${l.i}.orderLineId`, message: 'not found' })),
    });
  }
  const problems: InvalidField[] = [];
  for (const l of linked) {
    const f = byId.get(l.id);
    if (!f) continue;
    if (orderId && f.orderId !== orderId)
      problems.push({
        path: `body.lines.${l.i}.orderLineId`,
        message: 'a line of another order',
        code: 'line_of_other_order',
      });
    else if (f.supplierId !== supplierId)
      problems.push({
        path: `body.lines.${l.i}.orderLineId`,
        message: 'order of another supplier',
        code: 'order_of_other_supplier',
      });
  }
  if (problems.length) throw invalid('The invoice lines do not match the order', problems);
  for (const f of found) assertOrderState(f, ['ordered', 'partly_received', 'received'], 'invoice it');
}

async function writeLines(scope: Scope, invoiceId: string, lines: readonly PreparedLine[]) {
  await scope.tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
  await scope.tx.insert(invoiceLines).values(
    lines.map((l, i) => ({
      organisationId: scope.organisationId,
      invoiceId,
      position: i + 1,
      orderLineId: l.orderLineId ?? null,
      description: l.description,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      vatRateBp: l.vatRateBp,
      htCents: l.htCents,
      vatCents: l.vat,
    })),
  );
}

async function assertNumberFree(scope: Scope, supplierId: string, number: string, except?: string) {
  const [dup] = await scope.tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.organisationId, scope.organisationId),
        eq(invoices.supplierId, supplierId),
        eq(invoices.number, number),
      ),
    );
  if (dup && dup.id !== except) {
    throw new AppError('CONFLICT', 'This supplier’s invoice with this number is already recorded', {
      fields: [{ path: 'body.number', message: 'already recorded', code: 'number_taken' }],
    });
  }
}

// Reading -----------------------------------------------------------------------------

const summaryColumns = {
  i: invoices,
  supplierName: suppliers.name,
  supplierSiret: suppliers.siret,
  orderNumber: purchaseOrders.number,
};

async function lineCounts(scope: Scope, ids: readonly string[]) {
  const out = new Map<string, { lines: number; allocated: number }>();
  if (!ids.length) return out;
  const found = await rows<{ invoice_id: string; lines: number; allocated: number }>(
    scope.tx,
    sql`SELECT il.invoice_id, count(*)::int AS lines, count(e.id)::int AS allocated
          FROM invoice_lines il LEFT JOIN funding_expense_lines e ON e.invoice_line_id = il.id
         WHERE il.invoice_id IN (${sql.join(
           ids.map((id) => sql`${id}`),
           sql`, `,
         )})
         GROUP BY il.invoice_id`,
  );
  for (const r of found) out.set(r.invoice_id, { lines: r.lines, allocated: r.allocated });
  return out;
}

function presentSummary(
  r: { i: InvoiceRow; supplierName: string; supplierSiret: string; orderNumber: string | null },
  counts: { lines: number; allocated: number } | undefined,
  hasDiscrepancies: boolean,
) {
  const i = r.i;
  return {
    id: i.id,
    supplierId: i.supplierId,
    supplierName: r.supplierName,
    supplierSiret: r.supplierSiret,
    orderId: i.orderId,
    orderNumber: r.orderNumber,
    number: i.number,
    invoiceDate: i.invoiceDate,
    htCents: i.htCents,
    vatCents: i.vatCents,
    ttcCents: i.ttcCents,
    paidOn: i.paidOn,
    mandateNumber: i.mandateNumber,
    fileId: i.fileId,
    notes: i.notes,
    generated: i.generated,
    lineCount: counts?.lines ?? 0,
    allocatedLines: counts?.allocated ?? 0,
    hasDiscrepancies,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export async function findInvoices(scope: Scope, query: InvoiceQuery) {
  const where = and(
    eq(invoices.organisationId, scope.organisationId),
    query.supplierId ? eq(invoices.supplierId, query.supplierId) : undefined,
    query.orderId ? eq(invoices.orderId, query.orderId) : undefined,
    query.paid === 'yes' ? isNotNull(invoices.paidOn) : query.paid === 'no' ? isNull(invoices.paidOn) : undefined,
    query.q ? ilike(invoices.number, likePattern(query.q)) : undefined,
  );
  const [{ total } = { total: 0 }] = await scope.tx.select({ total: count() }).from(invoices).where(where);
  const found = await scope.tx
    .select(summaryColumns)
    .from(invoices)
    .innerJoin(suppliers, eq(suppliers.id, invoices.supplierId))
    .leftJoin(purchaseOrders, eq(purchaseOrders.id, invoices.orderId))
    .where(where)
    .orderBy(desc(invoices.invoiceDate), desc(invoices.number), asc(invoices.id))
    .limit(query.limit)
    .offset(query.offset);
  const ids = found.map((f) => f.i.id);
  const counts = await lineCounts(scope, ids);
  const flagged = await discrepanciesOf(scope, ids);
  return {
    total,
    items: found.map((f) => presentSummary(f, counts.get(f.i.id), (flagged.get(f.i.id) ?? []).length > 0)),
  };
}

export async function getInvoice(scope: Scope, id: string) {
  const [found] = await scope.tx
    .select(summaryColumns)
    .from(invoices)
    .innerJoin(suppliers, eq(suppliers.id, invoices.supplierId))
    .leftJoin(purchaseOrders, eq(purchaseOrders.id, invoices.orderId))
    .where(and(eq(invoices.id, id), eq(invoices.organisationId, scope.organisationId)));
  if (!found) throw notFound('Invoice');
  const lines = await scope.tx
    .select({
      l: invoiceLines,
      expenseLineId: fundingExpenseLines.id,
      programmeId: fundingExpenseLines.programmeId,
      costItemId: fundingExpenseLines.costItemId,
    })
    .from(invoiceLines)
    .leftJoin(fundingExpenseLines, eq(fundingExpenseLines.invoiceLineId, invoiceLines.id))
    .where(eq(invoiceLines.invoiceId, id))
    .orderBy(asc(invoiceLines.position), asc(invoiceLines.id));
  const discrepancies = (await discrepanciesOf(scope, [id])).get(id) ?? [];
  return {
    ...presentSummary(
      found,
      { lines: lines.length, allocated: lines.filter((l) => l.expenseLineId).length },
      discrepancies.length > 0,
    ),
    lines: lines.map(({ l, expenseLineId, programmeId, costItemId }) => ({
      id: l.id,
      position: l.position,
      orderLineId: l.orderLineId,
      description: l.description,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      vatRateBp: l.vatRateBp,
      htCents: l.htCents,
      vatCents: l.vatCents,
      expenseLineId,
      programmeId,
      costItemId,
    })),
    discrepancies,
  };
}

// Writing -----------------------------------------------------------------------------

export async function createInvoice(
  scope: Scope,
  input: CreateInvoiceInput,
  options: { generated?: boolean; audit?: boolean } = {},
) {
  const prepared = checkAmounts(input, input.lines);
  await supplierOf(scope, input.supplierId);
  await checkLinks(scope, input.supplierId, input.orderId ?? null, input.lines);
  await assertNumberFree(scope, input.supplierId, input.number);
  const [row] = await scope.tx
    .insert(invoices)
    .values({
      organisationId: scope.organisationId,
      supplierId: input.supplierId,
      orderId: input.orderId ?? null,
      number: input.number,
      invoiceDate: input.invoiceDate,
      htCents: input.htCents,
      vatCents: input.vatCents,
      ttcCents: input.ttcCents,
      paidOn: input.paidOn ?? null,
      mandateNumber: input.mandateNumber ?? null,
      notes: input.notes ?? '',
      generated: options.generated ?? false,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await writeLines(scope, row.id, prepared);
  const after = await getInvoice(scope, row.id);
  if (options.audit !== false) {
    await recordAudit(scope, { action: 'procurement.invoice_created', entityType: 'invoice', entityId: row.id, after });
  }
  return after;
}

/** Once a line is allocated, only the payment date, the mandate number and the notes change (propagated to the expense lines). */
const EDITABLE_ALLOCATED = new Set(['paidOn', 'mandateNumber', 'notes']);

export async function updateInvoice(scope: Scope, id: string, input: UpdateInvoiceInput) {
  const current = await invoiceRow(scope, id, true);
  const before = await getInvoice(scope, id);
  if (before.allocatedLines > 0) {
    const locked = Object.entries(input)
      .filter(([k, v]) => v !== undefined && !EDITABLE_ALLOCATED.has(k))
      .map(([k]) => k);
    if (locked.length) {
      throw new AppError(
        'CONFLICT',
        `Invoice ${current.number} is allocated to a programme: ${locked.join(', ')} cannot change`,
        {
          fields: locked.map((k) => ({ path: `body.${k}`, message: 'allocated invoice', code: 'allocated' })),
        },
      );
    }
  }
  const supplierId = input.supplierId ?? current.supplierId;
  const orderId = input.orderId !== undefined ? input.orderId : current.orderId;
  const header = {
    htCents: input.htCents ?? current.htCents,
    vatCents: input.vatCents ?? current.vatCents,
    ttcCents: input.ttcCents ?? current.ttcCents,
  };
  const lines: InvoiceLineInput[] =
    input.lines ??
    before.lines.map((l) => ({
      orderLineId: l.orderLineId,
      description: l.description,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      vatRateBp: l.vatRateBp,
      vatCents: l.vatCents,
    }));
  const prepared = checkAmounts(header, lines);
  if (input.supplierId) await supplierOf(scope, input.supplierId);
  if (input.supplierId !== undefined || input.orderId !== undefined || input.lines) {
    await checkLinks(scope, supplierId, orderId, lines);
  }
  const number = input.number ?? current.number;
  if (number !== current.number || supplierId !== current.supplierId)
    await assertNumberFree(scope, supplierId, number, id);
  const { lines: _lines, ...fields } = input;
  await scope.tx
    .update(invoices)
    .set({
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      updatedAt: new Date(),
    })
    .where(eq(invoices.id, id));
  if (input.lines) await writeLines(scope, id, prepared);
  if (input.paidOn !== undefined || input.mandateNumber !== undefined) {
    await scope.tx
      .update(fundingExpenseLines)
      .set({
        ...(input.paidOn !== undefined ? { paidOn: input.paidOn } : {}),
        ...(input.mandateNumber !== undefined ? { mandateNumber: input.mandateNumber } : {}),
        updatedAt: new Date(),
      })
      .where(eq(fundingExpenseLines.invoiceId, id));
  }
  const after = await getInvoice(scope, id);
  await recordAudit(scope, {
    action: 'procurement.invoice_updated',
    entityType: 'invoice',
    entityId: id,
    before,
    after,
  });
  return after;
}

/** An invoice made into expense lines cannot be deleted (409 CONFLICT): delete the expense lines first. */
export async function deleteInvoice(scope: Scope, id: string) {
  await invoiceRow(scope, id, true);
  const before = await getInvoice(scope, id);
  const [used] = await scope.tx
    .select({ n: count() })
    .from(fundingExpenseLines)
    .where(eq(fundingExpenseLines.invoiceId, id));
  if (used?.n) throw new AppError('CONFLICT', `Invoice ${before.number} is used by ${used.n} expense line(s)`);
  await scope.tx.delete(invoices).where(eq(invoices.id, id));
  await recordAudit(scope, { action: 'procurement.invoice_deleted', entityType: 'invoice', entityId: id, before });
}

/** The invoice's PDF: a file attached to this invoice (files module, entity type `invoice`), or null. */
export async function setInvoiceFile(scope: Scope, id: string, fileId: string | null) {
  const current = await invoiceRow(scope, id, true);
  if (fileId) {
    const [file] = await scope.tx
      .select({ id: files.id, mime: files.mime })
      .from(files)
      .where(and(eq(files.id, fileId), eq(files.entityType, 'invoice'), eq(files.entityId, id)));
    if (!file) throw missing('File attached to this invoice', 'body.fileId');
    if (file.mime !== 'application/pdf') {
      throw invalid('The invoice file is a PDF', [{ path: 'body.fileId', message: 'not a PDF', code: 'not_pdf' }]);
    }
  }
  await scope.tx.update(invoices).set({ fileId, updatedAt: new Date() }).where(eq(invoices.id, id));
  await recordAudit(scope, {
    action: 'procurement.invoice_file_set',
    entityType: 'invoice',
    entityId: id,
    before: { fileId: current.fileId },
    after: { fileId },
  });
  return getInvoice(scope, id);
}

// Allocation ----------------------------------------------------------------------------

/**
 * The HT over the current schools of the assets delivered for the order
 * line, in proportion to their numbers (largest remainder, schools in id
 * order); else the order line's destination school; else no split.
 */
async function splitByAssets(scope: Scope, orderLineId: string | null, htCents: number) {
  if (!orderLineId) return [];
  const found = await scope.tx
    .select({ schoolId: assets.schoolId, n: count() })
    .from(assets)
    .where(and(eq(assets.orderLineId, orderLineId), isNotNull(assets.schoolId)))
    .groupBy(assets.schoolId)
    .orderBy(asc(assets.schoolId));
  if (found.length) {
    const amounts = spread(
      htCents,
      found.map((f) => f.n),
    );
    return found.map((f, i) => ({ schoolId: f.schoolId as string, amountCents: amounts[i] as number }));
  }
  const [line] = await scope.tx
    .select({ schoolId: purchaseOrderLines.schoolId })
    .from(purchaseOrderLines)
    .where(eq(purchaseOrderLines.id, orderLineId));
  return line?.schoolId ? [{ schoolId: line.schoolId, amountCents: htCents }] : [];
}

/** One expense line per invoice line (INVOICE_LINE_TAKEN when it already has one), copying the invoice's facts. */
export async function allocateInvoice(
  scope: Scope,
  id: string,
  input: AllocateInput,
  options: { generated?: boolean; audit?: boolean } = {},
) {
  // The lock serialises allocations of this invoice; the unique key on invoice_line_id is the backstop.
  const invoice = await invoiceRow(scope, id, true);
  const lines = await scope.tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id));
  const byId = new Map(lines.map((l) => [l.id, l]));
  const unknown = input.lines.flatMap((l, i) =>
    byId.has(l.invoiceLineId) ? [] : [{ path: `body.lines.${i}.invoiceLineId`, message: 'not a line of this invoice' }],
  );
  if (unknown.length) throw new AppError('NOT_FOUND', 'Invoice line not found', { fields: unknown });
  const taken = await scope.tx
    .select({ lineId: fundingExpenseLines.invoiceLineId, id: fundingExpenseLines.id })
    .from(fundingExpenseLines)
    .where(
      inArray(
        fundingExpenseLines.invoiceLineId,
        input.lines.map((l) => l.invoiceLineId),
      ),
    );
  const seen = new Set<string>();
  const problems: InvalidField[] = [];
  for (const [i, l] of input.lines.entries()) {
    const t = taken.find((x) => x.lineId === l.invoiceLineId);
    if (t || seen.has(l.invoiceLineId)) {
      problems.push({
        path: `body.lines.${i}.invoiceLineId`,
        message: t ? `already made into expense line ${t.id}` : 'appears twice',
        code: 'taken',
      });
    }
    seen.add(l.invoiceLineId);
  }
  if (problems.length) throw new AppError('INVOICE_LINE_TAKEN', 'Invoice line already allocated', { fields: problems });

  const created: string[] = [];
  for (const [i, a] of input.lines.entries()) {
    const line = byId.get(a.invoiceLineId);
    if (!line) continue;
    const split = a.schools === 'by_assets' ? await splitByAssets(scope, line.orderLineId, line.htCents) : a.schools;
    try {
      const expense = await createExpenseLine(
        scope,
        input.programmeId,
        {
          costItemId: a.costItemId,
          supplierId: invoice.supplierId,
          invoiceNumber: invoice.number,
          invoiceDate: invoice.invoiceDate,
          description: line.description,
          htCents: line.htCents,
          vatCents: line.vatCents,
          ttcCents: line.htCents + line.vatCents,
          paidOn: invoice.paidOn,
          mandateNumber: invoice.mandateNumber,
          eligibility: a.eligibility,
          eligibleCents: a.eligibleCents,
          eligibilityReason: a.eligibilityReason,
          schools: split?.length ? split : undefined,
        },
        { generated: options.generated ?? false, audit: options.audit, invoiceId: id, invoiceLineId: line.id },
      );
      created.push(expense.id);
    } catch (error) {
      // Name the allocation line in the fields the expense-line checks report.
      if (error instanceof AppError && error.details.fields) {
        throw new AppError(error.code, error.detail, {
          ...error.details,
          fields: error.details.fields.map((f) => ({ ...f, path: f.path.replace(/^body\./, `body.lines.${i}.`) })),
        });
      }
      throw error;
    }
  }
  if (options.audit !== false) {
    await recordAudit(scope, {
      action: 'procurement.invoice_allocated',
      entityType: 'invoice',
      entityId: id,
      after: { programmeId: input.programmeId, expenseLineIds: created },
    });
  }
  return getInvoice(scope, id);
}
