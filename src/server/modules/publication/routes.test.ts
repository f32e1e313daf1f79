import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { createOrganisation, createSchool, createUser, PASSWORD } from '../../../../test/helpers/factories.ts';
import { DEMO_SLUG } from '../../bootstrap.ts';
import { rows } from '../../db/connection.ts';

/**
 * The public transparency page and the open data URLs on the demo (issue
 * #9, points 3–4): the programme's amounts and the EU sentence in French
 * and English, nothing when the organisation does not publish, no script,
 * no spreadsheet formula.
 */

let t: TestApp;
let admin: ReturnType<TestApp['agent']>;
const visitor = () => t.agent();
const PAGE = `/public/${DEMO_SLUG}`;
const NNBSP = '\u202f';

before(async () => {
  t = await createTestApp({}, { seed: 'demo' });
  const accounts = t.demoAccounts;
  const account = accounts.find((a) => a.role === 'admin');
  assert.ok(account);
  admin = t.agent();
  await admin.login(account.email, account.password);
});
after(() => t.close());

/** The text of an HTML document, tags dropped, entities of the escaper decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the public page', () => {
  it('holds the demo programme’s amounts, formatted the French way, with machine-readable values', async () => {
    const res = await visitor().get(PAGE);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    const html = res.body;
    assert.match(html, /<html lang="fr">/);
    for (const [value, text] of [
      ['1490666', `1${NNBSP}490${NNBSP}666 € HT`],
      ['1173000', `1${NNBSP}173${NNBSP}000 € FEDER`],
      ['317666', `317${NNBSP}666 €`],
    ]) {
      assert.ok(html.includes(`<data value="${value}">${text}</data>`), `${value} shown as ${text}`);
    }
    assert.ok(html.includes('78,69 %') && html.includes('21,31 %'), 'the co-funding rates');
    const text = textOf(html);
    assert.ok(text.includes('Plan numérique des écoles élémentaires'));
    assert.ok(text.includes('1 février 2020') && text.includes('30 avril 2023'), 'the calendar');
  });

  it('shows the EU emblem and the mandatory mentions at the top, before the main content', async () => {
    const html = (await visitor().get(PAGE)).body;
    const header = html.slice(0, html.indexOf('<main'));
    assert.ok(header.includes('Ce projet est cofinancé par le Fonds européen de développement régional'));
    assert.ok(header.includes('Union européenne'));
    assert.ok(header.includes('réponse de l&#39;Union à la pandémie de COVID-19'), 'REACT-EU sentence');
    assert.match(header, /<svg class="eu-emblem"[^>]*role="img"[^>]*aria-label="Drapeau de l’Union européenne"/);
    assert.equal((header.match(/<polygon /g) ?? []).length, 12, 'twelve stars');
  });

  it('in English: the same figures, the English EU sentence, the organisation’s French texts marked as French', async () => {
    const res = await visitor().get(`${PAGE}?lang=en`);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<html lang="en">/);
    assert.ok(html.includes('1,490,666 € HT'));
    assert.ok(html.includes('1,173,000 € FEDER'));
    assert.ok(html.includes('317,666 €'));
    assert.ok(html.includes('This project is co-financed by the European Regional Development Fund'));
    assert.ok(html.includes('European Union'));
    assert.match(html, /<p lang="fr">Renforcement du plan numérique des écoles/);
    assert.ok(html.includes('href="/public/ville-du-mans" hreflang="fr"'), 'link to the French page');
  });

  it('has indicators against targets, the baseline status, a map with a text alternative, the schools and the links', async () => {
    const html = (await visitor().get(PAGE)).body;
    const text = textOf(html);
    assert.ok(text.includes('Classes équipées') && text.includes('344'), 'classes equipped against 344');
    assert.match(text, /\d+ écoles sur \d+ atteignent le socle numérique de base/);
    assert.match(html, /<svg viewBox="0 0 640 \d+" role="img" aria-labelledby="map-title map-desc"/);
    assert.match(html, /<desc id="map-desc">Carte schématique de \d+ écoles/);
    const demoSchools = await rows<{ n: number }>(t.db.owner, sql`SELECT count(*)::int AS n FROM schools`);
    const mapped = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM schools WHERE latitude IS NOT NULL AND longitude IS NOT NULL`,
    );
    const map = html.slice(html.indexOf('<figure class="map">'), html.indexOf('<figcaption>'));
    const markers = (map.match(/class="m-(at|not|out)" (cx|x|points)=/g) ?? []).length;
    assert.equal(markers, mapped[0]?.n, 'one marker per school with coordinates');
    const tableRows = html.slice(html.indexOf('<table id="schools-table">')).split('</table>')[0] ?? '';
    assert.equal((tableRows.match(/<tr><th scope="row">/g) ?? []).length, demoSchools[0]?.n, 'one row per school');
    for (const href of [
      '/public/ville-du-mans/data',
      '/public/ville-du-mans/data/datapackage.json',
      '/public/ville-du-mans/data/schools.csv',
      '/public/ville-du-mans/data/expenses.json',
      '/public/ville-du-mans/data/indicators.csv',
      '/accessibilite',
    ])
      assert.ok(html.includes(`href="${href}"`), href);
    assert.match(text, /Dernière mise à jour des données : \d+ \S+ \d{4}/);
  });

  it('has no script and a stylesheet the CSP allows', async () => {
    const res = await visitor().get(PAGE);
    assert.doesNotMatch(res.body, /<script/i);
    assert.doesNotMatch(res.body, /\son[a-z]+=/i, 'no inline event handler');
    assert.doesNotMatch(res.body, /<style/i);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    const css = await visitor().get('/public/assets/publication.css');
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
    assert.match(css.body, /@media print/);
  });

  it('the data dictionary lists every dataset and field, in both languages', async () => {
    for (const [lang, word] of [
      ['', 'Dictionnaire des données ouvertes'],
      ['?lang=en', 'Open data dictionary'],
    ] as const) {
      const res = await visitor().get(`${PAGE}/data${lang}`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(word));
      for (const name of ['schools', 'equipment', 'expenses', 'funding', 'indicators'])
        assert.ok(res.body.includes(`href="/public/ville-du-mans/data/${name}.csv"`), name);
      assert.ok(res.body.includes('<code>devices_pupil_device</code>'));
      assert.ok(res.body.includes('Licence Ouverte / Etalab 2.0'));
    }
  });

  it('`/public` leads to the only published page; bad input is a 400 naming the field; unknown files 404', async () => {
    const index = await visitor().get('/public');
    assert.equal(index.statusCode, 302);
    assert.equal(index.headers.location, PAGE);
    const bad = await visitor().get(`${PAGE}?lang=de`);
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('querystring.lang'), bad.body);
    assert.equal((await visitor().get(`${PAGE}/data/pupils.csv`)).statusCode, 400);
    assert.equal((await visitor().get('/public/no-such-city')).statusCode, 404);
    assert.equal((await visitor().get('/public/no-such-city/data/schools.csv')).statusCode, 404);
  });
});

describe('publication setting', () => {
  it('an organisation that does not publish has no page, no dictionary and no data (404)', async () => {
    const other = await createOrganisation(t.db, 'Ville discrète');
    await createSchool(t.db, other.id, 1, 'École discrète');
    for (const path of ['', '/data', '/data/datapackage.json', '/data/schools.csv', '/data/schools.json']) {
      const res = await visitor().get(`/public/${other.slug}${path}`);
      assert.equal(res.statusCode, 404, path);
      assert.match(String(res.headers['content-type']), /problem\+json/);
    }
    // An admin of that organisation turns it on: the page is served.
    const user = await createUser(t.db, other.id, { roles: ['admin'] });
    const otherAdmin = t.agent();
    await otherAdmin.login(user.email, PASSWORD);
    const on = await otherAdmin.patch('/api/organisation', { settings: { publication: { published: true } } });
    assert.equal(on.statusCode, 200, on.body);
    const page = await visitor().get(`/public/${other.slug}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('École discrète'));
    assert.ok(page.body.includes('Aucun programme n’est publié pour l’instant.'));
    assert.ok(!page.body.includes('Ce projet est cofinancé'), 'no EU mention without an EU funder');
    // Two published organisations: `/public` lists them.
    const index = await visitor().get('/public');
    assert.equal(index.statusCode, 200);
    assert.ok(index.body.includes('Ville discrète') && index.body.includes('Ville du Mans'));
    await otherAdmin.patch('/api/organisation', { settings: { publication: { published: false } } });
    assert.equal((await visitor().get(`/public/${other.slug}`)).statusCode, 404);
  });

  it('the demo admin can withdraw the page, audited; a bad value is a 400 naming the field', async () => {
    const bad = await admin.patch('/api/organisation', { settings: { publication: { published: 'yes' } } });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('body.settings.publication.published'), bad.body);
    const off = await admin.patch('/api/organisation', { settings: { publication: { published: false } } });
    assert.equal(off.statusCode, 200);
    assert.equal(
      json<{ settings: { publication: { published: boolean } } }>(off).settings.publication.published,
      false,
    );
    assert.equal((await visitor().get(PAGE)).statusCode, 404);
    assert.equal((await visitor().get(`${PAGE}/data/funding.csv`)).statusCode, 404);
    const audit = await rows<{ n: number }>(
      t.db.owner,
      sql`SELECT count(*)::int AS n FROM audit_events
           WHERE action = 'organisation.updated' AND after -> 'settings' -> 'publication' ->> 'published' = 'false'`,
    );
    assert.ok((audit[0]?.n ?? 0) >= 1);
    assert.equal(
      (await admin.patch('/api/organisation', { settings: { publication: { published: true } } })).statusCode,
      200,
    );
    assert.equal((await visitor().get(PAGE)).statusCode, 200);
  });
});

describe('open data files', () => {
  it('CSV and JSON neutralise spreadsheet formulas and the page escapes HTML', async () => {
    const [school] = await rows<{ id: string; uai: string }>(
      t.db.owner,
      sql`SELECT s.id, s.uai FROM schools s JOIN organisations o ON o.id = s.organisation_id
           WHERE o.slug = ${DEMO_SLUG} ORDER BY s.uai LIMIT 1`,
    );
    assert.ok(school);
    const evil = '=HYPERLINK("http://evil.example","<b>x</b>")';
    const [before] = await rows<{ name: string }>(t.db.owner, sql`SELECT name FROM schools WHERE id = ${school.id}`);
    await t.db.owner.execute(sql`UPDATE schools SET name = ${evil} WHERE id = ${school.id}`);
    try {
      const csv = (await visitor().get(`${PAGE}/data/schools.csv`)).body;
      assert.ok(csv.includes(`${school.uai},"'=HYPERLINK(""http://evil.example"",""<b>x</b>"")"`), 'apostrophe first');
      assert.ok(!/(^|,)=HYPERLINK/m.test(csv));
      const data = json<{ uai: string; name: string }[]>(await visitor().get(`${PAGE}/data/schools.json`));
      assert.equal(data.find((s) => s.uai === school.uai)?.name, `'${evil}`);
      const html = (await visitor().get(PAGE)).body;
      assert.ok(!html.includes('<b>x</b>'));
      assert.ok(html.includes('&lt;b&gt;x&lt;/b&gt;'));
    } finally {
      await t.db.owner.execute(sql`UPDATE schools SET name = ${before?.name ?? ''} WHERE id = ${school.id}`);
    }
  });

  it('are readable from any origin', async () => {
    const res = await visitor().get(`${PAGE}/data/indicators.json`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(res.headers['set-cookie'], undefined);
  });
});
