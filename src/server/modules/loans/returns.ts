import { and, asc, count, eq, gt, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import { assetModels, assets, households, loanItems, loans, organisations, schools } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { tagFromScan } from '../inventory/labels.ts';
import { parseSettings } from '../organisations/settings.ts';
import { defaultDueDate } from './rules.ts';
import { returnLoanItems } from './service.ts';

/**
 * The end-of-year return drive of one school: the loans due by a date and
 * still out, a bulk return by scanning (each tag returned or refused with
 * its reason), what is still out afterwards, and a CSV of it. Lists carry
 * pseudonyms, never names. Each return goes through the single-loan return
 * (wipe confirmed, devices back to stock or a cart).
 */

const IsoDate = z.iso.date({ error: 'invalid_date' });

// ---- schemas -----------------------------------------------------------------

export const ReturnDriveQuerySchema = z.object({
  school: z.uuid().meta({ description: 'The school of the drive' }),
  dueBy: IsoDate.optional().meta({
    description: "Loans due on or before this date (default: the organisation's end-of-year due date)",
  }),
});
export type ReturnDriveQuery = z.infer<typeof ReturnDriveQuerySchema>;

const DriveItemSchema = z.object({
  assetId: z.uuid(),
  tag: z.string(),
  serial: z.string().nullable(),
  model: z.string(),
  role: z.string(),
});

export const ReturnDriveLoanSchema = z
  .object({
    id: z.uuid(),
    household: z.object({ id: z.uuid(), pseudonym: z.string() }),
    dueDate: z.string(),
    /** Days past the due date today (0 when not overdue). */
    daysOverdue: z.number().int(),
    handedOverAt: z.string().nullable(),
    campaignId: z.uuid().nullable(),
    /** The devices and accessories still out on this loan. */
    items: z.array(DriveItemSchema),
  })
  .meta({ id: 'ReturnDriveLoan' });

export const ReturnDriveSchema = z
  .object({
    school: z.object({ id: z.uuid(), uai: z.string(), name: z.string() }),
    dueBy: z.string(),
    /** Loans due by `dueBy` and still out (handed over, not returned), soonest due first. */
    loans: z.array(ReturnDriveLoanSchema),
    counts: z.object({
      /** Loans due by `dueBy` still out. */
      dueStillOut: z.number().int(),
      /** Their devices and accessories still out. */
      itemsStillOut: z.number().int(),
      /** Loans of the school still out but due after `dueBy`. */
      outNotYetDue: z.number().int(),
    }),
  })
  .meta({ id: 'ReturnDrive' });

export const DriveReturnInputSchema = z
  .object({
    school: z.uuid(),
    /** Scanned tags or label URLs, in scanning order. */
    tags: z.array(z.string().trim().min(1).max(300)).min(1).max(500),
    condition: z.enum(['ok', 'damaged', 'accessories_missing']).default('ok'),
    /** The MDM reset was done on every device scanned (CARMO v3: devices are wiped between users). */
    wiped: z.literal(true, { error: 'wipe_required' }),
    /** Where the devices go: a stock location, or a cart; none = in stock at the school. */
    destination: z
      .object({ stockLocationId: z.uuid().optional(), cartId: z.uuid().optional() })
      .strict()
      .refine((d) => (d.stockLocationId ? 1 : 0) + (d.cartId ? 1 : 0) === 1, { error: 'one_destination' })
      .optional(),
  })
  .strict()
  .meta({ id: 'ReturnDriveScanInput' });
export type DriveReturnInput = z.infer<typeof DriveReturnInputSchema>;

export const DRIVE_REFUSALS = [
  'unknown_tag',
  'duplicate_scan',
  'not_on_loan',
  'not_handed_over',
  'wrong_school',
  'refused',
] as const;

export const DriveReturnResultSchema = z
  .object({
    results: z.array(
      z.object({
        /** The tag as understood (a label URL becomes its tag). */
        tag: z.string(),
        outcome: z.enum(['returned', 'refused']),
        /**
         * Why a tag was refused: unknown_tag (no such device), duplicate_scan
         * (already in this batch), not_on_loan (no open loan), not_handed_over
         * (reserved for a loan not handed over yet), wrong_school (lent by
         * another school), refused (the return rules said no: see `code`).
         */
        reason: z.enum(DRIVE_REFUSALS).nullable(),
        /** Problem code when the return rules refused it (e.g. ASSET_VERSION_CONFLICT). */
        code: z.string().nullable(),
        detail: z.string().nullable(),
        loanId: z.uuid().nullable(),
        /** The loan after this batch: closed, returned (an incident is pending) or handed_over (items still out). */
        loanStatus: z.string().nullable(),
      }),
    ),
    returned: z.number().int(),
    refused: z.number().int(),
  })
  .meta({ id: 'ReturnDriveScanResult' });

// ---- the drive -----------------------------------------------------------------

async function driveSchool(scope: Scope, actor: Actor, schoolId: string) {
  const reach = schoolScope(actor);
  const [school] = await scope.tx
    .select({ id: schools.id, uai: schools.uai, name: schools.name })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school || (reach !== 'all' && !reach.includes(schoolId))) throw notFound('School');
  return school;
}

