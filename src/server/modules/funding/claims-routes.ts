import { PassThrough } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { actorOf } from '../../http/auth.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import {
  claimFileName,
  cofinancingPdf,
  prepareClaimInvoices,
  statementData,
  statementPdf,
  statementXlsx,
  streamClaimInvoicesZip,
} from './claim-exports.ts';
import {
  changeClaimLines,
  checkClaim,
  createClaim,
  deleteClaim,
  findClaimableLines,
  findClaims,
  getClaim,
  payClaim,
  submitClaim,
  updateClaim,
} from './claims.ts';
import {
  CheckClaimSchema,
  ClaimableLinesSchema,
  ClaimableQuery,
  ClaimDetailSchema,
  ClaimLinesChangeSchema,
  ClaimListSchema,
  CreateClaimSchema,
  CreateIndicatorSchema,
  CreatePublicitySchema,
  IndicatorSchema,
  LangQuery,
  MentionsSchema,
  PayClaimSchema,
  PublicityItemSchema,
  SeedIndicatorsSchema,
  SubmitClaimSchema,
  UpdateClaimSchema,
  UpdateIndicatorSchema,
  UpdatePublicitySchema,
} from './claims-schema.ts';
import {
  createIndicator,
  deleteIndicator,
  findIndicators,
  seedDefaultIndicators,
  updateIndicator,
} from './indicators.ts';
import {
  createPublicityItem,
  deletePublicityItem,
  findPublicity,
  publicityMentions,
  seedDefaultPublicity,
  updatePublicityItem,
} from './publicity.ts';
import { IdParams } from './schema.ts';

const tags = ['funding'];
const read = { permission: 'funding.read' } as const;
const manage = { permission: 'funding.manage' } as const;

