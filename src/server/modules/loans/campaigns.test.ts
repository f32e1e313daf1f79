import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import zxing from '@zxing/library';
import { sql } from 'drizzle-orm';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import pino from 'pino';
import { Agent, createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { type LoanWorld, loanWorld } from '../../../../test/helpers/loan-world.ts';
import { buildApp } from '../../app.ts';
import { rows } from '../../db/connection.ts';
import { type Jobs, startJobs } from '../../jobs/jobs.ts';
import { loadSecrets } from '../../secrets.ts';
import { verifyAuditChain } from '../audit/service.ts';
import { CAMPAIGN_LINK_MAIL_JOB, matchDevices } from './campaigns.ts';

type Proposal = {
  pairs: {
    request: { id: string; school: { id: string } };
    device: { id: string; tag: string; source: string; status: string };
    hotspot: { id: string } | null;
    warnings: string[];
    assetIds: string[];
  }[];
  unmatched: { request: { id: string }; reason: string }[];
  leftover: { devices: number; hotspots: number };
};
type Confirmed = {
  results: {
    requestId: string;
    outcome: 'done' | 'refused';
    loanId: string | null;
    reason: string | null;
    delivery: string | null;
  }[];
  done: number;
  refused: number;
  mails: { queued: number; status: string };
};
type Dashboard = {
  schools: {
    school: { id: string };
    requests: number;
    waiting: number;
    allocated: number;
    accepted: number;
    handedOver: number;
  }[];
  totals: { requests: number; allocated: number; accepted: number; handedOver: number };
};

let t: TestApp;
let w: LoanWorld;

/**
 * The QR codes drawn in a PDF, read back: the rectangles of each QR content
 * stream are painted into a bitmap, which ZXing decodes like a phone would.
 */
async function qrCodesIn(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const found: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      const rects = [...text.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)].map((m) =>
        m.slice(1, 5).map(Number),
      );
      if (rects.length < 50) continue;
      const cell = rects[0]?.[3] as number;
      const left = Math.min(...rects.map((r) => r[0] as number));
      const top = Math.max(...rects.map((r) => (r[1] as number) + cell));
      const modules = Math.round((Math.max(...rects.map((r) => (r[0] as number) + (r[2] as number))) - left) / cell);
      const scale = 4;
      const side = (modules + 8) * scale;
      const pixels = new Uint8ClampedArray(side * side).fill(255);
      for (const [x, y, w] of rects as [number, number, number][]) {
        const col = Math.round((x - left) / cell) + 4;
        const row = Math.round((top - y - cell) / cell) + 4;
        for (let c = col; c < col + Math.round(w / cell); c++)
          for (let dy = 0; dy < scale; dy++)
            for (let dx = 0; dx < scale; dx++) pixels[(row * scale + dy) * side + c * scale + dx] = 0;
      }
      const { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing;
      const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, side, side)));
      // The bitmap is a perfect, axis-aligned code: read it as such. The finder-pattern detector
      // alone fails on a few contents ("Dimensions could be not found"), which made this test flaky.
      const pure = new Map([[DecodeHintType.PURE_BARCODE, true]]);
      found.push(new QRCodeReader().decode(bitmap, pure as never).getText());
    }
  }
  return found;
}

before(async () => {
  t = await createTestApp();
  w = await loanWorld(t);
});
after(() => t.close());

async function openCampaign(schoolIds: string[], world = w) {
  const r = await world.as('manager').post('/api/loans/campaigns', {
    name: 'Fermeture des écoles',
    reason: 'Épidémie : écoles fermées par arrêté préfectoral',
    startsOn: '2026-12-01',
    endsOn: '2026-12-18',
    schoolIds,
  });
  assert.equal(r.statusCode, 201, r.body);
  return json<{ id: string; status: string; schools: { id: string }[] }>(r);
}

