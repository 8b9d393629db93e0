/**
 * Runtime capability probe (exchange-format.md §4.4, §7.2 item 9). Electron links
 * BoringSSL, which lacks some of what Node's OpenSSL has, so the exact shipped binary
 * must be checked (`ELECTRON_RUN_AS_NODE=1`). Each check runs a published vector and
 * throws on a mismatch; runCryptoProbe reports that (or a missing primitive) as a
 * failed capability, never propagates it.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomBytes,
  scryptSync,
  sign,
  verify,
} from 'node:crypto';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ageDecrypt } from './age/age';
import { nobleChacha, nodeChacha, type ChachaBackend } from './age/chacha';
import { parseIdentity, x25519PublicFromSecret, x25519SharedSecret } from './age/x25519';

// Published test vectors: passing one shows the primitive computes correctly, not merely that it runs.
const ED25519_RFC8032_TEST1 = {
  seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
  publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  message: '',
  signature:
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
};

const X25519_RFC7748 = {
  alicePrivate: '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a',
  alicePublic: '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
  bobPublic: 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
  shared: '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
};

/** RFC 5869 A.1. */
const HKDF_RFC5869_CASE1 = {
  ikm: '0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b',
  salt: '000102030405060708090a0b0c',
  info: 'f0f1f2f3f4f5f6f7f8f9',
  okm: '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
};

/** RFC 4231 test case 2. */
const HMAC_RFC4231_CASE2 = {
  key: 'Jefe',
  data: 'what do ya want for nothing?',
  mac: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
};

/** RFC 7914 §12, third vector (N = 1024, r = 8, p = 16). */
const SCRYPT_RFC7914 = {
  password: 'password',
  salt: 'NaCl',
  N: 1024,
  r: 8,
  p: 16,
  key: 'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
};

/** The GCM specification's test case 14 (256-bit zero key, zero IV, one zero block). */
const AES256GCM_CASE14 = {
  key: '00'.repeat(32),
  iv: '00'.repeat(12),
  plaintext: '00'.repeat(16),
  ciphertext: 'cea7403d4d606b6e074ec5d3baf39d18',
  tag: 'd0d1c8a799996bf0265b98b5d48ab919',
};

/** RFC 8439 §2.8.2. */
const CHACHA_RFC8439 = {
  key: '808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f',
  nonce: '070000004041424344454647',
  aad: '50515253c0c1c2c3c4c5c6c7',
  plaintext: "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
  ciphertext:
    'd31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116',
  tag: '1ae10b594f09e26a7e902ecbd0600691',
};

/** The C2SP CCTV `x25519` age vector: exercises the whole age path, including our backend wrapper. */
const AGE_CCTV_X25519 = {
  identity: 'AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0',
  file:
    'YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBURWlGMHlwcXIrYnB2Y3FYTnlDVkpwTDdPdXdQZFZ3UEw3S1FFYkZET0NjCmhqYWJHWHdTTFE5YzNTNkx3MmkrUzJUdTJmaXdRSEhzbGJCTjZCNDFGTEUKLS0tIFd5SnA5Ri85Rk9aaDdnSmRoZXEyV0lKY3dIZ1ljOE5JVmgzZGR3aHJjTmcK7s9ix86RtDMnTmjU8vkTTLdMW/73vqpSyPC8DpksHoMx+2Y=',
  payloadSha256: '013f54400c82da08037759ada907a8b864e97de81c088a182062c4b5622fd2ab',
};

const SHA256_ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

export type ProbeResult = { capability: string; ok: boolean; detail: string };

/** Node's ChaCha20-Poly1305 is optional: the noble backend covers it (Electron lacks it). */
const OPTIONAL = new Set(['chacha20-poly1305 (node)']);

const hex = (s: string): Buffer => Buffer.from(s, 'hex');
const ED25519_PKCS8 = hex('302e020100300506032b657004220420');
/** Key files use logN 18 (§3.3); BoringSSL may cap scrypt memory differently, so that cost is probed too. */
const KEY_FILE_LOG_N = 18;

function check(isOk: boolean, mismatch: string): void {
  if (!isOk) throw new Error(mismatch);
}

function ed25519(): string {
  const v = ED25519_RFC8032_TEST1;
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, hex(v.seed)]), format: 'der', type: 'pkcs8' });
  const pub = createPublicKey(key);
  const rawPub = pub.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
  const signature = sign(null, hex(v.message), key);
  const tampered = Buffer.from(signature);
  tampered[0] = (tampered[0] ?? 0) ^ 1;
  check(rawPub === v.publicKey && signature.toString('hex') === v.signature, 'RFC 8032 test 1 mismatch');
  check(verify(null, hex(v.message), pub, signature) && !verify(null, hex(v.message), pub, tampered), 'verify is wrong');
  return 'ok';
}

function x25519(): string {
  const v = X25519_RFC7748;
  const pub = x25519PublicFromSecret(hex(v.alicePrivate)).toString('hex');
  const shared = x25519SharedSecret(hex(v.alicePrivate), hex(v.bobPublic))?.toString('hex');
  const lowOrder = x25519SharedSecret(hex(v.alicePrivate), Buffer.alloc(32));
  check(pub === v.alicePublic && shared === v.shared, 'RFC 7748 §6.1 mismatch');
  check(lowOrder === null, 'low-order point not rejected');
  return 'ok';
}

