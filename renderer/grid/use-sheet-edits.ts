/**
 * Connects a sheet's EditQueue and undo stack to the grid and to React state: loading
 * the rows of the period, pending and saved cell marks, the status line ("Đã lưu lúc …"
 * only once every batch has been answered), refusals (alert and revert), the report of
 * cells a block operation could not store, and undo/redo through edits.apply.
 */
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditCause } from '../../shared/api/register-types';
import { ApiCallError, type ApiClient } from '../api/client';
import { HOST_BAD_RESPONSE, HOST_UNREACHABLE } from '../api/http-bridge';
import { errorText } from '../app/error-text';
import { withRejections, type CellProblem, type NotedEdit } from './block-plan';
import { redoEdits, stepFromBatch, toWire, undoEdits, type PlannedEdit } from './edit-steps';
import { EditQueue, type BatchOutcome, type RowAccess, type RowChanges } from './edit-queue';
import { undoStackFor } from './undo-stack';

/** How long a just-saved cell keeps its "saved" mark. */
const SAVED_MARK_MS = 2500;

export type BlockReport = { problems: CellProblem[]; storedCount: number };

export type SheetEdits<Row> = {
  queue: EditQueue<Row>;
  rows: Row[] | null;
  loadError: string | null;
  pendingCount: number;
  lastSavedAt: Date | null;
  alert: string | null;
  showAlert: (message: string) => void;
  clearAlert: () => void;
  report: BlockReport | null;
  clearReport: () => void;
  isSaved: (id: string, field: string) => boolean;
  /** Sends a batch; records it for undo once stored. Block causes report the cells not stored. */
  commit: (cause: EditCause, planned: readonly NotedEdit[] | readonly PlannedEdit[], problems?: CellProblem[]) => Promise<BatchOutcome | null>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Shows the answers that arrived while their row was being edited. */
  flushDeferred: () => void;
  /** Reads the period's rows again (after an import stored rows behind the grid's back). */
  reload: () => Promise<void>;
};

type Options<Row> = {
  client: ApiClient;
  access: RowAccess<Row>;
  periodId: string;
  load: (periodId: string) => Promise<readonly Row[]>;
  gridApi: RefObject<GridApi<Row> | null>;
  /** Called after rows changed in the grid (e.g. to recount a summary). */
  onRowsChanged?: () => void;
  /** Called after every batch the services stored (e.g. to ask the rules engine again). */
  onSaved?: () => void;
};

/** Failures of the app itself (no host, a bug), as opposed to a value a rule refused. */
const APP_FAILURES: ReadonlySet<string> = new Set(['INTERNAL', 'UNAUTHORIZED', 'UNKNOWN_METHOD', HOST_UNREACHABLE, HOST_BAD_RESPONSE]);

/** The sentence of a batch the services refused because of what was typed; null for a failure of the app. */
function refusalOf(error: unknown): string | null {
  return error instanceof ApiCallError && !APP_FAILURES.has(error.code) && error.message !== '' ? error.message : null;
}

export function editingIds<Row>(api: GridApi<Row>): Set<string> {
  return new Set(api.getEditingCells().flatMap((c) => api.getDisplayedRowAtIndex(c.rowIndex)?.id ?? []));
}

