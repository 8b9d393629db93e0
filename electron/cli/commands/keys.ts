/** `pcmt keys generate|show|enrollment|import-identity` (exchange-format.md §3.1–3.4). */
import fs from 'node:fs';
import path from 'node:path';
import { cliExchangeMessage as m } from '../../../shared/i18n/cli-exchange-messages';
import type { Language } from '../../../shared/i18n/format';
import type { KeysStatus } from '../../../shared/api/exchange-types';
import { createEnrollment } from '../../services/exchange/enrollment-service';
import { generateKeys, importIdentity, keysStatus } from '../../services/exchange/keys-service';
import { openServices, type Services } from '../../services/index';
import { optionText } from '../args';
import { CliError, type CliContext, type CliIo, type Command } from '../context';
import { readPassphrase } from './passphrase';
import { workspaceOption } from './workspace-option';
import type { ParsedArgs } from '../args';

export function withWorkspace<T>(args: ParsedArgs, language: Language, run: (services: Services) => Promise<T>): Promise<T> {
  const services = openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language, isCreateAllowed: false });
  return run(services).finally(() => services.close());
}

export function requireOption(args: ParsedArgs, name: string, language: Language, command: string, what: Parameters<typeof m>[1]): string {
  const value = optionText(args, name);
  if (value === undefined) throw missingArgument(language, command, what);
  return value;
}

function missing(language: Language, command: string, what: string): string {
  return language === 'en' ? `The command “${command}” needs ${what}. Type “pcmt help” for usage.` : `Lệnh “${command}” cần ${what}. Gõ “pcmt help” để xem cách dùng.`;
}

export function missingArgument(language: Language, command: string, what: Parameters<typeof m>[1]): CliError {
  return new CliError(missing(language, command, m(language, what)));
}

export function writeOut(file: string, bytes: Uint8Array): string {
  const target = path.resolve(file);
  fs.writeFileSync(target, bytes);
  return target;
}

export function readIn(file: string, language: Language): Buffer {
  try {
    return fs.readFileSync(path.resolve(file));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(language === 'en' ? `The file “${file}” could not be read (${detail}). Check the path.` : `Không đọc được tệp “${file}” (${detail}). Hãy kiểm tra đường dẫn.`, 1);
  }
}

function printStatus(io: CliIo, language: Language, status: KeysStatus): void {
  if (status.signing === null) {
    io.out(m(language, 'keysNone'));
    return;
  }
  io.out(m(language, 'keySigning', { keyId: status.signing.keyId, fingerprint: status.signing.fingerprint }));
  if (status.encryption !== null) io.out(m(language, 'keyEncryption', { recipient: status.encryption.recipient, fingerprint: status.encryption.fingerprint }));
}

export const keysGenerateCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: ['encryption'],
  run: ({ args, language, io }: CliContext) =>
    withWorkspace(args, language, async ({ workspace }) => {
      const passphrase = await readPassphrase(language, m(language, 'passphrasePrompt'), true);
      const status = generateKeys(workspace, passphrase, args.options.has('encryption'));
      io.out(m(language, 'keysGenerated', { office: status.officeName ?? '', code: status.officeCode ?? '' }));
      printStatus(io, language, status);
      return 0;
    }),
};

export const keysShowCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: ['json'],
  run: ({ args, language, io }: CliContext) =>
    withWorkspace(args, language, async ({ workspace }) => {
      const status = keysStatus(workspace);
      if (args.options.has('json')) io.out(JSON.stringify(status));
      else printStatus(io, language, status);
      return 0;
    }),
};

export const keysEnrollmentCommand: Command = {
  valued: ['workspace', 'out', 'lang'],
  flags: [],
  run: ({ args, language, io }: CliContext) => {
    const out = optionText(args, 'out');
    if (out === undefined) throw missingArgument(language, 'keys enrollment', 'needOut');
    return withWorkspace(args, language, async ({ workspace }) => {
      const passphrase = await readPassphrase(language, m(language, 'passphrasePrompt'));
      const { form, bytes } = createEnrollment(workspace, passphrase, '0.1.0');
      const file = writeOut(out, bytes);
      io.out(m(language, 'enrollmentWritten', { file }));
      io.out(
        m(language, 'form', {
          officeName: form.officeName,
          officeCode: form.officeCode,
          keyId: form.keyId,
          fingerprint: form.fingerprint,
          appVersion: form.appVersion,
          encryption: form.encryptionRecipient === null ? '—' : `${form.encryptionRecipient} (${form.encryptionFingerprint ?? ''})`,
          date: form.createdAt.slice(0, 10),
        }),
      );
      return 0;
    });
  },
};

export const keysImportIdentityCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: [],
  run: ({ args, language, io }: CliContext) => {
    const [file] = args.positionals;
    if (file === undefined) throw missingArgument(language, 'keys import-identity', 'needFile');
    const text = readIn(file, language).toString('utf8');
    return withWorkspace(args, language, async ({ workspace }) => {
      const passphrase = await readPassphrase(language, m(language, 'passphrasePrompt'));
      const status = importIdentity(workspace, text, passphrase);
      io.out(m(language, 'identityImported', { recipient: status.encryption?.recipient ?? '' }));
      return 0;
    });
  },
};
