/**
 * Whole-row writes of the two registers (hotspots, model sites). The edit service keeps
 * each touched record as a full row in memory while it checks a batch, then writes it
 * once: one statement per row and one row_version step per batch, whatever the number
 * of cells changed. Statements are cached per connection and column list.
 */
import type { Db } from '../connection';

export type DbValue = string | number | null;
export type RegisterTable = 'hotspots' | 'model_sites';
export type DbRegisterRow = Record<string, DbValue> & { id: string; removed_at: string | null; row_version: number; updated_at: string };

type Statement = ReturnType<Db['prepare']>;
const cache = new WeakMap<Db, Map<string, Statement>>();
const COLUMN = /^[a-z][a-z0-9_]*$/u;

function cached(db: Db, key: string, build: () => string): Statement {
  let byKey = cache.get(db);
  if (!byKey) {
    byKey = new Map();
    cache.set(db, byKey);
  }
  let statement = byKey.get(key);
  if (!statement) {
    statement = db.prepare(build());
    byKey.set(key, statement);
  }
  return statement;
}

function checkColumns(columns: readonly string[]): void {
  // Column names cannot be bound parameters; they come from the field lists, and this keeps it so.
  for (const c of columns) if (!COLUMN.test(c)) throw new Error(`bad column ${c}`);
}

export function insertRegisterRow(db: Db, table: RegisterTable, columns: readonly string[], row: Record<string, DbValue>): void {
  const statement = cached(db, `insert:${table}:${columns.join(',')}`, () => {
    checkColumns(columns);
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  });
  // Positional: an import inserts 50,000 rows, and a named-parameter object per row showed in its profile.
  statement.run(columns.map((c) => row[c] ?? null));
}

/** Writes the given columns of an existing row and steps its row_version once. */
export function updateRegisterRow(db: Db, table: RegisterTable, columns: readonly string[], row: Record<string, DbValue>): void {
  checkColumns(columns);
  const statement = cached(db, `update:${table}:${columns.join(',')}`, () => {
    return `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, row_version = row_version + 1 WHERE id = @id`;
  });
  statement.run({ ...pick(row, columns), id: row.id ?? null });
}

function pick(row: Record<string, DbValue>, columns: readonly string[]): Record<string, DbValue> {
  const out: Record<string, DbValue> = {};
  for (const c of columns) out[c] = row[c] ?? null;
  return out;
}

export function getRegisterRow(db: Db, table: RegisterTable, id: string): DbRegisterRow | undefined {
  return cached(db, `get:${table}`, () => `SELECT * FROM ${table} WHERE id = ?`).get(id) as DbRegisterRow | undefined;
}
