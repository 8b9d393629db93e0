/**
 * Key rotation at the office that rotates (exchange-format.md §3.6). `rotateKey` makes
 * the new keys and the statement; the new keys wait as `pending` and the office keeps
 * signing with the old key, because a package signed by a key the province has not
 * yet published would be E_KEY_UNKNOWN there. When a trust list naming the pending key
 * as active is installed, `applyRotation` switches keys and destroys the old signing
 * key's secret (step 5): a thief who later copies the workspace finds nothing to sign with.
 */
import { activeKey, getExchangeIdentity, insertOfficeKey, pendingKey } from '../../../db/queries/exchange';
import { appendLog } from '../../../db/queries/import-log';
import type { Db } from '../../../db/connection';
import { AppError } from '../../../shared/errors';
import { generateX25519Secret, recipientString, x25519PublicFromSecret } from './age/x25519';
import { passphraseError, requireIdentity, unlockSigningSeed } from './keys-service';
import { writeRotation } from './rotation';
import { openSecret, sealSecret } from './secret-files';
import { ed25519PublicFromSeed, fingerprint, generateEd25519Seed, keyIdHex, keyIdOf } from './signify';
import type { TrustList } from './trust-list';
import { nowIso, userName, type Workspace } from '../workspace';

export type RotationResult = {
  fileName: string;
  bytes: Buffer;
  oldKeyId: string;
  newKeyId: string;
  fingerprint: string;
  encryptionRecipient: string | null;
  lastSequenceUnderOldKey: number;
  /** A rotation was already pending: same new key, statement signed again with the current last sequence. */
  isRenewed: boolean;
};

function openPendingSeed(file: Buffer | null, passphrase: string): Buffer {
  if (file === null) throw new AppError('KEYS_NOT_GENERATED');
  try {
    return openSecret('bcpkg.secret-key', file, passphrase).secret;
  } catch (error) {
    return passphraseError(error);
  }
}

/**
 * Writes the rotation statement, signed by the old key then the new one. Asked again
 * while a rotation is pending, it keeps the pending key and signs a fresh statement:
 * packages sent with the old key in the meantime raised the last sequence, and a
 * statement below what the province has seen would be refused.
 */
export function rotateKey(ws: Workspace, passphrase: string, reason: string | null, now = new Date()): RotationResult {
  const identity = requireIdentity(ws);
  const oldSeed = unlockSigningSeed(ws, passphrase);
  const pending = pendingKey(ws.db, 'signing');
  const newSeed = pending === undefined ? generateEd25519Seed() : openPendingSeed(pending.secret_file, passphrase);
  const hasEncryption = activeKey(ws.db, 'encryption') !== undefined;
  const pendingEncryption = pendingKey(ws.db, 'encryption');
  const encryptionSecret = pending === undefined && hasEncryption ? generateX25519Secret() : null;
  try {
    const encryptionPublic = encryptionSecret !== null ? x25519PublicFromSecret(encryptionSecret) : (pendingEncryption?.public_key ?? null);
    const last = (getExchangeIdentity(ws.db)?.next_sequence ?? 1) - 1;
    const bytes = writeRotation(
      {
        officeCode: identity.officeCode,
        newEncryptionRecipient: encryptionPublic === null ? null : recipientString(encryptionPublic),
        lastSequenceUnderOldKey: last,
        createdAt: `${now.toISOString().slice(0, 19)}Z`,
        ...(reason === null || reason.trim() === '' ? {} : { reason: reason.trim() }),
      },
      oldSeed,
      newSeed,
    );
    const newPublic = ed25519PublicFromSeed(newSeed);
    if (pending === undefined) {
      const signingFile = sealSecret('bcpkg.secret-key', identity.officeCode, newSeed, passphrase);
      const encryptionFile = encryptionSecret === null ? null : sealSecret('bcpkg.encryption-key', identity.officeCode, encryptionSecret, passphrase);
      ws.db.transaction(() => {
        storePending(ws.db, 'signing', newPublic, signingFile);
        if (encryptionPublic !== null && encryptionFile !== null) storePending(ws.db, 'encryption', encryptionPublic, encryptionFile);
      })();
    }
    const active = activeKey(ws.db, 'signing');
    return {
      fileName: `${identity.officeCode}_key-rotation.bckey`,
      bytes,
      oldKeyId: active?.key_id ?? '',
      newKeyId: keyIdHex(keyIdOf(newPublic)),
      fingerprint: fingerprint(newPublic, 'ed25519'),
      encryptionRecipient: encryptionPublic === null ? null : recipientString(encryptionPublic),
      lastSequenceUnderOldKey: last,
      isRenewed: pending !== undefined,
    };
  } finally {
    oldSeed.fill(0);
    newSeed.fill(0);
    encryptionSecret?.fill(0);
  }
}

