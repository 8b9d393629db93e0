/**
 * Receiving (Nhận), up to verification (exchange-format.md §5): each file is checked
 * strictly and read-only, and gets the code and the sentence of §5.2; valid files also
 * get a read-only preview of the manifest and datasets. Storing received data is the
 * consolidation step's job (§6); until it exists, nothing counts as already imported.
 */
import { getExchangeIdentity } from '../../../db/queries/exchange';
import type { VerifyResult } from '../../../shared/api/exchange-types';
import { AppError } from '../../../shared/errors';
import { exchangeMessage } from '../../../shared/i18n/exchange-messages';
import { language, type Workspace } from '../workspace';
import { defaultChacha, type ChachaBackend } from './age/chacha';
import { isBcpkgError } from './bcpkg-error';
import { isInJurisdiction } from './jurisdiction';
import { unlockIdentities } from './keys-service';
import { officeIdentity, workspaceEnvironment } from './office-identity';
import { installedTrustList } from './trust-service';
import { EMPTY_REPLAY_STATE, isAgeFile, verifyPackage, type ReplayState, type VerifierContext } from './verify-package';
import { keysOfKind } from '../../../db/queries/exchange';

export type VerifyOptions = { now?: Date; backend?: ChachaBackend; replay?: ReplayState };

export function isEncryptedFile(bytes: Uint8Array): boolean {
  return isAgeFile(bytes);
}

function ownOfficeCode(ws: Workspace): string {
  return getExchangeIdentity(ws.db)?.office_code ?? officeIdentity(ws).officeCode;
}

/** Verifies every file; a passphrase is needed only when a file is encrypted and the office holds decryption keys. */
export function verifyFiles(
  ws: Workspace,
  files: readonly { fileName: string; bytes: Uint8Array }[],
  passphrase: string | null,
  options: VerifyOptions = {},
): VerifyResult[] {
  const needsIdentities = files.some((f) => isEncryptedFile(f.bytes)) && keysOfKind(ws.db, 'encryption').length > 0;
  if (needsIdentities && passphrase === null) throw new AppError('PASSPHRASE_REQUIRED', { action: language(ws) === 'en' ? 'open encrypted packages' : 'mở gói đã mã hóa' });
  const identities = needsIdentities && passphrase !== null ? unlockIdentities(ws, passphrase) : [];
  try {
    const ctx: VerifierContext = {
      trustList: installedTrustList(ws),
      identities,
      ownOfficeCode: ownOfficeCode(ws),
      environment: workspaceEnvironment(ws),
      now: options.now ?? new Date(),
      backend: options.backend ?? defaultChacha(),
      isInJurisdiction: (root, unitCode) => isInJurisdiction(ws, root, unitCode),
      replay: options.replay ?? EMPTY_REPLAY_STATE,
    };
    return files.map((f) => verifyOne(ws, f.fileName, f.bytes, ctx));
  } finally {
    for (const id of identities) id.fill(0);
  }
}

function verifyOne(ws: Workspace, fileName: string, bytes: Uint8Array, ctx: VerifierContext): VerifyResult {
  const lang = language(ws);
  try {
    const v = verifyPackage(bytes, ctx);
    const code = v.alreadyImportedAt === null ? 'OK_STAGED' : 'I_ALREADY_IMPORTED';
    const m = v.manifest;
    return {
      file: fileName,
      code,
      message: exchangeMessage(lang, code, { date: v.alreadyImportedAt ?? '' }),
      issuer: m.issuer.officeCode,
      issuerName: m.issuer.officeName,
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
  } catch (error) {
    if (!isBcpkgError(error)) throw error;
    return {
      file: fileName,
      code: error.code,
      message: exchangeMessage(lang, error.code, error.params),
      issuer: null,
      issuerName: null,
      period: null,
      sequence: null,
      preview: null,
    };
  }
}

