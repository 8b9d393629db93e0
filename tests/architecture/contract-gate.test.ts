/**
 * The contract gate (issue 13 item 5): every method of shared/api/contract.ts is called
 * through the real `dispatch` with the handlers the hosts use, on real workspaces (a
 * province and one of its districts, keys and trust list in place), once with a valid
 * input — the answer must be `ok` (or the one user error the row names) with exactly the
 * output keys the row lists — and once with an invalid input, which must be refused as
 * INVALID_INPUT before any service runs. The table is a mapped type over MethodName, so a
 * method without a row does not compile; its key lists are typed against the contract's
 * output types, so a listed key the contract does not have does not compile either.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type ApiInput, type ApiOutput, type ApiResult, type MethodName } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { ErrorCode } from '../../shared/i18n/errors-vi';
import type { Services } from '../../electron/services/index';
import { UNITS_JSON } from '../vectors/corpus-keys';
import { PASS, seedDistrict, setUpPair, unitsTemplate, type Pair } from '../exchange/exchange-fixtures';

const P = '2025-Q2';

/** The top-level keys of an output; for a list, the keys of each element. */
type KeysOf<T> = readonly (keyof NonNullable<T> & string)[];
type Shape<T> = T extends readonly (infer E)[] ? { each: KeysOf<E> } : { keys: KeysOf<T> };

/** What earlier rows produced that later rows need (a package id, a staging id, a receipt). */
type Ctx = { fileOf: (name: string, bytes: Buffer) => { fileName: string; bytesBase64: string }; got: Map<string, unknown>; pair: Pair };

type Row<M extends MethodName> = {
  side: 'district' | 'province';
  input: (c: Ctx) => ApiInput<M>;
  /** Refused by the method's validator. */
  invalid: unknown;
  shape: Shape<ApiOutput<M>>;
  /** A user error this valid input is expected to get here instead of ok (the sentence path is the point). */
  refusal?: ErrorCode;
};

type Table = { [M in MethodName]: Row<M> };

/** The file part of an earlier answer, as the page would send it back. */
function file(c: Ctx, key: string): { fileName: string; bytesBase64: string } {
  const got = c.got.get(key) as { fileName: string; bytesBase64: string } | undefined;
  if (got === undefined) throw new Error(`${key} gave no file`);
  return { fileName: got.fileName, bytesBase64: got.bytesBase64 };
}
const units = Buffer.from(JSON.stringify(UNITS_JSON)).toString('base64');

