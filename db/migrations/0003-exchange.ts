/**
 * Migration 3: signed exchange (exchange-format.md §2–§5). The office's keys are kept
 * as age files encrypted with the passphrase (§3.3) — the database never holds a
 * plaintext secret. The sequence counter is its own row so that it can be bumped and
 * committed before a package file is written (§3.10). Trust lists are stored as the
 * signed bytes received, so every later decision can be re-verified (§3.5 persistence).
 * A province's authority state (root public keys, enrolled offices) lives here too;
 * root secret keys never do: they stay in files on offline USB sticks.
 */
export const migration0003 = `
CREATE TABLE exchange_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  office_code TEXT NOT NULL,
  office_name TEXT NOT NULL,
  environment TEXT NOT NULL CHECK (environment IN ('production','training')),
  next_sequence INTEGER NOT NULL DEFAULT 1 CHECK (next_sequence >= 1),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE office_keys (
  key_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('signing','encryption')),
  public_key BLOB NOT NULL CHECK (length(public_key) = 32),
  secret_file BLOB NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active','retired')),
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX office_keys_one_active ON office_keys(kind) WHERE status = 'active';

CREATE TABLE trust_lists (
  authority TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  environment TEXT NOT NULL CHECK (environment IN ('production','training')),
  expires_at TEXT NOT NULL,
  list_json BLOB NOT NULL,
  file_bytes BLOB NOT NULL,
  installed_at TEXT NOT NULL,
  is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),
  PRIMARY KEY (authority, version)
) STRICT;
CREATE UNIQUE INDEX trust_lists_one_current ON trust_lists(is_current) WHERE is_current = 1;

CREATE TABLE trust_authority (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  root_keys TEXT NOT NULL CHECK (json_valid(root_keys)),
  root_threshold INTEGER NOT NULL CHECK (root_threshold >= 1),
  last_published_version INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE trust_enrollments (
  office_code TEXT PRIMARY KEY,
  office_name TEXT NOT NULL,
  level TEXT NOT NULL,
  admin_scheme TEXT NOT NULL,
  admin_code TEXT NOT NULL,
  signing_key_id TEXT NOT NULL UNIQUE,
  signing_public_key BLOB NOT NULL CHECK (length(signing_public_key) = 32),
  encryption_recipient TEXT,
  statement BLOB NOT NULL,
  enrolled_at TEXT NOT NULL
) STRICT;

CREATE TABLE exports (
  package_id TEXT PRIMARY KEY,
  period_id TEXT NOT NULL,
  sequence INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
  package_digest TEXT NOT NULL,
  supersedes TEXT,
  file_name TEXT NOT NULL,
  encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
  recipients TEXT NOT NULL CHECK (json_valid(recipients)),
  counts TEXT NOT NULL CHECK (json_valid(counts)),
  key_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  package_bytes BLOB NOT NULL
) STRICT;
CREATE INDEX exports_by_period ON exports(period_id, sequence);
`;
