import { type APIRequestContext, expect } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './env.ts';
import { createUserViaApi, expectAccessible, pageReady, signIn, test, uniqueEmail } from './helpers.ts';

/**
 * A teacher of a demo school books a mobile classroom of their school for
 * next Tuesday 10:00–11:00 and finds it in that week's calendar; booking
 * the same slot again is refused with the date named at the date field;
 * the booking is cancelled at the end (the demo database is shared). axe
 * runs on the calendar and on the dialog.
 */

const PASSWORD = 'Bookings-Journey-Correct-Horse-42';

interface Found {
  schoolId: string;
  cart: string;
  cartId: string;
}

/** A demo elementary school that has a mobile classroom to book (as the admin, through the API). */
async function schoolWithCart(request: APIRequestContext): Promise<Found> {
  const login = await request.post('/api/auth/login', { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  try {
    const list = await request.get('/api/schools?kind=elementaire&limit=50&sort=name&order=desc');
    expect(list.status()).toBe(200);
    const { items } = (await list.json()) as { items: { id: string }[] };
    for (const school of items) {
      const answer = await request.get(`/api/bookings/resources?schoolId=${school.id}`);
      const resources = (await answer.json()) as { kind: string; id: string; label: string }[];
      const cart = resources.find((r) => r.kind === 'cart');
      if (cart) return { schoolId: school.id, cart: cart.label, cartId: cart.id };
    }
    throw new Error('no demo school with a cart');
  } finally {
    await request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } });
  }
}

const schoolDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date);

/** Next Tuesday (school time), never today: YYYY-MM-DD. */
function nextTuesday(): string {
  const today = new Date(`${schoolDay(new Date())}T12:00:00Z`);
  const ahead = (2 - today.getUTCDay() + 7) % 7 || 7;
  return schoolDay(new Date(today.getTime() + ahead * 86_400_000));
}

const longFr = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
const mediumFr = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium' }).format(new Date(`${day}T12:00:00`));

