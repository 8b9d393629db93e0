/**
 * The first half of an import, before any row is judged: read the workbook, pick the
 * sheet, find (or take) the header row, and settle the mapping — the one the request
 * gives, else the one remembered for this sheet and header set, else matched by header
 * text — and the key. Mistakes in the request (an unknown field, a field chosen twice)
 * are refused with a sentence; a missing required column is a file problem the preview
 * shows and that blocks applying.
 */
import type { ImportProblem } from '../../../shared/api/import-types';
import type { SheetName } from '../../../shared/api/register-types';
import { AppError } from '../../../shared/errors';
import type { Language } from '../../../shared/i18n/format';
import { errorMessage } from '../../../shared/i18n/messages';
import type { Workspace } from '../workspace';
import { findHeaderIndex, tableLayout, type TableLayout } from './layout';
import { applyChoices, autoMapping, rememberedMapping, type ColumnChoice } from './mapping';
import type { MappedColumn } from './read-rows';
import { headerIndex, IMPORT_SPECS, type ImportSpec } from './sheet-fields';
import { readWorkbook, type ReadOptions, type SheetData, type SpreadsheetData } from './workbook';

export type ImportRequest = {
  sheet: SheetName;
  periodId: string | null;
  file: { fileName: string; bytesBase64: string };
  sheetName: string | null;
  headerRow: number | null;
  mapping: ColumnChoice[] | null;
  keyFields: string[] | null;
};

export type Prepared = {
  spec: ImportSpec;
  data: SpreadsheetData;
  sheet: SheetData;
  layout: TableLayout;
  fields: (string | null)[];
  isRemembered: boolean;
  columns: MappedColumn[];
  keyFields: string[];
  fileProblems: ImportProblem[];
};

function fileProblem(error: AppError, lang: Language): ImportProblem {
  return { row: 0, column: '', field: null, code: error.code, severity: 'error', message: errorMessage(error.code, error.params, lang) };
}

/** The sheet asked for; without a name, the first one that has a header row (a cover or instructions sheet often comes first). */
function pickSheet(data: SpreadsheetData, wanted: string | null, fileName: string, known: ReadonlyMap<string, string>): SheetData {
  const sheet = wanted === null ? (data.sheets.find((s) => findHeaderIndex(s, known) !== null) ?? data.sheets[0]) : data.sheets.find((s) => s.name === wanted);
  if (!sheet) throw new AppError('IMPORT_SHEET_NOT_FOUND', { file: fileName, sheet: wanted ?? '', names: data.sheets.map((s) => s.name).join(', ').slice(0, 200) });
  return sheet;
}

function settleFields(ws: Workspace, req: ImportRequest, spec: ImportSpec, headers: readonly string[]): { fields: (string | null)[]; isRemembered: boolean } {
  const auto = autoMapping(spec, headers);
  if (req.mapping === null) {
    const remembered = rememberedMapping(ws.db, req.sheet, headers);
    return { fields: remembered ?? auto, isRemembered: remembered !== null };
  }
  // A field the user gives a column leaves the column the matching had put it in.
  const chosen = new Set(req.mapping.flatMap((c) => (c.field === null ? [] : [c.field])));
  const base = auto.map((f) => (f !== null && chosen.has(f) ? null : f));
  return { fields: applyChoices(base, req.mapping, headers.length), isRemembered: false };
}

function checkFields(spec: ImportSpec, fields: readonly (string | null)[]): void {
  const known = new Set(spec.fields.map((f) => f.key));
  const seen = new Set<string>();
  for (const field of fields) {
    if (field === null) continue;
    if (!known.has(field)) throw new AppError('IMPORT_FIELD_UNKNOWN', { field: field.slice(0, 64) });
    if (seen.has(field)) throw new AppError('IMPORT_FIELD_TWICE', { field: spec.fields.find((f) => f.key === field)?.labels.vi ?? field });
    seen.add(field);
  }
}

function defaultKey(spec: ImportSpec, mapped: ReadonlySet<string>): string[] {
  const usable = spec.keys.find((key) => key.every((k) => mapped.has(k)));
  return [...(usable ?? spec.keys[0] ?? [])];
}

export async function prepareImport(ws: Workspace, req: ImportRequest, lang: Language, options: ReadOptions = {}): Promise<Prepared> {
  const spec = IMPORT_SPECS[req.sheet];
  const { fileName } = req.file;
  const data = await readWorkbook(Buffer.from(req.file.bytesBase64, 'base64'), fileName, options);
  const known = headerIndex(spec);
  const sheet = pickSheet(data, req.sheetName, fileName, known);
  const found = req.headerRow === null ? findHeaderIndex(sheet, known) : req.headerRow - sheet.firstRow;
  if (found === null || found < 0 || found >= sheet.rows.length) {
    throw new AppError('IMPORT_HEADER_NOT_FOUND', { file: fileName, sheet: sheet.name, row: req.headerRow ?? 0 });
  }
  const layout = tableLayout(sheet, found);
  const { fields, isRemembered } = settleFields(ws, req, spec, layout.headers);
  checkFields(spec, fields);
  const columns: MappedColumn[] = fields.flatMap((field, index) => {
    const def = spec.fields.find((f) => f.key === field);
    return def ? [{ index, header: layout.headers[index] ?? '', def }] : [];
  });
  const mapped = new Set(columns.map((c) => c.def.key));
  const keyFields = req.keyFields ?? defaultKey(spec, mapped);
  const fileProblems: ImportProblem[] = [];
  for (const key of keyFields) {
    const def = spec.fields.find((f) => f.key === key);
    if (!def) throw new AppError('IMPORT_FIELD_UNKNOWN', { field: key.slice(0, 64) });
    if (!mapped.has(key)) fileProblems.push(fileProblem(new AppError('IMPORT_COLUMN_MISSING', { field: def.labels[lang] }), lang));
  }
  for (const def of spec.fields) {
    if (def.isRequired && !mapped.has(def.key) && !keyFields.includes(def.key)) fileProblems.push(fileProblem(new AppError('IMPORT_COLUMN_MISSING', { field: def.labels[lang] }), lang));
  }
  return { spec, data, sheet, layout, fields, isRemembered, columns, keyFields, fileProblems };
}
