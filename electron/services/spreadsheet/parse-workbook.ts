/**
 * The synchronous parse that runs inside the worker (worker-body.ts): content decides the
 * format (never the file name), ZIP workbooks pass safe-zip first, and SheetJS's own
 * messages never reach the user — every failure becomes one of our codes.
 */
import * as XLSX from 'xlsx';
import { parseCsv } from '../../../shared/domain/csv';
import { checkSpreadsheetSize, type RawCell, type SheetData, type SpreadsheetData, type SpreadsheetFormat } from '../../../shared/domain/spreadsheet';
import { AppError, isAppError } from '../../../shared/errors';
import { verifyZip } from './safe-zip';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type Progress = (fraction: number) => void;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Control bytes other than tab, CR, LF and form feed never occur in a CSV, in any code page. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > 0;
}

/** A ZIP (xlsx, ods) or OLE (xls) container, by its first bytes. */
export function isWorkbookBytes(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC);
}

/** The size rule (shared/domain/spreadsheet.ts), under the name the readers use. */
export const checkSize = checkSpreadsheetSize;

function zipFormat(names: string[], file: string): SpreadsheetFormat {
  if (names.includes('xl/workbook.xml') || names.includes('xl/workbook.bin')) return 'xlsx';
  // SheetJS too reads any ZIP with a content.xml as OpenDocument; a .docx or a plain ZIP is neither.
  if (names.includes('mimetype') && names.includes('content.xml')) return 'ods';
  throw new AppError('SPREADSHEET_NOT_A_SPREADSHEET', { file });
}

function cellOf(cell: XLSX.CellObject | undefined): RawCell | null {
  if (cell === undefined || cell.t === 'z' || cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'e') return { value: cell.w ?? '#ERROR', text: cell.w ?? '#ERROR', isDate: false };
  const value = cell.v instanceof Date ? cell.v.toISOString() : cell.v;
  const isDate = cell.t === 'd' || (cell.t === 'n' && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z));
  return { value, text: cell.w ?? String(value), isDate };
}

function sheetOf(name: string, sheet: XLSX.WorkSheet): SheetData {
  const ref = sheet['!ref'];
  const merges = (sheet['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  if (ref === undefined) return { name, firstRow: 1, rows: [], merges };
  const range = XLSX.utils.decode_range(ref);
  const dense = (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  const rows: (RawCell | null)[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const source = dense[r] ?? [];
    const row: (RawCell | null)[] = [];
    for (let c = 0; c <= range.e.c; c++) row.push(cellOf(source[c]));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  return { name, firstRow: range.s.r + 1, rows, merges };
}

function parseBook(bytes: Uint8Array, format: SpreadsheetFormat, file: string, progress: Progress): SpreadsheetData {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false, cellNF: true });
  } catch (error) {
    // SheetJS's English messages are causes for us to name, never text to show.
    const message = error instanceof Error ? error.message : '';
    if (/password|encrypt/iu.test(message)) throw new AppError('SPREADSHEET_ENCRYPTED', { file });
    throw new AppError('SPREADSHEET_UNREADABLE', { file });
  }
  progress(0.8);
  const sheets = book.SheetNames.map((name) => {
    const sheet = book.Sheets[name];
    return sheetOf(name, sheet ?? {});
  });
  return { format, sheets };
}

const UTF16_BOMS = [[0xff, 0xfe], [0xfe, 0xff]];

function parseText(bytes: Uint8Array, file: string): SpreadsheetData {
  // Excel's "Unicode Text" is UTF-16: a text file in the wrong encoding, not random bytes.
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom))) throw new AppError('SPREADSHEET_NOT_UTF8', { file });
  if (looksBinary(bytes)) throw new AppError('SPREADSHEET_NOT_A_SPREADSHEET', { file });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('SPREADSHEET_NOT_UTF8', { file });
  }
  text = text.replace(/^\uFEFF/u, '');
  if (text.trim() === '') throw new AppError('SPREADSHEET_EMPTY', { file });
  const rows = parseCsv(text).map((fields) => {
    const row: (RawCell | null)[] = fields.map((field) => (field === '' ? null : { value: field, text: field, isDate: false }));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  return { format: 'csv', sheets: [{ name: file.replace(/\.[^.]*$/u, '') || file, firstRow: 1, rows, merges: [] }] };
}

/** Parses a spreadsheet in the calling thread; readSpreadsheet runs this in a bounded worker. */
export function parseSpreadsheet(bytes: Uint8Array, file: string, progress: Progress = () => undefined): SpreadsheetData {
  checkSize(bytes.length, file);
  try {
    if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) {
      const names = verifyZip(bytes, file, (done, total) => progress((0.4 * done) / total));
      return parseBook(bytes, zipFormat(names, file), file, progress);
    }
    if (startsWith(bytes, OLE_MAGIC)) return parseBook(bytes, 'xls', file, progress);
    return parseText(bytes, file);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('SPREADSHEET_UNREADABLE', { file });
  }
}
