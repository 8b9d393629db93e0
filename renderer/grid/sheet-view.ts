/**
 * Reads what the grid currently displays — column order, row order after sort and
 * filter, shown texts — as the SheetView the block plans work on.
 */
import type { GridApi } from 'ag-grid-community';
import type { SheetName } from '../../shared/api/register-types';
import type { FieldDef, FieldValue, RefOptions } from '../../shared/domain/fields';
import type { PlanColumn, SheetView } from './block-plan';
import type { RowAccess } from './edit-queue';

export type ViewOptions<Row> = {
  access: RowAccess<Row>;
  /** The stored fields by column id; other columns (code, computed) are read-only. */
  fields: ReadonlyMap<string, FieldDef>;
  canCreate: boolean;
  isLocked: boolean;
  refs: RefOptions;
  /** What the sheet's blank row starts with; rows a paste creates start with it too. */
  newRowDefaults?: Readonly<Record<string, FieldValue>>;
};

/** AG Grid's own columns (row tick boxes, row numbers) carry ids with this prefix. */
const UTILITY_COLUMN_PREFIX = 'ag-Grid-';

export function sheetViewOf<Row>(api: GridApi<Row>, options: ViewOptions<Row>): SheetView {
  const { access, fields } = options;
  const displayed = api.getAllDisplayedColumns();
  const columns: PlanColumn[] = displayed.map((column) => {
    const def = fields.get(column.getColId()) ?? null;
    return {
      colId: column.getColId(),
      label: column.getColDef().headerName ?? column.getColId(),
      def,
      isEditable: !options.isLocked && def !== null && def.isReadOnly !== true,
      isUtility: def === null && column.getColId().startsWith(UTILITY_COLUMN_PREFIX),
    };
  });
  const dataAt = (row: number) => api.getDisplayedRowAtIndex(row)?.data;
  const sheet: SheetName = access.sheet;
  return {
    sheet,
    canCreate: options.canCreate && !options.isLocked,
    refs: options.refs,
    newRowDefaults: options.newRowDefaults,
    columns,
    rowCount: api.getDisplayedRowCount(),
    rowId: (row) => {
      const data = dataAt(row);
      return data === undefined ? '' : access.idOf(data);
    },
    valueAt: (row, col) => {
      const data = dataAt(row);
      const def = columns[col]?.def;
      return data === undefined || !def ? null : access.valueOf(data, def.key);
    },
    textAt: (row, col) => {
      const rowNode = api.getDisplayedRowAtIndex(row);
      const column = displayed[col];
      if (!rowNode || !column) return '';
      const value: unknown = api.getCellValue({ rowNode, colKey: column, useFormatter: true });
      return value === null || value === undefined ? '' : String(value);
    },
  };
}

/** Display index of a column, or -1. */
export function columnIndexOf<Row>(api: GridApi<Row>, colId: string): number {
  return api.getAllDisplayedColumns().findIndex((c) => c.getColId() === colId);
}
