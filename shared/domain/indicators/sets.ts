/**
 * The programme indicator sets of domain.md §8, versioned by phase (§7.9). Only the
 * indicators the office can compute from what it records are listed: commune statuses
 * (with the §7.6 statistics), the hotspot register (with its period flags) and the
 * model-site register. Denominators are explicit (§5 item 9): hotspot elimination is
 * measured against the hotspots active at the start of the period.
 *
 * Baseline of each set: the same kind of period in the set's baseline year — 2015 for
 * 2017–2020 (the seeds compare "by 2020 with 2015"), 2021 for 2021–2025 and 2026 for
 * 2026–2030 (the first year of the phase). A period's default set follows its end date:
 * up to 2020 → 2017–2020, 2021–2025 → 2021–2025, from 2026 → 2026–2030.
 */
import type { Labels } from '../fields';

export const INDICATOR_SET_IDS = ['2017_2020_QD424', '2021_2025_QD1452', '2026_2030_CTMTQG'] as const;
export type IndicatorSetId = (typeof INDICATOR_SET_IDS)[number];

export type IndicatorUnit = 'PCT' | 'COUNT' | 'PCT_CHANGE';

/** Figures one period contributes; null when nothing was entered for them. */
export type MetricKey =
  | 'communesClassified'
  | 'communesDrugFree'
  | 'communesWithDrugs'
  | 'keyCommunesAtBaseline'
  | 'keyCommunesReducedVsBaseline'
  | 'hotspotsActiveAtStart'
  | 'hotspotsActiveAtStartEliminated'
  | 'hotspotsEliminated'
  | 'hotspotsNew'
  | 'tuDiemNew'
  | 'addictsWithRecords'
  | 'usersWithRecords'
  | 'addictsAndUsers'
  | 'removedFromManagement'
  | 'accessedServices'
  | 'postRehabManaged'
  | 'postRehabCompleted'
  | 'drugCases'
  | 'newPilotModels'
  | 'districts';

/**
 * How the value is formed: RATIO = numerator / denominator × 100; CHANGE = (this
 * period − previous period) / previous period × 100 of one figure; COUNT = the figure;
 * PER = numerator / denominator (a count per unit).
 */
export type IndicatorFormula =
  | { kind: 'RATIO'; numerator: MetricKey; denominator: MetricKey }
  | { kind: 'CHANGE'; metric: MetricKey }
  | { kind: 'COUNT'; metric: MetricKey }
  | { kind: 'PER'; numerator: MetricKey; denominator: MetricKey };

/** How the value is compared with the target: ≥ min, > min, ≤ max, < max, = min, min ≤ v ≤ max. */
export type TargetComparison = 'GE' | 'GT' | 'LE' | 'LT' | 'EQ' | 'BETWEEN';

export type IndicatorDef = {
  code: string;
  names: Labels;
  unit: IndicatorUnit;
  formula: IndicatorFormula;
  numeratorLabel: Labels;
  denominatorLabel: Labels | null;
  targetText: Labels;
  targetMin: number | null;
  targetMax: number | null;
  comparison: TargetComparison;
  source: string;
};

export type IndicatorSet = {
  id: IndicatorSetId;
  names: Labels;
  /** First and last calendar year of the phase. */
  fromYear: number;
  toYear: number;
  /** The year whose period of the same kind is the baseline (see the module comment). */
  baselineYear: number;
  indicators: readonly IndicatorDef[];
};

const L = (vi: string, en: string): Labels => ({ vi, en });

const HOTSPOTS_AT_START = L('Điểm, tụ điểm hoạt động đầu kỳ', 'Hotspots active at the start of the period');
const ELIMINATED_OF_AT_START = L('Điểm hoạt động đầu kỳ bị triệt xóa trong kỳ', 'Hotspots active at the start eliminated in the period');
const ADDICTS_AND_USERS = L('Người nghiện và người sử dụng có hồ sơ', 'Addicts and users with records');
const ACCESSED = L('Được tiếp cận tư vấn, điều trị, cai nghiện', 'Accessed counselling, treatment or rehab');
const ADDICTS_NOW = L('Người nghiện có hồ sơ (kỳ này)', 'Addicts with records (this period)');
const ADDICTS_BEFORE = L('Người nghiện có hồ sơ (kỳ trước)', 'Addicts with records (previous period)');
const POST_REHAB_MANAGED = L('Người sau cai được quản lý, hỗ trợ', 'Post-rehab persons managed and supported');
const POST_REHAB_COMPLETED = L('Người đã hoàn thành cai nghiện', 'Persons who completed rehab');
const CASES_NOW = L('Vụ phạm tội về ma túy phát hiện (kỳ này)', 'Drug crime cases detected (this period)');
const CASES_BEFORE = L('Vụ phạm tội về ma túy phát hiện (kỳ trước)', 'Drug crime cases detected (previous period)');

