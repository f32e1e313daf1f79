import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { eventsForAudit, PAYLOAD_VERSION, retryDelayMs, signatureHeader, urlProblem, WEBHOOK_EVENTS } from './rules.ts';

describe('webhook rules', () => {
  it('maps audit actions to catalogue events, with ids and changed fields only', () => {
    assert.deepEqual(
      eventsForAudit({
        action: 'asset.created',
        entityId: 'a1',
        after: { tag: 'T-1', status: 'in_stock', schoolId: null, roomId: null },
      }),
      [
        {
          type: 'asset.created',
          data: { assetId: 'a1', tag: 'T-1', status: 'in_stock', schoolId: null, roomId: null },
        },
      ],
    );
    assert.deepEqual(
      eventsForAudit({
        action: 'asset.edited',
        entityId: 'a1',
        before: { serial: 'S1', notes: 'secret text' },
        after: { serial: 'S2', notes: 'other text' },
      }),
      [
        {
          type: 'asset.updated',
          data: { assetId: 'a1', changed: { serial: { from: 'S1', to: 'S2' }, notes: { from: null, to: null } } },
        },
      ],
      'free text: the field name only',
    );
    const moved = eventsForAudit({
      action: 'asset.moved',
      entityId: 'a1',
      before: { status: 'in_stock', schoolId: null, version: 1 },
      after: { status: 'deployed', schoolId: 's1', version: 2 },
    });
    assert.deepEqual(
      moved.map((e) => e.type),
      ['asset.status_changed', 'asset.updated'],
    );
    assert.deepEqual(moved[0]?.data, { assetId: 'a1', from: 'in_stock', to: 'deployed', schoolId: 's1' });
    assert.deepEqual(eventsForAudit({ action: 'asset.imported', after: { rows: 10 } }), []);
    assert.equal(eventsForAudit({ action: 'loan.allocated', entityId: 'l1', after: {} })[0]?.type, 'loan.created');
    assert.equal(eventsForAudit({ action: 'loan.returned', entityId: 'l1', after: {} })[0]?.type, 'loan.returned');
    assert.equal(
      eventsForAudit({ action: 'helpdesk.ticket_opened', entityId: 't', after: {} })[0]?.type,
      'ticket.created',
    );
    const statusChange = (from: string, to: string) =>
      eventsForAudit({ action: 'helpdesk.ticket_status_changed', before: { status: from }, after: { status: to } });
    assert.equal(statusChange('in_progress', 'resolved')[0]?.type, 'ticket.resolved');
    assert.deepEqual(statusChange('resolved', 'in_progress'), []);
    assert.equal(
      eventsForAudit({ action: 'funding.claim_submitted', after: { status: 'submitted' } })[0]?.type,
      'claim.submitted',
    );
    assert.equal(eventsForAudit({ action: 'funding.claim_paid', after: { status: 'paid' } })[0]?.type, 'claim.paid');
    assert.deepEqual(eventsForAudit({ action: 'users.created' }), []);
    // Every produced type is in the catalogue.
    for (const e of moved) assert.ok(WEBHOOK_EVENTS.includes(e.type));
    assert.equal(PAYLOAD_VERSION, 1);
  });

  it('accepts https anywhere, http only to loopback outside production or when allowed', () => {
    const dev = { production: false, allowHttp: false };
    const prod = { production: true, allowHttp: false };
    assert.equal(urlProblem('https://hooks.example.org/x', prod), null);
    assert.equal(urlProblem('http://127.0.0.1:8080/x', dev), null);
    assert.equal(urlProblem('http://localhost/x', dev), null);
    assert.equal(urlProblem('http://[::1]:9/x', dev), null);
    assert.equal(urlProblem('http://127.0.0.1:8080/x', prod), 'scheme');
    assert.equal(urlProblem('http://example.org/x', dev), 'scheme');
    assert.equal(urlProblem('http://example.org/x', { production: true, allowHttp: true }), null);
    assert.equal(urlProblem('ftp://example.org/x', dev), 'scheme');
    assert.equal(urlProblem('https://user:pw@example.org/x', dev), 'credentials');
    assert.equal(urlProblem('not a url', dev), 'invalid');
  });

  it('backs off 1, 5, 30, 120… times the base, then gives up', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, 60_000)),
      [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000],
    );
    assert.equal(retryDelayMs(8, 60_000), null);
    assert.equal(retryDelayMs(2, 20), 100);
  });

  it('signs "<t>.<raw body>" with HMAC-SHA256 in hex', () => {
    const body = '{"id":"e1"}';
    const header = signatureHeader('whsec_abc', body, 1_700_000_000);
    const mac = createHmac('sha256', 'whsec_abc').update(`1700000000.${body}`).digest('hex');
    assert.equal(header, `t=1700000000,v1=${mac}`);
  });
});
