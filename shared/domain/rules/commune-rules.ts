/**
 * Rules V1–V9 of domain.md §6.1 on the commune statuses of a period (V10–V13 and V16 are
 * in commune-period-rules.ts, V15 and V23 in decision-rules.ts, V17–V22 in stats-rules.ts,
 * V24–V25 in plausibility-rules.ts). Only communes with a status entered are checked row
 * by row; a commune nobody has typed into yet is counted by V16 (not reported). V14 is a
 * province-level "info" and is not a problem of a district or commune office, so it is
 * not here.
 */
import { COMMUNE_CLASS_LABELS, fieldDef, type CommuneClass, type CommuneStatusValues } from '../commune-status';
import { count, problemOf, text } from './helpers';
import { classifyCommune, criteriaCountFor, hasLevelIIICriterion, type Art6Field, type Classification, type Reading } from '../classification';
import { V10, V11, V12, V13, V16 } from './commune-period-rules';
import { V15, V23 } from './decision-rules';
import { PLAUSIBILITY_RULES } from './plausibility-rules';
import { STATS_RULES } from './stats-rules';
import type { PreparedContext, Problem, Rule } from './types';

const SHEET = 'communeStatuses';

const KEY_LEVELS: readonly CommuneClass[] = ['TRONG_DIEM_III', 'TRONG_DIEM_II', 'TRONG_DIEM_I'];

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

function fieldLabel(key: Art6Field): { vi: string; en: string } {
  return fieldDef(key).labels;
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
  scope: 'record',
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
  scope: 'record',
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
 * post-rehab management) are "of which" parts of the addicts and users with records
 * (issue 12 item 3), so more of them than the counts is an error, not a judgement call.
 */
