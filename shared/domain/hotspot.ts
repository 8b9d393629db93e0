/**
 * The hotspot register (điểm, tụ điểm phức tạp về ma túy; domain.md §7.7). No public
 * template of such a register exists, so the attribute list is the brief's inference.
 * A hotspot is not tied to a period: the period view derives who was active at its
 * start and end, what was new and what was eliminated, from the dates.
 */
import { labelTable, type FieldDef, type FieldValue } from './fields';

export const HOTSPOT_CATEGORY = labelTable([
  ['TU_DIEM', 'Tụ điểm', 'Cluster point'],
  ['DIEM', 'Điểm', 'Point'],
  ['DIEM_NGUY_CO', 'Điểm có nguy cơ', 'At-risk point'],
  ['DIEM_TO_CHUC_CHUA_CHAP', 'Điểm tổ chức, chứa chấp sử dụng', 'Organised/harboured use point'],
] as const);

export const HOTSPOT_ACTIVITY = labelTable([
  ['MUA_BAN_LE', 'Mua bán lẻ', 'Retail dealing'],
  ['TO_CHUC_SU_DUNG', 'Tổ chức sử dụng', 'Organising use'],
  ['CHUA_CHAP_SU_DUNG', 'Chứa chấp sử dụng', 'Harbouring use'],
  ['TU_TAP_SU_DUNG', 'Tụ tập sử dụng', 'Gathering to use'],
  ['CAT_GIAU_VAN_CHUYEN', 'Cất giấu, vận chuyển', 'Hiding, transporting'],
  ['KHAC', 'Khác', 'Other'],
] as const);

export const VENUE_TYPE = labelTable([
  ['NHA_RIENG', 'Nhà riêng', 'Private house'],
  ['NHA_TRO', 'Nhà trọ', 'Boarding house'],
  ['NHA_NGHI_KHACH_SAN', 'Nhà nghỉ, khách sạn', 'Guesthouse, hotel'],
  ['KARAOKE_BAR_VU_TRUONG', 'Karaoke, bar, vũ trường', 'Karaoke, bar, club'],
  ['QUAN_CA_PHE', 'Quán cà phê', 'Café'],
  ['CO_SO_KINH_DOANH_KHAC', 'Cơ sở kinh doanh khác', 'Other business'],
  ['KHU_CONG_NGHIEP_LAN_TRAI', 'Khu công nghiệp, lán trại', 'Industrial zone, camp'],
  ['NOI_CONG_CONG', 'Nơi công cộng', 'Public place'],
  ['PHUONG_TIEN', 'Phương tiện', 'Vehicle'],
  ['KHAC', 'Khác', 'Other'],
] as const);

export const DRUG_TYPES = labelTable([
  ['HEROIN', 'Heroin', 'Heroin'],
  ['MA_TUY_TONG_HOP', 'Ma túy tổng hợp', 'Synthetic drugs'],
  ['CAN_SA', 'Cần sa', 'Cannabis'],
  ['THUOC_PHIEN', 'Thuốc phiện', 'Opium'],
  ['KETAMINE', 'Ketamine', 'Ketamine'],
  ['MA_TUY_MOI_NUP_BONG', 'Ma túy mới núp bóng', 'New disguised drugs'],
  ['KHAC', 'Khác', 'Other'],
] as const);

export const DISCOVERY_SOURCE = labelTable([
  ['TRINH_SAT', 'Trinh sát', 'Investigation'],
  ['TO_GIAC', 'Tố giác', 'Denunciation'],
  ['DUONG_DAY_NONG', 'Đường dây nóng', 'Hotline'],
  ['KIEM_TRA_HANH_CHINH', 'Kiểm tra hành chính', 'Administrative check'],
  ['KHAC', 'Khác', 'Other'],
] as const);

