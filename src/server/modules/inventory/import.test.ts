import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
  uai,
} from '../../../../test/helpers/factories.ts';

let t: TestApp;
let admin: ReturnType<TestApp['agent']>;
const schoolUai = uai(7200601);

type Report = {
  format: string;
  rowsRead: number;
  valid: number;
  created: number;
  rejected: { line: number; column: string; reason: string }[];
  written: boolean;
  modelsCreated: string[];
};

before(async () => {
  t = await createTestApp();
  const orgId = (await createOrganisation(t.db)).id;
  await createCatalogue(t.db, orgId);
  await createSchool(t.db, orgId, 7200601, 'École Jean Moulin');
  const user = await createUser(t.db, orgId, { roles: ['admin'] });
  admin = t.agent();
  await admin.login(user.email, PASSWORD);
});
after(() => t.close());

const upload = (body: Buffer | string, query: Record<string, string> = {}, type = 'text/csv') =>
  admin.request('POST', '/api/assets/import', { body, headers: { 'content-type': type }, query });

const SNIPE_HEADER =
  'Asset Tag,Item Name,Serial Number,Category,Model Name,Model Number,Manufacturer,Location,Status,Purchase Date,Purchase Cost,Supplier,Order Number,Warranty Months,Notes';

describe('asset imports', () => {
  it('Snipe-IT CSV: a duplicate tag is reported by line and nothing is written; skip-invalid creates the 3 others', async () => {
    const csv = [
      SNIPE_HEADER,
      `SN-0001,Portable prof,PF1,Ordinateur portable enseignant,Latitude 3440,L3440,Dell,${schoolUai},Deployed,2023-09-01,"649,90",UGAP,CMD-1,36,`,
      'SN-0002,Tablette,TB2,Tablette,iPad 9,A2602,Apple,École Jean Moulin,Ready to Deploy,01/09/2023,329.00,UGAP,CMD-1,24,',
      'SN-0003,Tablette,TB3,Tablette,iPad 9,A2602,Apple,,Ready to Deploy,2023-09-01,329,UGAP,CMD-1,24,=HYPERLINK("x")',
      'SN-0002,Tablette,TB4,Tablette,iPad 9,A2602,Apple,,Ready to Deploy,2023-09-01,329,UGAP,CMD-1,24,',
    ].join('\n');
    const dry = json<Report>(await upload(csv, { dryRun: 'true', createMissing: 'true' }));
    assert.equal(dry.format, 'snipeit');
    assert.equal(dry.valid, 3);
    assert.deepEqual(dry.rejected, [
      { line: 5, column: 'Asset Tag', reason: 'duplicate_tag_in_file', value: 'SN-0002' },
    ]);
    assert.equal(dry.written, false);
    const strict = await upload(csv, { createMissing: 'true' });
    assert.equal(strict.statusCode, 400);
    assert.equal(json<{ errors: { path: string }[] }>(strict).errors[0]?.path, 'line 5, Asset Tag');
    assert.equal(json<{ total: number }>(await admin.get('/api/assets')).total, 0, 'nothing written');
    const done = json<Report>(await upload(csv, { createMissing: 'true', skipInvalid: 'true' }));
    assert.equal(done.created, 3);
    assert.deepEqual(done.modelsCreated.sort(), ['Latitude 3440', 'iPad 9']);
    const laptop = json<{
      items: { purchasePriceCents: number; warrantyEnd: string; status: string; school: { name: string } }[];
    }>(await admin.get('/api/assets', { query: { q: 'SN-0001' } })).items[0];
    assert.equal(laptop?.purchasePriceCents, 64990, '649,90 € in cents, exactly');
    assert.equal(laptop?.warrantyEnd, '2026-09-01');
    assert.equal(laptop?.status, 'deployed');
    assert.equal(laptop?.school.name, 'École Jean Moulin');
    const again = json<Report>(await upload(csv, { createMissing: 'true', skipInvalid: 'true' }));
    assert.equal(again.created, 0, 'tags already registered are refused, not duplicated');
  });

  it('refuses unknown models unless asked to create them, and names unknown schools and statuses', async () => {
    const csv = [SNIPE_HEADER, 'X-1,a,s1,Tablette,Inconnu 3000,,,0720022H,Flying,2023-13-01,abc,,,,'].join('\n');
    const r = json<Report>(await upload(csv, { dryRun: 'true' }));
    const reasons = r.rejected.map((e) => `${e.column}:${e.reason}`).sort();
    assert.deepEqual(reasons, [
      'Location:unknown_school',
      'Model Name:unknown_model',
      'Purchase Cost:invalid_amount',
      'Purchase Date:invalid_date',
      'Status:unknown_status',
    ]);
  });

  it('reads XLSX and GLPI exports, and honours a column mapping', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ordinateurs');
    sheet.addRow(['Nom', 'Statut', 'Fabricant', 'Numéro de série', 'Type', 'Modèle', 'Lieu', "Numéro d'inventaire"]);
    sheet.addRow(['PC-DIR', 'En service', 'HP', 'CZC1', 'Ordinateur fixe', 'ProDesk 400', schoolUai, 'GLPI-0001']);
    sheet.addRow(['PC-BCD', 'En stock', 'HP', 'CZC2', 'Ordinateur fixe', 'ProDesk 400', '', 'GLPI-0002']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await admin.request('POST', '/api/assets/import/preview', {
      body: xlsx,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    assert.equal(preview.statusCode, 200, preview.body);
    const p = json<{ detectedFormat: string; columns: Record<string, string>; sample: unknown[] }>(preview);
    assert.equal(p.detectedFormat, 'glpi');
    assert.equal(p.columns.tag, "Numéro d'inventaire");
    assert.equal(p.sample.length, 2);
    const r = json<Report>(
      await upload(
        xlsx,
        { createMissing: 'true' },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    );
    assert.equal(r.created, 2);

    const custom = ['Code;Appareil;N° série;Où', 'M-1;ProDesk 400;Z9;Ecole Jean Moulin'].join('\n');
    const mapped = json<Report>(
      await upload(custom, {
        format: 'socle',
        mapping: JSON.stringify({ tag: 'Code', model: 'Appareil', serial: 'N° série', location: 'Où' }),
      }),
    );
    assert.equal(mapped.created, 1);
    assert.equal((await upload(custom, { mapping: '{not json' })).statusCode, 400);
  });

  it('is refused without inventory.import and without a file', async () => {
    assert.equal((await admin.post('/api/assets/import', { a: 1 })).statusCode, 415);
    assert.equal((await upload('')).statusCode, 400);
  });
});
