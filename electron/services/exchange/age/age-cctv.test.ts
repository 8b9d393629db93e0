/**
 * The C2SP CCTV age corpus (exchange-format.md §4.2, §7.1), on both ChaCha backends.
 * Each vector runs twice where it applies:
 * - through the public API (ageDecrypt / ageDecryptWithPassphrase), with our stricter
 *   policy: a file with any stanza other than X25519 (or, for key files, other than one
 *   scrypt) is a header failure even where age itself would succeed;
 * - through the same container with age's own stanza rule ("ignore unknown types"), so
 *   the generic parser is held to the full corpus, grease vectors included.
 * Skipped: armored vectors (packages are binary only) and vectors needing identity
 * types we do not implement (ML-KEM hybrid).
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import * as corpus from 'cctv-age';
import { afterAll, describe, expect, it } from 'vitest';
import { isBcpkgError } from '../bcpkg-error';
import type { ExchangeErrorCode } from '../../../../shared/exchange/codes';
import { ageDecrypt } from './age';
import { nobleChacha, nodeChacha, type ChachaBackend } from './chacha';
import { HEADER_LIMITS, PACKAGE_CODES } from './codes';
import { openAge } from './container';
import { ageDecryptWithPassphrase, DEFAULT_MAX_LOG_N } from './passphrase';
import { unwrapX25519 } from './x25519-stanza';
import { parseIdentity } from './x25519';

type Expect = 'success' | 'no match' | 'HMAC failure' | 'header failure' | 'payload failure' | 'armor failure';
type Vector = {
  name: string;
  expect: Expect;
  payloadSha256: string | undefined;
  identities: string[];
  passphrases: string[];
  isArmored: boolean;
  file: Buffer;
  stanzaTypes: string[];
};

const MAX_PLAINTEXT = 64 * 1024 * 1024;

function loadVector(name: string, raw: Uint8Array): Vector {
  const bytes = Buffer.from(raw);
  const split = bytes.indexOf('\n\n');
  const fields = bytes.toString('utf8', 0, split).split('\n').map((line) => line.split(': ', 2) as [string, string]);
  const values = (key: string): string[] => fields.filter(([k]) => k === key).map(([, v]) => v);
  const body = bytes.subarray(split + 2);
  const file = values('compressed')[0] === 'zlib' ? inflateSync(body) : Buffer.from(body);
  const headerText = file.toString('latin1', 0, Math.min(file.length, 64 * 1024)).split('\n---')[0] ?? '';
  const stanzaTypes = headerText.split('\n').filter((l) => l.startsWith('-> ')).map((l) => l.slice(3).split(' ')[0] ?? '');
  return {
    name,
    expect: values('expect')[0] as Expect,
    payloadSha256: values('payload')[0],
    identities: values('identity'),
    passphrases: values('passphrase'),
    isArmored: values('armored')[0] === 'yes',
    file,
    stanzaTypes,
  };
}

const all = Object.entries(corpus as Record<string, Uint8Array>).map(([name, raw]) => loadVector(name, raw));
const armored = all.filter((v) => v.isArmored);
const otherIdentityTypes = all.filter((v) => !v.isArmored && v.identities.some((id) => !id.startsWith('AGE-SECRET-KEY-1')));
const runnable = all.filter((v) => !armored.includes(v) && !otherIdentityTypes.includes(v));
const passphraseVectors = runnable.filter((v) => v.passphrases.length > 0);
// A vector with no identity and no passphrase (`empty`) is still a package-decrypt case.
const identityVectors = runnable.filter((v) => v.identities.length > 0 || v.passphrases.length === 0);

type Outcome = { sha256: string } | { code: ExchangeErrorCode };

function outcome(run: () => Buffer): Outcome {
  try {
    return { sha256: createHash('sha256').update(run()).digest('hex') };
  } catch (error) {
    if (!isBcpkgError(error)) throw error;
    return { code: error.code };
  }
}

function expected(v: Vector, codes: Record<Exclude<Expect, 'success' | 'armor failure'>, ExchangeErrorCode>, policyCode: ExchangeErrorCode | null): Outcome {
  if (policyCode !== null) return { code: policyCode };
  if (v.expect === 'success') return { sha256: v.payloadSha256 ?? '' };
  if (v.expect === 'armor failure') throw new Error(`armor vector ${v.name} should have been skipped`);
  return { code: codes[v.expect] };
}

const PACKAGE_EXPECT = {
  'no match': 'E_ENC_NOT_FOR_US',
  'HMAC failure': 'E_ENC_HEADER_MAC',
  'header failure': 'E_ENC_HEADER',
  'payload failure': 'E_ENC_PAYLOAD',
} as const;
const KEY_FILE_EXPECT = {
  'no match': 'E_WRONG_PASSPHRASE',
  'HMAC failure': 'E_KEY_FILE_INVALID',
  'header failure': 'E_KEY_FILE_INVALID',
  'payload failure': 'E_KEY_FILE_INVALID',
} as const;

/** Vectors that age accepts (or reports "no match") but our package policy refuses as a header failure. */
const packagePolicyRejects = identityVectors.filter(
  (v) => v.expect !== 'header failure' && v.stanzaTypes.some((t) => t !== 'X25519'),
);
const keyFilePolicyRejects = passphraseVectors.filter(
  (v) => v.expect !== 'header failure' && (v.stanzaTypes.length !== 1 || v.stanzaTypes[0] !== 'scrypt'),
);

