import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import { toCsv } from '../../http/export.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import {
  CampaignListQuerySchema,
  CampaignSchema,
  ConfirmResultSchema,
  ConfirmSchema,
  ConventionsQuerySchema,
  CreateCampaignSchema,
  campaignDashboard,
  closeCampaign,
  computeProposal,
  confirmCampaign,
  createCampaign,
  DashboardSchema,
  findCampaigns,
  getCampaign,
  loadCampaignConventions,
  ProposalSchema,
  queueFamilyLinkMails,
  renderCampaignConventions,
} from './campaigns.ts';
import {
  createFamilyMessage,
  FamilyMessageInputSchema,
  FamilyMessageReceiptSchema,
  findLoanMessages,
  findMessages,
  LoanMessageListQuerySchema,
  LoanMessageListSchema,
  MarkHandledResultSchema,
  MarkHandledSchema,
  markHandled,
  resolveFamilyLink,
} from './messages.ts';
import {
  DRIVE_CSV_COLUMNS,
  DriveReturnInputSchema,
  DriveReturnResultSchema,
  driveCsvRows,
  getReturnDrive,
  ReturnDriveQuerySchema,
  ReturnDriveSchema,
  returnByScan,
} from './returns.ts';

/**
 * Family loans, stage 3: crisis campaigns, the end-of-year return drive,
 * and what families report through their link. Registered next to
 * loanRoutes in app.ts; `deps.jobs` is read at request time (the job
 * runner starts after the routes are built).
 */

const tags = ['loans'];
const IdParams = z.object({ id: z.uuid() });
const TokenParams = z.object({ token: z.string().min(10).max(200) });

