/**
 * A strict little argument reader: each command declares its options, and anything
 * unknown is refused with a sentence instead of being silently ignored.
 */
export type ParsedArgs = { positionals: string[]; options: Map<string, string | true> };

export class UsageError extends Error {
  readonly key: 'unknownOption' | 'missingValue';
  readonly option: string;

  constructor(key: 'unknownOption' | 'missingValue', option: string) {
    super(`${key} ${option}`);
    this.key = key;
    this.option = option;
  }
}

/** `valued` options take the next word; `flags` are booleans. */
export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] ?? '';
    if (!word.startsWith('--')) {
      positionals.push(word);
      continue;
    }
    const [name = '', inline] = word.slice(2).split(/=(.*)/su, 2);
    if (flags.includes(name) && inline === undefined) {
      options.set(name, true);
    } else if (valued.includes(name)) {
      const value = inline ?? argv[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError('missingValue', `--${name}`);
      options.set(name, value);
      if (inline === undefined) i += 1;
    } else {
      throw new UsageError('unknownOption', `--${name}`);
    }
  }
  return { positionals, options };
}

export function optionText(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}