async function endOfYear(scope: Scope): Promise<string> {
  const [org] = await scope.tx
    .select({ settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.id, scope.organisationId));
  return defaultDueDate(parseSettings(org?.settings).loanDueMonthDay);
}

export async function getReturnDrive(scope: Scope, actor: Actor, q: ReturnDriveQuery, today = new Date()) {
  const school = await driveSchool(scope, actor, q.school);
  const dueBy = q.dueBy ?? (await endOfYear(scope));
  const out = and(eq(loans.schoolId, school.id), eq(loans.status, 'handed_over'));
  const due = await scope.tx
    .select({
      id: loans.id,
      householdId: households.id,
      pseudonym: households.pseudonym,
      dueDate: loans.dueDate,
      handedOverAt: loans.handedOverAt,
      campaignId: loans.campaignId,
    })
    .from(loans)
    .innerJoin(households, eq(households.id, loans.householdId))
    .where(and(out, lte(loans.dueDate, dueBy)))
    .orderBy(asc(loans.dueDate), asc(households.pseudonym));
  const items = due.length
    ? await scope.tx
        .select({
          loanId: loanItems.loanId,
          assetId: assets.id,
          tag: assets.tag,
          serial: assets.serial,
          model: assetModels.name,
          role: loanItems.role,
        })
        .from(loanItems)
        .innerJoin(assets, eq(assets.id, loanItems.assetId))
        .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
        .where(
          and(
            eq(loanItems.open, true),
            inArray(
              loanItems.loanId,
              due.map((d) => d.id),
            ),
          ),
        )
        .orderBy(asc(assets.tag))
    : [];
  const [later] = await scope.tx
    .select({ n: count() })
    .from(loans)
    .where(and(out, gt(loans.dueDate, dueBy)));
  const todayIso = today.toISOString().slice(0, 10);
  const byLoan = new Map<string, (typeof items)[number][]>();
  for (const i of items) byLoan.set(i.loanId, [...(byLoan.get(i.loanId) ?? []), i]);
  return {
    school,
    dueBy,
    loans: due.map((d) => ({
      id: d.id,
      household: { id: d.householdId, pseudonym: d.pseudonym },
      dueDate: d.dueDate,
      daysOverdue: Math.max(0, Math.round((Date.parse(todayIso) - Date.parse(d.dueDate)) / 86_400_000)),
      handedOverAt: d.handedOverAt?.toISOString() ?? null,
      campaignId: d.campaignId,
      items: (byLoan.get(d.id) ?? []).map(({ loanId: _l, ...i }) => i),
    })),
    counts: { dueStillOut: due.length, itemsStillOut: items.length, outNotYetDue: Number(later?.n ?? 0) },
  };
}

type DriveResult = z.infer<typeof DriveReturnResultSchema>['results'][number];

/**
 * Bulk return by scanning. Each loan is returned in a savepoint of its own,
 * so a refused loan leaves the others returned; a loan whose scanned tags
 * are only part of its items stays handed over with the rest still out.
 */
