/**
 * Receipts (exchange-format.md §6.6) on real workspaces: the province signs one for a
 * package it received, the district checks it and records "accepted at the province"
 * on its export. A tampered receipt, one signed by a key that is not the parent
 * office's, one for a package this office never sent, and one made for another
 * district are all refused with nothing recorded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExchangeIdentity } from '../../../db/queries/exchange';
import { listLog, verifyChain } from '../../../db/queries/import-log';
import { dispatch } from '../../../shared/api/dispatch';
import type { ExportRecord, FileBytes, ReceivedPackageInfo } from '../../../shared/api/exchange-types';
import { AppError } from '../../../shared/errors';
import { PASS, unitsTemplate } from '../../../tests/exchange/exchange-fixtures';
import { sendToProvince, setCommunes, setUpProvince, VIEW_PERIOD as P, type ProvinceWorld } from '../../../tests/exchange/province-fixtures';
import type { Services } from '../index';
import { listExportRecords } from './export-service';
import { unlockPeriod } from '../period-service';
import { unlockSigningSeed } from './keys-service';
import { readReceipt, RECEIPT_MIMETYPE, writeReceipt } from './receipt';
import { ed25519PublicFromSeed, ed25519Sign, formatSignatureBlock, keyIdOf } from './signify';
import { createReceipt, importReceipt } from './receipt-service';
import { isAgeFile } from './verify-package';
import { readZipStrict, signedDocumentProfile, writeZip } from './zip-strict';

let dir = '';
let world: ProvinceWorld;
let received: ReceivedPackageInfo;
let otherReceived: ReceivedPackageInfo;

async function call<T>(s: Services, method: string, input: unknown): Promise<T> {
  const result = await dispatch(s.handlers, method, input, { language: s.language, onInternalError: (_m, e) => { throw e; } });
  if (!result.ok) throw new AppError(result.error.code as AppError['code'], result.error.params ?? {});
  return result.data as T;
}

function district(i: number): Services {
  const s = world.districts[i];
  if (s === undefined) throw new Error(`no district ${i}`);
  return s;
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

function exportOf(s: Services, packageId: string): ExportRecord | undefined {
  return listExportRecords(s.workspace).find((e) => e.packageId === packageId);
}

/** A plain receipt signed by the province's own key (createReceipt encrypts to districts that have keys). */
function receiptFor(pkg: ReceivedPackageInfo): Buffer {
  const provinceCode = getExchangeIdentity(world.province.workspace.db)?.office_code ?? '';
  const seed = unlockSigningSeed(world.province.workspace, PASS);
  try {
    return writeReceipt(
      { packageId: pkg.packageId, packageDigest: pkg.packageDigest, issuer: pkg.issuer, period: pkg.periodId, sequence: pkg.sequence, decision: 'accepted', code: 'OK_ACCEPTED', at: '2099-12-01T00:00:00Z', receiverOfficeCode: provinceCode },
      seed,
    );
  } finally {
    seed.fill(0);
  }
}

/** A receipt for `received`, made with another office's signing key (that office claims to be the receiver). */
function receiptSignedBy(signer: Services, receiverOfficeCode: string): Buffer {
  const seed = unlockSigningSeed(signer.workspace, PASS);
  try {
    return writeReceipt(
      {
        packageId: received.packageId,
        packageDigest: received.packageDigest,
        issuer: received.issuer,
        period: received.periodId,
        sequence: received.sequence,
        decision: 'accepted',
        code: 'OK_ACCEPTED',
        at: '2099-01-01T00:00:00Z',
        receiverOfficeCode,
      },
      seed,
    );
  } finally {
    seed.fill(0);
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-receipts-'));
  world = setUpProvince(unitsTemplate(dir), dir, 'rcpt', ['001', '002'], ['002']);
  setCommunes(district(0), P, { '00001': { resident_population: 12000 } });
  setCommunes(district(1), P, { '00037': { resident_population: 9000 } });
  received = sendToProvince(district(0), world.province, P, false).received;
  otherReceived = sendToProvince(district(1), world.province, P, false).received;
});

