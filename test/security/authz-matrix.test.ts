import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import archiver from 'archiver';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { can } from '../../src/shared/permissions.ts';
import { ROLES, type Role, SCHOOL_SCOPED_ROLES } from '../../src/shared/roles.ts';
import { type Agent, createTestApp, json, type TestApp } from '../helpers/app.ts';
import { createCatalogue, createOrganisation, createSchool, createUser, PASSWORD } from '../helpers/factories.ts';
import { contact, makeLoan } from '../helpers/loans.ts';
import { AUTHZ_TABLE, type Rule } from './authz-table.ts';
import { type OrganisationObjects, organisationObjectsOf, schoolObjectsOf } from './authz-world.ts';

/**
 * The authorisation matrix (issue #10 point 1), generated from the OpenAPI
 * spec the app serves: every operation × every role × anonymous, then
 * object-level checks (ids of another organisation, and of another school for
 * school-scoped roles → 404 problem+json, for every kind of object of the
 * world: test/security/authz-world.ts) and field-level ones (roles without
 * access to family personal data never receive it, not even inside a PDF, an
 * XLSX or a ZIP). One world is built once; every request goes through `inject`.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Operation {
  readonly key: string;
  readonly method: Method;
  readonly path: string;
  readonly hasBody: boolean;
  /** The body is a file (not JSON): an upload. */
  readonly upload: boolean;
  /** The values of its `format` query parameter (exports: csv, xlsx, pdf…), if it has one. */
  readonly formats: readonly string[];
}

const NONE = '00000000-0000-4000-8000-000000000000';
/** Family personal data of every household in the world: unusual, so a substring search is exact. */
const FAMILY = {
  pupil: { firstName: 'Ildebrande', lastName: 'Zorglubienne' },
  contact: contact('Philomène', 'Quasimodière', 'philomene.quasimodiere@example.org', '06 98 76 54 32'),
};
const FAMILY_STRINGS = [
  FAMILY.pupil.firstName,
  FAMILY.pupil.lastName,
  FAMILY.contact.firstName,
  FAMILY.contact.lastName,
  FAMILY.contact.addressLine,
  'philomene.quasimodiere',
  '06 98 76 54 32',
];
/** Roles that may not read a household's personal data (loans/service.ts canSeePersonalData). */
const NO_PERSONAL_DATA: Role[] = ['auditor', 'finance', 'teacher', 'periscolaire'];

type Kind =
  | 'school'
  | 'asset'
  | 'class'
  | 'user'
  | 'request'
  | 'loan'
  | 'household'
  | 'ticket'
  | 'session'
  | 'file'
  | 'programme'
  | 'costItem'
  | 'convention'
  | 'expenseLine'
  | 'funder'
  | 'supplier'
  | 'claim'
  | 'contract'
  | 'order'
  | 'invoice'
  | 'service'
  | 'subscription'
  | 'booking'
  | 'campaign'
  | 'webhook'
  | 'delivery'
  | 'round'
  | 'plan'
  | 'identityProvider'
  | 'indicator'
  | 'publicity'
  | 'room'
  | 'building'
  | 'override'
  | 'registration'
  | 'material'
  | 'category'
  | 'model'
  | 'token'
  | 'feed'
  | 'resource'
  | 'message'
  | 'tag';
/** Objects of one place (a school of org A, the other school of A, a school of org B). */
type Objects = Record<Kind, string>;

