/**
 * Writes the v1 test-vector corpus (exchange-format.md §7.1): `npx tsx tests/vectors/generate.ts [outDir]`
 * (default tests/vectors/v1). Plain vectors, expected.json, units.json, test-keys.json and
 * trustlist.bctrust are rewritten and must come out byte-identical; encrypted vectors
 * and verifier.sqlite are random on every build, so they are written only when missing
 * (delete them to regenerate, then commit the new files together).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setSetting } from '../../db/queries/settings';
import { ownerPath } from '../../db/wal-guard';
import { formatIdentityFile } from '../../electron/services/exchange/age/x25519';
import { importIdentity } from '../../electron/services/exchange/keys-service';
import { importTrustFile } from '../../electron/services/exchange/trust-service';
import { writeTrustFile } from '../../electron/services/exchange/trust-list';
import { openServices } from '../../electron/services/index';
import { setOffice } from '../../electron/services/office-service';
import { importUnitJson } from '../../electron/services/units-service';
import { corpusTrustList, KEY_LABELS, keyIdOfLabel, recipientOf, testSecret, UNITS_JSON, VERIFIER_PASSPHRASE } from './corpus-keys';
import { corpusVectors } from './corpus-vectors';

export const DEFAULT_OUT = fileURLToPath(new URL('./v1/', import.meta.url));
const WORKSPACE = 'verifier.sqlite';

function writeIfChanged(file: string, bytes: Buffer): void {
  if (fs.existsSync(file) && fs.readFileSync(file).equals(bytes)) return;
  fs.writeFileSync(file, bytes);
}

function testKeysDocument(): Buffer {
  const keys = Object.fromEntries(
    KEY_LABELS.map((label) => [
      label,
      { secretHex: testSecret(label).toString('hex'), ed25519KeyId: keyIdOfLabel(label), x25519Recipient: recipientOf(label) },
    ]),
  );
  const doc = { warning: 'TEST KEYS — DO NOT USE. Derived from public labels; training root only (environment "training", ZZ- offices).', keys };
  return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
}

function buildWorkspace(file: string, unitsBytes: Buffer, trustBytes: Buffer): void {
  const previous = process.env.PCMT_KEY_WORK_FACTOR;
  // The committed key file must open fast in tests: scrypt 2^12 instead of 2^18 (TEST KEY).
  process.env.PCMT_KEY_WORK_FACTOR = '12';
  const services = openServices({ workspacePath: file, hostKind: 'cli' });
  try {
    const ws = services.workspace;
    setSetting(ws.db, 'exchange_environment', 'training');
    importUnitJson(ws, unitsBytes, 'units.json');
    setOffice(ws, 'GSO_2004', 'PROVINCE', '01');
    importIdentity(ws, formatIdentityFile(testSecret('verifier-x25519'), '2025-10-01T00:00:00Z'), VERIFIER_PASSPHRASE);
    importTrustFile(ws, 'trustlist.bctrust', trustBytes, true);
    ws.db.exec('VACUUM');
  } finally {
    services.close();
    // The corpus ships verifier.sqlite alone; closed cleanly it has no WAL, so the WAL-owner
    // sidecar every open writes (db/wal-guard.ts) is not part of it.
    fs.rmSync(ownerPath(file), { force: true });
    if (previous === undefined) delete process.env.PCMT_KEY_WORK_FACTOR;
    else process.env.PCMT_KEY_WORK_FACTOR = previous;
  }
}

export function generate(outDir: string): { written: string[]; kept: string[] } {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  const unitsBytes = Buffer.from(`${JSON.stringify(UNITS_JSON, null, 2)}\n`, 'utf8');
  const trustBytes = writeTrustFile(corpusTrustList(createHash('sha256').update(unitsBytes).digest('hex')), [
    testSecret('root-a'),
    testSecret('root-b'),
  ]);
  writeIfChanged(path.join(outDir, 'units.json'), unitsBytes);
  writeIfChanged(path.join(outDir, 'trustlist.bctrust'), trustBytes);
  writeIfChanged(path.join(outDir, 'test-keys.json'), testKeysDocument());
  const expected: Record<string, string> = {};
  for (const vector of corpusVectors()) {
    const file = path.join(outDir, `${vector.name}.bcpkg`);
    expected[vector.name] = vector.code;
    if (vector.isEncrypted && fs.existsSync(file)) {
      kept.push(vector.name);
      continue;
    }
    writeIfChanged(file, vector.make());
    written.push(vector.name);
  }
  writeIfChanged(path.join(outDir, 'expected.json'), Buffer.from(`${JSON.stringify(expected, null, 2)}\n`, 'utf8'));
  const workspace = path.join(outDir, WORKSPACE);
  if (!fs.existsSync(workspace)) buildWorkspace(workspace, unitsBytes, trustBytes);
  return { written, kept };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  const out = path.resolve(process.argv[2] ?? DEFAULT_OUT);
  const { written, kept } = generate(out);
  process.stdout.write(`${out}: ${written.length} vectors written, ${kept.length} encrypted vectors kept as committed\n`);
}
