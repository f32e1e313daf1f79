import { currentLanguage } from './i18n.ts';

const locales = { fr: 'fr-FR', en: 'en-GB' } as const;

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[currentLanguage()], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  // A calendar day ("2024-11-12") is that day wherever the browser is, not UTC midnight.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[currentLanguage()], { dateStyle: 'medium' }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locales[currentLanguage()]).format(value);
}

/** `YYYY-MM-DD` of a date input, as the ISO instant of the start (or end) of that local day. */
export function dayToIso(day: string, edge: 'start' | 'end'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * A number typed in a form, French or English style ("12,5" or "12.5", spaces
 * as thousands separators): null when blank, NaN when not a number.
 */
export function parseDecimal(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (!cleaned) return null;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** A number as a form shows it for editing (no thousands separator, the language's decimal mark). */
export function numberForInput(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return currentLanguage() === 'fr' ? text.replace('.', ',') : text;
}

/** Integer cents as an amount in euros ("1 500,00 €"). */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  return new Intl.NumberFormat(locales[currentLanguage()], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
