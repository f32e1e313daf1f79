import { eq, inArray } from 'drizzle-orm';
import type { ScopeContext } from '../../db/connection.ts';
import { helpdeskTickets, organisations, schools, users } from '../../db/schema.ts';
import { type MailDeps, openMailer } from '../../mail/service.ts';
import { type MailLocale, signature } from '../../mail/templates.ts';
import type { Notice } from './service.ts';

/**
 * Helpdesk mails (FR/EN, in the recipient's language): to the opener when
 * the ticket is taken in hand, answered publicly or resolved; to the
 * assignee when a ticket is assigned to them. Sent after the commit, by the
 * route; a mail that cannot be sent never undoes the change (the mail log
 * keeps the failure). Internal comments never trigger a mail.
 */

const SUBJECTS: Record<Notice['kind'], Record<MailLocale, string>> = {
  assigned_to_you: { fr: 'Assistance — un ticket vous est attribué', en: 'Helpdesk — a ticket was assigned to you' },
  assigned: { fr: 'Assistance — votre ticket est pris en charge', en: 'Helpdesk — your ticket is being handled' },
  comment: { fr: 'Assistance — nouvelle réponse à votre ticket', en: 'Helpdesk — new reply on your ticket' },
  resolved: { fr: 'Assistance — votre ticket est résolu', en: 'Helpdesk — your ticket is resolved' },
};

const LINES: Record<Notice['kind'], Record<MailLocale, string>> = {
  assigned_to_you: { fr: 'Le ticket suivant vous est attribué :', en: 'The following ticket was assigned to you:' },
  assigned: { fr: 'Votre ticket est pris en charge par un technicien :', en: 'A technician is handling your ticket:' },
  comment: { fr: 'Une réponse a été ajoutée à votre ticket :', en: 'A reply was added to your ticket:' },
  resolved: {
    fr: 'Votre ticket est résolu. Si le problème persiste, vous pouvez le rouvrir depuis Socle ; vous pouvez aussi dire si vous êtes satisfait·e.',
    en: 'Your ticket is resolved. If the problem remains you can reopen it in Socle; you can also tell us how satisfied you are.',
  },
};

export function ticketMail(
  kind: Notice['kind'],
  locale: MailLocale,
  data: { organisation: string; school: string; number: string; title: string; url: string },
) {
  return {
    // The number in the subject: mail clients thread on it, people quote it on the phone.
    subject: `${SUBJECTS[kind][locale]} (${data.number})`,
    text: [
      locale === 'fr' ? 'Bonjour,' : 'Hello,',
      `${LINES[kind][locale]}\n${data.number} « ${data.title} » — ${data.school}`,
      data.url,
      signature(data.organisation, locale, false),
    ].join('\n\n'),
  };
}

export async function sendTicketNotices(deps: MailDeps, ctx: ScopeContext, notices: readonly Notice[]) {
  if (!notices.length) return;
  const data = await deps.db.withOrg({ ...ctx, actorKind: 'system' }, async (scope) => {
    const ticketIds = [...new Set(notices.map((n) => n.ticketId))];
    const tickets = await scope.tx
      .select({
        id: helpdeskTickets.id,
        number: helpdeskTickets.number,
        title: helpdeskTickets.title,
        school: schools.name,
      })
      .from(helpdeskTickets)
      .innerJoin(schools, eq(schools.id, helpdeskTickets.schoolId))
      .where(inArray(helpdeskTickets.id, ticketIds));
    const people = await scope.tx
      .select({ id: users.id, email: users.email, locale: users.locale, active: users.active })
      .from(users)
      .where(inArray(users.id, [...new Set(notices.map((n) => n.userId))]));
    const [org] = await scope.tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, ctx.organisationId));
    return { tickets, people, organisation: org?.name ?? 'Socle' };
  });
  const mailer = await openMailer(deps, ctx.organisationId);
  if (!mailer) return;
  try {
    for (const notice of notices) {
      const ticket = data.tickets.find((t) => t.id === notice.ticketId);
      const person = data.people.find((p) => p.id === notice.userId);
      if (!ticket || !person?.active) continue;
      const locale = (person.locale === 'en' ? 'en' : 'fr') as MailLocale;
      const mail = ticketMail(notice.kind, locale, {
        organisation: data.organisation,
        school: ticket.school,
        number: ticket.number,
        title: ticket.title,
        url: `${deps.config.publicUrl}/helpdesk/${ticket.id}`,
      });
      await mailer.send({ to: person.email, ...mail, template: `helpdesk_${notice.kind}`, locale });
    }
  } finally {
    mailer.close();
  }
}
