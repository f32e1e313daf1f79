import { asc, desc, eq } from 'drizzle-orm';
import type { Scope } from '../../db/connection.ts';
import {
  assetCategories,
  assetModels,
  baselinePlans,
  funders,
  fundingConventions,
  fundingProgrammes,
  organisations,
} from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { ruleProblems } from '../funding/rules.ts';
import type { OrderLineInput } from '../procurement/schema.ts';
import { createOrder } from '../procurement/service.ts';
import { planWorkbook } from './plan-export.ts';
import { ITEM_KINDS, type PlanFunder, type PlanParams, type PlanResult, type PlanSchool, plan } from './planner.ts';
import type { PlanInput } from './schema.ts';
import { evaluate } from './service.ts';

/**
 * Plans (issue #7 point 4): the planner run on the live gap of every school
 * in the grid's scope, with the funders entered for a simulation or those
 * of a programme's conventions; saved as scenarios to compare side by side.
 */

const EUR = 100;

/** Funding presets offered by the UI (DOMAIN.md §3 and §1); editable before running. */
export const FUNDING_PRESETS: { key: string; funder: PlanFunder }[] = [
  {
    key: 'snee',
    funder: {
      name: 'État — SNEE 2021',
      rules: {
        equipment: {
          kind: 'tiered',
          mode: 'per_tranche',
          tiers: [
            { upToCents: 200_000 * EUR, rateBp: 7000 },
            { upToCents: 1_000_000 * EUR, rateBp: 5000 },
          ],
        },
        service: { kind: 'flat', rateBp: 5000 },
      },
    },
  },
  {
    key: 'feder',
    funder: {
      name: 'FEDER (REACT-EU)',
      rules: {
        equipment: { kind: 'flat', rateBp: 7869 },
        service: { kind: 'flat', rateBp: 7869 },
        works: { kind: 'flat', rateBp: 7869 },
        training: { kind: 'flat', rateBp: 7869 },
      },
    },
  },
];

/** The funders of a programme's conventions, in rank order, each rule applied to every kind of spend. */
async function programmeFunders(scope: Scope, programmeId: string): Promise<PlanFunder[]> {
  const [p] = await scope.tx
    .select({ id: fundingProgrammes.id })
    .from(fundingProgrammes)
    .where(eq(fundingProgrammes.id, programmeId));
  if (!p)
    throw new AppError('VALIDATION_FAILED', 'Unknown programme', {
      fields: [{ path: 'body.programmeId', message: 'unknown programme', code: 'unknown_programme' }],
    });
  const list = await scope.tx
    .select({ convention: fundingConventions, funder: funders.name })
    .from(fundingConventions)
    .innerJoin(funders, eq(funders.id, fundingConventions.funderId))
    .where(eq(fundingConventions.programmeId, programmeId))
    .orderBy(asc(fundingConventions.rank));
  return list.map(({ convention: c, funder }) => ({
    name: funder,
    rules: Object.fromEntries(ITEM_KINDS.map((k) => [k, c.rateRule])),
    caps: {
      totalCents: c.capTotalCents,
      perClassCents: c.capPerClassCents,
      perPupilCents: c.capPerPupilCents,
      perSchoolCents: c.capPerSchoolCents,
    },
  }));
}

async function paramsOf(scope: Scope, input: PlanInput): Promise<PlanParams> {
  const fields: { path: string; message: string; code: string }[] = [];
  if (input.period && input.period.end < input.period.start)
    fields.push({ path: 'body.period.end', message: 'before the start', code: 'end_before_start' });
  input.funders.forEach((f, i) => {
    for (const [kind, rule] of Object.entries(f.rules)) {
      if (!rule) continue;
      const problems = ruleProblems(rule);
      if (problems.length)
        fields.push({ path: `body.funders.${i}.rules.${kind}`, message: problems.join(', '), code: 'invalid_rule' });
    }
  });
  if (fields.length) throw new AppError('VALIDATION_FAILED', 'The plan parameters are not valid', { fields });
  const planFunders = input.programmeId ? await programmeFunders(scope, input.programmeId) : input.funders;
  return {
    budgetCents: input.budgetCents,
    budgetBasis: input.budgetBasis,
    objective: input.objective,
    weights: input.weights,
    funders: planFunders,
    period: input.period ?? null,
  };
}

