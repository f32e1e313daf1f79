import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import type { Role } from '../../../shared/roles.ts';
import { rows } from '../../db/connection.ts';
import { auditEvents, helpdeskTickets, users } from '../../db/schema.ts';
import { closeExpiredTickets } from './service.ts';

/**
 * The rest of the helpdesk (issue #8 point 1): readable numbers (race-free,
 * searchable), attachments (visibility of the ticket, internal ones), who
 * can be assigned, bringing assets back from repair, and the automatic
 * closing of resolved tickets past their reopen window.
 */

let t: TestApp;
let orgId: string;
let otherOrg: string;
let schoolA: string;
let schoolB: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const people: Record<string, { id: string; email: string }> = {};
const as = (who: string) => agents[who] as ReturnType<TestApp['agent']>;

type TicketFile = {
  id: string;
  name: string;
  mime: string;
  internal: boolean;
  author: { id: string } | null;
  can: { delete: boolean };
};
type Ticket = {
  id: string;
  number: string;
  status: string;
  assignee: { id: string } | null;
  attachments: TicketFile[];
  assets: { id: string; status: string; can: { repair: boolean; returnFromRepair: boolean } }[];
  can: Record<string, unknown>;
};
type Problem = { code: string; errors?: { path: string; code?: string }[] };

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const open = async (who: string, body: Record<string, unknown> = {}) => {
  const r = await as(who).post('/api/helpdesk/tickets', {
    schoolId: schoolA,
    category: 'breakdown',
    title: 'Écran de la tablette fêlé',
    ...body,
  });
  assert.equal(r.statusCode, 201, r.body);
  return json<Ticket>(r);
};
const upload = (who: string, ticketId: string, bytes: Buffer, type: string, query: Record<string, string> = {}) =>
  as(who).request('POST', `/api/helpdesk/tickets/${ticketId}/attachments`, {
    body: bytes,
    headers: { 'content-type': type },
    query: { name: 'écran cassé.png', ...query },
  });
const get = async (who: string, id: string) => json<Ticket>(await as(who).get(`/api/helpdesk/tickets/${id}`));
const year = () =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));

before(async () => {
  t = await createTestApp({ SOCLE_UPLOAD_MAX_BYTES: '4096' });
  orgId = (await createOrganisation(t.db, 'Ville numérotée')).id;
  otherOrg = (await createOrganisation(t.db, 'Autre ville')).id;
  schoolA = (await createSchool(t.db, orgId, 7401, 'École Rabelais')).id;
  schoolB = (await createSchool(t.db, orgId, 7402, 'École Molière')).id;
  const otherSchool = (await createSchool(t.db, otherOrg, 7403, 'École Ailleurs')).id;
  models = await createCatalogue(t.db, orgId);
  const list: [string, string, Role[], string[]][] = [
    ['admin', orgId, ['admin'], []],
    ['manager', orgId, ['manager'], []],
    ['technician', orgId, ['technician'], []],
    ['technicianA', orgId, ['technician'], [schoolA]],
    ['technicianB', orgId, ['technician'], [schoolB]],
    ['directorA', orgId, ['director'], [schoolA]],
    ['teacherA', orgId, ['teacher'], [schoolA]],
    ['teacherB', orgId, ['teacher'], [schoolB]],
    ['auditor', orgId, ['auditor'], []],
    ['otherTechnician', otherOrg, ['technician'], []],
    ['otherTeacher', otherOrg, ['teacher'], [otherSchool]],
  ];
  for (const [name, org, roles, schoolIds] of list) {
    const user = await createUser(t.db, org, { roles, schoolIds });
    await t.db.owner
      .update(users)
      .set({ displayName: `Z ${name}` })
      .where(eq(users.id, user.id));
    people[name] = { id: user.id, email: user.email };
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    agents[name] = agent;
  }
  // An inactive technician is never proposed.
  await createUser(t.db, orgId, { roles: ['technician'], active: false });
  people.otherSchool = { id: otherSchool, email: '' };
});
after(() => t.close());

