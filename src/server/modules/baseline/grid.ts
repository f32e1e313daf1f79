import { z } from 'zod';
import { SERVICE_KINDS } from '../../db/schema/baseline.ts';
import { CATEGORY_ROLES } from '../../db/schema/inventory.ts';
import { SCHOOL_KINDS } from '../schools/schema.ts';

/**
 * The référentiel grid of the socle numérique (issue #7 point 1): a list of
 * criteria, each a rule over real data with its thresholds and the way its
 * gap is priced. A grid is saved as a new immutable version; the highest
 * version is the one in force.
 *
 * Rule kinds (the level follows from the kind):
 * - `class_device` (class): a device of one of `roles`, deployed, assigned to
 *   the class or installed in its classroom;
 * - `pupil_devices` (school): pooled pupil devices, `devicesPer4Classes` per
 *   4 classes (rounded up), optionally in a charging cart and enrolled in MDM;
 * - `internet` (school): an internet access with at least `minDownMbps`;
 * - `wifi` (school): deployed access points, one per `classesPerAccessPoint`
 *   classes (rounded up), optionally all switchable off;
 * - `service` (school): active subscriptions to services of `serviceKinds`
 *   (`any` of them, or `all` of them), a school server counting as a sharing
 *   service when `serverCounts`;
 * - `training` (school): the share of the school's teachers trained.
 */

const Slug = z.string().regex(/^[a-z0-9_]{2,40}$/, 'lowercase letters, digits and _ (2 to 40)');
const CategoryCode = z.string().regex(/^[a-z0-9_]{2,40}$/, 'a category code');
const Cents = z.int().min(0).max(100_000_000_00);
const Label = z.string().trim().min(1).max(200);

export const RuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('class_device'),
    roles: z.array(z.enum(CATEGORY_ROLES)).min(1).max(CATEGORY_ROLES.length),
    gapCategory: CategoryCode.meta({ description: 'Category bought to close the gap' }),
  }),
  z.strictObject({
    kind: z.literal('pupil_devices'),
    devicesPer4Classes: z.int().min(1).max(100),
    countOnLoan: z.boolean().meta({ description: 'Devices lent to families still count towards the pool' }),
    requireCart: z.boolean(),
    requireMdm: z.boolean(),
    gapCategory: CategoryCode,
    cartCategory: CategoryCode,
    cartCapacity: z.int().min(1).max(100),
    mdmCostPerDeviceCents: Cents,
  }),
  z.strictObject({
    kind: z.literal('internet'),
    minDownMbps: z.number().min(0).max(100_000),
    upgradeCostCents: Cents,
  }),
  z.strictObject({
    kind: z.literal('wifi'),
    classesPerAccessPoint: z.number().min(0.25).max(20),
    requireSwitchableOff: z.boolean(),
    gapCategory: CategoryCode,
    switchRetrofitCostCents: Cents,
  }),
  z.strictObject({
    kind: z.literal('service'),
    serviceKinds: z.array(z.enum(SERVICE_KINDS)).min(1).max(SERVICE_KINDS.length),
    mode: z.enum(['any', 'all']),
    serverCounts: z.boolean(),
    fallbackCostCents: Cents.meta({ description: 'Yearly cost when the catalogue has no price for the kind' }),
  }),
  z.strictObject({
    kind: z.literal('training'),
    minShareBp: z.int().min(1).max(10_000),
    costPerTeacherCents: Cents,
  }),
]);
export type Rule = z.infer<typeof RuleSchema>;

export const CriterionSchema = z.strictObject({
  key: Slug,
  labelFr: Label,
  labelEn: Label,
  weight: z.int().min(1).max(10),
  required: z.boolean().meta({ description: 'Needed for the socle (otherwise only scored)' }),
  rule: RuleSchema,
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const GridBodySchema = z
  .strictObject({
    name: Label,
    schoolKinds: z.array(z.enum(SCHOOL_KINDS)).min(1).max(SCHOOL_KINDS.length),
    criteria: z.array(CriterionSchema).min(1).max(40),
    note: z.string().max(2000).optional(),
    preset: z.string().max(40).nullable().optional(),
  })
  .superRefine((grid, ctx) => {
    const seen = new Set<string>();
    grid.criteria.forEach((c, i) => {
      if (seen.has(c.key)) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'key'], message: 'key already used' });
      seen.add(c.key);
    });
    if (new Set(grid.schoolKinds).size !== grid.schoolKinds.length)
      ctx.addIssue({ code: 'custom', path: ['schoolKinds'], message: 'duplicate kind' });
  });