function hkdfAndHmac(): string {
  const h = HKDF_RFC5869_CASE1;
  const okm = Buffer.from(hkdfSync('sha256', hex(h.ikm), hex(h.salt), hex(h.info), h.okm.length / 2)).toString('hex');
  const m = HMAC_RFC4231_CASE2;
  const mac = createHmac('sha256', m.key).update(m.data).digest('hex');
  check(okm === h.okm && mac === m.mac, 'RFC 5869 / RFC 4231 mismatch');
  return 'ok';
}

function scrypt(): string {
  const v = SCRYPT_RFC7914;
  const key = scryptSync(v.password, v.salt, v.key.length / 2, { N: v.N, r: v.r, p: v.p }).toString('hex');
  check(key === v.key, 'RFC 7914 mismatch');
  const N = 2 ** KEY_FILE_LOG_N;
  const started = Date.now();
  scryptSync('probe', 'salt', 32, { N, r: 8, p: 1, maxmem: 128 * N * 8 * 2 });
  return `ok; logN ${KEY_FILE_LOG_N} took ${Date.now() - started} ms`;
}

function aesGcm(): string {
  const v = AES256GCM_CASE14;
  const cipher = createCipheriv('aes-256-gcm', hex(v.key), hex(v.iv), { authTagLength: 16 });
  const ct = Buffer.concat([cipher.update(hex(v.plaintext)), cipher.final()]).toString('hex');
  check(ct === v.ciphertext && cipher.getAuthTag().toString('hex') === v.tag, 'GCM test case 14 mismatch');
  const decipher = createDecipheriv('aes-256-gcm', hex(v.key), hex(v.iv), { authTagLength: 16 });
  // With the length pinned, a truncated tag must be refused (§8's pitfall).
  let isTruncatedTagAccepted = true;
  try {
    decipher.setAuthTag(hex(v.tag).subarray(0, 4));
  } catch {
    isTruncatedTagAccepted = false;
  }
  check(!isTruncatedTagAccepted, 'a 4-byte tag was accepted');
  return 'ok';
}

function ageEndToEnd(backend: ChachaBackend): string {
  const v = AGE_CCTV_X25519;
  const plaintext = ageDecrypt(Buffer.from(v.file, 'base64'), [parseIdentity(v.identity)], { backend, maxPlaintext: 1024 });
  check(createHash('sha256').update(plaintext).digest('hex') === v.payloadSha256, 'CCTV x25519 payload mismatch');
  return 'ok; RFC 8439 vector and an age file decrypted';
}

function chachaNode(): string {
  const v = CHACHA_RFC8439;
  const cipher = createCipheriv('chacha20-poly1305', hex(v.key), hex(v.nonce), { authTagLength: 16 });
  cipher.setAAD(hex(v.aad), { plaintextLength: Buffer.byteLength(v.plaintext) });
  const ct = Buffer.concat([cipher.update(v.plaintext, 'utf8'), cipher.final()]).toString('hex');
  check(ct === v.ciphertext && cipher.getAuthTag().toString('hex') === v.tag, 'RFC 8439 §2.8.2 mismatch');
  return ageEndToEnd(nodeChacha);
}

function chachaNoble(): string {
  const v = CHACHA_RFC8439;
  const sealed = Buffer.from(chacha20poly1305(hex(v.key), hex(v.nonce), hex(v.aad)).encrypt(Buffer.from(v.plaintext)));
  check(sealed.toString('hex') === v.ciphertext + v.tag, 'RFC 8439 §2.8.2 mismatch');
  return ageEndToEnd(nobleChacha);
}

function sha256(): string {
  check(createHash('sha256').update('abc').digest('hex') === SHA256_ABC, 'FIPS 180-2 "abc" mismatch');
  return 'ok';
}

function random(): string {
  const a = randomBytes(32);
  const b = randomBytes(32);
  check(a.length === 32 && !a.equals(b) && a.some((x) => x !== 0), 'randomBytes looks broken');
  return 'ok';
}

const CHECKS: readonly [string, () => string][] = [
  ['ed25519', ed25519],
  ['x25519', x25519],
  ['hkdf-sha256 / hmac-sha256', hkdfAndHmac],
  ['scrypt', scrypt],
  ['aes-256-gcm', aesGcm],
  ['chacha20-poly1305 (node)', chachaNode],
  ['chacha20-poly1305 (noble)', chachaNoble],
  ['sha256', sha256],
  ['randomBytes', random],
];

/** Detail: "ok…" on success; the mismatch or the runtime's own error (e.g. "Unknown cipher") on failure. */
export function runCryptoProbe(): ProbeResult[] {
  return CHECKS.map(([capability, run]) => {
    try {
      return { capability, ok: true, detail: run() };
    } catch (error) {
      return { capability, ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** Required capabilities that failed; a non-empty list must fail the build (§7.2 item 9). */
export function missingRequired(results: readonly ProbeResult[]): string[] {
  return results.filter((r) => !r.ok && !OPTIONAL.has(r.capability)).map((r) => r.capability);
}

export function isOptionalCapability(capability: string): boolean {
  return OPTIONAL.has(capability);
}
