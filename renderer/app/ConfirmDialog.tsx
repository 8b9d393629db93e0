import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { ModalDialog } from './ModalDialog';

type Props = {
  title: string;
  /** A one-sentence question, or `children` for a richer body (e.g. fingerprints to compare). */
  message?: string;
  children?: ReactNode;
  isWide?: boolean;
  confirmLabel: string;
  busyLabel?: string;
  /** Resolves when done (the dialog then closes); a rejection's message is shown in the dialog. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  errorOf: (error: unknown) => string;
  testId?: string;
};

/** "Are you sure?" for actions that change many records at once or that trust something for good. */
export function ConfirmDialog({ title, message, children, isWide, confirmLabel, busyLabel, onConfirm, onClose, errorOf, testId }: Props) {
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
      isWide={isWide}
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
      {message !== undefined && <p className="dialog-message">{message}</p>}
      {children}
      <ErrorAlert message={problem} />
    </ModalDialog>
  );
}
