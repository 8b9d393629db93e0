import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../shared/api/exchange-types';

type Props = { results: VerifyResult[]; onView: (result: VerifyResult) => void };

/** One row per file checked: a clear valid/refused mark, the stable code and the sentence to act on. */
export function VerifyResults({ results, onView }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="verify-results">
        <caption>{t('exchange.receive.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchange.receive.columns.file')}</th>
            <th scope="col">{t('exchange.receive.columns.result')}</th>
            <th scope="col">{t('exchange.receive.columns.code')}</th>
            <th scope="col">{t('exchange.receive.columns.message')}</th>
            <th scope="col">{t('exchange.receive.columns.issuer')}</th>
            <th scope="col">{t('exchange.receive.columns.period')}</th>
            <th scope="col">{t('exchange.receive.columns.sequence')}</th>
            <th scope="col">{t('exchange.receive.columns.view')}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((result, index) => {
            const isOk = result.preview !== null;
            return (
              <tr key={`${index}-${result.file}`} data-testid="verify-result" className={isOk ? 'row-ok' : 'row-refused'}>
                <td className="file-name" data-testid="verify-file">
                  {result.file}
                </td>
                <td className={isOk ? 'mark-ok' : 'mark-refused'} data-testid="verify-mark">
                  {isOk ? t('exchange.receive.ok') : t('exchange.receive.refused')}
                </td>
                <td>
                  <code data-testid="verify-code">{result.code}</code>
                </td>
                <td data-testid="verify-message">{result.message}</td>
                <td>{result.issuer === null ? t('exchange.none') : `${result.issuerName ?? ''} (${result.issuer})`}</td>
                <td>{result.period ?? t('exchange.none')}</td>
                <td className="num">{result.sequence ?? t('exchange.none')}</td>
                <td>
                  {isOk && (
                    <button type="button" className="button small" onClick={() => onView(result)} aria-label={`${t('exchange.receive.view')} ${result.file}`}>
                      {t('exchange.receive.view')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
