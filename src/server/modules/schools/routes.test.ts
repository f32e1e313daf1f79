import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD, uai } from '../../../../test/helpers/factories.ts';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import { uaiProblem } from '../../../shared/uai.ts';
import { seedDemo } from '../../bootstrap.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../../test/fixtures');
let t: TestApp;

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type List = {
  items: {
    id: string;
    uai: string;
    name: string;
    kind: string;
    priorityEducation: string;
    status: string;
    classesCount: number | null;
  }[];
  total: number;
};

async function importFile(
  agent: ReturnType<TestApp['agent']>,
  body: Buffer | string,
  query: Record<string, string> = {},
) {
  return agent.request('POST', '/api/schools/import', { body, headers: { 'content-type': 'text/csv' }, query });
}

describe('demo organisation', () => {
  it('starts with the real Le Mans public schools and generated classes', async () => {
    const accounts = await seedDemo(t.db);
    const admin = accounts.find((a) => a.role === 'admin');
    assert.ok(admin);
    const agent = t.agent();
    await agent.login(admin.email, admin.password);
    const list = json<List>(await agent.get('/api/schools', { query: { limit: '200', status: 'all' } }));
    assert.ok(list.total >= 68, `${list.total} schools`);
    assert.ok(list.items.every((s) => uaiProblem(s.uai) === null));
    const courboulay = list.items.find((s) => s.uai === '0720022H');
    assert.equal(courboulay?.kind, 'primaire');
    assert.match(courboulay?.name ?? '', /Courboulay/);
    const school = json<{ years: { pupils: number }[]; communeCode: string; latitude: number }>(
      await agent.get(`/api/schools/${courboulay?.id}`),
    );
    assert.equal(school.communeCode, '72181');
    assert.equal(school.years[0]?.pupils, 196);
    const classes = json<{ name: string; generated: boolean; year: number }[]>(
      await agent.get(`/api/schools/${courboulay?.id}/classes`),
    );
    assert.equal(classes.length, 8);
    assert.ok(classes.every((c) => c.generated && c.year === currentSchoolYear()));
    // The director of the demo sees one school.
    const director = accounts.find((a) => a.role === 'director');
    const d = t.agent();
    await d.login(director?.email as string, director?.password as string);
    assert.equal(json<List>(await d.get('/api/schools')).total, 1);
  });
});

describe('imports', () => {
  let agent: ReturnType<TestApp['agent']>;
  before(async () => {
    const org = await createOrganisation(t.db, 'Import city');
    const admin = await createUser(t.db, org.id, { roles: ['admin'] });
    agent = t.agent();
    await agent.login(admin.email, PASSWORD);
  });

  it('imports both Annuaire layouts with the count of écoles of each file, idempotently', async () => {
    const vdm = fs.readFileSync(path.join(fixtures, 'sample_annuaire_val-de-marne_ecoles_publiques_2026.csv'));
    const dry = json<{ created: number; written: boolean; dryRun: boolean }>(
      await importFile(agent, vdm, { dryRun: 'true' }),
    );
    assert.deepEqual(
      { created: dry.created, written: dry.written, dryRun: dry.dryRun },
      { created: 613, written: false, dryRun: true },
    );
    assert.equal(json<List>(await agent.get('/api/schools')).total, 0, 'a dry run writes nothing');

    const first = await importFile(agent, vdm);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(json<{ created: number }>(first).created, 613);
    const again = json<{ created: number; updated: number; unchanged: number }>(await importFile(agent, vdm));
    assert.deepEqual(again, { ...again, created: 0, updated: 0, unchanged: 613 });

    const iev = json<{ created: number; skipped: Record<string, number> }>(
      await importFile(agent, fs.readFileSync(path.join(fixtures, 'sample_annuaire_ille-et-vilaine_2023.csv'))),
    );
    assert.equal(iev.created, 685);
    assert.equal(iev.skipped.not_a_school, 311);
    assert.equal(json<List>(await agent.get('/api/schools', { query: { status: 'all' } })).total, 613 + 685);
    const repPlus = json<List>(await agent.get('/api/schools', { query: { priorityEducation: 'REP+', limit: '100' } }));
    assert.ok(repPlus.items.length > 0 && repPlus.items.every((s) => s.priorityEducation === 'REP+'));
  });

  it('writes nothing when one UAI is bad, and reports that line', async () => {
    const org = await createOrganisation(t.db, 'Bad file city');
    const admin = await createUser(t.db, org.id, { roles: ['manager'] });
    const a = t.agent();
    await a.login(admin.email, PASSWORD);
    const csv = [
      'uai,nom,type',
      `${uai(7200011)},École A,elementaire`,
      '0720022X,École B,elementaire',
      `${uai(7200012)},École C,maternelle`,
    ].join('\n');
    const r = await importFile(a, csv);
    assert.equal(r.statusCode, 400);
    const problem = json<{ code: string; errors: { path: string; code: string }[] }>(r);
    assert.equal(problem.code, 'VALIDATION_FAILED');
    assert.deepEqual(problem.errors, [
      { path: 'line 3, uai', message: 'uai_checksum: 0720022X', code: 'uai_checksum' },
    ]);
    assert.equal(json<List>(await a.get('/api/schools')).total, 0);
    const skipping = json<{ created: number; rejected: unknown[] }>(await importFile(a, csv, { skipInvalid: 'true' }));
    assert.equal(skipping.created, 2);
    assert.equal(skipping.rejected.length, 1);
  });

  it('refuses an unknown layout and a wrong content type; keeps manual corrections on re-import', async () => {
    assert.equal((await importFile(agent, 'a;b\n1;2\n')).statusCode, 400);
    const wrongType = await agent.post('/api/schools/import', { uai: 'x' });
    assert.equal(wrongType.statusCode, 415);
    const list = json<List>(await agent.get('/api/schools', { query: { q: '0940176F' } }));
    const id = list.items[0]?.id as string;
    await agent.patch(`/api/schools/${id}`, { usualName: 'Doisneau', latitude: 48.7 });
    await importFile(
      agent,
      fs.readFileSync(path.join(fixtures, 'sample_annuaire_val-de-marne_ecoles_publiques_2026.csv')),
    );
    const school = json<{ usualName: string }>(await agent.get(`/api/schools/${id}`));
    assert.equal(school.usualName, 'Doisneau', 'usual name kept');
  });

  it('is refused to roles without schools.import', async () => {
    const org = await createOrganisation(t.db);
    const teacher = await createUser(t.db, org.id, { roles: ['technician'] });
    const a = t.agent();
    await a.login(teacher.email, PASSWORD);
    assert.equal((await importFile(a, 'uai,nom\n')).statusCode, 403);
  });
});

