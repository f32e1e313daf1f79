import { z } from 'zod';
import { actorOf } from '../http/auth.ts';
import { AppError } from '../http/errors.ts';
import { problems } from '../http/schemas.ts';
import type { App, AppDeps } from '../http/types.ts';
import { recordAudit } from '../modules/audit/service.ts';
import { scopeOf } from '../modules/auth/actor.ts';
import {
  MailLogEntrySchema,
  MailSettingsSchema,
  SaveMailSettingsSchema,
  TestMailResultSchema,
  TestMailSchema,
} from './schema.ts';
import { deleteMailSettings, findMailLog, getMailSettings, saveMailSettings, sendMail } from './service.ts';
import { testMail } from './templates.ts';

const tags = ['organisation'];

/** The organisation's mail server (admins), a test mail, and the mail log. */
export function mailRoutes(app: App, deps: AppDeps) {
  const { db, config, secrets } = deps;

  app.get(
    '/api/organisation/mail',
    {
      config: { permission: 'organisation.manage' },
      schema: {
        tags,
        summary: 'The mail server (SMTP) of the organisation; the password is never returned (passwordSet)',
        response: { 200: MailSettingsSchema, ...problems(401, 403) },
      },
    },
    async (request) => db.withOrg(scopeOf(actorOf(request), request.id), (scope) => getMailSettings(scope, config)),
  );

  app.put(
    '/api/organisation/mail',
    {
      config: { permission: 'organisation.manage' },
      schema: {
        tags,
        summary:
          'Set the mail server (SMTP); the password is kept encrypted — omit it to keep the stored one, null to remove it',
        body: SaveMailSettingsSchema,
        response: { 200: MailSettingsSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      db.withOrg(scopeOf(actorOf(request), request.id), (scope) =>
        saveMailSettings(scope, config, secrets, request.body),
      ),
  );

  app.delete(
    '/api/organisation/mail',
    {
      config: { permission: 'organisation.manage' },
      schema: {
        tags,
        summary: 'Remove the organisation’s mail server (the instance default SMTP_URL applies, if any)',
        response: { 200: MailSettingsSchema, ...problems(401, 403) },
      },
    },
    async (request) => db.withOrg(scopeOf(actorOf(request), request.id), (scope) => deleteMailSettings(scope, config)),
  );

  app.post(
    '/api/organisation/mail/test',
    {
      config: { permission: 'organisation.manage' },
      schema: {
        tags,
        summary: 'Send a test mail with the saved settings (to the signed-in user unless told otherwise)',
        body: TestMailSchema,
        response: { 200: TestMailResultSchema, ...problems(400, 401, 403, 409, 502) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const to = request.body.to ?? actor.email;
      const result = await sendMail(deps, actor.organisationId, {
        to,
        ...testMail(actor.locale, actor.organisation.name),
        template: 'test',
        locale: actor.locale,
      });
      await db.withOrg(scopeOf(actor, request.id), (scope) =>
        recordAudit(scope, {
          action: 'mail.test_sent',
          entityType: 'organisation',
          entityId: actor.organisationId,
          after: { status: result.status },
        }),
      );
      if (result.status === 'not_configured') throw new AppError('MAIL_NOT_CONFIGURED');
      if (result.status === 'failed') throw new AppError('MAIL_SEND_FAILED', result.error);
      if (result.status !== 'sent') throw new AppError('INTERNAL');
      return { status: 'sent' as const, to, messageId: result.messageId };
    },
  );

  app.get(
    '/api/organisation/mail/log',
    {
      config: { permission: 'organisation.manage' },
      schema: {
        tags,
        summary: 'The latest mails sent or tried (a family’s address is not shown: its pseudonym is)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.array(MailLogEntrySchema), ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      db.withOrg(scopeOf(actorOf(request), request.id), (scope) => findMailLog(scope, request.query.limit)),
  );
}
