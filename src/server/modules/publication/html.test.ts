import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { esc, euEmblem, formatEuros, renderPublicPage, schoolMap } from './html.ts';
import { TABLES, tableCsv, tableJson } from './opendata.ts';
import { type Publication, ROLES, type SchoolView } from './service.ts';

/** Pure rendering rules: no database. */

const devices = (n: number) => Object.fromEntries(ROLES.map((r) => [r, n])) as SchoolView['devices'];
const school = (over: Partial<SchoolView>): SchoolView => ({
  uai: '0720022H',
  name: 'École A',
  kind: 'elementaire',
  priorityEducation: 'none',
  commune: 'Le Mans',
  latitude: 48,
  longitude: 0.2,
  pupils: 100,
  classes: 4,
  inScope: true,
  atSocle: true,
  scorePct: 100,
  classesAtSocle: 4,
  devices: devices(1),
  devicesTotal: ROLES.length,
  ...over,
});

const publication = (): Publication => ({
  organisation: { id: '00000000-0000-4000-8000-000000000001', slug: 'ville', name: 'Ville <test>', demo: false },
  on: '2026-11-29',
  lastUpdated: '2026-11-28T10:00:00.000Z',
  programmes: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      name: '+Programme',
      description: 'Description',
      objectives: '',
      periodStart: '2020-02-01',
      periodEnd: '2023-04-30',
      completedOn: null,
      schools: 2,
      plannedCents: 149_066_600,
      eligibleCents: 149_066_600,
      funders: [{ name: 'FEDER', kind: 'eu_feder', aidCents: 117_300_000, shareBp: 7869 }],
      ownerCents: 31_766_600,
      ownerShareBp: 2131,
      costItems: [{ code: 'EQ', label: 'Équipement', kind: 'equipment', budgetCents: 149_066_600, eligibleCents: 1 }],
      conventions: [{ funder: 'FEDER', kind: 'eu_feder', reference: 'C1', signedOn: '2021-06-15' }],
      euEmblem: true,
      mentions: [
        { kind: 'eu_emblem', fr: 'Union européenne', en: 'European Union' },
        { kind: 'eu_feder', fr: 'Phrase FEDER', en: 'ERDF sentence' },
      ],
      indicators: [
        {
          code: 'C',
          label: 'Classes',
          unit: 'classes',
          source: 'manual',
          baseline: 0,
          target: 10,
          value: null,
          reachedBp: null,
        },
      ],
      expenses: [
        {
          costItemCode: 'EQ',
          costItemLabel: '@Équipement',
          costItemKind: 'equipment',
          year: 2021,
          lines: 2,
          htCents: 12_345,
          eligibleCents: 12_345,
        },
      ],
    },
  ],
  baseline: {
    gridName: 'SNEE',
    gridVersion: 0,
    criteria: [{ key: 'k', labelFr: 'Critère', labelEn: 'Criterion' }],
    schools: 2,
    atSocle: 1,
    classes: 8,
    classesAtSocle: 4,
    outOfScope: 1,
  },
  schools: [
    school({}),
    school({ uai: '0720023J', name: '=Danger', atSocle: false, latitude: 48.1, longitude: 0.3 }),
    school({ uai: '0720024K', name: 'Maternelle', inScope: false, atSocle: false, latitude: null, longitude: null }),
  ],
  equipment: [
    { uai: '0720022H', code: 'tablet', nameFr: 'Tablette', nameEn: 'Tablet', role: 'pupil_device', count: 3 },
  ],
});

describe('formatting', () => {
  it('euros: French grouping in French, commas in English, cents only when there are some', () => {
    assert.equal(formatEuros(149_066_600, 'fr'), '1\u202f490\u202f666 €');
    assert.equal(formatEuros(149_066_600, 'en'), '1,490,666 €');
    assert.equal(formatEuros(12_345, 'fr'), '123,45 €');
    assert.equal(formatEuros(12_345, 'en'), '123.45 €');
  });

  it('escapes markup and quotes', () => {
    assert.equal(esc(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('the EU emblem has twelve stars on a 3:2 blue field and a name', () => {
    const svg = euEmblem('Drapeau');
    assert.equal((svg.match(/<polygon /g) ?? []).length, 12);
    assert.match(svg, /viewBox="0 0 90 60"/);
    assert.match(svg, /role="img" aria-label="Drapeau"/);
  });
});

describe('map', () => {
  it('one shape per placed school by status, the unplaced counted, the counts in the description', () => {
    const svg = schoolMap(publication().schools, 'fr');
    const map = svg.slice(0, svg.indexOf('<figcaption>'));
    assert.equal((map.match(/<circle class="m-at"/g) ?? []).length, 1);
    assert.equal((map.match(/<rect class="m-not"/g) ?? []).length, 1);
    assert.equal((map.match(/<polygon class="m-out"/g) ?? []).length, 0, 'the maternelle has no coordinates');
    assert.match(map, /3 écoles .*: 1 au socle .*, 1 pas encore au socle .*, 1 hors périmètre/);
    assert.match(svg, /1 écoles sans coordonnées/);
    assert.match(svg, /&#61;Danger|=Danger/);
  });
});

describe('page', () => {
  it('escapes every organisation text and has no script', () => {
    const html = renderPublicPage(publication(), 'fr');
    assert.ok(!html.includes('Ville <test>'));
    assert.ok(html.includes('Ville &lt;test&gt;'));
    assert.doesNotMatch(html, /<script/i);
    assert.ok(html.includes('<data value="1490666">1\u202f490\u202f666 € HT</data>'));
    assert.ok(html.includes('<data value="1173000">1\u202f173\u202f000 € FEDER</data>'));
    assert.ok(html.includes('non renseignée'), 'an indicator without a value says so');
  });
});

describe('datasets', () => {
  it('every row has exactly the declared fields', () => {
    const p = publication();
    for (const t of TABLES) {
      for (const row of t.rows(p))
        assert.deepEqual(Object.keys(row).sort(), t.fields.map((f) => f.name).sort(), t.name);
    }
  });

  it('CSV: header, CRLF, booleans as words, empty for unknown, text neutralised, numbers untouched', () => {
    const p = publication();
    const schools = TABLES.find((t) => t.name === 'schools');
    assert.ok(schools);
    const csv = tableCsv(schools, p);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], schools.fields.map((f) => f.name).join(','));
    assert.ok(lines[2]?.startsWith("0720023J,'=Danger,elementaire,none,Le Mans,48.1,0.3,100,4,true,false,100,"));
    assert.ok(lines[3]?.includes(',Le Mans,,,100,'), 'unknown coordinates are empty');
    const expenses = TABLES.find((t) => t.name === 'expenses');
    assert.ok(expenses);
    assert.ok(tableCsv(expenses, p).includes(",'@Équipement,equipment,2021,2,123.45,123.45"));
    assert.equal(tableJson(expenses, p)[0]?.cost_item, "'@Équipement");
    assert.equal(tableJson(expenses, p)[0]?.amount_ht_eur, 123.45);
    const funding = TABLES.find((t) => t.name === 'funding');
    assert.ok(funding);
    assert.deepEqual(
      tableJson(funding, p).map((r) => [r.funder_kind, r.amount_eur, r.share_pct]),
      [
        ['eu_feder', 1_173_000, 78.69],
        ['owner', 317_666, 21.31],
      ],
    );
  });
});
