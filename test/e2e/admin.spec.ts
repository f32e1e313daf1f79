import { expect } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD } from './env.ts';
import { chooseLanguageSignedIn, expectAccessible, pageReady, signIn, test, uniqueEmail, visit } from './helpers.ts';

test('admin: home, navigation, create a teacher, audit journal, integrity', async ({ page }) => {
  await signIn(page);
  // After signing in, the focus is on the new page's heading.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expectAccessible(page, '/home');
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bienvenue, ${ADMIN_NAME}`);
  await expect(main).toContainText('Ville du Mans');
  await expect(main).toContainText('Administration');

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  for (const name of ['Accueil', 'Utilisateurs', 'Journal d’audit', 'Mon compte', 'Accessibilité']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');

  // A route change moves the focus to the new page's heading.
  await nav.getByRole('link', { name: 'Utilisateurs' }).click();
  await pageReady(page, 'Utilisateurs');
  await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeFocused();
  await expect(page.getByRole('table')).toContainText('e2e-admin@example.org');
  await expectAccessible(page, '/users');

  // Filters: search and role.
  await page.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption('auditor');
  await expect(page.getByRole('status').filter({ hasText: 'Comptes trouvés : 1' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('auditor@ville-du-mans.example');
  await page.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption('');

  // Create a teacher: a weak password first.
  const email = uniqueEmail('teacher');
  await page.getByRole('button', { name: 'Créer un compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Créer un compte' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await dialog.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill('Camille Enseignante');
  await dialog.getByRole('checkbox', { name: 'Enseignement' }).check();
  await dialog.getByRole('combobox', { name: 'Écoles' }).fill('Busson');
  await page.getByRole('option', { name: /Suzanne Busson/ }).click();
  await dialog.getByRole('textbox', { name: 'Mot de passe initial', exact: true }).fill('court');
  await expectAccessible(page, '/users, create dialog');
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();
  const passwordField = dialog.getByRole('textbox', { name: 'Mot de passe initial', exact: true });
  await expect(passwordField).toHaveAttribute('aria-invalid', 'true');
  await expect(passwordField).toHaveAccessibleDescription(/au moins 12 caractères/);
  await expect(passwordField).toBeFocused();
  await expectAccessible(page, '/users, create dialog with errors');

  await passwordField.fill('Une phrase de passe solide');
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Compte créé : Camille Enseignante.' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(email);
  const row = page.getByRole('row', { name: /Camille Enseignante/ });
  await expect(row).toContainText('Enseignement');
  await expect(row).toContainText('Suzanne Busson');

  // The same e-mail again: the field says so.
  await page.getByRole('button', { name: 'Créer un compte' }).click();
  await dialog.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await dialog.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill('Doublon');
  await dialog.getByRole('checkbox', { name: 'Enseignement' }).check();
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Adresse e-mail', exact: true })).toHaveAccessibleDescription(
    /Un compte utilise déjà cette adresse/,
  );
  await dialog.getByRole('button', { name: 'Annuler' }).click();

  // Edit: deactivate and rename.
  await row.getByRole('button', { name: /Modifier/ }).click();
  const edit = page.getByRole('dialog', { name: /Modifier le compte de Camille Enseignante/ });
  await expectAccessible(page, '/users, edit dialog');
  // Setting a password: the weak one is refused on its field, the strong one confirmed.
  const newPassword = edit.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true });
  await newPassword.fill('aaaaaaaaaaaaaaaa');
  await edit.getByRole('button', { name: 'Définir le mot de passe' }).click();
  await expect(newPassword).toHaveAccessibleDescription(/répète trop les mêmes caractères/);
  await newPassword.fill('Une toute nouvelle phrase');
  await edit.getByRole('button', { name: 'Définir le mot de passe' }).click();
  await expect(edit.getByRole('status').filter({ hasText: 'Mot de passe défini.' })).toBeVisible();
  await edit.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill('Camille Enseignante-Martin');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Compte modifié : Camille Enseignante-Martin.' }),
  ).toBeVisible();

  // The audit journal shows the creation; its details expand; the chain verifies.
  await nav.getByRole('link', { name: 'Journal d’audit' }).click();
  await pageReady(page, 'Journal d’audit');
  await expectAccessible(page, '/audit');
  await page.getByRole('textbox', { name: 'Action', exact: true }).fill('user.created');
  await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
  const event = page.getByRole('row').filter({ hasText: 'Compte créé' }).first();
  await expect(event).toContainText(ADMIN_NAME);
  await event.getByRole('button', { name: /Afficher/ }).click();
  await expect(page.locator('pre').filter({ hasText: email })).toBeVisible();
  await expect(event.getByRole('button', { name: /Masquer/ })).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, '/audit with details');

  await page.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'aucune altération détectée' })).toBeVisible();
  await expectAccessible(page, '/audit after verification');
});

test('admin: a display name with HTML is shown as text, never run', async ({ page }) => {
  await signIn(page);
  await visit(page, '/users', 'Utilisateurs');
  const payload = '<img src=x onerror="window.__socleXss=1"><script>window.__socleXss=2</script>';
  await page.getByRole('button', { name: 'Créer un compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Créer un compte' });
  const email = uniqueEmail('xss');
  await dialog.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await dialog.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill(payload);
  await dialog.getByRole('checkbox', { name: 'Contrôle (lecture seule)' }).check();
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(email);
  await expect(page.getByRole('rowheader', { name: payload, exact: true })).toBeVisible();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __socleXss?: number }).__socleXss)).toBeUndefined();

  // Also where the audit journal shows it.
  await visit(page, '/audit', 'Journal d’audit');
  await page
    .getByRole('row')
    .filter({ hasText: 'Compte créé' })
    .first()
    .getByRole('button', { name: /Afficher/ })
    .click();
  // JSON escapes the quotes; the tags must be there as text.
  await expect(page.locator('pre').filter({ hasText: '<script>window.__socleXss=2</script>' })).toBeVisible();
  await expect(page.locator('main img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __socleXss?: number }).__socleXss)).toBeUndefined();
});

test('admin: switching to English translates the shell, and the choice persists', async ({ page }) => {
  await signIn(page);
  await chooseLanguageSignedIn(page, 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await pageReady(page, 'Home');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${ADMIN_NAME}`);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Accessibility: non-compliant (not evaluated)');
  await expectAccessible(page, '/home (en)');

  await page.reload();
  await pageReady(page, 'Home');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await visit(page, '/users', 'Users');
  await visit(page, '/audit', 'Audit log');
  await visit(page, '/account', 'My account');

  await chooseLanguageSignedIn(page, 'Français');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await pageReady(page, 'Mon compte');
});

