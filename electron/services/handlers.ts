/**
 * The implementation of every contract method, in one object checked with
 * `satisfies Handlers`: a missing or misspelled method does not compile. Inputs arrive
 * already validated by shared/api/dispatch.ts.
 */
import type { Handlers } from '../../shared/api/dispatch';
import { listCommuneRows, updateCommuneStatuses } from './commune-status-service';
import { getOffice, setOffice } from './office-service';
import { importUnitList, listChildUnits, listSchemeSummaries } from './units-service';
import { language, setLanguage, type Workspace } from './workspace';

declare const APP_VERSION: string | undefined;

function appVersion(): string {
  return typeof APP_VERSION === 'string' ? APP_VERSION : (process.env.npm_package_version ?? '0.1.0');
}

export function createHandlers(ws: Workspace): Handlers {
  return {
    'app.info': () => ({
      version: appVersion(),
      workspacePath: ws.path,
      language: language(ws),
      hostKind: ws.hostKind === 'electron' ? 'electron' : 'browser',
    }),
    'settings.setLanguage': ({ language: value }) => {
      setLanguage(ws, value);
      return { language: value };
    },
    'units.import': ({ fileName, contentBase64 }) => importUnitList(ws, Buffer.from(contentBase64, 'base64'), fileName),
    'units.schemes': () => listSchemeSummaries(ws),
    'units.children': ({ scheme, parentLevel, parentCode }) => listChildUnits(ws, scheme, parentLevel, parentCode),
    'office.get': () => getOffice(ws),
    'office.set': ({ scheme, level, code }) => setOffice(ws, scheme, level, code),
    'communes.list': ({ periodId }) => listCommuneRows(ws, periodId),
    'communeStatus.update': ({ periodId, changes }) => updateCommuneStatuses(ws, periodId, changes),
  } satisfies Handlers;
}
