import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { neutralise } from '../../http/export.ts';
import { CONTENT_WIDTH, type Col, Metrics, PageWriter } from '../../pdf/writer.ts';
import { EUR_FORMAT } from './plan-export.ts';
import { ITEM_KINDS, type ItemKind } from './planner.ts';
import type { gapReport } from './service.ts';

/**
 * The exports of the socle numérique gap (issue #7 point 3): an XLSX
 * ("Synthèse", "Écoles", "Éléments") and a printable PDF (A4 portrait,
 * totals, one row per school, then each school's items). French or English
 * labels inside the files. In the XLSX, amounts are numbers in euros (two
 * decimals, EUR_FORMAT) and text cells go through `neutralise` (never a
 * formula, whatever a school or item is called). The PDF uses the standard
 * Helvetica fonts (WinAnsi: French accents, €, —, ’ are covered; other
 * characters become "?"), as the other PDFs of the project do.
 */

export type GapReport = Awaited<ReturnType<typeof gapReport>>;
export type GapLang = 'fr' | 'en';
export type GapExportOptions = { lang: GapLang; organisationName: string };
type GapItem = GapReport['schools'][number]['items'][number];

const T = {
  fr: {
    sheets: { summary: 'Synthèse', schools: 'Écoles', items: 'Éléments' },
    title: 'Écart au socle numérique',
    organisation: 'Collectivité',
    grid: 'Grille du socle',
    version: 'version',
    presetGrid: 'préréglage, non enregistrée',
    on: 'Au',
    schools: 'Écoles sous le socle',
    gap: 'Écart total (HT)',
    complete: 'Chiffrage complet',
    byCriterion: 'Écart par critère',
    byKind: 'Écart par nature',
    kinds: { equipment: 'équipement', service: 'services', works: 'travaux', training: 'formation' },
    yes: 'oui',
    no: 'non',
    schoolColumns: ['UAI', 'École', 'Classes au socle', 'Classes', 'Écart', 'Chiffrage complet'],
    itemColumns: [
      'UAI',
      'École',
      'Classe',
      'Critère',
      'Élément',
      'Nature',
      'Quantité',
      'Prix unitaire',
      'Installation',
      'Total',
    ],
    total: 'Total',
    fixed: {
      internet: 'Raccordement / montée en débit internet',
      wifi_switch: 'Interrupteur de coupure du wifi',
      MDM: 'Inscription au MDM',
      training: 'Formation d’enseignants',
    },
    pdf: {
      schoolsTitle: 'Écoles',
      schoolColumns: ['UAI', 'École', 'Classes au socle', 'Écart'],
      itemsTitle: 'Éléments par école',
      itemColumns: ['Élément', 'Classe', 'Quantité', 'Total'],
      continued: '(suite)',
      incomplete: '* chiffrage incomplet : une partie de l’écart n’a pas de prix connu.',
      incompleteShort: 'chiffrage incomplet',
      criterion: 'Critère',
      kind: 'Nature',
      amount: 'Montant',
      none: 'Aucune école sous le socle.',
      page: (n: number, of: number) => `Page ${n} / ${of}`,
    },
  },
  en: {
    sheets: { summary: 'Summary', schools: 'Schools', items: 'Items' },
    title: 'Gap to the digital baseline',
    organisation: 'Local authority',
    grid: 'Baseline grid',
    version: 'version',
    presetGrid: 'preset, not saved',
    on: 'On',
    schools: 'Schools below the baseline',
    gap: 'Total gap (excl. VAT)',
    complete: 'Complete pricing',
    byCriterion: 'Gap by criterion',
    byKind: 'Gap by kind',
    kinds: { equipment: 'equipment', service: 'services', works: 'works', training: 'training' },
    yes: 'yes',
    no: 'no',
    schoolColumns: ['UAI', 'School', 'Classes at the baseline', 'Classes', 'Gap', 'Complete pricing'],
    itemColumns: [
      'UAI',
      'School',
      'Class',
      'Criterion',
      'Item',
      'Kind',
      'Quantity',
      'Unit price',
      'Installation',
      'Total',
    ],
    total: 'Total',
    fixed: {
      internet: 'Internet connection upgrade',
      wifi_switch: 'Wifi cut-off switch',
      MDM: 'MDM enrolment',
      training: 'Teacher training',
    },
    pdf: {
      schoolsTitle: 'Schools',
      schoolColumns: ['UAI', 'School', 'Classes at the baseline', 'Gap'],
      itemsTitle: 'Items by school',
      itemColumns: ['Item', 'Class', 'Quantity', 'Total'],
      continued: '(continued)',
      incomplete: '* incomplete pricing: part of the gap has no known price.',
      incompleteShort: 'incomplete pricing',
      criterion: 'Criterion',
      kind: 'Kind',
      amount: 'Amount',
      none: 'No school below the baseline.',
      page: (n: number, of: number) => `Page ${n} / ${of}`,
    },
  },
} as const;

