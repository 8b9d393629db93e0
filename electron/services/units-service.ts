/**
 * Administrative units: importing an official list (all or nothing, idempotent) and
 * browsing the hierarchy for office set-up.
 */
import { createHash } from 'node:crypto';
import {
  countUnitsByLevel,
  listChildren,
  listSchemes,
  listUnitsOfScheme,
  recordUnitImport,
  upsertUnits,
  type DbAdminUnit,
} from '../../db/queries/admin-units';
import type { SchemeSummary, UnitImportSummary, UnitRow } from '../../shared/api/contract';
import { MAX_UNIT_LIST_BYTES } from '../../shared/api/schemas';
import { SCHEME_CODES, type SchemeCode, type UnitLevel } from '../../shared/domain/admin-units';
import { foldVietnamese } from '../../shared/domain/text';
import { AppError } from '../../shared/errors';
import { readUnitList } from './unit-list-reader';
import { language, nowIso, type Workspace } from './workspace';

function isSame(a: DbAdminUnit, b: DbAdminUnit): boolean {
  return a.name === b.name && a.unit_type === b.unit_type && a.parent_level === b.parent_level && a.parent_code === b.parent_code;
}

function counts(ws: Workspace, scheme: SchemeCode): { provinces: number; districts: number; communes: number } {
  const byLevel = countUnitsByLevel(ws.db, scheme);
  return { provinces: byLevel.PROVINCE ?? 0, districts: byLevel.DISTRICT ?? 0, communes: byLevel.COMMUNE ?? 0 };
}

/** Imports a unit list. Only added or changed units are written; a repeat import writes nothing. */
export function importUnitList(ws: Workspace, bytes: Uint8Array, fileName: string): UnitImportSummary {
  if (bytes.length > MAX_UNIT_LIST_BYTES) {
    throw new AppError('UNITS_FILE_TOO_LARGE', { file: fileName, sizeMb: Math.ceil(bytes.length / 1048576), maxMb: MAX_UNIT_LIST_BYTES / 1048576 });
  }
  const { format, list } = readUnitList(bytes, fileName);
  const existing = new Map(listUnitsOfScheme(ws.db, list.scheme).map((u) => [`${u.level}:${u.code}`, u]));
  const toWrite: DbAdminUnit[] = [];
  let added = 0;
  let changed = 0;
  for (const unit of list.units) {
    const row: DbAdminUnit = {
      scheme: list.scheme,
      level: unit.level,
      code: unit.code,
      name: unit.name,
      search_name: foldVietnamese(unit.name),
      unit_type: unit.unitType,
      parent_level: unit.parentLevel,
      parent_code: unit.parentCode,
    };
    const previous = existing.get(`${unit.level}:${unit.code}`);
    if (!previous) added += 1;
    else if (!isSame(previous, row)) changed += 1;
    else continue;
    toWrite.push(row);
  }
  const unchanged = list.units.length - added - changed;
  if (toWrite.length > 0) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    ws.db.transaction(() => {
      upsertUnits(ws.db, toWrite);
      recordUnitImport(ws.db, { scheme: list.scheme, file_name: fileName, format, sha256, imported_at: nowIso(), added, changed, unchanged });
    })();
  }
  return { scheme: list.scheme, ...counts(ws, list.scheme), added, changed, unchanged, format };
}

export function listSchemeSummaries(ws: Workspace): SchemeSummary[] {
  const lang = language(ws);
  return listSchemes(ws.db)
    .filter((s): s is typeof s & { code: SchemeCode } => (SCHEME_CODES as readonly string[]).includes(s.code))
    .map((s) => ({
      code: s.code,
      name: lang === 'en' ? s.name_en : s.name_vi,
      levels: JSON.parse(s.levels) as UnitLevel[],
      ...counts(ws, s.code),
    }));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function listChildUnits(ws: Workspace, scheme: SchemeCode, parentLevel: UnitLevel | null, parentCode: string | null): UnitRow[] {
  return listChildren(ws.db, scheme, parentLevel, parentCode)
    .map((u) => ({ scheme, level: u.level as UnitLevel, code: u.code, name: u.name, unitType: u.unit_type, childCount: u.child_count }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
