import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult, ExportSummary } from '../../../shared/api/exchange-types';
import { parsePeriodId, periodLabel } from '../../../shared/domain/period';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { formatCount } from '../../app/format';
import { ExportLog } from './ExportLog';
import { downloadFile } from './files';
import { PassphraseField } from './PassphraseField';
import { useExportSummary } from './use-export-summary';

type Props = { appPeriodId: string; isActive: boolean; reloadKey: number; language: Language; onSent: () => void };

/**
 * "Gửi" (product.md §6): choose a period, read the summary, sign with the passphrase,
 * save the package. Nothing can be sent while the services name a blocker (no key, no
 * trust list, errors in the data…); the send button says so by staying disabled.
 */
export function SendPanel({ appPeriodId, isActive, reloadKey, language, onSent }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const headingId = useId();
  const periodFieldId = useId();
  const hotspotsId = useId();
  // The chosen period follows the top bar until the user picks another one here.
  const [chosen, setChosen] = useState<{ appPeriodId: string; periodId: string } | null>(null);
  const periodId = chosen !== null && chosen.appPeriodId === appPeriodId ? chosen.periodId : appPeriodId;
  const [includeHotspots, setIncludeHotspots] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<ExportResult | null>(null);
  const { summary, log, periodIds, error: loadError, isLoading } = useExportSummary(client, periodId, includeHotspots, reloadKey, isActive);

  const label = (id: string) => {
    const period = parsePeriodId(id);
    return period === null ? id : periodLabel(period, language);
  };
  const options = [...new Set([appPeriodId, periodId, ...periodIds])].sort().reverse();
  const isReady = summary !== null && summary.periodId === periodId && summary.blockers.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSent(null);
    setIsBusy(true);
    client
      .call('exports.create', { periodId, passphrase, includeHotspots })
      .then((result) => {
        downloadFile({ fileName: result.fileName, bytesBase64: result.bytesBase64 });
        setSent(result);
        setPassphrase('');
        onSent();
      })
      .catch((caught: unknown) => setError(errorText(caught, t)))
      .finally(() => setIsBusy(false));
  };

  return (
    <section className="panel exchange-panel exchange-wide" aria-labelledby={headingId} data-testid="send-panel">
      <h2 id={headingId}>{t('exchange.send.heading')}</h2>
      <form onSubmit={submit} aria-busy={isBusy || isLoading}>
        <div className="field">
          <label className="field-label" htmlFor={periodFieldId}>
            {t('exchange.send.period')}
          </label>
          <select id={periodFieldId} value={periodId} onChange={(e) => setChosen({ appPeriodId, periodId: e.currentTarget.value })}>
            {options.map((id) => (
              <option key={id} value={id}>
                {label(id)}
              </option>
            ))}
          </select>
        </div>
        <div className="check-field">
          <input id={hotspotsId} type="checkbox" checked={includeHotspots} onChange={(e) => setIncludeHotspots(e.currentTarget.checked)} />
          <label htmlFor={hotspotsId}>{t('exchange.send.includeHotspots')}</label>
        </div>
        <ErrorAlert message={loadError === null ? null : errorText(loadError, t)} />
        {summary === null ? isLoading && <p className="hint">{t('exchange.send.loading')}</p> : <SummaryFacts summary={summary} language={language} />}
        {summary !== null && summary.blockers.length > 0 && (
          <div className="alert alert-warning" data-testid="export-blockers">
            <div className="alert-text">
              <strong>{t('exchange.send.blockers')}</strong>
              <ul className="blockers">
                {summary.blockers.map((blocker) => (
                  <li key={blocker}>{blocker}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
        <PassphraseField label={t('exchange.send.passphrase')} value={passphrase} onChange={setPassphrase} isDisabled={!isReady} testId="export-passphrase" />
        <div className="actions">
          <button type="submit" className="button primary" disabled={!isReady || isBusy || passphrase === ''}>
            {isBusy ? t('exchange.send.busy') : t('exchange.send.submit')}
          </button>
        </div>
      </form>
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
      {sent !== null && (
        <p className="result" role="status" data-testid="export-done">
          {t('exchange.send.done', {
            file: sent.fileName,
            sequence: sent.sequence,
            period: label(sent.periodId),
            encryption: sent.encrypted ? t('exchange.send.encryptedTo', { recipients: sent.recipients.join(', ') }) : t('exchange.send.notEncrypted'),
          })}
        </p>
      )}
      <ExportLog log={log} language={language} />
    </section>
  );
}

function SummaryFacts({ summary, language }: { summary: ExportSummary; language: Language }) {
  const { t } = useTranslation();
  const count = (n: number) => formatCount(n, language);
  return (
    <dl className="facts" data-testid="export-summary">
      <dt>{t('exchange.send.contents')}</dt>
      <dd>{t('exchange.send.counts', { communes: count(summary.counts.communes), hotspots: count(summary.counts.hotspots), modelSites: count(summary.counts.modelSites) })}</dd>
      <dt>{t('exchange.send.problems')}</dt>
      <dd className={summary.errors > 0 ? 'text-error' : undefined}>{t('exchange.send.problemsText', { errors: count(summary.errors), warnings: count(summary.warnings) })}</dd>
      <dt>{t('exchange.send.sequence')}</dt>
      <dd data-testid="export-sequence">{summary.nextSequence}</dd>
      <dt>{t('exchange.send.supersedes')}</dt>
      <dd>{summary.supersedes === null ? t('exchange.send.first') : <code>{summary.supersedes}</code>}</dd>
      <dt>{t('exchange.send.recipients')}</dt>
      <dd>{summary.audience.length === 0 ? t('exchange.none') : summary.audience.map((a) => `${a.officeName} (${a.officeCode})`).join('; ')}</dd>
      <dt>{t('exchange.send.encrypted')}</dt>
      <dd data-testid="export-encrypted">{summary.willEncrypt ? t('exchange.yes') : t('exchange.no')}</dd>
      {/* Before the keys exist the services do not know the environment yet (it defaults to production). */}
      {summary.officeCode !== null && (
        <>
          <dt>{t('exchange.send.environment')}</dt>
          <dd>{t(`exchange.environments.${summary.environment}`)}</dd>
        </>
      )}
    </dl>
  );
}
