import { describe, expect, it } from 'vitest';
import { isOptionalCapability, missingRequired, runCryptoProbe } from './crypto-probe';

describe('runCryptoProbe', () => {
  const results = runCryptoProbe();

  it('passes every required capability on this Node', () => {
    expect(missingRequired(results)).toEqual([]);
    expect(results.map((r) => r.capability)).toEqual([
      'ed25519',
      'x25519',
      'hkdf-sha256 / hmac-sha256',
      'scrypt',
      'aes-256-gcm',
      'chacha20-poly1305 (node)',
      'chacha20-poly1305 (noble)',
      'sha256',
      'randomBytes',
    ]);
  });

  it('has node ChaCha20-Poly1305 on plain Node (OpenSSL), where it is optional', () => {
    const node = results.find((r) => r.capability === 'chacha20-poly1305 (node)');
    expect(node?.ok).toBe(true);
    expect(isOptionalCapability('chacha20-poly1305 (node)')).toBe(true);
  });

  it('reports a failed optional capability without listing it as missing', () => {
    const simulated = results.map((r) => (r.capability.endsWith('(node)') ? { ...r, ok: false, detail: 'Unknown cipher' } : r));
    expect(missingRequired(simulated)).toEqual([]);
    const broken = results.map((r) => (r.capability === 'ed25519' ? { ...r, ok: false } : r));
    expect(missingRequired(broken)).toEqual(['ed25519']);
  });
});
