import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { organisations } from '../../db/schema.ts';
import { actorOf } from '../../http/auth.ts';
import { notFound } from '../../http/errors.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { recordAudit } from '../audit/service.ts';
import { scopeOf } from '../auth/actor.ts';
import {
  ACCESSIBILITY_STATUSES,
  AccessibilitySettingsSchema,
  InseeCodeSchema,
  parseSettings,
  SettingsSchema,
} from './settings.ts';

const OrganisationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    settings: SettingsSchema,
    can: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'Organisation' });

const UpdateOrganisationSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    settings: z
      .object({
        communes: z.array(InseeCodeSchema).max(500).optional(),
        technicianScope: z.enum(['all', 'assigned']).optional(),
        assetTagPattern: SettingsSchema.shape.assetTagPattern.unwrap().optional(),
        warrantyNoticeDays: SettingsSchema.shape.warrantyNoticeDays.unwrap().optional(),
        loanAutoApprove: z.boolean().optional(),
        loanDueMonthDay: SettingsSchema.shape.loanDueMonthDay.unwrap().optional(),
        loanRetentionDays: SettingsSchema.shape.loanRetentionDays.unwrap().optional(),
        loanReminderDaysBefore: SettingsSchema.shape.loanReminderDaysBefore.unwrap().optional(),
        dpoContact: SettingsSchema.shape.dpoContact.unwrap().optional(),
        loanConventionTemplate: z.object({ fr: z.string().max(20000), en: z.string().max(20000) }).optional(),
        publication: z.object({ published: z.boolean() }).strict().optional(),
        accessibility: z
          .object({
            status: z.enum(ACCESSIBILITY_STATUSES),
            auditedOn: z.iso.date().nullable(),
            auditor: z.string().trim().max(200),
            complianceRate: z.number().min(0).max(100).nullable(),
            plan: AccessibilitySettingsSchema.shape.plan.unwrap(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: 'UpdateOrganisationInput' });

export function organisationRoutes(app: App, { db }: AppDeps) {
  const present = (o: typeof organisations.$inferSelect, canUpdate: boolean) => ({
    id: o.id,
    slug: o.slug,
    name: o.name,
    settings: parseSettings(o.settings),
    can: { update: canUpdate },
  });

  app.get(
    '/api/organisation',
    {
      config: { permission: 'organisation.read' },
      schema: {
        tags: ['organisation'],
        summary: 'The signed-in user’s organisation and its settings',
        response: { 200: OrganisationSchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const [org] = await scope.tx.select().from(organisations).where(eq(organisations.id, actor.organisationId));
        if (!org) throw notFound('Organisation');
        return present(org, actor.roles.includes('admin'));
      });
    },
  );

  app.patch(
    '/api/organisation',
    {
      config: { permission: 'organisation.manage' },
      schema: {
        tags: ['organisation'],
        summary: 'Rename the organisation or change its settings (communes, technicians’ reach)',
        body: UpdateOrganisationSchema,
        response: { 200: OrganisationSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const [before] = await scope.tx
          .select()
          .from(organisations)
          .where(eq(organisations.id, actor.organisationId))
          .for('update');
        if (!before) throw notFound('Organisation');
        const settings = { ...parseSettings(before.settings), ...request.body.settings };
        const [after] = await scope.tx
          .update(organisations)
          .set({ name: request.body.name ?? before.name, settings, updatedAt: new Date() })
          .where(eq(organisations.id, actor.organisationId))
          .returning();
        if (!after) throw notFound('Organisation');
        await recordAudit(scope, {
          action: 'organisation.updated',
          entityType: 'organisation',
          entityId: after.id,
          before: { name: before.name, settings: parseSettings(before.settings) },
          after: { name: after.name, settings },
        });
        return present(after, true);
      });
    },
  );
}
