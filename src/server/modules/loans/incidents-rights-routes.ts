import fs from 'node:fs';
import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import { pathOf } from '../files/service.ts';
import {
  activateLocation,
  CreateIncidentSchema,
  createIncident,
  findIncidents,
  IncidentSchema,
  UpdateIncidentSchema,
  updateIncident,
} from './incidents.ts';
import {
  eraseHousehold,
  exportHousehold,
  HouseholdErasedSchema,
  HouseholdExportSchema,
  householdExportPdf,
} from './rights.ts';

const tags = ['loans'];
const IdParams = z.object({ id: z.uuid() });
const IncidentParams = z.object({ id: z.uuid(), incidentId: z.uuid() });

/** Incidents of a loan, and the rights of a household over its data (export, erasure). */
export function loanIncidentAndRightsRoutes(app: App, { db, config }: AppDeps) {
  app.get(
    '/api/loans/:id/incidents',
    {
      config: { permission: 'loans.read' },
      schema: {
        tags,
        summary: 'Incidents of a loan (notes for the roles that see the household)',
        params: IdParams,
        response: { 200: z.array(IncidentSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findIncidents(scope, actor, request.params.id));
    },
  );

  app.post(
    '/api/loans/:id/incidents',
    {
      config: { permission: 'loans.incidents' },
      schema: {
        tags,
        summary:
          'Declare a damage, loss or theft (police report reference required for a theft); a loss or theft marks the device lost / stolen',
        params: IdParams,
        body: CreateIncidentSchema,
        response: { 201: IncidentSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        createIncident(scope, actor, request.params.id, request.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/loans/:id/incidents/:incidentId',
    {
      config: { permission: 'loans.incidents' },
      schema: {
        tags,
        summary:
          'Record the outcome (repaired, replaced, written off, paid by insurance, found) and the date settled, or change notes',
        params: IncidentParams,
        body: UpdateIncidentSchema,
        response: { 200: IncidentSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        updateIncident(scope, actor, request.params.id, request.params.incidentId, request.body),
      );
    },
  );

  app.post(
    '/api/loans/:id/incidents/:incidentId/location-activation',
    {
      config: { permission: 'loans.location' },
      schema: {
        tags,
        summary:
          'Record that the device’s location was switched on in the MDM — only for a declared, unsettled loss or theft (logged)',
        params: IncidentParams,
        response: { 200: IncidentSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        activateLocation(scope, actor, request.params.id, request.params.incidentId),
      );
    },
  );

  app.get(
    '/api/loans/households/:id/export',
    {
      config: { permission: 'loans.rights' },
      schema: {
        tags,
        summary: 'Everything held about a household (right of access), as JSON; the export is audited',
        params: IdParams,
        response: { 200: HouseholdExportSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const data = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        exportHousehold(scope, actor, request.params.id, 'json'),
      );
      reply.header('content-disposition', `attachment; filename="donnees-${data.household.pseudonym}.json"`);
      return data;
    },
  );

  app.get(
    '/api/loans/households/:id/export.pdf',
    {
      config: { permission: 'loans.rights' },
      schema: {
        tags,
        summary: 'Everything held about a household (right of access), as PDF; the export is audited',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ description: 'PDF' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const data = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        exportHousehold(scope, actor, request.params.id, 'pdf'),
      );
      const pdf = await householdExportPdf(data);
      reply
        .header('content-disposition', `attachment; filename="donnees-${data.household.pseudonym}.pdf"`)
        .type('application/pdf');
      return reply.send(Buffer.from(pdf) as never);
    },
  );

  app.delete(
    '/api/loans/households/:id',
    {
      config: { permission: 'loans.rights' },
      schema: {
        tags,
        summary:
          'Erase a household’s personal data on request (refused while a loan is open); the pseudonym and the device history stay',
        params: IdParams,
        response: { 200: HouseholdErasedSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { result, fileIds } = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        eraseHousehold(scope, actor, request.params.id),
      );
      // Committed: the conventions' bytes go too.
      for (const id of fileIds) fs.rmSync(pathOf(config, actor.organisationId, id), { force: true });
      return result;
    },
  );
}
