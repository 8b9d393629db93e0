/**
 * Cross-implementation check (exchange-format.md §7.2 item 8) against the reference
 * `age` tool (Debian package `age`; `.ci/run` installs it). Skipped when it is absent.
 * age reads a passphrase only from a terminal, so the key-file check (the §3.3
 * emergency-recovery path) runs it under util-linux `script`, when present.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ageDecrypt, ageEncrypt } from './age';
import { nobleChacha, nodeChacha } from './chacha';
import { ageEncryptWithPassphrase } from './passphrase';
import { formatIdentityFile, generateX25519Secret, parseIdentityFile, recipientString, x25519PublicFromSecret } from './x25519';

const AGE = '/usr/bin/age';
const AGE_KEYGEN = '/usr/bin/age-keygen';
const SCRIPT = '/usr/bin/script';
const hasAge = existsSync(AGE) && existsSync(AGE_KEYGEN);
if (!hasAge) console.warn(`age CLI interop skipped: ${AGE} not found (apt-get install age)`);

describe.skipIf(!hasAge)('interop with the age command-line tool', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pcmt-age-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const plaintext = randomBytes(3 * 65_536 + 17);

  it.each([nodeChacha, nobleChacha])('age -d decrypts what we encrypt ($name backend)', (backend) => {
    const secret = generateX25519Secret();
    const identityPath = path.join(dir, `identity-${backend.name}.txt`);
    writeFileSync(identityPath, formatIdentityFile(secret, '2026-01-01T00:00:00Z'));
    const other = x25519PublicFromSecret(generateX25519Secret());
    const file = ageEncrypt(plaintext, [other, x25519PublicFromSecret(secret)], backend);
    expect(execFileSync(AGE, ['-d', '-i', identityPath], { input: file }).equals(plaintext)).toBe(true);
  });

  it.each([nodeChacha, nobleChacha])('we decrypt age -r output with an age-keygen identity ($name backend)', (backend) => {
    const identityPath = path.join(dir, `keygen-${backend.name}.txt`);
    execFileSync(AGE_KEYGEN, ['-o', identityPath], { stdio: 'ignore' });
    const identities = parseIdentityFile(readFileSync(identityPath, 'utf8'));
    const recipient = execFileSync(AGE_KEYGEN, ['-y', identityPath], { encoding: 'utf8' }).trim();
    expect(identities.map((s) => recipientString(x25519PublicFromSecret(s)))).toEqual([recipient]);
    for (const input of [plaintext, Buffer.alloc(0), randomBytes(65_536)]) {
      const file = execFileSync(AGE, ['-r', recipient], { input });
      expect(ageDecrypt(file, identities, { backend, maxPlaintext: 1024 * 1024 }).equals(input)).toBe(true);
    }
  });

  it.skipIf(!existsSync(SCRIPT))('age -d opens our passphrase key file (through a pseudo-terminal)', () => {
    const keyFile = path.join(dir, 'key.age');
    const out = path.join(dir, 'key.out');
    writeFileSync(keyFile, ageEncryptWithPassphrase(Buffer.from('{"seed":"test"}'), 'correct horse', 10, nobleChacha));
    execFileSync(SCRIPT, ['-qec', `${AGE} -d -o ${out} ${keyFile}`, '/dev/null'], { input: 'correct horse\n', stdio: ['pipe', 'ignore', 'ignore'] });
    expect(readFileSync(out, 'utf8')).toBe('{"seed":"test"}');
  });
});
