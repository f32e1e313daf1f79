import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { rows } from '../../db/connection.ts';
import { DEMO_SURNAMES } from './demo.ts';

/** The demo's family loans: every state of the journey, consistent with the inventory, fictional families. */

let t: TestDatabase;

before(async () => {
  t = await createTestDatabase({}, { seed: 'demo+loans' });
  const accounts = t.demoAccounts;
  assert.ok(accounts.length > 0);
});
after(() => t.close());

describe('demo loans', () => {
  it('has requests and loans in every state, an overdue loan, and both ways of accepting', async () => {
    const requests = await rows<{ status: string; n: number }>(
      t.db.owner,
      sql`SELECT status, count(*)::int AS n FROM loan_requests GROUP BY status`,
    );
    const byRequest = Object.fromEntries(requests.map((r) => [r.status, r.n]));
    for (const status of ['pending', 'approved', 'rejected', 'allocated']) {
      assert.ok((byRequest[status] ?? 0) >= 1, `a request ${status}: ${JSON.stringify(byRequest)}`);
    }
    const loans = await rows<{ status: string; n: number }>(
      t.db.owner,
      sql`SELECT status, count(*)::int AS n FROM loans GROUP BY status`,
    );
    const byLoan = Object.fromEntries(loans.map((r) => [r.status, r.n]));
    for (const status of ['allocated', 'accepted', 'handed_over', 'closed']) {
      assert.ok((byLoan[status] ?? 0) >= 1, `a loan ${status}: ${JSON.stringify(byLoan)}`);
    }
    assert.ok((byLoan.allocated ?? 0) >= 2, 'one convention to send, one link issued');
    const [facts] = await rows<{
      overdue: number;
      current: number;
      paper: number;
      link: number;
      linkIssued: number;
      wiped: number;
    }>(
      t.db.owner,
      sql`SELECT count(*) FILTER (WHERE status = 'handed_over' AND due_date < current_date)::int AS overdue,
                 count(*) FILTER (WHERE status = 'handed_over' AND due_date >= current_date)::int AS current,
                 count(*) FILTER (WHERE accepted_via = 'paper' AND accepted_file_id IS NOT NULL)::int AS paper,
                 count(*) FILTER (WHERE accepted_via = 'link' AND accepted_name IS NOT NULL AND accepted_file_id IS NOT NULL)::int AS link,
                 (SELECT count(*)::int FROM audit_events WHERE action = 'loan.link_issued') AS "linkIssued",
                 count(*) FILTER (WHERE status = 'closed' AND wiped_at IS NOT NULL AND returned_at IS NOT NULL)::int AS wiped
            FROM loans`,
    );
    assert.ok(facts);
    assert.ok(facts.overdue >= 1, 'an overdue loan');
    assert.ok(facts.current >= 1, 'a loan out, not due yet');
    assert.ok(facts.paper >= 1, 'a convention signed on paper');
    assert.ok(facts.link >= 1, 'a convention accepted through the link, archived');
    assert.ok(facts.linkIssued >= 1, 'a link issued to a family');
    assert.ok(facts.wiped >= 1, 'a loan returned and wiped');
  });

  it('keeps the inventory consistent: devices out are on_loan, the others are back in their carts', async () => {
    const items = await rows<{ loan: string; asset: string; open: boolean; cart: string | null }>(
      t.db.owner,
      sql`SELECT l.status AS loan, a.status AS asset, i.open, a.cart_id AS cart
            FROM loan_items i JOIN loans l ON l.id = i.loan_id JOIN assets a ON a.id = i.asset_id`,
    );
    assert.ok(items.length >= 6);
    for (const item of items) {
      if (item.loan === 'handed_over') assert.equal(item.asset, 'on_loan', JSON.stringify(item));
      else if (item.loan === 'closed') {
        assert.equal(item.open, false);
        assert.equal(item.asset, 'in_cart', 'wiped and back in its cart');
        assert.ok(item.cart);
      } else {
        assert.equal(item.asset, 'in_cart', `reserved, not handed over yet: ${JSON.stringify(item)}`);
        assert.equal(item.open, true);
      }
    }
    const [onLoan] = await rows<{ n: number; lent: number }>(
      t.db.owner,
      sql`SELECT (SELECT count(*)::int FROM assets WHERE status = 'on_loan') AS n,
                 (SELECT count(*)::int FROM loan_items i JOIN loans l ON l.id = i.loan_id
                   WHERE i.open AND l.status = 'handed_over') AS lent`,
    );
    assert.equal(onLoan?.n, onLoan?.lent, 'every on_loan device is out on a demo loan');
    const events = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM asset_events WHERE to_status = 'on_loan'`,
    );
    assert.ok((events[0]?.n ?? 0) >= (onLoan?.n ?? 0), 'the hand-overs went through the state machine');
  });

  it('uses clearly fictional families only', async () => {
    const contacts = await rows<{
      last_name: string;
      address_line: string;
      phone: string | null;
      email: string | null;
    }>(t.db.owner, sql`SELECT last_name, address_line, phone, email FROM household_contacts`);
    assert.ok(contacts.length >= 12);
    for (const c of contacts) {
      assert.ok((DEMO_SURNAMES as readonly string[]).includes(c.last_name), c.last_name);
      assert.match(c.address_line, /^\d+ rue Imaginaire$/);
      assert.match(c.phone ?? '', /^01 99 00 \d\d \d\d$/, 'the 01 99 00 range is reserved for fiction');
      assert.match(c.email ?? '', /@example\.org$/);
    }
    const pupils = await rows<{ last_name: string }>(t.db.owner, sql`SELECT last_name FROM pupils`);
    assert.ok(pupils.every((p) => (DEMO_SURNAMES as readonly string[]).includes(p.last_name)));
    const separated = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM households h
           WHERE (SELECT count(DISTINCT address_line) FROM household_contacts c WHERE c.household_id = h.id) = 2`,
    );
    assert.ok((separated[0]?.n ?? 0) >= 1, 'a household with two homes');
  });

  it('leaves the schools of the browser journeys alone, and lends in the demo director’s school', async () => {
    const [clear] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM loan_requests r JOIN schools s ON s.id = r.school_id
           WHERE s.uai IN ('0720725X', '0720915D', '0720717N', '0720718P', '0721371Z', '0720700V')`,
    );
    assert.equal(clear?.n, 0);
    const [own] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM loan_requests r
           JOIN user_schools us ON us.school_id = r.school_id JOIN users u ON u.id = us.user_id
           WHERE 'director' = ANY(u.roles) AND r.requested_by = u.id`,
    );
    assert.ok((own?.n ?? 0) >= 3, 'the demo director filed requests for her school');
  });
});
