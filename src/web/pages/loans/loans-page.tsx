import { Checkbox, NativeSelect, Paper, SimpleGrid, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { householdLabel, LoanStatusBadge } from './labels.tsx';
import { Pager } from './pager.tsx';
import { isOneOf, LOAN_STATUSES, type LoanSearch, loanQueryOf, PAGE_SIZE } from './search.ts';

/**
 * Family loans, pseudonymised as the API lists them, soonest due first:
 * filters (school, status, overdue) in the URL, pages of 50.
 */
export function LoansPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signedIn/loans' });
  const navigate = useNavigate({ from: '/loans' });
  const captionId = useId();
  const page = search.page ?? 1;
  const update = (patch: Partial<LoanSearch>) =>
    void navigate({
      search: (previous) => {
        const next: LoanSearch = { ...previous, ...patch, page: patch.page };
        for (const key of Object.keys(next) as (keyof LoanSearch)[]) if (next[key] === undefined) delete next[key];
        return next;
      },
      resetScroll: false,
    });
  const list = useQuery({
    queryKey: ['loans', 'loans', 'list', search],
    queryFn: () => unwrap(api.GET('/api/loans', { params: { query: loanQueryOf(search) } })),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = list.data?.items ?? [];

  return (
    <Page title={t('loans.list.title')}>
      <Paper withBorder p="md" role="search" aria-label={t('loans.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="md">
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
              update({ status: isOneOf(LOAN_STATUSES, value) ? value : undefined });
            }}
            data={[
              { value: '', label: t('loans.allStatuses') },
              ...LOAN_STATUSES.map((s) => ({ value: s, label: t(`loans.status.${s}`) })),
            ]}
          />
          <Checkbox
            mt={{ sm: 'xl' }}
            label={t('loans.list.overdueOnly')}
            checked={search.overdue === true}
            onChange={(e) => update({ overdue: e.currentTarget.checked ? true : undefined })}
          />
        </SimpleGrid>
      </Paper>

      <Text role="status" aria-live="polite">
        {list.isPending ? t('common.loading') : t('loans.list.count', { total: formatNumber(total) })}
      </Text>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}

      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
            <caption id={captionId}>
              <VisuallyHidden>{t('loans.list.caption', { page, pages })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('loans.fields.household')}</Table.Th>
                <Table.Th scope="col">{t('loans.fields.school')}</Table.Th>
                <Table.Th scope="col">{t('loans.fields.devices')}</Table.Th>
                <Table.Th scope="col">{t('loans.fields.dueDate')}</Table.Th>
                <Table.Th scope="col">{t('loans.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((loan) => (
                <Table.Tr key={loan.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/loans/$id" params={{ id: loan.id }} ff="monospace">
                      {householdLabel(t, loan.household)}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{loan.school.name}</Table.Td>
                  <Table.Td>
                    {loan.items.map((item) => (
                      <Text key={item.assetId} size="sm" ff="monospace">
                        {item.tag}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{formatDate(loan.dueDate)}</Table.Td>
                  <Table.Td>
                    <LoanStatusBadge value={loan.status} overdue={loan.overdue} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : list.isSuccess ? (
        <Text>{t('loans.list.empty')}</Text>
      ) : null}

      <Pager page={page} pages={pages} onPage={(n) => update({ page: n > 1 ? n : undefined })} />
    </Page>
  );
}
