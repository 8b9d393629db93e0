import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n/format';
import { useOutsideSaves } from '../../app/use-outside-saves';
import { IndicatorsReloadContext } from './use-indicators';

type Props = { periodId: string; language: Language; isActive?: boolean };

// AG Charts is loaded with the sheet, on first opening the tab, not with the app.
const IndicatorsSheet = lazy(() => import('./IndicatorsSheet').then((m) => ({ default: m.IndicatorsSheet })));

/** The Indicators sheet, loaded on demand; its figures are read again after saves elsewhere while it is shown, or when it is shown again. */
export function LazyIndicatorsSheet({ isActive = true, ...props }: Props) {
  const { t } = useTranslation('indicators');
  const { version } = useOutsideSaves(isActive);
  return (
    <Suspense fallback={<div className="sheet-loading">{t('loading')}</div>}>
      <IndicatorsReloadContext.Provider value={version}>
        <IndicatorsSheet {...props} />
      </IndicatorsReloadContext.Provider>
    </Suspense>
  );
}
