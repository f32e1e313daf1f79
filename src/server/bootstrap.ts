import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Role } from '../shared/roles.ts';
import { currentSchoolYear } from '../shared/school-year.ts';
import type { Config } from './config.ts';
import type { Database, Scope } from './db/connection.ts';
import { classes, organisations, schools, userSchools, users } from './db/schema.ts';
import { AppError } from './http/errors.ts';
import { recordAudit } from './modules/audit/service.ts';
import { normaliseEmail, randomToken } from './modules/auth/rules.ts';
import { assertPasswordStrength, hashPassword } from './modules/auth/service.ts';
import { generateDemoBaseline } from './modules/baseline/demo.ts';
import { generateDemoFunding } from './modules/funding/demo.ts';
import { ensureDefaultCatalogue } from './modules/inventory/catalogue.ts';
import { generateDemoInventory } from './modules/inventory/demo.ts';
import { generateDemoLoans } from './modules/loans/demo.ts';
import { importSchools } from './modules/schools/import.ts';
import { generateClasses } from './modules/schools/rules.ts';
import { generateDemoServices } from './modules/services/demo.ts';

/**
 * First-start provisioning. On an empty database: the demo organisation
 * "Ville du Mans" with its real public schools and one account per role
 * (unless SOCLE_DEMO=0). When SOCLE_ADMIN_EMAIL/PASSWORD are set: that admin
 * is created, or its password reset, at every start.
 */

export const DEMO_SLUG = 'ville-du-mans';
export const DEMO_DOMAIN = 'ville-du-mans.example';

export interface DemoAccount {
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  readonly schools: readonly string[];
}

export interface BootstrapResult {
  readonly demoAccounts: readonly DemoAccount[];
  readonly admin: { readonly email: string; readonly created: boolean } | null;
  readonly organisationCreated: string | null;
}

function seedFile(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    for (const candidate of [path.join(dir, 'seed', name), path.join(dir, 'src', 'server', 'seed', name)]) {
      if (fs.existsSync(candidate)) return candidate;
    }
    dir = path.dirname(dir);
  }
  throw new Error(`seed file ${name} not found`);
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return slug || 'organisation';
}

const systemScope = (organisationId: string): Omit<Scope, 'tx'> => ({
  organisationId,
  userId: null,
  actorKind: 'system',
  requestId: null,
});

/** Readable, strong enough generated password (96 bits). */
export function generatePassword(): string {
  return randomToken(12).replace(/[-_]/g, 'x');
}

interface LeMansRow {
  uai: string;
  nom: string;
  type: string;
  nombre_classes: string;
  nombre_eleves: string;
  eleves_preelementaire: string;
  eleves_elementaire: string;
  note: string;
}

/**
 * The published files give class counts, not class lists: the demo's
 * classes of the current school year are generated from them and marked
 * `generated`. Schools the source flags as probably closed get none.
 */
async function generateDemoClasses(scope: Scope, rows: LeMansRow[]): Promise<void> {
  const year = currentSchoolYear();
  const ids = new Map(
    (await scope.tx.select({ id: schools.id, uai: schools.uai }).from(schools)).map((s) => [s.uai, s.id] as const),
  );
  const values = rows.flatMap((r) => {
    const schoolId = ids.get(r.uai.trim().toUpperCase());
    const count = Number(r.nombre_classes);
    if (!schoolId || !Number.isInteger(count) || count <= 0 || /ferm/i.test(r.note)) return [];
    return generateClasses({
      kind: r.type,
      classes: count,
      pupils: Number(r.nombre_eleves) || 0,
      pupilsMaternelle: Number(r.eleves_preelementaire) || 0,
      pupilsElementaire: Number(r.eleves_elementaire) || 0,
    }).map((c) => ({
      organisationId: scope.organisationId,
      schoolId,
      year,
      name: c.name,
      levels: c.levels,
      pupils: c.pupils,
      generated: true,
    }));
  });
  for (let i = 0; i < values.length; i += 500) await scope.tx.insert(classes).values(values.slice(i, i + 500));
}