/** In call order: later rows use what earlier ones returned. */
const TABLE: Table = {
  'app.info': { side: 'district', input: () => ({}), invalid: { extra: 1 }, shape: { keys: ['classificationReading', 'environment', 'hostKind', 'language', 'notices', 'restoredFrom', 'userName', 'version', 'workspacePath'] } },
  'settings.setLanguage': { side: 'district', input: () => ({ language: 'vi' }), invalid: { language: 'fr' }, shape: { keys: ['language'] } },
  'units.import': { side: 'district', input: () => ({ fileName: 'units.json', contentBase64: units }), invalid: { fileName: '', contentBase64: units }, shape: { keys: ['added', 'changed', 'communes', 'districts', 'format', 'isApplied', 'moves', 'provinces', 'scheme', 'unchanged'] } },
  'units.bundled': { side: 'district', input: () => ({}), invalid: { scheme: 'GSO_2004' }, shape: { each: ['asOf', 'communes', 'districts', 'file', 'provinces', 'scheme'] } },
  'units.importBundled': { side: 'district', input: () => ({ scheme: 'GSO_2004' }), invalid: { scheme: 'GSO_1999' }, shape: { keys: ['added', 'changed', 'communes', 'districts', 'format', 'isApplied', 'moves', 'provinces', 'scheme', 'unchanged'] } },
  'units.schemes': { side: 'district', input: () => ({}), invalid: [], shape: { each: ['code', 'communes', 'districts', 'levels', 'name', 'provinces'] } },
  'units.children': {
    side: 'district',
    input: () => ({ scheme: 'GSO_2004', parentLevel: 'PROVINCE', parentCode: '01' }),
    invalid: { scheme: 'GSO_2004', parentLevel: 'PROVINCE', parentCode: '1; DROP TABLE units' },
    shape: { each: ['childCount', 'code', 'level', 'name', 'scheme', 'unitType'] },
  },
  'office.get': { side: 'district', input: () => ({}), invalid: { code: '001' }, shape: { keys: ['code', 'communeCount', 'level', 'name', 'parents', 'scheme'] } },
  'office.set': { side: 'district', input: () => ({ scheme: 'GSO_2004', level: 'DISTRICT', code: '001' }), invalid: { scheme: 'GSO_2004', level: 'WARD', code: '001' }, shape: { keys: ['code', 'communeCount', 'level', 'name', 'parents', 'scheme'] } },
  'communes.list': { side: 'district', input: () => ({ periodId: P }), invalid: { periodId: '2025-Q5' }, shape: { each: ['activeHotspots', 'activeModelSites', 'code', 'name', 'parentName', 'rowVersion', 'status', 'unitType', 'updatedAt'] } },
  'communeStatus.update': {
    side: 'district',
    input: () => ({ periodId: '2024-Q4', changes: [{ communeCode: '00001', field: 'resident_population', value: 900 }] }),
    invalid: { periodId: '2024-Q4', changes: [] },
    shape: { each: ['activeHotspots', 'activeModelSites', 'code', 'name', 'parentName', 'rowVersion', 'status', 'unitType', 'updatedAt'] },
  },
  'edits.apply': {
    side: 'district',
    // Every commune of the office gets its population for the period, so the period can later be sent.
    input: (c) => ({
      periodId: P,
      cause: 'paste',
      mode: 'all',
      edits: (c.got.get('communes.list') as { code: string }[]).map((row) => ({ sheet: 'communeStatuses', op: 'set', id: row.code, field: 'resident_population', value: 7000 })),
    }),
    invalid: { periodId: '2024-Q4', cause: 'magic', mode: 'all', edits: [{ sheet: 'communeStatuses', op: 'set', id: '00004', field: 'resident_population', value: 1 }] },
    shape: { keys: ['batchId', 'communeRows', 'created', 'hotspots', 'modelSites', 'rejected'] },
  },
  'hotspots.list': { side: 'district', input: () => ({ periodId: P, isRemovedIncluded: true }), invalid: { periodId: P }, shape: { keys: ['rows', 'summary'] } },
  'modelSites.list': { side: 'district', input: () => ({ periodId: P, isRemovedIncluded: true }), invalid: { periodId: P, isRemovedIncluded: 'yes' }, shape: { each: ['hostUnitName', 'id', 'isRemoved', 'rowVersion', 'updatedAt', 'values'] } },
  'units.underOffice': { side: 'district', input: () => ({}), invalid: { officeCode: '01' }, shape: { each: ['childCount', 'code', 'level', 'name', 'scheme', 'unitType'] } },
  'history.list': {
    side: 'district',
    input: () => ({ table: null, recordId: null, periodId: null, cause: null, search: null, limit: 100, offset: 0 }),
    invalid: { table: null, recordId: null, periodId: null, cause: null, search: null, limit: 0, offset: 0 },
    shape: { keys: ['entries', 'total'] },
  },
  'periods.list': { side: 'district', input: () => ({}), invalid: { periodId: P }, shape: { each: ['endDate', 'id', 'kind', 'label', 'startDate', 'status', 'statusCount'] } },
  'periods.lock': { side: 'district', input: () => ({ periodId: '2024-Q4' }), invalid: { periodId: '' }, shape: { keys: ['endDate', 'id', 'kind', 'label', 'startDate', 'status', 'statusCount'] } },
  'periods.unlock': { side: 'district', input: () => ({ periodId: '2024-Q4', reason: 'Sửa số liệu sau khi kiểm tra' }), invalid: { periodId: '2024-Q4', reason: '   ' }, shape: { keys: ['endDate', 'id', 'kind', 'label', 'startDate', 'status', 'statusCount'] } },
  'periods.copyForward': { side: 'district', input: () => ({ periodId: '2024-Q3', fromPeriodId: '2024-Q4' }), invalid: { periodId: '2024-Q3' }, shape: { keys: ['copied', 'skipped'] } },
  'settings.setUserName': { side: 'district', input: () => ({ userName: 'Nguyễn Thị Lan' }), invalid: { userName: '' }, shape: { keys: ['userName'] } },
  'settings.setClassificationReading': { side: 'district', input: () => ({ reading: 'cumulative' }), invalid: { reading: 'creative' }, shape: { keys: ['reading'] } },
  'sheets.getLayout': { side: 'district', input: () => ({ sheet: 'communeStatuses' }), invalid: { sheet: 'secrets' }, shape: { keys: ['columns'] } },
  'sheets.saveLayout': {
    side: 'district',
    input: () => ({ sheet: 'communeStatuses', columns: [{ colId: 'note', width: 200, isHidden: false }] }),
    invalid: { sheet: 'communeStatuses', columns: [{ colId: 'note', width: 5, isHidden: false }] },
    shape: { keys: ['columns'] },
  },
  'sheets.exportXlsx': {
    side: 'district',
    input: () => ({ sheet: 'hotspots', periodId: P, columns: null, rowIds: null }),
    invalid: { sheet: 'hotspots', periodId: P, columns: ['no_such_column'], rowIds: null },
    shape: { keys: ['bytesBase64', 'fileName', 'rowCount'] },
  },
  'sheets.template': { side: 'district', input: () => ({ sheet: 'modelSites' }), invalid: {}, shape: { keys: ['bytesBase64', 'fileName'] } },
  'problems.list': { side: 'district', input: () => ({ periodId: P }), invalid: { periodId: 2025 }, shape: { keys: ['classifications', 'counts', 'problems'] } },
  'exports.readiness': { side: 'district', input: () => ({ periodId: P }), invalid: { periodId: P, force: true }, shape: { keys: ['errors', 'isReady'] } },
  'indicators.list': { side: 'district', input: () => ({ periodId: P, setId: null }), invalid: { periodId: P, setId: '1990_SOVIET' }, shape: { keys: ['indicators', 'periodId', 'setId', 'sets'] } },
  'imports.analyze': {
    side: 'district',
    input: (c) => ({ sheet: 'hotspots', periodId: P, file: file(c, 'sheets.exportXlsx'), sheetName: null, headerRow: null, mapping: null, keyFields: null }),
    invalid: { sheet: 'hotspots', periodId: P, file: { fileName: 'x.xlsx' }, sheetName: null, headerRow: null, mapping: null, keyFields: null },
    shape: { keys: ['columns', 'counts', 'fields', 'fileProblems', 'format', 'headerRow', 'isMappingRemembered', 'keyFields', 'rows', 'sheetName', 'sheetNames'] },
  },
  'imports.apply': {
    side: 'district',
    input: (c) => ({ sheet: 'hotspots', periodId: P, file: file(c, 'sheets.exportXlsx'), sheetName: null, headerRow: null, mapping: null, keyFields: null }),
    invalid: { sheet: 'communes', periodId: P, file: { fileName: 'x.xlsx', bytesBase64: '' }, sheetName: null, headerRow: null, mapping: null, keyFields: null },
    shape: { keys: ['batchId', 'counts', 'ops'] },
  },
  'imports.progress': { side: 'district', input: () => ({ requestId: 'no-such-import' }), invalid: { requestId: 'x' }, shape: { keys: ['fraction', 'stage'] } },
  'imports.cancel': { side: 'district', input: () => ({ requestId: 'no-such-import' }), invalid: { requestId: 7 }, shape: { keys: ['isCancelled'] } },
  'report.get': { side: 'district', input: () => ({ periodId: P, isHotspotListIncluded: false }), invalid: { periodId: P }, shape: { keys: ['body', 'figures', 'header', 'office', 'periodId', 'recipients', 'secrecy', 'settings', 'signature', 'summary', 'title'] } },
  'report.saveSettings': {
    side: 'district',
    input: (c) => ({ periodId: P, isHotspotListIncluded: false, settings: { ...(c.got.get('report.get') as ApiOutput<'report.get'>).settings, number: '7' } }),
    invalid: { periodId: P, isHotspotListIncluded: false, settings: { number: '7' } },
    shape: { keys: ['body', 'figures', 'header', 'office', 'periodId', 'recipients', 'secrecy', 'settings', 'signature', 'summary', 'title'] },
  },
  'report.file': { side: 'district', input: () => ({ periodId: P, format: 'docx', isHotspotListIncluded: false }), invalid: { periodId: P, format: 'odt', isHotspotListIncluded: false }, shape: { keys: ['bytesBase64', 'fileName'] } },
  'keys.status': { side: 'district', input: () => ({}), invalid: { passphrase: PASS }, shape: { keys: ['encryption', 'environment', 'officeCode', 'officeName', 'signing'] } },
  // The district has a signing key only: adding its encryption key is a real generation.
  'keys.generate': { side: 'district', input: () => ({ passphrase: PASS, withEncryption: true }), invalid: { passphrase: PASS, withEncryption: 'yes' }, shape: { keys: ['encryption', 'environment', 'officeCode', 'officeName', 'signing'] } },
  'keys.enrollment': { side: 'district', input: () => ({ passphrase: PASS }), invalid: { passphrase: 42 }, shape: { keys: ['file', 'form'] } },
  'trust.status': { side: 'district', input: () => ({}), invalid: { version: 2 }, shape: { keys: ['daysLeft', 'installed', 'isAuthority'] } },
  'trust.inspect': { side: 'district', input: (c) => ({ file: c.fileOf('t.bctrust', c.pair.trustFile) }), invalid: { file: null }, shape: { keys: ['authority', 'environment', 'expiresAt', 'issuedAt', 'offices', 'rootKeys', 'rootThreshold', 'version'] } },
  'trust.import': {
    side: 'district',
    input: (c) => ({ file: c.fileOf('t.bctrust', c.pair.trustFile), isBootstrap: false }),
    invalid: { file: { fileName: 't.bctrust', bytesBase64: 'AAAA' } },
    shape: { keys: ['authority', 'environment', 'expiresAt', 'issuedAt', 'offices', 'rootKeys', 'rootThreshold', 'version'] },
    // setUpPair installed this very list: the same version again is told, not applied.
    refusal: 'EXCHANGE_FILE_REFUSED',
  },
  'exports.summary': { side: 'district', input: () => ({ periodId: P, includeHotspots: true }), invalid: { periodId: P, includeHotspots: 1 }, shape: { keys: ['audience', 'blockers', 'counts', 'environment', 'errors', 'nextSequence', 'officeCode', 'periodId', 'supersedes', 'warnings', 'willEncrypt'] } },
  'exports.create': { side: 'district', input: () => ({ periodId: P, passphrase: PASS, includeHotspots: true }), invalid: { periodId: P, includeHotspots: true }, shape: { keys: ['bytesBase64', 'counts', 'createdAt', 'createdBy', 'encrypted', 'fileName', 'keyId', 'packageDigest', 'packageId', 'periodId', 'receipt', 'recipients', 'sequence', 'supersedes'] } },
  'exports.list': { side: 'district', input: () => ({}), invalid: { limit: 1 }, shape: { each: ['counts', 'createdAt', 'createdBy', 'encrypted', 'fileName', 'keyId', 'packageDigest', 'packageId', 'periodId', 'receipt', 'recipients', 'sequence', 'supersedes'] } },
  'exports.file': {
    side: 'district',
    input: (c) => ({ packageId: (c.got.get('exports.create') as { packageId: string }).packageId }),
    invalid: { packageId: '../../etc/passwd' },
    shape: { keys: ['bytesBase64', 'fileName'] },
  },
  'packages.verify': {
    side: 'province',
    input: (c) => ({ files: [file(c, 'exports.create')], passphrase: PASS }),
    invalid: { files: 'exported.bcpkg', passphrase: PASS },
    shape: { each: ['code', 'file', 'issuer', 'issuerName', 'message', 'period', 'preview', 'sequence'] },
  },
  'packages.receive': { side: 'province', input: (c) => ({ files: [file(c, 'exports.create')], passphrase: PASS }), invalid: { files: [], passphrase: PASS }, shape: { each: ['code', 'diff', 'file', 'issuer', 'issuerName', 'message', 'period', 'preview', 'sequence', 'stagingId', 'warnings'] } },
  'packages.confirm': {
    side: 'province',
    input: (c) => ({ stagingId: (c.got.get('packages.receive') as { stagingId: string }[] | undefined)?.[0]?.stagingId ?? '', isSupervisorConfirmed: false }),
    invalid: { stagingId: 'not-a-uuid', isSupervisorConfirmed: false },
    shape: { keys: ['acceptedAt', 'acceptedBy', 'encrypted', 'fileName', 'issuer', 'keyId', 'packageDigest', 'packageId', 'periodId', 'sequence', 'status'] },
  },
  'packages.reject': {
    side: 'province',
    input: () => ({ stagingId: '00000000-0000-4000-8000-000000000000', reason: 'Không còn chờ' }),
    invalid: { stagingId: '00000000-0000-4000-8000-000000000000' },
    shape: { keys: ['rejected'] },
    refusal: 'STAGED_PACKAGE_GONE',
  },
  'packages.received': { side: 'province', input: () => ({}), invalid: { all: true }, shape: { each: ['acceptedAt', 'acceptedBy', 'encrypted', 'fileName', 'issuer', 'keyId', 'packageDigest', 'packageId', 'periodId', 'sequence', 'status'] } },
  'importLog.list': { side: 'province', input: () => ({}), invalid: { offset: -1 }, shape: { each: ['at', 'code', 'decision', 'detail', 'id', 'issuer', 'operator', 'packageId', 'period', 'rowHash', 'sequence', 'sourceFilename'] } },
  'importLog.verify': { side: 'province', input: () => ({}), invalid: { repair: true }, shape: { keys: ['brokenAtId', 'head', 'isIntact', 'rows'] } },
  'consolidated.list': { side: 'province', input: () => ({ periodId: P }), invalid: { periodId: 'Q2' }, shape: { keys: ['communes', 'hotspots', 'modelSites', 'periodId'] } },
  // A period the district has not sent: it is listed as not reported.
  'consolidated.notReported': { side: 'province', input: () => ({ periodId: '2025-Q3' }), invalid: {}, shape: { each: ['lastReported', 'level', 'officeCode', 'officeName'] } },
  'consolidated.indicators': { side: 'province', input: () => ({ periodId: P, setId: null }), invalid: { periodId: P }, shape: { keys: ['indicators', 'periodId', 'setId', 'sets'] } },
  'receipts.create': {
    side: 'province',
    input: (c) => ({ packageId: (c.got.get('exports.create') as { packageId: string }).packageId, passphrase: PASS }),
    invalid: { packageId: (c: unknown) => c, passphrase: PASS },
    shape: { keys: ['bytesBase64', 'fileName'] },
  },
  'receipts.import': { side: 'district', input: (c) => ({ file: file(c, 'receipts.create'), passphrase: PASS }), invalid: { file: 'receipt', passphrase: PASS }, shape: { keys: ['counts', 'createdAt', 'createdBy', 'encrypted', 'fileName', 'keyId', 'packageDigest', 'packageId', 'periodId', 'receipt', 'recipients', 'sequence', 'supersedes'] } },
  'app.acknowledgeRestore': { side: 'province', input: () => ({}), invalid: { acknowledged: 'yes' }, shape: { keys: ['acknowledged'] } },
  // The province copied its workspace before receiving, so there is a copy to list.
  'backups.list': { side: 'province', input: () => ({}), invalid: { folder: '/' }, shape: { each: ['name', 'officeName', 'problem', 'reason', 'sizeBytes', 'takenAt'] } },
  'backups.restore': { side: 'district', input: () => ({ name: 'not-listed.bak' }), invalid: { name: '../workspace.pcmt' }, shape: { keys: ['nextSequence', 'takenAt'] }, refusal: 'BACKUP_NOT_FOUND' },
};

