/**
 * The receipt (exchange-format.md §6.6, container of §2.8): a `.bcrcpt` file whose
 * `receipt.json` says what the province decided about one package — named by its id
 * AND its digest, so a receipt can never be applied to a different package that reused
 * the id — and whose `receipt.sig` is one signify block by the province's office key.
 * This module reads and writes the document; whether the signer is trusted is the
 * receiving office's decision (receipt-service.ts).
 */
import type { ReceiptDecision } from '../../../shared/api/exchange-types';
import { BcpkgError } from './bcpkg-error';
import { canonicalBytes, parseCanonical, type Json } from './canonical-json';
import { KEY_ID, MANIFEST_PERIOD, OFFICE_CODE, SchemaReader, SHA256_HEX, UTC_TIME, UUID_V4 } from './schema-check';
import { ed25519PublicFromSeed, ed25519Sign, formatSignatureBlock, keyIdHex, keyIdOf, parseSignatureFile } from './signify';
import { readZipStrict, signedDocumentProfile, writeZip } from './zip-strict';

export const RECEIPT_MIMETYPE = 'application/vnd.bcpkg-receipt+zip;version=1';
export const RECEIPT_DECISIONS = ['accepted', 'superseded', 'quarantined'] as const satisfies readonly ReceiptDecision[];
const RESULT_CODE = /^[A-Z][A-Z0-9_]{1,63}$/u;

export type Receipt = {
  type: 'bcpkg.receipt';
  packageId: string;
  packageDigest: string;
  /** The office that sent the package (and receives this receipt). */
  issuer: string;
  period: string;
  sequence: number;
  decision: ReceiptDecision;
  code: string;
  at: string;
  /** The office that decided, and the key it signed with (must equal the signature's key id). */
  receiver: { officeCode: string; keyId: string };
};

export type ParsedReceipt = { receipt: Receipt; body: Buffer; signature: { keyId: Buffer; signature: Buffer } };

export function writeReceipt(facts: Omit<Receipt, 'type' | 'receiver'> & { receiverOfficeCode: string }, seed: Uint8Array): Buffer {
  const keyId = keyIdOf(ed25519PublicFromSeed(seed));
  const { receiverOfficeCode, ...rest } = facts;
  const receipt: Receipt = { ...rest, type: 'bcpkg.receipt', receiver: { officeCode: receiverOfficeCode, keyId: keyIdHex(keyId) } };
  const body = canonicalBytes(JSON.parse(JSON.stringify(receipt)) as Json);
  const sig = formatSignatureBlock(keyId, ed25519Sign(seed, body));
  return writeZip([
    { name: 'mimetype', data: Buffer.from(RECEIPT_MIMETYPE, 'ascii') },
    { name: 'receipt.json', data: body },
    { name: 'receipt.sig', data: Buffer.from(sig, 'ascii') },
  ]);
}

/**
 * The container and signature block of a plain `.bcrcpt`, read strictly (E_ZIP_*,
 * E_NOT_BCPKG, E_SIG_*). The JSON is not parsed yet: as for packages (§5, stage 3
 * before 4) the signature is checked with the trusted key before the body is read.
 */
export function readReceiptContainer(file: Uint8Array): { body: Buffer; signature: { keyId: Buffer; signature: Buffer } } {
  const entries = readZipStrict(file, signedDocumentProfile('receipt'));
  const body = entries.find((e) => e.name === 'receipt.json')?.data;
  const sigFile = entries.find((e) => e.name === 'receipt.sig')?.data;
  if (body === undefined || sigFile === undefined || entries.length !== 3) throw new BcpkgError('E_NOT_BCPKG', 'receipt entries');
  const [signature, ...others] = parseSignatureFile(sigFile, 1);
  if (signature === undefined || others.length > 0) throw new BcpkgError('E_SIG_MALFORMED', 'one signature expected');
  return { body: Buffer.from(body), signature };
}

/** Canonical-or-reject and the exact schema (E_MANIFEST_NOT_CANONICAL, E_MANIFEST_SCHEMA). */
export function parseReceiptBody(body: Uint8Array): Receipt {
  return readReceiptJson(parseCanonical(body, 'E_MANIFEST_NOT_CANONICAL'));
}

/** Container, signature block and body in one go; whether the signer is trusted is not checked. */
export function readReceipt(file: Uint8Array): ParsedReceipt {
  const { body, signature } = readReceiptContainer(file);
  return { receipt: parseReceiptBody(body), body, signature };
}

function readReceiptJson(value: Json): Receipt {
  const r = new SchemaReader('E_MANIFEST_SCHEMA', 'receipt');
  const o = r.object(value, ['type', 'packageId', 'packageDigest', 'issuer', 'period', 'sequence', 'decision', 'code', 'at', 'receiver']);
  if (o.type !== 'bcpkg.receipt') r.fail('type');
  const receiver = r.at('receiver').object(o.receiver, ['officeCode', 'keyId']);
  return {
    type: 'bcpkg.receipt',
    packageId: r.string(o.packageId, UUID_V4, 36),
    packageDigest: r.string(o.packageDigest, SHA256_HEX, 64),
    issuer: r.string(o.issuer, OFFICE_CODE, 24),
    period: r.string(o.period, MANIFEST_PERIOD, 10),
    sequence: r.integer(o.sequence, 1),
    decision: r.oneOf(o.decision, RECEIPT_DECISIONS),
    code: r.string(o.code, RESULT_CODE, 64),
    at: r.string(o.at, UTC_TIME, 20),
    receiver: { officeCode: r.string(receiver.officeCode, OFFICE_CODE, 24), keyId: r.string(receiver.keyId, KEY_ID, 16) },
  };
}
