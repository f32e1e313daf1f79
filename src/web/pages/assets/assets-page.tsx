import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Asset, api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useDebouncedSearchParam } from '../../components/debounced-search-param.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { OneSchoolPicker } from '../../components/school-picker.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatNumber } from '../../format.ts';
import { cartsQuery, categoriesQuery } from './asset-queries.ts';
import { BulkDialog } from './bulk-dialog.tsx';
import { AssetStatusBadge, categoryName, locationText } from './labels.tsx';
import { LabelsDialog } from './labels-dialog.tsx';
import { ASSET_SORTS, type AssetSearch, assetFilters, exportHref, PAGE_SIZE, statusList } from './search.ts';
import { ASSET_STATUSES, isOneOf } from './statuses.ts';

/**
 * The equipment list: search, filters and sort kept in the URL, pages of 50
 * with the total; a selection (kept across pages) for bulk actions and
 * label sheets; exports of the filtered list.
 */
export function AssetsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const manage = hasPermission(me, 'inventory.manage');
  const search = useSearch({ from: '/signedIn/assets' });
  const navigate = useNavigate({ from: '/assets' });
  const page = search.page ?? 1;
  const [selected, setSelected] = useState<ReadonlyMap<string, Asset>>(() => new Map());
  const [dialog, setDialog] = useState<'bulk' | 'labels' | null>(null);

  const update = (patch: Partial<AssetSearch>, replace = false) =>
    void navigate({
      search: (previous) => {
        const next: AssetSearch = { ...previous, ...patch, page: patch.page };
        for (const key of Object.keys(next) as (keyof AssetSearch)[]) if (next[key] === undefined) delete next[key];
        return next;
      },
      replace,
      resetScroll: false,
    });

  const [q, setQ] = useDebouncedSearchParam(search.q, (value) => update({ q: value }, true));
  const categories = useQuery(categoriesQuery);
  const carts = useQuery(cartsQuery(search.schoolId));

  const filters = assetFilters(search);
  const assets = useQuery({
    queryKey: ['assets', 'list', filters, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/assets', {
          params: { query: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const total = assets.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = assets.data?.items ?? [];
  const statuses = statusList(search.status);
  const sortLabel = (sort: string) => t(`assets.sorts.${sort}`);

  const toggle = (asset: Asset, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(asset.id, asset);
    else next.delete(asset.id);
    setSelected(next);
  };
  const allOnPage = items.length > 0 && items.every((a) => selected.has(a.id));
  const someOnPage = items.some((a) => selected.has(a.id));
  const togglePage = (on: boolean) => {
    const next = new Map(selected);
    for (const a of items) {
      if (on) next.set(a.id, a);
      else next.delete(a.id);
    }
    setSelected(next);
  };

  return (
    <Page
      title={t('assets.title')}
      actions={
        <Group gap="sm">
          {manage ? (
            <Button component={Link} to="/assets/new">
              {t('assets.create')}
            </Button>
          ) : null}
          <Button component="a" variant="default" href={exportHref(search, 'csv')} download>
            {t('assets.exportCsv')}
          </Button>
          <Button component="a" variant="default" href={exportHref(search, 'xlsx')} download>
            {t('assets.exportXlsx')}
          </Button>
        </Group>
      }
    >
      <Paper withBorder p="md" role="search" aria-label={t('assets.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <TextInput
            label={t('assets.search')}
            description={t('assets.searchHelp')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <OneSchoolPicker
            label={t('assets.fields.school')}
            description={t('assets.schoolFilterHelp')}
            value={search.schoolId ?? ''}
            onChange={(id) => update({ schoolId: id || undefined, cartId: undefined })}
          />
          <NativeSelect
            label={t('assets.fields.category')}
            value={search.categoryId ?? ''}
            onChange={(e) => update({ categoryId: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('assets.allCategories') },
              ...(categories.data ?? []).map((c) => ({ value: c.id, label: categoryName(c) })),
            ]}
          />
          <MultiSelect
            label={t('assets.statusFilter')}
            description={t('assets.statusFilterHelp')}
            value={statuses}
            onChange={(values) => {
              const list = ASSET_STATUSES.filter((s) => values.includes(s));
              update({ status: list.length ? list.join(',') : undefined });
            }}
            data={ASSET_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('assets.clearStatuses') }}
          />
          <NativeSelect
            label={t('assets.fields.cart')}
            value={search.cartId ?? ''}
            onChange={(e) => update({ cartId: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('assets.allCarts') },
              ...(carts.data?.items ?? []).map((c) => ({
                value: c.id,
                label: c.school ? `${c.tag} — ${c.school.name}` : c.tag,
              })),
            ]}
          />
          <TextInput
            label={t('assets.warrantyBefore')}
            description={t('assets.warrantyBeforeHelp')}
            type="date"
            value={search.warrantyBefore ?? ''}
            onChange={(e) => update({ warrantyBefore: e.currentTarget.value || undefined })}
          />
          <TextInput
            label={t('assets.notAuditedSince')}
            description={t('assets.notAuditedSinceHelp')}
            type="date"
            value={search.notAuditedSince ?? ''}
            onChange={(e) => update({ notAuditedSince: e.currentTarget.value || undefined })}
          />
          <NativeSelect
            label={t('assets.sort')}
            value={search.sort ?? 'tag'}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ sort: isOneOf(ASSET_SORTS, value) && value !== 'tag' ? value : undefined });
            }}
            data={ASSET_SORTS.map((s) => ({ value: s, label: sortLabel(s) }))}
          />
          <NativeSelect
            label={t('assets.order')}
            value={search.order ?? 'asc'}
            onChange={(e) => update({ order: e.currentTarget.value === 'desc' ? 'desc' : undefined })}
            data={[
              { value: 'asc', label: t('assets.ascending') },
              { value: 'desc', label: t('assets.descending') },
            ]}
          />
        </SimpleGrid>
      </Paper>

      <Text role="status" aria-live="polite">
        {assets.isPending ? t('common.loading') : t('assets.count', { total: formatNumber(total) })}
      </Text>
      {assets.isError ? <FormAlert kind="error">{errorMessage(t, assets.error)}</FormAlert> : null}

      {manage ? (
        <Paper withBorder p="sm" aria-label={t('assets.selectionTitle')} component="section">
          <Group gap="sm" justify="space-between">
            <Text aria-live="polite">{t('assets.selectedCount', { count: selected.size })}</Text>
            <Group gap="sm">
              <Button variant="default" disabled={selected.size === 0} onClick={() => setDialog('bulk')}>
                {t('assets.bulk.open')}
              </Button>
              <Button variant="default" disabled={selected.size === 0} onClick={() => setDialog('labels')}>
                {t('assets.labels.open')}
              </Button>
              <Button variant="subtle" disabled={selected.size === 0} onClick={() => setSelected(new Map())}>
                {t('assets.clearSelection')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}

      {items.length > 0 ? (
        <TableScroll labelledBy="assets-caption">
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={assets.isFetching}>
            <caption id="assets-caption">
              <VisuallyHidden>
                {t('assets.caption', {
                  page,
                  pages,
                  sort: sortLabel(filters.sort),
                  order: t(filters.order === 'desc' ? 'assets.descending' : 'assets.ascending'),
                })}
              </VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                {manage ? (
                  <Table.Th scope="col">
                    <Checkbox
                      aria-label={t('assets.selectPage')}
                      checked={allOnPage}
                      indeterminate={someOnPage && !allOnPage}
                      onChange={(e) => togglePage(e.currentTarget.checked)}
                    />
                  </Table.Th>
                ) : null}
                <Table.Th scope="col">{t('assets.fields.tag')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.category')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.model')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.location')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.warrantyEnd')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((asset) => (
                <Table.Tr key={asset.id}>
                  {manage ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('assets.selectOne', { tag: asset.tag })}
                        checked={selected.has(asset.id)}
                        onChange={(e) => toggle(asset, e.currentTarget.checked)}
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Th scope="row" fw={600}>
                    <AnchorLink
                      to="/assets/$id"
                      params={{ id: asset.id }}
                      ff="monospace"
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {asset.tag}
                    </AnchorLink>
                    {asset.serial ? (
                      <Text size="xs" c="dimmed" fw={400}>
                        {t('assets.serialShort', { serial: asset.serial })}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{categoryName(asset.category)}</Table.Td>
                  <Table.Td>{asset.model.name}</Table.Td>
                  <Table.Td>
                    <AssetStatusBadge value={asset.status} />
                  </Table.Td>
                  <Table.Td>{locationText(t, asset)}</Table.Td>
                  <Table.Td>{asset.warrantyEnd ? formatDate(asset.warrantyEnd) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : assets.isSuccess ? (
        <Text>{t('assets.empty')}</Text>
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

      {dialog === 'bulk' ? (
        <BulkDialog
          assets={[...selected.values()]}
          onClose={(done) => {
            setDialog(null);
            if (done) setSelected(new Map());
          }}
        />
      ) : null}
      {dialog === 'labels' ? <LabelsDialog assets={[...selected.values()]} onClose={() => setDialog(null)} /> : null}
    </Page>
  );
}
