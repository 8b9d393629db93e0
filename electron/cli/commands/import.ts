/**
 * `pcmt import FILE --sheet communes|hotspots|model-sites --workspace W [--period P]
 * [--sheet-name NAME] [--header-row N] [--mapping MAP.json] [--key F1,F2] [--yes] [--json]`:
 * the wizard's import without a window (issue 11 item 4). Without --yes it only previews.
 * --key names the fields that match a row to a stored record (the wizard's key choice).
 * Exit 0 when applied (or, in a preview, when nothing would be refused), 1 when refused
 * (nothing stored), 2 on wrong usage. --json prints one object last with every problem,
 * its row numbered as Excel shows it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportAnalysis, ImportProblem } from '../../../shared/api/import-types';
import type { SheetName } from '../../../shared/api/register-types';
import { checkSpreadsheetSize } from '../../../shared/domain/spreadsheet';
import { cliImportMessage } from '../../../shared/i18n/cli-import-messages';
import type { Language } from '../../../shared/i18n/format';
import { openServices } from '../../services/index';
import { analyzeImport, applyImportWithPreview, type ImportRequest } from '../../services/sheet-import/import-service';
import { headerKey, IMPORT_SPECS } from '../../services/sheet-import/sheet-fields';
import { optionText } from '../args';
import { CliError, type CliContext, type CliIo, type Command } from '../context';
import { readListFile } from './units-import';
import { workspaceOption } from './workspace-option';

const SHEETS: Record<string, SheetName> = { communes: 'communeStatuses', hotspots: 'hotspots', 'model-sites': 'modelSites' };

function sheetOf(value: string | undefined, language: Language): SheetName {
  if (value === undefined) throw new CliError(cliImportMessage(language, 'sheetMissing'));
  const sheet = SHEETS[value];
  if (!sheet) throw new CliError(cliImportMessage(language, 'sheetUnknown', { sheet: value.slice(0, 40) }));
  return sheet;
}

function headerRowOf(value: string | undefined, language: Language): number | null {
  if (value === undefined) return null;
  if (!/^[1-9]\d{0,6}$/u.test(value)) throw new CliError(cliImportMessage(language, 'headerRowInvalid', { value: value.slice(0, 40) }));
  return Number(value);
}

/** The file's size, or null when it cannot be read (readListFile then says why). */
function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/** `--key commune_code,address`: field keys of the sheet, each once; absent: the sheet's usual key. */
function keyFieldsOf(value: string | undefined, sheet: SheetName, language: Language): string[] | null {
  if (value === undefined) return null;
  const known = IMPORT_SPECS[sheet].fields.map((f) => f.key);
  const keys = value.split(',').map((k) => k.trim());
  const isValid = keys.length >= 1 && keys.length <= 6 && new Set(keys).size === keys.length && keys.every((k) => known.includes(k));
  if (!isValid) throw new CliError(cliImportMessage(language, 'keyInvalid', { value: value.slice(0, 80), fields: known.join(', ') }));
  return keys;
}

function readMapping(file: string | undefined, language: Language): Map<string, string | null> | null {
  if (file === undefined) return null;
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not an object');
    const out = new Map<string, string | null>();
    for (const [header, field] of Object.entries(raw)) {
      if (field !== null && typeof field !== 'string') throw new Error(`"${header}" is not a field name`);
      out.set(headerKey(header), field === '' ? null : field);
    }
    return out;
  } catch (error) {
    throw new CliError(cliImportMessage(language, 'mappingUnreadable', { file, detail: error instanceof Error ? error.message.slice(0, 120) : 'JSON' }));
  }
}

/** MAP.json names columns by header text; the request names them by position. */
function choicesFor(analysis: ImportAnalysis, mapping: Map<string, string | null>, language: Language): ImportRequest['mapping'] {
  const choices: NonNullable<ImportRequest['mapping']> = [];
  for (const [header, field] of mapping) {
    const column = analysis.columns.find((c) => headerKey(c.header) === header);
    if (!column) {
      const headers = analysis.columns.map((c) => `“${c.header}”`).join(', ').slice(0, 400);
      throw new CliError(cliImportMessage(language, 'mappingHeaderUnknown', { header, headers }));
    }
    choices.push({ index: column.index, field });
  }
  return choices;
}

