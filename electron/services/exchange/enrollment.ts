/**
 * The enrollment statement (exchange-format.md §3.4, container of §2.8): a `.bckey`
 * file whose `statement.json` names the office and its public keys and whose
 * `statement.sig` is signed by the key itself — proof of possession. Identity is proved
 * out of band (the 30-digit fingerprint read over the phone, the signed paper form).
 */
import type { ExchangeEnvironment, OfficeLevel } from '../../../shared/api/exchange-types';
import { BcpkgError, isBcpkgError } from './bcpkg-error';
import { canonicalBytes, parseCanonical } from './canonical-json';
import { BASE64_32, KEY_ID, LEVELS, OFFICE_CODE, SchemaReader, UTC_TIME } from './schema-check';
import { ed25519PublicFromSeed, ed25519Sign, ed25519Verify, formatSignatureBlock, keyIdHex, keyIdOf, parseSignatureFile } from './signify';
import { readZipStrict, signedDocumentProfile, writeZip } from './zip-strict';

export const KEY_MIMETYPE = 'application/vnd.bcpkg-key+zip;version=1';

export type EnrollmentStatement = {
  type: 'bcpkg.key-enrollment';
  officeCode: string;
  officeName: string;
  level: OfficeLevel;
  parent: string | null;
  environment: ExchangeEnvironment;
  adminUnit: { scheme: string; code: string };
  signingKey: { keyId: string; publicKey: string };
  encryptionRecipient: string | null;
  createdAt: string;
  app: { name: string; version: string };
};

export function writeEnrollment(statement: Omit<EnrollmentStatement, 'type' | 'signingKey'>, seed: Uint8Array): Buffer {
  const publicKey = ed25519PublicFromSeed(seed);
  const keyId = keyIdOf(publicKey);
  const full: EnrollmentStatement = {
    ...statement,
    type: 'bcpkg.key-enrollment',
    signingKey: { keyId: keyIdHex(keyId), publicKey: publicKey.toString('base64') },
  };
  const body = canonicalBytes(JSON.parse(JSON.stringify(full)) as Parameters<typeof canonicalBytes>[0]);
  const sig = formatSignatureBlock(keyId, ed25519Sign(seed, body));
  return writeZip([
    { name: 'mimetype', data: Buffer.from(KEY_MIMETYPE, 'ascii') },
    { name: 'statement.json', data: body },
    { name: 'statement.sig', data: Buffer.from(sig, 'ascii') },
  ]);
}

/** Reads and checks a `.bckey` enrollment: strict container, schema, self-signature. Throws E_STATEMENT_INVALID. */
export function readEnrollment(file: Uint8Array): { statement: EnrollmentStatement; publicKey: Buffer } {
  try {
    const entries = readZipStrict(file, signedDocumentProfile('key'));
    const body = entries.find((e) => e.name === 'statement.json')?.data;
    const sigFile = entries.find((e) => e.name === 'statement.sig')?.data;
    if (body === undefined || sigFile === undefined) throw new BcpkgError('E_STATEMENT_INVALID', 'entries');
    const [sig, ...others] = parseSignatureFile(sigFile, 2);
    if (sig === undefined || others.length > 0) throw new BcpkgError('E_STATEMENT_INVALID', 'one signature expected');
    const statement = readStatement(parseCanonical(body, 'E_STATEMENT_INVALID'));
    const publicKey = Buffer.from(statement.signingKey.publicKey, 'base64');
    if (keyIdHex(sig.keyId) !== statement.signingKey.keyId || !ed25519Verify(publicKey, body, sig.signature)) {
      throw new BcpkgError('E_STATEMENT_INVALID', 'no proof of possession');
    }
    return { statement, publicKey };
  } catch (error) {
    if (isBcpkgError(error) && error.code !== 'E_STATEMENT_INVALID') throw new BcpkgError('E_STATEMENT_INVALID', error.message);
    throw error;
  }
}

function readStatement(value: Parameters<SchemaReader['object']>[0]): EnrollmentStatement {
  const r = new SchemaReader('E_STATEMENT_INVALID', 'statement');
  const o = r.object(value, [
    'type', 'officeCode', 'officeName', 'level', 'parent', 'environment', 'adminUnit', 'signingKey', 'encryptionRecipient', 'createdAt', 'app',
  ]);
  if (o.type !== 'bcpkg.key-enrollment') r.fail('type');
  const unit = r.at('adminUnit').object(o.adminUnit, ['scheme', 'code']);
  const key = r.at('signingKey').object(o.signingKey, ['keyId', 'publicKey']);
  const app = r.at('app').object(o.app, ['name', 'version']);
  const keyId = r.string(key.keyId, KEY_ID);
  const publicKey = r.string(key.publicKey, BASE64_32);
  if (keyIdHex(keyIdOf(Buffer.from(publicKey, 'base64'))) !== keyId) r.fail('keyId');
  return {
    type: 'bcpkg.key-enrollment',
    officeCode: r.string(o.officeCode, OFFICE_CODE),
    officeName: r.string(o.officeName, null, 200),
    level: r.oneOf(o.level, LEVELS),
    parent: r.nullableString(o.parent, OFFICE_CODE),
    environment: r.oneOf(o.environment, ['production', 'training'] as const),
    adminUnit: { scheme: r.string(unit.scheme, /^[A-Z0-9_]{1,32}$/u, 32), code: r.string(unit.code, /^[0-9A-Za-z]{1,16}$/u, 16) },
    signingKey: { keyId, publicKey },
    encryptionRecipient: r.nullableString(o.encryptionRecipient, /^age1[02-9ac-hj-np-z]{58}$/u, 64),
    createdAt: r.string(o.createdAt, UTC_TIME),
    app: { name: r.string(app.name, null, 64), version: r.string(app.version, null, 32) },
  };
}
