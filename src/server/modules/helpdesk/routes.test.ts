import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import { startSmtpServer, type TestSmtp } from '../../../../test/helpers/smtp.ts';
import type { Role } from '../../../shared/roles.ts';
import { rows } from '../../db/connection.ts';
import { rooms } from '../../db/schema.ts';
import { zonedToUtc } from '../bookings/rules.ts';

let t: TestApp;
let smtp: TestSmtp;
let orgId: string;
let schoolA: string;
let schoolB: string;
let roomA: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const people: Record<string, { id: string; email: string }> = {};
const as = (who: string) => agents[who] as ReturnType<TestApp['agent']>;

type Ticket = {
  id: string;
  status: string;
  priority: string;
  assignee: { id: string } | null;
  openedBy: { id: string } | null;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  paused: boolean;
  breached: { response: boolean; resolution: boolean; any: boolean };
  satisfaction: { score: number; comment: string | null } | null;
  comments: { body: string; internal: boolean }[];
  assets: { id: string; status: string; sentToRepairAt: string | null; backFromRepairAt: string | null }[];
  can: Record<string, unknown>;
};
type Problem = { code: string; allowed?: string[]; errors?: { path: string }[] };

const open = async (who: string, body: Record<string, unknown> = {}) => {
  const r = await as(who).post('/api/helpdesk/tickets', {
    schoolId: schoolA,
    category: 'breakdown',
    title: 'Le vidéoprojecteur de la classe 3 ne s’allume plus',
    description: 'Voyant orange clignotant.',
    ...body,
  });
  assert.equal(r.statusCode, 201, r.body);
  return json<Ticket>(r);
};
const status = (who: string, id: string, to: string, note?: string) =>
  as(who).post(`/api/helpdesk/tickets/${id}/status`, { status: to, ...(note ? { note } : {}) });
const get = async (who: string, id: string) => json<Ticket>(await as(who).get(`/api/helpdesk/tickets/${id}`));
const paris = (date: string, time: string) => zonedToUtc(date, time).toISOString();

before(async () => {
  t = await createTestApp();
  smtp = await startSmtpServer();
  orgId = (await createOrganisation(t.db, 'Ville d’assistance')).id;
  schoolA = (await createSchool(t.db, orgId, 7301, 'École Pasteur')).id;
  schoolB = (await createSchool(t.db, orgId, 7302, 'École Curie')).id;
  models = await createCatalogue(t.db, orgId);
  const [ra] = await t.db.owner
    .insert(rooms)
    .values({ organisationId: orgId, schoolId: schoolA, name: 'Classe 3', kind: 'classroom' })
    .returning();
  roomA = ra?.id as string;
  const list: [string, Role[], string[]][] = [
    ['admin', ['admin'], []],
    ['manager', ['manager'], []],
    ['technician', ['technician'], []],
    ['technicianB', ['technician'], [schoolB]],
    ['directorA', ['director'], [schoolA]],
    ['teacherA', ['teacher'], [schoolA]],
    ['teacherB', ['teacher'], [schoolB]],
    ['periscolaire', ['periscolaire'], [schoolA]],
    ['auditor', ['auditor'], []],
    ['finance', ['finance'], []],
  ];
  for (const [name, roles, schoolIds] of list) {
    const user = await createUser(t.db, orgId, { roles, schoolIds });
    people[name] = { id: user.id, email: user.email };
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    agents[name] = agent;
  }
  const mail = await as('admin').put('/api/organisation/mail', {
    host: '127.0.0.1',
    port: smtp.port,
    security: 'none',
    from: 'assistance@ville.example',
  });
  assert.equal(mail.statusCode, 200, mail.body);
});
after(async () => {
  await t.close();
  await smtp.close();
});

