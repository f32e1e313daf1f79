import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';

/**
 * Training (issue #8 point 3), on a real database: registering another
 * person's account (the candidates a manager or a director may pick, scoped
 * to the session's audience and schools), and materials as files (type
 * sniffed, size limit, downloads as attachments with nosniff, visibility of
 * the session).
 */

type Agent = ReturnType<TestApp['agent']>;
type Candidate = { id: string; displayName: string; schools: { id: string; name: string }[] };
type FileRow = { id: string; name: string; mime: string; size: number };
type Problem = { code: string; errors?: { path: string; code?: string }[] };

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

let t: TestApp;
const as: Record<string, Agent> = {};
const ids: Record<string, string> = {};
const names: Record<string, string> = {};
const agent = (k: string) => as[k] as Agent;
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function session(over: Record<string, unknown> = {}): Promise<string> {
  const r = await agent('manager').post('/api/training/sessions', {
    audience: 'teachers',
    topic: 'Tableaux numériques',
    startsAt: future(10),
    durationMinutes: 120,
    place: 'Médiathèque',
    trainer: 'ERUN',
    capacity: 10,
    ...over,
  });
  assert.equal(r.statusCode, 201, r.body);
  return json(r).id as string;
}

const upload = (who: string, sessionId: string, body: Buffer, type: string, name = 'support.pdf') =>
  agent(who).request('POST', `/api/training/sessions/${sessionId}/files`, {
    body,
    headers: { 'content-type': type },
    query: { name },
  });

before(async () => {
  t = await createTestApp({ SOCLE_UPLOAD_MAX_BYTES: '4096' });
  const org = await createOrganisation(t.db, 'Ville formée');
  const other = await createOrganisation(t.db, 'Ville voisine');
  ids.a = (await createSchool(t.db, org.id, 720_601, 'École A')).id;
  ids.b = (await createSchool(t.db, org.id, 720_602, 'École B')).id;
  for (const [key, orgId, roles, schools] of [
    ['manager', org.id, ['manager'], []],
    ['directorA', org.id, ['director'], [ids.a]],
    ['teacherA', org.id, ['teacher'], [ids.a]],
    ['teacherA2', org.id, ['teacher'], [ids.a]],
    ['teacherB', org.id, ['teacher'], [ids.b]],
    ['periA', org.id, ['periscolaire'], [ids.a]],
    ['technician', org.id, ['technician'], []],
    ['finance', org.id, ['finance'], []],
    ['otherTeacher', other.id, ['teacher'], []],
  ] as const) {
    const user = await createUser(t.db, orgId, { roles: [...roles], schoolIds: [...schools] });
    ids[`user_${key}`] = user.id;
    names[key] = user.displayName;
    as[key] = t.agent();
    await agent(key).login(user.email, PASSWORD);
  }
  as.anonymous = t.agent();
});
after(() => t.close());

describe('registering another person’s account', () => {
  it('offers the staff fitting the audience: every school’s to a manager, their schools’ to a director', async () => {
    ids.open = await session();
    const all = json<Candidate[]>(await agent('manager').get(`/api/training/sessions/${ids.open}/candidates`));
    const got = all.map((c) => c.id).sort();
    // Teachers and directors of the organisation; not the périscolaire, the technician, another city's teacher.
    assert.deepEqual(got, [ids.user_directorA, ids.user_teacherA, ids.user_teacherA2, ids.user_teacherB].sort());
    assert.deepEqual(all.find((c) => c.id === ids.user_teacherB)?.schools, [{ id: ids.b, name: 'École B' }]);
    assert.equal(JSON.stringify(all).includes('@'), false, 'no e-mail address');
    const mine = json<Candidate[]>(await agent('directorA').get(`/api/training/sessions/${ids.open}/candidates`));
    assert.deepEqual(mine.map((c) => c.id).sort(), [ids.user_teacherA, ids.user_teacherA2].sort());
    const searched = json<Candidate[]>(
      await agent('directorA').get(`/api/training/sessions/${ids.open}/candidates`, {
        query: { q: names.teacherA2 as string },
      }),
    );
    assert.deepEqual(
      searched.map((c) => c.id),
      [ids.user_teacherA2],
    );
    const peri = await session({ audience: 'periscolaire' });
    const periCandidates = json<Candidate[]>(await agent('manager').get(`/api/training/sessions/${peri}/candidates`));
    assert.ok(periCandidates.some((c) => c.id === ids.user_periA));
    assert.ok(!periCandidates.some((c) => c.id === ids.user_teacherA));
    assert.equal((await agent('finance').get(`/api/training/sessions/${ids.open}/candidates`)).statusCode, 403);
  });

  it('registers the account picked, counted for its school, and offers it no more', async () => {
    const r = await agent('directorA').post(`/api/training/sessions/${ids.open}/registrations`, {
      userId: ids.user_teacherA,
    });
    assert.equal(r.statusCode, 201, r.body);
    const reg = json<{ userId: string; schoolId: string; name: string }>(r);
    assert.deepEqual([reg.userId, reg.schoolId, reg.name], [ids.user_teacherA, ids.a, names.teacherA]);
    const left = json<Candidate[]>(await agent('directorA').get(`/api/training/sessions/${ids.open}/candidates`));
    assert.deepEqual(
      left.map((c) => c.id),
      [ids.user_teacherA2],
    );
    // Another school's teacher is out of a director's reach.
    const out = await agent('directorA').post(`/api/training/sessions/${ids.open}/registrations`, {
      userId: ids.user_teacherB,
    });
    assert.equal(out.statusCode, 404, out.body);
    const twice = await agent('manager').post(`/api/training/sessions/${ids.open}/registrations`, {
      userId: ids.user_teacherA,
    });
    assert.equal(twice.statusCode, 409);
  });

  it('offers a school’s session only to that school’s staff', async () => {
    const onlyB = await session({ schoolId: ids.b });
    const list = json<Candidate[]>(await agent('manager').get(`/api/training/sessions/${onlyB}/candidates`));
    assert.deepEqual(
      list.map((c) => c.id),
      [ids.user_teacherB],
    );
    assert.equal((await agent('directorA').get(`/api/training/sessions/${onlyB}/candidates`)).statusCode, 404);
  });
});

