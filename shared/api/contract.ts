/**
 * The one API between the renderer and the services. Every method is `area.verb`;
 * inputs are the zod-inferred types of schemas.ts; outputs are plain data (strings,
 * numbers, booleans, arrays, plain objects; dates as ISO strings). The same contract
 * is served over Electron IPC and by the browser host.
 */
import type { z } from 'zod';
import type { SchemeCode, UnitLevel } from '../domain/admin-units';
import type { Art6Field, ClassificationFlag, CriteriaMet, CriteriaScheme } from '../domain/classification';
import type { CommuneClass, CommuneStatusValues } from '../domain/commune-status';
import type { Language } from '../i18n/format';
import type { Schemas } from './schemas';
import type { IndicatorsReport } from './indicator-types';
import type { ReportModel } from './report-types';
import type { ImportAnalysis, ImportApplyResult, ImportProgress } from './import-types';
import type {
  ConsolidatedView,
  EnrollmentForm,
  ExportRecord,
  ExportResult,
  ExportSummary,
  FileBytes,
  ImportLogCheck,
  ImportLogEntry,
  KeysStatus,
  NotReportedOffice,
  ReceiveResult,
  ReceivedPackageInfo,
  TrustListSummary,
  TrustStatus,
  VerifyResult,
} from './exchange-types';
import type { ColumnLayout, HistoryEntry, HotspotRow, HotspotSummary, ModelSiteRow, PeriodInfo, RejectedEdit, SheetName } from './register-types';

export type AppInfo = {
  version: string;
  workspacePath: string;
  language: Language;
  hostKind: 'electron' | 'browser';
  userName: string | null;
  /** How QĐ 28/2025's level bands are read (domain.md §5.4): cumulative unless the office chose literal. */
  classificationReading: 'cumulative' | 'literal';
  /** A training workspace signs `environment: "training"` packages and shows a permanent banner (§3.8). */
  environment: 'production' | 'training';
  /** Set after a restore (§6.5): the copy's time; packages received since then must be received again. */
  restoredFrom: { file: string; takenAt: string; restoredAt: string } | null;
  /** What the open had to tell (a foreign -wal moved aside, read-only, a backup that did not fit), in the workspace's language. */
  notices: { code: string; message: string }[];
};

/** One backup copy as the app lists it. */
export type BackupEntry = {
  name: string;
  sizeBytes: number;
  takenAt: string;
  officeName: string | null;
  reason: string | null;
  /** Null when the copy passes the restore checks; otherwise the BACKUP_* code a restore would refuse it with. */
  problem: string | null;
};

export type UnitImportSummary = {
  scheme: SchemeCode;
  /** Units of each level in the workspace for that scheme after the import. */
  provinces: number;
  districts: number;
  communes: number;
  added: number;
  changed: number;
  unchanged: number;
  format: 'xlsx' | 'csv' | 'json';
  /** False when `moves` needs confirmation and none was given: then nothing was stored. */
  isApplied: boolean;
  /** Units holding the office's data that the list renames or moves out of the office. */
  moves: UnitMove[];
};

/** A unit with the office's records (statuses, hotspots, model sites) that a unit list renames or moves out of the office. */
export type UnitMove = {
  level: UnitLevel;
  code: string;
  name: string;
  newName: string;
  isRenamed: boolean;
  isMovedOut: boolean;
  /** How many of the office's records refer to the unit. */
  records: number;
};

/** An official unit list shipped with the app: the day it describes, its source file, its counts. */
export type BundledUnitList = { scheme: SchemeCode; asOf: string; file: string; provinces: number; districts: number; communes: number };

export type SchemeSummary = {
  code: SchemeCode;
  name: string;
  levels: UnitLevel[];
  provinces: number;
  districts: number;
  communes: number;
};

export type UnitRow = { scheme: SchemeCode; level: UnitLevel; code: string; name: string; unitType: string; childCount: number };

export type Office = {
  scheme: SchemeCode;
  level: UnitLevel;
  code: string;
  name: string;
  /** Names of the units above, nearest first (e.g. ["Thành phố Hà Nội"]). */
  parents: string[];
  communeCount: number;
};

