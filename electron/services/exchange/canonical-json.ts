/**
 * Canonical JSON of exchange-format.md §2.3: a strict subset of RFC 8785 (JCS) that
 * every signed document of the exchange format uses. The writer emits exactly one
 * byte encoding per value; the reader accepts only that encoding ("canonical or
 * reject"), which closes duplicate-key, whitespace, escape and NFD malleability in one
 * byte comparison instead of a list of special cases.
 */
import type { ExchangeErrorCode } from '../../../shared/exchange/codes';
import { BcpkgError } from './bcpkg-error';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const KEY_PATTERN = /^[A-Za-z0-9_]{1,64}$/u;
// With the `u` flag a surrogate class only matches surrogates that are not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// eslint-disable-next-line no-control-regex -- every ASCII code point, control characters included
const ASCII = /^[\u0000-\u007f]*$/u;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Serializes `value` canonically. Throws a plain Error: invalid input is a bug in our own writer. */
export function canonicalize(value: Json): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return canonicalInteger(value);
    case 'string':
      return canonicalString(value);
    case 'object':
      return Array.isArray(value) ? `[${value.map(canonicalize).join(',')}]` : canonicalObject(value);
    default:
      throw new Error(`canonical JSON: unsupported value of type ${typeof value}`);
  }
}

export function canonicalBytes(value: Json): Buffer {
  return Buffer.from(canonicalize(value), 'utf8');
}

function canonicalInteger(value: number): string {
  // -0 would print as "0" and so silently change the value; §2.3 forbids it outright.
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) {
    throw new Error(`canonical JSON: ${String(value)} is not an integer within ±(2^53−1)`);
  }
  return String(value);
}

function canonicalString(value: string): string {
  if (LONE_SURROGATE.test(value)) throw new Error('canonical JSON: string contains a lone surrogate');
  // ASCII is always NFC; normalize() costs far more than this test (codes, ids and dates are ASCII).
  if (!ASCII.test(value) && value.normalize('NFC') !== value) throw new Error('canonical JSON: string is not NFC');
  // For well-formed strings JSON.stringify's escaping is exactly the one §2.3 prescribes.
  return JSON.stringify(value);
}

function canonicalObject(value: { [key: string]: Json }): string {
  const keys = Object.keys(value);
  for (const key of keys) {
    if (!KEY_PATTERN.test(key)) throw new Error(`canonical JSON: invalid key ${JSON.stringify(key)}`);
  }
  // Keys are ASCII, so UTF-16 code-unit order (the default sort) is byte order.
  keys.sort();
  const members = keys.map((key) => `"${key}":${canonicalize(value[key] as Json)}`);
  return `{${members.join(',')}}`;
}

/**
 * Parses canonical JSON from untrusted bytes. Every failure, including a value the
 * canonicalizer refuses, becomes `BcpkgError(code)`. Objects come back with a null
 * prototype, so a `__proto__` key is an ordinary property and cannot pollute.
 * Depth counts nested containers: `1` has depth 0, `[1]` depth 1, `{"a":[1]}` depth 2.
 */
export function parseCanonical(bytes: Uint8Array, code: ExchangeErrorCode, maxDepth = 16): Json {
  if (UTF8_BOM.every((byte, i) => bytes[i] === byte)) throw new BcpkgError(code, 'byte order mark');
  let text: string;
  try {
    // ignoreBOM keeps a BOM as U+FEFF instead of silently stripping it (checked above anyway).
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new BcpkgError(code, 'invalid UTF-8');
  }
  // Bounding depth before JSON.parse keeps the recursive steps below from exhausting the stack.
  if (nestingDepth(text) > maxDepth) throw new BcpkgError(code, `nesting deeper than ${maxDepth}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BcpkgError(code, 'not JSON');
  }
  const value = rebuild(parsed, code);
  let canonical: string;
  try {
    canonical = canonicalize(value);
  } catch (error) {
    throw new BcpkgError(code, error instanceof Error ? error.message : 'not canonical');
  }
  // `text` is exactly `bytes` (fatal UTF-8 decoding, BOM kept), so comparing strings spares encoding the document again.
  if (canonical !== text) throw new BcpkgError(code, 'not in canonical form');
  return value;
}

/** Maximum bracket nesting outside string literals; exact for valid JSON, an upper bound otherwise. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      max = Math.max(max, ++depth);
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return max;
}

function rebuild(value: unknown, code: ExchangeErrorCode): Json {
  if (value === null || typeof value !== 'object') return value as Json;
  if (Array.isArray(value)) return value.map((item: unknown) => rebuild(item, code));
  const out = Object.create(null) as { [key: string]: Json };
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (!KEY_PATTERN.test(key)) throw new BcpkgError(code, `invalid key ${JSON.stringify(key)}`);
    out[key] = rebuild(item, code);
  }
  return out;
}
