import { and, asc, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { z } from 'zod';
import type { Scope } from '../../db/connection.ts';
import {
  assetCategories,
  assetModels,
  assets,
  auditEvents,
  classes,
  files,
  householdContacts,
  households,
  loanIncidents,
  loanItems,
  loanMessages,
  loanRequests,
  loans,
  mailLog,
  organisations,
  pupils,
  schools,
  users,
} from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { type Actor, schoolScope } from '../auth/actor.ts';
import { removePersonalData } from './service.ts';

/**
 * Data-subject rights on a household (GDPR art. 15, 17; DOMAIN.md §5):
 * everything Socle holds about it — requests, loans, devices, incidents,
 * mails, what the family wrote, and who read or changed its record — as
 * JSON or PDF; and erasure on request, refused while a loan is open
 * (the devices are still out, or an incident is not settled), done the
 * way the retention purge does it. Both are audited.
 */

const nullableString = z.string().nullable();

export const HouseholdExportSchema = z
  .object({
    exportedAt: z.string(),
    organisation: z.string(),
    controllerNotice: z.string(),
    household: z.object({
      id: z.uuid(),
      pseudonym: z.string(),
      language: z.enum(['fr', 'en']),
      school: z.object({ uai: z.string(), name: z.string() }),
      createdAt: z.string(),
      personalDataErasedAt: nullableString,
    }),
    pupil: z.object({ firstName: z.string(), lastName: z.string(), className: nullableString }).nullable(),
    legalRepresentatives: z.array(
      z.object({
        rank: z.number().int(),
        firstName: z.string(),
        lastName: z.string(),
        addressLine: z.string(),
        postcode: z.string(),
        city: z.string(),
        phone: nullableString,
        email: nullableString,
      }),
    ),
    requests: z.array(
      z.object({
        id: z.uuid(),
        status: z.string(),
        need: z.object({ category: nullableString, connectivity: z.boolean() }),
        eligibility: z.object({ eligible: z.boolean(), reasonCode: z.string(), decidedOn: z.string() }),
        createdAt: z.string(),
        reviewedAt: nullableString,
      }),
    ),
    loans: z.array(
      z.object({
        id: z.uuid(),
        status: z.string(),
        dueDate: z.string(),
        allocatedAt: z.string(),
        acceptance: z.object({
          via: nullableString,
          at: nullableString,
          nameTyped: nullableString,
          /** Only a keyed hash of the address is kept, never the address. */
          ipHashKept: z.boolean(),
        }),
        handedOverAt: nullableString,
        conditionOut: nullableString,
        conditionOutNotes: nullableString,
        returnedAt: nullableString,
        conditionIn: nullableString,
        conditionInNotes: nullableString,
        wipedAt: nullableString,
        closedAt: nullableString,
        devices: z.array(
          z.object({
            tag: z.string(),
            model: z.string(),
            serial: nullableString,
            role: z.string(),
            returnedAt: nullableString,
          }),
        ),
        documents: z.array(z.object({ name: z.string(), createdAt: z.string() })),
        incidents: z.array(
          z.object({
            kind: z.string(),
            declaredOn: z.string(),
            policeReportRef: nullableString,
            notes: nullableString,
            outcome: z.string(),
            settledOn: nullableString,
            locationActivatedAt: nullableString,
          }),
        ),
        messages: z.array(
          z.object({ category: z.string(), body: z.string(), createdAt: z.string(), handledAt: nullableString }),
        ),
      }),
    ),
    mails: z.array(
      z.object({
        template: z.string(),
        recipient: nullableString,
        subject: z.string(),
        status: z.string(),
        createdAt: z.string(),
        sentAt: nullableString,
      }),
    ),
    /** Who did what with the record (reads included); actors are named by role of account, not by person. */
    events: z.array(
      z.object({ occurredAt: z.string(), action: z.string(), actorKind: z.string(), entityType: z.string() }),
    ),
  })
  .meta({ id: 'HouseholdExport' });
export type HouseholdExport = z.infer<typeof HouseholdExportSchema>;

export const HouseholdErasedSchema = z
  .object({
    id: z.uuid(),
    pseudonym: z.string(),
    erasedAt: z.string(),
    /** Requests still pending or approved, cancelled by the erasure. */
    cancelledRequests: z.number().int(),
    files: z.number().int(),
  })
  .meta({ id: 'HouseholdErased' });

async function householdInReach(scope: Scope, actor: Actor, id: string, lock = false) {
  const reach = schoolScope(actor);
  const q = scope.tx
    .select()
    .from(households)
    .where(
      and(
        eq(households.id, id),
        reach === 'all' ? undefined : reach.length ? inArray(households.schoolId, [...reach]) : sql`false`,
      ),
    );
  const [h] = lock ? await q.for('update') : await q;
  if (!h) throw notFound('Household');
  return h;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

const NOTICE = {
  fr: 'Responsable du traitement : la commune. Finalité : prêt d’équipements numériques aux familles. Base légale : mission d’intérêt public (RGPD art. 6-1-e). Conservation : jusqu’à la restitution et au règlement des incidents, puis le délai fixé par la commune. Droits : accès, rectification, effacement, limitation ; réclamation auprès de la CNIL.',
  en: 'Controller: the commune. Purpose: lending digital devices to families. Lawful basis: task in the public interest (GDPR art. 6-1-e). Retention: until the return and the settlement of incidents, then the delay set by the commune. Rights: access, rectification, erasure, restriction; complaint to the CNIL.',
};

/** Everything held about a household, for its export (the read is audited). */
export async function exportHousehold(
  scope: Scope,
  actor: Actor,
  id: string,
  format: 'json' | 'pdf',
): Promise<HouseholdExport> {
  const h = await householdInReach(scope, actor, id);
  const [org] = await scope.tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, scope.organisationId));
  const [school] = await scope.tx
    .select({ uai: schools.uai, name: schools.name })
    .from(schools)
    .where(eq(schools.id, h.schoolId));
  const [pupil] = await scope.tx
    .select({ firstName: pupils.firstName, lastName: pupils.lastName, className: classes.name })
    .from(pupils)
    .leftJoin(classes, eq(classes.id, pupils.classId))
    .where(eq(pupils.householdId, id));
  const contacts = await scope.tx
    .select()
    .from(householdContacts)
    .where(eq(householdContacts.householdId, id))
    .orderBy(asc(householdContacts.rank));
  const requests = await scope.tx
    .select({ r: loanRequests, category: assetCategories.nameFr })
    .from(loanRequests)
    .leftJoin(assetCategories, eq(assetCategories.id, loanRequests.categoryId))
    .where(eq(loanRequests.householdId, id))
    .orderBy(asc(loanRequests.createdAt));
  const loanRows = await scope.tx.select().from(loans).where(eq(loans.householdId, id)).orderBy(asc(loans.allocatedAt));
  const loanIds = loanRows.map((l) => l.id);
  const none = loanIds.length === 0;
  const items = none
    ? []
    : await scope.tx
        .select({ i: loanItems, tag: assets.tag, serial: assets.serial, model: assetModels.name })
        .from(loanItems)
        .innerJoin(assets, eq(assets.id, loanItems.assetId))
        .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
        .where(inArray(loanItems.loanId, loanIds))
        .orderBy(asc(assets.tag));
  const incidents = none
    ? []
    : await scope.tx
        .select()
        .from(loanIncidents)
        .where(inArray(loanIncidents.loanId, loanIds))
        .orderBy(asc(loanIncidents.declaredOn));
  const messages = none
    ? []
    : await scope.tx
        .select()
        .from(loanMessages)
        .where(inArray(loanMessages.loanId, loanIds))
        .orderBy(asc(loanMessages.createdAt));
  const documents = none
    ? []
    : await scope.tx
        .select({ entityId: files.entityId, name: files.name, createdAt: files.createdAt })
        .from(files)
        .where(and(eq(files.entityType, 'loan'), inArray(files.entityId, loanIds)));
  const mails = await scope.tx
    .select()
    .from(mailLog)
    .where(or(eq(mailLog.householdId, id), none ? undefined : inArray(mailLog.loanId, loanIds)))
    .orderBy(asc(mailLog.createdAt));
  const entityIds = [id, ...loanIds, ...requests.map((r) => r.r.id)];
  const events = await scope.tx
    .select({
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      actorKind: auditEvents.actorKind,
      entityType: auditEvents.entityType,
      roles: users.roles,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(inArray(auditEvents.entityId, entityIds))
    .orderBy(asc(auditEvents.seq));
  await recordAudit(scope, {
    action: 'household.exported',
    entityType: 'household',
    entityId: id,
    after: { format, pseudonym: h.pseudonym },
  });
  const locale = h.locale === 'en' ? 'en' : 'fr';
  return {
    exportedAt: new Date().toISOString(),
    organisation: org?.name ?? '',
    controllerNotice: NOTICE[locale],
    household: {
      id: h.id,
      pseudonym: h.pseudonym,
      language: locale,
      school: { uai: school?.uai ?? '', name: school?.name ?? '' },
      createdAt: h.createdAt.toISOString(),
      personalDataErasedAt: iso(h.purgedAt),
    },
    pupil: pupil ?? null,
    legalRepresentatives: contacts.map((c) => ({
      rank: c.rank,
      firstName: c.firstName,
      lastName: c.lastName,
      addressLine: c.addressLine,
      postcode: c.postcode,
      city: c.city,
      phone: c.phone,
      email: c.email,
    })),
    requests: requests.map(({ r, category }) => ({
      id: r.id,
      status: r.status,
      need: { category, connectivity: r.needsConnectivity },
      eligibility: { eligible: r.eligible, reasonCode: r.reasonCode, decidedOn: r.decidedOn },
      createdAt: r.createdAt.toISOString(),
      reviewedAt: iso(r.reviewedAt),
    })),
    loans: loanRows.map((l) => ({
      id: l.id,
      status: l.status,
      dueDate: l.dueDate,
      allocatedAt: l.allocatedAt.toISOString(),
      acceptance: {
        via: l.acceptedVia,
        at: iso(l.acceptedAt),
        nameTyped: l.acceptedName,
        ipHashKept: l.acceptedIpHash !== null,
      },
      handedOverAt: iso(l.handedOverAt),
      conditionOut: l.conditionOut,
      conditionOutNotes: l.conditionOutNotes,
      returnedAt: iso(l.returnedAt),
      conditionIn: l.conditionIn,
      conditionInNotes: l.conditionInNotes,
      wipedAt: iso(l.wipedAt),
      closedAt: iso(l.closedAt),
      devices: items
        .filter((i) => i.i.loanId === l.id)
        .map((i) => ({
          tag: i.tag,
          model: i.model,
          serial: i.serial,
          role: i.i.role,
          returnedAt: iso(i.i.returnedAt),
        })),
      documents: documents
        .filter((d) => d.entityId === l.id)
        .map((d) => ({ name: d.name, createdAt: d.createdAt.toISOString() })),
      incidents: incidents
        .filter((i) => i.loanId === l.id)
        .map((i) => ({
          kind: i.kind,
          declaredOn: i.declaredOn,
          policeReportRef: i.policeReportRef,
          notes: i.notes,
          outcome: i.outcome,
          settledOn: i.settledOn,
          locationActivatedAt: iso(i.locationActivatedAt),
        })),
      messages: messages
        .filter((m) => m.loanId === l.id)
        .map((m) => ({
          category: m.category,
          body: m.body,
          createdAt: m.createdAt.toISOString(),
          handledAt: iso(m.handledAt),
        })),
    })),
    mails: mails.map((m) => ({
      template: m.template,
      recipient: m.recipient,
      subject: m.subject,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      sentAt: iso(m.sentAt),
    })),
    events: events.map((e) => ({
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      actorKind: e.roles?.length ? `${e.actorKind}:${e.roles.join('+')}` : e.actorKind,
      entityType: e.entityType,
    })),
  };
}

/**
 * Erases a household's personal data on request. Refused (409) while one of
 * its loans is open; pending or approved requests are cancelled. Returns the
 * ids of the files to unlink once the transaction is committed.
 */
export async function eraseHousehold(scope: Scope, actor: Actor, id: string) {
  const h = await householdInReach(scope, actor, id, true);
  const open = await scope.tx
    .select({ id: loans.id, status: loans.status })
    .from(loans)
    .where(and(eq(loans.householdId, id), notInArray(loans.status, ['closed', 'cancelled'])));
  if (open.length) {
    throw new AppError(
      'HOUSEHOLD_LOAN_OPEN',
      `A loan of this household is still ${open[0]?.status}: erase once it is closed (devices back, incidents settled)`,
    );
  }
  const now = new Date();
  const cancelled = await scope.tx
    .update(loanRequests)
    .set({ status: 'cancelled', reviewedBy: actor.userId, reviewedAt: now, updatedAt: now })
    .where(and(eq(loanRequests.householdId, id), inArray(loanRequests.status, ['pending', 'approved'])))
    .returning({ id: loanRequests.id });
  const { fileIds } = await removePersonalData(scope, [id], now);
  await recordAudit(scope, {
    action: 'household.erased',
    entityType: 'household',
    entityId: id,
    after: {
      pseudonym: h.pseudonym,
      reason: 'data_subject_request',
      cancelledRequests: cancelled.map((c) => c.id),
      files: fileIds.length,
    },
  });
  return {
    result: {
      id,
      pseudonym: h.pseudonym,
      erasedAt: now.toISOString(),
      cancelledRequests: cancelled.length,
      files: fileIds.length,
    },
    fileIds,
  };
}

// ---- PDF ----------------------------------------------------------------------------------

const LABELS = {
  fr: {
    title: 'Données personnelles détenues — export',
    exported: 'Exporté le',
    household: 'Foyer',
    pupil: 'Élève',
    representatives: 'Représentants légaux',
    requests: 'Demandes',
    loans: 'Prêts',
    devices: 'Équipements',
    incidents: 'Incidents',
    messages: 'Messages de la famille',
    mails: 'Courriels envoyés',
    events: 'Historique (lectures et modifications)',
    none: 'aucun',
    erased: 'Données personnelles effacées le',
  },
  en: {
    title: 'Personal data held — export',
    exported: 'Exported on',
    household: 'Household',
    pupil: 'Pupil',
    representatives: 'Legal representatives',
    requests: 'Requests',
    loans: 'Loans',
    devices: 'Devices',
    incidents: 'Incidents',
    messages: 'Messages from the family',
    mails: 'Mails sent',
    events: 'History (reads and changes)',
    none: 'none',
    erased: 'Personal data erased on',
  },
};

const clean = (font: PDFFont, text: string) =>
  [...text.replace(/[\u202f\u00a0]/g, ' ').replace(/[’‘]/g, "'")]
    .map((c) => {
      try {
        font.encodeText(c);
        return c;
      } catch {
        return '?';
      }
    })
    .join('');

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** The same content as the JSON export, readable: one section per kind of data. */
export async function householdExportPdf(data: HouseholdExport): Promise<Uint8Array> {
  const locale = data.household.language;
  const L = LABELS[locale];
  const doc = await PDFDocument.create();
  doc.setTitle(`${L.title} — ${data.household.pseudonym}`);
  doc.setCreator('Socle');
  doc.setLanguage(locale === 'fr' ? 'fr-FR' : 'en-GB');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const [W, H, margin] = [595.28, 841.89, 50];
  let page: PDFPage = doc.addPage([W, H]);
  let y = H - margin;
  const write = (text: string, font = regular, size = 9.5, indent = 0) => {
    for (const l of wrap(font, clean(font, text), size, W - 2 * margin - indent)) {
      if (y - size * 1.4 < margin) {
        page = doc.addPage([W, H]);
        y = H - margin;
      }
      page.drawText(l, { x: margin + indent, y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.4;
    }
  };
  const heading = (text: string) => {
    y -= 8;
    write(text, bold, 12);
    y -= 2;
  };
  const pairs = (o: Record<string, unknown>, indent = 0) =>
    write(
      Object.entries(o)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(' · '),
      regular,
      9.5,
      indent,
    );
  const list = <T>(title: string, items: readonly T[], each: (item: T) => void) => {
    heading(title);
    if (items.length === 0) write(L.none);
    for (const item of items) each(item);
  };

  write(L.title, bold, 16);
  write(`${data.organisation} — ${L.exported} ${data.exportedAt.replace('T', ' ').slice(0, 16)} UTC`);
  y -= 4;
  write(data.controllerNotice, regular, 8.5);
  heading(L.household);
  pairs({
    pseudonym: data.household.pseudonym,
    school: `${data.household.school.name} (${data.household.school.uai})`,
    language: data.household.language,
    createdAt: data.household.createdAt,
  });
  if (data.household.personalDataErasedAt) write(`${L.erased} ${data.household.personalDataErasedAt}`, bold);
  heading(L.pupil);
  write(
    data.pupil
      ? `${data.pupil.firstName} ${data.pupil.lastName}${data.pupil.className ? ` — ${data.pupil.className}` : ''}`
      : L.none,
  );
  list(L.representatives, data.legalRepresentatives, (c) => pairs(c));
  list(L.requests, data.requests, (r) =>
    pairs({
      status: r.status,
      category: r.need.category,
      connectivity: r.need.connectivity,
      eligible: r.eligibility.eligible,
      reason: r.eligibility.reasonCode,
      decidedOn: r.eligibility.decidedOn,
      createdAt: r.createdAt,
    }),
  );
  list(L.loans, data.loans, (l) => {
    write(`${l.status} — ${l.dueDate}`, bold, 10);
    pairs(
      {
        allocatedAt: l.allocatedAt,
        accepted: l.acceptance.at ? `${l.acceptance.at} (${l.acceptance.via})` : null,
        nameTyped: l.acceptance.nameTyped,
        handedOverAt: l.handedOverAt,
        conditionOut: l.conditionOut,
        conditionOutNotes: l.conditionOutNotes,
        returnedAt: l.returnedAt,
        conditionIn: l.conditionIn,
        conditionInNotes: l.conditionInNotes,
        wipedAt: l.wipedAt,
        closedAt: l.closedAt,
      },
      10,
    );
    write(`${L.devices}:`, bold, 9.5, 10);
    for (const d of l.devices) pairs(d, 20);
    if (l.documents.length) for (const d of l.documents) pairs(d, 20);
    if (l.incidents.length) {
      write(`${L.incidents}:`, bold, 9.5, 10);
      for (const i of l.incidents) pairs(i, 20);
    }
    if (l.messages.length) {
      write(`${L.messages}:`, bold, 9.5, 10);
      for (const m of l.messages) pairs(m, 20);
    }
  });
  list(L.mails, data.mails, (m) => pairs(m));
  list(L.events, data.events, (e) =>
    write(`${e.occurredAt.slice(0, 19)} — ${e.action} — ${e.actorKind}`, regular, 8.5),
  );
  return doc.save();
}
