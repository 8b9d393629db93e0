/**
 * Reading an administrative-unit list into units, all or nothing. Two shapes arrive:
 * tables (the statistics office's Excel download, CSV) whose header row is found by
 * meaning, ignoring case and diacritics; and the nested JSON of the dvhcvn project.
 * Whether the list has districts decides its scheme. The first bad row stops the read
 * with an AppError naming that row, so nothing partial is ever stored.
 */
import { AppError } from '../errors';
import { term } from '../i18n/messages';
import { CODE_DIGITS, unitTypeFrom, type ParsedUnit, type SchemeCode, type UnitLevel } from './admin-units';
import { foldVietnamese, normalizeName } from './text';

export type Cell = string | number | boolean | null | undefined;

export type ParsedUnitList = { scheme: SchemeCode; units: ParsedUnit[] };

type Column = 'provinceCode' | 'provinceName' | 'districtCode' | 'districtName' | 'communeCode' | 'communeName' | 'communeType';

/** Header spellings seen in official downloads and common re-typings, folded. */
const HEADER_SYNONYMS: Record<Column, readonly string[]> = {
  provinceCode: ['ma tp', 'ma tinh', 'ma tinh tp', 'ma tinh thanh pho', 'province code', 'ma tinh thanh'],
  provinceName: ['tinh thanh pho', 'tinh tp', 'ten tinh', 'tinh', 'ten tinh thanh pho', 'province', 'province name'],
  districtCode: ['ma qh', 'ma huyen', 'ma quan huyen', 'district code'],
  districtName: ['quan huyen', 'ten huyen', 'ten quan huyen', 'huyen', 'district', 'district name'],
  communeCode: ['ma px', 'ma xa', 'ma phuong xa', 'ma xa phuong', 'commune code', 'ward code'],
  communeName: ['phuong xa', 'xa phuong', 'ten xa', 'ten phuong xa', 'ten xa phuong', 'xa', 'commune', 'commune name', 'ward'],
  communeType: ['cap', 'loai', 'cap xa', 'loai don vi', 'type'],
};

function foldHeader(cell: Cell): string {
  return foldVietnamese(String(cell ?? '')).replace(/[_/\-.]/gu, ' ').replace(/\s+/gu, ' ').trim();
}

