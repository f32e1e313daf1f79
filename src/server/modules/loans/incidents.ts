import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '../../../shared/permissions.ts';
import type { Scope } from '../../db/connection.ts';
import { assets, loanIncidents, loanItems, loans, users } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { transitionAsset } from '../inventory/service.ts';
import { canSeePersonalData } from './service.ts';

/**
 * Incidents of a loan (DOMAIN.md §5): damage, loss, theft — a theft needs
 * the police report reference — and their outcome. A loss or theft
 * declares the device lost / stolen through the inventory's state machine
 * and ends its line on the loan (no reminder for a device the family no
 * longer has). A loan whose devices are all back (or gone) stays `returned`
 * until every incident is settled, then closes; the retention purge waits
 * for that. MDM location may be activated only for a declared, unsettled
 * loss or theft, and the activation is in the audit trail. Notes may hold
 * personal data: shown to those who see the household, cleared by the
 * purge, never copied into the audit trail.
 */

export const INCIDENT_KINDS = ['damage', 'loss', 'theft'] as const;
export const INCIDENT_OUTCOMES = [
  'pending',
  'repaired',
  'replaced',
  'written_off',
  'paid_by_insurance',
  'found',
] as const;

const IsoDate = z.iso.date({ error: 'invalid_date' });
const notes = z.string().trim().max(2000).nullable().optional();
const policeRef = z.string().trim().min(1).max(100).nullable().optional();
const today = () => new Date().toISOString().slice(0, 10);

export const CreateIncidentSchema = z
  .object({
    kind: z.enum(INCIDENT_KINDS),
    declaredOn: IsoDate,
    /** Required for a theft (the reference of the complaint filed with the police). */
    policeReportRef: policeRef,
    notes,
    /** The device or accessory concerned; the loan's device when absent. */
    assetId: z.uuid().optional(),
    /** A loss or theft declares the device lost / stolen in the inventory (default). */
    updateAsset: z.boolean().default(true),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind === 'theft' && !b.policeReportRef)
      ctx.addIssue({ code: 'custom', path: ['policeReportRef'], message: 'police_report_required' });
    if (b.declaredOn > today()) ctx.addIssue({ code: 'custom', path: ['declaredOn'], message: 'date_in_future' });
  })
  .meta({ id: 'CreateLoanIncidentInput' });
export type CreateIncidentInput = z.infer<typeof CreateIncidentSchema>;

export const UpdateIncidentSchema = z
  .object({
    /** Settling: an outcome other than `pending`, with the date it was settled (today when absent). */
    outcome: z.enum(INCIDENT_OUTCOMES).optional(),
    settledOn: IsoDate.optional(),
    policeReportRef: policeRef,
    notes,
  })
  .strict()
  .meta({ id: 'UpdateLoanIncidentInput' });
export type UpdateIncidentInput = z.infer<typeof UpdateIncidentSchema>;

export const IncidentSchema = z
  .object({
    id: z.uuid(),
    loanId: z.uuid(),
    asset: z.object({ id: z.uuid(), tag: z.string() }).nullable(),
    kind: z.enum(INCIDENT_KINDS),
    declaredOn: z.string(),
    policeReportRef: z.string().nullable(),
    /** Null for readers who do not see the household's personal data, and after the purge. */
    notes: z.string().nullable(),
    outcome: z.enum(INCIDENT_OUTCOMES),
    settledOn: z.string().nullable(),
    locationActivatedAt: z.string().nullable(),
    locationActivatedBy: z.string().nullable(),
    createdAt: z.string(),
    can: z.object({ update: z.boolean(), activateLocation: z.boolean() }),
  })
  .meta({ id: 'LoanIncident' });

async function lockedLoan(scope: Scope, actor: Actor, loanId: string, lock: boolean) {
  const reach = schoolScope(actor);
  const q = scope.tx
    .select()
    .from(loans)
    .where(
      and(
        eq(loans.id, loanId),
        reach === 'all' ? undefined : reach.length ? inArray(loans.schoolId, [...reach]) : sql`false`,
      ),
    );
  const [loan] = lock ? await q.for('update') : await q;
  if (!loan) throw notFound('Loan');
  return loan;
}

