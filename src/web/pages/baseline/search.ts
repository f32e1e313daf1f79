import type { ComplianceFilters, Priority } from './baseline-queries.ts';

/**
 * What the socle numérique page keeps in the URL (`/baseline?tab=gap&
 * status=not_at_socle&sort=score`): the tab, the filters, the sort of the
 * compliance table and whether out-of-scope schools show. Defaults are left
 * out of the URL.
 */

export const BASELINE_TABS = ['compliance', 'map', 'gap', 'equity', 'grid'] as const;
export type BaselineTab = (typeof BASELINE_TABS)[number];

export const BASELINE_SORTS = ['name', 'uai', 'kind', 'priority', 'status', 'score', 'classes', 'gap'] as const;
export type BaselineSort = (typeof BASELINE_SORTS)[number];

export const KINDS = ['maternelle', 'elementaire', 'primaire', 'application'] as const;
export const PRIORITIES = ['none', 'REP', 'REP+'] as const satisfies readonly Priority[];
export const STATUS_FILTERS = ['at_socle', 'not_at_socle', 'out_of_scope'] as const;

export interface BaselineSearch {
  tab?: Exclude<BaselineTab, 'compliance'>;
  kind?: (typeof KINDS)[number];
  priority?: Priority;
  status?: (typeof STATUS_FILTERS)[number];
  circonscription?: string;
  q?: string;
  sort?: Exclude<BaselineSort, 'name'>;
  order?: 'desc';
  /** Show the schools outside the grid's kinds (hidden by default). */
  outOfScope?: true;
}

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Search params as the router parsed them, checked one by one: bad values are dropped. */
export function parseBaselineSearch(search: Record<string, unknown>): BaselineSearch {
  const out: BaselineSearch = {};
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value).trim().slice(0, 200) : '';
  if (isOneOf(BASELINE_TABS, search.tab) && search.tab !== 'compliance') out.tab = search.tab;
  if (isOneOf(KINDS, search.kind)) out.kind = search.kind;
  if (isOneOf(PRIORITIES, search.priority)) out.priority = search.priority;
  if (isOneOf(STATUS_FILTERS, search.status)) out.status = search.status;
  const circonscription = text(search.circonscription);
  if (circonscription) out.circonscription = circonscription;
  const q = text(search.q);
  if (q) out.q = q;
  if (isOneOf(BASELINE_SORTS, search.sort) && search.sort !== 'name') out.sort = search.sort;
  if (search.order === 'desc') out.order = 'desc';
  if (search.outOfScope === true || search.outOfScope === 'true') out.outOfScope = true;
  return out;
}

export function filtersOf(search: BaselineSearch): ComplianceFilters {
  return {
    kind: search.kind,
    priority: search.priority,
    status: search.status,
    circonscription: search.circonscription,
    q: search.q,
  };
}
