import { ASSET_STATUSES } from '../../db/schema/inventory.ts';

/**
 * The asset lifecycle (CARMO: acquisition → preparation → distribution →
 * use → disposal) as a state machine. The service refuses any other change
 * with 409 ASSET_INVALID_TRANSITION; the database holds the same table
 * (asset_status_transitions, migration 0005) and a trigger refuses the rest.
 */
export type AssetStatus = (typeof ASSET_STATUSES)[number];
export { ASSET_STATUSES };

const TERMINAL: readonly AssetStatus[] = ['donated'];
/** Statuses from which an asset can go to repair, or be declared lost, stolen, retired, donated. */
const ACTIVE = ASSET_STATUSES.filter((s) => !TERMINAL.includes(s) && s !== 'retired');

const FORWARD: Record<AssetStatus, readonly AssetStatus[]> = {
  ordered: ['in_stock'],
  in_stock: ['preparing'],
  preparing: ['deployed', 'in_cart', 'in_stock'],
  deployed: ['in_cart', 'on_loan', 'in_stock'],
  in_cart: ['deployed', 'on_loan', 'in_stock'],
  on_loan: ['returned'],
  // Wiped between users (CARMO v3): the transition requires the wipe to be confirmed.
  returned: ['in_stock'],
  // Back to where it was (previous_state), or beyond repair.
  in_repair: ['in_stock', 'preparing', 'deployed', 'in_cart', 'returned'],
  lost: ['in_stock'],
  stolen: ['in_stock'],
  retired: ['donated'],
  donated: [],
};

export function allowedTransitions(from: AssetStatus): AssetStatus[] {
  const out = new Set<AssetStatus>(FORWARD[from]);
  if (ACTIVE.includes(from)) {
    for (const s of ['in_repair', 'lost', 'stolen', 'retired', 'donated'] as const) if (s !== from) out.add(s);
  }
  if (from === 'retired') out.add('donated');
  out.delete(from);
  return [...out];
}

export function canTransition(from: AssetStatus, to: AssetStatus): boolean {
  return allowedTransitions(from).includes(to);
}

/** Every allowed pair, for the database table. */
export function transitionPairs(): [AssetStatus, AssetStatus][] {
  return ASSET_STATUSES.flatMap((from) =>
    allowedTransitions(from).map((to) => [from, to] as [AssetStatus, AssetStatus]),
  );
}

/** Statuses that say where the asset physically is in a school. */
export const IN_SCHOOL: readonly AssetStatus[] = ['deployed', 'in_cart'];
/** Statuses counted as "out of the fleet". */
export const GONE: readonly AssetStatus[] = ['lost', 'stolen', 'retired', 'donated'];

/**
 * Inventory tags from a pattern: `{YYYY}` the year, `{YY}` its last two
 * digits, `{0000…}` the counter padded to that many digits. Default
 * `{ORG}-{YYYY}-{00000}` where {ORG} is given by the caller.
 */
export function formatTag(pattern: string, year: number, counter: number, org = ''): string {
  return pattern
    .replaceAll('{YYYY}', String(year))
    .replaceAll('{YY}', String(year).slice(-2))
    .replaceAll('{ORG}', org)
    .replace(/\{(0+)\}/g, (_m, zeros: string) => String(counter).padStart(zeros.length, '0'));
}

export function isValidTagPattern(pattern: string): boolean {
  return /\{0+\}/.test(pattern) && pattern.length <= 40 && !/[\s,;]/.test(pattern);
}
