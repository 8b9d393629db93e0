/**
 * Rules M1–M4 of domain.md §6.3 on the model-site register, and M5–M6 (issue 12 item 5,
 * from the §7.8 field rules), for the models that concern the period: established by
 * its end (or undated) and not ended before its start.
 */
import { dmy, NSO_2025_FROM, problemOf, text } from './helpers';
import type { Problem, Rule, RuleModelSite } from './types';

const SHEET = 'modelSites';

function established(m: RuleModelSite): string | null {
  return text(m.values.establishment_date);
}

/**
 * M1: dates in order. "established ≤ period end" decides which models belong to the
 * period (a later model is simply not in it), so the error kept here is an
 * establishment date after today, and an end date before the establishment date.
 */
export const M1: Rule = {
  id: 'M1',
  severity: 'error',
  scope: 'record',
  message: {
    vi: 'Mô hình “{{label}}”: {{what}}. Hãy sửa lại ngày thành lập hoặc ngày kết thúc.',
    en: 'Model “{{label}}”: {{what}}. Correct the establishment or end date.',
  },
  check(ctx) {
    const out: Problem[] = [];
    for (const m of ctx.periodModelSites) {
      const from = established(m);
      const to = text(m.values.ended_date);
      if (from !== null && from > ctx.today) {
        out.push(problemOf(M1, SHEET, m.id, ['establishment_date'], { label: m.label, what: { vi: `ngày thành lập ${dmy(from)} sau ngày hôm nay`, en: `established on ${dmy(from)}, after today` } }));
      }
      if (from !== null && to !== null && to < from) {
        out.push(
          problemOf(M1, SHEET, m.id, ['establishment_date', 'ended_date'], {
            label: m.label,
            what: { vi: `ngày kết thúc ${dmy(to)} trước ngày thành lập ${dmy(from)}`, en: `ended on ${dmy(to)}, before it was established (${dmy(from)})` },
          }),
        );
      }
    }
    return out;
  },
};

function isPilotOfYear(m: RuleModelSite, year: number): boolean {
  if (m.values.is_pilot_model !== true) return false;
  return m.values.target_year === year || (established(m)?.startsWith(`${year}-`) ?? false);
}

/**
 * M2: each district (old list) sets up at least one new pilot model a year. Reading:
 * checked in yearly periods only (year, assessment year, Hà Nội year); in GSO_2004 per
 * district under the office, in NSO_2025 (no districts) for the office as a whole. A
 * pilot model counts for the year of its target year or of its establishment date.
 */
export const M2: Rule = {
  id: 'M2',
  severity: 'warning',
  message: {
    vi: '{{unit}} chưa có mô hình điểm mới nào trong năm {{year}} (chỉ tiêu: mỗi huyện ít nhất một mô hình điểm mới mỗi năm). Hãy nhập mô hình điểm của năm, đánh dấu cột “Mô hình điểm” và ghi “Năm chỉ tiêu”.',
    en: '{{unit}} has no new pilot model in {{year}} (target: at least one new pilot model per district per year). Enter the year’s pilot model, tick “Pilot model” and fill “Target year”.',
  },
  check(ctx) {
    const kind = ctx.period.kind;
    if (kind !== 'YEAR' && kind !== 'ASSESSMENT_YEAR' && kind !== 'HANOI_YEAR') return [];
    const year = ctx.period.year;
    const groups = new Map<string, string>();
    const groupOf = new Map<string, string>();
    if (ctx.scheme === 'GSO_2004' && ctx.office.level !== 'COMMUNE') {
      for (const c of ctx.communes) {
        if (c.parentCode === null) continue;
        groups.set(c.parentCode, c.parentName);
        groupOf.set(c.code, c.parentCode);
        groupOf.set(c.parentCode, c.parentCode);
      }
    }
    if (groups.size === 0) groups.set(ctx.office.code, ctx.office.name);
    const covered = new Set<string>();
    for (const m of ctx.modelSites) {
      if (!isPilotOfYear(m, year)) continue;
      const host = text(m.values.host_unit_code) ?? '';
      covered.add(groups.size === 1 && groups.has(ctx.office.code) ? ctx.office.code : (groupOf.get(host) ?? host));
    }
    const out: Problem[] = [];
    for (const [code, name] of groups) if (!covered.has(code)) out.push(problemOf(M2, SHEET, code, ['is_pilot_model'], { unit: name, year }));
    return out;
  },
};

/**
 * M3: the host unit is the office or a unit under it, in a list valid when the model was
 * established. As for hotspots (H3), GSO_2004 hosts for models established from 1/7/2025
 * are errors; NSO_2025 hosts of older models are carried over.
 */
