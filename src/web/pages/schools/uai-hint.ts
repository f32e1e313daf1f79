import { normaliseUai, uaiCheckLetter, uaiProblem } from '../../../shared/uai.ts';

/**
 * What the UAI typed so far says, before the server checks it: a hint
 * (the check letter expected for 7 digits), never a refusal.
 */
export function uaiHint(value: string): { kind: 'ok' } | { kind: 'letter'; letter: string } | { kind: 'none' } {
  const uai = normaliseUai(value);
  if (/^[0-9]{7}$/.test(uai)) return { kind: 'letter', letter: uaiCheckLetter(uai) };
  if (!/^[0-9]{7}[A-Z]$/.test(uai)) return { kind: 'none' };
  return uaiProblem(uai) ? { kind: 'letter', letter: uaiCheckLetter(uai.slice(0, 7)) } : { kind: 'ok' };
}
