import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { withRawUploads } from '../../http/upload.ts';
import { type Actor, scopeOf } from '../auth/actor.ts';
import { ACCEPTED_TYPES, contentDisposition } from '../files/rules.ts';
import { pathOf } from '../files/service.ts';
import { resolveFamilyLink } from '../loans/messages.ts';
import { sendTicketNotices } from './mails.ts';
import {
  AssigneeSchema,
  AssignSchema,
  BreachQuerySchema,
  CommentInputSchema,
  CreateTicketSchema,
  FamilyTicketReceiptSchema,
  FamilyTicketSchema,
  HelpdeskSettingsOutputSchema,
  IdParams,
  ReopenSchema,
  RepairSchema,
  SatisfactionSchema,
  StatusChangeSchema,
  TicketDetailSchema,
  TicketFileParams,
  TicketFileQuerySchema,
  TicketFileSchema,
  TicketListSchema,
  TicketQuerySchema,
  TicketSchema,
  UpdateHelpdeskSettingsSchema,
  UpdateTicketSchema,
} from './schema.ts';
import {
  addComment,
  assignTicket,
  attachTicketFile,
  changeStatus,
  createFamilyTicket,
  createTicket,
  deleteTicketFile,
  findAssignees,
  findBreaches,
  findQueue,
  findTickets,
  getHelpdeskSettings,
  getTicket,
  getTicketFile,
  listTicketFiles,
  type Notice,
  rateTicket,
  reopenTicket,
  returnFromRepair,
  sendToRepair,
  updateHelpdeskSettings,
  updateTicket,
} from './service.ts';

const tags = ['helpdesk'];
const read = { permission: 'helpdesk.read' } as const;
const open = { permission: 'helpdesk.open' } as const;
const manage = { permission: 'helpdesk.manage' } as const;
const TokenParams = z.object({ token: z.string().min(10).max(200) });

/**
 * Helpdesk (issue #8 point 1). Transport only. Reads need `helpdesk.read`
 * (school-scoped roles: their schools' tickets, no internal comments),
 * opening, public comments, reopening and rating `helpdesk.open`,
 * assignment, statuses, repairs, internal comments and the SLA calendar
 * `helpdesk.manage`. Mails go out after the commit.
 */
