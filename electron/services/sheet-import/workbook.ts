/**
 * The workbook as the importer sees it: every sheet as rows of cells with their value
 * and the text Excel shows. This is the shape of the safe spreadsheet reader
 * (electron/services/spreadsheet/); until that reader lands, SheetJS reads the bytes
 * here directly, in-process.
 */
import * as XLSX from 'xlsx';
import { AppError } from '../../../shared/errors';

export type RawCell = { value: string | number | boolean; text: string; isDate: boolean };
export type CellAddress = { r: number; c: number };
export type SheetData = { name: string; firstRow: number; rows: (RawCell | null)[][]; merges: { s: CellAddress; e: CellAddress }[] };
export type SpreadsheetData = { format: 'xlsx' | 'xls' | 'ods' | 'csv'; sheets: SheetData[] };
export type ReadOptions = { signal?: AbortSignal; onProgress?: (fraction: number) => void };

function formatOf(fileName: string): SpreadsheetData['format'] {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return ext === 'xls' || ext === 'ods' || ext === 'csv' ? ext : 'xlsx';
}

function toCell(cell: XLSX.CellObject | undefined): RawCell | null {
  if (!cell || cell.v === undefined || cell.v === null || cell.t === 'e' || cell.t === 'z') return null;
  const value = cell.v instanceof Date ? cell.v.toISOString() : (cell.v as string | number | boolean);
  const isDate = cell.t === 'd' || (cell.t === 'n' && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z));
  return { value, text: cell.w ?? String(value), isDate };
}

function toSheet(name: string, sheet: XLSX.WorkSheet): SheetData {
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const range = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : { s: { r: 0, c: 0 }, e: { r: -1, c: 0 } };
  const rows: (RawCell | null)[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const source = data[r] ?? [];
    const row: (RawCell | null)[] = [];
    for (let c = 0; c <= range.e.c; c++) row.push(toCell(source[c]));
    while (row.length > 0 && row.at(-1) === null) row.pop();
    rows.push(row);
  }
  const merges = (sheet['!merges'] ?? []).map((m) => ({ s: { r: m.s.r - range.s.r, c: m.s.c }, e: { r: m.e.r - range.s.r, c: m.e.c } }));
  return { name, firstRow: range.s.r + 1, rows, merges };
}

export async function readWorkbook(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<SpreadsheetData> {
  options.signal?.throwIfAborted();
  let book: XLSX.WorkBook;
  try {
    // A CSV cell is text as typed: SheetJS would read "05/01/2023" the American way and "12.345" as a decimal.
    book = XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: false, cellNF: true, raw: formatOf(fileName) === 'csv' });
  } catch (error) {
    throw new AppError('IMPORT_FILE_UNREADABLE', { file: fileName, detail: error instanceof Error ? error.message.slice(0, 120) : 'unknown' });
  }
  options.onProgress?.(1);
  return { format: formatOf(fileName), sheets: book.SheetNames.map((name) => toSheet(name, book.Sheets[name] as XLSX.WorkSheet)) };
}