function mapHeader(row: readonly Cell[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  row.forEach((cell, index) => {
    const text = foldHeader(cell);
    for (const column of Object.keys(HEADER_SYNONYMS) as Column[]) {
      if (found[column] === undefined && HEADER_SYNONYMS[column].includes(text)) found[column] = index;
    }
  });
  return found;
}

const HEADER_SEARCH_ROWS = 30;

function text(cell: Cell): string {
  return cell === null || cell === undefined ? '' : normalizeName(String(cell));
}

/** A code cell: Excel may have turned "01" into the number 1, so numbers are re-padded. */
function code(cell: Cell, level: UnitLevel, row: number, field: Column): string {
  const digits = CODE_DIGITS[level];
  const raw = typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 ? String(cell) : text(cell).replace(/^'/u, '');
  if (raw === '') throw new AppError('UNITS_ROW_MISSING', { row, field: term(field) });
  if (!/^\d+$/u.test(raw) || raw.length > digits) throw new AppError('UNITS_ROW_BAD_CODE', { row, field: term(field), value: raw, digits });
  return raw.padStart(digits, '0');
}

function required(cell: Cell, row: number, field: Column): string {
  const value = text(cell);
  if (value === '') throw new AppError('UNITS_ROW_MISSING', { row, field: term(field) });
  return value;
}

/** Collects units and refuses contradictions (same code, other name or parent). */
class UnitCollector {
  private readonly units = new Map<string, { unit: ParsedUnit; row: number }>();

  add(unit: ParsedUnit, row: number, codeField: Column, isRepeatAllowed: boolean): void {
    const key = `${unit.level}:${unit.code}`;
    const previous = this.units.get(key);
    if (!previous) {
      this.units.set(key, { unit, row });
      return;
    }
    const same = previous.unit.name === unit.name && previous.unit.parentCode === unit.parentCode;
    if (!isRepeatAllowed) throw new AppError('UNITS_ROW_DUPLICATE', { row, field: term(codeField), value: unit.code, firstRow: previous.row });
    if (!same) throw new AppError('UNITS_ROW_CONFLICT', { row, field: term(codeField), value: unit.code, firstRow: previous.row });
  }

  /** Parents before children, so foreign keys hold while inserting. */
  list(levels: readonly UnitLevel[]): ParsedUnit[] {
    const all = [...this.units.values()].map((v) => v.unit);
    return levels.flatMap((level) => all.filter((u) => u.level === level));
  }
}

function unitType(level: UnitLevel, label: string, name: string, row: number): string {
  const type = (label !== '' ? unitTypeFrom(level, label) : null) ?? unitTypeFrom(level, name);
  if (type === null) throw new AppError('UNITS_ROW_BAD_TYPE', { row, value: label || name });
  return type;
}

/** Reads a table (first sheet of a workbook, or CSV rows). `firstRowNumber` is the sheet row of rows[0]. */
export function parseUnitTable(rows: readonly (readonly Cell[])[], file: string, firstRowNumber = 1): ParsedUnitList {
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const map = mapHeader(row);
    return map.provinceCode !== undefined && map.communeCode !== undefined && map.communeName !== undefined;
  });
  if (headerIndex < 0) throw new AppError('UNITS_HEADER_NOT_FOUND', { file });
  const columns = mapHeader(rows[headerIndex] ?? []);
  const hasDistrictColumn = columns.districtCode !== undefined;
  const collector = new UnitCollector();
  let districtRows = 0;
  let communeRows = 0;
  let firstRowWithoutDistrict: number | null = null;
  const at = (row: readonly Cell[], column: Column): Cell => (columns[column] === undefined ? null : row[columns[column]]);

  for (let i = headerIndex + 1; i < rows.length; i += 1) {
    const cells = rows[i] ?? [];
    if (cells.every((c) => text(c) === '')) continue;
    const row = firstRowNumber + i;
    const provinceCode = code(at(cells, 'provinceCode'), 'PROVINCE', row, 'provinceCode');
    const provinceName = required(at(cells, 'provinceName') ?? provinceCode, row, 'provinceName');
    collector.add(
      { level: 'PROVINCE', code: provinceCode, name: provinceName, unitType: unitType('PROVINCE', '', provinceName, row), parentLevel: null, parentCode: null },
      row,
      'provinceCode',
      true,
    );
    let parent: { level: UnitLevel; code: string } = { level: 'PROVINCE', code: provinceCode };
    const districtCell = text(at(cells, 'districtCode'));
    if (hasDistrictColumn && (districtCell !== '' || districtRows > 0)) {
      const districtCode = code(at(cells, 'districtCode'), 'DISTRICT', row, 'districtCode');
      const districtName = required(at(cells, 'districtName'), row, 'districtName');
      collector.add(
        { level: 'DISTRICT', code: districtCode, name: districtName, unitType: unitType('DISTRICT', '', districtName, row), parentLevel: 'PROVINCE', parentCode: provinceCode },
        row,
        'districtCode',
        true,
      );
      parent = { level: 'DISTRICT', code: districtCode };
      districtRows += 1;
    } else if (districtRows > 0) {
      throw new AppError('UNITS_ROW_MISSING', { row, field: term('districtCode') });
    } else {
      firstRowWithoutDistrict ??= row;
    }
    // An island district without communes (Bạch Long Vĩ, Hoàng Sa…) is a row with empty commune cells.
    if (parent.level === 'DISTRICT' && text(at(cells, 'communeCode')) === '' && text(at(cells, 'communeName')) === '') continue;
    const communeCode = code(at(cells, 'communeCode'), 'COMMUNE', row, 'communeCode');
    const communeName = required(at(cells, 'communeName'), row, 'communeName');
    collector.add(
      {
        level: 'COMMUNE',
        code: communeCode,
        name: communeName,
        unitType: unitType('COMMUNE', text(at(cells, 'communeType')), communeName, row),
        parentLevel: parent.level,
        parentCode: parent.code,
      },
      row,
      'communeCode',
      false,
    );
    communeRows += 1;
  }
  if (communeRows === 0) throw new AppError('UNITS_NO_ROWS', { file });
  if (districtRows > 0 && firstRowWithoutDistrict !== null) {
    throw new AppError('UNITS_ROW_MISSING', { row: firstRowWithoutDistrict, field: term('districtCode') });
  }
  const scheme: SchemeCode = districtRows > 0 ? 'GSO_2004' : 'NSO_2025';
  return { scheme, units: collector.list(['PROVINCE', 'DISTRICT', 'COMMUNE']) };
}
