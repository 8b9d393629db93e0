import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/client-context';
import { PassphraseAction } from './PassphraseAction';

type Props = { onAdded: () => void };

/**
 * Adds the encryption key to an office that already signs (a province set up as a
 * sender first). The signing key's passphrase is asked: the services open that key to
 * prove it, so one passphrase protects both keys.
 */
export function AddEncryptionKey({ onAdded }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  return (
    <div className="exchange-form">
      <PassphraseAction
        label={t('exchange.keys.addEncryption')}
        busyLabel={t('exchange.keys.generating')}
        passphraseLabel={t('exchange.keys.enrollmentPassphrase')}
        hint={<p className="hint">{t('exchange.keys.addEncryptionHint')}</p>}
        run={async (passphrase) => {
          await client.call('keys.generate', { passphrase, withEncryption: true });
          onAdded();
        }}
      />
    </div>
  );
}
