import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { deflateSync } from 'node:zlib';
import archiver from 'archiver';
import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { PDFDocument, type PDFFont, PDFName, type PDFPage, StandardFonts } from 'pdf-lib';
import type { Config } from '../../config.ts';
import { rows, type Scope } from '../../db/connection.ts';
import { files, invoices } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { neutralise, toCsv } from '../../http/export.ts';
import { pathOf } from '../files/service.ts';
import { type ClaimLine, claimWithLines, costItemTotals, programmeConventions } from './claims.ts';
import { findIndicators, type Indicator } from './indicators.ts';
import { programmeRow } from './service.ts';
import { ensureShares } from './shares.ts';

/**
 * The exports of a payment claim (issue #6, point 5; DOMAIN.md §6): the
 * état récapitulatif des dépenses (XLSX with the cofinancing and indicator
 * sheets, PDF), the état récapitulatif des cofinancements (PDF), and the
 * invoices in the statement's order (ZIP with a manifest). French by
 * default, English on request. Amounts are written as numbers in euros
 * (two decimals) so totals can be checked; text cells go through
 * `neutralise` (a leading = + - @ gets an apostrophe: never a formula).
 */

export type Lang = 'fr' | 'en';

const T = {
  fr: {
    statement: 'État récapitulatif des dépenses',
    cofinancing: 'État récapitulatif des cofinancements',
    indicators: 'Indicateurs',
    sheetStatement: 'État des dépenses',
    sheetCofinancing: 'Cofinancements',
    programme: 'Opération',
    funder: 'Financeur',
    convention: 'Convention',
    claim: 'Demande de paiement',
    kind: { advance: 'avance', instalment: 'acompte', final: 'solde' },
    period: 'Période',
    status: 'État',
    statuses: { draft: 'brouillon', submitted: 'déposée', checked: 'contrôlée', paid: 'payée' },
    columns: [
      'N°',
      'Fournisseur',
      'SIRET',
      'N° facture',
      'Date facture',
      'Objet',
      'Montant HT',
      'TVA',
      'TTC',
      'Date de paiement',
      'N° de mandat',
      'Montant éligible',
      'Aide demandée',
    ],
    costItem: 'Poste',
    subtotal: 'Sous-total',
    total: 'Total général',
    accepted: 'Aide retenue',
    reconciliation: {
      justified: 'Aide correspondant aux dépenses justifiées (acomptes et solde)',
      due: "Aide due (au plus l'aide accordée)",
      earlier: 'Avance et acomptes déjà demandés (retenus une fois contrôlés)',
      balance: 'Solde demandé',
      repay: 'Trop-perçu à reverser',
    },
    funderKinds: {
      eu_feder: 'UE — FEDER',
      eu_react: 'UE — REACT-EU',
      state_snee: 'État — SNEE',
      state_dsil: 'État — DSIL',
      departement: 'Département',
      region: 'Région',
      own_funds: 'Fonds propres',
      other: 'Autre',
    },
    cofColumns: [
      'Financeur',
      'Type',
      'Référence de la convention',
      'Aide accordée',
      'Demandé à ce jour',
      'Reçu à ce jour',
    ],
    owner: "Part du maître d'ouvrage",
    eligibleTotal: "Dépenses éligibles de l'opération",
    indColumns: ['Code', 'Indicateur', 'Unité', 'Valeur de référence', 'Cible', 'Valeur', 'Part de la cible'],
    page: (i: number, n: number) => `Page ${i} / ${n}`,
    generated: (d: string) => `Édité le ${d}`,
    summaryTitle: 'Facture — fiche récapitulative',
    ofClaimLines: '(lignes de la demande)',
    claimLinesOnInvoice: 'Lignes de la demande sur cette facture (montant HT)',
    notAttached:
      "Le document original de cette facture n'est pas joint : cette fiche est établie à partir des données enregistrées.",
    unreadable: "Le fichier joint à cette facture n'a pas pu être lu ou n'est pas un PDF ou une image intégrable.",
    fields: {
      supplier: 'Fournisseur',
      siret: 'SIRET',
      number: 'N° de facture',
      date: 'Date de facture',
      ht: 'Montant HT',
      vat: 'TVA',
      ttc: 'Montant TTC',
      paid: 'Date de paiement',
      mandate: 'N° de mandat',
      object: 'Objet',
    },
    manifest: [
      'position',
      'fichier',
      'n_facture',
      'fournisseur',
      'siret',
      'ht',
      'eligible',
      'aide',
      'source',
      'sha256',
    ],
    fileBase: 'demande',
  },
  en: {
    statement: 'Statement of expenditure',
    cofinancing: 'Statement of co-financing',
    indicators: 'Indicators',
    sheetStatement: 'Expenditure',
    sheetCofinancing: 'Co-financing',
    programme: 'Operation',
    funder: 'Funder',
    convention: 'Grant agreement',
    claim: 'Payment claim',
    kind: { advance: 'advance', instalment: 'instalment', final: 'final balance' },
    period: 'Period',
    status: 'Status',
    statuses: { draft: 'draft', submitted: 'submitted', checked: 'checked', paid: 'paid' },
    columns: [
      'No.',
      'Supplier',
      'SIRET',
      'Invoice no.',
      'Invoice date',
      'Description',
      'Amount excl. VAT',
      'VAT',
      'Incl. VAT',
      'Payment date',
      'Payment order no.',
      'Eligible amount',
      'Aid claimed',
    ],
    costItem: 'Cost item',
    subtotal: 'Subtotal',
    total: 'Grand total',
    accepted: 'Aid accepted',
    reconciliation: {
      justified: 'Aid for the expenditure justified (instalments and final claim)',
      due: 'Aid due (at most the aid granted)',
      earlier: 'Advance and instalments already claimed (accepted once checked)',
      balance: 'Balance claimed',
      repay: 'Overpayment to be repaid',
    },
    funderKinds: {
      eu_feder: 'EU — ERDF',
      eu_react: 'EU — REACT-EU',
      state_snee: 'State — SNEE',
      state_dsil: 'State — DSIL',
      departement: 'Département',
      region: 'Region',
      own_funds: 'Own funds',
      other: 'Other',
    },
    cofColumns: ['Funder', 'Kind', 'Agreement reference', 'Aid granted', 'Claimed to date', 'Received to date'],
    owner: "Owner's share",
    eligibleTotal: 'Eligible expenditure of the operation',
    indColumns: ['Code', 'Indicator', 'Unit', 'Baseline', 'Target', 'Value', 'Share of target'],
    page: (i: number, n: number) => `Page ${i} / ${n}`,
    generated: (d: string) => `Produced on ${d}`,
    summaryTitle: 'Invoice — summary sheet',
    ofClaimLines: '(lines of this claim)',
    claimLinesOnInvoice: 'Lines of this claim on this invoice (excl. VAT)',
    notAttached: 'The original invoice document is not attached: this sheet is made from the recorded data.',
    unreadable: 'The file attached to this invoice could not be read or is not an embeddable PDF or image.',
    fields: {
      supplier: 'Supplier',
      siret: 'SIRET',
      number: 'Invoice no.',
      date: 'Invoice date',
      ht: 'Amount excl. VAT',
      vat: 'VAT',
      ttc: 'Amount incl. VAT',
      paid: 'Payment date',
      mandate: 'Payment order no.',
      object: 'Description',
    },
    manifest: ['position', 'file', 'invoice_number', 'supplier', 'siret', 'ht', 'eligible', 'aid', 'source', 'sha256'],
    fileBase: 'claim',
  },
} as const;

