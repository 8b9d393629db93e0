/**
 * The commune status a user types for a period (domain.md §7.5). One list of field
 * definitions drives the database columns, the API validators, the grid's editors and
 * the typing/paste parser, so a field cannot exist in one layer and not another.
 * Field keys are the snake_case names of domain.md, used unchanged in every layer.
 */
import { labelTable, MAX_COUNT, type FieldDef, type FieldKind, type FieldValue, type Labels } from './fields';

export { MAX_COUNT, type FieldDef, type FieldValue, type Labels };

export const COMMUNE_CLASSES = [
  'KHONG_MA_TUY',
  'CO_MA_TUY',
  'TRONG_DIEM_III',
  'TRONG_DIEM_II',
  'TRONG_DIEM_I',
  'CHUA_XAC_DINH',
] as const;
export type CommuneClass = (typeof COMMUNE_CLASSES)[number];

export const KEY_ROUTES = ['NONE', 'INTRA_PROVINCE', 'INTER_PROVINCE'] as const;
export type KeyRoute = (typeof KEY_ROUTES)[number];

export const COMMUNE_CLASS_LABELS: Record<CommuneClass, Labels> = {
  KHONG_MA_TUY: { vi: 'Không ma túy', en: 'Drug-free' },
  CO_MA_TUY: { vi: 'Có ma túy', en: 'Has drugs' },
  TRONG_DIEM_III: { vi: 'Trọng điểm loại III', en: 'Key area, level III' },
  TRONG_DIEM_II: { vi: 'Trọng điểm loại II', en: 'Key area, level II' },
  TRONG_DIEM_I: { vi: 'Trọng điểm loại I', en: 'Key area, level I' },
  CHUA_XAC_DINH: { vi: 'Chưa xác định', en: 'Not determined' },
};

export const KEY_ROUTE_LABELS: Record<KeyRoute, Labels> = {
  NONE: { vi: 'Không', en: 'None' },
  INTRA_PROVINCE: { vi: 'Tuyến nội tỉnh', en: 'Intra-provincial route' },
  INTER_PROVINCE: { vi: 'Tuyến liên tỉnh', en: 'Inter-provincial route' },
};

const INT: FieldKind = { type: 'int' };

export const APPROVAL = labelTable([
  ['DRAFT', 'Đang nhập', 'Draft'],
  ['SELF_ASSESSED', 'Đã tự đánh giá', 'Self-assessed'],
  ['SUBMITTED', 'Đã trình', 'Submitted'],
  ['APPROVED', 'Đã phê duyệt', 'Approved'],
  ['RETURNED', 'Trả lại', 'Returned'],
] as const);

