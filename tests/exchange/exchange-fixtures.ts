/**
 * Real SQLite workspaces for the exchange service tests, made through the services
 * (never mocked): the unit list is imported once into a template file that each test
 * copies, then offices, keys, root keys, enrollments and trust lists are set up the
 * way an operator would. TEST KEYS only; scrypt work factor 2^12 (PCMT_KEY_WORK_FACTOR).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setSetting } from '../../db/queries/settings';
import type { ExchangeEnvironment } from '../../shared/api/exchange-types';
import type { Edit } from '../../shared/api/register-types';
import { createEnrollment } from '../../electron/services/exchange/enrollment-service';
import { generateKeys } from '../../electron/services/exchange/keys-service';
import { ed25519PublicFromSeed, formatPublicKeyFile, generateEd25519Seed } from '../../electron/services/exchange/signify';
import { addOffice, importTrustFile, initAuthority, publishTrustList } from '../../electron/services/exchange/trust-service';
import { listCommuneRows } from '../../electron/services/commune-status-service';
import { applyEdits } from '../../electron/services/edit-service';
import { openServices, type Services } from '../../electron/services/index';
import { setOffice } from '../../electron/services/office-service';
import { importUnitJson } from '../../electron/services/units-service';

export const UNITS_FILE = fileURLToPath(new URL('../../../shared/data/dvhcvn-2025-03-01.json', import.meta.url));
export const PASS = 'mật khẩu thử nghiệm dài 2025';
export const PERIOD = '2025-Q3';
/** Communes of Quận Ba Đình (GSO_2004 district 001). */
export const BA_DINH = ['00001', '00004', '00006'];

process.env.PCMT_KEY_WORK_FACTOR = '12';

/** A workspace file with the national unit list imported; copied for every workspace. */
export function unitsTemplate(dir: string): string {
  const file = path.join(dir, 'units-template.sqlite');
  const s = openServices({ workspacePath: file, hostKind: 'cli' });
  try {
    importUnitJson(s.workspace, fs.readFileSync(UNITS_FILE), 'dvhcvn-2025-03-01.json');
  } finally {
    s.close();
  }
  return file;
}

export function openCopy(template: string, file: string, environment: ExchangeEnvironment, level: 'PROVINCE' | 'DISTRICT', code: string): Services {
  fs.copyFileSync(template, file);
  const s = openServices({ workspacePath: file, hostKind: 'cli' });
  if (environment === 'training') setSetting(s.workspace.db, 'exchange_environment', 'training');
  setOffice(s.workspace, 'GSO_2004', level, code);
  return s;
}

export type Pair = { province: Services; district: Services; roots: Buffer[]; trustFile: Buffer };

/**
 * A province (with an encryption key, the trust authority: 2-of-2 roots) and one of its
 * districts (Ba Đình), enrolled, with the published list installed on both.
 */
export function setUpPair(template: string, dir: string, environment: ExchangeEnvironment, prefix: string): Pair {
  const province = openCopy(template, path.join(dir, `${prefix}-province.sqlite`), environment, 'PROVINCE', '01');
  const district = openCopy(template, path.join(dir, `${prefix}-district.sqlite`), environment, 'DISTRICT', '001');
  generateKeys(province.workspace, PASS, true);
  generateKeys(district.workspace, PASS, false);
  const roots = [generateEd25519Seed(), generateEd25519Seed()];
  initAuthority(
    province.workspace,
    roots.map((seed, i) => ({ fileName: `root${i}.pub`, text: formatPublicKeyFile('ROOT', ed25519PublicFromSeed(seed)) })),
    2,
  );
  addOffice(province.workspace, 'district.bckey', createEnrollment(district.workspace, PASS, '0.1.0').bytes);
  const { bytes } = publishTrustList(province.workspace, roots, '2099-12-31');
  importTrustFile(district.workspace, 'trust.bctrust', bytes, true);
  return { province, district, roots, trustFile: bytes };
}

/** A few figures for the period, a hotspot and a model site, entered as the grid does. */
export function seedDistrict(s: Services, periodId = PERIOD, note = 'Ghi chú'): void {
  const [a = '', b = '', c = ''] = BA_DINH;
  const edits: Edit[] = [
    { sheet: 'communeStatuses', op: 'set', id: a, field: 'resident_population', value: 12000 },
    { sheet: 'communeStatuses', op: 'set', id: a, field: 'note', value: note },
    { sheet: 'communeStatuses', op: 'set', id: b, field: 'resident_population', value: 8500 },
    { sheet: 'communeStatuses', op: 'set', id: b, field: 'commitment_signed', value: true },
    {
      sheet: 'hotspots',
      op: 'create',
      values: { commune_code: c, category: 'DIEM', persons_involved: 2, discovered_date: '2024-05-01', status: 'DANG_HOAT_DONG', address: 'Ngõ 12, tổ 3' },
    },
    { sheet: 'modelSites', op: 'create', values: { name: 'Khu dân cư không ma túy', host_unit_code: b } },
  ];
  const result = applyEdits(s.workspace, { periodId, cause: 'typing', mode: 'all', edits });
  if (result.rejected.length > 0) throw new Error(`seed rejected: ${JSON.stringify(result.rejected)}`);
  enterEveryCommune(s, periodId);
}

/**
 * A district sends a period only once every commune has its figures (rule V16, issue 12
 * item 5): the communes a test did not fill get their resident population, as an office
 * that has entered its whole district would have.
 */
export function enterEveryCommune(s: Services, periodId: string): void {
  const edits: Edit[] = listCommuneRows(s.workspace, periodId)
    .filter((row) => row.rowVersion === 0)
    .map((row, i) => ({ sheet: 'communeStatuses', op: 'set', id: row.code, field: 'resident_population', value: 9_000 + 250 * i }));
  if (edits.length === 0) return;
  const result = applyEdits(s.workspace, { periodId, cause: 'typing', mode: 'all', edits });
  if (result.rejected.length > 0) throw new Error(`seed rejected: ${JSON.stringify(result.rejected)}`);
}
