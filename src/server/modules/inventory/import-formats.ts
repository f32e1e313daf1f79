import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { type Parser, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { decodeWindows1252, detectSeparator } from '../schools/import-parse.ts';
import type { AssetStatus } from './rules.ts';

/**
 * Reading asset files row by row (CSV or XLSX), whatever their size: rows
 * are yielded one at a time, never all held in memory. Three layouts:
 * Socle's own export, Snipe-IT's asset import, and GLPI's computer list
 * export (French or English headers). A column mapping from the user
 * overrides the detected columns.
 */

export const ASSET_IMPORT_FORMATS = ['socle', 'snipeit', 'glpi'] as const;
export type AssetImportFormat = (typeof ASSET_IMPORT_FORMATS)[number];

/** The fields an import fills. */
export const ASSET_IMPORT_FIELDS = [
  'tag',
  'serial',
  'category',
  'model',
  'modelNumber',
  'manufacturer',
  'location',
  'room',
  'status',
  'purchaseDate',
  'purchaseCost',
  'supplier',
  'orderRef',
  'invoiceRef',
  'warrantyEnd',
  'warrantyMonths',
  'notes',
] as const;
export type AssetImportField = (typeof ASSET_IMPORT_FIELDS)[number];
export type ColumnMapping = Partial<Record<AssetImportField, string>>;

const norm = (h: string) =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Known headers of each layout, by field (normalised). */
const HEADERS: Record<AssetImportFormat, Partial<Record<AssetImportField, string[]>>> = {
  socle: {
    tag: ['tag'],
    serial: ['serial', 'numerodeserie'],
    category: ['categorie', 'category'],
    model: ['modele', 'model'],
    manufacturer: ['fabricant', 'manufacturer'],
    location: ['uai', 'ecole'],
    room: ['salle', 'room'],
    status: ['statut', 'status'],
    purchaseDate: ['dateachat', 'purchasedate'],
    purchaseCost: ['prixachatht', 'purchasecost'],
    supplier: ['fournisseur', 'supplier'],
    orderRef: ['commande', 'orderref'],
    invoiceRef: ['facture', 'invoiceref'],
    warrantyEnd: ['fingarantie', 'warrantyend'],
    notes: ['notes'],
  },
  snipeit: {
    tag: ['assettag'],
    serial: ['serialnumber', 'serial'],
    category: ['category'],
    model: ['modelname'],
    modelNumber: ['modelnumber'],
    manufacturer: ['manufacturer'],
    location: ['location'],
    status: ['status'],
    purchaseDate: ['purchasedate'],
    purchaseCost: ['purchasecost'],
    supplier: ['supplier'],
    orderRef: ['ordernumber'],
    warrantyMonths: ['warrantymonths', 'warranty'],
    notes: ['notes'],
  },
  glpi: {
    tag: ['numerodinventaire', 'inventorynumber', 'otherserial'],
    serial: ['numerodeserie', 'serialnumber'],
    category: ['type', 'typedordinateur', 'computertype'],
    model: ['modele', 'model', 'modeledordinateur', 'computermodel'],
    manufacturer: ['fabricant', 'manufacturer'],
    location: ['lieu', 'location'],
    status: ['statut', 'status'],
    purchaseDate: ['datedachat', 'purchasedate'],
    warrantyEnd: ['datedexpirationdelagarantie', 'warrantyexpirationdate'],
    notes: ['commentaires', 'comments'],
  },
};

export function detectAssetFormat(headers: readonly string[]): AssetImportFormat | null {
  const keys = new Set(headers.map(norm));
  if (keys.has('assettag')) return 'snipeit';
  if (keys.has('numerodinventaire') || keys.has('inventorynumber') || (keys.has('lieu') && keys.has('numerodeserie')))
    return 'glpi';
  if (keys.has('tag') && (keys.has('modele') || keys.has('model'))) return 'socle';
  return null;
}

/** Field → header name actually present in the file. */
export function resolveColumns(format: AssetImportFormat, headers: readonly string[], mapping: ColumnMapping = {}) {
  const byNorm = new Map(headers.map((h) => [norm(h), h]));
  const out: Partial<Record<AssetImportField, string>> = {};
  for (const field of ASSET_IMPORT_FIELDS) {
    const mapped = mapping[field];
    if (mapped !== undefined) {
      if (mapped && headers.includes(mapped)) out[field] = mapped;
      continue;
    }
    const found = (HEADERS[format][field] ?? []).map((k) => byNorm.get(k)).find((h) => h !== undefined);
    if (found) out[field] = found;
  }
  return out;
}

/** Statuses as written by Snipe-IT, GLPI (FR/EN) and Socle. */
export function mapStatus(value: string | undefined): AssetStatus | null {
  const v = norm(value ?? '');
  if (!v) return 'in_stock';
  const table: Record<string, AssetStatus> = {
    // Socle
    ordered: 'ordered',
    instock: 'in_stock',
    preparing: 'preparing',
    deployed: 'deployed',
    incart: 'in_cart',
    onloan: 'on_loan',
    returned: 'returned',
    inrepair: 'in_repair',
    lost: 'lost',
    stolen: 'stolen',
    retired: 'retired',
    donated: 'donated',
    // Snipe-IT defaults
    readytodeploy: 'in_stock',
    pending: 'preparing',
    archived: 'retired',
    broken: 'in_repair',
    outforrepair: 'in_repair',
    outfordiagnostics: 'in_repair',
    loststolen: 'lost',
    // GLPI (French and English)
    enservice: 'deployed',
    inuse: 'deployed',
    enstock: 'in_stock',
    stock: 'in_stock',
    enreparation: 'in_repair',
    horsservice: 'retired',
    reforme: 'retired',
    rebut: 'retired',
    perdu: 'lost',
    vole: 'stolen',
    donne: 'donated',
    commande: 'ordered',
    enpret: 'on_loan',
  };
  return table[v] ?? null;
}

export interface RawRow {
  line: number;
  values: Record<string, string>;
}

export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The header row, read without reading the rest. */
export async function readHeaders(bytes: Uint8Array): Promise<string[]> {
  for await (const row of readRows(bytes, { headersOnly: true })) return Object.keys(row.values);
  return [];
}

/** Rows of a CSV or XLSX file, one at a time. Line numbers are 1-based, header = 1. */
export async function* readRows(bytes: Uint8Array, options: { headersOnly?: boolean } = {}): AsyncGenerator<RawRow> {
  if (isXlsx(bytes)) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
      sharedStrings: 'cache',
      worksheets: 'emit',
      styles: 'ignore',
      hyperlinks: 'ignore',
    });
    for await (const sheet of reader) {
      let headers: string[] | null = null;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells = (row.values as unknown[]).slice(1).map((v) => cellText(v));
        if (!headers) {
          headers = cells.map((c) => c.trim());
          if (options.headersOnly) {
            yield { line: row.number, values: Object.fromEntries(headers.map((h) => [h, ''])) };
            return;
          }
          continue;
        }
        if (cells.every((c) => c.trim() === '')) continue;
        yield { line: row.number, values: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])) };
      }
      return; // first sheet only
    }
    return;
  }
  // Decoded and fed to csv-parse in slices, never as one string: csv-parse
  // turns a chunk into records all at once, so a whole file given as one
  // chunk held all its rows in memory (and the text itself took twice the
  // file's size).
  const pieces = decodedSlices(bytes);
  let head = '';
  let newline = -1;
  while (newline < 0) {
    const piece = pieces.next();
    if (piece.done) break;
    head += piece.value;
    newline = head.search(/\r?\n/);
  }
  const firstLine = newline < 0 ? head : head.slice(0, newline);
  if (!firstLine.trim()) return;
  const parser = parse({
    delimiter: detectSeparator(firstLine),
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    info: true,
    to_line: options.headersOnly ? 2 : undefined,
  });
  void feed(
    parser,
    (function* () {
      yield head;
      yield* pieces;
    })(),
  );
  let sawRow = false;
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    sawRow = true;
    yield { line: info.lines, values: record };
    if (options.headersOnly) return;
  }
  if (options.headersOnly && !sawRow) {
    yield {
      line: 1,
      values: Object.fromEntries(
        firstLine.split(detectSeparator(firstLine)).map((h) => [h.replace(/^"|"$/g, '').trim(), '']),
      ),
    };
  }
}

