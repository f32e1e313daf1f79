import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Scope } from '../../db/connection.ts';
import {
  assets,
  deliveries,
  deliveryLines,
  purchaseOrderLines,
  purchaseOrders,
  stockLocations,
  suppliers,
  users,
} from '../../db/schema.ts';
import { AppError, type InvalidField } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { createAsset } from '../inventory/service.ts';
import type { CreateDeliveryInput } from './schema.ts';
import { assertOrderState, invalid, missing, orderRow } from './service.ts';

/**
 * Receiving an order (issue #6 point 3). One transaction: the order row is
 * locked first, so two deliveries of the same order are serialised and the
 * second one sees what the first received (the last units go once). A line
 * with a catalogue model creates one asset per unit, `in_stock`, through the
 * inventory service (tag from the organisation's pattern, a `created` asset
 * event, the delivery id as the events' batch), linked to the order line and
 * the delivery. Nothing is written unless everything is right.
 */

type DeliveryRow = typeof deliveries.$inferSelect;

export async function deliveriesOf(scope: Scope, orderId: string) {
  const found = await scope.tx
    .select({ d: deliveries, stockLocationName: stockLocations.name, receivedByName: users.displayName })
    .from(deliveries)
    .leftJoin(stockLocations, eq(stockLocations.id, deliveries.stockLocationId))
    .leftJoin(users, eq(users.id, deliveries.receivedBy))
    .where(and(eq(deliveries.orderId, orderId), eq(deliveries.organisationId, scope.organisationId)))
    .orderBy(asc(deliveries.receivedOn), asc(deliveries.createdAt), asc(deliveries.id));
  if (!found.length) return [];
  const ids = found.map((f) => f.d.id);
  const lines = await scope.tx
    .select({
      deliveryId: deliveryLines.deliveryId,
      orderLineId: deliveryLines.orderLineId,
      quantity: deliveryLines.quantity,
      position: purchaseOrderLines.position,
    })
    .from(deliveryLines)
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, deliveryLines.orderLineId))
    .where(inArray(deliveryLines.deliveryId, ids))
    .orderBy(asc(purchaseOrderLines.position));
  const made = await scope.tx
    .select({
      id: assets.id,
      tag: assets.tag,
      serial: assets.serial,
      orderLineId: assets.orderLineId,
      deliveryId: assets.deliveryId,
    })
    .from(assets)
    .where(inArray(assets.deliveryId, ids))
    .orderBy(asc(assets.tag));
  return found.map(({ d, stockLocationName, receivedByName }) =>
    presentDelivery(d, stockLocationName, receivedByName, lines, made),
  );
}

function presentDelivery(
  d: DeliveryRow,
  stockLocationName: string | null,
  receivedByName: string | null,
  lines: { deliveryId: string; orderLineId: string; quantity: number }[],
  made: { id: string; tag: string; serial: string | null; orderLineId: string | null; deliveryId: string | null }[],
) {
  return {
    id: d.id,
    orderId: d.orderId,
    receivedOn: d.receivedOn,
    noteRef: d.noteRef,
    stockLocationId: d.stockLocationId,
    stockLocationName,
    receivedBy: d.receivedBy,
    receivedByName,
    createdAt: d.createdAt.toISOString(),
    lines: lines
      .filter((l) => l.deliveryId === d.id)
      .map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })),
    assets: made
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({ id: a.id, tag: a.tag, serial: a.serial, orderLineId: a.orderLineId as string })),
  };
}

export async function findDeliveries(scope: Scope, orderId: string) {
  await orderRow(scope, orderId);
  return deliveriesOf(scope, orderId);
}

const serialsInvalid = (detail: string, fields: InvalidField[]) =>
  new AppError('DELIVERY_SERIALS_INVALID', detail, { fields });

