/**
 * The period selector's model: a kind, a year and a sequence number (half, quarter
 * or month), or a custom date range, turned into the period ids of shared/domain/period.ts.
 */
import type { SchemeCode } from '../../shared/domain/admin-units';
import { customPeriodId, MAX_PERIOD_YEAR, MIN_PERIOD_YEAR, parsePeriodId, periodId, quarterOf, type PeriodKind } from '../../shared/domain/period';
import { NSO_2025_FROM, schemeOn } from '../../shared/domain/rules/helpers';

/** An inclusive range of ISO dates (yyyy-mm-dd). */
export type DateRange = { startDate: string; endDate: string };

/** `range` is only read for CUSTOM; the other kinds derive their dates from year and seq. */
export type PeriodChoice = { kind: PeriodKind; year: number; seq: number | null; range?: DateRange };

export function choiceFromId(id: string): PeriodChoice | null {
  const period = parsePeriodId(id);
  if (period === null) return null;
  if (period.kind === 'CUSTOM') return { kind: 'CUSTOM', year: period.year, seq: null, range: { startDate: period.startDate, endDate: period.endDate } };
  return { kind: period.kind, year: period.year, seq: period.seq };
}

export function choiceId(choice: PeriodChoice): string {
  if (choice.kind === 'CUSTOM') {
    const range = choice.range ?? { startDate: `${choice.year}-01-01`, endDate: `${choice.year}-12-31` };
    return customPeriodId(range.startDate, range.endDate);
  }
  return periodId(choice.kind, choice.year, choice.seq);
}

/** How many sequence numbers a kind has (0 for the kinds that are one window a year). */
export function seqCount(kind: PeriodKind): number {
  switch (kind) {
    case 'HALF_YEAR':
      return 2;
    case 'QUARTER':
      return 4;
    case 'MONTH':
      return 12;
    default:
      return 0;
  }
}

/** Kinds whose window is picked with the year selector (all but the custom range). */
export function hasYear(kind: PeriodKind): boolean {
  return kind !== 'CUSTOM';
}

/**
 * Switching kind keeps the same stretch of the year: Q3 becomes H2 or July; a custom
 * range starts as the window that was shown, so the user only adjusts its ends.
 */
export function changeKind(choice: PeriodChoice, kind: PeriodKind, todayMonth: number): PeriodChoice {
  const month = firstMonth(choice) ?? todayMonth;
  switch (kind) {
    case 'HALF_YEAR':
      return { kind, year: choice.year, seq: month <= 6 ? 1 : 2 };
    case 'QUARTER':
      return { kind, year: choice.year, seq: Math.ceil(month / 3) };
    case 'MONTH':
      return { kind, year: choice.year, seq: month };
    case 'CUSTOM': {
      const period = parsePeriodId(choiceId(choice));
      const range = period ? { startDate: period.startDate, endDate: period.endDate } : { startDate: `${choice.year}-01-01`, endDate: `${choice.year}-12-31` };
      return { kind, year: choice.year, seq: null, range };
    }
    default:
      return { kind, year: choice.year, seq: null };
  }
}

function firstMonth(choice: PeriodChoice): number | null {
  if (choice.seq === null) return null;
  if (choice.kind === 'HALF_YEAR') return choice.seq * 6 - 5;
  if (choice.kind === 'QUARTER') return choice.seq * 3 - 2;
  if (choice.kind === 'MONTH') return choice.seq;
  return null;
}

/** Years offered: a decade back (late reports and corrections) and next year (plans). */
export function yearOptions(currentYear: number): number[] {
  const first = Math.max(MIN_PERIOD_YEAR, currentYear - 10);
  const last = Math.min(MAX_PERIOD_YEAR, currentYear + 1);
  const years: number[] = [];
  for (let year = last; year >= first; year -= 1) years.push(year);
  return years;
}

const STORAGE_KEY = 'pcmt.period';

/** The period last chosen in this window, so a reload does not jump back to today's quarter. */
export function rememberedChoice(): PeriodChoice | null {
  const id = sessionStorage.getItem(STORAGE_KEY);
  return id === null ? null : choiceFromId(id);
}

export function rememberChoice(choice: PeriodChoice): void {
  sessionStorage.setItem(STORAGE_KEY, choiceId(choice));
}

/**
 * The period a workspace opens on when none was chosen in this window: today's quarter
 * when the office's unit list applies then; otherwise the nearest quarter on its list —
 * for a district on the old list, the last quarter before 1/7/2025 — so a pre-reform
 * office never lands in a period its list cannot report (rule V11).
 */
export function defaultPeriodId(scheme: SchemeCode, today: string): string {
  const current = quarterOf(today);
  const end = parsePeriodId(current)?.endDate ?? today;
  if (schemeOn(end) === scheme) return current;
  const lastOldDay = new Date(Date.parse(`${NSO_2025_FROM}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return quarterOf(scheme === 'GSO_2004' ? lastOldDay : NSO_2025_FROM);
}
