import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { uaiProblem } from '../../../shared/uai.ts';
import { type Database, rows, type Scope } from '../../db/connection.ts';
import { assetCategories, assetModels, manufacturers, organisations, rooms, schools } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { parseSettings } from '../organisations/settings.ts';
import type { RowError } from '../schools/import-parse.ts';
import { findOrCreateManufacturer } from './catalogue.ts';
import {
  ASSET_IMPORT_FIELDS,
  type AssetImportField,
  type AssetImportFormat,
  type ColumnMapping,
  detectAssetFormat,
  mapStatus,
  type RawRow,
  readHeaders,
  readRows,
  resolveColumns,
} from './import-formats.ts';
import { type AssetStatus, formatTag } from './rules.ts';

/**
 * Importing assets. One pass over the file, row by row: every row is
 * checked (tags unique in the file and in the database, known school,
 * category and model — or created when asked — dates, amounts, statuses) and
 * every bad row reported; valid rows are written by batches as they come,
 * and the whole import is refused (the transaction rolls back) when a row is
 * bad, unless `skipInvalid` is set. Memory holds the lookups, the sets of
 * tags and serials and one batch, never the file's rows. Dry run = checks
 * only. (Before: two passes, check then write, each parsing the file and
 * querying the database twice per batch, with the whole file's records in
 * memory — bench/README.md, "inventory", before and after.)
 */

export interface AssetImportOptions {
  format?: AssetImportFormat | undefined;
  mapping?: ColumnMapping | undefined;
  dryRun?: boolean | undefined;
  skipInvalid?: boolean | undefined;
  /** Create unknown categories, manufacturers and models instead of rejecting the rows. */
  createMissing?: boolean | undefined;
  onProgress?: ((rowsDone: number) => void) | undefined;
}

export interface AssetImportReport {
  format: AssetImportFormat;
  columns: Partial<Record<AssetImportField, string>>;
  rowsRead: number;
  valid: number;
  created: number;
  rejected: RowError[];
  /** Rejected rows beyond the first 1,000 are counted, not listed. */
  rejectedCount: number;
  categoriesCreated: string[];
  modelsCreated: string[];
  dryRun: boolean;
  written: boolean;
}

const MAX_LISTED = 1000;
/** Rows per INSERT (with their events): 1,000 rows are about 0.5–1 MB of JSON. */
const BATCH = 1000;
/**
 * Errors kept while reading: a batch's refused rows are known once the next
 * batch is read, so up to a batch of rows (each with at most one error per
 * field) may be listed before them; sorted, the first MAX_LISTED are exact.
 */
const LISTED_WHILE_READING = MAX_LISTED + BATCH * ASSET_IMPORT_FIELDS.length;

interface Lookups {
  schoolsByUai: Map<string, string>;
  schoolsByName: Map<string, string>;
  rooms: Map<string, string>;
  categories: Map<string, string>;
  models: Map<string, { id: string; categoryId: string }>;
  manufacturers: Map<string, string>;
}

const keys = new Map<string, string>();
/** Names compared without accents, case or extra spaces; memoised (model, category and school names repeat). */
const key = (s: string) => {
  let k = keys.get(s);
  if (k === undefined) {
    k = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .trim()
      .toLowerCase()
      .replace(/\s+/g, ' ');
    if (keys.size >= 50_000) keys.clear();
    keys.set(s, k);
  }
  return k;
};

