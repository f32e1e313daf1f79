import { Button, Group, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useDebouncedSearchParam } from '../../components/debounced-search-param.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import { PriorityBadge, StatusBadge } from './badges.tsx';
import { isOneOf, PRIORITY_EDUCATION, priorityKey, SCHOOL_KINDS } from './labels.ts';
import { exportHref, PAGE_SIZE, SCHOOL_SORTS, type SchoolSearch, STATUS_FILTERS, schoolFilters } from './search.ts';

export function SchoolsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const search = useSearch({ from: '/signedIn/schools' });
  const navigate = useNavigate({ from: '/schools' });
  const page = search.page ?? 1;

  const update = (patch: Partial<SchoolSearch>, replace = false) =>
    void navigate({
      search: (previous) => {
        const next: SchoolSearch = { ...previous, ...patch, page: patch.page };
        for (const key of Object.keys(next) as (keyof SchoolSearch)[]) if (next[key] === undefined) delete next[key];
        return next;
      },
      replace,
      resetScroll: false,
    });

  const [q, setQ] = useDebouncedSearchParam(search.q, (value) => update({ q: value }, true));
  const [circonscription, setCirconscription] = useDebouncedSearchParam(search.circonscription, (value) =>
    update({ circonscription: value }, true),
  );

  const filters = schoolFilters(search);
  const schools = useQuery({
    queryKey: ['schools', 'list', filters, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/schools', {
          params: { query: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const total = schools.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = schools.data?.items ?? [];
  const sortLabel = (sort: string) => t(`schools.sorts.${sort}`);

  return (
    <Page
      title={t('schools.title')}
      actions={
        <Group gap="sm">
          {hasPermission(me, 'schools.manage') ? (
            <Button component={Link} to="/schools/new">
              {t('schools.create')}
            </Button>
          ) : null}
          <Button component="a" variant="default" href={exportHref(search, 'csv')} download>
            {t('schools.exportCsv')}
          </Button>
          <Button component="a" variant="default" href={exportHref(search, 'xlsx')} download>
            {t('schools.exportXlsx')}
          </Button>
        </Group>
      }
    >
      <Paper withBorder p="md" role="search" aria-label={t('schools.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <TextInput
            label={t('schools.search')}
            description={t('schools.searchHelp')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('schools.kind')}
            value={search.kind ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ kind: isOneOf(SCHOOL_KINDS, value) ? value : undefined });
            }}
            data={[
              { value: '', label: t('schools.allKinds') },
              ...SCHOOL_KINDS.map((k) => ({ value: k, label: t(`schools.kinds.${k}`) })),
            ]}
          />
          <NativeSelect
            label={t('schools.priorityEducation')}
            value={search.priority ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ priority: isOneOf(PRIORITY_EDUCATION, value) ? value : undefined });
            }}
            data={[
              { value: '', label: t('schools.allPriorities') },
              ...PRIORITY_EDUCATION.map((p) => ({ value: p, label: t(`schools.priorityLong.${priorityKey(p)}`) })),
            ]}
          />
          <TextInput
            label={t('schools.circonscription')}
            description={t('schools.circonscriptionHelp')}
            value={circonscription}
            onChange={(e) => setCirconscription(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('schools.statusFilter')}
            value={search.status ?? 'open'}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ status: value === 'closed' || value === 'all' ? value : undefined });
            }}
            data={STATUS_FILTERS.map((s) => ({ value: s, label: t(`schools.statusFilters.${s}`) }))}
          />
          <NativeSelect
            label={t('schools.sort')}
            value={search.sort ?? 'name'}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ sort: isOneOf(SCHOOL_SORTS, value) && value !== 'name' ? value : undefined });
            }}
            data={SCHOOL_SORTS.map((s) => ({ value: s, label: sortLabel(s) }))}
          />
          <NativeSelect
            label={t('schools.order')}
            value={search.order ?? 'asc'}
            onChange={(e) => update({ order: e.currentTarget.value === 'desc' ? 'desc' : undefined })}
            data={[
              { value: 'asc', label: t('schools.ascending') },
              { value: 'desc', label: t('schools.descending') },
            ]}
          />
        </SimpleGrid>
      </Paper>

      <Text role="status" aria-live="polite">
        {schools.isPending ? t('common.loading') : t('schools.count', { total: formatNumber(total) })}
      </Text>
      {schools.isError ? <FormAlert kind="error">{errorMessage(t, schools.error)}</FormAlert> : null}

      {items.length > 0 ? (
        <TableScroll labelledBy="schools-caption">
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={schools.isFetching}>
            <caption id="schools-caption">
              <VisuallyHidden>
                {t('schools.caption', {
                  page,
                  pages,
                  sort: sortLabel(filters.sort),
                  order: t(filters.order === 'desc' ? 'schools.descending' : 'schools.ascending'),
                })}
              </VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('schools.uai')}</Table.Th>
                <Table.Th scope="col">{t('schools.name')}</Table.Th>
                <Table.Th scope="col">{t('schools.kind')}</Table.Th>
                <Table.Th scope="col">{t('schools.commune')}</Table.Th>
                <Table.Th scope="col">{t('schools.priorityEducation')}</Table.Th>
                <Table.Th scope="col">{t('schools.pupils')}</Table.Th>
                <Table.Th scope="col">{t('schools.classes')}</Table.Th>
                <Table.Th scope="col">{t('schools.statusLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((school) => (
                <Table.Tr key={school.id}>
                  <Table.Td>
                    <code>{school.uai}</code>
                  </Table.Td>
                  <Table.Th scope="row" fw={600}>
                    <AnchorLink to="/schools/$id" params={{ id: school.id }}>
                      {school.usualName ?? school.name}
                    </AnchorLink>
                    {school.usualName && school.usualName !== school.name ? (
                      <Text size="sm" c="dimmed" fw={400}>
                        {school.name}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{t(`schools.kinds.${school.kind}`)}</Table.Td>
                  <Table.Td>{school.communeName ?? '—'}</Table.Td>
                  <Table.Td>
                    <PriorityBadge value={school.priorityEducation} />
                  </Table.Td>
                  <Table.Td>
                    {school.pupils === null ? '—' : formatNumber(school.pupils)}
                    {school.year ? (
                      <Text size="xs" c="dimmed">
                        {t('schools.rentree', { year: `${school.year}-${school.year + 1}` })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{school.classesCount === null ? '—' : formatNumber(school.classesCount)}</Table.Td>
                  <Table.Td>
                    <StatusBadge value={school.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : schools.isSuccess ? (
        <Text>{t('schools.empty')}</Text>
      ) : null}

      {pages > 1 ? (
        <nav aria-label={t('common.pagination')}>
          <Group gap="sm">
            <Button
              variant="default"
              disabled={page <= 1}
              onClick={() => update({ page: page - 1 > 1 ? page - 1 : undefined })}
            >
              {t('common.previous')}
            </Button>
            <Text>{t('common.pageOf', { page, pages })}</Text>
            <Button variant="default" disabled={page >= pages} onClick={() => update({ page: page + 1 })}>
              {t('common.next')}
            </Button>
          </Group>
        </nav>
      ) : null}
    </Page>
  );
}