/** Which object the first path parameter names, from the path; null when the matrix has no such object. */
function kindOf(path: string): Kind | null {
  const rules: [RegExp, Kind][] = [
    [/^\/api\/(schools|baseline\/schools)\/\{/, 'school'],
    [/^\/api\/assets\/\{id\}/, 'asset'],
    [/^\/api\/classes\/\{/, 'class'],
    [/^\/api\/users\/\{/, 'user'],
    [/^\/api\/loans\/requests\/\{/, 'request'],
    [/^\/api\/loans\/households\/\{/, 'household'],
    [/^\/api\/loans\/\{id\}/, 'loan'],
    [/^\/api\/helpdesk\/tickets\/\{/, 'ticket'],
    [/^\/api\/training\/sessions\/\{/, 'session'],
    [/^\/api\/files\/\{/, 'file'],
    [/^\/api\/funding\/programmes\/\{/, 'programme'],
    [/^\/api\/funding\/cost-items\/\{/, 'costItem'],
    [/^\/api\/funding\/conventions\/\{/, 'convention'],
    [/^\/api\/funding\/expense-lines\/\{/, 'expenseLine'],
    [/^\/api\/funding\/funders\/\{/, 'funder'],
    [/^\/api\/funding\/suppliers\/\{/, 'supplier'],
    [/^\/api\/funding\/claims\/\{/, 'claim'],
    [/^\/api\/procurement\/contracts\/\{/, 'contract'],
    [/^\/api\/procurement\/orders\/\{/, 'order'],
    [/^\/api\/procurement\/invoices\/\{/, 'invoice'],
    [/^\/api\/services\/\{/, 'service'],
    [/^\/api\/subscriptions\/\{/, 'subscription'],
    [/^\/api\/bookings\/\{id\}/, 'booking'],
    [/^\/api\/loans\/campaigns\/\{/, 'campaign'],
    [/^\/api\/webhooks\/endpoints\/\{/, 'webhook'],
    [/^\/api\/webhooks\/deliveries\/\{/, 'delivery'],
    [/^\/api\/inventory\/rounds\/\{/, 'round'],
    [/^\/api\/baseline\/plans\/\{/, 'plan'],
    [/^\/api\/identity\/providers\/\{/, 'identityProvider'],
    [/^\/api\/funding\/indicators\/\{/, 'indicator'],
    [/^\/api\/funding\/publicity\/\{/, 'publicity'],
    [/^\/api\/rooms\/\{/, 'room'],
    [/^\/api\/buildings\/\{/, 'building'],
    [/^\/api\/baseline\/overrides\/\{/, 'override'],
    [/^\/api\/training\/registrations\/\{/, 'registration'],
    [/^\/api\/training\/files\/\{/, 'material'],
    [/^\/api\/inventory\/categories\/\{/, 'category'],
    [/^\/api\/inventory\/models\/\{/, 'model'],
    [/^\/api\/auth\/tokens\/\{/, 'token'],
    [/^\/api\/bookings\/feeds\/\{/, 'feed'],
    [/^\/api\/bookings\/resources\/\{kind\}\/\{id\}/, 'resource'],
    [/^\/api\/loans\/messages\/\{/, 'message'],
    [/^\/api\/assets\/by-tag\/\{/, 'tag'],
    // Not an object: /api/baseline/grids/{version} names a version of the national grid, the same for every organisation.
  ];
  return rules.find(([re]) => re.test(path))?.[1] ?? null;
}
/** Objects that belong to one school (the others belong to the organisation). */
const SCHOOL_BOUND: Kind[] = [
  'school',
  'asset',
  'class',
  'request',
  'loan',
  'household',
  'ticket',
  'subscription',
  'booking',
  'round',
  'room',
  'building',
  'override',
  'resource',
  'message',
  'tag',
];

let t: TestApp;
let operations: Operation[] = [];
const agents = new Map<Role, Agent>();
const emails = new Map<Role, string>();
let own: Objects;
let otherSchool: Objects;
let otherOrg: Objects;

async function login(role: Role): Promise<Agent> {
  const agent = t.agent();
  await agent.login(emails.get(role) as string, PASSWORD);
  agents.set(role, agent);
  return agent;
}

async function created(r: LightMyRequestResponse): Promise<string> {
  assert.ok(r.statusCode === 201 || r.statusCode === 200, r.body);
  return json<{ id: string }>(r).id;
}

/**
 * One school's objects, made through the API by an admin of its organisation,
 * next to its organisation's (funding, procurement, services, campaigns, webhooks).
 */
async function objectsOf(
  admin: Agent,
  schoolId: string,
  models: { tablet: string; cart: string },
  userId: string,
  organisation: OrganisationObjects,
): Promise<Objects> {
  const modelId = models.tablet;
  const asset = await created(await admin.post('/api/assets', { modelId, status: 'deployed', schoolId }));
  const cls = await created(
    await admin.post(`/api/schools/${schoolId}/classes`, { name: 'CM2', levels: ['CM2'], pupils: 22 }),
  );
  const ticket = await created(
    await admin.post('/api/helpdesk/tickets', { schoolId, category: 'breakdown', title: 'Vidéoprojecteur muet' }),
  );
  const session = await created(
    await admin.post('/api/training/sessions', {
      audience: 'teachers',
      topic: 'Tableaux numériques',
      startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      durationMinutes: 120,
      place: 'Médiathèque',
      trainer: 'ERUN',
      capacity: 10,
    }),
  );
  const loan = await makeLoan(
    { requester: admin, manager: admin },
    { schoolId, modelId, pupil: FAMILY.pupil, contacts: [FAMILY.contact] },
  );
  const file = await created(
    await admin.request('POST', `/api/assets/${asset}/attachments`, {
      body: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      headers: { 'content-type': 'application/pdf' },
      query: { name: 'facture.pdf' },
    }),
  );
  const ofSchool = await schoolObjectsOf(admin, schoolId, {
    service: organisation.service,
    classId: cls,
    cartModel: models.cart,
    loan: loan.id,
  });
  return {
    ...organisation,
    ...ofSchool,
    school: schoolId,
    asset,
    class: cls,
    user: userId,
    request: loan.requestId,
    loan: loan.id,
    household: loan.householdId,
    ticket,
    session,
    file,
  };
}

before(async () => {
  t = await createTestApp();
  const a = (await createOrganisation(t.db, 'Ville A')).id;
  const b = (await createOrganisation(t.db, 'Ville B')).id;
  const catalogueA = await createCatalogue(t.db, a);
  const catalogueB = await createCatalogue(t.db, b);
  const a1 = (await createSchool(t.db, a, 7210001, 'École A1')).id;
  const a2 = (await createSchool(t.db, a, 7210002, 'École A2')).id;
  const b1 = (await createSchool(t.db, b, 7210003, 'École B1')).id;
  for (const role of ROLES) {
    const schoolIds = ['director', 'teacher', 'periscolaire'].includes(role) ? [a1] : [];
    const user = await createUser(t.db, a, { roles: [role], schoolIds });
    emails.set(role, user.email);
    await login(role);
  }
  const adminA = agents.get('admin') as Agent;
  const adminB = t.agent();
  const userB = await createUser(t.db, b, { roles: ['admin'] });
  await adminB.login(userB.email, PASSWORD);
  const userA2 = await createUser(t.db, a, { roles: ['teacher'], schoolIds: [a2] });
  // Organisation A's funding, procurement… objects serve both of its schools (org-wide kinds are not SCHOOL_BOUND).
  const organisationA = await organisationObjectsOf(adminA, a1, catalogueA);
  own = await objectsOf(adminA, a1, catalogueA, userA2.id, organisationA);
  otherSchool = await objectsOf(adminA, a2, catalogueA, userA2.id, organisationA);
  otherOrg = await objectsOf(adminB, b1, catalogueB, userB.id, await organisationObjectsOf(adminB, b1, catalogueB));

  type SpecOperation = {
    requestBody?: { content?: Record<string, unknown> };
    parameters?: { in: string; name: string; schema?: { enum?: string[] } }[];
  };
  const spec = json<{ paths: Record<string, Record<string, SpecOperation>> }>(
    await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
  );
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const m = method.toUpperCase() as Method;
      const types = Object.keys(op.requestBody?.content ?? {});
      operations.push({
        key: `${m} ${path}`,
        method: m,
        path,
        hasBody: op.requestBody !== undefined,
        upload: types.length > 0 && !types.includes('application/json'),
        formats: op.parameters?.find((p) => p.in === 'query' && p.name === 'format')?.schema?.enum ?? [],
      });
    }
  }
  operations = operations.sort((x, y) => Number(/logout/.test(x.path)) - Number(/logout/.test(y.path)));
});
after(() => t.close());

/** Path parameters that name no object but a value: a bookable resource's kind (the world's resources are carts). */
const VALUES: Record<string, string> = { '{kind}': 'cart' };

function urlOf(op: Operation, objects?: Objects): string {
  const kind = kindOf(op.path);
  let first = true;
  return op.path.replace(/\{[^}]+\}/g, (param) => {
    const value = VALUES[param];
    if (value !== undefined) return value;
    const id = first && kind && objects ? objects[kind] : NONE;
    first = false;
    return id;
  });
}

/**
 * Valid bodies for operations whose empty body would be refused (400) before
 * the object is looked up: with them, an object of another organisation (or
 * school) must really answer 404.
 */
const BODIES: Record<string, unknown> = {
  'PUT /api/bookings/resources/{kind}/{id}/settings': { requiresApproval: true },
  'PATCH /api/buildings/{id}': { name: 'Bâtiment renommé' },
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** Every response a role without access to family personal data received, scanned by the field-level test. */
const seenByNoPersonalData: { key: string; role: Role; type: string; body: Buffer }[] = [];

/** One request: an empty JSON body (or a small PDF for uploads) for methods that carry one. */
async function send(who: Agent | null, op: Operation, url: string, role?: Role): Promise<LightMyRequestResponse> {
  const options =
    op.method === 'GET' || op.method === 'DELETE'
      ? {}
      : op.upload
        ? { body: PDF, headers: { 'content-type': 'application/pdf' }, query: { name: 'piece.pdf' } }
        : { body: BODIES[op.key] ?? {} };
  if (!who) {
    return t.app.inject({
      method: op.method,
      url,
      ...('body' in options ? { payload: options.body } : {}),
      ...('headers' in options ? { headers: options.headers, query: options.query } : {}),
    });
  }
  const r = await who.request(op.method, url, options);
  if (role && NO_PERSONAL_DATA.includes(role) && r.statusCode < 300) {
    seenByNoPersonalData.push({ key: op.key, role, type: String(r.headers['content-type']), body: r.rawPayload });
  }
  return r;
}

/**
 * Roles whose outcome this operation's gate check asserts: every role denied
 * (cheap 403s, and their detail names the permission), the school-scoped
 * roles allowed (services narrow them), and one organisation-wide role
 * allowed (the gate is the same `can` for all of them), and on reads the
 * roles the field-level check watches.
 */
function gateRoles(op: Operation, rule: Rule): Role[] {
  const orgWide = ROLES.filter((r) => !SCHOOL_SCOPED_ROLES.includes(r));
  const firstAllowed = orgWide.find((r) => allowed(rule, r));
  return ROLES.filter(
    (r) =>
      !allowed(rule, r) ||
      SCHOOL_SCOPED_ROLES.includes(r) ||
      r === firstAllowed ||
      ('expect' in rule && rule.expect?.[r] !== undefined) ||
      // Their responses feed the field-level check.
      (op.method === 'GET' && NO_PERSONAL_DATA.includes(r)),
  );
}

/** Passes the route's gate: the role holds the permission (or the alternative one). */
function allowed(rule: Rule, role: Role): boolean {
  if ('public' in rule || 'signedIn' in rule) return true;
  return can([role], rule.permission) || (rule.or !== undefined && can([role], rule.or));
}

const ruleOf = (op: Operation) => AUTHZ_TABLE[op.key] as Rule;

// What a reader of a response sees ---------------------------------------------------------

/** A ZIP (an XLSX is one) read from its central directory: its entries' names and bytes. */
function zipEntries(buf: Buffer): { name: string; data: Buffer }[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'a ZIP has an end of central directory');
  const out: { name: string; data: Buffer }[] = [];
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    assert.ok(method === 0 || method === 8, `${name}: stored or deflated`);
    const data = method === 0 ? Buffer.from(raw) : inflateRawSync(raw);
    assert.equal(crc32(data) >>> 0, crc >>> 0, `crc of ${name}`);
    out.push({ name, data });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
/** A PDF string's bytes as text: UTF-16BE after its byte order mark, WinAnsi otherwise. */
function pdfStringText(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return [...bytes]
    .map((b) => (b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? '?') : String.fromCharCode(b)))
    .join('');
}
/** The strings (hex and literal) of PDF syntax (a content stream, a dictionary), in order. */
function pdfStrings(syntax: string): string[] {
  const out: string[] = [];
  for (const m of syntax.matchAll(/<([0-9A-Fa-f\s]+)>|\(((?:\\[\s\S]|[^\\)])*)\)/g)) {
    if (m[1] !== undefined) out.push(pdfStringText(Buffer.from(m[1].replace(/\s/g, ''), 'hex')));
    else
      out.push(
        pdfStringText(
          Buffer.from(
            (m[2] ?? '').replace(/\\([0-7]{1,3}|[\s\S])/g, (_, e: string) =>
              /^[0-7]/.test(e) ? String.fromCharCode(Number.parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t' }[e] ?? e),
            ),
            'latin1',
          ),
        ),
      );
  }
  return out;
}
/** Every text of a PDF: the strings of each object (page contents, form XObjects, metadata), streams inflated. */
async function pdfText(bytes: Buffer): Promise<string> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return bytes.toString('latin1');
  }
  const parts: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    let syntax = object.toString();
    if (object instanceof PDFRawStream) {
      const raw = Buffer.from(object.contents);
      const flate = object.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
      let data = raw;
      if (flate)
        try {
          data = inflateSync(raw);
        } catch {}
      // A file inside the PDF is read as a file; anything else as PDF syntax.
      if (data.subarray(0, 4).toString('latin1') === '%PDF' || data.readUInt32LE(0) === 0x04034b50)
        parts.push(await textOf(data));
      syntax = data.toString('latin1');
    }
    // Joined with nothing and with spaces: a name drawn in pieces (kerning, a change of font) is found either way.
    const strings = pdfStrings(syntax);
    parts.push(strings.join(''), strings.join(' '));
  }
  return parts.join('\n');
}
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (x: string) =>
  x.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(Number.parseInt(e.slice(e[1] === 'x' ? 2 : 1), e[1] === 'x' ? 16 : 10))
      : (XML_ENTITIES[e] ?? whole),
  );
/**
 * The text a reader of a response would see: JSON, CSV and other text as is;
 * a PDF's strings (streams inflated); a ZIP's (and so an XLSX's) entries, each
 * read the same way, XML with its tags removed (a cell in rich-text runs reads whole).
 */
async function textOf(body: Buffer): Promise<string> {
  if (body.subarray(0, 4).toString('latin1') === '%PDF') return pdfText(body);
  if (body.length >= 22 && body.subarray(0, 2).toString('latin1') === 'PK') {
    const parts: string[] = [];
    for (const entry of zipEntries(body)) parts.push(entry.name, await textOf(entry.data));
    return parts.join('\n');
  }
  const text = body.toString('utf8');
  if (!/^\s*</.test(text)) return text;
  return [text, unescapeXml(text.replace(/<[^>]*>/g, '')), unescapeXml(text.replace(/<[^>]*>/g, ' '))].join('\n');
}
const familyStringsIn = async (body: Buffer) => {
  const text = await textOf(body);
  return FAMILY_STRINGS.filter((s) => text.includes(s));
};
const describeResponse = (r: LightMyRequestResponse) => `${r.statusCode} ${r.body.slice(0, 200)}`;
/**
 * Another organisation's (or school's) object does not exist for this user: 404
 * as a problem document, like an unknown id. A body-carrying operation may refuse
 * the empty body first (400): never 2xx, 403 (which would confirm it exists) or 5xx.
 */
const notFound = (op: Operation, r: LightMyRequestResponse) =>
  (r.statusCode === 404 && String(r.headers['content-type']).startsWith('application/problem+json')) ||
  (op.hasBody && !op.upload && r.statusCode === 400);
/** The kinds of object for which at least one operation answered 404 to another organisation's (school's) id. */
const checkedOtherOrg = new Set<Kind>();
const checkedOtherSchool = new Set<Kind>();

describe('authorisation matrix', () => {
  it('the table declares every operation of the spec, and nothing else', () => {
    const keys = new Set(operations.map((o) => o.key));
    const missing = [...keys].filter((k) => !(k in AUTHZ_TABLE));
    const stale = Object.keys(AUTHZ_TABLE).filter((k) => !keys.has(k));
    assert.deepEqual(missing, [], 'operations missing from test/security/authz-table.ts');
    assert.deepEqual(stale, [], 'entries of authz-table.ts with no operation');
    assert.ok(operations.length > 250);
  });

  it('every operation × every role × anonymous gets the declared outcome (dummy ids, empty body)', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const rule = ruleOf(op);
      if (!rule) continue;
      const url = urlOf(op);
      const anonymous = await send(null, op, url);
      if ('public' in rule) {
        if (anonymous.statusCode === 401 || anonymous.statusCode === 403 || anonymous.statusCode >= 500)
          failures.push(`${op.key} anonymous → ${describeResponse(anonymous)} (public)`);
        continue;
      }
      if (anonymous.statusCode !== 401) failures.push(`${op.key} anonymous → ${describeResponse(anonymous)}`);
      const check = async (role: Role) => {
        const r = await send(agents.get(role) as Agent, op, url, role);
        if (/\/logout/.test(op.path)) await login(role);
        const override = rule.expect?.[role];
        if (r.statusCode >= 500) failures.push(`${op.key} ${role} → ${describeResponse(r)}`);
        else if (override !== undefined) {
          if (r.statusCode !== override) failures.push(`${op.key} ${role} → ${describeResponse(r)}, want ${override}`);
        } else if (allowed(rule, role)) {
          if (r.statusCode === 401 || r.statusCode === 403)
            failures.push(`${op.key} ${role} → ${describeResponse(r)}, want past the gate`);
        } else if ('permission' in rule) {
          const okStatus = r.statusCode === 403 || (rule.inHandler && r.statusCode === 400);
          if (!okStatus) failures.push(`${op.key} ${role} → ${describeResponse(r)}, want 403`);
          else if (r.statusCode === 403) {
            // The server enforces exactly the declared permission.
            const want = `Missing permission ${rule.permission}${rule.or ? ` or ${rule.or}` : ''}`;
            const detail = json<{ detail: string }>(r).detail;
            if (detail !== want) failures.push(`${op.key} ${role} → "${detail}", want "${want}"`);
          }
        }
      };
      await Promise.all(gateRoles(op, rule).map(check));
    }
    assert.deepEqual(failures, []);
  });

  it('ids of another organisation → 404 for every role that passes the gate', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations) {
      const rule = ruleOf(op);
      const kind = kindOf(op.path);
      if (!rule || 'public' in rule || !kind) continue;
      const url = urlOf(op, otherOrg);
      for (const role of ROLES) {
        if (!allowed(rule, role) || rule.expect?.[role] !== undefined) continue;
        const r = await send(agents.get(role) as Agent, op, url, role);
        checked++;
        if (r.statusCode === 404) checkedOtherOrg.add(kind);
        if (!notFound(op, r)) failures.push(`${op.key} ${role} → ${describeResponse(r)}`);
      }
    }
    assert.ok(checked > 300, `${checked} checks`);
    assert.deepEqual(failures, []);
  });

  it("ids of another school → 404 for school-scoped roles (the same as another organisation's)", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of operations) {
      const rule = ruleOf(op);
      const kind = kindOf(op.path);
      if (!rule || 'public' in rule || !kind || !SCHOOL_BOUND.includes(kind)) continue;
      const url = urlOf(op, otherSchool);
      for (const role of ['director', 'teacher', 'periscolaire'] as const) {
        if (!allowed(rule, role) || rule.expect?.[role] !== undefined) continue;
        const r = await send(agents.get(role) as Agent, op, url, role);
        checked++;
        if (r.statusCode === 404) checkedOtherSchool.add(kind);
        if (!notFound(op, r)) failures.push(`${op.key} ${role} → ${describeResponse(r)}`);
      }
    }
    assert.ok(checked > 50, `${checked} checks`);
    assert.deepEqual(failures, []);
  });

  it('reads of own objects succeed for every role that passes the gate', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const rule = ruleOf(op);
      if (op.method !== 'GET' || !rule || 'public' in rule || !kindOf(op.path)) continue;
      // A second path parameter would name nothing of the world (404).
      if ((op.path.match(/\{/g) ?? []).length > 1) continue;
      const url = urlOf(op, own);
      for (const role of ROLES) {
        if (!allowed(rule, role) || rule.expect?.[role] !== undefined) continue;
        const r = await send(agents.get(role) as Agent, op, url, role);
        const want = ('own' in rule ? rule.own?.[role] : undefined) ?? 200;
        if (r.statusCode !== want) failures.push(`${op.key} ${role} → ${describeResponse(r)}, want ${want}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('object-level checks reach every kind of object: programmes, claims, indicators, publicity, orders, invoices, bookings, subscriptions, inventory rounds, plans, identity providers, webhooks, rooms, buildings, overrides, training registrations and materials, the catalogue, tokens, feeds, bookable resources, family messages, tags…', () => {
    // The two tests above answered 404 for at least one operation naming each kind (run the whole file).
    const kinds = Object.keys(own) as Kind[];
    assert.ok(kinds.length >= 43, kinds.join());
    assert.deepEqual(
      kinds.filter((k) => !checkedOtherOrg.has(k)),
      [],
      "kinds never checked with another organisation's id",
    );
    // School-bound kinds some operation opens to a school-scoped role (households: loans.rights only, none).
    const opened = SCHOOL_BOUND.filter((k) =>
      operations.some((op) => {
        const rule = ruleOf(op);
        return (
          kindOf(op.path) === k && rule && !('public' in rule) && SCHOOL_SCOPED_ROLES.some((r) => allowed(rule, r))
        );
      }),
    );
    for (const k of ['booking', 'subscription', 'round', 'room', 'building', 'resource', 'message', 'tag'] as const)
      assert.ok(opened.includes(k), `${k} not in ${opened.join()}`);
    assert.deepEqual(
      opened.filter((k) => !checkedOtherSchool.has(k)),
      [],
      "kinds never checked with another school's id",
    );
  });

  it("API tokens and calendar feeds are their owner's: another user of the same organisation gets 404 and they stay", async () => {
    const failures: string[] = [];
    for (const [url, permission] of [
      [`/api/auth/tokens/${own.token}`, 'tokens.manage'],
      [`/api/bookings/feeds/${own.feed}`, 'bookings.read'],
    ] as const) {
      for (const role of ROLES) {
        if (role === 'admin' || !can([role], permission)) continue;
        const r = await (agents.get(role) as Agent).delete(url);
        if (r.statusCode !== 404 || !String(r.headers['content-type']).startsWith('application/problem+json'))
          failures.push(`DELETE ${url} ${role} → ${describeResponse(r)}`);
      }
    }
    assert.deepEqual(failures, []);
    const admin = agents.get('admin') as Agent;
    // A revoked token stays listed, with its revocation date. (Messages of our own: without one, a failing
    // assert.ok re-reads the transpiled source to word one, which took minutes here.)
    const tokens = json<{ id: string; revokedAt: string | null }[]>(await admin.get('/api/auth/tokens'));
    assert.ok(
      tokens.some((x) => x.id === own.token && x.revokedAt === null),
      'the admin still has their token',
    );
    const feeds = json<{ id: string }[]>(await admin.get('/api/bookings/feeds'));
    assert.ok(
      feeds.some((x) => x.id === own.feed),
      'the admin still has their feed',
    );
  });

  it('roles without access to family personal data never receive it in any response, inside PDF, XLSX and ZIP files', async () => {
    // Besides what they read above, every export in each of its formats (csv, xlsx, pdf…).
    for (const op of operations) {
      const rule = ruleOf(op);
      if (op.method !== 'GET' || !rule || 'public' in rule || op.formats.length === 0) continue;
      if ((op.path.match(/\{/g) ?? []).length > (kindOf(op.path) ? 1 : 0)) continue;
      for (const role of NO_PERSONAL_DATA) {
        if (!allowed(rule, role) || rule.expect?.[role] !== undefined) continue;
        for (const format of op.formats)
          await send(agents.get(role) as Agent, op, `${urlOf(op, own)}?format=${format}`, role);
      }
    }
    // Every successful response these roles got (lists, details, exports, PDFs, archives…), read as its reader would.
    const leaks: string[] = [];
    const files = { pdf: new Set<string>(), xlsx: new Set<string>(), zip: new Set<string>() };
    for (const { key, role, type, body } of seenByNoPersonalData) {
      for (const s of await familyStringsIn(body)) leaks.push(`${key} ${role}: ${s}`);
      if (type.startsWith('application/pdf')) files.pdf.add(key);
      else if (type.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml')) files.xlsx.add(key);
      else if (type.startsWith('application/zip')) files.zip.add(key);
    }
    const operationsRead = new Set(seenByNoPersonalData.map((x) => x.key)).size;
    assert.ok(operationsRead > 60, `${operationsRead} operations read (run the whole file)`);
    // The compressed bodies were read: PDFs (claims, programme report, gap analysis…), XLSX exports, the claim's ZIP.
    assert.ok(files.pdf.size >= 3, `PDF responses read: ${[...files.pdf].join()}`);
    assert.ok(files.xlsx.size >= 3, `XLSX responses read: ${[...files.xlsx].join()}`);
    assert.ok(files.zip.size >= 1, `ZIP responses read: ${[...files.zip].join()}`);
    assert.deepEqual(leaks, []);
  });

  it('roles that may read family personal data do see it, in JSON and inside PDFs (the check above can fail)', async () => {
    const manager = agents.get('manager') as Agent;
    const r = await manager.get(`/api/loans/${own.loan}`);
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(r.body.includes(FAMILY.contact.lastName));
    for (const url of [`/api/loans/${own.loan}/convention.pdf`, `/api/loans/households/${own.household}/export.pdf`]) {
      const pdf = await manager.get(url);
      assert.equal(pdf.statusCode, 200, url);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      // Compressed and hex-encoded: a search of the raw bytes would miss the name.
      assert.ok(!pdf.rawPayload.toString('latin1').includes(FAMILY.contact.lastName), url);
      const found = await familyStringsIn(pdf.rawPayload);
      assert.ok(found.includes(FAMILY.contact.lastName), `${url}: ${found.join()}`);
      assert.ok(found.includes(FAMILY.pupil.lastName), `${url}: ${found.join()}`);
    }
  });

  it('the search reads inside XLSX and ZIP files (made with the libraries the server uses)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Familles');
    sheet.addRow(['Nom', 'Téléphone']);
    sheet.addRow([FAMILY.contact.lastName, FAMILY.contact.phone]);
    // A cell in rich-text runs: the name is split between two XML elements.
    sheet.getCell('C2').value = { richText: [{ text: 'Ilde', font: { bold: true } }, { text: 'brande' }] };
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    assert.ok(!xlsx.toString('latin1').includes(FAMILY.contact.lastName), 'deflated');
    assert.deepEqual(await familyStringsIn(xlsx), [
      FAMILY.pupil.firstName,
      FAMILY.contact.lastName,
      FAMILY.contact.phone,
    ]);
    // A ZIP holding that XLSX (deflated) and the family's convention PDF (stored), like the claim's invoices ZIP.
    const convention = (await (agents.get('manager') as Agent).get(`/api/loans/${own.loan}/convention.pdf`)).rawPayload;
    const archive = archiver('zip', { zlib: { level: 6 } });
    const chunks: Buffer[] = [];
    archive.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => archive.on('end', resolve));
    archive.append(xlsx, { name: 'etat.xlsx' });
    archive.append(convention, { name: 'convention.pdf', store: true } as archiver.EntryData);
    await archive.finalize();
    await ended;
    const found = await familyStringsIn(Buffer.concat(chunks));
    for (const s of [FAMILY.pupil.firstName, FAMILY.pupil.lastName, FAMILY.contact.lastName, FAMILY.contact.phone])
      assert.ok(found.includes(s as string), `${s} in ${found.join()}`);
  });
});
