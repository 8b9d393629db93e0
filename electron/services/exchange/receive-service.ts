/**
 * Receiving packages at the province (exchange-format.md §6): verify, stage with the
 * conflict preview, then confirm (warnings need a supervisor) or reject with a reason.
 * The commit is one transaction — the package and its records stored apart from the
 * office's own data, the slot moved, the previous package superseded, the high-water
 * mark raised, the log appended — and every decision, refusals and duplicates
 * included, goes into the hash-chained import log.
 */
import { createHash, randomUUID } from 'node:crypto';
import { insertReceivedPackage, insertRecords, moveSlot } from '../../../db/queries/consolidation';
import { activeKey, currentTrustList } from '../../../db/queries/exchange';
import { appendLog, type LogFields } from '../../../db/queries/import-log';
import type { Db } from '../../../db/connection';
import type { DatasetName, ReceiveResult, ReceiveWarning, ReceivedPackageInfo } from '../../../shared/api/exchange-types';
import { AppError } from '../../../shared/errors';
import { dayOf, exchangeMessage } from '../../../shared/i18n/exchange-messages';
import { backupBeforeReceive } from '../backup-service';
import { language, nowIso, userName, type Workspace } from '../workspace';
import { ageEncrypt } from './age/age';
import { defaultChacha } from './age/chacha';
import { isBcpkgError } from './bcpkg-error';
import { DATASET_SHAPES } from './datasets';
import { packageDiff } from './package-diff';
import { dbReplayState } from './replay-state';
import { identitiesFor, verifierContext, verifyWithPackage } from './verify-service';
import { checkReplay, isAgeFile, type VerifiedPackage } from './verify-package';

type Staged = { fileName: string; bytes: Buffer; verified: VerifiedPackage };

/** Staged packages live as long as the open workspace (one app session, one CLI run). */
const stagingByDb = new WeakMap<Db, Map<string, Staged>>();

