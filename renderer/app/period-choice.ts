/**
 * The period selector's model: a kind, a year and a sequence number (half, quarter
 * or month), turned into the period ids of shared/domain/period.ts.
 */
import { MAX_PERIOD_YEAR, MIN_PERIOD_YEAR, parsePeriodId, periodId, type PeriodKind } from '../../shared/domain/period';

export type PeriodChoice = { kind: PeriodKind; year: number; seq: number | null };

export function choiceFromId(id: string): PeriodChoice | null {
  const period = parsePeriodId(id);
  return period === null ? null : { kind: period.kind, year: period.year, seq: period.seq };
}

export function choiceId(choice: PeriodChoice): string {
  return periodId(choice.kind, choice.year, choice.seq);
}

/** How many sequence numbers a kind has (0 for a whole year). */
export function seqCount(kind: PeriodKind): number {
  switch (kind) {
    case 'YEAR':
      return 0;
    case 'HALF_YEAR':
      return 2;
    case 'QUARTER':
      return 4;
    case 'MONTH':
      return 12;
  }
}

/** Switching kind keeps the same stretch of the year: Q3 becomes H2 or July. */
export function changeKind(choice: PeriodChoice, kind: PeriodKind, todayMonth: number): PeriodChoice {
  const month = firstMonth(choice) ?? todayMonth;
  switch (kind) {
    case 'YEAR':
      return { kind, year: choice.year, seq: null };
    case 'HALF_YEAR':
      return { kind, year: choice.year, seq: month <= 6 ? 1 : 2 };
    case 'QUARTER':
      return { kind, year: choice.year, seq: Math.ceil(month / 3) };
    case 'MONTH':
      return { kind, year: choice.year, seq: month };
  }
}

function firstMonth(choice: PeriodChoice): number | null {
  if (choice.seq === null) return null;
  if (choice.kind === 'HALF_YEAR') return choice.seq * 6 - 5;
  if (choice.kind === 'QUARTER') return choice.seq * 3 - 2;
  return choice.seq;
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
