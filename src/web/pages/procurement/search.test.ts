import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseInvoiceSearch, parseOrderSearch, splitSerials } from './search.ts';

const SUPPLIER = '0b8f2a4e-6c1d-4e7a-9f3b-2d5c8e1a7b90';

test('orders search params: good values kept, bad ones dropped', () => {
  assert.deepEqual(parseOrderSearch({ status: 'partly_received', supplierId: SUPPLIER.toUpperCase(), page: 2 }), {
    status: 'partly_received',
    supplierId: SUPPLIER,
    page: 2,
  });
  assert.deepEqual(parseOrderSearch({ status: 'shipped', programmeId: 'x', page: 1 }), {});
});

test('invoices search params: paid is yes or no, discrepancies a flag', () => {
  assert.deepEqual(parseInvoiceSearch({ paid: 'no', discrepancies: 'true' }), { paid: 'no', discrepancies: true });
  assert.deepEqual(parseInvoiceSearch({ paid: 'maybe', discrepancies: false, page: 0 }), {});
});

test('serials: one per line as a scanner types them, or a pasted list', () => {
  assert.deepEqual(splitSerials('SN1\nSN2\r\n\nSN3\n'), ['SN1', 'SN2', 'SN3']);
  assert.deepEqual(splitSerials(' A1 ; B2,C3\tD4 '), ['A1', 'B2', 'C3', 'D4']);
  assert.deepEqual(splitSerials('  \n '), []);
});
