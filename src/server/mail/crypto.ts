import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Secrets } from '../secrets.ts';

/**
 * Secrets kept in the database (the SMTP password) are encrypted with
 * AES-256-GCM under a key derived from the instance secret
 * (SOCLE_SECRET_KEY, or the generated key only the database owner can read):
 * a copy of the tenant tables alone does not reveal them. Changing
 * SOCLE_SECRET_KEY makes them unreadable — the admin types the password
 * again. Format: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */

const VERSION = 'v1';

function keyOf(secrets: Secrets): Buffer {
  // A purpose-bound derivation (HMAC of a label): 32 bytes, never the raw instance key.
  return Buffer.from(secrets.hash('stored-secret-encryption', 'aes-256-gcm/v1'), 'hex');
}

export function encryptSecret(secrets: Secrets, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secrets), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The plaintext, or null when the value was not encrypted with this instance's key (or was altered). */
export function decryptSecret(secrets: Secrets, stored: string): string | null {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secrets), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
