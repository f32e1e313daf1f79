import { expect } from '@playwright/test';
import {
  chooseLanguageSignedIn,
  createUserViaApi,
  expectAccessible,
  pageReady,
  signIn,
  test,
  uniqueEmail,
  visit,
} from './helpers.ts';

test('a teacher sees neither Users nor Audit, and /users answers "not found"', async ({ page, request }) => {
  const email = uniqueEmail('teacher');
  const password = 'Trois mots de passe solides';
  await createUserViaApi(request, { email, displayName: 'Dominique Professeur', roles: ['teacher'], password });

  await signIn(page, email, password);
  await expectAccessible(page, '/home (teacher)');
  await expect(page.getByRole('main')).toContainText('Enseignement');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Accueil' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Mon compte' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Utilisateurs' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Journal d’audit' })).toHaveCount(0);

  await visit(page, '/users', 'Page introuvable');
  await expect(page.getByRole('main')).toContainText('vous n’avez pas les droits');
  await visit(page, '/audit', 'Page introuvable');

  // No API tokens for teachers; the rest of the account page is there.
  await visit(page, '/account', 'Mon compte');
  await expect(page.getByRole('heading', { name: 'Jetons d’API' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Changer de mot de passe' })).toBeVisible();

  // The accessibility statement, signed in, keeps the signed-in layout.
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Accessibilité' })
    .click();
  await pageReady(page, 'Déclaration d’accessibilité');
  await expect(nav).toBeVisible();
  await expectAccessible(page, '/accessibilite (signed in)');

  // "Sign out everywhere" ends the session.
  await visit(page, '/account', 'Mon compte');
  await page.getByRole('button', { name: 'Se déconnecter partout' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await pageReady(page, 'Connexion');
});

test('an account whose language is English gets the English UI until the user picks another', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('english');
  const password = 'Four words of passphrase';
  await createUserViaApi(request, { email, displayName: 'Alex Reader', roles: ['auditor'], password, locale: 'en' });
  await page.goto('/login');
  await pageReady(page, 'Connexion');
  await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/home$/);
  await pageReady(page, 'Home');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Alex Reader');
  // Auditors read users and the audit log, but do not manage them.
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Users' }).click();
  await pageReady(page, 'Users');
  await expect(page.getByRole('button', { name: 'Create an account' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expectAccessible(page, '/users (auditor, en)');
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await pageReady(page, 'Audit log');
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'no tampering detected' })).toBeVisible();
  await expectAccessible(page, '/audit (auditor, en)');

  await chooseLanguageSignedIn(page, 'Français');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.reload();
  await pageReady(page, 'Journal d’audit');
});
