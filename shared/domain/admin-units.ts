/**
 * Administrative units as data. A scheme lists its levels top-down; nothing else in the
 * code assumes how many levels there are. GSO_2004 is the list in force until
 * 30/06/2025 (province → district → commune, QĐ 124/2004/QĐ-TTg); NSO_2025 the list
 * from 01/07/2025 (province → commune, QĐ 19/2025/QĐ-TTg). Codes are text: they keep
 * their leading zeros ("00001").
 */
import { foldVietnamese } from './text';

export const UNIT_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const SCHEME_CODES = ['GSO_2004', 'NSO_2025'] as const;
export type SchemeCode = (typeof SCHEME_CODES)[number];

/** Code length per level, the same in both schemes. */
export const CODE_DIGITS: Record<UnitLevel, number> = { PROVINCE: 2, DISTRICT: 3, COMMUNE: 5 };

export const SCHEME_LEVELS: Record<SchemeCode, readonly UnitLevel[]> = {
  GSO_2004: ['PROVINCE', 'DISTRICT', 'COMMUNE'],
  NSO_2025: ['PROVINCE', 'COMMUNE'],
};

export type ParsedUnit = {
  level: UnitLevel;
  code: string;
  name: string;
  unitType: string;
  parentLevel: UnitLevel | null;
  parentCode: string | null;
};

/** Unit types by level, recognised from a type column or from the name's prefix. */
const TYPE_PREFIXES: Record<UnitLevel, readonly (readonly [string, string])[]> = {
  PROVINCE: [
    ['thanh pho trung uong', 'thanh_pho_tw'],
    ['thanh pho', 'thanh_pho_tw'],
    ['tinh', 'tinh'],
  ],
  DISTRICT: [
    ['quan', 'quan'],
    ['huyen', 'huyen'],
    ['thi xa', 'thi_xa'],
    ['thanh pho', 'thanh_pho'],
  ],
  COMMUNE: [
    ['xa', 'xa'],
    ['phuong', 'phuong'],
    ['thi tran', 'thi_tran'],
    ['dac khu', 'dac_khu'],
  ],
};

/**
 * Recognises a unit type from an explicit type label ("Thị trấn") or a full name
 * ("Thị trấn Đông Anh"). A province-level name without a prefix is a tỉnh: the
 * post-reform list writes "Cao Bằng" where the old one wrote "Tỉnh Cao Bằng", while
 * the six centrally-run cities always keep "Thành phố".
 */
export function unitTypeFrom(level: UnitLevel, label: string): string | null {
  const folded = foldVietnamese(label);
  for (const [prefix, type] of TYPE_PREFIXES[level]) {
    if (folded === prefix || folded.startsWith(`${prefix} `)) return type;
  }
  return level === 'PROVINCE' && folded !== '' ? 'tinh' : null;
}

export const UNIT_TYPE_LABELS: Record<string, { vi: string; en: string }> = {
  thanh_pho_tw: { vi: 'Thành phố trực thuộc TW', en: 'Centrally-run city' },
  tinh: { vi: 'Tỉnh', en: 'Province' },
  quan: { vi: 'Quận', en: 'Urban district' },
  huyen: { vi: 'Huyện', en: 'Rural district' },
  thi_xa: { vi: 'Thị xã', en: 'District-level town' },
  thanh_pho: { vi: 'Thành phố', en: 'Provincial city' },
  xa: { vi: 'Xã', en: 'Commune' },
  phuong: { vi: 'Phường', en: 'Ward' },
  thi_tran: { vi: 'Thị trấn', en: 'Township' },
  dac_khu: { vi: 'Đặc khu', en: 'Special zone' },
};
