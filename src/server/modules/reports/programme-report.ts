import { sql } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { rows, type Scope } from '../../db/connection.ts';
import { CONTENT_WIDTH, type Col, MARGIN, Metrics, PageWriter } from '../../pdf/writer.ts';
import type { Actor } from '../auth/actor.ts';
import { compliance } from '../baseline/service.ts';
import { findIndicators } from '../funding/indicators.ts';
import { publicityMentions } from '../funding/publicity.ts';
import { getProgramme } from '../funding/service.ts';
import { programmeBudget } from '../funding/shares.ts';

/**
 * The programme report for the city council and elected officials (issue
 * #9 point 5): one PDF, generated on demand from the live data — the
 * programme and its co-funding with the mandatory EU mentions, the budget
 * (planned, ordered, invoiced, paid, claimed, received) with a chart per
 * cost item, the indicators against their targets, and the socle numérique
 * of the programme's schools (a table per school stands for the map).
 * Aggregates only: no person is named.
 */

export type ReportLang = 'fr' | 'en';

export async function programmeReportData(scope: Scope, actor: Actor, programmeId: string) {
  const programme = await getProgramme(scope, programmeId);
  const [budget, indicators, publicity, socle, org] = [
    await programmeBudget(scope, programmeId),
    await findIndicators(scope, programmeId),
    await publicityMentions(scope, programmeId),
    await compliance(scope, actor, {}),
    await rows<{ name: string }>(scope.tx, sql`SELECT name FROM organisations`),
  ];
  const members = new Set(programme.schoolIds);
  const schools = socle.schools.filter((s) => members.has(s.id));
  const inScope = schools.filter((s) => s.inScope);
  const invoicedBySchool = new Map(budget.schools.map((s) => [s.schoolId, s.invoicedCents]));
  return {
    organisationName: org[0]?.name ?? '',
    programme,
    budget,
    indicators,
    publicity,
    socle: {
      on: socle.on,
      gridName: socle.grid.name,
      schools: inScope.length,
      atSocle: inScope.filter((s) => s.atSocle).length,
      classes: inScope.reduce((n, s) => n + s.classesTotal, 0),
      classesAtSocle: inScope.reduce((n, s) => n + s.classesAtSocle, 0),
    },
    schools: schools.map((s) => ({
      uai: s.uai,
      name: s.name,
      priorityEducation: s.priorityEducation,
      inScope: s.inScope,
      atSocle: s.atSocle,
      classesTotal: s.classesTotal,
      classesAtSocle: s.classesAtSocle,
      pupilDevices: s.pupilDevices,
      invoicedCents: invoicedBySchool.get(s.id) ?? 0,
    })),
  };
}

export type ProgrammeReportData = Awaited<ReturnType<typeof programmeReportData>>;

const T = {
  fr: {
    title: 'Rapport du programme',
    generated: 'Édité le',
    period: 'Période',
    to: 'au',
    completed: 'achevé le',
    description: 'Le programme',
    objectives: 'Objectifs',
    funding: 'Financement',
    funder: 'Financeur',
    aid: 'Aide',
    claimed: 'Demandé',
    received: 'Reçu',
    owner: 'Part de la collectivité',
    eligible: 'Dépenses éligibles (HT)',
    budget: 'Budget (HT)',
    figures: {
      planned: 'Prévu',
      ordered: 'Commandé',
      invoiced: 'Facturé',
      paid: 'Payé',
      claimed: 'Demandé aux financeurs',
      received: 'Reçu des financeurs',
    },
    byItem: 'Prévu et facturé par poste',
    indicators: 'Indicateurs',
    indicatorCols: ['Indicateur', 'Référence', 'Cible', 'Valeur', 'Atteint'],
    noIndicators: 'Aucun indicateur.',
    socle: 'Socle numérique des écoles du programme',
    socleLine: (d: ProgrammeReportData['socle']) =>
      `${d.atSocle} école(s) sur ${d.schools} au socle ; ${d.classesAtSocle} classe(s) sur ${d.classes}.`,
    grid: 'Grille',
    on: 'au',
    schoolCols: ['UAI', 'École', 'Éduc. prio.', 'Au socle', 'Classes au socle', 'Appareils élèves', 'Facturé'],
    stage: 'Étape',
    amount: 'Montant',
    yes: 'oui',
    no: 'non',
    outOfScope: 'hors champ',
    noSchools: 'Aucune école rattachée au programme.',
    continued: '(suite)',
    page: (n: number, of: number) => `Page ${n} / ${of}`,
    emblemLabel: 'Union européenne',
  },
  en: {
    title: 'Programme report',
    generated: 'Issued on',
    period: 'Period',
    to: 'to',
    completed: 'completed on',
    description: 'The programme',
    objectives: 'Objectives',
    funding: 'Funding',
    funder: 'Funder',
    aid: 'Aid',
    claimed: 'Claimed',
    received: 'Received',
    owner: 'Share of the authority',
    eligible: 'Eligible expenditure (excl. VAT)',
    budget: 'Budget (excl. VAT)',
    figures: {
      planned: 'Planned',
      ordered: 'Ordered',
      invoiced: 'Invoiced',
      paid: 'Paid',
      claimed: 'Claimed from funders',
      received: 'Received from funders',
    },
    byItem: 'Planned and invoiced per cost item',
    indicators: 'Indicators',
    indicatorCols: ['Indicator', 'Baseline', 'Target', 'Value', 'Reached'],
    noIndicators: 'No indicator.',
    socle: 'Digital baseline of the programme’s schools',
    socleLine: (d: ProgrammeReportData['socle']) =>
      `${d.atSocle} of ${d.schools} school(s) at the baseline; ${d.classesAtSocle} of ${d.classes} class(es).`,
    grid: 'Grid',
    on: 'on',
    schoolCols: ['UAI', 'School', 'Priority ed.', 'At baseline', 'Classes at bas.', 'Pupil devices', 'Invoiced'],
    stage: 'Stage',
    amount: 'Amount',
    yes: 'yes',
    no: 'no',
    outOfScope: 'out of scope',
    noSchools: 'No school in the programme.',
    continued: '(continued)',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    emblemLabel: 'European Union',
  },
} as const;

