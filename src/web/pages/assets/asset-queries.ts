import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { type AssetDetail, api, type InventoryRound, unwrap } from '../../api/client.ts';

/**
 * Queries of the inventory, and what a change makes stale. Keys: `['assets', …]`
 * for assets (lists, details, carts), `['inventory', …]` for the catalogue,
 * rounds, summaries and warranties.
 */

export const categoriesQuery = queryOptions({
  queryKey: ['inventory', 'categories'],
  queryFn: () => unwrap(api.GET('/api/inventory/categories')),
  staleTime: 60_000,
});

export const modelsQuery = queryOptions({
  queryKey: ['inventory', 'models'],
  queryFn: () => unwrap(api.GET('/api/inventory/models')),
  staleTime: 60_000,
});

export const manufacturersQuery = queryOptions({
  queryKey: ['inventory', 'manufacturers'],
  queryFn: () => unwrap(api.GET('/api/inventory/manufacturers')),
  staleTime: 60_000,
});

export const stockLocationsQuery = queryOptions({
  queryKey: ['inventory', 'stock-locations'],
  queryFn: () => unwrap(api.GET('/api/inventory/stock-locations')),
  staleTime: 60_000,
});

/** The carts (assets whose category has the role `cart`), of one school or all. */
export const cartsQuery = (schoolId?: string) =>
  queryOptions({
    queryKey: ['assets', 'carts', schoolId ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/assets', {
          params: { query: { categoryRole: 'cart', limit: 500, ...(schoolId ? { schoolId } : {}) } },
        }),
      ),
    staleTime: 30_000,
  });

export const assetQuery = (id: string) =>
  queryOptions({
    queryKey: ['assets', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/assets/{id}', { params: { path: { id } } })),
  });

export const summaryQuery = (schoolId: string) =>
  queryOptions({
    queryKey: ['inventory', 'summary', schoolId],
    queryFn: () => unwrap(api.GET('/api/inventory/summary', { params: { query: { schoolId } } })),
  });

export const roundsQuery = (schoolId?: string) =>
  queryOptions({
    queryKey: ['inventory', 'rounds', 'list', schoolId ?? null],
    queryFn: () => unwrap(api.GET('/api/inventory/rounds', { params: { query: schoolId ? { schoolId } : {} } })),
  });

export const roundQuery = (id: string) =>
  queryOptions({
    queryKey: ['inventory', 'rounds', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/inventory/rounds/{id}', { params: { path: { id } } })),
  });

/** Everything a change to assets may make stale, except the details already answered. */
async function assetsChanged(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'assets' && q.queryKey[1] !== 'detail' }),
    queryClient.invalidateQueries({ queryKey: ['inventory', 'summary'] }),
    queryClient.invalidateQueries({ queryKey: ['inventory', 'models'] }),
    queryClient.invalidateQueries({ queryKey: ['inventory', 'warranties'] }),
  ]);
}

/** An asset answered by a write: the new truth of its page; lists, carts and summaries are stale. */
export async function assetSaved(queryClient: QueryClient, asset: AssetDetail): Promise<void> {
  queryClient.setQueryData(assetQuery(asset.id).queryKey, asset);
  // A cart's contents moved with it, a device left its cart: other details may have changed too.
  await queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'assets' && q.queryKey[1] === 'detail' && q.queryKey[2] !== asset.id,
  });
  await assetsChanged(queryClient);
}

/** After bulk actions, imports and corrections: every asset may have changed. */
export async function manyAssetsChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['assets'] });
  await assetsChanged(queryClient);
}

export function roundSaved(queryClient: QueryClient, round: InventoryRound): Promise<void> {
  queryClient.setQueryData(roundQuery(round.id).queryKey, round);
  return queryClient.invalidateQueries({ queryKey: ['inventory', 'rounds', 'list'] });
}
