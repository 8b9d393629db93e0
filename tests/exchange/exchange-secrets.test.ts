/**
 * "The seed never crosses into the renderer process" (exchange-format.md §3.3, style.md
 * B8): every method of the API contract is called through the real dispatch with the
 * handlers the hosts use, on workspaces whose keys exist, and no output — data or
 * error — contains any form of a signing seed, an X25519 secret or a secret key file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysOfKind } from '../../db/queries/exchange';
import { METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { identityString } from '../../electron/services/exchange/age/x25519';
import { openSecret } from '../../electron/services/exchange/secret-files';
import type { Services } from '../../electron/services/index';
import { UNITS_JSON } from '../vectors/corpus-keys';
import { PASS, seedDistrict, setUpPair, unitsTemplate, type Pair } from './exchange-fixtures';

const P = '2025-Q2';
let dir = '';
let pair: Pair;
const outputs: { side: string; method: string; json: string }[] = [];
const called = new Set<string>();

/** By name, as a transport does: a method this build lacks answers UNKNOWN_METHOD and is not counted. */
async function call(s: Services, side: string, method: MethodName | 'exports.file', input: unknown): Promise<unknown> {
  const result = await dispatch(s.handlers, method, input, { language: () => s.language(), onInternalError: () => undefined });
  if (result.ok || result.error.code !== 'UNKNOWN_METHOD') called.add(method);
  outputs.push({ side, method, json: JSON.stringify(result) });
  return result;
}

function fileOf(fileName: string, bytes: Buffer): { fileName: string; bytesBase64: string } {
  return { fileName, bytesBase64: bytes.toString('base64') };
}

