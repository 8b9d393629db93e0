/**
 * The office's keys (exchange-format.md §3.1–3.4): generating them, showing their ids
 * and fingerprints, unlocking them for one operation, and the self-signed enrollment
 * statement. Secrets stay in this module's callers for the duration of one call and
 * are wiped; nothing here returns key material to the API.
 */
import { activeKey, getExchangeIdentity, insertOfficeKey, keysOfKind, setExchangeIdentity } from '../../../db/queries/exchange';
import type { EnrollmentForm, KeysStatus } from '../../../shared/api/exchange-types';
import { AppError } from '../../../shared/errors';
import { generateX25519Secret, parseIdentityFile, recipientString, x25519PublicFromSecret } from './age/x25519';
import { isBcpkgError } from './bcpkg-error';
import { fingerprint, generateEd25519Seed, ed25519PublicFromSeed, keyIdHex, keyIdOf } from './signify';
import { officeIdentity, type OfficeIdentity } from './office-identity';
import { isStrongPassphrase, openSecret, sealSecret, type SecretKind } from './secret-files';
import { nowIso, type Workspace } from '../workspace';

/** Turns the key-file codes into the user's sentence; anything else is rethrown. */
export function passphraseError(error: unknown): never {
  if (isBcpkgError(error) && error.code === 'E_WRONG_PASSPHRASE') throw new AppError('PASSPHRASE_WRONG');
  if (isBcpkgError(error)) throw new AppError('KEY_FILE_INVALID', { file: 'workspace', detail: error.code });
  throw error;
}

function tryOfficeIdentity(ws: Workspace): OfficeIdentity | null {
  try {
    return officeIdentity(ws);
  } catch {
    return null;
  }
}

export function keysStatus(ws: Workspace): KeysStatus {
  const identity = getExchangeIdentity(ws.db);
  const derived = tryOfficeIdentity(ws);
  const signing = activeKey(ws.db, 'signing');
  const encryption = activeKey(ws.db, 'encryption');
  return {
    officeCode: identity?.office_code ?? derived?.officeCode ?? null,
    officeName: identity?.office_name ?? derived?.officeName ?? null,
    environment: identity?.environment ?? derived?.environment ?? 'production',
    signing: signing === undefined ? null : { keyId: signing.key_id, fingerprint: fingerprint(signing.public_key, 'ed25519'), createdAt: signing.created_at },
    encryption:
      encryption === undefined
        ? null
        : {
            keyId: encryption.key_id,
            fingerprint: fingerprint(encryption.public_key, 'x25519'),
            createdAt: encryption.created_at,
            recipient: recipientString(encryption.public_key),
          },
  };
}

function storeKey(ws: Workspace, kind: 'signing' | 'encryption', publicKey: Buffer, secretFile: Buffer): void {
  insertOfficeKey(ws.db, {
    key_id: keyIdHex(keyIdOf(publicKey)),
    kind,
    public_key: publicKey,
    secret_file: secretFile,
    status: 'active',
    created_at: nowIso(),
    destroyed_at: null,
  });
}

/**
 * Creates the signing key (and the encryption key when asked). Adding an encryption key
 * to an office that already signs needs the same passphrase, checked by opening the
 * signing key, so one passphrase protects both.
 */
export function generateKeys(ws: Workspace, passphrase: string, withEncryption: boolean): KeysStatus {
  if (!isStrongPassphrase(passphrase)) throw new AppError('PASSPHRASE_WEAK');
  const identity = officeIdentity(ws);
  const existing = activeKey(ws.db, 'signing');
  if (existing !== undefined && (!withEncryption || activeKey(ws.db, 'encryption') !== undefined)) {
    throw new AppError('KEYS_ALREADY_EXIST', { keyId: existing.key_id });
  }
  if (existing !== undefined) unlockSigningSeed(ws, passphrase).fill(0);
  const seed = existing === undefined ? generateEd25519Seed() : null;
  const secret = withEncryption ? generateX25519Secret() : null;
  try {
    const signingFile = seed === null ? null : sealSecret('bcpkg.secret-key', identity.officeCode, seed, passphrase);
    const encryptionFile = secret === null ? null : sealSecret('bcpkg.encryption-key', identity.officeCode, secret, passphrase);
    ws.db.transaction(() => {
      if (getExchangeIdentity(ws.db) === undefined) {
        setExchangeIdentity(ws.db, {
          office_code: identity.officeCode,
          office_name: identity.officeName,
          environment: identity.environment,
          updated_at: nowIso(),
        });
      }
      if (seed !== null && signingFile !== null) storeKey(ws, 'signing', ed25519PublicFromSeed(seed), signingFile);
      if (secret !== null && encryptionFile !== null) storeKey(ws, 'encryption', x25519PublicFromSecret(secret), encryptionFile);
    })();
  } finally {
    seed?.fill(0);
    secret?.fill(0);
  }
  return keysStatus(ws);
}

