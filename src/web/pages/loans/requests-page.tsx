import { Button, Group, NativeSelect, Paper, SimpleGrid, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { householdLabel, RequestStatusBadge, reasonLabel } from './labels.tsx';
import { reasonsQuery } from './loan-queries.ts';
import { Pager } from './pager.tsx';
import { isOneOf, PAGE_SIZE, REQUEST_STATUSES, type RequestSearch, requestQueryOf } from './search.ts';

/**
 * Loan requests, pseudonymised as the API lists them (the household's
 * pseudonym, never a name): filters in the URL, pages of 50. Names are one
 * click away, on the request's page, for the roles that may read them.
 */
export function RequestsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const search = useSearch({ from: '/signedIn/loans/requests' });
  const navigate = useNavigate({ from: '/loans/requests' });
  const captionId = useId();
  const page = search.page ?? 1;
  const update = (patch: Partial<RequestSearch>) =>
    void navigate({
      search: (previous) => {
        const next: RequestSearch = { ...previous, ...patch, page: patch.page };
        for (const key of Object.keys(next) as (keyof RequestSearch)[]) if (next[key] === undefined) delete next[key];
        return next;
      },
      resetScroll: false,
    });
  const reasons = useQuery(reasonsQuery);
  const list = useQuery({
    queryKey: ['loans', 'requests', 'list', search],
    queryFn: () => unwrap(api.GET('/api/loans/requests', { params: { query: requestQueryOf(search) } })),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = list.data?.items ?? [];

  return (
    <Page
      title={t('loans.requests.title')}
      actions={
        hasPermission(me, 'loans.request') ? (
          <Group gap="sm">
            <Button component={Link} to="/loans/requests/new">
              {t('loans.requests.create')}
            </Button>
          </Group>
        ) : null
      }
    >
      <Text>{t('loans.requests.intro')}</Text>
      <Paper withBorder p="md" role="search" aria-label={t('loans.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <OneSchoolPicker
            label={t('loans.fields.school')}
            value={search.schoolId ?? ''}
            onChange={(id) => update({ schoolId: id || undefined })}
          />
          <NativeSelect
            label={t('loans.fields.status')}
            value={search.status ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ status: isOneOf(REQUEST_STATUSES, value) ? value : undefined });
            }}
            data={[
              { value: '', label: t('loans.allStatuses') },
              ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`loans.requestStatus.${s}`) })),
            ]}
          />
        </SimpleGrid>
      </Paper>

      <Text role="status" aria-live="polite">
        {list.isPending ? t('common.loading') : t('loans.requests.count', { total: formatNumber(total) })}
      </Text>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}

      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
            <caption id={captionId}>
              <VisuallyHidden>{t('loans.requests.caption', { page, pages })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('loans.fields.household')}</Table.Th>
                <Table.Th scope="col">{t('loans.fields.school')}</Table.Th>
                <Table.Th scope="col">{t('loans.fields.need')}</Table.Th>
                <Table.Th scope="col">{t('loans.fields.eligibility')}</Table.Th>
                <Table.Th scope="col">{t('loans.fields.filedOn')}</Table.Th>
                <Table.Th scope="col">{t('loans.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/loans/requests/$id" params={{ id: r.id }} ff="monospace">
                      {householdLabel(t, r.household)}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{r.school.name}</Table.Td>
                  <Table.Td>
                    {r.need.categoryName ?? t('loans.need.anyDevice')}
                    {r.need.connectivity ? ` + ${t('loans.need.hotspot')}` : ''}
                  </Table.Td>
                  <Table.Td>
                    {r.eligibility.eligible ? t('loans.eligibility.yes') : t('loans.eligibility.no')} —{' '}
                    {reasonLabel(reasons.data, r.eligibility.reasonCode)}
                  </Table.Td>
                  <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                  <Table.Td>
                    <RequestStatusBadge value={r.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : list.isSuccess ? (
        <Text>{t('loans.requests.empty')}</Text>
      ) : null}

      <Pager page={page} pages={pages} onPage={(n) => update({ page: n > 1 ? n : undefined })} />
    </Page>
  );
}
