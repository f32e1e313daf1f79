import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { DEMO_SLUG } from '../../bootstrap.ts';
import { rows } from '../../db/connection.ts';

/**
 * The open data against the Frictionless specification and against
 * personal data (issue #9 acceptance):
 * - `datapackage.json` validates against the published Data Package and
 *   Table Schema JSON schemas shipped in `test/fixtures/frictionless/`
 *   (README there: where they come from), with ajv;
 * - every resource's CSV matches its Table Schema (header, types,
 *   required fields, enums, patterns, primary and foreign keys), and the
 *   JSON variant holds the same rows;
 * - no household, pupil, trainee or user name (nor e-mail, phone or
 *   address) of the demo appears in any open-data file or the public page.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/frictionless', name), 'utf8')) as object;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validatePackage = ajv.compile(fixture('data-package.json'));
const validateTableSchema = ajv.compile(fixture('table-schema.json'));

type Field = {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string };
};
type TableSchema = {
  fields: Field[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  missingValues?: string[];
};
type Resource = { name: string; path: string; schema: TableSchema; licenses?: unknown[] };
type Descriptor = { resources: Resource[]; licenses: { name: string }[]; sources: { title: string }[] };

/** Table Schema v1 physical representations (https://specs.frictionlessdata.io/table-schema/#types-and-formats). */
const CASTS: Record<string, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^[+-]?\d+$/.test(v),
  number: (v) => /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v) || ['NaN', 'INF', '-INF'].includes(v),
  boolean: (v) => ['true', 'True', 'TRUE', '1', 'false', 'False', 'FALSE', '0'].includes(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  year: (v) => /^\d{4}$/.test(v),
};

/** Problems of a CSV against its Table Schema (empty: conforms). */
function csvProblems(text: string, schema: TableSchema): string[] {
  const problems: string[] = [];
  const records = parse(text, { bom: false, relax_column_count: true }) as string[][];
  const [header, ...data] = records;
  const names = schema.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names)) problems.push(`header ${header?.join(',')} ≠ ${names}`);
  const missing = new Set(schema.missingValues ?? ['']);
  const keys = new Set<string>();
  data.forEach((row, i) => {
    const line = i + 2;
    if (row.length !== names.length) problems.push(`line ${line}: ${row.length} cells, ${names.length} fields`);
    schema.fields.forEach((f, j) => {
      const v = row[j] ?? '';
      if (missing.has(v)) {
        if (f.constraints?.required) problems.push(`line ${line}: ${f.name} required`);
        return;
      }
      const cast = CASTS[f.type];
      if (!cast) problems.push(`${f.name}: unknown type ${f.type}`);
      else if (!cast(v)) problems.push(`line ${line}: ${f.name} "${v}" is not a ${f.type}`);
      if (f.constraints?.enum && !f.constraints.enum.includes(v))
        problems.push(`line ${line}: ${f.name} "${v}" not in enum`);
      if (f.constraints?.pattern && !new RegExp(`^(?:${f.constraints.pattern})$`).test(v))
        problems.push(`line ${line}: ${f.name} "${v}" does not match ${f.constraints.pattern}`);
    });
    if (schema.primaryKey) {
      const key = schema.primaryKey.map((k) => row[names.indexOf(k)]).join('\u0000');
      if (keys.has(key)) problems.push(`line ${line}: duplicate primary key ${key}`);
      keys.add(key);
    }
  });
  return problems;
}

let t: TestApp;
const BASE = `/public/${DEMO_SLUG}`;
/** Every public output of the demo: path → body. */
const outputs = new Map<string, string>();
let descriptor: Descriptor;

