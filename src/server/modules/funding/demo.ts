import { and, count, eq, inArray } from 'drizzle-orm';
import { luhnValid } from '../../../shared/siret.ts';
import type { Scope } from '../../db/connection.ts';
import { classes, schools } from '../../db/schema.ts';
import { receiveDelivery } from '../procurement/deliveries.ts';
import { allocateInvoice, createInvoice } from '../procurement/invoices.ts';
import { createContract, createOrder, placeOrder } from '../procurement/service.ts';
import { seedDefaultIndicators } from './indicators.ts';
import { seedDefaultPublicity, updatePublicityItem } from './publicity.ts';
import { spread } from './rules.ts';
import type { CreateCostItemInput } from './schema.ts';
import { createConvention, createCostItem, createFunder, createProgramme, createSupplier } from './service.ts';

/**
 * The demo's programme (DOMAIN.md §1): "Plan numérique des écoles
 * élémentaires", 2020-02-01 → 2023-04-30, the city's écoles élémentaires
 * (and primaires) that have classes, 1,490,666 € HT eligible, FEDER at
 * 78.69 % capped at 1,173,000 € → FEDER 1,173,000 €, city 317,666 €.
 *
 * The expense lines are generated (marked `generated`), made through the
 * same services as the API, from generated contracts, purchase orders
 * (received), invoices and their allocation to the programme: each cost
 * item's budget is spread over its invoice lines with the largest-remainder
 * method, and each expense line is made from one invoice line, so orders,
 * invoices and expense lines all add up exactly to the budget. Suppliers are
 * fictional ("(démo)" in the name) with SIRETs built to pass the check digit.
 * Deterministic: the same documents every time.
 */

export const DEMO_PROGRAMME = {
  name: 'Plan numérique des écoles élémentaires',
  periodStart: '2020-02-01',
  periodEnd: '2023-04-30',
  eligibleCents: 149_066_600,
  federCapCents: 117_300_000,
  federRateBp: 7869,
  classesTarget: 344,
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
    completedOn: DEMO_PROGRAMME.periodEnd,
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

  await generateDemoPurchases(scope, {
    programmeId: programme.id,
    items,
    supplierIds,
    schools: found,
  });
  // Indicators against the convention's targets (344 classes: DOMAIN.md §1) and the publicity
  // checklist; the website page and the poster were done at the start (fictional dates).
  await seedDefaultIndicators(scope, programme.id, { classesTarget: DEMO_PROGRAMME.classesTarget, audit: false });
  for (const item of await seedDefaultPublicity(scope, programme.id, { audit: false })) {
    const doneOn = { website_description: '2020-03-16', a3_poster: '2020-09-01' }[item.kind as string];
    if (doneOn) await updatePublicityItem(scope, item.id, { doneOn });
  }
  return programme.id;
}

type DemoItem = { id: string; code: string; label: string; budgetCents: number };
type DemoSchool = { id: string; uai: string; classes: number };

/** The contracts (marchés) of the demo, per cost item; communication is bought without one (small amounts). */
const CONTRACTS: Record<
  string,
  {
    reference: string;
    title: string;
    procedure: 'appel_offres_ouvert' | 'procedure_adaptee' | 'ugap';
    ceilingCents: number | null;
  }
> = {
  EQ: {
    reference: 'DEMO-2020-AOO-01',
    title: 'Fourniture d’équipements informatiques pour les classes des écoles élémentaires',
    procedure: 'appel_offres_ouvert',
    ceilingCents: 110_000_000,
  },
  INF: {
    reference: 'DEMO-2020-MAPA-02',
    title: 'Travaux d’infrastructures numériques : câblage, bornes wifi, serveurs',
    procedure: 'procedure_adaptee',
    ceilingCents: 35_000_000,
  },
  SRV: {
    reference: 'DEMO-UGAP-2020-03',
    title: 'Services et ressources numériques (espace numérique de travail) via l’UGAP',
    procedure: 'ugap',
    ceilingCents: null,
  },
  FOR: {
    reference: 'DEMO-2021-MAPA-04',
    title: 'Formation des enseignants aux usages du numérique',
    procedure: 'procedure_adaptee',
    ceilingCents: 9_000_000,
  },
};

/** Who supplies each cost item, and whether its lines go school by school (in orders of this many schools). */
const PURCHASES: Record<string, { supplier: number; schoolsPerOrder: number | null; invoices: number }> = {
  EQ: { supplier: 0, schoolsPerOrder: 7, invoices: 0 },
  INF: { supplier: 1, schoolsPerOrder: 7, invoices: 0 },
  SRV: { supplier: 4, schoolsPerOrder: null, invoices: 3 },
  FOR: { supplier: 3, schoolsPerOrder: null, invoices: 6 },
  COM: { supplier: 5, schoolsPerOrder: null, invoices: 2 },
};

/**
 * The purchases behind the programme's expense lines. Equipment and
 * infrastructure: one line per school (weighted by classes), orders of seven
 * schools, each delivered and invoiced at once. Services, training and
 * communication: one order per cost item, each line delivered (service
 * fait) and invoiced on its own date. Order lines carry no catalogue model,
 * so receiving them creates no asset (the demo inventory is generated
 * separately); they are received through the same delivery service as the
 * API. Every invoice line becomes one expense line (allocation), split over
 * its school, or over all the schools by classes (services, training), or
 * not split (communication).
 */
