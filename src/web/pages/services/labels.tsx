import { useTranslation } from 'react-i18next';
import { WordBadge } from '../funding/labels.tsx';
import type { ServiceKind, ServicePricing, SubscriptionStatus } from './services-queries.ts';

/** Words and badges shared by the digital services pages and the school page's panel. */

export const SERVICE_KINDS: readonly ServiceKind[] = [
  'ent',
  'cloud',
  'school_server',
  'resources',
  'software',
  'mdm',
  'filtering',
  'other',
];
export const SERVICE_PRICING: readonly ServicePricing[] = ['per_school', 'per_pupil', 'per_seat'];
export const SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = ['active', 'future', 'ended'];

// Each colour reaches ≥ 4.5:1 as text on white; the word says the status, the colour only groups.
const STATUS_COLOURS: Record<SubscriptionStatus, string> = {
  active: '#1e6b34',
  future: '#1d4a87',
  ended: '#495057',
};

export function SubscriptionStatusBadge({ value }: { value: SubscriptionStatus }) {
  const { t } = useTranslation();
  return <WordBadge colour={STATUS_COLOURS[value]}>{t(`services.status.${value}`)}</WordBadge>;
}

export { Dialog, FormButtons, today } from '../funding/labels.tsx';
export { centsForInput, eurosToCents } from '../procurement/shared.tsx';
