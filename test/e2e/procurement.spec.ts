import { expect, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { luhnValid } from '../../src/shared/siret.ts';
import { expectAccessible, pageReady, signIn, test } from './helpers.ts';

/**
 * The acceptance journey of procurement (issue #6): an order for three
 * devices from a new supplier, placed, received with three serial numbers
 * typed as a barcode scanner types them (the assets appear in the
 * inventory), invoiced with its PDF, made eligible to the demo programme,
 * then claimed to the FEDER and exported. Everything here is the journey's
 * own (supplier, order, school, invoice dates in a window no demo invoice
 * uses), so that the demo data other journeys rely on stays as it was.
 */

const RUN = Date.now().toString(36).toUpperCase();
const ORDER = `BC-E2E-${RUN}`;
const CONTRACT = `MAPA-E2E-${RUN}`;
const INVOICE = `F-E2E-${RUN}`;
const SUPPLIER = `Fournitures Scolaires E2E ${RUN}`;
const SERIALS = [1, 2, 3].map((n) => `SN-E2E-${RUN}-${n}`);
/** A school no other journey counts the equipment of. */
const SCHOOL_UAI = '0720486M';
/** Dates within the FEDER convention's window (2020-02-01 → 2023-04-30), after the last demo invoice. */
const ORDERED_ON = '2023-03-01';
const RECEIVED_ON = '2023-03-20';
const INVOICE_DATE = '2023-04-27';
const PAID_ON = '2023-04-28';
const PROGRAMME = 'Plan numérique des écoles élémentaires';
const FEDER = 'Union européenne — FEDER (REACT-EU)';

/** A SIRET passing both Luhn checks (SIREN and SIRET), unique to this run. */
function siretOf(seed: number): string {
  const withCheck = (body: string) => {
    for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d;
    throw new Error('unreachable');
  };
  const siren = withCheck(`8${String(seed % 10_000_000).padStart(7, '0')}`);
  return withCheck(`${siren}0001`);
}

/** A small but real PDF (one empty page), built byte by byte with a correct cross-reference table. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Euros as the French interface writes them ("1 350,00 €", narrow no-break spaces). */
function euros(cents: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** The value shown beside a label in a panel's facts (a <dl>). */
function fact(scope: Locator, label: string): Locator {
  return scope.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
}

interface Model {
  id: string;
  name: string;
  archived: boolean;
  category: { role: string };
}

test('procurement: order, receive with scanned serials, invoice with its PDF, make eligible, claim and export', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const models = await getJson<Model[]>(page, '/api/inventory/models');
  const model =
    models.find((m) => !m.archived && m.category.role === 'pupil_device') ?? models.find((m) => !m.archived);
  if (!model) throw new Error('no catalogue model in the demo');
  const school = (
    await getJson<{ items: { id: string; name: string; uai: string }[] }>(page, `/api/schools?q=${SCHOOL_UAI}`)
  ).items[0];
  if (!school) throw new Error(`no school ${SCHOOL_UAI}`);

  // The purchasing entry of the navigation, and the orders list.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Achats', exact: true }).click();
  await pageReady(page, 'Bons de commande');
  await expect(nav.getByRole('link', { name: 'Achats', exact: true })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page, '/procurement/orders');

  // A contract (marché) with one lot, its holder a new supplier added from the contract's form.
  await nav.getByRole('link', { name: 'Marchés', exact: true }).click();
  await pageReady(page, 'Marchés');
  await expectAccessible(page, '/procurement/contracts');
  await page.getByRole('button', { name: 'Nouveau marché' }).click();
  const contractDialog = page.getByRole('dialog', { name: 'Nouveau marché' });
  await expectAccessible(page, '/procurement/contracts, new contract dialog');
  // Submitting empty: the problems are on the fields, the first one focused.
  await contractDialog.getByRole('button', { name: 'Enregistrer le marché' }).click();
  const reference = contractDialog.getByRole('textbox', { name: 'Référence' });
  await expect(reference).toHaveAttribute('aria-invalid', 'true');
  await expect(reference).toBeFocused();
  await reference.fill(CONTRACT);
  await contractDialog.getByRole('textbox', { name: 'Objet' }).fill('Tablettes pour les écoles élémentaires');
  await expect(contractDialog.getByRole('combobox', { name: 'Procédure' })).toHaveValue('procedure_adaptee');
  await contractDialog.getByLabel('Date de notification').fill('2023-01-16');
  await contractDialog.getByRole('textbox', { name: 'Plafond HT' }).fill('10 000');
  await contractDialog.getByRole('button', { name: 'Ajouter un lot' }).click();
  await contractDialog.getByRole('textbox', { name: 'Intitulé du lot 1' }).fill('Tablettes');

  await contractDialog.getByRole('button', { name: 'Nouveau fournisseur' }).click();
  const supplierDialog = page.getByRole('dialog', { name: 'Nouveau fournisseur' });
  await expectAccessible(page, '/procurement/contracts, new supplier dialog');
  await supplierDialog.getByRole('textbox', { name: 'Raison sociale' }).fill(SUPPLIER);
  const siret = siretOf(Date.now());
  const siretField = supplierDialog.getByRole('textbox', { name: 'SIRET' });
  // One digit changed: the server finds the check digit wrong, on the field.
  await siretField.fill(`${siret.slice(0, 13)}${(Number(siret[13]) + 1) % 10}`);
  await supplierDialog.getByRole('button', { name: 'Ajouter le fournisseur' }).click();
  await expect(siretField).toHaveAttribute('aria-invalid', 'true');
  await expect(siretField).toBeFocused();
  await siretField.fill(`${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`);
  await supplierDialog.getByRole('button', { name: 'Ajouter le fournisseur' }).click();
  await expect(supplierDialog).toBeHidden();
  const holder = contractDialog.getByRole('combobox', { name: 'Titulaire' });
  await expect(holder.locator('option:checked')).toHaveText(`${SUPPLIER} (${siret})`);
  await contractDialog.getByRole('button', { name: 'Enregistrer le marché' }).click();
  await expect(contractDialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Marché ${CONTRACT} enregistré.` })).toBeVisible();
  const contractRow = page.getByRole('row', { name: new RegExp(CONTRACT) });
  await expect(contractRow).toContainText(`${euros(0)} sur ${euros(1_000_000)}`);
  await expect(contractRow).toContainText('Lot 1 : Tablettes');
  await expectAccessible(page, '/procurement/contracts (one more)');

  // A new order under that contract.
  await nav.getByRole('link', { name: 'Achats', exact: true }).click();
  await pageReady(page, 'Bons de commande');
  await page.getByRole('link', { name: 'Nouvelle commande' }).click();
  await pageReady(page, 'Nouvelle commande');
  await expectAccessible(page, '/procurement/orders/new');
  // Submitting empty: the problems are on the fields, the first one focused.
  await page.getByRole('button', { name: 'Créer la commande' }).click();
  const number = page.getByRole('textbox', { name: 'Numéro de commande' });
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(number).toBeFocused();
  await number.fill(ORDER);
  await page.getByRole('combobox', { name: 'Fournisseur' }).selectOption({ label: `${SUPPLIER} (${siret})` });
  await page
    .getByRole('combobox', { name: 'Marché' })
    .selectOption({ label: `${CONTRACT} — Tablettes pour les écoles élémentaires` });
  await page.getByRole('combobox', { name: 'Lot' }).selectOption({ label: 'Lot 1 : Tablettes' });

  await page
    .getByRole('combobox', { name: 'Programme' })
    .selectOption({ label: 'Plan numérique des écoles élémentaires' });
  await page
    .getByRole('combobox', { name: 'Poste de dépense', exact: true })
    .selectOption({ label: 'EQ — Équipement informatique des classes' });
  await page.getByLabel('Date de commande').fill(ORDERED_ON);

  // One line: a catalogue model, three of them, 450 € HT each at 20 %, for one school.
  const line = page.getByRole('group', { name: 'Ligne 1' });
  await line.getByRole('combobox', { name: 'Modèle du catalogue' }).selectOption({ label: model.name });
  await expect(line.getByRole('textbox', { name: 'Désignation' })).toHaveValue(model.name);
  await line.getByRole('textbox', { name: 'Quantité' }).fill('3');
  await line.getByRole('textbox', { name: 'Prix unitaire HT' }).fill('450');
  await line.getByRole('combobox', { name: 'Taux de TVA' }).selectOption({ label: '20 %' });
  const picker = line.getByRole('combobox', { name: 'École destinataire' });
  await picker.fill(SCHOOL_UAI);
  await page.getByRole('option', { name: new RegExp(`\\(${SCHOOL_UAI}\\)$`) }).click();
  await page.keyboard.press('Escape');
  const totals = page.getByRole('table', { name: 'Totaux de la commande' });
  await expect(totals.getByRole('row', { name: /Montant HT/ })).toContainText(euros(135_000));
  await expect(totals.getByRole('row', { name: /TVA/ })).toContainText(euros(27_000));
  await expect(totals.getByRole('row', { name: /Montant TTC/ })).toContainText(euros(162_000));
  await expectAccessible(page, '/procurement/orders/new, filled');
  await page.getByRole('button', { name: 'Créer la commande' }).click();

  // The order's page: a draft, placed from here.
  await pageReady(page, `Commande ${ORDER}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Commande créée' })).toBeVisible();
  await expect(page.getByText('Brouillon', { exact: true })).toBeVisible();
  await expectAccessible(page, '/procurement/orders/$id (draft)');
  await page.getByRole('button', { name: 'Passer la commande' }).click();
  const place = page.getByRole('dialog', { name: 'Passer la commande' });
  await expect(place).toContainText(euros(162_000));
  await expectAccessible(page, '/procurement/orders/$id, place dialog');
  await place.getByRole('button', { name: 'Passer la commande' }).click();
  await expect(place).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Commande passée.' })).toBeVisible();
  await expect(page.getByText('Commandée', { exact: true })).toBeVisible();
  await expect(fact(page.getByRole('region', { name: 'Détails' }), 'Marché')).toHaveText(`${CONTRACT}, lot 1`);

  // Receiving: one too many first (refused on the line), then the three serials as a scanner types them.
  await page.getByRole('button', { name: 'Réceptionner une livraison' }).click();
  const receive = page.getByRole('dialog', { name: `Réception — commande ${ORDER}` });
  await expectAccessible(page, '/procurement/orders/$id, receive dialog');
  await receive.getByLabel('Date de réception').fill(RECEIVED_ON);
  await receive.getByRole('textbox', { name: 'Bon de livraison' }).fill(`BL-${RUN}`);
  const quantity = receive.getByRole('textbox', { name: `Quantité reçue — ${model.name}` });
  await expect(quantity).toHaveValue('3');
  await quantity.fill('4');
  await receive.getByRole('button', { name: 'Enregistrer la réception' }).click();
  await expect(quantity).toHaveAttribute('aria-invalid', 'true');
  await expect(quantity).toBeFocused();
  await expect(receive).toContainText('La quantité reçue dépasserait la quantité commandée');
  await expect(receive).toContainText('Il ne reste que 3 article(s) à recevoir sur cette ligne.');
  await quantity.fill('3');
  const serials = receive.getByRole('textbox', { name: `Numéros de série — ${model.name}` });
  await serials.focus();
  for (const serial of SERIALS) {
    // A keyboard-wedge scanner: the characters, then Enter.
    await page.keyboard.type(serial);
    await page.keyboard.press('Enter');
  }
  await expect(receive.getByText('Un par ligne. 3 saisi(s).')).toBeVisible();
  await receive.getByRole('button', { name: 'Enregistrer la réception' }).click();
  await expect(receive.getByRole('status')).toContainText('Livraison enregistrée : 3 article(s) reçu(s).');
  for (const serial of SERIALS) await expect(receive).toContainText(`n° de série ${serial}`);
  await expectAccessible(page, '/procurement/orders/$id, delivery done');
  const assetLinks = receive.getByRole('list', { name: 'Équipements créés (3) :' }).getByRole('link');
  await expect(assetLinks).toHaveCount(3);
  const tags = await assetLinks.allTextContents();
  await receive.getByRole('button', { name: 'Fermer', exact: true }).last().click();
  await expect(receive).toBeHidden();
  await expect(page.getByText('Reçue', { exact: true })).toBeVisible();
  const lines = page.getByRole('table', { name: `Lignes de la commande ${ORDER} : commandé, reçu, facturé` });
  // Ordered, received, invoiced: the last three cells of the line.
  const cells = lines.getByRole('row', { name: new RegExp(escapeRegExp(model.name)) }).getByRole('cell');
  await expect(cells.nth(4)).toHaveText('3');
  await expect(cells.nth(5)).toHaveText('3');
  await expect(cells.nth(6)).toHaveText('0');

  // The three assets are in the inventory, in stock for the school.
  await nav.getByRole('link', { name: 'Équipements', exact: true }).click();
  await pageReady(page, 'Équipements');
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(`SN-E2E-${RUN}`);
  await expect(page.getByRole('status').filter({ hasText: /Équipements trouvés/ })).toHaveText(
    'Équipements trouvés : 3',
  );
  for (const tag of tags) await expect(page.getByRole('link', { name: tag, exact: true })).toBeVisible();
  await expectAccessible(page, '/assets (the delivered ones)');
  await page.getByRole('link', { name: tags[0] as string, exact: true }).click();
  await expect(page.getByText(SERIALS[0] as string).first()).toBeVisible();
  // Back to the order through the orders list, filtered by the new supplier.
  await nav.getByRole('link', { name: 'Achats', exact: true }).click();
  await pageReady(page, 'Bons de commande');
  await page.getByRole('combobox', { name: 'Fournisseur' }).selectOption({ label: SUPPLIER });
  await expect(page.getByRole('status').filter({ hasText: /commande\(s\)/ })).toHaveText('1 commande(s)');
  await page.getByRole('link', { name: ORDER, exact: true }).click();
  await pageReady(page, `Commande ${ORDER}`);

  // The invoice of the order, its lines prefilled from what was received.
  await page.getByRole('button', { name: 'Enregistrer la facture' }).click();
  const invoiceDialog = page.getByRole('dialog', { name: `Facture de la commande ${ORDER}` });
  await expectAccessible(page, '/procurement/orders/$id, invoice dialog');
  await expect(invoiceDialog.getByRole('textbox', { name: 'Quantité (ligne 1)' })).toHaveValue('3');
  await expect(invoiceDialog.getByRole('textbox', { name: 'Prix unitaire HT (ligne 1)' })).toHaveValue('450');
  await expect(invoiceDialog.getByRole('textbox', { name: 'Total TTC' })).toHaveValue('1620');
  await invoiceDialog.getByRole('textbox', { name: 'Numéro de facture' }).fill(INVOICE);
  await invoiceDialog.getByLabel('Date de facture').fill(INVOICE_DATE);
  await invoiceDialog.getByLabel('Date de paiement').fill(PAID_ON);
  await invoiceDialog.getByRole('textbox', { name: 'Numéro de mandat' }).fill(`M-${RUN}`);
  // A typo on the TTC: the server's FUNDING_AMOUNTS_INVALID lands on the field.
  const ttc = invoiceDialog.getByRole('textbox', { name: 'Total TTC' });
  await ttc.fill('1600');
  await invoiceDialog.getByRole('button', { name: 'Enregistrer la facture' }).click();
  await expect(ttc).toHaveAttribute('aria-invalid', 'true');
  await expect(invoiceDialog).toContainText('Les montants ne concordent pas');
  await ttc.fill('1620,00');
  await invoiceDialog.getByRole('button', { name: 'Enregistrer la facture' }).click();

  // The invoice's page: no discrepancy, the PDF uploaded.
  await pageReady(page, `Facture ${INVOICE} — ${SUPPLIER}`);
  await expect(page.getByRole('status').filter({ hasText: `Facture ${INVOICE} enregistrée.` })).toBeVisible();
  const details = page.getByRole('region', { name: 'Détails' });
  await expect(fact(details, 'Montant TTC')).toHaveText(euros(162_000));
  await expect(fact(details, 'Commande')).toHaveText(ORDER);
  await expect(page.getByText('Aucun écart entre la commande, la réception et la facture.')).toBeVisible();
  await expectAccessible(page, '/procurement/invoices/$id');
  const pdfPanel = page.getByRole('region', { name: 'Facture PDF' });
  await pdfPanel.locator('input[type="file"]').setInputFiles({
    name: `${INVOICE}.pdf`,
    mimeType: 'application/pdf',
    buffer: tinyPdf(),
  });
  await pdfPanel.getByRole('button', { name: 'Envoyer le PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'PDF de la facture enregistré.' })).toBeVisible();
  const download = pdfPanel.getByRole('link', { name: `Télécharger la facture ${INVOICE} (PDF)` });
  const pdf = await page.request.get((await download.getAttribute('href')) as string);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // "Rendre éligible": the line becomes an expense of the demo programme's equipment cost item.
  await page.getByRole('button', { name: 'Rendre éligible' }).click();
  const allocate = page.getByRole('dialog', { name: `Rendre éligible — facture ${INVOICE}` });
  await expect(allocate.getByRole('combobox', { name: 'Programme' })).toHaveValue(/.+/);
  await expectAccessible(page, '/procurement/invoices/$id, allocate dialog');
  await allocate.getByRole('button', { name: 'Rendre éligible' }).click();
  const costItem = allocate.getByRole('combobox', { name: `Poste de dépense — ${model.name}` });
  await expect(costItem).toHaveAttribute('aria-invalid', 'true');
  await costItem.selectOption({ label: 'EQ — Équipement informatique des classes' });
  await expect(allocate.getByRole('radio', { name: 'Éligible', exact: true })).toBeChecked();
  await expect(allocate.getByRole('radio', { name: 'Selon les équipements livrés (leur école)' })).toBeChecked();
  await allocate.getByRole('button', { name: 'Rendre éligible' }).click();
  await expect(allocate).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '1 dépense(s) créée(s) dans le programme.' })).toBeVisible();
  const invoiceLines = page.getByRole('table', { name: `Lignes de la facture ${INVOICE} et dépenses du programme` });
  await expect(invoiceLines.getByRole('row', { name: new RegExp(escapeRegExp(model.name)) })).toContainText(
    `Éligible — ${euros(135_000)} éligible — répartie sur 1 école(s)`,
  );
  await expect(page.getByRole('button', { name: 'Rendre éligible' })).toHaveCount(0);
  await expectAccessible(page, '/procurement/invoices/$id (allocated)');

  // The invoices list finds it, with its allocation.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Factures' }).click();
  await pageReady(page, 'Factures');
  await expect(page.getByRole('row', { name: new RegExp(INVOICE) })).toContainText('1 sur 1');
  await expectAccessible(page, '/procurement/invoices');

  // The contract now shows what was ordered against its ceiling.
  await nav.getByRole('link', { name: 'Marchés', exact: true }).click();
  await pageReady(page, 'Marchés');
  await expect(page.getByRole('row', { name: new RegExp(CONTRACT) })).toContainText(
    `${euros(135_000)} sur ${euros(1_000_000)}`,
  );

  // The payment claim to the FEDER: an instalment ("acompte") for the invoices of that one day, which is this
  // journey's only.
  const programme = (await getJson<{ id: string; name: string }[]>(page, '/api/funding/programmes')).find(
    (p) => p.name === PROGRAMME,
  );
  if (!programme) throw new Error('no demo programme');
  const before = await getJson<{ claims: { kind: string; conventionReference: string; funderName: string }[] }>(
    page,
    `/api/funding/programmes/${programme.id}/claims`,
  );
  // No journey closes the FEDER convention with a final claim (the funding journey makes an instalment).
  expect(before.claims.some((c) => c.kind === 'final' && c.funderName === FEDER)).toBe(false);

  await nav.getByRole('link', { name: 'Financements', exact: true }).click();
  await pageReady(page, 'Programmes de financement');
  await page.getByRole('link', { name: PROGRAMME }).click();
  await pageReady(page, PROGRAMME);
  await page.getByRole('tab', { name: 'Demandes de paiement', exact: true }).click();
  await expect(page.getByText(/^(Chargement…|Loading…)$/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Nouvelle demande de paiement' }).click();
  const create = page.getByRole('dialog', { name: 'Nouvelle demande de paiement' });
  const convention = create.getByRole('combobox', { name: 'Convention' });
  const feder = (await convention.locator('option').allTextContents()).find((o) => o.startsWith(`${FEDER} — `));
  await convention.selectOption({ label: feder as string });
  await create.getByRole('radio', { name: /^Acompte/ }).check();
  await create.getByLabel('Factures du').fill(INVOICE_DATE);
  await create.getByLabel('Factures jusqu’au').fill(INVOICE_DATE);
  await expectAccessible(page, 'new claim dialog');
  await create.getByRole('button', { name: 'Créer la demande' }).click();
  await expect(page).toHaveURL(/\/funding\/claims\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Demande de paiement /);
  await expect(page.getByRole('status').filter({ hasText: /créée : 1 ligne\(s\)/ })).toBeVisible();
  const claimLines = page.getByRole('table', { name: 'Dépenses de la demande' });
  await expect(claimLines.locator('tbody tr')).toHaveCount(1);
  await expect(claimLines.getByRole('link', { name: INVOICE })).toBeVisible();
  await expectAccessible(page, 'claim page (draft)');

  // What the page shows as totals…
  const foot = page.getByRole('table', { name: 'Sous-totaux par poste' }).locator('tfoot td');
  await expect(foot.nth(1)).toHaveText(euros(135_000));
  await expect(foot.nth(2)).toHaveText(euros(135_000));
  const aidText = (await foot.nth(3).textContent()) ?? '';
  expect(aidText).toMatch(/€$/);

  // …is what the XLSX statement says, downloaded as the user does.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'État récapitulatif (XLSX)' }).click();
  const statement = await downloading;
  expect(statement.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await statement.path());
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  let total: ExcelJS.Row | undefined;
  let mine: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(2).value === 'Total général') total = row;
    if (row.getCell(4).value === INVOICE) mine = row;
  });
  const cents = (row: ExcelJS.Row | undefined, col: number) => Math.round(Number(row?.getCell(col).value) * 100);
  expect(mine, 'the invoice line in the statement').toBeDefined();
  expect(cents(mine, 7)).toBe(135_000);
  expect(cents(total, 7)).toBe(135_000);
  expect(cents(total, 8)).toBe(27_000);
  expect(cents(total, 9)).toBe(162_000);
  expect(cents(total, 12)).toBe(135_000);
  expect(euros(cents(total, 13))).toBe(aidText);

  // Submitted, so that no draft is left in the way of the convention's final claim.
  await page.getByRole('button', { name: 'Déposer', exact: true }).click();
  const submit = page.getByRole('dialog', { name: /^Déposer la demande / });
  await expectAccessible(page, 'submit claim dialog');
  await submit.getByRole('button', { name: 'Déposer', exact: true }).click();
  await expect(submit).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /déposée le/ })).toBeVisible();
});
