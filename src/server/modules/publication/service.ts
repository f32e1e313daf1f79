import { sql } from 'drizzle-orm';
import { type Database, rows, type Scope } from '../../db/connection.ts';
import { CATEGORY_ROLES } from '../../db/schema.ts';
import { loadFacts, loadPrices } from '../baseline/facts.ts';
import { evaluateSchool } from '../baseline/rules.ts';
import { gridInForce } from '../baseline/service.ts';
import { findIndicators } from '../funding/indicators.ts';
import { parisToday, publicityMentions } from '../funding/publicity.ts';
import { programmeShares } from '../funding/shares.ts';
import { parseSettings } from '../organisations/settings.ts';

/**
 * What the public transparency page and the open data show (issue #9,
 * points 3 and 4): aggregates only. Nothing here reads a person: no user,
 * household, pupil, trainee, supplier (a supplier may be a sole trader) or
 * free-text field of an expense line — only programmes, their cost items,
 * funders, indicators, schools (public reference data: annuaire de
 * l'éducation) and counts.
 */

export type Lang = 'fr' | 'en';
export type Role = (typeof CATEGORY_ROLES)[number];
export { CATEGORY_ROLES as ROLES };

export interface PublishedOrganisation {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  /** Generated demo data (the page says so). */
  readonly demo: boolean;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * The organisation behind a public URL, only when it publishes. A public
 * visitor has no organisation yet: like `/api/public/info`, this reads the
 * `organisations` rows as the owner (nothing else is read that way); every
 * other read runs in a `withOrg` transaction as `socle_app` under RLS.
 * Unknown and unpublished are the same answer (null → 404).
 */
export async function findPublishedOrganisation(db: Database, slug: string): Promise<PublishedOrganisation | null> {
  if (!SLUG.test(slug)) return null;
  const [org] = await rows<{ id: string; slug: string; name: string; settings: unknown }>(
    db.owner,
    sql`SELECT id, slug, name, settings FROM organisations WHERE slug = ${slug}`,
  );
  if (!org) return null;
  const settings = parseSettings(org.settings);
  if (!settings.publication.published) return null;
  return { id: org.id, slug: org.slug, name: org.name, demo: settings.demo };
}

/** Every organisation that publishes, by name (the `/public` index). */
export async function findPublishedOrganisations(db: Database): Promise<PublishedOrganisation[]> {
  const found = await rows<{ id: string; slug: string; name: string; settings: unknown }>(
    db.owner,
    sql`SELECT id, slug, name, settings FROM organisations ORDER BY name, slug`,
  );
  return found.flatMap((o) => {
    const settings = parseSettings(o.settings);
    return settings.publication.published ? [{ id: o.id, slug: o.slug, name: o.name, demo: settings.demo }] : [];
  });
}

export interface FunderShare {
  name: string;
  kind: string;
  aidCents: number;
  /** aid / eligible total, basis points */
  shareBp: number;
}

export interface ProgrammeView {
  id: string;
  name: string;
  description: string;
  objectives: string;
  periodStart: string;
  periodEnd: string;
  completedOn: string | null;
  schools: number;
  /** Sum of the cost items' planned budgets (HT). */
  plannedCents: number;
  /** Eligible expenses recorded (HT) and how they are funded. */
  eligibleCents: number;
  funders: FunderShare[];
  ownerCents: number;
  ownerShareBp: number;
  costItems: { code: string; label: string; kind: string; budgetCents: number; eligibleCents: number }[];
  conventions: { funder: string; kind: string; reference: string; signedOn: string | null }[];
  euEmblem: boolean;
  mentions: { kind: string; fr: string; en: string }[];
  indicators: {
    code: string;
    label: string;
    unit: string;
    source: string;
    baseline: number;
    target: number;
    value: number | null;
    reachedBp: number | null;
  }[];
  expenses: {
    costItemCode: string;
    costItemLabel: string;
    costItemKind: string;
    year: number;
    lines: number;
    htCents: number;
    eligibleCents: number;
  }[];
}

export interface SchoolView {
  uai: string;
  name: string;
  kind: string;
  priorityEducation: string;
  commune: string | null;
  latitude: number | null;
  longitude: number | null;
  pupils: number | null;
  classes: number;
  inScope: boolean;
  atSocle: boolean;
  scorePct: number;
  classesAtSocle: number;
  /** Equipment in service (deployed, in a cart or on loan) per category role. */
  devices: Record<Role, number>;
  devicesTotal: number;
}

export interface CategoryCount {
  uai: string;
  code: string;
  nameFr: string;
  nameEn: string;
  role: Role;
  count: number;
}

export interface Publication {
  organisation: PublishedOrganisation;
  /** The day the figures were computed (Paris). */
  on: string;
  /** Latest change of any data shown (ISO timestamp), null on an empty organisation. */
  lastUpdated: string | null;
  programmes: ProgrammeView[];
  baseline: {
    gridName: string;
    gridVersion: number;
    criteria: { key: string; labelFr: string; labelEn: string }[];
    schools: number;
    atSocle: number;
    classes: number;
    classesAtSocle: number;
    outOfScope: number;
  };
  schools: SchoolView[];
  equipment: CategoryCount[];
}

/** Statuses of equipment "in service" (the funding indicators' definition). */
export const IN_SERVICE = ['deployed', 'in_cart', 'on_loan'] as const;

const n = (v: unknown) => Number(v ?? 0);
const bp = (part: number, whole: number) => (whole > 0 ? Math.round((part * 10_000) / whole) : 0);

async function programmeViews(scope: Scope): Promise<ProgrammeView[]> {
  const programmes = await rows<{
    id: string;
    name: string;
    description: string;
    objectives: string;
    period_start: string;
    period_end: string;
    completed_on: string | null;
    schools: number;
  }>(
    scope.tx,
    sql`SELECT p.id, p.name, p.description, p.objectives, p.period_start::text AS period_start,
               p.period_end::text AS period_end, p.completed_on::text AS completed_on,
               (SELECT count(*) FROM funding_programme_schools s WHERE s.programme_id = p.id)::int AS schools
          FROM funding_programmes p
         ORDER BY p.period_start, p.name`,
  );
  const out: ProgrammeView[] = [];
  for (const p of programmes) {
    const shares = await programmeShares(scope, p.id, { limit: 1, offset: 0 });
    const items = await rows<{ code: string; label: string; kind: string; budget: string }>(
      scope.tx,
      sql`SELECT code, label, kind, budget_cents AS budget FROM funding_cost_items
           WHERE programme_id = ${p.id} ORDER BY position, code`,
    );
    const eligibleOf = new Map(shares.costItems.map((c) => [c.code, c.eligibleCents]));
    const conventions = await rows<{ funder: string; kind: string; reference: string; signed_on: string | null }>(
      scope.tx,
      sql`SELECT f.name AS funder, f.kind, c.reference, c.signed_on::text AS signed_on
            FROM funding_conventions c JOIN funders f ON f.id = c.funder_id
           WHERE c.programme_id = ${p.id} ORDER BY c.rank`,
    );
    const mentions = await publicityMentions(scope, p.id);
    const indicators = await findIndicators(scope, p.id);
    const expenses = await rows<{
      code: string;
      label: string;
      kind: string;
      year: number;
      lines: number;
      ht: string;
      eligible: string;
    }>(
      scope.tx,
      sql`SELECT c.code, c.label, c.kind, extract(year FROM l.invoice_date)::int AS year,
                 count(*)::int AS lines, sum(l.ht_cents) AS ht, sum(l.eligible_cents) AS eligible
            FROM funding_expense_lines l JOIN funding_cost_items c ON c.id = l.cost_item_id
           WHERE l.programme_id = ${p.id}
           GROUP BY c.id, c.position, c.code, c.label, c.kind, extract(year FROM l.invoice_date)
           ORDER BY c.position, c.code, year`,
    );
    out.push({
      id: p.id,
      name: p.name,
      description: p.description,
      objectives: p.objectives,
      periodStart: p.period_start,
      periodEnd: p.period_end,
      completedOn: p.completed_on,
      schools: p.schools,
      plannedCents: items.reduce((s, i) => s + n(i.budget), 0),
      eligibleCents: shares.eligibleCents,
      funders: shares.funders.map((f) => ({
        name: f.funderName,
        kind: f.funderKind,
        aidCents: f.aidCents,
        shareBp: bp(f.aidCents, shares.eligibleCents),
      })),
      ownerCents: shares.ownerCents,
      ownerShareBp: bp(shares.ownerCents, shares.eligibleCents),
      costItems: items.map((i) => ({
        code: i.code,
        label: i.label,
        kind: i.kind,
        budgetCents: n(i.budget),
        eligibleCents: eligibleOf.get(i.code) ?? 0,
      })),
      conventions: conventions.map((c) => ({
        funder: c.funder,
        kind: c.kind,
        reference: c.reference,
        signedOn: c.signed_on,
      })),
      euEmblem: mentions.euEmblem,
      mentions: mentions.mentions.map((m) => ({ kind: m.kind, fr: m.fr, en: m.en })),
      indicators: indicators.map((i) => ({
        code: i.code,
        label: i.label,
        unit: i.unit,
        source: i.source,
        baseline: i.baseline,
        target: i.target,
        value: i.value,
        reachedBp: i.reachedBp,
      })),
      expenses: expenses.map((e) => ({
        costItemCode: e.code,
        costItemLabel: e.label,
        costItemKind: e.kind,
        year: e.year,
        lines: e.lines,
        htCents: n(e.ht),
        eligibleCents: n(e.eligible),
      })),
    });
  }
  return out;
}

async function equipmentCounts(scope: Scope) {
  return rows<{ school_id: string; code: string; name_fr: string; name_en: string; role: Role; count: number }>(
    scope.tx,
    sql`SELECT a.school_id, c.code, c.name_fr, c.name_en, c.role, count(*)::int AS count
          FROM assets a
          JOIN asset_models m ON m.id = a.model_id
          JOIN asset_categories c ON c.id = m.category_id
         WHERE a.school_id IS NOT NULL
           AND a.status IN (${sql.join(
             IN_SERVICE.map((s) => sql`${s}`),
             sql`, `,
           )})
         GROUP BY a.school_id, c.code, c.name_fr, c.name_en, c.role
         ORDER BY c.code`,
  );
}

/**
 * The latest change of what the page shows: schools, classes, assets,
 * programmes, cost items, conventions, expense lines, indicators.
 */
async function lastUpdated(scope: Scope): Promise<string | null> {
  const [r] = await rows<{ at: Date | string | null }>(
    scope.tx,
    sql`SELECT greatest(
              (SELECT max(updated_at) FROM schools),
              (SELECT max(updated_at) FROM classes),
              (SELECT max(updated_at) FROM assets),
              (SELECT max(updated_at) FROM funding_programmes),
              (SELECT max(updated_at) FROM funding_cost_items),
              (SELECT max(updated_at) FROM funding_conventions),
              (SELECT max(updated_at) FROM funding_expense_lines),
              (SELECT max(updated_at) FROM funding_indicators)) AS at`,
  );
  if (!r?.at) return null;
  return new Date(r.at).toISOString();
}

/**
 * Everything the public page and the open data need, in one transaction:
 * the programmes with their funding, mentions and indicators, and each
 * school's baseline status (the baseline module's evaluation, all schools)
 * and equipment counts.
 */
export async function publication(scope: Scope, organisation: PublishedOrganisation): Promise<Publication> {
  const grid = await gridInForce(scope);
  const on = parisToday();
  const facts = await loadFacts(scope, grid.criteria, null, on);
  const prices = await loadPrices(scope);
  const evaluated = facts.map((f) => ({ f, r: evaluateSchool(grid.criteria, grid.schoolKinds, f, prices, on) }));
  const communes = new Map(
    (
      await rows<{ id: string; commune: string | null }>(scope.tx, sql`SELECT id, commune_name AS commune FROM schools`)
    ).map((s) => [s.id, s.commune]),
  );
  const counts = await equipmentCounts(scope);
  const uaiOf = new Map(facts.map((f) => [f.school.id, f.school.uai]));
  const schools: SchoolView[] = evaluated
    .map(({ f, r }) => {
      const devices = Object.fromEntries(CATEGORY_ROLES.map((role) => [role, 0])) as Record<Role, number>;
      for (const c of counts) if (c.school_id === f.school.id) devices[c.role] += c.count;
      return {
        uai: f.school.uai,
        name: f.school.name,
        kind: f.school.kind,
        priorityEducation: f.school.priorityEducation,
        commune: communes.get(f.school.id) ?? null,
        latitude: f.school.latitude,
        longitude: f.school.longitude,
        pupils: f.school.pupils,
        classes: r.classesTotal,
        inScope: r.inScope,
        atSocle: r.inScope && r.atSocle,
        scorePct: r.scorePct,
        classesAtSocle: r.classesAtSocle,
        devices,
        devicesTotal: Object.values(devices).reduce((s, x) => s + x, 0),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.uai.localeCompare(b.uai));
  const inScope = schools.filter((s) => s.inScope);
  return {
    organisation,
    on,
    lastUpdated: await lastUpdated(scope),
    programmes: await programmeViews(scope),
    baseline: {
      gridName: grid.name,
      gridVersion: grid.version,
      criteria: grid.criteria.map((c) => ({ key: c.key, labelFr: c.labelFr, labelEn: c.labelEn })),
      schools: inScope.length,
      atSocle: inScope.filter((s) => s.atSocle).length,
      classes: inScope.reduce((s, x) => s + x.classes, 0),
      classesAtSocle: inScope.reduce((s, x) => s + x.classesAtSocle, 0),
      outOfScope: schools.length - inScope.length,
    },
    schools,
    equipment: counts
      .flatMap((c) => {
        const uai = uaiOf.get(c.school_id);
        return uai ? [{ uai, code: c.code, nameFr: c.name_fr, nameEn: c.name_en, role: c.role, count: c.count }] : [];
      })
      .sort((a, b) => a.uai.localeCompare(b.uai) || a.code.localeCompare(b.code)),
  };
}
