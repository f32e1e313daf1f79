import { deflateSync } from 'node:zlib';
import { type PDFDocument, type PDFFont, PDFName, type PDFPage } from 'pdf-lib';

/**
 * A fast PDF page writer on pdf-lib for reports with many rows: text as
 * hex strings in a standard font's WinAnsi encoding, tables whose heading
 * and header repeat on page breaks, and one deflated content stream per
 * page. Used by the baseline gap export and the programme report.
 */

/**
 * A standard font's codes and widths, one lookup per distinct character.
 * Texts are drawn as hex strings in the font's encoding (WinAnsi); a
 * character the font cannot encode becomes "?".
 */
export class Metrics {
  private readonly glyphs = new Map<string, { hex: string; width: number } | null>();
  readonly ellipsis: { hex: string; width: number };
  private readonly question: { hex: string; width: number };
  constructor(
    readonly font: PDFFont,
    readonly key: string,
  ) {
    this.question = this.glyph('?') ?? { hex: '3F', width: 556 };
    this.ellipsis = this.glyph('…') ?? { hex: '2E2E2E', width: 3 * 278 };
  }
  /** Code (hex) and width (thousandths of the font size), or null when not encodable. */
  glyph(c: string): { hex: string; width: number } | null {
    let g = this.glyphs.get(c);
    if (g === undefined) {
      try {
        const hex = this.font.encodeText(c).toString().slice(1, -1);
        g = { hex, width: this.font.widthOfTextAtSize(c, 1000) };
      } catch {
        g = null;
      }
      this.glyphs.set(c, g);
    }
    return g;
  }
  /** The text as drawn (hex codes) and its width at `size`, cut with "…" to fit in `max` points. */
  layout(text: string, size: number, max = Number.POSITIVE_INFINITY): { hex: string; width: number } {
    const limit = (max * 1000) / size;
    let hex = '';
    let width = 0;
    // Where the text would be cut if it overflows: the longest prefix that leaves room for "…".
    let cutHex = '';
    let cutWidth = 0;
    let cut = false;
    for (const raw of text.replace(/[\u202f\u00a0\r\n\t]/g, ' ')) {
      const g = this.glyph(raw) ?? this.question;
      if (!cut && width + g.width + this.ellipsis.width > limit) {
        cut = true;
        cutHex = hex;
        cutWidth = width;
      }
      hex += g.hex;
      width += g.width;
      if (width > limit) {
        hex = cutHex + this.ellipsis.hex;
        width = cutWidth + this.ellipsis.width;
        break;
      }
    }
    return { hex, width: (width * size) / 1000 };
  }
  /** Width of the text at `size`, in points. */
  width(text: string, size: number): number {
    return this.layout(text, size).width;
  }
  /** The text broken into lines of at most `max` points (at spaces; a word longer than a line is cut). */
  wrap(text: string, size: number, max: number): string[] {
    const out: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (line && this.width(next, size) > max) {
          out.push(line);
          line = word;
        } else line = next;
      }
      out.push(line);
    }
    return out;
  }
}

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 40;
export const CONTENT_WIDTH = A4[0] - 2 * MARGIN;
export const BOTTOM = 40;
const num = (v: number) => String(Math.round(v * 100) / 100);

export type Col = { title: string; width: number; right?: boolean };

/**
 * Writes the pages' content as PDF operators (one deflated stream per
 * page): pdf-lib's `drawText` adds a font entry to the page at every call
 * and builds many objects per text, slow for thousands of rows (see
 * funding/claim-exports.ts, which does the same).
 */
export class PageWriter {
  private readonly pages: { page: PDFPage; parts: string[] }[] = [];
  private parts: string[] = [];
  y = 0;
  constructor(
    private readonly doc: PDFDocument,
    readonly regular: Metrics,
    readonly bold: Metrics,
  ) {}

  newPage() {
    const page = this.doc.addPage(A4);
    for (const m of [this.regular, this.bold]) page.node.setFontDictionary(PDFName.of(m.key), m.font.ref);
    this.parts = [];
    this.pages.push({ page, parts: this.parts });
    this.y = A4[1] - MARGIN;
  }

  /** Room for `height` points on this page, or a new page; true when a page was added. */
  ensure(height: number): boolean {
    if (this.pages.length && this.y - height >= BOTTOM) return false;
    this.newPage();
    return true;
  }

  text(text: string, o: { x: number; y: number; size: number; bold?: boolean; max?: number; right?: boolean }) {
    const m = o.bold ? this.bold : this.regular;
    const { hex, width } = m.layout(text, o.size, o.max);
    const x = o.right ? o.x - width : o.x;
    this.parts.push(`BT /${m.key} ${num(o.size)} Tf ${num(x)} ${num(o.y)} Td <${hex}> Tj ET\n`);
  }

  fill(x: number, y: number, w: number, h: number, grey: number) {
    this.parts.push(`q ${num(grey)} g ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f Q\n`);
  }

  rule(x1: number, x2: number, y: number, grey = 0.75, thickness = 0.3) {
    this.parts.push(`q ${num(grey)} G ${num(thickness)} w ${num(x1)} ${num(y)} m ${num(x2)} ${num(y)} l S Q\n`);
  }

  /** A filled rectangle in an RGB colour (components 0–1). */
  fillRgb(x: number, y: number, w: number, h: number, rgb: readonly [number, number, number]) {
    this.parts.push(`q ${rgb.map(num).join(' ')} rg ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f Q\n`);
  }

