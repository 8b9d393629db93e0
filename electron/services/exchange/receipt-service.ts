/**
 * Receipts (exchange-format.md §6.6). The province signs what it decided about a
 * received package and returns it; the district checks it as strictly as a package —
 * strict container, a signature by a key the installed trust list binds to this
 * office's parent, canonical JSON, exact schema — and records "accepted at the
 * province" against the export with the same package id AND digest. Both sides log it.
 */
import { createHash } from 'node:crypto';
import { receivedPackage } from '../../../db/queries/consolidation';
import { getExportForReceipt, keysOfKind, setExportReceipt } from '../../../db/queries/exchange';
import { appendLog, type LogFields } from '../../../db/queries/import-log';
import type { ExportRecord, FileBytes, ReceiptDecision } from '../../../shared/api/exchange-types';
import { AppError } from '../../../shared/errors';
import { exchangeMessage } from '../../../shared/i18n/exchange-messages';
import { language, type Workspace } from '../workspace';
import { ageDecrypt, ageEncrypt } from './age/age';
import { defaultChacha } from './age/chacha';
import { parseRecipient } from './age/x25519';
import { BcpkgError, isBcpkgError } from './bcpkg-error';
import { listExportRecords } from './export-service';
import { requireIdentity, unlockIdentities, unlockSigningSeed } from './keys-service';
import { parseReceiptBody, readReceiptContainer, writeReceipt, type Receipt } from './receipt';
import { ed25519PublicFromSeed, ed25519Verify, keyIdHex, keyIdOf } from './signify';
import { findSigningKey, type TrustList } from './trust-list';
import { effectiveTrustList, emptyLog, installedTrustList } from './trust-service';
import { isAgeFile } from './verify-package';

/** A receipt is under 70 KiB (§2.8 caps); more plaintext than this is not one of ours. */
const MAX_RECEIPT_BYTES = 128 * 1024;

/** The result code a receipt carries for each decision (informational; the decision is what counts). */
const RECEIPT_CODES: Record<ReceiptDecision, string> = { accepted: 'OK_ACCEPTED', superseded: 'I_SUPERSEDED', quarantined: 'E_KEY_REVOKED' };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function utcSeconds(now: Date): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

function logRow(ws: Workspace, fields: Partial<LogFields> & Pick<LogFields, 'decision'>): LogFields {
  return { ...emptyLog(ws, fields.decision), ...fields };
}

/**
 * Province: the signed receipt for a received package, its decision taken from the
 * package's status now. `at` is when the receipt was made, so of two receipts for one
 * package the later one is the current word. Encrypted to the district when the trust
 * list has its key; otherwise plain (it holds no hotspot data, §4.1).
 */
export function createReceipt(ws: Workspace, packageId: string, passphrase: string, now = new Date()): FileBytes {
  const row = receivedPackage(ws.db, packageId);
  if (row === undefined) throw new AppError('RECEIPT_PACKAGE_NOT_RECEIVED', { packageId });
  const identity = requireIdentity(ws);
  const seed = unlockSigningSeed(ws, passphrase);
  let bytes: Buffer;
  let keyId: string;
  try {
    keyId = keyIdHex(keyIdOf(ed25519PublicFromSeed(seed)));
    bytes = writeReceipt(
      {
        packageId: row.package_id,
        packageDigest: row.package_digest,
        issuer: row.issuer,
        period: row.period_id,
        sequence: row.sequence,
        decision: row.status,
        code: RECEIPT_CODES[row.status],
        at: utcSeconds(now),
        receiverOfficeCode: identity.officeCode,
      },
      seed,
    );
  } finally {
    seed.fill(0);
  }
  const recipients = (installedTrustList(ws)?.offices.find((o) => o.officeCode === row.issuer)?.encryptionKeys ?? [])
    .filter((k) => k.status === 'active')
    .map((k) => parseRecipient(k.recipient));
  const file = recipients.length > 0 ? ageEncrypt(bytes, recipients, defaultChacha()) : bytes;
  const fileName = `${row.issuer}_${row.period_id}_${String(row.sequence).padStart(6, '0')}.bcrcpt`;
  ws.db.transaction(() =>
    appendLog(
      ws.db,
      logRow(ws, {
        source_filename: fileName,
        file_sha256: sha256(bytes),
        package_id: row.package_id,
        package_digest: row.package_digest,
        issuer: row.issuer,
        period: row.period_id,
        sequence: row.sequence,
        key_id: keyId,
        encrypted: recipients.length > 0 ? 1 : 0,
        decision: 'receipt_issued',
        code: RECEIPT_CODES[row.status],
        detail: row.status,
      }),
    ),
  )();
  return { fileName, bytesBase64: file.toString('base64') };
}

function refused(ws: Workspace, fileName: string, error: BcpkgError): AppError {
  if (error.code === 'E_MANIFEST_NOT_CANONICAL' || error.code === 'E_MANIFEST_SCHEMA') return new AppError('RECEIPT_DAMAGED', { file: fileName, code: error.code });
  return new AppError('EXCHANGE_FILE_REFUSED', { file: fileName, reason: exchangeMessage(language(ws), error.code, { code: error.code, ...error.params }) });
}

