/**
 * The exchange services end to end on real SQLite workspaces (exchange-format.md §3,
 * §4, §5; product rules of export): the CLI round trip district → province, training
 * kept out of production both ways (§3.8), passphrases (§3.3), and the export rules —
 * sequence committed first, supersedes, blockers, period lock, the xlsx copy (§2.7).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExchangeIdentity, installTrustList } from '../../db/queries/exchange';
import { dispatch } from '../../shared/api/dispatch';
import { AppError } from '../../shared/errors';
import { buildRecord } from '../../electron/services/exchange/datasets';
import { createExport, exportSummary, listExportRecords } from '../../electron/services/exchange/export-service';
import { recipientString } from '../../electron/services/exchange/age/x25519';
import { generateKeys, unlockSigningSeed } from '../../electron/services/exchange/keys-service';
import { canonicalBytes } from '../../electron/services/exchange/canonical-json';
import { trustListJson, writeTrustFile, type TrustList } from '../../electron/services/exchange/trust-list';
import { importTrustFile, installedTrustList } from '../../electron/services/exchange/trust-service';
import { buildPackage } from '../../electron/services/exchange/package-builder';
import { TRAINING_WATERMARK } from '../../electron/services/exchange/xlsx-copy';
import { verifyFiles } from '../../electron/services/exchange/verify-service';
import { bcpkgProfile, readZipStrict } from '../../electron/services/exchange/zip-strict';
import { listCommuneRows } from '../../electron/services/commune-status-service';
import { applyEdits } from '../../electron/services/edit-service';
import { openServices, type Services } from '../../electron/services/index';
import { listPeriodInfos } from '../../electron/services/period-service';
import { listHotspotRows, listModelSiteRows } from '../../electron/services/register-service';
import { enterEveryCommune, openCopy, PASS, seedDistrict, setUpPair, unitsTemplate, UNITS_FILE, type Pair } from './exchange-fixtures';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'electron/cli/pcmt.mjs');
/** GSO_2004 units are valid up to 30/6/2025 (rule V11), so data goes into 2025-Q2. */
const P = '2025-Q2';
const ENV_MESSAGE = 'Đây là dữ liệu tập huấn/thử nghiệm, không nhập vào hệ thống chính thức.';

let dir = '';
let template = '';
let prod: Pair;
let train: Pair;
const opened: Services[] = [];

function bytesOf(result: { bytesBase64: string }): Buffer {
  return Buffer.from(result.bytesBase64, 'base64');
}

function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

function verifyOne(s: Services, bytes: Buffer, fileName = 'p.bcpkg') {
  const [result] = verifyFiles(s.workspace, [{ fileName, bytes }], PASS);
  if (result === undefined) throw new Error('no result');
  return result;
}

/** What the district holds for the period, as the package records it. */
function districtRecords(s: Services, periodId: string) {
  return {
    commune_status: listCommuneRows(s.workspace, periodId)
      .filter((r) => r.rowVersion > 0)
      .map((r) => buildRecord('commune_status', r.code, r.status)),
    hotspots: listHotspotRows(s.workspace, periodId, false).rows.map((r) => buildRecord('hotspots', r.id, r.values)),
    model_sites: listModelSiteRows(s.workspace, periodId, false).map((r) => buildRecord('model_sites', r.id, r.values)),
  };
}

function xlsxCells(packageBytes: Buffer): XLSX.CellObject[] {
  const entry = readZipStrict(packageBytes, bcpkgProfile()).find((e) => e.name === 'human/report.xlsx');
  if (entry === undefined) throw new Error('no xlsx');
  const book = XLSX.read(entry.data, { type: 'buffer', cellFormula: true });
  return book.SheetNames.flatMap((name) => {
    const sheet = book.Sheets[name] ?? {};
    return Object.keys(sheet)
      .filter((k) => !k.startsWith('!'))
      .map((k) => sheet[k] as XLSX.CellObject);
  });
}

