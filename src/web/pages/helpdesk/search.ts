/**
 * What the helpdesk list keeps in the URL (`/helpdesk?status=new&school=…&
 * priority=high&category=breakdown&mine=true&breached=true&open=true&q=T-2026-00042&tab=queue`;
 * `report=<asset id>` opens the new ticket dialog on that asset).
 * Defaults are left out of the URL.
 */

export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const TICKET_CATEGORIES = ['breakdown', 'request', 'network', 'account', 'training'] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export interface HelpdeskSearch {
  tab?: 'queue';
  status?: TicketStatus;
  school?: string;
  priority?: TicketPriority;
  category?: TicketCategory;
  mine?: true;
  breached?: true;
  /** Open tickets only (the dashboard's figure links here). */
  open?: true;
  /** A ticket number (`T-2026-00042`, `42`), a year, or words of the title. */
  q?: string;
  /** An asset to report ("Signaler une panne" on the asset page): opens the dialog with it. */
  report?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  list.find((item) => item === value);

export function parseHelpdeskSearch(search: Record<string, unknown>): HelpdeskSearch {
  const out: HelpdeskSearch = {};
  if (search.tab === 'queue') out.tab = 'queue';
  const status = oneOf(TICKET_STATUSES, search.status);
  if (status) out.status = status;
  if (typeof search.school === 'string' && UUID.test(search.school)) out.school = search.school;
  const priority = oneOf(TICKET_PRIORITIES, search.priority);
  if (priority) out.priority = priority;
  const category = oneOf(TICKET_CATEGORIES, search.category);
  if (category) out.category = category;
  if (search.mine === true || search.mine === 'true') out.mine = true;
  if (search.breached === true || search.breached === 'true') out.breached = true;
  if (search.open === true || search.open === 'true') out.open = true;
  if (typeof search.q === 'string' && search.q.trim()) out.q = search.q.trim().slice(0, 100);
  if (typeof search.report === 'string' && UUID.test(search.report)) out.report = search.report;
  return out;
}
