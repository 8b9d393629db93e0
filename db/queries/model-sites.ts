/** The model-site register. Rows are never deleted: removal sets removed_at (restorable, recorded). */
import type { Db } from '../connection';
import type { DbRegisterRow } from './register-rows';

export type DbModelSiteWithHost = DbRegisterRow & { host_unit_name: string | null };

const SELECT = `SELECT m.*, u.name AS host_unit_name FROM model_sites m
  LEFT JOIN admin_units u ON u.scheme = m.scheme AND u.level = m.host_level AND u.code = m.host_unit_code`;

/** Every model site of the scheme in the order they were added. */
export function listModelSites(db: Db, scheme: string, isRemovedIncluded: boolean): DbModelSiteWithHost[] {
  return db
    .prepare(`${SELECT} WHERE m.scheme = ? AND (m.removed_at IS NULL OR ?) ORDER BY m.rowid`)
    .all(scheme, isRemovedIncluded ? 1 : 0) as DbModelSiteWithHost[];
}

export function getModelSitesByIds(db: Db, ids: readonly string[]): DbModelSiteWithHost[] {
  return db
    .prepare(`${SELECT} WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.rowid`)
    .all(JSON.stringify(ids)) as DbModelSiteWithHost[];
}
