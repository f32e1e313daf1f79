import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportHref, parseSchoolSearch, schoolFilters } from './search.ts';
import { uaiHint } from './uai-hint.ts';

test('list search params: good values kept, defaults and bad values dropped', () => {
  assert.deepEqual(
    parseSchoolSearch({
      q: ' Courboulay ',
      kind: 'primaire',
      priority: 'REP+',
      circonscription: 'Le Mans 1',
      status: 'all',
      sort: 'pupils',
      order: 'desc',
      page: 3,
    }),
    {
      q: 'Courboulay',
      kind: 'primaire',
      priority: 'REP+',
      circonscription: 'Le Mans 1',
      status: 'all',
      sort: 'pupils',
      order: 'desc',
      page: 3,
    },
  );
  // Defaults stay out of the URL; unknown values are ignored rather than sent to the API.
  assert.deepEqual(
    parseSchoolSearch({ status: 'open', sort: 'name', order: 'asc', page: 1, kind: 'lycee', priority: 'REP++' }),
    {},
  );
  assert.deepEqual(parseSchoolSearch({ page: -2, q: '   ' }), {});
  assert.deepEqual(parseSchoolSearch({ page: 2.5 }), {});
  // The router parses JSON-looking values: a UAI's digits typed alone come back as a number.
  assert.deepEqual(parseSchoolSearch({ q: 720022 }), { q: '720022' });
});

test('the API filters and the export link follow the same search', () => {
  const search = parseSchoolSearch({ q: 'Jean', priority: 'REP+', sort: 'ips', order: 'desc' });
  assert.deepEqual(schoolFilters(search), {
    q: 'Jean',
    priorityEducation: 'REP+',
    status: 'open',
    sort: 'ips',
    order: 'desc',
  });
  assert.equal(
    exportHref(search, 'xlsx'),
    '/api/schools/export?format=xlsx&q=Jean&priorityEducation=REP%2B&status=open&sort=ips&order=desc',
  );
});

test('the UAI hint names the expected check letter', () => {
  assert.deepEqual(uaiHint('0720022'), { kind: 'letter', letter: 'H' });
  assert.deepEqual(uaiHint('0720022h'), { kind: 'ok' });
  assert.deepEqual(uaiHint(' 0720022A '), { kind: 'letter', letter: 'H' });
  assert.deepEqual(uaiHint('072002'), { kind: 'none' });
  assert.deepEqual(uaiHint('A720022H'), { kind: 'none' });
});
