/**
 * What the services know about the two registers: their field lists, table columns,
 * and how a field value is stored (sets as JSON arrays of codes, yes/no as 0/1) and
 * shown (HotspotRow, ModelSiteRow).
 */
import type { DbModelSiteWithHost } from '../../db/queries/model-sites';
import type { DbValue, RegisterTable } from '../../db/queries/register-rows';
import type { ModelSiteRow } from '../../shared/api/register-types';
import type { FieldDef, FieldValue } from '../../shared/domain/fields';
import { HOTSPOT_FIELDS } from '../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS, type ModelSiteValues } from '../../shared/domain/model-site';
import type { TermKey } from '../../shared/i18n/errors-vi';

export type RegisterSheet = 'hotspots' | 'modelSites';

export type RegisterSpec = {
  sheet: RegisterSheet;
  table: RegisterTable;
  fields: readonly FieldDef[];
  /** The sheet's name in messages. */
  term: TermKey;
  insertColumns: readonly string[];
  updateColumns: readonly string[];
};

const BOOKKEEPING = ['removed_at', 'updated_at', 'updated_by'];
const hotspotKeys = HOTSPOT_FIELDS.map((f) => f.key);
const modelKeys = MODEL_SITE_FIELDS.map((f) => f.key);

export const REGISTERS: Record<RegisterSheet, RegisterSpec> = {
  hotspots: {
    sheet: 'hotspots',
    table: 'hotspots',
    fields: HOTSPOT_FIELDS,
    term: 'sheetHotspots',
    insertColumns: ['id', 'scheme', ...hotspotKeys, 'created_at', ...BOOKKEEPING],
    // local_code is the hotspot's identity for people: given once, never rewritten.
    updateColumns: [...hotspotKeys.filter((k) => k !== 'local_code'), ...BOOKKEEPING],
  },
  modelSites: {
    sheet: 'modelSites',
    table: 'model_sites',
    fields: MODEL_SITE_FIELDS,
    term: 'sheetModelSites',
    insertColumns: ['id', 'scheme', 'host_level', ...modelKeys, 'created_at', ...BOOKKEEPING],
    updateColumns: ['host_level', ...modelKeys, ...BOOKKEEPING],
  },
};

export function encodeValue(def: FieldDef, value: FieldValue): DbValue {
  if (value === null) return null;
  if (def.kind.type === 'bool') return value === true ? 1 : 0;
  if (def.kind.type === 'set') return JSON.stringify(value);
  return value as string | number;
}

export function decodeValue(def: FieldDef, value: DbValue | undefined): FieldValue {
  if (value === null || value === undefined) return null;
  if (def.kind.type === 'bool') return value === 1;
  if (def.kind.type === 'set') return JSON.parse(String(value)) as string[];
  return value;
}

export function decodeValues(fields: readonly FieldDef[], row: Record<string, DbValue>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const def of fields) out[def.key] = decodeValue(def, row[def.key]);
  return out;
}

/** The label people know a record by: a hotspot's code, a model's name. */
export function recordLabel(spec: RegisterSpec, row: Record<string, DbValue>): string {
  return String((spec.sheet === 'hotspots' ? row.local_code : row.name) ?? row.id);
}

export function toModelSiteRow(row: DbModelSiteWithHost): ModelSiteRow {
  return {
    id: row.id,
    values: decodeValues(MODEL_SITE_FIELDS, row) as ModelSiteValues,
    hostUnitName: row.host_unit_name ?? '',
    isRemoved: row.removed_at !== null,
    rowVersion: row.row_version,
    updatedAt: row.updated_at,
  };
}
