import { z } from 'zod';
import { CapsSchema, RateRuleSchema } from '../funding/schema.ts';
import { SCHOOL_KINDS } from '../schools/schema.ts';
import { CriterionSchema, GridBodySchema } from './grid.ts';

/**
 * Inputs and outputs of the socle numérique API (issue #7). Inputs are
 * strict; statuses: met, partly, missing, unknown (no data: not met).
 */

const IsoDate = z.iso.date({ error: 'invalid_date' });
const Cents = z.number().int();
const StatusSchema = z.enum(['met', 'partly', 'missing', 'unknown']).meta({ id: 'BaselineStatus' });
const Priority = z.enum(['none', 'REP', 'REP+']);
const Level = z.enum(['class', 'school']);

export const IdParams = z.object({ id: z.uuid() });
export const SchoolParams = z.object({ schoolId: z.uuid() });
export const VersionParams = z.object({ version: z.coerce.number().int().min(0).max(1_000_000) });
export const LangQuery = z.object({ lang: z.enum(['fr', 'en']).optional() }).strict();

export const GridInputSchema = GridBodySchema.meta({ id: 'BaselineGridBody' });

export const GridSchema = z
  .object({
    version: z.number().int(),
    name: z.string(),
    preset: z.string().nullable(),
    schoolKinds: z.array(z.enum(SCHOOL_KINDS)),
    criteria: z.array(CriterionSchema.extend({ level: Level })),
    note: z.string(),
    createdAt: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    stored: z.boolean().meta({ description: 'false: no grid saved yet, the SNEE 2021 preset applies (version 0)' }),
  })
  .meta({ id: 'BaselineGrid' });

export const GridVersionSchema = z
  .object({
    version: z.number().int(),
    name: z.string(),
    preset: z.string().nullable(),
    note: z.string(),
    createdAt: z.string(),
    createdBy: z.uuid().nullable(),
    criteria: z.number().int(),
  })
  .meta({ id: 'BaselineGridVersion' });

export const ComplianceQuerySchema = z
  .object({
    kind: z.enum(SCHOOL_KINDS).optional(),
    priority: Priority.optional(),
    status: z.enum(['at_socle', 'not_at_socle', 'out_of_scope']).optional(),
    circonscription: z.string().max(200).optional(),
    q: z.string().max(200).optional(),
  })
  .strict();

const GridRef = z.object({ version: z.number().int(), name: z.string(), stored: z.boolean() });
const CriterionRef = z.object({
  key: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  level: Level,
  required: z.boolean(),
  weight: z.number().int(),
});
const SummaryCriterion = z.object({
  key: z.string(),
  level: Level,
  status: StatusSchema,
  overridden: z.boolean(),
  classes: z
    .object({ met: z.number().int(), partly: z.number().int(), missing: z.number().int(), unknown: z.number().int() })
    .nullable(),
});

const SchoolRow = z
  .object({
    id: z.uuid(),
    uai: z.string(),
    name: z.string(),
    kind: z.string(),
    priorityEducation: Priority,
    ips: z.number().nullable(),
    circonscription: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    pupils: z.number().int().nullable(),
    year: z.number().int().nullable(),
    inScope: z.boolean(),
    atSocle: z.boolean(),
    scorePct: z.number(),
    classesTotal: z.number().int(),
    classesAtSocle: z.number().int(),
    pupilsAtSocle: z.number().int(),
    criteria: z.array(SummaryCriterion),
    gapCents: Cents,
    gapComplete: z.boolean(),
    pupilDevices: z.number().int(),
    devicesPerPupil: z.number().nullable(),
    equipmentAgeYears: z.number().nullable(),
  })
  .meta({ id: 'BaselineSchoolRow' });

const GroupTotals = {
  schools: z.number().int(),
  atSocle: z.number().int(),
  classes: z.number().int(),
  classesAtSocle: z.number().int(),
  pupils: z.number().int(),
  pupilsAtSocle: z.number().int(),
};

export const ComplianceSchema = z
  .object({
    grid: GridRef,
    on: z.string(),
    criteria: z.array(CriterionRef),
    totals: z.object({
      ...GroupTotals,
      outOfScope: z.number().int(),
      gapCents: Cents,
      byKind: z.array(z.object({ kind: z.string(), ...GroupTotals })),
      byPriority: z.array(z.object({ priority: Priority, ...GroupTotals })),
    }),
    schools: z.array(SchoolRow),
  })
  .meta({ id: 'BaselineCompliance' });

