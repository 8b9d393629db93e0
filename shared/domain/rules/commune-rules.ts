/**
 * Rules V1–V13 of domain.md §6.1 on the commune statuses of a period. Only communes
 * with a status entered are checked: a commune nobody has typed into yet has nothing
 * wrong in it (it is simply not reported). V14 is a province-level "info" and is not a
 * problem of a district or commune office, so it is not here.
 */
import { COMMUNE_CLASS_LABELS, type CommuneClass, type CommuneStatusValues } from '../commune-status';
import { count, problemOf, schemeOn, text } from './helpers';
import { classifyCommune, criteriaCountFor, type Classification, type Reading } from '../classification';
import type { PreparedContext, Problem, Rule } from './types';

const SHEET = 'communeStatuses';

const KEY_LEVELS: readonly CommuneClass[] = ['TRONG_DIEM_III', 'TRONG_DIEM_II', 'TRONG_DIEM_I'];

/** Seriousness for V13: drug-free 0 … level I 4 (CHUA_XAC_DINH has no rank). */
const RANK: Partial<Record<CommuneClass, number>> = { KHONG_MA_TUY: 0, CO_MA_TUY: 1, TRONG_DIEM_III: 2, TRONG_DIEM_II: 3, TRONG_DIEM_I: 4 };

function declaredOf(status: CommuneStatusValues): CommuneClass | null {
  const v = status.declared_class;
  return typeof v === 'string' && v in COMMUNE_CLASS_LABELS ? (v as CommuneClass) : null;
}

function recorded(status: CommuneStatusValues): number {
  return count(status.addicts_with_records) + count(status.users_with_records);
}

function excluded(status: CommuneStatusValues): number {
  return count(status.on_substitution_treatment) + count(status.in_family_community_rehab) + count(status.under_post_rehab_management);
}

function label(cls: CommuneClass): { vi: string; en: string } {
  return COMMUNE_CLASS_LABELS[cls];
}

function criteriaText(c: Classification): string {
  const m = c.criteria_met;
  const parts = (['a', 'b', 'c', 'd'] as const).map((k) => `${k}: ${m[k] ?? '–'}`);
  return `${parts.join(', ')}, đ: ${m.dd ?? '–'}`;
}

type Entered = PreparedContext['entered'][number];

/** Runs `each` over the communes with a status entered, collecting problems. */
function forEntered(ctx: PreparedContext, each: (row: Entered, out: Problem[]) => void): Problem[] {
  const out: Problem[] = [];
  for (const row of ctx.entered) each(row, out);
  return out;
}

export const V1: Rule = {
  id: 'V1',
  severity: 'error',
  message: {
    vi: '{{name}}: chưa có nhân khẩu cư trú (phải là số nguyên lớn hơn 0). Hãy nhập số nhân khẩu thực tế thường trú, tạm trú; thiếu số này thì không tính được các tỷ lệ phân loại.',
    en: '{{name}}: resident population is missing (it must be a whole number above 0). Enter the actual resident population; the classification ratios need it.',
  },
  check(ctx) {
    return forEntered(ctx, ({ commune, status }, out) => {
      const p = status.resident_population;
      if (!(typeof p === 'number' && Number.isInteger(p) && p > 0)) out.push(problemOf(V1, SHEET, commune.code, ['resident_population'], { name: commune.name }));
    });
  },
};

/** V3: people with records cannot outnumber the residents. */
export const V3: Rule = {
  id: 'V3',
  severity: 'error',
  message: {
    vi: '{{name}}: người nghiện và người sử dụng có hồ sơ ({{recorded}}) nhiều hơn nhân khẩu cư trú ({{population}}). Hãy kiểm tra lại các số này.',
    en: '{{name}}: addicts and users with records ({{recorded}}) outnumber the resident population ({{population}}). Check these figures.',
  },
  check(ctx) {
    return forEntered(ctx, ({ commune, status }, out) => {
      const population = count(status.resident_population);
      if (population > 0 && recorded(status) > population) {
        out.push(
          problemOf(V3, SHEET, commune.code, ['addicts_with_records', 'users_with_records', 'resident_population'], {
            name: commune.name,
            recorded: recorded(status),
            population,
          }),
        );
      }
    });
  },
};

