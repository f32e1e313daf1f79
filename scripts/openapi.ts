/**
 * Writes the OpenAPI document generated from the routes' zod schemas to
 * openapi/openapi.json, and the typed web client's types to
 * src/web/api/schema.d.ts. `--check` fails when either is stale (CI).
 */
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database } from '../src/server/db/connection.ts';
import { secretsFrom } from '../src/server/secrets.ts';

const root = path.resolve(import.meta.dirname, '..');
const specPath = path.join(root, 'openapi', 'openapi.json');
const typesPath = path.join(root, 'src', 'web', 'api', 'schema.d.ts');

/** Generation needs the routes, not data: any database call is a bug here. */
const noDatabase = new Proxy({} as Database, {
  get(_t, prop) {
    if (prop === 'kind') return 'pglite';
    if (prop === 'then') return undefined;
    throw new Error(`OpenAPI generation must not touch the database (${String(prop)})`);
  },
});

export async function generate(): Promise<{ spec: string; types: string }> {
  const app = await buildApp(
    { config: loadConfig({ LOG_LEVEL: 'silent' }), db: noDatabase, jobs: null, secrets: secretsFrom(Buffer.alloc(32)) },
    { webDir: null, logger: false },
  );
  await app.ready();
  const document = app.swagger();
  await app.close();
  const spec = `${JSON.stringify(document, null, 2)}\n`;
  const ast = await openapiTS(JSON.parse(spec));
  const types = `// Generated from openapi/openapi.json by scripts/openapi.ts — do not edit.\n${astToString(ast)}`;
  return { spec, types };
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const { spec, types } = await generate();
  if (process.argv.includes('--check')) {
    const stale = [
      [specPath, spec],
      [typesPath, types],
    ].filter(([p, c]) => !fs.existsSync(p as string) || fs.readFileSync(p as string, 'utf8') !== c);
    if (stale.length) {
      console.error(`Stale: ${stale.map(([p]) => path.relative(root, p as string)).join(', ')} — run npm run openapi`);
      process.exit(1);
    }
    console.log('OpenAPI spec and web client types are current');
  } else {
    fs.mkdirSync(path.dirname(specPath), { recursive: true });
    fs.mkdirSync(path.dirname(typesPath), { recursive: true });
    fs.writeFileSync(specPath, spec);
    fs.writeFileSync(typesPath, types);
    console.log(`Wrote ${path.relative(root, specPath)} and ${path.relative(root, typesPath)}`);
  }
}
