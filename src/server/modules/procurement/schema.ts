import { z } from 'zod';
import { ELIGIBILITIES } from '../../db/schema/funding.ts';
import { CONTRACT_PROCEDURES, ORDER_STATUSES } from '../../db/schema/procurement.ts';

/**
 * Procurement inputs and outputs (issue #6 point 3): contracts, purchase
 * orders, deliveries, invoices, allocation of invoice lines to a programme.
 * Every input is `.strict()`. Amounts are integer cents HT, VAT rates basis
 * points (2000 = 20 %). Shapes are checked here; the rules spanning fields
 * (lines adding up to the invoice, states, quantities) are checked by the
 * service and answered with their own codes, each naming the field.
 */

const IsoDate = z.iso.date({ error: 'invalid_date' });
const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Bp = z.number().int().min(0).max(10_000);
const text = (max: number) => z.string().trim().max(max);
const Int = z.number().int();

export { CONTRACT_PROCEDURES, ORDER_STATUSES };
export const ProcedureSchema = z.enum(CONTRACT_PROCEDURES).meta({ id: 'ContractProcedure' });
export const OrderStatusSchema = z.enum(ORDER_STATUSES).meta({ id: 'PurchaseOrderStatus' });

export const IdParams = z.object({ id: z.uuid() });

// Contracts (marchés) ----------------------------------------------------------

export const ContractLotSchema = z
  .object({ number: z.number().int().min(1).max(999), label: text(300).min(1) })
  .strict()
  .meta({ id: 'ContractLot' });

const contractFields = {
  reference: text(100).min(1),
  title: text(300).min(1),
  procedure: ProcedureSchema,
  notifiedOn: IsoDate.nullable().optional(),
  startsOn: IsoDate.nullable().optional(),
  endsOn: IsoDate.nullable().optional(),
  /** Lot numbers are unique within the contract. */
  lots: z.array(ContractLotSchema).max(100).optional(),
  /** Maximum amount HT (null: no ceiling). */
  ceilingCents: Cents.nullable().optional(),
  /** Bought through the UGAP central purchasing body. */
  ugap: z.boolean().optional(),
  /** The holder (titulaire). */
  supplierId: z.uuid().nullable().optional(),
  notes: text(10_000).optional(),
};
export const CreateContractSchema = z.object(contractFields).strict().meta({ id: 'CreateContractInput' });
export type CreateContractInput = z.infer<typeof CreateContractSchema>;
export const UpdateContractSchema = z.object(contractFields).partial().strict().meta({ id: 'UpdateContractInput' });
export type UpdateContractInput = z.infer<typeof UpdateContractSchema>;

