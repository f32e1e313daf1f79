import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../../shared/permissions.ts';
import type { Scope } from '../../db/connection.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import { findDeliveries, receiveDelivery } from './deliveries.ts';
import {
  allocateInvoice,
  createInvoice,
  deleteInvoice,
  findInvoices,
  getInvoice,
  setInvoiceFile,
  updateInvoice,
} from './invoices.ts';
import {
  AllocateSchema,
  ContractQuerySchema,
  ContractSchema,
  CreateContractSchema,
  CreateDeliverySchema,
  CreateInvoiceSchema,
  CreateOrderSchema,
  DeliverySchema,
  IdParams,
  InvoiceFileSchema,
  InvoiceListSchema,
  InvoiceQuerySchema,
  InvoiceSchema,
  OrderListSchema,
  OrderQuerySchema,
  OrderSchema,
  UpdateContractSchema,
  UpdateInvoiceSchema,
  UpdateOrderSchema,
} from './schema.ts';
import {
  cancelOrder,
  createContract,
  createOrder,
  deleteContract,
  deleteOrder,
  findContracts,
  findOrders,
  getContract,
  getOrder,
  placeOrder,
  updateContract,
  updateOrder,
} from './service.ts';

const tags = ['procurement'];
const read = { permission: 'funding.read' } as const;
const manage = { permission: 'funding.manage' } as const;

/**
 * Contracts, purchase orders, deliveries, invoices and their allocation to a
 * programme (issue #6 point 3). Transport only. Reads need `funding.read`,
 * writes `funding.manage`; orders can also be read, and deliveries
 * received, with `inventory.manage` (the technicians who unpack the boxes).
 */
