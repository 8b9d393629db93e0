/**
 * `pcmt report`: the period report (báo cáo, Decree 30/2020 layout) as .docx or PDF,
 * the same model and renderers as the app's Báo cáo tab. Hotspot addresses stay out
 * unless --with-hotspots is given, which also marks the document "MẬT".
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ReportFormat } from '../../../shared/api/report-types';
import { cliMessage } from '../../../shared/i18n/cli-messages';
import { cliReportMessage } from '../../../shared/i18n/cli-report-messages';
import { openServices } from '../../services/index';
import { reportBytes } from '../../services/report/report-file';
import { optionText } from '../args';
import { CliError, type CliContext, type Command } from '../context';
import { printNotices, workspaceOption } from './workspace-option';

function formatOf(file: string): ReportFormat | null {
  const lower = file.toLowerCase();
  return lower.endsWith('.docx') ? 'docx' : lower.endsWith('.pdf') ? 'pdf' : null;
}

export const reportCommand: Command = {
  valued: ['workspace', 'period', 'out', 'lang'],
  flags: ['with-hotspots'],
  async run({ args, language, io }: CliContext) {
    const period = optionText(args, 'period');
    if (period === undefined) throw new CliError(cliMessage(language, 'missingArgument', { command: 'report', what: cliReportMessage(language, 'needPeriod') }));
    const outText = optionText(args, 'out');
    if (outText === undefined) throw new CliError(cliMessage(language, 'missingArgument', { command: 'report', what: cliReportMessage(language, 'needOut') }));
    const format = formatOf(outText);
    if (format === null) throw new CliError(cliReportMessage(language, 'badOut', { file: outText }));
    const out = path.resolve(outText);
    const services = openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language, isCreateAllowed: false });
    try {
      printNotices(io, language, services.notices);
      const isHotspotListIncluded = args.options.has('with-hotspots');
      const file = await reportBytes(services.workspace, { periodId: period, format, isHotspotListIncluded });
      try {
        fs.writeFileSync(out, file.bytes);
      } catch (error) {
        const detail = error instanceof Error && 'code' in error ? String(error.code) : String(error);
        throw new CliError(cliReportMessage(language, 'outUnwritable', { file: out, detail }), 1);
      }
      io.out(cliReportMessage(language, 'written', { period, office: file.model.office.name, file: out }));
      if (isHotspotListIncluded) io.err(cliReportMessage(language, 'secret'));
      return 0;
    } finally {
      services.close();
    }
  },
};
