import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { PassphraseField } from './PassphraseField';

/** Creates the office's keys (exchange-format.md §3.1, §3.3): the passphrase twice, and the encryption key for receiving offices. */
export function GenerateKeysForm({ onGenerated }: { onGenerated: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [withEncryption, setWithEncryption] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const checkboxId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== repeat) {
      setError(t('exchange.keys.mismatch'));
      return;
    }
    setError(null);
    setIsBusy(true);
    client
      .call('keys.generate', { passphrase, withEncryption })
      .then(() => {
        setPassphrase('');
        setRepeat('');
        onGenerated();
      })
      .catch((caught: unknown) => setError(errorText(caught, t)))
      .finally(() => setIsBusy(false));
  };

  return (
    <form className="exchange-form" onSubmit={submit} aria-busy={isBusy} data-testid="keys-generate">
      <p className="hint">{t('exchange.keys.none')}</p>
      <PassphraseField label={t('exchange.keys.passphrase')} value={passphrase} onChange={setPassphrase} isNew hint={t('exchange.keys.passphraseHint')} />
      <PassphraseField label={t('exchange.keys.passphraseRepeat')} value={repeat} onChange={setRepeat} isNew />
      <div className="check-field">
        <input id={checkboxId} type="checkbox" checked={withEncryption} onChange={(e) => setWithEncryption(e.currentTarget.checked)} />
        <label htmlFor={checkboxId}>{t('exchange.keys.withEncryption')}</label>
      </div>
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={isBusy || passphrase === '' || repeat === ''}>
          {isBusy ? t('exchange.keys.generating') : t('exchange.keys.generate')}
        </button>
      </div>
    </form>
  );
}
