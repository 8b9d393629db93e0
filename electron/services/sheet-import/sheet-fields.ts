/**
 * What each sheet can import: its fields (the registers' own definitions, plus the
 * commune's code and name, which only identify a row of the Communes sheet), the
 * header words offices use for them, and the default matching key (issue 11 item 1).
 * Header words are written folded (no marks, lower case, punctuation as spaces).
 */
import type { SheetName } from '../../../shared/api/register-types';
import { COMMUNE_STATUS_FIELDS } from '../../../shared/domain/commune-status';
import type { FieldDef } from '../../../shared/domain/fields';
import { HOTSPOT_FIELDS } from '../../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS } from '../../../shared/domain/model-site';
import { foldVietnamese } from '../../../shared/domain/text';

/** Key-only fields of the Communes sheet: they find the commune, they are never stored. */
export const COMMUNE_CODE_FIELD: FieldDef = { key: 'code', labels: { vi: 'Mã xã', en: 'Commune code' }, kind: { type: 'ref', target: 'commune' } };
export const COMMUNE_NAME_FIELD: FieldDef = { key: 'name', labels: { vi: 'Xã/phường', en: 'Commune' }, kind: { type: 'ref', target: 'commune' } };

export type ImportSpec = {
  sheet: SheetName;
  fields: readonly FieldDef[];
  /** Default key; the first usable one wins (communes: code, else name). */
  keys: readonly (readonly string[])[];
  synonyms: Record<string, readonly string[]>;
};

/** Columns that never hold data: row numbers. */
export const IGNORED_HEADERS: ReadonlySet<string> = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'no', 'stt tt']);

const HOTSPOT_SYNONYMS: Record<string, readonly string[]> = {
  commune_code: ['xa', 'phuong', 'xa phuong', 'xa thi tran', 'phuong xa', 'xa phuong thi tran', 'xa phuong dac khu', 'dia ban', 'dia ban xa', 'ten xa', 'ma xa', 'don vi hanh chinh'],
  village: ['thon', 'xom', 'thon xom', 'thon to', 'to dan pho', 'thon to dan pho', 'thon ban', 'ap', 'khu pho', 'to'],
  address: ['dia chi', 'dia chi cu the', 'dia diem', 'vi tri', 'noi', 'mo ta', 'dia chi mo ta', 'dia chi noi'],
  category: ['loai', 'phan loai', 'loai diem', 'tinh chat', 'loai diem tu diem'],
  activities: ['hoat dong', 'hanh vi', 'hinh thuc hoat dong', 'hoat dong chinh'],
  venue_type: ['loai noi', 'loai hinh', 'loai hinh noi'],
  drug_types: ['loai ma tuy', 'chat ma tuy', 'ma tuy'],
  persons_involved: ['so doi tuong', 'doi tuong', 'so nguoi'],
  discovered_date: ['ngay phat hien', 'thoi gian phat hien', 'ngay', 'phat hien ngay'],
  discovered_source: ['nguon phat hien', 'nguon'],
  status: ['tinh trang', 'trang thai', 'tinh hinh'],
  eliminated_date: ['ngay triet xoa', 'ngay xoa', 'thoi gian triet xoa'],
  elimination_method: ['bien phap triet xoa', 'bien phap', 'hinh thuc triet xoa'],
  responsible_unit: ['don vi phu trach', 'don vi theo doi', 'don vi quan ly'],
  responsible_officer: ['can bo phu trach', 'can bo theo doi', 'can bo'],
  case_reference: ['so ho so', 'so ho so vu an', 'ho so'],
  note: ['ghi chu', 'chu thich'],
};

const MODEL_SYNONYMS: Record<string, readonly string[]> = {
  name: ['ten mo hinh', 'mo hinh', 'ten'],
  model_type: ['loai mo hinh', 'loai', 'loai hinh'],
  level: ['cap', 'cap mo hinh'],
  host_unit_code: ['don vi thuc hien', 'don vi', 'noi thuc hien', 'xa', 'phuong', 'xa phuong', 'xa thi tran', 'dia ban'],
  lead_organization: ['co quan chu tri', 'chu tri', 'don vi chu tri'],
  establishment_date: ['ngay thanh lap', 'thanh lap', 'thoi gian thanh lap'],
  establishment_decision_no: ['so quyet dinh', 'quyet dinh thanh lap', 'so qd'],
  status: ['tinh trang', 'trang thai'],
  members: ['so thanh vien', 'thanh vien'],
  note: ['ghi chu', 'chu thich'],
};

const COMMUNE_SYNONYMS: Record<string, readonly string[]> = {
  code: ['ma', 'ma xa', 'ma don vi', 'ma dvhc', 'ma xa phuong'],
  name: ['xa', 'phuong', 'xa phuong', 'xa thi tran', 'xa phuong thi tran', 'ten xa', 'ten don vi', 'don vi', 'ten xa phuong'],
  declared_class: ['tinh trang', 'phan loai', 'tinh trang ma tuy'],
  note: ['ghi chu', 'chu thich'],
};

export const IMPORT_SPECS: Record<SheetName, ImportSpec> = {
  hotspots: {
    sheet: 'hotspots',
    fields: HOTSPOT_FIELDS.filter((f) => f.key !== 'local_code' && f.key !== 'reappeared_from'),
    keys: [['commune_code', 'address', 'discovered_date']],
    synonyms: HOTSPOT_SYNONYMS,
  },
  modelSites: { sheet: 'modelSites', fields: MODEL_SITE_FIELDS, keys: [['name', 'host_unit_code']], synonyms: MODEL_SYNONYMS },
  communeStatuses: { sheet: 'communeStatuses', fields: [COMMUNE_CODE_FIELD, COMMUNE_NAME_FIELD, ...COMMUNE_STATUS_FIELDS], keys: [['code'], ['name']], synonyms: COMMUNE_SYNONYMS },
};

/** A header as compared: folded, punctuation and line breaks as single spaces. */
export function headerKey(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]+/gu, ' ').trim();
}

/** Header key → field, from the field labels (vi, en) and the synonyms; labels win over synonyms. */
export function headerIndex(spec: ImportSpec): Map<string, string> {
  const index = new Map<string, string>();
  for (const [key, words] of Object.entries(spec.synonyms)) for (const word of words) if (!index.has(word)) index.set(word, key);
  for (const def of spec.fields) {
    index.set(headerKey(def.labels.vi), def.key);
    index.set(headerKey(def.labels.en), def.key);
    index.set(def.key.replace(/_/gu, ' '), def.key);
  }
  return index;
}
