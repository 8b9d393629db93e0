/**
 * The implementation of every contract method, in one object checked with
 * `satisfies Handlers`: a missing or misspelled method does not compile. Inputs arrive
 * already validated by shared/api/dispatch.ts.
 */
import type { Handlers } from '../../shared/api/dispatch';
import { listCommuneRows, updateCommuneStatuses } from './commune-status-service';
import { applyEdits } from './edit-service';
import { listHistoryEntries } from './history-service';
import { listIndicators } from './indicator-service';
import { getOffice, setOffice } from './office-service';
import { exportReadiness, listProblems } from './problems-service';
import { copyForward, listPeriodInfos, lockPeriod, unlockPeriod } from './period-service';
import { listHotspotRows, listModelSiteRows, listUnitsUnderOffice } from './register-service';
import { errorMessage } from '../../shared/i18n/messages';
import { acknowledgeRestore, listBackups, restoredNotice, restoreOpenWorkspace } from './backup-service';
import { classificationReading, getLayout, saveLayout, setClassificationReading, setUserName } from './settings-service';
import { importUnitList, listChildUnits, listSchemeSummaries } from './units-service';
import { importBundledUnits, listBundledUnits } from './units-bundle';
import { importLog, receivedPackages, verifyImportLog } from './exchange/consolidation-service';
import { createEnrollment } from './exchange/enrollment-service';
import { consolidatedIndicators, consolidatedList, notReported } from './exchange/province-view';
import { createReceipt, importReceipt } from './exchange/receipt-service';
import { confirmStaged, receiveFiles, rejectStaged } from './exchange/receive-service';
import { createExport, exportFile, exportSummary, listExportRecords } from './exchange/export-service';
import { generateKeys, keysStatus } from './exchange/keys-service';
import { workspaceEnvironment } from './exchange/office-identity';
import { importTrustFile, inspectTrustFile, trustStatus } from './exchange/trust-service';
import { verifyFiles } from './exchange/verify-service';
import { exportSheetXlsx, sheetTemplate } from './sheet-export/export-service';
import { analyzeImport, applyImport } from './sheet-import/import-service';
import { reportHandlers } from './report/report-handlers';
import { cancelImport, importProgress, trackImport } from './sheet-import/import-jobs';
import { language, setLanguage, userName, type Workspace } from './workspace';

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
      userName: userName(ws),
      classificationReading: classificationReading(ws),
      environment: workspaceEnvironment(ws),
      restoredFrom: restoredNotice(ws),
      notices: (ws.openNotices ?? []).map((n) => ({ code: n.code, message: errorMessage(n.code, n.params, language(ws)) })),
    }),
    'settings.setLanguage': ({ language: value }) => {
      setLanguage(ws, value);
      return { language: value };
    },
    'units.import': ({ fileName, contentBase64, isMoveConfirmed }) => importUnitList(ws, Buffer.from(contentBase64, 'base64'), fileName, { isMoveConfirmed }),
    'units.schemes': () => listSchemeSummaries(ws),
    'units.bundled': () => listBundledUnits(),
    'units.importBundled': ({ scheme, isMoveConfirmed }) => importBundledUnits(ws, scheme, { isMoveConfirmed }),
    'units.children': ({ scheme, parentLevel, parentCode }) => listChildUnits(ws, scheme, parentLevel, parentCode),
    'office.get': () => getOffice(ws),
    'office.set': ({ scheme, level, code }) => setOffice(ws, scheme, level, code),
    'communes.list': ({ periodId }) => listCommuneRows(ws, periodId),
    'communeStatus.update': ({ periodId, changes }) => updateCommuneStatuses(ws, periodId, changes),
    'edits.apply': (input) => applyEdits(ws, input),
    'hotspots.list': ({ periodId, isRemovedIncluded }) => listHotspotRows(ws, periodId, isRemovedIncluded),
    'modelSites.list': ({ periodId, isRemovedIncluded }) => listModelSiteRows(ws, periodId, isRemovedIncluded),
    'units.underOffice': () => listUnitsUnderOffice(ws),
    'history.list': (query) => listHistoryEntries(ws, query),
    'periods.list': () => listPeriodInfos(ws),
    'periods.lock': ({ periodId }) => lockPeriod(ws, periodId),
    'periods.unlock': ({ periodId, reason }) => unlockPeriod(ws, periodId, reason),
    'periods.copyForward': ({ periodId, fromPeriodId }) => copyForward(ws, periodId, fromPeriodId),
    'settings.setClassificationReading': ({ reading }) => setClassificationReading(ws, reading),
    'settings.setUserName': ({ userName: name }) => setUserName(ws, name),
    'sheets.getLayout': ({ sheet }) => getLayout(ws, sheet),
    'sheets.saveLayout': ({ sheet, columns }) => saveLayout(ws, sheet, columns),
    'sheets.exportXlsx': (request) => exportSheetXlsx(ws, request),
    'sheets.template': ({ sheet }) => sheetTemplate(ws, sheet),
    'problems.list': ({ periodId }) => listProblems(ws, periodId),
    'exports.readiness': ({ periodId }) => exportReadiness(ws, periodId),
    'indicators.list': ({ periodId, setId }) => listIndicators(ws, periodId, setId),
    'keys.status': () => keysStatus(ws),
    'keys.generate': ({ passphrase, withEncryption }) => generateKeys(ws, passphrase, withEncryption),
    'keys.enrollment': ({ passphrase }) => {
      const { form, file } = createEnrollment(ws, passphrase, appVersion());
      return { form, file };
    },
    'trust.status': () => trustStatus(ws),
    'trust.inspect': ({ file }) => inspectTrustFile(ws, file.fileName, Buffer.from(file.bytesBase64, 'base64')),
    'trust.import': ({ file, isBootstrap, isJumpConfirmed }) =>
      importTrustFile(ws, file.fileName, Buffer.from(file.bytesBase64, 'base64'), isBootstrap, new Date(), isJumpConfirmed === true),
    'exports.summary': ({ periodId, includeHotspots }) => exportSummary(ws, periodId, includeHotspots),
    'exports.create': ({ periodId, passphrase, includeHotspots }) => createExport(ws, periodId, passphrase, includeHotspots),
    'exports.list': () => listExportRecords(ws),
    'exports.file': ({ packageId }) => exportFile(ws, packageId),
    'packages.receive': ({ files, passphrase }) =>
      receiveFiles(
        ws,
        files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.bytesBase64, 'base64') })),
        passphrase,
      ),
    'packages.confirm': ({ stagingId, isSupervisorConfirmed }) => confirmStaged(ws, stagingId, isSupervisorConfirmed),
    'packages.reject': ({ stagingId, reason }) => rejectStaged(ws, stagingId, reason),
    'packages.received': () => receivedPackages(ws),
    'app.acknowledgeRestore': () => acknowledgeRestore(ws),
    'backups.list': () => listBackups(ws),
    'backups.restore': ({ name }) => {
      const { takenAt, nextSequence } = restoreOpenWorkspace(ws, name);
      return { takenAt, nextSequence };
    },
    'importLog.list': () => importLog(ws),
    'importLog.verify': () => verifyImportLog(ws),
    'packages.verify': ({ files, passphrase }) =>
      verifyFiles(
        ws,
        files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.bytesBase64, 'base64') })),
        passphrase,
      ),
    'consolidated.list': ({ periodId }) => consolidatedList(ws, periodId),
    'consolidated.notReported': ({ periodId }) => notReported(ws, periodId),
    'consolidated.indicators': ({ periodId, setId }) => consolidatedIndicators(ws, periodId, setId),
    'receipts.create': ({ packageId, passphrase }) => createReceipt(ws, packageId, passphrase),
    'receipts.import': ({ file, passphrase }) => importReceipt(ws, file.fileName, Buffer.from(file.bytesBase64, 'base64'), passphrase ?? null),
    'imports.analyze': ({ requestId, ...request }) => trackImport(ws, requestId ?? null, (options) => analyzeImport(ws, request, options)),
    'imports.apply': ({ requestId, ...request }) => trackImport(ws, requestId ?? null, (options) => applyImport(ws, request, options)),
    'imports.progress': ({ requestId }) => importProgress(ws, requestId),
    'imports.cancel': ({ requestId }) => cancelImport(ws, requestId),
    ...reportHandlers(ws),
  } satisfies Handlers;
}
