/**
 * What the import will do with each read row: match it to an existing record by the
 * key (hotspots: commune + address + discovery date; model sites: name + host unit;
 * communes: code or name), then plan a create, the sets of the fields that differ, or
 * nothing. An empty cell keeps what is stored: a file never clears a value by omission.
 * A key repeated in the file is an error on the later row (it would duplicate or
 * overwrite within one import).
 */
import type { ImportChange, ImportOutcome, ImportProblem } from '../../../shared/api/import-types';
import type { Edit, SheetName } from '../../../shared/api/register-types';
import type { FieldValue } from '../../../shared/domain/fields';
import { foldVietnamese } from '../../../shared/domain/text';
import { AppError } from '../../../shared/errors';
import type { Language } from '../../../shared/i18n/format';
import { errorMessage } from '../../../shared/i18n/messages';
import type { ReadRow } from './read-rows';
import type { ImportSpec } from './sheet-fields';

export type Existing = { id: string; values: Record<string, FieldValue>; isNew: boolean };

export type PlannedRow = {
  read: ReadRow;
  outcome: ImportOutcome;
  recordId: string | null;
  changes: ImportChange[];
  /** Index in the plan's edits of this row's first edit, and how many it has. */
  firstEdit: number;
  editCount: number;
};

export type Plan = { rows: PlannedRow[]; edits: Edit[]; ops: { row: PlannedRow; edit: Edit; oldValue: FieldValue }[] };

function keyPart(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return foldVietnamese(value);
  return JSON.stringify(value);
}

export function recordKey(keyFields: readonly string[], values: Record<string, FieldValue>): string {
  return keyFields.map((k) => keyPart(values[k])).join('\u0001');
}

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function problem(row: number, column: string, error: AppError, lang: Language): ImportProblem {
  return { row, column, field: null, code: error.code, severity: 'error', message: errorMessage(error.code, error.params, lang) };
}

/** Fields of the spec that are stored (the commune's code and name only find the row). */
function storedFields(spec: ImportSpec, values: Record<string, FieldValue>): [string, FieldValue][] {
  return Object.entries(values).filter(([key, value]) => value !== null && !(spec.sheet === 'communeStatuses' && (key === 'code' || key === 'name')));
}

function communeId(values: Record<string, FieldValue>, keyFields: readonly string[]): string | null {
  for (const key of keyFields) if (typeof values[key] === 'string') return values[key];
  return null;
}

export function planRows(spec: ImportSpec, rows: readonly ReadRow[], existing: readonly Existing[], keyFields: readonly string[], lang: Language, keyLabel: string): Plan {
  const byKey = new Map<string, Existing>();
  for (const record of existing) {
    const key = spec.sheet === 'communeStatuses' ? record.id : recordKey(keyFields, record.values);
    if (!byKey.has(key)) byKey.set(key, record);
  }
  const seen = new Map<string, number>();
  const plan: Plan = { rows: [], edits: [], ops: [] };
  for (const read of rows) {
    const planned: PlannedRow = { read, outcome: 'unchanged', recordId: null, changes: [], firstEdit: plan.edits.length, editCount: 0 };
    plan.rows.push(planned);
    const key = spec.sheet === 'communeStatuses' ? communeId(read.values, keyFields) : recordKey(keyFields, read.values);
    if (key === null) {
      if (read.problems.length === 0) read.problems.push(problem(read.row, keyLabel, new AppError('IMPORT_KEY_MISSING', { row: read.row, key: keyLabel }), lang));
    } else if (seen.has(key)) {
      read.problems.push(problem(read.row, keyLabel, new AppError('IMPORT_DUPLICATE_ROW', { row: read.row, firstRow: seen.get(key) ?? 0, key: keyLabel }), lang));
    } else seen.set(key, read.row);
    if (read.problems.length > 0 || key === null) {
      planned.outcome = 'refused';
      continue;
    }
    const match = byKey.get(key);
    planned.recordId = match?.id ?? null;
    if (!match && spec.sheet !== 'communeStatuses') {
      planned.outcome = 'added';
      const values = Object.fromEntries(storedFields(spec, read.values));
      plan.edits.push({ sheet: spec.sheet as 'hotspots' | 'modelSites', op: 'create', values });
      planned.changes = Object.entries(values).map(([field, newValue]) => ({ field, oldValue: null, newValue }));
    } else if (match) {
      for (const [field, value] of storedFields(spec, read.values)) {
        if (same(match.values[field], value)) continue;
        const edit: Edit = { sheet: spec.sheet as SheetName, op: 'set', id: match.id, field, value } as Edit;
        plan.edits.push(edit);
        plan.ops.push({ row: planned, edit, oldValue: match.values[field] ?? null });
        planned.changes.push({ field, oldValue: match.values[field] ?? null, newValue: value });
      }
      if (planned.changes.length > 0) planned.outcome = match.isNew ? 'added' : 'changed';
    }
    planned.editCount = plan.edits.length - planned.firstEdit;
  }
  return plan;
}
