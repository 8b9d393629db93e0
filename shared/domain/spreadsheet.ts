/**
 * The plain data every spreadsheet reader hands back (unit lists, the import wizard),
 * and the limits a file must stay within before anything parses it. Kept in shared/ so
 * the renderer can state the limits and later show previews of the same shapes.
 */
import { AppError } from '../errors';

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

/** One cell: the stored value and the text Excel shows for it. */
export type RawCell = {
  value: string | number | boolean;
  /** As Excel shows it (number format applied); for CSV the field as written. */
  text: string;
  /** True when the cell's number format is a date format (value is then an Excel serial). */
  isDate: boolean;
};

export type SheetData = {
  name: string;
  /** 1-based Excel row of rows[0]. */
  firstRow: number;
  /** rows[i][c]: column c counted from A (0 = column A); null for an empty cell. */
  rows: (RawCell | null)[][];
  /** Merged ranges in 0-based sheet coordinates (r 0 = Excel row 1, c 0 = column A), as SheetJS gives them. */
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
};

export type SpreadsheetData = { format: SpreadsheetFormat; sheets: SheetData[] };

const MB = 1024 * 1024;

/** A spreadsheet file (any format) larger than this is refused before it is read. */
export const MAX_SPREADSHEET_BYTES = 50 * MB;
/** The parts of an .xlsx/.ods together may expand to at most this much. */
export const MAX_INFLATED_TOTAL_BYTES = 200 * MB;
/** One part (e.g. one sheet's XML) may expand to at most this much. */
export const MAX_INFLATED_PART_BYTES = 100 * MB;
/** Real workbooks have a few dozen parts; thousands are a sign of a crafted file. */
export const MAX_ZIP_ENTRIES = 10_000;
/**
 * A part larger than RATIO_CHECK_FROM_BYTES that claims to expand more than this many
 * times is refused: sheets saved by Excel or LibreOffice compress 5–50×, bombs ~1000×.
 */
export const MAX_COMPRESSION_RATIO = 500;
export const RATIO_CHECK_FROM_BYTES = 10 * MB;
/** The parser's worker gets this much heap; past it the file is refused, the app keeps running. */
export const PARSE_HEAP_LIMIT_MB = 768;
/** The parser's worker is stopped after this long. */
export const PARSE_TIME_LIMIT_MS = 60_000;

/**
 * The size rule of every spreadsheet read (unit lists, imports), checked before a byte
 * of the file is read — by the services, and by the wizard before the browser loads it.
 */
export function checkSpreadsheetSize(size: number, file: string): void {
  if (size === 0) throw new AppError('SPREADSHEET_EMPTY', { file });
  if (size > MAX_SPREADSHEET_BYTES) {
    throw new AppError('SPREADSHEET_FILE_TOO_LARGE', { file, sizeMb: Math.ceil(size / MB), maxMb: MAX_SPREADSHEET_BYTES / MB });
  }
}
