import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import { assetModels, assets } from '../../db/schema.ts';
import { ASSET_SORTS } from './schema.ts';

/**
 * GET /api/assets chooses its page from `assets` alone, then presents those
 * rows with their joins (service.ts, findAssets). These tests pin what that
 * must not change: every sort and order, walked page by page, gives exactly
 * the order of one sorted list (NULLS LAST, then tag); totals follow the
 * filters, including those that need the catalogue; nothing of another
 * organisation shows.
 */

let t: TestApp;
let admin: ReturnType<TestApp['agent']>;
type Expected = {
  tag: string;
  model: string;
  status: string;
  school: string | null;
  schoolId: string | null;
  warrantyEnd: string | null;
  updatedAt: Date;
  role: string;
};
const expected: Expected[] = [];

before(async () => {
  t = await createTestApp();
  const orgId = (await createOrganisation(t.db, 'Ville listée')).id;
  const models = await createCatalogue(t.db, orgId);
  const names = new Map<string, { name: string; role: string }>();
  for (const [key, role] of [
    ['tablet', 'pupil_device'],
    ['laptop', 'teacher_computer'],
    ['eni', 'projection'],
  ] as const) {
    const [m] = await t.db.owner.select().from(assetModels).where(eq(assetModels.id, models[key]));
    names.set(models[key], { name: m?.name ?? '', role });
  }
  const schools = [
    await createSchool(t.db, orgId, 7200501, 'Ecole Gamma'),
    await createSchool(t.db, orgId, 7200502, 'Ecole Alpha'),
    await createSchool(t.db, orgId, 7200503, 'Ecole Beta'),
  ];
  const statuses = ['deployed', 'in_stock', 'in_repair', 'deployed', 'retired', 'on_loan', 'deployed'];
  const modelIds = [models.tablet, models.laptop, models.eni];
  const rowsToInsert: (typeof assets.$inferInsert)[] = [];
  for (let i = 0; i < 23; i++) {
    // Tags out of insertion order; some shared sort keys, so the tag breaks ties.
    const tag = `L-${String((i * 7) % 23).padStart(3, '0')}`;
    const modelId = modelIds[i % 3] as string;
    const status = statuses[i % statuses.length] as string;
    const school = status === 'in_stock' && i % 2 ? null : (schools[i % 3] ?? null);
    const warrantyEnd = i % 4 === 0 ? null : `2027-0${1 + (i % 5)}-15`;
    const updatedAt = new Date(Date.UTC(2026, 0, 1 + (i % 6)));
    rowsToInsert.push({
      organisationId: orgId,
      tag,
      modelId,
      status,
      schoolId: school?.id ?? null,
      warrantyEnd,
      updatedAt,
    });
    const model = names.get(modelId) as { name: string; role: string };
    expected.push({
      tag,
      model: model.name,
      status,
      school: school?.name ?? null,
      schoolId: school?.id ?? null,
      warrantyEnd,
      updatedAt,
      role: model.role,
    });
  }
  await t.db.owner.insert(assets).values(rowsToInsert);
  // Another organisation's assets never show.
  const other = (await createOrganisation(t.db, 'Ville voisine')).id;
  const otherModels = await createCatalogue(t.db, other);
  await t.db.owner.insert(assets).values(
    [0, 1, 2].map((i) => ({
      organisationId: other,
      tag: `L-00${i}`,
      modelId: otherModels.tablet,
      status: 'deployed',
    })),
  );
  const user = await createUser(t.db, orgId, { roles: ['admin'] });
  admin = t.agent();
  await admin.login(user.email, PASSWORD);
});
after(() => t.close());

type Page = { items: { tag: string }[]; total: number };
const list = async (query: Record<string, string>) => {
  const r = await admin.get('/api/assets', { query });
  assert.equal(r.statusCode, 200, r.body);
  return json<Page>(r);
};

const sortKey: Record<(typeof ASSET_SORTS)[number], (e: Expected) => string | number | null> = {
  tag: (e) => e.tag,
  model: (e) => e.model,
  status: (e) => e.status,
  school: (e) => e.school,
  warrantyEnd: (e) => e.warrantyEnd,
  updatedAt: (e) => e.updatedAt.getTime(),
};

function reference(rows: Expected[], sort: (typeof ASSET_SORTS)[number], order: 'asc' | 'desc'): string[] {
  const key = sortKey[sort];
  return [...rows]
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return (x < y ? -1 : 1) * (order === 'desc' ? -1 : 1);
      }
      return a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;
    })
    .map((e) => e.tag);
}

/** Every page of a query, `limit` at a time; checks the total on each page. */
async function walk(query: Record<string, string>, limit: number, total: number): Promise<string[]> {
  const tags: string[] = [];
  for (let offset = 0; offset < total + limit; offset += limit) {
    const page = await list({ ...query, limit: String(limit), offset: String(offset) });
    assert.equal(page.total, total, `total at offset ${offset}`);
    tags.push(...page.items.map((i) => i.tag));
    if (page.items.length < limit) break;
  }
  return tags;
}

describe('asset list pages', () => {
  it('walks every sort and order page by page in exactly the order of one sorted list', async () => {
    for (const sort of ASSET_SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        const got = await walk({ sort, order }, 4, expected.length);
        assert.deepEqual(got, reference(expected, sort, order), `sort ${sort} ${order}`);
      }
    }
  });

  it('counts and pages the filters, those on the catalogue included; past the end is empty', async () => {
    const cases: { query: Record<string, string>; keep: (e: Expected) => boolean }[] = [
      { query: { status: 'deployed' }, keep: (e) => e.status === 'deployed' },
      { query: { status: 'in_repair,retired' }, keep: (e) => e.status === 'in_repair' || e.status === 'retired' },
      { query: { schoolId: expected[0]?.schoolId as string }, keep: (e) => e.schoolId === expected[0]?.schoolId },
      { query: { categoryRole: 'projection' }, keep: (e) => e.role === 'projection' },
      { query: { q: 'portable', sort: 'school', order: 'desc' }, keep: (e) => e.role === 'teacher_computer' },
      {
        query: { status: 'deployed', categoryRole: 'pupil_device', sort: 'model' },
        keep: (e) => e.status === 'deployed' && e.role === 'pupil_device',
      },
    ];
    for (const { query, keep } of cases) {
      const rows = expected.filter(keep);
      assert.ok(rows.length > 0 && rows.length < expected.length, `a selective case: ${JSON.stringify(query)}`);
      const got = await walk(query, 3, rows.length);
      const sort = (query.sort ?? 'tag') as (typeof ASSET_SORTS)[number];
      assert.deepEqual(got, reference(rows, sort, query.order === 'desc' ? 'desc' : 'asc'), JSON.stringify(query));
    }
    const past = await list({ status: 'deployed', offset: '500' });
    assert.deepEqual(past, { items: [], total: expected.filter((e) => e.status === 'deployed').length });
    assert.deepEqual(await list({ q: 'no such thing' }), { items: [], total: 0 });
  });
});
