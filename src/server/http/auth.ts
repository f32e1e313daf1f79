import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from '../../shared/permissions.ts';
import { can } from '../../shared/permissions.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, safeEqual } from '../modules/auth/rules.ts';
import { resolveApiToken, resolveSession } from '../modules/auth/service.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without authentication. Every other /api route requires it (deny by default). */
    public?: boolean;
    /** Permission required for the whole operation; object checks stay in services. */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookies(reply: FastifyReply, config: Config, token: string, csrf: string, expires: Date) {
  const common = { path: '/', sameSite: 'lax' as const, secure: config.auth.secureCookies, expires };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  // Readable by the page so it can echo it in the X-CSRF-Token header.
  reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, config: Config) {
  const common = { path: '/', sameSite: 'lax' as const, secure: config.auth.secureCookies };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, common);
}

/** The authenticated actor of a route that is not public. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/**
 * Resolves the actor of every /api request (bearer token first, then the
 * session cookie), then enforces: authentication unless the route is public,
 * CSRF on state-changing cookie requests, and the route's permission.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Database; config: Config }) => {
  const { db, config } = opts;
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || !request.routeOptions.url) return;
    const routeConfig = request.routeOptions.config;

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match?.[1] ? await resolveApiToken(db, config, match[1]) : null;
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Invalid or revoked API token');
      request.actor = actor;
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        request.actor = await resolveSession(db, config, token);
        if (!request.actor) {
          clearSessionCookies(reply, config);
          if (!routeConfig.public) throw new AppError('SESSION_EXPIRED', 'Your session has expired; sign in again');
        }
      }
    }

    if (!routeConfig.public && !request.actor) throw new AppError('UNAUTHENTICATED');

    const actor = request.actor;
    if (actor?.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) {
        throw new AppError('CSRF_FAILED', 'Missing or invalid X-CSRF-Token header');
      }
    }

    if (routeConfig.permission && (!actor || !can(actor.roles, routeConfig.permission))) {
      throw new AppError('FORBIDDEN', `Missing permission ${routeConfig.permission}`);
    }
  });
});
