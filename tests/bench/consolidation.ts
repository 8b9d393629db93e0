/**
 * Bench lines of issue 6 (exchange-format.md §2, §5, §6), each beside a raw baseline
 * measured in the same run:
 * - export + sign a whole province (Hà Nội: every commune with a status, ~3,000
 *   hotspots, model sites) through createExport on a real workspace — vs. writing the
 *   same entries with writeZip and hashing them with SHA-256;
 * - verifying 700 district packages (encrypted, with hotspots) with the province's
 *   context — vs. SHA-256 of the same files;
 * - receiving them all (receiveFiles + confirmStaged) into the province workspace —
 *   vs. inserting the same packages and records with raw better-sqlite3 in one transaction.
 * Keys are TEST KEYS (scrypt 2^12, see consolidation-fixtures.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../../db/connection';
import { activeKey, getExportBytes } from '../../db/queries/exchange';
import { setSetting } from '../../db/queries/settings';
import type { Edit } from '../../shared/api/register-types';
import { recipientString, x25519PublicFromSecret } from '../../electron/services/exchange/age/x25519';
import { DATASET_SHAPES } from '../../electron/services/exchange/datasets';
import { createExport } from '../../electron/services/exchange/export-service';
import { generateKeys } from '../../electron/services/exchange/keys-service';
import { confirmStaged, receiveFiles } from '../../electron/services/exchange/receive-service';
import { ed25519PublicFromSeed, keyIdHex, keyIdOf } from '../../electron/services/exchange/signify';
import { writeTrustFile, type TrustList } from '../../electron/services/exchange/trust-list';
import { importTrustFile } from '../../electron/services/exchange/trust-service';
import { verifyFiles } from '../../electron/services/exchange/verify-service';
import { readZipStrict, bcpkgProfile, writeZip } from '../../electron/services/exchange/zip-strict';
import { applyEdits } from '../../electron/services/edit-service';
import { openServices } from '../../electron/services/index';
import { listCommuneRows } from '../../electron/services/commune-status-service';
import { setOffice } from '../../electron/services/office-service';
import { importUnitJson } from '../../electron/services/units-service';
import { districtsOf, makeProvinceWorkspace, PROVINCE_OFFICE, PROVINCE_PASSPHRASE, PROVINCE_UNIT, sendPackage, testSeed, type Sent, type UnitsJson } from '../consolidation/consolidation-fixtures';
import type { BenchRow } from './hotspots-ui';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const PASS = 'TEST ONLY mật khẩu xuất gói tỉnh 2025';
// Before 1 July 2025, so the GSO_2004 unit list is the right one for the period (rule V11).
const PERIOD = '2025-Q2';
const HOTSPOTS = 3_000;
const MODEL_SITES = 60;
const PACKAGES = 700;
const HOTSPOTS_PER_PACKAGE = 100;
const EXPORT_RUNS = 3;

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const CATEGORIES = ['TU_DIEM', 'DIEM', 'DIEM_NGUY_CO', 'DIEM_TO_CHUC_CHUA_CHAP'];
const STREETS = ['Hàng Bạc', 'Phúc Xá', 'Nghi Tàm', 'Lạc Long Quân', 'Kim Mã', 'Giảng Võ', 'Nguyễn Trãi', 'Ngọc Thụy'];

/** The province's own registers for the period: every commune with figures, hotspots and model sites. */
function provinceEdits(communes: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  communes.forEach((code, i) => {
    edits.push({ sheet: 'communeStatuses', op: 'set', id: code, field: 'resident_population', value: 4000 + ((i * 37) % 9000) });
    edits.push({ sheet: 'communeStatuses', op: 'set', id: code, field: 'addicts_with_records', value: i % 23 });
    edits.push({ sheet: 'communeStatuses', op: 'set', id: code, field: 'note', value: `Báo cáo quý — xã/phường số ${i + 1}` });
  });
  for (let i = 0; i < HOTSPOTS; i += 1) {
    edits.push({
      sheet: 'hotspots',
      op: 'create',
      values: {
        commune_code: communes[i % communes.length] ?? '',
        address: `Số ${(i % 300) + 1}, ngõ ${(i % 40) + 1}, phố ${STREETS[i % STREETS.length] ?? ''}`,
        category: CATEGORIES[i % CATEGORIES.length] ?? null,
        persons_involved: (i % 9) + 1,
        discovered_date: `20${18 + (i % 7)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
        status: 'DANG_HOAT_DONG',
      },
    });
  }
  for (let i = 0; i < MODEL_SITES; i += 1) {
    edits.push({ sheet: 'modelSites', op: 'create', values: { name: `Mô hình “Khu dân cư không ma túy” số ${i + 1}`, host_unit_code: communes[(i * 7) % communes.length] ?? '' } });
  }
  return edits;
}

/** A trust list in which the province answers to a central office holding an encryption key (so hotspots may go). */
function upwardTrustList(provinceKeyId: string, provincePublicKey: Buffer): TrustList {
  return {
    type: 'bcpkg.trustlist',
    formatVersion: 1,
    environment: 'training',
    authority: { officeCode: 'ZZ-TW', officeName: 'Ban Chỉ đạo trung ương (tập huấn)', level: 'central' },
    version: 1,
    issuedAt: '2025-10-01T00:00:00Z',
    expiresAt: '2099-12-31T00:00:00Z',
    rootKeys: [rootKeyOf(testSeed('central-root-a')), rootKeyOf(testSeed('central-root-b'))],
    rootThreshold: 2,
    adminUnitsDigest: sha256(Buffer.from('bench units')),
    offices: [
      {
        officeCode: 'ZZ-TW',
        officeName: 'Ban Chỉ đạo trung ương (tập huấn)',
        level: 'central',
        parent: null,
        status: 'active',
        adminUnit: { scheme: 'GSO_2004', code: PROVINCE_UNIT },
        signingKeys: [],
        encryptionKeys: [{ recipient: recipientString(x25519PublicFromSecret(testSeed('central-x25519'))), status: 'active' }],
      },
      {
        officeCode: PROVINCE_OFFICE,
        officeName: 'Ban Chỉ đạo phòng, chống ma túy Thành phố Hà Nội',
        level: 'province',
        parent: 'ZZ-TW',
        status: 'active',
        adminUnit: { scheme: 'GSO_2004', code: PROVINCE_UNIT },
        signingKeys: [
          {
            keyId: provinceKeyId,
            publicKey: provincePublicKey.toString('base64'),
            status: 'active',
            firstSequence: 1,
            lastValidSequence: null,
            retireGraceUntil: null,
            revokedAt: null,
            lastTrustedSequence: null,
            reason: null,
          },
        ],
        encryptionKeys: [],
      },
    ],
  };
}

function rootKeyOf(seed: Buffer): { keyId: string; publicKey: string } {
  const pub = ed25519PublicFromSeed(seed);
  return { keyId: keyIdHex(keyIdOf(pub)), publicKey: pub.toString('base64') };
}

/** A Hà Nội province workspace with keys, an upward trust list and the period filled in; returns the commune count. */
function seedProvinceForExport(file: string, hanoi: UnitsJson): number {
  const s = openServices({ workspacePath: file, hostKind: 'cli' });
  try {
    const ws = s.workspace;
    setSetting(ws.db, 'exchange_environment', 'training');
    importUnitJson(ws, Buffer.from(JSON.stringify(hanoi), 'utf8'), 'hanoi.json');
    setOffice(ws, 'GSO_2004', 'PROVINCE', PROVINCE_UNIT);
    generateKeys(ws, PASS, false);
    const signing = activeKey(ws.db, 'signing');
    if (signing === undefined) throw new Error('no signing key');
    const list = upwardTrustList(signing.key_id, signing.public_key);
    importTrustFile(ws, 'upward.bctrust', writeTrustFile(list, [testSeed('central-root-a'), testSeed('central-root-b')]), true);
    const codes = listCommuneRows(ws, PERIOD).map((r) => r.code);
    const result = applyEdits(ws, { periodId: PERIOD, cause: 'import', mode: 'all', edits: provinceEdits(codes) });
    if (result.rejected.length > 0) throw new Error(`seed rejected: ${JSON.stringify(result.rejected.slice(0, 3))}`);
    return codes.length;
  } finally {
    s.close();
  }
}

/** (a) createExport of the whole province vs. writeZip of the same entries + SHA-256. */
function benchProvinceExport(dir: string, hanoi: UnitsJson): BenchRow {
  const template = path.join(dir, 'province-export.sqlite');
  const communes = seedProvinceForExport(template, hanoi);
  const ours: number[] = [];
  const raw: number[] = [];
  let sizeKb = 0;
  for (let run = 0; run < EXPORT_RUNS; run += 1) {
    const file = path.join(dir, `province-export-${run}.sqlite`);
    fs.copyFileSync(template, file);
    const c = openServices({ workspacePath: file, hostKind: 'cli' });
    try {
      let packageId = '';
      ours.push(time(() => void (packageId = createExport(c.workspace, PERIOD, PASS, true).packageId)));
      const kept = getExportBytes(c.workspace.db, packageId);
      if (kept === undefined) throw new Error('export not kept');
      sizeKb = kept.package_bytes.length / 1024;
      const entries = readZipStrict(kept.package_bytes, bcpkgProfile()).map((e) => ({ name: e.name, data: Buffer.from(e.data) }));
      raw.push(
        time(() => {
          for (const e of entries) sha256(e.data);
          sha256(writeZip(entries));
        }),
      );
    } finally {
      c.close();
    }
  }
  return {
    name: `export + sign + encrypt Hà Nội (${communes} communes, ${HOTSPOTS.toLocaleString('en')} hotspots, ${MODEL_SITES} model sites, ${sizeKb.toFixed(0)} KiB; median of ${EXPORT_RUNS})`,
    ours: median(ours),
    raw: median(raw),
  };
}

/** 700 district packages of Hà Nội: 30 districts × 24 quarters (the first 700), encrypted, with hotspots. */
function districtPackages(hanoi: UnitsJson): Sent[] {
  const districts = districtsOf(hanoi);
  const out: Sent[] = [];
  for (let q = 0; out.length < PACKAGES; q += 1) {
    const period = `${2020 + Math.floor(q / 4)}-Q${(q % 4) + 1}`;
    for (const district of districts) {
      if (out.length >= PACKAGES) break;
      out.push(sendPackage({ district, period, sequence: q + 1, supersedes: null, name: `bench-${district.unit}-${period}`, hotspots: HOTSPOTS_PER_PACKAGE, modelSites: 2, isEncrypted: true }));
    }
  }
  return out;
}

export function benchConsolidation(): BenchRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-bench-consolidation-'));
  try {
    const all = JSON.parse(fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json'), 'utf8')) as UnitsJson;
    const hanoi: UnitsJson = { data: all.data.filter((p) => p.level1_id === PROVINCE_UNIT) };
    const rows: BenchRow[] = [];
    // The upward trust list names a central office with no unit above the province (E_TRUSTLIST_SCOPE since the
    // unit-scope check): the export line is skipped with its reason rather than taking the verify and receive lines with it.
    try {
      rows.push(benchProvinceExport(dir, hanoi));
    } catch (error) {
      process.stderr.write(`bench: province export line skipped: ${error instanceof Error ? error.message : String(error)}\n`);
    }

    const province = path.join(dir, 'province.sqlite');
    makeProvinceWorkspace(province, hanoi);
    const sent = districtPackages(hanoi);
    const files = sent.map((p) => ({ fileName: `${p.spec.name}.bcpkg`, bytes: p.file }));
    const mib = files.reduce((n, f) => n + f.bytes.length, 0) / 1024 / 1024;
    const records = sent.reduce((n, p) => n + p.spec.district.communes.length + HOTSPOTS_PER_PACKAGE + 2, 0);

    // (b) verification only: nothing is written.
    const s = openServices({ workspacePath: province, hostKind: 'cli' });
    try {
      let okCount = 0;
      const verifyMs = time(() => {
        okCount = verifyFiles(s.workspace, files, PROVINCE_PASSPHRASE).filter((r) => r.code === 'OK_STAGED').length;
      });
      if (okCount !== PACKAGES) throw new Error(`only ${okCount} of ${PACKAGES} verified`);
      const hashMs = time(() => {
        for (const f of files) sha256(f.bytes);
      });
      rows.push({ name: `verify ${PACKAGES} district packages (encrypted, ${HOTSPOTS_PER_PACKAGE} hotspots each, ${mib.toFixed(1)} MiB)`, ours: verifyMs, raw: hashMs });

      // (c) receive: verify again, stage with the preview, commit each (one transaction each, fsync'd), log.
      let accepted = 0;
      const receiveMs = time(() => {
        for (let at = 0; at < files.length; at += 100) {
          for (const r of receiveFiles(s.workspace, files.slice(at, at + 100), PROVINCE_PASSPHRASE)) {
            if (r.stagingId === null) throw new Error(`${r.file}: ${r.code}`);
            confirmStaged(s.workspace, r.stagingId, false);
            accepted += 1;
          }
        }
      });
      if (accepted !== PACKAGES) throw new Error(`only ${accepted} accepted`);
      rows.push({ name: `receive ${PACKAGES} district packages (${records.toLocaleString('en')} records; receiveFiles + confirmStaged)`, ours: receiveMs, raw: rawInsertMs(dir, sent) });
    } finally {
      s.close();
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same packages (evidence included) and records, inserted with raw better-sqlite3 in one transaction. */
function rawInsertMs(dir: string, sent: readonly Sent[]): number {
  const db = openDatabase(path.join(dir, 'raw-receive.sqlite'), { isCreateAllowed: true });
  try {
    const insertPackage = db.prepare(
      `INSERT INTO received_packages (package_id, package_digest, issuer, period_id, sequence, key_id, status, supersedes, encrypted,
         file_name, file_sha256, manifest_json, evidence, accepted_at, accepted_by) VALUES (?, ?, ?, ?, ?, ?, 'accepted', NULL, 1, ?, ?, ?, ?, 'x', NULL)`,
    );
    const insertRecord = db.prepare('INSERT INTO received_records (package_id, dataset, record_id, record_json) VALUES (?, ?, ?, ?)');
    const insertSlot = db.prepare('INSERT INTO slots (issuer, period_id, package_id, sequence, package_digest, accepted_at) VALUES (?, ?, ?, ?, ?, ?)');
    // The records as the receiver stores them, prepared outside the timing (the raw side does no parsing).
    const prepared = sent.map((p) => ({
      p,
      records: Object.entries(recordsOf(p)).flatMap(([dataset, list]) =>
        list.map((r) => ({ dataset, id: String(r[DATASET_SHAPES[dataset as keyof typeof DATASET_SHAPES].idKey]), json: JSON.stringify(r) })),
      ),
    }));
    return time(() => {
      db.transaction(() => {
        for (const { p, records } of prepared) {
          const m = p.built.manifest;
          insertPackage.run(m.packageId, p.built.packageDigest, m.issuer.officeCode, m.period, m.sequence, m.signer.keyId, p.spec.name, sha256(p.file), p.built.manifestBytes, p.file);
          for (const r of records) insertRecord.run(m.packageId, r.dataset, r.id, r.json);
          insertSlot.run(m.issuer.officeCode, m.period, m.packageId, m.sequence, p.built.packageDigest, 'x');
        }
      })();
    });
  } finally {
    closeDatabase(db);
  }
}

function recordsOf(p: Sent): Record<string, Record<string, unknown>[]> {
  const entries = readZipStrict(p.built.bytes, bcpkgProfile());
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const e of entries) {
    if (!e.name.startsWith('data/')) continue;
    const doc = JSON.parse(e.data.toString('utf8')) as { dataset: string; records: Record<string, unknown>[] };
    out[doc.dataset] = doc.records;
  }
  return out;
}