async function generateDemoPurchases(
  scope: Scope,
  demo: { programmeId: string; items: DemoItem[]; supplierIds: string[]; schools: DemoSchool[] },
) {
  const schoolIds = demo.schools.map((s) => s.id);
  const classWeights = demo.schools.map((s) => s.classes);
  const days = 1100; // the period is 1,184 days; invoices stop early enough to be paid within it
  let invoiceNo = 0;
  let orderNo = 0;
  for (const [k, item] of demo.items.entries()) {
    const p = PURCHASES[item.code];
    if (!p) continue;
    const supplierId = demo.supplierIds[p.supplier] as string;
    const c = CONTRACTS[item.code];
    const contractId = c
      ? (
          await createContract(
            scope,
            {
              ...c,
              notifiedOn: addDays(DEMO_PROGRAMME.periodStart, 30 + k * 20),
              startsOn: addDays(DEMO_PROGRAMME.periodStart, 30 + k * 20),
              endsOn: DEMO_PROGRAMME.periodEnd,
              lots: [{ number: 1, label: item.label }],
              ugap: c.procedure === 'ugap',
              supplierId,
              notes: 'Marché fictif (démo).',
            },
            true,
          )
        ).id
      : null;
    const perSchool = p.schoolsPerOrder !== null;
    // Equipment follows the classes; the rest is spread evenly with small variations.
    const weights = perSchool
      ? classWeights.map((n, i) => n * 100 + (i % 7) * 13 + (item.code === 'INF' ? 250 : 0))
      : Array.from({ length: p.invoices }, (_, i) => 100 + ((i * 37) % 23));
    const amounts = spread(item.budgetCents, weights);
    const lines = amounts.map((ht, i) => {
      const school = perSchool ? demo.schools[i] : undefined;
      return {
        ht,
        school,
        description: school ? `${item.label} — école ${school.uai}` : `${item.label} — tranche ${i + 1}`,
      };
    });
    // Groups: what is delivered and invoiced together.
    const size = p.schoolsPerOrder ?? 1;
    const groups = Array.from({ length: Math.ceil(lines.length / size) }, (_, g) =>
      lines.slice(g * size, (g + 1) * size),
    );
    const dateOf = (g: number) =>
      addDays(DEMO_PROGRAMME.periodStart, 20 + Math.floor((days * (g + 0.5)) / groups.length) - k * 3);
    // One order per group of schools; one order for the whole cost item otherwise.
    const orderGroups = perSchool
      ? groups.map((g, i) => ({ groups: [{ lines: g, index: i }] }))
      : [{ groups: groups.map((g, i) => ({ lines: g, index: i })) }];
    for (const og of orderGroups) {
      orderNo++;
      const firstDate = dateOf(og.groups[0]?.index ?? 0);
      const order = await createOrder(
        scope,
        {
          number: `DEMO-BC-${firstDate.slice(0, 4)}-${String(orderNo).padStart(3, '0')}`,
          supplierId,
          contractId,
          lotNumber: contractId ? 1 : null,
          programmeId: demo.programmeId,
          costItemId: item.id,
          orderedOn: addDays(firstDate, -45),
          expectedOn: addDays(firstDate, -10),
          notes: 'Bon de commande fictif (démo).',
          lines: og.groups.flatMap((g) =>
            g.lines.map((l) => ({
              description: l.description,
              quantity: 1,
              unitPriceCents: l.ht,
              vatRateBp: 2000,
              schoolId: l.school?.id ?? null,
              costItemId: item.id,
            })),
          ),
        },
        { generated: true },
      );
      await placeOrder(scope, order.id);
      let at = 0;
      for (const g of og.groups) {
        const orderLines = order.lines.slice(at, at + g.lines.length);
        at += g.lines.length;
        const invoiceDate = dateOf(g.index);
        await receiveDelivery(scope, null, order.id, {
          receivedOn: addDays(invoiceDate, -7),
          noteRef: `DEMO-BL-${String(orderNo).padStart(3, '0')}-${g.index + 1}`,
          lines: orderLines.map((l) => ({ orderLineId: l.id, quantity: 1 })),
        });
        invoiceNo++;
        const invoiceLines = orderLines.map((l) => ({
          orderLineId: l.id,
          description: l.description,
          quantity: 1,
          unitPriceCents: l.unitPriceCents,
          vatRateBp: 2000,
        }));
        const ht = orderLines.reduce((sum, l) => sum + l.htCents, 0);
        const vat = orderLines.reduce((sum, l) => sum + l.vatCents, 0);
        const invoice = await createInvoice(
          scope,
          {
            supplierId,
            orderId: order.id,
            number: `F${invoiceDate.slice(0, 4)}-${String(invoiceNo).padStart(4, '0')}`,
            invoiceDate,
            htCents: ht,
            vatCents: vat,
            ttcCents: ht + vat,
            paidOn: addDays(invoiceDate, 28),
            mandateNumber: `M${invoiceDate.slice(0, 4)}-${String(invoiceNo * 7).padStart(5, '0')}`,
            notes: 'Facture fictive (démo).',
            lines: invoiceLines,
          },
          { generated: true },
        );
        await allocateInvoice(
          scope,
          invoice.id,
          {
            programmeId: demo.programmeId,
            lines: invoice.lines.map((l, i) => {
              const school = g.lines[i]?.school;
              // Shared lines (services, training) are split over every school like the classes.
              const split = school
                ? [{ schoolId: school.id, amountCents: l.htCents }]
                : item.code === 'COM'
                  ? undefined
                  : spread(l.htCents, classWeights).map((amountCents, j) => ({
                      schoolId: schoolIds[j] as string,
                      amountCents,
                    }));
              return { invoiceLineId: l.id, costItemId: item.id, eligibility: 'eligible' as const, schools: split };
            }),
          },
          { generated: true },
        );
      }
    }
  }
}