function serviceAccess(target: number, comparison: 'GE' | 'GT', targetText: Labels, source: string): IndicatorDef {
  return {
    code: 'SERVICE_ACCESS_PCT',
    names: L('Người nghiện, người sử dụng có hồ sơ được tiếp cận dịch vụ', 'Addicts and users with records accessing services'),
    unit: 'PCT',
    formula: { kind: 'RATIO', numerator: 'accessedServices', denominator: 'addictsAndUsers' },
    numeratorLabel: ACCESSED,
    denominatorLabel: ADDICTS_AND_USERS,
    targetText,
    targetMin: target,
    targetMax: null,
    comparison,
    source,
  };
}

function addictsGrowth(source: string): IndicatorDef {
  return {
    code: 'ADDICTS_GROWTH',
    names: L('Tăng người nghiện có hồ sơ so với kỳ trước', 'Growth of addicts with records vs the previous period'),
    unit: 'PCT_CHANGE',
    formula: { kind: 'CHANGE', metric: 'addictsWithRecords' },
    numeratorLabel: ADDICTS_NOW,
    denominatorLabel: ADDICTS_BEFORE,
    targetText: L('< 1 %', '< 1 %'),
    targetMin: null,
    targetMax: 1,
    comparison: 'LT',
    source,
  };
}

function postRehab(target: number, names: Labels, source: string): IndicatorDef {
  return {
    code: 'POST_REHAB_MANAGED_PCT',
    names,
    unit: 'PCT',
    formula: { kind: 'RATIO', numerator: 'postRehabManaged', denominator: 'postRehabCompleted' },
    numeratorLabel: POST_REHAB_MANAGED,
    denominatorLabel: POST_REHAB_COMPLETED,
    targetText: L(`${target} %`, `${target} %`),
    targetMin: target,
    targetMax: null,
    comparison: 'GE',
    source,
  };
}

function crimeGrowth(target: number, comparison: 'GE' | 'GT', targetText: Labels, source: string): IndicatorDef {
  return {
    code: 'DRUG_CRIME_DETECT_GROWTH',
    names: L('Tăng số vụ phạm tội về ma túy phát hiện so với kỳ trước', 'Growth of drug crime cases detected vs the previous period'),
    unit: 'PCT_CHANGE',
    formula: { kind: 'CHANGE', metric: 'drugCases' },
    numeratorLabel: CASES_NOW,
    denominatorLabel: CASES_BEFORE,
    targetText,
    targetMin: target,
    targetMax: null,
    comparison,
    source,
  };
}

const QD424 = 'QĐ 424/QĐ-TTg; S0, S1';