function openKey(kind: SecretKind, file: Buffer, passphrase: string): Buffer {
  try {
    return openSecret(kind, file, passphrase).secret;
  } catch (error) {
    return passphraseError(error);
  }
}

/** The signing seed for one operation; the caller must `fill(0)` it when done. */
export function unlockSigningSeed(ws: Workspace, passphrase: string): Buffer {
  const key = activeKey(ws.db, 'signing');
  if (key === undefined || key.secret_file === null) throw new AppError('KEYS_NOT_GENERATED');
  return openKey('bcpkg.secret-key', key.secret_file, passphrase);
}

/** Every X25519 identity of the office, current first (retired and pending ones may open packages sent to them). */
export function unlockIdentities(ws: Workspace, passphrase: string): Buffer[] {
  const keys = keysOfKind(ws.db, 'encryption').sort((a, b) => (a.status === 'active' ? -1 : b.status === 'active' ? 1 : 0));
  const files = keys.flatMap((k) => (k.secret_file === null ? [] : [k.secret_file]));
  if (files.length === 0) throw new AppError('ENCRYPTION_KEY_MISSING');
  return files.map((file) => openKey('bcpkg.encryption-key', file, passphrase));
}

/** Installs an X25519 identity from a standard age identity file (recovery, migration); the old one is retired. */
export function importIdentity(ws: Workspace, identityFileText: string, passphrase: string): KeysStatus {
  if (!isStrongPassphrase(passphrase)) throw new AppError('PASSPHRASE_WEAK');
  let secrets: Buffer[];
  try {
    secrets = parseIdentityFile(identityFileText);
  } catch (error) {
    if (isBcpkgError(error)) throw new AppError('KEY_FILE_INVALID', { file: 'age', detail: error.code });
    throw error;
  }
  const [secret] = secrets;
  if (secret === undefined || secrets.length !== 1) throw new AppError('KEY_FILE_INVALID', { file: 'age', detail: 'one identity expected' });
  const identity = officeIdentity(ws);
  const file = sealSecret('bcpkg.encryption-key', identity.officeCode, secret, passphrase);
  const publicKey = x25519PublicFromSecret(secret);
  secret.fill(0);
  ws.db.transaction(() => {
    ws.db.prepare("UPDATE office_keys SET status = 'retired' WHERE kind = 'encryption' AND status = 'active'").run();
    ws.db.prepare("DELETE FROM office_keys WHERE key_id = ?").run(keyIdHex(keyIdOf(publicKey)));
    storeKey(ws, 'encryption', publicKey, file);
  })();
  return keysStatus(ws);
}

export function requireIdentity(ws: Workspace): OfficeIdentity {
  const identity = officeIdentity(ws);
  const stored = getExchangeIdentity(ws.db);
  if (stored === undefined) throw new AppError('KEYS_NOT_GENERATED');
  return { ...identity, officeCode: stored.office_code, officeName: stored.office_name, environment: stored.environment };
}

export function enrollmentForm(ws: Workspace, appVersion: string, createdAt: string): EnrollmentForm {
  const identity = requireIdentity(ws);
  const status = keysStatus(ws);
  if (status.signing === null) throw new AppError('KEYS_NOT_GENERATED');
  return {
    officeCode: identity.officeCode,
    officeName: identity.officeName,
    level: identity.level,
    keyId: status.signing.keyId,
    fingerprint: status.signing.fingerprint,
    encryptionRecipient: status.encryption?.recipient ?? null,
    encryptionFingerprint: status.encryption?.fingerprint ?? null,
    createdAt,
    appVersion,
  };
}

