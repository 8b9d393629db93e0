/**
 * Connects the save queue to the grid and to React state: pending and saved cell
 * marks, the status line ("Đã lưu lúc …" only once every edit has been answered),
 * and the error of a refused save.
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommuneRow } from '../../shared/api/contract';
import type { CommuneStatusField } from '../../shared/domain/commune-status';
import type { ApiClient } from '../api/client';
import { errorText } from '../app/error-text';
import type { CellState } from './commune-columns';
import { CommuneSaveQueue, cellKey, type CellRef } from './commune-save-queue';

/** How long a just-saved cell keeps its "saved" mark. */
const SAVED_MARK_MS = 2500;

export type CommuneSaves = {
  queue: CommuneSaveQueue;
  cellState: CellState;
  pendingCount: number;
  lastSavedAt: Date | null;
  saveError: string | null;
  clearSaveError: () => void;
  invalidMessage: string | null;
  clearInvalid: () => void;
  /** Forgets the saved mark of a cell the user is changing again. */
  unmarkSaved: (cell: CellRef) => void;
  /** Shows the answers that arrived while their row was being edited. */
  flushDeferred: () => void;
};

function isRowEditing(api: GridApi<CommuneRow>, communeCode: string): boolean {
  return api.getEditingCells().some((c) => api.getDisplayedRowAtIndex(c.rowIndex)?.id === communeCode);
}

/** Re-applies the cell classes of a row; a row being edited is left alone (see rowChanged). */
function refreshRow(api: GridApi<CommuneRow> | null, communeCode: string, columns?: string[]): void {
  const node = api?.getRowNode(communeCode);
  if (!api || !node || isRowEditing(api, communeCode)) return;
  api.refreshCells({ rowNodes: [node], columns, force: true });
}

export function useCommuneSaves(client: ApiClient, gridApi: RefObject<GridApi<CommuneRow> | null>): CommuneSaves {
  const { t } = useTranslation();
  const [pendingCount, setPendingCount] = useState(0);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [invalidMessage, setInvalidMessage] = useState<string | null>(null);
  const saved = useRef(new Map<string, number>());
  // Rows whose answer arrived while one of their cells was being edited: replacing the
  // row then would reset the open editor and lose what the user is typing.
  const deferred = useRef(new Set<string>());
  // The listener outlives renders; it reads the translator through a ref.
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);

  const queue = useMemo(
    () =>
      new CommuneSaveQueue(
        (periodId, changes) => client.call('communeStatus.update', { periodId, changes }),
        {
          rowChanged(row) {
            const api = gridApi.current;
            if (!api) return;
            if (isRowEditing(api, row.code)) {
              deferred.current.add(row.code);
              return;
            }
            api.applyTransaction({ update: [row] });
            refreshRow(api, row.code);
          },
          cellSaved(cell, at) {
            const key = cellKey(cell.communeCode, cell.field);
            window.clearTimeout(saved.current.get(key));
            saved.current.set(
              key,
              window.setTimeout(() => {
                saved.current.delete(key);
                refreshRow(gridApi.current, cell.communeCode, [cell.field]);
              }, SAVED_MARK_MS),
            );
            refreshRow(gridApi.current, cell.communeCode, [cell.field]);
            setLastSavedAt(at);
          },
          cellFailed(cell, error) {
            refreshRow(gridApi.current, cell.communeCode, [cell.field]);
            setSaveError(tRef.current('sheet.saveFailed', { message: errorText(error, tRef.current) }));
          },
          pendingChanged: setPendingCount,
        },
      ),
    [client, gridApi],
  );

  useEffect(() => {
    const timers = saved.current;
    return () => {
      for (const timer of timers.values()) window.clearTimeout(timer);
    };
  }, []);

  const cellState = useMemo<CellState>(
    () => ({
      isPending: (code: string, field: CommuneStatusField) => queue.isPending(code, field),
      isSaved: (code: string, field: CommuneStatusField) => saved.current.has(cellKey(code, field)),
      onInvalid: setInvalidMessage,
    }),
    [queue],
  );

  const unmarkSaved = useCallback((cell: CellRef) => {
    const key = cellKey(cell.communeCode, cell.field);
    window.clearTimeout(saved.current.get(key));
    saved.current.delete(key);
  }, []);

  const flushDeferred = useCallback(() => {
    const api = gridApi.current;
    if (!api) return;
    for (const code of [...deferred.current]) {
      if (isRowEditing(api, code)) continue;
      deferred.current.delete(code);
      const row = queue.shown(code);
      if (row) api.applyTransaction({ update: [row] });
      refreshRow(api, code);
    }
  }, [gridApi, queue]);
  const clearSaveError = useCallback(() => setSaveError(null), []);
  const clearInvalid = useCallback(() => setInvalidMessage(null), []);

  return {
    queue,
    flushDeferred,
    cellState,
    pendingCount,
    lastSavedAt,
    saveError,
    clearSaveError,
    invalidMessage,
    clearInvalid,
    unmarkSaved,
  };
}