/**
 * Writes the slices to the parser as it asks for them (backpressure). Not
 * `pipe`: the parser ends itself at `to_line` and is destroyed when the
 * reader stops early, and a piped stream would still write what it had
 * buffered ("write after end").
 */
async function feed(parser: Parser, pieces: Iterable<string>): Promise<void> {
  const stopped = () => parser.writableEnded || parser.destroyed;
  try {
    for (const piece of pieces) {
      if (stopped()) return;
      if (!parser.write(piece)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            parser.off('drain', done).off('close', done);
            resolve();
          };
          parser.on('drain', done).on('close', done);
        });
      }
    }
    if (!stopped()) parser.end();
  } catch (error) {
    parser.destroy(error as Error);
  }
}

/**
 * The file's text, 64 KiB of bytes at a time: UTF-8 (without its BOM), or
 * Windows-1252 when the bytes are not valid UTF-8 — as `decode` decides.
 */
function* decodedSlices(bytes: Uint8Array, size = 65_536): Generator<string> {
  const data = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf8(data)) {
    const decoder = new TextDecoder('utf-8');
    for (let i = 0; i < data.length; i += size) yield decoder.decode(data.subarray(i, i + size), { stream: true });
    const tail = decoder.decode();
    if (tail) yield tail;
  } else {
    for (let i = 0; i < data.length; i += size) yield decodeWindows1252(data.subarray(i, i + size));
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
  }
  return String(v);
}
