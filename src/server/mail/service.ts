import { and, desc, eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import { type Database, rows, type Scope, type ScopeContext } from '../db/connection.ts';
import { households, mailLog, mailSettings, organisations } from '../db/schema.ts';
import { recordAudit } from '../modules/audit/service.ts';
import type { Secrets } from '../secrets.ts';
import { decryptSecret, encryptSecret } from './crypto.ts';
import type { MailSecurity, SaveMailSettingsInput } from './schema.ts';

/**
 * Outgoing mail over SMTP (nodemailer). Each organisation sets its own
 * server (admin page); SMTP_URL is the instance's default. Every message
 * goes through the mail log, which is also the outbox: a message with an
 * idempotency key is sent at most once per organisation — a job or a
 * button run twice sends nothing twice; a failed one is tried again on the
 * next call, up to MAX_ATTEMPTS.
 *
 * Never call these functions inside a database transaction: they open
 * their own (and PGlite runs one at a time), and SMTP can take seconds.
 */

export interface MailDeps {
  readonly db: Database;
  readonly config: Config;
  readonly secrets: Secrets;
}

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string | undefined;
  /** Idempotency key: a mail with the same key is sent once per organisation. */
  readonly key?: string | undefined;
  /** Which template made it (family_link, reminder_due…); `custom` by default. */
  readonly template?: string | undefined;
  readonly locale?: 'fr' | 'en' | undefined;
  /** A family's mail: the address is personal data, cleared with the household's. */
  readonly loanId?: string | null | undefined;
  readonly householdId?: string | null | undefined;
}

export type SendResult =
  | { readonly status: 'sent'; readonly logId: string; readonly messageId: string | null }
  | { readonly status: 'duplicate'; readonly logId: string }
  | { readonly status: 'failed'; readonly logId: string; readonly error: string }
  | { readonly status: 'not_configured' };

