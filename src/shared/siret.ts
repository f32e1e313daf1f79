/**
 * SIRET: 14 digits, the SIREN (9 digits, the company) then the NIC (5 digits,
 * the establishment), checked with the Luhn algorithm — except La Poste
 * (SIREN 356 000 000), whose establishments are numbered so that the sum of
 * the 14 digits is a multiple of 5 (INSEE, "répertoire SIRENE").
 */
const LA_POSTE_SIREN = '356000000';

/** Spaces, dots and non-breaking spaces removed ("362 521 879 00034" is common). */
export function normaliseSiret(value: string): string {
  return value.replace(/[\s.\u00a0\u202f]/g, '');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type SiretProblem = 'format' | 'checksum';

/** null when valid; the problem otherwise. Expects a normalised value. */
export function siretProblem(siret: string): SiretProblem | null {
  if (!/^[0-9]{14}$/.test(siret)) return 'format';
  if (siret.startsWith(LA_POSTE_SIREN)) {
    // The head office (NIC 00001… per INSEE) follows Luhn; the others the sum rule.
    const sum = [...siret].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0 || luhnValid(siret) ? null : 'checksum';
  }
  return luhnValid(siret) && luhnValid(siret.slice(0, 9)) ? null : 'checksum';
}

export function isValidSiret(value: string): boolean {
  return siretProblem(normaliseSiret(value)) === null;
}
