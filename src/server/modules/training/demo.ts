import { count, eq, sql } from 'drizzle-orm';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import { rows, type Scope } from '../../db/connection.ts';
import { trainingFeedback, trainingRegistrations, trainingSessions, trainingTrainees } from '../../db/schema.ts';
import { recordAudit } from '../audit/service.ts';

/**
 * The demo's training records (issue #8 point 3), so that the socle's
 * `training` criterion and the programme's `teachers_trained` indicator are
 * computed from attendance, not from overrides. Deterministic (élémentaires
 * in UAI order, fixed positions, generated names — marked as generated in
 * the topic's description):
 * - last school year, open "animations pédagogiques numériques" where 60 %
 *   of each élémentaire's teachers (one per class) were present — except the
 *   5th and 16th élémentaires, with a quarter only (under the SNEE
 *   threshold: "partly");
 * - during the programme (2021-2022), "prise en main des ENI" sessions with
 *   the same people, which the funding indicator counts;
 * - a families' session held with a head count, a périscolaire one, two
 *   planned sessions open for registration; paper feedback scores.
 * Idempotent: does nothing when the organisation has sessions already.
 */

const FIRST = ['Camille', 'Dominique', 'Claude', 'Alix', 'Sacha', 'Morgan', 'Charlie', 'Lou', 'Noa', 'Eden', 'Maël'];
const LAST = ['Martin', 'Bernard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel'];
const UNDER_THRESHOLD = new Set([5, 16]);
const BATCH = 6;

