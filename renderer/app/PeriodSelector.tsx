import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodKind } from '../../shared/domain/period';
import { CustomRangeFields } from './CustomRangeFields';
import { changeKind, choiceId, hasYear, seqCount, yearOptions, type PeriodChoice } from './period-choice';

type Props = { value: PeriodChoice; onChange: (choice: PeriodChoice) => void; today: Date };

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * Kind (năm / 6 tháng / quý / tháng, the official yearly windows, the action month or a
 * custom range), then the year and the half, quarter or month, or the two dates.
 */
export function PeriodSelector({ value, onChange, today }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const years = yearOptions(today.getFullYear());
  if (!years.includes(value.year)) years.push(value.year);
  const seqs = Array.from({ length: seqCount(value.kind) }, (_, i) => i + 1);

  const seqLabel = (seq: number): string => {
    if (value.kind === 'HALF_YEAR') return t(seq === 1 ? 'period.halves.1' : 'period.halves.2');
    // Vietnamese writes quarters in Roman numerals (Quý III), English in digits (Q3).
    if (value.kind === 'QUARTER') return t('period.quarter', { quarter: i18n.language === 'en' ? String(seq) : (ROMAN[seq - 1] ?? '') });
    return t('period.month', { month: seq });
  };

  return (
    <div className="period-selector" role="group" aria-label={t('period.label')}>
      <div className="inline-field">
        <label htmlFor={`${id}-kind`}>{t('period.kind')}</label>
        <select id={`${id}-kind`} value={value.kind} onChange={(e) => onChange(changeKind(value, e.currentTarget.value as PeriodKind, today.getMonth() + 1))}>
          {PERIOD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`period.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {hasYear(value.kind) && (
        <div className="inline-field">
          <label htmlFor={`${id}-year`}>{t('period.year')}</label>
          <select id={`${id}-year`} value={value.year} onChange={(e) => onChange({ ...value, year: Number(e.currentTarget.value) })}>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
      )}
      {seqs.length > 0 && (
        <div className="inline-field">
          <label htmlFor={`${id}-seq`}>{t('period.seq')}</label>
          <select id={`${id}-seq`} value={value.seq ?? 1} onChange={(e) => onChange({ ...value, seq: Number(e.currentTarget.value) })}>
            {seqs.map((seq) => (
              <option key={seq} value={seq}>
                {seqLabel(seq)}
              </option>
            ))}
          </select>
        </div>
      )}
      {value.kind === 'CUSTOM' && value.range !== undefined && (
        // Keyed on the range: choosing another kind and back starts from fresh texts.
        <CustomRangeFields key={choiceId(value)} value={value.range} onChange={(range) => onChange({ kind: 'CUSTOM', year: Number(range.endDate.slice(0, 4)), seq: null, range })} />
      )}
    </div>
  );
}
