import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { actorOf } from '../../http/auth.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import type { Actor } from '../auth/actor.ts';
import { scopeOf } from '../auth/actor.ts';
import { trainedTeachersReport } from './indicators.ts';
import {
  AttendanceSchema,
  CreateRegistrationSchema,
  CreateSessionSchema,
  FeedbackInputSchema,
  IdParams,
  RegistrationSchema,
  SessionDetailSchema,
  SessionQuerySchema,
  SessionSchema,
  TrainedQuerySchema,
  TrainedReportSchema,
  UpdateSessionSchema,
} from './schema.ts';
import {
  createRegistration,
  createSession,
  deleteRegistration,
  deleteSession,
  findSessions,
  getSession,
  giveFeedback,
  recordAttendance,
  updateSession,
} from './service.ts';

const tags = ['training'];
const read = { permission: 'training.read' } as const;
const manage = { permission: 'training.manage' } as const;
const register = { permission: 'training.register' } as const;

/**
 * Training, accompagnement (issue #8 point 3). Transport only. Reads need
 * `training.read` (school-scoped roles: their schools' sessions and the
 * open ones), sessions and attendance `training.manage`, registrations
 * `training.register` (school-scoped roles: staff of their schools).
 */
export function trainingRoutes(app: App, { db }: AppDeps) {
  const inOrg = <T>(request: FastifyRequest, fn: (scope: Scope, actor: Actor) => Promise<T>) => {
    const actor = actorOf(request);
    return db.withOrg(scopeOf(actor, request.id), (scope) => fn(scope, actor));
  };

  app.get(
    '/api/training/sessions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Training sessions by start (filters: audience, status, school — open sessions included —, from, to)',
        querystring: SessionQuerySchema,
        response: { 200: z.array(SessionSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => findSessions(scope, actor, request.query)),
  );
  app.post(
    '/api/training/sessions',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Plan a session (400 naming the field: unknown school, room of another school, nowhere to go)',
        body: CreateSessionSchema,
        response: { 201: SessionDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope, actor) => createSession(scope, actor, request.body))),
  );
  app.get(
    '/api/training/sessions/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One session with the registrations the actor may see and the anonymous feedback summary',
        params: IdParams,
        response: { 200: SessionDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => getSession(scope, actor, request.params.id)),
  );
  app.patch(
    '/api/training/sessions/:id',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Edit a session, cancel it (status: cancelled) or plan it again; capacity never below the registrations',
        params: IdParams,
        body: UpdateSessionSchema,
        response: { 200: SessionDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => updateSession(scope, actor, request.params.id, request.body)),
  );
  app.delete(
    '/api/training/sessions/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a session recorded by mistake (TRAINING_INVALID_STATE with registrations: cancel it)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope, actor) => deleteSession(scope, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/training/sessions/:id/registrations',
    {
      config: register,
      schema: {
        tags,
        summary:
          'Register oneself, an account or a named member of staff without one (name + school) — TRAINING_FULL when no seat is left',
        params: IdParams,
        body: CreateRegistrationSchema,
        response: { 201: RegistrationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inOrg(request, (scope, actor) => createRegistration(scope, actor, request.params.id, request.body)),
        ),
  );
  app.delete(
    '/api/training/registrations/:id',
    {
      config: register,
      schema: {
        tags,
        summary: 'Unregister (before the session; managers until it is held)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope, actor) => deleteRegistration(scope, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/training/sessions/:id/attendance',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'After the session: present/absent per registration (staff) or the head count (families, never names); marks it held',
        params: IdParams,
        body: AttendanceSchema,
        response: { 200: SessionDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      inOrg(request, (scope, actor) => recordAttendance(scope, actor, request.params.id, request.body)),
  );
  app.post(
    '/api/training/sessions/:id/feedback',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Anonymous scores 1–5: one by a present attendee with an account, once; any number from paper forms (training.manage)',
        params: IdParams,
        body: FeedbackInputSchema,
        response: { 200: SessionDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => giveFeedback(scope, actor, request.params.id, request.body)),
  );
  app.get(
    '/api/training/teachers-trained',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Teachers trained per school (present at a held teachers’ session within the three school years up to `on`), against one teacher per class',
        querystring: TrainedQuerySchema,
        response: { 200: TrainedReportSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => trainedTeachersReport(scope, actor, request.query)),
  );
}
