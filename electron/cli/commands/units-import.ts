/** `pcmt units import LISTFILE [--workspace FILE] [--confirm-moves] [--json]` */
import fs from 'node:fs';
import path from 'node:path';
import { cliMessage, formatCount } from '../../../shared/i18n/cli-messages';
import type { Language } from '../../../shared/i18n/format';
import type { UnitImportSummary } from '../../../shared/api/contract';
import { errorMessage } from '../../../shared/i18n/messages';
import { openServices } from '../../services/index';
import { importUnitList } from '../../services/units-service';
import { CliError, type CliContext, type Command } from '../context';
import { workspaceOption } from './workspace-option';

export function readListFile(file: string, language: Language): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const detail = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new CliError(cliMessage(language, 'fileUnreadable', { file, detail }), 1);
  }
}

export function describeImport(language: Language, summary: UnitImportSummary): string {
  const n = (v: number): string => formatCount(language, v);
  const params = {
    scheme: summary.scheme,
    format: summary.format.toUpperCase(),
    provinces: n(summary.provinces),
    districts: n(summary.districts),
    communes: n(summary.communes),
    added: n(summary.added),
    changed: n(summary.changed),
    unchanged: n(summary.unchanged),
  };
  return cliMessage(language, summary.added === 0 && summary.changed === 0 ? 'importedNoChange' : 'imported', params);
}

/** The refusal of a list that renames or moves units holding the office's data: what, which, and how to go on. */
export function movesRefusal(language: Language, summary: UnitImportSummary, file: string): CliError {
  const shown = summary.moves.slice(0, 10).map((m) => (m.isRenamed ? `${m.code} ${m.name} → ${m.newName}` : `${m.code} ${m.name}`));
  const communes = summary.moves.length > shown.length ? `${shown.join('; ')}; …` : shown.join('; ');
  return new CliError(errorMessage('UNITS_MOVES_NEED_CONFIRMATION', { file, count: summary.moves.length, communes }, language), 1);
}

export const unitsImportCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: ['json', 'confirm-moves'],
  async run({ args, language, io }: CliContext) {
    const file = args.positionals[0];
    if (file === undefined) throw new CliError(cliMessage(language, 'missingArgument', { command: 'units import', what: cliMessage(language, 'listFile') }));
    const bytes = readListFile(file, language);
    const services = openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language });
    try {
      const name = path.basename(file);
      const summary = await importUnitList(services.workspace, bytes, name, { isMoveConfirmed: args.options.has('confirm-moves') });
      if (args.options.has('json')) {
        const { scheme, provinces, districts, communes, added, changed, unchanged, isApplied, moves } = summary;
        io.out(JSON.stringify({ scheme, provinces, districts, communes, added, changed, unchanged, isApplied, moves }));
      }
      if (!summary.isApplied) throw movesRefusal(language, summary, name);
      if (!args.options.has('json')) io.out(describeImport(language, summary));
      return 0;
    } finally {
      services.close();
    }
  },
};
