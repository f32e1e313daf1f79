import type { Criterion, CriterionLevel, Rule } from './grid.ts';
import { levelOf } from './grid.ts';
import type { ItemKind, PlanGapItem } from './planner.ts';

/**
 * The socle numérique, computed (issue #7 points 2 and 3): pure functions
 * from the facts of one school (loaded by `facts.ts`) and a grid to the
 * status of every criterion, with its evidence, for the school and each of
 * its classes, and the priced gap. No database here, so every rule is
 * tested on hand-made facts (rules.test.ts).
 *
 * Decisions (also in the module README):
 * - only what works today counts: a device in repair, in stock or lost does
 *   not equip a class; class devices must be `deployed`;
 * - a class device counts for a class when assigned to the class, or when it
 *   is installed in the class's room; a class without a room is equipped only
 *   by devices assigned to it (reason `no_room` otherwise);
 * - pupil devices count for the school they are recorded at (deployed, in a
 *   cart, and — when the rule says so, as in the preset — on loan to a family:
 *   lending is what the pool is for, and a school must not fall below the
 *   socle because it lent devices in a crisis); devices in repair never count;
 * - a charging cart counts for a school when the cart is deployed there, or
 *   when the school's own counted devices sit in it: a cart shared by two
 *   schools serves both, but each school's devices count once, for itself;
 * - a manager's override (with justification and evidence, optionally until
 *   a date) replaces the computed status; both are shown;
 * - a class reaches the socle when its class criteria are met and its school
 *   meets the school criteria; a school reaches it when every required
 *   criterion is met for the school and for every class. Statuses: met,
 *   partly, missing, unknown (no data to decide: counts as not met).
 */

export type Status = 'met' | 'partly' | 'missing' | 'unknown';

export interface ClassFact {
  id: string;
  name: string;
  roomId: string | null;
  pupils: number | null;
}
export interface AssetRef {
  id: string;
  tag: string;
  categoryCode: string;
}
export interface ClassDeviceFact extends AssetRef {
  role: string;
  classId: string | null;
  roomId: string | null;
}
export interface PupilDeviceCounts {
  /** counts per status among deployed, in_cart, on_loan, in_repair */
  deployed: number;
  inCart: number;
  onLoan: number;
  inRepair: number;
  /** enrolled in MDM, per counted status */
  mdmDeployed: number;
  mdmInCart: number;
  mdmOnLoan: number;
  /** a few tags of counted devices not enrolled */
  notEnrolledSample: AssetRef[];
}
export interface NetworkFact {
  internetAccess: string | null;
  bandwidthDownMbps: number | null;
  wifiPresent: boolean | null;
}
export interface SubscriptionFact {
  id: string;
  serviceName: string;
  kind: string;
}
export interface OverrideFact {
  id: string;
  classId: string | null;
  criterionKey: string;
  status: 'met' | 'partly' | 'missing';
  justification: string;
  evidence: string;
  expiresOn: string | null;
  updatedAt: string;
}
export interface SchoolFacts {
  school: {
    id: string;
    uai: string;
    name: string;
    kind: string;
    priorityEducation: 'none' | 'REP' | 'REP+';
    ips: number | null;
    pupils: number | null;
    circonscription: string | null;
    latitude: number | null;
    longitude: number | null;
  };
  /** the classes of the school's latest year */
  year: number | null;
  classes: ClassFact[];
  classDevices: ClassDeviceFact[];
  pupilDevices: PupilDeviceCounts;
  carts: AssetRef[];
  accessPoints: { count: number; notSwitchable: AssetRef[] };
  servers: AssetRef[];
  network: NetworkFact | null;
  subscriptions: SubscriptionFact[];
  /** null: no training data for the school */
  training: { teachers: number; trained: number } | null;
  overrides: OverrideFact[];
  /** average age in years of the deployed class devices (null: no dates) */
  equipmentAgeYears: number | null;
}

export interface Prices {
  /** reference unit and installation price of a category; null when unknown */
  category(code: string): { unitCents: number; installCents: number } | null;
  /** yearly price of a service of this kind for a school of `pupils`; null when unknown */
  service(kind: string, pupils: number): { cents: number; name: string } | null;
}