test('account: an API token is shown once, works, and is revoked', async ({ page, request }) => {
  await signIn(page);
  await page.getByRole('button', { name: /Menu du compte/ }).click();
  await page.getByRole('menuitem', { name: 'Mon compte' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await pageReady(page, 'Mon compte');
  await expectAccessible(page, '/account');

  await page.getByRole('textbox', { name: 'Nom du jeton', exact: true }).fill('Export e2e');
  await page.getByRole('button', { name: 'Créer le jeton' }).click();
  const secret = page.getByTestId('new-token');
  await expect(secret).toHaveText(/^socle_pat_/);
  await expect(page.getByRole('status').filter({ hasText: 'il ne sera plus jamais affiché' })).toBeVisible();
  const token = (await secret.textContent()) ?? '';
  await expectAccessible(page, '/account with a new token');

  const withToken = { headers: { Authorization: `Bearer ${token}` } };
  expect((await request.get('/api/auth/me', withToken)).status()).toBe(200);

  // Shown once: gone after a reload; the list keeps only its prefix.
  await page.reload();
  await pageReady(page, 'Mon compte');
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  await expect(page.getByText(token)).toHaveCount(0);
  const row = page.getByRole('row', { name: /Export e2e/ });
  await expect(row).toContainText('Actif');

  await row.getByRole('button', { name: /Révoquer/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Révoquer le jeton' });
  await expectAccessible(page, '/account, revoke dialog');
  await confirm.getByRole('button', { name: 'Révoquer' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Révoqué');
  expect((await request.get('/api/auth/me', withToken)).status()).toBe(401);
  await expectAccessible(page, '/account after revocation');
});

test('account: a wrong current password is reported on its field', async ({ page }) => {
  await signIn(page);
  await visit(page, '/account', 'Mon compte');
  await page.getByRole('textbox', { name: 'Mot de passe actuel', exact: true }).fill('not-my-password');
  await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill('Une autre phrase de passe');
  await page
    .getByRole('textbox', { name: 'Confirmer le nouveau mot de passe', exact: true })
    .fill('Une autre phrase de passe');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  const current = page.getByRole('textbox', { name: 'Mot de passe actuel', exact: true });
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription(/Le mot de passe actuel est incorrect/);
  await expectAccessible(page, '/account with a password error');
});

test('keyboard when signed in: skip link first, then the content', async ({ page }) => {
  await signIn(page);
  await page.reload();
  await pageReady(page, 'Accueil');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('logout returns to the login page and closes the session', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: /Menu du compte/ }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await pageReady(page, 'Connexion');
  await page.goto('/home');
  await expect(page).toHaveURL(/\/login\?redirect=%2Fhome$/);
});

test('a session that ends elsewhere sends back to the login page, then to the page asked for', async ({
  page,
  context,
}) => {
  await signIn(page);
  await context.clearCookies();
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Utilisateurs' })
    .click();
  await expect(page).toHaveURL(/\/login\?redirect=%2Fusers&expired=true$/);
  await pageReady(page, 'Connexion');
  await expect(page.getByRole('alert')).toContainText('Votre session a pris fin');
  await expectAccessible(page, '/login after expiry');
  await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(ADMIN_EMAIL);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/users$/);
  await pageReady(page, 'Utilisateurs');
});
