import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { files, fundingExpenseLines, invoices } from '../../db/schema.ts';
import { demoSiret } from './demo.ts';

/**
 * Payment claims through the API on a real database: selection, cap, final
 * reconciliation, workflow, errors naming the line, tenancy, permissions,
 * concurrency (one winner), and the exports (XLSX totals, ZIP order and
 * manifest).
 */

type Problem = { code: string; detail: string; errors?: { path: string; code?: string; message: string }[] };
type ClaimLine = {
  position: number;
  expenseLineId: string;
  invoiceNumber: string;
  eligibleCents: number;
  aidCents: number;
  htCents: number;
  acceptedCents: number | null;
  rejectionReason: string | null;
};
type Claim = {
  id: string;
  number: number;
  label: string;
  kind: string;
  status: string;
  claimedCents: number;
  acceptedCents: number | null;
  receivedCents: number | null;
  eligibleCents: number;
  lines: ClaimLine[];
  costItems: { code: string; htCents: number; eligibleCents: number; aidCents: number }[];
  totals: { htCents: number; eligibleCents: number; aidCents: number };
  reconciliation: {
    aidCents: number;
    justifiedCents: number;
    dueCents: number;
    earlierCents: number;
    balanceCents: number;
  } | null;
};

let t: TestApp;
const ids: Record<string, string> = {};
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
let orgId: string;

const m = () => agents.manager as NonNullable<(typeof agents)['manager']>;
const claimsUrl = () => `/api/funding/programmes/${ids.programme}/claims`;

before(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.db, 'Ville A');
  orgId = org.id;
  const other = await createOrganisation(t.db, 'Ville B');
  const school = await createSchool(t.db, org.id, 720_300);
  for (const [key, orgKey, roles] of [
    ['manager', org.id, ['manager']],
    ['auditor', org.id, ['auditor']],
    ['teacher', org.id, ['teacher']],
    ['otherAdmin', other.id, ['admin']],
  ] as const) {
    const user = await createUser(t.db, orgKey, { roles: [...roles], schoolIds: key === 'teacher' ? [school.id] : [] });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    agents[key] = agent;
  }
  const ok = async (r: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const res = await r;
    assert.ok(res.statusCode < 300, res.body);
    return (res.json() as { id: string }).id;
  };
  ids.programme = await ok(
    m().post('/api/funding/programmes', {
      name: 'Plan test',
      periodStart: '2020-01-01',
      periodEnd: '2023-12-31',
      schoolIds: [school.id],
    }),
  );
  for (const [code, kind, position] of [
    ['EQ', 'equipment', 1],
    ['FOR', 'training', 2],
  ] as const)
    ids[code] = await ok(
      m().post(`/api/funding/programmes/${ids.programme}/cost-items`, { code, kind, label: `Poste ${code}`, position }),
    );
  ids.supplier = await ok(m().post('/api/funding/suppliers', { name: 'Fournisseur', siret: '73282932000074' }));
  // A name that a spreadsheet would run as a formula.
  ids.evil = await ok(m().post('/api/funding/suppliers', { name: '=HYPERLINK("http://x")', siret: demoSiret(42) }));
  ids.FEDER = await ok(m().post('/api/funding/funders', { name: 'FEDER', kind: 'eu_feder' }));
  ids.DEP = await ok(m().post('/api/funding/funders', { name: 'Département', kind: 'departement' }));
  ids.feder = await ok(
    m().post(`/api/funding/programmes/${ids.programme}/conventions`, {
      funderId: ids.FEDER,
      reference: 'FEDER-1',
      eligibleFrom: '2020-02-01',
      eligibleTo: '2023-04-30',
      rateRule: { kind: 'flat', rateBp: 5000 },
      advanceCents: 100_000,
      rank: 1,
    }),
  );
  ids.dep = await ok(
    m().post(`/api/funding/programmes/${ids.programme}/conventions`, {
      funderId: ids.DEP,
      reference: 'DEP-1',
      eligibleCostItemIds: [ids.FOR],
      rateRule: { kind: 'flat', rateBp: 2000 },
      // No instalment cap: the concurrency test claims both training lines.
      instalmentCapBp: 10_000,
      rank: 2,
    }),
  );
  // FEDER at 50 % of the covered lines: L1, L2, L3, L4, L6 → 4,200,000 cents eligible, aid 2,100,000, cap 1,680,000.
  const lines = [
    ['L1', 'EQ', 'F-001', '2021-03-01', 1_000_000, '2021-04-01', 'eligible', ids.supplier],
    ['L2', 'EQ', 'F-002', '2021-05-01', 2_000_000, '2021-06-01', 'eligible', ids.evil],
    ['L3', 'EQ', 'F-003', '2022-01-10', 500_000, null, 'eligible', ids.supplier],
    ['L4', 'FOR', 'F-010', '2021-06-01', 400_000, '2021-07-01', 'eligible', ids.supplier],
    ['L5', 'EQ', 'F-000', '2020-01-15', 300_000, '2020-02-01', 'eligible', ids.supplier],
    ['L6', 'FOR', 'F-011', '2022-02-01', 600_000, '2022-03-01', 'partly', ids.supplier],
    ['L7', 'EQ', 'F-004', '2021-07-01', 100_000, '2021-08-01', 'not_eligible', ids.supplier],
  ] as const;
  for (const [key, item, number, date, ht, paidOn, eligibility, supplierId] of lines) {
    ids[key] = await ok(
      m().post(`/api/funding/programmes/${ids.programme}/expense-lines`, {
        costItemId: ids[item],
        supplierId,
        invoiceNumber: number,
        invoiceDate: date,
        description: key === 'L2' ? '+33 tablettes' : `Ligne ${key}`,
        htCents: ht,
        vatCents: ht / 5,
        ttcCents: ht + ht / 5,
        paidOn,
        mandateNumber: paidOn ? `M-${key}` : null,
        eligibility,
        ...(eligibility === 'partly' ? { eligibleCents: ht / 2, eligibilityReason: 'Moitié hors convention' } : {}),
        ...(eligibility === 'not_eligible' ? { eligibilityReason: 'Hors opération' } : {}),
      }),
    );
  }
});
after(() => t.close());

