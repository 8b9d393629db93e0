/**
 * Checking and parsing cell values. `checkFieldValue` is the authoritative check of a
 * value arriving over the API (services run it before writing); `parseFieldText` turns
 * what a user typed or pasted into such a value, the way Vietnamese users write it:
 * "1.234" is one thousand two hundred thirty-four, "12,5" is twelve and a half, dates
 * are dd/mm/yyyy, closed lists accept the label or the code, ignoring case and marks.
 */
import type { TermKey } from '../i18n/errors-vi';
import { MAX_COUNT, type FieldDef, type FieldValue, type RefOption, type RefOptions } from './fields';
import { foldVietnamese } from './text';

export type FieldCheck = { ok: true; value: FieldValue } | { ok: false; rule: TermKey };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Whether `n` is exactly a number written with at most `decimals` decimals. Reading the
 * digits of String(n) is not enough: tiny and huge numbers print as "1e-7", with no dot.
 * Rounding to that many decimals gives back the very same double only when it already was one.
 */
function hasAtMostDecimals(n: number, decimals: number): boolean {
  return Number(n.toFixed(decimals)) === n;
}

/**
 * Half of a UTF-16 surrogate pair without its other half: it has no UTF-8 form, so SQLite
 * would store invalid bytes and every reader (export, dump, Excel) would choke on them.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** The text with each lone surrogate replaced by U+FFFD, safe to quote in a message. */
export function wellFormedText(text: string): string {
  return text.replace(/\p{Cs}/gu, '\uFFFD');
}

/** Validates a value for a field; null always passes (an empty cell). */
export function checkFieldValue(def: FieldDef, value: FieldValue): FieldCheck {
  if (value === null) return { ok: true, value };
  const kind = def.kind;
  switch (kind.type) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return { ok: false, rule: 'wholeNumber' };
      // A bounded whole number is a year (the only kind with a lower bound, as in the schema's CHECK).
      if (kind.min !== undefined && (value < kind.min || value > (kind.max ?? MAX_COUNT))) return { ok: false, rule: 'yearRange' };
      return value <= (kind.max ?? MAX_COUNT) ? { ok: true, value } : { ok: false, rule: 'wholeNumber' };
    case 'decimal':
      return typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= (kind.min ?? 0) &&
        value <= (kind.max ?? 1e15) &&
        hasAtMostDecimals(value, kind.decimals)
        ? { ok: true, value }
        : { ok: false, rule: 'nonNegativeNumber' };
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value) ? { ok: true, value } : { ok: false, rule: 'closedList' };
    case 'set':
      return Array.isArray(value) && value.every((v) => kind.values.includes(v)) && new Set(value).size === value.length
        ? { ok: true, value: value.length === 0 ? null : kind.values.filter((v) => value.includes(v)) }
        : { ok: false, rule: 'closedList' };
    case 'ref':
      // Which references exist is the services' business (they know the office and the registers).
      return typeof value === 'string' && value.length > 0 && value.length <= 64 ? { ok: true, value } : { ok: false, rule: 'closedList' };
    case 'bool':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, rule: 'yesNo' };
    case 'date':
      return typeof value === 'string' && isValidIsoDate(value) ? { ok: true, value } : { ok: false, rule: 'dateFormat' };
    case 'text':
      if (typeof value !== 'string') return { ok: false, rule: 'textTooLong' };
      if (hasLoneSurrogate(value)) return { ok: false, rule: 'textMalformed' };
      return value.length <= kind.maxLength ? { ok: true, value: value.normalize('NFC') } : { ok: false, rule: 'textTooLong' };
  }
}

/**
 * Parses a number written the Vietnamese way ("1.234,5") or as Excel in an English
 * locale copies it ("1,234.5"). A lone comma ("12,5") is a decimal comma, as Vietnamese
 * users write it, unless `isWhole` says the field only holds whole numbers, where
 * "1,234" can only mean one thousand two hundred thirty-four.
 */
export function parseVietnameseNumber(text: string, isWhole = false): number | null {
  const t = text.replace(/[\s\u00a0]/gu, '');
  if (t === '') return null;
  // Dots as thousands separators (with optional decimal comma): 1.234 / 1.234.567,25
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/u.test(t)) return Number(t.replace(/\./gu, '').replace(',', '.'));
  if (!isWhole && /^\d+,\d+$/u.test(t)) return Number(t.replace(',', '.'));
  // Commas as thousands separators (Excel in English locale): 1,234 / 1,234,567.25
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/u.test(t)) return Number(t.replace(/,/gu, ''));
  if (/^\d+(\.\d+)?$/u.test(t)) return Number(t);
  return null;
}

const TRUE_WORDS = new Set(['co', 'x', '1', 'yes', 'y', 'true', 'da ky', 'roi']);
const FALSE_WORDS = new Set(['khong', '0', 'no', 'n', 'false', 'chua']);

/** Parses dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO into an ISO date. */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  if (isValidIsoDate(t)) return t;
  // A date cell copied or imported from Excel without its format arrives as its serial number.
  if (/^\d{5}$/u.test(t)) return excelSerialToIso(Number(t));
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * An Excel date serial (days since 30/12/1899, the epoch that absorbs Excel's fictitious
 * 29/02/1900) as an ISO date; a time of day is dropped. Null outside 1900–2100.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  const iso = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
  return isValidIsoDate(iso) ? iso : null;
}

