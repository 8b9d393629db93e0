/**
 * Rules H1–H7 of domain.md §6.2 on the hotspot register. They look at the hotspots
 * that concern the period (active at its start or end, new or eliminated in it): a
 * hotspot eliminated years ago is not a problem of this period's report.
 */
import { foldVietnamese } from '../text';
import { activeHotspotsByCommune } from './commune-rules';
import { count, dmy, problemOf, text } from './helpers';
import type { Problem, Rule, RuleHotspot } from './types';

const SHEET = 'hotspots';

function dateOf(h: RuleHotspot, key: 'discovered_date' | 'eliminated_date'): string | null {
  return text(h.values[key]);
}

/** H1: a hotspot cannot be discovered or eliminated in the future, nor eliminated before it was discovered. */
export const H1: Rule = {
  id: 'H1',
  severity: 'error',
  scope: 'record',
  message: {
    vi: 'Điểm {{label}}: {{what}}. Hãy sửa lại ngày phát hiện hoặc ngày triệt xóa.',
    en: 'Hotspot {{label}}: {{what}}. Correct the discovery or elimination date.',
  },
  check(ctx) {
    const out: Problem[] = [];
    for (const h of ctx.periodHotspots) {
      const found = dateOf(h, 'discovered_date');
      const gone = dateOf(h, 'eliminated_date');
      if (found !== null && found > ctx.today) {
        out.push(problemOf(H1, SHEET, h.id, ['discovered_date'], { label: h.label, what: { vi: `ngày phát hiện ${dmy(found)} sau ngày hôm nay`, en: `discovered on ${dmy(found)}, after today` } }));
      }
      if (gone !== null && gone > ctx.today) {
        out.push(problemOf(H1, SHEET, h.id, ['eliminated_date'], { label: h.label, what: { vi: `ngày triệt xóa ${dmy(gone)} sau ngày hôm nay`, en: `eliminated on ${dmy(gone)}, after today` } }));
      }
      if (found !== null && gone !== null && gone < found) {
        out.push(
          problemOf(H1, SHEET, h.id, ['discovered_date', 'eliminated_date'], {
            label: h.label,
            what: { vi: `ngày triệt xóa ${dmy(gone)} trước ngày phát hiện ${dmy(found)}`, en: `eliminated on ${dmy(gone)}, before it was discovered (${dmy(found)})` },
          }),
        );
      }
    }
    return out;
  },
};

/**
 * H2: a status goes with the fields that make it true: "eliminated" with an elimination
 * date and method, both ways; "re-emerged" (TAI_HOAT_DONG) with the hotspot it
 * re-emerged from (reappeared_from), or the elimination indicators count it as new.
 */
export const H2: Rule = {
  id: 'H2',
  severity: 'error',
  scope: 'record',
  message: {
    vi: 'Điểm {{label}}: {{what}}. Điểm “Đã triệt xóa” phải có ngày và biện pháp triệt xóa; điểm có ngày hoặc biện pháp triệt xóa phải có tình trạng “Đã triệt xóa”.',
    en: 'Hotspot {{label}}: {{what}}. An eliminated hotspot needs an elimination date and method; one with an elimination date or method must have the status “Eliminated”.',
  },
  check(ctx) {
    const out: Problem[] = [];
    for (const h of ctx.periodHotspots) {
      const isEliminated = h.values.status === 'DA_TRIET_XOA';
      const hasDate = dateOf(h, 'eliminated_date') !== null;
      const hasMethod = text(h.values.elimination_method) !== null;
      if (isEliminated && (!hasDate || !hasMethod)) {
        const fields = [...(hasDate ? [] : ['eliminated_date']), ...(hasMethod ? [] : ['elimination_method'])];
        out.push(problemOf(H2, SHEET, h.id, fields, { label: h.label, what: { vi: 'đã triệt xóa nhưng thiếu ngày hoặc biện pháp triệt xóa', en: 'eliminated without a date or method' } }));
      } else if (!isEliminated && (hasDate || hasMethod)) {
        out.push(problemOf(H2, SHEET, h.id, ['status'], { label: h.label, what: { vi: 'có ngày hoặc biện pháp triệt xóa nhưng tình trạng chưa là “Đã triệt xóa”', en: 'has an elimination date or method but is not marked eliminated' } }));
      }
      if (h.values.status === 'TAI_HOAT_DONG' && text(h.values.reappeared_from) === null) {
        out.push(
          problemOf(H2, SHEET, h.id, ['reappeared_from'], {
            label: h.label,
            what: {
              vi: 'tình trạng “Tái hoạt động” nhưng chưa chọn điểm cũ ở cột “Tái hoạt động từ điểm” (nếu điểm cũ chưa có trong sổ, hãy thêm nó với tình trạng “Đã triệt xóa”)',
              en: 'marked “Re-emerged” but the old hotspot is not chosen in the “Re-emerged from” column (if the old one is not in the register, add it as eliminated)',
            },
          }),
        );
      }
    }
    return out;
  },
};

