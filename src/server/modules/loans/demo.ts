import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.ts';
import { currentSchoolYear } from '../../../shared/school-year.ts';
import type { Config } from '../../config.ts';
import type { Scope } from '../../db/connection.ts';
import {
  assetCategories,
  assetModels,
  assets,
  classes,
  organisations,
  schools,
  userSchools,
  users,
} from '../../db/schema.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { conventionPdf } from './convention.ts';
import {
  acceptLoan,
  acceptOnPaper,
  allocate,
  conventionData,
  createRequest,
  handover,
  returnLoan,
  reviewRequest,
  rotateLink,
} from './service.ts';

/**
 * Demo family loans: a few loans in every state of the journey, made
 * through the same services as the application (so devices lent are
 * `on_loan` through the inventory state machine, returns are wiped, every
 * step is audited). The families are obviously fictional: invented
 * surnames, "rue Imaginaire" addresses, phone numbers of the 01 99 00
 * range (reserved by ARCEP for fiction) and e-mails at example.org.
 * Deterministic: the same families every time.
 */

/** Schools the browser journeys work in: the demo leaves their devices alone. */
const KEEP_CLEAR = new Set(['0720725X', '0720915D', '0720717N', '0720718P', '0721371Z', '0720700V']);

export const DEMO_SURNAMES = [
  'Imaginaire',
  'Fictivel',
  'Songecreux',
  'Nullepart',
  'Chimérou',
  'Fabulet',
  'Inventin',
  'Illusoire',
  'Exemplon',
  'Démonstra',
  'Supposé',
  'Lalune',
] as const;
const PUPIL_NAMES = ['Alix', 'Noé', 'Lina', 'Sacha', 'Maël', 'Inès', 'Tom', 'Jade', 'Yanis', 'Léa', 'Nino', 'Zoé'];
const PARENT_NAMES = [
  ['Camille', 'Dominique'],
  ['Claude', null],
  ['Sandrine', 'Karim'],
  ['Stéphane', null],
  ['Aurélie', 'Julien'],
  ['Fatou', null],
  ['Nadia', 'Olivier'],
  ['Hélène', null],
  ['Mehdi', 'Sophie'],
  ['Pascale', null],
  ['Yann', 'Marion'],
  ['Rachida', null],
] as const;

/** The steps a demo loan goes through; each plan stops at one of them. */
type Stage =
  | 'requested'
  | 'approved'
  | 'refused'
  | 'allocated'
  | 'link_sent'
  | 'accepted'
  | 'accepted_paper'
  | 'handed_over'
  | 'overdue'
  | 'returned';

/** What the demo shows, in order; the school is the index into the chosen schools. */
const PLANS: readonly { stage: Stage; school: number; connectivity?: boolean; secondHome?: boolean }[] = [
  { stage: 'requested', school: 0 },
  { stage: 'requested', school: 1, connectivity: true },
  { stage: 'approved', school: 0, secondHome: true },
  { stage: 'refused', school: 2 },
  { stage: 'allocated', school: 0 },
  { stage: 'link_sent', school: 1 },
  { stage: 'accepted', school: 0 },
  { stage: 'accepted_paper', school: 2, secondHome: true },
  { stage: 'handed_over', school: 0 },
  { stage: 'handed_over', school: 3, connectivity: true },
  { stage: 'overdue', school: 1 },
  { stage: 'returned', school: 3 },
];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