afterAll(() => {
  world.province.close();
  for (const d of world.districts) d.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('receipts.create and receipts.import', () => {
  it('round trip: the province signs, the district records "accepted at the province" on its export', async () => {
    expect(exportOf(district(0), received.packageId)?.receipt).toBeNull();
    const file = await call<FileBytes>(world.province, 'receipts.create', { packageId: received.packageId, passphrase: PASS });
    expect(file.fileName).toBe(`${received.issuer}_${P}_${String(received.sequence).padStart(6, '0')}.bcrcpt`);
    const bytes = Buffer.from(file.bytesBase64, 'base64');
    // District offices of the fixture have no encryption key: the receipt travels plain.
    expect(isAgeFile(bytes)).toBe(false);
    const { receipt } = readReceipt(bytes);
    expect(receipt).toMatchObject({ type: 'bcpkg.receipt', packageId: received.packageId, packageDigest: received.packageDigest, issuer: received.issuer, decision: 'accepted' });
    expect(receipt.receiver.officeCode).toBe(getExchangeIdentity(world.province.workspace.db)?.office_code);
    expect(listLog(world.province.workspace.db, 1)[0]).toMatchObject({ decision: 'receipt_issued', package_id: received.packageId });

    const record = await call<ExportRecord>(district(0), 'receipts.import', { file, passphrase: null });
    expect(record.packageId).toBe(received.packageId);
    expect(record.receipt).toEqual({ decision: 'accepted', at: receipt.at });
    expect(exportOf(district(0), received.packageId)?.receipt).toEqual({ decision: 'accepted', at: receipt.at });
    expect(listLog(district(0).workspace.db, 1)[0]).toMatchObject({ decision: 'receipt_recorded', package_id: received.packageId });
    expect(verifyChain(district(0).workspace.db).isIntact).toBe(true);
    // The same receipt again changes nothing and is not an error.
    expect(importReceipt(district(0).workspace, file.fileName, bytes, null).receipt).toEqual(record.receipt);
  });

  it('refuses a tampered receipt (one byte of receipt.json changed, CRC fixed up)', () => {
    const bytes = Buffer.from(createReceipt(world.province.workspace, received.packageId, PASS).bytesBase64, 'base64');
    const entries = readZipStrict(bytes, signedDocumentProfile('receipt'));
    const tampered = writeZip(
      entries.map((e) => ({ name: e.name, data: e.name === 'receipt.json' ? Buffer.from(Buffer.from(e.data).toString('utf8').replace('"accepted"', '"quarantined"')) : e.data })),
    );
    const error = appErrorOf(() => importReceipt(district(0).workspace, 'tampered.bcrcpt', tampered, null));
    expect(error.code).toBe('EXCHANGE_FILE_REFUSED');
    expect(String(error.params.reason)).toContain('Chữ ký không hợp lệ');
    const damaged = Buffer.from(bytes);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 30) ^ 0xff, damaged.length - 30);
    expect(appErrorOf(() => importReceipt(district(0).workspace, 'damaged.bcrcpt', damaged, null)).code).toBe('EXCHANGE_FILE_REFUSED');
    expect(exportOf(district(0), received.packageId)?.receipt?.decision).toBe('accepted');
  });

  it('checks the signature before reading the body, and refuses a signed body that is not canonical', () => {
    const seed = unlockSigningSeed(world.province.workspace, PASS);
    try {
      const good = readReceipt(Buffer.from(createReceipt(world.province.workspace, received.packageId, PASS).bytesBase64, 'base64'));
      const loose = Buffer.from(JSON.stringify(good.receipt, null, 1));
      const file = writeZip([
        { name: 'mimetype', data: Buffer.from(RECEIPT_MIMETYPE, 'ascii') },
        { name: 'receipt.json', data: loose },
        { name: 'receipt.sig', data: Buffer.from(formatSignatureBlock(keyIdOf(ed25519PublicFromSeed(seed)), ed25519Sign(seed, loose)), 'ascii') },
      ]);
      expect(appErrorOf(() => importReceipt(district(0).workspace, 'loose.bcrcpt', file, null)).params).toMatchObject({ code: 'E_MANIFEST_NOT_CANONICAL' });
      const unsigned = writeZip([
        { name: 'mimetype', data: Buffer.from(RECEIPT_MIMETYPE, 'ascii') },
        { name: 'receipt.json', data: Buffer.from('not json') },
        { name: 'receipt.sig', data: Buffer.from(formatSignatureBlock(keyIdOf(ed25519PublicFromSeed(seed)), Buffer.alloc(64)), 'ascii') },
      ]);
      expect(String(appErrorOf(() => importReceipt(district(0).workspace, 'junk.bcrcpt', unsigned, null)).params.reason)).toContain('Chữ ký không hợp lệ');
    } finally {
      seed.fill(0);
    }
  });

  it('refuses a receipt signed by a key that is not the parent office’s', () => {
    const provinceCode = getExchangeIdentity(world.province.workspace.db)?.office_code ?? '';
    const error = appErrorOf(() => importReceipt(district(0).workspace, 'forged.bcrcpt', receiptSignedBy(district(1), provinceCode), null));
    expect(error.code).toBe('RECEIPT_WRONG_SIGNER');
    expect(error.params).toMatchObject({ signer: getExchangeIdentity(district(1).workspace.db)?.office_code, parent: provinceCode });
    expect(exportOf(district(0), received.packageId)?.receipt?.at).not.toBe('2099-01-01T00:00:00Z');
  });

  it('is encrypted to a district that has an encryption key, and opened with its passphrase', () => {
    const file = createReceipt(world.province.workspace, otherReceived.packageId, PASS);
    const bytes = Buffer.from(file.bytesBase64, 'base64');
    expect(isAgeFile(bytes)).toBe(true);
    expect(appErrorOf(() => importReceipt(district(1).workspace, file.fileName, bytes, null)).code).toBe('PASSPHRASE_REQUIRED');
    expect(importReceipt(district(1).workspace, file.fileName, bytes, PASS).receipt?.decision).toBe('accepted');
    // Not for district 001, which cannot even open it.
    expect(String(appErrorOf(() => importReceipt(district(0).workspace, file.fileName, bytes, null)).params.reason)).toContain('mã hóa cho đơn vị khác');
  });

  it('refuses a receipt for another district’s package, and one for a package this office never sent', () => {
    const other = receiptFor(otherReceived);
    expect(appErrorOf(() => importReceipt(district(0).workspace, 'other.bcrcpt', other, null)).code).toBe('RECEIPT_NOT_FOR_US');
    expect(appErrorOf(() => createReceipt(world.province.workspace, '00000000-0000-4000-8000-000000000000', PASS)).code).toBe('RECEIPT_PACKAGE_NOT_RECEIVED');
    // The package was received but then its export vanished from the district (e.g. a restored backup).
    district(1).workspace.db.prepare('DELETE FROM exports WHERE package_id = ?').run(otherReceived.packageId);
    expect(appErrorOf(() => importReceipt(district(1).workspace, 'other.bcrcpt', other, null)).code).toBe('RECEIPT_UNKNOWN_PACKAGE');
    expect(verifyChain(world.province.workspace.db).isIntact).toBe(true);
  });

  it('a receipt made after a correction says superseded, and an older receipt never replaces it', () => {
    unlockPeriod(district(0).workspace, P, 'sửa số liệu');
    setCommunes(district(0), P, { '00004': { resident_population: 500 } });
    sendToProvince(district(0), world.province, P, false);
    const later = createReceipt(world.province.workspace, received.packageId, PASS, new Date('2099-06-01T00:00:00Z'));
    const record = importReceipt(district(0).workspace, later.fileName, Buffer.from(later.bytesBase64, 'base64'), null);
    expect(record.receipt).toEqual({ decision: 'superseded', at: '2099-06-01T00:00:00Z' });
    const older = createReceipt(world.province.workspace, received.packageId, PASS, new Date('2099-01-01T00:00:00Z'));
    const error = appErrorOf(() => importReceipt(district(0).workspace, older.fileName, Buffer.from(older.bytesBase64, 'base64'), null));
    expect(error.code).toBe('RECEIPT_OLDER');
    expect(exportOf(district(0), received.packageId)?.receipt?.decision).toBe('superseded');
  });
});
