import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { imagesPerPage } from '../../../../test/helpers/pdf.ts';
import { LABEL_LAYOUTS, labelsPdf, labelUrl, tagFromScan } from './labels.ts';

describe('labels', () => {
  it('lays one QR per asset on A4 sheets, starting after the used labels', async () => {
    const labels = Array.from({ length: 30 }, (_, i) => ({
      tag: `VDM-2026-${String(i + 1).padStart(5, '0')}`,
      name: 'Tablette — élève',
    }));
    const pdf = await labelsPdf(labels, {
      layout: 'a4-3x8',
      organisation: 'Ville du Mans',
      publicUrl: 'https://socle.example',
    });
    assert.deepEqual(await imagesPerPage(pdf), [24, 6]);
    const skipped = await labelsPdf(labels, {
      layout: 'a4-4x10',
      organisation: 'Ville du Mans',
      publicUrl: 'https://socle.example',
      skip: 15,
    });
    assert.deepEqual(await imagesPerPage(skipped), [25, 5]);
    const doc = await PDFDocument.load(pdf);
    const [w, h] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    assert.ok(Math.abs(w - 595.28) < 1 && Math.abs(h - 841.89) < 1, 'A4');
  });

  it('layouts fit on A4', () => {
    for (const [name, l] of Object.entries(LABEL_LAYOUTS)) {
      assert.ok(2 * l.left + l.columns * l.width + (l.columns - 1) * l.gapX <= 210.2, `${name} width`);
      assert.ok(2 * l.top + l.rows * l.height + (l.rows - 1) * l.gapY <= 297.2, `${name} height`);
    }
  });

  it('encodes the asset address and reads the tag back from a scan', () => {
    const url = labelUrl('https://socle.example', 'LM-2026/0001');
    assert.equal(url, 'https://socle.example/assets/tag/LM-2026%2F0001');
    assert.equal(tagFromScan(url), 'LM-2026/0001');
    assert.equal(tagFromScan('  VDM-2021-00042\n'), 'VDM-2021-00042');
  });
});
