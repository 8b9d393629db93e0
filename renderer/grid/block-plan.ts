/**
 * Plans the block operations of a sheet — paste, fill down, clear, copy — as pure
 * functions of what the grid shows (a SheetView), so they are tested without a grid.
 * A paste converts every cell with parseFieldText, the parser typing uses; cells it
 * cannot take become problems shown to the user, the rest become one batch.
 */
import type { Edit, SheetName } from '../../shared/api/register-types';
import { parseFieldText } from '../../shared/domain/field-values';
import type { FieldDef, FieldValue, RefOptions } from '../../shared/domain/fields';
import type { TermKey } from '../../shared/i18n/errors-vi';
import { sameValue, type PlannedEdit } from './edit-steps';
import { boundsOf, type CellPos, type CellRange } from './range';
import { toTsv } from '../../shared/domain/tsv';

/**
 * A displayed column; `def` is null for columns that are not a stored field (code, computed).
 * A utility column (the row tick boxes) is not part of the data: a paste or a copy
 * passes over it, as if it were not there.
 */
export type PlanColumn = { colId: string; label: string; def: FieldDef | null; isEditable: boolean; isUtility?: boolean };

export type SheetView = {
  sheet: SheetName;
  /** Whether pasting below the last row adds rows (registers) or not (communes). */
  canCreate: boolean;
  refs: RefOptions;
  columns: readonly PlanColumn[];
  rowCount: number;
  rowId(row: number): string;
  valueAt(row: number, col: number): FieldValue;
  /** The text the cell shows (labels, dd/mm/yyyy, Vietnamese numbers). */
  textAt(row: number, col: number): string;
  /** What the blank row starts with (the office as a model's host unit); a pasted row gets it too. */
  newRowDefaults?: Readonly<Record<string, FieldValue>>;
};

export type ProblemReason =
  | { kind: 'rule'; rule: TermKey }
  | { kind: 'readOnly' }
  | { kind: 'noNewRows' }
  | { kind: 'server'; message: string };

/** A cell that was not stored: row number as the user counts (1 = first row), column label, text. */
export type CellProblem = { row: number; column: string; value: string; reason: ProblemReason };

/** A planned edit with the cell it came from, to point the services' refusals at it. */
export type NotedEdit = PlannedEdit & { note: { row: number; column: string; value: string } };

export type BlockPlan = { edits: NotedEdit[]; problems: CellProblem[] };

function setEdit(view: SheetView, row: number, field: string, value: FieldValue): Edit {
  const id = view.rowId(row);
  return { sheet: view.sheet, op: 'set', id, field, value };
}

/** The indexes of the data columns from `start` rightwards: where the pasted cells go, one each. */
function dataColumnsFrom(view: SheetView, start: number): number[] {
  const out: number[] = [];
  for (let col = Math.max(start, 0); col < view.columns.length; col += 1) if (view.columns[col]?.isUtility !== true) out.push(col);
  return out;
}

/** Pastes `block` with its top-left cell at `start`; rows past the end are created where allowed. */
export function planPaste(view: SheetView, start: CellPos, block: readonly (readonly string[])[]): BlockPlan {
  const edits: NotedEdit[] = [];
  const problems: CellProblem[] = [];
  const targets = dataColumnsFrom(view, start.col);
  const defaults = Object.entries(view.newRowDefaults ?? {}).filter(([, v]) => v !== null);
  block.forEach((cells, r) => {
    const row = start.row + r;
    const isNew = row >= view.rowCount;
    const created: Record<string, FieldValue> = {};
    const texts: string[] = [];
    // A new row whose required cell (a hotspot's commune) was refused is not created: the
    // problem already names the cell to fix, and a row without it would be refused anyway.
    let isRequiredRefused = false;
    cells.forEach((text, c) => {
      const colIndex = targets[c];
      const col = colIndex === undefined ? undefined : view.columns[colIndex];
      // Cells right of the last column have nowhere to go; Excel drops them too.
      if (col === undefined || colIndex === undefined) return;
      const at = { row: row + 1, column: col.label, value: text };
      if (!col.isEditable || col.def === null) {
        // Pasting rows copied from this sheet brings its read-only columns back unchanged: not a problem.
        const isUnchanged = text.trim() === '' || (!isNew && text === view.textAt(row, colIndex));
        if (!isUnchanged && !(isNew && col.def?.isReadOnly === true)) problems.push({ ...at, reason: { kind: 'readOnly' } });
        return;
      }
      if (isNew && !view.canCreate) {
        if (text.trim() !== '') problems.push({ ...at, reason: { kind: 'noNewRows' } });
        return;
      }
      const parsed = parseFieldText(col.def, text, view.refs);
      if (!parsed.ok) {
        problems.push({ ...at, reason: { kind: 'rule', rule: parsed.rule } });
        if (col.def.isRequired === true) isRequiredRefused = true;
        return;
      }
      if (isNew) {
        if (parsed.value !== null) {
          created[col.def.key] = parsed.value;
          texts.push(text.trim());
        }
        return;
      }
      const oldValue = view.valueAt(row, colIndex);
      if (!sameValue(oldValue, parsed.value)) edits.push({ edit: setEdit(view, row, col.def.key, parsed.value), oldValue, note: at });
    });
    if (isNew && view.canCreate && !isRequiredRefused && Object.keys(created).length > 0 && view.sheet !== 'communeStatuses') {
      // Defaults first: a pasted value for the same field wins.
      const values = { ...Object.fromEntries(defaults), ...created };
      edits.push({ edit: { sheet: view.sheet, op: 'create', values }, note: { row: row + 1, column: '', value: texts.join(' | ') } });
    }
  });
  return { edits, problems };
}

