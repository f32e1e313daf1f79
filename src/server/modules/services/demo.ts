import { and, eq, ne, sql } from 'drizzle-orm';
import type { Scope } from '../../db/connection.ts';
import { contracts, digitalServices, schoolSubscriptions, schools, suppliers } from '../../db/schema.ts';
import { recordAudit } from '../audit/service.ts';

/**
 * The demo's digital services (Ville du Mans, Sarthe: académie de Nantes)
 * and the écoles élémentaires' subscriptions. Deterministic — schools are
 * taken in UAI order and the gaps fall on fixed positions — so that the
 * socle numérique always finds the same schools without an ENT (every
 * tenth from the fourth: 4 of 35) or without pedagogical resources (every
 * seventh from the sixth: 5 of 35). Prices are plausible reference prices,
 * not quotes. Suppliers and the services contract of the funding demo are
 * linked when they exist (the funding demo may run before or not at all).
 */

type Kind = (typeof digitalServices.$inferInsert)['kind'];
type Pricing = NonNullable<(typeof digitalServices.$inferInsert)['pricing']>;

interface DemoService {
  key: 'ent' | 'cloud' | 'resources' | 'mdm' | 'filtering';
  name: string;
  kind: Kind;
  pricing: Pricing;
  unitPriceCents: number;
  supplier: string | null;
  description: string;
}

const SERVICES: readonly DemoService[] = [
  {
    key: 'ent',
    name: 'e-primo',
    kind: 'ent',
    pricing: 'per_school',
    unitPriceCents: 0,
    supplier: null,
    description:
      'Espace numérique de travail du premier degré de l’académie de Nantes (cahier de textes, messagerie, ' +
      'blogs de classe). Porté par l’académie et les collectivités partenaires : aucun coût pour la ville dans la démo.',
  },
  {
    key: 'cloud',
    name: 'Nextcloud Ville du Mans',
    kind: 'cloud',
    pricing: 'per_school',
    unitPriceCents: 30_000,
    supplier: 'Réseaux & Câblages du Maine (démo)',
    description:
      'Stockage et partage de documents hébergé par la ville, un espace par école (quote-part d’hébergement).',
  },
  {
    key: 'resources',
    name: 'Bouquet de ressources pédagogiques numériques (démo)',
    kind: 'resources',
    pricing: 'per_pupil',
    unitPriceCents: 350,
    supplier: 'ENT Services Collectivités (démo)',
    description: 'Manuels et ressources numériques pour le cycle 2 et le cycle 3, accès élèves et enseignants.',
  },
  {
    key: 'mdm',
    name: 'Gestion de flotte des tablettes (MDM)',
    kind: 'mdm',
    pricing: 'per_seat',
    unitPriceCents: 1_200,
    supplier: 'Classes Mobiles Ouest (démo)',
    description:
      'Déploiement des applications, verrouillage et effacement à distance des tablettes des classes mobiles.',
  },
  {
    key: 'filtering',
    name: 'Filtrage web des écoles',
    kind: 'filtering',
    pricing: 'per_school',
    unitPriceCents: 15_000,
    supplier: null,
    description:
      'Filtrage des accès internet des écoles (liste noire de l’université Toulouse Capitole et liste de la ville).',
  },
];

/** Services-and-resources contract of the funding demo (resources are bought under it when it exists). */
const SERVICES_CONTRACT = 'DEMO-UGAP-2020-03';

export async function generateDemoServices(scope: Scope): Promise<void> {
  const org = scope.organisationId;
  const supplierRows = await scope.tx
    .select({ id: suppliers.id, name: suppliers.name })
    .from(suppliers)
    .where(eq(suppliers.organisationId, org));
  const supplierId = (name: string | null) => supplierRows.find((s) => s.name === name)?.id ?? null;
  const [contract] = await scope.tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.organisationId, org), eq(contracts.reference, SERVICES_CONTRACT)));

  const ids = new Map<DemoService['key'], string>();
  for (const s of SERVICES) {
    const [row] = await scope.tx
      .insert(digitalServices)
      .values({
        organisationId: org,
        name: s.name,
        kind: s.kind,
        pricing: s.pricing,
        unitPriceCents: s.unitPriceCents,
        supplierId: supplierId(s.supplier),
        description: s.description,
      })
      .returning();
    if (!row) throw new Error('demo service not created');
    ids.set(s.key, row.id);
    await recordAudit(scope, {
      action: 'services.service_created',
      entityType: 'digital_service',
      entityId: row.id,
      after: { name: row.name, kind: row.kind, pricing: row.pricing, unitPriceCents: row.unitPriceCents, demo: true },
    });
  }

  const elementary = await scope.tx
    .select({
      id: schools.id,
      uai: schools.uai,
      pupils: sql<
        number | null
      >`(SELECT y.pupils FROM school_years y WHERE y.school_id = ${schools.id} ORDER BY y.year DESC LIMIT 1)`,
    })
    .from(schools)
    .where(and(eq(schools.organisationId, org), ne(schools.kind, 'maternelle'), sql`${schools.closedOn} IS NULL`))
    .orderBy(schools.uai);

  const price = (key: DemoService['key']) => SERVICES.find((s) => s.key === key)?.unitPriceCents ?? 0;
  const values: (typeof schoolSubscriptions.$inferInsert)[] = [];
  const add = (v: Omit<typeof schoolSubscriptions.$inferInsert, 'organisationId'>) =>
    values.push({ organisationId: org, ...v });
  for (const [i, school] of elementary.entries()) {
    // Two waves of the plan: half the schools at the rentrée 2020, the rest a year later.
    const wave = i % 2 === 0 ? '2020-09-01' : '2021-09-01';
    const pupils = school.pupils === null ? null : Number(school.pupils);
    if (i % 10 !== 3) {
      add({ schoolId: school.id, serviceId: ids.get('ent') as string, startsOn: wave, yearlyCostCents: 0 });
    }
    if (i % 7 !== 5) {
      add({
        schoolId: school.id,
        serviceId: ids.get('resources') as string,
        startsOn: '2021-09-01',
        seats: pupils && pupils > 0 ? pupils : null,
        yearlyCostCents: pupils && pupils > 0 ? pupils * price('resources') : null,
        contractId: contract?.id ?? null,
      });
    }
    add({
      schoolId: school.id,
      serviceId: ids.get('filtering') as string,
      startsOn: '2020-09-01',
      yearlyCostCents: price('filtering'),
    });
    if (i % 4 !== 2) {
      add({
        schoolId: school.id,
        serviceId: ids.get('cloud') as string,
        startsOn: '2021-09-01',
        yearlyCostCents: price('cloud'),
      });
    }
    if (i % 3 === 0) {
      // One mobile class of 16 tablets, two in the larger schools.
      const seats = pupils !== null && pupils > 200 ? 32 : 16;
      add({
        schoolId: school.id,
        serviceId: ids.get('mdm') as string,
        startsOn: wave,
        seats,
        yearlyCostCents: seats * price('mdm'),
      });
    }
  }
  for (let i = 0; i < values.length; i += 500) {
    await scope.tx.insert(schoolSubscriptions).values(values.slice(i, i + 500));
  }
  const count = values.length;
  if (count) {
    await recordAudit(scope, {
      action: 'services.demo_subscriptions_created',
      entityType: 'school_subscription',
      after: { subscriptions: count, schools: elementary.length },
    });
  }
}
