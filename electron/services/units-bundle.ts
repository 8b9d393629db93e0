/**
 * The official unit lists that ship with the app (issue 15 item 3), so a first run needs
 * no file: one compact gzip'd JSON, `assets/units/units-vn.json.gz`, made by
 * `scripts/build-units-bundle.ts` from the lists in ../shared/data and naming each source
 * file, its sha256 and the date it describes. Importing a bundled list goes through the
 * same all-or-nothing path as importing the file itself.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { UnitImportSummary } from '../../shared/api/contract';
import { SCHEME_CODES, type ParsedUnit, type SchemeCode, type UnitLevel } from '../../shared/domain/admin-units';
import type { ParsedUnitList } from '../../shared/domain/unit-list';
import { AppError } from '../../shared/errors';
import { importParsedUnitList } from './units-service';
import type { Workspace } from './workspace';

export const BUNDLE_FORMAT = 1;

/** Where a list came from: the file in ../shared/data, its hash, and the day it describes. */
export type BundleSource = { scheme: SchemeCode; file: string; sha256: string; asOf: string; description: string };

/** level initial, code, name, unit type, parent code (the parent's level follows from the scheme). */
type CompactUnit = [string, string, string, string, string | null];

export type UnitBundle = { format: number; sources: BundleSource[]; lists: Partial<Record<SchemeCode, CompactUnit[]>> };

const LEVEL_OF: Record<string, UnitLevel> = { P: 'PROVINCE', D: 'DISTRICT', C: 'COMMUNE' };
const UNIT_ORDER: Record<UnitLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };

function parentLevel(scheme: SchemeCode, level: UnitLevel): UnitLevel | null {
  if (level === 'PROVINCE') return null;
  if (level === 'DISTRICT') return 'PROVINCE';
  return scheme === 'GSO_2004' ? 'DISTRICT' : 'PROVINCE';
}

/** The bundle's bytes; deterministic (sorted units, gzip without a time stamp), so a rebuild from the same files is identical. */
export function encodeUnitBundle(sources: BundleSource[], lists: ParsedUnitList[]): Buffer {
  const compact: Partial<Record<SchemeCode, CompactUnit[]>> = {};
  for (const list of lists) {
    const units = [...list.units].sort((a, b) => (a.level === b.level ? a.code.localeCompare(b.code) : UNIT_ORDER[a.level] - UNIT_ORDER[b.level]));
    compact[list.scheme] = units.map((u) => [u.level.charAt(0), u.code, u.name, u.unitType, u.parentCode]);
  }
  const bundle: UnitBundle = { format: BUNDLE_FORMAT, sources, lists: compact };
  return gzipSync(Buffer.from(JSON.stringify(bundle), 'utf8'), { level: 9 });
}

/** assets/units beside the sources (tsx, tests) or beside the bundled main (dist-electron/). */
export function unitsBundlePath(): string {
  const env = process.env['PCMT_UNITS_BUNDLE'];
  if (env !== undefined && env !== '') return env;
  const relative = import.meta.url.endsWith('.ts') ? '../../assets/units/units-vn.json.gz' : '../assets/units/units-vn.json.gz';
  return fileURLToPath(new URL(relative, import.meta.url));
}

let cached: { path: string; bundle: UnitBundle } | null = null;

/** The shipped bundle, read once; a missing or damaged one is the installation's fault, said as such. */
export function readUnitsBundle(file = unitsBundlePath()): UnitBundle {
  if (cached?.path === file) return cached.bundle;
  let bundle: UnitBundle;
  try {
    bundle = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as UnitBundle;
  } catch {
    throw new AppError('UNITS_BUNDLE_MISSING', { file });
  }
  if (bundle.format !== BUNDLE_FORMAT || !Array.isArray(bundle.sources)) throw new AppError('UNITS_BUNDLE_MISSING', { file });
  cached = { path: file, bundle };
  return bundle;
}

/** A bundled list as the readers give it. */
export function bundledUnitList(bundle: UnitBundle, scheme: SchemeCode): ParsedUnitList | null {
  const rows = bundle.lists[scheme];
  if (rows === undefined) return null;
  const units: ParsedUnit[] = rows.map(([initial, code, name, unitType, parentCode]) => {
    const level = LEVEL_OF[initial] ?? 'COMMUNE';
    return { level, code, name, unitType, parentLevel: parentCode === null ? null : parentLevel(scheme, level), parentCode };
  });
  return { scheme, units };
}

export type BundledList = { scheme: SchemeCode; asOf: string; file: string; provinces: number; districts: number; communes: number };

/** What the first screen offers: each shipped list with its date and counts. */
export function listBundledUnits(): BundledList[] {
  const bundle = readUnitsBundle();
  return SCHEME_CODES.flatMap((scheme) => {
    const source = bundle.sources.find((s) => s.scheme === scheme);
    const rows = bundle.lists[scheme];
    if (source === undefined || rows === undefined) return [];
    const count = (initial: string) => rows.filter((r) => r[0] === initial).length;
    return [{ scheme, asOf: source.asOf, file: source.file, provinces: count('P'), districts: count('D'), communes: count('C') }];
  });
}

/** Imports a shipped list into the workspace (same checks and all-or-nothing as a file). */
export function importBundledUnits(ws: Workspace, scheme: SchemeCode, options: { isMoveConfirmed?: boolean } = {}): UnitImportSummary {
  const file = unitsBundlePath();
  const bundle = readUnitsBundle(file);
  const list = bundledUnitList(bundle, scheme);
  const source = bundle.sources.find((s) => s.scheme === scheme);
  if (list === null || source === undefined) throw new AppError('UNITS_BUNDLE_MISSING', { file });
  // The import log names the official file the list was made from, and its hash.
  return importParsedUnitList(ws, { format: 'json', list }, { fileName: source.file, sha256: source.sha256 }, options.isMoveConfirmed === true);
}