const LOCALE = { fr: 'fr-FR', en: 'en-GB' } as const;

export function reportEuros(cents: number, lang: ReportLang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: 'EUR' })
    .format(cents / 100)
    .replace(/[\u202f\u00a0]/g, ' ');
}

function reportDate(iso: string, lang: ReportLang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
}

const count = (n: number, lang: ReportLang) =>
  new Intl.NumberFormat(LOCALE[lang]).format(n).replace(/[\u202f\u00a0]/g, ' ');

/** The EU emblem (flag 3:2, twelve gold stars on a circle) at the writer's current line. */
function drawEmblem(w: PageWriter, x: number, top: number, height: number) {
  const width = (height * 3) / 2;
  w.fillRgb(x, top - height, width, height, [0, 0.2, 0.6]);
  const cx = x + width / 2;
  const cy = top - height / 2;
  const ring = height / 3;
  const outer = height / 18;
  for (let k = 0; k < 12; k++) {
    const a = (k * Math.PI) / 6;
    const sx = cx + ring * Math.cos(a);
    const sy = cy + ring * Math.sin(a);
    const points: [number, number][] = [];
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? outer : outer * 0.382;
      const b = Math.PI / 2 + (i * Math.PI) / 5;
      points.push([sx + r * Math.cos(b), sy + r * Math.sin(b)]);
    }
    w.polygon(points, [1, 0.8, 0]);
  }
}

