import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows } from '../../db/connection.ts';
import { eligibilityReasons, loans, organisations } from '../../db/schema.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { withRawUploads } from '../../http/upload.ts';
import { openMailer } from '../../mail/service.ts';
import { recordAudit } from '../audit/service.ts';
import { scopeOf } from '../auth/actor.ts';
import { ACCEPTED_TYPES } from '../files/rules.ts';
import { conventionPdf } from './convention.ts';
import { FamilyLinkMailSchema, familyLink, sendFamilyLinkMail } from './mails.ts';
import { parseFamilyToken } from './rules.ts';
import {
  AcceptSchema,
  AllocateSchema,
  CreateLoanRequestSchema,
  EligibilityReasonInputSchema,
  EligibilityReasonSchema,
  FamilyLinkSchema,
  FamilyPageSchema,
  HandoverSchema,
  LoanListQuerySchema,
  LoanRequestListQuerySchema,
  LoanRequestSchema,
  LoanSchema,
  ReturnSchema,
} from './schema.ts';
import {
  acceptLoan,
  acceptOnPaper,
  allocate,
  conventionData,
  conventionFor,
  createRequest,
  ensureDefaultReasons,
  findLoans,
  findRequests,
  getLoan,
  getRequest,
  handover,
  returnLoan,
  reviewRequest,
  rotateLink,
} from './service.ts';

const tags = ['loans'];
const IdParams = z.object({ id: z.uuid() });
const TokenParams = z.object({ token: z.string().min(10).max(200) });

