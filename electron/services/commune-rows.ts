/** How a commune with its period status is shown (CommuneRow). */
import type { DbCommuneWithStatus } from '../../db/queries/commune-statuses';
import type { CommuneRow } from '../../shared/api/contract';
import { COMMUNE_STATUS_FIELD_KEYS, fieldDef, type CommuneStatusValues } from '../../shared/domain/commune-status';
import { decodeValue } from './registers';

export function toCommuneRow(row: DbCommuneWithStatus): CommuneRow {
  const status = {} as CommuneStatusValues;
  for (const key of COMMUNE_STATUS_FIELD_KEYS) status[key] = decodeValue(fieldDef(key), row[key]);
  return {
    code: row.code,
    name: row.name,
    unitType: row.unit_type,
    parentName: row.parent_name ?? '',
    status,
    activeHotspots: row.active_hotspots,
    activeModelSites: row.active_model_sites,
    rowVersion: row.row_version ?? 0,
    updatedAt: row.updated_at,
  };
}
