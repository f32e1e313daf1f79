import { actorOf } from '../../http/auth.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import { DashboardQuerySchema, DashboardSchema } from './schema.ts';
import { dashboard } from './service.ts';

/**
 * The dashboards (issue #9 points 1 and 2). Transport only. Every staff
 * role reads schools (`schools.read`); each panel then needs its module's
 * read permission and is absent (null) without it. School-scoped roles see
 * their schools only; another school is "not found".
 */
export function dashboardRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/dashboard',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags: ['dashboard'],
        summary:
          'Key figures with their trend since the start of the school year, monthly series, per-school table and socle status (filters: school year, circonscription, priority education, one school); panels the actor cannot read are null',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => dashboard(scope, actor, request.query));
    },
  );
}
