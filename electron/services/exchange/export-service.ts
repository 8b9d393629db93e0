/**
 * Sending a period (exchange-format.md §2, §4; product.md §6): the summary the user
 * confirms, then one signed package — encrypted to the recipients whenever they have
 * keys, and always when hotspots are included. The sequence number is committed before
 * the file exists (§3.10), every export is logged with the package kept as sent, and
 * the period is locked (product.md §3).
 */
import { randomUUID } from 'node:crypto';
import { activeKey, getExchangeIdentity, getExportBytes, insertExport, latestExportOf, listExports, takeSequence } from '../../../db/queries/exchange';
import type { ExportCounts, ExportRecord, ExportResult, ExportSummary, FileBytes, ReceiptDecision } from '../../../shared/api/exchange-types';
import { AppError, type ErrorParams } from '../../../shared/errors';
import type { ErrorCode } from '../../../shared/i18n/errors-vi';
import { errorMessage } from '../../../shared/i18n/messages';
import { listCommuneRows } from '../commune-status-service';
import { listProblems } from '../problems-service';
import { listHotspotRows, listModelSiteRows } from '../register-service';
import { lockPeriod } from '../period-service';
import { language, nowIso, userName, type Workspace } from '../workspace';
import { ageEncrypt } from './age/age';
import { defaultChacha } from './age/chacha';
import { parseRecipient } from './age/x25519';
import { buildRecord, type DatasetRecord } from './datasets';
import { requireIdentity, unlockSigningSeed } from './keys-service';
import type { AudienceEntry } from './manifest';
import { MANIFEST_PERIOD } from './schema-check';
import { buildPackage, type PackageInput } from './package-builder';
import { installedTrustList } from './trust-service';
import { buildXlsxCopy } from './xlsx-copy';
import { workspaceEnvironment } from './office-identity';
import type { DatasetName } from '../../../shared/api/exchange-types';
import type { TrustOfficeEntry } from './trust-list';

const APP = { name: 'PCMT Desk', version: '0.1.0' };
const MAX_ADDRESS = 300;

type Blocker = { code: ErrorCode; params: ErrorParams };

type Plan = {
  summary: ExportSummary;
  blockers: Blocker[];
  audience: TrustOfficeEntry[];
  datasets: Partial<Record<DatasetName, DatasetRecord[]>>;
};

