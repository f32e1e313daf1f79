import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { can } from '../../../shared/permissions.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Scope } from '../../db/connection.ts';
import { schools, sessions, userSchools, users } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { normaliseEmail } from '../auth/rules.ts';
import { assertPasswordStrength, hashPassword } from '../auth/service.ts';
import type { CreateUserInput, UpdateUserInput, UserListQuery } from './schema.ts';

type UserRow = typeof users.$inferSelect;
type SchoolRef = { id: string; uai: string; name: string };

function present(user: UserRow, attached: SchoolRef[], actor: Pick<Actor, 'roles'> | null) {
  const manage = actor ? can(actor.roles, 'users.manage') : false;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles as Role[],
    active: user.active,
    locale: (user.locale === 'en' ? 'en' : 'fr') as 'fr' | 'en',
    schools: attached,
    hasPassword: user.passwordHash !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    can: { update: manage, setPassword: manage },
  };
}

/** The audit snapshot of a user: no password hash. */
function snapshot(user: UserRow, schoolIds: string[]) {
  return {
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    active: user.active,
    locale: user.locale,
    schoolIds: [...schoolIds].sort(),
  };
}

async function schoolsOf(scope: Scope, userIds: string[]): Promise<Map<string, SchoolRef[]>> {
  const map = new Map<string, SchoolRef[]>();
  if (userIds.length === 0) return map;
  const found = await scope.tx
    .select({ userId: userSchools.userId, id: schools.id, uai: schools.uai, name: schools.name })
    .from(userSchools)
    .innerJoin(schools, eq(schools.id, userSchools.schoolId))
    .where(inArray(userSchools.userId, userIds))
    .orderBy(asc(schools.name));
  for (const s of found) {
    const list = map.get(s.userId) ?? [];
    list.push({ id: s.id, uai: s.uai, name: s.name });
    map.set(s.userId, list);
  }
  return map;
}

export async function findUsers(scope: Scope, actor: Actor | null, query: UserListQuery) {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    pattern ? or(ilike(users.email, pattern), ilike(users.displayName, pattern)) : undefined,
    query.role ? sql`${query.role} = ANY(${users.roles})` : undefined,
    query.active ? eq(users.active, query.active === 'true') : undefined,
  );
  const [total] = await scope.tx.select({ n: count() }).from(users).where(where);
  const found = await scope.tx
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(query.limit)
    .offset(query.offset);
  const attached = await schoolsOf(
    scope,
    found.map((u) => u.id),
  );
  return { items: found.map((u) => present(u, attached.get(u.id) ?? [], actor)), total: Number(total?.n ?? 0) };
}

export async function getUser(scope: Scope, actor: Actor | null, id: string) {
  const [user] = await scope.tx.select().from(users).where(eq(users.id, id));
  if (!user) throw notFound('User');
  const attached = await schoolsOf(scope, [id]);
  return present(user, attached.get(id) ?? [], actor);
}

/** School ids must exist in the organisation (RLS hides the others: they count as missing). */
async function assertSchools(scope: Scope, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const found = await scope.tx.select({ id: schools.id }).from(schools).where(inArray(schools.id, unique));
  if (found.length !== unique.length) {
    const known = new Set(found.map((s) => s.id));
    throw new AppError('VALIDATION_FAILED', 'Unknown school', {
      fields: unique
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => !known.has(id))
        .map(({ i }) => ({ path: `body.schoolIds.${i}`, message: 'unknown school', code: 'unknown_school' })),
    });
  }
}

async function setSchools(scope: Scope, userId: string, ids: readonly string[]): Promise<void> {
  await scope.tx.delete(userSchools).where(eq(userSchools.userId, userId));
  const unique = [...new Set(ids)];
  if (unique.length) {
    await scope.tx
      .insert(userSchools)
      .values(unique.map((schoolId) => ({ organisationId: scope.organisationId, userId, schoolId })));
  }
}

export async function createUser(scope: Scope, actor: Actor | null, input: CreateUserInput) {
  const email = normaliseEmail(input.email);
  const [existing] = await scope.tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
  if (existing) {
    throw new AppError('EMAIL_TAKEN', 'An account with this e-mail exists', {
      fields: [{ path: 'body.email', message: 'already used', code: 'email_taken' }],
    });
  }
  if (input.password !== undefined) assertPasswordStrength(input.password, email);
  await assertSchools(scope, input.schoolIds);
  const [user] = await scope.tx
    .insert(users)
    .values({
      organisationId: scope.organisationId,
      email,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      locale: input.locale,
      passwordHash: input.password === undefined ? null : await hashPassword(input.password),
      passwordChangedAt: input.password === undefined ? null : new Date(),
    })
    .returning();
  if (!user) throw new AppError('INTERNAL');
  await setSchools(scope, user.id, input.schoolIds);
  await recordAudit(scope, {
    action: 'user.created',
    entityType: 'user',
    entityId: user.id,
    after: snapshot(user, input.schoolIds),
  });
  return getUser(scope, actor, user.id);
}

async function assertAnotherAdminRemains(scope: Scope, userId: string): Promise<void> {
  const [row] = await scope.tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.active, true), sql`'admin' = ANY(${users.roles})`, sql`${users.id} <> ${userId}`));
  if (Number(row?.n ?? 0) === 0) {
    throw new AppError('CONFLICT', 'The organisation must keep at least one active admin');
  }
}

export async function updateUser(scope: Scope, actor: Actor | null, id: string, input: UpdateUserInput) {
  const [before] = await scope.tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!before) throw notFound('User');
  const beforeSchools = (await schoolsOf(scope, [id])).get(id)?.map((s) => s.id) ?? [];
  const losesAdmin =
    (before.roles.includes('admin') && before.active && input.roles && !input.roles.includes('admin')) ||
    (before.roles.includes('admin') && before.active && input.active === false);
  if (losesAdmin) await assertAnotherAdminRemains(scope, id);
  if (input.schoolIds) await assertSchools(scope, input.schoolIds);
  const [after] = await scope.tx
    .update(users)
    .set({
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.roles !== undefined && { roles: [...new Set(input.roles)] }),
      ...(input.locale !== undefined && { locale: input.locale }),
      ...(input.active !== undefined && { active: input.active }),
      updatedAt: new Date(),
    })
    .where(eq(users.id, id))
    .returning();
  if (!after) throw notFound('User');
  if (input.schoolIds) await setSchools(scope, id, input.schoolIds);
  // A deactivated account is signed out at once.
  if (input.active === false) await scope.tx.delete(sessions).where(eq(sessions.userId, id));
  await recordAudit(scope, {
    action: 'user.updated',
    entityType: 'user',
    entityId: id,
    before: snapshot(before, beforeSchools),
    after: snapshot(after, input.schoolIds ?? beforeSchools),
  });
  return getUser(scope, actor, id);
}

export async function setUserPassword(scope: Scope, id: string, password: string): Promise<void> {
  const [user] = await scope.tx.select().from(users).where(eq(users.id, id));
  if (!user) throw notFound('User');
  assertPasswordStrength(password, user.email);
  await scope.tx
    .update(users)
    .set({ passwordHash: await hashPassword(password), passwordChangedAt: new Date(), updatedAt: new Date() })
    .where(eq(users.id, id));
  await scope.tx.delete(sessions).where(eq(sessions.userId, id));
  await recordAudit(scope, { action: 'user.password_set', entityType: 'user', entityId: id });
}
