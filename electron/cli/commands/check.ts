/**
 * `pcmt check --period P [--workspace FILE] [--json]`: the problems of a period (the
 * same rules engine as the app's Problems panel) and the class computed for each commune
 * with figures (blank Art. 6 fields named; "for reference" before 24/8/2025). `--json`
 * prints `{ period, counts, problems, classifications }`. Exit
 * code 0 when there is no error (warnings allowed), 1 when errors remain, 2 on bad usage.
 */
import { listCommuneRows } from '../../services/commune-status-service';
import { openServices } from '../../services/index';
import { listProblems } from '../../services/problems-service';
import { COMMUNE_CLASS_LABELS, fieldDef, isCommuneStatusField, type CommuneClass } from '../../../shared/domain/commune-status';
import { cliMessage } from '../../../shared/i18n/cli-messages';
import { optionText } from '../args';
import { CliError, type CliContext, type Command } from '../context';
import { workspaceOption } from './workspace-option';

function classLabel(value: unknown, language: 'vi' | 'en'): string | null {
  return typeof value === 'string' && value in COMMUNE_CLASS_LABELS ? COMMUNE_CLASS_LABELS[value as CommuneClass][language] : null;
}

/** The blank Art. 6 fields by their column names (why a class is CHUA_XAC_DINH), or nothing. */
function missingText(missing: readonly string[], language: 'vi' | 'en'): string {
  if (missing.length === 0) return '';
  const fields = missing.map((key) => (isCommuneStatusField(key) ? fieldDef(key).labels[language] : key)).join(', ');
  return cliMessage(language, 'checkMissing', { fields });
}

export const checkCommand: Command = {
  valued: ['workspace', 'period', 'lang'],
  flags: ['json'],
  async run({ args, language, io }: CliContext) {
    const period = optionText(args, 'period');
    if (period === undefined) throw new CliError(cliMessage(language, 'missingArgument', { command: 'check', what: cliMessage(language, 'checkPeriod') }));
    if (args.positionals.length > 0) throw new CliError(cliMessage(language, 'unknownOption', { option: args.positionals[0] ?? '', command: 'check' }), 2);
    const services = openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language, isCreateAllowed: false });
    try {
      const ws = services.workspace;
      const result = listProblems(ws, period);
      if (args.options.has('json')) {
        io.out(JSON.stringify({ period, ...result }, null, 2));
      } else {
        io.out(cliMessage(language, 'checkHeader', { period, ...result.counts }));
        for (const p of result.problems) {
          const severity = cliMessage(language, p.severity === 'error' ? 'checkError' : 'checkWarning');
          io.out(cliMessage(language, 'checkProblem', { severity, rule: p.ruleId, message: p.message }));
        }
        const rows = new Map(listCommuneRows(ws, period).map((r) => [r.code, r]));
        io.out(cliMessage(language, 'checkClassHeader', { count: result.classifications.length }));
        for (const c of result.classifications) {
          const row = rows.get(c.communeCode);
          const m = c.criteria_met;
          io.out(
            cliMessage(language, 'checkClassLine', {
              code: c.communeCode,
              name: row?.name ?? '',
              computed: `${classLabel(c.computed_class, language) ?? c.computed_class}${c.is_reference ? cliMessage(language, 'checkReference') : ''}`,
              declared: classLabel(row?.status.declared_class, language) ?? cliMessage(language, 'checkNotDeclared'),
              criteria: `a ${m.a ?? '–'}, b ${m.b ?? '–'}, c ${m.c ?? '–'}, d ${m.d ?? '–'}, đ ${m.dd ?? '–'}${missingText(c.missing, language)}`,
            }),
          );
        }
        io.out(cliMessage(language, result.counts.errors === 0 ? 'checkReady' : 'checkNotReady'));
      }
      return result.counts.errors === 0 ? 0 : 1;
    } finally {
      services.close();
    }
  },
};
