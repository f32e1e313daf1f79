import { eq, inArray, sql } from 'drizzle-orm';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import type { Scope } from '../../db/connection.ts';
import {
  assetCategories,
  assetEvents,
  assets,
  assetTagCounters,
  classes,
  organisations,
  rooms,
  schools,
} from '../../db/schema.ts';
import { recordAudit } from '../audit/service.ts';
import { parseSettings } from '../organisations/settings.ts';
import { createModel, createStockLocation, ensureDefaultCatalogue, findOrCreateManufacturer } from './catalogue.ts';
import { formatTag } from './rules.ts';

/**
 * A plausible, generated inventory for the demo organisation (every asset
 * marked `generated`): per class of the current year a classroom with one
 * projection device and one teacher laptop, and in elementary classrooms a
 * wifi access point (a few not switchable off yet); carts of tablets per elementary school (about 10–11
 * tablets per 4 classes, so a few schools fall short of the socle); a switch
 * per school; spares in the city's store. Prices are the indicative unit
 * costs of DOMAIN.md §4. Deterministic: the same demo every time.
 */

/** Small seeded PRNG (mulberry32): the demo is stable from run to run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODELS = [
  {
    key: 'teacher',
    category: 'teacher_laptop',
    manufacturer: 'Acer',
    name: 'Acer TravelMate P2 TMP214 (kit enseignant)',
    price: 30000,
    install: 0,
    life: 5,
  },
  {
    key: 'eni',
    category: 'eni',
    manufacturer: 'Speechi',
    name: 'Speechi ENI 65" SPE-65-UC',
    price: 270000,
    install: 50000,
    life: 8,
  },
  {
    key: 'vpi',
    category: 'vpi',
    manufacturer: 'Epson',
    name: 'Epson EB-725Wi (VPI)',
    price: 160000,
    install: 50000,
    life: 7,
  },
  {
    key: 'vp',
    category: 'video_projector',
    manufacturer: 'Epson',
    name: 'Epson EB-W49',
    price: 60000,
    install: 30000,
    life: 6,
  },
  {
    key: 'tablet',
    category: 'tablet',
    manufacturer: 'Apple',
    name: 'Apple iPad 10,2" Wi-Fi 64 Go',
    price: 35000,
    install: 0,
    life: 5,
  },
  {
    key: 'cart',
    category: 'charging_cart',
    manufacturer: 'Bretford',
    name: 'Classe mobile 16 tablettes',
    price: 150000,
    install: 0,
    life: 10,
  },
  {
    key: 'ap',
    category: 'wifi_ap',
    manufacturer: 'Ubiquiti',
    name: 'UniFi U6 Lite',
    price: 15000,
    install: 15000,
    life: 7,
  },
  {
    key: 'switch',
    category: 'switch',
    manufacturer: 'HPE Aruba',
    name: 'Aruba Instant On 1930 24G PoE',
    price: 45000,
    install: 10000,
    life: 8,
  },
] as const;

type Key = (typeof MODELS)[number]['key'];

export async function generateDemoInventory(scope: Scope): Promise<{ assets: number; rooms: number }> {
  const random = prng(72181);
  await ensureDefaultCatalogue(scope);
  const categoryIds = new Map(
    (await scope.tx.select({ id: assetCategories.id, code: assetCategories.code }).from(assetCategories)).map((c) => [
      c.code,
      c.id,
    ]),
  );
  const modelIds = new Map<Key, { id: string; price: number }>();
  for (const m of MODELS) {
    const manufacturer = await findOrCreateManufacturer(scope, m.manufacturer, false);
    const created = await createModel(
      scope,
      {
        name: m.name,
        categoryId: categoryIds.get(m.category) as string,
        manufacturerId: manufacturer.id,
        unitPriceCents: m.price,
        installCostCents: m.install || null,
        expectedLifeYears: m.life,
      },
      false,
    );
    modelIds.set(m.key, { id: created.id, price: m.price });
  }
  const store = await createStockLocation(scope, { name: 'Magasin central (DSI)', kind: 'warehouse' });

  const year = currentSchoolYear();
  const schoolRows = await scope.tx
    .select({ id: schools.id, kind: schools.kind })
    .from(schools)
    .where(sql`${schools.closedOn} IS NULL`);
  const classRows = await scope.tx
    .select({ id: classes.id, schoolId: classes.schoolId, name: classes.name })
    .from(classes)
    .where(eq(classes.year, year));

  // A classroom per class, named after it.
  const roomValues = classRows.map((c) => ({
    organisationId: scope.organisationId,
    schoolId: c.schoolId,
    name: `Salle ${c.name}`,
    kind: 'classroom',
  }));
  const roomIds = new Map<string, string>();
  for (let i = 0; i < roomValues.length; i += 500) {
    const inserted = await scope.tx
      .insert(rooms)
      .values(roomValues.slice(i, i + 500))
      .returning({ id: rooms.id, schoolId: rooms.schoolId, name: rooms.name });
    for (const r of inserted) roomIds.set(`${r.schoolId}|${r.name}`, r.id);
  }
  for (const c of classRows) {
    const roomId = roomIds.get(`${c.schoolId}|Salle ${c.name}`);
    if (roomId) await scope.tx.update(classes).set({ roomId }).where(eq(classes.id, c.id));
  }

  const [org] = await scope.tx
    .select({ settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.id, scope.organisationId));
  const pattern = parseSettings(org?.settings).assetTagPattern;
  const counters = new Map<number, number>();
  const tagFor = (y: number) => {
    const n = (counters.get(y) ?? 0) + 1;
    counters.set(y, n);
    return formatTag(pattern, y, n, 'VDM');
  };
  const serial = (prefix: string) =>
    `${prefix}${Math.floor(random() * 36 ** 8)
      .toString(36)
      .toUpperCase()
      .padStart(8, '0')}`;

  type NewAsset = typeof assets.$inferInsert & { key: string };
  const planned: NewAsset[] = [];
  const add = (key: Key, status: string, where: Partial<NewAsset>, extra: Partial<NewAsset> = {}) => {
    const purchaseYear = 2020 + Math.floor(random() * 3);
    const month = 1 + Math.floor(random() * 12);
    const purchaseDate = `${purchaseYear}-${String(month).padStart(2, '0')}-15`;
    const model = modelIds.get(key) as { id: string; price: number };
    planned.push({
      key: `${planned.length}`,
      organisationId: scope.organisationId,
      tag: tagFor(purchaseYear),
      serial: serial(key.slice(0, 2).toUpperCase()),
      modelId: model.id,
      status,
      purchaseDate,
      purchasePriceCents: model.price,
      supplier: key === 'tablet' || key === 'teacher' ? 'UGAP' : 'Titulaire du marché numérique des écoles',
      orderRef: `CMD-${purchaseYear}-${String(1 + Math.floor(random() * 40)).padStart(3, '0')}`,
      warrantyEnd: `${purchaseYear + (key === 'eni' ? 5 : 3)}-${String(month).padStart(2, '0')}-15`,
      generated: true,
      ...where,
      ...extra,
    });
  };

  const classesBySchool = new Map<string, typeof classRows>();
  for (const c of classRows) classesBySchool.set(c.schoolId, [...(classesBySchool.get(c.schoolId) ?? []), c]);
  for (const school of schoolRows) {
    const list = classesBySchool.get(school.id) ?? [];
    const elementary = school.kind !== 'maternelle';
    for (const c of list) {
      const roomId = roomIds.get(`${school.id}|Salle ${c.name}`) ?? null;
      const where = { schoolId: school.id, roomId, classId: c.id };
      add('teacher', 'deployed', where);
      const r = random();
      add(elementary ? (r < 0.6 ? 'eni' : r < 0.88 ? 'vpi' : 'vp') : 'vp', 'deployed', where);
      // Access points in elementary classrooms; a few cannot be switched off yet.
      if (elementary) add('ap', 'deployed', { schoolId: school.id, roomId }, { wifiSwitchableOff: random() < 0.92 });
    }
    if (elementary && list.length > 0) {
      add('switch', 'deployed', { schoolId: school.id });
      const carts = Math.max(1, Math.round(list.length / 6));
      for (let k = 0; k < carts; k++) {
        const cartIndex = planned.length;
        add('cart', 'deployed', { schoolId: school.id });
        const tablets = 14 + Math.floor(random() * 3);
        for (let n = 0; n < tablets; n++)
          add('tablet', 'in_cart', { schoolId: school.id, cartId: `#${cartIndex}` }, { mdmEnrolled: true });
      }
    }
  }
  for (let n = 0; n < 24; n++) add('tablet', 'in_stock', { stockLocationId: store.id }, { mdmEnrolled: n < 12 });
  for (let n = 0; n < 6; n++) add('teacher', 'in_stock', { stockLocationId: store.id });
  add(
    'tablet',
    'in_repair',
    { stockLocationId: store.id },
    { notes: 'Écran fissuré — devis demandé', previousState: { status: 'in_stock' } },
  );

  // Carts first (their contents point at them), then everything else.
  const idOf = new Map<number, string>();
  const insertBatch = async (batch: { index: number; row: NewAsset }[]) => {
    const values = batch.map(({ row }) => {
      const { key: _k, cartId, ...rest } = row;
      return { ...rest, cartId: cartId ? (idOf.get(Number(String(cartId).slice(1))) ?? null) : null };
    });
    const inserted = await scope.tx.insert(assets).values(values).returning({ id: assets.id, status: assets.status });
    inserted.forEach((r, i) => {
      idOf.set((batch[i] as { index: number }).index, r.id);
    });
  };
  const indexed = planned.map((row, index) => ({ index, row }));
  const cartModel = modelIds.get('cart')?.id;
  for (const group of [
    indexed.filter((p) => p.row.modelId === cartModel),
    indexed.filter((p) => p.row.modelId !== cartModel),
  ]) {
    for (let i = 0; i < group.length; i += 500) await insertBatch(group.slice(i, i + 500));
  }

  const ids = [...idOf.values()];
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const rowsForEvents = await scope.tx
      .select({
        id: assets.id,
        status: assets.status,
        schoolId: assets.schoolId,
        roomId: assets.roomId,
        cartId: assets.cartId,
      })
      .from(assets)
      .where(inArray(assets.id, chunk));
    await scope.tx.insert(assetEvents).values(
      rowsForEvents.map((a) => ({
        organisationId: scope.organisationId,
        assetId: a.id,
        kind: 'created',
        toStatus: a.status,
        toLocation: { schoolId: a.schoolId, roomId: a.roomId, cartId: a.cartId },
        note: 'Inventaire de démonstration (généré)',
      })),
    );
  }
  for (const [y, n] of counters) {
    await scope.tx
      .insert(assetTagCounters)
      .values({ organisationId: scope.organisationId, year: y, next: n + 1 })
      .onConflictDoUpdate({ target: [assetTagCounters.organisationId, assetTagCounters.year], set: { next: n + 1 } });
  }
  await recordAudit(scope, {
    action: 'asset.demo_generated',
    entityType: 'asset',
    after: { assets: ids.length, rooms: roomValues.length, generated: true },
  });
  return { assets: ids.length, rooms: roomValues.length };
}