function staging(ws: Workspace): Map<string, Staged> {
  let map = stagingByDb.get(ws.db);
  if (map === undefined) {
    map = new Map();
    stagingByDb.set(ws.db, map);
  }
  return map;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function trustVersion(ws: Workspace): number | null {
  return currentTrustList(ws.db)?.version ?? null;
}

function logFor(ws: Workspace, fileName: string, bytes: Uint8Array, v: VerifiedPackage | null, decision: string, code: string | null, detail: string | null): LogFields {
  return {
    at: nowIso(),
    operator: userName(ws),
    source_filename: fileName,
    file_sha256: sha256(bytes),
    package_id: v?.manifest.packageId ?? null,
    package_digest: v?.packageDigest ?? null,
    issuer: v?.manifest.issuer.officeCode ?? null,
    period: v?.manifest.period ?? null,
    sequence: v?.manifest.sequence ?? null,
    key_id: v?.keyId ?? null,
    trustlist_version: trustVersion(ws),
    encrypted: v === null ? (isAgeFile(bytes) ? 1 : 0) : v.encrypted ? 1 : 0,
    decision,
    code,
    detail,
  };
}

function warningsOf(ws: Workspace, v: VerifiedPackage): ReceiveWarning[] {
  const lang = language(ws);
  const reasons: Record<ReceiveWarning['code'], string> = {
    W_SUPERSEDES_MISMATCH: lang === 'en' ? 'this package does not replace the one accepted for the period (two computers or a restored backup?)' : 'gói này không thay thế gói đang dùng của kỳ (hai máy cùng gửi hoặc dữ liệu được khôi phục từ bản sao lưu?)',
    W_SUPERSEDES_UNKNOWN: lang === 'en' ? 'it says it replaces a package this province never received' : 'gói ghi là thay thế một gói mà tỉnh chưa nhận',
    W_SEQUENCE_JUMP: lang === 'en' ? 'its sequence number jumps by more than 100,000' : 'số thứ tự của gói tăng vọt hơn 100.000',
    W_AFTER_UPWARD_REPORT: lang === 'en' ? 'the province has already sent this period upward; its report must be reissued' : 'tỉnh đã gửi kỳ này lên cấp trên; phải gửi lại báo cáo của tỉnh',
  };
  return v.warnings.map((code) => ({ code, message: exchangeMessage(lang, code, { reason: reasons[code] }) }));
}

/** Verifies and stages each file (nothing stored but the log); valid ones come back with the preview. */
export function receiveFiles(ws: Workspace, files: readonly { fileName: string; bytes: Uint8Array }[], passphrase: string | null, now = new Date()): ReceiveResult[] {
  const identities = identitiesFor(ws, files, passphrase);
  try {
    const ctx = verifierContext(ws, identities, { now });
    // A copy before data that may change the consolidated figures (product.md §10: backups before merges).
    backupBeforeReceive(ws, now);
    return files.map((f) => {
      const { result: base, verified, subject } = verifyWithPackage(ws, f.fileName, f.bytes, ctx);
      if (base.code !== 'OK_STAGED' || verified === null) {
        const decision = base.code === 'I_ALREADY_IMPORTED' ? 'duplicate' : 'rejected';
        const known = {
          package_id: subject?.packageId ?? base.preview?.packageId ?? null,
          package_digest: subject?.packageDigest ?? base.preview?.packageDigest ?? null,
          issuer: base.issuer,
          period: base.period,
          sequence: base.sequence,
          key_id: subject?.keyId ?? base.preview?.keyId ?? null,
        };
        ws.db.transaction(() => appendLog(ws.db, { ...logFor(ws, f.fileName, f.bytes, null, decision, base.code, null), ...known }))();
        return { ...base, stagingId: null, warnings: [], diff: null };
      }
      const stagingId = randomUUID();
      staging(ws).set(stagingId, { fileName: f.fileName, bytes: Buffer.from(f.bytes), verified });
      return { ...base, stagingId, warnings: warningsOf(ws, verified), diff: packageDiff(ws, verified.manifest.issuer.officeCode, verified.manifest.period, verified.datasets) };
    });
  } finally {
    for (const id of identities) id.fill(0);
  }
}

function takeStaged(ws: Workspace, stagingId: string): Staged {
  const staged = staging(ws).get(stagingId);
  if (staged === undefined) throw new AppError('STAGED_PACKAGE_GONE');
  return staged;
}

/** The evidence kept: the file as received; a plain one is encrypted at rest to this office's own key (§6.1). */
function evidenceOf(ws: Workspace, staged: Staged): Buffer {
  if (staged.verified.encrypted) return staged.bytes;
  const own = activeKey(ws.db, 'encryption');
  return own === undefined ? staged.bytes : ageEncrypt(staged.bytes, [own.public_key], defaultChacha());
}

/** Commits a staged package. Replay is checked again against the slots as they are now. */
export function confirmStaged(ws: Workspace, stagingId: string, isSupervisorConfirmed: boolean): ReceivedPackageInfo {
  const staged = takeStaged(ws, stagingId);
  const { verified: v } = staged;
  const m = v.manifest;
  let recheck: ReturnType<typeof checkReplay>;
  try {
    recheck = checkReplay(m, v.packageDigest, dbReplayState(ws));
  } catch (error) {
    staging(ws).delete(stagingId);
    if (!isBcpkgError(error)) throw error;
    ws.db.transaction(() => appendLog(ws.db, logFor(ws, staged.fileName, staged.bytes, v, 'rejected', error.code, null)))();
    throw new AppError('EXCHANGE_FILE_REFUSED', { file: staged.fileName, reason: exchangeMessage(language(ws), error.code, error.params), code: error.code });
  }
  if (recheck.alreadyImportedAt !== null) {
    // §6.2: a duplicate is logged and changes nothing, also when it is found only now (the same file twice in a batch).
    staging(ws).delete(stagingId);
    ws.db.transaction(() => appendLog(ws.db, logFor(ws, staged.fileName, staged.bytes, v, 'duplicate', 'I_ALREADY_IMPORTED', null)))();
    const reason = exchangeMessage(language(ws), 'I_ALREADY_IMPORTED', { date: dayOf(recheck.alreadyImportedAt) });
    throw new AppError('EXCHANGE_FILE_REFUSED', { file: staged.fileName, reason, code: 'I_ALREADY_IMPORTED' });
  }
  if (recheck.warnings.length > 0 && !isSupervisorConfirmed) throw new AppError('SUPERVISOR_REQUIRED', { codes: recheck.warnings.join(', ') });
  const at = nowIso();
  const evidence = evidenceOf(ws, staged);
  ws.db
    .transaction(() => {
      insertReceivedPackage(ws.db, {
        package_id: m.packageId,
        package_digest: v.packageDigest,
        issuer: m.issuer.officeCode,
        period_id: m.period,
        sequence: m.sequence,
        key_id: v.keyId,
        status: 'accepted',
        supersedes: m.supersedes,
        encrypted: v.encrypted ? 1 : 0,
        file_name: staged.fileName,
        file_sha256: sha256(staged.bytes),
        manifest_json: v.manifestBytes,
        evidence,
        accepted_at: at,
        accepted_by: userName(ws),
      });
      for (const [dataset, records] of Object.entries(v.datasets) as [DatasetName, Record<string, unknown>[]][]) {
        const idKey = DATASET_SHAPES[dataset].idKey;
        insertRecords(ws.db, m.packageId, dataset, records.map((r) => ({ id: String(r[idKey]), json: JSON.stringify(r) })));
      }
      moveSlot(ws.db, { issuer: m.issuer.officeCode, period_id: m.period, package_id: m.packageId, sequence: m.sequence, package_digest: v.packageDigest, accepted_at: at });
      const detail = recheck.warnings.length > 0 ? `supervisor confirmed ${recheck.warnings.join(', ')}` : null;
      appendLog(ws.db, logFor(ws, staged.fileName, staged.bytes, v, 'accepted', 'OK_STAGED', detail));
    })
    .immediate();
  staging(ws).delete(stagingId);
  return {
    packageId: m.packageId,
    packageDigest: v.packageDigest,
    issuer: m.issuer.officeCode,
    periodId: m.period,
    sequence: m.sequence,
    keyId: v.keyId,
    status: 'accepted',
    encrypted: v.encrypted,
    fileName: staged.fileName,
    acceptedAt: at,
    acceptedBy: userName(ws),
  };
}

/** The operator declines a staged package; the reason goes into the log and nothing else changes. */
export function rejectStaged(ws: Workspace, stagingId: string, reason: string): { rejected: true } {
  const staged = takeStaged(ws, stagingId);
  ws.db.transaction(() => appendLog(ws.db, logFor(ws, staged.fileName, staged.bytes, staged.verified, 'rejected_by_operator', null, reason)))();
  staging(ws).delete(stagingId);
  return { rejected: true };
}