function plan(ws: Workspace, periodId: string, includeHotspots: boolean): Plan {
  const blockers: Blocker[] = [];
  const stored = getExchangeIdentity(ws.db);
  const signing = activeKey(ws.db, 'signing');
  if (!MANIFEST_PERIOD.test(periodId)) blockers.push({ code: 'EXPORT_PERIOD_KIND', params: { period: periodId } });
  if (stored === undefined || signing === undefined) blockers.push({ code: 'KEYS_NOT_GENERATED', params: {} });
  const list = installedTrustList(ws);
  let audience: TrustOfficeEntry[] = [];
  if (list === null) blockers.push({ code: 'TRUST_NOT_INSTALLED', params: {} });
  else if (stored !== undefined) {
    const own = list.offices.find((o) => o.officeCode === stored.office_code);
    if (signing !== undefined && !own?.signingKeys.some((k) => k.keyId === signing.key_id && k.status === 'active')) {
      blockers.push({ code: 'EXPORT_KEY_NOT_TRUSTED', params: { keyId: signing.key_id } });
    }
    const parent = list.offices.find((o) => o.officeCode === own?.parent);
    if (parent === undefined) blockers.push({ code: 'EXPORT_NO_AUDIENCE', params: { office: stored.office_code } });
    else audience = [parent];
  }
  const checked = listProblems(ws, periodId);
  const problems = checked.counts;
  // Rule V16 says itself how many communes are still empty, which, and what to do (issue 12 item 5); other errors are counted.
  const empty = checked.problems.find((p) => p.ruleId === 'V16');
  if (empty !== undefined) blockers.push({ code: 'EXPORT_COMMUNES_EMPTY', params: { detail: empty.message } });
  const otherErrors = problems.errors - (empty === undefined ? 0 : 1);
  if (otherErrors > 0) blockers.push({ code: 'EXPORT_HAS_ERRORS', params: { period: periodId, count: otherErrors } });
  const datasets = collectDatasets(ws, periodId, includeHotspots);
  const longAddress = (datasets.hotspots ?? []).find((h) => typeof h.address === 'string' && h.address.length > MAX_ADDRESS);
  if (longAddress !== undefined) blockers.push({ code: 'EXPORT_ADDRESS_TOO_LONG', params: { code: String(longAddress.local_code), max: MAX_ADDRESS } });
  const recipientsKnown = audience.length > 0 && audience.every((o) => o.encryptionKeys.some((k) => k.status === 'active'));
  if (includeHotspots && audience.length > 0 && !recipientsKnown) {
    blockers.push({ code: 'EXPORT_NO_RECIPIENT_KEY', params: { office: audience.map((a) => a.officeCode).join(', ') } });
  }
  const counts: ExportCounts = {
    communes: datasets.commune_status?.length ?? 0,
    hotspots: datasets.hotspots?.length ?? 0,
    modelSites: datasets.model_sites?.length ?? 0,
  };
  const lang = language(ws);
  return {
    blockers,
    audience,
    datasets,
    summary: {
      periodId,
      officeCode: stored?.office_code ?? null,
      counts,
      errors: problems.errors,
      warnings: problems.warnings,
      nextSequence: stored?.next_sequence ?? 1,
      supersedes: latestExportOf(ws.db, periodId)?.package_id ?? null,
      audience: audience.map((a) => ({ officeCode: a.officeCode, officeName: a.officeName })),
      willEncrypt: recipientsKnown,
      environment: stored?.environment ?? workspaceEnvironment(ws),
      blockers: blockers.map((b) => errorMessage(b.code, b.params, lang)),
    },
  };
}

function collectDatasets(ws: Workspace, periodId: string, includeHotspots: boolean): Partial<Record<DatasetName, DatasetRecord[]>> {
  const out: Partial<Record<DatasetName, DatasetRecord[]>> = {};
  out.commune_status = listCommuneRows(ws, periodId)
    .filter((row) => row.rowVersion > 0)
    .map((row) => buildRecord('commune_status', row.code, row.status));
  if (includeHotspots) out.hotspots = listHotspotRows(ws, periodId, false).rows.map((row) => buildRecord('hotspots', row.id, row.values));
  out.model_sites = listModelSiteRows(ws, periodId, false).map((row) => buildRecord('model_sites', row.id, row.values));
  return out;
}

export function exportSummary(ws: Workspace, periodId: string, includeHotspots: boolean): ExportSummary {
  return plan(ws, periodId, includeHotspots).summary;
}

function toRecord(row: ReturnType<typeof listExports>[number]): ExportRecord {
  return {
    packageId: row.package_id,
    periodId: row.period_id,
    sequence: row.sequence,
    packageDigest: row.package_digest,
    supersedes: row.supersedes,
    fileName: row.file_name,
    encrypted: row.encrypted === 1,
    recipients: JSON.parse(row.recipients) as string[],
    counts: JSON.parse(row.counts) as ExportCounts,
    keyId: row.key_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    receipt: row.receipt_decision === null || row.receipt_at === null ? null : { decision: row.receipt_decision as ReceiptDecision, at: row.receipt_at },
  };
}

/** An installed list with a recipient key that cannot be encrypted to (imports refuse such lists) is a sentence, not a crash. */
function encryptTo(bytes: Buffer, recipients: readonly string[], audience: readonly TrustOfficeEntry[]): Buffer {
  try {
    return ageEncrypt(bytes, recipients.map(parseRecipient), defaultChacha());
  } catch {
    throw new AppError('EXPORT_NO_RECIPIENT_KEY', { office: audience.map((a) => a.officeCode).join(', ') });
  }
}

