import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { can } from '../../src/shared/permissions.ts';
import { ROLES, type Role, SCHOOL_SCOPED_ROLES } from '../../src/shared/roles.ts';
import { type Agent, createTestApp, json, type TestApp } from '../helpers/app.ts';
import { createCatalogue, createOrganisation, createSchool, createUser, PASSWORD } from '../helpers/factories.ts';
import { contact, makeLoan } from '../helpers/loans.ts';
import { AUTHZ_TABLE, type Rule } from './authz-table.ts';

/**
 * The authorisation matrix (issue #10 point 1), generated from the OpenAPI
 * spec the app serves: every operation × every role × anonymous, then
 * object-level checks (ids of another organisation, and of another school for
 * school-scoped roles → 404) and field-level ones (roles without access to
 * family personal data never receive it). One world is built once; every
 * request goes through `inject`.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Operation {
  readonly key: string;
  readonly method: Method;
  readonly path: string;
  readonly hasBody: boolean;
  /** The body is a file (not JSON): an upload. */
  readonly upload: boolean;
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

type Kind = 'school' | 'asset' | 'class' | 'user' | 'request' | 'loan' | 'household' | 'ticket' | 'session' | 'file';
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
  ];
  return rules.find(([re]) => re.test(path))?.[1] ?? null;
}
/** Objects that belong to one school (the others belong to the organisation). */
const SCHOOL_BOUND: Kind[] = ['school', 'asset', 'class', 'request', 'loan', 'household', 'ticket'];

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

/** One school's objects, made through the API by an admin of its organisation. */
async function objectsOf(admin: Agent, schoolId: string, modelId: string, userId: string): Promise<Objects> {
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
  return {
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
  own = await objectsOf(adminA, a1, catalogueA.tablet, userA2.id);
  otherSchool = await objectsOf(adminA, a2, catalogueA.tablet, userA2.id);
  otherOrg = await objectsOf(adminB, b1, catalogueB.tablet, userB.id);

  const spec = json<{
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
  }>(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }));
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
      });
    }
  }
  operations = operations.sort((x, y) => Number(/logout/.test(x.path)) - Number(/logout/.test(y.path)));
});
after(() => t.close());

function urlOf(op: Operation, objects?: Objects): string {
  const kind = kindOf(op.path);
  let first = true;
  return op.path.replace(/\{[^}]+\}/g, () => {
    const id = first && kind && objects ? objects[kind] : NONE;
    first = false;
    return id;
  });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** Every response a role without access to family personal data received, scanned by the field-level test. */
const seenByNoPersonalData: { key: string; role: Role; body: string }[] = [];

/** One request: an empty JSON body (or a small PDF for uploads) for methods that carry one. */
async function send(who: Agent | null, op: Operation, url: string, role?: Role): Promise<LightMyRequestResponse> {
  const options =
    op.method === 'GET' || op.method === 'DELETE'
      ? {}
      : op.upload
        ? { body: PDF, headers: { 'content-type': 'application/pdf' }, query: { name: 'piece.pdf' } }
        : { body: {} };
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
    seenByNoPersonalData.push({ key: op.key, role, body: r.body });
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
const describeResponse = (r: LightMyRequestResponse) => `${r.statusCode} ${r.body.slice(0, 200)}`;

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
      if (!rule || 'public' in rule || !kindOf(op.path)) continue;
      const url = urlOf(op, otherOrg);
      for (const role of ROLES) {
        if (!allowed(rule, role) || rule.expect?.[role] !== undefined) continue;
        const r = await send(agents.get(role) as Agent, op, url, role);
        checked++;
        // A body-carrying operation may refuse the empty body first (400): never 2xx, 403 or 5xx.
        const ok = r.statusCode === 404 || (op.hasBody && !op.upload && r.statusCode === 400);
        if (!ok) failures.push(`${op.key} ${role} → ${describeResponse(r)}`);
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
        const ok = r.statusCode === 404 || (op.hasBody && !op.upload && r.statusCode === 400);
        if (!ok) failures.push(`${op.key} ${role} → ${describeResponse(r)}`);
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

  it('roles without access to family personal data never receive it in any response', () => {
    // Every successful response these roles got in the tests above (lists, details, exports, PDFs…).
    const leaks: string[] = [];
    for (const { key, role, body } of seenByNoPersonalData) {
      for (const s of FAMILY_STRINGS) if (body.includes(s)) leaks.push(`${key} ${role}: ${s}`);
    }
    const operationsRead = new Set(seenByNoPersonalData.map((x) => x.key)).size;
    assert.ok(operationsRead > 60, `${operationsRead} operations read (run the whole file)`);
    assert.deepEqual(leaks, []);
  });

  it('roles that may read family personal data do see it (the check above can fail)', async () => {
    const r = await (agents.get('manager') as Agent).get(`/api/loans/${own.loan}`);
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(r.body.includes(FAMILY.contact.lastName));
  });

  // Not yet covered (the world holds no such objects, or the bodies are compressed): explicit gaps.
  it.todo(
    'object-level: ids of another organisation for programmes, claims, orders, invoices, bookings, subscriptions, campaigns, webhooks',
  );
  it.todo('field-level: search inside compressed PDF, XLSX and ZIP responses for family personal data');
});
