import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePeriodId, periodLabel, previousPeriodId, type Period } from '../../shared/domain/period';
import { currentLanguage } from '../i18n/setup';
import { useClient } from './client-context';
import { ConfirmDialog } from './ConfirmDialog';
import { formatCount } from './format';
import type { PeriodLock } from './use-period-lock';
import { UnlockDialog } from './UnlockDialog';

type Props = {
  period: Period;
  lock: PeriodLock;
  onNotice: (text: string) => void;
  onError: (error: unknown) => void;
  errorOf: (error: unknown) => string;
  /** Commune statuses were copied in: the sheets must reload. */
  onCopied: () => void;
};

type Open = 'none' | 'unlock' | 'copy';

/**
 * Beside the period selector: whether the period is locked, lock / unlock (with a
 * reason for the history), and "start this period from the previous one".
 */
export function PeriodActions({ period, lock, onNotice, onError, errorOf, onCopied }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const language = currentLanguage();
  const [open, setOpen] = useState<Open>('none');
  const periodText = periodLabel(period, language);
  const previousId = previousPeriodId(period);
  const previous = parsePeriodId(previousId);
  const previousText = previous ? periodLabel(previous, language) : previousId;

  const doLock = () => {
    lock
      .lock()
      .then(() => onNotice(t('lock.lockedDone', { period: periodText })))
      .catch(onError);
  };

  const copyForward = async () => {
    const result = await client.call('periods.copyForward', { periodId: period.id, fromPeriodId: previousId });
    onNotice(t('copyForward.result', { copied: formatCount(result.copied, language), skipped: formatCount(result.skipped, language) }));
    onCopied();
  };

  return (
    <div className="period-actions" role="group" aria-label={t('lock.label')}>
      {lock.isLocked ? (
        <>
          <span className="badge badge-locked" data-testid="period-locked">
            {t('lock.locked')}
          </span>
          <button type="button" className="button small" onClick={() => setOpen('unlock')}>
            {t('lock.unlock')}
          </button>
        </>
      ) : (
        <button type="button" className="button small" disabled={lock.status === null} onClick={doLock}>
          {t('lock.lock')}
        </button>
      )}
      <button type="button" className="button small" disabled={lock.isLocked || lock.status === null} onClick={() => setOpen('copy')}>
        {t('copyForward.button')}
      </button>
      {open === 'unlock' && (
        <UnlockDialog
          periodText={periodText}
          errorOf={errorOf}
          onClose={() => setOpen('none')}
          onUnlock={async (reason) => {
            await lock.unlock(reason);
            onNotice(t('lock.unlockedDone', { period: periodText }));
          }}
        />
      )}
      {open === 'copy' && (
        <ConfirmDialog
          title={t('copyForward.title')}
          message={t('copyForward.confirm', { from: previousText, to: periodText })}
          confirmLabel={t('copyForward.run')}
          busyLabel={t('copyForward.running')}
          errorOf={errorOf}
          testId="copy-forward-dialog"
          onConfirm={copyForward}
          onClose={() => setOpen('none')}
        />
      )}
    </div>
  );
}
