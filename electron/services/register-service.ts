/**
 * Reading the hotspot and model-site registers, and the units a model may be hosted by.
 * Hotspots are not tied to a period: the period only decides each row's flags (active
 * at start, new, eliminated, active at end) and the summary counts.
 */
import { listUnitsUnder } from '../../db/queries/admin-units';
import { hotspotRowsJson } from '../../db/queries/hotspots';
import { listModelSites } from '../../db/queries/model-sites';
import type { UnitRow } from '../../shared/api/contract';
import type { HotspotRow, HotspotSummary, ModelSiteRow } from '../../shared/api/register-types';
import type { SchemeCode, UnitLevel } from '../../shared/domain/admin-units';
import { requirePeriod } from './edit-service';
import { requireOffice } from './office-service';
import { toModelSiteRow } from './registers';
import type { Workspace } from './workspace';
import { countHotspots } from '../../shared/domain/hotspot';

export function listHotspotRows(ws: Workspace, periodId: string, isRemovedIncluded: boolean): { rows: HotspotRow[]; summary: HotspotSummary } {
  const period = requirePeriod(periodId);
  const office = requireOffice(ws);
  const rows = JSON.parse(hotspotRowsJson(ws.db, { scheme: office.scheme, start: period.startDate, end: period.endDate, isRemovedIncluded })) as HotspotRow[];
  const summary: HotspotSummary = countHotspots(rows);
  return { rows, summary };
}

export function listModelSiteRows(ws: Workspace, periodId: string, isRemovedIncluded: boolean): ModelSiteRow[] {
  requirePeriod(periodId);
  const office = requireOffice(ws);
  return listModelSites(ws.db, office.scheme, isRemovedIncluded).map(toModelSiteRow);
}

/** The office's unit first, then every unit under it by depth (districts, then communes). */
export function listUnitsUnderOffice(ws: Workspace): UnitRow[] {
  const office = requireOffice(ws);
  return listUnitsUnder(ws.db, office.scheme, office.level, office.code).map((u) => ({
    scheme: office.scheme as SchemeCode,
    level: u.level as UnitLevel,
    code: u.code,
    name: u.name,
    unitType: u.unit_type,
    childCount: u.child_count,
  }));
}
