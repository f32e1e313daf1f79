import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { actorOf } from '../../http/auth.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import {
  BudgetSchema,
  ConventionSchema,
  CostItemSchema,
  CreateConventionSchema,
  CreateCostItemSchema,
  CreateExpenseLineSchema,
  CreateFunderSchema,
  CreateProgrammeSchema,
  CreateSupplierSchema,
  ExpenseLineListSchema,
  ExpenseLineQuerySchema,
  ExpenseLineSchema,
  FunderSchema,
  IdParams,
  ProgrammeSchema,
  SharesQuerySchema,
  SharesSchema,
  SubscriptionLineSchema,
  SupplierSchema,
  UpdateConventionSchema,
  UpdateCostItemSchema,
  UpdateExpenseLineSchema,
  UpdateFunderSchema,
  UpdateProgrammeSchema,
  UpdateSupplierSchema,
} from './schema.ts';
import {
  createConvention,
  createCostItem,
  createExpenseLine,
  createFunder,
  createProgramme,
  createSupplier,
  deleteConvention,
  deleteCostItem,
  deleteExpenseLine,
  deleteFunder,
  deleteProgramme,
  deleteSupplier,
  findConventions,
  findCostItems,
  findExpenseLines,
  findFunders,
  findProgrammes,
  findSuppliers,
  getExpenseLine,
  getProgramme,
  updateConvention,
  updateCostItem,
  updateExpenseLine,
  updateFunder,
  updateProgramme,
  updateSupplier,
} from './service.ts';
import { programmeBudget, programmeShares } from './shares.ts';
import { createSubscriptionExpenseLine } from './subscriptions.ts';

const tags = ['funding'];
const read = { permission: 'funding.read' } as const;
const manage = { permission: 'funding.manage' } as const;

