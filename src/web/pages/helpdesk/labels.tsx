import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format.ts';
import { WordBadge } from '../funding/labels.tsx';
import type { Ticket } from './helpdesk-queries.ts';
import type { TicketPriority, TicketStatus } from './search.ts';

const STATUS_COLOURS: Record<TicketStatus, string> = {
  new: '#1d4a87',
  assigned: '#5a2d82',
  in_progress: '#8a4a00',
  waiting: '#5c5f66',
  resolved: '#1e6b34',
  closed: '#373a40',
};

const PRIORITY_COLOURS: Record<TicketPriority, string> = {
  urgent: '#a51d2d',
  high: '#8a4a00',
  normal: '#1d4a87',
  low: '#5c5f66',
};

export function TicketStatusBadge({ value }: { value: TicketStatus }) {
  const { t } = useTranslation();
  return <WordBadge colour={STATUS_COLOURS[value]}>{t(`helpdesk.status.${value}`)}</WordBadge>;
}

export function PriorityBadge({ value }: { value: TicketPriority }) {
  const { t } = useTranslation();
  return <WordBadge colour={PRIORITY_COLOURS[value]}>{t(`helpdesk.priority.${value}`)}</WordBadge>;
}

/** The SLA in words: "Dépassé : réponse" — the colour only groups. */
export function BreachBadge({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  if (!ticket.breached.any) return null;
  const which =
    ticket.breached.response && ticket.breached.resolution
      ? t('helpdesk.breach.both')
      : ticket.breached.response
        ? t('helpdesk.breach.response')
        : t('helpdesk.breach.resolution');
  return <WordBadge colour="#a51d2d">{t('helpdesk.breach.label', { which })}</WordBadge>;
}

/** Next due time of an open ticket: the response while unanswered, then the resolution. */
export function DueCell({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const open = ticket.status !== 'resolved' && ticket.status !== 'closed';
  const due = !open
    ? null
    : ticket.firstResponseAt === null && ticket.responseDueAt
      ? t('helpdesk.dueResponse', { at: formatDateTime(ticket.responseDueAt) })
      : ticket.resolutionDueAt
        ? t('helpdesk.dueResolution', { at: formatDateTime(ticket.resolutionDueAt) })
        : null;
  return (
    <Group gap={4}>
      {due ?? '—'}
      {ticket.paused ? <WordBadge colour="#5c5f66">{t('helpdesk.paused')}</WordBadge> : null}
      <BreachBadge ticket={ticket} />
    </Group>
  );
}

export { Dialog, FormButtons } from '../funding/labels.tsx';
