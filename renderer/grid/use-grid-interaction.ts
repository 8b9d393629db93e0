/**
 * Excel's selection, clipboard and shortcut behaviour on AG Grid Community: a cell
 * range (anchor + focus; shift+click, shift+arrows, mouse drag) painted through
 * cellClassRules, Ctrl+C / Ctrl+V on the browser's copy and paste events, Ctrl+D,
 * Delete, Ctrl+Z / Ctrl+Y. Every change goes through SheetEdits.commit as one batch.
 * On a locked sheet each way of editing (typing, F2, double-click, paste, Ctrl+D,
 * Delete, undo, redo) calls explainLocked instead of doing nothing silently.
 */
import type { CellFocusedEvent, CellMouseOverEvent, GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, type ClipboardEvent, type KeyboardEvent, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import type { FieldDef } from '../../shared/domain/fields';
import { parseTsv } from '../../shared/domain/tsv';
import { copyText, planClear, planFill, planPaste } from './block-plan';
import { commandOf } from './grid-keys';
import { boundsOf, extendRange, isInRange, isMultiCell, rowsOf, singleCell, type CellPos, type CellRange } from './range';
import { columnIndexOf, sheetViewOf, type ViewOptions } from './sheet-view';
import type { SheetEdits } from './use-sheet-edits';

export type GridInteraction = {
  isInRange(rowIndex: number | null, colId: string, rowPinned?: 'top' | 'bottom' | null): boolean;
  /** Ids of the rows the selection covers (the focused row when there is no range). */
  selectedRowIds(): string[];
  wrapperProps: {
    onCopy: (e: ClipboardEvent<HTMLDivElement>) => void;
    onPaste: (e: ClipboardEvent<HTMLDivElement>) => void;
    onKeyDownCapture: (e: KeyboardEvent<HTMLDivElement>) => void;
    onMouseDownCapture: (e: ReactMouseEvent<HTMLDivElement>) => void;
    onMouseUp: () => void;
    onDoubleClick: (e: ReactMouseEvent<HTMLDivElement>) => void;
  };
  gridHandlers: {
    onCellFocused: (e: CellFocusedEvent) => void;
    onCellMouseOver: (e: CellMouseOverEvent) => void;
    onSortChanged: () => void;
    onFilterChanged: () => void;
  };
};

const isFormField = (target: EventTarget) => target instanceof HTMLElement && target.closest('input, textarea, select, .ag-popup') !== null;
/** Keys that start editing a cell; Enter moves down (enterNavigatesVertically) and Space may toggle selection. */
const isEditStartKey = (e: KeyboardEvent<HTMLElement>) => !e.ctrlKey && !e.metaKey && !e.altKey && ((e.key.length === 1 && e.key !== ' ') || e.key === 'F2' || e.key === 'Backspace');
const isPlainKey = (e: KeyboardEvent<HTMLElement>, key: string) => e.key === key && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
/** A column the user could edit were the period not locked. */
const isEditableField = (fields: ReadonlyMap<string, FieldDef>, colId: string | null | undefined) => {
  const def = colId ? fields.get(colId) : undefined;
  return def !== undefined && def.isReadOnly !== true;
};

export function useGridInteraction<Row>(gridApi: RefObject<GridApi<Row> | null>, edits: SheetEdits<Row>, viewOptions: () => ViewOptions<Row>, explainLocked: () => void): GridInteraction {
  const range = useRef<CellRange | null>(null);
  // Set by shift+click and shift+arrows: the next focus change extends instead of resetting.
  const keepAnchor = useRef(false);
  const isDragging = useRef(false);
  // Excel's Tab run: Enter after Tabs along a row goes to the next row, in the column the run began.
  const tabRun = useRef<{ row: number; colId: string } | null>(null);

  const setRange = useCallback(
    (next: CellRange | null) => {
      const api = gridApi.current;
      const before = range.current;
      range.current = next;
      if (!api || (!isMultiCell(before) && !isMultiCell(next))) return;
      const rows = new Set([...(before ? rowsOf(before) : []), ...(next ? rowsOf(next) : [])]);
      const nodes = [...rows].flatMap((i) => api.getDisplayedRowAtIndex(i) ?? []);
      api.refreshCells({ rowNodes: nodes, force: true });
    },
    [gridApi],
  );

  const posOf = useCallback(
    (rowIndex: number | null, colId: string): CellPos | null => {
      const api = gridApi.current;
      if (!api || rowIndex === null) return null;
      const col = columnIndexOf(api, colId);
      return col < 0 ? null : { row: rowIndex, col };
    },
    [gridApi],
  );

  /** The selection to act on: the range, or the focused cell. */
  const current = useCallback((): CellRange | null => {
    const api = gridApi.current;
    const focused = api?.getFocusedCell();
    if (!api || !focused || focused.rowPinned) return null;
    if (range.current) return range.current;
    const pos = posOf(focused.rowIndex, focused.column.getColId());
    return pos ? singleCell(pos) : null;
  }, [gridApi, posOf]);

  const run = useCallback(
    (kind: 'fill' | 'clear') => {
      const api = gridApi.current;
      const selection = current();
      if (!api || !selection) return;
      const view = sheetViewOf(api, viewOptions());
      void edits.commit(kind, kind === 'fill' ? planFill(view, selection) : planClear(view, selection));
    },
    [gridApi, current, edits, viewOptions],
  );

  /** Tracks the Tab run; on Enter ending one, stores the edit and moves as Excel does. True when Enter was handled. */
  const followTabRun = useCallback((e: KeyboardEvent<HTMLDivElement>, api: GridApi<Row>): boolean => {
    const focused = api.getFocusedCell();
    if (!focused || focused.rowPinned || (e.target instanceof HTMLElement && e.target.closest('.ag-popup') !== null)) return false;
    if (isPlainKey(e, 'Tab')) {
      if (tabRun.current?.row !== focused.rowIndex) tabRun.current = { row: focused.rowIndex, colId: focused.column.getColId() };
      return false;
    }
    const run = tabRun.current;
    if (!isPlainKey(e, 'Enter') || run === null || run.row !== focused.rowIndex || run.colId === focused.column.getColId()) {
      if (e.key !== 'Shift' && !isPlainKey(e, 'Tab')) tabRun.current = null;
      return false;
    }
    tabRun.current = null;
    e.preventDefault();
    e.stopPropagation();
    api.stopEditing();
    const next = Math.min(run.row + 1, api.getDisplayedRowCount() - 1);
    api.ensureIndexVisible(next);
    api.ensureColumnVisible(run.colId);
    api.setFocusedCell(next, run.colId);
    return true;
  }, []);

  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      if (!api || (isFormField(e.target) && api.getEditingCells().length === 0)) return;
      if (followTabRun(e, api) || api.getEditingCells().length > 0) return;
      const command = commandOf(e.nativeEvent);
      const { isLocked, fields } = viewOptions();
      if (command === null) {
        const focused = api.getFocusedCell();
        if (isLocked && isEditStartKey(e) && focused && !focused.rowPinned && isEditableField(fields, focused.column.getColId())) explainLocked();
        return;
      }
      // Handled here, before the grid's own listeners: its Delete and undo work on its own stack.
      e.preventDefault();
      e.stopPropagation();
      if (isLocked && command.kind !== 'extend' && command.kind !== 'jump') {
        if (command.kind === 'undo' || command.kind === 'redo' || current() !== null) explainLocked();
      } else if (command.kind === 'undo' || command.kind === 'redo') {
        void (command.kind === 'undo' ? edits.undo() : edits.redo());
      } else if (command.kind === 'fill' || command.kind === 'clear') {
        run(command.kind);
      } else if (command.kind === 'jump') {
        const columns = api.getAllDisplayedColumns().filter((c) => !c.getColId().startsWith('ag-Grid-'));
        const column = command.to === 'end' ? columns.at(-1) : columns[0];
        const focused = api.getFocusedCell();
        if (command.to === 'rowStart' && (!focused || focused.rowPinned)) return;
        const row = command.to === 'rowStart' ? (focused?.rowIndex ?? 0) : command.to === 'start' ? 0 : api.getDisplayedRowCount() - 1;
        if (!column || row < 0) return;
        api.ensureIndexVisible(row);
        // A pinned column is always in view; the sheet itself scrolls back to its start too.
        const scrollTo = command.to === 'end' ? column : (columns.find((c) => !c.isPinned()) ?? column);
        api.ensureColumnVisible(scrollTo);
        api.setFocusedCell(row, column);
      } else {
        const selection = current();
        if (!selection) return;
        const next = extendRange(selection, command.dRow, command.dCol, api.getDisplayedRowCount(), api.getAllDisplayedColumns().length);
        const column = api.getAllDisplayedColumns()[next.focus.col];
        if (!column) return;
        keepAnchor.current = true;
        setRange(next);
        api.ensureIndexVisible(next.focus.row);
        api.ensureColumnVisible(column);
        api.setFocusedCell(next.focus.row, column);
      }
    },
    [gridApi, viewOptions, explainLocked, edits, run, current, setRange, followTabRun],
  );

  const onCopy = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      const selection = current();
      if (!api || !selection || api.getEditingCells().length > 0 || isFormField(e.target)) return;
      e.clipboardData.setData('text/plain', copyText(sheetViewOf(api, viewOptions()), selection));
      e.preventDefault();
    },
    [gridApi, current, viewOptions],
  );

  const onPaste = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      const api = gridApi.current;
      const focused = api?.getFocusedCell();
      // While a cell is being edited its input takes the paste as text.
      if (!api || !focused || api.getEditingCells().length > 0 || isFormField(e.target)) return;
      e.preventDefault();
      const options = viewOptions();
      if (options.isLocked) {
        explainLocked();
        return;
      }
      const view = sheetViewOf(api, options);
      let block = parseTsv(e.clipboardData.getData('text/plain'));
      let start: CellPos = { row: focused.rowPinned === 'bottom' ? view.rowCount : focused.rowIndex, col: columnIndexOf(api, focused.column.getColId()) };
      const selection = range.current;
      // One copied cell pasted on a range fills the range, as in Excel.
      if (selection && isMultiCell(selection) && block.length === 1 && block[0]?.length === 1) {
        const b = boundsOf(selection);
        const text = block[0][0] ?? '';
        block = rowsOf(selection).map(() => Array.from({ length: b.right - b.left + 1 }, () => text));
        start = { row: b.top, col: b.left };
      }
      if (block.length === 0 || start.col < 0) return;
      const plan = planPaste(view, start, block);
      void edits.commit('paste', plan.edits, plan.problems);
    },
    [gridApi, viewOptions, explainLocked, edits],
  );

  const onDoubleClick = useCallback(
    (e: ReactMouseEvent<HTMLDivElement>) => {
      const { isLocked, fields } = viewOptions();
      const cell = e.target instanceof Element ? e.target.closest('.ag-cell') : null;
      if (isLocked && cell !== null && cell.closest('.ag-floating-bottom') === null && isEditableField(fields, cell.getAttribute('col-id'))) explainLocked();
    },
    [viewOptions, explainLocked],
  );

  const onCellFocused = useCallback(
    (e: CellFocusedEvent) => {
      const colId = e.column && typeof e.column === 'object' ? e.column.getColId() : null;
      const pos = colId !== null && !e.rowPinned ? posOf(e.rowIndex, colId) : null;
      if (keepAnchor.current && pos && range.current) {
        keepAnchor.current = false;
        setRange({ anchor: range.current.anchor, focus: pos });
        return;
      }
      keepAnchor.current = false;
      setRange(pos ? singleCell(pos) : null);
    },
    [posOf, setRange],
  );

  // Capture phase, before the grid focuses the clicked cell: that focus change must know
  // whether to extend the range (shift+click) or start a new one.
  const onMouseDownCapture = useCallback((e: ReactMouseEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    keepAnchor.current = e.shiftKey && range.current !== null;
    isDragging.current = !e.shiftKey;
  }, []);

  const onCellMouseOver = useCallback(
    (e: CellMouseOverEvent) => {
      const native = e.event;
      if (!isDragging.current || !range.current || e.node.rowPinned) return;
      if (native instanceof MouseEvent && (native.buttons & 1) === 0) {
        isDragging.current = false;
        return;
      }
      const pos = posOf(e.rowIndex, e.column.getColId());
      if (pos) setRange({ anchor: range.current.anchor, focus: pos });
    },
    [posOf, setRange],
  );

  const reset = useCallback(() => setRange(null), [setRange]);

  const selectedRowIds = useCallback((): string[] => {
    const api = gridApi.current;
    const selection = current();
    if (!api || !selection) return [];
    return rowsOf(selection).flatMap((i) => api.getDisplayedRowAtIndex(i)?.id ?? []);
  }, [gridApi, current]);

  // Stable: the columns read it through SheetCellState, and new column definitions would
  // put back their default widths over a restored layout.
  const isInSelection = useCallback(
    (rowIndex: number | null, colId: string, rowPinned?: 'top' | 'bottom' | null) => {
      if (rowPinned || !isMultiCell(range.current)) return false;
      const pos = posOf(rowIndex, colId);
      return pos !== null && isInRange(range.current, pos);
    },
    [posOf],
  );

  return useMemo(
    () => ({
      isInRange: isInSelection,
      selectedRowIds,
      wrapperProps: { onCopy, onPaste, onKeyDownCapture, onMouseDownCapture, onMouseUp: () => (isDragging.current = false), onDoubleClick },
      gridHandlers: { onCellFocused, onCellMouseOver, onSortChanged: reset, onFilterChanged: reset },
    }),
    [isInSelection, selectedRowIds, onCopy, onPaste, onKeyDownCapture, onMouseDownCapture, onDoubleClick, onCellFocused, onCellMouseOver, reset],
  );
}
