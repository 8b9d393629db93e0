import { describe, expect, it } from 'vitest';
import { findHeaderIndex, tableLayout } from './layout';
import { autoMapping } from './mapping';
import { headerIndex, IMPORT_SPECS } from './sheet-fields';
import type { RawCell, SheetData } from './workbook';

function cell(value: string | number): RawCell {
  return { value, text: String(value), isDate: false };
}

function sheetOf(rows: (string | number | null)[][]): SheetData {
  return { name: 'S', firstRow: 1, rows: rows.map((r) => r.map((v) => (v === null ? null : cell(v)))), merges: [] };
}

const known = headerIndex(IMPORT_SPECS.hotspots);

describe('table layout', () => {
  it('skips a "1 2 3" number row, keeps "Cổng chợ" as data and stops at "Cộng"', () => {
    const sheet = sheetOf([
      ['DANH SÁCH ĐIỂM'],
      ['TT', 'Xã/phường', 'Địa chỉ', 'Ngày phát hiện'],
      [1, 2, 3, 4],
      [1, 'Kim Chung', 'Cổng chợ', '01/02/2024'],
      [null, null, null, null],
      [2, 'Xuân Nộn', 'Bến xe', '03/02/2024'],
      ['Cộng', 2],
      [3, 'Nam Hồng', 'Không được đọc', '04/02/2024'],
    ]);
    const header = findHeaderIndex(sheet, known);
    expect(header).toBe(1);
    const layout = tableLayout(sheet, header ?? 0);
    expect(layout.dataIndexes).toEqual([3, 5]);
  });

  it('stops at a signature block without a totals row', () => {
    const sheet = sheetOf([
      ['STT', 'Xã', 'Địa chỉ cụ thể', 'Tình trạng'],
      [1, 'Kim Chung', 'Ngõ 1', 'Đang hoạt động'],
      [null, 'Người lập biểu', null, 'Thủ trưởng đơn vị'],
      [null, 'Nguyễn Văn A'],
    ]);
    expect(tableLayout(sheet, findHeaderIndex(sheet, known) ?? 0).dataIndexes).toEqual([1]);
  });

  it('matches headers ignoring case, marks, tone placement and punctuation', () => {
    expect(autoMapping(IMPORT_SPECS.hotspots, ['STT', 'XÃ, THỊ TRẤN', 'Thôn / xóm', 'địa chỉ cụ thể', 'Loai', 'Ngày  phát hiện', 'Ghi chú', 'Ghi chú'])).toEqual([
      null,
      'commune_code',
      'village',
      'address',
      'category',
      'discovered_date',
      'note',
      null,
    ]);
    // "Thuỵ"/"Thụy" and NFD input fold alike.
    expect(autoMapping(IMPORT_SPECS.modelSites, ['Tên mô hình'.normalize('NFD'), 'Đơn vị thực hiện'])).toEqual(['name', 'host_unit_code']);
  });
});
