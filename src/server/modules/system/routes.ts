import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../http/errors.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';

const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
const ReadySchema = z
  .object({
    status: z.literal('ready'),
    database: z.enum(['pglite', 'postgres']),
    migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
  })
  .meta({ id: 'Ready' });

export function systemRoutes(app: App, { db }: AppDeps) {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'The process is up', response: { 200: HealthSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'The database answers and its migrations are current',
        response: { 200: ReadySchema, ...problems(503) },
      },
    },
    async () => {
      let migrations: { applied: number; expected: number };
      try {
        await db.owner.execute(sql`SELECT 1`);
        migrations = await db.migrationStatus();
      } catch {
        throw new AppError('NOT_READY', 'Database unreachable');
      }
      if (migrations.applied !== migrations.expected) throw new AppError('NOT_READY', 'Migrations are not current');
      return { status: 'ready' as const, database: db.kind, migrations };
    },
  );
}
