/**
 * Set-up of the consolidation end-to-end test through the `pcmt` CLI: a province (Hà
 * Nội, 01) with root keys, its own keys and an authority; four districts (Ba Đình 001,
 * Hoàn Kiếm 002, Tây Hồ 003, Long Biên 004) enrolled, each with keys and the published
 * trust list installed. 001, 002 and 004 send 2025-Q2; 001 then corrects one figure and
 * sends again (sequence 2, superseding 1); 003 sends nothing. Receiving, confirming, the province
 * view and the receipts are left to the UI under test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTICLE_6_ZEROS, PERIOD, UNITS_JSON, pcmt, withEveryCommune } from './exchange-setup';

export { PASSPHRASE, PERIOD, pcmt } from './exchange-setup';

export type District = { code: string; name: string; workspace: string };

export type ConsolidationSetup = {
  dir: string;
  province: string;
  districts: { d001: District; d002: District; d003: District; d004: District };
  /** The packages as the districts e-mailed them, in the order they were sent. */
  packages: { first001: string; first002: string; first004: string; correction001: string };
};

/** Ba Đình's quarter. Phúc Xá's registered addicts are corrected from 3 to 7 in the second package. */
export const DATA_001 = {
  period: PERIOD,
  statuses: withEveryCommune('001', [
    { code: '00001', declared_class: 'CO_MA_TUY', resident_population: 23456, addicts_with_records: 3, users_with_records: 5, commitment_signed: true },
    { code: '00004', declared_class: 'KHONG_MA_TUY', resident_population: 9870, addicts_with_records: 0, users_with_records: 0, ...ARTICLE_6_ZEROS },
  ]),
  hotspots: [
    {
      id: 'hs-001-1',
      commune_code: '00001',
      address: 'Bãi đất trống ven đê, ngõ 55 phố Phúc Xá',
      category: 'DIEM',
      persons_involved: 4,
      status: 'DANG_HOAT_DONG',
      discovered_date: '2025-05-15',
    },
  ],
  modelSites: [
    { id: 'ms-001-1', name: 'CLB sau cai nghiện phường Trúc Bạch', host_unit_code: '00004', model_type: 'CLB_SAU_CAI', status: 'DANG_HOAT_DONG', establishment_date: '2024-03-01' },
  ],
};

export const CORRECTED_ADDICTS = 7;

/** Hoàn Kiếm's quarter. */
export const DATA_002 = {
  period: PERIOD,
  statuses: withEveryCommune('002', [
    { code: '00037', declared_class: 'CO_MA_TUY', resident_population: 8120, addicts_with_records: 6, users_with_records: 2 },
    { code: '00040', declared_class: 'KHONG_MA_TUY', resident_population: 11200, addicts_with_records: 0, users_with_records: 0, ...ARTICLE_6_ZEROS },
  ]),
  hotspots: [
    {
      id: 'hs-002-1',
      commune_code: '00037',
      address: 'Gầm cầu Chương Dương, bãi giữa sông Hồng',
      category: 'TU_DIEM',
      persons_involved: 9,
      status: 'DANG_HOAT_DONG',
      discovered_date: '2025-04-20',
    },
  ],
  modelSites: [],
};

/** Long Biên's quarter: one ward with figures (the others with their population), no hotspot, no model site. */
export const DATA_004 = {
  period: PERIOD,
  statuses: withEveryCommune('004', [{ code: '00115', declared_class: 'CO_MA_TUY', resident_population: 15000, addicts_with_records: 2, users_with_records: 1 }]),
  hotspots: [],
  modelSites: [],
};

async function initWithKeys(workspace: string, office: string): Promise<string> {
  await pcmt(['init', '--workspace', workspace, '--units', UNITS_JSON, '--office', office, '--scheme', 'GSO_2004']);
  await pcmt(['keys', 'generate', '--workspace', workspace, '--encryption']);
  const bckey = workspace.replace(/\.sqlite$/u, '.bckey');
  await pcmt(['keys', 'enrollment', '--workspace', workspace, '--out', bckey]);
  return bckey;
}