/**
 * The fixed labels the rules give to items that are not a category or a
 * service (rules.ts `gapOf`), with the kind they come with: a service
 * that happens to be called "training" keeps its name.
 */
const FIXED_KIND: Record<keyof (typeof T)['fr']['fixed'], ItemKind> = {
  internet: 'works',
  wifi_switch: 'works',
  MDM: 'service',
  training: 'training',
};

const euros = (cents: number) => cents / 100;
const txt = (v: string | null | undefined) => (v === null || v === undefined ? null : (neutralise(v) as string));

// One formatter per language (building one per call costs more than the formatting).
const DATES = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const MONEY = {
  fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

function formatDate(iso: string, lang: GapLang): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : DATES[lang].format(d);
}

/** "12 345,67 €" / "€12,345.67", with plain spaces (the narrow no-break space is not in WinAnsi). */
export function formatEuros(cents: number, lang: GapLang): string {
  return MONEY[lang].format(cents / 100).replace(/[\u202f\u00a0]/g, ' ');
}

function criterionLabels(report: GapReport, lang: GapLang): Map<string, string> {
  return new Map(report.criteria.map((c) => [c.key, lang === 'fr' ? c.labelFr : c.labelEn]));
}

/** What an item is, in words: the category's name, a fixed label translated, or the service's name. */
export function gapItemLabel(report: GapReport, item: Pick<GapItem, 'kind' | 'label' | 'categoryCode'>, lang: GapLang) {
  if (item.kind === 'equipment') {
    const c = item.categoryCode ? report.categories[item.categoryCode] : undefined;
    return c ? (lang === 'fr' ? c.nameFr : c.nameEn) : item.label;
  }
  if (Object.hasOwn(FIXED_KIND, item.label)) {
    const key = item.label as keyof typeof FIXED_KIND;
    if (FIXED_KIND[key] === item.kind) return T[lang].fixed[key];
  }
  return item.label;
}

const kindLabel = (kind: string, lang: GapLang) => (T[lang].kinds as Record<string, string>)[kind] ?? kind;

function gridLine(report: GapReport, lang: GapLang): string {
  const t = T[lang];
  return report.grid.stored
    ? `${report.grid.name} (${t.version} ${report.grid.version})`
    : `${report.grid.name} (${t.presetGrid})`;
}

/** Criteria in the grid's order (every one, 0 € when it has no gap), then any other key of the totals. */
function byCriterionRows(report: GapReport, lang: GapLang): { label: string; cents: number }[] {
  const labels = criterionLabels(report, lang);
  const cents = new Map(report.totals.byCriterion.map((c) => [c.key, c.cents]));
  const out = report.criteria.map((c) => ({ label: labels.get(c.key) ?? c.key, cents: cents.get(c.key) ?? 0 }));
  for (const c of report.totals.byCriterion) if (!labels.has(c.key)) out.push({ label: c.key, cents: c.cents });
  return out;
}

