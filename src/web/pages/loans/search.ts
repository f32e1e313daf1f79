import type { Schemas } from '../../api/client.ts';

/**
 * The loans lists keep their filters in the URL, like the schools and
 * assets lists (`/loans?schoolId=…&status=handed_over&overdue=true&page=2`):
 * shareable, and the back button restores them. Defaults stay out of the URL.
 */

type RequestStatus = Schemas['LoanRequest']['status'];
type LoanStatus = Schemas['Loan']['status'];

export const REQUEST_STATUSES = [
  'pending',
  'approved',
  'allocated',
  'rejected',
  'cancelled',
] as const satisfies readonly RequestStatus[];
export const LOAN_STATUSES = [
  'allocated',
  'accepted',
  'handed_over',
  'returned',
  'closed',
  'cancelled',
] as const satisfies readonly LoanStatus[];
export const CONDITIONS = ['ok', 'damaged', 'accessories_missing'] as const;
export const PAGE_SIZE = 50;

export interface RequestSearch {
  schoolId?: string;
  status?: RequestStatus;
  page?: number;
}

export interface LoanSearch {
  schoolId?: string;
  status?: LoanStatus;
  overdue?: true;
  page?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function common(search: Record<string, unknown>): { schoolId?: string; page?: number } {
  const out: { schoolId?: string; page?: number } = {};
  if (typeof search.schoolId === 'string' && UUID.test(search.schoolId)) out.schoolId = search.schoolId.toLowerCase();
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page < 100_000) out.page = page;
  return out;
}

/** Search params as the router parsed them (JSON values), checked one by one: bad values are dropped. */
export function parseRequestSearch(search: Record<string, unknown>): RequestSearch {
  const out: RequestSearch = common(search);
  if (isOneOf(REQUEST_STATUSES, search.status)) out.status = search.status;
  return out;
}

export function parseLoanSearch(search: Record<string, unknown>): LoanSearch {
  const out: LoanSearch = common(search);
  if (isOneOf(LOAN_STATUSES, search.status)) out.status = search.status;
  if (search.overdue === true || search.overdue === 'true') out.overdue = true;
  return out;
}

/** The API query of a list search, with its page. */
export function requestQueryOf(search: RequestSearch) {
  return {
    ...(search.schoolId ? { schoolId: search.schoolId } : {}),
    ...(search.status ? { status: search.status } : {}),
    limit: PAGE_SIZE,
    offset: ((search.page ?? 1) - 1) * PAGE_SIZE,
  };
}

export function loanQueryOf(search: LoanSearch) {
  return {
    ...(search.schoolId ? { schoolId: search.schoolId } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.overdue ? { overdue: 'true' as const } : {}),
    limit: PAGE_SIZE,
    offset: ((search.page ?? 1) - 1) * PAGE_SIZE,
  };
}

/** Today as a calendar day of the browser (YYYY-MM-DD), the default of decision dates. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
