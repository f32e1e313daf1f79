import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './env.ts';
import { createUserViaApi, expectAccessible, pageReady, signIn, test, uniqueEmail } from './helpers.ts';

/**
 * A director of a demo school opens a breakdown ticket "Vidéoprojecteur en
 * panne" on a projector of their school; a technician of that school finds
 * it in their queue, takes it in hand and resolves it; the director sees it
 * resolved and rates it. axe runs on the list, the dialog and the ticket
 * page. On the way: the ticket's number (found by the list's search), a
 * photo attached and downloaded, an assignment to another technician and
 * back, and the projector sent to repair and brought back (so the shared
 * demo database keeps it deployed). Last, "Signaler une panne" on the asset
 * page opens the dialog on it.
 */

/** A 1×1 PNG: the server reads the type from these bytes. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

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
  // Three people, an attachment, an assignment and a repair: more than the default 2 minutes on a loaded machine.
  test.setTimeout(240_000);
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
  const colleague = `Tess Relais ${Date.now().toString(36)}`;
  await createUserViaApi(request, {
    email: uniqueEmail('helpdesk-colleague'),
    displayName: colleague,
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
  const number =
    (await page
      .getByText(/^T-\d{4}-\d{5}$/)
      .first()
      .textContent()) ?? '';
  expect(number).toMatch(/^T-\d{4}-\d{5}$/);
  await expectAccessible(page, 'ticket page (director)');

  // The director attaches a photo of the projector; it downloads as a file.
  const files = page.getByRole('region', { name: 'Pièces jointes' });
  await files.getByRole('button', { name: 'Envoyer le fichier' }).click();
  await expect(files.getByText('Choisissez un fichier.')).toBeVisible();
  await files.locator('input[type=file]').setInputFiles({ name: 'projecteur.png', mimeType: 'image/png', buffer: PNG });
  await files.getByRole('button', { name: 'Envoyer le fichier' }).click();
  await expect(page.getByRole('status').filter({ hasText: '« projecteur.png » joint au ticket.' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await files.getByRole('link', { name: 'Télécharger projecteur.png' }).click();
  expect((await downloading).suggestedFilename()).toBe('projecteur.png');
  await expectAccessible(page, 'ticket page with an attachment');

  // The technician finds it by its number in the list, then in their queue.
  await switchUser(page, technician);
  await page.goto('/helpdesk');
  await pageReady(page, 'Assistance');
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(number);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${number}`));
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row').filter({ hasText: number })).toContainText(title);
  await page.goto('/helpdesk?tab=queue');
  await pageReady(page, 'Assistance');
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Non attribué');
  await expect(row).toContainText(number);
  await expectAccessible(page, 'technician queue');
  await row.getByRole('link', { name: title }).click();
  await pageReady(page, title);

  // Assigned to a colleague of the school, then taken back.
  await page.getByRole('combobox', { name: 'Attribuer à un technicien' }).selectOption({ label: colleague });
  await page.getByRole('button', { name: 'Attribuer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Ticket attribué à ${colleague}.` })).toBeVisible();
  await expectAccessible(page, 'ticket page, assigned to a colleague');
  await page.getByRole('button', { name: 'M’attribuer le ticket' }).click();
  await expect(page.getByRole('status').filter({ hasText: '« Attribué »' })).toBeVisible();

  // The projector goes to repair (after a confirmation) and comes back.
  await page.getByRole('button', { name: `Envoyer ${tag} en réparation` }).click();
  const confirmRepair = page.getByRole('dialog', { name: `Envoyer ${tag} en réparation ?` });
  await expect(confirmRepair).toContainText('Déployé');
  await expectAccessible(page, 'repair confirmation');
  await confirmRepair.getByRole('button', { name: 'Envoyer en réparation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${tag} est en réparation.` })).toBeVisible();
  const assetRow = page.getByRole('row').filter({ hasText: tag });
  await expect(assetRow).toContainText('En réparation');
  await page.getByRole('button', { name: `Retour de réparation de ${tag}` }).click();
  await page
    .getByRole('dialog', { name: `Retour de réparation de ${tag} ?` })
    .getByRole('button', { name: 'Retour de réparation' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: `${tag} est revenu de réparation.` })).toBeVisible();
  await expect(assetRow).toContainText('Déployé');
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

test('helpdesk: a family reports a breakdown of the lent device from its loan page (no personal data asked)', async ({
  page,
  request,
}) => {
  // A demo loan in the family's hands, and its link (as the admin, through the API).
  const login = await request.post('/api/auth/login', { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const loans = await request.get('/api/loans?status=handed_over&limit=1');
  expect(loans.status()).toBe(200);
  const loan = ((await loans.json()) as { items: { id: string }[] }).items[0];
  if (!loan) throw new Error('no handed-over loan in the demo');
  const link = await request.post(`/api/loans/${loan.id}/link`, { data: {}, headers: { 'X-CSRF-Token': csrfToken } });
  expect(link.status(), await link.text()).toBe(200);
  const path = new URL(((await link.json()) as { url: string }).url).pathname;
  await request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } });

  // The family, with no account.
  await page.context().clearCookies();
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre prêt d’équipement numérique');
  await page.getByRole('button', { name: 'Signaler un problème' }).click();
  const dialog = page.getByRole('dialog', { name: 'Signaler un problème avec l’appareil' });
  await expect(dialog).toContainText('aucune donnée vous concernant');
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(dialog.getByText('Choisissez ce qui se passe.')).toBeVisible();
  await expectAccessible(page, 'family report dialog with an error');
  // A request offers its own choices.
  await dialog.getByRole('radio', { name: 'Une demande' }).check();
  await expect(dialog.getByRole('radio', { name: 'Il manque un chargeur, un câble ou une housse' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Une panne' }).check();
  await dialog.getByRole('radio', { name: 'L’appareil ne s’allume pas' }).check();
  await expectAccessible(page, 'family report dialog');
  await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Signalement transmis au service d’assistance le' }),
  ).toBeVisible();
  await expectAccessible(page, 'family loan page, report sent');
  // In English too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Report a problem' })).toBeVisible();
});
