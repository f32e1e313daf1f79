import { z } from 'zod';
import { ASSET_STATUSES, CATEGORY_ROLES } from '../../db/schema/inventory.ts';

/** Input and output schemas of the inventory (catalogue, assets, carts). */

const IsoDate = z.iso.date({ error: 'invalid_date' });
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const Cents = z.number().int().min(0).max(100_000_000_00);

export const AssetStatusSchema = z.enum(ASSET_STATUSES);
export const CategoryRoleSchema = z.enum(CATEGORY_ROLES);

export const CategorySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    nameFr: z.string(),
    nameEn: z.string(),
    role: CategoryRoleSchema,
    customFieldsSchema: z.record(z.string(), z.unknown()).nullable(),
    /** Reference unit price HT pricing the socle's gaps (null: the average of the category's models). */
    referencePriceCents: z.number().int().nullable(),
    /** Reference installation cost HT per unit. */
    installCostCents: z.number().int().nullable(),
    archived: z.boolean(),
  })
  .meta({ id: 'AssetCategory' });

/** A JSON Schema for custom fields: an object of simple typed properties. */
export const CustomFieldsSchemaSchema = z
  .object({
    type: z.literal('object'),
    properties: z
      .record(
        z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, { error: 'invalid_field_name' }),
        z
          .object({
            type: z.enum(['string', 'number', 'integer', 'boolean']),
            title: z.string().max(100).optional(),
            enum: z
              .array(z.union([z.string(), z.number()]))
              .max(50)
              .optional(),
            maxLength: z.number().int().min(1).max(2000).optional(),
            minimum: z.number().optional(),
            maximum: z.number().optional(),
          })
          .strict(),
      )
      .refine((p) => Object.keys(p).length <= 30, { error: 'too_many_fields' }),
    required: z.array(z.string()).max(30).optional(),
  })
  .strict();

export const CreateCategorySchema = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{2,40}$/, { error: 'invalid_code' }),
    nameFr: text(100).min(1),
    nameEn: text(100).min(1),
    role: CategoryRoleSchema.default('other'),
    customFieldsSchema: CustomFieldsSchemaSchema.nullable().optional(),
    referencePriceCents: z.number().int().min(0).max(100_000_000_00).nullable().optional(),
    installCostCents: z.number().int().min(0).max(100_000_000_00).nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateAssetCategoryInput' });

export const UpdateCategorySchema = z
  .object({
    nameFr: text(100).min(1).optional(),
    nameEn: text(100).min(1).optional(),
    role: CategoryRoleSchema.optional(),
    customFieldsSchema: CustomFieldsSchemaSchema.nullable().optional(),
    referencePriceCents: z.number().int().min(0).max(100_000_000_00).nullable().optional(),
    installCostCents: z.number().int().min(0).max(100_000_000_00).nullable().optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'UpdateAssetCategoryInput' });

export const ManufacturerSchema = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'Manufacturer' });
export const CreateManufacturerSchema = z
  .object({ name: text(100).min(1) })
  .strict()
  .meta({ id: 'CreateManufacturerInput' });

export const ModelSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    modelNumber: z.string().nullable(),
    category: z.object({
      id: z.uuid(),
      code: z.string(),
      nameFr: z.string(),
      nameEn: z.string(),
      role: CategoryRoleSchema,
    }),
    manufacturer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    specs: z.record(z.string(), z.unknown()),
    unitPriceCents: z.number().int().nullable(),
    installCostCents: z.number().int().nullable(),
    expectedLifeYears: z.number().int().nullable(),
    archived: z.boolean(),
    assetCount: z.number().int(),
  })
  .meta({ id: 'AssetModel' });

export const CreateModelSchema = z
  .object({
    name: text(150).min(1),
    modelNumber: optionalText(100),
    categoryId: z.uuid(),
    manufacturerId: z.uuid().nullable().optional(),
    specs: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()])).default({}),
    unitPriceCents: Cents.nullable().optional(),
    installCostCents: Cents.nullable().optional(),
    expectedLifeYears: z.number().int().min(1).max(50).nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateAssetModelInput' });

