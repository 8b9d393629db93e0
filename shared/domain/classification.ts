/**
 * The commune classification of QĐ 28/2025/QĐ-TTg (domain.md §4.1, §5 item 4, §6.4):
 * criteria a–đ of Art. 4 at levels I/II/III, the drug-free conditions of Art. 6 and the
 * resulting class. Pure: the renderer uses it for the computed-class column and its
 * tooltip, the services and `pcmt classify` for the authoritative value; the tooltip
 * text is in classification-explain.ts.
 *
 * Ratio thresholds are compared in whole numbers (count × 1000 against population × 5
 * for 0.5 %), so a commune exactly at 0.5 % is never lost to floating point.
 *
 * Missing is not zero (issue 12 item 1): a blank count still reads as 0 for criteria
 * a–d (a key level is reached from what is entered), but Art. 6 can only hold when each
 * of its figures was entered, possibly as 0; otherwise the class is CHUA_XAC_DINH.
 */
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
 * is at or above that level's lower bound. `literal`: a–d count for level I or II only when
 * the value lies in that level's band (II: 0.1 % to < 0.5 %, exactly 1 point, …); the count
 * and the area of d are banded separately; đ keeps its own "or more serious" wording.
 */
export type Reading = 'cumulative' | 'literal';
export const READINGS: readonly Reading[] = ['cumulative', 'literal'];

/** The criteria scheme every computed class comes from (domain.md §7.4 criteria_scheme). */
export const CRITERIA_SCHEME = 'QD28_2025';
export type CriteriaScheme = typeof CRITERIA_SCHEME;
/** First period end the scheme governs (in force 24/8/2025); earlier periods show it for reference. */
export const QD28_FROM = '2025-08-24';

export type Level = 'I' | 'II' | 'III';

export type CriteriaMet = { a: Level | null; b: Level | null; c: Level | null; d: Level | null; dd: Level | null };

/**
 * The figures Art. 6 needs entered (possibly as 0) before a commune can be drug-free:
 * "no addicts/users other than the excluded, no violators, no wanted fugitives hiding,
 * no harbouring points", and the plants (count or area) the issue adds. Excluded persons
 * may stay blank: a blank there only makes Art. 6.1 harder to meet.
 */
export const ART6_FIELDS = [
  'addicts_with_records',
  'users_with_records',
  'residents_violating_drug_law',
  'wanted_drug_fugitives_hiding',
  'harboring_points',
  'plants_destroyed_count',
  'plants_destroyed_area_m2',
] as const;
export type Art6Field = (typeof ART6_FIELDS)[number];

/** Machine codes; the UI and the CLI translate them. */
export type ClassificationFlag =
  /** Population is 0: ratios undefined, class CHUA_XAC_DINH. */
  | 'ZERO_POPULATION'
  /** Not key, and some Art. 6 figures are blank: CHUA_XAC_DINH until they are entered (possibly as 0). */
  | 'ART6_INCOMPLETE'
  /** Harbouring points are the only thing besides Art. 6.2: neither key (no level-III criterion) nor drug-free. */
  | 'ONLY_HARBORING_POINT'
  /** Neither key nor drug-free: "có ma túy – chưa đủ tiêu chí trọng điểm", to be reviewed by hand. */
  | 'MANUAL_REVIEW'
  /** Art. 6 holds, but R1 > 0 because of persons Art. 6.1 excludes: proposed drug-free, the user must confirm. */
  | 'DRUG_FREE_WITH_RECORDS'
  /** Art. 6 holds and the commune is also a key area: the office decides by hand (§5.4). */
  | 'ART6_HOLDS_BUT_KEY'
  /** The other reading of the level bands gives another class (confirm with PC04). */
  | 'LITERAL_DIFFERS';

export type Classification = {
  computed_class: CommuneClass;
  criteria_met: CriteriaMet;
  /** Criterion d's count and area, each at its own level (the literal reading bands them separately). */
  plant_levels: { count: Level | null; area: Level | null };
  /** (addicts + users with records) / population; null when the population is 0. */
  r1: number | null;
  /** Offenders arrested / population; null when the population is 0. */
  r2: number | null;
  /** Art. 6.1, 6.2 and 6.3 all hold, on figures all entered. */
  drug_free: boolean;
  /** Each Art. 6 condition on what is entered (blank = 0), for the explanation. */
  art6: { no_users: boolean; no_violators: boolean; no_points: boolean };
  /** Art. 6 figures left blank (both plant fields when neither is entered). */
  missing: Art6Field[];
  flags: ClassificationFlag[];
  reading: Reading;
  criteria_scheme: CriteriaScheme;
  /** The class under the other reading (equal to computed_class unless LITERAL_DIFFERS). */
  other_reading_class: CommuneClass;
  figures: CompleteFigures;
};

