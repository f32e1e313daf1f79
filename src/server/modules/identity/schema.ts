import { z } from 'zod';
import { RoleSchema, UaiSchema } from '../../../shared/schemas.ts';

const ClaimPath = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\s]+$/, { error: 'invalid_claim' });
const Group = z.string().trim().min(1).max(500);

export const RoleMappingSchema = z
  .object({ group: Group, role: RoleSchema })
  .strict()
  .meta({ id: 'IdentityRoleMapping' });
export const SchoolMappingSchema = z
  .object({ group: Group, uai: UaiSchema })
  .strict()
  .meta({ id: 'IdentitySchoolMapping' });

const Scopes = z
  .string()
  .trim()
  .max(500)
  .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, { error: 'invalid_scopes' })
  .refine((s) => s.split(' ').includes('openid'), { error: 'openid_scope_required' });

const Fields = {
  /** Shown on the login page button ("Se connecter avec …"). */
  name: z.string().trim().min(1).max(100),
  /** Issuer URL; its `/.well-known/openid-configuration` is read at sign-in. https (http only for a loopback host outside production). */
  issuer: z.url({ protocol: /^https?$/, error: 'invalid_url' }).max(500),
  clientId: z.string().trim().min(1).max(500),
  scopes: Scopes,
  emailClaim: ClaimPath,
  nameClaim: ClaimPath,
  /** Dotted path of the groups claim, e.g. `groups` or Keycloak's `realm_access.roles`. */
  groupsClaim: ClaimPath,
  roleMappings: z.array(RoleMappingSchema).max(500),
  schoolMappings: z.array(SchoolMappingSchema).max(5000),
  /** Create an account at the first sign-in of a verified e-mail that has none. */
  jitProvisioning: z.boolean(),
  enabled: z.boolean(),
};

export const CreateIdentityProviderSchema = z
  .object({
    name: Fields.name,
    issuer: Fields.issuer,
    clientId: Fields.clientId,
    /** Stored encrypted; never returned. Omit for a public client (PKCE only). */
    clientSecret: z.string().min(1).max(2000).optional(),
    scopes: Fields.scopes.default('openid email profile'),
    emailClaim: Fields.emailClaim.default('email'),
    nameClaim: Fields.nameClaim.default('name'),
    groupsClaim: Fields.groupsClaim.default('groups'),
    roleMappings: Fields.roleMappings.default([]),
    schoolMappings: Fields.schoolMappings.default([]),
    jitProvisioning: Fields.jitProvisioning.default(false),
    enabled: Fields.enabled.default(true),
  })
  .strict()
  .meta({ id: 'CreateIdentityProviderInput' });
export type CreateIdentityProviderInput = z.infer<typeof CreateIdentityProviderSchema>;

export const UpdateIdentityProviderSchema = z
  .object({
    name: Fields.name.optional(),
    issuer: Fields.issuer.optional(),
    clientId: Fields.clientId.optional(),
    /** A new secret; `null` removes it; absent keeps it. */
    clientSecret: z.string().min(1).max(2000).nullable().optional(),
    scopes: Fields.scopes.optional(),
    emailClaim: Fields.emailClaim.optional(),
    nameClaim: Fields.nameClaim.optional(),
    groupsClaim: Fields.groupsClaim.optional(),
    roleMappings: Fields.roleMappings.optional(),
    schoolMappings: Fields.schoolMappings.optional(),
    jitProvisioning: Fields.jitProvisioning.optional(),
    enabled: Fields.enabled.optional(),
  })
  .strict()
  .meta({ id: 'UpdateIdentityProviderInput' });
export type UpdateIdentityProviderInput = z.infer<typeof UpdateIdentityProviderSchema>;

export const IdentityProviderSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    hasClientSecret: z.boolean(),
    scopes: z.string(),
    emailClaim: z.string(),
    nameClaim: z.string(),
    groupsClaim: z.string(),
    roleMappings: z.array(RoleMappingSchema),
    schoolMappings: z.array(SchoolMappingSchema),
    jitProvisioning: z.boolean(),
    enabled: z.boolean(),
    /** Register this address as the redirect URI at the provider. */
    redirectUri: z.string(),
    /** Register this address as a post-logout redirect URI (RP-initiated logout). */
    postLogoutRedirectUri: z.string(),
    /** Accounts linked to this provider (signed in through it at least once). */
    linkedUsers: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'IdentityProvider' });

export const IdentitySettingsSchema = z
  .object({
    /** E-mail + password sign-in for this organisation. */
    passwordLogin: z.boolean(),
  })
  .meta({ id: 'IdentitySettings' });

export const UpdateIdentitySettingsSchema = z
  .object({ passwordLogin: z.boolean() })
  .strict()
  .meta({ id: 'UpdateIdentitySettingsInput' });

export const LoginProviderSchema = z
  .object({ id: z.uuid(), name: z.string(), organisationSlug: z.string(), organisationName: z.string() })
  .meta({ id: 'LoginProvider' });

export const StartQuerySchema = z.object({
  /** Same-site path to open after sign-in. */
  redirect: z.string().max(2000).optional(),
});

export const CallbackQuerySchema = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
});

export const SsoLogoutSchema = z
  .object({
    /** The provider's end-session address (RP-initiated logout), when the session came from one that has it. */
    endSessionUrl: z.string().nullable(),
  })
  .meta({ id: 'SsoLogout' });
