import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../app/client-context';
import { errorText } from '../app/error-text';

type Reading = 'cumulative' | 'literal';
type Props = { onChanged: () => void };

/**
 * How QĐ 28/2025's level bands are read (domain.md §5.4): the cumulative reading is the
 * default; an office whose provincial police read the bands literally switches here,
 * and the classification and the problems are computed again.
 */
export function ReadingSelect({ onChanged }: Props) {
  const { t } = useTranslation('grid');
  const { t: tApp } = useTranslation();
  const client = useClient();
  const id = useId();
  const [reading, setReading] = useState<Reading | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    client
      .call('app.info', {})
      .then((info) => {
        if (isCurrent) setReading(info.classificationReading);
      })
      .catch((e: unknown) => setError(errorText(e, tApp)));
    return () => {
      isCurrent = false;
    };
  }, [client, tApp]);

  const change = (next: Reading) => {
    setReading(next);
    client
      .call('settings.setClassificationReading', { reading: next })
      .then(() => {
        setError(null);
        onChanged();
      })
      .catch((e: unknown) => setError(errorText(e, tApp)));
  };

  return (
    <span className="reading-select" title={t('problems.readingHint')}>
      <label htmlFor={id}>{t('problems.reading')}</label>
      <select id={id} value={reading ?? 'cumulative'} disabled={reading === null} onChange={(e) => change(e.currentTarget.value === 'literal' ? 'literal' : 'cumulative')}>
        <option value="cumulative">{t('problems.readingCumulative')}</option>
        <option value="literal">{t('problems.readingLiteral')}</option>
      </select>
      {error !== null && <span className="problems-error">{error}</span>}
    </span>
  );
}
