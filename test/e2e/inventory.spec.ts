import fs from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { BASE_URL } from './env.ts';
import { expectAccessible, pageReady, signIn, test, visit } from './helpers.ts';

/**
 * Equipment journeys on the demo inventory of Ville du Mans (about 2,500
 * generated assets). Each journey works in schools of its own, so that the
 * changes of one do not move the counts of another.
 */

interface AssetSummary {
  id: string;
  tag: string;
  status: string;
  version: number;
  school: { id: string; name: string } | null;
}

/** The value shown beside a label in a panel's facts (a <dl>). */
function fact(scope: Locator, label: string): Locator {
  return scope.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** A demo school: its official name (as assets and rounds show it) and the name its page shows. */
async function schoolByUai(page: Page, uai: string): Promise<{ id: string; name: string; title: string }> {
  const list = await getJson<{ items: { id: string; name: string; usualName: string | null }[] }>(
    page,
    `/api/schools?q=${uai}`,
  );
  const school = list.items[0];
  if (!school) throw new Error(`no school ${uai}`);
  return { id: school.id, name: school.name, title: school.usualName ?? school.name };
}

/** A number as the French interface writes it (narrow no-break space between thousands). */
const fr = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

async function csrf(page: Page): Promise<string> {
  return (await getJson<{ csrfToken: string }>(page, '/api/auth/me')).csrfToken;
}

/** Picks a school in a school picker (search by UAI, then the option). */
async function pickSchool(page: Page, picker: Locator, uai: string): Promise<void> {
  await picker.fill(uai);
  await page.getByRole('option', { name: new RegExp(`\\(${uai}\\)$`) }).click();
  await page.keyboard.press('Escape');
}

const PRESENT = 'deployed,in_cart,in_stock,preparing,returned';

test('inventory round: expected, foreign and unknown tags are scanned, the round is closed and corrected', async ({
  page,
}) => {
  await signIn(page);
  const school = await schoolByUai(page, '0720725X');
  const other = await schoolByUai(page, '0720915D');
  const expected = await getJson<{ total: number; items: AssetSummary[] }>(
    page,
    `/api/assets?schoolId=${school.id}&status=${PRESENT}&limit=500`,
  );
  expect(expected.total).toBeGreaterThan(10);
  const scanned = expected.items.filter((a) => a.status === 'deployed').slice(0, 3);
  expect(scanned).toHaveLength(3);
  const foreign = (
    await getJson<{ items: AssetSummary[] }>(page, `/api/assets?schoolId=${other.id}&status=deployed&limit=1`)
  ).items[0] as AssetSummary;
  const unknownTag = `INCONNU-${Date.now().toString(36).toUpperCase()}`;

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Inventaires', exact: true }).click();
  await pageReady(page, 'Inventaires');
  await expect(nav.getByRole('link', { name: 'Inventaires', exact: true })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page, '/inventory/rounds');

  // A new round for the school: the expected list is fixed now.
  await page.getByRole('button', { name: 'Nouvel inventaire' }).click();
  const start = page.getByRole('dialog', { name: 'Nouvel inventaire' });
  await expectAccessible(page, '/inventory/rounds, new round dialog');
  await start.getByRole('button', { name: 'Commencer l’inventaire' }).click();
  const picker = start.getByRole('combobox', { name: 'École' });
  await expect(picker).toHaveAttribute('aria-invalid', 'true');
  await pickSchool(page, picker, '0720725X');
  await start.getByRole('button', { name: 'Commencer l’inventaire' }).click();
  await pageReady(page, `Inventaire — ${school.name}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Inventaire commencé' })).toHaveText(
    `Inventaire commencé : ${school.name}.`,
  );
  const counts = page.getByRole('region', { name: 'Décompte' });
  await expect(fact(counts, 'Attendus')).toHaveText(fr(expected.total));
  await expect(fact(counts, 'Trouvés')).toHaveText('0');
  await expectAccessible(page, '/inventory/rounds/$id (open)');

  // Scans, as a barcode scanner types them: the text, then Enter. Each answer is announced.
  const scanPanel = page.getByRole('region', { name: 'Scanner les équipements' });
  const box = scanPanel.getByRole('textbox', { name: 'Étiquette scannée' });
  const live = scanPanel.getByRole('status');
  for (const [index, asset] of scanned.entries()) {
    await box.fill(index === 0 ? `${BASE_URL}/assets/tag/${asset.tag}` : asset.tag);
    await box.press('Enter');
    await expect(live).toContainText(`${asset.tag} trouvé`);
    await expect(live).toContainText(`${index + 1} trouvé(s) sur`);
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('');
  }
  await box.fill(foreign.tag);
  await box.press('Enter');
  await expect(live).toContainText(`${foreign.tag} : inattendu ici, enregistré à ${other.name}`);
  await box.fill(unknownTag);
  await box.press('Enter');
  await expect(live).toContainText(`${unknownTag} : étiquette inconnue.`);
  await box.fill(scanned[0]?.tag ?? '');
  await box.press('Enter');
  await expect(live).toContainText(`${scanned[0]?.tag} : déjà scanné.`);
  const recent = scanPanel.getByRole('list', { name: 'Derniers scans' }).getByRole('listitem');
  await expect(recent).toHaveCount(6);
  await expect(recent.first()).toContainText('Déjà scanné');
  await expect(fact(counts, 'Trouvés')).toHaveText('3');
  await expect(fact(counts, 'Inattendus')).toHaveText('1');
  await expect(fact(counts, 'Inconnus')).toHaveText('1');
  await expectAccessible(page, '/inventory/rounds/$id with scan results');

  // Closing: the counts are final.
  await page.getByRole('button', { name: 'Clore l’inventaire' }).click();
  const close = page.getByRole('dialog', { name: `Clore l’inventaire — ${school.name}` });
  await expect(close).toContainText(`${expected.total - 3} équipement(s) sur`);
  await expectAccessible(page, '/inventory/rounds/$id, close dialog');
  await close.getByRole('button', { name: 'Clore l’inventaire' }).click();
  await expect(close).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Inventaire clos' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Scanner les équipements' })).toHaveCount(0);
  await expect(fact(counts, 'Trouvés')).toHaveText('3');
  await expect(fact(counts, 'Manquants')).toHaveText(fr(expected.total - 3));
  await expect(fact(counts, 'Inattendus')).toHaveText('1');
  await expect(fact(counts, 'Inconnus')).toHaveText('1');
  const unexpected = page.getByRole('region', { name: 'Inattendus (1)' });
  await expect(unexpected.getByRole('row', { name: new RegExp(foreign.tag) })).toContainText(other.name);
  await expect(page.getByRole('region', { name: 'Étiquettes inconnues (1)' })).toContainText(unknownTag);
  await expect(page.getByRole('region', { name: `Manquants (${expected.total - 3})` }).getByRole('row')).toHaveCount(
    expected.total - 3 + 1,
  );
  await expectAccessible(page, '/inventory/rounds/$id (closed)');

  // The reports.
  const pdf = await page.request.get(
    (await page.getByRole('link', { name: 'Rapport PDF' }).getAttribute('href')) ?? '',
  );
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  // Corrections: nothing without the explicit confirmation; then the foreign asset is registered here.
  await page.getByRole('button', { name: 'Appliquer les corrections' }).click();
  const corrections = page.getByRole('dialog', { name: `Corrections — ${school.name}` });
  await expectAccessible(page, '/inventory/rounds/$id, corrections dialog');
  await corrections.getByRole('checkbox', { name: 'Enregistrer ici les équipements inattendus (1)' }).check();
  await corrections.getByRole('button', { name: 'Appliquer les corrections' }).click();
  const confirm = corrections.getByRole('checkbox', { name: 'Je confirme ces corrections' });
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  await expect(confirm).toBeFocused();
  await expectAccessible(page, '/inventory/rounds/$id, corrections dialog with an error');
  await confirm.check();
  await corrections.getByRole('button', { name: 'Appliquer les corrections' }).click();
  await expect(corrections).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Corrections appliquées.' })).toBeVisible();
  const moved = await getJson<AssetSummary>(page, `/api/assets/${foreign.id}`);
  expect(moved.school?.id).toBe(school.id);
});

test('lifecycle: a new asset offers exactly the allowed status changes; a refused one is explained', async ({
  page,
}) => {
  await signIn(page);
  await visit(page, '/assets', 'Équipements');
  await page.getByRole('link', { name: 'Nouvel équipement' }).click();
  await pageReady(page, 'Nouvel équipement');
  await expectAccessible(page, '/assets/new');

  // Nothing chosen: said on the field.
  await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
  const model = page.getByRole('combobox', { name: 'Modèle' });
  await expect(model).toHaveAttribute('aria-invalid', 'true');
  await expect(model).toBeFocused();

  // A wifi access point: the wifi law's question appears. A tag already used is refused on its field.
  await model.selectOption({ label: 'UniFi U6 Lite (Ubiquiti)' });
  await expect(page.getByRole('combobox', { name: 'Peut être éteinte hors activités pédagogiques' })).toBeVisible();
  const taken = (await getJson<{ items: AssetSummary[] }>(page, '/api/assets?limit=1')).items[0] as AssetSummary;
  const tag = page.getByRole('textbox', { name: 'Étiquette', exact: true });
  await tag.fill(taken.tag);
  await page.getByRole('combobox', { name: 'Lieu de stockage' }).selectOption({ label: 'Magasin central (DSI)' });
  await page.getByRole('textbox', { name: 'Prix d’achat HT (€)' }).fill('149,90');
  await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
  await expect(tag).toHaveAttribute('aria-invalid', 'true');
  await expect(tag).toHaveAccessibleDescription(/Cette étiquette est déjà utilisée par un autre équipement\./);
  await expect(tag).toBeFocused();
  await expectAccessible(page, '/assets/new with a field error');
  const newTag = `E2E-LC-${Date.now().toString(36).toUpperCase()}`;
  await tag.fill(newTag);
  await page.getByRole('button', { name: 'Enregistrer l’équipement' }).click();
  await pageReady(page, `${newTag} — UniFi U6 Lite`);
  await expect(page.getByRole('status').filter({ hasText: 'Équipement enregistré' })).toHaveText(
    `Équipement enregistré : ${newTag}.`,
  );
  const identity = page.getByRole('region', { name: 'Identité' });
  await expect(fact(identity, 'Prix d’achat HT \\(€\\)')).toHaveText(/^149,90\s€$/);
  await expectAccessible(page, '/assets/$id (new)');

  const id = new URL(page.url()).pathname.split('/').at(-1) as string;
  const labelOf: Record<string, string> = {
    preparing: 'En préparation',
    deployed: 'Déployé',
    in_cart: 'Dans une classe mobile',
    in_stock: 'En stock',
    in_repair: 'En réparation',
    lost: 'Perdu',
    stolen: 'Volé',
    retired: 'Réformé',
    donated: 'Donné',
  };
  const changes = page.getByRole('group', { name: 'Changer l’état' }).getByRole('button');
  const offered = async () => (await changes.allTextContents()).sort();
  const allowedNow = async () => {
    const asset = await getJson<{ allowedTransitions: string[] }>(page, `/api/assets/${id}`);
    return asset.allowedTransitions.map((s) => `Passer à « ${labelOf[s]} »`).sort();
  };
  expect(await offered()).toEqual(await allowedNow());
  expect(await offered()).not.toContain('Passer à « Déployé »');

  // Retired: only "donated" remains.
  await page.getByRole('button', { name: 'Passer à « Réformé »' }).click();
  const retire = page.getByRole('dialog', { name: `${newTag} : passer à « Réformé »` });
  await expectAccessible(page, '/assets/$id, transition dialog');
  await retire.getByRole('textbox', { name: 'Note' }).fill('Foudre');
  await retire.getByRole('button', { name: 'Passer à « Réformé »' }).click();
  await expect(retire).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Nouvel état' })).toHaveText('Nouvel état : Réformé.');
  await expect(changes).toHaveCount(1);
  expect(await offered()).toEqual(await allowedNow());
  expect(await offered()).toEqual(['Passer à « Donné »']);
  const history = page.getByRole('list', { name: 'Événements, du plus récent au plus ancien' });
  await expect(history.getByRole('listitem').first()).toContainText('État : En stock → Réformé');
  await expect(history.getByRole('listitem').first()).toContainText('Foudre');

  // The API refuses the illegal change, and says what is allowed.
  const current = await getJson<{ version: number; school: null }>(page, `/api/assets/${id}`);
  const token = await csrf(page);
  const forced = await page.request.post(`/api/assets/${id}/transition`, {
    headers: { 'X-CSRF-Token': token },
    data: { version: current.version, to: 'deployed', location: { schoolId: taken.school?.id ?? null } },
  });
  expect(forced.status()).toBe(409);
  expect(await forced.json()).toMatchObject({ code: 'ASSET_INVALID_TRANSITION', allowed: ['donated'] });

  // The same refusal in the UI (the request is altered on its way): translated, with the allowed statuses.
  await page.route(`**/api/assets/${id}/transition`, async (route) => {
    const body = route.request().postDataJSON() as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, to: 'deployed' }) });
  });
  await page.getByRole('button', { name: 'Passer à « Donné »' }).click();
  const donate = page.getByRole('dialog', { name: `${newTag} : passer à « Donné »` });
  await donate.getByRole('button', { name: 'Passer à « Donné »' }).click();
  const refusal = donate.getByRole('alert');
  await expect(refusal).toContainText('Ce changement d’état n’est pas possible pour cet équipement.');
  await expect(refusal).toContainText('États possibles depuis l’état actuel : Donné.');
  await expectAccessible(page, '/assets/$id, transition dialog with a refusal');
  await page.unroute(`**/api/assets/${id}/transition`);
  await donate.getByRole('button', { name: 'Annuler' }).click();

  // Someone else changes the asset meanwhile: the stale version is refused, and the page reloads it.
  const edited = await page.request.patch(`/api/assets/${id}`, {
    headers: { 'X-CSRF-Token': token },
    data: { version: current.version, notes: 'Changé ailleurs' },
  });
  expect(edited.status()).toBe(200);
  await page.getByRole('button', { name: 'Passer à « Donné »' }).click();
  await donate.getByRole('button', { name: 'Passer à « Donné »' }).click();
  await expect(donate.getByRole('alert')).toContainText('Cet équipement a été modifié entre-temps');
  await donate.getByRole('button', { name: 'Recharger l’équipement' }).click();
  await expect(donate).toBeHidden();
  await expect(fact(identity, 'Notes')).toHaveText('Changé ailleurs');
  await page.getByRole('button', { name: 'Passer à « Donné »' }).click();
  await donate.getByRole('button', { name: 'Passer à « Donné »' }).click();
  await expect(donate).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Nouvel état' })).toHaveText('Nouvel état : Donné.');
  await expect(page.getByText('Aucun changement d’état n’est possible depuis cet état.')).toBeVisible();
});

test('bulk: a status change on two selected assets, one refused, answers per asset', async ({ page }) => {
  await signIn(page);
  const inStock = (await getJson<{ items: AssetSummary[] }>(page, '/api/assets?status=in_stock&limit=1'))
    .items[0] as AssetSummary;
  const dulac = await schoolByUai(page, '0720717N');
  const deployed = (
    await getJson<{ items: AssetSummary[] }>(page, `/api/assets?schoolId=${dulac.id}&status=deployed&limit=1`)
  ).items[0] as AssetSummary;

  // The selection is kept while the search changes.
  await visit(page, `/assets?q=${inStock.tag}`, 'Équipements');
  await page.getByRole('checkbox', { name: `Sélectionner ${inStock.tag}` }).check();
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(deployed.tag);
  await expect(page).toHaveURL(new RegExp(`q=${deployed.tag}`));
  await page.getByRole('checkbox', { name: `Sélectionner ${deployed.tag}` }).check();
  await expect(page.getByText('Équipements sélectionnés : 2')).toBeVisible();
  await expectAccessible(page, '/assets with a selection');

  await page.getByRole('button', { name: 'Action groupée…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Action groupée sur 2 équipement(s)' });
  await expectAccessible(page, '/assets, bulk dialog');
  await expect(dialog.getByRole('radio', { name: 'Chaque équipement indépendamment' })).toBeChecked();
  await dialog.getByRole('combobox', { name: 'Nouvel état' }).selectOption('preparing');
  await dialog.getByRole('button', { name: 'Appliquer à 2 équipement(s)' }).click();
  await expect(dialog.getByRole('status')).toContainText('Faits : 1 ; refusés : 1.');
  const rows = dialog.getByRole('table', { name: 'Résultat pour chaque équipement' });
  await expect(rows.getByRole('row', { name: new RegExp(inStock.tag) })).toContainText('Fait');
  const refused = rows.getByRole('row', { name: new RegExp(deployed.tag) });
  await expect(refused).toContainText('Refusé');
  await expect(refused).toContainText('Ce changement d’état n’est pas possible pour cet équipement.');
  await expectAccessible(page, '/assets, bulk results');
  await dialog.getByRole('button', { name: 'Fermer' }).last().click();
  await expect(dialog).toBeHidden();
  expect((await getJson<AssetSummary>(page, `/api/assets/${inStock.id}`)).status).toBe('preparing');
  expect((await getJson<AssetSummary>(page, `/api/assets/${deployed.id}`)).status).toBe('deployed');

  // All or nothing: one refusal, and nothing is changed.
  await page.getByRole('checkbox', { name: `Sélectionner ${deployed.tag}` }).check();
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(inStock.tag);
  await page.getByRole('checkbox', { name: `Sélectionner ${inStock.tag}` }).check();
  await page.getByRole('button', { name: 'Action groupée…' }).click();
  // On loan: allowed for the deployed one, not for the one now being prepared.
  await dialog.getByRole('combobox', { name: 'Nouvel état' }).selectOption('on_loan');
  await dialog.getByRole('radio', { name: 'Tout ou rien' }).check();
  await dialog.getByRole('button', { name: 'Appliquer à 2 équipement(s)' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Faits : 0 ; refusés : 2.');
  await expect(rows.getByRole('row', { name: new RegExp(deployed.tag) })).toContainText(
    'Annulé : un autre équipement de la sélection a été refusé (tout ou rien).',
  );
  expect((await getJson<AssetSummary>(page, `/api/assets/${deployed.id}`)).status).toBe('deployed');
});

test('labels: a sheet of QR labels for the selection is a PDF', async ({ page }) => {
  await signIn(page);
  const school = await schoolByUai(page, '0720718P');
  await visit(page, `/assets?schoolId=${school.id}`, 'Équipements');
  const boxes = page.getByRole('table').getByRole('checkbox', { name: /^Sélectionner [A-Z]/ });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Imprimer des étiquettes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Étiquettes QR de 2 équipement(s)' });
  await expectAccessible(page, '/assets, labels dialog');
  await dialog.getByRole('radio', { name: '4 × 10 étiquettes de 48,5 × 25,4 mm' }).check();
  const skip = dialog.getByRole('textbox', { name: 'Étiquettes déjà utilisées sur la première planche' });
  await skip.fill('40');
  await dialog.getByRole('button', { name: 'Télécharger le PDF' }).click();
  await expect(skip).toHaveAttribute('aria-invalid', 'true');
  await expect(skip).toHaveAccessibleDescription(/Saisissez un nombre entre 0 et 39\./);
  await skip.fill('3');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/assets/labels'));
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Télécharger le PDF' }).click();
  const response = await answer;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^etiquettes-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(
    fs
      .readFileSync(await file.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  await expect(dialog.getByRole('status')).toHaveText('Planche de 2 étiquette(s) téléchargée.');
  await expectAccessible(page, '/assets, labels dialog after the download');
});

test('import: a file of an unknown layout is mapped, checked by a dry run, then imported skipping the bad row', async ({
  page,
}) => {
  await signIn(page);
  const suffix = Date.now().toString(36).toUpperCase();
  const csv = [
    'Numero;Modele;Ecole;Statut',
    `E2E-IMP-${suffix}-1;UniFi U6 Lite;0720022H;deployed`,
    `E2E-IMP-${suffix}-2;UniFi U6 Lite;0720022H;deployed`,
    `E2E-IMP-${suffix}-1;UniFi U6 Lite;0720022H;deployed`,
  ].join('\n');

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Importer des équipements' }).click();
  await pageReady(page, 'Importer des équipements');
  await expectAccessible(page, '/assets/import');

  await page.getByRole('button', { name: 'Lire le fichier' }).click();
  const file = page.getByLabel('Fichier CSV ou XLSX');
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toBeFocused();
  await file.setInputFiles({ name: 'inventaire.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Lire le fichier' }).click();

  const preview = page.getByRole('region', { name: 'Contenu du fichier' });
  await expect(preview).toContainText('Format non reconnu');
  await expect(preview.getByRole('table', { name: 'Premières lignes du fichier' }).getByRole('row')).toHaveCount(4);
  await preview.getByRole('combobox', { name: 'Étiquette', exact: true }).selectOption('Numero');
  await preview.getByRole('combobox', { name: 'Modèle', exact: true }).selectOption('Modele');
  await preview.getByRole('combobox', { name: 'École (UAI ou nom)' }).selectOption('Ecole');
  await preview.getByRole('combobox', { name: 'État', exact: true }).selectOption('Statut');
  await expectAccessible(page, '/assets/import, mapping');
  await preview.getByRole('button', { name: 'Vérifier (essai à blanc)' }).click();

  const dryRun = page.getByRole('region', { name: 'Résultat de l’essai à blanc' });
  await expect(fact(dryRun, 'Lignes lues')).toHaveText('3');
  await expect(fact(dryRun, 'Lignes valides')).toHaveText('2');
  await expect(fact(dryRun, 'Lignes invalides')).toHaveText('1');
  const bad = dryRun.getByRole('table').getByRole('row').nth(1);
  await expect(bad.getByRole('cell').nth(0)).toHaveText('4');
  await expect(bad.getByRole('cell').nth(1)).toHaveText('Numero');
  await expect(bad.getByRole('cell').nth(2)).toHaveText('Étiquette en double dans le fichier');
  await expect(bad.getByRole('cell').nth(3)).toHaveText(`E2E-IMP-${suffix}-1`);
  await expect(page.getByRole('button', { name: /^Importer/ })).toHaveCount(0);
  await expectAccessible(page, '/assets/import after the dry run');
  expect((await getJson<{ total: number }>(page, `/api/assets?q=E2E-IMP-${suffix}`)).total).toBe(0);

  await preview.getByRole('checkbox', { name: 'Ignorer les lignes invalides' }).check();
  await page.getByRole('button', { name: 'Importer en ignorant les lignes invalides' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toContainText('Équipements créés : 2.');
  const report = page.getByRole('region', { name: 'Compte rendu de l’import' });
  await expect(fact(report, 'Équipements créés')).toHaveText('2');
  await expectAccessible(page, '/assets/import after the import');
  const imported = await getJson<{ total: number; items: AssetSummary[] }>(page, `/api/assets?q=E2E-IMP-${suffix}`);
  expect(imported.total).toBe(2);
  expect(imported.items.every((a) => a.status === 'deployed' && a.school?.name.includes('Courboulay'))).toBe(true);
});

test('assets list: filtered by school and status, and the school page’s equipment panel links to it', async ({
  page,
}) => {
  await signIn(page);
  const school = await schoolByUai(page, '0721371Z');
  const deployed = await getJson<{ total: number }>(page, `/api/assets?schoolId=${school.id}&status=deployed&limit=1`);

  // The filters of the list, in the URL.
  await visit(page, '/assets', 'Équipements');
  const count = page.getByRole('status').filter({ hasText: /Équipements trouvés/ });
  await pickSchool(page, page.getByRole('combobox', { name: 'École' }), '0721371Z');
  await expect(page).toHaveURL(new RegExp(`schoolId=${school.id}`));
  await page.getByRole('combobox', { name: 'États' }).fill('Dépl');
  await page.getByRole('option', { name: 'Déployé' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/status=deployed/);
  await expect(count).toHaveText(`Équipements trouvés : ${deployed.total}`);
  for (const row of (await page.getByRole('table').getByRole('row').all()).slice(1, 6)) {
    await expect(row).toContainText('Déployé');
    await expect(row).toContainText(school.name);
  }
  await expectAccessible(page, '/assets filtered by school and status');
  const csv = await page.request.get(
    (await page.getByRole('link', { name: 'Exporter CSV' }).getAttribute('href')) ?? '',
  );
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect((await csv.text()).trim().split(/\r?\n/)).toHaveLength(deployed.total + 1);

  // The school page: counts by category and status, each a link to the list filtered the same way.
  await visit(page, `/schools/${school.id}`, school.title);
  const panel = page.getByRole('region', { name: 'Équipements', exact: true });
  await expect(panel.getByRole('table')).toContainText('Borne wifi');
  const link = panel.getByRole('link', { name: /\(Borne wifi, Déployé\)$/ });
  const shown = Number(((await link.textContent()) ?? '').replace(/\D.*$/, ''));
  expect(shown).toBeGreaterThan(0);
  await link.click();
  await pageReady(page, 'Équipements');
  await expect(page).toHaveURL(
    new RegExp(`schoolId=${school.id}.*status=deployed|status=deployed.*schoolId=${school.id}`),
  );
  await expect(page).toHaveURL(/categoryId=/);
  await expect(count).toHaveText(`Équipements trouvés : ${shown}`);
  await expect(page.getByRole('combobox', { name: 'Catégorie' })).toHaveValue(/.+/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(Math.min(shown, 50) + 1);
  await expect(rows.nth(1)).toContainText('Borne wifi');
  await expectAccessible(page, '/assets from the school panel');
});

test('scanning: a label’s URL typed by a scanner finds the asset; the label address opens its page', async ({
  page,
}) => {
  await signIn(page);
  const asset = (await getJson<{ items: AssetSummary[] }>(page, '/api/assets?status=in_cart&limit=1'))
    .items[0] as AssetSummary;
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Scanner', exact: true }).click();
  await pageReady(page, 'Scanner une étiquette');
  await expectAccessible(page, '/assets/scan');
  // The camera is offered wherever the browser has a camera API (camera.spec.ts reads a QR with it).
  await expect(page.getByRole('button', { name: 'Scanner avec la caméra' })).toBeVisible();

  const box = page.getByRole('textbox', { name: 'Étiquette ou adresse de l’étiquette' });
  await box.fill(`${BASE_URL}/assets/tag/${encodeURIComponent(asset.tag)}`);
  await box.press('Enter');
  const live = page.getByRole('status').filter({ hasText: asset.tag });
  await expect(live).toContainText(`${asset.tag} : Apple iPad`);
  await expect(live).toContainText('Dans une classe mobile');
  await expect(box).toBeFocused();
  await box.fill('PAS-UNE-ETIQUETTE');
  await box.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'PAS-UNE-ETIQUETTE' })).toHaveText(
    'Aucun équipement n’a l’étiquette PAS-UNE-ETIQUETTE.',
  );
  await expectAccessible(page, '/assets/scan with results');
  await page.getByRole('list', { name: 'Étiquettes recherchées' }).getByRole('link', { name: asset.tag }).click();
  await pageReady(page, `${asset.tag} — Apple iPad 10,2" Wi-Fi 64 Go`);
  await expect(page.getByRole('region', { name: 'Contenu de la classe mobile' })).toHaveCount(0);

  // The address a QR label encodes leads to the asset's page.
  await page.goto(`/assets/tag/${encodeURIComponent(asset.tag)}`);
  await expect(page).toHaveURL(new RegExp(`/assets/${asset.id}$`));
  await pageReady(page, `${asset.tag} — Apple iPad 10,2" Wi-Fi 64 Go`);
  await page.goto('/assets/tag/PAS-UNE-ETIQUETTE');
  await pageReady(page, 'Équipement introuvable');
  await expectAccessible(page, '/assets/tag/$tag (unknown)');
});

test('catalogue and warranties: a category with custom fields, a model priced in euros, warranties ending', async ({
  page,
}) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Catalogue', exact: true }).click();
  await pageReady(page, 'Catalogue');
  await expectAccessible(page, '/inventory/catalogue');
  const suffix = Date.now().toString(36);

  // A category with a custom field.
  await page.getByRole('button', { name: 'Ajouter une catégorie' }).click();
  const category = page.getByRole('dialog', { name: 'Ajouter une catégorie' });
  await category.getByRole('textbox', { name: 'Code' }).fill(`robot_${suffix}`);
  await category.getByRole('textbox', { name: 'Nom (français)' }).fill(`Robot ${suffix}`);
  await category.getByRole('textbox', { name: 'Nom (anglais)' }).fill(`Robot ${suffix}`);
  await category.getByRole('button', { name: 'Ajouter un champ' }).click();
  const field = category.getByRole('group', { name: 'Champ 1' });
  await field.getByRole('textbox', { name: 'Nom technique' }).fill('1batterie');
  await field.getByRole('combobox', { name: 'Type' }).selectOption('integer');
  await field.getByRole('textbox', { name: 'Libellé' }).fill('Autonomie (h)');
  await expectAccessible(page, '/inventory/catalogue, category dialog');
  await category.getByRole('button', { name: 'Ajouter une catégorie' }).click();
  const name = field.getByRole('textbox', { name: 'Nom technique' });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await name.fill('autonomie');
  await category.getByRole('button', { name: 'Ajouter une catégorie' }).click();
  await expect(category).toBeHidden();
  const categories = page.getByRole('region', { name: 'Catégories' });
  await expect(categories.getByRole('row', { name: new RegExp(`Robot ${suffix}`) }).first()).toContainText(
    'Autonomie (h)',
  );
  const created = (
    await getJson<{ code: string; customFieldsSchema: unknown }[]>(page, '/api/inventory/categories')
  ).find((c) => c.code === `robot_${suffix}`);
  expect(created?.customFieldsSchema).toEqual({
    type: 'object',
    properties: { autonomie: { type: 'integer', title: 'Autonomie (h)' } },
  });

  // A model priced in euros, kept in cents; the same name again is refused on its field.
  const models = page.getByRole('region', { name: 'Modèles' });
  await models.getByRole('button', { name: 'Ajouter un modèle' }).click();
  const model = page.getByRole('dialog', { name: 'Ajouter un modèle' });
  await model.getByRole('textbox', { name: 'Nom du modèle' }).fill(`Robot éducatif ${suffix}`);
  await model.getByRole('combobox', { name: 'Catégorie' }).selectOption({ label: `Robot ${suffix}` });
  await model.getByRole('textbox', { name: 'Prix de référence HT (€)' }).fill('1 234,5');
  await model.getByRole('textbox', { name: 'Durée de vie prévue (années)' }).fill('6');
  await expectAccessible(page, '/inventory/catalogue, model dialog');
  await model.getByRole('button', { name: 'Ajouter un modèle' }).click();
  await expect(model).toBeHidden();
  await expect(models.getByRole('row', { name: new RegExp(`Robot éducatif ${suffix}`) })).toContainText(/1\s234,50\s€/);
  const saved = (await getJson<{ name: string; unitPriceCents: number }[]>(page, '/api/inventory/models')).find(
    (m) => m.name === `Robot éducatif ${suffix}`,
  );
  expect(saved?.unitPriceCents).toBe(123450);
  await models.getByRole('button', { name: 'Ajouter un modèle' }).click();
  await model.getByRole('textbox', { name: 'Nom du modèle' }).fill(`Robot éducatif ${suffix}`);
  await model.getByRole('combobox', { name: 'Catégorie' }).selectOption({ label: `Robot ${suffix}` });
  await model.getByRole('button', { name: 'Ajouter un modèle' }).click();
  await expect(model.getByRole('textbox', { name: 'Nom du modèle' })).toHaveAccessibleDescription(
    'Ce nom est déjà utilisé.',
  );
  await expectAccessible(page, '/inventory/catalogue, model dialog with an error');
  await model.getByRole('button', { name: 'Annuler' }).click();

  // Warranties ending within a year.
  await nav.getByRole('link', { name: 'Garanties', exact: true }).click();
  await pageReady(page, 'Garanties');
  await page.getByRole('combobox', { name: 'Période' }).selectOption('365');
  const year = await getJson<{ total: number }>(page, '/api/inventory/warranties?days=365');
  await expect(page.getByRole('status').filter({ hasText: 'Garanties se terminant' })).toContainText(
    `: ${fr(year.total)}`,
  );
  await expectAccessible(page, '/inventory/warranties');

  // The weekly digest (written by a background job, which the journeys do not run): shown on the home page.
  await page.route('**/api/notifications', (route) =>
    route.fulfill({
      json: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          kind: 'warranty_digest',
          payload: { days: 60, until: '2027-01-27', total: 12, items: [] },
          createdAt: '2026-11-23T06:00:00.000Z',
        },
      ],
    }),
  );
  // A new load: the home page asked for the notifications once already, at sign-in.
  await page.goto('/home');
  await pageReady(page, 'Accueil');
  const digest = page.getByRole('region', { name: 'Garanties' });
  await expect(digest).toContainText('12 garantie(s) se terminent d’ici le 27 janv. 2027.');
  await expectAccessible(page, '/home with the warranty digest');
  await digest.getByRole('link', { name: 'Voir les garanties' }).click();
  await pageReady(page, 'Garanties');
});
