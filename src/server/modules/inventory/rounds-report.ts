import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { Column } from '../../http/export.ts';

/** The report of an inventory round, as CSV lines or a PDF (French, with counts first). */

type Line = { tag: string; model: string; status: string; registeredAt: string | null };
export interface RoundReport {
  place: string;
  startedAt: string;
  closedAt: string | null;
  startedBy: string | null;
  counts: { expected: number; found: number; missing: number; unexpected: number; unknown: number };
  found: Line[];
  missing: Line[];
  unexpected: Line[];
  unknown: string[];
}

export type ReportRow = { result: string } & Line;

export const ROUND_COLUMNS: Column<ReportRow>[] = [
  { header: 'resultat', value: (r) => r.result },
  { header: 'tag', value: (r) => r.tag },
  { header: 'modele', value: (r) => r.model },
  { header: 'statut', value: (r) => r.status },
  { header: 'enregistre_a', value: (r) => r.registeredAt },
];

export function reportRows(r: RoundReport): ReportRow[] {
  return [
    ...r.found.map((l) => ({ result: 'trouve', ...l })),
    ...r.missing.map((l) => ({ result: 'manquant', ...l })),
    ...r.unexpected.map((l) => ({ result: 'inattendu', ...l })),
    ...r.unknown.map((tag) => ({ result: 'inconnu', tag, model: '', status: '', registeredAt: null })),
  ];
}

const clean = (font: PDFFont, text: string) =>
  [...text]
    .map((c) => {
      try {
        font.encodeText(c);
        return c;
      } catch {
        return '?';
      }
    })
    .join('');

export async function roundPdf(r: RoundReport, organisation: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Inventaire — ${r.place}`);
  doc.setCreator('Socle');
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  let page: PDFPage = doc.addPage([595.28, 841.89]);
  let y = 800;
  const write = (text: string, font: PDFFont = regular, size = 10, indent = 0) => {
    if (y < 50) {
      page = doc.addPage([595.28, 841.89]);
      y = 800;
    }
    page.drawText(clean(font, text).slice(0, 110), { x: 50 + indent, y, size, font, color: rgb(0, 0, 0) });
    y -= size * 1.5;
  };
  write(`Inventaire — ${r.place}`, bold, 16);
  write(organisation, regular, 10);
  write(`Commencé le ${r.startedAt.slice(0, 16).replace('T', ' ')}${r.startedBy ? ` par ${r.startedBy}` : ''}`);
  write(r.closedAt ? `Clos le ${r.closedAt.slice(0, 16).replace('T', ' ')}` : 'En cours');
  y -= 6;
  const c = r.counts;
  write(
    `Attendus : ${c.expected}   Trouvés : ${c.found}   Manquants : ${c.missing}   Inattendus : ${c.unexpected}   Inconnus : ${c.unknown}`,
    bold,
    11,
  );
  for (const [title, list] of [
    ['Manquants', r.missing],
    ['Inattendus (enregistrés ailleurs)', r.unexpected],
    ['Trouvés', r.found],
  ] as const) {
    y -= 8;
    write(`${title} (${list.length})`, bold, 12);
    for (const l of list)
      write(`${l.tag}  ${l.model}  ${l.status}${l.registeredAt ? `  — ${l.registeredAt}` : ''}`, regular, 9, 10);
  }
  if (r.unknown.length) {
    y -= 8;
    write(`Étiquettes inconnues (${r.unknown.length})`, bold, 12);
    for (const t of r.unknown) write(t, regular, 9, 10);
  }
  return doc.save();
}
