/**
 * `pcmt classify [--reading cumulative|literal]`: a calculator of the QĐ 28/2025 class.
 * Reads one commune's figures per JSON line on stdin and prints one JSON line per input
 * line (empty lines skipped): the class with the blank Art. 6 fields and the criteria
 * scheme it was computed under, or an error naming the field. Exit code 0 when
 * every line was classified, 1 when any line was refused, 2 on bad usage.
 */
import { classifyCommune, READINGS, type Reading } from '../../../shared/domain/classification';
import { parseClassifyLine, type ClassifyInputErrorCode } from '../../../shared/domain/classification-input';
import { cliMessage } from '../../../shared/i18n/cli-messages';
import { optionText } from '../args';
import { CliError, type CliContext, type Command } from '../context';

type MessageKey = Parameters<typeof cliMessage>[1];

const ERROR_MESSAGES: Record<ClassifyInputErrorCode, MessageKey> = {
  NOT_JSON: 'classifyNotJson',
  NOT_OBJECT: 'classifyNotObject',
  NOT_A_NUMBER: 'classifyNotANumber',
  NOT_INTEGER: 'classifyNotInteger',
  NEGATIVE: 'classifyNegative',
  TOO_LARGE: 'classifyTooLarge',
  UNKNOWN_KEY_ROUTE: 'classifyUnknownKeyRoute',
  UNKNOWN_FIELD: 'classifyUnknownField',
  BAD_ID: 'classifyBadId',
};

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function isReading(value: string): value is Reading {
  return (READINGS as readonly string[]).includes(value);
}

export const classifyCommand: Command = {
  valued: ['reading', 'lang'],
  flags: [],
  async run({ args, language, io }: CliContext) {
    const reading = optionText(args, 'reading') ?? 'cumulative';
    if (!isReading(reading)) throw new CliError(cliMessage(language, 'badReading', { reading }), 2);
    if (args.positionals.length > 0) throw new CliError(cliMessage(language, 'unknownOption', { option: args.positionals[0] ?? '', command: 'classify' }), 2);
    const text = await (io.readStdin ?? readProcessStdin)();
    let isAnyRefused = false;
    const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
    lines.forEach((raw, index) => {
      const line = raw.trim();
      if (line === '') return;
      const input = parseClassifyLine(line);
      if (!input.isValid) {
        isAnyRefused = true;
        const { code, field } = input.error;
        const message = cliMessage(language, ERROR_MESSAGES[code], { line: index + 1, field: field ?? '' });
        io.out(JSON.stringify({ id: input.id, error: { code, field, message } }));
        return;
      }
      const c = classifyCommune(input.figures, reading);
      io.out(
        JSON.stringify({ id: input.id, computed_class: c.computed_class, criteria_met: c.criteria_met, drug_free: c.drug_free, flags: c.flags, missing: c.missing, criteria_scheme: c.criteria_scheme }),
      );
    });
    return isAnyRefused ? 1 : 0;
  },
};
