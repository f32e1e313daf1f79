import { z } from 'zod';
import {
  DisplayNameSchema,
  EmailSchema,
  LocaleSchema,
  PasswordSchema,
  RoleSchema,
  UuidSchema,
} from '../../../shared/schemas.ts';

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    active: z.boolean(),
    locale: LocaleSchema,
    schools: z.array(z.object({ id: z.uuid(), uai: z.string(), name: z.string() })),
    hasPassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    can: z.object({ update: z.boolean(), setPassword: z.boolean() }),
  })
  .meta({ id: 'User' });

export const CreateUserSchema = z
  .object({
    email: EmailSchema,
    displayName: DisplayNameSchema,
    roles: z.array(RoleSchema).min(1).max(8),
    locale: LocaleSchema.default('fr'),
    schoolIds: z.array(UuidSchema).max(500).default([]),
    /** Initial password; without one the account cannot sign in until it gets one. */
    password: PasswordSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateUserInput' });
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    roles: z.array(RoleSchema).min(1).max(8).optional(),
    locale: LocaleSchema.optional(),
    active: z.boolean().optional(),
    schoolIds: z.array(UuidSchema).max(500).optional(),
  })
  .strict()
  .meta({ id: 'UpdateUserInput' });
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const SetPasswordSchema = z.object({ password: PasswordSchema }).strict().meta({ id: 'SetPasswordInput' });

export const UserListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  role: RoleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

export const UserListSchema = z
  .object({ items: z.array(UserSchema), total: z.number().int() })
  .meta({ id: 'UserList' });
