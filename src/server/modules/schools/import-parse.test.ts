import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { uaiProblem } from '../../../shared/uai.ts';
import { decode, detectSeparator, ImportFormatError, parseSchoolsFile } from './import-parse.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../../test/fixtures');
const seed = path.resolve(import.meta.dirname, '../../seed');
const read = (dir: string, name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));

describe('Annuaire de l’éducation', () => {
  it('reads the current 71-column layout: every école, valid UAIs', () => {
    const r = parseSchoolsFile(read(fixtures, 'sample_annuaire_val-de-marne_ecoles_publiques_2026.csv'));
    assert.equal(r.format, 'annuaire');
    assert.equal(r.separator, ';');
    assert.equal(r.encoding, 'utf-8');
    assert.equal(r.rejected.length, 0, JSON.stringify(r.rejected.slice(0, 3)));
    assert.equal(r.records.length, 613);
    assert.ok(r.records.every((s) => uaiProblem(s.uai) === null));
    const doisneau = r.records.find((s) => s.uai === '0940176F');
    assert.equal(doisneau?.name, 'Ecole élémentaire Robert Doisneau');
    assert.equal(doisneau?.kind, 'elementaire');
    assert.equal(doisneau?.communeCode, '94034');
    assert.ok(doisneau?.latitude && Math.abs(doisneau.latitude - 48.751) < 0.01);
    assert.equal(r.records.filter((s) => s.priorityEducation === 'REP+').length, 22);
    assert.equal(r.records.filter((s) => s.closingAnnounced).length, 2);
    assert.ok(r.records.some((s) => s.kind === 'maternelle'));
    assert.ok(r.records.some((s) => s.kind === 'application'));
  });

  it('reads the older 69-column layout, keeping écoles only', () => {
    const r = parseSchoolsFile(read(fixtures, 'sample_annuaire_ille-et-vilaine_2023.csv'));
    assert.equal(r.format, 'annuaire');
    assert.equal(r.rejected.length, 0);
    assert.equal(r.records.length, 685);
    assert.equal(r.skipped.not_a_school, 996 - 685);
    const lucioles = r.records.find((s) => s.uai === '0350122T');
    assert.equal(lucioles?.kind, 'primaire');
    assert.equal(lucioles?.pupils, 143);
  });

  it('keeps only the organisation’s communes when asked', () => {
    const r = parseSchoolsFile(read(fixtures, 'sample_annuaire_val-de-marne_ecoles_publiques_2026.csv'), {
      communes: ['94034'],
    });
    assert.ok(r.records.length > 0 && r.records.length < 613);
    assert.ok(r.records.every((s) => s.communeCode === '94034'));
    assert.equal(r.records.length + (r.skipped.other_commune ?? 0), 613);
  });

  it('deduplicates repeated UAIs, keeping the most recently updated line', () => {
    const text = fs.readFileSync(path.join(fixtures, 'sample_annuaire_val-de-marne_ecoles_publiques_2026.csv'), 'utf8');
    const lines = text.split(/\r?\n/);
    const row = lines[1] as string;
    const newer = row
      .replace('Ecole élémentaire Robert Doisneau', 'Ecole Robert Doisneau (renommée)')
      .replace('2026-05-27', '2026-06-30');
    const r = parseSchoolsFile(new TextEncoder().encode([lines[0], newer, row].join('\n')));
    assert.equal(r.records.length, 1);
    assert.equal(r.records[0]?.name, 'Ecole Robert Doisneau (renommée)');
    assert.equal(r.skipped.duplicate_uai, 1);
  });

  it('reports a bad UAI with its line and column', () => {
    const text = fs.readFileSync(path.join(fixtures, 'sample_annuaire_val-de-marne_ecoles_publiques_2026.csv'), 'utf8');
    const lines = text.split(/\r?\n/);
    lines[5] = (lines[5] as string).replace(/^\d{7}[A-Z]/, '0940000A');
    const r = parseSchoolsFile(new TextEncoder().encode(lines.join('\n')));
    assert.deepEqual(r.rejected, [
      { line: 6, column: 'Identifiant_de_l_etablissement', reason: 'uai_checksum', value: '0940000A' },
    ]);
  });
});

