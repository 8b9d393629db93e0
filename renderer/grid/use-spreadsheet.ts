/**
 * One hook that gives a sheet the whole spreadsheet module: durable edits with undo
 * (useSheetEdits), Excel selection and shortcuts (useGridInteraction), and the
 * SheetCellState the columns read. Everything that changes between renders (lock,
 * reference lists) is read through refs, so column definitions stay stable. While the
 * period is locked, an attempt to edit shows lock.lockedEdit in the sheet's alert.
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldValue, RefOptions } from '../../shared/domain/fields';
import { parsePeriodId, periodLabel } from '../../shared/domain/period';
import type { ApiClient } from '../api/client';
import { currentLanguage } from '../i18n/setup';
import { useProblemsContext } from '../problems/problems-context';
import type { RowAccess } from './edit-queue';
import type { SheetCellState } from './field-column';
import type { ViewOptions } from './sheet-view';
import { useGridInteraction, type GridInteraction } from './use-grid-interaction';
import { editingIds, useSheetEdits, type SheetEdits } from './use-sheet-edits';

export type SpreadsheetConfig<Row> = {
  client: ApiClient;
  access: RowAccess<Row>;
  periodId: string;
  isLocked: boolean;
  load: (periodId: string) => Promise<readonly Row[]>;
  /** The stored fields by column id. */
  fields: ReadonlyMap<string, FieldDef>;
  /** Whether pasting below the last row creates rows. */
  canCreate: boolean;
  refs: RefOptions;
  /** What the blank row starts with (e.g. the office as host unit); rows created by a paste get it too. */
  newRowDefaults?: Readonly<Record<string, FieldValue>>;
  onRowsChanged?: () => void;
  /** Called after every stored batch, besides the Problems refresh the module does itself. */
  onSaved?: () => void;
};

export type Spreadsheet<Row> = {
  config: SpreadsheetConfig<Row>;
  gridApi: RefObject<GridApi<Row> | null>;
  edits: SheetEdits<Row>;
  interaction: GridInteraction;
  cellState: SheetCellState;
  invalidMessage: string | null;
  clearInvalid: () => void;
  /** Says, in the sheet's alert, that the locked period cannot be edited. */
  explainLocked: () => void;
  /**
   * After the blank row became a record: the focus goes to that record — the cell the
   * user has moved to (Tab), or the one right of the cell typed in (Enter) — so what is
   * typed next lands in the record, not in a new blank row.
   */
  focusCreated: (id: string, editedColId: string) => void;
};

export function useSpreadsheet<Row>(config: SpreadsheetConfig<Row>): Spreadsheet<Row> {
  const gridApi = useRef<GridApi<Row> | null>(null);
  const [invalidMessage, setInvalidMessage] = useState<string | null>(null);
  const live = useRef({ isLocked: config.isLocked, refs: config.refs, fields: config.fields, canCreate: config.canCreate, newRowDefaults: config.newRowDefaults });
  useEffect(() => {
    live.current = { isLocked: config.isLocked, refs: config.refs, fields: config.fields, canCreate: config.canCreate, newRowDefaults: config.newRowDefaults };
    // Lock and reference labels show in the cells: redraw them when they change — but not
    // the row being typed into: a forced refresh there can reset the open editor and lose
    // the keystrokes (that row is redrawn when its edit ends).
    const api = gridApi.current;
    if (api) {
      const editing = editingIds(api);
      const rowNodes = api.getRenderedNodes().filter((node) => node.id === undefined || !editing.has(node.id));
      // The blank row is not among the rendered nodes; it shows the office's name once the units arrive.
      const isPinnedEditing = api.getEditingCells().some((c) => c.rowPinned);
      const pinned = isPinnedEditing ? [] : Array.from({ length: api.getPinnedBottomRowCount() }, (_, i) => api.getPinnedBottomRow(i) ?? []).flat();
      api.refreshCells({ rowNodes: [...rowNodes, ...pinned], force: true });
    }
  }, [config.isLocked, config.refs, config.fields, config.canCreate, config.newRowDefaults]);

  // Every stored batch (typed, pasted, filled, undone) asks the rules engine again.
  const { refresh: refreshProblems } = useProblemsContext();
  const { onSaved: onSavedConfig } = config;
  const onSaved = useCallback(() => {
    refreshProblems();
    onSavedConfig?.();
  }, [refreshProblems, onSavedConfig]);
  const edits = useSheetEdits({ client: config.client, access: config.access, periodId: config.periodId, load: config.load, gridApi, onRowsChanged: config.onRowsChanged, onSaved });
  const { access, periodId, isLocked } = config;
  const { t } = useTranslation();
  const { showAlert, clearAlert } = edits;
  const isLockedShown = useRef(false);
  const explainLocked = useCallback(() => {
    const period = parsePeriodId(periodId);
    isLockedShown.current = true;
    showAlert(t('lock.lockedEdit', { period: period === null ? periodId : periodLabel(period, currentLanguage()) }));
  }, [periodId, t, showAlert]);
  useEffect(() => {
    if (isLocked || !isLockedShown.current) return;
    isLockedShown.current = false;
    clearAlert();
  }, [isLocked, clearAlert]);

  const viewOptions = useCallback((): ViewOptions<Row> => ({ access, ...live.current }), [access]);
  const interaction = useGridInteraction(gridApi, edits, viewOptions, explainLocked);
  const { queue, isSaved } = edits;
  const { isInRange } = interaction;

  const cellState = useMemo<SheetCellState>(
    () => ({
      isLocked: () => live.current.isLocked,
      refs: () => live.current.refs,
      isPending: (id, field) => queue.isPending(id, field),
      isSaved,
      isInRange,
      onInvalid: setInvalidMessage,
      refusalAt: (id, field) => queue.refusalAt(id, field),
    }),
    [queue, isSaved, isInRange],
  );

  const focusCreated = useCallback((id: string, editedColId: string) => {
    const api = gridApi.current;
    const node = api?.getRowNode(id);
    const focused = api?.getFocusedCell();
    // The user has already gone elsewhere (a click on another row): leave the focus there.
    if (!api || !node || node.rowIndex === null || !focused?.rowPinned || api.getEditingCells().length > 0) return;
    const columns = api.getAllDisplayedColumns();
    const at = columns.findIndex((c) => c.getColId() === editedColId);
    const movedTo = focused.column.getColId();
    const column = movedTo !== editedColId ? focused.column : (columns[at + 1] ?? focused.column);
    api.ensureIndexVisible(node.rowIndex);
    api.ensureColumnVisible(column);
    api.setFocusedCell(node.rowIndex, column);
  }, []);

  return { config, gridApi, edits, interaction, cellState, invalidMessage, clearInvalid: useCallback(() => setInvalidMessage(null), []), explainLocked, focusCreated };
}
