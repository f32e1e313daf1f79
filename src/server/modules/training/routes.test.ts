import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import { rows } from '../../db/connection.ts';
import { classes, rooms, trainingSessions, trainingTrainees } from '../../db/schema.ts';
import { purgeTraineeNames } from './retention.ts';

/**
 * Training through the API on a real database (PGlite and PostgreSQL):
 * sessions and their validation, capacity under concurrent registrations,
 * attendance feeding the teachers-trained report, the socle's training
 * criterion and the funding indicator, families' head counts, anonymous
 * feedback, scope and tenancy, and the retention of trainees' names.
 */

type Agent = ReturnType<TestApp['agent']>;
type Session = {
  id: string;
  status: string;
  registered: number;
  seatsLeft: number | null;
  attendees: number | null;
  headCount: number | null;
  feedback: { count: number; average: number | null; distribution: number[] };
  can: Record<string, boolean>;
  registrations: { id: string; name: string | null; schoolId: string | null; attended: boolean | null }[];
};
type Problem = { code: string; errors?: { path: string; code?: string }[] };

let t: TestApp;
const as: Record<string, Agent> = {};
const ids: Record<string, string> = {};
const agent = (k: string) => as[k] as Agent;
const DAY = 86_400_000;
const future = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const paths = (res: { json(): unknown }) => ((res.json() as Problem).errors ?? []).map((e) => `${e.path}:${e.code}`);

before(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.db, 'Ville A');
  const other = await createOrganisation(t.db, 'Ville B');
  const a = await createSchool(t.db, org.id, 720_501, 'École A');
  const b = await createSchool(t.db, org.id, 720_502, 'École B');
  ids.org = org.id;
  ids.a = a.id;
  ids.b = b.id;
  const year = currentSchoolYear();
  await t.db.owner.insert(classes).values([
    { organisationId: org.id, schoolId: a.id, year, name: 'CP' },
    { organisationId: org.id, schoolId: a.id, year, name: 'CE1' },
    { organisationId: org.id, schoolId: a.id, year: year - 1, name: 'CP (last year)' },
  ]);
  const [roomB] = await t.db.owner
    .insert(rooms)
    .values({ organisationId: org.id, schoolId: b.id, name: 'Salle polyvalente' })
    .returning();
  ids.roomB = roomB?.id as string;
  for (const [key, orgId, roles, schools] of [
    ['manager', org.id, ['manager'], []],
    ['technician', org.id, ['technician'], []],
    ['auditor', org.id, ['auditor'], []],
    ['finance', org.id, ['finance'], []],
    ['directorA', org.id, ['director'], [a.id]],
    ['teacherA', org.id, ['teacher'], [a.id]],
    ['directorB', org.id, ['director'], [b.id]],
    ['otherAdmin', other.id, ['admin'], []],
  ] as const) {
    const user = await createUser(t.db, orgId, { roles: [...roles], schoolIds: [...schools] });
    ids[`user_${key}`] = user.id;
    as[key] = t.agent();
    await agent(key).login(user.email, PASSWORD);
  }
  as.anonymous = t.agent();
});
after(() => t.close());

const valid = (over: Record<string, unknown> = {}) => ({
  audience: 'teachers',
  topic: 'ENI : prise en main',
  startsAt: future(14),
  durationMinutes: 180,
  place: 'Centre de ressources',
  trainer: 'ERUN',
  capacity: 20,
  materials: [{ label: 'Diaporama', url: 'https://example.org/eni.pdf' }],
  ...over,
});

