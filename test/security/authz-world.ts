import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { addDays, isoWeekday, zonedToUtc } from '../../src/server/modules/bookings/rules.ts';
import { type Agent, json } from '../helpers/app.ts';

/**
 * The organisation's and the school's objects of the authorisation matrix
 * (test/security/authz-matrix.test.ts) beyond inventory, loans, helpdesk and
 * training: funding (with indicators and publicity), procurement, services,
 * bookings, crisis campaigns, webhooks, inventory rounds, equipment plans,
 * identity providers, the catalogue, API tokens, calendar feeds, training
 * registrations and materials, buildings and rooms, baseline overrides and
 * family messages. Everything is made through the API by an admin of the
 * organisation, as a user would, so each object carries its real tenancy.
 */

async function created(r: LightMyRequestResponse | Promise<LightMyRequestResponse>): Promise<string> {
  const response = await r;
  assert.ok(response.statusCode === 201 || response.statusCode === 200, response.body);
  return json<{ id: string }>(response).id;
}

/** The first object of a list a "defaults" operation answers (it creates the usual ones). */
async function firstCreated(r: Promise<LightMyRequestResponse>): Promise<string> {
  const response = await r;
  assert.equal(response.statusCode, 200, response.body);
  const list = json<{ id: string }[]>(response);
  assert.ok(list[0], response.body);
  return list[0].id;
}

/** Objects that belong to the organisation, not to one of its schools. */
export interface OrganisationObjects {
  readonly supplier: string;
  readonly funder: string;
  readonly programme: string;
  readonly costItem: string;
  readonly convention: string;
  readonly expenseLine: string;
  readonly claim: string;
  readonly indicator: string;
  readonly publicity: string;
  readonly contract: string;
  readonly order: string;
  readonly invoice: string;
  readonly service: string;
  readonly campaign: string;
  readonly webhook: string;
  readonly delivery: string;
  readonly plan: string;
  readonly identityProvider: string;
  readonly category: string;
  readonly model: string;
  /** The admin's own API token and calendar feed (a user's, not the organisation's). */
  readonly token: string;
  readonly feed: string;
  /** The admin registered to a session of the organisation, and a material (PDF) of that session. */
  readonly registration: string;
  readonly material: string;
}

/**
 * A funding programme for `schoolId` with one paid expense line claimed to a
 * funder (so the claim's statement, co-financing PDF and invoices ZIP have
 * content) and the programme's usual indicators and publicity checklist, a
 * contract with a placed order and its invoice, a digital service, a crisis
 * campaign, a webhook endpoint with one delivery, a saved equipment plan, a
 * (disabled) identity provider, an asset category with a model, the admin's
 * API token and calendar feed, and a training session the admin registered
 * to, with one material.
 */
