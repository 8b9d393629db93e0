import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiveResult, ReceivedPackageInfo } from '../../../shared/api/exchange-types';
import type { Language } from '../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { ErrorAlert } from '../../app/ErrorAlert';
import { errorText } from '../../app/error-text';
import { formatDateTime } from './format';
import { PackageDiffView } from './PackageDiffView';
import { officeText } from './use-names';

/** What happened to a staged package in this session. */
export type Outcome = { kind: 'accepted'; info: ReceivedPackageInfo } | { kind: 'rejected'; reason: string };

type Props = {
  result: ReceiveResult;
  outcome: Outcome | null;
  language: Language;
  unitNames: ReadonlyMap<string, string>;
  officeNames: ReadonlyMap<string, string>;
  onDecided: (outcome: Outcome) => void;
};

/**
 * One received file: its verification result and, while it is staged, the §6.3 preview
 * with the two decisions. Warnings (W_*) keep "Nhập" disabled until the supervisor box
 * is ticked (§6.3: warnings need a supervisor); a rejection asks for its reason, which
 * goes into the import log.
 */
export function ReceiveItem({ result, outcome, language, unitNames, officeNames, onDecided }: Props) {
  const { t } = useTranslation('consolidation');
  const { t: tApp } = useTranslation();
  const client = useClient();
  const headingId = useId();
  const supervisorId = useId();
  const reasonId = useId();
  const [isSupervisorConfirmed, setIsSupervisorConfirmed] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isStaged = result.stagingId !== null && outcome === null;
  const isDuplicate = result.code === 'I_ALREADY_IMPORTED';
  const isRefused = result.stagingId === null && !isDuplicate;
  const hasWarnings = result.warnings.length > 0;

  const run = (action: () => Promise<Outcome>) => {
    setError(null);
    setIsBusy(true);
    action()
      .then(onDecided)
      .catch((caught: unknown) => setError(errorText(caught, tApp)))
      .finally(() => setIsBusy(false));
  };

  const confirm = () => {
    const stagingId = result.stagingId;
    if (stagingId === null) return;
    run(async () => ({ kind: 'accepted', info: await client.call('packages.confirm', { stagingId, isSupervisorConfirmed: hasWarnings && isSupervisorConfirmed }) }));
  };

  const reject = (event: FormEvent) => {
    event.preventDefault();
    const stagingId = result.stagingId;
    const text = (reason ?? '').trim();
    if (stagingId === null || text === '') return;
    run(async () => {
      await client.call('packages.reject', { stagingId, reason: text });
      return { kind: 'rejected', reason: text };
    });
  };

  const mark = isRefused ? t('receive.refused') : isDuplicate ? tApp('exchange.receive.ok') : outcome === null ? t('receive.staged') : null;
  return (
    <article className={isRefused ? 'receive-item row-refused' : 'receive-item'} aria-labelledby={headingId} data-testid="receive-result" data-file={result.file}>
      <header className="receive-item-head">
        <h3 id={headingId} className="file-name" data-testid="receive-file">
          {result.file}
        </h3>
        {mark !== null && (
          <span className={isRefused ? 'mark-refused' : 'mark-ok'} data-testid="receive-mark">
            {mark}
          </span>
        )}
      </header>
      <dl className="facts receive-facts">
        <dt>{tApp('exchange.receive.columns.code')}</dt>
        <dd>
          <code data-testid="receive-code">{result.code}</code>
        </dd>
        <dt>{tApp('exchange.receive.columns.message')}</dt>
        <dd data-testid="receive-message">{result.message}</dd>
        {result.issuer !== null && (
          <>
            <dt>{tApp('exchange.receive.columns.issuer')}</dt>
            <dd>{result.issuerName === null ? result.issuer : `${result.issuerName} (${result.issuer})`}</dd>
            <dt>{tApp('exchange.receive.columns.period')}</dt>
            <dd>{result.period ?? tApp('exchange.none')}</dd>
            <dt>{tApp('exchange.send.sequence')}</dt>
            <dd data-testid="receive-sequence">{result.sequence ?? tApp('exchange.none')}</dd>
          </>
        )}
      </dl>
      {outcome !== null && (
        <p className={outcome.kind === 'accepted' ? 'result' : 'result result-rejected'} role="status" data-testid="receive-outcome">
          {outcome.kind === 'accepted'
            ? t('receive.accepted', { time: formatDateTime(outcome.info.acceptedAt), sequence: outcome.info.sequence, issuer: officeText(outcome.info.issuer, officeNames), period: outcome.info.periodId })
            : t('receive.rejected', { reason: outcome.reason })}
        </p>
      )}
      {isDuplicate && <p className="hint">{t('receive.duplicate')}</p>}
      {isStaged && result.diff !== null && <PackageDiffView diff={result.diff} warnings={result.warnings} language={language} unitNames={unitNames} />}
      {isStaged && (
        <div className="receive-decision" aria-busy={isBusy}>
          {hasWarnings && (
            <div className="check-field supervisor-check">
              <input id={supervisorId} type="checkbox" checked={isSupervisorConfirmed} onChange={(e) => setIsSupervisorConfirmed(e.currentTarget.checked)} aria-describedby={`${supervisorId}-hint`} />
              <label htmlFor={supervisorId}>{t('receive.supervisor')}</label>
              <span id={`${supervisorId}-hint`} className="field-hint">
                {t('receive.supervisorHint')}
              </span>
            </div>
          )}
          {reason === null ? (
            <div className="actions">
              <button type="button" className="button primary" disabled={isBusy || (hasWarnings && !isSupervisorConfirmed)} onClick={confirm}>
                {t('receive.confirm')}
              </button>
              <button type="button" className="button" disabled={isBusy} onClick={() => setReason('')}>
                {t('receive.reject')}
              </button>
            </div>
          ) : (
            <form className="reject-form" onSubmit={reject}>
              <div className="field">
                <label className="field-label" htmlFor={reasonId}>
                  {t('receive.rejectReason')}
                </label>
                <textarea id={reasonId} className="text-input reason-input" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              </div>
              <div className="actions">
                <button type="submit" className="button danger" disabled={isBusy || reason.trim() === ''}>
                  {t('receive.rejectSubmit')}
                </button>
                <button type="button" className="button" onClick={() => setReason(null)}>
                  {t('receive.cancel')}
                </button>
              </div>
            </form>
          )}
        </div>
      )}
      <ErrorAlert message={error} onDismiss={() => setError(null)} />
    </article>
  );
}