function storePending(db: Db, kind: 'signing' | 'encryption', publicKey: Buffer, secretFile: Buffer): void {
  insertOfficeKey(db, {
    key_id: keyIdHex(keyIdOf(publicKey)),
    kind,
    public_key: publicKey,
    secret_file: secretFile,
    status: 'pending',
    created_at: nowIso(),
    destroyed_at: null,
  });
}

/**
 * Inside the trust-list install transaction: when the list names this office's pending
 * signing key as active, the pending keys become the office's keys, the old signing
 * key is retired and its secret dropped, and the log says so. The old encryption key
 * keeps its secret: packages encrypted to it may still arrive. Returns whether keys
 * changed; the caller then scrubs the freed pages (`scrubFreedPages`).
 */
export function applyRotation(ws: Workspace, list: TrustList, trustlistVersion: number): boolean {
  const pending = pendingKey(ws.db, 'signing');
  const own = getExchangeIdentity(ws.db);
  if (pending === undefined || own === undefined) return false;
  const entry = list.offices.find((o) => o.officeCode === own.office_code);
  if (!entry?.signingKeys.some((k) => k.keyId === pending.key_id && k.status === 'active')) return false;
  const old = activeKey(ws.db, 'signing');
  const at = nowIso();
  ws.db
    .prepare("UPDATE office_keys SET status = 'retired', secret_file = NULL, destroyed_at = ? WHERE kind = 'signing' AND status = 'active'")
    .run(at);
  ws.db.prepare("UPDATE office_keys SET status = 'active' WHERE key_id = ?").run(pending.key_id);
  const encryption = pendingKey(ws.db, 'encryption');
  if (encryption !== undefined && entry.encryptionKeys.some((k) => k.recipient === recipientString(encryption.public_key) && k.status === 'active')) {
    ws.db.prepare("UPDATE office_keys SET status = 'retired' WHERE kind = 'encryption' AND status = 'active'").run();
    ws.db.prepare("UPDATE office_keys SET status = 'active' WHERE key_id = ?").run(encryption.key_id);
  }
  appendLog(ws.db, {
    at,
    operator: userName(ws),
    source_filename: null,
    file_sha256: null,
    package_id: null,
    package_digest: null,
    issuer: own.office_code,
    period: null,
    sequence: entry.signingKeys.find((k) => k.keyId === pending.key_id)?.firstSequence ?? null,
    key_id: pending.key_id,
    trustlist_version: trustlistVersion,
    encrypted: null,
    decision: 'key_rotated',
    code: null,
    detail: `old key ${old?.key_id ?? '?'} retired, its secret destroyed`,
  });
  return true;
}

/**
 * A NULLed column leaves the old bytes in free space of the page, in the WAL and in
 * pages freed earlier. VACUUM rewrites every page and the TRUNCATE checkpoint copies
 * them over the file and empties the WAL. Best effort: the file system or an SSD may
 * keep old blocks, and backups made before this moment still hold the (encrypted) key.
 */
export function scrubFreedPages(db: Db): void {
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