describe('other layouts', () => {
  it('reads the effectifs dataset (pupils and classes per rentrée)', () => {
    const r = parseSchoolsFile(read(fixtures, 'sarthe_ecoles_effectifs_guelowrd.csv'));
    assert.equal(r.format, 'effectifs');
    assert.equal(r.rejected.length, 0, JSON.stringify(r.rejected.slice(0, 3)));
    const courboulay = r.records.find((s) => s.uai === '0720022H');
    assert.equal(courboulay?.year, 2022);
    assert.equal(courboulay?.pupils, 196);
    assert.equal(courboulay?.classes, 8);
    assert.equal(courboulay?.pupilsByLevel?.CP, 33);
    assert.equal(courboulay?.kind, 'primaire');
  });

  it('reads Socle’s own CSV (the Le Mans layout)', () => {
    const r = parseSchoolsFile(read(seed, 'le_mans_ecoles_publiques.csv'));
    assert.equal(r.format, 'socle');
    assert.equal(r.rejected.length, 0, JSON.stringify(r.rejected.slice(0, 3)));
    assert.equal(r.records.length, 70);
    const courboulay = r.records.find((s) => s.uai === '0720022H');
    assert.equal(courboulay?.kind, 'primaire');
    assert.equal(courboulay?.classes, 8);
    assert.equal(courboulay?.ips, 84.3);
  });

  it('reads the national IPS layout', () => {
    const csv = [
      "Rentrée scolaire;Académie;Code du département;Département;UAI;Nom de l'établissment;Code INSEE de la commune;Nom de la commune;Secteur;IPS",
      '2021-2022;NANTES;072;SARTHE;0720022H;ECOLE PRIMAIRE PUBLIQUE COURBOULAY;72181;LE MANS;public;83.0',
    ].join('\n');
    const r = parseSchoolsFile(new TextEncoder().encode(csv));
    assert.equal(r.format, 'ips');
    assert.deepEqual(
      { uai: r.records[0]?.uai, ips: r.records[0]?.ips, kind: r.records[0]?.kind, commune: r.records[0]?.communeCode },
      { uai: '0720022H', ips: 83, kind: 'primaire', commune: '72181' },
    );
  });
});

describe('encodings, separators and bad files', () => {
  it('detects UTF-8 with or without BOM, and Windows-1252', () => {
    assert.deepEqual(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9])), { text: 'é', encoding: 'utf-8' });
    assert.deepEqual(decode(new Uint8Array([0xc3, 0xa9])), { text: 'é', encoding: 'utf-8' });
    assert.deepEqual(decode(new Uint8Array([0xe9, 0x20, 0x80])), { text: 'é €', encoding: 'windows-1252' });
    const latin1 = new Uint8Array([
      ...Buffer.from('uai;nom;type\n0720022H;Ecole Courboulay \xe9;primaire\n', 'latin1'),
    ]);
    const r = parseSchoolsFile(latin1);
    assert.equal(r.encoding, 'windows-1252');
    assert.equal(r.records[0]?.name, 'Ecole Courboulay é');
  });

  it('detects the separator', () => {
    assert.equal(detectSeparator('a;b;c'), ';');
    assert.equal(detectSeparator('a,b,c'), ',');
    assert.equal(detectSeparator('a\tb\tc'), '\t');
    assert.throws(() => detectSeparator('abc'), ImportFormatError);
  });

  it('reports every bad row of Socle’s CSV with line, column and reason', () => {
    const csv = [
      'uai,nom,type,latitude',
      '0720022H,Courboulay,primaire,48.0',
      '0720022X,Bad check,primaire,',
      '07200,Short,primaire,',
      '0720481G,,elementaire,',
      '0720486M,Bad lat,lycee,95',
    ].join('\n');
    const r = parseSchoolsFile(new TextEncoder().encode(csv));
    assert.equal(r.records.length, 1);
    assert.deepEqual(r.rejected, [
      { line: 3, column: 'uai', reason: 'uai_checksum', value: '0720022X' },
      { line: 4, column: 'uai', reason: 'uai_format', value: '07200' },
      { line: 5, column: 'nom', reason: 'missing' },
      { line: 6, column: 'type', reason: 'invalid_kind', value: 'lycee' },
      { line: 6, column: 'latitude', reason: 'invalid_number', value: '95' },
    ]);
  });

  it('refuses an unknown layout and a forced format that does not match', () => {
    assert.throws(() => parseSchoolsFile(new TextEncoder().encode('a;b\n1;2\n')), /Unknown file layout/);
    assert.throws(
      () => parseSchoolsFile(read(fixtures, 'sarthe_ecoles_effectifs_guelowrd.csv'), { format: 'annuaire' }),
      /looks like the effectifs/,
    );
    assert.throws(() => parseSchoolsFile(new Uint8Array()), /empty/);
  });
});