export interface Evidence {
  assets: AssetRef[];
  subscriptions: SubscriptionFact[];
}
export interface CriterionResult {
  key: string;
  level: CriterionLevel;
  status: Status;
  computedStatus: Status;
  override: OverrideFact | null;
  reasons: string[];
  measures: Record<string, number | string | boolean | null>;
  evidence: Evidence;
}
export interface ClassResult {
  classId: string;
  name: string;
  pupils: number | null;
  roomId: string | null;
  atSocle: boolean;
  criteria: CriterionResult[];
}
export interface SchoolSummaryCriterion {
  key: string;
  level: CriterionLevel;
  status: Status;
  overridden: boolean;
  classes: { met: number; partly: number; missing: number; unknown: number } | null;
}
export interface SchoolResult {
  schoolId: string;
  inScope: boolean;
  atSocle: boolean;
  scorePct: number;
  classesTotal: number;
  classesAtSocle: number;
  pupilsAtSocle: number;
  /** one per criterion: the school's result (school level) or the aggregate of its classes */
  summary: SchoolSummaryCriterion[];
  /** school-level criteria with their evidence */
  criteria: CriterionResult[];
  classes: ClassResult[];
  gap: PlanGapItem[];
  gapCents: number;
  /** false when part of the gap has no price (a category without reference price) */
  gapComplete: boolean;
  devices: { pupilDevices: number; perPupil: number | null };
}

const EMPTY: Evidence = { assets: [], subscriptions: [] };
const SAMPLE = 20;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function applyOverride(
  base: Computed,
  overrides: readonly OverrideFact[],
  classId: string | null,
  on: string,
): CriterionResult {
  const o = overrides.find(
    (x) => x.criterionKey === base.key && x.classId === classId && (x.expiresOn === null || x.expiresOn >= on),
  );
  const { computed, ...rest } = base;
  return { ...rest, status: o ? o.status : computed, computedStatus: computed, override: o ?? null };
}

/** Class devices of `roles` serving a class: assigned to it, or in its room. */
export function devicesOfClass(devices: readonly ClassDeviceFact[], cls: ClassFact, roles: readonly string[]) {
  return devices.filter(
    (d) => roles.includes(d.role) && (d.classId === cls.id || (cls.roomId !== null && d.roomId === cls.roomId)),
  );
}

function evaluateClassCriterion(
  c: Criterion & { rule: Extract<Rule, { kind: 'class_device' }> },
  facts: SchoolFacts,
  cls: ClassFact,
): Computed {
  const found = devicesOfClass(facts.classDevices, cls, c.rule.roles);
  const reasons: string[] = [];
  if (found.length === 0) reasons.push(cls.roomId === null ? 'no_room' : 'no_device');
  return {
    key: c.key,
    level: 'class' as const,
    computed: (found.length > 0 ? 'met' : 'missing') as Status,
    reasons,
    measures: { devices: found.length },
    evidence: {
      assets: found.slice(0, SAMPLE).map(({ id, tag, categoryCode }) => ({ id, tag, categoryCode })),
      subscriptions: [],
    },
  };
}

export function requiredPupilDevices(perFour: number, classes: number): number {
  return Math.ceil((perFour * classes) / 4);
}

type Computed = Omit<CriterionResult, 'status' | 'computedStatus' | 'override'> & { computed: Status };

