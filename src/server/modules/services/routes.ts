import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { actorOf } from '../../http/auth.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import type { Actor } from '../auth/actor.ts';
import { scopeOf } from '../auth/actor.ts';
import {
  CreateServiceSchema,
  CreateSubscriptionSchema,
  IdParams,
  ServiceQuerySchema,
  ServiceSchema,
  SubscriptionQuerySchema,
  SubscriptionSchema,
  UpdateServiceSchema,
  UpdateSubscriptionSchema,
} from './schema.ts';
import {
  createService,
  createSubscription,
  deleteService,
  deleteSubscription,
  findServices,
  findSubscriptions,
  getService,
  getSubscription,
  updateService,
  updateSubscription,
} from './service.ts';

const tags = ['services'];
const read = { permission: 'services.read' } as const;
const manage = { permission: 'services.manage' } as const;

/**
 * The digital services catalogue and the schools' subscriptions (issue #8
 * point 4). Transport only. Reads need `services.read` (school-scoped roles:
 * their schools' subscriptions only), writes `services.manage`.
 */
export function serviceRoutes(app: App, { db }: AppDeps) {
  const inOrg = <T>(request: FastifyRequest, fn: (scope: Scope, actor: Actor) => Promise<T>) => {
    const actor = actorOf(request);
    return db.withOrg(scopeOf(actor, request.id), (scope) => fn(scope, actor));
  };

  // Catalogue
  app.get(
    '/api/services',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The digital services catalogue, by name, with the number of active subscriptions (archived: ?includeArchived=true)',
        querystring: ServiceQuerySchema,
        response: { 200: z.array(ServiceSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => findServices(scope, actor, request.query)),
  );
  app.post(
    '/api/services',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a service to the catalogue (409 CONFLICT: name already used, whatever the case)',
        body: CreateServiceSchema,
        response: { 201: ServiceSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope, actor) => createService(scope, actor, request.body))),
  );
  app.get(
    '/api/services/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One service of the catalogue',
        params: IdParams,
        response: { 200: ServiceSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => getService(scope, actor, request.params.id)),
  );
  app.patch(
    '/api/services/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit or archive a service (archived: true)',
        params: IdParams,
        body: UpdateServiceSchema,
        response: { 200: ServiceSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => updateService(scope, actor, request.params.id, request.body)),
  );
  app.delete(
    '/api/services/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a service no school ever subscribed to (SERVICE_IN_USE otherwise: archive it)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope, actor) => deleteService(scope, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // Subscriptions
  app.get(
    '/api/subscriptions',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Schools’ subscriptions (filters: school, service, kind, activeOn, status), with their status against activeOn or today',
        querystring: SubscriptionQuerySchema,
        response: { 200: z.array(SubscriptionSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => findSubscriptions(scope, actor, request.query)),
  );
  app.post(
    '/api/subscriptions',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Subscribe a school to a service (400 naming the field: unknown school, service or contract, end before start)',
        body: CreateSubscriptionSchema,
        response: { 201: SubscriptionSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope, actor) => createSubscription(scope, actor, request.body))),
  );
  app.get(
    '/api/subscriptions/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One subscription (404 for a school out of reach)',
        params: IdParams,
        response: { 200: SubscriptionSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => getSubscription(scope, actor, request.params.id)),
  );
  app.patch(
    '/api/subscriptions/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a subscription; end it by setting endsOn (its last day)',
        params: IdParams,
        body: UpdateSubscriptionSchema,
        response: { 200: SubscriptionSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      inOrg(request, (scope, actor) => updateSubscription(scope, actor, request.params.id, request.body)),
  );
  app.delete(
    '/api/subscriptions/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a subscription recorded by mistake (to stop one, set its end date)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope, actor) => deleteSubscription(scope, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );
}
