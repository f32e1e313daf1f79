import { expect, type Locator, type Page } from '@playwright/test';
import { BASE_URL } from './env.ts';
import { expectAccessible, pageReady, signIn, test, visit } from './helpers.ts';

/**
 * The staff's side of family loans beyond the single journey: incidents on
 * a loan page (field errors, MDM location only where allowed, settlement),
 * the families' messages (on the loan page and in the schools' inbox), and
 * the return drive of a school (scan after scan, each answered). They work on
 * the demo's loans handed over to (fictional) families.
 */

interface LoanSummary {
  id: string;
  overdue: boolean;
  school: { id: string; uai: string; name: string };
  household: { pseudonym: string };
  items: { tag: string }[];
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

async function csrf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'socle_csrf');
  if (cookie) return cookie.value;
  return ((await getJson<{ csrfToken: string }>(page, '/api/auth/me')).csrfToken ?? '') as string;
}

/**
 * The demo's loans out with families, those on time first: the overdue one
 * stays out for the lists' journey (loans.spec.ts), which needs it.
 */
async function handedOver(page: Page): Promise<LoanSummary[]> {
  const items = (await getJson<{ items: LoanSummary[] }>(page, '/api/loans?status=handed_over&limit=50')).items;
  return [...items.filter((l) => !l.overdue), ...items.filter((l) => l.overdue)];
}

async function pickSchool(page: Page, picker: Locator, uai: string): Promise<void> {
  await picker.fill(uai);
  await page.getByRole('option', { name: new RegExp(`\\(${uai}\\)$`) }).click();
  await page.keyboard.press('Escape');
}

