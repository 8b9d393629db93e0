/**
 * The Model sites sheet's columns and row access for the spreadsheet module: every
 * field of MODEL_SITE_FIELDS through the generic field column (host unit as a
 * drop-down of the office's units by name, sets as "a; b", dates dd/mm/yyyy, yes/no
 * as Có/Không), the model's name pinned on the left.
 */
import type { ColDef } from 'ag-grid-community';
import type { ModelSiteRow } from '../../../shared/api/register-types';
import type { FieldDef, FieldValue } from '../../../shared/domain/fields';
import { MODEL_SITE_FIELDS, type ModelSiteValues } from '../../../shared/domain/model-site';
import type { Language } from '../../../shared/i18n/format';
import type { CellValue } from '../../grid/cell-values';
import type { RowAccess } from '../../grid/edit-queue';
import { fieldColumn, type ColumnTexts, type SheetCellState } from '../../grid/field-column';

export const MODEL_SITE_FIELD_MAP: ReadonlyMap<string, FieldDef> = new Map(MODEL_SITE_FIELDS.map((def) => [def.key, def]));

export const modelSiteAccess: RowAccess<ModelSiteRow> = {
  sheet: 'modelSites',
  idOf: (row) => row.id,
  valueOf: (row, field) => (row.values as Record<string, FieldValue>)[field] ?? null,
  withValues: (row, values) => ({ ...row, values: { ...row.values, ...values } as ModelSiteValues }),
  rowsOf: (result) => result.modelSites,
  isRemoved: (row) => row.isRemoved,
};

/** The id of the blank row under the last one, where a new model is typed. */
export const NEW_ROW_ID = 'new-model-site';

/** The blank row; it starts with the office itself as host unit, so typing a name is enough. */
export function blankModelSite(officeCode: string): ModelSiteRow {
  const values = Object.fromEntries(MODEL_SITE_FIELDS.map((def) => [def.key, null])) as ModelSiteValues;
  return { id: NEW_ROW_ID, values: { ...values, host_unit_code: officeCode }, hostUnitName: '', isRemoved: false, rowVersion: 0, updatedAt: '' };
}

/** The required fields still empty in a row (a new row is stored once there are none). */
export function missingRequired(row: ModelSiteRow): string[] {
  return MODEL_SITE_FIELDS.filter((def) => 'isRequired' in def && def.isRequired && row.values[def.key] === null).map((def) => def.key);
}

export function modelSiteColumns(language: Language, texts: ColumnTexts, state: SheetCellState): ColDef<ModelSiteRow, CellValue>[] {
  return MODEL_SITE_FIELDS.map((def) => {
    const column = fieldColumn(def, modelSiteAccess, language, texts, state);
    return def.key === 'name' ? { ...column, pinned: 'left' as const, width: 240, cellClass: 'cell-name' } : column;
  });
}
