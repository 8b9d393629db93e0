/**
 * The Hotspots sheet's columns: every field of HOTSPOT_FIELDS through the generic
 * field column (commune as a drop-down of the office's communes by name, sets as
 * "a; b", dates dd/mm/yyyy), then the hotspot's standing in the period (read-only,
 * derived by the services from its dates).
 */
import type { ColDef } from 'ag-grid-community';
import type { HotspotRow, HotspotSummary } from '../../../shared/api/register-types';
import type { FieldDef, FieldValue } from '../../../shared/domain/fields';
import { countHotspots, HOTSPOT_FIELDS, type HotspotPeriodFlags, type HotspotValues } from '../../../shared/domain/hotspot';
import type { Language } from '../../../shared/i18n/format';
import type { CellValue } from '../../grid/cell-values';
import type { RowAccess } from '../../grid/edit-queue';
import { fieldColumn, markRules, type ColumnTexts, type SheetCellState } from '../../grid/field-column';

export type HotspotColDef = ColDef<HotspotRow, CellValue>;

export const HOTSPOT_FIELD_MAP: ReadonlyMap<string, FieldDef> = new Map(HOTSPOT_FIELDS.map((def) => [def.key, def]));

export const hotspotAccess: RowAccess<HotspotRow> = {
  sheet: 'hotspots',
  idOf: (row) => row.id,
  valueOf: (row, field) => (row.values as Record<string, FieldValue>)[field] ?? null,
  withValues: (row, values) => ({ ...row, values: { ...row.values, ...values } as HotspotValues }),
  rowsOf: (result) => result.hotspots,
  isRemoved: (row) => row.isRemoved,
};

/** The id of the blank row under the last one, where a new hotspot is typed. */
export const NEW_ROW_ID = '__new__';

export function blankHotspot(): HotspotRow {
  const values = Object.fromEntries(HOTSPOT_FIELDS.map((f) => [f.key, null])) as HotspotValues;
  const flags: HotspotPeriodFlags = { isActiveAtStart: false, isNew: false, isEliminated: false, isActiveAtEnd: false };
  return { id: NEW_ROW_ID, values, communeName: '', flags, isRemoved: false, rowVersion: 0, updatedAt: '' };
}

/** The period's four counts, from the rows' flags (the same sums hotspots.list makes). */
export function summarize(rows: readonly HotspotRow[]): HotspotSummary {
  return countHotspots(rows);
}

export type HotspotTexts = ColumnTexts & { flags: Record<keyof HotspotPeriodFlags, string>; flagYes: string; newRowHint: string };

const FLAGS: (keyof HotspotPeriodFlags)[] = ['isActiveAtStart', 'isNew', 'isEliminated', 'isActiveAtEnd'];

export function hotspotColumns(language: Language, texts: HotspotTexts, state: SheetCellState): HotspotColDef[] {
  const fields = HOTSPOT_FIELDS.map((def): HotspotColDef => {
    const column = fieldColumn(def, hotspotAccess, language, texts, state);
    // The code and the commune identify a row: they stay in view while scrolling right.
    if (def.key === 'commune_code') return { ...column, pinned: 'left' };
    if (def.key !== 'local_code') return column;
    // The blank row has no code yet; its code cell says how to start a hotspot.
    const getValue = column.valueGetter;
    return {
      ...column,
      pinned: 'left',
      width: 130,
      valueGetter: (p) => (p.node?.rowPinned ? texts.newRowHint : typeof getValue === 'function' ? getValue(p) : null),
      tooltipValueGetter: (p) => (p.node?.rowPinned ? texts.newRowHint : null),
    };
  });
  const flags = FLAGS.map(
    (flag): HotspotColDef => ({
      colId: flag,
      headerName: texts.flags[flag],
      headerTooltip: texts.flags[flag],
      width: 110,
      editable: false,
      valueGetter: (p) => (p.data && p.data.id !== NEW_ROW_ID ? p.data.flags[flag] : null),
      valueFormatter: (p) => (p.value === true ? texts.flagYes : ''),
      getQuickFilterText: () => '',
      filterValueGetter: (p) => (p.data?.flags[flag] ? texts.yes : texts.no),
      cellClass: 'cell-readonly cell-flag',
      cellClassRules: markRules(hotspotAccess, state, null),
    }),
  );
  return [...fields, ...flags];
}
