import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

/** Types and queries of the funding pages (programmes, conventions, suppliers, expense lines). */

export type Programme = Schemas['FundingProgramme'];
export type CostItem = Schemas['FundingCostItem'];
export type CostItemKind = CostItem['kind'];
export type Funder = Schemas['Funder'];
export type FunderKind = Funder['kind'];
export type Convention = Schemas['FundingConvention'];
export type RateRule = Schemas['RateRule'];
export type Supplier = Schemas['Supplier'];
export type ExpenseLine = Schemas['ExpenseLine'];
export type Eligibility = ExpenseLine['eligibility'];
export type Budget = Schemas['FundingBudget'];
export type Shares = Schemas['FundingShares'];

export const COST_ITEM_KINDS = [
  'equipment',
  'infrastructure_works',
  'services_resources',
  'training',
  'communication',
  'other',
] as const satisfies readonly CostItemKind[];

export const FUNDER_KINDS = [
  'eu_feder',
  'eu_react',
  'state_snee',
  'state_dsil',
  'departement',
  'region',
  'own_funds',
  'other',
] as const satisfies readonly FunderKind[];

export const ELIGIBILITIES = ['eligible', 'partly', 'not_eligible'] as const satisfies readonly Eligibility[];

export const programmesQuery = queryOptions({
  queryKey: ['funding', 'programmes'],
  queryFn: () => unwrap(api.GET('/api/funding/programmes')),
});

export const programmeQuery = (id: string) =>
  queryOptions({
    queryKey: ['funding', 'programme', id],
    queryFn: () => unwrap(api.GET('/api/funding/programmes/{id}', { params: { path: { id } } })),
  });

export const costItemsQuery = (id: string) =>
  queryOptions({
    queryKey: ['funding', 'programme', id, 'cost-items'],
    queryFn: () => unwrap(api.GET('/api/funding/programmes/{id}/cost-items', { params: { path: { id } } })),
  });

export const conventionsQuery = (id: string) =>
  queryOptions({
    queryKey: ['funding', 'programme', id, 'conventions'],
    queryFn: () => unwrap(api.GET('/api/funding/programmes/{id}/conventions', { params: { path: { id } } })),
  });

export const budgetQuery = (id: string) =>
  queryOptions({
    queryKey: ['funding', 'programme', id, 'budget'],
    queryFn: () => unwrap(api.GET('/api/funding/programmes/{id}/budget', { params: { path: { id } } })),
  });

export const sharesQuery = (id: string) =>
  queryOptions({
    queryKey: ['funding', 'programme', id, 'shares'],
    queryFn: () => unwrap(api.GET('/api/funding/programmes/{id}/shares', { params: { path: { id } } })),
  });

export const fundersQuery = queryOptions({
  queryKey: ['funding', 'funders'],
  queryFn: () => unwrap(api.GET('/api/funding/funders')),
});

export const suppliersQuery = queryOptions({
  queryKey: ['funding', 'suppliers'],
  queryFn: () => unwrap(api.GET('/api/funding/suppliers')),
});