/**
 * V4: people excluded by Art. 6.1 (substitution treatment, family/community rehab,
 * post-rehab management) are people with records. There is no "persons without
 * records" tick yet, so the rule stays a warning the user can leave with a note.
 */
export const V4: Rule = {
  id: 'V4',
  severity: 'warning',
  message: {
    vi: '{{name}}: số người điều trị thay thế, cai tại gia đình, cộng đồng và quản lý sau cai ({{excluded}}) nhiều hơn số người nghiện và người sử dụng có hồ sơ ({{recorded}}). Hãy kiểm tra lại; nếu có người chưa có hồ sơ quản lý, hãy ghi rõ ở cột Ghi chú.',
    en: '{{name}}: people in substitution treatment, family/community rehab and post-rehab management ({{excluded}}) outnumber addicts and users with records ({{recorded}}). Check the figures; if some have no records, say so in the Note column.',
  },
  check(ctx) {
    return forEntered(ctx, ({ commune, status }, out) => {
      if (excluded(status) > recorded(status)) {
        out.push(
          problemOf(V4, SHEET, commune.code, ['on_substitution_treatment', 'in_family_community_rehab', 'under_post_rehab_management'], {
            name: commune.name,
            excluded: excluded(status),
            recorded: recorded(status),
          }),
        );
      }
    });
  },
};

/** Active "tổ chức, chứa chấp" hotspots at the period's end, by commune (V5, H7). */
export function harbouringHotspotsByCommune(ctx: PreparedContext): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of ctx.periodHotspots) {
    if (h.values.category !== 'DIEM_TO_CHUC_CHUA_CHAP' || !h.flags.isActiveAtEnd) continue;
    const code = String(h.values.commune_code ?? '');
    out.set(code, (out.get(code) ?? 0) + 1);
  }
  return out;
}

/**
 * V5: a commune declared drug-free must meet QĐ 28/2025 Art. 6: no addicts or users
 * with records other than the excluded ones, no resident violating the drug law, no
 * wanted fugitive hiding, no harbouring point, and no active harbouring hotspot in the
 * register at the period's end. One problem per unmet condition, each at its cells.
 */
export const V5: Rule = {
  id: 'V5',
  severity: 'error',
  message: {
    vi: '{{name}} khai “Không ma túy” nhưng {{what}}. Xã chỉ được khai “Không ma túy” khi đủ các điều kiện của Điều 6 Quyết định 28/2025/QĐ-TTg; hãy sửa số liệu hoặc chọn lại tình trạng.',
    en: '{{name}} is declared drug-free but {{what}}. A commune is drug-free only when it meets Art. 6 of Decision 28/2025/QĐ-TTg; correct the figures or choose another status.',
  },
  check(ctx) {
    const hotspots = harbouringHotspotsByCommune(ctx);
    return forEntered(ctx, ({ commune, status }, out) => {
      if (declaredOf(status) !== 'KHONG_MA_TUY') return;
      const push = (fields: string[], what: { vi: string; en: string }) => out.push(problemOf(V5, SHEET, commune.code, fields, { name: commune.name, what }));
      const remaining = recorded(status) - excluded(status);
      if (remaining > 0) {
        push(['addicts_with_records', 'users_with_records'], {
          vi: `còn ${remaining} người nghiện, người sử dụng có hồ sơ không thuộc diện điều trị thay thế, cai tại gia đình, cộng đồng hoặc quản lý sau cai`,
          en: `${remaining} addicts/users with records are not in substitution treatment, family/community rehab or post-rehab management`,
        });
      }
      const checks = [
        ['residents_violating_drug_law', 'người cư trú vi phạm pháp luật về ma túy', 'residents violated the drug law'],
        ['wanted_drug_fugitives_hiding', 'đối tượng truy nã về ma túy lẩn trốn', 'wanted drug fugitives are hiding there'],
        ['harboring_points', 'điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy', 'harbouring points exist'],
      ] as const;
      for (const [field, vi, en] of checks) {
        const n = count(status[field]);
        if (n > 0) push([field], { vi: `có ${n} ${vi}`, en: `${n} ${en}` });
      }
      const active = hotspots.get(commune.code) ?? 0;
      if (active > 0) {
        push(['declared_class'], {
          vi: `sổ điểm, tụ điểm còn ${active} điểm tổ chức, chứa chấp sử dụng đang hoạt động cuối kỳ`,
          en: `the hotspot register has ${active} active harbouring point(s) at the end of the period`,
        });
      }
    });
  },
};

