import { z } from 'zod';
import { ROLES } from './roles.ts';

/** Field schemas shared by the server (validation, OpenAPI) and the web forms. */

export const EmailSchema = z.email({ error: 'invalid_email' }).max(254).trim();
export const RoleSchema = z.enum(ROLES);
export const UuidSchema = z.uuid({ error: 'invalid_uuid' });
export const LocaleSchema = z.enum(['fr', 'en']);
/** Passwords are checked for strength by the server (rules.ts); the schema bounds size only. */
export const PasswordSchema = z.string().min(1).max(1024);
export const DisplayNameSchema = z.string().trim().min(1).max(200);
export const UaiSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9]{7}[A-Z]$/, { error: 'invalid_uai' });
