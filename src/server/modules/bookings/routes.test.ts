import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { engine } from '../../../../test/helpers/db.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import type { Role } from '../../../shared/roles.ts';
import { rows } from '../../db/connection.ts';
import { classes, rooms } from '../../db/schema.ts';
import { addDays, isoWeekday, zonedToUtc } from './rules.ts';

let t: TestApp;
let orgId: string;
let schoolA: string;
let schoolB: string;
let classA: string;
let classB: string;
let roomA: string;
let models: Awaited<ReturnType<typeof createCatalogue>>;
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const as = (who: string) => agents[who] as ReturnType<TestApp['agent']>;

type Booking = {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  seriesId: string | null;
  expectedContents: { id: string; tag: string }[] | null;
  returnCheck: { missing: { tag: string }[]; extra: string[]; scanned: string[] } | null;
  can: Record<string, boolean>;
};
type Created = { booking: Booking; seriesId: string | null; occurrences: { id: string; date: string }[] };
type Problem = { code: string; detail: string; conflict?: { date: string; startsAt: string; endsAt: string } };

/** A Monday at least three weeks ahead: every test books its own weeks from there. */
const MONDAY = (() => {
  const today = new Date().toISOString().slice(0, 10);
  const d = addDays(today, 21);
  return addDays(d, (8 - isoWeekday(d)) % 7);
})();
/** Tuesday of week `w` after MONDAY. */
const tuesday = (w: number) => addDays(MONDAY, 7 * w + 1);
const at = (date: string, time: string) => zonedToUtc(date, time).toISOString();

async function asset(modelId: string, schoolId: string) {
  const r = await as('technician').post('/api/assets', { modelId, status: 'deployed', schoolId });
  assert.equal(r.statusCode, 201, r.body);
  return json<{ id: string; tag: string; version: number }>(r);
}

async function cartWith(n: number, schoolId = schoolA) {
  const cart = await asset(models.cart, schoolId);
  const tablets = [];
  for (let i = 0; i < n; i++) {
    const tablet = await asset(models.tablet, schoolId);
    const r = await as('technician').post(`/api/assets/${tablet.id}/cart`, {
      version: tablet.version,
      cartId: cart.id,
    });
    assert.equal(r.statusCode, 200, r.body);
    tablets.push(tablet);
  }
  return { cart, tablets };
}

const book = (who: string, body: Record<string, unknown>) => as(who).post('/api/bookings', body);
const oneOff = (resourceId: string, date: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  resourceKind: 'cart',
  resourceId,
  classId: classA,
  startsAt: at(date, from),
  endsAt: at(date, to),
  ...extra,
});

before(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.db);
  orgId = org.id;
  schoolA = (await createSchool(t.db, orgId, 7201, 'École Gambetta')).id;
  schoolB = (await createSchool(t.db, orgId, 7202, 'École Jaurès')).id;
  models = await createCatalogue(t.db, orgId);
  const [ca] = await t.db.owner
    .insert(classes)
    .values({ organisationId: orgId, schoolId: schoolA, year: 2026, name: 'CM1 Mme Durand' })
    .returning();
  const [cb] = await t.db.owner
    .insert(classes)
    .values({ organisationId: orgId, schoolId: schoolB, year: 2026, name: 'CE2 B' })
    .returning();
  const [ra] = await t.db.owner
    .insert(rooms)
    .values({ organisationId: orgId, schoolId: schoolA, name: 'Salle informatique', kind: 'computer_room' })
    .returning();
  classA = ca?.id as string;
  classB = cb?.id as string;
  roomA = ra?.id as string;
  const people: [string, Role[], string[]][] = [
    ['manager', ['manager'], []],
    ['technician', ['technician'], []],
    ['directorA', ['director'], [schoolA]],
    ['teacherA', ['teacher'], [schoolA]],
    ['teacherA2', ['teacher'], [schoolA]],
    ['teacherB', ['teacher'], [schoolB]],
    ['periscolaire', ['periscolaire'], [schoolA]],
    ['auditor', ['auditor'], []],
  ];
  for (const [name, roles, schoolIds] of people) {
    const user = await createUser(t.db, orgId, { roles, schoolIds });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    agents[name] = agent;
  }
});

after(async () => {
  await t?.close();
});

