/**
 * Migration 1: administrative units, office identity, periods and commune statuses.
 * Released migrations are never edited; changes go in a new numbered file.
 * Tables are STRICT so a wrong type is refused by SQLite too, not only by the services.
 */
export const migration0001 = `
CREATE TABLE admin_schemes (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  valid_from TEXT,
  valid_to TEXT,
  levels TEXT NOT NULL CHECK (json_valid(levels))
) STRICT;

INSERT INTO admin_schemes (code, name_vi, name_en, legal_basis, valid_from, valid_to, levels) VALUES
  ('GSO_2004', 'Danh mục trước 01/7/2025 (tỉnh – huyện – xã)', 'List before 1 July 2025 (province – district – commune)',
   'QĐ 124/2004/QĐ-TTg', NULL, '2025-06-30', '["PROVINCE","DISTRICT","COMMUNE"]'),
  ('NSO_2025', 'Danh mục từ 01/7/2025 (tỉnh – xã)', 'List from 1 July 2025 (province – commune)',
   'QĐ 19/2025/QĐ-TTg', '2025-07-01', NULL, '["PROVINCE","COMMUNE"]');

CREATE TABLE admin_units (
  scheme TEXT NOT NULL REFERENCES admin_schemes(code),
  level TEXT NOT NULL CHECK (level IN ('PROVINCE','DISTRICT','COMMUNE')),
  code TEXT NOT NULL CHECK (code GLOB '[0-9]*' AND length(code) BETWEEN 2 AND 5),
  name TEXT NOT NULL CHECK (length(name) > 0),
  search_name TEXT NOT NULL,
  unit_type TEXT NOT NULL,
  parent_level TEXT,
  parent_code TEXT,
  PRIMARY KEY (scheme, level, code),
  FOREIGN KEY (scheme, parent_level, parent_code) REFERENCES admin_units(scheme, level, code),
  CHECK ((parent_level IS NULL) = (parent_code IS NULL))
) STRICT, WITHOUT ROWID;
CREATE INDEX admin_units_by_parent ON admin_units(scheme, parent_level, parent_code);

CREATE TABLE unit_list_imports (
  id INTEGER PRIMARY KEY,
  scheme TEXT NOT NULL REFERENCES admin_schemes(code),
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  added INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  unchanged INTEGER NOT NULL
) STRICT;

CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  scheme TEXT NOT NULL,
  level TEXT NOT NULL,
  code TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (scheme, level, code) REFERENCES admin_units(scheme, level, code)
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE periods (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('YEAR','HALF_YEAR','QUARTER','MONTH')),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  seq INTEGER,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  status TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','SUBMITTED','LOCKED')),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE commune_statuses (
  period_id TEXT NOT NULL REFERENCES periods(id),
  scheme TEXT NOT NULL,
  level TEXT NOT NULL DEFAULT 'COMMUNE' CHECK (level = 'COMMUNE'),
  commune_code TEXT NOT NULL,
  declared_class TEXT CHECK (declared_class IN ('KHONG_MA_TUY','CO_MA_TUY','TRONG_DIEM_III','TRONG_DIEM_II','TRONG_DIEM_I','CHUA_XAC_DINH')),
  resident_population INTEGER CHECK (resident_population >= 0),
  addicts_with_records INTEGER CHECK (addicts_with_records >= 0),
  users_with_records INTEGER CHECK (users_with_records >= 0),
  on_substitution_treatment INTEGER CHECK (on_substitution_treatment >= 0),
  in_family_community_rehab INTEGER CHECK (in_family_community_rehab >= 0),
  under_post_rehab_management INTEGER CHECK (under_post_rehab_management >= 0),
  residents_violating_drug_law INTEGER CHECK (residents_violating_drug_law >= 0),
  wanted_drug_fugitives_hiding INTEGER CHECK (wanted_drug_fugitives_hiding >= 0),
  drug_offenders_arrested INTEGER CHECK (drug_offenders_arrested >= 0),
  harboring_points INTEGER CHECK (harboring_points >= 0),
  plants_destroyed_count INTEGER CHECK (plants_destroyed_count >= 0),
  plants_destroyed_area_m2 REAL CHECK (plants_destroyed_area_m2 >= 0),
  key_route TEXT CHECK (key_route IN ('NONE','INTRA_PROVINCE','INTER_PROVINCE')),
  commitment_signed INTEGER CHECK (commitment_signed IN (0, 1)),
  drug_free_certificate_no TEXT,
  drug_free_certificate_date TEXT,
  note TEXT,
  row_version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (period_id, scheme, commune_code),
  FOREIGN KEY (scheme, level, commune_code) REFERENCES admin_units(scheme, level, code)
) STRICT;
`;
