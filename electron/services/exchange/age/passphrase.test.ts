/** age-scrypt key files (exchange-format.md §3.3): round trip, wrong passphrase, work-factor cap. */
import { describe, expect, it } from 'vitest';
import { isBcpkgError } from '../bcpkg-error';
import { ageEncrypt } from './age';
import { nobleChacha, nodeChacha } from './chacha';
import { ageDecryptWithPassphrase, ageEncryptWithPassphrase, DEFAULT_MAX_LOG_N } from './passphrase';
import { generateX25519Secret, x25519PublicFromSecret } from './x25519';

const options = { backend: nobleChacha, maxLogN: DEFAULT_MAX_LOG_N, maxPlaintext: 1024 };
const secretJson = Buffer.from('{"type":"bcpkg.secret-key","officeCode":"79-001","seed":"AAAA"}');

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (!isBcpkgError(error)) throw error;
    return error.code;
  }
}

describe('ageEncryptWithPassphrase / ageDecryptWithPassphrase', () => {
  const file = ageEncryptWithPassphrase(secretJson, 'bốn từ ngẫu nhiên', 10, nodeChacha);

  it('round-trips at logN 10 across backends, with one scrypt stanza', () => {
    expect(ageDecryptWithPassphrase(file, 'bốn từ ngẫu nhiên', options).equals(secretJson)).toBe(true);
    expect(file.toString('latin1').match(/^-> /gmu)).toHaveLength(1);
    expect(file.toString('latin1')).toMatch(/^-> scrypt [A-Za-z0-9+/]{22} 10$/mu);
  });

  it('a wrong passphrase → E_WRONG_PASSPHRASE', () => {
    expect(codeOf(() => ageDecryptWithPassphrase(file, 'bon tu ngau nhien', options))).toBe('E_WRONG_PASSPHRASE');
  });

  it('a work factor above maxLogN → E_KEY_FILE_INVALID, before scrypt runs', () => {
    expect(codeOf(() => ageDecryptWithPassphrase(file, 'x', { ...options, maxLogN: 9 }))).toBe('E_KEY_FILE_INVALID');
    const costly = Buffer.from(file.toString('latin1').replace(/ 10\n/u, ' 21\n'), 'latin1');
    expect(codeOf(() => ageDecryptWithPassphrase(costly, 'x', options))).toBe('E_KEY_FILE_INVALID');
  });

  it('a recipient-encrypted file, a damaged payload or a truncated file → E_KEY_FILE_INVALID', () => {
    const secret = generateX25519Secret();
    const x25519File = ageEncrypt(secretJson, [x25519PublicFromSecret(secret)], nodeChacha);
    expect(codeOf(() => ageDecryptWithPassphrase(x25519File, 'x', options))).toBe('E_KEY_FILE_INVALID');
    const damaged = Buffer.from(file);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 1;
    expect(codeOf(() => ageDecryptWithPassphrase(damaged, 'bốn từ ngẫu nhiên', options))).toBe('E_KEY_FILE_INVALID');
    expect(codeOf(() => ageDecryptWithPassphrase(file.subarray(0, 40), 'x', options))).toBe('E_KEY_FILE_INVALID');
  });

  it('scrypt at logN 18 (the key-file default) works with the raised maxmem', () => {
    const slow = ageEncryptWithPassphrase(Buffer.from('k'), 'pw', 18, nodeChacha);
    expect(ageDecryptWithPassphrase(slow, 'pw', options).toString()).toBe('k');
  });
});
