import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { uaiProblem } from '../../../shared/uai.ts';
import { type Database, rows, type Scope } from '../../db/connection.ts';
import { assetCategories, assetModels, assets, manufacturers, organisations, rooms, schools } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { parseSettings } from '../organisations/settings.ts';
import type { RowError } from '../schools/import-parse.ts';
import { findOrCreateManufacturer } from './catalogue.ts';
import {
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
 * Importing assets. Two passes over the file, row by row: the first
 * validates every row (tags unique in the file and in the database, known
 * school, category and model — or created when asked — dates, amounts,
 * statuses) and reports every bad row; the second writes in batches, only
 * when every row is valid or `skipInvalid` is set. Memory holds the
 * lookups and the set of tags, never the rows. Dry run = first pass only.
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
const BATCH = 1000;

interface Lookups {
  schoolsByUai: Map<string, string>;
  schoolsByName: Map<string, string>;
  rooms: Map<string, string>;
  categories: Map<string, string>;
  models: Map<string, { id: string; categoryId: string }>;
  manufacturers: Map<string, string>;
}

const key = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

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

function parseDate(v: string): string | null | 'invalid' {
  const t = v.trim();
  if (!t) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (!m) return 'invalid';
  const iso = t.includes('/') ? `${m[3]}-${m[2]}-${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? 'invalid' : iso;
}

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

async function existingTags(scope: Scope, tags: string[]): Promise<Set<string>> {
  if (!tags.length) return new Set();
  const found = await scope.tx.select({ tag: assets.tag }).from(assets).where(inArray(assets.tag, tags));
  return new Set(found.map((f) => f.tag));
}

async function existingSerials(scope: Scope, pairs: { modelId: string; serial: string }[]): Promise<Set<string>> {
  if (!pairs.length) return new Set();
  const found = await rows<{ k: string }>(
    scope.tx,
    sql`SELECT a.model_id || '|' || a.serial AS k FROM assets a
         JOIN jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS p("modelId" uuid, serial text)
           ON a.model_id = p."modelId" AND a.serial = p.serial`,
  );
  return new Set(found.map((f) => f.k));
}

/** First pass: every row checked, row by row; returns the report and what the second pass needs. */
async function checkFile(
  scope: Scope,
  bytes: Uint8Array,
  columns: Partial<Record<AssetImportField, string>>,
  options: AssetImportOptions,
) {
  const lookups = await loadLookups(scope);
  const rejected: RowError[] = [];
  let rejectedCount = 0;
  const reject = (errors: RowError[]) => {
    rejectedCount++;
    for (const e of errors) if (rejected.length < MAX_LISTED) rejected.push(e);
  };
  const seenTags = new Set<string>();
  const seenSerials = new Set<string>();
  let rowsRead = 0;
  let valid = 0;
  let batch: ValidRow[] = [];
  const flush = async () => {
    const inDb = await existingTags(
      scope,
      batch.flatMap((r) => (r.tag ? [r.tag] : [])),
    );
    const serialPairs = batch.flatMap((r) => {
      const model = lookups.models.get(key(r.modelName));
      return r.serial && model ? [{ modelId: model.id, serial: r.serial }] : [];
    });
    const serialsInDb = await existingSerials(scope, serialPairs);
    for (const r of batch) {
      const model = lookups.models.get(key(r.modelName));
      if (r.tag && inDb.has(r.tag))
        reject([{ line: r.line, column: columns.tag ?? 'tag', reason: 'tag_taken', value: r.tag }]);
      else if (r.serial && model && serialsInDb.has(`${model.id}|${r.serial}`)) {
        reject([{ line: r.line, column: columns.serial ?? 'serial', reason: 'serial_taken', value: r.serial }]);
      } else valid++;
    }
    batch = [];
  };
  for await (const raw of readRows(bytes)) {
    rowsRead++;
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
    if (rowsRead % 5000 === 0) options.onProgress?.(rowsRead);
  }
  await flush();
  return { lookups, rejected, rejectedCount, rowsRead, valid };
}

function slug(name: string): string {
  return (
    key(name)
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 36) || 'categorie'
  );
}

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
  const checked = await checkFile(scope, bytes, columns, options);
  const report: AssetImportReport = {
    format,
    columns,
    rowsRead: checked.rowsRead,
    valid: checked.valid,
    created: 0,
    rejected: checked.rejected,
    rejectedCount: checked.rejectedCount,
    categoriesCreated: [],
    modelsCreated: [],
    dryRun: !!options.dryRun,
    written: false,
  };
  if (options.dryRun) return report;
  if (checked.rejectedCount > 0 && !options.skipInvalid) {
    throw new AppError('VALIDATION_FAILED', `${checked.rejectedCount} invalid row(s); nothing was imported`, {
      fields: checked.rejected.map((e) => ({
        path: `line ${e.line}, ${e.column}`,
        message: e.value === undefined ? e.reason : `${e.reason}: ${e.value}`,
        code: e.reason,
      })),
      report,
    });
  }

  // Second pass: write. Rows rejected in the first pass are skipped again the same way.
  const { lookups } = checked;
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
  const rejectedLines = new Set(checked.rejected.map((e) => e.line));
  const seenTags = new Set<string>();
  const seenSerials = new Set<string>();
  let pending: ValidRow[] = [];

  const ensureModel = async (r: ValidRow): Promise<string> => {
    const existing = lookups.models.get(key(r.modelName));
    if (existing) return existing.id;
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

  const write = async () => {
    if (!pending.length) return;
    const inDb = await existingTags(
      scope,
      pending.flatMap((r) => (r.tag ? [r.tag] : [])),
    );
    const serialsInDb = await existingSerials(
      scope,
      pending.flatMap((r) => {
        const model = lookups.models.get(key(r.modelName));
        return r.serial && model ? [{ modelId: model.id, serial: r.serial }] : [];
      }),
    );
    const ready = pending.filter((r) => {
      const model = lookups.models.get(key(r.modelName));
      return !(r.tag && inDb.has(r.tag)) && !(r.serial && model && serialsInDb.has(`${model.id}|${r.serial}`));
    });
    const needTags = ready.filter((r) => !r.tag).length;
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
    for (const r of ready) {
      values.push({
        organisation_id: scope.organisationId,
        tag: r.tag ?? formatTag(pattern, year, next++, prefix),
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
    const inserted = await rows<{ id: string; status: string; school_id: string | null; room_id: string | null }>(
      scope.tx,
      sql`INSERT INTO assets (organisation_id, tag, serial, model_id, status, school_id, room_id, purchase_date,
                              purchase_price_cents, supplier, order_ref, invoice_ref, warranty_end, notes)
          SELECT organisation_id, tag, serial, model_id, status, school_id, room_id, purchase_date,
                 purchase_price_cents, supplier, order_ref, invoice_ref, warranty_end, notes
            FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS r(
              organisation_id uuid, tag text, serial text, model_id uuid, status text, school_id uuid, room_id uuid,
              purchase_date date, purchase_price_cents bigint, supplier text, order_ref text, invoice_ref text,
              warranty_end date, notes text)
          RETURNING id, status, school_id, room_id`,
    );
    await scope.tx.execute(sql`
      INSERT INTO asset_events (organisation_id, asset_id, actor_user_id, kind, to_status, to_location, note, batch_id)
      SELECT ${scope.organisationId}, r.id, ${scope.userId}, 'created', r.status,
             jsonb_build_object('schoolId', r.school_id, 'roomId', r.room_id), 'import', ${batchId}::uuid
        FROM jsonb_to_recordset(${JSON.stringify(inserted)}::jsonb) AS r(id uuid, status text, school_id uuid, room_id uuid)`);
    report.created += inserted.length;
    pending = [];
  };

  for await (const raw of readRows(bytes)) {
    if (rejectedLines.has(raw.line)) continue;
    const { row } = validate(raw, columns, lookups, !!options.createMissing);
    if (!row) continue;
    if (row.tag) {
      if (seenTags.has(row.tag)) continue;
      seenTags.add(row.tag);
    }
    if (row.serial) {
      const k = `${key(row.modelName)}|${row.serial}`;
      if (seenSerials.has(k)) continue;
      seenSerials.add(k);
    }
    pending.push(row);
    if (pending.length >= BATCH) {
      await write();
      options.onProgress?.(report.created);
    }
  }
  await write();
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