describe('the matching (pure)', () => {
  const req = (id: string, schoolId: string, o: Partial<{ categoryId: string; needsConnectivity: boolean }> = {}) => ({
    id,
    schoolId,
    categoryId: o.categoryId ?? null,
    categoryName: null,
    needsConnectivity: o.needsConnectivity ?? false,
    status: 'pending',
    createdAt: new Date(),
    householdId: id,
    pseudonym: id,
  });
  const dev = (id: string, schoolId: string | null, role = 'pupil_device', categoryId = 'tablet') => ({
    id,
    tag: id,
    status: 'in_stock',
    schoolId,
    model: 'm',
    categoryId,
    category: 'c',
    role,
    cartTag: null,
    stockLocation: null,
  });

  it("a school's own devices first, then central stock in priority order, then other schools' surplus", () => {
    const requests = [req('r1', 'A'), req('r2', 'B'), req('r3', 'A'), req('r4', 'C'), req('r5', 'C')];
    const devices = [dev('a1', 'A'), dev('c1', null), dev('b1', 'B'), dev('b2', 'B'), dev('b3', 'B')];
    const { device, leftover } = matchDevices(requests, devices);
    const got = Object.fromEntries([...device].map(([r, d]) => [r, `${d.asset.id}:${d.source}`]));
    assert.deepEqual(got, {
      r1: 'a1:school',
      r2: 'b1:school',
      r3: 'c1:central',
      r4: 'b2:other_school',
      r5: 'b3:other_school',
    });
    assert.deepEqual(leftover, { devices: 0, hotspots: 0 });
  });

  it('a surplus is only what a school has left once its own requests are served', () => {
    // B has one device and two requests: its device is not surplus, even for A's earlier request.
    const { device } = matchDevices([req('a', 'A'), req('b1', 'B'), req('b2', 'B')], [dev('x', 'B')]);
    assert.deepEqual([...device.keys()], ['b1']);
  });

  it('hotspots for connectivity needs after every device is placed; categories are respected', () => {
    const requests = [
      req('r1', 'A', { needsConnectivity: true }),
      req('r2', 'A', { categoryId: 'laptop' }),
      req('r3', 'A', { needsConnectivity: true }),
    ];
    const devices = [
      dev('t1', 'A'),
      dev('t2', 'A'),
      dev('l1', null, 'pupil_device', 'laptop'),
      dev('h1', null, 'hotspot', 'hotspot'),
    ];
    const { device, hotspot, leftover } = matchDevices(requests, devices);
    assert.equal(device.get('r1')?.asset.id, 't1');
    assert.equal(device.get('r2')?.asset.id, 'l1');
    assert.equal(device.get('r3')?.asset.id, 't2');
    assert.equal(hotspot.get('r1')?.asset.id, 'h1');
    assert.equal(hotspot.get('r3'), undefined, 'no hotspot left');
    assert.deepEqual(leftover, { devices: 0, hotspots: 0 });
  });
});

