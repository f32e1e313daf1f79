import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { buildApp } from '../src/server/app.ts';
import { loadSecrets } from '../src/server/secrets.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';

/**
 * The web files as the built server serves them: content-named assets cached
 * for a year, the page itself always revalidated, Brotli or gzip twins (made
 * by scripts/build.mjs) chosen by the browser's Accept-Encoding.
 */

let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let webDir: string;
const script = `console.log(${JSON.stringify('Socle '.repeat(400))});\n`;

before(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'socle-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><title>Socle</title><script src="/assets/index-Ab12.js"></script>',
  );
  const asset = path.join(webDir, 'assets', 'index-Ab12.js');
  fs.writeFileSync(asset, script);
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script));
  database = await createTestDatabase();
  const secrets = await loadSecrets(database.db, database.config);
  app = await buildApp({ config: database.config, db: database.db, jobs: null, secrets }, { webDir, logger: false });
  await app.ready();
});
after(async () => {
  await app.close();
  await database.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('web files', () => {
  it('assets: cached for a year as immutable, Brotli when accepted, else gzip, else as is', async () => {
    const br = await app.inject({ url: '/assets/index-Ab12.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(zlib.brotliDecompressSync(br.rawPayload).toString(), script);

    const gz = await app.inject({ url: '/assets/index-Ab12.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), script);

    const plain = await app.inject({ url: '/assets/index-Ab12.js', headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, script);
    assert.match(String(plain.headers['content-type']), /javascript/);
  });

  it('the page (any client route) is revalidated on every visit', async () => {
    for (const url of ['/index.html', '/home', '/assets/list']) {
      const r = await app.inject({ url });
      assert.equal(r.statusCode, 200, url);
      assert.match(r.body, /<title>Socle<\/title>/, url);
      assert.equal(r.headers['cache-control'], 'no-cache', url);
    }
  });

  it('a missing asset is a 404 problem, not the page', async () => {
    const r = await app.inject({ url: '/assets/index-Zz99.js' });
    assert.equal(r.statusCode, 404);
    assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  });
});