export function listExportRecords(ws: Workspace): ExportRecord[] {
  return listExports(ws.db).map(toRecord);
}

/** Builds, signs and (when it must) encrypts the period's package; the passphrase is checked before anything is committed. */
export function createExport(ws: Workspace, periodId: string, passphrase: string, includeHotspots: boolean, now = new Date()): ExportResult {
  const { blockers, audience, datasets, summary } = plan(ws, periodId, includeHotspots);
  const [first] = blockers;
  if (first !== undefined) throw new AppError(first.code, first.params);
  const identity = requireIdentity(ws);
  const seed = unlockSigningSeed(ws, passphrase);
  try {
    const sequence = takeSequence(ws.db);
    const createdAt = `${now.toISOString().slice(0, 19)}Z`;
    const isTraining = identity.environment === 'training';
    const input: PackageInput = {
      app: APP,
      audience: audience.map((a): AudienceEntry => ({ officeCode: a.officeCode, role: 'parent' })),
      createdAt,
      environment: identity.environment,
      issuer: { level: identity.level, officeCode: identity.officeCode, officeName: identity.officeName },
      packageId: randomUUID(),
      period: periodId,
      sequence,
      supersedes: summary.supersedes,
      datasets,
      xlsx: buildXlsxCopy(`${identity.officeName} — kỳ ${periodId} — số ${sequence}`, datasets, createdAt, isTraining),
    };
    const built = buildPackage(input, seed);
    const recipients = summary.willEncrypt ? audience.flatMap((a) => a.encryptionKeys.filter((k) => k.status === 'active').map((k) => k.recipient)) : [];
    const file = recipients.length > 0 ? encryptTo(built.bytes, recipients, audience) : built.bytes;
    const fileName = `${isTraining ? 'TRAINING_' : ''}${identity.officeCode}_${periodId}_${String(sequence).padStart(6, '0')}.bcpkg`;
    const record = {
      package_id: input.packageId,
      period_id: periodId,
      sequence,
      package_digest: built.packageDigest,
      supersedes: input.supersedes,
      file_name: fileName,
      encrypted: recipients.length > 0 ? 1 : 0,
      recipients: JSON.stringify(audience.map((a) => a.officeCode)),
      counts: JSON.stringify(summary.counts),
      key_id: built.manifest.signer.keyId,
      created_at: nowIso(),
      created_by: userName(ws),
      package_bytes: built.bytes,
    };
    insertExport(ws.db, record);
    lockPeriod(ws, periodId);
    return { ...toRecord({ ...record, receipt_decision: null, receipt_at: null }), bytesBase64: file.toString('base64') };
  } finally {
    seed.fill(0);
  }
}

/**
 * A sent package again, for a lost download or a lost e-mail: the signed bytes as kept,
 * encrypted afresh to the recipients' keys in the installed trust list (a new outer
 * file, the same package digest — §4.3).
 */
export function exportFile(ws: Workspace, packageId: string): FileBytes {
  const row = getExportBytes(ws.db, packageId);
  if (row === undefined) throw new AppError('RECORD_NOT_FOUND', { id: packageId, sheet: 'term:sheetExports' });
  if (row.encrypted === 0) return { fileName: row.file_name, bytesBase64: row.package_bytes.toString('base64') };
  const offices = JSON.parse(row.recipients) as string[];
  const list = installedTrustList(ws);
  const recipients = offices.flatMap(
    (code) => list?.offices.find((o) => o.officeCode === code)?.encryptionKeys.filter((k) => k.status === 'active').map((k) => k.recipient) ?? [],
  );
  if (recipients.length === 0) throw new AppError('EXPORT_NO_RECIPIENT_KEY', { office: offices.join(', ') });
  const file = ageEncrypt(row.package_bytes, recipients.map(parseRecipient), defaultChacha());
  return { fileName: row.file_name, bytesBase64: file.toString('base64') };
}
