import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { type LoanWorld, loanWorld, PARENT } from '../../../../test/helpers/loan-world.ts';
import { rows } from '../../db/connection.ts';
import { loadSecrets } from '../../secrets.ts';
import { resolveFamilyLink } from '../loans/messages.ts';
import { createFamilyTicket } from './service.ts';

let t: TestApp;
let w: LoanWorld;

before(async () => {
  t = await createTestApp();
  w = await loanWorld(t);
});
after(() => t.close());

/** What the (not yet mounted) public route does: check the link, then open the ticket as the family. */
async function report(token: string, problem: 'screen' | 'battery') {
  const secrets = await loadSecrets(t.db, t.config);
  const { loanId, organisationId } = await resolveFamilyLink(t.db, secrets, token);
  return t.db.withOrg({ organisationId, userId: null, actorKind: 'family', requestId: null }, (scope) =>
    createFamilyTicket(scope, loanId, { problem }),
  );
}

describe('a family reports a problem with the lent device', () => {
  it('opens a breakdown ticket on the device, with no family data, once while it is open', async () => {
    const loan = await w.lend(w.schools.plain);
    const token = await w.token(loan.loanId);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await assert.rejects(report(tampered, 'screen'), { code: 'LINK_INVALID' });
    const receipt = await report(token, 'screen');
    assert.deepEqual(Object.keys(receipt).sort(), ['received', 'receivedAt']);
    await report(token, 'battery');
    const tickets = await rows<{ id: string; source: string; opened_by: string | null; school_id: string }>(
      t.db.owner,
      sql`SELECT t.id, t.source, t.opened_by, t.school_id FROM helpdesk_tickets t
          JOIN helpdesk_ticket_assets a ON a.ticket_id = t.id WHERE a.asset_id = ${loan.device.id}`,
    );
    assert.equal(tickets.length, 1, 'one open report per device');
    assert.deepEqual(
      { source: tickets[0]?.source, openedBy: tickets[0]?.opened_by, school: tickets[0]?.school_id },
      { source: 'family', openedBy: null, school: w.schools.plain },
    );
    const seen = await w.as('technician').get(`/api/helpdesk/tickets/${tickets[0]?.id}`);
    assert.equal(seen.statusCode, 200, seen.body);
    for (const personal of [PARENT.lastName, PARENT.firstName, PARENT.phone, 'Zoé', 'Fictive']) {
      assert.ok(!seen.body.includes(personal), personal);
    }
    assert.equal(json<{ category: string }>(seen).category, 'breakdown');
    assert.equal(json<{ assets: { id: string }[] }>(seen).assets[0]?.id, loan.device.id);
    // The director of another school does not see it.
    assert.equal((await w.as('director').get(`/api/helpdesk/tickets/${tickets[0]?.id}`)).statusCode, 404);
  });
});

describe('through the public route', () => {
  it('a request (not a breakdown) is its own ticket; a problem of the wrong kind is a 400 naming the field', async () => {
    const loan = await w.lend(w.schools.plain);
    const token = await w.token(loan.loanId);
    const route = `/api/public/family/${token}/tickets`;
    const wrong = await t.agent().post(route, { category: 'request', problem: 'screen' });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.ok(json<{ errors?: { path: string }[] }>(wrong).errors?.some((e) => e.path === 'body.problem'));
    const name = await t.agent().post(route, { category: 'request', problem: 'accessory', name: 'Zoé' });
    assert.equal(name.statusCode, 400, 'no other field (no personal data) is accepted');
    const breakdown = await t.agent().post(route, { problem: 'screen' });
    assert.equal(breakdown.statusCode, 201, breakdown.body);
    const request = await t.agent().post(route, { category: 'request', problem: 'accessory' });
    assert.equal(request.statusCode, 201, request.body);
    const tickets = await rows<{ category: string; title: string; number: string }>(
      t.db.owner,
      sql`SELECT t.category, t.title, t.number FROM helpdesk_tickets t
          JOIN helpdesk_ticket_assets a ON a.ticket_id = t.id WHERE a.asset_id = ${loan.device.id} ORDER BY t.created_at`,
    );
    assert.deepEqual(
      tickets.map((x) => [x.category, x.title]),
      [
        ['breakdown', 'Appareil prêté : problème d’écran'],
        ['request', 'Appareil prêté : chargeur, câble ou housse manquant'],
      ],
    );
    for (const x of tickets) assert.match(x.number, /^T-\d{4}-\d{5}$/);
  });
});
