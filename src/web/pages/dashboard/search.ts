/**
 * What the home dashboard keeps in the URL (`/home?year=2025&
 * circonscription=Le%20Mans%20Nord&priority=REP%2B`, and `school=<id>` for
 * one school's dashboard): shareable, and the back button restores them.
 * Defaults (the current school year, every school) stay out of the URL.
 * Pure: unit-tested, and the links of the figures are built here.
 */

export const PRIORITIES = ['none', 'REP', 'REP+'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface DashboardSearch {
  year?: number;
  circonscription?: string;
  priority?: Priority;
  school?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Search params as the router parsed them, checked one by one: bad values are dropped. */
export function parseDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const out: DashboardSearch = {};
  const year = Number(search.year);
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) out.year = year;
  const circonscription = typeof search.circonscription === 'string' ? search.circonscription.trim().slice(0, 200) : '';
  if (circonscription) out.circonscription = circonscription;
  if (typeof search.priority === 'string' && (PRIORITIES as readonly string[]).includes(search.priority)) {
    out.priority = search.priority as Priority;
  }
  if (typeof search.school === 'string' && UUID.test(search.school)) out.school = search.school.toLowerCase();
  return out;
}

/** The API query of a dashboard search. */
export function dashboardQueryOf(search: DashboardSearch) {
  return {
    ...(search.year ? { schoolYear: search.year } : {}),
    ...(search.circonscription ? { circonscription: search.circonscription } : {}),
    ...(search.priority ? { priority: search.priority } : {}),
    ...(search.school ? { schoolId: search.school } : {}),
  };
}

/** Devices in service, as the assets list takes them (the server's IN_SERVICE). */
export const IN_SERVICE_STATUSES = 'deployed,in_cart,on_loan';

export interface FigureFilters {
  readonly circonscription: string | null;
  readonly priority: Priority | null;
  readonly schoolId: string | null;
}

/**
 * Whether a list filtered by school only (inventory, loans, helpdesk) shows
 * exactly the figure: not when the dashboard is filtered by circonscription
 * or priority education over several schools, nor for a past school year
 * (the lists show today).
 */
export function listIsExact(filters: FigureFilters, current: boolean): boolean {
  return current && (filters.schoolId !== null || (filters.circonscription === null && filters.priority === null));
}

/** The links' search params, with the filters each list accepts. */
export function figureSearches(filters: FigureFilters) {
  const school = filters.schoolId ? { schoolId: filters.schoolId } : {};
  const baseline = {
    ...(filters.circonscription ? { circonscription: filters.circonscription } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
  };
  return {
    schools: baseline,
    socle: { ...baseline, status: 'at_socle' as const },
    classes: baseline,
    devices: { ...school, status: IN_SERVICE_STATUSES },
    openLoans: { ...school, status: 'handed_over' as const },
    overdueLoans: { ...school, overdue: true as const },
    openTickets: { ...(filters.schoolId ? { school: filters.schoolId } : {}), open: true as const },
    breachedTickets: {
      ...(filters.schoolId ? { school: filters.schoolId } : {}),
      open: true as const,
      breached: true as const,
    },
  };
}

/** A figure's change since the reference: its sign in words and symbols, never in colour alone. */
export function trendOf(
  value: number,
  reference: number | null,
): { direction: 'up' | 'down' | 'same'; delta: number } | null {
  if (reference === null) return null;
  const delta = Math.round((value - reference) * 1000) / 1000;
  return { direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same', delta };
}