export type CommuneRow = {
  code: string;
  name: string;
  unitType: string;
  /** The unit directly above (a district in GSO_2004, the province in NSO_2025). */
  parentName: string;
  status: CommuneStatusValues;
  /** Computed: hotspots of the commune active at the end of the period. */
  activeHotspots: number;
  /** Computed: model sites hosted by the commune that are active. */
  activeModelSites: number;
  /** Increases on every saved change of the row; 0 when nothing was ever entered. */
  rowVersion: number;
  updatedAt: string | null;
};

export type EditsResult = {
  batchId: string | null;
  /** Ids of created rows, in the order of their `create` edits. */
  created: { sheet: SheetName; id: string }[];
  rejected: RejectedEdit[];
  communeRows: CommuneRow[];
  hotspots: HotspotRow[];
  modelSites: ModelSiteRow[];
};

/** A problem found by the rules engine (shared/domain/rules), its message in the workspace's language. */
export type PeriodProblem = {
  /** V1–V13, V15 (Art. 6 beside a key level), H1–H7, M1–M4 of domain.md §6, or V2/FIELD for a value's type or range. */
  ruleId: string;
  severity: 'error' | 'warning';
  sheet: SheetName;
  /** Commune code, hotspot id or model-site id (for M2, the district's or office's code). */
  recordId: string;
  /** The cells it points at; empty = the whole row. */
  fields: string[];
  message: string;
};

/** What the QĐ 28/2025 classification computed for one commune with figures entered. */
export type CommuneClassification = {
  communeCode: string;
  computed_class: CommuneClass;
  criteria_met: CriteriaMet;
  drug_free: boolean;
  flags: ClassificationFlag[];
  /** Art. 6 figures left blank (missing is not zero): the explanation of CHUA_XAC_DINH. */
  missing: Art6Field[];
  /** The criteria scheme the class was computed under (classes are computed, not stored). */
  criteria_scheme: CriteriaScheme;
  /** The period ends before QĐ 28/2025 (24/8/2025): the class is for reference, the declared class stands. */
  is_reference: boolean;
};

export type ProblemsList = {
  problems: PeriodProblem[];
  counts: { errors: number; warnings: number };
  classifications: CommuneClassification[];
};

export type ExportReadiness = { isReady: boolean; errors: PeriodProblem[] };