export const V4: Rule = {
  id: 'V4',
  severity: 'error',
  scope: 'record',
  message: {
    vi: '{{name}}: số người điều trị thay thế, cai tại gia đình, cộng đồng và quản lý sau cai ({{excluded}}) nhiều hơn số người nghiện và người sử dụng có hồ sơ ({{recorded}}). Những người này là một phần (“trong đó”) của số người nghiện, người sử dụng có hồ sơ; hãy sửa lại các số này cho đúng.',
    en: '{{name}}: people in substitution treatment, family/community rehab and post-rehab management ({{excluded}}) outnumber addicts and users with records ({{recorded}}). They are part of (“of which”) the addicts and users with records; correct these figures.',
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

export type ActiveHotspotCounts = { points: number; atRisk: number };

/**
 * Hotspots of the register active at the period's end, by commune (V5, V6, H7): every
 * category counts as a point of drug activity ("điểm, tụ điểm" and harbouring points
 * alike; an uncategorised one too), except the at-risk points (DIEM_NGUY_CO), which
 * are counted apart: a risk is not a point where drugs are used.
 */
export function activeHotspotsByCommune(ctx: PreparedContext): Map<string, ActiveHotspotCounts> {
  const out = new Map<string, ActiveHotspotCounts>();
  for (const h of ctx.periodHotspots) {
    if (!h.flags.isActiveAtEnd) continue;
    const code = String(h.values.commune_code ?? '');
    const counts = out.get(code) ?? { points: 0, atRisk: 0 };
    if (h.values.category === 'DIEM_NGUY_CO') counts.atRisk += 1;
    else counts.points += 1;
    out.set(code, counts);
  }
  return out;
}

/**
 * V5: a commune declared drug-free must meet QĐ 28/2025 Art. 6: no addicts or users
 * with records other than the excluded ones, no resident violating the drug law, no
 * wanted fugitive hiding, no harbouring point, and no active hotspot in the register at
 * the period's end, whatever its category (an at-risk point is V6's warning). Each Art. 6
 * figure must be entered, possibly as 0: blank is not zero. One problem per unmet
 * condition, each at its cells.
 */
export const V5: Rule = {
  id: 'V5',
  severity: 'error',
  scope: 'commune',
  message: {
    vi: '{{name}} khai “Không ma túy” nhưng {{what}}. Xã chỉ được khai “Không ma túy” khi đủ các điều kiện của Điều 6 Quyết định 28/2025/QĐ-TTg; hãy sửa số liệu hoặc chọn lại tình trạng.',
    en: '{{name}} is declared drug-free but {{what}}. A commune is drug-free only when it meets Art. 6 of Decision 28/2025/QĐ-TTg; correct the figures or choose another status.',
  },
  check(ctx) {
    const hotspots = activeHotspotsByCommune(ctx);
    return forEntered(ctx, ({ commune, status, classification }, out) => {
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
      const active = hotspots.get(commune.code)?.points ?? 0;
      if (active > 0) {
        push(['declared_class'], {
          vi: `sổ điểm, tụ điểm còn ${active} điểm, tụ điểm đang hoạt động cuối kỳ`,
          en: `the hotspot register has ${active} active hotspot(s) at the end of the period`,
        });
      }
      // Blank is not zero: last, so the panel's first V5 row stays the figure that breaks Art. 6.
      const blank = classification?.missing ?? [];
      if (blank.length > 0) {
        const names = (language: 'vi' | 'en') => blank.map((key) => fieldLabel(key)[language]).join(', ');
        push([...blank], { vi: `chưa nhập ${names('vi')} (không có thì nhập 0)`, en: `${names('en')} not entered (enter 0 where there is none)` });
      }
    });
  },
};

/** V6: a drug-free commune with people on record, arrests, destroyed plants or an active at-risk point is worth a second look. */
export const V6: Rule = {
  id: 'V6',
  severity: 'warning',
  scope: 'commune',
  message: {
    vi: '{{name}} khai “Không ma túy” nhưng {{what}}. Hãy kiểm tra lại và ghi rõ lý do ở cột Ghi chú nếu số liệu đúng.',
    en: '{{name}} is declared drug-free but {{what}}. Check again and explain in the Note column if the figures are right.',
  },
  check(ctx) {
    const hotspots = activeHotspotsByCommune(ctx);
    return forEntered(ctx, ({ commune, status }, out) => {
      if (declaredOf(status) !== 'KHONG_MA_TUY') return;
      const fields: string[] = [];
      const vi: string[] = [];
      const en: string[] = [];
      const atRisk = hotspots.get(commune.code)?.atRisk ?? 0;
      if (atRisk > 0) {
        fields.push('declared_class');
        vi.push(`sổ điểm, tụ điểm còn ${atRisk} điểm có nguy cơ đang hoạt động cuối kỳ`);
        en.push(`the hotspot register has ${atRisk} active at-risk point(s) at the end of the period`);
      }
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
  scope: 'record',
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
  if (declared === 'TRONG_DIEM_I') return criteriaCountFor(c, 'I', reading) >= 3;
  if (declared === 'TRONG_DIEM_II') return criteriaCountFor(c, 'II', reading) >= 3;
  // Art. 4: level III needs "at least 1 of criteria a, c, d"; b has no level-III band.
  return hasLevelIIICriterion(c.criteria_met);
}

/** Whether a declared key level lacks criteria, and whether đ (needing a key route) would have made up for it. */
function levelShortfall(c: Classification, declared: CommuneClass, reading: Reading): 'ok' | 'short' | 'needsRoute' {
  if (isLevelMet(c, declared, reading)) return 'ok';
  if (c.figures.key_route !== 'NONE') return 'short';
  const onRoute = classifyCommune({ ...c.figures, key_route: 'INTRA_PROVINCE' }, reading);
  // (c.figures has blanks as 0: only criteria a–đ are read here, never Art. 6.)
  return isLevelMet(onRoute, declared, reading) ? 'needsRoute' : 'short';
}

/**
 * V8 (QĐ 28/2025 Art. 4): level I needs ≥ 3 of criteria a–đ counting for level I, level
 * II ≥ 3 counting for level II (as the classifier counts them under the workspace's
 * reading), level III ≥ 1 of a, c, d at any level. It holds even with an override reason: the law defines a
 * key level by its criteria. When only a missing key route stops đ, V9 reports it instead.
 */
export const V8: Rule = {
  id: 'V8',
  severity: 'error',
  scope: 'record',
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
  scope: 'record',
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

export const COMMUNE_RULES: readonly Rule[] = [V1, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V15, V16, ...STATS_RULES, V23, ...PLAUSIBILITY_RULES];
