/**
 * A tiny strict validator for parsed canonical JSON: exact key sets, types, patterns.
 * Hand-written rather than zod because the verifier must never be lenient (no
 * coercion, no unknown keys, no defaults) and must report one coded error.
 */
import type { ExchangeErrorCode } from '../../../shared/exchange/codes';
import { BcpkgError } from './bcpkg-error';
import type { Json } from './canonical-json';
import { isCleanText } from './text-rules';

export type JsonObject = { [key: string]: Json };

export class SchemaReader {
  constructor(
    private readonly code: ExchangeErrorCode,
    private readonly where: string,
  ) {}

  fail(detail: string): never {
    throw new BcpkgError(this.code, `${this.where}: ${detail}`);
  }

  object(value: Json | undefined, keys: readonly string[], optional: readonly string[] = []): JsonObject {
    if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) this.fail('object expected');
    const obj = value as JsonObject;
    for (const key of Object.keys(obj)) if (!keys.includes(key) && !optional.includes(key)) this.fail(`unknown field ${key}`);
    for (const key of keys) if (!Object.hasOwn(obj, key)) this.fail(`missing field ${key}`);
    return obj;
  }

  array(value: Json | undefined, min: number, max: number): Json[] {
    if (!Array.isArray(value) || value.length < min || value.length > max) this.fail(`array of ${min}–${max} expected`);
    return value;
  }

  string(value: Json | undefined, pattern: RegExp | null = null, maxLength = 4096): string {
    if (typeof value !== 'string' || !isCleanText(value, maxLength)) this.fail('clean text expected');
    if (pattern !== null && !pattern.test(value)) this.fail(`"${value.slice(0, 40)}" does not match ${String(pattern)}`);
    return value;
  }

  nullableString(value: Json | undefined, pattern: RegExp | null = null, maxLength = 4096): string | null {
    return value === null ? null : this.string(value, pattern, maxLength);
  }

  oneOf<T extends string>(value: Json | undefined, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) this.fail(`one of ${allowed.join('/')} expected`);
    return value as T;
  }

  integer(value: Json | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) this.fail(`integer ${min}–${max} expected`);
    return value;
  }

  boolean(value: Json | undefined): boolean {
    if (typeof value !== 'boolean') this.fail('boolean expected');
    return value;
  }

  at(where: string): SchemaReader {
    return new SchemaReader(this.code, `${this.where}.${where}`);
  }
}

export const OFFICE_CODE = /^[A-Z0-9-]{2,24}$/u;
export const KEY_ID = /^[0-9A-F]{16}$/u;
export const SHA256_HEX = /^[0-9a-f]{64}$/u;
export const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/u;
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u;
export const MANIFEST_PERIOD = /^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/u;
export const BASE64_32 = /^[A-Za-z0-9+/]{43}=$/u;
export const LEVELS = ['central', 'province', 'district', 'commune'] as const;
