import { z } from 'zod';
import { permissionsOf } from '../../../shared/permissions.ts';
import { actorOf, clearSessionCookies, setSessionCookies } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { type Actor, schoolScope, scopeOf } from './actor.ts';
import {
  ApiTokenSchema,
  ChangePasswordSchema,
  CreateApiTokenSchema,
  LoginSchema,
  MeSchema,
  NewApiTokenSchema,
  UpdateMeSchema,
} from './schema.ts';
import {
  changePassword,
  createApiToken,
  findApiTokens,
  login,
  logout,
  logoutEverywhere,
  revokeApiToken,
  updateMe,
} from './service.ts';

const tags = ['auth'];

export function authRoutes(app: App, { db, config }: AppDeps) {
  // Everything /me says comes with the authenticated principal: no query.
  const me = (actor: Actor) => ({
    user: {
      id: actor.userId,
      email: actor.email,
      displayName: actor.displayName,
      locale: actor.locale,
      roles: [...actor.roles],
    },
    organisation: actor.organisation,
    schools: actor.schools.map((s) => ({ ...s })),
    schoolScope: schoolScope(actor) === 'all' ? ('all' as const) : ('attached' as const),
    permissions: permissionsOf(actor.roles),
    via: actor.via,
    csrfToken: actor.csrfToken,
  });

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: LoginSchema,
        response: { 200: MeSchema, ...problems(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      // Login CSRF: a browser posting from another site sends its Origin.
      const origin = request.headers.origin;
      if (origin && new URL(origin).host !== request.headers.host) {
        throw new AppError('CSRF_FAILED', 'Cross-site login refused');
      }
      const session = await login(db, config, { ...request.body, ip: request.ip, requestId: request.id });
      setSessionCookies(reply, config, session.token, session.csrfToken, session.absoluteExpiresAt);
      return me(session.actor);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, organisation, schools and permissions',
        response: { 200: MeSchema, ...problems(401) },
      },
    },
    async (request) => me(actorOf(request)),
  );

  app.patch(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'Change one’s own display name or language',
        body: UpdateMeSchema,
        response: { 200: MeSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const updated = await db.withOrg(scopeOf(actor, request.id), (scope) => updateMe(scope, actor, request.body));
      return me(updated);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'End this session', response: { 204: NoContent, ...problems(401, 403) } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.withOrg(scopeOf(actor, request.id), (scope) => logout(scope, actor));
      clearSessionCookies(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      schema: {
        tags,
        summary: 'End every session of the signed-in user',
        response: { 204: NoContent, ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.withOrg(scopeOf(actor, request.id), (scope) => logoutEverywhere(scope, actor));
      clearSessionCookies(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change one’s own password; other sessions end',
        body: ChangePasswordSchema,
        response: { 204: NoContent, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.withOrg(scopeOf(actor, request.id), (scope) =>
        changePassword(scope, actor, request.body.currentPassword, request.body.newPassword),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      config: { permission: 'tokens.manage' },
      schema: { tags, summary: 'My API tokens', response: { 200: z.array(ApiTokenSchema), ...problems(401, 403) } },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findApiTokens(scope, actor.userId));
    },
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { permission: 'tokens.manage' },
      schema: {
        tags,
        summary: 'Create an API token for integrations (shown once)',
        body: CreateApiTokenSchema,
        response: { 201: NewApiTokenSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
      if (expiresAt && expiresAt.getTime() <= Date.now()) {
        throw new AppError('VALIDATION_FAILED', 'expiresAt must be in the future', {
          fields: [{ path: 'body.expiresAt', message: 'must be in the future', code: 'in_past' }],
        });
      }
      const token = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        createApiToken(scope, actor.userId, request.body.name, expiresAt),
      );
      return reply.code(201).send(token);
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { permission: 'tokens.manage' },
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: z.object({ id: z.uuid() }),
        response: { 204: NoContent, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.withOrg(scopeOf(actor, request.id), (scope) => revokeApiToken(scope, actor.userId, request.params.id));
      return reply.code(204).send(null);
    },
  );
}
