import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeysStatus } from '../../../shared/api/exchange-types';
import { AddEncryptionKey } from './AddEncryptionKey';
import { EnrollmentAction } from './EnrollmentAction';
import { Fingerprint } from './Fingerprint';
import { formatDay } from './format';
import { GenerateKeysForm } from './GenerateKeysForm';

type Props = { keys: KeysStatus; onChanged: () => void };

/**
 * "Khóa của đơn vị" (exchange-format.md §3.1–3.4): the office's public key facts, the
 * form that creates the keys, and the enrollment file with its printable form. Key
 * material never reaches this page; only ids, recipients and fingerprints do.
 */
export function KeysPanel({ keys, onChanged }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const environment = t(`exchange.environments.${keys.environment}`);

  return (
    <section className="panel exchange-panel" aria-labelledby={headingId} data-testid="keys-panel">
      <h2 id={headingId}>{t('exchange.keys.heading')}</h2>
      <dl className="facts">
        <dt>{t('exchange.keys.office')}</dt>
        <dd data-testid="keys-office">{keys.officeName === null ? t('exchange.none') : `${keys.officeName} (${keys.officeCode ?? ''})`}</dd>
        <dt>{t('exchange.keys.environment')}</dt>
        <dd>{environment}</dd>
        <dt>{t('exchange.keys.signing')}</dt>
        <dd>
          {keys.signing === null ? (
            t('exchange.none')
          ) : (
            <>
              <span className="key-label">{t('exchange.keys.keyId')}</span>
              <code className="key-id" data-testid="signing-key-id">
                {keys.signing.keyId}
              </code>
              <span className="key-label">{t('exchange.keys.fingerprint')}</span>
              <Fingerprint digits={keys.signing.fingerprint} testId="signing-fingerprint" />
              <span className="muted">{t('exchange.keys.createdAt')}: {formatDay(keys.signing.createdAt)}</span>
            </>
          )}
        </dd>
        <dt>{t('exchange.keys.encryption')}</dt>
        <dd>
          {keys.encryption === null ? (
            t('exchange.keys.noEncryption')
          ) : (
            <>
              <span className="key-label">{t('exchange.keys.recipient')}</span>
              <code className="key-id recipient" data-testid="encryption-recipient">
                {keys.encryption.recipient}
              </code>
              <span className="key-label">{t('exchange.keys.fingerprint')}</span>
              <Fingerprint digits={keys.encryption.fingerprint} testId="encryption-fingerprint" />
            </>
          )}
        </dd>
      </dl>
      {keys.signing === null ? (
        <GenerateKeysForm onGenerated={onChanged} />
      ) : (
        <>
          <EnrollmentAction />
          {keys.encryption === null && <AddEncryptionKey onAdded={onChanged} />}
        </>
      )}
    </section>
  );
}
