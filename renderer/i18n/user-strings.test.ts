/**
 * Every sentence the app can show, in both languages: the renderer's catalogues, the
 * services' error and exchange messages, the field and list labels. A statistician
 * must never read a raw code (`OPEN`, `CO_MA_TUY`), an ISO date, a spec section
 * ("mục 7.6", "§5.2") or a command line in the window; and the English text must take
 * the same placeholders as the Vietnamese one, or a value silently goes missing.
 */
import { describe, expect, it } from 'vitest';
import { COMMUNE_CLASS_LABELS, COMMUNE_STATUS_FIELDS } from '../../shared/domain/commune-status';
import type { FieldDef } from '../../shared/domain/fields';
import { HOTSPOT_FIELDS } from '../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS } from '../../shared/domain/model-site';
import { errorsEn, termsEn } from '../../shared/i18n/errors-en';
import { errorsVi, termsVi } from '../../shared/i18n/errors-vi';
import { exchangeMessagesEn } from '../../shared/i18n/exchange-en';
import { exchangeMessagesVi } from '../../shared/i18n/exchange-vi';
import { consolidationResources } from './consolidation';
import { en } from './en';
import { gridResources } from './grid';
import { indicatorResources } from './indicators';
import { reportResources } from './report';
import { sheetImportResources } from './sheet-import';
import { HISTORY_WORDS } from '../sheets/history/history-format';
import { vi } from './vi';

type Texts = Map<string, string>;

/** Flattens a catalogue to "path → text". */
function flatten(node: unknown, prefix: string, out: Texts = new Map()): Texts {
  if (typeof node === 'string') out.set(prefix, node);
  else if (typeof node === 'object' && node !== null) for (const [key, value] of Object.entries(node)) flatten(value, prefix === '' ? key : `${prefix}.${key}`, out);
  return out;
}

function labelsOf(fields: readonly FieldDef[], language: 'vi' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const def of fields) {
    out[def.key] = def.labels[language];
    const kind = def.kind;
    if (kind.type === 'enum' || kind.type === 'set') for (const [code, labels] of Object.entries(kind.labels)) out[`${def.key}.${code}`] = labels[language];
  }
  return out;
}

const FIELDS = [...COMMUNE_STATUS_FIELDS, ...HOTSPOT_FIELDS, ...MODEL_SITE_FIELDS] as readonly FieldDef[];

/** Each source as [name, vi, en, isWindowText]; the window never shows a command line. */
const SOURCES: [string, unknown, unknown, boolean][] = [
  ['renderer', vi, en, true],
  ['grid', gridResources.vi, gridResources.en, true],
  ['indicators', indicatorResources.vi, indicatorResources.en, true],
  ['consolidation', consolidationResources.vi, consolidationResources.en, true],
  ['sheetImport', sheetImportResources.vi, sheetImportResources.en, true],
  ['report', reportResources.vi, reportResources.en, true],
  ['errors', errorsVi, errorsEn, false],
  ['terms', termsVi, termsEn, false],
  ['exchange', exchangeMessagesVi, exchangeMessagesEn, false],
  ['fields', labelsOf(FIELDS, 'vi'), labelsOf(FIELDS, 'en'), true],
  ['classes', COMMUNE_CLASS_LABELS, COMMUNE_CLASS_LABELS, true],
  ['history', Object.fromEntries(Object.entries(HISTORY_WORDS).map(([k, w]) => [k, w.vi])), Object.fromEntries(Object.entries(HISTORY_WORDS).map(([k, w]) => [k, w.en])), true],
];

/** Names the user must type as they are: the environment variable a script sets for the passphrase. */
const ALLOWED_NAMES = /\bPCMT_PASSPHRASE\b/gu;

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((m) => m[1]).sort();
/** Text without its placeholders: a placeholder's name may be a code-like word. */
const visible = (text: string) => text.replace(/\{\{\s*\w+\s*\}\}/gu, '').replace(ALLOWED_NAMES, '');

/** What a user must never read, each with why. */
const FORBIDDEN: [RegExp, string][] = [
  [/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/u, 'a raw code'],
  [/\b(?:OPEN|LOCKED)\b/u, 'a raw period status'],
  [/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/u, 'an ISO date'],
  [/\bmục\s+\d+(?:\.\d+)+|§\s*\d|\bsection\s+\d+\.\d+/iu, 'a spec section number'],
];
const COMMAND_LINE: [RegExp, string] = [/\bpcmt\s+[a-z]+(?:\s+[a-z]+)?\b/u, 'a command line'];

/** Every text with its problem, for a failure message that lists them all at once. */
function offences(): string[] {
  const found: string[] = [];
  for (const [name, viTexts, enTexts, isWindow] of SOURCES) {
    const v = flatten(viTexts, '');
    const e = flatten(enTexts, '');
    for (const [language, texts] of [['vi', v], ['en', e]] as const) {
      for (const [key, text] of texts) {
        for (const [pattern, what] of isWindow ? [...FORBIDDEN, COMMAND_LINE] : FORBIDDEN) {
          const hit = pattern.exec(visible(text));
          if (hit) found.push(`${name}.${key} (${language}): ${what} "${hit[0]}" in "${text}"`);
        }
      }
    }
    for (const [key, text] of v) {
      const other = e.get(key);
      if (other === undefined) found.push(`${name}.${key}: no English text`);
      else if (placeholders(text).join() !== placeholders(other).join()) found.push(`${name}.${key}: placeholders vi {${placeholders(text).join(', ')}} en {${placeholders(other).join(', ')}}`);
    }
  }
  return found;
}

describe('user-visible strings', () => {
  it('show no raw code, ISO date, spec section or command line, and take the same placeholders in vi and en', () => {
    expect(offences()).toEqual([]);
  });

  it('catch each kind of slip (the check itself can fail)', () => {
    const slips = ['removed_at 2026-12-03T16:58:46.369Z', 'Kỳ OPEN', 'xem mục 7.6', 'chạy pcmt keys generate', 'Loại CO_MA_TUY'];
    for (const slip of slips) expect([...FORBIDDEN, COMMAND_LINE].some(([pattern]) => pattern.test(slip)), slip).toBe(true);
    expect(placeholders('Có {{n}} xã, {{shown}}').join()).not.toBe(placeholders('{{n}} communes').join());
  });
});
