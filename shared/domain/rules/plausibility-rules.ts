/**
 * Plausibility warnings (issue 12 item 5): figures that are possible but so unusual that
 * a reviewer at the province would ask first whether they are a typo. Warnings: they do
 * not block sending, they ask for a check and a note.
 */
import { fieldDef } from '../commune-status';
import type { FieldValue } from '../fields';
import { problemOf } from './helpers';
import type { Problem, Rule } from './types';

const SHEET = 'communeStatuses';

/** Above this change between two periods a population figure is checked (issue 12 item 5: "> 20 %"). */
export const POPULATION_JUMP = 0.2;
/**
 * Above this R1 a commune's figures are checked (issue 12 item 5: "R1 > 5 %"). Nationally
 * addicts are about 0.3 % of the population (domain.md §4.4 "Scale") and level I of
 * QĐ 28/2025 Art. 4 a starts at 0.5 %, so 5 % is ten times the level-I threshold.
 */
export const R1_PLAUSIBLE = 0.05;

function positive(value: FieldValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** A percentage as each language writes it: 0,6 % / 0.6 %. */
function pct(ratio: number): { vi: string; en: string } {
  const s = (ratio * 100).toFixed(ratio >= 0.1 ? 0 : 1);
  return { vi: `${s.replace('.', ',')} %`, en: `${s} %` };
}

/**
 * V24: the resident population (QĐ 28/2025 Art. 4, the denominator of R1 and R2) moves
 * slowly; a change of more than 20 % since the previous period of the same kind is most
 * often a typo or a figure of another unit (a merged commune is a new code, so it is
 * not compared).
 */
export const V24: Rule = {
  id: 'V24',
  scope: 'commune',
  severity: 'warning',
  message: {
    vi: '{{name}}: nhân khẩu cư trú {{current}} so với {{previous}} ở kỳ trước (thay đổi {{change}}, quá 20 %). Hãy kiểm tra lại số nhân khẩu; nếu đúng, ghi lý do ở cột Ghi chú.',
    en: '{{name}}: resident population {{current}} against {{previous}} last period (a change of {{change}}, over 20 %). Check the population; if it is right, give the reason in the Note column.',
  },
  check(ctx) {
    const out: Problem[] = [];
    if (ctx.previousStatuses === undefined) return out;
    for (const { commune, status } of ctx.entered) {
      const current = positive(status.resident_population);
      const previous = positive(ctx.previousStatuses.get(commune.code)?.resident_population);
      if (current === null || previous === null) continue;
      const change = Math.abs(current - previous) / previous;
      if (change > POPULATION_JUMP) out.push(problemOf(V24, SHEET, commune.code, ['resident_population'], { name: commune.name, current, previous, change: pct(change) }));
    }
    return out;
  },
};

/** V25: R1 (addicts and users with records / resident population, QĐ 28/2025 Art. 4 a) above 5 %. */
export const V25: Rule = {
  id: 'V25',
  scope: 'record',
  severity: 'warning',
  message: {
    vi: '{{name}}: tỷ lệ R1 = {{r1}} ({{recorded}} người nghiện, người sử dụng có hồ sơ trên {{population}} nhân khẩu), cao bất thường (trên 5 %, gấp mười ngưỡng loại I). Hãy kiểm tra lại {{fields}}; nếu đúng, ghi lý do ở cột Ghi chú.',
    en: '{{name}}: R1 = {{r1}} ({{recorded}} addicts and users with records in a population of {{population}}), unusually high (over 5 %, ten times the level-I threshold). Check {{fields}}; if they are right, give the reason in the Note column.',
  },
  check(ctx) {
    const keys = ['resident_population', 'addicts_with_records', 'users_with_records'] as const;
    const fields = { vi: keys.map((k) => fieldDef(k).labels.vi).join(', '), en: keys.map((k) => fieldDef(k).labels.en).join(', ') };
    const out: Problem[] = [];
    for (const { commune, status } of ctx.entered) {
      const population = positive(status.resident_population);
      const recorded = (positive(status.addicts_with_records) ?? 0) + (positive(status.users_with_records) ?? 0);
      if (population === null || recorded / population <= R1_PLAUSIBLE) continue;
      out.push(problemOf(V25, SHEET, commune.code, [...keys], { name: commune.name, r1: pct(recorded / population), recorded, population, fields }));
    }
    return out;
  },
};

export const PLAUSIBILITY_RULES: readonly Rule[] = [V24, V25];
