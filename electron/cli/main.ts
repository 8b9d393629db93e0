/**
 * The `pcmt` command line: the same services as the app, without a window. Every
 * user mistake gets one clear sentence and a non-zero exit code (2 for usage, 1 for
 * refused input); unexpected failures exit with 70.
 */
import { isAppError, storageFailureCode } from '../../shared/errors';
import { cliExchangeMessage } from '../../shared/i18n/cli-exchange-messages';
import { cliImportMessage } from '../../shared/i18n/cli-import-messages';
import { cliDemoMessage } from '../../shared/i18n/cli-demo-messages';
import { cliReportMessage } from '../../shared/i18n/cli-report-messages';
import { cliMessage } from '../../shared/i18n/cli-messages';
import { cliSheetMessage } from '../../shared/i18n/cli-sheet-messages';
import type { Language } from '../../shared/i18n/format';
import { errorMessage } from '../../shared/i18n/messages';
import { defaultWorkspacePath } from '../services/paths';
import { parseArgs, UsageError } from './args';
import { checkCommand } from './commands/check';
import { exportCommand, probeCommand, verifyCommand } from './commands/exchange';
import { logVerifyCommand, receiveCommand } from './commands/receive';
import { receiptCreateCommand, receiptImportCommand } from './commands/receipt';
import { backupCommand, restoreCommand } from './commands/backup';
import { periodsLockCommand, periodsUnlockCommand } from './commands/periods';
import { keysEnrollmentCommand, keysGenerateCommand, keysImportIdentityCommand, keysShowCommand } from './commands/keys';
import { keysRotateCommand, trustAddOfficeCommand, trustRevokeCommand } from './commands/key-lifecycle';
import {
  trustImportCommand,
  trustInitCommand,
  trustPublishCommand,
  trustRootKeygenCommand,
} from './commands/trust';
import { classifyCommand } from './commands/classify';
import { dumpCommand } from './commands/dump';
import { initCommand } from './commands/init';
import { loadCommand } from './commands/load';
import { importCommand } from './commands/import';
import { serveCommand } from './commands/serve';
import { startCommand } from './commands/start';
import { unitsImportCommand } from './commands/units-import';
import { exportSheetCommand, templateCommand } from './commands/sheet-export';
import { reportCommand } from './commands/report';
import { demoCreateCommand } from './commands/demo';
import { CliError, type CliIo, type Command } from './context';

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  'units import': unitsImportCommand,
  dump: dumpCommand,
  load: loadCommand,
  import: importCommand,
  serve: serveCommand,
  start: startCommand,
  classify: classifyCommand,
  check: checkCommand,
  'keys generate': keysGenerateCommand,
  'keys show': keysShowCommand,
  'keys enrollment': keysEnrollmentCommand,
  'keys import-identity': keysImportIdentityCommand,
  'keys rotate': keysRotateCommand,
  'trust root-keygen': trustRootKeygenCommand,
  'trust init': trustInitCommand,
  'trust add-office': trustAddOfficeCommand,
  'trust revoke': trustRevokeCommand,
  'trust publish': trustPublishCommand,
  'trust import': trustImportCommand,
  export: exportCommand,
  verify: verifyCommand,
  probe: probeCommand,
  receive: receiveCommand,
  'log verify': logVerifyCommand,
  'receipt create': receiptCreateCommand,
  'receipt import': receiptImportCommand,
  backup: backupCommand,
  'periods lock': periodsLockCommand,
  'periods unlock': periodsUnlockCommand,
  restore: restoreCommand,
  'export-sheet': exportSheetCommand,
  template: templateCommand,
  report: reportCommand,
  'demo create': demoCreateCommand,
};

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function languageOf(argv: readonly string[]): Language {
  const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = index < 0 ? process.env.PCMT_LANG : argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
  return value === 'en' ? 'en' : 'vi';
}

function findCommand(argv: readonly string[]): { name: string; rest: string[] } | null {
  const two = argv.slice(0, 2).join(' ');
  if (COMMANDS[two]) return { name: two, rest: argv.slice(2) };
  const one = argv[0] ?? '';
  return COMMANDS[one] ? { name: one, rest: argv.slice(1) } : null;
}

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const language = languageOf(argv);
  const first = argv[0];
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    io.out(cliMessage(language, 'usage', { defaultPath: defaultWorkspacePath() }));
    io.out(cliExchangeMessage(language, 'usage'));
    io.out(cliSheetMessage(language, 'usage'));
    io.out(cliImportMessage(language, 'usage'));
    io.out(cliReportMessage(language, 'usage'));
    io.out(cliDemoMessage(language, 'usage'));
    return first === undefined ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(cliMessage(language, 'unknownCommand', { command: argv.slice(0, 2).join(' ') }));
    return 2;
  }
  const command = COMMANDS[found.name] as Command;
  try {
    const args = parseArgs(found.rest, command.valued, command.flags);
    return await command.run({ args, language, io });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(cliMessage(language, error.key, { option: error.option, command: found.name }));
      return 2;
    }
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (isAppError(error)) {
      io.err(errorMessage(error.code, error.params, language));
      return 1;
    }
    const storage = storageFailureCode(error);
    if (storage !== null) {
      io.err(errorMessage(storage, {}, language));
      return 1;
    }
    io.err(cliMessage(language, 'internal', { detail: error instanceof Error ? error.message : String(error) }));
    return 70;
  }
}
