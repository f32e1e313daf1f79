import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { uaiCheckLetter } from '../../src/shared/uai.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './env.ts';
import { expectAccessible, signIn, test } from './helpers.ts';

/**
 * Stored XSS (issue #10, point 2, browser part). As the admin, through the
 * API, HTML and script payloads are stored in the text fields that pages
 * show: a school's official and usual names and a room, an asset model's
 * name and an asset's notes and supplier, a ticket's title, description and
 * comment, a booking's notes, a training session's topic, description and
 * place, a funding programme's name, description and objectives, a cost
 * item's and an indicator's label, and the organisation's name (shown on
 * the public transparency page, rendered by the server). Every page showing
 * them is visited: the payload must read as text (in the page's
 * textContent, which a parsed tag would not be), no `onerror`/`onload`
 * attribute, inline script or `javascript:` link may reach the DOM, and
 * `window.__xss` must stay unset. `javascript:` URLs in link fields are
 * refused by the API (400). The console guard of helpers.ts fails the
 * journey on any console error, CSP refusals included: a payload that got
 * parsed and was then blocked by the CSP fails too.
 *
 * The organisation's name is restored and the programme, the session and
 * the booking are removed at the end; the school (with its asset and
 * ticket) stays, named "XSS …", on the shared database.
 */

const suffix = Date.now().toString(36);
const IMG = `<img src=x onerror="window.__xss=1"> ${suffix}`;
const SCRIPT = `<script>window.__xss=1</script> ${suffix}`;
const SVG = `"><svg onload=window.__xss=1> ${suffix}`;
const IFRAME = `<iframe src="javascript:window.parent.__xss=1"></iframe> ${suffix}`;
const JS_URL = 'javascript:window.__xss=1';

/** The admin's session through the API: JSON calls with the CSRF token. */
async function adminApi(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  const call = async <T>(method: 'get' | 'post' | 'patch' | 'delete', url: string, data?: unknown, status?: number) => {
    const answer = await request[method](url, { headers, ...(data === undefined ? {} : { data }) });
    if (status !== undefined) expect(answer.status(), `${method} ${url}: ${await answer.text()}`).toBe(status);
    else expect(answer.ok(), `${method} ${url}: ${await answer.text()}`).toBe(true);
    const text = await answer.text();
    return (text ? JSON.parse(text) : null) as T;
  };
  return {
    get: <T>(url: string) => call<T>('get', url),
    post: <T>(url: string, data: unknown, status?: number) => call<T>('post', url, data, status),
    patch: <T>(url: string, data: unknown, status?: number) => call<T>('patch', url, data, status),
    delete: (url: string) => call<unknown>('delete', url, undefined),
    /** Clean-up: never throws (the journey's own failure must stay the one reported); answers the status. */
    tidy: async (method: 'post' | 'patch' | 'delete', url: string, data?: unknown) =>
      (await request[method](url, { headers, ...(data === undefined ? {} : { data }) })).status(),
    logout: () => request.post('/api/auth/logout', { headers }),
  };
}

/** A valid UAI nobody uses (Sarthe's 072, then 8 and random digits). */
function freshUai(): string {
  const digits = `0728${String(Math.floor(Math.random() * 900) + 100)}`;
  return `${digits}${uaiCheckLetter(digits)}`;
}

/** Nothing of the payloads ran or reached the DOM as markup; each text reads literally in `scope`. */
async function expectInert(page: Page, where: string, texts: readonly string[], scope = 'main'): Promise<void> {
  const region = page.locator(scope).first();
  for (const text of texts) await expect(region, `${where}: "${text}" shown as text`).toContainText(text);
  const found = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: unknown }).__xss,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover]').length,
    injected: document.querySelectorAll('body img[src="x"], body svg[onload], body iframe').length,
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    jsLinks: [...document.querySelectorAll('a[href], area[href]')].filter((a) =>
      (a.getAttribute('href') ?? '').trim().toLowerCase().startsWith('javascript:'),
    ).length,
  }));
  expect(found, `${where}: no payload ran or became markup`).toEqual({
    ran: undefined,
    handlers: 0,
    injected: 0,
    inlineScripts: 0,
    jsLinks: 0,
  });
}

