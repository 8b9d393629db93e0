/**
 * A province and several of its districts on real SQLite workspaces, for the province
 * view and receipt tests: every district enrolled, one trust list published by the
 * province (2-of-2 TEST roots) and installed everywhere. Districts send through
 * createExport and the province takes them in through receiveFiles + confirmStaged,
 * the way an operator would. TEST KEYS only.
 */
import path from 'node:path';
import type { ExportResult, ReceivedPackageInfo } from '../../shared/api/exchange-types';
import type { Edit } from '../../shared/api/register-types';
import { applyEdits } from '../../electron/services/edit-service';
import { createEnrollment } from '../../electron/services/exchange/enrollment-service';
import { createExport } from '../../electron/services/exchange/export-service';
import { generateKeys } from '../../electron/services/exchange/keys-service';
import { confirmStaged, receiveFiles } from '../../electron/services/exchange/receive-service';
import { ed25519PublicFromSeed, formatPublicKeyFile, generateEd25519Seed } from '../../electron/services/exchange/signify';
import { addOffice, importTrustFile, initAuthority, publishTrustList } from '../../electron/services/exchange/trust-service';
import type { Services } from '../../electron/services/index';
import { enterEveryCommune, openCopy, PASS } from './exchange-fixtures';

/** GSO_2004 units are valid up to 30/6/2025 (rule V11), so data goes into 2025-Q2. */
export const VIEW_PERIOD = '2025-Q2';

export type ProvinceWorld = { province: Services; districts: Services[]; roots: Buffer[]; trustFile: Buffer };

/**
 * Province 01 (with an encryption key) and its districts by GSO_2004 code, e.g. ['001', '002', '003'];
 * districts in `withEncryption` get an encryption key too (enrolled, so the trust list carries it).
 */
export function setUpProvince(template: string, dir: string, prefix: string, districtUnits: readonly string[], withEncryption: readonly string[] = []): ProvinceWorld {
  const province = openCopy(template, path.join(dir, `${prefix}-province.sqlite`), 'production', 'PROVINCE', '01');
  generateKeys(province.workspace, PASS, true);
  const districts = districtUnits.map((unit) => {
    const s = openCopy(template, path.join(dir, `${prefix}-district-${unit}.sqlite`), 'production', 'DISTRICT', unit);
    generateKeys(s.workspace, PASS, withEncryption.includes(unit));
    return s;
  });
  const roots = [generateEd25519Seed(), generateEd25519Seed()];
  initAuthority(
    province.workspace,
    roots.map((seed, i) => ({ fileName: `root${i}.pub`, text: formatPublicKeyFile('ROOT', ed25519PublicFromSeed(seed)) })),
    2,
  );
  for (const d of districts) addOffice(province.workspace, 'district.bckey', createEnrollment(d.workspace, PASS, '0.1.0').bytes);
  const { bytes } = publishTrustList(province.workspace, roots, '2099-12-31');
  for (const d of districts) importTrustFile(d.workspace, 'trust.bctrust', bytes, true);
  return { province, districts, roots, trustFile: bytes };
}

/** Commune figures as the grid would save them. */
export function setCommunes(s: Services, periodId: string, rows: Record<string, Record<string, string | number | boolean>>): void {
  const edits: Edit[] = Object.entries(rows).flatMap(([id, values]) =>
    Object.entries(values).map(([field, value]): Edit => ({ sheet: 'communeStatuses', op: 'set', id, field, value })),
  );
  const result = applyEdits(s.workspace, { periodId, cause: 'typing', mode: 'all', edits });
  if (result.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(result.rejected)}`);
}

/** One register row (hotspot or model site) created as the grid would. */
export function addRow(s: Services, periodId: string, sheet: 'hotspots' | 'modelSites', values: Record<string, string | number | boolean>): void {
  const result = applyEdits(s.workspace, { periodId, cause: 'typing', mode: 'all', edits: [{ sheet, op: 'create', values }] });
  if (result.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(result.rejected)}`);
}

/** The district completes the period (rule V16) and exports it; the province verifies, stages and confirms it. */
export function sendToProvince(district: Services, province: Services, periodId: string, includeHotspots = true): { sent: ExportResult; received: ReceivedPackageInfo } {
  enterEveryCommune(district, periodId);
  const sent = createExport(district.workspace, periodId, PASS, includeHotspots);
  const [staged] = receiveFiles(province.workspace, [{ fileName: sent.fileName, bytes: Buffer.from(sent.bytesBase64, 'base64') }], PASS);
  if (staged?.stagingId == null) throw new Error(`not staged: ${staged?.code} ${staged?.message}`);
  return { sent, received: confirmStaged(province.workspace, staged.stagingId, false) };
}
