/** The exchange codes' sentences in the user's language, with `{{code}}` always available. */
import type { ExchangeMessageKey } from './exchange-vi';
import { exchangeMessagesEn } from './exchange-en';
import { exchangeMessagesVi } from './exchange-vi';
import { interpolate, type Language } from './format';

export function exchangeMessage(language: Language, key: ExchangeMessageKey, params: Record<string, string | number> = {}): string {
  const catalog = language === 'en' ? exchangeMessagesEn : exchangeMessagesVi;
  return interpolate(catalog[key], { code: key, ...params });
}

/** A stored ISO timestamp as officials write dates: dd/mm/yyyy (in UTC, as stored). */
export function dayOf(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}
