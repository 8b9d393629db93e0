/**
 * Passphrases for the CLI: PCMT_PASSPHRASE when set (batch work, tests), otherwise asked
 * on the terminal without echo. Asked for every signing (§3.3); never taken from an
 * argument, which would land in the shell history.
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { cliExchangeMessage } from '../../../shared/i18n/cli-exchange-messages';
import type { Language } from '../../../shared/i18n/format';
import { CliError } from '../context';

function ask(prompt: string): Promise<string> {
  let isMuted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!isMuted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    isMuted = true;
  });
}

export async function readPassphrase(language: Language, prompt: string, isNew = false): Promise<string> {
  const fromEnv = process.env.PCMT_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new CliError(cliExchangeMessage(language, 'passphraseMissing'), 1);
  const first = await ask(prompt);
  if (isNew && (await ask(cliExchangeMessage(language, 'passphraseRepeat'))) !== first) {
    throw new CliError(cliExchangeMessage(language, 'passphraseMismatch'), 1);
  }
  return first;
}
