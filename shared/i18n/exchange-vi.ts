/**
 * The Vietnamese messages of exchange-format.md §5.2, verbatim where the table gives
 * them, keyed by the stable codes. Trust-list codes (§3.5) and key-file codes follow the
 * same style. Parameters: {{keyId}}, {{a}}/{{b}} (offices), {{x}} (audience), {{date}},
 * {{office}}, {{period}}, {{s}}/{{n}} (sequences), {{code}}, {{reason}}, {{local}}.
 */
import type { ExchangeErrorCode, VerifyWarningCode } from '../exchange/codes';

export type ExchangeMessageKey = ExchangeErrorCode | VerifyWarningCode | 'OK_STAGED' | 'I_ALREADY_IMPORTED';

const ZIP = 'Cấu trúc tệp không hợp lệ hoặc có dấu hiệu bất thường (mã: {{code}}). Không nhập, báo cán bộ CNTT.';
const ENC = 'Tệp mã hóa bị hỏng hoặc đã bị sửa đổi trên đường truyền. Đề nghị đơn vị gửi lại.';
const SIG = 'Chữ ký số của gói bị hỏng hoặc dùng thuật toán không được chấp nhận.';
const MANIFEST = 'Bảng kê của gói sai định dạng.';
const CONTENT = 'Nội dung gói không khớp với bảng kê đã ký (bị sửa đổi hoặc hỏng).';
const OFFICE = 'Khóa ký thuộc đơn vị {{a}} nhưng gói ghi là của đơn vị {{b}}.';
const AUDIENCE = 'Gói này gửi cho đơn vị {{x}}, không phải đơn vị này.';
const SUPERVISOR = 'Cần lãnh đạo xác nhận: {{reason}}.';