const ran = new Map<string, number>();
const count = (key: string): void => {
  ran.set(key, (ran.get(key) ?? 0) + 1);
};

describe.each([nodeChacha, nobleChacha])('CCTV age vectors, $name backend', (backend: ChachaBackend) => {
  it.each(identityVectors)('package policy: $name', (v) => {
    const policy = packagePolicyRejects.includes(v) ? 'E_ENC_HEADER' : null;
    const identities = v.identities.map(parseIdentity);
    expect(outcome(() => ageDecrypt(v.file, identities, { backend, maxPlaintext: MAX_PLAINTEXT }))).toEqual(
      expected(v, PACKAGE_EXPECT, policy),
    );
    count(backend.name);
  });

  it.each(identityVectors)('age semantics (unknown stanzas ignored): $name', (v) => {
    const identities = v.identities.map(parseIdentity);
    const run = (): Buffer =>
      openAge(v.file, {
        backend,
        maxPlaintext: MAX_PLAINTEXT,
        codes: PACKAGE_CODES,
        limits: HEADER_LIMITS,
        unwrap: (stanzas) => unwrapX25519(stanzas, identities, { backend, codes: PACKAGE_CODES, others: 'ignore' }),
      });
    expect(outcome(run)).toEqual(expected(v, PACKAGE_EXPECT, null));
  });

  it.each(passphraseVectors)('key-file policy: $name', (v) => {
    const policy = keyFilePolicyRejects.includes(v) ? 'E_KEY_FILE_INVALID' : null;
    const passphrase = v.passphrases[0] ?? '';
    const options = { backend, maxLogN: DEFAULT_MAX_LOG_N, maxPlaintext: MAX_PLAINTEXT };
    expect(outcome(() => ageDecryptWithPassphrase(v.file, passphrase, options))).toEqual(
      expected(v, KEY_FILE_EXPECT, policy),
    );
    count(backend.name);
  });
});

describe('CCTV corpus coverage', () => {
  it('runs the relevant vectors and skips only armored and non-X25519-identity ones', () => {
    expect(all.length).toBeGreaterThanOrEqual(140);
    expect(runnable.length).toBeGreaterThanOrEqual(60);
    expect(otherIdentityTypes.every((v) => v.name.startsWith('hybrid'))).toBe(true);
    // The work-factor cap is what rejects scrypt_work_factor_23 (logN 23 > 20).
    expect(passphraseVectors.map((v) => v.name)).toContain('scrypt_work_factor_23');
  });

  afterAll(() => {
    const per = [...ran].map(([name, n]) => `${name}: ${n}`).join(', ');
    console.info(
      `CCTV: ${all.length} vectors; policy runs per backend {${per}} (${identityVectors.length} package, ` +
        `${passphraseVectors.length} key-file, plus ${identityVectors.length} age-semantics runs); ` +
        `skipped ${armored.length} armored and ${otherIdentityTypes.length} with non-X25519 identities; ` +
        `policy overrides: package [${packagePolicyRejects.map((v) => v.name).join(', ')}], ` +
        `key file [${keyFilePolicyRejects.map((v) => v.name).join(', ')}]`,
    );
    for (const name of ['node', 'noble']) {
      if (ran.size > 0) expect(ran.get(name)).toBe(identityVectors.length + passphraseVectors.length);
    }
  });
});
