/**
 * Rows of the exchange tables (migration 3). Secret key files are age-encrypted blobs;
 * these queries never see a plaintext secret.
 */
import type { Db } from '../connection';

export type DbExchangeIdentity = {
  office_code: string;
  office_name: string;
  environment: 'production' | 'training';
  next_sequence: number;
  updated_at: string;
};

export type DbOfficeKey = {
  key_id: string;
  kind: 'signing' | 'encryption';
  public_key: Buffer;
  secret_file: Buffer;
  status: 'active' | 'retired';
  created_at: string;
};

export type DbTrustList = {
  authority: string;
  version: number;
  environment: 'production' | 'training';
  expires_at: string;
  list_json: Buffer;
  file_bytes: Buffer;
  installed_at: string;
};

export type DbTrustAuthority = { root_keys: string; root_threshold: number; last_published_version: number; updated_at: string };

export type DbEnrollment = {
  office_code: string;
  office_name: string;
  level: string;
  admin_scheme: string;
  admin_code: string;
  signing_key_id: string;
  signing_public_key: Buffer;
  encryption_recipient: string | null;
  statement: Buffer;
  enrolled_at: string;
};

export type DbExport = {
  package_id: string;
  period_id: string;
  sequence: number;
  package_digest: string;
  supersedes: string | null;
  file_name: string;
  encrypted: number;
  recipients: string;
  counts: string;
  key_id: string;
  created_at: string;
  created_by: string | null;
  package_bytes: Buffer;
};

export function getExchangeIdentity(db: Db): DbExchangeIdentity | undefined {
  return db.prepare('SELECT office_code, office_name, environment, next_sequence, updated_at FROM exchange_identity WHERE id = 1').get() as
    | DbExchangeIdentity
    | undefined;
}

export function setExchangeIdentity(db: Db, row: Omit<DbExchangeIdentity, 'next_sequence'>): void {
  db.prepare(
    `INSERT INTO exchange_identity (id, office_code, office_name, environment, updated_at)
     VALUES (1, @office_code, @office_name, @environment, @updated_at)
     ON CONFLICT (id) DO UPDATE SET office_code = excluded.office_code, office_name = excluded.office_name,
       environment = excluded.environment, updated_at = excluded.updated_at`,
  ).run(row);
}

/** Takes the next sequence number and commits the bump (§3.10: never reused, even if the file is never written). */
export function takeSequence(db: Db): number {
  return db.transaction(() => {
    const row = db.prepare('SELECT next_sequence FROM exchange_identity WHERE id = 1').get() as { next_sequence: number } | undefined;
    if (row === undefined) throw new Error('exchange identity missing');
    db.prepare('UPDATE exchange_identity SET next_sequence = next_sequence + 1 WHERE id = 1').run();
    return row.next_sequence;
  }).immediate();
}

export function activeKey(db: Db, kind: DbOfficeKey['kind']): DbOfficeKey | undefined {
  return db.prepare("SELECT * FROM office_keys WHERE kind = ? AND status = 'active'").get(kind) as DbOfficeKey | undefined;
}

export function keysOfKind(db: Db, kind: DbOfficeKey['kind']): DbOfficeKey[] {
  return db.prepare('SELECT * FROM office_keys WHERE kind = ? ORDER BY created_at').all(kind) as DbOfficeKey[];
}

export function insertOfficeKey(db: Db, row: DbOfficeKey): void {
  db.prepare(
    `INSERT INTO office_keys (key_id, kind, public_key, secret_file, status, created_at)
     VALUES (@key_id, @kind, @public_key, @secret_file, @status, @created_at)`,
  ).run(row);
}

export function currentTrustList(db: Db): DbTrustList | undefined {
  return db
    .prepare('SELECT authority, version, environment, expires_at, list_json, file_bytes, installed_at FROM trust_lists WHERE is_current = 1')
    .get() as DbTrustList | undefined;
}

export function installTrustList(db: Db, row: DbTrustList): void {
  db.transaction(() => {
    db.prepare('UPDATE trust_lists SET is_current = 0 WHERE is_current = 1').run();
    db.prepare(
      `INSERT INTO trust_lists (authority, version, environment, expires_at, list_json, file_bytes, installed_at, is_current)
       VALUES (@authority, @version, @environment, @expires_at, @list_json, @file_bytes, @installed_at, 1)`,
    ).run(row);
  })();
}

export function getTrustAuthority(db: Db): DbTrustAuthority | undefined {
  return db.prepare('SELECT root_keys, root_threshold, last_published_version, updated_at FROM trust_authority WHERE id = 1').get() as
    | DbTrustAuthority
    | undefined;
}

