/**
 * Type and range checks of every field (checkFieldValue, the same check edits.apply runs
 * before writing), so values that reached the workspace another way (an old file, a
 * received package) are reported too; and required fields of register rows. V2 is the
 * check of the commune statuses' counts and areas; FIELD covers every other field.
 */
import { COMMUNE_STATUS_FIELDS } from '../commune-status';
import { checkFieldValue } from '../field-values';
import type { FieldDef, FieldValue } from '../fields';
import { HOTSPOT_FIELDS } from '../hotspot';
import { MODEL_SITE_FIELDS } from '../model-site';
import { termsEn } from '../../i18n/errors-en';
import { termsVi } from '../../i18n/errors-vi';
import { problemOf, type Params } from './helpers';
import type { Problem, ProblemSheet, Rule } from './types';

function shown(value: FieldValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value).slice(0, 60);
}

function fieldProblems(rule: Rule, sheet: ProblemSheet, recordId: string, label: string, defs: readonly FieldDef[], values: Record<string, FieldValue>, out: Problem[]): void {
  for (const def of defs) {
    const value = values[def.key] ?? null;
    if (value === null) {
      if (def.isRequired === true && rule === FIELD) out.push(problemOf(FIELD_REQUIRED, sheet, recordId, [def.key], { label, field: def.labels }));
      continue;
    }
    const result = checkFieldValue(def, value);
    if (result.ok) continue;
    const params: Params = { label, field: def.labels, value: shown(value), rule: { vi: termsVi[result.rule], en: termsEn[result.rule] } };
    out.push(problemOf(rule, sheet, recordId, [def.key], params));
  }
}

const NUMERIC = COMMUNE_STATUS_FIELDS.filter((f) => f.kind.type === 'int' || f.kind.type === 'decimal');
const OTHER = COMMUNE_STATUS_FIELDS.filter((f) => f.kind.type !== 'int' && f.kind.type !== 'decimal');

export const V2: Rule = {
  id: 'V2',
  severity: 'error',
  scope: 'record',
  message: {
    vi: '{{label}}: giá trị “{{value}}” ở cột “{{field}}” không hợp lệ ({{rule}}). Số người, số vụ phải là số nguyên từ 0 trở lên; diện tích, khối lượng từ 0 trở lên với tối đa 2 chữ số thập phân. Hãy nhập lại.',
    en: '{{label}}: “{{value}}” in “{{field}}” is not valid ({{rule}}). Counts are whole numbers, 0 or more; areas and weights 0 or more with at most 2 decimals. Enter it again.',
  },
  check(ctx) {
    const out: Problem[] = [];
    for (const { commune, status } of ctx.entered) fieldProblems(V2, 'communeStatuses', commune.code, commune.name, NUMERIC, status, out);
    return out;
  },
};

export const FIELD: Rule = {
  id: 'FIELD',
  severity: 'error',
  scope: 'record',
  message: {
    vi: '{{label}}: giá trị “{{value}}” ở cột “{{field}}” không hợp lệ ({{rule}}). Hãy nhập lại.',
    en: '{{label}}: “{{value}}” in “{{field}}” is not valid ({{rule}}). Enter it again.',
  },
  check(ctx) {
    const out: Problem[] = [];
    for (const { commune, status } of ctx.entered) fieldProblems(FIELD, 'communeStatuses', commune.code, commune.name, OTHER, status, out);
    for (const h of ctx.periodHotspots) fieldProblems(FIELD, 'hotspots', h.id, h.label, HOTSPOT_FIELDS, h.values, out);
    for (const m of ctx.periodModelSites) fieldProblems(FIELD, 'modelSites', m.id, m.label, MODEL_SITE_FIELDS, m.values, out);
    return out;
  },
};

/** Reported by FIELD's check: a required cell of a register row is empty. */
export const FIELD_REQUIRED: Rule = {
  id: 'FIELD',
  severity: 'error',
  message: {
    vi: '{{label}}: chưa nhập “{{field}}”. Hãy nhập giá trị cho cột này.',
    en: '{{label}}: “{{field}}” is empty. Enter a value in this column.',
  },
  check: () => [],
};

export const FIELD_RULES: readonly Rule[] = [V2, FIELD];