describe('crisis campaign', () => {
  it('only managers (and admins) run campaigns; unknown schools and bad dates are refused', async () => {
    for (const role of ['director', 'technician', 'teacher', 'auditor']) {
      assert.equal((await w.as(role).get('/api/loans/campaigns')).statusCode, 403, role);
    }
    const unknown = await w.as('manager').post('/api/loans/campaigns', {
      name: 'x',
      reason: 'y',
      schoolIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(json<{ errors: { code: string }[] }>(unknown).errors[0]?.code, 'unknown_school');
    const dates = await w.as('manager').post('/api/loans/campaigns', {
      name: 'x',
      reason: 'y',
      schoolIds: [w.schools.plain],
      startsOn: '2026-12-10',
      endsOn: '2026-12-01',
    });
    assert.equal(dates.statusCode, 400);
    const extra = await w.as('manager').post('/api/loans/campaigns', {
      name: 'x',
      reason: 'y',
      schoolIds: [w.schools.plain],
      income: 1,
    });
    assert.equal(extra.statusCode, 400, 'unknown fields are refused');
  });

  it('proposes REP+ before REP before the others, each by request date; then confirms pair by pair', async () => {
    // Requests, filed in an order that is not the priority order.
    const plainOld = await w.request(w.schools.plain, { createdAt: '2026-09-01T08:00:00Z', email: true });
    const repPlusNew = await w.request(w.schools.repPlus, { createdAt: '2026-10-05T08:00:00Z' });
    const repMid = await w.request(w.schools.rep, { createdAt: '2026-09-15T08:00:00Z', email: true });
    const repPlusOld = await w.request(w.schools.repPlus, {
      createdAt: '2026-09-10T08:00:00Z',
      connectivity: true,
    });
    const plainNew = await w.request(w.schools.plain, { createdAt: '2026-10-20T08:00:00Z' });
    // Not candidates: another school, not eligible, rejected.
    const outside = await w.request(w.schools.outside, { createdAt: '2026-08-01T08:00:00Z' });
    await w.request(w.schools.repPlus, { eligible: false });
    const rejected = await w.request(w.schools.repPlus, { createdAt: '2026-08-01T08:00:00Z' });
    assert.equal((await w.as('manager').post(`/api/loans/requests/${rejected}/reject`)).statusCode, 200);
    // Already approved requests are candidates too.
    assert.equal((await w.as('manager').post(`/api/loans/requests/${repMid}/approve`)).statusCode, 200);

    // Four devices in the city's central stock (no school), a hotspot, and unavailable ones.
    const warehouse = await w.stock('Magasin central', 'warehouse');
    const workshop = await w.stock('Atelier', 'technician');
    const central: { id: string; tag: string }[] = [];
    for (let i = 0; i < 4; i++) central.push(await w.asset({ status: 'in_stock', stockLocationId: warehouse }));
    const hotspot = await w.asset({ model: w.models.hotspot, status: 'in_stock', stockLocationId: warehouse });
    await w.asset({ status: 'in_stock', stockLocationId: workshop }); // at the technician's: not ready
    await w.asset({ status: 'deployed', schoolId: w.schools.plain }); // in a classroom: not proposed
    await w.asset({ model: w.models.laptop, status: 'in_stock', stockLocationId: warehouse }); // a teacher laptop

    const campaign = await openCampaign([w.schools.repPlus, w.schools.rep, w.schools.plain]);
    const proposalResponse = await w.as('manager').get(`/api/loans/campaigns/${campaign.id}/proposal`);
    assert.equal(proposalResponse.statusCode, 200, proposalResponse.body);
    const proposal = json<Proposal>(proposalResponse);
    assert.deepEqual(
      proposal.pairs.map((p) => p.request.id),
      [repPlusOld, repPlusNew, repMid, plainOld],
      'REP+ (by date), then REP, then the others by date',
    );
    assert.deepEqual(
      proposal.unmatched.map((u) => [u.request.id, u.reason]),
      [[plainNew, 'no_device_available']],
    );
    assert.ok(!JSON.stringify(proposal).includes(outside), 'requests of other schools are not proposed');
    assert.ok(proposal.pairs.every((p) => p.device.source === 'central' && p.device.status === 'in_stock'));
    assert.deepEqual(proposal.pairs[0]?.assetIds, [proposal.pairs[0]?.device.id, hotspot.id], 'a hotspot');
    assert.deepEqual(
      proposal.pairs.map((p) => p.warnings),
      [[], [], [], []],
    );
    assert.deepEqual(proposal.leftover, { devices: 0, hotspots: 0 });
    assert.ok(!proposalResponse.body.includes('Fictive'), 'the proposal carries pseudonyms, not names');

    // The manager swaps the last pair for the newest request, with a device already in the first pair:
    // it is refused, the others are done. A request outside the campaign and a duplicate are refused too.
    const pairs = proposal.pairs.map((p) => ({ requestId: p.request.id, assetIds: p.assetIds }));
    const lastDevice = proposal.pairs[3]?.device.id as string;
    pairs[3] = { requestId: plainNew, assetIds: [proposal.pairs[0]?.device.id as string] };
    pairs.push({ requestId: outside, assetIds: [lastDevice] });
    pairs.push({ requestId: repMid, assetIds: [lastDevice] });
    const confirmed = await w.as('manager').post(`/api/loans/campaigns/${campaign.id}/confirm`, { pairs });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const result = json<Confirmed>(confirmed);
    assert.deepEqual(
      result.results.map((r) => [r.requestId, r.outcome, r.reason]),
      [
        [repPlusOld, 'done', null],
        [repPlusNew, 'done', null],
        [repMid, 'done', null],
        [plainNew, 'refused', 'device_taken'],
        [outside, 'refused', 'not_in_campaign'],
        [repMid, 'refused', 'duplicate_request'],
      ],
    );
    assert.deepEqual([result.done, result.refused], [3, 3]);
    assert.deepEqual(
      result.results.slice(0, 3).map((r) => r.delivery),
      ['paper', 'paper', 'mail'],
      'families with an e-mail get it by mail',
    );
    assert.deepEqual(result.mails, { queued: 0, status: 'jobs_disabled' }, 'no job runner in this test app');

    const loanRows = await rows<{ request_id: string; campaign_id: string; status: string; due_date: string }>(
      t.db.owner,
      sql`SELECT request_id, campaign_id, status, due_date::text FROM loans WHERE campaign_id = ${campaign.id}`,
    );
    assert.equal(loanRows.length, 3);
    assert.ok(loanRows.every((l) => l.status === 'allocated'));
    const statuses = await rows<{ id: string; status: string; campaign_id: string | null }>(
      t.db.owner,
      sql`SELECT id, status, campaign_id FROM loan_requests WHERE id IN (${repPlusOld}, ${plainNew}, ${outside})`,
    );
    const byId = Object.fromEntries(statuses.map((s) => [s.id, s]));
    assert.equal(byId[repPlusOld]?.status, 'allocated');
    assert.equal(byId[repPlusOld]?.campaign_id, campaign.id);
    assert.equal(byId[plainNew]?.status, 'pending', 'a refused pair leaves its request untouched');
    assert.equal(byId[plainNew]?.campaign_id, null);
    assert.equal(byId[outside]?.status, 'pending');
    const hotspotLine = await rows<{ role: string }>(
      t.db.owner,
      sql`SELECT role FROM loan_items WHERE asset_id = ${hotspot.id} AND open`,
    );
    assert.deepEqual(hotspotLine, [{ role: 'hotspot' }]);

    // Again: the allocated requests are no longer open, the devices no longer available.
    const again = await w.as('manager').get(`/api/loans/campaigns/${campaign.id}/proposal`);
    const next = json<Proposal>(again);
    assert.deepEqual(
      next.pairs.map((p) => [p.request.id, p.device.id]),
      [[plainOld, lastDevice]],
    );

    // The dashboard, live.
    const dash = json<Dashboard>(await w.as('manager').get(`/api/loans/campaigns/${campaign.id}/dashboard`));
    const of = (id: string) => dash.schools.find((s) => s.school.id === id);
    assert.deepEqual(
      [of(w.schools.repPlus)?.requests, of(w.schools.repPlus)?.waiting, of(w.schools.repPlus)?.allocated],
      [2, 0, 2],
    );
    assert.deepEqual([of(w.schools.plain)?.requests, of(w.schools.plain)?.waiting], [2, 2]);
    assert.deepEqual([dash.totals.allocated, dash.totals.accepted, dash.totals.handedOver], [3, 0, 0]);

    // The family accepts on paper; the device, lent from stock, is handed over (in_stock → on_loan).
    const loanId = result.results[0]?.loanId as string;
    const paper = await w.as('manager').request('POST', `/api/loans/${loanId}/paper-acceptance`, {
      body: Buffer.from('%PDF-1.4\n% signed\n'),
      headers: { 'content-type': 'application/pdf' },
    });
    assert.equal(paper.statusCode, 200, paper.body);
    const tags = (proposal.pairs[0]?.assetIds ?? []).map(
      (id) => [...central, hotspot].find((a) => a.id === id)?.tag as string,
    );
    const out = await w.as('technician').post(`/api/loans/${loanId}/handover`, { tags });
    assert.equal(out.statusCode, 200, out.body);
    const [asset] = await rows<{ status: string; school_id: string }>(
      t.db.owner,
      sql`SELECT status, school_id FROM assets WHERE id = ${proposal.pairs[0]?.device.id}`,
    );
    assert.deepEqual(asset, { status: 'on_loan', school_id: w.schools.repPlus });
    const dash2 = json<Dashboard>(await w.as('manager').get(`/api/loans/campaigns/${campaign.id}/dashboard`));
    assert.deepEqual([dash2.totals.allocated, dash2.totals.accepted, dash2.totals.handedOver], [3, 1, 1]);

    // One printable PDF: families without an e-mail (2), each a cover sheet with the QR code and the convention.
    const before = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'household.read' AND after->>'document' = 'campaign_conventions'`,
    );
    const pdf = await w.as('manager').get(`/api/loans/campaigns/${campaign.id}/conventions.pdf`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal(pdf.headers['x-socle-count'], '1', 'the accepted one is not printed again; the mailed one neither');
    const doc = await PDFDocument.load(pdf.rawPayload);
    assert.ok(doc.getPageCount() >= 2, 'a cover sheet and the convention');
    // The QR code is the family's link: a phone reading it opens the family page of that loan.
    const links = await qrCodesIn(pdf.rawPayload);
    assert.equal(links.length, 1);
    const token = links[0]?.split('/famille/')[1] as string;
    const page = await t.agent().get(`/api/public/family/${token}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(json<{ status: string }>(page).status, 'allocated');
    const waiting = result.results[1]?.loanId as string;
    assert.ok(links[0]?.includes(Buffer.from(waiting.replaceAll('-', ''), 'hex').toString('base64url')));
    const all = await w.as('manager').get(`/api/loans/campaigns/${campaign.id}/conventions.pdf?delivery=all`);
    assert.equal(all.headers['x-socle-count'], '2');
    const afterRead = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'household.read' AND after->>'document' = 'campaign_conventions'`,
    );
    assert.equal(Number(afterRead[0]?.n) - Number(before[0]?.n), 3, 'each household read is audited');
    assert.equal((await verifyAuditChain(t.db, w.orgId)).firstBreak, null, 'the audit chain holds');

    // Closed: no more confirmations.
    assert.equal((await w.as('manager').post(`/api/loans/campaigns/${campaign.id}/close`)).statusCode, 200);
    const late = await w.as('manager').post(`/api/loans/campaigns/${campaign.id}/confirm`, {
      pairs: [{ requestId: plainOld, assetIds: [lastDevice] }],
    });
    assert.equal(late.statusCode, 409);
    assert.equal(json<{ code: string }>(late).code, 'LOAN_CAMPAIGN_CLOSED');
    const list = json<{ items: { id: string; status: string }[] }>(await w.as('manager').get('/api/loans/campaigns'));
    assert.equal(list.items.find((c) => c.id === campaign.id)?.status, 'closed');
  });

  it("a school's own devices go to its own requests, carts included; surplus goes to another school", async () => {
    const w = await loanWorld(t);
    const schoolStore = await w.stock('Placard Comète', 'school_store', w.schools.rep);
    const cart = await w.asset({ model: w.models.cart, status: 'deployed', schoolId: w.schools.rep });
    const inCart = await w.asset({ status: 'in_cart', schoolId: w.schools.rep, cartId: cart.id });
    const inStore = await w.asset({ status: 'in_stock', stockLocationId: schoolStore });
    const repRequest = await w.request(w.schools.rep, { createdAt: '2026-11-20T08:00:00Z' });
    const plainRequest = await w.request(w.schools.plain, { createdAt: '2026-11-01T08:00:00Z' });
    const campaign = await openCampaign([w.schools.rep, w.schools.plain], w);
    const proposal = json<Proposal>(await w.as('manager').get(`/api/loans/campaigns/${campaign.id}/proposal`));
    const mine = proposal.pairs.filter((p) => [repRequest, plainRequest].includes(p.request.id));
    assert.deepEqual(
      mine.map((p) => [p.request.id, p.device.id, p.device.source]),
      [
        [repRequest, inStore.id, 'school'],
        [plainRequest, inCart.id, 'other_school'],
      ],
      'stock before carts; the REP school keeps its own device although the other request is older',
    );
    await w.as('manager').post(`/api/loans/campaigns/${campaign.id}/close`);
  });

  it('two confirmations of the same device at once: one loan, the other pair refused', async () => {
    const w = await loanWorld(t);
    const warehouse = await w.stock('Réserve concurrence', 'warehouse');
    const device = await w.asset({ status: 'in_stock', stockLocationId: warehouse });
    const r1 = await w.request(w.schools.plain);
    const r2 = await w.request(w.schools.plain);
    const c1 = await openCampaign([w.schools.plain], w);
    const responses = await Promise.all(
      [r1, r2].map((requestId) =>
        w
          .as('manager')
          .post(`/api/loans/campaigns/${c1.id}/confirm`, { pairs: [{ requestId, assetIds: [device.id] }] }),
      ),
    );
    assert.deepEqual(
      responses.map((r) => r.statusCode),
      [200, 200],
    );
    const outcomes = responses.map((r) => json<Confirmed>(r).results[0]);
    assert.equal(outcomes.filter((o) => o?.outcome === 'done').length, 1, JSON.stringify(outcomes));
    const refused = outcomes.find((o) => o?.outcome === 'refused');
    assert.ok(['device_taken', 'concurrent_change'].includes(refused?.reason as string), JSON.stringify(refused));
    const [open] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM loan_items WHERE asset_id = ${device.id} AND open`,
    );
    assert.equal(Number(open?.n), 1);
    const [loansOf] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM loans WHERE request_id IN (${r1}, ${r2})`,
    );
    assert.equal(Number(loansOf?.n), 1, 'the refused pair left no loan behind');
    await w.as('manager').post(`/api/loans/campaigns/${c1.id}/close`);
  });
});

describe('family-link mails', () => {
  it('queues one job per loan whose family has an e-mail; the job calls sendFamilyLinkMail', {
    timeout: 60_000,
  }, async () => {
    const local = await createTestApp();
    let jobs: Jobs | null = null;
    try {
      const world = await loanWorld(local);
      const secrets = await loadSecrets(local.db, local.config);
      jobs = await startJobs(local.db, local.config, pino({ level: 'silent' }), { pollingIntervalSeconds: 0.5 });
      const app = await buildApp(
        { config: local.config, db: local.db, jobs, secrets },
        { webDir: null, logger: false },
      );
      await app.ready();
      try {
        const agent = new Agent(app);
        const manager = await createUser(local.db, world.orgId, { roles: ['manager'] });
        await agent.login(manager.email, PASSWORD);
        const warehouse = await world.stock('Magasin', 'warehouse');
        const d1 = await world.asset({ status: 'in_stock', stockLocationId: warehouse });
        const d2 = await world.asset({ status: 'in_stock', stockLocationId: warehouse });
        const withMail = await world.request(world.schools.plain, { email: true });
        const withoutMail = await world.request(world.schools.plain);
        const campaign = json<{ id: string }>(
          await agent.post('/api/loans/campaigns', { name: 'c', reason: 'r', schoolIds: [world.schools.plain] }),
        );
        const result = json<Confirmed>(
          await agent.post(`/api/loans/campaigns/${campaign.id}/confirm`, {
            pairs: [
              { requestId: withMail, assetIds: [d1.id] },
              { requestId: withoutMail, assetIds: [d2.id] },
            ],
          }),
        );
        assert.deepEqual(result.mails, { queued: 1, status: 'queued' });
        const loanId = result.results[0]?.loanId as string;
        const queued = await rows<{ id: string; data: { loanId: string } }>(
          local.db.owner,
          sql`SELECT id, data FROM pgboss.job WHERE name = ${CAMPAIGN_LINK_MAIL_JOB}`,
        );
        assert.deepEqual(
          queued.map((j) => j.data.loanId),
          [loanId],
        );
        const done = await jobs.waitFor(CAMPAIGN_LINK_MAIL_JOB, queued[0]?.id as string, 30_000);
        assert.equal(done.state, 'completed', JSON.stringify(done.output));
        // No mail server is configured in this organisation: the mail function says so.
        assert.equal((done.output as { status: string }).status, 'not_configured');
      } finally {
        await app.close();
      }
    } finally {
      await jobs?.stop();
      await local.close();
    }
  });
});