const euros = (cents: number) => cents / 100;
const frDate = (iso: string | null, lang: Lang) => {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return lang === 'fr' ? `${d}/${m}/${y}` : iso;
};
/** One formatter per language: building an `Intl.NumberFormat` costs far more than formatting with it. */
const moneyFormats = {
  fr: new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};
const money = (cents: number, lang: Lang) =>
  `${moneyFormats[lang].format(cents / 100).replace(/\u202f|\u00a0/g, ' ')} €`;

/** A file-name-safe form of a text (ASCII letters, digits, . _ -). */
export function safeFilePart(text: string, max = 60): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+|_+$/g, '')
    .slice(0, max);
  return s || 'x';
}

// Data -----------------------------------------------------------------------

/** Everything the exports show, read in one transaction. */
export async function statementData(scope: Scope, claimId: string) {
  const { claim, lines } = await claimWithLines(scope, claimId);
  await ensureShares(scope, claim.programmeId);
  const programme = await programmeRow(scope, claim.programmeId);
  const conventions = await programmeConventions(scope, claim.programmeId);
  const perConvention = await rows<{ convention_id: string; aid: string; claimed: string; received: string }>(
    scope.tx,
    sql`SELECT c.id AS convention_id,
               coalesce((SELECT sum(s.cents) FROM funding_line_shares s WHERE s.convention_id = c.id), 0) AS aid,
               coalesce((SELECT sum(k.claimed_cents) FROM funding_claims k WHERE k.convention_id = c.id), 0) AS claimed,
               coalesce((SELECT sum(k.received_cents) FROM funding_claims k WHERE k.convention_id = c.id), 0) AS received
          FROM funding_conventions c WHERE c.programme_id = ${claim.programmeId}`,
  );
  const [eligible] = await rows<{ cents: string }>(
    scope.tx,
    sql`SELECT coalesce(sum(eligible_cents), 0) AS cents FROM funding_expense_lines
         WHERE programme_id = ${claim.programmeId} AND eligibility <> 'not_eligible'`,
  );
  const byId = new Map(perConvention.map((r) => [r.convention_id, r]));
  const cofinancing = conventions.map((c) => ({
    conventionId: c.id,
    funderName: c.funderName,
    funderKind: c.funderKind,
    reference: c.reference,
    aidCents: Number(byId.get(c.id)?.aid ?? 0),
    claimedCents: Number(byId.get(c.id)?.claimed ?? 0),
    receivedCents: Number(byId.get(c.id)?.received ?? 0),
  }));
  const eligibleCents = Number(eligible?.cents ?? 0);
  const ownerCents = eligibleCents - cofinancing.reduce((s, c) => s + c.aidCents, 0);
  const indicators = await findIndicators(scope, claim.programmeId);
  return {
    claim,
    programme,
    lines,
    costItems: costItemTotals(lines),
    cofinancing,
    eligibleCents,
    ownerCents,
    indicators,
  };
}
export type StatementData = Awaited<ReturnType<typeof statementData>>;

export const claimFileName = (d: Pick<StatementData, 'claim'>, lang: Lang, suffix: string) =>
  `${T[lang].fileBase}-${safeFilePart(d.claim.label)}-${suffix}`;

// XLSX -----------------------------------------------------------------------

const EUR_FORMAT = '#,##0.00 "€"';
const DATE_FORMAT = 'dd/mm/yyyy';