/** The fictional household of plan `i`: names, addresses, 01 99 00 phones, example.org e-mails. */
export function demoFamily(i: number, secondHome: boolean) {
  const surname = DEMO_SURNAMES[i % DEMO_SURNAMES.length] as string;
  const [first, second] = PARENT_NAMES[i % PARENT_NAMES.length] as readonly [string, string | null];
  const contact = (firstName: string, k: number, home: number) => ({
    firstName,
    lastName: surname,
    addressLine: `${3 + ((i * 7 + home * 11) % 90)} rue Imaginaire`,
    postcode: '72000',
    city: 'Le Mans',
    phone: `01 99 00 ${String(10 + i).padStart(2, '0')} ${String(10 + k * 11).padStart(2, '0')}`,
    email: `${ascii(firstName)}.${ascii(surname)}@example.org`,
  });
  const contacts = [contact(first, 1, 0)];
  // Separated parents: the second legal representative lives at another address (another home).
  if (second) contacts.push(contact(second, 2, secondHome ? 1 : 0));
  return {
    pupil: { firstName: PUPIL_NAMES[i % PUPIL_NAMES.length] as string, lastName: surname },
    contacts,
  };
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function actorFor(scope: Scope, role: Role): Promise<Actor | null> {
  const [user] = await scope.tx
    .select()
    .from(users)
    .where(and(eq(users.organisationId, scope.organisationId), sql`${role} = ANY(${users.roles})`))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!user) return null;
  const [org] = await scope.tx.select().from(organisations).where(eq(organisations.id, scope.organisationId));
  const attached = await scope.tx
    .select({ id: schools.id, uai: schools.uai, name: schools.name })
    .from(userSchools)
    .innerJoin(schools, eq(schools.id, userSchools.schoolId))
    .where(eq(userSchools.userId, user.id));
  return {
    userId: user.id,
    organisationId: scope.organisationId,
    email: user.email,
    displayName: user.displayName,
    locale: 'fr',
    roles: user.roles as Role[],
    organisation: { id: scope.organisationId, slug: org?.slug ?? '', name: org?.name ?? '' },
    schools: attached,
    schoolIds: attached.map((s) => s.id),
    via: 'session',
    sessionId: null,
    tokenId: null,
    csrfToken: null,
  };
}

/** Elementary schools with tablets in carts: the director's first, then priority-education ones. */
async function demoSchools(scope: Scope, director: Actor | null) {
  const candidates = await scope.tx
    .select({ id: schools.id, uai: schools.uai, name: schools.name, priority: schools.priorityEducation })
    .from(schools)
    .where(
      sql`${schools.closedOn} IS NULL AND EXISTS (
        SELECT 1 FROM ${assets} a JOIN ${assetModels} m ON m.id = a.model_id JOIN ${assetCategories} c ON c.id = m.category_id
         WHERE a.school_id = ${schools.id} AND a.status = 'in_cart' AND c.role = 'pupil_device')`,
    )
    .orderBy(asc(schools.name));
  const rank = (p: string) => (p === 'REP+' ? 0 : p === 'REP' ? 1 : 2);
  const usable = candidates
    .filter((s) => !KEEP_CLEAR.has(s.uai))
    .sort((a, b) => rank(a.priority) - rank(b.priority) || a.name.localeCompare(b.name));
  const own = usable.find((s) => director?.schoolIds.includes(s.id));
  const chosen = [...(own ? [own] : []), ...usable.filter((s) => s !== own)].slice(0, 4);
  while (chosen.length < 4 && chosen.length > 0) chosen.push(chosen[chosen.length - 1] as (typeof chosen)[number]);
  return chosen;
}

export interface DemoLoansResult {
  requests: number;
  loans: number;
  stages: Record<string, number>;
}