/** Waits for the page's h1 to say `heading` and for loading to end (the title holds payloads: not pageReady). */
async function ready(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
  await expect(page.getByText(/^(Chargement…|Loading…)$/)).toHaveCount(0);
}

interface Created {
  schoolId: string;
  roomId: string;
  assetId: string;
  assetTag: string;
  ticketId: string;
  bookingId: string;
  sessionId: string;
  programmeId: string;
  costItemId: string;
  indicatorId: string;
  originalOrgName: string;
}

/** Next Tuesday at `hour` UTC (never today), as the API's date-times. */
function nextTuesday(hour: number): string {
  const now = new Date();
  const ahead = (2 - now.getUTCDay() + 7) % 7 || 7;
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ahead, hour));
  return day.toISOString();
}

test('stored HTML and script payloads are shown as text on every page, never run', async ({ page, request }) => {
  // Many pages, each checked: more than the default 2 minutes on a loaded machine.
  test.setTimeout(300_000);
  const api = await adminApi(request);
  const created: Partial<Created> = {};
  try {
    // The organisation's name (header of every page, public page); restored in `finally`.
    const org = await api.get<{ name: string; slug: string }>('/api/organisation');
    created.originalOrgName = org.name;
    await api.patch('/api/organisation', { name: `Ville ${IMG}` });

    // A school, named with payloads, and a room.
    const school = await api.post<{ id: string }>(
      '/api/schools',
      { uai: freshUai(), name: `XSS ${SCRIPT}`, usualName: `XSS ${IMG}`, kind: 'elementaire', postcode: '72000' },
      201,
    );
    created.schoolId = school.id;
    const room = await api.post<{ id: string }>(`/api/schools/${school.id}/rooms`, { name: `Salle ${SVG}` }, 201);
    created.roomId = room.id;

    // An asset of a model named with a payload, in that school.
    const categories = await api.get<{ id: string; role: string }[] | { items: { id: string; role: string }[] }>(
      '/api/inventory/categories',
    );
    const list = Array.isArray(categories) ? categories : categories.items;
    const category = list.find((c) => c.role === 'projection') ?? list[0];
    if (!category) throw new Error('no asset category');
    const model = await api.post<{ id: string }>(
      '/api/inventory/models',
      { name: `Modèle ${SVG}`, categoryId: category.id },
      201,
    );
    const asset = await api.post<{ id: string; tag: string }>(
      '/api/assets',
      {
        modelId: model.id,
        schoolId: school.id,
        status: 'deployed',
        notes: `Notes ${IMG}`,
        supplier: `Fournisseur ${SCRIPT}`,
      },
      201,
    );
    created.assetId = asset.id;
    created.assetTag = asset.tag;

    // A ticket with a comment.
    const ticket = await api.post<{ id: string }>(
      '/api/helpdesk/tickets',
      { schoolId: school.id, category: 'breakdown', title: `Panne ${IMG}`, description: `Description ${SCRIPT}` },
      201,
    );
    created.ticketId = ticket.id;
    await api.post(`/api/helpdesk/tickets/${ticket.id}/comments`, { body: `Commentaire ${SVG}` }, 201);

    // A booking of the room, with notes.
    const booking = await api.post<{ booking: { id: string } }>(
      '/api/bookings',
      {
        resourceKind: 'room',
        resourceId: room.id,
        startsAt: nextTuesday(9),
        endsAt: nextTuesday(10),
        activity: `Activité ${SVG}`,
        notes: `Réservation ${IMG}`,
      },
      201,
    );
    created.bookingId = booking.booking.id;

    // A training session; `javascript:` links are refused.
    const session = {
      audience: 'teachers',
      topic: `Formation ${IMG}`,
      description: `Programme ${SCRIPT}`,
      place: `Lieu ${SVG}`,
      startsAt: nextTuesday(13),
      durationMinutes: 90,
      trainer: `Formateur ${IFRAME}`,
    };
    await api.post('/api/training/sessions', { ...session, online: true, onlineUrl: JS_URL }, 400);
    await api.post('/api/training/sessions', { ...session, materials: [{ label: 'Support', url: JS_URL }] }, 400);
    created.sessionId = (await api.post<{ id: string }>('/api/training/sessions', session, 201)).id;

    // A funding programme, a cost item and an indicator; a `javascript:` evidence link is refused.
    const year = new Date().getUTCFullYear();
    const programme = await api.post<{ id: string }>(
      '/api/funding/programmes',
      {
        name: `Programme ${IMG}`,
        description: `Description ${SCRIPT}`,
        objectives: `Objectifs ${SVG}`,
        periodStart: `${year}-01-01`,
        periodEnd: `${year + 1}-12-31`,
        schoolIds: [school.id],
      },
      201,
    );
    created.programmeId = programme.id;
    const costItem = await api.post<{ id: string }>(
      `/api/funding/programmes/${programme.id}/cost-items`,
      { code: `X${suffix}`.slice(0, 20), kind: 'equipment', label: `Poste ${SVG}`, budgetCents: 100_000 },
      201,
    );
    const indicator = await api.post<{ id: string }>(
      `/api/funding/programmes/${programme.id}/indicators`,
      {
        code: `I${suffix}`.slice(0, 20),
        label: `Indicateur ${SCRIPT}`,
        unit: `u ${IMG}`,
        source: 'manual',
        target: 10,
      },
      201,
    );
    created.costItemId = costItem.id;
    created.indicatorId = indicator.id;
    await api.post(
      `/api/funding/programmes/${programme.id}/publicity`,
      { kind: 'website', label: 'Page web', evidenceUrl: JS_URL },
      400,
    );

    // The browser, as the admin.
    await signIn(page);
    const banner = 'header';

    await page.goto(`/schools?q=${suffix}`);
    await ready(page, 'Écoles');
    await expectInert(page, '/schools', [`XSS ${IMG}`]);
    await expectInert(page, 'header', [`Ville ${IMG}`], banner);

    await page.goto(`/schools/${school.id}`);
    await ready(page, `XSS ${IMG}`);
    await expectInert(page, '/schools/$id', [`XSS ${IMG}`, `XSS ${SCRIPT}`, `Salle ${SVG}`]);
    await expect(page).toHaveTitle(`XSS ${IMG} — Socle`);
    await expectAccessible(page, '/schools/$id with payloads');

    await page.goto(`/assets?q=${encodeURIComponent(asset.tag)}`);
    await ready(page, 'Équipements');
    // The list names the school by its official name.
    await expectInert(page, '/assets', [`Modèle ${SVG}`, `XSS ${SCRIPT}`]);

    await page.goto(`/assets/${asset.id}`);
    await ready(page, asset.tag);
    await expectInert(page, '/assets/$id', [`Modèle ${SVG}`, `Notes ${IMG}`, `Fournisseur ${SCRIPT}`]);

    await page.goto(`/helpdesk?q=${suffix}`);
    await ready(page, 'Assistance');
    await expectInert(page, '/helpdesk', [`Panne ${IMG}`]);

    await page.goto(`/helpdesk/${ticket.id}`);
    await ready(page, `Panne ${IMG}`);
    await expectInert(page, '/helpdesk/$id', [
      `Panne ${IMG}`,
      `Description ${SCRIPT}`,
      `Commentaire ${SVG}`,
      `XSS ${SCRIPT}`,
    ]);

    const monday = new Date(nextTuesday(9));
    monday.setUTCDate(monday.getUTCDate() - 1);
    await page.goto(`/bookings?week=${monday.toISOString().slice(0, 10)}&school=${school.id}`);
    await ready(page, 'Réservations');
    await expectInert(page, '/bookings', [`Salle ${SVG}`]);

    await page.goto('/training');
    await ready(page, 'Formations');
    await expectInert(page, '/training', [`Formation ${IMG}`]);

    await page.goto(`/training/${created.sessionId}`);
    await ready(page, `Formation ${IMG}`);
    await expectInert(page, '/training/$id', [
      `Formation ${IMG}`,
      `Programme ${SCRIPT}`,
      `Lieu ${SVG}`,
      `Formateur ${IFRAME}`,
    ]);

    await page.goto('/funding');
    await ready(page, 'Programmes de financement');
    await expectInert(page, '/funding', [`Programme ${IMG}`]);

    await page.goto(`/funding/programmes/${programme.id}`);
    await ready(page, `Programme ${IMG}`);
    await expectInert(page, '/funding/programmes/$id', [
      `Programme ${IMG}`,
      `Description ${SCRIPT}`,
      `Objectifs ${SVG}`,
    ]);
    await page.getByRole('tab', { name: 'Budget' }).click();
    await expectInert(page, '/funding/programmes/$id, budget', [`Poste ${SVG}`]);
    await page.getByRole('tab', { name: 'Indicateurs et publicité' }).click();
    await expectInert(page, '/funding/programmes/$id, indicators', [`Indicateur ${SCRIPT}`]);
    await expectAccessible(page, '/funding/programmes/$id, indicators with payloads');

    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/^(Chargement…|Loading…)$/)).toHaveCount(0);
    await expectInert(page, '/dashboard', []);

    // The server-rendered public page (no script at all), in both languages.
    for (const lang of ['', '?lang=en']) {
      await page.goto(`/public/${org.slug}${lang}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(`Ville ${IMG}`);
      await expectInert(page, `/public/${org.slug}${lang}`, [
        `Ville ${IMG}`,
        `Programme ${IMG}`,
        `Description ${SCRIPT}`,
        `Objectifs ${SVG}`,
        `Poste ${SVG}`,
        `Indicateur ${SCRIPT}`,
        `u ${IMG}`,
        `XSS ${SCRIPT}`,
      ]);
      await expect(page).toHaveTitle(
        lang ? `Schools’ digital plan — Ville ${IMG}` : `Plan numérique des écoles — Ville ${IMG}`,
      );
    }
    await page.goto(`/public/${org.slug}/data`);
    await expectInert(page, 'data dictionary', [`Ville ${IMG}`]);

    // The login page shows the organisation's name too.
    await page.context().clearCookies();
    await page.goto('/login');
    await ready(page, 'Connexion');
    await expectInert(page, '/login', [`Ville ${IMG}`], 'header');
  } finally {
    const undo: [method: 'post' | 'patch' | 'delete', url: string, data?: unknown][] = [];
    if (created.bookingId) undo.push(['post', `/api/bookings/${created.bookingId}/cancel`, {}]);
    if (created.sessionId) undo.push(['delete', `/api/training/sessions/${created.sessionId}`]);
    if (created.indicatorId) undo.push(['delete', `/api/funding/indicators/${created.indicatorId}`]);
    if (created.costItemId) undo.push(['delete', `/api/funding/cost-items/${created.costItemId}`]);
    if (created.programmeId) undo.push(['delete', `/api/funding/programmes/${created.programmeId}`]);
    if (created.originalOrgName) undo.push(['patch', '/api/organisation', { name: created.originalOrgName }]);
    for (const [method, url, data] of undo) {
      const status = await api.tidy(method, url, data);
      if (status >= 300) console.warn(`xss clean-up: ${method} ${url} answered ${status}`);
    }
    await api.logout();
  }
});
