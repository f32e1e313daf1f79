import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, describeConfig, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000 with the demo', () => {
    const c = loadConfig({});
    assert.equal(c.http.port, 3000);
    assert.deepEqual(c.database, { kind: 'pglite', dataDir: path.resolve('data', 'pglite') });
    assert.equal(c.bootstrap.demo, true);
    assert.equal(c.auth.secureCookies, false);
    assert.ok(Object.isFrozen(c) && Object.isFrozen(c.auth));
  });

  it('honours PORT, SOCLE_DATA_DIR, DATABASE_URL, SOCLE_DEMO=0 and production', () => {
    const c = loadConfig({ PORT: '8080', SOCLE_DATA_DIR: '/srv/socle', SOCLE_DEMO: '0', NODE_ENV: 'production' });
    assert.equal(c.http.port, 8080);
    assert.equal(c.dataDir, '/srv/socle');
    assert.equal(c.bootstrap.demo, false);
    assert.equal(c.auth.secureCookies, true);
    assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://u:p@db/socle' }).database, {
      kind: 'postgres',
      url: 'postgres://u:p@db/socle',
    });
  });

  it('fails fast naming every bad variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SOCLE_ADMIN_EMAIL: 'nope' }),
      (e: Error) =>
        e instanceof ConfigError &&
        /PORT/.test(e.message) &&
        /DATABASE_URL/.test(e.message) &&
        /SOCLE_ADMIN_EMAIL/.test(e.message),
    );
    assert.throws(() => loadConfig({ SOCLE_ADMIN_EMAIL: 'a@example.org' }), /set together/);
  });

  it('never shows secrets in its loggable view', () => {
    const view = JSON.stringify(
      describeConfig(
        loadConfig({
          DATABASE_URL: 'postgres://socle:s3cr3t@db/socle',
          SOCLE_ADMIN_EMAIL: 'a@example.org',
          SOCLE_ADMIN_PASSWORD: 'hunter2 hunter2',
        }),
      ),
    );
    assert.doesNotMatch(view, /s3cr3t|hunter2/);
  });
});