export const UpdateModelSchema = CreateModelSchema.partial()
  .extend({ archived: z.boolean().optional() })
  .strict()
  .meta({ id: 'UpdateAssetModelInput' });

export const StockLocationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(['warehouse', 'technician', 'school_store']),
    schoolId: z.uuid().nullable(),
    archived: z.boolean(),
  })
  .meta({ id: 'StockLocation' });

export const CreateStockLocationSchema = z
  .object({
    name: text(100).min(1),
    kind: z.enum(['warehouse', 'technician', 'school_store']).default('warehouse'),
    schoolId: z.uuid().nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateStockLocationInput' });

/** Where an asset is. All ids are checked against the organisation and each other. */
export const LocationSchema = z
  .object({
    schoolId: z.uuid().nullable().optional(),
    roomId: z.uuid().nullable().optional(),
    classId: z.uuid().nullable().optional(),
    stockLocationId: z.uuid().nullable().optional(),
  })
  .strict();
export type LocationInput = z.infer<typeof LocationSchema>;

const assetFields = {
  serial: optionalText(100),
  modelId: z.uuid(),
  purchaseDate: IsoDate.nullable().optional(),
  purchasePriceCents: Cents.nullable().optional(),
  supplier: optionalText(200),
  orderRef: optionalText(100),
  invoiceRef: optionalText(100),
  warrantyEnd: IsoDate.nullable().optional(),
  mdmEnrolled: z.boolean().optional(),
  wifiSwitchableOff: z.boolean().nullable().optional(),
  notes: optionalText(5000),
  customFields: z.record(z.string(), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).optional(),
};

export const CreateAssetSchema = z
  .object({
    /** Generated from the organisation's pattern when absent. */
    tag: text(64).min(1).optional(),
    status: z.enum(['ordered', 'in_stock', 'preparing', 'deployed']).default('in_stock'),
    ...assetFields,
    ...LocationSchema.shape,
  })
  .strict()
  .meta({ id: 'CreateAssetInput' });
export type CreateAssetInput = z.infer<typeof CreateAssetSchema>;

export const UpdateAssetSchema = z
  .object({
    /** The version the client saw: a stale one gets 409 ASSET_VERSION_CONFLICT. */
    version: z.number().int().min(1),
    tag: text(64).min(1).optional(),
    ...assetFields,
    modelId: z.uuid().optional(),
  })
  .strict()
  .meta({ id: 'UpdateAssetInput' });
export type UpdateAssetInput = z.infer<typeof UpdateAssetSchema>;

export const TransitionSchema = z
  .object({
    version: z.number().int().min(1),
    to: AssetStatusSchema,
    note: optionalText(1000),
    /** Returned devices go back to stock only once wiped (CARMO v3). */
    wiped: z.boolean().optional(),
    /** Where it goes, for statuses that place it (deployed, in_stock…). */
    location: LocationSchema.optional(),
  })
  .strict()
  .meta({ id: 'AssetTransitionInput' });
export type TransitionInput = z.infer<typeof TransitionSchema>;

export const MoveSchema = z
  .object({ version: z.number().int().min(1), note: optionalText(1000), ...LocationSchema.shape })
  .strict()
  .meta({ id: 'AssetMoveInput' });
export type MoveInput = z.infer<typeof MoveSchema>;

export const CartOperationSchema = z
  .object({
    version: z.number().int().min(1),
    /** The cart (an asset of a category with role `cart`). */
    cartId: z.uuid(),
    note: optionalText(1000),
  })
  .strict()
  .meta({ id: 'CartOperationInput' });

export const TakeOutSchema = z
  .object({
    version: z.number().int().min(1),
    /** What the device becomes once out of its cart. */
    to: z.enum(['deployed', 'in_stock', 'in_repair', 'on_loan']).default('deployed'),
    note: optionalText(1000),
    location: LocationSchema.optional(),
  })
  .strict()
  .meta({ id: 'TakeOutOfCartInput' });

export const BULK_ACTIONS = ['move', 'status', 'cart_in', 'cart_out', 'assign_school'] as const;
export const BulkSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    /** Assets by id, or by scanned tag — at least one, 5,000 at most. */
    ids: z.array(z.uuid()).max(5000).optional(),
    tags: z.array(text(64).min(1)).max(5000).optional(),
    /** `each`: every asset in its own transaction; `all`: all or nothing. */
    mode: z.enum(['each', 'all']).default('each'),
    to: AssetStatusSchema.optional(),
    cartId: z.uuid().optional(),
    wiped: z.boolean().optional(),
    note: optionalText(1000),
    location: LocationSchema.optional(),
  })
  .strict()
  .refine((b) => (b.ids?.length ?? 0) + (b.tags?.length ?? 0) > 0, { error: 'no_assets', path: ['ids'] })
  .meta({ id: 'BulkAssetInput' });