export type ApiContract = {
  /** Version, workspace file and language; never fails once the workspace is open. */
  'app.info': { input: z.infer<Schemas['app.info']>; output: AppInfo };
  /** Stores the interface language; later messages use it. */
  'settings.setLanguage': { input: z.infer<Schemas['settings.setLanguage']>; output: { language: Language } };
  /** Imports an administrative-unit list (format detected by content), all or nothing; renames or moves of units with the office's data wait for `isMoveConfirmed`. */
  'units.import': { input: z.infer<Schemas['units.import']>; output: UnitImportSummary };
  /** The official unit lists shipped with the app (first run needs no file). */
  'units.bundled': { input: z.infer<Schemas['units.bundled']>; output: BundledUnitList[] };
  /** Imports a shipped list, exactly as importing its source file would. */
  'units.importBundled': { input: z.infer<Schemas['units.importBundled']>; output: UnitImportSummary };
  /** The schemes with their levels and unit counts in this workspace. */
  'units.schemes': { input: z.infer<Schemas['units.schemes']>; output: SchemeSummary[] };
  /** Units directly under a parent (top level when parentCode is null), sorted by name. */
  'units.children': { input: z.infer<Schemas['units.children']>; output: UnitRow[] };
  /** The office's own unit, or null before set-up. */
  'office.get': { input: z.infer<Schemas['office.get']>; output: Office | null };
  /** Chooses the office's own unit and reporting scheme. */
  'office.set': { input: z.infer<Schemas['office.set']>; output: Office };
  /** One row per commune under the office with its status for the period. */
  'communes.list': { input: z.infer<Schemas['communes.list']>; output: CommuneRow[] };
  /** Saves cell changes in one transaction, durable before it answers; returns the saved rows. */
  'communeStatus.update': { input: z.infer<Schemas['communeStatus.update']>; output: CommuneRow[] };
  /** Applies a batch of edits to any register in one transaction, recorded in the history as one batch. */
  'edits.apply': { input: z.infer<Schemas['edits.apply']>; output: EditsResult };
  /** The hotspot register with each hotspot's standing in the period, and the period's counts. */
  'hotspots.list': { input: z.infer<Schemas['hotspots.list']>; output: { rows: HotspotRow[]; summary: HotspotSummary } };
  /** The model-site register. */
  'modelSites.list': { input: z.infer<Schemas['modelSites.list']>; output: ModelSiteRow[] };
  /** The office's unit and every unit under it, for host-unit choices. */
  'units.underOffice': { input: z.infer<Schemas['units.underOffice']>; output: UnitRow[] };
  /** History entries, newest first, filtered. */
  'history.list': { input: z.infer<Schemas['history.list']>; output: { entries: HistoryEntry[]; total: number } };
  /** Periods that have been used, with their lock status. */
  'periods.list': { input: z.infer<Schemas['periods.list']>; output: PeriodInfo[] };
  /** Makes a period read-only. */
  'periods.lock': { input: z.infer<Schemas['periods.lock']>; output: PeriodInfo };
  /** Makes a locked period editable again; the reason goes into the history. */
  'periods.unlock': { input: z.infer<Schemas['periods.unlock']>; output: PeriodInfo };
  /** Copies commune statuses from another period into communes that have none in this one. */
  'periods.copyForward': { input: z.infer<Schemas['periods.copyForward']>; output: { copied: number; skipped: number } };
  /** Chooses the reading of QĐ 28/2025's level bands used by the classification and the rules. */
  'settings.setClassificationReading': {
    input: z.infer<Schemas['settings.setClassificationReading']>;
    output: { reading: 'cumulative' | 'literal' };
  };
  /** The name recorded as the author of changes. */
  'settings.setUserName': { input: z.infer<Schemas['settings.setUserName']>; output: { userName: string } };
  /** Remembered column widths, order and visibility of a sheet (null: defaults). */
  'sheets.getLayout': { input: z.infer<Schemas['sheets.getLayout']>; output: { columns: ColumnLayout[] | null } };
  /** Remembers a sheet's column layout in the workspace. */
  'sheets.saveLayout': { input: z.infer<Schemas['sheets.saveLayout']>; output: { columns: ColumnLayout[] } };
  /** An .xlsx of a sheet as shown (the columns and rows named, in their order), written from the stored values; reads only. */
  'sheets.exportXlsx': { input: z.infer<Schemas['sheets.exportXlsx']>; output: FileBytes & { rowCount: number } };
  /** The import template of a sheet (.xlsx): the grid's headers, one example row, drop-downs on closed lists; reads only. */
  'sheets.template': { input: z.infer<Schemas['sheets.template']>; output: FileBytes };
  /** Every problem of the period (errors first), counts by severity, and each commune's computed classification; reads only. */
  'problems.list': { input: z.infer<Schemas['problems.list']>; output: ProblemsList };
  /** Whether the period can be exported: ready when no rule reports an error (warnings allowed); otherwise the errors why. */
  'exports.readiness': { input: z.infer<Schemas['exports.readiness']>; output: ExportReadiness };
  /** The programme indicators of a set (default: the set of the period's phase) for the office and period, with previous period and baseline. */
  'indicators.list': { input: z.infer<Schemas['indicators.list']>; output: IndicatorsReport };
  /** The office's exchange identity and public key facts (key ids, fingerprints); never key material. */
  'keys.status': { input: z.infer<Schemas['keys.status']>; output: KeysStatus };
  /** Generates the office's Ed25519 signing key (and X25519 encryption key), stored encrypted with the passphrase. */
  'keys.generate': { input: z.infer<Schemas['keys.generate']>; output: KeysStatus };
  /** Writes the self-signed enrollment statement (.bckey) and the registration form's facts; asks the passphrase. */
  'keys.enrollment': { input: z.infer<Schemas['keys.enrollment']>; output: { form: EnrollmentForm; file: FileBytes } };
  /** The installed trust list, its expiry, and whether this workspace is a trust authority. */
  'trust.status': { input: z.infer<Schemas['trust.status']>; output: TrustStatus };
  /** Reads a .bctrust file without installing it: its version, root fingerprints (to confirm by phone) and offices. */
  'trust.inspect': { input: z.infer<Schemas['trust.inspect']>; output: TrustListSummary };
  /** Installs a .bctrust file after the signature, threshold, version, expiry and scope checks (§3.5). */
  'trust.import': { input: z.infer<Schemas['trust.import']>; output: TrustListSummary };
  /** What exporting the period would send: counts, problems, sequence, audience, encryption, and what blocks it. */
  'exports.summary': { input: z.infer<Schemas['exports.summary']>; output: ExportSummary };
  /** Builds, signs (passphrase) and, when hotspots are included, encrypts the period's package; logged. */
  'exports.create': { input: z.infer<Schemas['exports.create']>; output: ExportResult };
  /** Every package this office sent, newest first. */
  'exports.list': { input: z.infer<Schemas['exports.list']>; output: ExportRecord[] };
  /** A sent package's file again (lost download): the same signed package, encrypted afresh to the recipients. */
  'exports.file': { input: z.infer<Schemas['exports.file']>; output: FileBytes };
  /** Verifies and stages received files (§6): each gets its code, and a staged one the conflict preview and warnings; only the log is written. */
  'packages.receive': { input: z.infer<Schemas['packages.receive']>; output: ReceiveResult[] };
  /** Commits a staged package in one transaction (warnings need isSupervisorConfirmed). */
  'packages.confirm': { input: z.infer<Schemas['packages.confirm']>; output: ReceivedPackageInfo };
  /** Declines a staged package with a reason, kept in the import log. */
  'packages.reject': { input: z.infer<Schemas['packages.reject']>; output: { rejected: true } };
  /** Every package accepted here, newest first, with its status (accepted, superseded, quarantined). */
  'packages.received': { input: z.infer<Schemas['packages.received']>; output: ReceivedPackageInfo[] };
  /** The user has read the restore notice (§6.5); app.info stops reporting it. */
  'app.acknowledgeRestore': { input: z.infer<Schemas['app.acknowledgeRestore']>; output: { acknowledged: true } };
  /** The copies in the backup folder, newest first, with time, size and office; a copy that fails the restore checks says why. */
  'backups.list': { input: z.infer<Schemas['backups.list']>; output: BackupEntry[] };
  /** Replaces the open workspace with a listed, checked backup (the replaced file is kept), then reopens it. */
  'backups.restore': { input: z.infer<Schemas['backups.restore']>; output: { takenAt: string; nextSequence: number | null } };
  /** The import log, newest first. */
  'importLog.list': { input: z.infer<Schemas['importLog.list']>; output: ImportLogEntry[] };
  /** Walks the hash chain of the import log: intact, or the first row where it breaks. */
  'importLog.verify': { input: z.infer<Schemas['importLog.verify']>; output: ImportLogCheck };
  /** Verifies received package files by the stages of §5, writing nothing; a result and, when valid, a preview per file. */
  'packages.verify': { input: z.infer<Schemas['packages.verify']>; output: VerifyResult[] };
  /** Province: the current package's records of every office for the period, read-only, each row with its source office and package. */
  'consolidated.list': { input: z.infer<Schemas['consolidated.list']>; output: ConsolidatedView };
  /** Province: offices directly under this one in the trust list with no package for the period, and their last reported period. */
  'consolidated.notReported': { input: z.infer<Schemas['consolidated.notReported']>; output: NotReportedOffice[] };
  /** Province: indicators.list's report computed over the consolidated data of all reporting offices for the period. */
  'consolidated.indicators': { input: z.infer<Schemas['consolidated.indicators']>; output: IndicatorsReport };
  /** Province: the signed receipt (.bcrcpt, §6.6) for a received package, its decision from the package's status; logged. */
  'receipts.create': { input: z.infer<Schemas['receipts.create']>; output: FileBytes };
  /** District: checks a receipt strictly (signed by the parent office's trusted key) and records it against the export it names. */
  'receipts.import': { input: z.infer<Schemas['receipts.import']>; output: ExportRecord };
  /** Reads a spreadsheet and previews its import into a sheet: header row, mapping, every row's problems and outcome; stores nothing. */
  'imports.analyze': { input: z.infer<Schemas['imports.analyze']>; output: ImportAnalysis };
  /** Imports a spreadsheet into a sheet all or nothing (refused whole when a row has an error), as one history batch "nhập từ tệp <name>". */
  'imports.apply': { input: z.infer<Schemas['imports.apply']>; output: ImportApplyResult };
  /** How far the import call with this request id has come (reading the file, then checking its rows); 'none' once it answered. */
  'imports.progress': { input: z.infer<Schemas['imports.progress']>; output: ImportProgress };
  /** Stops the import call with this request id (its parse worker is ended; nothing is stored); false when none is running. */
  'imports.cancel': { input: z.infer<Schemas['imports.cancel']>; output: { isCancelled: boolean } };
  /** The period report's document model (the preview draws it; the .docx and PDF are laid out from it); reads only. */
  'report.get': { input: z.infer<Schemas['report.get']>; output: ReportModel };
  /** Stores the report's settings (office header, recipients, signer; this period's number, date and paragraph) and answers the model with them. */
  'report.saveSettings': { input: z.infer<Schemas['report.saveSettings']>; output: ReportModel };
  /** The report as .docx or PDF bytes, named after the office and period; reads only. */
  'report.file': { input: z.infer<Schemas['report.file']>; output: FileBytes };
};