describe('booking a slot', () => {
  it('adjacent slots both succeed; an overlapping one is 409 naming the slot', async () => {
    const { cart } = await cartWith(0);
    const day = tuesday(0);
    const first = await book('teacherA', oneOff(cart.id, day, '10:00', '11:00'));
    assert.equal(first.statusCode, 201, first.body);
    const created = json<Created>(first);
    assert.equal(created.booking.status, 'confirmed');
    assert.equal(created.booking.startsAt, at(day, '10:00'));
    const second = await book('teacherA2', oneOff(cart.id, day, '11:00', '12:00'));
    assert.equal(second.statusCode, 201, second.body);
    const clash = await book('teacherA2', oneOff(cart.id, day, '10:30', '11:30'));
    assert.equal(clash.statusCode, 409, clash.body);
    const problem = json<Problem>(clash);
    assert.equal(problem.code, 'BOOKING_CONFLICT');
    assert.equal(problem.conflict?.date, day);
    assert.match(problem.detail, new RegExp(day));
  });

  it('concurrent bookings of one cart for overlapping slots: exactly one 201, the others 409', async () => {
    const { cart } = await cartWith(0);
    const day = tuesday(1);
    const who = ['teacherA', 'teacherA2', 'directorA', 'periscolaire', 'manager', 'technician'];
    const results = await Promise.all(
      who.flatMap((w, i) => [
        book(w, oneOff(cart.id, day, '09:00', '10:30')),
        book(w, oneOff(cart.id, day, `09:${String(10 + i * 5).padStart(2, '0')}`, '11:00')),
      ]),
    );
    const codes = results.map((r) => r.statusCode);
    assert.equal(codes.filter((c) => c === 201).length, 1, codes.join());
    assert.equal(codes.filter((c) => c === 409).length, codes.length - 1, codes.join());
    for (const r of results.filter((x) => x.statusCode === 409)) {
      const problem = json<Problem>(r);
      assert.equal(problem.code, 'BOOKING_CONFLICT');
      assert.equal(problem.conflict?.date, day, 'the slot is named, also when the constraint caught the race');
    }
    const [live] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM bookings WHERE resource_id = ${cart.id} AND status <> 'cancelled'`,
    );
    assert.equal(Number(live?.n), 1);
  });

  if (engine === 'postgres') {
    it('the database refuses an overlap the service did not see (exclusion constraint, 23P01)', async () => {
      const { cart } = await cartWith(0);
      const day = tuesday(2);
      const insert = (from: string, to: string) =>
        t.db.owner.execute(
          sql`INSERT INTO bookings (organisation_id, school_id, resource_kind, asset_id, class_id, booked_by, starts_at, ends_at, status)
              SELECT ${orgId}, ${schoolA}, 'cart', ${cart.id}, ${classA}, id, ${at(day, from)}, ${at(day, to)}, 'confirmed'
                FROM users WHERE organisation_id = ${orgId} LIMIT 1`,
        );
      await insert('08:00', '09:00');
      await assert.rejects(insert('08:30', '09:30'), (e: { code?: string; cause?: { code?: string } }) =>
        [e.code, e.cause?.code].includes('23P01'),
      );
      await insert('09:00', '10:00');
    });
  }

  it('a weekly series colliding with one existing booking: 409 naming that date, nothing written', async () => {
    const { cart } = await cartWith(0);
    const taken = tuesday(5);
    assert.equal((await book('directorA', oneOff(cart.id, taken, '10:30', '11:30'))).statusCode, 201);
    const [before] = await rows<{ b: number; s: number }>(
      t.db.owner,
      sql`SELECT (SELECT count(*) FROM bookings)::int AS b, (SELECT count(*) FROM booking_series)::int AS s`,
    );
    const series = {
      resourceKind: 'cart',
      resourceId: cart.id,
      classId: classA,
      series: { startsOn: tuesday(3), count: 5, weekday: 2, startTime: '10:00', endTime: '11:00' },
    };
    const r = await book('teacherA', series);
    assert.equal(r.statusCode, 409, r.body);
    const problem = json<Problem>(r);
    assert.equal(problem.code, 'BOOKING_CONFLICT');
    assert.equal(problem.conflict?.date, taken);
    assert.match(problem.detail, new RegExp(taken));
    const [afterwards] = await rows<{ b: number; s: number }>(
      t.db.owner,
      sql`SELECT (SELECT count(*) FROM bookings)::int AS b, (SELECT count(*) FROM booking_series)::int AS s`,
    );
    assert.deepEqual(afterwards, before, 'nothing of the series was written');
    // Without the colliding week the series goes through, one row per occurrence.
    const ok = await book('teacherA', {
      ...series,
      series: { ...series.series, count: 2 },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const created = json<Created>(ok);
    assert.deepEqual(
      created.occurrences.map((o) => o.date),
      [tuesday(3), tuesday(4)],
    );
    assert.ok(created.seriesId);
    // Cancelling with `series` frees every later occurrence.
    const cancel = await as('teacherA').post(`/api/bookings/${created.booking.id}/cancel`, { series: true });
    assert.equal(cancel.statusCode, 200, cancel.body);
    const [left] = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM bookings WHERE series_id = ${created.seriesId} AND status <> 'cancelled'`,
    );
    assert.equal(Number(left?.n), 0);
  });

  it('a cancelled booking frees its slot; only its booker or a manager may cancel', async () => {
    const { cart } = await cartWith(0);
    const day = tuesday(6);
    const created = json<Created>(await book('teacherA', oneOff(cart.id, day, '14:00', '15:00')));
    assert.equal((await book('teacherA2', oneOff(cart.id, day, '14:00', '15:00'))).statusCode, 409);
    const other = await as('teacherA2').post(`/api/bookings/${created.booking.id}/cancel`, {});
    assert.equal(other.statusCode, 403, other.body);
    const cancel = await as('teacherA').post(`/api/bookings/${created.booking.id}/cancel`, { reason: 'Sortie' });
    assert.equal(cancel.statusCode, 200, cancel.body);
    assert.equal(json<Booking>(cancel).status, 'cancelled');
    assert.equal((await as('teacherA').post(`/api/bookings/${created.booking.id}/cancel`, {})).statusCode, 409);
    assert.equal((await book('teacherA2', oneOff(cart.id, day, '14:00', '15:00'))).statusCode, 201);
  });

  it('is for a class or an activity, of the resource’s school; devices in a cart are booked with their cart', async () => {
    const { cart, tablets } = await cartWith(1);
    const day = tuesday(7);
    const both = await book('teacherA', oneOff(cart.id, day, '09:00', '10:00', { activity: 'Échecs' }));
    assert.equal(both.statusCode, 400, both.body);
    const otherClass = await book('teacherA', oneOff(cart.id, day, '09:00', '10:00', { classId: classB }));
    assert.equal(otherClass.statusCode, 404, otherClass.body);
    const inCart = await book('teacherA', {
      ...oneOff(tablets[0]?.id as string, day, '09:00', '10:00'),
      resourceKind: 'device',
    });
    assert.equal(inCart.statusCode, 409, inCart.body);
    assert.equal(json<Problem>(inCart).code, 'BOOKING_RESOURCE_UNAVAILABLE');
    const wrongKind = await book('teacherA', { ...oneOff(cart.id, day, '09:00', '10:00'), resourceKind: 'device' });
    assert.equal(wrongKind.statusCode, 400, wrongKind.body);
    const periscolaire = await book('periscolaire', {
      resourceKind: 'cart',
      resourceId: cart.id,
      activity: 'Atelier robotique',
      startsAt: at(day, '16:30'),
      endsAt: at(day, '18:00'),
    });
    assert.equal(periscolaire.statusCode, 201, periscolaire.body);
    const past = await book('teacherA', oneOff(cart.id, '2020-01-07', '09:00', '10:00'));
    assert.equal(past.statusCode, 400, past.body);
  });
});

