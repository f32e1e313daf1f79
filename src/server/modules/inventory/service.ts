import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can } from '../../../shared/permissions.ts';
import { rows, type Scope } from '../../db/connection.ts';
import {
  assetCategories,
  assetEvents,
  assetModels,
  assets,
  classes,
  manufacturers,
  organisations,
  rooms,
  schools,
  stockLocations,
  users,
} from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { parseSettings } from '../organisations/settings.ts';
import { type AssetStatus, allowedTransitions, canTransition, formatTag } from './rules.ts';
import type { AssetListQuery, CreateAssetInput, LocationInput, UpdateAssetInput } from './schema.ts';

/**
 * Assets and their lifecycle. Every change: checked against the state
 * machine and the asset's version, applied with a row lock, recorded as an
 * asset event and an audit event — all in the caller's transaction.
 */

type AssetRow = typeof assets.$inferSelect;
export type Location = {
  schoolId: string | null;
  roomId: string | null;
  classId: string | null;
  cartId: string | null;
  stockLocationId: string | null;
};

const cartAssets = alias(assets, 'cart');

export function locationOf(
  a: Pick<AssetRow, 'schoolId' | 'roomId' | 'classId' | 'cartId' | 'stockLocationId'>,
): Location {
  return {
    schoolId: a.schoolId,
    roomId: a.roomId,
    classId: a.classId,
    cartId: a.cartId,
    stockLocationId: a.stockLocationId,
  };
}

/** School-scoped actors see the assets of their schools only (not the city's stock). */
export function assetReach(actor: Actor): SQL | undefined {
  const reach = schoolScope(actor);
  if (reach === 'all') return undefined;
  return reach.length ? inArray(assets.schoolId, [...reach]) : sql`false`;
}

const listColumns = {
  a: assets,
  modelName: assetModels.name,
  manufacturerName: manufacturers.name,
  categoryId: assetCategories.id,
  categoryCode: assetCategories.code,
  categoryNameFr: assetCategories.nameFr,
  categoryNameEn: assetCategories.nameEn,
  categoryRole: assetCategories.role,
  schoolUai: schools.uai,
  schoolName: schools.name,
  roomName: rooms.name,
  className: classes.name,
  cartTag: cartAssets.tag,
  stockName: stockLocations.name,
};

type ListRow = {
  a: AssetRow;
  modelName: string;
  manufacturerName: string | null;
  categoryId: string;
  categoryCode: string;
  categoryNameFr: string;
  categoryNameEn: string;
  categoryRole: string;
  schoolUai: string | null;
  schoolName: string | null;
  roomName: string | null;
  className: string | null;
  cartTag: string | null;
  stockName: string | null;
};

function baseQuery(scope: Scope) {
  return scope.tx
    .select(listColumns)
    .from(assets)
    .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
    .innerJoin(assetCategories, eq(assetCategories.id, assetModels.categoryId))
    .leftJoin(manufacturers, eq(manufacturers.id, assetModels.manufacturerId))
    .leftJoin(schools, eq(schools.id, assets.schoolId))
    .leftJoin(rooms, eq(rooms.id, assets.roomId))
    .leftJoin(classes, eq(classes.id, assets.classId))
    .leftJoin(cartAssets, eq(cartAssets.id, assets.cartId))
    .leftJoin(stockLocations, eq(stockLocations.id, assets.stockLocationId));
}

