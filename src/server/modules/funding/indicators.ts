import { and, asc, eq, sql } from 'drizzle-orm';
import { rows, type Scope } from '../../db/connection.ts';
import { funders, fundingConventions, fundingIndicators, type INDICATOR_SOURCES } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { CreateIndicatorInput, UpdateIndicatorInput } from './claims-schema.ts';
import { capBasis, programmeRow } from './service.ts';

/**
 * Indicators of a programme (issue #6, point 6): each with a baseline, a
 * target and a value, computed from the data for the computed sources.
 *
 * What counts (decisions, also in the module README):
 * - **equipment in service**: an asset whose category's role is projection,
 *   teacher computer, pupil device, desktop, document camera or cart
 *   (network gear, printers, hotspots and accessories are infrastructure,
 *   not "equipment of a class"), in status deployed, in a cart or on loan,
 *   at one of the programme's schools, and acquired by the programme: from
 *   one of its purchase orders, or with a purchase date within its period;
 * - `schools_equipped`: programme schools with at least one such asset;
 * - `classes_equipped`: classes (each school's latest year in `classes`)
 *   with a projection device in service assigned to the class or installed
 *   in its classroom — the "classe équipée" of the plan is a class that
 *   teaches with a collective display;
 * - `pupils_covered`: the pupils of those equipped classes;
 * - `devices_deployed`: the number of such assets;
 * - `co35_capacity`: EU common indicator CO35, the capacity (in pupils) of
 *   the equipped schools, from each school's latest `school_years` row;
 * - `teachers_trained`: distinct people present at a held training session
 *   for teachers (training module) registered for one of the programme's
 *   schools, the session starting within the programme's period. A
 *   `manualValue`, when entered, wins: programmes run before the training
 *   module (attendance on paper) keep the figure entered by hand; clear it
 *   (null) to use the computed one;
 * - `manual`: the entered `manualValue`.
 * The share of the target reached is value / target (the targets are
 * absolute values, as conventions write them), in basis points.
 */

type Source = (typeof INDICATOR_SOURCES)[number];
type IndicatorRow = typeof fundingIndicators.$inferSelect;

export const EQUIPMENT_ROLES = [
  'projection',
  'teacher_computer',
  'pupil_device',
  'desktop',
  'document_camera',
  'cart',
] as const;
export const IN_SERVICE_STATUSES = ['deployed', 'in_cart', 'on_loan'] as const;

const COMPUTED: ReadonlySet<Source> = new Set([
  'schools_equipped',
  'classes_equipped',
  'devices_deployed',
  'pupils_covered',
  'co35_capacity',
  'teachers_trained',
]);

export type IndicatorValues = Record<
  | 'schools_equipped'
  | 'classes_equipped'
  | 'devices_deployed'
  | 'pupils_covered'
  | 'co35_capacity'
  | 'teachers_trained',
  number
>;

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/** Every computed value of a programme, in one query. */
export async function indicatorValues(scope: Scope, programmeId: string): Promise<IndicatorValues> {
  const [r] = await rows<Record<string, number>>(
    scope.tx,
    sql`WITH prog AS (
          SELECT period_start, period_end FROM funding_programmes WHERE id = ${programmeId}),
        ps AS (
          SELECT school_id FROM funding_programme_schools WHERE programme_id = ${programmeId}),
        eq AS (
          SELECT a.id, a.school_id, a.room_id, a.class_id, c.role
            FROM assets a
            JOIN asset_models m ON m.id = a.model_id
            JOIN asset_categories c ON c.id = m.category_id
            LEFT JOIN purchase_order_lines ol ON ol.id = a.order_line_id
            LEFT JOIN purchase_orders po ON po.id = ol.order_id
            CROSS JOIN prog
           WHERE a.school_id IN (SELECT school_id FROM ps)
             AND a.status IN (${list(IN_SERVICE_STATUSES)})
             AND c.role IN (${list(EQUIPMENT_ROLES)})
             AND (po.programme_id = ${programmeId}
                  OR a.purchase_date BETWEEN prog.period_start AND prog.period_end)),
        cls AS (
          SELECT k.id, k.room_id, k.pupils
            FROM classes k
            JOIN ps ON ps.school_id = k.school_id
           WHERE k.year = (SELECT max(k2.year) FROM classes k2 WHERE k2.school_id = k.school_id)),
        eqcls AS (
          SELECT k.id, k.pupils FROM cls k
           WHERE k.id IN (SELECT class_id FROM eq WHERE role = 'projection' AND class_id IS NOT NULL)
              OR k.room_id IN (SELECT room_id FROM eq WHERE role = 'projection' AND room_id IS NOT NULL)),
        eqschools AS (SELECT DISTINCT school_id FROM eq)
        SELECT (SELECT count(*) FROM eqschools)::int AS schools_equipped,
               (SELECT count(*) FROM eqcls)::int AS classes_equipped,
               (SELECT coalesce(sum(pupils), 0) FROM eqcls)::int AS pupils_covered,
               (SELECT count(*) FROM eq)::int AS devices_deployed,
               (SELECT coalesce(sum(y.pupils), 0)
                  FROM eqschools e
                  LEFT JOIN LATERAL (SELECT sy.pupils FROM school_years sy
                                      WHERE sy.school_id = e.school_id
                                      ORDER BY sy.year DESC LIMIT 1) y ON true)::int AS co35_capacity,
               (SELECT count(DISTINCT coalesce(r.user_id, r.trainee_id))
                  FROM training_registrations r
                  JOIN training_sessions s ON s.id = r.session_id
                  CROSS JOIN prog
                 WHERE s.audience = 'teachers' AND s.status = 'held' AND r.attended
                   AND r.school_id IN (SELECT school_id FROM ps)
                   AND s.starts_at >= prog.period_start
                   AND s.starts_at < prog.period_end + 1)::int AS teachers_trained`,
  );
  return {
    schools_equipped: Number(r?.schools_equipped ?? 0),
    classes_equipped: Number(r?.classes_equipped ?? 0),
    devices_deployed: Number(r?.devices_deployed ?? 0),
    pupils_covered: Number(r?.pupils_covered ?? 0),
    co35_capacity: Number(r?.co35_capacity ?? 0),
    teachers_trained: Number(r?.teachers_trained ?? 0),
  };
}

