import { sql } from 'drizzle-orm';
import { rows, type Scope } from '../../db/connection.ts';

/**
 * The socle's results of a whole organisation, kept in memory between reads
 * (the dashboard, the compliance table, the gap report, equity and the
 * planner each evaluate every school). Exact, not time-based: the key is the
 * organisation's data version — a counter that every committed change to a
 * table the socle is computed from increments, in the same transaction
 * (migration 0025: a deferred trigger on each of those tables) — and the day
 * (device ages, expiries and the training window depend on it). A read that
 * finds the version its entry was computed at gets that entry, on any server
 * instance; any other version recomputes. Entries are shared between
 * requests: read-only.
 */

/** Organisations kept (least recently used dropped first). */
const MAX_ORGANISATIONS = 16;

const entries = new Map<string, { key: string; value: unknown }>();

/** The organisation's data version, as this transaction sees it. */
export async function dataVersion(scope: Scope): Promise<string> {
  const [row] = await rows<{ version: string }>(
    scope.tx,
    sql`SELECT coalesce((SELECT version FROM baseline_data_versions
                          WHERE organisation_id = ${scope.organisationId}), 0)::text AS version`,
  );
  return row?.version ?? '0';
}

/** The entry computed at `key` for the organisation, if it is the one kept. */
export function cached<T>(organisationId: string, key: string): T | null {
  const entry = entries.get(organisationId);
  if (!entry || entry.key !== key) return null;
  // Most recently used last.
  entries.delete(organisationId);
  entries.set(organisationId, entry);
  return entry.value as T;
}

export function keep(organisationId: string, key: string, value: unknown): void {
  entries.delete(organisationId);
  entries.set(organisationId, { key, value });
  while (entries.size > MAX_ORGANISATIONS) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** Empties the cache (tests). */
export function forgetAll(): void {
  entries.clear();
}
