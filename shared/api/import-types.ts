/**
 * Plain-data shapes of the spreadsheet import (issue 11 item 1): what `imports.analyze`
 * shows the wizard (columns, mapping, a preview of every row with its problems and
 * outcome) and what `imports.apply` stored. Row numbers are the sheet's rows as Excel
 * shows them, so a user can find the row named in a message.
 */
import type { FieldValue } from '../domain/fields';
import type { SheetName } from './register-types';

/** A column of the sheet and the field it goes into (null: not imported). */
export type ImportColumn = {
  /** 0-based column index in the sheet. */
  index: number;
  /** "A", "B", … as Excel names the column. */
  letter: string;
  header: string;
  field: string | null;
};

export type ImportProblem = {
  row: number;
  /** The column's header as written in the file (or the field's label for a row rule). */
  column: string;
  field: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
};

export type ImportChange = { field: string; oldValue: FieldValue; newValue: FieldValue };

export type ImportOutcome = 'added' | 'changed' | 'unchanged' | 'refused';

export type ImportPreviewRow = {
  row: number;
  outcome: ImportOutcome;
  /** The record it matched (changed/unchanged), or null for a new one. */
  recordId: string | null;
  /** The values read from the row, by field, as the sheet would show them. */
  values: Record<string, FieldValue>;
  changes: ImportChange[];
  problems: ImportProblem[];
};

export type ImportCounts = { rows: number; added: number; changed: number; unchanged: number; refused: number; errors: number; warnings: number };

export type ImportFieldChoice = { key: string; label: string };

export type ImportAnalysis = {
  format: 'xlsx' | 'xls' | 'ods' | 'csv';
  sheetNames: string[];
  sheetName: string;
  /** Excel row number of the header row (found, or as given). */
  headerRow: number;
  columns: ImportColumn[];
  /** The fields a column can go into, in the sheet's order. */
  fields: ImportFieldChoice[];
  /** Fields that make two rows the same record, in use for this import. */
  keyFields: string[];
  /** Whether the mapping came from one remembered for this sheet and header set. */
  isMappingRemembered: boolean;
  rows: ImportPreviewRow[];
  /** Problems not tied to a row (e.g. no column for a required field). */
  fileProblems: ImportProblem[];
  counts: ImportCounts;
};

/** What one applied import did: a set or a created row, enough for the sheet's undo step. */
export type ImportStepOp =
  | { kind: 'set'; sheet: SheetName; id: string; field: string; oldValue: FieldValue; newValue: FieldValue }
  | { kind: 'create'; sheet: 'hotspots' | 'modelSites'; id: string };

export type ImportApplyResult = { counts: ImportCounts; batchId: string | null; ops: ImportStepOp[] };

/**
 * How far an import call has come (imports.progress): the fraction of the file read.
 * At 1 the rows are being judged, which answers with the call itself.
 */
export type ImportProgress = { stage: 'reading' | 'none'; fraction: number };