/** Opens a workspace the CLI created; the caller closes it (one connection per file). */
function openExisting(file: string): Services {
  return openServices({ workspacePath: file, hostKind: 'cli', isCreateAllowed: false });
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PCMT_PASSPHRASE: PASS, PCMT_KEY_WORK_FACTOR: '12' },
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-exchange-'));
  template = unitsTemplate(dir);
  prod = setUpPair(template, dir, 'production', 'prod');
  train = setUpPair(template, dir, 'training', 'train');
  opened.push(prod.province, prod.district, train.province, train.district);
});
afterAll(() => {
  for (const s of opened) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CLI round trip (pcmt init … export … verify)', () => {
  it('a district exports a period with data; the province verifies OK_STAGED and the preview equals the district records', () => {
    const d = (f: string) => path.join(dir, 'cli', f);
    fs.mkdirSync(d(''));
    const steps: string[][] = [
      ['init', '--workspace', d('prov.sqlite'), '--units', UNITS_FILE, '--office', '01', '--scheme', 'GSO_2004'],
      ['init', '--workspace', d('dist.sqlite'), '--units', UNITS_FILE, '--office', '001', '--scheme', 'GSO_2004'],
      ['keys', 'generate', '--workspace', d('dist.sqlite')],
      ['keys', 'generate', '--workspace', d('prov.sqlite'), '--encryption'],
      ['keys', 'enrollment', '--workspace', d('dist.sqlite'), '--out', d('dist.bckey')],
      ['trust', 'root-keygen', '--out', d('root1.key')],
      ['trust', 'root-keygen', '--out', d('root2.key')],
      ['trust', 'init', '--workspace', d('prov.sqlite'), '--root-pub', d('root1.pub'), d('root2.pub'), '--threshold', '2'],
      ['trust', 'add-office', d('dist.bckey'), '--workspace', d('prov.sqlite')],
      ['trust', 'publish', '--workspace', d('prov.sqlite'), '--root-key', d('root1.key'), d('root2.key'), '--expires', '2099-12-31', '--out', d('t1.bctrust')],
      ['trust', 'import', d('t1.bctrust'), '--workspace', d('dist.sqlite'), '--bootstrap'],
    ];
    for (const step of steps) expect([step.slice(0, 2).join(' '), cli(step).status]).toEqual([step.slice(0, 2).join(' '), 0]);
    // Data is entered through the services, as the app's grid does.
    const district = openExisting(d('dist.sqlite'));
    seedDistrict(district, P);
    const seeded = districtRecords(district, P);
    // The district sends every one of its communes (rule V16): the two typed and the rest with their population.
    const communeCount = listCommuneRows(district.workspace, P).length;
    district.close();
    expect(cli(['export', '--workspace', d('dist.sqlite'), '--period', P, '--out', d('p1.bcpkg')]).status).toBe(0);
    const verify = cli(['verify', d('p1.bcpkg'), '--workspace', d('prov.sqlite'), '--json']);
    expect(verify.status).toBe(0);
    expect(JSON.parse(verify.stdout.trim())).toMatchObject({ code: 'OK_STAGED', issuer: 'T01-D001', period: P, sequence: 1 });
    const province = openExisting(d('prov.sqlite'));
    opened.push(province);
    const result = verifyOne(province, fs.readFileSync(d('p1.bcpkg')));
    expect(result.preview?.encrypted).toBe(true);
    const datasets = Object.fromEntries((result.preview?.datasets ?? []).map((x) => [x.dataset, x.records]));
    expect(datasets).toEqual(seeded);
    expect(seeded.commune_status).toHaveLength(communeCount);
    expect(communeCount).toBeGreaterThan(2);
    expect(seeded.hotspots).toHaveLength(1);
  }, 60_000);
});


/** The plain package of an export, as the exporter keeps it (what was signed). */
function keptPackage(s: Services, packageId: string): Buffer {
  const row = s.workspace.db.prepare('SELECT package_bytes FROM exports WHERE package_id = ?').get(packageId) as { package_bytes: Buffer } | undefined;
  if (row === undefined) throw new Error('export not kept');
  return row.package_bytes;
}

/** A package signed by the office's real key, with a manifest the app itself would never write. */
function signedBy(s: Services, overrides: { environment: 'production' | 'training'; officeCode: string; audience: string }): Buffer {
  const seed = unlockSigningSeed(s.workspace, PASS);
  try {
    return buildPackage(
      {
        app: { name: 'PCMT Desk', version: '0.1.0' },
        audience: [{ officeCode: overrides.audience, role: 'parent' }],
        createdAt: '2025-10-05T02:15:00Z',
        environment: overrides.environment,
        issuer: { level: 'district', officeCode: overrides.officeCode, officeName: 'Ban Chỉ đạo phòng, chống ma túy Quận Ba Đình' },
        packageId: '24276bfd-6570-452d-9676-c77a3b724692',
        period: P,
        sequence: 50,
        supersedes: null,
        datasets: { commune_status: [buildRecord('commune_status', '00001', { resident_population: 100 })] },
        xlsx: null,
      },
      seed,
    ).bytes;
  } finally {
    seed.fill(0);
  }
}

