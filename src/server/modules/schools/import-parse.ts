import { parse } from 'csv-parse/sync';
import { normaliseUai, uaiProblem } from '../../../shared/uai.ts';

/**
 * Reading school files: the official "Annuaire de l'éducation" (current
 * 71-column and older 69-column layouts), the "effectifs et nombre de
 * classes" dataset, the national IPS file, and Socle's own CSV (the Le Mans
 * layout). Pure: bytes in, records and rejections out; writing is the
 * importer's job. Every rejection names its line (1-based, header = 1),
 * column and reason.
 */

export const IMPORT_FORMATS = ['annuaire', 'effectifs', 'ips', 'socle'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type SchoolKind = 'maternelle' | 'elementaire' | 'primaire' | 'application';
export type PriorityEducation = 'none' | 'REP' | 'REP+';

/** What one row says about a school; undefined fields are left unchanged on update. */
export interface SchoolRecord {
  line: number;
  uai: string;
  name?: string;
  kind?: SchoolKind;
  sector?: 'public' | 'private';
  address?: string | null;
  postcode?: string | null;
  communeCode?: string | null;
  communeName?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  priorityEducation?: PriorityEducation;
  circonscriptionCode?: string | null;
  circonscriptionName?: string | null;
  ips?: number | null;
  ipsYear?: string | null;
  openedOn?: string | null;
  /** "A FERMER" in the Annuaire: still open, closing announced. */
  closingAnnounced?: boolean;
  /** Rentrée year of the counts (2023 = school year 2023-2024). */
  year?: number;
  pupils?: number | null;
  classes?: number | null;
  pupilsByLevel?: Record<string, number>;
}

export interface RowError {
  line: number;
  column: string;
  reason: string;
  value?: string;
}

export interface ParseResult {
  format: ImportFormat;
  encoding: 'utf-8' | 'windows-1252';
  separator: string;
  /** Data rows read (header excluded). */
  rowsRead: number;
  records: SchoolRecord[];
  rejected: RowError[];
  /** Rows left out on purpose, by reason (not an école, outside the communes, duplicate UAI). */
  skipped: Record<string, number>;
}

export class ImportFormatError extends Error {
  override name = 'ImportFormatError';
}

export function decode(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  let data = bytes;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    // Spreadsheet exports on Windows.
    return { text: decodeWindows1252(data), encoding: 'windows-1252' };
  }
}

// Node's TextDecoder decodes "windows-1252" as ISO-8859-1 (0x80–0x9F become
// control characters), so the 27 characters that differ are mapped here.
const CP1252_HIGH: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => CP1252_HIGH[b] ?? b));
  }
  return out;
}

export function detectSeparator(headerLine: string): string {
  const counts = [';', ',', '\t'].map((s) => [s, headerLine.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  const best = counts[0];
  if (!best || best[1] === 0)
    throw new ImportFormatError('Cannot detect the separator: the header has no ";", "," or tab');
  return best[0];
}

/** Header names compared without accents, case, spaces or punctuation. */
const key = (h: string) =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]/g, '');

export function detectFormat(headers: readonly string[]): ImportFormat | null {
  const keys = new Set(headers.map(key));
  if (keys.has('identifiantdeletablissement')) return 'annuaire';
  if (keys.has('numeroecole') || keys.has('numerodelecole')) return 'effectifs';
  if (keys.has('uai') && keys.has('ips') && !keys.has('nom')) return 'ips';
  if (keys.has('uai') && keys.has('nom')) return 'socle';
  return null;
}

/** Column accessor by normalised header name, remembering the original names for error reports. */
function columns(headers: readonly string[]) {
  const byKey = new Map(headers.map((h) => [key(h), h]));
  return {
    name: (...candidates: string[]) => candidates.map((c) => byKey.get(key(c))).find((h) => h !== undefined),
  };
}

type Row = Record<string, string>;