before(async () => {
  // The demo with its family loans (households and pupils).
  t = await createTestApp({}, { seed: 'demo+loans' });
  const visitor = t.agent();
  const get = async (url: string) => {
    const res = await visitor.get(url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
    outputs.set(url, res.body);
    return res.body;
  };
  descriptor = JSON.parse(await get(`${BASE}/data/datapackage.json`)) as Descriptor;
  await get(`${BASE}/data/datapackage.json?lang=en`);
  for (const r of descriptor.resources) {
    await get(`${BASE}/data/${r.name}.csv`);
    await get(`${BASE}/data/${r.name}.json`);
  }
  await get(BASE);
  await get(`${BASE}?lang=en`);
  await get(`${BASE}/data`);
  await get(`${BASE}/data?lang=en`);
});
after(() => t.close());

describe('datapackage.json', () => {
  it('validates against the Frictionless Data Package schema, each resource’s schema against Table Schema', () => {
    for (const url of [`${BASE}/data/datapackage.json`, `${BASE}/data/datapackage.json?lang=en`]) {
      const d = JSON.parse(outputs.get(url) ?? '{}') as Descriptor;
      assert.ok(validatePackage(d), `${url}: ${ajv.errorsText(validatePackage.errors)}`);
      assert.deepEqual(
        d.resources.map((r) => r.name),
        ['schools', 'equipment', 'expenses', 'funding', 'indicators'],
      );
      for (const r of d.resources) {
        assert.ok(validateTableSchema(r.schema), `${r.name}: ${ajv.errorsText(validateTableSchema.errors)}`);
        for (const f of r.schema.fields as (Field & { description?: string; title?: string })[]) {
          assert.ok(f.title && f.description, `${r.name}.${f.name} has a title and a description`);
        }
      }
    }
  });

  it('is under the Licence Ouverte / Etalab 2.0 and credits data.education.gouv.fr', () => {
    assert.equal(descriptor.licenses[0]?.name, 'etalab-2.0');
    assert.ok(descriptor.sources.some((s) => s.title.includes('data.education.gouv.fr')));
    const amounts = descriptor.resources
      .flatMap((r) => r.schema.fields)
      .filter((f) => f.name.endsWith('_eur')) as (Field & { unit?: string })[];
    assert.ok(amounts.length >= 3 && amounts.every((f) => f.unit === 'EUR'), 'amounts carry their unit');
  });

  it('the validators can fail: a descriptor without resources, a field of an unknown type', () => {
    assert.equal(validatePackage({ name: 'x' }), false);
    assert.equal(validateTableSchema({ fields: [{ name: 'a', type: 'money' }] }), false);
    assert.equal(validatePackage({ ...descriptor, licenses: [{ name: 'Licence Ouverte 2.0' }] }), false);
  });
});

describe('resources', () => {
  it('every CSV matches its Table Schema (header, types, required, enums, patterns, keys)', () => {
    const values = new Map<string, Set<string>>();
    for (const r of descriptor.resources) {
      const csv = outputs.get(`${BASE}/data/${r.path}`);
      assert.ok(csv, r.path);
      assert.deepEqual(csvProblems(csv, r.schema), [], r.name);
      const records = parse(csv, { columns: true }) as Record<string, string>[];
      assert.ok(records.length > 0, `${r.name} has rows on the demo`);
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = descriptor.resources.find((x) => x.name === fk.reference.resource);
        assert.ok(target);
        const key = `${target.name}.${fk.reference.fields.join(',')}`;
        if (!values.has(key)) {
          const targetRows = parse(outputs.get(`${BASE}/data/${target.path}`) ?? '', { columns: true }) as Record<
            string,
            string
          >[];
          values.set(key, new Set(targetRows.map((x) => fk.reference.fields.map((f) => x[f]).join('\u0000'))));
        }
        for (const row of records)
          assert.ok(values.get(key)?.has(fk.fields.map((f) => row[f]).join('\u0000')), `${r.name} → ${key}`);
      }
    }
  });

  it('the CSV checker can fail: wrong header, a text in an integer, a missing required value', () => {
    const schema: TableSchema = {
      fields: [
        { name: 'a', type: 'integer', constraints: { required: true } },
        { name: 'b', type: 'boolean' },
      ],
      primaryKey: ['a'],
    };
    assert.deepEqual(csvProblems('a,b\r\n1,true\r\n2,false\r\n', schema), []);
    assert.equal(csvProblems('a,c\r\n1,true\r\n', schema).length, 1);
    assert.equal(csvProblems('a,b\r\nx,true\r\n', schema).length, 1);
    assert.equal(csvProblems('a,b\r\n,true\r\n', schema).length, 1);
    assert.equal(csvProblems('a,b\r\n1,true\r\n1,false\r\n', schema).length, 1);
  });

  it('the JSON files hold the same rows as the CSV, typed', () => {
    for (const r of descriptor.resources) {
      const csv = parse(outputs.get(`${BASE}/data/${r.name}.csv`) ?? '', { columns: true }) as Record<string, string>[];
      const data = JSON.parse(outputs.get(`${BASE}/data/${r.name}.json`) ?? '[]') as Record<string, unknown>[];
      assert.equal(data.length, csv.length, r.name);
      data.forEach((row, i) => {
        for (const f of r.schema.fields) {
          const v = row[f.name];
          const c = csv[i]?.[f.name] ?? '';
          if (v === null) assert.equal(c, '', `${r.name}[${i}].${f.name}`);
          else if (f.type === 'string') assert.equal(v, c);
          else if (f.type === 'boolean') assert.equal(String(v), c);
          else assert.equal(Number(c), v, `${r.name}[${i}].${f.name}`);
        }
      });
    }
  });

  it('holds the demo programme’s figures: expenses add up to 1,490,666 € HT, FEDER 1,173,000 €, the city 317,666 €', () => {
    const expenses = JSON.parse(outputs.get(`${BASE}/data/expenses.json`) ?? '[]') as { amount_ht_eur: number }[];
    const cents = expenses.reduce((s, e) => s + Math.round(e.amount_ht_eur * 100), 0);
    assert.equal(cents, 149_066_600);
    const funding = JSON.parse(outputs.get(`${BASE}/data/funding.json`) ?? '[]') as {
      funder_kind: string;
      amount_eur: number;
    }[];
    assert.equal(funding.find((f) => f.funder_kind === 'eu_feder')?.amount_eur, 1_173_000);
    assert.equal(funding.find((f) => f.funder_kind === 'owner')?.amount_eur, 317_666);
    const schools = JSON.parse(outputs.get(`${BASE}/data/schools.json`) ?? '[]') as { devices_total: number }[];
    const equipment = JSON.parse(outputs.get(`${BASE}/data/equipment.json`) ?? '[]') as { in_service: number }[];
    assert.equal(
      schools.reduce((s, x) => s + x.devices_total, 0),
      equipment.reduce((s, x) => s + x.in_service, 0),
      'the two equipment tables agree',
    );
  });
});

