/** Reading what the province holds: received packages and the import log (exchange-format.md §6.1, §6.4). */
import { listReceivedPackages } from '../../../db/queries/consolidation';
import { listLog, verifyChain } from '../../../db/queries/import-log';
import type { ImportLogCheck, ImportLogEntry, ReceivedPackageInfo } from '../../../shared/api/exchange-types';
import type { Workspace } from '../workspace';

export function receivedPackages(ws: Workspace): ReceivedPackageInfo[] {
  return listReceivedPackages(ws.db).map((r) => ({
    packageId: r.package_id,
    packageDigest: r.package_digest,
    issuer: r.issuer,
    periodId: r.period_id,
    sequence: r.sequence,
    keyId: r.key_id,
    status: r.status,
    encrypted: r.encrypted === 1,
    fileName: r.file_name,
    acceptedAt: r.accepted_at,
    acceptedBy: r.accepted_by,
  }));
}

export function importLog(ws: Workspace): ImportLogEntry[] {
  return listLog(ws.db).map((r) => ({
    id: r.id,
    at: r.at,
    operator: r.operator,
    sourceFilename: r.source_filename,
    packageId: r.package_id,
    issuer: r.issuer,
    period: r.period,
    sequence: r.sequence,
    decision: r.decision,
    code: r.code,
    detail: r.detail,
    rowHash: r.row_hash,
  }));
}

export function verifyImportLog(ws: Workspace): ImportLogCheck {
  return verifyChain(ws.db);
}