async function load(dir: string, workspace: string, name: string, data: object): Promise<void> {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(data));
  await pcmt(['load', file, '--workspace', workspace]);
  // No errors, or the export would be blocked (warnings are allowed).
  await pcmt(['check', '--workspace', workspace, '--period', PERIOD]);
}

async function send(dir: string, workspace: string, name: string): Promise<string> {
  const out = path.join(dir, 'mail', `${name}.bcpkg`);
  await pcmt(['export', '--workspace', workspace, '--period', PERIOD, '--out', out]);
  return out;
}

export async function createConsolidation(): Promise<ConsolidationSetup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-consolidation-'));
  fs.mkdirSync(path.join(dir, 'mail'));
  const province = path.join(dir, 'province.sqlite');
  const districts = {
    d001: { code: '001', name: 'Quận Ba Đình', workspace: path.join(dir, 'd001.sqlite') },
    d002: { code: '002', name: 'Quận Hoàn Kiếm', workspace: path.join(dir, 'd002.sqlite') },
    d003: { code: '003', name: 'Quận Tây Hồ', workspace: path.join(dir, 'd003.sqlite') },
    d004: { code: '004', name: 'Quận Long Biên', workspace: path.join(dir, 'd004.sqlite') },
  };
  const rootKeyFiles = [path.join(dir, 'root1.key'), path.join(dir, 'root2.key')];
  await pcmt(['init', '--workspace', province, '--units', UNITS_JSON, '--office', '01', '--scheme', 'GSO_2004']);
  const [bckeys] = await Promise.all([
    Promise.all(Object.values(districts).map((d) => initWithKeys(d.workspace, d.code))),
    pcmt(['keys', 'generate', '--workspace', province, '--encryption']),
    ...rootKeyFiles.map((file) => pcmt(['trust', 'root-keygen', '--out', file])),
  ]);
  await pcmt(['trust', 'init', '--workspace', province, '--root-pub', ...rootKeyFiles.map((f) => f.replace(/\.key$/u, '.pub')), '--threshold', '2']);
  for (const bckey of bckeys) await pcmt(['trust', 'add-office', bckey, '--workspace', province]);
  const trustFile = path.join(dir, 'hanoi.bctrust');
  const expires = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await pcmt(['trust', 'publish', '--workspace', province, '--root-key', ...rootKeyFiles, '--expires', expires, '--out', trustFile]);
  await Promise.all(Object.values(districts).map((d) => pcmt(['trust', 'import', trustFile, '--workspace', d.workspace, '--bootstrap'])));

  await Promise.all([
    load(dir, districts.d001.workspace, 'data-001', DATA_001),
    load(dir, districts.d002.workspace, 'data-002', DATA_002),
    load(dir, districts.d004.workspace, 'data-004', DATA_004),
  ]);
  const first001 = await send(dir, districts.d001.workspace, 'ba-dinh-q2-lan-1');
  const first002 = await send(dir, districts.d002.workspace, 'hoan-kiem-q2');
  const first004 = await send(dir, districts.d004.workspace, 'long-bien-q2');
  const corrected = { ...DATA_001, statuses: DATA_001.statuses.map((s) => (s.code === '00001' ? { ...s, addicts_with_records: CORRECTED_ADDICTS } : s)) };
  // Sending locked the quarter: the correction starts with an unlock, whose reason goes into the history.
  await pcmt(['periods', 'unlock', '--workspace', districts.d001.workspace, '--period', PERIOD, '--reason', 'Sửa số người nghiện có hồ sơ của phường Phúc Xá']);
  await load(dir, districts.d001.workspace, 'data-001-corrected', corrected);
  const correction001 = await send(dir, districts.d001.workspace, 'ba-dinh-q2-lan-2');
  return { dir, province, districts, packages: { first001, first002, first004, correction001 } };
}
