/**
 * Issue 10, items 11 and 14, on a copy of the corpus verifier (training province ZZ-T01,
 * GSO_2004 unit 01) with Hà Giang's units added: a trust list certifies only offices
 * whose units the installed hierarchy puts under its authority (§3.5), whatever `parent`
 * it claims; a dissolved office's key signs nothing new (§3.10, §5.1 step 21); results
 * name the issuer as the trust list does, never as the manifest does.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTrustList, installTrustList } from '../../db/queries/exchange';
import { AppError } from '../../shared/errors';
import { exchangeMessage } from '../../shared/i18n/exchange-messages';
import { trustListJson, writeTrustFile, type TrustList } from '../../electron/services/exchange/trust-list';
import { canonicalBytes } from '../../electron/services/exchange/canonical-json';
import { importTrustFile } from '../../electron/services/exchange/trust-service';
import { verifyFiles } from '../../electron/services/exchange/verify-service';
import { openServices, type Services } from '../../electron/services/index';
import { communeRecords, corpusTrustList, ISSUER_OFFICE, keyIdOfLabel, publicKeyOf, testSecret, VERIFIER_OFFICE } from '../vectors/corpus-keys';
import { build } from '../vectors/corpus-packages';

const V1 = fileURLToPath(new URL('../vectors/v1/', import.meta.url));
const HA_GIANG_OFFICE = 'ZZ-T01-D024';
const LIST_NAME = 'Ban Chỉ đạo Quận Ba Đình (tên trong danh sách tin cậy)';
let dir = '';
let services: Services;

function corpusList(version: number): TrustList {
  const digest = createHash('sha256').update(fs.readFileSync(path.join(V1, 'units.json'))).digest('hex');
  return { ...corpusTrustList(digest), version };
}

/** The corpus list plus an office bound to Hà Giang's Thành phố Hà Giang (GSO_2004 district 024), key `unknown`. */
function withHaGiang(version: number, parent: string, unit = '024'): TrustList {
  const list = corpusList(version);
  const template = list.offices.find((o) => o.officeCode === 'ZZ-T01-D002');
  if (template === undefined) throw new Error('no D002 in the corpus list');
  const key = { ...template.signingKeys[0], keyId: keyIdOfLabel('unknown'), publicKey: publicKeyOf('unknown').toString('base64') } as TrustList['offices'][number]['signingKeys'][number];
  list.offices.push({ ...template, officeCode: HA_GIANG_OFFICE, officeName: 'Ban Chỉ đạo Thành phố Hà Giang', parent, adminUnit: { scheme: 'GSO_2004', code: unit }, signingKeys: [key] });
  return list;
}

/** The refusal sentence of importing `list` (signed by both corpus roots), or 'installed'. */
function importResult(list: TrustList): string {
  try {
    importTrustFile(services.workspace, 'list.bctrust', writeTrustFile(list, [testSecret('root-a'), testSecret('root-b')]), false);
    return 'installed';
  } catch (error) {
    if (error instanceof AppError && typeof error.params.reason === 'string') return error.params.reason;
    throw error;
  }
}

/** What an installation from before the unit check holds: the list in the database without import's checks. */
function installDirectly(list: TrustList): void {
  installTrustList(services.workspace.db, {
    authority: list.authority.officeCode,
    version: list.version,
    environment: list.environment,
    expires_at: list.expiresAt,
    list_json: canonicalBytes(trustListJson(list)),
    file_bytes: Buffer.alloc(0),
    installed_at: '2025-10-01T00:00:00Z',
  });
}

function verify(name: string, bytes: Buffer): ReturnType<typeof verifyFiles>[number] {
  const [result] = verifyFiles(services.workspace, [{ fileName: name, bytes }], null);
  if (result === undefined) throw new Error('no result');
  return result;
}