type IncidentRow = typeof loanIncidents.$inferSelect;

function present(
  i: IncidentRow & { assetTag: string | null; activatedByName: string | null },
  actor: Actor,
  personal: boolean,
) {
  const open = i.outcome === 'pending';
  return {
    id: i.id,
    loanId: i.loanId,
    asset: i.assetId && i.assetTag ? { id: i.assetId, tag: i.assetTag } : null,
    kind: i.kind as (typeof INCIDENT_KINDS)[number],
    declaredOn: i.declaredOn,
    policeReportRef: i.policeReportRef,
    notes: personal ? i.notes : null,
    outcome: i.outcome as (typeof INCIDENT_OUTCOMES)[number],
    settledOn: i.settledOn,
    locationActivatedAt: i.locationActivatedAt?.toISOString() ?? null,
    locationActivatedBy: i.activatedByName,
    createdAt: i.createdAt.toISOString(),
    can: {
      update: can(actor.roles, 'loans.incidents'),
      activateLocation:
        open && i.kind !== 'damage' && i.locationActivatedAt === null && can(actor.roles, 'loans.location'),
    },
  };
}

async function incidentRows(scope: Scope, loanId: string, id?: string) {
  return scope.tx
    .select({ i: loanIncidents, assetTag: assets.tag, activatedByName: users.displayName })
    .from(loanIncidents)
    .leftJoin(assets, eq(assets.id, loanIncidents.assetId))
    .leftJoin(users, eq(users.id, loanIncidents.locationActivatedBy))
    .where(and(eq(loanIncidents.loanId, loanId), id ? eq(loanIncidents.id, id) : undefined))
    .orderBy(asc(loanIncidents.declaredOn), asc(loanIncidents.createdAt));
}

export async function findIncidents(scope: Scope, actor: Actor, loanId: string) {
  const loan = await lockedLoan(scope, actor, loanId, false);
  const personal = canSeePersonalData(actor, loan.schoolId, loan.status);
  const found = await incidentRows(scope, loanId);
  if (personal && found.some((f) => f.i.notes)) {
    // Notes may name people: reading them is reading the household's personal data.
    await recordAudit(scope, {
      action: 'household.read',
      entityType: 'household',
      entityId: loan.householdId,
      after: { document: 'incident_notes', loanId },
    });
  }
  return found.map((f) =>
    present({ ...f.i, assetTag: f.assetTag, activatedByName: f.activatedByName }, actor, personal),
  );
}

async function getIncident(scope: Scope, actor: Actor, loanId: string, id: string) {
  const loan = await lockedLoan(scope, actor, loanId, false);
  const [f] = await incidentRows(scope, loanId, id);
  if (!f) throw notFound('Incident');
  return present(
    { ...f.i, assetTag: f.assetTag, activatedByName: f.activatedByName },
    actor,
    canSeePersonalData(actor, loan.schoolId, loan.status),
  );
}

/** A loan with nothing out and nothing pending is closed (and the retention delay starts). */
async function closeIfDone(scope: Scope, loanId: string) {
  const [loan] = await scope.tx.select().from(loans).where(eq(loans.id, loanId));
  if (loan?.status !== 'returned') return;
  const [out] = await scope.tx
    .select({ n: count() })
    .from(loanItems)
    .where(and(eq(loanItems.loanId, loanId), eq(loanItems.open, true)));
  const [pending] = await scope.tx
    .select({ n: count() })
    .from(loanIncidents)
    .where(and(eq(loanIncidents.loanId, loanId), eq(loanIncidents.outcome, 'pending')));
  if (Number(out?.n ?? 0) > 0 || Number(pending?.n ?? 0) > 0) return;
  const now = new Date();
  await scope.tx.update(loans).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(loans.id, loanId));
  await recordAudit(scope, {
    action: 'loan.closed',
    entityType: 'loan',
    entityId: loanId,
    before: { status: 'returned' },
    after: { status: 'closed', reason: 'incidents_settled' },
  });
}

