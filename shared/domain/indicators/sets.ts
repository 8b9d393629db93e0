/**
 * The programme indicator sets of domain.md §8, versioned by phase (§7.9). Only the
 * indicators the office can compute from what it records are listed: commune statuses
 * (with the §7.6 statistics), the hotspot register (with its period flags) and the
 * model-site register. Denominators are explicit (§5 item 9).
 *
 * Baseline of each set: the same kind of period in the set's baseline year — 2015 for
 * 2017–2020 (the seeds compare "by 2020 with 2015"), 2021 for 2021–2025 and 2026 for
 * 2026–2030 (the first year of the phase). Each period takes exactly one national set
 * by default, by its end date against the sets' `defaultFor` bounds.
 */
import type { Period } from '../period';
import { INDICATOR_SET_IDS, type IndicatorSet, type IndicatorSetId } from './set-types';
import { SET_2017_2020, SET_2017_2020_HANOI } from './sets-2017-2020';
import { SET_2021_2025 } from './sets-2021-2025';
import { SET_2026_2030 } from './sets-2026-2030';

export { SET_2017_2020, SET_2017_2020_HANOI, SET_2021_2025, SET_2026_2030 };

export const INDICATOR_SETS: Record<IndicatorSetId, IndicatorSet> = {
  '2017_2020_QD424': SET_2017_2020,
  '2017_2020_HANOI': SET_2017_2020_HANOI,
  '2021_2025_QD1452': SET_2021_2025,
  '2026_2030_CTMTQG': SET_2026_2030,
};

/** Whether a period's end date lies within a set's default bounds. */
export function isDefaultSetFor(set: IndicatorSet, period: Pick<Period, 'endDate'>): boolean {
  if (set.defaultFor === null) return false;
  const { from, to } = set.defaultFor;
  return (from === null || period.endDate >= from) && (to === null || period.endDate <= to);
}

/** The one national set a period falls in by its end date. */
export function defaultSetForPeriod(period: Pick<Period, 'endDate'>): IndicatorSetId {
  const matches = INDICATOR_SET_IDS.filter((id) => isDefaultSetFor(INDICATOR_SETS[id], period));
  const [only] = matches;
  // The bounds tile the calendar (tested), so this only guards an edit that breaks them.
  if (only === undefined || matches.length > 1) throw new Error(`indicator sets: ${matches.length} default sets for a period ending ${period.endDate}`);
  return only;
}

/** The sets an office may choose: every national set, and a provincial one only inside its province. */
export function setsForProvince(provinceCode: string | null): IndicatorSetId[] {
  return INDICATOR_SET_IDS.filter((id) => {
    const scope = INDICATOR_SETS[id].scope;
    return scope.kind === 'NATIONAL' || scope.provinceCode === provinceCode;
  });
}