describe('sessions', () => {
  it('401 without a session, 403 without training.manage, 400 naming each bad field', async () => {
    assert.equal((await agent('anonymous').get('/api/training/sessions')).statusCode, 401);
    assert.equal((await agent('teacherA').post('/api/training/sessions', valid())).statusCode, 403);
    assert.equal((await agent('auditor').post('/api/training/sessions', valid())).statusCode, 403);
    const bad = await agent('manager').post('/api/training/sessions', {
      ...valid(),
      audience: 'pupils',
      topic: '',
      durationMinutes: 2,
      materials: [{ label: 'x', url: 'javascript:alert(1)' }],
    });
    assert.equal(bad.statusCode, 400, bad.body);
    const fields = ((bad.json() as Problem).errors ?? []).map((e) => e.path);
    for (const f of ['body.audience', 'body.topic', 'body.durationMinutes', 'body.materials.0.url'])
      assert.ok(fields.includes(f), `${f} in ${fields.join(', ')}`);
    const nowhere = await agent('manager').post('/api/training/sessions', valid({ place: undefined }));
    assert.equal(nowhere.statusCode, 400);
    assert.deepEqual(paths(nowhere), ['body.place:place_required']);
    const wrongRoom = await agent('manager').post(
      '/api/training/sessions',
      valid({ schoolId: ids.a, roomId: ids.roomB }),
    );
    assert.deepEqual(paths(wrongRoom), ['body.roomId:room_not_in_school']);
    const unknownSchool = await agent('manager').post(
      '/api/training/sessions',
      valid({ schoolId: '00000000-0000-4000-8000-000000000000' }),
    );
    assert.deepEqual(paths(unknownSchool), ['body.schoolId:unknown_school']);
  });

  it('creates, reads, edits, cancels and deletes; a session with registrations is cancelled, not deleted', async () => {
    const created = await agent('technician').post(
      '/api/training/sessions',
      valid({ schoolId: ids.b, roomId: ids.roomB, place: null }),
    );
    assert.equal(created.statusCode, 201, created.body);
    const s = json<Session & { roomName: string; schoolName: string }>(created);
    assert.equal(s.roomName, 'Salle polyvalente');
    assert.equal(s.seatsLeft, 20);
    assert.equal(s.status, 'planned');
    const patched = await agent('manager').patch(`/api/training/sessions/${s.id}`, { capacity: 2, topic: 'ENI 2' });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(json<Session>(patched).seatsLeft, 2);
    const reg = await agent('manager').post(`/api/training/sessions/${s.id}/registrations`, {
      name: 'Alex Dupont',
      schoolId: ids.b,
    });
    assert.equal(reg.statusCode, 201, reg.body);
    const wrongSchool = await agent('manager').post(`/api/training/sessions/${s.id}/registrations`, {
      name: 'Sam Durand',
      schoolId: ids.a,
    });
    assert.deepEqual(paths(wrongSchool), ['body.schoolId:not_session_school']);
    const dup = await agent('manager').post(`/api/training/sessions/${s.id}/registrations`, {
      name: 'alex dupont',
      schoolId: ids.b,
    });
    assert.equal(dup.statusCode, 409);
    assert.deepEqual(paths(dup), ['body.name:already_registered']);
    const shrink = await agent('manager').patch(`/api/training/sessions/${s.id}`, { capacity: null });
    assert.equal(shrink.statusCode, 200);
    const del = await agent('manager').delete(`/api/training/sessions/${s.id}`);
    assert.equal(del.statusCode, 409);
    assert.equal((del.json() as Problem).code, 'TRAINING_INVALID_STATE');
    const cancelled = await agent('manager').patch(`/api/training/sessions/${s.id}`, { status: 'cancelled' });
    assert.equal(json<Session>(cancelled).status, 'cancelled');
    const late = await agent('manager').post(`/api/training/sessions/${s.id}/registrations`, {
      name: 'Lou Petit',
      schoolId: ids.b,
    });
    assert.equal((late.json() as Problem).code, 'TRAINING_INVALID_STATE');
    const empty = json<Session>(await agent('manager').post('/api/training/sessions', valid({ online: true })));
    assert.equal((await agent('manager').delete(`/api/training/sessions/${empty.id}`)).statusCode, 204);
    assert.equal((await agent('manager').get(`/api/training/sessions/${empty.id}`)).statusCode, 404);
  });

  it('capacity below the registrations is refused, naming the field', async () => {
    const s = json<Session>(await agent('manager').post('/api/training/sessions', valid({ capacity: 3 })));
    for (const name of ['Ana Roy', 'Bo Lin'])
      await agent('manager').post(`/api/training/sessions/${s.id}/registrations`, { name, schoolId: ids.a });
    const res = await agent('manager').patch(`/api/training/sessions/${s.id}`, { capacity: 1 });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(paths(res), ['body.capacity:below_registrations']);
  });
});