export const HOTSPOT_STATUS = labelTable([
  ['DANG_XAC_MINH', 'Đang xác minh', 'Being verified'],
  ['DANG_HOAT_DONG', 'Đang hoạt động', 'Active'],
  ['DANG_DAU_TRANH', 'Đang đấu tranh', 'Being tackled'],
  ['DA_TRIET_XOA', 'Đã triệt xóa', 'Eliminated'],
  ['TAI_HOAT_DONG', 'Tái hoạt động', 'Re-emerged'],
  ['CHUYEN_DIA_DIEM', 'Chuyển địa điểm', 'Moved'],
] as const);

export const ELIMINATION_METHOD = labelTable([
  ['KHOI_TO_VU_AN', 'Khởi tố vụ án', 'Criminal case opened'],
  ['XU_PHAT_HANH_CHINH', 'Xử phạt hành chính', 'Administrative penalty'],
  ['GIAI_TOA_RAN_DE', 'Giải tỏa, răn đe', 'Cleared, deterred'],
  ['DOI_TUONG_BO_DI', 'Đối tượng bỏ đi', 'Persons left'],
  ['KHAC', 'Khác', 'Other'],
] as const);

export const CONFIDENTIALITY = labelTable([
  ['THUONG', 'Thường', 'Normal'],
  ['HAN_CHE', 'Hạn chế', 'Restricted'],
  ['MAT', 'Mật', 'Secret'],
] as const);

const text = (maxLength: number) => ({ type: 'text', maxLength }) as const;

export const HOTSPOT_FIELDS = [
  { key: 'local_code', labels: { vi: 'Mã điểm', en: 'Code' }, kind: text(40), isReadOnly: true },
  { key: 'commune_code', labels: { vi: 'Xã/phường', en: 'Commune' }, kind: { type: 'ref', target: 'commune' }, isRequired: true },
  { key: 'village', labels: { vi: 'Thôn, tổ dân phố', en: 'Village' }, kind: text(200) },
  { key: 'address', labels: { vi: 'Địa chỉ, mô tả nơi', en: 'Address or place' }, kind: text(500) },
  { key: 'lat', labels: { vi: 'Vĩ độ', en: 'Latitude' }, kind: { type: 'decimal', decimals: 6, min: -90, max: 90 } },
  { key: 'lon', labels: { vi: 'Kinh độ', en: 'Longitude' }, kind: { type: 'decimal', decimals: 6, min: -180, max: 180 } },
  { key: 'category', labels: { vi: 'Loại điểm', en: 'Category' }, kind: { type: 'enum', ...HOTSPOT_CATEGORY } },
  { key: 'activities', labels: { vi: 'Hoạt động', en: 'Activities' }, kind: { type: 'set', ...HOTSPOT_ACTIVITY } },
  { key: 'venue_type', labels: { vi: 'Loại nơi', en: 'Venue type' }, kind: { type: 'enum', ...VENUE_TYPE } },
  { key: 'drug_types', labels: { vi: 'Loại ma túy', en: 'Drug types' }, kind: { type: 'set', ...DRUG_TYPES } },
  { key: 'persons_involved', labels: { vi: 'Số đối tượng', en: 'Persons involved' }, kind: { type: 'int', max: 10_000 } },
  { key: 'discovered_date', labels: { vi: 'Ngày phát hiện', en: 'Discovered' }, kind: { type: 'date' } },
  { key: 'discovered_source', labels: { vi: 'Nguồn phát hiện', en: 'Source' }, kind: { type: 'enum', ...DISCOVERY_SOURCE } },
  { key: 'status', labels: { vi: 'Tình trạng', en: 'Status' }, kind: { type: 'enum', ...HOTSPOT_STATUS } },
  { key: 'eliminated_date', labels: { vi: 'Ngày triệt xóa', en: 'Eliminated' }, kind: { type: 'date' } },
  { key: 'elimination_method', labels: { vi: 'Biện pháp triệt xóa', en: 'Elimination method' }, kind: { type: 'enum', ...ELIMINATION_METHOD } },
  { key: 'responsible_unit', labels: { vi: 'Đơn vị phụ trách', en: 'Responsible unit' }, kind: text(200) },
  { key: 'responsible_officer', labels: { vi: 'Cán bộ phụ trách', en: 'Responsible officer' }, kind: text(200) },
  { key: 'case_reference', labels: { vi: 'Số hồ sơ, vụ án', en: 'Case reference' }, kind: text(100) },
  { key: 'reappeared_from', labels: { vi: 'Tái hoạt động từ điểm', en: 'Re-emerged from' }, kind: { type: 'ref', target: 'hotspot' } },
  { key: 'confidentiality', labels: { vi: 'Độ mật', en: 'Confidentiality' }, kind: { type: 'enum', ...CONFIDENTIALITY } },
  { key: 'note', labels: { vi: 'Ghi chú', en: 'Note' }, kind: text(2000) },
] as const satisfies readonly FieldDef[];

