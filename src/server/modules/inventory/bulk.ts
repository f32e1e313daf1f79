import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Scope, ScopeContext } from '../../db/connection.ts';
import { assets } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { AssetStatus } from './rules.ts';
import type { BulkInput } from './schema.ts';
import { assetReach, moveAsset, newBatchId, putInCart, takeOutOfCart, transitionAsset } from './service.ts';

/**
 * Bulk actions on a selection or on scanned tags. Each asset gets its own
 * answer (done, or refused with the reason). `each`: every asset in its own
 * savepoint, the others go through; `all`: all or nothing.
 */

interface Target {
  id: string | null;
  tag: string | null;
}

interface Outcome {
  id: string | null;
  tag: string | null;
  outcome: 'done' | 'refused';
  code: string | null;
  reason: string | null;
}

class AllOrNothing extends Error {
  constructor(readonly results: Outcome[]) {
    super('bulk rolled back');
  }
}

async function resolveTargets(scope: Scope, actor: Actor, input: BulkInput) {
  const found = new Map<string, { id: string; tag: string; version: number }>();
  const unknown: Target[] = [];
  const byIds = input.ids?.length
    ? await scope.tx
        .select({ id: assets.id, tag: assets.tag, version: assets.version })
        .from(assets)
        .where(and(inArray(assets.id, [...new Set(input.ids)]), assetReach(actor)))
    : [];
  const byTags = input.tags?.length
    ? await scope.tx
        .select({ id: assets.id, tag: assets.tag, version: assets.version })
        .from(assets)
        .where(and(inArray(assets.tag, [...new Set(input.tags.map((t) => t.trim()))]), assetReach(actor)))
    : [];
  for (const a of [...byIds, ...byTags]) found.set(a.id, a);
  for (const id of input.ids ?? []) if (!byIds.some((a) => a.id === id)) unknown.push({ id, tag: null });
  for (const tag of input.tags ?? []) if (!byTags.some((a) => a.tag === tag.trim())) unknown.push({ id: null, tag });
  return { found: [...found.values()], unknown };
}

async function applyOne(
  scope: Scope,
  actor: Actor,
  input: BulkInput,
  asset: { id: string; version: number },
  batchId: string,
) {
  // Each action re-reads the row under lock: the version is the current one.
  const [current] = await scope.tx.select({ version: assets.version }).from(assets).where(eq(assets.id, asset.id));
  const version = current?.version ?? asset.version;
  const options = { batchId, note: input.note ?? null };
  switch (input.action) {
    case 'status':
      if (!input.to)
        throw new AppError('VALIDATION_FAILED', 'Give the new status', {
          fields: [{ path: 'body.to', message: 'required', code: 'required' }],
        });
      return transitionAsset(
        scope,
        actor,
        asset.id,
        { version, to: input.to as AssetStatus, wiped: input.wiped, location: input.location },
        options,
      );
    case 'move':
    case 'assign_school':
      if (!input.location) {
        throw new AppError('VALIDATION_FAILED', 'Give the location', {
          fields: [{ path: 'body.location', message: 'required', code: 'required' }],
        });
      }
      return moveAsset(scope, actor, asset.id, { version, ...input.location }, options);
    case 'cart_in':
      if (!input.cartId)
        throw new AppError('VALIDATION_FAILED', 'Give the cart', {
          fields: [{ path: 'body.cartId', message: 'required', code: 'required' }],
        });
      return putInCart(scope, actor, asset.id, { version, cartId: input.cartId }, options);
    case 'cart_out':
      return takeOutOfCart(
        scope,
        actor,
        asset.id,
        {
          version,
          to: (input.to as 'deployed' | 'in_stock' | 'in_repair' | 'on_loan' | undefined) ?? 'deployed',
          location: input.location,
        },
        options,
      );
  }
}

const refusal = (target: Target, error: unknown): Outcome => {
  if (error instanceof AppError)
    return { ...target, outcome: 'refused', code: error.code, reason: error.detail ?? error.message };
  throw error;
};

export async function bulkAssets(db: Database, ctx: ScopeContext, actor: Actor, input: BulkInput) {
  const batchId = newBatchId();
  try {
    return await db.withOrg(ctx, async (scope) => {
      const { found, unknown } = await resolveTargets(scope, actor, input);
      const results: Outcome[] = unknown.map((t) => ({
        ...t,
        outcome: 'refused',
        code: 'NOT_FOUND',
        reason: 'No such asset',
      }));
      if (input.mode === 'all' && unknown.length) {
        throw new AllOrNothing([
          ...results,
          ...found.map((a) => ({
            id: a.id,
            tag: a.tag,
            outcome: 'refused' as const,
            code: 'ROLLED_BACK',
            reason: 'Another asset was refused',
          })),
        ]);
      }
      for (const asset of found) {
        const target = { id: asset.id, tag: asset.tag };
        if (input.mode === 'all') {
          try {
            await applyOne(scope, actor, input, asset, batchId);
            results.push({ ...target, outcome: 'done', code: null, reason: null });
          } catch (error) {
            const refused = refusal(target, error);
            throw new AllOrNothing([
              ...results.map((r) =>
                r.outcome === 'done'
                  ? { ...r, outcome: 'refused' as const, code: 'ROLLED_BACK', reason: 'Another asset was refused' }
                  : r,
              ),
              refused,
              ...found
                .filter((a) => a.id !== asset.id && !results.some((r) => r.id === a.id))
                .map((a) => ({
                  id: a.id,
                  tag: a.tag,
                  outcome: 'refused' as const,
                  code: 'ROLLED_BACK',
                  reason: 'Another asset was refused',
                })),
            ]);
          }
        } else {
          try {
            await scope.tx.transaction(async (savepoint) => {
              await applyOne({ ...scope, tx: savepoint }, actor, input, asset, batchId);
            });
            results.push({ ...target, outcome: 'done', code: null, reason: null });
          } catch (error) {
            results.push(refusal(target, error));
          }
        }
      }
      const done = results.filter((r) => r.outcome === 'done').length;
      if (done > 0) {
        await recordAudit(scope, {
          action: 'asset.bulk',
          entityType: 'asset',
          after: { batchId, action: input.action, mode: input.mode, done, refused: results.length - done },
        });
      }
      return { mode: input.mode, done, refused: results.length - done, results };
    });
  } catch (error) {
    if (error instanceof AllOrNothing)
      return { mode: input.mode, done: 0, refused: error.results.length, results: error.results };
    throw error;
  }
}
