import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { assetModels, assets, organisations } from '../../db/schema.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { type Column, toCsv, toXlsx } from '../../http/export.ts';
import { problems } from '../../http/schemas.ts';
import type { App, AppDeps } from '../../http/types.ts';
import { UPLOAD_BODY_LIMIT, withRawUploads } from '../../http/upload.ts';
import { scopeOf } from '../auth/actor.ts';
import { parseSettings } from '../organisations/settings.ts';
import { getSchool } from '../schools/service.ts';
import { bulkAssets } from './bulk.ts';
import {
  createCategory,
  createModel,
  createStockLocation,
  equipmentSummary,
  findCategories,
  findManufacturers,
  findModels,
  findOrCreateManufacturer,
  findStockLocations,
  updateCategory,
  updateModel,
} from './catalogue.ts';
import { analyseAfterAssetImport, importAssets } from './import.ts';
import { ASSET_IMPORT_FIELDS, detectAssetFormat, readHeaders, readRows, resolveColumns } from './import-formats.ts';
import { labelsPdf } from './labels.ts';
import {
  applyCorrections,
  CorrectionsSchema,
  closeRound,
  findRounds,
  getRound,
  RoundSchema,
  ScanResultSchema,
  ScanSchema,
  StartRoundSchema,
  scanTags,
  startRound,
} from './rounds.ts';
import { ROUND_COLUMNS, reportRows, roundPdf } from './rounds-report.ts';
import {
  AssetDetailSchema,
  AssetExportQuerySchema,
  AssetImportPreviewSchema,
  AssetImportQuerySchema,
  AssetImportReportSchema,
  AssetListQuerySchema,
  AssetListSchema,
  type AssetSchema,
  BulkResultSchema,
  BulkSchema,
  CartOperationSchema,
  CategorySchema,
  CreateAssetSchema,
  CreateCategorySchema,
  CreateManufacturerSchema,
  CreateModelSchema,
  CreateStockLocationSchema,
  EquipmentSummarySchema,
  LabelsSchema,
  ManufacturerSchema,
  MappingSchema,
  ModelSchema,
  MoveSchema,
  NotificationSchema,
  StockLocationSchema,
  TakeOutSchema,
  TransitionSchema,
  UpdateAssetSchema,
  UpdateCategorySchema,
  UpdateModelSchema,
  WarrantyDigestSchema,
} from './schema.ts';
import {
  assetReach,
  createAsset,
  findAssets,
  getAsset,
  moveAsset,
  putInCart,
  takeOutOfCart,
  transitionAsset,
  updateAsset,
} from './service.ts';
import { findNotifications, warrantiesEnding } from './warranty.ts';

const tags = ['inventory'];
const IdParams = z.object({ id: z.uuid() });

type Asset = z.infer<typeof AssetSchema>;
const EXPORT_COLUMNS: Column<Asset>[] = [
  { header: 'tag', value: (a) => a.tag },
  { header: 'serial', value: (a) => a.serial },
  { header: 'categorie', value: (a) => a.category.nameFr },
  { header: 'modele', value: (a) => a.model.name },
  { header: 'fabricant', value: (a) => a.model.manufacturer },
  { header: 'statut', value: (a) => a.status },
  { header: 'uai', value: (a) => a.school?.uai },
  { header: 'ecole', value: (a) => a.school?.name },
  { header: 'salle', value: (a) => a.room?.name },
  { header: 'classe_mobile', value: (a) => a.cart?.tag },
  { header: 'stock', value: (a) => a.stockLocation?.name },
  { header: 'date_achat', value: (a) => a.purchaseDate },
  { header: 'prix_achat_ht', value: (a) => (a.purchasePriceCents === null ? null : a.purchasePriceCents / 100) },
  { header: 'fournisseur', value: (a) => a.supplier },
  { header: 'commande', value: (a) => a.orderRef },
  { header: 'facture', value: (a) => a.invoiceRef },
  { header: 'fin_garantie', value: (a) => a.warrantyEnd },
  { header: 'mdm', value: (a) => (a.mdmEnrolled ? 'oui' : 'non') },
  { header: 'notes', value: (a) => a.notes },
];

