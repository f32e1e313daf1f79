import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { rows, type Scope } from '../../db/connection.ts';
import { files, fundingConventions, fundingPublicityItems } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { programmeConventions } from './claims.ts';
import type { CreatePublicityInput, UpdatePublicityInput } from './claims-schema.ts';
import { programmeRow } from './service.ts';
import { ensureShares } from './shares.ts';

/**
 * The publicity checklist of a programme and the mandatory mentions
 * (issue #6, point 7; DOMAIN.md §6, EU Reg. 1303/2013 annex XII and
 * 2020/2221 for REACT-EU). An item is **overdue** when it is not done and
 * its due date has passed (Paris date); the permanent plaque is due three
 * months after the operation's completion (`completed_on`), so without that
 * date its due date is unknown and flagged.
 */

type ItemRow = typeof fundingPublicityItems.$inferSelect;

/** Public support above which a permanent plaque is required: 500,000 €. */
export const PLAQUE_THRESHOLD_CENTS = 50_000_000;
const EU_KINDS = new Set(['eu_feder', 'eu_react']);

/** Today in Paris, ISO. */
export const parisToday = (now = new Date()) => now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

/** An ISO date plus whole months, the day clamped to the month's end (30 Nov + 3 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function present(i: ItemRow, today: string) {
  return {
    id: i.id,
    programmeId: i.programmeId,
    kind: i.kind,
    label: i.label,
    required: i.required,
    dueOn: i.dueOn,
    doneOn: i.doneOn,
    evidenceFileId: i.evidenceFileId,
    evidenceUrl: i.evidenceUrl,
    notes: i.notes,
    position: i.position,
    overdue: i.doneOn === null && i.dueOn !== null && i.dueOn < today,
    dueUnknown: i.doneOn === null && i.dueOn === null && i.kind === 'permanent_plaque',
  };
}
export type PublicityItem = ReturnType<typeof present>;

export async function findPublicity(scope: Scope, programmeId: string, today = parisToday()) {
  await programmeRow(scope, programmeId);
  const found = await scope.tx
    .select()
    .from(fundingPublicityItems)
    .where(eq(fundingPublicityItems.programmeId, programmeId))
    .orderBy(asc(fundingPublicityItems.position), asc(fundingPublicityItems.createdAt));
  return found.map((i) => present(i, today));
}

async function itemRow(scope: Scope, id: string): Promise<ItemRow> {
  const [row] = await scope.tx
    .select()
    .from(fundingPublicityItems)
    .where(eq(fundingPublicityItems.id, id))
    .for('update');
  if (!row) throw notFound('Publicity item');
  return row;
}

/** The evidence file must be one of this organisation's files (RLS hides the others). */
async function assertFile(scope: Scope, fileId: string | null | undefined) {
  if (!fileId) return;
  const [f] = await scope.tx.select({ id: files.id }).from(files).where(eq(files.id, fileId));
  if (!f)
    throw new AppError('NOT_FOUND', 'File not found', {
      fields: [{ path: 'body.evidenceFileId', message: 'not found' }],
    });
}

export async function createPublicityItem(
  scope: Scope,
  programmeId: string,
  input: CreatePublicityInput,
  options: { audit?: boolean } = {},
) {
  await programmeRow(scope, programmeId);
  await assertFile(scope, input.evidenceFileId);
  const [row] = await scope.tx
    .insert(fundingPublicityItems)
    .values({ ...input, programmeId, organisationId: scope.organisationId })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  const after = present(row, parisToday());
  if (options.audit !== false)
    await recordAudit(scope, {
      action: 'funding.publicity_item_created',
      entityType: 'funding_publicity_item',
      entityId: row.id,
      after,
    });
  return after;
}

