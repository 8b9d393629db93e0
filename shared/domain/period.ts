/**
 * Reporting periods identified by short ids: `2025` (year), `2025-H1` (half-year),
 * `2025-Q3` (quarter), `2025-06` (month); the official yearly windows `2025-AY`
 * (assessment year 15/12/2024→14/12/2025 of NĐ 09/2019 and QĐ 28/2025) and `2025-HN`
 * (Hà Nội's 16/11/2024→15/11/2025), the June action month `2025-AM`, and custom
 * ranges `2025-03-01_2025-08-31`. Dates are ISO strings (yyyy-mm-dd) across the API.
 */
import type { Language } from '../i18n/format';

export const PERIOD_KINDS = ['YEAR', 'HALF_YEAR', 'QUARTER', 'MONTH', 'ASSESSMENT_YEAR', 'HANOI_YEAR', 'ACTION_MONTH', 'CUSTOM'] as const;
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

const SPECIAL_PATTERN = /^(\d{4})-(AY|HN|AM)$/u;
const CUSTOM_PATTERN = /^(\d{4})-(\d{2})-(\d{2})_(\d{4})-(\d{2})-(\d{2})$/u;

function isIsoDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function parseSpecial(id: string): Period | null {
  const special = SPECIAL_PATTERN.exec(id);
  if (special) {
    const year = Number(special[1]);
    if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
    if (special[2] === 'AY') return { id, kind: 'ASSESSMENT_YEAR', year, seq: null, startDate: `${year - 1}-12-15`, endDate: `${year}-12-14` };
    if (special[2] === 'HN') return { id, kind: 'HANOI_YEAR', year, seq: null, startDate: `${year - 1}-11-16`, endDate: `${year}-11-15` };
    return { id, kind: 'ACTION_MONTH', year, seq: null, startDate: `${year}-06-01`, endDate: `${year}-06-30` };
  }
  const custom = CUSTOM_PATTERN.exec(id);
  if (!custom) return null;
  const startDate = id.slice(0, 10);
  const endDate = id.slice(11);
  const year = Number(custom[4]);
  if (!isIsoDate(startDate) || !isIsoDate(endDate) || endDate < startDate) return null;
  if (Number(custom[1]) < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
  return { id, kind: 'CUSTOM', year, seq: null, startDate, endDate };
}

/** Parses a period id; returns null when it is not one of the known forms. */
export function parsePeriodId(id: string): Period | null {
  const special = parseSpecial(id.trim());
  if (special) return special;
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

/** Builds the id of a period from its parts (custom ranges are built with customPeriodId). */
export function periodId(kind: Exclude<PeriodKind, 'CUSTOM'>, year: number, seq: number | null): string {
  switch (kind) {
    case 'ASSESSMENT_YEAR':
      return `${year}-AY`;
    case 'HANOI_YEAR':
      return `${year}-HN`;
    case 'ACTION_MONTH':
      return `${year}-AM`;
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

export function customPeriodId(startDate: string, endDate: string): string {
  return `${startDate}_${endDate}`;
}

const DAY_MS = 86_400_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The ISO date `months` months after `iso` (negative: before), its day clamped to the month's length. */
function addMonths(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(iso.slice(8, 10)), lastDayOfMonth(year, month));
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * A custom range's span in whole calendar months, when it is one: it ends the day before
 * the same day n months after its start (15/06–14/07 is one month, 01/03–31/08 six).
 */
function monthSpan(startDate: string, endDate: string): number | null {
  for (let n = 1; n <= 12 * (MAX_PERIOD_YEAR - MIN_PERIOD_YEAR + 1); n += 1) {
    const dayAfter = addMonths(startDate, n);
    const end = isoDay(Date.parse(dayAfter) - DAY_MS);
    if (end === endDate) return n;
    if (end > endDate) return null;
  }
  return null;
}

/**
 * The previous period of a custom range: the same calendar span one step earlier
 * (15/06–14/07 → 15/05–14/06, issue 12 item 7); a range that is not whole months keeps
 * its number of days and ends the day before this one starts.
 */
function previousCustomId(period: Period): string {
  const months = monthSpan(period.startDate, period.endDate);
  if (months !== null) return customPeriodId(addMonths(period.startDate, -months), isoDay(Date.parse(period.startDate) - DAY_MS));
  const days = Math.round((Date.parse(period.endDate) - Date.parse(period.startDate)) / DAY_MS);
  const end = Date.parse(period.startDate) - DAY_MS;
  return customPeriodId(isoDay(end - days * DAY_MS), isoDay(end));
}

/** The period of the same kind just before this one (for "start from the previous period"). */
export function previousPeriodId(period: Period): string {
  if (period.kind === 'CUSTOM') return previousCustomId(period);
  const seq = period.seq;
  if (seq === null || seq === 1) {
    const last = period.kind === 'HALF_YEAR' ? 2 : period.kind === 'QUARTER' ? 4 : period.kind === 'MONTH' ? 12 : null;
    return periodId(period.kind, period.year - 1, last);
  }
  return periodId(period.kind, period.year, seq - 1);
}

function dmy(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
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
  const range = `${dmy(period.startDate)}–${dmy(period.endDate)}`;
  if (kind === 'ASSESSMENT_YEAR') return language === 'en' ? `Assessment year ${year} (${range})` : `Năm đánh giá ${year} (${range})`;
  if (kind === 'HANOI_YEAR') return language === 'en' ? `Year ${year}, Hà Nội window (${range})` : `Năm ${year} theo kỳ Hà Nội (${range})`;
  if (kind === 'ACTION_MONTH') return language === 'en' ? `Action month ${year}` : `Tháng hành động ${year}`;
  if (kind === 'CUSTOM') return range;
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
