/** The exchange codes' sentences in the user's language, with `{{code}}` always available. */
import type { ExchangeMessageKey } from './exchange-vi';
import { exchangeMessagesEn } from './exchange-en';
import { exchangeMessagesVi } from './exchange-vi';
import { interpolate, type Language } from './format';

export function exchangeMessage(language: Language, key: ExchangeMessageKey, params: Record<string, string | number> = {}): string {
  const catalog = language === 'en' ? exchangeMessagesEn : exchangeMessagesVi;
  return interpolate(catalog[key], { code: key, ...params });
}