/** With `config` (where files go), the demo also gets family loans in every state. */
export async function seedDemo(db: Database, config?: Config): Promise<DemoAccount[]> {
  const rows = parse(fs.readFileSync(seedFile('le_mans_ecoles_publiques.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as LeMansRow[];
  const [existing] = await db.owner
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, DEMO_SLUG));
  if (existing) return [];
  const accounts = await db.system(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({
        slug: DEMO_SLUG,
        name: 'Ville du Mans',
        settings: { demo: true, communes: ['72181'], publication: { published: true } },
      })
      .returning();
    if (!org) throw new Error('demo organisation not created');
    const scope: Scope = { ...systemScope(org.id), tx };
    await recordAudit(scope, {
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: org.id,
      after: { name: org.name, slug: org.slug, demo: true },
    });
    // The city's real schools, through the same importer as any file.
    await importSchools(scope, new Uint8Array(fs.readFileSync(seedFile('le_mans_ecoles_publiques.csv'))), {
      format: 'socle',
      communes: [],
    });
    await tx.update(schools).set({ source: 'demo' }).where(eq(schools.organisationId, org.id));
    await generateDemoClasses(scope, rows);
    await generateDemoInventory(scope);
    await generateDemoFunding(scope);
    await generateDemoServices(scope);
    await generateDemoBaseline(scope);
    const inserted = await tx
      .select({ id: schools.id, uai: schools.uai, name: schools.name, kind: schools.kind })
      .from(schools)
      .where(eq(schools.organisationId, org.id));
    const elementary = inserted.filter((s) => s.kind !== 'maternelle').sort((a, b) => a.name.localeCompare(b.name));
    const first = elementary[0];
    const second = elementary[1];
    const plan: { role: Role; name: string; schools: typeof inserted }[] = [
      { role: 'admin', name: 'Administratrice démo', schools: [] },
      { role: 'manager', name: 'Service numérique (démo)', schools: [] },
      { role: 'technician', name: 'Technicien démo', schools: [] },
      { role: 'finance', name: 'Service financier (démo)', schools: [] },
      { role: 'director', name: 'Directrice démo', schools: first ? [first] : [] },
      { role: 'teacher', name: 'Enseignant démo', schools: first ? [first] : [] },
      { role: 'periscolaire', name: 'Animatrice démo', schools: [first, second].filter((s) => s !== undefined) },
      { role: 'auditor', name: 'Auditeur démo', schools: [] },
    ];
    const accounts: DemoAccount[] = [];
    for (const p of plan) {
      const email = `${p.role}@${DEMO_DOMAIN}`;
      const password = generatePassword();
      const [user] = await tx
        .insert(users)
        .values({
          organisationId: org.id,
          email,
          displayName: p.name,
          roles: [p.role],
          passwordHash: await hashPassword(password),
          passwordChangedAt: new Date(),
        })
        .returning({ id: users.id });
      if (!user) throw new Error('demo user not created');
      if (p.schools.length) {
        await tx
          .insert(userSchools)
          .values(p.schools.map((s) => ({ organisationId: org.id, userId: user.id, schoolId: s.id })));
      }
      await recordAudit(scope, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { email, roles: [p.role], schoolIds: p.schools.map((s) => s.id) },
      });
      accounts.push({ email, password, role: p.role, schools: p.schools.map((s) => `${s.uai} ${s.name}`) });
    }
    if (config) await generateDemoLoans(scope, config);
    return accounts;
  });
  // Planner statistics for the rows just generated (a bulk load): PGlite runs no autovacuum, PostgreSQL's
  // takes a minute or may be off, and without them the first dashboard and socle reads pick slow plans.
  await db.owner.execute(sql`ANALYZE`);
  return accounts;
}

export async function createOrganisation(db: Database, name: string): Promise<string> {
  return db.system(async (tx) => {
    let slug = slugify(name);
    const [taken] = await tx
      .select({ n: count() })
      .from(organisations)
      .where(sql`${organisations.slug} LIKE ${`${slug}%`}`);
    if (Number(taken?.n ?? 0) > 0) slug = `${slug}-${Number(taken?.n) + 1}`;
    const [org] = await tx.insert(organisations).values({ slug, name }).returning({ id: organisations.id });
    if (!org) throw new Error('organisation not created');
    await recordAudit(
      { ...systemScope(org.id), tx },
      { action: 'organisation.created', entityType: 'organisation', entityId: org.id, after: { name, slug } },
    );
    return org.id;
  });
}

export interface EnsureUserInput {
  readonly organisationId: string;
  readonly email: string;
  readonly password: string;
  readonly roles: readonly Role[];
  readonly displayName?: string;
  readonly schoolUais?: readonly string[];
  readonly actorKind: 'system' | 'cli';
}

