import { useTranslation } from 'react-i18next';
import './training-banner.css';

/**
 * The permanent mark of a training workspace (exchange-format.md §3.8): training data
 * must never be mistaken for real figures, so the banner cannot be dismissed.
 */
export function TrainingBanner() {
  const { t } = useTranslation();
  return (
    <div className="training-banner" role="status" data-testid="training-banner">
      {t('app.training')}
    </div>
  );
}
