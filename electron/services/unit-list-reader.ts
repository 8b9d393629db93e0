/**
 * Turns the bytes of a unit-list file into parsed units. The format is decided by the
 * content, never by the file name: a ZIP or OLE header is a workbook (xlsx, ods, xls),
 * text starting with `{` or `[` is JSON, other UTF-8 text is CSV.
 */
import * as XLSX from 'xlsx';
import { AppError } from '../../shared/errors';
import { parseCsv } from '../../shared/domain/csv';
import { parseUnitTable, type Cell, type ParsedUnitList } from '../../shared/domain/unit-list';
import { parseUnitJson } from '../../shared/domain/unit-list-json';

export type UnitListFormat = 'xlsx' | 'csv' | 'json';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 160);
}

function readWorkbook(bytes: Uint8Array, file: string): ParsedUnitList {
  let sheet: XLSX.WorkSheet | undefined;
  try {
    const book = XLSX.read(bytes, { type: 'buffer', dense: true });
    const first = book.SheetNames[0];
    sheet = first === undefined ? undefined : book.Sheets[first];
  } catch (error) {
    throw new AppError('UNITS_SPREADSHEET_UNREADABLE', { file, detail: describe(error) });
  }
  if (!sheet || !sheet['!ref']) throw new AppError('UNITS_NO_ROWS', { file });
  // Formatted text (raw: false) keeps codes such as "01" as the office typed them.
  const rows = XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: false, defval: null, blankrows: true });
  const firstRow = XLSX.utils.decode_range(sheet['!ref']).s.r + 1;
  return parseUnitTable(rows, file, firstRow);
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('UNITS_NOT_UTF8', { file });
  }
}

export function readUnitList(bytes: Uint8Array, file: string): { format: UnitListFormat; list: ParsedUnitList } {
  if (bytes.length === 0) throw new AppError('UNITS_FILE_EMPTY', { file });
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC)) return { format: 'xlsx', list: readWorkbook(bytes, file) };
  const text = decodeUtf8(bytes, file).replace(/^\uFEFF/u, '');
  const head = text.trimStart().charAt(0);
  if (head === '{' || head === '[') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new AppError('UNITS_JSON_INVALID', { file, detail: describe(error) });
    }
    return { format: 'json', list: parseUnitJson(value, file) };
  }
  if (text.trim() === '') throw new AppError('UNITS_FILE_EMPTY', { file });
  if (!/[,;\t]/u.test(text.slice(0, 2000))) throw new AppError('UNITS_FORMAT_UNKNOWN', { file });
  return { format: 'csv', list: parseUnitTable(parseCsv(text), file) };
}
