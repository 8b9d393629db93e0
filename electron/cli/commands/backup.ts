/**
 * `pcmt backup --workspace FILE [--out FILE]` and `pcmt restore BACKUP --workspace FILE`
 * (product.md §10, exchange-format.md §6.5).
 */
import path from 'node:path';
import { cliExchangeMessage as m } from '../../../shared/i18n/cli-exchange-messages';
import { backupWorkspace, restoreWorkspace } from '../../services/backup-service';
import { optionText } from '../args';
import { type CliContext, type Command } from '../context';
import { missingArgument, withWorkspace } from './keys';
import { workspaceOption } from './workspace-option';

export const backupCommand: Command = {
  valued: ['workspace', 'out', 'lang'],
  flags: [],
  run: ({ args, language, io }: CliContext) =>
    withWorkspace(args, language, async ({ workspace }) => {
      const out = optionText(args, 'out');
      const info = backupWorkspace(workspace, 'manual', out === undefined ? undefined : path.resolve(out));
      io.out(m(language, 'backupWritten', { file: info.file }));
      return 0;
    }),
};

export const restoreCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: [],
  async run({ args, language, io }: CliContext) {
    const [backup] = args.positionals;
    if (backup === undefined) throw missingArgument(language, 'restore', 'needFile');
    const info = restoreWorkspace(workspaceOption(args), path.resolve(backup));
    io.out(m(language, 'restored', { date: info.takenAt.slice(0, 16).replace('T', ' '), previous: info.previousCopy }));
    if (info.nextSequence !== null) io.out(m(language, 'restoredSequence', { sequence: info.nextSequence }));
    return 0;
  },
};
