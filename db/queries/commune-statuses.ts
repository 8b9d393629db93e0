/**
 * Commune statuses per period, and the communes under an office. The office may sit at
 * any level (province, old district, commune), so communes are found by walking the
 * parent links down from it, never by assuming a depth.
 */
import { COMMUNE_STATUS_FIELD_KEYS, type CommuneStatusField } from '../../shared/domain/commune-status';
import { activeAtEndSql } from '../../shared/domain/hotspot';
import type { Db } from '../connection';

export type UnitKey = { scheme: string; level: string; code: string };

export type DbStatusColumns = Record<CommuneStatusField, string | number | null>;

export type DbCommuneWithStatus = DbStatusColumns & {
  code: string;
  name: string;
  unit_type: string;
  parent_name: string | null;
  row_version: number | null;
  updated_at: string | null;
  active_hotspots: number;
  active_model_sites: number;
};

const STATUS_COLUMNS = COMMUNE_STATUS_FIELD_KEYS.map((key) => `s.${key}`).join(', ');

/**
 * Per commune: hotspots active at the period's end (the rule of hotspotPeriodFlags'
 * isActiveAtEnd) and model sites it hosts that are active (status unset counts as active).
 */
function countJoins(hotspotCommunes: string, modelHosts: string): string {
  return `
  LEFT JOIN (SELECT h.commune_code, count(*) AS n FROM hotspots h
             WHERE h.scheme = @scheme${hotspotCommunes} AND h.removed_at IS NULL AND ${activeAtEndSql('h', '@endDate')}
             GROUP BY h.commune_code) hc ON hc.commune_code = u.code
  LEFT JOIN (SELECT host_unit_code, count(*) AS n FROM model_sites
             WHERE scheme = @scheme AND host_level = 'COMMUNE'${modelHosts} AND removed_at IS NULL AND (status IS NULL OR status = 'DANG_HOAT_DONG')
             GROUP BY host_unit_code) mc ON mc.host_unit_code = u.code`;
}

const COUNT_JOINS = countJoins('', '');
// A save's answer counts only the communes it shows, on the indexes by commune and by
// host (issue 18: counting the whole scheme made every keystroke cost the whole register).
const CODES = 'SELECT value FROM json_each(@codes)';
const COUNT_JOINS_FOR_CODES = countJoins(` AND h.commune_code IN (${CODES})`, ` AND host_unit_code IN (${CODES})`);

const ROW_COLUMNS = `u.code, u.name, u.unit_type, p.name AS parent_name, ${STATUS_COLUMNS}, s.row_version, s.updated_at,
  coalesce(hc.n, 0) AS active_hotspots, coalesce(mc.n, 0) AS active_model_sites`;

export type PeriodKey = { id: string; endDate: string };

const DESCENDANT_COMMUNES = `
  WITH RECURSIVE below(scheme, level, code) AS (
    SELECT scheme, level, code FROM admin_units WHERE scheme = @scheme AND level = @level AND code = @code
    UNION ALL
    SELECT u.scheme, u.level, u.code FROM admin_units u
    JOIN below b ON u.scheme = b.scheme AND u.parent_level = b.level AND u.parent_code = b.code)`;

/** Communes under (or equal to) the unit, with their status for the period, by parent then code. */
export function listCommunesWithStatus(db: Db, office: UnitKey, period: PeriodKey): DbCommuneWithStatus[] {
  return db
    .prepare(
      `${DESCENDANT_COMMUNES}
       SELECT ${ROW_COLUMNS}
       FROM below b
       JOIN admin_units u ON u.scheme = b.scheme AND u.level = b.level AND u.code = b.code
       LEFT JOIN admin_units p ON p.scheme = u.scheme AND p.level = u.parent_level AND p.code = u.parent_code
       LEFT JOIN commune_statuses s ON s.period_id = @periodId AND s.scheme = u.scheme AND s.commune_code = u.code
       ${COUNT_JOINS}
       WHERE u.level = 'COMMUNE'
       ORDER BY u.parent_code, u.code`,
    )
    .all({ ...office, periodId: period.id, endDate: period.endDate }) as DbCommuneWithStatus[];
}

/** The subset of the given commune codes that lie under the office. */
export function communesUnder(db: Db, office: UnitKey, codes: readonly string[]): Set<string> {
  const rows = db
    .prepare(`${DESCENDANT_COMMUNES} SELECT code FROM below WHERE level = 'COMMUNE' AND code IN (SELECT value FROM json_each(@codes))`)
    .all({ ...office, codes: JSON.stringify(codes) }) as { code: string }[];
  return new Set(rows.map((r) => r.code));
}

export type DbStatusRow = DbStatusColumns & { row_version: number };

