import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { actorOf } from '../../http/auth.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import {
  CreateWebhookEndpointSchema,
  IdParams,
  UpdateWebhookEndpointSchema,
  WebhookCatalogueSchema,
  WebhookDeliveryQuerySchema,
  WebhookDeliverySchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookSecretSchema,
} from './schema.ts';
import {
  createEndpoint,
  deleteEndpoint,
  findDeliveries,
  findEndpoints,
  getDelivery,
  getEndpoint,
  queueDeliveries,
  redeliver,
  rotateSecret,
  updateEndpoint,
  webhookCatalogue,
} from './service.ts';

const tags = ['webhooks'];
const manage = { permission: 'webhooks.manage' } as const;

/**
 * Outbound webhooks (issue #11 point 2). Transport only; admins only
 * (`webhooks.manage`). Payload, signature and retries: module README.
 */
export function webhookRoutes(app: App, { db, config, secrets, jobs }: AppDeps) {
  const inOrg = <T>(request: FastifyRequest, fn: (scope: Scope) => Promise<T>) =>
    db.withOrg(scopeOf(actorOf(request), request.id), fn);

  app.get(
    '/api/webhooks/catalogue',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The events an endpoint can subscribe to',
        response: { 200: WebhookCatalogueSchema, ...problems(401, 403) },
      },
    },
    async () => webhookCatalogue(),
  );
  app.get(
    '/api/webhooks/endpoints',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Webhook endpoints of the organisation, with delivery counts',
        response: { 200: z.array(WebhookEndpointSchema), ...problems(401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => findEndpoints(scope)),
  );
  app.post(
    '/api/webhooks/endpoints',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Register an endpoint; the answer carries its signing secret, shown this once',
        body: CreateWebhookEndpointSchema,
        response: { 201: WebhookEndpointWithSecretSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope) => createEndpoint(scope, { config, secrets }, request.body))),
  );
  app.get(
    '/api/webhooks/endpoints/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'One webhook endpoint',
        params: IdParams,
        response: { 200: WebhookEndpointSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => getEndpoint(scope, request.params.id)),
  );
  app.patch(
    '/api/webhooks/endpoints/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change an endpoint (URL, events, personal data, enabled: enabling again resets the failure count)',
        params: IdParams,
        body: UpdateWebhookEndpointSchema,
        response: { 200: WebhookEndpointSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const updated = await inOrg(request, (scope) => updateEndpoint(scope, config, request.params.id, request.body));
      return updated;
    },
  );
  app.delete(
    '/api/webhooks/endpoints/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete an endpoint and its delivery log',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteEndpoint(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/webhooks/endpoints/:id/secret',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Replace the signing secret (shown this once); the old one stops signing at once',
        params: IdParams,
        response: { 200: WebhookSecretSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => rotateSecret(scope, secrets, request.params.id)),
  );
  app.get(
    '/api/webhooks/endpoints/:id/deliveries',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delivery log of an endpoint, newest first, each with its attempts (status code, duration, error)',
        params: IdParams,
        querystring: WebhookDeliveryQuerySchema,
        response: { 200: z.array(WebhookDeliverySchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => findDeliveries(scope, request.params.id, request.query)),
  );
  app.get(
    '/api/webhooks/deliveries/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'One delivery with its attempts',
        params: IdParams,
        response: { 200: WebhookDeliverySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => getDelivery(scope, request.params.id)),
  );
  app.post(
    '/api/webhooks/deliveries/:id/redeliver',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Send a delivery again now, with a fresh retry schedule (the endpoint must be enabled)',
        params: IdParams,
        response: { 202: WebhookDeliverySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const delivery = await inOrg(request, (scope) => redeliver(scope, request.params.id));
      // After commit; without a job runner here, the dispatcher of a process running jobs picks it up.
      await queueDeliveries(jobs?.boss ?? null, actor.organisationId, [delivery.id]);
      return reply.code(202).send(delivery);
    },
  );
}