type Outcome = { valid: ApiResult<unknown>; invalid: ApiResult<unknown> };
const outcomes = new Map<MethodName, Outcome>();
let dir = '';
let pair: Pair;

function servicesOf(side: 'district' | 'province'): Services {
  return side === 'district' ? pair.district : pair.province;
}

/** What crosses a transport: JSON, so undefined keys vanish and class instances would show. */
function asSent(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

function keysOf(value: unknown): string[] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).sort() : [];
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-gate-'));
  pair = setUpPair(unitsTemplate(dir), dir, 'production', 'gate');
  seedDistrict(pair.district, P);
  const ctx: Ctx = { fileOf: (name, bytes) => ({ fileName: name, bytesBase64: bytes.toString('base64') }), got: new Map(), pair };
  for (const method of Object.keys(TABLE) as MethodName[]) {
    const row = TABLE[method] as Row<MethodName>;
    const s = servicesOf(row.side);
    const options = { language: () => s.language(), onInternalError: () => undefined };
    const invalid = await dispatch(s.handlers, method, row.invalid, options);
    let input: unknown;
    try {
      input = row.input(ctx);
    } catch (error) {
      // An earlier row failed to give what this one needs; that row's own test says why.
      input = { unavailable: String(error) };
    }
    const valid = await dispatch(s.handlers, method, input, options);
    if (valid.ok) ctx.got.set(method, valid.data);
    outcomes.set(method, { valid, invalid });
  }
}, 120_000);