export const ContractSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    procedure: ProcedureSchema,
    notifiedOn: z.string().nullable(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    lots: z.array(z.object({ number: Int, label: z.string() })),
    ceilingCents: Int.nullable(),
    ugap: z.boolean(),
    supplierId: z.uuid().nullable(),
    supplierName: z.string().nullable(),
    notes: z.string(),
    generated: z.boolean(),
    /** HT of the placed orders (ordered, partly received, received) against the contract. */
    orderedCents: Int,
    /** HT of the draft orders against the contract. */
    draftCents: Int,
    /** Placed orders' HT above the ceiling (never refused: reported). */
    overCeiling: z.boolean(),
    orderCount: Int,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contract' });

export const ContractQuerySchema = z.object({ q: z.string().trim().max(100).optional() }).strict();

// Purchase orders ---------------------------------------------------------------

export const OrderLineInputSchema = z
  .object({
    /** Catalogue model: receiving the line creates assets. Absent: a service or works line. */
    modelId: z.uuid().nullable().optional(),
    description: text(1000).min(1),
    quantity: z.number().int().min(1).max(1_000_000),
    unitPriceCents: Cents,
    vatRateBp: Bp.optional(),
    /** Destination school. */
    schoolId: z.uuid().nullable().optional(),
    /** A cost item of the order's programme. */
    costItemId: z.uuid().nullable().optional(),
  })
  .strict()
  .meta({ id: 'NewPurchaseOrderLine' });
export type OrderLineInput = z.infer<typeof OrderLineInputSchema>;

const orderFields = {
  number: text(50).min(1),
  supplierId: z.uuid(),
  contractId: z.uuid().nullable().optional(),
  lotNumber: z.number().int().min(1).max(999).nullable().optional(),
  programmeId: z.uuid().nullable().optional(),
  /** Default cost item (of the programme). */
  costItemId: z.uuid().nullable().optional(),
  orderedOn: IsoDate,
  expectedOn: IsoDate.nullable().optional(),
  notes: text(10_000).optional(),
  /** Replaces the lines on update (draft orders only). */
  lines: z.array(OrderLineInputSchema).max(500).optional(),
};
export const CreateOrderSchema = z.object(orderFields).strict().meta({ id: 'CreatePurchaseOrderInput' });
export type CreateOrderInput = z.infer<typeof CreateOrderSchema>;
export const UpdateOrderSchema = z.object(orderFields).partial().strict().meta({ id: 'UpdatePurchaseOrderInput' });
export type UpdateOrderInput = z.infer<typeof UpdateOrderSchema>;

export const OrderQuerySchema = z
  .object({
    status: OrderStatusSchema.optional(),
    supplierId: z.uuid().optional(),
    programmeId: z.uuid().optional(),
    contractId: z.uuid().optional(),
    /** Part of the order number. */
    q: z.string().trim().max(50).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type OrderQuery = z.infer<typeof OrderQuerySchema>;

export const DiscrepancySchema = z
  .object({
    /**
     * `quantity_over_received`, `quantity_over_ordered` (the order line's quantity invoiced up to this invoice line,
     * in invoice date order: the invoice going beyond is flagged),
     * `unit_price` (differs from the order's), `header_total`, `header_vat` (lines do not add up to the header).
     */
    kind: z.enum(['quantity_over_received', 'quantity_over_ordered', 'unit_price', 'header_total', 'header_vat']),
    invoiceId: z.uuid(),
    invoiceLineId: z.uuid().nullable(),
    orderLineId: z.uuid().nullable(),
    expected: Int,
    actual: Int,
  })
  .meta({ id: 'InvoiceDiscrepancy' });

export const OrderLineSchema = z
  .object({
    id: z.uuid(),
    position: Int,
    modelId: z.uuid().nullable(),
    modelName: z.string().nullable(),
    description: z.string(),
    quantity: Int,
    unitPriceCents: Int,
    vatRateBp: Int,
    htCents: Int,
    /** HT × rate, rounded half up. */
    vatCents: Int,
    schoolId: z.uuid().nullable(),
    schoolName: z.string().nullable(),
    costItemId: z.uuid().nullable(),
    receivedQuantity: Int,
    /** Over all the invoices. */
    invoicedQuantity: Int,
  })
  .meta({ id: 'PurchaseOrderLine' });

const orderSummaryShape = {
  id: z.uuid(),
  number: z.string(),
  status: OrderStatusSchema,
  supplierId: z.uuid(),
  supplierName: z.string(),
  contractId: z.uuid().nullable(),
  contractReference: z.string().nullable(),
  lotNumber: Int.nullable(),
  programmeId: z.uuid().nullable(),
  costItemId: z.uuid().nullable(),
  orderedOn: z.string(),
  expectedOn: z.string().nullable(),
  notes: z.string(),
  generated: z.boolean(),
  version: Int,
  htCents: Int,
  vatCents: Int,
  ttcCents: Int,
  quantity: Int,
  receivedQuantity: Int,
  invoicedHtCents: Int,
  hasDiscrepancies: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const OrderSummarySchema = z.object(orderSummaryShape).meta({ id: 'PurchaseOrderSummary' });
export const OrderListSchema = z
  .object({ items: z.array(OrderSummarySchema), total: Int })
  .meta({ id: 'PurchaseOrderList' });

export const DeliveredAssetSchema = z
  .object({ id: z.uuid(), tag: z.string(), serial: z.string().nullable(), orderLineId: z.uuid() })
  .meta({ id: 'DeliveredAsset' });

export const DeliverySchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    receivedOn: z.string(),
    noteRef: z.string().nullable(),
    stockLocationId: z.uuid().nullable(),
    stockLocationName: z.string().nullable(),
    receivedBy: z.uuid().nullable(),
    receivedByName: z.string().nullable(),
    createdAt: z.string(),
    lines: z.array(z.object({ orderLineId: z.uuid(), quantity: Int })),
    assets: z.array(DeliveredAssetSchema),
  })
  .meta({ id: 'Delivery' });

export const OrderInvoiceRefSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  invoiceDate: z.string(),
  htCents: Int,
  ttcCents: Int,
  paidOn: z.string().nullable(),
});

export const OrderSchema = z
  .object({
    ...orderSummaryShape,
    lines: z.array(OrderLineSchema),
    deliveries: z.array(DeliverySchema),
    invoices: z.array(OrderInvoiceRefSchema),
    discrepancies: z.array(DiscrepancySchema),
    /** What the order's state allows (the actor's permissions aside). */
    actions: z.object({
      editLines: z.boolean(),
      place: z.boolean(),
      cancel: z.boolean(),
      delete: z.boolean(),
      receive: z.boolean(),
      invoice: z.boolean(),
    }),
  })
  .meta({ id: 'PurchaseOrder' });

// Deliveries ------------------------------------------------------------------------