  /** A filled polygon in an RGB colour. */
  polygon(points: readonly (readonly [number, number])[], rgb: readonly [number, number, number]) {
    const [first, ...rest] = points;
    if (!first) return;
    const path = [`${num(first[0])} ${num(first[1])} m`, ...rest.map(([x, y]) => `${num(x)} ${num(y)} l`)].join(' ');
    this.parts.push(`q ${rgb.map(num).join(' ')} rg ${path} h f Q\n`);
  }

  /** Wrapped text across the page (line breaks kept), `gap` points after it. */
  paragraph(text: string, size: number, o: { bold?: boolean; gap?: number } = {}) {
    const m = o.bold ? this.bold : this.regular;
    for (const line of m.wrap(text, size, CONTENT_WIDTH)) {
      this.ensure(size * 1.4);
      this.text(line, { x: MARGIN, y: this.y - size, size, bold: o.bold ?? false, max: CONTENT_WIDTH });
      this.y -= size * 1.4;
    }
    this.y -= o.gap ?? 0;
  }

  /**
   * A horizontal bar chart: one row per item, its label, a bar per series
   * (each series its colour; a legend first) and the value written at the
   * bar's end, so the figures do not depend on colour.
   */
  bars(
    items: readonly { label: string; values: readonly number[] }[],
    o: {
      heading: string;
      series: readonly { label: string; rgb: readonly [number, number, number] }[];
      format: (v: number) => string;
      labelWidth?: number;
    },
  ) {
    const size = 8;
    const barH = 7;
    const labelWidth = o.labelWidth ?? 170;
    const valueWidth = 80;
    const plot = CONTENT_WIDTH - labelWidth - valueWidth;
    const max = Math.max(1, ...items.flatMap((i) => i.values));
    const rowH = o.series.length * (barH + 2) + 6;
    this.ensure(10 * 1.6 + 14 + rowH);
    this.text(o.heading, { x: MARGIN, y: this.y - 10, size: 10, bold: true, max: CONTENT_WIDTH });
    this.y -= 10 * 1.6;
    let x = MARGIN;
    for (const s of o.series) {
      this.fillRgb(x, this.y - 8, 8, 8, s.rgb);
      this.text(s.label, { x: x + 11, y: this.y - 7.5, size });
      x += 11 + this.regular.width(s.label, size) + 16;
    }
    this.y -= 14;
    for (const item of items) {
      this.ensure(rowH);
      this.text(item.label, { x: MARGIN, y: this.y - rowH / 2 - size / 3, size, max: labelWidth - 6 });
      o.series.forEach((s, k) => {
        const v = item.values[k] ?? 0;
        const w = (plot * Math.max(0, v)) / max;
        const top = this.y - 3 - k * (barH + 2);
        this.fillRgb(MARGIN + labelWidth, top - barH, Math.max(w, 0.5), barH, s.rgb);
        this.text(o.format(v), { x: MARGIN + labelWidth + w + 3, y: top - barH + 1, size: 6.5, max: valueWidth });
      });
      this.y -= rowH;
      this.rule(MARGIN, MARGIN + CONTENT_WIDTH, this.y, 0.85);
    }
  }

  /** A line of text across the page, `gap` points after it. */
  line(text: string, size: number, bold = false, gap = 0) {
    this.ensure(size * 1.5);
    this.text(text, { x: MARGIN, y: this.y - size, size, bold, max: CONTENT_WIDTH });
    this.y -= size * 1.5 + gap;
  }

  /** A table; on a page break its heading (with `continued`) and header are repeated. */
  table(
    cols: readonly Col[],
    rows: Iterable<readonly string[]>,
    o: { heading?: string; continued: string; size?: number },
  ) {
    const size = o.size ?? 8;
    const rowH = size * 1.75;
    const headH = size * 2;
    const headingSize = 10;
    const header = (continued: boolean) => {
      if (o.heading) {
        this.text(continued ? `${o.heading} ${o.continued}` : o.heading, {
          x: MARGIN,
          y: this.y - headingSize,
          size: headingSize,
          bold: true,
          max: CONTENT_WIDTH,
        });
        this.y -= headingSize * 1.6;
      }
      this.fill(MARGIN, this.y - headH, CONTENT_WIDTH, headH, 0.9);
      let x = MARGIN;
      for (const c of cols) {
        this.text(c.title, {
          x: c.right ? x + c.width - 3 : x + 3,
          y: this.y - headH + size * 0.65,
          size,
          bold: true,
          max: c.width - 6,
          right: c.right ?? false,
        });
        x += c.width;
      }
      this.y -= headH;
    };
    const headerHeight = (o.heading ? headingSize * 1.6 : 0) + headH;
    // Keep the heading and header with at least one row.
    this.ensure(headerHeight + rowH);
    header(false);
    for (const cells of rows) {
      if (this.ensure(rowH)) header(true);
      let x = MARGIN;
      cols.forEach((c, i) => {
        this.text(cells[i] ?? '', {
          x: c.right ? x + c.width - 3 : x + 3,
          y: this.y - rowH + size * 0.55,
          size,
          max: c.width - 6,
          right: c.right ?? false,
        });
        x += c.width;
      });
      this.y -= rowH;
      this.rule(MARGIN, MARGIN + CONTENT_WIDTH, this.y);
    }
  }

  /** Page numbers on every page, then each page's content deflated into one stream. */
  finish(footer: (n: number, of: number) => string) {
    const total = this.pages.length;
    this.pages.forEach(({ page, parts }, i) => {
      this.parts = parts;
      this.text(footer(i + 1, total), { x: A4[0] - MARGIN, y: 20, size: 7.5, right: true });
      const bytes = deflateSync(Buffer.from(`0 g\n${parts.join('')}`, 'latin1'));
      page.node.addContentStream(this.doc.context.register(this.doc.context.stream(bytes, { Filter: 'FlateDecode' })));
    });
  }
}
