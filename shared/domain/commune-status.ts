/**
 * The commune status a user types for a period (domain.md §7.5). One list of field
 * definitions drives the database columns, the API validators, the grid's editors and
 * the typing/paste parser, so a field cannot exist in one layer and not another.
 * Field keys are the snake_case names of domain.md, used unchanged in every layer.
 */
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

export type Labels = { vi: string; en: string };

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

export type FieldKind =
  | { type: 'int' }
  | { type: 'decimal'; decimals: number }
  | { type: 'enum'; values: readonly string[]; labels: Record<string, Labels> }
  | { type: 'bool' }
  | { type: 'date' }
  | { type: 'text'; maxLength: number };

export type FieldDef = { key: string; kind: FieldKind; labels: Labels };

const INT: FieldKind = { type: 'int' };

/** Upper bound for counts: far above any commune, low enough to catch typos of pasted ids. */
export const MAX_COUNT = 10_000_000;

export const COMMUNE_STATUS_FIELDS = [
  { key: 'declared_class', labels: { vi: 'Tình trạng', en: 'Status' }, kind: { type: 'enum', values: COMMUNE_CLASSES, labels: COMMUNE_CLASS_LABELS } },
  { key: 'resident_population', labels: { vi: 'Nhân khẩu cư trú', en: 'Resident population' }, kind: INT },
  { key: 'addicts_with_records', labels: { vi: 'Người nghiện có hồ sơ', en: 'Addicts with records' }, kind: INT },
  { key: 'users_with_records', labels: { vi: 'Người sử dụng có hồ sơ', en: 'Users with records' }, kind: INT },
  { key: 'on_substitution_treatment', labels: { vi: 'Điều trị thay thế', en: 'Substitution treatment' }, kind: INT },
  { key: 'in_family_community_rehab', labels: { vi: 'Cai tại gia đình, cộng đồng', en: 'Family/community rehab' }, kind: INT },
  { key: 'under_post_rehab_management', labels: { vi: 'Quản lý sau cai', en: 'Post-rehab management' }, kind: INT },
  { key: 'residents_violating_drug_law', labels: { vi: 'Người vi phạm pháp luật về ma túy', en: 'Residents violating drug law' }, kind: INT },
  { key: 'wanted_drug_fugitives_hiding', labels: { vi: 'Đối tượng truy nã lẩn trốn', en: 'Wanted fugitives hiding' }, kind: INT },
  { key: 'drug_offenders_arrested', labels: { vi: 'Đối tượng bị bắt', en: 'Offenders arrested' }, kind: INT },
  { key: 'harboring_points', labels: { vi: 'Điểm chứa chấp sử dụng', en: 'Harbouring points' }, kind: INT },
  { key: 'plants_destroyed_count', labels: { vi: 'Số cây bị phá', en: 'Plants destroyed' }, kind: INT },
  { key: 'plants_destroyed_area_m2', labels: { vi: 'Diện tích cây bị phá (m²)', en: 'Plant area destroyed (m²)' }, kind: { type: 'decimal', decimals: 2 } },
  { key: 'key_route', labels: { vi: 'Tuyến trọng điểm', en: 'Key route' }, kind: { type: 'enum', values: KEY_ROUTES, labels: KEY_ROUTE_LABELS } },
  { key: 'commitment_signed', labels: { vi: 'Đã ký cam kết', en: 'Commitment signed' }, kind: { type: 'bool' } },
  { key: 'drug_free_certificate_no', labels: { vi: 'Số quyết định công nhận', en: 'Certificate decision no.' }, kind: { type: 'text', maxLength: 100 } },
  { key: 'drug_free_certificate_date', labels: { vi: 'Ngày công nhận', en: 'Certificate date' }, kind: { type: 'date' } },
  { key: 'note', labels: { vi: 'Ghi chú', en: 'Note' }, kind: { type: 'text', maxLength: 2000 } },
] as const satisfies readonly FieldDef[];

export type CommuneStatusField = (typeof COMMUNE_STATUS_FIELDS)[number]['key'];

export const COMMUNE_STATUS_FIELD_KEYS: readonly CommuneStatusField[] = COMMUNE_STATUS_FIELDS.map((f) => f.key);

/** A stored field value: counts and areas are numbers, flags booleans, dates ISO strings; null = not entered. */
export type FieldValue = string | number | boolean | null;

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
