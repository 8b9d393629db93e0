/**
 * The commune classification of QĐ 28/2025/QĐ-TTg (domain.md §4.1, §5 item 4, §6.4):
 * criteria a–đ of Art. 4 at levels I/II/III, the drug-free conditions of Art. 6 and the
 * resulting class. Pure: the renderer uses it for the computed-class column and its
 * tooltip, the services and `pcmt classify` for the authoritative value.
 *
 * Ratio thresholds are compared in whole numbers (count × 1000 against population × 5
 * for 0.5 %), so a commune exactly at 0.5 % is never lost to floating point.
 */
import type { Language } from '../i18n/format';
import type { CommuneClass, KeyRoute } from './commune-status';

export type CommuneFigures = {
  resident_population: number;
  addicts_with_records?: number;
  users_with_records?: number;
  on_substitution_treatment?: number;
  in_family_community_rehab?: number;
  under_post_rehab_management?: number;
  residents_violating_drug_law?: number;
  wanted_drug_fugitives_hiding?: number;
  drug_offenders_arrested?: number;
  harboring_points?: number;
  plants_destroyed_count?: number;
  plants_destroyed_area_m2?: number;
  key_route?: KeyRoute;
};

/** The figures with every missing count read as 0 and a missing route as NONE. */
export type CompleteFigures = Required<CommuneFigures>;

/**
 * `cumulative` (default, domain.md §6.4): a criterion counts for a level when its value
 * is at or above that level's lower bound. `literal`: it counts for level I or II only when
 * its value lies in that level's band (II: 0.1 % to < 0.5 %, exactly 1 point, …).
 */
export type Reading = 'cumulative' | 'literal';
export const READINGS: readonly Reading[] = ['cumulative', 'literal'];

export type Level = 'I' | 'II' | 'III';

export type CriteriaMet = { a: Level | null; b: Level | null; c: Level | null; d: Level | null; dd: Level | null };

/** Machine codes; the UI and the CLI translate them. */
export type ClassificationFlag =
  /** Population is 0: ratios undefined, class CHUA_XAC_DINH. */
  | 'ZERO_POPULATION'
  /** Harbouring points are the only thing besides Art. 6.2: neither key (no level-III criterion) nor drug-free. */
  | 'ONLY_HARBORING_POINT'
  /** Neither key nor drug-free: "có ma túy – chưa đủ tiêu chí trọng điểm", to be reviewed by hand. */
  | 'MANUAL_REVIEW'
  /** Art. 6 holds, but R1 > 0 because of persons Art. 6.1 excludes: proposed drug-free, the user must confirm. */
  | 'DRUG_FREE_WITH_RECORDS'
  /** The other reading of the level bands gives another class (confirm with PC04). */
  | 'LITERAL_DIFFERS';

export type Classification = {
  computed_class: CommuneClass;
  criteria_met: CriteriaMet;
  /** (addicts + users with records) / population; null when the population is 0. */
  r1: number | null;
  /** Offenders arrested / population; null when the population is 0. */
  r2: number | null;
  /** Art. 6.1, 6.2 and 6.3 all hold. */
  drug_free: boolean;
  /** Each Art. 6 condition, for the explanation. */
  art6: { no_users: boolean; no_violators: boolean; no_points: boolean };
  flags: ClassificationFlag[];
  reading: Reading;
  /** The class under the other reading (equal to computed_class unless LITERAL_DIFFERS). */
  other_reading_class: CommuneClass;
  figures: CompleteFigures;
};

const RANK: Record<Level, number> = { I: 3, II: 2, III: 1 };
const rankOf = (level: Level | null): number => (level === null ? 0 : RANK[level]);

/** Lower bounds of one criterion: level I and II thresholds; level III means "> 0". */
type Bounds = { I: number; II: number };

/** Level of a plain quantity (count, area): the highest level whose lower bound it meets. */
function levelOf(value: number, bounds: Bounds): Level | null {
  if (value >= bounds.I) return 'I';
  if (value >= bounds.II) return 'II';
  return value > 0 ? 'III' : null;
}

/**
 * Level of a ratio count / population against thresholds given as fractions num/den
 * (0.5 % = 5/1000), compared exactly: count × den ≥ population × num.
 */
function ratioLevel(count: number, population: number, i: [number, number], ii: [number, number]): Level | null {
  if (count * i[1] >= population * i[0]) return 'I';
  if (count * ii[1] >= population * ii[0]) return 'II';
  return count > 0 ? 'III' : null;
}

