/**
 * Column → field mapping: matched by header text (case, marks and tone placement
 * ignored — "Thụy" and "Thuỵ" fold alike — punctuation ignored, synonyms known), or as
 * the user corrected it, which is remembered in the workspace per sheet and header set.
 */
import { createHash } from 'node:crypto';
import { getSetting, setSetting } from '../../../db/queries/settings';
import type { ImportColumn } from '../../../shared/api/import-types';
import type { SheetName } from '../../../shared/api/register-types';
import type { Db } from '../../../db/connection';
import { headerIndex, headerKey, IGNORED_HEADERS, type ImportSpec } from './sheet-fields';

export type ColumnChoice = { index: number; field: string | null };

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Each known header to its field, each field once (the leftmost column wins). */
export function autoMapping(spec: ImportSpec, headers: readonly string[]): (string | null)[] {
  const index = headerIndex(spec);
  const used = new Set<string>();
  return headers.map((header) => {
    const key = headerKey(header);
    if (key === '' || IGNORED_HEADERS.has(key)) return null;
    const field = index.get(key);
    if (field === undefined || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

function memoryKey(sheet: SheetName, headers: readonly string[]): string {
  const digest = createHash('sha256').update(headers.map(headerKey).join('\u0001')).digest('hex').slice(0, 24);
  return `import_mapping:${sheet}:${digest}`;
}

export function rememberedMapping(db: Db, sheet: SheetName, headers: readonly string[]): (string | null)[] | null {
  const stored = getSetting(db, memoryKey(sheet, headers));
  if (stored === undefined) return null;
  const parsed = JSON.parse(stored) as unknown;
  return Array.isArray(parsed) && parsed.length === headers.length ? parsed.map((f) => (typeof f === 'string' ? f : null)) : null;
}

export function rememberMapping(db: Db, sheet: SheetName, headers: readonly string[], fields: readonly (string | null)[]): void {
  setSetting(db, memoryKey(sheet, headers), JSON.stringify(fields));
}

/** The given choices over the automatic mapping: a column not named keeps its automatic field. */
export function applyChoices(base: readonly (string | null)[], choices: readonly ColumnChoice[], width: number): (string | null)[] {
  const out = Array.from({ length: width }, (_, i) => base[i] ?? null);
  for (const { index, field } of choices) if (index < width) out[index] = field;
  return out;
}

export function toColumns(headers: readonly string[], fields: readonly (string | null)[]): ImportColumn[] {
  return headers.map((header, index) => ({ index, letter: columnLetter(index), header, field: fields[index] ?? null }));
}
