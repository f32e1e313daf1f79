import { type SQL, sql } from 'drizzle-orm';
import { rows, type Scope, type Tx } from '../../db/connection.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { windowStart } from './rules.ts';
import type { TrainedQuery } from './schema.ts';

/**
 * Teachers trained per school: the distinct people (an account, or a named
 * trainee of the school) marked present at a **held** session whose
 * audience is teachers, counted for the school recorded on their
 * registration, with a session starting within [from, to] (days,
 * inclusive). Feeds the baseline's `training` criterion (window: the three
 * school years up to the day, `rules.ts`) and the funding indicator
 * `teachers_trained` (window: the programme's period).
 */

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

export function trainedSql(from: string, to: string, schools: SQL): SQL {
  return sql`SELECT r.school_id, count(DISTINCT coalesce(r.user_id, r.trainee_id))::int AS trained
               FROM training_registrations r
               JOIN training_sessions s ON s.id = r.session_id
              WHERE s.audience = 'teachers' AND s.status = 'held' AND r.attended
                AND r.school_id IS NOT NULL AND ${schools}
                AND s.starts_at >= ${from}::date AND s.starts_at < (${to}::date + 1)
              GROUP BY r.school_id`;
}

/** Trained teachers by school id (schools with none are absent); `schoolIds` null: every school. */
export async function countTrained(
  tx: Tx,
  from: string,
  to: string,
  schoolIds: readonly string[] | null,
): Promise<Map<string, number>> {
  const schools =
    schoolIds === null ? sql`true` : schoolIds.length === 0 ? sql`false` : sql`r.school_id IN (${list(schoolIds)})`;
  const found = await rows<{ school_id: string; trained: number }>(tx, trainedSql(from, to, schools));
  return new Map(found.map((f) => [f.school_id, Number(f.trained)]));
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The report per open school the actor reaches: teachers (one per class of
 * the school's latest year — Socle has no staff register; a school without
 * classes has no known number), trained within the validity window, share.
 */
export async function trainedTeachersReport(scope: Scope, actor: Actor, query: TrainedQuery = {}) {
  const on = query.on ?? todayIso();
  const from = windowStart(on);
  const reachIds = schoolScope(actor);
  const reach = reachIds === 'all' ? sql`true` : reachIds.length ? sql`s.id IN (${list(reachIds)})` : sql`false`;
  const found = await rows<{ id: string; uai: string; name: string; teachers: number }>(
    scope.tx,
    sql`SELECT s.id, s.uai, s.name,
               (SELECT count(*) FROM classes k WHERE k.school_id = s.id
                   AND k.year = (SELECT max(k2.year) FROM classes k2 WHERE k2.school_id = s.id))::int AS teachers
          FROM schools s
         WHERE s.organisation_id = ${scope.organisationId}
           AND (s.closed_on IS NULL OR s.closed_on > ${on}::date) AND ${reach}
           AND ${query.schoolId ? sql`s.id = ${query.schoolId}` : sql`true`}
         ORDER BY s.name, s.uai`,
  );
  const trained = await countTrained(
    scope.tx,
    from,
    on,
    found.map((s) => s.id),
  );
  return {
    on,
    windowStart: from,
    schools: found.map((s) => {
      const teachers = Number(s.teachers) || null;
      const n = trained.get(s.id) ?? 0;
      return {
        schoolId: s.id,
        uai: s.uai,
        name: s.name,
        teachers,
        trained: n,
        shareBp: teachers ? Math.floor((Math.min(n, teachers) * 10_000) / teachers) : null,
      };
    }),
  };
}
