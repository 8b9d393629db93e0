/** Messages of the exchange commands of `pcmt` (keys, trust, export, verify), vi and en. */
import { interpolate, type Language } from './format';

const vi = {
  usage: `Trao đổi gói dữ liệu có chữ ký (mật khẩu khóa lấy từ biến PCMT_PASSPHRASE khi không chạy tương tác):
  pcmt keys generate --workspace TỆP [--encryption]        tạo khóa ký (và khóa mã hóa) của đơn vị
  pcmt keys show --workspace TỆP [--json]                  mã khóa và dấu vân tay 30 chữ số
  pcmt keys enrollment --workspace TỆP --out TỆP.bckey     tệp đăng ký khóa và phiếu đăng ký
  pcmt keys import-identity TỆP_AGE --workspace TỆP        cài khóa mã hóa từ tệp định danh age
  pcmt keys rotate --workspace TỆP --out TỆP.bckey [--reason LÝ_DO]   đổi khóa: tệp đổi khóa gửi cấp tỉnh
  pcmt trust root-keygen --out GỐC.key                     khóa gốc (GỐC.key có mật khẩu, GỐC.pub bên cạnh)
  pcmt trust init --workspace TỆP --root-pub A.pub [B.pub…] --threshold T
  pcmt trust add-office TỆP.bckey --workspace TỆP          nhận tệp đăng ký hoặc tệp đổi khóa của đơn vị
  pcmt trust revoke ĐƠN_VỊ --workspace TỆP --last-trusted-sequence N [--reason LÝ_DO]   thu hồi khóa ngay
  pcmt trust publish --workspace TỆP --root-key A.key [B.key…] --expires YYYY-MM-DD --out TỆP.bctrust
  pcmt trust import TỆP.bctrust --workspace TỆP [--bootstrap]
  pcmt export --workspace TỆP --period KỲ --out TỆP.bcpkg [--no-hotspots]
  pcmt verify TỆP… --workspace TỆP [--json]                kiểm tra gói nhận được, không ghi gì
  pcmt receive TỆP… --workspace TỆP [--yes] [--json]       kiểm tra, xem trước và (với --yes) nhập gói vào dữ liệu tổng hợp
  pcmt log verify --workspace TỆP                          kiểm tra chuỗi băm của sổ nhập gói
  pcmt receipt create --package MÃ_GÓI --workspace TỆP --out TỆP.bcrcpt   biên nhận có chữ ký cho gói đã nhận (gửi lại đơn vị gửi)
  pcmt receipt import TỆP.bcrcpt --workspace TỆP           ghi nhận biên nhận của cấp trên vào gói đã gửi
  pcmt periods lock|unlock --workspace TỆP --period KỲ [--reason LÝ_DO]   khóa / mở khóa kỳ (mở khóa cần lý do)
  pcmt backup --workspace TỆP [--out TỆP]                  sao lưu tệp dữ liệu (gồm khóa tin cậy, sổ nhập gói)
  pcmt restore BẢN_SAO_LƯU --workspace TỆP                 khôi phục từ bản sao lưu
  pcmt probe                                               kiểm tra các thuật toán mật mã của môi trường chạy
  pcmt init … --training                                    tạo tệp dữ liệu tập huấn (gói mang nhãn training)`,
  passphrasePrompt: 'Mật khẩu khóa: ',
  passphraseFor: 'Mật khẩu của {{what}}: ',
  passphraseRepeat: 'Nhập lại mật khẩu: ',
  passphraseMismatch: 'Hai lần nhập mật khẩu không khớp. Không có gì được tạo; hãy chạy lại lệnh.',
  passphraseMissing: 'Cần mật khẩu khóa nhưng không có bàn phím để hỏi. Hãy đặt biến môi trường PCMT_PASSPHRASE.',
  keysGenerated: 'Đã tạo khóa cho {{office}} ({{code}}).',
  keySigning: 'Khóa ký: {{keyId}} — dấu vân tay: {{fingerprint}}',
  keyEncryption: 'Khóa mã hóa: {{recipient}} — dấu vân tay: {{fingerprint}}',
  keysNone: 'Đơn vị chưa có khóa. Dùng “pcmt keys generate”.',
  enrollmentWritten: 'Đã ghi tệp đăng ký khóa {{file}}. In phiếu dưới đây, lãnh đạo ký, gửi cấp tỉnh kèm tệp:',
  form: `PHIẾU ĐĂNG KÝ KHÓA
Đơn vị: {{officeName}} ({{officeCode}})
Mã khóa ký: {{keyId}}
Dấu vân tay khóa ký: {{fingerprint}}
Khóa mã hóa: {{encryption}}
Ngày: {{date}} — PCMT Desk {{appVersion}}`,
  identityImported: 'Đã cài khóa mã hóa {{recipient}}.',
  rootWritten: 'Đã ghi khóa gốc {{key}} và {{pub}}. Mã khóa: {{keyId}} — dấu vân tay: {{fingerprint}}. Cất {{key}} trên USB riêng, không để trên máy làm việc.',
  trustInit: 'Máy này phát hành danh sách tin cậy với {{count}} khóa gốc, ngưỡng {{threshold}}:',
  rootLine: '  {{keyId}}  {{fingerprint}}',
  officeAdded: 'Đã nhận đăng ký của {{officeName}} ({{officeCode}}). Gọi điện theo số trong danh bạ chính thức và đối chiếu dấu vân tay: {{fingerprint}}',
  published: 'Đã phát hành danh sách tin cậy phiên bản {{version}} ({{offices}} đơn vị, hết hạn {{expires}}) vào {{file}}.',
  trustImported: 'Đã cài danh sách tin cậy của {{authority}} phiên bản {{version}} ({{offices}} đơn vị, hết hạn {{expires}}).',
  bootstrapRoots: 'Khóa gốc (đối chiếu với công văn của cấp tỉnh và qua điện thoại):',
  exported: 'Đã gửi kỳ {{period}}: số thứ tự {{sequence}}, {{communes}} xã, {{hotspots}} điểm, {{models}} mô hình{{encrypted}} → {{file}}',
  exportedEncrypted: ', đã mã hóa cho {{recipients}}',
  verifyLine: '{{file}}: {{code}} — {{message}}',
  needPeriod: 'kỳ báo cáo (--period)',
  needOut: 'đường dẫn tệp kết quả (--out)',
  needFile: 'đường dẫn tệp',
  needRootPub: 'tệp khóa gốc công khai (--root-pub)',
  needRootKey: 'tệp khóa gốc (--root-key)',
  needExpires: 'ngày hết hạn (--expires YYYY-MM-DD)',
  needThreshold: 'ngưỡng chữ ký (--threshold)',
  probeLine: '{{status}} {{capability}}: {{detail}}',
  probeMissing: 'Thiếu thuật toán bắt buộc: {{missing}}. Bản dựng này không dùng được để ký và kiểm tra gói.',
  probeOk: 'Đủ các thuật toán cần cho gói dữ liệu có chữ ký.',
  receiveStaged: 'đã kiểm tra, chưa nhập (thêm --yes để nhập)',
  periodLocked: 'Đã khóa kỳ {{period}}.',
  periodUnlocked: 'Đã mở khóa kỳ {{period}}; lý do được ghi vào lịch sử.',
  needReason: 'lý do mở khóa (--reason)',
  backupWritten: 'Đã sao lưu tệp dữ liệu vào {{file}}.',
  restored: 'Đã khôi phục từ bản sao lưu lúc {{date}} (UTC); tệp đang dùng trước đó được giữ ở {{previous}}. Các gói đã nhận và đã gửi sau thời điểm đó không còn: hãy nhập lại các gói nhận được từ ngày đó.',
  restoredSequence: 'Số thứ tự gói tiếp theo của đơn vị được đặt là {{sequence}} để không dùng lại số đã gửi.',
  receiveAccepted: 'đã nhập ({{changes}} dòng thay đổi)',
  receiveLine: '{{file}}: {{decision}} {{code}} — {{message}}',
  receiptWritten: 'Đã lập biên nhận cho gói số {{sequence}} kỳ {{period}} của {{issuer}} ({{decision}}){{encrypted}} → {{file}}',
  receiptEncrypted: ', đã mã hóa cho {{issuer}}',
  receiptImported: 'Đã ghi nhận biên nhận của cấp trên: gói số {{sequence}} kỳ {{period}} {{decision}} (biên nhận lập lúc {{at}}).',
  receiptAccepted: 'đã được chấp nhận',
  receiptSuperseded: 'đã được thay bằng gói gửi sau',
  receiptQuarantined: 'bị cách ly (khóa ký đã bị thu hồi)',
  needPackage: 'mã gói (--package)',
  logIntact: 'Sổ nhập gói nguyên vẹn: {{rows}} dòng, mã băm cuối {{head}}.',
  logBroken: 'Sổ nhập gói đã bị sửa: chuỗi băm đứt tại dòng {{id}} (đã đọc {{rows}} dòng). Báo ngay cán bộ CNTT và lãnh đạo.',
  rotationWritten: 'Đã ghi tệp đổi khóa {{file}}: khóa cũ {{oldKeyId}} ký đến số thứ tự {{last}}; khóa mới {{newKeyId}} — dấu vân tay: {{fingerprint}}. Gửi tệp cho cấp tỉnh. Đơn vị vẫn ký bằng khóa cũ cho đến khi nhập danh sách tin cậy mới có khóa mới; khi đó khóa cũ bị hủy.',
  rotationRenewed: 'Đã có khóa mới {{newKeyId}} đang chờ cấp tỉnh duyệt; đã ký lại tệp đổi khóa {{file}} với số thứ tự cuối cùng {{last}}. Gửi tệp này thay cho tệp trước.',
  rotationAccepted: 'Đã nhận tệp đổi khóa của {{officeName}} ({{officeCode}}): khóa cũ {{oldKeyId}} ký đến số {{last}}{{reason}}. Gọi điện theo số trong danh bạ chính thức và đối chiếu dấu vân tay khóa mới: {{fingerprint}} (bắt buộc khi đổi cán bộ). Phát hành danh sách tin cậy mới để áp dụng.',
  rotationReason: '; lý do: {{reason}}',
  revoked: 'Đã thu hồi khóa {{keyIds}} của {{office}}, tin cậy đến số thứ tự {{last}}. Từ nay mọi gói ký bằng khóa này bị từ chối. Phát hành danh sách tin cậy mới để các đơn vị khác biết.',
  quarantinedLine: '  cách ly gói {{packageId}} (kỳ {{period}}, số {{sequence}})',
  slotBack: '  kỳ {{period}}: quay về gói {{packageId}} (số {{sequence}})',
  slotEmptied: '  kỳ {{period}}: không còn gói tin cậy, kỳ này coi như chưa nhận',
  needLastTrusted: 'số thứ tự tin cậy cuối cùng (--last-trusted-sequence N)',
  needOffice: 'mã đơn vị',
};

