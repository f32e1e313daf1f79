import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './env.ts';
import { createUserViaApi, expectAccessible, pageReady, signIn, test, uniqueEmail } from './helpers.ts';

/**
 * A director of a demo school opens a breakdown ticket "Vidéoprojecteur en
 * panne" on a projector of their school; a technician of that school finds
 * it in their queue, takes it in hand and resolves it; the director sees it
 * resolved and rates it. axe runs on the list, the dialog and the ticket
 * page. The projector is never sent to repair (the demo database is shared).
 * Last, "Signaler une panne" on the asset page opens the dialog on it.
 */

const PASSWORD = 'Helpdesk-Journey-Correct-Horse-42';

interface Projector {
  id: string;
  schoolId: string;
  tag: string;
}

/** A deployed projector of a demo school (as the admin, through the API). */
async function findProjector(request: APIRequestContext): Promise<Projector> {
  const login = await request.post('/api/auth/login', { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  try {
    const answer = await request.get('/api/assets?categoryRole=projection&status=deployed&limit=50');
    expect(answer.status()).toBe(200);
    const { items } = (await answer.json()) as { items: { id: string; tag: string; school: { id: string } | null }[] };
    const projector = items.find((a) => a.school);
    if (!projector?.school) throw new Error('no deployed projector in a demo school');
    return { id: projector.id, schoolId: projector.school.id, tag: projector.tag };
  } finally {
    await request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } });
  }
}

async function switchUser(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, email, PASSWORD);
}

test('helpdesk: a director reports a projector, a technician resolves it, the director rates it', async ({
  page,
  request,
}) => {
  const { id: assetId, schoolId, tag } = await findProjector(request);
  const director = uniqueEmail('helpdesk-director');
  const technician = uniqueEmail('helpdesk-technician');
  await createUserViaApi(request, {
    email: director,
    displayName: 'Hélène Signalement',
    roles: ['director'],
    password: PASSWORD,
    schoolIds: [schoolId],
  });
  await createUserViaApi(request, {
    email: technician,
    displayName: 'Théo Dépannage',
    roles: ['technician'],
    password: PASSWORD,
    schoolIds: [schoolId],
  });
  const title = `Vidéoprojecteur en panne ${Date.now().toString(36)}`;

  // The director opens the ticket from the helpdesk list.
  await signIn(page, director, PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Assistance', exact: true }).click();
  await expect(page).toHaveURL(/\/helpdesk$/);
  await pageReady(page, 'Assistance');
  await expectAccessible(page, 'helpdesk list');

  await page.getByRole('button', { name: 'Nouveau ticket' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau ticket' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Catégorie' })).toHaveValue('breakdown');
  // Nothing filled: the title is named as missing.
  await dialog.getByRole('button', { name: 'Ouvrir le ticket' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Titre' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: 'Titre' }).fill(title);
  await dialog.getByRole('textbox', { name: 'Description' }).fill('L’image ne s’affiche plus depuis ce matin.');
  await dialog.getByRole('combobox', { name: 'Priorité' }).selectOption('high');
  await dialog.getByRole('searchbox', { name: 'Équipements concernés' }).fill(tag);
  await dialog.getByRole('checkbox', { name: new RegExp(`^${tag} — `) }).check();
  await expect(dialog.getByRole('checkbox', { name: new RegExp(`^${tag} — `) })).toBeChecked();
  await expectAccessible(page, 'new ticket dialog');
  await dialog.getByRole('button', { name: 'Ouvrir le ticket' }).click();

  await expect(page).toHaveURL(/\/helpdesk\/[0-9a-f-]{36}$/);
  const ticketUrl = new URL(page.url()).pathname;
  await pageReady(page, title);
  await expect(page.getByText('Nouveau', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: tag })).toBeVisible();
  await expectAccessible(page, 'ticket page (director)');

  // The technician finds it in their queue, takes it in hand and resolves it.
  await switchUser(page, technician);
  await page.goto('/helpdesk?tab=queue');
  await pageReady(page, 'Assistance');
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Non attribué');
  await expectAccessible(page, 'technician queue');
  await row.getByRole('link', { name: title }).click();
  await pageReady(page, title);
  await page.getByRole('button', { name: 'Prendre en charge' }).click();
  await expect(page.getByRole('status').filter({ hasText: '« En cours »' })).toBeVisible();
  await expect(page.getByText('Théo Dépannage').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Commentaire' }).fill('Lampe à vérifier, pièce en stock.');
  await page.getByRole('checkbox', { name: /^Commentaire interne/ }).check();
  await page.getByRole('button', { name: 'Ajouter le commentaire' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Lampe à vérifier' })).toContainText('Interne');
  await page.getByRole('textbox', { name: 'Note publique (facultative)' }).fill('Lampe remplacée.');
  await page.getByRole('button', { name: 'Résoudre' }).click();
  await expect(page.getByRole('status').filter({ hasText: '« Résolu »' })).toBeVisible();
  await expectAccessible(page, 'ticket page (technician, resolved)');

  // The director sees it resolved (never the internal comment) and rates it.
  await switchUser(page, director);
  await page.goto(ticketUrl);
  await pageReady(page, title);
  await expect(page.getByText('Résolu', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Lampe remplacée.')).toBeVisible();
  await expect(page.getByText('Lampe à vérifier')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Note' }).selectOption('5');
  await expectAccessible(page, 'satisfaction form');
  await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merci pour votre avis.' })).toBeVisible();
  await expect(page.getByText(/^Note : 5 sur 5/)).toBeVisible();
  await expectAccessible(page, 'ticket page (director, rated)');

  // From the asset page, "Signaler une panne" opens the dialog on that projector (cancelled here).
  await page.goto(`/assets/${assetId}`);
  await page.getByRole('link', { name: 'Signaler une panne' }).click();
  const report = page.getByRole('dialog', { name: 'Nouveau ticket' });
  await expect(report.getByRole('checkbox', { name: new RegExp(`^${tag} — `) })).toBeChecked();
  await report.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(report).toHaveCount(0);
  await expect(page).toHaveURL(/\/helpdesk$/);
});
