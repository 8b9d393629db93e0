/**
 * Computing a set's indicators from plain counts (no database): one figure per period
 * — this one, the previous one and the baseline — each with its numerator, its explicit
 * denominator and its value, whether this period's value meets the target, and the
 * notes a reviewer needs to trust it: how many communes reported, a ratio capped
 * because its numerator exceeds its denominator, a phase target counted cumulatively,
 * a target not confirmed in the adopted text.
 */
import type { CommuneClass } from '../commune-status';
import type { Language } from '../../i18n/format';
import { periodId, type Period } from '../period';
import type { IndicatorDef, IndicatorSet, IndicatorSetId, MetricKey } from './set-types';
import { INDICATOR_SETS } from './sets';

/** What the service gathers for one period; a null statistic means nobody entered it. */
export type PeriodFigures = {
  periodId: string;
  /** Every commune of the office, whether or not it has a status for the period. */
  communesTotal: number;
  /** Communes with a class (declared, else computed); communes without one are left out. */
  communesClassified: number;
  communesDrugFree: number;
  communesWithDrugs: number;
  /** Key communes (trọng điểm) of the baseline period, and how many of them now have a lower class; null for the baseline itself. */
  keyCommunesAtBaseline: number | null;
  keyCommunesReducedVsBaseline: number | null;
  hotspotsActiveAtStart: number;
  hotspotsActiveAtStartEliminated: number;
  hotspotsEliminated: number;
  hotspotsNew: number;
  /** New hotspots of category TU_DIEM or DIEM. */
  tuDiemNew: number;
  /** From the phase's first day to the period's end: hotspots active at that first day or found since, and of them those eliminated; null for a period ending before the phase. */
  hotspotsInPhase: number | null;
  hotspotsInPhaseEliminated: number | null;
  addictsWithRecords: number | null;
  usersWithRecords: number | null;
  removedFromManagement: number | null;
  accessedServices: number | null;
  postRehabManaged: number | null;
  postRehabCompleted: number | null;
  drugCases: number | null;
  /** Districts with at least one pilot model hosted by one of their communes and established in the period. */
  districtsWithNewPilot: number;
  /** Districts under the office (GSO_2004), or 1 for an office counted as one unit. */
  districts: number;
};

/** Each period with the one before it (needed by the "vs previous period" indicators). */
export type IndicatorInputs = {
  current: PeriodFigures;
  previous: PeriodFigures;
  beforePrevious: PeriodFigures | null;
  baseline: PeriodFigures | null;
  beforeBaseline: PeriodFigures | null;
};

/** `isCapped`: the numerator exceeded the denominator, so the ratio shows 100 % and is not assessed. */
export type IndicatorFigureRow = { numerator: number | null; denominator: number | null; value: number | null; isCapped: boolean };

/** What the sheet says beside this period's figure (rendered in the UI language). */
export type IndicatorNote =
  | { kind: 'REPORTED'; reported: number; total: number }
  | { kind: 'CAPPED'; numerator: number; denominator: number }
  | { kind: 'CUMULATIVE'; since: string }
  | { kind: 'UNCONFIRMED'; detail: string };

export type IndicatorRow = {
  code: string;
  name: string;
  unit: IndicatorDef['unit'];
  numeratorLabel: string;
  denominatorLabel: string | null;
  targetText: string;
  targetMin: number | null;
  targetMax: number | null;
  current: IndicatorFigureRow;
  previous: IndicatorFigureRow & { periodId: string };
  baseline: (IndicatorFigureRow & { periodId: string }) | null;
  isMet: boolean | null;
  /** False when the target could not be confirmed in the adopted text (an UNCONFIRMED note says what). */
  isConfirmed: boolean;
  notes: IndicatorNote[];
  source: string;
};

const KEY_CLASSES: ReadonlySet<CommuneClass> = new Set(['TRONG_DIEM_I', 'TRONG_DIEM_II', 'TRONG_DIEM_III']);
const CLASS_RANK: Partial<Record<CommuneClass, number>> = { KHONG_MA_TUY: 0, CO_MA_TUY: 1, TRONG_DIEM_III: 2, TRONG_DIEM_II: 3, TRONG_DIEM_I: 4 };

/** Drug-free, with drugs (có ma túy or trọng điểm) and classified counts; CHUA_XAC_DINH and null are left out. */
export function countCommuneClasses(classes: Iterable<CommuneClass | null>): { classified: number; drugFree: number; withDrugs: number } {
  const out = { classified: 0, drugFree: 0, withDrugs: 0 };
  for (const c of classes) {
    if (c === null || CLASS_RANK[c] === undefined) continue;
    out.classified += 1;
    if (c === 'KHONG_MA_TUY') out.drugFree += 1;
    else out.withDrugs += 1;
  }
  return out;
}

/** Key communes of the baseline and how many of them have a lower class now (a commune without a class now is not counted as reduced). */
export function countKeyCommunesReduced(baseline: ReadonlyMap<string, CommuneClass | null>, now: ReadonlyMap<string, CommuneClass | null>): { atBaseline: number; reduced: number } {
  let atBaseline = 0;
  let reduced = 0;
  for (const [code, before] of baseline) {
    if (before === null || !KEY_CLASSES.has(before)) continue;
    atBaseline += 1;
    const after = now.get(code) ?? null;
    const rankAfter = after === null ? undefined : CLASS_RANK[after];
    const rankBefore = CLASS_RANK[before];
    if (rankAfter !== undefined && rankBefore !== undefined && rankAfter < rankBefore) reduced += 1;
  }
  return { atBaseline, reduced };
}

