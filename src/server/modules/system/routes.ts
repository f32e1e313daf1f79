import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { API_VERSION } from '../../version.ts';
import { ACCESSIBILITY_STATUSES, parseSettings } from '../organisations/settings.ts';

const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
const ReadySchema = z
  .object({
    status: z.literal('ready'),
    database: z.enum(['pglite', 'postgres']),
    migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
  })
  .meta({ id: 'Ready' });

const PublicInfoSchema = z
  .object({
    /** Name of the organisation when the instance serves exactly one. */
    organisationName: z.string().nullable(),
    /** Where to report a problem (accessibility statement). */
    contactEmail: z.string().nullable(),
    /** RGAA compliance status: not evaluated until an audit is done. */
    accessibilityStatus: z.enum(ACCESSIBILITY_STATUSES),
    /** The statement's audit and multi-year plan (organisation setting), when the instance serves one organisation. */
    accessibility: z
      .object({
        auditedOn: z.string().nullable(),
        auditor: z.string(),
        complianceRate: z.number().nullable(),
        plan: z.array(z.object({ year: z.number().int(), actions: z.string() })),
      })
      .nullable(),
    /** Map tiles: XYZ URL template and attribution (SOCLE_MAP_TILE_URL). */
    map: z.object({ tileUrl: z.string(), attribution: z.string() }),
    version: z.string(),
  })
  .meta({ id: 'PublicInfo' });

export function systemRoutes(app: App, { db, config }: AppDeps) {
  app.get(
    '/api/public/info',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'What the login and accessibility pages show before sign-in',
        response: { 200: PublicInfoSchema },
      },
    },
    async () => {
      const orgs = await rows<{ name: string; settings: unknown }>(
        db.owner,
        sql`SELECT name, settings FROM organisations ORDER BY created_at LIMIT 2`,
      );
      const only = orgs.length === 1 ? orgs[0] : undefined;
      const a = only ? parseSettings(only.settings).accessibility : null;
      return {
        organisationName: only?.name ?? null,
        contactEmail: config.contactEmail,
        accessibilityStatus: a?.status ?? ('non_evalue' as const),
        accessibility: a
          ? { auditedOn: a.auditedOn, auditor: a.auditor, complianceRate: a.complianceRate, plan: a.plan }
          : null,
        map: { tileUrl: config.map.tileUrl, attribution: config.map.attribution },
        version: API_VERSION,
      };
    },
  );

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
