/**
 * Set-up of the signed-exchange end-to-end test through the `pcmt` CLI, the way a
 * province's IT officer prepares it: a province workspace (Hà Nội, 01) that holds two
 * root keys and publishes trust lists, with its own signing and encryption keys, and a
 * district workspace (Ba Đình, 001) with a little data. What the district does itself
 * (keys, enrollment, installing the list, sending) is left to the UI under test.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../host';

const execFileAsync = promisify(execFile);
const CLI = path.join(repoRoot, 'electron', 'cli', 'pcmt.mjs');

/** The dvhcvn JSON of the pre-reform list: every district, including the island ones. */
export const UNITS_JSON = path.resolve(repoRoot, '../shared/data/dvhcvn-2025-03-01.json');

/** One passphrase for every key of the test (four words, so it passes the strength rule). */
export const PASSPHRASE = 'mật khẩu thử nghiệm dài 2025';

// scrypt at the production work factor (logN 18) costs ~0.8 s per key operation; the
// host processes started by startHost inherit this environment, so they use 2^12 too.
process.env['PCMT_KEY_WORK_FACTOR'] = '12';

/**
 * The period the district sends. Its list is GSO_2004 (province → district → commune),
 * which rule V11 accepts only for periods ending by 30/6/2025, so a later quarter could
 * never be sent from a district workspace without errors.
 */
export const PERIOD = '2025-Q2';

export type RootKey = { keyId: string; fingerprint: string };

export type ExchangeSetup = {
  dir: string;
  province: string;
  district: string;
  rootKeyFiles: string[];
  roots: RootKey[];
};

/** Runs `pcmt …` with the test passphrase; a failure carries the CLI's own sentence. */
export async function pcmt(args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync(process.execPath, [CLI, ...args], {
      cwd: repoRoot,
      env: { ...process.env, PCMT_PASSPHRASE: PASSPHRASE, PCMT_KEY_WORK_FACTOR: '12' },
      maxBuffer: 32 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const stderr = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`pcmt ${args.join(' ')} failed: ${stderr || String(error)}`, { cause: error });
  }
}

/** "Mã khóa: 3F2AFF1C228154F6 — dấu vân tay: 15147 77610 21776 57557 08343 66395" from root-keygen. */
function rootKeyOf(output: string): RootKey {
  const match = /Mã khóa: ([0-9A-F]{16}) — dấu vân tay: (\d{5}(?: \d{5}){5})/u.exec(output);
  if (match === null) throw new Error(`unexpected root-keygen output: ${output}`);
  return { keyId: match[1] ?? '', fingerprint: match[2] ?? '' };
}

/** Province with root keys (2 of 2), its keys (signing + encryption) and an authority; district with data for PERIOD. */
export async function createProvinceAndDistrict(): Promise<ExchangeSetup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-exchange-'));
  const province = path.join(dir, 'province.sqlite');
  const district = path.join(dir, 'district.sqlite');
  await Promise.all([
    pcmt(['init', '--workspace', province, '--units', UNITS_JSON, '--office', '01', '--scheme', 'GSO_2004']),
    pcmt(['init', '--workspace', district, '--units', UNITS_JSON, '--office', '001', '--scheme', 'GSO_2004']),
  ]);
  const rootKeyFiles = [path.join(dir, 'root1.key'), path.join(dir, 'root2.key')];
  const roots = await Promise.all(rootKeyFiles.map(async (file) => rootKeyOf(await pcmt(['trust', 'root-keygen', '--out', file]))));
  await pcmt(['keys', 'generate', '--workspace', province, '--encryption']);
  await pcmt(['trust', 'init', '--workspace', province, '--root-pub', ...rootKeyFiles.map((f) => f.replace(/\.key$/u, '.pub')), '--threshold', '2']);
  await seedDistrict(dir, district);
  return { dir, province, district, rootKeyFiles, roots };
}

type UnitsJson = { data: { level2s: { level2_id: string; level3s: { level3_id: string }[] }[] }[] };

