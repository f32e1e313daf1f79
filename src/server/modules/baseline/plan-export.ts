import ExcelJS from 'exceljs';
import { neutralise } from '../../http/export.ts';
import type { Caps, RateRule } from '../funding/rules.ts';
import { ITEM_KINDS, type PlanDecision, type PlanResult, type PlanWeights } from './planner.ts';

/**
 * The XLSX of a socle budget plan (issue #7 point 4): "Synthèse" (parameters,
 * totals, funders and their aid), "Écoles" (every school with its decision
 * and the breakdown of its score), "Achats" (what to buy for the selected
 * schools). French or English labels inside the file. Amounts are numbers in
 * euros (two decimals) so totals can be checked; text cells go through
 * `neutralise` (a leading = + - @, tab or CR gets an apostrophe: never a
 * formula, whatever a school or item is called).
 */

export type PlanExportOptions = { locale: 'fr' | 'en'; planName: string; gridName: string; organisationName: string };

const T = {
  fr: {
    sheets: { summary: 'Synthèse', schools: 'Écoles', items: 'Achats' },
    title: 'Plan de financement du socle numérique',
    organisation: 'Collectivité',
    grid: 'Grille du socle',
    period: 'Période',
    params: 'Paramètres',
    budget: 'Budget',
    basis: 'Base du budget',
    bases: { total: 'coût total', own_share: 'part communale (après aides)' },
    objective: 'Objectif',
    objectives: { classes: 'classes portées au socle', pupils: 'élèves concernés' },
    weights: 'Pondérations (0 à 5)',
    weightLabels: {
      repPlus: 'REP+',
      rep: 'REP',
      lowIps: 'IPS faible',
      lowDevices: 'Peu d’équipements par élève',
      oldEquipment: 'Équipement ancien',
    },
    result: 'Résultat',
    spend: 'Dépense totale (HT)',
    aid: 'Aides',
    ownShare: 'Part communale',
    used: 'Budget utilisé',
    left: 'Budget restant',
    classesReached: 'Classes portées au socle',
    pupilsReached: 'Élèves concernés',
    schoolsSelected: 'Écoles retenues',
    schoolsLeftOut: 'Écoles sous le socle non retenues',
    schoolsOverBudget: 'dont hors budget',
    classesLeftOut: 'Classes restant sous le socle',
    byKind: 'Dépense par nature',
    kinds: { equipment: 'équipement', service: 'services', works: 'travaux', training: 'formation' },
    funders: 'Financeurs (par rang)',
    funderColumns: ['Rang', 'Financeur', 'Équipement', 'Services', 'Travaux', 'Formation', 'Plafonds', 'Aide', 'Part'],
    none: 'aucun',
    perTranche: 'par tranche',
    wholeAmount: 'sur le montant total',
    upTo: 'jusqu’à',
    beyond: 'au-delà',
    caps: { total: 'total', perClass: 'par classe', perPupil: 'par élève', perSchool: 'par école' },
    schoolColumns: (benefit: string) => [
      'Rang',
      'Décision',
      'École',
      'UAI',
      benefit,
      'Coût du besoin',
      'Coût dans la base du budget',
      'Ajouté au budget',
      'Score pour 1 000 €',
      'Multiplicateur',
      'REP+',
      'REP',
      'IPS faible',
      'Peu d’équipements',
      'Équipement ancien',
    ],
    benefit: { classes: 'Classes gagnées', pupils: 'Élèves gagnés' },
    decisions: {
      selected: 'retenue',
      over_budget: 'hors budget',
      already_at_socle: 'déjà au socle',
      gap_not_priced: 'besoin non chiffrable',
      nothing_to_gain: 'rien à gagner',
    },
    itemColumns: [
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
    ],
    total: 'Total',
  },
  en: {
    sheets: { summary: 'Summary', schools: 'Schools', items: 'Items' },
    title: 'Digital baseline funding plan',
    organisation: 'Local authority',
    grid: 'Baseline grid',
    period: 'Period',
    params: 'Parameters',
    budget: 'Budget',
    basis: 'Budget basis',
    bases: { total: 'total cost', own_share: 'own share (after aid)' },
    objective: 'Objective',
    objectives: { classes: 'classes brought to the baseline', pupils: 'pupils reached' },
    weights: 'Weights (0 to 5)',
    weightLabels: {
      repPlus: 'REP+',
      rep: 'REP',
      lowIps: 'Low IPS',
      lowDevices: 'Few devices per pupil',
      oldEquipment: 'Old equipment',
    },
    result: 'Result',
    spend: 'Total spend (excl. VAT)',
    aid: 'Aid',
    ownShare: 'Own share',
    used: 'Budget used',
    left: 'Budget left',
    classesReached: 'Classes brought to the baseline',
    pupilsReached: 'Pupils reached',
    schoolsSelected: 'Schools selected',
    schoolsLeftOut: 'Schools below the baseline left out',
    schoolsOverBudget: 'of which over budget',
    classesLeftOut: 'Classes still below the baseline',
    byKind: 'Spend by kind',
    kinds: { equipment: 'equipment', service: 'services', works: 'works', training: 'training' },
    funders: 'Funders (by rank)',
    funderColumns: ['Rank', 'Funder', 'Equipment', 'Services', 'Works', 'Training', 'Caps', 'Aid', 'Share'],
    none: 'none',
    perTranche: 'per tranche',
    wholeAmount: 'on the whole amount',
    upTo: 'up to',
    beyond: 'beyond',
    caps: { total: 'total', perClass: 'per class', perPupil: 'per pupil', perSchool: 'per school' },
    schoolColumns: (benefit: string) => [
      'Rank',
      'Decision',
      'School',
      'UAI',
      benefit,
      'Cost of the gap',
      'Cost in the budget basis',
      'Added to the budget',
      'Score per €1,000',
      'Multiplier',
      'REP+',
      'REP',
      'Low IPS',
      'Few devices',
      'Old equipment',
    ],
    benefit: { classes: 'Classes gained', pupils: 'Pupils gained' },
    decisions: {
      selected: 'selected',
      over_budget: 'over budget',
      already_at_socle: 'already at the baseline',
      gap_not_priced: 'gap not priced',
      nothing_to_gain: 'nothing to gain',
    },
    itemColumns: [
      'School',
      'UAI',
      'Criterion',
      'Label',
      'Kind',
      'Category',
      'Quantity',
      'Unit price',
      'Installation',
      'Total',
    ],
    total: 'Total',
  },
} as const satisfies Record<'fr' | 'en', unknown>;