export function presentAsset(r: ListRow) {
  const a = r.a;
  return {
    id: a.id,
    tag: a.tag,
    serial: a.serial,
    status: a.status as AssetStatus,
    model: { id: a.modelId, name: r.modelName, manufacturer: r.manufacturerName },
    category: {
      id: r.categoryId,
      code: r.categoryCode,
      nameFr: r.categoryNameFr,
      nameEn: r.categoryNameEn,
      role: r.categoryRole as never,
    },
    school: a.schoolId && r.schoolUai && r.schoolName ? { id: a.schoolId, uai: r.schoolUai, name: r.schoolName } : null,
    room: a.roomId && r.roomName ? { id: a.roomId, name: r.roomName } : null,
    class: a.classId && r.className ? { id: a.classId, name: r.className } : null,
    cart: a.cartId && r.cartTag ? { id: a.cartId, tag: r.cartTag } : null,
    stockLocation: a.stockLocationId && r.stockName ? { id: a.stockLocationId, name: r.stockName } : null,
    purchaseDate: a.purchaseDate,
    purchasePriceCents: a.purchasePriceCents,
    supplier: a.supplier,
    orderRef: a.orderRef,
    invoiceRef: a.invoiceRef,
    warrantyEnd: a.warrantyEnd,
    mdmEnrolled: a.mdmEnrolled,
    wifiSwitchableOff: a.wifiSwitchableOff,
    notes: a.notes,
    customFields: a.customFields,
    version: a.version,
    generated: a.generated,
    lastAuditedAt: a.lastAuditedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

const SORTS = {
  tag: assets.tag,
  model: assetModels.name,
  status: assets.status,
  school: schools.name,
  warrantyEnd: assets.warrantyEnd,
  updatedAt: assets.updatedAt,
} as const;

export function listConditions(actor: Actor, q: Partial<AssetListQuery>): SQL | undefined {
  const pattern = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    assetReach(actor),
    pattern
      ? or(
          ilike(assets.tag, pattern),
          ilike(assets.serial, pattern),
          ilike(assetModels.name, pattern),
          ilike(assets.notes, pattern),
        )
      : undefined,
    q.schoolId ? eq(assets.schoolId, q.schoolId) : undefined,
    q.roomId ? eq(assets.roomId, q.roomId) : undefined,
    q.categoryId ? eq(assetCategories.id, q.categoryId) : undefined,
    q.categoryRole ? eq(assetCategories.role, q.categoryRole) : undefined,
    q.modelId ? eq(assets.modelId, q.modelId) : undefined,
    q.status ? inArray(assets.status, q.status.split(',')) : undefined,
    q.cartId ? eq(assets.cartId, q.cartId) : undefined,
    q.stockLocationId ? eq(assets.stockLocationId, q.stockLocationId) : undefined,
    q.warrantyBefore ? and(isNotNull(assets.warrantyEnd), lt(assets.warrantyEnd, q.warrantyBefore)) : undefined,
    q.notAuditedSince
      ? or(isNull(assets.lastAuditedAt), lt(assets.lastAuditedAt, new Date(`${q.notAuditedSince}T00:00:00Z`)))
      : undefined,
  );
}

/**
 * The list: the total, then the page. Both read `assets` alone unless a
 * filter or the sort needs the catalogue (search on the model name, category
 * filters, sort by model) or the school (sort by school), and the page is
 * chosen — its 50 ids — before the eight joins that present it run for those
 * rows only. Joining first made PostgreSQL join every matching row: on a
 * million assets, a page of `status=in_repair` joined its 29,274 assets
 * (317 ms) and counting `status=deployed` joined 768,068 (453 ms)
 * (bench/README.md, "inventory"). The catalogue joins never filter: an
 * asset's model and a model's category are NOT NULL foreign keys within the
 * organisation.
 */
export async function findAssets(scope: Scope, actor: Actor, q: AssetListQuery) {
  const where = listConditions(actor, q);
  const needsCatalogue = !!(q.q || q.categoryId || q.categoryRole || q.sort === 'model');
  const needsSchool = q.sort === 'school';
  const counted = scope.tx.select({ n: count() }).from(assets);
  const [total] = await (needsCatalogue
    ? counted
        .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
        .innerJoin(assetCategories, eq(assetCategories.id, assetModels.categoryId))
    : counted
  ).where(where);
  const n = Number(total?.n ?? 0);
  if (n === 0 || q.offset >= n) return { items: [], total: n };
  const direction = q.order === 'desc' ? desc : asc;
  const order = [sql`${direction(SORTS[q.sort])} NULLS LAST`, asc(assets.tag)];
  let ids = scope.tx.select({ id: assets.id }).from(assets).$dynamic();
  if (needsCatalogue) {
    ids = ids
      .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
      .innerJoin(assetCategories, eq(assetCategories.id, assetModels.categoryId));
  }
  if (needsSchool) ids = ids.leftJoin(schools, eq(schools.id, assets.schoolId));
  const page = ids
    .where(where)
    .orderBy(...order)
    .limit(q.limit)
    .offset(q.offset)
    .as('page');
  // FROM the page, and the catalogue LEFT-joined (its rows always exist, see
  // above): whatever the planner guesses about the small catalogue tables —
  // often never analysed, and read through their tenant policies — it cannot
  // join them to the organisation's assets before cutting the page. With
  // `WHERE id IN (page)`, or with inner joins and no statistics on
  // asset_categories, it hashed every asset of the organisation first.
  const found = (await scope.tx
    .select(listColumns)
    .from(page)
    .innerJoin(assets, eq(assets.id, page.id))
    .leftJoin(assetModels, eq(assetModels.id, assets.modelId))
    .leftJoin(assetCategories, eq(assetCategories.id, assetModels.categoryId))
    .leftJoin(manufacturers, eq(manufacturers.id, assetModels.manufacturerId))
    .leftJoin(schools, eq(schools.id, assets.schoolId))
    .leftJoin(rooms, eq(rooms.id, assets.roomId))
    .leftJoin(classes, eq(classes.id, assets.classId))
    .leftJoin(cartAssets, eq(cartAssets.id, assets.cartId))
    .leftJoin(stockLocations, eq(stockLocations.id, assets.stockLocationId))
    .orderBy(...order)) as ListRow[];
  return { items: found.map(presentAsset), total: n };
}

async function loadAsset(scope: Scope, actor: Actor, id: string, lock = false): Promise<AssetRow> {
  const query = scope.tx
    .select()
    .from(assets)
    .where(and(eq(assets.id, id), assetReach(actor)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Asset');
  return row;
}

async function presentOne(scope: Scope, id: string) {
  const [row] = (await baseQuery(scope).where(eq(assets.id, id))) as ListRow[];
  if (!row) throw notFound('Asset');
  return presentAsset(row);
}

export async function getAsset(scope: Scope, actor: Actor, id: string) {
  // One read: the asset with its joins, within the actor's reach.
  const [row] = (await baseQuery(scope).where(and(eq(assets.id, id), assetReach(actor)))) as ListRow[];
  if (!row) throw notFound('Asset');
  const presented = presentAsset(row);
  const events = await scope.tx
    .select({
      id: assetEvents.id,
      occurredAt: assetEvents.occurredAt,
      actorName: users.displayName,
      kind: assetEvents.kind,
      fromStatus: assetEvents.fromStatus,
      toStatus: assetEvents.toStatus,
      fromLocation: assetEvents.fromLocation,
      toLocation: assetEvents.toLocation,
      note: assetEvents.note,
    })
    .from(assetEvents)
    .leftJoin(users, eq(users.id, assetEvents.actorUserId))
    .where(eq(assetEvents.assetId, id))
    .orderBy(desc(assetEvents.id))
    .limit(200);
  const isCart = presented.category.role === 'cart';
  const contents = isCart
    ? ((await baseQuery(scope).where(eq(assets.cartId, id)).orderBy(asc(assets.tag))) as ListRow[]).map((r) => {
        const p = presentAsset(r);
        return { id: p.id, tag: p.tag, serial: p.serial, status: p.status, model: p.model, version: p.version };
      })
    : null;
  const manage = can(actor.roles, 'inventory.manage');
  return {
    ...presented,
    events: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
    contents,
    allowedTransitions: manage ? allowedTransitions(presented.status) : [],
    can: { update: manage, transition: manage, move: manage },
  };
}

// ---- locations --------------------------------------------------------------

/** Checks a target location: every id exists in the organisation and they agree with each other. */
async function resolveLocation(scope: Scope, actor: Actor, input: LocationInput, field = 'body'): Promise<Location> {
  const bad = (path: string, code: string) =>
    new AppError('VALIDATION_FAILED', 'Invalid location', {
      fields: [{ path: `${field}.${path}`, message: code, code }],
    });
  let schoolId = input.schoolId ?? null;
  const roomId = input.roomId ?? null;
  const classId = input.classId ?? null;
  const stockLocationId = input.stockLocationId ?? null;
  if (roomId) {
    const [room] = await scope.tx.select({ schoolId: rooms.schoolId }).from(rooms).where(eq(rooms.id, roomId));
    if (!room) throw bad('roomId', 'unknown_room');
    if (schoolId && schoolId !== room.schoolId) throw bad('roomId', 'room_of_other_school');
    schoolId = room.schoolId;
  }
  if (classId) {
    const [cls] = await scope.tx.select({ schoolId: classes.schoolId }).from(classes).where(eq(classes.id, classId));
    if (!cls) throw bad('classId', 'unknown_class');
    if (schoolId && schoolId !== cls.schoolId) throw bad('classId', 'class_of_other_school');
    schoolId = cls.schoolId;
  }
  if (schoolId) {
    const [school] = await scope.tx.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId));
    if (!school) throw bad('schoolId', 'unknown_school');
    const reach = schoolScope(actor);
    if (reach !== 'all' && !reach.includes(schoolId)) throw bad('schoolId', 'unknown_school');
  }
  if (stockLocationId) {
    const [stock] = await scope.tx
      .select({ id: stockLocations.id, schoolId: stockLocations.schoolId })
      .from(stockLocations)
      .where(eq(stockLocations.id, stockLocationId));
    if (!stock) throw bad('stockLocationId', 'unknown_stock_location');
    if (stock.schoolId) schoolId ??= stock.schoolId;
  }
  return { schoolId, roomId, classId, cartId: null, stockLocationId };
}

/** The location a status implies, given where the asset goes. */
function placeFor(status: AssetStatus, target: Location, current: Location): Location {
  switch (status) {
    case 'deployed':
      return { ...target, cartId: null, stockLocationId: null };
    case 'in_stock':
    case 'ordered':
    case 'preparing':
    case 'returned':
      return { ...target, cartId: null };
    case 'on_loan':
      // Lent devices keep the school they belong to; nothing about the household here.
      return { schoolId: current.schoolId, roomId: null, classId: null, cartId: null, stockLocationId: null };
    case 'in_repair':
      return { ...target, cartId: null };
    default:
      return { schoolId: current.schoolId, roomId: null, classId: null, cartId: null, stockLocationId: null };
  }
}

// ---- changes ------------------------------------------------------------------

export interface ChangeOptions {
  readonly batchId?: string | null;
  readonly note?: string | null | undefined;
  /** Skip the audit event (imports write one summary event instead). */
  readonly silent?: boolean;
}

async function writeEvent(
  scope: Scope,
  before: AssetRow,
  after: AssetRow,
  kind: string,
  options: ChangeOptions,
): Promise<void> {
  await scope.tx.insert(assetEvents).values({
    organisationId: scope.organisationId,
    assetId: after.id,
    actorUserId: scope.userId,
    kind,
    fromStatus: before.status === after.status ? null : before.status,
    toStatus: before.status === after.status ? null : after.status,
    fromLocation: locationOf(before),
    toLocation: locationOf(after),
    note: options.note ?? null,
    batchId: options.batchId ?? null,
  });
  if (!options.silent) {
    await recordAudit(scope, {
      action: `asset.${kind}`,
      entityType: 'asset',
      entityId: after.id,
      before: { status: before.status, ...locationOf(before), version: before.version },
      after: { status: after.status, ...locationOf(after), version: after.version },
    });
  }
}

function assertVersion(row: AssetRow, version: number) {
  if (row.version !== version) {
    throw new AppError(
      'ASSET_VERSION_CONFLICT',
      `Asset ${row.tag} changed since you loaded it (version ${row.version}, not ${version})`,
      {
        currentVersion: row.version,
      },
    );
  }
}

async function apply(
  scope: Scope,
  before: AssetRow,
  patch: Partial<typeof assets.$inferInsert>,
  kind: string,
  options: ChangeOptions,
): Promise<AssetRow> {
  const [after] = await scope.tx
    .update(assets)
    .set({ ...patch, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(assets.id, before.id), eq(assets.version, before.version)))
    .returning();
  if (!after) throw new AppError('ASSET_VERSION_CONFLICT', `Asset ${before.tag} changed meanwhile`);
  await writeEvent(scope, before, after, kind, options);
  return after;
}

/** Moves a cart's contents with it (same school and room). */
async function moveContents(scope: Scope, cart: AssetRow, options: ChangeOptions): Promise<void> {
  const contents = await scope.tx.select().from(assets).where(eq(assets.cartId, cart.id)).for('update');
  for (const item of contents) {
    await apply(scope, item, { schoolId: cart.schoolId, roomId: cart.roomId, classId: null }, 'moved_with_cart', {
      ...options,
      silent: true,
    });
  }
}

async function isCart(scope: Scope, asset: Pick<AssetRow, 'modelId'>): Promise<boolean> {
  const [row] = await scope.tx
    .select({ role: assetCategories.role })
    .from(assetModels)
    .innerJoin(assetCategories, eq(assetCategories.id, assetModels.categoryId))
    .where(eq(assetModels.id, asset.modelId));
  return row?.role === 'cart';
}

export async function transitionAsset(
  scope: Scope,
  actor: Actor,
  id: string,
  input: { version: number; to: AssetStatus; wiped?: boolean | undefined; location?: LocationInput | undefined },
  options: ChangeOptions = {},
): Promise<AssetRow> {
  const before = await loadAsset(scope, actor, id, true);
  assertVersion(before, input.version);
  const from = before.status as AssetStatus;
  if (!canTransition(from, input.to)) {
    throw new AppError('ASSET_INVALID_TRANSITION', `An asset cannot go from ${from} to ${input.to}`, {
      from,
      to: input.to,
      allowed: allowedTransitions(from),
    });
  }
  if (from === 'returned' && input.to === 'in_stock' && !input.wiped) {
    throw new AppError(
      'ASSET_WIPE_REQUIRED',
      'A returned device goes back to stock only once wiped (confirm with wiped: true)',
    );
  }
  if (input.to === 'in_cart') {
    throw new AppError('VALIDATION_FAILED', 'Put a device in a cart with the cart operation', {
      fields: [{ path: 'body.to', message: 'use /cart', code: 'use_cart_operation' }],
    });
  }
  const current = locationOf(before);
  let target: Location;
  if (from === 'in_repair' && input.location === undefined && before.previousState) {
    // Back from repair: where it was, unless told otherwise.
    const prev = before.previousState as Partial<Location>;
    target = {
      schoolId: prev.schoolId ?? null,
      roomId: prev.roomId ?? null,
      classId: prev.classId ?? null,
      cartId: null,
      stockLocationId: prev.stockLocationId ?? null,
    };
  } else {
    target = input.location ? await resolveLocation(scope, actor, input.location, 'body.location') : current;
  }
  const place = placeFor(input.to, target, current);
  if (input.to === 'deployed' && !place.schoolId) {
    throw new AppError('VALIDATION_FAILED', 'A deployed device is in a school', {
      fields: [{ path: 'body.location.schoolId', message: 'required', code: 'school_required' }],
    });
  }
  const after = await apply(
    scope,
    before,
    {
      status: input.to,
      ...place,
      previousState: input.to === 'in_repair' ? { status: from, ...current } : null,
    },
    input.to === 'in_repair' ? 'sent_to_repair' : from === 'in_repair' ? 'back_from_repair' : 'status_changed',
    options,
  );
  if (before.cartId === null && (await isCart(scope, after)) && after.schoolId !== before.schoolId) {
    await moveContents(scope, after, options);
  }
  return after;
}

export async function moveAsset(
  scope: Scope,
  actor: Actor,
  id: string,
  input: { version: number } & LocationInput,
  options: ChangeOptions = {},
): Promise<AssetRow> {
  const before = await loadAsset(scope, actor, id, true);
  assertVersion(before, input.version);
  if (before.status === 'in_cart') {
    throw new AppError('ASSET_IN_CART', `Asset ${before.tag} is in a cart: move the cart, or take it out first`);
  }
  if (['on_loan', 'lost', 'stolen', 'retired', 'donated'].includes(before.status)) {
    throw new AppError('ASSET_INVALID_TRANSITION', `An asset ${before.status} cannot be moved`);
  }
  const { version: _v, ...where } = input;
  const target = await resolveLocation(scope, actor, where);
  if (before.status === 'deployed' && !target.schoolId) {
    throw new AppError('VALIDATION_FAILED', 'A deployed device is in a school', {
      fields: [{ path: 'body.schoolId', message: 'required', code: 'school_required' }],
    });
  }
  const after = await apply(scope, before, { ...target, cartId: null }, 'moved', options);
  if (await isCart(scope, after)) await moveContents(scope, after, options);
  return after;
}

export async function putInCart(
  scope: Scope,
  actor: Actor,
  id: string,
  input: { version: number; cartId: string },
  options: ChangeOptions = {},
): Promise<AssetRow> {
  const before = await loadAsset(scope, actor, id, true);
  assertVersion(before, input.version);
  const [cart] = await scope.tx
    .select()
    .from(assets)
    .where(and(eq(assets.id, input.cartId), assetReach(actor)));
  if (!cart || !(await isCart(scope, cart))) {
    throw new AppError('VALIDATION_FAILED', 'Unknown cart', {
      fields: [{ path: 'body.cartId', message: 'not a cart', code: 'unknown_cart' }],
    });
  }
  if (cart.id === before.id || (await isCart(scope, before))) {
    throw new AppError('VALIDATION_FAILED', 'A cart does not go into a cart', {
      fields: [{ path: 'body.cartId', message: 'cart in cart', code: 'cart_in_cart' }],
    });
  }
  if (before.cartId === cart.id) return before;
  const from = before.status as AssetStatus;
  if (from !== 'in_cart' && !canTransition(from, 'in_cart')) {
    throw new AppError('ASSET_INVALID_TRANSITION', `An asset cannot go from ${from} to in_cart`, {
      from,
      to: 'in_cart',
      allowed: allowedTransitions(from),
    });
  }
  return apply(
    scope,
    before,
    {
      status: 'in_cart',
      cartId: cart.id,
      schoolId: cart.schoolId,
      roomId: cart.roomId,
      classId: null,
      stockLocationId: null,
    },
    'put_in_cart',
    options,
  );
}

export async function takeOutOfCart(
  scope: Scope,
  actor: Actor,
  id: string,
  input: {
    version: number;
    to: 'deployed' | 'in_stock' | 'in_repair' | 'on_loan';
    location?: LocationInput | undefined;
  },
  options: ChangeOptions = {},
): Promise<AssetRow> {
  const before = await loadAsset(scope, actor, id, true);
  assertVersion(before, input.version);
  if (before.status !== 'in_cart' || !before.cartId) {
    throw new AppError('ASSET_NOT_IN_CART', `Asset ${before.tag} is not in a cart`);
  }
  const current = locationOf(before);
  const target = input.location
    ? await resolveLocation(scope, actor, input.location, 'body.location')
    : { ...current, cartId: null };
  const place = placeFor(input.to, target, current);
  return apply(
    scope,
    before,
    { status: input.to, ...place, previousState: input.to === 'in_repair' ? { status: 'in_cart', ...current } : null },
    'taken_out_of_cart',
    options,
  );
}

// ---- creation and edits --------------------------------------------------------

/** Next tag from the organisation's pattern (row-locked counter: no duplicates under concurrency). */
export async function nextTag(scope: Scope, year = new Date().getUTCFullYear()): Promise<string> {
  const [org] = await scope.tx
    .select({ slug: organisations.slug, settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.id, scope.organisationId));
  const settings = parseSettings(org?.settings);
  const prefix = (org?.slug ?? 'X')
    .split('-')
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase()
    .slice(0, 4);
  for (let attempt = 0; attempt < 50; attempt++) {
    const [counter] = await rows<{ n: number }>(
      scope.tx,
      sql`INSERT INTO asset_tag_counters (organisation_id, year, next) VALUES (${scope.organisationId}, ${year}, 2)
          ON CONFLICT (organisation_id, year) DO UPDATE SET next = asset_tag_counters.next + 1
          RETURNING next - 1 AS n`,
    );
    const tag = formatTag(settings.assetTagPattern, year, Number(counter?.n ?? 1), prefix);
    const [taken] = await scope.tx.select({ id: assets.id }).from(assets).where(eq(assets.tag, tag));
    if (!taken) return tag;
  }
  throw new AppError('CONFLICT', 'Could not find a free inventory tag; check the tag pattern');
}

async function assertModel(scope: Scope, modelId: string, field = 'body.modelId') {
  const [model] = await scope.tx.select({ id: assetModels.id }).from(assetModels).where(eq(assetModels.id, modelId));
  if (!model) {
    throw new AppError('VALIDATION_FAILED', 'Unknown model', {
      fields: [{ path: field, message: 'unknown model', code: 'unknown_model' }],
    });
  }
}

async function assertTagFree(scope: Scope, tag: string, exceptId?: string) {
  const [taken] = await scope.tx
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.tag, tag), exceptId ? sql`${assets.id} <> ${exceptId}` : undefined));
  if (taken) {
    throw new AppError('CONFLICT', `Tag ${tag} is already used`, {
      fields: [{ path: 'body.tag', message: 'already used', code: 'tag_taken' }],
    });
  }
}