function metric(p: PeriodFigures, key: MetricKey): number | null {
  if (key === 'addictsAndUsers') {
    if (p.addictsWithRecords === null && p.usersWithRecords === null) return null;
    return (p.addictsWithRecords ?? 0) + (p.usersWithRecords ?? 0);
  }
  // "Communes with drugs" means nothing in a period where no commune has a class.
  if ((key === 'communesWithDrugs' || key === 'communesDrugFree') && p.communesClassified === 0) return null;
  return p[key];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function figure(def: IndicatorDef, p: PeriodFigures, before: PeriodFigures | null): IndicatorFigureRow & { raw: number | null } {
  const f = def.formula;
  if (f.kind === 'COUNT') {
    const n = metric(p, f.metric);
    return { numerator: n, denominator: null, raw: n, value: n, isCapped: false };
  }
  if (f.kind === 'CHANGE') {
    const n = metric(p, f.metric);
    const d = before === null ? null : metric(before, f.metric);
    const raw = n === null || d === null || d === 0 ? null : ((n - d) / d) * 100;
    return { numerator: n, denominator: d, raw, value: raw === null ? null : round(raw), isCapped: false };
  }
  const n = metric(p, f.numerator);
  const d = metric(p, f.denominator);
  if (n === null || d === null || d === 0) return { numerator: n, denominator: d, raw: null, value: null, isCapped: false };
  // A share cannot pass 100 %: more eliminated than existed means the figures disagree.
  const isCapped = n > d;
  const raw = isCapped ? 100 : (n / d) * 100;
  return { numerator: n, denominator: d, raw, value: round(raw), isCapped };
}

/** Whether a value meets the indicator's target; null when the value or the target is missing. */
export function isTargetMet(def: Pick<IndicatorDef, 'comparison' | 'targetMin' | 'targetMax'>, value: number | null): boolean | null {
  if (value === null) return null;
  const { targetMin: min, targetMax: max } = def;
  switch (def.comparison) {
    case 'GE':
      return min === null ? null : value >= min;
    case 'GT':
      return min === null ? null : value > min;
    case 'LE':
      return max === null ? null : value <= max;
    case 'LT':
      return max === null ? null : value < max;
    case 'EQ':
      return min === null ? null : value === min;
    case 'BETWEEN':
      return min === null || max === null ? null : value >= min && value <= max;
  }
}

function notesOf(def: IndicatorDef, set: IndicatorSet, p: PeriodFigures, current: IndicatorFigureRow, language: Language): IndicatorNote[] {
  const notes: IndicatorNote[] = [];
  const f = def.formula;
  if (f.kind === 'RATIO' && f.denominator === 'communesTotal') notes.push({ kind: 'REPORTED', reported: p.communesClassified, total: p.communesTotal });
  if (current.isCapped && current.numerator !== null && current.denominator !== null) notes.push({ kind: 'CAPPED', numerator: current.numerator, denominator: current.denominator });
  // Only where there is a cumulative figure: a period ending before the phase has none.
  if (def.span === 'PHASE' && current.denominator !== null) notes.push({ kind: 'CUMULATIVE', since: set.startDate });
  if (def.unconfirmed !== null) notes.push({ kind: 'UNCONFIRMED', detail: def.unconfirmed[language] });
  return notes;
}

function withoutRaw({ numerator, denominator, value, isCapped }: IndicatorFigureRow): IndicatorFigureRow {
  return { numerator, denominator, value, isCapped };
}

/** Every indicator of the set for the current period, with the previous period and the baseline. */
export function computeIndicators(set: IndicatorSetId | IndicatorSet, inputs: IndicatorInputs, language: Language): IndicatorRow[] {
  const s = typeof set === 'string' ? INDICATOR_SETS[set] : set;
  return s.indicators.map((def) => {
    const current = figure(def, inputs.current, inputs.previous);
    const baseline = inputs.baseline;
    return {
      code: def.code,
      name: def.names[language],
      unit: def.unit,
      numeratorLabel: def.numeratorLabel[language],
      denominatorLabel: def.denominatorLabel === null ? null : def.denominatorLabel[language],
      targetText: def.targetText[language],
      targetMin: def.targetMin,
      targetMax: def.targetMax,
      current: withoutRaw(current),
      previous: { periodId: inputs.previous.periodId, ...withoutRaw(figure(def, inputs.previous, inputs.beforePrevious)) },
      baseline: baseline === null ? null : { periodId: baseline.periodId, ...withoutRaw(figure(def, baseline, inputs.beforeBaseline)) },
      // Figures that disagree (a capped ratio) are not assessed either way.
      isMet: current.isCapped ? null : isTargetMet(def, current.raw),
      isConfirmed: def.unconfirmed === null,
      notes: notesOf(def, s, inputs.current, current, language),
      source: def.source,
    };
  });
}

/** The same kind of period in the set's baseline year; null for custom ranges. */
export function baselinePeriodId(period: Period, setId: IndicatorSetId): string | null {
  if (period.kind === 'CUSTOM') return null;
  return periodId(period.kind, INDICATOR_SETS[setId].baselineYear, period.seq);
}
