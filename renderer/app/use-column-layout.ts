/**
 * Column widths, order and visibility remembered per sheet in the workspace
 * (sheets.getLayout / sheets.saveLayout). Usage in a sheet:
 *
 *   const layout = useColumnLayout('modelSites');
 *   <AgGridReact onGridReady={(e) => { …; layout.onGridReady(e); }}
 *     onColumnResized={layout.onColumnResized} onColumnMoved={layout.onColumnMoved}
 *     onColumnVisible={layout.onColumnVisible} … />
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

  const onGridReady = useCallback(
    (event: GridReadyEvent<TData>) => {
      api.current = event.api;
      client
        .call('sheets.getLayout', { sheet })
        .then(({ columns }) => {
          if (columns === null || columns.length === 0 || event.api.isDestroyed()) return;
          isRestoring.current = true;
          try {
            event.api.applyColumnState({ state: stateFromLayout(columns), applyOrder: true });
          } finally {
            isRestoring.current = false;
          }
        })
        .catch(() => undefined);
    },
    [client, sheet],
  );

  return useMemo(
    () => ({
      onGridReady,
      onColumnResized: (event: ColumnResizedEvent<TData>) => {
        if (event.finished) schedule(event.source);
      },
      onColumnMoved: (event: ColumnMovedEvent<TData>) => {
        if (event.finished) schedule(event.source);
      },
      onColumnVisible: (event: ColumnVisibleEvent<TData>) => schedule(event.source === 'api' ? 'app' : event.source),
    }),
    [onGridReady, schedule],
  );
}
