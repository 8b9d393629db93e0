import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BcpkgError } from './bcpkg-error';
import { canonicalBytes, canonicalize, parseCanonical, type Json } from './canonical-json';

const CODE = 'E_MANIFEST_NOT_CANONICAL';
const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

function expectRejected(input: Uint8Array | string): void {
  const raw = typeof input === 'string' ? bytes(input) : input;
  let thrown: unknown;
  try {
    parseCanonical(raw, CODE);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `accepted ${Buffer.from(raw).toString('utf8')}`).toBeInstanceOf(BcpkgError);
  expect((thrown as BcpkgError).code).toBe(CODE);
}

const VIETNAMESE = ['ệ', 'Hà Nội', 'Thành phố Hồ Chí Minh', 'Ban Chỉ đạo PCMT huyện Minh Quang', 'Đắk Lắk', 'ẫ ở ữ ỳ ố'];
const keyArb = fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/u);
const textArb = fc
  .oneof(fc.constantFrom(...VIETNAMESE), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ maxLength: 20 }))
  .map((s) => s.normalize('NFC'));
const intArb = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

const { json: jsonArb } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    intArb,
    textArb,
    fc.array(tie('json'), { maxLength: 5 }),
    fc.dictionary(keyArb, tie('json'), { maxKeys: 6 }),
  ),
}));