export async function generateDemoLoans(scope: Scope, config: Config): Promise<DemoLoansResult> {
  const manager = await actorFor(scope, 'manager');
  const technician = (await actorFor(scope, 'technician')) ?? manager;
  const director = await actorFor(scope, 'director');
  if (!manager || !technician) return { requests: 0, loans: 0, stages: {} };
  const chosen = await demoSchools(scope, director);
  if (chosen.length === 0) return { requests: 0, loans: 0, stages: {} };

  const year = currentSchoolYear();
  const classRows = await scope.tx
    .select({ id: classes.id, schoolId: classes.schoolId })
    .from(classes)
    .where(
      and(
        eq(classes.year, year),
        inArray(
          classes.schoolId,
          chosen.map((s) => s.id),
        ),
      ),
    )
    .orderBy(asc(classes.name));
  // The tablets of each school's carts, in tag order: the next free one is lent.
  const tablets = await scope.tx
    .select({ id: assets.id, tag: assets.tag, schoolId: assets.schoolId, cartId: assets.cartId })
    .from(assets)
    .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
    .innerJoin(assetCategories, eq(assetCategories.id, assetModels.categoryId))
    .where(
      and(
        eq(assets.status, 'in_cart'),
        eq(assetCategories.role, 'pupil_device'),
        isNotNull(assets.cartId),
        inArray(
          assets.schoolId,
          chosen.map((s) => s.id),
        ),
      ),
    )
    .orderBy(asc(assets.tag));
  const used = new Set<string>();
  const nextTablet = (schoolId: string) => {
    const found = tablets.find((a) => a.schoolId === schoolId && !used.has(a.id));
    if (found) used.add(found.id);
    return found;
  };
  const ipHash = createHash('sha256').update('demo-family-link').digest('hex');
  const stages: Record<string, number> = {};
  let loansMade = 0;

  for (const [i, plan] of PLANS.entries()) {
    const school = chosen[plan.school] as (typeof chosen)[number];
    const family = demoFamily(i, plan.secondHome ?? false);
    const schoolClasses = classRows.filter((c) => c.schoolId === school.id);
    const cls = schoolClasses[i % Math.max(1, schoolClasses.length)];
    // Directors file the requests of their school; the service files the others.
    const requester = director?.schoolIds.includes(school.id) ? director : manager;
    const request = await createRequest(scope, requester, {
      schoolId: school.id,
      classId: cls?.id ?? null,
      pupil: family.pupil,
      household: { locale: i === 5 ? 'en' : 'fr', contacts: family.contacts },
      need: { categoryId: null, connectivity: plan.connectivity ?? false },
      eligibility: {
        eligible: true,
        reasonCode: plan.connectivity ? 'no_internet_at_home' : 'no_device_at_home',
        decidedOn: day(-30 + i),
      },
    });
    stages[plan.stage] = (stages[plan.stage] ?? 0) + 1;
    if (plan.stage === 'requested') continue;
    if (plan.stage === 'refused') {
      await reviewRequest(scope, manager, request.id, 'rejected');
      continue;
    }
    await reviewRequest(scope, manager, request.id, 'approved');
    if (plan.stage === 'approved') continue;

    const tablet = nextTablet(school.id);
    if (!tablet) continue;
    const loan = await allocate(scope, technician, request.id, {
      assetIds: [tablet.id],
      ...(plan.stage === 'overdue' ? { dueDate: day(-17) } : {}),
    });
    loansMade++;
    if (plan.stage === 'allocated') continue;
    if (plan.stage === 'link_sent') {
      // The school printed the family's link with its QR code (the demo has no mail server): the
      // loan itself does not change until the family accepts; the audit trail says the link went out.
      await rotateLink(scope, technician, loan.id, false);
      await recordAudit(scope, {
        action: 'loan.link_issued',
        entityType: 'loan',
        entityId: loan.id,
        after: { channel: 'printed', generated: true },
      });
      continue;
    }
    if (plan.stage === 'accepted_paper') {
      // A stand-in for the scan of the convention signed by hand: the convention itself, as a PDF.
      const c = await conventionData(scope, loan.id);
      await acceptOnPaper(scope, technician, config, loan.id, await conventionPdf(c.template, c.data, c.locale));
      continue;
    }
    const typed = `${family.contacts[0]?.firstName} ${family.contacts[0]?.lastName}`;
    await acceptLoan(scope, config, loan.id, typed, ipHash);
    if (plan.stage === 'accepted') continue;

    await handover(scope, technician, loan.id, { tags: [tablet.tag], condition: 'ok' });
    if (plan.stage === 'handed_over' || plan.stage === 'overdue') continue;

    // Back, wiped, and into the cart it came from.
    await returnLoan(scope, technician, loan.id, {
      tags: [tablet.tag],
      condition: 'ok',
      destination: { cartId: tablet.cartId as string },
    });
  }
  await recordAudit(scope, {
    action: 'loan.demo_generated',
    entityType: 'loan',
    after: { requests: PLANS.length, loans: loansMade, generated: true },
  });
  return { requests: PLANS.length, loans: loansMade, stages };
}
