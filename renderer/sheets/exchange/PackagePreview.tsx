import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../shared/api/exchange-types';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { formatCount } from '../../app/format';
import { ModalDialog } from '../../app/ModalDialog';
import { DatasetTable } from './DatasetTable';
import { formatDateTime } from './format';
import { useUnitNames } from './use-names';

type Props = { result: VerifyResult; language: Language; onClose: () => void };

/**
 * A verified package, read only: the signed manifest's facts, its entries, and one table
 * per dataset. The figures shown are the signed JSON; the Excel copy inside is never
 * parsed (exchange-format.md §2.7). This is the check-only view; receiving stores.
 */
export function PackagePreview({ result, language, onClose }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const unitNames = useUnitNames(client);
  const preview = result.preview;

  if (preview === null) return null;
  return (
    <ModalDialog
      title={t('exchange.preview.title', { file: result.file })}
      onClose={onClose}
      isWide
      testId="package-preview"
      actions={
        <button type="button" className="button primary" onClick={onClose}>
          {t('exchange.preview.close')}
        </button>
      }
    >
      <div className="preview-body">
        <div className="alert alert-warning preview-notes">
          <div className="alert-text">
            <p>{t('exchange.preview.xlsxNote')}</p>
            <p>{t('exchange.preview.laterNote')}</p>
          </div>
        </div>
        <h3>{t('exchange.preview.manifest')}</h3>
        <dl className="facts" data-testid="preview-manifest">
          <dt>{t('exchange.receive.columns.issuer')}</dt>
          <dd>
            {result.issuerName} ({result.issuer})
          </dd>
          <dt>{t('exchange.receive.columns.period')}</dt>
          <dd>{result.period}</dd>
          <dt>{t('exchange.send.sequence')}</dt>
          <dd>{result.sequence}</dd>
          <dt>{t('exchange.preview.packageId')}</dt>
          <dd>
            <code>{preview.packageId}</code>
          </dd>
          <dt>{t('exchange.preview.digest')}</dt>
          <dd>
            <code className="digest">{preview.packageDigest}</code>
          </dd>
          <dt>{t('exchange.preview.createdAt')}</dt>
          <dd>{formatDateTime(preview.createdAt)}</dd>
          <dt>{t('exchange.send.environment')}</dt>
          <dd>{t(`exchange.environments.${preview.environment}`)}</dd>
          <dt>{t('exchange.preview.keyId')}</dt>
          <dd>
            <code className="key-id">{preview.keyId}</code>
          </dd>
          <dt>{t('exchange.send.encrypted')}</dt>
          <dd>{preview.encrypted ? t('exchange.yes') : t('exchange.no')}</dd>
        </dl>
        <div className="table-wrap">
          <table className="data-table" data-testid="preview-entries">
            <caption>{t('exchange.preview.entries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.preview.entryColumns.path')}</th>
                <th scope="col">{t('exchange.preview.entryColumns.size')}</th>
                <th scope="col">{t('exchange.preview.entryColumns.sha256')}</th>
                <th scope="col">{t('exchange.preview.entryColumns.records')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.entries.map((entry) => (
                <tr key={entry.path}>
                  <td>
                    <code>{entry.path}</code>
                  </td>
                  <td className="num">{formatCount(entry.size, language)}</td>
                  <td>
                    <code className="digest">{entry.sha256}</code>
                  </td>
                  <td className="num">{entry.records === null ? t('exchange.none') : formatCount(entry.records, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {preview.datasets.map((dataset) => (
          <DatasetTable key={dataset.dataset} dataset={dataset} language={language} unitNames={unitNames} />
        ))}
      </div>
    </ModalDialog>
  );
}