export async function generateDemoTraining(scope: Scope): Promise<{ sessions: number; trainees: number }> {
  const tx = scope.tx;
  const [existing] = await tx
    .select({ n: count() })
    .from(trainingSessions)
    .where(eq(trainingSessions.organisationId, scope.organisationId));
  if (existing && existing.n > 0) return { sessions: 0, trainees: 0 };
  const list = await rows<{ id: string; kind: string; classes: number }>(
    tx,
    sql`SELECT s.id, s.kind,
               (SELECT count(*) FROM classes k WHERE k.school_id = s.id
                   AND k.year = (SELECT max(k2.year) FROM classes k2 WHERE k2.school_id = s.id))::int AS classes
          FROM schools s
         WHERE s.organisation_id = ${scope.organisationId} AND s.closed_on IS NULL
         ORDER BY s.uai`,
  );
  const org = scope.organisationId;
  const last = currentSchoolYear() - 1;
  const at = (day: string, time = '13:30') => new Date(`${day}T${time}:00Z`);
  // Planned sessions: weeks ahead of the day the demo is generated.
  const ahead = (weeks: number, time = '13:30') =>
    at(new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10), time);
  const base = {
    organisationId: org,
    audience: 'teachers' as const,
    durationMinutes: 180,
    schoolId: null,
    createdBy: null,
  };
  const description = 'Données de démonstration générées.';

  // Who: trainees per élémentaire with classes.
  const people: { schoolId: string; batch: number; ids: string[] }[] = [];
  let elementary = 0;
  let name = 0;
  for (const s of list) {
    if (s.kind === 'maternelle') continue;
    elementary += 1;
    const teachers = Number(s.classes);
    if (teachers === 0) continue;
    const trained = UNDER_THRESHOLD.has(elementary) ? Math.max(1, Math.floor(teachers / 4)) : Math.ceil(teachers * 0.6);
    const values = Array.from({ length: trained }, () => {
      name += 1;
      return {
        organisationId: org,
        schoolId: s.id,
        name: `${FIRST[name % FIRST.length]} ${LAST[Math.floor(name / FIRST.length) % LAST.length]} (${name})`,
      };
    });
    const inserted = await tx.insert(trainingTrainees).values(values).returning({ id: trainingTrainees.id });
    people.push({ schoolId: s.id, batch: Math.floor(people.length / BATCH), ids: inserted.map((i) => i.id) });
  }
  const batches = Math.max(1, Math.ceil(people.length / BATCH));

  let sessions = 0;
  const registrations: (typeof trainingRegistrations.$inferInsert)[] = [];
  const scores: (typeof trainingFeedback.$inferInsert)[] = [];
  for (let b = 0; b < batches; b += 1) {
    const month = String(10 + (b % 3)).padStart(2, '0');
    const day = String(8 + b).padStart(2, '0');
    const group = people.filter((p) => p.batch === b);
    const [recent, programme] = await tx
      .insert(trainingSessions)
      .values([
        {
          ...base,
          topic: 'Animation pédagogique numérique : ENI, VPI et ressources de l’ENT',
          description,
          startsAt: at(`${last}-${month}-${day}`),
          place: 'Centre de ressources numériques, Le Mans',
          trainer: 'ERUN de la circonscription',
          capacity: 60,
          materials: [{ label: 'Diaporama (ENT e-primo)', url: 'https://www.e-primo.fr/' }],
          status: 'held' as const,
        },
        {
          ...base,
          topic: 'Prise en main des écrans numériques interactifs (plan numérique)',
          description,
          startsAt: at(`2021-${month}-${day}`, '09:00'),
          place: 'Centre de ressources numériques, Le Mans',
          trainer: 'Service numérique de la Ville',
          capacity: 60,
          status: 'held' as const,
        },
      ])
      .returning({ id: trainingSessions.id });
    if (!recent || !programme) throw new Error('demo training sessions not created');
    sessions += 2;
    for (const p of group) {
      p.ids.forEach((traineeId, i) => {
        registrations.push({
          organisationId: org,
          sessionId: recent.id,
          traineeId,
          schoolId: p.schoolId,
          attended: true,
        });
        // Two thirds of them came to the programme's session as well.
        if (i % 3 !== 2)
          registrations.push({
            organisationId: org,
            sessionId: programme.id,
            traineeId,
            schoolId: p.schoolId,
            attended: true,
          });
      });
    }
    for (const [i, score] of [5, 4, 4, 5, 3, 4, 5, 4].entries()) {
      if (i < 4 + (b % 4)) scores.push({ organisationId: org, sessionId: recent.id, score });
    }
  }

  const [families] = await tx
    .insert(trainingSessions)
    .values([
      {
        ...base,
        audience: 'families' as const,
        topic: 'Accompagner son enfant avec la tablette prêtée',
        description,
        startsAt: at(`${last}-11-20`, '17:30'),
        place: 'Médiathèque Aragon, Le Mans',
        trainer: 'Médiateur numérique de la Ville',
        capacity: 25,
        status: 'held' as const,
        headCount: 14,
      },
      {
        ...base,
        audience: 'periscolaire' as const,
        topic: 'Les tablettes pendant le temps périscolaire : usages et règles',
        description,
        startsAt: ahead(5, '14:00'),
        online: true,
        onlineUrl: 'https://visio.example.org/periscolaire-numerique',
        trainer: 'Service numérique de la Ville',
        capacity: 30,
      },
      {
        ...base,
        topic: 'Classe virtuelle et ENT : approfondissement',
        description,
        startsAt: ahead(7),
        place: 'Centre de ressources numériques, Le Mans',
        trainer: 'ERUN de la circonscription',
        capacity: 20,
      },
      {
        ...base,
        topic: 'Coder avec les robots en cycle 2',
        description,
        startsAt: ahead(10),
        online: true,
        trainer: 'ERUN de la circonscription',
        capacity: 16,
      },
    ])
    .returning({ id: trainingSessions.id });
  sessions += 4;
  if (families)
    for (const score of [5, 5, 4, 4, 4, 3]) scores.push({ organisationId: org, sessionId: families.id, score });
  for (let i = 0; i < registrations.length; i += 500) {
    await tx.insert(trainingRegistrations).values(registrations.slice(i, i + 500));
  }
  if (scores.length) await tx.insert(trainingFeedback).values(scores);
  const trainees = people.reduce((n, p) => n + p.ids.length, 0);
  await recordAudit(scope, {
    action: 'training.demo_generated',
    entityType: 'training_session',
    after: { sessions, trainees, registrations: registrations.length, generated: true },
  });
  return { sessions, trainees };
}