function byKindRows(report: GapReport, lang: GapLang): { label: string; cents: number }[] {
  const cents = new Map(report.totals.byKind.map((k) => [k.kind, k.cents]));
  const out = ITEM_KINDS.map((k) => ({ label: kindLabel(k, lang), cents: cents.get(k) ?? 0 }));
  for (const k of report.totals.byKind)
    if (!(ITEM_KINDS as readonly string[]).includes(k.kind)) out.push({ label: k.kind, cents: k.cents });
  return out;
}

// XLSX -----------------------------------------------------------------------

export async function gapXlsx(report: GapReport, opts: GapExportOptions): Promise<Buffer> {
  const { lang } = opts;
  const t = T[lang];
  const labels = criterionLabels(report, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Socle';

  // Synthèse ------------------------------------------------------------------
  const sum = wb.addWorksheet(t.sheets.summary);
  sum.getColumn(1).width = 44;
  sum.getColumn(2).width = 24;
  sum.addRow([txt(`${t.title} — ${opts.organisationName}`)]).font = { bold: true, size: 14 };
  const line = (label: string, value: string | number | null, format?: string) => {
    const row = sum.addRow([txt(label), typeof value === 'string' ? txt(value) : value]);
    if (format) row.getCell(2).numFmt = format;
    return row;
  };
  const money = (label: string, cents: number) => line(label, euros(cents), EUR_FORMAT);
  line(t.organisation, opts.organisationName);
  line(t.grid, gridLine(report, lang));
  line(t.on, formatDate(report.on, lang));
  sum.addRow([]);
  line(t.schools, report.totals.schools);
  money(t.gap, report.totals.gapCents).font = { bold: true };
  line(t.complete, report.totals.complete ? t.yes : t.no);
  sum.addRow([]);
  sum.addRow([txt(t.byCriterion)]).font = { bold: true };
  for (const c of byCriterionRows(report, lang)) money(`  ${c.label}`, c.cents);
  sum.addRow([]);
  sum.addRow([txt(t.byKind)]).font = { bold: true };
  for (const k of byKindRows(report, lang)) money(`  ${k.label}`, k.cents);

  // Écoles --------------------------------------------------------------------
  const sch = wb.addWorksheet(t.sheets.schools);
  sch.addRow(t.schoolColumns.map((c) => txt(c))).font = { bold: true };
  sch.views = [{ state: 'frozen', ySplit: 1 }];
  [11, 40, 16, 10, 16, 16].forEach((w, i) => {
    sch.getColumn(i + 1).width = w;
  });
  sch.getColumn(5).numFmt = EUR_FORMAT;
  let schoolsTotal = 0;
  for (const s of report.schools) {
    schoolsTotal += s.gapCents;
    sch.addRow([
      txt(s.uai),
      txt(s.name),
      s.classesAtSocle,
      s.classesTotal,
      euros(s.gapCents),
      txt(s.gapComplete ? t.yes : t.no),
    ]);
  }
  const schTotal = sch.addRow([txt(t.total), null, null, null, euros(schoolsTotal)]);
  schTotal.font = { bold: true };

  // Éléments ------------------------------------------------------------------
  const items = wb.addWorksheet(t.sheets.items);
  items.addRow(t.itemColumns.map((c) => txt(c))).font = { bold: true };
  items.views = [{ state: 'frozen', ySplit: 1 }];
  [11, 36, 16, 28, 40, 14, 10, 14, 14, 16].forEach((w, i) => {
    items.getColumn(i + 1).width = w;
  });
  for (const c of [8, 9, 10]) items.getColumn(c).numFmt = EUR_FORMAT;
  let itemsTotal = 0;
  for (const s of report.schools)
    for (const item of s.items) {
      itemsTotal += item.totalCents;
      items.addRow([
        txt(s.uai),
        txt(s.name),
        txt(item.className ?? ''),
        txt(labels.get(item.criterionKey) ?? item.criterionKey),
        txt(gapItemLabel(report, item, lang)),
        txt(kindLabel(item.kind, lang)),
        item.quantity,
        euros(item.unitCents),
        euros(item.installCents),
        euros(item.totalCents),
      ]);
    }
  const totalRow = items.addRow([txt(t.total)]);
  totalRow.getCell(10).value = euros(itemsTotal);
  totalRow.font = { bold: true };

  // Deflate level 1: the items sheet of a large city is most of the time at the default level.
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } }));
}

