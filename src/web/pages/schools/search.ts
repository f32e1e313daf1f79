import type { PriorityEducation, SchoolKind } from '../../api/client.ts';
import { isOneOf, PRIORITY_EDUCATION, SCHOOL_KINDS } from './labels.ts';

/**
 * The schools list keeps its filters in the URL (`/schools?kind=primaire&
 * priority=REP%2B&page=2`): a filtered list can be shared, bookmarked, and
 * the back button returns to the previous filters. Defaults are left out of
 * the URL.
 */

export const SCHOOL_SORTS = ['name', 'uai', 'commune', 'pupils', 'ips'] as const;
export type SchoolSort = (typeof SCHOOL_SORTS)[number];
export const STATUS_FILTERS = ['open', 'closed', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const PAGE_SIZE = 25;

export interface SchoolSearch {
  q?: string;
  kind?: SchoolKind;
  priority?: PriorityEducation;
  circonscription?: string;
  status?: Exclude<StatusFilter, 'open'>;
  sort?: Exclude<SchoolSort, 'name'>;
  order?: 'desc';
  page?: number;
}

/** Search params as the router parsed them (JSON values), checked one by one: bad values are dropped. */
export function parseSchoolSearch(search: Record<string, unknown>): SchoolSearch {
  const out: SchoolSearch = {};
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value).trim().slice(0, 200) : '';
  const q = text(search.q);
  if (q) out.q = q;
  if (isOneOf(SCHOOL_KINDS, search.kind)) out.kind = search.kind;
  if (isOneOf(PRIORITY_EDUCATION, search.priority)) out.priority = search.priority;
  const circonscription = text(search.circonscription);
  if (circonscription) out.circonscription = circonscription;
  if (search.status === 'closed' || search.status === 'all') out.status = search.status;
  if (isOneOf(SCHOOL_SORTS, search.sort) && search.sort !== 'name') out.sort = search.sort;
  if (search.order === 'desc') out.order = 'desc';
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page < 100_000) out.page = page;
  return out;
}

/** The API filters of a list search (without pagination): also the export's query string. */
export function schoolFilters(search: SchoolSearch) {
  return {
    ...(search.q ? { q: search.q } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.priority ? { priorityEducation: search.priority } : {}),
    ...(search.circonscription ? { circonscription: search.circonscription } : {}),
    status: search.status ?? 'open',
    sort: search.sort ?? 'name',
    order: search.order ?? 'asc',
  } as const;
}

export function exportHref(search: SchoolSearch, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format, ...schoolFilters(search) });
  return `/api/schools/export?${params.toString()}`;
}
