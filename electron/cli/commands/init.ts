/** `pcmt init --workspace FILE [--units LISTFILE] [--office UNITCODE] [--scheme S]` */
import path from 'node:path';
import { getUnit } from '../../../db/queries/admin-units';
import { setSetting } from '../../../db/queries/settings';
import { CODE_DIGITS, SCHEME_CODES, UNIT_LEVELS, type SchemeCode, type UnitLevel } from '../../../shared/domain/admin-units';
import { cliMessage } from '../../../shared/i18n/cli-messages';
import type { Language } from '../../../shared/i18n/format';
import { AppError } from '../../../shared/errors';
import { openServices } from '../../services/index';
import { getOffice, setOffice } from '../../services/office-service';
import { importUnitList } from '../../services/units-service';
import type { Workspace } from '../../services/workspace';
import { optionText } from '../args';
import { CliError, type CliContext, type Command } from '../context';
import { describeImport, movesRefusal, readListFile } from './units-import';
import { workspaceOption } from './workspace-option';

function levelOfCode(code: string, language: Language): UnitLevel {
  const level = UNIT_LEVELS.find((l) => CODE_DIGITS[l] === code.length);
  if (!/^\d+$/u.test(code) || level === undefined) throw new CliError(cliMessage(language, 'badOfficeCode', { code }));
  return level;
}

function schemeFor(ws: Workspace, level: UnitLevel, code: string, given: string | undefined, language: Language): SchemeCode {
  if (given !== undefined) {
    if (!(SCHEME_CODES as readonly string[]).includes(given)) throw new CliError(cliMessage(language, 'badScheme', { scheme: given }));
    return given as SchemeCode;
  }
  const holders = SCHEME_CODES.filter((s) => getUnit(ws.db, s, level, code) !== undefined);
  if (holders.length > 1) throw new CliError(cliMessage(language, 'officeAmbiguous', { code }));
  const only = holders[0];
  if (only === undefined) throw new AppError('UNIT_NOT_FOUND', { code, scheme: SCHEME_CODES.join(' / ') });
  return only;
}

export const initCommand: Command = {
  valued: ['workspace', 'units', 'office', 'scheme', 'lang'],
  flags: ['training'],
  async run({ args, language, io }: CliContext) {
    const unitsFile = optionText(args, 'units');
    const bytes = unitsFile === undefined ? null : readListFile(unitsFile, language);
    const services = openServices({ workspacePath: workspaceOption(args), hostKind: 'cli', languageOverride: language });
    try {
      const ws = services.workspace;
      io.out(cliMessage(language, 'workspaceReady', { path: ws.path }));
      // A training workspace signs `environment: "training"` and takes ZZ- office codes (exchange-format.md §3.8).
      if (args.options.has('training')) setSetting(ws.db, 'exchange_environment', 'training');
      if (bytes !== null && unitsFile !== undefined) {
        const summary = await importUnitList(ws, bytes, path.basename(unitsFile));
        if (!summary.isApplied) throw movesRefusal(language, summary, path.basename(unitsFile));
        io.out(describeImport(language, summary));
      }
      const officeCode = optionText(args, 'office');
      if (officeCode !== undefined) {
        const level = levelOfCode(officeCode, language);
        setOffice(ws, schemeFor(ws, level, officeCode, optionText(args, 'scheme'), language), level, officeCode);
      }
      const office = getOffice(ws);
      io.out(
        office
          ? cliMessage(language, 'officeSet', { name: office.name, parents: office.parents.join(', ') || office.scheme, communes: office.communeCount })
          : cliMessage(language, 'officeMissing'),
      );
      return 0;
    } finally {
      services.close();
    }
  },
};
