import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { organisations } from '../../db/schema.ts';
import { actorOf } from '../../http/auth.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { assertCan, scopeOf } from '../auth/actor.ts';
import { gapPdf, gapXlsx } from './gap-export.ts';
import {
  deletePlan,
  FUNDING_PRESETS,
  findPlans,
  getPlan,
  planOrders,
  planXlsx,
  previewPlan,
  savePlan,
} from './plans.ts';
import {
  ComplianceQuerySchema,
  ComplianceSchema,
  EquitySchema,
  FundingPresetSchema,
  GapReportSchema,
  GridInputSchema,
  GridSchema,
  GridVersionSchema,
  IdParams,
  OverrideInputSchema,
  OverrideListQuery,
  OverrideSchema,
  PlanInputSchema,
  PlanOrdersInputSchema,
  PlanOrdersSchema,
  PlanPreviewSchema,
  PlanSchema,
  PlanSummarySchema,
  SavePlanSchema,
  SchoolBaselineSchema,
  SchoolParams,
  VersionParams,
} from './schema.ts';
import {
  compliance,
  deleteOverride,
  equity,
  findOverrides,
  gapReport,
  gridInForce,
  gridVersion,
  gridVersions,
  presetViews,
  saveGrid,
  schoolBaseline,
  setOverride,
} from './service.ts';