export async function updatePublicityItem(scope: Scope, id: string, input: UpdatePublicityInput) {
  const before = await itemRow(scope, id);
  await assertFile(scope, input.evidenceFileId);
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const [row] = await scope.tx
    .update(fundingPublicityItems)
    .set({ ...defined, updatedAt: new Date() })
    .where(eq(fundingPublicityItems.id, id))
    .returning();
  if (!row) throw notFound('Publicity item');
  const after = present(row, parisToday());
  await recordAudit(scope, {
    action: 'funding.publicity_item_updated',
    entityType: 'funding_publicity_item',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function deletePublicityItem(scope: Scope, id: string) {
  const before = await itemRow(scope, id);
  await scope.tx.delete(fundingPublicityItems).where(eq(fundingPublicityItems.id, id));
  await recordAudit(scope, {
    action: 'funding.publicity_item_deleted',
    entityType: 'funding_publicity_item',
    entityId: id,
    before,
  });
}

/** The public aid of a programme: every funder's stored shares but the owner's own funds. */
export async function publicSupportCents(scope: Scope, programmeId: string): Promise<number> {
  await ensureShares(scope, programmeId);
  const [r] = await rows<{ cents: string | number }>(
    scope.tx,
    sql`SELECT coalesce(sum(s.cents), 0) AS cents
          FROM funding_line_shares s
          JOIN funding_conventions c ON c.id = s.convention_id
          JOIN funders f ON f.id = c.funder_id
         WHERE s.programme_id = ${programmeId} AND f.kind <> 'own_funds'`,
  );
  return Number(r?.cents ?? 0);
}

/**
 * The usual checklist from the conventions, for the items not there yet
 * (idempotent, by kind): with an EU funder, the project description on the
 * owner's website during the operation and an A3 poster (photo as proof),
 * both due at the start of the operation; when the public support exceeds
 * 500,000 €, a permanent plaque due three months after `completed_on` (no
 * date yet: due date null, flagged `dueUnknown`, filled in by a later run
 * once `completed_on` is set); for every other public
 * funder with a publicity text, its mention on the communication supports.
 */
export async function seedDefaultPublicity(
  scope: Scope,
  programmeId: string,
  options: { audit?: boolean } = {},
): Promise<PublicityItem[]> {
  const programme = await programmeRow(scope, programmeId);
  const conventions = await programmeConventions(scope, programmeId);
  const existing = await scope.tx
    .select({ kind: fundingPublicityItems.kind, label: fundingPublicityItems.label })
    .from(fundingPublicityItems)
    .where(eq(fundingPublicityItems.programmeId, programmeId));
  const has = (kind: string, label?: string) =>
    existing.some((e) => e.kind === kind && (label === undefined || e.label === label));
  const items: CreatePublicityInput[] = [];
  const eu = conventions.some((c) => EU_KINDS.has(c.funderKind));
  if (eu && !has('website_description'))
    items.push({
      kind: 'website_description',
      label:
        "Description du projet sur le site internet de la ville (objectifs, résultats, soutien de l'UE), pendant l'opération",
      dueOn: programme.periodStart,
      position: 1,
    });
  if (eu && !has('a3_poster'))
    items.push({
      kind: 'a3_poster',
      label:
        "Affiche A3 (présentation du projet et soutien de l'UE) dans un lieu visible du public — photo comme preuve",
      dueOn: programme.periodStart,
      position: 2,
    });
  if (!has('permanent_plaque') && (await publicSupportCents(scope, programmeId)) > PLAQUE_THRESHOLD_CENTS)
    items.push({
      kind: 'permanent_plaque',
      label: "Plaque permanente (emblème de l'UE, nom et objectif du projet) dans les 3 mois suivant l'achèvement",
      dueOn: programme.completedOn ? addMonths(programme.completedOn, 3) : null,
      position: 3,
    });
  for (const c of conventions) {
    if (EU_KINDS.has(c.funderKind) || c.funderKind === 'own_funds') continue;
    const label = `Mention du soutien de ${c.funderName} sur les supports de communication`;
    if (!has('communication', label.slice(0, 300)))
      items.push({ kind: 'communication', label: label.slice(0, 300), dueOn: programme.periodStart, position: 4 });
  }
  for (const item of items) await createPublicityItem(scope, programmeId, item, options);
  // Once the operation's completion is known, a plaque without a due date gets one.
  if (programme.completedOn) {
    const due = addMonths(programme.completedOn, 3);
    const waiting = await scope.tx
      .select()
      .from(fundingPublicityItems)
      .where(
        and(
          eq(fundingPublicityItems.programmeId, programmeId),
          eq(fundingPublicityItems.kind, 'permanent_plaque'),
          isNull(fundingPublicityItems.dueOn),
          isNull(fundingPublicityItems.doneOn),
        ),
      );
    for (const w of waiting) await updatePublicityItem(scope, w.id, { dueOn: due });
  }
  return findPublicity(scope, programmeId);
}

export const EU_MENTIONS = {
  emblem: { fr: 'Union européenne', en: 'European Union' },
  feder: {
    fr: 'Ce projet est cofinancé par le Fonds européen de développement régional',
    en: 'This project is co-financed by the European Regional Development Fund',
  },
  react: {
    fr: "Cette opération est financée dans le cadre de la réponse de l'Union à la pandémie de COVID-19",
    en: "This operation is financed as part of the Union's response to the COVID-19 pandemic",
  },
} as const;

/**
 * The mandatory mentions, FR and EN, from the conventions' funders: for an
 * EU funder the emblem with "Union européenne" and the FEDER sentence, plus
 * the REACT-EU sentence when the funder is `eu_react` or its convention's
 * publicity flags say `react_eu`; for every other public funder its
 * convention's publicity text, or "Avec le soutien de …".
 */
export async function publicityMentions(scope: Scope, programmeId: string) {
  await programmeRow(scope, programmeId);
  const conventions = await programmeConventions(scope, programmeId);
  const flags = new Map(
    (
      await scope.tx
        .select({
          id: fundingConventions.id,
          flags: fundingConventions.publicityFlags,
          text: fundingConventions.publicityText,
        })
        .from(fundingConventions)
        .where(eq(fundingConventions.programmeId, programmeId))
    ).map((r) => [r.id, r]),
  );
  const euConventions = conventions.filter((c) => EU_KINDS.has(c.funderKind));
  const react = euConventions.some((c) => c.funderKind === 'eu_react' || flags.get(c.id)?.flags?.react_eu === true);
  const mentions: { kind: string; funderName: string | null; fr: string; en: string }[] = [];
  if (euConventions.length) {
    mentions.push({ kind: 'eu_emblem', funderName: null, ...EU_MENTIONS.emblem });
    mentions.push({ kind: 'eu_feder', funderName: null, ...EU_MENTIONS.feder });
    if (react) mentions.push({ kind: 'eu_react', funderName: null, ...EU_MENTIONS.react });
  }
  for (const c of conventions) {
    if (EU_KINDS.has(c.funderKind) || c.funderKind === 'own_funds') continue;
    const text = flags.get(c.id)?.text?.trim();
    mentions.push({
      kind: 'funder',
      funderName: c.funderName,
      fr: text || `Avec le soutien de ${c.funderName}`,
      en: text || `With the support of ${c.funderName}`,
    });
  }
  return { euEmblem: euConventions.length > 0, mentions };
}
