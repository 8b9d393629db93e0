/**
 * Clipboard text of a cell block, as Excel and LibreOffice write it: tab between cells,
 * CRLF between rows, and a cell holding a tab, a line break or a quote wrapped in
 * quotes with inner quotes doubled, and a text that a spreadsheet would run as a formula
 * neutralised (see neutraliseFormula). Every cell stays text ("00454" keeps its zeros);
 * turning text into values is parseFieldText's job, the same as for typing.
 */
import { parseCsv } from './csv';

/**
 * Reads a pasted block into rows of cells. Excel ends the block with one line break,
 * which is not an extra empty row; a single empty clipboard gives no rows. Ragged rows
 * are padded to the widest row so a column keeps its place.
 */
export function parseTsv(text: string): string[][] {
  let body = text;
  if (body.endsWith('\r\n')) body = body.slice(0, -2);
  else if (body.endsWith('\n') || body.endsWith('\r')) body = body.slice(0, -1);
  if (body === '') return [];
  const rows = parseCsv(body, '\t');
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r).map(restoreFormulaText));
}

function quoteCell(cell: string): string {
  return /[\t\r\n"]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell;
}

/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet that receives pasted text
 * starting with = + - @ (or a tab or carriage return) reads it as a formula, so a note
 * "=HYPERLINK(…)" typed by anyone would run in whoever pastes it. Such a text goes out
 * with a leading apostrophe, which Excel and LibreOffice take as "this is text" and do
 * not show — the clipboard twin of the package's xlsx copy, where every cell is a typed
 * constant. A plain number ("-5", "-1.234,5") is not a formula and stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;
const PLAIN_NUMBER = /^[+-]?\d[\d.,]*%?$/u;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutraliseFormula, so a block copied from this app and pasted back keeps its texts. */
function restoreFormulaText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) && !PLAIN_NUMBER.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Writes rows of cell texts the way Excel copies them (CRLF after every row), formulas neutralised. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map((cell) => quoteCell(neutraliseFormula(cell))).join('\t')}\r\n`).join('');
}
