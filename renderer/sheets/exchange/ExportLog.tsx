import { useTranslation } from 'react-i18next';
import type { ExportRecord } from '../../../shared/api/exchange-types';
import type { Language } from '../../../shared/i18n/format';
import { formatCount } from '../../app/format';
import { formatDateTime } from './format';

type Props = { log: ExportRecord[]; language: Language };

/** Every package this office sent, newest first (exports.list): the office's own record of what left it. */
export function ExportLog({ log, language }: Props) {
  const { t } = useTranslation();
  const count = (n: number) => formatCount(n, language);
  return (
    <div className="table-wrap">
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
          </tr>
        </thead>
        <tbody>
          {log.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted">
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
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
