import { expect, type Page } from '@playwright/test';
import { expectAccessible, pageReady, signIn, test } from './helpers.ts';

/**
 * Funding journey on the demo programme ("Plan numérique des écoles
 * élémentaires", 1,490,666 € HT, FEDER 1,173,000 €): the budget and the
 * funding plan, a convention edited with a server-side validation error
 * then fixed, a payment claim created for the FEDER convention, submitted,
 * and its XLSX statement downloaded. axe runs on every page and dialog.
 */

const PROGRAMME = 'Plan numérique des écoles élémentaires';
const FEDER = 'Union européenne — FEDER (REACT-EU)';
const FEDER_RE = new RegExp(FEDER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** An amount as the French interface writes it: "1 490 666,00 €" (narrow no-break spaces). */
const euros = (whole: number) =>
  new RegExp(`^${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '[\\s\\u202f\\u00a0]')},00[\\s\\u00a0\\u202f]€$`);

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/^(Chargement…|Loading…)$/)).toHaveCount(0);
}

test('funding: budget and shares of the demo programme, expense lines, a convention fixed after a server error', async ({
  page,
}) => {
  await signIn(page);

  // The programmes, from the navigation.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Financements', exact: true }).click();
  await pageReady(page, 'Programmes de financement');
  await expect(nav.getByRole('link', { name: 'Financements', exact: true })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page, '/funding');

  // The demo programme: overview, then the budget.
  await page.getByRole('link', { name: PROGRAMME }).click();
  await pageReady(page, PROGRAMME);
  await expect(page.getByRole('heading', { name: 'Postes de dépense' })).toBeVisible();
  await expectAccessible(page, 'programme overview');

  // The tabs work with the keyboard: arrow to the budget.
  await page.getByRole('tab', { name: 'Présentation', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Budget', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Budget', exact: true })).toBeFocused();
  await expect(page).toHaveURL(/\?tab=budget$/);
  await expect(page.getByTestId('budget-total-plannedCents')).toHaveText(euros(1_490_666));
  const byCostItem = page.getByRole('table', { name: 'Budget par poste (HT)' });
  await expect(byCostItem.locator('tfoot td').first()).toHaveText(euros(1_490_666));
  const byFunder = page.getByRole('table', { name: 'Aide par financeur et part de la collectivité (HT)' });
  await expect(byFunder.getByRole('row', { name: FEDER_RE }).getByRole('cell').first()).toHaveText(euros(1_173_000));
  await expect(page.getByText(/FEDER \(REACT-EU\) : 1[\s\u202f]173[\s\u202f]000,00/)).toBeVisible();
  await expect(
    byFunder
      .getByRole('row', { name: /Part de la collectivité/ })
      .getByRole('cell')
      .first(),
  ).toHaveText(euros(317_666));
  await expectAccessible(page, 'programme budget');

  // Drill down: the expense lines of the first cost item.
  const firstItem = byCostItem.locator('tbody tr').first().getByRole('link');
  await firstItem.click();
  await expect(page).toHaveURL(/\/funding\/programmes\/[0-9a-f-]+\/lines\?costItemId=/);
  await pageReady(page, `Dépenses — ${PROGRAMME}`);
  await expect(page.getByRole('status').filter({ hasText: /ligne\(s\) de dépense/ })).toBeVisible();
  await expectAccessible(page, 'expense lines');

  // A line made partly eligible (amount and reason), then eligible again: the totals stay as the demo has them.
  const firstLine = page
    .getByRole('table', { name: /^Lignes de dépense, page 1/ })
    .locator('tbody tr')
    .first();
  const lineButton = firstLine.getByRole('button', { name: /^Éligibilité de la facture / });
  const invoice = /facture (\S+)/.exec((await lineButton.textContent()) ?? '')?.[1];
  expect(invoice).toBeTruthy();
  await lineButton.click();
  const eligibility = page.getByRole('dialog', { name: `Éligibilité — facture ${invoice}` });
  await eligibility.getByRole('radio', { name: 'Partiellement éligible' }).check();
  await eligibility.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(eligibility.getByRole('textbox', { name: /^Montant éligible HT/ })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectAccessible(page, 'eligibility dialog with errors');
  await eligibility.getByRole('textbox', { name: /^Montant éligible HT/ }).fill('100');
  await eligibility.getByRole('textbox', { name: /^Motif/ }).fill('Extension de garantie non éligible');
  await eligibility.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(eligibility).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: `Éligibilité de la facture ${invoice} enregistrée.` }),
  ).toBeVisible();
  await expect(firstLine).toContainText('Partiellement éligible');
  await expect(firstLine).toContainText('100,00');
  await firstLine.getByRole('button', { name: /^Éligibilité de la facture / }).click();
  await eligibility.getByRole('radio', { name: 'Éligible', exact: true }).check();
  await eligibility.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(eligibility).toHaveCount(0);
  await expect(firstLine.getByText('Éligible', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Retour au programme' }).click();
  await pageReady(page, PROGRAMME);

  // A convention: a rate above 100 % is refused by the server on the rate field, then fixed.
  await openTab(page, 'Conventions');
  await expectAccessible(page, 'programme conventions');
  await page.getByRole('button', { name: `Modifier la convention de ${FEDER}` }).click();
  const dialog = page.getByRole('dialog', { name: `Modifier la convention — ${FEDER}` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'convention dialog');
  const rate = dialog.getByRole('textbox', { name: 'Taux (%)' });
  await expect(rate).toHaveValue('78,69');
  await rate.fill('120');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Un taux est compris entre 0 et 100 %.')).toBeVisible();
  await expect(rate).toBeFocused();
  await expectAccessible(page, 'convention dialog with an error');
  await rate.fill('78,69');
  await rate.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Convention de ${FEDER} enregistrée.` })).toBeVisible();
  await expect(page.getByRole('row', { name: FEDER_RE })).toContainText('78,69 %');

  // Indicators and publicity.
  await openTab(page, 'Indicateurs et publicité');
  await expect(page.getByRole('heading', { name: 'Indicateurs' })).toBeVisible();
  await page.getByRole('button', { name: 'Créer les indicateurs usuels' }).click();
  const indicators = page.getByRole('table', { name: 'Indicateurs : valeur et cible' });
  await expect(indicators.locator('tbody tr')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Créer la liste usuelle' }).click();
  await expect(page.getByRole('table', { name: 'Obligations de publicité' }).locator('tbody tr')).not.toHaveCount(0);
  await expect(page.getByText('Emblème de l’Union européenne')).toBeVisible();
  await expectAccessible(page, 'indicators and publicity');
});

test('funding: an instalment claim for the FEDER convention, submitted, exported, checked and paid', async ({
  page,
}) => {
  // Dozens of lines on the claim page and in the check dialog, axe on each: slow on a loaded machine.
  test.setTimeout(240_000);
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Financements', exact: true })
    .click();
  await pageReady(page, 'Programmes de financement');
  await page.getByRole('link', { name: PROGRAMME }).click();
  await pageReady(page, PROGRAMME);

  // An instalment for the invoices of 2020 (well under the 80 % cap). Not the final claim: it would close the
  // convention, and the procurement journey claims its own invoice afterwards.
  await openTab(page, 'Demandes de paiement');
  await expectAccessible(page, 'programme claims');
  await page.getByRole('button', { name: 'Nouvelle demande de paiement' }).click();
  const create = page.getByRole('dialog', { name: 'Nouvelle demande de paiement' });
  await create
    .getByRole('combobox', { name: 'Convention' })
    .selectOption({ label: `${FEDER} — DEMO-FEDER-REACT-2021-001` });
  await create.getByRole('radio', { name: /^Acompte/ }).check();
  await create.getByLabel('Factures du').fill('2020-02-01');
  await create.getByLabel('Factures jusqu’au').fill('2020-12-31');
  await expectAccessible(page, 'new claim dialog');
  await create.getByRole('button', { name: 'Créer la demande' }).click();
  await expect(page).toHaveURL(/\/funding\/claims\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Demande de paiement /);
  await expect(page.getByRole('status').filter({ hasText: /créée : \d+ ligne\(s\)/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Dépenses de la demande' }).locator('tbody tr').first()).toBeVisible();
  await expectAccessible(page, 'claim page (draft)');

  // Submitted with its date.
  await page.getByRole('button', { name: 'Déposer', exact: true }).click();
  const submit = page.getByRole('dialog', { name: /^Déposer la demande / });
  await expect(submit.getByLabel(/^Déposée le/)).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expectAccessible(page, 'submit dialog');
  await submit.getByRole('button', { name: 'Déposer', exact: true }).click();
  await expect(submit).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /déposée le/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer le contrôle' })).toBeVisible();
  await expectAccessible(page, 'claim page (submitted)');

  // The XLSX statement: a real spreadsheet.
  const xlsx = page.getByRole('link', { name: 'État récapitulatif (XLSX)' });
  const href = await xlsx.getAttribute('href');
  expect(href).toMatch(/\/api\/funding\/claims\/[0-9a-f-]+\/.*xlsx/);
  const response = await page.request.get(href as string);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const body = await response.body();
  expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
  const download = page.waitForEvent('download');
  await xlsx.click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  // The funder's check (everything accepted), then the payment received.
  await page.getByRole('button', { name: 'Enregistrer le contrôle' }).click();
  const check = page.getByRole('dialog', { name: /^Contrôle de la demande / });
  await expect(check.getByLabel(/^Contrôlée le/)).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await check.getByRole('button', { name: 'Enregistrer le contrôle' }).click();
  await expect(check).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /acceptés\.$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  const pay = page.getByRole('dialog', { name: /^Paiement de la demande / });
  await expectAccessible(page, 'payment dialog');
  await pay.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await expect(pay).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /^Paiement de la demande .* enregistré/ })).toBeVisible();
  await expect(page.locator('main').getByText('Payée', { exact: true }).first()).toBeVisible();
});

test('funding: suppliers (a SIRET refused on its field), funders and a cost item added and deleted', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/funding/suppliers');
  await pageReady(page, 'Fournisseurs');
  await expect(page.getByRole('table', { name: 'Fournisseurs' }).locator('tbody tr')).not.toHaveCount(0);
  await expectAccessible(page, '/funding/suppliers');

  // A wrong check digit is caught on the field (in the browser, as the server would).
  const name = `Fournisseur e2e ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'Ajouter un fournisseur' }).click();
  let dialog = page.getByRole('dialog', { name: 'Ajouter un fournisseur' });
  await dialog.getByRole('textbox', { name: 'Raison sociale' }).fill(name);
  let siret = dialog.getByRole('textbox', { name: 'SIRET' });
  await siret.fill('732 829 320 00018');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(siret).toHaveAttribute('aria-invalid', 'true');
  await expect(siret).toBeFocused();
  await expect(dialog.getByText('La clé de contrôle de ce SIRET est fausse : vérifiez les chiffres.')).toBeVisible();
  await expectAccessible(page, 'supplier dialog with an error');
  await siret.fill('732 829 320 00017');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Fournisseur « ${name} » ajouté.` })).toBeVisible();
  await expect(page.getByRole('cell', { name: '732 829 320 00017' })).toBeVisible();

  // The same SIRET again: the server's refusal lands on the field.
  await page.getByRole('button', { name: 'Ajouter un fournisseur' }).click();
  dialog = page.getByRole('dialog', { name: 'Ajouter un fournisseur' });
  await dialog.getByRole('textbox', { name: 'Raison sociale' }).fill(`${name} bis`);
  siret = dialog.getByRole('textbox', { name: 'SIRET' });
  await siret.fill('73282932000017');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(siret).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Un fournisseur a déjà ce SIRET.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toHaveCount(0);

  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Financeurs' })
    .click();
  await pageReady(page, 'Financeurs');
  await expect(page.getByRole('rowheader', { name: FEDER })).toBeVisible();
  await expectAccessible(page, '/funding/funders');

  // A funder added, then deleted (it has no convention).
  await page.getByRole('button', { name: 'Ajouter un financeur' }).click();
  const funder = page.getByRole('dialog', { name: 'Ajouter un financeur' });
  await funder.getByRole('textbox', { name: 'Nom' }).fill(`Département e2e ${name}`);
  await funder.getByRole('combobox', { name: 'Type' }).selectOption('departement');
  await expectAccessible(page, 'funder dialog');
  await funder.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(funder).toHaveCount(0);
  await expect(page.getByRole('rowheader', { name: `Département e2e ${name}` })).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: `Supprimer Département e2e ${name}` }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Financeur « Département e2e ${name} » supprimé.` }),
  ).toBeVisible();
  await expect(page.getByRole('rowheader', { name: `Département e2e ${name}` })).toHaveCount(0);

  // A cost item added to the demo programme with its planned budget, then deleted.
  await page.goto('/funding');
  await pageReady(page, 'Programmes de financement');
  await page.getByRole('link', { name: PROGRAMME }).click();
  await pageReady(page, PROGRAMME);
  await page.getByRole('button', { name: 'Ajouter un poste' }).click();
  const item = page.getByRole('dialog', { name: 'Ajouter un poste' });
  await item.getByRole('textbox', { name: /^Code/ }).fill('E2E');
  await item.getByRole('textbox', { name: /^Intitulé/ }).fill('Poste de test');
  await item.getByRole('textbox', { name: /^Budget prévu HT/ }).fill('1 000,50');
  await expectAccessible(page, 'cost item dialog');
  await item.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(item).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Poste E2E ajouté.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^E2E Poste de test/ })).toContainText('1\u202f000,50');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Supprimer E2E' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Poste E2E supprimé.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^E2E Poste de test/ })).toHaveCount(0);
});
