import { and, count, eq, inArray } from 'drizzle-orm';
import { luhnValid } from '../../../shared/siret.ts';
import type { Scope } from '../../db/connection.ts';
import { classes, schools } from '../../db/schema.ts';
import { spread } from './rules.ts';
import type { CreateCostItemInput } from './schema.ts';
import {
  createConvention,
  createCostItem,
  createExpenseLine,
  createFunder,
  createProgramme,
  createSupplier,
} from './service.ts';

/**
 * The demo's programme (DOMAIN.md §1): "Plan numérique des écoles
 * élémentaires", 2020-02-01 → 2023-04-30, the city's écoles élémentaires
 * (and primaires) that have classes, 1,490,666 € HT eligible, FEDER at
 * 78.69 % capped at 1,173,000 € → FEDER 1,173,000 €, city 317,666 €.
 *
 * The expense lines are generated (marked `generated`), made through the
 * same services as the API: each cost item's budget is spread over its
 * invoices with the largest-remainder method, so the lines add up exactly
 * to the budget. Suppliers are fictional ("(démo)" in the name) with SIRETs
 * built to pass the check digit. Deterministic: the same lines every time.
 */

export const DEMO_PROGRAMME = {
  name: 'Plan numérique des écoles élémentaires',
  periodStart: '2020-02-01',
  periodEnd: '2023-04-30',
  eligibleCents: 149_066_600,
  federCapCents: 117_300_000,
  federRateBp: 7869,
} as const;

/** A 14-digit SIRET passing both checks (SIREN and SIRET Luhn), made from a small number. */
export function demoSiret(n: number): string {
  const withCheck = (body: string) => {
    for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
    throw new Error('unreachable');
  };
  const siren = withCheck(`9${String(n).padStart(7, '0')}`);
  return withCheck(`${siren}0001`);
}

const SUPPLIERS = [
  'Équipements Numériques de la Sarthe (démo)',
  'Réseaux & Câblages du Maine (démo)',
  'Classes Mobiles Ouest (démo)',
  'Formation Numérique Éducative (démo)',
  'ENT Services Collectivités (démo)',
  'Imprimerie de l’Huisne (démo)',
] as const;

const COST_ITEMS: (CreateCostItemInput & { budgetCents: number })[] = [
  {
    code: 'EQ',
    kind: 'equipment',
    label: 'Équipement informatique des classes',
    position: 1,
    budgetCents: 101_200_000,
  },
  {
    code: 'INF',
    kind: 'infrastructure_works',
    label: 'Infrastructures numériques (serveurs, bornes wifi, câblage)',
    position: 2,
    budgetCents: 31_800_000,
  },
  {
    code: 'SRV',
    kind: 'services_resources',
    label: 'Services et ressources numériques',
    position: 3,
    budgetCents: 6_400_000,
  },
  { code: 'FOR', kind: 'training', label: 'Formation des enseignants', position: 4, budgetCents: 8_666_600 },
  { code: 'COM', kind: 'communication', label: 'Publicité et communication', position: 5, budgetCents: 1_000_000 },
];

const PUBLICITY_TEXT =
  'Union européenne — Ce projet est cofinancé par le Fonds européen de développement régional. ' +
  'Il est financé dans le cadre de la réponse de l’Union à la pandémie de COVID-19 (REACT-EU).';

