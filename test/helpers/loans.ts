import assert from 'node:assert/strict';
import { type Agent, json } from './app.ts';

/**
 * Family loans through the real API, up to the state a test needs:
 * request → approval → allocation → paper acceptance → handover (→ return).
 * Names are fictional and unusual, so tests can search every table for them.
 */

export interface Contact {
  firstName: string;
  lastName: string;
  addressLine: string;
  postcode: string;
  city: string;
  phone?: string | null;
  email?: string | null;
}

export const contact = (firstName: string, lastName: string, email: string | null, phone: string | null = null) => ({
  firstName,
  lastName,
  addressLine: `${firstName.length} allée des Prêts Fictifs`,
  postcode: '72000',
  city: 'Le Mans',
  phone,
  email,
});

export interface LoanAgents {
  /** Files the request (director of the school, or a manager). */
  readonly requester: Agent;
  /** Approves, allocates, hands over (a manager). */
  readonly manager: Agent;
}

export interface LoanOptions {
  readonly schoolId: string;
  readonly modelId: string;
  readonly pupil: { firstName: string; lastName: string };
  readonly contacts: Contact[];
  readonly locale?: 'fr' | 'en';
  readonly dueDate?: string;
  /** How far to go; default handed_over. */
  readonly until?: 'allocated' | 'accepted' | 'handed_over';
}

export interface MadeLoan {
  readonly id: string;
  readonly requestId: string;
  readonly householdId: string;
  readonly pseudonym: string;
  readonly asset: { id: string; tag: string };
}

export async function makeLoan(agents: LoanAgents, o: LoanOptions): Promise<MadeLoan> {
  const { requester, manager } = agents;
  const asset = await manager.post('/api/assets', { modelId: o.modelId, status: 'deployed', schoolId: o.schoolId });
  assert.equal(asset.statusCode, 201, asset.body);
  const device = json<{ id: string; tag: string }>(asset);
  const created = await requester.post('/api/loans/requests', {
    schoolId: o.schoolId,
    pupil: o.pupil,
    household: { locale: o.locale ?? 'fr', contacts: o.contacts },
    need: { connectivity: false },
    eligibility: { eligible: true, reasonCode: 'no_device_at_home', decidedOn: '2026-09-07' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const request = json<{ id: string; household: { id: string; pseudonym: string } }>(created);
  const approved = await manager.post(`/api/loans/requests/${request.id}/approve`);
  assert.equal(approved.statusCode, 200, approved.body);
  const allocated = await manager.post(`/api/loans/requests/${request.id}/allocate`, {
    tags: [device.tag],
    ...(o.dueDate ? { dueDate: o.dueDate } : {}),
  });
  assert.equal(allocated.statusCode, 201, allocated.body);
  const loan = json<{ id: string }>(allocated);
  const made = {
    id: loan.id,
    requestId: request.id,
    householdId: request.household.id,
    pseudonym: request.household.pseudonym,
    asset: device,
  };
  if (o.until === 'allocated') return made;
  const paper = await manager.request('POST', `/api/loans/${loan.id}/paper-acceptance`, {
    body: Buffer.from('%PDF-1.4\n% convention signée à la main\n'),
    headers: { 'content-type': 'application/pdf' },
  });
  assert.equal(paper.statusCode, 200, paper.body);
  if (o.until === 'accepted') return made;
  const out = await manager.post(`/api/loans/${loan.id}/handover`, { tags: [device.tag] });
  assert.equal(out.statusCode, 200, out.body);
  return made;
}

/** Brings every device of a loan back (wiped) to a new stock location. */
export async function returnLoan(manager: Agent, loan: MadeLoan, tags: string[] = [loan.asset.tag]) {
  const stock = json<{ id: string }>(
    await manager.post('/api/inventory/stock-locations', { name: `Retour ${loan.pseudonym}`, kind: 'warehouse' }),
  );
  const back = await manager.post(`/api/loans/${loan.id}/return`, {
    tags,
    wiped: true,
    destination: { stockLocationId: stock.id },
  });
  assert.equal(back.statusCode, 200, back.body);
  return json<{ status: string }>(back);
}

const FR_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Written out independently of the code under test: "4 juillet 2027" / "4 July 2027". */
export function spelledDate(iso: string, locale: 'fr' | 'en'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${(locale === 'fr' ? FR_MONTHS : EN_MONTHS)[m - 1]} ${y}`;
}

export const isoDay = (offsetDays: number, from = new Date()) =>
  new Date(from.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
