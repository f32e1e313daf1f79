import type { Role } from '../../api/client.ts';

/** The roles of DESIGN.md, in display order (mirrors src/shared/roles.ts). */
export const ROLES: readonly Role[] = [
  'admin',
  'manager',
  'technician',
  'finance',
  'director',
  'teacher',
  'periscolaire',
  'auditor',
];
