/**
 * Rules V10–V13 of domain.md §6.1 and V16: the commune statuses against the period (its
 * kind, its administrative list, one row per commune, a row for every commune, the change
 * since the previous period).
 */
import { COMMUNE_CLASS_LABELS, type CommuneClass, type CommuneStatusValues } from '../commune-status';
import { parsePeriodId, periodLabel } from '../period';
import { problemOf, schemeOn } from './helpers';
import type { PreparedContext, Problem, Rule } from './types';

const SHEET = 'communeStatuses';

const KEY_LEVELS: readonly CommuneClass[] = ['TRONG_DIEM_III', 'TRONG_DIEM_II', 'TRONG_DIEM_I'];

/** Seriousness for V13: drug-free 0 … level I 4 (CHUA_XAC_DINH has no rank). */
const RANK: Partial<Record<CommuneClass, number>> = { KHONG_MA_TUY: 0, CO_MA_TUY: 1, TRONG_DIEM_III: 2, TRONG_DIEM_II: 3, TRONG_DIEM_I: 4 };

function declaredOf(status: CommuneStatusValues): CommuneClass | null {
  const v = status.declared_class;
  return typeof v === 'string' && v in COMMUNE_CLASS_LABELS ? (v as CommuneClass) : null;
}

function label(cls: CommuneClass): { vi: string; en: string } {
  return COMMUNE_CLASS_LABELS[cls];
}

type Entered = PreparedContext['entered'][number];

function forEntered(ctx: PreparedContext, each: (row: Entered, out: Problem[]) => void): Problem[] {
  const out: Problem[] = [];
  for (const row of ctx.entered) each(row, out);
  return out;
}

/**
 * V10 (Art. 7): classification under QĐ 28/2025 is assessed per assessment year
 * (15/12 → 14/12). Declaring a class in another kind of period is allowed (offices
 * report the current standing quarterly) but flagged, as the brief asks: a warning.
 */
export const V10: Rule = {
  id: 'V10',
  severity: 'warning',
  scope: 'record',
  message: {
    vi: '{{name}}: tình trạng phân loại theo Quyết định 28/2025/QĐ-TTg được đánh giá theo năm đánh giá (15/12 năm trước đến 14/12), còn kỳ {{period}} không phải năm đánh giá. Hãy khai phân loại ở kỳ năm đánh giá (ví dụ {{year}}-AY), hoặc ghi chú đây là tình trạng tạm thời.',
    en: '{{name}}: classification under Decision 28/2025/QĐ-TTg is assessed per assessment year (15/12 to 14/12); period {{period}} is not one. Declare it in the assessment-year period (e.g. {{year}}-AY), or note that this is a provisional status.',
  },
  check(ctx) {
    if (!ctx.isQd28 || ctx.period.kind === 'ASSESSMENT_YEAR') return [];
    return forEntered(ctx, ({ commune, status }, out) => {
      if (declaredOf(status) === null) return;
      out.push(problemOf(V10, SHEET, commune.code, ['declared_class'], { name: commune.name, period: ctx.period.id, year: ctx.period.year }));
    });
  },
};

/**
 * V11: the workspace holds one scheme (the office's); it must be the one valid at the
 * period's end (GSO_2004 up to 30/6/2025, NSO_2025 from 1/7/2025; domain.md §7.4), and
 * unit types must exist in it (no thị trấn in NSO_2025, no đặc khu in GSO_2004).
 * Communes outside the office never reach the engine (edits.apply refuses them).
 */
export const V11: Rule = {
  id: 'V11',
  severity: 'error',
  scope: 'record',
  message: {
    vi: '{{name}}: {{what}}. Hãy dùng danh mục đơn vị hành chính đúng với kỳ báo cáo (danh mục cũ đến 30/6/2025, danh mục mới từ 01/7/2025).',
    en: '{{name}}: {{what}}. Use the administrative-unit list valid for the period (the old list up to 30/6/2025, the new one from 1/7/2025).',
  },
  check(ctx) {
    const valid = schemeOn(ctx.period.endDate);
    return forEntered(ctx, ({ commune }, out) => {
      const push = (what: { vi: string; en: string }) => out.push(problemOf(V11, SHEET, commune.code, [], { name: commune.name, what }));
      if (valid !== ctx.scheme) {
        push({
          vi: `kỳ ${ctx.period.id} kết thúc khi danh mục ${valid} đang áp dụng, nhưng dữ liệu dùng danh mục ${ctx.scheme}`,
          en: `period ${ctx.period.id} ends while the ${valid} list applies, but the data uses ${ctx.scheme}`,
        });
      } else if (ctx.scheme === 'NSO_2025' && commune.unitType === 'thi_tran') {
        push({ vi: 'danh mục mới (từ 01/7/2025) không còn thị trấn', en: 'the new list (from 1/7/2025) has no townships' });
      } else if (ctx.scheme === 'GSO_2004' && commune.unitType === 'dac_khu') {
        push({ vi: 'đặc khu chỉ có trong danh mục mới (từ 01/7/2025)', en: 'special zones exist only in the new list (from 1/7/2025)' });
      }
    });
  },
};

