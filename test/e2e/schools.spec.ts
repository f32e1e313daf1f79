import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { UAI_LETTERS, uaiCheckLetter } from '../../src/shared/uai.ts';
import { BASE_URL } from './env.ts';
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

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** The count the list announces ("Écoles trouvées : 70"). */
async function announcedCount(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /Écoles trouvées/ });
  await expect(status).toHaveText(/Écoles trouvées : [\d\s\u202f]+$/);
  return Number(((await status.textContent()) ?? '').replace(/\D/g, ''));
}

/** A valid UAI nobody uses (Sarthe's 072, then 9 and random digits), and the same digits with a wrong letter. */
function freshUai(): { good: string; bad: string } {
  const digits = `0729${String(Math.floor(Math.random() * 900) + 100)}`;
  const letter = uaiCheckLetter(digits);
  const wrong = UAI_LETTERS[(UAI_LETTERS.indexOf(letter) + 1) % UAI_LETTERS.length] as string;
  return { good: `${digits}${letter}`, bad: `${digits}${wrong}` };
}

/** The value shown beside a label in a panel's facts (a <dl>). */
function fact(scope: Locator, label: string): Locator {
  return scope.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
}

test('schools: the demo list, filters kept in the URL, a REP+ school, its network facts, the CSV export', async ({
  page,
}) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Écoles', exact: true }).click();
  await pageReady(page, 'Écoles');
  await expect(nav.getByRole('link', { name: 'Écoles', exact: true })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page, '/schools');

  // The city's real schools: at least 68 open ones, Courboulay among them.
  expect(await announcedCount(page)).toBeGreaterThanOrEqual(68);
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('Courboulay');
  await expect(page).toHaveURL(/[?&]q=Courboulay/);
  const courboulay = page.getByRole('row', { name: /Courboulay/ });
  await expect(courboulay).toContainText('0720022H');
  await expect(courboulay).toContainText('Primaire');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('');
  await expect(page).not.toHaveURL(/q=/);

  // Priority education REP+: the filter is in the URL, and the back button undoes it.
  const all = await announcedCount(page);
  await page.getByRole('combobox', { name: 'Éducation prioritaire' }).selectOption('REP+');
  await expect(page).toHaveURL(/priority=REP%2B/);
  await expect.poll(() => announcedCount(page)).toBeLessThan(all);
  const repPlus = await announcedCount(page);
  expect(repPlus).toBeGreaterThan(0);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(Math.min(repPlus, 25) + 1);
  for (const row of await rows.all()) {
    if (await row.getByRole('columnheader').count()) continue;
    await expect(row).toContainText('REP+');
  }
  await expectAccessible(page, '/schools?priority=REP+');
  await page.goBack();
  await expect(page).not.toHaveURL(/priority=/);
  await expect(page.getByRole('combobox', { name: 'Éducation prioritaire' })).toHaveValue('');
  await expect.poll(() => announcedCount(page)).toBe(all);
  await page.goForward();
  await expect(page).toHaveURL(/priority=REP%2B/);
  await expect.poll(() => announcedCount(page)).toBe(repPlus);

  // The export answers a CSV of the same filters.
  const csvHref = await page.getByRole('link', { name: 'Exporter CSV' }).getAttribute('href');
  expect(csvHref).toMatch(/^\/api\/schools\/export\?format=csv&.*priorityEducation=REP%2B/);
  const csv = await page.request.get(csvHref ?? '');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="ecoles-.*\.csv"/);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toMatch(/^uai;nom;/);
  expect(lines).toHaveLength(repPlus + 1);
  expect(lines.slice(1).every((line) => line.includes(';REP+;'))).toBe(true);
  const xlsxHref = await page.getByRole('link', { name: 'Exporter XLSX' }).getAttribute('href');
  const xlsx = await page.request.get(xlsxHref ?? '');
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

  // A REP+ school's page.
  const first = rows.nth(1).getByRole('link');
  const name = (await first.textContent()) ?? '';
  await first.click();
  await pageReady(page, name);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Écoles', exact: true })).toHaveAttribute('aria-current', 'page');
  const main = page.getByRole('main');
  const identity = page.getByRole('region', { name: 'Identité' });
  await expect(fact(identity, 'Éducation prioritaire')).toHaveText('REP+');
  await expect(fact(identity, 'Commune')).toHaveText('Le Mans (code INSEE 72181)');
  await expect(page.getByRole('region', { name: 'Effectifs par rentrée' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Classes de l’année/ })).toBeVisible();
  await expectAccessible(page, '/schools/$id');

  // Network facts: the bandwidth is edited; wifi without the conseil d'école's date is flagged.
  const network = page.getByRole('region', { name: 'Réseau et accès à internet' });
  await network.getByRole('button', { name: 'Modifier le réseau' }).click();
  const dialog = page.getByRole('dialog', { name: `Réseau de ${name}` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, '/schools/$id, network dialog');
  await dialog.getByRole('combobox', { name: 'Accès à internet' }).selectOption('fibre');
  await dialog.getByRole('textbox', { name: 'Débit descendant (Mbit/s)' }).fill('1000000');
  await dialog.getByRole('textbox', { name: 'Débit montant (Mbit/s)' }).fill('100');
  await dialog.getByRole('radiogroup', { name: 'Wifi présent' }).getByRole('radio', { name: 'Oui' }).check();
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  // Out of range: said on the field, which takes the focus.
  const down = dialog.getByRole('textbox', { name: 'Débit descendant (Mbit/s)' });
  await expect(down).toHaveAttribute('aria-invalid', 'true');
  await expect(down).toHaveAccessibleDescription(/Saisissez un nombre entre 0 et 100/);
  await expect(down).toBeFocused();
  await down.fill('250,5');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(network.getByRole('status')).toHaveText('Informations sur le réseau enregistrées.');
  await expect(fact(network, 'Débit descendant')).toHaveText('250,5 Mbit/s');
  await expect(fact(network, 'Débit montant')).toHaveText('100 Mbit/s');
  await expect(fact(network, 'Accès à internet')).toHaveText('Fibre optique');
  await expect(network).toContainText('Information du conseil d’école non renseignée');
  await expect(network).toContainText('loi n° 2015-136');
  await expectAccessible(page, '/schools/$id with the wifi warning');

  // The date of the conseil d'école's information clears the warning; the change survives a reload.
  await network.getByRole('button', { name: 'Modifier le réseau' }).click();
  await dialog.getByLabel('Information du conseil d’école sur le réseau radio').fill('2024-11-12');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(network).not.toContainText('Information du conseil d’école non renseignée');
  await page.reload();
  await pageReady(page, name);
  await expect(fact(main, 'Débit descendant')).toHaveText('250,5 Mbit/s');
  await expect(fact(main, 'Information du conseil d’école sur le réseau radio')).toHaveText('12 nov. 2024');
});

