/**
 * Builds an AG Grid column from a shared FieldDef, for any sheet: formatting, parsing
 * with the typing parser, editors, sorting, filtering and the cell marks (pending,
 * saved, in the selected range). Column definitions must stay stable across renders
 * (a rebuilt definition closes the open editor), so everything that changes — refs,
 * lock, range, save state — is read at call time through SheetCellState.
 */
import type { CellClassParams, ColDef, ICellEditorParams, IErrorValidationParams, ITooltipParams, ValueFormatterParams, ValueParserParams, ValueSetterParams } from 'ag-grid-community';
import type { FieldDef, FieldValue, RefOptions } from '../../shared/domain/fields';
import type { Language } from '../../shared/i18n/format';
import { termsEn } from '../../shared/i18n/errors-en';
import { termsVi } from '../../shared/i18n/errors-vi';
import { formatCellValue, isInvalidEntry, parseCellInput, type CellValue, type ValueTexts } from './cell-values';
import type { RowAccess } from './edit-queue';
import { problemsIn, problemsTooltip, worstSeverity } from './problem-marks';

/** What the columns ask the sheet at the moment they draw or edit a cell. */
export type SheetCellState = {
  isLocked(): boolean;
  refs(): RefOptions;
  isPending(id: string, field: string): boolean;
  isSaved(id: string, field: string): boolean;
  /** Whether the cell is inside the painted range selection. */
  isInRange(rowIndex: number | null, colId: string, rowPinned?: 'top' | 'bottom' | null): boolean;
  /** The editor holds text that cannot be saved (message), or no longer does (null). */
  onInvalid(message: string | null): void;
  /** The services' sentence for a refused value still shown in the cell, or null. */
  refusalAt?(id: string, field: string): string | null;
};

export type ColumnTexts = ValueTexts & { empty: string; invalid: (field: string, rule: string) => string };

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sorts texts the Vietnamese way ("Đ" after "D", not after "Z"); empty cells first. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

export function widthOf(def: FieldDef): number {
  switch (def.kind.type) {
    case 'int':
    case 'decimal':
      return 118;
    case 'enum':
    case 'ref':
    case 'set':
      return 170;
    case 'bool':
      return 110;
    case 'date':
      return 120;
    case 'text':
      return def.kind.maxLength > 200 ? 240 : 170;
  }
}

const isPrintable = (key: string | null) => key !== null && key.length === 1;

type ProblemAccess<Row> = Pick<RowAccess<Row>, 'idOf' | 'sheet'>;

const problemsAt = <Row>(access: ProblemAccess<Row>, field: string | null, p: { data?: Row | undefined; context: unknown; node?: { rowPinned?: 'top' | 'bottom' | null } | null }) =>
  p.data && !p.node?.rowPinned ? problemsIn(p.context).at(access.sheet, access.idOf(p.data), field) : [];

/** A whole-row problem is marked once, on the row's first column; a field's problems on its cell. */
const isRowMarkCell = <Row>(field: string | null, p: CellClassParams<Row, CellValue>) => field !== null || p.api.getAllDisplayedColumns()[0] === p.column;

/** The tooltip of a cell with problems (the rules engine's messages); field null = whole-row problems. */
export function problemTooltip<Row>(access: ProblemAccess<Row>, field: string | null) {
  return (p: ITooltipParams<Row, CellValue>): string | undefined => problemsTooltip(problemsAt(access, field, p));
}

/**
 * Rules every cell of a sheet shares: the range highlight, pending/saved for stored
 * fields, and the problems the rules engine found (error red, warning amber; whole-row
 * problems on the columns without a field).
 */
export function markRules<Row>(access: ProblemAccess<Row>, state: SheetCellState, field: string | null) {
  const rules: Record<string, (p: CellClassParams<Row, CellValue>) => boolean> = {
    'cell-in-range': (p) => state.isInRange(p.node.rowIndex, p.column.getColId(), p.node.rowPinned),
    'cell-problem-error': (p) => isRowMarkCell(field, p) && worstSeverity(problemsAt(access, field, p)) === 'error',
    'cell-problem-warning': (p) => isRowMarkCell(field, p) && worstSeverity(problemsAt(access, field, p)) === 'warning',
  };
  if (field !== null) {
    rules['cell-pending'] = (p) => (p.data && !p.node.rowPinned ? state.isPending(access.idOf(p.data), field) : false);
    rules['cell-saved'] = (p) => (p.data && !p.node.rowPinned ? state.isSaved(access.idOf(p.data), field) : false);
    rules['cell-refused'] = (p) => (p.data && !p.node.rowPinned ? (state.refusalAt?.(access.idOf(p.data), field) ?? null) !== null : false);
  }
  return rules;
}

