import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRecord, ReceiptInfo } from '../../../shared/api/exchange-types';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { formatCount } from '../../app/format';
import { downloadFile } from './files';
import { formatDateTime, formatDay } from './format';
import { ReceiptImport } from './ReceiptImport';

type Props = { log: ExportRecord[]; language: Language };

/** Every package this office sent, newest first (exports.list): the office's own record of what left it. */
export function ExportLog({ log, language }: Props) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('consolidation');
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  // Receipts imported since the log was loaded; the next reload brings the same from the services.
  const [receipts, setReceipts] = useState<ReadonlyMap<string, ReceiptInfo>>(() => new Map());
  const receiptText = (receipt: ReceiptInfo | null) =>
    receipt === null
      ? tc('receipts.none')
      : receipt.decision === 'accepted'
        ? tc('receipts.accepted', { date: formatDay(receipt.at) })
        : tc('receipts.decided', { decision: tc(`received.status.${receipt.decision}`), date: formatDay(receipt.at) });
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
      <ReceiptImport
        onImported={({ packageId, receipt }) => {
          if (receipt !== null) setReceipts((before) => new Map([...before, [packageId, receipt]]));
        }}
      />
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
            <th scope="col">{tc('receipts.column')}</th>
            <th scope="col">{t('exchange.send.columns.file')}</th>
          </tr>
        </thead>
        <tbody>
          {log.length === 0 ? (
            <tr>
              <td colSpan={10} className="muted">
                {t('exchange.send.logEmpty')}
              </td>
            </tr>
          ) : (
            log.map((record) => {
              const receipt = receipts.get(record.packageId) ?? record.receipt;
              return (
                <tr key={record.packageId} data-testid="export-row">
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
                  <td className={receipt?.decision === 'accepted' ? 'status-accepted' : 'muted'} data-testid="export-receipt">
                    {receiptText(receipt)}
                  </td>
                  <td>
                    <button type="button" className="button" onClick={() => saveAgain(record.packageId)} aria-label={t('exchange.send.saveAgainFor', { file: record.fileName })}>
                      {t('exchange.send.saveAgain')}
                    </button>
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
