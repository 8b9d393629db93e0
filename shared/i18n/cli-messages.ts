/** Messages of the `pcmt` command line, in both languages (vi is the default). */
import type { Language } from './format';
import { interpolate } from './format';

const vi = {
  usage: `Cách dùng: pcmt <lệnh> [tùy chọn]
  pcmt init --workspace TỆP [--units TỆP_DANH_MỤC] [--office MÃ_ĐƠN_VỊ] [--scheme GSO_2004|NSO_2025]
  pcmt units import TỆP_DANH_MỤC [--workspace TỆP] [--confirm-moves] [--json]
  pcmt dump [--workspace TỆP] [--period KỲ] [--json]
  pcmt load TỆP.json [--workspace TỆP] [--period KỲ] [--json]
  pcmt serve [--workspace TỆP] [--new] [--port SỐ]   (--new: tạo tệp dữ liệu mới khi TỆP chưa có)
  pcmt start [--workspace TỆP] [--new]
  pcmt classify [--reading cumulative|literal] < số_liệu.jsonl   (mỗi dòng một xã, JSON; in kết quả phân loại theo QĐ 28/2025)
  pcmt check --period KỲ [--workspace TỆP] [--json]   (kiểm tra số liệu của kỳ, in lỗi, cảnh báo và phân loại từng xã; mã thoát 1 khi còn lỗi)
Kỳ báo cáo: 2025, 2025-H1, 2025-Q3, 2025-06, 2025-AY, 2025-HN, 2025-AM, 2025-03-01_2025-08-31. Thêm --lang en để hiện tiếng Anh.
Không có --workspace: dùng tệp dữ liệu mặc định {{defaultPath}}`,
  unknownCommand: 'Lệnh “{{command}}” không tồn tại. Gõ “pcmt help” để xem các lệnh.',
  unknownOption: 'Tùy chọn “{{option}}” không dùng được với lệnh “{{command}}”. Gõ “pcmt help” để xem cách dùng.',
  missingValue: 'Tùy chọn “{{option}}” cần một giá trị. Gõ “pcmt help” để xem cách dùng.',
  missingArgument: 'Lệnh “{{command}}” cần {{what}}. Gõ “pcmt help” để xem cách dùng.',
  listFile: 'đường dẫn tệp danh mục đơn vị hành chính',
  fileUnreadable: 'Không đọc được tệp “{{file}}” ({{detail}}). Hãy kiểm tra đường dẫn.',
  badPort: 'Cổng “{{port}}” không hợp lệ; hãy dùng số từ 0 đến 65535 (0 = tự chọn).',
  badScheme: 'Danh mục “{{scheme}}” không hợp lệ; hãy dùng GSO_2004 (trước 01/7/2025) hoặc NSO_2025 (từ 01/7/2025).',
  officeAmbiguous: 'Mã đơn vị {{code}} có trong cả hai danh mục; hãy thêm --scheme GSO_2004 hoặc --scheme NSO_2025.',
  badOfficeCode: 'Mã đơn vị “{{code}}” không hợp lệ: mã tỉnh có 2 chữ số, mã huyện 3 chữ số, mã xã 5 chữ số.',
  imported: 'Đã nhập danh mục {{scheme}} từ tệp {{format}}: {{provinces}} tỉnh, {{districts}} huyện, {{communes}} xã. Thêm mới {{added}}, thay đổi {{changed}}, giữ nguyên {{unchanged}}.',
  importedNoChange: 'Danh mục {{scheme}} đã đúng như tệp này ({{provinces}} tỉnh, {{districts}} huyện, {{communes}} xã): không có gì thay đổi (thêm mới 0, thay đổi 0).',
  workspaceReady: 'Tệp dữ liệu: {{path}}',
  officeSet: 'Đơn vị báo cáo: {{name}} ({{parents}}), {{communes}} xã.',
  officeMissing: 'Chưa chọn đơn vị báo cáo (dùng --office MÃ_ĐƠN_VỊ).',
  dumpHeader: 'Đơn vị: {{office}} — kỳ {{period}} — {{rows}} xã, {{entered}} xã đã có số liệu.',
  dumpFile: 'đường dẫn tệp JSON do “pcmt dump --json” tạo ra',
  loadNotJson: 'Tệp “{{file}}” không phải JSON hợp lệ ({{detail}}). Không có gì được lưu; hãy dùng tệp do “pcmt dump --json” tạo ra.',
  loadBadShape: 'Tệp “{{file}}” không đúng cấu trúc của “pcmt dump --json”: mục {{where}} bị thiếu hoặc sai kiểu giá trị. Không có gì được lưu; hãy sửa tệp rồi nạp lại.',
  loadUnknownKey: 'Tệp “{{file}}” có mục “{{where}}” mà tệp do “pcmt dump --json” tạo ra không bao giờ có. Không có gì được lưu; hãy xóa mục này rồi nạp lại.',
  loaded: 'Đã nạp tệp {{file}}: số liệu xã kỳ {{period}} thêm {{statusesAdded}}, sửa {{statusesChanged}}; điểm, tụ điểm thêm {{hotspotsAdded}}, sửa {{hotspotsChanged}}; mô hình thêm {{modelsAdded}}, sửa {{modelsChanged}}.',
  loadedNoChange: 'Dữ liệu đã đúng như tệp {{file}} ({{statuses}} xã có số liệu, {{hotspots}} điểm, tụ điểm, {{models}} mô hình): không có gì thay đổi.',
  serving: 'PCMT Desk (bản trình duyệt) đang chạy; nhấn Ctrl+C để dừng.',
  rendererMissing: 'Chưa dựng giao diện (thiếu dist/renderer); đang dựng bằng “npm run build:renderer”…',
  electronMissing: 'Không khởi động được Electron vì máy này chưa có tệp chạy Electron (node_modules/electron/dist), nên PCMT Desk mở bản trình duyệt tại địa chỉ dưới đây.',
  openedIn: 'Đã mở trong {{browser}}.',
  badReading: 'Cách đọc “{{reading}}” không hợp lệ; hãy dùng cumulative (cộng dồn, mặc định) hoặc literal (theo khoảng).',
  classifyNotJson: 'Dòng {{line}} không phải JSON hợp lệ.',
  classifyNotObject: 'Dòng {{line}} phải là một đối tượng JSON {…} chứa số liệu của một xã.',
  classifyNotANumber: 'Dòng {{line}}: “{{field}}” phải là một số.',
  classifyNotInteger: 'Dòng {{line}}: “{{field}}” phải là số nguyên.',
  classifyNegative: 'Dòng {{line}}: “{{field}}” không được âm.',
  classifyTooLarge: 'Dòng {{line}}: “{{field}}” quá lớn.',
  classifyUnknownKeyRoute: 'Dòng {{line}}: “key_route” phải là NONE, INTRA_PROVINCE hoặc INTER_PROVINCE.',
  classifyUnknownField: 'Dòng {{line}}: không có trường “{{field}}” (kiểm tra chính tả tên trường).',
  classifyBadId: 'Dòng {{line}}: “id” phải là chuỗi hoặc số.',
  checkPeriod: 'kỳ báo cáo (--period, ví dụ 2025-AY)',
  checkHeader: 'Kỳ {{period}}: {{errors}} lỗi, {{warnings}} cảnh báo.',
  checkError: 'LỖI',
  checkWarning: 'CẢNH BÁO',
  checkProblem: '[{{severity}} {{rule}}] {{message}}',
  checkClassHeader: 'Phân loại tính theo Quyết định 28/2025/QĐ-TTg ({{count}} xã có số liệu):',
  checkClassLine: '  {{code}} {{name}}: {{computed}}; khai: {{declared}} — tiêu chí {{criteria}}',
  checkNotDeclared: 'chưa khai',
  checkReference: ' (tham khảo: kỳ kết thúc trước 24/8/2025, tình trạng đơn vị khai vẫn giữ nguyên)',
  checkMissing: ' — chưa nhập: {{fields}}',
  checkReady: 'Không còn lỗi: kỳ này xuất được.',
  checkNotReady: 'Còn lỗi: hãy sửa các lỗi trên trước khi xuất kỳ này.',
  internal: 'Đã xảy ra lỗi không mong muốn: {{detail}}. Dữ liệu đã lưu không bị thay đổi.',
};