async function loadLookups(scope: Scope): Promise<Lookups> {
  const s = await scope.tx
    .select({ id: schools.id, uai: schools.uai, name: schools.name, usual: schools.usualName })
    .from(schools);
  const r = await scope.tx.select({ id: rooms.id, schoolId: rooms.schoolId, name: rooms.name }).from(rooms);
  const c = await scope.tx
    .select({
      id: assetCategories.id,
      code: assetCategories.code,
      fr: assetCategories.nameFr,
      en: assetCategories.nameEn,
    })
    .from(assetCategories);
  const m = await scope.tx
    .select({ id: assetModels.id, name: assetModels.name, categoryId: assetModels.categoryId })
    .from(assetModels);
  const f = await scope.tx.select({ id: manufacturers.id, name: manufacturers.name }).from(manufacturers);
  const byName = new Map<string, string>();
  for (const x of s) {
    byName.set(key(x.name), x.id);
    if (x.usual) byName.set(key(x.usual), x.id);
  }
  const categories = new Map<string, string>();
  for (const x of c) for (const k of [x.code, x.fr, x.en]) categories.set(key(k), x.id);
  return {
    schoolsByUai: new Map(s.map((x) => [x.uai, x.id])),
    schoolsByName: byName,
    rooms: new Map(r.map((x) => [`${x.schoolId}|${key(x.name)}`, x.id])),
    categories,
    models: new Map(m.map((x) => [key(x.name), { id: x.id, categoryId: x.categoryId }])),
    manufacturers: new Map(f.map((x) => [key(x.name), x.id])),
  };
}

