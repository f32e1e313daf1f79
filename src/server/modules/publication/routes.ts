import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { renderDictionary, renderIndex, renderPublicPage, STYLESHEET_PATH } from './html.ts';
import { dataPackage, TABLE_NAMES, tableCsv, tableJson, tableNamed } from './opendata.ts';
import { findPublishedOrganisation, findPublishedOrganisations, type Lang, publication } from './service.ts';
import { PUBLICATION_CSS } from './styles.ts';

/**
 * The public transparency page and the open data (issue #9, points 3–4):
 * no sign-in, served only for an organisation whose `publication.published`
 * setting is on (otherwise 404, like an unknown organisation). Transport
 * only: find the organisation, compute, render.
 */

const tags = ['publication'];
const LangQuery = z.object({ lang: z.enum(['fr', 'en']).optional() });
const SlugParams = z.object({ slug: z.string().min(1).max(100) });
const FileParams = z.object({
  slug: z.string().min(1).max(100),
  file: z
    .string()
    .regex(new RegExp(`^(datapackage\\.json|(${TABLE_NAMES.join('|')})\\.(csv|json))$`), { error: 'unknown_file' }),
});
const Html = z.string().meta({ description: 'An HTML document (no script)' });

const unpublished = () => new AppError('NOT_FOUND', 'No published page for this organisation');

export function publicationRoutes(app: App, { db }: AppDeps) {
  const html = (reply: FastifyReply, body: string) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(body);

  async function load(request: FastifyRequest, slug: string) {
    const organisation = await findPublishedOrganisation(db, slug);
    if (!organisation) throw unpublished();
    return db.withOrg(
      { organisationId: organisation.id, userId: null, actorKind: 'system', requestId: request.id },
      (scope) => publication(scope, organisation),
    );
  }

  app.get(
    '/public',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The organisations that publish a transparency page (a redirect when there is one)',
        produces: ['text/html'],
        querystring: LangQuery,
        response: { 200: Html, 302: z.null().meta({ description: 'To the only published page' }) },
      },
    },
    async (request, reply) => {
      const lang: Lang = request.query.lang ?? 'fr';
      const orgs = await findPublishedOrganisations(db);
      const only = orgs.length === 1 ? orgs[0] : undefined;
      if (only)
        return reply.redirect(`/public/${encodeURIComponent(only.slug)}${lang === 'en' ? '?lang=en' : ''}`, 302);
      return html(reply, renderIndex(orgs, lang));
    },
  );

  app.get(STYLESHEET_PATH, { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PUBLICATION_CSS),
  );

  app.get(
    '/public/:slug',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'The public transparency page of an organisation: programme, co-funding and EU mention, indicators, schools’ equipment and baseline, map (server-rendered HTML, French; `?lang=en` for English)',
        produces: ['text/html'],
        params: SlugParams,
        querystring: LangQuery,
        response: { 200: Html, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const p = await load(request, request.params.slug);
      return html(reply, renderPublicPage(p, request.query.lang ?? 'fr'));
    },
  );

  app.get(
    '/public/:slug/data',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The data dictionary of the open data (HTML; `?lang=en` for English)',
        produces: ['text/html'],
        params: SlugParams,
        querystring: LangQuery,
        response: { 200: Html, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const organisation = await findPublishedOrganisation(db, request.params.slug);
      if (!organisation) throw unpublished();
      return html(reply, renderDictionary(organisation, request.query.lang ?? 'fr'));
    },
  );

  app.get(
    '/public/:slug/data/:file',
    {
      config: { public: true },
      schema: {
        tags,
        summary: `Open data (Licence Ouverte / Etalab 2.0): \`datapackage.json\` (Frictionless Data Package; \`?lang=en\` for English titles) and each dataset as CSV or JSON: ${TABLE_NAMES.map((n) => `\`${n}\``).join(', ')}`,
        produces: ['application/json', 'text/csv'],
        params: FileParams,
        querystring: LangQuery,
        response: {
          200: z.unknown().meta({ description: 'The descriptor (JSON) or the dataset (CSV or JSON)' }),
          ...problems(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { slug, file } = request.params;
      const p = await load(request, slug);
      // Open data: readable from any origin (CORS), no cookie involved.
      reply
        .header('access-control-allow-origin', '*')
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('cache-control', 'public, max-age=300');
      if (file === 'datapackage.json') {
        const origin = `${request.protocol}://${request.host}`;
        return reply
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(dataPackage(p, request.query.lang ?? 'fr', origin), null, 2));
      }
      const [name, ext] = file.split('.') as [string, 'csv' | 'json'];
      const table = tableNamed(name);
      if (!table) throw new AppError('NOT_FOUND', 'No such dataset');
      if (ext === 'csv')
        return reply
          .type('text/csv; charset=utf-8; header=present')
          .header('content-disposition', `inline; filename="${name}.csv"`)
          .send(tableCsv(table, p));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(tableJson(table, p)));
    },
  );
}