function planSchools(e: Awaited<ReturnType<typeof evaluate>>): PlanSchool[] {
  return e.results
    .filter((x) => x.result.inScope)
    .map(({ facts: f, result: r }) => ({
      id: f.school.id,
      uai: f.school.uai,
      name: f.school.name,
      priorityEducation: f.school.priorityEducation,
      ips: f.school.ips,
      pupils: f.school.pupils ?? f.classes.reduce((n, c) => n + (c.pupils ?? 0), 0),
      classes: r.classesTotal,
      classesAtSocle: r.classesAtSocle,
      atSocle: r.atSocle,
      devicesPerPupil: r.devices.perPupil,
      equipmentAgeYears: f.equipmentAgeYears,
      gap: r.gap,
      gapComplete: r.gapComplete,
    }));
}

export async function previewPlan(scope: Scope, actor: Actor, input: PlanInput) {
  const params = await paramsOf(scope, input);
  const e = await evaluate(scope, actor);
  const result = plan(planSchools(e), params);
  return { grid: { version: e.grid.version, name: e.grid.name, stored: e.grid.stored }, on: e.on, result };
}

function present(p: typeof baselinePlans.$inferSelect) {
  const result = p.result as unknown as PlanResult;
  return {
    id: p.id,
    name: p.name,
    gridVersion: p.gridVersion,
    input: p.params as unknown as PlanInput,
    result,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
  };
}

export async function savePlan(scope: Scope, actor: Actor, name: string, input: PlanInput) {
  const { grid, result } = await previewPlan(scope, actor, input);
  const [saved] = await scope.tx
    .insert(baselinePlans)
    .values({
      organisationId: scope.organisationId,
      name,
      gridVersion: grid.version,
      params: input as unknown as Record<string, unknown>,
      result: result as unknown as Record<string, unknown>,
      createdBy: scope.userId,
    })
    .returning();
  if (!saved) throw new Error('plan not saved');
  await recordAudit(scope, {
    action: 'baseline.plan_saved',
    entityType: 'baseline_plan',
    entityId: saved.id,
    after: { name, budgetCents: input.budgetCents, objective: input.objective, totals: result.totals },
  });
  return present(saved);
}

export async function findPlans(scope: Scope) {
  const list = await scope.tx.select().from(baselinePlans).orderBy(desc(baselinePlans.createdAt));
  return list.map((p) => {
    const { result, ...rest } = present(p);
    return { ...rest, totals: result.totals };
  });
}

export async function getPlan(scope: Scope, id: string) {
  const [p] = await scope.tx.select().from(baselinePlans).where(eq(baselinePlans.id, id));
  if (!p) throw notFound('Plan');
  return present(p);
}

export async function deletePlan(scope: Scope, id: string) {
  const [p] = await scope.tx.select().from(baselinePlans).where(eq(baselinePlans.id, id));
  if (!p) throw notFound('Plan');
  await scope.tx.delete(baselinePlans).where(eq(baselinePlans.id, id));
  await recordAudit(scope, {
    action: 'baseline.plan_deleted',
    entityType: 'baseline_plan',
    entityId: id,
    before: { name: p.name },
  });
}

export async function planXlsx(scope: Scope, id: string, locale: 'fr' | 'en') {
  const p = await getPlan(scope, id);
  const [org] = await scope.tx.select({ name: organisations.name }).from(organisations);
  const buffer = await planWorkbook(p.result, {
    locale,
    planName: p.name,
    gridName: `${locale === 'fr' ? 'Grille' : 'Grid'} v${p.gridVersion}`,
    organisationName: org?.name ?? '',
  });
  return { name: p.name, buffer };
}

export interface PlanOrdersInput {
  supplierId: string;
  contractId?: string | null | undefined;
  programmeId?: string | null | undefined;
  costItemId?: string | null | undefined;
  orderedOn: string;
  number?: string | undefined;
}

const MAX_LINES = 500;

