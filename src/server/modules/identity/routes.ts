import { z } from 'zod';
import { actorOf, clearSessionCookies, setSessionCookies } from '../../http/auth.ts';
import { notFound } from '../../http/errors.ts';
import { NoContent, problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { scopeOf } from '../auth/actor.ts';
import {
  findLoginProviders,
  finishSso,
  SSO_STATE_COOKIE,
  SSO_STATE_PATH,
  SsoError,
  ssoLogout,
  startSso,
} from './oidc.ts';
import {
  CallbackQuerySchema,
  CreateIdentityProviderSchema,
  IdentityProviderSchema,
  IdentitySettingsSchema,
  LoginProviderSchema,
  SsoLogoutSchema,
  StartQuerySchema,
  UpdateIdentityProviderSchema,
  UpdateIdentitySettingsSchema,
} from './schema.ts';
import {
  createProvider,
  deleteProvider,
  findProviders,
  getIdentitySettings,
  getProvider,
  redirectUriOf,
  updateIdentitySettings,
  updateProvider,
} from './service.ts';

const tags = ['identity'];
const queryOf = (url: string) => (url.includes('?') ? url.slice(url.indexOf('?')) : '');
const Id = z.object({ id: z.uuid() });
const Redirect = z.null().meta({ description: 'Redirect (Location header)' });

export function identityRoutes(app: App, { db, config, secrets }: AppDeps) {
  const stateCookie = {
    path: SSO_STATE_PATH,
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
    sameSite: 'lax' as const,
    secure: config.auth.secureCookies,
  };

  // ---- administration ----

  app.get(
    '/api/identity/providers',
    {
      config: { permission: 'identity.manage' },
      schema: {
        tags,
        summary: 'Identity providers (OpenID Connect) of the organisation',
        response: { 200: z.array(IdentityProviderSchema), ...problems(401, 403) },
      },
    },
    async (request) => db.withOrg(scopeOf(actorOf(request), request.id), (scope) => findProviders(scope, config)),
  );

  app.post(
    '/api/identity/providers',
    {
      config: { permission: 'identity.manage' },
      schema: {
        tags,
        summary: 'Add an identity provider; its client secret is stored encrypted and never returned',
        body: CreateIdentityProviderSchema,
        response: { 201: IdentityProviderSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const created = await db.withOrg(scopeOf(actorOf(request), request.id), (scope) =>
        createProvider(scope, config, secrets, request.body),
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/identity/providers/:id',
    {
      config: { permission: 'identity.manage' },
      schema: {
        tags,
        summary: 'One identity provider',
        params: Id,
        response: { 200: IdentityProviderSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) =>
      db.withOrg(scopeOf(actorOf(request), request.id), (scope) => getProvider(scope, config, request.params.id)),
  );

  app.patch(
    '/api/identity/providers/:id',
    {
      config: { permission: 'identity.manage' },
      schema: {
        tags,
        summary: 'Change an identity provider (clientSecret: a new one, null to remove, absent to keep)',
        params: Id,
        body: UpdateIdentityProviderSchema,
        response: { 200: IdentityProviderSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      db.withOrg(scopeOf(actorOf(request), request.id), (scope) =>
        updateProvider(scope, config, secrets, request.params.id, request.body),
      ),
  );

  app.delete(
    '/api/identity/providers/:id',
    {
      config: { permission: 'identity.manage' },
      schema: {
        tags,
        summary: 'Delete an identity provider (its account links go with it)',
        params: Id,
        response: { 204: NoContent, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await db.withOrg(scopeOf(actorOf(request), request.id), (scope) => deleteProvider(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/identity/settings',
    {
      config: { permission: 'identity.manage' },
      schema: {
        tags,
        summary: 'Sign-in settings of the organisation',
        response: { 200: IdentitySettingsSchema, ...problems(401, 403) },
      },
    },
    async (request) => db.withOrg(scopeOf(actorOf(request), request.id), (scope) => getIdentitySettings(scope)),
  );

  app.put(
    '/api/identity/settings',
    {
      config: { permission: 'identity.manage' },
      schema: {
        tags,
        summary:
          'Turn password sign-in on or off; off requires that you signed in through an enabled provider of the organisation',
        body: UpdateIdentitySettingsSchema,
        response: { 200: IdentitySettingsSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => updateIdentitySettings(scope, actor, request.body));
    },
  );

  // ---- sign-in ----

  app.get(
    '/api/auth/oidc/providers',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Enabled identity providers, for the login page buttons',
        response: { 200: z.array(LoginProviderSchema) },
      },
    },
    async () => findLoginProviders(db),
  );

  app.get(
    '/api/auth/oidc/:id/start',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Start signing in with an identity provider: redirects to it (authorisation code + PKCE)',
        params: Id,
        querystring: StartQuerySchema,
        response: { 302: Redirect, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const started = await startSso(db, config, secrets, {
        providerId: request.params.id,
        redirect: request.query.redirect,
        requestId: request.id,
      }).catch((error: unknown) => {
        request.log.warn({ sso: error instanceof SsoError ? error.reason : 'discovery' }, 'sso start failed');
        return 'failed' as const;
      });
      if (started === null) throw notFound('Identity provider');
      if (started === 'failed') return reply.redirect('/login?sso=provider', 302);
      reply.setCookie(SSO_STATE_COOKIE, started.cookie, { ...stateCookie, maxAge: 600 });
      return reply.redirect(started.url, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'Where the identity provider sends the browser back: opens the session, then redirects (to /login?sso=<reason> when refused)',
        querystring: CallbackQuerySchema,
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      const cookie = request.cookies[SSO_STATE_COOKIE];
      // One use: whatever happens, the state is spent.
      reply.clearCookie(SSO_STATE_COOKIE, stateCookie);
      try {
        const result = await finishSso(db, config, secrets, {
          cookie,
          // The redirect URI exactly as sent to the provider, with the query it added.
          callbackUrl: new URL(`${redirectUriOf(config)}${queryOf(request.url)}`),
          requestId: request.id,
        });
        const { session } = result;
        setSessionCookies(reply, config, session.token, session.csrfToken, session.absoluteExpiresAt);
        return reply.redirect(result.redirect, 302);
      } catch (error) {
        const reason = error instanceof SsoError ? error.reason : 'provider';
        request.log.warn({ sso: reason }, 'sso sign-in refused');
        if (!(error instanceof SsoError)) request.log.error({ err: { type: (error as Error).name } }, 'sso error');
        return reply.redirect(`/login?sso=${reason}`, 302);
      }
    },
  );

  app.post(
    '/api/auth/oidc/logout',
    {
      schema: {
        tags: ['auth'],
        summary:
          'End this session; when it came from an identity provider with RP-initiated logout, returns where to send the browser',
        response: { 200: SsoLogoutSchema, ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const endSessionUrl = await ssoLogout(db, config, secrets, actor, request.id);
      clearSessionCookies(reply, config);
      return { endSessionUrl };
    },
  );
}
