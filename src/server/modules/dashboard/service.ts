import { type SQL, sql } from 'drizzle-orm';
import { can } from '../../../shared/permissions.ts';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import { rows, type Scope } from '../../db/connection.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { evaluate } from '../baseline/service.ts';
import { addDays, isoWeekday, localDate, zonedToUtc } from '../bookings/rules.ts';
import { programmeBudget } from '../funding/shares.ts';
import { OPEN_STATUSES } from '../helpdesk/rules.ts';
import type { Dashboard, DashboardQuery } from './schema.ts';

/**
 * The dashboards (issue #9 points 1 and 2): one request, a fixed number of
 * queries whatever the number of schools, each figure counted with the same
 * conditions as the list it links to (decisions in README.md).
 */

/**
 * A ticket that missed a target: the helpdesk's own definition (its `breachSql`, kept private there), copied;
 * the test "figures equal their lists" compares this count with `/api/helpdesk/tickets?open=true&breached=true`.
 */
const breachSql = sql.raw(
  `((response_due_at IS NOT NULL AND coalesce(first_response_at, now()) > response_due_at)
    OR (resolution_due_at IS NOT NULL
        AND (CASE WHEN status = 'waiting' THEN waiting_since ELSE coalesce(resolved_at, now()) END) > resolution_due_at))`,
);

/** Devices in service: at a school (deployed, in a cart) or lent to a family. */
export const IN_SERVICE = ['deployed', 'in_cart', 'on_loan'] as const;

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const inList = (column: SQL, values: readonly string[]) =>
  values.length ? sql`${column} IN (${list(values)})` : sql`false`;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

interface SchoolRow {
  id: string;
  uai: string;
  name: string;
  circonscription: string | null;
  priority: 'none' | 'REP' | 'REP+';
  latitude: number | null;
  longitude: number | null;
  pupils: number | null;
}

function invalid(path: string, code: string, detail: string) {
  return new AppError('VALIDATION_FAILED', detail, { fields: [{ path, message: code, code }] });
}

/** Instants of the school year: its start, each month's end up to `asOf`, and `asOf`. */
export function monthInstants(year: number, asOf: Date): { month: string; at: Date }[] {
  const out: { month: string; at: Date }[] = [];
  for (let i = 0; i < 12; i++) {
    const y = year + Math.floor((8 + i) / 12);
    const m = ((8 + i) % 12) + 1;
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const monthStart = zonedToUtc(`${month}-01`, '00:00');
    if (monthStart >= asOf) break;
    const ny = year + Math.floor((9 + i) / 12);
    const nm = ((9 + i) % 12) + 1;
    const next = zonedToUtc(`${ny}-${String(nm).padStart(2, '0')}-01`, '00:00');
    out.push({ month, at: next < asOf ? next : asOf });
  }
  return out;
}

