import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useDebouncedSearchParam } from '../../components/debounced-search-param.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { assetQuery } from '../assets/asset-queries.ts';
import { queueQuery, type Ticket, ticketsQuery } from './helpdesk-queries.ts';
import { DueCell, PriorityBadge, TicketStatusBadge } from './labels.tsx';
import {
  type HelpdeskSearch,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from './search.ts';
import { TicketDialog } from './ticket-dialog.tsx';

/**
 * The helpdesk (issue #8 point 1): the tickets with their SLA due times and
 * breaches in words, filters in the URL, the technician's queue and the
 * "new ticket" dialog.
 */
export function HelpdeskPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const search = useSearch({ from: '/signedIn/helpdesk' });
  const navigate = useNavigate({ from: '/helpdesk' });
  const captionId = useId();
  const [opening, setOpening] = useState(false);
  const set = (changes: Partial<HelpdeskSearch>) =>
    void navigate({ search: (prev: HelpdeskSearch) => ({ ...prev, ...changes }), replace: false });
  const canManage = hasPermission(me, 'helpdesk.manage');
  const queue = canManage && search.tab === 'queue';
  // "Signaler une panne" on an asset page: the dialog opens on that asset and its school.
  const reported = useQuery({
    ...assetQuery(search.report ?? ''),
    enabled: Boolean(search.report) && hasPermission(me, 'helpdesk.open'),
  });

  return (
    <Page
      title={t('helpdesk.title')}
      actions={
        hasPermission(me, 'helpdesk.open') ? (
          <Group>
            <Button onClick={() => setOpening(true)}>{t('helpdesk.newTicket')}</Button>
          </Group>
        ) : null
      }
    >
      <Text>{t('helpdesk.intro')}</Text>
      {canManage ? (
        <Stack gap={4}>
          <Text component="span" id={`${captionId}-tab`} size="sm" fw={500}>
            {t('helpdesk.show')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${captionId}-tab`}
            value={queue ? 'queue' : 'all'}
            onChange={(value) => set({ tab: value === 'queue' ? 'queue' : undefined })}
            data={[
              { value: 'all', label: t('helpdesk.allTickets') },
              { value: 'queue', label: t('helpdesk.queue') },
            ]}
          />
        </Stack>
      ) : null}
      {queue ? <QueuePanel /> : <TicketsPanel search={search} set={set} />}
      {opening || reported.data ? (
        <TicketDialog
          initialSchoolId={reported.data?.school?.id}
          initialAsset={
            reported.data
              ? { id: reported.data.id, label: `${reported.data.tag} — ${reported.data.model.name}` }
              : undefined
          }
          onClose={() => {
            setOpening(false);
            if (search.report) set({ report: undefined });
          }}
          onSaved={(saved) => {
            setOpening(false);
            void navigate({ to: '/helpdesk/$id', params: { id: saved.id }, search: {} });
          }}
        />
      ) : null}
    </Page>
  );
}

function TicketsPanel({ search, set }: { search: HelpdeskSearch; set: (changes: Partial<HelpdeskSearch>) => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const list = useQuery(
    ticketsQuery({
      status: search.status,
      schoolId: search.school,
      priority: search.priority,
      category: search.category,
      assigneeId: search.mine ? me.user.id : undefined,
      breached: search.breached,
      q: search.q,
      open: search.open,
    }),
  );
  const [q, setQ] = useDebouncedSearchParam(search.q, (value) => set({ q: value }));
  const attached = me.schoolScope === 'attached';
  return (
    <Panel title={t('helpdesk.tickets')}>
      <TextInput
        label={t('helpdesk.search')}
        description={t('helpdesk.searchHelp')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw="30rem"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
        <NativeSelect
          label={t('helpdesk.fields.status')}
          value={search.status ?? ''}
          onChange={(e) =>
            set({ status: TICKET_STATUSES.find((s) => s === e.currentTarget.value) as TicketStatus | undefined })
          }
          data={[
            { value: '', label: t('helpdesk.any') },
            ...TICKET_STATUSES.map((s) => ({ value: s, label: t(`helpdesk.status.${s}`) })),
          ]}
        />
        {attached ? (
          <NativeSelect
            label={t('helpdesk.fields.school')}
            value={search.school ?? ''}
            onChange={(e) => set({ school: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('helpdesk.allMySchools') },
              ...me.schools.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        ) : (
          <OneSchoolPicker
            label={t('helpdesk.fields.school')}
            placeholder={t('helpdesk.anySchool')}
            value={search.school ?? ''}
            onChange={(id) => set({ school: id || undefined })}
          />
        )}
        <NativeSelect
          label={t('helpdesk.fields.priority')}
          value={search.priority ?? ''}
          onChange={(e) =>
            set({
              priority: TICKET_PRIORITIES.find((p) => p === e.currentTarget.value) as TicketPriority | undefined,
            })
          }
          data={[
            { value: '', label: t('helpdesk.any') },
            ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`helpdesk.priority.${p}`) })),
          ]}
        />
        <NativeSelect
          label={t('helpdesk.fields.category')}
          value={search.category ?? ''}
          onChange={(e) =>
            set({
              category: TICKET_CATEGORIES.find((c) => c === e.currentTarget.value) as TicketCategory | undefined,
            })
          }
          data={[
            { value: '', label: t('helpdesk.any') },
            ...TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`helpdesk.category.${c}`) })),
          ]}
        />
      </SimpleGrid>
      <Group gap="lg">
        {hasPermission(me, 'helpdesk.manage') ? (
          <Checkbox
            label={t('helpdesk.assignedToMe')}
            checked={search.mine === true}
            onChange={(e) => set({ mine: e.currentTarget.checked ? true : undefined })}
          />
        ) : null}
        <Checkbox
          label={t('helpdesk.openOnly')}
          checked={search.open === true}
          onChange={(e) => set({ open: e.currentTarget.checked ? true : undefined })}
        />
        <Checkbox
          label={t('helpdesk.breachedOnly')}
          checked={search.breached === true}
          onChange={(e) => set({ breached: e.currentTarget.checked ? true : undefined })}
        />
      </Group>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      <TicketTable
        pending={list.isPending}
        items={list.data?.items ?? []}
        caption={t('helpdesk.caption', { count: list.data?.total ?? 0 })}
      />
    </Panel>
  );
}

function QueuePanel() {
  const { t } = useTranslation();
  const list = useQuery(queueQuery);
  return (
    <Panel title={t('helpdesk.queue')}>
      <Text>{t('helpdesk.queueIntro')}</Text>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      <TicketTable
        pending={list.isPending}
        items={list.data ?? []}
        caption={t('helpdesk.queueCaption', { count: list.data?.length ?? 0 })}
      />
    </Panel>
  );
}

function TicketTable({ items, pending, caption }: { items: readonly Ticket[]; pending: boolean; caption: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  if (pending) return <Text>{t('common.loading')}</Text>;
  if (items.length === 0) return <Text role="status">{t('helpdesk.noTicket')}</Text>;
  return (
    <TableScroll labelledBy={captionId}>
      <Table striped verticalSpacing="xs">
        <caption id={captionId}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('helpdesk.fields.number')}</Table.Th>
            <Table.Th scope="col">{t('helpdesk.fields.title')}</Table.Th>
            <Table.Th scope="col">{t('helpdesk.fields.school')}</Table.Th>
            <Table.Th scope="col">{t('helpdesk.fields.category')}</Table.Th>
            <Table.Th scope="col">{t('helpdesk.fields.priority')}</Table.Th>
            <Table.Th scope="col">{t('helpdesk.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('helpdesk.fields.assignee')}</Table.Th>
            <Table.Th scope="col">{t('helpdesk.fields.openedAt')}</Table.Th>
            <Table.Th scope="col">{t('helpdesk.fields.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((ticket) => (
            <Table.Tr key={ticket.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{ticket.number}</Table.Td>
              <Table.Th scope="row">
                <AnchorLink to="/helpdesk/$id" params={{ id: ticket.id }}>
                  {ticket.title}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{ticket.school.name}</Table.Td>
              <Table.Td>{t(`helpdesk.category.${ticket.category}`)}</Table.Td>
              <Table.Td>
                <PriorityBadge value={ticket.priority} />
              </Table.Td>
              <Table.Td>
                <TicketStatusBadge value={ticket.status} />
              </Table.Td>
              <Table.Td>{ticket.assignee?.displayName ?? t('helpdesk.unassigned')}</Table.Td>
              <Table.Td>{formatDateTime(ticket.createdAt)}</Table.Td>
              <Table.Td>
                <DueCell ticket={ticket} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
