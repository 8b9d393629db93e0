import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportLogCheck, ImportLogEntry } from '../../../shared/api/exchange-types';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { consolidationResources, type ConsolidationMessages } from '../../i18n/consolidation';
import { formatDateTime } from './format';

type Props = { reloadKey: number };

type Decision = keyof ConsolidationMessages['log']['decisions'];
const KNOWN_DECISIONS = new Set<string>(Object.keys(consolidationResources.vi.log.decisions));
/** Enough of a row hash to compare with a printed report; the full hash is the cell's title. */
const HASH_PREFIX = 12;

/**
 * "Sổ nhập gói" (exchange-format.md §6.4): every decision on received packages, newest
 * first, and the check of its hash chain. A broken chain means a row was edited or
 * removed after it was written, and names the first row that no longer fits.
 */
export function ImportLogPanel({ reloadKey }: Props) {
  const { t } = useTranslation('consolidation');
  const { t: tApp } = useTranslation();
  const client = useClient();
  const headingId = useId();
  const [entries, setEntries] = useState<ImportLogEntry[] | null>(null);
  const [check, setCheck] = useState<ImportLogCheck | null>(null);
  const [isChecking, setIsChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    setCheck(null);
    client
      .call('importLog.list', {})
      .then((list) => {
        if (isCurrent) setEntries(list);
      })
      .catch((caught: unknown) => {
        if (isCurrent) setError(errorText(caught, tApp));
      });
    return () => {
      isCurrent = false;
    };
  }, [client, reloadKey, tApp]);

  const verify = () => {
    setError(null);
    setCheck(null);
    setIsChecking(true);
    client
      .call('importLog.verify', {})
      .then(setCheck)
      .catch((caught: unknown) => setError(errorText(caught, tApp)))
      .finally(() => setIsChecking(false));
  };

  // A decision a newer service writes and this version does not name is shown as stored.
  const decision = (value: string) => (KNOWN_DECISIONS.has(value) ? t(`log.decisions.${value as Decision}`) : value);

  return (
    <section className="panel exchange-panel exchange-wide import-log-panel" aria-labelledby={headingId} data-testid="import-log-panel">
      <h2 id={headingId}>{t('log.heading')}</h2>
      <div className="actions">
        <button type="button" className="button" onClick={verify} disabled={isChecking}>
          {isChecking ? t('log.verifying') : t('log.verify')}
        </button>
      </div>
      {check !== null &&
        (check.isIntact ? (
          <p className="result log-intact" role="status" data-testid="log-check">
            {t('log.intact', { n: check.rows })}
          </p>
        ) : (
          <div className="alert alert-error" role="alert" data-testid="log-check">
            <span className="alert-text">{t('log.broken', { id: check.brokenAtId ?? '?' })}</span>
          </div>
        ))}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      <div className="table-wrap">
        <table className="data-table import-log" data-testid="import-log">
          <caption className="visually-hidden">{t('log.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('log.columns.at')}</th>
              <th scope="col">{t('log.columns.operator')}</th>
              <th scope="col">{t('log.columns.file')}</th>
              <th scope="col">{t('log.columns.office')}</th>
              <th scope="col">{t('log.columns.period')}</th>
              <th scope="col">{t('log.columns.sequence')}</th>
              <th scope="col">{t('log.columns.decision')}</th>
              <th scope="col">{t('log.columns.code')}</th>
              <th scope="col">{t('log.columns.detail')}</th>
              <th scope="col">{t('log.columns.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {entries !== null && entries.length === 0 && (
              <tr>
                <td colSpan={11} className="muted">
                  {t('log.empty')}
                </td>
              </tr>
            )}
            {entries?.map((entry) => (
              <tr key={entry.id} data-testid="log-entry" data-decision={entry.decision} className={check !== null && check.brokenAtId === entry.id ? 'row-refused' : undefined}>
                <td className="num">{entry.id}</td>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.operator ?? ''}</td>
                <td className="file-name">{entry.sourceFilename ?? ''}</td>
                <td>{entry.issuer ?? ''}</td>
                <td>{entry.period ?? ''}</td>
                <td className="num">{entry.sequence ?? ''}</td>
                <td data-testid="log-decision">{decision(entry.decision)}</td>
                <td>{entry.code === null ? '' : <code>{entry.code}</code>}</td>
                <td>{entry.detail ?? ''}</td>
                <td>
                  <code title={entry.rowHash}>{entry.rowHash.slice(0, HASH_PREFIX)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
