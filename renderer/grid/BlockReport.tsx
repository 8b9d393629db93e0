import { useTranslation } from 'react-i18next';
import { termsEn } from '../../shared/i18n/errors-en';
import { termsVi } from '../../shared/i18n/errors-vi';
import type { Language } from '../../shared/i18n/format';
import type { CellProblem } from './block-plan';
import type { BlockReport as Report } from './use-sheet-edits';

type Props = { report: Report | null; language: Language; onClose: () => void };

/** Rows beyond this are summarised: a pasted sheet of 10,000 bad cells must not freeze the screen. */
const SHOWN_PROBLEMS = 50;

/**
 * The cells a paste, fill or clear could not store, each with its row, column, value
 * and the rule in the user's language. The rest of the block was stored, so the
 * report stays until closed: it is the list of what to fix.
 */
export function BlockReport({ report, language, onClose }: Props) {
  const { t } = useTranslation('grid');
  if (report === null || report.problems.length === 0) return null;
  const terms = language === 'en' ? termsEn : termsVi;
  const reasonOf = (p: CellProblem) => {
    switch (p.reason.kind) {
      case 'rule':
        return terms[p.reason.rule];
      case 'readOnly':
        return t('paste.readOnly');
      case 'noNewRows':
        return t('paste.noNewRows');
      case 'server':
        return p.reason.message;
    }
  };
  const count = report.problems.length;
  const shown = report.problems.slice(0, SHOWN_PROBLEMS);
  return (
    <div className="block-report" role="alert" data-testid="paste-report">
      <div className="block-report-head">
        <strong>{report.storedCount > 0 ? t('paste.title', { stored: report.storedCount, count }) : t('paste.titleNone', { count })}</strong>
        <button type="button" onClick={onClose}>
          {t('paste.close')}
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th>{t('paste.row')}</th>
            <th>{t('paste.column')}</th>
            <th>{t('paste.value')}</th>
            <th>{t('paste.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p, i) => (
            <tr key={i} data-testid="paste-problem">
              <td>{p.row}</td>
              <td>{p.column}</td>
              <td>{p.value}</td>
              <td>{reasonOf(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {count > SHOWN_PROBLEMS && <div>{t('paste.more', { n: count - SHOWN_PROBLEMS })}</div>}
    </div>
  );
}
