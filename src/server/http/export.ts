import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/**
 * Tabular exports. Cells starting with = + - @ (or tab / carriage return)
 * would run as formulas in a spreadsheet: they are prefixed with an
 * apostrophe (OWASP "CSV injection").
 */
export function neutralise(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => unknown;
}

export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  return stringify([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => neutralise(c.value(r))))], {
    delimiter: ';',
    bom: true,
  });
}

export async function toXlsx<T>(sheetName: string, columns: readonly Column<T>[], rows: readonly T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Socle';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => neutralise(c.value(r))));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