export const exchangeMessagesVi: Record<ExchangeMessageKey, string> = {
  OK_STAGED: 'Gói hợp lệ: chữ ký đúng, nội dung nguyên vẹn, đúng đơn vị gửi và nhận.',
  I_ALREADY_IMPORTED: 'Gói này đã được nhập ngày {{date}}; không có thay đổi.',
  E_FILE_TOO_LARGE: 'Tệp quá lớn (trên 64 MB), không nhập.',
  E_UNKNOWN_FORMAT: 'Đây không phải tệp gói dữ liệu của phần mềm.',
  E_ENC_HEADER: ENC,
  E_ENC_HEADER_MAC: ENC,
  E_ENC_PAYLOAD: ENC,
  E_ENC_NOT_FOR_US: 'Tệp được mã hóa cho đơn vị khác; máy này không giải mã được.',
  E_ZIP_EOCD: ZIP,
  E_ZIP_UNSUPPORTED: ZIP,
  E_ZIP_TOO_MANY_ENTRIES: ZIP,
  E_ZIP_BAD_NAME: ZIP,
  E_ZIP_UNEXPECTED_ENTRY: ZIP,
  E_ZIP_DUPLICATE_ENTRY: ZIP,
  E_ZIP_BOMB: ZIP,
  E_ZIP_HEADER_MISMATCH: ZIP,
  E_ZIP_LAYOUT: ZIP,
  E_NOT_BCPKG: ZIP,
  E_ZIP_CRC: CONTENT,
  E_SIG_MALFORMED: SIG,
  E_SIG_ALG: SIG,
  E_KEY_UNKNOWN: 'Khóa ký {{keyId}} chưa có trong danh sách tin cậy; chưa xác minh được đơn vị gửi.',
  E_KEY_REVOKED: 'Khóa ký của đơn vị gửi đã bị thu hồi. Không nhập; liên hệ đơn vị gửi.',
  E_KEY_RETIRED: 'Khóa ký đã ngừng sử dụng; gói này được tạo sau thời điểm ngừng.',
  E_SIG_INVALID: 'Chữ ký không hợp lệ: nội dung đã bị thay đổi sau khi ký hoặc không do khóa này ký.',
  E_MANIFEST_NOT_CANONICAL: MANIFEST,
  E_MANIFEST_SCHEMA: MANIFEST,
  E_FORMAT_VERSION: 'Phiên bản định dạng gói không được hỗ trợ; cần cập nhật phần mềm.',
  E_SIGNER_MISMATCH: OFFICE,
  E_KEY_NOT_AUTHORIZED_FOR_OFFICE: OFFICE,
  E_ENVIRONMENT_MISMATCH: 'Đây là dữ liệu tập huấn/thử nghiệm, không nhập vào hệ thống chính thức.',
  E_NOT_ADDRESSED_TO_US: AUDIENCE,
  E_ISSUER_NOT_ALLOWED: AUDIENCE,
  E_TRUSTLIST_EXPIRED: 'Danh sách khóa tin cậy đã hết hạn ({{date}}); cần cập nhật từ cấp trên.',
  E_ENCRYPTION_REQUIRED: 'Gói chứa địa bàn trọng điểm nhưng không được mã hóa; không nhập, yêu cầu gửi lại bản mã hóa.',
  E_ENTRY_NOT_IN_MANIFEST: CONTENT,
  E_ENTRY_MISSING: CONTENT,
  E_ENTRY_SIZE_MISMATCH: CONTENT,
  E_ENTRY_HASH_MISMATCH: CONTENT,
  E_PAYLOAD_SCHEMA: CONTENT,
  E_PAYLOAD_HEADER_MISMATCH: CONTENT,
  E_RECORD_COUNT_MISMATCH: CONTENT,
  E_PAYLOAD_OUT_OF_JURISDICTION: 'Dữ liệu có xã/phường không thuộc địa bàn của đơn vị gửi.',
  E_PACKAGE_ID_REUSED: 'Mã gói trùng với gói đã nhập nhưng nội dung khác — bất thường.',
  E_REPLAY_OR_STALE: 'Đã có số liệu mới hơn của {{office}} kỳ {{period}} (số thứ tự {{s}}); gói này (số {{n}}) cũ hơn hoặc trùng.',
  E_TRUSTLIST_ROLLBACK: 'Danh sách khóa tin cậy này (phiên bản {{n}}) không mới hơn danh sách đang dùng (phiên bản {{s}}); không nhập.',
  E_TRUSTLIST_THRESHOLD: 'Danh sách khóa tin cậy không đủ chữ ký của khóa gốc ({{n}}/{{s}}); không nhập, liên hệ cấp tỉnh.',
  E_TRUST_ROOT_CHANGED_NEED_INTERMEDIATE: 'Khóa gốc đã thay đổi; cần nhập trước danh sách tin cậy phiên bản trung gian (sau phiên bản {{s}}).',
  E_TRUSTLIST_SCOPE: 'Danh sách khóa tin cậy có đơn vị {{office}} không thuộc quyền của đơn vị phát hành hoặc sai quy định; không nhập.',
  E_TRUSTLIST_NOT_BOOTSTRAPPED: 'Máy này chưa có danh sách khóa tin cậy. Lần đầu hãy nhập ở chế độ khởi tạo và đối chiếu dấu vân tay khóa gốc qua điện thoại.',
  E_STATEMENT_INVALID: 'Tệp đăng ký khóa không hợp lệ hoặc chữ ký không đúng; không nhận. Đề nghị đơn vị gửi lại tệp đăng ký.',
  E_WRONG_PASSPHRASE: 'Mật khẩu khóa không đúng. Không có gì được ký hay giải mã; hãy nhập lại mật khẩu.',
  E_KEY_FILE_INVALID: 'Tệp khóa không hợp lệ hoặc bị hỏng. Hãy chọn đúng tệp khóa.',
  E_FILE_NOT_FOUND: 'Không tìm thấy tệp này; không kiểm tra được. Hãy kiểm tra lại đường dẫn và tên tệp.',
  E_FILE_UNREADABLE: 'Không đọc được tệp này (không có quyền đọc, là thư mục hoặc ổ đĩa bị lỗi); không kiểm tra được. Hãy chép tệp vào một thư mục của máy rồi thử lại.',
  W_SUPERSEDES_MISMATCH: SUPERVISOR,
  W_SUPERSEDES_UNKNOWN: SUPERVISOR,
  W_SEQUENCE_JUMP: SUPERVISOR,
  W_AFTER_UPWARD_REPORT: SUPERVISOR,
};
