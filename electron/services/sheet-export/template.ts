/**
 * Templates (issue 11 item 3): an empty workbook per sheet with the headers the importer
 * recognises (the grid's labels, from sheetColumns), one example row, and an in-cell
 * drop-down (Excel data validation) on every closed list. All lists live on a hidden
 * "Danh mục" sheet and are referenced as ranges: an inline list is limited to 255
 * characters and splits on commas, and labels such as "Nhà nghỉ, khách sạn" contain one.
 *
 * Why exceljs's in-memory Workbook: SheetJS Community cannot write data validation, and
 * the streaming writer's validations are not needed for a file of a few rows.
 */
import ExcelJS from 'exceljs';
import type { FieldValue, RefTarget } from '../../../shared/domain/fields';
import { templateColumns, SHEET_TITLES, type SheetColumn } from '../../../shared/domain/sheet-columns';
import type { SheetName } from '../../../shared/api/register-types';
import { isCommuneStatusField as isCommuneField } from '../../../shared/domain/commune-status';
import { cellOf, NO, numberFormatOf, TEXT_FORMAT, widthOf, YES } from './export-cells';
import type { RefNames } from './export-records';
import { columnLetter, worksheetName } from './xlsx-export';

export const LISTS_SHEET = 'Danh mục';
/** Rows under the header that carry the drop-downs: far more than a register's yearly additions. */
export const TEMPLATE_ROWS = 2000;

export type TemplateInput = {
  sheet: SheetName;
  /** "Huyện Đông Anh, Thành phố Hà Nội"; null without a workspace. */
  officeText: string | null;
  /** The office's communes and units by code (null without a workspace: no drop-down for them). */
  refs: RefNames | null;
};

type ListSource = { title: string; values: readonly string[] };

/** The values a column's drop-down offers, or null for a column without a closed list. */
function listOf(column: SheetColumn, refs: RefNames | null): ListSource | null {
  const kind = column.kind;
  const title = column.labels.vi;
  if (kind.type === 'enum' || kind.type === 'set') return { title, values: kind.values.map((code) => kind.labels[code]?.vi ?? code) };
  if (kind.type === 'bool') return { title, values: [YES, NO] };
  // A commune's code and name (the Communes sheet's row keys) pick from the office's communes.
  const target: RefTarget | null = kind.type === 'ref' ? kind.target : column.role === 'key' ? 'commune' : null;
  // Another hotspot is named by its code, which only the register knows; typed by hand.
  if (target === null || target === 'hotspot') return null;
  const names = refs?.[target];
  if (!names || names.size === 0) return null;
  return { title, values: column.key === 'code' ? [...names.keys()] : [...names.values()] };
}

/** Left empty in the example: a new record is not yet eliminated or ended, and a commune's class is its own claim. */
const EMPTY_IN_EXAMPLE = new Set(['eliminated_date', 'elimination_method', 'ended_date', 'reappeared_from', 'declared_class', 'override_reason']);

function exampleValue(column: SheetColumn, refs: RefNames | null): FieldValue {
  const kind = column.kind;
  if (EMPTY_IN_EXAMPLE.has(column.key)) return null;
  const firstCommune = refs?.commune ? [...refs.commune.entries()][0] : undefined;
  if (column.key === 'code') return firstCommune?.[0] ?? '00001';
  if (column.key === 'name') return firstCommune?.[1] ?? 'Xã Ví Dụ';
  switch (kind.type) {
    case 'int':
      // A year ("Năm chỉ tiêu", at most 2100) must look like one; a commune's counts must agree with each other (rules V3, V4).
      if (kind.max === 2100) return 2025;
      if (column.key === 'resident_population') return 8500;
      return column.role === 'field' && isCommuneField(column.key) ? 0 : 1;
    case 'decimal':
      if (isCommuneField(column.key)) return 0;
      return column.key === 'lat' ? 21.0285 : column.key === 'lon' ? 105.8542 : 1.5;
    case 'date':
      return '2025-01-15';
    case 'bool':
      return true;
    case 'enum':
    case 'set':
      return kind.values.length > 0 ? (kind.type === 'set' ? [kind.values[0] as string] : (kind.values[0] as string)) : null;
    case 'ref':
      return kind.target === 'hotspot' ? null : ([...(refs?.[kind.target]?.keys() ?? [])][0] ?? null);
    case 'text':
      return `Ví dụ: ${column.labels.vi.toLocaleLowerCase('vi')}`;
  }
}