export function setTrustAuthority(db: Db, row: DbTrustAuthority): void {
  db.prepare(
    `INSERT INTO trust_authority (id, root_keys, root_threshold, last_published_version, updated_at)
     VALUES (1, @root_keys, @root_threshold, @last_published_version, @updated_at)
     ON CONFLICT (id) DO UPDATE SET root_keys = excluded.root_keys, root_threshold = excluded.root_threshold,
       last_published_version = excluded.last_published_version, updated_at = excluded.updated_at`,
  ).run(row);
}

export function listEnrollments(db: Db): DbEnrollment[] {
  return db.prepare('SELECT * FROM trust_enrollments ORDER BY office_code').all() as DbEnrollment[];
}

export function upsertEnrollment(db: Db, row: DbEnrollment): void {
  db.prepare(
    `INSERT INTO trust_enrollments (office_code, office_name, level, admin_scheme, admin_code, signing_key_id, signing_public_key,
       encryption_recipient, statement, enrolled_at)
     VALUES (@office_code, @office_name, @level, @admin_scheme, @admin_code, @signing_key_id, @signing_public_key,
       @encryption_recipient, @statement, @enrolled_at)
     ON CONFLICT (office_code) DO UPDATE SET office_name = excluded.office_name, level = excluded.level,
       admin_scheme = excluded.admin_scheme, admin_code = excluded.admin_code, signing_key_id = excluded.signing_key_id,
       signing_public_key = excluded.signing_public_key, encryption_recipient = excluded.encryption_recipient,
       statement = excluded.statement, enrolled_at = excluded.enrolled_at`,
  ).run(row);
}

export function insertExport(db: Db, row: DbExport): void {
  db.prepare(
    `INSERT INTO exports (package_id, period_id, sequence, package_digest, supersedes, file_name, encrypted, recipients, counts,
       key_id, created_at, created_by, package_bytes)
     VALUES (@package_id, @period_id, @sequence, @package_digest, @supersedes, @file_name, @encrypted, @recipients, @counts,
       @key_id, @created_at, @created_by, @package_bytes)`,
  ).run(row);
}

/** What the province's receipt said of a sent package (§6.6); null columns until one is imported. */
export type DbExportReceipt = { receipt_decision: string | null; receipt_at: string | null };

export function listExports(db: Db): (Omit<DbExport, 'package_bytes'> & DbExportReceipt)[] {
  return db
    .prepare(
      `SELECT package_id, period_id, sequence, package_digest, supersedes, file_name, encrypted, recipients, counts, key_id,
         created_at, created_by, receipt_decision, receipt_at FROM exports ORDER BY sequence DESC`,
    )
    .all() as (Omit<DbExport, 'package_bytes'> & DbExportReceipt)[];
}

export function getExportForReceipt(
  db: Db,
  packageId: string,
): (Pick<DbExport, 'package_id' | 'period_id' | 'sequence' | 'package_digest'> & DbExportReceipt) | undefined {
  return db
    .prepare('SELECT package_id, period_id, sequence, package_digest, receipt_decision, receipt_at FROM exports WHERE package_id = ?')
    .get(packageId) as (Pick<DbExport, 'package_id' | 'period_id' | 'sequence' | 'package_digest'> & DbExportReceipt) | undefined;
}

/** Records the province's signed receipt against the export, keeping the receipt file as evidence. */
export function setExportReceipt(db: Db, packageId: string, receipt: { decision: string; at: string; bytes: Buffer }): void {
  db.prepare('UPDATE exports SET receipt_decision = ?, receipt_at = ?, receipt_bytes = ? WHERE package_id = ?').run(
    receipt.decision,
    receipt.at,
    receipt.bytes,
    packageId,
  );
}

/** The package this office last sent for the period: the next one supersedes it (§2.4). */
export function latestExportOf(db: Db, periodId: string): { package_id: string; sequence: number } | undefined {
  return db.prepare('SELECT package_id, sequence FROM exports WHERE period_id = ? ORDER BY sequence DESC LIMIT 1').get(periodId) as
    | { package_id: string; sequence: number }
    | undefined;
}

export function getExportBytes(db: Db, packageId: string): Pick<DbExport, 'file_name' | 'encrypted' | 'recipients' | 'package_bytes'> | undefined {
  return db.prepare('SELECT file_name, encrypted, recipients, package_bytes FROM exports WHERE package_id = ?').get(packageId) as
    | Pick<DbExport, 'file_name' | 'encrypted' | 'recipients' | 'package_bytes'>
    | undefined;
}
