/**
 * Trust-list acceptance (exchange-format.md §3.5, §3.8, §7.1 "Trust list") and the
 * enrollment statement's proof of possession (§3.4): each rule broken once, with the
 * code the operator sees. Lists are signed here with throwaway root keys; the
 * workspace cases go through the trust service on a real SQLite file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { ExchangeEnvironment } from '../../shared/api/exchange-types';
import { exchangeMessage } from '../../shared/i18n/exchange-messages';
import { isBcpkgError } from '../../electron/services/exchange/bcpkg-error';
import { readEnrollment } from '../../electron/services/exchange/enrollment';
import { createEnrollment } from '../../electron/services/exchange/enrollment-service';
import { generateKeys } from '../../electron/services/exchange/keys-service';
import {
  ed25519PublicFromSeed,
  ed25519Sign,
  formatPublicKeyFile,
  formatSignatureBlock,
  generateEd25519Seed,
  keyIdHex,
  keyIdOf,
} from '../../electron/services/exchange/signify';
import { checkTrustListUpdate, readTrustFile, writeTrustFile, type TrustList, type TrustOfficeEntry } from '../../electron/services/exchange/trust-list';
import { addOffice, importTrustFile, initAuthority, trustStatus } from '../../electron/services/exchange/trust-service';
import type { Services } from '../../electron/services/index';
import { readZipStrict, signedDocumentProfile } from '../../electron/services/exchange/zip-strict';
import { rebuildZip } from '../support/zip-mutate';
import { openCopy, PASS, unitsTemplate } from './exchange-fixtures';

const NOW = new Date('2026-06-01T00:00:00Z');
const [A, B, C, D, E, X] = Array.from({ length: 6 }, () => generateEd25519Seed()) as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
const OFFICE_KEY = generateEd25519Seed();

function root(seed: Buffer): { keyId: string; publicKey: string } {
  const pk = ed25519PublicFromSeed(seed);
  return { keyId: keyIdHex(keyIdOf(pk)), publicKey: pk.toString('base64') };
}

function office(officeCode: string, parent: string | null, unit: string, level: TrustOfficeEntry['level'] = 'district'): TrustOfficeEntry {
  const pk = ed25519PublicFromSeed(OFFICE_KEY);
  return {
    officeCode,
    officeName: `Ban Chỉ đạo ${officeCode}`,
    level,
    parent,
    status: 'active',
    adminUnit: { scheme: 'GSO_2004', code: unit },
    signingKeys:
      parent === null
        ? []
        : [
            {
              keyId: keyIdHex(keyIdOf(pk)),
              publicKey: pk.toString('base64'),
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
  };
}

function list(version: number, roots: Buffer[], threshold: number, changes: Partial<TrustList> = {}): TrustList {
  const environment = changes.environment ?? 'production';
  const prefix = environment === 'training' ? 'ZZ-' : '';
  return {
    type: 'bcpkg.trustlist',
    formatVersion: 1,
    environment,
    authority: { officeCode: `${prefix}T01`, officeName: 'Ban Chỉ đạo Thành phố Hà Nội', level: 'province' },
    version,
    issuedAt: '2026-01-01T00:00:00Z',
    expiresAt: '2099-12-31T00:00:00Z',
    rootKeys: roots.map(root),
    rootThreshold: threshold,
    adminUnitsDigest: 'a'.repeat(64),
    offices: [office(`${prefix}T01`, null, '01', 'province'), office(`${prefix}T01-D001`, `${prefix}T01`, '001')],
    ...changes,
  };
}

/** The code `checkTrustListUpdate` throws, or 'OK'. */
function check(next: TrustList, signers: Buffer[], installed: TrustList | null, environment: ExchangeEnvironment = 'production'): string {
  try {
    checkTrustListUpdate(readTrustFile(writeTrustFile(next, signers)), installed, { environment, now: NOW });
    return 'OK';
  } catch (error) {
    if (isBcpkgError(error)) return error.code;
    throw error;
  }
}

const V1 = list(1, [A, B, C], 2);

