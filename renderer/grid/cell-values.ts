/**
 * How a field value looks in a cell and how typed text becomes a value. Numbers are
 * shown the Vietnamese way (12.345, 12,5) in both languages, so what a user sees can
 * always be typed or pasted back; dates are dd/mm/yyyy; closed lists show labels, sets
 * "a; b", references the referenced record's name. Text that does not parse becomes an
 * InvalidEntry, which the editor refuses to commit.
 */
import { formatDate, parseFieldText } from '../../shared/domain/field-values';
import type { FieldDef, FieldValue, RefOptions } from '../../shared/domain/fields';
import type { Language } from '../../shared/i18n/format';
import type { TermKey } from '../../shared/i18n/errors-vi';

export type InvalidEntry = { isInvalid: true; text: string; rule: TermKey };
export type CellValue = FieldValue | InvalidEntry;

export type ValueTexts = { yes: string; no: string };

export function isInvalidEntry(value: unknown): value is InvalidEntry {
  return typeof value === 'object' && value !== null && 'isInvalid' in value;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

export function vietnameseNumber(value: number, decimals: number): string {
  let format = numberFormats.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

/**
 * An integer bounded to four digits (a target year, 1990–2100) is a year: it reads
 * "2025", never "2.025", which a statistician would take for two thousand and twenty-five.
 */
export function intText(kind: { min?: number; max?: number }, value: number): string {
  const isYear = kind.min !== undefined && kind.max !== undefined && kind.min >= 1000 && kind.max <= 9999;
  return isYear ? String(value) : vietnameseNumber(value, 0);
}

function labelOf(labels: Record<string, { vi: string; en: string }>, code: string, language: Language): string {
  return labels[code]?.[language] ?? code;
}

/** The text a cell shows for a stored value; empty for null. */
export function formatCellValue(def: FieldDef, value: CellValue | undefined, language: Language, texts: ValueTexts, refs: RefOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (isInvalidEntry(value)) return value.text;
  const kind = def.kind;
  switch (kind.type) {
    case 'int':
      return typeof value === 'number' ? intText(kind, value) : String(value);
    case 'decimal':
      return typeof value === 'number' ? vietnameseNumber(value, kind.decimals) : String(value);
    case 'enum':
      return typeof value === 'string' ? labelOf(kind.labels, value, language) : String(value);
    case 'set':
      return Array.isArray(value) ? value.map((code: string) => labelOf(kind.labels, code, language)).join('; ') : String(value);
    case 'ref':
      return typeof value === 'string' ? (refs[kind.target]?.find((o) => o.code === value)?.label ?? value) : String(value);
    case 'bool':
      return value === true ? texts.yes : value === false ? texts.no : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'text':
      return String(value);
  }
}

/**
 * Turns editor output into a value. Text editors hand over strings, parsed as typing
 * is everywhere; the drop-down editors hand over the stored code or boolean itself.
 */
export function parseCellInput(def: FieldDef, input: unknown, refs: RefOptions = {}): CellValue {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') return typeof input === 'number' || typeof input === 'boolean' ? input : null;
  const result = parseFieldText(def, input, refs);
  return result.ok ? result.value : { isInvalid: true, text: input, rule: result.rule };
}