/** Programme, conventions, suppliers and expense lines (issue #6, stage 1). Transport only. */
export function fundingRoutes(app: App, { db }: AppDeps) {
  const inOrg = <T>(request: FastifyRequest, fn: (scope: Scope) => Promise<T>) =>
    db.withOrg(scopeOf(actorOf(request), request.id), fn);

  // Programmes
  app.get(
    '/api/funding/programmes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Programmes (operations) with their schools in scope',
        response: { 200: z.array(ProgrammeSchema), ...problems(401, 403) },
      },
    },
    async (request) => inOrg(request, findProgrammes),
  );
  app.post(
    '/api/funding/programmes',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a programme',
        body: CreateProgrammeSchema,
        response: { 201: ProgrammeSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope) => createProgramme(scope, request.body))),
  );
  app.get(
    '/api/funding/programmes/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One programme',
        params: IdParams,
        response: { 200: ProgrammeSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => getProgramme(scope, request.params.id)),
  );
  app.patch(
    '/api/funding/programmes/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a programme (schoolIds replaces the schools in scope)',
        params: IdParams,
        body: UpdateProgrammeSchema,
        response: { 200: ProgrammeSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => updateProgramme(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/funding/programmes/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete an empty programme (409 when it has cost items, conventions or lines)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteProgramme(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // Cost items
  app.get(
    '/api/funding/programmes/:id/cost-items',
    {
      config: read,
      schema: {
        tags,
        summary: 'Cost items (postes) of a programme, in order, with their planned budget HT',
        params: IdParams,
        response: { 200: z.array(CostItemSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => findCostItems(scope, request.params.id)),
  );
  app.post(
    '/api/funding/programmes/:id/cost-items',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a cost item to a programme',
        params: IdParams,
        body: CreateCostItemSchema,
        response: { 201: CostItemSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope) => createCostItem(scope, request.params.id, request.body))),
  );
  app.patch(
    '/api/funding/cost-items/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a cost item',
        params: IdParams,
        body: UpdateCostItemSchema,
        response: { 200: CostItemSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => updateCostItem(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/funding/cost-items/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a cost item without expense lines',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteCostItem(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // Funders
  app.get(
    '/api/funding/funders',
    {
      config: read,
      schema: { tags, summary: 'Funders', response: { 200: z.array(FunderSchema), ...problems(401, 403) } },
    },
    async (request) => inOrg(request, findFunders),
  );
  app.post(
    '/api/funding/funders',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a funder',
        body: CreateFunderSchema,
        response: { 201: FunderSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await inOrg(request, (scope) => createFunder(scope, request.body))),
  );
  app.patch(
    '/api/funding/funders/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a funder',
        params: IdParams,
        body: UpdateFunderSchema,
        response: { 200: FunderSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => updateFunder(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/funding/funders/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a funder without conventions',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteFunder(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // Conventions
  app.get(
    '/api/funding/programmes/:id/conventions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Conventions of a programme, in rank order',
        params: IdParams,
        response: { 200: z.array(ConventionSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => findConventions(scope, request.params.id)),
  );
  app.post(
    '/api/funding/programmes/:id/conventions',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Add a funder’s convention (FUNDING_RULE_INVALID: bad rule; FUNDING_OVER_100: the rates together exceed 100 %)',
        params: IdParams,
        body: CreateConventionSchema,
        response: { 201: ConventionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope) => createConvention(scope, request.params.id, request.body))),
  );
  app.patch(
    '/api/funding/conventions/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a convention (same checks as on creation)',
        params: IdParams,
        body: UpdateConventionSchema,
        response: { 200: ConventionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => updateConvention(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/funding/conventions/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a convention',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteConvention(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // Suppliers
  app.get(
    '/api/funding/suppliers',
    {
      config: read,
      schema: { tags, summary: 'Suppliers', response: { 200: z.array(SupplierSchema), ...problems(401, 403) } },
    },
    async (request) => inOrg(request, findSuppliers),
  );
  app.post(
    '/api/funding/suppliers',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a supplier (SIRET_INVALID: wrong format or check digit; 409: SIRET already known)',
        body: CreateSupplierSchema,
        response: { 201: SupplierSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope) => createSupplier(scope, request.body))),
  );
  app.patch(
    '/api/funding/suppliers/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a supplier',
        params: IdParams,
        body: UpdateSupplierSchema,
        response: { 200: SupplierSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => updateSupplier(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/funding/suppliers/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a supplier without expense lines',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteSupplier(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // Expense lines
  app.get(
    '/api/funding/programmes/:id/expense-lines',
    {
      config: read,
      schema: {
        tags,
        summary: 'Expense lines of a programme in statement order (cost item, invoice date, number)',
        params: IdParams,
        querystring: ExpenseLineQuerySchema,
        response: { 200: ExpenseLineListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => findExpenseLines(scope, request.params.id, request.query)),
  );
  app.post(
    '/api/funding/programmes/:id/expense-lines',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record an expense line (FUNDING_AMOUNTS_INVALID: HT + VAT ≠ TTC, eligible amount, school split)',
        params: IdParams,
        body: CreateExpenseLineSchema,
        response: { 201: ExpenseLineSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope) => createExpenseLine(scope, request.params.id, request.body))),
  );
  app.post(
    '/api/funding/programmes/:id/expense-lines/from-subscription',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Declare a service subscription as an expense line: its yearly cost HT prorated to the period’s days (SUBSCRIPTION_PERIOD_TAKEN names a period already declared)',
        params: IdParams,
        body: SubscriptionLineSchema,
        response: { 201: ExpenseLineSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inOrg(request, (scope) => createSubscriptionExpenseLine(scope, request.params.id, request.body))),
  );
  app.get(
    '/api/funding/expense-lines/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One expense line',
        params: IdParams,
        response: { 200: ExpenseLineSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => getExpenseLine(scope, request.params.id)),
  );
  app.patch(
    '/api/funding/expense-lines/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit an expense line, its eligibility or its school split',
        params: IdParams,
        body: UpdateExpenseLineSchema,
        response: { 200: ExpenseLineSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => updateExpenseLine(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/funding/expense-lines/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete an expense line',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteExpenseLine(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // Shares and budget
  app.get(
    '/api/funding/programmes/:id/shares',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Every eligible line’s share per funder (convention rank order) and the owner’s rest, in cents, adding up exactly (lines paged with limit/offset); totals per funder and cost item; own-share and 100 % checks',
        params: IdParams,
        querystring: SharesQuerySchema,
        response: { 200: SharesSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => programmeShares(scope, request.params.id, request.query)),
  );
  app.get(
    '/api/funding/programmes/:id/budget',
    {
      config: read,
      schema: {
        tags,
        summary: 'Planned vs invoiced vs paid vs eligible, per cost item, per funder and per school',
        params: IdParams,
        response: { 200: BudgetSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => programmeBudget(scope, request.params.id)),
  );
}