export interface Mailer {
  readonly source: 'organisation' | 'environment';
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

/** Tries per idempotency key before giving up (a failed mail is retried at the next run). */
export const MAX_ATTEMPTS = 5;
/** A mail still `sending` after this long was abandoned (process stopped): it may be tried again. */
const STALE_SENDING_MS = 15 * 60_000;

const systemContext = (organisationId: string): ScopeContext => ({
  organisationId,
  userId: null,
  actorKind: 'system',
  requestId: null,
});

export const recipientHash = (secrets: Secrets, address: string) =>
  secrets.hash('mail-recipient', address.trim().toLowerCase());

interface Resolved {
  readonly source: 'organisation' | 'environment';
  readonly transport: ReturnType<typeof nodemailer.createTransport>;
  readonly from: { name: string; address: string };
  readonly replyTo: string | null;
  /** Why every send fails (a password this instance cannot decrypt), if so. */
  readonly broken: string | null;
}

/**
 * One pooled connection per mailer: a job sending hundreds of reminders
 * reuses it (a new connection per message cost ~110 ms each against a local
 * server). `opportunistic`: STARTTLS when the server offers it (smtp:// URLs).
 */
function transportFor(
  host: string,
  port: number,
  security: MailSecurity | 'opportunistic',
  username: string | null,
  password: string | null,
) {
  return nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    maxMessages: 500,
    host,
    port,
    secure: security === 'tls',
    requireTLS: security === 'starttls',
    ignoreTLS: security === 'none',
    ...(username ? { auth: { user: username, pass: password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** SMTP_URL: smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465 (TLS). */
function transportFromUrl(value: string) {
  const url = new URL(value);
  const tls = url.protocol === 'smtps:';
  return transportFor(
    url.hostname,
    Number(url.port) || (tls ? 465 : 587),
    tls ? 'tls' : 'opportunistic',
    url.username ? decodeURIComponent(url.username) : null,
    url.password ? decodeURIComponent(url.password) : null,
  );
}

async function resolve(deps: MailDeps, organisationId: string): Promise<Resolved | null> {
  const found = await deps.db.withOrg(systemContext(organisationId), async (scope) => {
    const [org] = await scope.tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    const [settings] = await scope.tx
      .select()
      .from(mailSettings)
      .where(eq(mailSettings.organisationId, organisationId));
    return { name: org?.name ?? 'Socle', settings };
  });
  const { name, settings } = found;
  if (settings) {
    const password = settings.passwordEnc ? decryptSecret(deps.secrets, settings.passwordEnc) : null;
    return {
      source: 'organisation',
      transport: transportFor(
        settings.host,
        settings.port,
        settings.security as MailSecurity,
        settings.username,
        password,
      ),
      from: { name, address: settings.fromAddress },
      replyTo: settings.replyTo,
      broken:
        settings.passwordEnc && password === null
          ? 'The stored SMTP password cannot be decrypted with this instance key (SOCLE_SECRET_KEY changed?): enter it again'
          : null,
    };
  }
  if (deps.config.smtp) {
    return {
      source: 'environment',
      transport: transportFromUrl(deps.config.smtp.url),
      from: { name, address: deps.config.smtp.from ?? `noreply@${new URL(deps.config.publicUrl).hostname}` },
      replyTo: null,
      broken: null,
    };
  }
  return null;
}

/** Claims the log row of a mail: whether to send it now, or why not. */
async function claim(
  deps: MailDeps,
  organisationId: string,
  mail: OutgoingMail,
): Promise<{ id: string; go: true } | { id: string; go: false; result: SendResult }> {
  const values = {
    organisationId,
    key: mail.key ?? null,
    template: mail.template ?? 'custom',
    locale: mail.locale ?? 'fr',
    loanId: mail.loanId ?? null,
    householdId: mail.householdId ?? null,
    recipient: mail.to,
    recipientHash: recipientHash(deps.secrets, mail.to),
    subject: mail.subject,
  };
  return deps.db.withOrg(systemContext(organisationId), async (scope) => {
    if (!mail.key) {
      const [row] = await scope.tx.insert(mailLog).values(values).returning({ id: mailLog.id });
      if (!row) throw new Error('mail log insert failed');
      return { id: row.id, go: true };
    }
    // The unique index (organisation, key) decides between concurrent senders, across processes.
    const inserted = await rows<{ id: string }>(
      scope.tx,
      sql`INSERT INTO mail_log (organisation_id, key, template, locale, loan_id, household_id, recipient, recipient_hash, subject)
          VALUES (${values.organisationId}, ${values.key}, ${values.template}, ${values.locale}, ${values.loanId},
                  ${values.householdId}, ${values.recipient}, ${values.recipientHash}, ${values.subject})
          ON CONFLICT (organisation_id, key) WHERE key IS NOT NULL DO NOTHING
          RETURNING id`,
    );
    if (inserted[0]) return { id: inserted[0].id, go: true };
    const [existing] = await scope.tx
      .select()
      .from(mailLog)
      .where(and(eq(mailLog.organisationId, organisationId), eq(mailLog.key, mail.key)))
      .for('update');
    if (!existing) throw new Error('mail log row vanished');
    const fresh = Date.now() - existing.updatedAt.getTime() < STALE_SENDING_MS;
    if (existing.status === 'sent' || (existing.status === 'sending' && fresh)) {
      return { id: existing.id, go: false, result: { status: 'duplicate', logId: existing.id } };
    }
    if (existing.attempts >= MAX_ATTEMPTS) {
      return {
        id: existing.id,
        go: false,
        result: { status: 'failed', logId: existing.id, error: existing.error ?? 'too many attempts' },
      };
    }
    await scope.tx
      .update(mailLog)
      .set({
        status: 'sending',
        attempts: existing.attempts + 1,
        error: null,
        recipient: values.recipient,
        subject: values.subject,
        updatedAt: new Date(),
      })
      .where(eq(mailLog.id, existing.id));
    return { id: existing.id, go: true };
  });
}

async function finish(
  deps: MailDeps,
  organisationId: string,
  id: string,
  outcome: { ok: true; messageId: string | null } | { ok: false; error: string },
) {
  const now = new Date();
  await deps.db.withOrg(systemContext(organisationId), (scope) =>
    scope.tx
      .update(mailLog)
      .set(
        outcome.ok
          ? { status: 'sent', sentAt: now, messageId: outcome.messageId, error: null, updatedAt: now }
          : { status: 'failed', error: outcome.error.slice(0, 500), updatedAt: now },
      )
      .where(eq(mailLog.id, id)),
  );
}

/**
 * A mailer for one organisation (one SMTP connection reused for its
 * messages), or null when neither the organisation nor the instance has a
 * mail server. Close it when done.
 */
export async function openMailer(deps: MailDeps, organisationId: string): Promise<Mailer | null> {
  const resolved = await resolve(deps, organisationId);
  if (!resolved) return null;
  return {
    source: resolved.source,
    async send(mail) {
      const claimed = await claim(deps, organisationId, mail);
      if (!claimed.go) return claimed.result;
      if (resolved.broken) {
        await finish(deps, organisationId, claimed.id, { ok: false, error: resolved.broken });
        return { status: 'failed', logId: claimed.id, error: resolved.broken };
      }
      try {
        const info = await resolved.transport.sendMail({
          from: resolved.from,
          to: mail.to,
          ...(resolved.replyTo ? { replyTo: resolved.replyTo } : {}),
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          // Out-of-office replies and loops stay away from automatic mails (RFC 3834).
          headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.locale ?? 'fr' },
        });
        const messageId = typeof info.messageId === 'string' ? info.messageId : null;
        await finish(deps, organisationId, claimed.id, { ok: true, messageId });
        return { status: 'sent', logId: claimed.id, messageId };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await finish(deps, organisationId, claimed.id, { ok: false, error: message });
        return { status: 'failed', logId: claimed.id, error: message };
      }
    },
    close() {
      resolved.transport.close();
    },
  };
}

/** Sends one mail for an organisation (see `OutgoingMail.key` for idempotency). Outside any transaction. */
export async function sendMail(deps: MailDeps, organisationId: string, mail: OutgoingMail): Promise<SendResult> {
  const mailer = await openMailer(deps, organisationId);
  if (!mailer) return { status: 'not_configured' };
  try {
    return await mailer.send(mail);
  } finally {
    mailer.close();
  }
}

// ---- settings ----------------------------------------------------------------------

export async function getMailSettings(scope: Scope, config: Config) {
  const [row] = await scope.tx.select().from(mailSettings).where(eq(mailSettings.organisationId, scope.organisationId));
  if (row) {
    return {
      source: 'organisation' as const,
      host: row.host,
      port: row.port,
      security: row.security as MailSecurity,
      username: row.username,
      passwordSet: row.passwordEnc !== null,
      from: row.fromAddress,
      replyTo: row.replyTo,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
  if (config.smtp) {
    const url = new URL(config.smtp.url);
    const tls = url.protocol === 'smtps:';
    return {
      source: 'environment' as const,
      host: url.hostname,
      port: Number(url.port) || (tls ? 465 : 587),
      security: (tls ? 'tls' : 'starttls') as MailSecurity,
      username: url.username ? decodeURIComponent(url.username) : null,
      passwordSet: url.password !== '',
      from: config.smtp.from ?? `noreply@${new URL(config.publicUrl).hostname}`,
      replyTo: null,
      updatedAt: null,
    };
  }
  return {
    source: 'none' as const,
    host: null,
    port: null,
    security: null,
    username: null,
    passwordSet: false,
    from: null,
    replyTo: null,
    updatedAt: null,
  };
}

/** `password`: a string sets it, null removes it, absent keeps the stored one. */
export async function saveMailSettings(scope: Scope, config: Config, secrets: Secrets, input: SaveMailSettingsInput) {
  const [before] = await scope.tx
    .select()
    .from(mailSettings)
    .where(eq(mailSettings.organisationId, scope.organisationId))
    .for('update');
  const passwordEnc =
    input.password === undefined
      ? (before?.passwordEnc ?? null)
      : input.password === null || input.password === ''
        ? null
        : encryptSecret(secrets, input.password);
  const values = {
    host: input.host,
    port: input.port,
    security: input.security,
    username: input.username ?? null,
    passwordEnc,
    fromAddress: input.from,
    replyTo: input.replyTo ?? null,
    updatedBy: scope.userId,
    updatedAt: new Date(),
  };
  await scope.tx
    .insert(mailSettings)
    .values({ organisationId: scope.organisationId, ...values })
    .onConflictDoUpdate({ target: mailSettings.organisationId, set: values });
  const snapshot = (r: typeof values | typeof before) =>
    r
      ? {
          host: r.host,
          port: r.port,
          security: r.security,
          username: r.username,
          passwordSet: r.passwordEnc !== null,
          from: r.fromAddress,
          replyTo: r.replyTo,
        }
      : null;
  // The audit trail says whether a password is set, never the password (nor its ciphertext).
  await recordAudit(scope, {
    action: 'mail_settings.saved',
    entityType: 'organisation',
    entityId: scope.organisationId,
    before: snapshot(before),
    after: snapshot(values),
  });
  return getMailSettings(scope, config);
}

export async function deleteMailSettings(scope: Scope, config: Config) {
  const deleted = await scope.tx
    .delete(mailSettings)
    .where(eq(mailSettings.organisationId, scope.organisationId))
    .returning({ host: mailSettings.host });
  if (deleted.length) {
    await recordAudit(scope, {
      action: 'mail_settings.deleted',
      entityType: 'organisation',
      entityId: scope.organisationId,
      before: { host: deleted[0]?.host },
    });
  }
  return getMailSettings(scope, config);
}

/** The latest mails; a family's address is never listed (the household's pseudonym is). */
export async function findMailLog(scope: Scope, limit: number) {
  const found = await scope.tx
    .select({ m: mailLog, pseudonym: households.pseudonym })
    .from(mailLog)
    .leftJoin(households, eq(households.id, mailLog.householdId))
    .orderBy(desc(mailLog.createdAt))
    .limit(limit);
  return found.map(({ m, pseudonym }) => ({
    id: m.id,
    template: m.template,
    recipient: m.householdId ? null : m.recipient,
    household: pseudonym,
    loanId: m.loanId,
    subject: m.subject,
    status: m.status as 'sending' | 'sent' | 'failed',
    attempts: m.attempts,
    error: m.error,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  }));
}