test('a loan’s incidents: damage, theft with its police report, MDM location only after a theft, settlement; the family’s messages', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  const loan = (await handedOver(page))[0] as LoanSummary;
  expect(loan.overdue).toBe(false);
  const pseudonym = loan.household.pseudonym;

  // A message from the family, through its link (as the family page sends it).
  const token = await csrf(page);
  const link = await page.request.post(`/api/loans/${loan.id}/link`, {
    headers: { 'X-CSRF-Token': token },
    data: {},
  });
  expect(link.status(), await link.text()).toBe(200);
  const familyPath = new URL(((await link.json()) as { url: string }).url).pathname;
  const sent = await page.request.post(`${familyPath.replace('/famille/', '/api/public/family/')}/messages`, {
    // The page's context carries the staff session cookie: the CSRF check applies to it.
    headers: { 'X-CSRF-Token': token },
    data: { category: 'breakdown', text: 'L’écran reste noir depuis hier.' },
  });
  expect(sent.status(), await sent.text()).toBe(201);

  await visit(page, `/loans/${loan.id}`, `Prêt — ${pseudonym}`);
  const incidents = page.getByRole('region', { name: 'Incidents' });
  await expect(incidents).toContainText('Aucun incident déclaré.');

  // The family's message, on the loan page; marked handled.
  const messages = page.getByRole('region', { name: 'Messages de la famille' });
  const message = messages.getByRole('row', { name: /L’écran reste noir/ });
  await expect(message).toContainText('Panne');
  await expect(message).toContainText('En attente');
  await expectAccessible(page, '/loans/$id with incidents and messages');
  await message.getByRole('button', { name: /^Marquer traité le message du / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Message marqué traité.' })).toBeVisible();
  await expect(message).toContainText(/Traité le .* par /);

  // A damage: no MDM location for it, and the row says why.
  await incidents.getByRole('button', { name: 'Déclarer un incident' }).click();
  let dialog = page.getByRole('dialog', { name: `Déclarer un incident — ${pseudonym}` });
  await expectAccessible(page, '/loans/$id, declare an incident dialog');
  await dialog.getByRole('button', { name: 'Déclarer', exact: true }).click();
  await expect(dialog.getByText('Choisissez de quoi il s’agit.')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Dommage' }).check();
  await dialog.getByRole('textbox', { name: 'Notes' }).fill('Coque fendue.');
  await dialog.getByRole('button', { name: 'Déclarer', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Incident déclaré.' })).toBeVisible();
  const damage = incidents.getByRole('row', { name: /^Dommage/ });
  await expect(damage).toContainText('En cours');
  await expect(damage).toContainText('Coque fendue.');
  await expect(damage).toContainText('la localisation n’est possible qu’après une perte ou un vol');
  await expect(damage.getByRole('button', { name: 'Enregistrer l’activation de la localisation' })).toHaveCount(0);

  // A theft: the police report reference is required, and said so on its field.
  await incidents.getByRole('button', { name: 'Déclarer un incident' }).click();
  dialog = page.getByRole('dialog', { name: `Déclarer un incident — ${pseudonym}` });
  await dialog.getByRole('radio', { name: 'Vol' }).check();
  await dialog.getByRole('button', { name: 'Déclarer', exact: true }).click();
  const police = dialog.getByRole('textbox', { name: 'Référence du dépôt de plainte' });
  await expect(police).toHaveAttribute('aria-invalid', 'true');
  await expect(police).toHaveAccessibleDescription(/Pour un vol, indiquez la référence du dépôt de plainte\./);
  await expect(police).toBeFocused();
  await expectAccessible(page, '/loans/$id, declare dialog with a field error');
  await police.fill('PV-2026-000042');
  await dialog.getByRole('button', { name: 'Déclarer', exact: true }).click();
  await expect(dialog).toBeHidden();
  const theft = incidents.getByRole('row', { name: /^Vol/ });
  await expect(theft).toContainText('PV-2026-000042');
  await expect(theft).toContainText(loan.items[0]?.tag ?? '');
  // The device is declared stolen in the inventory.
  const stolen = await getJson<{ items: { status: string }[] }>(
    page,
    `/api/assets?q=${encodeURIComponent(loan.items[0]?.tag ?? '')}`,
  );
  expect(stolen.items[0]?.status).toBe('stolen');

  // MDM location: offered for the unsettled theft, and logged.
  await theft.getByRole('button', { name: 'Enregistrer l’activation de la localisation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Activation de la localisation enregistrée' })).toBeVisible();
  await expect(theft).toContainText(/Activée le .* par /);
  await expectAccessible(page, '/loans/$id with incidents');

  // Settling the theft: paid by insurance; the damage stays pending.
  await theft.getByRole('button', { name: /^Régler l’incident : Vol du / }).click();
  const settle = page.getByRole('dialog', { name: /^Régler l’incident : Vol du / });
  await settle.getByRole('button', { name: 'Enregistrer le règlement' }).click();
  await expect(settle.getByText('Choisissez l’issue de l’incident.')).toBeVisible();
  await expectAccessible(page, '/loans/$id, settle dialog with an error');
  await settle.getByRole('radio', { name: 'Pris en charge par l’assurance' }).check();
  await settle.getByRole('button', { name: 'Enregistrer le règlement' }).click();
  await expect(settle).toBeHidden();
  await expect(theft).toContainText('Pris en charge par l’assurance le');
  await expect(theft.getByRole('button', { name: /^Régler/ })).toHaveCount(0);
  await expect(damage).toContainText('En cours');

  // The schools' inbox: the message, handled; the waiting filter lives in the URL.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Messages des familles' }).click();
  await pageReady(page, 'Messages des familles');
  const inboxRow = page.getByRole('row', { name: /L’écran reste noir/ });
  await expect(inboxRow).toContainText(pseudonym);
  await expect(inboxRow).toContainText(/Traité le/);
  await expectAccessible(page, '/loans/messages');
  await page.getByRole('combobox', { name: 'Traitement' }).selectOption({ label: 'En attente' });
  await expect(page).toHaveURL(/[?&]handled=false/);
  await expect(page.getByRole('row', { name: /L’écran reste noir/ })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Traitement' }).selectOption({ label: 'Traités' });
  await expect(page).toHaveURL(/[?&]handled=true/);
  const handled = page.getByRole('row', { name: /L’écran reste noir/ });
  await handled.getByRole('button', { name: /^Remettre en attente le message du / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Message remis en attente.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /L’écran reste noir/ })).toHaveCount(0);
});

test('return drive: a school’s loans due, returned by scanning tag after tag, each answered; the CSV of what is still out', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  const loan = (await handedOver(page))[0] as LoanSummary;
  expect(loan.overdue).toBe(false);
  const tag = loan.items[0]?.tag as string;
  const { uai, id: schoolId } = loan.school;

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Collecte des retours' }).click();
  await pageReady(page, 'Collecte des retours');
  await expect(page.getByText('Choisissez une école pour afficher ses prêts à rendre.')).toBeVisible();
  await expectAccessible(page, '/loans/return-drive');
  await pickSchool(page, page.getByRole('combobox', { name: 'École' }), uai);
  await expect(page).toHaveURL(new RegExp(`[?&]schoolId=${schoolId}`));
  const out = page.getByRole('region', { name: 'Encore dehors' });
  const row = out.getByRole('row', { name: new RegExp(loan.household.pseudonym) });
  await expect(row).toContainText(tag);
  await expect(page.getByRole('status').filter({ hasText: 'prêt(s) à rendre encore dehors' })).toBeVisible();
  const exportLink = out.getByRole('link', { name: 'Exporter ce qui reste dehors (CSV)' });
  const href = (await exportLink.getAttribute('href')) as string;
  expect(href).toContain(`school=${schoolId}`);
  const csv = await page.request.get(href);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(tag);
  await expectAccessible(page, '/loans/return-drive?schoolId=…');

  // Scanning before confirming the wipe: refused on the spot, nothing sent.
  const drive = page.getByRole('region', { name: 'Retour par scan' });
  const scan = drive.getByRole('textbox', { name: 'Étiquette scannée' });
  await scan.fill(tag);
  await scan.press('Enter');
  await expect(drive.getByRole('status')).toHaveText('Confirmez d’abord la réinitialisation (MDM) des appareils.');
  const wiped = drive.getByRole('checkbox', { name: /Les appareils scannés ont été réinitialisés/ });
  await expect(wiped).toHaveAttribute('aria-invalid', 'true');
  await wiped.check();

  // Tag after tag: an unknown one, the loan's device (a label URL, as the camera reads it), then again.
  await scan.fill('INCONNU-0000');
  await scan.press('Enter');
  await expect(drive.getByRole('status')).toHaveText('INCONNU-0000 : refusé — aucun appareil ne porte cette étiquette');
  await expect(scan).toBeFocused();
  await scan.fill(`${BASE_URL}/assets/tag/${tag}`);
  await scan.press('Enter');
  await expect(drive.getByRole('status')).toHaveText(`${tag} : rendu`);
  await expect(row).toHaveCount(0);
  await scan.fill(tag);
  await scan.press('Enter');
  await expect(drive.getByRole('status')).toHaveText(new RegExp(`^${tag} : refusé — `));
  const results = drive.getByRole('list', { name: 'Résultats des scans' });
  await expect(results.getByRole('listitem')).toHaveCount(3);
  await expectAccessible(page, '/loans/return-drive after scans');

  const after = await getJson<{ status: string }>(page, `/api/loans/${loan.id}`);
  expect(['closed', 'returned']).toContain(after.status);
  expect(await (await page.request.get(href)).text()).not.toContain(tag);
});

test('crisis campaign: open it for a school, the proposal trimmed and confirmed in bulk, per-pair results, the live dashboard, the conventions to print', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  const pending = (
    await getJson<{ items: { id: string; school: { id: string; uai: string; name: string } }[] }>(
      page,
      '/api/loans/requests?status=pending&limit=50',
    )
  ).items;
  expect(pending.length).toBeGreaterThanOrEqual(1);
  const school = (pending[0] as (typeof pending)[number]).school;

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Campagnes de crise' }).click();
  await pageReady(page, 'Campagnes de crise');
  await expectAccessible(page, '/loans/campaigns');

  // Opening a campaign: the missing fields are said on their fields.
  await page.getByRole('button', { name: 'Ouvrir une campagne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ouvrir une campagne' });
  await expectAccessible(page, '/loans/campaigns, open dialog');
  await dialog.getByRole('button', { name: 'Ouvrir la campagne' }).click();
  const name = dialog.getByRole('textbox', { name: 'Nom' });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Donnez un nom à la campagne\./);
  await expect(name).toBeFocused();
  await expect(dialog.getByText('Choisissez au moins une école.')).toBeVisible();
  await expectAccessible(page, '/loans/campaigns, open dialog with errors');
  await name.fill('Fermeture imaginaire — test');
  await dialog.getByRole('textbox', { name: 'Motif de la fermeture' }).fill('Intempéries (exercice fictif).');
  await dialog.getByRole('combobox', { name: 'Écoles' }).fill(school.uai);
  await page.getByRole('option', { name: new RegExp(`\\(${school.uai}\\)$`) }).click();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Ouvrir la campagne' }).click();
  await pageReady(page, 'Campagne — Fermeture imaginaire — test');
  await expect(page.getByRole('region', { name: 'La campagne' })).toContainText(school.uai);

  const dashboard = page.getByRole('region', { name: 'Tableau de bord' });
  const schoolRow = dashboard.getByRole('row', { name: new RegExp(`\\(${school.uai}\\)`) });
  await expect(schoolRow).toBeVisible();
  await expectAccessible(page, '/loans/campaigns/$id');

  // The proposal: computed on demand, trimmed, confirmed.
  const proposal = page.getByRole('region', { name: 'Proposition d’attribution' });
  await proposal.getByRole('button', { name: 'Calculer la proposition' }).click();
  const rows = proposal.getByRole('table', { name: 'Attributions proposées' }).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const proposed = (await rows.count()) - 1;
  expect(proposed).toBeGreaterThanOrEqual(1);
  await expectAccessible(page, '/loans/campaigns/$id with the proposal');
  let toConfirm = proposed;
  if (proposed >= 2) {
    const first = rows.nth(1);
    const pseudonym = ((await first.getByRole('rowheader').textContent()) ?? '').trim();
    await first.getByRole('button', { name: `Retirer l’attribution de ${pseudonym}` }).click();
    await expect(proposal.getByRole('status')).toHaveText(`Attribution de ${pseudonym} retirée de la proposition.`);
    toConfirm = proposed - 1;
  }
  await proposal.getByRole('button', { name: `Confirmer les ${toConfirm} attribution(s)` }).click();
  await expect(proposal.getByRole('status')).toHaveText(`${toConfirm} prêt(s) créé(s), 0 refusé(s).`);
  const results = proposal.getByRole('table', { name: /^Résultat de la confirmation/ });
  await expect(results.getByRole('row')).toHaveCount(toConfirm + 1);
  await expect(results.getByRole('row').nth(1)).toContainText('Prêt créé');
  await expect(results.getByRole('row').nth(1).getByRole('link')).toHaveAttribute('href', /\/loans\/[0-9a-f-]{36}$/);
  await expectAccessible(page, '/loans/campaigns/$id after the confirmation');

  // The dashboard follows (it is polled; a reload shows it at once).
  await page.reload();
  await pageReady(page, 'Campagne — Fermeture imaginaire — test');
  const allocated = page
    .getByRole('region', { name: 'Tableau de bord' })
    .getByRole('row', { name: new RegExp(`\\(${school.uai}\\)`) })
    .getByRole('cell')
    .nth(2);
  await expect(allocated).toHaveText(String(toConfirm));

  // The conventions to print: a PDF.
  const pdfHref = (await page.getByRole('link', { name: 'Toutes les familles (PDF)' }).getAttribute('href')) as string;
  const pdf = await page.request.get(pdfHref);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
});

