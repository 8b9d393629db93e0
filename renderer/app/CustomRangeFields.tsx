import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDateText } from '../../shared/domain/field-values';
import { customPeriodId, parsePeriodId } from '../../shared/domain/period';
import type { DateRange } from './period-choice';

type Props = { value: DateRange; onChange: (range: DateRange) => void };

/**
 * Start and end of a custom period, typed dd/mm/yyyy as everywhere else. The range is
 * applied with Enter or the button, never on each keystroke, so a half-typed date does
 * not reload the sheets.
 */
export function CustomRangeFields({ value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [fromText, setFromText] = useState(() => formatDate(value.startDate));
  const [toText, setToText] = useState(() => formatDate(value.endDate));
  const [problem, setProblem] = useState<string | null>(null);

  const apply = () => {
    const startDate = parseDateText(fromText);
    const endDate = parseDateText(toText);
    if (startDate === null) return setProblem(t('period.badDate', { text: fromText }));
    if (endDate === null) return setProblem(t('period.badDate', { text: toText }));
    if (endDate < startDate) return setProblem(t('period.badRange', { from: formatDate(startDate), to: formatDate(endDate) }));
    if (parsePeriodId(customPeriodId(startDate, endDate)) === null) return setProblem(t('period.outOfRange'));
    setProblem(null);
    onChange({ startDate, endDate });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') apply();
  };

  return (
    <>
      <div className="inline-field">
        <label htmlFor={`${id}-from`}>{t('period.from')}</label>
        <input
          id={`${id}-from`}
          className="date-input"
          value={fromText}
          placeholder={t('period.datePlaceholder')}
          aria-invalid={problem !== null}
          onChange={(e) => setFromText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="inline-field">
        <label htmlFor={`${id}-to`}>{t('period.to')}</label>
        <input
          id={`${id}-to`}
          className="date-input"
          value={toText}
          placeholder={t('period.datePlaceholder')}
          aria-invalid={problem !== null}
          onChange={(e) => setToText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <button type="button" className="button small" onClick={apply}>
        {t('period.apply')}
      </button>
      {problem !== null && (
        <span className="range-problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
