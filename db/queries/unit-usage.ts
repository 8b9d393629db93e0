/**
 * How many of the office's records refer to each unit. A unit-list import that renames a
 * unit or moves it out of the office changes what those records mean, so it needs the
 * user's confirmation (issue 10 item 8).
 */
import type { Db } from '../connection';

/** Records per unit of `scheme`, keyed `LEVEL:code`; units without records are absent. */
export function countRecordsByUnit(db: Db, scheme: string): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT level, code, sum(n) AS n FROM (
         SELECT level, commune_code AS code, count(*) AS n FROM commune_statuses WHERE scheme = ? GROUP BY level, commune_code
         UNION ALL
         SELECT level, commune_code, count(*) FROM hotspots WHERE scheme = ? GROUP BY level, commune_code
         UNION ALL
         SELECT host_level, host_unit_code, count(*) FROM model_sites WHERE scheme = ? GROUP BY host_level, host_unit_code)
       GROUP BY level, code`,
    )
    .all(scheme, scheme, scheme) as { level: string; code: string; n: number }[];
  return new Map(rows.map((r) => [`${r.level}:${r.code}`, r.n]));
}