/** V12: one status per commune × period × scheme (the database enforces it; this guards merged or received data). */
export const V12: Rule = {
  id: 'V12',
  severity: 'error',
  scope: 'commune',
  message: {
    vi: '{{name}}: có {{n}} dòng số liệu trong cùng kỳ. Mỗi xã chỉ có một dòng mỗi kỳ; hãy giữ một dòng và xóa các dòng trùng.',
    en: '{{name}}: {{n}} rows in the same period. A commune has one row per period; keep one and remove the duplicates.',
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const { commune } of ctx.entered) seen.set(commune.code, (seen.get(commune.code) ?? 0) + 1);
    const out: Problem[] = [];
    for (const { commune } of ctx.entered) {
      const n = seen.get(commune.code) ?? 0;
      if (n > 1) {
        out.push(problemOf(V12, SHEET, commune.code, [], { name: commune.name, n }));
        seen.set(commune.code, 0);
      }
    }
    return out;
  },
};

/**
 * V13: against the previous period of the same kind, a drug-free commune that becomes
 * a key area, or a change of two steps or more on the scale drug-free < has drugs <
 * III < II < I (either way), deserves a second look.
 */
export const V13: Rule = {
  id: 'V13',
  severity: 'warning',
  scope: 'commune',
  message: {
    vi: '{{name}}: kỳ trước “{{previous}}”, kỳ này “{{current}}” — thay đổi lớn. Hãy kiểm tra lại và ghi rõ lý do ở cột Ghi chú.',
    en: '{{name}}: “{{previous}}” last period, “{{current}}” now — a large change. Check again and explain in the Note column.',
  },
  check(ctx) {
    return forEntered(ctx, ({ commune, status }, out) => {
      const current = declaredOf(status);
      const previous = ctx.previousClasses.get(commune.code);
      if (current === null || previous === undefined) return;
      const a = RANK[previous];
      const b = RANK[current];
      if (a === undefined || b === undefined) return;
      const isJump = (previous === 'KHONG_MA_TUY' && KEY_LEVELS.includes(current)) || Math.abs(a - b) >= 2;
      if (isJump) out.push(problemOf(V13, SHEET, commune.code, ['declared_class'], { name: commune.name, previous: label(previous), current: label(current) }));
    });
  },
};

/** How many names a completeness message lists before "and N more". */
const NAMES_SHOWN = 5;

/**
 * V16 (issue 12 item 5; QĐ 28/2025/QĐ-TTg Art. 1 "done periodically every year" and
 * Art. 9, every commune-level unit self-assesses and reports): a period is complete only
 * when every commune of the office has its status. One office-wide error, so it blocks
 * sending (domain.md §6: E "blocks submit") and "Kiểm tra để gửi" says how many are empty
 * and which. A commune counts as reported once anything is entered; what is missing in
 * an entered row is reported by the other rules (V1, blank Art. 6 figures).
 */
export const V16: Rule = {
  id: 'V16',
  severity: 'error',
  message: {
    vi: '{{n}} trong {{total}} xã, phường chưa có số liệu kỳ {{period}}: {{names}}. Mọi xã, phường của đơn vị phải có số liệu của kỳ trước khi gửi; hãy nhập số liệu cho các xã, phường này (có thể bắt đầu bằng “Lấy số liệu kỳ trước”).',
    en: '{{n}} of {{total}} communes have no figures for period {{period}}: {{names}}. Every commune of the office needs its figures before the period is sent; enter them for these communes (“Start from the previous period” can fill them in from the last period).',
  },
  check(ctx) {
    const reported = new Set(ctx.entered.map((e) => e.commune.code));
    const seen = new Set<string>();
    const empty: string[] = [];
    for (const c of ctx.communes) {
      if (seen.has(c.code)) continue;
      seen.add(c.code);
      if (!reported.has(c.code)) empty.push(c.name);
    }
    if (empty.length === 0) return [];
    const shown = empty.slice(0, NAMES_SHOWN).join(', ');
    const more = empty.length - NAMES_SHOWN;
    const names = more > 0 ? { vi: `${shown} và ${more} xã, phường khác`, en: `${shown} and ${more} more` } : shown;
    const parsed = parsePeriodId(ctx.period.id);
    const period = parsed === null ? ctx.period.id : { vi: periodLabel(parsed, 'vi'), en: periodLabel(parsed, 'en') };
    return [problemOf(V16, SHEET, ctx.office.code, [], { n: empty.length, total: seen.size, period, names })];
  },
};
