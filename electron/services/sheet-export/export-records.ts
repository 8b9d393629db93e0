/**
 * The rows of a sheet as the export reads them: from the database through the same
 * list services the sheets load from (never from the texts the renderer drew), each
 * row a lookup of stored and computed values by column key, plus the names the
 * references resolve to (a commune code shows as the commune's name, as in the grid).
 */
import type { SheetName } from '../../../shared/api/register-types';
import type { FieldValue, RefTarget } from '../../../shared/domain/fields';
import { criteriaText } from '../../../shared/domain/classification-text';
import { COMMUNE_CLASS_LABELS } from '../../../shared/domain/commune-status';
import { UNIT_TYPE_LABELS } from '../../../shared/domain/admin-units';
import { listCommuneRows } from '../commune-status-service';
import { listProblems } from '../problems-service';
import { listHotspotRows, listModelSiteRows, listUnitsUnderOffice } from '../register-service';
import type { Workspace } from '../workspace';

export type ExportRecord = { id: string; valueOf(key: string): FieldValue };

export type RefNames = Partial<Record<RefTarget, ReadonlyMap<string, string>>>;

export type SheetRecords = { records: ExportRecord[]; refs: RefNames };

const valuesRecord = (id: string, values: Record<string, FieldValue>, extra: Record<string, FieldValue>): ExportRecord => ({
  id,
  valueOf: (key) => (Object.hasOwn(extra, key) ? (extra[key] ?? null) : (values[key] ?? null)),
});

function unitNames(ws: Workspace): { communes: Map<string, string>; units: Map<string, string> } {
  const units = listUnitsUnderOffice(ws);
  return {
    communes: new Map(units.filter((u) => u.level === 'COMMUNE').map((u) => [u.code, u.name])),
    units: new Map(units.map((u) => [u.code, u.name])),
  };
}

/** The names of the office's communes and of every unit a model site may be hosted by. */
export function officeRefNames(ws: Workspace): RefNames {
  const { communes, units } = unitNames(ws);
  return { commune: communes, officeUnit: units };
}

function communeRecords(ws: Workspace, periodId: string, keys: ReadonlySet<string>): SheetRecords {
  const rows = listCommuneRows(ws, periodId);
  // The classification is the rules engine's work: run it only when its columns are exported.
  const needsClass = keys.has('computed_class') || keys.has('criteria');
  const classes = new Map(needsClass ? listProblems(ws, periodId).classifications.map((c) => [c.communeCode, c]) : []);
  const records = rows.map((row) => {
    const computed = classes.get(row.code);
    return valuesRecord(row.code, row.status as Record<string, FieldValue>, {
      code: row.code,
      name: row.name,
      type: UNIT_TYPE_LABELS[row.unitType]?.vi ?? row.unitType,
      parent: row.parentName,
      computed_class: computed ? COMMUNE_CLASS_LABELS[computed.computed_class].vi : null,
      criteria: computed ? criteriaText(computed.criteria_met) : null,
      activeHotspots: row.activeHotspots,
      activeModelSites: row.activeModelSites,
    });
  });
  return { records, refs: {} };
}

function hotspotRecords(ws: Workspace, periodId: string): SheetRecords {
  const { rows } = listHotspotRows(ws, periodId, false);
  const { communes } = unitNames(ws);
  const records = rows.map((row) => valuesRecord(row.id, row.values as Record<string, FieldValue>, { ...row.flags }));
  // The grid names another hotspot by its code ("re-emerged from").
  const hotspots = new Map(rows.map((r) => [r.id, String(r.values.local_code ?? r.id)]));
  return { records, refs: { commune: communes, hotspot: hotspots } };
}

function modelSiteRecords(ws: Workspace, periodId: string): SheetRecords {
  const rows = listModelSiteRows(ws, periodId, false);
  const { units } = unitNames(ws);
  return { records: rows.map((row) => valuesRecord(row.id, row.values as Record<string, FieldValue>, {})), refs: { officeUnit: units } };
}

/** Every row of the sheet for the period, in the order the sheet lists them before any sort. */
export function sheetRecords(ws: Workspace, sheet: SheetName, periodId: string, keys: ReadonlySet<string>): SheetRecords {
  if (sheet === 'communeStatuses') return communeRecords(ws, periodId, keys);
  if (sheet === 'hotspots') return hotspotRecords(ws, periodId);
  return modelSiteRecords(ws, periodId);
}

/** The rows named by id, in that order (the grid's filter and sort); ids no longer listed are left out. */
export function pickRecords(records: readonly ExportRecord[], rowIds: readonly string[] | null): ExportRecord[] {
  if (rowIds === null) return [...records];
  const byId = new Map(records.map((r) => [r.id, r]));
  return rowIds.flatMap((id) => {
    const record = byId.get(id);
    return record ? [record] : [];
  });
}
