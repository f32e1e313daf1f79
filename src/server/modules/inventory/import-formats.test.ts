import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { readHeaders, readRows } from './import-formats.ts';

/**
 * CSV files are decoded and parsed in 64 KiB slices (import-formats.ts,
 * readRows), so that a large file never sits in memory as one string nor as
 * all its records. These files are several slices long, with what a slice
 * boundary could cut: multi-byte characters, surrogate pairs, CRLF, quoted
 * fields over several lines.
 */

const EMOJI = '😀';

function sample(n: number) {
  const rows: { tag: string; model: string; notes: string }[] = [];
  let text = 'tag;modele;notes\r\n';
  for (let i = 0; i < n; i++) {
    const notes = i % 5 === 0 ? `ligne 1\r\nligne "2" ${EMOJI.repeat(i % 13)}` : `note ${i} ${EMOJI.repeat(i % 29)}é€`;
    rows.push({ tag: `T-${i}`, model: `Modèle ${i % 7}`, notes });
    text += `T-${i};Modèle ${i % 7};"${notes.replaceAll('"', '""')}"\r\n`;
  }
  return { rows, text };
}

/** The line numbers csv-parse gives when the whole text is one chunk (as before the slices). */
function linesInOneChunk(text: string): number[] {
  const records = parse(text, { delimiter: ';', columns: true, info: true, relax_quotes: true }) as {
    info: { lines: number };
  }[];
  return records.map((r) => r.info.lines);
}

async function collect(bytes: Uint8Array) {
  const out: { line: number; values: Record<string, string> }[] = [];
  for await (const r of readRows(bytes)) out.push(r);
  return out;
}

describe('reading CSV files in slices', () => {
  it('reads a file of many slices exactly, with the line each record ends on', async () => {
    const { rows, text } = sample(4000);
    const bytes = new Uint8Array(Buffer.from(text));
    assert.ok(bytes.length > 4 * 65_536, 'several slices');
    const read = await collect(bytes);
    const lines = linesInOneChunk(text);
    assert.equal(read.length, rows.length);
    read.forEach((r, i) => {
      const want = rows[i];
      assert.deepEqual(r, {
        line: lines[i],
        values: { tag: want?.tag, modele: want?.model, notes: want?.notes },
      });
    });
    // With a BOM, the same; the header is read without parsing the rest.
    const bom = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    assert.deepEqual(await readHeaders(bom), ['tag', 'modele', 'notes']);
    assert.deepEqual(await collect(bom), read);
  });

  it('reads Windows-1252 files in slices too, and headers of a file of one line', async () => {
    const { rows, text } = sample(3000);
    const latin = text.replaceAll(EMOJI, '').replaceAll('€', '');
    // 'é' as the single byte 0xE9: not UTF-8, so Windows-1252.
    const read = await collect(new Uint8Array(Buffer.from(latin, 'latin1')));
    assert.equal(read.length, rows.length);
    assert.equal(read[1]?.values.notes, 'note 1 é');
    assert.equal(read[2999]?.values.modele, `Modèle ${2999 % 7}`);
    assert.deepEqual(await readHeaders(new Uint8Array(Buffer.from('tag,modele'))), ['tag', 'modele']);
    assert.deepEqual(await collect(new Uint8Array(Buffer.from('tag,modele\n'))), []);
  });
});
