/** The model-site register (mô hình; domain.md §7.8, §3.3, §4.3). */
import { labelTable, type FieldDef, type FieldValue } from './fields';

export const MODEL_TYPE = labelTable([
  ['TU_QUAN_KHU_DAN_CU', 'Tự quản khu dân cư', 'Self-managed residential area'],
  ['TO_AN_NINH_TO_DOAN_KET', 'Tổ an ninh, tổ đoàn kết', 'Security / solidarity team'],
  ['CLB_PCTP_TNXH', 'CLB phòng, chống tội phạm, TNXH', 'Crime-prevention club'],
  ['CLB_SAU_CAI', 'CLB sau cai', 'Post-rehab club'],
  ['DIEM_TU_VAN_HO_TRO_DIEU_TRI_CONG_DONG', 'Điểm tư vấn, hỗ trợ điều trị tại cộng đồng', 'Community counselling point'],
  ['TO_CONG_TAC_CAI_NGHIEN', 'Tổ công tác cai nghiện', 'Rehab work team'],
  ['HO_TRO_PHAP_LY_CHUYEN_GUI', 'Hỗ trợ pháp lý, chuyển gửi', 'Legal support and referral'],
  ['DOAN_THE_GIUP_DO', 'Đoàn thể giúp đỡ', 'Mass-organisation support'],
  ['GIA_DINH_DONG_HO_KHONG_MA_TUY', 'Gia đình, dòng họ không ma túy', 'Drug-free family/clan'],
  ['THON_TDP_KHONG_MA_TUY', 'Thôn, tổ dân phố không ma túy', 'Drug-free village'],
  ['XA_KHONG_MA_TUY', 'Xã không ma túy', 'Drug-free commune'],
  ['TRUONG_HOC_KHONG_MA_TUY', 'Trường học không ma túy', 'Drug-free school'],
  ['DOANH_NGHIEP_KCN', 'Doanh nghiệp, khu công nghiệp', 'Enterprise, industrial zone'],
  ['CHUYEN_HOA_DIA_BAN_TRONG_DIEM', 'Chuyển hóa địa bàn trọng điểm', 'Transforming a key area'],
  ['KHAC', 'Khác', 'Other'],
] as const);

export const MODEL_LEVEL = labelTable([
  ['THON_TDP', 'Thôn, tổ dân phố', 'Village'],
  ['XA', 'Cấp xã', 'Commune'],
  ['HUYEN', 'Cấp huyện', 'District'],
  ['TINH', 'Cấp tỉnh', 'Province'],
] as const);

export const LEAD_ORGANIZATION = labelTable([
  ['UBND', 'UBND', "People's Committee"],
  ['CONG_AN', 'Công an', 'Police'],
  ['MTTQ', 'Mặt trận Tổ quốc', 'Fatherland Front'],
  ['DOAN_TN', 'Đoàn Thanh niên', 'Youth Union'],
  ['HOI_PHU_NU', 'Hội Phụ nữ', "Women's Union"],
  ['HOI_CCB', 'Hội Cựu chiến binh', "Veterans' Association"],
  ['HOI_NONG_DAN', 'Hội Nông dân', "Farmers' Association"],
  ['HOI_NGUOI_CAO_TUOI', 'Hội Người cao tuổi', "Elderly People's Association"],
  ['TRAM_Y_TE', 'Trạm y tế', 'Health station'],
  ['TRUONG_HOC', 'Trường học', 'School'],
  ['DOANH_NGHIEP', 'Doanh nghiệp', 'Enterprise'],
  ['KHAC', 'Khác', 'Other'],
] as const);

export const MODEL_STATUS = labelTable([
  ['DANG_HOAT_DONG', 'Đang hoạt động', 'Active'],
  ['TAM_DUNG', 'Tạm dừng', 'Paused'],
  ['GIAI_THE', 'Giải thể', 'Dissolved'],
] as const);

export const FUNDING_SOURCE = labelTable([
  ['CTMT_TRUNG_UONG', 'Chương trình mục tiêu trung ương', 'National target programme'],
  ['NGAN_SACH_DIA_PHUONG', 'Ngân sách địa phương', 'Local budget'],
  ['XA_HOI_HOA', 'Xã hội hóa', 'Private contributions'],
  ['TAI_TRO', 'Tài trợ', 'Sponsorship'],
  ['KHAC', 'Khác', 'Other'],
] as const);

export const EVALUATION = labelTable([
  ['TOT', 'Tốt', 'Good'],
  ['KHA', 'Khá', 'Fair'],
  ['TRUNG_BINH', 'Trung bình', 'Average'],
  ['YEU', 'Yếu', 'Weak'],
] as const);

export const MODEL_SITE_FIELDS = [
  { key: 'name', labels: { vi: 'Tên mô hình', en: 'Name' }, kind: { type: 'text', maxLength: 300 }, isRequired: true },
  { key: 'model_type', labels: { vi: 'Loại mô hình', en: 'Type' }, kind: { type: 'enum', ...MODEL_TYPE } },
  { key: 'level', labels: { vi: 'Cấp', en: 'Level' }, kind: { type: 'enum', ...MODEL_LEVEL } },
  { key: 'host_unit_code', labels: { vi: 'Đơn vị thực hiện', en: 'Host unit' }, kind: { type: 'ref', target: 'officeUnit' }, isRequired: true },
  { key: 'lead_organization', labels: { vi: 'Cơ quan chủ trì', en: 'Lead organisation' }, kind: { type: 'enum', ...LEAD_ORGANIZATION } },
  { key: 'is_pilot_model', labels: { vi: 'Mô hình điểm', en: 'Pilot model' }, kind: { type: 'bool' } },
  { key: 'target_year', labels: { vi: 'Năm chỉ tiêu', en: 'Target year' }, kind: { type: 'int', min: 1990, max: 2100 } },
  { key: 'establishment_decision_no', labels: { vi: 'Số quyết định thành lập', en: 'Decision no.' }, kind: { type: 'text', maxLength: 100 } },
  { key: 'establishment_date', labels: { vi: 'Ngày thành lập', en: 'Established' }, kind: { type: 'date' } },
  { key: 'ended_date', labels: { vi: 'Ngày kết thúc', en: 'Ended' }, kind: { type: 'date' } },
  { key: 'status', labels: { vi: 'Tình trạng', en: 'Status' }, kind: { type: 'enum', ...MODEL_STATUS } },
  { key: 'members', labels: { vi: 'Số thành viên', en: 'Members' }, kind: { type: 'int' } },
  { key: 'beneficiaries', labels: { vi: 'Số người được hỗ trợ', en: 'Beneficiaries' }, kind: { type: 'int' } },
  { key: 'funding_sources', labels: { vi: 'Nguồn kinh phí', en: 'Funding sources' }, kind: { type: 'set', ...FUNDING_SOURCE } },
  { key: 'budget_vnd', labels: { vi: 'Kinh phí (đồng)', en: 'Budget (VND)' }, kind: { type: 'int', max: 1e13 } },
  { key: 'evaluation', labels: { vi: 'Đánh giá', en: 'Evaluation' }, kind: { type: 'enum', ...EVALUATION } },
  { key: 'replicated_to_count', labels: { vi: 'Số nơi nhân rộng', en: 'Replicated to' }, kind: { type: 'int' } },
  { key: 'note', labels: { vi: 'Ghi chú', en: 'Note' }, kind: { type: 'text', maxLength: 2000 } },
] as const satisfies readonly FieldDef[];

export type ModelSiteField = (typeof MODEL_SITE_FIELDS)[number]['key'];
export type ModelSiteValues = Record<ModelSiteField, FieldValue>;
