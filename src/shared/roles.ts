/** The roles of DESIGN.md. Order matters only for display. */
export const ROLES = [
  'admin',
  'manager',
  'technician',
  'finance',
  'director',
  'teacher',
  'periscolaire',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles whose reach is limited to the schools a user is attached to.
 * A technician with no attached school works for the whole organisation;
 * attached to some, only for those.
 */
export const SCHOOL_SCOPED_ROLES: readonly Role[] = ['director', 'teacher', 'periscolaire'];
