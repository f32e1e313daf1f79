import { asc, isNull } from 'drizzle-orm';
import type { Scope } from '../../db/connection.ts';
import { schoolNetworks, schools } from '../../db/schema.ts';
import { recordAudit } from '../audit/service.ts';
import { generateDemoTraining } from '../training/demo.ts';

/**
 * The demo's network facts and training records for the socle numérique.
 * Deterministic (schools in UAI order, fixed positions): most schools on
 * fibre, every ninth élémentaire on VDSL below the 30 Mbit/s threshold,
 * one without recorded facts; maternelles get their facts too.
 *
 * Training: computed from the training module's attendance, which
 * `generateDemoTraining` (training/demo.ts, idempotent) records here — no
 * override any more; two élémentaires stay under the threshold.
 */
export async function generateDemoBaseline(
  scope: Scope,
): Promise<{ networks: number; overrides: number; trainingSessions: number }> {
  const list = await scope.tx
    .select({ id: schools.id, uai: schools.uai, kind: schools.kind })
    .from(schools)
    .where(isNull(schools.closedOn))
    .orderBy(asc(schools.uai));
  const networks: (typeof schoolNetworks.$inferInsert)[] = [];
  let elementary = 0;
  list.forEach((s, i) => {
    const isElementary = s.kind !== 'maternelle';
    if (isElementary) elementary += 1;
    const n = isElementary ? elementary : i + 1;
    if (isElementary && n === 17) return; // facts never recorded: "unknown"
    const slow = isElementary && n % 9 === 4;
    networks.push({
      organisationId: scope.organisationId,
      schoolId: s.id,
      internetAccess: slow ? 'vdsl' : 'fibre',
      bandwidthDownMbps: slow ? 18 : n % 3 === 0 ? 500 : 100,
      bandwidthUpMbps: slow ? 1.5 : n % 3 === 0 ? 500 : 100,
      wiredNetwork: slow ? 'partial' : 'yes',
      wifiPresent: isElementary,
      conseilEcoleInformedOn: isElementary ? `2021-${String(1 + (n % 6)).padStart(2, '0')}-15` : null,
      notes: slow ? 'Raccordement fibre prévu : montée en débit à programmer.' : null,
    });
  });
  if (networks.length) await scope.tx.insert(schoolNetworks).values(networks).onConflictDoNothing();
  const training = await generateDemoTraining(scope);
  await recordAudit(scope, {
    action: 'baseline.demo_generated',
    entityType: 'baseline_override',
    after: { networks: networks.length, overrides: 0, trainingSessions: training.sessions, generated: true },
  });
  return { networks: networks.length, overrides: 0, trainingSessions: training.sessions };
}