export function campaignRoutes(app: App, deps: AppDeps) {
  const { db, config, secrets } = deps;

  // ---- crisis campaigns ----
  app.post(
    '/api/loans/campaigns',
    {
      config: { permission: 'loans.campaigns' },
      schema: {
        tags,
        summary: 'Open a crisis campaign (continuity of teaching while schools are closed) for chosen schools',
        body: CreateCampaignSchema,
        response: { 201: CampaignSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        createCampaign(scope, actor, request.body),
      );
      return reply.code(201).send(created);
    },
  );
  app.get(
    '/api/loans/campaigns',
    {
      config: { permission: 'loans.campaigns' },
      schema: {
        tags,
        summary: 'Crisis campaigns, newest first',
        querystring: CampaignListQuerySchema,
        response: {
          200: z.object({ items: z.array(CampaignSchema), total: z.number().int() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findCampaigns(scope, actor, request.query));
    },
  );
  app.get(
    '/api/loans/campaigns/:id',
    {
      config: { permission: 'loans.campaigns' },
      schema: {
        tags,
        summary: 'One crisis campaign',
        params: IdParams,
        response: { 200: CampaignSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => getCampaign(scope, actor, request.params.id));
    },
  );
  app.post(
    '/api/loans/campaigns/:id/close',
    {
      config: { permission: 'loans.campaigns' },
      schema: {
        tags,
        summary: 'Close a campaign: no more confirmations (its loans go on as usual)',
        params: IdParams,
        response: { 200: CampaignSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => closeCampaign(scope, actor, request.params.id));
    },
  );
  app.get(
    '/api/loans/campaigns/:id/proposal',
    {
      config: { permission: 'loans.campaigns' },
      schema: {
        tags,
        summary:
          'Proposed allocation: available devices (stock, carts of the campaign schools, central stock) to the eligible pending or approved requests, REP+ then REP then by request date; hotspots for connectivity needs. Nothing is written: adjust the pairs and post them to …/confirm',
        params: IdParams,
        response: { 200: ProposalSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => computeProposal(scope, request.params.id));
    },
  );
  app.post(
    '/api/loans/campaigns/:id/confirm',
    {
      config: { permission: 'loans.campaigns' },
      schema: {
        tags,
        summary:
          'Confirm pairs in bulk: each request is approved if pending and allocated its devices through the ordinary allocation (one open loan per device); each pair comes back done or refused with its reason. Family links are mailed (one job per loan) to families with an e-mail; print …/conventions.pdf for the others',
        params: IdParams,
        body: ConfirmSchema,
        response: { 200: ConfirmResultSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { mailLoanIds, ...result } = await confirmCampaign(
        db,
        scopeOf(actor, request.id),
        actor,
        request.params.id,
        request.body,
      );
      // After the commits: a job runner may pick a job up at once, and must see the loan.
      let mails: Awaited<ReturnType<typeof queueFamilyLinkMails>>;
      try {
        mails = await queueFamilyLinkMails(deps.jobs, actor.organisationId, mailLoanIds);
      } catch (error) {
        // The loans are committed: say the mails were not queued rather than fail the whole confirmation.
        request.log.error({ err: error }, 'family-link mails not queued');
        mails = { queued: 0, status: 'failed' };
      }
      return { ...result, mails };
    },
  );
  app.get(
    '/api/loans/campaigns/:id/dashboard',
    {
      config: { permission: 'loans.campaigns' },
      schema: {
        tags,
        summary:
          'Live dashboard: per school, requests, still waiting, allocated, accepted, handed over, returned, devices left',
        params: IdParams,
        response: { 200: DashboardSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => campaignDashboard(scope, request.params.id));
    },
  );
  app.get(
    '/api/loans/campaigns/:id/conventions.pdf',
    {
      config: { permission: 'loans.campaigns' },
      schema: {
        tags,
        summary:
          'One printable PDF: for each loan of the campaign waiting for its convention, a sheet with the family link as a QR code, then the convention (default: families without an e-mail; the read is audited per household)',
        params: IdParams,
        querystring: ConventionsQuerySchema,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ description: 'PDF' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const loaded = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        loadCampaignConventions(scope, request.params.id, request.query),
      );
      const { pdf, count } = await renderCampaignConventions(loaded, config, secrets);
      reply
        .header('content-disposition', 'attachment; filename="conventions-campagne.pdf"')
        .header('x-socle-count', String(count))
        .type('application/pdf');
      return reply.send(Buffer.from(pdf) as never);
    },
  );

  // ---- end-of-year return drive (the same act as one return, for a whole school) ----
  app.get(
    '/api/loans/return-drive',
    {
      config: { permission: 'loans.handover' },
      schema: {
        tags,
        summary:
          'Return drive of a school: loans due by a date (default: the end-of-year due date) still out, with their devices; pseudonyms only',
        querystring: ReturnDriveQuerySchema,
        response: { 200: ReturnDriveSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => getReturnDrive(scope, actor, request.query));
    },
  );
  app.post(
    '/api/loans/return-drive/returns',
    {
      config: { permission: 'loans.handover' },
      schema: {
        tags,
        summary:
          'Bulk return by scanning (wipe confirmed): each tag returned, or refused with its reason (unknown, not on loan, wrong school…)',
        body: DriveReturnInputSchema,
        response: { 200: DriveReturnResultSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => returnByScan(scope, actor, request.body));
    },
  );
  app.get(
    '/api/loans/return-drive/export',
    {
      config: { permission: 'loans.handover' },
      schema: {
        tags,
        summary: 'What is still out for the drive, as CSV (one line per device; pseudonyms, no names)',
        querystring: ReturnDriveQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string().meta({ description: 'CSV file' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const drive = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        getReturnDrive(scope, actor, request.query),
      );
      reply
        .header('content-disposition', `attachment; filename="retours-${drive.school.uai}-${drive.dueBy}.csv"`)
        .type('text/csv; charset=utf-8');
      return reply.send(Buffer.from(toCsv(DRIVE_CSV_COLUMNS, driveCsvRows(drive)), 'utf8') as never);
    },
  );

  // ---- what families report ----
  app.get(
    '/api/loans/messages',
    {
      config: { permission: 'loans.messages' },
      schema: {
        tags,
        summary:
          "The schools' inbox of family messages, newest first (the reader's schools; the read is audited per household)",
        querystring: LoanMessageListQuerySchema,
        response: { 200: LoanMessageListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findMessages(scope, actor, request.query));
    },
  );
  app.get(
    '/api/loans/:id/messages',
    {
      config: { permission: 'loans.messages' },
      schema: {
        tags,
        summary: 'The messages the family of a loan sent (the read is audited)',
        params: IdParams,
        response: { 200: LoanMessageListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findLoanMessages(scope, actor, request.params.id));
    },
  );
  app.post(
    '/api/loans/messages/:id/handled',
    {
      config: { permission: 'loans.messages' },
      schema: {
        tags,
        summary: 'Mark a family message handled, or waiting again',
        params: IdParams,
        body: MarkHandledSchema,
        response: { 200: MarkHandledResultSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        markHandled(scope, actor, request.params.id, request.body.handled),
      );
    },
  );
  app.post(
    '/api/public/family/:token/messages',
    {
      config: { public: true },
      schema: {
        tags: ['family'],
        summary:
          'Report a problem (breakdown, damage, loss, theft, question) to the school through the family link; at most 5 an hour and 20 a day per loan; the answer says received and nothing else',
        params: TokenParams,
        body: FamilyMessageInputSchema,
        response: { 201: FamilyMessageReceiptSchema, ...problems(400, 404, 409, 410, 429) },
      },
    },
    async (request, reply) => {
      const { loanId, organisationId } = await resolveFamilyLink(db, secrets, request.params.token);
      const receipt = await db.withOrg(
        { organisationId, userId: null, actorKind: 'family', requestId: request.id },
        (scope) => createFamilyMessage(scope, loanId, request.body),
      );
      return reply.code(201).send(receipt);
    },
  );
}