function printProblems(io: CliIo, language: Language, problems: readonly ImportProblem[]): void {
  for (const p of problems) {
    io.err(cliImportMessage(language, 'problem', { row: p.row === 0 ? '—' : p.row, column: p.column === '' ? '' : ` “${p.column}”`, message: p.message }));
  }
}

function printSummary(io: CliIo, language: Language, file: string, a: ImportAnalysis): void {
  const { counts } = a;
  io.out(cliImportMessage(language, 'summary', { file, sheet: a.sheetName, headerRow: a.headerRow, ...counts }));
  for (const c of a.columns) {
    if (c.header === '' && c.field === null) continue;
    const label = c.field === null ? cliImportMessage(language, 'mappingSkipped') : (a.fields.find((f) => f.key === c.field)?.label ?? c.field);
    io.out(cliImportMessage(language, 'mapping', { letter: c.letter, header: c.header, field: label }));
  }
  io.out(cliImportMessage(language, 'key', { fields: a.keyFields.map((k) => `${a.fields.find((f) => f.key === k)?.label ?? k} (${k})`).join(' + ') }));
}

function jsonOf(a: ImportAnalysis): string {
  const problems = [...a.fileProblems, ...a.rows.flatMap((r) => r.problems)].map((p) => ({ row: p.row === 0 ? null : p.row, column: p.column, code: p.code, message: p.message }));
  const { rows, added, changed, unchanged, refused } = a.counts;
  return JSON.stringify({ rows, added, changed, unchanged, refused, problems });
}

export const importCommand: Command = {
  valued: ['workspace', 'sheet', 'period', 'sheet-name', 'header-row', 'mapping', 'key', 'lang'],
  flags: ['yes', 'json'],
  async run({ args, language, io }: CliContext) {
    const file = args.positionals[0];
    if (file === undefined) throw new CliError(cliImportMessage(language, 'fileMissing'));
    const sheet = sheetOf(optionText(args, 'sheet'), language);
    const periodId = optionText(args, 'period') ?? null;
    if (sheet === 'communeStatuses' && periodId === null) throw new CliError(cliImportMessage(language, 'periodMissing'));
    const headerRow = headerRowOf(optionText(args, 'header-row'), language);
    const mapping = readMapping(optionText(args, 'mapping'), language);
    const keyFields = keyFieldsOf(optionText(args, 'key'), sheet, language);
    const name = path.basename(file);
    // A file over the limit is refused by its size, before a byte of it is read into memory.
    const size = fileSize(file);
    if (size !== null) checkSpreadsheetSize(size, name);
    const bytes = Buffer.from(readListFile(file, language));
    const services = openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language, isCreateAllowed: false });
    try {
      const ws = services.workspace;
      const base: ImportRequest = { sheet, periodId, file: { fileName: name, bytesBase64: bytes.toString('base64') }, sheetName: optionText(args, 'sheet-name') ?? null, headerRow, mapping: null, keyFields };
      const isApply = args.options.has('yes');
      // MAP.json names headers, so the file is read once to find them; otherwise one pass previews (and applies).
      const request = mapping === null ? base : { ...base, mapping: choicesFor(await analyzeImport(ws, base), mapping, language) };
      const { analysis, applied } = isApply ? await applyImportWithPreview(ws, request) : { analysis: await analyzeImport(ws, request), applied: null };
      const isJson = args.options.has('json');
      const problems = [...analysis.fileProblems, ...analysis.rows.flatMap((r) => r.problems)];
      const isRefused = analysis.counts.refused > 0 || analysis.fileProblems.length > 0;
      if (!isJson) {
        printSummary(io, language, name, analysis);
        printProblems(io, language, problems);
      }
      let exit = isRefused ? 1 : 0;
      if (!isApply) {
        if (!isJson) io.out(cliImportMessage(language, isRefused ? 'dryRunRefused' : 'dryRunOk'));
      } else if (isRefused) {
        if (!isJson) io.err(cliImportMessage(language, 'refused'));
      } else if (applied) {
        const { added, changed, unchanged } = applied.counts;
        if (!isJson) io.out(added + changed === 0 ? cliImportMessage(language, 'nothingChanged', { file: name }) : cliImportMessage(language, 'applied', { file: name, added, changed, unchanged }));
        exit = 0;
      }
      if (isJson) io.out(jsonOf(analysis));
      return exit;
    } finally {
      services.close();
    }
  },
};