function evaluateSchoolCriterion(c: Criterion, facts: SchoolFacts): Computed {
  const rule = c.rule;
  const reasons: string[] = [];
  const classes = facts.classes.length;
  const base = { key: c.key, level: 'school' as const };
  switch (rule.kind) {
    case 'class_device':
      throw new Error('class criterion evaluated at school level');
    case 'pupil_devices': {
      const p = facts.pupilDevices;
      const counted = p.deployed + p.inCart + (rule.countOnLoan ? p.onLoan : 0);
      const enrolled = p.mdmDeployed + p.mdmInCart + (rule.countOnLoan ? p.mdmOnLoan : 0);
      const required = requiredPupilDevices(rule.devicesPer4Classes, classes);
      const hasCart = facts.carts.length > 0 || p.inCart > 0;
      let computed: Status;
      if (classes === 0) {
        computed = 'unknown';
        reasons.push('no_classes');
      } else if (counted === 0) {
        computed = 'missing';
        reasons.push('no_device');
      } else {
        if (counted < required) reasons.push('below_threshold');
        if (rule.requireCart && !hasCart) reasons.push('no_cart');
        if (rule.requireMdm && enrolled < counted) reasons.push('not_in_mdm');
        computed = reasons.length ? 'partly' : 'met';
      }
      return {
        ...base,
        computed,
        reasons,
        measures: {
          required,
          counted,
          onLoan: p.onLoan,
          inRepair: p.inRepair,
          enrolled,
          carts: facts.carts.length,
          inCart: p.inCart,
        },
        evidence: {
          assets: [...facts.carts.slice(0, 5), ...(rule.requireMdm ? p.notEnrolledSample : [])].slice(0, SAMPLE),
          subscriptions: [],
        },
      };
    }
    case 'internet': {
      const n = facts.network;
      let computed: Status;
      if (!n || n.internetAccess === null) {
        computed = 'unknown';
        reasons.push('no_network_facts');
      } else if (n.internetAccess === 'none') {
        computed = 'missing';
        reasons.push('no_access');
      } else if (n.bandwidthDownMbps === null) {
        computed = 'partly';
        reasons.push('bandwidth_unknown');
      } else if (n.bandwidthDownMbps < rule.minDownMbps) {
        computed = 'partly';
        reasons.push('below_threshold');
      } else computed = 'met';
      return {
        ...base,
        computed,
        reasons,
        measures: {
          access: n?.internetAccess ?? null,
          downMbps: n?.bandwidthDownMbps ?? null,
          requiredMbps: rule.minDownMbps,
        },
        evidence: EMPTY,
      };
    }
    case 'wifi': {
      const ap = facts.accessPoints;
      const required = classes === 0 ? 0 : Math.ceil(classes / rule.classesPerAccessPoint);
      let computed: Status;
      if (classes === 0) {
        computed = 'unknown';
        reasons.push('no_classes');
      } else if (ap.count === 0) {
        computed = 'missing';
        reasons.push(facts.network?.wifiPresent ? 'access_points_not_recorded' : 'no_access_point');
      } else {
        if (ap.count < required) reasons.push('below_threshold');
        if (rule.requireSwitchableOff && ap.notSwitchable.length > 0) reasons.push('not_switchable');
        computed = reasons.length ? 'partly' : 'met';
      }
      return {
        ...base,
        computed,
        reasons,
        measures: { required, accessPoints: ap.count, notSwitchable: ap.notSwitchable.length },
        evidence: { assets: rule.requireSwitchableOff ? ap.notSwitchable.slice(0, SAMPLE) : [], subscriptions: [] },
      };
    }
    case 'service': {
      const subs = facts.subscriptions.filter((s) => (rule.serviceKinds as readonly string[]).includes(s.kind));
      const kindsHeld = new Set(subs.map((s) => s.kind));
      const servers = rule.serverCounts ? facts.servers : [];
      if (servers.length) kindsHeld.add('school_server');
      const wanted = rule.serviceKinds;
      const held = wanted.filter((k) => kindsHeld.has(k)).length;
      let computed: Status;
      if (rule.mode === 'any') computed = held > 0 ? 'met' : 'missing';
      else computed = held === wanted.length ? 'met' : held > 0 ? 'partly' : 'missing';
      const missingKinds = wanted.filter((k) => !kindsHeld.has(k));
      if (computed !== 'met') reasons.push('no_subscription');
      return {
        ...base,
        computed,
        reasons,
        measures: { held, wanted: rule.mode === 'any' ? 1 : wanted.length, missingKinds: missingKinds.join(',') },
        evidence: { assets: servers.slice(0, 5), subscriptions: subs.slice(0, SAMPLE) },
      };
    }
    case 'training': {
      const t = facts.training;
      let computed: Status;
      let shareBp: number | null = null;
      if (!t || t.teachers === 0) {
        computed = 'unknown';
        reasons.push('no_training_data');
      } else {
        shareBp = Math.floor((Math.min(t.trained, t.teachers) * 10_000) / t.teachers);
        if (shareBp >= rule.minShareBp) computed = 'met';
        else {
          computed = t.trained > 0 ? 'partly' : 'missing';
          reasons.push('below_threshold');
        }
      }
      return {
        ...base,
        computed,
        reasons,
        measures: {
          teachers: t?.teachers ?? null,
          trained: t?.trained ?? null,
          shareBp,
          requiredShareBp: rule.minShareBp,
        },
        evidence: EMPTY,
      };
    }
  }
}

