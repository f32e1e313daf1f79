import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Scope } from '../../db/connection.ts';
import { assetCategories, assetModels, assets, manufacturers, schools, stockLocations } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';

/**
 * The catalogue: categories (admin-editable, each with optional custom
 * fields described by a JSON Schema), manufacturers, models with their
 * reference price HT and expected life, stock locations.
 */

export interface DefaultCategory {
  code: string;
  nameFr: string;
  nameEn: string;
  role: (typeof assetCategories.$inferInsert)['role'];
  /** Indicative unit cost HT (DOMAIN.md §4), pricing the socle's gaps until the city sets its own. */
  referencePriceCents?: number;
  installCostCents?: number;
}

/** The categories every organisation starts with (DOMAIN.md §3–4). */
export const DEFAULT_CATEGORIES: DefaultCategory[] = [
  {
    code: 'teacher_laptop',
    nameFr: 'Ordinateur portable enseignant',
    nameEn: 'Teacher laptop',
    role: 'teacher_computer',
    referencePriceCents: 30_000,
    installCostCents: 0,
  },
  { code: 'pupil_laptop', nameFr: 'Ordinateur portable élève', nameEn: 'Pupil laptop', role: 'pupil_device' },
  { code: 'tablet', nameFr: 'Tablette', nameEn: 'Tablet', role: 'pupil_device' },
  { code: 'desktop', nameFr: 'Ordinateur fixe', nameEn: 'Desktop computer', role: 'desktop' },
  { code: 'video_projector', nameFr: 'Vidéoprojecteur', nameEn: 'Video projector', role: 'projection' },
  {
    code: 'vpi',
    nameFr: 'Vidéoprojecteur interactif (VPI)',
    nameEn: 'Interactive projector',
    role: 'projection',
    referencePriceCents: 160_000,
    installCostCents: 50_000,
  },
  { code: 'tni', nameFr: 'Tableau numérique interactif (TNI)', nameEn: 'Interactive whiteboard', role: 'projection' },
  {
    code: 'eni',
    nameFr: 'Écran numérique interactif (ENI)',
    nameEn: 'Interactive display',
    role: 'projection',
    referencePriceCents: 270_000,
    installCostCents: 50_000,
  },
  { code: 'document_camera', nameFr: 'Visualiseur', nameEn: 'Document camera', role: 'document_camera' },
  { code: 'wifi_ap', nameFr: 'Borne wifi', nameEn: 'Wifi access point', role: 'network_ap' },
  { code: 'switch', nameFr: 'Commutateur réseau', nameEn: 'Network switch', role: 'network_switch' },
  { code: 'server', nameFr: 'Serveur', nameEn: 'Server', role: 'server' },
  { code: 'printer', nameFr: 'Imprimante', nameEn: 'Printer', role: 'printer' },
  { code: 'charging_cart', nameFr: 'Classe mobile (chariot de recharge)', nameEn: 'Charging cart', role: 'cart' },
  { code: 'hotspot_4g', nameFr: 'Clé ou routeur 4G', nameEn: '4G hotspot', role: 'hotspot' },
  { code: 'accessory', nameFr: 'Accessoire', nameEn: 'Accessory', role: 'accessory' },
];

/** Creates the default categories missing in the organisation; idempotent. */
export async function ensureDefaultCatalogue(scope: Scope): Promise<number> {
  const inserted = await scope.tx
    .insert(assetCategories)
    .values(DEFAULT_CATEGORIES.map((c) => ({ ...c, organisationId: scope.organisationId })))
    .onConflictDoNothing()
    .returning({ id: assetCategories.id });
  if (inserted.length) {
    await recordAudit(scope, {
      action: 'catalogue.defaults_created',
      entityType: 'asset_category',
      after: { count: inserted.length },
    });
  }
  return inserted.length;
}

function presentCategory(c: typeof assetCategories.$inferSelect) {
  return {
    id: c.id,
    code: c.code,
    nameFr: c.nameFr,
    nameEn: c.nameEn,
    role: c.role as never,
    customFieldsSchema: c.customFieldsSchema ?? null,
    referencePriceCents: c.referencePriceCents,
    installCostCents: c.installCostCents,
    archived: c.archived,
  };
}

export async function findCategories(scope: Scope) {
  const found = await scope.tx.select().from(assetCategories).orderBy(asc(assetCategories.nameFr));
  return found.map(presentCategory);
}

