import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import { z } from 'zod';
import { can } from '../../../shared/permissions.ts';
import type { Config } from '../../config.ts';
import type { Database, Scope, ScopeContext } from '../../db/connection.ts';
import {
  assetCategories,
  assetModels,
  assets,
  auditEvents,
  householdContacts,
  households,
  loanCampaigns,
  loanItems,
  loanRequests,
  loans,
  organisations,
  pupils,
  schools,
  stockLocations,
  users,
} from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { loadSecrets, type Secrets } from '../../secrets.ts';
import { recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { parseSettings } from '../organisations/settings.ts';
import { type ConventionData, DEFAULT_TEMPLATES, drawConvention } from './convention.ts';
import { familyLink, sendFamilyLinkMail } from './mails.ts';
import { defaultDueDate } from './rules.ts';
import { allocateLoan } from './service.ts';

/**
 * Crisis campaigns (continuity of teaching while schools are closed). A
 * manager opens a campaign for some schools; the proposal matches available
 * devices to the eligible pending or approved requests of those schools;
 * the manager adjusts the pairs and confirms them in bulk — each pair goes
 * through the ordinary allocation (one open loan per device, enforced by
 * the database), in a savepoint of its own, and comes back done or refused
 * with its reason. Families with an e-mail get their link by mail (one job
 * per loan); for the others, one printable PDF holds each convention with
 * a QR code of the family's link. The dashboard counts, per school,
 * requests, allocated, accepted and handed over.
 *
 * The proposal (decisions where the issue was silent):
 * - Requests: eligible, `pending` or `approved`, of the campaign's schools,
 *   not tied to another campaign; order REP+, then REP, then the others,
 *   each by request date (then id, for a stable order).
 * - Available devices: `in_stock` (a school store, the city warehouse, or
 *   no stock location; not a technician's workshop) or `in_cart` in a
 *   campaign school; with no open loan line (a device allocated elsewhere
 *   is taken). `deployed` devices stay in classrooms. A request with a
 *   category gets that category; without one, any pupil device (tablet,
 *   pupil laptop).
 * - Where from: a school's own devices serve its own requests first (stock
 *   before carts); then the city's central stock (no school) serves what is
 *   left, in priority order across all schools; then the devices still left
 *   in another campaign school — only once that school's own requests are
 *   all served — go to the remaining requests, taken from the school with
 *   the most left. Such pairs say `source: other_school`: the device moves.
 * - Connectivity: a request that needs it gets a 4G hotspot (category role
 *   `hotspot`) by the same three steps, after every device is placed; when
 *   none is left the pair says `no_hotspot`. Chargers and cases are not
 *   inventoried separately by default: the manager adds accessories to a
 *   pair before confirming (up to 5 assets per pair).
 */

const IsoDate = z.iso.date({ error: 'invalid_date' });
const PRIORITY = ['none', 'REP', 'REP+'] as const;

// ---- schemas ------------------------------------------------------------------

export const CreateCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Why the schools close (health crisis, weather, works…). */
    reason: z.string().trim().min(1).max(1000),
    /** The closure, when known. */
    startsOn: IsoDate.nullable().optional(),
    endsOn: IsoDate.nullable().optional(),
    /** Due date of the campaign's loans; none = the organisation's default (end of the school year). */
    dueDate: IsoDate.nullable().optional(),
    schoolIds: z.array(z.uuid()).min(1).max(2000),
  })
  .strict()
  .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, { error: 'ends_before_start', path: ['endsOn'] })
  .meta({ id: 'CreateLoanCampaignInput' });
export type CreateCampaignInput = z.infer<typeof CreateCampaignSchema>;

const SchoolRef = z.object({
  id: z.uuid(),
  uai: z.string(),
  name: z.string(),
  priorityEducation: z.enum(PRIORITY),
});

export const CampaignSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    reason: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    schools: z.array(SchoolRef),
    openedAt: z.string(),
    openedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    closedAt: z.string().nullable(),
    can: z.object({ confirm: z.boolean(), close: z.boolean() }),
  })
  .meta({ id: 'LoanCampaign', description: 'A crisis campaign: loans to families while schools are closed' });