afterAll(() => {
  pair.province.close();
  pair.district.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('contract gate: every method through dispatch', () => {
  it('the table has a row for every method and no other', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it.each([...METHOD_NAMES])('%s: a valid input answers with the contract’s shape', (method) => {
    const row = TABLE[method] as Row<MethodName>;
    const result = asSent(outcomes.get(method)?.valid) as ApiResult<unknown>;
    if (row.refusal !== undefined) {
      expect(result).toMatchObject({ ok: false, error: { code: row.refusal } });
      expect(result.ok ? '' : result.error.message.length).toBeGreaterThan(10);
      return;
    }
    expect(result.ok ? 'ok' : result.error).toBe('ok');
    if (!result.ok) return;
    if ('each' in row.shape) {
      expect(Array.isArray(result.data)).toBe(true);
      const items = result.data as unknown[];
      // Every list is non-empty on these workspaces, so the element shape is really checked.
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(keysOf(item)).toEqual([...row.shape.each].sort());
    } else {
      expect(keysOf(result.data)).toEqual([...row.shape.keys].sort());
    }
  });

  it.each([...METHOD_NAMES])('%s: an invalid input is refused by validation, with a sentence', (method) => {
    const result = outcomes.get(method)?.invalid;
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result?.ok === false ? result.error.message : '').toMatch(/\S{3,}/u);
  });
});