const asDate = (iso: string | null) => {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** Text through `neutralise`: never a formula. */
const txt = (v: string | null | undefined) => (v === null || v === undefined ? null : (neutralise(v) as string));

function headerBlock(sheet: ExcelJS.Worksheet, d: StatementData, lang: Lang, title: string) {
  const t = T[lang];
  sheet.addRow([txt(title)]).font = { bold: true, size: 14 };
  sheet.addRow([txt(t.programme), txt(d.programme.name)]);
  sheet.addRow([txt(t.funder), txt(`${d.claim.funderName} — ${t.convention} ${d.claim.conventionReference}`)]);
  sheet.addRow([
    txt(t.claim),
    txt(
      `${d.claim.label} (${t.kind[d.claim.kind]}) — ${t.status} : ${t.statuses[d.claim.status]}${
        d.claim.periodFrom || d.claim.periodTo
          ? ` — ${t.period} ${frDate(d.claim.periodFrom, lang) || '…'} → ${frDate(d.claim.periodTo, lang) || '…'}`
          : ''
      }`,
    ),
  ]);
  sheet.addRow([]);
}

/** Amount columns of the statement (1-based): HT 7, TVA 8, TTC 9, eligible 12, aid 13. */
export const STATEMENT_AMOUNT_COLUMNS = { ht: 7, vat: 8, ttc: 9, eligible: 12, aid: 13 } as const;

export async function statementXlsx(d: StatementData, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Socle';
  wb.created = new Date();
  const sheet = wb.addWorksheet(t.sheetStatement, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  headerBlock(sheet, d, lang, t.statement);
  const header = sheet.addRow(t.columns.map((c) => txt(c)));
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  const widths = [6, 30, 16, 16, 12, 40, 14, 12, 14, 12, 14, 14, 14];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  for (const c of Object.values(STATEMENT_AMOUNT_COLUMNS)) sheet.getColumn(c).numFmt = EUR_FORMAT;
  for (const c of [5, 10]) sheet.getColumn(c).numFmt = DATE_FORMAT;

  const amounts = (x: {
    htCents: number;
    vatCents: number;
    ttcCents: number;
    eligibleCents: number;
    aidCents: number;
  }) => ({
    ht: euros(x.htCents),
    vat: euros(x.vatCents),
    ttc: euros(x.ttcCents),
    eligible: euros(x.eligibleCents),
    aid: euros(x.aidCents),
  });
  const totalRow = (label: string, x: Parameters<typeof amounts>[0]) => {
    const a = amounts(x);
    const r = sheet.addRow([]);
    r.getCell(2).value = txt(label);
    for (const [k, col] of Object.entries(STATEMENT_AMOUNT_COLUMNS)) r.getCell(col).value = a[k as keyof typeof a];
    r.font = { bold: true };
    return r;
  };
  const sumOf = (ls: readonly ClaimLine[]) => ({
    htCents: ls.reduce((s, l) => s + l.htCents, 0),
    vatCents: ls.reduce((s, l) => s + l.vatCents, 0),
    ttcCents: ls.reduce((s, l) => s + l.ttcCents, 0),
    eligibleCents: ls.reduce((s, l) => s + l.eligibleCents, 0),
    aidCents: ls.reduce((s, l) => s + l.aidCents, 0),
  });
  for (const item of d.costItems) {
    const mine = d.lines.filter((l) => l.costItemId === item.costItemId);
    const g = sheet.addRow([null, txt(`${t.costItem} ${item.code} — ${item.label}`)]);
    g.font = { italic: true, bold: true };
    for (const l of mine) {
      sheet.addRow([
        l.position,
        txt(l.supplierName),
        txt(l.supplierSiret),
        txt(l.invoiceNumber),
        asDate(l.invoiceDate),
        txt(l.description),
        euros(l.htCents),
        euros(l.vatCents),
        euros(l.ttcCents),
        asDate(l.paidOn),
        txt(l.mandateNumber),
        euros(l.eligibleCents),
        euros(l.aidCents),
      ]);
    }
    totalRow(`${t.subtotal} ${item.code}`, sumOf(mine));
  }
  totalRow(t.total, sumOf(d.lines));
  const rec = d.claim.reconciliation;
  if (rec) {
    sheet.addRow([]);
    const line = (label: string, cents: number) => {
      const r = sheet.addRow([]);
      r.getCell(2).value = txt(label);
      r.getCell(STATEMENT_AMOUNT_COLUMNS.aid).value = euros(cents);
      return r;
    };
    line(t.reconciliation.justified, rec.justifiedCents);
    line(t.reconciliation.due, rec.dueCents);
    line(t.reconciliation.earlier, rec.earlierCents);
    if (rec.balanceCents >= 0) line(t.reconciliation.balance, rec.balanceCents).font = { bold: true };
    else line(t.reconciliation.repay, -rec.balanceCents).font = { bold: true };
  }

  const cof = wb.addWorksheet(t.sheetCofinancing);
  headerBlock(cof, d, lang, t.cofinancing);
  cof.addRow(t.cofColumns.map((c) => txt(c))).font = { bold: true };
  [30, 14, 26, 16, 16, 16].forEach((w, i) => {
    cof.getColumn(i + 1).width = w;
  });
  for (const c of [4, 5, 6]) cof.getColumn(c).numFmt = EUR_FORMAT;
  for (const c of d.cofinancing)
    cof.addRow([
      txt(c.funderName),
      txt(t.funderKinds[c.funderKind]),
      txt(c.reference),
      euros(c.aidCents),
      euros(c.claimedCents),
      euros(c.receivedCents),
    ]);
  cof.addRow([txt(t.owner), null, null, euros(d.ownerCents)]);
  cof.addRow([txt(t.eligibleTotal), null, null, euros(d.eligibleCents)]).font = { bold: true };

  const ind = wb.addWorksheet(t.indicators);
  headerBlock(ind, d, lang, t.indicators);
  ind.addRow(t.indColumns.map((c) => txt(c))).font = { bold: true };
  [12, 50, 14, 16, 12, 12, 14].forEach((w, i) => {
    ind.getColumn(i + 1).width = w;
  });
  ind.getColumn(7).numFmt = '0.0%';
  for (const i of d.indicators)
    ind.addRow([
      txt(i.code),
      txt(i.label),
      txt(i.unit),
      i.baseline,
      i.target,
      i.value,
      i.reachedBp === null ? null : i.reachedBp / 10_000,
    ]);
  // Deflate level 1 (JSZip's pako, in JavaScript): the sheet's XML takes a third of the time at the default level.
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } }));
}

export async function claimStatementXlsx(scope: Scope, claimId: string, lang: Lang = 'fr'): Promise<Buffer> {
  return statementXlsx(await statementData(scope, claimId), lang);
}

// PDF ------------------------------------------------------------------------

const encodable = new WeakMap<PDFFont, Map<string, boolean>>();
/** Printable ASCII: encodable by every standard font, nothing to replace. */
const PLAIN = /^[\x20-\x7e]*$/;

/** Standard fonts cover WinAnsi only: other characters become "?". */
function clean(font: PDFFont, text: string): string {
  if (PLAIN.test(text)) return text;
  let known = encodable.get(font);
  if (!known) {
    known = new Map();
    encodable.set(font, known);
  }
  return [...text.replace(/\u202f|\u00a0/g, ' ').replace(/[\r\n\t]+/g, ' ')]
    .map((c) => {
      let ok = known.get(c);
      if (ok === undefined) {
        try {
          font.encodeText(c);
          ok = true;
        } catch {
          ok = false;
        }
        known.set(c, ok);
      }
      return ok ? c : '?';
    })
    .join('');
}

