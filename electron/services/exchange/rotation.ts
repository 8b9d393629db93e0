/**
 * The key-rotation statement (exchange-format.md §3.6, container of §2.8): a `.bckey`
 * whose `statement.json` names the office's old and new keys and the last sequence the
 * old key signed, and whose `statement.sig` holds two blocks — the old key's
 * (continuity: the holder of the trusted key asks for the change) then the new key's
 * (proof of possession). Only the new key's block can be checked from the file alone;
 * the old key's public key must come from the province's own records.
 */
import { BcpkgError, isBcpkgError } from './bcpkg-error';
import { canonicalBytes, parseCanonical, type Json } from './canonical-json';
import { KEY_MIMETYPE } from './enrollment';
import { BASE64_32, KEY_ID, OFFICE_CODE, SchemaReader, UTC_TIME } from './schema-check';
import { ed25519PublicFromSeed, ed25519Sign, ed25519Verify, formatSignatureBlock, keyIdHex, keyIdOf, parseSignatureFile } from './signify';
import { readZipStrict, signedDocumentProfile, writeZip } from './zip-strict';

export type RotationStatement = {
  type: 'bcpkg.key-rotation';
  officeCode: string;
  oldKeyId: string;
  newKeyId: string;
  newPublicKey: string;
  newEncryptionRecipient: string | null;
  lastSequenceUnderOldKey: number;
  createdAt: string;
  reason?: string;
};

export type ReadRotation = { statement: RotationStatement; body: Buffer; oldSignature: Buffer };

export function writeRotation(statement: Omit<RotationStatement, 'type' | 'oldKeyId' | 'newKeyId' | 'newPublicKey'>, oldSeed: Uint8Array, newSeed: Uint8Array): Buffer {
  const oldPublic = ed25519PublicFromSeed(oldSeed);
  const newPublic = ed25519PublicFromSeed(newSeed);
  const full: RotationStatement = {
    ...statement,
    type: 'bcpkg.key-rotation',
    oldKeyId: keyIdHex(keyIdOf(oldPublic)),
    newKeyId: keyIdHex(keyIdOf(newPublic)),
    newPublicKey: newPublic.toString('base64'),
  };
  const body = canonicalBytes(JSON.parse(JSON.stringify(full)) as Json);
  const sig = formatSignatureBlock(keyIdOf(oldPublic), ed25519Sign(oldSeed, body)) + formatSignatureBlock(keyIdOf(newPublic), ed25519Sign(newSeed, body));
  return writeZip([
    { name: 'mimetype', data: Buffer.from(KEY_MIMETYPE, 'ascii') },
    { name: 'statement.json', data: body },
    { name: 'statement.sig', data: Buffer.from(sig, 'ascii') },
  ]);
}

function statementBody(file: Uint8Array): { body: Buffer; sigFile: Buffer } {
  const entries = readZipStrict(file, signedDocumentProfile('key'));
  const body = entries.find((e) => e.name === 'statement.json')?.data;
  const sigFile = entries.find((e) => e.name === 'statement.sig')?.data;
  if (body === undefined || sigFile === undefined) throw new BcpkgError('E_STATEMENT_INVALID', 'entries');
  return { body, sigFile };
}

/** Which statement a `.bckey` carries, read from its signed body's `type`; anything else is E_STATEMENT_INVALID. */
export function keyStatementType(file: Uint8Array): 'bcpkg.key-enrollment' | 'bcpkg.key-rotation' {
  try {
    const value = parseCanonical(statementBody(file).body, 'E_STATEMENT_INVALID');
    const type = value !== null && typeof value === 'object' && !Array.isArray(value) ? value.type : undefined;
    if (type === 'bcpkg.key-enrollment' || type === 'bcpkg.key-rotation') return type;
    throw new BcpkgError('E_STATEMENT_INVALID', 'type');
  } catch (error) {
    if (isBcpkgError(error) && error.code !== 'E_STATEMENT_INVALID') throw new BcpkgError('E_STATEMENT_INVALID', error.message);
    throw error;
  }
}

/**
 * Reads a rotation strictly and checks the new key's block (second); returns the old
 * key's signature for the caller to check against the key it trusts. Exactly two
 * blocks, old then new: one block alone is refused, whichever key made it.
 */
export function readRotation(file: Uint8Array): ReadRotation {
  try {
    const { body, sigFile } = statementBody(file);
    const blocks = parseSignatureFile(sigFile, 2);
    const [oldSig, newSig] = blocks;
    if (oldSig === undefined || newSig === undefined) throw new BcpkgError('E_STATEMENT_INVALID', 'two signatures expected');
    const statement = readStatement(parseCanonical(body, 'E_STATEMENT_INVALID'));
    if (statement.oldKeyId === statement.newKeyId) throw new BcpkgError('E_STATEMENT_INVALID', 'same key');
    if (keyIdHex(oldSig.keyId) !== statement.oldKeyId || keyIdHex(newSig.keyId) !== statement.newKeyId) {
      throw new BcpkgError('E_STATEMENT_INVALID', 'signature order');
    }
    if (!ed25519Verify(Buffer.from(statement.newPublicKey, 'base64'), body, newSig.signature)) {
      throw new BcpkgError('E_STATEMENT_INVALID', 'no proof of possession');
    }
    return { statement, body: Buffer.from(body), oldSignature: oldSig.signature };
  } catch (error) {
    if (isBcpkgError(error) && error.code !== 'E_STATEMENT_INVALID') throw new BcpkgError('E_STATEMENT_INVALID', error.message);
    throw error;
  }
}

function readStatement(value: Json): RotationStatement {
  const r = new SchemaReader('E_STATEMENT_INVALID', 'statement');
  const o = r.object(
    value,
    ['type', 'officeCode', 'oldKeyId', 'newKeyId', 'newPublicKey', 'newEncryptionRecipient', 'lastSequenceUnderOldKey', 'createdAt'],
    ['reason'],
  );
  if (o.type !== 'bcpkg.key-rotation') r.fail('type');
  const newKeyId = r.string(o.newKeyId, KEY_ID);
  const newPublicKey = r.string(o.newPublicKey, BASE64_32);
  if (keyIdHex(keyIdOf(Buffer.from(newPublicKey, 'base64'))) !== newKeyId) r.fail('newKeyId');
  const statement: RotationStatement = {
    type: 'bcpkg.key-rotation',
    officeCode: r.string(o.officeCode, OFFICE_CODE),
    oldKeyId: r.string(o.oldKeyId, KEY_ID),
    newKeyId,
    newPublicKey,
    newEncryptionRecipient: r.nullableString(o.newEncryptionRecipient, /^age1[02-9ac-hj-np-z]{58}$/u, 64),
    lastSequenceUnderOldKey: r.integer(o.lastSequenceUnderOldKey, 0),
    createdAt: r.string(o.createdAt, UTC_TIME),
  };
  if (o.reason !== undefined) statement.reason = r.string(o.reason, null, 500);
  return statement;
}
