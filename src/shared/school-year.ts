/**
 * School years are named by their rentrée: 2026 = 2026-2027, which starts
 * on 1 September (the rentrée des enseignants is around that date).
 */
export function currentSchoolYear(now: Date = new Date()): number {
  return now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

export function schoolYearLabel(year: number): string {
  return `${year}-${year + 1}`;
}

export const MATERNELLE_LEVELS = ['TPS', 'PS', 'MS', 'GS'] as const;
export const ELEMENTAIRE_LEVELS = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'] as const;
export const LEVELS = [...MATERNELLE_LEVELS, ...ELEMENTAIRE_LEVELS] as const;
export type Level = (typeof LEVELS)[number];
