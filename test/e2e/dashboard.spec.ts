import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './env.ts';
import { createUserViaApi, expectAccessible, pageReady, signIn, test, uniqueEmail } from './helpers.ts';

/**
 * The dashboards on the demo (issue #9): a manager's home shows the key
 * figures, the charts, the socle map and the per-school table, axe clean;
 * a figure's link lands on its list, which counts the same; the load time
 * (navigation start to figures visible) is measured and reported, not
 * asserted. A director lands on their school's dashboard, axe clean, and
 * sees only their school.
 */

const PASSWORD = 'Tableau-De-Bord-Correct-Horse-42';

/** A demo school with deployed devices (as the admin, through the API). */
async function demoSchool(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const login = await request.post('/api/auth/login', { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  try {
    const answer = await request.get('/api/dashboard');
    expect(answer.status()).toBe(200);
    const board = (await answer.json()) as {
      perSchool: { id: string; name: string; devicesInService: number | null; socle: string | null }[];
    };
    const school = board.perSchool.find((s) => (s.devicesInService ?? 0) > 0 && s.socle !== 'out_of_scope');
    if (!school) throw new Error('no demo school with devices');
    return school;
  } finally {
    await request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } });
  }
}

/** The figure's card: its label, its value, its link. */
const figure = (page: Page, label: string) =>
  page.getByRole('list', { name: 'Chiffres clés' }).getByRole('listitem').filter({ hasText: label }).first();

/** "1 234" (French digit grouping, narrow no-break spaces) as a number. */
const count = (text: string) => Number(text.replace(/[^\d]/g, ''));

test('dashboard: a manager’s figures, charts, map and table; a figure’s link counts the same; load time', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('dashboard-manager');
  await createUserViaApi(request, { email, displayName: 'Manon Pilotage', roles: ['manager'], password: PASSWORD });
  await signIn(page, email, PASSWORD);

  // Load time: a fresh navigation to /home, until the figures are on screen.
  const answered = page.waitForResponse((r) => r.url().includes('/api/dashboard'));
  await page.goto('/home');
  const devices = figure(page, 'Équipements en service');
  await expect(devices.locator('[data-figure-value]')).toHaveText(/\d/);
  // The page marks the moment its figures are first rendered (FIGURES_MARK in dashboard/figures.tsx).
  const visibleAfterMs = await page.evaluate(() =>
    Math.round(performance.getEntriesByName('socle:dashboard-figures')[0]?.startTime ?? Number.NaN),
  );
  const api = await answered;
  const { tookMs } = (await api.json()) as { tookMs: number };
  const timing = (await api.request().timing()) as { responseEnd: number; startTime: number };
  const report = `dashboard: figures visible ${visibleAfterMs} ms after navigation start; API ${Math.round(timing.responseEnd)} ms round trip, ${tookMs} ms on the server`;
  console.log(report);
  test.info().annotations.push({ type: 'dashboard load time', description: report });

  await pageReady(page, 'Accueil');
  await expect(page.getByRole('search', { name: 'Filtres du tableau de bord' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Carte des écoles selon le socle numérique' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Chiffres clés par école' })).toBeVisible();
  await expect(page.getByRole('figure', { name: /^Équipements en service, \d{4}-\d{4}$/ })).toBeVisible();
  for (const label of [
    'Écoles au socle numérique',
    'Classes au socle numérique',
    'Prêts en cours',
    'Tickets ouverts',
  ]) {
    await expect(figure(page, label)).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Budget des programmes' })).toBeVisible();
  await expectAccessible(page, '/home (staff dashboard)');

  // The devices figure leads to the assets list with the same count.
  const value = count((await devices.locator('[data-figure-value]').textContent()) ?? '');
  expect(value).toBeGreaterThan(0);
  await devices.getByRole('link', { name: 'Voir les équipements en service' }).click();
  await expect(page).toHaveURL(/\/assets\?/);
  await pageReady(page, 'Équipements');
  const found = page.getByRole('status').filter({ hasText: 'Équipements trouvés' });
  await expect(found).toHaveText(/\d/);
  expect(count((await found.textContent()) ?? '')).toBe(value);

  // And the overdue loans figure, its list.
  await page.goBack();
  await pageReady(page, 'Accueil');
  const overdue = figure(page, 'Prêts en retard');
  await expect(overdue.locator('[data-figure-value]')).toHaveText(/\d/);
  const overdueCount = count((await overdue.locator('[data-figure-value]').textContent()) ?? '');
  await overdue.getByRole('link', { name: 'Voir les prêts en retard' }).click();
  await expect(page).toHaveURL(/\/loans\?overdue=true/);
  const loans = page.getByRole('status').filter({ hasText: /prêt\(s\)/ });
  await expect(loans).toHaveText(/\d/);
  expect(count((await loans.textContent()) ?? '')).toBe(overdueCount);

  // A filter lives in the URL.
  await page.goto('/home');
  await pageReady(page, 'Accueil');
  await page.getByRole('combobox', { name: 'Éducation prioritaire' }).selectOption('REP+');
  await expect(page).toHaveURL(/priority=REP%2B/);
  await expect(page.getByRole('table', { name: 'Chiffres clés par école' })).toContainText('REP+');
  await expect(page.getByRole('table', { name: 'Chiffres clés par école' })).not.toContainText(/\bNon\b/);
});

test('dashboard: a director lands on their school’s dashboard, axe clean, their school only', async ({
  page,
  request,
}) => {
  const school = await demoSchool(request);
  const email = uniqueEmail('dashboard-director');
  await createUserViaApi(request, {
    email,
    displayName: 'Denise Direction',
    roles: ['director'],
    password: PASSWORD,
    schoolIds: [school.id],
  });
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('heading', { level: 2, name: school.name, exact: true })).toBeVisible();
  const devices = figure(page, 'Équipements en service');
  await expect(devices.locator('[data-figure-value]')).toHaveText(/\d/);
  for (const label of ['Socle numérique', 'Prêts en cours', 'Réservations cette semaine', 'Tickets ouverts']) {
    await expect(figure(page, label)).toBeVisible();
  }
  await expect(
    page.getByRole('table', { name: `Équipements en service de ${school.name}, par catégorie` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Budget des programmes' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Chiffres clés par école' })).toHaveCount(0);
  await expectAccessible(page, '/home (school dashboard)');

  // Its devices figure leads to the school's assets, the same count.
  const value = count((await devices.locator('[data-figure-value]').textContent()) ?? '');
  await devices.getByRole('link', { name: 'Voir les équipements en service' }).click();
  await expect(page).toHaveURL(new RegExp(`schoolId=${school.id}`));
  const found = page.getByRole('status').filter({ hasText: 'Équipements trouvés' });
  await expect(found).toHaveText(/\d/);
  expect(count((await found.textContent()) ?? '')).toBe(value);

  // Another school's dashboard is not theirs.
  const other = await page.request.get('/api/dashboard?schoolId=00000000-0000-4000-8000-000000000000');
  expect(other.status()).toBe(404);
});
