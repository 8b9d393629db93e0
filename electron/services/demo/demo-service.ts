/**
 * The demo workspace for trainers (issue 15 item 2): a training-environment workspace
 * (its packages can never enter real data, exchange-format.md §3.8) holding Huyện Đông
 * Anh's real communes from the shipped unit list and the generated figures, loaded
 * through the same path as `pcmt load`.
 */
import { listChildren } from '../../../db/queries/admin-units';
import { setSetting } from '../../../db/queries/settings';
import { AppError } from '../../../shared/errors';
import { loadDump } from '../load-service';
import { getOffice, setOffice } from '../office-service';
import { importBundledUnits } from '../units-bundle';
import type { Workspace } from '../workspace';
import { generateDemo } from './demo-data';

/** Huyện Đông Anh, Thành phố Hà Nội, on the list before 1/7/2025. */
export const DEMO_DISTRICT = { scheme: 'GSO_2004', level: 'DISTRICT', code: '017' } as const;
export const DEMO_SEED = 2025;

export type DemoSummary = { communes: number; periods: number; hotspots: number; modelSites: number };

export function createDemo(ws: Workspace, seed: number = DEMO_SEED): DemoSummary {
  if (getOffice(ws) !== null) throw new AppError('DEMO_NEEDS_EMPTY_WORKSPACE', { file: ws.path });
  setSetting(ws.db, 'exchange_environment', 'training');
  importBundledUnits(ws, DEMO_DISTRICT.scheme);
  setOffice(ws, DEMO_DISTRICT.scheme, DEMO_DISTRICT.level, DEMO_DISTRICT.code);
  const communes = listChildren(ws.db, DEMO_DISTRICT.scheme, DEMO_DISTRICT.level, DEMO_DISTRICT.code).map((u) => ({ code: u.code, name: u.name }));
  const data = generateDemo(communes, seed);
  const last = data.periods.find((p) => p.periodId === '2025-Q2');
  // Registers first (judged in the last quarter), then each period's figures.
  loadDump(ws, { periodId: last?.periodId ?? '2025-Q2', statuses: [], hotspots: data.hotspots, modelSites: data.modelSites });
  for (const period of data.periods) loadDump(ws, { periodId: period.periodId, statuses: period.statuses, hotspots: [], modelSites: [] });
  return { communes: communes.length, periods: data.periods.length, hotspots: data.hotspots.length, modelSites: data.modelSites.length };
}
