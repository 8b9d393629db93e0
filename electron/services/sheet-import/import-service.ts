/**
 * `imports.analyze` and `imports.apply` (issue 11 item 1). Both run the same steps: the
 * rows are read and planned (prepare.ts, read-rows.ts, plan.ts), then the planned edits
 * go through the one write path, edits.apply, inside a transaction, and the rules
 * engine of the sheets judges the workspace as it would be. The preview then rolls the
 * transaction back; the apply keeps it only when no row has an error — all or nothing,
 * one history batch with cause 'import' and the reason "nhập từ tệp <name>".
 */
import type { ImportAnalysis, ImportApplyResult, ImportCounts, ImportPreviewRow, ImportProblem, ImportStepOp } from '../../../shared/api/import-types';
import type { EditsResult } from '../../../shared/api/contract';
import type { RefOptions } from '../../../shared/domain/fields';
import { quarterOf } from '../../../shared/domain/period';
import { runRules } from '../../../shared/domain/rules';
import { AppError } from '../../../shared/errors';
import type { Language } from '../../../shared/i18n/format';
import { listCommuneRows } from '../commune-status-service';
import { applyEdits, requirePeriod } from '../edit-service';
import { buildRuleContext } from '../problems-service';
import { listHotspotRows, listModelSiteRows, listUnitsUnderOffice } from '../register-service';
import { language, localToday, type Workspace } from '../workspace';
import { rememberMapping, toColumns } from './mapping';
import { planRows, type Existing, type Plan, type PlannedRow } from './plan';
import { prepareImport, type ImportRequest, type Prepared } from './prepare';
import { readRows } from './read-rows';
import type { ReadOptions } from './workbook';

export type { ImportRequest } from './prepare';

type Evaluated = { analysis: ImportAnalysis; ops: ImportStepOp[]; batchId: string | null };

class Rollback extends Error {
  constructor(readonly result: Evaluated) {
    super('rollback');
  }
}

function refsOf(ws: Workspace): RefOptions {
  const units = listUnitsUnderOffice(ws);
  return {
    commune: units.filter((u) => u.level === 'COMMUNE').map((u) => ({ code: u.code, label: u.name })),
    officeUnit: units.map((u) => ({ code: u.code, label: u.name })),
  };
}

function existingRecords(ws: Workspace, req: ImportRequest, periodId: string): Existing[] {
  if (req.sheet === 'hotspots') return listHotspotRows(ws, periodId, false).rows.map((r) => ({ id: r.id, values: r.values, isNew: false }));
  if (req.sheet === 'modelSites') return listModelSiteRows(ws, periodId, false).map((r) => ({ id: r.id, values: r.values, isNew: false }));
  return listCommuneRows(ws, periodId).map((r) => ({ id: r.code, values: r.status, isNew: r.rowVersion === 0 }));
}

/** Rejected edits and the created ids go back to the rows that planned them. */
function attachResult(plan: Plan, result: EditsResult | null): void {
  if (!result) return;
  const rowOfEdit: PlannedRow[] = [];
  for (const row of plan.rows) for (let i = 0; i < row.editCount; i++) rowOfEdit[row.firstEdit + i] = row;
  const rejected = new Set(result.rejected.map((r) => r.index));
  for (const r of result.rejected) {
    const row = rowOfEdit[r.index];
    if (row) row.read.problems.push({ row: row.read.row, column: '', field: null, code: r.code, severity: 'error', message: r.message });
  }
  const created = [...result.created];
  plan.edits.forEach((edit, index) => {
    if (edit.op !== 'create' || rejected.has(index)) return;
    const row = rowOfEdit[index];
    const next = created.shift();
    if (row && next) row.recordId = next.id;
  });
}

function attachRules(ws: Workspace, prepared: Prepared, plan: Plan, periodId: string, lang: Language): void {
  const byId = new Map(plan.rows.flatMap((r) => (r.recordId === null ? [] : [[r.recordId, r] as const])));
  if (byId.size === 0) return;
  const headerOf = new Map(prepared.columns.map((c) => [c.def.key, c.header]));
  for (const p of runRules(buildRuleContext(ws, periodId)).problems) {
    const row = p.sheet === prepared.spec.sheet ? byId.get(p.recordId) : undefined;
    if (!row) continue;
    const field = p.fields[0] ?? null;
    const column = field === null ? '' : (headerOf.get(field) ?? prepared.spec.fields.find((f) => f.key === field)?.labels[lang] ?? field);
    row.read.problems.push({ row: row.read.row, column, field, code: p.ruleId, severity: p.severity, message: p.message[lang] });
  }
}