/** The communes of a GSO_2004 district in UNITS_JSON, in the list's order. */
function communesOf(district: string): string[] {
  const units = JSON.parse(fs.readFileSync(UNITS_JSON, 'utf8')) as UnitsJson;
  const found = units.data.flatMap((p) => p.level2s).find((d) => d.level2_id === district);
  if (found === undefined) throw new Error(`no district ${district} in ${UNITS_JSON}`);
  return found.level3s.map((c) => c.level3_id);
}

/**
 * The statuses given, then a row with its resident population for every other commune of
 * the district: an office sends a period only once every commune has its figures (rule
 * V16, issue 12 item 5), as a district that entered its whole quarter would.
 */
export function withEveryCommune<T extends { code: string }>(district: string, statuses: readonly T[]): (T | (Partial<T> & { code: string; resident_population: number }))[] {
  const typed = new Set(statuses.map((s) => s.code));
  const rest = communesOf(district)
    .filter((code) => !typed.has(code))
    .map((code, i) => ({ code, resident_population: 9_000 + 250 * i }) as Partial<T> & { code: string; resident_population: number });
  return [...statuses, ...rest];
}

/** Article 6 conditions entered as 0: a commune declared drug-free must have them all (issue 12 item 1, rule V5). */
export const ARTICLE_6_ZEROS = { residents_violating_drug_law: 0, wanted_drug_fugitives_hiding: 0, harboring_points: 0, plants_destroyed_count: 0, plants_destroyed_area_m2: 0 };

/** What the district entered for PERIOD, as `pcmt dump --json` writes it (and `pcmt load` reads it). */
export const DISTRICT_DATA = {
  period: PERIOD,
  statuses: withEveryCommune('001', [
    { code: '00001', declared_class: 'CO_MA_TUY', resident_population: 23456, addicts_with_records: 3, users_with_records: 5, commitment_signed: true },
    { code: '00004', declared_class: 'KHONG_MA_TUY', resident_population: 9870, addicts_with_records: 0, users_with_records: 0, ...ARTICLE_6_ZEROS },
    { code: '00006', declared_class: 'CO_MA_TUY', resident_population: 15230, addicts_with_records: 2, users_with_records: 1 },
  ]),
  hotspots: [
    {
      id: 'hs-e2e-1',
      commune_code: '00001',
      address: 'Bãi đất trống ven đê, ngõ 55 phố Phúc Xá',
      category: 'DIEM',
      persons_involved: 4,
      status: 'DANG_HOAT_DONG',
      discovered_date: '2025-05-15',
    },
  ],
  modelSites: [
    { id: 'ms-e2e-1', name: 'CLB sau cai nghiện phường Trúc Bạch', host_unit_code: '00004', model_type: 'CLB_SAU_CAI', status: 'DANG_HOAT_DONG', establishment_date: '2024-03-01' },
  ],
};

async function seedDistrict(dir: string, district: string): Promise<void> {
  const file = path.join(dir, 'district-data.json');
  fs.writeFileSync(file, JSON.stringify(DISTRICT_DATA));
  await pcmt(['load', file, '--workspace', district]);
  // No errors, or the export would be blocked (warnings are allowed).
  await pcmt(['check', '--workspace', district, '--period', PERIOD]);
}

/** The province takes the district's enrollment file and signs a new trust list with both root keys. */
export async function enrollAndPublish(setup: ExchangeSetup, bckey: string): Promise<string> {
  await pcmt(['trust', 'add-office', bckey, '--workspace', setup.province]);
  const out = path.join(setup.dir, 'hanoi.bctrust');
  const expires = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await pcmt(['trust', 'publish', '--workspace', setup.province, '--root-key', ...setup.rootKeyFiles, '--expires', expires, '--out', out]);
  return out;
}

/** A copy of the file with one byte flipped half-way: damage in transit, or tampering. */
export function tamperedCopy(file: string, out: string): string {
  const bytes = fs.readFileSync(file);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
  fs.writeFileSync(out, bytes);
  return out;
}
