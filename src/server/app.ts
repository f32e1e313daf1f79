import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyReply, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { authPlugin } from './http/auth.ts';
import { AppError, type InvalidField, toProblem } from './http/errors.ts';
import type { App, AppDeps } from './http/types.ts';
import { mailRoutes } from './mail/routes.ts';

export { API_VERSION };

import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { baselineRoutes } from './modules/baseline/routes.ts';
import { bookingRoutes } from './modules/bookings/routes.ts';
import { dashboardRoutes } from './modules/dashboard/routes.ts';
import { fileRoutes } from './modules/files/routes.ts';
import { fundingClaimRoutes } from './modules/funding/claims-routes.ts';
import { fundingRoutes } from './modules/funding/routes.ts';
import { familyTicketRoutes, helpdeskRoutes } from './modules/helpdesk/routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { inventoryRoutes } from './modules/inventory/routes.ts';
import { campaignRoutes } from './modules/loans/campaign-routes.ts';
import { loanIncidentAndRightsRoutes } from './modules/loans/incidents-rights-routes.ts';
import { loanRoutes } from './modules/loans/routes.ts';
import { organisationRoutes } from './modules/organisations/routes.ts';
import { procurementRoutes } from './modules/procurement/routes.ts';
import { publicationRoutes } from './modules/publication/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { schoolRoutes } from './modules/schools/routes.ts';
import { serviceRoutes } from './modules/services/routes.ts';
import { systemRoutes } from './modules/system/routes.ts';
import { trainingRoutes } from './modules/training/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { webhookRoutes } from './modules/webhooks/routes.ts';

import { API_VERSION } from './version.ts';

export interface BuildOptions {
  /** Directory of the built web UI; serve it when present. */
  readonly webDir?: string | null;
  readonly logger?: FastifyServerOptions['logger'];
}

/** The web build sits at <package root>/dist/web, found from src/ or dist/. */
export function defaultWebDir(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'dist', 'web');
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    // No personal data or secrets in logs: no headers, no IP, no query strings.
    redact: { paths: ['req.headers', 'headers.authorization', 'headers.cookie', '*.password'], remove: true },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

function fieldsFromValidation(error: FastifyError): InvalidField[] {
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const params = v.params as { issue?: { path?: (string | number)[]; code?: string; message?: string } } | undefined;
    const issuePath = params?.issue?.path ?? v.instancePath.split('/').filter(Boolean);
    return {
      path: [context, ...issuePath.map(String)].join('.'),
      message: v.message ?? 'invalid',
      code: params?.issue?.code ?? v.keyword,
    };
  });
}

function databaseErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.cause?.code === 'string' ? e.cause.code : e.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Error responses are RFC 9457 documents: declare their media type. */
function problemContentType<T>(document: T): T {
  const paths =
    (
      document as {
        paths?: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
      }
    ).paths ?? {};
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const first = response.content && Object.values(response.content)[0];
        if (Number(status) >= 400 && first) response.content = { 'application/problem+json': first };
      }
    }
  }
  return document;
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.http.trustProxy,
    bodyLimit: config.http.bodyLimit,
    routerOptions: { ignoreTrailingSlash: true },
    // The router's own refusals (a path parameter over 100 characters, a malformed escape) are problems too.
    frameworkErrors: (error, request, reply) => {
      const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long' : 'Malformed URL';
      (reply as unknown as FastifyReply)
        .code(400)
        .type('application/problem+json')
        .send(toProblem(new AppError('BAD_REQUEST', detail), request.id, request.url.split('?')[0]?.slice(0, 200)));
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets CSS variables in style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Map tiles come from the configured tile server.
        imgSrc: ["'self'", 'data:', new URL(config.map.tileUrl.replace(/\{[a-z]\}/g, '0')).origin],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.auth.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.auth.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError;
    if (error instanceof AppError) {
      appError = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      appError = new AppError('VALIDATION_FAILED', 'The request has invalid fields', {
        fields: fieldsFromValidation(error),
      });
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      appError = new AppError('PAYLOAD_TOO_LARGE', `Body larger than ${config.http.bodyLimit} bytes`);
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      appError = new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
    } else if (
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      appError = new AppError('BAD_REQUEST', 'The body is not valid JSON');
    } else if (error.statusCode === 405) {
      appError = new AppError('METHOD_NOT_ALLOWED');
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      appError = new AppError('BAD_REQUEST', 'Malformed request');
    } else if (
      databaseErrorCode(error) === 'P0001' &&
      /ASSET_INVALID_TRANSITION/.test(
        String((error as { cause?: { message?: string } }).cause?.message ?? error.message),
      )
    ) {
      // The database's copy of the lifecycle refused a change the service let through.
      appError = new AppError('ASSET_INVALID_TRANSITION', 'Status change not allowed');
    } else if (databaseErrorCode(error) === '23P01') {
      // Exclusion constraints (bookings_no_overlap) are the backstop of the bookings service's check.
      appError = new AppError('BOOKING_CONFLICT', 'This overlaps an existing booking');
    } else if (databaseErrorCode(error) === '23505') {
      // Unique constraints are the backstop of services' own checks.
      appError = new AppError('CONFLICT', 'This would create a duplicate');
    } else if (databaseErrorCode(error) === '23503') {
      appError = new AppError('CONFLICT', 'This refers to, or is referred to by, another record');
    } else {
      // Drizzle's message carries the query parameters (personal data): log the cause only.
      const cause = (error as { cause?: { code?: string; message?: string; table?: string; constraint?: string } })
        .cause;
      request.log.error(
        cause?.code
          ? { db: { code: cause.code, message: cause.message, table: cause.table, constraint: cause.constraint } }
          : { err: { type: error.name, message: error.message, stack: error.stack } },
        'unhandled error',
      );
      appError = new AppError('INTERNAL', `Unexpected error; quote request id ${request.id} to support`);
    }
    if (appError.details.retryAfter !== undefined) reply.header('retry-after', String(appError.details.retryAfter));
    reply
      .code(appError.status)
      .type('application/problem+json')
      .serializer(JSON.stringify)
      .send(toProblem(appError, request.id, request.url.split('?')[0]));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Socle API',
        version: API_VERSION,
        description:
          'API of Socle, the platform a city uses to run the digital plan of its public primary schools. ' +
          'Authenticate with the session cookie (browser; send X-CSRF-Token on state-changing requests) or a bearer API token. ' +
          'Errors are RFC 9457 problem documents with a stable `code`.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'socle_session' },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'API token created in the account page or with `socle token create`',
          },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      // Public routes need no credentials.
      if ((input.route.config as { public?: boolean } | undefined)?.public) {
        return { ...out, schema: { ...(out.schema as object), security: [] } };
      }
      return out;
    },
    transformObject: (input) => problemContentType(jsonSchemaTransformObject(input)),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(authPlugin, { db: deps.db, config });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  systemRoutes(app, deps);
  authRoutes(app, deps);
  identityRoutes(app, deps);
  userRoutes(app, deps);
  organisationRoutes(app, deps);
  mailRoutes(app, deps);
  schoolRoutes(app, deps);
  auditRoutes(app, deps);
  inventoryRoutes(app, deps);
  fileRoutes(app, deps);
  loanRoutes(app, deps);
  campaignRoutes(app, deps);
  loanIncidentAndRightsRoutes(app, deps);
  fundingRoutes(app, deps);
  procurementRoutes(app, deps);
  fundingClaimRoutes(app, deps);
  baselineRoutes(app, deps);
  serviceRoutes(app, deps);
  bookingRoutes(app, deps);
  trainingRoutes(app, deps);
  helpdeskRoutes(app, deps);
  familyTicketRoutes(app, deps);
  publicationRoutes(app, deps);
  dashboardRoutes(app, deps);
  reportRoutes(app, deps);
  webhookRoutes(app, deps);

  const webDir = options.webDir === undefined ? defaultWebDir() : options.webDir;
  if (webDir) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes .br/.gz twins (scripts/build.mjs); `Vary: Accept-Encoding` is set by the plugin.
      preCompressed: true,
      // Vite names the files under assets/ by their content: they never change, so browsers keep
      // them for a year without asking again. Everything else (index.html…) is revalidated.
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    // Client-side routes of the single-page app. Family links carry dots (`/famille/<id>.<day>.<signature>`):
    // they are pages, not files.
    const page = !path.extname(pathname) || pathname.startsWith('/famille/');
    if (webDir && request.method === 'GET' && !pathname.startsWith('/api/') && page) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    reply
      .code(404)
      .type('application/problem+json')
      .send(toProblem(new AppError('NOT_FOUND', `No route ${request.method} ${pathname}`), request.id, pathname));
  });

  return app;
}