function editableCells(view: SheetView, range: CellRange): { col: number; field: string }[] {
  const b = boundsOf(range);
  const out: { col: number; field: string }[] = [];
  for (let col = b.left; col <= b.right; col += 1) {
    const c = view.columns[col];
    if (c?.isEditable && c.def !== null) out.push({ col, field: c.def.key });
  }
  return out;
}

/**
 * Ctrl+D: the range's top row is copied into the rows below it; a single cell takes the
 * value of the cell above, as in Excel.
 */
export function planFill(view: SheetView, range: CellRange): NotedEdit[] {
  const b = boundsOf(range);
  const source = b.top === b.bottom ? b.top - 1 : b.top;
  const first = b.top === b.bottom ? b.top : b.top + 1;
  if (source < 0 || b.bottom >= view.rowCount) return [];
  const edits: NotedEdit[] = [];
  for (const { col, field } of editableCells(view, range)) {
    const value = view.valueAt(source, col);
    for (let row = first; row <= b.bottom; row += 1) {
      const oldValue = view.valueAt(row, col);
      if (sameValue(oldValue, value)) continue;
      const label = view.columns[col]?.label ?? field;
      edits.push({ edit: setEdit(view, row, field, value), oldValue, note: { row: row + 1, column: label, value: view.textAt(source, col) } });
    }
  }
  return edits;
}

/** Delete: empties every editable, non-empty cell of the range. */
export function planClear(view: SheetView, range: CellRange): NotedEdit[] {
  const b = boundsOf(range);
  const edits: NotedEdit[] = [];
  for (let row = b.top; row <= Math.min(b.bottom, view.rowCount - 1); row += 1) {
    for (const { col, field } of editableCells(view, range)) {
      const oldValue = view.valueAt(row, col);
      if (oldValue === null) continue;
      const label = view.columns[col]?.label ?? field;
      edits.push({ edit: setEdit(view, row, field, null), oldValue, note: { row: row + 1, column: label, value: view.textAt(row, col) } });
    }
  }
  return edits;
}

/** Ctrl+C: the range as Excel's clipboard text, with the texts the cells show. */
export function copyText(view: SheetView, range: CellRange): string {
  const b = boundsOf(range);
  const rows: string[][] = [];
  for (let row = b.top; row <= Math.min(b.bottom, view.rowCount - 1); row += 1) {
    const cells: string[] = [];
    for (let col = b.left; col <= b.right; col += 1) if (view.columns[col]?.isUtility !== true) cells.push(view.textAt(row, col));
    rows.push(cells);
  }
  return toTsv(rows);
}

/** Adds the services' refusals of a sent batch to the problems found before sending. */
export function withRejections(plan: BlockPlan, rejected: readonly { index: number; message: string }[]): CellProblem[] {
  const fromServer = rejected.flatMap((r): CellProblem[] => {
    const note = plan.edits[r.index]?.note;
    return note ? [{ ...note, reason: { kind: 'server', message: r.message } }] : [];
  });
  return [...plan.problems, ...fromServer].sort((a, b) => a.row - b.row);
}
