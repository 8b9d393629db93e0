/**
 * Receiving (Nhận), up to verification (exchange-format.md §5): each file is checked
 * strictly and read-only, and gets the code and the sentence of §5.2; valid files also
 * get a read-only preview of the manifest and datasets. Storing received data is the
 * consolidation step's job (§6); until it exists, nothing counts as already imported.
 */
import { getExchangeIdentity } from '../../../db/queries/exchange';
import type { VerifyResult } from '../../../shared/api/exchange-types';
import type { FileErrorCode } from '../../../shared/exchange/codes';
import { AppError } from '../../../shared/errors';
import { dayOf, exchangeMessage } from '../../../shared/i18n/exchange-messages';
import { language, type Workspace } from '../workspace';
import { defaultChacha, type ChachaBackend } from './age/chacha';
import { isBcpkgError, type BcpkgSubject } from './bcpkg-error';
import { isInJurisdiction } from './jurisdiction';
import { unlockIdentities } from './keys-service';
import { officeIdentity, workspaceEnvironment } from './office-identity';
import { isEncryptedPackageFile, readPackageFile } from './package-files';
import { effectiveTrustList } from './trust-service';
import { dbReplayState } from './replay-state';
import { isAgeFile, verifyPackage, type ReplayState, type VerifiedPackage, type VerifierContext } from './verify-package';
import { keysOfKind } from '../../../db/queries/exchange';

export type VerifyOptions = { now?: Date; backend?: ChachaBackend; replay?: ReplayState };

export function isEncryptedFile(bytes: Uint8Array): boolean {
  return isAgeFile(bytes);
}

function ownOfficeCode(ws: Workspace): string {
  return getExchangeIdentity(ws.db)?.office_code ?? officeIdentity(ws).officeCode;
}

/**
 * The verifier's inputs from this workspace: the installed trust list with local
 * revocations applied at once (§3.7), the office's identities, and what it already holds.
 */
export function verifierContext(ws: Workspace, identities: readonly Uint8Array[], options: VerifyOptions = {}): VerifierContext {
  return {
    trustList: effectiveTrustList(ws),
    identities,
    ownOfficeCode: ownOfficeCode(ws),
    environment: workspaceEnvironment(ws),
    now: options.now ?? new Date(),
    backend: options.backend ?? defaultChacha(),
    isInJurisdiction: cachedJurisdiction(ws),
    replay: options.replay ?? dbReplayState(ws),
  };
}

/** A province verifying hundreds of packages asks the same few hundred communes again and again. */
function cachedJurisdiction(ws: Workspace): VerifierContext['isInJurisdiction'] {
  const known = new Map<string, boolean>();
  return (root, unitCode, level = null) => {
    const key = `${root.scheme}|${root.code}|${unitCode}|${level ?? ''}`;
    let answer = known.get(key);
    if (answer === undefined) {
      answer = isInJurisdiction(ws, root, unitCode, level);
      known.set(key, answer);
    }
    return answer;
  };
}

/** The identities to try, unlocked with the passphrase only when some file is encrypted and the office can decrypt. */
export function identitiesFor(ws: Workspace, files: readonly { bytes: Uint8Array }[], passphrase: string | null): Buffer[] {
  return identitiesIf(ws, files.some((f) => isEncryptedFile(f.bytes)), passphrase);
}

function identitiesIf(ws: Workspace, hasEncrypted: boolean, passphrase: string | null): Buffer[] {
  const needsIdentities = hasEncrypted && keysOfKind(ws.db, 'encryption').length > 0;
  if (needsIdentities && passphrase === null) throw new AppError('PASSPHRASE_REQUIRED', { action: language(ws) === 'en' ? 'open encrypted packages' : 'mở gói đã mã hóa' });
  return needsIdentities && passphrase !== null ? unlockIdentities(ws, passphrase) : [];
}