const tags = ['baseline'];
const read = { permission: 'baseline.read' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ExportQuery = ComplianceQuerySchema.extend({ lang: z.enum(['fr', 'en']).optional() }).strict();

/**
 * The socle numérique (issue #7): grid, compliance, gap, overrides, equity
 * and plans. Transport only; school-scoped roles (directors, teachers) read
 * their own schools only.
 */
export function baselineRoutes(app: App, { db }: AppDeps) {
  const inOrg = <T>(request: FastifyRequest, fn: (scope: Scope) => Promise<T>) =>
    db.withOrg(scopeOf(actorOf(request), request.id), fn);
  const orgName = async (scope: Scope) =>
    (await scope.tx.select({ name: organisations.name }).from(organisations))[0]?.name ?? '';

  app.get(
    '/api/baseline/grid',
    {
      config: read,
      schema: {
        tags,
        summary: 'The référentiel grid in force (the SNEE 2021 preset, version 0, until one is saved)',
        response: { 200: GridSchema, ...problems(401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => gridInForce(scope)),
  );
  app.put(
    '/api/baseline/grid',
    {
      config: { permission: 'baseline.grid' },
      schema: {
        tags,
        summary: 'Save the grid as a new version (versions are immutable; the newest is in force)',
        body: GridInputSchema,
        response: { 201: GridSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => reply.code(201).send(await inOrg(request, (scope) => saveGrid(scope, request.body))),
  );
  app.get(
    '/api/baseline/grids',
    {
      config: read,
      schema: {
        tags,
        summary: 'Saved versions of the grid, newest first',
        response: { 200: z.array(GridVersionSchema), ...problems(401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => gridVersions(scope)),
  );
  app.get(
    '/api/baseline/grids/:version',
    {
      config: read,
      schema: {
        tags,
        summary: 'One version of the grid (0: the preset)',
        params: VersionParams,
        response: { 200: GridSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => gridVersion(scope, request.params.version)),
  );
  app.get(
    '/api/baseline/presets',
    {
      config: read,
      schema: {
        tags,
        summary: 'Grid presets shipped with Socle (SNEE 2021)',
        response: { 200: z.array(z.object({ key: z.string(), grid: GridSchema })), ...problems(401, 403) },
      },
    },
    async () => presetViews(),
  );
  app.get(
    '/api/baseline/compliance',
    {
      config: read,
      schema: {
        tags,
        summary: 'Compliance of every school with the grid, computed live, with organisation totals',
        querystring: ComplianceQuerySchema,
        response: { 200: ComplianceSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => compliance(scope, actorOf(request), request.query)),
  );
  app.get(
    '/api/baseline/schools/:schoolId',
    {
      config: read,
      schema: {
        tags,
        summary: "One school's socle: each criterion with its evidence, each class, the priced gap",
        params: SchoolParams,
        response: { 200: SchoolBaselineSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => schoolBaseline(scope, actorOf(request), request.params.schoolId)),
  );
  app.get(
    '/api/baseline/gap',
    {
      config: read,
      schema: {
        tags,
        summary: 'What is missing per school and class, priced from the catalogue, with totals',
        querystring: ComplianceQuerySchema,
        response: { 200: GapReportSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => gapReport(scope, actorOf(request), request.query)),
  );
  app.get(
    '/api/baseline/gap.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: 'The gap as a workbook (summary, schools, items)',
        querystring: ExportQuery,
        produces: [XLSX],
        response: { 200: z.string().meta({ description: 'XLSX file' }), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { lang = actorOf(request).locale, ...q } = request.query;
      const body = await inOrg(request, async (scope) =>
        gapXlsx(await gapReport(scope, actorOf(request), q), { lang, organisationName: await orgName(scope) }),
      );
      reply.header(
        'content-disposition',
        `attachment; filename="${lang === 'fr' ? 'ecart-socle' : 'baseline-gap'}.xlsx"`,
      );
      return reply.type(XLSX).send(body as never);
    },
  );
  app.get(
    '/api/baseline/gap.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'The gap as a PDF report',
        querystring: ExportQuery,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ description: 'PDF' }), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { lang = actorOf(request).locale, ...q } = request.query;
      const body = await inOrg(request, async (scope) =>
        Buffer.from(
          await gapPdf(await gapReport(scope, actorOf(request), q), { lang, organisationName: await orgName(scope) }),
        ),
      );
      reply.header(
        'content-disposition',
        `attachment; filename="${lang === 'fr' ? 'ecart-socle' : 'baseline-gap'}.pdf"`,
      );
      return reply.type('application/pdf').send(body as never);
    },
  );
  app.get(
    '/api/baseline/equity',
    {
      config: read,
      schema: {
        tags,
        summary: 'Devices per pupil and socle status by school against IPS and priority education',
        response: { 200: EquitySchema, ...problems(401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => equity(scope, actorOf(request))),
  );

  // Overrides
  app.get(
    '/api/baseline/overrides',
    {
      config: read,
      schema: {
        tags,
        summary: 'Manual overrides with their justification and evidence',
        querystring: OverrideListQuery,
        response: { 200: z.array(OverrideSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => findOverrides(scope, actorOf(request), request.query.schoolId)),
  );
  app.put(
    '/api/baseline/overrides',
    {
      config: { permission: 'baseline.override' },
      schema: {
        tags,
        summary: 'Record (201) or replace (200) the override of a criterion for a school or one of its classes',
        body: OverrideInputSchema,
        response: { 200: OverrideSchema, 201: OverrideSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { created, override } = await inOrg(request, (scope) => setOverride(scope, actorOf(request), request.body));
      return reply.code(created ? 201 : 200).send(override);
    },
  );
  app.delete(
    '/api/baseline/overrides/:id',
    {
      config: { permission: 'baseline.override' },
      schema: {
        tags,
        summary: 'Remove an override (the computed status applies again)',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deleteOverride(scope, actorOf(request), request.params.id));
      return reply.code(204).send(null);
    },
  );

  // Plans
  const plan = { permission: 'baseline.plan' } as const;
  app.get(
    '/api/baseline/plans/presets',
    {
      config: plan,
      schema: {
        tags,
        summary: 'Funding presets for simulations (SNEE, FEDER)',
        response: { 200: z.array(FundingPresetSchema), ...problems(401, 403) },
      },
    },
    async () => FUNDING_PRESETS,
  );
  app.post(
    '/api/baseline/plans/preview',
    {
      config: plan,
      schema: {
        tags,
        summary: 'Run the planner on the live gap without saving: which schools to fund, why, at what cost and subsidy',
        body: PlanInputSchema,
        response: { 200: PlanPreviewSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => previewPlan(scope, actorOf(request), request.body)),
  );
  app.post(
    '/api/baseline/plans',
    {
      config: plan,
      schema: {
        tags,
        summary: 'Run and save a plan (a scenario to compare)',
        body: SavePlanSchema,
        response: { 201: PlanSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inOrg(request, (scope) => savePlan(scope, actorOf(request), request.body.name, request.body.input)),
        ),
  );
  app.get(
    '/api/baseline/plans',
    {
      config: plan,
      schema: {
        tags,
        summary: 'Saved plans with their totals, newest first',
        response: { 200: z.array(PlanSummarySchema), ...problems(401, 403) },
      },
    },
    async (request) => inOrg(request, (scope) => findPlans(scope)),
  );
  app.get(
    '/api/baseline/plans/:id',
    {
      config: plan,
      schema: {
        tags,
        summary: 'One saved plan',
        params: IdParams,
        response: { 200: PlanSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => inOrg(request, (scope) => getPlan(scope, request.params.id)),
  );
  app.delete(
    '/api/baseline/plans/:id',
    {
      config: plan,
      schema: {
        tags,
        summary: 'Delete a saved plan',
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await inOrg(request, (scope) => deletePlan(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/baseline/plans/:id/orders',
    {
      config: plan,
      schema: {
        tags,
        summary:
          'Turn a saved plan into draft purchase orders (one line per school and equipment category, installation lines); needs funding.manage too',
        params: IdParams,
        body: PlanOrdersInputSchema,
        response: { 201: PlanOrdersSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      assertCan(actorOf(request), 'funding.manage');
      return reply.code(201).send(await inOrg(request, (scope) => planOrders(scope, request.params.id, request.body)));
    },
  );
  app.get(
    '/api/baseline/plans/:id/export.xlsx',
    {
      config: plan,
      schema: {
        tags,
        summary: 'A saved plan as a workbook (summary, schools with the score breakdown, items)',
        params: IdParams,
        querystring: z.object({ lang: z.enum(['fr', 'en']).optional() }).strict(),
        produces: [XLSX],
        response: { 200: z.string().meta({ description: 'XLSX file' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? actorOf(request).locale;
      const { buffer } = await inOrg(request, (scope) => planXlsx(scope, request.params.id, lang));
      reply.header(
        'content-disposition',
        `attachment; filename="${lang === 'fr' ? 'plan-socle' : 'baseline-plan'}.xlsx"`,
      );
      return reply.type(XLSX).send(buffer as never);
    },
  );
}
