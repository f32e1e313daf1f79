import { expect, type Locator, type Page } from '@playwright/test';
import { createUserViaApi, expectAccessible, pageReady, signIn, test, uniqueEmail } from './helpers.ts';

/**
 * The budget planner of the socle numérique, as the finance service: a
 * simulation with the SNEE preset and a REP+ priority on the demo's live
 * gap, saved as scenario "A"; a bigger budget saved as "B"; both compared
 * side by side (a bigger budget reaches at least as many classes), then
 * deleted (the demo database is shared by the journeys). axe runs on the
 * result and on the comparison; parts are driven with the keyboard only.
 */

const PASSWORD = 'Planner-Journey-Correct-Horse-42';

/** "1 234" as the French interface writes it → 1234. */
const whole = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function run(page: Page, budget: string): Promise<void> {
  const budgetField = page.getByRole('textbox', { name: 'Budget (euros)', exact: true });
  await budgetField.fill(budget);
  const answered = page.waitForResponse(
    (r) => r.url().endsWith('/api/baseline/plans/preview') && r.request().method() === 'POST',
  );
  // Enter in a field submits the form: the run needs no mouse.
  await budgetField.press('Enter');
  expect((await answered).status()).toBe(200);
  // The result's heading takes the focus, so that screen readers announce it.
  await expect(page.getByText(/^\d+ école\(s\) retenue\(s\), \d+ classe\(s\) amenée\(s\) au socle$/)).toBeFocused();
}

async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Nom du scénario', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Enregistrer comme scénario' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Scénario « ${name} » enregistré.` })).toBeVisible();
}

function comparedValue(table: Locator, row: string, column: number): Promise<string | null> {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: row, exact: true }) })
    .getByRole('cell')
    .nth(column)
    .textContent();
}

test('baseline planner: simulate with the SNEE preset, save two scenarios, compare them, delete them', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('planner-finance');
  await createUserViaApi(request, {
    email,
    displayName: 'Finances planificateur',
    roles: ['finance'],
    password: PASSWORD,
  });
  await signIn(page, email, PASSWORD);

  // From the navigation, under the socle numérique.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Planificateur budgétaire', exact: true }).click();
  await expect(page).toHaveURL(/\/baseline\/planner$/);
  await pageReady(page, 'Planificateur budgétaire');
  await expect(nav.getByRole('link', { name: 'Planificateur budgétaire', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expectAccessible(page, 'planner, empty');

  // A check in the browser first: no budget, no run.
  await page.getByRole('button', { name: 'Simuler' }).click();
  const budgetField = page.getByRole('textbox', { name: 'Budget (euros)', exact: true });
  await expect(budgetField).toBeFocused();
  await expect(budgetField).toHaveAttribute('aria-invalid', 'true');

  // 20 000 € of own share, the SNEE preset, a REP+ weight of 2.
  await page.getByRole('radio', { name: 'La part payée par la ville (après subventions)' }).check();
  await page.getByRole('button', { name: 'Ajouter État — SNEE 2021' }).click();
  const funders = page.getByRole('group', { name: 'Financeurs, par ordre de priorité' });
  await expect(funders.getByRole('listitem').filter({ hasText: '1. État — SNEE 2021' })).toBeVisible();
  await expect(
    funders
      .getByRole('listitem')
      .filter({ hasText: '1. État — SNEE 2021' })
      .getByText(/^Équipement : Par tranche : 70/),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'REP+', exact: true }).fill('2');
  await run(page, '20 000');

  // The figures and the schools chosen, each with its decision in words.
  expect(whole(await page.getByTestId('planner-selected').textContent())).toBeGreaterThan(0);
  const classesA = whole(await page.getByTestId('planner-classes').textContent());
  expect(classesA).toBeGreaterThan(0);
  await expect(page.getByTestId('planner-aid')).toContainText('État — SNEE 2021');
  const choices = page.getByRole('table', { name: /^Écoles par ordre de classement/ });
  await expect(choices.getByText('Retenue', { exact: true }).first()).toBeVisible();
  await expect(
    page.getByText(/classées par bénéfice \(classes ou élèves gagnés\) × multiplicateur de priorité/),
  ).toBeVisible();

  // The first school's details, opened with the keyboard: score breakdown and items.
  const details = choices.getByRole('button', { name: /^Détail / }).first();
  await details.focus();
  await page.keyboard.press('Enter');
  await expect(choices.getByRole('button', { name: /^Masquer le détail / }).first()).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(choices.getByText(/^REP\+ \(pondéré\) : [\d,]+$/).first()).toBeVisible();
  await expect(choices.getByText(/^Multiplicateur = 1 \+ [\d,]+ = [\d,]+$/).first()).toBeVisible();
  await expect(choices.getByRole('table', { name: /^Ce qu’il faut financer pour / }).first()).toBeVisible();
  await expectAccessible(page, 'planner with a result');

  await saveAs(page, 'A');

  // A bigger budget, saved as B.
  await run(page, '50 000');
  await saveAs(page, 'B');

  // Both side by side, ticked with the keyboard.
  const scenarios = page.getByRole('table', { name: 'Scénarios enregistrés' });
  await expect(scenarios.getByRole('rowheader', { name: 'B', exact: true })).toBeVisible();
  await scenarios.getByRole('checkbox', { name: 'Comparer « A »' }).focus();
  await page.keyboard.press('Space');
  await scenarios.getByRole('checkbox', { name: 'Comparer « B »' }).check();
  const comparison = page.getByRole('table', { name: /^Comparaison des scénarios/ });
  await expect(comparison).toBeVisible();
  const headers = comparison.locator('thead th');
  const columns = (await headers.allTextContents()).slice(1);
  const a = columns.indexOf('A');
  const b = columns.indexOf('B');
  expect(a).toBeGreaterThanOrEqual(0);
  expect(b).toBeGreaterThanOrEqual(0);
  expect(whole(await comparedValue(comparison, 'Budget', a))).toBe(2_000_000);
  expect(whole(await comparedValue(comparison, 'Budget', b))).toBe(5_000_000);
  const reachedA = whole(await comparedValue(comparison, 'Classes au socle', a));
  const reachedB = whole(await comparedValue(comparison, 'Classes au socle', b));
  expect(reachedA).toBe(classesA);
  expect(reachedB).toBeGreaterThanOrEqual(reachedA);
  await expectAccessible(page, 'planner comparison');

  // The workbook of a scenario.
  const download = page.waitForEvent('download');
  await scenarios.getByRole('link', { name: 'Export XLSX A', exact: true }).click();
  expect((await download).suggestedFilename()).toBe('plan-socle.xlsx');

  // Cleaning up: both deleted, after confirming.
  page.on('dialog', (dialog) => void dialog.accept());
  for (const name of ['A', 'B']) {
    await scenarios.getByRole('button', { name: `Supprimer ${name}`, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Scénario « ${name} » supprimé.` })).toBeVisible();
  }
  await expect(comparison).toHaveCount(0);
});
