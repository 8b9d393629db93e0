import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportReadiness } from '../../shared/api/contract';
import { useClient } from '../app/client-context';
import { errorText } from '../app/error-text';
import { ModalDialog } from '../app/ModalDialog';

type Props = { periodId: string; periodText: string; warnings: number };

/** "Kiểm tra để gửi": asks exports.readiness and says whether the period can be sent, and if not why. */
export function ExportCheck({ periodId, periodText, warnings }: Props) {
  const { t } = useTranslation('grid');
  const { t: tApp } = useTranslation();
  const client = useClient();
  const [answer, setAnswer] = useState<ExportReadiness | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const check = () => {
    setIsBusy(true);
    client
      .call('exports.readiness', { periodId })
      .then((readiness) => {
        setAnswer(readiness);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e, tApp)))
      .finally(() => setIsBusy(false));
  };
  const close = () => {
    setAnswer(null);
    setError(null);
  };

  return (
    <>
      <button type="button" className="button export-check" data-testid="export-check" disabled={isBusy} onClick={check}>
        {t('problems.exportCheck')}
      </button>
      {(answer !== null || error !== null) && (
        <ModalDialog
          title={t('problems.exportTitle')}
          onClose={close}
          isWide={answer !== null && !answer.isReady}
          testId="export-result"
          actions={
            <button type="button" className="button" onClick={close}>
              {t('problems.close')}
            </button>
          }
        >
          {error !== null && <p className="problems-error">{error}</p>}
          {answer !== null && answer.isReady && (
            <p className="export-ready" data-testid="export-ready">
              {t('problems.exportReady', { period: periodText, n: warnings })}
            </p>
          )}
          {answer !== null && !answer.isReady && (
            <div data-testid="export-refused">
              <p className="export-refused">{t('problems.exportRefused', { period: periodText, n: answer.errors.length })}</p>
              <ul className="export-errors">
                {answer.errors.map((problem, i) => (
                  <li key={`${problem.ruleId}|${problem.recordId}|${String(i)}`} data-testid="export-error">
                    <strong>{problem.ruleId}</strong> — {t(`problems.sheets.${problem.sheet}`)} {problem.recordId}: {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </ModalDialog>
      )}
    </>
  );
}
