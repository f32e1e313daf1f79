import { sql } from 'drizzle-orm';
import { type Database, rows, type Scope } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import {
  type ImportFormat,
  ImportFormatError,
  parseSchoolsFile,
  type RowError,
  type SchoolRecord,
} from './import-parse.ts';

/**
 * Importing schools: idempotent upserts by UAI. A blank cell never erases a
 * known value (the city's own corrections survive a re-import of the
 * Annuaire). Nothing is written when a row is invalid, unless
 * `skipInvalid`. A dry run runs the very same statements in the transaction
 * and rolls it back, so its counts are exact.
 */

export interface ImportOptions {
  format?: ImportFormat | undefined;
  dryRun?: boolean | undefined;
  skipInvalid?: boolean | undefined;
  /** INSEE codes to keep (Annuaire); default: the organisation's `communes` setting, or all. */
  communes?: readonly string[] | undefined;
  /** Called after each chunk (rows done, rows total) for progress bars. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface ImportReport {
  format: ImportFormat;
  encoding: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  yearsWritten: number;
  rejected: RowError[];
  skipped: Record<string, number>;
  dryRun: boolean;
  /** False when nothing was written (dry run, or invalid rows without skipInvalid). */
  written: boolean;
}

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

const CHUNK = 5000;

interface UpsertRow {
  uai: string;
  name: string | null;
  kind: string | null;
  sector: string | null;
  address: string | null;
  postcode: string | null;
  commune_code: string | null;
  commune_name: string | null;
  latitude: number | null;
  longitude: number | null;
  priority_education: string | null;
  circonscription_code: string | null;
  circonscription_name: string | null;
  ips: number | null;
  ips_year: string | null;
  opened_on: string | null;
  closing_announced: boolean | null;
}

function toRow(r: SchoolRecord): UpsertRow {
  return {
    uai: r.uai,
    name: r.name || null,
    kind: r.kind ?? null,
    sector: r.sector ?? null,
    address: r.address ?? null,
    postcode: r.postcode ?? null,
    commune_code: r.communeCode ?? null,
    commune_name: r.communeName ?? null,
    latitude: r.latitude ?? null,
    longitude: r.longitude ?? null,
    priority_education: r.priorityEducation ?? null,
    circonscription_code: r.circonscriptionCode ?? null,
    circonscription_name: r.circonscriptionName ?? null,
    ips: r.ips ?? null,
    ips_year: r.ipsYear ?? null,
    opened_on: r.openedOn ?? null,
    closing_announced: r.closingAnnounced ?? null,
  };
}

async function upsertChunk(scope: Scope, chunk: SchoolRecord[], source: string) {
  const payload = JSON.stringify(chunk.map(toRow));
  // A school's fields are replaced only by non-blank values; a row that
  // would change nothing is not updated (and not counted as updated).
  return rows<{ uai: string; id: string; inserted: boolean }>(
    scope.tx,
    sql`
    WITH incoming AS (
      SELECT * FROM jsonb_to_recordset(${payload}::jsonb) AS r(
        uai text, name text, kind text, sector text, address text, postcode text, commune_code text,
        commune_name text, latitude double precision, longitude double precision, priority_education text,
        circonscription_code text, circonscription_name text, ips numeric, ips_year text, opened_on date,
        closing_announced boolean)
    )
    INSERT INTO schools AS s (organisation_id, uai, name, kind, sector, address, postcode, commune_code, commune_name,
      latitude, longitude, priority_education, circonscription_code, circonscription_name, ips, ips_year, opened_on,
      closing_announced, source)
    SELECT ${scope.organisationId}::uuid, uai, coalesce(name, uai), coalesce(kind, 'elementaire'), coalesce(sector, 'public'),
      address, postcode, commune_code, commune_name, latitude, longitude, coalesce(priority_education, 'none'),
      circonscription_code, circonscription_name, ips, ips_year, opened_on, coalesce(closing_announced, false), ${source}
    FROM incoming
    ON CONFLICT (organisation_id, uai) DO UPDATE SET
      name = coalesce(EXCLUDED.name, s.name),
      kind = coalesce(EXCLUDED.kind, s.kind),
      sector = coalesce(EXCLUDED.sector, s.sector),
      address = coalesce(EXCLUDED.address, s.address),
      postcode = coalesce(EXCLUDED.postcode, s.postcode),
      commune_code = coalesce(EXCLUDED.commune_code, s.commune_code),
      commune_name = coalesce(EXCLUDED.commune_name, s.commune_name),
      latitude = coalesce(EXCLUDED.latitude, s.latitude),
      longitude = coalesce(EXCLUDED.longitude, s.longitude),
      priority_education = coalesce(EXCLUDED.priority_education, s.priority_education),
      circonscription_code = coalesce(EXCLUDED.circonscription_code, s.circonscription_code),
      circonscription_name = coalesce(EXCLUDED.circonscription_name, s.circonscription_name),
      ips = coalesce(EXCLUDED.ips, s.ips),
      ips_year = coalesce(EXCLUDED.ips_year, s.ips_year),
      opened_on = coalesce(EXCLUDED.opened_on, s.opened_on),
      closing_announced = coalesce(EXCLUDED.closing_announced, s.closing_announced),
      updated_at = now()
    WHERE (s.name, s.kind, s.sector, s.address, s.postcode, s.commune_code, s.commune_name, s.latitude, s.longitude,
           s.priority_education, s.circonscription_code, s.circonscription_name, s.ips, s.ips_year, s.opened_on,
           s.closing_announced)
      IS DISTINCT FROM
          (coalesce(EXCLUDED.name, s.name), coalesce(EXCLUDED.kind, s.kind), coalesce(EXCLUDED.sector, s.sector),
           coalesce(EXCLUDED.address, s.address), coalesce(EXCLUDED.postcode, s.postcode),
           coalesce(EXCLUDED.commune_code, s.commune_code), coalesce(EXCLUDED.commune_name, s.commune_name),
           coalesce(EXCLUDED.latitude, s.latitude), coalesce(EXCLUDED.longitude, s.longitude),
           coalesce(EXCLUDED.priority_education, s.priority_education),
           coalesce(EXCLUDED.circonscription_code, s.circonscription_code),
           coalesce(EXCLUDED.circonscription_name, s.circonscription_name), coalesce(EXCLUDED.ips, s.ips),
           coalesce(EXCLUDED.ips_year, s.ips_year), coalesce(EXCLUDED.opened_on, s.opened_on),
           coalesce(EXCLUDED.closing_announced, s.closing_announced))
    RETURNING s.uai, s.id, (xmax = 0) AS inserted`,
  );
}

