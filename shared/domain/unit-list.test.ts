import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { errorMessage } from '../i18n/messages';
import { parseUnitTable } from './unit-list';
import { parseUnitJson } from './unit-list-json';

const HEADER = ['Tỉnh Thành Phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp'];

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseUnitTable', () => {
  it('reads the statistics office layout with districts as GSO_2004, padding numeric codes', () => {
    const list = parseUnitTable(
      [
        ['DANH SÁCH ĐƠN VỊ HÀNH CHÍNH'],
        HEADER,
        ['Thành phố Hà Nội', '01', 'Huyện Đông Anh', '017', 'Thị trấn Đông Anh', '00454', 'Thị trấn'],
        ['Thành phố Hà Nội', 1, 'Huyện Đông Anh', 17, 'Xã Xuân Nộn', 457, 'Xã'],
      ],
      'x.xlsx',
    );
    expect(list.scheme).toBe('GSO_2004');
    expect(list.units.map((u) => `${u.level}:${u.code}:${u.unitType}`)).toEqual([
      'PROVINCE:01:thanh_pho_tw',
      'DISTRICT:017:huyen',
      'COMMUNE:00454:thi_tran',
      'COMMUNE:00457:xa',
    ]);
    expect(list.units[3]).toMatchObject({ parentLevel: 'DISTRICT', parentCode: '017' });
  });

  it('reads the post-reform CSV without districts as NSO_2025', () => {
    const list = parseUnitTable(
      [
        ['ma_tinh', 'ten_tinh', 'ma_xa', 'ten_xa', 'cap'],
        ['01', 'Thành phố Hà Nội', '00070', 'Phường Hoàn Kiếm', 'Phường'],
        ['22', 'Tỉnh Quảng Ninh', '07192', 'Đặc khu Vân Đồn', 'Đặc khu'],
      ],
      'x.csv',
    );
    expect(list.scheme).toBe('NSO_2025');
    expect(list.units.find((u) => u.code === '07192')).toMatchObject({ unitType: 'dac_khu', parentLevel: 'PROVINCE', parentCode: '22' });
  });

  it('names the row of a bad code, a duplicate and a contradiction', () => {
    const bad = caught(() => parseUnitTable([HEADER, ['Tỉnh A', '01', 'Huyện B', '001', 'Xã C', '12a45', 'Xã']], 'f.xlsx'));
    expect(bad.code).toBe('UNITS_ROW_BAD_CODE');
    expect(errorMessage(bad.code, bad.params, 'vi')).toContain('Dòng 2: mã xã “12a45” không hợp lệ');
    const dup = caught(() =>
      parseUnitTable([HEADER, ['Tỉnh A', '01', 'Huyện B', '001', 'Xã C', '00001', 'Xã'], ['Tỉnh A', '01', 'Huyện B', '001', 'Xã D', '00001', 'Xã']], 'f'),
    );
    expect(dup).toMatchObject({ code: 'UNITS_ROW_DUPLICATE', params: { row: 3, firstRow: 2 } });
    const conflict = caught(() =>
      parseUnitTable([HEADER, ['Tỉnh A', '01', 'Huyện B', '001', 'Xã C', '00001', 'Xã'], ['Tỉnh Z', '01', 'Huyện B', '001', 'Xã D', '00002', 'Xã']], 'f'),
    );
    expect(conflict).toMatchObject({ code: 'UNITS_ROW_CONFLICT', params: { row: 3 } });
    expect(errorMessage(conflict.code, conflict.params, 'en')).toContain('Row 3');
  });

  it('refuses a table without the needed headers or without rows', () => {
    expect(caught(() => parseUnitTable([['a', 'b'], ['1', '2']], 'f.csv')).code).toBe('UNITS_HEADER_NOT_FOUND');
    expect(caught(() => parseUnitTable([HEADER], 'f.csv')).code).toBe('UNITS_NO_ROWS');
    expect(caught(() => parseUnitTable([HEADER, ['Tỉnh A', '01', 'Huyện B', '001', '', '00001', 'Xã']], 'f')).code).toBe('UNITS_ROW_MISSING');
  });
});

describe('parseUnitJson', () => {
  const tree = {
    data: [
      {
        level1_id: '01',
        name: 'Thành phố Hà Nội',
        type: 'Thành phố Trung ương',
        level2s: [{ level2_id: '017', name: 'Huyện Đông Anh', type: 'Huyện', level3s: [{ level3_id: '00454', name: 'Thị trấn Đông Anh', type: 'Thị trấn' }] }],
      },
    ],
  };

  it('reads the nested tree as GSO_2004', () => {
    const list = parseUnitJson(tree, 'x.json');
    expect(list.scheme).toBe('GSO_2004');
    expect(list.units).toHaveLength(3);
  });

  it('names the JSON path of a broken entry', () => {
    const broken = structuredClone(tree);
    const commune = broken.data[0]?.level2s[0]?.level3s[0];
    if (commune) commune.level3_id = '454x';
    const error = caught(() => parseUnitJson(broken, 'x.json'));
    expect(error).toMatchObject({ code: 'UNITS_JSON_SHAPE', params: { row: 'data[0].level2s[0].level3s[0]' } });
  });
});

describe('districts without communes', () => {
  it('keeps a district row whose commune cells are empty', () => {
    const list = parseUnitTable(
      [
        HEADER,
        ['Thành phố Hải Phòng', '31', 'Huyện Bạch Long Vĩ', '318', '', '', ''],
        ['Thành phố Hải Phòng', '31', 'Huyện Cát Hải', '317', 'Thị trấn Cát Bà', '11737', 'Thị trấn'],
      ],
      'x.xlsx',
    );
    expect(list.units.filter((u) => u.level === 'DISTRICT').map((u) => u.code)).toEqual(['318', '317']);
    expect(list.units.filter((u) => u.level === 'COMMUNE')).toHaveLength(1);
  });

  it('reads a province name without "Tỉnh" as a tỉnh', () => {
    const list = parseUnitTable([['ma_tinh', 'ten_tinh', 'ma_xa', 'ten_xa', 'cap'], ['04', 'Cao Bằng', '01273', 'Phường Thục Phán', 'Phường']], 'x.csv');
    expect(list.units[0]).toMatchObject({ level: 'PROVINCE', unitType: 'tinh' });
  });
});