export const CampaignListQuerySchema = z.object({
  status: z.enum(['open', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const ProposedAssetSchema = z.object({
  id: z.uuid(),
  tag: z.string(),
  model: z.string(),
  category: z.string(),
  role: z.string(),
  status: z.enum(['in_stock', 'in_cart']),
  /** Where it is: a school (null: the city's central stock). */
  schoolId: z.uuid().nullable(),
  cartTag: z.string().nullable(),
  stockLocation: z.string().nullable(),
  /** school: the request's own school; central: the city's stock; other_school: it moves from another campaign school. */
  source: z.enum(['school', 'central', 'other_school']),
});

const ProposedRequestSchema = z.object({
  id: z.uuid(),
  school: SchoolRef,
  household: z.object({ id: z.uuid(), pseudonym: z.string() }),
  status: z.enum(['pending', 'approved']),
  createdAt: z.string(),
  needsConnectivity: z.boolean(),
  categoryId: z.uuid().nullable(),
  categoryName: z.string().nullable(),
});

export const ProposalSchema = z
  .object({
    campaignId: z.uuid(),
    computedAt: z.string(),
    /** The proposed pairs, in priority order; post them (adjusted) to …/confirm. */
    pairs: z.array(
      z.object({
        request: ProposedRequestSchema,
        device: ProposedAssetSchema,
        hotspot: ProposedAssetSchema.nullable(),
        /** no_hotspot: the request needs connectivity and no hotspot is left. */
        warnings: z.array(z.enum(['no_hotspot'])),
        /** What to confirm for this pair. */
        assetIds: z.array(z.uuid()),
      }),
    ),
    /** Requests left without a device (no device left that fits). */
    unmatched: z.array(z.object({ request: ProposedRequestSchema, reason: z.enum(['no_device_available']) })),
    /** Devices and hotspots still available once the proposal is confirmed. */
    leftover: z.object({ devices: z.number().int(), hotspots: z.number().int() }),
  })
  .meta({ id: 'LoanCampaignProposal' });

export const ConfirmSchema = z
  .object({
    pairs: z
      .array(
        z
          .object({
            requestId: z.uuid(),
            /** The device, then a hotspot and accessories if any. */
            assetIds: z.array(z.uuid()).min(1).max(5),
          })
          .strict(),
      )
      .min(1)
      .max(5000),
    /** Due date of these loans (default: the campaign's, else the organisation's). */
    dueDate: IsoDate.optional(),
  })
  .strict()
  .meta({ id: 'ConfirmLoanCampaignInput' });
export type ConfirmInput = z.infer<typeof ConfirmSchema>;

export const CONFIRM_REFUSALS = [
  'request_not_found',
  'not_in_campaign',
  'not_eligible',
  'other_campaign',
  'request_not_open',
  'duplicate_request',
  'unknown_asset',
  'device_unavailable',
  'device_taken',
  'concurrent_change',
  'refused',
] as const;

export const ConfirmResultSchema = z
  .object({
    results: z.array(
      z.object({
        requestId: z.uuid(),
        outcome: z.enum(['done', 'refused']),
        /** The loan created (done). */
        loanId: z.uuid().nullable(),
        /**
         * Why a pair was refused: request_not_found, not_in_campaign (another
         * school), not_eligible, other_campaign, request_not_open (already
         * allocated, rejected…), duplicate_request (twice in this batch),
         * unknown_asset, device_unavailable (repair, lost…), device_taken
         * (lent or reserved meanwhile), concurrent_change (try again),
         * refused (see code).
         */
        reason: z.enum(CONFIRM_REFUSALS).nullable(),
        code: z.string().nullable(),
        detail: z.string().nullable(),
        /** How the family gets its link: mail (a representative has an e-mail) or paper (print …/conventions.pdf). */
        delivery: z.enum(['mail', 'paper']).nullable(),
      }),
    ),
    done: z.number().int(),
    refused: z.number().int(),
    mails: z.object({
      /** Family-link mails queued (one job per loan). */
      queued: z.number().int(),
      /**
       * queued; none: nothing to mail; jobs_disabled: no job runner in this
       * process, failed: the queue refused them — in both cases send the
       * links from each loan (POST /api/loans/{id}/link with send).
       */
      status: z.enum(['queued', 'none', 'jobs_disabled', 'failed']),
    }),
  })
  .meta({ id: 'ConfirmLoanCampaignResult' });
export type ConfirmResult = z.infer<typeof ConfirmResultSchema>;

const Counts = z.object({
  /** Eligible requests of the campaign (tied to it, or pending/approved and free). */
  requests: z.number().int(),
  /** Of which still waiting for a device. */
  waiting: z.number().int(),
  /** Loans of the campaign (not cancelled). */
  allocated: z.number().int(),
  accepted: z.number().int(),
  handedOver: z.number().int(),
  returned: z.number().int(),
  /** Devices still available in the school (stock and carts). */
  availableDevices: z.number().int(),
});

export const DashboardSchema = z
  .object({
    campaignId: z.uuid(),
    at: z.string(),
    schools: z.array(z.object({ school: SchoolRef }).extend(Counts.shape)),
    totals: Counts,
    /** Devices available in the city's central stock (no school). */
    centralStock: z.object({ availableDevices: z.number().int() }),
  })
  .meta({ id: 'LoanCampaignDashboard', description: 'Live counts per school (poll it)' });

export const ConventionsQuerySchema = z.object({
  delivery: z
    .enum(['paper', 'all'])
    .default('paper')
    .meta({ description: 'paper: families without an e-mail address (default); all: every family' }),
  schoolId: z.uuid().optional().meta({ description: 'One school of the campaign' }),
});

// ---- campaigns -------------------------------------------------------------------

type CampaignRow = typeof loanCampaigns.$inferSelect;

async function campaignRow(scope: Scope, id: string, lock?: 'update' | 'share'): Promise<CampaignRow> {
  const q = scope.tx.select().from(loanCampaigns).where(eq(loanCampaigns.id, id));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw notFound('Campaign');
  return row;
}

async function schoolRefs(scope: Scope, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const found = await scope.tx
    .select({ id: schools.id, uai: schools.uai, name: schools.name, priorityEducation: schools.priorityEducation })
    .from(schools)
    .where(inArray(schools.id, [...ids]))
    .orderBy(asc(schools.name));
  return found.map((s) => ({ ...s, priorityEducation: s.priorityEducation as (typeof PRIORITY)[number] }));
}

function present(
  row: CampaignRow,
  schoolList: Awaited<ReturnType<typeof schoolRefs>>,
  opener: { id: string; displayName: string } | null,
  actor: Actor,
) {
  const manage = can(actor.roles, 'loans.campaigns') && row.status === 'open';
  return {
    id: row.id,
    name: row.name,
    reason: row.reason,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    dueDate: row.dueDate,
    status: row.status as 'open' | 'closed',
    schools: schoolList,
    openedAt: row.openedAt.toISOString(),
    openedBy: opener,
    closedAt: row.closedAt?.toISOString() ?? null,
    can: { confirm: manage, close: manage },
  };
}

export async function getCampaign(scope: Scope, actor: Actor, id: string) {
  const row = await campaignRow(scope, id);
  const [opener] = row.openedBy
    ? await scope.tx
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(eq(users.id, row.openedBy))
    : [];
  return present(row, await schoolRefs(scope, row.schoolIds), opener ?? null, actor);
}

export async function createCampaign(scope: Scope, actor: Actor, input: CreateCampaignInput) {
  const ids = [...new Set(input.schoolIds)];
  const found = await schoolRefs(scope, ids);
  const unknown = ids.filter((id) => !found.some((s) => s.id === id));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', 'Unknown school(s)', {
      fields: unknown.map((id) => ({
        path: 'body.schoolIds',
        message: `unknown school ${id}`,
        code: 'unknown_school',
      })),
    });
  }
  const [row] = await scope.tx
    .insert(loanCampaigns)
    .values({
      organisationId: scope.organisationId,
      name: input.name,
      reason: input.reason,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      dueDate: input.dueDate ?? null,
      schoolIds: ids,
      openedBy: actor.userId,
    })
    .returning();
  if (!row) throw new AppError('INTERNAL');
  await recordAudit(scope, {
    action: 'loan_campaign.opened',
    entityType: 'loan_campaign',
    entityId: row.id,
    after: { name: row.name, reason: row.reason, schools: ids.length, startsOn: row.startsOn, endsOn: row.endsOn },
  });
  return getCampaign(scope, actor, row.id);
}

export async function findCampaigns(
  scope: Scope,
  actor: Actor,
  q: { status?: 'open' | 'closed' | undefined; limit: number; offset: number },
) {
  const where = q.status ? eq(loanCampaigns.status, q.status) : undefined;
  const [total] = await scope.tx.select({ n: count() }).from(loanCampaigns).where(where);
  const found = await scope.tx
    .select({ c: loanCampaigns, opener: { id: users.id, displayName: users.displayName } })
    .from(loanCampaigns)
    .leftJoin(users, eq(users.id, loanCampaigns.openedBy))
    .where(where)
    .orderBy(desc(loanCampaigns.openedAt), desc(loanCampaigns.id))
    .limit(q.limit)
    .offset(q.offset);
  const allSchools = await schoolRefs(scope, [...new Set(found.flatMap((f) => f.c.schoolIds))]);
  return {
    items: found.map((f) =>
      present(
        f.c,
        allSchools.filter((s) => f.c.schoolIds.includes(s.id)),
        f.opener?.id ? f.opener : null,
        actor,
      ),
    ),
    total: Number(total?.n ?? 0),
  };
}

export async function closeCampaign(scope: Scope, actor: Actor, id: string) {
  const row = await campaignRow(scope, id, 'update');
  if (row.status !== 'open') throw new AppError('LOAN_CAMPAIGN_CLOSED', 'The campaign is already closed');
  await scope.tx.update(loanCampaigns).set({ status: 'closed', closedAt: new Date() }).where(eq(loanCampaigns.id, id));
  await recordAudit(scope, {
    action: 'loan_campaign.closed',
    entityType: 'loan_campaign',
    entityId: id,
    before: { status: 'open' },
    after: { status: 'closed' },
  });
  return getCampaign(scope, actor, id);
}

// ---- the proposal -------------------------------------------------------------------

/** The campaign's requests still to serve, in priority order. */
function candidateRequests(scope: Scope, campaign: CampaignRow) {
  return scope.tx
    .select({
      id: loanRequests.id,
      schoolId: loanRequests.schoolId,
      categoryId: loanRequests.categoryId,
      categoryName: assetCategories.nameFr,
      needsConnectivity: loanRequests.needsConnectivity,
      status: loanRequests.status,
      createdAt: loanRequests.createdAt,
      householdId: households.id,
      pseudonym: households.pseudonym,
    })
    .from(loanRequests)
    .innerJoin(households, eq(households.id, loanRequests.householdId))
    .innerJoin(schools, eq(schools.id, loanRequests.schoolId))
    .leftJoin(assetCategories, eq(assetCategories.id, loanRequests.categoryId))
    .where(
      and(
        inArray(loanRequests.schoolId, campaign.schoolIds),
        eq(loanRequests.eligible, true),
        inArray(loanRequests.status, ['pending', 'approved']),
        or(isNull(loanRequests.campaignId), eq(loanRequests.campaignId, campaign.id)),
      ),
    )
    .orderBy(
      sql`case ${schools.priorityEducation} when 'REP+' then 0 when 'REP' then 1 else 2 end`,
      asc(loanRequests.createdAt),
      asc(loanRequests.id),
    );
}

const cart = alias(assets, 'cart');
/** The school an available device is at: its own, or its stock location's; null = central stock. */
const deviceSchool = sql<string | null>`coalesce(${assets.schoolId}, ${stockLocations.schoolId})`;

/** Devices available for the campaign's schools: see the module comment. */
function availableAssets(scope: Scope, schoolIds: readonly string[], categoryIds: readonly string[]) {
  const kinds: SQL[] = [inArray(assetCategories.role, ['pupil_device', 'hotspot'])];
  if (categoryIds.length) kinds.push(inArray(assetCategories.id, [...categoryIds]));
  return (
    scope.tx
      .select({
        id: assets.id,
        tag: assets.tag,
        status: assets.status,
        schoolId: deviceSchool,
        model: assetModels.name,
        categoryId: assetCategories.id,
        category: assetCategories.nameFr,
        role: assetCategories.role,
        cartTag: cart.tag,
        stockLocation: stockLocations.name,
      })
      .from(assets)
      .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
      .innerJoin(assetCategories, eq(assetCategories.id, assetModels.categoryId))
      .leftJoin(stockLocations, eq(stockLocations.id, assets.stockLocationId))
      .leftJoin(cart, eq(cart.id, assets.cartId))
      .where(
        and(
          or(...kinds),
          or(
            and(eq(assets.status, 'in_cart'), inArray(assets.schoolId, [...schoolIds])),
            and(
              eq(assets.status, 'in_stock'),
              or(isNull(stockLocations.id), ne(stockLocations.kind, 'technician')),
              or(inArray(deviceSchool, [...schoolIds]), sql`${deviceSchool} is null`),
            ),
          ),
          sql`not exists (select 1 from ${loanItems} li where li.asset_id = ${assets.id} and li.open)`,
        ),
      )
      // Stock before carts (carts stay whole for when the school reopens), then by tag.
      .orderBy(sql`case ${assets.status} when 'in_stock' then 0 else 1 end`, asc(assets.tag))
  );
}

type Candidate = Awaited<ReturnType<typeof candidateRequests>>[number];
type Available = Awaited<ReturnType<typeof availableAssets>>[number];

/** A pool of devices at one place, taken in order; `from` skips the used prefix. */
class Pool {
  private from = 0;
  private readonly used: boolean[];
  left: number;
  constructor(readonly items: Available[]) {
    this.used = items.map(() => false);
    this.left = items.length;
  }
  take(fits: (a: Available) => boolean): Available | null {
    while (this.from < this.items.length && this.used[this.from]) this.from++;
    for (let i = this.from; i < this.items.length; i++) {
      const item = this.items[i] as Available;
      if (!this.used[i] && fits(item)) {
        this.used[i] = true;
        this.left--;
        return item;
      }
    }
    return null;
  }
  count(fits: (a: Available) => boolean): number {
    return this.items.filter((a, i) => !this.used[i] && fits(a)).length;
  }
}

/**
 * The matching, pure: requests in priority order, devices by place. Returns
 * for each request its device and hotspot (or null) and where they come from.
 */
export function matchDevices(requests: readonly Candidate[], devices: readonly Available[]) {
  const CENTRAL = '';
  const pools = new Map<string, Available[]>();
  for (const d of devices) pools.set(d.schoolId ?? CENTRAL, [...(pools.get(d.schoolId ?? CENTRAL) ?? []), d]);
  const pool = new Map([...pools].map(([k, v]) => [k, new Pool(v)]));
  const empty = new Pool([]);
  type Source = 'school' | 'central' | 'other_school';
  const device = new Map<string, { asset: Available; source: Source }>();
  const hotspot = new Map<string, { asset: Available; source: Source }>();
  const isHotspot = (a: Available) => a.role === 'hotspot';

  const place = (
    wanting: readonly Candidate[],
    fits: (r: Candidate) => (a: Available) => boolean,
    into: Map<string, { asset: Available; source: Source }>,
  ) => {
    // 1. The school's own.
    for (const r of wanting) {
      const a = (pool.get(r.schoolId) ?? empty).take(fits(r));
      if (a) into.set(r.id, { asset: a, source: 'school' });
    }
    // 2. The city's central stock, in priority order across schools.
    for (const r of wanting) {
      if (into.has(r.id)) continue;
      const a = (pool.get(CENTRAL) ?? empty).take(fits(r));
      if (a) into.set(r.id, { asset: a, source: 'central' });
    }
    // 3. What other schools have left once their own requests are served (all of them are, by now).
    const others = [...pool].filter(([k]) => k !== CENTRAL);
    for (const r of wanting) {
      if (into.has(r.id)) continue;
      const f = fits(r);
      const ranked = others
        .filter(([k, p]) => k !== r.schoolId && p.left > 0)
        .sort((x, y) => y[1].count(f) - x[1].count(f) || x[0].localeCompare(y[0]));
      for (const [, p] of ranked) {
        const a = p.take(f);
        if (a) {
          into.set(r.id, { asset: a, source: 'other_school' });
          break;
        }
      }
    }
  };

  place(requests, (r) => (a) => (r.categoryId ? a.categoryId === r.categoryId : a.role === 'pupil_device'), device);
  const needHotspot = requests.filter((r) => {
    const d = device.get(r.id);
    return d && r.needsConnectivity && !isHotspot(d.asset);
  });
  place(needHotspot, () => isHotspot, hotspot);
  const leftover = { devices: 0, hotspots: 0 };
  for (const p of pool.values()) {
    leftover.hotspots += p.count(isHotspot);
    leftover.devices += p.count((a) => !isHotspot(a));
  }
  return { device, hotspot, leftover };
}

export async function computeProposal(scope: Scope, id: string) {
  const campaign = await campaignRow(scope, id);
  if (campaign.status !== 'open') throw new AppError('LOAN_CAMPAIGN_CLOSED', 'The campaign is closed');
  const requests = await candidateRequests(scope, campaign);
  const categoryIds = [...new Set(requests.map((r) => r.categoryId).filter((c): c is string => c !== null))];
  const devices = await availableAssets(scope, campaign.schoolIds, categoryIds);
  const { device, hotspot, leftover } = matchDevices(requests, devices);
  const refs = new Map((await schoolRefs(scope, campaign.schoolIds)).map((s) => [s.id, s]));
  const requestView = (r: Candidate) => ({
    id: r.id,
    school: refs.get(r.schoolId) as NonNullable<ReturnType<typeof refs.get>>,
    household: { id: r.householdId, pseudonym: r.pseudonym },
    status: r.status as 'pending' | 'approved',
    createdAt: r.createdAt.toISOString(),
    needsConnectivity: r.needsConnectivity,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
  });
  const assetView = (m: { asset: Available; source: 'school' | 'central' | 'other_school' }) => ({
    id: m.asset.id,
    tag: m.asset.tag,
    model: m.asset.model,
    category: m.asset.category,
    role: m.asset.role,
    status: m.asset.status as 'in_stock' | 'in_cart',
    schoolId: m.asset.schoolId,
    cartTag: m.asset.cartTag,
    stockLocation: m.asset.stockLocation,
    source: m.source,
  });
  const pairs = [];
  const unmatched = [];
  for (const r of requests) {
    const d = device.get(r.id);
    if (!d) {
      unmatched.push({ request: requestView(r), reason: 'no_device_available' as const });
      continue;
    }
    const h = hotspot.get(r.id);
    pairs.push({
      request: requestView(r),
      device: assetView(d),
      hotspot: h ? assetView(h) : null,
      warnings: r.needsConnectivity && d.asset.role !== 'hotspot' && !h ? ['no_hotspot' as const] : [],
      assetIds: h ? [d.asset.id, h.asset.id] : [d.asset.id],
    });
  }
  return { campaignId: campaign.id, computedAt: new Date().toISOString(), pairs, unmatched, leftover };
}

// ---- bulk confirmation ------------------------------------------------------------------

type Result = ConfirmResult['results'][number];

const REFUSAL_OF_CODE: Partial<Record<string, Result['reason']>> = {
  LOAN_DEVICE_TAKEN: 'device_taken',
  LOAN_DEVICE_UNAVAILABLE: 'device_unavailable',
  VALIDATION_FAILED: 'unknown_asset',
  LOAN_INVALID_STATE: 'request_not_open',
  NOT_FOUND: 'request_not_found',
};

class Refusal extends Error {
  constructor(
    readonly reason: NonNullable<Result['reason']>,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function databaseCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.cause?.code === 'string' ? e.cause.code : e.code;
  return typeof code === 'string' ? code : undefined;
}

/** A refused pair, or null when the error is not about the pair (then it propagates). */
function refusalOf(error: unknown): Pick<Result, 'reason' | 'code' | 'detail'> | null {
  if (error instanceof Refusal) return { reason: error.reason, code: null, detail: error.detail };
  if (error instanceof AppError)
    return { reason: REFUSAL_OF_CODE[error.code] ?? 'refused', code: error.code, detail: error.detail ?? null };
  // Unique index, deadlock, serialization: another confirmation got there first.
  if (['23505', '40P01', '40001', '55P03'].includes(databaseCode(error) ?? '')) {
    return { reason: 'concurrent_change', code: 'CONFLICT', detail: 'Changed by a concurrent operation: try again' };
  }
  return null;
}

/** Pairs per transaction: each commits on its own, so PGlite serves other requests between them. */
const CHUNK = 100;

/**
 * Confirms pairs (request → devices) in bulk: approves pending requests,
 * then allocates through the ordinary allocation. Each pair runs in a
 * savepoint: a refused pair leaves the others done. Pairs are grouped in
 * transactions of CHUNK pairs.
 */
export async function confirmCampaign(db: Database, ctx: ScopeContext, actor: Actor, id: string, input: ConfirmInput) {
  const results: Result[] = input.pairs.map((p) => ({
    requestId: p.requestId,
    outcome: 'refused',
    loanId: null,
    reason: null,
    code: null,
    detail: null,
    delivery: null,
  }));
  const seen = new Set<string>();
  const order = input.pairs.map((p, i) => ({ p, i }));
  for (const { p, i } of order) {
    if (seen.has(p.requestId)) {
      Object.assign(results[i] as Result, {
        reason: 'duplicate_request',
        detail: 'This request is twice in the batch',
      });
    }
    seen.add(p.requestId);
  }
  const todo = order.filter(({ i }) => (results[i] as Result).reason === null);
  const dueDate = await db.withOrg(ctx, async (scope) => {
    const campaign = await campaignRow(scope, id);
    if (campaign.status !== 'open') throw new AppError('LOAN_CAMPAIGN_CLOSED', 'The campaign is closed');
    if (input.dueDate) return input.dueDate;
    const [org] = await scope.tx
      .select({ settings: organisations.settings })
      .from(organisations)
      .where(eq(organisations.id, scope.organisationId));
    return campaign.dueDate ?? defaultDueDate(parseSettings(org?.settings).loanDueMonthDay);
  });
  for (let start = 0; start < todo.length; start += CHUNK) {
    const chunk = todo.slice(start, start + CHUNK);
    await db.withOrg(ctx, async (scope) => {
      // A share lock: closing the campaign waits for the chunk in progress.
      const campaign = await campaignRow(scope, id, 'share');
      if (campaign.status !== 'open') throw new AppError('LOAN_CAMPAIGN_CLOSED', 'The campaign is closed');
      for (const { p, i } of chunk) {
        const result = results[i] as Result;
        try {
          const loan = await scope.tx.transaction(async (tx) => {
            const sp: Scope = { ...scope, tx };
            const [request] = await tx
              .select({
                id: loanRequests.id,
                schoolId: loanRequests.schoolId,
                status: loanRequests.status,
                eligible: loanRequests.eligible,
                campaignId: loanRequests.campaignId,
              })
              .from(loanRequests)
              .where(eq(loanRequests.id, p.requestId))
              .for('update');
            if (!request) throw new Refusal('request_not_found', 'No such request');
            if (!campaign.schoolIds.includes(request.schoolId))
              throw new Refusal('not_in_campaign', 'The request is for a school outside the campaign');
            if (!request.eligible) throw new Refusal('not_eligible', 'The household was not found eligible');
            if (request.campaignId && request.campaignId !== campaign.id)
              throw new Refusal('other_campaign', 'The request belongs to another campaign');
            if (request.status !== 'pending' && request.status !== 'approved')
              throw new Refusal('request_not_open', `The request is ${request.status}`);
            const now = new Date();
            await tx
              .update(loanRequests)
              .set(
                request.status === 'pending'
                  ? {
                      status: 'approved',
                      reviewedBy: actor.userId,
                      reviewedAt: now,
                      campaignId: campaign.id,
                      updatedAt: now,
                    }
                  : { campaignId: campaign.id, updatedAt: now },
              )
              .where(eq(loanRequests.id, request.id));
            if (request.status === 'pending') {
              await recordAudit(sp, {
                action: 'loan_request.approved',
                entityType: 'loan_request',
                entityId: request.id,
                before: { status: 'pending' },
                after: { status: 'approved', campaignId: campaign.id },
              });
            }
            return allocateLoan(sp, actor, request.id, { assetIds: p.assetIds, dueDate });
          });
          Object.assign(result, { outcome: 'done', loanId: loan.id });
        } catch (error) {
          const refusal = refusalOf(error);
          if (!refusal) throw error;
          Object.assign(result, refusal);
        }
      }
    });
  }
  const doneIds = results.filter((r) => r.loanId).map((r) => r.loanId as string);
  const withMail = new Set<string>();
  await db.withOrg(ctx, async (scope) => {
    for (let start = 0; start < doneIds.length; start += 1000) {
      const found = await scope.tx
        .selectDistinct({ id: loans.id })
        .from(loans)
        .innerJoin(householdContacts, eq(householdContacts.householdId, loans.householdId))
        .where(and(inArray(loans.id, doneIds.slice(start, start + 1000)), isNotNull(householdContacts.email)));
      for (const f of found) withMail.add(f.id);
    }
    const done = doneIds.length;
    await recordAudit(scope, {
      action: 'loan_campaign.confirmed',
      entityType: 'loan_campaign',
      entityId: id,
      after: { pairs: input.pairs.length, done, refused: input.pairs.length - done, dueDate },
    });
  });
  for (const r of results) if (r.loanId) r.delivery = withMail.has(r.loanId) ? 'mail' : 'paper';
  const done = doneIds.length;
  return { results, done, refused: results.length - done, mailLoanIds: [...withMail] };
}

// ---- family-link mails (one job per loan) ------------------------------------------------

/** The pg-boss queue of the campaigns' family-link mails (declared in jobs/jobs.ts). */
export const CAMPAIGN_LINK_MAIL_JOB = 'loans-campaign-link-mail';

export async function queueFamilyLinkMails(
  jobs: Jobs | null,
  organisationId: string,
  loanIds: readonly string[],
): Promise<ConfirmResult['mails']> {
  if (loanIds.length === 0) return { queued: 0, status: 'none' };
  if (!jobs) return { queued: 0, status: 'jobs_disabled' };
  for (let start = 0; start < loanIds.length; start += 500) {
    await jobs.boss.insert(
      loanIds.slice(start, start + 500).map((loanId) => ({
        name: CAMPAIGN_LINK_MAIL_JOB,
        data: { organisationId, loanId },
        retryLimit: 3,
        retryDelay: 60,
        retryBackoff: true,
      })),
    );
  }
  return { queued: loanIds.length, status: 'queued' };
}

const MailJobData = z.object({ organisationId: z.uuid(), loanId: z.uuid() });
let jobSecrets: { db: Database; secrets: Promise<Secrets> } | null = null;

/** The job: mails one loan's family link (at most once per link and address: see sendFamilyLinkMail). */
export async function runCampaignLinkMail(db: Database, config: Config, data: unknown) {
  const { organisationId, loanId } = MailJobData.parse(data);
  if (jobSecrets?.db !== db) jobSecrets = { db, secrets: loadSecrets(db, config) };
  const secrets = await jobSecrets.secrets;
  try {
    const {
      url: _u,
      expiresAt: _e,
      ...outcome
    } = await sendFamilyLinkMail({ db, config, secrets }, organisationId, loanId);
    return outcome;
  } catch (error) {
    // Cancelled or purged since it was queued: nothing to send, nothing to retry.
    if (error instanceof AppError && (error.code === 'LOAN_INVALID_STATE' || error.code === 'NOT_FOUND'))
      return { status: 'skipped', reason: error.code };
    throw error;
  }
}

// ---- dashboard ------------------------------------------------------------------------------

export async function campaignDashboard(scope: Scope, id: string) {
  const campaign = await campaignRow(scope, id);
  const refs = await schoolRefs(scope, campaign.schoolIds);
  const requests = await scope.tx
    .select({
      schoolId: loanRequests.schoolId,
      n: count(),
      waiting: sql<number>`count(*) filter (where ${loanRequests.status} in ('pending','approved'))`,
    })
    .from(loanRequests)
    .where(
      and(
        inArray(loanRequests.schoolId, campaign.schoolIds),
        eq(loanRequests.eligible, true),
        or(
          eq(loanRequests.campaignId, id),
          and(isNull(loanRequests.campaignId), inArray(loanRequests.status, ['pending', 'approved'])),
        ),
      ),
    )
    .groupBy(loanRequests.schoolId);
  const lent = await scope.tx
    .select({
      schoolId: loans.schoolId,
      allocated: count(),
      accepted: sql<number>`count(*) filter (where ${loans.acceptedAt} is not null)`,
      handedOver: sql<number>`count(*) filter (where ${loans.handedOverAt} is not null)`,
      returned: sql<number>`count(*) filter (where ${loans.returnedAt} is not null)`,
    })
    .from(loans)
    .where(and(eq(loans.campaignId, id), ne(loans.status, 'cancelled')))
    .groupBy(loans.schoolId);
  const availableBySchool = new Map<string | null, number>();
  for (const a of await availableAssets(scope, campaign.schoolIds, [])) {
    if (a.role !== 'hotspot') availableBySchool.set(a.schoolId, (availableBySchool.get(a.schoolId) ?? 0) + 1);
  }
  const num = (v: unknown) => Number(v ?? 0);
  const perSchool = refs.map((school) => {
    const r = requests.find((x) => x.schoolId === school.id);
    const l = lent.find((x) => x.schoolId === school.id);
    return {
      school,
      requests: num(r?.n),
      waiting: num(r?.waiting),
      allocated: num(l?.allocated),
      accepted: num(l?.accepted),
      handedOver: num(l?.handedOver),
      returned: num(l?.returned),
      availableDevices: availableBySchool.get(school.id) ?? 0,
    };
  });
  const keys = ['requests', 'waiting', 'allocated', 'accepted', 'handedOver', 'returned', 'availableDevices'] as const;
  const totals = Object.fromEntries(keys.map((k) => [k, perSchool.reduce((s, x) => s + x[k], 0)])) as Record<
    (typeof keys)[number],
    number
  >;
  return {
    campaignId: id,
    at: new Date().toISOString(),
    schools: perSchool,
    totals,
    centralStock: { availableDevices: availableBySchool.get(null) ?? 0 },
  };
}

// ---- printable conventions with the family links --------------------------------------------

const PAGE: [number, number] = [595.28, 841.89];

const printable = (font: PDFFont, text: string) =>
  [...text.replace(/\u202f|\u00a0/g, ' ')]
    .map((c) => {
      try {
        font.encodeText(c);
        return c;
      } catch {
        return '?';
      }
    })
    .join('');

/**
 * A QR code drawn as vector rectangles — one per run of dark modules in a
 * row — in a content stream of its own, written as text: no image to embed
 * and no operator objects (thousands of codes in one document), sharp when
 * printed.
 */
function drawQr(page: PDFPage, text: string, x: number, top: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  const f = (v: number) => v.toFixed(2);
  const parts = ['q 0 0 0 rg'];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; ) {
      if (!qr.modules.get(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      parts.push(
        `${f(x + (start + quiet) * cell)} ${f(top - (r + quiet + 1) * cell)} ${f((c - start) * cell)} ${f(cell)} re`,
      );
    }
  }
  parts.push('f Q');
  const context = page.doc.context;
  page.node.addContentStream(context.register(context.flateStream(parts.join('\n'))));
}

interface CoverData {
  school: string;
  pupil: string;
  pseudonym: string;
  dueDate: string;
  devices: { tag: string; model: string }[];
  url: string;
  expiresAt: string;
}

const DATE_FORMATS = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const longDate = (iso: string, locale: 'fr' | 'en') =>
  DATE_FORMATS[locale].format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

/** The sheet on top of each convention: who it is for, and the family's link as a QR code. */
function drawCover(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, d: CoverData, locale: 'fr' | 'en') {
  const fr = locale === 'fr';
  const margin = 56;
  const width = PAGE[0] - 2 * margin;
  let y = PAGE[1] - margin;
  const line = (text: string, font: PDFFont, size: number, gap = 4) => {
    const words = printable(font, text).split(/\s+/);
    let current = '';
    const flush = () => {
      page.drawText(current, { x: margin, y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.4;
    };
    for (const w of words) {
      const candidate = current ? `${current} ${w}` : w;
      if (current && font.widthOfTextAtSize(candidate, size) > width) {
        flush();
        current = w;
      } else current = candidate;
    }
    if (current) flush();
    y -= gap;
  };
  line(
    fr ? 'Prêt d’équipement numérique — à remettre à la famille' : 'Device loan — for the family',
    fonts.bold,
    15,
    10,
  );
  line(`${fr ? 'École' : 'School'} : ${d.school}`, fonts.regular, 11);
  line(`${fr ? 'Élève' : 'Pupil'} : ${d.pupil}`, fonts.regular, 11);
  line(`${fr ? 'Référence du prêt' : 'Loan reference'} : ${d.pseudonym}`, fonts.regular, 11);
  line(`${fr ? 'À rendre au plus tard le' : 'To be returned by'} ${longDate(d.dueDate, locale)}`, fonts.regular, 11);
  for (const dev of d.devices)
    line(`- ${dev.model} — ${fr ? 'n° d’inventaire' : 'inventory no.'} ${dev.tag}`, fonts.regular, 10, 0);
  y -= 14;
  line(
    fr
      ? 'Pour lire et accepter la convention en ligne, scannez ce code avec un téléphone (ou tapez l’adresse ci-dessous) :'
      : 'To read and accept the agreement online, scan this code with a phone (or type the address below):',
    fonts.bold,
    11,
    8,
  );
  const size = 190;
  drawQr(page, d.url, margin, y, size);
  y -= size + 8;
  line(d.url, fonts.regular, 8.5, 2);
  line(
    fr
      ? `Ce lien personnel est valable jusqu’au ${longDate(d.expiresAt, locale)} et ne sert qu’à ce prêt : ne le partagez pas.`
      : `This personal link is valid until ${longDate(d.expiresAt, locale)} and serves this loan only: do not share it.`,
    fonts.regular,
    10,
    10,
  );
  line(
    fr
      ? 'Sans téléphone ou sans internet : signez la convention jointe et rapportez-la à l’école. L’équipement est remis une fois la convention acceptée.'
      : 'No phone or internet: sign the attached agreement and bring it back to the school. The device is handed over once the agreement is accepted.',
    fonts.regular,
    10,
  );
}

/**
 * One PDF with, for each loan of the campaign still waiting for its
 * convention (status `allocated`), a cover sheet with the family link as a
 * QR code, then the convention itself (the same document as
 * GET /api/loans/:id/convention.pdf). Default: families without an e-mail
 * address. Reads personal data: one audit event per household.
 */
export async function loadCampaignConventions(
  scope: Scope,
  id: string,
  q: { delivery: 'paper' | 'all'; schoolId?: string | undefined },
) {
  const campaign = await campaignRow(scope, id);
  const [org] = await scope.tx
    .select({ name: organisations.name, settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.id, scope.organisationId));
  const settings = parseSettings(org?.settings);
  const found = await scope.tx
    .select({ l: loans, h: households, school: schools.name })
    .from(loans)
    .innerJoin(households, eq(households.id, loans.householdId))
    .innerJoin(schools, eq(schools.id, loans.schoolId))
    .where(
      and(
        eq(loans.campaignId, campaign.id),
        eq(loans.status, 'allocated'),
        isNull(households.purgedAt),
        q.schoolId ? eq(loans.schoolId, q.schoolId) : undefined,
        q.delivery === 'paper'
          ? sql`not exists (select 1 from ${householdContacts} c where c.household_id = ${loans.householdId} and c.email is not null)`
          : undefined,
      ),
    );
  const householdIds = found.map((f) => f.h.id);
  const loanIds = found.map((f) => f.l.id);
  const pupilRows: (typeof pupils.$inferSelect)[] = [];
  const contactRows: (typeof householdContacts.$inferSelect)[] = [];
  const itemRows: { loanId: string; tag: string; serial: string | null; model: string }[] = [];
  for (let start = 0; start < found.length; start += 1000) {
    const hs = householdIds.slice(start, start + 1000);
    pupilRows.push(...(await scope.tx.select().from(pupils).where(inArray(pupils.householdId, hs))));
    contactRows.push(
      ...(await scope.tx
        .select()
        .from(householdContacts)
        .where(inArray(householdContacts.householdId, hs))
        .orderBy(asc(householdContacts.rank))),
    );
    itemRows.push(
      ...(await scope.tx
        .select({ loanId: loanItems.loanId, tag: assets.tag, serial: assets.serial, model: assetModels.name })
        .from(loanItems)
        .innerJoin(assets, eq(assets.id, loanItems.assetId))
        .innerJoin(assetModels, eq(assetModels.id, assets.modelId))
        .where(inArray(loanItems.loanId, loanIds.slice(start, start + 1000)))
        .orderBy(asc(assets.tag))),
    );
  }
  const group = <T, K>(list: T[], key: (t: T) => K) => {
    const m = new Map<K, T[]>();
    for (const x of list) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
    return m;
  };
  const pupilOf = new Map(pupilRows.map((p) => [p.householdId, p]));
  const contactsOf = group(contactRows, (c) => c.householdId);
  const itemsOf = group(itemRows, (i) => i.loanId);
  const entries = found
    .map((f) => ({ ...f, pupil: pupilOf.get(f.h.id) }))
    .sort(
      (a, b) =>
        a.school.localeCompare(b.school, 'fr') ||
        (a.pupil?.lastName ?? '').localeCompare(b.pupil?.lastName ?? '', 'fr') ||
        (a.pupil?.firstName ?? '').localeCompare(b.pupil?.firstName ?? '', 'fr') ||
        a.l.id.localeCompare(b.l.id),
    );
  // Every household read, one event each (as recordAudit writes them), inserted in a few statements.
  const reads = entries.map((e) => ({
    organisationId: scope.organisationId,
    actorUserId: scope.userId,
    actorKind: scope.actorKind,
    action: 'household.read',
    entityType: 'household',
    entityId: e.h.id,
    after: { document: 'campaign_conventions', campaignId: campaign.id },
    requestId: scope.requestId,
    // Set by the chain trigger; placeholders satisfy NOT NULL.
    seq: 0,
    prevHash: '',
    hash: '',
  }));
  for (let start = 0; start < reads.length; start += 500) {
    await scope.tx.insert(auditEvents).values(reads.slice(start, start + 500));
  }
  return { entries, contactsOf, itemsOf, settings, organisation: org?.name ?? '' };
}

/**
 * Draws what loadCampaignConventions read, outside any transaction: on
 * PGlite (one session) a transaction open for the whole drawing would hold
 * every other request for as long.
 */
export async function renderCampaignConventions(
  { entries, contactsOf, itemsOf, settings, organisation }: Awaited<ReturnType<typeof loadCampaignConventions>>,
  config: Config,
  secrets: Secrets,
): Promise<{ pdf: Uint8Array; count: number }> {
  const doc = await PDFDocument.create();
  doc.setTitle('Conventions de prêt — campagne');
  doc.setCreator('Socle');
  doc.setLanguage('fr-FR');
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const today = new Date().toISOString().slice(0, 10);
  let drawn = 0;
  for (const e of entries) {
    const locale: 'fr' | 'en' = e.h.locale === 'en' ? 'en' : 'fr';
    const items = itemsOf.get(e.l.id) ?? [];
    const pupil = e.pupil ? `${e.pupil.firstName} ${e.pupil.lastName}` : '';
    const link = familyLink(config, secrets, e.l.id, e.l.linkNonce, e.l.dueDate);
    drawCover(
      doc.addPage(PAGE),
      fonts,
      {
        school: e.school,
        pupil,
        pseudonym: e.h.pseudonym,
        dueDate: e.l.dueDate,
        devices: items,
        url: link.url,
        expiresAt: link.expiresAt,
      },
      locale,
    );
    // The same data as conventionData() in service.ts, read in bulk.
    const data: ConventionData = {
      organisation,
      school: e.school,
      pupil,
      representatives: (contactsOf.get(e.h.id) ?? []).map(
        (c) => `${c.firstName} ${c.lastName}, ${c.addressLine}, ${c.postcode} ${c.city}`,
      ),
      devices: items.map((i) => ({ tag: i.tag, model: i.model, serial: i.serial })),
      dueDate: e.l.dueDate,
      dpoContact: settings.dpoContact,
      retentionDays: settings.loanRetentionDays,
      date: today,
      acceptance: null,
    };
    drawConvention(doc, fonts, settings.loanConventionTemplate[locale] || DEFAULT_TEMPLATES[locale], data, locale);
    // Let other requests through now and then: drawing thousands of conventions takes a while.
    if (++drawn % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (entries.length === 0) {
    const page = doc.addPage(PAGE);
    page.drawText(
      printable(fonts.regular, 'Aucune convention à imprimer pour cette campagne. / No agreement to print.'),
      { x: 56, y: PAGE[1] - 80, size: 12, font: fonts.regular },
    );
  }
  return { pdf: await doc.save(), count: entries.length };
}