/** Every name, e-mail, phone and address of a person in the database, as strings to look for. */
async function personalNeedles() {
  const contacts = await rows<{
    first: string;
    last: string;
    email: string | null;
    phone: string | null;
    address: string;
  }>(
    t.db.owner,
    sql`SELECT first_name AS first, last_name AS last, email, phone, address_line AS address FROM household_contacts`,
  );
  const pupils = await rows<{ first: string; last: string }>(
    t.db.owner,
    sql`SELECT first_name AS first, last_name AS last FROM pupils`,
  );
  const trainees = await rows<{ name: string }>(
    t.db.owner,
    sql`SELECT name FROM training_trainees WHERE name IS NOT NULL`,
  );
  const users = await rows<{ name: string; email: string }>(
    t.db.owner,
    sql`SELECT display_name AS name, email FROM users`,
  );
  const needles = new Set<string>();
  for (const p of [...contacts, ...pupils]) {
    needles.add(`${p.first} ${p.last}`);
    needles.add(`${p.last} ${p.first}`);
  }
  for (const c of contacts) for (const v of [c.email, c.phone, c.address]) if (v) needles.add(v);
  for (const tr of trainees) {
    needles.add(tr.name);
    needles.add(tr.name.replace(/\s*\(\d+\)$/, ''));
  }
  for (const u of users) {
    needles.add(u.name);
    needles.add(u.email);
  }
  // Surnames alone too.
  const [reference] = await rows<{ text: string | null }>(
    t.db.owner,
    sql`SELECT lower(string_agg(name || ' ' || coalesce(commune_name, ''), ' ')) AS text FROM schools`,
  );
  const surnames = new Set([...contacts, ...pupils].map((p) => p.last));
  for (const tr of trainees) {
    const last = tr.name
      .replace(/\s*\(\d+\)$/, '')
      .split(' ')
      .at(-1);
    if (last) surnames.add(last);
  }
  for (const w of surnames) if (w.length >= 3) needles.add(w);
  // Public reference data is not a person's: a school named after someone ("École Claude Bernard").
  for (const n of needles) if (wordIn(n, reference?.text ?? '')) needles.delete(n);
  return {
    needles,
    counts: { contacts: contacts.length, pupils: pupils.length, trainees: trainees.length, users: users.length },
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordIn = (word: string, text: string) =>
  new RegExp(`(^|[^\\p{L}])${escapeRegExp(word.toLowerCase())}([^\\p{L}]|$)`, 'u').test(text);
const decode = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Which needles occur in which output (single words as whole words, case-insensitive; the rest as text). */
function personalHits(bodies: ReadonlyMap<string, string>, needles: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const [url, body] of bodies) {
    const text = `${body}\n${decode(body)}`.toLowerCase();
    for (const needle of needles) {
      const hit = /^[\p{L}'-]+$/u.test(needle) ? wordIn(needle, text) : text.includes(needle.toLowerCase());
      if (hit) found.push(`${url}: ${needle}`);
    }
  }
  return found;
}

describe('no personal data', () => {
  it('no household, pupil, trainee or user name, e-mail, phone or address appears in any output', async () => {
    const { needles, counts } = await personalNeedles();
    // The demo has each kind of person: the scan is not vacuous.
    assert.ok(counts.contacts > 0, 'households');
    assert.ok(counts.pupils > 0, 'pupils');
    assert.ok(counts.trainees > 0, 'trainees');
    assert.ok(counts.users > 0, 'users');
    assert.ok(outputs.size >= 16, 'every file and page was fetched');
    assert.deepEqual(personalHits(outputs, needles), []);
  });

  it('the scan finds a name when one is there (a pupil’s name given to a school)', async () => {
    const [pupil] = await rows<{ first: string; last: string }>(
      t.db.owner,
      sql`SELECT first_name AS first, last_name AS last FROM pupils LIMIT 1`,
    );
    const [school] = await rows<{ id: string; name: string }>(t.db.owner, sql`SELECT id, name FROM schools LIMIT 1`);
    assert.ok(pupil && school);
    // Needles first: once renamed, the school's name is reference data.
    const { needles } = await personalNeedles();
    await t.db.owner.execute(
      sql`UPDATE schools SET name = ${`École ${pupil.first} ${pupil.last}`} WHERE id = ${school.id}`,
    );
    try {
      const csv = (await t.agent().get(`${BASE}/data/schools.csv`)).body;
      const page = (await t.agent().get(`${BASE}?lang=en`)).body;
      const hits = personalHits(
        new Map([
          ['csv', csv],
          ['page', page],
        ]),
        needles,
      );
      assert.ok(hits.includes(`csv: ${pupil.first} ${pupil.last}`), hits.join('; '));
      assert.ok(hits.includes(`page: ${pupil.first} ${pupil.last}`), hits.join('; '));
    } finally {
      await t.db.owner.execute(sql`UPDATE schools SET name = ${school.name} WHERE id = ${school.id}`);
    }
  });
});
