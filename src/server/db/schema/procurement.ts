import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { files, organisations, users } from './core.ts';

/**
 * Procurement (migration 0015; issue #6 point 3): contracts (marchés),
 * purchase orders and their lines, deliveries, invoices and their lines.
 * Money in integer cents HT (bigint read as numbers), VAT rates in basis
 * points (2000 = 20 %). The composite foreign keys that keep links inside
 * one organisation, and the CHECKs (line HT = quantity × unit price,
 * HT + VAT = TTC, received ≤ ordered), are in the migration. Assets created
 * by a delivery carry `order_line_id` and `delivery_id` (inventory schema).
 */

export const CONTRACT_PROCEDURES = [
  'appel_offres_ouvert',
  'appel_offres_restreint',
  'procedure_adaptee',
  'procedure_negociee',
  'accord_cadre',
  'marche_subsequent',
  'ugap',
  'sans_publicite',
  'other',
] as const;
export const ORDER_STATUSES = ['draft', 'ordered', 'partly_received', 'received', 'cancelled'] as const;

const cents = (name: string) => bigint(name, { mode: 'number' });
const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export type ContractLot = { number: number; label: string };

export const contracts = pgTable('contracts', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  /** The holder (titulaire); null for a framework not yet awarded. */
  supplierId: uuid('supplier_id'),
  reference: text('reference').notNull(),
  title: text('title').notNull(),
  procedure: text('procedure').$type<(typeof CONTRACT_PROCEDURES)[number]>().notNull(),
  notifiedOn: date('notified_on', { mode: 'string' }),
  startsOn: date('starts_on', { mode: 'string' }),
  endsOn: date('ends_on', { mode: 'string' }),
  lots: jsonb('lots').$type<ContractLot[]>().notNull().default([]),
  /** Maximum amount HT of the contract (null: no ceiling). */
  ceilingCents: cents('ceiling_cents'),
  /** Bought through the UGAP central purchasing body (no tender of our own). */
  ugap: boolean('ugap').notNull().default(false),
  notes: text('notes').notNull().default(''),
  generated: boolean('generated').notNull().default(false),
  ...timestamps,
});

export const purchaseOrders = pgTable('purchase_orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  number: text('number').notNull(),
  supplierId: uuid('supplier_id').notNull(),
  contractId: uuid('contract_id'),
  lotNumber: integer('lot_number'),
  programmeId: uuid('programme_id'),
  /** Default cost item of the lines (of `programme_id`). */
  costItemId: uuid('cost_item_id'),
  orderedOn: date('ordered_on', { mode: 'string' }).notNull(),
  expectedOn: date('expected_on', { mode: 'string' }),
  status: text('status').$type<(typeof ORDER_STATUSES)[number]>().notNull().default('draft'),
  notes: text('notes').notNull().default(''),
  generated: boolean('generated').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

export const purchaseOrderLines = pgTable('purchase_order_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  orderId: uuid('order_id').notNull(),
  position: integer('position').notNull().default(0),
  /** Catalogue model: receiving the line creates assets of this model. Null for services and works. */
  modelId: uuid('model_id'),
  description: text('description').notNull(),
  quantity: integer('quantity').notNull(),
  unitPriceCents: cents('unit_price_cents').notNull(),
  vatRateBp: integer('vat_rate_bp').notNull().default(2000),
  /** quantity × unit price (CHECK). */
  htCents: cents('ht_cents').notNull(),
  /** Destination school (assets received go to stock for it). */
  schoolId: uuid('school_id'),
  costItemId: uuid('cost_item_id'),
  receivedQuantity: integer('received_quantity').notNull().default(0),
});

export const deliveries = pgTable('deliveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  orderId: uuid('order_id').notNull(),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  /** The supplier's delivery note (bon de livraison). */
  noteRef: text('note_ref'),
  stockLocationId: uuid('stock_location_id'),
  receivedBy: uuid('received_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const deliveryLines = pgTable(
  'delivery_lines',
  {
    organisationId: uuid('organisation_id').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    orderLineId: uuid('order_line_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ name: 'delivery_lines_pk', columns: [t.deliveryId, t.orderLineId] })],
);

export const invoices = pgTable('invoices', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  supplierId: uuid('supplier_id').notNull(),
  orderId: uuid('order_id'),
  number: text('number').notNull(),
  invoiceDate: date('invoice_date', { mode: 'string' }).notNull(),
  htCents: cents('ht_cents').notNull(),
  vatCents: cents('vat_cents').notNull(),
  ttcCents: cents('ttc_cents').notNull(),
  paidOn: date('paid_on', { mode: 'string' }),
  /** Mandat de paiement number from the finance software. */
  mandateNumber: text('mandate_number'),
  /** The invoice's PDF (files module, entity type `invoice`). */
  fileId: uuid('file_id').references(() => files.id),
  notes: text('notes').notNull().default(''),
  generated: boolean('generated').notNull().default(false),
  ...timestamps,
});

export const invoiceLines = pgTable('invoice_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  invoiceId: uuid('invoice_id').notNull(),
  position: integer('position').notNull().default(0),
  orderLineId: uuid('order_line_id'),
  description: text('description').notNull(),
  quantity: integer('quantity').notNull(),
  unitPriceCents: cents('unit_price_cents').notNull(),
  vatRateBp: integer('vat_rate_bp').notNull().default(2000),
  htCents: cents('ht_cents').notNull(),
  vatCents: cents('vat_cents').notNull(),
});
