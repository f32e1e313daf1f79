import { expect } from '@playwright/test';
import { expectAccessible, pageReady, signIn, test, visit } from './helpers.ts';

/**
 * Single sign-on administration (issue #11 point 1): an admin adds an
 * OpenID Connect provider; the login page then offers its button, which
 * leads to the provider's start route. The sign-in round trip itself runs
 * against a real provider in src/server/modules/identity/oidc.test.ts. The
 * provider is deleted at the end, so later journeys see the usual login page.
 */

test('an admin adds an identity provider; the login page shows its button', async ({ page }) => {
  await signIn(page);
  await visit(page, '/admin/identity-providers', 'Connexion unique (OpenID Connect)');
  await expect(page.getByText('Aucun fournisseur d’identité n’est configuré.')).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter un fournisseur' }).click();
  await page.getByRole('textbox', { name: 'Nom affiché' }).fill('Annuaire de la ville');
  // An http issuer off loopback is refused, named on its field.
  await page
    .getByRole('textbox', { name: 'URL de l’émetteur (issuer)' })
    .fill('http://sso.ville.example/realms/agents');
  await page.getByRole('textbox', { name: 'Identifiant client' }).fill('socle');
  await page.getByLabel('Secret client').fill('un secret client assez long');
  await page.getByRole('textbox', { name: 'Groupes → rôles' }).fill('socle-enseignants = teacher');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('L’émetteur doit être une adresse https.')).toBeVisible();
  await expectAccessible(page, '/admin/identity-providers (form with an error)');

  await page
    .getByRole('textbox', { name: 'URL de l’émetteur (issuer)' })
    .fill('https://sso.ville.example/realms/agents');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Enregistré.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Fournisseurs d’identité' });
  await expect(table.getByRole('row', { name: /Annuaire de la ville/ })).toContainText('Activé');

  // The secret is never shown again; the redirect URI to register is.
  await page.getByRole('button', { name: 'Modifier Annuaire de la ville' }).click();
  await expect(page.getByText('Un secret est enregistré (chiffré). Laisser vide pour le conserver.')).toBeVisible();
  await expect(page.getByText(/\/api\/auth\/oidc\/callback$/)).toBeVisible();
  await expectAccessible(page, '/admin/identity-providers (edit form)');
  await page.getByRole('button', { name: 'Annuler' }).click();

  // Signed out, the login page offers the provider.
  await page.context().clearCookies();
  await page.goto('/login');
  await pageReady(page, 'Connexion');
  const button = page.getByRole('link', { name: 'Se connecter avec Annuaire de la ville' });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('href', /^\/api\/auth\/oidc\/[0-9a-f-]{36}\/start$/);
  await expectAccessible(page, '/login with a provider');

  // A refused sign-in comes back with its reason.
  await page.goto('/login?sso=account');
  await pageReady(page, 'Connexion');
  await expect(page.getByText('Aucun compte Socle ne correspond à votre adresse.', { exact: false })).toBeVisible();

  // Clean up: later journeys expect the login page without a provider.
  await signIn(page);
  await page.goto('/admin/identity-providers');
  await pageReady(page, 'Connexion unique (OpenID Connect)');
  await page.getByRole('button', { name: 'Modifier Annuaire de la ville' }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Supprimer le fournisseur' }).click();
  await expect(page.getByText('Fournisseur supprimé.')).toBeVisible();
  await expect(page.getByText('Aucun fournisseur d’identité n’est configuré.')).toBeVisible();
});