test('bookings: a teacher books a cart for next Tuesday, sees it, meets the conflict, cancels', async ({
  page,
  request,
}) => {
  const { schoolId, cart } = await schoolWithCart(request);
  const email = uniqueEmail('bookings-teacher');
  await createUserViaApi(request, {
    email,
    displayName: 'Camille Réservation',
    roles: ['teacher'],
    password: PASSWORD,
    schoolIds: [schoolId],
  });
  await signIn(page, email, PASSWORD);

  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await nav.getByRole('link', { name: 'Réservations', exact: true }).click();
  await expect(page).toHaveURL(/\/bookings$/);
  await pageReady(page, 'Réservations');
  await expectAccessible(page, 'bookings calendar');

  const tuesday = nextTuesday();
  const book = async () => {
    await page.getByRole('button', { name: 'Réserver', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Réserver une ressource' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Ressource' }).selectOption({ label: `Classe mobile — ${cart}` });
    await dialog.getByRole('combobox', { name: 'Classe' }).selectOption({ index: 1 });
    await dialog.getByRole('textbox', { name: 'Date', exact: true }).fill(tuesday);
    await dialog.getByRole('textbox', { name: 'Début', exact: true }).fill('10:00');
    await dialog.getByRole('textbox', { name: 'Fin', exact: true }).fill('11:00');
    return dialog;
  };

  // Booked: the calendar moves to that week, the Tuesday lists the slot with its status in words.
  const dialog = await book();
  await expectAccessible(page, 'booking dialog');
  await dialog.getByRole('button', { name: 'Réserver', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${cart} réservée le ${mediumFr(tuesday)}.` })).toBeVisible();
  await expect(dialog).toHaveCount(0);
  const day = page.getByRole('region', { name: longFr(tuesday) });
  const slot = day.getByRole('listitem').filter({ hasText: '10:00–11:00' });
  await expect(slot).toContainText(cart);
  await expect(slot).toContainText('Confirmée');
  await expect(page.getByRole('heading', { level: 2, name: /^Semaine du / })).toBeVisible();
  await expectAccessible(page, 'calendar with the booking');

  // The same slot again: refused, the date named next to the date field.
  const again = await book();
  await again.getByRole('button', { name: 'Réserver', exact: true }).click();
  const dateField = again.getByRole('textbox', { name: 'Date', exact: true });
  await expect(dateField).toHaveAttribute('aria-invalid', 'true');
  await expect(again.getByText(`Déjà réservée le ${mediumFr(tuesday)} sur ce créneau.`)).toBeVisible();
  await expect(dateField).toBeFocused();
  await expectAccessible(page, 'booking dialog with the conflict');
  await again.getByRole('button', { name: 'Annuler', exact: true }).click();
  await expect(again).toHaveCount(0);

  // Cleaning up: cancelled from its details, with the keyboard.
  const details = slot.getByRole('button', { name: /^Détails : 10:00–11:00/ });
  await details.focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: /^Réservation : / });
  await expect(detail).toBeVisible();
  await expectAccessible(page, 'booking details');
  await detail.getByRole('button', { name: 'Annuler la réservation' }).click();
  await expect(page.getByRole('status').filter({ hasText: /annulée\.$/ })).toBeVisible();
  await expect(day.getByRole('listitem').filter({ hasText: '10:00–11:00' })).toHaveCount(0);

  // The calendar feed of one's bookings: a secret address shown once, that calendar applications read; then revoked.
  await page.getByRole('button', { name: 'Créer l’adresse : Mes réservations' }).click();
  const address = page.getByRole('textbox', { name: 'Adresse secrète : Mes réservations' });
  await expect(address).toHaveValue(/\/ical\/[\w-]+\.ics$/);
  await expect(page.getByRole('button', { name: 'Copier l’adresse' })).toBeVisible();
  await expectAccessible(page, 'calendar feed created');
  const feedUrl = await address.inputValue();
  const feed = await request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await page.getByRole('button', { name: 'Révoquer l’adresse : Mes réservations' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Adresse révoquée' })).toBeVisible();
  await expect(address).toHaveCount(0);
  expect((await request.get(feedUrl)).status()).toBe(404);
});

/** Sets a cart's approval flag back through the API, as the admin (the demo database is shared). */
async function setApproval(request: APIRequestContext, cartId: string, requiresApproval: boolean): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  try {
    const put = await request.put(`/api/bookings/resources/cart/${cartId}/settings`, {
      data: { requiresApproval },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(put.status()).toBe(200);
  } finally {
    await request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } });
  }
}

test('bookings: a director requires approval for a cart; a teacher’s booking waits for it', async ({
  page,
  request,
}) => {
  test.slow();
  const { schoolId, cart, cartId } = await schoolWithCart(request);
  const director = uniqueEmail('bookings-director');
  const teacher = uniqueEmail('bookings-teacher-approval');
  await createUserViaApi(request, {
    email: director,
    displayName: 'Dominique Validation',
    roles: ['director'],
    password: PASSWORD,
    schoolIds: [schoolId],
  });
  await createUserViaApi(request, {
    email: teacher,
    displayName: 'Claude Demande',
    roles: ['teacher'],
    password: PASSWORD,
    schoolIds: [schoolId],
  });
  try {
    // The director flags the cart from the approval panel.
    await signIn(page, director, PASSWORD);
    await page.goto('/bookings');
    await pageReady(page, 'Réservations');
    const flag = page.getByRole('switch', { name: `Validation requise : ${cart}` });
    await expect(flag).not.toBeChecked();
    // A controlled switch: it turns on once the server has answered.
    await flag.click();
    await expect(
      page.getByRole('status').filter({ hasText: `Les réservations de ${cart} demandent désormais une validation.` }),
    ).toBeVisible();
    await expect(flag).toBeChecked();
    await expectAccessible(page, 'approval panel');

    // The teacher is told before booking, and the booking waits.
    await page.context().clearCookies();
    await signIn(page, teacher, PASSWORD);
    await page.goto('/bookings');
    await pageReady(page, 'Réservations');
    const tuesday = nextTuesday();
    await page.getByRole('button', { name: 'Réserver', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Réserver une ressource' });
    await dialog
      .getByRole('combobox', { name: 'Ressource' })
      .selectOption({ label: `Classe mobile — ${cart} (sur validation)` });
    await expect(dialog.getByText('Ressource soumise à validation')).toBeVisible();
    await expectAccessible(page, 'booking dialog with the approval notice');
    await dialog.getByRole('combobox', { name: 'Classe' }).selectOption({ index: 1 });
    await dialog.getByRole('textbox', { name: 'Date', exact: true }).fill(tuesday);
    await dialog.getByRole('textbox', { name: 'Début', exact: true }).fill('14:00');
    await dialog.getByRole('textbox', { name: 'Fin', exact: true }).fill('15:00');
    await dialog.getByRole('button', { name: 'Réserver', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Demande de ${cart} pour le ${mediumFr(tuesday)} enregistrée` }),
    ).toBeVisible();
    const slot = page
      .getByRole('region', { name: longFr(tuesday) })
      .getByRole('listitem')
      .filter({ hasText: '14:00–15:00' });
    await expect(slot).toContainText('En attente de validation');
    await slot.getByRole('button', { name: /^Détails : 14:00–15:00/ }).click();
    const detail = page.getByRole('dialog', { name: /^Réservation : / });
    await expect(detail.getByRole('note')).toContainText('attend la validation');
    await expectAccessible(page, 'pending booking details');
    await detail.getByRole('button', { name: 'Annuler la réservation' }).click();
    await expect(page.getByRole('status').filter({ hasText: /annulée\.$/ })).toBeVisible();
  } finally {
    await setApproval(request, cartId, false);
  }
});
