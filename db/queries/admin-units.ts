/** Administrative units and schemes. Parent links are data: no query assumes a depth. */
import type { Db } from '../connection';

export type DbAdminUnit = {
  scheme: string;
  level: string;
  code: string;
  name: string;
  search_name: string;
  unit_type: string;
  parent_level: string | null;
  parent_code: string | null;
};

export type DbScheme = { code: string; name_vi: string; name_en: string; levels: string };

export function listSchemes(db: Db): DbScheme[] {
  return db.prepare('SELECT code, name_vi, name_en, levels FROM admin_schemes ORDER BY code').all() as DbScheme[];
}

export function countUnitsByLevel(db: Db, scheme: string): Record<string, number> {
  const rows = db.prepare('SELECT level, count(*) AS n FROM admin_units WHERE scheme = ? GROUP BY level').all(scheme) as {
    level: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.level, r.n]));
}

export function listUnitsOfScheme(db: Db, scheme: string): DbAdminUnit[] {
  return db.prepare('SELECT * FROM admin_units WHERE scheme = ?').all(scheme) as DbAdminUnit[];
}

export function getUnit(db: Db, scheme: string, level: string, code: string): DbAdminUnit | undefined {
  return db.prepare('SELECT * FROM admin_units WHERE scheme = ? AND level = ? AND code = ?').get(scheme, level, code) as
    | DbAdminUnit
    | undefined;
}

export type DbUnitWithChildren = DbAdminUnit & { child_count: number };

export function listChildren(db: Db, scheme: string, parentLevel: string | null, parentCode: string | null): DbUnitWithChildren[] {
  return db
    .prepare(
      `SELECT u.*, (SELECT count(*) FROM admin_units c
                     WHERE c.scheme = u.scheme AND c.parent_level = u.level AND c.parent_code = u.code) AS child_count
       FROM admin_units u
       WHERE u.scheme = ? AND u.parent_level IS ? AND u.parent_code IS ?`,
    )
    .all(scheme, parentLevel, parentCode) as DbUnitWithChildren[];
}

/** The chain of units above a unit, nearest first. */
export function listAncestors(db: Db, unit: DbAdminUnit): DbAdminUnit[] {
  return db
    .prepare(
      `WITH RECURSIVE up(scheme, level, code, depth) AS (
         SELECT scheme, parent_level, parent_code, 1 FROM admin_units WHERE scheme = ? AND level = ? AND code = ?
         UNION ALL
         SELECT u.scheme, u.parent_level, u.parent_code, up.depth + 1
         FROM admin_units u JOIN up ON u.scheme = up.scheme AND u.level = up.level AND u.code = up.code
         WHERE u.parent_code IS NOT NULL)
       SELECT a.* FROM up JOIN admin_units a ON a.scheme = up.scheme AND a.level = up.level AND a.code = up.code
       ORDER BY up.depth`,
    )
    .all(unit.scheme, unit.level, unit.code) as DbAdminUnit[];
}

/** Writes added and changed units in one transaction, parents before children. */
export function upsertUnits(db: Db, units: readonly DbAdminUnit[]): void {
  const statement = db.prepare(
    `INSERT INTO admin_units (scheme, level, code, name, search_name, unit_type, parent_level, parent_code)
     VALUES (@scheme, @level, @code, @name, @search_name, @unit_type, @parent_level, @parent_code)
     ON CONFLICT (scheme, level, code) DO UPDATE SET
       name = excluded.name, search_name = excluded.search_name, unit_type = excluded.unit_type,
       parent_level = excluded.parent_level, parent_code = excluded.parent_code`,
  );
  for (const unit of units) statement.run(unit);
}

export type DbUnitImport = {
  scheme: string;
  file_name: string;
  format: string;
  sha256: string;
  imported_at: string;
  added: number;
  changed: number;
  unchanged: number;
};

export function recordUnitImport(db: Db, entry: DbUnitImport): void {
  db.prepare(
    `INSERT INTO unit_list_imports (scheme, file_name, format, sha256, imported_at, added, changed, unchanged)
     VALUES (@scheme, @file_name, @format, @sha256, @imported_at, @added, @changed, @unchanged)`,
  ).run(entry);
}

/** The unit and every unit under it, each with its number of children; the unit first, then by depth and code. */
export function listUnitsUnder(db: Db, scheme: string, level: string, code: string): (DbUnitWithChildren & { depth: number })[] {
  return db
    .prepare(
      `WITH RECURSIVE below(scheme, level, code, depth) AS (
         SELECT scheme, level, code, 0 FROM admin_units WHERE scheme = @scheme AND level = @level AND code = @code
         UNION ALL
         SELECT u.scheme, u.level, u.code, b.depth + 1 FROM admin_units u
         JOIN below b ON u.scheme = b.scheme AND u.parent_level = b.level AND u.parent_code = b.code)
       SELECT a.*, b.depth, (SELECT count(*) FROM admin_units c
                               WHERE c.scheme = a.scheme AND c.parent_level = a.level AND c.parent_code = a.code) AS child_count
       FROM below b JOIN admin_units a ON a.scheme = b.scheme AND a.level = b.level AND a.code = b.code
       ORDER BY b.depth, a.parent_code, a.code`,
    )
    .all({ scheme, level, code }) as (DbUnitWithChildren & { depth: number })[];
}
