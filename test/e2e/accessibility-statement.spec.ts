import { expect, type Page } from '@playwright/test';
import { expectAccessible, pageReady, signIn, test, visit } from './helpers.ts';

/**
 * The accessibility statement's own facts: an admin records an audit and a
 * multi-year plan; field-level messages for bad input; the public statement
 * shows them. The journey puts the defaults back at the end (other journeys
 * read the statement as "not evaluated"), through the API whatever happens.
 */
test('an admin records the audit and the multi-year plan; the statement shows them', async ({ page }) => {
  await signIn(page);
  try {
    await journey(page);
  } finally {
    // Back to the defaults whatever happened (the public journeys read the statement as "not evaluated").
    const csrf = (await page.context().cookies()).find((c) => c.name === 'socle_csrf')?.value ?? '';
    const res = await page.request.patch('/api/organisation', {
      headers: { 'x-csrf-token': csrf },
      data: {
        settings: {
          accessibility: { status: 'non_evalue', auditedOn: null, auditor: '', complianceRate: null, plan: [] },
        },
      },
    });
    expect(res.status()).toBe(200);
  }
});

async function journey(page: Page) {
  await visit(page, '/admin/accessibility', 'Déclaration d’accessibilité');
  await expectAccessible(page, '/admin/accessibility');
  const main = page.getByRole('main');

  await main.getByRole('combobox', { name: 'État de conformité' }).selectOption('partiel');
  await main.getByLabel('Date de l’audit').fill('2026-06-15');
  await main.getByRole('textbox', { name: 'Réalisé par' }).fill('Cabinet Exemple');
  await main.getByRole('textbox', { name: 'Taux de conformité (%)' }).fill('72,5');
  await main.getByRole('button', { name: 'Ajouter une année' }).click();
  await main.getByRole('button', { name: 'Ajouter une année' }).click();
  const years = main.getByRole('textbox', { name: 'Année' });
  await expect(years).toHaveCount(2);
  // Two entries for one year, the second without actions: both are named, nothing is saved.
  await years.nth(0).fill('2027');
  await years.nth(1).fill('2027');
  await main
    .getByRole('textbox', { name: 'Actions prévues en 2027' })
    .first()
    .fill('Audit complet ; formation des agents.');
  await main.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(main).toContainText('Cette année figure déjà dans le schéma.');
  await expect(years.nth(1)).toBeFocused();
  await expectAccessible(page, '/admin/accessibility (errors)');
  await years.nth(1).fill('2028');
  await main.getByRole('textbox', { name: 'Actions prévues en 2028' }).fill('Correction des non-conformités.');
  await main.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Déclaration enregistrée.' })).toBeVisible();

  await main.getByRole('link', { name: 'Voir la déclaration d’accessibilité' }).click();
  await pageReady(page, 'Déclaration d’accessibilité');
  await expect(main).toContainText('Socle est partiellement conforme');
  await expect(main).toContainText('15 juin 2026 par Cabinet Exemple relève que 72,5 % des critères');
  const plan = main.getByRole('region', { name: 'Schéma pluriannuel de mise en accessibilité' });
  await expect(plan.getByRole('listitem')).toHaveText([
    '2027 : Audit complet ; formation des agents.',
    '2028 : Correction des non-conformités.',
  ]);
  await expect(main.getByRole('heading', { name: 'Mesures prises, par thématique du RGAA' })).toBeVisible();
  await expectAccessible(page, '/accessibilite (audit and plan)');

  // The footer's report-a-problem link lands on the contact section.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Signaler un problème d’accessibilité' }).click();
  await expect(page).toHaveURL(/\/accessibilite#signaler$/);

  // Back to the defaults.
  await visit(page, '/admin/accessibility', 'Déclaration d’accessibilité');
  await main.getByRole('combobox', { name: 'État de conformité' }).selectOption('non_evalue');
  await main.getByLabel('Date de l’audit').fill('');
  await main.getByRole('textbox', { name: 'Réalisé par' }).fill('');
  await main.getByRole('textbox', { name: 'Taux de conformité (%)' }).fill('');
  await main.getByRole('button', { name: 'Retirer l’année 2028' }).click();
  await main.getByRole('button', { name: 'Retirer l’année 2027' }).click();
  await main.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'Déclaration enregistrée.' })).toBeVisible();
}