/** Payment claims and their exports, indicators, publicity (issue #6, points 5–7). Transport only. */
export function fundingClaimRoutes(app: App, deps: AppDeps) {
  const { db, config } = deps;
  const inOrg = <T>(request: FastifyRequest, fn: (scope: Scope) => Promise<T>) =>
    db.withOrg(scopeOf(actorOf(request), request.id), fn);

  app.get(
    '/api/funding/programmes/:id/claims',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Payment claims of a programme (per convention, by number) with each funder’s aid, cap, claimed, accepted and received totals',
        params: IdParams,
        response: { 200: ClaimListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => findClaims(scope, request.params.id)),
  );
  app.post(
    '/api/funding/programmes/:id/claims',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Create a draft claim to one funder: advance (an amount), instalment or final (without lineIds: every paid, claimable line not yet claimed to this funder). CLAIM_LINE_TAKEN, CLAIM_LINE_NOT_CLAIMABLE, CLAIM_CAP_EXCEEDED, CLAIM_INVALID_STATE',
        params: IdParams,
        body: CreateClaimSchema,
        response: { 201: ClaimDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope) => createClaim(scope, request.params.id, request.body))),
  );
  app.get(
    '/api/funding/conventions/:id/claimable-lines',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The lines a new claim to this funder could take (paid, eligible, in the window and the period, not yet claimed to it), in statement order, with the aid each would claim',
        params: IdParams,
        querystring: ClaimableQuery,
        response: { 200: ClaimableLinesSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => findClaimableLines(scope, request.params.id, request.query)),
  );
  app.get(
    '/api/funding/claims/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One claim with its lines in statement order and subtotals per cost item',
        params: IdParams,
        response: { 200: ClaimDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => getClaim(scope, request.params.id)),
  );
  app.patch(
    '/api/funding/claims/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a claim’s notes',
        params: IdParams,
        body: UpdateClaimSchema,
        response: { 200: ClaimDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => updateClaim(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/funding/claims/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a draft claim (CLAIM_INVALID_STATE otherwise)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteClaim(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/funding/claims/:id/lines',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add and/or remove expense lines of a draft claim; amounts are recomputed',
        params: IdParams,
        body: ClaimLinesChangeSchema,
        response: { 200: ClaimDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => changeClaimLines(scope, request.params.id, request.body)),
  );
  app.post(
    '/api/funding/claims/:id/submit',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Draft → submitted (the final claim’s balance is computed once more, then frozen)',
        params: IdParams,
        body: SubmitClaimSchema,
        response: { 200: ClaimDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => submitClaim(scope, request.params.id, request.body)),
  );
  app.post(
    '/api/funding/claims/:id/check',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Submitted → checked: the amount accepted per line (a reason below the claimed aid; lines not listed are accepted in full)',
        params: IdParams,
        body: CheckClaimSchema,
        response: { 200: ClaimDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => checkClaim(scope, request.params.id, request.body)),
  );
  app.post(
    '/api/funding/claims/:id/pay',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Checked → paid: the amount received and its date',
        params: IdParams,
        body: PayClaimSchema,
        response: { 200: ClaimDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => payClaim(scope, request.params.id, request.body)),
  );

  // Exports
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  app.get(
    '/api/funding/claims/:id/statement.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary:
          'État récapitulatif des dépenses (XLSX): lines by cost item with subtotals and total, sheets for co-financing and indicators; amounts as numbers in euros',
        params: IdParams,
        querystring: LangQuery,
        produces: [XLSX],
        response: { 200: z.string().meta({ description: 'XLSX file' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const data = await inOrg(request, (scope) => statementData(scope, request.params.id));
      const body = await statementXlsx(data, lang);
      reply.header('content-disposition', `attachment; filename="${claimFileName(data, lang, 'etat-depenses.xlsx')}"`);
      return reply.type(XLSX).send(body as never);
    },
  );
  app.get(
    '/api/funding/claims/:id/statement.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'État récapitulatif des dépenses (PDF, A4 landscape, header repeated on every page, page numbers)',
        params: IdParams,
        querystring: LangQuery,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ description: 'PDF' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const data = await inOrg(request, (scope) => statementData(scope, request.params.id));
      const body = Buffer.from(await statementPdf(data, lang));
      reply.header('content-disposition', `attachment; filename="${claimFileName(data, lang, 'etat-depenses.pdf')}"`);
      return reply.type('application/pdf').send(body as never);
    },
  );
  app.get(
    '/api/funding/claims/:id/cofinancing.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'État récapitulatif des cofinancements with the indicators (PDF)',
        params: IdParams,
        querystring: LangQuery,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ description: 'PDF' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const data = await inOrg(request, (scope) => statementData(scope, request.params.id));
      const body = Buffer.from(await cofinancingPdf(data, lang));
      reply.header('content-disposition', `attachment; filename="${claimFileName(data, lang, 'cofinancements.pdf')}"`);
      return reply.type('application/pdf').send(body as never);
    },
  );
  app.get(
    '/api/funding/claims/:id/invoices.zip',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The claim’s invoices in the statement’s order: one PDF per line (uploaded, or a generated summary) and manifest.csv (with sha256)',
        params: IdParams,
        querystring: LangQuery,
        produces: ['application/zip'],
        response: { 200: z.string().meta({ description: 'ZIP' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { lang } = request.query;
      const plan = await inOrg(request, (scope) => prepareClaimInvoices(scope, request.params.id));
      const out = new PassThrough();
      streamClaimInvoicesZip(plan, out, lang, config).catch((error: unknown) => {
        request.log.error({ err: error }, 'invoice ZIP failed');
        out.destroy(error as Error);
      });
      reply.header(
        'content-disposition',
        `attachment; filename="${claimFileName(plan, lang, lang === 'fr' ? 'factures.zip' : 'invoices.zip')}"`,
      );
      return reply.type('application/zip').send(out as never);
    },
  );

  // Indicators
  app.get(
    '/api/funding/programmes/:id/indicators',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Indicators of a programme: baseline, target, value (computed from schools, classes, assets and school years, or entered) and the share of the target reached',
        params: IdParams,
        response: { 200: z.array(IndicatorSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => findIndicators(scope, request.params.id)),
  );
  app.post(
    '/api/funding/programmes/:id/indicators',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add an indicator (code unique per programme)',
        params: IdParams,
        body: CreateIndicatorSchema,
        response: { 201: IndicatorSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inOrg(request, (scope) => createIndicator(scope, request.params.id, request.body))),
  );
  app.post(
    '/api/funding/programmes/:id/indicators/defaults',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Create the usual indicators not there yet (schools, classes, pupils, teachers trained, CO35); answers the whole list',
        params: IdParams,
        body: SeedIndicatorsSchema,
        response: { 200: z.array(IndicatorSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      inOrg(request, (scope) =>
        seedDefaultIndicators(scope, request.params.id, { classesTarget: request.body.classesTarget }),
      ),
  );
  app.patch(
    '/api/funding/indicators/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit an indicator (target, baseline, manual value …)',
        params: IdParams,
        body: UpdateIndicatorSchema,
        response: { 200: IndicatorSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => inOrg(request, (scope) => updateIndicator(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/funding/indicators/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete an indicator',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteIndicator(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // Publicity
  app.get(
    '/api/funding/programmes/:id/publicity',
    {
      config: read,
      schema: {
        tags,
        summary: 'Publicity checklist of a programme (overdue and unknown due dates flagged)',
        params: IdParams,
        response: { 200: z.array(PublicityItemSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => findPublicity(scope, request.params.id)),
  );
  app.post(
    '/api/funding/programmes/:id/publicity',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a publicity item (evidence: a file of the organisation or an http(s) URL)',
        params: IdParams,
        body: CreatePublicitySchema,
        response: { 201: PublicityItemSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inOrg(request, (scope) => createPublicityItem(scope, request.params.id, request.body))),
  );
  app.post(
    '/api/funding/programmes/:id/publicity/defaults',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Create the usual checklist from the conventions (website description, A3 poster, permanent plaque above 500,000 € of public support, other funders’ mentions); answers the whole list',
        params: IdParams,
        response: { 200: z.array(PublicityItemSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => seedDefaultPublicity(scope, request.params.id)),
  );
  app.get(
    '/api/funding/programmes/:id/publicity/mentions',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The mandatory mention texts (FR/EN) from the conventions’ funders: EU emblem, FEDER, REACT-EU, others',
        params: IdParams,
        response: { 200: MentionsSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => publicityMentions(scope, request.params.id)),
  );
  app.patch(
    '/api/funding/publicity/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a publicity item (done date, evidence …)',
        params: IdParams,
        body: UpdatePublicitySchema,
        response: { 200: PublicityItemSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => updatePublicityItem(scope, request.params.id, request.body)),
  );
  app.delete(
    '/api/funding/publicity/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a publicity item',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deletePublicityItem(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );
}
