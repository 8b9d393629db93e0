/**
 * `pcmt load FILE.json [--workspace FILE] [--period P] [--json]`: stores what
 * `pcmt dump --json` printed (commune statuses of the period, hotspots, model sites),
 * all or nothing. The file's shape is checked here; every value is then checked by
 * edits.apply like any other edit.
 */
import path from 'node:path';
import { wellFormedText } from '../../../shared/domain/field-values';
import { cliMessage, formatCount } from '../../../shared/i18n/cli-messages';
import type { Language } from '../../../shared/i18n/format';
import { openServices } from '../../services/index';
import { checkDumpShape, loadDump, type LoadInput, type LoadSummary } from '../../services/load-service';
import { optionText } from '../args';
import { CliError, type CliContext, type Command } from '../context';
import { readListFile } from './units-import';
import { workspaceOption } from './workspace-option';

function readDump(file: string, periodOption: string | undefined, language: Language): LoadInput {
  const text = Buffer.from(readListFile(file, language)).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(cliMessage(language, 'loadNotJson', { file, detail: error instanceof Error ? error.message : String(error) }), 1);
  }
  const checked = checkDumpShape(raw, periodOption ?? null);
  if (!checked.ok) {
    const where = checked.where === '' ? '(JSON)' : wellFormedText(checked.where);
    throw new CliError(cliMessage(language, checked.isUnknownKey ? 'loadUnknownKey' : 'loadBadShape', { file, where }), 1);
  }
  return checked.input;
}

function describe(language: Language, file: string, period: string | null, s: LoadSummary): string {
  const n = (v: number): string => formatCount(language, v);
  const isNoChange = [s.statuses, s.hotspots, s.modelSites].every((c) => c.added === 0 && c.changed === 0);
  if (isNoChange) {
    return cliMessage(language, 'loadedNoChange', { file, statuses: n(s.statuses.unchanged), hotspots: n(s.hotspots.unchanged), models: n(s.modelSites.unchanged) });
  }
  return cliMessage(language, 'loaded', {
    file,
    period: period ?? '—',
    statusesAdded: n(s.statuses.added),
    statusesChanged: n(s.statuses.changed),
    hotspotsAdded: n(s.hotspots.added),
    hotspotsChanged: n(s.hotspots.changed),
    modelsAdded: n(s.modelSites.added),
    modelsChanged: n(s.modelSites.changed),
  });
}

export const loadCommand: Command = {
  valued: ['workspace', 'period', 'lang'],
  flags: ['json'],
  async run({ args, language, io }: CliContext) {
    const file = args.positionals[0];
    if (file === undefined) throw new CliError(cliMessage(language, 'missingArgument', { command: 'load', what: cliMessage(language, 'dumpFile') }));
    const input = readDump(file, optionText(args, 'period'), language);
    const services = openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language, isCreateAllowed: false });
    try {
      const summary = loadDump(services.workspace, input);
      io.out(args.options.has('json') ? JSON.stringify(summary, null, 2) : describe(language, path.basename(file), input.periodId, summary));
      return 0;
    } finally {
      services.close();
    }
  },
};
