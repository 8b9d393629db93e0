import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/format';

type Props = { periodId: string; language: Language };

// AG Charts is loaded with the sheet, on first opening the tab, not with the app.
const IndicatorsSheet = lazy(() => import('./IndicatorsSheet').then((m) => ({ default: m.IndicatorsSheet })));

/** The Indicators sheet, loaded on demand. */
export function LazyIndicatorsSheet(props: Props) {
  const { t } = useTranslation('indicators');
  return (
    <Suspense fallback={<div className="sheet-loading">{t('loading')}</div>}>
      <IndicatorsSheet {...props} />
    </Suspense>
  );
}