type CliKey = keyof typeof vi;

const en: Record<CliKey, string> = {
  usage: `Usage: pcmt <command> [options]
  pcmt init --workspace FILE [--units LISTFILE] [--office UNITCODE] [--scheme GSO_2004|NSO_2025]
  pcmt units import LISTFILE [--workspace FILE] [--confirm-moves] [--json]
  pcmt dump [--workspace FILE] [--period PERIOD] [--json]
  pcmt load FILE.json [--workspace FILE] [--period PERIOD] [--json]
  pcmt serve [--workspace FILE] [--new] [--port N]   (--new: create a new workspace when FILE does not exist)
  pcmt start [--workspace FILE] [--new]
  pcmt classify [--reading cumulative|literal] < figures.jsonl   (one commune per JSON line; prints its QĐ 28/2025 class)
  pcmt check --period PERIOD [--workspace FILE] [--json]   (checks the period's data; prints errors, warnings and each commune's class; exit code 1 while errors remain)
Periods: 2025, 2025-H1, 2025-Q3, 2025-06, 2025-AY, 2025-HN, 2025-AM, 2025-03-01_2025-08-31. Add --lang en for English.
Without --workspace the default workspace is used: {{defaultPath}}`,
  unknownCommand: 'There is no command “{{command}}”. Type “pcmt help” to see the commands.',
  unknownOption: 'The option “{{option}}” does not apply to “{{command}}”. Type “pcmt help” for usage.',
  missingValue: 'The option “{{option}}” needs a value. Type “pcmt help” for usage.',
  missingArgument: 'The command “{{command}}” needs {{what}}. Type “pcmt help” for usage.',
  listFile: 'the path of an administrative-unit list',
  fileUnreadable: 'The file “{{file}}” could not be read ({{detail}}). Check the path.',
  badPort: 'The port “{{port}}” is not valid; use a number from 0 to 65535 (0 = any free port).',
  badScheme: 'The list “{{scheme}}” is not valid; use GSO_2004 (before 1 July 2025) or NSO_2025 (from 1 July 2025).',
  officeAmbiguous: 'The unit code {{code}} exists in both lists; add --scheme GSO_2004 or --scheme NSO_2025.',
  badOfficeCode: 'The unit code “{{code}}” is not valid: provinces have 2 digits, districts 3, communes 5.',
  imported: 'Imported the {{scheme}} list from a {{format}} file: {{provinces}} provinces, {{districts}} districts, {{communes}} communes. Added {{added}}, changed {{changed}}, unchanged {{unchanged}}.',
  importedNoChange: 'The {{scheme}} list already matches this file ({{provinces}} provinces, {{districts}} districts, {{communes}} communes): nothing changed (0 added, 0 changed).',
  workspaceReady: 'Workspace: {{path}}',
  officeSet: 'Reporting office: {{name}} ({{parents}}), {{communes}} communes.',
  officeMissing: 'No reporting office chosen yet (use --office UNITCODE).',
  dumpHeader: 'Office: {{office}} — period {{period}} — {{rows}} communes, {{entered}} with data.',
  dumpFile: 'the path of a JSON file written by “pcmt dump --json”',
  loadNotJson: 'The file “{{file}}” is not valid JSON ({{detail}}). Nothing was stored; use a file written by “pcmt dump --json”.',
  loadBadShape: 'The file “{{file}}” does not have the shape of “pcmt dump --json”: {{where}} is missing or has a value of the wrong type. Nothing was stored; correct the file and load it again.',
  loadUnknownKey: 'The file “{{file}}” has an entry “{{where}}” that a file written by “pcmt dump --json” never has. Nothing was stored; remove this entry and load the file again.',
  loaded: 'Loaded {{file}}: commune figures for {{period}} added {{statusesAdded}}, changed {{statusesChanged}}; hotspots added {{hotspotsAdded}}, changed {{hotspotsChanged}}; model sites added {{modelsAdded}}, changed {{modelsChanged}}.',
  loadedNoChange: 'The data already matches {{file}} ({{statuses}} communes with figures, {{hotspots}} hotspots, {{models}} model sites): nothing changed.',
  serving: 'PCMT Desk (browser host) is running; press Ctrl+C to stop.',
  rendererMissing: 'The interface is not built yet (dist/renderer is missing); building it with “npm run build:renderer”…',
  electronMissing: 'Electron cannot start because this machine has no Electron binary (node_modules/electron/dist), so PCMT Desk opens in the browser at the address below.',
  openedIn: 'Opened in {{browser}}.',
  badReading: 'The reading “{{reading}}” is not valid; use cumulative (the default) or literal.',
  classifyNotJson: 'Line {{line}} is not valid JSON.',
  classifyNotObject: 'Line {{line}} must be a JSON object {…} with one commune’s figures.',
  classifyNotANumber: 'Line {{line}}: “{{field}}” must be a number.',
  classifyNotInteger: 'Line {{line}}: “{{field}}” must be a whole number.',
  classifyNegative: 'Line {{line}}: “{{field}}” must not be negative.',
  classifyTooLarge: 'Line {{line}}: “{{field}}” is too large.',
  classifyUnknownKeyRoute: 'Line {{line}}: “key_route” must be NONE, INTRA_PROVINCE or INTER_PROVINCE.',
  classifyUnknownField: 'Line {{line}}: there is no field “{{field}}” (check its spelling).',
  classifyBadId: 'Line {{line}}: “id” must be a string or a number.',
  checkPeriod: 'a reporting period (--period, e.g. 2025-AY)',
  checkHeader: 'Period {{period}}: {{errors}} error(s), {{warnings}} warning(s).',
  checkError: 'ERROR',
  checkWarning: 'WARNING',
  checkProblem: '[{{severity}} {{rule}}] {{message}}',
  checkClassHeader: 'Class computed under Decision 28/2025/QĐ-TTg ({{count}} communes with figures):',
  checkClassLine: '  {{code}} {{name}}: {{computed}}; declared: {{declared}} — criteria {{criteria}}',
  checkNotDeclared: 'not declared',
  checkReference: ' (for reference: the period ends before 24/8/2025, the class declared by the office stands)',
  checkMissing: ' — not entered: {{fields}}',
  checkReady: 'No errors: this period can be exported.',
  checkNotReady: 'Errors remain: fix them before exporting this period.',
  internal: 'Something unexpected went wrong: {{detail}}. Stored data was not changed.',
};

export function cliMessage(language: Language, key: CliKey, params: Record<string, string | number> = {}): string {
  return interpolate(language === 'en' ? en[key] : vi[key], params);
}

/** Numbers as Vietnamese officials write them: 10.047. */
export function formatCount(language: Language, value: number): string {
  return value.toLocaleString(language === 'en' ? 'en-US' : 'vi-VN');
}
