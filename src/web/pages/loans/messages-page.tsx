import { Button, NativeSelect, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Panel } from '../../components/panel.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import type { Loan } from './loan-queries.ts';
import { Pager } from './pager.tsx';
import { PAGE_SIZE } from './search.ts';

/**
 * What families wrote through their link ("report a problem"): the schools'
 * inbox (`/loans/messages?schoolId=…&handled=false`), and the messages of
 * one loan on its page. The text is the family's personal data: the server
 * writes each read to the audit trail, and nothing is cached beyond the page.
 */

type LoanMessage = Schemas['LoanMessage'];

export interface MessageSearch {
  schoolId?: string;
  /** Booleans in the URL (`?handled=false`), like the loans' `overdue`. */
  handled?: boolean;
  page?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseMessageSearch(search: Record<string, unknown>): MessageSearch {
  const out: MessageSearch = {};
  if (typeof search.schoolId === 'string' && UUID.test(search.schoolId)) out.schoolId = search.schoolId.toLowerCase();
  const handled = String(search.handled);
  if (handled === 'true' || handled === 'false') out.handled = handled === 'true';
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page < 100_000) out.page = page;
  return out;
}

function useMarkHandled(onDone: (message: string) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ message, handled }: { message: LoanMessage; handled: boolean }) =>
      unwrap(
        api.POST('/api/loans/messages/{id}/handled', {
          params: { path: { id: message.id } },
          body: { handled },
        }),
      ),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['loans', 'messages'] });
      onDone(saved.handledAt ? t('loans.messages.doneHandled') : t('loans.messages.doneWaiting'));
    },
  });
}

function MessagesTable({
  items,
  withLoan,
  onDone,
}: {
  items: readonly LoanMessage[];
  withLoan: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const mark = useMarkHandled(onDone);
  return (
    <>
      {mark.isError ? <FormAlert kind="error">{errorMessage(t, mark.error)}</FormAlert> : null}
      <TableScroll labelledBy={captionId}>
        <Table striped verticalSpacing="sm">
          <caption id={captionId}>{t('loans.messages.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('loans.messages.receivedAt')}</Table.Th>
              {withLoan ? <Table.Th scope="col">{t('loans.fields.household')}</Table.Th> : null}
              {withLoan ? <Table.Th scope="col">{t('loans.fields.school')}</Table.Th> : null}
              <Table.Th scope="col">{t('loans.messages.category')}</Table.Th>
              <Table.Th scope="col">{t('loans.messages.text')}</Table.Th>
              <Table.Th scope="col">{t('loans.messages.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => {
              const date = formatDateTime(m.createdAt);
              return (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row">{date}</Table.Th>
                  {withLoan ? (
                    <Table.Td>
                      <AnchorLink to="/loans/$id" params={{ id: m.loanId }} ff="monospace">
                        {m.household.pseudonym}
                      </AnchorLink>
                    </Table.Td>
                  ) : null}
                  {withLoan ? <Table.Td>{m.school.name}</Table.Td> : null}
                  <Table.Td>{t(`loans.messages.categories.${m.category}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', minWidth: '16rem' }}>{m.text}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {m.handledAt
                        ? t('loans.messages.handledOn', {
                            date: formatDateTime(m.handledAt),
                            name: m.handledBy?.displayName ?? '—',
                          })
                        : t('loans.messages.waiting')}
                    </Text>
                    {m.can.handle ? (
                      <Button
                        mt={4}
                        size="xs"
                        variant="default"
                        aria-label={t(m.handledAt ? 'loans.messages.markWaitingOne' : 'loans.messages.markHandledOne', {
                          date,
                        })}
                        loading={mark.isPending && mark.variables?.message.id === m.id}
                        onClick={() => mark.mutate({ message: m, handled: !m.handledAt })}
                      >
                        {m.handledAt ? t('loans.messages.markWaiting') : t('loans.messages.markHandled')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </>
  );
}

/** The schools' inbox: filters in the URL, pages of 50. */
export function LoanMessagesPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signedIn/loans/messages' });
  const navigate = useNavigate({ from: '/loans/messages' });
  const [done, setDone] = useState<string | null>(null);
  const page = search.page ?? 1;
  const update = (patch: Partial<MessageSearch>) =>
    void navigate({
      search: (previous) => {
        const next: MessageSearch = { ...previous, ...patch, page: patch.page };
        for (const key of Object.keys(next) as (keyof MessageSearch)[]) if (next[key] === undefined) delete next[key];
        return next;
      },
      resetScroll: false,
    });
  const list = useQuery({
    queryKey: ['loans', 'messages', 'inbox', search],
    queryFn: () =>
      unwrap(
        api.GET('/api/loans/messages', {
          params: {
            query: {
              ...(search.schoolId ? { schoolId: search.schoolId } : {}),
              ...(search.handled === undefined
                ? {}
                : { handled: search.handled ? ('true' as const) : ('false' as const) }),
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = list.data?.items ?? [];
  return (
    <Page title={t('loans.messages.title')}>
      <Text size="sm">{t('loans.messages.audited')}</Text>
      {done ? <FormAlert kind="success">{done}</FormAlert> : null}
      <Paper withBorder p="md" role="search" aria-label={t('loans.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <OneSchoolPicker
            label={t('loans.fields.school')}
            value={search.schoolId ?? ''}
            onChange={(id) => update({ schoolId: id || undefined })}
          />
          <NativeSelect
            label={t('loans.messages.handledFilter')}
            value={search.handled === undefined ? '' : String(search.handled)}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ handled: value === 'true' ? true : value === 'false' ? false : undefined });
            }}
            data={[
              { value: '', label: t('loans.messages.all') },
              { value: 'false', label: t('loans.messages.waitingOnly') },
              { value: 'true', label: t('loans.messages.handledOnly') },
            ]}
          />
        </SimpleGrid>
      </Paper>
      <Text role="status" aria-live="polite">
        {list.isPending
          ? t('common.loading')
          : t('loans.messages.count', {
              total: formatNumber(total),
              unhandled: formatNumber(list.data?.unhandled ?? 0),
            })}
      </Text>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      {items.length > 0 ? (
        <MessagesTable items={items} withLoan onDone={setDone} />
      ) : list.isSuccess ? (
        <Text>{t('loans.messages.none')}</Text>
      ) : null}
      <Pager page={page} pages={pages} onPage={(n) => update({ page: n > 1 ? n : undefined })} />
    </Page>
  );
}

/** The messages of one loan's family, on the loan page (for the roles that handle them). */
export function LoanMessagesPanel({ loan, onDone }: { loan: Loan; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const allowed = hasPermission(me, 'loans.messages');
  const list = useQuery({
    queryKey: ['loans', 'messages', 'loan', loan.id],
    queryFn: () => unwrap(api.GET('/api/loans/{id}/messages', { params: { path: { id: loan.id } } })),
    enabled: allowed,
    gcTime: 0,
  });
  if (!allowed) return null;
  const items = list.data?.items ?? [];
  return (
    <Panel title={t('loans.messages.loanTitle')}>
      <Text size="sm">{t('loans.messages.audited')}</Text>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}
      {list.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text>{t('loans.messages.none')}</Text>
      ) : (
        <MessagesTable items={items} withLoan={false} onDone={onDone} />
      )}
    </Panel>
  );
}