/** value / target in basis points, rounded down; null without a value or a target. */
export function reachedBp(value: number | null, target: number): number | null {
  if (value === null || target <= 0) return null;
  return Number((BigInt(value) * 10_000n) / BigInt(target));
}

function present(i: IndicatorRow, values: IndicatorValues) {
  // teachers_trained: a value entered by hand wins (programmes before the training module).
  const computed = COMPUTED.has(i.source) && !(i.source === 'teachers_trained' && i.manualValue !== null);
  const value = computed ? values[i.source as keyof IndicatorValues] : i.manualValue;
  return {
    id: i.id,
    programmeId: i.programmeId,
    conventionId: i.conventionId,
    code: i.code,
    label: i.label,
    unit: i.unit,
    source: i.source,
    baseline: i.baseline,
    target: i.target,
    manualValue: i.manualValue,
    value,
    computed,
    reachedBp: reachedBp(value, i.target),
    position: i.position,
  };
}
export type Indicator = ReturnType<typeof present>;

export async function findIndicators(scope: Scope, programmeId: string): Promise<Indicator[]> {
  await programmeRow(scope, programmeId);
  const found = await scope.tx
    .select()
    .from(fundingIndicators)
    .where(eq(fundingIndicators.programmeId, programmeId))
    .orderBy(asc(fundingIndicators.position), asc(fundingIndicators.code));
  const values = await indicatorValues(scope, programmeId);
  return found.map((i) => present(i, values));
}

async function indicatorRow(scope: Scope, id: string): Promise<IndicatorRow> {
  const [row] = await scope.tx.select().from(fundingIndicators).where(eq(fundingIndicators.id, id)).for('update');
  if (!row) throw notFound('Indicator');
  return row;
}

async function assertRefs(
  scope: Scope,
  programmeId: string,
  code?: string,
  conventionId?: string | null,
  except?: string,
) {
  if (code !== undefined) {
    const [dup] = await scope.tx
      .select({ id: fundingIndicators.id })
      .from(fundingIndicators)
      .where(and(eq(fundingIndicators.programmeId, programmeId), eq(fundingIndicators.code, code)));
    if (dup && dup.id !== except)
      throw new AppError('CONFLICT', 'An indicator of this programme has this code', {
        fields: [{ path: 'body.code', message: 'already used', code: 'code_taken' }],
      });
  }
  if (conventionId) {
    const [c] = await scope.tx
      .select({ id: fundingConventions.id })
      .from(fundingConventions)
      .where(and(eq(fundingConventions.id, conventionId), eq(fundingConventions.programmeId, programmeId)));
    if (!c)
      throw new AppError('NOT_FOUND', 'Convention not found in this programme', {
        fields: [{ path: 'body.conventionId', message: 'not found' }],
      });
  }
}

async function presentOne(scope: Scope, row: IndicatorRow) {
  return present(row, await indicatorValues(scope, row.programmeId));
}