export async function createIncident(scope: Scope, actor: Actor, loanId: string, input: CreateIncidentInput) {
  const loan = await lockedLoan(scope, actor, loanId, true);
  if (!['handed_over', 'returned', 'closed'].includes(loan.status)) {
    throw new AppError(
      'LOAN_INVALID_STATE',
      `The loan is ${loan.status}: the devices were not handed over (record the incident on the asset instead)`,
    );
  }
  const items = await scope.tx
    .select({
      assetId: loanItems.assetId,
      role: loanItems.role,
      open: loanItems.open,
      status: assets.status,
      version: assets.version,
      tag: assets.tag,
    })
    .from(loanItems)
    .innerJoin(assets, eq(assets.id, loanItems.assetId))
    .where(eq(loanItems.loanId, loanId))
    .orderBy(asc(assets.tag));
  const item = input.assetId
    ? items.find((i) => i.assetId === input.assetId)
    : (items.find((i) => i.role === 'device' && i.open) ?? items.find((i) => i.role === 'device') ?? items[0]);
  if (!item) {
    throw new AppError('VALIDATION_FAILED', 'This device is not on this loan', {
      fields: [{ path: 'body.assetId', message: 'not on this loan', code: 'not_on_loan' }],
    });
  }
  const goneWith = input.kind === 'loss' ? 'lost' : input.kind === 'theft' ? 'stolen' : null;
  const declareGone = goneWith !== null && input.updateAsset;
  if (declareGone && !item.open) {
    throw new AppError('LOAN_INVALID_STATE', `Device ${item.tag} is not out on this loan any more`);
  }
  const [incident] = await scope.tx
    .insert(loanIncidents)
    .values({
      organisationId: scope.organisationId,
      loanId,
      assetId: item.assetId,
      kind: input.kind,
      declaredOn: input.declaredOn,
      policeReportRef: input.policeReportRef ?? null,
      notes: input.notes || null,
      recordedBy: actor.userId,
    })
    .returning();
  if (!incident) throw new AppError('INTERNAL');
  if (declareGone && goneWith) {
    if (item.status === 'on_loan') {
      await transitionAsset(
        scope,
        actor,
        item.assetId,
        { version: item.version, to: goneWith },
        { note: `loan:${loanId} incident:${incident.id}` },
      );
    }
    await scope.tx
      .update(loanItems)
      .set({ open: false })
      .where(and(eq(loanItems.loanId, loanId), eq(loanItems.assetId, item.assetId)));
    const stillOut = items.filter((i) => i.open && i.assetId !== item.assetId).length;
    if (loan.status === 'handed_over' && stillOut === 0) {
      // Nothing left to bring back: the loan waits for the incident to be settled.
      await scope.tx.update(loans).set({ status: 'returned', updatedAt: new Date() }).where(eq(loans.id, loanId));
    }
  }
  if (loan.status === 'closed') {
    // Damage found after the return: the loan is open again until the incident is settled.
    await scope.tx
      .update(loans)
      .set({ status: 'returned', closedAt: null, updatedAt: new Date() })
      .where(eq(loans.id, loanId));
  }
  await recordAudit(scope, {
    action: 'loan.incident_declared',
    entityType: 'loan',
    entityId: loanId,
    after: {
      incidentId: incident.id,
      kind: input.kind,
      declaredOn: input.declaredOn,
      asset: item.tag,
      policeReport: incident.policeReportRef !== null,
      assetStatus: declareGone ? goneWith : null,
    },
  });
  return getIncident(scope, actor, loanId, incident.id);
}

