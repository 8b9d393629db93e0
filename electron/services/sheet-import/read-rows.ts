/**
 * Reads the data rows of the sheet into field values exactly as typing reads them
 * (shared/domain/field-values.ts is the one parser): a number cell goes to a number
 * field as the number Excel holds, a date cell as its serial, everything else as the
 * text Excel shows, through parseFieldText with the office's units as references.
 */
import type { ImportProblem } from '../../../shared/api/import-types';
import { checkFieldValue, excelSerialToIso, parseFieldText, type FieldCheck } from '../../../shared/domain/field-values';
import type { FieldDef, FieldValue, RefOptions } from '../../../shared/domain/fields';
import { AppError } from '../../../shared/errors';
import type { Language } from '../../../shared/i18n/format';
import { errorMessage, term } from '../../../shared/i18n/messages';
import { cellText } from './layout';
import type { RawCell, SheetData } from './workbook';

export type ReadRow = {
  /** Excel row number. */
  row: number;
  values: Record<string, FieldValue>;
  problems: ImportProblem[];
};

export type MappedColumn = { index: number; header: string; def: FieldDef };

function readCell(def: FieldDef, cell: RawCell, refs: RefOptions): FieldCheck {
  const { value } = cell;
  const type = def.kind.type;
  if (type === 'date' && typeof value === 'number') {
    const iso = excelSerialToIso(value);
    return iso === null ? { ok: false, rule: 'dateFormat' } : { ok: true, value: iso };
  }
  if ((type === 'int' || type === 'decimal') && typeof value === 'number') return checkFieldValue(def, value);
  if (type === 'bool' && typeof value === 'boolean') return { ok: true, value };
  return parseFieldText(def, cellText(cell), refs);
}

function cellProblem(row: number, column: MappedColumn, shown: string, rule: FieldCheck & { ok: false }, lang: Language): ImportProblem {
  const isCommune = column.def.kind.type === 'ref' && (column.def.kind.target === 'commune' || column.def.kind.target === 'officeUnit');
  const error = isCommune
    ? new AppError('IMPORT_UNIT_UNKNOWN', { row, value: shown.slice(0, 80) })
    : new AppError('IMPORT_CELL_INVALID', { row, column: column.header.slice(0, 80), value: shown.slice(0, 60), rule: term(rule.rule) });
  return { row, column: column.header, field: column.def.key, code: error.code, severity: 'error', message: errorMessage(error.code, error.params, lang) };
}

/** Registers repeat themselves (communes, lists, dates): each distinct text of a column is parsed once. */
const MEMO_LIMIT = 20_000;

function memoized(def: FieldDef, refs: RefOptions): (cell: RawCell) => FieldCheck {
  const memo = new Map<string, FieldCheck>();
  return (cell) => {
    if (typeof cell.value !== 'string') return readCell(def, cell, refs);
    const hit = memo.get(cell.value);
    if (hit) return hit;
    const checked = readCell(def, cell, refs);
    if (memo.size < MEMO_LIMIT) memo.set(cell.value, checked);
    return checked;
  };
}

export function readRows(sheet: SheetData, dataIndexes: readonly number[], columns: readonly MappedColumn[], refs: RefOptions, lang: Language): ReadRow[] {
  const out: ReadRow[] = [];
  const readers = columns.map((c) => memoized(c.def, refs));
  for (const i of dataIndexes) {
    const cells = sheet.rows[i] ?? [];
    const row = sheet.firstRow + i;
    const values: Record<string, FieldValue> = {};
    const problems: ImportProblem[] = [];
    let isEmpty = true;
    columns.forEach((column, c) => {
      const cell = cells[column.index];
      if (!cell || cellText(cell) === '') return;
      isEmpty = false;
      const checked = (readers[c] as (cell: RawCell) => FieldCheck)(cell);
      if (checked.ok) values[column.def.key] = checked.value;
      else problems.push(cellProblem(row, column, cellText(cell), checked, lang));
    });
    // A row with nothing in the imported columns (a spacer, a row number alone) is not data.
    if (!isEmpty) out.push({ row, values, problems });
  }
  return out;
}
