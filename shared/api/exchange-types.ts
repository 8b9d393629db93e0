/**
 * What the exchange methods return to the renderer (exchange-format.md §2–§5). None of
 * these carries key material: public keys appear only as key ids, age recipients and
 * 30-digit fingerprints; secrets never leave electron/services (§3.3, a test checks).
 */
import type { CommuneStatusValues } from '../domain/commune-status';
import type { HotspotPeriodFlags, HotspotValues } from '../domain/hotspot';
import type { ModelSiteValues } from '../domain/model-site';
import type { VerifyOutcomeCode } from '../exchange/codes';

export type ExchangeEnvironment = 'production' | 'training';
export type OfficeLevel = 'central' | 'province' | 'district' | 'commune';
export type DatasetName = 'commune_status' | 'hotspots' | 'model_sites';

export type KeyInfo = { keyId: string; fingerprint: string; createdAt: string };

export type KeysStatus = {
  officeCode: string | null;
  officeName: string | null;
  environment: ExchangeEnvironment;
  signing: KeyInfo | null;
  /** The age recipient (`age1…`) others encrypt to, with its fingerprint. */
  encryption: (KeyInfo & { recipient: string }) | null;
};

/** The registration form (Phiếu đăng ký khóa, §3.4) printed and signed by the head of office. */
export type EnrollmentForm = {
  officeCode: string;
  officeName: string;
  level: OfficeLevel;
  keyId: string;
  fingerprint: string;
  encryptionRecipient: string | null;
  encryptionFingerprint: string | null;
  createdAt: string;
  appVersion: string;
};

export type FileBytes = { fileName: string; bytesBase64: string };

export type TrustRoot = { keyId: string; fingerprint: string };
export type TrustOfficeKey = { keyId: string; status: 'active' | 'retired' | 'revoked'; fingerprint: string };
export type TrustOffice = {
  officeCode: string;
  officeName: string;
  level: OfficeLevel;
  parent: string | null;
  signingKeys: TrustOfficeKey[];
  hasEncryptionKey: boolean;
};

export type TrustListSummary = {
  authority: { officeCode: string; officeName: string };
  version: number;
  environment: ExchangeEnvironment;
  issuedAt: string;
  expiresAt: string;
  rootKeys: TrustRoot[];
  rootThreshold: number;
  offices: TrustOffice[];
};

export type TrustStatus = {
  installed: TrustListSummary | null;
  /** Days until the installed list expires (negative once expired); null when none. */
  daysLeft: number | null;
  /** The province's own authority state, when this workspace publishes lists. */
  isAuthority: boolean;
};

export type ExportCounts = { communes: number; hotspots: number; modelSites: number };

export type ExportSummary = {
  periodId: string;
  officeCode: string | null;
  counts: ExportCounts;
  errors: number;
  warnings: number;
  nextSequence: number;
  supersedes: string | null;
  audience: { officeCode: string; officeName: string }[];
  willEncrypt: boolean;
  environment: ExchangeEnvironment;
  /** Why the export cannot be made now (keys, trust list, errors, period kind), as sentences; empty = ready. */
  blockers: string[];
};

export type ExportRecord = {
  packageId: string;
  periodId: string;
  sequence: number;
  packageDigest: string;
  supersedes: string | null;
  fileName: string;
  encrypted: boolean;
  recipients: string[];
  counts: ExportCounts;
  keyId: string;
  createdAt: string;
  createdBy: string | null;
  /** What the province's signed receipt said (§6.6), once imported; null = no receipt yet (follow up). */
  receipt: ReceiptInfo | null;
};

/** A receipt's decision: the package is the slot's current one, was replaced by a later one, or is held back (§3.7). */
export type ReceiptDecision = 'accepted' | 'superseded' | 'quarantined';
export type ReceiptInfo = { decision: ReceiptDecision; at: string };

export type ExportResult = ExportRecord & { bytesBase64: string };

export type DatasetPreview = { dataset: DatasetName; records: Record<string, unknown>[] };