export async function updateIncident(
  scope: Scope,
  actor: Actor,
  loanId: string,
  id: string,
  input: UpdateIncidentInput,
) {
  await lockedLoan(scope, actor, loanId, true);
  const [before] = await scope.tx
    .select()
    .from(loanIncidents)
    .where(and(eq(loanIncidents.id, id), eq(loanIncidents.loanId, loanId)))
    .for('update');
  if (!before) throw notFound('Incident');
  const outcome = input.outcome ?? before.outcome;
  if (outcome === 'found' && before.kind === 'damage') {
    throw new AppError('VALIDATION_FAILED', 'Only a lost or stolen device can be found', {
      fields: [{ path: 'body.outcome', message: 'found_needs_loss_or_theft', code: 'found_needs_loss_or_theft' }],
    });
  }
  const policeReportRef = input.policeReportRef === undefined ? before.policeReportRef : input.policeReportRef;
  if (before.kind === 'theft' && !policeReportRef) {
    throw new AppError('VALIDATION_FAILED', 'A theft keeps its police report reference', {
      fields: [{ path: 'body.policeReportRef', message: 'police_report_required', code: 'police_report_required' }],
    });
  }
  const settledOn = outcome === 'pending' ? null : (input.settledOn ?? before.settledOn ?? today());
  if (settledOn && settledOn < before.declaredOn) {
    throw new AppError('VALIDATION_FAILED', 'Settled before it was declared', {
      fields: [{ path: 'body.settledOn', message: 'before_declaration', code: 'before_declaration' }],
    });
  }
  const now = new Date();
  await scope.tx
    .update(loanIncidents)
    .set({
      outcome,
      settledOn,
      settledAt: outcome === 'pending' ? null : before.outcome === 'pending' ? now : before.settledAt,
      policeReportRef,
      notes: input.notes === undefined ? before.notes : input.notes || null,
      updatedAt: now,
    })
    .where(eq(loanIncidents.id, id));
  await recordAudit(scope, {
    action: 'loan.incident_updated',
    entityType: 'loan',
    entityId: loanId,
    before: { incidentId: id, outcome: before.outcome, settledOn: before.settledOn },
    after: { incidentId: id, outcome, settledOn, notesChanged: input.notes !== undefined },
  });
  if (outcome !== 'pending') await closeIfDone(scope, loanId);
  else {
    // Settled by mistake: a closed loan opens again until the incident is settled.
    await scope.tx
      .update(loans)
      .set({ status: 'returned', closedAt: null, updatedAt: now })
      .where(and(eq(loans.id, loanId), eq(loans.status, 'closed')));
  }
  return getIncident(scope, actor, loanId, id);
}

/**
 * Records that the device's location was switched on in the MDM. Allowed
 * only for a declared loss or theft not settled yet (DOMAIN.md §5: off by
 * default, only after a declared loss or theft, logged).
 */
export async function activateLocation(scope: Scope, actor: Actor, loanId: string, id: string) {
  await lockedLoan(scope, actor, loanId, true);
  const [incident] = await scope.tx
    .select()
    .from(loanIncidents)
    .where(and(eq(loanIncidents.id, id), eq(loanIncidents.loanId, loanId)))
    .for('update');
  if (!incident) throw notFound('Incident');
  if (incident.kind === 'damage') {
    throw new AppError(
      'LOAN_LOCATION_NOT_ALLOWED',
      'The device can be located only after a declared loss or theft; this incident is a damage',
    );
  }
  if (incident.outcome !== 'pending') {
    throw new AppError('LOAN_LOCATION_NOT_ALLOWED', `The ${incident.kind} is settled (${incident.outcome})`);
  }
  if (!incident.locationActivatedAt) {
    const now = new Date();
    await scope.tx
      .update(loanIncidents)
      .set({ locationActivatedAt: now, locationActivatedBy: actor.userId, updatedAt: now })
      .where(eq(loanIncidents.id, id));
    const [asset] = incident.assetId
      ? await scope.tx.select({ tag: assets.tag }).from(assets).where(eq(assets.id, incident.assetId))
      : [];
    await recordAudit(scope, {
      action: 'loan.location_activated',
      entityType: 'loan',
      entityId: loanId,
      after: { incidentId: id, kind: incident.kind, declaredOn: incident.declaredOn, asset: asset?.tag ?? null },
    });
  }
  return getIncident(scope, actor, loanId, id);
}
