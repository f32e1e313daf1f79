import { sql } from 'drizzle-orm';
import { type Database, rows } from '../../db/connection.ts';
import { organisations } from '../../db/schema.ts';
import { recordAudit } from '../audit/service.ts';
import { purgeBefore } from './rules.ts';

/**
 * Retention of the names of staff trained without an account (personal
 * data): kept while their training can count (the three school years of
 * the validity window) plus one school year for corrections, then erased.
 * A trainee's name goes once none of their sessions started on or after
 * 1 September of the school year three years before the current one (and
 * the row is that old too). The row stays, nameless, so past attendances
 * still count the person once in the programme's indicator. Runs with the
 * daily personal-data purge (`loans-purge` job).
 */
export async function purgeTraineeNames(db: Database, now = new Date()): Promise<{ trainees: number }> {
  const limit = purgeBefore(now);
  const orgs = await db.owner.select({ id: organisations.id }).from(organisations);
  let purged = 0;
  for (const org of orgs) {
    purged += await db.withOrg(
      { organisationId: org.id, userId: null, actorKind: 'job', requestId: null },
      async (scope) => {
        const done = await rows<{ id: string }>(
          scope.tx,
          sql`UPDATE training_trainees t SET name = NULL, purged_at = ${now}
               WHERE t.name IS NOT NULL AND t.created_at < ${limit}::date
                 AND NOT EXISTS (SELECT 1 FROM training_registrations r
                                   JOIN training_sessions s ON s.id = r.session_id
                                  WHERE r.trainee_id = t.id AND s.starts_at >= ${limit}::date)
              RETURNING t.id`,
        );
        if (done.length)
          await recordAudit(scope, {
            action: 'training.trainees_purged',
            entityType: 'training_trainee',
            after: { trainees: done.length, before: limit },
          });
        return done.length;
      },
    );
  }
  return { trainees: purged };
}
