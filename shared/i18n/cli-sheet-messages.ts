/** Messages of `pcmt export-sheet` and `pcmt template`, in both languages (vi is the default). */
import { interpolate, type Language } from './format';

const vi = {
  usage: `  pcmt export-sheet --sheet communes|hotspots|model-sites [--workspace TỆP] [--period KỲ] --out TỆP.xlsx   (xuất cả bảng ra Excel: mọi dòng, mọi cột, thứ tự mặc định)
  pcmt template --sheet communes|hotspots|model-sites --out TỆP.xlsx [--workspace TỆP]   (tệp Excel mẫu để nhập: tiêu đề cột, một dòng ví dụ, danh sách chọn)`,
  badSheet: 'Bảng “{{sheet}}” không có; hãy dùng --sheet communes (xã/phường), hotspots (điểm, tụ điểm) hoặc model-sites (mô hình).',
  needSheet: 'bảng cần xuất (--sheet communes, hotspots hoặc model-sites)',
  needOut: 'đường dẫn tệp .xlsx sẽ ghi (--out TỆP.xlsx)',
  outNotXlsx: 'Tệp ghi ra “{{file}}” phải có đuôi .xlsx. Hãy đặt tên tệp kết thúc bằng .xlsx.',
  outUnwritable: 'Không ghi được tệp “{{file}}” ({{detail}}). Hãy kiểm tra thư mục có tồn tại và được phép ghi; dữ liệu không bị thay đổi.',
  exported: 'Đã xuất {{rows}} dòng của bảng {{sheet}} (kỳ {{period}}) ra tệp {{file}}.',
  templateWritten: 'Đã ghi tệp mẫu nhập bảng {{sheet}}: {{file}}.',
};

type SheetCliKey = keyof typeof vi;

const en: Record<SheetCliKey, string> = {
  usage: `  pcmt export-sheet --sheet communes|hotspots|model-sites [--workspace FILE] [--period PERIOD] --out FILE.xlsx   (the whole sheet to Excel: every row and column, default order)
  pcmt template --sheet communes|hotspots|model-sites --out FILE.xlsx [--workspace FILE]   (an Excel template to import from: headers, one example row, drop-down lists)`,
  badSheet: 'There is no sheet “{{sheet}}”; use --sheet communes, hotspots or model-sites.',
  needSheet: 'the sheet to write (--sheet communes, hotspots or model-sites)',
  needOut: 'the path of the .xlsx file to write (--out FILE.xlsx)',
  outNotXlsx: 'The output file “{{file}}” must end in .xlsx. Give a file name ending in .xlsx.',
  outUnwritable: 'Could not write the file “{{file}}” ({{detail}}). Check that the folder exists and can be written to; no data was changed.',
  exported: 'Exported {{rows}} rows of the {{sheet}} sheet (period {{period}}) to {{file}}.',
  templateWritten: 'Wrote the import template of the {{sheet}} sheet: {{file}}.',
};

export function cliSheetMessage(language: Language, key: SheetCliKey, params: Record<string, string | number> = {}): string {
  return interpolate(language === 'en' ? en[key] : vi[key], params);
}
