/**
 * Reporting periods identified by short ids: `2025` (year), `2025-H1` (half-year),
 * `2025-Q3` (quarter), `2025-06` (month). Calendar ranges only for now; the official
 * cut-off windows (15/12→14/12, Hà Nội's 16/11→15/11) come with the periods issue.
 * Dates are ISO strings (yyyy-mm-dd) across the API.
 */
import type { Language } from '../i18n/format';

export const PERIOD_KINDS = ['YEAR', 'HALF_YEAR', 'QUARTER', 'MONTH'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Period = {
  id: string;
  kind: PeriodKind;
  year: number;
  /** Half 1–2, quarter 1–4 or month 1–12; null for a year. */
  seq: number | null;
  startDate: string;
  endDate: string;
};

export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2100;

const PERIOD_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/u;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST shifts.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthRange(year: number, firstMonth: number, lastMonth: number): { startDate: string; endDate: string } {
  return {
    startDate: `${year}-${pad2(firstMonth)}-01`,
    endDate: `${year}-${pad2(lastMonth)}-${pad2(lastDayOfMonth(year, lastMonth))}`,
  };
}

/** Parses a period id; returns null when it is not one of the four forms. */
export function parsePeriodId(id: string): Period | null {
  const match = PERIOD_PATTERN.exec(id.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
  const part = match[2];
  if (part === undefined) return { id: `${year}`, kind: 'YEAR', year, seq: null, ...monthRange(year, 1, 12) };
  if (part.startsWith('H')) {
    const seq = Number(part.slice(1));
    return { id: `${year}-${part}`, kind: 'HALF_YEAR', year, seq, ...monthRange(year, seq * 6 - 5, seq * 6) };
  }
  if (part.startsWith('Q')) {
    const seq = Number(part.slice(1));
    return { id: `${year}-${part}`, kind: 'QUARTER', year, seq, ...monthRange(year, seq * 3 - 2, seq * 3) };
  }
  const seq = Number(part);
  return { id: `${year}-${part}`, kind: 'MONTH', year, seq, ...monthRange(year, seq, seq) };
}

/** Builds the id of a period from its parts. */
export function periodId(kind: PeriodKind, year: number, seq: number | null): string {
  switch (kind) {
    case 'YEAR':
      return `${year}`;
    case 'HALF_YEAR':
      return `${year}-H${seq ?? 1}`;
    case 'QUARTER':
      return `${year}-Q${seq ?? 1}`;
    case 'MONTH':
      return `${year}-${pad2(seq ?? 1)}`;
  }
}

/** The quarter that contains the given ISO date: the default period on first run. */
export function quarterOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return `${year}-Q${Math.ceil(month / 3)}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The label officials write: "Quý III/2025", "6 tháng đầu năm 2025", "Tháng 06/2025". */
export function periodLabel(period: Period, language: Language): string {
  const { kind, year, seq } = period;
  if (language === 'en') {
    if (kind === 'YEAR') return `Year ${year}`;
    if (kind === 'HALF_YEAR') return `${seq === 1 ? 'First' : 'Second'} half of ${year}`;
    if (kind === 'QUARTER') return `Q${seq ?? ''} ${year}`;
    return `${pad2(seq ?? 1)}/${year}`;
  }
  if (kind === 'YEAR') return `Năm ${year}`;
  if (kind === 'HALF_YEAR') return `6 tháng ${seq === 1 ? 'đầu' : 'cuối'} năm ${year}`;
  if (kind === 'QUARTER') return `Quý ${ROMAN[(seq ?? 1) - 1] ?? ''}/${year}`;
  return `Tháng ${pad2(seq ?? 1)}/${year}`;
}
