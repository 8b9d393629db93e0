/**
 * The datasets of a package as the register reads them (payload schema 1,
 * exchange-format.md §2.6): each one's record key and field definitions, and how a
 * package value becomes a register value, so a received record is labelled and
 * formatted exactly as the sheets show it.
 */
import type { DatasetName } from '../../../shared/api/exchange-types';
import { COMMUNE_STATUS_FIELDS } from '../../../shared/domain/commune-status';
import type { FieldDef, FieldValue } from '../../../shared/domain/fields';
import { HOTSPOT_FIELDS } from '../../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS } from '../../../shared/domain/model-site';
import type { Language } from '../../../shared/i18n/format';
import { formatFieldValue, type RefNames } from '../../app/field-text';

export const DATASET_SHAPES: Record<DatasetName, { idKey: string; fields: readonly FieldDef[] }> = {
  commune_status: { idKey: 'commune', fields: COMMUNE_STATUS_FIELDS },
  hotspots: { idKey: 'id', fields: HOTSPOT_FIELDS },
  model_sites: { idKey: 'id', fields: MODEL_SITE_FIELDS },
};

/** A package value as the register holds it: decimals travel as fixed-point strings (§2.3 has no floats). */
export function storedValue(def: FieldDef, raw: unknown): FieldValue {
  if (raw === null || raw === undefined) return null;
  if (def.kind.type === 'decimal' && typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return raw as string[];
  return JSON.stringify(raw);
}

export function isNumericField(def: FieldDef): boolean {
  return def.kind.type === 'int' || def.kind.type === 'decimal';
}

/** A field's definition in any dataset by its key (e.g. a total named by a commune-status field). */
export function fieldDef(dataset: DatasetName, key: string): FieldDef | undefined {
  return DATASET_SHAPES[dataset].fields.find((def) => def.key === key);
}

/** The label of a field, or its key when the package names a field this version does not know. */
export function fieldLabel(dataset: DatasetName, key: string, language: Language): string {
  return fieldDef(dataset, key)?.labels[language] ?? key;
}

/** A value of a package record as the sheets show it: labels, not codes; unknown fields as given. */
export function valueText(dataset: DatasetName, key: string, raw: unknown, language: Language, refs: RefNames): string {
  const def = fieldDef(dataset, key);
  if (def === undefined) return raw === null || raw === undefined ? '' : typeof raw === 'string' ? raw : JSON.stringify(raw);
  return formatFieldValue(def, storedValue(def, raw), language, refs);
}
