import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { pdfTexts } from '../../../../test/helpers/pdf.ts';
import { formatEuros, type GapReport, gapItemLabel, gapPdf, gapXlsx } from './gap-export.ts';
import { EUR_FORMAT } from './plan-export.ts';

const EUR = 100;
type Item = GapReport['schools'][number]['items'][number];

function item(
  criterionKey: string,
  label: string,
  kind: Item['kind'],
  quantity: number,
  unitCents: number,
  extra: Partial<Item> = {},
): Item {
  const installCents = extra.installCents ?? 0;
  return {
    criterionKey,
    classId: null,
    label,
    kind,
    categoryCode: kind === 'equipment' ? label : null,
    quantity,
    unitCents,
    installCents,
    totalCents: quantity * (unitCents + installCents),
    className: null,
    ...extra,
  };
}

const evil = "=cmd|' /C calc'!A0";
const schoolA = [
  item('class_projection', 'vpi', 'equipment', 1, 1_200 * EUR, {
    installCents: 150 * EUR,
    classId: '00000000-0000-4000-8000-0000000000c1',
    className: 'CM1 A',
  }),
  item('internet', 'internet', 'works', 1, 2_000 * EUR),
  item('services', '+33 ENT académique', 'service', 1, 450 * EUR + 50),
];
const schoolB = [
  item('pupil_devices', 'tablet', 'equipment', 12, 399 * EUR),
  item('pupil_devices', 'MDM', 'service', 12, 15 * EUR),
  item('wifi', 'wifi_switch', 'works', 2, 80 * EUR),
  item('training', 'training', 'training', 3, 300 * EUR),
];
const sumOf = (items: Item[]) => items.reduce((n, i) => n + i.totalCents, 0);

function totalsBy<K extends string>(items: Item[], key: (i: Item) => K) {
  const m = new Map<K, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + i.totalCents);
  return m;
}

const criteria = [
  ['class_projection', 'Vidéoprojection en classe', 'Classroom projection'],
  ['pupil_devices', 'Équipements mobiles pour les élèves', 'Pupil devices'],
  ['internet', 'Accès à internet', 'Internet access'],
  ['wifi', 'Wifi', 'Wifi'],
  ['services', 'Services numériques', 'Digital services'],
  ['training', 'Formation', 'Training'],
  ['school_server', 'Serveur', 'Server'],
] as const;

function makeReport(schools: GapReport['schools']): GapReport {
  const all = schools.flatMap((s) => s.items);
  return {
    grid: { version: 3, name: 'SNEE 2021 — ville', stored: true },
    on: '2026-11-28',
    criteria: criteria.map(([key, labelFr, labelEn]) => ({
      key,
      labelFr,
      labelEn,
      level: key === 'class_projection' ? ('class' as const) : ('school' as const),
      required: true,
      weight: 1,
    })),
    categories: {
      vpi: { nameFr: 'Vidéoprojecteur interactif', nameEn: 'Interactive projector' },
      tablet: { nameFr: 'Tablette', nameEn: 'Tablet' },
    },
    totals: {
      schools: schools.length,
      gapCents: sumOf(all),
      complete: schools.every((s) => s.gapComplete),
      byCriterion: [...totalsBy(all, (i) => i.criterionKey)].map(([key, cents]) => ({ key, cents })),
      byKind: [...totalsBy(all, (i) => i.kind)].map(([kind, cents]) => ({ kind, cents })),
    },
    schools,
  };
}

const report = makeReport([
  {
    id: '00000000-0000-4000-8000-00000000000a',
    uai: '0720001A',
    name: evil,
    classesTotal: 8,
    classesAtSocle: 3,
    gapCents: sumOf(schoolA),
    gapComplete: false,
    items: schoolA,
  },
  {
    id: '00000000-0000-4000-8000-00000000000b',
    uai: '0720002B',
    name: 'École élémentaire Jean Jaurès',
    classesTotal: 5,
    classesAtSocle: 5,
    gapCents: sumOf(schoolB),
    gapComplete: true,
    items: schoolB,
  },
]);
const opts = { organisationName: 'Ville du Mans' };

async function load(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return wb;
}

/** The rows of a sheet (values from column A), asserting no cell is a formula. */
function rowsOf(sheet: ExcelJS.Worksheet | undefined) {
  assert.ok(sheet);
  const out: { values: ExcelJS.CellValue[]; row: ExcelJS.Row }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `no formula at ${cell.address}`));
    out.push({ values: (row.values as ExcelJS.CellValue[]).slice(1), row });
  });
  return out;
}

