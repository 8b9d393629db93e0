/**
 * `pcmt dump [--workspace FILE] [--period P] [--json]`: the office, its communes and
 * their statuses, and the hotspots and model sites that are not removed (values with
 * their ids). `pcmt load` reads the same JSON back.
 */
import { listCommuneRows } from '../../services/commune-status-service';
import { openServices } from '../../services/index';
import { requireOfficeDetails } from '../../services/office-service';
import { listHotspotRows, listModelSiteRows } from '../../services/register-service';
import { quarterOf } from '../../../shared/domain/period';
import { cliMessage } from '../../../shared/i18n/cli-messages';
import { optionText } from '../args';
import type { CliContext, Command } from '../context';
import { workspaceOption } from './workspace-option';

export const dumpCommand: Command = {
  valued: ['workspace', 'period', 'lang'],
  flags: ['json'],
  async run({ args, language, io }: CliContext) {
    const services = openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language, isCreateAllowed: false });
    try {
      const ws = services.workspace;
      const office = requireOfficeDetails(ws);
      const period = optionText(args, 'period') ?? quarterOf(new Date().toISOString().slice(0, 10));
      const rows = listCommuneRows(ws, period);
      const units = rows.map(({ code, name, unitType, parentName }) => ({ code, name, unitType, parentName }));
      const statuses = rows
        .filter((r) => r.rowVersion > 0)
        .map((r) => ({ period, code: r.code, ...r.status, rowVersion: r.rowVersion, updatedAt: r.updatedAt }));
      if (args.options.has('json')) {
        const hotspots = listHotspotRows(ws, period, false).rows.map((h) => ({ id: h.id, ...h.values }));
        const modelSites = listModelSiteRows(ws, period, false).map((m) => ({ id: m.id, ...m.values }));
        io.out(JSON.stringify({ office, period, units, statuses, hotspots, modelSites }, null, 2));
      } else {
        io.out(cliMessage(language, 'dumpHeader', { office: office.name, period, rows: rows.length, entered: statuses.length }));
        for (const s of statuses) io.out(JSON.stringify(s));
      }
      return 0;
    } finally {
      services.close();
    }
  },
};
