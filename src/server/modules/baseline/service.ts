import { and, desc, eq, sql } from 'drizzle-orm';
import { rows, type Scope } from '../../db/connection.ts';
import { assetCategories, baselineGrids, baselineOverrides, classes, schools } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { schoolScope } from '../auth/actor.ts';
import { cached, dataVersion, keep } from './cache.ts';
import { loadFacts, loadPrices } from './facts.ts';
import { type Criterion, CriterionSchema, type GridBody, levelOf, PRESETS, SNEE_2021 } from './grid.ts';
import { evaluateSchool, type SchoolFacts, type SchoolResult } from './rules.ts';

/**
 * The socle numérique, read live (issue #7): the grid in force, compliance
 * per school and class with evidence, the priced gap, overrides, equity.
 * Every read reflects the current data, so a retired projector changes its
 * class's status on the next read; a whole organisation's results are kept
 * between reads only while its data version is unchanged (cache.ts).
 */

export interface GridView {
  version: number;
  name: string;
  preset: string | null;
  schoolKinds: GridBody['schoolKinds'];
  criteria: (Criterion & { level: 'class' | 'school' })[];
  note: string;
  createdAt: string | null;
  createdBy: string | null;
  /** false: no grid saved yet, the SNEE 2021 preset applies (version 0) */
  stored: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

function view(
  body: GridBody & { version: number; createdAt: string | null; createdBy: string | null; stored: boolean },
): GridView {
  return {
    version: body.version,
    name: body.name,
    preset: body.preset ?? null,
    schoolKinds: [...body.schoolKinds],
    criteria: body.criteria.map((c) => ({ ...c, level: levelOf(c.rule) })),
    note: body.note ?? '',
    createdAt: body.createdAt,
    createdBy: body.createdBy,
    stored: body.stored,
  };
}

function fromRow(row: typeof baselineGrids.$inferSelect): GridView {
  // Stored criteria were validated when saved; parse again so a hand edit cannot break reads.
  const criteria = (row.criteria as unknown[]).map((c) => CriterionSchema.parse(c));
  return view({
    version: row.version,
    name: row.name,
    preset: row.preset,
    schoolKinds: row.schoolKinds as GridBody['schoolKinds'],
    criteria,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    stored: true,
  });
}

/** The presets shipped with Socle, shaped like a grid (version 0, not stored). */
export function presetViews(): { key: string; grid: GridView }[] {
  return Object.entries(PRESETS).map(([key, body]) => ({
    key,
    grid: view({ ...body, version: 0, createdAt: null, createdBy: null, stored: false }),
  }));
}

export async function gridInForce(scope: Scope): Promise<GridView> {
  const [row] = await scope.tx.select().from(baselineGrids).orderBy(desc(baselineGrids.version)).limit(1);
  if (row) return fromRow(row);
  return view({ ...SNEE_2021, version: 0, createdAt: null, createdBy: null, stored: false });
}

export async function gridVersions(scope: Scope) {
  const list = await scope.tx
    .select({
      version: baselineGrids.version,
      name: baselineGrids.name,
      preset: baselineGrids.preset,
      note: baselineGrids.note,
      createdAt: baselineGrids.createdAt,
      createdBy: baselineGrids.createdBy,
      criteria: sql<number>`jsonb_array_length(${baselineGrids.criteria})`.mapWith(Number),
    })
    .from(baselineGrids)
    .orderBy(desc(baselineGrids.version));
  return list.map((g) => ({ ...g, createdAt: g.createdAt.toISOString() }));
}

export async function gridVersion(scope: Scope, version: number): Promise<GridView> {
  if (version === 0) return view({ ...SNEE_2021, version: 0, createdAt: null, createdBy: null, stored: false });
  const [row] = await scope.tx.select().from(baselineGrids).where(eq(baselineGrids.version, version));
  if (!row) throw notFound('Grid version');
  return fromRow(row);
}

/** Saves a new version; the categories named by the gaps must exist. */
export async function saveGrid(scope: Scope, body: GridBody): Promise<GridView> {
  const codes = new Set(
    (await scope.tx.select({ code: assetCategories.code }).from(assetCategories)).map((c) => c.code),
  );
  const fields: { path: string; message: string; code: string }[] = [];
  body.criteria.forEach((c, i) => {
    const named: [string, string][] = [];
    if ('gapCategory' in c.rule) named.push(['gapCategory', c.rule.gapCategory]);
    if (c.rule.kind === 'pupil_devices') named.push(['cartCategory', c.rule.cartCategory]);
    for (const [field, code] of named)
      if (!codes.has(code))
        fields.push({
          path: `body.criteria.${i}.rule.${field}`,
          message: `unknown category ${code}`,
          code: 'unknown_category',
        });
  });
  if (fields.length) throw new AppError('VALIDATION_FAILED', 'The grid names unknown categories', { fields });
  // Serialise the version numbers of one organisation.
  await scope.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`baseline_grid:${scope.organisationId}`}))`);
  const [last] = await scope.tx
    .select({ version: baselineGrids.version })
    .from(baselineGrids)
    .orderBy(desc(baselineGrids.version))
    .limit(1);
  const version = (last?.version ?? 0) + 1;
  const [row] = await scope.tx
    .insert(baselineGrids)
    .values({
      organisationId: scope.organisationId,
      version,
      name: body.name,
      preset: body.preset ?? null,
      schoolKinds: [...body.schoolKinds],
      criteria: body.criteria,
      note: body.note ?? '',
      createdBy: scope.userId,
    })
    .returning();
  if (!row) throw new Error('grid not saved');
  await recordAudit(scope, {
    action: 'baseline.grid_saved',
    entityType: 'baseline_grid',
    entityId: row.id,
    after: { version, name: body.name, criteria: body.criteria.map((c) => c.key), schoolKinds: body.schoolKinds },
  });
  return fromRow(row);
}

function reach(actor: Actor): readonly string[] | null {
  const r = schoolScope(actor);
  return r === 'all' ? null : r;
}

export interface Evaluated {
  grid: GridView;
  on: string;
  results: { facts: SchoolFacts; result: SchoolResult }[];
}

export async function evaluate(
  scope: Scope,
  actor: Actor,
  schoolIds: readonly string[] | null = null,
): Promise<Evaluated> {
  const on = today();
  const reachable = reach(actor);
  const ids =
    schoolIds === null ? reachable : reachable === null ? schoolIds : schoolIds.filter((id) => reachable.includes(id));
  const key = `${await dataVersion(scope)}/${on}`;
  const whole = cached<Evaluated>(scope.organisationId, key);
  if (ids === null) {
    if (whole) return whole;
    const value = await compute(scope, null, on);
    keep(scope.organisationId, key, value);
    return value;
  }
  // A few schools: from the organisation's current entry when there is one, else computed alone.
  if (whole) {
    const wanted = new Set(ids);
    return { ...whole, results: whole.results.filter((r) => wanted.has(r.facts.school.id)) };
  }
  return compute(scope, ids, on);
}

async function compute(scope: Scope, ids: readonly string[] | null, on: string): Promise<Evaluated> {
  const grid = await gridInForce(scope);
  const [facts, prices] = [await loadFacts(scope, grid.criteria, ids, on), await loadPrices(scope)];
  return {
    grid,
    on,
    results: facts.map((f) => ({ facts: f, result: evaluateSchool(grid.criteria, grid.schoolKinds, f, prices, on) })),
  };
}

export interface ComplianceQuery {
  kind?: string | undefined;
  priority?: 'none' | 'REP' | 'REP+' | undefined;
  status?: 'at_socle' | 'not_at_socle' | 'out_of_scope' | undefined;
  circonscription?: string | undefined;
  q?: string | undefined;
}

function matches(f: SchoolFacts, r: SchoolResult, q: ComplianceQuery): boolean {
  if (q.kind && f.school.kind !== q.kind) return false;
  if (q.priority && f.school.priorityEducation !== q.priority) return false;
  if (q.circonscription && f.school.circonscription !== q.circonscription) return false;
  if (q.status === 'out_of_scope' && r.inScope) return false;
  if (q.status === 'at_socle' && !(r.inScope && r.atSocle)) return false;
  if (q.status === 'not_at_socle' && !(r.inScope && !r.atSocle)) return false;
  if (q.q) {
    const needle = q.q.trim().toLowerCase();
    if (!f.school.name.toLowerCase().includes(needle) && !f.school.uai.toLowerCase().includes(needle)) return false;
  }
  return true;
}

function row(f: SchoolFacts, r: SchoolResult) {
  return {
    id: f.school.id,
    uai: f.school.uai,
    name: f.school.name,
    kind: f.school.kind,
    priorityEducation: f.school.priorityEducation,
    ips: f.school.ips,
    circonscription: f.school.circonscription,
    latitude: f.school.latitude,
    longitude: f.school.longitude,
    pupils: f.school.pupils,
    year: f.year,
    inScope: r.inScope,
    atSocle: r.atSocle,
    scorePct: r.scorePct,
    classesTotal: r.classesTotal,
    classesAtSocle: r.classesAtSocle,
    pupilsAtSocle: r.pupilsAtSocle,
    criteria: r.summary,
    gapCents: r.gapCents,
    gapComplete: r.gapComplete,
    pupilDevices: r.devices.pupilDevices,
    devicesPerPupil: r.devices.perPupil,
    equipmentAgeYears: f.equipmentAgeYears,
  };
}

type Group = {
  schools: number;
  atSocle: number;
  classes: number;
  classesAtSocle: number;
  pupils: number;
  pupilsAtSocle: number;
};
const emptyGroup = (): Group => ({
  schools: 0,
  atSocle: 0,
  classes: 0,
  classesAtSocle: 0,
  pupils: 0,
  pupilsAtSocle: 0,
});
function addTo(g: Group, f: SchoolFacts, r: SchoolResult) {
  g.schools += 1;
  g.atSocle += r.atSocle ? 1 : 0;
  g.classes += r.classesTotal;
  g.classesAtSocle += r.classesAtSocle;
  g.pupils += f.school.pupils ?? 0;
  g.pupilsAtSocle += r.pupilsAtSocle;
}

/** Organisation totals over the schools in the grid's scope. */
function totalsOf(list: Evaluated['results']) {
  const all = emptyGroup();
  const byKind = new Map<string, Group>();
  const byPriority = new Map<string, Group>();
  let gapCents = 0;
  let outOfScope = 0;
  for (const { facts: f, result: r } of list) {
    if (!r.inScope) {
      outOfScope += 1;
      continue;
    }
    addTo(all, f, r);
    const k = byKind.get(f.school.kind) ?? emptyGroup();
    addTo(k, f, r);
    byKind.set(f.school.kind, k);
    const p = byPriority.get(f.school.priorityEducation) ?? emptyGroup();
    addTo(p, f, r);
    byPriority.set(f.school.priorityEducation, p);
    gapCents += r.gapCents;
  }
  return {
    ...all,
    outOfScope,
    gapCents,
    byKind: [...byKind].map(([kind, g]) => ({ kind, ...g })),
    byPriority: (['REP+', 'REP', 'none'] as const)
      .filter((p) => byPriority.has(p))
      .map((priority) => ({ priority, ...(byPriority.get(priority) as Group) })),
  };
}

function criteriaRefs(g: GridView) {
  return g.criteria.map((c) => ({
    key: c.key,
    labelFr: c.labelFr,
    labelEn: c.labelEn,
    level: c.level,
    required: c.required,
    weight: c.weight,
  }));
}

function gridRef(g: GridView) {
  return { version: g.version, name: g.name, stored: g.stored };
}

export async function compliance(scope: Scope, actor: Actor, q: ComplianceQuery) {
  const e = await evaluate(scope, actor);
  const shown = e.results.filter(({ facts, result }) => matches(facts, result, q));
  return {
    grid: gridRef(e.grid),
    on: e.on,
    criteria: criteriaRefs(e.grid),
    totals: totalsOf(e.results),
    schools: shown.map(({ facts, result }) => row(facts, result)),
  };
}

async function categoryNames(scope: Scope) {
  const cats = await scope.tx
    .select({ code: assetCategories.code, nameFr: assetCategories.nameFr, nameEn: assetCategories.nameEn })
    .from(assetCategories);
  return Object.fromEntries(cats.map((c) => [c.code, { nameFr: c.nameFr, nameEn: c.nameEn }]));
}

/** One school: every criterion with its evidence, every class, the gap. */
export async function schoolBaseline(scope: Scope, actor: Actor, schoolId: string) {
  const e = await evaluate(scope, actor, [schoolId]);
  const one = e.results[0];
  if (!one) throw notFound('School');
  const { facts: f, result: r } = one;
  return {
    grid: gridRef(e.grid),
    on: e.on,
    criteria: criteriaRefs(e.grid),
    school: row(f, r),
    schoolCriteria: r.criteria,
    classes: r.classes,
    gap: r.gap,
    categories: await categoryNames(scope),
  };
}

/** The gap of every school in scope (not at the socle), with totals. */
export async function gapReport(scope: Scope, actor: Actor, q: ComplianceQuery) {
  const e = await evaluate(scope, actor);
  const shown = e.results.filter(
    ({ facts, result }) => result.inScope && result.gap.length > 0 && matches(facts, result, q),
  );
  const byCriterion = new Map<string, number>();
  const byKind = new Map<string, number>();
  for (const { result } of shown)
    for (const g of result.gap) {
      byCriterion.set(g.criterionKey, (byCriterion.get(g.criterionKey) ?? 0) + g.totalCents);
      byKind.set(g.kind, (byKind.get(g.kind) ?? 0) + g.totalCents);
    }
  return {
    grid: gridRef(e.grid),
    on: e.on,
    criteria: criteriaRefs(e.grid),
    categories: await categoryNames(scope),
    totals: {
      schools: shown.length,
      gapCents: shown.reduce((n, s) => n + s.result.gapCents, 0),
      complete: shown.every((s) => s.result.gapComplete),
      byCriterion: [...byCriterion].map(([key, cents]) => ({ key, cents })),
      byKind: [...byKind].map(([kind, cents]) => ({ kind, cents })),
    },
    schools: shown.map(({ facts, result }) => ({
      id: facts.school.id,
      uai: facts.school.uai,
      name: facts.school.name,
      classesTotal: result.classesTotal,
      classesAtSocle: result.classesAtSocle,
      gapCents: result.gapCents,
      gapComplete: result.gapComplete,
      items: result.gap.map((g) => ({
        ...g,
        className: g.classId ? (facts.classes.find((c) => c.id === g.classId)?.name ?? null) : null,
      })),
    })),
  };
}

/** Devices per pupil and socle status against IPS and priority education (issue #7 point 5). */
export async function equity(scope: Scope, actor: Actor) {
  const e = await evaluate(scope, actor);
  const inScope = e.results.filter((x) => x.result.inScope);
  const groups = (['REP+', 'REP', 'none'] as const).map((priority) => {
    const list = inScope.filter((x) => x.facts.school.priorityEducation === priority);
    const pupils = list.reduce((n, x) => n + (x.facts.school.pupils ?? 0), 0);
    const devices = list.reduce((n, x) => n + x.result.devices.pupilDevices, 0);
    const ips = list.map((x) => x.facts.school.ips).filter((v): v is number => v !== null);
    return {
      priority,
      schools: list.length,
      atSocle: list.filter((x) => x.result.atSocle).length,
      pupils,
      pupilDevices: devices,
      devicesPerPupil: pupils ? Math.round((devices / pupils) * 1000) / 1000 : null,
      meanIps: ips.length ? Math.round((ips.reduce((a, b) => a + b, 0) / ips.length) * 10) / 10 : null,
      meanScorePct: list.length
        ? Math.round((list.reduce((n, x) => n + x.result.scorePct, 0) / list.length) * 10) / 10
        : null,
    };
  });
  return {
    grid: gridRef(e.grid),
    on: e.on,
    groups: groups.filter((g) => g.schools > 0),
    schools: inScope.map(({ facts, result }) => ({
      id: facts.school.id,
      uai: facts.school.uai,
      name: facts.school.name,
      priorityEducation: facts.school.priorityEducation,
      ips: facts.school.ips,
      pupils: facts.school.pupils,
      pupilDevices: result.devices.pupilDevices,
      devicesPerPupil: result.devices.perPupil,
      atSocle: result.atSocle,
      scorePct: result.scorePct,
      equipmentAgeYears: facts.equipmentAgeYears,
    })),
  };
}

// Overrides

export interface OverrideInput {
  schoolId: string;
  classId?: string | null | undefined;
  criterionKey: string;
  status: 'met' | 'partly' | 'missing';
  justification: string;
  evidence: string;
  expiresOn?: string | null | undefined;
}

function presentOverride(o: typeof baselineOverrides.$inferSelect) {
  return {
    id: o.id,
    schoolId: o.schoolId,
    classId: o.classId,
    criterionKey: o.criterionKey,
    status: o.status,
    justification: o.justification,
    evidence: o.evidence,
    expiresOn: o.expiresOn,
    recordedBy: o.recordedBy,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export async function findOverrides(scope: Scope, actor: Actor, schoolId?: string) {
  const reachable = reach(actor);
  const list = await scope.tx
    .select()
    .from(baselineOverrides)
    .where(
      and(
        schoolId ? eq(baselineOverrides.schoolId, schoolId) : undefined,
        reachable === null
          ? undefined
          : reachable.length
            ? sql`${baselineOverrides.schoolId} IN (${sql.join(
                reachable.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql`false`,
      ),
    )
    .orderBy(desc(baselineOverrides.updatedAt));
  return list.map(presentOverride);
}