export async function dashboard(scope: Scope, actor: Actor, q: DashboardQuery, now = new Date()): Promise<Dashboard> {
  const started = performance.now();
  const tx = scope.tx;
  const current = currentSchoolYear(now);
  const year = q.schoolYear ?? current;
  if (year > current) throw invalid('querystring.schoolYear', 'future', 'The school year has not begun');
  const start = zonedToUtc(`${year}-09-01`, '00:00');
  const end = zonedToUtc(`${year + 1}-09-01`, '00:00');
  const isCurrent = year === current;
  const asOf = isCurrent ? now : end;
  const today = now.toISOString().slice(0, 10);

  const reach = schoolScope(actor);
  const reachSql = (column: string): SQL =>
    reach === 'all' ? sql`true` : inList(sql.raw(column), reach as readonly string[]);

  if (q.schoolId) {
    const [found] = await rows<{ id: string }>(
      tx,
      sql`SELECT id FROM schools WHERE id = ${q.schoolId} AND ${reachSql('id')}`,
    );
    if (!found) throw notFound('School');
  }

  // The schools behind the figures: open ones of the actor's reach matching the filters (one school: open or not).
  const schoolRows = await rows<SchoolRow>(
    tx,
    sql`SELECT s.id, s.uai, coalesce(s.usual_name, s.name) AS name, s.circonscription_name AS circonscription,
               s.priority_education AS priority, s.latitude, s.longitude, y.pupils
          FROM schools s
          LEFT JOIN LATERAL (SELECT sy.pupils FROM school_years sy WHERE sy.school_id = s.id
                              ORDER BY sy.year DESC LIMIT 1) y ON true
         WHERE ${reachSql('s.id')}
           AND ${q.schoolId ? sql`s.id = ${q.schoolId}` : sql`(s.closed_on IS NULL OR s.closed_on > ${today}::date)`}
           AND ${q.circonscription ? sql`s.circonscription_name = ${q.circonscription}` : sql`true`}
           AND ${q.priority ? sql`s.priority_education = ${q.priority}` : sql`true`}
         ORDER BY s.name, s.uai`,
  );
  const ids = schoolRows.map((s) => s.id);
  const filtered = Boolean(q.schoolId || q.circonscription || q.priority);
  /** The condition the lists apply: the actor's reach, and the filters' schools when filtered. */
  const scoped = (column: string): SQL => (filtered ? inList(sql.raw(column), ids) : reachSql(column));
  const inSet = (column: string): SQL => inList(sql.raw(column), ids);

  const [options] = await rows<{ years: number[] | string; circonscriptions: string[] | string | null }>(
    tx,
    sql`SELECT (SELECT coalesce(json_agg(DISTINCT year ORDER BY year DESC), '[]'::json) FROM school_years
                 WHERE year <= ${current} AND ${reachSql('school_id')}) AS years,
               (SELECT coalesce(json_agg(DISTINCT circonscription_name ORDER BY circonscription_name), '[]'::json)
                  FROM schools WHERE circonscription_name IS NOT NULL AND ${reachSql('id')}
                   AND (closed_on IS NULL OR closed_on > ${today}::date)) AS circonscriptions`,
  );
  const parse = <T>(v: T | string | null | undefined): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  const years = new Set<number>([current, year, ...parse<number[]>(options?.years ?? []).map(Number)]);

  const points = monthInstants(year, asOf);
  const instants = [start, ...points.map((p) => p.at)];
  const pointsSql = sql`(SELECT unnest(ARRAY[${sql.join(
    instants.map((d) => sql`${d.toISOString()}::timestamptz`),
    sql`, `,
  )}]) AS at)`;
  const series = (found: Map<string, number>) =>
    points.map((p) => ({ month: p.month, at: p.at.toISOString(), value: found.get(p.at.toISOString()) ?? 0 }));
  const byInstant = <T extends { at: Date | string }>(list: readonly T[], key: (r: T) => number) =>
    new Map(list.map((r) => [new Date(r.at).toISOString(), key(r)]));

  const perSchool = new Map(
    schoolRows.map((s) => [
      s.id,
      {
        id: s.id,
        uai: s.uai,
        name: s.name,
        circonscription: s.circonscription,
        priorityEducation: s.priority,
        latitude: s.latitude === null ? null : Number(s.latitude),
        longitude: s.longitude === null ? null : Number(s.longitude),
        pupils: s.pupils === null ? null : Number(s.pupils),
        socle: null as 'at_socle' | 'not_at_socle' | 'out_of_scope' | null,
        scorePct: null as number | null,
        classes: null as number | null,
        classesAtSocle: null as number | null,
        devicesInService: null as number | null,
        devicesPerPupil: null as number | null,
        openLoans: null as number | null,
        overdueLoans: null as number | null,
        openTickets: null as number | null,
        breachedTickets: null as number | null,
      },
    ]),
  );
  const pupils = schoolRows.reduce((n, s) => n + num(s.pupils), 0);
  const pupilsKnown = new Set(schoolRows.filter((s) => num(s.pupils) > 0).map((s) => s.id));

  // ---- baseline ----
  let baseline: Dashboard['baseline'] = null;
  if (can(actor.roles, 'baseline.read')) {
    const e = await evaluate(scope, actor, filtered ? ids : null);
    let schoolsInScope = 0;
    let schoolsAtSocle = 0;
    let classes = 0;
    let classesAtSocle = 0;
    for (const { facts, result } of e.results) {
      const row = perSchool.get(facts.school.id);
      if (row) {
        row.socle = !result.inScope ? 'out_of_scope' : result.atSocle ? 'at_socle' : 'not_at_socle';
        row.scorePct = result.inScope ? result.scorePct : null;
        row.classes = result.classesTotal;
        row.classesAtSocle = result.classesAtSocle;
      }
      if (!result.inScope || (filtered && !row)) continue;
      schoolsInScope += 1;
      schoolsAtSocle += result.atSocle ? 1 : 0;
      classes += result.classesTotal;
      classesAtSocle += result.classesAtSocle;
    }
    baseline = { gridVersion: e.grid.version, schoolsInScope, schoolsAtSocle, classes, classesAtSocle };
  }

  // ---- inventory ----
  let inventory: Dashboard['inventory'] = null;
  if (can(actor.roles, 'inventory.read')) {
    const live = await rows<{ school_id: string | null; n: number }>(
      tx,
      sql`SELECT school_id, count(*)::int AS n FROM assets
           WHERE ${inList(sql.raw('status'), IN_SERVICE)} AND ${scoped('school_id')}
           GROUP BY school_id`,
    );
    // The recorded history: each asset's status between its events (an asset counts where it is now).
    const history = await rows<{ at: Date | string; n: number; at_schools: number }>(
      tx,
      sql`WITH ev AS (
            SELECT e.asset_id, a.school_id, e.occurred_at AS since, e.to_status,
                   lead(e.occurred_at) OVER (PARTITION BY e.asset_id ORDER BY e.occurred_at, e.id) AS until
              FROM asset_events e JOIN assets a ON a.id = e.asset_id
             WHERE e.to_status IS NOT NULL AND e.occurred_at <= ${asOf.toISOString()}::timestamptz
               AND ${scoped('a.school_id')})
          SELECT p.at, count(ev.asset_id)::int AS n,
                 count(ev.asset_id) FILTER (WHERE ${inSet('ev.school_id')})::int AS at_schools
            FROM ${pointsSql} p
            LEFT JOIN ev ON ev.since <= p.at AND (ev.until IS NULL OR ev.until > p.at)
                        AND ${inList(sql.raw('ev.to_status'), IN_SERVICE)}
           GROUP BY p.at`,
    );
    let total = 0;
    let atKnownSchools = 0;
    for (const r of live) {
      total += num(r.n);
      const row = r.school_id ? perSchool.get(r.school_id) : undefined;
      if (row) {
        row.devicesInService = num(r.n);
        if (pupilsKnown.has(row.id)) atKnownSchools += num(r.n);
      }
    }
    for (const row of perSchool.values()) {
      row.devicesInService ??= 0;
      row.devicesPerPupil = row.pupils ? round(row.devicesInService / row.pupils, 3) : null;
    }
    const counts = byInstant(history, (r) => num(r.n));
    const atSchools = byInstant(history, (r) => num(r.at_schools));
    const ref = start.toISOString();
    const value = isCurrent ? total : (counts.get(asOf.toISOString()) ?? 0);
    if (isCurrent && points.length) counts.set(asOf.toISOString(), total);
    const byCategory = q.schoolId
      ? (
          await rows<{ id: string; code: string; name_fr: string; name_en: string; n: number }>(
            tx,
            sql`SELECT c.id, c.code, c.name_fr, c.name_en, count(*)::int AS n
                  FROM assets a JOIN asset_models m ON m.id = a.model_id JOIN asset_categories c ON c.id = m.category_id
                 WHERE ${inList(sql.raw('a.status'), IN_SERVICE)} AND a.school_id = ${q.schoolId}
                 GROUP BY c.id, c.code, c.name_fr, c.name_en ORDER BY n DESC, c.code`,
          )
        ).map((c) => ({ id: c.id, code: c.code, nameFr: c.name_fr, nameEn: c.name_en, count: num(c.n) }))
      : [];
    const knownPupils = schoolRows.reduce((n, s) => n + (pupilsKnown.has(s.id) ? num(s.pupils) : 0), 0);
    // Devices per pupil: only the schools whose head count is known, on both sides of the ratio.
    const refAtSchools = atSchools.get(ref) ?? 0;
    const atSchoolsValue = isCurrent ? atKnownSchools : (atSchools.get(asOf.toISOString()) ?? 0);
    inventory = {
      devicesInService: { value, reference: counts.get(ref) ?? 0 },
      devicesPerPupil: {
        value: knownPupils ? round(atSchoolsValue / knownPupils, 3) : 0,
        reference: knownPupils ? round(refAtSchools / knownPupils, 3) : null,
      },
      series: series(counts),
      byCategory,
    };
  }

  // ---- loans ----
  let loans: Dashboard['loans'] = null;
  if (can(actor.roles, 'loans.read')) {
    const nowRows = await rows<{ school_id: string; open: number; overdue: number }>(
      tx,
      sql`SELECT school_id, count(*) FILTER (WHERE status = 'handed_over')::int AS open,
                 count(*) FILTER (WHERE status = 'handed_over' AND due_date < ${today}::date)::int AS overdue
            FROM loans WHERE ${scoped('school_id')} GROUP BY school_id`,
    );
    const history = await rows<{ at: Date | string; open: number; overdue: number }>(
      tx,
      sql`SELECT p.at,
                 count(l.id) FILTER (WHERE l.handed_over_at <= p.at
                                      AND (coalesce(l.returned_at, l.closed_at) IS NULL OR coalesce(l.returned_at, l.closed_at) > p.at))::int AS open,
                 count(l.id) FILTER (WHERE l.handed_over_at <= p.at
                                      AND (coalesce(l.returned_at, l.closed_at) IS NULL OR coalesce(l.returned_at, l.closed_at) > p.at)
                                      AND l.due_date < (p.at AT TIME ZONE 'Europe/Paris')::date)::int AS overdue
            FROM ${pointsSql} p
            LEFT JOIN loans l ON l.handed_over_at IS NOT NULL AND ${scoped('l.school_id')}
           GROUP BY p.at`,
    );
    let open = 0;
    let overdue = 0;
    for (const r of nowRows) {
      open += num(r.open);
      overdue += num(r.overdue);
      const row = perSchool.get(r.school_id);
      if (row) {
        row.openLoans = num(r.open);
        row.overdueLoans = num(r.overdue);
      }
    }
    for (const row of perSchool.values()) {
      row.openLoans ??= 0;
      row.overdueLoans ??= 0;
    }
    const opened = byInstant(history, (r) => num(r.open));
    const late = byInstant(history, (r) => num(r.overdue));
    const ref = start.toISOString();
    const at = asOf.toISOString();
    if (isCurrent && points.length) opened.set(at, open);
    loans = {
      open: { value: isCurrent ? open : (opened.get(at) ?? 0), reference: opened.get(ref) ?? 0 },
      overdue: { value: isCurrent ? overdue : (late.get(at) ?? 0), reference: late.get(ref) ?? 0 },
      series: series(opened),
    };
  }

  // ---- helpdesk ----
  let helpdesk: Dashboard['helpdesk'] = null;
  if (can(actor.roles, 'helpdesk.read')) {
    const openSql = inList(sql.raw('status'), OPEN_STATUSES);
    const nowRows = await rows<{ school_id: string; open: number; breached: number }>(
      tx,
      sql`SELECT school_id, count(*) FILTER (WHERE ${openSql})::int AS open,
                 count(*) FILTER (WHERE ${openSql} AND ${breachSql})::int AS breached
            FROM helpdesk_tickets WHERE ${scoped('school_id')} GROUP BY school_id`,
    );
    // History: open between creation and resolution (or closing); a breach replayed without the paused time.
    const history = await rows<{ at: Date | string; open: number; breached: number }>(
      tx,
      sql`WITH t AS (SELECT created_at, coalesce(resolved_at, closed_at) AS done_at, first_response_at,
                            response_due_at, resolution_due_at
                       FROM helpdesk_tickets WHERE ${scoped('school_id')})
          SELECT p.at,
                 count(t.created_at) FILTER (WHERE t.created_at <= p.at AND (t.done_at IS NULL OR t.done_at > p.at))::int AS open,
                 count(t.created_at) FILTER (WHERE t.created_at <= p.at AND (t.done_at IS NULL OR t.done_at > p.at)
                   AND ((t.response_due_at < p.at AND (t.first_response_at IS NULL OR t.first_response_at > t.response_due_at))
                        OR t.resolution_due_at < p.at))::int AS breached
            FROM ${pointsSql} p LEFT JOIN t ON true
           GROUP BY p.at`,
    );
    let open = 0;
    let breached = 0;
    for (const r of nowRows) {
      open += num(r.open);
      breached += num(r.breached);
      const row = perSchool.get(r.school_id);
      if (row) {
        row.openTickets = num(r.open);
        row.breachedTickets = num(r.breached);
      }
    }
    for (const row of perSchool.values()) {
      row.openTickets ??= 0;
      row.breachedTickets ??= 0;
    }
    const opened = byInstant(history, (r) => num(r.open));
    const missed = byInstant(history, (r) => num(r.breached));
    const ref = start.toISOString();
    const at = asOf.toISOString();
    if (isCurrent && points.length) opened.set(at, open);
    helpdesk = {
      open: { value: isCurrent ? open : (opened.get(at) ?? 0), reference: opened.get(ref) ?? 0 },
      breached: { value: isCurrent ? breached : (missed.get(at) ?? 0), reference: missed.get(ref) ?? 0 },
      series: series(opened),
    };
  }

  // ---- bookings: this week, for one school (its calendar is per school) ----
  let bookings: Dashboard['bookings'] = null;
  if (q.schoolId && can(actor.roles, 'bookings.read')) {
    const day = localDate(now);
    const monday = addDays(day, 1 - isoWeekday(day));
    const sunday = addDays(monday, 6);
    const from = zonedToUtc(monday, '00:00');
    const to = zonedToUtc(addDays(monday, 7), '00:00');
    const [found] = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM bookings
           WHERE school_id = ${q.schoolId} AND status <> 'cancelled'
             AND during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`,
    );
    bookings = { weekStart: monday, weekEnd: sunday, count: num(found?.n) };
  }

  // ---- budget: the programmes' totals (programme-wide: the school filters do not apply) ----
  let budget: Dashboard['budget'] = null;
  if (can(actor.roles, 'funding.read')) {
    const programmes = await rows<{ id: string; name: string }>(
      tx,
      sql`SELECT id, name FROM funding_programmes ORDER BY period_start, name`,
    );
    const startDay = localDate(start);
    const endDay = localDate(end);
    // Each table read once: its amounts before the start and before the end of the school year.
    const dated = await rows<{ programme_id: string; kind: string; at_start: string; at_end: string }>(
      tx,
      sql`SELECT o.programme_id, 'ordered' AS kind,
                 coalesce(sum(ol.ht_cents) FILTER (WHERE o.ordered_on < ${startDay}::date), 0) AS at_start,
                 coalesce(sum(ol.ht_cents) FILTER (WHERE o.ordered_on < ${endDay}::date), 0) AS at_end
            FROM purchase_orders o JOIN purchase_order_lines ol ON ol.order_id = o.id
           WHERE o.programme_id IS NOT NULL AND o.status IN ('ordered', 'partly_received', 'received')
           GROUP BY o.programme_id
          UNION ALL
          SELECT programme_id, 'invoiced',
                 coalesce(sum(ht_cents) FILTER (WHERE invoice_date < ${startDay}::date), 0),
                 coalesce(sum(ht_cents) FILTER (WHERE invoice_date < ${endDay}::date), 0)
            FROM funding_expense_lines GROUP BY programme_id
          UNION ALL
          SELECT programme_id, 'claimed',
                 coalesce(sum(claimed_cents) FILTER (WHERE submitted_on < ${startDay}::date), 0),
                 coalesce(sum(claimed_cents) FILTER (WHERE submitted_on < ${endDay}::date), 0)
            FROM funding_claims WHERE status <> 'draft' GROUP BY programme_id
          UNION ALL
          SELECT programme_id, 'received',
                 coalesce(sum(received_cents) FILTER (WHERE received_on < ${startDay}::date), 0),
                 coalesce(sum(received_cents) FILTER (WHERE received_on < ${endDay}::date), 0)
            FROM funding_claims WHERE status = 'paid' GROUP BY programme_id`,
    );
    const amountAt = new Map(dated.map((d) => [`${d.programme_id}/${d.kind}`, d]));
    const out: NonNullable<Dashboard['budget']>['programmes'] = [];
    for (const p of programmes) {
      const totals = (await programmeBudget(scope, p.id)).totals;
      const pick = (live: number, kind: string) => {
        const d = amountAt.get(`${p.id}/${kind}`);
        return { value: isCurrent ? live : num(d?.at_end), reference: num(d?.at_start) };
      };
      out.push({
        id: p.id,
        name: p.name,
        plannedCents: totals.plannedCents,
        ordered: pick(totals.orderedCents, 'ordered'),
        invoiced: pick(totals.invoicedCents, 'invoiced'),
        claimed: pick(totals.claimedCents, 'claimed'),
        received: pick(totals.receivedCents, 'received'),
      });
    }
    budget = { programmes: out };
  }

  return {
    schoolYear: year,
    current: isCurrent,
    period: { start: localDate(start), end: addDays(localDate(end), -1) },
    asOf: asOf.toISOString(),
    referenceAt: start.toISOString(),
    filters: {
      circonscription: q.circonscription ?? null,
      priority: q.priority ?? null,
      schoolId: q.schoolId ?? null,
    },
    options: {
      schoolYears: [...years].filter((y) => y <= current).sort((a, b) => b - a),
      circonscriptions: parse<string[] | null>(options?.circonscriptions) ?? [],
    },
    schools: { count: schoolRows.length, pupils },
    baseline,
    inventory,
    loans,
    helpdesk,
    bookings,
    budget,
    perSchool: [...perSchool.values()],
    tookMs: round(performance.now() - started, 1),
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