export type HotspotField = (typeof HOTSPOT_FIELDS)[number]['key'];
export type HotspotValues = Record<HotspotField, FieldValue>;

/** Where a hotspot stands in a period, from its dates (domain.md §7.7 "derived per period"). */
export type HotspotPeriodFlags = { isActiveAtStart: boolean; isNew: boolean; isEliminated: boolean; isActiveAtEnd: boolean };

/**
 * Statuses under which a hotspot is no longer active at that place, whatever its dates:
 * one that moved (CHUYEN_DIA_DIEM) is recorded again where it went. The status is the
 * current one, so it applies at the period's end; the database queries build their
 * "active" condition from this list (db/queries/hotspots.ts, commune-statuses.ts).
 */
export const INACTIVE_HOTSPOT_STATUSES: readonly string[] = ['CHUYEN_DIA_DIEM'];

/** The one definition of an active hotspot and of the period's other flags. */
export function hotspotPeriodFlags(discovered: string | null, eliminated: string | null, start: string, end: string, status: FieldValue = null): HotspotPeriodFlags {
  // Without a discovery date the hotspot is counted as known since before the period.
  const found = discovered ?? '0000-01-01';
  const isGone = typeof status === 'string' && INACTIVE_HOTSPOT_STATUSES.includes(status);
  return {
    isActiveAtStart: found < start && (eliminated === null || eliminated >= start),
    isNew: discovered !== null && discovered >= start && discovered <= end,
    isEliminated: eliminated !== null && eliminated >= start && eliminated <= end,
    isActiveAtEnd: !isGone && found <= end && (eliminated === null || eliminated > end),
  };
}

/** The SQL twin of `isActiveAtEnd` over a hotspots row aliased `alias`, with the period's end as `@end`-style parameter `endParam`. */
export function activeAtEndSql(alias: string, endParam: string): string {
  const gone = INACTIVE_HOTSPOT_STATUSES.map((s) => `'${s}'`).join(', ');
  return `coalesce(${alias}.discovered_date, '0000-01-01') <= ${endParam} AND (${alias}.eliminated_date IS NULL OR ${alias}.eliminated_date > ${endParam}) AND coalesce(${alias}.status, '') NOT IN (${gone})`;
}

export type HotspotCounts = { activeAtStart: number; new: number; eliminated: number; activeAtEnd: number };

/** The period's four counts over the register's rows; removed rows do not count. */
export function countHotspots(rows: readonly { isRemoved: boolean; flags: HotspotPeriodFlags }[]): HotspotCounts {
  const counts: HotspotCounts = { activeAtStart: 0, new: 0, eliminated: 0, activeAtEnd: 0 };
  for (const row of rows) {
    if (row.isRemoved) continue;
    if (row.flags.isActiveAtStart) counts.activeAtStart += 1;
    if (row.flags.isNew) counts.new += 1;
    if (row.flags.isEliminated) counts.eliminated += 1;
    if (row.flags.isActiveAtEnd) counts.activeAtEnd += 1;
  }
  return counts;
}
