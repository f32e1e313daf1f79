import { sql } from 'drizzle-orm';
import { rows, type Scope } from '../../db/connection.ts';
import { activeSubscriptionsBySchool } from '../services/service.ts';
import { countTrained } from '../training/indicators.ts';
import { windowStart } from '../training/rules.ts';
import type { Criterion } from './grid.ts';
import type {
  AssetRef,
  ClassDeviceFact,
  NetworkFact,
  OverrideFact,
  Prices,
  PupilDeviceCounts,
  SchoolFacts,
} from './rules.ts';

/**
 * Loads the facts the socle is computed from, for all the organisation's
 * open schools or a few of them, in a fixed number of queries whatever the
 * number of schools (pupil devices are counted in SQL, not loaded).
 * Every table read here (directly or through the services and training
 * modules) carries the `baseline_changed` trigger (migration 0025): its
 * changes invalidate the results kept by cache.ts. Reading a new table
 * means adding the trigger to it and to the list in cache.test.ts.
 */

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

const inSchools = (column: string, ids: readonly string[] | null) =>
  ids === null ? sql`true` : ids.length === 0 ? sql`false` : sql`${sql.raw(column)} IN (${list(ids)})`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function group<T extends { school_id: string }>(xs: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const arr = out.get(x.school_id);
    if (arr) arr.push(x);
    else out.set(x.school_id, [x]);
  }
  return out;
}