export async function receiveDelivery(
  scope: Scope,
  actor: Actor | null,
  orderId: string,
  input: CreateDeliveryInput,
  options: { audit?: boolean } = {},
) {
  // The lock serialises deliveries of this order: the lines read below are the latest committed.
  const order = await orderRow(scope, orderId, true);
  // A received order has nothing left: DELIVERY_OVER_ORDERED below, like any quantity beyond what remains.
  assertOrderState(order, ['ordered', 'partly_received', 'received'], 'receive a delivery');
  const lines = await scope.tx
    .select()
    .from(purchaseOrderLines)
    .where(eq(purchaseOrderLines.orderId, orderId))
    .for('update');
  const byId = new Map(lines.map((l) => [l.id, l]));

  const seen = new Set<string>();
  const unknown: InvalidField[] = [];
  const over: InvalidField[] = [];
  for (const [i, dl] of input.lines.entries()) {
    const line = byId.get(dl.orderLineId);
    if (!line) {
      unknown.push({ path: `body.lines.${i}.orderLineId`, message: 'not a line of this order' });
      continue;
    }
    if (seen.has(dl.orderLineId)) {
      throw invalid('A line appears twice', [
        { path: `body.lines.${i}.orderLineId`, message: 'appears twice', code: 'duplicate_line' },
      ]);
    }
    seen.add(dl.orderLineId);
    const remaining = line.quantity - line.receivedQuantity;
    if (dl.quantity > remaining) {
      over.push({
        path: `body.lines.${i}.quantity`,
        message: `line ${line.position}: ${remaining} left to receive`,
        code: 'over_ordered',
      });
    }
  }
  if (unknown.length) throw new AppError('NOT_FOUND', 'Order line not found', { fields: unknown });
  if (over.length)
    throw new AppError('DELIVERY_OVER_ORDERED', 'More received than remains on the order', { fields: over });

  // Serials: exactly `quantity` distinct non-empty values per line, not already used for the model.
  const serialsOf = new Map<number, string[]>();
  const perModel = new Map<string, Map<string, number>>();
  for (const [i, dl] of input.lines.entries()) {
    if (!dl.serials) continue;
    const line = byId.get(dl.orderLineId);
    const path = `body.lines.${i}.serials`;
    if (!line?.modelId)
      throw serialsInvalid(`Line ${line?.position}: no catalogue model, no serials`, [
        { path, message: 'no model', code: 'no_model' },
      ]);
    const serials = dl.serials.map((s) => s.trim());
    if (serials.length !== dl.quantity)
      throw serialsInvalid(`Line ${line.position}: ${dl.quantity} serials expected, ${serials.length} given`, [
        { path, message: `${dl.quantity} expected`, code: 'count' },
      ]);
    if (serials.some((s) => !s))
      throw serialsInvalid(`Line ${line.position}: an empty serial`, [
        { path, message: 'empty serial', code: 'empty' },
      ]);
    const model = perModel.get(line.modelId) ?? new Map<string, number>();
    for (const s of serials) {
      if (model.has(s))
        throw serialsInvalid(`Line ${line.position}: serial ${s} given twice`, [
          { path, message: `${s} twice`, code: 'duplicate' },
        ]);
      model.set(s, i);
    }
    perModel.set(line.modelId, model);
    serialsOf.set(i, serials);
  }
  for (const [modelId, serials] of perModel) {
    const taken = await scope.tx
      .select({ serial: assets.serial })
      .from(assets)
      .where(and(eq(assets.modelId, modelId), inArray(assets.serial, [...serials.keys()])));
    if (taken.length) {
      const first = taken[0]?.serial as string;
      const i = serials.get(first) as number;
      const line = byId.get(input.lines[i]?.orderLineId as string);
      throw serialsInvalid(`Line ${line?.position}: serial ${first} is already registered for this model`, [
        {
          path: `body.lines.${i}.serials`,
          message: `${taken.map((t) => t.serial).join(', ')} already used`,
          code: 'taken',
        },
      ]);
    }
  }

  // Where the assets go: the delivery's stock location, and the line's destination school.
  if (input.stockLocationId) {
    const [stock] = await scope.tx
      .select()
      .from(stockLocations)
      .where(
        and(eq(stockLocations.id, input.stockLocationId), eq(stockLocations.organisationId, scope.organisationId)),
      );
    if (!stock || stock.archived) throw missing('Stock location', 'body.stockLocationId');
    if (stock.schoolId) {
      const elsewhere = input.lines.findIndex((dl) => {
        const school = byId.get(dl.orderLineId)?.schoolId;
        return byId.get(dl.orderLineId)?.modelId && school && school !== stock.schoolId;
      });
      if (elsewhere >= 0) {
        throw invalid('The stock location is another school’s store', [
          { path: 'body.stockLocationId', message: `line for another school`, code: 'stock_location_of_other_school' },
        ]);
      }
    }
  }

  const [delivery] = await scope.tx
    .insert(deliveries)
    .values({
      organisationId: scope.organisationId,
      orderId,
      receivedOn: input.receivedOn,
      noteRef: input.noteRef ?? null,
      stockLocationId: input.stockLocationId ?? null,
      receivedBy: scope.userId,
    })
    .returning();
  if (!delivery) throw new AppError('INTERNAL');
  await scope.tx.insert(deliveryLines).values(
    input.lines.map((dl) => ({
      organisationId: scope.organisationId,
      deliveryId: delivery.id,
      orderLineId: dl.orderLineId,
      quantity: dl.quantity,
    })),
  );
  for (const dl of input.lines) {
    await scope.tx
      .update(purchaseOrderLines)
      .set({ receivedQuantity: sql`${purchaseOrderLines.receivedQuantity} + ${dl.quantity}` })
      .where(eq(purchaseOrderLines.id, dl.orderLineId));
  }

  const [supplier] = await scope.tx
    .select({ name: suppliers.name })
    .from(suppliers)
    .where(eq(suppliers.id, order.supplierId));
  const note = `Delivery ${input.noteRef ?? input.receivedOn} of order ${order.number}`;
  const created: { id: string; tag: string; orderLineId: string }[] = [];
  for (const [i, dl] of input.lines.entries()) {
    const line = byId.get(dl.orderLineId);
    if (!line?.modelId) continue;
    if (!actor) throw new AppError('INTERNAL', 'Receiving equipment needs an actor');
    const serials = serialsOf.get(i);
    const ids: string[] = [];
    for (let k = 0; k < dl.quantity; k++) {
      const asset = await createAsset(
        scope,
        actor,
        {
          modelId: line.modelId,
          status: 'in_stock',
          serial: serials?.[k] ?? null,
          schoolId: line.schoolId,
          stockLocationId: input.stockLocationId ?? null,
          purchaseDate: input.receivedOn,
          purchasePriceCents: line.unitPriceCents,
          supplier: supplier?.name ?? null,
          orderRef: order.number,
        },
        { batchId: delivery.id, note, silent: true },
      ).catch((error: unknown) => {
        // Name the delivery line (e.g. a destination school out of the actor's reach); the transaction rolls back.
        if (error instanceof AppError && error.details.fields) {
          throw new AppError(error.code, `Line ${line.position}: ${error.detail}`, {
            ...error.details,
            fields: error.details.fields.map((f) => ({ ...f, path: f.path.replace(/^body\./, `body.lines.${i}.`) })),
          });
        }
        throw error;
      });
      ids.push(asset.id);
      created.push({ id: asset.id, tag: asset.tag, orderLineId: line.id });
    }
    await scope.tx.update(assets).set({ orderLineId: line.id, deliveryId: delivery.id }).where(inArray(assets.id, ids));
  }

  const after = await scope.tx
    .select({ quantity: purchaseOrderLines.quantity, received: purchaseOrderLines.receivedQuantity })
    .from(purchaseOrderLines)
    .where(eq(purchaseOrderLines.orderId, orderId));
  const status = after.every((l) => l.received >= l.quantity) ? 'received' : 'partly_received';
  await scope.tx
    .update(purchaseOrders)
    .set({ status, version: order.version + 1, updatedAt: new Date() })
    .where(eq(purchaseOrders.id, orderId));
  const [presented] = (await deliveriesOf(scope, orderId)).filter((d) => d.id === delivery.id);
  if (!presented) throw new AppError('INTERNAL');
  if (options.audit !== false) {
    await recordAudit(scope, {
      action: 'procurement.delivery_received',
      entityType: 'purchase_order',
      entityId: orderId,
      before: { status: order.status },
      after: {
        status,
        deliveryId: delivery.id,
        receivedOn: input.receivedOn,
        noteRef: input.noteRef ?? null,
        lines: presented.lines,
        assets: created.map((c) => c.tag),
      },
    });
  }
  return presented;
}
