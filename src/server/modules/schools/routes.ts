import { asc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { schools } from '../../db/schema.ts';
import { actorOf } from '../../http/auth.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { schoolScope, scopeOf } from '../auth/actor.ts';

const SchoolRefSchema = z
  .object({ id: z.uuid(), uai: z.string(), name: z.string(), kind: z.string() })
  .meta({ id: 'SchoolRef' });

/**
 * The minimal school list the foundation needs (user scopes, demo). The
 * schools module replaces it with the full registry.
 */
export function schoolRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/schools',
    {
      config: { permission: 'schools.read' },
      schema: {
        tags: ['schools'],
        summary: 'Schools the user can see',
        response: { 200: z.array(SchoolRefSchema), ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const reach = schoolScope(actor);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        if (reach !== 'all' && reach.length === 0) return [];
        return scope.tx
          .select({ id: schools.id, uai: schools.uai, name: schools.name, kind: schools.kind })
          .from(schools)
          .where(reach === 'all' ? undefined : inArray(schools.id, [...reach]))
          .orderBy(asc(schools.name));
      });
    },
  );
}
