import { z } from 'zod';
import { ALL_PERMISSIONS } from '../../../shared/permissions.ts';
import { DisplayNameSchema, EmailSchema, LocaleSchema, PasswordSchema, RoleSchema } from '../../../shared/schemas.ts';

export const LoginSchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    /** Organisation slug, needed only when one e-mail has accounts in several organisations. */
    organisation: z.string().min(1).max(100).optional(),
  })
  .strict()
  .meta({ id: 'LoginInput' });
export type LoginInput = z.infer<typeof LoginSchema>;

export const ChangePasswordSchema = z
  .object({ currentPassword: PasswordSchema, newPassword: PasswordSchema })
  .strict()
  .meta({ id: 'ChangePasswordInput' });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

export const MeSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: DisplayNameSchema,
      locale: LocaleSchema,
      roles: z.array(RoleSchema),
    }),
    organisation: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
    schools: z.array(z.object({ id: z.uuid(), uai: z.string(), name: z.string() })),
    /** `all` for organisation-wide roles, `attached` when limited to `schools`. */
    schoolScope: z.enum(['all', 'attached']),
    permissions: z.array(z.enum(ALL_PERMISSIONS as [string, ...string[]])),
    /** How this request was authenticated. */
    via: z.enum(['session', 'token']),
    /** Echo in the X-CSRF-Token header of state-changing requests (cookie sessions only). */
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Me' });

export const UpdateMeSchema = z
  .object({ displayName: DisplayNameSchema.optional(), locale: LocaleSchema.optional() })
  .strict()
  .meta({ id: 'UpdateMeInput' });

export const CreateApiTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .meta({ id: 'CreateApiTokenInput' });
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenSchema>;

export const ApiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const NewApiTokenSchema = ApiTokenSchema.extend({
  /** Shown once; only its hash is stored. */
  token: z.string(),
}).meta({ id: 'NewApiToken' });