describe('school scope and management', () => {
  let orgId: string;
  let mine: string;
  let other: string;
  const agents: Record<string, ReturnType<TestApp['agent']>> = {};

  before(async () => {
    orgId = (await createOrganisation(t.db, 'Scope city')).id;
    mine = (await createSchool(t.db, orgId, 7200201, 'École des Tilleuls')).id;
    other = (await createSchool(t.db, orgId, 7200202, 'École des Chênes')).id;
    for (const role of ['admin', 'manager', 'director', 'teacher', 'technician', 'auditor'] as const) {
      const user = await createUser(t.db, orgId, {
        roles: [role],
        schoolIds: role === 'director' || role === 'teacher' ? [mine] : [],
      });
      agents[role] = t.agent();
      await agents[role].login(user.email, PASSWORD);
    }
  });
  const as = (role: string) => agents[role] as ReturnType<TestApp['agent']>;

  it('a director sees one school and gets 404 on another', async () => {
    const list = json<List>(await as('director').get('/api/schools'));
    assert.deepEqual(
      list.items.map((s) => s.id),
      [mine],
    );
    assert.equal((await as('director').get(`/api/schools/${other}`)).statusCode, 404);
    assert.equal((await as('director').get(`/api/schools/${other}/classes`)).statusCode, 404);
    assert.equal((await as('director').get(`/api/schools/${mine}`)).statusCode, 200);
    const foreign = await createSchool(t.db, (await createOrganisation(t.db)).id, 7200203);
    assert.equal(
      (await as('admin').get(`/api/schools/${foreign.id}`)).statusCode,
      404,
      'another organisation’s school',
    );
  });

  it('creates a school with field-level errors, then edits and closes it', async () => {
    const bad = await as('manager').post('/api/schools', {
      uai: '0720022X',
      name: '',
      kind: 'lycee',
      postcode: '7200',
      latitude: 123,
    });
    assert.equal(bad.statusCode, 400);
    const paths = json<{ errors: { path: string; message: string }[] }>(bad).errors.map((e) => e.path);
    for (const p of ['body.uai', 'body.name', 'body.kind', 'body.postcode', 'body.latitude'])
      assert.ok(paths.includes(p), `${p} in ${paths}`);
    const uaiError = json<{ errors: { path: string; message: string }[] }>(bad).errors.find(
      (e) => e.path === 'body.uai',
    );
    assert.equal(uaiError?.message, 'uai_checksum');

    const created = await as('manager').post('/api/schools', {
      uai: uai(7200204).toLowerCase(),
      name: 'École neuve',
      kind: 'elementaire',
      priorityEducation: 'REP+',
    });
    assert.equal(created.statusCode, 201, created.body);
    const school = json<{ id: string; uai: string; can: { update: boolean } }>(created);
    assert.equal(school.uai, uai(7200204));
    assert.equal(school.can.update, true);
    assert.equal(
      (await as('manager').post('/api/schools', { uai: uai(7200204), name: 'Doublon', kind: 'elementaire' }))
        .statusCode,
      409,
    );
    assert.equal(
      (await as('director').post('/api/schools', { uai: uai(7200205), name: 'x', kind: 'elementaire' })).statusCode,
      403,
    );

    const edited = json<{ usualName: string }>(
      await as('manager').patch(`/api/schools/${school.id}`, { usualName: 'La neuve' }),
    );
    assert.equal(edited.usualName, 'La neuve');
    const closed = json<{ status: string; closedOn: string }>(
      await as('manager').post(`/api/schools/${school.id}/close`, { closedOn: '2026-07-04' }),
    );
    assert.equal(closed.status, 'closed');
    assert.ok(
      !json<List>(await as('manager').get('/api/schools')).items.some((s) => s.id === school.id),
      'closed schools leave the default list',
    );
    assert.ok(
      json<List>(await as('manager').get('/api/schools', { query: { status: 'closed' } })).items.some(
        (s) => s.id === school.id,
      ),
    );
    assert.equal(json<{ status: string }>(await as('manager').post(`/api/schools/${school.id}/reopen`)).status, 'open');
    assert.equal(
      (await as('manager').delete(`/api/schools/${school.id}`)).statusCode,
      204,
      'unreferenced: may be deleted',
    );
    assert.equal(
      (await as('manager').delete(`/api/schools/${mine}`)).statusCode,
      409,
      'referenced by users: close it instead',
    );
  });

  it('manages network facts (technician), rooms and classes (director of the school)', async () => {
    const net = await as('technician').put(`/api/schools/${mine}/network`, {
      internetAccess: 'fibre',
      bandwidthDownMbps: 300,
      wiredNetwork: 'partial',
      wifiPresent: true,
      conseilEcoleInformedOn: '2025-11-12',
    });
    assert.equal(net.statusCode, 200, net.body);
    assert.equal(json<{ network: { bandwidthDownMbps: number } }>(net).network.bandwidthDownMbps, 300);
    assert.equal((await as('director').put(`/api/schools/${mine}/network`, { bandwidthDownMbps: 1 })).statusCode, 403);
    assert.equal(
      (await as('technician').put(`/api/schools/${mine}/network`, { bandwidthDownMbps: -5 })).statusCode,
      400,
    );

    const building = json<{ id: string }>(
      await as('director').post(`/api/schools/${mine}/buildings`, { name: 'Bâtiment A' }),
    );
    const room = await as('director').post(`/api/schools/${mine}/rooms`, { name: 'Salle 1', buildingId: building.id });
    assert.equal(room.statusCode, 201, room.body);
    const roomId = json<{ id: string }>(room).id;
    assert.equal((await as('director').post(`/api/schools/${mine}/rooms`, { name: 'Salle 1' })).statusCode, 409);
    const cls = await as('director').post(`/api/schools/${mine}/classes`, {
      name: 'CP-CE1',
      levels: ['CP', 'CE1'],
      pupils: 24,
      roomId,
    });
    assert.equal(cls.statusCode, 201, cls.body);
    const clsId = json<{ id: string }>(cls).id;
    const second = await as('director').post(`/api/schools/${mine}/classes`, { name: 'CE2', levels: ['CE2'], roomId });
    assert.equal(second.statusCode, 409, 'one class per classroom per year');
    const rooms = json<{ name: string; currentClass: { name: string } | null }[]>(
      await as('teacher').get(`/api/schools/${mine}/rooms`),
    );
    assert.equal(rooms[0]?.currentClass?.name, 'CP-CE1');
    assert.equal(
      (await as('teacher').post(`/api/schools/${mine}/classes`, { name: 'X', levels: ['CP'] })).statusCode,
      403,
    );
    assert.equal(
      (await as('director').post(`/api/schools/${other}/classes`, { name: 'X', levels: ['CP'] })).statusCode,
      404,
    );
    const otherRoom = json<{ id: string }>(
      await as('manager').post(`/api/schools/${other}/rooms`, { name: 'Salle X' }),
    );
    const cross = await as('director').patch(`/api/classes/${clsId}`, { roomId: otherRoom.id });
    assert.equal(cross.statusCode, 400, 'a room of another school');
    assert.equal(
      (await as('director').post(`/api/schools/${mine}/classes`, { name: 'Y', levels: ['6e'] })).statusCode,
      400,
    );
    assert.equal(
      json<{ pupils: number }>(await as('director').patch(`/api/classes/${clsId}`, { pupils: 25 })).pupils,
      25,
    );
    assert.equal((await as('director').delete(`/api/classes/${clsId}`)).statusCode, 204);
    assert.equal(
      json<{ archived: boolean }>(await as('director').patch(`/api/rooms/${roomId}`, { archived: true })).archived,
      true,
    );
  });

  it('exports the filtered list as CSV and XLSX, neutralising formulas', async () => {
    await as('manager').patch(`/api/schools/${mine}`, { usualName: '=HYPERLINK("http://evil")' });
    const csv = await as('auditor').get('/api/schools/export', { query: { format: 'csv' } });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="ecoles-/);
    assert.match(csv.body, /'=HYPERLINK/);
    assert.match(csv.body, /École des Tilleuls/);
    const xlsx = await as('auditor').get('/api/schools/export', { query: { format: 'xlsx' } });
    assert.equal(xlsx.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet?.getRow(1).getCell(1).value, 'uai');
    const values = JSON.stringify(sheet?.getSheetValues());
    assert.match(values, /'=HYPERLINK/);
    const director = await as('director').get('/api/schools/export');
    assert.equal(director.body.trim().split('\n').length, 2, 'header + own school');
  });

  it('offers school choices for pickers, within reach', async () => {
    const found = json<{ id: string; name: string }[]>(
      await as('manager').get('/api/schools/options', { query: { q: 'chên' } }),
    );
    assert.deepEqual(
      found.map((s) => s.id),
      [other],
    );
    const byIds = json<{ id: string }[]>(
      await as('manager').get('/api/schools/options', { query: { ids: `${mine},${other}` } }),
    );
    assert.equal(byIds.length, 2);
    const director = json<{ id: string }[]>(
      await as('director').get('/api/schools/options', { query: { ids: `${mine},${other}` } }),
    );
    assert.deepEqual(
      director.map((s) => s.id),
      [mine],
    );
    assert.equal((await as('manager').get('/api/schools/options', { query: { ids: 'x' } })).statusCode, 400);
  });

  it('lists map points with coordinates only', async () => {
    await as('manager').patch(`/api/schools/${mine}`, { latitude: 48.0, longitude: 0.2 });
    const points = json<{ id: string }[]>(await as('director').get('/api/schools/map'));
    assert.deepEqual(
      points.map((p) => p.id),
      [mine],
    );
  });
});

describe('facets and buildings', () => {
  it('lists filter choices with counts, within reach', async () => {
    const org = await createOrganisation(t.db, 'Facet city');
    const admin = await createUser(t.db, org.id, { roles: ['admin'] });
    const a = t.agent();
    await a.login(admin.email, PASSWORD);
    const vdm = fs.readFileSync(path.join(fixtures, 'sample_annuaire_val-de-marne_ecoles_publiques_2026.csv'));
    await importFile(a, vdm);
    const facets = json<{
      priorityEducation: { value: string; count: number }[];
      communes: { value: string; label: string; count: number }[];
    }>(await a.get('/api/schools/facets'));
    assert.equal(facets.priorityEducation.find((f) => f.value === 'REP+')?.count, 22);
    assert.ok(facets.communes.some((c) => c.value === '94034' && c.label === 'Fresnes'));
  });

  it('renames and deletes an empty building; a dry run counts valid rows despite invalid ones', async () => {
    const org = await createOrganisation(t.db, 'Building city');
    const school = await createSchool(t.db, org.id, 7200701);
    const admin = await createUser(t.db, org.id, { roles: ['admin'] });
    const a = t.agent();
    await a.login(admin.email, PASSWORD);
    const b = json<{ id: string }>(await a.post(`/api/schools/${school.id}/buildings`, { name: 'Bât. A' }));
    assert.equal(
      json<{ name: string }>(await a.patch(`/api/buildings/${b.id}`, { name: 'Bâtiment A' })).name,
      'Bâtiment A',
    );
    await a.post(`/api/schools/${school.id}/rooms`, { name: 'Salle 1', buildingId: b.id });
    assert.equal((await a.delete(`/api/buildings/${b.id}`)).statusCode, 409);
    const empty = json<{ id: string }>(await a.post(`/api/schools/${school.id}/buildings`, { name: 'Préfabriqué' }));
    assert.equal((await a.delete(`/api/buildings/${empty.id}`)).statusCode, 204);
    const csv = ['uai,nom,type', `${uai(7200702)},École A,elementaire`, '0720022X,École B,elementaire'].join('\n');
    const dry = json<{ created: number; rejected: unknown[]; written: boolean }>(
      await importFile(a, csv, { dryRun: 'true' }),
    );
    assert.deepEqual(
      { created: dry.created, rejected: dry.rejected.length, written: dry.written },
      { created: 1, rejected: 1, written: false },
    );
  });
});
