import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createCatalogue, createOrganisation, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { rows } from '../../db/connection.ts';
import { assetModels, assets, organisations } from '../../db/schema.ts';

/**
 * The import writes valid rows by batches as it reads them (import.ts); a
 * bad row anywhere makes it fail and the transaction take back what was
 * written. These files span several batches (1,000 rows each) so that the
 * rows written before a bad one, and the database's own refusals (tag or
 * serial already registered) found while writing or while only checking,
 * are all exercised.
 */

let t: TestApp;
let admin: ReturnType<TestApp['agent']>;
let orgId: string;
let tablet: { id: string; name: string };

type Report = {
  rowsRead: number;
  valid: number;
  created: number;
  rejected: { line: number; column: string; reason: string; value?: string }[];
  rejectedCount: number;
  modelsCreated: string[];
  written: boolean;
};

before(async () => {
  t = await createTestApp();
  orgId = (await createOrganisation(t.db, 'Ville importatrice')).id;
  const models = await createCatalogue(t.db, orgId);
  const [m] = await t.db.owner.select().from(assetModels).where(eq(assetModels.id, models.tablet));
  tablet = { id: models.tablet, name: m?.name as string };
  // Already registered: a tag and a serial of the tablet model.
  await t.db.owner.insert(assets).values({
    organisationId: orgId,
    tag: 'DUP-1',
    serial: 'S-DUP',
    modelId: tablet.id,
    status: 'in_stock',
  });
  const user = await createUser(t.db, orgId, { roles: ['admin'] });
  admin = t.agent();
  await admin.login(user.email, PASSWORD);
});
after(() => t.close());

const HEADER = 'tag;serial;categorie;modele;statut';
/** `n` valid rows (lines 2…n+1), then per-line replacements. */
function file(n: number, prefix: string, replace: Record<number, string> = {}): string {
  const lines = [HEADER];
  for (let i = 1; i <= n; i++) lines.push(`${prefix}-${i};${prefix}-S${i};Tablette;${tablet.name};in_stock`);
  for (const [line, text] of Object.entries(replace)) lines[Number(line) - 1] = text;
  return lines.join('\n');
}

const upload = (body: string, query: Record<string, string> = {}) =>
  admin.request('POST', '/api/assets/import', { body, headers: { 'content-type': 'text/csv' }, query });

const counts = async () => {
  const [c] = await rows<{ assets: number; events: number; models: number; audits: number }>(
    t.db.owner,
    sql`SELECT (SELECT count(*)::int FROM assets WHERE organisation_id = ${orgId}) AS assets,
               (SELECT count(*)::int FROM asset_events WHERE organisation_id = ${orgId}) AS events,
               (SELECT count(*)::int FROM asset_models WHERE organisation_id = ${orgId}) AS models,
               (SELECT count(*)::int FROM audit_events WHERE organisation_id = ${orgId}
                  AND action = 'asset.imported') AS audits`,
  );
  return c as { assets: number; events: number; models: number; audits: number };
};

