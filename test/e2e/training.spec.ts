import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './env.ts';
import { createUserViaApi, expectAccessible, pageReady, signIn, test, uniqueEmail } from './helpers.ts';

/**
 * Training: a manager creates a teachers' session open to every school; a
 * director registers a teacher of their school by name; the manager moves
 * the session to yesterday (it took place), records the attendance, and the
 * "teachers trained per school" table counts one more for that school. axe
 * on the list, the dialog and the session page. The session stays (held
 * sessions are kept: they count).
 */

const PASSWORD = 'Training-Journey-Correct-Horse-42';

interface School {
  id: string;
  name: string;
  trained: number;
}

/** A demo elementary school and its count of teachers trained now (as the admin, through the API). */
async function demoSchool(request: APIRequestContext): Promise<School> {
  const login = await request.post('/api/auth/login', { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  try {
    const list = await request.get('/api/schools?kind=elementaire&limit=5&sort=name');
    const { items } = (await list.json()) as { items: { id: string }[] };
    const id = items[0]?.id ?? '';
    const report = await request.get(`/api/training/teachers-trained?schoolId=${id}`);
    expect(report.status()).toBe(200);
    const { schools } = (await report.json()) as { schools: { schoolId: string; name: string; trained: number }[] };
    const school = schools.find((s) => s.schoolId === id);
    if (!school) throw new Error('demo school missing from the report');
    return { id, name: school.name, trained: school.trained };
  } finally {
    await request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } });
  }
}

const schoolDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date);

async function switchUser(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, email, PASSWORD);
}

test('training: a manager creates a session, a director registers a teacher, attendance counts', async ({
  page,
  request,
}) => {
  // A long journey (three accounts, a file, two registrations): more than the default on a loaded machine.
  test.slow();
  const school = await demoSchool(request);
  const manager = uniqueEmail('training-manager');
  const director = uniqueEmail('training-director');
  await createUserViaApi(request, {
    email: manager,
    displayName: 'Morgan Formation',
    roles: ['manager'],
    password: PASSWORD,
  });
  await createUserViaApi(request, {
    email: director,
    displayName: 'Dominique Direction',
    roles: ['director'],
    password: PASSWORD,
    schoolIds: [school.id],
  });
  const suffix = Date.now().toString(36);
  const colleague = `Camille Compte ${suffix}`;
  await createUserViaApi(request, {
    email: uniqueEmail('training-teacher'),
    displayName: colleague,
    roles: ['teacher'],
    password: PASSWORD,
    schoolIds: [school.id],
  });
  const topic = `Prise en main de l’ENI ${suffix}`;
  const teacher = `Claude Formée ${suffix}`;

  // The manager creates the session from the list.
  await signIn(page, manager, PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Formations', exact: true }).click();
  await pageReady(page, 'Formations');
  await expect(page.getByRole('table', { name: /^Enseignants formés par école/ })).toBeVisible();
  await expectAccessible(page, 'training list');
  await page.getByRole('button', { name: 'Nouvelle session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle session' });
  await expect(dialog.getByRole('combobox', { name: 'Public' })).toHaveValue('teachers');
  // A check in the browser first: nothing filled, the first problem takes the focus.
  await dialog.getByRole('button', { name: 'Créer la session' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Thème', exact: true })).toBeFocused();
  await expectAccessible(page, 'session dialog with problems');
  await dialog.getByRole('textbox', { name: 'Thème', exact: true }).fill(topic);
  await dialog
    .getByRole('textbox', { name: 'Date', exact: true })
    .fill(schoolDay(new Date(Date.now() + 2 * 86_400_000)));
  await dialog.getByRole('textbox', { name: 'Heure de début', exact: true }).fill('14:00');
  await dialog
    .getByRole('textbox', { name: 'Formateur ou formatrice', exact: true })
    .fill('ERUN de la circonscription');
  await dialog.getByRole('textbox', { name: 'Lieu', exact: true }).fill('Salle polyvalente de la mairie');
  await dialog.getByRole('textbox', { name: 'Places', exact: true }).fill('10');
  await dialog.getByRole('button', { name: 'Créer la session' }).click();
  await pageReady(page, topic);
  const sessionUrl = page.url();
  await expect(page.getByText('0 inscrit(s) sur 10 places, 10 restante(s)').first()).toBeVisible();

  // The manager attaches the slides as a file (the links stay in the details).
  await page.locator('input[type="file"]').setInputFiles({
    name: 'diaporama.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await page.getByRole('button', { name: 'Envoyer le fichier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Fichier « diaporama.pdf » ajouté.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Télécharger diaporama.pdf' })).toBeVisible();
  await expectAccessible(page, 'session page with a material');

  // The director registers a teacher of their school by name.
  await switchUser(page, director);
  await page.goto(sessionUrl);
  await pageReady(page, topic);
  await page.getByRole('textbox', { name: 'Nom et prénom', exact: true }).fill(teacher);
  await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${teacher} est inscrit(e).` })).toBeVisible();
  const registrations = page.getByRole('table', { name: /^Personnes inscrites/ });
  await expect(registrations.getByRole('rowheader', { name: teacher })).toBeVisible();
  await expect(page.getByText('1 inscrit(s) sur 10 places, 9 restante(s)').first()).toBeVisible();
  await expectAccessible(page, 'session page (director)');

  // …and a colleague who has an account, found by name; the material is there for them too.
  await expect(page.getByRole('link', { name: 'Télécharger diaporama.pdf' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Rechercher par nom' }).fill(colleague);
  const person = page.getByRole('combobox', { name: 'Personne' });
  await person.selectOption({ label: `${colleague} (${school.name})` });
  await page.getByRole('button', { name: 'Inscrire cette personne' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${colleague} est inscrit(e).` })).toBeVisible();
  await expect(registrations.getByRole('rowheader', { name: colleague })).toBeVisible();
  await expectAccessible(page, 'session page with an account registered');

  // The session took place: the manager moves it to yesterday and records who came.
  await switchUser(page, manager);
  await page.goto(sessionUrl);
  await pageReady(page, topic);
  await page.getByRole('button', { name: 'Modifier', exact: true }).click();
  const edit = page.getByRole('dialog', { name: `Modifier la session « ${topic} »` });
  await edit.getByRole('textbox', { name: 'Date', exact: true }).fill(schoolDay(new Date(Date.now() - 86_400_000)));
  await edit.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Session « ${topic} » enregistrée.` })).toBeVisible();
  await page.getByRole('checkbox', { name: `${teacher} présent(e)` }).check();
  await page.getByRole('button', { name: 'Enregistrer la présence' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Présence enregistrée.' })).toBeVisible();
  await expect(
    registrations.getByRole('row').filter({ has: page.getByRole('rowheader', { name: teacher }) }),
  ).toContainText('Présent(e)');
  await expect(page.getByText('Tenue', { exact: true })).toBeVisible();
  await expectAccessible(page, 'session page with attendance');

  // The teachers trained per school count the teacher.
  await page.getByRole('link', { name: 'Retour aux formations' }).click();
  await pageReady(page, 'Formations');
  const trained = page.getByRole('table', { name: /^Enseignants formés par école/ });
  const row = trained.getByRole('row').filter({ has: page.getByRole('rowheader', { name: school.name, exact: true }) });
  await expect(row.getByRole('cell').nth(2)).toHaveText(String(school.trained + 1));
});