const R1_BOUNDS = { I: [5, 1000], II: [1, 1000] } as const satisfies Record<'I' | 'II', [number, number]>;
const R2_BOUNDS = { I: [1, 1000], II: [5, 10000] } as const satisfies Record<'I' | 'II', [number, number]>;
export const PLANT_COUNT_BOUNDS: Bounds = { I: 3000, II: 500 };
export const PLANT_AREA_BOUNDS: Bounds = { I: 750, II: 125 };

function moreSerious(x: Level | null, y: Level | null): Level | null {
  return rankOf(x) >= rankOf(y) ? x : y;
}

const count = (value: number | undefined): number => value ?? 0;

export function completeFigures(figures: CommuneFigures): CompleteFigures {
  return {
    resident_population: count(figures.resident_population),
    addicts_with_records: count(figures.addicts_with_records),
    users_with_records: count(figures.users_with_records),
    on_substitution_treatment: count(figures.on_substitution_treatment),
    in_family_community_rehab: count(figures.in_family_community_rehab),
    under_post_rehab_management: count(figures.under_post_rehab_management),
    residents_violating_drug_law: count(figures.residents_violating_drug_law),
    wanted_drug_fugitives_hiding: count(figures.wanted_drug_fugitives_hiding),
    drug_offenders_arrested: count(figures.drug_offenders_arrested),
    harboring_points: count(figures.harboring_points),
    plants_destroyed_count: count(figures.plants_destroyed_count),
    plants_destroyed_area_m2: count(figures.plants_destroyed_area_m2),
    key_route: figures.key_route ?? 'NONE',
  };
}

/** Criteria a–d (đ needs them) at the level each value reaches. */
function baseCriteria(f: CompleteFigures): Omit<CriteriaMet, 'dd'> {
  const p = f.resident_population;
  const users = f.addicts_with_records + f.users_with_records;
  const k = f.harboring_points;
  return {
    a: ratioLevel(users, p, R1_BOUNDS.I, R1_BOUNDS.II),
    b: k >= 2 ? 'I' : k === 1 ? 'II' : null,
    c: ratioLevel(f.drug_offenders_arrested, p, R2_BOUNDS.I, R2_BOUNDS.II),
    d: moreSerious(levelOf(f.plants_destroyed_count, PLANT_COUNT_BOUNDS), levelOf(f.plants_destroyed_area_m2, PLANT_AREA_BOUNDS)),
  };
}

/**
 * Criterion đ: level I when ≥ 2 of a–d are at level II or higher, level II when ≥ 2 are at
 * level III or higher; either only on an intra- or inter-provincial key route. Its own
 * wording ("or higher") is cumulative, so it is the same under both readings.
 */
function routeCriterion(base: Omit<CriteriaMet, 'dd'>, route: KeyRoute): Level | null {
  if (route === 'NONE') return null;
  const levels = [base.a, base.b, base.c, base.d];
  const atLeast = (min: Level): number => levels.filter((l) => rankOf(l) >= RANK[min]).length;
  if (atLeast('II') >= 2) return 'I';
  return atLeast('III') >= 2 ? 'II' : null;
}

/** Whether a criterion at `level` counts towards `target` (I or II) under `reading`. */
function countsFor(level: Level | null, target: 'I' | 'II', reading: Reading): boolean {
  return reading === 'cumulative' ? rankOf(level) >= RANK[target] : level === target;
}

/** Number of criteria a–đ counting towards level I or II (each needs ≥ 3). */
export function criteriaCountFor(criteria: CriteriaMet, target: 'I' | 'II', reading: Reading): number {
  return [criteria.a, criteria.b, criteria.c, criteria.d, criteria.dd].filter((l) => countsFor(l, target, reading)).length;
}

/** Art. 4 level from the criteria; level III (any of a, c, d present) is read the same way in both readings. */
function keyLevel(criteria: CriteriaMet, reading: Reading): Level | null {
  if (criteriaCountFor(criteria, 'I', reading) >= 3) return 'I';
  if (criteriaCountFor(criteria, 'II', reading) >= 3) return 'II';
  return criteria.a !== null || criteria.c !== null || criteria.d !== null ? 'III' : null;
}