/** Euros with two decimals; the € sign quoted as in the claim exports (Excel and LibreOffice alike). */
export const EUR_FORMAT = '#,##0.00 "€"';
const euros = (cents: number) => cents / 100;
const txt = (v: string | null | undefined) => (v === null || v === undefined ? null : (neutralise(v) as string));
const WEIGHT_KEYS: readonly (keyof PlanWeights)[] = ['repPlus', 'rep', 'lowIps', 'lowDevices', 'oldEquipment'];

function describeRule(rule: RateRule | undefined, locale: 'fr' | 'en'): string {
  const t = T[locale];
  if (!rule) return '—';
  const pct = (bp: number) => `${(bp / 100).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB')} %`;
  if (rule.kind === 'flat') return pct(rule.rateBp);
  const money = (cents: number) =>
    `${(cents / 100).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 })} €`;
  const tiers = rule.tiers.map((tier) =>
    tier.upToCents === null
      ? `${pct(tier.rateBp)} ${t.beyond}`
      : `${pct(tier.rateBp)} ${t.upTo} ${money(tier.upToCents)}`,
  );
  return `${tiers.join(' ; ')} (${rule.mode === 'per_tranche' ? t.perTranche : t.wholeAmount})`;
}

function describeCaps(caps: Caps | undefined, locale: 'fr' | 'en'): string {
  const t = T[locale];
  if (!caps) return '—';
  const money = (cents: number) =>
    `${(cents / 100).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 })} €`;
  const parts: string[] = [];
  if (caps.totalCents != null) parts.push(`${money(caps.totalCents)} ${t.caps.total}`);
  if (caps.perClassCents != null) parts.push(`${money(caps.perClassCents)} ${t.caps.perClass}`);
  if (caps.perPupilCents != null) parts.push(`${money(caps.perPupilCents)} ${t.caps.perPupil}`);
  if (caps.perSchoolCents != null) parts.push(`${money(caps.perSchoolCents)} ${t.caps.perSchool}`);
  return parts.length ? parts.join(' ; ') : '—';
}