export async function organisationObjectsOf(
  admin: Agent,
  schoolId: string,
  models: { tablet: string },
): Promise<OrganisationObjects> {
  // Registered first: the asset made below queues one delivery for it (no job runner in tests: it stays pending).
  const webhook = await created(
    admin.post('/api/webhooks/endpoints', { url: 'https://hooks.example.org/socle', events: ['asset.created'] }),
  );
  await created(admin.post('/api/assets', { modelId: models.tablet, status: 'in_stock' }));
  const deliveries = json<{ id: string }[]>(await admin.get(`/api/webhooks/endpoints/${webhook}/deliveries`));
  assert.equal(deliveries.length, 1);
  const delivery = (deliveries[0] as { id: string }).id;

  const supplier = await created(
    admin.post('/api/funding/suppliers', { name: 'Fournisseur', siret: '73282932000074' }),
  );
  const funder = await created(admin.post('/api/funding/funders', { name: 'FEDER', kind: 'eu_feder' }));
  const programme = await created(
    admin.post('/api/funding/programmes', {
      name: 'Plan numérique',
      periodStart: '2020-01-01',
      periodEnd: '2023-12-31',
      schoolIds: [schoolId],
    }),
  );
  const costItem = await created(
    admin.post(`/api/funding/programmes/${programme}/cost-items`, {
      code: 'EQ',
      kind: 'equipment',
      label: 'Équipement',
      position: 1,
    }),
  );
  const convention = await created(
    admin.post(`/api/funding/programmes/${programme}/conventions`, {
      funderId: funder,
      reference: 'FEDER-1',
      rateRule: { kind: 'flat', rateBp: 5000 },
      // No instalment cap: the one line is claimed whole.
      instalmentCapBp: 10_000,
      rank: 1,
    }),
  );
  const expenseLine = await created(
    admin.post(`/api/funding/programmes/${programme}/expense-lines`, {
      costItemId: costItem,
      supplierId: supplier,
      invoiceNumber: 'F-001',
      invoiceDate: '2021-03-01',
      description: 'Tablettes',
      htCents: 1_000_000,
      vatCents: 200_000,
      ttcCents: 1_200_000,
      paidOn: '2021-04-01',
      mandateNumber: 'M-1',
      eligibility: 'eligible',
    }),
  );
  const claim = await created(
    admin.post(`/api/funding/programmes/${programme}/claims`, {
      conventionId: convention,
      kind: 'instalment',
      lineIds: [expenseLine],
    }),
  );
  const indicator = await firstCreated(admin.post(`/api/funding/programmes/${programme}/indicators/defaults`, {}));
  const publicity = await firstCreated(admin.post(`/api/funding/programmes/${programme}/publicity/defaults`));

  const contract = await created(
    admin.post('/api/procurement/contracts', {
      reference: 'AO-2021-01',
      title: 'Équipement numérique des écoles',
      procedure: 'appel_offres_ouvert',
      supplierId: supplier,
    }),
  );
  const order = await created(
    admin.post('/api/procurement/orders', {
      number: 'BC-2021-001',
      supplierId: supplier,
      contractId: contract,
      orderedOn: '2021-03-01',
      lines: [
        {
          modelId: models.tablet,
          description: 'Tablette',
          quantity: 1,
          unitPriceCents: 10_000,
          vatRateBp: 2000,
          schoolId,
        },
      ],
    }),
  );
  assert.equal((await admin.post(`/api/procurement/orders/${order}/place`)).statusCode, 200);
  const invoice = await created(
    admin.post('/api/procurement/invoices', {
      supplierId: supplier,
      orderId: null,
      number: 'FA-2021-001',
      invoiceDate: '2021-04-01',
      htCents: 10_000,
      vatCents: 2_000,
      ttcCents: 12_000,
      lines: [{ description: 'Tablette', quantity: 1, unitPriceCents: 10_000, vatRateBp: 2000 }],
    }),
  );

  const service = await created(admin.post('/api/services', { name: 'ENT', kind: 'ent' }));
  const campaign = await created(
    admin.post('/api/loans/campaigns', {
      name: 'Fermeture des écoles',
      reason: 'Épidémie',
      startsOn: '2026-12-01',
      endsOn: '2026-12-18',
      schoolIds: [schoolId],
    }),
  );
  const plan = await created(
    admin.post('/api/baseline/plans', {
      name: 'Scénario 20 k€',
      input: {
        budgetCents: 2_000_000,
        budgetBasis: 'total',
        objective: 'classes',
        weights: { repPlus: 2, rep: 1, lowIps: 1, lowDevices: 1, oldEquipment: 0 },
      },
    }),
  );
  // Disabled: password sign-in stays the only way in, the login page is unchanged.
  const identityProvider = await created(
    admin.post('/api/identity/providers', {
      name: 'Annuaire de la ville',
      issuer: 'https://idp.example.org/realms/ville',
      clientId: 'socle',
      enabled: false,
    }),
  );
  const category = await created(
    admin.post('/api/inventory/categories', { code: 'visualiseur', nameFr: 'Visualiseur', nameEn: 'Document camera' }),
  );
  const model = await created(admin.post('/api/inventory/models', { name: 'Visualiseur USB', categoryId: category }));
  const token = await created(admin.post('/api/auth/tokens', { name: 'Inventaire' }));
  const feed = await created(admin.post('/api/bookings/feeds', { kind: 'user' }));
  const session = await created(
    admin.post('/api/training/sessions', {
      audience: 'teachers',
      topic: 'Robotique',
      startsAt: new Date(Date.now() + 12 * 86_400_000).toISOString(),
      durationMinutes: 90,
      place: 'Médiathèque',
      trainer: 'ERUN',
      capacity: 10,
    }),
  );
  // No account named: the admin registers themself (teachers are counted per school).
  const registration = await created(admin.post(`/api/training/sessions/${session}/registrations`, { schoolId }));
  const material = await created(
    admin.request('POST', `/api/training/sessions/${session}/files`, {
      body: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      headers: { 'content-type': 'application/pdf' },
      query: { name: 'support.pdf' },
    }),
  );
  return {
    supplier,
    funder,
    programme,
    costItem,
    convention,
    expenseLine,
    claim,
    indicator,
    publicity,
    contract,
    order,
    invoice,
    service,
    campaign,
    webhook,
    delivery,
    plan,
    identityProvider,
    category,
    model,
    token,
    feed,
    registration,
    material,
  };
}

