/**
 * The workbook as the importer sees it, read by the safe spreadsheet reader
 * (electron/services/spreadsheet/: ZIP and XML checks, parse in a bounded worker, so
 * the app never freezes on a large or hostile file). Merged ranges come back in sheet
 * coordinates; here they are shifted to indexes into `rows`, which is what the layout
 * search walks.
 */
import { readSpreadsheet, type ReadOptions, type SheetData, type SpreadsheetData } from '../spreadsheet/read-workbook';

export type { RawCell, SheetData, SpreadsheetData } from '../spreadsheet/read-workbook';
export type { ReadOptions } from '../spreadsheet/read-workbook';

function withRowMerges(sheet: SheetData): SheetData {
  const shift = sheet.firstRow - 1;
  if (shift === 0) return sheet;
  return { ...sheet, merges: sheet.merges.map((m) => ({ s: { r: m.s.r - shift, c: m.s.c }, e: { r: m.e.r - shift, c: m.e.c } })) };
}

export async function readWorkbook(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<SpreadsheetData> {
  const data = await readSpreadsheet(bytes, fileName, options);
  return { ...data, sheets: data.sheets.map(withRowMerges) };
}