/**
 * H3: the hotspot's commune must be one of the office's communes, in a list valid when
 * it was discovered. Reading: in GSO_2004 a hotspot discovered from 1/7/2025 is an
 * error (that list ended); in NSO_2025 older hotspots are allowed, being carried over
 * to the new communes after the 2025 merger.
 */
export const H3: Rule = {
  id: 'H3',
  severity: 'error',
  scope: 'record',
  message: {
    vi: 'Điểm {{label}}: {{what}}. Hãy chọn xã/phường đúng trong danh mục của đơn vị.',
    en: 'Hotspot {{label}}: {{what}}. Choose the right commune from the office’s list.',
  },
  check(ctx) {
    const out: Problem[] = [];
    for (const h of ctx.periodHotspots) {
      const code = text(h.values.commune_code);
      const found = dateOf(h, 'discovered_date');
      if (code === null || !ctx.communeCodes.has(code)) {
        out.push(problemOf(H3, SHEET, h.id, ['commune_code'], { label: h.label, what: { vi: `mã xã “${code ?? ''}” không thuộc đơn vị`, en: `commune code “${code ?? ''}” is not under the office` } }));
      } else if (ctx.scheme === 'GSO_2004' && found !== null && found >= '2025-07-01') {
        out.push(
          problemOf(H3, SHEET, h.id, ['commune_code', 'discovered_date'], {
            label: h.label,
            what: { vi: `phát hiện ngày ${dmy(found)} nhưng danh mục xã cũ chỉ áp dụng đến 30/6/2025`, en: `discovered on ${dmy(found)} but the old commune list ended on 30/6/2025` },
          }),
        );
      }
    }
    return out;
  },
};

/** H4: a new hotspot while the programme target is "no new hotspots" (the target is a setting). */
export const H4: Rule = {
  id: 'H4',
  severity: 'warning',
  scope: 'record',
  message: {
    vi: 'Điểm {{label}} mới phát hiện trong kỳ, trong khi chỉ tiêu là không để phát sinh điểm mới. Hãy ghi rõ ở cột Ghi chú nguyên nhân và biện pháp xử lý.',
    en: 'Hotspot {{label}} is new in this period while the target is no new hotspots. Explain the cause and the response in the Note column.',
  },
  check(ctx) {
    if (!ctx.isNoNewHotspotsTarget) return [];
    return ctx.periodHotspots.filter((h) => h.flags.isNew && text(h.values.note) === null).map((h) => problemOf(H4, SHEET, h.id, ['discovered_date'], { label: h.label }));
  },
};

/** Commune + address, accent-folded, punctuation and spacing ignored. */
export function addressKey(h: RuleHotspot): string | null {
  const address = text(h.values.address);
  if (address === null) return null;
  const folded = foldVietnamese(address).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return folded === '' ? null : `${String(h.values.commune_code ?? '')}|${folded}`;
}

