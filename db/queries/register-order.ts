/**
 * The order of register rows (their rowid: the order they were added, which is the
 * order every list of a register is read in), for keeping a list in that order when
 * single rows change (electron/services/problems-cache.ts).
 */
import type { Db } from '../connection';

export type RegisterTable = 'hotspots' | 'model_sites';

/** The rowids of the scheme's rows that are not removed, in order: the positions of the listed rows. */
export function presentRowids(db: Db, table: RegisterTable, scheme: string): number[] {
  const rows = db.prepare(`SELECT rowid AS n FROM ${table} WHERE scheme = ? AND removed_at IS NULL ORDER BY rowid`).all(scheme) as { n: number }[];
  return rows.map((r) => r.n);
}

/** The rowid of each of the given rows that exists. */
export function rowidsOf(db: Db, table: RegisterTable, ids: readonly string[]): Map<string, number> {
  const rows = db.prepare(`SELECT id, rowid AS n FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** Rows this connection has written since it was opened, and a number that changes whenever another connection commits. */
export function writeCounters(db: Db): { ownChanges: number; dataVersion: number } {
  const own = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  return { ownChanges: own.n, dataVersion: db.pragma('data_version', { simple: true }) as number };
}
