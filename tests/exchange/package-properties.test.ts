/**
 * Property tests of exchange-format.md §7.2 items 1, 2, 3 and 5 against the real
 * builder and verifier: any single-byte change, truncation, appended or inserted byte
 * of a valid package (plain and encrypted) is rejected with a BcpkgError carrying a
 * verification code — never another exception, never accepted; the same input builds
 * the same bytes; and random Vietnamese text survives the round trip exactly.
 * The verifier context is built in memory from the corpus's TEST KEYS (no workspace).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VERIFY_ERROR_CODES } from '../../shared/exchange/codes';
import type { DatasetName } from '../../shared/api/exchange-types';
import { defaultChacha } from '../../electron/services/exchange/age/chacha';
import { isBcpkgError } from '../../electron/services/exchange/bcpkg-error';
import { buildRecord, type DatasetRecord } from '../../electron/services/exchange/datasets';
import { buildPackage } from '../../electron/services/exchange/package-builder';
import { EMPTY_REPLAY_STATE, verifyPackage, type VerifierContext } from '../../electron/services/exchange/verify-package';
import { CD_FIELDS, EOCD_FIELDS, LFH_FIELDS, patchCdField, patchEocdField, patchLfhField, zipLayout } from '../support/zip-mutate';
import { baseInput, communeRecords, corpusTrustList, hotspotRecords, modelSiteRecords, testSecret, UNITS_JSON } from '../vectors/corpus-keys';
import { build, encryptTo, xlsxFor } from '../vectors/corpus-packages';

/** Unit → parent, from the corpus's unit list, for the jurisdiction check. */
const PARENT = new Map<string, string>();
for (const p of UNITS_JSON.data) {
  for (const d of p.level2s) {
    PARENT.set(d.level2_id, p.level1_id);
    for (const c of d.level3s) PARENT.set(c.level3_id, d.level2_id);
  }
}

const CTX: VerifierContext = {
  trustList: corpusTrustList('0'.repeat(64)),
  identities: [testSecret('verifier-x25519')],
  ownOfficeCode: 'ZZ-T01',
  environment: 'training',
  now: new Date('2026-01-01T00:00:00Z'),
  backend: defaultChacha(),
  isInJurisdiction: (root, unit) => {
    for (let u: string | undefined = unit; u !== undefined; u = PARENT.get(u)) if (u === root.code) return true;
    return false;
  },
  replay: EMPTY_REPLAY_STATE,
};
const CODES = new Set<string>(VERIFY_ERROR_CODES);

/** null when rejected properly; otherwise a description of what went wrong. */
function problem(file: Uint8Array): string | null {
  try {
    verifyPackage(file, CTX);
    return 'accepted';
  } catch (error) {
    if (!isBcpkgError(error)) return `crash: ${String(error)}`;
    return CODES.has(error.code) ? null : `unexpected code ${error.code}`;
  }
}

/** Runs `mutations` and returns the first few problems (an empty list is the pass). */
function problems(mutations: Iterable<[string, Uint8Array]>): string[] {
  const found: string[] = [];
  for (const [label, file] of mutations) {
    const p = problem(file);
    if (p !== null && found.length < 10) found.push(`${label}: ${p}`);
  }
  return found;
}

const PLAIN = build('properties_plain', 'd001-active', { datasets: { commune_status: communeRecords().slice(0, 1) } }).bytes;
const HOT = build('properties_hot', 'd001-active', { datasets: { hotspots: hotspotRecords() } }).bytes;
const ENCRYPTED = encryptTo(HOT, ['verifier-x25519']);

function* bitFlips(file: Uint8Array, from: number, to: number): Generator<[string, Uint8Array]> {
  const work = Buffer.from(file);
  for (let at = from; at < to; at++) {
    const original = work[at] as number;
    for (let bit = 0; bit < 8; bit++) {
      work[at] = original ^ (1 << bit);
      yield [`byte ${at} bit ${bit}`, work];
    }
    work[at] = original;
  }
}

