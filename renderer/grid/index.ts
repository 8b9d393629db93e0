/**
 * The spreadsheet module for every sheet: Excel-like editing on AG Grid Community with
 * durable edits.apply batches and app-level undo. A sheet supplies a RowAccess and its
 * FieldDefs, calls useSpreadsheet, builds columns with fieldColumn and renders
 * SpreadsheetGrid (see CommunesSheet and HotspotsSheet).
 */
export { BlockReport } from './BlockReport';
export { loadingOverlay, SheetMessages } from './SheetMessages';
export { formatCellValue, isInvalidEntry, parseCellInput, vietnameseNumber, type CellValue, type InvalidEntry, type ValueTexts } from './cell-values';
export { EditQueue, type BatchOutcome, type EditRequest, type RowAccess, type RowChanges } from './edit-queue';
export { redoEdits, stepFromBatch, toWire, undoEdits, type PlannedEdit, type Step, type StepOp } from './edit-steps';
export { compareVietnamese, fieldColumn, markRules, problemTooltip, widthOf, type ColumnTexts, type SheetCellState } from './field-column';
export { EMPTY_PROBLEM_INDEX, indexProblems, problemsIn, problemsTooltip, worstSeverity, type GridContext, type ProblemIndex } from './problem-marks';
export { SaveStatus } from './SaveStatus';
export { SpreadsheetGrid } from './SpreadsheetGrid';
export { undoStackFor, UndoStack, UNDO_LIMIT } from './undo-stack';
export { useSpreadsheet, type Spreadsheet, type SpreadsheetConfig } from './use-spreadsheet';