/** V6: a drug-free commune with people on record, arrests or destroyed plants is worth a second look. */
export const V6: Rule = {
  id: 'V6',
  severity: 'warning',
  message: {
    vi: '{{name}} khai “Không ma túy” nhưng {{what}}. Hãy kiểm tra lại và ghi rõ lý do ở cột Ghi chú nếu số liệu đúng.',
    en: '{{name}} is declared drug-free but {{what}}. Check again and explain in the Note column if the figures are right.',
  },
  check(ctx) {
    return forEntered(ctx, ({ commune, status }, out) => {
      if (declaredOf(status) !== 'KHONG_MA_TUY') return;
      const fields: string[] = [];
      const vi: string[] = [];
      const en: string[] = [];
      if (recorded(status) > 0) {
        fields.push('addicts_with_records', 'users_with_records');
        vi.push(`có ${recorded(status)} người nghiện, người sử dụng có hồ sơ (R1 > 0)`);
        en.push(`${recorded(status)} addicts/users have records (R1 > 0)`);
      }
      if (count(status.drug_offenders_arrested) > 0) {
        fields.push('drug_offenders_arrested');
        vi.push(`có ${count(status.drug_offenders_arrested)} đối tượng bị bắt`);
        en.push(`${count(status.drug_offenders_arrested)} offenders were arrested`);
      }
      if (count(status.plants_destroyed_count) > 0 || count(status.plants_destroyed_area_m2) > 0) {
        fields.push('plants_destroyed_count', 'plants_destroyed_area_m2');
        vi.push('có cây chứa chất ma túy bị phá');
        en.push('drug plants were destroyed');
      }
      if (fields.length > 0) out.push(problemOf(V6, SHEET, commune.code, fields, { name: commune.name, what: { vi: vi.join(', '), en: en.join(', ') } }));
    });
  },
};

/**
 * V7: under QĐ 28/2025, a declared class that differs from the computed one needs an
 * override reason. Not checked when the classifier cannot decide (CHUA_XAC_DINH: the
 * user decides) or when the population is missing (V1 reports it). The approving
 * decision is its own column (approval_decision_no), not required here.
 */
export const V7: Rule = {
  id: 'V7',
  severity: 'error',
  message: {
    vi: '{{name}}: tình trạng khai “{{declared}}” khác kết quả tính “{{computed}}” ({{criteria}}). Hãy sửa tình trạng cho đúng hoặc ghi lý do ở cột “Lý do khác kết quả tính”.',
    en: '{{name}}: declared status “{{declared}}” differs from the computed “{{computed}}” ({{criteria}}). Correct the status or give the reason in the “Override reason” column.',
  },
  check(ctx) {
    if (!ctx.isQd28) return [];
    return forEntered(ctx, ({ commune, status, classification }, out) => {
      const declared = declaredOf(status);
      if (declared === null || classification === null) return;
      const computed = classification.computed_class;
      if (computed === 'CHUA_XAC_DINH' || computed === declared || text(status.override_reason) !== null) return;
      out.push(
        problemOf(V7, SHEET, commune.code, ['declared_class', 'override_reason'], {
          name: commune.name,
          declared: label(declared),
          computed: label(computed),
          criteria: criteriaText(classification),
        }),
      );
    });
  },
};

/** Whether a declared key level has enough criteria (Art. 4), using the classifier's count of a–đ. */
function isLevelMet(c: Classification, declared: CommuneClass, reading: Reading): boolean {
  if (declared === 'TRONG_DIEM_I') return criteriaCountFor(c.criteria_met, 'I', reading) >= 3;
  if (declared === 'TRONG_DIEM_II') return criteriaCountFor(c.criteria_met, 'II', reading) >= 3;
  const m = c.criteria_met;
  return m.a !== null || m.b !== null || m.c !== null || m.d !== null;
}

