/**
 * The change history: one row per changed cell (or per row created, removed, restored,
 * per period locked or unlocked), grouped by the batch that caused it. Values are JSON.
 * Search folds Vietnamese in SQL through `pcmt_fold`, the same fold as the renderer's
 * quick filter, registered on the connection here (SQLite's LOWER is ASCII-only).
 */
import { foldVietnamese } from '../../shared/domain/text';
import type { Db } from '../connection';

export type HistoryTable = 'commune_statuses' | 'hotspots' | 'model_sites' | 'periods';

export type DbHistoryInsert = {
  batch_id: string;
  at: string;
  user_name: string | null;
  table_name: HistoryTable;
  record_id: string;
  period_id: string | null;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  cause: string;
  reason: string | null;
};

export type DbHistory = DbHistoryInsert & { id: number; record_label: string };

const insertCache = new WeakMap<Db, ReturnType<Db['prepare']>>();

export function insertHistory(db: Db, rows: readonly DbHistoryInsert[]): void {
  let statement = insertCache.get(db);
  if (!statement) {
    statement = db.prepare(
      `INSERT INTO history (batch_id, at, user_name, table_name, record_id, period_id, field, old_value, new_value, cause, reason)
       VALUES (@batch_id, @at, @user_name, @table_name, @record_id, @period_id, @field, @old_value, @new_value, @cause, @reason)`,
    );
    insertCache.set(db, statement);
  }
  for (const row of rows) statement.run(row);
}

export type HistoryFilter = {
  table: HistoryTable | null;
  recordId: string | null;
  periodId: string | null;
  cause: string | null;
  /** Already folded with foldVietnamese; null or empty: no search. */
  search: string | null;
  /** Field keys whose label matches the search. */
  searchFields: readonly string[];
  /** Scheme of the office, to name communes. */
  scheme: string | null;
};

const folding = new WeakSet<Db>();

function registerFold(db: Db): void {
  if (folding.has(db)) return;
  db.function('pcmt_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldVietnamese(text) : text));
  folding.add(db);
}

const LABELLED = `
  WITH labelled AS (
    SELECT h.*, CASE h.table_name
        WHEN 'commune_statuses' THEN coalesce(u.name, h.record_id)
        WHEN 'hotspots' THEN coalesce(hs.local_code, h.record_id)
        WHEN 'model_sites' THEN coalesce(ms.name, h.record_id)
        ELSE h.record_id END AS record_label
    FROM history h
    LEFT JOIN admin_units u ON h.table_name = 'commune_statuses' AND u.scheme = @scheme AND u.level = 'COMMUNE' AND u.code = h.record_id
    LEFT JOIN hotspots hs ON h.table_name = 'hotspots' AND hs.id = h.record_id
    LEFT JOIN model_sites ms ON h.table_name = 'model_sites' AND ms.id = h.record_id
    WHERE (@table IS NULL OR h.table_name = @table)
      AND (@recordId IS NULL OR h.record_id = @recordId)
      AND (@periodId IS NULL OR h.period_id = @periodId)
      AND (@cause IS NULL OR h.cause = @cause))
  SELECT %COLUMNS% FROM labelled
  WHERE @search IS NULL
     OR field IN (SELECT value FROM json_each(@searchFields))
     OR instr(pcmt_fold(record_label || ' ' || coalesce(field, '') || ' ' || coalesce(old_value, '') || ' ' || coalesce(new_value, '')), @search) > 0`;

function params(filter: HistoryFilter): Record<string, string | null> {
  return {
    scheme: filter.scheme,
    table: filter.table,
    recordId: filter.recordId,
    periodId: filter.periodId,
    cause: filter.cause,
    search: filter.search === null || filter.search === '' ? null : filter.search,
    searchFields: JSON.stringify(filter.searchFields),
  };
}

/** Matching entries, newest first, and how many match in all. */
export function listHistory(db: Db, filter: HistoryFilter, limit: number, offset: number): { rows: DbHistory[]; total: number } {
  registerFold(db);
  const p = params(filter);
  const rows = db
    .prepare(`${LABELLED.replace('%COLUMNS%', '*')} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...p, limit, offset }) as DbHistory[];
  const total = (db.prepare(LABELLED.replace('%COLUMNS%', 'count(*) AS n')).get(p) as { n: number }).n;
  return { rows, total };
}

/** The records a batch actually changed (a record counts once, however many of its cells changed). */
export function recordsChangedByBatch(db: Db, batchId: string): { table_name: HistoryTable; record_id: string }[] {
  return db.prepare('SELECT DISTINCT table_name, record_id FROM history WHERE batch_id = ?').all(batchId) as { table_name: HistoryTable; record_id: string }[];
}
