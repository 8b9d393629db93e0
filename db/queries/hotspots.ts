/**
 * The hotspot register. Rows are never deleted: removal sets removed_at (restorable,
 * recorded). The sheet's rows are built as JSON by SQLite itself: with 30,000 hotspots,
 * materialising 30 columns per row as JS values costs several times more than one
 * JSON.parse of the same data, and the sheet must open fast.
 */
import { activeAtEndSql, HOTSPOT_FIELDS } from '../../shared/domain/hotspot';
import type { Db } from '../connection';

const VALUES = HOTSPOT_FIELDS.map((f) => (f.kind.type === 'set' ? `'${f.key}', json(h.${f.key})` : `'${f.key}', h.${f.key}`)).join(', ');

function bool(condition: string): string {
  return `json(CASE WHEN ${condition} THEN 'true' ELSE 'false' END)`;
}

// The same rules as hotspotPeriodFlags in shared/domain/hotspot.ts (a test checks they agree).
const FOUND = "coalesce(h.discovered_date, '0000-01-01')";
const ROW_JSON = `json_object('id', h.id, 'values', json_object(${VALUES}), 'communeName', coalesce(u.name, ''),
  'flags', json_object(
    'isActiveAtStart', ${bool(`${FOUND} < @start AND (h.eliminated_date IS NULL OR h.eliminated_date >= @start)`)},
    'isNew', ${bool('h.discovered_date BETWEEN @start AND @end')},
    'isEliminated', ${bool('h.eliminated_date BETWEEN @start AND @end')},
    'isActiveAtEnd', ${bool(activeAtEndSql('h', '@end'))}),
  'isRemoved', ${bool('h.removed_at IS NOT NULL')}, 'rowVersion', h.row_version, 'updatedAt', h.updated_at)`;

export type HotspotRowsQuery = { scheme: string; start: string; end: string } & ({ isRemovedIncluded: boolean } | { ids: readonly string[] });

function rowsSql(where: string): string {
  return `SELECT coalesce(json_group_array(${ROW_JSON}), '[]') AS rows
       FROM (SELECT * FROM hotspots WHERE ${where} ORDER BY rowid) h
       LEFT JOIN admin_units u ON u.scheme = h.scheme AND u.level = 'COMMUNE' AND u.code = h.commune_code`;
}

/**
 * The rows of given hotspots (a save's answer, the records a Problems check reads again).
 * Unary + keeps SQLite off the (scheme, commune) index, by which it read the whole
 * register for one row (issue 18: a typed cell took the time of 30,000 hotspots).
 */
export const HOTSPOT_ROWS_BY_ID_SQL = rowsSql('id IN (SELECT value FROM json_each(@ids)) AND +scheme = @scheme');
const ALL_ROWS_SQL = rowsSql('scheme = @scheme AND (removed_at IS NULL OR @isRemovedIncluded)');

/** The sheet's rows (HotspotRow objects) as one JSON array, in the order they were added. */
export function hotspotRowsJson(db: Db, query: HotspotRowsQuery): string {
  const params = {
    scheme: query.scheme,
    start: query.start,
    end: query.end,
    ...('ids' in query ? { ids: JSON.stringify(query.ids) } : { isRemovedIncluded: query.isRemovedIncluded ? 1 : 0 }),
  };
  const row = db.prepare('ids' in query ? HOTSPOT_ROWS_BY_ID_SQL : ALL_ROWS_SQL).get(params) as { rows: string };
  return row.rows;
}

export function isLocalCodeTaken(db: Db, localCode: string): boolean {
  return db.prepare('SELECT 1 FROM hotspots WHERE local_code = ?').get(localCode) !== undefined;
}

/** The highest sequence number used after `prefix` (e.g. "00454-2025-"), 0 when none. */
export function lastLocalCodeNumber(db: Db, prefix: string): number {
  const row = db
    .prepare(
      `SELECT max(CAST(substr(local_code, length(@prefix) + 1) AS INTEGER)) AS n FROM hotspots
       WHERE local_code >= @prefix AND local_code < @prefix || '~' AND substr(local_code, length(@prefix) + 1) GLOB '[0-9]*'`,
    )
    .get({ prefix }) as { n: number | null };
  return row.n ?? 0;
}