describe('opening tickets', () => {
  it('401/403/400/404 matrix; school staff open tickets for their school with its room and assets', async () => {
    assert.equal((await t.agent().get('/api/helpdesk/tickets')).statusCode, 401);
    assert.equal((await as('finance').get('/api/helpdesk/tickets')).statusCode, 403);
    const body = { schoolId: schoolA, category: 'breakdown', title: 'Panne' };
    assert.equal((await as('auditor').post('/api/helpdesk/tickets', body)).statusCode, 403);
    const bad = await as('teacherA').post('/api/helpdesk/tickets', { ...body, category: 'coffee', extra: 1 });
    assert.equal(bad.statusCode, 400);
    // Another school: not found.
    assert.equal((await as('teacherB').post('/api/helpdesk/tickets', body)).statusCode, 404);
    const roomOfA = await as('teacherB').post('/api/helpdesk/tickets', { ...body, schoolId: schoolB, roomId: roomA });
    assert.equal(roomOfA.statusCode, 400);
    assert.ok(json<Problem>(roomOfA).errors?.some((e) => e.path === 'body.roomId'));
    const assetB = json<{ id: string }>(
      await as('technician').post('/api/assets', { modelId: models.eni, status: 'deployed', schoolId: schoolB }),
    );
    const wrongAsset = await as('teacherA').post('/api/helpdesk/tickets', { ...body, assetIds: [assetB.id] });
    assert.equal(wrongAsset.statusCode, 400);
    assert.ok(json<Problem>(wrongAsset).errors?.some((e) => e.path === 'body.assetIds.0'));
    for (const who of ['directorA', 'teacherA', 'periscolaire', 'technician', 'manager']) {
      const ticket = await open(who, { roomId: roomA, priority: 'high' });
      assert.equal(ticket.status, 'new');
      assert.equal(ticket.openedBy?.id, people[who]?.id);
      assert.ok(ticket.responseDueAt && ticket.resolutionDueAt);
      assert.ok(ticket.responseDueAt <= ticket.resolutionDueAt);
    }
    const audit = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE organisation_id = ${orgId} AND action = 'helpdesk.ticket_opened'`,
    );
    assert.ok(Number(audit[0]?.n) >= 5);
  });

  it('scope: another school’s ticket is not found; lists hold only one’s schools', async () => {
    const ticket = await open('teacherA');
    assert.equal((await as('teacherB').get(`/api/helpdesk/tickets/${ticket.id}`)).statusCode, 404);
    // A technician attached to school B reaches school B only.
    assert.equal((await as('technicianB').get(`/api/helpdesk/tickets/${ticket.id}`)).statusCode, 404);
    assert.equal((await as('technician').get(`/api/helpdesk/tickets/${ticket.id}`)).statusCode, 200);
    assert.equal(
      (await as('teacherB').post(`/api/helpdesk/tickets/${ticket.id}/comments`, { body: 'x' })).statusCode,
      404,
    );
    const listB = json<{ items: Ticket[]; total: number }>(await as('teacherB').get('/api/helpdesk/tickets'));
    assert.equal(listB.total, 0);
    const listA = json<{ items: Ticket[]; total: number }>(await as('directorA').get('/api/helpdesk/tickets'));
    assert.ok(listA.items.some((i) => i.id === ticket.id));
    const auditor = json<{ items: Ticket[] }>(await as('auditor').get(`/api/helpdesk/tickets?schoolId=${schoolA}`));
    assert.ok(auditor.items.some((i) => i.id === ticket.id));
  });
});

describe('lifecycle', () => {
  it('new → assigned → in_progress → waiting → in_progress → resolved → closed; bad moves are 409 with a code', async () => {
    const ticket = await open('teacherA');
    const badStart = await status('technician', ticket.id, 'closed');
    assert.equal(badStart.statusCode, 409);
    assert.equal(json<Problem>(badStart).code, 'HELPDESK_INVALID_TRANSITION');
    assert.equal((await status('teacherA', ticket.id, 'in_progress')).statusCode, 403);
    // Only people who work tickets, reaching the school, are assignees.
    const badAssignee = await as('manager').post(`/api/helpdesk/tickets/${ticket.id}/assign`, {
      assigneeId: people.teacherA?.id,
    });
    assert.equal(badAssignee.statusCode, 400);
    const wrongSchool = await as('manager').post(`/api/helpdesk/tickets/${ticket.id}/assign`, {
      assigneeId: people.technicianB?.id,
    });
    assert.equal(wrongSchool.statusCode, 400, 'attached to school B only');
    const assigned = await as('manager').post(`/api/helpdesk/tickets/${ticket.id}/assign`, {
      assigneeId: people.technician?.id,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    const a = json<Ticket>(assigned);
    assert.equal(a.status, 'assigned');
    assert.ok(a.firstResponseAt, 'the assignment answers the ticket');
    for (const [to, expected] of [
      ['in_progress', 'in_progress'],
      ['waiting', 'waiting'],
      ['in_progress', 'in_progress'],
      ['resolved', 'resolved'],
    ] as const) {
      const r = await status('technician', ticket.id, to, to === 'resolved' ? 'Lampe changée.' : undefined);
      assert.equal(r.statusCode, 200, r.body);
      const body = json<Ticket>(r);
      assert.equal(body.status, expected);
      assert.equal(body.paused, to === 'waiting');
    }
    const resolved = await get('teacherA', ticket.id);
    assert.ok(resolved.resolvedAt);
    assert.ok(resolved.comments.some((c) => c.body === 'Lampe changée.'));
    const again = await status('technician', ticket.id, 'waiting');
    assert.equal(again.statusCode, 409);
    assert.deepEqual(
      { code: json<Problem>(again).code, allowed: json<Problem>(again).allowed },
      { code: 'HELPDESK_INVALID_TRANSITION', allowed: ['closed'] },
    );
    assert.equal((await status('technician', ticket.id, 'closed')).statusCode, 200);
    assert.equal((await status('technician', ticket.id, 'in_progress')).statusCode, 409);
    const comment = await as('teacherA').post(`/api/helpdesk/tickets/${ticket.id}/comments`, { body: 'Merci' });
    assert.equal(comment.statusCode, 409);
    assert.equal(json<Problem>(comment).code, 'HELPDESK_INVALID_STATE');
    const events = await rows<{ action: string }>(
      t.db.owner,
      sql`SELECT action FROM audit_events WHERE entity_id = ${ticket.id}::text ORDER BY seq`,
    );
    assert.deepEqual(
      events.map((e) => e.action),
      [
        'helpdesk.ticket_opened',
        'helpdesk.ticket_assigned',
        'helpdesk.ticket_status_changed',
        'helpdesk.ticket_status_changed',
        'helpdesk.ticket_status_changed',
        'helpdesk.ticket_status_changed',
        'helpdesk.ticket_status_changed',
      ],
    );
  });

  it('taking a new ticket in hand assigns it to oneself', async () => {
    const ticket = await open('directorA');
    const r = json<Ticket>(await status('technician', ticket.id, 'in_progress'));
    assert.equal(r.assignee?.id, people.technician?.id);
    const unassign = await as('manager').post(`/api/helpdesk/tickets/${ticket.id}/assign`, { assigneeId: null });
    assert.equal(unassign.statusCode, 409);
  });

  it('internal comments are hidden from school staff and written by the helpdesk only', async () => {
    const ticket = await open('teacherA');
    const internal = await as('technician').post(`/api/helpdesk/tickets/${ticket.id}/comments`, {
      body: 'Garantie à vérifier, devis fournisseur',
      internal: true,
    });
    assert.equal(internal.statusCode, 201, internal.body);
    assert.equal(
      (await as('technician').post(`/api/helpdesk/tickets/${ticket.id}/comments`, { body: 'On passe jeudi.' }))
        .statusCode,
      201,
    );
    const forbidden = await as('teacherA').post(`/api/helpdesk/tickets/${ticket.id}/comments`, {
      body: 'note',
      internal: true,
    });
    assert.equal(forbidden.statusCode, 403);
    assert.equal(
      (await as('auditor').post(`/api/helpdesk/tickets/${ticket.id}/comments`, { body: 'x' })).statusCode,
      403,
    );
    for (const who of ['teacherA', 'directorA', 'periscolaire']) {
      const seen = await as(who).get(`/api/helpdesk/tickets/${ticket.id}`);
      assert.ok(!seen.body.includes('Garantie à vérifier'), who);
      assert.ok(json<Ticket>(seen).comments.every((c) => !c.internal));
      assert.equal(json<Ticket>(seen).comments.length, 1);
    }
    for (const who of ['technician', 'manager', 'auditor']) {
      assert.equal((await get(who, ticket.id)).comments.length, 2, who);
    }
  });
});

describe('reopening and satisfaction', () => {
  it('satisfaction only by the opener, after the resolution, once', async () => {
    const ticket = await open('teacherA');
    const early = await as('teacherA').post(`/api/helpdesk/tickets/${ticket.id}/satisfaction`, { score: 5 });
    assert.equal(early.statusCode, 409);
    assert.equal(json<Problem>(early).code, 'HELPDESK_INVALID_STATE');
    assert.equal((await status('technician', ticket.id, 'resolved')).statusCode, 200);
    assert.equal(
      (await as('directorA').post(`/api/helpdesk/tickets/${ticket.id}/satisfaction`, { score: 5 })).statusCode,
      403,
    );
    assert.equal(
      (await as('teacherA').post(`/api/helpdesk/tickets/${ticket.id}/satisfaction`, { score: 6 })).statusCode,
      400,
    );
    const rated = await as('teacherA').post(`/api/helpdesk/tickets/${ticket.id}/satisfaction`, {
      score: 4,
      comment: 'Rapide',
    });
    assert.equal(rated.statusCode, 200, rated.body);
    assert.deepEqual(json<Ticket>(rated).satisfaction?.score, 4);
    assert.equal(
      (await as('teacherA').post(`/api/helpdesk/tickets/${ticket.id}/satisfaction`, { score: 1 })).statusCode,
      409,
    );
  });

  it('reopens within the window (opener or helpdesk), not after it', async () => {
    const ticket = await open('teacherA');
    assert.equal((await status('technician', ticket.id, 'resolved')).statusCode, 200);
    assert.equal(
      (await as('directorA').post(`/api/helpdesk/tickets/${ticket.id}/reopen`, { reason: 'Encore' })).statusCode,
      403,
    );
    const reopened = await as('teacherA').post(`/api/helpdesk/tickets/${ticket.id}/reopen`, {
      reason: 'Le voyant clignote encore',
    });
    assert.equal(reopened.statusCode, 200, reopened.body);
    assert.equal(json<Ticket>(reopened).status, 'assigned', 'back to its assignee');
    assert.equal(json<Ticket>(reopened).resolvedAt, null);
    const notResolved = await as('teacherA').post(`/api/helpdesk/tickets/${ticket.id}/reopen`, { reason: 'x' });
    assert.equal(json<Problem>(notResolved).code, 'HELPDESK_INVALID_TRANSITION');
    assert.equal((await status('technician', ticket.id, 'resolved')).statusCode, 200);
    // Resolved 15 days ago; the window is 14 days by default.
    await t.db.owner.execute(
      sql`UPDATE helpdesk_tickets SET resolved_at = now() - interval '15 days' WHERE id = ${ticket.id}`,
    );
    const late = await as('teacherA').post(`/api/helpdesk/tickets/${ticket.id}/reopen`, { reason: 'x' });
    assert.equal(late.statusCode, 409);
    assert.equal(json<Problem>(late).code, 'HELPDESK_REOPEN_EXPIRED');
    assert.equal((await get('teacherA', ticket.id)).can.reopen, false);
  });
});

describe('SLA in working hours', () => {
  it('Friday 17:00 + 8 working hours: Monday 17:00, Tuesday 17:00 when Monday is closed; breaches listed', async () => {
    assert.equal((await as('teacherA').patch('/api/helpdesk/settings', { reopenDays: 3 })).statusCode, 403);
    const ticket = await open('teacherA', { priority: 'normal' });
    // Opened on Friday 4 December 2026 at 17:00 (school time).
    await t.db.owner.execute(
      sql`UPDATE helpdesk_tickets SET created_at = ${paris('2026-12-04', '17:00')}::timestamptz WHERE id = ${ticket.id}`,
    );
    const set = await as('manager').patch('/api/helpdesk/settings', {
      sla: {
        urgent: { responseHours: 1, resolutionHours: 8 },
        high: { responseHours: 4, resolutionHours: 16 },
        normal: { responseHours: 8, resolutionHours: 8 },
        low: { responseHours: 16, resolutionHours: 80 },
      },
    });
    assert.equal(set.statusCode, 200, set.body);
    let due = await get('teacherA', ticket.id);
    assert.equal(due.responseDueAt, paris('2026-12-07', '17:00'));
    assert.equal(due.resolutionDueAt, paris('2026-12-07', '17:00'));
    const holiday = await as('manager').patch('/api/helpdesk/settings', {
      closedDays: [{ from: '2026-12-07', to: '2026-12-07', label: 'Fermeture exceptionnelle' }],
    });
    assert.equal(holiday.statusCode, 200, holiday.body);
    due = await get('teacherA', ticket.id);
    assert.equal(due.resolutionDueAt, paris('2026-12-08', '17:00'));
    // Renaming the organisation keeps the helpdesk calendar.
    assert.equal((await as('admin').patch('/api/organisation', { name: 'Ville d’assistance' })).statusCode, 200);
    const settings = json<{ closedDays: unknown[]; reopenDays: number }>(
      await as('teacherA').get('/api/helpdesk/settings'),
    );
    assert.equal(settings.closedDays.length, 1);
    assert.equal(settings.reopenDays, 14);

    // A ticket opened a month ago and never answered: both targets missed.
    const late = await open('teacherA', { priority: 'urgent', title: 'Réseau coupé' });
    await t.db.owner.execute(
      sql`UPDATE helpdesk_tickets SET created_at = ${paris('2026-10-26', '09:00')}::timestamptz WHERE id = ${late.id}`,
    );
    await as('manager').patch('/api/helpdesk/settings', { closedDays: [] });
    const breaches = json<Ticket[]>(await as('manager').get('/api/helpdesk/breaches'));
    const found = breaches.find((b) => b.id === late.id);
    assert.deepEqual(found?.breached, { response: true, resolution: true, any: true });
    assert.ok(!breaches.some((b) => b.id === ticket.id), 'due in the future');
    const filtered = json<{ items: Ticket[] }>(await as('manager').get('/api/helpdesk/tickets?breached=true'));
    assert.ok(filtered.items.some((i) => i.id === late.id) && filtered.items.every((i) => i.breached.any));
    const notBreached = json<{ items: Ticket[] }>(await as('manager').get('/api/helpdesk/tickets?breached=false'));
    assert.ok(notBreached.items.every((i) => !i.breached.any));
    // The teacher of another school does not see it.
    assert.ok(!json<Ticket[]>(await as('teacherB').get('/api/helpdesk/breaches')).some((b) => b.id === late.id));
    // The technician's queue: unassigned tickets of their schools, next due first, breaches flagged.
    const queue = json<Ticket[]>(await as('technician').get('/api/helpdesk/queue'));
    assert.equal(queue[0]?.id, late.id);
    assert.ok(queue[0]?.breached.any);
    assert.ok(queue.every((q) => ['new', 'assigned', 'in_progress', 'waiting'].includes(q.status)));
    const dues = queue.map((q) => (q.firstResponseAt ? q.resolutionDueAt : q.responseDueAt) ?? '');
    assert.deepEqual(dues, [...dues].sort());
    assert.equal((await as('teacherA').get('/api/helpdesk/queue')).statusCode, 403);
    // A wait pauses the resolution clock: the due time moves by the working time waited.
    await as('manager').patch('/api/helpdesk/settings', { closedDays: [] });
    const waiting = await open('teacherA', { priority: 'low' });
    assert.equal((await status('technician', waiting.id, 'in_progress')).statusCode, 200);
    assert.equal((await status('technician', waiting.id, 'waiting')).statusCode, 200);
    const before = await get('technician', waiting.id);
    assert.equal(before.paused, true);
    await t.db.owner.execute(
      sql`UPDATE helpdesk_tickets SET waiting_since = waiting_since - interval '7 days' WHERE id = ${waiting.id}`,
    );
    const resumed = json<Ticket>(await status('technician', waiting.id, 'in_progress'));
    const moved = Date.parse(resumed.resolutionDueAt ?? '') - Date.parse(before.resolutionDueAt ?? '');
    assert.ok(moved >= 4 * 86_400_000, `seven days of waiting (five working days) push the due time: ${moved}`);
  });
});

describe('repairs', () => {
  it('a breakdown ticket sends its asset to repair and the resolution brings it back where it was', async () => {
    const projector = json<{ id: string; version: number }>(
      await as('technician').post('/api/assets', {
        modelId: models.eni,
        status: 'deployed',
        schoolId: schoolA,
        roomId: roomA,
      }),
    );
    const request = await open('teacherA', { category: 'request', assetIds: [projector.id] });
    const refused = await as('technician').post(`/api/helpdesk/tickets/${request.id}/repair`, {});
    assert.equal(json<Problem>(refused).code, 'HELPDESK_INVALID_STATE');
    const ticket = await open('directorA', { assetIds: [projector.id] });
    assert.equal(ticket.can.repair, false, 'school staff do not');
    assert.equal((await as('directorA').post(`/api/helpdesk/tickets/${ticket.id}/repair`, {})).statusCode, 403);
    const sent = await as('technician').post(`/api/helpdesk/tickets/${ticket.id}/repair`, {});
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(json<Ticket>(sent).assets[0]?.status, 'in_repair');
    const inRepair = json<{ status: string }>(await as('technician').get(`/api/assets/${projector.id}`));
    assert.equal(inRepair.status, 'in_repair');
    const resolved = await status('technician', ticket.id, 'resolved', 'Lampe remplacée');
    assert.equal(resolved.statusCode, 200, resolved.body);
    const back = json<{ status: string; school: { id: string } | null; room: { id: string } | null }>(
      await as('technician').get(`/api/assets/${projector.id}`),
    );
    assert.equal(back.status, 'deployed');
    const [row] = await rows<{ room_id: string; status: string }>(
      t.db.owner,
      sql`SELECT room_id, status FROM assets WHERE id = ${projector.id}`,
    );
    assert.equal(row?.room_id, roomA, 'back in its room');
    const events = await rows<{ kind: string }>(
      t.db.owner,
      sql`SELECT kind FROM asset_events WHERE asset_id = ${projector.id} ORDER BY id`,
    );
    assert.deepEqual(events.map((e) => e.kind).slice(-2), ['sent_to_repair', 'back_from_repair']);
    const detail = await get('technician', ticket.id);
    assert.ok(detail.assets[0]?.sentToRepairAt && detail.assets[0]?.backFromRepairAt);
  });
});

describe('mails', () => {
  it('the assignee and the opener hear of the assignment; the opener of a public reply and the resolution, never of an internal note', async () => {
    const ticket = await open('teacherA', { title: 'Imprimante bloquée' });
    const n0 = smtp.mails.length;
    await as('manager').post(`/api/helpdesk/tickets/${ticket.id}/assign`, { assigneeId: people.technician?.id });
    const two = (await smtp.waitFor(n0 + 2)).slice(n0);
    assert.deepEqual(two.map((m) => m.to[0]).sort(), [people.teacherA?.email, people.technician?.email].sort());
    assert.ok(two.every((m) => m.text.includes('Imprimante bloquée')));
    const n1 = smtp.mails.length;
    await as('technician').post(`/api/helpdesk/tickets/${ticket.id}/comments`, { body: 'Interne', internal: true });
    await as('technician').post(`/api/helpdesk/tickets/${ticket.id}/comments`, { body: 'Je passe demain' });
    await status('technician', ticket.id, 'resolved');
    const next = (await smtp.waitFor(n1 + 2)).slice(n1);
    assert.equal(next.length, 2);
    assert.ok(next.every((m) => m.to[0] === people.teacherA?.email));
    assert.match(next[1]?.subject ?? '', /résolu/);
    assert.ok(next.every((m) => !m.text.includes('Interne')));
  });
});
