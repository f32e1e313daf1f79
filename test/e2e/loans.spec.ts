import { expect, type Locator, type Page } from '@playwright/test';
import { BASE_URL } from './env.ts';
import { chooseLanguageSignedIn, expectAccessible, pageReady, signIn, test, visit } from './helpers.ts';

/**
 * Family loans, from the request to the return, on the demo of Ville du
 * Mans: the journey works in a school the demo's loans leave alone
 * (0720700V), with fictional families. The family's part happens in a
 * fresh browser context, without any session, through the signed link.
 */

const UAI = '0720700V';

interface AssetSummary {
  id: string;
  tag: string;
  status: string;
  cart: { id: string; tag: string } | null;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** The value shown beside a label in a panel's facts (a <dl>). */
function fact(scope: Locator, label: string): Locator {
  return scope.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
}

async function pickSchool(page: Page, picker: Locator, uai: string): Promise<void> {
  await picker.fill(uai);
  await page.getByRole('option', { name: new RegExp(`\\(${uai}\\)$`) }).click();
  await page.keyboard.press('Escape');
}

test('family loan: request → approve → allocate → the family accepts through its link → handover → return with wipe', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  const school = (await getJson<{ items: { id: string; name: string }[] }>(page, `/api/schools?q=${UAI}`)).items[0] as {
    id: string;
    name: string;
  };
  const tablet = (
    await getJson<{ items: AssetSummary[] }>(
      page,
      `/api/assets?schoolId=${school.id}&status=in_cart&categoryRole=pupil_device&limit=1`,
    )
  ).items[0] as AssetSummary;
  expect(tablet.cart).not.toBeNull();

  // The nav: Prêts, and under it the requests.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Prêts', exact: true }).click();
  await pageReady(page, 'Prêts aux familles');
  await expectAccessible(page, '/loans');
  await nav.getByRole('link', { name: 'Demandes', exact: true }).click();
  await pageReady(page, 'Demandes de prêt');
  await expect(nav.getByRole('link', { name: 'Demandes', exact: true })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page, '/loans/requests');

  // The request: the server's field errors land on their fields.
  await page.getByRole('link', { name: 'Nouvelle demande' }).click();
  await pageReady(page, 'Nouvelle demande de prêt');
  await expectAccessible(page, '/loans/requests/new');
  const form = page.getByRole('main');
  await pickSchool(page, form.getByRole('combobox', { name: 'École' }), UAI);
  await form.getByRole('textbox', { name: 'Prénom de l’élève' }).fill('Lou');
  await form.getByRole('textbox', { name: 'Nom de l’élève', exact: true }).fill('Imaginaire');
  const first = form.getByRole('group', { name: 'Représentant légal 1' });
  await first.getByRole('textbox', { name: 'Prénom' }).fill('Claude');
  await first.getByRole('textbox', { name: 'Nom', exact: true }).fill('Imaginaire');
  await first.getByRole('textbox', { name: 'Adresse', exact: true }).fill('7 rue Imaginaire');
  await first.getByRole('textbox', { name: 'Code postal' }).fill('720');
  await first.getByRole('textbox', { name: 'Commune' }).fill('Le Mans');
  await form.getByRole('button', { name: 'Ajouter un second représentant légal' }).click();
  const second = form.getByRole('group', { name: 'Représentant légal 2' });
  await second.getByRole('textbox', { name: 'Prénom' }).fill('Dominique');
  await second.getByRole('textbox', { name: 'Nom', exact: true }).fill('Imaginaire');
  await second.getByRole('textbox', { name: 'Adresse', exact: true }).fill('21 rue Imaginaire');
  await second.getByRole('textbox', { name: 'Code postal' }).fill('72100');
  await second.getByRole('textbox', { name: 'Commune' }).fill('Le Mans');
  await second.getByRole('textbox', { name: 'Adresse e-mail' }).fill('dominique.imaginaire@example.org');
  await form.getByRole('checkbox', { name: 'Pas d’internet au domicile (clé 4G)' }).check();
  await form.getByRole('combobox', { name: 'Motif' }).selectOption({ label: 'Pas d’équipement au domicile' });
  await form.getByRole('button', { name: 'Enregistrer la demande' }).click();
  const postcode = first.getByRole('textbox', { name: 'Code postal' });
  await expect(postcode).toHaveAttribute('aria-invalid', 'true');
  await expect(postcode).toHaveAccessibleDescription(/Un code postal s’écrit avec 5 chiffres\./);
  await expect(postcode).toBeFocused();
  await expectAccessible(page, '/loans/requests/new with a field error');
  // Each legal representative can be reached: a phone or an e-mail address.
  await postcode.fill('72000');
  await form.getByRole('button', { name: 'Enregistrer la demande' }).click();
  const email = first.getByRole('textbox', { name: 'Adresse e-mail' });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/Indiquez un téléphone ou une adresse e-mail/);
  await expect(email).toBeFocused();
  await expect(postcode).not.toHaveAttribute('aria-invalid', 'true');
  await first.getByRole('textbox', { name: 'Téléphone' }).fill('01 99 00 42 42');
  await form.getByRole('button', { name: 'Enregistrer la demande' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Demande de prêt — F-[A-Z2-9]{5}$/);
  const pseudonym = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').split(' — ')[1] as string;
  await pageReady(page, `Demande de prêt — ${pseudonym}`);
  await expect(page.getByRole('status').filter({ hasText: 'Demande enregistrée' })).toHaveText(
    `Demande enregistrée pour la famille ${pseudonym}.`,
  );
  const family = page.getByRole('region', { name: 'Élève et famille' });
  await expect(fact(family, 'Élève')).toHaveText('Lou Imaginaire');
  await expect(family.getByRole('heading', { name: 'Représentant légal 2' })).toBeVisible();
  await expectAccessible(page, '/loans/requests/$id (pending)');

  // A manager's approval, confirmed in a dialog.
  await page.getByRole('button', { name: 'Approuver', exact: true }).click();
  const approve = page.getByRole('dialog', { name: `Approuver la demande ${pseudonym}` });
  await expectAccessible(page, '/loans/requests/$id, approve dialog');
  await approve.getByRole('button', { name: 'Approuver' }).click();
  await expect(approve).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Demande approuvée.' })).toBeVisible();

  // Allocation: the tablet's tag typed as a scanner types it.
  const allocation = page.getByRole('region', { name: 'Attribuer un appareil' });
  await expect(allocation).toContainText('ajoutez une clé 4G');
  await expectAccessible(page, '/loans/requests/$id (approved, allocation)');
  await allocation.getByRole('button', { name: 'Attribuer et créer le prêt' }).click();
  await expect(allocation.getByRole('alert')).toHaveText('Choisissez au moins un appareil.');
  const scan = allocation.getByRole('textbox', { name: 'Étiquette scannée' });
  await scan.fill(`${BASE_URL}/assets/tag/${tablet.tag}`);
  await scan.press('Enter');
  await expect(allocation.getByRole('status')).toContainText(`${tablet.tag} ajouté au prêt`);
  await expect(scan).toBeFocused();
  await expect(allocation.getByRole('list', { name: 'Appareils du prêt (1)' })).toContainText(tablet.tag);
  await allocation.getByRole('button', { name: 'Attribuer et créer le prêt' }).click();

  await pageReady(page, `Prêt — ${pseudonym}`);
  await expect(page.getByRole('status').filter({ hasText: 'Prêt créé' })).toBeVisible();
  const steps = page.getByRole('region', { name: 'Le prêt' });
  await expect(fact(steps, 'État')).toHaveText('Attribué, convention à accepter');
  // The handover waits for the convention, and says so.
  const handoverButton = steps.getByRole('button', { name: 'Remettre à la famille' });
  await expect(handoverButton).toBeDisabled();
  await expect(handoverButton).toHaveAccessibleDescription(/la convention doit d’abord être acceptée/);
  await expect(page.getByRole('link', { name: 'Convention (PDF, français)' })).toHaveAttribute(
    'href',
    /\/convention\.pdf\?lang=fr$/,
  );
  await expectAccessible(page, '/loans/$id (allocated)');

  // The family link, with its QR code and a sheet to print.
  const linkPanel = page.getByRole('region', { name: 'Lien pour la famille' });
  await linkPanel.getByRole('button', { name: 'Afficher le lien' }).click();
  const linkBox = linkPanel.getByRole('textbox', { name: 'Lien de la famille' });
  await expect(linkBox).toHaveValue(/\/famille\/[A-Za-z0-9_-]{22}\.[0-9a-z]+\.[A-Za-z0-9_-]{32}$/);
  const url = await linkBox.inputValue();
  const path = new URL(url).pathname;
  await expect(linkPanel.getByRole('img', { name: 'QR code du lien de la famille' })).toBeVisible();
  await expectAccessible(page, '/loans/$id with the family link');
  await linkPanel.getByRole('button', { name: 'Imprimer avec le QR code' }).click();
  const sheet = page.getByRole('dialog', { name: 'Fiche pour la famille' });
  await expect(sheet.getByRole('img', { name: 'QR code du lien de la famille' })).toBeVisible();
  await expect(sheet).toContainText(path);
  await expectAccessible(page, '/loans/$id, print sheet dialog');
  await sheet.getByRole('button', { name: 'Fermer' }).first().click();
  await expect(sheet).toBeHidden();

  // The family: a fresh browser, no account.
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'fr-FR', reducedMotion: 'reduce' });
  const familyPage = await context.newPage();
  const familyErrors: string[] = [];
  familyPage.on('pageerror', (error) => familyErrors.push(error.message));
  await familyPage.goto(path);
  await pageReady(familyPage, `Prêt d’équipement — ${school.name}`);
  await expect(familyPage.getByRole('heading', { level: 1 })).toHaveText('Votre prêt d’équipement numérique');
  await expect(familyPage.getByRole('main')).toContainText('pour la scolarité de Lou');
  await expect(familyPage.getByRole('main')).toContainText(tablet.tag);
  await expect(familyPage.getByRole('navigation', { name: 'Navigation principale' })).toHaveCount(0);
  await expect(familyPage.getByRole('link', { name: 'Lire la convention complète (PDF)' })).toHaveAttribute(
    'href',
    `${path.replace('/famille/', '/api/public/family/')}/convention.pdf?lang=fr`,
  );
  await expectAccessible(familyPage, '/famille/$token');
  const accept = familyPage.getByRole('region', { name: 'Accepter la convention' });
  await accept.getByRole('button', { name: 'J’accepte la convention' }).click();
  const typed = accept.getByRole('textbox', { name: 'Votre prénom et votre nom' });
  await expect(typed).toHaveAttribute('aria-invalid', 'true');
  await expect(typed).toHaveAccessibleDescription(/Tapez votre prénom et votre nom\./);
  await expect(typed).toBeFocused();
  await expectAccessible(familyPage, '/famille/$token with field errors');
  await typed.fill('Claude Imaginaire');
  await accept.getByRole('checkbox', { name: 'J’ai lu la convention de prêt et je l’accepte' }).check();
  await accept.getByRole('button', { name: 'J’accepte la convention' }).click();
  await expect(accept.getByRole('status')).toContainText('Convention acceptée le');
  await expectAccessible(familyPage, '/famille/$token (accepted)');

  // Reporting a problem: a message for the school, and only a receipt back.
  const report = familyPage.getByRole('region', { name: 'Signaler un problème' });
  await report.getByRole('button', { name: 'Envoyer à l’école' }).click();
  await expect(report.getByText('Choisissez de quoi il s’agit.')).toBeVisible();
  await expect(report.getByRole('textbox', { name: 'Votre message' })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(familyPage, '/famille/$token, report form with errors');
  await report.getByRole('radio', { name: 'Panne' }).check();
  await report.getByRole('textbox', { name: 'Votre message' }).fill('La tablette ne s’allume plus.');
  await report.getByRole('button', { name: 'Envoyer à l’école' }).click();
  await expect(report.getByRole('status')).toContainText('Message transmis à l’école le');
  await expect(report.getByRole('textbox', { name: 'Votre message' })).toHaveValue('');

  // A changed link: a clear error page, nothing changed.
  const tampered = `${path.slice(0, -3)}${path.endsWith('AAA') ? 'BBB' : 'AAA'}`;
  await familyPage.goto(tampered);
  await pageReady(familyPage, 'Lien non valide');
  await expect(familyPage.getByRole('main')).toContainText('Rien n’a été enregistré');
  await expectAccessible(familyPage, '/famille/$token (tampered)');
  expect(familyErrors).toEqual([]);
  await context.close();

  // Back at the school: the handover, the tag typed into the scan box.
  await page.reload();
  await pageReady(page, `Prêt — ${pseudonym}`);
  await expect(fact(steps, 'État')).toHaveText('Convention acceptée');
  await expect(fact(steps, 'Convention')).toContainText('acceptée en ligne par la famille');
  await steps.getByRole('button', { name: 'Remettre à la famille' }).click();
  const handover = page.getByRole('dialog', { name: `Remise à la famille — ${pseudonym}` });
  await expectAccessible(page, '/loans/$id, handover dialog');
  await handover.getByRole('button', { name: 'Confirmer la remise' }).click();
  await expect(handover.getByRole('alert')).toHaveText('Il reste 1 appareil(s) à scanner.');
  const handoverScan = handover.getByRole('textbox', { name: 'Étiquette scannée' });
  await handoverScan.fill('PAS-DANS-CE-PRET');
  await handoverScan.press('Enter');
  await expect(handover.getByRole('status')).toHaveText('PAS-DANS-CE-PRET ne fait pas partie de ce prêt.');
  await handoverScan.fill(tablet.tag);
  await handoverScan.press('Enter');
  await expect(handover.getByRole('status')).toContainText(`${tablet.tag} scanné`);
  await expectAccessible(page, '/loans/$id, handover dialog with a scan');
  await handover.getByRole('button', { name: 'Confirmer la remise' }).click();
  await expect(handover).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Appareil remis à la famille.' })).toBeVisible();
  await expect(fact(steps, 'État')).toHaveText('Remis à la famille');
  expect((await getJson<AssetSummary>(page, `/api/assets/${tablet.id}`)).status).toBe('on_loan');
  await expectAccessible(page, '/loans/$id (handed over)');

  // The return: scanned, wiped, back into its cart.
  await steps.getByRole('button', { name: 'Enregistrer le retour' }).click();
  const back = page.getByRole('dialog', { name: `Retour — ${pseudonym}` });
  await back.getByRole('button', { name: 'Confirmer le retour' }).click();
  const wiped = back.getByRole('checkbox', { name: /L’appareil a été réinitialisé \(MDM\)/ });
  await expect(wiped).toHaveAttribute('aria-invalid', 'true');
  await expect(back.getByRole('alert').first()).toHaveText('Scannez au moins un appareil rendu.');
  await expectAccessible(page, '/loans/$id, return dialog with errors');
  const backScan = back.getByRole('textbox', { name: 'Étiquette scannée' });
  await backScan.fill(tablet.tag);
  await backScan.press('Enter');
  await back.getByRole('radio', { name: 'Endommagé' }).check();
  await back.getByRole('textbox', { name: 'Notes sur l’état (facultatif)' }).fill('Coin de l’écran fêlé.');
  await wiped.check();
  await back.getByRole('radio', { name: 'Dans une classe mobile' }).check();
  await back.getByRole('combobox', { name: 'Classe mobile' }).selectOption(tablet.cart?.id ?? '');
  await back.getByRole('button', { name: 'Confirmer le retour' }).click();
  await expect(back).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Retour enregistré' })).toBeVisible();
  await expect(fact(steps, 'État')).toHaveText('Rendu et clos');
  await expect(fact(steps, 'Rendu le')).toContainText('Endommagé');
  await expect(fact(steps, 'Notes au retour')).toHaveText('Coin de l’écran fêlé.');
  await expect(fact(steps, 'Réinitialisé \\(MDM\\) le')).not.toHaveText('Non renseigné');
  const asset = await getJson<AssetSummary>(page, `/api/assets/${tablet.id}`);
  expect(asset.status).toBe('in_cart');
  expect(asset.cart?.id).toBe(tablet.cart?.id);
  await expectAccessible(page, '/loans/$id (closed)');

  // The loans list, filtered in the URL: the closed loan, under its pseudonym only.
  await visit(page, `/loans?schoolId=${school.id}&status=closed`, 'Prêts aux familles');
  const row = page.getByRole('row', { name: new RegExp(pseudonym) });
  await expect(row).toContainText('Rendu et clos');
  await expect(row).not.toContainText('Imaginaire');
});