/** A date `days` after `from` (ISO). */
function addDays(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Returns the programme id, or null when the demo has no elementary school. */
export async function generateDemoFunding(scope: Scope): Promise<string | null> {
  const found = await scope.tx
    .select({ id: schools.id, uai: schools.uai, classes: count(classes.id) })
    .from(schools)
    .innerJoin(classes, eq(classes.schoolId, schools.id))
    .where(
      and(
        eq(schools.organisationId, scope.organisationId),
        inArray(schools.kind, ['elementaire', 'primaire', 'application']),
      ),
    )
    .groupBy(schools.id, schools.uai)
    .orderBy(schools.uai);
  if (!found.length) return null;
  const schoolIds = found.map((s) => s.id);

  const programme = await createProgramme(scope, {
    name: DEMO_PROGRAMME.name,
    description:
      'Renforcement du plan numérique des écoles : équipement informatique, infrastructures numériques ' +
      '(serveurs, bornes wifi, câblage, ordinateurs) et formation des enseignants des écoles élémentaires.',
    objectives:
      'Un socle numérique de base dans chaque école ; des équipements mobiles prêtables aux familles sans ' +
      'équipement ; la continuité pédagogique à distance en cas de crise ; la culture numérique des élèves.',
    periodStart: DEMO_PROGRAMME.periodStart,
    periodEnd: DEMO_PROGRAMME.periodEnd,
    // Three years from 31 December after the accounts of the final expenditure (DOMAIN.md §6).
    archiveUntil: '2026-12-31',
    schoolIds,
  });
  const items = [];
  for (const item of COST_ITEMS) items.push(await createCostItem(scope, programme.id, item));
  const feder = await createFunder(scope, { name: 'Union européenne — FEDER (REACT-EU)', kind: 'eu_feder' });
  await createConvention(scope, programme.id, {
    funderId: feder.id,
    reference: 'DEMO-FEDER-REACT-2021-001',
    signedOn: '2021-06-15',
    eligibleFrom: DEMO_PROGRAMME.periodStart,
    eligibleTo: DEMO_PROGRAMME.periodEnd,
    rateRule: { kind: 'flat', rateBp: DEMO_PROGRAMME.federRateBp },
    caps: { totalCents: DEMO_PROGRAMME.federCapCents },
    publicityText: PUBLICITY_TEXT,
    publicityFlags: { eu_emblem: true, website: true, a3_poster: true, permanent_plaque: true, react_eu: true },
    rank: 1,
  });
  const supplierIds: string[] = [];
  for (const [i, name] of SUPPLIERS.entries()) {
    supplierIds.push((await createSupplier(scope, { name, siret: demoSiret(1001 + i * 37) }, true)).id);
  }

  // Invoices per cost item: [supplier index, number of invoices, split over schools?]
  const plan: Record<string, { supplier: number; perSchool: boolean; invoices: number }> = {
    EQ: { supplier: 0, perSchool: true, invoices: found.length },
    INF: { supplier: 1, perSchool: true, invoices: found.length },
    SRV: { supplier: 4, perSchool: false, invoices: 3 },
    FOR: { supplier: 3, perSchool: false, invoices: 6 },
    COM: { supplier: 5, perSchool: false, invoices: 2 },
  };
  const classWeights = found.map((s) => s.classes);
  const days = 1100; // the period is 1,184 days; invoices stop early enough to be paid within it
  let invoiceNo = 0;
  for (const [k, item] of items.entries()) {
    const p = plan[item.code];
    if (!p) continue;
    // Equipment follows the classes; the rest is spread evenly with small variations.
    const weights = p.perSchool
      ? classWeights.map((c, i) => c * 100 + (i % 7) * 13 + (item.code === 'INF' ? 250 : 0))
      : Array.from({ length: p.invoices }, (_, i) => 100 + ((i * 37) % 23));
    const amounts = spread(item.budgetCents, weights);
    for (const [i, ht] of amounts.entries()) {
      invoiceNo++;
      const invoiceDate = addDays(
        DEMO_PROGRAMME.periodStart,
        20 + Math.floor((days * (i + 0.5)) / amounts.length) - k * 3,
      );
      const vat = Math.round(ht / 5);
      const school = p.perSchool ? found[i] : undefined;
      // Shared lines (services, training) are split over every school like the classes.
      const split = school
        ? [{ schoolId: school.id, amountCents: ht }]
        : item.code === 'COM'
          ? undefined
          : spread(ht, classWeights).map((amountCents, j) => ({ schoolId: schoolIds[j] as string, amountCents }));
      await createExpenseLine(
        scope,
        programme.id,
        {
          costItemId: item.id,
          supplierId: supplierIds[p.supplier] as string,
          invoiceNumber: `F${invoiceDate.slice(0, 4)}-${String(invoiceNo).padStart(4, '0')}`,
          invoiceDate,
          description: school ? `${item.label} — école ${school.uai}` : item.label,
          htCents: ht,
          vatCents: vat,
          ttcCents: ht + vat,
          paidOn: addDays(invoiceDate, 28),
          mandateNumber: `M${invoiceDate.slice(0, 4)}-${String(invoiceNo * 7).padStart(5, '0')}`,
          eligibility: 'eligible',
          schools: split,
        },
        { generated: true },
      );
    }
  }
  return programme.id;
}
