import { expect } from '@playwright/test';
import { expectAccessible, pageReady, test, uniqueEmail, visit } from './helpers.ts';

test('signed out, / leads to the login page, which shows the organisation', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await pageReady(page, 'Connexion');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Ville du Mans');
  await expect(page.getByRole('contentinfo')).toContainText('Accessibilité : non conforme (non évalué)');
  await expectAccessible(page, '/login');
});

test('signed-in pages send strangers to the login page', async ({ page }) => {
  await page.goto('/users');
  await expect(page).toHaveURL(/\/login\?redirect=%2Fusers$/);
  await pageReady(page, 'Connexion');
});

test('the accessibility statement is public and complete', async ({ page }) => {
  await page.goto('/login');
  await pageReady(page, 'Connexion');
  await page.getByRole('link', { name: 'Déclaration d’accessibilité' }).click();
  await expect(page).toHaveURL(/\/accessibilite$/);
  await pageReady(page, 'Déclaration d’accessibilité');
  const main = page.getByRole('main');
  await expect(main).toContainText('non conforme (non évalué)');
  await expect(main).toContainText('RGAA');
  await expect(main).toContainText('4.1');
  await expect(main.getByRole('heading', { name: 'Retour d’information et contact' })).toBeVisible();
  // No contact address configured: the city's digital service is named instead.
  await expect(main).toContainText('service numérique de votre ville');
  await expect(main.getByRole('heading', { name: 'Voies de recours' })).toBeVisible();
  await expect(main.getByRole('link', { name: /Défenseur des droits \(formulaire en ligne\)/ })).toHaveAttribute(
    'href',
    'https://formulaire.defenseurdesdroits.fr/',
  );
  await expect(main).toContainText('Libre réponse 71120');
  await expect(main).toContainText('75342 Paris CEDEX 07');
  await expectAccessible(page, '/accessibilite');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await pageReady(page, 'Accessibility statement');
  await expect(main.getByRole('heading', { name: 'Remedies' })).toBeVisible();
  await expect(main).toContainText('non-compliant (not evaluated)');
  await expectAccessible(page, '/accessibilite (en)');
});

test('a wrong password shows the translated error', async ({ page }) => {
  await visit(page, '/login', 'Connexion');
  await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill('e2e-admin@example.org');
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('not-the-right-password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Adresse e-mail ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page, '/login with an error');
});

test('an invalid e-mail gets a field-level message', async ({ page }) => {
  await visit(page, '/login', 'Connexion');
  await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill('pas-une-adresse');
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('whatever-password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const email = page.getByRole('textbox', { name: 'Adresse e-mail', exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Saisissez une adresse e-mail valide/);
  await expect(email).toBeFocused();
  await expectAccessible(page, '/login with a field error');
});

test('repeated failures are throttled, with the delay', async ({ page }) => {
  await page.goto('/login');
  await pageReady(page, 'Connexion');
  const email = uniqueEmail('throttled');
  await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('wrong-password-again');
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
  }
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toContainText(
    /Trop de tentatives de connexion échouées\. Réessayez dans \d+ minute/,
  );
});

test('keyboard: the first Tab reaches the skip link, Enter moves to the content', async ({ page }) => {
  // From "/", which redirects to the login page: the redirect must not steal the focus.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await pageReady(page, 'Connexion');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  await page.keyboard.press('Tab');
  // The next stop is inside the content, not back in the header.
  await expect(page.locator('main#main :focus')).toHaveCount(1);
});

test('unknown pages answer "page not found"', async ({ page }) => {
  await visit(page, '/nowhere', 'Page introuvable');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
});