const RANK: Record<Level, number> = { I: 3, II: 2, III: 1 };
export const rankOf = (level: Level | null): number => (level === null ? 0 : RANK[level]);

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

/** The Art. 6 figures left blank; the plants are entered when either the count or the area is. */
export function missingArt6Figures(figures: CommuneFigures): Art6Field[] {
  const isBlank = (key: Art6Field): boolean => figures[key] === undefined;
  const plantsBlank = isBlank('plants_destroyed_count') && isBlank('plants_destroyed_area_m2');
  return ART6_FIELDS.filter((key) => (key.startsWith('plants_') ? plantsBlank : isBlank(key)));
}

type Base = { criteria: Omit<CriteriaMet, 'dd'>; plants: Classification['plant_levels'] };

/** Criteria a–d (đ needs them) at the level each value reaches. */
function baseCriteria(f: CompleteFigures): Base {
  const p = f.resident_population;
  const users = f.addicts_with_records + f.users_with_records;
  const k = f.harboring_points;
  const plants = { count: levelOf(f.plants_destroyed_count, PLANT_COUNT_BOUNDS), area: levelOf(f.plants_destroyed_area_m2, PLANT_AREA_BOUNDS) };
  return {
    criteria: {
      a: ratioLevel(users, p, R1_BOUNDS.I, R1_BOUNDS.II),
      b: k >= 2 ? 'I' : k === 1 ? 'II' : null,
      c: ratioLevel(f.drug_offenders_arrested, p, R2_BOUNDS.I, R2_BOUNDS.II),
      d: moreSerious(plants.count, plants.area),
    },
    plants,
  };
}

/**
 * Criterion đ (Art. 4): "level I when ≥ 2 of a–d are at level II or higher, level II when
 * ≥ 2 are at level III or higher", either only on an intra- or inter-provincial key route.
 */
function routeCriterion(base: Omit<CriteriaMet, 'dd'>, route: KeyRoute): Level | null {
  if (route === 'NONE') return null;
  const levels = [base.a, base.b, base.c, base.d];
  const atLeast = (min: Level): number => levels.filter((l) => rankOf(l) >= RANK[min]).length;
  if (atLeast('II') >= 2) return 'I';
  return atLeast('III') >= 2 ? 'II' : null;
}

type Counted = Pick<Classification, 'criteria_met' | 'plant_levels'>;

/**
 * Whether each of a–đ counts towards level I or II. Criterion đ's own text says "level II
 * or higher" / "level III or higher", so it counts from its lower bound in both readings
 * (a commune on a route with a and c in the level-II band has đ for level II too).
 */
function countingCriteria(c: Counted, target: 'I' | 'II', reading: Reading): boolean[] {
  const m = c.criteria_met;
  const atLeast = (level: Level | null): boolean => rankOf(level) >= RANK[target];
  if (reading === 'cumulative') return [m.a, m.b, m.c, m.d, m.dd].map(atLeast);
  const inBand = (level: Level | null): boolean => level === target;
  return [inBand(m.a), inBand(m.b), inBand(m.c), inBand(c.plant_levels.count) || inBand(c.plant_levels.area), atLeast(m.dd)];
}

/** Number of criteria a–đ counting towards level I or II (each needs ≥ 3). */
export function criteriaCountFor(c: Counted, target: 'I' | 'II', reading: Reading): number {
  return countingCriteria(c, target, reading).filter(Boolean).length;
}

/** Level III: "at least 1 of criteria a, c, d" (Art. 4; b has no level-III band). */
export function hasLevelIIICriterion(criteria: CriteriaMet): boolean {
  return criteria.a !== null || criteria.c !== null || criteria.d !== null;
}

