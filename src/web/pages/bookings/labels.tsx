import { useTranslation } from 'react-i18next';
import { WordBadge } from '../funding/labels.tsx';
import type { Booking, BookingStatus } from './bookings-queries.ts';
import { schoolTimeOf } from './search.ts';

// Each colour reaches ≥ 4.5:1 as text on white; the word says the status, the colour only groups.
const STATUS_COLOURS: Record<BookingStatus, string> = {
  requested: '#8a4a00',
  confirmed: '#1e6b34',
  picked_up: '#1d4a87',
  returned: '#495057',
  cancelled: '#a51d2d',
};

export function BookingStatusBadge({ value }: { value: BookingStatus }) {
  const { t } = useTranslation();
  return <WordBadge colour={STATUS_COLOURS[value]}>{t(`bookings.status.${value}`)}</WordBadge>;
}

/** "10:00–11:00" in school time. */
export function slotOf(b: Pick<Booking, 'startsAt' | 'endsAt'>): string {
  return `${schoolTimeOf(b.startsAt)}–${schoolTimeOf(b.endsAt)}`;
}

/** The class, or the périscolaire activity. */
export function forWhom(b: Pick<Booking, 'className' | 'activity'>): string {
  return b.className ?? b.activity ?? '';
}

export { Dialog, FormButtons } from '../funding/labels.tsx';