/** WinAnsi (cp1252): Latin-1 but for 0x80–0x9F (€, ’, —, …, œ). */
describe('baseline gap export', () => {
  it('labels items: category names, fixed labels translated, service names kept', () => {
    const [a, b] = report.schools;
    assert.ok(a && b);
    assert.deepEqual(
      [...a.items, ...b.items].map((i) => gapItemLabel(report, i, 'fr')),
      [
        'Vidéoprojecteur interactif',
        'Raccordement / montée en débit internet',
        '+33 ENT académique',
        'Tablette',
        'Inscription au MDM',
        'Interrupteur de coupure du wifi',
        'Formation d’enseignants',
      ],
    );
    assert.deepEqual(
      [...a.items, ...b.items].map((i) => gapItemLabel(report, i, 'en')),
      [
        'Interactive projector',
        'Internet connection upgrade',
        '+33 ENT académique',
        'Tablet',
        'MDM enrolment',
        'Wifi cut-off switch',
        'Teacher training',
      ],
    );
    // A service named like a fixed label keeps its name; an unknown category shows its code.
    assert.equal(gapItemLabel(report, { kind: 'service', label: 'training', categoryCode: null }, 'en'), 'training');
    assert.equal(gapItemLabel(report, { kind: 'equipment', label: 'nas', categoryCode: 'nas' }, 'fr'), 'nas');
    assert.equal(formatEuros(1_234_567, 'fr'), '12 345,67 €');
    assert.equal(formatEuros(1_234_567, 'en'), '€12,345.67');
  });

  it('the French workbook: summary, schools, items; euros as numbers, neutralised text, no formula', async () => {
    const wb = await load(await gapXlsx(report, { ...opts, lang: 'fr' }));
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['Synthèse', 'Écoles', 'Éléments'],
    );

    const summary = rowsOf(wb.getWorksheet('Synthèse'));
    const byLabel = new Map(summary.map((r) => [String(r.values[0]).trim(), r]));
    assert.equal(summary[0]?.values[0], 'Écart au socle numérique — Ville du Mans');
    assert.equal(byLabel.get('Collectivité')?.values[1], 'Ville du Mans');
    assert.equal(byLabel.get('Grille du socle')?.values[1], 'SNEE 2021 — ville (version 3)');
    assert.equal(byLabel.get('Au')?.values[1], '28 novembre 2026');
    assert.equal(byLabel.get('Écoles sous le socle')?.values[1], 2);
    const gap = byLabel.get('Écart total (HT)');
    assert.equal(gap?.values[1], report.totals.gapCents / 100);
    assert.equal(gap?.row.getCell(2).numFmt, EUR_FORMAT);
    assert.equal(byLabel.get('Chiffrage complet')?.values[1], 'non');
    // Every criterion of the grid, in its order, 0 € when it has no gap.
    assert.equal(byLabel.get('Équipements mobiles pour les élèves')?.values[1], (12 * 399 + 12 * 15) * 1);
    assert.equal(byLabel.get('Serveur')?.values[1], 0);
    assert.equal(byLabel.get('Vidéoprojection en classe')?.row.getCell(2).numFmt, EUR_FORMAT);
    const criterionSum = criteria.reduce((n, [, fr]) => n + Number(byLabel.get(fr)?.values[1] ?? 0), 0);
    assert.equal(Math.round(criterionSum * 100), report.totals.gapCents);
    assert.deepEqual(
      ['équipement', 'services', 'travaux', 'formation'].map((k) => byLabel.get(k)?.values[1]),
      [1_350 + 12 * 399, 450.5 + 12 * 15, 2_000 + 160, 900],
    );

    const schools = rowsOf(wb.getWorksheet('Écoles'));
    assert.deepEqual(schools[0]?.values, ['UAI', 'École', 'Classes au socle', 'Classes', 'Écart', 'Chiffrage complet']);
    assert.deepEqual(schools[1]?.values, ['0720001A', `'${evil}`, 3, 8, 3_800.5, 'non']);
    assert.deepEqual(schools[2]?.values, ['0720002B', 'École élémentaire Jean Jaurès', 5, 5, 6_028, 'oui']);
    assert.equal(schools[1]?.row.getCell(5).numFmt, EUR_FORMAT);
    assert.equal(schools.at(-1)?.values[0], 'Total');
    assert.equal(schools.at(-1)?.values[4], report.totals.gapCents / 100);

    const items = rowsOf(wb.getWorksheet('Éléments'));
    assert.equal(items.length, 1 + 7 + 1);
    assert.deepEqual(items[1]?.values, [
      '0720001A',
      `'${evil}`,
      'CM1 A',
      'Vidéoprojection en classe',
      'Vidéoprojecteur interactif',
      'équipement',
      1,
      1_200,
      150,
      1_350,
    ]);
    assert.equal(items[3]?.values[4], "'+33 ENT académique", 'a label starting with + is neutralised');
    assert.equal(items[3]?.values[7], 450.5);
    for (const c of [8, 9, 10]) assert.equal(items[1]?.row.getCell(c).numFmt, EUR_FORMAT);
    assert.equal(items[5]?.values[4], 'Inscription au MDM');
    assert.equal(items[5]?.values[2], '');
    const total = items.at(-1);
    assert.equal(total?.values[0], 'Total');
    assert.equal(total?.row.getCell(10).value, report.totals.gapCents / 100);
    assert.equal(total?.row.getCell(10).numFmt, EUR_FORMAT);
  });

  it('the English workbook', async () => {
    const wb = await load(await gapXlsx(report, { ...opts, lang: 'en' }));
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['Summary', 'Schools', 'Items'],
    );
    const summary = rowsOf(wb.getWorksheet('Summary'));
    assert.equal(summary[0]?.values[0], 'Gap to the digital baseline — Ville du Mans');
    const labels = summary.map((r) => String(r.values[0]).trim());
    for (const l of ['Classroom projection', 'Pupil devices', 'equipment', 'services', 'works', 'training'])
      assert.ok(labels.includes(l), l);
    const items = rowsOf(wb.getWorksheet('Items'));
    assert.deepEqual(items[0]?.values.slice(0, 5), ['UAI', 'School', 'Class', 'Criterion', 'Item']);
    assert.equal(items[2]?.values[4], 'Internet connection upgrade');
    assert.equal(items[2]?.values[5], 'works');
  });

  it('the PDF: A4, numbered pages, the title, totals, schools and their items', async () => {
    const bytes = await gapPdf(report, { ...opts, lang: 'fr' });
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    const doc = await PDFDocument.load(bytes);
    assert.ok(doc.getPageCount() >= 1);
    const { width, height } = doc.getPage(0).getSize();
    assert.deepEqual([Math.round(width), Math.round(height)], [595, 842]);
    const pages = await pdfTexts(bytes);
    const text = pages.join('\n');
    assert.match(text, /Écart au socle numérique — Ville du Mans/);
    assert.ok(text.includes(evil), 'the school name, as is (a PDF runs no formula)');
    assert.ok(text.includes('École élémentaire Jean Jaurès'));
    assert.ok(text.includes('28 novembre 2026'));
    assert.ok(text.includes(formatEuros(report.totals.gapCents, 'fr')));
    assert.ok(text.includes('9 828,50 €'));
    assert.ok(text.includes('3 / 8'));
    assert.ok(text.includes('Vidéoprojecteur interactif'));
    assert.ok(text.includes('Formation d’enseignants'));
    for (const [i, p] of pages.entries()) assert.ok(p.includes(`Page ${i + 1} / ${pages.length}`));
  });

  it('the English PDF; long names cut to fit', async () => {
    const long = 'École maternelle et élémentaire '.repeat(10);
    const r = makeReport([{ ...(report.schools[1] as GapReport['schools'][number]), name: long }]);
    const text = (await pdfTexts(await gapPdf(r, { ...opts, lang: 'en' }))).join('\n');
    assert.match(text, /Gap to the digital baseline — Ville du Mans/);
    assert.ok(text.includes('€6,028.00'));
    assert.ok(text.includes('Teacher training'));
    assert.ok(!text.includes(long));
    assert.ok(text.includes(`${long.slice(0, 40)}`));
    assert.match(text, /École maternelle[^\n]*…/);
  });

  it('a large city (300 schools × 30 items) gives both files', async () => {
    const big = makeReport(
      Array.from({ length: 300 }, (_, s) => {
        const items = Array.from({ length: 30 }, (_, i) =>
          item(
            criteria[i % 6]?.[0] ?? 'wifi',
            i % 2 ? 'vpi' : `+Service ${i} ’ œ`,
            i % 2 ? 'equipment' : 'service',
            1 + (i % 4),
            (100 + i) * EUR,
            {
              className: i % 3 ? `Classe ${i}` : null,
            },
          ),
        );
        return {
          id: `00000000-0000-4000-8000-${String(s).padStart(12, '0')}`,
          uai: `07${String(s).padStart(5, '0')}X`,
          name: `École ${s} — groupe scolaire du quartier nord`,
          classesTotal: 10,
          classesAtSocle: s % 10,
          gapCents: sumOf(items),
          gapComplete: s % 7 !== 0,
          items,
        };
      }),
    );
    const xlsx = await gapXlsx(big, { ...opts, lang: 'fr' });
    const wb = await load(xlsx);
    assert.equal(wb.getWorksheet('Éléments')?.rowCount, 1 + 300 * 30 + 1);
    const pdf = await gapPdf(big, { ...opts, lang: 'fr' });
    const doc = await PDFDocument.load(pdf);
    assert.ok(doc.getPageCount() > 100);
  });
});