test('schools: rooms, buildings and the classes of the year', async ({ page }) => {
  await signIn(page);
  await visit(page, '/schools?q=0720022H', 'Écoles');
  await page.getByRole('link', { name: 'Ecole primaire publique Courboulay' }).click();
  await pageReady(page, 'Ecole primaire publique Courboulay');

  // The demo's classes are generated from the published counts, and say so.
  const classes = page.getByRole('region', { name: /^Classes de l’année \d{4}-\d{4}$/ });
  await expect(classes.getByRole('row')).toHaveCount(9);
  await expect(classes).toContainText('générée');

  // A building and a room.
  const rooms = page.getByRole('region', { name: 'Bâtiments et salles' });
  const suffix = Date.now().toString(36);
  await rooms.getByRole('textbox', { name: 'Nouveau bâtiment' }).fill(`Bâtiment ${suffix}`);
  await rooms.getByRole('button', { name: 'Ajouter le bâtiment' }).click();
  await expect(rooms.getByRole('status')).toHaveText(`Bâtiment ajouté : Bâtiment ${suffix}.`);
  await rooms.getByRole('button', { name: 'Ajouter une salle' }).click();
  const roomDialog = page.getByRole('dialog', { name: 'Ajouter une salle' });
  await expectAccessible(page, '/schools/$id, room dialog');
  await roomDialog.getByRole('textbox', { name: 'Nom', exact: true }).fill(`Salle ${suffix}`);
  await roomDialog.getByRole('combobox', { name: 'Bâtiment' }).selectOption({ label: `Bâtiment ${suffix}` });
  await roomDialog.getByRole('textbox', { name: 'Étage' }).fill('RDC');
  await roomDialog.getByRole('button', { name: 'Ajouter la salle' }).click();
  await expect(roomDialog).toBeHidden();
  const roomRow = rooms.getByRole('row', { name: new RegExp(`Salle ${suffix}`) });
  await expect(roomRow).toContainText(`Bâtiment ${suffix}`);

  // The same name again: refused on the field.
  await rooms.getByRole('button', { name: 'Ajouter une salle' }).click();
  await roomDialog.getByRole('textbox', { name: 'Nom', exact: true }).fill(`Salle ${suffix}`);
  await roomDialog.getByRole('button', { name: 'Ajouter la salle' }).click();
  await expect(roomDialog.getByRole('textbox', { name: 'Nom', exact: true })).toHaveAccessibleDescription(
    'Ce nom est déjà utilisé.',
  );
  await expectAccessible(page, '/schools/$id, room dialog with an error');
  await roomDialog.getByRole('button', { name: 'Annuler' }).click();

  // A class in that room: the room then shows its class.
  await classes.getByRole('button', { name: 'Ajouter une classe' }).click();
  const classDialog = page.getByRole('dialog', { name: 'Ajouter une classe' });
  await expectAccessible(page, '/schools/$id, class dialog');
  await classDialog.getByRole('button', { name: 'Ajouter la classe' }).click();
  const className = classDialog.getByRole('textbox', { name: 'Nom de la classe' });
  await expect(className).toHaveAttribute('aria-invalid', 'true');
  await expect(className).toBeFocused();
  await className.fill(`CE1-CE2 ${suffix}`);
  await classDialog.getByRole('checkbox', { name: 'CE1' }).check();
  await classDialog.getByRole('checkbox', { name: 'CE2' }).check();
  await classDialog.getByRole('textbox', { name: 'Élèves' }).fill('23');
  await classDialog.getByRole('checkbox', { name: /ULIS/ }).check();
  await classDialog
    .getByRole('combobox', { name: 'Salle de classe' })
    .selectOption({ label: `Salle ${suffix} (Bâtiment ${suffix})` });
  await classDialog.getByRole('button', { name: 'Ajouter la classe' }).click();
  await expect(classDialog).toBeHidden();
  const classRow = classes.getByRole('row', { name: new RegExp(`CE1-CE2 ${suffix}`) });
  await expect(classRow).toContainText('CE1, CE2');
  await expect(classRow).toContainText(`Salle ${suffix}`);
  await expect(classRow).not.toContainText('générée');
  await expect(roomRow).toContainText(`CE1-CE2 ${suffix}`);

  // Another class cannot take the same room this year.
  await classes
    .getByRole('row', { name: /^CP/ })
    .first()
    .getByRole('button', { name: /^Modifier/ })
    .click();
  const editClass = page.getByRole('dialog', { name: /^Modifier la classe CP/ });
  await expect(editClass.getByText('Cette classe a été générée')).toBeVisible();
  await editClass
    .getByRole('combobox', { name: 'Salle de classe' })
    .selectOption({ label: `Salle ${suffix} (Bâtiment ${suffix}) — occupée par CE1-CE2 ${suffix}` });
  await editClass.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(editClass.getByRole('combobox', { name: 'Salle de classe' })).toHaveAccessibleDescription(
    'Cette salle est déjà la salle de classe d’une autre classe cette année.',
  );
  await expectAccessible(page, '/schools/$id, class dialog with an error');
  await editClass.getByRole('button', { name: 'Annuler' }).click();

  // Remove the class; archive the room.
  await classRow.getByRole('button', { name: /^Retirer/ }).click();
  const remove = page.getByRole('dialog', { name: `Retirer la classe CE1-CE2 ${suffix}` });
  await expectAccessible(page, '/schools/$id, remove class dialog');
  await remove.getByRole('button', { name: 'Retirer' }).click();
  await expect(remove).toBeHidden();
  await expect(classes.getByRole('status')).toHaveText(`Classe retirée : CE1-CE2 ${suffix}.`);
  await expect(classRow).toHaveCount(0);
  await roomRow.getByRole('button', { name: /^Archiver/ }).click();
  await expect(rooms.getByRole('status')).toHaveText(`Salle archivée : Salle ${suffix}.`);
  await expect(roomRow).toHaveCount(0);
  await rooms.getByRole('switch', { name: 'Afficher les salles archivées' }).check();
  await expect(roomRow).toContainText('(archivée)');
  await expectAccessible(page, '/schools/$id with archived rooms');
});

