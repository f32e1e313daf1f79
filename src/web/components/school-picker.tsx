import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SchoolOption, unwrap } from '../api/client.ts';

const LIMIT = 20;
const label = (s: SchoolOption) => `${s.name} (${s.uai})`;

/**
 * Several schools chosen by searching as one types (name or UAI, 20 answers
 * at a time, `GET /api/schools/options?q=`); the schools already chosen are
 * resolved by id (`?ids=`) so that their names show without loading the
 * whole registry.
 */
export function SchoolPicker({
  value,
  onChange,
  ...props
}: {
  value: string[];
  onChange: (ids: string[]) => void;
} & Omit<MultiSelectProps, 'value' | 'onChange' | 'data' | 'searchValue' | 'onSearchChange'>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // Every option seen so far, so that a chosen school keeps its label when the search moves on.
  const [seen, setSeen] = useState<ReadonlyMap<string, SchoolOption>>(() => new Map());

  const found = useQuery({
    queryKey: ['schools', 'options', { q: debounced }],
    queryFn: () =>
      unwrap(
        api.GET('/api/schools/options', {
          params: { query: { limit: LIMIT, ...(debounced ? { q: debounced } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const unknownIds = value.filter((id) => !seen.has(id));
  const selected = useQuery({
    queryKey: ['schools', 'options', { ids: unknownIds }],
    queryFn: () => unwrap(api.GET('/api/schools/options', { params: { query: { ids: unknownIds.join(',') } } })),
    enabled: unknownIds.length > 0,
    staleTime: 60_000,
  });

  const fresh = [...(found.data ?? []), ...(selected.data ?? [])].filter((s) => !seen.has(s.id));
  if (fresh.length > 0) {
    // Derived state: remembered during render, as React allows for state computed from props and queries.
    setSeen(new Map([...seen, ...fresh.map((s) => [s.id, s] as const)]));
  }

  // The chosen schools (to show them) and the answers to the search (to choose among).
  const data = useMemo(() => {
    const items = new Map<string, string>();
    for (const id of value) {
      const school = seen.get(id);
      items.set(id, school ? label(school) : t('common.loading'));
    }
    for (const s of found.data ?? []) items.set(s.id, label(s));
    return [...items].map(([id, text]) => ({ value: id, label: text }));
  }, [value, seen, found.data, t]);
  const answers = useMemo(() => new Set((found.data ?? []).map((s) => s.id)), [found.data]);

  return (
    <MultiSelect
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched (by name or UAI, usual name included): show its answers as they are.
      filter={({ options }) => options.filter((o) => 'value' in o && answers.has(o.value))}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('users.noSchoolFound')}
    />
  );
}

/** One school (or none), with the same search: choosing another school replaces the one chosen. */
export function OneSchoolPicker({
  value,
  onChange,
  ...props
}: {
  value: string;
  onChange: (id: string) => void;
} & Omit<MultiSelectProps, 'value' | 'onChange' | 'data' | 'searchValue' | 'onSearchChange'>) {
  return (
    <SchoolPicker
      {...props}
      value={value ? [value] : []}
      onChange={(ids) => onChange(ids.find((id) => id !== value) ?? ids[0] ?? '')}
    />
  );
}
