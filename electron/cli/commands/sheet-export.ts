/**
 * `pcmt export-sheet` and `pcmt template`: the services behind the sheets' Export and
 * "Tải mẫu" buttons, without a window. The export writes every row and every column in
 * the grid's default order (no filter or sort exists here).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SheetName } from '../../../shared/api/register-types';
import { quarterOf } from '../../../shared/domain/period';
import { SHEET_TITLES } from '../../../shared/domain/sheet-columns';
import { cliMessage } from '../../../shared/i18n/cli-messages';
import { cliSheetMessage } from '../../../shared/i18n/cli-sheet-messages';
import type { Language } from '../../../shared/i18n/format';
import { openServices } from '../../services/index';
import { exportSheetXlsx, sheetTemplate } from '../../services/sheet-export/export-service';
import { localToday } from '../../services/workspace';
import { optionText, type ParsedArgs } from '../args';
import { CliError, type CliContext, type Command } from '../context';
import { workspaceOption } from './workspace-option';

/** The names users type (the sheets' English names) for the contract's sheet names. */
const SHEET_WORDS: Record<string, SheetName> = { communes: 'communeStatuses', hotspots: 'hotspots', 'model-sites': 'modelSites' };

function missing(language: Language, command: string, what: 'needSheet' | 'needOut'): CliError {
  return new CliError(cliMessage(language, 'missingArgument', { command, what: cliSheetMessage(language, what) }));
}

function sheetOption(args: ParsedArgs, language: Language, command: string): SheetName {
  const word = optionText(args, 'sheet');
  if (word === undefined) throw missing(language, command, 'needSheet');
  const sheet = SHEET_WORDS[word];
  if (sheet === undefined) throw new CliError(cliSheetMessage(language, 'badSheet', { sheet: word }));
  return sheet;
}

function outOption(args: ParsedArgs, language: Language, command: string): string {
  const out = optionText(args, 'out');
  if (out === undefined) throw missing(language, command, 'needOut');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new CliError(cliSheetMessage(language, 'outNotXlsx', { file: out }));
  return path.resolve(out);
}

function writeOut(file: string, base64: string, language: Language): void {
  try {
    fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  } catch (error) {
    const detail = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new CliError(cliSheetMessage(language, 'outUnwritable', { file, detail }), 1);
  }
}

export const exportSheetCommand: Command = {
  valued: ['sheet', 'workspace', 'period', 'out', 'lang'],
  flags: [],
  async run({ args, language, io }: CliContext) {
    const sheet = sheetOption(args, language, 'export-sheet');
    const out = outOption(args, language, 'export-sheet');
    const services = openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language, isCreateAllowed: false });
    try {
      const period = optionText(args, 'period') ?? quarterOf(localToday());
      const file = await exportSheetXlsx(services.workspace, { sheet, periodId: period, columns: null, rowIds: null });
      writeOut(out, file.bytesBase64, language);
      io.out(cliSheetMessage(language, 'exported', { rows: file.rowCount, sheet: SHEET_TITLES[sheet][language], period, file: out }));
      return 0;
    } finally {
      services.close();
    }
  },
};

export const templateCommand: Command = {
  valued: ['sheet', 'workspace', 'out', 'lang'],
  flags: [],
  async run({ args, language, io }: CliContext) {
    const sheet = sheetOption(args, language, 'template');
    const out = outOption(args, language, 'template');
    // Without --workspace the template needs no workspace: closed lists are known, communes are not.
    const services = optionText(args, 'workspace') === undefined ? null : openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language, isCreateAllowed: false });
    try {
      const file = await sheetTemplate(services?.workspace ?? null, sheet);
      writeOut(out, file.bytesBase64, language);
      io.out(cliSheetMessage(language, 'templateWritten', { sheet: SHEET_TITLES[sheet][language], file: out }));
      return 0;
    } finally {
      services?.close();
    }
  },
};
