import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { withRawUploads } from '../../http/upload.ts';
import type { Actor } from '../auth/actor.ts';
import { scopeOf } from '../auth/actor.ts';
import { ACCEPTED_TYPES, contentDisposition } from '../files/rules.ts';
import { attachFile, deleteFile, findFiles, getFile, pathOf } from '../files/service.ts';
import { trainedTeachersReport } from './indicators.ts';
import {
  AttendanceSchema,
  CandidateQuerySchema,
  CandidateSchema,
  CreateRegistrationSchema,
  CreateSessionSchema,
  FeedbackInputSchema,
  FileIdParams,
  IdParams,
  MaterialFileSchema,
  RegistrationSchema,
  SessionDetailSchema,
  SessionQuerySchema,
  SessionSchema,
  TrainedQuerySchema,
  TrainedReportSchema,
  UpdateSessionSchema,
  UploadQuerySchema,
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
  registrationCandidates,
  updateSession,
  visibleSession,
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
export function trainingRoutes(app: App, { db, config }: AppDeps) {
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
        summary:
          'Delete a session recorded by mistake, with its files (TRAINING_INVALID_STATE with registrations: cancel it)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const unlinks = await inOrg(request, async (scope, actor) => {
        await deleteSession(scope, actor, request.params.id);
        // Its materials' files go with it (bytes removed once the transaction committed).
        const attached = await findFiles(scope, { type: 'training_session', id: request.params.id });
        const out: (() => void)[] = [];
        for (const f of attached) out.push(await deleteFile(scope, config, f.id));
        return out;
      });
      for (const unlink of unlinks) unlink();
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
  app.get(
    '/api/training/sessions/:id/candidates',
    {
      config: register,
      schema: {
        tags,
        summary:
          'Accounts one may register to the session: active staff fitting its audience, of its school (or the actor’s schools), not registered yet; name and schools only (at most 20)',
        params: IdParams,
        querystring: CandidateQuerySchema,
        response: { 200: z.array(CandidateSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      inOrg(request, (scope, actor) => registrationCandidates(scope, actor, request.params.id, request.query.q)),
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

  // Materials as files (slides, handouts): the files module stores them (type sniffed, size limit);
  // they follow the session's visibility, and downloads are attachments with nosniff.
  const FILE_ENTITY = 'training_session';
  const sessionFile = async (scope: Scope, actor: Actor, fileId: string) => {
    const file = await getFile(scope, fileId);
    if (file.entityType !== FILE_ENTITY) throw notFound('File');
    await visibleSession(scope, actor, file.entityId);
    return file;
  };
  withRawUploads(
    app,
    (scoped) => {
      scoped.post(
        '/api/training/sessions/:id/files',
        {
          config: manage,
          bodyLimit: config.uploads.maxBytes,
          schema: {
            tags,
            summary:
              'Attach a material to a session: a PDF or an image (JPEG, PNG, WebP), the type read from the content',
            params: IdParams,
            querystring: UploadQuerySchema,
            consumes: [...ACCEPTED_TYPES, 'application/octet-stream'],
            body: z.any().meta({ description: 'the file', type: 'string', format: 'binary' }),
            response: { 201: MaterialFileSchema, ...problems(400, 401, 403, 404, 413, 415) },
          },
        },
        async (request, reply) => {
          if (!Buffer.isBuffer(request.body))
            throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body');
          const body = new Uint8Array(request.body);
          const created = await inOrg(request, async (scope, actor) => {
            await visibleSession(scope, actor, request.params.id);
            return attachFile(scope, config, { type: FILE_ENTITY, id: request.params.id }, body, request.query.name);
          });
          return reply.code(201).send(created);
        },
      );
    },
    [...ACCEPTED_TYPES, 'application/octet-stream', 'image/gif', 'text/html', 'text/plain', 'image/svg+xml'],
  );
  app.get(
    '/api/training/sessions/:id/files',
    {
      config: read,
      schema: {
        tags,
        summary: 'Files attached to a session (materials)',
        params: IdParams,
        response: { 200: z.array(MaterialFileSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      inOrg(request, async (scope, actor) => {
        await visibleSession(scope, actor, request.params.id);
        return findFiles(scope, { type: FILE_ENTITY, id: request.params.id });
      }),
  );
  app.get(
    '/api/training/files/:fileId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Download a session’s material (always as an attachment, never inline)',
        params: FileIdParams,
        produces: [...ACCEPTED_TYPES],
        response: { 200: z.string().meta({ description: 'the file' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await inOrg(request, (scope, actor) => sessionFile(scope, actor, request.params.fileId));
      const bytes = fs.readFileSync(pathOf(config, file.organisationId, file.id));
      reply
        .header('content-disposition', contentDisposition(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .type(file.mime);
      return reply.send(bytes as never);
    },
  );
  app.delete(
    '/api/training/files/:fileId',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a session’s material',
        params: FileIdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const unlink = await inOrg(request, async (scope, actor) => {
        await sessionFile(scope, actor, request.params.fileId);
        return deleteFile(scope, config, request.params.fileId);
      });
      unlink();
      return reply.code(204).send(null);
    },
  );
}