describe('ticket numbers', () => {
  it('T-<year>-<5 digits>, per organisation, in order, never shared by concurrent openings', async () => {
    const first = await open('teacherA');
    assert.match(first.number, new RegExp(`^T-${year()}-\\d{5}$`));
    const n0 = Number(first.number.slice(-5));
    // 12 openings at once: 12 different numbers, following each other without a gap.
    const batch = await Promise.all(
      Array.from({ length: 12 }, (_, i) => open(i % 2 ? 'teacherA' : 'directorA', { title: `Concurrent ${i}` })),
    );
    const numbers = batch.map((b) => Number(b.number.slice(-5))).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 12 }, (_, i) => n0 + 1 + i),
    );
    // Another organisation counts on its own.
    const other = await as('otherTeacher').post('/api/helpdesk/tickets', {
      schoolId: people.otherSchool?.id,
      category: 'request',
      title: 'Ailleurs',
    });
    assert.equal(other.statusCode, 201, other.body);
    assert.equal(json<Ticket>(other).number, `T-${year()}-00001`);
    // The number never changes, even asked directly in the database.
    await assert.rejects(
      t.db.owner.execute(sql`UPDATE helpdesk_tickets SET number = 'T-2000-00001' WHERE id = ${first.id}`),
    );
    const listed = json<{ items: Ticket[] }>(await as('teacherA').get('/api/helpdesk/tickets?limit=200'));
    assert.equal(listed.items.find((i) => i.id === first.id)?.number, first.number);
  });

  it('is searchable in the list by number, counter, year or title; the search is scoped and validated', async () => {
    const ticket = await open('teacherA', { title: 'Imprimante bourrage papier' });
    const counter = String(Number(ticket.number.slice(-5)));
    const search = async (who: string, q: string) =>
      json<{ items: Ticket[]; total: number }>(
        await as(who).get(`/api/helpdesk/tickets?q=${encodeURIComponent(q)}&limit=200`),
      );
    for (const q of [ticket.number, ticket.number.toLowerCase(), ticket.number.slice(2), counter, `00${counter}`]) {
      const found = await search('teacherA', q);
      assert.deepEqual(
        found.items.map((i) => i.id),
        [ticket.id],
        q,
      );
    }
    assert.ok((await search('teacherA', String(year()))).items.some((i) => i.id === ticket.id));
    assert.deepEqual(
      (await search('teacherA', 'bourrage')).items.map((i) => i.id),
      [ticket.id],
    );
    // LIKE wildcards are text: "%" finds nothing.
    assert.equal((await search('teacherA', '%')).total, 0);
    // Another school's teacher does not find it.
    assert.equal((await search('teacherB', ticket.number)).total, 0);
    const long = await as('teacherA').get(`/api/helpdesk/tickets?q=${'x'.repeat(101)}`);
    assert.equal(long.statusCode, 400);
  });
});

