/**
 * The province's record of office keys over time (migration 5): keys an office rotated
 * away from (§3.6) and keys this province revoked (migration 4's key_revocations,
 * §3.7), plus the quarantine of packages a revoked key signed after the last trusted
 * sequence.
 */
import type { Db } from '../connection';

export type DbKeyHistory = {
  key_id: string;
  office_code: string;
  public_key: Buffer;
  first_sequence: number;
  last_valid_sequence: number;
  rotation_statement: Buffer;
  rotated_at: string;
};

export type DbRevocation = { key_id: string; office_code: string; revoked_at: string; last_trusted_sequence: number; reason: string | null };

export function keyHistoryOf(db: Db, officeCode: string): DbKeyHistory[] {
  return db.prepare('SELECT * FROM trust_key_history WHERE office_code = ? ORDER BY first_sequence').all(officeCode) as DbKeyHistory[];
}

export function historyKey(db: Db, keyId: string): DbKeyHistory | undefined {
  return db.prepare('SELECT * FROM trust_key_history WHERE key_id = ?').get(keyId) as DbKeyHistory | undefined;
}

export function upsertKeyHistory(db: Db, row: DbKeyHistory): void {
  db.prepare(
    `INSERT INTO trust_key_history (key_id, office_code, public_key, first_sequence, last_valid_sequence, rotation_statement, rotated_at)
     VALUES (@key_id, @office_code, @public_key, @first_sequence, @last_valid_sequence, @rotation_statement, @rotated_at)
     ON CONFLICT (key_id) DO UPDATE SET last_valid_sequence = excluded.last_valid_sequence,
       rotation_statement = excluded.rotation_statement, rotated_at = excluded.rotated_at`,
  ).run(row);
}

export function revocationOf(db: Db, keyId: string): DbRevocation | undefined {
  return db.prepare('SELECT * FROM key_revocations WHERE key_id = ?').get(keyId) as DbRevocation | undefined;
}

export function revocationsOf(db: Db, officeCode: string): DbRevocation[] {
  return db.prepare('SELECT * FROM key_revocations WHERE office_code = ? ORDER BY revoked_at, key_id').all(officeCode) as DbRevocation[];
}

export function insertRevocation(db: Db, row: DbRevocation): void {
  db.prepare(
    `INSERT INTO key_revocations (key_id, office_code, revoked_at, last_trusted_sequence, reason)
     VALUES (@key_id, @office_code, @revoked_at, @last_trusted_sequence, @reason)`,
  ).run(row);
}

export type QuarantineCandidate = { package_id: string; package_digest: string; period_id: string; sequence: number; key_id: string };

/** Packages signed by these keys above the last trusted sequence that are not quarantined yet. */
export function packagesAbove(db: Db, issuer: string, keyIds: readonly string[], lastTrusted: number): QuarantineCandidate[] {
  const marks = keyIds.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT package_id, package_digest, period_id, sequence, key_id FROM received_packages
       WHERE issuer = ? AND key_id IN (${marks}) AND sequence > ? AND status <> 'quarantined' ORDER BY sequence`,
    )
    .all(issuer, ...keyIds, lastTrusted) as QuarantineCandidate[];
}

export function setQuarantined(db: Db, packageId: string): void {
  db.prepare("UPDATE received_packages SET status = 'quarantined' WHERE package_id = ?").run(packageId);
}

/**
 * After quarantine, a slot that pointed at a quarantined package goes back to the
 * highest package of the slot still trusted (sequence ≤ the last trusted one), which
 * becomes `accepted` again; with none, the slot is emptied. The high-water mark stays:
 * sequences the thief used must never be accepted again.
 */
export function rewindSlot(db: Db, issuer: string, periodId: string, lastTrusted: number): { package_id: string; sequence: number } | null {
  const back = db
    .prepare(
      `SELECT package_id, package_digest, sequence, accepted_at FROM received_packages
       WHERE issuer = ? AND period_id = ? AND sequence <= ? AND status <> 'quarantined' ORDER BY sequence DESC LIMIT 1`,
    )
    .get(issuer, periodId, lastTrusted) as { package_id: string; package_digest: string; sequence: number; accepted_at: string } | undefined;
  if (back === undefined) {
    db.prepare('DELETE FROM slots WHERE issuer = ? AND period_id = ?').run(issuer, periodId);
    return null;
  }
  db.prepare('UPDATE slots SET package_id = ?, sequence = ?, package_digest = ?, accepted_at = ? WHERE issuer = ? AND period_id = ?').run(
    back.package_id,
    back.sequence,
    back.package_digest,
    back.accepted_at,
    issuer,
    periodId,
  );
  db.prepare("UPDATE received_packages SET status = 'accepted' WHERE package_id = ?").run(back.package_id);
  return { package_id: back.package_id, sequence: back.sequence };
}

/** The office's current key after a rotation (§3.6 step 4): it signs from `first_sequence` on. */
export function setEnrollmentKey(
  db: Db,
  row: { office_code: string; signing_key_id: string; signing_public_key: Buffer; encryption_recipient: string | null; first_sequence: number },
): void {
  db.prepare(
    `UPDATE trust_enrollments SET signing_key_id = @signing_key_id, signing_public_key = @signing_public_key,
       encryption_recipient = @encryption_recipient, first_sequence = @first_sequence WHERE office_code = @office_code`,
  ).run(row);
}
