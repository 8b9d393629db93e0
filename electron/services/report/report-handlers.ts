/** The report methods of the contract, spread into the handlers map (handlers.ts). */
import type { Handlers } from '../../../shared/api/dispatch';
import type { Workspace } from '../workspace';
import { reportFile } from './report-file';
import { buildReportModel } from './report-model';
import { saveReportSettings } from './report-settings';

export function reportHandlers(ws: Workspace): Pick<Handlers, 'report.get' | 'report.saveSettings' | 'report.file'> {
  return {
    'report.get': ({ periodId, isHotspotListIncluded }) => buildReportModel(ws, periodId, isHotspotListIncluded),
    'report.saveSettings': ({ periodId, settings, isHotspotListIncluded }) => {
      saveReportSettings(ws, periodId, settings);
      return buildReportModel(ws, periodId, isHotspotListIncluded);
    },
    'report.file': (request) => reportFile(ws, request),
  };
}
