/**
 * How a commune-status value looks in a cell and how typed text becomes a value.
 * Numbers are shown the Vietnamese way (12.345, 12,5) in both languages, so what a
 * user sees can always be typed back; dates are dd/mm/yyyy; closed lists show labels.
 * Text that does not parse becomes an InvalidEntry, which the editor refuses to commit.
 */
import type { FieldDef, FieldValue } from '../../shared/domain/commune-status';
import { formatDate, parseFieldText } from '../../shared/domain/field-values';
import type { Language } from '../../shared/i18n/format';
import type { TermKey } from '../../shared/i18n/errors-vi';

export type InvalidEntry = { isInvalid: true; text: string; rule: TermKey };
export type CellValue = FieldValue | InvalidEntry;

export type ValueTexts = { yes: string; no: string };

export function isInvalidEntry(value: unknown): value is InvalidEntry {
  return typeof value === 'object' && value !== null && 'isInvalid' in value;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

function vietnameseNumber(value: number, decimals: number): string {
  let format = numberFormats.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

/** The text a cell shows for a stored value; empty for null. */
export function formatCellValue(def: FieldDef, value: CellValue | undefined, language: Language, texts: ValueTexts): string {
  if (value === null || value === undefined) return '';
  if (isInvalidEntry(value)) return value.text;
  const kind = def.kind;
  switch (kind.type) {
    case 'int':
      return typeof value === 'number' ? vietnameseNumber(value, 0) : String(value);
    case 'decimal':
      return typeof value === 'number' ? vietnameseNumber(value, kind.decimals) : String(value);
    case 'enum':
      return typeof value === 'string' ? (kind.labels[value]?.[language] ?? value) : String(value);
    case 'bool':
      return value === true ? texts.yes : value === false ? texts.no : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'text':
      return String(value);
  }
}

/**
 * Turns editor output into a value. Text editors hand over strings; the drop-down
 * editors hand over the stored code or boolean itself, which needs no parsing.
 */
export function parseCellInput(def: FieldDef, input: unknown): CellValue {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') return typeof input === 'number' || typeof input === 'boolean' ? input : null;
  const result = parseFieldText(def, input);
  return result.ok ? result.value : { isInvalid: true, text: input, rule: result.rule };
}
