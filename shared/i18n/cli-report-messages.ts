/** Messages of `pcmt report`, in both languages (vi is the default). */
import { interpolate, type Language } from './format';

const vi = {
  usage: '  pcmt report --workspace TỆP --period KỲ --out TỆP.docx|TỆP.pdf [--with-hotspots]   (báo cáo kỳ theo thể thức Nghị định 30/2020; --with-hotspots thêm danh sách điểm, tụ điểm và dấu MẬT)',
  needPeriod: 'kỳ báo cáo (--period, ví dụ 2025-Q2)',
  needOut: 'đường dẫn tệp sẽ ghi (--out TỆP.docx hoặc TỆP.pdf)',
  badOut: 'Tệp ghi ra “{{file}}” phải có đuôi .docx hoặc .pdf. Hãy đặt tên tệp kết thúc bằng .docx (để sửa trong Word) hoặc .pdf (để in).',
  outUnwritable: 'Không ghi được tệp “{{file}}” ({{detail}}). Hãy kiểm tra thư mục có tồn tại và được phép ghi; dữ liệu không bị thay đổi.',
  written: 'Đã ghi báo cáo {{period}} của {{office}} ra tệp {{file}}.',
  secret: 'Báo cáo có danh sách địa chỉ điểm, tụ điểm và mang dấu MẬT: hãy quản lý tệp này như tài liệu mật.',
};

type ReportCliKey = keyof typeof vi;

const en: Record<ReportCliKey, string> = {
  usage: '  pcmt report --workspace FILE --period PERIOD --out FILE.docx|FILE.pdf [--with-hotspots]   (the period report in the Decree 30/2020 layout; --with-hotspots adds the hotspot list and the MẬT (secret) mark)',
  needPeriod: 'the report period (--period, e.g. 2025-Q2)',
  needOut: 'the path of the file to write (--out FILE.docx or FILE.pdf)',
  badOut: 'The output file “{{file}}” must end in .docx or .pdf. Give a file name ending in .docx (to edit in Word) or .pdf (to print).',
  outUnwritable: 'Could not write the file “{{file}}” ({{detail}}). Check that the folder exists and can be written to; no data was changed.',
  written: 'Wrote the {{period}} report of {{office}} to {{file}}.',
  secret: 'The report lists hotspot addresses and carries the MẬT (secret) mark: handle this file as a classified document.',
};

export function cliReportMessage(language: Language, key: ReportCliKey, params: Record<string, string | number> = {}): string {
  return interpolate(language === 'en' ? en[key] : vi[key], params);
}
