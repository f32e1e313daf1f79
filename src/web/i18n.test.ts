import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ERROR_STATUS } from '../server/http/errors.ts';
import { ALL_PERMISSIONS } from '../shared/permissions.ts';
import { ROLES } from '../shared/roles.ts';

/** French and English share one key set, and the web UI uses only keys that exist. */

const root = path.resolve(import.meta.dirname, '..', '..');
type Tree = { [key: string]: string | Tree };
const load = (language: string): Tree =>
  JSON.parse(fs.readFileSync(path.join(root, 'locales', `${language}.json`), 'utf8')) as Tree;
const fr = load('fr');
const en = load('en');

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const frKeys = flatten(fr);
const enKeys = flatten(en);
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

test('fr.json and en.json have the same keys', () => {
  const onlyFr = [...frKeys.keys()].filter((k) => !enKeys.has(k));
  const onlyEn = [...enKeys.keys()].filter((k) => !frKeys.has(k));
  assert.deepEqual({ onlyFr, onlyEn }, { onlyFr: [], onlyEn: [] });
});

test('no translation is empty, and both languages use the same {{variables}}', () => {
  for (const [key, text] of frKeys) {
    assert.ok(text.trim(), `fr ${key} is empty`);
    const other = enKeys.get(key);
    if (other === undefined) continue;
    assert.ok(other.trim(), `en ${key} is empty`);
    assert.deepEqual(variables(other), variables(text), `variables of ${key} differ`);
  }
});

test('every error code of the server and every role has a translation', () => {
  for (const code of Object.keys(ERROR_STATUS)) assert.ok(frKeys.has(`errors.${code}`), `errors.${code}`);
  for (const role of ROLES) assert.ok(frKeys.has(`roles.${role}`), `roles.${role}`);
  for (const problem of ['too_short', 'too_long', 'too_common', 'contains_email', 'too_repetitive', 'wrong']) {
    assert.ok(frKeys.has(`errors.fields.password_${problem}`), `errors.fields.password_${problem}`);
  }
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')
      ? [full]
      : [];
  });
}

const permissions = new Set<string>(ALL_PERMISSIONS);

test('every literal key the web UI uses exists', () => {
  const namespaces = Object.keys(fr).join('|');
  // Quoted strings that look like keys of a known namespace: `t('users.title')`, `cond ? 'users.created' : …`.
  const pattern = new RegExp(`['"\`]((?:${namespaces})\\.[A-Za-z0-9_.]+)['"\`]`, 'g');
  const missing: string[] = [];
  let seen = 0;
  for (const file of sourceFiles(path.join(root, 'src', 'web'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern)) {
      const key = match[1] as string;
      // Prefixes of dynamic keys (`roles.${role}`), file names and permissions are not keys.
      if (key.endsWith('.') || /\.(tsx?|css|json)$/.test(key) || permissions.has(key)) continue;
      seen++;
      if (!frKeys.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
    }
  }
  assert.ok(seen > 100, `only ${seen} keys found: is the pattern still right?`);
  assert.deepEqual(missing, []);
});
