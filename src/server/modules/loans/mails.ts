import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Scope, ScopeContext } from '../../db/connection.ts';
import {
  assetModels,
  assets,
  householdContacts,
  households,
  loanItems,
  loans,
  organisations,
  pupils,
  schools,
} from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { type MailDeps, openMailer, type SendResult } from '../../mail/service.ts';
import { daysBetween, longDate, type MailLocale, signature } from '../../mail/templates.ts';
import type { Secrets } from '../../secrets.ts';
import { recordAudit } from '../audit/service.ts';
import { familyToken, linkExpiry } from './rules.ts';

/**
 * Mails to families (FR/EN, in the household's language): the family link
 * (convention to accept, then the family page) and the return reminders;
 * and the weekly digest of overdue loans to directors and managers. The
 * templates say only what the family needs; subjects carry no names (the
 * mail log keeps them).
 */

/** The family link: `<public url>/famille/<signed token>`, valid until some time after the due date. */
export function familyLink(config: Config, secrets: Secrets, loanId: string, nonce: string, dueDate: string) {
  const expires = linkExpiry(dueDate);
  return {
    url: `${config.publicUrl}/famille/${familyToken(secrets, loanId, nonce, expires)}`,
    expiresAt: expires.toISOString(),
  };
}

export interface FamilyMailData {
  readonly organisation: string;
  readonly school: string;
  readonly pupilFirstName: string;
  readonly contactName: string;
  readonly devices: readonly { readonly tag: string; readonly model: string }[];
  readonly dueDate: string;
  readonly url: string;
  readonly expiresAt: string;
}

const deviceLines = (devices: FamilyMailData['devices'], locale: MailLocale) =>
  devices.map((d) => `- ${d.model} (${locale === 'fr' ? 'n° d’inventaire' : 'inventory no.'} ${d.tag})`).join('\n');

