/**
 * Shared pieces of mail templates. Mails are plain text (read everywhere,
 * by screen readers too, and nothing to sanitise), French first with a
 * complete English version; subjects carry no personal data, since the
 * mail log keeps them.
 */

export type MailLocale = 'fr' | 'en';

/** 4 juillet 2027 / 4 July 2027. */
export function longDate(iso: string, locale: MailLocale): string {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

/** The closing lines; families are told whom to ask, since nobody reads replies to an automatic mail. */
export function signature(organisation: string, locale: MailLocale, toFamily = true): string {
  if (locale === 'fr') {
    return `--\n${organisation}\nMessage envoyé automatiquement${toFamily ? ' : pour toute question, adressez-vous à l’école.' : ' par Socle.'}`;
  }
  return `--\n${organisation}\nSent automatically${toFamily ? ': for any question, contact the school.' : ' by Socle.'}`;
}

export function testMail(locale: MailLocale, organisation: string) {
  return locale === 'fr'
    ? {
        subject: `${organisation} — message de test de Socle`,
        text: `Bonjour,\n\nCe message confirme que Socle peut envoyer des courriels avec le serveur de messagerie configuré pour ${organisation}.\n\nAucune action n’est nécessaire.\n\n${signature(organisation, locale, false)}`,
      }
    : {
        subject: `${organisation} — Socle test message`,
        text: `Hello,\n\nThis message confirms that Socle can send mail through the mail server set for ${organisation}.\n\nNo action is needed.\n\n${signature(organisation, locale, false)}`,
      };
}