/** One commune's stored status for the period, or undefined when nothing was ever entered. */
export function getStatusRow(db: Db, periodId: string, scheme: string, communeCode: string): DbStatusRow | undefined {
  return db
    .prepare(`SELECT ${COMMUNE_STATUS_FIELD_KEYS.join(', ')}, row_version FROM commune_statuses WHERE period_id = ? AND scheme = ? AND commune_code = ?`)
    .get(periodId, scheme, communeCode) as DbStatusRow | undefined;
}

/** Every stored status of a period, keyed by commune code. */
export function listStatusRows(db: Db, periodId: string, scheme: string): Map<string, DbStatusColumns> {
  const rows = db
    .prepare(`SELECT commune_code, ${COMMUNE_STATUS_FIELD_KEYS.join(', ')} FROM commune_statuses WHERE period_id = ? AND scheme = ?`)
    .all(periodId, scheme) as (DbStatusColumns & { commune_code: string })[];
  return new Map(rows.map(({ commune_code, ...values }) => [commune_code, values as DbStatusColumns]));
}

export type StatusRowWrite = { periodId: string; scheme: string; communeCode: string; values: DbStatusColumns; updatedAt: string; updatedBy: string | null };

const upsertCache = new WeakMap<Db, ReturnType<Db['prepare']>>();

/** Writes a commune's whole status row; an existing row's version steps once. */
export function upsertStatusRow(db: Db, write: StatusRowWrite): void {
  let statement = upsertCache.get(db);
  if (!statement) {
    const keys = COMMUNE_STATUS_FIELD_KEYS;
    statement = db.prepare(
      `INSERT INTO commune_statuses (period_id, scheme, commune_code, ${keys.join(', ')}, updated_at, updated_by)
       VALUES (@periodId, @scheme, @communeCode, ${keys.map((k) => `@${k}`).join(', ')}, @updatedAt, @updatedBy)
       ON CONFLICT (period_id, scheme, commune_code) DO UPDATE SET
         ${keys.map((k) => `${k} = excluded.${k}`).join(', ')}, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
         row_version = row_version + 1`,
    );
    upsertCache.set(db, statement);
  }
  const { values, ...rest } = write;
  statement.run({ ...values, ...rest });
}

/** The statement of getCommunesWithStatus (exported for the test of its query plan). */
export const COMMUNES_BY_CODE_SQL = `SELECT ${ROW_COLUMNS}
       FROM admin_units u
       LEFT JOIN admin_units p ON p.scheme = u.scheme AND p.level = u.parent_level AND p.code = u.parent_code
       LEFT JOIN commune_statuses s ON s.period_id = @periodId AND s.scheme = u.scheme AND s.commune_code = u.code
       ${COUNT_JOINS_FOR_CODES}
       WHERE u.scheme = @scheme AND u.level = 'COMMUNE' AND u.code IN (${CODES})
       ORDER BY u.parent_code, u.code`;

/** The given communes with their status for the period (no hierarchy walk: for answering a save). */
export function getCommunesWithStatus(db: Db, scheme: string, codes: readonly string[], period: PeriodKey): DbCommuneWithStatus[] {
  return db
    .prepare(COMMUNES_BY_CODE_SQL)
    .all({ scheme, periodId: period.id, endDate: period.endDate, codes: JSON.stringify(codes) }) as DbCommuneWithStatus[];
}

export function countCommunesUnder(db: Db, office: UnitKey): number {
  const row = db.prepare(`${DESCENDANT_COMMUNES} SELECT count(*) AS n FROM below WHERE level = 'COMMUNE'`).get(office) as { n: number };
  return row.n;
}

/**
 * Whether one commune is under (or equal to) the unit, walking up its parent links: a few
 * rows, where listing the unit's communes reads every one of them (10,047 for a national
 * office, on every typed cell).
 */
export function isCommuneUnder(db: Db, office: UnitKey, communeCode: string): boolean {
  const row = db
    .prepare(
      `WITH RECURSIVE up(level, code) AS (
         SELECT level, code FROM admin_units WHERE scheme = @scheme AND level = 'COMMUNE' AND code = @commune
         UNION ALL
         SELECT u.parent_level, u.parent_code FROM admin_units u JOIN up ON u.scheme = @scheme AND u.level = up.level AND u.code = up.code
         WHERE u.parent_code IS NOT NULL)
       SELECT 1 AS hit FROM up WHERE level = @level AND code = @code LIMIT 1`,
    )
    .get({ ...office, commune: communeCode });
  return row !== undefined;
}

/** Codes of every commune under (or equal to) the unit. */
export function listCommuneCodesUnder(db: Db, office: UnitKey): Set<string> {
  const rows = db.prepare(`${DESCENDANT_COMMUNES} SELECT code FROM below WHERE level = 'COMMUNE'`).all(office) as { code: string }[];
  return new Set(rows.map((r) => r.code));
}