export function inventoryRoutes(app: App, { db, config }: AppDeps) {
  // ---- catalogue ----
  app.get(
    '/api/inventory/categories',
    {
      config: { permission: 'inventory.read' },
      schema: { tags, summary: 'Asset categories', response: { 200: z.array(CategorySchema), ...problems(401, 403) } },
    },
    async (request) => db.withOrg(scopeOf(actorOf(request), request.id), (scope) => findCategories(scope)),
  );
  app.post(
    '/api/inventory/categories',
    {
      config: { permission: 'inventory.catalogue' },
      schema: {
        tags,
        summary: 'Create a category (with optional custom fields as a JSON Schema)',
        body: CreateCategorySchema,
        response: { 201: CategorySchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const created = await db.withOrg(scopeOf(actorOf(request), request.id), (scope) =>
        createCategory(scope, request.body),
      );
      return reply.code(201).send(created);
    },
  );
  app.patch(
    '/api/inventory/categories/:id',
    {
      config: { permission: 'inventory.catalogue' },
      schema: {
        tags,
        summary: 'Edit or archive a category',
        params: IdParams,
        body: UpdateCategorySchema,
        response: { 200: CategorySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) =>
      db.withOrg(scopeOf(actorOf(request), request.id), (scope) =>
        updateCategory(scope, request.params.id, request.body),
      ),
  );
  app.get(
    '/api/inventory/manufacturers',
    {
      config: { permission: 'inventory.read' },
      schema: { tags, summary: 'Manufacturers', response: { 200: z.array(ManufacturerSchema), ...problems(401, 403) } },
    },
    async (request) => db.withOrg(scopeOf(actorOf(request), request.id), (scope) => findManufacturers(scope)),
  );
  app.post(
    '/api/inventory/manufacturers',
    {
      config: { permission: 'inventory.catalogue' },
      schema: {
        tags,
        summary: 'Add a manufacturer (returns the existing one with the same name)',
        body: CreateManufacturerSchema,
        response: { 201: ManufacturerSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const m = await db.withOrg(scopeOf(actorOf(request), request.id), (scope) =>
        findOrCreateManufacturer(scope, request.body.name),
      );
      return reply.code(201).send({ id: m.id, name: m.name });
    },
  );
  app.get(
    '/api/inventory/models',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Asset models with their reference price and asset count',
        querystring: z.object({ categoryId: z.uuid().optional() }),
        response: { 200: z.array(ModelSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) =>
      db.withOrg(scopeOf(actorOf(request), request.id), (scope) => findModels(scope, request.query.categoryId)),
  );
  app.post(
    '/api/inventory/models',
    {
      config: { permission: 'inventory.catalogue' },
      schema: {
        tags,
        summary: 'Create a model',
        body: CreateModelSchema,
        response: { 201: ModelSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const m = await db.withOrg(scopeOf(actorOf(request), request.id), (scope) => createModel(scope, request.body));
      return reply.code(201).send(m);
    },
  );
  app.patch(
    '/api/inventory/models/:id',
    {
      config: { permission: 'inventory.catalogue' },
      schema: {
        tags,
        summary: 'Edit or archive a model',
        params: IdParams,
        body: UpdateModelSchema,
        response: { 200: ModelSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      db.withOrg(scopeOf(actorOf(request), request.id), (scope) => updateModel(scope, request.params.id, request.body)),
  );
  app.get(
    '/api/inventory/stock-locations',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Stock locations',
        response: { 200: z.array(StockLocationSchema), ...problems(401, 403) },
      },
    },
    async (request) => db.withOrg(scopeOf(actorOf(request), request.id), (scope) => findStockLocations(scope)),
  );
  app.post(
    '/api/inventory/stock-locations',
    {
      config: { permission: 'inventory.catalogue' },
      schema: {
        tags,
        summary: 'Add a stock location',
        body: CreateStockLocationSchema,
        response: { 201: StockLocationSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const s = await db.withOrg(scopeOf(actorOf(request), request.id), (scope) =>
        createStockLocation(scope, request.body),
      );
      return reply.code(201).send(s);
    },
  );
  app.get(
    '/api/inventory/summary',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Equipment counts by category and status (the organisation, or one school)',
        querystring: z.object({ schoolId: z.uuid().optional() }),
        response: { 200: EquipmentSummarySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        if (request.query.schoolId) await getSchool(scope, actor, request.query.schoolId);
        else if (assetReach(actor)) throw new AppError('FORBIDDEN', 'Give the school');
        return equipmentSummary(scope, request.query.schoolId ?? null);
      });
    },
  );

  // ---- warranties and notifications ----
  app.get(
    '/api/inventory/warranties',
    {
      config: { permission: 'inventory.catalogue' },
      schema: {
        tags,
        summary: 'Assets whose warranty ends within N days (default: the organisation’s notice period)',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(730).optional() }),
        response: { 200: WarrantyDigestSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const [org] = await scope.tx.select({ settings: organisations.settings }).from(organisations);
        return warrantiesEnding(scope, request.query.days ?? parseSettings(org?.settings).warrantyNoticeDays, 500);
      });
    },
  );
  app.get(
    '/api/notifications',
    {
      config: { permission: 'organisation.read' },
      schema: {
        tags: ['notifications'],
        summary: 'Recent notifications for my roles (digests of background jobs)',
        response: { 200: z.array(NotificationSchema), ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findNotifications(scope, actor.roles));
    },
  );

  // ---- imports ----
  const parseMapping = (raw: string | undefined) => {
    if (!raw) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = null;
    }
    const parsed = MappingSchema.safeParse(value);
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', 'Invalid column mapping', {
        fields: [{ path: 'querystring.mapping', message: 'a JSON object field → column', code: 'invalid_mapping' }],
      });
    }
    return parsed.data;
  };
  const fileOf = (body: unknown) => {
    if (!Buffer.isBuffer(body))
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv, XLSX or application/octet-stream');
    return new Uint8Array(body);
  };
  withRawUploads(app, (scoped) => {
    scoped.post(
      '/api/assets/import/preview',
      {
        config: { permission: 'inventory.import' },
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Read a file’s columns and first rows, with the detected layout and column mapping',
          consumes: [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'application/octet-stream',
          ],
          querystring: z.object({ format: z.enum(['socle', 'snipeit', 'glpi']).optional() }),
          body: z.any().meta({ description: 'the CSV or XLSX file', type: 'string', format: 'binary' }),
          response: { 200: AssetImportPreviewSchema, ...problems(400, 401, 403, 413, 415) },
        },
      },
      async (request) => {
        const bytes = fileOf(request.body);
        const headers = await readHeaders(bytes).catch((e: Error) => {
          throw new AppError('BAD_REQUEST', `Unreadable file: ${e.message}`);
        });
        const detectedFormat = detectAssetFormat(headers);
        const sample: Record<string, string>[] = [];
        for await (const row of readRows(bytes)) {
          sample.push(row.values);
          if (sample.length >= 5) break;
        }
        const format = request.query.format ?? detectedFormat;
        return {
          headers,
          detectedFormat,
          columns: format ? resolveColumns(format, headers) : {},
          fields: [...ASSET_IMPORT_FIELDS],
          sample,
        };
      },
    );
    scoped.post(
      '/api/assets/import',
      {
        config: { permission: 'inventory.import' },
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Import assets from a CSV or XLSX file (Socle, Snipe-IT or GLPI layout, or any with a column mapping). Invalid rows → 400 ' +
            'listing each (line, column, reason) and nothing written, unless skipInvalid=true.',
          consumes: [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'application/octet-stream',
          ],
          querystring: AssetImportQuerySchema,
          body: z.any().meta({ description: 'the CSV or XLSX file', type: 'string', format: 'binary' }),
          response: { 200: AssetImportReportSchema, ...problems(400, 401, 403, 413, 415) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const bytes = fileOf(request.body);
        const q = request.query;
        const mapping = parseMapping(q.mapping);
        const report = await db.withOrg(scopeOf(actor, request.id), (scope) =>
          importAssets(scope, bytes, {
            format: q.format,
            mapping,
            dryRun: q.dryRun === 'true',
            skipInvalid: q.skipInvalid === 'true',
            createMissing: q.createMissing === 'true',
          }),
        );
        await analyseAfterAssetImport(db, report);
        return report;
      },
    );
  });

  // ---- inventory rounds ----
  app.get(
    '/api/inventory/rounds',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Inventory rounds, newest first',
        querystring: z.object({ schoolId: z.uuid().optional() }),
        response: {
          200: z.array(RoundSchema.omit({ found: true, missing: true, unexpected: true, unknown: true })),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findRounds(scope, actor, request.query.schoolId));
    },
  );
  app.post(
    '/api/inventory/rounds',
    {
      config: { permission: 'inventory.audit' },
      schema: {
        tags,
        summary: 'Start an inventory round for a school, a room or a cart (the expected list is fixed now)',
        body: StartRoundSchema,
        response: { 201: RoundSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const round = await db.withOrg(scopeOf(actor, request.id), (scope) => startRound(scope, actor, request.body));
      return reply.code(201).send(round);
    },
  );
  app.get(
    '/api/inventory/rounds/:id',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'A round with found, missing, unexpected and unknown lists',
        params: IdParams,
        response: { 200: RoundSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => getRound(scope, actor, request.params.id));
    },
  );
  app.post(
    '/api/inventory/rounds/:id/scans',
    {
      config: { permission: 'inventory.audit' },
      schema: {
        tags,
        summary: 'Record scanned tags (or label URLs)',
        params: IdParams,
        body: ScanSchema,
        response: { 200: ScanResultSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        scanTags(scope, actor, request.params.id, request.body.tags),
      );
    },
  );
  app.post(
    '/api/inventory/rounds/:id/close',
    {
      config: { permission: 'inventory.audit' },
      schema: {
        tags,
        summary: 'Close a round: counts are final, scanned assets get their audit date',
        params: IdParams,
        response: { 200: RoundSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => closeRound(scope, actor, request.params.id));
    },
  );
  app.post(
    '/api/inventory/rounds/:id/corrections',
    {
      config: { permission: 'inventory.manage' },
      schema: {
        tags,
        summary:
          'Apply the corrections of a closed round in one confirmed step (move unexpected assets here, declare missing ones lost)',
        params: IdParams,
        body: CorrectionsSchema,
        response: { 200: RoundSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) =>
        applyCorrections(scope, actor, request.params.id, request.body),
      );
    },
  );
  app.get(
    '/api/inventory/rounds/:id/export',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'The round report as PDF or CSV',
        params: IdParams,
        querystring: z.object({ format: z.enum(['pdf', 'csv']).default('pdf') }),
        produces: ['application/pdf', 'text/csv'],
        response: { 200: z.string().meta({ description: 'PDF or CSV file' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const round = await db.withOrg(scopeOf(actor, request.id), (scope) => getRound(scope, actor, request.params.id));
      const name = `inventaire-${round.startedAt.slice(0, 10)}`;
      if (request.query.format === 'csv') {
        reply.header('content-disposition', `attachment; filename="${name}.csv"`).type('text/csv; charset=utf-8');
        return reply.send(Buffer.from(toCsv(ROUND_COLUMNS, reportRows(round)), 'utf8') as never);
      }
      reply.header('content-disposition', `attachment; filename="${name}.pdf"`).type('application/pdf');
      return reply.send(Buffer.from(await roundPdf(round, actor.organisation.name)) as never);
    },
  );

  // ---- assets ----
  app.get(
    '/api/assets',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Assets: search, filters, sort, pagination with total',
        querystring: AssetListQuerySchema,
        response: { 200: AssetListSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => findAssets(scope, actor, request.query));
    },
  );
  app.get(
    '/api/assets/export',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'The filtered list as CSV or XLSX',
        querystring: AssetExportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.string().meta({ description: 'CSV or XLSX file' }), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { format, ...filters } = request.query;
      const items = await db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const out: Asset[] = [];
        for (let offset = 0; ; offset += 500) {
          const page = await findAssets(scope, actor, { ...filters, limit: 500, offset });
          out.push(...page.items);
          if (page.items.length < 500) return out;
        }
      });
      const stamp = new Date().toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="equipements-${stamp}.${format}"`);
      if (format === 'xlsx') {
        reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return reply.send((await toXlsx('Équipements', EXPORT_COLUMNS, items)) as never);
      }
      reply.type('text/csv; charset=utf-8');
      return reply.send(Buffer.from(toCsv(EXPORT_COLUMNS, items), 'utf8') as never);
    },
  );
  app.get(
    '/api/assets/by-tag/:tag',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'Look an asset up by its inventory tag (scanning)',
        params: z.object({ tag: z.string().trim().min(1).max(64) }),
        response: { 200: AssetDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const [row] = await scope.tx
          .select({ id: assets.id })
          .from(assets)
          .where(and(eq(assets.tag, request.params.tag), assetReach(actor)));
        if (!row) throw notFound('Asset');
        return getAsset(scope, actor, row.id);
      });
    },
  );
  app.post(
    '/api/assets',
    {
      config: { permission: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Register an asset (tag generated from the organisation’s pattern when absent)',
        body: CreateAssetSchema,
        response: { 201: AssetDetailSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db.withOrg(scopeOf(actor, request.id), async (scope) => {
        const row = await createAsset(scope, actor, request.body);
        return getAsset(scope, actor, row.id);
      });
      return reply.code(201).send(created);
    },
  );
  app.post(
    '/api/assets/bulk',
    {
      config: { permission: 'inventory.manage' },
      schema: {
        tags,
        summary:
          'Bulk action on assets by id or scanned tag: move, status, into/out of a cart, assign to a school; answers per asset',
        body: BulkSchema,
        response: { 200: BulkResultSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return bulkAssets(db, scopeOf(actor, request.id), actor, request.body);
    },
  );
  app.post(
    '/api/assets/labels',
    {
      config: { permission: 'inventory.manage' },
      schema: {
        tags,
        summary: 'A PDF sheet of QR labels for the given assets (A4 layouts 3×8, 4×10, 2×7)',
        body: LabelsSchema,
        produces: ['application/pdf'],
        response: { 200: z.string().meta({ description: 'PDF file' }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { ids, tags: wanted, layout, skip } = request.body;
      const found = await db.withOrg(scopeOf(actor, request.id), (scope) =>
        scope.tx
          .select({ id: assets.id, tag: assets.tag, name: assetModels.name })
          .from(assets)
          .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
          .where(
            and(
              or(
                ids?.length ? inArray(assets.id, ids) : undefined,
                wanted?.length ? inArray(assets.tag, wanted) : undefined,
              ),
              assetReach(actor),
            ),
          )
          .orderBy(asc(assets.tag)),
      );
      const asked = (ids?.length ?? 0) + (wanted?.length ?? 0);
      if (found.length === 0) throw notFound('Asset');
      if (found.length < new Set([...(ids ?? []), ...(wanted ?? [])]).size) {
        const known = new Set(found.flatMap((f) => [f.id, f.tag]));
        const missing = [...(ids ?? []), ...(wanted ?? [])].filter((x) => !known.has(x));
        throw new AppError('VALIDATION_FAILED', `${missing.length} of ${asked} assets not found`, {
          fields: missing
            .slice(0, 50)
            .map((m) => ({ path: 'body.ids', message: `not found: ${m}`, code: 'unknown_asset' })),
        });
      }
      const pdf = await labelsPdf(found, {
        layout,
        skip,
        organisation: actor.organisation.name,
        publicUrl: config.publicUrl,
      });
      reply.header(
        'content-disposition',
        `attachment; filename="etiquettes-${new Date().toISOString().slice(0, 10)}.pdf"`,
      );
      reply.type('application/pdf');
      return reply.send(Buffer.from(pdf) as never);
    },
  );

  app.get(
    '/api/assets/:id',
    {
      config: { permission: 'inventory.read' },
      schema: {
        tags,
        summary: 'One asset with its history, contents (carts) and allowed status changes',
        params: IdParams,
        response: { 200: AssetDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), (scope) => getAsset(scope, actor, request.params.id));
    },
  );
  app.patch(
    '/api/assets/:id',
    {
      config: { permission: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Edit an asset’s details (send the version you saw)',
        params: IdParams,
        body: UpdateAssetSchema,
        response: { 200: AssetDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        await updateAsset(scope, actor, request.params.id, request.body);
        return getAsset(scope, actor, request.params.id);
      });
    },
  );
  app.post(
    '/api/assets/:id/transition',
    {
      config: { permission: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Change an asset’s lifecycle status (409 ASSET_INVALID_TRANSITION when not allowed)',
        params: IdParams,
        body: TransitionSchema,
        response: { 200: AssetDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        await transitionAsset(scope, actor, request.params.id, request.body, { note: request.body.note });
        return getAsset(scope, actor, request.params.id);
      });
    },
  );
  app.post(
    '/api/assets/:id/move',
    {
      config: { permission: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Move an asset (a cart moves with its contents)',
        params: IdParams,
        body: MoveSchema,
        response: { 200: AssetDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { note, ...input } = request.body;
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        await moveAsset(scope, actor, request.params.id, input, { note });
        return getAsset(scope, actor, request.params.id);
      });
    },
  );
  app.post(
    '/api/assets/:id/cart',
    {
      config: { permission: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Put a device into a cart',
        params: IdParams,
        body: CartOperationSchema,
        response: { 200: AssetDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        await putInCart(scope, actor, request.params.id, request.body, { note: request.body.note });
        return getAsset(scope, actor, request.params.id);
      });
    },
  );
  app.post(
    '/api/assets/:id/take-out',
    {
      config: { permission: 'inventory.manage' },
      schema: {
        tags,
        summary: 'Take a device out of its cart',
        params: IdParams,
        body: TakeOutSchema,
        response: { 200: AssetDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.withOrg(scopeOf(actor, request.id), async (scope) => {
        await takeOutOfCart(scope, actor, request.params.id, request.body, { note: request.body.note });
        return getAsset(scope, actor, request.params.id);
      });
    },
  );
}
