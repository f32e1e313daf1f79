import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Pure rules of authentication: secrets, password strength, throttling. */

export const SESSION_COOKIE = 'socle_session';
export const CSRF_COOKIE = 'socle_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const API_TOKEN_PREFIX = 'socle_pat_';

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  return { token, hash: sha256(token), prefix: token.slice(0, API_TOKEN_PREFIX.length + 6) };
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A short list of passwords that pass the length rule but are still guessed first. */
const COMMON = new Set(
  [
    'motdepasse123',
    'motdepasse1234',
    'password1234',
    'password12345',
    'azertyuiop123',
    'azertyuiopqsdf',
    'qwertyuiop123',
    '123456789012',
    '1234567890123',
    'administrateur',
    'administrator1',
    'bienvenue2024',
    'bienvenue2025',
    'bienvenue2026',
    'changeme1234',
    'jetaime12345',
    'soleil123456',
    'socle1234567',
  ].map((p) => p.toLowerCase()),
);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email' | 'too_repetitive';

/**
 * Minimum strength: at least 12 characters (a passphrase of three or four
 * words passes), at most 256, not a well-known password, not built on the
 * e-mail's local part, and not one or two characters repeated.
 */
export function checkPasswordStrength(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < 12) return 'too_short';
  if (length > 256) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'too_common';
  if (new Set(lower).size <= 2) return 'too_repetitive';
  const local = email ? normaliseEmail(email).split('@')[0] : undefined;
  if (local && local.length >= 4 && lower.includes(local)) return 'contains_email';
  return null;
}

export interface ThrottleDecision {
  readonly blocked: boolean;
  /** Seconds until one more attempt is allowed (0 when not blocked). */
  readonly retryAfter: number;
}

/**
 * `failures` are the times of failed attempts within the window, after the
 * last success. Blocked once `max` failures are counted; the block lifts when
 * the oldest counted failure leaves the window.
 */
export function decideThrottle(
  failures: readonly Date[],
  now: Date,
  windowMinutes: number,
  max: number,
): ThrottleDecision {
  const windowMs = windowMinutes * 60_000;
  const recent = failures
    .filter((f) => now.getTime() - f.getTime() < windowMs)
    .sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < max) return { blocked: false, retryAfter: 0 };
  // The attempt that unblocks comes when enough old failures have aged out.
  const pivot = recent[recent.length - max] as Date;
  const retryAfter = Math.max(1, Math.ceil((pivot.getTime() + windowMs - now.getTime()) / 1000));
  return { blocked: true, retryAfter };
}