export function helpdeskRoutes(app: App, { db, config, secrets }: AppDeps) {
  const inOrg = <T>(request: FastifyRequest, fn: (scope: Scope, actor: Actor) => Promise<T>) => {
    const actor = actorOf(request);
    return db.withOrg(scopeOf(actor, request.id), (scope) => fn(scope, actor));
  };
  /** Runs the change, then mails whom it concerns; a mail failure is logged, never reported as the change failing. */
  const withNotices = async <T>(
    request: FastifyRequest,
    fn: (scope: Scope, actor: Actor) => Promise<{ ticket: T; notices: Notice[] }>,
  ): Promise<T> => {
    const { ticket, notices } = await inOrg(request, fn);
    try {
      await sendTicketNotices({ db, config, secrets }, scopeOf(actorOf(request), request.id), notices);
    } catch (error) {
      request.log.error({ err: error }, 'helpdesk mails not sent');
    }
    return ticket;
  };

  app.get(
    '/api/helpdesk/tickets',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Tickets, newest first (filters: status, open, school, priority, category, assignee or none, breached)',
        querystring: TicketQuerySchema,
        response: { 200: TicketListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => findTickets(scope, actor, request.query)),
  );
  app.post(
    '/api/helpdesk/tickets',
    {
      config: open,
      schema: {
        tags,
        summary: 'Open a ticket for one of one’s schools (room and assets of that school); SLA due times computed',
        body: CreateTicketSchema,
        response: { 201: TicketDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope, actor) => createTicket(scope, actor, request.body))),
  );
  app.get(
    '/api/helpdesk/queue',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'My queue: open tickets assigned to me and unassigned ones of my schools, next due first, breaches flagged',
        response: { 200: z.array(TicketSchema), ...problems(401, 403) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => findQueue(scope, actor)),
  );
  app.get(
    '/api/helpdesk/breaches',
    {
      config: read,
      schema: {
        tags,
        summary: 'Tickets past their response or resolution target (open ones; includeClosed for all)',
        querystring: BreachQuerySchema,
        response: { 200: z.array(TicketSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => findBreaches(scope, actor, request.query)),
  );
  app.get(
    '/api/helpdesk/tickets/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One ticket with its comments (internal ones for the helpdesk team only) and linked assets',
        params: IdParams,
        response: { 200: TicketDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => getTicket(scope, actor, request.params.id)),
  );
  app.patch(
    '/api/helpdesk/tickets/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change priority (due times recomputed), category, title or room',
        params: IdParams,
        body: UpdateTicketSchema,
        response: { 200: TicketDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => updateTicket(scope, actor, request.params.id, request.body)),
  );
  app.post(
    '/api/helpdesk/tickets/:id/assign',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Assign to a technician reaching the school (counts as the first response), or unassign (null)',
        params: IdParams,
        body: AssignSchema,
        response: { 200: TicketDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      withNotices(request, (scope, actor) => assignTicket(scope, actor, request.params.id, request.body)),
  );
  app.post(
    '/api/helpdesk/tickets/:id/status',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Move along new → assigned → in_progress → waiting → resolved → closed (HELPDESK_INVALID_TRANSITION otherwise); resolving brings repaired assets back',
        params: IdParams,
        body: StatusChangeSchema,
        response: { 200: TicketDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      withNotices(request, (scope, actor) => changeStatus(scope, actor, request.params.id, request.body)),
  );
  app.post(
    '/api/helpdesk/tickets/:id/comments',
    {
      config: read,
      schema: {
        tags,
        summary: 'Comment publicly (helpdesk.open) or internally (helpdesk.manage); not on a closed ticket',
        params: IdParams,
        body: CommentInputSchema,
        response: { 201: TicketDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await withNotices(request, (scope, actor) => addComment(scope, actor, request.params.id, request.body))),
  );
  app.post(
    '/api/helpdesk/tickets/:id/reopen',
    {
      config: open,
      schema: {
        tags,
        summary: 'Reopen a resolved or closed ticket within the reopen window (HELPDESK_REOPEN_EXPIRED after)',
        params: IdParams,
        body: ReopenSchema,
        response: { 200: TicketDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => reopenTicket(scope, actor, request.params.id, request.body)),
  );
  app.post(
    '/api/helpdesk/tickets/:id/satisfaction',
    {
      config: open,
      schema: {
        tags,
        summary: 'The opener rates the resolution (1–5, once per resolution)',
        params: IdParams,
        body: SatisfactionSchema,
        response: { 200: TicketDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => rateTicket(scope, actor, request.params.id, request.body)),
  );
  app.post(
    '/api/helpdesk/tickets/:id/repair',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Send linked assets of a breakdown ticket to repair (inventory lifecycle); they come back at the resolution',
        params: IdParams,
        body: RepairSchema,
        response: { 200: TicketDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => sendToRepair(scope, actor, request.params.id, request.body)),
  );
  app.post(
    '/api/helpdesk/tickets/:id/repair/return',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Bring assets this ticket sent to repair back to their previous status and place before the resolution (all, or the listed ones)',
        params: IdParams,
        body: RepairSchema,
        response: { 200: TicketDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      inOrg(request, (scope, actor) => returnFromRepair(scope, actor, request.params.id, request.body)),
  );
  app.get(
    '/api/helpdesk/tickets/:id/assignees',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Who can be assigned this ticket: active users with helpdesk.manage reaching its school (the current assignee flagged)',
        params: IdParams,
        response: { 200: z.array(AssigneeSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => findAssignees(scope, actor, request.params.id)),
  );

  // Attachments: the files module stores them (type read from the content, size limited);
  // the ticket's visibility decides who reads them, internal ones for the helpdesk team only.
  withRawUploads(
    app,
    (scoped) => {
      scoped.post(
        '/api/helpdesk/tickets/:id/attachments',
        {
          config: read,
          bodyLimit: config.uploads.maxBytes,
          schema: {
            tags,
            summary:
              'Attach a photo (JPEG, PNG, WebP) or a PDF to a ticket (who may comment; internal=true: helpdesk.manage); the type is read from the content; not on a closed ticket',
            params: IdParams,
            querystring: TicketFileQuerySchema,
            consumes: [...ACCEPTED_TYPES, 'application/octet-stream'],
            body: z.any().meta({ description: 'the file', type: 'string', format: 'binary' }),
            response: { 201: TicketFileSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
          },
        },
        async (request, reply) => {
          if (!Buffer.isBuffer(request.body))
            throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body');
          const bytes = new Uint8Array(request.body);
          const created = await inOrg(request, (scope, actor) =>
            attachTicketFile(scope, actor, config, request.params.id, {
              bytes,
              name: request.query.name,
              internal: request.query.internal,
            }),
          );
          return reply.code(201).send(created);
        },
      );
    },
    [...ACCEPTED_TYPES, 'application/octet-stream', 'image/gif', 'text/html', 'text/plain', 'image/svg+xml'],
  );
  app.get(
    '/api/helpdesk/tickets/:id/attachments',
    {
      config: read,
      schema: {
        tags,
        summary: 'Attachments of a ticket (internal ones for the helpdesk team and auditors only)',
        params: IdParams,
        response: { 200: z.array(TicketFileSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope, actor) => listTicketFiles(scope, actor, request.params.id)),
  );
  app.get(
    '/api/helpdesk/tickets/:id/attachments/:fileId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Download an attachment of a ticket one sees (always as an attachment, never inline)',
        params: TicketFileParams,
        produces: [...ACCEPTED_TYPES],
        response: { 200: z.string().meta({ description: 'the file' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await inOrg(request, (scope, actor) =>
        getTicketFile(scope, actor, request.params.id, request.params.fileId),
      );
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
    '/api/helpdesk/tickets/:id/attachments/:fileId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Delete an attachment: its author while the ticket is not closed, the helpdesk team always',
        params: TicketFileParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const unlink = await inOrg(request, (scope, actor) =>
        deleteTicketFile(scope, actor, config, request.params.id, request.params.fileId),
      );
      unlink();
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/helpdesk/settings',
    {
      config: read,
      schema: {
        tags,
        summary: 'SLA targets per priority, working hours, closed days and the reopen window',
        response: { 200: HelpdeskSettingsOutputSchema, ...problems(401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => getHelpdeskSettings(scope)),
  );
  app.patch(
    '/api/helpdesk/settings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the SLA targets or the calendar; the open tickets’ due times are recomputed',
        body: UpdateHelpdeskSettingsSchema,
        response: { 200: HelpdeskSettingsOutputSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => updateHelpdeskSettings(scope, request.body)),
  );
}

/**
 * The family's report through its loan link: public, the signed token in the
 * path is the credential (listed with the other family routes in
 * test/http.test.ts). The service behind it is tested in family.test.ts.
 */
export function familyTicketRoutes(app: App, { db, secrets }: AppDeps) {
  app.post(
    '/api/public/family/:token/tickets',
    {
      config: { public: true },
      schema: {
        tags: ['family'],
        summary:
          'Report a problem with the lent device to the helpdesk through the family link (no free text, no family data in the ticket; one open report per device)',
        params: TokenParams,
        body: FamilyTicketSchema,
        response: { 201: FamilyTicketReceiptSchema, ...problems(400, 404, 409, 410) },
      },
    },
    async (request, reply) => {
      const { loanId, organisationId } = await resolveFamilyLink(db, secrets, request.params.token);
      const receipt = await db.withOrg(
        { organisationId, userId: null, actorKind: 'family', requestId: request.id },
        (scope) => createFamilyTicket(scope, loanId, request.body),
      );
      return reply.code(201).send(receipt);
    },
  );
}