function* allValues(file: Uint8Array, positions: Iterable<number>): Generator<[string, Uint8Array]> {
  const work = Buffer.from(file);
  for (const at of positions) {
    const original = work[at] as number;
    for (let value = 0; value < 256; value++) {
      if (value === original) continue;
      work[at] = value;
      yield [`byte ${at} = ${value}`, work];
    }
    work[at] = original;
  }
}

/** Byte offsets of ZIP structure (headers, names, CD, EOCD) — everything but entry data. */
function structuralPositions(zip: Uint8Array): number[] {
  const layout = zipLayout(zip);
  const inData = (at: number): boolean => layout.entries.some((e) => at >= e.dataAt && at < e.dataAt + e.size);
  return Array.from({ length: zip.length }, (_, i) => i).filter((i) => !inData(i));
}

function* truncations(file: Uint8Array): Generator<[string, Uint8Array]> {
  for (let length = 0; length < file.length; length++) yield [`length ${length}`, file.subarray(0, length)];
}

function* appended(file: Uint8Array): Generator<[string, Uint8Array]> {
  for (let value = 0; value < 256; value++) yield [`+${value}`, Buffer.concat([file, Buffer.from([value])])];
}

function* inserted(file: Uint8Array, positions: Iterable<number>, values: readonly number[]): Generator<[string, Uint8Array]> {
  for (const at of positions) {
    for (const value of values) yield [`insert ${value} at ${at}`, Buffer.concat([file.subarray(0, at), Buffer.from([value]), file.subarray(at)])];
  }
}