test('schools: a new school — a bad UAI is refused on its field; edit, close and reopen', async ({ page }) => {
  await signIn(page);
  await visit(page, '/schools', 'Écoles');
  await page.getByRole('link', { name: 'Nouvelle école' }).click();
  await pageReady(page, 'Nouvelle école');
  await expectAccessible(page, '/schools/new');

  const { good, bad } = freshUai();
  const uai = page.getByRole('textbox', { name: 'UAI', exact: true });
  await uai.fill(bad);
  // The hint names the expected letter before anything is sent.
  await expect(uai).toHaveAccessibleDescription(
    `Pour ces 7 chiffres, la lettre de contrôle attendue est ${good.at(-1)}.`,
  );
  await page.getByRole('textbox', { name: 'Nom officiel' }).fill(`École e2e ${good}`);
  await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption('maternelle');
  await page.getByRole('textbox', { name: 'Code postal' }).fill('72000');
  await page.getByRole('button', { name: 'Créer l’école' }).click();
  await expect(uai).toHaveAttribute('aria-invalid', 'true');
  await expect(uai).toHaveAccessibleDescription(/La lettre de contrôle de l’UAI ne correspond pas à ses 7 chiffres\./);
  await expect(uai).toBeFocused();
  await expectAccessible(page, '/schools/new with a UAI error');

  // An existing UAI: refused too.
  await uai.fill('0720022H');
  await page.getByRole('button', { name: 'Créer l’école' }).click();
  await expect(uai).toHaveAccessibleDescription(/Une école de l’organisation a déjà cet UAI\./);

  await uai.fill(good.toLowerCase());
  await expect(uai).toHaveAccessibleDescription(/La lettre de contrôle correspond aux 7 chiffres\./);
  await page.getByRole('button', { name: 'Créer l’école' }).click();
  await pageReady(page, `École e2e ${good}`);
  await expect(page.getByRole('status').filter({ hasText: 'École créée' })).toHaveText(
    `École créée : École e2e ${good}.`,
  );
  await expect(page.getByRole('main')).toContainText(`UAI ${good}`);
  await expectAccessible(page, '/schools/$id (new)');

  // Edit: a bad postcode is refused by the server, on its field.
  await page.getByRole('button', { name: 'Modifier l’école' }).click();
  const edit = page.getByRole('dialog', { name: `Modifier l’école École e2e ${good}` });
  await expectAccessible(page, '/schools/$id, edit dialog');
  await edit.getByRole('textbox', { name: 'Code postal' }).fill('7200');
  await edit.getByRole('textbox', { name: 'Nom usuel' }).fill(`Les Tilleuls ${good}`);
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  const postcode = edit.getByRole('textbox', { name: 'Code postal' });
  await expect(postcode).toHaveAttribute('aria-invalid', 'true');
  await expect(postcode).toHaveAccessibleDescription(/Un code postal s’écrit avec 5 chiffres\./);
  await expect(postcode).toBeFocused();
  await expectAccessible(page, '/schools/$id, edit dialog with an error');
  await postcode.fill('72100');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Les Tilleuls ${good}`);
  await expect(fact(page.getByRole('main'), 'Code postal')).toHaveText('72100');

  // Closed, then reopened.
  await page.getByRole('button', { name: 'Fermer l’école' }).click();
  const close = page.getByRole('dialog', { name: `Fermer l’école École e2e ${good}` });
  await expectAccessible(page, '/schools/$id, close dialog');
  await close.getByRole('button', { name: 'Fermer l’école' }).click();
  await expect(close).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'École fermée.' })).toBeVisible();
  await expect(fact(page.getByRole('region', { name: 'Identité' }), 'Statut')).toHaveText('Fermée');
  await page.getByRole('button', { name: 'Rouvrir l’école' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'École rouverte.' })).toBeVisible();
  await expect(fact(page.getByRole('region', { name: 'Identité' }), 'Statut')).toHaveText('Ouverte');
});

test('schools: an import is checked by a dry run, then imported ignoring the invalid row', async ({ page }) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Importer', exact: true }).click();
  await pageReady(page, 'Importer des écoles');
  await expectAccessible(page, '/schools/import');

  // No file: said on the field.
  await page.getByRole('button', { name: 'Vérifier le fichier (essai à blanc)' }).click();
  const file = page.getByLabel('Fichier CSV');
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toBeFocused();

  await file.setInputFiles(path.join(FIXTURES, 'schools-import.csv'));
  await page.getByRole('button', { name: 'Vérifier le fichier (essai à blanc)' }).click();
  const dryRun = page.getByRole('region', { name: 'Résultat de l’essai à blanc' });
  await expect(dryRun).toBeVisible();
  await expect(fact(dryRun, 'Lignes lues')).toHaveText('3');
  await expect(fact(dryRun, 'Écoles à créer')).toHaveText('2');
  await expect(fact(dryRun, 'Lignes invalides')).toHaveText('1');
  const rejected = dryRun.getByRole('table');
  await expect(rejected.getByRole('row')).toHaveCount(2);
  const bad = rejected.getByRole('row').nth(1);
  await expect(bad.getByRole('cell').nth(0)).toHaveText('3');
  await expect(bad.getByRole('cell').nth(1)).toHaveText('uai');
  await expect(bad.getByRole('cell').nth(2)).toHaveText(
    'La lettre de contrôle de l’UAI ne correspond pas à ses 7 chiffres.',
  );
  await expect(bad.getByRole('cell').nth(3)).toHaveText('0729903A');
  await expect(page.getByRole('button', { name: 'Importer', exact: true })).toHaveCount(0);
  await expectAccessible(page, '/schools/import after the dry run');
  // Nothing written yet.
  await expect((await page.request.get('/api/schools?q=e2e%20Import')).json()).resolves.toMatchObject({ total: 0 });

  await page.getByRole('button', { name: 'Importer en ignorant les lignes invalides' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toContainText(
    'Écoles créées : 2 ; écoles mises à jour : 0.',
  );
  const report = page.getByRole('region', { name: 'Compte rendu de l’import' });
  await expect(fact(report, 'Écoles créées')).toHaveText('2');
  await expect(fact(report, 'Effectifs annuels enregistrés')).toHaveText('2');
  await expectAccessible(page, '/schools/import after the import');

  await visit(page, '/schools?q=e2e%20Import', 'Écoles');
  await expect(page.getByRole('status').filter({ hasText: /Écoles trouvées/ })).toHaveText('Écoles trouvées : 2');
  await expect(page.getByRole('row', { name: /Ecole e2e Import Alpha/ })).toContainText('REP');
  await expect(page.getByRole('row', { name: /Ecole e2e Import Alpha/ })).toContainText('120');
});

test('schools: the map shows markers and its legend with no tile server, and a list for keyboards', async ({
  page,
}) => {
  // As on the CI machines: no internet, so no tiles.
  await page.route(/^https?:\/\/([a-z0-9-]+\.)*tile\.openstreetmap\.org\//, (route) => route.abort());
  await signIn(page);
  const points = (await (await page.request.get('/api/schools/map')).json()) as { name: string }[];
  expect(points.length).toBeGreaterThan(30);

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Carte', exact: true }).click();
  await pageReady(page, 'Carte des écoles');
  await expect(nav.getByRole('link', { name: 'Carte', exact: true })).toHaveAttribute('aria-current', 'page');
  const map = page.getByRole('region', { name: 'Carte des écoles' });
  await expect(map).toBeVisible();
  await expect(map.locator('.leaflet-marker-icon')).toHaveCount(points.length);

  const legend = page.getByRole('list', { name: 'Légende' });
  await expect(legend.getByRole('listitem')).toHaveCount(3);
  await expect(legend).toContainText('Hors éducation prioritaire');
  await expect(legend).toContainText(/REP \(réseau d’éducation prioritaire\) : \d+/);
  await expect(legend).toContainText(/REP\+ \(réseau d’éducation prioritaire renforcé\) : \d+/);
  await expectAccessible(page, '/schools/map');

  // A marker's popup leads to the school.
  const courboulay = map.locator('.leaflet-marker-icon[title="Ecole primaire publique Courboulay"]');
  // Markers may overlap at this zoom: the click goes to this one.
  await courboulay.dispatchEvent('click');
  const popup = map.locator('.leaflet-popup');
  await expect(popup).toContainText('UAI 0720022H');
  await expect(popup.getByRole('button', { name: 'Fermer' })).toBeVisible();
  await expectAccessible(page, '/schools/map with a popup');

  // Keyboard: the link before the map jumps to the list; Tab leaves the map.
  await page.getByRole('link', { name: 'Aller à la liste des écoles' }).click();
  const listHeading = page.getByRole('heading', { name: /^Écoles de la carte \(\d+\)$/ });
  await expect(listHeading).toBeFocused();
  await map.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  await expect(map.locator(':focus')).toHaveCount(0);
  await expect(page.locator('body')).not.toBeFocused();
  const list = page.getByRole('table');
  await expect(list.getByRole('row')).toHaveCount(points.length + 1);

  await popup.getByRole('link', { name: 'Voir la fiche de l’école' }).click();
  await pageReady(page, 'Ecole primaire publique Courboulay');
  // Its page shows its position on a small map.
  const location = page.getByRole('region', { name: 'Position' });
  await expect(location.locator('.leaflet-marker-icon')).toHaveCount(1);
  await expect(location).toContainText('latitude 48');
  await expectAccessible(page, '/schools/$id with its map');
});

test('profile: display name and language are saved to the account and follow it to another browser', async ({
  page,
  browser,
  request,
}) => {
  const email = uniqueEmail('profile');
  const password = 'Une phrase de profil solide';
  await createUserViaApi(request, { email, displayName: 'Claude Profil', roles: ['teacher'], password });
  await signIn(page, email, password);
  await visit(page, '/account', 'Mon compte');
  const profile = page.getByRole('form', { name: 'Profil' });
  await profile.getByRole('textbox', { name: 'Nom affiché' }).fill('Claude Profil-Modifié');
  await profile.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await profile.getByRole('button', { name: 'Enregistrer le profil' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Account menu/ })).toContainText('Claude Profil-Modifié');
  await expectAccessible(page, '/account (en) after saving the profile');

  await page.reload();
  await pageReady(page, 'My account');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('textbox', { name: 'Display name' })).toHaveValue('Claude Profil-Modifié');

  // Another browser: the account's language applies from the login on.
  const other = await browser.newContext({ baseURL: BASE_URL, locale: 'fr-FR', reducedMotion: 'reduce' });
  const second = await other.newPage();
  await second.goto('/login');
  await pageReady(second, 'Connexion');
  await second.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await second.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
  await second.getByRole('button', { name: 'Se connecter' }).click();
  await pageReady(second, 'Home');
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Welcome, Claude Profil-Modifié');
  // The header switch, signed in, saves the choice to the account…
  await chooseLanguageSignedIn(second, 'Français');
  await pageReady(second, 'Accueil');
  await other.close();

  // …so the first browser follows at its next load.
  await page.reload();
  await pageReady(page, 'Mon compte');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('users: the school picker searches by name or UAI, and shows the chosen schools by name', async ({ page }) => {
  await signIn(page);
  await visit(page, '/users', 'Utilisateurs');
  await page.getByRole('button', { name: 'Créer un compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Créer un compte' });
  const email = uniqueEmail('director');
  await dialog.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await dialog.getByRole('textbox', { name: 'Nom affiché', exact: true }).fill('Dominique Directrice');
  await dialog.getByRole('checkbox', { name: 'Direction d’école' }).check();
  const picker = dialog.getByRole('combobox', { name: 'Écoles' });
  await picker.fill('Courboulay');
  await page.getByRole('option', { name: 'Ecole primaire publique Courboulay (0720022H)' }).click();
  // By UAI: the server searches, not the browser among a thousand schools.
  await picker.fill('0720481');
  const garnier = page.getByRole('option', { name: /\(0720481G\)$/ });
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(1);
  await garnier.click();
  // Leaving the picker closes its list (a list that scrolls under the combobox's arrow keys, which axe cannot see).
  await dialog.getByRole('textbox', { name: 'Nom affiché', exact: true }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(dialog.getByText('Ecole primaire publique Courboulay (0720022H)')).toBeVisible();
  await expectAccessible(page, '/users, create dialog with the school picker');
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(email);
  const row = page.getByRole('row', { name: /Dominique Directrice/ });
  await expect(row).toContainText('Ecole primaire publique Courboulay');
  await row.getByRole('button', { name: /Modifier/ }).click();
  const edit = page.getByRole('dialog', { name: 'Modifier le compte de Dominique Directrice' });
  // The chosen schools are named (resolved by id, not by loading every school).
  await expect(edit.getByText('Ecole primaire publique Courboulay (0720022H)')).toBeVisible();
  await expect(edit.getByText(/\(0720481G\)$/)).toBeVisible();
  await expectAccessible(page, '/users, edit dialog with schools');
});
