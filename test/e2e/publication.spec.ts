import { expect, type Page } from '@playwright/test';
import { expectAccessible, pageReady, signIn, test, visit } from './helpers.ts';

/**
 * The public transparency page (issue #9, point 3): reached from the login
 * page, readable with JavaScript disabled (server-rendered figures), axe
 * clean in French and English, and its data dictionary.
 */

const NNBSP = '\u202f';

/**
 * The demo's programme as the page shows it. Earlier journeys (funding,
 * procurement) add expense lines to the shared database, so the eligible
 * total and the city's share move; the planned budget and the FEDER aid do
 * not. The exact demo amounts of a fresh database (1,490,666 / 1,173,000 /
 * 317,666) are checked by publication/routes.test.ts; here the financing
 * plan must add up: FEDER + the city's share = the total.
 */
async function expectProgrammeFigures(page: Page) {
  const main = page.getByRole('main');
  await expect(main).toContainText(/Budget prévu : 1\s490\s666 € HT/);
  await expect(main).toContainText(`1${NNBSP}173${NNBSP}000 € FEDER`);
  const plan = main.getByRole('table', { name: 'Plan de financement (montants hors taxes)' });
  await expect(plan.getByRole('row', { name: /autofinancement/ })).toContainText(/\d\s\d{3} €/);
  const values = await plan.locator('data').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('value'))));
  expect(values).toHaveLength(3);
  const [feder, owner, total] = values as [number, number, number];
  expect(feder).toBe(1_173_000);
  expect(feder + owner).toBe(total);
}

test('the login page links to the public page, which is accessible in French and English', async ({ page }) => {
  await page.goto('/login');
  await pageReady(page, 'Connexion');
  await page.getByRole('link', { name: /page publique et données ouvertes/ }).click();
  await expect(page).toHaveURL(/\/public\/ville-du-mans$/);
  await expect(page).toHaveTitle('Plan numérique des écoles — Ville du Mans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Plan numérique des écoles — Ville du Mans');
  await expectProgrammeFigures(page);
  // The EU emblem and mention are visible on arrival, without scrolling.
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('img', { name: 'Drapeau de l’Union européenne' })).toBeInViewport();
  await expect(
    banner.getByText('Ce projet est cofinancé par le Fonds européen de développement régional'),
  ).toBeInViewport();
  await expect(main.getByRole('img', { name: 'Carte des écoles' })).toBeVisible();
  await expect(main.getByRole('table', { name: /écoles : équipements en service/ })).toBeVisible();
  await expectAccessible(page, '/public/ville-du-mans');

  // The skip link reaches the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();

  await banner.getByRole('link', { name: 'Read this page in English' }).click();
  await expect(page).toHaveURL(/\/public\/ville-du-mans\?lang=en$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(main).toContainText('Planned budget: 1,490,666 € HT');
  await expect(main).toContainText('1,173,000 € FEDER');
  await expect(banner).toContainText('This project is co-financed by the European Regional Development Fund');
  await expectAccessible(page, '/public/ville-du-mans?lang=en');

  await main.getByRole('link', { name: 'Data dictionary' }).first().click();
  await expect(page).toHaveURL(/\/public\/ville-du-mans\/data\?lang=en$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data dictionary — Ville du Mans');
  await expectAccessible(page, '/public/ville-du-mans/data?lang=en');
  await page.getByRole('link', { name: 'Lire cette page en français' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dictionnaire des données ouvertes — Ville du Mans');
  await expectAccessible(page, '/public/ville-du-mans/data');
});

test('with JavaScript disabled the figures, the EU sentence and the tables are there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    const response = await page.goto('/public/ville-du-mans');
    expect(response?.status()).toBe(200);
    const main = page.getByRole('main');
    await expectProgrammeFigures(page);
    await expect(page.getByRole('banner')).toContainText(
      'Ce projet est cofinancé par le Fonds européen de développement régional',
    );
    await expect(main.getByRole('table', { name: /Indicateurs/ })).toContainText('Classes équipées');
    await expect(main).toContainText(/\d+ écoles sur \d+ atteignent le socle numérique de base/);
    // The stylesheet applied (CSP allowed it): the skip link is off-screen until focused.
    const skipLeft = await page.getByRole('link', { name: 'Aller au contenu' }).boundingBox();
    expect(skipLeft?.x ?? 0).toBeLessThan(0);
    // Printable: the print stylesheet hides the language switch.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('link', { name: 'Read this page in English' })).toBeHidden();
    await expect(main).toContainText(`1${NNBSP}173${NNBSP}000 € FEDER`);

    const en = await context.newPage();
    await en.goto('/public/ville-du-mans?lang=en');
    await expect(en.getByRole('main')).toContainText('Planned budget: 1,490,666 € HT');
    await expect(en.getByRole('banner')).toContainText('European Union');
  } finally {
    await context.close();
  }
});

test('an administrator withdraws the page and publishes it again', async ({ page }) => {
  await signIn(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Publication' }).click();
  await pageReady(page, 'Publication de la page de transparence');
  await expectAccessible(page, '/admin/publication');
  const box = page.getByRole('checkbox', { name: 'Publier la page de transparence et les données ouvertes' });
  await expect(box).toBeChecked();
  await box.uncheck();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Enregistré : la page et les données ne sont plus publiées.')).toBeVisible();
  expect((await page.request.get('/public/ville-du-mans')).status()).toBe(404);
  expect((await page.request.get('/public/ville-du-mans/data/schools.csv')).status()).toBe(404);
  await expectAccessible(page, '/admin/publication (not published)');
  await box.check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Enregistré : la page et les données sont publiées.')).toBeVisible();
  expect((await page.request.get('/public/ville-du-mans')).status()).toBe(200);
  await expect(page.getByRole('link', { name: 'Page de transparence' })).toHaveAttribute(
    'href',
    '/public/ville-du-mans',
  );
  await visit(page, '/admin/publication', 'Publication de la page de transparence');
});