export type GridBody = z.infer<typeof GridBodySchema>;

export type CriterionLevel = 'class' | 'school';
export const levelOf = (rule: Rule): CriterionLevel => (rule.kind === 'class_device' ? 'class' : 'school');

/**
 * The "SNEE 2021" preset: the référentiel annexed to the 2021 call for
 * projects "socle numérique dans les écoles élémentaires" (DOMAIN.md §3).
 * Thresholds where the text says "sufficient" are choices an admin edits:
 * 30 Mbit/s (the "très haut débit" threshold), one access point per class.
 */
export const SNEE_2021: GridBody = {
  name: 'Socle numérique de base — SNEE 2021',
  preset: 'snee_2021',
  note: "Référentiel annexé à l'appel à projets pour un socle numérique dans les écoles élémentaires (2021).",
  schoolKinds: ['elementaire', 'primaire', 'application'],
  criteria: [
    {
      key: 'class_projection',
      labelFr: 'Un système de projection par classe (VP, VPI, TNI ou ENI)',
      labelEn: 'One projection system per class (projector, interactive projector, whiteboard or display)',
      weight: 3,
      required: true,
      rule: { kind: 'class_device', roles: ['projection'], gapCategory: 'vpi' },
    },
    {
      key: 'class_teacher_computer',
      labelFr: "Un ordinateur pour l'enseignant par classe",
      labelEn: 'One teacher computer per class',
      weight: 2,
      required: true,
      rule: { kind: 'class_device', roles: ['teacher_computer'], gapCategory: 'teacher_laptop' },
    },
    {
      key: 'pupil_devices',
      labelFr: 'Équipements mobiles élèves mutualisés (10 pour 4 classes), en classe mobile, gérés en MDM',
      labelEn: 'Pooled mobile pupil devices (10 per 4 classes), in a charging cart, managed by MDM',
      weight: 3,
      required: true,
      rule: {
        kind: 'pupil_devices',
        devicesPer4Classes: 10,
        countOnLoan: true,
        requireCart: true,
        requireMdm: true,
        gapCategory: 'tablet',
        cartCategory: 'charging_cart',
        cartCapacity: 16,
        mdmCostPerDeviceCents: 0,
      },
    },
    {
      key: 'internet',
      labelFr: 'Accès internet à débit suffisant (≥ 30 Mbit/s)',
      labelEn: 'Internet access with sufficient bandwidth (≥ 30 Mbit/s)',
      weight: 2,
      required: true,
      rule: { kind: 'internet', minDownMbps: 30, upgradeCostCents: 150_000 },
    },
    {
      key: 'wifi',
      labelFr: 'Bornes wifi en nombre suffisant, désactivables',
      labelEn: 'Enough wifi access points, which can be switched off',
      weight: 2,
      required: true,
      rule: {
        kind: 'wifi',
        classesPerAccessPoint: 1,
        requireSwitchableOff: true,
        gapCategory: 'wifi_ap',
        switchRetrofitCostCents: 5_000,
      },
    },
    {
      key: 'sharing',
      labelFr: 'Un service de partage des travaux des élèves (ENT, cloud ou serveur)',
      labelEn: "A service to share pupils' work (ENT, cloud or school server)",
      weight: 1,
      required: true,
      rule: {
        kind: 'service',
        serviceKinds: ['ent', 'cloud', 'school_server'],
        mode: 'any',
        serverCounts: true,
        fallbackCostCents: 0,
      },
    },
    {
      key: 'services_resources',
      labelFr: 'Services et ressources numériques (abonnement ENT et ressources)',
      labelEn: 'Digital services and resources (ENT subscription and resources)',
      weight: 1,
      required: true,
      rule: {
        kind: 'service',
        serviceKinds: ['ent', 'resources'],
        mode: 'all',
        serverCounts: false,
        fallbackCostCents: 50_000,
      },
    },
    {
      key: 'training',
      labelFr: 'Accompagnement : enseignants formés (au moins la moitié)',
      labelEn: 'Accompaniment: teachers trained (at least half)',
      weight: 1,
      required: true,
      rule: { kind: 'training', minShareBp: 5_000, costPerTeacherCents: 0 },
    },
  ],
};

export const PRESETS: Record<string, GridBody> = { snee_2021: SNEE_2021 };
