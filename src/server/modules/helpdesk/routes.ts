import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { actorOf } from '../../http/auth.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { type Actor, scopeOf } from '../auth/actor.ts';
import { resolveFamilyLink } from '../loans/messages.ts';
import { sendTicketNotices } from './mails.ts';
import {
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
  TicketListSchema,
  TicketQuerySchema,
  TicketSchema,
  UpdateHelpdeskSettingsSchema,
  UpdateTicketSchema,
} from './schema.ts';
import {
  addComment,
  assignTicket,
  changeStatus,
  createFamilyTicket,
  createTicket,
  findBreaches,
  findQueue,
  findTickets,
  getHelpdeskSettings,
  getTicket,
  type Notice,
  rateTicket,
  reopenTicket,
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