/** The plain receipt container: encrypted ones are opened with this office's identities (passphrase). */
function plainBytes(ws: Workspace, bytes: Uint8Array, passphrase: string | null): Uint8Array {
  if (!isAgeFile(bytes)) return bytes;
  if (keysOfKind(ws.db, 'encryption').length === 0) throw new BcpkgError('E_ENC_NOT_FOR_US', 'no encryption key');
  if (passphrase === null) throw new AppError('PASSPHRASE_REQUIRED', { action: language(ws) === 'en' ? 'open the encrypted receipt' : 'mở biên nhận đã mã hóa' });
  const identities = unlockIdentities(ws, passphrase);
  try {
    return ageDecrypt(bytes, identities, { backend: defaultChacha(), maxPlaintext: MAX_RECEIPT_BYTES });
  } finally {
    for (const id of identities) id.fill(0);
  }
}

/**
 * The signature, by a key the list binds to this office's parent and still usable (§3.7:
 * revoked keys sign nothing), checked before the body is parsed; then the body, which
 * must name that office and key as the receiver.
 */
function verifiedReceipt(fileName: string, list: TrustList, ownCode: string, plain: Uint8Array, now: Date): Receipt {
  const { body, signature } = readReceiptContainer(plain);
  const parent = list.offices.find((o) => o.officeCode === ownCode)?.parent ?? null;
  if (parent === null) throw new AppError('RECEIPT_NO_PARENT', { office: ownCode });
  const keyId = keyIdHex(signature.keyId);
  const binding = findSigningKey(list, keyId);
  if (binding === null) throw new BcpkgError('E_KEY_UNKNOWN', '', { keyId });
  if (binding.office.officeCode !== parent) throw new AppError('RECEIPT_WRONG_SIGNER', { file: fileName, signer: binding.office.officeCode, parent });
  if (binding.key.status === 'revoked') throw new BcpkgError('E_KEY_REVOKED', '', { keyId });
  const grace = binding.key.retireGraceUntil;
  if (binding.key.status === 'retired' && (grace === null || Date.parse(grace) < now.getTime())) throw new BcpkgError('E_KEY_RETIRED', '', { keyId });
  if (!ed25519Verify(Buffer.from(binding.key.publicKey, 'base64'), body, signature.signature)) throw new BcpkgError('E_SIG_INVALID');
  const receipt = parseReceiptBody(body);
  if (receipt.receiver.keyId !== keyId || receipt.receiver.officeCode !== parent) throw new BcpkgError('E_SIGNER_MISMATCH', '', { a: parent, b: receipt.receiver.officeCode });
  if (Date.parse(list.expiresAt) <= now.getTime()) throw new BcpkgError('E_TRUSTLIST_EXPIRED', '', { date: list.expiresAt.slice(0, 10) });
  return receipt;
}

/**
 * District: checks a `.bcrcpt` and records it against the export it names (package id
 * and digest). Nothing is stored unless every check passes; an older receipt never
 * replaces a newer one.
 */
export function importReceipt(ws: Workspace, fileName: string, bytes: Uint8Array, passphrase: string | null, now = new Date()): ExportRecord {
  const identity = requireIdentity(ws);
  const list = effectiveTrustList(ws);
  if (list === null) throw new AppError('TRUST_NOT_INSTALLED');
  let r: Receipt;
  let plain: Uint8Array;
  try {
    plain = plainBytes(ws, bytes, passphrase);
    r = verifiedReceipt(fileName, list, identity.officeCode, plain, now);
  } catch (error) {
    if (isBcpkgError(error)) throw refused(ws, fileName, error);
    throw error;
  }
  if (r.issuer !== identity.officeCode) throw new AppError('RECEIPT_NOT_FOR_US', { file: fileName, office: r.issuer });
  const sent = getExportForReceipt(ws.db, r.packageId);
  if (sent === undefined) throw new AppError('RECEIPT_UNKNOWN_PACKAGE', { file: fileName, packageId: r.packageId, period: r.period, sequence: r.sequence });
  if (sent.package_digest !== r.packageDigest || sent.period_id !== r.period || sent.sequence !== r.sequence) {
    throw new AppError('RECEIPT_DIGEST_MISMATCH', { file: fileName, packageId: r.packageId });
  }
  if (sent.receipt_at !== null && sent.receipt_at > r.at) throw new AppError('RECEIPT_OLDER', { file: fileName, date: sent.receipt_at.slice(0, 10) });
  ws.db
    .transaction(() => {
      setExportReceipt(ws.db, r.packageId, { decision: r.decision, at: r.at, bytes: Buffer.from(plain) });
      appendLog(
        ws.db,
        logRow(ws, {
          source_filename: fileName,
          file_sha256: sha256(bytes),
          package_id: r.packageId,
          package_digest: r.packageDigest,
          issuer: r.issuer,
          period: r.period,
          sequence: r.sequence,
          key_id: r.receiver.keyId,
          encrypted: isAgeFile(bytes) ? 1 : 0,
          decision: 'receipt_recorded',
          code: r.code,
          detail: r.decision,
        }),
      );
    })
    .immediate();
  const record = listExportRecords(ws).find((e) => e.packageId === r.packageId);
  if (record === undefined) throw new Error(`export ${r.packageId} vanished`);
  return record;
}