interface ValidRow {
  line: number;
  tag: string | null;
  serial: string | null;
  categoryName: string;
  modelName: string;
  modelNumber: string | null;
  manufacturer: string | null;
  schoolId: string | null;
  roomId: string | null;
  status: AssetStatus;
  purchaseDate: string | null;
  purchasePriceCents: number | null;
  supplier: string | null;
  orderRef: string | null;
  invoiceRef: string | null;
  warrantyEnd: string | null;
  notes: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const FR_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** YYYY-MM-DD (anything after is ignored) or DD/MM/YYYY, a real calendar day. */
function parseDate(v: string): string | null | 'invalid' {
  const t = v.trim();
  if (!t) return null;
  const iso = ISO_DATE.exec(t);
  const fr = iso ? null : FR_DATE.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : [];
  if (!y || !m || !d) return 'invalid';
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day < 1 || day > last ? 'invalid' : `${y}-${m}-${d}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function parseMoney(v: string): number | null | 'invalid' {
  const t = v
    .replace(/[€\s\u00a0]/g, '')
    .replace(/,(\d{1,2})$/, '.$1')
    .replace(/,/g, '');
  if (!t) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return 'invalid';
  // Integer cents without floating-point rounding.
  const [euros, cents = ''] = t.split('.');
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
}

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function validate(
  raw: RawRow,
  columns: Partial<Record<AssetImportField, string>>,
  lookups: Lookups,
  createMissing: boolean,
): { row: ValidRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const get = (f: AssetImportField) => {
    const c = columns[f];
    return c ? (raw.values[c] ?? '').trim() : '';
  };
  const err = (f: AssetImportField, reason: string, value?: string) =>
    errors.push({ line: raw.line, column: columns[f] ?? f, reason, ...(value !== undefined ? { value } : {}) });

  const tag = get('tag');
  if (tag.length > 64) err('tag', 'too_long', tag);
  const modelName = get('model');
  if (!modelName) err('model', 'missing');
  const categoryName = get('category');
  const known = lookups.models.get(key(modelName));
  if (modelName && !known) {
    if (!createMissing) err('model', 'unknown_model', modelName);
    else if (!categoryName) err('category', 'missing');
    else if (!lookups.categories.get(key(categoryName)) && !/^[\p{L}\p{N} ._'-]{2,100}$/u.test(categoryName))
      err('category', 'invalid', categoryName);
  }
  if (categoryName && !lookups.categories.get(key(categoryName)) && !createMissing)
    err('category', 'unknown_category', categoryName);

  let schoolId: string | null = null;
  const location = get('location');
  if (location) {
    const asUai = location.toUpperCase();
    if (/^[0-9]{7}[A-Z]$/.test(asUai)) {
      if (uaiProblem(asUai)) err('location', 'uai_checksum', location);
      else schoolId = lookups.schoolsByUai.get(asUai) ?? null;
    } else {
      schoolId = lookups.schoolsByName.get(key(location)) ?? null;
    }
    if (!schoolId && !errors.some((e) => e.column === (columns.location ?? 'location')))
      err('location', 'unknown_school', location);
  }
  let roomId: string | null = null;
  const room = get('room');
  if (room && schoolId) {
    roomId = lookups.rooms.get(`${schoolId}|${key(room)}`) ?? null;
    if (!roomId) err('room', 'unknown_room', room);
  }
  const statusText = get('status');
  const status = mapStatus(statusText);
  if (!status) err('status', 'unknown_status', statusText);
  else if (['deployed', 'in_cart', 'on_loan'].includes(status) && !schoolId) err('location', 'school_required');
  else if (status === 'in_cart') err('status', 'cart_not_importable', statusText);

  const purchaseDate = parseDate(get('purchaseDate'));
  if (purchaseDate === 'invalid') err('purchaseDate', 'invalid_date', get('purchaseDate'));
  let warrantyEnd = parseDate(get('warrantyEnd'));
  if (warrantyEnd === 'invalid') err('warrantyEnd', 'invalid_date', get('warrantyEnd'));
  const months = get('warrantyMonths');
  if (months) {
    if (!/^\d{1,3}$/.test(months)) err('warrantyMonths', 'invalid_integer', months);
    else if (purchaseDate && purchaseDate !== 'invalid') warrantyEnd = addMonths(purchaseDate, Number(months));
  }
  const cost = parseMoney(get('purchaseCost'));
  if (cost === 'invalid') err('purchaseCost', 'invalid_amount', get('purchaseCost'));
  if (errors.length) return { row: null, errors };
  return {
    row: {
      line: raw.line,
      tag: tag || null,
      serial: get('serial') || null,
      categoryName,
      modelName,
      modelNumber: get('modelNumber') || null,
      manufacturer: get('manufacturer') || null,
      schoolId,
      roomId,
      status: status as AssetStatus,
      purchaseDate: purchaseDate as string | null,
      purchasePriceCents: cost as number | null,
      supplier: get('supplier') || null,
      orderRef: get('orderRef') || null,
      invoiceRef: get('invoiceRef') || null,
      warrantyEnd: warrantyEnd as string | null,
      notes: get('notes') || null,
    },
    errors,
  };
}

/** Which of these tags and (model, serial) pairs the organisation already has, in one round trip. */
async function existing(
  scope: Scope,
  tags: string[],
  pairs: { modelId: string; serial: string }[],
): Promise<{ tags: Set<string>; serials: Set<string> }> {
  if (!tags.length && !pairs.length) return { tags: new Set(), serials: new Set() };
  const found = await rows<{ k: string; v: string }>(
    scope.tx,
    sql`SELECT 't' AS k, a.tag AS v FROM assets a
         WHERE a.tag IN (SELECT jsonb_array_elements_text(${JSON.stringify(tags)}::jsonb))
        UNION ALL
        SELECT 's', a.model_id || '|' || a.serial FROM assets a
          JOIN jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS p("modelId" uuid, serial text)
            ON a.model_id = p."modelId" AND a.serial = p.serial`,
  );
  const out = { tags: new Set<string>(), serials: new Set<string>() };
  for (const f of found) (f.k === 't' ? out.tags : out.serials).add(f.v);
  return out;
}

function slug(name: string): string {
  return (
    key(name)
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 36) || 'categorie'
  );
}

/**
 * One pass over the file, row by row: each row is checked (fields, school,
 * model, duplicates in the file), then the valid rows are written by
 * batches of BATCH — one INSERT … ON CONFLICT DO NOTHING that also writes
 * their `created` events; a row the database refuses (tag or serial already
 * registered) is reported like any bad row. After the first bad row, unless
 * `skipInvalid`, nothing more is written: the remaining rows are only
 * checked, so that every bad row is reported, and the import fails — the
 * caller's transaction rolls back what was written. A dry run only checks.
 * Memory holds the lookups, the sets of tags and serials, one batch — never
 * the whole file's rows.
 */
export async function importAssets(
  scope: Scope,
  bytes: Uint8Array,
  options: AssetImportOptions = {},
): Promise<AssetImportReport> {
  const headers = await readHeaders(bytes).catch((error: unknown) => {
    throw new AppError('BAD_REQUEST', `Unreadable file: ${(error as Error).message}`);
  });
  if (!headers.length) throw new AppError('BAD_REQUEST', 'The file is empty');
  const detected = detectAssetFormat(headers);
  const format = options.format ?? detected;
  if (!format) {
    throw new AppError(
      'BAD_REQUEST',
      'Unknown file layout: expected Socle’s export, Snipe-IT’s asset import or a GLPI computer list (or give a column mapping and a format)',
    );
  }
  const columns = resolveColumns(format, headers, options.mapping);
  if (!columns.model) {
    throw new AppError('BAD_REQUEST', 'No model column: map one', {
      fields: [{ path: 'mapping.model', message: 'required', code: 'missing_column' }],
    });
  }
  const lookups = await loadLookups(scope);
  const report: AssetImportReport = {
    format,
    columns,
    rowsRead: 0,
    valid: 0,
    created: 0,
    rejected: [],
    rejectedCount: 0,
    categoriesCreated: [],
    modelsCreated: [],
    dryRun: !!options.dryRun,
    written: false,
  };
  /** Writing, or only checking: a dry run, or a strict import that met a bad row. */
  let writing = !options.dryRun;
  const reject = (errors: RowError[]) => {
    report.rejectedCount++;
    for (const e of errors) if (report.rejected.length < LISTED_WHILE_READING) report.rejected.push(e);
    if (!options.skipInvalid) writing = false;
  };
  const [org] = await scope.tx
    .select({ slug: organisations.slug, settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.id, scope.organisationId));
  const pattern = parseSettings(org?.settings).assetTagPattern;
  const prefix = (org?.slug ?? 'X')
    .split('-')
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase()
    .slice(0, 4);
  const year = new Date().getUTCFullYear();
  const batchId = randomUUID();
  const modelOf = (r: ValidRow) => lookups.models.get(key(r.modelName));

  const ensureModel = async (r: ValidRow): Promise<string> => {
    const existingModel = modelOf(r);
    if (existingModel) return existingModel.id;
    let categoryId = lookups.categories.get(key(r.categoryName));
    if (!categoryId) {
      const [created] = await scope.tx
        .insert(assetCategories)
        .values({
          organisationId: scope.organisationId,
          code: `${slug(r.categoryName)}_${lookups.categories.size}`,
          nameFr: r.categoryName,
          nameEn: r.categoryName,
          role: 'other',
        })
        .returning({ id: assetCategories.id });
      categoryId = created?.id as string;
      lookups.categories.set(key(r.categoryName), categoryId);
      report.categoriesCreated.push(r.categoryName);
    }
    let manufacturerId: string | null = null;
    if (r.manufacturer) {
      manufacturerId = lookups.manufacturers.get(key(r.manufacturer)) ?? null;
      if (!manufacturerId) {
        manufacturerId = (await findOrCreateManufacturer(scope, r.manufacturer, false)).id;
        lookups.manufacturers.set(key(r.manufacturer), manufacturerId);
      }
    }
    const [model] = await scope.tx
      .insert(assetModels)
      .values({
        organisationId: scope.organisationId,
        name: r.modelName,
        modelNumber: r.modelNumber,
        categoryId,
        manufacturerId,
      })
      .returning({ id: assetModels.id });
    lookups.models.set(key(r.modelName), { id: model?.id as string, categoryId });
    report.modelsCreated.push(r.modelName);
    return model?.id as string;
  };

  /** Checks a batch against the database without writing. */
  const check = async (batch: ValidRow[]) => {
    const inDb = await existing(
      scope,
      batch.flatMap((r) => (r.tag ? [r.tag] : [])),
      batch.flatMap((r) => {
        const model = modelOf(r);
        return r.serial && model ? [{ modelId: model.id, serial: r.serial }] : [];
      }),
    );
    for (const r of batch) {
      const model = modelOf(r);
      if (r.tag && inDb.tags.has(r.tag))
        reject([{ line: r.line, column: columns.tag ?? 'tag', reason: 'tag_taken', value: r.tag }]);
      else if (r.serial && model && inDb.serials.has(`${model.id}|${r.serial}`))
        reject([{ line: r.line, column: columns.serial ?? 'serial', reason: 'serial_taken', value: r.serial }]);
      else report.valid++;
    }
  };

  /** Writes a batch; the rows the database refuses (tag or serial taken) are rejected. */
  const write = async (batch: ValidRow[]) => {
    const needTags = batch.filter((r) => !r.tag).length;
    let next = 0;
    if (needTags) {
      const [counter] = await rows<{ first: number }>(
        scope.tx,
        sql`INSERT INTO asset_tag_counters (organisation_id, year, next) VALUES (${scope.organisationId}, ${year}, ${needTags + 1})
            ON CONFLICT (organisation_id, year) DO UPDATE SET next = asset_tag_counters.next + ${needTags}
            RETURNING next - ${needTags} AS first`,
      );
      next = Number(counter?.first ?? 1);
    }
    const values = [];
    const generated = new Set<string>();
    for (const r of batch) {
      let tag = r.tag;
      if (!tag) {
        tag = formatTag(pattern, year, next++, prefix);
        generated.add(tag);
      }
      values.push({
        tag,
        serial: r.serial,
        model_id: await ensureModel(r),
        status: r.status,
        school_id: r.schoolId,
        room_id: r.roomId,
        purchase_date: r.purchaseDate,
        purchase_price_cents: r.purchasePriceCents,
        supplier: r.supplier,
        order_ref: r.orderRef,
        invoice_ref: r.invoiceRef,
        warranty_end: r.warrantyEnd,
        notes: r.notes,
      });
    }
    // One statement: the assets, their `created` events, and the tags written.
    const inserted = await rows<{ tag: string }>(
      scope.tx,
      sql`WITH ins AS (
            INSERT INTO assets (organisation_id, tag, serial, model_id, status, school_id, room_id, purchase_date,
                                purchase_price_cents, supplier, order_ref, invoice_ref, warranty_end, notes)
            SELECT ${scope.organisationId}::uuid, tag, serial, model_id, status, school_id, room_id, purchase_date,
                   purchase_price_cents, supplier, order_ref, invoice_ref, warranty_end, notes
              FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS r(
                tag text, serial text, model_id uuid, status text, school_id uuid, room_id uuid, purchase_date date,
                purchase_price_cents bigint, supplier text, order_ref text, invoice_ref text, warranty_end date,
                notes text)
            ON CONFLICT DO NOTHING
            RETURNING id, tag, status, school_id, room_id
          ), events AS (
            INSERT INTO asset_events (organisation_id, asset_id, actor_user_id, kind, to_status, to_location, note,
                                      batch_id)
            SELECT ${scope.organisationId}::uuid, id, ${scope.userId}::uuid, 'created', status,
                   jsonb_build_object('schoolId', school_id, 'roomId', room_id), 'import', ${batchId}::uuid
              FROM ins
          )
          SELECT tag FROM ins`,
    );
    report.created += inserted.length;
    report.valid += inserted.length;
    if (inserted.length === batch.length) return;
    // Refused rows: a tag already registered (a generated one means the tag pattern collides), else the serial.
    const written = new Set(inserted.map((i) => i.tag));
    const refused = values.map((v, i) => ({ v, r: batch[i] as ValidRow })).filter(({ v }) => !written.has(v.tag));
    const taken = await existing(
      scope,
      refused.map(({ v }) => v.tag),
      [],
    );
    for (const { v, r } of refused) {
      if (taken.tags.has(v.tag) && generated.has(v.tag)) {
        throw new AppError('CONFLICT', `Generated tag ${v.tag} is already used; check the tag pattern`);
      }
      if (taken.tags.has(v.tag))
        reject([{ line: r.line, column: columns.tag ?? 'tag', reason: 'tag_taken', value: v.tag }]);
      else
        reject([{ line: r.line, column: columns.serial ?? 'serial', reason: 'serial_taken', value: r.serial ?? '' }]);
    }
  };

  const seenTags = new Set<string>();
  const seenSerials = new Set<string>();
  let batch: ValidRow[] = [];
  // The database works on one batch while the next is read and checked: the
  // two overlap (with PostgreSQL, on two cores). One statement at a time all
  // the same — a batch starts once the previous one is done, so whether it
  // is written or only checked follows every row before it.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    await inFlight;
    const rowsOf = batch;
    batch = [];
    if (!rowsOf.length) return;
    inFlight = writing ? write(rowsOf) : check(rowsOf);
    // Its failure is thrown by the next `await inFlight`, not reported as unhandled meanwhile.
    inFlight.catch(() => undefined);
  };
  for await (const raw of readRows(bytes)) {
    report.rowsRead++;
    if (report.rowsRead % 5000 === 0) options.onProgress?.(report.rowsRead);
    const { row, errors } = validate(raw, columns, lookups, !!options.createMissing);
    if (!row) {
      reject(errors);
      continue;
    }
    if (row.tag) {
      if (seenTags.has(row.tag)) {
        reject([{ line: row.line, column: columns.tag ?? 'tag', reason: 'duplicate_tag_in_file', value: row.tag }]);
        continue;
      }
      seenTags.add(row.tag);
    }
    if (row.serial) {
      const k = `${key(row.modelName)}|${row.serial}`;
      if (seenSerials.has(k)) {
        reject([
          { line: row.line, column: columns.serial ?? 'serial', reason: 'duplicate_serial_in_file', value: row.serial },
        ]);
        continue;
      }
      seenSerials.add(k);
    }
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await inFlight;
  // Rows the database refused are known when their batch is done, after the
  // next rows were read: list every bad row in file order.
  report.rejected.sort((a, b) => a.line - b.line);
  report.rejected.length = Math.min(report.rejected.length, MAX_LISTED);

  if (options.dryRun) return report;
  if (report.rejectedCount > 0 && !options.skipInvalid) {
    // What was written before the first bad row goes with the transaction.
    const failed = { ...report, created: 0, categoriesCreated: [], modelsCreated: [] };
    throw new AppError('VALIDATION_FAILED', `${report.rejectedCount} invalid row(s); nothing was imported`, {
      fields: report.rejected.map((e) => ({
        path: `line ${e.line}, ${e.column}`,
        message: e.value === undefined ? e.reason : `${e.reason}: ${e.value}`,
        code: e.reason,
      })),
      report: failed,
    });
  }
  report.written = true;
  await recordAudit(scope, {
    action: 'asset.imported',
    entityType: 'asset',
    after: {
      batchId,
      format,
      rowsRead: report.rowsRead,
      created: report.created,
      rejected: report.rejectedCount,
      categoriesCreated: report.categoriesCreated,
      modelsCreated: report.modelsCreated,
    },
  });
  return report;
}

/** Fresh planner statistics after a large import (see the schools importer). */
export async function analyseAfterAssetImport(db: Database, report: AssetImportReport): Promise<void> {
  if (report.written && report.created > 0) await db.owner.execute(sql`ANALYZE assets, asset_events`);
}