/** Creates the account, or resets its password and adds the roles: idempotent. */
export async function ensureUser(db: Database, input: EnsureUserInput): Promise<{ id: string; created: boolean }> {
  const email = normaliseEmail(input.email);
  assertPasswordStrength(input.password, email);
  const passwordHash = await hashPassword(input.password);
  return db.system(async (tx) => {
    const scope: Scope = { ...systemScope(input.organisationId), actorKind: input.actorKind, tx };
    const schoolIds: string[] = [];
    for (const uai of input.schoolUais ?? []) {
      const [s] = await tx
        .select({ id: schools.id })
        .from(schools)
        .where(
          sql`${schools.organisationId} = ${input.organisationId} AND ${schools.uai} = ${uai.trim().toUpperCase()}`,
        );
      if (!s) throw new AppError('BAD_REQUEST', `No school with UAI ${uai} in this organisation`);
      schoolIds.push(s.id);
    }
    const [existing] = await tx
      .select()
      .from(users)
      .where(sql`${users.organisationId} = ${input.organisationId} AND lower(${users.email}) = ${email}`);
    let id: string;
    let created: boolean;
    if (existing) {
      const roles = [...new Set([...(existing.roles as Role[]), ...input.roles])];
      await tx
        .update(users)
        .set({ passwordHash, roles, active: true, passwordChangedAt: new Date(), updatedAt: new Date() })
        .where(eq(users.id, existing.id));
      await recordAudit(scope, {
        action: 'user.password_set',
        entityType: 'user',
        entityId: existing.id,
        before: { roles: existing.roles, active: existing.active },
        after: { roles, active: true },
      });
      id = existing.id;
      created = false;
    } else {
      const [user] = await tx
        .insert(users)
        .values({
          organisationId: input.organisationId,
          email,
          displayName: input.displayName ?? email.split('@')[0] ?? email,
          roles: [...new Set(input.roles)],
          passwordHash,
          passwordChangedAt: new Date(),
        })
        .returning({ id: users.id });
      if (!user) throw new Error('user not created');
      await recordAudit(scope, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { email, roles: input.roles, schoolIds },
      });
      id = user.id;
      created = true;
    }
    for (const schoolId of schoolIds) {
      await tx
        .insert(userSchools)
        .values({ organisationId: input.organisationId, userId: id, schoolId })
        .onConflictDoNothing();
    }
    return { id, created };
  });
}

export async function findOrganisationId(db: Database, slug?: string): Promise<string | null> {
  const found = await db.owner
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .orderBy(asc(organisations.createdAt));
  if (slug) return found.find((o) => o.slug === slug)?.id ?? null;
  return found[0]?.id ?? null;
}

export async function bootstrap(db: Database, config: Config): Promise<BootstrapResult> {
  const [orgCount] = await db.owner.select({ n: count() }).from(organisations);
  const empty = Number(orgCount?.n ?? 0) === 0;
  let demoAccounts: DemoAccount[] = [];
  let organisationCreated: string | null = null;
  if (empty && config.bootstrap.demo) {
    demoAccounts = await seedDemo(db, config);
  } else if (empty && config.bootstrap.admin) {
    await createOrganisation(db, config.bootstrap.organisationName);
    organisationCreated = config.bootstrap.organisationName;
  }
  // Every organisation has the default equipment categories (idempotent).
  const orgIds = await db.owner.select({ id: organisations.id }).from(organisations);
  for (const { id } of orgIds) {
    await db.system((tx) => ensureDefaultCatalogue({ ...systemScope(id), tx }));
  }
  let admin: BootstrapResult['admin'] = null;
  if (config.bootstrap.admin) {
    const orgId =
      (config.bootstrap.demo ? await findOrganisationId(db, DEMO_SLUG) : null) ??
      (await findOrganisationId(db, slugify(config.bootstrap.organisationName))) ??
      (await findOrganisationId(db));
    if (orgId) {
      const r = await ensureUser(db, {
        organisationId: orgId,
        email: config.bootstrap.admin.email,
        password: config.bootstrap.admin.password,
        roles: ['admin'],
        displayName: 'Administrateur',
        actorKind: 'system',
      });
      admin = { email: normaliseEmail(config.bootstrap.admin.email), created: r.created };
    }
  }
  return { demoAccounts, admin, organisationCreated };
}
