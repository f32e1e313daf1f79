import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { files, fundingProgrammes } from '../../db/schema.ts';
import { demoSiret } from './demo.ts';
import { addMonths, EU_MENTIONS, parisToday } from './publicity.ts';

/**
 * The publicity checklist and mentions through the API on a real database:
 * the default checklist from the conventions (plaque above 500,000 € of
 * public support, due three months after completion), overdue flags,
 * evidence, the FR/EN mentions, tenancy and permissions.
 */

type Item = {
  id: string;
  kind: string;
  label: string;
  dueOn: string | null;
  doneOn: string | null;
  overdue: boolean;
  dueUnknown: boolean;
  evidenceFileId: string | null;
  evidenceUrl: string | null;
};
type Problem = { code: string; errors?: { path: string }[] };

let t: TestApp;
const ids: Record<string, string> = {};
const agents: Record<string, ReturnType<TestApp['agent']>> = {};
const m = () => agents.manager as NonNullable<(typeof agents)['manager']>;
const url = () => `/api/funding/programmes/${ids.programme}/publicity`;

before(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.db, 'Ville A');
  const other = await createOrganisation(t.db, 'Ville B');
  const school = await createSchool(t.db, org.id, 720_501);
  for (const [key, orgKey, roles] of [
    ['manager', org.id, ['manager']],
    ['auditor', org.id, ['auditor']],
    ['teacher', org.id, ['teacher']],
    ['otherAdmin', other.id, ['admin']],
  ] as const) {
    const user = await createUser(t.db, orgKey, { roles: [...roles], schoolIds: key === 'teacher' ? [school.id] : [] });
    agents[key] = t.agent();
    await agents[key]?.login(user.email, PASSWORD);
  }
  const id = async (r: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const res = await r;
    assert.ok(res.statusCode < 300, res.body);
    return (res.json() as { id: string }).id;
  };
  ids.programme = await id(
    m().post('/api/funding/programmes', { name: 'Plan', periodStart: '2020-02-01', periodEnd: '2023-04-30' }),
  );
  const item = await id(
    m().post(`/api/funding/programmes/${ids.programme}/cost-items`, { code: 'EQ', kind: 'equipment', label: 'Éq.' }),
  );
  const supplier = await id(m().post('/api/funding/suppliers', { name: 'S', siret: demoSiret(3) }));
  const feder = await id(m().post('/api/funding/funders', { name: 'FEDER', kind: 'eu_feder' }));
  const dep = await id(m().post('/api/funding/funders', { name: 'Département de la Sarthe', kind: 'departement' }));
  await id(
    m().post(`/api/funding/programmes/${ids.programme}/conventions`, {
      funderId: feder,
      reference: 'FEDER-1',
      rateRule: { kind: 'flat', rateBp: 7869 },
      publicityFlags: { react_eu: true },
      rank: 1,
    }),
  );
  await id(
    m().post(`/api/funding/programmes/${ids.programme}/conventions`, {
      funderId: dep,
      reference: 'DEP-1',
      rateRule: { kind: 'flat', rateBp: 1000 },
      publicityText: 'Avec le soutien du Département de la Sarthe',
      rank: 2,
    }),
  );
  // 1,000,000 € HT: FEDER 786,900 € of public support, above 500,000 €.
  await id(
    m().post(`/api/funding/programmes/${ids.programme}/expense-lines`, {
      costItemId: item,
      supplierId: supplier,
      invoiceNumber: 'F-1',
      invoiceDate: '2021-01-01',
      htCents: 100_000_000,
      vatCents: 20_000_000,
      ttcCents: 120_000_000,
    }),
  );
  const [file] = await t.db.owner
    .insert(files)
    .values({
      organisationId: org.id,
      entityType: 'publicity',
      entityId: ids.programme,
      name: 'affiche.jpg',
      mime: 'image/jpeg',
      size: 10,
      sha256: 'x',
    })
    .returning();
  ids.file = file?.id as string;
  const [otherFile] = await t.db.owner
    .insert(files)
    .values({
      organisationId: other.id,
      entityType: 'publicity',
      entityId: ids.programme,
      name: 'autre.jpg',
      mime: 'image/jpeg',
      size: 10,
      sha256: 'x',
    })
    .returning();
  ids.otherFile = otherFile?.id as string;
});
after(() => t.close());