const en: Record<keyof typeof vi, string> = {
  usage: `Signed package exchange (the key passphrase comes from PCMT_PASSPHRASE when not interactive):
  pcmt keys generate --workspace FILE [--encryption]       create the office's signing (and encryption) key
  pcmt keys show --workspace FILE [--json]                 key ids and 30-digit fingerprints
  pcmt keys enrollment --workspace FILE --out FILE.bckey   the enrollment statement and the registration form
  pcmt keys import-identity AGEFILE --workspace FILE       install an encryption key from an age identity file
  pcmt keys rotate --workspace FILE --out FILE.bckey [--reason TEXT]   rotate keys: a rotation file for the province
  pcmt trust root-keygen --out ROOT.key                    a root key (ROOT.key with a passphrase, ROOT.pub beside it)
  pcmt trust init --workspace FILE --root-pub A.pub [B.pub…] --threshold T
  pcmt trust add-office FILE.bckey --workspace FILE        take an office's enrollment or key-rotation file
  pcmt trust revoke OFFICE --workspace FILE --last-trusted-sequence N [--reason TEXT]   revoke a key now
  pcmt trust publish --workspace FILE --root-key A.key [B.key…] --expires YYYY-MM-DD --out FILE.bctrust
  pcmt trust import FILE.bctrust --workspace FILE [--bootstrap]
  pcmt export --workspace FILE --period PERIOD --out FILE.bcpkg [--no-hotspots]
  pcmt verify FILE… --workspace FILE [--json]              check received packages; writes nothing
  pcmt receive FILE… --workspace FILE [--yes] [--json]     check, preview and (with --yes) import packages into the consolidated data
  pcmt log verify --workspace FILE                         check the hash chain of the import log
  pcmt receipt create --package ID --workspace FILE --out FILE.bcrcpt   a signed receipt for a received package (send it back)
  pcmt receipt import FILE.bcrcpt --workspace FILE         record the office above's receipt against the package sent
  pcmt periods lock|unlock --workspace FILE --period PERIOD [--reason TEXT]   lock / unlock a period (unlocking needs a reason)
  pcmt backup --workspace FILE [--out FILE]                back up the workspace (trust state and import log included)
  pcmt restore BACKUP --workspace FILE                     restore a backup
  pcmt probe                                               check the runtime's cryptography
  pcmt init … --training                                    create a training workspace (its packages say training)`,
  passphrasePrompt: 'Key passphrase: ',
  passphraseFor: 'Passphrase of {{what}}: ',
  passphraseRepeat: 'Repeat the passphrase: ',
  passphraseMismatch: 'The two passphrases differ. Nothing was created; run the command again.',
  passphraseMissing: 'A key passphrase is needed but there is no terminal to ask. Set the PCMT_PASSPHRASE environment variable.',
  keysGenerated: 'Created keys for {{office}} ({{code}}).',
  keySigning: 'Signing key: {{keyId}} — fingerprint: {{fingerprint}}',
  keyEncryption: 'Encryption key: {{recipient}} — fingerprint: {{fingerprint}}',
  keysNone: 'The office has no keys yet. Use “pcmt keys generate”.',
  enrollmentWritten: 'Wrote the enrollment statement {{file}}. Print the form below, have it signed, and send it to the province with the file:',
  form: `KEY REGISTRATION FORM
Office: {{officeName}} ({{officeCode}})
Signing key id: {{keyId}}
Signing key fingerprint: {{fingerprint}}
Encryption key: {{encryption}}
Date: {{date}} — PCMT Desk {{appVersion}}`,
  identityImported: 'Installed encryption key {{recipient}}.',
  rootWritten: 'Wrote root key {{key}} and {{pub}}. Key id: {{keyId}} — fingerprint: {{fingerprint}}. Keep {{key}} on its own USB stick, never on the everyday computer.',
  trustInit: 'This computer issues trust lists with {{count}} root keys, threshold {{threshold}}:',
  rootLine: '  {{keyId}}  {{fingerprint}}',
  officeAdded: 'Enrolled {{officeName}} ({{officeCode}}). Call the number in the official directory and compare the fingerprint: {{fingerprint}}',
  published: 'Published trust list version {{version}} ({{offices}} offices, expires {{expires}}) to {{file}}.',
  trustImported: 'Installed the trust list of {{authority}}, version {{version}} ({{offices}} offices, expires {{expires}}).',
  bootstrapRoots: 'Root keys (compare with the province’s official letter and by phone):',
  exported: 'Sent period {{period}}: sequence {{sequence}}, {{communes}} communes, {{hotspots}} hotspots, {{models}} model sites{{encrypted}} → {{file}}',
  exportedEncrypted: ', encrypted to {{recipients}}',
  verifyLine: '{{file}}: {{code}} — {{message}}',
  needPeriod: 'a reporting period (--period)',
  needOut: 'an output path (--out)',
  needFile: 'a file path',
  needRootPub: 'a root public key file (--root-pub)',
  needRootKey: 'a root key file (--root-key)',
  needExpires: 'an expiry date (--expires YYYY-MM-DD)',
  needThreshold: 'a signature threshold (--threshold)',
  probeLine: '{{status}} {{capability}}: {{detail}}',
  probeMissing: 'Required algorithms are missing: {{missing}}. This build cannot sign or verify packages.',
  probeOk: 'Every algorithm signed packages need is present.',
  receiveStaged: 'checked, not imported (add --yes to import)',
  periodLocked: 'Period {{period}} is locked.',
  periodUnlocked: 'Period {{period}} is unlocked; the reason is kept in the history.',
  needReason: 'a reason for unlocking (--reason)',
  backupWritten: 'Backed up the workspace to {{file}}.',
  restored: 'Restored from the backup taken at {{date}} (UTC); the file in use before is kept at {{previous}}. Packages received or sent after that moment are gone: receive again the packages that arrived since.',
  restoredSequence: 'The office’s next package sequence is set to {{sequence}} so no number already sent is reused.',
  receiveAccepted: 'imported ({{changes}} records changed)',
  receiveLine: '{{file}}: {{decision}} {{code}} — {{message}}',
  receiptWritten: 'Made the receipt for package {{sequence}} of {{issuer}}, period {{period}} ({{decision}}){{encrypted}} → {{file}}',
  receiptEncrypted: ', encrypted to {{issuer}}',
  receiptImported: 'Recorded the receipt of the office above: package {{sequence}}, period {{period}}, {{decision}} (receipt made at {{at}}).',
  receiptAccepted: 'accepted',
  receiptSuperseded: 'replaced by a later package',
  receiptQuarantined: 'quarantined (its signing key was revoked)',
  needPackage: 'a package id (--package)',
  logIntact: 'The import log is intact: {{rows}} rows, last hash {{head}}.',
  logBroken: 'The import log was altered: the hash chain breaks at row {{id}} ({{rows}} rows read). Tell the IT officer and the head of office now.',
  rotationWritten: 'Wrote the key-rotation file {{file}}: old key {{oldKeyId}} signed up to sequence {{last}}; new key {{newKeyId}} — fingerprint: {{fingerprint}}. Send the file to the province. The office keeps signing with the old key until it imports a trust list with the new key; the old key is then destroyed.',
  rotationRenewed: 'New key {{newKeyId}} is already waiting for the province; signed the rotation file {{file}} again with last sequence {{last}}. Send this file instead of the earlier one.',
  rotationAccepted: 'Took the key-rotation file of {{officeName}} ({{officeCode}}): old key {{oldKeyId}} signed up to sequence {{last}}{{reason}}. Call the number in the official directory and compare the new key’s fingerprint: {{fingerprint}} (mandatory when staff changed). Publish a new trust list to apply it.',
  rotationReason: '; reason: {{reason}}',
  revoked: 'Revoked key {{keyIds}} of {{office}}, trusted up to sequence {{last}}. Every package signed with it is refused from now on. Publish a new trust list so that other offices learn of it.',
  quarantinedLine: '  quarantined package {{packageId}} (period {{period}}, sequence {{sequence}})',
  slotBack: '  period {{period}}: back to package {{packageId}} (sequence {{sequence}})',
  slotEmptied: '  period {{period}}: no trusted package left; the period counts as not received',
  needLastTrusted: 'the last trusted sequence (--last-trusted-sequence N)',
  needOffice: 'an office code',
};

export type CliExchangeKey = keyof typeof vi;

export function cliExchangeMessage(language: Language, key: CliExchangeKey, params: Record<string, string | number> = {}): string {
  return interpolate(language === 'en' ? en[key] : vi[key], params);
}