describe('materials as files', () => {
  it('stores a PDF for the session and serves it as an attachment with nosniff to whoever sees the session', async () => {
    const r = await upload('manager', ids.open as string, PDF, 'application/pdf', 'Diaporama séance 1.pdf');
    assert.equal(r.statusCode, 201, r.body);
    const file = json<FileRow>(r);
    ids.file = file.id;
    assert.deepEqual([file.name, file.mime, file.size], ['Diaporama séance 1.pdf', 'application/pdf', PDF.length]);
    const list = json<FileRow[]>(await agent('teacherA').get(`/api/training/sessions/${ids.open}/files`));
    assert.deepEqual(
      list.map((f) => f.id),
      [file.id],
    );
    const dl = await agent('teacherB').get(`/api/training/files/${file.id}`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-disposition']), /^attachment; filename="Diaporama seance 1.pdf"/);
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.equal(dl.headers['content-type'], 'application/pdf');
    assert.deepEqual(Buffer.from(dl.rawPayload), PDF);
    // The generic file route does not serve it (another permission model).
    assert.equal((await agent('manager').get(`/api/files/${file.id}`)).statusCode, 404);
    assert.equal((await agent('anonymous').get(`/api/training/files/${file.id}`)).statusCode, 401);
  });

  it('refuses disguised types and files over the limit; only training.manage writes', async () => {
    const html = await upload(
      'manager',
      ids.open as string,
      Buffer.from('<html><script>1</script>'),
      'application/pdf',
    );
    assert.equal(html.statusCode, 415);
    const big = await upload(
      'manager',
      ids.open as string,
      Buffer.concat([PDF, Buffer.alloc(5000)]),
      'application/pdf',
    );
    assert.equal(big.statusCode, 413);
    const teacher = await upload('teacherA', ids.open as string, PNG, 'image/png', 'photo.png');
    assert.equal(teacher.statusCode, 403);
    assert.equal((await agent('teacherA').delete(`/api/training/files/${ids.file}`)).statusCode, 403);
  });

  it('keeps a school’s session’s files to those who see it; deletes', async () => {
    const onlyB = await session({ schoolId: ids.b, topic: 'Pour l’école B' });
    const f = json<FileRow>(await upload('technician', onlyB, PNG, 'image/png', 'schéma.png'));
    assert.equal((await agent('teacherA').get(`/api/training/files/${f.id}`)).statusCode, 404);
    assert.equal((await agent('teacherA').get(`/api/training/sessions/${onlyB}/files`)).statusCode, 404);
    assert.equal((await agent('teacherB').get(`/api/training/files/${f.id}`)).statusCode, 200);
    assert.equal((await agent('otherTeacher').get(`/api/training/files/${f.id}`)).statusCode, 404);
    assert.equal((await agent('manager').delete(`/api/training/files/${f.id}`)).statusCode, 204);
    assert.equal((await agent('teacherB').get(`/api/training/files/${f.id}`)).statusCode, 404);
    // A session deleted by mistake takes its files with it.
    const g = json<FileRow>(await upload('manager', onlyB, PDF, 'application/pdf'));
    assert.equal((await agent('manager').delete(`/api/training/sessions/${onlyB}`)).statusCode, 204);
    assert.equal((await agent('manager').get(`/api/training/files/${g.id}`)).statusCode, 404);
    const problem = json<Problem>(await agent('manager').get(`/api/training/files/${g.id}`));
    assert.equal(problem.code, 'NOT_FOUND');
  });
});