describe('funding publicity', () => {
  it('default checklist from the conventions; the plaque waits for the completion date', async () => {
    const r = await m().post(`${url()}/defaults`);
    assert.equal(r.statusCode, 200, r.body);
    const items = json<Item[]>(r);
    assert.deepEqual(
      items.map((i) => i.kind),
      ['website_description', 'a3_poster', 'permanent_plaque', 'communication'],
    );
    const plaque = items.find((i) => i.kind === 'permanent_plaque') as Item;
    assert.equal(plaque.dueOn, null);
    assert.equal(plaque.dueUnknown, true);
    const poster = items.find((i) => i.kind === 'a3_poster') as Item;
    assert.equal(poster.dueOn, '2020-02-01');
    assert.equal(poster.overdue, true, 'due at the start, not done');
    assert.match(items[3]?.label ?? '', /Département de la Sarthe/);

    await t.db.owner
      .update(fundingProgrammes)
      .set({ completedOn: '2023-11-30' })
      .where(eq(fundingProgrammes.id, ids.programme as string));
    const again = json<Item[]>(await m().post(`${url()}/defaults`));
    assert.equal(again.length, 4, 'idempotent');
    const dated = again.find((i) => i.kind === 'permanent_plaque') as Item;
    assert.equal(dated.dueOn, '2024-02-29', 'three months after completion, end of February');
    assert.equal(dated.dueUnknown, false);
  });

  it('the plaque from 500,000.01 € of public support, not at 500,000 €', async () => {
    const small = json<{ id: string }>(
      await m().post('/api/funding/programmes', { name: 'Petit', periodStart: '2020-01-01', periodEnd: '2020-12-31' }),
    );
    const funders = json<{ id: string; kind: string }[]>(await m().get('/api/funding/funders'));
    const convention = json<{ id: string }>(
      await m().post(`/api/funding/programmes/${small.id}/conventions`, {
        funderId: funders.find((f) => f.kind === 'eu_feder')?.id,
        reference: 'F',
        rateRule: { kind: 'flat', rateBp: 5000 },
        rank: 1,
      }),
    );
    const item = json<{ id: string }>(
      await m().post(`/api/funding/programmes/${small.id}/cost-items`, { code: 'EQ', kind: 'equipment', label: 'x' }),
    );
    const supplier = json<{ id: string }>(await m().post('/api/funding/suppliers', { name: 'T', siret: demoSiret(4) }));
    const line = await m().post(`/api/funding/programmes/${small.id}/expense-lines`, {
      costItemId: item.id,
      supplierId: supplier.id,
      invoiceNumber: 'F-1',
      invoiceDate: '2020-06-01',
      htCents: 100_000_000,
      vatCents: 0,
      ttcCents: 100_000_000,
    });
    assert.equal(line.statusCode, 201, line.body);
    const defaults = `/api/funding/programmes/${small.id}/publicity/defaults`;
    const at = json<Item[]>(await m().post(defaults));
    assert.deepEqual(
      at.map((i) => i.kind),
      ['website_description', 'a3_poster'],
      'exactly 500,000 €: no plaque',
    );
    await m().patch(`/api/funding/conventions/${convention.id}`, { rateRule: { kind: 'flat', rateBp: 5001 } });
    const above = json<Item[]>(await m().post(defaults));
    assert.ok(above.some((i) => i.kind === 'permanent_plaque'));
  });

  it('items: done, evidence (a file of the organisation or an http(s) URL), overdue flags', async () => {
    const poster = json<Item[]>(await m().get(url())).find((i) => i.kind === 'a3_poster') as Item;
    const foreign = await m().patch(`/api/funding/publicity/${poster.id}`, { evidenceFileId: ids.otherFile });
    assert.equal(foreign.statusCode, 404);
    assert.equal(json<Problem>(foreign).errors?.[0]?.path, 'body.evidenceFileId');
    const badUrl = await m().patch(`/api/funding/publicity/${poster.id}`, { evidenceUrl: 'javascript:alert(1)' });
    assert.equal(badUrl.statusCode, 400);
    const done = await m().patch(`/api/funding/publicity/${poster.id}`, {
      doneOn: '2020-03-01',
      evidenceFileId: ids.file,
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(json<Item>(done).overdue, false);
    assert.equal(json<Item>(done).evidenceFileId, ids.file);
    const future = await m().post(url(), {
      kind: 'billboard',
      label: 'Panneau de chantier',
      dueOn: '2999-01-01',
      evidenceUrl: 'https://example.org/photo',
    });
    assert.equal(future.statusCode, 201, future.body);
    assert.equal(json<Item>(future).overdue, false);
    assert.equal((await m().delete(`/api/funding/publicity/${json(future).id}`)).statusCode, 204);
    assert.ok(parisToday() > '2020-01-01');
  });

  it('mentions, FR and EN: EU emblem, FEDER, REACT-EU (flag), the département’s own text', async () => {
    const r = await m().get(`${url()}/mentions`);
    assert.equal(r.statusCode, 200, r.body);
    const body = json<{ euEmblem: boolean; mentions: { kind: string; fr: string; en: string }[] }>(r);
    assert.equal(body.euEmblem, true);
    assert.deepEqual(
      body.mentions.map((x) => x.kind),
      ['eu_emblem', 'eu_feder', 'eu_react', 'funder'],
    );
    assert.equal(body.mentions[1]?.fr, 'Ce projet est cofinancé par le Fonds européen de développement régional');
    assert.equal(body.mentions[2]?.fr, EU_MENTIONS.react.fr);
    assert.match(body.mentions[2]?.fr ?? '', /réponse de l'Union à la pandémie de COVID-19/);
    assert.match(body.mentions[2]?.en ?? '', /Union's response to the COVID-19 pandemic/);
    assert.equal(body.mentions[3]?.fr, 'Avec le soutien du Département de la Sarthe');
  });

  it('tenancy and permissions', async () => {
    const other = agents.otherAdmin as NonNullable<(typeof agents)['otherAdmin']>;
    assert.equal((await other.get(url())).statusCode, 404);
    assert.equal((await other.get(`${url()}/mentions`)).statusCode, 404);
    const first = json<Item[]>(await m().get(url()))[0] as Item;
    assert.equal((await other.patch(`/api/funding/publicity/${first.id}`, { doneOn: '2021-01-01' })).statusCode, 404);
    assert.equal((await agents.teacher?.get(url()))?.statusCode, 403);
    assert.equal((await agents.auditor?.get(url()))?.statusCode, 200);
    assert.equal((await agents.auditor?.post(`${url()}/defaults`))?.statusCode, 403);
    assert.equal((await agents.auditor?.delete(`/api/funding/publicity/${first.id}`))?.statusCode, 403);
  });

  it('adds whole months, clamping the day', () => {
    assert.equal(addMonths('2023-11-30', 3), '2024-02-29');
    assert.equal(addMonths('2023-04-30', 3), '2023-07-30');
    assert.equal(addMonths('2023-10-31', 3), '2024-01-31');
    assert.equal(addMonths('2022-11-30', 3), '2023-02-28');
  });
});