export async function loadFacts(
  scope: Scope,
  criteria: readonly Criterion[],
  schoolIds: readonly string[] | null,
  on: string,
): Promise<SchoolFacts[]> {
  const tx = scope.tx;
  const classRoles = [
    ...new Set(criteria.flatMap((c) => (c.rule.kind === 'class_device' ? c.rule.roles : []))),
  ] as string[];

  const schoolRows = await rows<{
    id: string;
    uai: string;
    name: string;
    kind: string;
    priority_education: 'none' | 'REP' | 'REP+';
    ips: string | null;
    circonscription_name: string | null;
    latitude: number | null;
    longitude: number | null;
    pupils: number | null;
  }>(
    tx,
    sql`SELECT s.id, s.uai, s.name, s.kind, s.priority_education, s.ips, s.circonscription_name, s.latitude, s.longitude, y.pupils
          FROM schools s
          LEFT JOIN LATERAL (SELECT sy.pupils FROM school_years sy WHERE sy.school_id = s.id
                              ORDER BY sy.year DESC LIMIT 1) y ON true
         WHERE (s.closed_on IS NULL OR s.closed_on > ${on}::date) AND ${inSchools('s.id', schoolIds)}
         ORDER BY s.name, s.uai`,
  );
  const ids = schoolRows.map((s) => s.id);
  if (ids.length === 0) return [];
  const scoped = (column: string) => inSchools(column, schoolIds);

  const classGroups = await rows<{
    school_id: string;
    year: number;
    classes: string | [string, string, string | null, number | null][];
  }>(
    tx,
    sql`WITH ly AS (SELECT school_id, max(year) AS year FROM classes WHERE ${scoped('school_id')} GROUP BY school_id)
        SELECT k.school_id, ly.year,
               json_agg(json_build_array(k.id, k.name, k.room_id, k.pupils) ORDER BY k.name) AS classes
          FROM classes k JOIN ly ON ly.school_id = k.school_id AND ly.year = k.year
         GROUP BY k.school_id, ly.year`,
  );
  const classRows = classGroups.flatMap((g) =>
    (typeof g.classes === 'string' ? JSON.parse(g.classes) : g.classes).map(
      ([id, name, roomId, pupils]: [string, string, string | null, number | null]) => ({
        id,
        name,
        pupils,
        school_id: g.school_id,
        year: Number(g.year),
        room_id: roomId,
      }),
    ),
  );
  // One row per school with its devices as JSON: PGlite hands rows over one by one, JSON in one piece.
  const classDeviceGroups = classRoles.length
    ? await rows<{
        school_id: string;
        devices: string | [string, string, string, string, string | null, string | null, number | null][];
      }>(
        tx,
        sql`SELECT a.school_id,
                   json_agg(json_build_array(a.id, a.tag, c.code, c.role, a.class_id, a.room_id,
                                             ${on}::date - a.purchase_date) ORDER BY a.tag) AS devices
              FROM assets a
              JOIN asset_models m ON m.id = a.model_id
              JOIN asset_categories c ON c.id = m.category_id
             WHERE a.status = 'deployed' AND a.school_id IS NOT NULL AND ${scoped('a.school_id')}
               AND c.role IN (${list(classRoles)})
             GROUP BY a.school_id`,
      )
    : [];
  const classDeviceRows = classDeviceGroups.flatMap((g) =>
    (typeof g.devices === 'string' ? JSON.parse(g.devices) : g.devices).map(
      ([id, tag, code, role, classId, roomId, age]: [
        string,
        string,
        string,
        string,
        string | null,
        string | null,
        number | null,
      ]) => ({
        id,
        tag,
        code,
        role,
        school_id: g.school_id,
        class_id: classId,
        room_id: roomId,
        age_days: age,
      }),
    ),
  );
  const pupilRows = await rows<Record<string, number> & { school_id: string }>(
    tx,
    sql`SELECT a.school_id,
               count(*) FILTER (WHERE a.status = 'deployed')::int AS deployed,
               count(*) FILTER (WHERE a.status = 'in_cart')::int AS in_cart,
               count(*) FILTER (WHERE a.status = 'on_loan')::int AS on_loan,
               count(*) FILTER (WHERE a.status = 'in_repair')::int AS in_repair,
               count(*) FILTER (WHERE a.status = 'deployed' AND a.mdm_enrolled)::int AS mdm_deployed,
               count(*) FILTER (WHERE a.status = 'in_cart' AND a.mdm_enrolled)::int AS mdm_in_cart,
               count(*) FILTER (WHERE a.status = 'on_loan' AND a.mdm_enrolled)::int AS mdm_on_loan
          FROM assets a
          JOIN asset_models m ON m.id = a.model_id
          JOIN asset_categories c ON c.id = m.category_id
         WHERE c.role = 'pupil_device' AND a.school_id IS NOT NULL AND ${scoped('a.school_id')}
           AND a.status IN ('deployed', 'in_cart', 'on_loan', 'in_repair')
         GROUP BY a.school_id`,
  );
  const assetSample = (where: ReturnType<typeof sql>, limit: number) =>
    rows<AssetRef & { school_id: string; code: string }>(
      tx,
      sql`SELECT school_id, id, tag, code FROM (
            SELECT a.school_id, a.id, a.tag, c.code,
                   row_number() OVER (PARTITION BY a.school_id ORDER BY a.tag) AS rn
              FROM assets a
              JOIN asset_models m ON m.id = a.model_id
              JOIN asset_categories c ON c.id = m.category_id
             WHERE a.school_id IS NOT NULL AND ${scoped('a.school_id')} AND ${where}) x
          WHERE rn <= ${limit}`,
    );
  const notEnrolled = await assetSample(
    sql`c.role = 'pupil_device' AND a.status IN ('deployed', 'in_cart', 'on_loan') AND NOT a.mdm_enrolled`,
    10,
  );
  const carts = await assetSample(sql`c.role = 'cart' AND a.status = 'deployed'`, 50);
  const servers = await assetSample(sql`c.role = 'server' AND a.status = 'deployed'`, 10);
  const notSwitchable = await assetSample(
    sql`c.role = 'network_ap' AND a.status = 'deployed' AND a.wifi_switchable_off IS NOT TRUE`,
    1000,
  );
  const apCounts = await rows<{ school_id: string; n: number }>(
    tx,
    sql`SELECT a.school_id, count(*)::int AS n
          FROM assets a
          JOIN asset_models m ON m.id = a.model_id
          JOIN asset_categories c ON c.id = m.category_id
         WHERE c.role = 'network_ap' AND a.status = 'deployed' AND a.school_id IS NOT NULL AND ${scoped('a.school_id')}
         GROUP BY a.school_id`,
  );
  const networks = await rows<{
    school_id: string;
    internet_access: string | null;
    bandwidth_down_mbps: string | null;
    wifi_present: boolean | null;
  }>(
    tx,
    sql`SELECT school_id, internet_access, bandwidth_down_mbps, wifi_present FROM school_networks
         WHERE ${scoped('school_id')}`,
  );
  const subsBy = await activeSubscriptionsBySchool(scope, on, schoolIds);
  const overrides = await rows<{
    school_id: string;
    id: string;
    class_id: string | null;
    criterion_key: string;
    status: 'met' | 'partly' | 'missing';
    justification: string;
    evidence: string;
    expires_on: string | null;
    updated_at: Date | string;
  }>(
    tx,
    sql`SELECT school_id, id, class_id, criterion_key, status, justification, evidence,
               to_char(expires_on, 'YYYY-MM-DD') AS expires_on, updated_at
          FROM baseline_overrides WHERE ${scoped('school_id')}`,
  );

  // Teachers trained: present at a held teachers' session within the three
  // school years up to `on` (training module); schools without classes keep
  // `training: null` (no known number of teachers).
  const trainedBy = await countTrained(tx, windowStart(on), on, schoolIds === null ? null : ids);

  const classesBy = group(classRows);
  const devicesBy = group(classDeviceRows);
  const pupilsBy = new Map(pupilRows.map((r) => [r.school_id, r]));
  const notEnrolledBy = group(notEnrolled);
  const cartsBy = group(carts);
  const serversBy = group(servers);
  const notSwitchableBy = group(notSwitchable);
  const apBy = new Map(apCounts.map((r) => [r.school_id, r.n]));
  const networkBy = new Map(networks.map((n) => [n.school_id, n]));
  const overridesBy = group(overrides);
  const ref = (r: { id: string; tag: string; code: string }): AssetRef => ({
    id: r.id,
    tag: r.tag,
    categoryCode: r.code,
  });

  return schoolRows.map((s) => {
    const cls = classesBy.get(s.id) ?? [];
    const devices = devicesBy.get(s.id) ?? [];
    const p = pupilsBy.get(s.id);
    const n = networkBy.get(s.id);
    const network: NetworkFact | null = n
      ? {
          internetAccess: n.internet_access,
          bandwidthDownMbps: num(n.bandwidth_down_mbps),
          wifiPresent: n.wifi_present,
        }
      : null;
    const ages = devices.map((d) => num(d.age_days)).filter((d): d is number => d !== null);
    const pupilDevices: PupilDeviceCounts = {
      deployed: Number(p?.deployed ?? 0),
      inCart: Number(p?.in_cart ?? 0),
      onLoan: Number(p?.on_loan ?? 0),
      inRepair: Number(p?.in_repair ?? 0),
      mdmDeployed: Number(p?.mdm_deployed ?? 0),
      mdmInCart: Number(p?.mdm_in_cart ?? 0),
      mdmOnLoan: Number(p?.mdm_on_loan ?? 0),
      notEnrolledSample: (notEnrolledBy.get(s.id) ?? []).map(ref),
    };
    const facts: SchoolFacts = {
      school: {
        id: s.id,
        uai: s.uai,
        name: s.name,
        kind: s.kind,
        priorityEducation: s.priority_education,
        ips: num(s.ips),
        pupils: num(s.pupils),
        circonscription: s.circonscription_name,
        latitude: num(s.latitude),
        longitude: num(s.longitude),
      },
      year: cls[0]?.year ?? null,
      classes: cls.map((k) => ({ id: k.id, name: k.name, roomId: k.room_id, pupils: num(k.pupils) })),
      classDevices: devices.map(
        (d): ClassDeviceFact => ({
          id: d.id,
          tag: d.tag,
          categoryCode: d.code,
          role: d.role,
          classId: d.class_id,
          roomId: d.room_id,
        }),
      ),
      pupilDevices,
      carts: (cartsBy.get(s.id) ?? []).map(ref),
      accessPoints: { count: apBy.get(s.id) ?? 0, notSwitchable: (notSwitchableBy.get(s.id) ?? []).map(ref) },
      servers: (serversBy.get(s.id) ?? []).map(ref),
      network,
      subscriptions: (subsBy.get(s.id) ?? []).map((x) => ({ id: x.id, serviceName: x.serviceName, kind: x.kind })),
      // One teacher per class of the latest year: Socle keeps no staff register.
      training: cls.length ? { teachers: cls.length, trained: trainedBy.get(s.id) ?? 0 } : null,
      overrides: (overridesBy.get(s.id) ?? []).map(
        (o): OverrideFact => ({
          id: o.id,
          classId: o.class_id,
          criterionKey: o.criterion_key,
          status: o.status,
          justification: o.justification,
          evidence: o.evidence,
          expiresOn: o.expires_on,
          updatedAt: new Date(o.updated_at).toISOString(),
        }),
      ),
      equipmentAgeYears: ages.length
        ? Math.round((ages.reduce((a, b) => a + b, 0) / ages.length / 365.25) * 10) / 10
        : null,
    };
    return facts;
  });
}

