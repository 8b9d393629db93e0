/** Messages of `pcmt import` (spreadsheet import into a sheet), vi and en. */
import { interpolate, type Language } from './format';

const vi = {
  usage: `Nhập từ Excel (.xlsx, .xls, .ods, .csv) vào một bảng:
  pcmt import TỆP --sheet communes|hotspots|model-sites --workspace TỆP [--period KỲ] [--sheet-name TÊN]
       [--header-row N] [--mapping MAP.json] [--key TRƯỜNG1,TRƯỜNG2] [--yes] [--json]
  không có --yes: chỉ xem trước, không lưu gì; --key: các trường dùng để so khớp dòng với bản ghi đã có`,
  sheetMissing: 'Thiếu --sheet: hãy ghi communes, hotspots hoặc model-sites.',
  sheetUnknown: 'Bảng “{{sheet}}” không có. Hãy ghi --sheet communes, hotspots hoặc model-sites.',
  fileMissing: 'Thiếu tệp cần nhập. Ví dụ: pcmt import so-theo-doi.xlsx --sheet hotspots --workspace TỆP',
  periodMissing: 'Nhập số liệu xã cần kỳ báo cáo: hãy thêm --period (ví dụ --period 2025-Q3).',
  headerRowInvalid: '--header-row “{{value}}” không hợp lệ: hãy ghi số dòng tiêu đề như Excel hiển thị (1, 2, 3…).',
  mappingUnreadable: 'Không đọc được tệp ghép cột “{{file}}” ({{detail}}). Tệp phải là JSON dạng {"Tiêu đề cột": "tên_trường"}.',
  mappingHeaderUnknown: 'Tệp ghép cột nhắc tới cột “{{header}}” nhưng dòng tiêu đề không có cột đó. Các cột có: {{headers}}.',
  summary: 'Tệp “{{file}}”, trang “{{sheet}}”, dòng tiêu đề {{headerRow}}: {{rows}} dòng — thêm {{added}}, sửa {{changed}}, giữ nguyên {{unchanged}}, bị từ chối {{refused}}; {{warnings}} cảnh báo.',
  mapping: '  Cột {{letter}} “{{header}}” → {{field}}',
  mappingSkipped: 'bỏ qua',
  key: '  Khóa so khớp với bản ghi đã có: {{fields}}',
  keyInvalid: '--key “{{value}}” không hợp lệ: hãy ghi một đến sáu tên trường của bảng, cách nhau bằng dấu phẩy, mỗi trường một lần. Các trường: {{fields}}.',
  problem: '  Dòng {{row}}{{column}}: {{message}}',
  dryRunOk: 'Chỉ xem trước, chưa lưu gì. Thêm --yes để nhập.',
  dryRunRefused: 'Chỉ xem trước, chưa lưu gì. Tệp có lỗi nên sẽ bị từ chối cả tệp; hãy sửa các dòng trên rồi chạy lại.',
  refused: 'Không nhập gì: tệp có lỗi (xem các dòng trên). Dữ liệu đã lưu không thay đổi; hãy sửa tệp rồi nhập lại.',
  applied: 'Đã nhập từ “{{file}}”: thêm {{added}}, sửa {{changed}}, giữ nguyên {{unchanged}} dòng (một bước trong lịch sử, “nhập từ tệp {{file}}”).',
  nothingChanged: 'Không có gì thay đổi: mọi dòng của “{{file}}” đã có đúng như vậy trong dữ liệu.',
};

const en: Record<keyof typeof vi, string> = {
  usage: `Import from Excel (.xlsx, .xls, .ods, .csv) into a sheet:
  pcmt import FILE --sheet communes|hotspots|model-sites --workspace FILE [--period P] [--sheet-name NAME]
       [--header-row N] [--mapping MAP.json] [--key FIELD1,FIELD2] [--yes] [--json]
  without --yes: a preview that stores nothing; --key: the fields that match a row to a stored record`,
  sheetMissing: '--sheet is missing: give communes, hotspots or model-sites.',
  sheetUnknown: 'There is no sheet “{{sheet}}”. Use --sheet communes, hotspots or model-sites.',
  fileMissing: 'The file to import is missing. Example: pcmt import register.xlsx --sheet hotspots --workspace FILE',
  periodMissing: 'Commune figures need a reporting period: add --period (e.g. --period 2025-Q3).',
  headerRowInvalid: '--header-row “{{value}}” is not valid: give the header row number as Excel shows it (1, 2, 3…).',
  mappingUnreadable: 'The mapping file “{{file}}” could not be read ({{detail}}). It must be JSON like {"Column header": "field_key"}.',
  mappingHeaderUnknown: 'The mapping file names the column “{{header}}” but the header row has no such column. Columns: {{headers}}.',
  summary: 'File “{{file}}”, sheet “{{sheet}}”, header row {{headerRow}}: {{rows}} rows — {{added}} to add, {{changed}} to change, {{unchanged}} unchanged, {{refused}} refused; {{warnings}} warnings.',
  mapping: '  Column {{letter}} “{{header}}” → {{field}}',
  mappingSkipped: 'skipped',
  key: '  Key matching stored records: {{fields}}',
  keyInvalid: '--key “{{value}}” is not valid: give one to six field names of the sheet, separated by commas, each once. Fields: {{fields}}.',
  problem: '  Row {{row}}{{column}}: {{message}}',
  dryRunOk: 'Preview only, nothing stored. Add --yes to import.',
  dryRunRefused: 'Preview only, nothing stored. The file has errors, so it would be refused whole; correct the rows above and run again.',
  refused: 'Nothing imported: the file has errors (see above). Stored data is unchanged; correct the file and import it again.',
  applied: 'Imported from “{{file}}”: {{added}} added, {{changed}} changed, {{unchanged}} unchanged (one step in the history, “nhập từ tệp {{file}}”).',
  nothingChanged: 'Nothing changed: every row of “{{file}}” is already stored as it is.',
};

export type CliImportKey = keyof typeof vi;

export function cliImportMessage(language: Language, key: CliImportKey, params: Record<string, string | number> = {}): string {
  return interpolate(language === 'en' ? en[key] : vi[key], params);
}
