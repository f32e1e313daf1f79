import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import { contentDisposition, safeName, sniffType } from './rules.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

describe('file type sniffing', () => {
  it('reads the type from the bytes, not the name', () => {
    assert.equal(sniffType(PNG), 'image/png');
    assert.equal(sniffType(JPEG), 'image/jpeg');
    assert.equal(sniffType(Buffer.from('%PDF-1.7\n')), 'application/pdf');
    assert.equal(sniffType(Buffer.from('<html><script>alert(1)</script>')), null);
    assert.equal(sniffType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
    assert.equal(safeName('../../etc/passwd.png', 'image/jpeg'), 'passwd.jpg');
    assert.equal(safeName('photo "écran".png', 'image/png'), 'photo écran.png');
    assert.match(
      contentDisposition('photo écran.png'),
      /^attachment; filename="photo ecran.png"; filename\*=UTF-8''photo%20%C3%A9cran.png$/,
    );
  });
});

let t: TestApp;
let tech: ReturnType<TestApp['agent']>;
let director: ReturnType<TestApp['agent']>;
let assetA: string;
let assetB: string;

before(async () => {
  t = await createTestApp({ SOCLE_UPLOAD_MAX_BYTES: '2048' });
  const org = (await createOrganisation(t.db)).id;
  const models = await createCatalogue(t.db, org);
  const a = (await createSchool(t.db, org, 7200801)).id;
  const b = (await createSchool(t.db, org, 7200802)).id;
  const u = await createUser(t.db, org, { roles: ['technician'] });
  tech = t.agent();
  await tech.login(u.email, PASSWORD);
  const d = await createUser(t.db, org, { roles: ['director'], schoolIds: [a] });
  director = t.agent();
  await director.login(d.email, PASSWORD);
  assetA = json<{ id: string }>(
    await tech.post('/api/assets', { modelId: models.eni, status: 'deployed', schoolId: a }),
  ).id;
  assetB = json<{ id: string }>(
    await tech.post('/api/assets', { modelId: models.eni, status: 'deployed', schoolId: b }),
  ).id;
});
after(() => t.close());

const upload = (agent: ReturnType<TestApp['agent']>, assetId: string, body: Buffer, type: string, name = 'photo.png') =>
  agent.request('POST', `/api/assets/${assetId}/attachments`, {
    body,
    headers: { 'content-type': type },
    query: { name },
  });

describe('asset attachments', () => {
  it('stores a photo and serves it as an attachment with nosniff', async () => {
    const r = await upload(tech, assetA, PNG, 'image/png', 'écran cassé.png');
    assert.equal(r.statusCode, 201, r.body);
    const file = json<{ id: string; mime: string; name: string }>(r);
    assert.deepEqual({ mime: file.mime, name: file.name }, { mime: 'image/png', name: 'écran cassé.png' });
    const list = json<{ id: string }[]>(await director.get(`/api/assets/${assetA}/attachments`));
    assert.deepEqual(
      list.map((f) => f.id),
      [file.id],
    );
    const dl = await director.get(`/api/files/${file.id}`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-disposition']), /^attachment;/);
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.equal(dl.headers['content-type'], 'image/png');
    assert.deepEqual(Buffer.from(dl.rawPayload), PNG);
  });

  it('refuses HTML or SVG disguised as an image, and files over the limit', async () => {
    const html = await upload(tech, assetA, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    assert.equal(html.statusCode, 415);
    const svg = await upload(tech, assetA, Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml');
    assert.equal(svg.statusCode, 415);
    const big = await upload(tech, assetA, Buffer.concat([JPEG, Buffer.alloc(4096)]), 'image/jpeg');
    assert.equal(big.statusCode, 413);
  });

  it('keeps attachments to the asset’s reach; deletes', async () => {
    const f = json<{ id: string }>(await upload(tech, assetB, JPEG, 'image/jpeg'));
    assert.equal((await director.get(`/api/files/${f.id}`)).statusCode, 404);
    assert.equal((await director.get(`/api/assets/${assetB}/attachments`)).statusCode, 404);
    assert.equal((await upload(director, assetA, JPEG, 'image/jpeg')).statusCode, 403);
    assert.equal((await tech.delete(`/api/files/${f.id}`)).statusCode, 204);
    assert.equal((await tech.get(`/api/files/${f.id}`)).statusCode, 404);
  });
});