describe('training data stays out of production, and the reverse (§3.8)', () => {
  it('a training workspace signs "training" with ZZ- codes, a TRAINING_ file name and a watermarked workbook', () => {
    seedDistrict(train.district, P);
    const exported = createExport(train.district.workspace, P, PASS, true);
    expect(exported.fileName).toBe(`TRAINING_ZZ-T01-D001_${P}_000001.bcpkg`);
    expect(exported.recipients).toEqual(['ZZ-T01']);
    const atTraining = verifyOne(train.province, bytesOf(exported));
    expect(atTraining).toMatchObject({ code: 'OK_STAGED', issuer: 'ZZ-T01-D001', preview: { environment: 'training', encrypted: true } });
    const cells = xlsxCells(keptPackage(train.district, exported.packageId));
    expect(cells.some((c) => c.v === TRAINING_WATERMARK)).toBe(true);
  });

  it('a training package at a production province: E_KEY_UNKNOWN (separate roots), and the reverse', () => {
    // Encrypted (the recipient has a key), it already fails at stage 1: sealed for the training province only.
    enterEveryCommune(train.district, '2025-Q1');
    const training = createExport(train.district.workspace, '2025-Q1', PASS, false);
    expect(verifyOne(prod.province, bytesOf(training)).code).toBe('E_ENC_NOT_FOR_US');
    // The signed package itself (as a trainee could send it plain): its key is under another root.
    expect(verifyOne(prod.province, keptPackage(train.district, training.packageId)).code).toBe('E_KEY_UNKNOWN');
    seedDistrict(prod.district, '2025-Q1');
    const production = createExport(prod.district.workspace, '2025-Q1', PASS, false);
    expect(verifyOne(train.province, bytesOf(production)).code).toBe('E_ENC_NOT_FOR_US');
    expect(verifyOne(train.province, keptPackage(prod.district, production.packageId)).code).toBe('E_KEY_UNKNOWN');
  });

  it('"training" signed by a key production trusts: E_ENVIRONMENT_MISMATCH with its Vietnamese message; the reverse too', () => {
    const toProduction = verifyOne(prod.province, signedBy(prod.district, { environment: 'training', officeCode: 'T01-D001', audience: 'T01' }));
    expect(toProduction).toMatchObject({ code: 'E_ENVIRONMENT_MISMATCH', message: ENV_MESSAGE });
    const toTraining = verifyOne(train.province, signedBy(train.district, { environment: 'production', officeCode: 'ZZ-T01-D001', audience: 'ZZ-T01' }));
    expect(toTraining).toMatchObject({ code: 'E_ENVIRONMENT_MISMATCH', message: ENV_MESSAGE });
    // The same manifests with the right environment pass, so only the environment decided.
    expect(verifyOne(prod.province, signedBy(prod.district, { environment: 'production', officeCode: 'T01-D001', audience: 'T01' })).code).toBe('OK_STAGED');
  });
});

const dispatchOptions = (s: Services) => ({ language: () => s.language(), onInternalError: (_m: string, e: unknown) => console.error(e) });

