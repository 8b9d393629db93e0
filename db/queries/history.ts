/**
 * The change history: one entry per changed cell (or per row created, removed, restored,
 * per period locked or unlocked), grouped by the batch that caused it. Values are JSON.
 * A created row's filled fields are stored inside its create entry (migration 6) and
 * read back as entries of their own through `v_history`; read the view, never the table.
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
  /** A create entry's filled fields: a JSON array of `count` [field, value] pairs, each shown as an entry of its own with this cause. */
  fields?: { json: string; count: number; cause: string };
};

export type DbHistory = Omit<DbHistoryInsert, 'fields'> & { id: number; record_label: string };

function prepareInsert(db: Db) {
  return {
    insert: db.prepare<unknown[]>(
      `INSERT INTO history (id, batch_id, at, user_name, table_name, record_id, period_id, field, old_value, new_value, cause, reason, fields, fields_cause)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    lastId: db.prepare<[], number>('SELECT coalesce(max(id), 0) AS n FROM history').pluck(),
  };
}

const insertCache = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

/**
 * Inserts the entries in order. A create entry with fields takes the id its last field
 * entry would have had as a row of its own, so v_history shows the ids the per-cell
 * encoding gave (call inside the writing transaction: the ids are counted from max(id)).
 */
export function insertHistory(db: Db, rows: readonly DbHistoryInsert[]): void {
  let cached = insertCache.get(db);
  if (!cached) {
    cached = prepareInsert(db);
    insertCache.set(db, cached);
  }
  if (rows.length === 0) return;
  let next = (cached.lastId.get() ?? 0) + 1;
  for (const r of rows) {
    const id = next + (r.fields?.count ?? 0);
    cached.insert.run(id, r.batch_id, r.at, r.user_name, r.table_name, r.record_id, r.period_id, r.field, r.old_value, r.new_value, r.cause, r.reason, r.fields?.json ?? null, r.fields?.cause ?? null);
    next = id + 1;
  }
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
    FROM v_history h
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
  return db.prepare('SELECT DISTINCT table_name, record_id FROM v_history WHERE batch_id = ?').all(batchId) as { table_name: HistoryTable; record_id: string }[];
}