export const CreateDeliverySchema = z
  .object({
    receivedOn: IsoDate,
    /** The supplier's delivery note (bon de livraison). */
    noteRef: text(100).nullable().optional(),
    /** Where the received assets are stored. */
    stockLocationId: z.uuid().nullable().optional(),
    lines: z
      .array(
        z
          .object({
            orderLineId: z.uuid(),
            quantity: z.number().int().min(1).max(100_000),
            /** Exactly `quantity` distinct serials, when given (lines with a model only). */
            serials: z.array(z.string().max(100)).max(100_000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict()
  .meta({ id: 'CreateDeliveryInput' });
export type CreateDeliveryInput = z.infer<typeof CreateDeliverySchema>;

// Invoices ---------------------------------------------------------------------------

export const InvoiceLineInputSchema = z
  .object({
    orderLineId: z.uuid().nullable().optional(),
    description: text(1000).min(1),
    quantity: z.number().int().min(1).max(1_000_000),
    unitPriceCents: Cents,
    vatRateBp: Bp,
    /** Default: HT × rate, rounded half up. Give it when the invoice rounds VAT otherwise. */
    vatCents: Cents.optional(),
  })
  .strict()
  .meta({ id: 'NewInvoiceLine' });
export type InvoiceLineInput = z.infer<typeof InvoiceLineInputSchema>;

const invoiceFields = {
  supplierId: z.uuid(),
  orderId: z.uuid().nullable().optional(),
  number: text(100).min(1),
  invoiceDate: IsoDate,
  htCents: Cents,
  vatCents: Cents,
  ttcCents: Cents,
  paidOn: IsoDate.nullable().optional(),
  /** Mandat de paiement number. */
  mandateNumber: text(100).nullable().optional(),
  notes: text(10_000).optional(),
  /** Replaces the lines on update (not once a line is allocated). */
  lines: z.array(InvoiceLineInputSchema).min(1).max(500),
};
export const CreateInvoiceSchema = z.object(invoiceFields).strict().meta({ id: 'CreateInvoiceInput' });
export type CreateInvoiceInput = z.infer<typeof CreateInvoiceSchema>;
export const UpdateInvoiceSchema = z.object(invoiceFields).partial().strict().meta({ id: 'UpdateInvoiceInput' });
export type UpdateInvoiceInput = z.infer<typeof UpdateInvoiceSchema>;

export const InvoiceFileSchema = z.object({ fileId: z.uuid().nullable() }).strict().meta({ id: 'SetInvoiceFileInput' });

export const InvoiceQuerySchema = z
  .object({
    supplierId: z.uuid().optional(),
    orderId: z.uuid().optional(),
    paid: z.enum(['yes', 'no']).optional(),
    /** Part of the invoice number. */
    q: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type InvoiceQuery = z.infer<typeof InvoiceQuerySchema>;

const invoiceSummaryShape = {
  id: z.uuid(),
  supplierId: z.uuid(),
  supplierName: z.string(),
  supplierSiret: z.string(),
  orderId: z.uuid().nullable(),
  orderNumber: z.string().nullable(),
  number: z.string(),
  invoiceDate: z.string(),
  htCents: Int,
  vatCents: Int,
  ttcCents: Int,
  paidOn: z.string().nullable(),
  mandateNumber: z.string().nullable(),
  fileId: z.uuid().nullable(),
  notes: z.string(),
  generated: z.boolean(),
  lineCount: Int,
  /** Lines made into expense lines. */
  allocatedLines: Int,
  hasDiscrepancies: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const InvoiceSummarySchema = z.object(invoiceSummaryShape).meta({ id: 'InvoiceSummary' });
export const InvoiceListSchema = z
  .object({ items: z.array(InvoiceSummarySchema), total: Int })
  .meta({ id: 'InvoiceList' });

export const InvoiceLineSchema = z
  .object({
    id: z.uuid(),
    position: Int,
    orderLineId: z.uuid().nullable(),
    description: z.string(),
    quantity: Int,
    unitPriceCents: Int,
    vatRateBp: Int,
    htCents: Int,
    vatCents: Int,
    /** The expense line made from it (allocation), if any. */
    expenseLineId: z.uuid().nullable(),
    programmeId: z.uuid().nullable(),
    costItemId: z.uuid().nullable(),
  })
  .meta({ id: 'InvoiceLine' });

export const InvoiceSchema = z
  .object({
    ...invoiceSummaryShape,
    lines: z.array(InvoiceLineSchema),
    discrepancies: z.array(DiscrepancySchema),
  })
  .meta({ id: 'Invoice' });

// Allocation -------------------------------------------------------------------------

const SchoolSplitSchema = z.object({ schoolId: z.uuid(), amountCents: Cents }).strict();

export const AllocateSchema = z
  .object({
    programmeId: z.uuid(),
    lines: z
      .array(
        z
          .object({
            invoiceLineId: z.uuid(),
            costItemId: z.uuid(),
            eligibility: z.enum(ELIGIBILITIES).optional(),
            eligibleCents: Cents.nullable().optional(),
            eligibilityReason: text(1000).nullable().optional(),
            /**
             * `by_assets`: the HT split over the current schools of the assets delivered for the linked
             * order line (largest remainder), else the order line's destination school; or an explicit split.
             */
            schools: z.union([z.literal('by_assets'), z.array(SchoolSplitSchema).max(500)]).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict()
  .meta({ id: 'AllocateInvoiceInput' });
export type AllocateInput = z.infer<typeof AllocateSchema>;
