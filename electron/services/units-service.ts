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
import { getOffice as getOfficeRow } from '../../db/queries/office';
import { countRecordsByUnit } from '../../db/queries/unit-usage';
import type { SchemeSummary, UnitImportSummary, UnitMove, UnitRow } from '../../shared/api/contract';
import { MAX_UNIT_LIST_BYTES } from '../../shared/api/schemas';
import { SCHEME_CODES, type SchemeCode, type UnitLevel } from '../../shared/domain/admin-units';
import { foldVietnamese } from '../../shared/domain/text';
import type { ParsedUnitList } from '../../shared/domain/unit-list';
import { AppError } from '../../shared/errors';
import type { ReadOptions } from './spreadsheet/read-workbook';
import { readUnitJson, readUnitList, type UnitListFormat } from './unit-list-reader';
import { backupBeforeImport } from './backup-service';
import { language, nowIso, type Workspace } from './workspace';

function isSame(a: DbAdminUnit, b: DbAdminUnit): boolean {
  return a.name === b.name && a.unit_type === b.unit_type && a.parent_level === b.parent_level && a.parent_code === b.parent_code;
}

function counts(ws: Workspace, scheme: SchemeCode): { provinces: number; districts: number; communes: number } {
  const byLevel = countUnitsByLevel(ws.db, scheme);
  return { provinces: byLevel.PROVINCE ?? 0, districts: byLevel.DISTRICT ?? 0, communes: byLevel.COMMUNE ?? 0 };
}

type UnitKey = { level: string; code: string };
const keyOf = (u: UnitKey): string => `${u.level}:${u.code}`;

/** Whether `key` sits under `office` in `units` (the hierarchy as it would be after the import). */
function isUnder(units: Map<string, DbAdminUnit>, key: string, office: string): boolean {
  let unit = units.get(key);
  // Parent links are data; the depth bound stops a cycle in a hostile list from looping.
  for (let depth = 0; unit !== undefined && depth < 10; depth++) {
    if (keyOf(unit) === office) return true;
    unit = unit.parent_level === null || unit.parent_code === null ? undefined : units.get(`${unit.parent_level}:${unit.parent_code}`);
  }
  return false;
}

/** Renames and moves out of the office, among `toWrite`, of units that hold the office's records. */
function findMoves(ws: Workspace, scheme: SchemeCode, existing: Map<string, DbAdminUnit>, toWrite: DbAdminUnit[]): UnitMove[] {
  const records = countRecordsByUnit(ws.db, scheme);
  if (records.size === 0) return [];
  const office = getOfficeRow(ws.db);
  const officeKey = office?.scheme === scheme ? keyOf(office) : null;
  const after = new Map(existing);
  for (const row of toWrite) after.set(keyOf(row), row);
  const moves: UnitMove[] = [];
  for (const row of toWrite) {
    const previous = existing.get(keyOf(row));
    const count = records.get(keyOf(row)) ?? 0;
    if (previous === undefined || count === 0) continue;
    const isRenamed = previous.name !== row.name;
    const isReparented = previous.parent_level !== row.parent_level || previous.parent_code !== row.parent_code;
    // Without an office in this scheme, any new parent may take the unit out of it.
    const isMovedOut = isReparented && (officeKey === null || (isUnder(existing, keyOf(row), officeKey) && !isUnder(after, keyOf(row), officeKey)));
    if (isRenamed || isMovedOut) {
      moves.push({ level: row.level as UnitLevel, code: row.code, name: previous.name, newName: row.name, isRenamed, isMovedOut, records: count });
    }
  }
  return moves;
}

/**
 * Imports a unit list. Only added or changed units are written; a repeat import writes
 * nothing. A list that renames a unit holding the office's records, or moves it out of
 * the office, is applied only with `isMoveConfirmed`; otherwise nothing is stored and the
 * summary lists those units.
 */
export async function importUnitList(
  ws: Workspace,
  bytes: Uint8Array,
  fileName: string,
  options: { isMoveConfirmed?: boolean } & ReadOptions = {},
): Promise<UnitImportSummary> {
  checkListSize(bytes, fileName);
  return importParsedUnitList(ws, await readUnitList(bytes, fileName, options), originOf(bytes, fileName), options.isMoveConfirmed === true);
}

/** The JSON list needs no spreadsheet parse, so set-up scripts and fixtures can import it synchronously. */
export function importUnitJson(ws: Workspace, bytes: Uint8Array, fileName: string, options: { isMoveConfirmed?: boolean } = {}): UnitImportSummary {
  checkListSize(bytes, fileName);
  return importParsedUnitList(ws, { format: 'json', list: readUnitJson(bytes, fileName) }, originOf(bytes, fileName), options.isMoveConfirmed === true);
}

/** The file a list was read from, as the import log records it. */
export type UnitListOrigin = { fileName: string; sha256: string };

function originOf(bytes: Uint8Array, fileName: string): UnitListOrigin {
  return { fileName, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function checkListSize(bytes: Uint8Array, fileName: string): void {
  if (bytes.length > MAX_UNIT_LIST_BYTES) {
    throw new AppError('UNITS_FILE_TOO_LARGE', { file: fileName, sizeMb: Math.ceil(bytes.length / 1048576), maxMb: MAX_UNIT_LIST_BYTES / 1048576 });
  }
}

/** A list already read (a file, or a list shipped with the app): diffed against the workspace and stored all or nothing. */
export function importParsedUnitList(
  ws: Workspace,
  { format, list }: { format: UnitListFormat; list: ParsedUnitList },
  { fileName, sha256 }: UnitListOrigin,
  isMoveConfirmed: boolean,
): UnitImportSummary {
  const existing = new Map(listUnitsOfScheme(ws.db, list.scheme).map((u) => [keyOf(u), u]));
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
    const previous = existing.get(keyOf(row));
    if (!previous) added += 1;
    else if (!isSame(previous, row)) changed += 1;
    else continue;
    toWrite.push(row);
  }
  const unchanged = list.units.length - added - changed;
  const moves = findMoves(ws, list.scheme, existing, toWrite);
  const isApplied = moves.length === 0 || isMoveConfirmed;
  if (isApplied && toWrite.length > 0) {
    backupBeforeImport(ws);
    ws.db.transaction(() => {
      upsertUnits(ws.db, toWrite);
      recordUnitImport(ws.db, { scheme: list.scheme, file_name: fileName, format, sha256, imported_at: nowIso(), added, changed, unchanged });
    })();
  }
  return { scheme: list.scheme, ...counts(ws, list.scheme), added, changed, unchanged, format, isApplied, moves };
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