/** Fitted texts by font, size and width: a statement repeats suppliers, SIRETs, dates, invoice numbers. */
const fitted = new WeakMap<PDFFont, Map<string, string>>();
const FITTED_MAX = 20_000;

function fit(font: PDFFont, text: string, size: number, width: number): string {
  let memo = fitted.get(font);
  if (!memo) {
    memo = new Map();
    fitted.set(font, memo);
  }
  const key = `${size}|${width}|${text}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const out = fitText(font, text, size, width);
  if (memo.size >= FITTED_MAX) memo.clear();
  memo.set(key, out);
  return out;
}

function fitText(font: PDFFont, text: string, size: number, width: number): string {
  let s = clean(font, text);
  if (font.widthOfTextAtSize(s, size) <= width) return s;
  while (s.length > 1 && font.widthOfTextAtSize(`${s}…`, size) > width) s = s.slice(0, -1);
  return `${s}…`;
}

/**
 * Page content written as PDF operators in a string, deflated (zlib) into
 * one content stream when the page is done (`flushInk`). pdf-lib's
 * `page.drawText(text, { font })` adds a new, randomly named entry to the
 * page's font dictionary at every call, after listing the existing ones —
 * quadratic in the texts of a page (a statement page carries ~550) — and
 * builds a dozen operator objects per text; 40,000 statement lines made
 * 7 million of them. Here each font is named once per page (F1, F2), and a
 * text costs one short string. Drawn the same: text in black, rectangles
 * and rules in their colours, each in its own graphics state.
 */
type Rgb = readonly [number, number, number];
const inks = new WeakMap<PDFPage, { parts: string[]; fonts: Map<PDFFont, string> }>();
const hexCodes = new WeakMap<PDFFont, Map<string, string>>();
const num = (v: number) => String(Math.round(v * 1000) / 1000);
const colour = (c: Rgb) => `${num(c[0])} ${num(c[1])} ${num(c[2])}`;

function inkOf(page: PDFPage) {
  let ink = inks.get(page);
  if (!ink) {
    ink = { parts: [], fonts: new Map() };
    inks.set(page, ink);
  }
  return ink;
}

/** The font's codes for a text already through `clean` (every character encodable), in hex. */
function hexOf(font: PDFFont, text: string): string {
  let codes = hexCodes.get(font);
  if (!codes) {
    codes = new Map();
    hexCodes.set(font, codes);
  }
  let out = '';
  for (const c of text) {
    let h = codes.get(c);
    if (h === undefined) {
      h = font.encodeText(c).toString().slice(1, -1);
      codes.set(c, h);
    }
    out += h;
  }
  return out;
}

/** One line of text (through `clean` or `fit`) at (x, y), its baseline. */
function drawString(page: PDFPage, text: string, o: { x: number; y: number; size: number; font: PDFFont }) {
  const ink = inkOf(page);
  let key = ink.fonts.get(o.font);
  if (!key) {
    key = `F${ink.fonts.size + 1}`;
    ink.fonts.set(o.font, key);
    page.node.setFontDictionary(PDFName.of(key), o.font.ref);
  }
  ink.parts.push(`BT /${key} ${num(o.size)} Tf ${num(o.x)} ${num(o.y)} Td <${hexOf(o.font, text)}> Tj ET\n`);
}

function fillRect(page: PDFPage, x: number, y: number, width: number, height: number, fill: Rgb) {
  inkOf(page).parts.push(`q ${colour(fill)} rg ${num(x)} ${num(y)} ${num(width)} ${num(height)} re f Q\n`);
}

function rule(page: PDFPage, x1: number, y1: number, x2: number, y2: number, thickness: number, stroke: Rgb) {
  inkOf(page).parts.push(
    `q ${colour(stroke)} RG ${num(thickness)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q\n`,
  );
}

/** The page's pending content as one deflated content stream (a page may get several). */
function flushPage(doc: PDFDocument, page: PDFPage) {
  const ink = inks.get(page);
  if (!ink || ink.parts.length === 0) return;
  const bytes = deflateSync(Buffer.from(`0 g\n${ink.parts.join('')}`, 'latin1'));
  ink.parts = [];
  page.node.addContentStream(doc.context.register(doc.context.stream(bytes, { Filter: 'FlateDecode' })));
}

/** Every page's pending content written, and the pages forgotten (before `save`). */
function flushInk(doc: PDFDocument) {
  for (const page of doc.getPages()) {
    flushPage(doc, page);
    inks.delete(page);
  }
}

type Fonts = { regular: PDFFont; bold: PDFFont };
type Cell = { text: string; align?: 'left' | 'right' };

/** A table over as many pages as needed, the header row repeated, page numbers added at the end. */
class TableWriter {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly size: [number, number],
    readonly widths: readonly number[],
    readonly header: readonly string[],
    readonly title: string[],
    readonly fontSize = 7,
    /** Columns (0-based) whose header and cells are right-aligned: amounts. */
    readonly rightAligned: ReadonlySet<number> = new Set(),
    readonly margin = 28,
  ) {}
  private get width() {
    return this.widths.reduce((s, w) => s + w, 0);
  }
  newPage() {
    if (this.page) flushPage(this.doc, this.page);
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - this.margin;
    this.title.forEach((t, i) => {
      const s = i === 0 ? 12 : 8.5;
      const font = i === 0 ? this.fonts.bold : this.fonts.regular;
      drawString(this.page, fit(font, t, s, this.size[0] - 2 * this.margin), {
        x: this.margin,
        y: this.y - s,
        size: s,
        font,
      });
      this.y -= s * 1.5;
    });
    this.y -= 4;
    this.headerRow();
  }
  /** The header, each title on up to two lines. */
  headerRow() {
    const font = this.fonts.bold;
    const lines = this.header.map((h, i) => wrapTwo(font, h, this.fontSize, (this.widths[i] ?? 0) - 4));
    const h = this.fontSize * 3.4;
    if (!this.page || this.y - h < this.margin + 14) {
      this.newPage();
      return;
    }
    fillRect(this.page, this.margin, this.y - h, this.width, h, [0.9, 0.92, 0.95]);
    let x = this.margin;
    lines.forEach((ls, i) => {
      const w = this.widths[i] ?? 0;
      ls.forEach((l, j) => {
        const tw = font.widthOfTextAtSize(l, this.fontSize);
        drawString(this.page, l, {
          x: this.rightAligned.has(i) ? x + w - 2 - tw : x + 2,
          y: this.y - this.fontSize * (1.4 + 1.2 * j),
          size: this.fontSize,
          font,
        });
      });
      x += w;
    });
    this.y -= h;
  }
  /** One row; `span`: the first cell's text across the whole table (a group heading). */
  row(
    cells: readonly Cell[],
    options: { bold?: boolean; fill?: boolean; span?: boolean; leadThenLast?: boolean } = {},
  ) {
    const h = this.fontSize * 1.9;
    if (!this.page || this.y - h < this.margin + 14) this.newPage();
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    if (options.fill) {
      fillRect(this.page, this.margin, this.y - h, this.width, h, [0.95, 0.96, 0.97]);
    }
    const baseline = this.y - h + this.fontSize * 0.6;
    if (options.span) {
      const text = fit(font, cells[0]?.text ?? '', this.fontSize, this.width - 4);
      drawString(this.page, text, { x: this.margin + 2, y: baseline, size: this.fontSize, font });
    } else if (options.leadThenLast) {
      // A label over every column but the last, and an amount in the last one.
      const last = this.widths.at(-1) ?? 0;
      const label = fit(font, cells[0]?.text ?? '', this.fontSize, this.width - last - 4);
      drawString(this.page, label, { x: this.margin + 2, y: baseline, size: this.fontSize, font });
      const amount = fit(font, cells[1]?.text ?? '', this.fontSize, last - 4);
      const tw = font.widthOfTextAtSize(amount, this.fontSize);
      drawString(this.page, amount, { x: this.margin + this.width - 2 - tw, y: baseline, size: this.fontSize, font });
    } else {
      let x = this.margin;
      cells.forEach((c, i) => {
        const w = this.widths[i] ?? 0;
        const text = fit(font, c.text, this.fontSize, w - 4);
        const tw = font.widthOfTextAtSize(text, this.fontSize);
        const right = c.align === 'right' || (c.align === undefined && this.rightAligned.has(i));
        drawString(this.page, text, { x: right ? x + w - 2 - tw : x + 2, y: baseline, size: this.fontSize, font });
        x += w;
      });
    }
    rule(this.page, this.margin, this.y - h, this.margin + this.width, this.y - h, 0.3, [0.7, 0.7, 0.7]);
    this.y -= h;
  }
  gap(points: number) {
    this.y -= points;
  }
}

/** A text on at most two lines of this width (the second one shortened if need be). */
function wrapTwo(font: PDFFont, text: string, size: number, width: number): string[] {
  const words = clean(font, text).split(/\s+/);
  let first = '';
  let i = 0;
  for (; i < words.length; i++) {
    const candidate = first ? `${first} ${words[i]}` : (words[i] as string);
    if (first && font.widthOfTextAtSize(candidate, size) > width) break;
    first = candidate;
  }
  const rest = words.slice(i).join(' ');
  return rest ? [fit(font, first, size, width), fit(font, rest, size, width)] : [fit(font, first, size, width)];
}

function numberPages(doc: PDFDocument, font: PDFFont, lang: Lang, footer: string) {
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const { width } = p.getSize();
    const text = `${footer} — ${T[lang].page(i + 1, pages.length)}`;
    const s = 7;
    drawString(p, clean(font, text), {
      x: width - 28 - font.widthOfTextAtSize(clean(font, text), s),
      y: 14,
      size: s,
      font,
    });
  });
}

async function newDoc(title: string, lang: Lang, date?: Date) {
  const doc = await PDFDocument.create({ updateMetadata: !date });
  if (date) {
    // Fixed dates: the same content gives the same bytes (and sha256) at every export.
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  }
  doc.setTitle(title);
  doc.setCreator('Socle');
  doc.setProducer('Socle');
  doc.setLanguage(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  return { doc, fonts };
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

function titleLines(d: StatementData, lang: Lang, title: string): string[] {
  const t = T[lang];
  return [
    title,
    `${t.programme} : ${d.programme.name}`,
    `${t.funder} : ${d.claim.funderName} — ${t.convention} ${d.claim.conventionReference}`,
    `${t.claim} ${d.claim.label} (${t.kind[d.claim.kind]}) — ${t.status} : ${t.statuses[d.claim.status]}${
      d.claim.periodFrom || d.claim.periodTo
        ? ` — ${t.period} ${frDate(d.claim.periodFrom, lang) || '…'} → ${frDate(d.claim.periodTo, lang) || '…'}`
        : ''
    }`,
  ];
}

export async function statementPdf(d: StatementData, lang: Lang): Promise<Uint8Array> {
  const t = T[lang];
  const { doc, fonts } = await newDoc(`${t.statement} ${d.claim.label}`, lang);
  const widths = [22, 92, 60, 62, 42, 124, 56, 48, 56, 42, 50, 56, 56];
  const table = new TableWriter(
    doc,
    fonts,
    A4_LANDSCAPE,
    widths,
    t.columns,
    titleLines(d, lang, t.statement),
    7,
    new Set([6, 7, 8, 11, 12]),
  );
  const m = (c: number) => ({ text: money(c, lang), align: 'right' as const });
  const blank = { text: '' };
  const totals = (label: string, ls: readonly ClaimLine[]) =>
    table.row(
      [
        blank,
        { text: label },
        blank,
        blank,
        blank,
        blank,
        m(ls.reduce((s, l) => s + l.htCents, 0)),
        m(ls.reduce((s, l) => s + l.vatCents, 0)),
        m(ls.reduce((s, l) => s + l.ttcCents, 0)),
        blank,
        blank,
        m(ls.reduce((s, l) => s + l.eligibleCents, 0)),
        m(ls.reduce((s, l) => s + l.aidCents, 0)),
      ],
      { bold: true },
    );
  table.newPage();
  for (const item of d.costItems) {
    const mine = d.lines.filter((l) => l.costItemId === item.costItemId);
    table.row([{ text: `${t.costItem} ${item.code} — ${item.label}` }], { bold: true, fill: true, span: true });
    for (const l of mine)
      table.row([
        { text: String(l.position) },
        { text: l.supplierName },
        { text: l.supplierSiret },
        { text: l.invoiceNumber },
        { text: frDate(l.invoiceDate, lang) },
        { text: l.description },
        m(l.htCents),
        m(l.vatCents),
        m(l.ttcCents),
        { text: frDate(l.paidOn, lang) },
        { text: l.mandateNumber ?? '' },
        m(l.eligibleCents),
        m(l.aidCents),
      ]);
    totals(`${t.subtotal} ${item.code}`, mine);
  }
  table.gap(4);
  totals(t.total, d.lines);
  const rec = d.claim.reconciliation;
  if (rec) {
    table.gap(8);
    const line = (label: string, cents: number, bold = false) =>
      table.row([{ text: label }, m(cents)], { bold, leadThenLast: true });
    line(t.reconciliation.justified, rec.justifiedCents);
    line(t.reconciliation.due, rec.dueCents);
    line(t.reconciliation.earlier, rec.earlierCents);
    if (rec.balanceCents >= 0) line(t.reconciliation.balance, rec.balanceCents, true);
    else line(t.reconciliation.repay, -rec.balanceCents, true);
  }
  numberPages(doc, fonts.regular, lang, `${t.statement} ${d.claim.label}`);
  flushInk(doc);
  return doc.save();
}

export async function cofinancingPdf(d: StatementData, lang: Lang): Promise<Uint8Array> {
  const t = T[lang];
  const percent = (bp: number) =>
    new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(bp / 100);
  const { doc, fonts } = await newDoc(`${t.cofinancing} ${d.claim.label}`, lang);
  const table = new TableWriter(
    doc,
    fonts,
    A4_LANDSCAPE,
    [190, 80, 170, 110, 110, 110],
    t.cofColumns,
    titleLines(d, lang, t.cofinancing),
    9,
    new Set([3, 4, 5]),
  );
  const m = (c: number) => ({ text: money(c, lang), align: 'right' as const });
  table.newPage();
  for (const c of d.cofinancing)
    table.row([
      { text: c.funderName },
      { text: t.funderKinds[c.funderKind] },
      { text: c.reference },
      m(c.aidCents),
      m(c.claimedCents),
      m(c.receivedCents),
    ]);
  table.row([{ text: t.owner }, { text: '' }, { text: '' }, m(d.ownerCents)]);
  table.row([{ text: t.eligibleTotal }, { text: '' }, { text: '' }, m(d.eligibleCents)], { bold: true });
  table.gap(16);
  const indicators = new TableWriter(
    doc,
    fonts,
    A4_LANDSCAPE,
    [60, 330, 80, 80, 80, 80, 70],
    t.indColumns,
    [],
    9,
    new Set([3, 4, 5, 6]),
  );
  indicators.page = table.page;
  indicators.y = table.y;
  indicators.headerRow();
  const n = (v: number | null) => ({ text: v === null ? '' : String(v), align: 'right' as const });
  for (const i of d.indicators as Indicator[])
    indicators.row([
      { text: i.code },
      { text: i.label },
      { text: i.unit },
      n(i.baseline),
      n(i.target),
      n(i.value),
      { text: i.reachedBp === null ? '' : `${percent(i.reachedBp)} %`, align: 'right' },
    ]);
  numberPages(doc, fonts.regular, lang, `${t.cofinancing} ${d.claim.label}`);
  flushInk(doc);
  return doc.save();
}

export async function claimStatementPdf(scope: Scope, claimId: string, lang: Lang = 'fr') {
  return statementPdf(await statementData(scope, claimId), lang);
}

export async function claimCofinancingPdf(scope: Scope, claimId: string, lang: Lang = 'fr') {
  return cofinancingPdf(await statementData(scope, claimId), lang);
}

// Invoices ZIP -------------------------------------------------------------------

type InvoiceInfo = {
  id: string;
  number: string;
  invoiceDate: string;
  htCents: number;
  vatCents: number;
  ttcCents: number;
  paidOn: string | null;
  mandateNumber: string | null;
  file: { id: string; mime: string } | null;
};

/** What the ZIP needs, read in the transaction; the PDFs are made and streamed after it. */
export async function prepareClaimInvoices(scope: Scope, claimId: string) {
  const { claim, lines } = await claimWithLines(scope, claimId);
  const invoiceIds = [...new Set(lines.map((l) => l.invoiceId).filter((x): x is string => x !== null))];
  const found = invoiceIds.length
    ? await scope.tx
        .select({
          id: invoices.id,
          number: invoices.number,
          invoiceDate: invoices.invoiceDate,
          htCents: invoices.htCents,
          vatCents: invoices.vatCents,
          ttcCents: invoices.ttcCents,
          paidOn: invoices.paidOn,
          mandateNumber: invoices.mandateNumber,
          fileId: files.id,
          mime: files.mime,
        })
        .from(invoices)
        .leftJoin(files, eq(files.id, invoices.fileId))
        .where(inArray(invoices.id, invoiceIds))
    : [];
  const byId = new Map<string, InvoiceInfo>(
    found.map((i) => [
      i.id,
      {
        ...i,
        file: i.fileId && i.mime ? { id: i.fileId, mime: i.mime } : null,
      },
    ]),
  );
  return {
    organisationId: scope.organisationId,
    claim,
    lines: lines.map((l) => ({ line: l, invoice: l.invoiceId ? (byId.get(l.invoiceId) ?? null) : null })),
  };
}
export type InvoicesPlan = Awaited<ReturnType<typeof prepareClaimInvoices>>;

/**
 * A one-page summary of an invoice that has no document (or an unreadable
 * one): its header, its amounts (the invoice's when it is recorded,
 * otherwise the sum of this claim's lines on it, said so), the claim's
 * lines on it, and why the document is not there.
 */
async function summaryPdf(
  group: readonly ClaimLine[],
  invoice: InvoiceInfo | null,
  claimLabel: string,
  lang: Lang,
  note: string,
): Promise<Uint8Array> {
  const t = T[lang];
  const line = group[0] as ClaimLine;
  const { doc, fonts } = await newDoc(
    `${t.summaryTitle} ${invoice?.number ?? line.invoiceNumber}`,
    lang,
    asDate(invoice?.invoiceDate ?? line.invoiceDate) ?? new Date(0),
  );
  const page = doc.addPage([595.28, 841.89]);
  const margin = 56;
  const width = 595.28 - 2 * margin;
  let y = 841.89 - margin;
  const write = (text: string, font: PDFFont, size: number, gap = 4) => {
    drawString(page, fit(font, text, size, width), { x: margin, y: y - size, size, font });
    y -= size + gap;
  };
  const paragraph = (text: string) => {
    let current = '';
    for (const w of clean(fonts.regular, text).split(/\s+/)) {
      const candidate = current ? `${current} ${w}` : w;
      if (fonts.regular.widthOfTextAtSize(candidate, 10) > width && current) {
        write(current, fonts.regular, 10, 3);
        current = w;
      } else current = candidate;
    }
    if (current) write(current, fonts.regular, 10, 3);
  };
  write(t.summaryTitle, fonts.bold, 16, 12);
  write(`${t.claim} ${claimLabel}`, fonts.regular, 10, 14);
  const f = t.fields;
  const sum = (k: 'htCents' | 'vatCents' | 'ttcCents') => group.reduce((s, l) => s + l[k], 0);
  const ofLines = invoice ? '' : ` ${t.ofClaimLines}`;
  const rowsOut: [string, string][] = [
    [f.supplier, line.supplierName],
    [f.siret, line.supplierSiret],
    [f.number, invoice?.number ?? line.invoiceNumber],
    [f.date, frDate(invoice?.invoiceDate ?? line.invoiceDate, lang)],
    [f.ht + ofLines, money(invoice?.htCents ?? sum('htCents'), lang)],
    [f.vat + ofLines, money(invoice?.vatCents ?? sum('vatCents'), lang)],
    [f.ttc + ofLines, money(invoice?.ttcCents ?? sum('ttcCents'), lang)],
    [f.paid, frDate(invoice?.paidOn ?? line.paidOn, lang)],
    [f.mandate, invoice?.mandateNumber ?? line.mandateNumber ?? ''],
  ];
  for (const [k, v] of rowsOut) {
    if (!v) continue;
    drawString(page, fit(fonts.bold, k, 10, 200), { x: margin, y: y - 10, size: 10, font: fonts.bold });
    drawString(page, fit(fonts.regular, v, 10, width - 210), {
      x: margin + 210,
      y: y - 10,
      size: 10,
      font: fonts.regular,
    });
    y -= 18;
  }
  y -= 10;
  write(t.claimLinesOnInvoice, fonts.bold, 10, 6);
  for (const l of group.slice(0, 30)) {
    const amount = money(l.htCents, lang);
    const aw = fonts.regular.widthOfTextAtSize(clean(fonts.regular, amount), 9);
    drawString(page, fit(fonts.regular, `${l.position}. ${l.description || l.costItemLabel}`, 9, width - aw - 12), {
      x: margin,
      y: y - 9,
      size: 9,
      font: fonts.regular,
    });
    drawString(page, clean(fonts.regular, amount), { x: margin + width - aw, y: y - 9, size: 9, font: fonts.regular });
    y -= 13;
  }
  if (group.length > 30) write(`… (${group.length - 30})`, fonts.regular, 9, 4);
  y -= 14;
  paragraph(note);
  flushInk(doc);
  // A one-page document: written at once (pdf-lib yields to the event loop every 50
  // objects by default, a timer each time) and without object streams (deflated
  // with pako): 0.6 ms a summary instead of 2.5–4.
  return doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/**
 * Summaries made in this process, by their content (LRU, bounded): an
 * invoice's summary is generated once and reused by its other lines and by
 * later exports while its data do not change.
 */
const summaries = new Map<string, Uint8Array>();
const SUMMARY_CACHE = 2000;

async function cachedSummary(
  group: readonly ClaimLine[],
  invoice: InvoiceInfo | null,
  claimLabel: string,
  lang: Lang,
  note: string,
): Promise<Uint8Array> {
  const key = createHash('sha256')
    .update(JSON.stringify([lang, note, claimLabel, group, invoice && { ...invoice, file: null }]))
    .digest('hex');
  const hit = summaries.get(key);
  if (hit) {
    summaries.delete(key);
    summaries.set(key, hit);
    return hit;
  }
  const bytes = await summaryPdf(group, invoice, claimLabel, lang, note);
  summaries.set(key, bytes);
  if (summaries.size > SUMMARY_CACHE) summaries.delete(summaries.keys().next().value as string);
  return bytes;
}

/** An uploaded photo of an invoice (JPEG, PNG) on one A4 page. */
async function imagePdf(bytes: Uint8Array, mime: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreator('Socle');
  const image = mime === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  const page = doc.addPage([595.28, 841.89]);
  const scale = Math.min((595.28 - 56) / image.width, (841.89 - 56) / image.height, 1);
  const w = image.width * scale;
  const h = image.height * scale;
  page.drawImage(image, { x: (595.28 - w) / 2, y: (841.89 - h) / 2, width: w, height: h });
  return doc.save();
}

type Source = 'uploaded' | 'summary';

/** Gathers small chunks into chunks of at least `size` bytes. */
class Coalesce extends Transform {
  private parts: Buffer[] = [];
  private length = 0;
  constructor(readonly size: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.parts.push(chunk);
    this.length += chunk.length;
    if (this.length >= this.size) this.release();
    callback();
  }
  override _flush(callback: TransformCallback) {
    if (this.length > 0) this.release();
    callback();
  }
  private release() {
    this.push(this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.length));
    this.parts = [];
    this.length = 0;
  }
}

/**
 * The ZIP, streamed to `out`: one PDF per claim line in the statement's
 * order (`0001-<invoice number>.pdf` …) — the invoice's uploaded PDF (a
 * photo put on a page), or a generated summary when there is none (made
 * once per invoice and reused for its other lines) — and `manifest.csv`.
 * PDFs are stored (already compressed), the manifest deflated.
 */
export async function streamClaimInvoicesZip(
  plan: InvoicesPlan,
  out: NodeJS.WritableStream,
  lang: Lang = 'fr',
  config?: Config,
): Promise<void> {
  const t = T[lang];
  const archive = archiver('zip', { zlib: { level: 6 } });
  const done = new Promise<void>((resolve, reject) => {
    archive.on('error', reject);
    out.on('error', reject);
    out.on('finish', () => resolve());
    out.on('close', () => resolve());
  });
  // zip-stream writes each entry in a dozen small chunks: they reach `out` in
  // chunks of 256 KiB (a few hundred writes for a claim, not half a million).
  archive.pipe(new Coalesce(256 * 1024)).pipe(out as NodeJS.WritableStream);
  // Backpressure: archiver queues whatever is appended (and zip-stream writes a stored
  // entry at once, in many small chunks), so the entries are appended a few at a time,
  // each after the archive took the previous ones, and not while `out` is full.
  let appended = 0;
  let processed = 0;
  let wake: (() => void) | null = null;
  const nudge = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  archive.on('entry', () => {
    processed += 1;
    nudge();
  });
  archive.on('error', nudge);
  const writable = out as NodeJS.WritableStream & { writableNeedDrain?: boolean };
  const settle = async () => {
    while (appended - processed > 8) {
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), done]);
    }
    if (writable.writableNeedDrain)
      await Promise.race([new Promise<void>((resolve) => writable.once('drain', () => resolve())), done]);
  };
  const memo = new Map<string, { bytes: Buffer; source: Source; sha256: string }>();
  const manifest: {
    position: number;
    file: string;
    number: string;
    supplier: string;
    siret: string;
    ht: string;
    eligible: string;
    aid: string;
    source: Source;
    sha256: string;
  }[] = [];
  const keyOf = (x: InvoicesPlan['lines'][number]) =>
    x.invoice ? `i:${x.invoice.id}` : `l:${x.line.supplierId}|${x.line.invoiceNumber}|${x.line.invoiceDate}`;
  const groups = new Map<string, ClaimLine[]>();
  // The last line of each document: its bytes are dropped after it (memory stays bounded).
  const lastUse = new Map<string, number>();
  plan.lines.forEach((x, i) => {
    const key = keyOf(x);
    const group = groups.get(key);
    if (group) group.push(x.line);
    else groups.set(key, [x.line]);
    lastUse.set(key, i);
  });
  for (const [i, x] of plan.lines.entries()) {
    const { line, invoice } = x;
    const key = keyOf(x);
    let doc = memo.get(key);
    if (!doc) {
      let bytes: Uint8Array | null = null;
      let note: string = t.notAttached;
      if (invoice?.file) {
        if (!config) throw new AppError('INTERNAL', 'The files directory is needed to export uploaded invoices');
        try {
          const raw = new Uint8Array(await fs.readFile(pathOf(config, plan.organisationId, invoice.file.id)));
          if (invoice.file.mime === 'application/pdf') bytes = raw;
          else if (invoice.file.mime === 'image/jpeg' || invoice.file.mime === 'image/png')
            bytes = await imagePdf(raw, invoice.file.mime);
          else note = t.unreadable;
        } catch {
          note = t.unreadable;
        }
      }
      const source: Source = bytes ? 'uploaded' : 'summary';
      const made = bytes ?? (await cachedSummary(groups.get(key) ?? [line], invoice, plan.claim.label, lang, note));
      // A view on the bytes, not a copy: every line of the invoice appends the same buffer.
      const buffer = Buffer.from(made.buffer, made.byteOffset, made.byteLength);
      doc = { bytes: buffer, source, sha256: createHash('sha256').update(buffer).digest('hex') };
      memo.set(key, doc);
    }
    if (lastUse.get(key) === i) memo.delete(key);
    const name = `${String(line.position).padStart(4, '0')}-${safeFilePart(line.invoiceNumber)}.pdf`;
    await settle();
    archive.append(doc.bytes, { name, store: true } as archiver.ZipEntryData);
    appended += 1;
    manifest.push({
      position: line.position,
      file: name,
      number: line.invoiceNumber,
      supplier: line.supplierName,
      siret: line.supplierSiret,
      ht: (line.htCents / 100).toFixed(2),
      eligible: (line.eligibleCents / 100).toFixed(2),
      aid: (line.aidCents / 100).toFixed(2),
      source: doc.source,
      sha256: doc.sha256,
    });
  }
  const [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9] = t.manifest;
  const csv = toCsv(
    [
      { header: c0, value: (r) => r.position },
      { header: c1, value: (r) => r.file },
      { header: c2, value: (r) => r.number },
      { header: c3, value: (r) => r.supplier },
      { header: c4, value: (r) => r.siret },
      { header: c5, value: (r) => r.ht },
      { header: c6, value: (r) => r.eligible },
      { header: c7, value: (r) => r.aid },
      { header: c8, value: (r) => r.source },
      { header: c9, value: (r) => r.sha256 },
    ],
    manifest,
  );
  archive.append(Buffer.from(csv, 'utf8'), { name: 'manifest.csv' });
  await archive.finalize();
  await done;
}

/** The ZIP of a claim's invoices written to `out` (read, then streamed). */
export async function writeClaimInvoicesZip(
  scope: Scope,
  claimId: string,
  out: NodeJS.WritableStream,
  lang: Lang = 'fr',
  config?: Config,
): Promise<void> {
  const plan = await prepareClaimInvoices(scope, claimId);
  await streamClaimInvoicesZip(plan, out, lang, config);
}
