/**
 * The province receiving a key-rotation statement (exchange-format.md §3.6 steps 2–3).
 * Both signatures are checked, the old one against the key this province holds for the
 * office — never against anything in the file — and the statement must not hide
 * packages already received (`lastSequenceUnderOldKey` ≥ the office's high-water mark).
 * A revoked key can never rotate: a thief would rotate to their own key (§3.7). The
 * change reaches other offices with the next published list (published-keys.ts).
 */
import { createHash } from 'node:crypto';
import { lastSequence } from '../../../db/queries/consolidation';
import { getTrustAuthority, listEnrollments } from '../../../db/queries/exchange';
import { appendLog } from '../../../db/queries/import-log';
import { historyKey, revocationOf, setEnrollmentKey, upsertKeyHistory } from '../../../db/queries/key-lifecycle';
import { AppError } from '../../../shared/errors';
import { parseRecipient } from './age/x25519';
import { BcpkgError } from './bcpkg-error';
import { keyStatementType, readRotation, type ReadRotation } from './rotation';
import { ed25519Verify, fingerprint } from './signify';
import { addOffice, emptyLog, installedTrustList, refuse, type EnrolledOffice } from './trust-service';
import { nowIso, type Workspace } from '../workspace';

export type KeyStatementResult = EnrolledOffice & {
  kind: 'enrollment' | 'rotation';
  oldKeyId: string | null;
  lastSequenceUnderOldKey: number | null;
  reason: string | null;
};

/** `pcmt trust add-office`: an enrollment or a rotation, told apart by the signed statement's type. */
export function acceptKeyStatement(ws: Workspace, fileName: string, bytes: Uint8Array): KeyStatementResult {
  let type: ReturnType<typeof keyStatementType>;
  try {
    type = keyStatementType(bytes);
  } catch (error) {
    return refuse(ws, fileName, error);
  }
  if (type === 'bcpkg.key-enrollment') return { ...addOffice(ws, fileName, bytes), kind: 'enrollment', oldKeyId: null, lastSequenceUnderOldKey: null, reason: null };
  return acceptRotation(ws, fileName, bytes);
}

/**
 * The key the statement rotates from, as this province knows it: the office's current
 * key, or — when the office signs its statement again before the list is published,
 * because it sent packages meanwhile — the key the earlier statement retired.
 */
function oldKeyOf(ws: Workspace, s: ReadRotation['statement']): { publicKey: Buffer; firstSequence: number; floor: number } {
  const enrollment = listEnrollments(ws.db).find((e) => e.office_code === s.officeCode);
  if (enrollment === undefined) throw new AppError('OFFICE_NOT_ENROLLED', { office: s.officeCode });
  if (enrollment.signing_key_id === s.oldKeyId) return { publicKey: enrollment.signing_public_key, firstSequence: enrollment.first_sequence, floor: 0 };
  const earlier = historyKey(ws.db, s.oldKeyId);
  const published = installedTrustList(ws)?.offices.find((o) => o.officeCode === s.officeCode)?.signingKeys.find((k) => k.keyId === s.oldKeyId);
  if (enrollment.signing_key_id === s.newKeyId && earlier?.office_code === s.officeCode && published?.status !== 'retired') {
    return { publicKey: earlier.public_key, firstSequence: earlier.first_sequence, floor: earlier.last_valid_sequence };
  }
  throw new AppError('ROTATION_OLD_KEY_NOT_ACTIVE', { keyId: s.oldKeyId, office: s.officeCode });
}

export function acceptRotation(ws: Workspace, fileName: string, bytes: Uint8Array): KeyStatementResult {
  if (getTrustAuthority(ws.db) === undefined) throw new AppError('TRUST_AUTHORITY_NOT_SET');
  let read: ReadRotation;
  try {
    read = readRotation(bytes);
  } catch (error) {
    return refuse(ws, fileName, error);
  }
  const { statement: s, body, oldSignature } = read;
  for (const keyId of [s.oldKeyId, s.newKeyId]) {
    if (revocationOf(ws.db, keyId) !== undefined) throw new AppError('KEY_REVOKED_HERE', { keyId });
  }
  const old = oldKeyOf(ws, s);
  if (!ed25519Verify(old.publicKey, body, oldSignature)) refuse(ws, fileName, new BcpkgError('E_STATEMENT_INVALID', 'old key signature'));
  const seen = Math.max(lastSequence(ws.db, s.officeCode) ?? 0, old.floor);
  if (s.lastSequenceUnderOldKey < seen) {
    throw new AppError('ROTATION_SEQUENCE_BEHIND', { office: s.officeCode, last: s.lastSequenceUnderOldKey, seen });
  }
  const enrollments = listEnrollments(ws.db);
  const taken = enrollments.find((e) => e.signing_key_id === s.newKeyId && e.office_code !== s.officeCode) ?? historyKey(ws.db, s.newKeyId);
  if (taken !== undefined) throw new AppError('ENROLLMENT_KEY_TAKEN', { keyId: s.newKeyId, office: taken.office_code });
  const enrollment = enrollments.find((e) => e.office_code === s.officeCode);
  if (enrollment === undefined) throw new AppError('OFFICE_NOT_ENROLLED', { office: s.officeCode });
  const newPublic = Buffer.from(s.newPublicKey, 'base64');
  ws.db.transaction(() => {
    upsertKeyHistory(ws.db, {
      key_id: s.oldKeyId,
      office_code: s.officeCode,
      public_key: old.publicKey,
      first_sequence: old.firstSequence,
      last_valid_sequence: s.lastSequenceUnderOldKey,
      rotation_statement: Buffer.from(bytes),
      rotated_at: nowIso(),
    });
    setEnrollmentKey(ws.db, {
      office_code: s.officeCode,
      signing_key_id: s.newKeyId,
      signing_public_key: newPublic,
      encryption_recipient: s.newEncryptionRecipient ?? enrollment.encryption_recipient,
      first_sequence: s.lastSequenceUnderOldKey + 1,
    });
    appendLog(ws.db, {
      ...emptyLog(ws, 'rotation'),
      source_filename: fileName,
      file_sha256: createHash('sha256').update(bytes).digest('hex'),
      issuer: s.officeCode,
      sequence: s.lastSequenceUnderOldKey,
      key_id: s.newKeyId,
      detail: `old key ${s.oldKeyId}${s.reason === undefined ? '' : `; reason: ${s.reason}`}`,
    });
  })();
  const recipient = s.newEncryptionRecipient ?? enrollment.encryption_recipient;
  return {
    kind: 'rotation',
    officeCode: s.officeCode,
    officeName: enrollment.office_name,
    keyId: s.newKeyId,
    fingerprint: fingerprint(newPublic, 'ed25519'),
    encryptionFingerprint: recipient === null ? null : fingerprint(parseRecipient(recipient), 'x25519'),
    oldKeyId: s.oldKeyId,
    lastSequenceUnderOldKey: s.lastSequenceUnderOldKey,
    reason: s.reason ?? null,
  };
}
