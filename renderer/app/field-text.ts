/**
 * How any register value reads on screen, driven by its field definition: numbers the
 * Vietnamese way (12.345) in both languages so what is shown can be typed back, dates
 * dd/mm/yyyy, closed lists and multi-choice sets by their labels ("a; b"), yes/no as
 * Có/Không, references by the name of what they point at.
 */
import type { FieldDef, FieldValue, RefTarget } from '../../shared/domain/fields';
import { formatDate } from '../../shared/domain/field-values';
import type { Language } from '../../shared/i18n/format';
import { intText } from '../grid/cell-values';

/** Names of referenced records by code, per reference target (e.g. host units). */
export type RefNames = Partial<Record<RefTarget, ReadonlyMap<string, string>>>;

const YES_NO: Record<Language, [string, string]> = { vi: ['Có', 'Không'], en: ['Yes', 'No'] };

/** The separator of a set's labels; parseFieldText splits on it (and on commas). */
export const SET_SEPARATOR = '; ';

const numberFormats = new Map<number, Intl.NumberFormat>();

function vietnameseNumber(value: number, decimals: number): string {
  let format = numberFormats.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}

export function yesNoText(value: boolean, language: Language): string {
  return YES_NO[language][value ? 0 : 1];
}

/** The text a cell shows for a stored value; empty for null. */
export function formatFieldValue(def: FieldDef, value: FieldValue | undefined, language: Language, refs: RefNames = {}): string {
  if (value === null || value === undefined) return '';
  const kind = def.kind;
  switch (kind.type) {
    case 'int':
      return typeof value === 'number' ? intText(kind, value) : String(value);
    case 'decimal':
      return typeof value === 'number' ? vietnameseNumber(value, kind.decimals) : String(value);
    case 'enum':
      return typeof value === 'string' ? (kind.labels[value]?.[language] ?? value) : String(value);
    case 'set': {
      const codes = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as readonly string[]) : [];
      return codes.map((code) => kind.labels[code]?.[language] ?? code).join(SET_SEPARATOR);
    }
    case 'bool':
      return typeof value === 'boolean' ? yesNoText(value, language) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'ref':
      return typeof value === 'string' ? (refs[kind.target]?.get(value) ?? value) : String(value);
    case 'text':
      return String(value);
  }
}