test('a household’s rights: export JSON and PDF, erasure confirmed in a dialog, refused while a loan is open', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);

  // A loan still out: the erasure is refused, and the refusal says why.
  const open = (await handedOver(page))[0] as LoanSummary;
  await visit(page, `/loans/${open.id}`, `Prêt — ${open.household.pseudonym}`);
  let family = page.getByRole('region', { name: 'Élève et famille' });
  await family.getByRole('button', { name: 'Effacer les données…' }).click();
  let dialog = page.getByRole('dialog', { name: `Effacer les données de la famille ${open.household.pseudonym}` });
  await expectAccessible(page, '/loans/$id, erase dialog');
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect(dialog).toBeHidden();
  await expect(family.getByRole('alert')).toHaveText(
    'Un prêt de cette famille est encore en cours : l’effacement attendra sa clôture.',
  );
  await expect(family).not.toContainText('Données de la famille');

  // A closed loan: the exports, then the erasure.
  const closed = (await getJson<{ items: LoanSummary[] }>(page, '/api/loans?status=closed&limit=50')).items.find(
    (l) => !(l as unknown as { household: { purged: boolean } }).household.purged,
  ) as LoanSummary;
  await visit(page, `/loans/${closed.id}`, `Prêt — ${closed.household.pseudonym}`);
  family = page.getByRole('region', { name: 'Élève et famille' });
  const json = await page.request.get(
    (await family.getByRole('link', { name: 'Exporter les données (JSON)' }).getAttribute('href')) as string,
  );
  expect(json.status()).toBe(200);
  expect(((await json.json()) as { household: { pseudonym: string } }).household.pseudonym).toBe(
    closed.household.pseudonym,
  );
  const pdf = await page.request.get(
    (await family.getByRole('link', { name: 'Exporter les données (PDF)' }).getAttribute('href')) as string,
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await expectAccessible(page, '/loans/$id (closed) with the rights');
  await family.getByRole('button', { name: 'Effacer les données…' }).click();
  dialog = page.getByRole('dialog', { name: `Effacer les données de la famille ${closed.household.pseudonym}` });
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await family.getByRole('button', { name: 'Effacer les données…' }).click();
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect(dialog).toBeHidden();
  await expect(family.getByRole('status').filter({ hasText: 'Données de la famille' })).toContainText(
    `Données de la famille ${closed.household.pseudonym} effacées le`,
  );
  await expect(family.getByRole('button', { name: 'Effacer les données…' })).toHaveCount(0);
  await expect(family).not.toContainText('Représentant légal 1');
  await expectAccessible(page, '/loans/$id after the erasure');
});