describe('attachments', () => {
  it('upload, list, download with nosniff as an attachment; type from the content; size limited', async () => {
    const ticket = await open('teacherA');
    const r = await upload('teacherA', ticket.id, PNG, 'image/png');
    assert.equal(r.statusCode, 201, r.body);
    const file = json<TicketFile>(r);
    assert.deepEqual(
      { name: file.name, mime: file.mime, internal: file.internal, author: file.author?.id, del: file.can.delete },
      { name: 'écran cassé.png', mime: 'image/png', internal: false, author: people.teacherA?.id, del: true },
    );
    const pdf = await upload('technicianA', ticket.id, PDF, 'application/octet-stream', { name: 'devis.pdf' });
    assert.equal(pdf.statusCode, 201, pdf.body);
    assert.equal(json<TicketFile>(pdf).mime, 'application/pdf');
    const listed = json<TicketFile[]>(await as('directorA').get(`/api/helpdesk/tickets/${ticket.id}/attachments`));
    assert.deepEqual(
      listed.map((f) => f.name),
      ['écran cassé.png', 'devis.pdf'],
    );
    assert.deepEqual(
      (await get('directorA', ticket.id)).attachments.map((f) => f.id),
      listed.map((f) => f.id),
    );
    const dl = await as('directorA').get(`/api/helpdesk/tickets/${ticket.id}/attachments/${file.id}`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-disposition']), /^attachment;/);
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.equal(dl.headers['content-type'], 'image/png');
    assert.deepEqual(Buffer.from(dl.rawPayload), PNG);
    // Not through the generic files route (which knows nothing of tickets' visibility).
    assert.equal((await as('directorA').get(`/api/files/${file.id}`)).statusCode, 404);
    // HTML disguised as a photo, a file over the limit.
    const html = await upload(
      'teacherA',
      ticket.id,
      Buffer.from('<html><script>alert(1)</script></html>'),
      'image/png',
    );
    assert.equal(html.statusCode, 415);
    const big = await upload('teacherA', ticket.id, Buffer.concat([PNG, Buffer.alloc(8192)]), 'image/png');
    assert.equal(big.statusCode, 413);
    const audit = await t.db.owner
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'helpdesk_ticket'), eq(auditEvents.entityId, ticket.id)));
    assert.equal(audit.filter((a) => a.action === 'file.attached').length, 2);
  });

  it('follows the ticket’s visibility; internal files for the helpdesk team and auditors only', async () => {
    const ticket = await open('teacherA');
    const pub = json<TicketFile>(await upload('teacherA', ticket.id, PNG, 'image/png'));
    // Another school's staff, another organisation: not found.
    assert.equal((await as('teacherB').get(`/api/helpdesk/tickets/${ticket.id}/attachments`)).statusCode, 404);
    assert.equal(
      (await as('teacherB').get(`/api/helpdesk/tickets/${ticket.id}/attachments/${pub.id}`)).statusCode,
      404,
    );
    assert.equal((await upload('teacherB', ticket.id, PNG, 'image/png')).statusCode, 404);
    assert.equal((await upload('otherTechnician', ticket.id, PNG, 'image/png')).statusCode, 404);
    assert.equal(
      (await as('technicianB').delete(`/api/helpdesk/tickets/${ticket.id}/attachments/${pub.id}`)).statusCode,
      404,
    );
    // A file of another ticket is not reached through this one.
    const second = await open('teacherA');
    assert.equal(
      (await as('teacherA').get(`/api/helpdesk/tickets/${second.id}/attachments/${pub.id}`)).statusCode,
      404,
    );
    // Internal: the helpdesk only.
    const refused = await upload('teacherA', ticket.id, PNG, 'image/png', { internal: 'true' });
    assert.equal(refused.statusCode, 403);
    const internal = json<TicketFile>(
      await upload('technicianA', ticket.id, PDF, 'application/pdf', { name: 'devis.pdf', internal: 'true' }),
    );
    assert.equal(internal.internal, true);
    assert.deepEqual(
      (await get('teacherA', ticket.id)).attachments.map((f) => f.id),
      [pub.id],
    );
    assert.equal(
      (await as('directorA').get(`/api/helpdesk/tickets/${ticket.id}/attachments/${internal.id}`)).statusCode,
      404,
    );
    assert.deepEqual(
      (await get('auditor', ticket.id)).attachments.map((f) => f.id),
      [pub.id, internal.id],
    );
    assert.equal(
      (await as('auditor').get(`/api/helpdesk/tickets/${ticket.id}/attachments/${internal.id}`)).statusCode,
      200,
    );
    // The auditor reads, never writes.
    assert.equal((await upload('auditor', ticket.id, PNG, 'image/png')).statusCode, 403);
    const bad = await upload('technicianA', ticket.id, PNG, 'image/png', { internal: 'yes' });
    assert.equal(bad.statusCode, 400);
    assert.equal((await t.agent().get(`/api/helpdesk/tickets/${ticket.id}/attachments`)).statusCode, 401);
  });

  it('deleted by its author while the ticket is open, by the helpdesk team always; none added once closed', async () => {
    const ticket = await open('teacherA');
    const mine = json<TicketFile>(await upload('teacherA', ticket.id, PNG, 'image/png'));
    const theirs = json<TicketFile>(await upload('directorA', ticket.id, PNG, 'image/png'));
    const seen = (await get('teacherA', ticket.id)).attachments;
    assert.deepEqual(
      seen.map((f) => f.can.delete),
      [true, false],
    );
    assert.equal(
      (await as('teacherA').delete(`/api/helpdesk/tickets/${ticket.id}/attachments/${theirs.id}`)).statusCode,
      403,
    );
    assert.equal(
      (await as('teacherA').delete(`/api/helpdesk/tickets/${ticket.id}/attachments/${mine.id}`)).statusCode,
      204,
    );
    assert.equal(
      (await as('teacherA').get(`/api/helpdesk/tickets/${ticket.id}/attachments/${mine.id}`)).statusCode,
      404,
    );
    const gone = await rows<{ n: number }>(t.db.owner, sql`SELECT count(*)::int AS n FROM files WHERE id = ${mine.id}`);
    assert.equal(gone[0]?.n, 0);
    // Resolved then closed: no new file; the author no longer deletes, the helpdesk still does.
    assert.equal(
      (await as('technicianA').post(`/api/helpdesk/tickets/${ticket.id}/status`, { status: 'resolved' })).statusCode,
      200,
    );
    assert.equal(
      (await as('technicianA').post(`/api/helpdesk/tickets/${ticket.id}/status`, { status: 'closed' })).statusCode,
      200,
    );
    const closed = await get('directorA', ticket.id);
    assert.equal(closed.can.attach, false);
    assert.equal((await upload('directorA', ticket.id, PNG, 'image/png')).statusCode, 409);
    assert.equal(
      (await as('directorA').delete(`/api/helpdesk/tickets/${ticket.id}/attachments/${theirs.id}`)).statusCode,
      403,
    );
    assert.equal(
      (await as('technicianA').delete(`/api/helpdesk/tickets/${ticket.id}/attachments/${theirs.id}`)).statusCode,
      204,
    );
    const audit = await t.db.owner
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'helpdesk_ticket'), eq(auditEvents.entityId, ticket.id)));
    assert.equal(audit.filter((a) => a.action === 'file.deleted').length, 2);
  });
});

