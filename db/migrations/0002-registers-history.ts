/**
 * Migration 2: the hotspot and model-site registers, the rest of the commune status
 * (approval, the aggregate statistics of domain.md §7.6), the change history, and
 * period kinds beyond the calendar (official yearly windows, the action month, custom
 * ranges). The periods table is rebuilt to widen its CHECK, which SQLite cannot alter:
 * this migration runs with foreign keys off and checks them before committing.
 * Sets (several choices) are stored as JSON arrays of codes.
 */
export const migration0002 = `
CREATE TABLE periods_new (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('YEAR','HALF_YEAR','QUARTER','MONTH','ASSESSMENT_YEAR','HANOI_YEAR','ACTION_MONTH','CUSTOM')),
  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  seq INTEGER,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  status TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','SUBMITTED','LOCKED')),
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO periods_new SELECT id, kind, year, seq, start_date, end_date, status, created_at FROM periods;
DROP TABLE periods;
ALTER TABLE periods_new RENAME TO periods;

ALTER TABLE commune_statuses ADD COLUMN override_reason TEXT;
ALTER TABLE commune_statuses ADD COLUMN approval_status TEXT CHECK (approval_status IN ('DRAFT','SELF_ASSESSED','SUBMITTED','APPROVED','RETURNED'));
ALTER TABLE commune_statuses ADD COLUMN approval_decision_no TEXT;
ALTER TABLE commune_statuses ADD COLUMN approval_date TEXT;
ALTER TABLE commune_statuses ADD COLUMN approved_by TEXT;
ALTER TABLE commune_statuses ADD COLUMN addicts_records_male INTEGER CHECK (addicts_records_male >= 0);
ALTER TABLE commune_statuses ADD COLUMN addicts_records_female INTEGER CHECK (addicts_records_female >= 0);
ALTER TABLE commune_statuses ADD COLUMN addicts_records_age_lt18 INTEGER CHECK (addicts_records_age_lt18 >= 0);
ALTER TABLE commune_statuses ADD COLUMN addicts_records_age_18_29 INTEGER CHECK (addicts_records_age_18_29 >= 0);
ALTER TABLE commune_statuses ADD COLUMN addicts_records_age_30_plus INTEGER CHECK (addicts_records_age_30_plus >= 0);
ALTER TABLE commune_statuses ADD COLUMN new_addicts_detected INTEGER CHECK (new_addicts_detected >= 0);
ALTER TABLE commune_statuses ADD COLUMN new_users_detected INTEGER CHECK (new_users_detected >= 0);
ALTER TABLE commune_statuses ADD COLUMN removed_from_management INTEGER CHECK (removed_from_management >= 0);
ALTER TABLE commune_statuses ADD COLUMN rehab_compulsory INTEGER CHECK (rehab_compulsory >= 0);
ALTER TABLE commune_statuses ADD COLUMN rehab_voluntary_facility INTEGER CHECK (rehab_voluntary_facility >= 0);
ALTER TABLE commune_statuses ADD COLUMN rehab_voluntary_family_community INTEGER CHECK (rehab_voluntary_family_community >= 0);
ALTER TABLE commune_statuses ADD COLUMN accessed_services INTEGER CHECK (accessed_services >= 0);
ALTER TABLE commune_statuses ADD COLUMN post_rehab_managed INTEGER CHECK (post_rehab_managed >= 0);
ALTER TABLE commune_statuses ADD COLUMN post_rehab_completed_rehab INTEGER CHECK (post_rehab_completed_rehab >= 0);
ALTER TABLE commune_statuses ADD COLUMN relapse_detected INTEGER CHECK (relapse_detected >= 0);
ALTER TABLE commune_statuses ADD COLUMN drug_cases INTEGER CHECK (drug_cases >= 0);
ALTER TABLE commune_statuses ADD COLUMN drug_offenders INTEGER CHECK (drug_offenders >= 0);
ALTER TABLE commune_statuses ADD COLUMN administrative_violations INTEGER CHECK (administrative_violations >= 0);
ALTER TABLE commune_statuses ADD COLUMN seized_synthetic_pills INTEGER CHECK (seized_synthetic_pills >= 0);
ALTER TABLE commune_statuses ADD COLUMN propaganda_sessions INTEGER CHECK (propaganda_sessions >= 0);
ALTER TABLE commune_statuses ADD COLUMN propaganda_participants INTEGER CHECK (propaganda_participants >= 0);
ALTER TABLE commune_statuses ADD COLUMN seized_heroin_g REAL CHECK (seized_heroin_g >= 0);
ALTER TABLE commune_statuses ADD COLUMN seized_synthetic_g REAL CHECK (seized_synthetic_g >= 0);
ALTER TABLE commune_statuses ADD COLUMN seized_cannabis_g REAL CHECK (seized_cannabis_g >= 0);

CREATE TABLE hotspots (
  id TEXT PRIMARY KEY,
  local_code TEXT NOT NULL UNIQUE,
  scheme TEXT NOT NULL,
  level TEXT NOT NULL DEFAULT 'COMMUNE' CHECK (level = 'COMMUNE'),
  commune_code TEXT NOT NULL,
  village TEXT,
  address TEXT,
  lat REAL CHECK (lat BETWEEN -90 AND 90),
  lon REAL CHECK (lon BETWEEN -180 AND 180),
  category TEXT,
  activities TEXT CHECK (activities IS NULL OR json_valid(activities)),
  venue_type TEXT,
  drug_types TEXT CHECK (drug_types IS NULL OR json_valid(drug_types)),
  persons_involved INTEGER CHECK (persons_involved >= 0),
  discovered_date TEXT,
  discovered_source TEXT,
  status TEXT,
  eliminated_date TEXT,
  elimination_method TEXT,
  responsible_unit TEXT,
  responsible_officer TEXT,
  case_reference TEXT,
  reappeared_from TEXT REFERENCES hotspots(id),
  confidentiality TEXT,
  note TEXT,
  removed_at TEXT,
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  FOREIGN KEY (scheme, level, commune_code) REFERENCES admin_units(scheme, level, code)
) STRICT;
CREATE INDEX hotspots_by_commune ON hotspots(scheme, commune_code);

CREATE TABLE model_sites (
  id TEXT PRIMARY KEY,
  scheme TEXT NOT NULL,
  host_level TEXT NOT NULL,
  host_unit_code TEXT NOT NULL,
  name TEXT NOT NULL,
  model_type TEXT,
  level TEXT,
  lead_organization TEXT,
  is_pilot_model INTEGER CHECK (is_pilot_model IN (0, 1)),
  target_year INTEGER CHECK (target_year BETWEEN 1990 AND 2100),
  establishment_decision_no TEXT,
  establishment_date TEXT,
  ended_date TEXT,
  status TEXT,
  members INTEGER CHECK (members >= 0),
  beneficiaries INTEGER CHECK (beneficiaries >= 0),
  funding_sources TEXT CHECK (funding_sources IS NULL OR json_valid(funding_sources)),
  budget_vnd INTEGER CHECK (budget_vnd >= 0),
  evaluation TEXT,
  replicated_to_count INTEGER CHECK (replicated_to_count >= 0),
  note TEXT,
  removed_at TEXT,
  row_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  FOREIGN KEY (scheme, host_level, host_unit_code) REFERENCES admin_units(scheme, level, code)
) STRICT;
CREATE INDEX model_sites_by_host ON model_sites(scheme, host_level, host_unit_code);

CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  batch_id TEXT NOT NULL,
  at TEXT NOT NULL,
  user_name TEXT,
  table_name TEXT NOT NULL CHECK (table_name IN ('commune_statuses','hotspots','model_sites','periods')),
  record_id TEXT NOT NULL,
  period_id TEXT,
  field TEXT,
  old_value TEXT CHECK (old_value IS NULL OR json_valid(old_value)),
  new_value TEXT CHECK (new_value IS NULL OR json_valid(new_value)),
  cause TEXT NOT NULL CHECK (cause IN ('typing','paste','fill','clear','undo','redo','import','load','copy_forward','create','remove','restore','lock','unlock')),
  reason TEXT
) STRICT;
CREATE INDEX history_by_record ON history(table_name, record_id);
CREATE INDEX history_by_batch ON history(batch_id);
`;