export const COMMUNE_STATUS_FIELDS = [
  { key: 'declared_class', labels: { vi: 'Tình trạng', en: 'Status' }, kind: { type: 'enum', values: COMMUNE_CLASSES, labels: COMMUNE_CLASS_LABELS } },
  { key: 'resident_population', labels: { vi: 'Nhân khẩu cư trú', en: 'Resident population' }, kind: INT },
  { key: 'addicts_with_records', labels: { vi: 'Người nghiện có hồ sơ', en: 'Addicts with records' }, kind: INT },
  { key: 'users_with_records', labels: { vi: 'Người sử dụng có hồ sơ', en: 'Users with records' }, kind: INT },
  { key: 'on_substitution_treatment', labels: { vi: 'Điều trị thay thế', en: 'Substitution treatment' }, kind: INT },
  { key: 'in_family_community_rehab', labels: { vi: 'Cai tại gia đình, cộng đồng', en: 'Family/community rehab' }, kind: INT },
  { key: 'under_post_rehab_management', labels: { vi: 'Quản lý sau cai', en: 'Post-rehab management' }, kind: INT },
  { key: 'residents_violating_drug_law', labels: { vi: 'Người vi phạm pháp luật về ma túy', en: 'Residents violating drug law' }, kind: INT , isPeriodFlow: true },
  { key: 'wanted_drug_fugitives_hiding', labels: { vi: 'Đối tượng truy nã lẩn trốn', en: 'Wanted fugitives hiding' }, kind: INT },
  { key: 'drug_offenders_arrested', labels: { vi: 'Đối tượng bị bắt', en: 'Offenders arrested' }, kind: INT , isPeriodFlow: true },
  { key: 'harboring_points', labels: { vi: 'Điểm chứa chấp sử dụng', en: 'Harbouring points' }, kind: INT },
  { key: 'plants_destroyed_count', labels: { vi: 'Số cây bị phá', en: 'Plants destroyed' }, kind: INT , isPeriodFlow: true },
  { key: 'plants_destroyed_area_m2', labels: { vi: 'Diện tích cây bị phá (m²)', en: 'Plant area destroyed (m²)' }, kind: { type: 'decimal', decimals: 2 } , isPeriodFlow: true },
  { key: 'key_route', labels: { vi: 'Tuyến trọng điểm', en: 'Key route' }, kind: { type: 'enum', values: KEY_ROUTES, labels: KEY_ROUTE_LABELS } },
  { key: 'commitment_signed', labels: { vi: 'Đã ký cam kết', en: 'Commitment signed' }, kind: { type: 'bool' } },
  { key: 'drug_free_certificate_no', labels: { vi: 'Số quyết định công nhận', en: 'Certificate decision no.' }, kind: { type: 'text', maxLength: 100 } },
  { key: 'drug_free_certificate_date', labels: { vi: 'Ngày công nhận', en: 'Certificate date' }, kind: { type: 'date' } },
  { key: 'override_reason', labels: { vi: 'Lý do khác kết quả tính', en: 'Override reason' }, kind: { type: 'text', maxLength: 1000 } , isPeriodFlow: true },
  { key: 'approval_status', labels: { vi: 'Trạng thái phê duyệt', en: 'Approval status' }, kind: { type: 'enum', ...APPROVAL } , isPeriodFlow: true },
  { key: 'approval_decision_no', labels: { vi: 'Số quyết định phê duyệt', en: 'Approval decision no.' }, kind: { type: 'text', maxLength: 100 } , isPeriodFlow: true },
  { key: 'approval_date', labels: { vi: 'Ngày phê duyệt', en: 'Approval date' }, kind: { type: 'date' } , isPeriodFlow: true },
  { key: 'approved_by', labels: { vi: 'Cơ quan phê duyệt', en: 'Approved by' }, kind: { type: 'text', maxLength: 200 } , isPeriodFlow: true },
  // Aggregate statistics of domain.md §7.6 that the reports need (no personal data).
  { key: 'addicts_records_male', labels: { vi: 'Người nghiện: nam', en: 'Addicts: male' }, kind: INT },
  { key: 'addicts_records_female', labels: { vi: 'Người nghiện: nữ', en: 'Addicts: female' }, kind: INT },
  { key: 'addicts_records_age_lt18', labels: { vi: 'Người nghiện: dưới 18 tuổi', en: 'Addicts: under 18' }, kind: INT },
  { key: 'addicts_records_age_18_29', labels: { vi: 'Người nghiện: 18–29 tuổi', en: 'Addicts: 18–29' }, kind: INT },
  { key: 'addicts_records_age_30_plus', labels: { vi: 'Người nghiện: từ 30 tuổi', en: 'Addicts: 30 and over' }, kind: INT },
  { key: 'new_addicts_detected', labels: { vi: 'Người nghiện mới phát hiện', en: 'New addicts detected' }, kind: INT , isPeriodFlow: true },
  { key: 'new_users_detected', labels: { vi: 'Người sử dụng mới phát hiện', en: 'New users detected' }, kind: INT , isPeriodFlow: true },
  { key: 'removed_from_management', labels: { vi: 'Đưa ra khỏi diện quản lý', en: 'Removed from management' }, kind: INT , isPeriodFlow: true },
  { key: 'rehab_compulsory', labels: { vi: 'Cai nghiện bắt buộc', en: 'Compulsory rehab' }, kind: INT , isPeriodFlow: true },
  { key: 'rehab_voluntary_facility', labels: { vi: 'Cai tự nguyện tại cơ sở', en: 'Voluntary rehab at a facility' }, kind: INT , isPeriodFlow: true },
  { key: 'rehab_voluntary_family_community', labels: { vi: 'Cai tự nguyện tại gia đình, cộng đồng', en: 'Voluntary rehab at home/community' }, kind: INT , isPeriodFlow: true },
  { key: 'accessed_services', labels: { vi: 'Được tiếp cận dịch vụ', en: 'Accessed services' }, kind: INT , isPeriodFlow: true },
  { key: 'post_rehab_managed', labels: { vi: 'Quản lý sau cai (trong kỳ)', en: 'Post-rehab managed (period)' }, kind: INT , isPeriodFlow: true },
  { key: 'post_rehab_completed_rehab', labels: { vi: 'Sau cai đã hoàn thành', en: 'Post-rehab completed' }, kind: INT , isPeriodFlow: true },
  { key: 'relapse_detected', labels: { vi: 'Tái nghiện phát hiện', en: 'Relapses detected' }, kind: INT , isPeriodFlow: true },
  { key: 'drug_cases', labels: { vi: 'Số vụ phạm tội về ma túy', en: 'Drug crime cases' }, kind: INT , isPeriodFlow: true },
  { key: 'drug_offenders', labels: { vi: 'Số đối tượng phạm tội', en: 'Drug offenders' }, kind: INT , isPeriodFlow: true },
  { key: 'administrative_violations', labels: { vi: 'Vi phạm hành chính', en: 'Administrative violations' }, kind: INT , isPeriodFlow: true },
  { key: 'seized_heroin_g', labels: { vi: 'Thu giữ heroin (g)', en: 'Heroin seized (g)' }, kind: { type: 'decimal', decimals: 2 } , isPeriodFlow: true },
  { key: 'seized_synthetic_g', labels: { vi: 'Thu giữ ma túy tổng hợp (g)', en: 'Synthetic drugs seized (g)' }, kind: { type: 'decimal', decimals: 2 } , isPeriodFlow: true },
  { key: 'seized_synthetic_pills', labels: { vi: 'Thu giữ ma túy tổng hợp (viên)', en: 'Synthetic pills seized' }, kind: INT , isPeriodFlow: true },
  { key: 'seized_cannabis_g', labels: { vi: 'Thu giữ cần sa (g)', en: 'Cannabis seized (g)' }, kind: { type: 'decimal', decimals: 2 } , isPeriodFlow: true },
  { key: 'propaganda_sessions', labels: { vi: 'Buổi tuyên truyền', en: 'Awareness sessions' }, kind: INT , isPeriodFlow: true },
  { key: 'propaganda_participants', labels: { vi: 'Lượt người nghe tuyên truyền', en: 'Session participants' }, kind: INT , isPeriodFlow: true },
  { key: 'note', labels: { vi: 'Ghi chú', en: 'Note' }, kind: { type: 'text', maxLength: 2000 } , isPeriodFlow: true },
] as const satisfies readonly FieldDef[];