describe('trust list updates (§3.5)', () => {
  it('bootstrap with the list’s own threshold; a valid update signed by 2 of 3 roots', () => {
    expect(check(V1, [A, B], null)).toBe('OK');
    expect(check(V1, [A], null)).toBe('E_TRUSTLIST_THRESHOLD');
    expect(check(list(2, [A, B, C], 2), [A, C], V1)).toBe('OK');
  });

  it('version rollback or replay → E_TRUSTLIST_ROLLBACK', () => {
    const v5 = list(5, [A, B, C], 2);
    expect(check(list(4, [A, B, C], 2), [A, B], v5)).toBe('E_TRUSTLIST_ROLLBACK');
    expect(check(list(5, [A, B, C], 2), [A, B], v5)).toBe('E_TRUSTLIST_ROLLBACK');
  });

  it('below threshold → E_TRUSTLIST_THRESHOLD; the same root signing twice counts once; unknown roots count nothing', () => {
    const v2 = list(2, [A, B, C], 2);
    expect(check(v2, [A], V1)).toBe('E_TRUSTLIST_THRESHOLD');
    expect(check(v2, [A, A], V1)).toBe('E_TRUSTLIST_THRESHOLD');
    expect(check(v2, [A, A, A, A], V1)).toBe('E_TRUSTLIST_THRESHOLD');
    expect(check(v2, [A, X], V1)).toBe('E_TRUSTLIST_THRESHOLD');
  });

  it('root rotation needs the old and the new threshold', () => {
    const rotated = list(2, [D, E], 2);
    expect(check(rotated, [A, B, D, E], V1)).toBe('OK');
    // Old threshold only: the new roots never proved possession.
    expect(check(rotated, [A, B, D], V1)).toBe('E_TRUSTLIST_THRESHOLD');
    expect(check(rotated, [A, B], V1)).toBe('E_TRUSTLIST_THRESHOLD');
    // New threshold only: refused; the installation cannot tell it from a skipped transition and asks for it.
    expect(check(rotated, [D, E], V1)).toBe('E_TRUST_ROOT_CHANGED_NEED_INTERMEDIATE');
    // Neither.
    expect(check(rotated, [A, D], V1)).toBe('E_TRUSTLIST_THRESHOLD');
    // A changed threshold alone is a root change too.
    expect(check(list(2, [A, B, C], 3), [A, B], V1)).toBe('E_TRUSTLIST_THRESHOLD');
    expect(check(list(2, [A, B, C], 3), [A, B, C], V1)).toBe('OK');
  });

  it('a skipped root-rotation version → E_TRUST_ROOT_CHANGED_NEED_INTERMEDIATE; with the intermediate installed it passes', () => {
    const v2 = list(2, [D, E], 2);
    const v3 = list(3, [D, E], 2);
    expect(check(v3, [D, E], V1)).toBe('E_TRUST_ROOT_CHANGED_NEED_INTERMEDIATE');
    expect(check(v2, [A, B, D, E], V1)).toBe('OK');
    expect(check(v3, [D, E], v2)).toBe('OK');
  });

  it('an already expired list is refused → E_TRUSTLIST_EXPIRED', () => {
    expect(check(list(2, [A, B, C], 2, { expiresAt: '2026-05-31T23:59:59Z' }), [A, B], V1)).toBe('E_TRUSTLIST_EXPIRED');
    expect(check(list(1, [A, B, C], 2, { expiresAt: '2026-06-01T00:00:00Z' }), [A, B], null)).toBe('E_TRUSTLIST_EXPIRED');
  });

  it('a training list into production, and the reverse → E_ENVIRONMENT_MISMATCH', () => {
    expect(check(list(1, [A, B], 2, { environment: 'training' }), [A, B], null, 'production')).toBe('E_ENVIRONMENT_MISMATCH');
    expect(check(list(1, [A, B], 2), [A, B], null, 'training')).toBe('E_ENVIRONMENT_MISMATCH');
  });

  it('an office outside the authority’s subtree, or a ZZ- code in production → E_TRUSTLIST_SCOPE', () => {
    const foreign = list(2, [A, B, C], 2, { offices: [office('T01', null, '01', 'province'), office('T02-D001', 'T02', '021')] });
    expect(check(foreign, [A, B], V1)).toBe('E_TRUSTLIST_SCOPE');
    const orphan = list(2, [A, B, C], 2, { offices: [office('T01', null, '01', 'province'), office('T02', null, '02', 'province')] });
    expect(check(orphan, [A, B], V1)).toBe('E_TRUSTLIST_SCOPE');
    const training = list(2, [A, B, C], 2, { offices: [office('T01', null, '01', 'province'), office('ZZ-T01-D001', 'T01', '001')] });
    expect(check(training, [A, B], V1)).toBe('E_TRUSTLIST_SCOPE');
    const otherAuthority = list(2, [A, B, C], 2, { authority: { officeCode: 'T02', officeName: 'Tỉnh khác', level: 'province' } });
    expect(check(otherAuthority, [A, B], V1)).toBe('E_TRUSTLIST_SCOPE');
    // One signing key bound to two offices: key ids must be unique (§2.5).
    const shared = list(2, [A, B, C], 2, { offices: [office('T01', null, '01', 'province'), office('T01-D001', 'T01', '001'), office('T01-D002', 'T01', '002')] });
    expect(check(shared, [A, B], V1)).toBe('E_TRUSTLIST_SCOPE');
  });
});

