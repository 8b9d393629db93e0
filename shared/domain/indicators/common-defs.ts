/**
 * Labels and indicator definitions that several sets share, each taking the target
 * the set's plan writes.
 */
import type { Labels } from '../fields';
import { L, type IndicatorDef, type MetricKey, type TargetComparison } from './set-types';

export const HOTSPOTS_AT_START = L('Điểm, tụ điểm hoạt động đầu kỳ', 'Hotspots active at the start of the period');
export const ELIMINATED_OF_AT_START = L('Điểm hoạt động đầu kỳ bị triệt xóa trong kỳ', 'Hotspots active at the start eliminated in the period');
export const HOTSPOTS_IN_PHASE = L('Điểm, tụ điểm hoạt động đầu giai đoạn hoặc phát hiện từ đó đến cuối kỳ', 'Hotspots active at the phase start or found since, to the end of the period');
export const ELIMINATED_IN_PHASE = L('Trong đó đã triệt xóa từ đầu giai đoạn đến cuối kỳ', 'Of which eliminated since the phase start, to the end of the period');
const ADDICTS_AND_USERS = L('Người nghiện và người sử dụng có hồ sơ', 'Addicts and users with records');
const ACCESSED = L('Được tiếp cận tư vấn, điều trị, cai nghiện', 'Accessed counselling, treatment or rehab');
const POST_REHAB_MANAGED = L('Người sau cai được quản lý, hỗ trợ', 'Post-rehab persons managed and supported');
const POST_REHAB_COMPLETED = L('Người đã hoàn thành cai nghiện', 'Persons who completed rehab');
const CASES_NOW = L('Vụ phạm tội về ma túy phát hiện (kỳ này)', 'Drug crime cases detected (this period)');
const CASES_BEFORE = L('Vụ phạm tội về ma túy phát hiện (kỳ trước)', 'Drug crime cases detected (previous period)');

type Target = { min: number | null; max: number | null; comparison: TargetComparison; text: Labels };
type Meta = { source: string; unconfirmed?: Labels };

function meta(m: Meta): Pick<IndicatorDef, 'source' | 'unconfirmed' | 'span'> {
  return { source: m.source, unconfirmed: m.unconfirmed ?? null, span: 'PERIOD' };
}

function target(t: Target): Pick<IndicatorDef, 'targetMin' | 'targetMax' | 'comparison' | 'targetText'> {
  return { targetMin: t.min, targetMax: t.max, comparison: t.comparison, targetText: t.text };
}

export function serviceAccess(t: Target, m: Meta): IndicatorDef {
  return {
    code: 'SERVICE_ACCESS_PCT',
    names: L('Người nghiện, người sử dụng có hồ sơ được tiếp cận dịch vụ', 'Addicts and users with records accessing services'),
    unit: 'PCT',
    formula: { kind: 'RATIO', numerator: 'accessedServices', denominator: 'addictsAndUsers' },
    numeratorLabel: ACCESSED,
    denominatorLabel: ADDICTS_AND_USERS,
    ...target(t),
    ...meta(m),
  };
}

export function postRehab(percent: number, names: Labels, m: Meta): IndicatorDef {
  return {
    code: 'POST_REHAB_MANAGED_PCT',
    names,
    unit: 'PCT',
    formula: { kind: 'RATIO', numerator: 'postRehabManaged', denominator: 'postRehabCompleted' },
    numeratorLabel: POST_REHAB_MANAGED,
    denominatorLabel: POST_REHAB_COMPLETED,
    ...target({ min: percent, max: null, comparison: 'GE', text: L(`${percent} %`, `${percent} %`) }),
    ...meta(m),
  };
}

export function crimeGrowth(t: Target, m: Meta): IndicatorDef {
  return {
    code: 'DRUG_CRIME_DETECT_GROWTH',
    names: L('Tăng số vụ phạm tội về ma túy phát hiện so với kỳ trước', 'Growth of drug crime cases detected vs the previous period'),
    unit: 'PCT_CHANGE',
    formula: { kind: 'CHANGE', metric: 'drugCases' },
    numeratorLabel: CASES_NOW,
    denominatorLabel: CASES_BEFORE,
    ...target(t),
    ...meta(m),
  };
}

/** A yearly change of a count of persons with records, against "< 1 % growth" or "a decrease". */
export function personsChange(code: string, metric: MetricKey, names: Labels, labels: { now: Labels; before: Labels }, t: Target, m: Meta): IndicatorDef {
  return { code, names, unit: 'PCT_CHANGE', formula: { kind: 'CHANGE', metric }, numeratorLabel: labels.now, denominatorLabel: labels.before, ...target(t), ...meta(m) };
}

export const ADDICTS_LABELS = { now: L('Người nghiện có hồ sơ (kỳ này)', 'Addicts with records (this period)'), before: L('Người nghiện có hồ sơ (kỳ trước)', 'Addicts with records (previous period)') };
export const USERS_LABELS = { now: L('Người sử dụng có hồ sơ (kỳ này)', 'Users with records (this period)'), before: L('Người sử dụng có hồ sơ (kỳ trước)', 'Users with records (previous period)') };

/** "Mỗi huyện mỗi năm xây dựng được 01 mô hình điểm … tại xã, phường, thị trấn": the share of districts with at least one. */
export function pilotPerDistrict(m: Meta): IndicatorDef {
  return {
    code: 'PILOT_MODEL_PER_DISTRICT',
    names: L('Huyện xây dựng được mô hình điểm tại xã trong kỳ', 'Districts that built a pilot model in a commune in the period'),
    unit: 'PCT',
    formula: { kind: 'RATIO', numerator: 'districtsWithNewPilot', denominator: 'districts' },
    numeratorLabel: L('Huyện có ít nhất 01 mô hình điểm do xã thực hiện, thành lập trong kỳ', 'Districts with at least one commune-hosted pilot model established in the period'),
    denominatorLabel: L('Số huyện (hoặc đơn vị báo cáo)', 'Districts (or the reporting office)'),
    ...target({ min: 100, max: null, comparison: 'GE', text: L('Mỗi huyện ≥ 01 mô hình điểm/năm (100 % huyện)', 'Each district ≥ 1 pilot model a year (100 % of districts)') }),
    ...meta(m),
  };
}

/** "Không phát sinh tụ điểm phức tạp": new cluster points and points formed. */
export function newTuDiem(m: Meta): IndicatorDef {
  return {
    code: 'NEW_TU_DIEM',
    names: L('Điểm, tụ điểm mới hình thành', 'New hotspots formed'),
    unit: 'COUNT',
    formula: { kind: 'COUNT', metric: 'tuDiemNew' },
    numeratorLabel: L('Tụ điểm, điểm mới phát hiện trong kỳ', 'New cluster points and points discovered in the period'),
    denominatorLabel: null,
    ...target({ min: 0, max: 0, comparison: 'EQ', text: L('0', '0') }),
    ...meta(m),
  };
}