const AssetRef = z.object({ id: z.uuid(), tag: z.string(), categoryCode: z.string() });
const OverrideSchema = z
  .object({
    id: z.uuid(),
    schoolId: z.uuid(),
    classId: z.uuid().nullable(),
    criterionKey: z.string(),
    status: z.enum(['met', 'partly', 'missing']),
    justification: z.string(),
    evidence: z.string(),
    expiresOn: z.string().nullable(),
    recordedBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'BaselineOverride' });

const CriterionResult = z
  .object({
    key: z.string(),
    level: Level,
    status: StatusSchema,
    computedStatus: StatusSchema,
    override: z
      .object({
        id: z.uuid(),
        classId: z.uuid().nullable(),
        criterionKey: z.string(),
        status: z.enum(['met', 'partly', 'missing']),
        justification: z.string(),
        evidence: z.string(),
        expiresOn: z.string().nullable(),
        updatedAt: z.string(),
      })
      .nullable(),
    reasons: z.array(z.string()),
    measures: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
    evidence: z.object({
      assets: z.array(AssetRef),
      subscriptions: z.array(z.object({ id: z.uuid(), serviceName: z.string(), kind: z.string() })),
    }),
  })
  .meta({ id: 'BaselineCriterionResult' });

export const GapItemSchema = z
  .object({
    criterionKey: z.string(),
    classId: z.uuid().nullable(),
    label: z.string(),
    kind: z.enum(['equipment', 'service', 'works', 'training']),
    categoryCode: z.string().nullable(),
    quantity: z.number().int(),
    unitCents: Cents,
    installCents: Cents,
    totalCents: Cents,
  })
  .meta({ id: 'BaselineGapItem' });

const Categories = z.record(z.string(), z.object({ nameFr: z.string(), nameEn: z.string() }));

export const SchoolBaselineSchema = z
  .object({
    grid: GridRef,
    on: z.string(),
    criteria: z.array(CriterionRef),
    school: SchoolRow,
    schoolCriteria: z.array(CriterionResult),
    classes: z.array(
      z.object({
        classId: z.uuid(),
        name: z.string(),
        pupils: z.number().int().nullable(),
        roomId: z.uuid().nullable(),
        atSocle: z.boolean(),
        criteria: z.array(CriterionResult),
      }),
    ),
    gap: z.array(GapItemSchema),
    categories: Categories,
  })
  .meta({ id: 'BaselineSchool' });

export const GapReportSchema = z
  .object({
    grid: GridRef,
    on: z.string(),
    criteria: z.array(CriterionRef),
    categories: Categories,
    totals: z.object({
      schools: z.number().int(),
      gapCents: Cents,
      complete: z.boolean(),
      byCriterion: z.array(z.object({ key: z.string(), cents: Cents })),
      byKind: z.array(z.object({ kind: z.string(), cents: Cents })),
    }),
    schools: z.array(
      z.object({
        id: z.uuid(),
        uai: z.string(),
        name: z.string(),
        classesTotal: z.number().int(),
        classesAtSocle: z.number().int(),
        gapCents: Cents,
        gapComplete: z.boolean(),
        items: z.array(GapItemSchema.extend({ className: z.string().nullable() })),
      }),
    ),
  })
  .meta({ id: 'BaselineGap' });

