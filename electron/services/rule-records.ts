/**
 * A stored record as the rules engine sees it (RuleCommune, RuleHotspot, RuleModelSite):
 * one mapping for the full build of a period's context and for the records an edit
 * touched (problems-cache.ts), so both see the same thing.
 */
import type { DbCommuneWithStatus } from '../../db/queries/commune-statuses';
import type { HotspotRow, ModelSiteRow } from '../../shared/api/register-types';
import type { RuleCommune, RuleHotspot, RuleModelSite } from '../../shared/domain/rules';
import { toCommuneRow } from './commune-rows';

/** The office's units: each one's parent and name, for the communes' district (M2). */
export type UnitNames = { parentOf: ReadonlyMap<string, string | null>; nameOf: ReadonlyMap<string, string> };

export function unitNames(units: readonly { code: string; name: string; parent_code: string | null }[]): UnitNames {
  return { parentOf: new Map(units.map((u) => [u.code, u.parent_code])), nameOf: new Map(units.map((u) => [u.code, u.name])) };
}

/** A commune with nothing ever entered for the period has no status (not an empty one). */
export function toRuleCommune(row: DbCommuneWithStatus, units: UnitNames): RuleCommune {
  const r = toCommuneRow(row);
  const parentCode = units.parentOf.get(r.code) ?? null;
  return { code: r.code, name: r.name, unitType: r.unitType, parentCode, parentName: parentCode === null ? '' : (units.nameOf.get(parentCode) ?? r.parentName), status: r.rowVersion > 0 ? r.status : null };
}

export function toRuleHotspot(h: HotspotRow): RuleHotspot {
  return { id: h.id, label: typeof h.values.local_code === 'string' ? h.values.local_code : h.id, values: h.values, flags: h.flags };
}

export function toRuleModelSite(m: ModelSiteRow): RuleModelSite {
  return { id: m.id, label: typeof m.values.name === 'string' ? m.values.name : m.id, values: m.values };
}
