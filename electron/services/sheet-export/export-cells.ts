/**
 * One stored value as one Excel cell, showing what the sheet shows: numbers stay
 * numbers (with the grid's decimals), dates become real Excel dates shown dd/mm/yyyy,
 * codes stay text (so "00123" keeps its zeros), closed lists and yes/no are written
 * with their Vietnamese labels, references with the referenced record's name. The
 * labels are the ones the typing parser reads back, so an exported sheet imports
 * unchanged.
 */
import type { FieldValue } from '../../../shared/domain/fields';
import type { SheetColumn } from '../../../shared/domain/sheet-columns';
import type { RefNames } from './export-records';

export type CellOut = string | number | Date | null;

export const DATE_FORMAT = 'dd/mm/yyyy';
/** Excel's built-in "@": the cell is text even when it looks like a number. */
export const TEXT_FORMAT = '@';

export const YES = 'Có';
export const NO = 'Không';
/** What the hotspot grid shows in a flag column that is set. */
export const FLAG_YES = '✓';

const HOTSPOT_FLAGS = new Set(['isActiveAtStart', 'isNew', 'isEliminated', 'isActiveAtEnd']);

/** The number format of a column, or undefined for General. */
export function numberFormatOf(column: SheetColumn): string | undefined {
  if (column.isCode) return TEXT_FORMAT;
  const kind = column.kind;
  if (kind.type === 'int') return '#,##0';
  if (kind.type === 'decimal') return `#,##0.${'0'.repeat(kind.decimals)}`;
  if (kind.type === 'date') return DATE_FORMAT;
  return undefined;
}

/** An ISO date at midnight UTC, which exceljs writes as the whole-day serial. */
export function isoToDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

const labelOf = (labels: Record<string, { vi: string }>, code: string) => labels[code]?.vi ?? code;

/** The cell of a value in a column. */
export function cellOf(column: SheetColumn, value: FieldValue, refs: RefNames): CellOut {
  if (value === null) return null;
  if (HOTSPOT_FLAGS.has(column.key)) return value === true ? FLAG_YES : null;
  const kind = column.kind;
  switch (kind.type) {
    case 'int':
    case 'decimal':
      return typeof value === 'number' ? value : String(value);
    case 'date':
      return typeof value === 'string' ? (isoToDate(value) ?? value) : String(value);
    case 'bool':
      return value === true ? YES : value === false ? NO : String(value);
    case 'enum':
      return typeof value === 'string' ? labelOf(kind.labels, value) : String(value);
    case 'set':
      return Array.isArray(value) ? value.map((code: string) => labelOf(kind.labels, code)).join('; ') : String(value);
    case 'ref':
      return typeof value === 'string' ? (refs[kind.target]?.get(value) ?? value) : String(value);
    case 'text':
      return String(value);
  }
}

/** A column width in characters: by what it holds, never narrower than its longest header word. */
export function widthOf(column: SheetColumn): number {
  const longestWord = Math.max(...column.labels.vi.split(/\s+/u).map((w) => w.length));
  const kind = column.kind;
  let base: number;
  if (column.isCode) base = 12;
  else if (column.key === 'name' || column.key === 'address') base = 32;
  else if (kind.type === 'int' || kind.type === 'decimal') base = 12;
  else if (kind.type === 'date') base = 12;
  else if (kind.type === 'bool') base = 10;
  else if (kind.type === 'text') base = kind.maxLength > 200 ? 36 : 22;
  else base = 24;
  return Math.min(60, Math.max(base, longestWord + 2));
}
