import { useTranslation } from 'react-i18next';
import type { UnitImportSummary } from '../../shared/api/contract';
import { currentLanguage } from '../i18n/setup';
import { moveText } from './import-result';

type Props = { summary: UnitImportSummary; isBusy: boolean; onConfirm: () => void; onCancel: () => void };

/**
 * A unit list that renames or moves out of the office units holding the office's data
 * is not applied until the user has seen which units and confirmed (issue 10 item 8).
 */
export function UnitMovesNotice({ summary, isBusy, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warning" role="alert" data-testid="unit-moves">
      <div className="alert-text">
        <p>{t('setup.movesIntro', { count: summary.moves.length })}</p>
        <ul>
          {summary.moves.map((move) => (
            <li key={`${move.level}:${move.code}`}>{moveText(move, t, currentLanguage())}</li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" className="button primary" onClick={onConfirm} disabled={isBusy}>
            {t('setup.movesConfirm')}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={isBusy}>
            {t('setup.movesCancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