export function familyLinkMail(data: FamilyMailData, accepted: boolean, locale: MailLocale) {
  const due = longDate(data.dueDate, locale);
  const expires = longDate(data.expiresAt, locale);
  if (locale === 'en') {
    return {
      subject: accepted
        ? `${data.school} — device loan: your family page`
        : `${data.school} — device loan: agreement to accept`,
      text: [
        `Hello ${data.contactName},`,
        `${data.school} lends ${data.pupilFirstName} the following equipment for schoolwork:\n${deviceLines(data.devices, locale)}`,
        accepted
          ? 'You have accepted the loan agreement. This personal link shows it again, with the due date and how to return the equipment, and lets you report a problem:'
          : 'Before the equipment is handed over, please read and accept the loan agreement through this personal link:',
        data.url,
        `The link is valid until ${expires}. It serves this loan only: do not forward it.`,
        `The equipment is to be returned to the school by ${due} at the latest.`,
        accepted ? '' : 'If you cannot use the link, ask the school for a paper copy of the agreement.',
        signature(data.organisation, locale),
      ]
        .filter(Boolean)
        .join('\n\n'),
    };
  }
  return {
    subject: accepted
      ? `${data.school} — prêt d’équipement : votre page famille`
      : `${data.school} — prêt d’équipement : convention à accepter`,
    text: [
      `Bonjour ${data.contactName},`,
      `L’école ${data.school} prête à ${data.pupilFirstName} l’équipement suivant pour son travail scolaire :\n${deviceLines(data.devices, locale)}`,
      accepted
        ? 'Vous avez accepté la convention de prêt. Ce lien personnel vous la montre à nouveau, avec la date et les modalités de retour, et permet de signaler un problème :'
        : 'Avant la remise de l’équipement, merci de lire et d’accepter la convention de prêt en suivant ce lien personnel :',
      data.url,
      `Ce lien est valable jusqu’au ${expires}. Il ne sert qu’à ce prêt : ne le transférez pas.`,
      `L’équipement est à rendre à l’école au plus tard le ${due}.`,
      accepted
        ? ''
        : 'Si vous ne pouvez pas utiliser ce lien, demandez à l’école un exemplaire papier de la convention.',
      signature(data.organisation, locale),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

export type ReminderStage = 'before_due' | 'due' | 'overdue';

/** A return reminder: some days before the due date, on it, then weekly while overdue. */
export function reminderMail(period: ReminderStage, data: FamilyMailData, today: string, locale: MailLocale) {
  const due = longDate(data.dueDate, locale);
  const late = daysBetween(data.dueDate, today);
  // The due-date reminder sent a few days late (a missed run catches up) speaks of the past.
  const stage: ReminderStage = period === 'due' && late > 0 ? 'overdue' : period;
  if (locale === 'en') {
    const lead = {
      before_due: `The equipment lent to ${data.pupilFirstName} is to be returned to ${data.school} by ${due}.`,
      due: `The equipment lent to ${data.pupilFirstName} is due back at ${data.school} today, ${due}.`,
      overdue: `The equipment lent to ${data.pupilFirstName} was due back at ${data.school} on ${due}, ${late} day${late === 1 ? '' : 's'} ago.`,
    }[stage];
    return {
      subject: {
        before_due: `${data.school} — reminder: lent equipment due back on ${due}`,
        due: `${data.school} — lent equipment due back today (${due})`,
        overdue: `${data.school} — lent equipment overdue since ${due}`,
      }[stage],
      text: [
        `Hello ${data.contactName},`,
        lead,
        `Please bring it back complete (device, charger, accessories):\n${deviceLines(data.devices, locale)}`,
        stage === 'overdue'
          ? 'If it was lost, stolen or damaged, tell the school without delay. If you need it for longer, ask the school.'
          : 'If you need it for longer, ask the school.',
        `Your family page (agreement, due date, report a problem): ${data.url}`,
        signature(data.organisation, locale),
      ].join('\n\n'),
    };
  }
  const lead = {
    before_due: `L’équipement prêté à ${data.pupilFirstName} est à rendre à l’école ${data.school} au plus tard le ${due}.`,
    due: `L’équipement prêté à ${data.pupilFirstName} est à rendre à l’école ${data.school} aujourd’hui, ${due}.`,
    overdue: `L’équipement prêté à ${data.pupilFirstName} devait être rendu à l’école ${data.school} le ${due}, il y a ${late} jour${late > 1 ? 's' : ''}.`,
  }[stage];
  return {
    subject: {
      before_due: `${data.school} — rappel : équipement prêté à rendre le ${due}`,
      due: `${data.school} — équipement prêté à rendre aujourd’hui (${due})`,
      overdue: `${data.school} — équipement prêté en retard depuis le ${due}`,
    }[stage],
    text: [
      `Bonjour ${data.contactName},`,
      lead,
      `Merci de le rapporter complet (appareil, chargeur, accessoires) :\n${deviceLines(data.devices, locale)}`,
      stage === 'overdue'
        ? 'S’il a été perdu, volé ou abîmé, prévenez l’école sans attendre. Si vous en avez besoin plus longtemps, demandez-le à l’école.'
        : 'Si vous en avez besoin plus longtemps, demandez-le à l’école.',
      `Votre page famille (convention, date de retour, signaler un problème) : ${data.url}`,
      signature(data.organisation, locale),
    ].join('\n\n'),
  };
}

export interface DigestLine {
  readonly pseudonym: string;
  readonly school: string;
  readonly dueDate: string;
  readonly tags: readonly string[];
}

/** The weekly digest of overdue loans for a director (their schools) or a manager (all): pseudonyms, no names. */
export function overdueDigestMail(
  lines: readonly DigestLine[],
  organisation: string,
  listUrl: string,
  today: string,
  locale: MailLocale,
) {
  const fr = locale === 'fr';
  const body = lines
    .map((l) => {
      const late = daysBetween(l.dueDate, today);
      return fr
        ? `- ${l.pseudonym} — ${l.school} — à rendre le ${longDate(l.dueDate, locale)} (${late} j de retard) — ${l.tags.join(', ')}`
        : `- ${l.pseudonym} — ${l.school} — due ${longDate(l.dueDate, locale)} (${late} d overdue) — ${l.tags.join(', ')}`;
    })
    .join('\n');
  return fr
    ? {
        subject: `${organisation} — prêts aux familles en retard : ${lines.length}`,
        text: `Bonjour,\n\n${lines.length} prêt${lines.length > 1 ? 's' : ''} d’équipement aux familles ${lines.length > 1 ? 'sont' : 'est'} en retard :\n\n${body}\n\nLes familles reçoivent un rappel chaque semaine. Le détail (coordonnées, historique) est dans Socle : ${listUrl}\n\n${signature(organisation, locale, false)}`,
      }
    : {
        subject: `${organisation} — overdue family loans: ${lines.length}`,
        text: `Hello,\n\n${lines.length} family loan${lines.length > 1 ? 's are' : ' is'} overdue:\n\n${body}\n\nFamilies get a reminder every week. Details (contacts, history) are in Socle: ${listUrl}\n\n${signature(organisation, locale, false)}`,
      };
}

// ---- what the mails need, read from the database ----------------------------------------

export interface LoanMailContext {
  readonly loanId: string;
  readonly status: string;
  readonly householdId: string;
  readonly pseudonym: string;
  readonly locale: MailLocale;
  readonly organisation: string;
  readonly school: string;
  readonly pupilFirstName: string;
  readonly dueDate: string;
  readonly nonce: string;
  readonly devices: { tag: string; model: string }[];
  readonly contacts: { rank: number; name: string; email: string }[];
}

/** Reads a loan's mail context (personal data: the caller audits the use it makes of them). */
export async function loanMailContext(scope: Scope, loanId: string): Promise<LoanMailContext> {
  const [row] = await scope.tx
    .select({ l: loans, h: households, school: schools.name, organisation: organisations.name })
    .from(loans)
    .innerJoin(households, eq(households.id, loans.householdId))
    .innerJoin(schools, eq(schools.id, loans.schoolId))
    .innerJoin(organisations, eq(organisations.id, loans.organisationId))
    .where(eq(loans.id, loanId));
  if (!row) throw notFound('Loan');
  if (row.h.purgedAt) throw new AppError('LOAN_INVALID_STATE', 'The personal data of this loan were deleted');
  const [pupil] = await scope.tx
    .select({ firstName: pupils.firstName })
    .from(pupils)
    .where(eq(pupils.householdId, row.h.id));
  const contacts = await scope.tx
    .select({
      rank: householdContacts.rank,
      firstName: householdContacts.firstName,
      lastName: householdContacts.lastName,
      email: householdContacts.email,
    })
    .from(householdContacts)
    .where(and(eq(householdContacts.householdId, row.h.id), isNotNull(householdContacts.email)))
    .orderBy(asc(householdContacts.rank));
  const devices = await scope.tx
    .select({ tag: assets.tag, model: assetModels.name })
    .from(loanItems)
    .innerJoin(assets, eq(assets.id, loanItems.assetId))
    .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
    .where(and(eq(loanItems.loanId, loanId), eq(loanItems.open, true)))
    .orderBy(asc(assets.tag));
  return {
    loanId,
    status: row.l.status,
    householdId: row.h.id,
    pseudonym: row.h.pseudonym,
    locale: row.h.locale === 'en' ? 'en' : 'fr',
    organisation: row.organisation,
    school: row.school,
    pupilFirstName: pupil?.firstName ?? '',
    dueDate: row.l.dueDate,
    nonce: row.l.linkNonce,
    devices,
    contacts: contacts.map((c) => ({ rank: c.rank, name: `${c.firstName} ${c.lastName}`, email: c.email as string })),
  };
}

export interface FamilyLinkMailResult {
  /**
   * sent: every address got it; already_sent: this link was mailed before
   * (revoke it to send a new one); partial / failed: see the mail log;
   * no_email: no representative has an e-mail address (print the link);
   * not_configured: no mail server.
   */
  readonly status: 'sent' | 'already_sent' | 'partial' | 'failed' | 'no_email' | 'not_configured';
  readonly recipients: number;
  readonly sent: number;
  readonly duplicates: number;
  readonly failed: number;
  readonly url: string;
  readonly expiresAt: string;
}

export const FamilyLinkMailSchema = z
  .object({
    status: z.enum(['sent', 'already_sent', 'partial', 'failed', 'no_email', 'not_configured']),
    recipients: z.number().int(),
    sent: z.number().int(),
    duplicates: z.number().int(),
    failed: z.number().int(),
  })
  .meta({ id: 'FamilyLinkMail', description: 'What became of the mails of a family link' });

export function summarise(results: readonly SendResult[]) {
  const sent = results.filter((r) => r.status === 'sent').length;
  const duplicates = results.filter((r) => r.status === 'duplicate').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  return { sent, duplicates, failed };
}

/**
 * Mails the family link of a loan to each legal representative with an
 * e-mail address (each home separately), in the household's language. At
 * most once per link and address: calling it again sends nothing until the
 * link is rotated (`POST /api/loans/:id/link` with revokePrevious). The
 * caller has checked that its actor may send the link; this function must
 * run outside any transaction (it opens its own). Stable signature: the
 * crisis campaigns call it for each loan they allocate.
 */
export async function sendFamilyLinkMail(
  deps: MailDeps,
  org: string | ScopeContext,
  loanId: string,
): Promise<FamilyLinkMailResult> {
  const ctx: ScopeContext =
    typeof org === 'string' ? { organisationId: org, userId: null, actorKind: 'system', requestId: null } : org;
  const data = await deps.db.withOrg(ctx, async (scope) => {
    const c = await loanMailContext(scope, loanId);
    if (!['allocated', 'accepted', 'handed_over'].includes(c.status))
      throw new AppError('LOAN_INVALID_STATE', `The loan is ${c.status}: no family link to send`);
    return c;
  });
  const link = familyLink(deps.config, deps.secrets, loanId, data.nonce, data.dueDate);
  const base = { recipients: data.contacts.length, sent: 0, duplicates: 0, failed: 0, ...link };
  if (data.contacts.length === 0) return { status: 'no_email', ...base };
  const mailer = await openMailer(deps, ctx.organisationId);
  if (!mailer) return { status: 'not_configured', ...base };
  const linkTag = deps.secrets.hash('family-link-mail', data.nonce).slice(0, 16);
  const results: SendResult[] = [];
  try {
    for (const contact of data.contacts) {
      const mail = familyLinkMail(
        { ...data, contactName: contact.name, ...link },
        data.status !== 'allocated',
        data.locale,
      );
      results.push(
        await mailer.send({
          to: contact.email,
          ...mail,
          key: `family-link:${loanId}:${linkTag}:${contact.rank}`,
          template: 'family_link',
          locale: data.locale,
          loanId,
          householdId: data.householdId,
        }),
      );
    }
  } finally {
    mailer.close();
  }
  const counts = summarise(results);
  await deps.db.withOrg(ctx, (scope) =>
    recordAudit(scope, {
      action: 'loan.family_link_mailed',
      entityType: 'loan',
      entityId: loanId,
      after: { household: data.pseudonym, recipients: data.contacts.length, ...counts },
    }),
  );
  const status =
    counts.failed === 0
      ? counts.sent === 0
        ? 'already_sent'
        : 'sent'
      : counts.failed === results.length
        ? 'failed'
        : 'partial';
  return { ...base, ...counts, status };
}
