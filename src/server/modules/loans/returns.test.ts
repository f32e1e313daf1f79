import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { type LoanWorld, loanWorld } from '../../../../test/helpers/loan-world.ts';
import { rows } from '../../db/connection.ts';

type Drive = {
  dueBy: string;
  loans: {
    id: string;
    household: { pseudonym: string };
    dueDate: string;
    daysOverdue: number;
    items: { tag: string }[];
  }[];
  counts: { dueStillOut: number; itemsStillOut: number; outNotYetDue: number };
};
type Scan = {
  results: { tag: string; outcome: string; reason: string | null; loanId: string | null; loanStatus: string | null }[];
  returned: number;
  refused: number;
};

let t: TestApp;
let w: LoanWorld;

before(async () => {
  t = await createTestApp();
  w = await loanWorld(t);
});
after(() => t.close());

describe('end-of-year return drive', () => {
  it('lists what is due and out, returns by scanning tag by tag, refuses with reasons, exports what is still out', async () => {
    const school = w.schools.repPlus;
    const early = await w.lend(school, { dueDate: '2026-06-30' });
    const withHotspot = await w.lend(school, { dueDate: '2026-07-04', hotspot: true });
    const stillOut = await w.lend(school, { dueDate: '2026-07-03' });
    const later = await w.lend(school, { dueDate: '2027-07-04' });
    const otherSchool = await w.lend(w.schools.plain, { dueDate: '2026-07-01' });
    // Reserved but not handed over, and a device never lent.
    const reservedRequest = await w.request(school);
    await w.as('manager').post(`/api/loans/requests/${reservedRequest}/approve`);
    const reserved = await w.asset({ status: 'deployed', schoolId: school });
    await w.as('manager').post(`/api/loans/requests/${reservedRequest}/allocate`, { tags: [reserved.tag] });
    const idle = await w.asset({ status: 'deployed', schoolId: school });

    const drive = json<Drive>(await w.as('director').get(`/api/loans/return-drive?school=${school}&dueBy=2026-07-04`));
    assert.deepEqual(
      drive.loans.map((l) => l.id),
      [early.loanId, stillOut.loanId, withHotspot.loanId],
      'due by the date and still out, soonest first',
    );
    assert.deepEqual(drive.counts, { dueStillOut: 3, itemsStillOut: 4, outNotYetDue: 1 });
    assert.ok(drive.loans.every((l) => l.daysOverdue > 0));
    assert.ok(!JSON.stringify(drive).includes('Fictive'), 'pseudonyms, no names');
    const byDefault = json<Drive>(await w.as('director').get(`/api/loans/return-drive?school=${school}`));
    assert.match(byDefault.dueBy, /^\d{4}-07-04$/, "the organisation's end-of-year due date");

    const scanned = await w.as('director').post('/api/loans/return-drive/returns', {
      school,
      tags: [
        early.tags[0],
        `https://socle.example/assets/tag/${withHotspot.tags[0]}`, // a label URL
        withHotspot.tags[1],
        otherSchool.tags[0],
        'NO-SUCH-TAG',
        reserved.tag,
        idle.tag,
        early.tags[0],
      ],
      wiped: true,
    });
    assert.equal(scanned.statusCode, 200, scanned.body);
    const result = json<Scan>(scanned);
    assert.deepEqual(
      result.results.map((r) => [r.tag, r.outcome, r.reason, r.loanStatus]),
      [
        [early.tags[0], 'returned', null, 'closed'],
        [withHotspot.tags[0], 'returned', null, 'closed'],
        [withHotspot.tags[1], 'returned', null, 'closed'],
        [otherSchool.tags[0], 'refused', 'wrong_school', null],
        ['NO-SUCH-TAG', 'refused', 'unknown_tag', null],
        [reserved.tag, 'refused', 'not_handed_over', null],
        [idle.tag, 'refused', 'not_on_loan', null],
        [early.tags[0], 'refused', 'duplicate_scan', null],
      ],
    );
    assert.deepEqual([result.returned, result.refused], [3, 5]);
    const devices = await rows<{ tag: string; status: string; school_id: string }>(
      t.db.owner,
      sql`SELECT tag, status, school_id FROM assets WHERE tag IN (${early.tags[0]}, ${withHotspot.tags[1]}, ${otherSchool.tags[0]})`,
    );
    const statusOf = Object.fromEntries(devices.map((d) => [d.tag, d]));
    assert.deepEqual(statusOf[early.tags[0] as string], { tag: early.tags[0], status: 'in_stock', school_id: school });
    assert.equal(statusOf[otherSchool.tags[0] as string]?.status, 'on_loan', 'a refused tag changes nothing');
    const wiped = await rows<{ wiped_at: string | null }>(
      t.db.owner,
      sql`SELECT wiped_at FROM loans WHERE id = ${early.loanId}`,
    );
    assert.ok(wiped[0]?.wiped_at, 'the wipe is recorded');

    // What is still out.
    const after = json<Drive>(await w.as('director').get(`/api/loans/return-drive?school=${school}&dueBy=2026-07-04`));
    assert.deepEqual(
      after.loans.map((l) => l.id),
      [stillOut.loanId],
    );
    const csv = await w.as('director').get(`/api/loans/return-drive/export?school=${school}&dueBy=2026-07-04`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.equal(lines.length, 2, csv.body);
    assert.match(lines[0] as string, /^famille;pret;a_rendre_le;jours_de_retard;tag/);
    assert.ok(lines[1]?.includes(stillOut.tags[0] as string));
    assert.ok(lines[1]?.includes(after.loans[0]?.household.pseudonym as string));
    assert.ok(!csv.body.includes('Fictive'));
    assert.ok(later.loanId);
  });

  it('a partial scan leaves the loan out with the rest; the wipe is required; other schools are not found', async () => {
    const school = w.schools.repPlus;
    const loan = await w.lend(school, { dueDate: '2026-07-04', hotspot: true });
    const noWipe = await w.as('director').post('/api/loans/return-drive/returns', { school, tags: [loan.tags[0]] });
    assert.equal(noWipe.statusCode, 400);
    const partial = json<Scan>(
      await w.as('technician').post('/api/loans/return-drive/returns', { school, tags: [loan.tags[1]], wiped: true }),
    );
    assert.deepEqual(
      partial.results.map((r) => [r.outcome, r.loanStatus]),
      [['returned', 'handed_over']],
    );
    const drive = json<Drive>(
      await w.as('technician').get(`/api/loans/return-drive?school=${school}&dueBy=2026-07-04`),
    );
    assert.deepEqual(
      drive.loans.find((l) => l.id === loan.loanId)?.items.map((i) => i.tag),
      [loan.tags[0]],
    );
    assert.equal((await w.as('directorPlain').get(`/api/loans/return-drive?school=${school}`)).statusCode, 404);
    assert.equal(
      (
        await w
          .as('directorPlain')
          .post('/api/loans/return-drive/returns', { school, tags: [loan.tags[0]], wiped: true })
      ).statusCode,
      404,
    );
    for (const role of ['teacher', 'auditor']) {
      assert.equal((await w.as(role).get(`/api/loans/return-drive?school=${school}`)).statusCode, 403, role);
    }
  });
});
