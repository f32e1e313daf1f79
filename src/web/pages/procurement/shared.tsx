import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseDecimal } from '../../format.ts';
import { currentLanguage } from '../../i18n.ts';
import type { OrderStatus } from './search.ts';

/** Words, badges and small pieces shared by the procurement pages. */

export { ORDER_STATUSES, type OrderStatus, splitSerials } from './search.ts';

export const PROCEDURES = [
  'appel_offres_ouvert',
  'appel_offres_restreint',
  'procedure_adaptee',
  'procedure_negociee',
  'accord_cadre',
  'marche_subsequent',
  'ugap',
  'sans_publicite',
  'other',
] as const;

/** VAT rates of France (basis points), the usual one first. */
export const VAT_RATES = [2000, 1000, 550, 210, 0] as const;

// Each colour reaches ≥ 4.5:1 as text on white; the words say the status, the colour only groups.
const ORDER_COLOURS: Record<OrderStatus, string> = {
  draft: '#495057',
  ordered: '#1d4a87',
  partly_received: '#8a4a00',
  received: '#1e6b34',
  cancelled: '#a51d2d',
};

export function OrderStatusBadge({ value }: { value: OrderStatus }) {
  const { t } = useTranslation();
  const colour = ORDER_COLOURS[value];
  return (
    <Badge
      color={colour}
      variant="outline"
      tt="none"
      style={{ minWidth: 'max-content' }}
      styles={{ label: { color: colour } }}
    >
      {t(`procurement.orderStatus.${value}`)}
    </Badge>
  );
}

/** A rate in basis points as a percentage ("20 %", "5,5 %"). */
export function formatRate(bp: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 2,
  }).format(bp / 10_000);
}

/** An amount in euros typed in a form → integer cents; null when blank, NaN when not an amount. */
export function eurosToCents(text: string): number | null {
  const value = parseDecimal(text);
  if (value === null) return null;
  if (Number.isNaN(value) || value < 0) return Number.NaN;
  return Math.round(value * 100);
}

/** Integer cents → euros for a form field ("1234,5"), with the language's decimal mark. */
export function centsForInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const text = (cents / 100).toFixed(2).replace(/\.00$/, '');
  return currentLanguage() === 'fr' ? text.replace('.', ',') : text;
}

/** VAT of an amount HT at a rate, rounded to the cent (half up), as the server computes it. */
export function vatOf(htCents: number, rateBp: number): number {
  return Math.round((htCents * rateBp) / 10_000);
}

// The dialog frame, its buttons and today's date are the funding pages' own.
export { Dialog, FormButtons, today } from '../funding/labels.tsx';