/** Reference prices: the category's, else the average of its models'; services: the cheapest of the kind. */
export async function loadPrices(scope: Scope): Promise<Prices> {
  const cats = await rows<{ code: string; name_fr: string; unit: string | null; install: string | null }>(
    scope.tx,
    sql`SELECT c.code, c.name_fr,
               coalesce(c.reference_price_cents, round(avg(m.unit_price_cents)))::bigint AS unit,
               coalesce(c.install_cost_cents, round(avg(m.install_cost_cents)), 0)::bigint AS install
          FROM asset_categories c
          LEFT JOIN asset_models m ON m.category_id = c.id AND NOT m.archived
         GROUP BY c.id`,
  );
  const services = await rows<{ kind: string; name: string; pricing: string; unit_price_cents: string }>(
    scope.tx,
    sql`SELECT kind, name, pricing, unit_price_cents FROM digital_services
         WHERE NOT archived AND unit_price_cents IS NOT NULL ORDER BY name`,
  );
  const byCode = new Map(cats.map((c) => [c.code, c]));
  return {
    category(code) {
      const c = byCode.get(code);
      if (!c || c.unit === null) return null;
      return { unitCents: Number(c.unit), installCents: Number(c.install ?? 0) };
    },
    service(kind, pupils) {
      let best: { cents: number; name: string } | null = null;
      for (const s of services) {
        if (s.kind !== kind) continue;
        const unit = Number(s.unit_price_cents);
        const cents = s.pricing === 'per_school' ? unit : unit * Math.max(1, pupils);
        if (!best || cents < best.cents) best = { cents, name: s.name };
      }
      return best;
    },
  };
}
