/** Number and time formatting for the interface, following the chosen language. */
import type { Language } from '../../shared/i18n/format';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** 10047 → "10.047" in Vietnamese, "10,047" in English. */
export function formatCount(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** Wall-clock time of a save, e.g. "14:03:22". */
export function formatTime(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(date);
}

/** Today as an ISO date in local time (the user's calendar day, not UTC's). */
export function todayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