/** Inputs for every method that reads or writes the workspace's own data. */
function plainInputs(periodId: string): [MethodName, unknown][] {
  return [
    ['app.info', {}],
    ['settings.setLanguage', { language: 'vi' }],
    ['units.import', { fileName: 'units.json', contentBase64: Buffer.from(JSON.stringify(UNITS_JSON)).toString('base64') }],
    ['units.schemes', {}],
    ['units.bundled', {}],
    ['units.importBundled', { scheme: 'GSO_2004' }],
    ['units.children', { scheme: 'GSO_2004', parentLevel: 'PROVINCE', parentCode: '01' }],
    ['office.get', {}],
    ['communes.list', { periodId }],
    ['communeStatus.update', { periodId: '2024-Q4', changes: [{ communeCode: '00001', field: 'resident_population', value: 900 }] }],
    ['edits.apply', { periodId: '2024-Q4', cause: 'typing', mode: 'all', edits: [{ sheet: 'communeStatuses', op: 'set', id: '00004', field: 'resident_population', value: 700 }] }],
    ['hotspots.list', { periodId, isRemovedIncluded: true }],
    ['modelSites.list', { periodId, isRemovedIncluded: true }],
    ['units.underOffice', {}],
    ['history.list', { table: null, recordId: null, periodId: null, cause: null, search: null, limit: 100, offset: 0 }],
    ['periods.list', {}],
    ['periods.lock', { periodId: '2024-Q4' }],
    ['periods.unlock', { periodId: '2024-Q4', reason: 'Sửa số liệu sau khi kiểm tra' }],
    ['periods.copyForward', { periodId: '2024-Q3', fromPeriodId: '2024-Q4' }],
    ['settings.setClassificationReading', { reading: 'cumulative' }],
    ['settings.setUserName', { userName: 'Nguyễn Thị Lan' }],
    ['sheets.getLayout', { sheet: 'communeStatuses' }],
    ['sheets.saveLayout', { sheet: 'communeStatuses', columns: [{ colId: 'note', width: 200, isHidden: false }] }],
    ['problems.list', { periodId }],
    ['exports.readiness', { periodId }],
    ['indicators.list', { periodId, setId: null }],
  ];
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-secrets-'));
  pair = setUpPair(unitsTemplate(dir), dir, 'production', 'secrets');
  seedDistrict(pair.district, P);
  const { district, province } = pair;
  for (const [side, s] of [['district', district], ['province', province]] as const) {
    for (const [method, input] of plainInputs(P)) await call(s, side, method, input);
    await call(s, side, 'keys.status', {});
    await call(s, side, 'trust.status', {});
    await call(s, side, 'trust.inspect', { file: fileOf('t.bctrust', pair.trustFile) });
    await call(s, side, 'trust.import', { file: fileOf('t.bctrust', pair.trustFile), isBootstrap: false });
    await call(s, side, 'keys.enrollment', { passphrase: PASS });
    await call(s, side, 'exports.list', {});
    // Excel out and back in (issue 11): the exported hotspot sheet is the file the import reads.
    await call(s, side, 'sheets.template', { sheet: 'modelSites' });
    const sheet = (await call(s, side, 'sheets.exportXlsx', { sheet: 'hotspots', periodId: P, columns: null, rowIds: null })) as { ok: boolean; data: { fileName: string; bytesBase64: string } };
    expect(sheet.ok).toBe(true);
    const file = { fileName: sheet.data.fileName, bytesBase64: sheet.data.bytesBase64 };
    const request = { sheet: 'hotspots', periodId: P, file, sheetName: null, headerRow: null, mapping: null, keyFields: null };
    await call(s, side, 'imports.analyze', request);
    await call(s, side, 'imports.apply', request);
    await call(s, side, 'imports.progress', { requestId: 'no-such-import' });
    await call(s, side, 'imports.cancel', { requestId: 'no-such-import' });
    // The period report (issue 15), with the hotspot addresses: its settings saved back as read.
    const report = (await call(s, side, 'report.get', { periodId: P, isHotspotListIncluded: true })) as { ok: boolean; data: { settings: unknown } };
    if (report.ok) await call(s, side, 'report.saveSettings', { periodId: P, isHotspotListIncluded: true, settings: report.data.settings });
    await call(s, side, 'report.file', { periodId: P, format: 'docx', isHotspotListIncluded: true });
    // Backups: the list (times, sizes, office names) and a restore refused by name.
    await call(s, side, 'backups.list', {});
    await call(s, side, 'backups.restore', { name: 'not-listed.bak' });
  }
  // The district adds its encryption key: a new secret created and sealed inside the call.
  await call(district, 'district', 'keys.generate', { passphrase: PASS, withEncryption: true });
  await call(province, 'province', 'keys.generate', { passphrase: PASS, withEncryption: true });
  await call(district, 'district', 'exports.summary', { periodId: P, includeHotspots: true });
  const exported = (await call(district, 'district', 'exports.create', { periodId: P, passphrase: PASS, includeHotspots: true })) as {
    ok: boolean;
    data: { bytesBase64: string; fileName: string; packageId: string };
  };
  expect(exported.ok).toBe(true);
  await call(district, 'district', 'exports.file', { packageId: exported.data.packageId });
  await call(district, 'district', 'exports.create', { periodId: P, passphrase: 'sai mật khẩu rồi nhé 1', includeHotspots: true });
  await call(district, 'district', 'exports.list', {});
  await call(province, 'province', 'packages.verify', { files: [{ fileName: exported.data.fileName, bytesBase64: exported.data.bytesBase64 }], passphrase: PASS });
  await call(province, 'province', 'packages.verify', { files: [{ fileName: 'x.bcpkg', bytesBase64: exported.data.bytesBase64 }], passphrase: 'sai mật khẩu rồi nhé 1' });
  await call(district, 'district', 'office.set', { scheme: 'GSO_2004', level: 'DISTRICT', code: '001' });
  // Receiving, the province view and receipts (issue 6): the receipt is signed with the province's seed.
  const files = [{ fileName: exported.data.fileName, bytesBase64: exported.data.bytesBase64 }];
  const staged = (await call(province, 'province', 'packages.receive', { files, passphrase: PASS })) as { ok: boolean; data: { stagingId: string | null }[] };
  await call(province, 'province', 'packages.confirm', { stagingId: staged.data[0]?.stagingId, isSupervisorConfirmed: false });
  await call(province, 'province', 'packages.reject', { stagingId: '00000000-0000-4000-8000-000000000000', reason: 'Không còn chờ' });
  for (const method of ['packages.received', 'importLog.list', 'importLog.verify', 'app.acknowledgeRestore'] as const) await call(province, 'province', method, {});
  await call(province, 'province', 'consolidated.list', { periodId: P });
  await call(province, 'province', 'consolidated.notReported', { periodId: P });
  await call(province, 'province', 'consolidated.indicators', { periodId: P, setId: null });
  const receipt = (await call(province, 'province', 'receipts.create', { packageId: exported.data.packageId, passphrase: PASS })) as { data: unknown };
  await call(district, 'district', 'receipts.import', { file: receipt.data, passphrase: PASS });
}, 60_000);
afterAll(() => {
  pair.province.close();
  pair.district.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every textual form a secret could take on its way to the page. */
function forms(secret: Buffer): string[] {
  return [secret.toString('base64'), secret.toString('base64url'), secret.toString('hex'), secret.toString('hex').toUpperCase()];
}

function secretsOf(s: Services): { label: string; forms: string[] }[] {
  const found: { label: string; forms: string[] }[] = [];
  for (const key of keysOfKind(s.workspace.db, 'signing')) {
    if (key.secret_file === null) continue;
    const { secret } = openSecret('bcpkg.secret-key', key.secret_file, PASS);
    found.push({ label: `signing seed ${key.key_id}`, forms: forms(secret) });
    found.push({ label: `signing key file ${key.key_id}`, forms: [key.secret_file.toString('base64')] });
  }
  for (const key of keysOfKind(s.workspace.db, 'encryption')) {
    if (key.secret_file === null) continue;
    const { secret } = openSecret('bcpkg.encryption-key', key.secret_file, PASS);
    found.push({ label: `X25519 secret ${key.key_id}`, forms: [...forms(secret), identityString(secret)] });
    found.push({ label: `encryption key file ${key.key_id}`, forms: [key.secret_file.toString('base64')] });
  }
  return found;
}

describe('no secret reaches the renderer through the API', () => {
  it('every contract method was called through dispatch', () => {
    expect(METHOD_NAMES.filter((m) => !called.has(m))).toEqual([]);
    // The exchange methods by name (tests/architecture/contract.test.ts looks for these literals).
    const exchangeMethods = ['keys.status', 'keys.generate', 'keys.enrollment', 'trust.status', 'trust.inspect', 'trust.import', 'exports.summary', 'exports.create', 'exports.list', 'packages.verify'];
    for (const method of exchangeMethods) expect(called.has(method)).toBe(true);
    expect(outputs.filter((o) => o.json.includes('"code":"INTERNAL"'))).toEqual([]);
  });

  it('both offices hold signing and encryption keys, so there is something to leak', () => {
    for (const s of [pair.district, pair.province]) {
      expect(secretsOf(s).map((x) => x.label.split(' ')[0])).toEqual(['signing', 'signing', 'X25519', 'encryption']);
    }
  });

  it('no output contains a seed, an X25519 secret (base64, base64url, hex), AGE-SECRET-KEY-1 or a key file', () => {
    const secrets = [...secretsOf(pair.district), ...secretsOf(pair.province)];
    const leaks: string[] = [];
    for (const output of outputs) {
      if (output.json.includes('AGE-SECRET-KEY-1')) leaks.push(`${output.side} ${output.method}: AGE-SECRET-KEY-1`);
      for (const secret of secrets) {
        for (const form of secret.forms) if (output.json.includes(form)) leaks.push(`${output.side} ${output.method}: ${secret.label}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(outputs.length).toBeGreaterThan(2 * METHOD_NAMES.length - 20);
  });

  it('the failures are the expected ones, so the calls really ran', () => {
    const codeOf = (side: string, method: string): string[] =>
      outputs.filter((o) => o.side === side && o.method === method).map((o) => (JSON.parse(o.json) as { ok: boolean; error?: { code: string } }).error?.code ?? 'ok');
    expect(codeOf('district', 'exports.create')).toEqual(['ok', 'PASSPHRASE_WRONG']);
    expect(codeOf('province', 'packages.verify')).toEqual(['ok', 'PASSPHRASE_WRONG']);
    expect(codeOf('district', 'keys.generate')).toEqual(['ok']);
    expect(codeOf('province', 'keys.generate')).toEqual(['KEYS_ALREADY_EXIST']);
    expect(JSON.parse(outputs.find((o) => o.side === 'province' && o.method === 'packages.verify')?.json ?? '{}')).toMatchObject({ ok: true, data: [{ code: 'OK_STAGED' }] });
    expect(codeOf('province', 'packages.confirm')).toEqual(['ok']);
    expect(codeOf('province', 'receipts.create')).toEqual(['ok']);
    expect(codeOf('district', 'receipts.import')).toEqual(['ok']);
    for (const side of ['district', 'province']) {
      expect(codeOf(side, 'imports.analyze')).toEqual(['ok']);
      expect(codeOf(side, 'imports.apply')).toEqual(['ok']);
    }
  });
});
