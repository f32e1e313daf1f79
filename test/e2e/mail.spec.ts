import { expect } from '@playwright/test';
import { startSmtpServer } from '../helpers/smtp.ts';
import { ADMIN_EMAIL } from './env.ts';
import { expectAccessible, pageReady, signIn, test } from './helpers.ts';

test('admin: set the mail server, send a test mail, see it in the latest mails', async ({ page }) => {
  // A real SMTP server in this process: the Socle server (another process) sends to it.
  const smtp = await startSmtpServer();
  try {
    await signIn(page);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Messagerie', exact: true }).click();
    await pageReady(page, 'Messagerie');
    await expect(page.getByRole('alert').filter({ hasText: 'Aucun serveur de messagerie' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Envoyer un message de test' })).toBeDisabled();
    await expectAccessible(page, '/admin/mail');

    // Required fields first.
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const host = page.getByRole('textbox', { name: 'Serveur (nom ou adresse)' });
    await expect(host).toHaveAttribute('aria-invalid', 'true');
    await expect(host).toBeFocused();
    await expectAccessible(page, '/admin/mail with errors');

    await host.fill('127.0.0.1');
    await page.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port));
    await page.getByRole('combobox', { name: 'Chiffrement' }).selectOption('none');
    await page.getByRole('textbox', { name: 'Identifiant' }).fill('socle');
    await page.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe de test');
    await page.getByRole('textbox', { name: 'Adresse d’expédition' }).fill('prets@ville-du-mans.example');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Réglages enregistrés.' })).toBeVisible();
    await expect(page.getByText('Un mot de passe est enregistré : laissez vide pour le garder.')).toBeVisible();
    await expect(page.getByLabel('Mot de passe', { exact: true })).toHaveValue('');

    await page.getByRole('button', { name: 'Envoyer un message de test' }).click();
    await expect(page.getByText(`Message de test envoyé à ${ADMIN_EMAIL}.`)).toBeVisible();
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual([ADMIN_EMAIL]);
    expect(mail?.subject).toContain('message de test de Socle');
    const log = page.getByRole('table', { name: 'Derniers courriels envoyés' });
    await expect(log.getByRole('row', { name: /Message de test/ })).toContainText('Envoyé');
    await expectAccessible(page, '/admin/mail after a test mail');

    // Back to no server, so that other journeys find the instance as it was.
    await page.getByRole('button', { name: 'Retirer ces réglages' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Aucun serveur de messagerie' })).toBeVisible();
  } finally {
    await smtp.close();
  }
});