const frDate = (iso: string, locale: 'fr' | 'en') => {
  if (locale === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

export async function planWorkbook(result: PlanResult, opts: PlanExportOptions): Promise<Buffer> {
  const t = T[opts.locale];
  const { params, totals } = result;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Socle';

  // Synthèse ------------------------------------------------------------------
  const sum = wb.addWorksheet(t.sheets.summary);
  sum.getColumn(1).width = 36;
  sum.getColumn(2).width = 24;
  for (let c = 3; c <= 9; c++) sum.getColumn(c).width = 20;
  sum.addRow([txt(`${t.title} — ${opts.planName}`)]).font = { bold: true, size: 14 };
  const line = (label: string, value: string | number | null, format?: string) => {
    const row = sum.addRow([txt(label), typeof value === 'string' ? txt(value) : value]);
    if (format) row.getCell(2).numFmt = format;
    return row;
  };
  const money = (label: string, cents: number) => line(label, euros(cents), EUR_FORMAT);
  const heading = (label: string) => {
    sum.addRow([]);
    sum.addRow([txt(label)]).font = { bold: true };
  };
  line(t.organisation, opts.organisationName);
  line(t.grid, opts.gridName);
  if (params.period)
    line(t.period, `${frDate(params.period.start, opts.locale)} → ${frDate(params.period.end, opts.locale)}`);

  heading(t.params);
  money(t.budget, params.budgetCents);
  line(t.basis, t.bases[params.budgetBasis]);
  line(t.objective, t.objectives[params.objective]);
  sum.addRow([txt(t.weights)]).font = { italic: true };
  for (const k of WEIGHT_KEYS) line(`  ${t.weightLabels[k]}`, params.weights[k]);

  heading(t.result);
  money(t.spend, totals.spendCents);
  money(t.aid, totals.aidCents);
  money(t.ownShare, totals.ownShareCents);
  money(t.used, totals.budgetUsedCents).font = { bold: true };
  money(t.left, totals.budgetLeftCents);
  line(t.classesReached, totals.classesReached).font = { bold: true };
  line(t.pupilsReached, totals.pupilsReached);
  line(t.schoolsSelected, totals.schoolsSelected);
  line(t.schoolsLeftOut, totals.schoolsLeftOut);
  line(`  ${t.schoolsOverBudget}`, totals.schoolsOverBudget);
  line(t.classesLeftOut, totals.classesLeftOut);
  sum.addRow([txt(t.byKind)]).font = { italic: true };
  for (const k of ITEM_KINDS) money(`  ${t.kinds[k]}`, totals.byKind[k]);

  heading(t.funders);
  sum.addRow(t.funderColumns.map((c) => txt(c))).font = { bold: true };
  params.funders.forEach((f, i) => {
    const cents = totals.aid[i]?.cents ?? 0;
    const row = sum.addRow([
      i + 1,
      txt(f.name),
      ...ITEM_KINDS.map((k) => txt(describeRule(f.rules[k], opts.locale))),
      txt(describeCaps(f.caps, opts.locale)),
      euros(cents),
      totals.spendCents > 0 ? cents / totals.spendCents : null,
    ]);
    row.getCell(8).numFmt = EUR_FORMAT;
    row.getCell(9).numFmt = '0.0%';
  });
  const own = sum.addRow([
    null,
    txt(t.ownShare),
    ...ITEM_KINDS.map(() => null),
    null,
    euros(totals.ownShareCents),
    totals.spendCents > 0 ? totals.ownShareCents / totals.spendCents : null,
  ]);
  own.getCell(8).numFmt = EUR_FORMAT;
  own.getCell(9).numFmt = '0.0%';
  if (params.funders.length === 0) own.getCell(3).value = txt(t.none);

  // Écoles --------------------------------------------------------------------
  const sch = wb.addWorksheet(t.sheets.schools);
  const header = sch.addRow(t.schoolColumns(t.benefit[params.objective]).map((c) => txt(c)));
  header.font = { bold: true };
  sch.views = [{ state: 'frozen', ySplit: 1 }];
  [6, 20, 36, 11, 10, 16, 16, 16, 12, 12, 8, 8, 10, 12, 12].forEach((w, i) => {
    sch.getColumn(i + 1).width = w;
  });
  for (const c of [6, 7, 8]) sch.getColumn(c).numFmt = EUR_FORMAT;
  for (const c of [9, 10, 11, 12, 13, 14, 15]) sch.getColumn(c).numFmt = '0.00';
  const decisionLabel = (d: PlanDecision) => t.decisions[d];
  for (const c of result.choices)
    sch.addRow([
      c.rank,
      txt(decisionLabel(c.decision)),
      txt(c.name),
      txt(c.uai),
      c.benefit,
      euros(c.costCents),
      euros(c.basisCostCents),
      c.addedCents === null ? null : euros(c.addedCents),
      c.scorePerThousandEuros,
      c.multiplier,
      ...WEIGHT_KEYS.map((k) => c.factors[k]),
    ]);

  // Achats --------------------------------------------------------------------
  const items = wb.addWorksheet(t.sheets.items);
  items.addRow(t.itemColumns.map((c) => txt(c))).font = { bold: true };
  items.views = [{ state: 'frozen', ySplit: 1 }];
  [36, 11, 22, 44, 14, 18, 10, 14, 14, 16].forEach((w, i) => {
    items.getColumn(i + 1).width = w;
  });
  for (const c of [8, 9, 10]) items.getColumn(c).numFmt = EUR_FORMAT;
  let itemsTotal = 0;
  for (const c of result.choices) {
    if (c.decision !== 'selected') continue;
    for (const item of c.items) {
      itemsTotal += item.totalCents;
      items.addRow([
        txt(c.name),
        txt(c.uai),
        txt(item.criterionKey),
        txt(item.label),
        txt(t.kinds[item.kind]),
        txt(item.categoryCode),
        item.quantity,
        euros(item.unitCents),
        euros(item.installCents),
        euros(item.totalCents),
      ]);
    }
  }
  const totalRow = items.addRow([txt(t.total)]);
  totalRow.getCell(10).value = euros(itemsTotal);
  totalRow.font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