describe('assignment to another technician', () => {
  it('lists active helpdesk workers reaching the school; assigning someone else works, an outsider is refused', async () => {
    const ticket = await open('teacherA');
    assert.equal((await as('teacherA').get(`/api/helpdesk/tickets/${ticket.id}/assignees`)).statusCode, 403);
    assert.equal((await as('technicianB').get(`/api/helpdesk/tickets/${ticket.id}/assignees`)).statusCode, 404);
    assert.equal((await as('otherTechnician').get(`/api/helpdesk/tickets/${ticket.id}/assignees`)).statusCode, 404);
    const list = json<{ id: string; displayName: string; current: boolean }[]>(
      await as('technicianA').get(`/api/helpdesk/tickets/${ticket.id}/assignees`),
    );
    assert.deepEqual(
      list.map((p) => p.displayName),
      ['Z admin', 'Z manager', 'Z technician', 'Z technicianA'],
    );
    assert.ok(list.every((p) => !p.current));
    const assigned = await as('technicianA').post(`/api/helpdesk/tickets/${ticket.id}/assign`, {
      assigneeId: people.technician?.id,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.equal(json<Ticket>(assigned).assignee?.id, people.technician?.id);
    assert.equal(json<Ticket>(assigned).can.assign, true);
    const again = json<{ id: string; current: boolean }[]>(
      await as('technicianA').get(`/api/helpdesk/tickets/${ticket.id}/assignees`),
    );
    assert.deepEqual(
      again.filter((p) => p.current).map((p) => p.id),
      [people.technician?.id],
    );
    // technicianB does not reach school A: refused, naming the field.
    const outsider = await as('technicianA').post(`/api/helpdesk/tickets/${ticket.id}/assign`, {
      assigneeId: people.technicianB?.id,
    });
    assert.equal(outsider.statusCode, 400);
    assert.ok(json<Problem>(outsider).errors?.some((e) => e.path === 'body.assigneeId'));
  });
});

describe('repairs from the ticket page', () => {
  it('sends one asset to repair and brings it back before the resolution; abilities per asset', async () => {
    const asset = json<{ id: string }>(
      await as('technician').post('/api/assets', { modelId: models.eni, status: 'deployed', schoolId: schoolA }),
    ).id;
    const ticket = await open('directorA', { assetIds: [asset] });
    assert.deepEqual((await get('directorA', ticket.id)).assets[0]?.can, { repair: false, returnFromRepair: false });
    assert.deepEqual((await get('technicianA', ticket.id)).assets[0]?.can, { repair: true, returnFromRepair: false });
    const early = await as('technicianA').post(`/api/helpdesk/tickets/${ticket.id}/repair/return`, {});
    assert.equal(early.statusCode, 409);
    const sent = await as('technicianA').post(`/api/helpdesk/tickets/${ticket.id}/repair`, { assetIds: [asset] });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.deepEqual(json<Ticket>(sent).assets[0]?.can, { repair: false, returnFromRepair: true });
    assert.equal((await as('directorA').post(`/api/helpdesk/tickets/${ticket.id}/repair/return`, {})).statusCode, 403);
    const wrong = await as('technicianA').post(`/api/helpdesk/tickets/${ticket.id}/repair/return`, {
      assetIds: ['00000000-0000-4000-8000-000000000000'],
    });
    assert.equal(wrong.statusCode, 400);
    assert.ok(json<Problem>(wrong).errors?.some((e) => e.path === 'body.assetIds.0'));
    const back = await as('technicianA').post(`/api/helpdesk/tickets/${ticket.id}/repair/return`, {
      assetIds: [asset],
    });
    assert.equal(back.statusCode, 200, back.body);
    const after = json<Ticket>(back);
    assert.equal(after.status, 'new', 'the ticket stays open');
    assert.equal(after.assets[0]?.status, 'deployed');
    const audit = await t.db.owner
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'helpdesk_ticket'), eq(auditEvents.entityId, ticket.id)));
    assert.ok(audit.some((a) => a.action === 'helpdesk.assets_back_from_repair'));
  });
});

