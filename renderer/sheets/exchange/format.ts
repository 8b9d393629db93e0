/** Dates and times of the exchange documents (ISO strings from the services) as the user reads them. */
import { formatDate } from '../../../shared/domain/field-values';

/** "2025-10-01T03:04:05Z" → "01/10/2025 10:04" in local time; anything unparsable is shown as given. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The calendar date of an ISO date or timestamp, dd/mm/yyyy. */
export function formatDay(iso: string): string {
  return formatDate(iso.slice(0, 10));
}