describe('passphrases (§3.3)', () => {
  it('a wrong passphrase on export: PASSPHRASE_WRONG, no sequence consumed, nothing exported or locked', async () => {
    const ws = prod.district.workspace;
    seedDistrict(prod.district, '2024-Q1');
    const before = { sequence: getExchangeIdentity(ws.db)?.next_sequence, exports: listExportRecords(ws).length };
    const result = await dispatch(prod.district.handlers, 'exports.create', { periodId: '2024-Q1', passphrase: 'không phải mật khẩu này 123', includeHotspots: true }, dispatchOptions(prod.district));
    expect(result).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_WRONG' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^Mật khẩu khóa không đúng/u);
    expect({ sequence: getExchangeIdentity(ws.db)?.next_sequence, exports: listExportRecords(ws).length }).toEqual(before);
    expect(listPeriodInfos(ws).find((p) => p.id === '2024-Q1')?.status).not.toBe('LOCKED');
  });

  it('the passphrase typed with decomposed diacritics (NFD, some Vietnamese input methods) opens the same key', () => {
    expect(PASS.normalize('NFD')).not.toBe(PASS);
    const composed = unlockSigningSeed(prod.district.workspace, PASS);
    const decomposed = unlockSigningSeed(prod.district.workspace, PASS.normalize('NFD'));
    expect(decomposed.equals(composed)).toBe(true);
    composed.fill(0);
    decomposed.fill(0);
  });

  it('a weak passphrase on generate: PASSPHRASE_WEAK', async () => {
    const s = openCopy(template, path.join(dir, 'weak.sqlite'), 'production', 'DISTRICT', '002');
    opened.push(s);
    expect(appErrorOf(() => generateKeys(s.workspace, 'abc123', false)).code).toBe('PASSPHRASE_WEAK');
    const result = await dispatch(s.handlers, 'keys.generate', { passphrase: 'ngắn', withEncryption: true }, dispatchOptions(s));
    expect(result).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_WEAK' } });
    expect(s.workspace.db.prepare('SELECT count(*) AS n FROM office_keys').get()).toEqual({ n: 0 });
  });
});

/** Installs on `s` the next version of its list, changed by `edit`, signed by the pair's roots. */
function installEdited(pair: Pair, edit: (list: TrustList) => void): void {
  const list = installedTrustList(pair.district.workspace);
  if (list === null) throw new Error('no list');
  edit(list);
  list.version += 1;
  importTrustFile(pair.district.workspace, `v${list.version}.bctrust`, writeTrustFile(list, pair.roots), false);
}

/**
 * Puts a list in the database without the import checks, as an older version of the app
 * (which did not check recipient keys) could have left it.
 */
function installUnchecked(pair: Pair, edit: (list: TrustList) => void): void {
  const list = installedTrustList(pair.district.workspace);
  if (list === null) throw new Error('no list');
  edit(list);
  list.version += 1;
  installTrustList(pair.district.workspace.db, {
    authority: list.authority.officeCode,
    version: list.version,
    environment: list.environment,
    expires_at: list.expiresAt,
    list_json: canonicalBytes(trustListJson(list)),
    file_bytes: writeTrustFile(list, pair.roots),
    installed_at: new Date().toISOString(),
  });
}

function provinceEntry(list: TrustList): TrustList['offices'][number] {
  const entry = list.offices.find((o) => o.officeCode === 'T01');
  if (entry === undefined) throw new Error('no province');
  return entry;
}

