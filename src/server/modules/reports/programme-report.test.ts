import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, json, type TestApp } from '../../../../test/helpers/app.ts';
import { pdfTexts } from '../../../../test/helpers/pdf.ts';
import { rows } from '../../db/connection.ts';

/** The programme report PDF on the demo: the programme's figures, the EU mentions, its schools; who may read it. */

let t: TestApp;
let manager: ReturnType<TestApp['agent']>;
let teacher: ReturnType<TestApp['agent']>;
let programmeId: string;

before(async () => {
  t = await createTestApp({}, { seed: 'demo' });
  const accounts = t.demoAccounts;
  const login = async (role: string) => {
    const account = accounts.find((a) => a.role === role);
    assert.ok(account, role);
    const agent = t.agent();
    await agent.login(account.email, account.password);
    return agent;
  };
  manager = await login('manager');
  teacher = await login('teacher');
  const [p] = json<{ id: string }[]>(await manager.get('/api/funding/programmes'));
  assert.ok(p);
  programmeId = p.id;
});
after(() => t.close());

describe('programme report', () => {
  it('French: the demo amounts, the EU emblem text and sentence, the budget, indicators and the 35 schools', async () => {
    const res = await manager.get(`/api/funding/programmes/${programmeId}/report.pdf?lang=fr`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="rapport-programme\.pdf"$/);
    const pages = await pdfTexts(res.rawPayload);
    const text = pages.join('\n');
    assert.ok(pages.length >= 2, `${pages.length} pages`);
    assert.match(text, /Rapport du programme — Plan numérique des écoles élémentaires/);
    assert.match(text, /Union européenne/);
    assert.match(text, /Ce projet est cofinancé par le Fonds européen de développement régional/);
    // Eligible expenditure, the FEDER aid and the city's share, to the cent.
    for (const amount of ['1 490 666,00 €', '1 173 000,00 €', '317 666,00 €']) assert.ok(text.includes(amount), amount);
    assert.match(text, /Prévu et facturé par poste/);
    assert.match(text, /Indicateurs/);
    // One row per school of the programme: the 35 écoles élémentaires, by their UAI.
    const uais = await rows<{ uai: string }>(
      t.db.owner,
      sql`SELECT s.uai FROM funding_programme_schools ps JOIN schools s ON s.id = ps.school_id
           WHERE ps.programme_id = ${programmeId}`,
    );
    assert.equal(uais.length, 35);
    for (const { uai } of uais) assert.ok(text.includes(uai), uai);
    // Totals as the budget API gives them.
    const budget = json<{ totals: { invoicedCents: number; orderedCents: number } }>(
      await manager.get(`/api/funding/programmes/${programmeId}/budget`),
    );
    assert.equal(budget.totals.invoicedCents, 149_066_600);
    assert.equal(budget.totals.orderedCents, 149_066_600);
  });

  it('English, and no person named (staff accounts included)', async () => {
    const res = await manager.get(`/api/funding/programmes/${programmeId}/report.pdf?lang=en`);
    assert.equal(res.statusCode, 200, res.body);
    const text = (await pdfTexts(res.rawPayload)).join('\n');
    assert.match(text, /Programme report/);
    assert.match(text, /European Union/);
    assert.match(text, /This project is co-financed by the European Regional Development Fund/);
    for (const amount of ['€1,490,666.00', '€1,173,000.00', '€317,666.00']) assert.ok(text.includes(amount), amount);
    const names = await rows<{ name: string }>(
      t.db.owner,
      sql`SELECT display_name AS name FROM users WHERE length(display_name) > 3`,
    );
    assert.ok(names.length > 0);
    for (const { name } of names) assert.ok(!text.includes(name), name);
  });

  it('needs funding.read (a teacher gets 403), an unknown programme 404, a malformed id 400', async () => {
    assert.equal((await teacher.get(`/api/funding/programmes/${programmeId}/report.pdf`)).statusCode, 403);
    const missing = await manager.get('/api/funding/programmes/00000000-0000-4000-8000-000000000000/report.pdf');
    assert.equal(missing.statusCode, 404, missing.body);
    assert.equal(missing.headers['content-type'], 'application/problem+json');
    const bad = await manager.get('/api/funding/programmes/nope/report.pdf?lang=de');
    assert.equal(bad.statusCode, 400);
  });
});
