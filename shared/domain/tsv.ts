/**
 * Clipboard text of a cell block, as Excel and LibreOffice write it: tab between cells,
 * CRLF between rows, and a cell holding a tab, a line break or a quote wrapped in
 * quotes with inner quotes doubled. Every cell stays text ("00454" keeps its zeros);
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
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}

function quoteCell(cell: string): string {
  return /[\t\r\n"]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell;
}

/** Writes rows of cell texts the way Excel copies them (CRLF after every row). */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quoteCell).join('\t')}\r\n`).join('');
}
