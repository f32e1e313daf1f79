import { sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { rows, type Scope } from '../../db/connection.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Secrets } from '../../secrets.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { encryptSecret, issuerPolicy, type RoleMapping, type SchoolMapping, secretKeyOf } from './rules.ts';
import type { CreateIdentityProviderInput, UpdateIdentityProviderInput } from './schema.ts';

/** One row of `identity_providers` (migration 0024). */
export interface ProviderRow {
  id: string;
  organisation_id: string;
  name: string;
  issuer: string;
  client_id: string;
  client_secret_enc: string | null;
  scopes: string;
  email_claim: string;
  name_claim: string;
  groups_claim: string;
  role_mappings: RoleMapping[] | string;
  school_mappings: SchoolMapping[] | string;
  jit_provisioning: boolean;
  enabled: boolean;
  created_at: string | Date;
  updated_at: string | Date;
  linked_users?: number | string;
}

const parsed = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);
const iso = (v: string | Date) => new Date(v).toISOString();

export const redirectUriOf = (config: Config) => `${config.publicUrl}/api/auth/oidc/callback`;
export const postLogoutUriOf = (config: Config) => `${config.publicUrl}/login`;

function present(config: Config, p: ProviderRow) {
  return {
    id: p.id,
    name: p.name,
    issuer: p.issuer,
    clientId: p.client_id,
    hasClientSecret: p.client_secret_enc !== null,
    scopes: p.scopes,
    emailClaim: p.email_claim,
    nameClaim: p.name_claim,
    groupsClaim: p.groups_claim,
    roleMappings: parsed(p.role_mappings),
    schoolMappings: parsed(p.school_mappings),
    jitProvisioning: p.jit_provisioning,
    enabled: p.enabled,
    redirectUri: redirectUriOf(config),
    postLogoutRedirectUri: postLogoutUriOf(config),
    linkedUsers: Number(p.linked_users ?? 0),
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
  };
}

/** The audit snapshot of a provider: never the secret, only whether there is one. */
function snapshot(p: ProviderRow) {
  const { client_secret_enc, created_at, updated_at, linked_users, ...rest } = p;
  return {
    ...rest,
    role_mappings: parsed(p.role_mappings),
    school_mappings: parsed(p.school_mappings),
    hasClientSecret: client_secret_enc !== null,
  };
}

const SELECT = sql`SELECT p.*, (SELECT count(*)::int FROM user_identities i WHERE i.provider_id = p.id) AS linked_users
                     FROM identity_providers p`;

/** A provider of the scope's organisation (RLS), or null. */
export async function findProviderRow(scope: Scope, id: string, lock = false): Promise<ProviderRow | null> {
  const [row] = await rows<ProviderRow>(
    scope.tx,
    lock ? sql`SELECT * FROM identity_providers WHERE id = ${id} FOR UPDATE` : sql`${SELECT} WHERE p.id = ${id}`,
  );
  return row ?? null;
}

export async function findProviders(scope: Scope, config: Config) {
  const found = await rows<ProviderRow>(scope.tx, sql`${SELECT} ORDER BY lower(p.name), p.id`);
  return found.map((p) => present(config, p));
}

export async function getProvider(scope: Scope, config: Config, id: string) {
  const row = await findProviderRow(scope, id);
  if (!row) throw notFound('Identity provider');
  return present(config, row);
}

function assertIssuer(config: Config, issuer: string): void {
  if (!issuerPolicy(issuer, config.env)) {
    throw new AppError('VALIDATION_FAILED', 'The issuer must be an https URL', {
      fields: [{ path: 'body.issuer', message: 'https required', code: 'issuer_https_required' }],
    });
  }
}

async function assertNameFree(scope: Scope, name: string, exceptId: string | null): Promise<void> {
  const [taken] = await rows<{ id: string }>(
    scope.tx,
    sql`SELECT id FROM identity_providers WHERE lower(name) = lower(${name}) AND (${exceptId}::uuid IS NULL OR id <> ${exceptId}::uuid)`,
  );
  if (taken) {
    throw new AppError('CONFLICT', 'A provider with this name exists', {
      fields: [{ path: 'body.name', message: 'already used', code: 'name_taken' }],
    });
  }
}

async function passwordLoginOf(scope: Scope): Promise<boolean> {
  const [org] = await rows<{ password_login: boolean }>(
    scope.tx,
    sql`SELECT password_login FROM organisations WHERE id = ${scope.organisationId}`,
  );
  return org?.password_login !== false;
}

/** With password sign-in off, one enabled provider must remain, or nobody could sign in. */
async function assertAnotherEnabledProvider(scope: Scope, exceptId: string): Promise<void> {
  if (await passwordLoginOf(scope)) return;
  const [other] = await rows<{ id: string }>(
    scope.tx,
    sql`SELECT id FROM identity_providers WHERE enabled AND id <> ${exceptId}`,
  );
  if (!other) {
    throw new AppError(
      'CONFLICT',
      'Password sign-in is off: turn it back on before disabling or deleting the last enabled identity provider',
    );
  }
}

