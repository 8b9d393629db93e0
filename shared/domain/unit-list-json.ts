/**
 * Reading the nested JSON of the dvhcvn project: `{ data: [ { level1_id, name, type,
 * level2s: [ { level2_id, name, type, level3s: [...] } ] } ] }`. A level-2 entry with
 * its own `level3s` is a district (the pre-2025 list); one with a 5-digit id and no
 * children is a commune directly under the province (the post-2025 shape). Errors name
 * the JSON path of the entry, e.g. `data[0].level2s[3].level3s[2]`.
 */
import { AppError } from '../errors';
import { term } from '../i18n/messages';
import type { TermKey } from '../i18n/errors-vi';
import { CODE_DIGITS, unitTypeFrom, type ParsedUnit, type UnitLevel } from './admin-units';
import { normalizeName } from './text';
import type { ParsedUnitList } from './unit-list';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeError(file: string, where: string, field: TermKey): AppError {
  return new AppError('UNITS_JSON_SHAPE', { file, row: where, field: term(field) });
}

function readEntry(file: string, entry: unknown, where: string, idKey: 'level1_id' | 'level2_id' | 'level3_id', level: UnitLevel) {
  const idTerm: TermKey = idKey === 'level1_id' ? 'level1Id' : idKey === 'level2_id' ? 'level2Id' : 'level3Id';
  if (!isObject(entry)) throw shapeError(file, where, idTerm);
  const rawId = entry[idKey];
  const id = typeof rawId === 'number' ? String(rawId).padStart(CODE_DIGITS[level], '0') : typeof rawId === 'string' ? rawId.trim() : '';
  if (!/^\d+$/u.test(id) || id.length !== CODE_DIGITS[level]) throw shapeError(file, where, idTerm);
  const name = typeof entry.name === 'string' ? normalizeName(entry.name) : '';
  if (name === '') throw shapeError(file, where, 'name');
  const typeLabel = typeof entry.type === 'string' ? entry.type : '';
  const unitType = unitTypeFrom(level, typeLabel) ?? unitTypeFrom(level, name);
  if (unitType === null) throw new AppError('UNITS_ROW_BAD_TYPE', { row: where, value: typeLabel || name });
  return { entry, id, name, unitType };
}

function children(entry: JsonObject, key: string): unknown[] | null {
  const value = entry[key];
  return Array.isArray(value) ? value : null;
}

export function parseUnitJson(value: unknown, file: string): ParsedUnitList {
  const top = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.data) ? value.data : null;
  if (top === null) throw shapeError(file, 'data', 'level1Id');
  const provinces: ParsedUnit[] = [];
  const districts: ParsedUnit[] = [];
  const communes: ParsedUnit[] = [];
  const seen = new Map<string, string>();
  const remember = (unit: ParsedUnit, where: string): void => {
    const key = `${unit.level}:${unit.code}`;
    const first = seen.get(key);
    if (first !== undefined) throw new AppError('UNITS_ROW_DUPLICATE', { row: where, field: term('communeCode'), value: unit.code, firstRow: first });
    seen.set(key, where);
  };

  top.forEach((p, i) => {
    const where = `data[${i}]`;
    const province = readEntry(file, p, where, 'level1_id', 'PROVINCE');
    const unit: ParsedUnit = { level: 'PROVINCE', code: province.id, name: province.name, unitType: province.unitType, parentLevel: null, parentCode: null };
    remember(unit, where);
    provinces.push(unit);
    const level2 = children(province.entry, 'level2s');
    if (level2 === null) throw shapeError(file, where, 'level2Id');
    level2.forEach((d, j) => {
      const where2 = `${where}.level2s[${j}]`;
      const grand = isObject(d) ? children(d, 'level3s') : null;
      if (grand === null) {
        const commune = readEntry(file, d, where2, 'level2_id', 'COMMUNE');
        const cu: ParsedUnit = { level: 'COMMUNE', code: commune.id, name: commune.name, unitType: commune.unitType, parentLevel: 'PROVINCE', parentCode: province.id };
        remember(cu, where2);
        communes.push(cu);
        return;
      }
      const district = readEntry(file, d, where2, 'level2_id', 'DISTRICT');
      const du: ParsedUnit = { level: 'DISTRICT', code: district.id, name: district.name, unitType: district.unitType, parentLevel: 'PROVINCE', parentCode: province.id };
      remember(du, where2);
      districts.push(du);
      grand.forEach((c, k) => {
        const where3 = `${where2}.level3s[${k}]`;
        const commune = readEntry(file, c, where3, 'level3_id', 'COMMUNE');
        const cu: ParsedUnit = { level: 'COMMUNE', code: commune.id, name: commune.name, unitType: commune.unitType, parentLevel: 'DISTRICT', parentCode: district.id };
        remember(cu, where3);
        communes.push(cu);
      });
    });
  });
  if (communes.length === 0) throw new AppError('UNITS_NO_ROWS', { file });
  if (districts.length > 0 && communes.some((c) => c.parentLevel === 'PROVINCE')) {
    const stray = communes.find((c) => c.parentLevel === 'PROVINCE');
    throw shapeError(file, seen.get(`COMMUNE:${stray?.code ?? ''}`) ?? 'data', 'level3Id');
  }
  return { scheme: districts.length > 0 ? 'GSO_2004' : 'NSO_2025', units: [...provinces, ...districts, ...communes] };
}
