import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentForm } from '../../../shared/api/exchange-types';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { EnrollmentSheet } from './EnrollmentSheet';
import { downloadFile } from './files';
import { PassphraseField } from './PassphraseField';

/** Writes the enrollment statement (.bckey, exchange-format.md §3.4), downloads it and shows the form to print. */
export function EnrollmentAction() {
  const { t } = useTranslation();
  const client = useClient();
  const [isAsking, setIsAsking] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<{ form: EnrollmentForm; fileName: string } | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsBusy(true);
    client
      .call('keys.enrollment', { passphrase })
      .then(({ form, file }) => {
        downloadFile(file);
        setMade({ form, fileName: file.fileName });
        setPassphrase('');
        setIsAsking(false);
      })
      .catch((caught: unknown) => setError(errorText(caught, t)))
      .finally(() => setIsBusy(false));
  };

  return (
    <div className="exchange-form">
      <p className="hint">{t('exchange.keys.enrollmentHint')}</p>
      {isAsking ? (
        <form onSubmit={submit} aria-busy={isBusy} data-testid="enrollment-ask">
          <PassphraseField label={t('exchange.keys.enrollmentPassphrase')} value={passphrase} onChange={setPassphrase} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={isBusy || passphrase === ''}>
              {isBusy ? t('exchange.keys.enrollmentBusy') : t('exchange.keys.enrollment')}
            </button>
            <button type="button" className="button" onClick={() => setIsAsking(false)}>
              {t('dialog.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setIsAsking(true)}>
          {t('exchange.keys.enrollment')}
        </button>
      )}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {made !== null && (
        <>
          <p className="result" role="status" data-testid="enrollment-saved">
            {t('exchange.keys.enrollmentSaved', { file: made.fileName })}
          </p>
          <EnrollmentSheet form={made.form} onClose={() => setMade(null)} />
        </>
      )}
    </div>
  );
}