export type CommuneStatusField = (typeof COMMUNE_STATUS_FIELDS)[number]['key'];

export const COMMUNE_STATUS_FIELD_KEYS: readonly CommuneStatusField[] = COMMUNE_STATUS_FIELDS.map((f) => f.key);

export type CommuneStatusValues = Record<CommuneStatusField, FieldValue>;

export function fieldDef(key: CommuneStatusField): FieldDef {
  const def = COMMUNE_STATUS_FIELDS.find((f) => f.key === key);
  if (!def) throw new Error(`unknown field ${key}`);
  return def;
}

export function isCommuneStatusField(key: string): key is CommuneStatusField {
  return (COMMUNE_STATUS_FIELD_KEYS as readonly string[]).includes(key);
}

export function emptyStatus(): CommuneStatusValues {
  const out = {} as CommuneStatusValues;
  for (const key of COMMUNE_STATUS_FIELD_KEYS) out[key] = null;
  return out;
}

/**
 * The fields flagged `isPeriodFlow` on their definitions: what happened during a period
 * (arrests, seizures, newly detected people, rehab intakes, services accessed, post-rehab
 * management in the period, sessions held) or its own decisions (approval, override
 * reason, note), rather than the commune's standing at the period's end (population,
 * people on the records, people currently in treatment, points, route). "Start this
 * period from the previous one" must not carry them over: last quarter's arrests are not
 * this quarter's.
 */
export const PERIOD_FLOW_FIELDS: ReadonlySet<CommuneStatusField> = new Set<CommuneStatusField>(
  COMMUNE_STATUS_FIELDS.filter((f) => 'isPeriodFlow' in f && f.isPeriodFlow).map((f) => f.key),
);