describe('scope and permissions', () => {
  it('a teacher of another school gets 404 for the resource, the booking and the calendar', async () => {
    const { cart } = await cartWith(0);
    const day = tuesday(8);
    const r = await book('teacherB', oneOff(cart.id, day, '09:00', '10:00', { classId: classB }));
    assert.equal(r.statusCode, 404, r.body);
    const mine = json<Created>(await book('teacherA', oneOff(cart.id, day, '09:00', '10:00')));
    assert.equal((await as('teacherB').get(`/api/bookings/${mine.booking.id}`)).statusCode, 404);
    assert.equal((await as('teacherB').post(`/api/bookings/${mine.booking.id}/cancel`, {})).statusCode, 404);
    const calendar = await as('teacherB').get('/api/bookings', { query: { from: day, to: day, schoolId: schoolA } });
    assert.equal(calendar.statusCode, 404);
    const all = json<Booking[]>(await as('teacherB').get('/api/bookings', { query: { from: day, to: day } }));
    assert.equal(all.length, 0, 'nothing of school A');
    assert.equal(
      (await as('teacherB').get('/api/bookings/resources', { query: { schoolId: schoolA } })).statusCode,
      404,
    );
  });

  it('auditors read but do not book; teachers do not approve; anonymous is 401', async () => {
    const { cart } = await cartWith(0);
    const day = tuesday(9);
    assert.equal((await book('auditor', oneOff(cart.id, day, '09:00', '10:00'))).statusCode, 403);
    const created = json<Created>(await book('teacherA', oneOff(cart.id, day, '09:00', '10:00')));
    assert.equal((await as('auditor').get(`/api/bookings/${created.booking.id}`)).statusCode, 200);
    assert.equal((await as('teacherA').post(`/api/bookings/${created.booking.id}/pick-up`)).statusCode, 403);
    assert.equal((await t.agent().get('/api/bookings', { query: { from: day, to: day } })).statusCode, 401);
  });
});

