/**
 * Column widths, order and visibility remembered per sheet in the workspace
 * (sheets.getLayout / sheets.saveLayout). Usage in a sheet:
 *
 *   const layout = useColumnLayout('modelSites');
 *   <AgGridReact onGridReady={(e) => { …; layout.onGridReady(e); }}
 *     onColumnResized={layout.onColumnResized} onColumnMoved={layout.onColumnMoved}
 *     onColumnVisible={layout.onColumnVisible} … />
 *
 * A grid component that does not pass these events through (SpreadsheetGrid) calls
 * `attach(api)` once it has the api instead (it returns the detach function).
 *
 * Every callback is stable, so passing them keeps the grid's props unchanged across
 * renders. Changes are saved 500 ms after the user stops dragging; a pending save is
 * sent when the sheet unmounts. Layout failures are never shown: a forgotten width is
 * not worth interrupting data entry.
 */
import type { ColumnMovedEvent, ColumnResizedEvent, ColumnState, ColumnVisibleEvent, GridApi, GridReadyEvent } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ColumnLayout } from '../../shared/api/register-types';
import { useClient } from './client-context';

export type LayoutSheet = 'communeStatuses' | 'hotspots' | 'modelSites' | 'history';

export type ColumnLayoutHandlers<TData> = {
  onGridReady: (event: GridReadyEvent<TData>) => void;
  onColumnResized: (event: ColumnResizedEvent<TData>) => void;
  onColumnMoved: (event: ColumnMovedEvent<TData>) => void;
  onColumnVisible: (event: ColumnVisibleEvent<TData>) => void;
  attach: (api: GridApi<TData>) => () => void;
};

const SAVE_DELAY_MS = 500;
const MIN_WIDTH = 20;
const MAX_WIDTH = 2000;
/** Changes the grid makes itself, not the user. */
const IGNORED_SOURCES = new Set(['gridInitializing', 'flex', 'api']);

export function layoutFromState(state: readonly ColumnState[]): ColumnLayout[] {
  return state.map((column) => ({
    colId: column.colId,
    width: typeof column.width === 'number' ? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(column.width))) : null,
    isHidden: column.hide === true,
  }));
}

export function stateFromLayout(columns: readonly ColumnLayout[]): ColumnState[] {
  return columns.map((column) => ({ colId: column.colId, hide: column.isHidden, ...(column.width === null ? {} : { width: column.width }) }));
}

export function useColumnLayout<TData>(sheet: LayoutSheet): ColumnLayoutHandlers<TData> {
  const client = useClient();
  const api = useRef<GridApi<TData> | null>(null);
  const pending = useRef<ColumnLayout[] | null>(null);
  const timer = useRef<number | null>(null);
  const isRestoring = useRef(false);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const columns = pending.current;
    pending.current = null;
    if (columns !== null) client.call('sheets.saveLayout', { sheet, columns }).catch(() => undefined);
  }, [client, sheet]);

  useEffect(() => flush, [flush]);

  const schedule = useCallback(
    (source: string) => {
      const grid = api.current;
      if (grid === null || grid.isDestroyed() || isRestoring.current || IGNORED_SOURCES.has(source)) return;
      // Read now: the grid may be gone when the timer fires.
      pending.current = layoutFromState(grid.getColumnState());
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  const restore = useCallback(
    (grid: GridApi<TData>) => {
      api.current = grid;
      client
        .call('sheets.getLayout', { sheet })
        .then(({ columns }) => {
          if (columns === null || columns.length === 0 || grid.isDestroyed()) return;
          isRestoring.current = true;
          try {
            grid.applyColumnState({ state: stateFromLayout(columns), applyOrder: true });
          } finally {
            isRestoring.current = false;
          }
        })
        .catch(() => undefined);
    },
    [client, sheet],
  );

  return useMemo(() => {
    const onColumnResized = (event: ColumnResizedEvent<TData>) => {
      if (event.finished) schedule(event.source);
    };
    const onColumnMoved = (event: ColumnMovedEvent<TData>) => {
      if (event.finished) schedule(event.source);
    };
    const onColumnVisible = (event: ColumnVisibleEvent<TData>) => schedule(event.source === 'api' ? 'app' : event.source);
    const attach = (grid: GridApi<TData>) => {
      restore(grid);
      grid.addEventListener('columnResized', onColumnResized);
      grid.addEventListener('columnMoved', onColumnMoved);
      grid.addEventListener('columnVisible', onColumnVisible);
      return () => {
        if (grid.isDestroyed()) return;
        grid.removeEventListener('columnResized', onColumnResized);
        grid.removeEventListener('columnMoved', onColumnMoved);
        grid.removeEventListener('columnVisible', onColumnVisible);
      };
    };
    return { onGridReady: (event: GridReadyEvent<TData>) => restore(event.api), onColumnResized, onColumnMoved, onColumnVisible, attach };
  }, [restore, schedule]);
}
