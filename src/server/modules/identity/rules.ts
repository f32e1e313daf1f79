import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../../../shared/roles.ts';
import type { Secrets } from '../../secrets.ts';

/** Pure rules of single sign-on: claims, group mappings, secret encryption, issuer policy. */

export interface RoleMapping {
  readonly group: string;
  readonly role: Role;
}
export interface SchoolMapping {
  readonly group: string;
  readonly uai: string;
}

/**
 * The value at a dotted claim path: `email`, `groups`, or nested like
 * Keycloak's `realm_access.roles`. A claim whose name itself holds dots
 * (Entra ID extension claims) is found first as a whole.
 */
export function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The groups claim as a list of strings (a single string counts as one group; anything else is ignored). */
export function groupsOf(claims: Readonly<Record<string, unknown>>, path: string): string[] {
  const value = claimAt(claims, path);
  if (typeof value === 'string') return value ? [value] : [];
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((g): g is string => typeof g === 'string' && g.length > 0))];
}

/** Roles given by the groups, in the order of ROLES. A group mapped to nothing gives nothing. */
export function rolesFromGroups(groups: readonly string[], mappings: readonly RoleMapping[]): Role[] {
  const held = new Set(groups);
  const roles = new Set(mappings.filter((m) => held.has(m.group)).map((m) => m.role));
  return ROLES.filter((r) => roles.has(r));
}

/** UAIs of the schools given by the groups, sorted, unique. */
export function uaisFromGroups(groups: readonly string[], mappings: readonly SchoolMapping[]): string[] {
  const held = new Set(groups);
  return [...new Set(mappings.filter((m) => held.has(m.group)).map((m) => m.uai))].sort();
}

/** Only a verified e-mail identifies an account (JIT creation and matching an existing account). */
export function verifiedEmail(claims: Readonly<Record<string, unknown>>, path: string): string | null {
  const raw = claimAt(claims, path);
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return null;
  const verified = claims.email_verified;
  return verified === true || verified === 'true' ? email : null;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Issuers must use https. Plain http is accepted only for a loopback host
 * outside production (a provider on the developer's machine, the provider
 * started by the tests); only then does openid-client get
 * `allowInsecureRequests`.
 */
export function issuerPolicy(issuer: string, env: 'development' | 'production' | 'test'): 'https' | 'insecure' | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return 'https';
  if (url.protocol === 'http:' && env !== 'production' && LOOPBACK.has(url.hostname)) return 'insecure';
  return null;
}

/** The AES-256 key that encrypts client secrets at rest, derived from the instance secret (SOCLE_SECRET_KEY). */
export function secretKeyOf(secrets: Secrets): Buffer {
  return Buffer.from(secrets.hash('identity.client-secret.v1', 'aes-256-gcm'), 'hex');
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The plaintext, or null when the blob was not made with this key (or was altered). */
export function decryptSecret(key: Buffer, blob: string): string | null {
  const [version, iv, tag, body] = blob.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
