/**
 * Commune statuses per period, and the communes under an office. The office may sit at
 * any level (province, old district, commune), so communes are found by walking the
 * parent links down from it, never by assuming a depth.
 */
import { COMMUNE_STATUS_FIELD_KEYS, type CommuneStatusField } from '../../shared/domain/commune-status';
import type { Db } from '../connection';

export type UnitKey = { scheme: string; level: string; code: string };

type DbStatusColumns = Record<CommuneStatusField, string | number | null>;

export type DbCommuneWithStatus = DbStatusColumns & {
  code: string;
  name: string;
  unit_type: string;
  parent_name: string | null;
  row_version: number | null;
  updated_at: string | null;
};

const STATUS_COLUMNS = COMMUNE_STATUS_FIELD_KEYS.map((key) => `s.${key}`).join(', ');

const DESCENDANT_COMMUNES = `
  WITH RECURSIVE below(scheme, level, code) AS (
    SELECT scheme, level, code FROM admin_units WHERE scheme = @scheme AND level = @level AND code = @code
    UNION ALL
    SELECT u.scheme, u.level, u.code FROM admin_units u
    JOIN below b ON u.scheme = b.scheme AND u.parent_level = b.level AND u.parent_code = b.code)`;

/** Communes under (or equal to) the unit, with their status for the period, by parent then code. */
export function listCommunesWithStatus(db: Db, office: UnitKey, periodId: string): DbCommuneWithStatus[] {
  return db
    .prepare(
      `${DESCENDANT_COMMUNES}
       SELECT u.code, u.name, u.unit_type, p.name AS parent_name, ${STATUS_COLUMNS}, s.row_version, s.updated_at
       FROM below b
       JOIN admin_units u ON u.scheme = b.scheme AND u.level = b.level AND u.code = b.code
       LEFT JOIN admin_units p ON p.scheme = u.scheme AND p.level = u.parent_level AND p.code = u.parent_code
       LEFT JOIN commune_statuses s ON s.period_id = @periodId AND s.scheme = u.scheme AND s.commune_code = u.code
       WHERE u.level = 'COMMUNE'
       ORDER BY u.parent_code, u.code`,
    )
    .all({ ...office, periodId }) as DbCommuneWithStatus[];
}

/** The subset of the given commune codes that lie under the office. */
export function communesUnder(db: Db, office: UnitKey, codes: readonly string[]): Set<string> {
  const rows = db
    .prepare(`${DESCENDANT_COMMUNES} SELECT code FROM below WHERE level = 'COMMUNE' AND code IN (SELECT value FROM json_each(@codes))`)
    .all({ ...office, codes: JSON.stringify(codes) }) as { code: string }[];
  return new Set(rows.map((r) => r.code));
}

export type StatusWrite = {
  periodId: string;
  scheme: string;
  communeCode: string;
  field: CommuneStatusField;
  value: string | number | null;
  updatedAt: string;
  updatedBy: string | null;
};

const upsertCache = new WeakMap<Db, Map<CommuneStatusField, ReturnType<Db['prepare']>>>();

function upsertStatement(db: Db, field: CommuneStatusField): ReturnType<Db['prepare']> {
  let byField = upsertCache.get(db);
  if (!byField) {
    byField = new Map();
    upsertCache.set(db, byField);
  }
  let statement = byField.get(field);
  if (!statement) {
    // Column names cannot be bound parameters; `field` is one of the known keys (typed and checked by the caller).
    if (!COMMUNE_STATUS_FIELD_KEYS.includes(field)) throw new Error(`unknown field ${field}`);
    statement = db.prepare(
      `INSERT INTO commune_statuses (period_id, scheme, commune_code, ${field}, updated_at, updated_by)
       VALUES (@periodId, @scheme, @communeCode, @value, @updatedAt, @updatedBy)
       ON CONFLICT (period_id, scheme, commune_code) DO UPDATE SET
         ${field} = excluded.${field}, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
         row_version = row_version + 1`,
    );
    byField.set(field, statement);
  }
  return statement;
}

/** Writes one field of one commune's status; call inside a transaction for several. */
export function writeStatusField(db: Db, write: StatusWrite): void {
  upsertStatement(db, write.field).run(write);
}

/** The given communes with their status for the period (no hierarchy walk: for answering a save). */
export function getCommunesWithStatus(db: Db, scheme: string, codes: readonly string[], periodId: string): DbCommuneWithStatus[] {
  return db
    .prepare(
      `SELECT u.code, u.name, u.unit_type, p.name AS parent_name, ${STATUS_COLUMNS}, s.row_version, s.updated_at
       FROM admin_units u
       LEFT JOIN admin_units p ON p.scheme = u.scheme AND p.level = u.parent_level AND p.code = u.parent_code
       LEFT JOIN commune_statuses s ON s.period_id = @periodId AND s.scheme = u.scheme AND s.commune_code = u.code
       WHERE u.scheme = @scheme AND u.level = 'COMMUNE' AND u.code IN (SELECT value FROM json_each(@codes))
       ORDER BY u.parent_code, u.code`,
    )
    .all({ scheme, periodId, codes: JSON.stringify(codes) }) as DbCommuneWithStatus[];
}

export function countCommunesUnder(db: Db, office: UnitKey): number {
  const row = db.prepare(`${DESCENDANT_COMMUNES} SELECT count(*) AS n FROM below WHERE level = 'COMMUNE'`).get(office) as { n: number };
  return row.n;
}