const KEY_CLASS: Record<Level, CommuneClass> = { I: 'TRONG_DIEM_I', II: 'TRONG_DIEM_II', III: 'TRONG_DIEM_III' };

type Core = { computed_class: CommuneClass; flags: ClassificationFlag[] };

function classOf(f: CompleteFigures, criteria: CriteriaMet, drugFree: boolean, reading: Reading): Core {
  if (f.resident_population <= 0) return { computed_class: 'CHUA_XAC_DINH', flags: ['ZERO_POPULATION'] };
  const level = keyLevel(criteria, reading);
  if (level === 'III' && drugFree && criteria.c === null && criteria.d === null) {
    // Level III only because R1 counts persons Art. 6.1 excludes (§6.4, last line).
    return { computed_class: 'KHONG_MA_TUY', flags: ['DRUG_FREE_WITH_RECORDS'] };
  }
  if (level !== null) return { computed_class: KEY_CLASS[level], flags: [] };
  if (drugFree) return { computed_class: 'KHONG_MA_TUY', flags: [] };
  const onlyPoints = f.harboring_points > 0 && f.residents_violating_drug_law === 0 && f.wanted_drug_fugitives_hiding === 0;
  return { computed_class: 'CO_MA_TUY', flags: onlyPoints ? ['ONLY_HARBORING_POINT', 'MANUAL_REVIEW'] : ['MANUAL_REVIEW'] };
}

/** Classifies one commune's period figures; `reading` defaults to the cumulative one. */
export function classifyCommune(figures: CommuneFigures, reading: Reading = 'cumulative'): Classification {
  const f = completeFigures(figures);
  const p = f.resident_population;
  const hasPopulation = p > 0;
  const base = hasPopulation
    ? baseCriteria(f)
    : { a: null, b: null, c: null, d: null };
  const criteria: CriteriaMet = { ...base, dd: routeCriterion(base, f.key_route) };
  const excluded = f.on_substitution_treatment + f.in_family_community_rehab + f.under_post_rehab_management;
  const art6 = {
    no_users: f.addicts_with_records + f.users_with_records <= excluded,
    no_violators: f.residents_violating_drug_law === 0 && f.wanted_drug_fugitives_hiding === 0,
    no_points: f.harboring_points === 0,
  };
  const drugFree = art6.no_users && art6.no_violators && art6.no_points;
  const own = classOf(f, criteria, drugFree, reading);
  const other = classOf(f, criteria, drugFree, reading === 'cumulative' ? 'literal' : 'cumulative');
  const flags = own.computed_class === other.computed_class ? own.flags : [...own.flags, 'LITERAL_DIFFERS' as const];
  return {
    computed_class: own.computed_class,
    criteria_met: criteria,
    r1: hasPopulation ? (f.addicts_with_records + f.users_with_records) / p : null,
    r2: hasPopulation ? f.drug_offenders_arrested / p : null,
    drug_free: drugFree,
    art6,
    flags,
    reading,
    other_reading_class: other.computed_class,
    figures: f,
  };
}

// ---------------------------------------------------------------------------------------
// Explanation for a tooltip or side panel.

const CLASS_TEXT: Record<CommuneClass, { vi: string; en: string }> = {
  KHONG_MA_TUY: { vi: 'Không ma túy', en: 'Drug-free' },
  CO_MA_TUY: { vi: 'Có ma túy – chưa đủ tiêu chí trọng điểm', en: 'Has drugs – not a key area' },
  TRONG_DIEM_III: { vi: 'Trọng điểm loại III', en: 'Key area, level III' },
  TRONG_DIEM_II: { vi: 'Trọng điểm loại II', en: 'Key area, level II' },
  TRONG_DIEM_I: { vi: 'Trọng điểm loại I', en: 'Key area, level I' },
  CHUA_XAC_DINH: { vi: 'Chưa xác định', en: 'Not determined' },
};