/** Shows an ISO date as dd/mm/yyyy. */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function matchCode(values: readonly string[], labels: Record<string, { vi: string; en: string }>, text: string): string | undefined {
  const folded = foldVietnamese(text);
  return values.find((code) => {
    const l = labels[code];
    return foldVietnamese(code) === folded || (l !== undefined && (foldVietnamese(l.vi) === folded || foldVietnamese(l.en) === folded));
  });
}

/** How offices abbreviate a unit's type in front of its name: "TT Đông Anh", "P. Phúc Xá". */
const UNIT_PREFIX_ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/^tt[.\s]\s*/u, 'thi tran '],
  [/^tx[.\s]\s*/u, 'thi xa '],
  [/^tp[.\s]\s*/u, 'thanh pho '],
  [/^p[.\s]\s*/u, 'phuong '],
  [/^x[.\s]\s*/u, 'xa '],
  [/^q[.\s]\s*/u, 'quan '],
  [/^h[.\s]\s*/u, 'huyen '],
];
const UNIT_PREFIX = /^(xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho|tinh) /u;

function expandUnitPrefix(folded: string): string {
  for (const [pattern, full] of UNIT_PREFIX_ABBREVIATIONS) if (pattern.test(folded)) return folded.replace(pattern, full);
  return folded;
}

/**
 * The option a typed reference names: its code (leading zeros optional, as Excel drops
 * them), its label ignoring case and marks, or — for units — its name without the type
 * ("Kim Chung" finds "Xã Kim Chung", "TT Đông Anh" finds "Thị trấn Đông Anh"). A bare
 * name that fits two units ("Đông Anh": the district and its town) names neither.
 */
export function matchRefOption(options: readonly RefOption[], text: string): RefOption | undefined {
  const trimmed = text.trim();
  const folded = foldVietnamese(trimmed);
  const labels = foldedLabels(options);
  const direct = options.find((o, i) => o.code === trimmed || labels[i] === folded);
  if (direct) return direct;
  if (/^\d+$/u.test(trimmed)) return options.find((o) => /^\d+$/u.test(o.code) && o.code === trimmed.padStart(o.code.length, '0'));
  const expanded = expandUnitPrefix(folded);
  const full = options.filter((_, i) => labels[i] === expanded);
  if (full.length === 1) return full[0];
  if (UNIT_PREFIX.test(expanded)) return undefined;
  const bare = options.filter((_, i) => labels[i]?.replace(UNIT_PREFIX, '') === expanded);
  return bare.length === 1 ? bare[0] : undefined;
}

/** Folded labels per option list, computed once per list: an import matches 50,000 cells against the same list. */
const FOLDED_LABELS = new WeakMap<readonly RefOption[], readonly string[]>();

function foldedLabels(options: readonly RefOption[]): readonly string[] {
  let labels = FOLDED_LABELS.get(options);
  if (!labels) {
    labels = options.map((o) => foldVietnamese(o.label));
    FOLDED_LABELS.set(options, labels);
  }
  return labels;
}

/** Turns typed or pasted text into a checked value; blank text clears the cell. */
export function parseFieldText(def: FieldDef, text: string, refs: RefOptions = {}): FieldCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const kind = def.kind;
  switch (kind.type) {
    case 'int':
    case 'decimal': {
      const n = parseVietnameseNumber(trimmed, kind.type === 'int');
      return n === null ? { ok: false, rule: kind.type === 'int' ? 'wholeNumber' : 'nonNegativeNumber' } : checkFieldValue(def, n);
    }
    case 'enum': {
      const hit = matchCode(kind.values, kind.labels, trimmed);
      return hit === undefined ? { ok: false, rule: 'closedList' } : { ok: true, value: hit };
    }
    case 'set': {
      // Several choices in one cell, separated as people write lists: "Heroin; Cần sa" or "Heroin, Cần sa".
      const parts = trimmed.split(/[;,\n]/u).map((p) => p.trim()).filter((p) => p !== '');
      const codes = parts.map((p) => matchCode(kind.values, kind.labels, p));
      if (codes.some((c) => c === undefined)) return { ok: false, rule: 'closedList' };
      return checkFieldValue(def, [...new Set(codes as string[])]);
    }
    case 'ref': {
      const options = refs[kind.target];
      if (options === undefined) return checkFieldValue(def, trimmed);
      const hit = matchRefOption(options, trimmed);
      return hit === undefined ? { ok: false, rule: 'closedList' } : { ok: true, value: hit.code };
    }
    case 'bool': {
      const folded = foldVietnamese(trimmed);
      if (TRUE_WORDS.has(folded)) return { ok: true, value: true };
      if (FALSE_WORDS.has(folded)) return { ok: true, value: false };
      return { ok: false, rule: 'yesNo' };
    }
    case 'date': {
      const iso = parseDateText(trimmed);
      return iso === null ? { ok: false, rule: 'dateFormat' } : { ok: true, value: iso };
    }
    case 'text':
      return checkFieldValue(def, trimmed);
  }
}
