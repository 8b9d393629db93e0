/**
 * Texts of the Báo cáo tab (the period report, issue 15 item 1). The report itself is
 * always Vietnamese (an official document); these are the tab's own labels. Merged by
 * setup.ts under the namespace 'report'.
 */
const vi = {
  loading: 'Đang lập báo cáo…',
  preview: 'Bản xem trước báo cáo',
  settings: 'Thông tin báo cáo',
  officeSettings: 'Điền một lần cho đơn vị',
  periodSettings: 'Riêng kỳ này',
  fields: {
    superiorBody: 'Cơ quan chủ quản',
    issuer: 'Cơ quan ban hành',
    symbol: 'Ký hiệu (sau số)',
    place: 'Địa danh',
    number: 'Số',
    date: 'Ngày ban hành',
    recipients: 'Nơi nhận (mỗi dòng một nơi)',
    archive: 'Lưu (sau “Lưu: VT,”)',
    signerAuthority: 'Thẩm quyền ký',
    signerOnBehalfOf: 'Dòng sau thẩm quyền',
    signerTitle: 'Chức vụ người ký',
    signerName: 'Họ tên người ký',
    situation: 'Tình hình (đoạn văn tự do)',
  },
  noAuthority: '(không)',
  withHotspots: 'Kèm danh sách điểm, tụ điểm (báo cáo mang dấu MẬT)',
  save: 'Lưu thông tin',
  saved: 'Đã lưu thông tin báo cáo.',
  saveDocx: 'Lưu .docx',
  savePdf: 'Lưu PDF',
  print: 'In',
  working: 'Đang tạo tệp…',
  written: 'Đã tạo tệp {{file}}.',
  failed: 'Không tạo được báo cáo: {{message}}',
  saveFailed: 'Không lưu được thông tin báo cáo: {{message}} Thông tin đã lưu trước đó vẫn giữ nguyên.',
  unsaved: 'Có thay đổi chưa lưu: tệp và bản in dùng thông tin đã lưu.',
};

export type ReportMessages = typeof vi;

const en: ReportMessages = {
  loading: 'Preparing the report…',
  preview: 'Report preview',
  settings: 'Report details',
  officeSettings: 'Filled once for the office',
  periodSettings: 'This period only',
  fields: {
    superiorBody: 'Superior body',
    issuer: 'Issuing office',
    symbol: 'Symbol (after the number)',
    place: 'Place name',
    number: 'Number',
    date: 'Date of issue',
    recipients: 'Recipients (one per line)',
    archive: 'Archive (after “Lưu: VT,”)',
    signerAuthority: 'Signing authority',
    signerOnBehalfOf: 'Line after the authority',
    signerTitle: 'Signer’s title',
    signerName: 'Signer’s name',
    situation: 'Situation (free paragraph)',
  },
  noAuthority: '(none)',
  withHotspots: 'Include the hotspot list (the report is then marked MẬT, secret)',
  save: 'Save details',
  saved: 'The report details were saved.',
  saveDocx: 'Save .docx',
  savePdf: 'Save PDF',
  print: 'Print',
  working: 'Creating the file…',
  written: 'Created {{file}}.',
  failed: 'The report could not be created: {{message}}',
  saveFailed: 'The report details could not be saved: {{message}} The details saved before are unchanged.',
  unsaved: 'There are unsaved changes: the files and the printout use the saved details.',
};

export const reportResources = { vi, en };