// PDF ------------------------------------------------------------------------

export async function gapPdf(report: GapReport, opts: GapExportOptions): Promise<Uint8Array> {
  const { lang } = opts;
  const t = T[lang];
  const p = t.pdf;
  const eur = (cents: number) => formatEuros(cents, lang);
  const colon = lang === 'fr' ? ' : ' : ': ';
  const title = `${t.title} — ${opts.organisationName}`;
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreator('Socle');
  doc.setProducer('Socle');
  doc.setLanguage(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const w = new PageWriter(
    doc,
    new Metrics(await doc.embedFont(StandardFonts.Helvetica), 'F1'),
    new Metrics(await doc.embedFont(StandardFonts.HelveticaBold), 'F2'),
  );

  w.newPage();
  w.line(title, 15, true, 2);
  w.line(`${t.grid}${colon}${gridLine(report, lang)} — ${t.on.toLowerCase()} ${formatDate(report.on, lang)}`, 9.5);
  w.y -= 6;
  w.line(`${t.schools}${colon}${report.totals.schools}`, 10.5, true);
  w.line(`${t.gap}${colon}${eur(report.totals.gapCents)}`, 10.5, true);
  if (!report.totals.complete) w.line(p.incomplete, 8.5);
  w.y -= 8;

  w.table(
    [
      { title: p.criterion, width: CONTENT_WIDTH - 110 },
      { title: p.amount, width: 110, right: true },
    ],
    byCriterionRows(report, lang).map((c) => [c.label, eur(c.cents)]),
    { heading: t.byCriterion, continued: p.continued },
  );
  w.y -= 10;
  w.table(
    [
      { title: p.kind, width: CONTENT_WIDTH - 110 },
      { title: p.amount, width: 110, right: true },
    ],
    byKindRows(report, lang).map((k) => [k.label, eur(k.cents)]),
    { heading: t.byKind, continued: p.continued },
  );
  w.y -= 14;

  if (report.schools.length === 0) {
    w.line(p.none, 10);
  } else {
    w.table(
      [
        { title: p.schoolColumns[0], width: 70 },
        { title: p.schoolColumns[1], width: CONTENT_WIDTH - 70 - 100 - 110 },
        { title: p.schoolColumns[2], width: 100, right: true },
        { title: p.schoolColumns[3], width: 110, right: true },
      ],
      report.schools.map((s) => [
        s.uai,
        s.name,
        `${s.classesAtSocle} / ${s.classesTotal}`,
        `${eur(s.gapCents)}${s.gapComplete ? '' : ' *'}`,
      ]),
      { heading: p.schoolsTitle, continued: p.continued },
    );
    if (report.schools.some((s) => !s.gapComplete)) {
      w.y -= 2;
      w.line(p.incomplete, 7.5);
    }

    w.y -= 10;
    w.line(p.itemsTitle, 12, true, 2);
    const itemCols: Col[] = [
      { title: p.itemColumns[0], width: CONTENT_WIDTH - 130 - 60 - 110 },
      { title: p.itemColumns[1], width: 130 },
      { title: p.itemColumns[2], width: 60, right: true },
      { title: p.itemColumns[3], width: 110, right: true },
    ];
    for (const s of report.schools) {
      w.y -= 6;
      const heading = `${s.uai} — ${s.name} — ${eur(s.gapCents)}${s.gapComplete ? '' : ` (${p.incompleteShort})`}`;
      w.table(
        itemCols,
        s.items.map((item) => [
          gapItemLabel(report, item, lang),
          item.className ?? '',
          String(item.quantity),
          eur(item.totalCents),
        ]),
        { heading, continued: p.continued },
      );
    }
  }

  w.finish(p.page);
  return doc.save();
}
