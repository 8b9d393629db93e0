import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { ModalDialog } from './ModalDialog';

type Props = {
  title: string;
  message: string;
  confirmLabel: string;
  busyLabel?: string;
  /** Resolves when done (the dialog then closes); a rejection's message is shown in the dialog. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  errorOf: (error: unknown) => string;
  testId?: string;
};

/** "Are you sure?" for actions that change many records at once. */
export function ConfirmDialog({ title, message, confirmLabel, busyLabel, onConfirm, onClose, errorOf, testId }: Props) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const confirm = () => {
    setIsBusy(true);
    setProblem(null);
    onConfirm()
      .then(onClose)
      .catch((error: unknown) => {
        setProblem(errorOf(error));
        setIsBusy(false);
      });
  };

  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      testId={testId}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="button" className="button primary" disabled={isBusy} onClick={confirm}>
            {isBusy && busyLabel !== undefined ? busyLabel : confirmLabel}
          </button>
        </>
      }
    >
      <p className="dialog-message">{message}</p>
      <ErrorAlert message={problem} />
    </ModalDialog>
  );
}