describe('automatic closing', () => {
  it('closes resolved tickets past the reopen window, audited; the others stay', async () => {
    const old = await open('teacherA', { title: 'Ancien' });
    const recent = await open('teacherA', { title: 'Récent' });
    const waiting = await open('teacherA', { title: 'Ouvert' });
    for (const id of [old.id, recent.id]) {
      const r = await as('technicianA').post(`/api/helpdesk/tickets/${id}/status`, { status: 'resolved' });
      assert.equal(r.statusCode, 200, r.body);
    }
    // The old one was resolved 15 days ago (the window is 14 days by default).
    const resolvedAt = new Date(Date.now() - 15 * 86_400_000);
    await t.db.owner
      .update(helpdeskTickets)
      .set({ resolvedAt, createdAt: new Date(resolvedAt.getTime() - 3_600_000) })
      .where(eq(helpdeskTickets.id, old.id));
    const now = new Date();
    const result = await closeExpiredTickets(t.db, now);
    assert.ok(result.closed >= 1);
    const [o, r, w] = await Promise.all([old, recent, waiting].map((x) => get('teacherA', x.id)));
    assert.deepEqual([o?.status, r?.status, w?.status], ['closed', 'resolved', 'new']);
    const audit = await t.db.owner
      .select({ action: auditEvents.action, actorKind: auditEvents.actorKind, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, old.id), eq(auditEvents.action, 'helpdesk.ticket_auto_closed')));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actorKind, 'job');
    assert.equal((audit[0]?.after as { status?: string } | undefined)?.status, 'closed');
    // A second run changes nothing; a reopen window of 30 days keeps a 15-day-old resolution open to reopening.
    assert.equal((await closeExpiredTickets(t.db, now)).closed, 0);
    const patched = await as('manager').patch('/api/helpdesk/settings', { reopenDays: 30 });
    assert.equal(patched.statusCode, 200, patched.body);
    const another = await open('teacherA', { title: 'Dans la fenêtre' });
    await as('technicianA').post(`/api/helpdesk/tickets/${another.id}/status`, { status: 'resolved' });
    await t.db.owner.update(helpdeskTickets).set({ resolvedAt }).where(eq(helpdeskTickets.id, another.id));
    await closeExpiredTickets(t.db, now);
    assert.equal((await get('teacherA', another.id)).status, 'resolved');
    await as('manager').patch('/api/helpdesk/settings', { reopenDays: 14 });
  });
});
