/**
 * A hotspot register made the way district offices make them in Excel, for the import
 * tests, the e2e spec and the bench: a title block merged across the table, a header
 * row with a merged parent ("Địa chỉ" over "Thôn/xóm" and "Địa chỉ cụ thể"), a
 * column-number row "(1) (2) …", commune names without "Xã" (one with the other tone
 * placement, "Thụy Lâm" for "Thuỵ Lâm", one as "TT Đông Anh"), dates typed as text in
 * several ways and as real Excel dates, a totals row and a signature block.
 */
import * as XLSX from 'xlsx';

export type RegisterRow = { commune: string; village: string; address: string; category: string; discovered: string | number; status: string; note: string };

/** Excel's serial for a calendar date (days since 30/12/1899). */
export function excelSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export const REGISTER_ROWS: RegisterRow[] = [
  { commune: 'Kim Chung', village: 'Thôn Bầu', address: 'Ngõ 12 đường Bầu', category: 'Tụ điểm', discovered: '15/03/2024', status: 'Đang hoạt động', note: 'Gần chợ' },
  { commune: 'Thụy Lâm', village: 'Thôn Lại Đà', address: 'Bãi đất trống cạnh đê', category: 'Điểm', discovered: '2/5/2024', status: 'Đang hoạt động', note: '' },
  { commune: 'TT Đông Anh', village: 'Tổ 3', address: 'Nhà nghỉ Hoa Sen', category: 'điểm có nguy cơ', discovered: '01.06.2024', status: 'Đang xác minh', note: 'Theo tin báo' },
  { commune: 'Xuân Nộn', village: 'Thôn Đản Mỗ', address: 'Quán nước đầu làng', category: 'DIEM', discovered: excelSerial(2024, 7, 20), status: 'Đang hoạt động', note: '' },
  { commune: 'Kim Chung', village: 'Thôn Đồng Nhân', address: 'Khu nhà trọ công nhân', category: 'Tụ điểm', discovered: '2024-08-09', status: 'Đang đấu tranh', note: '' },
];

/** `statusHeader`: a header the matcher does not know, so the user maps that column by hand. */
export type RegisterOptions = { rows?: RegisterRow[]; statusHeader?: string };

function rowCells(r: RegisterRow, i: number): (string | number)[] {
  return [i + 1, r.commune, r.village, r.address, r.category, r.discovered, r.status, r.note];
}

/** The register as a SheetJS worksheet; dates given as numbers become real Excel date cells. */
export function registerSheet(options: RegisterOptions = {}): XLSX.WorkSheet {
  const rows = options.rows ?? REGISTER_ROWS;
  const aoa: (string | number | null)[][] = [
    ['CÔNG AN HUYỆN ĐÔNG ANH', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['ĐỘI CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY', null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [],
    ['DANH SÁCH ĐIỂM, TỤ ĐIỂM PHỨC TẠP VỀ MA TÚY TRÊN ĐỊA BÀN HUYỆN'],
    ['(Kèm theo Báo cáo số 125/BC-CAH ngày 30/9/2024)'],
    [],
    ['STT', 'Xã, thị trấn', 'Địa chỉ', null, 'Loại', 'Ngày phát hiện', options.statusHeader ?? 'Tình trạng', 'Ghi chú'],
    [null, null, 'Thôn/xóm', 'Địa chỉ cụ thể', null, null, null, null],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
    ...rows.map(rowCells),
    [null, 'Tổng cộng', `${rows.length} điểm`],
    [],
    [null, 'Người lập biểu', null, null, null, 'Đông Anh, ngày 30 tháng 9 năm 2024'],
    [null, null, null, null, null, 'TRƯỞNG CÔNG AN HUYỆN'],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  const firstData = 9;
  rows.forEach((r, i) => {
    if (typeof r.discovered !== 'number') return;
    const ref = XLSX.utils.encode_cell({ r: firstData + i, c: 5 });
    const cell = sheet[ref] as XLSX.CellObject;
    cell.z = 'dd/mm/yyyy';
  });
  sheet['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 3 } },
    { s: { r: 3, c: 0 }, e: { r: 3, c: 7 } },
    { s: { r: 4, c: 0 }, e: { r: 4, c: 7 } },
    { s: { r: 6, c: 0 }, e: { r: 7, c: 0 } },
    { s: { r: 6, c: 1 }, e: { r: 7, c: 1 } },
    { s: { r: 6, c: 2 }, e: { r: 6, c: 3 } },
    { s: { r: 6, c: 4 }, e: { r: 7, c: 4 } },
    { s: { r: 6, c: 5 }, e: { r: 7, c: 5 } },
    { s: { r: 6, c: 6 }, e: { r: 7, c: 6 } },
    { s: { r: 6, c: 7 }, e: { r: 7, c: 7 } },
  ];
  return sheet;
}

/** The register as a workbook file: .xlsx, .xls (BIFF8) or .ods, with a second sheet in front when asked. */
export function registerWorkbook(bookType: 'xlsx' | 'xls' | 'ods' = 'xlsx', options: RegisterOptions & { withCoverSheet?: boolean } = {}): Buffer {
  const book = XLSX.utils.book_new();
  if (options.withCoverSheet) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Hướng dẫn'], ['Trang 2 là danh sách']]), 'Hướng dẫn');
  XLSX.utils.book_append_sheet(book, registerSheet(options), 'Danh sách điểm');
  return XLSX.write(book, { bookType, type: 'buffer' }) as Buffer;
}

/** The data rows of the register start at this Excel row. */
export const REGISTER_FIRST_DATA_ROW = 10;
