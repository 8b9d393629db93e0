/**
 * Writes a sheet's rows as an .xlsx: a title block (sheet, office, period, export date),
 * one header row with the grid's Vietnamese labels, then the rows; the header row and
 * the pinned code/name columns are frozen.
 *
 * Why exceljs's streaming writer: SheetJS Community writes cells and widths but no
 * frozen panes; exceljs writes both. Its streaming WorkbookWriter (inline strings, rows
 * committed as they are written) exports 50,000 hotspots, register read included, in
 * 1.3× the time of SheetJS's bare aoa_to_sheet + write of the same cells, at about half
 * its peak RSS (349 MB vs 666 MB; tests/bench/sheet-export.ts); exceljs's in-memory
 * Workbook took twice SheetJS's time and 2 GB in a probe, so it writes only templates.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetColumn } from '../../../shared/domain/sheet-columns';
import { cellOf, numberFormatOf, TEXT_FORMAT, widthOf } from './export-cells';
import type { ExportRecord, RefNames } from './export-records';

const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true }, alignment: { vertical: 'middle', wrapText: true }, numFmt: TEXT_FORMAT };

export type TitleBlock = { title: string; lines: readonly string[] };

export type XlsxTable = {
  sheetName: string;
  titleBlock: TitleBlock;
  columns: readonly SheetColumn[];
  records: readonly ExportRecord[];
  refs: RefNames;
};

/** Rows above the header: the title, its lines, one blank row. */
export function headerRowOf(titleBlock: TitleBlock): number {
  return titleBlock.lines.length + 3;
}

/** How many leading columns stay in view: the pinned ones, as long as they come first. */
export function frozenColumnsOf(columns: readonly SheetColumn[]): number {
  const firstUnpinned = columns.findIndex((c) => !c.isPinned);
  return firstUnpinned < 0 ? columns.length : firstUnpinned;
}

/** Collects a stream into one Buffer. */
function collect(stream: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function writeXlsxTable(table: XlsxTable): Promise<Buffer> {
  const stream = new PassThrough();
  const done = collect(stream);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  workbook.creator = 'PCMT Desk';
  const headerRow = headerRowOf(table.titleBlock);
  const xSplit = frozenColumnsOf(table.columns);
  const sheet = workbook.addWorksheet(worksheetName(table.sheetName), {
    views: [{ state: 'frozen', xSplit, ySplit: headerRow, topLeftCell: `${columnLetter(xSplit + 1)}${headerRow + 1}` }],
  });
  // Column styles carry the number formats: every cell written below takes its column's.
  sheet.columns = table.columns.map((column) => {
    const numFmt = numberFormatOf(column);
    return { width: widthOf(column), ...(numFmt === undefined ? {} : { style: { numFmt } }) };
  });
  writeTitle(sheet, table.titleBlock);
  const header = sheet.getRow(headerRow);
  table.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.labels.vi;
    // Its own style, not the column's: a date column's format would make the header read as a date.
    cell.style = HEADER_STYLE;
  });
  header.commit();
  let rowNumber = headerRow;
  for (const record of table.records) {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    row.values = table.columns.map((column) => cellOf(column, record.valueOf(column.key), table.refs));
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return done;
}

function writeTitle(sheet: ExcelJS.Worksheet, titleBlock: TitleBlock): void {
  const title = sheet.getRow(1);
  const cell = title.getCell(1);
  cell.value = titleBlock.title;
  cell.style = { font: { bold: true, size: 14 }, numFmt: TEXT_FORMAT };
  title.commit();
  titleBlock.lines.forEach((line, index) => {
    const row = sheet.getRow(index + 2);
    const lineCell = row.getCell(1);
    lineCell.value = line;
    lineCell.style = { numFmt: TEXT_FORMAT };
    row.commit();
  });
}

/** Excel refuses a tab name with \\ / * ? : [ ] or longer than 31 characters ("Xã/phường" becomes "Xã, phường"). */
export function worksheetName(name: string): string {
  return name.replace(/\s*\/\s*/gu, ', ').replace(/[\\*?:[\]]/gu, ' ').slice(0, 31);
}

/** "A", "B", … "AA": the letters of a 1-based column number. */
export function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
