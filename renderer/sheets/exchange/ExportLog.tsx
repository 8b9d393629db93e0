import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRecord } from '../../../shared/api/exchange-types';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { formatCount } from '../../app/format';
import { downloadFile } from './files';
import { formatDateTime } from './format';

type Props = { log: ExportRecord[]; language: Language };

/** Every package this office sent, newest first (exports.list): the office's own record of what left it. */
export function ExportLog({ log, language }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  const count = (n: number) => formatCount(n, language);
  // A lost download or e-mail must not mean a new sequence number: the same package is saved again.
  const saveAgain = (packageId: string) => {
    setError(null);
    client
      .call('exports.file', { packageId })
      .then(downloadFile)
      .catch((caught: unknown) => setError(errorText(caught, t)));
  };
  return (
    <div className="table-wrap">
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      <table className="data-table" data-testid="export-log">
        <caption>{t('exchange.send.log')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.send.columns.sequence')}</th>
            <th scope="col">{t('exchange.send.columns.period')}</th>
            <th scope="col">{t('exchange.send.columns.createdAt')}</th>
            <th scope="col">{t('exchange.send.columns.file')}</th>
            <th scope="col">{t('exchange.send.columns.encrypted')}</th>
            <th scope="col">{t('exchange.send.columns.recipients')}</th>
            <th scope="col">{t('exchange.send.columns.counts')}</th>
            <th scope="col">{t('exchange.send.columns.digest')}</th>
            <th scope="col">{t('exchange.send.columns.file')}</th>
          </tr>
        </thead>
        <tbody>
          {log.length === 0 ? (
            <tr>
              <td colSpan={9} className="muted">
                {t('exchange.send.logEmpty')}
              </td>
            </tr>
          ) : (
            log.map((record) => (
              <tr key={record.packageId}>
                <td className="num">{record.sequence}</td>
                <td>{record.periodId}</td>
                <td>{formatDateTime(record.createdAt)}</td>
                <td className="file-name">{record.fileName}</td>
                <td>{record.encrypted ? t('exchange.yes') : t('exchange.no')}</td>
                <td>{record.recipients.join(', ')}</td>
                <td className="num">
                  {count(record.counts.communes)} / {count(record.counts.hotspots)} / {count(record.counts.modelSites)}
                </td>
                <td>
                  <code title={record.packageDigest}>{record.packageDigest.slice(0, 16)}</code>
                </td>
                <td>
                  <button type="button" className="button" onClick={() => saveAgain(record.packageId)} aria-label={t('exchange.send.saveAgainFor', { file: record.fileName })}>
                    {t('exchange.send.saveAgain')}
                  </button>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
