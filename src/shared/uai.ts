/**
 * UAI (Unité administrative immatriculée): 7 digits and a check letter,
 * `"ABCDEFGHJKLMNPRSTUVWXYZ"[Number(first7) % 23]` — 23 letters, no I, O, Q
 * (DOMAIN.md §2; verified on real codes such as 0720022H, 9710648C).
 * The first three digits are the département (072 Sarthe; Corsica 620/720).
 */

export const UAI_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

export function uaiCheckLetter(digits: string): string {
  if (!/^[0-9]{7}$/.test(digits)) throw new Error('UAI digits must be 7 digits');
  return UAI_LETTERS[Number(digits) % 23] as string;
}

/** Trims and upper-cases; does not validate. */
export function normaliseUai(value: string): string {
  return value.trim().toUpperCase();
}

export type UaiProblem = 'format' | 'checksum';

/** null when valid; the problem otherwise. Expects a normalised value. */
export function uaiProblem(uai: string): UaiProblem | null {
  if (!/^[0-9]{7}[A-Z]$/.test(uai)) return 'format';
  return uaiCheckLetter(uai.slice(0, 7)) === uai[7] ? null : 'checksum';
}

export function isValidUai(value: string): boolean {
  return uaiProblem(normaliseUai(value)) === null;
}

export function departementOfUai(uai: string): string {
  return uai.slice(0, 3);
}
