import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import { programmeReportData, programmeReportPdf } from './programme-report.ts';

const Params = z.object({ id: z.uuid() }).strict();
const Query = z.object({ lang: z.enum(['fr', 'en']).optional() }).strict();

/** Reports generated on demand (module README). Transport only. */
export function reportRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/funding/programmes/:id/report.pdf',
    {
      config: { permission: 'funding.read' },
      schema: {
        tags: ['reports'],
        summary:
          'The programme report for the city council (PDF): co-funding and EU mentions, budget, indicators, socle numérique of its schools',
        params: Params,
        querystring: Query,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ description: 'PDF' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const lang = request.query.lang ?? actor.locale;
      const data = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        programmeReportData(scope, actor, request.params.id),
      );
      const body = Buffer.from(await programmeReportPdf(data, lang));
      reply.header(
        'content-disposition',
        `attachment; filename="${lang === 'fr' ? 'rapport-programme' : 'programme-report'}.pdf"`,
      );
      return reply.type('application/pdf').send(body as never);
    },
  );
}