export const EquitySchema = z
  .object({
    grid: GridRef,
    on: z.string(),
    groups: z.array(
      z.object({
        priority: Priority,
        schools: z.number().int(),
        atSocle: z.number().int(),
        pupils: z.number().int(),
        pupilDevices: z.number().int(),
        devicesPerPupil: z.number().nullable(),
        meanIps: z.number().nullable(),
        meanScorePct: z.number().nullable(),
      }),
    ),
    schools: z.array(
      z.object({
        id: z.uuid(),
        uai: z.string(),
        name: z.string(),
        priorityEducation: Priority,
        ips: z.number().nullable(),
        pupils: z.number().int().nullable(),
        pupilDevices: z.number().int(),
        devicesPerPupil: z.number().nullable(),
        atSocle: z.boolean(),
        scorePct: z.number(),
        equipmentAgeYears: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'BaselineEquity' });

export const OverrideInputSchema = z
  .object({
    schoolId: z.uuid(),
    classId: z.uuid().nullable().optional(),
    criterionKey: z.string().regex(/^[a-z0-9_]{2,40}$/),
    status: z.enum(['met', 'partly', 'missing']),
    justification: z.string().trim().min(3).max(2000),
    evidence: z.string().trim().min(3).max(1000),
    expiresOn: IsoDate.nullable().optional(),
  })
  .strict()
  .meta({ id: 'BaselineOverrideBody' });
export const OverrideListQuery = z.object({ schoolId: z.uuid().optional() }).strict();
export { OverrideSchema };

// Plans -------------------------------------------------------------------

const KindRules = z
  .object({
    equipment: RateRuleSchema.optional(),
    service: RateRuleSchema.optional(),
    works: RateRuleSchema.optional(),
    training: RateRuleSchema.optional(),
  })
  .strict();
const Weight = z.number().min(0).max(5);

export const PlanInputSchema = z
  .object({
    budgetCents: z.number().int().min(1).max(1_000_000_000_00),
    budgetBasis: z
      .enum(['total', 'own_share'])
      .meta({ description: 'The budget caps the spend HT, or the city’s own share' }),
    objective: z.enum(['classes', 'pupils']),
    weights: z
      .object({ repPlus: Weight, rep: Weight, lowIps: Weight, lowDevices: Weight, oldEquipment: Weight })
      .strict(),
    funders: z
      .array(
        z.object({ name: z.string().trim().min(1).max(200), rules: KindRules, caps: CapsSchema.optional() }).strict(),
      )
      .max(6)
      .default([]),
    programmeId: z
      .uuid()
      .nullable()
      .optional()
      .meta({ description: 'Take the funders from this programme’s conventions' }),
    period: z.object({ start: IsoDate, end: IsoDate }).strict().nullable().optional(),
  })
  .strict()
  .meta({ id: 'BaselinePlanParams' });
export type PlanInput = z.infer<typeof PlanInputSchema>;

export const SavePlanSchema = z
  .object({ name: z.string().trim().min(1).max(200), input: PlanInputSchema })
  .strict()
  .meta({ id: 'BaselineSavePlanBody' });

const PlanChoiceSchema = z.object({
  schoolId: z.uuid(),
  uai: z.string(),
  name: z.string(),
  rank: z.number().int(),
  decision: z.enum(['selected', 'over_budget', 'already_at_socle', 'gap_not_priced', 'nothing_to_gain']),
  benefit: z.number(),
  factors: z.object({
    repPlus: z.number(),
    rep: z.number(),
    lowIps: z.number(),
    lowDevices: z.number(),
    oldEquipment: z.number(),
  }),
  multiplier: z.number(),
  costCents: Cents,
  basisCostCents: Cents,
  addedCents: Cents.nullable(),
  scorePerThousandEuros: z.number(),
  items: z.array(GapItemSchema),
});
const PlanTotals = z.object({
  spendCents: Cents,
  aid: z.array(z.object({ name: z.string(), cents: Cents })),
  aidCents: Cents,
  ownShareCents: Cents,
  budgetUsedCents: Cents,
  budgetLeftCents: Cents,
  classesReached: z.number().int(),
  pupilsReached: z.number().int(),
  schoolsSelected: z.number().int(),
  schoolsLeftOut: z.number().int(),
  classesLeftOut: z.number().int(),
  schoolsOverBudget: z.number().int(),
  byKind: z.object({ equipment: Cents, service: Cents, works: Cents, training: Cents }),
});
const PlanResultSchema = z.object({
  params: z.unknown(),
  choices: z.array(PlanChoiceSchema),
  totals: PlanTotals,
});
export const PlanPreviewSchema = z
  .object({ grid: GridRef, on: z.string(), result: PlanResultSchema })
  .meta({ id: 'BaselinePlanPreview' });
const planFields = {
  id: z.uuid(),
  name: z.string(),
  gridVersion: z.number().int(),
  input: z.unknown(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
};
export const PlanSchema = z.object({ ...planFields, result: PlanResultSchema }).meta({ id: 'BaselinePlan' });
export const PlanSummarySchema = z.object({ ...planFields, totals: PlanTotals }).meta({ id: 'BaselinePlanSummary' });
export const FundingPresetSchema = z
  .object({
    key: z.string(),
    funder: z.object({ name: z.string(), rules: KindRules, caps: CapsSchema.optional() }),
  })
  .meta({ id: 'BaselineFundingPreset' });

export const PlanOrdersInputSchema = z
  .object({
    supplierId: z.uuid(),
    contractId: z.uuid().nullable().optional(),
    programmeId: z.uuid().nullable().optional(),
    costItemId: z.uuid().nullable().optional(),
    orderedOn: IsoDate,
    number: z.string().trim().min(1).max(50).optional(),
  })
  .strict()
  .meta({ id: 'BaselinePlanOrdersBody' });
export const PlanOrdersSchema = z
  .object({
    orders: z.array(z.object({ id: z.uuid(), number: z.string(), lines: z.number().int(), htCents: Cents })),
    notOrdered: z.array(z.object({ schoolId: z.uuid(), label: z.string(), kind: z.string(), totalCents: Cents })),
  })
  .meta({ id: 'BaselinePlanOrders' });
