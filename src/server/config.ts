import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is read once from the environment at boot, validated, frozen.
 * Every variable is documented here, beside its validator, and in the README.
 * Secrets are never logged: `describeConfig` prints a redacted view.
 */

const bool = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(v)));

const EnvSchema = z.object({
  /** Runtime mode; `production` turns on the `Secure` cookie flag. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PostgreSQL server URL; when unset, the embedded PGlite database is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Directory of the embedded database (PGlite) and of uploaded files. */
  SOCLE_DATA_DIR: z.string().min(1).default('./data'),
  /** Seed the demo organisation "Ville du Mans" on an empty database (default on). */
  SOCLE_DEMO: bool(true),
  /** Bootstrap admin account, created or reset at start when both are set. */
  SOCLE_ADMIN_EMAIL: z.email().optional(),
  SOCLE_ADMIN_PASSWORD: z.string().min(1).optional(),
  /** Name of the organisation created for the bootstrap admin when the demo is off. */
  SOCLE_ORGANISATION_NAME: z.string().min(1).max(200).default('Ma collectivité'),
  /** Session idle timeout and absolute lifetime, in minutes. */
  SOCLE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SOCLE_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Failed logins allowed per account, and per IP address, in the throttle window. */
  SOCLE_LOGIN_MAX_FAILURES_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SOCLE_LOGIN_MAX_FAILURES_IP: z.coerce.number().int().min(1).default(100),
  SOCLE_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Trust X-Forwarded-* headers (set when behind a reverse proxy). */
  SOCLE_TRUST_PROXY: bool(false),
  /** Run background jobs (pg-boss) in this process. */
  SOCLE_JOBS: bool(true),
  /**
   * A job still active after this many seconds is taken for lost (its process died) and
   * retried; expired jobs are looked for at least this often (every 5 minutes at most).
   * Default 900 (pg-boss's own default, 15 minutes); test/resilience/job-crash uses 20.
   */
  SOCLE_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Log level (pino). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Contact address shown on the accessibility statement and login page (report a problem). */
  SOCLE_CONTACT_EMAIL: z.email().optional(),
  /** Secret of the instance (≥ 32 bytes, base64 or hex): signs family links. Generated and kept in the database when unset. */
  SOCLE_SECRET_KEY: z
    .string()
    .refine(
      (v) => /^[0-9a-f]{64,}$/i.test(v) || Buffer.from(v, 'base64').length >= 32,
      'must be at least 32 bytes, hex or base64',
    )
    .optional(),
  /** Public address of this instance (QR labels, links in e-mails); default http://localhost:PORT. */
  SOCLE_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be an http(s) URL')
    .optional(),
  /** Map tiles (XYZ URL template) and their attribution; the map works without them. */
  SOCLE_MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+\{z\}[^\s]*$/, 'must be an http(s) URL template with {z}, {x} and {y}')
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  SOCLE_MAP_ATTRIBUTION: z.string().max(300).default('© OpenStreetMap contributors'),
  /** Largest attachment (photo, PDF), in bytes. */
  SOCLE_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1_048_576)
    .default(10 * 1_048_576),
  /** Maximum JSON body size in bytes. */
  SOCLE_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  /** Default outgoing mail server for organisations without their own (smtp:// STARTTLS when offered, smtps:// TLS). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** Sender address of mails sent through SMTP_URL. */
  SMTP_FROM: z.email().optional(),
  /** Outbound webhooks: base delay of the retries (1×, 5×, 30×… this), in ms; default one minute. */
  SOCLE_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(60_000),
  /** Outbound webhooks: time allowed to a receiver to answer, in ms. */
  SOCLE_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Outbound webhooks: consecutive failed attempts after which an endpoint is disabled. */
  SOCLE_WEBHOOK_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  /** Outbound webhooks: allow plain http:// endpoints anywhere (otherwise https, or http to loopback outside production). */
  SOCLE_WEBHOOK_ALLOW_HTTP: bool(false),
  /** Outbound webhooks: deliveries attempted at once by each process running jobs. */
  SOCLE_WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** Outbound webhooks: days a finished delivery, its attempts and its event are kept (the webhooks-purge job). */
  SOCLE_WEBHOOK_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly http: {
    readonly port: number;
    readonly host: string;
    readonly trustProxy: boolean;
    readonly bodyLimit: number;
  };
  readonly database:
    | { readonly kind: 'pglite'; readonly dataDir: string }
    | { readonly kind: 'postgres'; readonly url: string };
  readonly dataDir: string;
  readonly bootstrap: {
    readonly demo: boolean;
    readonly admin: { readonly email: string; readonly password: string } | null;
    readonly organisationName: string;
  };
  readonly auth: {
    readonly sessionIdleMinutes: number;
    readonly sessionAbsoluteHours: number;
    readonly secureCookies: boolean;
    readonly maxFailuresPerAccount: number;
    readonly maxFailuresPerIp: number;
    readonly windowMinutes: number;
  };
  readonly jobs: { readonly enabled: boolean; readonly expireSeconds: number };
  readonly logLevel: string;
  readonly contactEmail: string | null;
  readonly map: { readonly tileUrl: string; readonly attribution: string };
  readonly uploads: { readonly maxBytes: number };
  readonly secretKey: Buffer | null;
  /** Public base URL, without trailing slash. */
  readonly publicUrl: string;
  /** Default SMTP server (SMTP_URL), used by organisations that set none. */
  readonly smtp: { readonly url: string; readonly from: string | null } | null;
  /** Outbound webhooks (modules/webhooks/README.md). */
  readonly webhooks: {
    readonly retryBaseMs: number;
    readonly timeoutMs: number;
    readonly maxFailures: number;
    readonly allowHttp: boolean;
    readonly logDays: number;
    readonly concurrency: number;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most twelve-factor tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.SOCLE_ADMIN_EMAIL === undefined) !== (e.SOCLE_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration:\n  SOCLE_ADMIN_EMAIL and SOCLE_ADMIN_PASSWORD must be set together');
  }
  const dataDir = path.resolve(e.SOCLE_DATA_DIR);
  const config: Config = {
    env: e.NODE_ENV,
    http: { port: e.PORT, host: e.HOST, trustProxy: e.SOCLE_TRUST_PROXY, bodyLimit: e.SOCLE_BODY_LIMIT },
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    bootstrap: {
      demo: e.SOCLE_DEMO,
      admin:
        e.SOCLE_ADMIN_EMAIL && e.SOCLE_ADMIN_PASSWORD
          ? { email: e.SOCLE_ADMIN_EMAIL, password: e.SOCLE_ADMIN_PASSWORD }
          : null,
      organisationName: e.SOCLE_ORGANISATION_NAME,
    },
    auth: {
      sessionIdleMinutes: e.SOCLE_SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: e.SOCLE_SESSION_ABSOLUTE_HOURS,
      secureCookies: e.NODE_ENV === 'production',
      maxFailuresPerAccount: e.SOCLE_LOGIN_MAX_FAILURES_ACCOUNT,
      maxFailuresPerIp: e.SOCLE_LOGIN_MAX_FAILURES_IP,
      windowMinutes: e.SOCLE_LOGIN_WINDOW_MINUTES,
    },
    jobs: { enabled: e.SOCLE_JOBS, expireSeconds: e.SOCLE_JOB_EXPIRE_SECONDS },
    logLevel: e.LOG_LEVEL,
    contactEmail: e.SOCLE_CONTACT_EMAIL ?? null,
    map: { tileUrl: e.SOCLE_MAP_TILE_URL, attribution: e.SOCLE_MAP_ATTRIBUTION },
    uploads: { maxBytes: e.SOCLE_UPLOAD_MAX_BYTES },
    secretKey: e.SOCLE_SECRET_KEY
      ? Buffer.from(e.SOCLE_SECRET_KEY, /^[0-9a-f]{64,}$/i.test(e.SOCLE_SECRET_KEY) ? 'hex' : 'base64')
      : null,
    publicUrl: (e.SOCLE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM ?? null } : null,
    webhooks: {
      retryBaseMs: e.SOCLE_WEBHOOK_RETRY_BASE_MS,
      timeoutMs: e.SOCLE_WEBHOOK_TIMEOUT_MS,
      maxFailures: e.SOCLE_WEBHOOK_MAX_FAILURES,
      allowHttp: e.SOCLE_WEBHOOK_ALLOW_HTTP,
      logDays: e.SOCLE_WEBHOOK_LOG_DAYS,
      concurrency: e.SOCLE_WEBHOOK_CONCURRENCY,
    },
  };
  return deepFreeze(config);
}

/** A loggable view of the configuration: no secrets, no passwords in URLs. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    env: config.env,
    port: config.http.port,
    database:
      config.database.kind === 'pglite'
        ? { kind: 'pglite', dataDir: config.database.dataDir }
        : { kind: 'postgres', url: redactUrl(config.database.url) },
    demo: config.bootstrap.demo,
    bootstrapAdmin: config.bootstrap.admin ? 'set' : 'unset',
    jobs: config.jobs.enabled,
    smtp: config.smtp ? redactUrl(config.smtp.url) : 'unset',
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://***';
  }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Buffer.isBuffer(o)) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
