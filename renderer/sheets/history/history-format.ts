/**
 * How a history entry reads: field labels and values through the registers' field
 * definitions (so "KHONG_MA_TUY" shows as "Không ma túy" and 12345 as "12.345"), local
 * date and time, the period's official label.
 */
import type { HistoryEntry } from '../../../shared/api/register-types';
import { COMMUNE_STATUS_FIELDS } from '../../../shared/domain/commune-status';
import type { FieldDef, FieldValue } from '../../../shared/domain/fields';
import { HOTSPOT_FIELDS } from '../../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS } from '../../../shared/domain/model-site';
import { parsePeriodId, periodLabel } from '../../../shared/domain/period';
import { interpolate, type Language } from '../../../shared/i18n/format';
import { formatFieldValue } from '../../app/field-text';

type Table = HistoryEntry['table'];

const FIELDS: Record<Table, ReadonlyMap<string, FieldDef>> = {
  commune_statuses: new Map(COMMUNE_STATUS_FIELDS.map((def) => [def.key, def])),
  hotspots: new Map(HOTSPOT_FIELDS.map((def) => [def.key, def])),
  model_sites: new Map(MODEL_SITE_FIELDS.map((def) => [def.key, def])),
  periods: new Map(),
};

/**
 * Words for the entries that are not a register field: removing and restoring a row
 * (stored as its `removed_at` timestamp) and locking a period (its status code).
 */
export const HISTORY_WORDS = {
  rowState: { vi: 'Xóa / khôi phục dòng', en: 'Row removed / restored' },
  removed: { vi: 'Đã xóa', en: 'Removed' },
  restored: { vi: 'Khôi phục', en: 'Restored' },
  periodStatus: { vi: 'Trạng thái kỳ', en: 'Period status' },
  locked: { vi: 'Khóa kỳ {{period}}', en: 'Locked {{period}}' },
  unlocked: { vi: 'Mở khóa kỳ {{period}}', en: 'Unlocked {{period}}' },
  open: { vi: 'Đang mở', en: 'Open' },
} as const;

const isRowState = (field: string | null) => field === 'removed_at';
const isPeriodStatus = (table: Table, field: string | null) => table === 'periods' && field === 'status';

export function fieldDefOf(table: Table, field: string | null): FieldDef | undefined {
  return field === null ? undefined : FIELDS[table].get(field);
}

export function fieldLabel(table: Table, field: string | null, language: Language): string {
  if (field === null) return '';
  if (isRowState(field)) return HISTORY_WORDS.rowState[language];
  if (isPeriodStatus(table, field)) return HISTORY_WORDS.periodStatus[language];
  return fieldDefOf(table, field)?.labels[language] ?? field;
}

function rawText(value: FieldValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return (value as readonly string[]).join('; ');
  return String(value);
}

/**
 * A value as the sheet shows it. A row's removal reads "Đã xóa" (its timestamp is the
 * entry's own time), its restoring "Khôi phục"; a period's status "Khóa kỳ Quý I/2025".
 * `side` says whether the value is the old or the new one; `periodId` names the period.
 */
export function valueText(table: Table, field: string | null, value: FieldValue, language: Language, side: 'old' | 'new' = 'new', periodId: string | null = null): string {
  if (isRowState(field)) return value !== null ? HISTORY_WORDS.removed[language] : side === 'new' ? HISTORY_WORDS.restored[language] : '';
  if (isPeriodStatus(table, field) && value === 'OPEN' && side === 'old') return HISTORY_WORDS.open[language];
  if (isPeriodStatus(table, field) && (value === 'LOCKED' || value === 'OPEN')) {
    return interpolate(HISTORY_WORDS[value === 'LOCKED' ? 'locked' : 'unlocked'][language], { period: periodText(periodId, language) });
  }
  const def = fieldDefOf(table, field);
  return def === undefined ? rawText(value) : formatFieldValue(def, value, language);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "14/07/2025 09:05" in local time. */
export function formatAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad2(date.getDate())}/${pad2(date.getMonth() + 1)}/${date.getFullYear()} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

export function periodText(periodId: string | null, language: Language): string {
  if (periodId === null) return '';
  const period = parsePeriodId(periodId);
  return period === null ? periodId : periodLabel(period, language);
}
