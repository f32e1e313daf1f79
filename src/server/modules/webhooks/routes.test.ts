import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { type Agent, createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import {
  createCatalogue,
  createOrganisation,
  createSchool,
  createUser,
  PASSWORD,
} from '../../../../test/helpers/factories.ts';
import { contact, makeLoan } from '../../../../test/helpers/loans.ts';
import { rows } from '../../db/connection.ts';
import { type Jobs, startJobs } from '../../jobs/jobs.ts';
import type { WebhookDelivery, WebhookEndpoint } from './schema.ts';
import { WEBHOOK_DISPATCH_JOB, WEBHOOK_OVERDUE_JOB } from './service.ts';

/**
 * Outbound webhooks end to end: the real application and database, the real
 * pg-boss jobs, and a real HTTP receiver on loopback (the outside world).
 * Retries use a 20 ms base (SOCLE_WEBHOOK_RETRY_BASE_MS) and an endpoint is
 * disabled after 3 failures in a row, so the schedules run in seconds.
 */

interface Received {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

let t: TestApp;
let jobs: Jobs;
let receiver: http.Server;
let base: string;
const received: Received[] = [];
/** Status codes to answer, per path, in order; then 200. */
const script = new Map<string, number[]>();
/** Paths whose answer waits for this promise (a receiver that is slow until released). */
const held = new Map<string, Promise<void>>();

before(async () => {
  t = await createTestApp({
    SOCLE_WEBHOOK_RETRY_BASE_MS: '20',
    SOCLE_WEBHOOK_MAX_FAILURES: '3',
    SOCLE_WEBHOOK_TIMEOUT_MS: '20000',
  });
  jobs = await startJobs(t.db, t.config, pino({ level: 'silent' }), { pollingIntervalSeconds: 0.5 });
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      await held.get(path);
      const next = script.get(path)?.shift() ?? 200;
      res.writeHead(next, { 'content-type': 'text/plain' }).end(next < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
after(async () => {
  await jobs.stop();
  await new Promise((resolve) => receiver.close(resolve));
  await t.close();
});

async function world() {
  const org = await createOrganisation(t.db);
  const school = await createSchool(t.db, org.id, 1000 + Math.floor(Math.random() * 8000));
  const models = await createCatalogue(t.db, org.id);
  const login = async (roles: ('admin' | 'manager' | 'director')[], schoolIds: string[] = []) => {
    const user = await createUser(t.db, org.id, { roles, schoolIds });
    const agent = t.agent();
    await agent.login(user.email, PASSWORD);
    return agent;
  };
  return { org, school, models, admin: await login(['admin']), manager: await login(['manager']), login };
}

async function register(admin: Agent, body: Record<string, unknown>) {
  const r = await admin.post('/api/webhooks/endpoints', body);
  assert.equal(r.statusCode, 201, r.body);
  return json<WebhookEndpoint & { secret: string }>(r);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const deliveriesOf = async (admin: Agent, endpointId: string) =>
  json<WebhookDelivery[]>(await admin.get(`/api/webhooks/endpoints/${endpointId}/deliveries`));

/** Verifies `Socle-Signature` as a receiver would, from the documented string only. */
function verify(secret: string, header: string, rawBody: string) {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return { ok: given.length === expected.length && timingSafeEqual(given, expected), t: Number(parts.t) };
}

describe('webhook endpoints (admins only)', () => {
  it('lets admins register endpoints; others get 403, anonymous 401; bad URLs and events get 400', async () => {
    const w = await world();
    const body = { url: `${base}/perm`, events: ['asset.created'] };
    assert.equal((await t.agent().get('/api/webhooks/endpoints')).statusCode, 401);
    assert.equal((await w.manager.get('/api/webhooks/endpoints')).statusCode, 403);
    assert.equal((await w.manager.post('/api/webhooks/endpoints', body)).statusCode, 403);
    const director = await w.login(['director'], [w.school.id]);
    assert.equal((await director.get('/api/webhooks/catalogue')).statusCode, 403);

    const plain = await w.admin.post('/api/webhooks/endpoints', { ...body, url: 'http://example.org/hook' });
    assert.equal(plain.statusCode, 400);
    assert.equal(json<{ errors: { path: string; code: string }[] }>(plain).errors[0]?.code, 'url_scheme');
    const creds = await w.admin.post('/api/webhooks/endpoints', { ...body, url: 'https://u:p@example.org/hook' });
    assert.equal(json<{ errors: { code: string }[] }>(creds).errors[0]?.code, 'url_credentials');
    assert.equal((await w.admin.post('/api/webhooks/endpoints', { ...body, events: ['asset.eaten'] })).statusCode, 400);
    assert.equal((await w.admin.post('/api/webhooks/endpoints', { ...body, events: [] })).statusCode, 400);

    const created = await register(w.admin, { ...body, url: 'https://hooks.example.org/socle' });
    assert.match(created.secret, /^whsec_[A-Za-z0-9_-]{40,}$/);
    assert.equal(created.includePersonalData, false, 'no personal data unless asked');
    assert.equal(created.enabled, true);
    const listed = json<Record<string, unknown>[]>(await w.admin.get('/api/webhooks/endpoints'));
    assert.equal(listed.length, 1);
    assert.equal(listed[0]?.secret, undefined, 'the secret is shown once');
    const [stored] = await rows<{ secret_enc: string }>(
      t.db.owner,
      sql`SELECT secret_enc FROM webhook_endpoints WHERE id = ${created.id}`,
    );
    assert.ok(stored && !stored.secret_enc.includes(created.secret.slice(6)), 'stored encrypted');
    const events = await t.db.owner.execute(
      sql`SELECT after::text AS a FROM audit_events WHERE entity_id = ${created.id}`,
    );
    assert.ok(!JSON.stringify(events).includes(created.secret), 'the audit trail has no secret');

    // Another organisation's admin does not see it.
    const other = await world();
    assert.equal((await other.admin.get(`/api/webhooks/endpoints/${created.id}`)).statusCode, 404);
    assert.equal((await w.manager.delete(`/api/webhooks/endpoints/${created.id}`)).statusCode, 403);
    assert.equal((await w.admin.delete(`/api/webhooks/endpoints/${created.id}`)).statusCode, 204);
  });
});

describe('webhook deliveries (pg-boss, real receiver on loopback)', () => {
  it('posts a signed event that an independent HMAC over "<t>.<raw body>" verifies', { timeout: 60_000 }, async () => {
    const w = await world();
    const endpoint = await register(w.admin, { url: `${base}/signed`, events: ['asset.created', 'asset.updated'] });
    const asset = json<{ id: string; tag: string }>(
      await w.manager.post('/api/assets', { modelId: w.models.tablet, status: 'in_stock' }),
    );
    await jobs.send(WEBHOOK_DISPATCH_JOB);
    const got = await until('the delivery', async () => received.find((r) => r.path === '/signed'));

    const signature = got.headers['socle-signature'] as string;
    assert.match(signature, /^t=\d+,v1=[0-9a-f]{64}$/);
    const check = verify(endpoint.secret, signature, got.body);
    assert.ok(check.ok, 'signature verifies');
    assert.ok(Math.abs(check.t - Date.now() / 1000) < 300, 'timestamp is now');
    assert.equal(verify(`${endpoint.secret}x`, signature, got.body).ok, false, 'another secret does not verify');
    assert.equal(verify(endpoint.secret, signature, `${got.body} `).ok, false, 'another body does not verify');
    assert.equal(got.headers['socle-event'], 'asset.created');
    assert.equal(got.headers['content-type'], 'application/json');

    const payload = JSON.parse(got.body) as Record<string, unknown>;
    assert.deepEqual(Object.keys(payload).sort(), ['data', 'id', 'occurredAt', 'organisationId', 'type', 'version']);
    assert.equal(payload.type, 'asset.created');
    assert.equal(payload.version, 1);
    assert.equal(payload.organisationId, w.org.id);
    assert.deepEqual((payload.data as Record<string, unknown>).assetId, asset.id);
    assert.equal((payload.data as Record<string, unknown>).tag, asset.tag);

    // The receiver answered before the job logged the attempt: wait for the log.
    const delivery = await until('the logged attempt', async () => {
      const [d] = await deliveriesOf(w.admin, endpoint.id);
      return d?.status === 'delivered' ? d : null;
    });
    assert.equal(got.headers['socle-delivery'], delivery?.id);
    assert.equal(delivery?.eventId, payload.id);
    assert.equal(delivery?.status, 'delivered');
    assert.deepEqual(
      delivery?.log.map((a) => [a.attempt, a.statusCode, a.error]),
      [[1, 200, null]],
    );
    assert.ok((delivery?.log[0]?.durationMs ?? -1) >= 0);
  });

  it('a slow receiver does not hold back another endpoint: deliveries run several at once (SOCLE_WEBHOOK_CONCURRENCY)', {
    timeout: 60_000,
  }, async () => {
    assert.ok(t.config.webhooks.concurrency >= 2);
    const w = await world();
    let release: () => void = () => undefined;
    held.set('/slow', new Promise<void>((resolve) => (release = resolve)));
    try {
      await register(w.admin, { url: `${base}/slow`, events: ['asset.created'] });
      await w.manager.post('/api/assets', { modelId: w.models.tablet, status: 'in_stock' });
      await jobs.send(WEBHOOK_DISPATCH_JOB);
      // The slow receiver has the request and does not answer (the timeout here is 20 s).
      await until('the slow receiver got its request', async () => received.some((r) => r.path === '/slow'));
      const fast = await register(w.admin, { url: `${base}/fast`, events: ['asset.updated'] });
      const asset = json<{ id: string; version: number }>(
        await w.manager.post('/api/assets', { modelId: w.models.tablet, status: 'in_stock' }),
      );
      const edited = await w.manager.patch(`/api/assets/${asset.id}`, { version: asset.version, notes: 'Étiquette' });
      assert.equal(edited.statusCode, 200, edited.body);
      await jobs.send(WEBHOOK_DISPATCH_JOB);
      const delivered = await until(
        'the other endpoint delivered while the slow one is still waiting',
        async () => {
          const [d] = await deliveriesOf(w.admin, fast.id);
          return d?.status === 'delivered' ? d : null;
        },
        10_000,
      );
      assert.equal(delivered.log.length, 1);
    } finally {
      release();
      held.delete('/slow');
    }
  });

  it('retries with backoff: a receiver failing twice then succeeding gets it on attempt 3 (log 500, 500, 200)', {
    timeout: 60_000,
  }, async () => {
    const w = await world();
    script.set('/flaky', [500, 500]);
    const endpoint = await register(w.admin, { url: `${base}/flaky`, events: ['asset.created'] });
    await w.manager.post('/api/assets', { modelId: w.models.tablet, status: 'in_stock' });
    await jobs.send(WEBHOOK_DISPATCH_JOB);
    const delivery = await until('delivery on attempt 3', async () => {
      const [d] = await deliveriesOf(w.admin, endpoint.id);
      return d?.status === 'delivered' ? d : null;
    });
    assert.deepEqual(
      delivery.log.map((a) => [a.attempt, a.statusCode]),
      [
        [1, 500],
        [2, 500],
        [3, 200],
      ],
    );
    assert.deepEqual(
      delivery.log.map((a) => a.error),
      ['HTTP 500', 'HTTP 500', null],
    );
    const calls = received.filter((r) => r.path === '/flaky');
    assert.equal(calls.length, 3);
    assert.equal(new Set(calls.map((c) => c.headers['socle-delivery'])).size, 1, 'same delivery id each time');
    assert.equal(new Set(calls.map((c) => JSON.parse(c.body).id)).size, 1, 'same event id each time');
    const after = json<WebhookEndpoint>(await w.admin.get(`/api/webhooks/endpoints/${endpoint.id}`));
    assert.equal(after.consecutiveFailures, 0, 'a success resets the count');
    assert.equal(after.enabled, true);
  });

  it('disables an endpoint after repeated failures, tells the admins, and redelivers by hand once enabled again', {
    timeout: 60_000,
  }, async () => {
    const w = await world();
    script.set('/down', [503, 503, 503, 503, 503]);
    const endpoint = await register(w.admin, { url: `${base}/down`, events: ['asset.created'] });
    await w.manager.post('/api/assets', { modelId: w.models.tablet, status: 'in_stock' });
    await jobs.send(WEBHOOK_DISPATCH_JOB);
    const disabled = await until('the endpoint disabled', async () => {
      const e = json<WebhookEndpoint>(await w.admin.get(`/api/webhooks/endpoints/${endpoint.id}`));
      return e.enabled ? null : e;
    });
    assert.equal(disabled.disabledReason, 'failures');
    assert.equal(disabled.consecutiveFailures, 3);
    const notices = await rows<{ kind: string; roles: string[]; payload: { endpointId: string } }>(
      t.db.owner,
      sql`SELECT kind, roles, payload FROM notifications WHERE organisation_id = ${w.org.id}`,
    );
    assert.deepEqual(
      notices.map((n) => [n.kind, n.roles, n.payload.endpointId]),
      [['webhook_disabled', ['admin'], endpoint.id]],
    );
    const audit = await rows<{ action: string }>(
      t.db.owner,
      sql`SELECT action FROM audit_events WHERE organisation_id = ${w.org.id} AND entity_id = ${endpoint.id} ORDER BY seq`,
    );
    assert.ok(audit.some((a) => a.action === 'webhook.endpoint_auto_disabled'));

    // Nothing more is sent to a disabled endpoint; a new event waits neither.
    const [waiting] = await deliveriesOf(w.admin, endpoint.id);
    assert.equal(waiting?.status, 'pending');
    assert.equal(waiting?.log.length, 3);
    await w.manager.post('/api/assets', { modelId: w.models.tablet, status: 'in_stock' });
    assert.equal((await deliveriesOf(w.admin, endpoint.id)).length, 1, 'a disabled endpoint gets no new deliveries');

    // The admin fixes the receiver, enables the endpoint again and redelivers.
    script.set('/down', []);
    const enabled = await w.admin.patch(`/api/webhooks/endpoints/${endpoint.id}`, { enabled: true });
    assert.equal(json<WebhookEndpoint>(enabled).consecutiveFailures, 0);
    assert.equal((await w.manager.post(`/api/webhooks/deliveries/${waiting?.id}/redeliver`)).statusCode, 403);
    const again = await w.admin.post(`/api/webhooks/deliveries/${waiting?.id}/redeliver`);
    assert.equal(again.statusCode, 202, again.body);
    // The test app runs no job runner: the dispatcher (every minute in production) queues it.
    await jobs.send(WEBHOOK_DISPATCH_JOB);
    const done = await until('the redelivery', async () => {
      const d = json<WebhookDelivery>(await w.admin.get(`/api/webhooks/deliveries/${waiting?.id}`));
      return d.status === 'delivered' ? d : null;
    });
    assert.deepEqual(
      done.log.map((a) => [a.attempt, a.statusCode, a.manual]),
      [
        [1, 503, false],
        [2, 503, false],
        [3, 503, false],
        [4, 200, true],
      ],
    );
  });

  it('sends no family personal data unless the endpoint is allowed it', { timeout: 60_000 }, async () => {
    const w = await world();
    const director = await w.login(['director'], [w.school.id]);
    const plain = await register(w.admin, { url: `${base}/plain`, events: ['loan.created'] });
    const allowed = await register(w.admin, {
      url: `${base}/personal`,
      events: ['loan.created'],
      includePersonalData: true,
    });
    assert.equal(plain.includePersonalData, false);
    assert.equal(allowed.includePersonalData, true);
    const loan = await makeLoan(
      { requester: director, manager: w.manager },
      {
        schoolId: w.school.id,
        modelId: w.models.tablet,
        pupil: { firstName: 'Ildebrande', lastName: 'Zorglubienne' },
        contacts: [contact('Philomène', 'Quasimodière', 'philomene.q@example.org', '06 98 76 54 32')],
        until: 'allocated',
      },
    );
    await jobs.send(WEBHOOK_DISPATCH_JOB);
    const plainBody = (await until('plain delivery', async () => received.find((r) => r.path === '/plain'))).body;
    const personalBody = (await until('personal delivery', async () => received.find((r) => r.path === '/personal')))
      .body;
    for (const s of ['Ildebrande', 'Zorglubienne', 'Philomène', 'Quasimodière', 'philomene.q', '06 98 76 54 32']) {
      assert.ok(!plainBody.includes(s), `no ${s} by default`);
    }
    const plainPayload = JSON.parse(plainBody) as { type: string; data: Record<string, unknown> };
    assert.equal(plainPayload.type, 'loan.created');
    assert.equal(plainPayload.data.loanId, loan.id);
    assert.equal(plainPayload.data.household, undefined);
    const personal = JSON.parse(personalBody) as { data: { household?: { contacts: { lastName: string }[] } } };
    assert.equal(personal.data.household?.contacts[0]?.lastName, 'Quasimodière');
    assert.ok(!personalBody.includes('Zorglubienne'), 'the pupil is never sent');
  });

  it('emits loan.overdue once per loan and due date, from the daily job', { timeout: 60_000 }, async () => {
    const w = await world();
    const director = await w.login(['director'], [w.school.id]);
    const endpoint = await register(w.admin, { url: `${base}/overdue`, events: ['loan.overdue'] });
    const loan = await makeLoan(
      { requester: director, manager: w.manager },
      {
        schoolId: w.school.id,
        modelId: w.models.tablet,
        pupil: { firstName: 'Anselme', lastName: 'Retardataire' },
        contacts: [contact('Berthe', 'Retardataire', 'berthe.r@example.org')],
      },
    );
    // Ten days late (set as the owner: the API refuses a due date in the past).
    await t.db.owner.execute(sql`UPDATE loans SET due_date = current_date - 10 WHERE id = ${loan.id}`);
    for (let run = 0; run < 2; run++) {
      const id = await jobs.send(WEBHOOK_OVERDUE_JOB);
      assert.equal((await jobs.waitFor(WEBHOOK_OVERDUE_JOB, id)).state, 'completed');
    }
    await jobs.send(WEBHOOK_DISPATCH_JOB);
    const delivery = await until('the overdue delivery', async () => {
      const [d] = await deliveriesOf(w.admin, endpoint.id);
      return d?.status === 'delivered' ? d : null;
    });
    assert.equal(delivery.eventType, 'loan.overdue');
    assert.equal((await deliveriesOf(w.admin, endpoint.id)).length, 1, 'once, however many runs');
    const got = received.find((r) => r.path === '/overdue');
    const payload = JSON.parse(got?.body ?? '{}') as { data: Record<string, unknown> };
    assert.equal(payload.data.loanId, loan.id);
    assert.equal(payload.data.daysOverdue, 10);
    assert.ok(!got?.body.includes('Retardataire'), 'no personal data by default');
  });
});
