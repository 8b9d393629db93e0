import { useTranslation } from 'react-i18next';
import type { TrustListSummary } from '../../../shared/api/exchange-types';
import { Fingerprint } from './Fingerprint';
import { formatDay } from './format';

type Props = { list: TrustListSummary; daysLeft: number | null };

/** The installed trust list: who issued it, until when, its root keys and the offices it certifies. */
export function TrustListView({ list, daysLeft }: Props) {
  const { t } = useTranslation();
  const expires = formatDay(list.expiresAt);
  return (
    <>
      <dl className="facts" data-testid="trust-list">
        <dt>{t('exchange.trust.authority')}</dt>
        <dd>
          {list.authority.officeName} ({list.authority.officeCode})
        </dd>
        <dt>{t('exchange.trust.version')}</dt>
        <dd data-testid="trust-version">{list.version}</dd>
        <dt>{t('exchange.trust.issuedAt')}</dt>
        <dd>{formatDay(list.issuedAt)}</dd>
        <dt>{t('exchange.trust.expiresAt')}</dt>
        <dd>
          {daysLeft === null
            ? expires
            : daysLeft >= 0
              ? t('exchange.trust.daysLeft', { date: expires, n: daysLeft })
              : t('exchange.trust.daysOver', { date: expires, n: -daysLeft })}
        </dd>
        <dt>{t('exchange.keys.environment')}</dt>
        <dd>{t(`exchange.environments.${list.environment}`)}</dd>
        <dt>{t('exchange.trust.roots', { threshold: list.rootThreshold })}</dt>
        <dd>
          <ul className="root-keys">
            {list.rootKeys.map((root) => (
              <li key={root.keyId}>
                <code className="key-id">{root.keyId}</code>
                <Fingerprint digits={root.fingerprint} />
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <div className="table-wrap">
        <table className="data-table" data-testid="trust-offices">
          <caption>{t('exchange.trust.offices')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchange.trust.columns.code')}</th>
              <th scope="col">{t('exchange.trust.columns.name')}</th>
              <th scope="col">{t('exchange.trust.columns.level')}</th>
              <th scope="col">{t('exchange.trust.columns.keys')}</th>
              <th scope="col">{t('exchange.trust.columns.encryption')}</th>
            </tr>
          </thead>
          <tbody>
            {list.offices.map((office) => (
              <tr key={office.officeCode}>
                <td>
                  <code>{office.officeCode}</code>
                </td>
                <td>{office.officeName}</td>
                <td>{t(`exchange.levels.${office.level}`)}</td>
                <td>
                  {office.signingKeys.length === 0
                    ? t('exchange.none')
                    : office.signingKeys.map((key) => (
                        <div key={key.keyId}>
                          <code className="key-id">{key.keyId}</code> ({t(`exchange.trust.keyStatus.${key.status}`)})
                        </div>
                      ))}
                </td>
                <td>{office.hasEncryptionKey ? t('exchange.yes') : t('exchange.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