function validationOf(column: SheetColumn, range: string): ExcelJS.DataValidation {
  const isMulti = column.kind.type === 'set';
  return {
    type: 'list',
    allowBlank: true,
    formulae: [range],
    showInputMessage: true,
    promptTitle: column.labels.vi.slice(0, 32),
    prompt: isMulti ? 'Chọn trong danh sách; nhiều giá trị thì gõ, cách nhau bằng dấu ;' : 'Chọn trong danh sách (bấm mũi tên bên phải ô).',
    // A set's cell holds "a; b", which no list contains: the list only helps, it does not refuse.
    showErrorMessage: !isMulti,
    errorStyle: 'warning',
    errorTitle: 'Giá trị không có trong danh sách',
    error: 'Hãy chọn một giá trị trong danh sách bấm từ mũi tên bên phải ô.',
  };
}

type RangeValidations = { add(range: string, validation: ExcelJS.DataValidation): void };

/**
 * exceljs 4.4 keeps range validations in `worksheet.dataValidations` (one entry per range,
 * written as one sqref) but its typings omit the property; per-cell validations would
 * write one element per cell.
 */
function validationsOf(sheet: ExcelJS.Worksheet): RangeValidations {
  return (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
}

/** The template workbook of a sheet. */
export async function writeTemplate(input: TemplateInput): Promise<Buffer> {
  const columns = templateColumns(input.sheet);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PCMT Desk';
  const title = SHEET_TITLES[input.sheet].vi;
  const lines = [
    ...(input.officeText === null ? [] : [`Đơn vị: ${input.officeText}`]),
    'Điền mỗi dòng một bản ghi, từ dòng ngay dưới tiêu đề cột; dòng đầu là ví dụ, hãy ghi đè hoặc xóa trước khi nhập.',
  ];
  const headerRow = lines.length + 3;
  const sheet = workbook.addWorksheet(worksheetName(title), { views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }] });
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  sheet.columns = columns.map((column) => {
    const numFmt = numberFormatOf(column) ?? (column.key === 'code' ? TEXT_FORMAT : undefined);
    return { width: widthOf(column), ...(numFmt === undefined ? {} : { style: { numFmt } }) };
  });
  sheet.getCell(1, 1).value = `MẪU NHẬP: ${title.toLocaleUpperCase('vi')}`;
  sheet.getCell(1, 1).style = { font: { bold: true, size: 14 }, numFmt: TEXT_FORMAT };
  lines.forEach((line, index) => {
    sheet.getCell(index + 2, 1).value = line;
    sheet.getCell(index + 2, 1).style = { numFmt: TEXT_FORMAT };
  });
  const refs = input.refs ?? {};
  let listColumn = 0;
  columns.forEach((column, index) => {
    const header = sheet.getCell(headerRow, index + 1);
    header.value = column.labels.vi;
    header.style = { font: { bold: true }, alignment: { vertical: 'middle', wrapText: true }, numFmt: TEXT_FORMAT };
    sheet.getCell(headerRow + 1, index + 1).value = cellOf(column, exampleValue(column, input.refs), refs);
    const list = listOf(column, input.refs);
    if (list === null) return;
    listColumn += 1;
    const letter = columnLetter(listColumn);
    lists.getCell(1, listColumn).value = list.title;
    list.values.forEach((value, i) => {
      lists.getCell(i + 2, listColumn).value = value;
    });
    const range = `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${list.values.length + 1}`;
    const target = columnLetter(index + 1);
    validationsOf(sheet).add(`${target}${headerRow + 1}:${target}${headerRow + TEMPLATE_ROWS}`, validationOf(column, range));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
