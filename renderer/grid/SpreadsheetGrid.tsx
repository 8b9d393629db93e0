import type { CellValueChangedEvent, ColDef, ColGroupDef, GetRowIdParams, GridApi, GridReadyEvent, RowSelectionOptions, SelectionColumnDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { foldVietnamese } from '../../shared/domain/text';
import type { Language } from '../../shared/i18n/format';
import { readCspNonce } from '../app/csp-nonce';
import { sheetTheme } from '../sheets/ag-grid-setup';
import { GRID_LOCALE_VI } from '../sheets/grid-locale-vi';
import { useProblemsContext } from '../problems/problems-context';
import type { CellValue } from './cell-values';
import type { GridContext } from './problem-marks';
import type { Spreadsheet } from './use-spreadsheet';
import './grid.css';

type Props<Row> = {
  sheet: Spreadsheet<Row>;
  columnDefs: (ColDef<Row, CellValue> | ColGroupDef<Row>)[];
  getRowId: (p: GetRowIdParams<Row>) => string;
  language: Language;
  quickFilter: string;
  onShownCountChanged?: (count: number) => void;
  /** The blank row under the last one, where registers take a new record. */
  pinnedBottomRowData?: Row[];
  onPinnedRowEdited?: (event: CellValueChangedEvent<Row, CellValue>) => void;
  rowSelection?: RowSelectionOptions<Row>;
  /** Rows shown greyed: removed records, when the sheet shows them to be restored. */
  isRowRemoved?: (row: Row) => boolean;
  /** Shown over the grid (e.g. while loading). */
  overlay?: ReactNode;
  /** Called with each new grid api (the grid is rebuilt on a language switch); may return a clean-up. */
  onApiReady?: (api: GridApi<Row>) => (() => void) | void;
};

const styleNonce = readCspNonce();

// Outside the component: a new object on every render would make AG Grid rebuild its
// columns and close the editor the user is typing in.
// The column filter reads text as the quick filter does: no case, no marks, so "dan mo"
// and "Đản Mỗ" (with either placement of the tone mark) find the same rows.
const DEFAULT_COL_DEF: ColDef = {
  resizable: true,
  sortable: true,
  filter: true,
  filterParams: { textFormatter: (text: string) => foldVietnamese(text) },
  wrapHeaderText: true,
  autoHeaderHeight: true,
  minWidth: 70,
};
// The tick boxes come first, left of the pinned name: a paste on the row's first cell
// then starts at the first data column, as the user reads the row.
const SELECTION_COLUMN_DEF: SelectionColumnDef = { pinned: 'left', lockPinned: true, lockPosition: 'left', suppressMovable: true, width: 44, minWidth: 44, resizable: false };
const parseQuickFilter = (text: string) => foldVietnamese(text).split(' ').filter((part) => part !== '');
const matchQuickFilter = (parts: string[], rowText: string) => {
  const folded = foldVietnamese(rowText);
  return parts.every((part) => folded.includes(part));
};

/**
 * A sheet's grid with the spreadsheet module wired in: Excel keys (Enter down, Tab
 * right, Esc cancels, F2 or typing edits), the cell range, clipboard, fill, clear,
 * undo; every typed change is one batch of edits.apply with cause 'typing'.
 */
export function SpreadsheetGrid<Row>({ sheet, columnDefs, getRowId, language, quickFilter, onShownCountChanged, pinnedBottomRowData, onPinnedRowEdited, rowSelection, overlay, onApiReady, isRowRemoved }: Props<Row>) {
  const { gridApi, edits, interaction, config, clearInvalid } = sheet;
  const { access, fields } = config;
  const { commit, flushDeferred } = edits;

  // The period's problems reach the cells through the grid context, never the column
  // definitions (a rebuilt definition closes the open editor): a new answer replaces the
  // context and redraws the cells.
  const { index: problems, registerGrid } = useProblemsContext();
  const gridContext = useMemo<GridContext>(() => ({ problems }), [problems]);
  useEffect(() => {
    const api = gridApi.current;
    if (!api || api.isDestroyed()) return;
    api.setGridOption('context', gridContext);
    api.refreshCells({ force: true });
  }, [gridApi, gridContext]);

  // The Problems panel jumps to a cell through this grid.
  useEffect(
    () =>
      registerGrid(access.sheet, (recordId, field) => {
        const api = gridApi.current;
        const node = api?.getRowNode(recordId);
        if (!api || !node || node.rowIndex === null) return false;
        const colKey = field !== null && api.getColumn(field) ? field : api.getAllDisplayedColumns()[0];
        if (colKey === undefined) return false;
        api.ensureNodeVisible(node, 'middle');
        api.ensureColumnVisible(colKey);
        api.setFocusedCell(node.rowIndex, colKey);
        return true;
      }),
    [registerGrid, access, gridApi],
  );

  const detach = useRef<(() => void) | null>(null);
  const onGridReady = useCallback(
    (event: GridReadyEvent<Row>) => {
      gridApi.current = event.api;
      detach.current?.();
      detach.current = onApiReady?.(event.api) ?? null;
    },
    [gridApi, onApiReady],
  );
  useEffect(() => () => detach.current?.(), []);

  // A grid rebuilt for another language (its key) must start from the rows as they are
  // now, not as loaded: `language` is a dependency on purpose.
  const { queue, rows } = edits;
  const rowData = useMemo(() => (rows === null ? null : queue.rows()), [rows, queue, language]);

  const onCellValueChanged = useCallback(
    (event: CellValueChangedEvent<Row, CellValue>) => {
      if (event.node.rowPinned) {
        onPinnedRowEdited?.(event);
        return;
      }
      const def = fields.get(event.column.getColId());
      const value = event.newValue ?? null;
      if (!event.data || !def || (typeof value === 'object' && value !== null && !Array.isArray(value))) return;
      const oldValue = event.oldValue;
      void commit('typing', [
        {
          edit: { sheet: access.sheet, op: 'set', id: access.idOf(event.data), field: def.key, value },
          oldValue: oldValue === undefined || (typeof oldValue === 'object' && oldValue !== null && !Array.isArray(oldValue)) ? null : oldValue,
        },
      ]);
    },
    [access, fields, commit, onPinnedRowEdited],
  );

  const onCellEditingStopped = useCallback(() => {
    clearInvalid();
    // The grid still counts the cell as editing while this event runs.
    window.setTimeout(flushDeferred, 0);
  }, [clearInvalid, flushDeferred]);

  const rowClassRules = useMemo(() => (isRowRemoved ? { 'row-removed': (p: { data?: Row }) => (p.data ? isRowRemoved(p.data) : false) } : undefined), [isRowRemoved]);

  const countShown = useCallback(() => {
    onShownCountChanged?.(gridApi.current?.getDisplayedRowCount() ?? 0);
  }, [gridApi, onShownCountChanged]);

  return (
    <div className="sheet-grid" {...interaction.wrapperProps}>
      {overlay}
      <AgGridReact<Row>
        // localeText is read once by the grid, so a language switch builds a new grid.
        key={language}
        localeText={language === 'vi' ? GRID_LOCALE_VI : undefined}
        theme={sheetTheme}
        styleNonce={styleNonce}
        rowData={rowData}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL_DEF}
        context={gridContext}
        tooltipShowDelay={300}
        getRowId={getRowId}
        pinnedBottomRowData={pinnedBottomRowData}
        // The blank row is where the first record is typed; "no rows" must not cover it.
        suppressNoRowsOverlay={pinnedBottomRowData !== undefined}
        rowSelection={rowSelection}
        rowClassRules={rowClassRules}
        selectionColumnDef={SELECTION_COLUMN_DEF}
        // Rows fading in after a filter exist twice in the DOM for a moment.
        animateRows={false}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        suppressStartEditOnTab
        stopEditingWhenCellsLoseFocus
        invalidEditValueMode="block"
        quickFilterText={quickFilter}
        quickFilterParser={parseQuickFilter}
        quickFilterMatcher={matchQuickFilter}
        onGridReady={onGridReady}
        onModelUpdated={countShown}
        onCellValueChanged={onCellValueChanged}
        onCellEditingStopped={onCellEditingStopped}
        {...interaction.gridHandlers}
      />
    </div>
  );
}
