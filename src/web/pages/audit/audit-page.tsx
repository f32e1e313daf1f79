import {
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEvent, api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { dayToIso, formatDateTime, formatNumber } from '../../format.ts';

const PAGE_SIZE = 50;

interface Filters {
  action: string;
  entityType: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { action: '', entityType: '', from: '', to: '' };

function json(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());

  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const from = dayToIso(filters.from, 'start');
      const to = dayToIso(filters.to, 'end');
      return unwrap(
        api.GET('/api/audit/events', {
          params: {
            query: {
              ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
              ...(filters.entityType.trim() ? { entityType: filters.entityType.trim() } : {}),
              ...(from ? { from } : {}),
              ...(to ? { to } : {}),
              ...(pageParam ? { before: pageParam } : {}),
              limit: PAGE_SIZE,
            },
          },
        }),
      );
    },
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

  const verify = useMutation({ mutationFn: () => unwrap(api.GET('/api/audit/verify')) });

  const items: AuditEvent[] = events.data?.pages.flatMap((p) => p.items) ?? [];

  const toggle = (seq: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setOpen(new Set());
    setFilters({ ...draft });
  };

  return (
    <Page title={t('audit.title')}>
      <Text>{t('audit.intro')}</Text>

      {hasPermission(me, 'audit.verify') ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2}>{t('audit.verifyTitle')}</Title>
            <Text>{t('audit.verifyHelp')}</Text>
            <Group>
              <Button onClick={() => verify.mutate()} loading={verify.isPending}>
                {t('audit.verify')}
              </Button>
            </Group>
            <div aria-live="polite">
              {verify.data ? (
                verify.data.ok ? (
                  <FormAlert kind="success" title={t('audit.verifyOkTitle')}>
                    {t('audit.verifyOk', { events: formatNumber(verify.data.events) })}
                  </FormAlert>
                ) : (
                  <FormAlert kind="error" title={t('audit.verifyBrokenTitle')}>
                    {t('audit.verifyBroken', {
                      seq: verify.data.firstBreak?.seq ?? '?',
                      reason: verify.data.firstBreak?.reason ?? '',
                      events: formatNumber(verify.data.events),
                    })}
                  </FormAlert>
                )
              ) : null}
              {verify.isError ? <FormAlert kind="error">{errorMessage(t, verify.error)}</FormAlert> : null}
            </div>
          </Stack>
        </Paper>
      ) : null}

      <Paper withBorder p="md" role="search" aria-label={t('audit.filters')}>
        <form onSubmit={apply}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <TextInput
                label={t('audit.action')}
                description={t('audit.actionHelp')}
                value={draft.action}
                onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })}
              />
              <TextInput
                label={t('audit.entityType')}
                description={t('audit.entityTypeHelp')}
                value={draft.entityType}
                onChange={(e) => setDraft({ ...draft, entityType: e.currentTarget.value })}
              />
              <TextInput
                label={t('audit.from')}
                description={t('audit.dateHelp')}
                type="date"
                value={draft.from}
                onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
              />
              <TextInput
                label={t('audit.to')}
                description={t('audit.dateHelp')}
                type="date"
                value={draft.to}
                onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit">{t('audit.applyFilters')}</Button>
              <Button
                variant="default"
                onClick={() => {
                  setDraft(EMPTY);
                  setFilters(EMPTY);
                }}
              >
                {t('audit.resetFilters')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <Text role="status" aria-live="polite">
        {events.isPending ? t('common.loading') : t('audit.shown', { shown: formatNumber(items.length) })}
      </Text>
      {events.isError ? <FormAlert kind="error">{errorMessage(t, events.error)}</FormAlert> : null}

      {items.length > 0 ? (
        <TableScroll labelledBy="audit-caption">
          <Table verticalSpacing="sm">
            <caption id="audit-caption">
              <VisuallyHidden>{t('audit.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.seq')}</Table.Th>
                <Table.Th scope="col">{t('audit.date')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                <Table.Th scope="col">{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((event) => {
                const expanded = open.has(event.seq);
                const detailsId = `audit-details-${event.seq}`;
                return (
                  <Fragment key={event.seq}>
                    <Table.Tr>
                      <Table.Td>{event.seq}</Table.Td>
                      <Table.Td>{formatDateTime(event.occurredAt)}</Table.Td>
                      <Table.Td>
                        {event.actorName ?? t(`audit.actorKinds.${event.actorKind}`, event.actorKind)}
                      </Table.Td>
                      <Table.Td>
                        <Text span>{t(`audit.actions.${event.action}`, event.action)}</Text>
                        <br />
                        <Code>{event.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        {t(`audit.entities.${event.entityType}`, event.entityType)}
                        {event.entityId ? (
                          <>
                            <br />
                            <Code style={{ wordBreak: 'break-all' }}>{event.entityId}</Code>
                          </>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-expanded={expanded}
                          aria-controls={expanded ? detailsId : undefined}
                          onClick={() => toggle(event.seq)}
                        >
                          {expanded ? t('audit.hideDetails') : t('audit.showDetails')}
                          <VisuallyHidden> {t('audit.ofEvent', { seq: event.seq })}</VisuallyHidden>
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {expanded ? (
                      <Table.Tr id={detailsId}>
                        <Table.Td colSpan={6}>
                          <SimpleGrid cols={{ base: 1, md: 2 }}>
                            <div>
                              <Text fw={700}>{t('audit.before')}</Text>
                              <pre className="json-block">{json(event.before)}</pre>
                            </div>
                            <div>
                              <Text fw={700}>{t('audit.after')}</Text>
                              <pre className="json-block">{json(event.after)}</pre>
                            </div>
                          </SimpleGrid>
                          <Text size="sm" c="dimmed" mt="xs">
                            {t('audit.requestId', { id: event.requestId ?? '—' })} · {t('audit.hash')}{' '}
                            <Code style={{ wordBreak: 'break-all' }}>{event.hash}</Code>
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : events.isSuccess ? (
        <Text>{t('audit.empty')}</Text>
      ) : null}

      {events.hasNextPage ? (
        <Group>
          <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Page>
  );
}
