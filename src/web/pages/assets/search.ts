import type { AssetStatus } from '../../api/client.ts';
import { ASSET_STATUSES, isOneOf } from './statuses.ts';

/**
 * The assets list keeps its filters in the URL, like the schools list
 * (`/assets?schoolId=…&status=deployed,in_cart&page=2`): shareable, and the
 * back button restores them. Defaults stay out of the URL; several statuses
 * are one comma-separated value, as the API takes them.
 */

export const ASSET_SORTS = ['tag', 'model', 'status', 'school', 'warrantyEnd', 'updatedAt'] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];
export const PAGE_SIZE = 50;

export interface AssetSearch {
  q?: string;
  schoolId?: string;
  categoryId?: string;
  /** Comma-separated statuses, in lifecycle order. */
  status?: string;
  cartId?: string;
  /** YYYY-MM-DD: warranty ending before this day. */
  warrantyBefore?: string;
  /** YYYY-MM-DD: not audited (by an inventory round) since this day. */
  notAuditedSince?: string;
  sort?: Exclude<AssetSort, 'tag'>;
  order?: 'desc';
  page?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The statuses of a `status` value, known ones only, in lifecycle order, without duplicates. */
export function statusList(value: unknown): AssetStatus[] {
  if (typeof value !== 'string') return [];
  const wanted = new Set(value.split(',').map((s) => s.trim()));
  return ASSET_STATUSES.filter((s) => wanted.has(s));
}

/** Search params as the router parsed them (JSON values), checked one by one: bad values are dropped. */
export function parseAssetSearch(search: Record<string, unknown>): AssetSearch {
  const out: AssetSearch = {};
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value).trim().slice(0, 200) : '';
  const id = (value: unknown) => (typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined);
  const day = (value: unknown) => (typeof value === 'string' && DAY.test(value) ? value : undefined);
  const q = text(search.q);
  if (q) out.q = q;
  const schoolId = id(search.schoolId);
  if (schoolId) out.schoolId = schoolId;
  const categoryId = id(search.categoryId);
  if (categoryId) out.categoryId = categoryId;
  const statuses = statusList(search.status);
  if (statuses.length) out.status = statuses.join(',');
  const cartId = id(search.cartId);
  if (cartId) out.cartId = cartId;
  const warrantyBefore = day(search.warrantyBefore);
  if (warrantyBefore) out.warrantyBefore = warrantyBefore;
  const notAuditedSince = day(search.notAuditedSince);
  if (notAuditedSince) out.notAuditedSince = notAuditedSince;
  if (isOneOf(ASSET_SORTS, search.sort) && search.sort !== 'tag') out.sort = search.sort;
  if (search.order === 'desc') out.order = 'desc';
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page < 100_000) out.page = page;
  return out;
}

/** The API filters of a list search (without pagination): also the export's query string. */
export function assetFilters(search: AssetSearch) {
  return {
    ...(search.q ? { q: search.q } : {}),
    ...(search.schoolId ? { schoolId: search.schoolId } : {}),
    ...(search.categoryId ? { categoryId: search.categoryId } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.cartId ? { cartId: search.cartId } : {}),
    ...(search.warrantyBefore ? { warrantyBefore: search.warrantyBefore } : {}),
    ...(search.notAuditedSince ? { notAuditedSince: search.notAuditedSince } : {}),
    sort: search.sort ?? 'tag',
    order: search.order ?? 'asc',
  } as const;
}

export function exportHref(search: AssetSearch, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format, ...assetFilters(search) });
  return `/api/assets/export?${params.toString()}`;
}
