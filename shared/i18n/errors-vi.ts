/**
 * Vietnamese error messages (the default language). Each says what happened and what
 * to do; every failure that carries one leaves stored data unchanged. The English
 * catalog must have exactly the same keys (checked by its type).
 */
export const errorsVi = {
  INVALID_INPUT: 'Dữ liệu gửi đến không hợp lệ ({{detail}}). Không có gì được lưu; hãy tải lại màn hình và thử lại.',
  UNKNOWN_METHOD: 'Chức năng “{{method}}” không tồn tại. Hãy cập nhật PCMT Desk.',
  INTERNAL: 'Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị thay đổi; hãy thử lại hoặc báo cho bộ phận kỹ thuật.',
  UNAUTHORIZED: 'Phiên làm việc không hợp lệ. Hãy mở lại đường dẫn đầy đủ mà PCMT Desk đã in ra.',
  UNITS_FILE_EMPTY: 'Tệp “{{file}}” trống. Hãy chọn tệp danh mục đơn vị hành chính (Excel, CSV hoặc JSON).',
  UNITS_FILE_TOO_LARGE: 'Tệp “{{file}}” quá lớn ({{sizeMb}} MB, tối đa {{maxMb}} MB). Hãy chọn đúng tệp danh mục đơn vị hành chính.',
  UNITS_FORMAT_UNKNOWN: 'Không nhận ra định dạng của tệp “{{file}}”. Hãy dùng tệp Excel tải từ Cục Thống kê, tệp CSV hoặc tệp JSON danh mục đơn vị hành chính.',
  UNITS_NOT_UTF8: 'Tệp “{{file}}” không được mã hóa UTF-8. Hãy lưu lại tệp dưới dạng “CSV UTF-8” rồi nhập lại.',
  UNITS_SPREADSHEET_UNREADABLE: 'Không đọc được bảng tính “{{file}}” ({{detail}}). Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi nhập lại.',
  UNITS_HEADER_NOT_FOUND: 'Không tìm thấy dòng tiêu đề có cột mã tỉnh và mã xã trong tệp “{{file}}”. Hãy kiểm tra tệp có đúng mẫu danh mục đơn vị hành chính không.',
  UNITS_NO_ROWS: 'Tệp “{{file}}” không có đơn vị nào. Hãy chọn tệp danh mục đầy đủ.',
  UNITS_ROW_MISSING: 'Dòng {{row}}: thiếu {{field}}. Chưa có đơn vị nào được lưu; hãy sửa dòng này rồi nhập lại.',
  UNITS_ROW_BAD_CODE: 'Dòng {{row}}: {{field}} “{{value}}” không hợp lệ (phải gồm {{digits}} chữ số). Chưa có đơn vị nào được lưu; hãy sửa dòng này rồi nhập lại.',
  UNITS_ROW_BAD_TYPE: 'Dòng {{row}}: không xác định được loại đơn vị của “{{value}}”. Chưa có đơn vị nào được lưu; hãy ghi rõ Xã, Phường, Thị trấn hoặc Đặc khu.',
  UNITS_ROW_DUPLICATE: 'Dòng {{row}}: {{field}} “{{value}}” đã có ở dòng {{firstRow}}. Chưa có đơn vị nào được lưu; hãy xóa dòng trùng rồi nhập lại.',
  UNITS_ROW_CONFLICT: 'Dòng {{row}}: {{field}} “{{value}}” mâu thuẫn với dòng {{firstRow}} (tên hoặc đơn vị cấp trên khác nhau). Chưa có đơn vị nào được lưu; hãy sửa cho thống nhất rồi nhập lại.',
  UNITS_JSON_INVALID: 'Tệp JSON “{{file}}” bị lỗi cú pháp ({{detail}}). Hãy chọn tệp JSON danh mục nguyên vẹn.',
  UNITS_JSON_SHAPE: 'Tệp JSON “{{file}}” không đúng cấu trúc danh mục tại {{row}}: thiếu hoặc sai {{field}}. Chưa có đơn vị nào được lưu.',
  SCHEME_UNKNOWN: 'Không có danh mục “{{scheme}}”. Hãy nhập danh mục đơn vị hành chính trước.',
  UNIT_NOT_FOUND: 'Không tìm thấy đơn vị mã {{code}} trong danh mục {{scheme}}. Hãy nhập danh mục đơn vị hành chính rồi chọn lại.',
  OFFICE_LEVEL_NOT_ALLOWED: 'Không thể chọn “{{name}}” làm đơn vị báo cáo. Hãy chọn một tỉnh/thành phố, một huyện (danh mục cũ) hoặc một xã/phường.',
  OFFICE_NOT_SET: 'Chưa chọn đơn vị của cơ quan. Hãy chọn đơn vị trong màn hình thiết lập (hoặc dùng “pcmt init --office”).',
  PERIOD_INVALID: 'Kỳ báo cáo “{{period}}” không hợp lệ. Hãy dùng dạng 2025, 2025-H1, 2025-Q3 hoặc 2025-06.',
  PERIOD_LOCKED: 'Kỳ báo cáo {{period}} đã khóa nên không sửa được. Hãy mở khóa kỳ trước khi sửa.',
  COMMUNE_NOT_IN_OFFICE: 'Xã mã {{code}} không thuộc đơn vị của cơ quan nên không lưu được. Hãy kiểm tra lại mã xã.',
  FIELD_VALUE_INVALID: 'Giá trị “{{value}}” không hợp lệ cho cột {{field}}: {{rule}}. Giá trị cũ được giữ nguyên.',
  WORKSPACE_NOT_FOUND: 'Không tìm thấy tệp dữ liệu “{{path}}”. Hãy kiểm tra đường dẫn hoặc tạo mới bằng “pcmt init”.',
  WORKSPACE_NOT_SQLITE: 'Tệp “{{path}}” không phải tệp dữ liệu PCMT Desk. Hãy chọn đúng tệp dữ liệu.',
  WORKSPACE_CORRUPT: 'Tệp dữ liệu “{{path}}” bị hỏng ({{detail}}). Hãy khôi phục từ bản sao lưu gần nhất.',
  WORKSPACE_TOO_NEW: 'Tệp dữ liệu “{{path}}” được tạo bởi phiên bản PCMT Desk mới hơn (lược đồ {{found}}, phiên bản này hỗ trợ đến {{supported}}). Hãy cập nhật PCMT Desk.',
  WORKSPACE_OPEN_FAILED: 'Không mở được tệp dữ liệu “{{path}}” ({{detail}}). Hãy kiểm tra quyền ghi vào thư mục chứa tệp.',
} as const;

export type ErrorCode = keyof typeof errorsVi;

/** Terms referenced by error parameters written as `term:<key>`. */
export const termsVi = {
  provinceCode: 'mã tỉnh',
  provinceName: 'tên tỉnh',
  districtCode: 'mã huyện',
  districtName: 'tên huyện',
  communeCode: 'mã xã',
  communeName: 'tên xã',
  communeType: 'loại đơn vị',
  level1Id: 'level1_id',
  level2Id: 'level2_id',
  level3Id: 'level3_id',
  name: 'name',
  wholeNumber: 'phải là số nguyên không âm',
  nonNegativeNumber: 'phải là số không âm, tối đa 2 chữ số thập phân',
  dateFormat: 'phải là ngày dạng dd/mm/yyyy',
  closedList: 'phải chọn một giá trị trong danh sách',
  yesNo: 'phải là Có hoặc Không',
  textTooLong: 'quá dài',
} as const;

export type TermKey = keyof typeof termsVi;