const blankToNull = (v: string | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

interface Cell {
  raw: string | undefined;
  column: string;
}

class RowReader {
  readonly errors: RowError[] = [];
  constructor(
    readonly row: Row,
    readonly line: number,
    readonly cols: ReturnType<typeof columns>,
  ) {}

  cell(...candidates: string[]): Cell {
    const column = this.cols.name(...candidates);
    return { raw: column ? this.row[column] : undefined, column: column ?? candidates[0] ?? '?' };
  }

  text(...candidates: string[]): string | null | undefined {
    const c = this.cell(...candidates);
    return c.raw === undefined ? undefined : blankToNull(c.raw);
  }

  number(kind: 'int' | 'decimal', min: number, max: number, ...candidates: string[]): number | null | undefined {
    const c = this.cell(...candidates);
    if (c.raw === undefined) return undefined;
    const t = c.raw.trim().replace(',', '.');
    if (t === '') return null;
    const n = Number(t);
    if (!Number.isFinite(n) || (kind === 'int' && !Number.isInteger(n)) || n < min || n > max) {
      this.errors.push({
        line: this.line,
        column: c.column,
        reason: kind === 'int' ? 'invalid_integer' : 'invalid_number',
        value: c.raw,
      });
      return undefined;
    }
    return n;
  }

  date(...candidates: string[]): string | null | undefined {
    const c = this.cell(...candidates);
    if (c.raw === undefined) return undefined;
    const t = c.raw.trim();
    if (t === '') return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
    if (!m) {
      this.errors.push({ line: this.line, column: c.column, reason: 'invalid_date', value: c.raw });
      return undefined;
    }
    const iso = t.includes('/') ? `${m[3]}-${m[2]}-${m[1]}` : t;
    if (Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) {
      this.errors.push({ line: this.line, column: c.column, reason: 'invalid_date', value: c.raw });
      return undefined;
    }
    return iso;
  }

  uai(...candidates: string[]): string | undefined {
    const c = this.cell(...candidates);
    const value = normaliseUai(c.raw ?? '');
    const problem = value === '' ? 'missing' : uaiProblem(value);
    if (problem) {
      this.errors.push({ line: this.line, column: c.column, reason: `uai_${problem}`, value: c.raw ?? '' });
      return undefined;
    }
    return value;
  }
}

function kindFrom(
  natureCode: string | null | undefined,
  maternelle: boolean,
  elementaire: boolean,
  label?: string | null,
): SchoolKind {
  if (natureCode === '153' || natureCode === '103' || /application/i.test(label ?? '')) return 'application';
  if (natureCode === '101' || (maternelle && !elementaire)) return 'maternelle';
  if (maternelle && elementaire) return 'primaire';
  return 'elementaire';
}

function priorityFrom(value: string | null | undefined): PriorityEducation {
  const v = (value ?? '').trim().toUpperCase().replace(/\s/g, '');
  if (v === 'REP+' || v === 'REPPLUS') return 'REP+';
  if (v === 'REP') return 'REP';
  return 'none';
}

const flag = (v: string | null | undefined) => ['1', 'oui', 'o', 'true', 'x'].includes((v ?? '').trim().toLowerCase());

function parseAnnuaire(r: RowReader): SchoolRecord | 'not_a_school' | null {
  const type = r.text('Type_etablissement');
  if (key(type ?? '') !== 'ecole') return 'not_a_school';
  const uai = r.uai('Identifiant_de_l_etablissement');
  const maternelle = flag(r.text('Ecole_maternelle'));
  const elementaire = flag(r.text('Ecole_elementaire'));
  const nature = r.text('code_nature');
  const lat = r.number('decimal', -90, 90, 'latitude');
  const lon = r.number('decimal', -180, 180, 'longitude');
  const sector = r.text('Statut_public_prive');
  const etat = r.text('etat');
  const name = r.text('Nom_etablissement');
  if (!name) r.errors.push({ line: r.line, column: r.cell('Nom_etablissement').column, reason: 'missing' });
  const record: SchoolRecord = {
    line: r.line,
    uai: uai ?? '',
    name: name ?? '',
    kind: kindFrom(nature, maternelle, elementaire, r.text('libelle_nature')),
    sector: sector && /priv/i.test(sector) ? 'private' : 'public',
    address: r.text('Adresse_1') ?? null,
    postcode: r.text('Code_postal', 'Code postal') ?? null,
    communeCode: r.text('Code_commune') ?? null,
    communeName: r.text('Nom_commune') ?? null,
    latitude: lat ?? null,
    longitude: lon ?? null,
    priorityEducation: priorityFrom(r.text('Appartenance_Education_Prioritaire')),
    circonscriptionName: r.text('nom_circonscription') ?? null,
    openedOn: r.date('date_ouverture') ?? null,
    closingAnnounced: key(etat ?? '') === 'afermer',
  };
  const circonscriptionCode = r.text('code_circonscription');
  if (circonscriptionCode !== undefined) record.circonscriptionCode = circonscriptionCode;
  const pupils = r.number('int', 0, 100_000, 'Nombre_d_eleves');
  if (pupils !== undefined && pupils !== null) record.pupils = pupils;
  return record;
}

const LEVELS: [string, ...string[]][] = [
  ['preelementaire', 'nombre_eleves_preelementaire_hors_ulis', "Nombre d'élèves en pré-élémentaire hors ULIS"],
  ['elementaire', 'nombre_eleves_elementaire_hors_ulis', "Nombre d'élèves en élémentaire hors ULIS"],
  ['ulis', 'nombre_eleves_ulis', "Nombre d'élèves en ULIS"],
  ['CP', 'nombre_eleves_cp_hors_ulis', "Nombre d'élèves en CP hors ULIS"],
  ['CE1', 'nombre_eleves_ce1_hors_ulis', "Nombre d'élèves en CE1 hors ULIS"],
  ['CE2', 'nombre_eleves_ce2_hors_ulis', "Nombre d'élèves en CE2 hors ULIS"],
  ['CM1', 'nombre_eleves_cm1_hors_ulis', "Nombre d'élèves en CM1 hors ULIS"],
  ['CM2', 'nombre_eleves_cm2_hors_ulis', "Nombre d'élèves en CM2 hors ULIS"],
];

function parseEffectifs(r: RowReader): SchoolRecord {
  const uai = r.uai('numero_ecole', "Numéro de l'école", 'Numéro de l’école');
  const year = r.number('int', 1990, 2100, 'rentree_scolaire', 'Rentrée scolaire');
  if (year === null)
    r.errors.push({ line: r.line, column: r.cell('rentree_scolaire', 'Rentrée scolaire').column, reason: 'missing' });
  const denomination = r.text('denomination_principale', 'Dénomination principale');
  const patronyme = r.text('patronyme', 'Patronyme');
  const rep = flag(r.text('rep', 'REP'));
  const repPlus = flag(r.text('rep_plus', 'REP +', 'REP+'));
  const sector = r.text('secteur', 'Secteur');
  const pupilsByLevel: Record<string, number> = {};
  for (const [level, ...names] of LEVELS) {
    const n = r.number('int', 0, 100_000, ...names);
    if (typeof n === 'number') pupilsByLevel[level] = n;
  }
  const record: SchoolRecord = {
    line: r.line,
    uai: uai ?? '',
    priorityEducation: repPlus ? 'REP+' : rep ? 'REP' : 'none',
    pupils: r.number('int', 0, 100_000, 'nombre_total_eleves', "Nombre total d'élèves") ?? null,
    classes: r.number('int', 0, 1_000, 'nombre_total_classes', 'Nombre total de classes') ?? null,
    pupilsByLevel,
  };
  if (typeof year === 'number') record.year = year;
  const name = [denomination, patronyme].filter(Boolean).join(' ').trim();
  if (name) record.name = name;
  if (denomination) {
    const d = key(denomination);
    record.kind = d.includes('maternelle')
      ? 'maternelle'
      : d.includes('primaire')
        ? 'primaire'
        : d.includes('application')
          ? 'application'
          : 'elementaire';
  }
  if (sector) record.sector = /priv/i.test(sector) ? 'private' : 'public';
  const postcode = r.text('code_postal', 'Code postal');
  if (postcode !== undefined) record.postcode = postcode;
  const commune = r.text('commune', 'Commune');
  if (commune !== undefined) record.communeName = commune;
  return record;
}

function parseIps(r: RowReader): SchoolRecord {
  const uai = r.uai('UAI');
  const name = r.text("Nom de l'établissment", "Nom de l'établissement", 'nom_etablissement');
  const sector = r.text('Secteur');
  const yearText = r.text('Rentrée scolaire');
  const record: SchoolRecord = {
    line: r.line,
    uai: uai ?? '',
    ips: r.number('decimal', 0, 300, 'IPS') ?? null,
    ipsYear: yearText ?? null,
  };
  if (name) {
    record.name = name;
    const n = key(name);
    record.kind = n.includes('maternelle')
      ? 'maternelle'
      : n.includes('primaire')
        ? 'primaire'
        : n.includes('application')
          ? 'application'
          : 'elementaire';
  }
  if (sector) record.sector = /priv/i.test(sector) ? 'private' : 'public';
  const communeCode = r.text('Code INSEE de la commune');
  if (communeCode !== undefined) record.communeCode = communeCode;
  const communeName = r.text('Nom de la commune');
  if (communeName !== undefined) record.communeName = communeName;
  return record;
}

function parseSocle(r: RowReader): SchoolRecord {
  const uai = r.uai('uai');
  const name = r.text('nom', 'name');
  if (!name) r.errors.push({ line: r.line, column: r.cell('nom', 'name').column, reason: 'missing' });
  const type = r.text('type', 'kind');
  let kind: SchoolKind | undefined;
  if (type) {
    const t = key(type);
    if (t === 'maternelle' || t === 'elementaire' || t === 'primaire' || t === 'application') kind = t;
    else r.errors.push({ line: r.line, column: r.cell('type', 'kind').column, reason: 'invalid_kind', value: type });
  }
  const sector = r.text('secteur', 'sector');
  const record: SchoolRecord = {
    line: r.line,
    uai: uai ?? '',
    name: name ?? '',
    address: r.text('adresse', 'address') ?? null,
    postcode: r.text('code_postal', 'postcode') ?? null,
    communeCode: r.text('code_commune', 'commune_code') ?? null,
    communeName: r.text('commune', 'commune_name') ?? null,
    latitude: r.number('decimal', -90, 90, 'latitude') ?? null,
    longitude: r.number('decimal', -180, 180, 'longitude') ?? null,
    priorityEducation: priorityFrom(r.text('education_prioritaire', 'priority_education')),
  };
  if (kind) record.kind = kind;
  if (sector) record.sector = /priv/i.test(sector) ? 'private' : 'public';
  const year = r.number('int', 1990, 2100, 'effectifs_rentree', 'year');
  if (typeof year === 'number') record.year = year;
  const pupils = r.number('int', 0, 100_000, 'nombre_eleves', 'pupils');
  if (pupils !== undefined) record.pupils = pupils;
  const classes = r.number('int', 0, 1_000, 'nombre_classes', 'classes');
  if (classes !== undefined) record.classes = classes;
  const ips = r.number('decimal', 0, 300, 'ips_2024_2025', 'ips');
  const ipsOld = r.number('decimal', 0, 300, 'ips_2021_2022');
  if (typeof ips === 'number') {
    record.ips = ips;
    record.ipsYear = r.cols.name('ips_2024_2025') ? '2024-2025' : null;
  } else if (typeof ipsOld === 'number') {
    record.ips = ipsOld;
    record.ipsYear = '2021-2022';
  }
  const circonscriptionCode = r.text('code_circonscription');
  if (circonscriptionCode !== undefined) record.circonscriptionCode = circonscriptionCode;
  const circonscriptionName = r.text('nom_circonscription', 'circonscription');
  if (circonscriptionName !== undefined) record.circonscriptionName = circonscriptionName;
  return record;
}

export interface ParseOptions {
  /** Forced format; detected from the header when absent. */
  format?: ImportFormat | undefined;
  /** Keep only these INSEE commune codes (Annuaire); all when empty. */
  communes?: readonly string[] | undefined;
}

export function parseSchoolsFile(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const { text, encoding } = decode(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!firstLine.trim()) throw new ImportFormatError('The file is empty');
  const separator = detectSeparator(firstLine);
  let rows: { record: Row; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter: separator,
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
    }) as { record: Row; info: { lines: number } }[];
  } catch (error) {
    throw new ImportFormatError(`Unreadable CSV: ${(error as Error).message}`);
  }
  const headers = firstLine.split(separator).map((h) => h.replace(/^"|"$/g, '').trim());
  const detected = detectFormat(headers);
  const format = options.format ?? detected;
  if (!format) {
    throw new ImportFormatError(
      'Unknown file layout: expected the Annuaire de l’éducation, the effectifs dataset, the IPS file or Socle’s CSV (columns uai, nom, …)',
    );
  }
  if (options.format && detected && options.format !== detected) {
    throw new ImportFormatError(`The file looks like the ${detected} format, not ${options.format}`);
  }
  const cols = columns(headers);
  const communes = new Set(options.communes ?? []);
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const rejected: RowError[] = [];
  const byUai = new Map<string, { record: SchoolRecord; updatedOn: string }>();
  for (const { record: row, info } of rows) {
    const reader = new RowReader(row, info.lines, cols);
    const parsed =
      format === 'annuaire'
        ? parseAnnuaire(reader)
        : format === 'effectifs'
          ? parseEffectifs(reader)
          : format === 'ips'
            ? parseIps(reader)
            : parseSocle(reader);
    if (parsed === 'not_a_school') {
      skip('not_a_school');
      continue;
    }
    if (!parsed) continue;
    if (reader.errors.length) {
      rejected.push(...reader.errors);
      continue;
    }
    if (communes.size && parsed.communeCode && !communes.has(parsed.communeCode)) {
      skip('other_commune');
      continue;
    }
    // Repeated UAIs (the Annuaire has some; effectifs has one row per rentrée): keep the newest.
    const updatedOn = format === 'annuaire' ? (reader.text('date_maj_ligne') ?? '') : String(parsed.year ?? '');
    const seen = byUai.get(parsed.uai);
    if (seen) {
      skip('duplicate_uai');
      if (updatedOn <= seen.updatedOn) continue;
    }
    byUai.set(parsed.uai, { record: parsed, updatedOn });
  }
  return {
    format,
    encoding,
    separator,
    rowsRead: rows.length,
    records: [...byUai.values()].map((v) => v.record).sort((a, b) => a.line - b.line),
    rejected,
    skipped,
  };
}