/** Verifies every file; a passphrase is needed only when a file is encrypted and the office holds decryption keys. */
export function verifyFiles(
  ws: Workspace,
  files: readonly { fileName: string; bytes: Uint8Array }[],
  passphrase: string | null,
  options: VerifyOptions = {},
): VerifyResult[] {
  const identities = identitiesFor(ws, files, passphrase);
  try {
    const ctx = verifierContext(ws, identities, options);
    return files.map((f) => verifyOne(ws, f.fileName, f.bytes, ctx));
  } finally {
    for (const id of identities) id.fill(0);
  }
}

/** Whether verifying these paths needs the passphrase; reads only the first bytes of each file. */
export function pathsNeedPassphrase(ws: Workspace, paths: readonly string[]): boolean {
  return keysOfKind(ws.db, 'encryption').length > 0 && paths.some((p) => isEncryptedPackageFile(p));
}

/**
 * `pcmt verify FILE…`: stage 0 from the file system (package-files.ts), then one file in
 * memory at a time; every path gets its own result, in order, whatever happens to the others.
 */
export function verifyPaths(ws: Workspace, paths: readonly string[], passphrase: string | null, options: VerifyOptions = {}): VerifyResult[] {
  const identities = identitiesIf(ws, paths.some((p) => isEncryptedPackageFile(p)), passphrase);
  try {
    const ctx = verifierContext(ws, identities, options);
    return paths.map((file) => {
      const read = readPackageFile(file);
      return read.kind === 'bytes' ? verifyOne(ws, file, read.bytes, ctx) : fileResult(ws, file, read.kind === 'too-large' ? 'E_FILE_TOO_LARGE' : read.code);
    });
  } finally {
    for (const id of identities) id.fill(0);
  }
}

/** The result of a file refused before its content was looked at: nothing is known about the package. */
export function fileResult(ws: Workspace, file: string, code: 'E_FILE_TOO_LARGE' | FileErrorCode): VerifyResult {
  return { file, code, message: exchangeMessage(language(ws), code), issuer: null, issuerName: null, period: null, sequence: null, preview: null };
}

export function verifyOne(ws: Workspace, fileName: string, bytes: Uint8Array, ctx: VerifierContext): VerifyResult {
  return verifyWithPackage(ws, fileName, bytes, ctx).result;
}

/** The result for the UI and, when the file passed, the verified package itself (for staging). */
export function verifyWithPackage(
  ws: Workspace,
  fileName: string,
  bytes: Uint8Array,
  ctx: VerifierContext,
): { result: VerifyResult; verified: VerifiedPackage | null; subject: BcpkgSubject | null } {
  const lang = language(ws);
  try {
    const v = verifyPackage(bytes, ctx);
    const code = v.alreadyImportedAt === null ? 'OK_STAGED' : 'I_ALREADY_IMPORTED';
    const m = v.manifest;
    const result: VerifyResult = {
      file: fileName,
      code,
      message: exchangeMessage(lang, code, { date: v.alreadyImportedAt === null ? '' : dayOf(v.alreadyImportedAt) }),
      issuer: m.issuer.officeCode,
      // The name the trust list gives the office, never the one the signer wrote (§5.4).
      issuerName: v.issuerEntry.officeName,
      period: m.period,
      sequence: m.sequence,
      preview: {
        packageId: m.packageId,
        packageDigest: v.packageDigest,
        createdAt: m.createdAt,
        environment: m.environment,
        encrypted: v.encrypted,
        keyId: v.keyId,
        entries: m.entries.map((e) => ({ path: e.path, size: e.size, sha256: e.sha256, records: e.records ?? null })),
        datasets: Object.entries(v.datasets).map(([dataset, records]) => ({
          dataset: dataset as 'commune_status' | 'hotspots' | 'model_sites',
          records: records.map((r) => ({ ...r })),
        })),
      },
    };
    return { result, verified: v, subject: null };
  } catch (error) {
    if (!isBcpkgError(error)) throw error;
    const subject = error.subject;
    const result: VerifyResult = {
      file: fileName,
      code: error.code,
      message: exchangeMessage(lang, error.code, error.params),
      issuer: subject?.issuer ?? null,
      issuerName: subject?.issuerName ?? null,
      period: subject?.period ?? null,
      sequence: subject?.sequence ?? null,
      preview: null,
    };
    return { result, verified: null, subject };
  }
}
