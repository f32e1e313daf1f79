import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/db/connection.ts';
import { createModel } from '../../src/server/modules/inventory/catalogue.ts';
import type { Role } from '../../src/shared/roles.ts';
import { json, type TestApp } from './app.ts';
import { createCatalogue, createOrganisation, createSchool, createUser, PASSWORD } from './factories.ts';

/**
 * Fixtures of the campaign, return-drive and family-message tests (not a
 * test file itself): a city with schools of each priority, one account per
 * role, and real rows — assets inserted as the owner (like an import), loans
 * made through the API.
 */

export type Agent = ReturnType<TestApp['agent']>;

export const PARENT = {
  firstName: 'Séraphin',
  lastName: 'Lactose-Imaginaire',
  addressLine: '3 impasse des Licornes',
  postcode: '72000',
  city: 'Le Mans',
  phone: '06 11 22 33 44',
};

export async function loanWorld(t: TestApp) {
  const orgId = (await createOrganisation(t.db, `Ville ${randomBytes(2).toString('hex')}`)).id;
  const catalogue = await createCatalogue(t.db, orgId);
  const hotspot = await t.db.withOrg(
    { organisationId: orgId, userId: null, actorKind: 'system', requestId: null },
    (scope) => createModel(scope, { name: 'Routeur 4G', categoryId: catalogue.categories('hotspot_4g') }, false),
  );
  const mk = async (n: number, name: string, priority: 'none' | 'REP' | 'REP+') => {
    const s = await createSchool(t.db, orgId, n, name);
    await t.db.owner.execute(sql`UPDATE schools SET priority_education = ${priority} WHERE id = ${s.id}`);
    return s.id;
  };
  const schools = {
    repPlus: await mk(7200101, 'École Étoile (REP+)', 'REP+'),
    rep: await mk(7200102, 'École Comète (REP)', 'REP'),
    plain: await mk(7200103, 'École Nuage', 'none'),
    outside: await mk(7200104, 'École Hors Campagne', 'none'),
  };
  const agents: Record<string, Agent> = {};
  const login = async (key: string, roles: Role[], schoolIds: string[] = []) => {
    const user = await createUser(t.db, orgId, { roles, schoolIds });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    agents[key] = agent;
    return user;
  };
  await login('manager', ['manager']);
  await login('technician', ['technician']);
  await login('director', ['director'], [schools.repPlus]);
  await login('directorPlain', ['director'], [schools.plain]);
  await login('teacher', ['teacher'], [schools.repPlus]);
  await login('auditor', ['auditor']);
  const as = (key: string) => agents[key] as Agent;
  let tagSeq = 0;
  return {
    orgId,
    schools,
    models: { tablet: catalogue.tablet, hotspot: hotspot.id, cart: catalogue.cart, laptop: catalogue.laptop },
    as,
    /** An asset inserted as the owner, where told (status in_stock, in_cart or deployed). */
    async asset(o: {
      model?: string;
      status: 'in_stock' | 'in_cart' | 'deployed';
      schoolId?: string | null;
      stockLocationId?: string | null;
      cartId?: string | null;
      tag?: string;
    }) {
      const tag = o.tag ?? `T-${randomBytes(3).toString('hex')}-${++tagSeq}`;
      const [row] = await rows<{ id: string }>(
        t.db.owner,
        sql`INSERT INTO assets (organisation_id, tag, model_id, status, school_id, stock_location_id, cart_id)
            VALUES (${orgId}, ${tag}, ${o.model ?? catalogue.tablet}, ${o.status}, ${o.schoolId ?? null},
                    ${o.stockLocationId ?? null}, ${o.cartId ?? null}) RETURNING id`,
      );
      return { id: row?.id as string, tag };
    },
    async stock(name: string, kind: 'warehouse' | 'school_store' | 'technician', schoolId: string | null = null) {
      const [row] = await rows<{ id: string }>(
        t.db.owner,
        sql`INSERT INTO stock_locations (organisation_id, name, kind, school_id) VALUES (${orgId}, ${name}, ${kind}, ${schoolId}) RETURNING id`,
      );
      return row?.id as string;
    },
    /** A request filed by the manager; `createdAt` backdates it. */
    async request(
      schoolId: string,
      o: { email?: boolean; connectivity?: boolean; createdAt?: string; eligible?: boolean; pupil?: string } = {},
    ) {
      const eligible = o.eligible ?? true;
      const r = await as('manager').post('/api/loans/requests', {
        schoolId,
        pupil: { firstName: o.pupil ?? 'Zoé', lastName: 'Fictive' },
        household: {
          contacts: [{ ...PARENT, email: o.email ? `famille-${randomBytes(3).toString('hex')}@example.org` : null }],
        },
        need: { connectivity: o.connectivity ?? false },
        eligibility: {
          eligible,
          reasonCode: eligible ? 'school_closure' : 'equipped',
          decidedOn: '2026-11-02',
        },
      });
      assert.equal(r.statusCode, 201, r.body);
      const id = json<{ id: string }>(r).id;
      if (o.createdAt)
        await t.db.owner.execute(
          sql`UPDATE loan_requests SET created_at = ${o.createdAt}::timestamptz WHERE id = ${id}`,
        );
      return id;
    },
    /** request → approve → allocate → paper acceptance → handover; the loan is out. */
    async lend(schoolId: string, o: { dueDate?: string; hotspot?: boolean } = {}) {
      const requestId = await this.request(schoolId);
      assert.equal((await as('manager').post(`/api/loans/requests/${requestId}/approve`)).statusCode, 200);
      const device = await this.asset({ status: 'deployed', schoolId });
      const tags = [device.tag];
      if (o.hotspot) tags.push((await this.asset({ model: hotspot.id, status: 'deployed', schoolId })).tag);
      const allocated = await as('manager').post(`/api/loans/requests/${requestId}/allocate`, {
        tags,
        ...(o.dueDate ? { dueDate: o.dueDate } : {}),
      });
      assert.equal(allocated.statusCode, 201, allocated.body);
      const loanId = json<{ id: string }>(allocated).id;
      const paper = await as('manager').request('POST', `/api/loans/${loanId}/paper-acceptance`, {
        body: Buffer.from('%PDF-1.4\n% signed on paper\n'),
        headers: { 'content-type': 'application/pdf' },
      });
      assert.equal(paper.statusCode, 200, paper.body);
      const out = await as('manager').post(`/api/loans/${loanId}/handover`, { tags });
      assert.equal(out.statusCode, 200, out.body);
      return { loanId, requestId, tags, device };
    },
    /** The family's link token of a loan. */
    async token(loanId: string) {
      const r = await as('manager').post(`/api/loans/${loanId}/link`, {});
      assert.equal(r.statusCode, 200, r.body);
      return json<{ url: string }>(r).url.split('/famille/')[1] as string;
    },
  };
}

export type LoanWorld = Awaited<ReturnType<typeof loanWorld>>;