describe('export rules', () => {
  it('refused while validation errors remain (EXPORT_HAS_ERRORS), with the blocker in the summary', () => {
    // GSO_2004 units after 30/6/2025 break rule V11: a real error, not a fake one.
    seedDistrict(prod.district, '2025-Q3');
    expect(exportSummary(prod.district.workspace, '2025-Q3', true).errors).toBeGreaterThan(0);
    expect(appErrorOf(() => createExport(prod.district.workspace, '2025-Q3', PASS, true)).code).toBe('EXPORT_HAS_ERRORS');
  });

  // Issue 12 item 5: "every commune of the office has a status for the period before it can be sent".
  it('refused while communes are empty (EXPORT_COMMUNES_EMPTY), the blocker saying how many', () => {
    const [first = ''] = listCommuneRows(prod.district.workspace, '2024-Q2').map((r) => r.code);
    const total = listCommuneRows(prod.district.workspace, '2024-Q2').length;
    applyEdits(prod.district.workspace, { periodId: '2024-Q2', cause: 'typing', mode: 'all', edits: [{ sheet: 'communeStatuses', op: 'set', id: first, field: 'resident_population', value: 12000 }] });
    const summary = exportSummary(prod.district.workspace, '2024-Q2', false);
    expect(summary.blockers).toEqual([expect.stringMatching(new RegExp(`^Chưa gửi được: ${total - 1} trong ${total} xã, phường chưa có số liệu kỳ Quý II\\/2024: `, 'u'))]);
    expect(appErrorOf(() => createExport(prod.district.workspace, '2024-Q2', PASS, false)).code).toBe('EXPORT_COMMUNES_EMPTY');
    enterEveryCommune(prod.district, '2024-Q2');
    expect(exportSummary(prod.district.workspace, '2024-Q2', false).blockers).toEqual([]);
  });

  it('sequences increase across exports and periods; supersedes names the previous package of the same period; the period locks', () => {
    const ws = prod.district.workspace;
    seedDistrict(prod.district, P, '=1+1 là ghi chú, không phải công thức');
    const first = createExport(ws, P, PASS, true);
    const other = createExport(ws, '2024-Q1', PASS, false);
    const again = createExport(ws, P, PASS, true);
    expect(other.sequence).toBeGreaterThan(first.sequence);
    expect(again.sequence).toBeGreaterThan(other.sequence);
    expect([first.supersedes, other.supersedes, again.supersedes]).toEqual([null, null, first.packageId]);
    expect(listPeriodInfos(ws).find((p) => p.id === P)?.status).toBe('LOCKED');
    expect(listExportRecords(ws).map((r) => r.sequence)).toEqual(expect.arrayContaining([first.sequence, other.sequence, again.sequence]));
    for (const exported of [first, other, again]) expect(verifyOne(prod.province, bytesOf(exported)).code).toBe('OK_STAGED');
    expect(first.encrypted).toBe(true);
    expect(bytesOf(first).subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
  });

  it('the xlsx copy holds values only: no formula anywhere, "=1+1…" is a text cell, no training watermark in production', () => {
    const latest = listExportRecords(prod.district.workspace).find((r) => r.periodId === P);
    if (latest === undefined) throw new Error('no export');
    const cells = xlsxCells(keptPackage(prod.district, latest.packageId));
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter((c) => c.f !== undefined)).toEqual([]);
    const note = cells.find((c) => typeof c.v === 'string' && c.v.startsWith('=1+1'));
    expect(note).toMatchObject({ t: 's', v: '=1+1 là ghi chú, không phải công thức' });
    expect(cells.some((c) => c.v === TRAINING_WATERMARK)).toBe(false);
  });

  it('hotspots with no recipient key: EXPORT_NO_RECIPIENT_KEY; without hotspots it goes plain', () => {
    const pair = setUpPair(template, dir, 'production', 'norecipient');
    opened.push(pair.province, pair.district);
    seedDistrict(pair.district, P);
    installEdited(pair, (list) => void (provinceEntry(list).encryptionKeys = []));
    expect(exportSummary(pair.district.workspace, P, true).willEncrypt).toBe(false);
    expect(appErrorOf(() => createExport(pair.district.workspace, P, PASS, true)).code).toBe('EXPORT_NO_RECIPIENT_KEY');
    const plain = createExport(pair.district.workspace, P, PASS, false);
    expect(plain.encrypted).toBe(false);
    expect(verifyOne(pair.province, bytesOf(plain))).toMatchObject({ code: 'OK_STAGED', preview: { encrypted: false } });
  });

  it('the sequence is committed before the file: a build that fails after taking it leaves a gap, never a reuse', () => {
    const pair = setUpPair(template, dir, 'production', 'gap');
    opened.push(pair.province, pair.district);
    seedDistrict(pair.district, P);
    const ws = pair.district.workspace;
    const good = installedTrustList(ws);
    const goodRecipients = good === null ? [] : provinceEntry(good).encryptionKeys;
    // An all-zero X25519 key cannot be encrypted to. Imports refuse such a list (E_TRUSTLIST_SCOPE)…
    const zeroKey = (list: TrustList): void => void (provinceEntry(list).encryptionKeys = [{ recipient: recipientString(Buffer.alloc(32)), status: 'active' }]);
    expect(() => installEdited(pair, zeroKey)).toThrow(AppError);
    // …but one already in the database makes encryption fail after takeSequence: a sentence, and a gap.
    installUnchecked(pair, zeroKey);
    const before = getExchangeIdentity(ws.db)?.next_sequence ?? 0;
    expect(() => createExport(ws, P, PASS, true)).toThrow(expect.objectContaining({ code: 'EXPORT_NO_RECIPIENT_KEY' }));
    expect(getExchangeIdentity(ws.db)?.next_sequence).toBe(before + 1);
    expect(listExportRecords(ws)).toEqual([]);
    installUnchecked(pair, (list) => void (provinceEntry(list).encryptionKeys = goodRecipients));
    const next = createExport(ws, P, PASS, true);
    expect(next.sequence).toBe(before + 1);
    expect(verifyOne(pair.province, bytesOf(next)).code).toBe('OK_STAGED');
  });
});
