/** Rows of the consolidation tables (migration 4): received packages, their records, slots, high-water marks. */
import type { Db } from '../connection';

export type DbReceivedPackage = {
  package_id: string;
  package_digest: string;
  issuer: string;
  period_id: string;
  sequence: number;
  key_id: string;
  status: 'accepted' | 'superseded' | 'quarantined';
  supersedes: string | null;
  encrypted: number;
  file_name: string;
  file_sha256: string;
  manifest_json: Buffer;
  evidence: Buffer;
  accepted_at: string;
  accepted_by: string | null;
};

export type DbSlot = { issuer: string; period_id: string; package_id: string; sequence: number; package_digest: string; accepted_at: string };

export function receivedPackage(db: Db, packageId: string): Omit<DbReceivedPackage, 'evidence' | 'manifest_json'> | undefined {
  return db
    .prepare(
      `SELECT package_id, package_digest, issuer, period_id, sequence, key_id, status, supersedes, encrypted, file_name, file_sha256,
         accepted_at, accepted_by FROM received_packages WHERE package_id = ?`,
    )
    .get(packageId) as Omit<DbReceivedPackage, 'evidence' | 'manifest_json'> | undefined;
}

export function listReceivedPackages(db: Db): Omit<DbReceivedPackage, 'evidence' | 'manifest_json'>[] {
  return db
    .prepare(
      `SELECT package_id, package_digest, issuer, period_id, sequence, key_id, status, supersedes, encrypted, file_name, file_sha256,
         accepted_at, accepted_by FROM received_packages ORDER BY accepted_at DESC, sequence DESC`,
    )
    .all() as Omit<DbReceivedPackage, 'evidence' | 'manifest_json'>[];
}

export function getSlot(db: Db, issuer: string, periodId: string): DbSlot | undefined {
  return db.prepare('SELECT * FROM slots WHERE issuer = ? AND period_id = ?').get(issuer, periodId) as DbSlot | undefined;
}

export function slotsOfPeriod(db: Db, periodId: string): DbSlot[] {
  return db.prepare('SELECT * FROM slots WHERE period_id = ? ORDER BY issuer').all(periodId) as DbSlot[];
}

export function lastSequence(db: Db, issuer: string): number | null {
  const row = db.prepare('SELECT last_sequence FROM issuer_state WHERE issuer = ?').get(issuer) as { last_sequence: number } | undefined;
  return row?.last_sequence ?? null;
}

export function insertReceivedPackage(db: Db, row: DbReceivedPackage): void {
  db.prepare(
    `INSERT INTO received_packages (package_id, package_digest, issuer, period_id, sequence, key_id, status, supersedes, encrypted,
       file_name, file_sha256, manifest_json, evidence, accepted_at, accepted_by)
     VALUES (@package_id, @package_digest, @issuer, @period_id, @sequence, @key_id, @status, @supersedes, @encrypted,
       @file_name, @file_sha256, @manifest_json, @evidence, @accepted_at, @accepted_by)`,
  ).run(row);
}

export function insertRecords(db: Db, packageId: string, dataset: string, records: readonly { id: string; json: string }[]): void {
  const statement = db.prepare('INSERT INTO received_records (package_id, dataset, record_id, record_json) VALUES (?, ?, ?, ?)');
  for (const r of records) statement.run(packageId, dataset, r.id, r.json);
}

export function recordsOf(db: Db, packageId: string, dataset: string): { record_id: string; record_json: string }[] {
  return db
    .prepare('SELECT record_id, record_json FROM received_records WHERE package_id = ? AND dataset = ? ORDER BY record_id')
    .all(packageId, dataset) as { record_id: string; record_json: string }[];
}

/** The slot now points at this package; the one it replaces is superseded; the office's high-water mark moves up. */
export function moveSlot(db: Db, slot: DbSlot): void {
  const previous = getSlot(db, slot.issuer, slot.period_id);
  if (previous !== undefined) db.prepare("UPDATE received_packages SET status = 'superseded' WHERE package_id = ?").run(previous.package_id);
  db.prepare(
    `INSERT INTO slots (issuer, period_id, package_id, sequence, package_digest, accepted_at)
     VALUES (@issuer, @period_id, @package_id, @sequence, @package_digest, @accepted_at)
     ON CONFLICT (issuer, period_id) DO UPDATE SET package_id = excluded.package_id, sequence = excluded.sequence,
       package_digest = excluded.package_digest, accepted_at = excluded.accepted_at`,
  ).run(slot);
  db.prepare(
    `INSERT INTO issuer_state (issuer, last_sequence) VALUES (?, ?)
     ON CONFLICT (issuer) DO UPDATE SET last_sequence = max(last_sequence, excluded.last_sequence)`,
  ).run(slot.issuer, slot.sequence);
}

export type DbSlotRecord = { issuer: string; package_id: string; sequence: number; accepted_at: string; record_id: string; record_json: string };

/** The records of every slot's current package for the period (the consolidated view), by office then record id. */
export function slotRecordsOfPeriod(db: Db, periodId: string, dataset: string): DbSlotRecord[] {
  return db
    .prepare(
      `SELECT s.issuer, s.package_id, s.sequence, s.accepted_at, r.record_id, r.record_json
       FROM slots s JOIN received_records r ON r.package_id = s.package_id AND r.dataset = ?
       WHERE s.period_id = ? ORDER BY s.issuer, r.record_id`,
    )
    .all(dataset, periodId) as DbSlotRecord[];
}

/** The office's most recent slot over all periods (highest sequence: sequences grow across periods, §2.4). */
export function latestSlotOf(db: Db, issuer: string): DbSlot | undefined {
  return db.prepare('SELECT * FROM slots WHERE issuer = ? ORDER BY sequence DESC LIMIT 1').get(issuer) as DbSlot | undefined;
}