export type MethodName = keyof ApiContract;
export type ApiInput<M extends MethodName> = ApiContract[M]['input'];
export type ApiOutput<M extends MethodName> = ApiContract[M]['output'];

export type ApiError = { code: string; message: string; params?: Record<string, string | number> };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Push events from the services to the renderer. */
export type ApiEvents = {
  /** Stored data changed outside this window's own call (e.g. a CLI import). */
  'data.changed': { area: 'units' | 'office' | 'communeStatus'; periodId: string | null };
};
export type EventName = keyof ApiEvents;

/** What the preload (or the browser host's bridge) exposes as `window.app`. */
export type AppBridge = {
  call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiOutput<M>>>;
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

/** IPC channel of a method: `app:<method>`. */
export const IPC_PREFIX = 'app:';
export const METHOD_NAMES = [
  'app.info',
  'settings.setLanguage',
  'units.import',
  'units.schemes',
  'units.bundled',
  'units.importBundled',
  'units.children',
  'office.get',
  'office.set',
  'communes.list',
  'communeStatus.update',
  'edits.apply',
  'hotspots.list',
  'modelSites.list',
  'units.underOffice',
  'history.list',
  'periods.list',
  'periods.lock',
  'periods.unlock',
  'periods.copyForward',
  'settings.setUserName',
  'settings.setClassificationReading',
  'sheets.getLayout',
  'sheets.saveLayout',
  'sheets.exportXlsx',
  'sheets.template',
  'problems.list',
  'exports.readiness',
  'indicators.list',
  'keys.status',
  'keys.generate',
  'keys.enrollment',
  'trust.status',
  'trust.inspect',
  'trust.import',
  'exports.summary',
  'exports.create',
  'exports.list',
  'exports.file',
  'packages.verify',
  'packages.receive',
  'packages.confirm',
  'packages.reject',
  'packages.received',
  'app.acknowledgeRestore',
  'backups.list',
  'backups.restore',
  'importLog.list',
  'importLog.verify',
  'consolidated.list',
  'consolidated.notReported',
  'consolidated.indicators',
  'receipts.create',
  'receipts.import',
  'imports.analyze',
  'imports.apply',
  'imports.progress',
  'imports.cancel',
  'report.get',
  'report.saveSettings',
  'report.file',
] as const satisfies readonly MethodName[];

export function isMethodName(name: string): name is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(name);
}

type AssertNever<T extends never> = T;
/** Compile-time check that METHOD_NAMES lists every method of the contract. */
export type AllMethodsListed = AssertNever<Exclude<MethodName, (typeof METHOD_NAMES)[number]>>;
