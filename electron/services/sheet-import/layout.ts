/**
 * Where the table is in a sheet the way offices lay it out: a title block (often merged
 * across the table) above, the header row, maybe a second header row under merged
 * parent cells ("Địa chỉ" over "Thôn/xóm" and "Địa chỉ cụ thể"), maybe a column-number
 * row "(1) (2) (3)…" or "1 2 3…", the data, then a totals row ("Tổng cộng", "Cộng")
 * and a signature block, where the data ends.
 */
import { foldVietnamese } from '../../../shared/domain/text';
import { headerKey, IGNORED_HEADERS } from './sheet-fields';
import type { RawCell, SheetData } from './workbook';

export type TableLayout = {
  /** Index in sheet.rows of the (first) header row. */
  headerIndex: number;
  /** Header text per column (sub-header text under a merged parent, else the parent's). */
  headers: string[];
  /** Indexes in sheet.rows of the data rows, blanks skipped, totals and signatures cut off. */
  dataIndexes: number[];
};

/** Only the top of a sheet can hold its header row. */
const HEADER_SEARCH_ROWS = 40;
const NUMBER_CELL = /^\(?\s*\d{1,3}\s*\)?$/u;
const TOTALS = /^(tong cong|tong so|tong|cong|cong toan (huyen|xa|tinh)|tong hop)(\s|:|\.|$)/u;
const SIGNATURE = /(nguoi lap bieu|nguoi lap|thu truong|ky ten|ky ghi ro ho ten|xac nhan cua|truong phong|chu tich|ngay\s*\.*\s*\d*\s*thang\s*\.*\s*\d*\s*nam)/u;

export function cellText(cell: RawCell | null | undefined): string {
  if (!cell) return '';
  return (typeof cell.value === 'string' ? cell.value : cell.text).trim();
}

function texts(row: readonly (RawCell | null)[]): string[] {
  return row.map(cellText);
}

function isTextCell(cell: RawCell | null | undefined): boolean {
  return cell !== null && cell !== undefined && typeof cell.value === 'string' && cell.value.trim() !== '' && !NUMBER_CELL.test(cell.value.trim());
}

/** A row of column numbers: two or more cells, every filled one a small number or "(n)". */
export function isColumnNumberRow(row: readonly (RawCell | null)[]): boolean {
  const filled = texts(row).filter((t) => t !== '');
  return filled.length >= 2 && filled.every((t) => NUMBER_CELL.test(t));
}

function isTotalsRow(row: readonly (RawCell | null)[]): boolean {
  const filled = row.filter((c) => isTextCell(c));
  // "Cổng chợ" is an address, not a total: a totals row has one or two words and numbers.
  if (filled.length === 0 || filled.length > 2) return false;
  return filled.slice(0, 2).some((c) => TOTALS.test(foldVietnamese(cellText(c))));
}

function isSignatureRow(row: readonly (RawCell | null)[]): boolean {
  const filled = row.filter((c) => isTextCell(c));
  // A signature block is a few captions; a data row that mentions "cán bộ" in a note is not one.
  return filled.length <= 3 && filled.some((c) => SIGNATURE.test(headerKey(cellText(c))));
}

function isBlank(row: readonly (RawCell | null)[] | undefined): boolean {
  return row === undefined || row.every((c) => cellText(c) === '');
}

/** How much a row looks like the header: known header words, more than mere text. */
function headerScore(row: readonly (RawCell | null)[], known: ReadonlyMap<string, string>): number {
  let score = 0;
  for (const text of texts(row)) {
    const key = headerKey(text);
    if (key === '') continue;
    if (known.has(key) || IGNORED_HEADERS.has(key)) score += 2;
  }
  return score;
}

/** The header row: the top row with the most known header words; else the first row of three or more text cells. */
export function findHeaderIndex(sheet: SheetData, known: ReadonlyMap<string, string>): number | null {
  let best: { index: number; score: number } | null = null;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const score = headerScore(sheet.rows[i] ?? [], known);
    if (score >= 4 && (best === null || score > best.score)) best = { index: i, score };
  }
  if (best) return best.index;
  for (let i = 0; i < limit; i++) if ((sheet.rows[i] ?? []).filter(isTextCell).length >= 3) return i;
  return null;
}

/** Whether row `index` sits under horizontally merged parent cells of the header row. */
function isSubHeaderRow(sheet: SheetData, headerIndex: number): boolean {
  const below = sheet.rows[headerIndex + 1];
  if (!below || isColumnNumberRow(below)) return false;
  return sheet.merges.some((m) => m.s.r === headerIndex && m.e.r === headerIndex && m.e.c > m.s.c && isTextCell(below[m.s.c]));
}

/** The text that covers a cell: its own, or that of the merged range it lies in. */
function coveringText(sheet: SheetData, r: number, c: number): string {
  const own = cellText(sheet.rows[r]?.[c]);
  if (own !== '') return own;
  const merge = sheet.merges.find((m) => m.s.r <= r && r <= m.e.r && m.s.c <= c && c <= m.e.c);
  return merge ? cellText(sheet.rows[merge.s.r]?.[merge.s.c]) : '';
}

export function tableLayout(sheet: SheetData, headerIndex: number): TableLayout {
  const hasSub = isSubHeaderRow(sheet, headerIndex);
  const width = Math.max(0, ...sheet.rows.slice(headerIndex, headerIndex + 2).map((r) => r.length));
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const sub = hasSub ? cellText(sheet.rows[headerIndex + 1]?.[c]) : '';
    headers.push(sub !== '' ? sub : coveringText(sheet, headerIndex, c));
  }
  let start = headerIndex + (hasSub ? 2 : 1);
  while (start < sheet.rows.length && isBlank(sheet.rows[start])) start++;
  if (sheet.rows[start] && isColumnNumberRow(sheet.rows[start] ?? [])) start++;
  const dataIndexes: number[] = [];
  for (let i = start; i < sheet.rows.length; i++) {
    const row = sheet.rows[i] ?? [];
    if (isBlank(row)) continue;
    if (isTotalsRow(row) || isSignatureRow(row)) break;
    dataIndexes.push(i);
  }
  return { headerIndex, headers, dataIndexes };
}
