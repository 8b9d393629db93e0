import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { PassphraseField } from './PassphraseField';

type Props = { onAdded: () => void };

/**
 * Adds the encryption key to an office that already signs (a province set up as a
 * sender first). The signing key's passphrase is asked: the services open that key to
 * prove it, so one passphrase protects both keys.
 */
export function AddEncryptionKey({ onAdded }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [isAsking, setIsAsking] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setIsBusy(true);
    client
      .call('keys.generate', { passphrase, withEncryption: true })
      .then(() => {
        setPassphrase('');
        setIsAsking(false);
        onAdded();
      })
      .catch((caught: unknown) => setError(errorText(caught, t)))
      .finally(() => setIsBusy(false));
  };

  return (
    <div className="exchange-form">
      {isAsking ? (
        <form onSubmit={submit} aria-busy={isBusy}>
          <p className="hint">{t('exchange.keys.addEncryptionHint')}</p>
          <PassphraseField label={t('exchange.keys.enrollmentPassphrase')} value={passphrase} onChange={setPassphrase} />
          <div className="actions">
            <button type="submit" className="button primary" disabled={isBusy || passphrase === ''}>
              {isBusy ? t('exchange.keys.generating') : t('exchange.keys.addEncryption')}
            </button>
            <button type="button" className="button" onClick={() => setIsAsking(false)}>
              {t('dialog.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button" onClick={() => setIsAsking(true)}>
          {t('exchange.keys.addEncryption')}
        </button>
      )}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
    </div>
  );
}