/** The column of one stored field. */
export function fieldColumn<Row>(def: FieldDef, access: RowAccess<Row>, language: Language, texts: ColumnTexts, state: SheetCellState): ColDef<Row, CellValue> {
  const key = def.key;
  const label = def.labels[language];
  const kind = def.kind;
  const isNumber = kind.type === 'int' || kind.type === 'decimal';
  const isText = kind.type === 'text' || kind.type === 'enum' || kind.type === 'set' || kind.type === 'ref';
  const format = (value: CellValue | null | undefined) => formatCellValue(def, value ?? null, language, texts, state.refs());
  const terms = language === 'en' ? termsEn : termsVi;
  const textEditorParams = {
    // Start from the shown text ("12.345", "01/07/2025", "Heroin; Cần sa"), which parses back unchanged.
    useFormatter: true,
    maxLength: kind.type === 'text' ? kind.maxLength : 400,
    getValidationErrors: ({ value }: IErrorValidationParams<Row, CellValue>) => {
      if (!isInvalidEntry(value)) {
        state.onInvalid(null);
        return null;
      }
      const message = texts.invalid(label, terms[value.rule]);
      state.onInvalid(message);
      return [message];
    },
  };
  const choices = (): FieldValue[] | null => {
    if (kind.type === 'enum') return [null, ...kind.values];
    if (kind.type === 'bool') return [null, true, false];
    if (kind.type === 'ref') return [null, ...(state.refs()[kind.target] ?? []).map((o) => o.code)];
    return null;
  };
  return {
    colId: key,
    headerName: label,
    headerTooltip: label,
    width: widthOf(def),
    editable: () => !state.isLocked() && def.isReadOnly !== true,
    valueGetter: (p) => (p.data ? access.valueOf(p.data, key) : null),
    valueSetter: (p: ValueSetterParams<Row, CellValue>) => {
      const value = p.newValue ?? null;
      if (isInvalidEntry(value) || access.valueOf(p.data, key) === value) return false;
      // Fresh nested objects: the rows the edit queue keeps stay untouched.
      Object.assign(p.data as object, access.withValues(p.data, { [key]: value }));
      return true;
    },
    valueParser: (p: ValueParserParams<Row, CellValue>) => parseCellInput(def, p.newValue, state.refs()),
    // The drop-down list formats its options with node === null; show a word for "empty" there.
    valueFormatter: (p: ValueFormatterParams<Row, CellValue>) => (p.node === null && p.value === null ? texts.empty : format(p.value)),
    // Typing into a closed list starts a text editor that takes the label ("không ma túy");
    // double-click, F2 or Enter open the drop-down.
    cellEditorSelector: (p: ICellEditorParams<Row, CellValue>) => {
      const values = choices();
      // Backspace empties the cell to type a new label, as in Excel.
      if (values === null || isPrintable(p.eventKey) || p.eventKey === 'Backspace') return { component: 'agTextCellEditor', params: textEditorParams };
      return { component: 'agSelectCellEditor', params: { values } };
    },
    filterValueGetter: isNumber ? undefined : (p) => format(p.data ? access.valueOf(p.data, key) : null),
    getQuickFilterText: (p) => format(p.value),
    filter: isNumber ? 'agNumberColumnFilter' : 'agTextColumnFilter',
    comparator: isText ? (a: CellValue | null | undefined, b: CellValue | null | undefined) => compareVietnamese(format(a), format(b)) : undefined,
    type: isNumber ? 'rightAligned' : undefined,
    cellClass: def.isReadOnly === true ? 'cell-readonly' : undefined,
    cellClassRules: markRules(access, state, key),
    tooltipValueGetter: (p) => (p.data && !p.node?.rowPinned ? state.refusalAt?.(access.idOf(p.data), key) : null) ?? problemTooltip(access, key)(p),
  };
}
