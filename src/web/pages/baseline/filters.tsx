import { Checkbox, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDebouncedSearchParam } from '../../components/debounced-search-param.ts';
import { priorityKey } from '../schools/labels.ts';
import { type BaselineSearch, isOneOf, KINDS, PRIORITIES, STATUS_FILTERS } from './search.ts';

/** Writes part of the page's search params (undefined removes a param); the tab and the rest stay. */
export function useBaselineSearch() {
  const search = useSearch({ from: '/signedIn/baseline' });
  const navigate = useNavigate({ from: '/baseline' });
  const update = (patch: Partial<BaselineSearch>, replace = false) =>
    void navigate({
      search: (previous) => {
        const next: BaselineSearch = { ...previous, ...patch };
        for (const key of Object.keys(next) as (keyof BaselineSearch)[]) if (next[key] === undefined) delete next[key];
        return next;
      },
      replace,
      resetScroll: false,
    });
  return { search, update };
}

/** The filters of the compliance, map and gap tabs: one set, kept in the URL. */
export function BaselineFilters({ scopeToggle = false }: { scopeToggle?: boolean }) {
  const { t } = useTranslation();
  const { search, update } = useBaselineSearch();
  const [q, setQ] = useDebouncedSearchParam(search.q, (value) => update({ q: value }, true));
  const [circonscription, setCirconscription] = useDebouncedSearchParam(search.circonscription, (value) =>
    update({ circonscription: value }, true),
  );
  return (
    <Paper withBorder p="md" role="search" aria-label={t('baseline.filters.label')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <TextInput
          label={t('baseline.filters.search')}
          description={t('baseline.filters.searchHelp')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('baseline.filters.kind')}
          value={search.kind ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            update({ kind: isOneOf(KINDS, value) ? value : undefined });
          }}
          data={[
            { value: '', label: t('baseline.filters.allKinds') },
            ...KINDS.map((k) => ({ value: k, label: t(`schools.kinds.${k}`) })),
          ]}
        />
        <NativeSelect
          label={t('baseline.filters.priority')}
          value={search.priority ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            update({ priority: isOneOf(PRIORITIES, value) ? value : undefined });
          }}
          data={[
            { value: '', label: t('baseline.filters.allPriorities') },
            ...PRIORITIES.map((p) => ({ value: p, label: t(`schools.priorityLong.${priorityKey(p)}`) })),
          ]}
        />
        <NativeSelect
          label={t('baseline.filters.status')}
          value={search.status ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            update({ status: isOneOf(STATUS_FILTERS, value) ? value : undefined });
          }}
          data={[
            { value: '', label: t('baseline.filters.allStatuses') },
            ...STATUS_FILTERS.map((s) => ({ value: s, label: t(`baseline.state.${s}`) })),
          ]}
        />
        <TextInput
          label={t('baseline.filters.circonscription')}
          value={circonscription}
          onChange={(e) => setCirconscription(e.currentTarget.value)}
        />
        {scopeToggle ? (
          <Checkbox
            mt={{ lg: 'xl' }}
            label={t('baseline.filters.outOfScope')}
            checked={search.outOfScope === true || search.status === 'out_of_scope'}
            disabled={search.status === 'out_of_scope'}
            onChange={(e) => update({ outOfScope: e.currentTarget.checked ? true : undefined })}
          />
        ) : null}
      </SimpleGrid>
    </Paper>
  );
}
