import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodProblem } from '../../shared/api/contract';
import type { SheetName } from '../../shared/api/register-types';
import { ExportCheck } from './ExportCheck';
import { ReadingSelect } from './ReadingSelect';
import type { Problems } from './use-problems';
import './problems.css';

type Props = {
  problems: Problems;
  periodId: string;
  periodText: string;
  /** Shows the sheet's tab (its grid may mount only now). */
  onShowSheet: (sheet: SheetName) => void;
};

/** How long a jump waits for the sheet's grid and row to appear. */
const JUMP_TRIES = 40;
const JUMP_INTERVAL_MS = 100;

/**
 * The Problems panel (Vấn đề) under the sheets: counts by severity always shown, the
 * list of the period's problems when opened; a row shows its sheet and focuses the cell.
 * The export check sits here too, since it answers with the same errors.
 */
export function ProblemsPanel({ problems, periodId, periodText, onShowSheet }: Props) {
  const { t } = useTranslation('grid');
  const [isOpen, setIsOpen] = useState(false);
  const timer = useRef<number | null>(null);
  const { list, focusCell } = problems;
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const jump = (problem: PeriodProblem) => {
    onShowSheet(problem.sheet);
    if (timer.current !== null) window.clearTimeout(timer.current);
    const field = problem.fields[0] ?? null;
    let tries = 0;
    const attempt = () => {
      timer.current = null;
      if (focusCell(problem.sheet, problem.recordId, field) || ++tries >= JUMP_TRIES) return;
      timer.current = window.setTimeout(attempt, JUMP_INTERVAL_MS);
    };
    // After the tab switch has rendered.
    timer.current = window.setTimeout(attempt, 0);
  };

  const countsText = list === null ? t('problems.loading') : t('problems.counts', { errors: list.counts.errors, warnings: list.counts.warnings });
  const hasErrors = (list?.counts.errors ?? 0) > 0;

  return (
    <section className={isOpen ? 'problems-panel is-open' : 'problems-panel'} aria-label={t('problems.title')} data-testid="problems-panel">
      <div className="problems-bar">
        <button type="button" className="problems-toggle" aria-expanded={isOpen} data-testid="problems-toggle" onClick={() => setIsOpen((open) => !open)} title={isOpen ? t('problems.hide') : t('problems.show')}>
          <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> {t('problems.title')}
        </button>
        <span className={hasErrors ? 'problem-counts has-errors' : 'problem-counts'} data-testid="problem-counts">
          {countsText}
        </span>
        {problems.error !== null && <span className="problems-error">{problems.error}</span>}
        <span className="spacer" />
        <ReadingSelect onChanged={problems.refresh} />
        <ExportCheck periodId={periodId} periodText={periodText} warnings={list?.counts.warnings ?? 0} />
      </div>
      {isOpen && list !== null && (
        <div className="problems-list">
          {list.problems.length === 0 ? (
            <p className="problems-none">{t('problems.none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('problems.severity')}</th>
                  <th>{t('problems.rule')}</th>
                  <th>{t('problems.sheet')}</th>
                  <th>{t('problems.record')}</th>
                  <th>{t('problems.message')}</th>
                </tr>
              </thead>
              <tbody>
                {list.problems.map((problem, i) => (
                  <tr
                    key={`${problem.ruleId}|${problem.sheet}|${problem.recordId}|${problem.fields.join(',')}|${String(i)}`}
                    className={`problem-row is-${problem.severity}`}
                    data-testid="problem-row"
                    data-rule={problem.ruleId}
                    tabIndex={0}
                    onClick={() => jump(problem)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') jump(problem);
                    }}
                  >
                    <td className="problem-severity">{problem.severity === 'error' ? `✖ ${t('problems.error')}` : `⚠ ${t('problems.warning')}`}</td>
                    <td>{problem.ruleId}</td>
                    <td>{t(`problems.sheets.${problem.sheet}`)}</td>
                    <td>{problem.recordId}</td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