export const SET_2017_2020: IndicatorSet = {
  id: '2017_2020_QD424',
  names: L('Chương trình PCMT đến năm 2020 (QĐ 424/QĐ-TTg)', 'Drug prevention programme to 2020 (QĐ 424/QĐ-TTg)'),
  fromYear: 2017,
  toYear: 2020,
  baselineYear: 2015,
  indicators: [
    {
      code: 'NEW_TU_DIEM',
      names: L('Điểm, tụ điểm mới hình thành', 'New hotspots formed'),
      unit: 'COUNT',
      formula: { kind: 'COUNT', metric: 'tuDiemNew' },
      numeratorLabel: L('Tụ điểm, điểm mới phát hiện trong kỳ', 'New cluster points and points discovered in the period'),
      denominatorLabel: null,
      targetText: L('0', '0'),
      targetMin: 0,
      targetMax: 0,
      comparison: 'EQ',
      source: `${QD424}, S4`,
    },
    {
      code: 'HOTSPOT_ELIM_PCT',
      names: L('Tỷ lệ điểm, tụ điểm bị triệt xóa', 'Share of hotspots eliminated'),
      unit: 'PCT',
      formula: { kind: 'RATIO', numerator: 'hotspotsActiveAtStartEliminated', denominator: 'hotspotsActiveAtStart' },
      numeratorLabel: ELIMINATED_OF_AT_START,
      denominatorLabel: HOTSPOTS_AT_START,
      targetText: L('5–10 %', '5–10 %'),
      targetMin: 5,
      targetMax: 10,
      comparison: 'BETWEEN',
      source: QD424,
    },
    {
      code: 'ADDICT_EXIT_PCT',
      names: L('Người nghiện đủ điều kiện đưa ra khỏi diện quản lý', 'Registered addicts removed from management'),
      unit: 'PCT',
      formula: { kind: 'RATIO', numerator: 'removedFromManagement', denominator: 'addictsWithRecords' },
      numeratorLabel: L('Người đưa ra khỏi diện quản lý trong kỳ', 'Persons removed from management in the period'),
      denominatorLabel: L('Người nghiện có hồ sơ', 'Addicts with records'),
      targetText: L('> 1 %/năm', '> 1 %/year'),
      targetMin: 1,
      targetMax: null,
      comparison: 'GT',
      source: QD424,
    },
    {
      code: 'COMMUNES_WITH_DRUGS_CHANGE',
      names: L('Thay đổi số xã có ma túy so với kỳ trước', 'Change in communes with drugs vs the previous period'),
      unit: 'PCT_CHANGE',
      formula: { kind: 'CHANGE', metric: 'communesWithDrugs' },
      numeratorLabel: L('Xã có ma túy (kỳ này)', 'Communes with drugs (this period)'),
      denominatorLabel: L('Xã có ma túy (kỳ trước)', 'Communes with drugs (previous period)'),
      targetText: L('≤ −1 %/năm', '≤ −1 %/year'),
      targetMin: null,
      targetMax: -1,
      comparison: 'LE',
      source: QD424,
    },
    {
      code: 'KEY_COMMUNES_REDUCED',
      names: L('Xã trọng điểm giảm mức độ phức tạp so với năm 2015', 'Key communes with lower complexity than in 2015'),
      unit: 'PCT',
      formula: { kind: 'RATIO', numerator: 'keyCommunesReducedVsBaseline', denominator: 'keyCommunesAtBaseline' },
      numeratorLabel: L('Xã trọng điểm năm gốc nay ở mức thấp hơn', 'Key communes of the baseline now at a lower class'),
      denominatorLabel: L('Xã trọng điểm ở kỳ gốc', 'Key communes in the baseline period'),
      targetText: L('≥ 20 % (đến 2020)', '≥ 20 % (by 2020)'),
      targetMin: 20,
      targetMax: null,
      comparison: 'GE',
      source: QD424,
    },
    {
      code: 'PILOT_MODEL_PER_DISTRICT',
      names: L('Mô hình điểm mới xây dựng mỗi huyện', 'New pilot models per district'),
      unit: 'COUNT',
      formula: { kind: 'PER', numerator: 'newPilotModels', denominator: 'districts' },
      numeratorLabel: L('Mô hình điểm thành lập trong kỳ', 'Pilot models established in the period'),
      denominatorLabel: L('Số huyện (hoặc đơn vị báo cáo)', 'Districts (or the reporting office)'),
      targetText: L('≥ 1 mỗi huyện mỗi năm', '≥ 1 per district per year'),
      targetMin: 1,
      targetMax: null,
      comparison: 'GE',
      source: `${QD424}, S4`,
    },
    serviceAccess(80, 'GE', L('≥ 80 % (Hà Nội 90 %)', '≥ 80 % (Hà Nội 90 %)'), `${QD424}, S4`),
    postRehab(100, L('Người cai xong được quản lý sau cai', 'Persons completing rehab placed under post-rehab management'), 'S4 (Hà Nội)'),
  ],
};

const QD1452 = 'QĐ 1452/QĐ-TTg; W12';

export const SET_2021_2025: IndicatorSet = {
  id: '2021_2025_QD1452',
  names: L('Chương trình PCMT 2021–2025 (QĐ 1452/QĐ-TTg)', 'Drug prevention programme 2021–2025 (QĐ 1452/QĐ-TTg)'),
  fromYear: 2021,
  toYear: 2025,
  baselineYear: 2021,
  indicators: [
    addictsGrowth(QD1452),
    {
      code: 'COMMUNES_WITH_DRUGS_GROWTH',
      names: L('Tăng số xã có ma túy so với kỳ trước', 'Growth of communes with drugs vs the previous period'),
      unit: 'PCT_CHANGE',
      formula: { kind: 'CHANGE', metric: 'communesWithDrugs' },
      numeratorLabel: L('Xã có ma túy (kỳ này)', 'Communes with drugs (this period)'),
      denominatorLabel: L('Xã có ma túy (kỳ trước)', 'Communes with drugs (previous period)'),
      targetText: L('< 1 %', '< 1 %'),
      targetMin: null,
      targetMax: 1,
      comparison: 'LT',
      source: QD1452,
    },
    serviceAccess(80, 'GT', L('> 80 %', '> 80 %'), QD1452),
    crimeGrowth(5, 'GE', L('+5 %/năm', '+5 %/year'), QD1452),
    {
      code: 'HOTSPOT_ELIM_GROWTH',
      names: L('Tăng số điểm, tụ điểm bị triệt xóa so với kỳ trước', 'Growth of hotspots eliminated vs the previous period'),
      unit: 'PCT_CHANGE',
      formula: { kind: 'CHANGE', metric: 'hotspotsEliminated' },
      numeratorLabel: L('Điểm bị triệt xóa trong kỳ', 'Hotspots eliminated in the period'),
      denominatorLabel: L('Điểm bị triệt xóa kỳ trước', 'Hotspots eliminated in the previous period'),
      targetText: L('+50 %', '+50 %'),
      targetMin: 50,
      targetMax: null,
      comparison: 'GE',
      source: QD1452,
    },
    {
      code: 'NEW_HOTSPOTS',
      names: L('Điểm, tụ điểm mới phát sinh', 'New hotspots'),
      unit: 'COUNT',
      formula: { kind: 'COUNT', metric: 'hotspotsNew' },
      numeratorLabel: L('Điểm mới phát hiện trong kỳ (mọi loại)', 'Hotspots discovered in the period (all categories)'),
      denominatorLabel: null,
      targetText: L('0 (không phát sinh mới)', '0 (no new hotspots)'),
      targetMin: 0,
      targetMax: 0,
      comparison: 'EQ',
      source: QD1452,
    },
    {
      code: 'HOTSPOT_ELIM_PCT',
      names: L('Tỷ lệ điểm nóng bị triệt xóa', 'Share of hotspots eliminated'),
      unit: 'PCT',
      formula: { kind: 'RATIO', numerator: 'hotspotsActiveAtStartEliminated', denominator: 'hotspotsActiveAtStart' },
      numeratorLabel: ELIMINATED_OF_AT_START,
      denominatorLabel: HOTSPOTS_AT_START,
      targetText: L('> 80 % (đến 2025)', '> 80 % (by 2025)'),
      targetMin: 80,
      targetMax: null,
      comparison: 'GT',
      source: QD1452,
    },
  ],
};