/** Records (or replaces) the override of one criterion for a school or one of its classes. */
export async function setOverride(scope: Scope, actor: Actor, input: OverrideInput) {
  const reachable = reach(actor);
  const [school] = await scope.tx.select({ id: schools.id }).from(schools).where(eq(schools.id, input.schoolId));
  if (!school || (reachable !== null && !reachable.includes(school.id))) throw notFound('School');
  const grid = await gridInForce(scope);
  const c = grid.criteria.find((x) => x.key === input.criterionKey);
  const fields: { path: string; message: string; code: string }[] = [];
  if (!c)
    fields.push({
      path: 'body.criterionKey',
      message: 'not a criterion of the grid in force',
      code: 'unknown_criterion',
    });
  const classId = input.classId ?? null;
  if (c && c.level === 'school' && classId)
    fields.push({
      path: 'body.classId',
      message: 'a school-level criterion has no class',
      code: 'not_a_class_criterion',
    });
  if (classId) {
    const [k] = await scope.tx
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.id, classId), eq(classes.schoolId, input.schoolId)));
    if (!k) fields.push({ path: 'body.classId', message: 'not a class of this school', code: 'unknown_class' });
  }
  if (input.expiresOn && input.expiresOn < today())
    fields.push({ path: 'body.expiresOn', message: 'in the past', code: 'in_the_past' });
  if (fields.length) throw new AppError('VALIDATION_FAILED', 'The override is not valid', { fields });
  const [before] = await scope.tx
    .select()
    .from(baselineOverrides)
    .where(
      and(
        eq(baselineOverrides.schoolId, input.schoolId),
        classId ? eq(baselineOverrides.classId, classId) : sql`${baselineOverrides.classId} IS NULL`,
        eq(baselineOverrides.criterionKey, input.criterionKey),
      ),
    )
    .for('update');
  const values = {
    status: input.status,
    justification: input.justification.trim(),
    evidence: input.evidence.trim(),
    expiresOn: input.expiresOn ?? null,
    recordedBy: scope.userId,
  };
  const [saved] = before
    ? await scope.tx
        .update(baselineOverrides)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(baselineOverrides.id, before.id))
        .returning()
    : await scope.tx
        .insert(baselineOverrides)
        .values({
          ...values,
          organisationId: scope.organisationId,
          schoolId: input.schoolId,
          classId,
          criterionKey: input.criterionKey,
        })
        .returning();
  if (!saved) throw new Error('override not saved');
  await recordAudit(scope, {
    action: before ? 'baseline.override_updated' : 'baseline.override_created',
    entityType: 'baseline_override',
    entityId: saved.id,
    before: before ? presentOverride(before) : undefined,
    after: presentOverride(saved),
  });
  return { created: !before, override: presentOverride(saved) };
}

export async function deleteOverride(scope: Scope, actor: Actor, id: string) {
  const reachable = reach(actor);
  const [o] = await scope.tx.select().from(baselineOverrides).where(eq(baselineOverrides.id, id)).for('update');
  if (!o || (reachable !== null && !reachable.includes(o.schoolId))) throw notFound('Override');
  await scope.tx.delete(baselineOverrides).where(eq(baselineOverrides.id, id));
  await recordAudit(scope, {
    action: 'baseline.override_deleted',
    entityType: 'baseline_override',
    entityId: id,
    before: presentOverride(o),
  });
}

/** Used by tests and the demo: the raw count of overrides. */
export async function overrideCount(scope: Scope): Promise<number> {
  const [r] = await rows<{ n: number }>(scope.tx, sql`SELECT count(*)::int AS n FROM baseline_overrides`);
  return Number(r?.n ?? 0);
}
