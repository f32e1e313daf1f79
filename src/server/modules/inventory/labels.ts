import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';

/**
 * Sheets of QR labels for common A4 label stock. Each label: the QR code of
 * the asset's address (`<public url>/assets/tag/<tag>`: any phone opens it,
 * and Socle's scanner reads the tag back from it), the tag in large type, a
 * short name and the organisation.
 */

const MM = 72 / 25.4;

export const LABEL_LAYOUTS = {
  /** 3 × 8 labels of 70 × 37 mm (e.g. Avery 3474). */
  'a4-3x8': { columns: 3, rows: 8, width: 70, height: 37, left: 0, top: 0.5, gapX: 0, gapY: 0 },
  /** 4 × 10 labels of 48.5 × 25.4 mm with margins (e.g. Avery L4778-type sheets). */
  'a4-4x10': { columns: 4, rows: 10, width: 48.5, height: 25.4, left: 8, top: 21.5, gapX: 0, gapY: 0 },
  /** 2 × 7 labels of 99.1 × 38.1 mm (e.g. Avery L7163). */
  'a4-2x7': { columns: 2, rows: 7, width: 99.1, height: 38.1, left: 4.7, top: 15.15, gapX: 2.5, gapY: 0 },
} as const;
export type LabelLayout = keyof typeof LABEL_LAYOUTS;

export interface Label {
  readonly tag: string;
  readonly name: string;
}

export function labelUrl(publicUrl: string, tag: string): string {
  return `${publicUrl}/assets/tag/${encodeURIComponent(tag)}`;
}

/** The tag a scanned text designates: a bare tag, or one of our label URLs. */
export function tagFromScan(text: string): string {
  const trimmed = text.trim();
  const match = /\/assets\/tag\/([^/?#\s]+)/.exec(trimmed);
  return match?.[1] ? decodeURIComponent(match[1]) : trimmed;
}

/** Standard PDF fonts cover WinAnsi only: other characters are replaced. */
function printable(font: PDFFont, text: string): string {
  return [...text]
    .map((c) => {
      try {
        font.encodeText(c);
        return c;
      } catch {
        return '?';
      }
    })
    .join('');
}

function fit(font: PDFFont, text: string, size: number, maxWidth: number): string {
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(t, size) > maxWidth) t = t.slice(0, -1);
  return t === text ? t : `${t.slice(0, -1)}…`;
}

export async function labelsPdf(
  labels: readonly Label[],
  options: { layout: LabelLayout; organisation: string; publicUrl: string; skip?: number },
): Promise<Uint8Array> {
  const layout = LABEL_LAYOUTS[options.layout];
  const doc = await PDFDocument.create();
  doc.setTitle(`Étiquettes — ${options.organisation}`);
  doc.setCreator('Socle');
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const perPage = layout.columns * layout.rows;
  const skip = Math.min(Math.max(0, options.skip ?? 0), perPage - 1);
  let page = doc.addPage([210 * MM, 297 * MM]);
  for (let i = 0; i < labels.length; i++) {
    const slot = (i + skip) % perPage;
    if (i > 0 && slot === 0) page = doc.addPage([210 * MM, 297 * MM]);
    const label = labels[i] as Label;
    const col = slot % layout.columns;
    const row = Math.floor(slot / layout.columns);
    const x = (layout.left + col * (layout.width + layout.gapX)) * MM;
    const yTop = (297 - layout.top - row * (layout.height + layout.gapY)) * MM;
    const pad = 2 * MM;
    const qrSize = layout.height * MM - 2 * pad;
    const png = await QRCode.toBuffer(labelUrl(options.publicUrl, label.tag), {
      errorCorrectionLevel: 'M',
      margin: 1,
      width: 256,
    });
    const image = await doc.embedPng(png);
    page.drawImage(image, { x: x + pad, y: yTop - pad - qrSize, width: qrSize, height: qrSize });
    const textX = x + pad + qrSize + pad;
    const textWidth = layout.width * MM - (textX - x) - pad;
    const tagSize = Math.min(12, layout.height * 0.32);
    page.drawText(fit(bold, printable(bold, label.tag), tagSize, textWidth), {
      x: textX,
      y: yTop - pad - tagSize,
      size: tagSize,
      font: bold,
      color: rgb(0, 0, 0),
    });
    const small = Math.max(5.5, tagSize * 0.62);
    page.drawText(fit(regular, printable(regular, label.name), small, textWidth), {
      x: textX,
      y: yTop - pad - tagSize - small * 1.5,
      size: small,
      font: regular,
    });
    page.drawText(fit(regular, printable(regular, options.organisation), small, textWidth), {
      x: textX,
      y: yTop - layout.height * MM + pad + 1,
      size: small,
      font: regular,
      color: rgb(0.25, 0.25, 0.25),
    });
  }
  return doc.save();
}
