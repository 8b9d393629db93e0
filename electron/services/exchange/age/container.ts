/**
 * The age file around any recipient type: header, MAC, nonce, STREAM payload. Stage
 * order is fixed (parse → unwrap → MAC → payload) so each failure class gets its own
 * code, as exchange-format.md §5.1 stage 1 and the CCTV expectations require.
 */
import { randomBytes } from 'node:crypto';
import { BcpkgError } from '../bcpkg-error';
import type { ChachaBackend } from './chacha';
import type { AgeErrorCodes, HeaderLimits } from './codes';
import { encodeHeader, encodeHeaderForMac, parseHeader, type Stanza } from './header';
import { headerMac, isHeaderMacValid, payloadKey } from './keys';
import { decryptPayload, encryptPayload } from './stream';

const FILE_KEY_LENGTH = 16;
const NONCE_LENGTH = 16;

export function newFileKey(): Buffer {
  return randomBytes(FILE_KEY_LENGTH);
}

export function sealAge(plaintext: Uint8Array, fileKey: Uint8Array, stanzas: readonly Stanza[], backend: ChachaBackend): Buffer {
  const mac = headerMac(fileKey, encodeHeaderForMac(stanzas));
  const nonce = randomBytes(NONCE_LENGTH);
  const key = payloadKey(fileKey, nonce);
  const payload = encryptPayload(key, plaintext, backend);
  key.fill(0);
  return Buffer.concat([encodeHeader(stanzas, mac), nonce, payload]);
}

export type OpenOptions = {
  backend: ChachaBackend;
  maxPlaintext: number;
  codes: AgeErrorCodes;
  limits: HeaderLimits;
  /** Returns the 16-byte file key or throws a BcpkgError (header / not-for-us). */
  unwrap: (stanzas: readonly Stanza[]) => Buffer;
};

export function openAge(file: Uint8Array, options: OpenOptions): Buffer {
  const { codes } = options;
  const header = parseHeader(file, options.limits, codes);
  // The nonce counts as header: age (and CCTV's stream_no_nonce) treat a missing one as a header failure.
  if (file.length - header.payloadStart < NONCE_LENGTH) throw new BcpkgError(codes.header, 'missing payload nonce');
  const fileKey = options.unwrap(header.stanzas);
  try {
    if (fileKey.length !== FILE_KEY_LENGTH) throw new BcpkgError(codes.header, 'wrapped file key has the wrong length');
    if (!isHeaderMacValid(fileKey, header.macInput, header.mac)) throw new BcpkgError(codes.mac, 'header MAC does not match');
    const nonce = file.subarray(header.payloadStart, header.payloadStart + NONCE_LENGTH);
    const key = payloadKey(fileKey, nonce);
    try {
      return decryptPayload(key, file.subarray(header.payloadStart + NONCE_LENGTH), {
        backend: options.backend,
        maxPlaintext: options.maxPlaintext,
        code: codes.payload,
      });
    } finally {
      key.fill(0);
    }
  } finally {
    fileKey.fill(0);
  }
}
