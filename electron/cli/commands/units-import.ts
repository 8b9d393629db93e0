/** `pcmt units import LISTFILE [--workspace FILE] [--json]` */
import fs from 'node:fs';
import path from 'node:path';
import { cliMessage, formatCount } from '../../../shared/i18n/cli-messages';
import type { Language } from '../../../shared/i18n/format';
import type { UnitImportSummary } from '../../../shared/api/contract';
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

export const unitsImportCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: ['json'],
  async run({ args, language, io }: CliContext) {
    const file = args.positionals[0];
    if (file === undefined) throw new CliError(cliMessage(language, 'missingArgument', { command: 'units import', what: cliMessage(language, 'listFile') }));
    const bytes = readListFile(file, language);
    const services = openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language });
    try {
      const summary = importUnitList(services.workspace, bytes, path.basename(file));
      if (args.options.has('json')) {
        const { scheme, provinces, districts, communes, added, changed, unchanged } = summary;
        io.out(JSON.stringify({ scheme, provinces, districts, communes, added, changed, unchanged }));
      } else {
        io.out(describeImport(language, summary));
      }
      return 0;
    } finally {
      services.close();
    }
  },
};