describe('funding claims: creation, cap and errors naming the line', () => {
  it('an advance takes the convention’s advance; a second one is refused', async () => {
    const r = await m().post(claimsUrl(), { conventionId: ids.feder, kind: 'advance' });
    assert.equal(r.statusCode, 201, r.body);
    const claim = json<Claim>(r);
    assert.equal(claim.claimedCents, 100_000);
    assert.equal(claim.lines.length, 0);
    assert.equal(claim.number, 1);
    assert.equal(claim.label, 'FEDER-1-01');
    ids.advance = claim.id;
    const again = await m().post(claimsUrl(), { conventionId: ids.feder, kind: 'advance', advanceCents: 1 });
    assert.equal(again.statusCode, 409);
    assert.equal(json<Problem>(again).code, 'CLAIM_INVALID_STATE');
    assert.equal(json<Problem>(again).errors?.[0]?.code, 'advance_exists');
  });

  it('an instalment with every claimable line would pass the 80 % cap: refused with the amounts', async () => {
    const r = await m().post(claimsUrl(), { conventionId: ids.feder, kind: 'instalment', periodTo: '2021-12-31' });
    assert.equal(r.statusCode, 409, r.body);
    const p = json<Problem>(r);
    assert.equal(p.code, 'CLAIM_CAP_EXCEEDED');
    // L1 + L2 + L4 = 1,700,000 claimed + 100,000 advance > 1,680,000.
    assert.match(p.errors?.[0]?.message ?? '', /cap 1680000, used 100000, requested 1700000/);
    // The lines it tried to take, for a UI to pick from.
    const claimable = await m().get(`/api/funding/conventions/${ids.feder}/claimable-lines?periodTo=2021-12-31`);
    assert.equal(claimable.statusCode, 200, claimable.body);
    const body = json<{
      items: { expenseLineId: string; aidCents: number }[];
      totalAidCents: number;
      instalmentCapCents: number;
      advanceAndInstalmentsCents: number;
    }>(claimable);
    assert.deepEqual(
      body.items.map((l) => [l.expenseLineId, l.aidCents]),
      [
        [ids.L1, 500_000],
        [ids.L2, 1_000_000],
        [ids.L4, 200_000],
      ],
    );
    assert.equal(body.totalAidCents, 1_700_000);
    assert.equal(body.instalmentCapCents, 1_680_000);
    assert.equal(body.advanceAndInstalmentsCents, 100_000);
    const other = agents.otherAdmin as NonNullable<(typeof agents)['otherAdmin']>;
    assert.equal((await other.get(`/api/funding/conventions/${ids.feder}/claimable-lines`)).statusCode, 404);
  });

  it('picked lines: statement order, the funder’s share as claimed aid', async () => {
    const r = await m().post(claimsUrl(), {
      conventionId: ids.feder,
      kind: 'instalment',
      periodTo: '2021-12-31',
      lineIds: [ids.L2, ids.L1],
    });
    assert.equal(r.statusCode, 201, r.body);
    const claim = json<Claim>(r);
    assert.deepEqual(
      claim.lines.map((l) => [l.position, l.invoiceNumber, l.aidCents, l.eligibleCents]),
      [
        [1, 'F-001', 500_000, 1_000_000],
        [2, 'F-002', 1_000_000, 2_000_000],
      ],
    );
    assert.equal(claim.claimedCents, 1_500_000);
    assert.equal(claim.eligibleCents, 3_000_000);
    assert.equal(claim.number, 2);
    ids.instalment = claim.id;
    // Adding L4 passes the cap.
    const add = await m().post(`/api/funding/claims/${claim.id}/lines`, { add: [ids.L4] });
    assert.equal(add.statusCode, 409);
    assert.equal(json<Problem>(add).code, 'CLAIM_CAP_EXCEEDED');
  });

  it('a line already claimed to this funder, or not claimable, is refused naming it', async () => {
    const taken = await m().post(claimsUrl(), { conventionId: ids.feder, kind: 'instalment', lineIds: [ids.L1] });
    assert.equal(taken.statusCode, 409);
    assert.equal(json<Problem>(taken).code, 'CLAIM_LINE_TAKEN');
    assert.match(json<Problem>(taken).detail, /F-001/);
    assert.match(json<Problem>(taken).detail, /FEDER-1-02/);
    for (const [key, reason] of [
      ['L3', 'not_paid'],
      ['L5', 'outside_window'],
      ['L7', 'not_eligible'],
    ] as const) {
      const r = await m().post(claimsUrl(), { conventionId: ids.feder, kind: 'instalment', lineIds: [ids[key]] });
      assert.equal(r.statusCode, 409, key);
      const p = json<Problem>(r);
      assert.equal(p.code, 'CLAIM_LINE_NOT_CLAIMABLE');
      assert.equal(p.errors?.[0]?.code, reason);
      assert.ok(p.detail.includes(ids[key] as string), 'names the line');
    }
    const period = await m().post(claimsUrl(), {
      conventionId: ids.feder,
      kind: 'instalment',
      periodFrom: '2022-01-01',
      lineIds: [ids.L4],
    });
    assert.equal(json<Problem>(period).errors?.[0]?.code, 'outside_period');
    // The département covers training only.
    const notCovered = await m().post(claimsUrl(), { conventionId: ids.dep, kind: 'instalment', lineIds: [ids.L1] });
    assert.equal(json<Problem>(notCovered).errors?.[0]?.code, 'cost_item_not_covered');
    // The same expense may be claimed to another funder.
    const dep = await m().post(claimsUrl(), { conventionId: ids.dep, kind: 'instalment', lineIds: [ids.L4] });
    assert.equal(dep.statusCode, 201, dep.body);
    assert.equal(json<Claim>(dep).claimedCents, 80_000);
    assert.equal(json<Claim>(dep).number, 1, 'numbered per convention');
    const strict = await m().post(claimsUrl(), { conventionId: ids.feder, kind: 'instalment', extra: 1 });
    assert.equal(strict.statusCode, 400);
  });

  it('two concurrent claims of the same line: exactly one wins', async () => {
    const body = { conventionId: ids.dep, kind: 'instalment', lineIds: [ids.L6] };
    const results = await Promise.all([m().post(claimsUrl(), body), m().post(claimsUrl(), body)]);
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [201, 409], results.map((r) => r.body).join('\n'));
    const loser = results.find((r) => r.statusCode === 409);
    assert.equal(json<Problem>(loser as never).code, 'CLAIM_LINE_TAKEN');
    const winner = json<Claim>(results.find((r) => r.statusCode === 201) as never);
    // Delete it again (a draft), so the line is free for the final claim's tests below.
    assert.equal((await m().delete(`/api/funding/claims/${winner.id}`)).statusCode, 204);
  });
});