/**
 * Objects of one school: a subscription to the organisation's service, a
 * booking of a cart for a class, an (open) inventory round of the school, a
 * building and a room, a baseline override, and a family's message about its
 * loan.
 */
export interface SchoolObjects {
  readonly subscription: string;
  readonly booking: string;
  readonly round: string;
  readonly building: string;
  readonly room: string;
  readonly override: string;
  /** The booked cart, as a bookable resource (`resources/cart/{id}`). */
  readonly resource: string;
  /** The cart's inventory tag: set, unique across the world (generated tags repeat from one organisation to the next). */
  readonly tag: string;
  readonly message: string;
}

/** A Tuesday at least three weeks ahead, in school time. */
function nextTuesday(): string {
  const d = addDays(new Date().toISOString().slice(0, 10), 21);
  return addDays(d, (9 - isoWeekday(d)) % 7);
}

export async function schoolObjectsOf(
  admin: Agent,
  schoolId: string,
  o: { service: string; classId: string; cartModel: string; loan: string },
): Promise<SchoolObjects> {
  const subscription = await created(
    admin.post('/api/subscriptions', { schoolId, serviceId: o.service, startsOn: '2021-09-01' }),
  );
  const tag = `CHARIOT-${schoolId.slice(0, 8)}`;
  const cart = await created(admin.post('/api/assets', { modelId: o.cartModel, status: 'deployed', schoolId, tag }));
  const day = nextTuesday();
  const r = await admin.post('/api/bookings', {
    resourceKind: 'cart',
    resourceId: cart,
    classId: o.classId,
    startsAt: zonedToUtc(day, '10:00').toISOString(),
    endsAt: zonedToUtc(day, '11:00').toISOString(),
  });
  assert.equal(r.statusCode, 201, r.body);
  const round = await created(admin.post('/api/inventory/rounds', { scope: 'school', schoolId }));
  // An empty building (deleting it would succeed) and a room of its own.
  const building = await created(admin.post(`/api/schools/${schoolId}/buildings`, { name: 'Bâtiment B' }));
  const room = await created(admin.post(`/api/schools/${schoolId}/rooms`, { name: 'Salle informatique' }));
  const override = await created(
    admin.put('/api/baseline/overrides', {
      schoolId,
      criterionKey: 'internet',
      status: 'met',
      justification: 'Fibre raccordée en septembre',
      evidence: 'Procès-verbal de raccordement',
    }),
  );
  // The family writes through its signed link; the school's inbox holds the message.
  const link = await admin.post(`/api/loans/${o.loan}/link`, {});
  assert.equal(link.statusCode, 200, link.body);
  const familyToken = json<{ url: string }>(link).url.split('/famille/')[1] as string;
  const sent = await admin.post(`/api/public/family/${familyToken}/messages`, {
    category: 'question',
    text: 'Le chargeur chauffe',
  });
  assert.equal(sent.statusCode, 201, sent.body);
  const messages = json<{ items: { id: string }[] }>(await admin.get(`/api/loans/${o.loan}/messages`)).items;
  assert.equal(messages.length, 1);
  return {
    subscription,
    booking: json<{ booking: { id: string } }>(r).booking.id,
    round,
    building,
    room,
    override,
    resource: cart,
    tag,
    message: (messages[0] as { id: string }).id,
  };
}
