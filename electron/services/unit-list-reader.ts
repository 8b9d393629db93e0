/**
 * Turns the bytes of a unit-list file into parsed units. The format is decided by the
 * content, never by the file name: UTF-8 text starting with `{` or `[` is JSON; anything
 * else (xlsx, xls, ods, CSV) goes through the one safe spreadsheet reader, which checks
 * sizes and CRCs and parses off the main thread.
 */
import { AppError } from '../../shared/errors';
import { parseUnitTable, type ParsedUnitList } from '../../shared/domain/unit-list';
import { parseUnitJson } from '../../shared/domain/unit-list-json';
import { isWorkbookBytes, readSpreadsheet, type ReadOptions } from './spreadsheet/read-workbook';

export type UnitListFormat = 'xlsx' | 'csv' | 'json';

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 160);
}

function utf8Text(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return null;
  }
}

function readJson(text: string, file: string): ParsedUnitList {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('UNITS_JSON_INVALID', { file, detail: describe(error) });
  }
  return parseUnitJson(value, file);
}

/** A JSON unit list only (fixtures, scripts); anything else is "format unknown". */
export function readUnitJson(bytes: Uint8Array, file: string): ParsedUnitList {
  if (bytes.length === 0) throw new AppError('UNITS_FILE_EMPTY', { file });
  const text = utf8Text(bytes);
  if (text === null || !/^\s*[[{]/u.test(text)) throw new AppError('UNITS_FORMAT_UNKNOWN', { file });
  return readJson(text, file);
}

export async function readUnitList(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<{ format: UnitListFormat; list: ParsedUnitList }> {
  if (bytes.length === 0) throw new AppError('UNITS_FILE_EMPTY', { file });
  const text = isWorkbookBytes(bytes) ? null : utf8Text(bytes);
  const head = text?.trimStart().charAt(0);
  if (text !== null && (head === '{' || head === '[')) return { format: 'json', list: readJson(text, file) };
  if (text !== null && text.trim() === '') throw new AppError('UNITS_FILE_EMPTY', { file });
  if (text !== null && !/[,;\t]/u.test(text.slice(0, 2000))) throw new AppError('UNITS_FORMAT_UNKNOWN', { file });
  const data = await readSpreadsheet(bytes, file, options);
  const sheet = data.sheets[0];
  if (sheet === undefined || sheet.rows.length === 0) throw new AppError('UNITS_NO_ROWS', { file });
  // The text as Excel shows it keeps codes such as "01" as the office typed them.
  const rows = sheet.rows.map((row) => row.map((cell) => cell?.text ?? null));
  return { format: data.format === 'csv' ? 'csv' : 'xlsx', list: parseUnitTable(rows, file, sheet.firstRow) };
}