/** Whether a declared key level lacks criteria, and whether đ (needing a key route) would have made up for it. */
function levelShortfall(c: Classification, declared: CommuneClass, reading: Reading): 'ok' | 'short' | 'needsRoute' {
  if (isLevelMet(c, declared, reading)) return 'ok';
  if (c.figures.key_route !== 'NONE') return 'short';
  const onRoute = classifyCommune({ ...c.figures, key_route: 'INTRA_PROVINCE' }, reading);
  return isLevelMet(onRoute, declared, reading) ? 'needsRoute' : 'short';
}

/**
 * V8 (QĐ 28/2025 Art. 4): level I needs ≥ 3 of criteria a–đ counting for level I, level
 * II ≥ 3 counting for level II (as the classifier counts them under the workspace's
 * reading), level III ≥ 1 of a–d at any level. It holds even with an override reason: the law defines a
 * key level by its criteria. When only a missing key route stops đ, V9 reports it instead.
 */
export const V8: Rule = {
  id: 'V8',
  severity: 'error',
  message: {
    vi: '{{name}}: khai “{{declared}}” nhưng không đủ tiêu chí theo Điều 4 Quyết định 28/2025/QĐ-TTg ({{criteria}}; loại I, II cần ít nhất 3 tiêu chí, loại III cần ít nhất 1). Hãy kiểm tra số liệu hoặc chọn lại tình trạng.',
    en: '{{name}}: declared “{{declared}}” but the criteria of Art. 4 of Decision 28/2025/QĐ-TTg are not met ({{criteria}}; levels I and II need at least 3 criteria, level III at least 1). Check the figures or choose another status.',
  },
  check(ctx) {
    if (!ctx.isQd28) return [];
    return forEntered(ctx, ({ commune, status, classification }, out) => {
      const declared = declaredOf(status);
      if (declared === null || classification === null || !KEY_LEVELS.includes(declared)) return;
      if (levelShortfall(classification, declared, ctx.reading) !== 'short') return;
      out.push(problemOf(V8, SHEET, commune.code, ['declared_class'], { name: commune.name, declared: label(declared), criteria: criteriaText(classification) }));
    });
  },
};

/** V9: criterion đ counts only for a commune on a key route; points at the key-route cell. */
export const V9: Rule = {
  id: 'V9',
  severity: 'error',
  message: {
    vi: '{{name}}: khai “{{declared}}” chỉ đủ tiêu chí khi tính tiêu chí đ, nhưng xã không nằm trên tuyến trọng điểm. Tiêu chí đ chỉ được tính khi xã thuộc tuyến trọng điểm; hãy chọn tuyến ở cột “Tuyến trọng điểm” hoặc chọn lại tình trạng.',
    en: '{{name}}: “{{declared}}” is reached only by counting criterion đ, but the commune is not on a key route. Criterion đ counts only on a key route; choose the route in the “Key route” column or another status.',
  },
  check(ctx) {
    if (!ctx.isQd28) return [];
    return forEntered(ctx, ({ commune, status, classification }, out) => {
      const declared = declaredOf(status);
      if (declared === null || classification === null || !KEY_LEVELS.includes(declared)) return;
      if (levelShortfall(classification, declared, ctx.reading) !== 'needsRoute') return;
      out.push(problemOf(V9, SHEET, commune.code, ['key_route', 'declared_class'], { name: commune.name, declared: label(declared) }));
    });
  },
};

/**
 * V10 (Art. 7): classification under QĐ 28/2025 is assessed per assessment year
 * (15/12 → 14/12). Declaring a class in another kind of period is allowed (offices
 * report the current standing quarterly) but flagged, as the brief asks: a warning.
 */
export const V10: Rule = {
  id: 'V10',
  severity: 'warning',
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

export const COMMUNE_RULES: readonly Rule[] = [V1, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13];