export type BulkInput = z.infer<typeof BulkSchema>;

export const BulkResultSchema = z
  .object({
    mode: z.enum(['each', 'all']),
    done: z.number().int(),
    refused: z.number().int(),
    results: z.array(
      z.object({
        id: z.uuid().nullable(),
        tag: z.string().nullable(),
        outcome: z.enum(['done', 'refused']),
        code: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'BulkAssetResult' });

const ref = z.object({ id: z.uuid(), name: z.string() });

export const AssetSchema = z
  .object({
    id: z.uuid(),
    tag: z.string(),
    serial: z.string().nullable(),
    status: AssetStatusSchema,
    model: z.object({ id: z.uuid(), name: z.string(), manufacturer: z.string().nullable() }),
    category: z.object({
      id: z.uuid(),
      code: z.string(),
      nameFr: z.string(),
      nameEn: z.string(),
      role: CategoryRoleSchema,
    }),
    school: z.object({ id: z.uuid(), uai: z.string(), name: z.string() }).nullable(),
    room: ref.nullable(),
    class: ref.nullable(),
    cart: z.object({ id: z.uuid(), tag: z.string() }).nullable(),
    stockLocation: ref.nullable(),
    purchaseDate: z.string().nullable(),
    purchasePriceCents: z.number().int().nullable(),
    supplier: z.string().nullable(),
    orderRef: z.string().nullable(),
    invoiceRef: z.string().nullable(),
    warrantyEnd: z.string().nullable(),
    mdmEnrolled: z.boolean(),
    wifiSwitchableOff: z.boolean().nullable(),
    notes: z.string().nullable(),
    customFields: z.record(z.string(), z.unknown()),
    version: z.number().int(),
    generated: z.boolean(),
    lastAuditedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Asset' });

export const AssetEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actorName: z.string().nullable(),
    kind: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    fromLocation: z.record(z.string(), z.unknown()).nullable(),
    toLocation: z.record(z.string(), z.unknown()).nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'AssetEvent' });

export const AssetDetailSchema = AssetSchema.extend({
  events: z.array(AssetEventSchema),
  /** For carts: the devices it holds. */
  contents: z
    .array(AssetSchema.pick({ id: true, tag: true, serial: true, status: true, model: true, version: true }))
    .nullable(),
  allowedTransitions: z.array(AssetStatusSchema),
  can: z.object({ update: z.boolean(), transition: z.boolean(), move: z.boolean() }),
}).meta({ id: 'AssetDetail' });

export const ASSET_SORTS = ['tag', 'model', 'status', 'school', 'warrantyEnd', 'updatedAt'] as const;

export const AssetListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  schoolId: z.uuid().optional(),
  roomId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  categoryRole: CategoryRoleSchema.optional(),
  modelId: z.uuid().optional(),
  /** Comma-separated statuses. */
  status: z
    .string()
    .regex(new RegExp(`^(${ASSET_STATUSES.join('|')})(,(${ASSET_STATUSES.join('|')}))*$`), { error: 'invalid_status' })
    .optional(),
  cartId: z.uuid().optional(),
  stockLocationId: z.uuid().optional(),
  warrantyBefore: IsoDate.optional(),
  notAuditedSince: IsoDate.optional(),
  sort: z.enum(ASSET_SORTS).default('tag'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type AssetListQuery = z.infer<typeof AssetListQuerySchema>;

export const AssetListSchema = z
  .object({ items: z.array(AssetSchema), total: z.number().int() })
  .meta({ id: 'AssetList' });

export const AssetExportQuerySchema = AssetListQuerySchema.omit({ limit: true, offset: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const EquipmentSummarySchema = z
  .object({
    total: z.number().int(),
    byCategory: z.array(
      z.object({
        categoryId: z.uuid(),
        code: z.string(),
        nameFr: z.string(),
        nameEn: z.string(),
        role: CategoryRoleSchema,
        byStatus: z.record(z.string(), z.number().int()),
        total: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'EquipmentSummary' });

export const LabelsSchema = z
  .object({
    ids: z.array(z.uuid()).max(2000).optional(),
    tags: z.array(text(64).min(1)).max(2000).optional(),
    layout: z.enum(['a4-3x8', 'a4-4x10', 'a4-2x7']).default('a4-3x8'),
    /** Labels already used on the first sheet. */
    skip: z.number().int().min(0).max(39).default(0),
  })
  .strict()
  .refine((b) => (b.ids?.length ?? 0) + (b.tags?.length ?? 0) > 0, { error: 'no_assets', path: ['ids'] })
  .meta({ id: 'LabelsInput' });

export const AssetImportQuerySchema = z.object({
  format: z.enum(['socle', 'snipeit', 'glpi']).optional(),
  dryRun: z.enum(['true', 'false']).default('false'),
  skipInvalid: z.enum(['true', 'false']).default('false'),
  createMissing: z.enum(['true', 'false']).default('false'),
  /** JSON object: field → column name, overriding the detected columns (UI column mapping). */
  mapping: z.string().max(4000).optional(),
});

const ImportFieldSchema = z.enum([
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
]);

export const MappingSchema = z.partialRecord(ImportFieldSchema, z.string().max(200));

export const AssetImportReportSchema = z
  .object({
    format: z.enum(['socle', 'snipeit', 'glpi']),
    columns: z.partialRecord(ImportFieldSchema, z.string()),
    rowsRead: z.number().int(),
    valid: z.number().int(),
    created: z.number().int(),
    rejected: z.array(
      z.object({ line: z.number().int(), column: z.string(), reason: z.string(), value: z.string().optional() }),
    ),
    rejectedCount: z.number().int(),
    categoriesCreated: z.array(z.string()),
    modelsCreated: z.array(z.string()),
    dryRun: z.boolean(),
    written: z.boolean(),
  })
  .meta({ id: 'AssetImportReport' });

export const AssetImportPreviewSchema = z
  .object({
    headers: z.array(z.string()),
    detectedFormat: z.enum(['socle', 'snipeit', 'glpi']).nullable(),
    columns: z.partialRecord(ImportFieldSchema, z.string()),
    fields: z.array(ImportFieldSchema),
    sample: z.array(z.record(z.string(), z.string())),
  })
  .meta({ id: 'AssetImportPreview' });

export const WarrantyDigestSchema = z
  .object({
    days: z.number().int(),
    until: z.string(),
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.uuid(),
        tag: z.string(),
        model: z.string(),
        warrantyEnd: z.string(),
        school: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'WarrantyDigest' });

export const NotificationSchema = z
  .object({ id: z.uuid(), kind: z.string(), payload: z.record(z.string(), z.unknown()), createdAt: z.string() })
  .meta({ id: 'Notification' });
