import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { WordBadge } from '../funding/labels.tsx';
import type { TrainingSession, TrainingStatus } from './training-queries.ts';

const STATUS_COLOURS: Record<TrainingStatus, string> = {
  planned: '#1d4a87',
  held: '#1e6b34',
  cancelled: '#a51d2d',
};

export function SessionStatusBadge({ value }: { value: TrainingStatus }) {
  const { t } = useTranslation();
  return <WordBadge colour={STATUS_COLOURS[value]}>{t(`training.status.${value}`)}</WordBadge>;
}

/** Where the session takes place, in words: room, place, online. */
export function whereOf(t: TFunction, s: TrainingSession): string {
  const parts: string[] = [];
  if (s.roomName) parts.push(s.schoolName ? `${s.roomName} (${s.schoolName})` : s.roomName);
  if (s.place) parts.push(s.place);
  if (s.online) parts.push(t('training.online'));
  return parts.join(' · ');
}

/** "12 inscrits / 20 (8 places)" */
export function seatsOf(t: TFunction, s: TrainingSession): string {
  if (s.audience === 'families') return s.capacity === null ? t('training.unlimited') : String(s.capacity);
  return s.capacity === null
    ? t('training.seatsUnlimited', { registered: s.registered })
    : t('training.seats', { registered: s.registered, capacity: s.capacity, left: s.seatsLeft ?? 0 });
}

export { Dialog, FormButtons, today } from '../funding/labels.tsx';
