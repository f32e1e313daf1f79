import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import {
  assetModels,
  assets,
  inventoryRoundExpected,
  inventoryRoundScans,
  inventoryRounds,
  rooms,
  schools,
  users,
} from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { tagFromScan } from './labels.ts';
import { assetReach, moveAsset, putInCart, takeOutOfCart, transitionAsset } from './service.ts';

/**
 * Inventory rounds (audits): the expected list is fixed when the round
 * starts; scans mark assets found, unexpected (registered elsewhere) or
 * unknown; closing gives found / missing / unexpected counts and lists;
 * corrections (move the unexpected here, declare the missing lost) are
 * applied in one confirmed step.
 */

/** Statuses of an asset that should be physically where it is registered. */
const PRESENT_STATUSES = ['deployed', 'in_cart', 'in_stock', 'preparing', 'returned'];

export const StartRoundSchema = z
  .object({
    scope: z.enum(['school', 'room', 'cart']),
    schoolId: z.uuid().optional(),
    roomId: z.uuid().optional(),
    cartId: z.uuid().optional(),
    notes: z.string().trim().max(1000).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const field = b.scope === 'school' ? 'schoolId' : b.scope === 'room' ? 'roomId' : 'cartId';
    if (!b[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
  })
  .meta({ id: 'StartInventoryRoundInput' });
export type StartRoundInput = z.infer<typeof StartRoundSchema>;

export const ScanSchema = z
  .object({ tags: z.array(z.string().trim().min(1).max(300)).min(1).max(1000) })
  .strict()
  .meta({ id: 'InventoryScanInput' });

export const CorrectionsSchema = z
  .object({
    /** Register the unexpected assets found here at this round's place. */
    moveUnexpected: z.boolean().default(false),
    /** Declare the missing assets lost. */
    markMissingLost: z.boolean().default(false),
    /** The user confirms: nothing is applied without it. */
    confirm: z.literal(true),
  })
  .strict()
  .meta({ id: 'InventoryCorrectionsInput' });

const AssetLine = z.object({
  id: z.uuid(),
  tag: z.string(),
  model: z.string(),
  status: z.string(),
  /** Where it is registered, when the user may see it. */
  registeredAt: z.string().nullable(),
});

export const RoundSchema = z
  .object({
    id: z.uuid(),
    scope: z.enum(['school', 'room', 'cart']),
    place: z.string(),
    schoolId: z.uuid().nullable(),
    roomId: z.uuid().nullable(),
    cartId: z.uuid().nullable(),
    status: z.enum(['open', 'closed', 'cancelled']),
    startedAt: z.string(),
    startedBy: z.string().nullable(),
    closedAt: z.string().nullable(),
    correctionsAppliedAt: z.string().nullable(),
    notes: z.string().nullable(),
    counts: z.object({
      expected: z.number().int(),
      found: z.number().int(),
      missing: z.number().int(),
      unexpected: z.number().int(),
      unknown: z.number().int(),
    }),
    found: z.array(AssetLine),
    missing: z.array(AssetLine),
    unexpected: z.array(AssetLine),
    unknown: z.array(z.string()),
  })
  .meta({ id: 'InventoryRound' });

export const ScanResultSchema = z
  .object({
    results: z.array(
      z.object({
        tag: z.string(),
        result: z.enum(['found', 'unexpected', 'unknown', 'already_scanned']),
        asset: AssetLine.nullable(),
      }),
    ),
    round: RoundSchema,
  })
  .meta({ id: 'InventoryScanResult' });

type RoundRow = typeof inventoryRounds.$inferSelect;

function reachOf(actor: Actor): SQL | undefined {
  const reach = schoolScope(actor);
  if (reach === 'all') return undefined;
  return reach.length ? inArray(inventoryRounds.schoolId, [...reach]) : sql`false`;
}

async function loadRound(scope: Scope, actor: Actor, id: string, lock = false): Promise<RoundRow> {
  const q = scope.tx
    .select()
    .from(inventoryRounds)
    .where(and(eq(inventoryRounds.id, id), reachOf(actor)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Inventory round');
  return row;
}

async function placeName(scope: Scope, r: RoundRow): Promise<string> {
  if (r.cartId) {
    const [c] = await scope.tx.select({ tag: assets.tag }).from(assets).where(eq(assets.id, r.cartId));
    return c?.tag ?? '?';
  }
  if (r.roomId) {
    const [x] = await scope.tx
      .select({ room: rooms.name, school: schools.name })
      .from(rooms)
      .innerJoin(schools, eq(schools.id, rooms.schoolId))
      .where(eq(rooms.id, r.roomId));
    return x ? `${x.school} — ${x.room}` : '?';
  }
  const [s] = await scope.tx
    .select({ name: schools.name })
    .from(schools)
    .where(eq(schools.id, r.schoolId as string));
  return s?.name ?? '?';
}

async function lines(scope: Scope, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  const reach = schoolScope(actor);
  const found = await scope.tx
    .select({
      id: assets.id,
      tag: assets.tag,
      model: assetModels.name,
      status: assets.status,
      schoolId: assets.schoolId,
      schoolName: schools.name,
      roomName: rooms.name,
    })
    .from(assets)
    .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
    .leftJoin(schools, eq(schools.id, assets.schoolId))
    .leftJoin(rooms, eq(rooms.id, assets.roomId))
    .where(inArray(assets.id, ids))
    .orderBy(asc(assets.tag));
  return found.map((a) => {
    const visible = reach === 'all' || (a.schoolId !== null && reach.includes(a.schoolId));
    return {
      id: a.id,
      tag: a.tag,
      model: a.model,
      status: a.status,
      registeredAt: visible ? [a.schoolName, a.roomName].filter(Boolean).join(' — ') || null : null,
    };
  });
}

export async function getRound(scope: Scope, actor: Actor, id: string) {
  const r = await loadRound(scope, actor, id);
  const expected = (
    await scope.tx
      .select({ id: inventoryRoundExpected.assetId })
      .from(inventoryRoundExpected)
      .where(eq(inventoryRoundExpected.roundId, id))
  ).map((e) => e.id);
  const scans = await scope.tx
    .select({ tag: inventoryRoundScans.tag, assetId: inventoryRoundScans.assetId })
    .from(inventoryRoundScans)
    .where(eq(inventoryRoundScans.roundId, id));
  const expectedSet = new Set(expected);
  const scanned = new Set(scans.map((s) => s.assetId).filter((x): x is string => x !== null));
  const found = expected.filter((e) => scanned.has(e));
  const missing = expected.filter((e) => !scanned.has(e));
  const unexpected = [...scanned].filter((s) => !expectedSet.has(s));
  const unknown = scans.filter((s) => s.assetId === null).map((s) => s.tag);
  const [starter] = r.startedBy
    ? await scope.tx.select({ name: users.displayName }).from(users).where(eq(users.id, r.startedBy))
    : [];
  return {
    id: r.id,
    scope: r.scopeKind as 'school' | 'room' | 'cart',
    place: await placeName(scope, r),
    schoolId: r.schoolId,
    roomId: r.roomId,
    cartId: r.cartId,
    status: r.status as 'open' | 'closed' | 'cancelled',
    startedAt: r.startedAt.toISOString(),
    startedBy: starter?.name ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    correctionsAppliedAt: r.correctionsAppliedAt?.toISOString() ?? null,
    notes: r.notes,
    counts: {
      expected: expected.length,
      found: found.length,
      missing: missing.length,
      unexpected: unexpected.length,
      unknown: unknown.length,
    },
    found: await lines(scope, actor, found),
    missing: await lines(scope, actor, missing),
    unexpected: await lines(scope, actor, unexpected),
    unknown,
  };
}

export async function findRounds(scope: Scope, actor: Actor, schoolId?: string) {
  const found = await scope.tx
    .select({ id: inventoryRounds.id })
    .from(inventoryRounds)
    .where(and(reachOf(actor), schoolId ? eq(inventoryRounds.schoolId, schoolId) : undefined))
    .orderBy(desc(inventoryRounds.startedAt))
    .limit(100);
  const out = [];
  for (const f of found) {
    const { found: _f, missing: _m, unexpected: _u, unknown: _k, ...summary } = await getRound(scope, actor, f.id);
    out.push(summary);
  }
  return out;
}

export async function startRound(scope: Scope, actor: Actor, input: StartRoundInput) {
  let schoolId: string | null = null;
  let where: SQL;
  if (input.scope === 'cart') {
    const [cart] = await scope.tx
      .select({ id: assets.id, schoolId: assets.schoolId })
      .from(assets)
      .where(and(eq(assets.id, input.cartId as string), assetReach(actor)));
    if (!cart) throw notFound('Cart');
    schoolId = cart.schoolId;
    where = eq(assets.cartId, cart.id);
  } else if (input.scope === 'room') {
    const [room] = await scope.tx
      .select({ schoolId: rooms.schoolId })
      .from(rooms)
      .where(eq(rooms.id, input.roomId as string));
    if (!room) throw notFound('Room');
    schoolId = room.schoolId;
    where = eq(assets.roomId, input.roomId as string);
  } else {
    schoolId = input.schoolId as string;
    where = eq(assets.schoolId, schoolId);
  }
  const reach = schoolScope(actor);
  const [school] = schoolId
    ? await scope.tx.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId))
    : [];
  if (!school || (reach !== 'all' && !reach.includes(school.id))) throw notFound('School');
  const [round] = await scope.tx
    .insert(inventoryRounds)
    .values({
      organisationId: scope.organisationId,
      scopeKind: input.scope,
      schoolId,
      roomId: input.scope === 'room' ? (input.roomId as string) : null,
      cartId: input.scope === 'cart' ? (input.cartId as string) : null,
      startedBy: actor.userId,
      notes: input.notes ?? null,
    })
    .returning();
  if (!round) throw new AppError('INTERNAL');
  // The expected list, fixed now (a snapshot).
  await scope.tx.execute(sql`
    INSERT INTO inventory_round_expected (round_id, organisation_id, asset_id)
    SELECT ${round.id}, ${scope.organisationId}, assets.id FROM assets
     WHERE ${where} AND assets.status IN (${sql.join(
       PRESENT_STATUSES.map((s) => sql`${s}`),
       sql`, `,
     )}) AND assets.id <> ${round.cartId ?? '00000000-0000-0000-0000-000000000000'}`);
  await recordAudit(scope, {
    action: 'inventory.round_started',
    entityType: 'inventory_round',
    entityId: round.id,
    after: input,
  });
  return getRound(scope, actor, round.id);
}

export async function scanTags(scope: Scope, actor: Actor, id: string, rawTags: string[]) {
  const round = await loadRound(scope, actor, id, true);
  if (round.status !== 'open') throw new AppError('CONFLICT', 'This round is closed');
  const expected = new Set(
    (
      await scope.tx
        .select({ id: inventoryRoundExpected.assetId })
        .from(inventoryRoundExpected)
        .where(eq(inventoryRoundExpected.roundId, id))
    ).map((e) => e.id),
  );
  const results = [];
  for (const raw of rawTags) {
    const tag = tagFromScan(raw);
    const [asset] = await scope.tx.select({ id: assets.id }).from(assets).where(eq(assets.tag, tag));
    const inserted = await scope.tx
      .insert(inventoryRoundScans)
      .values({
        roundId: id,
        organisationId: scope.organisationId,
        tag,
        assetId: asset?.id ?? null,
        scannedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: inventoryRoundScans.id });
    const line = asset ? ((await lines(scope, actor, [asset.id]))[0] ?? null) : null;
    results.push({
      tag,
      result: !inserted.length
        ? ('already_scanned' as const)
        : !asset
          ? ('unknown' as const)
          : expected.has(asset.id)
            ? ('found' as const)
            : ('unexpected' as const),
      asset: line,
    });
  }
  return { results, round: await getRound(scope, actor, id) };
}

export async function closeRound(scope: Scope, actor: Actor, id: string) {
  const round = await loadRound(scope, actor, id, true);
  if (round.status !== 'open') throw new AppError('CONFLICT', 'This round is already closed');
  await scope.tx
    .update(inventoryRounds)
    .set({ status: 'closed', closedAt: new Date(), closedBy: actor.userId })
    .where(eq(inventoryRounds.id, id));
  // Everything scanned here was seen today.
  await scope.tx.execute(sql`
    UPDATE assets SET last_audited_at = now()
     WHERE id IN (SELECT asset_id FROM inventory_round_scans WHERE round_id = ${id} AND asset_id IS NOT NULL)`);
  const result = await getRound(scope, actor, id);
  await recordAudit(scope, {
    action: 'inventory.round_closed',
    entityType: 'inventory_round',
    entityId: id,
    after: result.counts,
  });
  return result;
}

export async function applyCorrections(
  scope: Scope,
  actor: Actor,
  id: string,
  input: { moveUnexpected: boolean; markMissingLost: boolean },
) {
  const round = await loadRound(scope, actor, id, true);
  if (round.status !== 'closed') throw new AppError('CONFLICT', 'Close the round before applying corrections');
  if (round.correctionsAppliedAt) throw new AppError('CONFLICT', 'Corrections were already applied');
  const current = await getRound(scope, actor, id);
  const note = `Inventaire du ${round.startedAt.toISOString().slice(0, 10)}`;
  const options = { note, batchId: round.id };
  if (input.moveUnexpected) {
    for (const line of current.unexpected) {
      const [a] = await scope.tx
        .select({ version: assets.version, status: assets.status })
        .from(assets)
        .where(eq(assets.id, line.id));
      if (!a) continue;
      if (round.cartId) {
        let version = a.version;
        if (a.status === 'in_cart') {
          version = (await takeOutOfCart(scope, actor, line.id, { version, to: 'deployed' }, options)).version;
        }
        await putInCart(scope, actor, line.id, { version, cartId: round.cartId }, options);
      } else if (a.status === 'in_cart') {
        // A device found outside its cart stays registered in the cart: the cart's own round will tell.
      } else {
        await moveAsset(
          scope,
          actor,
          line.id,
          { version: a.version, schoolId: round.schoolId, roomId: round.roomId },
          options,
        );
      }
    }
  }
  if (input.markMissingLost) {
    for (const line of current.missing) {
      const [a] = await scope.tx.select({ version: assets.version }).from(assets).where(eq(assets.id, line.id));
      if (a) await transitionAsset(scope, actor, line.id, { version: a.version, to: 'lost' }, options);
    }
  }
  await scope.tx.update(inventoryRounds).set({ correctionsAppliedAt: new Date() }).where(eq(inventoryRounds.id, id));
  await recordAudit(scope, {
    action: 'inventory.corrections_applied',
    entityType: 'inventory_round',
    entityId: id,
    after: {
      moved: input.moveUnexpected ? current.unexpected.length : 0,
      lost: input.markMissingLost ? current.missing.length : 0,
    },
  });
  return getRound(scope, actor, id);
}