/** Independent reference on the v1 subset: JSON.stringify for scalars, members sorted by key by hand. */
function reference(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .sort((a, b) => Buffer.compare(bytes(a), bytes(b)))
      .map((k) => `${JSON.stringify(k)}:${reference(value[k] as Json)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Indexes just after a structural character outside strings: where JSON allows whitespace. */
function tokenBoundaries(text: string): number[] {
  const positions = [0, text.length];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if ('{}[],:'.includes(c as string)) {
      positions.push(i, i + 1);
    }
  }
  return positions;
}

describe('canonicalize', () => {
  it('round-trips: canon(JSON.parse(canon(x))) === canon(x), and parseCanonical accepts it', () => {
    fc.assert(
      fc.property(jsonArb, (value) => {
        const text = canonicalize(value);
        expect(canonicalize(JSON.parse(text) as Json)).toBe(text);
        expect(canonicalize(parseCanonical(bytes(text), CODE))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with an independent sorted-key JSON.stringify reference', () => {
    fc.assert(
      fc.property(jsonArb, (value) => {
        expect(canonicalize(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts keys by byte order, not by JavaScript property order', () => {
    expect(canonicalize({ b: 1, a: 2, '10': 3, '9': 4, B: 5, _: 6 })).toBe('{"10":3,"9":4,"B":5,"_":6,"a":2,"b":1}');
  });

  it('escapes exactly as JSON.stringify: short escapes, lowercase \\u00xx, literal "/" and UTF-8', () => {
    expect(canonicalize('"\\\b\t\n\f\r\u0001\u001f/ệ\u007f')).toBe('"\\"\\\\\\b\\t\\n\\f\\r\\u0001\\u001f/ệ\u007f"');
    expect(canonicalBytes('ệ')).toEqual(Buffer.from([0x22, 0xe1, 0xbb, 0x87, 0x22]));
  });

  it.each<[string, Json]>([
    ['a float', 1.5],
    ['-0', -0],
    ['2^53', 2 ** 53],
    ['-(2^53)', -(2 ** 53)],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NFD text', 'Hà Nội'.normalize('NFD')],
    ['a lone surrogate', 'a\ud800b'],
    ['a key with a dash', { 'a-b': 1 }],
    ['an empty key', { '': 1 }],
    ['a 65-byte key', { ['k'.repeat(65)]: 1 }],
    ['a non-ASCII key', { kệ: 1 }],
  ])('throws a plain Error for %s', (_, value) => {
    expect(() => canonicalize(value)).toThrow(Error);
    expect(() => canonicalize(value)).not.toThrow(BcpkgError);
  });

  it('accepts the integer limits ±(2^53−1)', () => {
    expect(canonicalize([Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0])).toBe('[9007199254740991,-9007199254740991,0]');
  });
});

describe('parseCanonical rejects every non-canonical variant', () => {
  it('whitespace between any two tokens', () => {
    fc.assert(
      fc.property(jsonArb, fc.constantFrom(' ', '\n', '\t', '\r'), fc.nat(), (value, space, pick) => {
        const text = canonicalize(value);
        const positions = tokenBoundaries(text);
        const at = positions[pick % positions.length] as number;
        expectRejected(text.slice(0, at) + space + text.slice(at));
      }),
      { numRuns: 300 },
    );
  });

  it('reordered keys', () => {
    fc.assert(
      fc.property(fc.uniqueArray(keyArb, { minLength: 2, maxLength: 6 }), intArb, (keys, n) => {
        const sorted = [...keys].sort();
        const reversed = [...sorted].reverse();
        expectRejected(`{${reversed.map((k) => `"${k}":${n}`).join(',')}}`);
      }),
    );
  });

  it('duplicate keys, with equal or different values (CVE-2017-12635)', () => {
    expectRejected('{"a":1,"a":1}');
    expectRejected('{"role":"user","role":"admin"}');
    fc.assert(
      fc.property(fc.dictionary(keyArb, jsonArb, { minKeys: 1, maxKeys: 4 }), (value) => {
        const text = canonicalize(value);
        const firstMember = /^\{("[A-Za-z0-9_]+":)/u.exec(text)?.[1] as string;
        const member = canonicalize(value[firstMember.slice(1, -2)] as Json);
        expectRejected(`{${firstMember}${member},${text.slice(1)}`);
      }),
    );
  });

  it.each([
    ['\\u0041 for A', '"\\u0041"'],
    ['an escaped solidus', '"a\\/b"'],
    ['\\u00e9 for é', '"\\u00e9"'],
    ['uppercase hex in a control escape', '"\\u001F"'],
    ['\\u0008 instead of \\b', '"\\u0008"'],
    ['\\u000a instead of \\n', '"\\u000a"'],
    ['a surrogate-pair escape for an astral character', '"\\ud83d\\ude00"'],
    ['a lone surrogate escape', '"\\ud800"'],
    ['a lone low surrogate escape', '"a\\udc00"'],
    ['NFD text', `"${'Hà Nội'.normalize('NFD')}"`],
    ['NFD ệ', `{"name":"${'ệ'.normalize('NFD')}"}`],
    ['a float', '1.5'],
    ['a float equal to an integer', '1.0'],
    ['an exponent', '1e2'],
    ['an uppercase exponent', '1E2'],
    ['a zero exponent', '1e0'],
    ['-0', '-0'],
    ['-0 in an array', '[-0]'],
    ['a leading zero', '01'],
    ['a plus sign', '+1'],
    ['2^53', '9007199254740992'],
    ['-(2^53)', '-9007199254740992'],
    ['a huge integer', '123456789012345678901234567890'],
    ['a trailing newline', '{"a":1}\n'],
    ['a leading space', ' {"a":1}'],
    ['a key outside the pattern', '{"a-b":1}'],
    ['an empty key', '{"":1}'],
    ['a 65-character key', `{"${'k'.repeat(65)}":1}`],
    ['an escaped key', '{"\\u0061":1}'],
    ['an empty document', ''],
    ['two documents', '1 2'],
    ['not JSON', '{a:1}'],
  ])('%s', (_, text) => {
    expectRejected(text);
  });

  it('a UTF-8 byte order mark', () => {
    expectRejected(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('{"a":1}')]));
  });

  it.each([
    ['a truncated sequence', [0x22, 0xc3, 0x22]],
    ['a stray continuation byte', [0x22, 0x80, 0x22]],
    ['0xFF', [0x22, 0xff, 0x22]],
    ['an overlong "/"', [0x22, 0xc0, 0xaf, 0x22]],
    ['a CESU-8 encoded surrogate', [0x22, 0xed, 0xa0, 0x80, 0x22]],
  ])('invalid UTF-8: %s', (_, raw) => {
    expectRejected(Uint8Array.from(raw));
  });

  it('limits nesting depth to maxDepth (default 16)', () => {
    const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
    expect(parseCanonical(bytes(nested(16)), CODE)).toBeDefined();
    expectRejected(nested(17));
    expectRejected(nested(100_000));
    expect(() => parseCanonical(bytes('{"a":{"b":1}}'), CODE, 1)).toThrow(BcpkgError);
    expect(parseCanonical(bytes('"[[[["'), CODE, 0)).toBe('[[[[');
  });

  it('uses the caller’s code', () => {
    expect(() => parseCanonical(bytes('1.5'), 'E_PAYLOAD_SCHEMA')).toThrow(expect.objectContaining({ code: 'E_PAYLOAD_SCHEMA' }));
  });
});

describe('parseCanonical results', () => {
  it('returns objects with a null prototype, so __proto__ is an ordinary key', () => {
    const parsed = parseCanonical(bytes('{"__proto__":{"polluted":1},"a":[{"b":2}]}'), CODE) as Record<string, Json>;
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(parsed['__proto__'])).toBeNull();
    const inner = (parsed['a'] as Json[])[0] as Record<string, Json>;
    expect(Object.getPrototypeOf(inner)).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps Vietnamese NFC text intact', () => {
    const text = '{"officeName":"Ban Chỉ đạo PCMT huyện Minh Quang","province":"Hà Nội"}';
    expect({ ...(parseCanonical(bytes(text), CODE) as object) }).toEqual({
      officeName: 'Ban Chỉ đạo PCMT huyện Minh Quang',
      province: 'Hà Nội',
    });
  });
});
