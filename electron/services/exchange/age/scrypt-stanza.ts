/**
 * The `scrypt` passphrase stanza (C2SP age §"The scrypt recipient type"), used only for
 * key files (exchange-format.md §3.3). It must be the header's only stanza, and the
 * work factor is capped before any scrypt runs, so a hostile file cannot demand
 * gigabytes of memory.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { BcpkgError } from '../bcpkg-error';
import type { ChachaBackend } from './chacha';
import { decodeBase64, encodeBase64 } from './base64';
import type { AgeErrorCodes } from './codes';
import type { Stanza } from './header';

const LABEL = Buffer.from('age-encryption.org/v1/scrypt', 'latin1');
const ZERO_NONCE = new Uint8Array(12);
const SALT_LENGTH = 16;
const BODY_LENGTH = 32;
const R = 8;
const DECIMAL = /^[1-9][0-9]{0,2}$/u;

function scryptKey(passphrase: string, salt: Uint8Array, logN: number): Buffer {
  const N = 2 ** logN;
  // Node's default maxmem (32 MiB) throws from N = 2^15 with r = 8 (§8); scrypt needs ~128·N·r.
  return scryptSync(Buffer.from(passphrase, 'utf8'), Buffer.concat([LABEL, salt]), 32, {
    N,
    r: R,
    p: 1,
    maxmem: 128 * N * R * 2,
  });
}

export function wrapScrypt(fileKey: Uint8Array, passphrase: string, logN: number, backend: ChachaBackend): Stanza {
  if (!Number.isInteger(logN) || logN < 1 || logN > 22) throw new Error('age: scrypt logN out of range');
  const salt = randomBytes(SALT_LENGTH);
  const body = Buffer.from(backend.seal(scryptKey(passphrase, salt, logN), ZERO_NONCE, fileKey));
  return { type: 'scrypt', args: [encodeBase64(salt), String(logN)], body };
}

export function unwrapScrypt(
  stanzas: readonly Stanza[],
  passphrase: string,
  options: { backend: ChachaBackend; codes: AgeErrorCodes; maxLogN: number },
): Buffer {
  const fail = (detail: string): BcpkgError => new BcpkgError(options.codes.header, detail);
  const [stanza] = stanzas;
  if (stanza === undefined || stanzas.length !== 1) throw fail('a passphrase file has exactly one stanza');
  if (stanza.type !== 'scrypt') throw fail('not a passphrase-encrypted file');
  const [saltText = '', logNText = ''] = stanza.args;
  const salt = stanza.args.length === 2 ? decodeBase64(saltText) : null;
  if (salt === null || salt.length !== SALT_LENGTH) throw fail('scrypt stanza needs a 16-byte salt and a work factor');
  if (!DECIMAL.test(logNText)) throw fail('scrypt work factor is not a plain decimal');
  const logN = Number(logNText);
  if (logN > options.maxLogN) throw fail(`scrypt work factor ${logN} above the cap ${options.maxLogN}`);
  if (stanza.body.length !== BODY_LENGTH) throw fail('scrypt stanza body must be 32 bytes');
  const wrapKey = scryptKey(passphrase, salt, logN);
  const fileKey = options.backend.open(wrapKey, ZERO_NONCE, stanza.body);
  wrapKey.fill(0);
  if (fileKey === null) throw new BcpkgError(options.codes.notForUs, 'the passphrase does not unwrap the key file');
  return Buffer.from(fileKey);
}