export async function programmeReportPdf(
  d: ProgrammeReportData,
  lang: ReportLang,
  today = new Date().toISOString(),
): Promise<Uint8Array> {
  const t = T[lang];
  const eur = (c: number) => reportEuros(c, lang);
  const colon = lang === 'fr' ? ' : ' : ': ';
  const title = `${t.title} — ${d.programme.name}`;
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setAuthor(d.organisationName);
  doc.setCreator('Socle');
  doc.setProducer('Socle');
  doc.setLanguage(LOCALE[lang]);
  const w = new PageWriter(
    doc,
    new Metrics(await doc.embedFont(StandardFonts.Helvetica), 'F1'),
    new Metrics(await doc.embedFont(StandardFonts.HelveticaBold), 'F2'),
  );
  const p = d.programme;

  w.newPage();
  w.paragraph(title, 16, { bold: true, gap: 2 });
  w.line(d.organisationName, 11);
  w.line(
    `${t.period}${colon}${reportDate(p.periodStart, lang)} ${t.to} ${reportDate(p.periodEnd, lang)}${
      p.completedOn ? ` — ${t.completed} ${reportDate(p.completedOn, lang)}` : ''
    }`,
    9.5,
  );
  w.line(`${t.generated} ${reportDate(today, lang)}`, 9.5, false, 8);

  if (d.publicity.euEmblem) {
    // The emblem with "Union européenne" spelled out next to it, then the mandatory sentences (DOMAIN.md §6).
    w.ensure(50);
    const top = w.y;
    drawEmblem(w, MARGIN, top, 30);
    w.text(t.emblemLabel, { x: MARGIN + 52, y: top - 19, size: 12, bold: true });
    w.y -= 38;
    for (const m of d.publicity.mentions) {
      if (m.kind === 'eu_emblem') continue;
      w.paragraph(m[lang], 9.5, { gap: 2 });
    }
    w.y -= 8;
  } else {
    for (const m of d.publicity.mentions) w.paragraph(m[lang], 9.5, { gap: 2 });
  }

  if (p.description.trim()) {
    w.line(t.description, 12, true, 1);
    w.paragraph(p.description, 9.5, { gap: 6 });
  }
  if (p.objectives.trim()) {
    w.line(t.objectives, 12, true, 1);
    w.paragraph(p.objectives, 9.5, { gap: 6 });
  }

  const b = d.budget;
  w.y -= 4;
  w.table(
    [
      { title: t.funder, width: CONTENT_WIDTH - 3 * 105 },
      { title: t.aid, width: 105, right: true },
      { title: t.claimed, width: 105, right: true },
      { title: t.received, width: 105, right: true },
    ],
    [
      ...b.funders.map((f) => [f.funderName, eur(f.aidCents), eur(f.claimedCents), eur(f.receivedCents)]),
      [t.owner, eur(b.owner.cents), '', ''],
      [t.eligible, eur(b.totals.eligibleCents), eur(b.totals.claimedCents), eur(b.totals.receivedCents)],
    ],
    { heading: t.funding, continued: t.continued, size: 8.5 },
  );
  w.y -= 12;

  const f = t.figures;
  w.table(
    [
      { title: t.stage, width: CONTENT_WIDTH - 140 },
      { title: t.amount, width: 140, right: true },
    ],
    [
      [f.planned, eur(b.totals.plannedCents)],
      [f.ordered, eur(b.totals.orderedCents)],
      [f.invoiced, eur(b.totals.invoicedCents)],
      [f.paid, eur(b.totals.paidCents)],
      [f.claimed, eur(b.totals.claimedCents)],
      [f.received, eur(b.totals.receivedCents)],
    ],
    { heading: t.budget, continued: t.continued, size: 8.5 },
  );
  w.y -= 12;
  if (b.costItems.length) {
    w.bars(
      b.costItems.map((c) => ({ label: `${c.code} ${c.label}`, values: [c.plannedCents, c.invoicedCents] })),
      {
        heading: t.byItem,
        series: [
          { label: f.planned, rgb: [0.55, 0.65, 0.8] },
          { label: f.invoiced, rgb: [0.1, 0.3, 0.55] },
        ],
        format: eur,
      },
    );
    w.y -= 12;
  }

  if (d.indicators.length) {
    const cols: Col[] = [
      { title: t.indicatorCols[0], width: CONTENT_WIDTH - 4 * 75 },
      { title: t.indicatorCols[1], width: 75, right: true },
      { title: t.indicatorCols[2], width: 75, right: true },
      { title: t.indicatorCols[3], width: 75, right: true },
      { title: t.indicatorCols[4], width: 75, right: true },
    ];
    w.table(
      cols,
      d.indicators.map((i) => [
        `${i.code} ${i.label}${i.unit ? ` (${i.unit})` : ''}`,
        i.baseline === null ? '' : count(i.baseline, lang),
        count(i.target, lang),
        i.value === null ? '—' : count(i.value, lang),
        i.reachedBp === null ? '—' : `${count(Math.floor(i.reachedBp / 100), lang)} %`,
      ]),
      { heading: t.indicators, continued: t.continued, size: 8.5 },
    );
  } else {
    w.line(t.indicators, 12, true, 1);
    w.line(t.noIndicators, 9.5);
  }
  w.y -= 12;

  w.line(t.socle, 12, true, 1);
  w.line(`${t.grid}${colon}${d.socle.gridName} — ${t.on} ${reportDate(d.socle.on, lang)}`, 9);
  w.line(t.socleLine(d.socle), 10, true, 4);
  if (d.schools.length === 0) {
    w.line(t.noSchools, 9.5);
  } else {
    w.table(
      [
        { title: t.schoolCols[0], width: 52 },
        { title: t.schoolCols[1], width: CONTENT_WIDTH - 52 - 50 - 46 - 66 - 66 - 72 },
        { title: t.schoolCols[2], width: 50 },
        { title: t.schoolCols[3], width: 46 },
        { title: t.schoolCols[4], width: 66, right: true },
        { title: t.schoolCols[5], width: 66, right: true },
        { title: t.schoolCols[6], width: 72, right: true },
      ],
      d.schools.map((s) => [
        s.uai,
        s.name,
        s.priorityEducation === 'none' ? '' : s.priorityEducation,
        s.inScope ? (s.atSocle ? t.yes : t.no) : t.outOfScope,
        `${s.classesAtSocle} / ${s.classesTotal}`,
        count(s.pupilDevices, lang),
        eur(s.invoicedCents),
      ]),
      { continued: t.continued, size: 7.5 },
    );
  }

  w.finish((n, of) => `${d.organisationName} — ${t.title} — ${t.page(n, of)}`);
  return doc.save();
}
