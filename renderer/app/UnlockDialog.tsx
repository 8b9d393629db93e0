import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { ModalDialog } from './ModalDialog';

type Props = {
  periodText: string;
  /** Resolves when unlocked; a rejection's message is shown in the dialog. */
  onUnlock: (reason: string) => Promise<void>;
  onClose: () => void;
  errorOf: (error: unknown) => string;
};

/** The same minimum the services check (periods.unlock): a reason is an audit record, not a formality. */
const MIN_REASON = 5;

/** Asks why a locked (usually already reported) period is opened again. */
export function UnlockDialog({ periodText, onUnlock, onClose, errorOf }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = () => {
    if (reason.trim().length < MIN_REASON) {
      setProblem(t('lock.reasonTooShort'));
      return;
    }
    setIsBusy(true);
    onUnlock(reason.trim())
      .then(onClose)
      .catch((error: unknown) => {
        setProblem(errorOf(error));
        setIsBusy(false);
      });
  };

  return (
    <ModalDialog
      title={t('lock.unlockTitle', { period: periodText })}
      onClose={onClose}
      testId="unlock-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="button" className="button primary" disabled={isBusy} onClick={submit}>
            {t('lock.unlock')}
          </button>
        </>
      }
    >
      <p className="hint">{t('lock.unlockHint')}</p>
      <label className="field-label" htmlFor={`${id}-reason`}>
        {t('lock.reason')}
      </label>
      <textarea
        id={`${id}-reason`}
        className="reason-input"
        rows={3}
        maxLength={1000}
        required
        aria-invalid={problem !== null}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <ErrorAlert message={problem} />
    </ModalDialog>
  );
}