export async function createIndicator(
  scope: Scope,
  programmeId: string,
  input: CreateIndicatorInput,
  options: { audit?: boolean; values?: IndicatorValues } = {},
) {
  await programmeRow(scope, programmeId);
  await assertRefs(scope, programmeId, input.code, input.conventionId);
  const [row] = await scope.tx
    .insert(fundingIndicators)
    .values({ ...input, programmeId, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const after = options.values ? present(row, options.values) : await presentOne(scope, row);
  if (options.audit !== false)
    await recordAudit(scope, {
      action: 'funding.indicator_created',
      entityType: 'funding_indicator',
      entityId: row.id,
      after,
    });
  return after;
}

export async function updateIndicator(scope: Scope, id: string, input: UpdateIndicatorInput) {
  const beforeRow = await indicatorRow(scope, id);
  await assertRefs(scope, beforeRow.programmeId, input.code, input.conventionId, id);
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const [row] = await scope.tx
    .update(fundingIndicators)
    .set({ ...defined, updatedAt: new Date() })
    .where(eq(fundingIndicators.id, id))
    .returning();
  if (!row) throw notFound('Indicator');
  const after = await presentOne(scope, row);
  await recordAudit(scope, {
    action: 'funding.indicator_updated',
    entityType: 'funding_indicator',
    entityId: id,
    before: beforeRow,
    after,
  });
  return after;
}

export async function deleteIndicator(scope: Scope, id: string) {
  const before = await indicatorRow(scope, id);
  await scope.tx.delete(fundingIndicators).where(eq(fundingIndicators.id, id));
  await recordAudit(scope, {
    action: 'funding.indicator_deleted',
    entityType: 'funding_indicator',
    entityId: id,
    before,
  });
}

/**
 * The usual indicators of a digital-plan programme, created if their code
 * is not there yet (idempotent): schools equipped (target: the programme's
 * schools), classes equipped (target: `classesTarget`, default the classes
 * of the programme's schools), pupils covered and CO35 (target: the pupils
 * of the programme's schools, latest school year), teachers trained (computed
 * from attendance; target: one teacher per class of the target). CO35 is tied to the
 * programme's EU convention when there is one.
 */
export async function seedDefaultIndicators(
  scope: Scope,
  programmeId: string,
  options: { classesTarget?: number | undefined; audit?: boolean } = {},
): Promise<Indicator[]> {
  await programmeRow(scope, programmeId);
  const basis = await capBasis(scope, programmeId);
  const classesTarget = options.classesTarget ?? basis.classes;
  const [eu] = await scope.tx
    .select({ id: fundingConventions.id })
    .from(fundingConventions)
    .innerJoin(funders, eq(funders.id, fundingConventions.funderId))
    .where(and(eq(fundingConventions.programmeId, programmeId), sql`${funders.kind} in ('eu_feder', 'eu_react')`))
    .orderBy(asc(fundingConventions.rank))
    .limit(1);
  const defaults: CreateIndicatorInput[] = [
    {
      code: 'SCHOOLS',
      label: 'Écoles équipées',
      unit: 'écoles',
      source: 'schools_equipped',
      target: basis.schools,
      position: 1,
    },
    {
      code: 'CLASSES',
      label: 'Classes équipées',
      unit: 'classes',
      source: 'classes_equipped',
      target: classesTarget,
      position: 2,
    },
    {
      code: 'PUPILS',
      label: 'Élèves couverts',
      unit: 'élèves',
      source: 'pupils_covered',
      target: basis.pupils,
      position: 3,
    },
    {
      code: 'TEACHERS',
      label: 'Enseignants formés',
      unit: 'enseignants',
      source: 'teachers_trained',
      target: classesTarget,
      manualValue: null,
      position: 4,
    },
    {
      code: 'CO35',
      label: "CO35 — Capacité des infrastructures d'accueil d'enfants ou d'enseignement bénéficiant d'un soutien",
      unit: 'personnes',
      source: 'co35_capacity',
      conventionId: eu?.id ?? null,
      target: basis.pupils,
      position: 5,
    },
  ];
  const existing = new Set(
    (
      await scope.tx
        .select({ code: fundingIndicators.code })
        .from(fundingIndicators)
        .where(eq(fundingIndicators.programmeId, programmeId))
    ).map((r) => r.code),
  );
  const values = await indicatorValues(scope, programmeId);
  for (const d of defaults) {
    if (!existing.has(d.code)) await createIndicator(scope, programmeId, d, { audit: options.audit ?? true, values });
  }
  return findIndicators(scope, programmeId);
}