describe('approval', () => {
  it('a resource flagged for approval: requested (holding the slot) until a manager approves', async () => {
    const set = await as('directorA').put(`/api/bookings/resources/room/${roomA}/settings`, { requiresApproval: true });
    assert.equal(set.statusCode, 200, set.body);
    const day = tuesday(10);
    const slot = {
      resourceKind: 'room',
      resourceId: roomA,
      classId: classA,
      startsAt: at(day, '09:00'),
      endsAt: at(day, '10:00'),
    };
    const created = json<Created>(await book('teacherA', slot));
    assert.equal(created.booking.status, 'requested');
    assert.equal(created.booking.can.approve, false);
    assert.equal((await book('teacherA2', slot)).statusCode, 409, 'a request holds its slot');
    const approved = await as('directorA').post(`/api/bookings/${created.booking.id}/approve`);
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(json<Booking>(approved).status, 'confirmed');
    assert.equal((await as('directorA').post(`/api/bookings/${created.booking.id}/approve`)).statusCode, 409);
    // Those who approve book without approval.
    const own = json<Created>(
      await book('directorA', { ...slot, startsAt: at(day, '10:00'), endsAt: at(day, '11:00') }),
    );
    assert.equal(own.booking.status, 'confirmed');
    const resources = json<{ id: string; requiresApproval: boolean }[]>(
      await as('teacherA').get('/api/bookings/resources', { query: { schoolId: schoolA } }),
    );
    assert.equal(resources.find((x) => x.id === roomA)?.requiresApproval, true);
  });
});

describe('pick-up and return', () => {
  it('the cart’s contents at pick-up are checked at return: missing and extra listed', async () => {
    const { cart, tablets } = await cartWith(3);
    const day = tuesday(11);
    const created = json<Created>(await book('teacherA', oneOff(cart.id, day, '09:00', '12:00')));
    const id = created.booking.id;
    assert.equal((await as('technician').post(`/api/bookings/${id}/return`, { tags: [] })).statusCode, 409);
    const picked = await as('directorA').post(`/api/bookings/${id}/pick-up`);
    assert.equal(picked.statusCode, 200, picked.body);
    const pickedUp = json<Booking>(picked);
    assert.equal(pickedUp.status, 'picked_up');
    assert.deepEqual(pickedUp.expectedContents?.map((c) => c.tag).sort(), tablets.map((x) => x.tag).sort());
    const [t1, t2, t3] = tablets.map((x) => x.tag) as [string, string, string];
    const returned = await as('directorA').post(`/api/bookings/${id}/return`, {
      tags: [t1, ` ${t3.toLowerCase()}`, 'INCONNU-42'],
    });
    assert.equal(returned.statusCode, 200, returned.body);
    const check = json<Booking>(returned).returnCheck;
    assert.deepEqual(
      check?.missing.map((m) => m.tag),
      [t2],
    );
    assert.deepEqual(check?.extra, ['INCONNU-42']);
    assert.equal((await as('directorA').post(`/api/bookings/${id}/cancel`, {})).statusCode, 409);
  });
});