describe('funding claims: workflow and final reconciliation', () => {
  it('submit, check with reasons, pay; wrong states are CLAIM_INVALID_STATE', async () => {
    const id = ids.instalment as string;
    const check0 = await m().post(`/api/funding/claims/${id}/check`, { checkedOn: '2022-01-01' });
    assert.equal(json<Problem>(check0).code, 'CLAIM_INVALID_STATE');
    const submit = await m().post(`/api/funding/claims/${id}/submit`, { submittedOn: '2021-12-15' });
    assert.equal(submit.statusCode, 200, submit.body);
    assert.equal(json<Claim>(submit).status, 'submitted');
    assert.equal((await m().delete(`/api/funding/claims/${id}`)).statusCode, 409);
    const edit = await m().post(`/api/funding/claims/${id}/lines`, { remove: [ids.L1] });
    assert.equal(json<Problem>(edit).code, 'CLAIM_INVALID_STATE');
    const noReason = await m().post(`/api/funding/claims/${id}/check`, {
      checkedOn: '2022-02-01',
      lines: [{ lineId: ids.L1, acceptedCents: 450_000 }],
    });
    assert.equal(noReason.statusCode, 400);
    assert.equal(json<Problem>(noReason).errors?.[0]?.code, 'reason_required');
    const tooMuch = await m().post(`/api/funding/claims/${id}/check`, {
      checkedOn: '2022-02-01',
      lines: [{ lineId: ids.L1, acceptedCents: 500_001 }],
    });
    assert.equal(tooMuch.statusCode, 400);
    const check = await m().post(`/api/funding/claims/${id}/check`, {
      checkedOn: '2022-02-01',
      lines: [{ lineId: ids.L1, acceptedCents: 450_000, reason: 'Frais de port exclus' }],
    });
    assert.equal(check.statusCode, 200, check.body);
    const checked = json<Claim>(check);
    assert.equal(checked.status, 'checked');
    assert.equal(checked.acceptedCents, 1_450_000);
    assert.deepEqual(
      checked.lines.map((l) => [l.acceptedCents, l.rejectionReason]),
      [
        [450_000, 'Frais de port exclus'],
        [1_000_000, null],
      ],
    );
    const pay = await m().post(`/api/funding/claims/${id}/pay`, { receivedCents: 1_450_000, receivedOn: '2022-03-01' });
    assert.equal(pay.statusCode, 200, pay.body);
    assert.equal(json<Claim>(pay).status, 'paid');
    assert.equal(json<Claim>(pay).receivedCents, 1_450_000);
    const again = await m().post(`/api/funding/claims/${id}/pay`, { receivedCents: 1, receivedOn: '2022-03-01' });
    assert.equal(json<Problem>(again).code, 'CLAIM_INVALID_STATE');
  });

  it('the final claim takes the remaining lines and nets the advance and instalments', async () => {
    const blocked = await m().post(claimsUrl(), { conventionId: ids.feder, kind: 'final' });
    assert.equal(json<Problem>(blocked).errors?.[0]?.code, 'drafts_open', 'the advance is still a draft');
    assert.equal(
      (await m().post(`/api/funding/claims/${ids.advance}/submit`, { submittedOn: '2021-01-10' })).statusCode,
      200,
    );
    const r = await m().post(claimsUrl(), { conventionId: ids.feder, kind: 'final' });
    assert.equal(r.statusCode, 201, r.body);
    const final = json<Claim>(r);
    // Remaining paid lines: L4 (200,000) and L6 (150,000); L3 is not paid.
    assert.deepEqual(
      final.lines.map((l) => l.invoiceNumber),
      ['F-010', 'F-011'],
    );
    assert.deepEqual(final.reconciliation, {
      aidCents: 2_100_000,
      justifiedCents: 450_000 + 1_000_000 + 350_000,
      dueCents: 1_800_000,
      earlierCents: 100_000 + 1_450_000,
      balanceCents: 250_000,
    });
    assert.equal(final.claimedCents, 250_000);
    ids.final = final.id;
    const after = await m().post(claimsUrl(), { conventionId: ids.feder, kind: 'instalment' });
    assert.equal(json<Problem>(after).errors?.[0]?.code, 'final_exists');

    const list = json<{
      claims: Claim[];
      funders: {
        conventionId: string;
        aidCents: number;
        instalmentCapCents: number;
        claimedCents: number;
        acceptedCents: number;
        receivedCents: number;
      }[];
    }>(await m().get(claimsUrl()));
    assert.deepEqual(
      list.claims.map((c) => c.label),
      ['FEDER-1-01', 'FEDER-1-02', 'FEDER-1-03', 'DEP-1-01'],
    );
    const feder = list.funders.find((f) => f.conventionId === ids.feder);
    assert.equal(feder?.aidCents, 2_100_000);
    assert.equal(feder?.instalmentCapCents, 1_680_000);
    assert.equal(feder?.claimedCents, 100_000 + 1_500_000 + 250_000);
    assert.equal(feder?.acceptedCents, 1_450_000);
    assert.equal(feder?.receivedCents, 1_450_000);
    assert.ok((feder?.claimedCents ?? 0) - 50_000 <= 2_100_000, 'counted amounts stay within the aid');
  });
});

