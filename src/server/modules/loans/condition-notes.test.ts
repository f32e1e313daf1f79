import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { type LoanWorld, loanWorld } from '../../../../test/helpers/loan-world.ts';
import { rows } from '../../db/connection.ts';

/**
 * Notes on a device's condition at handover and at return (migration 0014):
 * optional, at most 2,000 characters, shown only to the roles that see the
 * household, never in the audit trail, erased with the household's other
 * personal data.
 */

type Loan = {
  id: string;
  status: string;
  household: { id: string };
  conditionOut: string | null;
  conditionOutNotes: string | null;
  conditionIn: string | null;
  conditionInNotes: string | null;
};

let t: TestApp;
let w: LoanWorld;

before(async () => {
  t = await createTestApp();
  w = await loanWorld(t);
});
after(() => t.close());

const OUT = 'Rayure sur la coque, signalée par Mme Notable.';
const IN = 'Chargeur manquant ; écran intact (M. Notable).';

async function lendWithNotes(schoolId: string) {
  const requestId = await w.request(schoolId);
  assert.equal((await w.as('manager').post(`/api/loans/requests/${requestId}/approve`)).statusCode, 200);
  const device = await w.asset({ status: 'deployed', schoolId });
  const allocated = await w.as('manager').post(`/api/loans/requests/${requestId}/allocate`, { tags: [device.tag] });
  assert.equal(allocated.statusCode, 201, allocated.body);
  const loanId = json<{ id: string }>(allocated).id;
  const paper = await w.as('manager').request('POST', `/api/loans/${loanId}/paper-acceptance`, {
    body: Buffer.from('%PDF-1.4\n% signed on paper\n'),
    headers: { 'content-type': 'application/pdf' },
  });
  assert.equal(paper.statusCode, 200, paper.body);
  return { loanId, tag: device.tag };
}

describe('condition notes at handover and return', () => {
  it('are recorded, shown to the roles that see the household only, kept out of the audit trail, and erased', async () => {
    const school = w.schools.repPlus;
    const { loanId, tag } = await lendWithNotes(school);

    const tooLong = await w.as('manager').post(`/api/loans/${loanId}/handover`, {
      tags: [tag],
      condition: 'damaged',
      notes: 'x'.repeat(2001),
    });
    assert.equal(tooLong.statusCode, 400, tooLong.body);
    assert.match(tooLong.body, /body\.notes/);

    const out = await w.as('manager').post(`/api/loans/${loanId}/handover`, {
      tags: [tag],
      condition: 'damaged',
      notes: `  ${OUT}  `,
    });
    assert.equal(out.statusCode, 200, out.body);
    assert.equal(json<Loan>(out).conditionOutNotes, OUT, 'trimmed');
    assert.equal(json<Loan>(out).conditionOut, 'damaged');

    const stock = await w.stock('Réserve de test', 'school_store', school);
    const back = await w.as('manager').post(`/api/loans/${loanId}/return`, {
      tags: [tag],
      condition: 'accessories_missing',
      notes: IN,
      wiped: true,
      destination: { stockLocationId: stock },
    });
    assert.equal(back.statusCode, 200, back.body);
    const returned = json<Loan>(back);
    assert.equal(returned.status, 'closed');
    assert.equal(returned.conditionInNotes, IN);
    assert.equal(returned.conditionOutNotes, OUT);

    // The auditor sees the conditions, not the notes.
    const audited = json<Loan>(await w.as('auditor').get(`/api/loans/${loanId}`));
    assert.equal(audited.conditionIn, 'accessories_missing');
    assert.equal(audited.conditionInNotes, null);
    assert.equal(audited.conditionOutNotes, null);

    // The audit trail says notes were written, never what they say.
    const trail = await rows<{ after: unknown }>(
      t.db.owner,
      sql`SELECT after FROM audit_events WHERE entity_id = ${loanId}`,
    );
    assert.ok(trail.length > 0);
    assert.ok(!JSON.stringify(trail).includes('Notable'), 'no note text in the audit trail');

    // The right of access includes them; the erasure removes them.
    const exported = await w.as('manager').get(`/api/loans/households/${returned.household.id}/export`);
    assert.equal(exported.statusCode, 200, exported.body);
    assert.ok(exported.body.includes('Chargeur manquant'));
    const erased = await w.as('manager').delete(`/api/loans/households/${returned.household.id}`);
    assert.equal(erased.statusCode, 200, erased.body);
    const [left] = await rows<{ o: string | null; i: string | null }>(
      t.db.owner,
      sql`SELECT condition_out_notes AS o, condition_in_notes AS i FROM loans WHERE id = ${loanId}`,
    );
    assert.deepEqual(left, { o: null, i: null });
  });

  it('are optional: without notes, or with an empty one, none is stored', async () => {
    const { loanId, tag } = await lendWithNotes(w.schools.repPlus);
    const out = await w.as('manager').post(`/api/loans/${loanId}/handover`, { tags: [tag] });
    assert.equal(out.statusCode, 200, out.body);
    assert.equal(json<Loan>(out).conditionOutNotes, null);
    const cleared = await w.as('manager').post(`/api/loans/${loanId}/return`, {
      tags: [tag],
      notes: '',
      wiped: true,
      destination: { stockLocationId: await w.stock('Réserve 2', 'school_store', w.schools.repPlus) },
    });
    assert.equal(cleared.statusCode, 200, cleared.body);
    assert.equal(json<Loan>(cleared).conditionInNotes, null, 'an empty note is no note');
  });
});