function numberText(value: number, language: Language, decimals: number): string {
  return value.toLocaleString(language === 'en' ? 'en-US' : 'vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: decimals, useGrouping: true });
}

/** A ratio as a percentage with 2 decimals, more when 2 would round onto a threshold it does not reach. */
function percentText(fraction: number, language: Language): string {
  const pct = fraction * 100;
  let decimals = 2;
  const thresholds = [0.5, 0.1, 0.05];
  while (decimals < 6 && thresholds.some((t) => Number(pct.toFixed(decimals)) === t && pct !== t)) decimals += 1;
  return `${pct.toLocaleString(language === 'en' ? 'en-US' : 'vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: decimals })} %`;
}

type Words = {
  level: (l: Level) => string;
  none: string;
  a: string;
  b: string;
  c: string;
  d: string;
  dd: string;
  area: string;
  plants: string;
  noRoute: string;
  route: (l: Level | null, n2: number, n3: number) => string;
  zero: string;
  count: (target: 'I' | 'II', n: number) => string;
  levelIII: string;
  art6: (ok: boolean, parts: string[]) => string;
  art6Parts: { users: string; violators: string; points: string };
  flag: Record<ClassificationFlag, (other: string) => string>;
  result: string;
  reading: Record<Reading, string>;
};

const WORDS: Record<Language, Words> = {
  vi: {
    level: (l) => `loại ${l}`,
    none: 'không đạt',
    a: 'a. Tỷ lệ người nghiện, sử dụng có hồ sơ',
    b: 'b. Số điểm tổ chức, chứa chấp',
    c: 'c. Tỷ lệ đối tượng bị bắt',
    d: 'd. Cây có chứa chất ma túy bị phá',
    dd: 'đ. Tuyến trọng điểm',
    area: 'm²',
    plants: 'cây',
    noRoute: 'không nằm trên tuyến trọng điểm → không đạt',
    route: (l, n2, n3) =>
      l === null
        ? `nằm trên tuyến trọng điểm nhưng chỉ ${n3} tiêu chí từ loại III trở lên (cần ≥ 2) → không đạt`
        : l === 'I'
          ? `nằm trên tuyến trọng điểm, ${n2} tiêu chí từ loại II trở lên → loại I`
          : `nằm trên tuyến trọng điểm, ${n3} tiêu chí từ loại III trở lên → loại II`,
    zero: 'Nhân khẩu bằng 0: không tính được tỷ lệ → chưa xác định',
    count: (t, n) => `${n} tiêu chí đạt loại ${t} (cần ≥ 3)`,
    levelIII: 'loại III cần ít nhất 1 trong các tiêu chí a, c, d',
    art6: (ok, parts) => (ok ? 'Điều 6 (không ma túy): đạt cả 3 điều kiện' : `Điều 6 (không ma túy): không đạt — ${parts.join('; ')}`),
    art6Parts: {
      users: 'còn người nghiện, sử dụng ngoài diện điều trị thay thế, cai tại gia đình/cộng đồng, quản lý sau cai',
      violators: 'có người vi phạm pháp luật về ma túy hoặc đối tượng truy nã lẩn trốn',
      points: 'có điểm tổ chức, chứa chấp',
    },
    flag: {
      ZERO_POPULATION: () => 'Cần nhập nhân khẩu cư trú.',
      ONLY_HARBORING_POINT: () => 'Chỉ có điểm tổ chức, chứa chấp: không phải trọng điểm (loại III không có tiêu chí b) cũng không phải không ma túy — cần xem xét.',
      MANUAL_REVIEW: () => 'Không đủ tiêu chí trọng điểm, cũng không đạt Điều 6 — cần xem xét.',
      DRUG_FREE_WITH_RECORDS: () => 'Đạt Điều 6 nhưng tỷ lệ a > 0 do người thuộc diện được loại trừ: đề xuất “Không ma túy”, cần xác nhận.',
      LITERAL_DIFFERS: (other) => `Theo cách đọc khác của các khoảng mức độ, kết quả là: ${other} — cần thống nhất với Công an tỉnh (PC04).`,
    },
    result: 'Kết quả',
    reading: { cumulative: 'cách đọc cộng dồn', literal: 'cách đọc theo khoảng' },
  },
  en: {
    level: (l) => `level ${l}`,
    none: 'not met',
    a: 'a. Addicts and users with records',
    b: 'b. Organising/harbouring points',
    c: 'c. Offenders arrested',
    d: 'd. Drug plants destroyed',
    dd: 'đ. Key route',
    area: 'm²',
    plants: 'plants',
    noRoute: 'not on a key route → not met',
    route: (l, n2, n3) =>
      l === null
        ? `on a key route but only ${n3} criteria at level III or higher (needs ≥ 2) → not met`
        : l === 'I'
          ? `on a key route, ${n2} criteria at level II or higher → level I`
          : `on a key route, ${n3} criteria at level III or higher → level II`,
    zero: 'Population is 0: ratios cannot be computed → not determined',
    count: (t, n) => `${n} criteria at level ${t} (needs ≥ 3)`,
    levelIII: 'level III needs at least one of criteria a, c, d',
    art6: (ok, parts) => (ok ? 'Art. 6 (drug-free): all 3 conditions hold' : `Art. 6 (drug-free): not met — ${parts.join('; ')}`),
    art6Parts: {
      users: 'addicts or users outside substitution treatment, family/community rehab and post-rehab management',
      violators: 'residents violating drug law or wanted fugitives hiding',
      points: 'organising/harbouring points',
    },
    flag: {
      ZERO_POPULATION: () => 'Enter the resident population.',
      ONLY_HARBORING_POINT: () => 'Only harbouring points: not a key area (level III has no criterion b) and not drug-free — review by hand.',
      MANUAL_REVIEW: () => 'Not enough for a key area and Art. 6 does not hold — review by hand.',
      DRUG_FREE_WITH_RECORDS: () => 'Art. 6 holds but ratio a > 0 because of excluded persons: proposed “drug-free”, to be confirmed.',
      LITERAL_DIFFERS: (other) => `The other reading of the level bands gives: ${other} — confirm with the provincial police (PC04).`,
    },
    result: 'Result',
    reading: { cumulative: 'cumulative reading', literal: 'literal (band) reading' },
  },
};

function verdict(w: Words, level: Level | null): string {
  return level === null ? w.none : w.level(level);
}

function ratioLine(label: string, ratio: number, level: Level | null, bounds: { I: number; II: number }, w: Words, language: Language): string {
  const value = percentText(ratio, language);
  const pct = (x: number): string => `${numberText(x * 100, language, 2)} %`;
  const why = level === 'I' ? `≥ ${pct(bounds.I)}` : level === 'II' ? `≥ ${pct(bounds.II)}` : level === 'III' ? `< ${pct(bounds.II)}` : '= 0';
  return `${label} ${value} ${why} → ${verdict(w, level)}`;
}

/** One short line per criterion, then Art. 6, the result and any flags (for a tooltip). */
export function explainClassification(c: Classification, language: Language): string[] {
  const w = WORDS[language];
  const f = c.figures;
  if (c.r1 === null || c.r2 === null) return [w.zero, ...c.flags.filter((x) => x !== 'ZERO_POPULATION').map((x) => w.flag[x](''))];
  const crit = c.criteria_met;
  const k = f.harboring_points;
  const plants = numberText(f.plants_destroyed_count, language, 0);
  const area = numberText(f.plants_destroyed_area_m2, language, 2);
  const levels = [crit.a, crit.b, crit.c, crit.d];
  const n2 = levels.filter((l) => rankOf(l) >= RANK.II).length;
  const n3 = levels.filter((l) => l !== null).length;
  const lines = [
    ratioLine(w.a, c.r1, crit.a, { I: 0.005, II: 0.001 }, w, language),
    `${w.b} ${k} ${k >= 2 ? '≥ 2' : k === 1 ? '= 1' : '= 0'} → ${verdict(w, crit.b)}`,
    ratioLine(w.c, c.r2, crit.c, { I: 0.001, II: 0.0005 }, w, language),
    `${w.d} ${plants} ${w.plants}, ${area} ${w.area} → ${verdict(w, crit.d)}`,
    `${w.dd}: ${f.key_route === 'NONE' ? w.noRoute : w.route(crit.dd, n2, n3)}`,
  ];
  const art6Parts = [
    ...(c.art6.no_users ? [] : [w.art6Parts.users]),
    ...(c.art6.no_violators ? [] : [w.art6Parts.violators]),
    ...(c.art6.no_points ? [] : [w.art6Parts.points]),
  ];
  lines.push(w.art6(c.drug_free, art6Parts));
  const counts = `${w.count('I', criteriaCountFor(crit, 'I', c.reading))}; ${w.count('II', criteriaCountFor(crit, 'II', c.reading))}; ${w.levelIII}`;
  lines.push(`${w.result} (${w.reading[c.reading]}): ${CLASS_TEXT[c.computed_class][language]} — ${counts}`);
  for (const flag of c.flags) lines.push(w.flag[flag](CLASS_TEXT[c.other_reading_class][language]));
  return lines;
}
