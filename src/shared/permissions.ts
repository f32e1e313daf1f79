import type { Role } from './roles.ts';

/**
 * The permission table: which roles may perform each action. Pure code,
 * shared by the server (enforcement) and the web UI (which never re-derives
 * permissions: it reads them from `/api/auth/me` and from `can` on rows).
 * Deny by default: an action absent from the table is allowed to no one.
 * Object-level checks (own school, own token) happen in the services.
 */
export const PERMISSIONS = {
  /** See the organisation's name and public settings. */
  'organisation.read': ['admin', 'manager', 'technician', 'finance', 'director', 'teacher', 'periscolaire', 'auditor'],
  /** Change organisation settings. */
  'organisation.manage': ['admin'],
  /** Identity providers (single sign-on) and whether password sign-in stays on. */
  'identity.manage': ['admin'],
  /** List and read user accounts. */
  'users.read': ['admin', 'manager', 'auditor'],
  /** Create users, change their roles, schools, activity and passwords. */
  'users.manage': ['admin'],
  /** Browse the audit trail. */
  'audit.read': ['admin', 'auditor'],
  /** Verify the audit chain. */
  'audit.verify': ['admin', 'auditor'],
  /** Outbound webhooks: endpoints, their secrets, the delivery log, redeliveries. */
  'webhooks.manage': ['admin'],
  /** Create and revoke one's own API tokens. */
  'tokens.manage': ['admin', 'manager', 'technician', 'finance', 'auditor'],
  /** Read schools (restricted to attached schools for school-scoped roles). */
  'schools.read': ['admin', 'manager', 'technician', 'finance', 'director', 'teacher', 'periscolaire', 'auditor'],
  /** Create, edit, close schools. */
  'schools.manage': ['admin', 'manager'],
  /** Import school files (Annuaire, effectifs, IPS, Socle CSV). */
  'schools.import': ['admin', 'manager'],
  /** Classes of a school (a director, for their own school). */
  'schools.classes.manage': ['admin', 'manager', 'director'],
  /** Buildings and rooms of a school. */
  'schools.rooms.manage': ['admin', 'manager', 'director', 'technician'],
  /** Network facts of a school. */
  'schools.network.manage': ['admin', 'manager', 'technician'],
  /** See equipment (school-scoped roles: their schools' equipment only). */
  'inventory.read': ['admin', 'manager', 'technician', 'finance', 'director', 'teacher', 'periscolaire', 'auditor'],
  /** Create, edit, move assets; change their status; carts; bulk actions; labels. */
  'inventory.manage': ['admin', 'manager', 'technician'],
  /** Categories, manufacturers, models, stock locations. */
  'inventory.catalogue': ['admin', 'manager'],
  /** Import asset files. */
  'inventory.import': ['admin', 'manager'],
  /** Run inventory rounds (audits). */
  'inventory.audit': ['admin', 'manager', 'technician', 'director'],
  /** File a loan request for a pupil of one's school. */
  'loans.request': ['admin', 'manager', 'director', 'teacher'],
  /** See loans and requests (personal data only for some roles, see loans/service.ts). */
  'loans.read': ['admin', 'manager', 'technician', 'director', 'teacher', 'auditor'],
  /** Approve or reject requests. */
  'loans.approve': ['admin', 'manager'],
  /** Allocate devices, send family links, record paper conventions. */
  'loans.allocate': ['admin', 'manager', 'technician'],
  /** Hand devices over and take them back (with the wipe). */
  'loans.handover': ['admin', 'manager', 'technician', 'director'],
  /** Record incidents (damage, loss, theft) and their outcome. */
  'loans.incidents': ['admin', 'manager', 'technician', 'director'],
  /** Record that a lost or stolen device's location was switched on in the MDM (logged). */
  'loans.location': ['admin', 'manager', 'technician'],
  /** Crisis campaigns: proposal, bulk confirmation, bulk conventions, dashboard. (Return drives: loans.handover.) */
  'loans.campaigns': ['admin', 'manager'],
  /** Read and mark as handled what families report through their link (personal data: the school's director(s) and managers). */
  'loans.messages': ['admin', 'manager', 'director'],
  /** Eligibility reasons, convention template, retention: loan settings. */
  'loans.settings': ['admin'],
  /** Data-subject rights on a household's personal data: export (JSON, PDF) and erasure on request. */
  'loans.rights': ['admin', 'manager'],
  /** Programmes, conventions, suppliers, expense lines, shares and budget (read). */
  'funding.read': ['admin', 'manager', 'finance', 'auditor'],
  /** Create and edit programmes, cost items, funders, conventions, suppliers and expense lines. */
  'funding.manage': ['admin', 'manager', 'finance'],
  /** The digital services catalogue and the schools' subscriptions (school-scoped roles: their schools' subscriptions only). */
  'services.read': ['admin', 'manager', 'technician', 'finance', 'director', 'teacher', 'periscolaire', 'auditor'],
  /** Create, edit, archive digital services; add, edit, end and delete schools' subscriptions. */
  'services.manage': ['admin', 'manager'],
  /** See the socle numérique: grid, compliance, gap, equity (school-scoped roles: their schools). */
  'baseline.read': ['admin', 'manager', 'technician', 'finance', 'director', 'teacher', 'auditor'],
  /** Record justified manual overrides of a criterion. */
  'baseline.override': ['admin', 'manager'],
  /** Edit the référentiel grid (saved as a new version). */
  'baseline.grid': ['admin'],
  /** Run, save and export budget plans. */
  'baseline.plan': ['admin', 'manager', 'finance'],
  /** See training sessions (school-scoped roles: their schools' sessions and open ones; registrants of their schools only). */
  'training.read': ['admin', 'manager', 'technician', 'finance', 'director', 'teacher', 'periscolaire', 'auditor'],
  /** Create, edit, cancel sessions; record attendance, head counts and paper feedback; register anyone. (No trainer role: technicians, the ERUN-like staff, run sessions.) */
  'training.manage': ['admin', 'manager', 'technician'],
  /** Register staff of one's schools (an account or a named teacher) and unregister them. */
  'training.register': ['admin', 'manager', 'technician', 'director', 'teacher', 'periscolaire'],
  /** See bookings and the week calendars (school-scoped roles: their schools' bookings only). */
  'bookings.read': ['admin', 'manager', 'technician', 'finance', 'director', 'teacher', 'periscolaire', 'auditor'],
  /** Book carts, devices and rooms for a class or a périscolaire activity; cancel one's own bookings. */
  'bookings.create': ['admin', 'manager', 'technician', 'director', 'teacher', 'periscolaire'],
  /** Approve or refuse requests, cancel others' bookings, record pick-up and return, set per-resource approval. */
  'bookings.manage': ['admin', 'manager', 'technician', 'director'],
  /** Open helpdesk tickets for one's schools, comment publicly, reopen and rate one's own tickets. */
  'helpdesk.open': ['admin', 'manager', 'technician', 'director', 'teacher', 'periscolaire'],
  /** See tickets (school-scoped roles: their schools' tickets, never internal comments). */
  'helpdesk.read': ['admin', 'manager', 'technician', 'director', 'teacher', 'periscolaire', 'auditor'],
  /** Assign, change status, internal comments, repairs, SLA and calendar settings. */
  'helpdesk.manage': ['admin', 'manager', 'technician'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed = PERMISSIONS[permission] as readonly Role[] | undefined;
  if (!allowed) return false;
  return roles.some((r) => allowed.includes(r));
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return ALL_PERMISSIONS.filter((p) => can(roles, p));
}
