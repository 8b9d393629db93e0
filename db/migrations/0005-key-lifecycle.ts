/**
 * Migration 5: the key life-cycle (exchange-format.md §3.6, §3.7). An office's own keys
 * gain the `pending` state — a rotated-to key waits there until the trust list that
 * names it arrives, and the office signs with the old key meanwhile — and a retired
 * signing key's secret is destroyed (secret_file NULL, destroyed_at set) while its
 * public key stays for history. SQLite cannot widen a CHECK or drop NOT NULL in place,
 * so office_keys is rebuilt; nothing references it. At a province, the key history of
 * each enrolled office: the keys it rotated away from, with the last sequence each may
 * still sign, and the first sequence of the current key.
 */
export const migration0005 = `
CREATE TABLE office_keys_new (
  key_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('signing','encryption')),
  public_key BLOB NOT NULL CHECK (length(public_key) = 32),
  secret_file BLOB,
  status TEXT NOT NULL CHECK (status IN ('pending','active','retired')),
  created_at TEXT NOT NULL,
  destroyed_at TEXT,
  CHECK ((secret_file IS NULL) = (destroyed_at IS NOT NULL))
) STRICT;
INSERT INTO office_keys_new (key_id, kind, public_key, secret_file, status, created_at)
  SELECT key_id, kind, public_key, secret_file, status, created_at FROM office_keys;
DROP TABLE office_keys;
ALTER TABLE office_keys_new RENAME TO office_keys;
CREATE UNIQUE INDEX office_keys_one_active ON office_keys(kind) WHERE status = 'active';
CREATE UNIQUE INDEX office_keys_one_pending ON office_keys(kind) WHERE status = 'pending';

ALTER TABLE trust_enrollments ADD COLUMN first_sequence INTEGER NOT NULL DEFAULT 1 CHECK (first_sequence >= 1);

CREATE TABLE trust_key_history (
  key_id TEXT PRIMARY KEY,
  office_code TEXT NOT NULL REFERENCES trust_enrollments(office_code),
  public_key BLOB NOT NULL CHECK (length(public_key) = 32),
  first_sequence INTEGER NOT NULL CHECK (first_sequence >= 1),
  last_valid_sequence INTEGER NOT NULL CHECK (last_valid_sequence >= 0),
  rotation_statement BLOB NOT NULL,
  rotated_at TEXT NOT NULL
) STRICT;
CREATE INDEX trust_key_history_by_office ON trust_key_history(office_code);
`;