/** Art. 4 level from the criteria; level III is read the same way in both readings. */
function keyLevel(c: Counted, reading: Reading): Level | null {
  if (criteriaCountFor(c, 'I', reading) >= 3) return 'I';
  if (criteriaCountFor(c, 'II', reading) >= 3) return 'II';
  return hasLevelIIICriterion(c.criteria_met) ? 'III' : null;
}

const KEY_CLASS: Record<Level, CommuneClass> = { I: 'TRONG_DIEM_I', II: 'TRONG_DIEM_II', III: 'TRONG_DIEM_III' };

type Core = { computed_class: CommuneClass; flags: ClassificationFlag[] };
type Facts = { f: CompleteFigures; counted: Counted; drugFree: boolean; missing: readonly Art6Field[] };

function classOf({ f, counted, drugFree, missing }: Facts, reading: Reading): Core {
  if (f.resident_population <= 0) return { computed_class: 'CHUA_XAC_DINH', flags: ['ZERO_POPULATION'] };
  const level = keyLevel(counted, reading);
  const m = counted.criteria_met;
  if (level === 'III' && drugFree && m.c === null && m.d === null) {
    // Level III only because R1 counts persons Art. 6.1 excludes (§6.4, last line).
    return { computed_class: 'KHONG_MA_TUY', flags: ['DRUG_FREE_WITH_RECORDS'] };
  }
  // Key and drug-free at once: the key level is proposed, a person decides (§5.4).
  if (level !== null) return { computed_class: KEY_CLASS[level], flags: drugFree ? ['ART6_HOLDS_BUT_KEY'] : [] };
  if (missing.length > 0) return { computed_class: 'CHUA_XAC_DINH', flags: ['ART6_INCOMPLETE'] };
  if (drugFree) return { computed_class: 'KHONG_MA_TUY', flags: [] };
  const onlyPoints = f.harboring_points > 0 && f.residents_violating_drug_law === 0 && f.wanted_drug_fugitives_hiding === 0;
  return { computed_class: 'CO_MA_TUY', flags: onlyPoints ? ['ONLY_HARBORING_POINT', 'MANUAL_REVIEW'] : ['MANUAL_REVIEW'] };
}

/** Classifies one commune's period figures; `reading` defaults to the cumulative one. */
export function classifyCommune(figures: CommuneFigures, reading: Reading = 'cumulative'): Classification {
  const f = completeFigures(figures);
  const p = f.resident_population;
  const hasPopulation = p > 0;
  const base: Base = hasPopulation ? baseCriteria(f) : { criteria: { a: null, b: null, c: null, d: null }, plants: { count: null, area: null } };
  const criteria: CriteriaMet = { ...base.criteria, dd: routeCriterion(base.criteria, f.key_route) };
  const recorded = f.addicts_with_records + f.users_with_records;
  // Excluded persons are "of which" parts of the counts: only those counted are exempt.
  const exempt = Math.min(recorded, f.on_substitution_treatment + f.in_family_community_rehab + f.under_post_rehab_management);
  const art6 = {
    no_users: recorded - exempt === 0,
    no_violators: f.residents_violating_drug_law === 0 && f.wanted_drug_fugitives_hiding === 0,
    no_points: f.harboring_points === 0,
  };
  const missing = missingArt6Figures(figures);
  const drugFree = missing.length === 0 && art6.no_users && art6.no_violators && art6.no_points;
  const facts: Facts = { f, counted: { criteria_met: criteria, plant_levels: base.plants }, drugFree, missing };
  const own = classOf(facts, reading);
  const other = classOf(facts, reading === 'cumulative' ? 'literal' : 'cumulative');
  const flags = own.computed_class === other.computed_class ? own.flags : [...own.flags, 'LITERAL_DIFFERS' as const];
  return {
    computed_class: own.computed_class,
    criteria_met: criteria,
    plant_levels: base.plants,
    r1: hasPopulation ? recorded / p : null,
    r2: hasPopulation ? f.drug_offenders_arrested / p : null,
    drug_free: drugFree,
    art6,
    missing,
    flags,
    reading,
    criteria_scheme: CRITERIA_SCHEME,
    other_reading_class: other.computed_class,
    figures: f,
  };
}

/** Whether a period is governed by QĐ 28/2025 (ends on/after 24/8/2025); before, its computed class is for reference only. */
export function isQd28Period(endDate: string): boolean {
  return endDate >= QD28_FROM;
}
