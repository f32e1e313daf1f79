import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tagFromScan as serverTagFromScan } from '../../../server/modules/inventory/labels.ts';
import { tagFromScan } from './scan.ts';
import { assetFilters, exportHref, parseAssetSearch, statusList } from './search.ts';

const SCHOOL = '0b8f2a4e-6c1d-4e7a-9f3b-2d5c8e1a7b90';

test('assets list search params: good values kept, defaults and bad values dropped', () => {
  assert.deepEqual(
    parseAssetSearch({
      q: ' iPad ',
      schoolId: SCHOOL.toUpperCase(),
      status: 'in_cart,deployed,bogus,deployed',
      warrantyBefore: '2027-01-31',
      notAuditedSince: '2026-09-01',
      sort: 'warrantyEnd',
      order: 'desc',
      page: 2,
    }),
    {
      q: 'iPad',
      schoolId: SCHOOL,
      status: 'deployed,in_cart',
      warrantyBefore: '2027-01-31',
      notAuditedSince: '2026-09-01',
      sort: 'warrantyEnd',
      order: 'desc',
      page: 2,
    },
  );
  assert.deepEqual(
    parseAssetSearch({
      sort: 'tag',
      order: 'asc',
      page: 1,
      schoolId: 'x',
      status: 'nope',
      warrantyBefore: '31/01/2027',
    }),
    {},
  );
  // The router parses JSON-looking values: a tag typed as digits comes back as a number.
  assert.deepEqual(parseAssetSearch({ q: 2021 }), { q: '2021' });
  assert.deepEqual(statusList('lost,ordered'), ['ordered', 'lost']);
});

test('the API filters and the export link follow the same search', () => {
  const search = parseAssetSearch({ schoolId: SCHOOL, status: 'deployed', sort: 'model' });
  assert.deepEqual(assetFilters(search), { schoolId: SCHOOL, status: 'deployed', sort: 'model', order: 'asc' });
  assert.equal(
    exportHref(search, 'xlsx'),
    `/api/assets/export?format=xlsx&schoolId=${SCHOOL}&status=deployed&sort=model&order=asc`,
  );
});

test('a scanned text designates the same tag in the browser as on the server', () => {
  const cases = [
    'VDM-2021-00042',
    '  VDM-2021-00042\n',
    'https://socle.example.org/assets/tag/VDM-2021-00042',
    'http://127.0.0.1:3000/assets/tag/VDM%202021?from=qr',
    'https://x.example/assets/tag/ABC#top',
    '/assets/tag/',
    'tag with spaces',
  ];
  for (const text of cases) assert.equal(tagFromScan(text), serverTagFromScan(text), JSON.stringify(text));
  assert.equal(tagFromScan('https://socle.example.org/assets/tag/VDM-2021-00042'), 'VDM-2021-00042');
  assert.equal(tagFromScan('http://h/assets/tag/VDM%202021'), 'VDM 2021');
});