export function procurementRoutes(app: App, { db }: AppDeps) {
  const inOrg = <T>(request: FastifyRequest, fn: (scope: Scope) => Promise<T>) =>
    db.withOrg(scopeOf(actorOf(request), request.id), fn);
  /** Orders and deliveries: read with `funding.read`, or by those who receive them (`inventory.manage`). */
  const receiver = (request: FastifyRequest, permission: 'funding.read' | 'funding.manage') => {
    const actor = actorOf(request);
    if (!can(actor.roles, permission) && !can(actor.roles, 'inventory.manage')) {
      throw new AppError('FORBIDDEN', `Missing permission ${permission} or inventory.manage`);
    }
    return actor;
  };

  // Contracts
  app.get(
    '/api/procurement/contracts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Contracts (marchés) with the amount ordered against each vs its ceiling',
        querystring: ContractQuerySchema,
        response: { 200: z.array(ContractSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => findContracts(scope, request.query)),
  );
  app.post(
    '/api/procurement/contracts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a contract (409: reference already used)',
        body: CreateContractSchema,
        response: { 201: ContractSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope) => createContract(scope, request.body))),
  );
  app.get(
    '/api/procurement/contracts/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One contract',
        params: IdParams,
        response: { 200: ContractSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => getContract(scope, request.params.id)),
  );
  app.patch(
    '/api/procurement/contracts/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a contract',
        params: IdParams,
        body: UpdateContractSchema,
        response: { 200: ContractSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => updateContract(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/procurement/contracts/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a contract without orders',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteContract(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // Purchase orders
  app.get(
    '/api/procurement/orders',
    {
      schema: {
        tags,
        summary:
          'Purchase orders, latest first (filters: status, supplier, programme, contract, number); funding.read or inventory.manage',
        querystring: OrderQuerySchema,
        response: { 200: OrderListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      receiver(request, 'funding.read');
      return inOrg(request, (scope) => findOrders(scope, request.query));
    },
  );
  app.post(
    '/api/procurement/orders',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a draft order with its lines',
        body: CreateOrderSchema,
        response: { 201: OrderSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await inOrg(request, (scope) => createOrder(scope, request.body))),
  );
  app.get(
    '/api/procurement/orders/:id',
    {
      schema: {
        tags,
        summary:
          'One order: lines with received and invoiced quantities, deliveries, invoices, discrepancies; funding.read or inventory.manage',
        params: IdParams,
        response: { 200: OrderSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      receiver(request, 'funding.read');
      return inOrg(request, (scope) => getOrder(scope, request.params.id));
    },
  );
  app.patch(
    '/api/procurement/orders/:id',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Edit an order (lines, number, supplier and date only while draft: ORDER_INVALID_STATE otherwise; `lines` replaces them)',
        params: IdParams,
        body: UpdateOrderSchema,
        response: { 200: OrderSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => updateOrder(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/procurement/orders/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a draft order (ORDER_INVALID_STATE otherwise)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteOrder(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/procurement/orders/:id/place',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Place a draft order (draft → ordered)',
        params: IdParams,
        response: { 200: OrderSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => placeOrder(scope, request.params.id)),
  );
  app.post(
    '/api/procurement/orders/:id/cancel',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Cancel an order (draft or ordered; never once delivered or invoiced)',
        params: IdParams,
        response: { 200: OrderSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => cancelOrder(scope, request.params.id)),
  );

  // Deliveries
  app.get(
    '/api/procurement/orders/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Deliveries of an order, with the assets each created; funding.read or inventory.manage',
        params: IdParams,
        response: { 200: z.array(DeliverySchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      receiver(request, 'funding.read');
      return inOrg(request, (scope) => findDeliveries(scope, request.params.id));
    },
  );
  app.post(
    '/api/procurement/orders/:id/deliveries',
    {
      schema: {
        tags,
        summary:
          'Receive a delivery (funding.manage or inventory.manage): lines with a catalogue model create assets in stock. DELIVERY_OVER_ORDERED, DELIVERY_SERIALS_INVALID; all or nothing',
        params: IdParams,
        body: CreateDeliverySchema,
        response: { 201: DeliverySchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = receiver(request, 'funding.manage');
      const delivery = await inOrg(request, (scope) => receiveDelivery(scope, actor, request.params.id, request.body));
      return reply.code(201).send(delivery);
    },
  );

  // Invoices
  app.get(
    '/api/procurement/invoices',
    {
      config: read,
      schema: {
        tags,
        summary: 'Invoices, latest first (filters: supplier, order, paid, number), with a discrepancy flag',
        querystring: InvoiceQuerySchema,
        response: { 200: InvoiceListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => findInvoices(scope, request.query)),
  );
  app.post(
    '/api/procurement/invoices',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Record an invoice and its lines (FUNDING_AMOUNTS_INVALID: HT + VAT ≠ TTC or the lines do not add up to the header)',
        body: CreateInvoiceSchema,
        response: { 201: InvoiceSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await inOrg(request, (scope) => createInvoice(scope, request.body))),
  );
  app.get(
    '/api/procurement/invoices/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One invoice: lines with their allocation (expense line), discrepancies with the order',
        params: IdParams,
        response: { 200: InvoiceSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => getInvoice(scope, request.params.id)),
  );
  app.patch(
    '/api/procurement/invoices/:id',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Edit an invoice (payment date and mandate number go to its expense lines; once allocated nothing else but the notes changes)',
        params: IdParams,
        body: UpdateInvoiceSchema,
        response: { 200: InvoiceSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => updateInvoice(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/procurement/invoices/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete an invoice (409 CONFLICT when an expense line comes from it)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteInvoice(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/procurement/invoices/:id/file',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Set the invoice’s PDF: a PDF attached to this invoice (POST /api/procurement/invoices/{id}/attachments), or null',
        params: IdParams,
        body: InvoiceFileSchema,
        response: { 200: InvoiceSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => setInvoiceFile(scope, request.params.id, request.body.fileId)),
  );
  app.post(
    '/api/procurement/invoices/:id/allocate',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Make expense lines of a programme from invoice lines (one per invoice line: INVOICE_LINE_TAKEN); `by_assets` splits the HT over the schools of the delivered assets',
        params: IdParams,
        body: AllocateSchema,
        response: { 201: InvoiceSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope) => allocateInvoice(scope, request.params.id, request.body))),
  );
}
