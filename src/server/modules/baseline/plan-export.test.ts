import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { planWorkbook } from './plan-export.ts';
import { type PlanSchool, plan } from './planner.ts';

const EUR = 100;

function school(uai: string, name: string, items: [string, number, number][]): PlanSchool {
  return {
    id: `id-${uai}`,
    uai,
    name,
    priorityEducation: 'REP',
    ips: 90,
    pupils: 120,
    classes: 5,
    classesAtSocle: 1,
    atSocle: false,
    devicesPerPupil: 0.1,
    equipmentAgeYears: 6,
    gap: items.map(([label, quantity, unitCents]) => ({
      criterionKey: 'class_projection',
      classId: null,
      label,
      kind: 'equipment' as const,
      categoryCode: 'vpi',
      quantity,
      unitCents,
      installCents: 150 * EUR,
      totalCents: quantity * unitCents + 150 * EUR,
    })),
    gapComplete: true,
  };
}

const schools = [
  school('0720001A', '=HYPERLINK("http://evil.example","clic")', [
    ['VPI', 4, 1_200 * EUR],
    ['+33 tablettes', 1, 99 * EUR + 99],
  ]),
  school('0720002B', 'École Jean Jaurès', [['VPI', 4, 1_300 * EUR]]),
  { ...school('0720003C', 'École au socle', []), atSocle: true, classesAtSocle: 5 },
];
const result = plan(schools, {
  budgetCents: 6_000 * EUR,
  budgetBasis: 'own_share',
  objective: 'classes',
  weights: { repPlus: 0, rep: 1, lowIps: 0, lowDevices: 0, oldEquipment: 0 },
  funders: [
    { name: 'État — SNEE', rules: { equipment: { kind: 'flat', rateBp: 7000 } }, caps: { perClassCents: 2_000 * EUR } },
  ],
  period: { start: '2026-01-01', end: '2027-12-31' },
});
const opts = { planName: 'Plan 2026', gridName: 'SNEE 2021', organisationName: 'Ville du Mans' };

async function load(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return wb;
}

function rowsOf(sheet: ExcelJS.Worksheet | undefined) {
  assert.ok(sheet);
  const out: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `no formula at ${cell.address}`));
    out.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return out;
}

describe('baseline plan export', () => {
  it('the French workbook: summary, schools and items, numbers as numbers, no formula', async () => {
    assert.equal(result.totals.schoolsSelected, 2);
    const wb = await load(await planWorkbook(result, { ...opts, locale: 'fr' }));
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['Synthèse', 'Écoles', 'Achats'],
    );

    const summary = rowsOf(wb.getWorksheet('Synthèse'));
    const byLabel = new Map(summary.map((r) => [String(r[0]).trim(), r[1]]));
    assert.equal(byLabel.get('Collectivité'), 'Ville du Mans');
    assert.equal(byLabel.get('Période'), '01/01/2026 → 31/12/2027');
    assert.equal(byLabel.get('Budget'), 6_000);
    assert.equal(byLabel.get('Base du budget'), 'part communale (après aides)');
    assert.equal(byLabel.get('REP'), 1);
    assert.equal(byLabel.get('Dépense totale (HT)'), result.totals.spendCents / 100);
    assert.equal(byLabel.get('Aides'), result.totals.aidCents / 100);
    assert.equal(byLabel.get('Part communale'), result.totals.ownShareCents / 100);
    assert.equal(byLabel.get('Classes portées au socle'), 8);
    const funderRow = summary.find((r) => r[1] === 'État — SNEE');
    assert.deepEqual(
      funderRow?.slice(0, 8).map((v) => (typeof v === 'string' ? v.replace(/\s/g, ' ') : v)),
      [1, 'État — SNEE', '70 %', '—', '—', '—', '2 000 € par classe', result.totals.aidCents / 100],
    );
    assert.equal(result.totals.aidCents, 738_499); // 70 % of 10,549.99 €, rounded down, under the cap of 10 × 2,000 €
    const sheet = wb.getWorksheet('Synthèse') as ExcelJS.Worksheet;
    let budgetFormat = '';
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Budget') budgetFormat = row.getCell(2).numFmt;
    });
    assert.equal(budgetFormat, '#,##0.00 "€"');

    const rows = rowsOf(wb.getWorksheet('Écoles'));
    assert.equal(rows[0]?.[0], 'Rang');
    assert.equal(rows.length, 1 + schools.length);
    const hyperlink = rows.find((r) => r[3] === '0720001A');
    assert.equal(hyperlink?.[2], '\'=HYPERLINK("http://evil.example","clic")');
    assert.equal(hyperlink?.[1], 'retenue');
    assert.equal(hyperlink?.[4], 4);
    assert.equal(Math.round((hyperlink?.[5] as number) * 100), 519_999);
    assert.equal(hyperlink?.[11], 1, 'REP factor × weight');
    assert.equal(rows.find((r) => r[3] === '0720003C')?.[1], 'déjà au socle');

    const items = rowsOf(wb.getWorksheet('Achats'));
    assert.deepEqual(items[0], [
      'École',
      'UAI',
      'Critère',
      'Libellé',
      'Nature',
      'Catégorie',
      'Quantité',
      'Prix unitaire',
      'Installation',
      'Total',
    ]);
    assert.equal(items.length, 1 + 3 + 1);
    const tablets = items.find((r) => r[3] === "'+33 tablettes");
    assert.deepEqual(tablets, [
      '\'=HYPERLINK("http://evil.example","clic")',
      '0720001A',
      'class_projection',
      "'+33 tablettes",
      'équipement',
      'vpi',
      1,
      99.99,
      150,
      249.99,
    ]);
    const last = items[items.length - 1];
    assert.equal(last?.[0], 'Total');
    assert.equal(last?.[9], result.totals.spendCents / 100);
  });

  it('the English workbook', async () => {
    const wb = await load(await planWorkbook(result, { ...opts, locale: 'en' }));
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['Summary', 'Schools', 'Items'],
    );
    const summary = rowsOf(wb.getWorksheet('Summary'));
    const byLabel = new Map(summary.map((r) => [String(r[0]).trim(), r[1]]));
    assert.equal(byLabel.get('Budget basis'), 'own share (after aid)');
    assert.equal(byLabel.get('Period'), '2026-01-01 → 2027-12-31');
    assert.equal(byLabel.get('Own share'), result.totals.ownShareCents / 100);
    assert.equal(rowsOf(wb.getWorksheet('Schools'))[0]?.[4], 'Classes gained');
  });
});