/**
 * Turns a saved plan into draft purchase orders (issue #7 point 4): one line
 * per selected school and equipment category (the category's model when it
 * has exactly one, otherwise none: the buyer picks it in the draft), and an
 * installation line where the category has an installation cost. Services,
 * works and training are not goods: they are listed as not ordered. Orders
 * of more than 500 lines are split. The drafts are edited and placed in the
 * purchasing pages like any other.
 */
export async function planOrders(scope: Scope, id: string, input: PlanOrdersInput) {
  const p = await getPlan(scope, id);
  const selected = p.result.choices.filter((c) => c.decision === 'selected');
  const cats = await scope.tx
    .select({ id: assetCategories.id, code: assetCategories.code, nameFr: assetCategories.nameFr })
    .from(assetCategories);
  const models = await scope.tx
    .select({ id: assetModels.id, categoryId: assetModels.categoryId })
    .from(assetModels)
    .where(eq(assetModels.archived, false));
  const byCode = new Map(cats.map((c) => [c.code, c]));
  const lines: OrderLineInput[] = [];
  const notOrdered: { schoolId: string; label: string; kind: string; totalCents: number }[] = [];
  for (const choice of selected) {
    const grouped = new Map<string, { quantity: number; unitCents: number; installCents: number }>();
    for (const item of choice.items) {
      if (item.kind !== 'equipment' || !item.categoryCode) {
        if (item.totalCents > 0 || item.kind !== 'equipment')
          notOrdered.push({
            schoolId: choice.schoolId,
            label: item.label,
            kind: item.kind,
            totalCents: item.totalCents,
          });
        continue;
      }
      const g = grouped.get(item.categoryCode) ?? {
        quantity: 0,
        unitCents: item.unitCents,
        installCents: item.installCents,
      };
      g.quantity += item.quantity;
      grouped.set(item.categoryCode, g);
    }
    for (const [code, g] of grouped) {
      const cat = byCode.get(code);
      const name = cat?.nameFr ?? code;
      const catModels = cat ? models.filter((m) => m.categoryId === cat.id) : [];
      lines.push({
        modelId: catModels.length === 1 ? (catModels[0]?.id ?? null) : null,
        description: `${name} — ${choice.name} (${choice.uai})`.slice(0, 1000),
        quantity: g.quantity,
        unitPriceCents: g.unitCents,
        schoolId: choice.schoolId,
        costItemId: null,
      });
      if (g.installCents > 0)
        lines.push({
          modelId: null,
          description: `Installation — ${name} — ${choice.name} (${choice.uai})`.slice(0, 1000),
          quantity: g.quantity,
          unitPriceCents: g.installCents,
          schoolId: choice.schoolId,
          costItemId: null,
        });
    }
  }
  if (lines.length === 0)
    throw new AppError('CONFLICT', 'The plan selects no equipment to order', {
      fields: [{ path: 'params.id', message: 'no equipment in the selected schools', code: 'nothing_to_order' }],
    });
  const base = input.number ?? `PLAN-${input.orderedOn.slice(0, 4)}-${id.slice(0, 8).toUpperCase()}`;
  const chunks = Math.ceil(lines.length / MAX_LINES);
  const orders = [];
  for (let i = 0; i < chunks; i++) {
    orders.push(
      await createOrder(scope, {
        number: chunks === 1 ? base : `${base}-${i + 1}`,
        supplierId: input.supplierId,
        contractId: input.contractId ?? null,
        programmeId: input.programmeId ?? null,
        costItemId: input.costItemId ?? null,
        orderedOn: input.orderedOn,
        notes: `Brouillon issu du plan « ${p.name} » (socle numérique).`,
        lines: lines.slice(i * MAX_LINES, (i + 1) * MAX_LINES),
      }),
    );
  }
  await recordAudit(scope, {
    action: 'baseline.plan_ordered',
    entityType: 'baseline_plan',
    entityId: id,
    after: { orders: orders.map((o) => o.id), lines: lines.length },
  });
  return {
    orders: orders.map((o) => ({ id: o.id, number: o.number, lines: o.lines.length, htCents: o.htCents })),
    notOrdered,
  };
}