export function useSheetEdits<Row>({ client, access, periodId, load, gridApi, onRowsChanged, onSaved }: Options<Row>): SheetEdits<Row> {
  const { t } = useTranslation('grid');
  const { t: tApp } = useTranslation();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pendingCount, setPendingCount] = useState(0);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [report, setReport] = useState<BlockReport | null>(null);
  const saved = useRef(new Map<string, number>());
  // Rows whose answer arrived while one of their cells was being edited: replacing the
  // row then would reset the open editor and lose what the user is typing.
  const deferred = useRef(new Set<string>());
  // Listeners outlive renders; they read the latest translator and callback through refs.
  const latest = useRef({ t, tApp, onRowsChanged, onSaved });
  useEffect(() => {
    latest.current = { t, tApp, onRowsChanged, onSaved };
  }, [t, tApp, onRowsChanged, onSaved]);

  const queue = useMemo(
    () =>
      new EditQueue<Row>(access, (pid, request) => client.call('edits.apply', { periodId: pid, cause: request.cause, mode: request.mode, edits: toWire(request.edits) }), {
        rowsChanged(changes: RowChanges<Row>) {
          const api = gridApi.current;
          if (!api) return;
          const editing = editingIds(api);
          const update = changes.update.filter((row) => {
            const id = access.idOf(row);
            if (!editing.has(id)) return true;
            deferred.current.add(id);
            return false;
          });
          api.applyTransaction({ update, add: changes.add, remove: changes.remove });
          const nodes = update.flatMap((row) => api.getRowNode(access.idOf(row)) ?? []);
          if (nodes.length > 0) api.refreshCells({ rowNodes: nodes, force: true });
          latest.current.onRowsChanged?.();
        },
        batchSaved(at) {
          setLastSavedAt(at);
          latest.current.onSaved?.();
        },
        batchFailed(error) {
          setAlert(latest.current.t('batch.failed', { message: errorText(error, latest.current.tApp) }));
        },
        pendingChanged: setPendingCount,
      }, refusalOf),
    [client, access, gridApi],
  );

  useEffect(() => {
    let isStale = false;
    setRows(null);
    setLoadError(null);
    setReport(null);
    load(periodId)
      .then((loaded) => {
        if (!isStale) setRows(queue.load(periodId, loaded));
      })
      .catch((error: unknown) => {
        if (!isStale) setLoadError(errorText(error, latest.current.tApp));
      });
    return () => {
      isStale = true;
    };
  }, [load, periodId, queue]);

  useEffect(() => {
    const timers = saved.current;
    return () => {
      for (const timer of timers.values()) window.clearTimeout(timer);
    };
  }, []);

  const markSaved = useCallback(
    (ids: { id: string; field: string }[]) => {
      const api = gridApi.current;
      for (const { id, field } of ids) {
        const key = `${id}|${field}`;
        window.clearTimeout(saved.current.get(key));
        saved.current.set(
          key,
          window.setTimeout(() => {
            saved.current.delete(key);
            const node = gridApi.current?.getRowNode(id);
            if (node && !editingIds(gridApi.current as GridApi<Row>).has(id)) gridApi.current?.refreshCells({ rowNodes: [node], columns: [field], force: true });
          }, SAVED_MARK_MS),
        );
      }
      const nodes = ids.flatMap(({ id }) => api?.getRowNode(id) ?? []);
      if (api && nodes.length > 0) api.refreshCells({ rowNodes: nodes, columns: [...new Set(ids.map((c) => c.field))], force: true });
    },
    [gridApi],
  );

  const stack = undoStackFor(access.sheet, periodId);
  // Whether the alert shown is the sentence of a refused value still in its cell: it goes
  // away by itself once no refused value is left.
  const isRefusalAlert = useRef(false);
  const settleRefusalAlert = useCallback(() => {
    if (!isRefusalAlert.current || queue.hasRefusals()) return;
    isRefusalAlert.current = false;
    setAlert(null);
  }, [queue]);

  const commit = useCallback(
    async (cause: EditCause, given: readonly NotedEdit[] | readonly PlannedEdit[], problems: CellProblem[] = []): Promise<BatchOutcome | null> => {
      if (given.length === 0) {
        setReport(problems.length > 0 ? { problems, storedCount: 0 } : null);
        return null;
      }
      for (const p of given) if (p.edit.op === 'set') saved.current.delete(`${p.edit.id}|${p.edit.field}`);
      // Typing over a refused value: undo goes back to what is stored, not to the refused value.
      const planned: readonly (NotedEdit | PlannedEdit)[] = given.map((p) => (p.edit.op === 'set' && queue.refusalAt(p.edit.id, p.edit.field) !== null ? { ...p, oldValue: queue.savedValue(p.edit.id, p.edit.field) } : p));
      const isBlock = cause !== 'typing';
      const outcome = await queue.submit({ cause, mode: isBlock ? 'valid' : 'all', edits: planned.map((p) => p.edit) });
      settleRefusalAlert();
      if (!outcome.ok) {
        const first = planned[0]?.edit;
        const message = first?.op === 'set' ? queue.refusalAt(first.id, first.field) : null;
        if (message !== null) {
          isRefusalAlert.current = true;
          setAlert(latest.current.t('refusal.kept', { first: message }));
        }
        return outcome;
      }
      const { rejected } = outcome.result;
      const step = stepFromBatch(planned, outcome.result);
      if (step !== null) stack.push(step);
      const rejectedIndexes = new Set(rejected.map((r) => r.index));
      markSaved(planned.flatMap((p, i) => (p.edit.op === 'set' && !rejectedIndexes.has(i) ? [{ id: p.edit.id, field: p.edit.field }] : [])));
      const notes = planned.map((p) => ('note' in p ? p.note : { row: 0, column: '', value: '' }));
      const all = withRejections({ edits: planned.map((p, i) => ({ ...p, note: notes[i] ?? { row: 0, column: '', value: '' } })), problems }, rejected);
      if (isBlock && all.length > 0) setReport({ problems: all, storedCount: planned.length - rejected.length });
      else if (rejected.length > 0) {
        isRefusalAlert.current = queue.hasRefusals();
        setAlert(latest.current.t(isRefusalAlert.current ? 'refusal.kept' : 'batch.partlyRejected', { n: rejected.length, count: rejected.length, first: rejected[0]?.message ?? '' }));
      }
      // A refused value may be right once another cell of its row changed (the discovery
      // date moved before the elimination date): it is sent again as the user's typing.
      const ids = rejected.length > 0 ? [] : [...new Set(planned.flatMap((p) => (p.edit.op === 'set' ? [p.edit.id] : [])))];
      const retry = ids.flatMap((id) => queue.refusalsIn(id).map(({ field, value }): PlannedEdit => ({ edit: { sheet: access.sheet, op: 'set', id, field, value }, oldValue: queue.savedValue(id, field) })));
      if (retry.length > 0) void commitRef.current('typing', retry);
      return outcome;
    },
    [queue, stack, markSaved, settleRefusalAlert, access],
  );
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  }, [commit]);

  const replay = useCallback(
    async (direction: 'undo' | 'redo') => {
      // Undo first takes back a refused value still shown in its cell (it was never stored).
      if (direction === 'undo' && queue.dropLastRefusal()) {
        settleRefusalAlert();
        return;
      }
      const step = direction === 'undo' ? stack.nextUndo() : stack.nextRedo();
      if (step === null) {
        setAlert(latest.current.t(direction === 'undo' ? 'undo.nothing' : 'undo.nothingRedo'));
        return;
      }
      const edits = direction === 'undo' ? undoEdits(step) : redoEdits(step);
      // 'all': a step is taken back whole or not at all.
      const outcome = await queue.submit({ cause: direction, mode: 'all', edits });
      if (!outcome.ok) return;
      const first = outcome.result.rejected[0];
      if (first !== undefined) {
        setAlert(latest.current.t('undo.failed', { message: first.message }));
        return;
      }
      if (direction === 'undo') stack.markUndone(step);
      else stack.markRedone(step);
      markSaved(edits.flatMap((e) => (e.op === 'set' ? [{ id: e.id, field: e.field }] : [])));
    },
    [queue, stack, markSaved, settleRefusalAlert],
  );

  const flushDeferred = useCallback(() => {
    const api = gridApi.current;
    if (!api) return;
    const editing = editingIds(api);
    for (const id of [...deferred.current]) {
      if (editing.has(id)) continue;
      deferred.current.delete(id);
      const row = queue.shown(id);
      const node = api.getRowNode(id);
      if (row) api.applyTransaction({ update: [row] });
      if (node) api.refreshCells({ rowNodes: [node], force: true });
    }
  }, [gridApi, queue]);

  const reload = useCallback(async () => {
    const loaded = await load(periodId);
    setRows(queue.load(periodId, loaded));
  }, [load, periodId, queue]);

  return {
    queue,
    rows,
    loadError,
    pendingCount,
    lastSavedAt,
    alert,
    showAlert: setAlert,
    clearAlert: useCallback(() => setAlert(null), []),
    report,
    clearReport: useCallback(() => setReport(null), []),
    isSaved: useCallback((id: string, field: string) => saved.current.has(`${id}|${field}`), []),
    commit,
    undo: useCallback(() => replay('undo'), [replay]),
    redo: useCallback(() => replay('redo'), [replay]),
    flushDeferred,
    reload,
  };
}