/** H5: a hotspot at the address of an eliminated one, discovered after that, is likely the same one back. */
export const H5: Rule = {
  id: 'H5',
  severity: 'warning',
  scope: 'commune',
  message: {
    vi: 'Điểm {{label}} có cùng địa chỉ với điểm {{other}} đã triệt xóa ngày {{date}}. Nếu là điểm cũ hoạt động trở lại, hãy chọn {{other}} ở cột “Tái hoạt động từ điểm”.',
    en: 'Hotspot {{label}} has the same address as {{other}}, eliminated on {{date}}. If it is the old one back, choose {{other}} in the “Re-emerged from” column.',
  },
  check(ctx) {
    const eliminated = new Map<string, RuleHotspot[]>();
    for (const h of ctx.hotspots) {
      const key = dateOf(h, 'eliminated_date') === null ? null : addressKey(h);
      if (key !== null) eliminated.set(key, [...(eliminated.get(key) ?? []), h]);
    }
    const out: Problem[] = [];
    for (const h of ctx.periodHotspots) {
      if (text(h.values.reappeared_from) !== null) continue;
      const key = addressKey(h);
      const candidates = key === null ? undefined : eliminated.get(key);
      if (!candidates) continue;
      const found = dateOf(h, 'discovered_date');
      const earlier = candidates.find((o) => o.id !== h.id && (found === null || (dateOf(o, 'eliminated_date') ?? '') <= found));
      if (earlier) out.push(problemOf(H5, SHEET, h.id, ['reappeared_from'], { label: h.label, other: earlier.label, date: dmy(dateOf(earlier, 'eliminated_date') ?? '') }));
    }
    return out;
  },
};

/** H6: a "tụ điểm" or "điểm" involves at least one person. */
export const H6: Rule = {
  id: 'H6',
  severity: 'warning',
  scope: 'record',
  message: {
    vi: 'Điểm {{label}} là tụ điểm hoặc điểm nhưng số đối tượng chưa nhập hoặc bằng 0. Hãy nhập số đối tượng liên quan (ít nhất 1).',
    en: 'Hotspot {{label}} is a cluster point or point but has no persons involved. Enter the number of persons involved (at least 1).',
  },
  check(ctx) {
    return ctx.periodHotspots
      .filter((h) => (h.values.category === 'TU_DIEM' || h.values.category === 'DIEM') && count(h.values.persons_involved) < 1)
      .map((h) => problemOf(H6, SHEET, h.id, ['persons_involved'], { label: h.label }));
  },
};

/**
 * H7: active hotspots of a commune at the period's end, whatever their category except
 * at-risk points (activeHotspotsByCommune), should equal the harbouring points on its
 * status row. "Explained" reads as: the row's Note is filled. Checked for communes with
 * a status entered; the problem points at harboring_points.
 */
export const H7: Rule = {
  id: 'H7',
  severity: 'warning',
  scope: 'commune',
  message: {
    vi: '{{name}}: sổ điểm, tụ điểm có {{register}} điểm, tụ điểm đang hoạt động cuối kỳ (không kể điểm có nguy cơ), nhưng cột “Điểm chứa chấp sử dụng” ghi {{entered}}. Hãy sửa cho khớp hoặc ghi rõ lý do ở cột Ghi chú.',
    en: '{{name}}: the hotspot register has {{register}} active hotspot(s) at the end of the period (at-risk points aside), but “Harbouring points” says {{entered}}. Make them match or explain in the Note column.',
  },
  check(ctx) {
    const byCommune = activeHotspotsByCommune(ctx);
    const out: Problem[] = [];
    for (const { commune, status } of ctx.entered) {
      const register = byCommune.get(commune.code)?.points ?? 0;
      const entered = count(status.harboring_points);
      if (register !== entered && text(status.note) === null) out.push(problemOf(H7, 'communeStatuses', commune.code, ['harboring_points'], { name: commune.name, register, entered }));
    }
    return out;
  },
};

export const HOTSPOT_RULES: readonly Rule[] = [H1, H2, H3, H4, H5, H6, H7];