describe('asset imports by batches', () => {
  it('a bad row after two written batches writes nothing, not even a model created for an earlier row', async () => {
    const before = await counts();
    const csv = file(4500, 'B', {
      2: `B-1;B-S1;Tablette;Tablette inconnue 9000;in_stock`,
      4401: `B-4400;B-S4400;Tablette;${tablet.name};flying`,
    });
    const strict = await upload(csv, { createMissing: 'true' });
    assert.equal(strict.statusCode, 400, strict.body);
    assert.deepEqual(
      json<{ errors: { path: string; code: string }[] }>(strict).errors.map((e) => `${e.path} ${e.code}`),
      ['line 4401, statut unknown_status'],
    );
    assert.deepEqual(await counts(), before, 'assets, events, models and audit as before');

    const done = json<Report>(await upload(csv, { createMissing: 'true', skipInvalid: 'true' }));
    assert.equal(done.rowsRead, 4500);
    assert.equal(done.created, 4499);
    assert.equal(done.valid, 4499);
    assert.deepEqual(done.modelsCreated, ['Tablette inconnue 9000']);
    const after = await counts();
    assert.equal(after.assets - before.assets, 4499);
    assert.equal(after.events - before.events, 4499, 'one created event per asset');
    assert.equal(after.audits - before.audits, 1, 'one audit event for the import');
  });

  it('reports tags and serials already registered, found while writing as while checking, in file order', async () => {
    const before = await counts();
    // One batch: nothing bad before line 3, so both refusals come from the INSERT itself.
    const small = file(5, 'C', {
      3: `DUP-1;C-S2;Tablette;${tablet.name};in_stock`,
      5: `C-4;S-DUP;Tablette;${tablet.name};in_stock`,
    });
    const expected = [
      { line: 3, column: 'tag', reason: 'tag_taken', value: 'DUP-1' },
      { line: 5, column: 'serial', reason: 'serial_taken', value: 'S-DUP' },
    ];
    const strict = await upload(small);
    assert.equal(strict.statusCode, 400, strict.body);
    assert.deepEqual(await counts(), before);
    const dry = json<Report>(await upload(small, { dryRun: 'true' }));
    assert.deepEqual(dry.rejected, expected, 'a dry run finds the same');
    assert.equal(dry.valid, 3);
    const skipped = json<Report>(await upload(small, { skipInvalid: 'true' }));
    assert.deepEqual(skipped.rejected, expected);
    assert.equal(skipped.created, 3);

    // Bad row in the first batch: the rest is only checked, and the taken tag of the second batch still reported.
    const big = file(2500, 'D', {
      11: 'D-10;D-S10;Tablette;;in_stock',
      2401: `DUP-1;D-S2400;Tablette;${tablet.name};in_stock`,
      2402: `D-2401;S-DUP;Tablette;${tablet.name};in_stock`,
    });
    const failed = await upload(big);
    assert.equal(failed.statusCode, 400);
    const report = json<{ report: Report }>(failed).report;
    assert.deepEqual(
      report.rejected.map((e) => `${e.line} ${e.reason}`),
      ['11 missing', '2401 tag_taken', '2402 serial_taken'],
    );
    assert.equal(report.valid, 2497);
    assert.equal(report.created, 0);
    assert.equal((await counts()).assets - before.assets, 3, 'only the 3 rows of the skip-invalid import');

    // Skipping bad rows, writing goes on: a refusal of the first batch is known after rows of the second were read.
    const mixed = file(4500, 'F', {
      101: `DUP-1;F-S100;Tablette;${tablet.name};in_stock`,
      1101: `F-1100;F-S1100;Tablette;${tablet.name};flying`,
    });
    const written = json<Report>(await upload(mixed, { skipInvalid: 'true' }));
    assert.deepEqual(
      written.rejected.map((e) => `${e.line} ${e.reason}`),
      ['101 tag_taken', '1101 unknown_status'],
    );
    assert.equal(written.created, 4498);
  });

  it('stops when a generated tag is already used (the tag pattern collides)', async () => {
    await t.db.owner
      .update(organisations)
      .set({ settings: sql`${organisations.settings} || '{"assetTagPattern":"G{00000}"}'::jsonb` })
      .where(eq(organisations.id, orgId));
    const [counter] = await rows<{ next: number }>(
      t.db.owner,
      sql`SELECT next FROM asset_tag_counters WHERE organisation_id = ${orgId} AND year = ${new Date().getUTCFullYear()}`,
    );
    // The tag the import will generate next is taken.
    const next = `G${String(counter?.next ?? 1).padStart(5, '0')}`;
    await t.db.owner
      .insert(assets)
      .values({ organisationId: orgId, tag: next, modelId: tablet.id, status: 'in_stock' });
    const before = await counts();
    const r = await upload(file(3, 'E', { 3: `;E-S2;Tablette;${tablet.name};in_stock` }), { skipInvalid: 'true' });
    assert.equal(r.statusCode, 409, r.body);
    assert.match(r.body, new RegExp(`${next} is already used`));
    assert.deepEqual(await counts(), before);
  });
});