test('loans lists show the demo’s loans in every state; overdue ones on their own; the settings page', async ({
  page,
}) => {
  await signIn(page);
  // The demo has an overdue loan: the overdue filter keeps only late ones.
  await visit(page, '/loans', 'Prêts aux familles');
  await page.getByRole('checkbox', { name: 'En retard seulement' }).check();
  await expect(page).toHaveURL(/[?&]overdue=true/);
  const overdue = (await getJson<{ total: number }>(page, '/api/loans?overdue=true')).total;
  expect(overdue).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('status').filter({ hasText: 'prêt(s)' })).toHaveText(`${overdue} prêt(s)`);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(Math.min(overdue, 50) + 1);
  for (const row of (await rows.all()).slice(1)) await expect(row).toContainText('En retard');
  await expectAccessible(page, '/loans?overdue=true');
  await page.goBack();
  await expect(page).not.toHaveURL(/overdue/);

  // English is complete: the same list, in English, then back to French (the choice is saved to the account).
  await chooseLanguageSignedIn(page, 'English');
  await pageReady(page, 'Family loans');
  await expect(page.getByRole('checkbox', { name: 'Overdue only' })).toBeVisible();
  await expectAccessible(page, '/loans in English');
  await chooseLanguageSignedIn(page, 'Français');
  await pageReady(page, 'Prêts aux familles');

  // Requests in every state of the demo, filtered by status in the URL.
  await visit(page, '/loans/requests?status=rejected', 'Demandes de prêt');
  await expect(page.getByRole('combobox', { name: 'État' })).toHaveValue('rejected');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Refusée');

  // Settings: eligibility reasons (a dialog) and the loan settings.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Réglages des prêts' }).click();
  await pageReady(page, 'Réglages des prêts');
  await expect(page.getByRole('row', { name: /no_device_at_home/ })).toContainText('Pas d’équipement au domicile');
  await expectAccessible(page, '/loans/settings');
  await page.getByRole('button', { name: 'Ajouter un motif' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter un motif' });
  await dialog.getByRole('textbox', { name: 'Code' }).fill('Pas Valide');
  await dialog.getByRole('textbox', { name: 'Libellé en français' }).fill('Logement d’urgence');
  await dialog.getByRole('textbox', { name: 'Libellé en anglais' }).fill('Emergency housing');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  const code = dialog.getByRole('textbox', { name: 'Code' });
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription(/Le code s’écrit avec 2 à 40 lettres minuscules/);
  await expectAccessible(page, '/loans/settings, reason dialog with an error');
  await code.fill('emergency_housing');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /emergency_housing/ })).toContainText('Logement d’urgence');
  const settings = page.getByRole('region', { name: 'Prêts et convention' });
  const due = settings.getByRole('textbox', { name: 'Date de retour habituelle (MM-JJ)' });
  await due.fill('13-40');
  await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(due).toHaveAccessibleDescription(/au format MM-JJ/);
  await due.fill('07-03');
  await settings.getByRole('button', { name: 'Enregistrer les réglages' }).click();
  await expect(settings.getByRole('status')).toHaveText('Réglages enregistrés.');
  await expectAccessible(page, '/loans/settings (saved)');
});
