import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorTexts } from './indicator-columns';

/** The texts the indicator columns need, in the UI language (shared by the office's and the province's sheets). */
export function useIndicatorTexts(): IndicatorTexts {
  const { t } = useTranslation('indicators');
  return useMemo(
    () => ({
      met: t('met'),
      notMet: t('notMet'),
      unknown: t('unknown'),
      column: (key) => t(`columns.${key}`),
      unconfirmedTarget: t('unconfirmedTarget'),
      notes: {
        reported: (p) => t('notes.reported', p),
        capped: (p) => t('notes.capped', p),
        cumulative: (p) => t('notes.cumulative', p),
        unconfirmed: (p) => t('notes.unconfirmed', p),
      },
    }),
    [t],
  );
}