describe('funding claims: tenancy and permissions', () => {
  it('another organisation gets 404; a teacher 403; an auditor reads but cannot write', async () => {
    const other = agents.otherAdmin as NonNullable<(typeof agents)['otherAdmin']>;
    assert.equal((await other.get(`/api/funding/claims/${ids.instalment}`)).statusCode, 404);
    assert.equal((await other.get(claimsUrl())).statusCode, 404);
    assert.equal((await other.post(claimsUrl(), { conventionId: ids.feder, kind: 'instalment' })).statusCode, 404);
    assert.equal((await other.get(`/api/funding/claims/${ids.instalment}/statement.xlsx`)).statusCode, 404);
    assert.equal((await other.get(`/api/funding/claims/${ids.instalment}/invoices.zip`)).statusCode, 404);
    const teacher = agents.teacher as NonNullable<(typeof agents)['teacher']>;
    assert.equal((await teacher.get(claimsUrl())).statusCode, 403);
    assert.equal((await teacher.get(`/api/funding/claims/${ids.instalment}/statement.pdf`)).statusCode, 403);
    const auditor = agents.auditor as NonNullable<(typeof agents)['auditor']>;
    assert.equal((await auditor.get(`/api/funding/claims/${ids.instalment}`)).statusCode, 200);
    assert.equal((await auditor.get(`/api/funding/claims/${ids.instalment}/statement.xlsx`)).statusCode, 200);
    assert.equal((await auditor.post(claimsUrl(), { conventionId: ids.feder, kind: 'instalment' })).statusCode, 403);
    assert.equal(
      (await auditor.post(`/api/funding/claims/${ids.final}/submit`, { submittedOn: '2023-01-01' })).statusCode,
      403,
    );
  });
});

