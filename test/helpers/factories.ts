import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/server/db/connection.ts';
import { organisations, schools, userSchools, users } from '../../src/server/db/schema.ts';
import { hashPassword } from '../../src/server/modules/auth/service.ts';
import type { Role } from '../../src/shared/roles.ts';

/** Factories insert real rows (as the owner, like the CLI would). */

export const PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | null = null;

const suffix = () => randomBytes(4).toString('hex');

/** A valid UAI (7 digits + mod-23 check letter) from a number. */
export function uai(n: number): string {
  const digits = String(n).padStart(7, '0').slice(-7);
  return digits + 'ABCDEFGHJKLMNPRSTUVWXYZ'[Number(digits) % 23];
}

export async function createOrganisation(db: Database, name = 'Ville test') {
  const [org] = await db.owner
    .insert(organisations)
    .values({ slug: `org-${suffix()}`, name })
    .returning();
  if (!org) throw new Error('no org');
  return org;
}

export async function createSchool(db: Database, organisationId: string, n: number, name?: string) {
  const [school] = await db.owner
    .insert(schools)
    .values({ organisationId, uai: uai(n), name: name ?? `École ${n}`, kind: 'elementaire' })
    .returning();
  if (!school) throw new Error('no school');
  return school;
}

export interface UserOptions {
  roles?: Role[];
  email?: string;
  password?: string | null;
  schoolIds?: string[];
  active?: boolean;
}

export async function createUser(db: Database, organisationId: string, options: UserOptions = {}) {
  const password = options.password === undefined ? PASSWORD : options.password;
  if (password === PASSWORD) cachedHash ??= hashPassword(PASSWORD);
  const passwordHash =
    password === null ? null : password === PASSWORD ? await cachedHash : await hashPassword(password);
  const roles = options.roles ?? ['admin'];
  const [user] = await db.owner
    .insert(users)
    .values({
      organisationId,
      email: options.email ?? `${roles[0] ?? 'user'}-${suffix()}@example.org`,
      displayName: `${roles.join('+')} ${suffix()}`,
      roles,
      passwordHash,
      active: options.active ?? true,
    })
    .returning();
  if (!user) throw new Error('no user');
  for (const schoolId of options.schoolIds ?? []) {
    await db.owner.insert(userSchools).values({ organisationId, userId: user.id, schoolId });
  }
  return { ...user, password };
}

/** The default catalogue plus one model per given category code. */
export async function createCatalogue(db: Database, organisationId: string) {
  const { ensureDefaultCatalogue, createModel } = await import('../../src/server/modules/inventory/catalogue.ts');
  const { assetCategories } = await import('../../src/server/db/schema.ts');
  return db.withOrg({ organisationId, userId: null, actorKind: 'system', requestId: null }, async (scope) => {
    await ensureDefaultCatalogue(scope);
    const categories = await scope.tx.select().from(assetCategories);
    const byCode = (code: string) => categories.find((c) => c.code === code)?.id as string;
    const tablet = await createModel(
      scope,
      { name: `Tablette ${suffix()}`, categoryId: byCode('tablet'), unitPriceCents: 35000 },
      false,
    );
    const laptop = await createModel(
      scope,
      { name: `Portable ${suffix()}`, categoryId: byCode('teacher_laptop'), unitPriceCents: 30000 },
      false,
    );
    const cart = await createModel(scope, { name: `Chariot ${suffix()}`, categoryId: byCode('charging_cart') }, false);
    const eni = await createModel(
      scope,
      { name: `ENI ${suffix()}`, categoryId: byCode('eni'), unitPriceCents: 270000 },
      false,
    );
    return { tablet: tablet.id, laptop: laptop.id, cart: cart.id, eni: eni.id, categories: byCode };
  });
}