describe('capacity', () => {
  it('concurrent registrations for the last seat: exactly one succeeds, the other gets TRAINING_FULL', async () => {
    const s = json<Session>(await agent('manager').post('/api/training/sessions', valid({ capacity: 1 })));
    const results = await Promise.all([
      ...['Claude Martin', 'Charlie Bernard', 'Lou Durand', 'Maël Laurent', 'Alix Lefebvre'].map((name) =>
        agent('manager').post(`/api/training/sessions/${s.id}/registrations`, { name, schoolId: ids.a }),
      ),
      agent('directorA').post(`/api/training/sessions/${s.id}/registrations`, { name: 'Dom Leroy', schoolId: ids.a }),
      agent('teacherA').post(`/api/training/sessions/${s.id}/registrations`, {}),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [201, 409, 409, 409, 409, 409, 409], results.map((r) => r.body).join('\n'));
    for (const r of results.filter((x) => x.statusCode === 409))
      assert.equal((r.json() as Problem).code, 'TRAINING_FULL');
    const after = json<Session>(await agent('manager').get(`/api/training/sessions/${s.id}`));
    assert.equal(after.registered, 1);
    assert.equal(after.seatsLeft, 0);
    assert.equal(after.can.register, false);
  });
});

describe('attendance feeds the indicators', () => {
  it('teachers present → trained per school → the socle’s training criterion met on the next read → funding indicator', async () => {
    const baseline = async () => {
      const res = await agent('manager').get(`/api/baseline/schools/${ids.a}`);
      assert.equal(res.statusCode, 200, res.body);
      return json<{ schoolCriteria: { key: string; computedStatus: string; measures: Record<string, unknown> }[] }>(
        res,
      ).schoolCriteria.find((c) => c.key === 'training');
    };
    const before = await baseline();
    assert.equal(before?.computedStatus, 'missing', 'two classes, nobody trained yet');
    assert.equal(before?.measures.teachers, 2, 'one teacher per class of the latest year');

    const yesterday = new Date(Date.now() - DAY).toISOString();
    const s = json<Session>(
      await agent('manager').post('/api/training/sessions', valid({ startsAt: yesterday, capacity: null })),
    );
    // After the start, only training.manage registers (from the sign-in sheet).
    const closed = await agent('directorA').post(`/api/training/sessions/${s.id}/registrations`, {
      name: 'Noa Simon',
      schoolId: ids.a,
    });
    assert.equal((closed.json() as Problem).code, 'TRAINING_INVALID_STATE');
    const regs = [];
    for (const body of [
      { name: 'Noa Simon', schoolId: ids.a },
      { name: 'Eden Michel', schoolId: ids.a },
      { userId: ids.user_teacherA },
    ]) {
      const r = await agent('manager').post(`/api/training/sessions/${s.id}/registrations`, body);
      assert.equal(r.statusCode, 201, r.body);
      regs.push(json<{ id: string; schoolId: string }>(r));
    }
    assert.equal(regs[2]?.schoolId, ids.a, 'an account attached to one school is counted for it');
    const feedbackTooEarly = await agent('teacherA').post(`/api/training/sessions/${s.id}/feedback`, { scores: [4] });
    assert.equal((feedbackTooEarly.json() as Problem).code, 'TRAINING_INVALID_STATE');

    const headCount = await agent('manager').put(`/api/training/sessions/${s.id}/attendance`, { headCount: 3 });
    assert.deepEqual(paths(headCount), ['body.headCount:staff_attendance_per_person']);
    const unknown = await agent('manager').put(`/api/training/sessions/${s.id}/attendance`, {
      entries: [{ registrationId: '00000000-0000-4000-8000-000000000000', attended: true }],
    });
    assert.deepEqual(paths(unknown), ['body.entries.0.registrationId:unknown_registration']);
    assert.equal(
      (await agent('directorA').put(`/api/training/sessions/${s.id}/attendance`, { entries: [] })).statusCode,
      403,
    );
    const recorded = await agent('manager').put(`/api/training/sessions/${s.id}/attendance`, {
      entries: [
        { registrationId: regs[0]?.id, attended: true },
        { registrationId: regs[1]?.id, attended: false },
        { registrationId: regs[2]?.id, attended: true },
      ],
    });
    assert.equal(recorded.statusCode, 200, recorded.body);
    assert.equal(json<Session>(recorded).status, 'held');
    assert.equal(json<Session>(recorded).attendees, 2);

    const report = await agent('directorA').get('/api/training/teachers-trained');
    assert.equal(report.statusCode, 200, report.body);
    const r = json<{ schools: { schoolId: string; teachers: number; trained: number; shareBp: number }[] }>(report);
    assert.deepEqual(
      r.schools.map((x) => [x.schoolId, x.teachers, x.trained, x.shareBp]),
      [[ids.a, 2, 2, 10_000]],
      'the director sees their school only',
    );
    const afterRead = await baseline();
    assert.equal(afterRead?.computedStatus, 'met');
    assert.equal(afterRead?.measures.trained, 2);

    // The same people trained again count once.
    const again = json<Session>(
      await agent('manager').post('/api/training/sessions', valid({ startsAt: yesterday, capacity: null })),
    );
    const noa = await agent('manager').post(`/api/training/sessions/${again.id}/registrations`, {
      name: 'NOA SIMON',
      schoolId: ids.a,
    });
    await agent('manager').put(`/api/training/sessions/${again.id}/attendance`, {
      entries: [{ registrationId: json<{ id: string }>(noa).id, attended: true }],
    });
    const twice = json<{ schools: { trained: number }[] }>(
      await agent('manager').get(`/api/training/teachers-trained?schoolId=${ids.a}`),
    );
    assert.equal(twice.schools[0]?.trained, 2);
    const longAgo = json<{ schools: { trained: number }[] }>(
      await agent('manager').get(`/api/training/teachers-trained?schoolId=${ids.a}&on=2019-06-30`),
    );
    assert.equal(longAgo.schools[0]?.trained, 0, 'nothing before the window');

    // Funding: the programme's schools, within its period; a figure entered by hand wins.
    const today = new Date().toISOString().slice(0, 10);
    const programme = await agent('manager').post('/api/funding/programmes', {
      name: 'Plan',
      periodStart: '2020-01-01',
      periodEnd: today,
      schoolIds: [ids.a, ids.b],
    });
    assert.equal(programme.statusCode, 201, programme.body);
    const url = `/api/funding/programmes/${json(programme).id}/indicators`;
    const list = json<{ id: string; code: string; value: number | null; computed: boolean }[]>(
      await agent('manager').post(`${url}/defaults`, {}),
    );
    const teachers = list.find((i) => i.code === 'TEACHERS');
    assert.equal(teachers?.value, 2);
    assert.equal(teachers?.computed, true);
    const manual = await agent('manager').patch(`/api/funding/indicators/${teachers?.id}`, { manualValue: 40 });
    assert.equal(json<{ value: number }>(manual).value, 40);
    const cleared = await agent('manager').patch(`/api/funding/indicators/${teachers?.id}`, { manualValue: null });
    assert.equal(json<{ value: number; computed: boolean }>(cleared).value, 2);
    const old = await agent('manager').post('/api/funding/programmes', {
      name: 'Ancien plan',
      periodStart: '2015-01-01',
      periodEnd: '2019-12-31',
      schoolIds: [ids.a],
    });
    const oldList = json<{ code: string; value: number | null }[]>(
      await agent('manager').post(`/api/funding/programmes/${json(old).id}/indicators/defaults`, {}),
    );
    assert.equal(oldList.find((i) => i.code === 'TEACHERS')?.value, 0, 'outside the period');

    // Feedback: anonymous, once per present attendee; paper forms by managers.
    const mine = await agent('teacherA').post(`/api/training/sessions/${s.id}/feedback`, { scores: [4] });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.equal(
      (await agent('teacherA').post(`/api/training/sessions/${s.id}/feedback`, { scores: [5] })).statusCode,
      409,
    );
    assert.equal(
      (await agent('directorA').post(`/api/training/sessions/${s.id}/feedback`, { scores: [5] })).statusCode,
      403,
    );
    const paper = await agent('manager').post(`/api/training/sessions/${s.id}/feedback`, { scores: [5, 3] });
    assert.deepEqual(json<Session>(paper).feedback, { count: 3, average: 4, distribution: [0, 0, 1, 1, 1] });
    assert.deepEqual(paths(await agent('manager').post(`/api/training/sessions/${s.id}/feedback`, { scores: [6] })), [
      'body.scores.0:too_big',
    ]);
    const [stored] = await t.db.system((tx) =>
      rows<{ columns: string }>(
        tx,
        sql`SELECT string_agg(column_name, ',' ORDER BY column_name) AS columns
              FROM information_schema.columns WHERE table_name = 'training_feedback'`,
      ),
    );
    assert.equal(stored?.columns, 'id,organisation_id,score,session_id', 'nothing links a score to a person');
  });
});

describe('families', () => {
  it('hold a head count only: no registration, no names', async () => {
    const s = json<Session>(
      await agent('manager').post(
        '/api/training/sessions',
        valid({ audience: 'families', startsAt: new Date(Date.now() - DAY).toISOString() }),
      ),
    );
    const reg = await agent('manager').post(`/api/training/sessions/${s.id}/registrations`, {
      name: 'Parent Dupont',
      schoolId: ids.a,
    });
    assert.equal((reg.json() as Problem).code, 'TRAINING_INVALID_STATE');
    const names = await agent('manager').put(`/api/training/sessions/${s.id}/attendance`, { entries: [] });
    assert.deepEqual(paths(names), ['body.entries:families_head_count_only']);
    const held = await agent('manager').put(`/api/training/sessions/${s.id}/attendance`, { headCount: 14 });
    assert.equal(held.statusCode, 200, held.body);
    const d = json<Session>(held);
    assert.equal(d.attendees, 14);
    assert.equal(d.headCount, 14);
    assert.deepEqual(d.registrations, []);
    assert.equal(d.status, 'held');
    const [bad] = await t.db.system((tx) =>
      rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM training_registrations WHERE session_id = ${s.id}`),
    );
    assert.equal(bad?.n, 0);
  });
});

describe('scope and tenancy', () => {
  it('another school’s director gets 404; open sessions are seen by all; registrants of other schools are hidden', async () => {
    const ofA = json<Session>(await agent('manager').post('/api/training/sessions', valid({ schoolId: ids.a })));
    const open = json<Session>(await agent('manager').post('/api/training/sessions', valid()));
    assert.equal((await agent('directorB').get(`/api/training/sessions/${ofA.id}`)).statusCode, 404);
    assert.equal((await agent('directorB').post(`/api/training/sessions/${ofA.id}/registrations`, {})).statusCode, 404);
    assert.equal((await agent('otherAdmin').get(`/api/training/sessions/${open.id}`)).statusCode, 404);
    const listB = json<Session[]>(await agent('directorB').get('/api/training/sessions'));
    assert.ok(listB.some((x) => x.id === open.id));
    assert.ok(!listB.some((x) => x.id === ofA.id));
    // The director of A registers a teacher of A; B's director cannot register for A's school.
    const mineA = await agent('directorA').post(`/api/training/sessions/${open.id}/registrations`, {
      name: 'Sacha Moreau',
      schoolId: ids.a,
    });
    assert.equal(mineA.statusCode, 201, mineA.body);
    assert.equal(
      (
        await agent('directorB').post(`/api/training/sessions/${open.id}/registrations`, {
          name: 'Intrus',
          schoolId: ids.a,
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (
        await agent('directorB').post(`/api/training/sessions/${open.id}/registrations`, {
          userId: ids.user_teacherA,
        })
      ).statusCode,
      404,
    );
    const mineB = await agent('directorB').post(`/api/training/sessions/${open.id}/registrations`, {
      name: 'Morgan Petit',
      schoolId: ids.b,
    });
    assert.equal(mineB.statusCode, 201, mineB.body);
    const seenByB = json<Session>(await agent('directorB').get(`/api/training/sessions/${open.id}`));
    assert.equal(seenByB.registered, 2);
    assert.deepEqual(
      seenByB.registrations.map((r) => r.name),
      ['Morgan Petit'],
    );
    assert.equal(
      json<Session>(await agent('auditor').get(`/api/training/sessions/${open.id}`)).registrations.length,
      2,
    );
    // B's director cannot unregister A's teacher (not visible), can unregister their own.
    const aId = json<{ id: string }>(mineA).id;
    assert.equal((await agent('directorB').delete(`/api/training/registrations/${aId}`)).statusCode, 404);
    assert.equal((await agent('directorA').delete(`/api/training/registrations/${aId}`)).statusCode, 204);
    assert.equal((await agent('finance').post(`/api/training/sessions/${open.id}/registrations`, {})).statusCode, 403);
    const reportB = json<{ schools: { schoolId: string }[] }>(
      await agent('directorB').get('/api/training/teachers-trained'),
    );
    assert.deepEqual(
      reportB.schools.map((s) => s.schoolId),
      [ids.b],
    );
  });
});

describe('retention', () => {
  it('purges the names of trainees whose last session is past the window plus one school year', async () => {
    const [old] = await t.db.owner
      .insert(trainingTrainees)
      .values({
        organisationId: ids.org as string,
        schoolId: ids.a as string,
        name: 'Ancien Nom',
        createdAt: new Date('2015-01-10'),
      })
      .returning();
    assert.ok(old);
    const [s] = await t.db.owner
      .insert(trainingSessions)
      .values({
        organisationId: ids.org as string,
        audience: 'teachers',
        topic: 'Ancienne session',
        startsAt: new Date('2015-01-12T09:00:00Z'),
        durationMinutes: 60,
        place: 'Mairie',
        trainer: 'ERUN',
        status: 'held',
      })
      .returning();
    await t.db.system((tx) =>
      tx.execute(
        sql`INSERT INTO training_registrations (organisation_id, session_id, trainee_id, school_id, attended)
            VALUES (${ids.org}, ${s?.id}, ${old.id}, ${ids.a}, true)`,
      ),
    );
    const result = await purgeTraineeNames(t.db);
    assert.ok(result.trainees >= 1);
    const [after] = await t.db.owner.select().from(trainingTrainees).where(eq(trainingTrainees.id, old.id));
    assert.equal(after?.name, null);
    assert.ok(after?.purgedAt);
    const recent = await t.db.owner
      .select({ name: trainingTrainees.name })
      .from(trainingTrainees)
      .where(eq(trainingTrainees.name, 'Noa Simon'));
    assert.equal(recent.length, 1, 'recent trainees keep their name');
  });
});