describe('calendar and ICS feeds', () => {
  it('the week calendar per school and per resource', async () => {
    const { cart } = await cartWith(0);
    const monday = addDays(MONDAY, 7 * 12);
    const b1 = json<Created>(await book('teacherA', oneOff(cart.id, addDays(monday, 1), '09:00', '10:00')));
    const b2 = json<Created>(await book('teacherA', oneOff(cart.id, addDays(monday, 3), '09:00', '10:00')));
    json<Created>(await book('teacherA', oneOff(cart.id, addDays(monday, 8), '09:00', '10:00')));
    const week = json<Booking[]>(
      await as('directorA').get('/api/bookings', {
        query: { from: monday, to: addDays(monday, 6), resourceId: cart.id },
      }),
    );
    assert.deepEqual(
      week.map((b) => b.id),
      [b1.booking.id, b2.booking.id],
    );
    const school = json<Booking[]>(
      await as('teacherA2').get('/api/bookings', {
        query: { from: monday, to: addDays(monday, 6), schoolId: schoolA },
      }),
    );
    assert.ok(school.some((b) => b.id === b1.booking.id));
    const tooLong = await as('teacherA').get('/api/bookings', { query: { from: monday, to: addDays(monday, 90) } });
    assert.equal(tooLong.statusCode, 400);
  });

  it('a school feed parses with ical.js and holds the school’s bookings at the right times; rotated or revoked → 404', async () => {
    const { cart } = await cartWith(0);
    const day = tuesday(14);
    const mine = json<Created>(await book('teacherA', oneOff(cart.id, day, '13:30', '15:00')));
    const theirs = json<Created>(
      await book('periscolaire', {
        resourceKind: 'room',
        resourceId: roomA,
        activity: 'Théâtre; improvisation, niveau 1',
        startsAt: at(day, '16:30'),
        endsAt: at(day, '18:00'),
      }),
    );
    assert.equal(theirs.booking.status, 'requested');
    const created = await as('teacherA').post('/api/bookings/feeds', { kind: 'school', schoolId: schoolA });
    assert.equal(created.statusCode, 201, created.body);
    const feed = json<{ id: string; url: string }>(created);
    assert.match(feed.url, /^\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    const anonymous = t.agent();
    const got = await anonymous.get(feed.url);
    assert.equal(got.statusCode, 200, got.body);
    assert.match(String(got.headers['content-type']), /^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(got.body));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const a = events.find((e) => e.uid === `${mine.booking.id}@socle`);
    const b = events.find((e) => e.uid === `${theirs.booking.id}@socle`);
    assert.ok(a && b, 'both bookings of the school are in the feed');
    assert.equal(a.startDate.toJSDate().toISOString(), at(day, '13:30'));
    assert.equal(a.endDate.toJSDate().toISOString(), at(day, '15:00'));
    assert.match(a.summary, /CM1 Mme Durand/);
    assert.equal(b.summary, `Salle informatique · Théâtre; improvisation, niveau 1`);
    assert.equal(b.component.getFirstPropertyValue('status'), 'TENTATIVE');
    assert.ok(!got.body.includes('@example.org'), 'no e-mail addresses');
    // A personal feed holds only one's own bookings.
    const personal = json<{ url: string }>(await as('periscolaire').post('/api/bookings/feeds', { kind: 'user' }));
    const own = new ICAL.Component(ICAL.parse((await anonymous.get(personal.url)).body))
      .getAllSubcomponents('vevent')
      .map((v) => String(v.getFirstPropertyValue('uid')));
    assert.ok(own.includes(`${theirs.booking.id}@socle`));
    assert.ok(!own.includes(`${mine.booking.id}@socle`));
    // Rotation: the old URL stops working, the new one works.
    const rotated = json<{ id: string; url: string }>(
      await as('teacherA').post('/api/bookings/feeds', { kind: 'school', schoolId: schoolA }),
    );
    assert.equal((await anonymous.get(feed.url)).statusCode, 404);
    assert.equal((await anonymous.get(rotated.url)).statusCode, 200);
    const list = json<{ id: string }[]>(await as('teacherA').get('/api/bookings/feeds'));
    assert.deepEqual(
      list.map((f) => f.id),
      [rotated.id],
    );
    assert.equal((await as('teacherA2').delete(`/api/bookings/feeds/${rotated.id}`)).statusCode, 404, 'not theirs');
    assert.equal((await as('teacherA').delete(`/api/bookings/feeds/${rotated.id}`)).statusCode, 204);
    assert.equal((await anonymous.get(rotated.url)).statusCode, 404);
    assert.equal((await anonymous.get('/ical/not-a-token.ics')).statusCode, 404);
    // A feed of a school out of reach cannot be made.
    const outside = await as('teacherB').post('/api/bookings/feeds', { kind: 'school', schoolId: schoolA });
    assert.equal(outside.statusCode, 404);
  });
});