const CTMTQG = 'CTMTQG PCMT 2026–2030; KL 132-KL/TW; W5, W6, W9, W10';

export const SET_2026_2030: IndicatorSet = {
  id: '2026_2030_CTMTQG',
  names: L('Chương trình mục tiêu quốc gia PCMT 2026–2030', 'National target programme on drug prevention 2026–2030'),
  fromYear: 2026,
  toYear: 2030,
  baselineYear: 2026,
  indicators: [
    {
      code: 'DRUG_FREE_COMMUNES_PCT',
      names: L('Tỷ lệ xã không ma túy', 'Share of drug-free communes'),
      unit: 'PCT',
      formula: { kind: 'RATIO', numerator: 'communesDrugFree', denominator: 'communesClassified' },
      numeratorLabel: L('Xã không ma túy (khai hoặc theo kết quả tính)', 'Drug-free communes (declared, else computed)'),
      denominatorLabel: L('Xã đã có tình trạng trong kỳ', 'Communes with a status in the period'),
      targetText: L('> 20 % (mốc); ≥ 50 % đến 2030', '> 20 % (milestone); ≥ 50 % by 2030'),
      targetMin: 20,
      targetMax: null,
      comparison: 'GT',
      source: CTMTQG,
    },
    {
      code: 'HOTSPOTS_ELIMINATED_ALL',
      names: L('Điểm, tụ điểm được phát hiện, triệt xóa', 'Hotspots found and eliminated'),
      unit: 'PCT',
      formula: { kind: 'RATIO', numerator: 'hotspotsActiveAtStartEliminated', denominator: 'hotspotsActiveAtStart' },
      numeratorLabel: ELIMINATED_OF_AT_START,
      denominatorLabel: HOTSPOTS_AT_START,
      targetText: L('100 %', '100 %'),
      targetMin: 100,
      targetMax: null,
      comparison: 'GE',
      source: 'CTMTQG PCMT 2026–2030; W9',
    },
    addictsGrowth(CTMTQG),
    {
      code: 'USERS_GROWTH',
      names: L('Tăng người sử dụng trái phép có hồ sơ so với kỳ trước', 'Growth of illegal users with records vs the previous period'),
      unit: 'PCT_CHANGE',
      formula: { kind: 'CHANGE', metric: 'usersWithRecords' },
      numeratorLabel: L('Người sử dụng có hồ sơ (kỳ này)', 'Users with records (this period)'),
      denominatorLabel: L('Người sử dụng có hồ sơ (kỳ trước)', 'Users with records (previous period)'),
      targetText: L('< 1 %', '< 1 %'),
      targetMin: null,
      targetMax: 1,
      comparison: 'LT',
      source: CTMTQG,
    },
    serviceAccess(80, 'GE', L('≥ 80 %', '≥ 80 %'), CTMTQG),
    postRehab(90, L('Người sau cai được hỗ trợ phòng, chống tái nghiện', 'Post-rehab persons supported against relapse'), CTMTQG),
    crimeGrowth(3, 'GT', L('> +3 %/năm', '> +3 %/year'), CTMTQG),
  ],
};

export const INDICATOR_SETS: Record<IndicatorSetId, IndicatorSet> = {
  '2017_2020_QD424': SET_2017_2020,
  '2021_2025_QD1452': SET_2021_2025,
  '2026_2030_CTMTQG': SET_2026_2030,
};