// Exports ----------------------------------------------------------------------

/** A ZIP read from its central directory (stored and deflated entries): name → bytes, in order. */
function readZip(buf: Buffer): { name: string; method: number; data: Buffer }[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    assert.equal(buf.readUInt32LE(local), 0x04034b50, 'local header');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    const data = method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw);
    assert.equal(zlib.crc32(data) >>> 0, crc >>> 0, `crc of ${name}`);
    out.push({ name, method, data });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** A valid 2×2 PNG, built by hand (signature, IHDR, IDAT, IEND with their CRCs). */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const pixels = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]); // a filter byte, then RGB × 2, per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('funding claims: exports', () => {
  it('statement.xlsx: subtotals and grand total equal the API’s, amounts are numbers, no formula', async () => {
    const claim = json<Claim>(await m().get(`/api/funding/claims/${ids.instalment}`));
    const res = await m().get(`/api/funding/claims/${ids.instalment}/statement.xlsx`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-disposition']), /demande-FEDER-1-02-etat-depenses\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['État des dépenses', 'Cofinancements', 'Indicateurs'],
    );
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    const byLabel = new Map<string, ExcelJS.Row>();
    const textCells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => {
      const label = row.getCell(2).value;
      if (typeof label === 'string') byLabel.set(label, row);
      row.eachCell((cell) => {
        assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `no formula at ${cell.address}`);
        if (typeof cell.value === 'string') textCells.push(cell);
      });
    });
    const cents = (row: ExcelJS.Row | undefined, col: number) => {
      const v = row?.getCell(col).value;
      assert.equal(typeof v, 'number', `a number at column ${col}`);
      return Math.round((v as number) * 100);
    };
    for (const item of claim.costItems) {
      const row = byLabel.get(`Sous-total ${item.code}`);
      assert.ok(row, `subtotal ${item.code}`);
      assert.equal(cents(row, 7), item.htCents);
      assert.equal(cents(row, 12), item.eligibleCents);
      assert.equal(cents(row, 13), item.aidCents);
    }
    const total = byLabel.get('Total général');
    assert.equal(cents(total, 7), claim.totals.htCents);
    assert.equal(cents(total, 12), claim.totals.eligibleCents);
    assert.equal(cents(total, 13), claim.totals.aidCents);
    assert.equal(claim.totals.aidCents, 1_500_000);
    // Line rows in statement order, and the formula-looking texts neutralised.
    const supplierCells = textCells.filter((c) => String(c.value).includes('HYPERLINK'));
    assert.ok(supplierCells.length > 0);
    for (const c of supplierCells) assert.ok(String(c.value).startsWith("'="), String(c.value));
    assert.ok(textCells.some((c) => c.value === "'+33 tablettes"));
    const cof = wb.worksheets[1] as ExcelJS.Worksheet;
    const federRow = cof.getRows(1, cof.rowCount)?.find((r) => r.getCell(3).value === 'FEDER-1');
    assert.equal(Math.round((federRow?.getCell(4).value as number) * 100), 2_100_000, 'aid granted');
    const en = await m().get(`/api/funding/claims/${ids.instalment}/statement.xlsx?lang=en`);
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as never);
    assert.equal(wbEn.worksheets[0]?.name, 'Expenditure');
  });

  it('statement.pdf and cofinancing.pdf: landscape PDFs, FR and EN', async () => {
    for (const [file, lang] of [
      ['statement.pdf', 'fr'],
      ['statement.pdf', 'en'],
      ['cofinancing.pdf', 'fr'],
    ] as const) {
      const res = await m().get(`/api/funding/claims/${ids.final}/${file}?lang=${lang}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const doc = await PDFDocument.load(res.rawPayload);
      const page = doc.getPage(0);
      assert.ok(page.getWidth() > page.getHeight(), 'landscape');
    }
  });

  it('invoices.zip: one PDF per line in statement order (uploaded or summary) and a manifest with sha256', async () => {
    // L2's invoice has an uploaded PDF; L1's invoice has none.
    const uploaded = await PDFDocument.create();
    uploaded.addPage([200, 200]).drawText('Facture F-002');
    const pdfBytes = Buffer.from(await uploaded.save());
    const fileId = crypto.randomUUID();
    const dir = path.join(t.config.dataDir, 'files', orgId);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, fileId), pdfBytes);
    await t.db.owner.insert(files).values({
      id: fileId,
      organisationId: orgId,
      entityType: 'invoice',
      entityId: fileId,
      name: 'F-002.pdf',
      mime: 'application/pdf',
      size: pdfBytes.length,
      sha256: createHash('sha256').update(pdfBytes).digest('hex'),
    });
    const [invoice] = await t.db.owner
      .insert(invoices)
      .values({
        organisationId: orgId,
        supplierId: ids.evil as string,
        number: 'F-002',
        invoiceDate: '2021-05-01',
        htCents: 2_000_000,
        vatCents: 400_000,
        ttcCents: 2_400_000,
        fileId,
      })
      .returning();
    await t.db.owner
      .update(fundingExpenseLines)
      .set({ invoiceId: invoice?.id })
      .where(eq(fundingExpenseLines.id, ids.L2 as string));

    const res = await m().get(`/api/funding/claims/${ids.instalment}/invoices.zip`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.match(String(res.headers['content-disposition']), /FEDER-1-02-factures\.zip/);
    const entries = readZip(res.rawPayload);
    assert.deepEqual(
      entries.map((e) => e.name),
      ['0001-F-001.pdf', '0002-F-002.pdf', 'manifest.csv'],
    );
    for (const e of entries.slice(0, 2)) {
      assert.equal(e.method, 0, 'PDFs are stored');
      assert.equal(e.data.subarray(0, 5).toString(), '%PDF-');
    }
    assert.deepEqual(entries[1]?.data, pdfBytes, 'the uploaded PDF, as uploaded');
    const summary = await PDFDocument.load(entries[0]?.data as Buffer);
    assert.equal(summary.getPageCount(), 1);
    const manifest = (entries[2]?.data ?? Buffer.alloc(0)).toString('utf8').replace(/^\uFEFF/, '');
    const rowsOut = manifest.trim().split(/\r?\n/);
    assert.equal(rowsOut[0], 'position;fichier;n_facture;fournisseur;siret;ht;eligible;aide;source;sha256');
    const [r1, r2] = rowsOut.slice(1).map((r) => r.split(';'));
    assert.deepEqual(r1?.slice(0, 9), [
      '1',
      '0001-F-001.pdf',
      'F-001',
      'Fournisseur',
      '73282932000074',
      '10000.00',
      '10000.00',
      '5000.00',
      'summary',
    ]);
    assert.equal(
      r1?.[9],
      createHash('sha256')
        .update(entries[0]?.data as Buffer)
        .digest('hex'),
    );
    assert.equal(r2?.[8], 'uploaded');
    assert.equal(r2?.[9], createHash('sha256').update(pdfBytes).digest('hex'));
    assert.ok(r2?.[3]?.startsWith('"\'='), 'the supplier name is neutralised in the CSV too');
    // Exported again in English: same documents (the summary's dates are fixed), English manifest.
    const en = readZip((await m().get(`/api/funding/claims/${ids.instalment}/invoices.zip?lang=en`)).rawPayload);
    const enManifest = (en[2]?.data ?? Buffer.alloc(0)).toString('utf8').replace(/^\uFEFF/, '');
    assert.match(enManifest, /^position;file;invoice_number;supplier;siret;ht;eligible;aid;source;sha256/);
    assert.deepEqual(en[1]?.data, pdfBytes);
    const again = readZip((await m().get(`/api/funding/claims/${ids.instalment}/invoices.zip`)).rawPayload);
    assert.deepEqual(again[0]?.data, entries[0]?.data);

    // A photographed invoice (PNG) is put on a PDF page.
    const png = tinyPng();
    const pngId = crypto.randomUUID();
    fs.writeFileSync(path.join(dir, pngId), png);
    await t.db.owner.insert(files).values({
      id: pngId,
      organisationId: orgId,
      entityType: 'invoice',
      entityId: pngId,
      name: 'F-011.png',
      mime: 'image/png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    const [photo] = await t.db.owner
      .insert(invoices)
      .values({
        organisationId: orgId,
        supplierId: ids.supplier as string,
        number: 'F-011',
        invoiceDate: '2022-02-01',
        htCents: 600_000,
        vatCents: 120_000,
        ttcCents: 720_000,
        fileId: pngId,
      })
      .returning();
    await t.db.owner
      .update(fundingExpenseLines)
      .set({ invoiceId: photo?.id })
      .where(eq(fundingExpenseLines.id, ids.L6 as string));
    const final = readZip((await m().get(`/api/funding/claims/${ids.final}/invoices.zip`)).rawPayload);
    assert.deepEqual(
      final.map((e) => e.name),
      ['0001-F-010.pdf', '0002-F-011.pdf', 'manifest.csv'],
    );
    const photoPdf = await PDFDocument.load(final[1]?.data as Buffer);
    assert.equal(photoPdf.getPageCount(), 1);
    assert.match((final[2]?.data ?? Buffer.alloc(0)).toString('utf8'), /0002-F-011\.pdf;F-011;.*;uploaded;/);
  });
});

describe('funding claims: concurrency', () => {
  it('two concurrent instalments of different lines that together pass the cap: exactly one wins', async () => {
    const funder = await m().post('/api/funding/funders', { name: 'Région', kind: 'region' });
    const convention = await m().post(`/api/funding/programmes/${ids.programme}/conventions`, {
      funderId: json(funder).id,
      reference: 'REG-1',
      rateRule: { kind: 'flat', rateBp: 1000 },
      rank: 3,
    });
    assert.equal(convention.statusCode, 201, convention.body);
    const conventionId = json(convention).id as string;
    // Shares brought up to date first, so only the convention lock serialises the two requests.
    assert.equal((await m().get(claimsUrl())).statusCode, 200);
    // 10 % of 4,500,000 eligible = 450,000; cap 360,000. L2 = 200,000; L1 + L4 + L5 = 170,000.
    const results = await Promise.all([
      m().post(claimsUrl(), { conventionId, kind: 'instalment', lineIds: [ids.L2] }),
      m().post(claimsUrl(), { conventionId, kind: 'instalment', lineIds: [ids.L1, ids.L4, ids.L5] }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409], results.map((r) => r.body).join('\n'));
    assert.equal(json<Problem>(results.find((r) => r.statusCode === 409) as never).code, 'CLAIM_CAP_EXCEEDED');
    const list = json<{ funders: { conventionId: string; aidCents: number; advanceAndInstalmentsCents: number }[] }>(
      await m().get(claimsUrl()),
    );
    const reg = list.funders.find((f) => f.conventionId === conventionId);
    assert.equal(reg?.aidCents, 450_000);
    assert.ok((reg?.advanceAndInstalmentsCents ?? 0) <= 360_000);
    ids.reg = conventionId;
  });

  it('a draft’s lines are removed and added back, in statement order, and its notes edited', async () => {
    const list = json<{ claims: (Claim & { conventionId: string })[] }>(await m().get(claimsUrl()));
    const draft = list.claims.find((c) => c.conventionId === ids.reg) as Claim;
    const detail = json<Claim>(await m().get(`/api/funding/claims/${draft.id}`));
    const emptied = await m().post(`/api/funding/claims/${draft.id}/lines`, {
      remove: detail.lines.map((l) => l.expenseLineId),
    });
    assert.equal(emptied.statusCode, 200, emptied.body);
    assert.equal(json<Claim>(emptied).claimedCents, 0);
    const empty = await m().post(`/api/funding/claims/${draft.id}/submit`, { submittedOn: '2023-01-01' });
    assert.equal(json<Problem>(empty).code, 'CLAIM_INVALID_STATE', 'an empty instalment cannot be submitted');
    const added = await m().post(`/api/funding/claims/${draft.id}/lines`, { add: [ids.L4, ids.L1] });
    assert.equal(added.statusCode, 200, added.body);
    assert.deepEqual(
      json<Claim>(added).lines.map((l) => [l.position, l.invoiceNumber, l.aidCents]),
      [
        [1, 'F-001', 100_000],
        [2, 'F-010', 40_000],
      ],
    );
    assert.equal(json<Claim>(added).claimedCents, 140_000);
    const notes = await m().patch(`/api/funding/claims/${draft.id}`, { notes: 'Envoyée par courrier' });
    assert.equal(notes.statusCode, 200, notes.body);
    assert.equal(json<{ notes: string }>(notes).notes, 'Envoyée par courrier');
  });
});