const VALUE: Record<Status, number> = { met: 1, partly: 0.5, missing: 0, unknown: 0 };

function item(
  c: Criterion,
  classId: string | null,
  label: string,
  kind: ItemKind,
  categoryCode: string | null,
  quantity: number,
  unitCents: number,
  installCents: number,
): PlanGapItem {
  return {
    criterionKey: c.key,
    classId,
    label,
    kind,
    categoryCode,
    quantity,
    unitCents,
    installCents,
    totalCents: quantity * (unitCents + installCents),
  };
}

/**
 * What to buy or do so that a criterion is met. Returns the items and
 * whether they could all be priced. A criterion overridden as met has no gap.
 */
function gapOf(
  c: Criterion,
  r: CriterionResult,
  facts: SchoolFacts,
  prices: Prices,
  cls: ClassFact | null,
): { items: PlanGapItem[]; priced: boolean } {
  if (r.status === 'met') return { items: [], priced: true };
  const rule = c.rule;
  const items: PlanGapItem[] = [];
  let priced = true;
  const equipment = (code: string, quantity: number, classId: string | null) => {
    if (quantity <= 0) return;
    const p = prices.category(code);
    if (!p) priced = false;
    items.push(item(c, classId, code, 'equipment', code, quantity, p?.unitCents ?? 0, p?.installCents ?? 0));
  };
  switch (rule.kind) {
    case 'class_device':
      equipment(rule.gapCategory, 1, cls?.id ?? null);
      break;
    case 'pupil_devices': {
      const m = r.measures as { required: number; counted: number; enrolled: number; carts: number; inCart: number };
      const missing = Math.max(0, m.required - m.counted);
      equipment(rule.gapCategory, missing, null);
      if (rule.requireCart) {
        const cartsNeeded = Math.ceil(Math.max(m.required, m.counted) / rule.cartCapacity);
        const cartsHeld = m.carts > 0 ? m.carts : m.inCart > 0 ? 1 : 0;
        equipment(rule.cartCategory, Math.max(0, cartsNeeded - cartsHeld), null);
      }
      if (rule.requireMdm) {
        const toEnrol = Math.max(m.required, m.counted) - m.enrolled;
        if (toEnrol > 0) items.push(item(c, null, 'MDM', 'service', null, toEnrol, rule.mdmCostPerDeviceCents, 0));
      }
      break;
    }
    case 'internet':
      items.push(item(c, null, 'internet', 'works', null, 1, rule.upgradeCostCents, 0));
      break;
    case 'wifi': {
      const m = r.measures as { required: number; accessPoints: number; notSwitchable: number };
      equipment(rule.gapCategory, Math.max(0, m.required - m.accessPoints), null);
      if (rule.requireSwitchableOff && m.notSwitchable > 0)
        items.push(item(c, null, 'wifi_switch', 'works', null, m.notSwitchable, rule.switchRetrofitCostCents, 0));
      break;
    }
    case 'service': {
      const held = new Set(r.evidence.subscriptions.map((s) => s.kind));
      if (r.evidence.assets.length) held.add('school_server');
      const missingKinds =
        rule.mode === 'any'
          ? held.size
            ? []
            : [rule.serviceKinds[0] as string]
          : rule.serviceKinds.filter((k) => !held.has(k));
      for (const kind of missingKinds) {
        const p = prices.service(kind, facts.school.pupils ?? 0);
        items.push(item(c, null, p?.name ?? kind, 'service', null, 1, p?.cents ?? rule.fallbackCostCents, 0));
      }
      break;
    }
    case 'training': {
      const m = r.measures as { teachers: number | null; trained: number | null };
      const teachers = m.teachers ?? facts.classes.length;
      const trained = m.trained ?? 0;
      const needed = Math.max(1, Math.ceil((teachers * rule.minShareBp) / 10_000) - trained);
      items.push(item(c, null, 'training', 'training', null, needed, rule.costPerTeacherCents, 0));
      break;
    }
  }
  return { items, priced };
}