async function assertSerialFree(scope: Scope, modelId: string, serial: string | null | undefined, exceptId?: string) {
  if (!serial) return;
  const [taken] = await scope.tx
    .select({ id: assets.id })
    .from(assets)
    .where(
      and(
        eq(assets.modelId, modelId),
        eq(assets.serial, serial),
        exceptId ? sql`${assets.id} <> ${exceptId}` : undefined,
      ),
    );
  if (taken) {
    throw new AppError('CONFLICT', `Serial ${serial} is already registered for this model`, {
      fields: [{ path: 'body.serial', message: 'already used', code: 'serial_taken' }],
    });
  }
}

export async function createAsset(scope: Scope, actor: Actor, input: CreateAssetInput, options: ChangeOptions = {}) {
  await assertModel(scope, input.modelId);
  const tag = input.tag ?? (await nextTag(scope));
  await assertTagFree(scope, tag);
  await assertSerialFree(scope, input.modelId, input.serial);
  const target = await resolveLocation(scope, actor, input);
  if (input.status === 'deployed' && !target.schoolId) {
    throw new AppError('VALIDATION_FAILED', 'A deployed device is in a school', {
      fields: [{ path: 'body.schoolId', message: 'required', code: 'school_required' }],
    });
  }
  const [row] = await scope.tx
    .insert(assets)
    .values({
      organisationId: scope.organisationId,
      tag,
      serial: input.serial ?? null,
      modelId: input.modelId,
      status: input.status,
      ...target,
      purchaseDate: input.purchaseDate ?? null,
      purchasePriceCents: input.purchasePriceCents ?? null,
      supplier: input.supplier ?? null,
      orderRef: input.orderRef ?? null,
      invoiceRef: input.invoiceRef ?? null,
      warrantyEnd: input.warrantyEnd ?? null,
      mdmEnrolled: input.mdmEnrolled ?? false,
      wifiSwitchableOff: input.wifiSwitchableOff ?? null,
      notes: input.notes ?? null,
      customFields: input.customFields ?? {},
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await scope.tx.insert(assetEvents).values({
    organisationId: scope.organisationId,
    assetId: row.id,
    actorUserId: scope.userId,
    kind: 'created',
    toStatus: row.status,
    toLocation: locationOf(row),
    note: options.note ?? null,
    batchId: options.batchId ?? null,
  });
  if (!options.silent) {
    await recordAudit(scope, {
      action: 'asset.created',
      entityType: 'asset',
      entityId: row.id,
      after: { tag, status: row.status, ...locationOf(row) },
    });
  }
  return row;
}

export async function updateAsset(scope: Scope, actor: Actor, id: string, input: UpdateAssetInput) {
  const before = await loadAsset(scope, actor, id, true);
  assertVersion(before, input.version);
  const { version: _v, ...fields } = input;
  if (fields.tag && fields.tag !== before.tag) await assertTagFree(scope, fields.tag, id);
  if (fields.modelId && fields.modelId !== before.modelId) await assertModel(scope, fields.modelId);
  if (fields.serial !== undefined || fields.modelId) {
    await assertSerialFree(
      scope,
      fields.modelId ?? before.modelId,
      fields.serial === undefined ? before.serial : fields.serial,
      id,
    );
  }
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const [after] = await scope.tx
    .update(assets)
    .set({ ...patch, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(assets.id, id), eq(assets.version, before.version)))
    .returning();
  if (!after) throw new AppError('ASSET_VERSION_CONFLICT', `Asset ${before.tag} changed meanwhile`);
  const changed = Object.keys(patch);
  await scope.tx.insert(assetEvents).values({
    organisationId: scope.organisationId,
    assetId: id,
    actorUserId: scope.userId,
    kind: 'edited',
    note: `fields: ${changed.join(', ')}`,
  });
  const pick = (r: AssetRow) => Object.fromEntries(changed.map((k) => [k, (r as Record<string, unknown>)[k]]));
  await recordAudit(scope, {
    action: 'asset.edited',
    entityType: 'asset',
    entityId: id,
    before: pick(before),
    after: pick(after),
  });
  return after;
}

export { presentOne, randomUUID as newBatchId };