let dir = '';
let template = '';
const opened: Services[] = [];

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('accepted');
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-trust-'));
  template = unitsTemplate(dir);
});
afterAll(() => {
  for (const s of opened) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(name: string, level: 'PROVINCE' | 'DISTRICT', code: string, environment: ExchangeEnvironment = 'production'): Services {
  const s = openCopy(template, path.join(dir, `${name}.sqlite`), environment, level, code);
  opened.push(s);
  return s;
}

describe('trust lists and enrollments in a workspace', () => {
  it('a non-bootstrap import with nothing installed is refused with E_TRUSTLIST_NOT_BOOTSTRAPPED’s message', () => {
    const s = workspace('fresh', 'DISTRICT', '001');
    const error = refusal(() => importTrustFile(s.workspace, 't.bctrust', writeTrustFile(V1, [A, B]), false, NOW));
    expect(error.code).toBe('EXCHANGE_FILE_REFUSED');
    expect(error.params.reason).toBe(exchangeMessage('vi', 'E_TRUSTLIST_NOT_BOOTSTRAPPED'));
    expect(importTrustFile(s.workspace, 't.bctrust', writeTrustFile(V1, [A, B]), true, NOW).version).toBe(1);
  });

  // §3.5 and §5.3: "A jump of more than 1000 needs supervisor confirmation".
  it('a trust-list version jump of more than 1000 is installed only with supervisor confirmation (§3.5, §5.3)', () => {
    const s = workspace('jump', 'DISTRICT', '001');
    importTrustFile(s.workspace, 'v1.bctrust', writeTrustFile(V1, [A, B]), true, NOW);
    expect(importTrustFile(s.workspace, 'v1001.bctrust', writeTrustFile(list(1001, [A, B, C], 2), [A, B]), false, NOW).version).toBe(1001);
    const jump = writeTrustFile(list(2002, [A, B, C], 2), [A, B]);
    const error = refusal(() => importTrustFile(s.workspace, 'v2002.bctrust', jump, false, NOW));
    expect(error.code).toBe('TRUST_VERSION_JUMP');
    expect(trustStatus(s.workspace, NOW).installed?.version).toBe(1001);
    expect(importTrustFile(s.workspace, 'v2002.bctrust', jump, false, NOW, true).version).toBe(2002);
  });

  it('a training list into a production workspace is refused with the environment message', () => {
    const s = workspace('production', 'DISTRICT', '001');
    const error = refusal(() => importTrustFile(s.workspace, 't.bctrust', writeTrustFile(list(1, [A, B], 2, { environment: 'training' }), [A, B]), true, NOW));
    expect(error.params.reason).toBe(exchangeMessage('vi', 'E_ENVIRONMENT_MISMATCH'));
  });

  it('an enrollment statement whose self-signature is broken → E_STATEMENT_INVALID', () => {
    const district = workspace('enrolling', 'DISTRICT', '001');
    generateKeys(district.workspace, PASS, false);
    const good = createEnrollment(district.workspace, PASS, '0.1.0').bytes;
    expect(readEnrollment(good).statement.officeCode).toBe('T01-D001');
    const flipped = rebuildZip(good, (entries) => {
      const sig = entries[2];
      if (sig === undefined) throw new Error('no statement.sig');
      const [comment = '', b64 = ''] = sig.data.toString('latin1').split('\n');
      const block = Buffer.from(b64, 'base64');
      block[40] = (block[40] as number) ^ 0x01;
      sig.data = Buffer.from(`${comment}\n${block.toString('base64')}\n`, 'latin1');
    });
    // Signed by another key than the one it names: no proof of possession either.
    const body = readZipStrict(good, signedDocumentProfile('key')).find((e) => e.name === 'statement.json')?.data ?? Buffer.alloc(0);
    const otherKey = generateEd25519Seed();
    const foreign = rebuildZip(good, (entries) => {
      const sig = entries[2];
      if (sig === undefined) throw new Error('no statement.sig');
      sig.data = Buffer.from(formatSignatureBlock(keyIdOf(ed25519PublicFromSeed(otherKey)), ed25519Sign(otherKey, body)), 'ascii');
    });
    for (const bad of [flipped, foreign]) {
      expect(() => readEnrollment(bad)).toThrow(expect.objectContaining({ code: 'E_STATEMENT_INVALID' }));
    }
    const province = workspace('authority', 'PROVINCE', '01');
    initAuthority(province.workspace, [{ fileName: 'a.pub', text: formatPublicKeyFile('ROOT', ed25519PublicFromSeed(A)) }], 1);
    const error = refusal(() => addOffice(province.workspace, 'district.bckey', flipped));
    expect(error.params.reason).toBe(exchangeMessage('vi', 'E_STATEMENT_INVALID'));
    expect(addOffice(province.workspace, 'district.bckey', good).officeCode).toBe('T01-D001');
  });
});
