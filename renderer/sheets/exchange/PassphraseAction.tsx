import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { PassphraseField } from './PassphraseField';

type Props = {
  /** The button that opens the form, and the form's submit button. */
  label: string;
  busyLabel: string;
  passphraseLabel: string;
  /** The opening button's accessible name when the label alone is ambiguous (one button per table row). */
  openLabel?: string;
  /** Shown inside the form, above the passphrase. */
  hint?: ReactNode;
  testId?: string;
  /** Runs with the passphrase; a rejection is shown as the error sentence. */
  run(passphrase: string): Promise<void>;
};

/**
 * An action that needs the key passphrase (§3.3: asked for every signing): a button that
 * opens a one-field form; the passphrase is cleared as soon as the action has run.
 */
export function PassphraseAction({ label, busyLabel, passphraseLabel, openLabel, hint, testId, run }: Props) {
  const { t } = useTranslation();
  const [isAsking, setIsAsking] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsBusy(true);
    run(passphrase)
      .then(() => {
        setPassphrase('');
        setIsAsking(false);
      })
      .catch((caught: unknown) => setError(errorText(caught, t)))
      .finally(() => setIsBusy(false));
  };

  return (
    <>
      {isAsking ? (
        <form onSubmit={submit} aria-busy={isBusy} data-testid={testId}>
          {hint}
          <PassphraseField label={passphraseLabel} value={passphrase} onChange={setPassphrase} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={isBusy || passphrase === ''}>
              {isBusy ? busyLabel : label}
            </button>
            <button type="button" className="button" onClick={() => setIsAsking(false)}>
              {t('dialog.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button" aria-label={openLabel} onClick={() => setIsAsking(true)}>
          {label}
        </button>
      )}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
    </>
  );
}