const SCOPE = (office: string): string => exchangeMessage('vi', 'E_TRUSTLIST_SCOPE', { office });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-scope-'));
  const file = path.join(dir, 'verifier.sqlite');
  fs.copyFileSync(path.join(V1, 'verifier.sqlite'), file);
  services = openServices({ workspacePath: file, hostKind: 'cli', isCreateAllowed: false });
  // Another province in the installed hierarchy: Hà Giang (02), Thành phố Hà Giang (024), Phường Quang Trung (00688).
  const insert = services.workspace.db.prepare(
    `INSERT INTO admin_units (scheme, level, code, name, search_name, unit_type, parent_level, parent_code) VALUES ('GSO_2004', ?, ?, ?, ?, ?, ?, ?)`,
  );
  insert.run('PROVINCE', '02', 'Tỉnh Hà Giang', 'tinh ha giang', 'Tỉnh', null, null);
  insert.run('DISTRICT', '024', 'Thành phố Hà Giang', 'thanh pho ha giang', 'Thành phố', 'PROVINCE', '02');
  insert.run('COMMUNE', '00688', 'Phường Quang Trung', 'phuong quang trung', 'Phường', 'DISTRICT', '024');
});
afterAll(() => {
  services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('trust-list scope by the unit hierarchy (§3.5, issue 10 item 11)', () => {
  it('refuses a list that binds an office to another province’s unit, whatever parent it claims; installs nothing', () => {
    expect(importResult(withHaGiang(2, VERIFIER_OFFICE))).toBe(SCOPE(HA_GIANG_OFFICE));
    expect(importResult(withHaGiang(2, ISSUER_OFFICE))).toBe(SCOPE(HA_GIANG_OFFICE));
    // A district bound to the province's own unit would certify the whole province.
    expect(importResult(withHaGiang(2, VERIFIER_OFFICE, '01'))).toBe(SCOPE(HA_GIANG_OFFICE));
    expect(currentTrustList(services.workspace.db)?.version).toBe(1);
  });

  it('refuses an entry whose unit is not under the parent it claims, and an authority that claims another province', () => {
    const sideways = corpusList(2);
    const ward = sideways.offices.find((o) => o.officeCode === 'ZZ-T01-X00001');
    if (ward === undefined) throw new Error('no ward');
    ward.parent = 'ZZ-T01-D002'; // Phúc Xá (00001) lies in Ba Đình (001), not in Hoàn Kiếm (002)
    expect(importResult(sideways)).toBe(SCOPE('ZZ-T01-X00001'));
    const elsewhere = withHaGiang(2, VERIFIER_OFFICE);
    const authority = elsewhere.offices.find((o) => o.officeCode === VERIFIER_OFFICE);
    if (authority === undefined) throw new Error('no authority entry');
    authority.adminUnit = { scheme: 'GSO_2004', code: '02' }; // this office (01) is then outside its own authority
    expect(importResult(elsewhere)).toBe(SCOPE(VERIFIER_OFFICE));
    expect(currentTrustList(services.workspace.db)?.version).toBe(1);
  });

  it('still installs a list whose every office lies in the authority’s subtree', () => {
    expect(importResult(corpusList(2))).toBe('installed');
  });

  it('a list installed before the check cannot let that office report Hà Giang communes (E_PAYLOAD_OUT_OF_JURISDICTION)', () => {
    installDirectly(withHaGiang(3, VERIFIER_OFFICE));
    const pkg = build('ha_giang_communes', 'unknown', {
      issuer: { level: 'district', officeCode: HA_GIANG_OFFICE, officeName: 'Ban Chỉ đạo Thành phố Hà Giang' },
      datasets: { commune_status: communeRecords().slice(0, 1).map((r) => ({ ...r, commune: '00688' })) },
    });
    expect(verify('ha-giang.bcpkg', pkg.bytes).code).toBe('E_PAYLOAD_OUT_OF_JURISDICTION');
    installDirectly(corpusList(4));
  });
});

describe('dissolved offices and the issuer’s name (§3.10, §5.4, issue 10 item 14)', () => {
  function dissolvedList(version: number): TrustList {
    const list = corpusList(version);
    for (const o of list.offices) if (o.officeCode === ISSUER_OFFICE) Object.assign(o, { status: 'dissolved', officeName: LIST_NAME });
    return list;
  }

  it('a new package under a dissolved office’s active key → E_KEY_RETIRED; its archive (sequence ≤ lastValidSequence) still verifies', () => {
    const fresh = fs.readFileSync(path.join(V1, 'valid_plain_no_sensitive.bcpkg'));
    const archived = fs.readFileSync(path.join(V1, 'valid_retired_key_old_sequence.bcpkg'));
    expect(verify('fresh.bcpkg', fresh).code).toBe('OK_STAGED');
    expect(importResult(dissolvedList(5))).toBe('installed');
    const refused = verify('fresh.bcpkg', fresh);
    expect(refused.code).toBe('E_KEY_RETIRED');
    expect(refused.message).toBe(exchangeMessage('vi', 'E_KEY_RETIRED'));
    expect(verify('archived.bcpkg', archived).code).toBe('OK_STAGED');
  });

  it('results name the issuer as the trust list does, not as the manifest does', () => {
    const archived = verify('archived.bcpkg', fs.readFileSync(path.join(V1, 'valid_retired_key_old_sequence.bcpkg')));
    expect(archived.issuer).toBe(ISSUER_OFFICE);
    expect(archived.issuerName).toBe(LIST_NAME);
    installDirectly({ ...corpusList(6), offices: corpusList(6).offices.map((o) => (o.officeCode === ISSUER_OFFICE ? { ...o, officeName: LIST_NAME } : o)) });
    const fresh = verify('fresh.bcpkg', fs.readFileSync(path.join(V1, 'valid_plain_no_sensitive.bcpkg')));
    expect(fresh.code).toBe('OK_STAGED');
    expect(fresh.issuerName).toBe(LIST_NAME);
  });
});