async function upsertYears(scope: Scope, chunk: SchoolRecord[], source: string): Promise<number> {
  const withYear = chunk.filter((r) => r.year !== undefined && (r.pupils != null || r.classes != null));
  if (withYear.length === 0) return 0;
  const payload = JSON.stringify(
    withYear.map((r) => ({
      uai: r.uai,
      year: r.year,
      pupils: r.pupils ?? null,
      classes: r.classes ?? null,
      levels: r.pupilsByLevel ?? {},
    })),
  );
  const written = await rows<{ id: string }>(
    scope.tx,
    sql`
    INSERT INTO school_years AS y (organisation_id, school_id, year, pupils, classes_count, pupils_by_level, source)
    SELECT ${scope.organisationId}::uuid, s.id, r.year, r.pupils, r.classes, r.levels, ${source}
      FROM jsonb_to_recordset(${payload}::jsonb) AS r(uai text, year int, pupils int, classes int, levels jsonb)
      JOIN schools s ON s.uai = r.uai
    ON CONFLICT (school_id, year) DO UPDATE SET
      pupils = coalesce(EXCLUDED.pupils, y.pupils),
      classes_count = coalesce(EXCLUDED.classes_count, y.classes_count),
      pupils_by_level = y.pupils_by_level || EXCLUDED.pupils_by_level,
      updated_at = now()
    RETURNING y.id`,
  );
  return written.length;
}

/** Parses then upserts; throws IMPORT_INVALID (400) with every bad row when rows are invalid and not skipped. */
export async function importSchools(
  scope: Scope,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportReport> {
  let communes = options.communes;
  if (communes === undefined) {
    const [org] = await rows<{ communes: string[] | null }>(
      scope.tx,
      sql`SELECT settings -> 'communes' AS communes FROM organisations WHERE id = ${scope.organisationId}`,
    );
    communes = Array.isArray(org?.communes) ? org.communes : [];
  }
  let parsed: ReturnType<typeof parseSchoolsFile>;
  try {
    parsed = parseSchoolsFile(bytes, { format: options.format, communes });
  } catch (error) {
    if (error instanceof ImportFormatError) throw new AppError('BAD_REQUEST', error.message);
    throw error;
  }
  const report: ImportReport = {
    format: parsed.format,
    encoding: parsed.encoding,
    rowsRead: parsed.rowsRead,
    created: 0,
    updated: 0,
    unchanged: 0,
    yearsWritten: 0,
    rejected: parsed.rejected,
    skipped: parsed.skipped,
    dryRun: !!options.dryRun,
    written: false,
  };
  // A dry run still counts what the valid rows would do, and lists the rejected ones.
  if (parsed.rejected.length > 0 && !options.skipInvalid && !options.dryRun) {
    throw new AppError('VALIDATION_FAILED', `${parsed.rejected.length} invalid row(s); nothing was imported`, {
      fields: parsed.rejected.map((e) => ({
        path: `line ${e.line}, ${e.column}`,
        message: e.value === undefined ? e.reason : `${e.reason}: ${e.value}`,
        code: e.reason,
      })),
      report,
    });
  }
  const created: string[] = [];
  const updated: string[] = [];
  const source = parsed.format;
  // A savepoint lets a dry run undo its writes and still return the counts.
  const run = async () => {
    for (let i = 0; i < parsed.records.length; i += CHUNK) {
      const chunk = parsed.records.slice(i, i + CHUNK);
      for (const r of await upsertChunk(scope, chunk, source)) (r.inserted ? created : updated).push(r.uai);
      report.yearsWritten += await upsertYears(scope, chunk, source);
      options.onProgress?.(Math.min(i + CHUNK, parsed.records.length), parsed.records.length);
    }
    report.created = created.length;
    report.updated = updated.length;
    report.unchanged = parsed.records.length - created.length - updated.length;
    if (!options.dryRun) {
      report.written = true;
      await recordAudit(scope, {
        action: 'school.imported',
        entityType: 'school',
        after: {
          format: report.format,
          rowsRead: report.rowsRead,
          created,
          updated,
          rejected: report.rejected.length,
          skipped: report.skipped,
        },
      });
    }
  };
  if (!options.dryRun) {
    await run();
    return report;
  }
  try {
    await scope.tx.transaction(async () => {
      await run();
      throw new DryRunRollback(report);
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return report;
}

/**
 * PGlite runs no autovacuum and PostgreSQL's may not have run yet: without
 * fresh statistics the planner takes 32,091 schools for 17 (bench/README).
 * ANALYZE needs the table owner, so it runs after the import's transaction.
 */
export async function analyseAfterImport(
  db: Database,
  report: { written: boolean; created: number; updated?: number },
): Promise<void> {
  if (report.written && report.created + (report.updated ?? 0) > 0)
    await db.owner.execute(sql`ANALYZE schools, school_years`);
}