export type VerifyResult = {
  file: string;
  code: VerifyOutcomeCode;
  message: string;
  issuer: string | null;
  issuerName: string | null;
  period: string | null;
  sequence: number | null;
  /** Present for files that passed every stage: the manifest's facts and the datasets, read-only. */
  preview: {
    packageId: string;
    packageDigest: string;
    createdAt: string;
    environment: ExchangeEnvironment;
    encrypted: boolean;
    keyId: string;
    entries: { path: string; size: number; sha256: string; records: number | null }[];
    datasets: DatasetPreview[];
  } | null;
};


/** One field's change between the current and the incoming snapshot of a record (§6.3). */
export type FieldChange = { field: string; before: unknown; after: unknown };
export type RecordChange = { id: string; kind: 'added' | 'removed' | 'changed'; fields: FieldChange[] };
export type DatasetDiff = { dataset: DatasetName; countBefore: number; countAfter: number; changes: RecordChange[] };

export type PackageDiff = {
  /** The package this one would replace in its slot; null for the slot's first package. */
  previous: { packageId: string; sequence: number } | null;
  datasets: DatasetDiff[];
  /** Sums over the communes of each count that changes (e.g. registered addicts 120 → 131). */
  totals: { field: string; before: number; after: number }[];
  /** The same hotspot address reported by another office for the same period (§6.3 cross-office anomalies). */
  duplicateAddresses: { hotspotId: string; address: string; otherOffice: string }[];
  /** A commune this package reports that another office also reports for the period (a boundary change, §6.3). */
  sharedCommunes: { commune: string; otherOffice: string }[];
};

export type ReceiveWarning = { code: 'W_SUPERSEDES_MISMATCH' | 'W_SUPERSEDES_UNKNOWN' | 'W_SEQUENCE_JUMP' | 'W_AFTER_UPWARD_REPORT'; message: string };

/** A received file after verification: staged (awaiting confirm or reject) or already decided. */
export type ReceiveResult = VerifyResult & {
  /** Set when the package is staged: pass it to packages.confirm or packages.reject. */
  stagingId: string | null;
  warnings: ReceiveWarning[];
  diff: PackageDiff | null;
};

export type ReceivedPackageInfo = {
  packageId: string;
  packageDigest: string;
  issuer: string;
  periodId: string;
  sequence: number;
  keyId: string;
  status: 'accepted' | 'superseded' | 'quarantined';
  encrypted: boolean;
  fileName: string;
  acceptedAt: string;
  acceptedBy: string | null;
};

export type ImportLogEntry = {
  id: number;
  at: string;
  operator: string | null;
  sourceFilename: string | null;
  packageId: string | null;
  issuer: string | null;
  period: string | null;
  sequence: number | null;
  decision: string;
  code: string | null;
  detail: string | null;
  rowHash: string;
};

export type ImportLogCheck = { rows: number; isIntact: boolean; brokenAtId: number | null; head: string };

/** Where a consolidated row came from: the sending office (name from the installed trust list) and its package. */
export type ConsolidatedSource = { issuer: string; issuerName: string; packageId: string; sequence: number };
/** `id` is the record's stable id (commune code, hotspot id, model-site id); `unitName` its commune or host unit in this office's unit list. */
export type ConsolidatedRow<V> = ConsolidatedSource & { id: string; unitName: string | null; record: V };

/** The current package of every office for a period, read-only, decimals back as numbers (§6.1). */
export type ConsolidatedView = {
  periodId: string;
  communes: ConsolidatedRow<CommuneStatusValues>[];
  hotspots: (ConsolidatedRow<HotspotValues> & { flags: HotspotPeriodFlags })[];
  modelSites: ConsolidatedRow<ModelSiteValues>[];
};

/** A child office in the trust list with no package for the period, and the last period it did report. */
export type NotReportedOffice = {
  officeCode: string;
  officeName: string;
  level: OfficeLevel;
  lastReported: { periodId: string; sequence: number; acceptedAt: string } | null;
};