export function loanRoutes(app: App, { db, config, secrets }: AppDeps) {
  const linkFor = (loanId: string, nonce: string, dueDate: string) =>
    familyLink(config, secrets, loanId, nonce, dueDate);

  // ---- settings ----
  app.get(
    '/api/loans/eligibility-reasons',
    {
      config: { permission: 'loans.read' },
      schema: {
        tags,
        summary: 'Reasons of eligibility decisions',
        response: { 200: z.array(EligibilityReasonSchema), ...problems(401, 403) },
      },
    },
    async (request) =>
      db.withOrg(scopeOf(actorOf(request), request.id), async (scope) => {
        await ensureDefaultReasons(scope);
        const found = await scope.tx.select().from(eligibilityReasons).orderBy(asc(eligibilityReasons.code));
        return found.map(({ organisationId: _o, ...r }) => r);
      }),
  );
  app.put(
    '/api/loans/eligibility-reasons',
    {
      config: { permission: 'loans.settings' },
      schema: {
        tags,
        summary: 'Create or change a reason (deactivate instead of deleting)',
        body: EligibilityReasonInputSchema,
        response: { 200: EligibilityReasonSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      db.withOrg(scopeOf(actorOf(request), request.id), async (scope) => {
        const { code, ...rest } = request.body;
        await scope.tx
          .insert(eligibilityReasons)
          .values({ organisationId: scope.organisationId, code, ...rest })
          .onConflictDoUpdate({ target: [eligibilityReasons.organisationId, eligibilityReasons.code], set: rest });
        await recordAudit(scope, {
          action: 'loan_settings.reason_saved',
          entityType: 'eligibility_reason',
          entityId: code,
          after: request.body,
        });
        return request.body;
      }),
  );

  // ---- requests ----
  app.post(
    '/api/loans/requests',
    {
      config: { permission: 'loans.request' },
      schema: {
        tags,
        summary:
          'File a loan request for a pupil: household, need and the eligibility decision only (unknown fields are refused)',
        body: CreateLoanRequestSchema,
        response: { 201: LoanRequestSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        createRequest(scope, actor, request.body),
      );
      return reply.code(201).send(created);
    },
  );
  app.get(
    '/api/loans/requests',
    {
      config: { permission: 'loans.read' },
      schema: {
        tags,
        summary: 'Loan requests (pseudonymised list)',
        querystring: LoanRequestListQuerySchema,
        response: {
          200: z.object({ items: z.array(LoanRequestSchema), total: z.number().int() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findRequests(scope, actor, request.query));
    },
  );
  app.get(
    '/api/loans/requests/:id',
    {
      config: { permission: 'loans.read' },
      schema: {
        tags,
        summary: 'One request; personal data for the roles that need them (the read is audited)',
        params: IdParams,
        response: { 200: LoanRequestSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => getRequest(scope, actor, request.params.id));
    },
  );
  for (const [path, decision, permission] of [
    ['approve', 'approved', 'loans.approve'],
    ['reject', 'rejected', 'loans.approve'],
    ['cancel', 'cancelled', 'loans.approve'],
  ] as const) {
    app.post(
      `/api/loans/requests/:id/${path}`,
      {
        config: { permission },
        schema: {
          tags,
          summary: `${path[0]?.toUpperCase()}${path.slice(1)} a loan request`,
          params: IdParams,
          response: { 200: LoanRequestSchema, ...problems(401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return db.withOrg(scopeOf(actor, request.id), (scope) =>
          reviewRequest(scope, actor, request.params.id, decision),
        );
      },
    );
  }
  app.post(
    '/api/loans/requests/:id/allocate',
    {
      config: { permission: 'loans.allocate' },
      schema: {
        tags,
        summary:
          'Allocate a device (and accessories) to an approved request: the loan is created, the convention can be sent',
        params: IdParams,
        body: AllocateSchema,
        response: { 201: LoanSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const loan = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        allocate(scope, actor, request.params.id, request.body),
      );
      return reply.code(201).send(loan);
    },
  );

  // ---- loans ----
  app.get(
    '/api/loans',
    {
      config: { permission: 'loans.read' },
      schema: {
        tags,
        summary: 'Loans (pseudonymised list): filters school, status, overdue',
        querystring: LoanListQuerySchema,
        response: {
          200: z.object({ items: z.array(LoanSchema), total: z.number().int() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findLoans(scope, actor, request.query));
    },
  );
  app.get(
    '/api/loans/:id',
    {
      config: { permission: 'loans.read' },
      schema: {
        tags,
        summary: 'One loan; personal data for the roles that need them (the read is audited)',
        params: IdParams,
        response: { 200: LoanSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => getLoan(scope, actor, request.params.id));
    },
  );
  app.get(
    '/api/loans/:id/convention.pdf',
    {
      config: { permission: 'loans.read' },
      schema: {
        tags,
        summary: 'The loan convention (PDF)',
        params: IdParams,
        querystring: z.object({ lang: z.enum(['fr', 'en']).optional() }),
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ description: 'PDF' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const pdf = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        conventionFor(scope, actor, request.params.id, request.query.lang),
      );
      reply.header('content-disposition', 'attachment; filename="convention-de-pret.pdf"').type('application/pdf');
      return reply.send(Buffer.from(pdf) as never);
    },
  );
  app.post(
    '/api/loans/:id/link',
    {
      config: { permission: 'loans.allocate' },
      schema: {
        tags,
        summary:
          'The family link (signed, expiring, single-purpose); revokePrevious makes earlier links invalid; send mails it to the legal representatives (once per link)',
        params: IdParams,
        body: z.object({ revokePrevious: z.boolean().default(false), send: z.boolean().default(false) }).strict(),
        response: {
          200: FamilyLinkSchema.extend({ mail: FamilyLinkMailSchema.nullable() }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.body.send) {
        // No mail server: say so before a link is revoked for nothing.
        const mailer = await openMailer({ db, config, secrets }, actor.organisationId);
        if (!mailer) throw new AppError('MAIL_NOT_CONFIGURED');
        mailer.close();
      }
      const { loan, nonce } = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        rotateLink(scope, actor, request.params.id, request.body.revokePrevious),
      );
      if (!request.body.send) return { ...linkFor(loan.id, nonce, loan.dueDate), mail: null };
      const { url, expiresAt, ...mail } = await sendFamilyLinkMail(
        { db, config, secrets },
        scopeOf(actor, request.id),
        loan.id,
      );
      return { url, expiresAt, mail };
    },
  );
  withRawUploads(
    app,
    (scoped) => {
      scoped.post(
        '/api/loans/:id/paper-acceptance',
        {
          config: { permission: 'loans.allocate' },
          bodyLimit: config.uploads.maxBytes,
          schema: {
            tags,
            summary: 'Record the paper convention signed by hand (a PDF or a photo of it)',
            params: IdParams,
            consumes: [...ACCEPTED_TYPES],
            body: z.any().meta({ description: 'the scan', type: 'string', format: 'binary' }),
            response: { 200: LoanSchema, ...problems(400, 401, 403, 404, 409, 413, 415) },
          },
        },
        async (request) => {
          const actor = actorOf(request);
          if (!Buffer.isBuffer(request.body))
            throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the scan itself as the body');
          const bytes = new Uint8Array(request.body);
          return db.withOrg(scopeOf(actor, request.id), (scope) =>
            acceptOnPaper(scope, actor, config, request.params.id, bytes),
          );
        },
      );
    },
    [...ACCEPTED_TYPES, 'application/octet-stream'],
  );
  app.post(
    '/api/loans/:id/handover',
    {
      config: { permission: 'loans.handover' },
      schema: {
        tags,
        summary:
          'Hand the devices over, scanning each (blocked until the convention is accepted); devices become on_loan',
        params: IdParams,
        body: HandoverSchema,
        response: { 200: LoanSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => handover(scope, actor, request.params.id, request.body));
    },
  );
  app.post(
    '/api/loans/:id/return',
    {
      config: { permission: 'loans.handover' },
      schema: {
        tags,
        summary:
          'Take devices back, scanning each, with the wipe (MDM reset) confirmed; they go to stock or back into a cart',
        params: IdParams,
        body: ReturnSchema,
        response: { 200: LoanSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        returnLoan(scope, actor, request.params.id, request.body),
      );
    },
  );

  // ---- the family's page (no account: a signed link) ----
  const family = async (token: string) => {
    const parsed = parseFamilyToken(secrets, token);
    if (!parsed) throw new AppError('LINK_INVALID', 'This link is not valid');
    const found = await db.asApp((tx) =>
      rows<{ organisation_id: string; link_nonce: string }>(tx, sqlPublicLoan(parsed.loanId)),
    );
    const target = found[0];
    if (!target || !parsed.check(target.link_nonce)) throw new AppError('LINK_INVALID', 'This link is not valid');
    if (parsed.expires.getTime() < Date.now())
      throw new AppError('LINK_EXPIRED', 'This link has expired: ask the school for a new one');
    return { loanId: parsed.loanId, organisationId: target.organisation_id };
  };
  const familyScope = (organisationId: string, requestId: string) => ({
    organisationId,
    userId: null,
    actorKind: 'family',
    requestId,
  });

  app.get(
    '/api/public/family/:token',
    {
      config: { public: true },
      schema: {
        tags: ['family'],
        summary: 'What the family link shows: devices, due date, convention state, how to return',
        params: TokenParams,
        response: { 200: FamilyPageSchema, ...problems(400, 404, 410) },
      },
    },
    async (request) => {
      const { loanId, organisationId } = await family(request.params.token);
      return db.withOrg(familyScope(organisationId, request.id), async (scope) => {
        const c = await conventionData(scope, loanId);
        const [loan] = await scope.tx.select().from(loans).where(eq(loans.id, loanId));
        const [org] = await scope.tx
          .select({ name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, organisationId));
        if (!loan) throw new AppError('LINK_INVALID');
        await recordAudit(scope, { action: 'family.page_viewed', entityType: 'loan', entityId: loanId });
        return {
          organisation: org?.name ?? '',
          school: c.data.school,
          pupilFirstName: c.data.pupil.split(' ')[0] ?? null,
          status: loan.status as 'allocated',
          dueDate: loan.dueDate,
          devices: c.data.devices,
          accepted: loan.acceptedAt !== null,
          acceptedAt: loan.acceptedAt?.toISOString() ?? null,
          locale: c.locale,
          returnInstructions:
            c.locale === 'fr'
              ? `Rapportez l’équipement complet (appareil, chargeur, accessoires) à l’école ${c.data.school} au plus tard le ${loan.dueDate.split('-').reverse().join('/')}.`
              : `Bring the complete device (device, charger, accessories) back to ${c.data.school} by ${loan.dueDate}.`,
        };
      });
    },
  );
  app.get(
    '/api/public/family/:token/convention.pdf',
    {
      config: { public: true },
      schema: {
        tags: ['family'],
        summary: 'The convention, for the family (accepted version once accepted)',
        params: TokenParams,
        querystring: z.object({ lang: z.enum(['fr', 'en']).optional() }),
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ description: 'PDF' }), ...problems(400, 404, 410) },
      },
    },
    async (request, reply) => {
      const { loanId, organisationId } = await family(request.params.token);
      const pdf = await db.withOrg(familyScope(organisationId, request.id), async (scope) => {
        const c = await conventionData(scope, loanId);
        return conventionPdf(c.template, c.data, request.query.lang ?? c.locale);
      });
      reply.header('content-disposition', 'attachment; filename="convention-de-pret.pdf"').type('application/pdf');
      return reply.send(Buffer.from(pdf) as never);
    },
  );
  app.post(
    '/api/public/family/:token/accept',
    {
      config: { public: true },
      schema: {
        tags: ['family'],
        summary:
          'The family accepts the convention: typed name and confirmation (time and a keyed hash of the address are kept)',
        params: TokenParams,
        body: AcceptSchema,
        response: { 200: FamilyPageSchema.pick({ accepted: true, acceptedAt: true }), ...problems(400, 404, 409, 410) },
      },
    },
    async (request) => {
      const { loanId, organisationId } = await family(request.params.token);
      const ipHash = secrets.hash('accept-ip', request.ip);
      await db.withOrg(familyScope(organisationId, request.id), (scope) =>
        acceptLoan(scope, config, loanId, request.body.name, ipHash),
      );
      return { accepted: true, acceptedAt: new Date().toISOString() };
    },
  );
}

/** The only read before the link is checked: the organisation and the nonce of the loan it names. */
const sqlPublicLoan = (loanId: string) => sql`SELECT * FROM socle_public_loan(${loanId}::uuid)`;
