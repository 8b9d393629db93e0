/**
 * Model-site rows as the grid holds them, and how typed text becomes a value. Text
 * that does not parse becomes an InvalidEntry, which the editor refuses to commit
 * (invalidEditValueMode "block"), so nothing wrong is ever sent.
 */
import type { ModelSiteRow } from '../../../shared/api/register-types';
import type { FieldDef, FieldValue, RefOption } from '../../../shared/domain/fields';
import { parseFieldText } from '../../../shared/domain/field-values';
import { MODEL_SITE_FIELDS, type ModelSiteValues } from '../../../shared/domain/model-site';
import type { TermKey } from '../../../shared/i18n/errors-vi';

export type InvalidEntry = { isInvalid: true; text: string; rule: TermKey };
export type SiteCellValue = FieldValue | InvalidEntry;

/** A row of the sheet; the blank row at the bottom is a draft until it has its required values. */
export type SiteGridRow = { id: string; values: ModelSiteValues; hostUnitName: string; isDraft: boolean };

export const DRAFT_ROW_ID = 'new-model-site';

export function isInvalidEntry(value: unknown): value is InvalidEntry {
  return typeof value === 'object' && value !== null && 'isInvalid' in value;
}

export function gridRowOf(row: ModelSiteRow): SiteGridRow {
  return { id: row.id, values: row.values, hostUnitName: row.hostUnitName, isDraft: false };
}

export function emptyValues(defaults: Partial<ModelSiteValues> = {}): ModelSiteValues {
  const values = Object.fromEntries(MODEL_SITE_FIELDS.map((def) => [def.key, null])) as ModelSiteValues;
  return { ...values, ...defaults };
}

export function draftRow(defaults: Partial<ModelSiteValues>): SiteGridRow {
  return { id: DRAFT_ROW_ID, values: emptyValues(defaults), hostUnitName: '', isDraft: true };
}

/** The fields a new row needs before it can be stored. */
export function missingRequired(values: ModelSiteValues): string[] {
  return MODEL_SITE_FIELDS.filter((def) => 'isRequired' in def && def.isRequired && values[def.key] === null).map((def) => def.key);
}

/**
 * Turns editor output into a value. Text editors hand over strings; the drop-down
 * editors hand over the stored code or boolean itself, which needs no parsing.
 */
export function parseSiteInput(def: FieldDef, input: unknown, hostUnits: readonly RefOption[]): SiteCellValue {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') return typeof input === 'number' || typeof input === 'boolean' ? input : null;
  if (def.kind.type === 'ref' && hostUnits.some((u) => u.code === input)) return input;
  const result = parseFieldText(def, input, { officeUnit: hostUnits });
  return result.ok ? result.value : { isInvalid: true, text: input, rule: result.rule };
}

export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sorts shown texts the Vietnamese way (Đ after D, marks after the bare letter); blanks last. */
export function compareVietnamese(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return collator.compare(a, b);
}
