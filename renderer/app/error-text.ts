/**
 * The sentence to show for a failed call. Service errors arrive already translated;
 * transport failures (no host, garbled answer) carry only a code, translated here.
 */
import type { TFunction } from 'i18next';
import { ApiCallError } from '../api/client';
import { HOST_BAD_RESPONSE, HOST_UNREACHABLE } from '../api/http-bridge';

export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiCallError) {
    if (error.code === HOST_UNREACHABLE) return t('errors.HOST_UNREACHABLE');
    if (error.code === HOST_BAD_RESPONSE) return t('errors.HOST_BAD_RESPONSE');
    if (error.message !== '') return error.message;
  }
  return t('errors.unexpected');
}