export const M3: Rule = {
  id: 'M3',
  severity: 'error',
  scope: 'record',
  message: {
    vi: 'Mô hình “{{label}}”: {{what}}. Hãy chọn đơn vị thực hiện đúng trong danh mục của đơn vị.',
    en: 'Model “{{label}}”: {{what}}. Choose the right host unit from the office’s list.',
  },
  check(ctx) {
    const out: Problem[] = [];
    for (const m of ctx.periodModelSites) {
      const host = text(m.values.host_unit_code);
      const from = established(m);
      if (host === null || !ctx.officeUnitCodes.has(host)) {
        out.push(problemOf(M3, SHEET, m.id, ['host_unit_code'], { label: m.label, what: { vi: `đơn vị “${host ?? ''}” không thuộc đơn vị của cơ quan`, en: `unit “${host ?? ''}” is not under the office` } }));
      } else if (ctx.scheme === 'GSO_2004' && from !== null && from >= NSO_2025_FROM) {
        out.push(
          problemOf(M3, SHEET, m.id, ['host_unit_code', 'establishment_date'], {
            label: m.label,
            what: { vi: `thành lập ngày ${dmy(from)} nhưng danh mục cũ chỉ áp dụng đến 30/6/2025`, en: `established on ${dmy(from)} but the old list ended on 30/6/2025` },
          }),
        );
      }
    }
    return out;
  },
};

/** M4: there are no districts from 1/7/2025, so no district-level models established since. */
export const M4: Rule = {
  id: 'M4',
  severity: 'error',
  scope: 'record',
  message: {
    vi: 'Mô hình “{{label}}” thành lập ngày {{date}} nhưng ghi cấp huyện; từ 01/7/2025 không còn cấp huyện. Hãy chọn cấp xã hoặc cấp tỉnh.',
    en: 'Model “{{label}}” was established on {{date}} at district level; there are no districts from 1/7/2025. Choose commune or province level.',
  },
  check(ctx) {
    return ctx.periodModelSites
      .filter((m) => m.values.level === 'HUYEN' && (established(m) ?? '') >= NSO_2025_FROM)
      .map((m) => problemOf(M4, SHEET, m.id, ['level'], { label: m.label, date: dmy(established(m) ?? '') }));
  },
};

/**
 * M5 (domain.md §7.8 "target_year — required if is_pilot_model"): a pilot model counts
 * for the target "one pilot model per district a year" (§3.1 T8) in its target year, so
 * it must say which year.
 */
export const M5: Rule = {
  id: 'M5',
  scope: 'record',
  severity: 'error',
  message: {
    vi: 'Mô hình “{{label}}” là mô hình điểm nhưng chưa có “Năm chỉ tiêu”. Mô hình điểm được tính cho chỉ tiêu mỗi huyện một mô hình điểm mỗi năm theo năm chỉ tiêu; hãy nhập năm chỉ tiêu (ví dụ {{year}}) hoặc bỏ đánh dấu “Mô hình điểm”.',
    en: 'Model “{{label}}” is a pilot model but has no “Target year”. Pilot models count for the one-per-district-a-year target in their target year; enter it (e.g. {{year}}) or untick “Pilot model”.',
  },
  check(ctx) {
    return ctx.periodModelSites
      .filter((m) => m.values.is_pilot_model === true && typeof m.values.target_year !== 'number')
      .map((m) => problemOf(M5, SHEET, m.id, ['target_year'], { label: m.label, year: ctx.period.year }));
  },
};

/**
 * M6 (domain.md §7.8 status GIAI_THE, ended_date; §6.3 M1 "ended_date ≥ established_date"):
 * a dissolved model says when it ended, or it would still count as running in every
 * later period.
 */
export const M6: Rule = {
  id: 'M6',
  scope: 'record',
  severity: 'error',
  message: {
    vi: 'Mô hình “{{label}}” có tình trạng “Giải thể” nhưng chưa có “Ngày kết thúc”. Hãy nhập ngày giải thể ở cột “Ngày kết thúc”, hoặc chọn lại tình trạng.',
    en: 'Model “{{label}}” is “Dissolved” but has no “Ended” date. Enter the date it was dissolved in the “Ended” column, or choose another status.',
  },
  check(ctx) {
    return ctx.periodModelSites.filter((m) => m.values.status === 'GIAI_THE' && text(m.values.ended_date) === null).map((m) => problemOf(M6, SHEET, m.id, ['ended_date'], { label: m.label }));
  },
};

export const MODEL_SITE_RULES: readonly Rule[] = [M1, M2, M3, M4, M5, M6];
