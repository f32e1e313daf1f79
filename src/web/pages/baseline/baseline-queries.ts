import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

/**
 * Queries of the socle numérique pages and of the school page's panel.
 * Keys: `['baseline', 'grid' | 'grids' | 'compliance' | 'school' | 'gap' | 'equity', …]`.
 */

export type BaselineGrid = Schemas['BaselineGrid'];
export type BaselineGridBody = Schemas['BaselineGridBody'];
export type GridCriterion = BaselineGrid['criteria'][number];
export type GridRule = GridCriterion['rule'];
export type RuleKind = GridRule['kind'];
export type GridVersion = Schemas['BaselineGridVersion'];
export type Compliance = Schemas['BaselineCompliance'];
export type ComplianceSchool = Compliance['schools'][number];
export type CriterionRef = Compliance['criteria'][number];
export type CriterionStatus = Schemas['BaselineStatus'];
export type SchoolBaseline = Schemas['BaselineSchool'];
export type CriterionResult = Schemas['BaselineCriterionResult'];
export type GapItem = Schemas['BaselineGapItem'];
export type GapReport = Schemas['BaselineGap'];
export type Equity = Schemas['BaselineEquity'];
export type Priority = ComplianceSchool['priorityEducation'];

export interface ComplianceFilters {
  readonly kind?: 'maternelle' | 'elementaire' | 'primaire' | 'application' | undefined;
  readonly priority?: Priority | undefined;
  readonly status?: 'at_socle' | 'not_at_socle' | 'out_of_scope' | undefined;
  readonly circonscription?: string | undefined;
  readonly q?: string | undefined;
}

/** Only the filters that are set: undefined values must not reach the query string. */
export function filterQuery(filters: ComplianceFilters) {
  const out: {
    kind?: NonNullable<ComplianceFilters['kind']>;
    priority?: Priority;
    status?: NonNullable<ComplianceFilters['status']>;
    circonscription?: string;
    q?: string;
  } = {};
  if (filters.kind) out.kind = filters.kind;
  if (filters.priority) out.priority = filters.priority;
  if (filters.status) out.status = filters.status;
  if (filters.circonscription) out.circonscription = filters.circonscription;
  if (filters.q) out.q = filters.q;
  return out;
}

export const gridQuery = queryOptions({
  queryKey: ['baseline', 'grid'],
  queryFn: () => unwrap(api.GET('/api/baseline/grid')),
});

export const gridVersionsQuery = queryOptions({
  queryKey: ['baseline', 'grids'],
  queryFn: () => unwrap(api.GET('/api/baseline/grids')),
});

export const presetsQuery = queryOptions({
  queryKey: ['baseline', 'presets'],
  queryFn: () => unwrap(api.GET('/api/baseline/presets')),
  staleTime: 5 * 60_000,
});

export const complianceQuery = (filters: ComplianceFilters) =>
  queryOptions({
    queryKey: ['baseline', 'compliance', filterQuery(filters)],
    queryFn: () => unwrap(api.GET('/api/baseline/compliance', { params: { query: filterQuery(filters) } })),
  });

export const gapQuery = (filters: ComplianceFilters) =>
  queryOptions({
    queryKey: ['baseline', 'gap', filterQuery(filters)],
    queryFn: () => unwrap(api.GET('/api/baseline/gap', { params: { query: filterQuery(filters) } })),
  });

export const equityQuery = queryOptions({
  queryKey: ['baseline', 'equity'],
  queryFn: () => unwrap(api.GET('/api/baseline/equity')),
});

export const schoolBaselineQuery = (schoolId: string) =>
  queryOptions({
    queryKey: ['baseline', 'school', schoolId],
    queryFn: () => unwrap(api.GET('/api/baseline/schools/{schoolId}', { params: { path: { schoolId } } })),
  });

/** After an override or a new grid, every computed figure may have changed. */
export async function baselineChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['baseline'] });
}
