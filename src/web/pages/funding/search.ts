/**
 * What the funding pages keep in the URL: the programme page's tab, the
 * expense lines' filter and page (shareable; the back button restores them).
 */

export const PROGRAMME_TABS = ['overview', 'budget', 'conventions', 'claims', 'indicators'] as const;
export type ProgrammeTab = (typeof PROGRAMME_TABS)[number];

export interface ProgrammeSearch {
  tab?: ProgrammeTab;
}

export interface LinesSearch {
  costItemId?: string;
  page?: number;
}

export const LINES_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export function parseProgrammeSearch(search: Record<string, unknown>): ProgrammeSearch {
  return isOneOf(PROGRAMME_TABS, search.tab) && search.tab !== 'overview' ? { tab: search.tab } : {};
}

export function parseLinesSearch(search: Record<string, unknown>): LinesSearch {
  const out: LinesSearch = {};
  if (typeof search.costItemId === 'string' && UUID.test(search.costItemId))
    out.costItemId = search.costItemId.toLowerCase();
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page < 100_000) out.page = page;
  return out;
}