/** Offset of the payload nonce: the byte after the header's `--- <MAC>` line. */
function payloadStartOf(file: Buffer): number {
  return file.indexOf(0x0a, file.indexOf('\n--- ') + 1) + 1;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

describe('the valid packages used here are accepted', () => {
  it('plain and encrypted', () => {
    expect(verifyPackage(PLAIN, CTX).manifest.issuer.officeCode).toBe('ZZ-T01-D001');
    expect(verifyPackage(ENCRYPTED, CTX).encrypted).toBe(true);
    // The helper itself reports an accepted file, so an empty problem list means something.
    expect(problems([['original', PLAIN], ['original', ENCRYPTED]])).toEqual(['original: accepted', 'original: accepted']);
  });
});

describe('every single-byte change is rejected with a BcpkgError (§7.2 item 2)', () => {
  it('plain: every bit of every byte, including all of manifest.json and manifest.sig', () => {
    const layout = zipLayout(PLAIN);
    expect(layout.entries.slice(1, 3).map((e) => e.name)).toEqual(['manifest.json', 'manifest.sig']);
    expect(problems(bitFlips(PLAIN, 0, PLAIN.length))).toEqual([]);
  });

  it('plain: all 255 other values at every byte of the ZIP structure and of manifest.sig', () => {
    const sig = zipLayout(PLAIN).entries[2];
    if (sig === undefined) throw new Error('no manifest.sig');
    const positions = [...structuralPositions(PLAIN), ...range(sig.dataAt, sig.dataAt + sig.size)];
    expect(positions.length).toBeGreaterThan(400);
    expect(problems(allValues(PLAIN, positions))).toEqual([]);
  });

  it('plain: 3,000 random (position, value) pairs', () => {
    fc.assert(
      fc.property(fc.nat({ max: PLAIN.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const work = Buffer.from(PLAIN);
        work[at] = (work[at] as number) ^ mask;
        expect(problem(work)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('encrypted: every bit of the age header, and 1,500 random (position, value) pairs anywhere', () => {
    const headerEnd = payloadStartOf(ENCRYPTED) + 16;
    expect(problems(bitFlips(ENCRYPTED, 0, headerEnd))).toEqual([]);
    fc.assert(
      fc.property(fc.nat({ max: ENCRYPTED.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const work = Buffer.from(ENCRYPTED);
        work[at] = (work[at] as number) ^ mask;
        expect(problem(work)).toBeNull();
      }),
      { numRuns: 1500 },
    );
  });
});

describe('truncated, appended and inserted bytes are rejected (§7.2 item 3)', () => {
  it('every truncation length, plain and encrypted', () => {
    expect(problems(truncations(PLAIN))).toEqual([]);
    expect(problems(truncations(ENCRYPTED))).toEqual([]);
  });

  it('any appended byte, plain and encrypted', () => {
    expect(problems(appended(PLAIN))).toEqual([]);
    expect(problems(appended(ENCRYPTED))).toEqual([]);
  });

  it('a byte inserted at every position of the plain package; sampled for the encrypted one', () => {
    expect(problems(inserted(PLAIN, range(0, PLAIN.length + 1), [0x00, 0x20, 0xff]))).toEqual([]);
    const sampled = range(0, ENCRYPTED.length + 1).filter((i) => i < 300 || i % 7 === 0);
    expect(problems(inserted(ENCRYPTED, sampled, [0x0a, 0x41]))).toEqual([]);
  });
});

describe('structure-aware fuzzing (§7.2 item 7)', () => {
  it('random values in any ZIP header field of a signed package: a coded rejection, or the very same bytes', () => {
    type Target = ['cd' | 'lfh' | 'eocd', string];
    const targets: Target[] = [
      ...Object.keys(CD_FIELDS).map((k): Target => ['cd', k]),
      ...Object.keys(LFH_FIELDS).map((k): Target => ['lfh', k]),
      ...Object.keys(EOCD_FIELDS).map((k): Target => ['eocd', k]),
    ];
    const count = zipLayout(PLAIN).entries.length;
    const value = fc.oneof(fc.constantFrom(0, 1, 20, 0x0800, 0xffff, 0x7fffffff, 0xffffffff, PLAIN.length), fc.nat({ max: 0xffffffff }));
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.nat({ max: count - 1 }), value, ([where, field], index, raw) => {
        const width = (where === 'cd' ? CD_FIELDS : where === 'lfh' ? LFH_FIELDS : EOCD_FIELDS)[field as never][1] as number;
        const v = width === 2 ? raw & 0xffff : raw;
        const mutated =
          where === 'cd'
            ? patchCdField(PLAIN, index, field as keyof typeof CD_FIELDS, v)
            : where === 'lfh'
              ? patchLfhField(PLAIN, index, field as keyof typeof LFH_FIELDS, v)
              : patchEocdField(PLAIN, field as keyof typeof EOCD_FIELDS, v);
        if (!mutated.equals(PLAIN)) expect(problem(mutated)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('edited age header lines (dropped, repeated, swapped, changed): a coded rejection', () => {
    const start = payloadStartOf(ENCRYPTED);
    const lines = ENCRYPTED.subarray(0, start - 1).toString('latin1').split('\n');
    const payload = ENCRYPTED.subarray(start);
    const edit = fc.oneof(
      fc.record({ op: fc.constant('drop' as const), at: fc.nat({ max: lines.length - 1 }) }),
      fc.record({ op: fc.constant('repeat' as const), at: fc.nat({ max: lines.length - 1 }) }),
      fc.record({ op: fc.constant('swap' as const), at: fc.nat({ max: lines.length - 2 }) }),
      fc.record({ op: fc.constant('char' as const), at: fc.nat({ max: lines.length - 1 }), pos: fc.nat(), char: fc.constantFrom(' ', '-', '>', 'A', '=', '\r', '\t', 'é') }),
    );
    fc.assert(
      fc.property(edit, (e) => {
        const next = [...lines];
        if (e.op === 'drop') next.splice(e.at, 1);
        if (e.op === 'repeat') next.splice(e.at, 0, next[e.at] ?? '');
        if (e.op === 'swap') next.splice(e.at, 2, next[e.at + 1] ?? '', next[e.at] ?? '');
        if (e.op === 'char') {
          const line = next[e.at] ?? '';
          const at = line.length === 0 ? 0 : e.pos % line.length;
          next[e.at] = line.slice(0, at) + e.char + line.slice(at + 1);
        }
        const file = Buffer.concat([Buffer.from(`${next.join('\n')}\n`, 'latin1'), payload]);
        if (!file.equals(ENCRYPTED)) expect(problem(file)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('determinism (§2.2, §7.2 item 5)', () => {
  it('the same logical package builds to the same bytes, workbook included', () => {
    const input = baseInput('determinism', { datasets: { commune_status: communeRecords(true), model_sites: modelSiteRecords() } });
    const once = buildPackage({ ...input, xlsx: xlsxFor(input) }, testSecret('d001-active'));
    const twice = buildPackage({ ...input, xlsx: xlsxFor(input) }, testSecret('d001-active'));
    expect(twice.bytes.equals(once.bytes)).toBe(true);
    expect(twice.packageDigest).toBe(once.packageDigest);
  });

  it('for random record sets', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 0, maxLength: 3 }), fc.integer({ min: 11, max: 1000 }), (populations, sequence) => {
        const records = populations.map((n, i) => buildRecord('commune_status', ['00001', '00004', '00006'][i] ?? '00001', { resident_population: n }));
        const input = baseInput('determinism-random', { sequence, datasets: { commune_status: records } });
        expect(buildPackage(input, testSecret('d001-active')).bytes.equals(buildPackage(input, testSecret('d001-active')).bytes)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

const VIETNAMESE = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789 ,.-/()“”'].flatMap((c) =>
  'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY'.includes(c) ? ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'].map((mark) => (c + mark).normalize('NFC')) : [c],
);
const vietnameseText = (maxLength: number) =>
  fc
    .array(fc.constantFrom(...VIETNAMESE), { minLength: 1, maxLength })
    .map((chars) => chars.join('').normalize('NFC'))
    .filter((s) => s.length <= maxLength);

function plainRecords(records: readonly DatasetRecord[]): DatasetRecord[] {
  return JSON.parse(JSON.stringify(records)) as DatasetRecord[];
}

describe('round trip with random Vietnamese NFC text (§7.2 item 1)', () => {
  it('build, encrypt when hotspots are included, verify: exactly the same datasets', () => {
    const communes = ['00001', '00004', '00006'];
    fc.assert(
      fc.property(
        fc.subarray(communes, { minLength: 0 }),
        vietnameseText(300),
        vietnameseText(300),
        fc.boolean(),
        fc.nat({ max: 100_000 }),
        (chosen, note, address, withHotspots, population) => {
          const datasets: Partial<Record<DatasetName, DatasetRecord[]>> = {
            commune_status: chosen.map((code) => buildRecord('commune_status', code, { note, resident_population: population, approved_by: note.slice(0, 200) })),
            model_sites: [buildRecord('model_sites', 'MS-1', { name: note, host_unit_code: '001' })],
          };
          if (withHotspots) datasets.hotspots = [buildRecord('hotspots', 'HS-1', { commune_code: '00006', address, village: note.slice(0, 200) })];
          const built = buildPackage(baseInput('round-trip', { datasets }), testSecret('d001-active'));
          const file = withHotspots ? encryptTo(built.bytes, ['verifier-x25519']) : built.bytes;
          const verified = verifyPackage(file, CTX);
          expect(plainRecords(verified.datasets.commune_status ?? [])).toEqual(datasets.commune_status);
          expect(plainRecords(verified.datasets.model_sites ?? [])).toEqual(datasets.model_sites);
          expect(plainRecords(verified.datasets.hotspots ?? [])).toEqual(datasets.hotspots ?? []);
          expect(verified.datasets.model_sites?.[0]?.name).toBe(note);
        },
      ),
      { numRuns: 150 },
    );
  });
});