export async function createCategory(
  scope: Scope,
  input: Pick<
    typeof assetCategories.$inferInsert,
    'code' | 'nameFr' | 'nameEn' | 'role' | 'customFieldsSchema' | 'referencePriceCents' | 'installCostCents'
  >,
) {
  const [dup] = await scope.tx
    .select({ id: assetCategories.id })
    .from(assetCategories)
    .where(eq(assetCategories.code, input.code));
  if (dup) {
    throw new AppError('CONFLICT', 'A category with this code exists', {
      fields: [{ path: 'body.code', message: 'already used', code: 'code_taken' }],
    });
  }
  const [row] = await scope.tx
    .insert(assetCategories)
    .values({ ...input, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(scope, {
    action: 'catalogue.category_created',
    entityType: 'asset_category',
    entityId: row.id,
    after: presentCategory(row),
  });
  return presentCategory(row);
}

export async function updateCategory(scope: Scope, id: string, input: Partial<typeof assetCategories.$inferInsert>) {
  const [before] = await scope.tx.select().from(assetCategories).where(eq(assetCategories.id, id)).for('update');
  if (!before) throw notFound('Category');
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const [after] = await scope.tx
    .update(assetCategories)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(assetCategories.id, id))
    .returning();
  if (!after) throw notFound('Category');
  await recordAudit(scope, {
    action: 'catalogue.category_updated',
    entityType: 'asset_category',
    entityId: id,
    before: presentCategory(before),
    after: presentCategory(after),
  });
  return presentCategory(after);
}

export async function findManufacturers(scope: Scope) {
  return scope.tx
    .select({ id: manufacturers.id, name: manufacturers.name })
    .from(manufacturers)
    .orderBy(asc(manufacturers.name));
}

export async function findOrCreateManufacturer(scope: Scope, name: string, audit = true) {
  const [existing] = await scope.tx
    .select({ id: manufacturers.id, name: manufacturers.name })
    .from(manufacturers)
    .where(sql`lower(${manufacturers.name}) = lower(${name})`);
  if (existing) return { ...existing, created: false };
  const [row] = await scope.tx
    .insert(manufacturers)
    .values({ organisationId: scope.organisationId, name })
    .returning({ id: manufacturers.id, name: manufacturers.name });
  if (!row) throw new AppError('INTERNAL');
  if (audit)
    await recordAudit(scope, {
      action: 'catalogue.manufacturer_created',
      entityType: 'manufacturer',
      entityId: row.id,
      after: { name },
    });
  return { ...row, created: true };
}

export async function findModels(scope: Scope, categoryId?: string) {
  const found = await scope.tx
    .select({
      m: assetModels,
      c: assetCategories,
      manufacturerName: manufacturers.name,
      assetCount: sql<number>`(SELECT count(*) FROM assets a WHERE a.model_id = ${assetModels.id})::int`,
    })
    .from(assetModels)
    .innerJoin(assetCategories, eq(assetCategories.id, assetModels.categoryId))
    .leftJoin(manufacturers, eq(manufacturers.id, assetModels.manufacturerId))
    .where(categoryId ? eq(assetModels.categoryId, categoryId) : undefined)
    .orderBy(asc(assetModels.name));
  return found.map(({ m, c, manufacturerName, assetCount }) => ({
    id: m.id,
    name: m.name,
    modelNumber: m.modelNumber,
    category: { id: c.id, code: c.code, nameFr: c.nameFr, nameEn: c.nameEn, role: c.role as never },
    manufacturer: m.manufacturerId && manufacturerName ? { id: m.manufacturerId, name: manufacturerName } : null,
    specs: m.specs,
    unitPriceCents: m.unitPriceCents,
    installCostCents: m.installCostCents,
    expectedLifeYears: m.expectedLifeYears,
    archived: m.archived,
    assetCount: Number(assetCount),
  }));
}

async function assertCategory(scope: Scope, id: string) {
  const [c] = await scope.tx.select({ id: assetCategories.id }).from(assetCategories).where(eq(assetCategories.id, id));
  if (!c) {
    throw new AppError('VALIDATION_FAILED', 'Unknown category', {
      fields: [{ path: 'body.categoryId', message: 'unknown category', code: 'unknown_category' }],
    });
  }
}

async function assertManufacturer(scope: Scope, id: string | null | undefined) {
  if (!id) return;
  const [m] = await scope.tx.select({ id: manufacturers.id }).from(manufacturers).where(eq(manufacturers.id, id));
  if (!m) {
    throw new AppError('VALIDATION_FAILED', 'Unknown manufacturer', {
      fields: [{ path: 'body.manufacturerId', message: 'unknown manufacturer', code: 'unknown_manufacturer' }],
    });
  }
}

async function assertModelNameFree(scope: Scope, name: string, exceptId?: string) {
  const [dup] = await scope.tx
    .select({ id: assetModels.id })
    .from(assetModels)
    .where(
      and(
        sql`lower(${assetModels.name}) = lower(${name})`,
        exceptId ? sql`${assetModels.id} <> ${exceptId}` : undefined,
      ),
    );
  if (dup) {
    throw new AppError('CONFLICT', 'A model with this name exists', {
      fields: [{ path: 'body.name', message: 'already used', code: 'name_taken' }],
    });
  }
}

type ModelInput = Partial<
  Pick<
    typeof assetModels.$inferInsert,
    | 'name'
    | 'modelNumber'
    | 'categoryId'
    | 'manufacturerId'
    | 'specs'
    | 'unitPriceCents'
    | 'installCostCents'
    | 'expectedLifeYears'
    | 'archived'
  >
>;

export async function createModel(
  scope: Scope,
  input: ModelInput & { name: string; categoryId: string },
  audit = true,
) {
  await assertCategory(scope, input.categoryId);
  await assertManufacturer(scope, input.manufacturerId);
  await assertModelNameFree(scope, input.name);
  const [row] = await scope.tx
    .insert(assetModels)
    .values({ ...input, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  if (audit)
    await recordAudit(scope, {
      action: 'catalogue.model_created',
      entityType: 'asset_model',
      entityId: row.id,
      after: input,
    });
  return (await findModels(scope)).find((m) => m.id === row.id) as Awaited<ReturnType<typeof findModels>>[number];
}

export async function updateModel(scope: Scope, id: string, input: ModelInput) {
  const [before] = await scope.tx.select().from(assetModels).where(eq(assetModels.id, id)).for('update');
  if (!before) throw notFound('Model');
  if (input.categoryId) await assertCategory(scope, input.categoryId);
  if (input.manufacturerId) await assertManufacturer(scope, input.manufacturerId);
  if (input.name && input.name.toLowerCase() !== before.name.toLowerCase())
    await assertModelNameFree(scope, input.name, id);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await scope.tx
    .update(assetModels)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(assetModels.id, id));
  await recordAudit(scope, {
    action: 'catalogue.model_updated',
    entityType: 'asset_model',
    entityId: id,
    before,
    after: patch,
  });
  return (await findModels(scope)).find((m) => m.id === id) as Awaited<ReturnType<typeof findModels>>[number];
}

export async function findStockLocations(scope: Scope) {
  return scope.tx
    .select({
      id: stockLocations.id,
      name: stockLocations.name,
      kind: stockLocations.kind,
      schoolId: stockLocations.schoolId,
      archived: stockLocations.archived,
    })
    .from(stockLocations)
    .orderBy(asc(stockLocations.name)) as Promise<
    {
      id: string;
      name: string;
      kind: 'warehouse' | 'technician' | 'school_store';
      schoolId: string | null;
      archived: boolean;
    }[]
  >;
}

export async function createStockLocation(
  scope: Scope,
  input: { name: string; kind: 'warehouse' | 'technician' | 'school_store'; schoolId?: string | null | undefined },
) {
  if (input.schoolId) {
    const [school] = await scope.tx.select({ id: schools.id }).from(schools).where(eq(schools.id, input.schoolId));
    if (!school) {
      throw new AppError('VALIDATION_FAILED', 'Unknown school', {
        fields: [{ path: 'body.schoolId', message: 'unknown school', code: 'unknown_school' }],
      });
    }
  }
  const [dup] = await scope.tx
    .select({ id: stockLocations.id })
    .from(stockLocations)
    .where(eq(stockLocations.name, input.name));
  if (dup) {
    throw new AppError('CONFLICT', 'A stock location with this name exists', {
      fields: [{ path: 'body.name', message: 'already used', code: 'name_taken' }],
    });
  }
  const [row] = await scope.tx
    .insert(stockLocations)
    .values({
      organisationId: scope.organisationId,
      name: input.name,
      kind: input.kind,
      schoolId: input.schoolId ?? null,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(scope, {
    action: 'catalogue.stock_location_created',
    entityType: 'stock_location',
    entityId: row.id,
    after: input,
  });
  return { id: row.id, name: row.name, kind: input.kind, schoolId: row.schoolId, archived: false };
}

/** Counts by category and status, for a school page (or the organisation). */
export async function equipmentSummary(scope: Scope, schoolId: string | null) {
  const found = await scope.tx
    .select({
      categoryId: assetCategories.id,
      code: assetCategories.code,
      nameFr: assetCategories.nameFr,
      nameEn: assetCategories.nameEn,
      role: assetCategories.role,
      status: assets.status,
      n: count(),
    })
    .from(assets)
    .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
    .innerJoin(assetCategories, eq(assetCategories.id, assetModels.categoryId))
    .where(schoolId ? eq(assets.schoolId, schoolId) : undefined)
    .groupBy(
      assetCategories.id,
      assetCategories.code,
      assetCategories.nameFr,
      assetCategories.nameEn,
      assetCategories.role,
      assets.status,
    )
    .orderBy(asc(assetCategories.nameFr));
  const byCategory = new Map<
    string,
    {
      categoryId: string;
      code: string;
      nameFr: string;
      nameEn: string;
      role: never;
      byStatus: Record<string, number>;
      total: number;
    }
  >();
  let total = 0;
  for (const r of found) {
    const entry = byCategory.get(r.categoryId) ?? {
      categoryId: r.categoryId,
      code: r.code,
      nameFr: r.nameFr,
      nameEn: r.nameEn,
      role: r.role as never,
      byStatus: {},
      total: 0,
    };
    entry.byStatus[r.status] = Number(r.n);
    entry.total += Number(r.n);
    total += Number(r.n);
    byCategory.set(r.categoryId, entry);
  }
  return { total, byCategory: [...byCategory.values()] };
}
