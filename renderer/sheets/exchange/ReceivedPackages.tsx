import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedPackageInfo } from '../../../shared/api/exchange-types';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { downloadFile } from './files';
import { formatDateTime } from './format';
import { PassphraseAction } from './PassphraseAction';
import { officeText } from './use-names';

type Props = { reloadKey: number; officeNames: ReadonlyMap<string, string> };

/**
 * Every package accepted here (packages.received), newest first, with its status: the
 * one in use for its slot, superseded by a later correction, or quarantined after a
 * revocation. For each, the province can sign a receipt (§6.6) to send back.
 */
export function ReceivedPackages({ reloadKey, officeNames }: Props) {
  const { t } = useTranslation('consolidation');
  const { t: tApp } = useTranslation();
  const client = useClient();
  const [packages, setPackages] = useState<ReceivedPackageInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    client
      .call('packages.received', {})
      .then((list) => {
        if (isCurrent) setPackages(list);
      })
      .catch((caught: unknown) => {
        if (isCurrent) setError(errorText(caught, tApp));
      });
    return () => {
      isCurrent = false;
    };
  }, [client, reloadKey, tApp]);

  const createReceipt = async (pkg: ReceivedPackageInfo, passphrase: string) => {
    setSaved(null);
    const file = await client.call('receipts.create', { packageId: pkg.packageId, passphrase });
    downloadFile(file);
    setSaved(t('received.receiptSaved', { file: file.fileName }));
  };

  return (
    <div className="table-wrap received-packages">
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {saved !== null && (
        <p className="result" role="status" data-testid="receipt-saved">
          {saved}
        </p>
      )}
      <table className="data-table" data-testid="received-packages">
        <caption>{t('received.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('received.columns.office')}</th>
            <th scope="col">{t('received.columns.period')}</th>
            <th scope="col">{t('received.columns.sequence')}</th>
            <th scope="col">{t('received.columns.status')}</th>
            <th scope="col">{t('received.columns.acceptedAt')}</th>
            <th scope="col">{t('received.columns.file')}</th>
            <th scope="col">{t('received.columns.receipt')}</th>
          </tr>
        </thead>
        <tbody>
          {packages !== null && packages.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                {t('received.empty')}
              </td>
            </tr>
          )}
          {packages?.map((pkg) => (
            <tr key={pkg.packageId} data-testid="received-package" data-status={pkg.status} className={pkg.status === 'superseded' ? 'row-muted' : undefined}>
              <td>{officeText(pkg.issuer, officeNames)}</td>
              <td>{pkg.periodId}</td>
              <td className="num">{pkg.sequence}</td>
              <td className={`status-${pkg.status}`} data-testid="received-status">
                {t(`received.status.${pkg.status}`)}
              </td>
              <td>{formatDateTime(pkg.acceptedAt)}</td>
              <td className="file-name">{pkg.fileName}</td>
              <td className="receipt-cell">
                <PassphraseAction
                  label={t('received.createReceipt')}
                  busyLabel={t('received.receiptBusy')}
                  passphraseLabel={t('received.passphrase')}
                  openLabel={t('received.createReceiptFor', { file: pkg.fileName })}
                  run={(passphrase) => createReceipt(pkg, passphrase)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
