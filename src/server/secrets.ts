import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from './config.ts';
import { type Database, rows } from './db/connection.ts';

/**
 * The instance's secret: signs family links and keys the hashes of IP
 * addresses. From SOCLE_SECRET_KEY when set (all processes must share it),
 * otherwise generated at first start and kept in `platform_secrets`
 * (owner-only), so every process on the same database agrees.
 */
export interface Secrets {
  /** HMAC-SHA256 of `message` for `purpose`, base64url. */
  sign(purpose: string, message: string): string;
  verify(purpose: string, message: string, signature: string): boolean;
  /** A keyed hash (no reversible personal data), hex. */
  hash(purpose: string, value: string): string;
}

export function secretsFrom(key: Buffer): Secrets {
  const mac = (purpose: string, message: string) =>
    createHmac('sha256', key).update(`${purpose}\u0000${message}`).digest();
  return {
    sign: (purpose, message) => mac(purpose, message).subarray(0, 24).toString('base64url'),
    verify(purpose, message, signature) {
      const expected = mac(purpose, message).subarray(0, 24);
      let given: Buffer;
      try {
        given = Buffer.from(signature, 'base64url');
      } catch {
        return false;
      }
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    hash: (purpose, value) => mac(purpose, value).toString('hex'),
  };
}

export async function loadSecrets(db: Database, config: Config): Promise<Secrets> {
  if (config.secretKey) return secretsFrom(config.secretKey);
  await db.owner.execute(
    sql`INSERT INTO platform_secrets (name, value) VALUES ('instance_key', ${randomBytes(32).toString('base64')}) ON CONFLICT (name) DO NOTHING`,
  );
  const [row] = await rows<{ value: string }>(
    db.owner,
    sql`SELECT value FROM platform_secrets WHERE name = 'instance_key'`,
  );
  if (!row) throw new Error('instance secret missing');
  return secretsFrom(Buffer.from(row.value, 'base64'));
}