export async function returnByScan(scope: Scope, actor: Actor, input: DriveReturnInput) {
  const school = await driveSchool(scope, actor, input.school);
  const tags = input.tags.map(tagFromScan);
  const unique = [...new Set(tags)];
  const found = await scope.tx
    .select({
      tag: assets.tag,
      loanId: loanItems.loanId,
      loanStatus: loans.status,
      loanSchoolId: loans.schoolId,
    })
    .from(assets)
    .leftJoin(loanItems, and(eq(loanItems.assetId, assets.id), eq(loanItems.open, true)))
    .leftJoin(loans, eq(loans.id, loanItems.loanId))
    .where(inArray(assets.tag, unique));
  const byTag = new Map(found.map((f) => [f.tag, f]));
  const results: DriveResult[] = [];
  const seen = new Set<string>();
  const toReturn = new Map<string, string[]>();
  const refuse = (tag: string, reason: DriveResult['reason'], detail: string, loanId: string | null = null) =>
    ({ tag, outcome: 'refused', reason, code: null, detail, loanId, loanStatus: null }) as DriveResult;
  for (const tag of tags) {
    const f = byTag.get(tag);
    if (seen.has(tag)) results.push(refuse(tag, 'duplicate_scan', 'Scanned twice in this batch'));
    else if (!f) results.push(refuse(tag, 'unknown_tag', 'No device has this tag'));
    else if (!f.loanId) results.push(refuse(tag, 'not_on_loan', 'This device is not on loan'));
    else if (f.loanSchoolId !== school.id)
      results.push(refuse(tag, 'wrong_school', 'This device was lent by another school'));
    else if (f.loanStatus !== 'handed_over')
      results.push(refuse(tag, 'not_handed_over', `Reserved for a loan not handed over yet (${f.loanStatus})`));
    else {
      results.push({
        tag,
        outcome: 'returned',
        reason: null,
        code: null,
        detail: null,
        loanId: f.loanId,
        loanStatus: null,
      });
      toReturn.set(f.loanId, [...(toReturn.get(f.loanId) ?? []), tag]);
    }
    seen.add(tag);
  }
  for (const [loanId, loanTags] of toReturn) {
    let status: string | null = null;
    let refusal: AppError | null = null;
    try {
      const done = await scope.tx.transaction((tx) =>
        returnLoanItems({ ...scope, tx }, actor, loanId, {
          tags: loanTags,
          condition: input.condition,
          destination: input.destination ?? {},
        }),
      );
      status = done.status;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusal = error;
    }
    for (const r of results) {
      if (r.loanId !== loanId || r.outcome !== 'returned' || r.loanStatus !== null) continue;
      if (refusal)
        Object.assign(r, { outcome: 'refused', reason: 'refused', code: refusal.code, detail: refusal.detail });
      else r.loanStatus = status;
    }
  }
  const returned = results.filter((r) => r.outcome === 'returned').length;
  await recordAudit(scope, {
    action: 'loan.return_drive_scanned',
    entityType: 'school',
    entityId: school.id,
    after: { scanned: tags.length, returned, loans: toReturn.size, refused: results.length - returned },
  });
  return { results, returned, refused: results.length - returned };
}

/** What is still out, as CSV rows (pseudonyms, no names). */
export const DRIVE_CSV_COLUMNS = [
  { header: 'famille', value: (r: DriveCsvRow) => r.pseudonym },
  { header: 'pret', value: (r: DriveCsvRow) => r.loanId },
  { header: 'a_rendre_le', value: (r: DriveCsvRow) => r.dueDate },
  { header: 'jours_de_retard', value: (r: DriveCsvRow) => r.daysOverdue },
  { header: 'tag', value: (r: DriveCsvRow) => r.tag },
  { header: 'modele', value: (r: DriveCsvRow) => r.model },
  { header: 'serie', value: (r: DriveCsvRow) => r.serial },
  { header: 'role', value: (r: DriveCsvRow) => r.role },
] as const;

export interface DriveCsvRow {
  pseudonym: string;
  loanId: string;
  dueDate: string;
  daysOverdue: number;
  tag: string;
  model: string;
  serial: string | null;
  role: string;
}

export function driveCsvRows(drive: Awaited<ReturnType<typeof getReturnDrive>>): DriveCsvRow[] {
  return drive.loans.flatMap((l) =>
    l.items.map((i) => ({
      pseudonym: l.household.pseudonym,
      loanId: l.id,
      dueDate: l.dueDate,
      daysOverdue: l.daysOverdue,
      tag: i.tag,
      model: i.model,
      serial: i.serial,
      role: i.role,
    })),
  );
}
