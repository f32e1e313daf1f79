import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './env.ts';

/**
 * Every journey also fails on an uncaught exception or a console error (a
 * Content-Security-Policy refusal, a React error). HTTP error answers that
 * the UI handles (401 on /api/auth/me when signed out…) are expected: the
 * browser logs them as "Failed to load resource".
 */
export const test = base.extend<{ consoleGuard: undefined }>({
  consoleGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          problems.push(`console: ${message.text()}`);
        }
      });
      await use(undefined);
      expect(problems, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Waits until the page shows its h1 and title and has finished loading. */
export async function pageReady(page: Page, title: string): Promise<void> {
  await expect(page).toHaveTitle(`${title} — Socle`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByText(/^(Chargement…|Loading…)$/)).toHaveCount(0);
}

/**
 * Whether this run checks accessibility. The pages do not depend on the
 * database engine, and axe is about half of the journeys' time: `npm test`
 * runs it on PGlite (the pass every machine runs), not again on PostgreSQL,
 * unless SOCLE_E2E_AXE=1 asks for it.
 */
export const AXE_ENABLED = !process.env.DATABASE_URL || process.env.SOCLE_E2E_AXE === '1';

/** axe on the page as it is now: no WCAG 2.1 A/AA violation allowed. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  if (!AXE_ENABLED) return;
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n    ')}`,
  );
  expect(violations, `axe violations on ${what}`).toEqual([]);
}

/** Visit, wait, check: what every journey does on every page. */
export async function visit(page: Page, path: string, title: string): Promise<void> {
  await page.goto(path);
  await pageReady(page, title);
  await expectAccessible(page, path);
}

export async function signIn(page: Page, email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto('/login');
  await pageReady(page, 'Connexion');
  await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/home$/);
  await pageReady(page, 'Accueil');
}

/** Signed in, the header's language switch also saves the language to the account: wait for that. */
export async function chooseLanguageSignedIn(page: Page, name: 'Français' | 'English'): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH');
  await page.getByRole('button', { name }).click();
  expect((await saved).status()).toBe(200);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
}

/** Creates an account through the API, as the bootstrap admin (journeys needing another role). */
export async function createUserViaApi(
  request: APIRequestContext,
  user: {
    email: string;
    displayName: string;
    roles: string[];
    password: string;
    schoolIds?: string[];
    locale?: 'fr' | 'en';
  },
): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await request.post('/api/users', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { locale: 'fr', schoolIds: [], ...user },
  });
  expect(created.status(), await created.text()).toBe(201);
  await request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } });
}
