import { and, asc, between, count, eq, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Database, Scope } from '../../db/connection.ts';
import { assetModels, assets, notifications, organisations, schools } from '../../db/schema.ts';
import { parseSettings } from '../organisations/settings.ts';
import { GONE } from './rules.ts';

/**
 * Warranties ending soon: the list behind the weekly digest, and the job
 * that writes the digest as an in-app notification for admins and managers
 * (e-mail will carry it once mail is wired).
 */

export async function warrantiesEnding(scope: Scope, days: number, limit = 100) {
  const today = new Date().toISOString().slice(0, 10);
  const until = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const where = and(
    isNotNull(assets.warrantyEnd),
    between(assets.warrantyEnd, today, until),
    notInArray(assets.status, [...GONE]),
  );
  const [total] = await scope.tx.select({ n: count() }).from(assets).where(where);
  const items = await scope.tx
    .select({
      id: assets.id,
      tag: assets.tag,
      model: assetModels.name,
      warrantyEnd: assets.warrantyEnd,
      school: schools.name,
    })
    .from(assets)
    .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
    .leftJoin(schools, eq(schools.id, assets.schoolId))
    .where(where)
    .orderBy(asc(assets.warrantyEnd), asc(assets.tag))
    .limit(limit);
  return {
    days,
    until,
    total: Number(total?.n ?? 0),
    items: items.map((i) => ({ ...i, warrantyEnd: i.warrantyEnd as string })),
  };
}

/** Weekly job: one digest per organisation that has warranties ending within its notice period. */
export async function writeWarrantyDigests(db: Database): Promise<{ organisations: number; digests: number }> {
  const orgs = await db.owner.select({ id: organisations.id, settings: organisations.settings }).from(organisations);
  let digests = 0;
  for (const org of orgs) {
    const days = parseSettings(org.settings).warrantyNoticeDays;
    const written = await db.withOrg(
      { organisationId: org.id, userId: null, actorKind: 'job', requestId: null },
      async (scope) => {
        const digest = await warrantiesEnding(scope, days, 50);
        if (digest.total === 0) return false;
        await scope.tx.insert(notifications).values({
          organisationId: org.id,
          kind: 'warranty_digest',
          roles: ['admin', 'manager'],
          payload: digest,
        });
        return true;
      },
    );
    if (written) digests++;
  }
  return { organisations: orgs.length, digests };
}

export async function findNotifications(scope: Scope, roles: readonly string[], limit = 20) {
  const found = await scope.tx
    .select()
    .from(notifications)
    .where(
      sql`${notifications.roles} && ARRAY[${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )}]::text[]`,
    )
    .orderBy(sql`${notifications.createdAt} DESC`)
    .limit(limit);
  return found.map((n) => ({ id: n.id, kind: n.kind, payload: n.payload, createdAt: n.createdAt.toISOString() }));
}
