/**
 * Migration 4: consolidation at the province (exchange-format.md §6). Received data is
 * stored apart from the office's own registers, by sending office and package. `slots`
 * holds the one current package per (office, period); `received_packages` every
 * decision with the file as received (evidence); `import_log` is append-only (triggers
 * refuse UPDATE and DELETE) and hash-chained, so an edit made around the triggers is
 * still detected. Local revocations take effect at once, before the next trust list
 * (§3.7). Receipts are recorded against this office's own exports (§6.6).
 */
export const migration0004 = `
CREATE TABLE received_packages (
  package_id TEXT PRIMARY KEY,
  package_digest TEXT NOT NULL,
  issuer TEXT NOT NULL,
  period_id TEXT NOT NULL,
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  key_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('accepted','superseded','quarantined')),
  supersedes TEXT,
  encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  manifest_json BLOB NOT NULL,
  evidence BLOB NOT NULL,
  accepted_at TEXT NOT NULL,
  accepted_by TEXT
) STRICT;
CREATE INDEX received_by_issuer ON received_packages(issuer, period_id, sequence);

CREATE TABLE received_records (
  package_id TEXT NOT NULL REFERENCES received_packages(package_id),
  dataset TEXT NOT NULL CHECK (dataset IN ('commune_status','hotspots','model_sites')),
  record_id TEXT NOT NULL,
  record_json TEXT NOT NULL CHECK (json_valid(record_json)),
  PRIMARY KEY (package_id, dataset, record_id)
) STRICT;

CREATE TABLE slots (
  issuer TEXT NOT NULL,
  period_id TEXT NOT NULL,
  package_id TEXT NOT NULL REFERENCES received_packages(package_id),
  sequence INTEGER NOT NULL,
  package_digest TEXT NOT NULL,
  accepted_at TEXT NOT NULL,
  PRIMARY KEY (issuer, period_id)
) STRICT;

CREATE TABLE issuer_state (
  issuer TEXT PRIMARY KEY,
  last_sequence INTEGER NOT NULL
) STRICT;

CREATE TABLE import_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operator TEXT,
  source_filename TEXT,
  file_sha256 TEXT,
  package_id TEXT,
  package_digest TEXT,
  issuer TEXT,
  period TEXT,
  sequence INTEGER,
  key_id TEXT,
  trustlist_version INTEGER,
  encrypted INTEGER,
  decision TEXT NOT NULL,
  code TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  row_hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER import_log_no_update BEFORE UPDATE ON import_log BEGIN SELECT RAISE(ABORT, 'import_log is append-only'); END;
CREATE TRIGGER import_log_no_delete BEFORE DELETE ON import_log BEGIN SELECT RAISE(ABORT, 'import_log is append-only'); END;

CREATE TABLE key_revocations (
  key_id TEXT PRIMARY KEY,
  office_code TEXT NOT NULL,
  revoked_at TEXT NOT NULL,
  last_trusted_sequence INTEGER NOT NULL CHECK (last_trusted_sequence >= 0),
  reason TEXT
) STRICT;

ALTER TABLE exports ADD COLUMN receipt_decision TEXT;
ALTER TABLE exports ADD COLUMN receipt_at TEXT;
ALTER TABLE exports ADD COLUMN receipt_bytes BLOB;
`;