function countRows(rows: readonly ImportPreviewRow[], fileProblems: readonly ImportProblem[]): ImportCounts {
  const counts: ImportCounts = { rows: rows.length, added: 0, changed: 0, unchanged: 0, refused: 0, errors: 0, warnings: 0 };
  for (const p of [...fileProblems, ...rows.flatMap((r) => r.problems)]) counts[p.severity === 'error' ? 'errors' : 'warnings'] += 1;
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

function previewRow(row: PlannedRow): ImportPreviewRow {
  const hasError = row.read.problems.some((p) => p.severity === 'error');
  // An error blocks a row only where the import would write; an unchanged row stays as stored.
  const outcome = hasError && row.outcome !== 'unchanged' ? 'refused' : row.outcome;
  return { row: row.read.row, outcome, recordId: row.recordId, values: row.read.values, changes: row.changes, problems: row.read.problems };
}

function stepOps(prepared: Prepared, plan: Plan): ImportStepOp[] {
  const ops: ImportStepOp[] = [];
  const sheet = prepared.spec.sheet;
  for (const row of plan.rows) {
    if (row.outcome === 'added' && sheet !== 'communeStatuses' && row.recordId !== null) ops.push({ kind: 'create', sheet, id: row.recordId });
  }
  for (const { edit, oldValue } of plan.ops) if (edit.op === 'set') ops.push({ kind: 'set', sheet: edit.sheet, id: edit.id, field: edit.field, oldValue, newValue: edit.value });
  return ops;
}

function evaluate(ws: Workspace, req: ImportRequest, prepared: Prepared, isApply: boolean): Evaluated {
  const lang = language(ws);
  if (req.sheet === 'communeStatuses' && req.periodId === null) throw new AppError('EDIT_NEEDS_PERIOD');
  const periodId = req.periodId ?? quarterOf(localToday());
  requirePeriod(periodId);
  const read = readRows(prepared.sheet, prepared.layout.dataIndexes, prepared.columns, refsOf(ws), lang);
  const keyLabel = prepared.keyFields.map((k) => prepared.spec.fields.find((f) => f.key === k)?.labels[lang] ?? k).join(' + ');
  const plan = planRows(prepared.spec, read, existingRecords(ws, req, periodId), prepared.keyFields, lang, keyLabel);
  const run = (): Evaluated => {
    const reason = `nhập từ tệp ${req.file.fileName}`;
    const result = plan.edits.length > 0 ? applyEdits(ws, { periodId, cause: 'import', mode: 'valid', edits: plan.edits, reason, isPreview: !isApply, isSlimAnswer: true }) : null;
    attachResult(plan, result);
    attachRules(ws, prepared, plan, periodId, lang);
    const rows = plan.rows.map(previewRow);
    const analysis: ImportAnalysis = {
      format: prepared.data.format,
      sheetNames: prepared.data.sheets.map((s) => s.name),
      sheetName: prepared.sheet.name,
      headerRow: prepared.sheet.firstRow + prepared.layout.headerIndex,
      columns: toColumns(prepared.layout.headers, prepared.fields),
      fields: prepared.spec.fields.map((f) => ({ key: f.key, label: f.labels[lang] })),
      keyFields: prepared.keyFields,
      isMappingRemembered: prepared.isRemembered,
      rows,
      fileProblems: prepared.fileProblems,
      counts: countRows(rows, prepared.fileProblems),
    };
    const evaluated = { analysis, ops: stepOps(prepared, plan), batchId: result?.batchId ?? null };
    const isBlocked = analysis.counts.refused > 0 || prepared.fileProblems.length > 0;
    if (!isApply || isBlocked) throw new Rollback(evaluated);
    rememberMapping(ws.db, req.sheet, prepared.layout.headers, prepared.fields);
    return evaluated;
  };
  try {
    return ws.db.transaction(run).immediate();
  } catch (error) {
    if (error instanceof Rollback) return { ...error.result, ops: isApply ? [] : error.result.ops, batchId: null };
    throw error;
  }
}

/** A cancel that came while the file was read, after the worker had answered: the rows are never judged, nothing is stored. */
function checkNotCancelled(req: ImportRequest, options: ReadOptions): void {
  if (options.signal?.aborted === true) throw new AppError('SPREADSHEET_CANCELLED', { file: req.file.fileName });
}

/** Reads the file and previews every row (problems, outcome); stores nothing. */
export async function analyzeImport(ws: Workspace, req: ImportRequest, options: ReadOptions = {}): Promise<ImportAnalysis> {
  const prepared = await prepareImport(ws, req, language(ws), options);
  checkNotCancelled(req, options);
  return evaluate(ws, req, prepared, false).analysis;
}

/**
 * Applies the import whole, or stores nothing when any row (or the file) has an error,
 * and says which in one pass: the preview of every row, and what was applied (null when
 * refused). For a caller that shows the preview of what it applies (pcmt import --yes).
 */
export async function applyImportWithPreview(ws: Workspace, req: ImportRequest, options: ReadOptions = {}): Promise<{ analysis: ImportAnalysis; applied: ImportApplyResult | null }> {
  const prepared = await prepareImport(ws, req, language(ws), options);
  checkNotCancelled(req, options);
  const { analysis, ops, batchId } = evaluate(ws, req, prepared, true);
  const isRefused = analysis.counts.refused > 0 || prepared.fileProblems.length > 0;
  return { analysis, applied: isRefused ? null : { counts: analysis.counts, batchId, ops } };
}

/** Applies the import whole, or refuses it whole when any row (or the file) has an error. */
export async function applyImport(ws: Workspace, req: ImportRequest, options: ReadOptions = {}): Promise<ImportApplyResult> {
  const { analysis, applied } = await applyImportWithPreview(ws, req, options);
  if (applied) return applied;
  const { counts } = analysis;
  const first = [...analysis.fileProblems, ...analysis.rows.flatMap((r) => r.problems)].find((p) => p.severity === 'error');
  throw new AppError('IMPORT_REFUSED', { file: req.file.fileName, count: counts.refused, row: first?.row ?? 0, message: (first?.message ?? '').slice(0, 300) });
}
