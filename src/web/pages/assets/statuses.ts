import type { AssetStatus, CategoryRole } from '../../api/client.ts';

/**
 * The enumerations of the inventory, in display order (labels in locales:
 * `assets.status.<status>`, `assets.roles.<role>`). Pure: shared by pages and
 * unit tests.
 */

/** The lifecycle, in the order of CARMO's stages (acquisition → … → disposal). */
export const ASSET_STATUSES = [
  'ordered',
  'in_stock',
  'preparing',
  'deployed',
  'in_cart',
  'on_loan',
  'returned',
  'in_repair',
  'lost',
  'stolen',
  'retired',
  'donated',
] as const satisfies readonly AssetStatus[];

/** What a new asset may start as. */
export const CREATE_STATUSES = [
  'ordered',
  'in_stock',
  'preparing',
  'deployed',
] as const satisfies readonly AssetStatus[];

/** What a device becomes when taken out of its cart. */
export const TAKE_OUT_STATUSES = [
  'deployed',
  'in_stock',
  'in_repair',
  'on_loan',
] as const satisfies readonly AssetStatus[];

/** Statuses from which an asset can be moved (the others are elsewhere, or gone). */
export const MOVABLE_STATUSES: readonly AssetStatus[] = [
  'ordered',
  'in_stock',
  'preparing',
  'deployed',
  'returned',
  'in_repair',
];

export const CATEGORY_ROLES = [
  'projection',
  'teacher_computer',
  'pupil_device',
  'desktop',
  'document_camera',
  'network_ap',
  'network_switch',
  'server',
  'printer',
  'cart',
  'hotspot',
  'accessory',
  'other',
] as const satisfies readonly CategoryRole[];

export const STOCK_KINDS = ['warehouse', 'technician', 'school_store'] as const;

export const LABEL_LAYOUTS = ['a4-3x8', 'a4-4x10', 'a4-2x7'] as const;
export type LabelLayout = (typeof LABEL_LAYOUTS)[number];
/** Labels per sheet of each layout (the first sheet's used labels may be skipped, up to one sheet less one). */
export const LABELS_PER_SHEET: Record<LabelLayout, number> = { 'a4-3x8': 24, 'a4-4x10': 40, 'a4-2x7': 14 };

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
