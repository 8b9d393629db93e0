/** What a CLI command gets: its arguments, the language, and where to write. */
import type { Language } from '../../shared/i18n/format';
import type { ParsedArgs } from './args';

/** `readStdin` lets tests feed standard input; without it commands read process.stdin. */
export type CliIo = { out(text: string): void; err(text: string): void; readStdin?(): Promise<string> };

export type CliContext = { args: ParsedArgs; language: Language; io: CliIo };

export type Command = {
  valued: readonly string[];
  flags: readonly string[];
  run(ctx: CliContext): Promise<number>;
};

/** A user-caused CLI error with its message already rendered. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}