/** The socle of one school under a grid. */
export function evaluateSchool(
  criteria: readonly Criterion[],
  schoolKinds: readonly string[],
  facts: SchoolFacts,
  prices: Prices,
  on: string = today(),
): SchoolResult {
  const classCriteria = criteria.filter((c) => levelOf(c.rule) === 'class') as (Criterion & {
    rule: Extract<Rule, { kind: 'class_device' }>;
  })[];
  const schoolCriteria = criteria.filter((c) => levelOf(c.rule) === 'school');
  const gap: PlanGapItem[] = [];
  let gapComplete = true;
  const addGap = (g: { items: PlanGapItem[]; priced: boolean }) => {
    gap.push(...g.items);
    if (!g.priced) gapComplete = false;
  };

  const schoolResults = schoolCriteria.map((c) => {
    const r = applyOverride(evaluateSchoolCriterion(c, facts), facts.overrides, null, on);
    addGap(gapOf(c, r, facts, prices, null));
    return r;
  });
  const schoolMet = schoolCriteria.every((c, i) => !c.required || schoolResults[i]?.status === 'met');

  const classResults: ClassResult[] = facts.classes.map((cls) => {
    const results = classCriteria.map((c) => {
      // A school-level override of a class criterion applies to every class, a class one to its class.
      const own = facts.overrides.filter((o) => o.classId === cls.id);
      const schoolWide = facts.overrides.filter((o) => o.classId === null).map((o) => ({ ...o, classId: cls.id }));
      const r = applyOverride(evaluateClassCriterion(c, facts, cls), [...own, ...schoolWide], cls.id, on);
      addGap(gapOf(c, r, facts, prices, cls));
      return r;
    });
    const classMet = classCriteria.every((c, i) => !c.required || results[i]?.status === 'met');
    return {
      classId: cls.id,
      name: cls.name,
      pupils: cls.pupils,
      roomId: cls.roomId,
      atSocle: classMet && schoolMet,
      criteria: results,
    };
  });

  const summary: SchoolSummaryCriterion[] = criteria.map((c) => {
    if (levelOf(c.rule) === 'school') {
      const r = schoolResults[schoolCriteria.indexOf(c)] as CriterionResult;
      return { key: c.key, level: 'school', status: r.status, overridden: r.override !== null, classes: null };
    }
    const idx = classCriteria.indexOf(c as (typeof classCriteria)[number]);
    const counts = { met: 0, partly: 0, missing: 0, unknown: 0 };
    let overridden = false;
    for (const cr of classResults) {
      const r = cr.criteria[idx] as CriterionResult;
      counts[r.status] += 1;
      if (r.override) overridden = true;
    }
    const total = classResults.length;
    const status: Status =
      total === 0 ? 'unknown' : counts.met === total ? 'met' : counts.met + counts.partly > 0 ? 'partly' : 'missing';
    return { key: c.key, level: 'class', status, overridden, classes: counts };
  });

  // Score: weighted mean of criterion values; a class criterion is worth the share of its classes.
  let weighted = 0;
  let weights = 0;
  criteria.forEach((c, i) => {
    const s = summary[i] as SchoolSummaryCriterion;
    const value = s.classes
      ? (s.classes.met + 0.5 * s.classes.partly) / Math.max(1, facts.classes.length)
      : VALUE[s.status];
    weighted += c.weight * value;
    weights += c.weight;
  });
  const scorePct = weights ? Math.round((weighted / weights) * 1000) / 10 : 0;
  const classesAtSocle = classResults.filter((c) => c.atSocle).length;
  const pupilsAtSocle = classResults.filter((c) => c.atSocle).reduce((n, c) => n + (c.pupils ?? 0), 0);
  const atSocle =
    facts.classes.length > 0 &&
    criteria.every((c, i) => !c.required || (summary[i] as SchoolSummaryCriterion).status === 'met');
  const p = facts.pupilDevices;
  const pupilDevices = p.deployed + p.inCart + p.onLoan;
  const pupils = facts.school.pupils;
  return {
    schoolId: facts.school.id,
    inScope: schoolKinds.includes(facts.school.kind),
    atSocle,
    scorePct,
    classesTotal: facts.classes.length,
    classesAtSocle,
    pupilsAtSocle,
    summary,
    criteria: schoolResults,
    classes: classResults,
    gap,
    gapCents: gap.reduce((n, g) => n + g.totalCents, 0),
    gapComplete,
    devices: { pupilDevices, perPupil: pupils ? Math.round((pupilDevices / pupils) * 1000) / 1000 : null },
  };
}