export async function createProvider(
  scope: Scope,
  config: Config,
  secrets: Secrets,
  input: CreateIdentityProviderInput,
) {
  assertIssuer(config, input.issuer);
  await assertNameFree(scope, input.name, null);
  const secret = input.clientSecret === undefined ? null : encryptSecret(secretKeyOf(secrets), input.clientSecret);
  const [row] = await rows<ProviderRow>(
    scope.tx,
    sql`INSERT INTO identity_providers (organisation_id, name, issuer, client_id, client_secret_enc, scopes,
          email_claim, name_claim, groups_claim, role_mappings, school_mappings, jit_provisioning, enabled)
        VALUES (${scope.organisationId}, ${input.name}, ${input.issuer.replace(/\/+$/, '')}, ${input.clientId}, ${secret},
          ${input.scopes}, ${input.emailClaim}, ${input.nameClaim}, ${input.groupsClaim},
          ${JSON.stringify(input.roleMappings)}::jsonb, ${JSON.stringify(input.schoolMappings)}::jsonb,
          ${input.jitProvisioning}, ${input.enabled})
        RETURNING *`,
  );
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(scope, {
    action: 'identity.provider_created',
    entityType: 'identity_provider',
    entityId: row.id,
    after: snapshot(row),
  });
  return getProvider(scope, config, row.id);
}

export async function updateProvider(
  scope: Scope,
  config: Config,
  secrets: Secrets,
  id: string,
  input: UpdateIdentityProviderInput,
) {
  const before = await findProviderRow(scope, id, true);
  if (!before) throw notFound('Identity provider');
  if (input.issuer !== undefined) assertIssuer(config, input.issuer);
  if (input.name !== undefined) await assertNameFree(scope, input.name, id);
  if (input.enabled === false && before.enabled) await assertAnotherEnabledProvider(scope, id);
  const secret =
    input.clientSecret === undefined
      ? before.client_secret_enc
      : input.clientSecret === null
        ? null
        : encryptSecret(secretKeyOf(secrets), input.clientSecret);
  const [after] = await rows<ProviderRow>(
    scope.tx,
    sql`UPDATE identity_providers SET
          name = ${input.name ?? before.name},
          issuer = ${(input.issuer ?? before.issuer).replace(/\/+$/, '')},
          client_id = ${input.clientId ?? before.client_id},
          client_secret_enc = ${secret},
          scopes = ${input.scopes ?? before.scopes},
          email_claim = ${input.emailClaim ?? before.email_claim},
          name_claim = ${input.nameClaim ?? before.name_claim},
          groups_claim = ${input.groupsClaim ?? before.groups_claim},
          role_mappings = ${JSON.stringify(input.roleMappings ?? parsed(before.role_mappings))}::jsonb,
          school_mappings = ${JSON.stringify(input.schoolMappings ?? parsed(before.school_mappings))}::jsonb,
          jit_provisioning = ${input.jitProvisioning ?? before.jit_provisioning},
          enabled = ${input.enabled ?? before.enabled},
          updated_at = now()
        WHERE id = ${id}
        RETURNING *`,
  );
  if (!after) throw notFound('Identity provider');
  await recordAudit(scope, {
    action: 'identity.provider_updated',
    entityType: 'identity_provider',
    entityId: id,
    before: snapshot(before),
    after: { ...snapshot(after), secretChanged: input.clientSecret !== undefined },
  });
  return getProvider(scope, config, id);
}

export async function deleteProvider(scope: Scope, id: string): Promise<void> {
  const before = await findProviderRow(scope, id, true);
  if (!before) throw notFound('Identity provider');
  if (before.enabled) await assertAnotherEnabledProvider(scope, id);
  await scope.tx.execute(sql`DELETE FROM identity_providers WHERE id = ${id}`);
  await recordAudit(scope, {
    action: 'identity.provider_deleted',
    entityType: 'identity_provider',
    entityId: id,
    before: snapshot(before),
  });
}

export async function getIdentitySettings(scope: Scope) {
  return { passwordLogin: await passwordLoginOf(scope) };
}

/**
 * Turning password sign-in off needs a way in that works: the admin doing it
 * must have signed in through an enabled provider of the organisation (so
 * the provider, its client secret and the admin's account link are proven).
 * Turning it back on is always allowed.
 */
export async function updateIdentitySettings(scope: Scope, actor: Actor, input: { passwordLogin: boolean }) {
  const before = await passwordLoginOf(scope);
  if (!input.passwordLogin && before) {
    const [link] = await rows<{ provider_id: string }>(
      scope.tx,
      sql`SELECT i.provider_id FROM user_identities i JOIN identity_providers p ON p.id = i.provider_id
           WHERE i.user_id = ${actor.userId} AND p.enabled LIMIT 1`,
    );
    if (!link) {
      throw new AppError(
        'CONFLICT',
        'Sign in once through an enabled identity provider before turning password sign-in off',
        { fields: [{ path: 'body.passwordLogin', message: 'no working provider', code: 'sso_not_proven' }] },
      );
    }
  }
  if (before !== input.passwordLogin) {
    await scope.tx.execute(
      sql`UPDATE organisations SET password_login = ${input.passwordLogin}, updated_at = now() WHERE id = ${scope.organisationId}`,
    );
    await recordAudit(scope, {
      action: 'identity.settings_updated',
      entityType: 'organisation',
      entityId: scope.organisationId,
      before: { passwordLogin: before },
      after: { passwordLogin: input.passwordLogin },
    });
  }
  return { passwordLogin: input.passwordLogin };
}
